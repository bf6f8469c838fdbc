/* test_plan_brute.c - lib/plan*: the solver's plan is optimal on weeks small
 * enough to enumerate.
 *
 * The reference is a second reading of the rules in plan.h, written here
 * without the library: every agent-day is off or one shift (type, start on
 * the step inside the opening hours, each break at every offset of its
 * window), every combination of those is kept when each agent's paid time is
 * within the tolerance of its contract (less leave) and within its days, and
 * every interval's cost is the minimum over all ways of putting the agents
 * on the floor on lines they hold.  The cheapest week is the optimum the
 * solver must reach (its bound must not exceed it, nor may the Lagrangian
 * bound of plan_lagr.c, run here on its own).  Instances are drawn from
 * fixed seeds. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "plan/plan_impl.h"

#include "lagr_check.h"
#include "../plancheck.c"
#include "../plancheck.h"

#define MAXOPT 64
#define NT_ 8  /* intervals a day: 09:00-11:00 */

static unsigned rnd(unsigned *s)
{
	*s = *s * 1664525u + 1013904223u;
	return *s >> 9;
}

/* One agent-day option: on the floor per interval, paid minutes, type,
 * start minute (for the preference), -1 type for off. */
typedef struct opt {
	unsigned char floor[NT_];
	int paid, type, start;
} opt;

typedef struct inst {
	wfm_plan_rules ru;
	int D, L, A;
	double req[2][NT_][2];
	unsigned skills[4];          /* bit mask of lines */
	int minutes[4];
	int pref_from[4], pref_to[4];
	int req_agent, req_day;      /* one leave request or -1 */
	int svc;                     /* the service objective, svc_curve per cell */
	double def[2];               /* deferred work of line 0 released on day d,
	                                due by its end (hours; weeks with L == 1) */
} inst;

static int day_options(const inst *p, opt *o)
{
	const wfm_plan_rules *ru = &p->ru;
	int n = 0, k, s, b0, b1, t;

	memset(&o[n], 0, sizeof o[n]);
	o[n].type = -1;
	n++;
	for (k = 0; k < ru->n_types; k++) {
		const wfm_plan_shift_type *ty = &ru->type[k];
		int len = ty->minutes / 15;

		for (s = 0; s + len <= NT_; s++) {
			int w0 = ty->n_breaks > 0 ? (ty->brk[0].latest - ty->brk[0].earliest) / 15 : 0;
			int w1 = ty->n_breaks > 1 ? (ty->brk[1].latest - ty->brk[1].earliest) / 15 : 0;

			for (b0 = 0; b0 <= w0; b0++)
				for (b1 = 0; b1 <= w1; b1++) {
					opt *x = &o[n++];

					memset(x, 0, sizeof *x);
					x->type = k;
					x->start = 540 + 15 * s;
					x->paid = ty->minutes;
					for (t = s; t < s + len; t++)
						x->floor[t] = 1;
					if (ty->n_breaks > 0) {
						int bs = s + ty->brk[0].earliest / 15 + b0;

						for (t = bs; t < bs + ty->brk[0].minutes / 15; t++)
							x->floor[t] = 0;
						if (!ty->brk[0].paid)
							x->paid -= ty->brk[0].minutes;
					}
					if (ty->n_breaks > 1) {
						int bs = s + ty->brk[1].earliest / 15 + b1;

						for (t = bs; t < bs + ty->brk[1].minutes / 15; t++)
							x->floor[t] = 0;
						if (!ty->brk[1].paid)
							x->paid -= ty->brk[1].minutes;
					}
				}
		}
	}
	return n;
}

/* The service curve of the service weeks: steep below the requirement
 * rounded up, like the depth term of the service objective (a square of
 * the agents missing), flat from it on.  Convex and non-increasing. */
static double svc_curve(double r, int c)
{
	int R = (int)ceil(r - 1e-9), m = R > c ? R - c : 0;

	return 1.5 * m * m + 0.1 * m;
}

static int has_def(const inst *p)
{
	return p->def[0] > 0 || p->def[1] > 0;
}

