#include "grow.h"

#include <stdint.h>
#include <stdlib.h>

int wfm_grow(void **p, size_t *cap, size_t need, size_t elem)
{
	size_t max = PTRDIFF_MAX / elem, c;
	void *q;

	if (need <= *cap)
		return 0;
	if (need > max)
		return -1;
	c = *cap ? *cap : 16;
	while (c < need)
		c = c <= max / 2 ? 2 * c : need;
	if (c > max)
		c = need;
	q = realloc(*p, c * elem);
	if (!q)
		return -1;
	*p = q;
	*cap = c;
	return 0;
}
