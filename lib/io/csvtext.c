/* csvtext.c - the text of CSV cells shown in messages (wfm_csv_show in
 * csv.h, the rest in csv_impl.h): printable, valid UTF-8, cut short. */
#include <stdio.h>
#include <string.h>

#include "csv.h"
#include "csv_impl.h"

/* Length of the valid UTF-8 sequence at u (n > 0 bytes available, u[0] >=
 * 0x80): 2..4, 0 when invalid, -1 when the bytes so far are a valid but
 * incomplete start. */
int wfm_csv_utf8_seq(const unsigned char *u, size_t n)
{
	unsigned char lo = 0x80, hi = 0xBF;
	int len, i;

	if (u[0] >= 0xC2 && u[0] <= 0xDF)
		len = 2;
	else if (u[0] >= 0xE0 && u[0] <= 0xEF)
		len = 3;
	else if (u[0] >= 0xF0 && u[0] <= 0xF4)
		len = 4;
	else
		return 0;
	if (u[0] == 0xE0)
		lo = 0xA0; /* overlong */
	else if (u[0] == 0xED)
		hi = 0x9F; /* surrogates */
	else if (u[0] == 0xF0)
		lo = 0x90; /* overlong */
	else if (u[0] == 0xF4)
		hi = 0x8F; /* above U+10FFFF */
	for (i = 1; i < len; i++) {
		if ((size_t)i >= n)
			return -1;
		if (u[i] < (i == 1 ? lo : 0x80) || u[i] > (i == 1 ? hi : 0xBF))
			return 0;
	}
	return len;
}

/* Copies s[0..len) for a message: printable ASCII and valid UTF-8 as they
 * are, other bytes as \xHH, at most 40 characters then "...". */
char *wfm_csv_show_mem(const char *s, size_t len, char *out, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, o = 0, chars = 0;
	char piece[8];
	size_t k;
	int q;

	if (n == 0)
		return out;
	while (i < len) {
		if (chars == 40) {
			if (o + 4 <= n)
				memcpy(out + o, "...", 3), o += 3;
			break;
		}
		if (u[i] >= 0x20 && u[i] < 0x7F) {
			piece[0] = (char)u[i];
			k = 1, q = 1;
		} else if (u[i] >= 0x80 && (q = wfm_csv_utf8_seq(u + i, len - i)) > 0 &&
			   !(u[i] == 0xC2 && u[i + 1] < 0xA0)) { /* C1 controls */
			memcpy(piece, s + i, (size_t)q);
			k = (size_t)q;
		} else {
			snprintf(piece, sizeof piece, "\\x%02X", u[i]);
			k = 4, q = 1;
		}
		if (o + k + 1 > n)
			break;
		memcpy(out + o, piece, k);
		o += k;
		i += (size_t)q;
		chars++;
	}
	out[o] = '\0';
	return out;
}

char *wfm_csv_show(const char *s, char *out, size_t n)
{
	return wfm_csv_show_mem(s ? s : "", s ? strlen(s) : 0, out, n);
}

/* The text of a field f[0..to) for a message about its byte i: from a
 * little before i ("..." when the start is cut), as wfm_csv_show_mem shows it; when
 * `after` > 0 at most `after` bytes after byte i ("..." when cut: binary
 * junk shows little of itself). */
char *wfm_csv_show_at(const char *f, size_t i, size_t to, size_t after, char *out,
		      size_t n)
{
	const unsigned char *u = (const unsigned char *)f;
	size_t from = i > 30 ? i - 30 : 0, o = 0;
	int cut = after > 0 && to > i + 1 + after;

	while (from > 0 && from < i && (u[from] & 0xC0) == 0x80)
		from++;
	if (cut)
		to = i + 1 + after;
	if (from && n > 4) {
		memcpy(out, "...", 3);
		o = 3;
	}
	wfm_csv_show_mem(f + from, to - from, out + o, n - o);
	o = strlen(out);
	if (cut && o + 4 <= n && (o < 3 || strcmp(out + o - 3, "...") != 0))
		memcpy(out + o, "...", 4);
	return out;
}
