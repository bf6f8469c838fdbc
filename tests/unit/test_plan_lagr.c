/* test_plan_lagr.c - lib/plan_lagr.c: the Lagrangian bound never exceeds
 * the cost of a plan.
 *
 * The reference is the solver's own proven optimum on weeks small enough
 * for the exact model (branch-and-cut closes the gap; the roster is checked
 * by the independent checker, so its cost is the cost of a real plan).
 * The weeks have more agents than the requirement needs, so agents stand
 * above it, and a training that takes three of them off the floor: a bound
 * that forgot what a training saves there would exceed the optimum.  The
 * ascent starts from the LP's duals (as the solver does after the LP) and
 * from the prices of a roster.  Half the weeks carry deferred work, whose
 * line the bound prices by a small LP of its own. */
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

/* n_days Mon..., 09:00-13:00; lines 1700 and S1; agents above the need;
 * with `deferred`, 2 agent-hours of e-mail on S1 a day, due the next day. */
static wfm_plan_input *make_week(int n_days, int n_agents, unsigned seed, int deferred)
{
	wfm_plan_rules ru;
	wfm_plan_day days[5];
	wfm_plan_input *in;
	wfm_plan_training_spec t1 = {"count", "S1", 60, 2, 3, "3", 0, 0};
	wfm_err e = {0};
	unsigned s = seed;
	int d, t, i;

	wfm_plan_rules_default(&ru);
	ru.n_types = 1;
	memset(ru.type, 0, sizeof ru.type);
	ru.type[0].minutes = 240;
	ru.hours_tol_min = 0;
	for (d = 0; d < n_days; d++) {
		days[d].date = wfm_date_from_ymd(2024, 3, 4 + d);
		days[d].opens = 540;
		days[d].closes = 780;
	}
	in = wfm_plan_input_new(&ru, days, n_days, &e);
	assert_non_null(in);
	assert_int_equal(wfm_plan_add_line(in, "1700", 1.0, &e), 0);
	assert_int_equal(wfm_plan_add_line(in, "S1", 1.5, &e), 1);
	for (d = 0; d < n_days; d++)
		for (t = 0; t < 16; t++) {
			s = s * 1664525u + 1013904223u;
			assert_int_equal(wfm_plan_add_requirement(in, d, 540 + 15 * t, 0,
								  (s >> 30) * 0.5, &e), 0);
			assert_int_equal(wfm_plan_add_requirement(in, d, 540 + 15 * t, 1,
								  (s >> 30) * 0.5, &e), 0);
		}
	for (d = 0; deferred && d < n_days; d++)
		assert_int_equal(wfm_plan_add_deferred(in, 1, d, 2, d + 1, &e), 0);
	for (i = 0; i < n_agents; i++) {
		static const char *const sk[3] = {"1700", "1700|S1", "S1"};
		wfm_plan_agent_spec sp;
		char name[16];

		memset(&sp, 0, sizeof sp);
		snprintf(name, sizeof name, "a%d", i);
		sp.name = name;
		sp.skills = sk[i % 3];
		sp.hours_per_week = 4 * n_days;
		sp.earliest_start = sp.latest_end = sp.pref_from = sp.pref_to = -1;
		assert_int_equal(wfm_plan_add_agent(in, &sp, &e), i);
	}
	t1.from = days[0].date;
	t1.to = days[n_days - 1].date;
	assert_true(wfm_plan_add_training(in, &t1, &e) >= 0);
	return in;
}

/* The optimum by the solver, checked. */
static double optimum(const wfm_plan_input *in)
{
	wfm_plan_options o;
	wfm_plan_result *res = NULL;
	wfm_err e = {0};
	plancheck pc;
	double v;

	wfm_plan_options_default(&o);
	o.time_limit = 20;
	o.gap = 1e-9;
	if (wfm_plan_solve(in, &o, &res, &e))
		fail_msg("solve: %s", e.msg);
	assert_int_equal(res->status, WFM_PLAN_OPTIMAL);
	if (plancheck_run(in, res, &pc))
		fail_msg("checker: %s", pc.first);
	v = res->objective;
	wfm_plan_result_free(res);
	return v;
}

static void check_week(const wfm_plan_input *in)
{
	lagr_check_below(in, optimum(in), 5, 0.3, 1);
}

static void test_lagrange_below_optimum(void **state)
{
	unsigned seed;

	(void)state;
	for (seed = 1; seed <= 6; seed++) {
		wfm_plan_input *in = make_week(2, 7, seed, seed > 3);

		check_week(in);
		wfm_plan_input_free(in);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lagrange_below_optimum),
	};

	glp_term_out(GLP_OFF);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
