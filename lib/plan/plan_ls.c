/* plan_ls.c - the state of the local search and its main move, an agent's
 * best response (see plan_search.c for the search around it and
 * plan_impl.h for the contracts).
 *
 * The state is a roster plus, for every interval, the optimal assignment
 * of the agents on the floor to lines (plan_flow.c).  Its cost is exact:
 * the flow keeps the cost of lines without deferred work, lines with
 * deferred work are recomputed when their cover changes, preferences and
 * refused leave are counted alongside.  Changes can be journaled and
 * undone.
 *
 * An agent's best response is the week that costs least with everybody
 * else fixed.  Intervals are independent cells, so the cost of any week of
 * agent a is a sum over intervals of "a on the floor here" or not; one probe
 * per interval (the cheapest path to add or remove one agent of a's group,
 * without changing anything) prices every template, every break offset and
 * every weekly pattern of a's class at once.  Lines with deferred work are
 * priced by the flow's stand-in cost, so a response is applied and kept
 * only when the exact cost drops (unless forced).
 */
#include "plan_impl.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define BIG 1e300

double wfm_pl_ls_total(pl_ls *s)
{
	const pl_ctx *c = s->c;
	double sum = s->f->cost_nd + s->extra;
	int l;

	for (l = 0; l < c->L; l++) {
		if (!c->deferred_line[l])
			continue;
		if (s->f->dirty[l]) {
			s->defcost[l] = wfm_pl_deferred_cost(c, s->f->cnt, l);
			s->f->dirty[l] = 0;
		}
		sum += s->defcost[l];
	}
	return sum;
}

static void journal(pl_ls *s, int a, int d, int j, const signed char *bo)
{
	if (!s->jon || s->jfail)
		return;
	if (s->jn == s->jcap) {
		int nc = s->jcap ? 2 * s->jcap : 256;
		pl_jentry *p = realloc(s->jr, (size_t)nc * sizeof *p);

		if (!p) {
			s->jfail = 1;
			return;
		}
		s->jr = p;
		s->jcap = nc;
	}
	s->jr[s->jn].a = a;
	s->jr[s->jn].d = d;
	s->jr[s->jn].j = j;
	if (bo)
		memcpy(s->jr[s->jn].bo, bo, PL_MAXB);
	s->jn++;
}

/* Puts agent a on template j (or off, j < 0) with offsets bo on day d.
 * The caller checks the rules. */
void wfm_pl_ls_set_day(pl_ls *s, int a, int d, int j, const signed char *bo)
{
	pl_ctx *c = s->c;
	pl_roster *r = s->r;
	int g = c->grp_of[a], t, old = r->tm[a * c->D + d], b;

	journal(s, a, d, old, r->bo + (a * c->D + d) * PL_MAXB);
	wfm_pl_floor_mask(c, r, a, d, s->m0);
	r->tm[a * c->D + d] = j;
	if (j >= 0)
		for (b = 0; b < c->nb[c->tmpl[d][j].type]; b++)
			r->bo[(a * c->D + d) * PL_MAXB + b] = bo[b];
	wfm_pl_floor_mask(c, r, a, d, s->m1);
	for (t = 0; t < c->T; t++)
		if (s->m0[t] && !s->m1[t])
			wfm_pl_flow_remove(c, s->f, d, t, g);
	for (t = 0; t < c->T; t++)
		if (!s->m0[t] && s->m1[t])
			wfm_pl_flow_add(c, s->f, d, t, g);
	if (old >= 0 && !wfm_pl_pref_ok(c, a, d, old))
		s->extra -= c->ru->w_pref;
	if (j >= 0 && !wfm_pl_pref_ok(c, a, d, j))
		s->extra += c->ru->w_pref;
}

void wfm_pl_ls_set_grant(pl_ls *s, int lv, int on)
{
	pl_ctx *c = s->c;

	if (s->r->grant[lv] == on)
		return;
	journal(s, lv, -1, s->r->grant[lv], NULL);
	s->extra += on ? -c->req_cost[lv] : c->req_cost[lv];
	s->r->grant[lv] = (unsigned char)on;
}

