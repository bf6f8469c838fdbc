/* plan_round.c - from model values (an LP optimum or a MIP solution) to an
 * individual roster that keeps every hard rule.
 *
 * Patterns, templates and break offsets are rounded per class (or group) by
 * largest remainder, so that counts stay exact and whole; agents of a class
 * are interchangeable, so which member gets which count does not matter.
 * Agents whose rest rule may bind get their templates by a Viterbi pass over
 * the days.  Training sessions take the slot the model weights most; the
 * attendees are matched to sessions within the group sizes, and an agent
 * whose shift does not cover a session gets a covering template of the same
 * type, or a week that works that day. */
#include "plan_impl.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static unsigned rnd(unsigned *s)
{
	*s = *s * 1103515245u + 12345u;
	return *s >> 8;
}

/* Whole counts k[i] (only where allow[i]) summing to N, close to v[i]. */
static void largest_remainder(const double *v, const unsigned char *allow, int n, int N,
			      int *k, unsigned *seed)
{
	int i, S = 0, any = 0;

	for (i = 0; i < n; i++) {
		k[i] = allow[i] ? (int)floor(v[i] + 1e-6) : 0;
		if (k[i] < 0)
			k[i] = 0;
		S += k[i];
		any |= allow[i];
	}
	if (!any)
		return;
	while (S < N) {
		int best = -1;
		double br = -1;

		for (i = 0; i < n; i++) {
			double rem;

			if (!allow[i])
				continue;
			rem = v[i] - k[i] + (rnd(seed) % 1000) * 1e-9;
			if (rem > br) {
				br = rem;
				best = i;
			}
		}
		k[best]++;
		S++;
	}
	while (S > N) {
		int best = -1;
		double br = 1e300;

		for (i = 0; i < n; i++)
			if (k[i] > 0 && v[i] - k[i] < br) {
				br = v[i] - k[i];
				best = i;
			}
		k[best]--;
		S--;
	}
}

/* For an agent whose rest rule may bind: templates for the worked days of
 * its pattern (types fixed) that keep the rest and maximise the sum of
 * score[d][j]; day `must` (or -1) must cover [t0, t0 + len).  Returns 0 when
 * no chain exists. */
static int viterbi(const pl_ctx *c, pl_roster *r, int a, const signed char *type,
		   double *const *score, int must, int t0, int len)
{
	const pl_class *cl = &c->cls[c->cls_of[a]];
	double *val[PL_MAXD];
	int *from[PL_MAXD];
	int d, j, jj, ok = 1, best = -1;

	for (d = 0; d < c->D; d++) {
		val[d] = malloc(((size_t)c->n_tmpl[d] + 1) * sizeof *val[d]);
		from[d] = malloc(((size_t)c->n_tmpl[d] + 1) * sizeof *from[d]);
		if (!val[d] || !from[d])
			ok = 0;
	}
	for (d = 0; ok && d < c->D; d++) {
		int any = 0;

		if (type[d] < 0)
			continue;
		for (j = 0; j < c->n_tmpl[d]; j++) {
			val[d][j] = -1e300;
			from[d][j] = -1;
			if (!cl->ok[d][j] || c->tmpl[d][j].type != type[d])
				continue;
			if (d == must && !wfm_pl_tmpl_covers(c, d, j, t0, len))
				continue;
			if (d > 0 && type[d - 1] >= 0 && c->next_ok[d - 1]) {
				double bv = -1e300;
				int bj = -1;

				for (jj = 0; jj < c->n_tmpl[d - 1]; jj++)
					if (val[d - 1][jj] > -1e299 && wfm_pl_rest_ok(c, d - 1, jj, j) &&
					    val[d - 1][jj] > bv) {
						bv = val[d - 1][jj];
						bj = jj;
					}
				if (bj < 0)
					continue;
				val[d][j] = bv + (score ? score[d][j] : 0);
				from[d][j] = bj;
			} else {
				double prev = 0;

				/* best value of the chain that ended before */
				for (jj = d - 1; jj >= 0 && type[jj] < 0; jj--)
					;
				if (jj >= 0) {
					int i;

					prev = -1e300;
					for (i = 0; i < c->n_tmpl[jj]; i++)
						if (val[jj][i] > prev)
							prev = val[jj][i];
				}
				val[d][j] = prev + (score ? score[d][j] : 0);
			}
			any = 1;
		}
		if (!any)
			ok = 0;
	}
	if (ok) {
		/* trace back from the last worked day */
		for (d = 0; d < c->D; d++)
			if (type[d] < 0)
				r->tm[a * c->D + d] = -1;
		for (d = c->D - 1; d >= 0 && type[d] < 0; d--)
			;
		while (d >= 0) {
			double bv = -1e300;

			if (best < 0) {
				for (j = 0; j < c->n_tmpl[d]; j++)
					if (val[d][j] > bv) {
						bv = val[d][j];
						best = j;
					}
			}
			r->tm[a * c->D + d] = best;
			if (d > 0 && type[d - 1] >= 0 && c->next_ok[d - 1]) {
				best = from[d][best];
				d--;
			} else {
				best = -1;
				for (d--; d >= 0 && type[d] < 0; d--)
					r->tm[a * c->D + d] = -1;
			}
		}
	}
	for (d = 0; d < c->D; d++) {
		free(val[d]);
		free(from[d]);
	}
	return ok;
}

