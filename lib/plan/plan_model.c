/* plan_model.c - the MIP in GLPK.
 *
 * Columns (all counts are of agents):
 *   p  class x weekly pattern          integer; a class's sum is its size
 *   g  requested leave granted         binary; = the patterns granting it
 *   n  template group x day x template integer; per shift type = patterns'
 *   P  skill group x day x interval    present (a running sum of n)
 *   b  skill group x day x interval    of them on a break or lunch
 *   y  skill group x day x interval x line   on each line
 *   d, u, o  per day, interval, line   cover against the requirement
 *   z  training session x slot         binary; one slot per session
 *   w  unit x session x slot           integer; attendees from a class (a
 *                                      listed training) or template group
 *   m, late  deferred work done per interval; hours late per day
 * Rows: pattern sums; shift types per template group and day = patterns;
 * leave links; present(t) = present(t-1) + starts(t) - ends(t); floor =
 * present - on break - in training = sum of its lines; break time per
 * group and day = the break time of its templates; coverage per interval
 * and line; rest between days; training sessions, group sizes and
 * attendance; deferred work released and due.
 *
 * The model is a relaxation of the rosters, so its LP value is a valid
 * bound; the read-back (plan_round.c) and the search make rosters exact.
 * What it leaves out: where inside their windows breaks fall (each group
 * takes its agents' break time, anywhere it is present), a trainee's own
 * shift covering its session (its group stays present enough), and one
 * line per agent (flows y are continuous).  On the instances measured, the
 * exact break windows did not change the LP value but made the interior
 * point three times slower.
 *
 * Coverage cost.  For a line without deferred work, cover c (whole agents)
 * against requirement r = r0 + f (r0 whole, 0 <= f < 1) costs
 * h * (wu * (r - c)+ + wo * (c - r)+).  Between r0 and r0 + 1 the model uses
 * the straight line through the costs at r0 and r0 + 1: c = r0 + d + o - u
 * with 0 <= d <= 1 and cost h * (wu f + (wo (1 - f) - wu f) d + wu u + wo o).
 * The function is convex and equal to the true cost at every whole c, so
 * the bound holds for rosters with one line per agent, and it is tighter
 * than plain slacks.  Lines with deferred work use plain slacks: their
 * agents may share an interval between calls and e-mail.
 *
 * With the service objective a cell's cost f(c) (plan_cost.c) is convex and
 * is carried as unit segments of the cover (svc_cell): the LP fills the
 * cheapest first and agrees with f at every whole cover.  On a line with
 * deferred work the agents above the requirement do that work, which no
 * linear model can say exactly (a spare of (c - r)+ is not convex); the LP
 * may instead set agents below r to the work, each at a price kappa taken
 * off the service curve below r, as much as keeps it convex (svc_kappa), so
 * that every roster still costs in the LP what it costs.
 *
 * The constant part of the objective is GLPK's column 0; glp_write_lp
 * writes it as a comment.
 */
#include "plan_impl.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct trip {
	int n, cap;
	int *ia, *ja;
	double *ar;
	int fail;
} trip;

static void put(trip *m, int row, int col, double v)
{
	if (m->fail || v == 0)
		return;
	if (m->n + 1 >= m->cap) {
		int nc = m->cap ? 2 * m->cap : 1 << 16;
		int *ia = realloc(m->ia, (size_t)nc * sizeof *ia);
		int *ja;
		double *ar;

		if (ia)
			m->ia = ia;
		ja = realloc(m->ja, (size_t)nc * sizeof *ja);
		if (ja)
			m->ja = ja;
		ar = realloc(m->ar, (size_t)nc * sizeof *ar);
		if (ar)
			m->ar = ar;
		if (!ia || !ja || !ar) {
			m->fail = 1;
			return;
		}
		m->cap = nc;
	}
	m->n++;
	m->ia[m->n] = row;
	m->ja[m->n] = col;
	m->ar[m->n] = v;
}

static int add_col(glp_prob *P, const char *name, int kind, double lo, double hi, double obj)
{
	int j = glp_add_cols(P, 1);

	if (name)
		glp_set_col_name(P, j, name);
	glp_set_col_kind(P, j, kind);
	if (kind == GLP_BV)
		;
	else if (hi < 0)
		glp_set_col_bnds(P, j, GLP_LO, lo, 0);
	else if (hi == lo)
		glp_set_col_bnds(P, j, GLP_FX, lo, lo);
	else
		glp_set_col_bnds(P, j, GLP_DB, lo, hi);
	if (obj != 0)
		glp_set_obj_coef(P, j, obj);
	return j;
}

static int add_row(glp_prob *P, const char *name, int type, double lo, double hi)
{
	int i = glp_add_rows(P, 1);

	if (name)
		glp_set_row_name(P, i, name);
	glp_set_row_bnds(P, i, type, lo, hi);
	return i;
}

/* Names make the written model readable; nb is the caller's buffer. */
#define NM(...) (snprintf(nb, sizeof nb, __VA_ARGS__), nb)

