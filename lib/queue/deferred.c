/* deferred.c - capacity and day-by-day run of deferred work; see deferred.h. */
#include "deferred.h"

#include <math.h>
#include <stdlib.h>

#include "erlang.h"

static int check_series(const double *v, size_t days, const char *what, wfm_err *e)
{
	for (size_t i = 0; i < days; i++)
		if (!(v[i] >= 0) || !isfinite(v[i]))
			return wfm_err_set(e, WFM_EUSAGE, "%s on day %zu out of range: %g", what, i,
					   v[i]);
	return WFM_OK;
}

static int check_args(const double *work, size_t days, int deadline, wfm_err *e)
{
	if (days < 1)
		return wfm_err_set(e, WFM_EUSAGE, "no days to plan");
	if (deadline < 0)
		return wfm_err_set(e, WFM_EUSAGE, "deadline out of range: %d days", deadline);
	return check_series(work, days, "work", e);
}

int wfm_deferred_capacity(const double *work, size_t days, int deadline, double *capacity,
			  wfm_err *e)
{
	size_t d = (size_t)deadline;
	double total = 0, best;
	int rc;

	if ((rc = check_args(work, days, deadline, e)))
		return rc;
	for (size_t i = 0; i < days; i++)
		total += work[i];
	best = total / (double)days;
	for (size_t s = 0; s + d < days; s++) {
		double due = 0;

		for (size_t end = s + d; end < days; end++) {
			due += work[end - d];
			best = fmax(best, due / (double)(end - s + 1));
		}
	}
	*capacity = best;
	return WFM_OK;
}

int wfm_deferred_run(const double *work, const double *capacity, size_t days, int deadline,
		     wfm_deferred_day *out, wfm_err *e)
{
	double *left, scale = 0, eps;
	size_t head = 0;
	int rc;

	if ((rc = check_args(work, days, deadline, e)) ||
	    (rc = check_series(capacity, days, "capacity", e)))
		return rc;
	left = malloc(days * sizeof *left);
	if (!left)
		return wfm_err_nomem(e);
	for (size_t i = 0; i < days; i++)
		scale = fmax(scale, fmax(work[i], capacity[i]));
	eps = WFM_TOL * scale;
	for (size_t i = 0; i < days; i++) {
		double cap = capacity[i], done = 0, backlog = 0, late = 0;

		left[i] = work[i];
		for (size_t j = head; j <= i && cap > 0; j++) {
			double take = fmin(cap, left[j]);

			left[j] -= take;
			cap -= take;
			done += take;
		}
		while (head <= i && left[head] <= eps)
			left[head++] = 0;
		for (size_t j = head; j <= i; j++) {
			backlog += left[j];
			if (j + (size_t)deadline <= i)
				late += left[j];
		}
		out[i] = (wfm_deferred_day){.done = done, .backlog = backlog,
					    .oldest = head <= i ? (int)(i - head) : -1,
					    .late = late};
	}
	free(left);
	return WFM_OK;
}
