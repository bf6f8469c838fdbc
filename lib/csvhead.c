/* csvhead.c - header mapping and name folding for the CSV reader (see csv.h).
 *
 * Uses only the reader's public functions.
 */
#include "csv.h"

#include <string.h>

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

void wfm_csv_fold(const char *s, char *out, size_t n)
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

/* 1 when the folded header cell `cell` names column c. */
static int col_matches(const wfm_csv_col *c, const char *cell)
{
	char f[256];
	size_t i;

	wfm_csv_fold(c->name, f, sizeof f);
	if (strcmp(f, cell) == 0)
		return 1;
	for (i = 0; c->aliases && c->aliases[i]; i++) {
		wfm_csv_fold(c->aliases[i], f, sizeof f);
		if (strcmp(f, cell) == 0)
			return 1;
	}
	return 0;
}

int wfm_csv_map(const wfm_csv *r, const wfm_csv_col *cols, size_t ncols,
		int *idx, wfm_err *e)
{
	char cell[256], a[200], b[200], list[WFM_ERR_MSG_MAX];
	size_t i, j, len = 0, missing = 0;

	for (i = 0; i < ncols; i++)
		idx[i] = -1;
	for (j = 0; j < wfm_csv_nfields(r); j++) {
		wfm_csv_fold(wfm_csv_field(r, j), cell, sizeof cell);
		if (!cell[0])
			continue;
		for (i = 0; i < ncols && !col_matches(&cols[i], cell); i++)
			;
		if (i == ncols)
			continue;
		if (idx[i] >= 0)
			return wfm_err_set(e, WFM_EDATA,
					   "%s:%ld: column '%s' given twice: '%s' and '%s'",
					   wfm_csv_name(r), wfm_csv_line(r), cols[i].name,
					   wfm_csv_show(wfm_csv_field(r, (size_t)idx[i]), a,
							sizeof a),
					   wfm_csv_show(wfm_csv_field(r, j), b, sizeof b));
		idx[i] = (int)j;
	}
	list[0] = '\0';
	for (i = 0; i < ncols; i++) {
		if (!cols[i].required || idx[i] >= 0)
			continue;
		len += (size_t)snprintf(list + len, sizeof list - len, "%s'%s'",
					missing ? ", " : "", cols[i].name);
		if (len >= sizeof list)
			len = sizeof list - 1;
		missing++;
	}
	if (missing)
		return wfm_err_set(e, WFM_EDATA, "%s:%ld: missing column%s %s", wfm_csv_name(r),
				   wfm_csv_line(r), missing > 1 ? "s" : "", list);
	return WFM_OK;
}