static int attends_other(const pl_ctx *c, const pl_roster *r, int a, int k0, int d)
{
	int k;

	for (k = 0; k < c->NT; k++) {
		int s = r->att[a * c->NT + k];

		if (k != k0 && s >= 0 && r->sd[k * r->maxs + s] == d)
			return 1;
	}
	return 0;
}

/* 1 when the interval [bs, bs + len) of day d overlaps a session agent a
 * attends in r, training k0 left out (-1: none left out). */
static int in_session(const pl_ctx *c, const pl_roster *r, int a, int k0, int d, int bs, int len)
{
	int k;

	for (k = 0; k < c->NT; k++) {
		int s = r->att[a * c->NT + k], q = k * r->maxs + s;

		if (k != k0 && s >= 0 && r->sd[q] == d && r->st[q] < bs + len &&
		    bs < r->st[q] + c->tr[k].len)
			return 1;
	}
	return 0;
}

/* 1 when agent a's shift on day d covers [t0, t0 + len) of training k, no
 * other session of a overlaps it, and every break of the shift still has
 * an offset clear of this session and of a's other sessions that day
 * together (each session alone leaving room is not enough). */
static int can_attend(const pl_ctx *c, const pl_roster *r, int a, int k, int d, int t0)
{
	int j = r->tm[a * c->D + d], len = c->tr[k].len, ty, b, o;

	if (j < 0 || !wfm_pl_tmpl_covers(c, d, j, t0, len) || in_session(c, r, a, k, d, t0, len))
		return 0;
	ty = c->tmpl[d][j].type;
	for (b = 0; b < c->nb[ty]; b++) {
		int fits = 0, bl = c->blen[ty][b];

		for (o = c->bmin[ty][b]; o <= c->bmax[ty][b] && !fits; o++) {
			int bs = c->tmpl[d][j].s + o;

			fits = (bs + bl <= t0 || bs >= t0 + len) && !in_session(c, r, a, k, d, bs, bl);
		}
		if (!fits)
			return 0;
	}
	return 1;
}

/* Changes agent a's week so that its shift on day d covers [t0, t0 + len),
 * keeping the days on which it attends other sessions.  Returns 1 when
 * done, 0 when no week of its class allows it (nothing changed then). */
