/* test_forecast_expected.c - lib/forecast_expected.c: expected volumes
 * (add, scale, set) folded into a forecast, and a new line's forecast from
 * expected volumes and a donor.
 *
 * The forecasts are built by hand (two weeks, weekends closed, known
 * values), so every expected figure is plain arithmetic written here. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "forecast/forecast.h"
#include "run/wfm.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define H 14

static wfm_date day0(void)
{
	return wfm_date_from_ymd(2024, 6, 3); /* a Monday */
}

/* Two weeks: open Monday-Friday with 100, 90, 80, 70, 60 (week 2 the same
 * plus 10), weekends closed; bounds at 0.8 and 1.25 times the point. */
static wfm_fc_daily *handmade(void)
{
	wfm_fc_daily *f = calloc(1, sizeof *f);
	int i;

	assert_non_null(f);
	f->first = day0();
	f->h = H;
	f->level = 0.8;
	f->point = calloc(H, sizeof *f->point);
	f->lo = calloc(H, sizeof *f->lo);
	f->hi = calloc(H, sizeof *f->hi);
	f->state = calloc(H, 1);
	assert_true(f->point && f->lo && f->hi && f->state);
	for (i = 0; i < H; i++) {
		int wd = i % 7;
		f->state[i] = wd >= 5 ? WFM_FC_CLOSED : WFM_FC_OPEN;
		f->point[i] = wd >= 5 ? 0 : 100 - 10 * wd + 10 * (i / 7);
		f->lo[i] = 0.8 * f->point[i];
		f->hi[i] = 1.25 * f->point[i];
	}
	return f;
}

static double total(const wfm_fc_daily *f, int a, int b)
{
	double s = 0;
	int i;

	for (i = a; i <= b; i++)
		s += f->point[i];
	return s;
}

/* add: 700 contacts over days 2..10 (Wednesday to next Thursday; 7 open
 * days totalling 80+70+60+110+100+90+80 = 590) go in proportion. */
static void test_add(void **state)
{
	wfm_fc_daily *f = handmade(), *g = handmade();
	wfm_fc_expected ev = {day0() + 2, day0() + 10, WFM_FC_ADD, 700};
	wfm_err e;
	int i;

	(void)state;
	assert_true(fabs(total(g, 2, 10) - 590) < 1e-9);
	assert_int_equal(wfm_fc_apply_expected(f, &ev, &e), WFM_OK);
	assert_true(fabs(total(f, 2, 10) - 1290) < 1e-9);
	for (i = 0; i < H; i++) {
		double want = g->point[i];
		if (i >= 2 && i <= 10)
			want += 700 * g->point[i] / 590;
		assert_true(fabs(f->point[i] - want) < 1e-9);
		if (f->state[i] != WFM_FC_OPEN)
			assert_true(f->point[i] == 0 && f->hi[i] == 0);
		/* same relative width */
		assert_true(fabs(f->hi[i] - 1.25 * f->point[i]) < 1e-9);
	}
	wfm_fc_daily_free(f);
	wfm_fc_daily_free(g);
}

/* scale by 1.5 over the first week; set the second week's open days to 1000
 * in total (their shares 110:100:90:80:70 kept). */
static void test_scale_and_set(void **state)
{
	wfm_fc_daily *f = handmade();
	wfm_fc_expected sc = {day0(), day0() + 6, WFM_FC_SCALE, 1.5};
	wfm_fc_expected st = {day0() + 7, day0() + 13, WFM_FC_SET, 1000};
	wfm_err e;

	(void)state;
	assert_int_equal(wfm_fc_apply_expected(f, &sc, &e), WFM_OK);
	assert_true(fabs(f->point[0] - 150) < 1e-9);
	assert_true(fabs(f->point[4] - 90) < 1e-9);
	assert_true(fabs(f->lo[4] - 72) < 1e-9);
	assert_true(f->point[5] == 0 && f->point[6] == 0);
	assert_true(fabs(f->point[7] - 110) < 1e-9); /* untouched */
	assert_int_equal(wfm_fc_apply_expected(f, &st, &e), WFM_OK);
	assert_true(fabs(total(f, 7, 13) - 1000) < 1e-9);
	assert_true(fabs(f->point[7] - 1000.0 * 110 / 450) < 1e-9);
	assert_true(fabs(f->point[11] - 1000.0 * 70 / 450) < 1e-9);
	assert_true(f->point[12] == 0 && f->point[13] == 0);
	wfm_fc_daily_free(f);
}

/* set and add on days forecast at 0 spread evenly, with a Poisson interval
 * (value -+ 1.2815515655446004 sqrt(value)). */
