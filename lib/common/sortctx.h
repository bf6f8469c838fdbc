/* sortctx.h - a stable merge sort with a context pointer (C11 has no qsort_r). */
#ifndef WFM_SORTCTX_H
#define WFM_SORTCTX_H

#include <stddef.h>

/* Sorts `n` elements of `size` bytes at `base` stably by `cmp`, which gets
 * `ctx` as its third argument.  Needs n * size bytes of scratch memory:
 * returns 0 on success, -1 when it cannot be allocated (then `base` is
 * unchanged). */
int wfm_sort(void *base, size_t n, size_t size,
	     int (*cmp)(const void *, const void *, const void *), const void *ctx);

#endif
