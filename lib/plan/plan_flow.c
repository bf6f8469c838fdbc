/* plan_flow.c - which line each agent on the floor covers, per interval.
 *
 * In one interval, agents of skill group g (f_g of them on the floor) go to
 * lines they hold; line l with c agents costs cost_l(c), a convex function
 * of c.  This is a min-cost flow with convex costs: adding one agent along
 * the cheapest alternating path (g -> l1, an agent of g1 on l1 moves to l2,
 * ...) keeps the assignment optimal, and so does removing one along the path
 * of largest saving (successive shortest paths; every edge but the last is
 * free, so a breadth-first search finds the path).  A state holds, for every
 * interval of the week, the floor per group, the agents per group and line,
 * and the cover per line.
 */
#include "plan_impl.h"

#include <stdlib.h>
#include <string.h>

/* Cost of `n` agents on line l in interval (d, t), as the search sees it.
 * For lines without deferred work: the exact cell cost.  For a line with
 * deferred work, agents above the requirement earn w_deferred per hour up to
 * the day's released work spread over its open hours, then cost w_over; with
 * the service objective, on top of the cell's service cost, and made convex
 * by its lower envelope. */
double wfm_pl_flow_cost(const pl_ctx *c, int d, int t, int l, int n)
{
	double r, q, wu, h = c->h;
	size_t ci = ((size_t)d * (size_t)c->T + (size_t)t) * (size_t)c->L + (size_t)l;
	int open;

	if (!c->deferred_line[l])
		return wfm_pl_cell_cost(c, d, t, l, n);
	if (c->svc_mode) {
		/* the convex stand-in prepared by build_service (plan_prep.c) */
		const double *v = c->sd_pool + c->sd_first[ci];
		int m = c->sd_n[ci];

		return n < m ? v[n] : v[m - 1] + h * c->ru->w_over * (n - m + 1);
	}
	r = c->in->req[ci];
	open = c->close_t[d] - c->open_t[d];
	q = open > 0 ? c->rel[l * PL_MAXD + d] / (open * h) : 0;
	wu = c->ru->w_under * c->in->line[l].weight;
	if (n < r)
		return h * (wu * (r - n) + c->ru->w_deferred * q);
	if (n < r + q)
		return h * c->ru->w_deferred * (r + q - n);
	return h * c->ru->w_over * (n - r - q);
}

pl_flow *wfm_pl_flow_new(const pl_ctx *c)
{
	pl_flow *f = calloc(1, sizeof *f);
	size_t cells = (size_t)c->D * (size_t)c->T;
	int g, l, i;

	if (!f)
		return NULL;
	f->G = c->n_grp;
	f->L = c->L;
	f->fl = calloc(cells * (size_t)f->G + 1, sizeof *f->fl);
	f->x = calloc(cells * (size_t)f->G * (size_t)f->L + 1, sizeof *f->x);
	f->cnt = calloc(cells * (size_t)f->L + 1, sizeof *f->cnt);
	f->has = calloc((size_t)f->G * (size_t)f->L + 1, 1);
	f->lg_n = calloc((size_t)f->L + 1, sizeof *f->lg_n);
	f->lg = calloc((size_t)f->L * (size_t)f->G + 1, sizeof *f->lg);
	f->vis_g = calloc((size_t)f->G + 1, sizeof *f->vis_g);
	f->vis_l = calloc((size_t)f->L + 1, sizeof *f->vis_l);
	f->par_g = calloc((size_t)f->G + 1, sizeof *f->par_g);
	f->par_l = calloc((size_t)f->L + 1, sizeof *f->par_l);
	f->queue = calloc((size_t)f->G + 1, sizeof *f->queue);
	f->dirty = calloc((size_t)f->L + 1, 1);
	if (!f->dirty || !f->fl || !f->x || !f->cnt || !f->has || !f->lg_n || !f->lg || !f->vis_g ||
	    !f->vis_l || !f->par_g || !f->par_l || !f->queue) {
		wfm_pl_flow_free(f);
		return NULL;
	}
	for (g = 0; g < f->G; g++)
		for (i = 0; i < c->grp[g].n_lines; i++) {
			l = c->grp[g].lines[i];
			f->has[g * f->L + l] = 1;
			f->lg[l * f->G + f->lg_n[l]++] = g;
		}
	return f;
}