static size_t gdt(const pl_ctx *c, int g, int d, int t)
{
	return ((size_t)g * PL_MAXD + (size_t)d) * (size_t)c->T + (size_t)t;
}

static size_t dtl(const pl_ctx *c, int d, int t, int l)
{
	return ((size_t)d * (size_t)c->T + (size_t)t) * (size_t)c->L + (size_t)l;
}

/* The kappa of a cell on a line with deferred work (service objective): the
 * most, up to h w_deferred, that the LP may charge per agent below the
 * requirement r while svc(c) - kappa (r - c)+ stays convex at the whole c,
 * so that spare agents the LP invents below r to do deferred work cost
 * something (see the top of this file). */
static double svc_kappa(const pl_ctx *c, size_t ci, int n)
{
	double r = c->in->req[ci], kap = c->h * c->ru->w_deferred;
	int k;

	for (k = 0; k + 1 < n; k++) {
		double a0 = wfm_pl_svc_cost(c, ci, k + 1) - wfm_pl_svc_cost(c, ci, k);
		double a1 = wfm_pl_svc_cost(c, ci, k + 2) - wfm_pl_svc_cost(c, ci, k + 1);
		double b0 = r >= k + 1 ? 1 : r > k ? r - k : 0;
		double b1 = r >= k + 2 ? 1 : r > k + 1 ? r - k - 1 : 0;

		if (b0 > b1 + 1e-12 && (a1 - a0) / (b0 - b1) < kap)
			kap = (a1 - a0) / (b0 - b1);
	}
	return kap > 0 ? kap : 0;
}

/* f interpolated linearly between its whole points 0 .. K, at x in [0, K]. */
static double interp(const double *f, int K, double x)
{
	int i = (int)floor(x);

	if (i >= K)
		i = K - 1;
	if (i < 0)
		i = 0;
	return f[i] + (f[i + 1] - f[i]) * (x - i);
}

/* Of the pieces [k, k + 1] of a convex f given at 0 .. K (f[k]), which to
 * keep so that the maximum of their lines (each extended beyond its piece)
 * stays within tol of f interpolated between its whole points (the LP's
 * covers need not be whole): pieces 0 and K - 1 always, then greedily as few
 * as the tolerance allows.  The gap between two kept lines p < q is largest
 * at a whole point or where they meet.  Writes the kept pieces to keep[] in
 * order and returns their count. */
static int thin_pieces(const double *f, int K, double tol, int *keep)
{
	int n = 0, p = 0, q, x;

	keep[n++] = 0;
	while (p < K - 1) {
		/* the farthest q > p whose line, with p's, stays within tol in
		 * between */
		int best = p + 1;

		for (q = p + 1; q < K; q++) {
			double mp = f[p + 1] - f[p], mq = f[q + 1] - f[q], worst = 0, xs;

			for (x = p + 1; x <= q + 1; x++) {
				double lp = f[p] + mp * (x - p), lq = f[q] + mq * (x - q);
				double g = lp > lq ? lp : lq;

				if (x == q + 1) {
					if (mq - mp <= 1e-15)
						break;
					/* where the lines meet */
					xs = (f[q] - mq * q - f[p] + mp * p) / (mp - mq);
					if (xs < p || xs > q + 1)
						break;
					g = f[p] + mp * (xs - p);
					if (interp(f, K, xs) - g > worst)
						worst = interp(f, K, xs) - g;
					break;
				}
				if (f[x] - g > worst)
					worst = f[x] - g;
			}
			if (worst > tol)
				break;
			best = q;
		}
		/* q stopped at the first piece that no longer fits: keep the last
		 * that did (the next piece at the least) */
		keep[n++] = best;
		p = best;
	}
	return n;
}

/* Adds the segments of f over [a, b] (whole points; a < b), kept pieces
 * from thin_pieces, as columns in the cover row with coefficient `sign` and
 * costs sign * slope, walking away from the reference point: upwards from a
 * (dir 1) or downwards from b (dir -1).  The last segment upwards has no
 * upper bound.  Returns the number of columns, -1 when out of memory. */
static int add_segments(pl_ctx *c, trip *m, const double *f, int a, int b, int dir, int row,
			int d, int t, int l, int last_open, double tol)
{
	glp_prob *P = c->P;
	char nb[64];
	int K = b - a, np, k, *keep = malloc((size_t)(K + 1) * sizeof *keep), j;
	double *g = malloc((size_t)(K + 1) * sizeof *g), x0 = 0;

	if (!keep || !g) {
		free(keep);
		free(g);
		return -1;
	}
	/* g[x] = f at x steps away from the reference point: convex too */
	for (k = 0; k <= K; k++)
		g[k] = dir > 0 ? f[a + k] : f[b - k];
	np = thin_pieces(g, K, tol, keep);
	for (k = 0; k < np; k++) {
		int p = keep[k];
		double mp = g[p + 1] - g[p], x1;

		if (k + 1 < np) {
			int q = keep[k + 1];
			double mq = g[q + 1] - g[q];

			x1 = mq - mp > 1e-15 ? (g[q] - mq * q - g[p] + mp * p) / (mp - mq) : q;
			if (x1 < p + 1)
				x1 = p + 1;
			if (x1 > q)
				x1 = q;
		} else {
			x1 = last_open ? -1 : K;
		}
		j = add_col(P, NM("s%c_%d_%d_%d_%d", dir > 0 ? 'u' : 'd', d, t, l, k), GLP_CV, 0,
			    x1 < 0 ? -1 : x1 - x0, mp);
		put(m, row, j, dir > 0 ? -1 : 1);
		x0 = x1;
	}
	free(keep);
	free(g);
	return np;
}

