/* test_forecast.c - lib/forecast_models.c and forecast_select.c: the daily
 * models, their choice by backtest, prediction intervals, short series.
 *
 * Every series is simulated here with a known structure (Poisson counts from
 * gsl_rng with a fixed seed); the tests check that the forecast recovers the
 * structure that was put in (weekday factors, yearly amplitude, level shift,
 * catch-up), never figures copied from a run of the code.  The robust fit is
 * checked against GSL's own gsl_multifit_robust, the normal quantile against
 * gsl_cdf_ugaussian_Pinv. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include "forecast_fixture.h"

#include "forecast/forecast.h"
#include "forecast/forecast_impl.h"
#include "run/wfm.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_multifit.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MAXN 1500

/* A simulated series: the truth and the draws. */
struct sim {
	wfm_date first;
	int n_hist, n;
	double mean[MAXN], y[MAXN];
	unsigned char st[MAXN], flags[MAXN];
};

static gsl_rng *rng(unsigned long seed)
{
	gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);

	assert_non_null(r);
	gsl_rng_set(r, seed);
	return r;
}

static void draw(struct sim *s, gsl_rng *r)
{
	int t;

	for (t = 0; t < s->n; t++)
		s->y[t] = t < s->n_hist && s->st[t] == WFM_FC_OPEN ?
			  gsl_ran_poisson(r, s->mean[t]) : 0;
}

static wfm_fc_daily *forecast(const struct sim *s, int model)
{
	return fc_forecast(s->first, s->n_hist, s->n, s->y, s->st, s->flags, NULL, model);
}

/* Invariants every forecast keeps. */
static void check_shape(const wfm_fc_daily *f)
{
	int i, sel = 0;

	for (i = 0; i < f->h; i++) {
		assert_true(f->lo[i] >= 0);
		assert_true(f->lo[i] <= f->point[i]);
		assert_true(f->point[i] <= f->hi[i]);
		if (f->state[i] != WFM_FC_OPEN) {
			assert_true(f->point[i] == 0.0);
			assert_true(f->lo[i] == 0.0 && f->hi[i] == 0.0);
		}
	}
	for (i = 0; i < WFM_FC_NMODELS; i++)
		sel += f->scores[i].selected;
	assert_true(sel <= 1);
}

static const double wdf[7] = {1.4, 1.2, 1.0, 0.9, 0.8, 0.5, 0.3};

/* Weekday factors: 2 years of a 7-day line with a fixed weekday pattern;
 * the forecast's weekday ratios match the pattern within 4 %. */
static void test_weekday_factors(void **state)
{
	static struct sim s;
	gsl_rng *r = rng(1);
	double sum[7] = {0};
	int t, wd, cnt[7] = {0};
	wfm_fc_daily *f;

	(void)state;
	s.first = wfm_date_from_ymd(2021, 1, 4);
	s.n_hist = 730;
	s.n = 730 + 28;
	for (t = 0; t < s.n; t++)
		s.mean[t] = 1000 * wdf[wfm_date_weekday(s.first + t)];
	draw(&s, r);
	f = forecast(&s, -1);
	check_shape(f);
	for (t = 0; t < f->h; t++) {
		wd = wfm_date_weekday(f->first + t);
		sum[wd] += f->point[t];
		cnt[wd]++;
	}
	for (wd = 0; wd < 7; wd++) {
		double ratio = (sum[wd] / cnt[wd]) / (sum[0] / cnt[0]);
		assert_true(fabs(ratio / (wdf[wd] / wdf[0]) - 1) < 0.04);
		/* and the level itself */
		assert_true(fabs(sum[wd] / cnt[wd] / (1000 * wdf[wd]) - 1) < 0.05);
	}
	wfm_fc_daily_free(f);
	gsl_rng_free(r);
}

/* Yearly amplitude: 3 years with mean 1000 (1 + 0.3 sin(2 pi d / 365.25));
 * the 365-day forecast, projected on sin and cos of the same frequency,
 * has a relative amplitude of 0.3 +- 0.03 and the right phase. */
