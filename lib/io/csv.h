/* csv.h - reading real-world CSV exports and writing canonical or nl-BE CSV.
 *
 * Reader: a pull reader over libcsv.  It reads its source in chunks (64 KiB by
 * default, settable down to 1 byte so tests can cut the input at every
 * position), skips a UTF-8 byte order mark, accepts LF and CRLF, quoted fields
 * with embedded delimiters, doubled quotes and newlines, and sniffs the
 * delimiter among ',' ';' and tab from the first record (the header) unless
 * one is given.  The number format follows the dialect (see wfm_csv_numfmt).
 * Fields longer than max_field or records longer than max_line bytes are
 * errors, so a binary file or a runaway quote cannot eat the memory.  Every
 * error message starts "NAME:LINE: " where LINE is the physical line on which
 * the offending record starts.  Cells must be valid UTF-8 (a Latin-1 export is
 * rejected with a hint to convert it); NUL bytes are an error.
 *
 * Details.  Lines are counted at LF, CRLF and lone CR, also inside quoted
 * fields.  Lines holding only blanks count as empty.  Blanks (space, and
 * tab unless it is the delimiter) around an unquoted field are dropped;
 * inside quotes they are kept.  A
 * quote inside an unquoted field is an ordinary character; text after a
 * closing quote is an error.  Control characters other than tab, CR and LF
 * are an error, like NUL.  A record's size is the sum of its fields' lengths
 * plus one per delimiter.  Records, line numbers and errors do not depend on
 * opts.chunk.  The messages, where FIELD is "column 'NAME'" (the header's
 * cell, once wfm_csv_map or wfm_csv_keep_header took the header), "field N
 * (the header has M)" past the header's end, or "field N" (1-based) before a
 * header was taken:
 *   NAME:LINE: FIELD: unterminated quote: '"TEXT'
 *   NAME:LINE: FIELD: longer than MAX bytes
 *   NAME:LINE: record longer than MAX bytes
 *   NAME:LINE: FIELD: text after the closing quote: '"TEXT"'
 *   NAME:LINE: FIELD: NUL byte (is this a text file?): 'TEXT'
 *   NAME:LINE: FIELD: control character \xHH (is this a text file?): 'TEXT'
 *   NAME:LINE: FIELD: not UTF-8 (the file looks like Latin-1/Windows-1252:
 *     convert it with iconv -f latin1 -t utf-8): 'TEXT'
 *   NAME:1: the file is UTF-16, not UTF-8: convert it with iconv -f utf-16
 *     -t utf-8  (a UTF-16 byte order mark)
 *   NAME:LINE: K fields where the header has M[ (a ',' in a value that is
 *     not quoted?)]  (see wfm_csv_next)
 * all WFM_EDATA; "PATH: cannot open: REASON" (WFM_ENOINPUT), "NAME: read
 * error: REASON" (WFM_EIO), "out of memory" (WFM_EINTERNAL).  TEXT, the
 * field's value last as in every cell error, is shown as by wfm_csv_show:
 * for a bad byte starting up to 30 bytes before it ("..." in front when
 * cut); for a quote, the field as far as it was read.
 *
 * Ownership: the reader owns the strings it returns; they stay valid until the
 * next call to wfm_csv_next or wfm_csv_free.
 */
#ifndef WFM_CSV_H
#define WFM_CSV_H

#include <stddef.h>
#include <stdio.h>

#include "common/date.h"
#include "common/err.h"
#include "common/value.h"

typedef struct wfm_csv_opts {
	char delim;       /* 0: sniff among ',' ';' '\t' (see wfm_csv_next); any
	                     ASCII byte but '"', space, CR and LF may be given */
	char decimal;     /* 0: from the dialect; '.' or ',' to force */
	size_t chunk;     /* read size in bytes; 0: 65536 */
	size_t max_field; /* 0: 65536 bytes */
	size_t max_line;  /* 0: 1 MiB */
} wfm_csv_opts;

typedef struct wfm_csv wfm_csv;

/* Opens `path` for reading ("-" is standard input, shown as "<stdin>" in
 * messages).  `opts` may be NULL for the defaults.  Returns NULL and sets
 * `e` on failure: WFM_ENOINPUT when the file cannot be opened or is a
 * folder, WFM_EUSAGE for a bad opts.delim or opts.decimal. */