/* Undoes the journal back to entry `mark`. */
void wfm_pl_ls_undo(pl_ls *s, int mark)
{
	int on = s->jon;

	s->jon = 0;
	while (s->jn > mark) {
		pl_jentry *e = &s->jr[--s->jn];

		if (e->d < 0)
			wfm_pl_ls_set_grant(s, e->a, e->j);
		else
			wfm_pl_ls_set_day(s, e->a, e->d, e->j, e->bo);
	}
	s->jon = on;
	s->cur = wfm_pl_ls_total(s);
}

/* Agent a's sessions on day d: start and length of up to two. */
int wfm_pl_sessions_of(const pl_ctx *c, const pl_roster *r, int a, int d, int *t0, int *len)
{
	int k, n = 0;

	for (k = 0; k < c->NT && n < 2; k++) {
		int s = r->att[a * c->NT + k];

		if (s >= 0 && r->sd[k * r->maxs + s] == d) {
			t0[n] = r->st[k * r->maxs + s];
			len[n++] = c->tr[k].len;
		}
	}
	return n;
}

int wfm_pl_rest_ok(const pl_ctx *c, int d, int j, int jj)
{
	return (1440 / c->iv + c->tmpl[d + 1][jj].s - c->tmpl[d][j].e) * c->iv >=
	       c->ru->min_rest_min;
}

/* Prices every template of agent a on day d (cost change against the
 * current day, with the best break offsets), and the day off. */
static void price_day(pl_ls *s, int a, int d)
{
	pl_ctx *c = s->c;
	pl_roster *r = s->r;
	const pl_class *cl = &c->cls[c->cls_of[a]];
	int g = c->grp_of[a], t, j, b, o, k, ns, st[2], sl[2], cj = r->tm[a * c->D + d];
	int K = c->ru->n_types;
	double *v = s->v + d * c->T, *pre = s->pre + d * (c->T + 1), base = 0, prefnow;

	wfm_pl_floor_mask(c, r, a, d, s->m0);
	for (t = 0; t < c->T; t++) {
		v[t] = 0;
		if (t < c->open_t[d] || t >= c->close_t[d])
			continue;
		if (s->m0[t]) {
			double rem = wfm_pl_flow_probe_remove(c, s->f, d, t, g);

			base += rem;
			v[t] = -rem;
		} else {
			v[t] = wfm_pl_flow_probe_add(c, s->f, d, t, g);
		}
	}
	pre[0] = 0;
	for (t = 0; t < c->T; t++)
		pre[t + 1] = pre[t] + v[t];
	prefnow = cj >= 0 && !wfm_pl_pref_ok(c, a, d, cj) ? c->ru->w_pref : 0;
	ns = wfm_pl_sessions_of(c, r, a, d, st, sl);
	for (k = 0; k <= K; k++) {
		s->dbest[d * (K + 1) + k] = BIG;
		s->djbest[d * (K + 1) + k] = -1;
	}
	if (!ns)
		s->dbest[d * (K + 1) + K] = base - prefnow;
	for (j = 0; j < c->n_tmpl[d]; j++) {
		const pl_tmpl *tp = &c->tmpl[d][j];
		double x;
		int q, fit = 1;

		s->val[d * c->maxtm + j] = BIG;
		if (!cl->ok[d][j])
			continue;
		for (q = 0; q < ns; q++)
			if (tp->s > st[q] || tp->e < st[q] + sl[q])
				fit = 0;
		if (!fit)
			continue;
		x = base + pre[tp->e] - pre[tp->s];
		for (q = 0; q < ns; q++)
			x -= pre[st[q] + sl[q]] - pre[st[q]];
		k = tp->type;
		for (b = 0; b < c->nb[k] && fit; b++) {
			int len = c->blen[k][b], bo = -1;
			double bv = -BIG;

			for (o = c->bmin[k][b]; o <= c->bmax[k][b]; o++) {
				int bs = tp->s + o, ok = 1;
				double y = pre[bs + len] - pre[bs];

				for (q = 0; q < ns; q++)
					if (bs < st[q] + sl[q] && st[q] < bs + len)
						ok = 0;
				if (ok && y > bv + 1e-12) {
					bv = y;
					bo = o;
				}
			}
			if (bo < 0)
				fit = 0;
			x -= bv;
			s->vbo[(d * c->maxtm + j) * PL_MAXB + b] = (signed char)bo;
		}
		if (!fit)
			continue;
		if (!wfm_pl_pref_ok(c, a, d, j))
			x += c->ru->w_pref;
		x -= prefnow;
		s->val[d * c->maxtm + j] = x;
		if (x < s->dbest[d * (K + 1) + k]) {
			s->dbest[d * (K + 1) + k] = x;
			s->djbest[d * (K + 1) + k] = j;
		}
	}
}

