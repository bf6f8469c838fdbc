/* planrun_service.c - the service curves of the plan's objective, from the
 * requirement rows with the staffing models of wfm-staff; see
 * wfm_pr_add_service in planrun_impl.h.
 *
 * For each live row (an interval, channel and line with its volume and
 * handle time) the model and target of wfm-staff (wfm_sr_live_model) give,
 * for n = 0, 1, ... agents, the contacts answered live, those answered
 * within sl_time, and the contacts "lost": not answered live where contacts
 * abandon or turn into callbacks (the answer rate is the target there), not
 * answered within sl_time where nobody abandons (the service level is).  The
 * lost contacts are made convex by their lower convex envelope (they are
 * convex but for a few agents where the queue has no steady state).  To the
 * lost contacts of a channel with volume V whose served share (answered, or
 * within sl_time) falls d = lost / V - (1 - target) below its target (the
 * [staff] answer_rate, or service_level where nobody abandons) is added
 * cfg->depth_weight x V x d^2: the planner judges a plan by its worst
 * intervals, and the square keeps the curve convex (a convex non-decreasing
 * function of a convex one) while it makes a deep hole in one interval of a
 * small line cost more than the same contacts spread thinly.  A line
 * with several live channels in an interval gives each next agent to the
 * channel where it saves most (the sorted merge of the channels' envelope
 * steps, ties to the channel listed first: phone before chat): the line's
 * curve is the inf-convolution of its channels'.  The cost of c agents is
 * service_weight x line weight x the lost contacts of the split; answered
 * and within are those of the models at the same split.  A curve runs until
 * the lost contacts fall below 1e-7 of the volume, at least two agents past
 * the requirement; beyond its last point the plan takes it as flat.  The
 * channel's curve and the choice of the channel of each next agent are
 * wfm_sr_curve_make and wfm_sr_next_agent (staffrun.h): the very functions
 * with which wfm-staff --evaluate and wfm-report split a line's agents.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "planrun_impl.h"
#include "common/sortctx.h"
#include "staffrun.h"

/* The curve of one live row (wfm_sr_curve_make with wfm-staff's model and
 * target for it), at least two agents past its requirement. */
static int channel_curve(const wfm_sr_settings *ss, const pr_live *row, double interval_s,
			 double depth_weight, wfm_sr_curve *cc, wfm_err *e)
{
	wfm_model m;
	wfm_target tg;

	wfm_sr_live_model(ss, row->channel, row->aht, &m, &tg);
	return wfm_sr_curve_make(cc, &m, &tg, row->volume, row->aht, interval_s,
				 (long)ceil(row->agents - 1e-9) + 2, depth_weight, e);
}

/* The line's curve from its channels' (k of them), into pt[0 .. *np - 1]:
 * each next agent where wfm_sr_next_agent puts it. */
static int merge(const wfm_sr_curve *cc, int k, double weight, wfm_plan_svc_point **pt, int *np)
{
	long at[8] = {0}, total = 1;
	int i, c;
	wfm_plan_svc_point *p;

	for (i = 0; i < k; i++)
		total += cc[i].n - 1;
	p = malloc((size_t)total * sizeof *p);
	if (!p)
		return -1;
	for (c = 0; c < total; c++) {
		double ans = 0, within = 0, lost = 0;

		if (c > 0)
			at[wfm_sr_next_agent(cc, k, at)]++;
		for (i = 0; i < k; i++) {
			ans += cc[i].ans[at[i]];
			within += cc[i].within[at[i]];
			lost += cc[i].lost[at[i]];
		}
		p[c].answered = ans;
		p[c].within = within;
		p[c].cost = weight * lost;
	}
	*pt = p;
	*np = (int)total;
	return 0;
}

static int by_cell(const void *x, const void *y, const void *ctx)
{
	const pr_live *a = x, *b = y;

	(void)ctx;
	if (a->day != b->day)
		return a->day - b->day;
	if (a->t != b->t)
		return a->t - b->t;
	if (a->line != b->line)
		return a->line - b->line;
	if (a->channel != b->channel)
		return a->channel - b->channel;
	return (a->src > b->src) - (a->src < b->src);
}

int wfm_pr_add_service(wfm_plan_input *in, const wfm_config *cfg, pr_live *rows, size_t n,
		       const char *file, wfm_err *e)
{
	wfm_sr_settings ss;
	double ivl = in->rules.interval_min * 60.0;
	size_t i, j;
	int rc;

	if ((rc = wfm_sr_settings_init(&ss, cfg, e)) != WFM_OK) {
		wfm_sr_settings_release(&ss);
		return rc;
	}
	if (wfm_sort(rows, n, sizeof *rows, by_cell, NULL)) {
		wfm_sr_settings_release(&ss);
		return wfm_err_nomem(e);
	}
	for (i = 0; i < n && rc == WFM_OK; i = j) {
		wfm_sr_curve cc[8];
		wfm_plan_svc_point *pt = NULL;
		int k = 0, np, q;
		double vol = 0;

		memset(cc, 0, sizeof cc);
		for (j = i; j < n && rows[j].day == rows[i].day && rows[j].t == rows[i].t &&
			    rows[j].line == rows[i].line; j++) {
			if (rows[j].volume <= 0 || k == 8)
				continue;
			vol += rows[j].volume;
			if ((rc = channel_curve(&ss, &rows[j], ivl, cfg->depth_weight, &cc[k++], e)) != WFM_OK) {
				wfm_err_prefix(e, "%s:%ld: ", file, rows[j].src);
				break;
			}
		}
		if (rc == WFM_OK && k > 0) {
			if (merge(cc, k, cfg->service_weight * in->line[rows[i].line].weight, &pt,
				  &np))
				rc = wfm_err_nomem(e);
			else
				rc = wfm_plan_add_service(in, rows[i].day,
							  in->grid_start +
							  rows[i].t * in->rules.interval_min,
							  rows[i].line, vol, pt, np, e);
			free(pt);
		}
		for (q = 0; q < k; q++)
			wfm_sr_curve_release(&cc[q]);
	}
	wfm_sr_settings_release(&ss);
	return rc;
}