wfm_csv *wfm_csv_open(const char *path, const wfm_csv_opts *opts, wfm_err *e);

/* Like wfm_csv_open, over `len` bytes at `buf` (not copied: they must stay
 * valid while the reader is used); `name` is used in messages. */
wfm_csv *wfm_csv_open_mem(const char *name, const char *buf, size_t len,
			  const wfm_csv_opts *opts, wfm_err *e);

/* Reads the next record.  Returns 1 when a record was read, 0 at the end of
 * the input, -1 on error (with `e` set: WFM_EDATA for malformed input,
 * WFM_EIO for a read error).  Completely empty lines are skipped.  After an
 * error every later call fails the same way; after the end, returns 0.
 * Once a header was taken (wfm_csv_map, wfm_csv_keep_header), a record that
 * is not blank (wfm_csv_blank_record) must have exactly the header's number
 * of fields: else -1 with WFM_EDATA "NAME:LINE: K fields where the header
 * has M", an error of that record only: wfm_csv_row_failed is 1, the record
 * can be read as usual, and the next call goes on with the next record.
 * The first call reads ahead to the end of the first record to sniff the
 * delimiter: the one of ',' ';' tab found most often outside quotes in the
 * first line that is not empty (ties in that order; ',' when none). */
int wfm_csv_next(wfm_csv *r, wfm_err *e);

/* 1 when the last wfm_csv_next failed for the field count of the record
 * alone (see there), so reading may go on; 0 otherwise. */
int wfm_csv_row_failed(const wfm_csv *r);

/* Takes the current record as the header: from now on its cells name the
 * fields in the reader's messages and every record must have as many fields
 * (wfm_csv_next).  wfm_csv_map calls it.  Returns WFM_OK, or WFM_EINTERNAL
 * when out of memory (then no header is kept). */
int wfm_csv_keep_header(wfm_csv *r, wfm_err *e);

/* Cell i of the header taken by wfm_csv_keep_header, "" when there is none. */
const char *wfm_csv_head(const wfm_csv *r, size_t i);

/* Number of fields of the current record. */
size_t wfm_csv_nfields(const wfm_csv *r);

/* Field i of the current record, NUL-terminated; "" when i is out of range.
 * A field may hold CR and LF (from quotes) but never NUL. */
const char *wfm_csv_field(const wfm_csv *r, size_t i);

/* 1 when every field of the current record is blank (wfm_blank), as in the
 * ";;;;" rows spreadsheets leave under a table; 1 when there is no record. */
int wfm_csv_blank_record(const wfm_csv *r);

/* Physical line (1-based) on which the current record starts (after an
 * error: the line the message names). */
long wfm_csv_line(const wfm_csv *r);

/* The name used in messages. */
const char *wfm_csv_name(const wfm_csv *r);

/* The delimiter in use (known after the first wfm_csv_next). */
char wfm_csv_delim(const wfm_csv *r);

/* The number format of the file: decimal comma with '.' (or blank) as group
 * separator ({',', '.'}) when the delimiter is ';'; decimal point with no
 * group separator ({'.', 0}) when it is ','; for tab files, whichever mark
 * more cells of the first 50 lines after the header (within 64 KiB) use
 * ("12,5" against "12.5"; a point on a tie), because spreadsheets in a
 * decimal-comma locale save tab files with commas.  opts.decimal forces one.
 * Decided once per file from its content, never per cell, and never from
 * how it was read.  Known after the first wfm_csv_next. */
wfm_numfmt wfm_csv_numfmt(const wfm_csv *r);

/* Records a cell error for the current record:
 * "NAME:LINE: column 'COL': REASON: 'VALUE'" with status WFM_EDATA, where
 * VALUE is shown through wfm_csv_show.  Returns WFM_EDATA. */
int wfm_csv_cell_error(const wfm_csv *r, wfm_err *e, const char *col,
		       const char *reason, const char *value);

/* Copies `s` into `out` (size n) for display in a message: control and
 * non-UTF-8 bytes as \xHH, cut after 40 characters with "...". Returns out.
 * A too small `out` cuts the text (never inside a character or \xHH); n must
 * be at least 1.  `s` may be NULL (shown as ""). */
char *wfm_csv_show(const char *s, char *out, size_t n);

/* Closes the source (not standard input) and frees the reader.  NULL is a
 * no-op. */
void wfm_csv_free(wfm_csv *r);