/* Service objective: the cell's cost f(c) (plan_cost.c; convex) as segments
 * of its cover on both sides of a reference point R = ceil(r): cover =
 * R - sum s_down + sum s_up, each segment at the slope of f away from R
 * (so every segment costs >= ... what f rises by), the lines of the kept
 * pieces of f (thin_pieces: within svc_tol of f on large models, exact on
 * small ones) between the points where they meet, the last one up without
 * an upper bound; the LP fills the cheapest first and never charges more
 * than f at a whole cover.  Measuring from R keeps the objective's
 * constant small (sum f(R)), which the interior point likes.  Lines without
 * deferred work: f(c) = svc(c) + h w_over (c - r)+; the cover row reads
 * sum y + sum s_down - sum s_up = R.  Lines with deferred work: f(c) =
 * svc(c) - kappa (r - c)+ and a spare row R - sum s_down + sum s_up - o - m
 * + u = r (o: spare idle at h w_over, m: deferred work, u: below r at
 * kappa). */
static int svc_cell(pl_ctx *c, trip *m, int d, int t, int l)
{
	glp_prob *P = c->P;
	char nb[64];
	size_t i = dtl(c, d, t, l);
	double r = c->in->req[i], wo = c->h * c->ru->w_over, kap = 0, *f;
	int n = c->svc_of[i] >= 0 ? c->in->service[c->svc_of[i]].n : 1, K, k, row, j, R;
	int def = c->deferred_line[l], nd = 0, nu;

	R = (int)ceil(r - 1e-9);
	K = n > R + 1 ? n : R + 1;
	if (def)
		kap = svc_kappa(c, i, n);
	f = malloc((size_t)(K + 1) * sizeof *f);
	if (!f)
		return -1;
	for (k = 0; k <= K; k++)
		f[k] = wfm_pl_svc_cost(c, i, k) + (def ? -kap * (k < r ? r - k : 0) :
						    (k > r ? wo * (k - r) : 0));
	row = add_row(P, NM("cover_%d_%d_%d", d, t, l), GLP_FX, R, R);
	c->row_cover[i] = row;
	c->seg_ref[i] = R;
	c->obj_const += f[R];
	c->col_seg[i] = glp_get_num_cols(P) + 1;
	if (R > 0 && (nd = add_segments(c, m, f, 0, R, -1, row, d, t, l, 0, c->svc_tol)) < 0) {
		free(f);
		return -1;
	}
	nu = add_segments(c, m, f, R, K, 1, row, d, t, l, 1, c->svc_tol);
	free(f);
	if (nu < 0)
		return -1;
	c->col_nlo[i] = nd;
	c->col_nseg[i] = nd + nu;
	if (!def)
		return 0;
	row = add_row(P, NM("spare_%d_%d_%d", d, t, l), GLP_FX, r - R, r - R);
	for (k = 0; k < nd + nu; k++)
		put(m, row, c->col_seg[i] + k, k < nd ? -1 : 1);
	j = add_col(P, NM("o_%d_%d_%d", d, t, l), GLP_CV, 0, -1, wo);
	put(m, row, j, -1);
	c->col_cell[i] = j;
	add_col(P, NM("m_%d_%d_%d", d, t, l), GLP_CV, 0, -1, 0);
	put(m, row, j + 1, -1);
	add_col(P, NM("u_%d_%d_%d", d, t, l), GLP_CV, 0, -1, kap);
	put(m, row, j + 2, 1);
	return 0;
}

