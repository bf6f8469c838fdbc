/* plan_roster.c - individual plans: storage, the floor they put on each
 * line, their exact cost, and their image as a vector of model columns. */
#include "plan_impl.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

pl_roster *wfm_pl_roster_new(const pl_ctx *c)
{
	pl_roster *r = calloc(1, sizeof *r);
	size_t ad = (size_t)c->A * (size_t)c->D;
	int k, maxs = 1;

	if (!r)
		return NULL;
	for (k = 0; k < c->NT; k++)
		if (c->tr[k].n_sess > maxs)
			maxs = c->tr[k].n_sess;
	r->maxs = maxs;
	r->tm = malloc(ad * sizeof *r->tm + 1);
	r->bo = calloc(ad * PL_MAXB + 1, 1);
	r->grant = calloc((size_t)c->in->n_leave + 1, 1);
	r->sd = malloc(((size_t)c->NT * (size_t)maxs + 1) * sizeof *r->sd);
	r->st = malloc(((size_t)c->NT * (size_t)maxs + 1) * sizeof *r->st);
	r->att = malloc(((size_t)c->A * (size_t)c->NT + 1) * sizeof *r->att);
	r->ln = malloc(ad * (size_t)c->T + 1);
	if (!r->tm || !r->bo || !r->grant || !r->sd || !r->st || !r->att || !r->ln) {
		wfm_pl_roster_free(r);
		return NULL;
	}
	wfm_pl_roster_clear(c, r);
	return r;
}

void wfm_pl_roster_clear(const pl_ctx *c, pl_roster *r)
{
	size_t ad = (size_t)c->A * (size_t)c->D, i;

	for (i = 0; i < ad; i++)
		r->tm[i] = -1;
	memset(r->bo, 0, ad * PL_MAXB);
	memset(r->grant, 0, (size_t)c->in->n_leave);
	for (i = 0; i < (size_t)c->NT * (size_t)r->maxs; i++)
		r->sd[i] = r->st[i] = -1;
	for (i = 0; i < (size_t)c->A * (size_t)c->NT; i++)
		r->att[i] = -1;
	memset(r->ln, -1, ad * (size_t)c->T);
	r->cost = r->under_h = r->over_h = r->late_h = 0;
}

void wfm_pl_roster_free(pl_roster *r)
{
	if (!r)
		return;
	free(r->tm);
	free(r->bo);
	free(r->grant);
	free(r->sd);
	free(r->st);
	free(r->att);
	free(r->ln);
	free(r);
}

void wfm_pl_roster_copy(const pl_ctx *c, pl_roster *dst, const pl_roster *src)
{
	size_t ad = (size_t)c->A * (size_t)c->D;

	memcpy(dst->tm, src->tm, ad * sizeof *dst->tm);
	memcpy(dst->bo, src->bo, ad * PL_MAXB);
	memcpy(dst->grant, src->grant, (size_t)c->in->n_leave);
	memcpy(dst->sd, src->sd, (size_t)c->NT * (size_t)src->maxs * sizeof *dst->sd);
	memcpy(dst->st, src->st, (size_t)c->NT * (size_t)src->maxs * sizeof *dst->st);
	memcpy(dst->att, src->att, (size_t)c->A * (size_t)c->NT * sizeof *dst->att);
	memcpy(dst->ln, src->ln, ad * (size_t)c->T);
	dst->cost = src->cost;
	dst->under_h = src->under_h;
	dst->over_h = src->over_h;
	dst->late_h = src->late_h;
}

/* Marks in mask[0..T) the intervals agent a spends on the floor on day d:
 * inside the shift, not on a break, not in a training session. */
void wfm_pl_floor_mask(const pl_ctx *c, const pl_roster *r, int a, int d, unsigned char *mask)
{
	int j = r->tm[a * c->D + d], t, b, k;
	const pl_tmpl *tp;

	memset(mask, 0, (size_t)c->T);
	if (j < 0)
		return;
	tp = &c->tmpl[d][j];
	for (t = tp->s; t < tp->e; t++)
		mask[t] = 1;
	for (b = 0; b < c->nb[tp->type]; b++) {
		int bs = tp->s + r->bo[(a * c->D + d) * PL_MAXB + b];

		for (t = bs; t < bs + c->blen[tp->type][b]; t++)
			mask[t] = 0;
	}
	for (k = 0; k < c->NT; k++) {
		int s = r->att[a * c->NT + k], i = k * r->maxs + s;

		if (s < 0 || r->sd[i] != d)
			continue;
		for (t = r->st[i]; t < r->st[i] + c->tr[k].len; t++)
			mask[t] = 0;
	}
}

