// The system libyaml (Debian `libyaml-dev`, pkg-config `yaml-0.1`), exposed to Swift as the module `CYaml`.
#include <yaml.h>