static void test_yearly_amplitude(void **state)
{
	static struct sim s;
	gsl_rng *r = rng(2);
	double m = 0, a = 0, b = 0, amp;
	int t;
	wfm_fc_daily *f;

	(void)state;
	s.first = wfm_date_from_ymd(2020, 1, 1);
	s.n_hist = 3 * 365;
	s.n = s.n_hist + 365;
	for (t = 0; t < s.n; t++)
		s.mean[t] = 1000 * (1 + 0.3 * sin(2 * M_PI * (s.first + t) / 365.25));
	draw(&s, r);
	f = forecast(&s, -1);
	check_shape(f);
	for (t = 0; t < 365; t++) {
		double ang = 2 * M_PI * (f->first + t) / 365.25;
		m += f->point[t] / 365;
		a += 2 * f->point[t] * sin(ang) / 365;
		b += 2 * f->point[t] * cos(ang) / 365;
	}
	amp = sqrt(a * a + b * b) / m;
	assert_true(fabs(amp - 0.3) < 0.03);
	assert_true(a > 0 && fabs(b) < 0.1 * a); /* phase: a sine */
	assert_true(fabs(m / 1000 - 1) < 0.05);
	wfm_fc_daily_free(f);
	gsl_rng_free(r);
}

/* Level shift: a new scheme moves 60 % more contacts to the line 10 weeks
 * before the end of a year of history; the next 4 weeks are forecast at the
 * new level (within 6 %), not at the year's average. */
static void test_level_shift(void **state)
{
	static struct sim s;
	gsl_rng *r = rng(3);
	double fsum = 0, tsum = 0;
	int t;
	wfm_fc_daily *f;

	(void)state;
	s.first = wfm_date_from_ymd(2022, 1, 3);
	s.n_hist = 364;
	s.n = 364 + 28;
	for (t = 0; t < s.n; t++)
		s.mean[t] = 400 * wdf[wfm_date_weekday(s.first + t)] *
			    (t >= s.n_hist - 70 ? 1.6 : 1.0);
	draw(&s, r);
	f = forecast(&s, -1);
	check_shape(f);
	for (t = 0; t < f->h; t++) {
		fsum += f->point[t];
		tsum += s.mean[s.n_hist + t];
	}
	assert_true(fabs(fsum / tsum - 1) < 0.06);
	wfm_fc_daily_free(f);
	gsl_rng_free(r);
}

/* Closed days are exactly 0 (point and bounds), open days positive; the
 * day after an irregular closure, 1.5 times busier in the history, is
 * forecast 1.5 times a normal same weekday (within 15 %). */
static void test_closed_and_catchup(void **state)
{
	static struct sim s;
	gsl_rng *r = rng(4);
	int t, checked = 0;
	wfm_fc_daily *f;

	(void)state;
	s.first = wfm_date_from_ymd(2022, 1, 3); /* a Monday */
	s.n_hist = 2 * 364;
	s.n = s.n_hist + 56;
	for (t = 0; t < s.n; t++) {
		int wd = wfm_date_weekday(s.first + t);
		s.st[t] = wd >= WFM_SAT ? WFM_FC_CLOSED : WFM_FC_OPEN;
		/* a closed Monday every 5 weeks (in the horizon too) */
		if (wd == WFM_MON && (t / 7) % 5 == 2)
			s.st[t] = WFM_FC_CLOSED;
	}
	for (t = 0; t < s.n; t++) {
		int after = t > 0 && s.st[t - 1] == WFM_FC_CLOSED &&
			    wfm_date_weekday(s.first + t) == WFM_TUE;
		s.mean[t] = 300 * wdf[wfm_date_weekday(s.first + t)] *
			    (after ? 1.5 : 1.0);
	}
	draw(&s, r);
	f = forecast(&s, -1);
	check_shape(f);
	for (t = 0; t < f->h; t++) {
		int i = s.n_hist + t;
		if (s.st[i] != WFM_FC_OPEN) {
			assert_true(f->point[t] == 0.0);
			continue;
		}
		assert_true(f->point[t] > 0);
		if (wfm_date_weekday(f->first + t) == WFM_TUE) {
			assert_true(fabs(f->point[t] / s.mean[i] - 1) < 0.15);
			checked += s.mean[i] > 300 * wdf[WFM_TUE];
		}
	}
	assert_true(checked >= 1);
	wfm_fc_daily_free(f);
	gsl_rng_free(r);
}

/* Missing days are not zeros: the values stored on MISSING days are never
 * read (0 and 1e9 give the same forecast) and do not pull the level down. */
