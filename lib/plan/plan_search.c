/* plan_search.c - local search on an individual roster.
 *
 * The state is the roster plus, for every interval, the optimal assignment
 * of the agents on the floor to lines (plan_flow.c).  Its cost is exact:
 * the flow keeps the cost of lines without deferred work, lines with
 * deferred work are recomputed when their cover changes, preferences and
 * refused leave are counted alongside.
 *
 * The main move is an agent's best response: the week that costs least
 * with everybody else fixed.  Intervals are independent cells, so the cost
 * of any week of agent a is a sum over intervals of "a on the floor here" or
 * not; one probe per interval (the cheapest path to add or remove one agent
 * of a's group, without changing anything) prices every template, every
 * break offset and every weekly pattern of a's class at once.  Lines with
 * deferred work are priced by the flow's stand-in cost, so a response is
 * applied and kept only when the exact cost drops.  A second move swaps the
 * shifts of two agents of different skill groups on one day.
 *
 * Around the descent runs an iterated local search: a few agents get a
 * random other week, best responses repair around them, and the change is
 * kept when the cost is no worse, undone from a journal otherwise.
 * Hard rules hold throughout: templates allowed for the agent, rest between
 * days, sessions covered and free of breaks, weeks from the class's list.
 */
#include "plan_impl.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define BIG 1e300

typedef struct jentry {
	int a, d, j;            /* d < 0: a grant, j its old value, a the leave */
	signed char bo[PL_MAXB];
} jentry;

typedef struct ls {
	pl_ctx *c;
	pl_roster *r;
	pl_flow *f;
	unsigned *seed;
	unsigned char *m0, *m1;
	double *defcost;  /* [line] exact cost of a line with deferred work */
	double extra;     /* preference and refused-leave costs */
	double cur;       /* the exact cost of the state */
	/* best response work space */
	double *v;        /* [d * T + t] value of being on the floor */
	double *pre;      /* [d * (T + 1) + t] prefix sums of v */
	double *val;      /* [d * maxtm + j] cost change of template j (best breaks) */
	signed char *vbo; /* [(d * maxtm + j) * PL_MAXB + b] its break offsets */
	double *dbest;    /* [d * (types + 1) + k] best per type, k = types: off */
	int *djbest;      /* its template */
	/* journal */
	jentry *jr;
	int jn, jcap, jon, jfail;
} ls;

static unsigned rnd(unsigned *s)
{
	*s = *s * 1103515245u + 12345u;
	return *s >> 8;
}

static double total(ls *s)
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

