#include "MallocTuning.h"

// Any C library header defines __GLIBC__ when the library is glibc; <stdlib.h> is everywhere.
#include <stdlib.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

void cqrs_gen_use_one_malloc_arena(void) {
#if defined(__GLIBC__)
    mallopt(M_ARENA_MAX, 1);
#endif
}
