/* staffrun.h - the work of wfm-staff: from an interval forecast to the
 * staffing requirement of every interval, channel and line; the evaluation
 * of a given staffing; its simulation.
 *
 * Input.  A forecast `period,time,channel,line,forecast[,aht_s]` (the
 * contract of wfm-forecast at interval grain; also accepted: `date` for
 * period, `volume` or `offered` for forecast, so a requirements or history
 * file reads too; other columns are ignored).  Live channels (phone, chat)
 * need one row per interval: `time` HH:MM on the grid of settings.interval,
 * and every open day of the calendar that a series has rows on, and every
 * open day between its first and last day, must have a row for every
 * interval inside the opening hours (rows outside them are taken as they
 * are).  Deferred channels (e-mail, social, callback) come as whole-day rows
 * (time empty); interval rows of theirs are summed into the day.
 *
 * Handle time of a row: settings.aht (--aht) when set, else the row's aht_s
 * cell when the column exists and the cell is not empty, else the line's
 * entry in settings.aht_line, else settings.aht_channel, else (chat) the
 * first chat_aht value; none of these is an error naming the row.
 *
 * Live channels.  Phone: Erlang C, Erlang A or the callback model
 * (settings.phone_model; automatic: the callback model when callback_after
 * is set, else Erlang A when a patience is set, else Erlang C).  Chat: the
 * chat model of chat.h with k = concurrency, the row's handle time at one
 * chat and settings.chat_shape for more, and chat_patience (else patience).
 * The target: without abandonment (Erlang C; chat without a patience) the
 * service level sl within sl_time, since every contact is answered; with
 * abandonment or callbacks, the answer rate; in both cases the occupancy
 * cap when set.  The service level is reported at sl_time everywhere.
 *
 * Shrinkage.  The `scheduled` figures divide by 1 - shrinkage[channel][wd]
 * of the row's channel and weekday: live rows round up to whole agents with
 * wfm_shrinkage_apply, deferred days and FTE totals are agent-hours.
 *
 * Deferred channels (e-mail, social, callback).  Work = contacts x handle
 * time, in agent-hours.  Each day's arrivals form one job, released on the
 * first working day on or after its date and due at the end of the
 * deadline_days-th working day after it (deadline 0: the day it is
 * released); jobs due after the last working day of the forecast are due on
 * that day (everything that arrives is done within the period).  Calls that
 * the callback model sends to a callback join the callback work of their
 * line on their day, with aht_channel[callback] when set, else the handle
 * time of the call.  The requirement is the smoothest daily capacity that
 * meets every deadline: the taut string between the work released and the
 * work due (wfm_sr_taut), which minimises the highest daily capacity, then
 * the next highest, and so on (for one constant capacity see deferred.h).
 * With an opening backlog (wfm_sr_backlog) the contacts waiting at the start
 * are one more job, first in line, released on the first working day and
 * due as if they had arrived on the last working day before the backlog's
 * date: at the end of the deadline_days-th working day of the period (the
 * first working day when deadline_days is 0 or 1; the last one at most).
 *
 * Ownership: a run keeps pointers to its settings and calendar (they must
 * outlive it) and owns everything else.  Nothing here prints.
 */
#ifndef WFM_STAFFRUN_H
#define WFM_STAFFRUN_H

#include <stddef.h>
#include <stdio.h>

#include "history/history.h"
#include "queue/simulate.h"
#include "queue/staffing.h"
#include "setup/calendar.h"
#include "setup/config.h"

/* The longest line code. */
#define WFM_SR_LINE_MAX 47

/* A handle time for one line and channel (aht_lines of [staff]). */
typedef struct wfm_sr_aht_line {
	char line[WFM_SR_LINE_MAX + 1];
	int channel;  /* enum wfm_channel */
	double aht_s; /* > 0 */
} wfm_sr_aht_line;

