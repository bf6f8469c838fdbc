/* reportrun.h - the work of wfm-report: read the inputs, compute the
 * figures of each section with the report engine (report/report.h) and the
 * staffing models, and build the report's tables (io/table.h), which the
 * program writes as CSV, .xlsx or .svg.
 *
 * Sections and their tables (names in English; --lang nl gives Dutch names,
 * headers, labels and texts; every table is described in README.md):
 *   accuracy  accuracy (per snapshot, line, channel and grain: WAPE, bias,
 *             MASE, coverage, Poisson floor), accuracy-day, accuracy-week,
 *             accuracy-month, accuracy-time (per time of day),
 *             accuracy-total (per channel and day, with the charts
 *             "forecast against actual per day"), estimates (per row of
 *             the entities' expected volumes);
 *   service   service (per line and channel), service-day (answer rate of
 *             phone and chat per day), deferred-day (e-mail, social,
 *             callbacks first in first out, in working days), backlog;
 *   plan      plan-day, plan-interval, plan-total (with the charts
 *             "required against planned per interval"), decisions,
 *             plan-summary;
 *   capacity  capacity-day, capacity-week (with the chart "FTE required
 *             against available"), quiet-days, cost.
 *
 * Every input error is WFM_EDATA "FILE:LINE: column 'COL': what is wrong:
 * 'VALUE'" (column as in the file's header), WFM_ENOINPUT for a missing
 * file; out of memory is WFM_EINTERNAL.  Notes and warnings for the user
 * are gathered (wfm_rr_nnotes).  Nothing here prints.
 *
 * Ownership: a run keeps pointers to the settings and calendar it was made
 * with (they must outlive it) and owns its tables.
 */
#ifndef WFM_REPORTRUN_H
#define WFM_REPORTRUN_H

#include <stddef.h>
#include <stdio.h>

#include "io/table.h"
#include "setup/calendar.h"
#include "setup/config.h"

enum wfm_rr_lang { WFM_RR_EN, WFM_RR_NL };

/* The input files; NULL when not given. */
typedef struct wfm_rr_files {
	const char *history;      /* canonical history (accuracy, service) */
	const char *const *snapshots; /* saved forecasts (accuracy) */
	size_t nsnapshots;
	const char *expected;     /* the entities' expected volumes (accuracy) */
	const char *baseline;     /* a forecast without them (accuracy) */
	const char *backlog;      /* opening backlog (service); NULL: cfg->backlog */
	const char *requirements; /* wfm-staff's requirements (plan) */
	const char *coverage;     /* wfm-plan's coverage (plan) */
	const char *roster, *decisions, *summary; /* wfm-plan's outputs (plan) */
	const char *forecast;     /* the interval forecast ahead (capacity) */
	const char *agents, *leave; /* contracts and leave (capacity) */
} wfm_rr_files;

typedef struct wfm_rr_opts {
	int lang;                 /* enum wfm_rr_lang */
	wfm_date from, to;        /* the days reported; from > to: each section's
				   * default (see README.md) */
	int origin_set;           /* 1: `origin` is the date of the one snapshot */
	wfm_date origin;
} wfm_rr_opts;

typedef struct wfm_rr wfm_rr;

/* A new run with the settings (the [staff], [report] and [calendar]
 * sections of `cfg`) and calendar; both must outlive it.  NULL when out of
 * memory. */
wfm_rr *wfm_rr_new(const wfm_config *cfg, const wfm_calendar *cal, const wfm_rr_opts *o,
		   wfm_err *e);

/* Frees a run and its tables; NULL is a no-op. */
void wfm_rr_free(wfm_rr *r);

/* The sections.  Each reads the files it needs (WFM_EUSAGE naming the
 * option when one is missing) and adds its tables.  On failure the tables
 * added so far stay, but a program writes nothing. */
int wfm_rr_accuracy(wfm_rr *r, const wfm_rr_files *f, wfm_err *e);
int wfm_rr_service(wfm_rr *r, const wfm_rr_files *f, wfm_err *e);
int wfm_rr_plan(wfm_rr *r, const wfm_rr_files *f, wfm_err *e);
int wfm_rr_capacity(wfm_rr *r, const wfm_rr_files *f, wfm_err *e);

/* The tables built so far, in the order of the sections and of README.md. */
size_t wfm_rr_ntables(const wfm_rr *r);
wfm_table *const *wfm_rr_tables(const wfm_rr *r);

/* The table called `name` (its English or its Dutch name), or NULL. */
wfm_table *wfm_rr_find(const wfm_rr *r, const char *name);

/* How the writers show dates and numbers in this language, with a creation
 * time fixed by the data (midnight after the last day reported) so that a
 * rerun writes the same workbook. */
wfm_tfmt wfm_rr_format(const wfm_rr *r);

/* After wfm_rr_service: writes the backlog at the end of the period in the
 * backlog contract, canonical CSV `date,channel,line,open` (English names
 * whatever the language): one row per deferred series, dated the day after
 * the period, `open` the contacts still waiting then.  WFM_EUSAGE before
 * the service section, WFM_EIO on a write error. */
int wfm_rr_write_backlog(const wfm_rr *r, FILE *f, wfm_err *e);

/* Notes and warnings, in order: count, and the i-th text (no program
 * name); *warning is 1 for a warning, 0 for a note. */
size_t wfm_rr_nnotes(const wfm_rr *r);
const char *wfm_rr_note(const wfm_rr *r, size_t i, int *warning);

#endif