static double cell(const inst *p, double r, int c, int l)
{
	(void)l;
	if (has_def(p))
		return p->svc ? svc_curve(r, c) : 0.25 * (r > c ? p->ru.w_under * (r - c) : 0);
	if (p->svc)
		return svc_curve(r, c) + 0.25 * (r < c ? p->ru.w_over * (c - r) : 0);
	return 0.25 * (r > c ? p->ru.w_under * (r - c) : p->ru.w_over * (c - r));
}

/* Cheapest cost of interval t of day d with the agents in `on` (bit mask)
 * on the floor: every agent on one of its lines, all ways tried. */
static double interval_cost(const inst *p, int d, int t, unsigned on)
{
	int ag[4], n = 0, a, comb, total;
	double best = 1e300;

	for (a = 0; a < p->A; a++)
		if (on >> a & 1)
			ag[n++] = a;
	for (comb = 0, total = 1; comb < n; comb++)
		total *= p->L;
	for (comb = 0; comb < total; comb++) {
		int cnt[2] = {0, 0}, x = comb, i, ok = 1, l;
		double cost = 0;

		for (i = 0; i < n; i++) {
			l = x % p->L;
			x /= p->L;
			if (!(p->skills[ag[i]] >> l & 1))
				ok = 0;
			cnt[l]++;
		}
		if (!ok)
			continue;
		for (l = 0; l < p->L; l++)
			cost += cell(p, p->req[d][t][l], cnt[l], l);
		if (cost < best)
			best = cost;
	}
	return best;
}

static double brute(const inst *p)
{
	opt o[MAXOPT];
	int no = day_options(p, o), n_ad = p->A * p->D, idx[8] = {0}, i, a, d, t;
	double best = 1e300, R = p->req_agent >= 0 ? 1 : 0;
	int grant;

	assert_true(no <= MAXOPT);
	for (grant = 0; grant <= (p->req_agent >= 0); grant++) {
		memset(idx, 0, sizeof idx);
		for (;;) {
			double cost = 0;
			int ok = 1;

			/* weekly rules per agent */
			for (a = 0; a < p->A && ok; a++) {
				int paid = 0, days = 0, leave = grant && a == p->req_agent, target;

				for (d = 0; d < p->D; d++) {
					const opt *x = &o[idx[a * p->D + d]];

					if (x->type < 0)
						continue;
					if (leave && d == p->req_day)
						ok = 0;
					paid += x->paid;
					days++;
					if (p->pref_from[a] >= 0 &&
					    (x->start < p->pref_from[a] || x->start > p->pref_to[a]))
						cost += p->ru.w_pref;
				}
				/* days_per_week 0: basis week_days; leave credit per day */
				target = (int)floor(p->minutes[a] * (1.0 - (double)leave /
									  p->ru.week_days) + 0.5);
				if (abs(paid - target) > p->ru.hours_tol_min ||
				    days + leave > p->ru.max_days)
					ok = 0;
			}
			if (ok) {
				double rel = 0, done = 0, due = 0, unused = 0;

				for (d = 0; d < p->D; d++) {
					double spare = 0, use;

					for (t = 0; t < NT_; t++) {
						unsigned on = 0;
						int n = 0;

						for (a = 0; a < p->A; a++)
							if (o[idx[a * p->D + d]].floor[t]) {
								on |= 1u << a;
								n++;
							}
						cost += interval_cost(p, d, t, on);
						/* one line: all on the floor are on it */
						if (n > p->req[d][t][0])
							spare += 0.25 * (n - p->req[d][t][0]);
					}
					/* deferred work (plan.h): done as early as the spare
					 * above the requirement allows, the rest of the spare
					 * at w_over, what is past its deadline at the end of a
					 * day at w_deferred */
					rel += p->def[d];
					due += p->def[d];
					use = rel - done < spare ? rel - done : spare;
					done += use;
					unused += spare - use;
					if (due - done > 1e-12)
						cost += p->ru.w_deferred * (due - done);
				}
				if (has_def(p))
					cost += p->ru.w_over * unused;
				if (p->req_agent >= 0 && !grant)
					cost += p->ru.w_leave * 1 * (1.0 + 0.01 * (R - 1 - 0) / R);
				if (cost < best)
					best = cost;
			}
			for (i = 0; i < n_ad; i++) {
				if (++idx[i] < no)
					break;
				idx[i] = 0;
			}
			if (i == n_ad)
				break;
		}
	}
	return best;
}

