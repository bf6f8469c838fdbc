/* plan.h - the weekly shift plan: a MIP over GLPK, its solve strategy and
 * the roster read back from it.
 *
 * The caller builds a plan input (wfm_plan_input) with the functions below:
 * the days of one week with their opening hours, the lines and the number of
 * agents each needs per interval, deferred work (e-mail, callbacks) as hours
 * per day with a deadline, the agents, their leave, the training sessions and
 * the shift rules.  wfm_plan_solve turns it into a roster (wfm_plan_result):
 * one shift per agent and working day with its breaks, the line each work
 * block covers, training placements, leave decisions with reasons and the
 * coverage per interval and line, plus the solver's status, objective, bound
 * and gap.
 *
 * Ownership: the input owns copies of everything added to it; a result owns
 * all its arrays and strings.  Indices in a result (agent, day, line,
 * training, leave) refer to the input it was solved from, which must outlive
 * the result while the caller reads names through it.  Add the lines before
 * the agents: an agent's skills are matched against the lines known then.
 *
 * Times are minutes since midnight; a day is an index into the input's days
 * (0 = first day of the plan).  Structs are plain data the caller may read;
 * fields marked "derived" are filled by the library.
 *
 * The objective, in "weighted agent-hours" (every term >= 0):
 *   for each interval and line: w_under * line weight * hours short of the
 *   requirement + w_over * hours above it (the coverage counted in whole
 *   agents, one line per agent at a time; on a line with deferred work the
 *   agents above the requirement do that work first and count as above only
 *   when none is left);
 *   + w_deferred * hours of deferred work still undone after its deadline,
 *     counted once per day it stays late (work is done as early as spare
 *     agents allow);
 *   + w_pref per shift starting outside the agent's preferred start window;
 *   + for each refused leave request, w_leave per requested working day,
 *     times (1 + 0.01 * (requests after it) / requests).
 * Requested leave is granted where coverage allows in this sense: granting
 * costs the plan what the agent's absence costs in coverage, refusing costs
 * w_leave per day, and of two requests competing for the same cover the
 * earlier one wins (the rank term).  Coverage shortfall is never infeasible:
 * it is a cost.  Hard rules (never broken by a returned plan): opening
 * hours, shift types and their break windows, start-time step, earliest
 * start and latest end, unavailable days, approved leave, contract hours
 * within the tolerance, maximum working days, minimum rest between
 * consecutive days, skills, training attendance and group sizes.
 *
 * How the solve works (plan_solve.c): a constructive plan and a local
 * search first, so that a plan exists within a second or two; then the
 * bound: the LP relaxation of the model by GLPK's interior-point method when
 * the model is small enough for it to end in the time left, and a
 * Lagrangian bound (each agent's week whole, so it can exceed the LP) when
 * the LP does not run or end in time, or after it while the gap is open;
 * on small models (exact break counts) GLPK's branch-and-cut from the LP,
 * fed the best plan through its heuristic callback, which can prove the
 * optimum; and local search to the end.  The reported objective is the
 * exact cost of the returned roster (recomputed from it, not taken from the
 * model); the bound is always a valid lower bound on every plan's cost.
 * GLPK's interior point cannot be interrupted, so it runs in a child process
 * (fork) that is killed at its deadline or on a stop request: the time limit
 * and the stop flag hold in every phase, within about a second.  The child
 * leaves through _exit (no atexit handler of the program runs and no stdio
 * buffer is flushed twice) and is always reaped; the program's signal
 * handlers stay in place (the child ignores SIGINT, which reaches the whole
 * process group on Ctrl-C, and takes the default action on SIGTERM, SIGHUP,
 * SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM and SIGPIPE).
 */
#ifndef WFM_PLAN_H
#define WFM_PLAN_H

#include <signal.h>
#include <stddef.h>

#include "common/date.h"
#include "common/err.h"

#define WFM_PLAN_MAX_DAYS 7
#define WFM_PLAN_MAX_TYPES 12
#define WFM_PLAN_MAX_BREAKS 4
#define WFM_PLAN_MAX_REQUESTS 6 /* requested leave periods per agent */

/* One break inside a shift type.  Windows are relative to the shift start;
 * the breaks of a type must be listed in time order with windows that do
 * not overlap (the earliest start of the next break is at or after the
 * latest end of the previous one). */
typedef struct wfm_plan_break {
	int minutes;  /* length, a multiple of the interval */
	int earliest; /* earliest start, minutes after the shift start */
	int latest;   /* latest start, minutes after the shift start */
	int paid;     /* 1: counts as working time (short break); 0: unpaid */
	int lunch;    /* 1: shown as activity 'lunch', else 'break' */
} wfm_plan_break;