static int make_attend(const pl_ctx *c, pl_roster *r, int a, int k, int d, int t0)
{
	const pl_class *cl = &c->cls[c->cls_of[a]];
	int len = c->tr[k].len, cur = r->tm[a * c->D + d], j, p, dd, best = -1, bdist = 1 << 20;
	int save[PL_MAXD];
	unsigned m = wfm_pl_grant_mask(c, r, a);

	for (dd = 0; dd < c->D; dd++)
		save[dd] = r->tm[a * c->D + dd];
	if (attends_other(c, r, a, k, d))
		return 0;
	if (cur >= 0 && !cl->rest) {
		int bj = -1, bd = 1 << 20;

		for (j = 0; j < c->n_tmpl[d]; j++) {
			int dist = abs(c->tmpl[d][j].s - c->tmpl[d][cur].s);

			if (cl->ok[d][j] && c->tmpl[d][j].type == c->tmpl[d][cur].type &&
			    wfm_pl_tmpl_covers(c, d, j, t0, len) && dist < bd) {
				bd = dist;
				bj = j;
			}
		}
		if (bj >= 0) {
			r->tm[a * c->D + d] = bj;
			return 1;
		}
	}
	/* another week of the class, as close as possible to the current one */
	for (p = 0; p < cl->n_pat; p++) {
		const pl_pat *pt = &cl->pat[p];
		int dist = 0, ok = 0;

		if (pt->grant != m || pt->type[d] < 0)
			continue;
		for (j = 0; j < c->n_tmpl[d] && !ok; j++)
			ok = cl->ok[d][j] && c->tmpl[d][j].type == pt->type[d] &&
			     wfm_pl_tmpl_covers(c, d, j, t0, len);
		for (dd = 0; ok && dd < c->D; dd++) {
			int ct = save[dd] < 0 ? -1 : c->tmpl[dd][save[dd]].type;

			if (ct != pt->type[dd]) {
				dist++;
				if (dd != d && attends_other(c, r, a, k, dd))
					ok = 0;
			}
		}
		if (ok && dist < bdist) {
			bdist = dist;
			best = p;
		}
	}
	if (best < 0)
		return 0;
	if (cl->rest) {
		if (!viterbi(c, r, a, cl->pat[best].type, NULL, d, t0, len)) {
			for (dd = 0; dd < c->D; dd++)
				r->tm[a * c->D + dd] = save[dd];
			return 0;
		}
		return 1;
	}
	for (dd = 0; dd < c->D; dd++) {
		int ty = cl->pat[best].type[dd], ct = save[dd] < 0 ? -1 : c->tmpl[dd][save[dd]].type;
		int bj = -1, bd = 1 << 20, mid = (c->open_t[dd] + c->close_t[dd]) / 2;

		if (ty == ct && dd != d)
			continue;
		if (ty < 0) {
			r->tm[a * c->D + dd] = -1;
			continue;
		}
		for (j = 0; j < c->n_tmpl[dd]; j++) {
			const pl_tmpl *tp = &c->tmpl[dd][j];
			int dist = abs((tp->s + tp->e) / 2 - mid);

			if (save[dd] >= 0)
				dist = abs(tp->s - c->tmpl[dd][save[dd]].s);
			if (!cl->ok[dd][j] || tp->type != ty)
				continue;
			if (dd == d && !wfm_pl_tmpl_covers(c, dd, j, t0, len))
				continue;
			if (dist < bd) {
				bd = dist;
				bj = j;
			}
		}
		r->tm[a * c->D + dd] = bj;
	}
	return 1;
}