static void journal(ls *s, int a, int d, int j, const signed char *bo)
{
	if (!s->jon || s->jfail)
		return;
	if (s->jn == s->jcap) {
		int nc = s->jcap ? 2 * s->jcap : 256;
		jentry *p = realloc(s->jr, (size_t)nc * sizeof *p);

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
static void set_day(ls *s, int a, int d, int j, const signed char *bo)
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

static void set_grant(ls *s, int lv, int on)
{
	pl_ctx *c = s->c;

	if (s->r->grant[lv] == on)
		return;
	journal(s, lv, -1, s->r->grant[lv], NULL);
	s->extra += on ? -c->req_cost[lv] : c->req_cost[lv];
	s->r->grant[lv] = (unsigned char)on;
}

/* Undoes the journal back to entry `mark`. */
static void undo(ls *s, int mark)
{
	int on = s->jon;

	s->jon = 0;
	while (s->jn > mark) {
		jentry *e = &s->jr[--s->jn];

		if (e->d < 0)
			set_grant(s, e->a, e->j);
		else
			set_day(s, e->a, e->d, e->j, e->bo);
	}
	s->jon = on;
	s->cur = total(s);
}

/* Agent a's sessions on day d: start and length of up to two. */
static int sessions_of(const pl_ctx *c, const pl_roster *r, int a, int d, int *t0, int *len)
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

static int rest_ok(const pl_ctx *c, int d, int j, int jj)
{
	return (1440 / c->iv + c->tmpl[d + 1][jj].s - c->tmpl[d][j].e) * c->iv >=
	       c->ru->min_rest_min;
}

/* Prices every template of agent a on day d (cost change against the
 * current day, with the best break offsets), and the day off. */
static void price_day(ls *s, int a, int d)
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
	ns = sessions_of(c, r, a, d, st, sl);
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
 * `type` that keep the rest; fills pick[] and returns the cost or BIG. */
static double rest_chain(ls *s, const signed char *type, int *pick)
{
	pl_ctx *c = s->c;
	double best[PL_MAXD][128];
	int from[PL_MAXD][128], d, j, jj, J;
	double sum = 0;

	for (d = 0; d < c->D; d++) {
		J = c->n_tmpl[d] < 128 ? c->n_tmpl[d] : 128;
		if (type[d] < 0)
			continue;
		for (j = 0; j < J; j++) {
			double x = s->val[d * c->maxtm + j], bp = BIG;
			int bj = -1;

			best[d][j] = BIG;
			from[d][j] = -1;
			if (x >= BIG || c->tmpl[d][j].type != type[d])
				continue;
			if (d > 0 && type[d - 1] >= 0 && c->next_ok[d - 1]) {
				for (jj = 0; jj < (c->n_tmpl[d - 1] < 128 ? c->n_tmpl[d - 1] : 128); jj++)
					if (best[d - 1][jj] < bp && rest_ok(c, d - 1, jj, j)) {
						bp = best[d - 1][jj];
						bj = jj;
					}
				if (bj < 0)
					continue;
				best[d][j] = bp + x;
				from[d][j] = bj;
			} else {
				best[d][j] = x;
			}
		}
	}
	/* chains end at a day whose next day is not worked or not consecutive */
	for (d = c->D - 1; d >= 0; d--) {
		double bv = BIG;
		int bj = -1, dd;

		if (type[d] < 0 || (d + 1 < c->D && type[d + 1] >= 0 && c->next_ok[d]))
			continue;
		J = c->n_tmpl[d] < 128 ? c->n_tmpl[d] : 128;
		for (j = 0; j < J; j++)
			if (best[d][j] < bv) {
				bv = best[d][j];
				bj = j;
			}
		if (bj < 0)
			return BIG;
		sum += bv;
		for (dd = d; bj >= 0; dd--) {
			pick[dd] = bj;
			if (dd == 0 || type[dd - 1] < 0 || !c->next_ok[dd - 1])
				break;
			bj = from[dd][bj];
		}
	}
	return sum;
}

/* Agent a's best week; applied when the exact cost drops (or always, with
 * `force`, for an agent without a week yet; with force 2 the best week of
 * another pattern than the current one).  Returns 1 when applied. */
static int best_response(ls *s, int a, int force)
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
		set_grant(s, cl->req[i], cl->pat[bp].grant >> i & 1);
	for (d = 0; d < c->D; d++) {
		int j = bpick[d];
		const signed char *bo = j >= 0 ? s->vbo + (d * c->maxtm + j) * PL_MAXB : NULL;

		if (j == r->tm[a * c->D + d] &&
		    (j < 0 || !memcmp(bo, r->bo + (a * c->D + d) * PL_MAXB,
				      (size_t)c->nb[c->tmpl[d][j].type])))
			continue;
		set_day(s, a, d, j, bo);
	}
	s->jon--;
	s->cur = total(s);
	if (force || s->cur < before - 1e-9) {
		if (!s->jon)
			s->jn = mark;
		return 1;
	}
	undo(s, mark);
	return 0;
}

static int has_session(const pl_ctx *c, const pl_roster *r, int a, int d)
{
	int st[2], sl[2];

	return sessions_of(c, r, a, d, st, sl) > 0;
}

static int rest_fits(const pl_ctx *c, const pl_roster *r, int a, int d, int j)
{
	const pl_class *cl = &c->cls[c->cls_of[a]];
	int p, q;

	if (!cl->rest || j < 0)
		return 1;
	if (d > 0 && c->next_ok[d - 1] && (p = r->tm[a * c->D + d - 1]) >= 0 &&
	    !rest_ok(c, d - 1, p, j))
		return 0;
	if (d + 1 < c->D && c->next_ok[d] && (q = r->tm[a * c->D + d + 1]) >= 0 &&
	    !rest_ok(c, d, j, q))
		return 0;
	return 1;
}

/* Agents a and b (different skill groups, both working day d on shifts of
 * the same type) exchange their shifts and breaks. */
static int move_swap(ls *s, int a, int d, int tries)
{
	pl_ctx *c = s->c;
	pl_roster *r = s->r;
	int ja = r->tm[a * c->D + d], b, mark;
	signed char boa[PL_MAXB], bob[PL_MAXB];
	double before = s->cur;

	if (ja < 0 || has_session(c, r, a, d))
		return 0;
	memcpy(boa, r->bo + (a * c->D + d) * PL_MAXB, PL_MAXB);
	while (tries-- > 0) {
		int jb;

		b = (int)(rnd(s->seed) % (unsigned)c->A);
		jb = r->tm[b * c->D + d];
		if (b == a || jb < 0 || jb == ja || c->grp_of[b] == c->grp_of[a] ||
		    c->tmpl[d][jb].type != c->tmpl[d][ja].type || has_session(c, r, b, d) ||
		    !c->cls[c->cls_of[a]].ok[d][jb] || !c->cls[c->cls_of[b]].ok[d][ja] ||
		    !rest_fits(c, r, a, d, jb) || !rest_fits(c, r, b, d, ja))
			continue;
		memcpy(bob, r->bo + (b * c->D + d) * PL_MAXB, PL_MAXB);
		mark = s->jn;
		s->jon++;
		set_day(s, a, d, jb, bob);
		set_day(s, b, d, ja, boa);
		s->jon--;
		s->cur = total(s);
		if (s->cur < before - 1e-9) {
			if (!s->jon)
				s->jn = mark;
			return 1;
		}
		undo(s, mark);
	}
	return 0;
}

/* Puts agent a on a random other week of its class (random templates,
 * middle break offsets); sessions and rest are kept.  Returns 1 if moved. */
static int kick(ls *s, int a)
{
	pl_ctx *c = s->c;
	pl_roster *r = s->r;
	const pl_class *cl = &c->cls[c->cls_of[a]];
	int p = (int)(rnd(s->seed) % (unsigned)cl->n_pat), d, i;
	const pl_pat *pt = &cl->pat[p];

	for (d = 0; d < c->D; d++) {
		int j = r->tm[a * c->D + d], ct = j < 0 ? -1 : c->tmpl[d][j].type;

		if (ct != pt->type[d] && (has_session(c, r, a, d) || cl->rest))
			return 0;
	}
	for (i = 0; i < cl->n_req; i++)
		set_grant(s, cl->req[i], pt->grant >> i & 1);
	for (d = 0; d < c->D; d++) {
		int j = r->tm[a * c->D + d], ct = j < 0 ? -1 : c->tmpl[d][j].type, n = 0, jj, pick = -1;
		signed char bo[PL_MAXB];

		if (ct == pt->type[d])
			continue;
		if (pt->type[d] < 0) {
			set_day(s, a, d, -1, NULL);
			continue;
		}
		for (jj = 0; jj < c->n_tmpl[d]; jj++)
			if (cl->ok[d][jj] && c->tmpl[d][jj].type == pt->type[d] &&
			    (rnd(s->seed) % (unsigned)++n) == 0)
				pick = jj;
		for (i = 0; i < c->nb[pt->type[d]]; i++)
			bo[i] = (signed char)((c->bmin[pt->type[d]][i] + c->bmax[pt->type[d]][i]) / 2);
		set_day(s, a, d, pick, bo);
	}
	s->cur = total(s);
	return 1;
}

/* Descent over the agents in `order` (n of them).  Returns 1 when stopped
 * by the clock. */
static int descend(ls *s, int *order, int n, const pl_clock *k, double until, int rounds,
		   int swaps)
{
	pl_ctx *c = s->c;
	int round, i, d, moved = 1;

	for (round = 0; moved && round < rounds; round++) {
		moved = 0;
		for (i = n - 1; i > 0; i--) {
			int q = (int)(rnd(s->seed) % (unsigned)(i + 1)), tmp = order[i];

			order[i] = order[q];
			order[q] = tmp;
		}
		for (i = 0; i < n; i++) {
			int a = order[i];

			if (wfm_pl_should_stop(k) || wfm_pl_elapsed(k) >= until)
				return 1;
			moved += best_response(s, a, 0);
			for (d = 0; swaps && d < c->D; d++)
				moved += move_swap(s, a, d, swaps);
		}
	}
	return 0;
}

static int ls_init(ls *s, pl_ctx *c, pl_roster *r, pl_flow *f, unsigned *seed)
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
	if (!s->m0 || !s->m1 || !s->defcost || !s->v || !s->pre || !s->val || !s->vbo ||
	    !s->dbest || !s->djbest || wfm_pl_fill_flow(c, r, f))
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
	s->cur = total(s);
	return 0;
}

