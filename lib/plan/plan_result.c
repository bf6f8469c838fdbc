/* plan_result.c - the public result read back from a roster. */
#include "plan_impl.h"

#include <math.h>

#include <stdlib.h>
#include <string.h>

void wfm_plan_result_free(wfm_plan_result *r)
{
	int i;

	if (!r)
		return;
	for (i = 0; i < r->n_sessions; i++) {
		free(r->session[i].agents);
		free(r->session[i].reason);
	}
	for (i = 0; i < r->n_decisions; i++)
		free(r->decision[i].reason);
	free(r->shift);
	free(r->block);
	free(r->session);
	free(r->decision);
	free(r->planned);
	free(r->deferred_done);
	free(r->deferred_late);
	free(r);
}

static int on_leave(const pl_ctx *c, const pl_roster *r, int a, int d)
{
	int i;

	if (c->in->day[d].opens < 0)
		return 0;
	if (c->approved[a][d])
		return 1;
	for (i = 0; i < c->in->n_leave; i++)
		if (c->in->leave[i].agent == a && c->in->leave[i].requested && r->grant[i] &&
		    c->req_days[i * PL_MAXD + d])
			return 1;
	return 0;
}

/* What agent a does in interval t of day d: activity and line/training. */
static void label(const pl_ctx *c, const pl_roster *r, int a, int d, int t, int *act, int *x)
{
	const pl_tmpl *tp = &c->tmpl[d][r->tm[a * c->D + d]];
	int b, k;

	for (b = 0; b < c->nb[tp->type]; b++) {
		int bs = tp->s + r->bo[(a * c->D + d) * PL_MAXB + b];

		if (t >= bs && t < bs + c->blen[tp->type][b]) {
			*act = c->ru->type[tp->type].brk[b].lunch ? WFM_ACT_LUNCH : WFM_ACT_BREAK;
			*x = -1;
			return;
		}
	}
	for (k = 0; k < c->NT; k++) {
		int s = r->att[a * c->NT + k], i = k * r->maxs + s;

		if (s >= 0 && r->sd[i] == d && t >= r->st[i] && t < r->st[i] + c->tr[k].len) {
			*act = WFM_ACT_TRAINING;
			*x = k;
			return;
		}
	}
	*act = WFM_ACT_WORK;
	*x = r->ln[((size_t)a * (size_t)c->D + (size_t)d) * (size_t)c->T + (size_t)t];
}

static int fill_blocks(const pl_ctx *c, const pl_roster *r, wfm_plan_result *res)
{
	int a, d, t, cap = 64, n = 0;
	int g0 = c->in->grid_start, iv = c->iv;
	wfm_plan_block *bl = malloc((size_t)cap * sizeof *bl);

	if (!bl)
		return -1;
	for (a = 0; a < c->A; a++)
		for (d = 0; d < c->D; d++) {
			int j = r->tm[a * c->D + d];

			if (n + c->T + 2 >= cap) {
				wfm_plan_block *p;

				cap = 2 * cap + c->T + 2;
				p = realloc(bl, (size_t)cap * sizeof *bl);
				if (!p) {
					free(bl);
					return -1;
				}
				bl = p;
			}
			if (j < 0) {
				if (on_leave(c, r, a, d)) {
					wfm_plan_block *b = &bl[n++];

					b->agent = a;
					b->day = d;
					b->start = c->in->day[d].opens;
					b->end = c->in->day[d].closes;
					b->activity = WFM_ACT_LEAVE;
					b->line = b->training = -1;
				}
				continue;
			}
			for (t = c->tmpl[d][j].s; t < c->tmpl[d][j].e; t++) {
				int act, x;

				label(c, r, a, d, t, &act, &x);
				if (n > 0 && bl[n - 1].agent == a && bl[n - 1].day == d &&
				    bl[n - 1].end == g0 + t * iv && bl[n - 1].activity == act &&
				    (act == WFM_ACT_WORK ? bl[n - 1].line == x
				     : act == WFM_ACT_TRAINING ? bl[n - 1].training == x : 1)) {
					bl[n - 1].end += iv;
					continue;
				}
				bl[n].agent = a;
				bl[n].day = d;
				bl[n].start = g0 + t * iv;
				bl[n].end = g0 + (t + 1) * iv;
				bl[n].activity = act;
				bl[n].line = act == WFM_ACT_WORK ? x : -1;
				bl[n].training = act == WFM_ACT_TRAINING ? x : -1;
				n++;
			}
		}
	res->block = bl;
	res->n_blocks = n;
	return 0;
}