/* A shift type: its length from start to end and the breaks it carries.
 * Paid minutes are the length minus the unpaid breaks. */
typedef struct wfm_plan_shift_type {
	int minutes;
	int n_breaks;
	wfm_plan_break brk[WFM_PLAN_MAX_BREAKS];
} wfm_plan_shift_type;

/* Shift rules and objective weights. */
typedef struct wfm_plan_rules {
	int interval_min;      /* interval length (15) */
	int start_step_min;    /* shift starts at multiples of this (15) */
	int training_step_min; /* training sessions start at multiples (30) */
	int n_types;
	wfm_plan_shift_type type[WFM_PLAN_MAX_TYPES];
	int min_rest_min;  /* rest between shifts on consecutive dates (660) */
	int max_days;      /* working days in the week, leave days included
	                      up to the limit: all week on leave works no day (5) */
	int week_days;     /* days a weekly contract is written for (5) */
	int hours_tol_min; /* paid minutes may differ from the contract by this (60) */
	double w_under;    /* per agent-hour short, times the line weight (1) */
	double w_over;     /* per agent-hour above the requirement (0.1) */
	double w_pref;     /* per shift outside the preferred start window (0.05) */
	double w_deferred; /* per hour of deferred work late, per day (0.8) */
	double w_leave;    /* per day of a refused leave request (0.5) */
	int objective;     /* WFM_PLAN_LINEAR (the default) or WFM_PLAN_SERVICE */
	double leave_target; /* WFM_PLAN_SERVICE: the day's expected answer rate a
	                        request must leave on the agent's lines (0.95) */
} wfm_plan_rules;

/* The objective of the plan (see the top of this file). */
enum wfm_plan_objective {
	WFM_PLAN_LINEAR = 0, /* shortfall in agent-hours, linear; leave in the search */
	WFM_PLAN_SERVICE     /* the service cost curves of wfm_plan_add_service; leave
	                        and trainings decided first by a fixed rule */
};

/* Fills `r` with the defaults in brackets above and three shift types:
 * 8:30 (15-min break 1:00-2:30 after the start, unpaid 30-min lunch
 * 3:00-5:00, 15-min break 5:30-7:15), 6:30 (break 1:00-2:30, lunch
 * 3:00-4:30) and 4:00 (break 1:00-2:30): paid 8:00, 6:00 and 4:00. */
void wfm_plan_rules_default(wfm_plan_rules *r);

typedef struct wfm_plan_day {
	wfm_date date;
	int opens, closes; /* minutes; opens < 0 when closed */
} wfm_plan_day;

typedef struct wfm_plan_line {
	char *code;
	double weight; /* multiplies w_under (1) */
} wfm_plan_line;

typedef struct wfm_plan_agent {
	char *name;
	char *skills_text;   /* the skills as given, for messages */
	int n_skills;
	int *skills;         /* line indices (skills that are no line are left out) */
	int minutes_per_week;
	int days_per_week;   /* 0: any number up to max_days */
	int earliest_start;  /* minutes, or -1 */
	int latest_end;      /* minutes, or -1 */
	int pref_from;       /* preferred start window, minutes, or -1 */
	int pref_to;
	unsigned char unavailable[WFM_PLAN_MAX_DAYS]; /* per plan day */
} wfm_plan_agent;

typedef struct wfm_plan_leave {
	int agent;
	wfm_date from, to; /* inclusive */
	int requested;     /* 0: approved (hard), 1: requested */
	int rank;          /* derived: order among the requests, 0 = first */
} wfm_plan_leave;

typedef struct wfm_plan_training {
	char *name;
	int skill;       /* line index, or -1 when the skill is no line of the plan */
	char *skill_text;
	int minutes;
	int group_min, group_max;
	int count;       /* > 0: the plan chooses this many agents holding the
	                    skill; 0: the listed agents attend */
	int n_listed;
	int *listed;     /* agent indices */
	wfm_date from, to;
} wfm_plan_training;

typedef struct wfm_plan_deferred {
	int line;
	int day;      /* released at the start of this plan day */
	double hours; /* agent-hours of work */
	int deadline; /* plan day by whose end it must be done; may be past the
	                 last day of the plan (then it is never late here) */
} wfm_plan_deferred;

/* What c agents on a line give in one interval (WFM_PLAN_SERVICE). */
typedef struct wfm_plan_svc_point {
	double answered; /* contacts expected to be answered live */
	double within;   /* of them, answered within the service-level threshold
	                    (reported; the plan does not use it) */
	double cost;     /* the service cost, in objective units */
} wfm_plan_svc_point;