static void ls_release(ls *s)
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
	free(s->jr);
}

/* Break offsets that are outside the window of the day's shift type or in
 * a session are set back to a valid default. */
static void fix_breaks(ls *s)
{
	pl_ctx *c = s->c;
	pl_roster *r = s->r;
	int a, d, b;

	for (a = 0; a < c->A; a++)
		for (d = 0; d < c->D; d++) {
			int j = r->tm[a * c->D + d], ty, bad = 0, st[2], sl[2], ns, q;
			signed char *bo = r->bo + (a * c->D + d) * PL_MAXB;

			if (j < 0)
				continue;
			ty = c->tmpl[d][j].type;
			ns = sessions_of(c, r, a, d, st, sl);
			for (b = 0; b < c->nb[ty]; b++) {
				int bs = c->tmpl[d][j].s + bo[b];

				if (bo[b] < c->bmin[ty][b] || bo[b] > c->bmax[ty][b])
					bad = 1;
				for (q = 0; q < ns; q++)
					if (bs < st[q] + sl[q] && st[q] < bs + c->blen[ty][b])
						bad = 1;
			}
			if (!bad)
				continue;
			for (b = 0; b < c->nb[ty]; b++) {
				int o, mid = (c->bmin[ty][b] + c->bmax[ty][b]) / 2, step, found = 0;

				for (step = 0; !found && step <= 2 * (c->bmax[ty][b] - c->bmin[ty][b]) + 1;
				     step++) {
					o = mid + (step % 2 ? (step + 1) / 2 : -(step / 2));
					if (o < c->bmin[ty][b] || o > c->bmax[ty][b])
						continue;
					found = 1;
					for (q = 0; q < ns; q++)
						if (c->tmpl[d][j].s + o < st[q] + sl[q] &&
						    st[q] < c->tmpl[d][j].s + o + c->blen[ty][b])
							found = 0;
					if (found)
						bo[b] = (signed char)o;
				}
			}
		}
}

