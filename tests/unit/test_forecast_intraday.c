/* test_forecast_intraday.c - lib/forecast_intraday.c: intraday profiles,
 * the split of a day over its intervals, rounding that keeps sums exact.
 *
 * Largest-remainder results come from tests/ref/forecast_apportion.py
 * (exact rational arithmetic); profiles are checked against the shapes the
 * simulation was drawn from. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "forecast/forecast.h"
#include "run/wfm.h"

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define M 40
#define DAYS (16 * 7)

/* True share of interval i on weekday wd: two humps, Mondays busier in the
 * morning. */
static void true_shape(int wd, double *sh)
{
	double s = 0;
	int i;

	for (i = 0; i < M; i++) {
		double am = wd == WFM_MON ? 1.2 : 0.6;
		sh[i] = 1 + am * exp(-(i - 6) * (i - 6) / 8.0) +
			0.4 * exp(-(i - 24) * (i - 24) / 18.0);
		s += sh[i];
	}
	for (i = 0; i < M; i++)
		sh[i] /= s;
}

/* 16 weeks of Monday-Friday counts (2000 a day) drawn from the shapes; the
 * fitted profile is within 12 % of the true share in every interval, tells
 * Monday from Wednesday, and each row sums to 1. */
static void test_profile_recovers_shape(void **state)
{
	static double cnt[DAYS * M];
	static unsigned char st[DAYS];
	wfm_date first = wfm_date_from_ymd(2024, 1, 1); /* a Monday */
	gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
	wfm_fc_matrix x = {first, DAYS, M, cnt, st};
	wfm_fc_profile *p = NULL;
	double sh[M];
	int d, i, wd;
	wfm_err e;

	(void)state;
	gsl_rng_set(r, 11);
	for (d = 0; d < DAYS; d++) {
		wd = wfm_date_weekday(first + d);
		st[d] = wd >= WFM_SAT ? WFM_FC_CLOSED : WFM_FC_OPEN;
		true_shape(wd, sh);
		for (i = 0; i < M; i++)
			cnt[d * M + i] = st[d] == WFM_FC_OPEN ?
				(double)gsl_ran_poisson(r, 2000 * sh[i]) : -5.0;
	}
	st[DAYS - 3] = WFM_FC_MISSING;
	assert_int_equal(wfm_fc_profile_fit(&x, &p, &e), WFM_OK);
	assert_int_equal(p->m, M);
	assert_true(p->wape > 0 && p->wape < 0.2);
	assert_true(p->dispersion >= 1 && p->dispersion < 2);
	for (wd = WFM_MON; wd <= WFM_FRI; wd++) {
		double s = 0;
		true_shape(wd, sh);
		for (i = 0; i < M; i++) {
			s += p->share[wd * M + i];
			assert_true(fabs(p->share[wd * M + i] / sh[i] - 1) < 0.12);
		}
		assert_true(fabs(s - 1) < 1e-12);
	}
	/* the Monday morning hump is higher than Wednesday's (true ratio 1.29) */
	assert_true(p->share[WFM_MON * M + 6] > 1.15 * p->share[WFM_WED * M + 6]);
	wfm_fc_profile_free(p);
	gsl_rng_free(r);
}

static void test_profile_errors(void **state)
{
	double cnt[2 * M] = {0};
	unsigned char st[2] = {WFM_FC_OPEN, WFM_FC_CLOSED};
	wfm_fc_matrix x = {0, 2, M, cnt, st};
	wfm_fc_profile *p = NULL;
	wfm_err e;

	(void)state;
	assert_int_equal(wfm_fc_profile_fit(&x, &p, &e), WFM_EDATA);
	assert_null(p);
	cnt[3] = -1;
	assert_int_equal(wfm_fc_profile_fit(&x, &p, &e), WFM_EDATA);
	cnt[3] = 5;
	assert_int_equal(wfm_fc_profile_fit(&x, &p, &e), WFM_OK);
	assert_true(p->wape == -1); /* nothing to backtest on */
	wfm_fc_profile_free(p);
	wfm_fc_profile_free(NULL);
}

/* Split: the largest-remainder units of tests/ref/forecast_apportion.py. */
static void test_split_reference(void **state)
{
	static const long long ua[7] = {0, 1, 1, 1, 2, 2, 3};
	static const long long ub[8] = {1195, 398, 1593, 398, 1991, 3584, 797, 2389};
	double share[7 * 8] = {0}, out[8];
	wfm_fc_profile *p;
	wfm_err e;
	int i;

	(void)state;
	for (i = 0; i < 7; i++)
		share[WFM_TUE * 7 + i] = i + 1;
	p = wfm_fc_profile_new(7, share, &e);
	assert_non_null(p);
	assert_int_equal(wfm_fc_split_day(p, WFM_TUE, 0, 7, 10, 0, 0, 0.8, 0,
					  out, NULL, NULL, &e), WFM_OK);
	for (i = 0; i < 7; i++)
		assert_true(out[i] == (double)ua[i]);
	wfm_fc_profile_free(p);

	{
		static const double w[8] = {3, 1, 4, 1, 5, 9, 2, 6};
		for (i = 0; i < 7 * 8; i++)
			share[i] = w[i % 8];
	}
	p = wfm_fc_profile_new(8, share, &e);
	assert_non_null(p);
	assert_int_equal(wfm_fc_split_day(p, WFM_FRI, 0, 8, 123.45, 0, 0, 0.8,
					  2, out, NULL, NULL, &e), WFM_OK);
	for (i = 0; i < 8; i++)
		assert_int_equal(wfm_fc_units(out[i], 2), ub[i]);
	wfm_fc_profile_free(p);
}