/* The service of one interval of one line (WFM_PLAN_SERVICE): what the
 * queueing models expect of c agents on the line, svc[first + c] for
 * c = 0 .. n-1, and the same as for n-1 agents beyond. */
typedef struct wfm_plan_service {
	int day, t, line;  /* plan day, interval of the grid, line */
	double volume;     /* contacts offered on the line's live channels */
	int first, n;
} wfm_plan_service;

typedef struct wfm_plan_input {
	wfm_plan_rules rules;
	int n_days;
	wfm_plan_day day[WFM_PLAN_MAX_DAYS];
	int grid_start;  /* derived: minute of interval 0 (earliest opening) */
	int n_intervals; /* derived: intervals per day up to the latest closing */
	int n_lines;
	size_t cap_lines;
	wfm_plan_line *line;
	double *req;     /* [(day * n_intervals + interval) * n_lines + line];
	                    reallocated as lines are added */
	int n_agents;
	size_t cap_agents;
	wfm_plan_agent *agent;
	int n_leave;
	size_t cap_leave;
	wfm_plan_leave *leave;
	int n_trainings;
	size_t cap_trainings;
	wfm_plan_training *training;
	int n_deferred;
	size_t cap_deferred;
	wfm_plan_deferred *deferred;
	int n_service;
	size_t cap_service;
	wfm_plan_service *service;
	size_t n_svc, cap_svc;
	wfm_plan_svc_point *svc; /* the points of every service, pooled */
} wfm_plan_input;

/* A new input for the days given (sorted, all within one Monday-Sunday
 * week, 1..WFM_PLAN_MAX_DAYS of them, at least one open) under `rules`
 * (copied).  Opening hours must lie on interval boundaries.  Fails with
 * WFM_EUSAGE for bad rules (naming the rule) or days, WFM_EINTERNAL when
 * out of memory; returns NULL then. */
wfm_plan_input *wfm_plan_input_new(const wfm_plan_rules *rules, const wfm_plan_day *days,
				   int n_days, wfm_err *e);

/* Frees the input; NULL is a no-op. */
void wfm_plan_input_free(wfm_plan_input *in);

/* The plan day of `date`, or -1 when the plan does not contain it. */
int wfm_plan_day_index(const wfm_plan_input *in, wfm_date date);

/* The line with code `code`, or -1. */
int wfm_plan_line_index(const wfm_plan_input *in, const char *code);

/* The agent named `name`, or -1. */
int wfm_plan_agent_index(const wfm_plan_input *in, const char *name);

/* Adds a line (its code copied) and returns its index, or returns the
 * index of the line that already has this code.  weight > 0.  Returns -1 on
 * failure (WFM_EDATA for an empty code or bad weight, WFM_EINTERNAL). */
int wfm_plan_add_line(wfm_plan_input *in, const char *code, double weight, wfm_err *e);

/* Adds `agents` (>= 0) to the requirement of `line` in the interval that
 * starts at minute `start` of plan day `day`; requirements of several
 * channels on one line add up.  The start must be on the interval grid of
 * the plan (between the earliest opening and the latest closing); a
 * requirement outside the day's opening hours cannot be covered and shows as
 * a gap.  Fails with WFM_EDATA naming the value. */
int wfm_plan_add_requirement(wfm_plan_input *in, int day, int start, int line, double agents,
			     wfm_err *e);

/* Adds deferred work: `hours` (>= 0) agent-hours of `line` released on plan
 * day `day`, to be done by the end of plan day `deadline` (>= day; may be
 * past the last day).  Fails with WFM_EDATA. */
int wfm_plan_add_deferred(wfm_plan_input *in, int line, int day, double hours, int deadline,
			  wfm_err *e);

/* Sets the service of the interval that starts at minute `start` of plan day
 * `day` on `line`, for the objective WFM_PLAN_SERVICE: `volume` contacts are
 * offered on the line's live channels; with c agents on the line
 * (c = 0 .. n-1; beyond, as with n-1) pt[c] says what the queueing models
 * expect.  The costs must be convex and non-increasing in c (a tolerance of
 * 1e-9 of cost[0]), already weighted (line weight included: the plan adds
 * nothing to them); answered and within non-decreasing, within <= answered
 * <= volume.  The points are copied.  Each interval and line at most once.
 * Cells without a service cost nothing beyond the hours above the
 * requirement.  Fails with WFM_EDATA naming what is wrong (a time off the
 * grid, a curve that is not convex, a cell given twice), WFM_EINTERNAL when
 * out of memory. */
