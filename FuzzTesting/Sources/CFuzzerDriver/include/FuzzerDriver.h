#ifndef CQRS_GEN_FUZZER_DRIVER_H
#define CQRS_GEN_FUZZER_DRIVER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver, for a program that has a `main` of its own (SwiftPM gives every executable one): it parses
/// libFuzzer's flags from the command line and runs `callback` on each input. Defined by `-sanitize=fuzzer`'s runtime.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
