/* csv.c - the CSV reader over libcsv (see csv.h).
 *
 * How the reader works.  The source is read in chunks; the bytes read before
 * the first record is parsed (enough to see the byte order mark and, when
 * sniffing, the whole first record) are kept in `pre` and parsed first.
 * Bytes go to libcsv in segments that end after every CR or LF, at every
 * multiple of GRID bytes of the stream and at the end of a chunk, so:
 *  - a segment holds at most one record end (at its last byte): the record
 *    libcsv completes in a segment is complete when csv_parse returns, and
 *    nothing of the next record has been parsed yet;
 *  - lines are counted per segment; a record's first line is known as soon
 *    as libcsv has left its "row not begun" state at the end of a segment
 *    (or when it hands over a field or a record within one);
 *  - the limits and the encoding of a field still being read are checked at
 *    CR, LF and GRID boundaries only.  These points depend on the bytes,
 *    not on the chunk size, which keeps records, line numbers and errors the
 *    same for every chunk size, while the memory for an endless field stays
 *    below max_field + GRID.
 * Fields handed over by libcsv are checked (encoding, then limits) and copied
 * into `rec`.  The first error is kept and reported again by every later
 * call.  libcsv runs in strict mode, so text after a closing quote is an
 * error; a quote inside an unquoted field is taken literally (the reader
 * feeds that one byte again with strict mode off).  The reader looks at the
 * fields libcsv declares in its public struct csv_parser: pstate, quoted,
 * status, entry_buf and entry_pos (libcsv 3.0.x).
 */
#include "csv.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <csv.h> /* libcsv's header: ours is "csv.h" beside this file, lib/ holds no csv.h */

#include "csv_impl.h"
#include "common/grow.h"

/* libcsv's parser states (libcsv.c; not exported by its header). */
enum { ROW_NOT_BEGUN = 0, FIELD_BEGUN = 2 };

#define GRID 4096
#define PARSE_OPTS (CSV_STRICT | CSV_APPEND_NULL)
#define SHOW_MAX 200

struct wfm_csv {
	struct csv_parser p;
	int parser_up;
	char *name;
	wfm_csv_opts o;
	char delim;
	wfm_numfmt nf;

	/* the source: a FILE or memory */
	FILE *f;
	int close_f;
	const char *mem;
	size_t memlen, mempos;
	char *buf; /* o.chunk bytes, for files */
	int src_eof;

	/* bytes read before parsing started */
	char *pre;
	size_t prelen, precap;

	/* the bytes being parsed: in[inpos..inlen) */
	const char *in;
	size_t inpos, inlen;
	int started;
	unsigned long long off; /* bytes given to libcsv so far */
	long line;              /* physical line of the next byte */
	int prev_cr;

	/* the current record */
	char *rec; /* its fields, each NUL-terminated */
	size_t reclen, reccap;
	size_t *offs; /* offs[i]: start of field i in rec */
	size_t nfields, offcap;
	size_t recbytes; /* sum of (length + 1) of its fields */
	long rec_line;   /* 0 until the record has begun */
	size_t checked;  /* bytes of the field being read already checked */
	int rec_done;

	/* the header, once wfm_csv_keep_header took it: its cells name the
	 * fields in messages, and every record must have as many fields */
	char *head;
	size_t *head_offs;
	size_t head_n;
	int row_failed; /* the current record has the wrong field count */

	int done;   /* end of input reached */
	int failed; /* err holds the error */
	long fail_line;
	wfm_err err;
};

/* "Reason" of errno in lower case, for messages. */
static const char *errno_text(int errnum, char *buf, size_t n)
{
	snprintf(buf, n, "%s", strerror(errnum));
	if (buf[0] >= 'A' && buf[0] <= 'Z' && !(buf[1] >= 'A' && buf[1] <= 'Z'))
		buf[0] = (char)(buf[0] - 'A' + 'a');
	return buf;
}

/* Names the field being read (number nfields + 1) for a message: "column
 * 'Datum'" once the header is known, "field 9 (the header has 7)" past its
 * end, "field N" before. */
