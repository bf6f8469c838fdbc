/* csvsniff.c - what the CSV reader guesses from a file's first bytes: the
 * delimiter and, for a tab file, the decimal mark (see csv_impl.h). */
#include <string.h>

#include "csv_impl.h"

void wfm_csv_sniff_bytes(struct wfm_csv_sniff *sn, const char *s, size_t n,
			 size_t max)
{
	static const char cand[3] = {',', ';', '\t'};
	size_t i;
	int k;

	for (i = 0; i < n && !sn->decided; i++) {
		char c = s[i];

		if (++sn->seen > max) {
			sn->decided = 1;
		} else if (c == '"') {
			sn->inq = !sn->inq;
			sn->content = 1;
		} else if (sn->inq) {
			continue;
		} else if (c == '\r' || c == '\n') {
			if (sn->content)
				sn->decided = 1;
			else
				memset(sn->count, 0, sizeof sn->count);
		} else {
			for (k = 0; k < 3 && c != cand[k]; k++)
				;
			if (k < 3)
				sn->count[k]++;
			if (c != ' ' && c != '\t')
				sn->content = 1;
		}
	}
}

char wfm_csv_sniff_pick(const struct wfm_csv_sniff *sn)
{
	static const char cand[3] = {',', ';', '\t'};
	int k, best = 0;

	for (k = 1; k < 3; k++)
		if (sn->count[k] > sn->count[best])
			best = k;
	return cand[best];
}

size_t wfm_csv_count_lines(const char *s, size_t n)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++)
		k += s[i] == '\n';
	return k;
}

/* 1 when s[0..n) is digits, `mark`, digits (optionally signed). */
static int looks_decimal(const char *s, size_t n, char mark)
{
	size_t i = 0, d1 = 0, d2 = 0;

	if (n && (s[0] == '-' || s[0] == '+'))
		i++;
	for (; i < n && s[i] >= '0' && s[i] <= '9'; i++)
		d1++;
	if (i == n || s[i] != mark)
		return 0;
	for (i++; i < n && s[i] >= '0' && s[i] <= '9'; i++)
		d2++;
	return i == n && d1 && d2;
}

char wfm_csv_sniff_decimal(const char *s, size_t n, int eof)
{
	size_t i = 0, start = 0, lines = 0;
	long comma = 0, point = 0;

	/* only whole lines within the first DECIMAL_SNIFF_BYTES */
	if (!eof || n > DECIMAL_SNIFF_BYTES) {
		if (n > DECIMAL_SNIFF_BYTES)
			n = DECIMAL_SNIFF_BYTES;
		while (n > 0 && s[n - 1] != '\n')
			n--;
	}

	for (i = 0; i <= n && lines <= DECIMAL_SNIFF_LINES; i++) {
		if (i < n && s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
			continue;
		if (lines > 0) { /* not the header */
			size_t a = start, b = i;

			if (b - a >= 2 && s[a] == '"' && s[b - 1] == '"') {
				a++;
				b--;
			}
			comma += looks_decimal(s + a, b - a, ',');
			point += looks_decimal(s + a, b - a, '.');
		}
		if (i < n && s[i] == '\n')
			lines++;
		start = i + 1;
	}
	return comma > point ? ',' : '.';
}