/* For an agent whose rest may bind: the cheapest templates for pattern
 * `type` that keep the rest, over every template of each day (chains in
 * s->cbest and s->cfrom); fills pick[] and returns the cost or BIG. */
static double rest_chain(pl_ls *s, const signed char *type, int *pick)
{
	pl_ctx *c = s->c;
	size_t M = (size_t)c->maxtm;
	double *best = s->cbest;
	int *from = s->cfrom, d, j, jj, J;
	double sum = 0;

	for (d = 0; d < c->D; d++) {
		J = c->n_tmpl[d];
		if (type[d] < 0)
			continue;
		for (j = 0; j < J; j++) {
			double x = s->val[d * c->maxtm + j], bp = BIG;
			int bj = -1;

			best[d * M + j] = BIG;
			from[d * M + j] = -1;
			if (x >= BIG || c->tmpl[d][j].type != type[d])
				continue;
			if (d > 0 && type[d - 1] >= 0 && c->next_ok[d - 1]) {
				for (jj = 0; jj < c->n_tmpl[d - 1]; jj++)
					if (best[(d - 1) * M + jj] < bp && wfm_pl_rest_ok(c, d - 1, jj, j)) {
						bp = best[(d - 1) * M + jj];
						bj = jj;
					}
				if (bj < 0)
					continue;
				best[d * M + j] = bp + x;
				from[d * M + j] = bj;
			} else {
				best[d * M + j] = x;
			}
		}
	}
	/* chains end at a day whose next day is not worked or not consecutive */
	for (d = c->D - 1; d >= 0; d--) {
		double bv = BIG;
		int bj = -1, dd;

		if (type[d] < 0 || (d + 1 < c->D && type[d + 1] >= 0 && c->next_ok[d]))
			continue;
		J = c->n_tmpl[d];
		for (j = 0; j < J; j++)
			if (best[d * M + j] < bv) {
				bv = best[d * M + j];
				bj = j;
			}
		if (bj < 0)
			return BIG;
		sum += bv;
		for (dd = d; bj >= 0; dd--) {
			pick[dd] = bj;
			if (dd == 0 || type[dd - 1] < 0 || !c->next_ok[dd - 1])
				break;
			bj = from[dd * M + bj];
		}
	}
	return sum;
}

/* Agent a's best week; applied when the exact cost drops (or always, with
 * `force`, for an agent without a week yet; with force 2 the best week of
 * another pattern than the current one).  Returns 1 when applied. */
