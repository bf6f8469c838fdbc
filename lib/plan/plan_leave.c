/* plan_leave.c - the service objective's decisions before the search
 * (wfm_pl_decide): the base roster with its training slots
 * (plan_decide.c), then the requested leave by the fixed rule described at
 * the top of plan_decide.c.  Nothing here looks at the clock: the same input
 * and seed give the same decisions on any machine and with any time limit.
 */
#include "plan_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static size_t cell(const pl_ctx *c, int d, int t, int l)
{
	return ((size_t)d * (size_t)c->T + (size_t)t) * (size_t)c->L + (size_t)l;
}

/* Keeps in class cl only the weeks of `all` (n of them) that grant exactly
 * the requests of `mask`; returns how many. */
static int restrict_to(pl_class *cl, const pl_pat *all, int n, unsigned mask)
{
	int p, k = 0;

	for (p = 0; p < n; p++)
		if (all[p].grant == mask)
			cl->pat[k++] = all[p];
	cl->n_pat = k;
	return k;
}

/* The expected answer rate of agent a's lines on day d under the cover cnt
 * (1 when nothing is offered); the interval and line with the lowest rate
 * into *wt, *wl (-1 when none) and that rate into *wr. */
static double day_rate(const pl_ctx *c, const int *cnt, int a, int d, int *wt, int *wl,
		       double *wr)
{
	const wfm_plan_agent *ag = &c->in->agent[a];
	double ans = 0, vol = 0;
	int t, i;

	*wt = *wl = -1;
	*wr = 1;
	for (t = c->open_t[d]; t < c->close_t[d]; t++)
		for (i = 0; i < ag->n_skills; i++) {
			size_t ci = cell(c, d, t, ag->skills[i]);
			double v, x = wfm_pl_svc_answered(c, ci, cnt[ci], &v);

			if (v <= 0)
				continue;
			ans += x;
			vol += v;
			if (x / v < *wr - 1e-12) {
				*wr = x / v;
				*wt = t;
				*wl = ag->skills[i];
			}
		}
	return vol > 0 ? ans / vol : 1;
}

static char *dup(const char *s)
{
	char *p = malloc(strlen(s) + 1);

	if (p)
		memcpy(p, s, strlen(s) + 1);
	return p;
}

/* Decides request lv of agent a, the bit `bit` of its class, whose granted
 * requests so far are *mask.  Returns 0, -1 when out of memory. */
static int decide_one(pl_ctx *c, pl_ls *s, int lv, const pl_pat *all, int nall,
		      unsigned *mask, unsigned bit, int *before)
{
	pl_leave_dec *dc = &c->ldec[lv];
	int a = c->in->leave[lv].agent, d, k, mark, best_d = -1;
	pl_class *cl = &c->cls[c->cls_of[a]];
	pl_roster *r = s->r;
	size_t DT = (size_t)c->T * (size_t)c->L;
	char buf[640], b1[11], b2[6];
	double rw[PL_MAXD];

	dc->day = dc->worst_t = dc->worst_line = -1;
	dc->rate_with = dc->rate_without = dc->worst_with = dc->worst_without = -1;
	/* a session of the agent on a requested day keeps the agent there */
	for (k = 0; k < c->NT; k++) {
		int ss = r->att[a * c->NT + k];

		if (ss >= 0 && c->req_days[lv * PL_MAXD + r->sd[k * r->maxs + ss]]) {
			snprintf(buf, sizeof buf, "attends training '%s' on %s",
				 c->in->training[k].name,
				 wfm_date_iso(c->in->day[r->sd[k * r->maxs + ss]].date, b1));
			dc->granted = 0;
			return (dc->reason = dup(buf)) ? 0 : -1;
		}
	}
	for (d = 0; d < c->D; d++)
		if (c->req_days[lv * PL_MAXD + d])
			memcpy(before + (size_t)d * DT, s->f->cnt + (size_t)d * DT, DT * sizeof *before);
	if (restrict_to(cl, all, nall, *mask | bit) == 0) {
		restrict_to(cl, all, nall, *mask);
		dc->granted = 0;
		return (dc->reason = dup("no week of the agent keeps the shift rules with this "
					 "leave")) ? 0 : -1;
	}
	mark = s->jn;
	if (!wfm_pl_ls_best(s, a, 1)) {
		restrict_to(cl, all, nall, *mask);
		dc->granted = 0;
		return (dc->reason = dup("no week of the agent keeps the shift rules with this "
					 "leave")) ? 0 : -1;
	}
	/* the judged day: the requested day with the lowest rate once granted */
	for (d = 0; d < c->D; d++) {
		int wt, wl;
		double wr;

		if (!c->req_days[lv * PL_MAXD + d])
			continue;
		rw[d] = day_rate(c, s->f->cnt, a, d, &wt, &wl, &wr);
		if (best_d < 0 || rw[d] < rw[best_d]) {
			best_d = d;
			dc->worst_t = wt;
			dc->worst_line = wl;
			dc->worst_with = wr;
		}
	}
	dc->granted = 1;
	if (best_d >= 0) {
		int wt, wl;
		double wr;

		dc->day = best_d;
		dc->rate_with = rw[best_d];
		dc->rate_without = day_rate(c, before, a, best_d, &wt, &wl, &wr);
		if (dc->worst_t >= 0) {
			size_t ci = cell(c, best_d, dc->worst_t, dc->worst_line);
			double v, x = wfm_pl_svc_answered(c, ci, before[ci], &v);

			dc->worst_without = v > 0 ? x / v : 1;
		}
		dc->granted = dc->rate_with >= c->ru->leave_target - 1e-9;
		if (dc->granted || dc->worst_t < 0)
			snprintf(buf, sizeof buf, "%s: expected answer rate on the agent's lines "
				 "%.1f %% with this leave, %.1f %% without (target %.1f %%)",
				 wfm_date_iso(c->in->day[best_d].date, b1), 100 * dc->rate_with,
				 100 * dc->rate_without, 100 * c->ru->leave_target);
		else
			snprintf(buf, sizeof buf, "%s: expected answer rate on the agent's lines "
				 "%.1f %% with this leave, %.1f %% without (target %.1f %%); worst "
				 "interval %s line %s: %.1f %% with, %.1f %% without",
				 wfm_date_iso(c->in->day[best_d].date, b1), 100 * dc->rate_with,
				 100 * dc->rate_without, 100 * c->ru->leave_target,
				 wfm_time_hhmm(c->in->grid_start + dc->worst_t * c->iv, b2),
				 c->in->line[dc->worst_line].code, 100 * dc->worst_with,
				 100 * dc->worst_without);
		if (!(dc->reason = dup(buf)))
			return -1;
	}
	if (dc->granted) {
		*mask |= bit;
	} else {
		wfm_pl_ls_undo(s, mark);
		restrict_to(cl, all, nall, *mask);
	}
	return 0;
}

