/* fold.c - case and accent folding for names (see fold.h). */
#include "fold.h"

/* Folding table for U+00C0..U+017F: the ASCII letter each folds to, or a
 * code: '1' "ae", '2' "th", '3' "ss", '4' "ij", '5' "oe", '-' nothing. */
static const char fold_tab[] =
	/* U+00C0 */ "aaaaaa1ceeeeiiiidnooooo-ouuuuy23"
	/* U+00E0 */ "aaaaaa1ceeeeiiiidnooooo-ouuuuy2y"
	/* U+0100 */ "aaaaaaccccccccddddeeeeeeeeeegggg"
	/* U+0120 */ "gggghhhhiiiiiiiiii44jjkkklllllll"
	/* U+0140 */ "lllnnnnnnnnnoooooo55rrrrrrssssss"
	/* U+0160 */ "ssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

/* What the character at *u folds to; advances *u past it.  A two-byte
 * UTF-8 sequence for U+00C0..U+017F goes through the table; any other
 * non-ASCII character, and any byte that does not start a sequence, folds
 * to nothing. */
static const char *fold_char(const unsigned char **u, char one[2])
{
	static const char *const multi[] = {"ae", "th", "ss", "ij", "oe"};
	const unsigned char *p = *u;
	unsigned cp;
	long want;
	char c;

	if (*p < 0x80) {
		*u = p + 1;
		c = (char)(*p >= 'A' && *p <= 'Z' ? *p - 'A' + 'a' : *p);
		one[0] = c;
		return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ? one : "";
	}
	/* a lead byte with as many continuation bytes as it announces and are
	 * there, or one stray byte */
	want = *p >= 0xF0 ? 4 : *p >= 0xE0 ? 3 : *p >= 0xC0 ? 2 : 1;
	for (*u = p + 1; *u - p < want && (**u & 0xC0) == 0x80; (*u)++)
		;
	if (want != 2 || *u - p != 2) /* only whole two-byte sequences matter */
		return "";
	cp = (unsigned)(p[0] & 0x1F) << 6 | (p[1] & 0x3F);
	if (cp < 0xC0 || cp > 0x17F)
		return "";
	c = fold_tab[cp - 0xC0];
	if (c >= '1' && c <= '5')
		return multi[c - '1'];
	if (c == '-')
		return "";
	one[0] = c;
	return one;
}

void wfm_fold(const char *s, char *out, size_t n)
{
	const unsigned char *u = (const unsigned char *)(s ? s : "");
	char one[2] = {0, 0};
	const char *add;
	size_t o = 0;

	if (n == 0)
		return;
	while (*u)
		for (add = fold_char(&u, one); *add && o + 1 < n; add++)
			out[o++] = *add;
	out[o] = '\0';
}