int wfm_pl_ls_best(pl_ls *s, int a, int force)
{
	pl_ctx *c = s->c;
	pl_roster *r = s->r;
	const pl_class *cl = &c->cls[c->cls_of[a]];
	int K = c->ru->n_types, d, p, i, bp = -1, pick[PL_MAXD], bpick[PL_MAXD], mark, p0;
	unsigned gnow = wfm_pl_grant_mask(c, r, a);
	double bv = force ? BIG / 2 : -1e-9, before = s->cur, lnow = 0;

	for (d = 0; d < c->D; d++)
		price_day(s, a, d);
	for (i = 0; i < cl->n_req; i++)
		if (!(gnow >> i & 1))
			lnow += c->req_cost[cl->req[i]];
	p0 = force == 2 ? wfm_pl_pattern_of(c, r, a) : -1;
	for (p = 0; p < cl->n_pat; p++) {
		const pl_pat *pt = &cl->pat[p];
		double x = -lnow;

		if (p == p0)
			continue;

		for (i = 0; i < cl->n_req; i++)
			if (!(pt->grant >> i & 1))
				x += c->req_cost[cl->req[i]];
		if (cl->rest) {
			for (d = 0; d < c->D; d++)
				if (pt->type[d] < 0) {
					x += s->dbest[d * (K + 1) + K];
					pick[d] = -1;
				}
			x += rest_chain(s, pt->type, pick);
		} else {
			for (d = 0; d < c->D && x < BIG; d++) {
				int k = pt->type[d] < 0 ? K : pt->type[d];

				x += s->dbest[d * (K + 1) + k];
				pick[d] = pt->type[d] < 0 ? -1 : s->djbest[d * (K + 1) + k];
			}
		}
		if (x < bv) {
			bv = x;
			bp = p;
			memcpy(bpick, pick, sizeof pick);
		}
	}
	if (bp < 0)
		return 0;
	mark = s->jn;
	s->jon++;
	for (i = 0; i < cl->n_req; i++)
		wfm_pl_ls_set_grant(s, cl->req[i], cl->pat[bp].grant >> i & 1);
	for (d = 0; d < c->D; d++) {
		int j = bpick[d];
		const signed char *bo = j >= 0 ? s->vbo + (d * c->maxtm + j) * PL_MAXB : NULL;

		if (j == r->tm[a * c->D + d] &&
		    (j < 0 || !memcmp(bo, r->bo + (a * c->D + d) * PL_MAXB,
				      (size_t)c->nb[c->tmpl[d][j].type])))
			continue;
		wfm_pl_ls_set_day(s, a, d, j, bo);
	}
	s->jon--;
	s->cur = wfm_pl_ls_total(s);
	if (force || s->cur < before - 1e-9) {
		if (!s->jon)
			s->jn = mark;
		return 1;
	}
	wfm_pl_ls_undo(s, mark);
	return 0;
}

int wfm_pl_ls_init(pl_ls *s, pl_ctx *c, pl_roster *r, pl_flow *f, unsigned *seed)
{
	size_t DT = (size_t)c->D * (size_t)c->T;
	int a, d, i;

	memset(s, 0, sizeof *s);
	s->c = c;
	s->r = r;
	s->f = f;
	s->seed = seed;
	s->m0 = malloc((size_t)c->T + 1);
	s->m1 = malloc((size_t)c->T + 1);
	s->defcost = calloc((size_t)c->L + 1, sizeof *s->defcost);
	s->v = malloc((DT + 1) * sizeof *s->v);
	s->pre = malloc(((size_t)c->D * (size_t)(c->T + 1) + 1) * sizeof *s->pre);
	s->val = malloc(((size_t)c->D * (size_t)c->maxtm + 1) * sizeof *s->val);
	s->vbo = calloc((size_t)c->D * (size_t)c->maxtm * PL_MAXB + 1, 1);
	s->dbest = malloc((size_t)c->D * (size_t)(c->ru->n_types + 1) * sizeof *s->dbest);
	s->djbest = malloc((size_t)c->D * (size_t)(c->ru->n_types + 1) * sizeof *s->djbest);
	s->cbest = malloc(((size_t)c->D * (size_t)c->maxtm + 1) * sizeof *s->cbest);
	s->cfrom = malloc(((size_t)c->D * (size_t)c->maxtm + 1) * sizeof *s->cfrom);
	if (!s->m0 || !s->m1 || !s->defcost || !s->v || !s->pre || !s->val || !s->vbo ||
	    !s->dbest || !s->djbest || !s->cbest || !s->cfrom || wfm_pl_fill_flow(c, r, f))
		return -1;
	for (a = 0; a < c->A; a++)
		for (d = 0; d < c->D; d++) {
			int j = r->tm[a * c->D + d];

			if (j >= 0 && !wfm_pl_pref_ok(c, a, d, j))
				s->extra += c->ru->w_pref;
		}
	for (i = 0; i < c->in->n_leave; i++)
		if (c->in->leave[i].requested && !r->grant[i])
			s->extra += c->req_cost[i];
	s->cur = wfm_pl_ls_total(s);
	return 0;
}

void wfm_pl_ls_release(pl_ls *s)
{
	free(s->m0);
	free(s->m1);
	free(s->defcost);
	free(s->v);
	free(s->pre);
	free(s->val);
	free(s->vbo);
	free(s->dbest);
	free(s->djbest);
	free(s->cbest);
	free(s->cfrom);
	free(s->jr);
}
