// Declarations only: LLVMFuzzerRunDriver comes from libFuzzer's runtime, linked by -sanitize=fuzzer.
#include "FuzzerDriver.h"
