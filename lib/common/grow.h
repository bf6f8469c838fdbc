/* grow.h - growing an array whose capacity is kept beside it. */
#ifndef WFM_GROW_H
#define WFM_GROW_H

#include <stddef.h>

/* Makes room for `need` elements of `elem` bytes (elem > 0) in the array *p
 * of capacity *cap.  When need exceeds *cap, reallocates *p to the first of
 * 2, 4, 8 ... times *cap (16, 32, 64 ... when *cap is 0) that holds `need`
 * (`need` itself where doubling would pass the limit) and stores the new
 * array and capacity in *p and *cap; the elements there keep their contents,
 * the new ones are uninitialised.  *p may be NULL with *cap 0.  Returns 0, or -1
 * when the array would pass PTRDIFF_MAX bytes or memory runs out: then *p
 * and *cap are unchanged and the caller still owns the array as it was.
 * `p` is the address of the caller's array pointer: (void **)&arr. */
int wfm_grow(void **p, size_t *cap, size_t need, size_t elem);

#endif
