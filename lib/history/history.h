/* history.h - the canonical contact history and how exports become one.
 *
 * A history is a set of rows keyed by (date, time, channel, line): `time` is
 * the start of an interval in minutes since midnight, or -1 for a whole-day
 * total.  Rows carry `offered` (a whole count), and optionally `handled` and
 * `aht_s` (NAN when unknown).  Line codes are interned per history.
 *
 * Reading an export (wfm_hist_read) maps its header (Dutch or English, any
 * CSV dialect), parses every row strictly, rejects a key given twice in the
 * same file, and aggregates rows finer than the configured interval: counts
 * are summed, AHT is weighted by handled contacts (by offered contacts when
 * handled is unknown).  Merging (wfm_hist_merge) adds new keys, ignores
 * identical rows and reports conflicting ones.
 *
 * Ownership: a history owns its rows and line codes; pointers returned by the
 * accessors are valid until the history is changed or freed.
 */
#ifndef WFM_HISTORY_H
#define WFM_HISTORY_H

#include <math.h>
#include <stddef.h>
#include <stdint.h>

#include "common/channel.h"
#include "common/date.h"
#include "common/err.h"
#include "io/csv.h"


/* The largest count (offered, handled) and handle time a history row may
 * hold; larger values in an export are errors naming the column. */
#define WFM_HIST_MAX_COUNT 1e9
#define WFM_HIST_MAX_COUNT_TEXT "1000000000"
#define WFM_HIST_MAX_AHT 86400.0
#define WFM_HIST_MAX_AHT_TEXT "86400 seconds (a day)"

/* Line codes a history holds at most, and inputs one run reads. */
#define WFM_HIST_MAX_LINES 32767
#define WFM_HIST_MAX_FILES 32767

/* One row: 32 bytes, so a history of 10^7 rows fits in 320 MB. */
typedef struct wfm_hrow {
	wfm_date date;
	uint32_t offered;  /* whole count, at most WFM_HIST_MAX_COUNT */
	int32_t handled;   /* at most offered, or -1 when unknown: see wfm_hrow_handled */
	int32_t src_line;  /* line in that input where the row starts */
	double aht;        /* seconds, 0..WFM_HIST_MAX_AHT, or NAN when unknown */
	int16_t time;      /* minutes since midnight, or -1 for a whole day */
	int16_t line;      /* index into the history's line codes */
	int16_t src_file;  /* which input the row came from (0-based) */
	uint8_t channel;   /* enum wfm_channel */
	uint8_t mark_;     /* private to lib/history */
} wfm_hrow;

/* The handled contacts of a row, NAN when unknown. */
static inline double wfm_hrow_handled(const wfm_hrow *r)
{
	return r->handled < 0 ? NAN : (double)r->handled;
}

typedef struct wfm_hist wfm_hist;

/* A new empty history; NULL (with `e` set) on out of memory. */
wfm_hist *wfm_hist_new(wfm_err *e);

/* Frees a history; NULL is a no-op. */
void wfm_hist_free(wfm_hist *h);

size_t wfm_hist_count(const wfm_hist *h);
const wfm_hrow *wfm_hist_rows(const wfm_hist *h);

/* Line code of index `line`; "" when out of range. */
const char *wfm_hist_line(const wfm_hist *h, int line);

/* Number of distinct line codes. */
int wfm_hist_nlines(const wfm_hist *h);

/* Index of line code `code`, or -1. */
int wfm_hist_line_find(const wfm_hist *h, const char *code);

/* A rejected row, reported to wfm_hist_read's callback when skipping bad
 * rows: the input's name and the row's line, `reason` the full message
 * ("FILE:LINE: column ..."), and `r` the reader positioned on the record (its
 * fields are the raw row), or NULL when the row was rejected after reading
 * (a duplicate key).  Return WFM_OK to carry on, or an error code to stop. */
typedef int (*wfm_reject_fn)(void *ctx, const char *file, long line, const char *reason,
			     const wfm_csv *r);

typedef struct wfm_read_opts {
	int interval;             /* minutes: 5, 10, 15, 30 or 60 */
	const char *line;         /* line code for exports without a line column */
	const char *channel;      /* channel for exports without a channel column */
	wfm_csv_opts csv;         /* delimiter, decimal, limits */
	wfm_reject_fn reject;     /* NULL: the first bad row fails the read */
	void *reject_ctx;
} wfm_read_opts;

/* Records read, kept and rejected for one line code and channel (as written
 * in the input when it could not be understood). */
typedef struct wfm_series_count {
	char line[48];
	char channel[16];
	long read, kept, rejected;
} wfm_series_count;

/* Per-read counters, added to, so one struct sums several reads.  Start from
 * a zeroed struct; free with wfm_read_stats_release. */
