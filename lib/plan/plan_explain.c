/* plan_explain.c - why no plan exists, and why a leave request was refused.
 *
 * Input that no plan can satisfy fails before any solving, with one cause
 * named precisely: an agent whose contract hours cannot fit (the available
 * days, the shift lengths, the opening hours and its own start/end window),
 * an agent whose rest rule leaves no week, a training without a possible
 * start, with too few participants for its group size, or a listed
 * participant who cannot attend any session (leave, unavailable, window).
 * What these checks miss and still makes the relaxation infeasible is
 * narrowed down to the trainings involved by a deletion filter on the LP.
 */
#include "plan_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A duration: H:MM. */
static const char *hm(int minutes, char *buf)
{
	snprintf(buf, 16, "%d:%02d", minutes / 60, minutes % 60);
	return buf;
}

/* A time of the day: HH:MM (24:00 at the end of the day). */
static const char *tod(int minutes, char *buf)
{
	if (minutes >= 1440)
		return hm(minutes, buf);
	return wfm_time_hhmm(minutes, buf);
}

static int day_open(const pl_ctx *c, int d)
{
	return c->in->day[d].opens >= 0;
}

/* Appends ", label DATE" items for the days in `flag` to buf. */
static void list_days(const pl_ctx *c, const unsigned char *flag, const char *label, char *buf,
		      size_t n)
{
	int d, first = 1;
	char b[11];

	for (d = 0; d < c->D; d++) {
		size_t len = strlen(buf);

		if (!flag[d])
			continue;
		snprintf(buf + len, n - len, "%s%s %s", first ? "; " : ",", first ? label : "",
			 wfm_date_iso(c->in->day[d].date, b));
		first = 0;
	}
}

/* Paid totals reachable with at most `maxw` worked days among `avail`
 * days, each day one of the types in kind_ok[d] (ignoring rest). */
static int hours_fit(const pl_ctx *c, const unsigned char *avail,
		     unsigned char kind_ok[][WFM_PLAN_MAX_TYPES], int maxw, int lo, int hi)
{
	int W = 7 * 1440 + 1, d, w, p, k, found = 0;
	unsigned char *reach = calloc((size_t)(maxw + 2) * (size_t)W, 1);

	if (!reach)
		return 1; /* cannot tell: do not accuse */
	reach[0] = 1;
	for (d = 0; d < c->D; d++) {
		if (!avail[d])
			continue;
		for (w = maxw - 1; w >= 0; w--)
			for (p = W - 1; p >= 0; p--) {
				if (!reach[(size_t)w * (size_t)W + (size_t)p])
					continue;
				for (k = 0; k < c->ru->n_types; k++)
					if (kind_ok[d][k] && p + c->tpaid[k] < W)
						reach[(size_t)(w + 1) * (size_t)W +
						      (size_t)(p + c->tpaid[k])] = 1;
			}
	}
	for (w = 0; w <= maxw && !found; w++)
		for (p = lo < 0 ? 0 : lo; p <= hi && p < W && !found; p++)
			found = reach[(size_t)w * (size_t)W + (size_t)p];
	free(reach);
	return found;
}