static int assign_list(const pl_ctx *c, pl_roster *r, int k)
{
	const wfm_plan_training *tt = &c->in->training[k];
	const pl_train *tr = &c->tr[k];
	int NS = tr->n_sess, size[64] = {0}, i, s, a, pass;

	if (NS > 64)
		return 0;
	for (i = 0; i < tt->n_listed; i++)
		r->att[tt->listed[i] * c->NT + k] = -1;
	/* agents with fewest options first */
	for (pass = 0; pass <= NS; pass++)
		for (i = 0; i < tt->n_listed; i++) {
			int opts = 0, bs = -1;

			a = tt->listed[i];
			if (r->att[a * c->NT + k] >= 0)
				continue;
			for (s = 0; s < NS; s++)
				if (can_attend(c, r, a, k, r->sd[k * r->maxs + s], r->st[k * r->maxs + s]))
					opts++;
			if (opts != pass && pass < NS)
				continue;
			for (s = 0; s < NS; s++)
				if (size[s] < tt->group_max &&
				    can_attend(c, r, a, k, r->sd[k * r->maxs + s],
					       r->st[k * r->maxs + s]) &&
				    (bs < 0 || size[s] < size[bs]))
					bs = s;
			if (bs < 0)
				for (s = 0; s < NS && bs < 0; s++) {
					/* repair: make the shift cover the emptiest session */
					int ss = 0, q;

					for (q = 1; q < NS; q++)
						if (size[q] < size[ss])
							ss = q;
					ss = (ss + s) % NS;
					if (size[ss] < tt->group_max &&
					    make_attend(c, r, a, k, r->sd[k * r->maxs + ss],
							r->st[k * r->maxs + ss]))
						bs = ss;
				}
			if (bs < 0)
				return 0;
			r->att[a * c->NT + k] = bs;
			size[bs]++;
		}
	/* lift sessions below the minimum with agents from larger ones */
	for (s = 0; s < NS; s++)
		while (size[s] < tt->group_min) {
			int moved = 0;

			for (pass = 0; pass < 2 && !moved; pass++)
				for (i = 0; i < tt->n_listed && !moved; i++) {
					int s2;

					a = tt->listed[i];
					s2 = r->att[a * c->NT + k];
					if (s2 == s || size[s2] <= tt->group_min)
						continue;
					r->att[a * c->NT + k] = -1;
					if (can_attend(c, r, a, k, r->sd[k * r->maxs + s],
						       r->st[k * r->maxs + s]) ||
					    (pass == 1 && make_attend(c, r, a, k, r->sd[k * r->maxs + s],
								      r->st[k * r->maxs + s]))) {
						r->att[a * c->NT + k] = s;
						size[s2]--;
						size[s]++;
						moved = 1;
					} else {
						r->att[a * c->NT + k] = s2;
					}
				}
			if (!moved)
				return 0;
		}
	return 1;
}

/* 1 when agent a has requested leave on plan day d. */
static int asks_leave(const pl_ctx *c, int a, int d)
{
	int i;

	for (i = 0; i < c->in->n_leave; i++)
		if (c->in->leave[i].agent == a && c->in->leave[i].requested &&
		    c->req_days[i * PL_MAXD + d])
			return 1;
	return 0;
}

static int assign_count(const pl_ctx *c, pl_roster *r, int k, const double *x)
{
	const wfm_plan_training *tt = &c->in->training[k];
	const pl_train *tr = &c->tr[k];
	int NS = tr->n_sess, s, a, pass;

	for (a = 0; a < c->A; a++)
		r->att[a * c->NT + k] = -1;
	for (s = 0; s < NS; s++) {
		int want = tr->need / NS + (s < tr->need % NS), got = 0;
		int d = r->sd[k * r->maxs + s], t0 = r->st[k * r->maxs + s], si;

		for (si = 0; si < tr->n_slot; si++)
			if (tr->slot[si].d == d && tr->slot[si].t == t0)
				break;
		for (pass = 0; pass < 3 && got < want; pass++) {
			while (got < want) {
				int best = -1;
				double bv = -1;

				for (a = 0; a < c->A; a++) {
					int ci = c->tg_of[a], col, size = 0, q;
					double v;

					if (!tr->elig[a] || r->att[a * c->NT + k] >= 0)
						continue;
					if (pass == 0 && !can_attend(c, r, a, k, d, t0))
						continue;
					if (pass == 1 && r->tm[a * c->D + d] < 0)
						continue;
					col = x && si < tr->n_slot ?
						      tr->col_w[((size_t)ci * (size_t)NS + (size_t)s) *
								(size_t)tr->n_slot + (size_t)si] : 0;
					for (q = 0; q < c->tgr[ci].n_cls; q++)
						size += c->cls[c->tgr[ci].cls[q]].n;
					v = col && x ? x[col] / size : -asks_leave(c, a, d);
					if (v > bv) {
						bv = v;
						best = a;
					}
				}
				if (best < 0)
					break;
				if (pass > 0 && !make_attend(c, r, best, k, d, t0)) {
					/* mark as tried: attend nothing, skip next time */
					r->att[best * c->NT + k] = -2;
					continue;
				}
				r->att[best * c->NT + k] = s;
				got++;
			}
		}
		for (a = 0; a < c->A; a++)
			if (r->att[a * c->NT + k] == -2)
				r->att[a * c->NT + k] = -1;
		if (got < want || got < tt->group_min)
			return 0;
	}
	return 1;
}

