/* deferred.h - work that may wait: e-mail, social media, callbacks to return.
 *
 * Not a queue but throughput against a deadline.  Time runs in working days
 * 0, 1, ..., days-1.  work[i] is the work that arrives on day i (arrivals
 * times handle time, in any unit; wfm-staff uses agent-hours).  Work is done
 * first in, first out (which is also earliest deadline first: every item
 * gets the same deadline), and work arriving on day i must be done by the
 * end of day i + deadline (deadline 2: arrived Monday, answered by Wednesday
 * evening).  Work is treated as divisible.
 *
 * Amounts below WFM_TOL (erlang.h) times the largest daily work or capacity
 * count as zero, so a capacity of 80/3 per day finishes 80 hours in three
 * days although 3 * (80/3) may round below 80.
 */
#ifndef WFM_DEFERRED_H
#define WFM_DEFERRED_H

#include <stddef.h>

#include "common/err.h"

/* The least constant capacity per day that meets every deadline that falls
 * inside the horizon, and is at least the mean daily work (so that the
 * backlog does not grow from one horizon to the next):
 *   max( sum(work) / days,
 *        max over windows s..e of sum(work[s..e-deadline]) / (e - s + 1) ),
 * the second term being the work that arrives and falls due inside a window
 * over its length, which is necessary and, for divisible work done earliest
 * deadline first, also sufficient.  [80, 5, 5, 5, 20] with deadline 2 gives
 * 80/3 = 26.67.  O(days^2).  work[] >= 0 and finite, days >= 1,
 * deadline >= 0.  Returns WFM_OK, or WFM_EUSAGE for a bad argument. */
int wfm_deferred_capacity(const double *work, size_t days, int deadline, double *capacity,
			  wfm_err *e);

/* What one day looks like at its end. */
typedef struct wfm_deferred_day {
	double done;    /* work done that day */
	double backlog; /* work left at the end of the day */
	int oldest;     /* age in working days of the oldest work left (0: it arrived
	                   today), -1 when nothing is left */
	double late;    /* work left that is past its deadline (arrived deadline or
	                   more days ago); 0 when every deadline is met */
} wfm_deferred_day;

/* Runs the days with capacity[i] on day i (>= 0), first in, first out,
 * starting with no backlog, and fills out[0..days-1] (the caller's array).
 * A day's capacity that exceeds the available work is left unused.  Use it
 * for a plan (a constant capacity) and for --evaluate (the capacity a roster
 * gives).  Returns WFM_OK, WFM_EUSAGE for a bad argument, or WFM_EINTERNAL
 * when out of memory (out unspecified). */
int wfm_deferred_run(const double *work, const double *capacity, size_t days, int deadline,
		     wfm_deferred_day *out, wfm_err *e);

#endif