static int explain_agent(pl_ctx *c, int ci, wfm_err *e)
{
	const pl_class *cl = &c->cls[ci];
	int a = cl->member[0], d, j, k, nav = 0, best[PL_MAXD], maxw, lo, hi, tgt, ld, lim, mx;
	const wfm_plan_agent *ag = &c->in->agent[a];
	unsigned char avail[PL_MAXD] = {0}, unav[PL_MAXD] = {0}, lv[PL_MAXD] = {0};
	unsigned char kind_ok[PL_MAXD][WFM_PLAN_MAX_TYPES];
	char facts[512] = "", b1[16], b2[16], b3[16];

	memset(kind_ok, 0, sizeof kind_ok);
	for (d = 0; d < c->D; d++) {
		best[d] = 0;
		if (!day_open(c, d))
			continue;
		if (c->approved[a][d])
			lv[d] = 1;
		else if (ag->unavailable[d])
			unav[d] = 1;
		else
			avail[d] = 1;
		for (j = 0; avail[d] && j < c->n_tmpl[d]; j++)
			if (cl->ok[d][j]) {
				kind_ok[d][c->tmpl[d][j].type] = 1;
				if (c->tpaid[c->tmpl[d][j].type] > best[d])
					best[d] = c->tpaid[c->tmpl[d][j].type];
			}
		nav += avail[d] && best[d] > 0;
	}
	ld = wfm_pl_leave_days(c, a, 0);
	tgt = wfm_pl_target(c, a, 0);
	lo = tgt - c->ru->hours_tol_min;
	hi = tgt + c->ru->hours_tol_min;
	lim = ag->days_per_week ? ag->days_per_week : 7;
	if (lim > c->ru->max_days)
		lim = c->ru->max_days;
	maxw = lim - ld;
	if (maxw < 0) {
		list_days(c, lv, "approved leave", facts, sizeof facts);
		return wfm_err_set(e, WFM_EDATA,
				   "agent '%s': rule maximum working days: %d leave days exceed "
				   "the %d days allowed%s", ag->name, ld, lim, facts);
	}
	/* the most paid time the agent could work */
	mx = 0;
	for (k = 0; k < maxw; k++) {
		int bd = -1;

		for (d = 0; d < c->D; d++)
			if (avail[d] && best[d] > 0 && (bd < 0 || best[d] > best[bd]))
				bd = d;
		if (bd < 0)
			break;
		mx += best[bd];
		avail[bd] = 2; /* taken */
		best[bd] = -best[bd];
	}
	for (d = 0; d < c->D; d++) {
		if (avail[d] == 2) {
			avail[d] = 1;
			best[d] = -best[d];
		}
	}
	if (mx < lo) {
		char win[96] = "";

		list_days(c, lv, "approved leave", facts, sizeof facts);
		list_days(c, unav, "unavailable", facts, sizeof facts);
		if (ag->earliest_start >= 0 || ag->latest_end >= 0)
			snprintf(win, sizeof win, " between %s and %s",
				 ag->earliest_start >= 0 ? tod(ag->earliest_start, b1) : "opening",
				 ag->latest_end >= 0 ? tod(ag->latest_end, b2) : "closing");
		return wfm_err_set(e, WFM_EDATA,
				   "agent '%s': rule contract hours: needs %s h paid (%.2f h per "
				   "week, %d leave days, tolerance %d min) but at most %s h fit in "
				   "%d available days of at most %d working days%s%s",
				   ag->name, hm(lo, b3), ag->minutes_per_week / 60.0, ld,
				   c->ru->hours_tol_min, hm(mx, b1), nav, maxw, win, facts);
	}
	if (!hours_fit(c, avail, kind_ok, maxw, lo, hi)) {
		char lens[128] = "";
		size_t n;

		for (k = 0; k < c->ru->n_types; k++) {
			n = strlen(lens);
			snprintf(lens + n, sizeof lens - n, "%s%s", k ? ", " : "",
				 hm(c->tpaid[k], b1));
		}
		return wfm_err_set(e, WFM_EDATA,
				   "agent '%s': rule contract hours: no combination of shifts "
				   "(paid %s) on %d available days gives %s to %s h",
				   ag->name, lens, nav, hm(lo < 0 ? 0 : lo, b2), hm(hi, b3));
	}
	/* hours fit, so the rest between consecutive days rules out every week */
	for (d = 0; d + 1 < c->D; d++)
		if (c->next_ok[d] && avail[d] && avail[d + 1]) {
			char b4[11], b5[11];

			return wfm_err_set(e, WFM_EDATA,
					   "agent '%s': rule minimum rest: %d min between %s and %s "
					   "leaves no week with the contract hours",
					   ag->name, c->ru->min_rest_min,
					   wfm_date_iso(c->in->day[d].date, b4),
					   wfm_date_iso(c->in->day[d + 1].date, b5));
		}
	return wfm_err_set(e, WFM_EDATA, "agent '%s': no week satisfies the shift rules",
			   ag->name);
}