static void test_missing_not_zero(void **state)
{
	static struct sim s;
	gsl_rng *r = rng(5);
	wfm_fc_daily *f1, *f2;
	double fsum = 0, tsum = 0;
	int t;

	(void)state;
	s.first = wfm_date_from_ymd(2022, 1, 3);
	s.n_hist = 364;
	s.n = 364 + 28;
	for (t = 0; t < s.n; t++)
		s.mean[t] = 500 * wdf[wfm_date_weekday(s.first + t)];
	draw(&s, r);
	for (t = s.n_hist - 40; t < s.n_hist - 19; t++) {
		s.st[t] = WFM_FC_MISSING;
		s.y[t] = 0;
	}
	s.st[s.n_hist - 1] = WFM_FC_MISSING;
	s.y[s.n_hist - 1] = 0;
	f1 = forecast(&s, -1);
	for (t = 0; t < s.n_hist; t++)
		if (s.st[t] == WFM_FC_MISSING)
			s.y[t] = 1e9;
	f2 = forecast(&s, -1);
	for (t = 0; t < f1->h; t++) {
		assert_true(f1->point[t] == f2->point[t]);
		fsum += f1->point[t];
		tsum += s.mean[s.n_hist + t];
	}
	assert_true(fabs(fsum / tsum - 1) < 0.05);
	wfm_fc_daily_free(f1);
	wfm_fc_daily_free(f2);
	gsl_rng_free(r);
}

/* Outliers: five days at ten times their mean in the last half year barely
 * move the forecast (within 5 % of the truth) whichever model is chosen. */
static void test_outliers(void **state)
{
	static struct sim s;
	gsl_rng *r = rng(6);
	double fsum = 0, tsum = 0;
	int t;
	wfm_fc_daily *f;

	(void)state;
	s.first = wfm_date_from_ymd(2022, 1, 3);
	s.n_hist = 2 * 364;
	s.n = s.n_hist + 28;
	for (t = 0; t < s.n; t++)
		s.mean[t] = 800 * wdf[wfm_date_weekday(s.first + t)];
	draw(&s, r);
	for (t = 0; t < 5; t++)
		s.y[s.n_hist - 10 - 31 * t] *= 10;
	f = forecast(&s, -1);
	for (t = 0; t < f->h; t++) {
		fsum += f->point[t];
		tsum += s.mean[s.n_hist + t];
	}
	assert_true(fabs(fsum / tsum - 1) < 0.05);
	wfm_fc_daily_free(f);
	gsl_rng_free(r);
}

/* Prediction intervals on Poisson data: 40 replicates of a year of a 7-day
 * line, 28 days ahead; the 80 % intervals cover 70-90 % of the outcomes,
 * never go below 0, and are on average wider in week 4 than in week 1. */
static void test_interval_coverage(void **state)
{
	static struct sim s;
	gsl_rng *r = rng(7);
	int rep, t, in = 0, all = 0;
	double w1 = 0, w4 = 0;

	(void)state;
	s.first = wfm_date_from_ymd(2022, 1, 3);
	s.n_hist = 364;
	s.n = s.n_hist + 28;
	for (t = 0; t < s.n; t++)
		s.mean[t] = 200 * wdf[wfm_date_weekday(s.first + t)];
	for (rep = 0; rep < 40; rep++) {
		wfm_fc_daily *f;
		draw(&s, r);
		f = forecast(&s, -1);
		check_shape(f);
		assert_true(f->level == 0.8);
		for (t = 0; t < f->h; t++) {
			double y = gsl_ran_poisson(r, s.mean[s.n_hist + t]);
			in += y >= f->lo[t] && y <= f->hi[t];
			all++;
			if (t < 7)
				w1 += (f->hi[t] - f->lo[t]) / f->point[t];
			else if (t >= 21)
				w4 += (f->hi[t] - f->lo[t]) / f->point[t];
		}
		wfm_fc_daily_free(f);
	}
	assert_true(in >= 0.70 * all && in <= 0.90 * all);
	assert_true(w4 >= w1);
	gsl_rng_free(r);
}

/* The backtest report: every base model scored from 12 origins, one model
 * selected, the one with the lowest MASE (or the best combination within
 * 5 % of it); WAPE and MASE positive. */