static int build_cells(pl_ctx *c, trip *m)
{
	glp_prob *P = c->P;
	char nb[64];
	int d, t, l;
	size_t cells = (size_t)c->D * (size_t)c->T * (size_t)c->L;

	c->col_cell = calloc(cells + 1, sizeof *c->col_cell);
	c->row_cover = calloc(cells + 1, sizeof *c->row_cover);
	c->col_seg = calloc(cells + 1, sizeof *c->col_seg);
	c->col_nseg = calloc(cells + 1, sizeof *c->col_nseg);
	c->col_nlo = calloc(cells + 1, sizeof *c->col_nlo);
	c->seg_ref = calloc(cells + 1, sizeof *c->seg_ref);
	if (!c->col_cell || !c->row_cover || !c->col_seg || !c->col_nseg || !c->col_nlo ||
	    !c->seg_ref)
		return -1;
	for (d = 0; d < c->D; d++)
		for (t = 0; t < c->T; t++)
			for (l = 0; l < c->L; l++) {
				size_t i = dtl(c, d, t, l);
				double r = c->in->req[i], wu = c->ru->w_under * c->in->line[l].weight;
				double wo = c->ru->w_over, h = c->h, r0, f;
				int row, j;

				if (t < c->open_t[d] || t >= c->close_t[d]) {
					c->obj_const += wfm_pl_live_cost(c, d, t, l, 0);
					continue;
				}
				if (c->svc_mode) {
					if (svc_cell(c, m, d, t, l))
						return -1;
					continue;
				}
				if (c->deferred_line[l]) {
					row = add_row(P, NM("cover_%d_%d_%d", d, t, l), GLP_FX, r, r);
					j = add_col(P, NM("u_%d_%d_%d", d, t, l), GLP_CV, 0, -1, h * wu);
					put(m, row, j, 1);
					add_col(P, NM("o_%d_%d_%d", d, t, l), GLP_CV, 0, -1, h * wo);
					put(m, row, j + 1, -1);
					add_col(P, NM("m_%d_%d_%d", d, t, l), GLP_CV, 0, -1, 0);
					put(m, row, j + 2, -1);
				} else {
					r0 = floor(r + 1e-9);
					f = r - r0;
					if (f < 1e-9)
						f = 0;
					row = add_row(P, NM("cover_%d_%d_%d", d, t, l), GLP_FX, r0, r0);
					j = add_col(P, NM("d_%d_%d_%d", d, t, l), GLP_CV, 0, 1,
						    h * (wo * (1 - f) - wu * f));
					put(m, row, j, -1);
					add_col(P, NM("u_%d_%d_%d", d, t, l), GLP_CV, 0, -1, h * wu);
					put(m, row, j + 1, 1);
					add_col(P, NM("o_%d_%d_%d", d, t, l), GLP_CV, 0, -1, h * wo);
					put(m, row, j + 2, -1);
					c->obj_const += h * wu * f;
				}
				c->col_cell[i] = j;
				c->row_cover[i] = row;
			}
	return 0;
}

/* The column of the deferred work done in cell i (a line with deferred work). */
static int col_mail(const pl_ctx *c, size_t i)
{
	return c->svc_mode ? c->col_cell[i] + 1 : c->col_cell[i] + 2;
}

static int build_deferred_rows(pl_ctx *c, trip *m)
{
	glp_prob *P = c->P;
	char nb[64];
	int l, d, dd, t;

	c->col_short = calloc((size_t)c->L * PL_MAXD + 1, sizeof *c->col_short);
	if (!c->col_short)
		return -1;
	for (l = 0; l < c->L; l++) {
		double A = 0, Du = 0;

		if (!c->deferred_line[l])
			continue;
		for (d = 0; d < c->D; d++) {
			int r1, r2, s;

			A += c->rel[l * PL_MAXD + d];
			Du += c->due[l * PL_MAXD + d];
			/* a day without intervals adds no work: its "released" row
			 * would repeat (or loosen) the day before's, and such
			 * dependent rows throw GLPK's interior point into numerical
			 * instability (closed Saturdays and Sundays did) */
			r1 = c->open_t[d] < c->close_t[d] ?
				add_row(P, NM("released_%d_%d", l, d), GLP_UP, 0, A) : 0;
			r2 = Du > 0 ? add_row(P, NM("due_%d_%d", l, d), GLP_LO, Du, 0) : 0;
			if (r2) {
				s = add_col(P, NM("late_%d_%d", l, d), GLP_CV, 0, -1,
					    c->ru->w_deferred);
				c->col_short[l * PL_MAXD + d] = s;
				put(m, r2, s, 1);
			}
			for (dd = 0; dd <= d; dd++)
				for (t = c->open_t[dd]; t < c->close_t[dd]; t++) {
					int j = col_mail(c, dtl(c, dd, t, l));

					if (r1)
						put(m, r1, j, c->h);
					if (r2)
						put(m, r2, j, c->h);
				}
		}
	}
	return 0;
}