typedef struct wfm_sr_settings {
	int phone_model;        /* -1 automatic, or WFM_MODEL_ERLANG_C, _A, _CALLBACK */
	double answer_rate;     /* answer-rate target, 0 < x < 1 */
	double sl, sl_time;     /* service-level target (0 < sl < 1) and threshold (s) */
	double max_occ;         /* occupancy cap, 0 < cap <= 1; 0: none */
	double patience;        /* mean patience of a caller (s); 0: none */
	double callback_after;  /* callback cut-off (s); 0: no callback offer */
	double chat_patience;   /* mean patience of a chat (s); 0: as patience */
	int concurrency;        /* chats per agent, 1..WFM_CHAT_KMAX */
	double chat_shape[WFM_CHAT_KMAX]; /* handle time at i+1 chats over that at
				   one chat: from chat_aht, else i+1 over the factors
				   1, 1.7, 2.5, 2.9, 3.5 */
	double chat_aht;        /* the first chat_aht value (s); 0: none */
	double aht;             /* one handle time for every row (--aht); 0: none */
	double aht_channel[WFM_NCHANNELS]; /* aht_phone ... (s); 0: none */
	wfm_sr_aht_line *aht_line; /* aht_lines, owned */
	size_t n_aht_line;
	int deadline_days;      /* working days, >= 0 */
	double shrinkage[WFM_NCHANNELS][7]; /* share of paid time lost on a channel
				   on a weekday (WFM_MON..WFM_SUN), 0 <= x < 1 */
	long max_agents;        /* most agents per row; 0: no limit */
	int interval;           /* minutes */
	double fte_hours;       /* paid hours of one FTE per week */
	wfm_date from, to;      /* rows dated outside [from, to] are skipped */
	double depth_weight;    /* [plan] depth_weight: --evaluate splits a line's
				   agents between phone and chat as the plan's
				   service curve does (staffrun_eval.c) */
} wfm_sr_settings;

/* Fills `s` from the [staff] and [calendar] settings of `cfg`: parses
 * aht_lines ("LINE/CHANNEL SECONDS, ..."; seconds as in wfm_parse_duration
 * with a decimal point) and chat_aht ("SECONDS, ..."), checks the values
 * wfm_config does not (targets below 1, concurrency at most WFM_CHAT_KMAX,
 * at least `concurrency` chat_aht values), combines the shrinkage of every
 * channel and weekday (see below), and sets phone_model -1, aht 0 and
 * from/to to every day.  Shrinkage: a channel's share `off` is
 * shrinkage_CHANNEL when given, else shrinkage; a weekday's absence is
 * shrinkage_DAY (0 when not given); the two multiply, shrinkage[channel][wd]
 * = wfm_shrinkage_combine(absence, off) (staffing.h), since absence removes
 * whole agents and `off` is a share of the time of those present.  Errors name the setting:
 * "FILE:LINE: [staff] KEY: ..." (WFM_EDATA) when it came from the file,
 * "--KEY: ..." (WFM_EUSAGE) when from a flag.  Release `s` with
 * wfm_sr_settings_release, also after a failure. */
int wfm_sr_settings_init(wfm_sr_settings *s, const wfm_config *cfg, wfm_err *e);

/* Replaces v[0 .. n-1] by its lower convex envelope (the greatest convex
 * function below it, linear between the points of its hull); hull is work
 * space for n indices. */
void wfm_sr_envelope(double *v, long n, int *hull);

/* One live contact's service as a function of its agents n = 0 .. n - 1,
 * as wfm-plan's service curve and a split between phone and chat count it:
 * contacts answered live, answered within sl_time, and lost (not answered
 * live where the target is the answer rate, not within sl_time where it is
 * the service level), each monotone in n; `lost` replaced by its lower
 * convex envelope plus depth_weight x volume x (the share lost - (1 -
 * target))^2 where positive. */
typedef struct wfm_sr_curve {
	long n;
	double *ans, *within, *lost;
} wfm_sr_curve;

/* Fills `c` for `volume` contacts of handle time aht_s in an interval of
 * interval_s seconds under model `m` and target `tg` (wfm_sr_live_model):
 * at least n_min + 1 points and at least ceil(load) + 3, on until less than
 * 1e-7 of the volume is lost (at most 5000 points past those).  Free with
 * wfm_sr_curve_release (also after a failure).  WFM_OK, or the model's
 * error, or WFM_EINTERNAL when out of memory. */
