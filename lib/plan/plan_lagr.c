/* plan_lagr.c - a Lagrangian lower bound.
 *
 * Relax "the cover of line l in interval t is the number of agents placed
 * there" with a price pi[d][t][l].  The problem falls apart into
 *   - each cell (d, t, l): choose a whole cover c >= 0 minimising
 *     cost(c) + pi * c;
 *   - each agent: choose its week (pattern, templates, break offsets, which
 *     requests granted) minimising preferences + refused leave - sum over
 *     the intervals it is on the floor of the best price among its lines;
 *   - each line with deferred work: its cover over the week minimising its
 *     exact cost (live shortfall, spare agents unused, work late) + pi * c,
 *     bounded from below by pricing its spare too: every roster's spare on
 *     day d (agent-hours above the requirement) is at least the work it
 *     does that day, so adding lam_d (work done - spare) with lam_d >= 0
 *     lowers its cost; then each cell takes its whole cover alone (live
 *     cost + pi c + (w_over - lam_d) h (c - r)+) and the work done and late
 *     come from a small LP of the days (done_lp: released and due work).
 *     lam follows its own subgradient (work done - spare), inside
 *     [0, w_over].  Under the linear objective a small LP of the whole
 *     line (cover continuous, deferred_lp) bounds it too and the higher
 *     bound counts (at load 0.95 it is the higher one).  Under the service
 *     objective that LP (then with the model's kappa, which let the cover
 *     below the requirement do the work) is gone:
 *     125 agents at load 0.95 (seed 1, pinned), gap 3.0 % at 14 s, against
 *     5.0 % after 60 s with the better of that LP and the cells less
 *     w_over per hour of work released (lam = 0 here); at load 0.70 0.55 %
 *     at 5.4 s, against 1.0 % reached at 7 s.
 * The rest between days is left out (fewer rules, so still a bound), and
 * so are the trainings, except that they take agents off the floor: an
 * agent who may attend a training may take off the floor the stretch of a
 * session where that is worth most (see class_min).  For every pi the sum
 * of these minima, L(pi), is a lower bound on the cost of every roster;
 * the best one is kept.  Because each agent's week stays whole, the best
 * L(pi) can exceed the LP bound of the model.  pi follows the subgradient
 * (cover chosen - agents placed) with Polyak steps toward the best known
 * roster cost, the step factor falling over the time given (see
 * wfm_pl_lagrange), kept inside [-w_over h, w_under weight h] where every
 * cell's minimum is finite.  The LP's duals on the coverage rows make a
 * good start (pi_out on entry).
 */
#include "plan_impl.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define BIG 1e300

typedef struct lg {
	const pl_ctx *c;
	double *pi;      /* [(d * T + t) * L + l] */
	double *sub;     /* subgradient */
	double *v;       /* [d * T + t] value of an agent on the floor, one group */
	int *argl;       /* [d * T + t] the line it would take */
	double *pre;     /* prefix sums of v, per day */
	double *tval;    /* [d * maxtm + j] best value of template j */
	signed char *tbo;/* its break offsets */
	double *dbest;   /* [d * (K + 1) + k] */
	int *djbest;
	double *gain;    /* [class * NT + training]: one agent off the floor */
	struct off *off; /* [class]: for sorting gains */
	int *alt;        /* [d * T + t] one line's whole covers (evaluate) */
	glp_prob **dl;   /* linear objective, per deferred line: its LP */
	int **dl_c;      /* [line]: the cover column of each open interval, in order */
	double *lpc;     /* [cell] of a line with deferred work: the LP's cover */
	double *lam;     /* [l * PL_MAXD + d] price of an hour of spare (line_min) */
	double *lsub;    /* its subgradient: work done - spare */
	double lam_hi;
	int *hold;       /* [line] agents holding it: no cover exceeds it */
	glp_prob **dn;   /* per deferred line: the LP of the work done (done_lp) */
} lg;

/* What one class's agents gain in a training. */
struct off {
	double gain;
	int n;
};

static int by_gain_desc(const void *x, const void *y)
{
	const struct off *a = x, *b = y;

	return a->gain < b->gain ? 1 : a->gain > b->gain ? -1 : 0;
}

/* Cell (d, t, l) without deferred work: the whole cover minimising its
 * cost + pi c.  The linear cost is convex with its kink at the
 * requirement: the best cover is one of the whole numbers around it, or 0.
 * The service cost is convex in c with the slope w_over h from
 * max(n - 1, ceil r) on: the first c whose next step costs more than -pi,
 * by bisection over the steps. */