static void test_round_to_total_reference(void **state)
{
	double x[5] = {0.3333, 1.25, 2.5, 0, 7.125};
	static const long long uc[5] = {3, 13, 25, 0, 71};
	wfm_err e;
	int i;

	(void)state;
	assert_int_equal(wfm_fc_round_to_total(x, 5, 11.2, 1, &e), WFM_OK);
	for (i = 0; i < 5; i++)
		assert_int_equal(wfm_fc_units(x[i], 1), uc[i]);
	x[2] = -1;
	assert_int_equal(wfm_fc_round_to_total(x, 5, 11.2, 1, &e), WFM_EUSAGE);
	assert_int_equal(wfm_fc_units(2.5, 0), 3);
	assert_int_equal(wfm_fc_units(0.125, 2), 13);
	assert_int_equal(wfm_fc_units(7, 3), 7000);
}

/* Grains: a month of days whose total is fixed (the month's figure), each
 * day split over its opening intervals: intervals add up to their day and
 * days to their month exactly, in units of 0.01, for many random cases;
 * intervals outside the opening hours are exactly 0. */
static void test_sums_across_grains(void **state)
{
	gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
	double share[7 * M], day[31], out[M], lo[M], hi[M];
	wfm_fc_profile *p;
	wfm_err e;
	int rep, d, i;

	(void)state;
	gsl_rng_set(r, 12);
	for (i = 0; i < 7 * M; i++)
		share[i] = gsl_rng_uniform(r);
	p = wfm_fc_profile_new(M, share, &e);
	assert_non_null(p);
	for (rep = 0; rep < 200; rep++) {
		double month = floor(gsl_rng_uniform(r) * 1e6) / 100;
		long long mu = 0;
		for (d = 0; d < 31; d++)
			day[d] = d % 7 >= 5 ? 0 : gsl_rng_uniform(r) * 500;
		assert_int_equal(wfm_fc_round_to_total(day, 31, month, 2, &e),
				 WFM_OK);
		for (d = 0; d < 31; d++) {
			long long du = 0;
			int i0 = d % 3, i1 = M - d % 5;
			mu += wfm_fc_units(day[d], 2);
			if (d % 7 >= 5)
				assert_true(day[d] == 0);
			assert_int_equal(wfm_fc_split_day(p, d % 7, i0, i1, day[d],
							  0.8 * day[d], 1.3 * day[d],
							  0.8, 2, out, lo, hi, &e),
					 WFM_OK);
			for (i = 0; i < M; i++) {
				du += wfm_fc_units(out[i], 2);
				assert_true(out[i] >= 0 && lo[i] >= 0);
				assert_true(lo[i] <= hi[i]);
				if (i < i0 || i >= i1)
					assert_true(out[i] == 0 && lo[i] == 0 &&
						    hi[i] == 0);
			}
			assert_int_equal(du, wfm_fc_units(day[d], 2));
		}
		assert_int_equal(mu, wfm_fc_units(month, 2));
	}
	wfm_fc_profile_free(p);
	gsl_rng_free(r);
}

/* Interval bounds: with no day uncertainty they are the over-dispersed
 * Poisson band mu +- z sqrt(phi mu), here checked by hand for phi = 1 and
 * z = 1.2815515655446004 (the 90 % normal quantile). */
static void test_interval_bounds(void **state)
{
	double share[7 * 4], out[4], lo[4], hi[4];
	wfm_fc_profile *p;
	wfm_err e;
	int i;

	(void)state;
	for (i = 0; i < 28; i++)
		share[i] = 1;
	p = wfm_fc_profile_new(4, share, &e);
	assert_non_null(p);
	assert_int_equal(wfm_fc_split_day(p, WFM_MON, 0, 4, 400, 400, 400, 0.8,
					  0, out, lo, hi, &e), WFM_OK);
	for (i = 0; i < 4; i++) {
		assert_true(out[i] == 100);
		assert_true(fabs(lo[i] - (100 - 12.815515655446004)) < 1e-9);
		assert_true(fabs(hi[i] - (100 + 12.815515655446004)) < 1e-9);
	}
	assert_int_equal(wfm_fc_split_day(p, WFM_MON, 2, 2, 400, 400, 400, 0.8,
					  0, out, lo, hi, &e), WFM_EUSAGE);
	wfm_fc_profile_free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_profile_recovers_shape),
		cmocka_unit_test(test_profile_errors),
		cmocka_unit_test(test_split_reference),
		cmocka_unit_test(test_round_to_total_reference),
		cmocka_unit_test(test_sums_across_grains),
		cmocka_unit_test(test_interval_bounds),
	};

	wfm_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
