/* report.h - the figures of wfm-report, as plain arithmetic on numbers the
 * run layer gathers: forecast accuracy, the Poisson noise floor, the
 * first-in-first-out service of deferred work in working days, plan
 * coverage, the leave allowance and the cost estimate.
 *
 * Nothing here reads files, knows calendars or allocates beyond what a
 * function states; nothing prints.
 */
#ifndef WFM_REPORT_H
#define WFM_REPORT_H

#include <stddef.h>

#include "common/err.h"

/* ---- accuracy ---------------------------------------------------------- */

/* Sums over the points (periods) of one group: a series over some days at
 * one grain.  Start from a zeroed struct. */
typedef struct wfm_acc {
	long n;            /* points */
	double actual;     /* sum of actuals */
	double forecast;   /* sum of forecasts */
	double abs_err;    /* sum |actual - forecast| */
	double poisson;    /* sum of wfm_poisson_mad(forecast) */
	long bounded;      /* points with a prediction interval */
	long inside;       /* of those, actuals with lo <= actual <= hi */
} wfm_acc;

/* Adds one point.  `lo` or `hi` NAN: the point has no interval (it does not
 * count for the coverage).  Values must be finite and >= 0 (a negative or
 * non-finite actual or forecast is ignored). */
void wfm_acc_add(wfm_acc *a, double actual, double forecast, double lo, double hi);

/* Adds the sums of `b` to `a`. */
void wfm_acc_merge(wfm_acc *a, const wfm_acc *b);

/* Weighted absolute percentage error: sum |A - F| / sum A, as a fraction;
 * NAN when sum A is 0. */
double wfm_acc_wape(const wfm_acc *a);

/* Signed bias: sum (F - A) / sum A (above 0: the forecast was too high);
 * NAN when sum A is 0. */
double wfm_acc_bias(const wfm_acc *a);

/* Mean absolute scaled error: (sum |A - F| / n) / scale, where `scale` is
 * the in-sample mean absolute error of the naive forecast (wfm_naive_scale);
 * NAN when n is 0 or scale is not above 0. */
double wfm_acc_mase(const wfm_acc *a, double scale);

/* Share of the bounded points whose actual lies inside the interval; NAN
 * when no point had one. */
double wfm_acc_coverage(const wfm_acc *a);

/* The Poisson noise floor of the WAPE: sum over the points of the mean
 * absolute deviation of a Poisson count with the forecast as its mean,
 * over sum A - the WAPE a perfect forecast of the mean would still score
 * if the counts were Poisson (real counts vary more).  NAN when sum A is 0. */
double wfm_acc_floor(const wfm_acc *a);

/* E|X - m| for X ~ Poisson(m): 2 e^-m m^(k+1) / k! with k = floor(m),
 * computed in logarithms (Stirling's series for log k! from k = 30 on), to
 * about 1e-13 relative.
 * 0 for m <= 0; NAN for a non-finite m. */
double wfm_poisson_mad(double m);

/* The scale of the MASE: the mean of |y[t] - y[t - lag]| over the t in
 * lag..n-1 with have[t] and have[t - lag] both nonzero (the in-sample
 * error of the naive forecast that repeats the value `lag` points back:
 * lag 7 on days is the seasonal naive of the same weekday).  `have` may be
 * NULL (every point counts).  NAN when no pair counts or lag is 0. */
double wfm_naive_scale(const double *y, const unsigned char *have, size_t n, size_t lag);

/* ---- deferred work, first in first out ------------------------------- */

/* The contacts (e-mail, social, callbacks) of one series over `days`
 * consecutive days, answered first in, first out: the opening backlog
 * first, then each day's arrivals in day order.  handled[i] contacts are
 * answered on day i, oldest first; arrivals of day i may be answered the
 * same day.  Arrivals of day i are due by the end of day due[i] (>= i; the
 * run turns "within D working days" into day indexes with its calendar,
 * and an index may lie beyond the last day).  The opening backlog is due by
 * the end of day opening_due (may be negative: already late).  Counts are
 * treated as divisible. */