static double cell_min(const pl_ctx *c, int d, int t, int l, double pi, int *cover)
{
	double r = c->in->req[((size_t)d * (size_t)c->T + (size_t)t) * (size_t)c->L + (size_t)l];
	int c0 = (int)floor(r), c1 = (int)ceil(r), best = c0;
	double v0, v1;

	if (c->svc_mode) {
		size_t i = ((size_t)d * (size_t)c->T + (size_t)t) * (size_t)c->L + (size_t)l;
		int lo = 0, hi = c->svc_of[i] >= 0 ? c->in->service[c->svc_of[i]].n - 1 : 0;

		if (hi < c1)
			hi = c1;
		/* the least k in [0, hi] with f(k + 1) - f(k) + pi >= 0 (hi when none:
		 * the steps from hi on cost w_over h >= -pi) */
		while (lo < hi) {
			int mid = lo + (hi - lo) / 2;

			if (wfm_pl_cell_cost(c, d, t, l, mid + 1) - wfm_pl_cell_cost(c, d, t, l, mid) +
			    pi >= 0)
				hi = mid;
			else
				lo = mid + 1;
		}
		*cover = lo;
		return wfm_pl_cell_cost(c, d, t, l, lo) + pi * lo;
	}
	v0 = wfm_pl_cell_cost(c, d, t, l, c0) + pi * c0;
	v1 = wfm_pl_cell_cost(c, d, t, l, c1) + pi * c1;
	if (v1 < v0) {
		best = c1;
		v0 = v1;
	}
	if (c0 > 0) {
		double vz = wfm_pl_cell_cost(c, d, t, l, 0);

		if (vz < v0) {
			best = 0;
			v0 = vz;
		}
	}
	*cover = best;
	return v0;
}

/* The columns of one open interval in the LP of a line with deferred work
 * (linear objective): cover c (priced pi) and the cell's cost of c;
 * returns c's column and the column m of the deferred work done: c + u - e
 * = r, u short (h w_under weight), e spare (h w_over), m - e <= 0 credits
 * e's cost back for the work done. */
static int deferred_cell(const pl_ctx *c, glp_prob *P, int d, int t, int l, int *mcol)
{
	size_t ci = ((size_t)d * (size_t)c->T + (size_t)t) * (size_t)c->L + (size_t)l;
	double r = c->in->req[ci], wo = c->h * c->ru->w_over;
	double wu = c->ru->w_under * c->in->line[l].weight;
	int j, i, ind[4];
	double val[4];

	j = glp_add_cols(P, 4);
	i = glp_add_rows(P, 2);
	glp_set_col_bnds(P, j, GLP_LO, 0, 0);
	glp_set_col_bnds(P, j + 1, GLP_LO, 0, 0);
	glp_set_col_bnds(P, j + 2, GLP_LO, 0, 0);
	glp_set_col_bnds(P, j + 3, GLP_LO, 0, 0);
	glp_set_obj_coef(P, j + 1, c->h * wu);
	glp_set_obj_coef(P, j + 2, wo);
	glp_set_obj_coef(P, j + 3, -wo);
	ind[1] = j;
	ind[2] = j + 1;
	ind[3] = j + 2;
	val[1] = 1;
	val[2] = 1;
	val[3] = -1;
	glp_set_row_bnds(P, i, GLP_FX, r, r);
	glp_set_mat_row(P, i, 3, ind, val);
	ind[1] = j + 3;
	ind[2] = j + 2;
	val[1] = 1;
	val[2] = -1;
	glp_set_row_bnds(P, i + 1, GLP_UP, 0, 0);
	glp_set_mat_row(P, i + 1, 2, ind, val);
	*mcol = j + 3;
	return j;
}

/* The LP of a line with deferred work (linear objective), cover
 * continuous: per open interval the columns of deferred_cell; per day:
 * processed <= released, processed + late >= due.  Fills cov[] with the
 * cover columns, open intervals in order.  NULL when out of memory. */