static void test_backtest_report(void **state)
{
	static struct sim s;
	gsl_rng *r = rng(8);
	int m, t, best = -1;
	wfm_fc_daily *f;

	(void)state;
	s.first = wfm_date_from_ymd(2021, 1, 4);
	s.n_hist = 600;
	s.n = 600 + 56;
	for (t = 0; t < s.n; t++)
		s.mean[t] = 100 * wdf[wfm_date_weekday(s.first + t)];
	draw(&s, r);
	f = forecast(&s, -1);
	assert_int_equal(f->origins, 12);
	assert_int_equal(f->horizon, 56);
	for (m = 0; m < WFM_FC_NMODELS; m++) {
		const wfm_fc_score *sc = &f->scores[m];
		assert_int_equal(sc->model, m);
		assert_true(sc->points > 0);
		assert_true(sc->wape > 0 && sc->mase > 0);
		assert_true(sc->coverage > 0 && sc->coverage <= 1);
		if (best < 0 || sc->mase < f->scores[best].mase)
			best = m;
	}
	/* the best, or the better fixed combination (ets+reg, mean+ets+reg)
	 * when the best is a single model and that combination scores within
	 * 5 % of it (top2-mean wins on its score alone) */
	if (f->model != best) {
		assert_true(best < WFM_FC_ETS_REG);
		assert_true(f->model == WFM_FC_ETS_REG || f->model == WFM_FC_MEAN_ETS_REG);
		assert_true(f->scores[f->model].mase <= 1.05 * f->scores[best].mase);
		for (m = WFM_FC_ETS_REG; m <= WFM_FC_MEAN_ETS_REG; m++)
			assert_true(f->scores[f->model].mase <= f->scores[m].mase);
	}
	assert_int_equal(f->scores[f->model].selected, 1);
	assert_int_equal(f->warnings, 0);
	wfm_fc_daily_free(f);
	/* a forced model is the one used */
	f = forecast(&s, WFM_FC_SNAIVE);
	assert_int_equal(f->model, WFM_FC_SNAIVE);
	assert_int_equal(f->scores[WFM_FC_SNAIVE].selected, 1);
	wfm_fc_daily_free(f);
	gsl_rng_free(r);
}

/* Short series: 15 open days give the fallback (mean of the observed same
 * weekdays) with a warning; no open day with data is WFM_EDATA. */
static void test_short_series(void **state)
{
	static struct sim s;
	wfm_fc_series in;
	wfm_fc_daily *f = NULL;
	wfm_err e;
	int t;

	(void)state;
	s.first = wfm_date_from_ymd(2024, 3, 4); /* a Monday */
	s.n_hist = 21;
	s.n = 28;
	for (t = 0; t < s.n; t++) {
		int wd = wfm_date_weekday(s.first + t);
		s.st[t] = wd >= WFM_SAT ? WFM_FC_CLOSED : WFM_FC_OPEN;
		s.y[t] = t < s.n_hist ? 10 * (wd + 1) + t : 0;
	}
	f = forecast(&s, -1);
	assert_int_equal(f->model, WFM_FC_FALLBACK);
	assert_true(f->warnings & WFM_FC_WARN_SHORT);
	/* Monday: mean of days 0, 7, 14 = 10 + (0 + 7 + 14) / 3 */
	assert_true(fabs(f->point[0] - 17) < 1e-9);
	assert_true(fabs(f->point[4] - (50 + 11)) < 1e-9); /* Friday: 4,11,18 */
	assert_true(f->point[5] == 0 && f->point[6] == 0);
	check_shape(f);
	wfm_fc_daily_free(f);

	for (t = 0; t < s.n_hist; t++)
		s.st[t] = t % 2 ? WFM_FC_MISSING : WFM_FC_CLOSED;
	in = (wfm_fc_series){s.first, s.n_hist, s.n, s.y, s.st, NULL, NULL};
	assert_int_equal(wfm_fc_forecast(&in, NULL, &f, &e), WFM_EDATA);
	assert_null(f);
	assert_string_equal(e.msg, "no open day with data in the history");
	/* 30 open days: too short for a backtest origin; mean of the last 4
	 * same weekdays with a warning; also with nothing to forecast */
	for (t = 0; t < 30; t++) {
		s.st[t] = WFM_FC_OPEN;
		s.y[t] = 100 + t % 7;
	}
	s.n_hist = 30;
	s.n = 37;
	f = forecast(&s, -1);
	assert_int_equal(f->model, WFM_FC_MEANWD);
	assert_true(f->warnings & WFM_FC_WARN_NO_BACKTEST);
	for (t = 0; t < 7; t++)
		assert_true(fabs(f->point[t] - (100 + (30 + t) % 7)) < 1e-9);
	check_shape(f);
	wfm_fc_daily_free(f);
	s.n = 30;
	f = forecast(&s, -1);
	assert_int_equal(f->h, 0);
	wfm_fc_daily_free(f);
	s.n_hist = 21;
	s.n = 28;
	for (t = 0; t < s.n_hist; t++)
		s.st[t] = t % 2 ? WFM_FC_MISSING : WFM_FC_CLOSED;
	/* a negative volume is bad data too */
	s.st[3] = WFM_FC_OPEN;
	s.y[3] = -1;
	assert_int_equal(wfm_fc_forecast(&in, NULL, &f, &e), WFM_EDATA);
}

