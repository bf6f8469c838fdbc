/* csv_impl.h - internals of the CSV reader shared by csv.c (the reader),
 * csvtext.c (text shown in messages) and csvsniff.c (the delimiter and the
 * decimal mark sniffed from the first bytes).  Functions of bytes only.
 * Not a public header: only lib/io/csv*.c include it. */
#ifndef WFM_CSV_IMPL_H
#define WFM_CSV_IMPL_H

#include <stddef.h>

/* Length of the valid UTF-8 sequence at u (n > 0 bytes available, u[0] >=
 * 0x80): 2..4, 0 when invalid, -1 when the bytes so far are a valid but
 * incomplete start. */
int wfm_csv_utf8_seq(const unsigned char *u, size_t n);

/* Copies s[0..len) into out (size n) for a message: printable ASCII and
 * valid UTF-8 as they are, other bytes as \xHH, at most 40 characters then
 * "...".  Returns out. */
char *wfm_csv_show_mem(const char *s, size_t len, char *out, size_t n);

/* The text of a field f[0..to) for a message about its byte i, into out
 * (size n): from a little before i ("..." when the start is cut), as
 * wfm_csv_show_mem shows it; when `after` > 0 at most `after` bytes after
 * byte i ("..." when cut: binary junk shows little of itself).  Returns
 * out. */
char *wfm_csv_show_at(const char *f, size_t i, size_t to, size_t after, char *out,
		      size_t n);

/* Delimiter sniffing: counts ',' ';' and tab outside quotes in the first
 * line that holds more than blanks, or in its first max_line bytes. */
struct wfm_csv_sniff {
	int inq, content, decided;
	size_t count[3], seen;
};

/* Feeds s[0..n) to the delimiter sniffing `sn` (zeroed at the start; its
 * `decided` set when the first line with more than blanks ended, or after
 * `max` bytes). */
void wfm_csv_sniff_bytes(struct wfm_csv_sniff *sn, const char *s, size_t n,
			 size_t max);

/* The delimiter sniffed: the most frequent of ',' ';' and tab, a tie to
 * the first of them in that order. */
char wfm_csv_sniff_pick(const struct wfm_csv_sniff *sn);

/* The decimal mark of a tab file is decided from its first lines (at most
 * DECIMAL_SNIFF_LINES after the header, within DECIMAL_SNIFF_BYTES): a comma
 * when more cells look like "12,5" than like "12.5", else a point.  The
 * decision depends on the content only, never on how it was read. */
enum { DECIMAL_SNIFF_LINES = 50, DECIMAL_SNIFF_BYTES = 65536 };

/* The number of LF in s[0..n). */
size_t wfm_csv_count_lines(const char *s, size_t n);

/* The decimal mark ',' or '.' of the tab file whose first bytes (after a
 * byte order mark) are s[0..n), `eof` when that is the whole file. */
char wfm_csv_sniff_decimal(const char *s, size_t n, int eof);

#endif
