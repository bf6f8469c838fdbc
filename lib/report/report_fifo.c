/* report_fifo.c - deferred work answered first in, first out from daily
 * counts and an opening backlog; see wfm_fifo_run in report.h.
 *
 * The queue is a list of cohorts (an arrival day, or the opening backlog),
 * oldest first.  A day adds its arrivals at the end and takes handled[i]
 * from the front; what a cohort loses on day i is in time when i <= its
 * due day.  Amounts below a relative 1e-12 of the day's scale are dropped,
 * so that 0.1 + 0.2 - 0.3 does not leave a phantom contact waiting. */
#include "report.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct cohort {
	long day;       /* arrival day; -1 for the opening backlog */
	long due;
	double left;
} cohort;

/* What the cohort of `day` became, in out[] or *op. */
static void account(const cohort *c, double amount, int when, wfm_fifo_day *out,
		    wfm_fifo_opening *op)
{
	double *in_time = c->day < 0 ? &op->in_time : &out[c->day].in_time;
	double *late = c->day < 0 ? &op->late : &out[c->day].late;

	if (when <= c->due)
		*in_time += amount;
	else
		*late += amount;
}

static int check(const wfm_fifo_in *in, wfm_err *e)
{
	if (!(in->opening >= 0) || !isfinite(in->opening))
		return wfm_err_set(e, WFM_EUSAGE, "fifo: bad opening backlog");
	for (size_t i = 0; i < in->days; i++) {
		if (!(in->offered[i] >= 0) || !isfinite(in->offered[i]) || !(in->handled[i] >= 0) ||
		    !isfinite(in->handled[i]))
			return wfm_err_set(e, WFM_EUSAGE, "fifo: day %zu: bad count", i);
		if (in->due[i] < (long)i)
			return wfm_err_set(e, WFM_EUSAGE, "fifo: day %zu: due before it arrives", i);
	}
	return WFM_OK;
}

int wfm_fifo_run(const wfm_fifo_in *in, wfm_fifo_day *out, wfm_fifo_opening *op, wfm_err *e)
{
	wfm_fifo_opening dummy;
	cohort *q;
	size_t head = 0, tail = 0;
	double scale = in->opening;
	int rc;

	if ((rc = check(in, e)))
		return rc;
	if (!op)
		op = &dummy;
	memset(op, 0, sizeof *op);
	memset(out, 0, in->days * sizeof *out);
	if (!(q = malloc((in->days + 1) * sizeof *q)))
		return wfm_err_nomem(e);
	for (size_t i = 0; i < in->days; i++)
		scale = fmax(scale, fmax(in->offered[i], in->handled[i]));
	scale *= 1e-12;
	if (in->opening > 0)
		q[tail++] = (cohort){-1, in->opening_due, in->opening};
	for (size_t i = 0; i < in->days; i++) {
		wfm_fifo_day *d = &out[i];
		double h = in->handled[i];

		for (size_t k = head; k < tail; k++)
			d->open += q[k].left;
		if (in->offered[i] > 0)
			q[tail++] = (cohort){(long)i, in->due[i], in->offered[i]};
		while (head < tail && h > scale) {
			double take = fmin(h, q[head].left);

			account(&q[head], take, (int)i, out, op);
			d->answered += take;
			h -= take;
			q[head].left -= take;
			if (q[head].left <= scale)
				head++;
		}
		d->surplus = h > scale ? h : 0;
		d->oldest = -1;
		for (size_t k = head; k < tail; k++) {
			d->backlog += q[k].left;
			if (q[k].due <= (long)i)
				d->past_due += q[k].left;
			if (d->oldest < 0)
				d->oldest = (int)((long)i - q[k].day);
		}
	}
	for (size_t k = head; k < tail; k++) {
		int overdue = q[k].due < (long)in->days;

		if (q[k].day < 0)
			*(overdue ? &op->overdue : &op->pending) += q[k].left;
		else
			*(overdue ? &out[q[k].day].overdue : &out[q[k].day].pending) += q[k].left;
	}
	free(q);
	return WFM_OK;
}

double wfm_fifo_share(const wfm_fifo_day *d)
{
	double due = d->in_time + d->late + d->overdue;

	return due > 0 ? d->in_time / due : NAN;
}