int wfm_sr_curve_make(wfm_sr_curve *c, const wfm_model *m, const wfm_target *tg, double volume,
		      double aht_s, double interval_s, long n_min, double depth_weight,
		      wfm_err *e);

/* Frees what `c` holds and zeroes it. */
void wfm_sr_curve_release(wfm_sr_curve *c);

/* The split of a line's agents between its channels (phone first), one
 * agent at a time: with at[i] agents on channel i of curves c[0 .. k-1],
 * the channel the next agent goes to: the one whose lost contacts fall the
 * most, the first of them on a tie, none past its curve's last point; -1
 * when every channel is at its last point. */
int wfm_sr_next_agent(const wfm_sr_curve *c, int k, const long *at);

/* Frees what `s` owns; NULL is a no-op. */
void wfm_sr_settings_release(wfm_sr_settings *s);

/* Checks what the program may have changed after wfm_sr_settings_init: the
 * phone model against the patience and cut-off ("the erlang-a model needs a
 * patience"), aht > 0 or 0, from <= to.  WFM_OK or WFM_EUSAGE. */
int wfm_sr_settings_check(const wfm_sr_settings *s, wfm_err *e);

/* The smoothest capacity profile between two cumulative bounds: due[k] and
 * avail[k] (k = 0..days, due[0] = avail[0] = 0, both non-decreasing, due <=
 * avail, due[days] = avail[days]) are the work that must be done, and the
 * work that can have been done, by the end of day k - 1.  Fills cap[0..days-1]
 * with the slopes of the shortest path from (0, 0) to (days, due[days])
 * that stays between the bounds (the taut string): it meets every bound and
 * minimises the largest capacity, then the next largest, and every convex
 * cost of the capacities.  O(days^2) at worst.  Returns WFM_OK, or
 * WFM_EUSAGE when the bounds are inconsistent. */
int wfm_sr_taut(const double *due, const double *avail, size_t days, double *cap, wfm_err *e);

/* The queue model and target of a live contact of channel `channel` (phone
 * or chat) with handle time aht_s under the settings `s`, as wfm-staff uses
 * them (see the top of this file): the phone model of s->phone_model or the
 * automatic choice, chat with s->concurrency and s->chat_shape; the target
 * the answer rate when contacts abandon or become callbacks, else the
 * service level; the occupancy cap.  Cannot fail. */
void wfm_sr_live_model(const wfm_sr_settings *s, int channel, double aht_s, wfm_model *m,
		       wfm_target *tg);

typedef struct wfm_sr wfm_sr;

/* Reads the forecast at `path` ("-": standard input) with the settings and
 * calendar (both must outlive the run), resolves every handle time and
 * checks the interval grid (see the top).  Fails with WFM_EDATA naming file,
 * line, column and value ("FILE:LINE: column 'forecast': negative: '-3'"),
 * or the series and day of a gap; WFM_ENOINPUT when the file cannot be
 * opened; WFM_EUSAGE for settings that do not fit; WFM_EINTERNAL when out
 * of memory.  Returns the run, or NULL. */
wfm_sr *wfm_sr_read(const char *path, const wfm_sr_settings *s, const wfm_calendar *cal,
		    wfm_err *e);

/* Frees a run; NULL is a no-op. */
void wfm_sr_free(wfm_sr *r);

/* Computes the requirement of every row: the least agents meeting the
 * target (zero volume needs zero agents), the performance they give, and
 * the deferred work's daily agent-hours.  Fails with WFM_EDATA naming the
 * row when the target cannot be met with max_agents agents (giving the best
 * figures reached with max_agents) or with WFM_STAFF_MAX_AGENTS. */
int wfm_sr_require(wfm_sr *r, wfm_err *e);

/* Reads the staffing at `path` and evaluates it.  The staffing is a
 * requirements file (`date,time,channel,line,...,agents`) or a roster's
 * coverage (`date,time,line,required,planned,gap`): the agents are `planned`
 * when that column exists, else `agents`; without a channel column a row
 * counts for channel `channel` of its line, or with `channel` -1 for the
 * live channel its line has in the forecast; a line with phone and chat
 * splits each interval's agents between the two as wfm-plan's service curve
 * splits them (see staffrun_eval.c), and its whole-day rows go to the
 * line's deferred series in proportion to the hours each releases.  Live rows
 * give whole agents per interval; whole-day rows of a
 * deferred channel give agent-hours, interval rows of one add agents x
 * interval.  Forecast intervals without a staffing row get 0 agents; rows
 * that match nothing are ignored (both are counted in the summary).  Fails
 * like wfm_sr_read for the staffing file. */