/* A forecast from a date well after the last day with data (two years of
 * a 7-day line, then 180 open days without data before the forecast): the
 * backtest ends where the data end, so the series is backtested from 12
 * origins like the same series forecast from the day after its data, the
 * model is chosen, not the short-series fallback, the weekday pattern is
 * recovered (each of the first 7 days within 4 % of its mean), and the
 * intervals are wider than those from the day
 * after the data (the 180 days count as horizon). */
static void test_forecast_after_gap(void **state)
{
	static struct sim s;
	gsl_rng *r = rng(21);
	wfm_fc_daily *f, *g;
	int t, gap = 180, n_data = 2 * 364;

	(void)state;
	s.first = wfm_date_from_ymd(2022, 1, 3); /* a Monday */
	s.n_hist = n_data + gap;
	s.n = s.n_hist + 28;
	memset(s.flags, 0, sizeof s.flags);
	for (t = 0; t < s.n; t++) {
		s.mean[t] = 500 * wdf[wfm_date_weekday(s.first + t)];
		s.st[t] = t >= n_data && t < s.n_hist ? WFM_FC_MISSING : WFM_FC_OPEN;
	}
	draw(&s, r);
	f = forecast(&s, -1);
	check_shape(f);
	assert_false(f->warnings & (WFM_FC_WARN_NO_BACKTEST | WFM_FC_WARN_SHORT));
	assert_int_equal(f->gap, gap);
	assert_int_equal(f->origins, 12);
	assert_true(f->model != WFM_FC_FALLBACK);
	for (t = 0; t < 7; t++) {
		int wd = wfm_date_weekday(f->first + t);
		assert_true(fabs(f->point[t] / (500 * wdf[wd]) - 1) < 0.04);
	}
	s.n_hist = n_data;
	s.n = n_data + 28;
	for (t = n_data; t < s.n; t++)
		s.st[t] = WFM_FC_OPEN;
	g = forecast(&s, -1);
	assert_int_equal(g->gap, 0);
	assert_int_equal(g->origins, 12);
	for (t = 0; t < 28; t++) {
		assert_true(f->hi[t] / f->lo[t] > g->hi[t] / g->lo[t]);
	}
	wfm_fc_daily_free(f);
	wfm_fc_daily_free(g);
	gsl_rng_free(r);
}

/* Catch-up counts, worked out by hand on 8 weeks of a Monday-Friday
 * calendar (weekends closed on every occurrence: regular, not counted). */
static void test_catchup(void **state)
{
	unsigned char st[56], cu[56];
	wfm_date first = wfm_date_from_ymd(2024, 4, 1); /* a Monday */
	int t;

	(void)state;
	for (t = 0; t < 56; t++)
		st[t] = wfm_date_weekday(first + t) >= WFM_SAT ? WFM_FC_CLOSED :
								   WFM_FC_OPEN;
	st[0] = WFM_FC_CLOSED;  /* Easter Monday */
	st[11] = WFM_FC_CLOSED; /* Friday of week 2 */
	st[17] = st[18] = WFM_FC_CLOSED; /* Thursday-Friday of week 3 */
	st[22] = WFM_FC_MISSING;
	wfm_fc_catchup(st, 56, first, cu);
	assert_int_equal(cu[1], 1);   /* Tuesday after Easter Monday */
	assert_int_equal(cu[7], 0);   /* an ordinary Monday */
	assert_int_equal(cu[14], 1);  /* Monday after the Friday */
	assert_int_equal(cu[21], 2);  /* Monday after Thursday-Friday */
	assert_int_equal(cu[22], 0);  /* missing, not open */
	assert_int_equal(cu[23], 0);
	assert_int_equal(cu[5], 0);   /* closed days themselves */
}

