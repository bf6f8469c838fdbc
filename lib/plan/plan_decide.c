/* plan_decide.c - what the service objective decides before the timed
 * search, by fixed rules, so that the same input gives the same decisions
 * whatever the time limit and the machine: where the training sessions go,
 * and which requested leave is granted.  Also the reason given for each
 * session's slot (both objectives).
 *
 * Everything here works on a roster built the same way every time: the
 * constructive plan of plan_search.c (each agent in a seeded order takes its
 * best week against those before it), with every request refused.
 *
 * Trainings (wfm_pl_choose_slots, called by the constructive plan before it
 * places the sessions).  For every possible slot of a training's window,
 * what taking its attendees off the floor costs: per interval of the
 * session, the cheapest way to lose that many agents of the skill groups
 * that may attend (successive removals along the flow's cheapest paths,
 * plan_flow.c), with the plan's own cost function.  The sessions of a
 * training take, one after the other, the cheapest slot their attendees can
 * reach (a listed participant must have a shift that can cover it; a count
 * needs enough agents holding the skill who can); the agents a session takes
 * stay off the floor while the next sessions and trainings choose.  The
 * slots are then fixed for the rest of the solve.
 *
 * Leave (wfm_pl_decide_leave).  Requests are decided in the order received
 * (their rank), approved leave and the requests granted before fixed.  For
 * a request, the agent's best week with it granted (plan_ls.c, everybody
 * else as they are) replaces its week; the request is granted when, on every
 * open day it covers, the expected answer rate of the agent's lines (the
 * contacts the staffing models expect to be answered live over those
 * offered, summed over the day's intervals and the lines the agent holds)
 * stays at or above rules.leave_target; else the week goes back.  A request
 * whose day has an agent's training session, or whose leave no week of the
 * agent's fits, is refused and says so.  The decisions are final: the
 * search only sees the weeks that keep them, and refused leave adds nothing
 * to the objective.
 */
#include "plan_impl.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static size_t cell(const pl_ctx *c, int d, int t, int l)
{
	return ((size_t)d * (size_t)c->T + (size_t)t) * (size_t)c->L + (size_t)l;
}

/* ---- trainings ------------------------------------------------------------ */

/* 1 when agent a could attend a session at slot si of training k: a
 * template of its class that day covers it and some week works that day. */
static int can_reach(const pl_ctx *c, int k, int a, int si)
{
	const pl_train *tr = &c->tr[k];
	const pl_class *cl = &c->cls[c->cls_of[a]];
	int d = tr->slot[si].d, j, p;

	for (j = 0; j < c->n_tmpl[d]; j++)
		if (cl->ok[d][j] && wfm_pl_tmpl_covers(c, d, j, tr->slot[si].t, tr->len))
			for (p = 0; p < cl->n_pat; p++)
				if (cl->pat[p].type[d] == c->tmpl[d][j].type)
					return 1;
	return 0;
}

/* The cost of taking n agents of the groups in elig[] (elig[g] agents of
 * group g may go) off the floor in interval (d, t), the cheapest one after
 * the other; when `keep`, they stay off (their groups added to out_g[], *out_n
 * of them), else they are put back.  An agent missing from the floor costs
 * what one agent fewer costs on the skill's line (`line`, or the first
 * line of the groups).  `taken` is the caller's room for n_grp ints. */
static double lose(const pl_ctx *c, pl_flow *f, int d, int t, const int *elig, int n, int line,
		   int keep, int *out_g, int *out_n, int *taken)
{
	size_t dt = (size_t)d * (size_t)c->T + (size_t)t;
	int i, g;
	double cost = 0;

	memset(taken, 0, ((size_t)c->n_grp + 1) * sizeof *taken);
	for (i = 0; i < n; i++) {
		int best = -1;
		double bc = 0;

		for (g = 0; g < c->n_grp; g++) {
			double x;

			if (elig[g] <= taken[g] || f->fl[dt * (size_t)f->G + (size_t)g] <= 0)
				continue;
			x = wfm_pl_flow_probe_remove(c, f, d, t, g);
			if (best < 0 || x < bc) {
				best = g;
				bc = x;
			}
		}
		if (best < 0) {
			/* nobody left to take: one agent fewer on the skill's line */
			int cv;

			if (line < 0)
				break;
			cv = f->cnt[cell(c, d, t, line)];
			cost += cv > 0 ? wfm_pl_flow_cost(c, d, t, line, cv - 1) -
					 wfm_pl_flow_cost(c, d, t, line, cv)
				       : wfm_pl_flow_cost(c, d, t, line, 0) -
					 wfm_pl_flow_cost(c, d, t, line, 1);
			continue;
		}
		cost += wfm_pl_flow_remove(c, f, d, t, best);
		taken[best]++;
	}
	for (g = 0; g < c->n_grp; g++)
		while (taken[g]-- > 0) {
			if (keep)
				out_g[(*out_n)++] = g;
			else
				wfm_pl_flow_add(c, f, d, t, g);
		}
	return cost;
}

