/* erlang.h - queueing formulas for one interval of one line: Erlang B and C,
 * Erlang A (M/M/n+M), and the phone line with a callback offer (M/M/n+G with
 * patience min(Exp, cut-off)).
 *
 * Units: a load `a` is in erlangs (arrivals per second times the average
 * handle time), times are in seconds.  Every result is a steady-state
 * figure for one interval, filled into a wfm_queue_perf.  Nothing here
 * allocates; functions that can fail take `wfm_err *e` last, return WFM_OK or
 * WFM_EUSAGE (a parameter out of range, message names it) and leave `out`
 * unspecified on failure.
 *
 * Numerics: no factorials and no powers.  Erlang B runs the recursion
 * 1/B(k) = 1 + (k/a)/B(k-1) (k/a as k times 1/a, never accumulated), exact to
 * a few units in the last place for 1 to 100,000 agents and more; 1/B may
 * become +inf (B below 1e-308), which reads as a probability of 0, never NaN.
 * Probabilities that small are reported as 0: compare them with an absolute
 * tolerance.  Erlang A and the callback model use exact steady states (no
 * large-system approximation) kept in scaled or log form so that loads of
 * 10,000 erlangs and overloaded intervals neither overflow nor underflow.
 *
 * Service level.  Everywhere in wfm, the service level for a threshold t is
 * the fraction of *offered* contacts that are answered (live) within t
 * seconds of arriving, counting contacts answered at once; contacts that
 * abandon or leave for a callback count against it, whenever they leave.
 * The answer rate is the fraction of offered contacts answered at all (live).
 * ASA is the mean wait of the answered contacts (zero waits included).
 */
#ifndef WFM_ERLANG_H
#define WFM_ERLANG_H

#include "common/err.h"
#include "common/tol.h"


/* Performance of one interval with n agents. */
typedef struct wfm_queue_perf {
	int stable;       /* 1 when a steady state exists and answered contacts have a
	                     finite mean wait; 0 for Erlang C with n <= a (the queue grows
	                     without bound) and for n = 0 with a > 0 (nobody answers) */
	double p_wait;    /* P(an arrival finds every agent busy and has to wait) */
	double sl;        /* service level at the threshold asked for (see above) */
	double answered;  /* fraction of offered contacts answered live */
	double abandoned; /* fraction that hang up while waiting */
	double callback;  /* fraction still waiting at the cut-off, who leave with a
	                     callback (callback model; 0 elsewhere) */
	double asa;       /* mean wait of answered contacts in seconds; INFINITY when
	                     stable is 0 */
	double queue;     /* mean number waiting (not yet answered); INFINITY when stable
	                     is 0 for Erlang C */
	double occupancy; /* fraction of agent capacity busy: carried load / n (chat:
	                     busy chat slots / slots); 1 when stable is 0 for Erlang C */
} wfm_queue_perf;

/* Erlang B blocking probability B(n, a) for n >= 0 agents and load a >= 0.
 * Returns NAN when a < 0, a is not finite or n < 0. */
double wfm_erlang_b(double a, long n);

/* 1/B(n, a) by the recursion above; +inf when B underflows.  a > 0, n >= 0
 * (returns NAN otherwise).  O(n). */
double wfm_erlang_b_inv(double a, long n);

/* 1/B(n, a) from inv_prev = 1/B(n-1, a) in O(1): the step a search carries
 * from one agent count to the next.  a > 0, n >= 1. */
double wfm_erlang_b_inv_next(double a, long n, double inv_prev);

/* Erlang C (M/M/n, no abandonment) with n agents, load a erlangs, average
 * handle time aht_s > 0 and service-level threshold t_s >= 0:
 * p_wait = C(n, a), sl = 1 - C e^{-(n-a) t/aht}, asa = C aht/(n-a),
 * occupancy a/n, answered 1.  When n <= a there is no steady state: stable 0,
 * p_wait 1, sl 0, asa and queue INFINITY, occupancy 1, answered n/a (the
 * share the agents can carry).  a = 0 gives p_wait 0, sl 1, occupancy 0. */
int wfm_erlang_c_perf(double a, long n, double aht_s, double t_s, wfm_queue_perf *out,
		      wfm_err *e);

/* As wfm_erlang_c_perf, with inv_prev = 1/B(n-1, a) already known (a search
 * carries it from one n to the next with wfm_erlang_b_inv_next): then
 * C = a / ((n-a) inv_prev + a).  Needs n > a > 0 and valid aht_s, t_s (not
 * checked).  Cannot fail. */
void wfm_erlang_c_perf_inv(double a, long n, double aht_s, double t_s, double inv_prev,
			   wfm_queue_perf *out);

/* Erlang A (M/M/n+M, Palm): as Erlang C, but each waiting caller hangs up
 * after an exponential patience of mean patience_s (> 0; INFINITY gives
 * Erlang C).  Exact birth-death chain on the number in system, summed in
 * scaled form; the wait of an arrival that finds j callers ahead is the sum
 * of exponential stages with rates n/aht + i/patience, i = 0..j, so the
 * service level is exact too.  A steady state always exists (stable 1 for
 * n >= 1).  Fails (WFM_EUSAGE) on a parameter out of range, or when an
 * overloaded interval with an extremely long patience would need more than
 * WFM_TAIL_MAX_TERMS queue states. */