static wfm_plan_input *build(const inst *p)
{
	wfm_plan_day days[2];
	wfm_err e = {0};
	wfm_plan_input *in;
	const char *codes[2] = {"L0", "L1"};
	int d, t, l, a;

	for (d = 0; d < p->D; d++) {
		days[d].date = wfm_date_from_ymd(2024, 3, 4 + d);
		days[d].opens = 540;
		days[d].closes = 540 + 15 * NT_;
	}
	in = wfm_plan_input_new(&p->ru, days, p->D, &e);
	assert_non_null(in);
	for (l = 0; l < p->L; l++)
		assert_int_equal(wfm_plan_add_line(in, codes[l], 1.0, &e), l);
	for (d = 0; d < p->D; d++)
		for (t = 0; t < NT_; t++)
			for (l = 0; l < p->L; l++) {
				wfm_plan_svc_point pt[5];
				int c;

				if (t == 0 && l == 0 && p->def[d] > 0)
					assert_int_equal(wfm_plan_add_deferred(in, 0, d, p->def[d], d, &e),
							 0);
				assert_int_equal(wfm_plan_add_requirement(in, d, 540 + 15 * t, l,
									  p->req[d][t][l], &e), 0);
				if (!p->svc)
					continue;
				for (c = 0; c < 5; c++) {
					pt[c].cost = svc_curve(p->req[d][t][l], c);
					pt[c].answered = pt[c].within = 0;
				}
				assert_int_equal(wfm_plan_add_service(in, d, 540 + 15 * t, l, 0, pt, 5,
								      &e), 0);
			}
	for (a = 0; a < p->A; a++) {
		wfm_plan_agent_spec sp;
		char name[16], skills[16] = "";

		memset(&sp, 0, sizeof sp);
		snprintf(name, sizeof name, "a%d", a);
		for (l = 0; l < p->L; l++)
			if (p->skills[a] >> l & 1) {
				if (*skills)
					strncat(skills, "|", sizeof skills - strlen(skills) - 1);
				strncat(skills, codes[l], sizeof skills - strlen(skills) - 1);
			}
		sp.name = name;
		sp.skills = skills;
		sp.hours_per_week = p->minutes[a] / 60.0;
		sp.earliest_start = sp.latest_end = -1;
		sp.pref_from = p->pref_from[a];
		sp.pref_to = p->pref_to[a];
		assert_int_equal(wfm_plan_add_agent(in, &sp, &e), a);
	}
	if (p->req_agent >= 0)
		assert_int_equal(wfm_plan_add_leave(in, p->req_agent,
						    days[p->req_day].date, days[p->req_day].date, 1, &e),
				 0);
	return in;
}

/* Rules of the tiny weeks: 09:00-11:00; a 60-minute shift with a paid
 * 15-minute break 15-30 minutes after the start, a 90-minute shift with an
 * unpaid 15-minute break 30-45 minutes in, a 30-minute shift. */
static void tiny_rules(wfm_plan_rules *ru)
{
	wfm_plan_rules_default(ru);
	ru->n_types = 3;
	memset(ru->type, 0, sizeof ru->type);
	ru->type[0].minutes = 60;
	ru->type[0].n_breaks = 1;
	ru->type[0].brk[0] = (wfm_plan_break){15, 15, 30, 1, 0};
	ru->type[1].minutes = 90;
	ru->type[1].n_breaks = 1;
	ru->type[1].brk[0] = (wfm_plan_break){15, 30, 45, 0, 1};
	ru->type[2].minutes = 30;
	ru->hours_tol_min = 30;
	ru->w_over = 0.2;
	ru->w_pref = 0.07;
	ru->w_leave = 0.3;
}

