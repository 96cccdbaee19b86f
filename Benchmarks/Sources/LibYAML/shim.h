// The system libyaml, for the baselines that read a spec with it and nothing of cqrs-gen.
#include <yaml.h>