int wfm_sr_evaluate(wfm_sr *r, const char *path, int channel, wfm_err *e);

/* Agents of one live series in one interval, for wfm_sr_evaluate_agents;
 * with channel -1, the agents of a line, as a staffing without a channel
 * column gives them to wfm_sr_evaluate: all to the line's live channel, or
 * split between phone and chat as wfm-plan's service curve splits them. */
typedef struct wfm_sr_staff {
	wfm_date date;
	int time;           /* minutes since midnight, >= 0 */
	int channel;        /* enum wfm_channel, a live one; -1: the line's */
	const char *line;
	long agents;        /* >= 0 */
} wfm_sr_staff;

/* As wfm_sr_evaluate, with the agents of live intervals given as a list
 * (st[0..n-1], not kept) instead of a file: forecast intervals without an
 * entry get 0 agents, entries that match no live forecast row are counted
 * as unmatched, deferred series get no capacity.  WFM_EUSAGE for an entry
 * with negative agents or no time, or an interval given twice ("staffing
 * entry K: ..."). */
int wfm_sr_evaluate_agents(wfm_sr *r, const wfm_sr_staff *st, size_t n, wfm_err *e);

/* Reads the opening backlog at `path` (`date,channel,line,open[,aht_s]`,
 * the backlog contract: deferred contacts still waiting at the start of
 * `date`; Dutch headers datum, kanaal, lijn, openstaand accepted) and makes
 * the deferred series start from it: each row's contacts join its series
 * (created when the forecast has none) as a job released on the first
 * working day of the run and due at the end of its deadline_days-th working
 * day (see the top: they count as arrived on the last working day before
 * `date`, the youngest they can be), before the day's own arrivals.  Every
 * row must be of the run's first day or of a closed day just before it (no
 * working day between `date` and the first day), on a deferred channel
 * (email, social, callback), with `open` a number >= 0 and `aht_s`, when
 * given, more than 0; a (channel, line) once.  Call once, after wfm_sr_read
 * and before wfm_sr_require or wfm_sr_evaluate; the handle time of the work
 * is resolved then (wfm_sr_backlog_work in staffrun_impl.h: --aht, the row's
 * aht_s, the series' forecast, the settings).  Fails with WFM_EDATA
 * "FILE:LINE: column 'COL': what: 'VALUE'", WFM_ENOINPUT when the file
 * cannot be opened, WFM_EUSAGE when called at the wrong time, WFM_EINTERNAL
 * when out of memory; the run is then unusable (free it). */
int wfm_sr_backlog(wfm_sr *r, const char *path, wfm_err *e);

typedef struct wfm_sr_sim_opts {
	int runs;               /* replications, >= 2 */
	unsigned long seed;
	wfm_sim_dist dist;      /* handle times */
	double cv;              /* lognormal coefficient of variation */
	double level;           /* confidence level, 0 < level < 1 (0.95) */
} wfm_sr_sim_opts;

/* Simulates every day of every live series `runs` times with the agents of
 * the last wfm_sr_require or wfm_sr_evaluate (simulate.h), each run of a
 * day seeded from (seed, run, date, channel, line) so that a day gives the
 * same figures whatever other days are simulated, and keeps mean and
 * confidence interval of each figure per interval and per day.  Deferred
 * channels are not simulated (not written).  WFM_OK, WFM_EUSAGE for bad
 * options or WFM_EINTERNAL. */
int wfm_sr_simulate(wfm_sr *r, const wfm_sr_sim_opts *o, wfm_err *e);

enum wfm_sr_grain { WFM_SR_INTERVAL, WFM_SR_DAY, WFM_SR_WEEK };

