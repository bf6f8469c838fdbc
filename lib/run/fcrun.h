/* fcrun.h - a forecast run: from a history and a calendar to the forecast of
 * every (line, channel) series at month, day or interval grain, with the
 * entities' expected volumes folded in; and the backtest table.  This is the
 * work of wfm-forecast; the models themselves are in forecast.h.
 *
 * The steps:
 *   1. wfm_ev_read       reads the expected volumes (optional);
 *   2. wfm_fcrun_new     cuts the history into one daily series per (line,
 *                        channel), with a state per day from the calendar:
 *                        CLOSED on a closed day, OPEN on an open day with at
 *                        least one row, MISSING on an open day without rows
 *                        (not a zero); interval rows also fill a day x
 *                        interval matrix of the last 32 weeks for the
 *                        intraday profile.  A day's value is the sum of its
 *                        rows (whole-day rows, or all its interval rows).
 *                        Only rows dated before opts.from are read;
 *   3. wfm_fcrun_forecast forecasts every series, gives lines that only the
 *                        expected volumes name a forecast shaped like a
 *                        donor, fits intraday profiles and applies the
 *                        expected volumes;  or wfm_fcrun_backtest instead;
 *   4. wfm_fcrun_write   writes period,time,channel,line,forecast,lo,hi,
 *                        aht_s.
 *
 * Handle times.  Every series whose history has handle times (aht_s, weighted
 * by handled contacts) also gets a daily handle-time forecast, made like the
 * volume's (the same candidate models, chosen by the same backtest), spread
 * over the intervals by the intraday ratios of wfm_fc_aht_profile_fit; a
 * series without any (a new line, a history without aht_s) takes the mean of
 * the other series of its channel weighted by their forecast volumes, with a
 * note; aht_s stays empty when no series of the channel has one.
 *
 * Rounding.  Figures are written at opts.decimals places and add up exactly
 * as printed: every day is rounded once (wfm_fc_units), a month is the sum
 * of its rounded days, and a day is split over its intervals by the largest
 * remainder (wfm_fc_split_day), so the interval rows of a day add up to the
 * day row, and the day rows of a month to the month row, across runs with
 * the same history, settings and days.  The bounds lo and hi are not
 * additive: a month's bounds are the sums of its days' bounds (the quantile
 * of a sum of fully dependent errors; conservative), an interval's come from
 * wfm_fc_split_day.
 *
 * What is written (rows sorted by period, time with day rows first, channel
 * in the order of enum wfm_channel, line code in byte order):
 *   month     one row per month and series: the sum of its days from `from`
 *             to `to` (a month cut by either holds only those days);
 *   day       one row per day and series, closed days included with 0;
 *   interval  one row per open interval of every open day (closed days and
 *             the time outside the opening hours are 0 and not written);
 *             deferred channels (e-mail, social, callback), answered by the
 *             day, get one day row per open day with `time` empty.
 *
 * Ownership: a run keeps pointers to the history and the calendar it was
 * made from (they must outlive it) and owns everything else; the strings it
 * returns live as long as the run.  Nothing here prints.
 */
#ifndef WFM_FCRUN_H
#define WFM_FCRUN_H

#include <stddef.h>

#include "forecast/forecast.h"
#include "history/history.h"
#include "io/csv.h"
#include "setup/calendar.h"

enum wfm_grain { WFM_GRAIN_MONTH, WFM_GRAIN_DAY, WFM_GRAIN_INTERVAL };

/* The grain named `s` ("month", "day", "interval"), or -1. */
int wfm_grain_parse(const char *s);

/* The largest number of days an expected volume may reach past `from`. */
#define WFM_FCRUN_MAX_DAYS 3660

/* ---- expected volumes -------------------------------------------------- */

/* One row of an expected-volume file. */
typedef struct wfm_ev_row {
	wfm_fc_expected ev;  /* from, to, mode, value */
	int channel;         /* enum wfm_channel */
	char line[48];       /* line code */
	long src_line;       /* line of the file the row starts on */
} wfm_ev_row;

typedef struct wfm_ev_list {
	char *name;          /* the file as named in messages */
	wfm_ev_row *row;     /* in file order */
	size_t n;
} wfm_ev_list;