/* The grant mask of agent a's requests (bit i: the class's i-th request). */
unsigned wfm_pl_grant_mask(const pl_ctx *c, const pl_roster *r, int a)
{
	const pl_class *cl = &c->cls[c->cls_of[a]];
	unsigned m = 0;
	int i;

	for (i = 0; i < cl->n_req; i++)
		if (r->grant[cl->req[i]])
			m |= 1u << i;
	return m;
}

int wfm_pl_pattern_of(const pl_ctx *c, const pl_roster *r, int a)
{
	const pl_class *cl = &c->cls[c->cls_of[a]];
	unsigned m = wfm_pl_grant_mask(c, r, a);
	int p, d;

	for (p = 0; p < cl->n_pat; p++) {
		if (cl->pat[p].grant != m)
			continue;
		for (d = 0; d < c->D; d++) {
			int j = r->tm[a * c->D + d];

			if (cl->pat[p].type[d] != (j < 0 ? -1 : c->tmpl[d][j].type))
				break;
		}
		if (d == c->D)
			return p;
	}
	return -1;
}

int wfm_pl_fill_flow(const pl_ctx *c, const pl_roster *r, pl_flow *f)
{
	unsigned char *mask = malloc((size_t)c->T + 1);
	int a, d, t;

	if (!mask)
		return -1;
	wfm_pl_flow_clear(c, f);
	for (a = 0; a < c->A; a++)
		for (d = 0; d < c->D; d++) {
			wfm_pl_floor_mask(c, r, a, d, mask);
			for (t = 0; t < c->T; t++)
				if (mask[t])
					wfm_pl_flow_add(c, f, d, t, c->grp_of[a]);
		}
	free(mask);
	return 0;
}

/* Gives every agent on the floor a line so that the agents of each group on
 * each line match the flow; an agent keeps the line of the interval before
 * when the counts allow it. */
int wfm_pl_lines_from_flow(const pl_ctx *c, pl_roster *r, const pl_flow *f)
{
	int *quota = malloc(((size_t)c->L + 1) * sizeof *quota);
	unsigned char *mask = malloc((size_t)c->A * (size_t)c->T + 1);
	int d, t, g, a, l, pass;

	if (!quota || !mask) {
		free(quota);
		free(mask);
		return -1;
	}
	memset(r->ln, -1, (size_t)c->A * (size_t)c->D * (size_t)c->T);
	for (d = 0; d < c->D; d++) {
		for (a = 0; a < c->A; a++)
			wfm_pl_floor_mask(c, r, a, d, mask + (size_t)a * (size_t)c->T);
		for (t = 0; t < c->T; t++)
			for (g = 0; g < c->n_grp; g++) {
				const pl_group *gr = &c->grp[g];
				size_t dt = (size_t)d * (size_t)c->T + (size_t)t;
				int i, m;

				for (l = 0; l < c->L; l++)
					quota[l] = f->x[(dt * (size_t)f->G + (size_t)g) * (size_t)f->L +
							(size_t)l];
				for (pass = 0; pass < 2; pass++)
					for (i = 0; i < gr->n_cls; i++) {
						const pl_class *cl = &c->cls[gr->cls[i]];

						for (m = 0; m < cl->n; m++) {
							size_t at;
							int k, prev;

							a = cl->member[m];
							at = ((size_t)a * (size_t)c->D + (size_t)d) *
							     (size_t)c->T + (size_t)t;
							if (!mask[(size_t)a * (size_t)c->T + (size_t)t] ||
							    r->ln[at] >= 0)
								continue;
							prev = t > 0 ? r->ln[at - 1] : -1;
							if (pass == 0) {
								if (prev >= 0 && quota[prev] > 0) {
									r->ln[at] = (signed char)prev;
									quota[prev]--;
								}
								continue;
							}
							for (k = 0; k < gr->n_lines; k++)
								if (quota[gr->lines[k]] > 0) {
									r->ln[at] = (signed char)gr->lines[k];
									quota[gr->lines[k]]--;
									break;
								}
						}
					}
			}
	}
	free(quota);
	free(mask);
	return 0;
}

