/* fuzz_csv - the CSV reader (lib/io/csv.c, csvhead.c, csvsniff.c, csvtext.c) on arbitrary bytes.
 *
 * The first byte picks the options (delimiter, decimal mark, a small chunk
 * size, small limits); the rest is the file.  The input is read twice, with
 * the chosen chunk size and with the default, and the two readings must
 * agree record for record, line for line and error for error (csv.h: records,
 * line numbers and errors do not depend on opts.chunk); any difference
 * aborts.  The header is mapped onto the history's columns, so the field
 * count check and the messages naming header cells run too.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/csv.h"

static const char *const al_date[] = {"datum", "dag", NULL};
static const char *const al_n[] = {"aantal", "aangeboden", NULL};
static const wfm_csv_col cols[] = {
	{"date", al_date, 1}, {"offered", al_n, 0}, {"line", NULL, 0},
};

struct sink {
	char *buf;
	size_t len, cap;
};

static void put(struct sink *s, const char *text, size_t n)
{
	if (s->len + n + 1 > s->cap) {
		size_t cap = (s->len + n + 1) * 2;
		char *p = realloc(s->buf, cap);

		if (!p)
			abort();
		s->buf = p;
		s->cap = cap;
	}
	memcpy(s->buf + s->len, text, n);
	s->len += n;
	s->buf[s->len] = '\0';
}

/* A number and a separator. */
static void putn(struct sink *s, long v, char sep)
{
	char t[32];
	int n = snprintf(t, sizeof t, "%ld%c", v, sep);

	put(s, t, (size_t)n);
}

/* Everything one reading shows: records, lines, errors. */
static void read_all(const uint8_t *data, size_t n, const wfm_csv_opts *o, struct sink *s)
{
	wfm_err e = {0, ""};
	wfm_csv *r = wfm_csv_open_mem("f.csv", (const char *)data, n, o, &e);
	int idx[3], rc, mapped = 0, k = 0;
	char shown[64];
	size_t i;

	if (!r) {
		putn(s, e.code, '\n');
		return;
	}
	while ((rc = wfm_csv_next(r, &e)) != 0 && k++ < 100000) {
		putn(s, rc, ':');
		putn(s, wfm_csv_line(r), '|');
		if (rc < 0) {
			put(s, e.msg, strlen(e.msg));
			put(s, "\n", 1);
			if (!wfm_csv_row_failed(r))
				break;
		}
		for (i = 0; i < wfm_csv_nfields(r); i++) {
			const char *f = wfm_csv_field(r, i);

			put(s, f, strlen(f));
			put(s, "|", 1);
			wfm_csv_show(f, shown, sizeof shown);
		}
		put(s, "\n", 1);
		if (!mapped) {
			mapped = 1;
			if (wfm_csv_map(r, cols, 3, idx, &e) != WFM_OK) {
				put(s, e.msg, strlen(e.msg));
				put(s, "\n", 1);
			}
		} else if (rc > 0 && !wfm_csv_blank_record(r)) {
			wfm_csv_cell_error(r, &e, wfm_csv_head(r, 0), "checked",
					   wfm_csv_field(r, 0));
		}
	}
	putn(s, wfm_csv_delim(r), ' ');
	putn(s, wfm_csv_numfmt(r).decimal, '\n');
	wfm_csv_free(r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char delims[4] = {0, ',', ';', '\t'};
	static const char decs[3] = {0, '.', ','};
	wfm_csv_opts o = {0, 0, 0, 0, 0};
	struct sink a = {0}, b = {0};
	uint8_t c;

	if (size == 0)
		return 0;
	c = data[0];
	o.delim = delims[c & 3];
	o.decimal = decs[((c >> 2) & 3) % 3];
	if (c & 0x10) {
		o.max_field = 64;
		o.max_line = 256;
	}
	read_all(data + 1, size - 1, &o, &a);
	o.chunk = 1 + (c >> 5) * 3; /* 1, 4, 7 ... 22 bytes */
	read_all(data + 1, size - 1, &o, &b);
	if (a.len != b.len || memcmp(a.buf, b.buf, a.len) != 0) {
		fprintf(stderr, "the reading depends on the chunk size %zu:\n--- default\n%s\n"
			"--- small chunks\n%s\n", o.chunk, a.buf, b.buf);
		abort();
	}
	free(a.buf);
	free(b.buf);
	return 0;
}