/* Patterns, leave grants, template counts and their links. */
static int build_weeks(pl_ctx *c, trip *m)
{
	glp_prob *P = c->P;
	char nb[64];
	int ci, pi, d, j, k, i, ti;

	c->col_g = calloc((size_t)c->in->n_leave + 1, sizeof *c->col_g);
	if (!c->col_g)
		return -1;
	for (ci = 0; ci < c->n_cls; ci++) {
		pl_class *cl = &c->cls[ci];
		int kind = cl->n == 1 ? GLP_BV : GLP_IV, row;

		row = add_row(P, NM("week_%d", ci), GLP_FX, cl->n, cl->n);
		for (pi = 0; pi < cl->n_pat; pi++) {
			j = add_col(P, NM("p_%d_%d", ci, pi), kind, 0, cl->n, 0);
			if (pi == 0)
				cl->col_p = j;
			put(m, row, j, 1);
		}
		for (i = 0; i < cl->n_req; i++) {
			int lv = cl->req[i];

			row = add_row(P, NM("leave_%d", lv), GLP_FX, 0, 0);
			c->col_g[lv] = add_col(P, NM("g_%d", lv), GLP_BV, 0, 1, -c->req_cost[lv]);
			c->obj_const += c->req_cost[lv];
			put(m, row, c->col_g[lv], -1);
			for (pi = 0; pi < cl->n_pat; pi++)
				if (cl->pat[pi].grant >> i & 1)
					put(m, row, cl->col_p + pi, 1);
		}
	}
	for (ti = 0; ti < c->n_tg; ti++) {
		pl_tgroup *tg = &c->tgr[ti];
		int size = 0;

		for (i = 0; i < tg->n_cls; i++)
			size += c->cls[tg->cls[i]].n;
		for (d = 0; d < c->D; d++) {
			unsigned char used[WFM_PLAN_MAX_TYPES] = {0};

			tg->col_n[d] = calloc((size_t)c->n_tmpl[d] + 1, sizeof *tg->col_n[d]);
			if (!tg->col_n[d])
				return -1;
			for (i = 0; i < tg->n_cls; i++) {
				const pl_class *cl = &c->cls[tg->cls[i]];

				for (pi = 0; pi < cl->n_pat; pi++)
					if (cl->pat[pi].type[d] >= 0)
						used[cl->pat[pi].type[d]] = 1;
			}
			for (j = 0; j < c->n_tmpl[d]; j++) {
				double w = wfm_pl_pref_ok(c, tg->rep, d, j) ? 0 : c->ru->w_pref;

				if (tg->ok[d][j] && used[c->tmpl[d][j].type])
					tg->col_n[d][j] = add_col(P, NM("n_%d_%d_%d", ti, d, j),
								  size == 1 ? GLP_BV : GLP_IV, 0, size,
								  w);
			}
			for (k = 0; k < c->ru->n_types; k++) {
				int row;

				if (!used[k])
					continue;
				row = add_row(P, NM("type_%d_%d_%d", ti, d, k), GLP_FX, 0, 0);
				for (j = 0; j < c->n_tmpl[d]; j++)
					if (tg->col_n[d][j] && c->tmpl[d][j].type == k)
						put(m, row, tg->col_n[d][j], 1);
				for (i = 0; i < tg->n_cls; i++) {
					const pl_class *cl = &c->cls[tg->cls[i]];

					for (pi = 0; pi < cl->n_pat; pi++)
						if (cl->pat[pi].type[d] == k)
							put(m, row, cl->col_p + pi, -1);
				}
			}
		}
	}
	return 0;
}

/* Rest between consecutive dates for an agent whose rest may bind: for
 * each end time E on day d, a shift ending at or after E excludes the
 * shifts of day d + 1 that start less than the rest after E. */
static void build_rest(pl_ctx *c, trip *m)
{
	glp_prob *P = c->P;
	char nb[64];
	int ti, d, j, jj, E, day = 1440 / c->iv;

	for (ti = 0; ti < c->n_tg; ti++) {
		pl_tgroup *tg = &c->tgr[ti];

		if (!tg->rest)
			continue;
		for (d = 0; d + 1 < c->D; d++) {
			if (!c->next_ok[d])
				continue;
			for (E = 0; E <= c->T; E++) {
				int any_early = 0, row, exact = 0;

				for (j = 0; j < c->n_tmpl[d]; j++)
					if (tg->col_n[d][j] && c->tmpl[d][j].e == E)
						exact = 1;
				for (jj = 0; exact && jj < c->n_tmpl[d + 1]; jj++)
					if (tg->col_n[d + 1][jj] &&
					    (day + c->tmpl[d + 1][jj].s - E) * c->iv < c->ru->min_rest_min)
						any_early = 1;
				if (!any_early)
					continue;
				row = add_row(P, NM("rest_%d_%d_%d", ti, d, E), GLP_UP, 0, 1);
				for (j = 0; j < c->n_tmpl[d]; j++)
					if (tg->col_n[d][j] && c->tmpl[d][j].e >= E)
						put(m, row, tg->col_n[d][j], 1);
				for (jj = 0; jj < c->n_tmpl[d + 1]; jj++)
					if (tg->col_n[d + 1][jj] &&
					    (day + c->tmpl[d + 1][jj].s - E) * c->iv < c->ru->min_rest_min)
						put(m, row, tg->col_n[d + 1][jj], 1);
			}
		}
	}
}

/* Exact break counts while they need at most this many columns. */
#define PL_EXACT_MAX_COLS 6000

/* How far below a cell's service cost its segments may go on large models
 * (objective units; see svc_cell). */
#define PL_SVC_TOL 1e-3

/* Exact break counts when they need at most PL_EXACT_MAX_COLS columns (after
 * build_weeks, which makes the template columns). */
