#ifndef CQRS_GEN_MALLOC_TUNING_H
#define CQRS_GEN_MALLOC_TUNING_H

/// Makes every thread allocate from one malloc arena, where the C library has arenas per thread (glibc); elsewhere
/// it does nothing.
void cqrs_gen_use_one_malloc_arena(void);

#endif
