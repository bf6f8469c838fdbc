/* simulate.h - a discrete-event simulation of one day of one live queue
 * (phone or chat), to check the steady-state models of erlang.h and chat.h
 * on time-varying days, and for wfm-staff --simulate.
 *
 * The day is a run of intervals of interval_s seconds, each with its own
 * expected arrivals, mean handle time and number of agents.  Contacts
 * arrive as a Poisson process whose rate is constant within an interval
 * (volume / interval_s).  One FCFS queue; every contact waits at most
 * min(E, cutoff) where E is exponential with mean patience_s (Erlang A and
 * the callback model; none for Erlang C and when the patience is INFINITY):
 * still waiting at the cut-off it leaves with a callback, else it hangs up
 * when E runs out.  Handle times are exponential or lognormal with the
 * interval's mean (that of the interval the contact arrived in).
 *
 * Agents.  When the number of agents drops at an interval boundary, agents
 * above the new number finish what they hold and take nothing new; when it
 * rises, waiting contacts are taken at once.  After the last interval no
 * contact arrives; the agents of the last interval go on until the queue is
 * empty (with no agents left, contacts still waiting at the end count as
 * neither answered nor left).
 *
 * Chat.  An agent holds up to k chats (model.chat.k).  A new chat goes to
 * the active agent holding the fewest (the lowest numbered on a tie); chats
 * are not moved between agents afterwards.  Each chat carries an amount of
 * work drawn like a handle time with the interval's mean (the handle time
 * of a chat held alone); while its agent holds i chats it progresses at
 * speed aht_s[0] / aht_s[i-1] of model.chat, so a chat handled at a steady
 * i chats takes aht_s[i-1] on average (with exponential work this is the
 * birth-death chain of chat.h, except that chat.h keeps the chats spread
 * evenly over the agents).
 *
 * Counts are attributed to the interval a contact arrived in; busy time
 * and the backlog to the interval in which they happen.  Deterministic for
 * a given seed: GSL's mt19937, one generator per call.
 */
#ifndef WFM_SIMULATE_H
#define WFM_SIMULATE_H

#include <stddef.h>

#include "staffing.h"
#include "common/err.h"

typedef enum wfm_sim_dist {
	WFM_SIM_EXPONENTIAL, /* exponential handle times (the models' assumption) */
	WFM_SIM_LOGNORMAL    /* lognormal with coefficient of variation cv */
} wfm_sim_dist;

/* One day of one queue.  The arrays have n entries and are not copied. */
typedef struct wfm_sim_day {
	wfm_model model;       /* Erlang C, Erlang A, callback or chat */
	wfm_sim_dist dist;
	double cv;             /* lognormal: standard deviation / mean, > 0 */
	double interval_s;     /* > 0 */
	double t_s;            /* service-level threshold, >= 0 */
	size_t n;              /* intervals, >= 1 */
	const double *volume;  /* expected arrivals per interval, >= 0 */
	const double *aht_s;   /* mean handle time per interval, > 0 (chat: the
	                          handle time of a chat held alone) */
	const long *agents;    /* agents per interval, >= 0 */
} wfm_sim_day;

/* What one simulated day gave in one interval. */
typedef struct wfm_sim_counts {
	double arrivals;   /* contacts that arrived in the interval */
	double answered;   /* of those, answered by an agent */
	double within;     /* answered within t_s (a wait of exactly t_s counts) */
	double abandoned;  /* hung up while waiting */
	double callbacks;  /* left with a callback at the cut-off */
	double wait_s;     /* total wait of the answered ones */
	double busy_s;     /* agent-seconds busy during the interval (chat:
	                      chat-slot-seconds in use) */
	double capacity_s; /* agents x interval_s (chat: x k) */
	double backlog;    /* contacts waiting at the end of the interval */
} wfm_sim_counts;

/* Simulates the day once with generator seed `seed` and fills out[0..n-1]
 * (the caller's array).  Returns WFM_OK, WFM_EUSAGE for a bad parameter
 * (the message names it) or WFM_EINTERNAL when out of memory; `out` is
 * unspecified on failure. */
int wfm_sim_day_run(const wfm_sim_day *d, unsigned long seed, wfm_sim_counts *out,
		    wfm_err *e);

/* A figure estimated across runs as a ratio of sums, sum x / sum y (the
 * service level of an interval: contacts answered within t over contacts
 * arrived, run by run; y = 1 for a plain mean), so that runs in which an
 * interval got no contact still count.  Start from all zeros. */
typedef struct wfm_sim_ratio {
	double n, sx, sy, sxx, syy, sxy;
} wfm_sim_ratio;

/* Adds the (x, y) of one run. */
void wfm_sim_ratio_add(wfm_sim_ratio *s, double x, double y);

/* The estimate R = sum x / sum y into *est, and its two-sided confidence
 * interval at `level` (0 < level < 1) by the delta method: R -+ t_{n-1} sd /
 * (sqrt(n) mean y), sd the standard deviation of x - R y over the runs.
 * Returns 0 when sum y is 0 (nothing set), 1 when only *est is set (one
 * run), 2 when *lo and *hi are set too. */
int wfm_sim_ratio_ci(const wfm_sim_ratio *s, double level, double *est, double *lo,
		     double *hi);

#endif