void wfm_pl_flow_free(pl_flow *f)
{
	if (!f)
		return;
	free(f->fl);
	free(f->x);
	free(f->cnt);
	free(f->has);
	free(f->lg_n);
	free(f->lg);
	free(f->vis_g);
	free(f->vis_l);
	free(f->par_g);
	free(f->par_l);
	free(f->queue);
	free(f->dirty);
	free(f);
}

void wfm_pl_flow_clear(const pl_ctx *c, pl_flow *f)
{
	size_t cells = (size_t)c->D * (size_t)c->T;
	int d, t, l;

	memset(f->fl, 0, cells * (size_t)f->G * sizeof *f->fl);
	memset(f->x, 0, cells * (size_t)f->G * (size_t)f->L * sizeof *f->x);
	memset(f->cnt, 0, cells * (size_t)f->L * sizeof *f->cnt);
	f->cost = wfm_pl_flow_empty_cost(c);
	f->cost_nd = 0;
	for (d = 0; d < c->D; d++)
		for (t = 0; t < c->T; t++)
			for (l = 0; l < c->L; l++)
				if (!c->deferred_line[l])
					f->cost_nd += wfm_pl_cell_cost(c, d, t, l, 0);
	memset(f->dirty, 1, (size_t)f->L);
}

/* Exact cost of line l with deferred work under cover cnt (the layout of
 * wfm_pl_cover_counts): the intervals short of the live requirement, the spare
 * agents left unused by the deferred work, and the hours late per day. */
double wfm_pl_deferred_cost(const pl_ctx *c, const int *cnt, int l)
{
	double done[PL_MAXD], late[PL_MAXD], cost;
	int d, t;

	cost = c->ru->w_over * wfm_pl_deferred_line(c, cnt, l, done, late);
	for (d = 0; d < c->D; d++) {
		cost += c->ru->w_deferred * late[d];
		for (t = 0; t < c->T; t++)
			cost += wfm_pl_live_cost(c, d, t, l,
						 cnt[((size_t)d * (size_t)c->T + (size_t)t) *
						     (size_t)c->L + (size_t)l]);
	}
	return cost;
}

/* Cost of the empty floor: every line at 0 agents. */
double wfm_pl_flow_empty_cost(const pl_ctx *c)
{
	double s = 0;
	int d, t, l;

	for (d = 0; d < c->D; d++)
		for (t = 0; t < c->T; t++)
			for (l = 0; l < c->L; l++)
				s += wfm_pl_flow_cost(c, d, t, l, 0);
	return s;
}

static void mark(pl_flow *f)
{
	f->stamp++;
	if (f->stamp == 0) {
		memset(f->vis_g, 0, (size_t)f->G * sizeof *f->vis_g);
		memset(f->vis_l, 0, (size_t)f->L * sizeof *f->vis_l);
		f->stamp = 1;
	}
}

/* The cheapest alternating path for one more agent of g0 in interval
 * (d, t): returns the line whose count would grow, *mc its marginal cost;
 * par_l / par_g hold the path. */
static int search_add(const pl_ctx *c, pl_flow *f, int d, int t, int g0, double *mc)
{
	size_t dt = (size_t)d * (size_t)c->T + (size_t)t;
	int *x = f->x + dt * (size_t)f->G * (size_t)f->L, *cnt = f->cnt + dt * (size_t)f->L;
	int qh = 0, qt = 0, best = -1, g, l, i, k;
	double bmc = 0;

	mark(f);
	f->vis_g[g0] = f->stamp;
	f->queue[qt++] = g0;
	while (qh < qt) {
		g = f->queue[qh++];
		for (i = 0; i < c->grp[g].n_lines; i++) {
			double m;

			l = c->grp[g].lines[i];
			if (f->vis_l[l] == f->stamp)
				continue;
			f->vis_l[l] = f->stamp;
			f->par_l[l] = g;
			m = wfm_pl_flow_cost(c, d, t, l, cnt[l] + 1) - wfm_pl_flow_cost(c, d, t, l, cnt[l]);
			if (best < 0 || m < bmc - 1e-12) {
				best = l;
				bmc = m;
			}
			for (k = 0; k < f->lg_n[l]; k++) {
				int g2 = f->lg[l * f->G + k];

				if (f->vis_g[g2] != f->stamp && x[g2 * f->L + l] > 0) {
					f->vis_g[g2] = f->stamp;
					f->par_g[g2] = l;
					f->queue[qt++] = g2;
				}
			}
		}
	}
	*mc = bmc;
	return best;
}

