/* test_plan_model.c - lib/plan_model.c and plan_roster.c: a roster's image
 * in the model's columns is a feasible point whose objective is the
 * roster's cost.
 *
 * GLPK takes a heuristic solution (glp_ios_heur_sol) without checking it,
 * and prunes its search with its objective; so every row must hold and the
 * objective (computed here from GLPK's own coefficients, not the library's
 * evaluation) must equal the roster's exact cost, which the independent
 * checker recomputes from the blocks.  Both flavours of the model are
 * covered: exact break counts (small) and the compact relaxation. */
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

static wfm_plan_input *make_week(int n_days, int n_agents, int lines, unsigned seed)
{
	wfm_plan_rules ru;
	wfm_plan_day days[5];
	wfm_plan_input *in;
	wfm_plan_training_spec t1 = {"count", "S1", 90, 2, 4, "3", 0, 0};
	wfm_err e = {0};
	unsigned s = seed;
	int d, t, i;

	wfm_plan_rules_default(&ru);
	for (d = 0; d < n_days; d++) {
		days[d].date = wfm_date_from_ymd(2024, 3, 4 + d);
		days[d].opens = 540;
		days[d].closes = 1140;
	}
	in = wfm_plan_input_new(&ru, days, n_days, &e);
	assert_non_null(in);
	assert_int_equal(wfm_plan_add_line(in, "1700", 1.0, &e), 0);
	if (lines > 1)
		assert_int_equal(wfm_plan_add_line(in, "S1", 1.5, &e), 1);
	if (lines > 2)
		assert_int_equal(wfm_plan_add_line(in, "S2", 1.0, &e), 2);
	for (d = 0; d < n_days; d++) {
		for (t = 0; t < 40; t++) {
			s = s * 1664525u + 1013904223u;
			assert_int_equal(wfm_plan_add_requirement(in, d, 540 + 15 * t, 0,
								  n_agents / 4.0 + (s >> 28) * 0.3, &e), 0);
			if (lines > 1)
				assert_int_equal(wfm_plan_add_requirement(in, d, 540 + 15 * t, 1,
									  (s >> 29) * 0.7, &e), 0);
			if (lines > 2)
				assert_int_equal(wfm_plan_add_requirement(in, d, 540 + 15 * t, 2,
									  (s >> 30) * 0.9, &e), 0);
		}
		if (lines > 1)
			assert_int_equal(wfm_plan_add_deferred(in, 1, d, 3, d + 1, &e), 0);
	}
	for (i = 0; i < n_agents; i++) {
		wfm_plan_agent_spec sp;
		char name[16];

		memset(&sp, 0, sizeof sp);
		snprintf(name, sizeof name, "a%d", i);
		sp.name = name;
		{
			static const char *const sk[5] = {"1700", "1700|S1", "S1", "1700|S2", "S1|S2"};

			sp.skills = sk[lines == 1 ? 0 : i % (lines == 2 ? 3 : 5)];
		}
		sp.hours_per_week = 8 * n_days - (i % 3) * 2;
		sp.earliest_start = -1;
		sp.latest_end = -1;
		sp.pref_from = i == 1 ? 540 : -1;
		sp.pref_to = i == 1 ? 600 : -1;
		assert_int_equal(wfm_plan_add_agent(in, &sp, &e), i);
	}
	if (n_agents > 3)
		assert_int_equal(wfm_plan_add_leave(in, 3, days[0].date, days[0].date, 1, &e), 0);
	if (lines > 1) {
		t1.from = days[0].date;
		t1.to = days[n_days - 1].date;
		assert_true(wfm_plan_add_training(in, &t1, &e) >= 0);
	}
	return in;
}

/* Builds the model and a roster for `in`, maps the roster to columns and
 * checks rows, bounds, integrality and objective.  Returns c.exact. */
