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

static unsigned rnd(unsigned *s)
{
	*s = *s * 1103515245u + 12345u;
	return *s >> 8;
}

static int has_session(const pl_ctx *c, const pl_roster *r, int a, int d)
{
	int st[2], sl[2];

	return wfm_pl_sessions_of(c, r, a, d, st, sl) > 0;
}

static int rest_fits(const pl_ctx *c, const pl_roster *r, int a, int d, int j)
{
	const pl_class *cl = &c->cls[c->cls_of[a]];
	int p, q;

	if (!cl->rest || j < 0)
		return 1;
	if (d > 0 && c->next_ok[d - 1] && (p = r->tm[a * c->D + d - 1]) >= 0 &&
	    !wfm_pl_rest_ok(c, d - 1, p, j))
		return 0;
	if (d + 1 < c->D && c->next_ok[d] && (q = r->tm[a * c->D + d + 1]) >= 0 &&
	    !wfm_pl_rest_ok(c, d, j, q))
		return 0;
	return 1;
}

/* Agents a and b (different skill groups, both working day d on shifts of
 * the same type) exchange their shifts and breaks. */
static int move_swap(pl_ls *s, int a, int d, int tries)
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
		wfm_pl_ls_set_day(s, a, d, jb, bob);
		wfm_pl_ls_set_day(s, b, d, ja, boa);
		s->jon--;
		s->cur = wfm_pl_ls_total(s);
		if (s->cur < before - 1e-9) {
			if (!s->jon)
				s->jn = mark;
			return 1;
		}
		wfm_pl_ls_undo(s, mark);
	}
	return 0;
}

/* Puts agent a on a random other week of its class (random templates,
 * middle break offsets); sessions and rest are kept.  Returns 1 if moved. */
static int kick(pl_ls *s, int a)
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
		wfm_pl_ls_set_grant(s, cl->req[i], pt->grant >> i & 1);
	for (d = 0; d < c->D; d++) {
		int j = r->tm[a * c->D + d], ct = j < 0 ? -1 : c->tmpl[d][j].type, n = 0, jj, pick = -1;
		signed char bo[PL_MAXB];

		if (ct == pt->type[d])
			continue;
		if (pt->type[d] < 0) {
			wfm_pl_ls_set_day(s, a, d, -1, NULL);
			continue;
		}
		for (jj = 0; jj < c->n_tmpl[d]; jj++)
			if (cl->ok[d][jj] && c->tmpl[d][jj].type == pt->type[d] &&
			    (rnd(s->seed) % (unsigned)++n) == 0)
				pick = jj;
		for (i = 0; i < c->nb[pt->type[d]]; i++)
			bo[i] = (signed char)((c->bmin[pt->type[d]][i] + c->bmax[pt->type[d]][i]) / 2);
		wfm_pl_ls_set_day(s, a, d, pick, bo);
	}
	s->cur = wfm_pl_ls_total(s);
	return 1;
}

/* Descent over the agents in `order` (n of them).  Returns 1 when stopped
 * by the clock. */
static int descend(pl_ls *s, int *order, int n, const pl_clock *k, double until, int rounds,
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
			moved += wfm_pl_ls_best(s, a, 0);
			for (d = 0; swaps && d < c->D; d++)
				moved += move_swap(s, a, d, swaps);
		}
	}
	return 0;
}

/* Break offsets that are outside the window of the day's shift type or in
 * a session are set back to a valid default. */
static void fix_breaks(pl_ls *s)
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
			ns = wfm_pl_sessions_of(c, r, a, d, st, sl);
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
	pl_ls s;
	int *order = malloc(((size_t)c->A + 1) * sizeof *order), i, ret = 0;

	(void)k;
	memset(&s, 0, sizeof s);
	wfm_pl_roster_clear(c, r);
	if (!order || wfm_pl_ls_init(&s, c, r, f, seed)) {
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
		wfm_pl_ls_best(&s, order[i], 1);
	/* the service objective fixes the training slots on the first roster
	 * (plan_decide.c) */
	if (c->NT && c->svc_mode && !c->slots_fixed && wfm_pl_choose_slots(c, f)) {
		ret = -1;
		goto out;
	}
	if (c->NT) {
		if (!wfm_pl_place_trainings(c, r, NULL, f->cnt))
			ret = -2;
		fix_breaks(&s);
	}
out:
	wfm_pl_ls_release(&s);
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
	pl_ls s;
	int *order = malloc(((size_t)c->A + 1) * sizeof *order), i, a, ret = 0;
	int *sub = malloc(((size_t)c->A + 1) * sizeof *sub);
	double bestv, prev, t_start, temp0 = 0.05;
	pl_roster *best = wfm_pl_roster_new(c);

	memset(&s, 0, sizeof s);
	if (!best || !order || !sub || wfm_pl_ls_init(&s, c, r, f, seed)) {
		ret = -1;
		goto done;
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
			if (rnd(seed) % 2 ? wfm_pl_ls_best(&s, a, 2) : kick(&s, a))
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
			wfm_pl_ls_undo(&s, 0);
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
	wfm_pl_ls_release(&s);
	free(order);
	free(sub);
	wfm_pl_roster_free(best);
	return ret;
}