/* A roster from nothing: every agent in turn takes its best week against
 * the agents placed before it; then the trainings go to the slots with the
 * most spare agents, their attendees' shifts made to cover them.  Returns
 * 0, -1 when out of memory, -2 when the trainings could not be staffed. */
int wfm_pl_construct(pl_ctx *c, pl_roster *r, pl_flow *f, const pl_clock *k, unsigned *seed)
{
	ls s;
	int *order = malloc(((size_t)c->A + 1) * sizeof *order), i, ret = 0;

	(void)k;
	wfm_pl_roster_clear(c, r);
	if (!order || ls_init(&s, c, r, f, seed)) {
		ret = -1;
		goto out;
	}
	for (i = 0; i < c->A; i++)
		order[i] = i;
	for (i = c->A - 1; i > 0; i--) {
		int q = (int)(rnd(seed) % (unsigned)(i + 1)), tmp = order[i];

		order[i] = order[q];
		order[q] = tmp;
	}
	for (i = 0; i < c->A; i++)
		best_response(&s, order[i], 1);
	if (c->NT) {
		if (!wfm_pl_place_trainings(c, r, NULL, f->cnt))
			ret = -2;
		fix_breaks(&s);
	}
out:
	ls_release(&s);
	free(order);
	return ret;
}

/* Adds up to `more` agents related to the first n of sub[]: of the same
 * skill group, or of a group holding one of its lines (random picks). */