static void random_inst(inst *p, unsigned seed)
{
	unsigned s = seed;
	int d, t, l, a;

	memset(p, 0, sizeof *p);
	tiny_rules(&p->ru);
	p->D = 1 + (int)(rnd(&s) % 2);
	p->L = 2;
	p->A = p->D == 1 ? 3 : 2;
	for (d = 0; d < p->D; d++)
		for (t = 0; t < NT_; t++)
			for (l = 0; l < p->L; l++)
				p->req[d][t][l] = (rnd(&s) % 9) * 0.25;
	for (a = 0; a < p->A; a++) {
		static const unsigned masks[3] = {1, 2, 3};
		static const int mins[4] = {30, 45, 60, 75};

		p->skills[a] = masks[rnd(&s) % 3];
		p->minutes[a] = mins[rnd(&s) % 4] * p->D;
		p->pref_from[a] = p->pref_to[a] = -1;
	}
	p->pref_from[0] = 540;
	p->pref_to[0] = 570;
	p->req_agent = rnd(&s) % 2 ? -1 : 1;
	p->req_day = 0;
}

/* The Lagrangian bound of the week, from a constructed roster's prices
 * and from the LP's duals, never above the enumerated optimum. */
static void check_lagrange(const wfm_plan_input *in, double want)
{
	lagr_check_below(in, want, 9, 0.1, 0);
}

static void check_optimal(const inst *p)
{
	wfm_plan_input *in = build(p);
	wfm_plan_options o;
	wfm_plan_result *res = NULL;
	wfm_err e = {0};
	plancheck pc;
	double want = brute(p);

	wfm_plan_options_default(&o);
	/* the solve stops as soon as the optimum is proven; the limit is a
	 * safety net, wide enough for a loaded machine or a sanitizer build
	 * (3 s once failed under a load average of 6) */
	o.time_limit = 60;
	o.gap = 1e-9;
	if (wfm_plan_solve(in, &o, &res, &e) != 0)
		fail_msg("solve: %s", e.msg);
	/* small enough for the exact model: the optimum is proven */
	assert_int_equal(res->status, WFM_PLAN_OPTIMAL);
	if (plancheck_run(in, res, &pc))
		fail_msg("checker: %s", pc.first);
	if (fabs(res->objective - want) > 1e-7)
		fail_msg("objective %.9f, enumeration %.9f", res->objective, want);
	assert_true(res->bound <= want + 1e-7);
	check_lagrange(in, want);
	wfm_plan_result_free(res);
	wfm_plan_input_free(in);
}

static void test_brute_random(void **state)
{
	unsigned seed;
	int checked = 0, with_leave = 0;

	(void)state;
	for (seed = 1; seed <= 9; seed++) {
		inst p;

		random_inst(&p, seed);
		if (brute(&p) > 1e299)
			continue; /* no week fits: the diagnosis is tested elsewhere */
		check_optimal(&p);
		checked++;
		with_leave += p.req_agent >= 0;
	}
	print_message("%d weeks enumerated, %d with a leave request\n", checked, with_leave);
	assert_true(checked >= 6);
	assert_true(with_leave >= 2);
}

/* A hand-made week: one line needing 1, 2, 2, 1 agents in the first hour
 * and nothing after, two agents of exactly 60 paid minutes: each works the
 * 60-minute shift, on the floor 3 of its 4 quarters (the break falls on its
 * 2nd or 3rd).  Their 6 quarters match the 6 required, so a shortfall
 * anywhere means as much excess elsewhere; no placement covers 1, 2, 2, 1
 * exactly (both would need the 2nd and 3rd quarters), and 09:00 with the
 * break on the 3rd quarter plus 09:15 with the break on its 3rd quarter
 * leaves one quarter short and one over: 0.25 (w_under + w_over). */
