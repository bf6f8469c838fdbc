/* staffing.h - how many agents an interval needs, what a given number of
 * agents achieves, and shrinkage.
 *
 * One call per interval, channel and line: a wfm_model says which queue the
 * channel is (Erlang C, Erlang A, the phone line with a callback offer, chat
 * with concurrency), a wfm_target what it must reach.  Deferred work (e-mail,
 * callbacks to return) is not a queue: see deferred.h.
 *
 * "Meets" is judged with the relative tolerance WFM_TOL of erlang.h: a
 * service level or answer rate within WFM_TOL below its target, or an
 * occupancy within WFM_TOL above its cap, counts as met, so that exact
 * decimal ties (9.6 erlangs on 12 agents is an occupancy of exactly 0.8)
 * never cost an extra agent through binary rounding.
 */
#ifndef WFM_STAFFING_H
#define WFM_STAFFING_H

#include "chat.h"
#include "erlang.h"

typedef enum wfm_model_kind {
	WFM_MODEL_ERLANG_C, /* nobody hangs up */
	WFM_MODEL_ERLANG_A, /* exponential patience (patience_s) */
	WFM_MODEL_CALLBACK, /* patience min(Exp(patience_s), cutoff_s), callback at cutoff_s */
	WFM_MODEL_CHAT      /* chat concurrency (chat; its own handle times and patience) */
} wfm_model_kind;

/* A channel's queue.  A plain value. */
typedef struct wfm_model {
	wfm_model_kind kind;
	double patience_s; /* mean patience, Erlang A and callback (INFINITY: none) */
	double cutoff_s;   /* callback: the wait at which the callback is offered */
	wfm_chat chat;     /* chat only */
} wfm_model;

/* What an interval must reach.  A target of 0 means "no such target". */
typedef struct wfm_target {
	double sl;       /* service level (erlang.h) to reach, 0..1 */
	double sl_t_s;   /* its threshold in seconds; also the threshold of the
	                    service level reported */
	double answered; /* answer rate to reach, 0..1 */
	double max_occ;  /* highest occupancy allowed, 0 (no cap) or 0 < cap <= 1 */
} wfm_target;

/* Above this many agents a search gives up (the target cannot be met). */
#define WFM_STAFF_MAX_AGENTS 2000000L

/* Checks a model (kind, patience > 0 or INFINITY, cut-off >= 0, the chat
 * parameters) and a target (each fraction in 0..1, cap in 0..1, threshold
 * >= 0).  Either pointer may be NULL (not checked).  WFM_OK or WFM_EUSAGE. */
int wfm_staff_check(const wfm_model *m, const wfm_target *tg, wfm_err *e);

/* The performance of `agents` agents for `volume` contacts in an interval of
 * interval_s seconds with average handle time aht_s (ignored by chat, which
 * takes its handle times from the model), service level at threshold sl_t_s.
 * Returns WFM_OK, or WFM_EUSAGE for a bad parameter (message names it). */
int wfm_staff_eval(const wfm_model *m, double volume, double aht_s, double interval_s,
		   long agents, double sl_t_s, wfm_queue_perf *out, wfm_err *e);

/* The least number of agents that meets every target of `tg` (and is stable),
 * into *agents, with its performance into *perf (may be NULL).  Zero volume
 * needs 0 agents.  Erlang C starts at floor(a) + 1 and carries 1/B from n to
 * n + 1 in O(1); the models with abandonment start at the throughput bound
 * (the answer rate cannot exceed the agents' capacity over the load), gallop
 * upwards and bisect, carrying 1/B forward.  Assumes the targets are
 * monotone in the number of agents (they are for these models).  Returns
 * WFM_OK; WFM_EUSAGE for a bad parameter or when more than
 * WFM_STAFF_MAX_AGENTS agents would be needed. */
int wfm_staff_agents(const wfm_model *m, double volume, double aht_s, double interval_s,
		     const wfm_target *tg, long *agents, wfm_queue_perf *perf, wfm_err *e);

/* 1 when `p` meets every target of `tg` (with the tolerance above). */
int wfm_staff_meets(const wfm_queue_perf *p, const wfm_target *tg);

/* ceil(x) for x >= 0, except that an x within WFM_TOL (relative) above an
 * integer gives that integer: 30.000000000000004 gives 30.  Returns -1 for
 * a negative or non-finite x or one above LONG_MAX/2. */
long wfm_ceil_tol(double x);

/* Agents to schedule so that `required` remain after shrinkage (the share
 * of paid time not available for contacts: breaks, meetings, absence):
 * ceil(required / (1 - shrinkage)) with wfm_ceil_tol, so 21 agents at 30 %
 * shrinkage are 30, not 31 (21 / 0.7 is 30.000000000000004 in binary).
 * required >= 0, 0 <= shrinkage < 1; returns WFM_OK or WFM_EUSAGE. */
int wfm_shrinkage_apply(double required, double shrinkage, long *scheduled, wfm_err *e);

/* The shrinkage of a channel on a day from its two parts: a share `absence`
 * of the agents scheduled that day is away (leave, sickness), and a share
 * `off` of the paid time of those present goes to other work than contacts
 * (breaks, meetings, training).  The second applies only to the agents who
 * came, so the parts multiply: 1 - (1 - absence)(1 - off).  10 % absence and
 * 20 % off are 28 %, and 18 agents need 18 / 0.72 = 25 scheduled (with
 * wfm_shrinkage_apply).  Both parts 0 <= x < 1; the result is below 1 too
 * unless the parts leave less than about 1e-16 of the time (then it is 1).
 * Returns NAN when a part is out of range. */
double wfm_shrinkage_combine(double absence, double off);

#endif