static void test_even_spread_on_zero(void **state)
{
	wfm_fc_daily *f = handmade();
	wfm_fc_expected z = {day0(), day0() + 6, WFM_FC_SCALE, 0};
	wfm_fc_expected st = {day0(), day0() + 6, WFM_FC_SET, 500};
	wfm_err e;
	int i;

	(void)state;
	assert_int_equal(wfm_fc_apply_expected(f, &z, &e), WFM_OK);
	assert_true(total(f, 0, 6) == 0);
	assert_int_equal(wfm_fc_apply_expected(f, &st, &e), WFM_OK);
	for (i = 0; i < 5; i++) {
		assert_true(fabs(f->point[i] - 100) < 1e-9);
		assert_true(fabs(f->lo[i] - (100 - 12.815515655446004)) < 1e-9);
		assert_true(fabs(f->hi[i] - (100 + 12.815515655446004)) < 1e-9);
	}
	assert_true(f->point[5] == 0 && f->point[6] == 0);
	wfm_fc_daily_free(f);
}

/* Bad rows fail with WFM_EDATA and leave the forecast as it was. */
static void test_errors(void **state)
{
	wfm_fc_daily *f = handmade(), *g = handmade();
	wfm_fc_expected bad[] = {
		{day0() - 1, day0() + 3, WFM_FC_ADD, 10},   /* before */
		{day0() + 3, day0() + 14, WFM_FC_ADD, 10},  /* after */
		{day0() + 5, day0() + 6, WFM_FC_ADD, 10},   /* weekend only */
		{day0() + 3, day0() + 2, WFM_FC_SET, 10},   /* empty */
		{day0(), day0() + 3, WFM_FC_SCALE, -1},     /* negative */
		{day0(), day0() + 3, 7, 1},                  /* no such mode */
	};
	wfm_err e;
	size_t k;

	(void)state;
	for (k = 0; k < sizeof bad / sizeof *bad; k++) {
		assert_int_equal(wfm_fc_apply_expected(f, &bad[k], &e), WFM_EDATA);
		assert_memory_equal(f->point, g->point, H * sizeof *f->point);
	}
	assert_string_equal(e.msg, "expected volume: bad mode 7");
	assert_int_equal(wfm_fc_apply_expected(f, &bad[2], &e), WFM_EDATA);
	assert_string_equal(e.msg, "expected volume: no open day in "
			    "2024-06-08..2024-06-09");
	wfm_fc_daily_free(f);
	wfm_fc_daily_free(g);
}

/* A new line: 300 contacts set over week 1 and 200 added over days 3..9,
 * then everything scaled by 2, shaped by the donor (handmade); the line is
 * closed on Friday of week 1 (donor open). */
static void test_new_line_from_donor(void **state)
{
	wfm_fc_daily *donor = handmade(), *f = NULL;
	unsigned char st[H];
	wfm_fc_expected ev[] = {
		{day0(), day0() + 6, WFM_FC_SET, 300},
		{day0() + 3, day0() + 9, WFM_FC_ADD, 200},
		{day0(), day0() + 13, WFM_FC_SCALE, 2},
	};
	double w1 = 100 + 90 + 80 + 70;       /* week 1 open days of the line */
	double w2 = 70 + 110 + 100 + 90;      /* days 3, 7, 8, 9 */
	wfm_err e;
	int i;

	(void)state;
	memcpy(st, donor->state, H);
	st[4] = WFM_FC_CLOSED;
	assert_int_equal(wfm_fc_from_donor(donor, day0(), H, st, ev, 3, &f, &e),
			 WFM_OK);
	assert_int_equal(f->model, WFM_FC_FALLBACK);
	assert_true(f->warnings & WFM_FC_WARN_DONOR);
	assert_true(fabs(f->point[0] - 2 * 300 * 100 / w1) < 1e-9);
	assert_true(fabs(f->point[3] - 2 * (300 * 70 / w1 + 200 * 70 / w2)) < 1e-9);
	assert_true(f->point[4] == 0);
	assert_true(fabs(f->point[8] - 2 * 200 * 100 / w2) < 1e-9);
	assert_true(f->point[10] == 0); /* no row covers it */
	assert_true(fabs(total(f, 0, 13) - 2 * 500) < 1e-9);
	for (i = 0; i < H; i++)
		assert_true(fabs(f->hi[i] - 1.25 * f->point[i]) < 1e-9);
	wfm_fc_daily_free(f);
	/* nothing to spread */
	assert_int_equal(wfm_fc_from_donor(donor, day0(), H, st, ev + 2, 1, &f,
					   &e), WFM_EDATA);
	assert_null(f);
	/* the donor must cover the days */
	assert_int_equal(wfm_fc_from_donor(donor, day0() + 1, H, st, ev, 2, &f,
					   &e), WFM_EDATA);
	wfm_fc_daily_free(donor);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_add),
		cmocka_unit_test(test_scale_and_set),
		cmocka_unit_test(test_even_spread_on_zero),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_new_line_from_donor),
	};

	wfm_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