typedef struct wfm_fifo_in {
	size_t days;
	const double *offered;  /* >= 0 per day */
	const double *handled;  /* >= 0 per day */
	const long *due;        /* per day, due[i] >= i */
	double opening;         /* waiting at the start of day 0, >= 0 */
	long opening_due;
} wfm_fifo_in;

/* One day: the queue over the day, and what became of that day's arrivals
 * by the end of the run. */
typedef struct wfm_fifo_day {
	double open;      /* waiting at the start of the day */
	double answered;  /* answered that day: handled, but at most what was
			     waiting plus the arrivals */
	double surplus;   /* handled beyond that: the data answered more than
			     the backlog and arrivals hold (an opening backlog
			     set too low) */
	double backlog;   /* waiting at the end of the day */
	double past_due;  /* of those, waiting past their deadline (due <= day) */
	int oldest;       /* days since the arrival of the oldest contact waiting
			     at the end of the day (0: arrived that day; the opening
			     backlog counts as arrived the day before day 0); -1
			     when none waits */
	/* the day's arrivals at the end of the run: */
	double in_time;   /* answered by the end of their due day */
	double late;      /* answered after it */
	double overdue;   /* still waiting, the due day passed within the run */
	double pending;   /* still waiting, due after the last day */
} wfm_fifo_day;

/* What became of the opening backlog. */
typedef struct wfm_fifo_opening {
	double in_time, late, overdue, pending;
} wfm_fifo_opening;

/* Runs the queue and fills out[0..days-1] (the caller's array) and `op`
 * (may be NULL).  For every day, in_time + late + overdue + pending equals
 * offered.  Returns WFM_OK, WFM_EUSAGE for a negative or non-finite count
 * or a due[i] < i (message names the day index), WFM_EINTERNAL when out of
 * memory. */
int wfm_fifo_run(const wfm_fifo_in *in, wfm_fifo_day *out, wfm_fifo_opening *op, wfm_err *e);

/* The share of a day's arrivals answered in time, among those whose
 * deadline has passed: in_time / (in_time + late + overdue); NAN when
 * nothing is due yet. */
double wfm_fifo_share(const wfm_fifo_day *d);

/* ---- plan coverage ----------------------------------------------------- */

/* Sums of required against planned agents over intervals.  Zeroed to
 * start. */
typedef struct wfm_cover {
	double required_h;  /* agent-hours required */
	double planned_h;   /* agent-hours planned */
	double under_h;     /* sum of (required - planned) x hours where short */
	double over_h;      /* sum of (planned - required) x hours where above */
} wfm_cover;

/* Adds an interval of `hours` hours with `required` and `planned` agents
 * (for a whole-day row of deferred work: agent-hours with hours = 1).
 * Non-finite or negative values are ignored. */
void wfm_cover_add(wfm_cover *c, double required, double planned, double hours);

/* The share of the required agent-hours that were planned:
 * (required - under) / required; NAN when nothing was required. */
double wfm_cover_share(const wfm_cover *c);

/* ---- capacity and cost ------------------------------------------------- */

/* How many more agents can be off on a day: the hours available above the
 * hours required, in whole agent-days of `agent_day_h` hours, rounded down
 * (a value within 1e-9 below a whole number counts as that number); 0 when
 * nothing is spare, -1 when agent_day_h is not above 0 or a value is not
 * finite. */
long wfm_leave_allowance(double available_h, double required_h, double agent_day_h);

/* A cost estimate: staff hours at an hourly cost plus contacts at a price
 * per contact.  A rate that is NAN (not set) leaves its part NAN; the total
 * is the sum of the parts that are known, NAN when neither is. */
typedef struct wfm_cost {
	double staff;     /* hours x hourly */
	double contacts;  /* contacts x price */
	double total;
} wfm_cost;

wfm_cost wfm_cost_estimate(double hours, double hourly, double contacts, double price);

#endif