/* Slots of training k agent a could attend: available that day and a
 * template of its class covers the session. */
static int can_slot(const pl_ctx *c, int k, int a, int si)
{
	const pl_train *tr = &c->tr[k];
	const pl_class *cl = &c->cls[c->cls_of[a]];
	int d = tr->slot[si].d, j, p;

	if (!cl->ok[d])
		return 0;
	for (j = 0; j < c->n_tmpl[d]; j++)
		if (cl->ok[d][j] && wfm_pl_tmpl_covers(c, d, j, tr->slot[si].t, tr->len))
			for (p = 0; p < cl->n_pat; p++)
				if (cl->pat[p].type[d] == c->tmpl[d][j].type)
					return 1;
	return 0;
}

static int explain_training(pl_ctx *c, int k, wfm_err *e)
{
	const wfm_plan_training *t = &c->in->training[k];
	const pl_train *tr = &c->tr[k];
	char b1[11], b2[11], b3[16], facts[512] = "";
	int a, si, i, n;

	if (tr->n_slot == 0)
		return wfm_err_set(e, WFM_EDATA,
				   "training '%s': no open day from %s to %s has room for a "
				   "%s session inside the opening hours and a shift",
				   t->name, wfm_date_iso(t->from, b1), wfm_date_iso(t->to, b2),
				   hm(t->minutes, b3));
	if (tr->n_slot < tr->n_sess)
		return wfm_err_set(e, WFM_EDATA,
				   "training '%s': %d participants in groups of at most %d need %d "
				   "sessions at different times; from %s to %s only %d %s room for "
				   "a %s session inside the opening hours and a shift",
				   t->name, tr->need, t->group_max, tr->n_sess,
				   wfm_date_iso(t->from, b1), wfm_date_iso(t->to, b2), tr->n_slot,
				   tr->n_slot == 1 ? "time has" : "times have", hm(t->minutes, b3));
	if (t->count && t->skill < 0)
		return wfm_err_set(e, WFM_EDATA, "training '%s': skill '%s' is no line of the plan",
				   t->name, t->skill_text);
	if (tr->n_sess * t->group_min > tr->need)
		return wfm_err_set(e, WFM_EDATA,
				   "training '%s': %d participants cannot form groups of %d to %d",
				   t->name, tr->need, t->group_min, t->group_max);
	if (t->count == 0) {
		for (i = 0; i < t->n_listed; i++) {
			unsigned char lv[PL_MAXD] = {0}, un[PL_MAXD] = {0};
			const wfm_plan_agent *ag;
			int any = 0, d;

			a = t->listed[i];
			ag = &c->in->agent[a];
			for (si = 0; si < tr->n_slot && !any; si++)
				any = can_slot(c, k, a, si);
			if (any)
				continue;
			for (d = 0; d < c->D; d++) {
				if (!day_open(c, d) || c->in->day[d].date < t->from ||
				    c->in->day[d].date > t->to)
					continue;
				lv[d] = c->approved[a][d];
				un[d] = !c->approved[a][d] && ag->unavailable[d];
			}
			list_days(c, lv, "approved leave", facts, sizeof facts);
			list_days(c, un, "unavailable", facts, sizeof facts);
			return wfm_err_set(e, WFM_EDATA,
					   "agent '%s': cannot attend training '%s' (%s to %s): no "
					   "shift of the agent covers a %s session on a day it can "
					   "work%s", ag->name, t->name, wfm_date_iso(t->from, b1),
					   wfm_date_iso(t->to, b2), hm(t->minutes, b3), facts);
		}
		if (tr->n_sess == 1) {
			/* one group: some slot must suit everybody */
			int bs = -1, bn = -1;

			for (si = 0; si < tr->n_slot; si++) {
				for (n = 0, i = 0; i < t->n_listed; i++)
					n += can_slot(c, k, t->listed[i], si);
				if (n > bn) {
					bn = n;
					bs = si;
				}
			}
			if (bn < t->n_listed) {
				int x, y, si2, common;

				/* a pair without a common slot is an irreducible cause */
				for (x = 0; x < t->n_listed; x++)
					for (y = x + 1; y < t->n_listed; y++) {
						for (common = 0, si2 = 0; si2 < tr->n_slot && !common; si2++)
							common = can_slot(c, k, t->listed[x], si2) &&
								 can_slot(c, k, t->listed[y], si2);
						if (!common)
							return wfm_err_set(
								e, WFM_EDATA,
								"training '%s': agents '%s' and '%s' have no "
								"common time for one group of at most %d",
								t->name, c->in->agent[t->listed[x]].name,
								c->in->agent[t->listed[y]].name, t->group_max);
					}
				(void)bs;
				return wfm_err_set(e, WFM_EDATA,
						   "training '%s': no time suits all %d participants of "
						   "its one group", t->name, t->n_listed);
			}
		}
	} else {
		for (n = 0, a = 0; a < c->A; a++) {
			int any = 0;

			if (!tr->elig[a])
				continue;
			for (si = 0; si < tr->n_slot && !any; si++)
				any = can_slot(c, k, a, si);
			n += any;
		}
		if (n < tr->need)
			return wfm_err_set(e, WFM_EDATA,
					   "training '%s': needs %d agents with skill '%s', only %d "
					   "of them can attend from %s to %s", t->name, tr->need,
					   t->skill_text, n, wfm_date_iso(t->from, b1),
					   wfm_date_iso(t->to, b2));
	}
	return WFM_OK;
}