static glp_prob *deferred_lp(const pl_ctx *c, int l, int *cov)
{
	glp_prob *P;
	double A = 0, Du = 0;
	int d, t, n = 0, *mcol = malloc(((size_t)c->D * (size_t)c->T + 1) * sizeof *mcol);

	if (!mcol)
		return NULL;
	P = glp_create_prob();
	glp_set_obj_dir(P, GLP_MIN);
	for (d = 0; d < c->D; d++)
		for (t = c->open_t[d]; t < c->close_t[d]; t++) {
			cov[n] = deferred_cell(c, P, d, t, l, &mcol[n]);
			n++;
		}
	n = 0;
	for (d = 0; d < c->D; d++) {
		int cnt = 0, i, dd, k, *ind;
		double *val;

		A += c->rel[l * PL_MAXD + d];
		Du += c->due[l * PL_MAXD + d];
		for (dd = 0; dd <= d; dd++)
			cnt += c->close_t[dd] - c->open_t[dd];
		ind = malloc(((size_t)cnt + 2) * sizeof *ind);
		val = malloc(((size_t)cnt + 2) * sizeof *val);
		if (!ind || !val) {
			free(ind);
			free(val);
			free(mcol);
			glp_delete_prob(P);
			return NULL;
		}
		for (k = 0; k < cnt; k++) {
			ind[k + 1] = mcol[k];
			val[k + 1] = c->h;
		}
		i = glp_add_rows(P, 1);
		glp_set_row_bnds(P, i, GLP_UP, 0, A);
		glp_set_mat_row(P, i, cnt, ind, val);
		if (Du > 0) {
			int s = glp_add_cols(P, 1);

			glp_set_col_bnds(P, s, GLP_LO, 0, 0);
			glp_set_obj_coef(P, s, c->ru->w_deferred);
			ind[cnt + 1] = s;
			val[cnt + 1] = 1;
			i = glp_add_rows(P, 1);
			glp_set_row_bnds(P, i, GLP_LO, Du, 0);
			glp_set_mat_row(P, i, cnt + 1, ind, val);
		}
		free(ind);
		free(val);
	}
	free(mcol);
	return P;
}

/* Solves the small LP P to optimality with the primal simplex, quietly; on a
 * failure once more from an advanced basis.  Returns 0 when P is optimal,
 * -1 otherwise. */
static int simplex_opt(glp_prob *P)
{
	glp_smcp sp;

	glp_init_smcp(&sp);
	sp.msg_lev = GLP_MSG_OFF;
	if (glp_simplex(P, &sp) == 0 && glp_get_status(P) == GLP_OPT)
		return 0;
	glp_adv_basis(P, 0);
	return glp_simplex(P, &sp) == 0 && glp_get_status(P) == GLP_OPT ? 0 : -1;
}

/* min over the week's cover of line l: exact cost + pi * c; fills the
 * subgradient's cover part.  Returns the minimum (or -BIG on failure). */
static double deferred_min(lg *g, int l)
{
	const pl_ctx *c = g->c;
	glp_prob *P = g->dl[l];
	int d, t, j = 0;
	double v;

	for (d = 0; d < c->D; d++)
		for (t = c->open_t[d]; t < c->close_t[d]; t++, j++)
			glp_set_obj_coef(P, g->dl_c[l][j],
					 g->pi[((size_t)d * (size_t)c->T + (size_t)t) * (size_t)c->L +
					       (size_t)l]);
	if (simplex_opt(P) != 0)
		return -BIG;
	v = glp_get_obj_val(P);
	j = 0;
	for (d = 0; d < c->D; d++)
		for (t = c->open_t[d]; t < c->close_t[d]; t++, j++) {
			size_t i = ((size_t)d * (size_t)c->T + (size_t)t) * (size_t)c->L + (size_t)l;

			g->lpc[i] = glp_get_col_prim(P, g->dl_c[l][j]);
			g->sub[i] += g->lpc[i];
		}
	return v;
}

/* The LP of the work done on line l, spare left out (line_min prices
 * it): columns done_d (hours done on day d) and late_d; rows: the work
 * done by the end of day d <= the work released by then; late_d + the work
 * done by then >= the work due by then.  The objective is set per call. */
static glp_prob *done_lp(const pl_ctx *c, int l)
{
	glp_prob *P = glp_create_prob();
	int d, dd, ind[2 * PL_MAXD + 2];
	double val[2 * PL_MAXD + 2], A = 0, Du = 0;

	glp_set_obj_dir(P, GLP_MIN);
	glp_add_cols(P, 2 * c->D);
	for (d = 0; d < c->D; d++) {
		glp_set_col_bnds(P, 1 + d, GLP_LO, 0, 0);
		glp_set_col_bnds(P, 1 + c->D + d, GLP_LO, 0, 0);
		glp_set_obj_coef(P, 1 + c->D + d, c->ru->w_deferred);
	}
	for (d = 0; d < c->D; d++) {
		int i;

		A += c->rel[l * PL_MAXD + d];
		Du += c->due[l * PL_MAXD + d];
		for (dd = 0; dd <= d; dd++) {
			ind[dd + 1] = 1 + dd;
			val[dd + 1] = 1;
		}
		i = glp_add_rows(P, 1);
		glp_set_row_bnds(P, i, GLP_UP, 0, A);
		glp_set_mat_row(P, i, d + 1, ind, val);
		ind[d + 2] = 1 + c->D + d;
		val[d + 2] = 1;
		i = glp_add_rows(P, 1);
		glp_set_row_bnds(P, i, GLP_LO, Du, 0);
		glp_set_mat_row(P, i, d + 2, ind, val);
	}
	return P;
}