/* Reads an expected-volume CSV (`from,to,channel,line,mode,value,note`; any
 * column order, any dialect of the CSV reader; Dutch headers van, tot,
 * kanaal, lijn, modus, waarde, opmerking accepted; `note` optional and
 * ignored) into `out` (zeroed first).  `mode` is add, scale or set (case
 * ignored); `value` a number >= 0 in the file's number format.  Every period
 * must lie in [first, last]: the forecast starts at `first` and cannot
 * reach further than `last`.  Fails with WFM_EDATA on the first bad row,
 * "FILE:LINE: column 'COL': what is wrong: 'VALUE'" (COL as in the file's
 * header), on a missing column or an empty file; WFM_ENOINPUT when the file
 * cannot be opened; `out` is then empty.  Free with wfm_ev_list_release. */
int wfm_ev_read(const char *path, wfm_date first, wfm_date last, wfm_ev_list *out,
		wfm_err *e);

/* Checks that every period of `l` starts no later than `to`, the last day
 * forecast: a period that starts after it lies outside the horizon (a
 * period that starts inside it may end after it).  Fails with WFM_EDATA,
 * "FILE:LINE: column 'from': after the end of the forecast (TO): 'FROM'",
 * naming the first such row. */
int wfm_ev_check_horizon(const wfm_ev_list *l, wfm_date to, wfm_err *e);

/* Frees the rows and name of `l` and zeroes it; NULL is a no-op. */
void wfm_ev_list_release(wfm_ev_list *l);

/* ---- events ------------------------------------------------------------ */

enum wfm_event_kind { WFM_EVENT_EXCLUDE, WFM_EVENT_EFFECT };

/* One row of an events file: days the planner marks. */
typedef struct wfm_event {
	wfm_date from, to;
	char line[48];       /* line code, "" for every line */
	int channel;         /* enum wfm_channel, -1 for every channel */
	int kind;            /* enum wfm_event_kind */
	char *name;          /* the event's name (rows of kind effect with the
			      * same name are one effect) */
	long src_line;       /* line of the file the row starts on */
} wfm_event;

typedef struct wfm_event_list {
	char *name;          /* the file as named in messages */
	wfm_event *row;      /* in file order */
	size_t n;
} wfm_event_list;

/* Reads an events CSV (`from,to,line,channel,kind,name`; any column order
 * and dialect of the CSV reader; Dutch headers van, tot, lijn, kanaal,
 * soort, naam accepted) into `out` (zeroed first).  `line` and `channel`
 * may be empty (every line, every channel); `kind` is exclude (leave the
 * days out of the fit: an outage, a one-off spike) or effect (days with a
 * known effect the forecast learns from the history and applies to the
 * days ahead: a mailing, a deadline, another calendar's holiday), case
 * ignored; `name` is required.  Fails with WFM_EDATA on the first bad row,
 * "FILE:LINE: column 'COL': what is wrong: 'VALUE'", on a missing column,
 * an empty file or more than 255 effect names; WFM_ENOINPUT when the file
 * cannot be opened; `out` is then empty.  Free with wfm_event_list_release. */
int wfm_events_read(const char *path, wfm_event_list *out, wfm_err *e);

/* Frees the rows, names and file name of `l` and zeroes it; NULL is a
 * no-op. */
void wfm_event_list_release(wfm_event_list *l);

/* ---- the run ----------------------------------------------------------- */

typedef struct wfm_fcrun_opts {
	wfm_date from, to;  /* the days to forecast and write, from <= to; the
			     * history is read before `from` only */
	int grain;          /* enum wfm_grain (profiles are fitted only for
			     * WFM_GRAIN_INTERVAL) (WFM_GRAIN_DAY) */
	int interval;       /* minutes of an interval, the calendar's grid (15) */
	double level;       /* prediction-interval level, 0 < level < 1 (0.8) */
	const char *line;   /* only this line code, or NULL for all (NULL) */
	int channel;        /* only this channel, or -1 for all (-1) */
	int decimals;       /* places of the written figures, 0..6 (2) */
	int origins;        /* backtest origins (12) */
	int bt_days;        /* backtest horizon in days; 0: the days written,
			     * at most 56 (0) */
	/* Called after each series is forecast, with the number done and the
	 * total; may be NULL (NULL). */
	void (*progress)(void *ctx, int done, int total);
	void *progress_ctx;
} wfm_fcrun_opts;