static void choose_exact(pl_ctx *c)
{
	long cols = 0;
	int g, d, j, i, b;

	for (g = 0; g < c->n_grp; g++)
		for (d = 0; d < c->D; d++)
			for (j = 0; j < c->n_tmpl[d]; j++) {
				int any = 0, k = c->tmpl[d][j].type;

				for (i = 0; i < c->grp[g].n_tg; i++)
					any |= c->tgr[c->grp[g].tgs[i]].col_n[d][j] != 0;
				for (b = 0; any && b < c->nb[k]; b++)
					cols += c->bmax[k][b] - c->bmin[k][b] + 1;
			}
	c->exact = cols <= PL_EXACT_MAX_COLS;
	/* the service segments: exact on small models, where branch-and-cut
	 * can prove the optimum; on larger ones within PL_SVC_TOL of the cost */
	c->svc_tol = c->exact ? 1e-12 : PL_SVC_TOL;
}

/* Row of the floor of group g on day d at interval t. */
static int floor_row(const pl_ctx *c, const int *row_floor, int g, int d, int t)
{
	return row_floor[gdt(c, g, d, t)];
}

/* Presence, breaks and floors. */
static int build_floor(pl_ctx *c, trip *m, int **row_floor_out)
{
	glp_prob *P = c->P;
	char nb[64];
	size_t nfl = (size_t)c->n_grp * PL_MAXD * (size_t)c->T;
	int *row_floor = calloc(nfl + 1, sizeof *row_floor);
	int *row_pres = calloc(nfl + 1, sizeof *row_pres);
	int g, d, t, j, b, i, l;

	c->col_y = calloc(nfl + 1, sizeof *c->col_y);
	c->col_P = calloc(nfl + 1, sizeof *c->col_P);
	c->col_beta = calloc(nfl + 1, sizeof *c->col_beta);
	c->col_xq = calloc((size_t)c->n_grp * PL_MAXD * (size_t)c->maxtm + 1, sizeof *c->col_xq);
	*row_floor_out = row_floor;
	if (!c->col_xq || !row_floor || !row_pres || !c->col_y || !c->col_P || !c->col_beta) {
		free(row_pres);
		return -1;
	}
	for (g = 0; g < c->n_grp; g++) {
		pl_group *gr = &c->grp[g];

		for (d = 0; d < c->D; d++) {
			int first = -1, last = -1;

			/* the span in which the group can be present */
			for (i = 0; i < gr->n_tg; i++) {
				pl_tgroup *tg = &c->tgr[gr->tgs[i]];

				for (j = 0; j < c->n_tmpl[d]; j++)
					if (tg->col_n[d][j]) {
						if (first < 0 || c->tmpl[d][j].s < first)
							first = c->tmpl[d][j].s;
						if (c->tmpl[d][j].e > last)
							last = c->tmpl[d][j].e;
					}
			}
			for (t = first; first >= 0 && t < last; t++) {
				size_t fi = gdt(c, g, d, t);
				int row;

				row_pres[fi] = add_row(P, NM("present_%d_%d_%d", g, d, t), GLP_FX, 0, 0);
				c->col_P[fi] = add_col(P, NM("P_%d_%d_%d", g, d, t), GLP_CV, 0, -1, 0);
				put(m, row_pres[fi], c->col_P[fi], 1);
				if (t > first)
					put(m, row_pres[fi], c->col_P[fi - 1], -1);
				if (!c->exact)
					c->col_beta[fi] = add_col(P, NM("b_%d_%d_%d", g, d, t), GLP_CV,
								  0, -1, 0);
				{
					row = add_row(P, NM("floor_%d_%d_%d", g, d, t), GLP_FX, 0, 0);
					row_floor[fi] = row;
					for (l = 0; l < gr->n_lines; l++) {
						int col = add_col(P, NM("y_%d_%d_%d_%d", g, d, t, gr->lines[l]),
								  GLP_CV, 0, -1, 0);

						if (l == 0)
							c->col_y[fi] = col;
						put(m, row, col, -1);
						put(m, c->row_cover[dtl(c, d, t, gr->lines[l])], col, 1);
					}
				}
				row = floor_row(c, row_floor, g, d, t);
				put(m, row, c->col_P[fi], 1);
				if (!c->exact)
					put(m, row, c->col_beta[fi], -1);
			}
			/* exact: breaks per template and offset, whole */
			for (j = 0; c->exact && first >= 0 && j < c->n_tmpl[d]; j++) {
				const pl_tmpl *tp = &c->tmpl[d][j];
				int k = tp->type, any = 0, o, col;

				for (i = 0; i < gr->n_tg; i++)
					any |= c->tgr[gr->tgs[i]].col_n[d][j] != 0;
				if (!any)
					continue;
				for (b = 0; b < c->nb[k]; b++) {
					int row = add_row(P, NM("brk_%d_%d_%d_%d", g, d, j, b), GLP_FX, 0, 0);

					for (i = 0; i < gr->n_tg; i++)
						if (c->tgr[gr->tgs[i]].col_n[d][j])
							put(m, row, c->tgr[gr->tgs[i]].col_n[d][j], -1);
					for (o = c->bmin[k][b]; o <= c->bmax[k][b]; o++) {
						col = add_col(P, NM("q_%d_%d_%d_%d_%d", g, d, j, b, o), GLP_IV,
							      0, -1, 0);
						if (b == 0 && o == c->bmin[k][b])
							c->col_xq[((size_t)g * PL_MAXD + (size_t)d) *
								  (size_t)c->maxtm + (size_t)j] = col;
						put(m, row, col, 1);
						for (t = tp->s + o; t < tp->s + o + c->blen[k][b]; t++)
							put(m, row_floor[gdt(c, g, d, t)], col, -1);
					}
				}
			}
			/* the group's agents take exactly their own break time */
			if (first >= 0 && !c->exact) {
				int row = add_row(P, NM("brktime_%d_%d", g, d), GLP_FX, 0, 0);

				for (t = first; t < last; t++)
					put(m, row, c->col_beta[gdt(c, g, d, t)], 1);
				for (i = 0; i < gr->n_tg; i++) {
					pl_tgroup *tg = &c->tgr[gr->tgs[i]];

					for (j = 0; j < c->n_tmpl[d]; j++) {
						int k = c->tmpl[d][j].type, len = 0;

						if (!tg->col_n[d][j])
							continue;
						for (b = 0; b < c->nb[k]; b++)
							len += c->blen[k][b];
						put(m, row, tg->col_n[d][j], -len);
					}
				}
			}
			/* starts and ends of the group's templates */
			for (i = 0; i < gr->n_tg; i++) {
				pl_tgroup *tg = &c->tgr[gr->tgs[i]];

				for (j = 0; j < c->n_tmpl[d]; j++) {
					const pl_tmpl *tp = &c->tmpl[d][j];

					if (!tg->col_n[d][j])
						continue;
					put(m, row_pres[gdt(c, g, d, tp->s)], tg->col_n[d][j], -1);
					if (tp->e < last)
						put(m, row_pres[gdt(c, g, d, tp->e)], tg->col_n[d][j], 1);
				}
			}
		}
	}
	free(row_pres);
	return 0;
}