int wfm_pl_diagnose(pl_ctx *c, wfm_err *e)
{
	int ci, k, r;

	for (ci = 0; ci < c->n_cls; ci++)
		if (c->cls[ci].n_pat == 0)
			return explain_agent(c, ci, e);
	for (k = 0; k < c->NT; k++)
		if ((r = explain_training(c, k, e)) != 0)
			return r;
	return WFM_OK;
}

/* Training k in or out of the LP: out, its sessions and attendance are free. */
static void relax_training(pl_ctx *c, int k, int out)
{
	glp_prob *P = c->P;
	char name[64];
	int s, ci, i;

	for (s = 0; s < c->tr[k].n_sess; s++) {
		snprintf(name, sizeof name, "session_%d_%d", k, s);
		i = glp_find_row(P, name);
		if (i)
			glp_set_row_bnds(P, i, out ? GLP_DB : GLP_FX, out ? 0 : 1, 1);
	}
	snprintf(name, sizeof name, "count_%d", k);
	i = glp_find_row(P, name);
	if (i)
		glp_set_row_bnds(P, i, out ? GLP_DB : GLP_FX, out ? 0 : c->tr[k].need, c->tr[k].need);
	for (ci = 0; ci < c->n_cls; ci++) {
		snprintf(name, sizeof name, "attend_%d_%d", k, ci);
		i = glp_find_row(P, name);
		if (i && !c->in->training[k].count)
			glp_set_row_bnds(P, i, out ? GLP_DB : GLP_FX, out ? 0 : c->cls[ci].n,
					 c->cls[ci].n);
	}
}

static int lp_feasible(pl_ctx *c)
{
	glp_smcp sp;

	glp_init_smcp(&sp);
	sp.msg_lev = GLP_MSG_OFF;
	sp.meth = GLP_DUALP;
	if (glp_simplex(c->P, &sp) != 0)
		return -1;
	return glp_get_status(c->P) == GLP_OPT;
}