static int check_image(const wfm_plan_input *in)
{
	pl_ctx c;
	pl_roster *r;
	pl_flow *f;
	pl_clock k;
	wfm_err e = {0};
	double *x, obj;
	unsigned seed = 3;
	int i, j, exact, rows;

	assert_int_equal(wfm_pl_prepare(&c, in, &e), 0);
	assert_int_equal(wfm_pl_diagnose(&c, &e), 0);
	assert_int_equal(wfm_pl_build_model(&c, &e), 0);
	memset(&k, 0, sizeof k);
	clock_gettime(CLOCK_MONOTONIC, &k.t0);
	k.limit = 5;
	r = wfm_pl_roster_new(&c);
	f = wfm_pl_flow_new(&c);
	x = calloc((size_t)c.ncols + 1, sizeof *x);
	assert_non_null(r);
	assert_non_null(f);
	assert_non_null(x);
	assert_int_equal(wfm_pl_construct(&c, r, f, &k, &seed), 0);
	assert_int_equal(wfm_pl_improve(&c, r, f, &k, wfm_pl_elapsed(&k) + 0.3, 0, NULL, &seed), 0);
	assert_int_equal(wfm_pl_fill_flow(&c, r, f), 0);
	assert_int_equal(wfm_pl_lines_from_flow(&c, r, f), 0);
	wfm_pl_evaluate(&c, r);
	assert_int_equal(wfm_pl_roster_to_x(&c, r, x), 0);
	obj = glp_get_obj_coef(c.P, 0);
	for (j = 1; j <= c.ncols; j++) {
		int type = glp_get_col_type(c.P, j);
		double lo = glp_get_col_lb(c.P, j), hi = glp_get_col_ub(c.P, j);

		obj += glp_get_obj_coef(c.P, j) * x[j];
		if ((type == GLP_LO || type == GLP_DB || type == GLP_FX) && x[j] < lo - 1e-9)
			fail_msg("column %s = %g below %g", glp_get_col_name(c.P, j), x[j], lo);
		if ((type == GLP_UP || type == GLP_DB || type == GLP_FX) && x[j] > hi + 1e-9)
			fail_msg("column %s = %g above %g", glp_get_col_name(c.P, j), x[j], hi);
		if (glp_get_col_kind(c.P, j) != GLP_CV && fabs(x[j] - floor(x[j] + 0.5)) > 1e-9)
			fail_msg("integer column %s = %g", glp_get_col_name(c.P, j), x[j]);
	}
	rows = glp_get_num_rows(c.P);
	{
		int *ind = malloc(((size_t)c.ncols + 1) * sizeof *ind);
		double *val = malloc(((size_t)c.ncols + 1) * sizeof *val);

		assert_non_null(ind);
		assert_non_null(val);
		for (i = 1; i <= rows; i++) {
			int n = glp_get_mat_row(c.P, i, ind, val), q, type = glp_get_row_type(c.P, i);
			double act = 0, lo = glp_get_row_lb(c.P, i), hi = glp_get_row_ub(c.P, i);

			for (q = 1; q <= n; q++)
				act += val[q] * x[ind[q]];
			if (((type == GLP_LO || type == GLP_DB || type == GLP_FX) && act < lo - 1e-7) ||
			    ((type == GLP_UP || type == GLP_DB || type == GLP_FX) && act > hi + 1e-7))
				fail_msg("row %s: %g outside [%g, %g]", glp_get_row_name(c.P, i), act,
					 lo, hi);
		}
		free(ind);
		free(val);
	}
	if (fabs(obj - r->cost) > 1e-7 * (1 + fabs(obj)))
		fail_msg("model objective %.9f, roster cost %.9f", obj, r->cost);
	exact = c.exact;
	print_message("model: %d columns, %d rows, exact %d\n", c.ncols, rows, exact);
	free(x);
	wfm_pl_flow_free(f);
	wfm_pl_roster_free(r);
	wfm_pl_release(&c);
	return exact;
}

static void test_image_exact(void **state)
{
	wfm_plan_input *in = make_week(2, 6, 2, 7);

	(void)state;
	assert_int_equal(check_image(in), 1);
	wfm_plan_input_free(in);
}

static void test_image_compact(void **state)
{
	wfm_plan_input *in = make_week(5, 40, 3, 11);

	(void)state;
	assert_int_equal(check_image(in), 0);
	wfm_plan_input_free(in);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_image_exact),
		cmocka_unit_test(test_image_compact),
	};

	glp_term_out(GLP_OFF);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
