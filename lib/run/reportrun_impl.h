/* reportrun_impl.h - what the parts of the report run share (not a public
 * header).  reportrun.c holds the run, its tables, notes and the history;
 * reportrun_text.c the words of both languages; reportrun_read.c the small
 * CSV readers; one file per section. */
#ifndef WFM_REPORTRUN_IMPL_H
#define WFM_REPORTRUN_IMPL_H

#include <stddef.h>

#include "reportrun.h"
#include "history/history.h"
#include "io/csv.h"
#include "report/report.h"

/* A column of a table to make: the English header (translated), type and
 * decimals. */
typedef struct rr_col {
	const char *key;
	int type;
	int decimals;
} rr_col;

typedef struct rr_note {
	char *text;
	int warning;
} rr_note;

/* A deferred series' queue at the end of the service period. */
typedef struct rr_open {
	int channel;
	char line[48];
	double open, past_due;
	int oldest;
} rr_open;

struct wfm_rr {
	const wfm_config *cfg;
	const wfm_calendar *cal;
	wfm_rr_opts o;
	wfm_table **t;
	size_t nt, capt;
	rr_note *note;
	size_t nnote, capnote;
	wfm_hist *hist;          /* the history, read once */
	char *hist_path;
	wfm_date last_day;       /* the last day any section reported (0: none) */
	rr_open *end;            /* after the service section */
	size_t nend, capend;
	wfm_date end_date;
	int have_end;
};

/* ---- reportrun.c ---- */

/* A new table `name` (English, translated) titled `title` (already in the
 * run's language; may be NULL) with the columns cols[0..n-1], added to the
 * run's list.  NULL on failure. */
wfm_table *wfm_rr_add_table(wfm_rr *r, const char *name, const char *title,
			    const rr_col *cols, size_t n, wfm_err *e);

/* Appends a row to `t`. */
int wfm_rr_row(wfm_table *t, wfm_err *e);

/* Sets column `col` of the last row of `t`. */
void wfm_rr_num(wfm_table *t, size_t col, double v);
int wfm_rr_text(wfm_table *t, size_t col, const char *s, wfm_err *e);

/* Records a note (warning 0) or warning for the user, formatted like
 * printf.  Returns WFM_OK or WFM_EINTERNAL. */
int wfm_rr_notef(wfm_rr *r, int warning, wfm_err *e, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* Reads the history at `path` once (later calls with the same path reuse
 * it); r->hist is then sorted. */
int wfm_rr_load_history(wfm_rr *r, const char *path, wfm_err *e);

/* Notes that the report covers `d` (the workbook's creation time). */
void wfm_rr_saw_day(wfm_rr *r, wfm_date d);

/* Concatenates the strings after `n` up to a NULL into buf (size n), cut to
 * fit.  Returns buf. */
char *wfm_rr_cat(char *buf, size_t n, ...);

/* ---- reportrun_text.c ---- */

/* The run's word for the English `en`: `en` itself in English, its Dutch
 * translation with --lang nl (`en` when the dictionary lacks it). */
const char *wfm_rr_t(const wfm_rr *r, const char *en);

/* Weekday of `d` ("mon" / "ma"), a channel's name ("phone" / "telefoon"),
 * yes or no. */
const char *wfm_rr_weekday(const wfm_rr *r, wfm_date d);
const char *wfm_rr_channel(const wfm_rr *r, int channel);
const char *wfm_rr_yes(const wfm_rr *r, int yes);

/* `d` as written inside texts: "2026-11-23", or "23/11/2026" in Dutch;
 * buf holds at least 11 bytes.  Returns buf. */
char *wfm_rr_date_text(const wfm_rr *r, wfm_date d, char *buf);

/* A month "2026-11" (Dutch "11/2026") into buf (at least 8 bytes). */
char *wfm_rr_month_text(const wfm_rr *r, int y, int m, char *buf);

/* A reason of wfm-plan's decisions in the run's language: the English text
 * as it is, or in Dutch with its dates as dd/mm/yyyy (texts the dictionary
 * does not know are kept in English).  Into buf (size n); returns buf. */
char *wfm_rr_reason(const wfm_rr *r, const char *reason, char *buf, size_t n);

/* ---- reportrun_read.c ---- */

/* A CSV input opened with its header mapped: the reader, the field index of
 * each column (-1 when absent) and the header cells as written, for
 * messages. */
typedef struct rr_csv {
	wfm_csv *csv;
	int idx[16];
	char head[16][48];
	const wfm_csv_col *cols;
	size_t ncols;
	wfm_numfmt nf;
} rr_csv;

/* Opens `path` and maps its header onto cols[0..n-1] (n <= 16).  An empty
 * file is WFM_EDATA "FILE: empty file, expected a header line".  Close with
 * wfm_rr_csv_close, also after a failure. */
int wfm_rr_csv_open(rr_csv *c, const char *path, const wfm_csv_col *cols, size_t n,
		    wfm_err *e);
void wfm_rr_csv_close(rr_csv *c);

/* The next data record (blank records skipped): 1, 0 at the end, -1 on an
 * error. */
int wfm_rr_csv_next(rr_csv *c, wfm_err *e);

/* Cell of column k of the current record ("" when the column is absent). */
const char *wfm_rr_cell(const rr_csv *c, size_t k);

/* Records "FILE:LINE: column 'COL': REASON: 'VALUE'" for column k and
 * returns WFM_EDATA. */
int wfm_rr_bad(const rr_csv *c, size_t k, const char *reason, wfm_err *e);

/* Strict cells of column k: a date, an interval start ("" gives -1 when
 * `optional`), a number >= 0, a channel, a line code (1-47 bytes). */
int wfm_rr_date(const rr_csv *c, size_t k, wfm_date *out, wfm_err *e);
int wfm_rr_time(const rr_csv *c, size_t k, int optional, int *out, wfm_err *e);
int wfm_rr_amount(const rr_csv *c, size_t k, int optional, double *out, wfm_err *e);
int wfm_rr_channel_cell(const rr_csv *c, size_t k, int *out, wfm_err *e);
int wfm_rr_line(const rr_csv *c, size_t k, char *out, size_t n, wfm_err *e);

#endif