int wfm_pl_diagnose_lp(pl_ctx *c, wfm_err *e)
{
	int k, kk, in_set[64], n = 0;

	glp_create_index(c->P);
	if (c->NT > 64)
		return wfm_err_set(e, WFM_EDATA, "no plan satisfies the hard rules");
	for (k = 0; k < c->NT; k++)
		relax_training(c, k, 1);
	if (lp_feasible(c) != 1)
		return wfm_err_set(e, WFM_EDATA,
				   "no plan satisfies the hard rules (contract hours, days and "
				   "rest of the agents together)");
	for (k = 0; k < c->NT; k++) {
		relax_training(c, k, 0);
		in_set[n++] = k;
		if (lp_feasible(c) != 1)
			break;
	}
	if (k == c->NT)
		return wfm_err_set(e, WFM_EDATA, "no plan satisfies the hard rules");
	/* deletion filter over the trainings switched on before the culprit */
	for (kk = 0; kk + 1 < n; kk++) {
		relax_training(c, in_set[kk], 1);
		if (lp_feasible(c) != 1)
			in_set[kk] = -1;
		else
			relax_training(c, in_set[kk], 0);
	}
	for (kk = 0; kk + 1 < n; kk++)
		if (in_set[kk] >= 0)
			return wfm_err_set(e, WFM_EDATA,
					   "trainings '%s' and '%s' cannot both be held: too few "
					   "agents can attend in their windows",
					   c->in->training[in_set[kk]].name,
					   c->in->training[k].name);
	return wfm_err_set(e, WFM_EDATA,
			   "training '%s': cannot be held: its participants cannot be off the "
			   "floor together within its window and group sizes",
			   c->in->training[k].name);
}

char *wfm_pl_refusal_reason(const pl_ctx *c, const pl_roster *r, int lv)
{
	const wfm_plan_leave *le = &c->in->leave[lv];
	int a = le->agent, d, t, k, bd = -1, bt = -1, bl = -1, *cnt;
	double worst = 0, need = 0;
	char buf[256], b1[11], b2[6];
	size_t n;
	char *s;

	for (k = 0; k < c->NT; k++) {
		int ss = r->att[a * c->NT + k];

		if (ss >= 0 && c->req_days[lv * PL_MAXD + r->sd[k * r->maxs + ss]]) {
			snprintf(buf, sizeof buf, "attends training '%s' on %s",
				 c->in->training[k].name,
				 wfm_date_iso(c->in->day[r->sd[k * r->maxs + ss]].date, b1));
			goto done;
		}
	}
	cnt = wfm_pl_cover_counts(c, r);
	if (!cnt)
		return NULL;
	for (d = 0; d < c->D; d++) {
		if (!c->req_days[lv * PL_MAXD + d])
			continue;
		for (t = 0; t < c->T; t++) {
			int l = r->ln[((size_t)a * (size_t)c->D + (size_t)d) * (size_t)c->T + (size_t)t];
			size_t ci;
			double rq, short_by;

			if (l < 0)
				continue;
			ci = ((size_t)d * (size_t)c->T + (size_t)t) * (size_t)c->L + (size_t)l;
			rq = c->in->req[ci];
			short_by = rq - (cnt[ci] - 1);
			if (short_by > worst + 1e-9) {
				worst = short_by;
				need = rq;
				bd = d;
				bt = t;
				bl = l;
			}
		}
	}
	free(cnt);
	for (d = 0, k = 0; d < c->D; d++)
		k |= c->req_days[lv * PL_MAXD + d] && r->tm[a * c->D + d] >= 0;
	if (bd >= 0)
		snprintf(buf, sizeof buf, "%s %s line %s would be %.1f agents short (%.1f needed)",
			 wfm_date_iso(c->in->day[bd].date, b1),
			 wfm_time_hhmm(c->in->grid_start + bt * c->iv, b2), c->in->line[bl].code,
			 worst, need);
	else if (!k)
		snprintf(buf, sizeof buf,
			 "the agent is off that day in this plan; leave would lower the hours "
			 "it owes the week and the plan needs those hours on other days");
	else
		snprintf(buf, sizeof buf,
			 "no interval would fall short without the agent, but the plan found "
			 "no cheaper week with the leave in the time it had");
done:
	n = strlen(buf) + 1;
	s = malloc(n);
	if (s)
		memcpy(s, buf, n);
	return s;
}