/* Sessions and attendees.  With model values x the slot the model weights
 * most; without, the slots with the most spare agents on the floor over
 * the session (spare: cover minus requirement, summed over all lines, from
 * cnt in the layout of wfm_pl_cover_counts); different slots for the
 * sessions of one training either way.  Returns 1 when every training has
 * its attendees. */
int wfm_pl_place_trainings(const pl_ctx *c, pl_roster *r, const double *x, const int *cnt)
{
	int k, s, si, t, l;

	for (k = 0; k < c->NT; k++) {
		const pl_train *tr = &c->tr[k];

		for (s = 0; s < tr->n_sess; s++) {
			int best = -1;
			double bv = -1e300;

			for (si = 0; si < tr->n_slot; si++) {
				double v = 0;
				int q, used = 0;

				/* one session a slot: two at once would be one group
				 * above group_max */
				for (q = 0; q < s; q++)
					used |= r->sd[k * r->maxs + q] == tr->slot[si].d &&
						r->st[k * r->maxs + q] == tr->slot[si].t;
				if (used)
					continue;
				if (x) {
					v = x[tr->col_z[s * tr->n_slot + si]];
				} else {
					for (t = tr->slot[si].t; t < tr->slot[si].t + tr->len; t++)
						for (l = 0; l < c->L; l++) {
							size_t i = ((size_t)tr->slot[si].d * (size_t)c->T +
								    (size_t)t) * (size_t)c->L + (size_t)l;

							v += (cnt ? cnt[i] : 0) - c->in->req[i];
						}
				}
				if (v > bv + 1e-9) {
					bv = v;
					best = si;
				}
			}
			if (best < 0)
				return 0; /* fewer slots than sessions */
			r->sd[k * r->maxs + s] = tr->slot[best].d;
			r->st[k * r->maxs + s] = tr->slot[best].t;
		}
		/* the sessions of a training in time order (the model's order rows) */
		for (s = 1; s < tr->n_sess; s++) {
			int q;

			for (q = s; q > 0; q--) {
				int *d0 = &r->sd[k * r->maxs + q - 1], *t0 = &r->st[k * r->maxs + q - 1];
				int *d1 = &r->sd[k * r->maxs + q], *t1 = &r->st[k * r->maxs + q], sw;

				if (*d0 < *d1 || (*d0 == *d1 && *t0 <= *t1))
					break;
				sw = *d0, *d0 = *d1, *d1 = sw;
				sw = *t0, *t0 = *t1, *t1 = sw;
			}
		}
	}
	for (k = 0; k < c->NT; k++) {
		int ok = c->in->training[k].count ? assign_count(c, r, k, x) : assign_list(c, r, k);

		if (!ok)
			return 0;
	}
	return 1;
}

/* Break offsets: each agent, in turn, takes the offset where the model
 * has most of its skill group on a break (counting the agents placed
 * already), or the middle of the window without model values.  An offset
 * that would fall in a session of the agent is never taken (-2 when no
 * offset is left: the sessions attended leave the break no room; the
 * attendance rules, can_attend, keep that from happening).  Agents in a
 * session that day choose first. */