int wfm_plan_add_service(wfm_plan_input *in, int day, int start, int line, double volume,
			 const wfm_plan_svc_point *pt, int n, wfm_err *e);

/* What an agent row says.  Strings are copied. */
typedef struct wfm_plan_agent_spec {
	const char *name;
	const char *skills;    /* '|'-separated line codes */
	double hours_per_week; /* > 0 */
	int days_per_week;     /* 0: any */
	int earliest_start;    /* minutes or -1 */
	int latest_end;        /* minutes or -1 */
	int pref_from, pref_to;/* preferred start window or -1, -1 */
	const wfm_date *unavailable; /* dates; those outside the plan are ignored */
	int n_unavailable;
} wfm_plan_agent_spec;

/* Adds an agent and returns its index, or -1 on failure: WFM_EDATA for a
 * duplicate or empty name, hours that are no whole number of minutes,
 * days_per_week outside 0..7, a bad time or window (the message names the
 * field and value); WFM_EINTERNAL when out of memory. */
int wfm_plan_add_agent(wfm_plan_input *in, const wfm_plan_agent_spec *spec, wfm_err *e);

/* Adds leave for agent `agent` (an index) from `from` to `to` inclusive;
 * requested leave is ranked in the order it is added.  Days outside the plan
 * are ignored.  Fails with WFM_EDATA when from > to or the agent already has
 * WFM_PLAN_MAX_REQUESTS requests inside the plan. */
int wfm_plan_add_leave(wfm_plan_input *in, int agent, wfm_date from, wfm_date to,
		       int requested, wfm_err *e);

/* What a training row says.  `participants` is either a count ("8") or a
 * '|'-separated list of agent names; strings are copied. */
typedef struct wfm_plan_training_spec {
	const char *name;
	const char *skill; /* a line code */
	int minutes;       /* a multiple of the interval, > 0 */
	int group_min, group_max;
	const char *participants;
	wfm_date from, to;
} wfm_plan_training_spec;

/* Adds a training and returns its index, or -1: WFM_EDATA naming the field
 * for a bad length, group size, unknown participant or from > to. */
int wfm_plan_add_training(wfm_plan_input *in, const wfm_plan_training_spec *spec, wfm_err *e);

/* Progress of a solve, delivered to the caller's function. */
typedef struct wfm_plan_progress {
	double seconds;   /* since the solve started */
	double objective; /* the best plan so far, or -1 when there is none yet */
	double bound;     /* the best proven lower bound, or -1 */
	double gap;       /* (objective - bound) / objective, or -1 */
	const char *phase;/* "prepare", "decide" (the service objective: training
	                     slots and leave), "construct", "search", "lp", "heuristic",
	                     "bound", "branch-and-cut", "done" */
} wfm_plan_progress;

typedef struct wfm_plan_options {
	double time_limit; /* seconds for the whole solve (60) */
	double gap;        /* stop when proven within this fraction (0.01) */
	/* Called now and then (at most a few times a second); a non-zero
	 * return asks the solver to stop and return the best plan so far. */
	int (*progress)(const wfm_plan_progress *p, void *ctx);
	void *ctx;
	/* When not NULL, a non-zero value asks the solver to stop (set it from
	 * a signal handler for Ctrl-C); the best plan so far is returned. */
	const volatile sig_atomic_t *stop;
	unsigned seed;     /* for the heuristics' random choices (1) */
} wfm_plan_options;

/* Fills `o` with the defaults above. */
void wfm_plan_options_default(wfm_plan_options *o);

enum wfm_plan_status {
	WFM_PLAN_OPTIMAL = 0,  /* proven within options.gap of the bound */
	WFM_PLAN_TIME_LIMIT,   /* time limit reached: the best plan found */
	WFM_PLAN_STOPPED       /* the caller asked to stop: the best plan found */
};

enum wfm_plan_activity {
	WFM_ACT_WORK = 0,
	WFM_ACT_BREAK,
	WFM_ACT_LUNCH,
	WFM_ACT_TRAINING,
	WFM_ACT_LEAVE
};

/* One row of the roster.  Blocks of one agent and day do not overlap and
 * are sorted by start; a leave block spans the day's opening hours. */
typedef struct wfm_plan_block {
	int agent, day;
	int start, end;  /* minutes */
	int activity;    /* enum wfm_plan_activity */
	int line;        /* WFM_ACT_WORK: the line covered; else -1 */
	int training;    /* WFM_ACT_TRAINING: the training; else -1 */
} wfm_plan_block;

