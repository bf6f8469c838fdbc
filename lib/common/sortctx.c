#include "sortctx.h"

#include <stdlib.h>
#include <string.h>

/* Bottom-up merge sort: runs of width 1, 2, 4 ... merged between two buffers. */
int wfm_sort(void *base, size_t n, size_t size,
	     int (*cmp)(const void *, const void *, const void *), const void *ctx)
{
	char *a = base, *b, *src, *dst, *tmp;
	size_t width, lo;

	if (n < 2)
		return 0;
	/* already in order (a history read back, say): nothing to do */
	for (lo = 1; lo < n && cmp(a + (lo - 1) * size, a + lo * size, ctx) <= 0; lo++)
		;
	if (lo == n)
		return 0;
	b = malloc(n * size);
	if (!b)
		return -1;
	src = a;
	dst = b;
	for (width = 1; width < n; width *= 2) {
		for (lo = 0; lo < n; lo += 2 * width) {
			size_t mid = lo + width < n ? lo + width : n;
			size_t hi = lo + 2 * width < n ? lo + 2 * width : n;
			size_t i = lo, j = mid, k = lo;

			while (i < mid && j < hi) {
				if (cmp(src + j * size, src + i * size, ctx) < 0)
					memcpy(dst + k++ * size, src + j++ * size, size);
				else
					memcpy(dst + k++ * size, src + i++ * size, size);
			}
			memcpy(dst + k * size, src + i * size, (mid - i) * size);
			k += mid - i;
			memcpy(dst + k * size, src + j * size, (hi - j) * size);
		}
		tmp = src;
		src = dst;
		dst = tmp;
	}
	if (src != a)
		memcpy(a, src, n * size);
	free(b);
	return 0;
}