typedef struct wfm_read_stats {
	long rows;      /* data records read */
	long kept;      /* records that went into rows (before aggregation) */
	long rejected;  /* records passed to the reject callback */
	wfm_series_count *series; /* per line and channel, in order of appearance */
	size_t nseries, capseries;
} wfm_read_stats;

/* Frees the per-series table of `st` and zeroes it. */
void wfm_read_stats_release(wfm_read_stats *st);

/* Reads the export at `path` ("-" for standard input) and adds its rows,
 * aggregated to opts->interval, to `h`, with src_file = `file_no` (0 ..
 * WFM_HIST_MAX_FILES - 1).  The rows of an interval must not sum to more
 * than WFM_HIST_MAX_COUNT; at most WFM_HIST_MAX_LINES line codes.  A row
 * must have the header's number of fields; offered and handled are whole
 * counts up to WFM_HIST_MAX_COUNT, with handled <= offered on the live
 * channels (phone, chat; deferred work handled on a day may include earlier
 * days' backlog, so there handled may exceed offered), aht_s at most
 * WFM_HIST_MAX_AHT; dates within 1900-2199 (value.h).  Rows of
 * `h` with the same key are not checked here (see wfm_hist_merge): read each
 * input into its own history.  On failure (WFM_EDATA for bad data, naming
 * file, line, column and value; WFM_ENOINPUT, WFM_EIO) `h` is unchanged. */
int wfm_hist_read(wfm_hist *h, const char *path, int file_no,
		  const wfm_read_opts *opts, wfm_read_stats *stats, wfm_err *e);

/* Sorts the rows by date, time (whole day first), channel (canonical order
 * of enum wfm_channel), line code. */
void wfm_hist_sort(wfm_hist *h);

/* One key found in both histories with different values. */
typedef struct wfm_conflict {
	wfm_hrow old_row; /* as in `base` (line index of `base`) */
	wfm_hrow new_row; /* as in `in`, line index mapped to `base` */
} wfm_conflict;

typedef struct wfm_merge_result {
	long added;       /* keys new to base */
	long same;        /* identical rows, no-op */
	long replaced;    /* conflicts resolved by taking the new value */
	wfm_conflict *conflicts; /* when not replacing: every conflict (malloc'd) */
	size_t nconflicts;
} wfm_merge_result;

/* Merges `in` into `base`, in place: memory for the rows added and, when
 * either is out of order, an index of 8 bytes per row while sorting (both
 * are in order when they come from wfm_hist_read or an earlier merge).
 * Rows are equal when their written forms are equal (counts, and AHT to
 * 0.01 s).  A whole-day row and interval rows for
 * the same date, channel and line also conflict.  With `replace`, conflicting
 * rows take the values of `in`; without it, `base`'s rows are left unchanged
 * when there is any conflict and the function returns WFM_EDATA ("N
 * conflicting rows") with the conflicts in `res` (free them with
 * wfm_merge_result_release; their line indexes are base's).  `in` is consumed:
 * it is empty afterwards, whatever the outcome.  base's line codes may gain
 * `in`'s even when the merge fails.  base ends sorted (wfm_hist_sort). */
int wfm_hist_merge(wfm_hist *base, wfm_hist *in, int replace,
		   wfm_merge_result *res, wfm_err *e);

/* Frees the conflict list of a merge result. */
void wfm_merge_result_release(wfm_merge_result *res);

/* Writes the history (which must be sorted) as canonical CSV, or in the
 * nl-BE spreadsheet profile with `excel`.  Returns WFM_OK or WFM_EIO. */
int wfm_hist_write(const wfm_hist *h, FILE *f, int excel, wfm_err *e);

/* What a history says about one (line, channel) series, judged against a
 * calendar: its span, the working days inside the span with no row (gaps),
 * rows on closed days and interval rows outside the opening hours. */
typedef struct wfm_series_check {
	int line, channel;
	wfm_date first, last;
	long rows, days;
	long gaps;            /* open days in [first, last] without data */
	wfm_date gap[5];      /* the first min(gaps, 5) of them */
	long closed_rows;     /* rows dated on a closed day */
	wfm_date closed_first;
	long outside_rows;    /* interval rows before opening or from closing on */
	wfm_date outside_first;
	int outside_time;
} wfm_series_check;

struct wfm_calendar;

/* Checks every series of `h` (sorted as by wfm_hist_sort) against calendar
 * `cal`.  Sets *out to a malloc'd array of *n entries in order of line code
 * and channel (the caller frees it).  Returns WFM_OK or WFM_EINTERNAL. */
int wfm_hist_check(const wfm_hist *h, const struct wfm_calendar *cal,
		   wfm_series_check **out, size_t *n, wfm_err *e);

#endif