int wfm_erlang_a_perf(double a, long n, double aht_s, double patience_s, double t_s,
		      wfm_queue_perf *out, wfm_err *e);

/* The phone line with a callback offer: patience is min(Exp(mean patience_s),
 * cutoff_s); a caller still waiting at cutoff_s leaves the live queue with a
 * callback (`callback`), one whose exponential patience runs out first hangs
 * up (`abandoned`).  patience_s may be INFINITY (nobody hangs up), cutoff_s
 * may be INFINITY (Erlang A).  Exact for M/M/n+G (Baccelli and Hebuterne):
 * the offered wait V (the wait of a caller with infinite patience) has an
 * atom P(V = 0) = 1 - p_wait and, for x > 0, the density
 *   v(x) = lambda p_{n-1} exp(lambda H(x) - (n/aht) x),
 *   H(x) = integral_0^x P(patience > u) du,
 * where p_{n-1} is the probability of n-1 busy agents and an empty queue.
 * A caller is answered iff V < patience.  The integrals over v are taken by
 * adaptive Gauss-Kronrod 7/15 quadrature between the points where v falls to
 * e^-46 of its peak (panels are halved until the Gauss and Kronrod sums agree
 * to 1e-10 of the total; the Kronrod sums are then good to about 1e-14).  sl
 * uses min(t_s, cutoff_s).  A steady state always exists, even when a > n.
 * About 5 microseconds per call, whatever the load. */
int wfm_callback_perf(double a, long n, double aht_s, double patience_s, double cutoff_s,
		      double t_s, wfm_queue_perf *out, wfm_err *e);

/* As wfm_erlang_a_perf and wfm_callback_perf with inv_prev = 1/B(n-1, a)
 * already known (ignored when n = 0 or a = 0).  O(1) plus the waiting part,
 * instead of O(n). */
int wfm_erlang_a_perf_inv(double a, long n, double aht_s, double patience_s, double t_s,
			  double inv_prev, wfm_queue_perf *out, wfm_err *e);
int wfm_callback_perf_inv(double a, long n, double aht_s, double patience_s, double cutoff_s,
			  double t_s, double inv_prev, wfm_queue_perf *out, wfm_err *e);

/* ---- building blocks shared with chat.c and staffing.c ---- */

/* Largest number of queue states wfm_wait_tail sums before giving up. */
#define WFM_TAIL_MAX_TERMS 20000000L

/* What happens to arrivals who find every server (or chat slot) busy.  With
 * b the first state in which an arrival waits, log_mass + log(lambda) is the
 * log of P(state >= b) / P(state b-1); the other fields are conditional on
 * finding the system in a waiting state. */
typedef struct wfm_wait_part {
	double log_mass;
	double answered;  /* share answered */
	double sl;        /* share answered within t */
	double abandoned; /* share that hang up */
	double callback;  /* share leaving with a callback */
	double wait;      /* mean wait of the answered ones times `answered`, seconds */
	double queue;     /* mean number waiting, given that the system is in a
	                     waiting state (times p_wait: the mean queue) */
} wfm_wait_part;

/* The waiting states of a birth-death chain whose death rate with j callers
 * queued is rate + j theta (arrival rate lambda > 0, rate > 0, theta >= 0;
 * theta = 0 needs lambda < rate), FCFS, each waiting caller hanging up at
 * rate theta; service level threshold t_s >= 0.  Sums the chain until the
 * remaining tail is below 1e-17 of the total.  Fails (WFM_EUSAGE) when more
 * than WFM_TAIL_MAX_TERMS states would be needed or theta = 0 with
 * lambda >= rate. */
int wfm_wait_tail(double lambda, double rate, double theta, double t_s, wfm_wait_part *w,
		  wfm_err *e);

/* The same for the callback model (wfm_callback_perf): rate = n/aht, theta =
 * 1/patience (0 for none), cutoff_s >= 0; an infinite cut-off with theta = 0
 * is passed to wfm_wait_tail (needs lambda < rate).  Fails (WFM_EUSAGE) only
 * on a parameter out of range. */
int wfm_wait_callback(double lambda, double rate, double theta, double cutoff_s, double t_s,
		      wfm_wait_part *w, wfm_err *e);

/* Combines a wait part with the states in which arrivals do not wait:
 * log_below is the log of (probability of those states) / (probability of
 * the last of them), e.g. log(1/B(n-1, a)) for n agents.  Fills every field
 * of `out` except occupancy, which the caller sets from its model; stable is
 * 1 unless nobody is ever answered (then 0, with asa INFINITY). */
void wfm_wait_combine(double log_below, double lambda, const wfm_wait_part *w,
		      wfm_queue_perf *out);

#endif