int wfm_pl_place_breaks(const pl_ctx *c, pl_roster *r, const double *x, unsigned *seed)
{
	int d, j, b, i, o, n, a, t, g, pass, ret = 0;
	int *ag = malloc(((size_t)c->A + 1) * sizeof *ag);
	double *beta = calloc((size_t)c->n_grp * (size_t)c->T + 1, sizeof *beta);

	(void)seed;
	if (!ag || !beta) {
		free(ag);
		free(beta);
		return -1;
	}
	for (d = 0; d < c->D; d++) {
		for (g = 0; g < c->n_grp; g++)
			for (t = 0; t < c->T; t++) {
				int col = c->col_beta[((size_t)g * PL_MAXD + (size_t)d) * (size_t)c->T +
						      (size_t)t];

				beta[g * c->T + t] = x && col ? x[col] : 0;
			}
		/* exact model: the break counts per template and offset */
		for (g = 0; x && c->exact && g < c->n_grp; g++)
			for (j = 0; j < c->n_tmpl[d]; j++) {
				const pl_tmpl *tp = &c->tmpl[d][j];
				int base = c->col_xq[((size_t)g * PL_MAXD + (size_t)d) * (size_t)c->maxtm +
						     (size_t)j];

				for (b = 0; base && b < c->nb[tp->type]; b++)
					for (o = c->bmin[tp->type][b]; o <= c->bmax[tp->type][b]; o++) {
						double q = x[base++];

						for (t = tp->s + o; t < tp->s + o + c->blen[tp->type][b]; t++)
							beta[g * c->T + t] += q;
					}
			}
		for (pass = 0; pass < 2; pass++)
			for (j = 0; j < c->n_tmpl[d]; j++) {
				const pl_tmpl *tp = &c->tmpl[d][j];
				int ty = tp->type;

				for (n = 0, a = 0; a < c->A; a++) {
					int busy = 0, k;

					if (r->tm[a * c->D + d] != j)
						continue;
					for (k = 0; k < c->NT; k++) {
						int s = r->att[a * c->NT + k];

						if (s >= 0 && r->sd[k * r->maxs + s] == d)
							busy = 1;
					}
					if ((pass == 0) == busy)
						ag[n++] = a;
				}
				for (i = 0; i < n; i++)
					for (b = 0; b < c->nb[ty]; b++) {
						int len = c->blen[ty][b], bo = -1;
						int mid = (c->bmin[ty][b] + c->bmax[ty][b]) / 2;
						double bv = -1e300;

						a = ag[i];
						g = c->grp_of[a];
						for (o = c->bmin[ty][b]; o <= c->bmax[ty][b]; o++) {
							int bs = tp->s + o;
							double sc = -1e-6 * abs(o - mid);

							if (in_session(c, r, a, -1, d, bs, len))
								continue;
							for (t = bs; t < bs + len; t++)
								sc += beta[g * c->T + t];
							if (sc > bv) {
								bv = sc;
								bo = o;
							}
						}
						if (bo < 0) {
							/* every offset in a session: no break
							 * placement keeps the rules */
							ret = -2;
							bo = c->bmin[ty][b];
						}
						for (t = tp->s + bo; t < tp->s + bo + len; t++)
							beta[g * c->T + t] -= 1;
						r->bo[(a * c->D + d) * PL_MAXB + b] = (signed char)bo;
					}
			}
	}
	free(ag);
	free(beta);
	return ret;
}