int wfm_pl_decide(pl_ctx *c, pl_roster *r, pl_flow *f, const pl_clock *k, unsigned *seed)
{
	const wfm_plan_input *in = c->in;
	pl_pat **all = calloc((size_t)c->n_cls + 1, sizeof *all);
	int *nall = calloc((size_t)c->n_cls + 1, sizeof *nall), ci, i, rank, ret = 0, tries;
	unsigned *mask = calloc((size_t)c->n_cls + 1, sizeof *mask);
	int *before = malloc(((size_t)c->D * (size_t)c->T * (size_t)c->L + 1) * sizeof *before);
	pl_ls s;

	memset(&s, 0, sizeof s);
	c->ldec = calloc((size_t)in->n_leave + 1, sizeof *c->ldec);
	if (!all || !nall || !mask || !before || !c->ldec) {
		ret = -1;
		goto out;
	}
	/* every request refused to begin with (or, when the agent's week only
	 * fits with some of them, the first such set granted) */
	for (ci = 0; ci < c->n_cls; ci++) {
		pl_class *cl = &c->cls[ci];
		unsigned m;

		if (!cl->n_req)
			continue;
		all[ci] = malloc((size_t)cl->n_pat * sizeof *all[ci] + 1);
		if (!all[ci]) {
			ret = -1;
			goto out;
		}
		memcpy(all[ci], cl->pat, (size_t)cl->n_pat * sizeof *all[ci]);
		nall[ci] = cl->n_pat;
		for (m = 0; m < (1u << cl->n_req); m++)
			if (restrict_to(cl, all[ci], nall[ci], m) > 0)
				break;
		mask[ci] = m;
		for (i = 0; i < cl->n_req; i++)
			if (m >> i & 1) {
				pl_leave_dec *dc = &c->ldec[cl->req[i]];

				dc->granted = 1;
				dc->day = dc->worst_t = dc->worst_line = -1;
				dc->rate_with = dc->rate_without = dc->worst_with =
					dc->worst_without = -1;
				dc->reason = malloc(64);
				if (dc->reason)
					snprintf(dc->reason, 64, "the agent's week fits the rules only "
						 "with this leave");
			}
	}
	/* refused leave costs nothing: the decisions are made here */
	for (i = 0; i < in->n_leave; i++)
		c->req_cost[i] = 0;
	ret = wfm_pl_construct(c, r, f, k, seed);
	for (tries = 1; ret == -2 && tries < 50; tries++)
		ret = wfm_pl_construct(c, r, f, k, seed);
	if (ret)
		goto out;
	if (wfm_pl_ls_init(&s, c, r, f, seed)) {
		ret = -1;
		goto out;
	}
	s.jon = 1;
	for (rank = 0; rank < in->n_leave; rank++) {
		int lv;

		for (lv = 0; lv < in->n_leave; lv++)
			if (in->leave[lv].requested && in->leave[lv].rank == rank)
				break;
		if (lv == in->n_leave)
			break;
		ci = c->cls_of[in->leave[lv].agent];
		for (i = 0; i < c->cls[ci].n_req && c->cls[ci].req[i] != lv; i++)
			;
		if (i == c->cls[ci].n_req || (mask[ci] >> i & 1) || c->ldec[lv].reason)
			continue;
		if (decide_one(c, &s, lv, all[ci], nall[ci], &mask[ci], 1u << i, before)) {
			ret = -1;
			goto out;
		}
		s.jn = 0;
	}
	s.jon = 0;
out:
	wfm_pl_ls_release(&s);
	for (ci = 0; all && ci < c->n_cls; ci++)
		free(all[ci]);
	free(all);
	free(nall);
	free(mask);
	free(before);
	return ret;
}