/* What a session of n attendees at slot si of training k costs (`taken`:
 * see lose). */
static double slot_cost(const pl_ctx *c, pl_flow *f, int k, int si, const int *elig, int n,
			int *taken)
{
	const pl_train *tr = &c->tr[k];
	int t, line = c->in->training[k].skill;
	double s = 0;

	for (t = tr->slot[si].t; t < tr->slot[si].t + tr->len; t++)
		s += lose(c, f, tr->slot[si].d, t, elig, n, line, 0, NULL, NULL, taken);
	return s;
}

/* The groups that may attend training k: elig[g] agents of group g (of
 * `avail` when not NULL: agents not yet placed in a session). */
static void elig_groups(const pl_ctx *c, int k, const unsigned char *avail, int *elig)
{
	const pl_train *tr = &c->tr[k];
	int a;

	memset(elig, 0, (size_t)c->n_grp * sizeof *elig);
	for (a = 0; a < c->A; a++)
		if (tr->elig[a] && (!avail || avail[a]))
			elig[c->grp_of[a]]++;
}

static int by_slot(const void *x, const void *y)
{
	const pl_slot *a = x, *b = y;

	if (a->d != b->d)
		return a->d - b->d;
	return a->t - b->t;
}

int wfm_pl_choose_slots(pl_ctx *c, pl_flow *f)
{
	int k, s, si, a, t, i, *elig = malloc(((size_t)c->n_grp + 1) * sizeof *elig);
	int *taken = malloc(((size_t)c->n_grp + 1) * sizeof *taken);
	int *gone = NULL, ngone = 0, cap = 0;
	unsigned char *avail = malloc((size_t)c->A + 1);
	int *gone_d = NULL, *gone_t = NULL;

	if (!elig || !taken || !avail) {
		free(elig);
		free(taken);
		free(avail);
		return -1;
	}
	for (k = 0; k < c->NT; k++) {
		pl_train *tr = &c->tr[k];
		pl_slot pick[64];
		int np = 0, ok = 1;

		if (tr->n_sess > 64 || tr->n_slot == 0)
			continue;
		for (a = 0; a < c->A; a++)
			avail[a] = tr->elig[a];
		for (s = 0; s < tr->n_sess && ok; s++) {
			int sz = tr->need / tr->n_sess + (s < tr->need % tr->n_sess), best = -1;
			double bc = 0;

			elig_groups(c, k, avail, elig);
			for (si = 0; si < tr->n_slot; si++) {
				int q, reach = 0, dup = 0;
				double x;

				for (q = 0; q < np; q++)
					dup |= pick[q].d == tr->slot[si].d && pick[q].t == tr->slot[si].t;
				for (a = 0; a < c->A && !dup; a++)
					reach += avail[a] && can_reach(c, k, a, si);
				/* one listed group must suit everybody; a count needs
				 * enough agents who can come */
				if (dup || reach < (c->in->training[k].count || tr->n_sess > 1 ? sz :
						    c->in->training[k].n_listed))
					continue;
				x = slot_cost(c, f, k, si, elig, sz, taken);
				if (best < 0 || x < bc - 1e-12) {
					best = si;
					bc = x;
				}
			}
			if (best < 0) {
				ok = 0;
				break;
			}
			pick[np++] = tr->slot[best];
			/* the session's agents stay off the floor while the others
			 * choose; those who can reach it are no longer available */
			for (a = 0, i = 0; a < c->A && i < sz; a++)
				if (avail[a] && can_reach(c, k, a, best)) {
					avail[a] = 0;
					i++;
				}
			for (t = tr->slot[best].t; t < tr->slot[best].t + tr->len; t++) {
				int before = ngone;

				if (ngone + sz + 1 > cap) {
					int nc = 2 * cap + sz + 64;
					int *p1 = realloc(gone, (size_t)nc * sizeof *p1);
					int *p2 = p1 ? realloc(gone_d, (size_t)nc * sizeof *p2) : NULL;
					int *p3 = p2 ? realloc(gone_t, (size_t)nc * sizeof *p3) : NULL;

					if (p1)
						gone = p1;
					if (p2)
						gone_d = p2;
					if (p3)
						gone_t = p3;
					if (!p1 || !p2 || !p3) {
						ok = -1;
						break;
					}
					cap = nc;
				}
				lose(c, f, tr->slot[best].d, t, elig, sz, c->in->training[k].skill, 1, gone,
				     &ngone, taken);
				for (i = before; i < ngone; i++) {
					gone_d[i] = tr->slot[best].d;
					gone_t[i] = t;
				}
			}
			if (ok < 0)
				break;
		}
		if (ok == 1) {
			/* fixed: the chosen slots, in time order (the sessions' order) */
			qsort(pick, (size_t)np, sizeof *pick, by_slot);
			memcpy(tr->slot, pick, (size_t)np * sizeof *pick);
			tr->n_slot = np;
		}
		if (ok < 0)
			break;
	}
	for (i = 0; i < ngone; i++)
		wfm_pl_flow_add(c, f, gone_d[i], gone_t[i], gone[i]);
	c->slots_fixed = 1;
	free(gone);
	free(gone_d);
	free(gone_t);
	free(elig);
	free(taken);
	free(avail);
	return k < c->NT ? -1 : 0;
}