/* Fills `o` with the defaults shown above and from = to = 0. */
void wfm_fcrun_opts_default(wfm_fcrun_opts *o);

/* The last date of any row of `h`; returns 0 (and leaves *last) when `h`
 * has no rows, else 1. */
int wfm_fcrun_last_date(const wfm_hist *h, wfm_date *last);

/* One series of a run.  Days first .. first + n - 1; days before `from`
 * (n_hist of them) are history. */
typedef struct wfm_fcrun_series {
	char *line;             /* line code */
	int channel;            /* enum wfm_channel */
	int written;            /* 1: selected for output; 0: forecast only to
				 * lend its shape to a new line */
	int new_line;           /* 1: no history, named by the expected volumes */
	wfm_date first;
	int n_hist, n;          /* n reaches the run's last day (see
				 * wfm_fcrun_end) */
	double *value;          /* n_hist day totals; 0 unless OPEN */
	unsigned char *state;   /* n states (enum wfm_fc_state) */
	unsigned char *flags;   /* n flag sets (enum wfm_fc_flag) from the
				 * events, or NULL when none applies */
	unsigned char *effect;  /* n effect ids from the events of kind effect
				 * (1 + the event's index among them), or NULL */
	int days_data;          /* OPEN days of the history */
	long closed_rows;       /* rows dated on closed days (not used) */
	wfm_date closed_first;  /* the first of those */
	int intervals;          /* 1 when the history has interval rows */
	wfm_fc_matrix mx;       /* the last weeks of interval counts on the
				 * run's grid (mx.m intervals from
				 * wfm_fcrun_grid); mx.days 0 without them */
	double *mx_count;       /* the storage of mx.count and mx.state */
	unsigned char *mx_state;
	/* handle times, from rows with an aht_s, weighted by handled contacts
	 * (by offered ones when handled is empty): */
	double *aht_w;          /* n_hist day weights (contacts with a time) */
	double *aht_sum;        /* n_hist sums of aht_s x weight */
	int aht_days;           /* OPEN days of the history with a handle time */
	wfm_fc_matrix mx_w, mx_a; /* the same per interval, on mx's days
				 * (state shared with mx) */
	double *mx_aht;         /* the storage of mx_w.count and mx_a.count */
	/* after wfm_fcrun_forecast: */
	wfm_fc_daily *aht_fc;   /* the daily handle-time forecast, days from ..
				 * wfm_fcrun_end, or NULL: none known */
	wfm_fc_aht_profile *aht_prof; /* its intraday ratios (interval grain, live
				 * channels), or NULL: flat */
	int aht_borrowed;       /* 1: aht_fc is the channel's mean over the
				 * other series (no handle times of its own) */
	/* after wfm_fcrun_forecast: */
	wfm_fc_daily *fc;       /* days from .. wfm_fcrun_end */
	const wfm_fc_profile *profile; /* intraday shape (interval grain, live
				 * channels), own or borrowed; NULL: day rows */
	int donor;              /* index of the series whose shape a new line or
				 * a series without interval data took, or -1 */
} wfm_fcrun_series;

typedef struct wfm_fcrun wfm_fcrun;

/* Cuts `h` into series as described at the top, for the days and filters
 * of `o`.  Series are ordered by line code, then channel; lines named only
 * by rows of `ev` (may be NULL) for a selected series become new-line series
 * (no history).  The run's last day is `o->to`, or later when a selected
 * row of `ev` reaches further (its whole period is forecast so that its
 * value is spread over all of it).  Fails with WFM_EUSAGE for bad options
 * or when o->line / o->channel select nothing ("unknown line 'X'" listing
 * the lines), WFM_EDATA when no series has a row before `from`,
 * WFM_EINTERNAL on out of memory; returns NULL then.  Selected series
 * without rows before `from` are left out with a warning (wfm_fcrun_note). */
wfm_fcrun *wfm_fcrun_new(const wfm_hist *h, const wfm_calendar *cal,
			 const wfm_fcrun_opts *o, const wfm_ev_list *ev, wfm_err *e);

