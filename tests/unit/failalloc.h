/* failalloc.h - allocation failures on demand, for the fault-injection tests
 * (tests/unit/test_fault.c).
 *
 * Not a hook in the library: the test binary is linked with
 * -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc,--wrap=strdup (see the
 * Makefile), so every call the library's objects make to these functions
 * goes through failalloc.c, which counts them and makes the chosen one fail
 * as the real function does when memory runs out (NULL, errno ENOMEM).
 * Allocations inside the C library or other libraries (stdio, GSL, libcsv)
 * are not counted.
 */
#ifndef WFM_FAILALLOC_H
#define WFM_FAILALLOC_H

/* From now on allocation number `n` (1-based, counted from this call) fails,
 * and only that one; 0 makes none fail.  Resets the count. */
void failalloc_arm(long n);

/* Allocations made since the last failalloc_arm. */
long failalloc_count(void);

/* 1 when the armed allocation was reached (and failed). */
int failalloc_fired(void);

#endif