/* Header mapping.  A column is known by its canonical name and aliases;
 * header cells and names are compared after folding case and accents and
 * dropping everything but letters and digits ("Afhandeltijd (s)" matches
 * "afhandeltijds"). */
typedef struct wfm_csv_col {
	const char *name;            /* canonical name, used in messages */
	const char *const *aliases;  /* NULL-terminated, may be NULL */
	int required;
} wfm_csv_col;

/* Maps the current record (the header) onto `cols` and keeps it as the
 * header (wfm_csv_keep_header): idx[i] is the field index of cols[i], or -1
 * when absent.  Unknown header cells are ignored; a
 * cell that matches several columns counts for the first.  Fails with
 * WFM_EDATA naming every missing required column
 *   "NAME:LINE: missing column 'date'"
 *   "NAME:LINE: missing columns 'date', 'offered'"
 * or a column matched by two cells (checked first):
 *   "NAME:LINE: column 'date' given twice: 'Datum' and 'date'"
 * (canonical names as in cols; header cells as in the file, shown as by
 * wfm_csv_show).  `idx` is filled as far as the mapping went. */
int wfm_csv_map(wfm_csv *r, const wfm_csv_col *cols, size_t ncols,
		int *idx, wfm_err *e);

/* Reads the header line of `r` (its first record) and maps it onto cols[0..n)
 * as wfm_csv_map does, into idx; when `head` is not NULL, the n strings of
 * `size` bytes at head, head + size, ... get the header's own name of each
 * column (cols[k].name when it is absent), to name cells in messages.
 * Fails with WFM_EDATA "NAME: empty file, expected a header line" when
 * the file has no record, else as wfm_csv_next or wfm_csv_map. */
int wfm_csv_read_header(wfm_csv *r, const wfm_csv_col *cols, size_t n, int *idx, char *head,
			size_t size, wfm_err *e);


/* Writer.  Canonical: ',' delimiter, '.' decimal point, LF, no BOM, ISO
 * dates.  Excel (the nl-BE profile): ';' delimiter, decimal comma, UTF-8 BOM
 * (before the first field of the first row), CRLF, dd/mm/yyyy dates.
 * Fields are quoted only when they contain the delimiter, a quote, CR or LF,
 * or begin or end with a space or tab (which the reader would drop); a row
 * of a single empty field is written as "" (else it would be an empty line,
 * which the reader skips).  Write errors are sticky: check wfm_csvw_error
 * (or the FILE) at the end.  Nothing allocates; the writer needs no free. */
typedef struct wfm_csvw {
	FILE *f;
	int excel;  /* 1: nl-BE spreadsheet profile */
	int nfield; /* fields written on the current row */
	int rows;   /* rows ended so far */
	int blank;  /* internal: the last field written was empty */
} wfm_csvw;

/* Starts writing to `f` (not closed by the writer); `excel` nonzero selects
 * the nl-BE profile. */
void wfm_csvw_init(wfm_csvw *w, FILE *f, int excel);
/* A text field (NULL is written as an empty field). */
void wfm_csvw_str(wfm_csvw *w, const char *s);
/* An empty field. */
void wfm_csvw_empty(wfm_csvw *w);
/* A whole number, e.g. "-12". */
void wfm_csvw_long(wfm_csvw *w, long long v);
/* A number with at most `decimals` decimals, trailing zeros removed
 * ("12.5", "3", never "-0"); decimal comma in the Excel profile.  Rounded
 * to nearest (ties as the binary value falls, as printf does); no group
 * separators.  `decimals` is taken within 0..17.  NaN and infinities are
 * written as an empty field. */
void wfm_csvw_num(wfm_csvw *w, double v, int decimals);
/* A date: "2024-03-04", or "04/03/2024" in the Excel profile. */
void wfm_csvw_date(wfm_csvw *w, wfm_date d);
/* Minutes since midnight as "HH:MM" (1440 is "24:00"; hours go on past 24);
 * a negative value is written as an empty field. */
void wfm_csvw_time(wfm_csvw *w, int minutes);
/* Ends the row. */
void wfm_csvw_end(wfm_csvw *w);
/* Writes a whole header row from a NULL-terminated list of names. */
void wfm_csvw_header(wfm_csvw *w, const char *const *names);
/* Nonzero when a write failed. */
int wfm_csvw_error(const wfm_csvw *w);

#endif