static int build_trainings(pl_ctx *c, trip *m, const int *row_floor)
{
	glp_prob *P = c->P;
	const wfm_plan_input *in = c->in;
	char nb[64];
	int k, s, si, ci, j, t, d, ti;

	for (k = 0; k < c->NT; k++) {
		const wfm_plan_training *tt = &in->training[k];
		pl_train *tr = &c->tr[k];
		int NS = tr->n_sess, NSL = tr->n_slot, row_count = 0;

		tr->col_z = calloc((size_t)NS * (size_t)NSL + 1, sizeof *tr->col_z);
		tr->col_w = calloc((size_t)c->n_cls * (size_t)NS * (size_t)NSL + 1,
				   sizeof *tr->col_w);
		if (!tr->col_z || !tr->col_w)
			return -1;
		for (s = 0; s < NS; s++) {
			int row = add_row(P, NM("session_%d_%d", k, s), GLP_FX, 1, 1);

			for (si = 0; si < NSL; si++) {
				tr->col_z[s * NSL + si] = add_col(P, NM("z_%d_%d_%d", k, s, si), GLP_BV,
								  0, 1, 0);
				put(m, row, tr->col_z[s * NSL + si], 1);
			}
		}
		/* sessions of one training in the order of their slots */
		for (s = 0; s + 1 < NS; s++) {
			int row = add_row(P, NM("order_%d_%d", k, s), GLP_UP, 0, 0);

			for (si = 0; si < NSL; si++) {
				put(m, row, tr->col_z[s * NSL + si], si);
				put(m, row, tr->col_z[(s + 1) * NSL + si], -si);
			}
		}
		if (tt->count)
			row_count = add_row(P, NM("count_%d", k), GLP_FX, tr->need, tr->need);
		/* attendance units: classes for a list, template groups for a count */
		for (ci = 0; ci < (tt->count ? c->n_tg : c->n_cls); ci++) {
			int size = 0, rep, grp, row_att, hi, i;

			if (tt->count) {
				const pl_tgroup *tg = &c->tgr[ci];

				for (i = 0; i < tg->n_cls; i++)
					size += c->cls[tg->cls[i]].n;
				rep = tg->rep;
				grp = tg->group;
			} else {
				size = c->cls[ci].n;
				rep = c->cls[ci].member[0];
				grp = c->cls[ci].group;
			}
			if (!tr->elig[rep])
				continue;
			hi = size < tt->group_max ? size : tt->group_max;
			row_att = tt->count ? add_row(P, NM("attend_%d_%d", k, ci), GLP_UP, 0, size)
					    : add_row(P, NM("attend_%d_%d", k, ci), GLP_FX, size, size);
			for (s = 0; s < NS; s++)
				for (si = 0; si < NSL; si++) {
					const pl_tgroup *tg = &c->tgr[tt->count ? ci : c->cls[ci].tg];
					const unsigned char *ok = tt->count ? tg->ok[tr->slot[si].d]
									    : c->cls[ci].ok[tr->slot[si].d];
					int col;

					d = tr->slot[si].d;
					for (j = 0; j < c->n_tmpl[d]; j++)
						if (ok[j] && tg->col_n[d][j] &&
						    wfm_pl_tmpl_covers(c, d, j, tr->slot[si].t, tr->len))
							break;
					if (j == c->n_tmpl[d])
						continue;
					col = add_col(P, NM("w_%d_%d_%d_%d", k, ci, s, si),
						      hi == 1 ? GLP_BV : GLP_IV, 0, hi, 0);
					tr->col_w[((size_t)ci * (size_t)NS + (size_t)s) * (size_t)NSL +
						  (size_t)si] = col;
					put(m, row_att, col, 1);
					if (row_count)
						put(m, row_count, col, 1);
					for (t = tr->slot[si].t; t < tr->slot[si].t + tr->len; t++)
						put(m, floor_row(c, row_floor, grp, d, t), col, -1);
				}
		}
		for (s = 0; s < NS; s++)
			for (si = 0; si < NSL; si++) {
				int zc = tr->col_z[s * NSL + si];
				int r1 = add_row(P, NM("gmax_%d_%d_%d", k, s, si), GLP_UP, 0, 0);
				int r2 = add_row(P, NM("gmin_%d_%d_%d", k, s, si), GLP_LO, 0, 0);

				put(m, r1, zc, -tt->group_max);
				put(m, r2, zc, -tt->group_min);
				for (ci = 0; ci < (tt->count ? c->n_tg : c->n_cls); ci++) {
					int col = tr->col_w[((size_t)ci * (size_t)NS + (size_t)s) *
								    (size_t)NSL + (size_t)si];

					if (col) {
						put(m, r1, col, 1);
						put(m, r2, col, 1);
					}
				}
			}
	}
	/* exact: the attendees' own shifts cover their session; per template
	 * group, day and session start and length */
	for (ti = 0; c->exact && ti < c->n_tg; ti++) {
		pl_tgroup *tg = &c->tgr[ti];

		for (k = 0; k < c->NT; k++) {
			pl_train *tr = &c->tr[k];

			for (si = 0; si < tr->n_slot; si++) {
				int kk, row, sj, seen = 0, i, any = 0;

				d = tr->slot[si].d;
				for (kk = 0; kk < k && !seen; kk++)
					for (sj = 0; c->tr[kk].len == tr->len && sj < c->tr[kk].n_slot; sj++)
						if (c->tr[kk].slot[sj].d == d && c->tr[kk].slot[sj].t == tr->slot[si].t)
							seen = 1;
				if (seen)
					continue;
				row = add_row(P, NM("cover_tr_%d_%d_%d_%d", ti, d, tr->slot[si].t, tr->len),
					      GLP_UP, 0, 0);
				for (kk = k; kk < c->NT; kk++) {
					pl_train *t2 = &c->tr[kk];

					if (t2->len != tr->len)
						continue;
					for (sj = 0; sj < t2->n_slot; sj++) {
						if (t2->slot[sj].d != d || t2->slot[sj].t != tr->slot[si].t)
							continue;
						for (i = 0; i < (in->training[kk].count ? 1 : tg->n_cls); i++)
							for (s = 0; s < t2->n_sess; s++) {
								int u = in->training[kk].count ? ti : tg->cls[i];
								int col = t2->col_w[((size_t)u * (size_t)t2->n_sess +
										     (size_t)s) * (size_t)t2->n_slot +
										    (size_t)sj];

								if (col) {
									put(m, row, col, 1);
									any = 1;
								}
							}
					}
				}
				for (j = 0; any && j < c->n_tmpl[d]; j++)
					if (tg->col_n[d][j] &&
					    wfm_pl_tmpl_covers(c, d, j, tr->slot[si].t, tr->len))
						put(m, row, tg->col_n[d][j], -1);
			}
		}
	}
	return 0;
}

int wfm_pl_build_model(pl_ctx *c, wfm_err *e)
{
	trip m = {0};
	int *row_floor = NULL, r = 0;

	c->P = glp_create_prob();
	glp_set_prob_name(c->P, "wfm_plan");
	glp_set_obj_name(c->P, "cost");
	glp_set_obj_dir(c->P, GLP_MIN);
	c->obj_const = 0;
	if (build_weeks(c, &m))
		r = -1;
	if (!r)
		choose_exact(c);
	if (!r && (build_cells(c, &m) || build_deferred_rows(c, &m)))
		r = -1;
	if (!r)
		build_rest(c, &m);
	if (!r && build_floor(c, &m, &row_floor))
		r = -1;
	if (!r && build_trainings(c, &m, row_floor))
		r = -1;
	free(row_floor);
	if (r || m.fail) {
		free(m.ia);
		free(m.ja);
		free(m.ar);
		return wfm_err_nomem(e);
	}
	glp_set_obj_coef(c->P, 0, c->obj_const);
	glp_load_matrix(c->P, m.n, m.ia, m.ja, m.ar);
	c->ncols = glp_get_num_cols(c->P);
	free(m.ia);
	free(m.ja);
	free(m.ar);
	return WFM_OK;
}