/* Cell (d, t, l) of a line with deferred work with lam the price of an hour
 * of its spare: the whole cover c in [0, cap] minimising live(c) + pi c +
 * (w_over - lam) h (c - r)+, convex in c (lam <= w_over + ... may make the
 * slope beyond the curve negative: then cap). */
static double cell_min_lam(const pl_ctx *c, int d, int t, int l, double pi, double lam, int cap,
			   int *cover)
{
	size_t i = ((size_t)d * (size_t)c->T + (size_t)t) * (size_t)c->L + (size_t)l;
	double r = c->in->req[i], k = (c->ru->w_over - lam) * c->h, best = BIG, slope;
	int n = c->svc_of && c->svc_of[i] >= 0 ? c->in->service[c->svc_of[i]].n : 1;
	int hi = (int)ceil(r) + 1, x;

	if (n > hi)
		hi = n;
	if (hi > cap)
		hi = cap;
	*cover = 0;
	for (x = 0; x <= hi; x++) {
		double v = wfm_pl_live_cost(c, d, t, l, x) + pi * x + (x > r ? k * (x - r) : 0);

		if (v < best) {
			best = v;
			*cover = x;
		}
	}
	/* beyond hi the live cost is flat (past the curve and the requirement) */
	slope = pi + k;
	if (slope < 0 && cap > hi) {
		double v = wfm_pl_live_cost(c, d, t, l, hi) + pi * hi + (hi > r ? k * (hi - r) : 0) +
			   slope * (cap - hi);

		if (v < best) {
			best = v;
			*cover = cap;
		}
	}
	return best;
}

/* The bound of line l (with deferred work) for the prices of its spare
 * g->lam: the cells priced alone (cell_min_lam) plus the work done at
 * lam - w_over an hour and what is late (done_lp): every roster's spare
 * on day d is at least the work done that day, so adding lam (done -
 * spare) <= 0 to its cost and minimising the parts apart bounds it.
 * Covers go to g->alt, the subgradient of lam to g->lsub.  -BIG when the
 * small LP fails. */
static double line_min(lg *g, int l)
{
	const pl_ctx *c = g->c;
	glp_prob *P = g->dn[l];
	double v = 0, spare[PL_MAXD];
	int d, t;

	for (d = 0; d < c->D; d++) {
		double lam = g->lam[l * PL_MAXD + d];

		spare[d] = 0;
		for (t = c->open_t[d]; t < c->close_t[d]; t++) {
			size_t i = ((size_t)d * (size_t)c->T + (size_t)t) * (size_t)c->L + (size_t)l;
			double r = c->in->req[i];
			int cv;

			v += cell_min_lam(c, d, t, l, g->pi[i], lam, g->hold[l], &cv);
			g->alt[(size_t)d * (size_t)c->T + (size_t)t] = cv;
			if (cv > r)
				spare[d] += c->h * (cv - r);
		}
		glp_set_obj_coef(P, 1 + d, lam - c->ru->w_over);
	}
	if (simplex_opt(P) != 0)
		return -BIG;
	for (d = 0; d < c->D; d++)
		g->lsub[l * PL_MAXD + d] = glp_get_col_prim(P, 1 + d) - spare[d];
	return v + glp_get_obj_val(P);
}

/* Best week of class ci's agents under pi; adds n agents' placements to the
 * subgradient with sign -1 and returns n times the week's value. */