static void test_brute_hand(void **state)
{
	inst p;
	int t;

	(void)state;
	memset(&p, 0, sizeof p);
	tiny_rules(&p.ru);
	p.ru.hours_tol_min = 0;
	p.D = 1;
	p.L = 1;
	p.A = 2;
	p.req[0][0][0] = 1;
	p.req[0][1][0] = 2;
	p.req[0][2][0] = 2;
	p.req[0][3][0] = 1;
	for (t = 0; t < 2; t++) {
		p.skills[t] = 1;
		p.minutes[t] = 60;
		p.pref_from[t] = p.pref_to[t] = -1;
	}
	p.req_agent = -1;
	assert_true(fabs(brute(&p) - 0.25 * (p.ru.w_under + p.ru.w_over)) < 1e-12);
	check_optimal(&p);
}

/* Weeks under the service objective with steep convex curves (svc_curve,
 * like the depth term): the solver's optimum is the enumerated one, and
 * neither its bound nor the Lagrangian bound exceeds it.  No leave request:
 * under the service objective leave is decided by its rule, not by the
 * optimum. */
static void test_brute_service(void **state)
{
	unsigned seed;
	int checked = 0;

	(void)state;
	for (seed = 1; seed <= 9; seed++) {
		inst p;

		random_inst(&p, seed);
		p.svc = 1;
		p.ru.objective = WFM_PLAN_SERVICE;
		p.req_agent = -1;
		if (brute(&p) > 1e299)
			continue;
		check_optimal(&p);
		checked++;
	}
	print_message("%d service weeks enumerated\n", checked);
	assert_true(checked >= 6);
}

/* Weeks of one line with deferred work, due the day it comes: the cost of
 * a week counts the spare above the requirement that the work leaves
 * unused and the work late (the rule of plan.h, written again in brute).
 * Neither the solver's bound nor the Lagrangian bound, which bounds such a
 * line in two ways (a small LP, and its cells as without the work less
 * the work released at w_over), may exceed the enumerated optimum, and no
 * plan may cost less than it.  Both objectives; the solver's model is a
 * relaxation on such a line, so its optimum is not asked for. */
static void test_brute_deferred(void **state)
{
	unsigned seed;
	int checked = 0, svc;

	(void)state;
	for (svc = 0; svc <= 1; svc++)
		for (seed = 1; seed <= 12; seed++) {
			inst p;
			wfm_plan_input *in;
			wfm_plan_options o;
			wfm_plan_result *res = NULL;
			wfm_err e = {0};
			plancheck pc;
			double want;
			int d;

			random_inst(&p, seed);
			p.L = 1;
			p.A = p.D == 1 ? 3 : 2;
			for (d = 0; d < p.D; d++)
				p.def[d] = 0.25 * (1 + (int)(seed % 3) + d);
			for (d = 0; d < p.A; d++)
				p.skills[d] = 1;
			p.req_agent = -1;
			p.svc = svc;
			if (svc)
				p.ru.objective = WFM_PLAN_SERVICE;
			want = brute(&p);
			if (want > 1e299)
				continue;
			in = build(&p);
			wfm_plan_options_default(&o);
			o.time_limit = 0.5;
			o.gap = 1e-9;
			if (wfm_plan_solve(in, &o, &res, &e) != 0)
				fail_msg("solve: %s", e.msg);
			if (plancheck_run(in, res, &pc))
				fail_msg("checker: %s", pc.first);
			if (res->objective < want - 1e-7)
				fail_msg("plan %.9f below the enumerated optimum %.9f", res->objective,
					 want);
			if (res->bound > want + 1e-7)
				fail_msg("bound %.9f above the enumerated optimum %.9f", res->bound, want);
			lagr_check_below(in, want, 9, 0.1, 0);
			wfm_plan_result_free(res);
			wfm_plan_input_free(in);
			checked++;
		}
	print_message("%d weeks with deferred work enumerated\n", checked);
	assert_true(checked >= 12);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_brute_hand),
		cmocka_unit_test(test_brute_random),
		cmocka_unit_test(test_brute_service),
		cmocka_unit_test(test_brute_deferred),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
