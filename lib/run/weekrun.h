/* weekrun.h - the planner's weekly cycle on a data folder: what wfm-week
 * decides before it runs the other programs.  The folder (all paths relative
 * to it):
 *
 *   wfm.conf          the settings of every step (optional)
 *   history.csv       the canonical history, merged into by the ingest
 *   closed.csv        closing days (optional; given to every step)
 *   inbox/            new exports; ingested ones move to done/
 *   done/             exports already ingested (a rerun never reads them)
 *   expected.csv      the entities' expected volumes (optional)
 *   agents.csv, leave.csv, trainings.csv   the plan's inputs (leave and
 *                     trainings optional; without agents.csv no plan)
 *   snapshots/        forecast-YYYY-MM-DD.csv, one per planned week, dated
 *                     by the week's Monday, written once
 *   out/YYYY-Www/     everything else a cycle writes for that week
 *
 * The week planned by default is the ISO week after the one that holds the
 * history's last day.  Nothing here prints; the program runs the steps. */
#ifndef WFM_WEEKRUN_H
#define WFM_WEEKRUN_H

#include <stddef.h>

#include "common/date.h"
#include "common/err.h"

/* The Monday of the ISO week after the one that holds `last` (a Friday
 * 2026-11-20 or a Sunday 2026-11-22 gives Monday 2026-11-23). */
wfm_date wfm_week_next_monday(wfm_date last);

/* The ISO week of `monday` (any day of it) as "2026-W48" into buf (at
 * least 16 bytes); returns buf. */
char *wfm_week_label(wfm_date monday, char *buf);

/* The last date of the canonical history at `path`, read at `interval`
 * minutes.  Fails with WFM_ENOINPUT when it cannot be opened, WFM_EDATA on
 * bad data (the reader's FILE:LINE: message) or when it has no rows
 * ("FILE: no rows"). */
int wfm_week_history_last(const char *path, int interval, wfm_date *last, wfm_err *e);

/* A list of file names (without folder), sorted byte-wise. */
typedef struct wfm_week_names {
	char **name;
	size_t n;
} wfm_week_names;

/* Frees the names of `l` and zeroes it; NULL is a no-op. */
void wfm_week_names_release(wfm_week_names *l);

/* The exports waiting in folder `dir`: its regular files whose names do not
 * start with '.' (temporary and hidden files) and do not end in '~'.  A
 * missing folder is an empty inbox.  Fails with WFM_EIO when the folder
 * cannot be read, WFM_EINTERNAL on out of memory. */
int wfm_week_inbox(const char *dir, wfm_week_names *out, wfm_err *e);

/* Moves `dir`/`name` into folder `done` (created when missing) under the
 * same name, or NAME.1, NAME.2 ... when that is taken (an export of the
 * same name ingested earlier is never replaced).  Writes the new path into
 * `moved` (size `cap`).  Fails with WFM_ECANTCREAT, the file left where it
 * was. */
int wfm_week_move_done(const char *dir, const char *name, const char *done, char *moved,
		       size_t cap, wfm_err *e);

/* The snapshots in folder `dir` dated from `first` to `last`: files named
 * forecast-YYYY-MM-DD.csv (a valid date), sorted by date.  A missing folder
 * has none.  Fails as wfm_week_inbox. */
int wfm_week_snapshots(const char *dir, wfm_date first, wfm_date last, wfm_week_names *out,
		       wfm_err *e);

/* The name of the snapshot of `monday`, "forecast-YYYY-MM-DD.csv", into buf
 * (at least 24 bytes); returns buf. */
char *wfm_week_snapshot_name(wfm_date monday, char *buf);

/* What wfm_week_expected kept of the expected volumes. */
typedef struct wfm_week_ev {
	size_t kept;       /* rows that start on or after the Monday */
	size_t past;       /* rows that ended before it (kept for the report) */
	size_t cut;        /* rows that started before it and end on or after
			    * it: left out of the forecast too */
	long cut_line;     /* the file line of the first of those, or 0 */
	wfm_date last;     /* the last day of the kept rows, 0 when none */
} wfm_week_ev;

/* Reads the expected volumes at `in` (wfm_ev_read: any dialect, Dutch
 * headers) and writes to `out` (from,to,channel,line,mode,value, canonical,
 * atomically) the rows whose period starts on or after `monday`: a
 * forecast from `monday` can only take those (an earlier one is an error of
 * wfm-forecast), while the file keeps the past ones for the report's
 * estimates.  Fails as wfm_ev_read, or WFM_ECANTCREAT / WFM_EIO for `out`
 * (then not written). */
int wfm_week_expected(const char *in, const char *out, wfm_date monday, wfm_week_ev *st,
		      wfm_err *e);

/* The date of a backlog file as wfm-report --write-backlog writes it (the
 * `date` of its rows, all the same): *date is 0 for a file without rows.
 * Fails with WFM_ENOINPUT, or WFM_EDATA naming FILE:LINE: column 'date' for
 * a bad or a second, different date. */
int wfm_week_backlog_date(const char *path, wfm_date *date, wfm_err *e);

#endif