static double class_min(lg *g, int ci)
{
	const pl_ctx *c = g->c;
	const pl_class *cl = &c->cls[ci];
	const pl_group *gr = &c->grp[cl->group];
	int a = cl->member[0], K = c->ru->n_types, d, t, j, b, o, k, p, i;
	int pick[PL_MAXD], bpick[PL_MAXD];
	double best = BIG;

	for (k = 0; k < c->NT; k++)
		g->gain[ci * c->NT + k] = 0;

	for (d = 0; d < c->D; d++) {
		double *v = g->v + d * c->T, *pre = g->pre + d * (c->T + 1);

		for (t = 0; t < c->T; t++) {
			double bp = -BIG;
			int bl = -1;

			for (i = 0; i < gr->n_lines; i++) {
				double x = g->pi[((size_t)d * (size_t)c->T + (size_t)t) * (size_t)c->L +
						 (size_t)gr->lines[i]];

				if (x > bp) {
					bp = x;
					bl = gr->lines[i];
				}
			}
			v[t] = -bp;
			g->argl[d * c->T + t] = bl;
		}
		pre[0] = 0;
		for (t = 0; t < c->T; t++)
			pre[t + 1] = pre[t] + v[t];
		for (k = 0; k <= K; k++) {
			g->dbest[d * (K + 1) + k] = k == K ? 0 : BIG;
			g->djbest[d * (K + 1) + k] = -1;
		}
		for (j = 0; j < c->n_tmpl[d]; j++) {
			const pl_tmpl *tp = &c->tmpl[d][j];
			double x;

			g->tval[d * c->maxtm + j] = BIG;
			if (!cl->ok[d][j])
				continue;
			k = tp->type;
			x = pre[tp->e] - pre[tp->s];
			for (b = 0; b < c->nb[k]; b++) {
				int len = c->blen[k][b], bo = c->bmin[k][b];
				double bv = -BIG;

				for (o = c->bmin[k][b]; o <= c->bmax[k][b]; o++) {
					double y = pre[tp->s + o + len] - pre[tp->s + o];

					if (y > bv) {
						bv = y;
						bo = o;
					}
				}
				x -= bv;
				g->tbo[(d * c->maxtm + j) * PL_MAXB + b] = (signed char)bo;
			}
			if (!wfm_pl_pref_ok(c, a, d, j))
				x += c->ru->w_pref;
			g->tval[d * c->maxtm + j] = x;
			if (x < g->dbest[d * (K + 1) + k]) {
				g->dbest[d * (K + 1) + k] = x;
				g->djbest[d * (K + 1) + k] = j;
			}
		}
	}
	for (p = 0; p < cl->n_pat; p++) {
		const pl_pat *pt = &cl->pat[p];
		double x = 0;

		for (i = 0; i < cl->n_req; i++)
			if (!(pt->grant >> i & 1))
				x += c->req_cost[cl->req[i]];
		for (d = 0; d < c->D && x < BIG; d++) {
			k = pt->type[d] < 0 ? K : pt->type[d];
			x += g->dbest[d * (K + 1) + k];
			pick[d] = pt->type[d] < 0 ? -1 : g->djbest[d * (K + 1) + k];
		}
		if (x < best) {
			best = x;
			memcpy(bpick, pick, sizeof pick);
		}
	}
	if (best >= BIG)
		return 0;
	/* a training takes its attendees off the floor: an agent who may
	 * attend gains at most the best session position's worth (overlaps
	 * with breaks and other trainings counted as well: more off, so still
	 * a bound); evaluate() takes the best of these gains for as many
	 * agents as the training needs */
	for (k = 0; k < c->NT; k++) {
		const pl_train *tr = &c->tr[k];
		double gk = 0;

		if (!tr->elig[a])
			continue;
		for (i = 0; i < tr->n_slot; i++) {
			double x = 0;

			for (t = tr->slot[i].t; t < tr->slot[i].t + tr->len && t < c->T; t++)
				if (g->v[tr->slot[i].d * c->T + t] > 0)
					x += g->v[tr->slot[i].d * c->T + t];
			if (x > gk)
				gk = x;
		}
		g->gain[ci * c->NT + k] = gk;
	}
	for (d = 0; d < c->D; d++) {
		unsigned char on[512];
		int jj = bpick[d];

		if (jj < 0)
			continue;
		k = c->tmpl[d][jj].type;
		memset(on, 0, sizeof on);
		for (t = c->tmpl[d][jj].s; t < c->tmpl[d][jj].e && t < 512; t++)
			on[t] = 1;
		for (b = 0; b < c->nb[k]; b++) {
			int bs = c->tmpl[d][jj].s + g->tbo[(d * c->maxtm + jj) * PL_MAXB + b];

			for (t = bs; t < bs + c->blen[k][b] && t < 512; t++)
				on[t] = 0;
		}
		for (t = 0; t < c->T && t < 512; t++)
			if (on[t])
				g->sub[((size_t)d * (size_t)c->T + (size_t)t) * (size_t)c->L +
				       (size_t)g->argl[d * c->T + t]] -= cl->n;
	}
	return cl->n * best;
}

