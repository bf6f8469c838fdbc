/* test_report.c - lib/report/: accuracy figures, the Poisson floor, the
 * first-in-first-out run of deferred work, plan coverage, leave allowance
 * and cost.
 *
 * Reference values from tests/ref/report_ref.py: the Poisson mean absolute
 * deviation summed term by term at 60 digits (not the closed form), the
 * FIFO from cumulative counts in exact fractions (not a queue), accuracy
 * from the definitions in fractions.  Coverage, allowance and cost are
 * worked by hand in the comments. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "report/report.h"

#include "../ref/report_ref.inc"

#define MAXD 8

static int close_to(double got, double want, double rel)
{
	return fabs(got - want) <= rel * fmax(1, fabs(want));
}

static void test_poisson(void **state)
{
	static const double cases[][2] = {POISSON_CASES};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		if (!close_to(wfm_poisson_mad(cases[i][0]), cases[i][1], 1e-13))
			fail_msg("m %g: got %.17g want %.17g", cases[i][0],
				 wfm_poisson_mad(cases[i][0]), cases[i][1]);
	assert_true(wfm_poisson_mad(0) == 0);
	assert_true(wfm_poisson_mad(-1) == 0);
	assert_true(isnan(wfm_poisson_mad(NAN)));
}

static void test_accuracy(void **state)
{
	/* the points and history of report_ref.py */
	static const double pts[][4] = {{120, 110, 95, 130}, {95, 100, 85, 115}, {0, 3, NAN, NAN},
					{80, 92, 82, 100}, {150, 140, 120, 160},
					{60, 62.5, 50, 75}};
	static const double hist[] = {100, 90, 85, 70, 130, 0, 0, 110, 95, 80, 75, 120, 0, 0,
				      105, 100, 90, 72, 140, 0, 0, 98};
	static const unsigned char have[] = {1, 1, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1, 0, 0, 1, 1, 1,
					     1, 1, 0, 0, 1};
	wfm_acc a, half1, half2;
	double scale;

	(void)state;
	memset(&a, 0, sizeof a);
	memset(&half1, 0, sizeof half1);
	memset(&half2, 0, sizeof half2);
	for (size_t i = 0; i < 6; i++) {
		wfm_acc_add(&a, pts[i][0], pts[i][1], pts[i][2], pts[i][3]);
		wfm_acc_add(i < 3 ? &half1 : &half2, pts[i][0], pts[i][1], pts[i][2], pts[i][3]);
	}
	wfm_acc_add(&a, -1, 5, NAN, NAN); /* ignored */
	scale = wfm_naive_scale(hist, have, sizeof hist / sizeof hist[0], 7);
	assert_true(close_to(scale, ACC_SCALE, 1e-14));
	assert_int_equal(a.n, 6);
	assert_true(close_to(wfm_acc_wape(&a), ACC_WAPE, 1e-14));
	assert_true(close_to(wfm_acc_bias(&a), ACC_BIAS, 1e-14));
	assert_true(close_to(wfm_acc_mase(&a, scale), ACC_MASE, 1e-14));
	assert_true(close_to(wfm_acc_coverage(&a), ACC_COVERAGE, 1e-14));
	assert_true(close_to(wfm_acc_floor(&a), ACC_FLOOR, 1e-12));
	wfm_acc_merge(&half1, &half2);
	assert_true(close_to(wfm_acc_wape(&half1), ACC_WAPE, 1e-14));
	assert_int_equal(half1.bounded, 5);
	/* nothing to score */
	memset(&a, 0, sizeof a);
	wfm_acc_add(&a, 0, 4, 0, 5);
	assert_true(isnan(wfm_acc_wape(&a)) && isnan(wfm_acc_bias(&a)) && isnan(wfm_acc_floor(&a)));
	assert_true(wfm_acc_coverage(&a) == 1);
	assert_true(isnan(wfm_acc_mase(&a, 0)));
	assert_true(isnan(wfm_naive_scale(hist, have, 7, 7)));
	assert_true(isnan(wfm_naive_scale(hist, NULL, 22, 0)));
	/* without flags every pair counts: |110-100|, |95-90|, |80-85|, |75-70|: 6.25 */
	assert_true(close_to(wfm_naive_scale(hist, NULL, 11, 7), 6.25, 1e-15));
}

struct fday {
	double open, answered, surplus, backlog, past_due;
	int oldest;
	double in_time, late, overdue, pending;
};

struct fcase {
	const char *name;
	size_t days;
	double offered[MAXD], handled[MAXD];
	long due[MAXD];
	double opening;
	long opening_due;
	struct fday want[MAXD];
	double op[4];
};

static const struct fcase fcases[] = {FIFO_CASES};