int *wfm_pl_cover_counts(const pl_ctx *c, const pl_roster *r)
{
	size_t cells = (size_t)c->D * (size_t)c->T * (size_t)c->L;
	int *cnt = calloc(cells + 1, sizeof *cnt);
	int a, d, t;

	if (!cnt)
		return NULL;
	for (a = 0; a < c->A; a++)
		for (d = 0; d < c->D; d++)
			for (t = 0; t < c->T; t++) {
				int l = r->ln[((size_t)a * (size_t)c->D + (size_t)d) * (size_t)c->T +
					      (size_t)t];

				if (l >= 0)
					cnt[((size_t)d * (size_t)c->T + (size_t)t) * (size_t)c->L +
					    (size_t)l]++;
			}
	return cnt;
}

double wfm_pl_evaluate(const pl_ctx *c, pl_roster *r)
{
	int *cnt = wfm_pl_cover_counts(c, r);
	double cost = 0, under = 0, over = 0, lateh = 0;
	double done[PL_MAXD], late[PL_MAXD];
	int d, t, l, a, i;

	if (!cnt)
		return HUGE_VAL;
	for (d = 0; d < c->D; d++)
		for (t = 0; t < c->T; t++)
			for (l = 0; l < c->L; l++) {
				size_t ci = ((size_t)d * (size_t)c->T + (size_t)t) * (size_t)c->L +
					    (size_t)l;
				double rq = c->in->req[ci];

				if (rq > cnt[ci])
					under += (rq - cnt[ci]) * c->h;
				else if (!c->deferred_line[l])
					over += (cnt[ci] - rq) * c->h;
				cost += c->deferred_line[l] ? wfm_pl_live_cost(c, d, t, l, cnt[ci]) :
					wfm_pl_cell_cost(c, d, t, l, cnt[ci]);
			}
	for (l = 0; l < c->L; l++) {
		double unused;

		if (!c->deferred_line[l])
			continue;
		unused = wfm_pl_deferred_line(c, cnt, l, done, late);
		over += unused;
		cost += c->ru->w_over * unused;
		for (d = 0; d < c->D; d++) {
			cost += c->ru->w_deferred * late[d];
			lateh += late[d];
		}
	}
	for (a = 0; a < c->A; a++)
		for (d = 0; d < c->D; d++) {
			int j = r->tm[a * c->D + d];

			if (j >= 0 && !wfm_pl_pref_ok(c, a, d, j))
				cost += c->ru->w_pref;
		}
	for (i = 0; i < c->in->n_leave; i++)
		if (c->in->leave[i].requested && !r->grant[i])
			cost += c->req_cost[i];
	free(cnt);
	r->cost = cost;
	r->under_h = under;
	r->over_h = over;
	r->late_h = lateh;
	return cost;
}

static int slot_of(const pl_train *tr, int d, int t)
{
	int i;

	for (i = 0; i < tr->n_slot; i++)
		if (tr->slot[i].d == d && tr->slot[i].t == t)
			return i;
	return -1;
}