int wfm_pl_roster_from_lp(const pl_ctx *c, const double *x, pl_roster *r, unsigned *seed)
{
	int ci, p, d, j, k, m, i, ti;
	int *cnt = NULL, *pat_of = malloc(((size_t)c->A + 1) * sizeof *pat_of);
	double *v = NULL;
	unsigned char *allow = NULL;
	int maxn = c->maxtm, ret = 0;

	for (ci = 0; ci < c->n_cls; ci++)
		if (c->cls[ci].n_pat > maxn)
			maxn = c->cls[ci].n_pat;
	cnt = malloc(((size_t)maxn + 1) * sizeof *cnt);
	v = malloc(((size_t)maxn + 1) * sizeof *v);
	allow = malloc((size_t)maxn + 1);
	if (!cnt || !v || !allow || !pat_of) {
		ret = -1;
		goto out;
	}
	wfm_pl_roster_clear(c, r);
	/* weeks: whole pattern counts per class */
	for (ci = 0; ci < c->n_cls; ci++) {
		const pl_class *cl = &c->cls[ci];

		for (p = 0; p < cl->n_pat; p++) {
			v[p] = x[cl->col_p + p];
			allow[p] = 1;
		}
		largest_remainder(v, allow, cl->n_pat, cl->n, cnt, seed);
		for (p = 0, m = 0; p < cl->n_pat; p++)
			for (i = 0; i < cnt[p]; i++)
				pat_of[cl->member[m++]] = p;
		for (i = 0; i < cl->n_req; i++)
			r->grant[cl->req[i]] =
				(unsigned char)(cl->pat[pat_of[cl->member[0]]].grant >> i & 1);
	}
	/* templates: per template group, day and type, the counts rounded */
	for (ti = 0; ti < c->n_tg; ti++) {
		const pl_tgroup *tg = &c->tgr[ti];

		if (tg->rest) {
			const pl_class *cl = &c->cls[tg->cls[0]];
			double *score[PL_MAXD];
			int a = cl->member[0];

			for (d = 0; d < c->D; d++)
				score[d] = NULL;
			for (d = 0; d < c->D; d++) {
				score[d] = calloc((size_t)c->n_tmpl[d] + 1, sizeof *score[d]);
				if (!score[d])
					ret = -1;
				for (j = 0; score[d] && j < c->n_tmpl[d]; j++)
					score[d][j] = tg->col_n[d] && tg->col_n[d][j] ?
							      x[tg->col_n[d][j]] : 0;
			}
			if (!ret && !viterbi(c, r, a, cl->pat[pat_of[a]].type, score, -1, 0, 0))
				ret = -2;
			for (d = 0; d < c->D; d++)
				free(score[d]);
			if (ret)
				goto out;
			continue;
		}
		for (d = 0; d < c->D; d++)
			for (k = 0; k < c->ru->n_types; k++) {
				int N = 0, q;

				for (q = 0; q < tg->n_cls; q++) {
					const pl_class *cl = &c->cls[tg->cls[q]];

					for (m = 0; m < cl->n; m++)
						N += cl->pat[pat_of[cl->member[m]]].type[d] == k;
				}
				if (!N)
					continue;
				for (j = 0; j < c->n_tmpl[d]; j++) {
					allow[j] = tg->col_n[d][j] && c->tmpl[d][j].type == k;
					v[j] = allow[j] ? x[tg->col_n[d][j]] : 0;
				}
				largest_remainder(v, allow, c->n_tmpl[d], N, cnt, seed);
				j = 0;
				for (q = 0; q < tg->n_cls; q++) {
					const pl_class *cl = &c->cls[tg->cls[q]];

					for (m = 0; m < cl->n; m++) {
						int a = cl->member[m];

						if (cl->pat[pat_of[a]].type[d] != k)
							continue;
						while (cnt[j] == 0)
							j++;
						r->tm[a * c->D + d] = j;
						cnt[j]--;
					}
				}
			}
	}
	if (!wfm_pl_place_trainings(c, r, x, NULL)) {
		ret = -2;
		goto out;
	}
	ret = wfm_pl_place_breaks(c, r, x, seed);
out:
	free(cnt);
	free(v);
	free(allow);
	free(pat_of);
	return ret;
}
