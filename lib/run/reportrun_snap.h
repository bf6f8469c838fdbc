/* reportrun_snap.h - a saved forecast (a snapshot) read for the accuracy
 * section of the report run (not a public header). */
#ifndef WFM_REPORTRUN_SNAP_H
#define WFM_REPORTRUN_SNAP_H

#include <stdint.h>

#include "reportrun_impl.h"

enum { RR_MONTH, RR_DAY, RR_INTERVAL };

typedef struct rr_srow {
	wfm_date date;     /* the day; a month row: its first day */
	int16_t time;      /* minutes; -1 for a day or month row */
	int32_t ser;       /* index into the snapshot's series */
	long src_line;
	double f, lo, hi;  /* lo, hi NAN when the file has no such column */
} rr_srow;

typedef struct rr_sser {
	char line[48];
	int channel;
} rr_sser;

typedef struct rr_snap {
	char *name;           /* the file as named in messages */
	wfm_date origin;      /* its date: from the file name or --origin, else its
			       * first day */
	int grain;            /* RR_MONTH for month rows, else RR_DAY or
			       * RR_INTERVAL (any row with a time) */
	wfm_date first, last; /* the days it covers (a month row: the whole month) */
	rr_srow *row;         /* sorted by series, date, time */
	size_t nrow;
	rr_sser *ser;         /* sorted by line code, then channel */
	size_t nser;
} rr_snap;

/* Reads the forecast CSV at `path` (period,time,channel,line,forecast,lo,hi;
 * `date` for period and `volume` for forecast accepted, lo and hi optional;
 * one grain: month rows `YYYY-MM` or day rows `YYYY-MM-DD` with or without
 * a time).  The origin: `origin` when origin_set, else the last YYYY-MM-DD
 * in the file's name, else its first day.  Fails with WFM_EDATA naming the
 * file, line, column and value, a row given twice (naming both lines) or
 * month and day rows mixed; WFM_ENOINPUT. */
int wfm_rr_snap_read(rr_snap *s, const char *path, int origin_set, wfm_date origin,
		     wfm_err *e);

/* The estimates table of the accuracy section (reportrun_ev.c): the rows
 * of f->expected against the latest snapshot of snap[0..n) that covers
 * them. */
int wfm_rr_estimates(wfm_rr *r, const wfm_rr_files *f, const rr_snap *snap, size_t n,
		     wfm_err *e);

/* The rows of history `h` of each series of `s`, by index into the
 * history's rows: (*idx)[(*start)[i] .. (*start)[i + 1]) for series i, in
 * the history's order (by date).  Both arrays are new (the caller frees
 * them).  WFM_OK or WFM_EINTERNAL. */
int wfm_rr_snap_bucket(const wfm_hist *h, const rr_snap *s, size_t **idx, size_t **start,
		       wfm_err *e);

/* Frees what `s` holds. */
void wfm_rr_snap_release(rr_snap *s);

#endif