double wfm_pl_flow_probe_add(const pl_ctx *c, pl_flow *f, int d, int t, int g0)
{
	double mc;

	search_add(c, f, d, t, g0, &mc);
	return mc;
}

double wfm_pl_flow_add(const pl_ctx *c, pl_flow *f, int d, int t, int g0)
{
	size_t dt = (size_t)d * (size_t)c->T + (size_t)t;
	int *x = f->x + dt * (size_t)f->G * (size_t)f->L, *cnt = f->cnt + dt * (size_t)f->L;
	int best, g, l;
	double bmc;

	best = search_add(c, f, d, t, g0, &bmc);
	/* augment: the group that reached `best` takes it; it leaves the line it
	 * was reached from, which the previous group takes, and so on */
	l = best;
	g = f->par_l[l];
	x[g * f->L + l]++;
	while (g != g0) {
		l = f->par_g[g];
		x[g * f->L + l]--;
		g = f->par_l[l];
		x[g * f->L + l]++;
	}
	if (c->deferred_line[best])
		f->dirty[best] = 1;
	else
		f->cost_nd += wfm_pl_cell_cost(c, d, t, best, cnt[best] + 1) -
			      wfm_pl_cell_cost(c, d, t, best, cnt[best]);
	cnt[best]++;
	f->fl[dt * (size_t)f->G + (size_t)g0]++;
	f->cost += bmc;
	return bmc;
}

/* The path of largest saving for one agent of g0 less in interval (d, t):
 * returns the line whose count would drop, *sv the saving. */
static int search_remove(const pl_ctx *c, pl_flow *f, int d, int t, int g0, double *sv)
{
	size_t dt = (size_t)d * (size_t)c->T + (size_t)t;
	int *x = f->x + dt * (size_t)f->G * (size_t)f->L, *cnt = f->cnt + dt * (size_t)f->L;
	int qh = 0, qt = 0, best = -1, g, l, i, k;
	double bsv = 0;

	mark(f);
	f->vis_g[g0] = f->stamp;
	f->queue[qt++] = g0;
	while (qh < qt) {
		g = f->queue[qh++];
		/* g gives up a unit on one of its lines */
		for (i = 0; i < c->grp[g].n_lines; i++) {
			double v;

			l = c->grp[g].lines[i];
			if (x[g * f->L + l] <= 0 || f->vis_l[l] == f->stamp)
				continue;
			f->vis_l[l] = f->stamp;
			f->par_l[l] = g;
			v = wfm_pl_flow_cost(c, d, t, l, cnt[l]) - wfm_pl_flow_cost(c, d, t, l, cnt[l] - 1);
			if (best < 0 || v > bsv + 1e-12) {
				best = l;
				bsv = v;
			}
			/* another group holding l may move into it from its own line */
			for (k = 0; k < f->lg_n[l]; k++) {
				int g2 = f->lg[l * f->G + k];

				if (f->vis_g[g2] != f->stamp) {
					f->vis_g[g2] = f->stamp;
					f->par_g[g2] = l;
					f->queue[qt++] = g2;
				}
			}
		}
	}
	*sv = bsv;
	return best;
}

double wfm_pl_flow_probe_remove(const pl_ctx *c, pl_flow *f, int d, int t, int g0)
{
	double sv;

	search_remove(c, f, d, t, g0, &sv);
	return -sv;
}

double wfm_pl_flow_remove(const pl_ctx *c, pl_flow *f, int d, int t, int g0)
{
	size_t dt = (size_t)d * (size_t)c->T + (size_t)t;
	int *x = f->x + dt * (size_t)f->G * (size_t)f->L, *cnt = f->cnt + dt * (size_t)f->L;
	int best, g, l;
	double bsv;

	best = search_remove(c, f, d, t, g0, &bsv);
	l = best;
	g = f->par_l[l];
	x[g * f->L + l]--;
	while (g != g0) {
		l = f->par_g[g];
		x[g * f->L + l]++;
		g = f->par_l[l];
		x[g * f->L + l]--;
	}
	if (c->deferred_line[best])
		f->dirty[best] = 1;
	else
		f->cost_nd += wfm_pl_cell_cost(c, d, t, best, cnt[best] - 1) -
			      wfm_pl_cell_cost(c, d, t, best, cnt[best]);
	cnt[best]--;
	f->fl[dt * (size_t)f->G + (size_t)g0]--;
	f->cost -= bsv;
	return -bsv;
}