/* The bisquare IRLS agrees with gsl_multifit_robust on a line with 5 %
 * gross outliers (a second algorithm), and both find the true line. */
static void test_robust_fit_vs_gsl(void **state)
{
	enum { N = 300, P = 3 };
	double x[N * P], y[N], c[P] = {0};
	gsl_rng *r = rng(9);
	gsl_matrix *X = gsl_matrix_alloc(N, P), *cov = gsl_matrix_alloc(P, P);
	gsl_vector *Y = gsl_vector_alloc(N), *C = gsl_vector_alloc(P);
	gsl_multifit_robust_workspace *w =
		gsl_multifit_robust_alloc(gsl_multifit_robust_bisquare, N, P);
	int i, j;

	(void)state;
	for (i = 0; i < N; i++) {
		x[i * P] = 1;
		x[i * P + 1] = i / 30.0;
		x[i * P + 2] = sin(i / 10.0);
		y[i] = 2 + 0.5 * x[i * P + 1] - 1.5 * x[i * P + 2] +
		       gsl_ran_gaussian(r, 0.2) + (i % 20 == 7 ? 25 : 0);
		for (j = 0; j < P; j++)
			gsl_matrix_set(X, i, j, x[i * P + j]);
		gsl_vector_set(Y, i, y[i]);
	}
	assert_int_equal(wfm_fc_robust_fit(x, y, NULL, N, P, c, NULL), WFM_OK);
	assert_int_equal(gsl_multifit_robust(X, Y, C, cov, w), 0);
	for (j = 0; j < P; j++)
		assert_true(fabs(c[j] - gsl_vector_get(C, j)) < 0.02);
	assert_true(fabs(c[0] - 2) < 0.1 && fabs(c[1] - 0.5) < 0.02 &&
		    fabs(c[2] + 1.5) < 0.1);
	gsl_multifit_robust_free(w);
	gsl_matrix_free(X);
	gsl_matrix_free(cov);
	gsl_vector_free(Y);
	gsl_vector_free(C);
	gsl_rng_free(r);
}

static void test_normal_quantile(void **state)
{
	double p;

	(void)state;
	for (p = 1e-6; p < 1; p += 0.0137)
		assert_true(fabs(wfm_fc_norm_q(p) - gsl_cdf_ugaussian_Pinv(p)) < 1e-9);
	assert_true(fabs(wfm_fc_norm_q(0.9) - 1.2815515655446004) < 1e-12);
}

static void test_names_and_usage(void **state)
{
	wfm_fc_series in = {0, 5, 3, NULL, NULL, NULL, NULL};
	wfm_fc_daily *f = NULL;
	wfm_err e;

	(void)state;
	assert_string_equal(wfm_fc_model_name(WFM_FC_REG), "reg");
	assert_string_equal(wfm_fc_model_name(WFM_FC_MEAN_ETS_REG),
			    "mean+ets+reg");
	assert_string_equal(wfm_fc_model_name(WFM_FC_FALLBACK), "fallback");
	assert_string_equal(wfm_fc_model_name(99), "?");
	assert_int_equal(wfm_fc_forecast(&in, NULL, &f, &e), WFM_EUSAGE);
	assert_null(f);
	wfm_fc_daily_free(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_weekday_factors),
		cmocka_unit_test(test_yearly_amplitude),
		cmocka_unit_test(test_level_shift),
		cmocka_unit_test(test_closed_and_catchup),
		cmocka_unit_test(test_missing_not_zero),
		cmocka_unit_test(test_outliers),
		cmocka_unit_test(test_interval_coverage),
		cmocka_unit_test(test_backtest_report),
		cmocka_unit_test(test_short_series),
		cmocka_unit_test(test_forecast_after_gap),
		cmocka_unit_test(test_catchup),
		cmocka_unit_test(test_robust_fit_vs_gsl),
		cmocka_unit_test(test_normal_quantile),
		cmocka_unit_test(test_names_and_usage),
	};

	wfm_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