/* Writes the result of the last step as CSV (canonical, or nl-BE when
 * `excel`), rows sorted by date, time (whole-day rows first), channel and
 * line code:
 *  - requirements (grain WFM_SR_INTERVAL): date,time,channel,line,volume,
 *    aht_s,agents,service_level,answer_rate,asa_s,occupancy,scheduled;
 *  - FTE (WFM_SR_DAY, WFM_SR_WEEK): date (the Monday for a week),channel,
 *    line,volume,workload_h,agent_hours,scheduled_hours,fte, and one total
 *    row per date with channel and line empty;
 *  - evaluation: date,time,channel,line,volume,aht_s,agents,service_level,
 *    answer_rate,asa_s,occupancy,abandoned,callbacks,backlog,status, with
 *    a whole-day summary row per live series and day;
 *  - simulation: date,time,channel,line,volume,aht_s,agents and, for each of
 *    service_level, answer_rate, asa_s, occupancy, abandoned, callbacks,
 *    backlog, the mean and X_lo, X_hi, live channels only.
 * Returns WFM_OK, WFM_EUSAGE for a grain other than interval after an
 * evaluation or simulation, WFM_EIO on a write error (message "write
 * error"; the caller names the file), WFM_EINTERNAL when out of memory. */
int wfm_sr_write(const wfm_sr *r, FILE *f, int excel, int grain, wfm_err *e);

/* One figure of the last step (wfm_sr_require, wfm_sr_evaluate or
 * wfm_sr_evaluate_agents): a live interval, or a working day of a deferred
 * series (time -1). */
typedef struct wfm_sr_result {
	wfm_date date;
	int time;             /* minutes since midnight; -1: a deferred day */
	int channel;          /* enum wfm_channel */
	const char *line;     /* owned by the run */
	double volume;        /* contacts (deferred: released that day) */
	double aht_s;         /* handle time (deferred: of the work released; NAN
				 when nothing was) */
	double agents;        /* live: agents in the interval; deferred: agent-hours */
	double agent_h;       /* agent-hours: agents x interval, or the deferred hours */
	double scheduled_h;   /* agent-hours after shrinkage (live: the scheduled
				 whole agents x interval, as the `scheduled` column) */
	double service_level; /* live: the model's figures; deferred: the share of */
	double answer_rate;   /* the contacts released that day done in time */
	int late;             /* 1: the interval misses its target, or deferred work
				 is left past its deadline at the day's end */
} wfm_sr_result;

/* The figures of the last step, sorted by date, time (deferred days first),
 * channel and line, into a new array *out of *n entries (the caller frees
 * *out; the line strings belong to the run).  WFM_EUSAGE before a step,
 * WFM_EINTERNAL when out of memory. */
int wfm_sr_results(const wfm_sr *r, wfm_sr_result **out, size_t *n, wfm_err *e);

/* What the last step saw, for the program's notes. */
typedef struct wfm_sr_summary {
	long intervals;     /* live rows */
	long days;          /* deferred day rows written */
	long series;        /* channel x line */
	long below;         /* evaluate: intervals below target, status "below target" */
	long overloaded;    /* evaluate: intervals below target with the load at or
			       above what the agents can carry, status "overloaded" */
	long unstaffed;     /* evaluate: volume and no agents, status "unstaffed" */
	long loaded_ok;     /* evaluate: intervals that meet the target with the load
			       at or above what the agents carry (abandons and
			       callbacks make room), status "ok" */
	long late_days;     /* evaluate: deferred days ending with work past due */
	long no_staffing;   /* evaluate: forecast intervals without a staffing row */
	long unmatched;     /* evaluate: staffing rows matching no forecast row */
	double callbacks;   /* calls sent to a callback */
	double agent_hours; /* sum of agents x interval plus deferred agent-hours */
	double backlog_open;    /* contacts of the opening backlog (wfm_sr_backlog) */
	long backlog_series;    /* series with a backlog row */
	long backlog_new;       /* of those, series without rows or arrivals in the run */
	wfm_date backlog_date;  /* the backlog's date, when backlog_series */
	wfm_date backlog_due;   /* the day it is due by, when backlog_series */
} wfm_sr_summary;

const wfm_sr_summary *wfm_sr_get_summary(const wfm_sr *r);

#endif
