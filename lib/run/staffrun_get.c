/* staffrun_get.c - the figures of a staffing run as plain values, for other
 * runs (wfm-report); see wfm_sr_results in staffrun.h. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "staffrun_impl.h"

static int result_cmp(const void *a, const void *b)
{
	const wfm_sr_result *x = a, *y = b;
	int c;

	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	if (x->time != y->time)
		return x->time < y->time ? -1 : 1;
	if (x->channel != y->channel)
		return x->channel < y->channel ? -1 : 1;
	c = strcmp(x->line, y->line);
	return c;
}

int wfm_sr_results(const wfm_sr *r, wfm_sr_result **out, size_t *n, wfm_err *e)
{
	double h = wfm_sr_interval_s(r) / 3600.0;
	size_t cap = r->nrow + r->nser * r->nwday + 1, k = 0;
	wfm_sr_result *res;

	*out = NULL;
	*n = 0;
	if (!r->step)
		return wfm_err_set(e, WFM_EUSAGE, "nothing computed");
	if (!(res = malloc(cap * sizeof *res)))
		return wfm_err_nomem(e);
	for (size_t i = 0; i < r->nrow; i++) {
		const sr_row *row = &r->row[i];
		const sr_series *s = &r->ser[row->series];
		long sched = 0;

		if (!s->live)
			continue;
		wfm_shrinkage_apply((double)row->agents,
				    r->s->shrinkage[s->channel][wfm_date_weekday(row->date)], &sched,
				    NULL);
		res[k++] = (wfm_sr_result){row->date, row->time, s->channel, s->line, row->volume,
					   row->aht, (double)row->agents, (double)row->agents * h,
					   (double)sched * h, row->perf.sl, row->perf.answered,
					   row->status != SR_OK};
	}
	for (size_t i = 0; i < r->nser; i++) {
		const sr_series *s = &r->ser[i];

		for (size_t d = 0; !s->live && d < r->nwday; d++) {
			double sh = r->s->shrinkage[s->channel][wfm_date_weekday(r->wday[d])];

			res[k++] = (wfm_sr_result){r->wday[d], -1, s->channel, s->line, s->rvol[d],
						   s->rvol[d] > 0 ? 3600 * s->rwork[d] / s->rvol[d]
								  : NAN,
						   s->cap[d], s->cap[d], s->cap[d] / (1 - sh),
						   s->ontime[d], s->ontime[d], s->late[d] > 0};
		}
	}
	qsort(res, k, sizeof *res, result_cmp);
	*out = res;
	*n = k;
	return WFM_OK;
}