/* The shift of one agent on one day. */
typedef struct wfm_plan_shift {
	int agent, day;
	int type;        /* index into rules.type */
	int start, end;  /* minutes */
} wfm_plan_shift;

typedef struct wfm_plan_session {
	int training;
	int day;
	int start, end;  /* minutes */
	int n_agents;
	int *agents;
	char *reason;    /* why this slot: what taking the attendees off the floor
	                    costs here against the other slots of the window */
} wfm_plan_session;

/* The decision on one requested leave. */
typedef struct wfm_plan_decision {
	int leave;       /* index into the input's leave */
	int granted;
	char *reason;    /* why it was refused ("2024-03-05 10:00 line 1700 would
	                    be 1.4 agents short"), or NULL when granted */
	/* WFM_PLAN_SERVICE: the day of the request with the lowest expected
	 * answer rate on the agent's lines once granted (-1 when not judged:
	 * no open day, or a training), that rate with and without the leave,
	 * and the day's worst interval and line with the leave and its rates */
	int day, worst_t, worst_line;
	double rate_with, rate_without, worst_with, worst_without;
} wfm_plan_decision;

typedef struct wfm_plan_result {
	int status;          /* enum wfm_plan_status */
	double objective;    /* cost of the returned plan */
	double bound;        /* proven lower bound on any plan's cost */
	double gap;          /* (objective - bound) / objective; 0 when objective 0 */
	double seconds;
	double under_hours;  /* agent-hours short, summed over intervals and lines */
	double over_hours;   /* agent-hours above the requirement */
	double deferred_late_hours; /* deferred hours late, summed over days */
	int leave_granted, leave_refused;
	int n_shifts;
	wfm_plan_shift *shift;    /* sorted by agent, day */
	int n_blocks;
	wfm_plan_block *block;    /* sorted by agent, day, start */
	int n_sessions;
	wfm_plan_session *session;/* by training, then start */
	int n_decisions;
	wfm_plan_decision *decision; /* one per requested leave, input order */
	double *planned;     /* agents on each line: same layout as input->req */
	double *deferred_done; /* agent-hours of deferred work per [day * n_lines + line] */
	double *deferred_late; /* hours past their deadline at the end of each day, per
	                          [day * n_lines + line] (their sum over days and lines is
	                          deferred_late_hours) */
} wfm_plan_result;

/* Plans the week.  Returns WFM_OK with *out set (free it with
 * wfm_plan_result_free) when a plan was found, also when the time limit or a
 * stop request cut the search short (see status).  Fails with WFM_EDATA when
 * no plan can satisfy the hard rules: the message names one cause that is
 * enough on its own (the agent, day and rule, or the training and what
 * prevents it); with WFM_EINTERNAL on out of memory or a solver failure.
 * `opt` may be NULL for the defaults.  GLPK's terminal output and error
 * messages are kept from the terminal while it runs.  Never prints. */
int wfm_plan_solve(const wfm_plan_input *in, const wfm_plan_options *opt,
		   wfm_plan_result **out, wfm_err *e);

/* Writes the model wfm_plan_solve builds, in CPLEX LP format, to the file
 * `path`, which GLPK creates or truncates: give it a temporary file of the
 * caller's, never a device (the run layer's wfm_pr_write_lp does the
 * temporary file and the copy).  On small plans the model is exact (break
 * counts per skill group, template and offset; attendees' shifts cover their
 * sessions); on larger ones it is the compact relaxation described in
 * plan_model.c.  The objective's constant term appears as a comment
 * ("constant term = ...").  Fails with WFM_EDATA as wfm_plan_solve does for
 * input that no plan can satisfy, WFM_EIO when the file cannot be written. */
int wfm_plan_write_lp(const wfm_plan_input *in, const char *path, wfm_err *e);

/* Frees a result; NULL is a no-op. */
void wfm_plan_result_free(wfm_plan_result *r);

/* Paid minutes of shift type `type` under `rules`. */
int wfm_plan_type_paid(const wfm_plan_rules *rules, int type);

/* The paid minutes agent `a` must work in the plan when the leave days in
 * `leave_days` (a count of open plan days on approved or granted leave) are
 * taken: minutes_per_week * (1 - leave_days / basis - closed / week_days),
 * rounded to the minute, where basis is days_per_week (or week_days when 0)
 * and closed counts the plan's closed Monday-Friday days.  The plan keeps
 * the paid minutes within rules.hours_tol_min of this. */
int wfm_plan_target_minutes(const wfm_plan_input *in, int a, int leave_days);

#endif
