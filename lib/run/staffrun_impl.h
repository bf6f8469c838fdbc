/* staffrun_impl.h - what the parts of staffrun share (not a public header).
 *
 * A run holds the forecast rows sorted by series, date and time; a table of
 * series-days (the rows of one series on one day); the series; and the
 * working days of the period, on which deferred work is planned.
 */
#ifndef WFM_STAFFRUN_IMPL_H
#define WFM_STAFFRUN_IMPL_H

#include <stdint.h>

#include "staffrun.h"

/* The status of an evaluated interval, worst last. */
enum { SR_OK, SR_BELOW, SR_OVERLOADED, SR_UNSTAFFED, SR_LATE };

/* The figures of a row: what the queue model gives for its agents. */
typedef struct sr_perf {
	double sl, answered, asa, occupancy, abandoned, callback, backlog;
} sr_perf;

typedef struct sr_row {
	wfm_date date;
	int16_t time;      /* minutes since midnight; -1 for a whole-day row */
	int32_t series;
	long src_line;     /* line of the forecast file */
	double volume;
	double aht;        /* seconds */
	long agents;       /* live rows: from wfm_sr_require or the staffing */
	sr_perf perf;
	uint8_t status;
	uint8_t loaded;    /* the load is at or above what the agents can carry */
} sr_row;

/* The figures kept for the simulation: service_level, answer_rate, asa_s,
 * occupancy, abandoned, callbacks, backlog. */
enum { SR_NFIG = 7 };

typedef struct sr_sday {
	int32_t series;
	wfm_date date;
	size_t first, n;   /* rows */
} sr_sday;

typedef struct sr_series {
	int channel;
	char line[WFM_SR_LINE_MAX + 1];
	int live;
	/* deferred: arrivals per calendar day of the period (contacts, hours) */
	double *jvol, *jwork;
	/* deferred, per working day: capacity (agent-hours), and what the run
	 * of the jobs gives: contacts released, hours released, share of the
	 * contacts released that are done in time, hours done, contacts left
	 * and contacts past due at the day's end */
	double *cap, *rvol, *rwork, *ontime, *done, *backlog, *late;
	/* deferred: the opening backlog (wfm_sr_backlog), a job released on the
	 * first working day and due at the end of working day r->bdue: contacts,
	 * the backlog row's aht_s (0: none), hours (set by wfm_sr_backlog_work),
	 * and its line in the backlog file (0: none) */
	double bvol, baht, bwork;
	long bline;
} sr_series;

struct wfm_sr {
	const wfm_sr_settings *s;
	const wfm_calendar *cal;
	char *name;              /* the forecast as named in messages */
	sr_row *row;
	size_t nrow;
	sr_sday *sday;
	size_t nsday;
	sr_series *ser;
	size_t nser, capser;
	int32_t *hash;           /* open addressing over ser, -1 empty */
	size_t nhash;
	wfm_date first, last;    /* dates of the rows; deferred work runs on the
				  * working days of first .. the first working
				  * day on or after last */
	wfm_date *wday;          /* those working days */
	size_t nwday;
	int32_t *wk_ge;          /* per calendar day from first: index of the first
				  * working day on or after it */
	int32_t *dl_idx;         /* per calendar day from first: index of the
				  * working day its arrivals are due on */
	size_t ndays;            /* calendar days first .. last working day */
	char *bname;             /* the backlog file as named in messages, or NULL */
	wfm_date bdate;          /* the date of its rows */
	size_t bdue;             /* index of the working day the backlog is due on */
	int step;                /* 0 read, 1 required, 2 evaluated */
	int callbacks_added;     /* wfm_sr_add_callbacks ran */
	int simulated;
	wfm_sim_ratio *sim_row;  /* SR_NFIG per row */
	wfm_sim_ratio *sim_day;  /* SR_NFIG per series-day */
	double sim_level;
	wfm_sr_summary sum;
};

/* The series of (channel, line), created when `create` (NULL when absent,
 * or out of memory with `e` set).  Creating one may move r->ser: keep
 * indexes, not pointers, across calls. */
sr_series *wfm_sr_series_get(wfm_sr *r, int channel, const char *line, int create, wfm_err *e);

/* Sets up the working days of the period and the deferred arrays of every
 * deferred series (also of series created later: call again). */
int wfm_sr_deferred_setup(wfm_sr *r, wfm_err *e);

/* Adds the callbacks of the evaluated or required phone rows to the
 * callback series of their lines (creating them).  Once per run: a second
 * call does nothing. */
int wfm_sr_add_callbacks(wfm_sr *r, wfm_err *e);

/* Runs the jobs of deferred series `ser` against its capacity, filling
 * rvol, rwork, ontime, done, backlog, late.  WFM_OK or WFM_EINTERNAL. */
int wfm_sr_deferred_run(wfm_sr *r, sr_series *ser, wfm_err *e);

/* The hours of each series' opening backlog (bwork) from its handle time:
 * --aht, else the backlog row's aht_s, else the mean handle time of the
 * series' arrivals (the callbacks included), else aht_lines / aht_CHANNEL,
 * else (callback) the mean handle time of the line's calls.  Call after
 * wfm_sr_add_callbacks.  WFM_OK, or WFM_EDATA naming the backlog row. */
int wfm_sr_backlog_work(wfm_sr *r, wfm_err *e);

/* The handle time the settings give channel `channel` of `line` (aht_lines,
 * then aht_CHANNEL); 0 when none. */
double wfm_sr_config_aht(const wfm_sr *r, int channel, const char *line);

/* After the live rows have their agents: adds the callbacks, plans
 * (`require`) or runs the deferred series, and counts the summary. */
int wfm_sr_finish(wfm_sr *r, int require, wfm_err *e);

/* The queue model and target of a live row. */
void wfm_sr_row_model(const wfm_sr *r, const sr_row *row, wfm_model *m, wfm_target *tg);

/* Fills row->perf and row->status from the model with row->agents agents. */
int wfm_sr_row_eval(const wfm_sr *r, sr_row *row, wfm_err *e);

/* "FILE:LINE: DATE TIME CHANNEL LINE" of a row, for messages. */
const char *wfm_sr_row_where(const wfm_sr *r, const sr_row *row, char *buf, size_t n);

/* `v` with at most `decimals` decimals and the decimal mark `mark`, as
 * wfm_csvw_num writes it (printf's rounding, trailing zeros dropped, never
 * "-0"; "" for NaN and infinities), into buf (n >= 32; 330 holds any
 * double).  Returns buf.  Exact
 * integer arithmetic up to 6 decimals, printf beyond. */
const char *wfm_sr_fmt_num(double v, int decimals, char mark, char *buf, size_t n);

/* The interval length in seconds and hours. */
double wfm_sr_interval_s(const wfm_sr *r);

#endif
