/* test_deferred.c - lib/deferred.c: capacity for deferred work and the
 * day-by-day run.
 *
 * Reference values from tests/ref/deferred_ref.py: exact fractions, the
 * capacity found by bisection over an exact first-in-first-out run (and
 * checked there against the window formula), the runs done exactly. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "queue/deferred.h"

#include "../ref/deferred_ref.inc"

#define MAXDAYS 32

struct day {
	double done, backlog;
	int oldest;
	double late;
};

struct dcase {
	const char *name;
	size_t days;
	int deadline;
	double work[MAXDAYS];
	double capacity;
	struct day plan[MAXDAYS], short_plan[MAXDAYS];
};

static const struct dcase cases[] = {DEFERRED_CASES};

static void check_days(const struct dcase *c, const wfm_deferred_day *got,
		       const struct day *want, const char *what)
{
	for (size_t i = 0; i < c->days; i++) {
		double tol = 1e-9 * c->capacity;

		if (fabs(got[i].done - want[i].done) > tol ||
		    fabs(got[i].backlog - want[i].backlog) > tol ||
		    fabs(got[i].late - want[i].late) > tol || got[i].oldest != want[i].oldest)
			fail_msg("%s, %s, day %zu: got done %g backlog %g oldest %d late %g, "
				 "want %g %g %d %g", c->name, what, i, got[i].done, got[i].backlog,
				 got[i].oldest, got[i].late, want[i].done, want[i].backlog,
				 want[i].oldest, want[i].late);
	}
}

static void test_deferred_reference(void **state)
{
	(void)state;
	for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
		const struct dcase *c = &cases[k];
		wfm_deferred_day out[MAXDAYS];
		double cap[MAXDAYS], got;

		assert_true(c->days <= MAXDAYS);
		assert_int_equal(wfm_deferred_capacity(c->work, c->days, c->deadline, &got, NULL),
				 WFM_OK);
		if (fabs(got - c->capacity) > 1e-12 * c->capacity)
			fail_msg("%s: capacity %.17g, want %.17g", c->name, got, c->capacity);
		for (size_t i = 0; i < c->days; i++)
			cap[i] = c->capacity;
		assert_int_equal(wfm_deferred_run(c->work, cap, c->days, c->deadline, out, NULL),
				 WFM_OK);
		check_days(c, out, c->plan, "at capacity");
		for (size_t i = 0; i < c->days; i++)
			cap[i] = c->capacity * 0.9;
		assert_int_equal(wfm_deferred_run(c->work, cap, c->days, c->deadline, out, NULL),
				 WFM_OK);
		check_days(c, out, c->short_plan, "at 90 %");
	}
}

/* The notes' figure: [80, 5, 5, 5, 20] hours with a 2-day deadline needs
 * 26.67 hours a day, not the mean of 23; the day-0 work is finished on day 2
 * exactly, which the run must not report as late through rounding. */
static void test_monday_spike(void **state)
{
	const double work[5] = {80, 5, 5, 5, 20};
	double c, cap[5];
	wfm_deferred_day out[5];

	(void)state;
	assert_int_equal(wfm_deferred_capacity(work, 5, 2, &c, NULL), WFM_OK);
	assert_true(fabs(c - 80.0 / 3) < 1e-12);
	for (int i = 0; i < 5; i++)
		cap[i] = nextafter(80.0 / 3, 0); /* a hair below, as rounding may leave it */
	assert_int_equal(wfm_deferred_run(work, cap, 5, 2, out, NULL), WFM_OK);
	for (int i = 0; i < 5; i++)
		assert_true(out[i].late == 0 && out[i].oldest <= 1);
}

/* A roster's uneven capacity (--evaluate): a day off leaves work late. */
static void test_evaluate_uneven(void **state)
{
	const double work[5] = {10, 10, 10, 10, 10}, cap[5] = {5, 0, 15, 15, 15};
	wfm_deferred_day out[5];

	(void)state;
	assert_int_equal(wfm_deferred_run(work, cap, 5, 1, out, NULL), WFM_OK);
	assert_true(out[0].done == 5 && out[0].backlog == 5 && out[0].oldest == 0);
	assert_true(out[0].late == 0);
	/* day 1: nothing done, 5 of day 0 left, now 1 day old: late at deadline 1 */
	assert_true(out[1].done == 0 && out[1].backlog == 15 && out[1].oldest == 1);
	assert_true(out[1].late == 5);
	assert_true(out[2].done == 15 && out[2].backlog == 10 && out[2].oldest == 0);
	assert_true(out[2].late == 0);
	assert_true(out[3].backlog == 5 && out[3].oldest == 0);
	assert_true(out[4].done == 15 && out[4].backlog == 0 && out[4].oldest == -1);
}

static void test_deferred_errors(void **state)
{
	const double work[3] = {1, 2, 3}, bad[3] = {1, -2, 3};
	double c;
	wfm_deferred_day out[3];
	wfm_err e = {0};

	(void)state;
	assert_int_equal(wfm_deferred_capacity(work, 0, 2, &c, &e), WFM_EUSAGE);
	assert_int_equal(wfm_deferred_capacity(work, 3, -1, &c, &e), WFM_EUSAGE);
	assert_non_null(strstr(e.msg, "deadline"));
	assert_int_equal(wfm_deferred_capacity(bad, 3, 2, &c, &e), WFM_EUSAGE);
	assert_non_null(strstr(e.msg, "day 1"));
	assert_int_equal(wfm_deferred_run(work, bad, 3, 2, out, &e), WFM_EUSAGE);
	assert_non_null(strstr(e.msg, "capacity"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_deferred_reference),
		cmocka_unit_test(test_monday_spike),
		cmocka_unit_test(test_evaluate_uneven),
		cmocka_unit_test(test_deferred_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