/* L(pi), filling the subgradient. */
static double evaluate(lg *g)
{
	const pl_ctx *c = g->c;
	size_t cells = (size_t)c->D * (size_t)c->T * (size_t)c->L;
	double L = 0;
	int d, t, l, ci, k;

	memset(g->sub, 0, cells * sizeof *g->sub);
	for (d = 0; d < c->D; d++)
		for (t = 0; t < c->T; t++)
			for (l = 0; l < c->L; l++) {
				size_t i = ((size_t)d * (size_t)c->T + (size_t)t) * (size_t)c->L + (size_t)l;
				int cv;

				if (t < c->open_t[d] || t >= c->close_t[d]) {
					L += wfm_pl_cell_cost(c, d, t, l, 0);
					continue;
				}
				if (c->deferred_line[l])
					continue;
				L += cell_min(c, d, t, l, g->pi[i], &cv);
				g->sub[i] += cv;
			}
	for (l = 0; l < c->L; l++)
		if (c->deferred_line[l]) {
			double v = line_min(g, l), v1;

			if (v <= -BIG)
				return -BIG;
			/* linear objective: the LP of the line as well, the higher
			 * bound kept (at load 0.95 lam alone was the weaker) */
			if (g->dl[l] && (v1 = deferred_min(g, l)) > v) {
				L += v1;
				continue;
			}
			for (d = 0; d < c->D; d++)
				for (t = c->open_t[d]; t < c->close_t[d]; t++) {
					size_t i = ((size_t)d * (size_t)c->T + (size_t)t) *
						   (size_t)c->L + (size_t)l;

					g->sub[i] += g->alt[(size_t)d * (size_t)c->T + (size_t)t] -
						     (g->dl[l] ? g->lpc[i] : 0);
				}
			L += v;
		}
	for (ci = 0; ci < c->n_cls; ci++)
		L += class_min(g, ci);
	for (k = 0; k < c->NT; k++) {
		int n = 0, left = c->tr[k].need;

		for (ci = 0; ci < c->n_cls; ci++)
			if (g->gain[ci * c->NT + k] > 0) {
				g->off[n].gain = g->gain[ci * c->NT + k];
				g->off[n++].n = c->cls[ci].n;
			}
		qsort(g->off, (size_t)n, sizeof *g->off, by_gain_desc);
		for (ci = 0; ci < n && left > 0; ci++) {
			int m = g->off[ci].n < left ? g->off[ci].n : left;

			L -= m * g->off[ci].gain;
			left -= m;
		}
	}
	return L;
}