/* ---- the reason for a session's slot ------------------------------------ */

/* The expected contacts answered on every line in interval (d, t) under
 * the flow's cover (service objective). */
static double answered_at(const pl_ctx *c, const pl_flow *f, int d, int t)
{
	double s = 0, v;
	int l;

	for (l = 0; l < c->L; l++)
		s += wfm_pl_svc_answered(c, cell(c, d, t, l), f->cnt[cell(c, d, t, l)], &v);
	return s;
}

char *wfm_pl_session_reason(const pl_ctx *c, const pl_roster *r, int k, int s, int *nomem)
{
	const pl_train *tr = &c->tr[k];
	pl_flow *f = wfm_pl_flow_new(c);
	int *elig = malloc(((size_t)c->n_grp + 1) * sizeof *elig), n = 0, a, t, si, here = -1;
	int *taken = malloc(((size_t)c->n_grp + 1) * sizeof *taken);
	int lo = -1, hi = -1, rank = 1, g0, d0, t0;
	double *cost = malloc(((size_t)tr->n_all + 1) * sizeof *cost);
	char buf[512], b1[11], b2[6], b3[11], b4[6], b5[32];
	char *out = NULL;

	if (!f || !elig || !taken || !cost || wfm_pl_fill_flow(c, r, f)) {
		*nomem = 1;
		goto done;
	}
	d0 = r->sd[k * r->maxs + s];
	t0 = r->st[k * r->maxs + s];
	/* the attendees back on the floor: what the session takes is then what
	 * losing them anywhere in the window would take */
	memset(elig, 0, (size_t)c->n_grp * sizeof *elig);
	for (a = 0; a < c->A; a++)
		if (r->att[a * c->NT + k] == s) {
			n++;
			elig[c->grp_of[a]]++;
			for (t = t0; t < t0 + tr->len; t++)
				wfm_pl_flow_add(c, f, d0, t, c->grp_of[a]);
		}
	for (si = 0; si < tr->n_all; si++) {
		const pl_slot *sl = &tr->all[si];
		double x = 0;

		for (t = sl->t; t < sl->t + tr->len; t++) {
			if (c->svc_mode) {
				/* in expected contacts not answered */
				double before = answered_at(c, f, sl->d, t), after;
				int gs[256], ng = 0;

				lose(c, f, sl->d, t, elig, n < 256 ? n : 256, -1, 1, gs, &ng, taken);
				after = answered_at(c, f, sl->d, t);
				for (g0 = 0; g0 < ng; g0++)
					wfm_pl_flow_add(c, f, sl->d, t, gs[g0]);
				x += before - after;
			} else {
				x += lose(c, f, sl->d, t, elig, n, -1, 0, NULL, NULL, taken);
			}
		}
		cost[si] = x;
		if (sl->d == d0 && sl->t == t0)
			here = si;
		if (lo < 0 || x < cost[lo] - 1e-12)
			lo = si;
		if (hi < 0 || x > cost[hi] + 1e-12)
			hi = si;
	}
	if (here < 0 || lo < 0)
		goto done;
	for (si = 0; si < tr->n_all; si++)
		rank += cost[si] < cost[here] - 1e-9;
	if (rank == 1)
		snprintf(b5, sizeof b5, "the cheapest");
	else
		snprintf(b5, sizeof b5, "number %d by cost", rank);
	snprintf(buf, sizeof buf,
		 "group of %d; off the floor here costs %.2f %s, %s of the %d slots allowed "
		 "(least %.2f on %s %s, most %.2f on %s %s)",
		 n, cost[here], c->svc_mode ? "expected contacts not answered" :
		 "in the plan's cost", b5, tr->n_all,
		 cost[lo], wfm_date_iso(c->in->day[tr->all[lo].d].date, b1),
		 wfm_time_hhmm(c->in->grid_start + tr->all[lo].t * c->iv, b2), cost[hi],
		 wfm_date_iso(c->in->day[tr->all[hi].d].date, b3),
		 wfm_time_hhmm(c->in->grid_start + tr->all[hi].t * c->iv, b4));
	out = malloc(strlen(buf) + 1);
	if (out)
		memcpy(out, buf, strlen(buf) + 1);
	else
		*nomem = 1;
done:
	wfm_pl_flow_free(f);
	free(elig);
	free(taken);
	free(cost);
	return out;
}