static int related(const pl_ctx *c, int *sub, int n, int more, unsigned *seed)
{
	int n0 = n, tries;

	for (tries = 0; n0 > 0 && n < n0 + more && n < c->A && tries < 8 * more; tries++) {
		int a = sub[rnd(seed) % (unsigned)n0], g = c->grp_of[a], h = g, i, b;
		const pl_group *gr = &c->grp[g];

		if (rnd(seed) % 2) {
			/* a group sharing one of a's lines */
			int l = gr->lines[rnd(seed) % (unsigned)gr->n_lines], q, cand = 0;

			for (q = 0; q < c->n_grp; q++) {
				for (i = 0; i < c->grp[q].n_lines; i++)
					if (c->grp[q].lines[i] == l && rnd(seed) % (unsigned)++cand == 0)
						h = q;
			}
		}
		{
			const pl_group *hg = &c->grp[h];
			const pl_class *cl = &c->cls[hg->cls[rnd(seed) % (unsigned)hg->n_cls]];

			b = cl->member[rnd(seed) % (unsigned)cl->n];
		}
		for (i = 0; i < n && sub[i] != b; i++)
			;
		if (i == n)
			sub[n++] = b;
	}
	return n;
}

int wfm_pl_improve(pl_ctx *c, pl_roster *r, pl_flow *f, const pl_clock *k, double until,
	       double target, const pl_hook *hook, unsigned *seed)
{
	ls s;
	int *order = malloc(((size_t)c->A + 1) * sizeof *order), i, a, ret = 0;
	int *sub = malloc(((size_t)c->A + 1) * sizeof *sub);
	double bestv, prev, t_start, temp0 = 0.05;
	pl_roster *best = wfm_pl_roster_new(c);

	if (!best || !order || !sub || ls_init(&s, c, r, f, seed)) {
		ret = -1;
		goto out;
	}
	for (i = 0; i < c->A; i++)
		order[i] = i;
	if (descend(&s, order, c->A, k, until, 100, 8))
		goto done;
	bestv = prev = s.cur;
	wfm_pl_roster_copy(c, best, r);
	t_start = wfm_pl_elapsed(k);
	if (hook && hook->better)
		hook->better(hook->ctx, bestv);
	/* iterated local search: kick a few weeks, repair around them */
	while (!wfm_pl_should_stop(k) && wfm_pl_elapsed(k) < until && bestv > target) {
		int nk = 1 + (int)(rnd(seed) % 3), n = 0;
		double now, span = until - t_start, frac, temp, rise;

		s.jon = 1;
		s.jn = 0;
		s.jfail = 0;
		for (i = 0; i < nk; i++) {
			a = (int)(rnd(seed) % (unsigned)c->A);
			if (rnd(seed) % 2 ? best_response(&s, a, 2) : kick(&s, a))
				sub[n++] = a;
		}
		n = related(c, sub, n, 16, seed);
		descend(&s, sub, n, k, until, 3, 2);
		/* annealing: a worse state is kept with probability exp(-rise / temp),
		 * the temperature falling to zero at `until` */
		now = wfm_pl_elapsed(k);
		frac = span > 0 ? (now - t_start) / span : 1;
		if (frac > 1)
			frac = 1;
		temp = temp0 * (1 - frac);
		rise = s.cur - prev;
		if (s.jfail || (rise > 1e-9 &&
				(temp <= 0 ||
				 (double)(rnd(seed) % 100000) / 100000.0 >= exp(-rise / temp)))) {
			undo(&s, 0);
		} else {
			prev = s.cur;
			if (s.cur < bestv - 1e-9) {
				if (hook && hook->better)
					hook->better(hook->ctx, s.cur);
				bestv = s.cur;
				wfm_pl_roster_copy(c, best, r);
			}
		}
		s.jon = 0;
		s.jn = 0;
	}
	if (s.cur > bestv + 1e-9)
		wfm_pl_roster_copy(c, r, best);
done:
	ls_release(&s);
out:
	free(order);
	free(sub);
	wfm_pl_roster_free(best);
	return ret;
}