double wfm_pl_lagrange(const pl_ctx *c, const pl_roster *start, double ub, double enough,
		   const pl_clock *k, double until, double *pi_out, const pl_hook *hook)
{
	lg g;
	size_t cells = (size_t)c->D * (size_t)c->T * (size_t)c->L, i;
	double best = -BIG, theta, *lo = NULL, *hi = NULL, *dir = NULL, t0, span, now;
	double mark_t, mark_best = -BIG, window;
	int it, stall = 0, d, t, l, *cnt = NULL;

	memset(&g, 0, sizeof g);
	g.c = c;
	g.pi = calloc(cells + 1, sizeof *g.pi);
	g.sub = calloc(cells + 1, sizeof *g.sub);
	g.v = calloc((size_t)c->D * (size_t)c->T + 1, sizeof *g.v);
	g.argl = calloc((size_t)c->D * (size_t)c->T + 1, sizeof *g.argl);
	g.pre = calloc((size_t)c->D * (size_t)(c->T + 1) + 1, sizeof *g.pre);
	g.tval = calloc((size_t)c->D * (size_t)c->maxtm + 1, sizeof *g.tval);
	g.tbo = calloc((size_t)c->D * (size_t)c->maxtm * PL_MAXB + 1, 1);
	g.dbest = calloc((size_t)c->D * (size_t)(c->ru->n_types + 1) + 1, sizeof *g.dbest);
	g.djbest = calloc((size_t)c->D * (size_t)(c->ru->n_types + 1) + 1, sizeof *g.djbest);
	g.gain = calloc((size_t)c->n_cls * (size_t)c->NT + 1, sizeof *g.gain);
	g.off = calloc((size_t)c->n_cls + 1, sizeof *g.off);
	g.alt = calloc((size_t)c->D * (size_t)c->T + 1, sizeof *g.alt);
	g.dl = calloc((size_t)c->L + 1, sizeof *g.dl);
	g.dl_c = calloc((size_t)c->L + 1, sizeof *g.dl_c);
	g.lpc = calloc(cells + 1, sizeof *g.lpc);
	g.lam = calloc((size_t)c->L * PL_MAXD + 1, sizeof *g.lam);
	g.lsub = calloc((size_t)c->L * PL_MAXD + 1, sizeof *g.lsub);
	g.hold = calloc((size_t)c->L + 1, sizeof *g.hold);
	g.dn = calloc((size_t)c->L + 1, sizeof *g.dn);
	lo = malloc((cells + 1) * sizeof *lo);
	hi = malloc((cells + 1) * sizeof *hi);
	if (!g.pi || !g.sub || !g.v || !g.argl || !g.pre || !g.tval || !g.tbo || !g.dbest ||
	    !g.djbest || !g.gain || !g.off || !g.dl || !g.dl_c || !g.lpc || !g.alt || !g.lam || !g.lsub || !g.hold ||
	    !g.dn || !lo || !hi)
		goto out;
	for (l = 0; l < c->L; l++)
		if (c->deferred_line[l]) {
			g.dn[l] = done_lp(c, l);
			if (c->svc_mode)
				continue;
			g.dl_c[l] = malloc(((size_t)c->D * (size_t)c->T + 1) * sizeof *g.dl_c[l]);
			if (!g.dl_c[l])
				goto out;
			if (!(g.dl[l] = deferred_lp(c, l, g.dl_c[l])))
				goto out;
		}
	for (i = 0; i < (size_t)c->n_cls; i++) {
		const pl_group *gr = &c->grp[c->cls[i].group];
		int j;

		for (j = 0; j < gr->n_lines; j++)
			g.hold[gr->lines[j]] += c->cls[i].n;
	}
	/* any price >= 0 of the spare gives a bound; above w_over a cell's
	 * spare turns into a gain and its cover runs to the agents holding
	 * the line (the bound of 125 agents at load 0.95 under the linear
	 * objective then stayed below 0 for 60 s) */
	g.lam_hi = c->ru->w_over;

	/* start from the prices the best roster implies: a short cell is worth
	 * w_under, a cell above its requirement costs w_over */
	cnt = start && !pi_out ? wfm_pl_cover_counts(c, start) : NULL;
	for (d = 0; d < c->D; d++)
		for (t = 0; t < c->T; t++)
			for (l = 0; l < c->L; l++) {
				i = ((size_t)d * (size_t)c->T + (size_t)t) * (size_t)c->L + (size_t)l;
				lo[i] = -c->h * c->ru->w_over;
				if (!c->svc_mode)
					hi[i] = c->h * c->ru->w_under * c->in->line[l].weight;
				else if (!c->deferred_line[l])
					hi[i] = wfm_pl_cell_cost(c, d, t, l, 0) -
						wfm_pl_cell_cost(c, d, t, l, 1);
				else
					hi[i] = wfm_pl_svc_cost(c, i, 0) - wfm_pl_svc_cost(c, i, 1) +
						c->h * (c->ru->w_deferred + c->ru->w_over);
				if (hi[i] < lo[i])
					hi[i] = lo[i];
				if (cnt && c->svc_mode) {
					/* what one agent more would save in the roster's
					 * cover n: the least price at which n is the cell's
					 * best.  The middle of the prices that keep n best
					 * (between the savings of one agent more and of the
					 * last one) was far worse under the steep service
					 * curves: agents chase the highest prices of their
					 * lines, and the last agent's saving overprices
					 * every cell short of its requirement.  125 agents
					 * at load 0.70 (seed 1): L = -901 at the start, 91.2
					 * after 25 s of CPU; from these prices 52.9 at the
					 * start, 93.76 after 8 s (the LP's value: 93.34). */
					int n = cnt[i];

					g.pi[i] = -(wfm_pl_cell_cost(c, d, t, l, n + 1) -
						    wfm_pl_cell_cost(c, d, t, l, n));
					if (g.pi[i] < lo[i])
						g.pi[i] = lo[i];
					if (g.pi[i] > hi[i])
						g.pi[i] = hi[i];
				} else if (cnt) {
					g.pi[i] = cnt[i] < c->in->req[i] ? hi[i] :
						  cnt[i] > c->in->req[i] ? lo[i] : 0;
				}
				else if (pi_out)
					g.pi[i] = pi_out[i] < lo[i] ? lo[i] : pi_out[i] > hi[i] ? hi[i] :
						  pi_out[i];
			}
	free(cnt);
	/* ascent: the direction mixes the new subgradient with half the
	 * previous direction (less zigzag); Polyak steps toward the best
	 * roster's cost, scaled by a factor that falls geometrically over the
	 * time given, from 2 to 1/32.  Measured on a 500-agent week (seed 1,
	 * 57 s, before trainings were counted in class_min, so the values are
	 * higher than now): 628.6, against 548.6 when the factor (from 0.3) was
	 * halved after every 40 steps without a better bound, where the ascent
	 * stalled after 17 s; a fall from 1 to 1/4096 stalled at 604-609, from
	 * 1 to 1/32 reached 620, from 4 to 1/32 628.4.  (Now: 624.1 in 46 s.)
	 * After the fall the ascent stops once 1,000 steps bring nothing
	 * better; from 30 % of the time given on, it also stops when a tenth
	 * of that time (a second at least) raised the bound by less than
	 * 0.02 %: the solver's search gets the rest (under the service
	 * objective, 125 agents at load 0.70: 93.76 after 8 s of CPU, 93.81
	 * after 25 s; at load 0.95 the bound still rises by 1 % in 10 s after
	 * 25 s of CPU, and the ascent keeps its time). */
	dir = calloc(cells + 1, sizeof *dir);
	if (!dir)
		goto out;
	t0 = wfm_pl_elapsed(k);
	span = until - t0 < 600 ? until - t0 : 600;
	mark_t = t0;
	window = span / 10 > 1 ? span / 10 : 1;
	for (it = 0;; it++) {
		double L, norm = 0, step, frac, lnorm;

		/* the first prices are always evaluated: a bound as soon as there
		 * is a roster, whatever the clock says */
		now = wfm_pl_elapsed(k);
		if (it > 0 && (wfm_pl_should_stop(k) || now >= until))
			break;
		L = evaluate(&g);
		frac = span > 0 ? (now - t0) / span : 1;

		if (L <= -BIG)
			break;
		if (frac > 1)
			frac = 1;
		theta = 2 * exp2(-6 * frac);
		if (L > best + 1e-9) {
			best = L;
			stall = 0;
			if (pi_out)
				memcpy(pi_out, g.pi, cells * sizeof *g.pi);
			if (hook && hook->better)
				hook->better(hook->ctx, best);
			if (best >= enough)
				break;
		} else if (++stall >= 1000 && frac >= 1) {
			break;
		}
		if (now - mark_t >= window) {
			if (frac >= 0.3 && best - mark_best < 2e-4 * fabs(best))
				break;
			mark_t = now;
			mark_best = best;
		}
		for (i = 0; i < cells; i++) {
			dir[i] = g.sub[i] + 0.5 * dir[i];
			norm += dir[i] * dir[i];
		}
		if (norm < 1e-12 || ub - L < 1e-9 * (1 + fabs(ub)))
			break;
		step = theta * (ub - L) / norm;
		for (i = 0; i < cells; i++) {
			double x = g.pi[i] + step * dir[i];

			g.pi[i] = x < lo[i] ? lo[i] : x > hi[i] ? hi[i] : x;
		}
		/* the prices of spare hours: a step of their own (their
		 * subgradient is in hours, tens of them a day) */
		lnorm = 0;
		for (i = 0; i < (size_t)c->L * PL_MAXD; i++)
			lnorm += g.lsub[i] * g.lsub[i];
		if (lnorm > 1e-12) {
			double ls = 0.1 * theta * (ub - L) / lnorm;

			for (i = 0; i < (size_t)c->L * PL_MAXD; i++) {
				double x = g.lam[i] + ls * g.lsub[i];

				g.lam[i] = x < 0 ? 0 : x > g.lam_hi ? g.lam_hi : x;
			}
		}
	}
	free(dir);
out:
	for (l = 0; g.dl && l < c->L; l++)
		if (g.dl[l])
			glp_delete_prob(g.dl[l]);
	for (l = 0; g.dl_c && l < c->L; l++)
		free(g.dl_c[l]);
	free(g.dl);
	free(g.dl_c);
	free(g.lpc);
	for (l = 0; g.dn && l < c->L; l++)
		if (g.dn[l])
			glp_delete_prob(g.dn[l]);
	free(g.lam);
	free(g.lsub);
	free(g.hold);
	free(g.dn);
	free(g.pi);
	free(g.sub);
	free(g.v);
	free(g.argl);
	free(g.pre);
	free(g.tval);
	free(g.tbo);
	free(g.dbest);
	free(g.djbest);
	free(g.gain);
	free(g.off);
	free(g.alt);
	free(lo);
	free(hi);
	return best;
}