int wfm_pl_roster_to_x(const pl_ctx *c, const pl_roster *r, double *x)
{
	int *cnt = wfm_pl_cover_counts(c, r);
	double done[PL_MAXD], late[PL_MAXD];
	int a, d, t, l, k, b;

	if (!cnt)
		return -1;
	memset(x, 0, ((size_t)c->ncols + 1) * sizeof *x);
	for (a = 0; a < c->A; a++) {
		int ci = c->cls_of[a], g = c->grp_of[a], p = wfm_pl_pattern_of(c, r, a);
		const pl_class *cl = &c->cls[c->cls_of[a]];
		const pl_tgroup *tg = &c->tgr[c->tg_of[a]];

		if (p < 0) {
			free(cnt);
			return -2;
		}
		x[cl->col_p + p] += 1;
		for (d = 0; d < c->D; d++) {
			int j = r->tm[a * c->D + d], ty, base;
			const pl_tmpl *tp;

			if (j < 0)
				continue;
			if (!tg->col_n[d][j]) {
				free(cnt);
				return -2;
			}
			x[tg->col_n[d][j]] += 1;
			tp = &c->tmpl[d][j];
			ty = tp->type;
			for (t = tp->s; t < tp->e; t++)
				x[c->col_P[((size_t)g * PL_MAXD + (size_t)d) * (size_t)c->T + (size_t)t]] += 1;
			base = c->exact ? c->col_xq[((size_t)g * PL_MAXD + (size_t)d) *
						    (size_t)c->maxtm + (size_t)j] : 0;
			for (b = 0; b < c->nb[ty]; b++) {
				int o = r->bo[(a * c->D + d) * PL_MAXB + b];

				if (c->exact) {
					x[base + o - c->bmin[ty][b]] += 1;
					base += c->bmax[ty][b] - c->bmin[ty][b] + 1;
					continue;
				}
				for (t = tp->s + o; t < tp->s + o + c->blen[ty][b]; t++)
					x[c->col_beta[((size_t)g * PL_MAXD + (size_t)d) * (size_t)c->T +
						      (size_t)t]] += 1;
			}
			for (t = 0; t < c->T; t++) {
					int ln = r->ln[((size_t)a * (size_t)c->D + (size_t)d) *
						       (size_t)c->T + (size_t)t], i;
					int y = c->col_y[((size_t)g * PL_MAXD + (size_t)d) *
							 (size_t)c->T + (size_t)t];

					if (ln < 0)
						continue;
					for (i = 0; c->grp[g].lines[i] != ln; i++)
						;
					x[y + i] += 1;
				}
		}
		for (k = 0; k < c->NT; k++) {
			const pl_train *tr = &c->tr[k];
			int s = r->att[a * c->NT + k], si;

			if (s < 0)
				continue;
			si = slot_of(tr, r->sd[k * r->maxs + s], r->st[k * r->maxs + s]);
			if (si < 0) {
				free(cnt);
				return -2;
			}
			if (c->in->training[k].count)
				ci = c->tg_of[a];
			x[tr->col_w[((size_t)ci * (size_t)tr->n_sess + (size_t)s) *
				    (size_t)tr->n_slot + (size_t)si]] += 1;
		}
	}
	for (k = 0; k < c->NT; k++) {
		const pl_train *tr = &c->tr[k];
		int s;

		for (s = 0; s < tr->n_sess; s++) {
			int si = slot_of(tr, r->sd[k * r->maxs + s], r->st[k * r->maxs + s]);

			if (si < 0) {
				free(cnt);
				return -2;
			}
			x[tr->col_z[s * tr->n_slot + si]] = 1;
		}
	}
	for (a = 0; a < c->in->n_leave; a++)
		if (c->col_g[a])
			x[c->col_g[a]] = r->grant[a];
	/* cells */
	for (l = 0; l < c->L; l++) {
		double need[PL_MAXD];

		if (c->deferred_line[l]) {
			wfm_pl_deferred_line(c, cnt, l, done, late);
			for (d = 0; d < c->D; d++) {
				need[d] = done[d];
				if (c->col_short[l * PL_MAXD + d])
					x[c->col_short[l * PL_MAXD + d]] = late[d];
			}
		}
		for (d = 0; d < c->D; d++)
			for (t = c->open_t[d]; t < c->close_t[d]; t++) {
				size_t ci = ((size_t)d * (size_t)c->T + (size_t)t) * (size_t)c->L +
					    (size_t)l;
				int j = c->col_cell[ci];
				double rq = c->in->req[ci], cv = cnt[ci];

				if (c->svc_mode) {
					int q, nl = c->col_nlo[ci], nt = c->col_nseg[ci];
					int sg = c->col_seg[ci], R = c->seg_ref[ci];
					double left = cv > R ? cv - R : R - cv;

					/* the segments away from R in order, each up to its
					 * length: those below for cv < R, those above else */
					for (q = cv < R ? 0 : nl; q < (cv < R ? nl : nt); q++) {
						double len = q + 1 < nt ? glp_get_col_ub(c->P, sg + q) : left;

						x[sg + q] = left < len ? left : len;
						left -= x[sg + q];
					}
				}
				if (c->deferred_line[l]) {
					double ex = cv > rq ? cv - rq : 0, m = ex;

					if (m * c->h > need[d])
						m = need[d] / c->h;
					need[d] -= m * c->h;
					if (c->svc_mode) {
						x[j] = ex - m;
						x[j + 1] = m;
						x[j + 2] = rq > cv ? rq - cv : 0;
					} else {
						x[j] = rq > cv ? rq - cv : 0;
						x[j + 1] = ex - m;
						x[j + 2] = m;
					}
				} else if (!c->svc_mode) {
					double r0 = floor(rq + 1e-9), v = cv - r0;

					x[j] = v < 0 ? 0 : v > 1 ? 1 : v;
					x[j + 1] = v < 0 ? -v : 0;
					x[j + 2] = v > 1 ? v - 1 : 0;
				}
			}
	}
	free(cnt);
	return 0;
}