static void test_fifo(void **state)
{
	(void)state;
	for (size_t k = 0; k < sizeof fcases / sizeof fcases[0]; k++) {
		const struct fcase *c = &fcases[k];
		wfm_fifo_in in = {c->days, c->offered, c->handled, c->due, c->opening,
				  c->opening_due};
		wfm_fifo_day out[MAXD];
		wfm_fifo_opening op;
		wfm_err e;

		assert_int_equal(wfm_fifo_run(&in, out, &op, &e), WFM_OK);
		for (size_t i = 0; i < c->days; i++) {
			const struct fday *w = &c->want[i];
			const wfm_fifo_day *g = &out[i];
			double got[] = {g->open, g->answered, g->surplus, g->backlog, g->past_due,
					g->in_time, g->late, g->overdue, g->pending};
			double want[] = {w->open, w->answered, w->surplus, w->backlog, w->past_due,
					 w->in_time, w->late, w->overdue, w->pending};

			for (size_t j = 0; j < sizeof got / sizeof got[0]; j++)
				if (!close_to(got[j], want[j], 1e-12))
					fail_msg("%s, day %zu, figure %zu: got %.17g want %.17g",
						 c->name, i, j, got[j], want[j]);
			if (g->oldest != w->oldest)
				fail_msg("%s, day %zu: oldest %d, want %d", c->name, i, g->oldest,
					 w->oldest);
		}
		if (!close_to(op.in_time, c->op[0], 1e-12) || !close_to(op.late, c->op[1], 1e-12) ||
		    !close_to(op.overdue, c->op[2], 1e-12) || !close_to(op.pending, c->op[3], 1e-12))
			fail_msg("%s: opening backlog %g %g %g %g", c->name, op.in_time, op.late,
				 op.overdue, op.pending);
	}
}

static void test_fifo_share_and_errors(void **state)
{
	wfm_fifo_day d = {0};
	double off[2] = {1, 2}, han[2] = {1, -1};
	long due[2] = {1, 0};
	wfm_fifo_in in = {2, off, han, due, 0, 0};
	wfm_fifo_day out[2];
	wfm_err e;

	(void)state;
	d.in_time = 6;
	d.late = 1;
	d.overdue = 1;
	d.pending = 10; /* not due yet: left out */
	assert_true(close_to(wfm_fifo_share(&d), 0.75, 1e-15));
	d.in_time = d.late = d.overdue = 0;
	assert_true(isnan(wfm_fifo_share(&d)));
	assert_int_equal(wfm_fifo_run(&in, out, NULL, &e), WFM_EUSAGE);
	han[1] = 1;
	assert_int_equal(wfm_fifo_run(&in, out, NULL, &e), WFM_EUSAGE); /* due[1] < 1 */
	assert_non_null(strstr(e.msg, "day 1: due before it arrives"));
	due[1] = 1;
	assert_int_equal(wfm_fifo_run(&in, out, NULL, &e), WFM_OK);
}

static void test_cover(void **state)
{
	wfm_cover c;

	(void)state;
	memset(&c, 0, sizeof c);
	/* quarter hours: 10 required / 8 planned, 10 / 12, 4 / 4; a day row of
	 * 6 agent-hours required, 5 done */
	wfm_cover_add(&c, 10, 8, 0.25);
	wfm_cover_add(&c, 10, 12, 0.25);
	wfm_cover_add(&c, 4, 4, 0.25);
	wfm_cover_add(&c, 6, 5, 1);
	wfm_cover_add(&c, NAN, 5, 1);
	/* required 2.5 + 2.5 + 1 + 6 = 12; planned 2 + 3 + 1 + 5 = 11;
	 * under 0.5 + 1 = 1.5; over 0.5; share (12 - 1.5) / 12 = 0.875 */
	assert_true(close_to(c.required_h, 12, 1e-15));
	assert_true(close_to(c.planned_h, 11, 1e-15));
	assert_true(close_to(c.under_h, 1.5, 1e-15));
	assert_true(close_to(c.over_h, 0.5, 1e-15));
	assert_true(close_to(wfm_cover_share(&c), 0.875, 1e-15));
	memset(&c, 0, sizeof c);
	assert_true(isnan(wfm_cover_share(&c)));
}

static void test_allowance_and_cost(void **state)
{
	wfm_cost k;

	(void)state;
	/* 912 h available, 850.4 required, 7.6 h a day: 61.6 / 7.6 = 8.105...: 8 */
	assert_int_equal(wfm_leave_allowance(912, 850.4, 7.6), 8);
	/* exactly 3 agent-days spare in decimal: 22.8 / 7.6 (2.9999999999999996 in
	 * binary) counts as 3 */
	assert_int_equal(wfm_leave_allowance(100, 77.2, 7.6), 3);
	assert_int_equal(wfm_leave_allowance(100, 120, 7.6), 0);
	assert_int_equal(wfm_leave_allowance(100, 20, 0), -1);
	assert_int_equal(wfm_leave_allowance(NAN, 20, 7.6), -1);
	/* 120 h at 41.50 = 4980; 1500 contacts at 0.85 = 1275; total 6255 */
	k = wfm_cost_estimate(120, 41.5, 1500, 0.85);
	assert_true(close_to(k.staff, 4980, 1e-15) && close_to(k.contacts, 1275, 1e-15) &&
		    close_to(k.total, 6255, 1e-15));
	k = wfm_cost_estimate(120, 41.5, 1500, NAN);
	assert_true(isnan(k.contacts) && close_to(k.total, 4980, 1e-15));
	k = wfm_cost_estimate(120, NAN, 1500, NAN);
	assert_true(isnan(k.staff) && isnan(k.total));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_poisson),
		cmocka_unit_test(test_accuracy),
		cmocka_unit_test(test_fifo),
		cmocka_unit_test(test_fifo_share_and_errors),
		cmocka_unit_test(test_cover),
		cmocka_unit_test(test_allowance_and_cost),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