static const char *field_label(const wfm_csv *r, char *buf, size_t n)
{
	char shown[SHOW_MAX];
	size_t i = r->nfields;

	if (r->head_n && i < r->head_n)
		snprintf(buf, n, "column '%s'",
			 wfm_csv_show(r->head + r->head_offs[i], shown, sizeof shown));
	else if (r->head_n)
		snprintf(buf, n, "field %zu (the header has %zu)", i + 1, r->head_n);
	else
		snprintf(buf, n, "field %zu", i + 1);
	return buf;
}

/* Records the reader's first error, "NAME:LINE: ..." for the current record. */
static void fail(wfm_csv *r, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void fail(wfm_csv *r, int code, const char *fmt, ...)
{
	char what[WFM_ERR_MSG_MAX];
	va_list ap;

	if (r->failed)
		return;
	va_start(ap, fmt);
	vsnprintf(what, sizeof what, fmt, ap);
	va_end(ap);
	if (!r->rec_line)
		r->rec_line = r->line;
	wfm_err_set(&r->err, code, "%s:%ld: %s", r->name, r->rec_line, what);
	r->fail_line = r->rec_line;
	r->failed = 1;
}

/* Records an error that belongs to no line: "NAME: ...". */
static void fail_file(wfm_csv *r, int code, const char *what, int errnum)
{
	char why[128];

	if (r->failed)
		return;
	if (code == WFM_EINTERNAL)
		wfm_err_nomem(&r->err);
	else
		wfm_err_set(&r->err, code, "%s: %s: %s", r->name, what,
			    errno_text(errnum, why, sizeof why));
	r->failed = 1;
}

/* Checks bytes f[from..to) of the field being read (number nfields + 1 in
 * messages): no NUL, no control characters but tab, CR and LF, valid UTF-8.
 * Sets r->checked to how far it got.  An
 * incomplete UTF-8 sequence at the end is left for later unless `final`.
 * Returns 0, or -1 after recording the error. */
static int check_text(wfm_csv *r, const char *f, size_t from, size_t to, int final)
{
	const unsigned char *u = (const unsigned char *)f;
	char shown[SHOW_MAX], lab[SHOW_MAX + 32];
	size_t i = from;
	int k;

	while (i < to) {
		if (u[i] < 0x80) {
			if (u[i] == 0) {
				fail(r, WFM_EDATA, "%s: NUL byte (is this a text file?): '%s'",
				     field_label(r, lab, sizeof lab),
				     wfm_csv_show_at(f, i, to, 8, shown, sizeof shown));
				return -1;
			}
			if (u[i] < 0x20 && u[i] != '\t' && u[i] != '\n' && u[i] != '\r') {
				fail(r, WFM_EDATA,
				     "%s: control character \\x%02X (is this a text file?): '%s'",
				     field_label(r, lab, sizeof lab), u[i],
				     wfm_csv_show_at(f, i, to, 8, shown, sizeof shown));
				return -1;
			}
			i++;
			continue;
		}
		k = wfm_csv_utf8_seq(u + i, to - i);
		if (k > 0) {
			i += (size_t)k;
			continue;
		}
		if (k < 0 && !final)
			break;
		/* show the text from a little before the bad byte */
		fail(r, WFM_EDATA,
		     "%s: not UTF-8 (the file looks like Latin-1/Windows-1252: convert it "
		     "with iconv -f latin1 -t utf-8): '%s'",
		     field_label(r, lab, sizeof lab), wfm_csv_show_at(f, i, to, 0, shown, sizeof shown));
		return -1;
	}
	r->checked = i;
	return 0;
}

/* Checks the limits for a field of `len` bytes after the fields already read. */
static int check_size(wfm_csv *r, size_t len)
{
	char lab[SHOW_MAX + 32];

	if (len > r->o.max_field) {
		fail(r, WFM_EDATA, "%s: longer than %zu bytes", field_label(r, lab, sizeof lab),
		     r->o.max_field);
		return -1;
	}
	if (r->recbytes + len > r->o.max_line) {
		fail(r, WFM_EDATA, "record longer than %zu bytes", r->o.max_line);
		return -1;
	}
	return 0;
}

/* libcsv's field callback. */
static void on_field(void *s, size_t len, void *data)
{
	wfm_csv *r = data;
	const char *f = s ? s : "";

	if (r->failed)
		return;
	if (!r->rec_line)
		r->rec_line = r->line;
	if (check_text(r, f, r->checked, len, 1) != 0 || check_size(r, len) != 0)
		return;
	r->checked = 0;
	if (wfm_grow((void **)&r->offs, &r->offcap, r->nfields + 1, sizeof *r->offs) ||
	    wfm_grow((void **)&r->rec, &r->reccap, r->reclen + len + 1, 1)) {
		fail_file(r, WFM_EINTERNAL, "", 0);
		return;
	}
	memcpy(r->rec + r->reclen, f, len);
	r->rec[r->reclen + len] = '\0';
	r->offs[r->nfields++] = r->reclen;
	r->reclen += len + 1;
	r->recbytes += len + 1;
}

/* libcsv's end-of-record callback. */
static void on_record(int c, void *data)
{
	wfm_csv *r = data;

	(void)c;
	if (r->failed)
		return;
	if (!r->rec_line)
		r->rec_line = r->line;
	r->rec_done = 1;
}

/* Checks the field libcsv is still reading (see the top of the file). */
static void check_progress(wfm_csv *r)
{
	size_t pos = r->p.entry_pos;

	if (r->failed || pos == 0)
		return;
	if (check_text(r, (const char *)r->p.entry_buf, r->checked, pos, 0) == 0)
		check_size(r, pos);
}

/* Gives s[0..n) to libcsv. */
static void parse(wfm_csv *r, const char *s, size_t n)
{
	size_t done = 0;

	while (done < n && !r->failed) {
		done += csv_parse(&r->p, s + done, n - done, on_field, on_record, r);
		if (done == n)
			break;
		if (csv_error(&r->p) == CSV_EPARSE && r->p.pstate == FIELD_BEGUN &&
		    !r->p.quoted) {
			/* a quote inside an unquoted field: take it literally */
			r->p.status = CSV_SUCCESS;
			csv_set_opts(&r->p, PARSE_OPTS & ~CSV_STRICT);
			if (csv_parse(&r->p, s + done, 1, on_field, on_record, r) != 1) {
				fail_file(r, WFM_EINTERNAL, "", 0);
				return;
			}
			csv_set_opts(&r->p, PARSE_OPTS);
			done++;
		} else if (csv_error(&r->p) == CSV_EPARSE) {
			char lab[SHOW_MAX + 32], shown[SHOW_MAX];

			/* the field as far as it was read: libcsv holds its closing
			 * quote too */
			fail(r, WFM_EDATA, "%s: text after the closing quote: '\"%s'",
			     field_label(r, lab, sizeof lab),
			     wfm_csv_show_mem((const char *)r->p.entry_buf, r->p.entry_buf ?
				      r->p.entry_pos : 0, shown, sizeof shown));
		} else {
			fail_file(r, WFM_EINTERNAL, "", 0);
		}
	}
}

/* Parses the next segment of in[]. */
static void feed_segment(wfm_csv *r)
{
	const char *s = r->in + r->inpos;
	size_t avail = r->inlen - r->inpos;
	size_t grid_left = GRID - (size_t)(r->off % GRID);
	size_t lim = avail < grid_left ? avail : grid_left;
	size_t n = 0;
	int term = 0;

	while (n < lim && s[n] != '\n' && s[n] != '\r')
		n++;
	if (n < lim)
		n++, term = 1;
	parse(r, s, n);
	r->inpos += n;
	r->off += n;
	if (r->failed)
		return;
	if (!r->rec_line && r->p.pstate != ROW_NOT_BEGUN)
		r->rec_line = r->line;
	if (term || n == grid_left)
		check_progress(r);
	if (term && s[n - 1] == '\r') {
		r->line++;
		r->prev_cr = 1;
	} else if (term) {
		/* an LF right after a CR ends the same line (CRLF) */
		r->line += !(r->prev_cr && n == 1);
		r->prev_cr = 0;
	} else if (n > 0) {
		r->prev_cr = 0;
	}
}

/* Reads the next chunk of the source into in[]; sets src_eof at the end. */
static void refill(wfm_csv *r)
{
	size_t n;

	if (r->mem) {
		n = r->memlen - r->mempos;
		if (n > r->o.chunk)
			n = r->o.chunk;
		r->in = r->mem + r->mempos;
		r->mempos += n;
	} else {
		n = fread(r->buf, 1, r->o.chunk, r->f);
		if (n == 0 && ferror(r->f)) {
			fail_file(r, WFM_EIO, "read error", errno);
			return;
		}
		r->in = r->buf;
	}
	r->inpos = 0;
	r->inlen = n;
	if (n == 0)
		r->src_eof = 1;
}

/* The end of the input: checks the last record and lets libcsv finish it. */
static void finish(wfm_csv *r)
{
	char lab[SHOW_MAX + 32], shown[SHOW_MAX];

	check_progress(r);
	if (r->failed)
		return;
	if (r->p.pstate == FIELD_BEGUN && r->p.quoted) {
		fail(r, WFM_EDATA, "%s: unterminated quote: '\"%s'", field_label(r, lab, sizeof lab),
		     wfm_csv_show_mem((const char *)r->p.entry_buf, r->p.entry_buf ? r->p.entry_pos : 0,
			      shown, sizeof shown));
		return;
	}
	csv_fini(&r->p, on_field, on_record, r);
	r->done = 1;
}

/* Reads the next chunk and appends it to the look-ahead buffer `pre`.
 * Returns 0, or -1 on a read error or out of memory (recorded). */
static int pre_append(wfm_csv *r)
{
	refill(r);
	if (r->failed)
		return -1;
	/* one byte more, so `pre` is never NULL once read into (NULL + 0 is
	 * undefined behaviour) */
	if (wfm_grow((void **)&r->pre, &r->precap, r->prelen + r->inlen + 1, 1)) {
		fail_file(r, WFM_EINTERNAL, "", 0);
		return -1;
	}
	if (r->inlen)
		memcpy(r->pre + r->prelen, r->in, r->inlen);
	r->prelen += r->inlen;
	return 0;
}

/* Reads enough to skip a byte order mark and settle the delimiter, then
 * sets up libcsv.  Returns 0 or -1 (error recorded). */
static int start(wfm_csv *r)
{
	struct wfm_csv_sniff sn;
	size_t skip = 0;
	int bom_known = 0;

	memset(&sn, 0, sizeof sn);
	sn.decided = r->o.delim != 0;
	for (;;) {
		if (!bom_known && (r->prelen >= 3 || r->src_eof)) {
			bom_known = 1;
			if (r->prelen >= 3 && memcmp(r->pre, "\xEF\xBB\xBF", 3) == 0)
				skip = 3;
			wfm_csv_sniff_bytes(&sn, r->pre + skip, r->prelen - skip, r->o.max_line);
		}
		if (bom_known && (sn.decided || r->src_eof))
			break;
		if (pre_append(r) < 0)
			return -1;
		if (bom_known)
			wfm_csv_sniff_bytes(&sn, r->pre + r->prelen - r->inlen, r->inlen, r->o.max_line);
	}
	if (r->prelen >= 2 && (memcmp(r->pre, "\xFF\xFE", 2) == 0 ||
			       memcmp(r->pre, "\xFE\xFF", 2) == 0)) {
		fail(r, WFM_EDATA, "the file is UTF-16, not UTF-8: convert it with "
		     "iconv -f utf-16 -t utf-8");
		return -1;
	}
		r->delim = r->o.delim ? r->o.delim : wfm_csv_sniff_pick(&sn);
	if (r->o.decimal == ',' || (r->o.decimal == 0 && r->delim == ';')) {
		r->nf = (wfm_numfmt){',', '.'};
	} else if (r->o.decimal == 0 && r->delim == '\t') {
		/* Tab files come with either mark: look at the first lines. */
		while (!r->src_eof && r->prelen < DECIMAL_SNIFF_BYTES &&
		       wfm_csv_count_lines(r->pre + skip, r->prelen - skip) <= DECIMAL_SNIFF_LINES)
			if (pre_append(r) < 0)
				return -1;
		r->nf = wfm_csv_sniff_decimal(r->pre + skip, r->prelen - skip, r->src_eof) == ','
			? (wfm_numfmt){',', '.'} : (wfm_numfmt){'.', 0};
	} else {
		r->nf = (wfm_numfmt){'.', 0};
	}
	if (csv_init(&r->p, PARSE_OPTS) != 0) {
		fail_file(r, WFM_EINTERNAL, "", 0);
		return -1;
	}
	r->parser_up = 1;
	csv_set_delim(&r->p, (unsigned char)r->delim);
	csv_set_blk_size(&r->p, 1024);
	r->in = r->pre ? r->pre : "";
	r->inpos = skip;
	r->inlen = r->prelen;
	r->started = 1;
	return 0;
}

int wfm_csv_next(wfm_csv *r, wfm_err *e)
{
	r->nfields = r->reclen = r->recbytes = r->checked = 0;
	r->rec_line = 0;
	r->rec_done = 0;
	r->row_failed = 0;
	if (!r->failed && r->done)
		return 0;
	if (!r->failed && !r->started)
		start(r);
	while (!r->failed && !r->rec_done && !r->done) {
		if (r->inpos < r->inlen) {
			feed_segment(r);
		} else if (r->src_eof) {
			finish(r);
		} else {
			if (r->pre) {
				free(r->pre);
				r->pre = NULL;
				r->prelen = r->precap = 0;
			}
			refill(r);
		}
	}
	if (r->failed) {
		r->nfields = 0;
		r->rec_line = r->fail_line;
		if (e)
			*e = r->err;
		return -1;
	}
	if (r->rec_done && r->head_n && r->nfields != r->head_n && !wfm_csv_blank_record(r)) {
		r->row_failed = 1;
		wfm_err_set(e, WFM_EDATA, "%s:%ld: %zu field%s where the header has %zu%s",
			    r->name, r->rec_line, r->nfields, r->nfields == 1 ? "" : "s",
			    r->head_n, r->delim == ',' ? " (a ',' in a value that is not quoted?)"
						       : "");
		return -1;
	}
	return r->rec_done;
}

int wfm_csv_row_failed(const wfm_csv *r)
{
	return r->row_failed;
}

int wfm_csv_keep_header(wfm_csv *r, wfm_err *e)
{
	size_t i;

	free(r->head);
	free(r->head_offs);
	r->head_n = 0;
	r->head = malloc(r->reclen ? r->reclen : 1);
	r->head_offs = malloc((r->nfields ? r->nfields : 1) * sizeof *r->head_offs);
	if (!r->head || !r->head_offs)
		return wfm_err_nomem(e);
	if (r->reclen)
		memcpy(r->head, r->rec, r->reclen);
	for (i = 0; i < r->nfields; i++)
		r->head_offs[i] = r->offs[i];
	r->head_n = r->nfields;
	return WFM_OK;
}

const char *wfm_csv_head(const wfm_csv *r, size_t i)
{
	return i < r->head_n ? r->head + r->head_offs[i] : "";
}

/* Sets up the parts common to files and memory; NULL on bad options. */
static wfm_csv *reader_new(const char *name, const wfm_csv_opts *opts, wfm_err *e)
{
	wfm_csv *r;
	wfm_csv_opts o = {0, 0, 0, 0, 0};

	if (opts)
		o = *opts;
	if (o.delim == '"' || o.delim == '\r' || o.delim == '\n' || o.delim == ' ' ||
	    (unsigned char)o.delim >= 0x80) {
		wfm_err_set(e, WFM_EUSAGE, "%s: cannot use \\x%02X as delimiter", name,
			    (unsigned char)o.delim);
		return NULL;
	}
	if (o.decimal != 0 && o.decimal != '.' && o.decimal != ',') {
		wfm_err_set(e, WFM_EUSAGE, "%s: the decimal mark must be '.' or ','", name);
		return NULL;
	}
	if (!o.chunk)
		o.chunk = 65536;
	if (!o.max_field)
		o.max_field = 65536;
	if (!o.max_line)
		o.max_line = 1024 * 1024;
	if (!(r = calloc(1, sizeof *r)) || !(r->name = strdup(name))) {
		free(r);
		wfm_err_nomem(e);
		return NULL;
	}
	r->o = o;
	r->line = 1;
	r->delim = o.delim;
	r->nf = o.decimal == ',' || (!o.decimal && o.delim == ';') ? (wfm_numfmt){',', '.'}
								     : (wfm_numfmt){'.', 0};
	return r;
}

wfm_csv *wfm_csv_open(const char *path, const wfm_csv_opts *opts, wfm_err *e)
{
	int is_stdin = strcmp(path, "-") == 0;
	wfm_csv *r = reader_new(is_stdin ? "<stdin>" : path, opts, e);
	struct stat st;
	char why[128];

	if (!r)
		return NULL;
	if (is_stdin) {
		r->f = stdin;
	} else if (!(r->f = fopen(path, "rb"))) {
		wfm_err_set(e, WFM_ENOINPUT, "%s: cannot open: %s", path,
			    errno_text(errno, why, sizeof why));
		wfm_csv_free(r);
		return NULL;
	} else {
		r->close_f = 1;
		if (fstat(fileno(r->f), &st) == 0 && S_ISDIR(st.st_mode)) {
			wfm_err_set(e, WFM_ENOINPUT, "%s: cannot open: %s", path,
				    errno_text(EISDIR, why, sizeof why));
			wfm_csv_free(r);
			return NULL;
		}
	}
	if (!(r->buf = malloc(r->o.chunk))) {
		wfm_csv_free(r);
		wfm_err_nomem(e);
		return NULL;
	}
	return r;
}

wfm_csv *wfm_csv_open_mem(const char *name, const char *buf, size_t len,
			  const wfm_csv_opts *opts, wfm_err *e)
{
	wfm_csv *r = reader_new(name, opts, e);

	if (!r)
		return NULL;
	r->mem = buf ? buf : "";
	r->memlen = buf ? len : 0;
	return r;
}

void wfm_csv_free(wfm_csv *r)
{
	if (!r)
		return;
	if (r->parser_up)
		csv_free(&r->p);
	if (r->close_f)
		fclose(r->f);
	free(r->buf);
	free(r->pre);
	free(r->rec);
	free(r->offs);
	free(r->head);
	free(r->head_offs);
	free(r->name);
	free(r);
}

size_t wfm_csv_nfields(const wfm_csv *r)
{
	return r->nfields;
}

const char *wfm_csv_field(const wfm_csv *r, size_t i)
{
	return i < r->nfields ? r->rec + r->offs[i] : "";
}

int wfm_csv_blank_record(const wfm_csv *r)
{
	size_t i;

	for (i = 0; i < r->nfields; i++)
		if (!wfm_blank(r->rec + r->offs[i]))
			return 0;
	return 1;
}

long wfm_csv_line(const wfm_csv *r)
{
	return r->rec_line;
}

const char *wfm_csv_name(const wfm_csv *r)
{
	return r->name;
}

char wfm_csv_delim(const wfm_csv *r)
{
	return r->delim;
}

wfm_numfmt wfm_csv_numfmt(const wfm_csv *r)
{
	return r->nf;
}

int wfm_csv_cell_error(const wfm_csv *r, wfm_err *e, const char *col,
		       const char *reason, const char *value)
{
	char c[SHOW_MAX], v[SHOW_MAX];

	return wfm_err_set(e, WFM_EDATA, "%s:%ld: column '%s': %s: '%s'", r->name, r->rec_line,
			   wfm_csv_show(col, c, sizeof c), reason,
			   wfm_csv_show(value, v, sizeof v));
}