/* Frees a run; NULL is a no-op. */
void wfm_fcrun_free(wfm_fcrun *r);

/* The series of the run: count and the i-th (0 <= i < count). */
int wfm_fcrun_count(const wfm_fcrun *r);
const wfm_fcrun_series *wfm_fcrun_get(const wfm_fcrun *r, int i);

/* The last day forecast (>= opts.to). */
wfm_date wfm_fcrun_end(const wfm_fcrun *r);

/* The interval grid: *opens the minute of the first interval (the earliest
 * opening of any weekday), *m the number of intervals up to the latest
 * closing (0 when no day is open). */
void wfm_fcrun_grid(const wfm_fcrun *r, int *opens, int *m);

/* Marks the days of the events `ev` in the run's series (call it after
 * wfm_fcrun_new, before wfm_fcrun_forecast or wfm_fcrun_backtest; `ev` must
 * outlive the run): exclude days are left out of the fit (WFM_FC_EXCLUDE)
 * and of the intraday profile, effect days get the effect of their name.
 * The forecast (and the backtest) then add a note per series and event:
 * the days left out, or the effect's factor and the days it was learnt
 * from (a warning when an effect has days ahead but nothing to learn from).
 * An event whose line or channel names no series of the run gets a
 * warning.  Returns WFM_OK, WFM_EUSAGE without a run or events,
 * WFM_EINTERNAL on out of memory. */
int wfm_fcrun_events(wfm_fcrun *r, const wfm_event_list *ev, wfm_err *e);

/* Forecasts every series (wfm_fc_forecast; backtest horizon: the days to
 * write, at least 28 and at most 56, whatever the last day), then: a new line gets
 * wfm_fc_from_donor with its rows of `ev` and the base forecast of its
 * donor, the series of the same channel with the most OPEN days of history
 * (the first in order on a tie); at interval grain every live series gets
 * its intraday profile (wfm_fc_profile_fit on its matrix), or the donor's
 * when it has no interval data, or a flat one when no series of its channel
 * has any; finally every row of `ev` for a selected series with history is
 * applied in file order (wfm_fc_apply_expected).  Notes and warnings (short
 * series, donors, rows on closed days) are added for wfm_fcrun_note.  Fails
 * with WFM_EDATA when a series has no OPEN day with data ("line L, channel
 * C: no data on an open day before DATE"), or a row of `ev` cannot be
 * applied ("FILE:LINE: ..."), WFM_EUSAGE when `ev` is not the list the run
 * was made with (a new line needs it), WFM_EINTERNAL on out of memory; the
 * run is then only fit for wfm_fcrun_free. */
int wfm_fcrun_forecast(wfm_fcrun *r, const wfm_ev_list *ev, wfm_err *e);

/* Writes the header and the rows of the forecast at grain opts.grain for the
 * days opts.from .. opts.to through `w` (see the top).  Needs
 * wfm_fcrun_forecast first.  Returns WFM_OK, WFM_EIO when the writer
 * failed, WFM_EUSAGE before wfm_fcrun_forecast, WFM_EINTERNAL on out of
 * memory. */
int wfm_fcrun_write(const wfm_fcrun *r, wfm_csvw *w, wfm_err *e);

/* Backtests every selected series (opts.origins origins, horizon
 * opts.bt_days) and writes the table
 *   line,channel,model,selected,mase,wape,bias,coverage,origins,horizon
 * one row per series and candidate model (empty figures for a model that
 * could not be scored), plus a `fallback` row when the series was too short
 * for the models; wape, bias and coverage are fractions.  New lines are left
 * out.  Fails like wfm_fcrun_forecast and wfm_fcrun_write. */
int wfm_fcrun_backtest(wfm_fcrun *r, wfm_csvw *w, wfm_err *e);

/* Messages gathered by the run for the user, in order: count, and the i-th
 * text (no program name, no newline); *warning is set to 1 for a warning
 * (the result is less trustworthy), 0 for a note. */
int wfm_fcrun_nnotes(const wfm_fcrun *r);
const char *wfm_fcrun_note(const wfm_fcrun *r, int i, int *warning);

#endif