int wfm_pl_make_result(const pl_ctx *c, pl_roster *r, double bound, double seconds,
		   wfm_plan_result **out, wfm_err *e)
{
	wfm_plan_result *res = calloc(1, sizeof *res);
	size_t cells = (size_t)c->D * (size_t)c->T * (size_t)c->L, i;
	int *cnt = NULL, a, d, k, s, l, n, oom = 0;

	if (!res)
		return wfm_err_nomem(e);
	if (wfm_pl_evaluate(c, r) == HUGE_VAL) {
		free(res);
		return wfm_err_nomem(e);
	}
	res->objective = r->cost;
	res->bound = bound < r->cost ? bound : r->cost;
	res->gap = r->cost > 1e-9 ? (r->cost - res->bound) / r->cost : 0;
	res->seconds = seconds;
	res->under_hours = r->under_h;
	res->over_hours = r->over_h;
	res->deferred_late_hours = r->late_h;
	cnt = wfm_pl_cover_counts(c, r);
	res->planned = calloc(cells + 1, sizeof *res->planned);
	res->deferred_done = calloc((size_t)c->D * (size_t)c->L + 1, sizeof *res->deferred_done);
	res->deferred_late = calloc((size_t)c->D * (size_t)c->L + 1, sizeof *res->deferred_late);
	res->shift = calloc((size_t)c->A * (size_t)c->D + 1, sizeof *res->shift);
	if (!cnt || !res->planned || !res->deferred_done || !res->deferred_late || !res->shift ||
	    fill_blocks(c, r, res))
		goto nomem;
	for (i = 0; i < cells; i++)
		res->planned[i] = cnt[i];
	for (l = 0; l < c->L; l++) {
		double done[PL_MAXD], late[PL_MAXD];

		if (!c->deferred_line[l])
			continue;
		wfm_pl_deferred_line(c, cnt, l, done, late);
		for (d = 0; d < c->D; d++) {
			res->deferred_done[d * c->L + l] = done[d];
			res->deferred_late[d * c->L + l] = late[d];
		}
	}
	for (a = 0; a < c->A; a++)
		for (d = 0; d < c->D; d++) {
			int j = r->tm[a * c->D + d];
			wfm_plan_shift *sh;

			if (j < 0)
				continue;
			sh = &res->shift[res->n_shifts++];
			sh->agent = a;
			sh->day = d;
			sh->type = c->tmpl[d][j].type;
			sh->start = c->in->grid_start + c->tmpl[d][j].s * c->iv;
			sh->end = c->in->grid_start + c->tmpl[d][j].e * c->iv;
		}
	n = 0;
	for (k = 0; k < c->NT; k++)
		n += c->tr[k].n_sess;
	res->session = calloc((size_t)n + 1, sizeof *res->session);
	if (!res->session)
		goto nomem;
	for (k = 0; k < c->NT; k++)
		for (s = 0; s < c->tr[k].n_sess; s++) {
			wfm_plan_session *ss = &res->session[res->n_sessions++];
			int q = k * r->maxs + s;

			ss->training = k;
			ss->day = r->sd[q];
			ss->start = c->in->grid_start + r->st[q] * c->iv;
			ss->end = ss->start + c->in->training[k].minutes;
			ss->agents = malloc(((size_t)c->A + 1) * sizeof *ss->agents);
			if (!ss->agents)
				goto nomem;
			for (a = 0; a < c->A; a++)
				if (r->att[a * c->NT + k] == s)
					ss->agents[ss->n_agents++] = a;
			ss->reason = wfm_pl_session_reason(c, r, k, s, &oom);
			if (oom)
				goto nomem;
		}
	n = 0;
	for (k = 0; k < c->in->n_leave; k++)
		n += c->in->leave[k].requested;
	res->decision = calloc((size_t)n + 1, sizeof *res->decision);
	if (!res->decision)
		goto nomem;
	for (k = 0; k < c->in->n_leave; k++) {
		wfm_plan_decision *dc;
		int open = 0;

		if (!c->in->leave[k].requested)
			continue;
		for (d = 0; d < c->D; d++)
			open += c->req_days[k * PL_MAXD + d];
		dc = &res->decision[res->n_decisions++];
		dc->leave = k;
		dc->granted = r->grant[k] || !open;
		dc->day = dc->worst_t = dc->worst_line = -1;
		dc->rate_with = dc->rate_without = dc->worst_with = dc->worst_without = -1;
		if (c->ldec) {
			/* the service objective's rule decided it before the search */
			const pl_leave_dec *ld = &c->ldec[k];

			dc->day = ld->day;
			dc->worst_t = ld->worst_t;
			dc->worst_line = ld->worst_line;
			dc->rate_with = ld->rate_with;
			dc->rate_without = ld->rate_without;
			dc->worst_with = ld->worst_with;
			dc->worst_without = ld->worst_without;
			if (ld->reason && !(dc->reason = strdup(ld->reason)))
				goto nomem;
		}
		if (dc->granted) {
			res->leave_granted++;
			continue;
		}
		res->leave_refused++;
		if (!dc->reason && !(dc->reason = wfm_pl_refusal_reason(c, r, k)))
			goto nomem;
	}
	free(cnt);
	*out = res;
	return WFM_OK;
nomem:
	free(cnt);
	wfm_plan_result_free(res);
	return wfm_err_nomem(e);
}
