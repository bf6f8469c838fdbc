/* test_forecast_events.c - special days in the daily forecast: recurring
 * holidays learnt without a calendar (lib/forecast/forecast_recur.c), the
 * planner's events (exclude: an outage left out of the fit; effect: a known
 * effect learnt and applied, lib/forecast/forecast_effect.c), and interval
 * coverage on Poisson data.
 *
 * Every series is simulated here (Poisson counts from gsl_rng with fixed
 * seeds) with a structure chosen by the test; the assertions compare the
 * forecast with that structure, never with figures from a run of the code. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include "forecast_fixture.h"

#include "forecast/forecast.h"
#include "run/wfm.h"

#include <gsl/gsl_math.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MAXN 1600

struct sim {
	wfm_date first;
	int n_hist, n;
	double mean[MAXN], y[MAXN];
	unsigned char st[MAXN], flags[MAXN], eff[MAXN];
};

static const double wdf[7] = {1.4, 1.2, 1.0, 0.9, 0.8, 0.5, 0.3};

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

static wfm_fc_daily *forecast(const struct sim *s, const unsigned char *flags,
			      const unsigned char *eff)
{
	return fc_forecast(s->first, s->n_hist, s->n, s->y, s->st, flags, eff, -1);
}

/* Weekly, yearly and holiday effects recovered: three years of a 7-day
 * line, mean 2000 x weekday factor x (1 + 0.25 sin(2 pi d / 365.25)),
 * Christmas Day at 0.3 times and Easter Monday at 0.5 times that, with no
 * calendar given.  Over the 365 days forecast: the weekday ratios within
 * 4 %, the yearly amplitude 0.25 +- 0.03, Christmas Day 0.3 +- 0.1 and
 * Easter Monday 0.5 +- 0.1 of the mean of the same weekday a week before
 * and after, and the other days within 6 % of their means on average. */
static void test_weekly_yearly_holidays(void **state)
{
	static struct sim s;
	gsl_rng *r = rng(11);
	double sum[7] = {0}, m = 0, a = 0, b = 0, amp, err = 0, tot = 0;
	int t, wd, cnt[7] = {0}, xmas = -1, easter = -1;
	wfm_fc_daily *f;

	(void)state;
	s.first = wfm_date_from_ymd(2021, 1, 4);
	s.n_hist = 3 * 365;
	s.n = s.n_hist + 365;
	for (t = 0; t < s.n; t++) {
		wfm_date d = s.first + t;
		int y, mo, dd;

		wfm_date_to_ymd(d, &y, &mo, &dd);
		s.mean[t] = 2000 * wdf[wfm_date_weekday(d)] *
			    (1 + 0.25 * sin(2 * M_PI * (double)d / 365.25));
		if (mo == 12 && dd == 25)
			s.mean[t] *= 0.3;
		if (d == wfm_easter(y) + 1)
			s.mean[t] *= 0.5;
	}
	draw(&s, r);
	f = forecast(&s, NULL, NULL);
	for (t = 0; t < f->h; t++) {
		wfm_date d = f->first + t;
		int y, mo, dd;
		double ang = 2 * M_PI * (double)d / 365.25;

		wfm_date_to_ymd(d, &y, &mo, &dd);
		if (mo == 12 && dd == 25)
			xmas = t;
		if (d == wfm_easter(y) + 1)
			easter = t;
		if ((mo == 12 && dd == 25) || d == wfm_easter(y) + 1)
			continue;
		wd = wfm_date_weekday(d);
		sum[wd] += f->point[t] / (1 + 0.25 * sin(ang));
		cnt[wd]++;
		m += f->point[t] / 365;
		a += 2 * f->point[t] * sin(ang) / 365;
		b += 2 * f->point[t] * cos(ang) / 365;
		err += fabs(f->point[t] - s.mean[s.n_hist + t]);
		tot += s.mean[s.n_hist + t];
	}
	amp = sqrt(a * a + b * b) / m;
	for (wd = 0; wd < 7; wd++)
		assert_true(fabs((sum[wd] / cnt[wd]) / (sum[0] / cnt[0]) / (wdf[wd] / wdf[0]) - 1) <
			    0.04);
	assert_true(fabs(amp - 0.25) < 0.03);
	assert_true(err / tot < 0.06);
	assert_true(xmas > 7 && easter > 7 && easter + 7 < f->h);
	assert_true(fabs(f->point[xmas] / ((f->point[xmas - 7] + f->point[xmas + 7]) / 2) - 0.3) <
		    0.1);
	assert_true(fabs(f->point[easter] / ((f->point[easter - 7] + f->point[easter + 7]) / 2) -
			 0.5) < 0.1);
	wfm_fc_daily_free(f);
	gsl_rng_free(r);
}

/* An outage: the last 10 days of history carry a fifth of their calls.
 * Marked as an event of kind exclude, the fit ignores those days: the
 * forecast does not change whatever values they hold (the outage, or the
 * truth), and it is within 5 % of the truth; unmarked, the fit uses them
 * and the forecast of the next week drops by more than 10 %. */
static void test_outage_event(void **state)
{
	static struct sim s;
	gsl_rng *r = rng(12);
	wfm_fc_daily *f1, *f2, *f3;
	double s1 = 0, s3 = 0, truth = 0;
	int t;

	(void)state;
	s.first = wfm_date_from_ymd(2022, 1, 3);
	s.n_hist = 2 * 364;
	s.n = s.n_hist + 28;
	for (t = 0; t < s.n; t++)
		s.mean[t] = 800 * wdf[wfm_date_weekday(s.first + t)];
	draw(&s, r);
	memset(s.flags, 0, sizeof s.flags);
	for (t = s.n_hist - 10; t < s.n_hist; t++) {
		s.y[t] = floor(s.y[t] / 5);
		s.flags[t] = WFM_FC_EXCLUDE;
	}
	f1 = forecast(&s, s.flags, NULL);
	for (t = s.n_hist - 10; t < s.n_hist; t++)
		s.y[t] = s.mean[t];
	f2 = forecast(&s, s.flags, NULL);
	for (t = s.n_hist - 10; t < s.n_hist; t++)
		s.y[t] = floor(s.mean[t] / 5);
	f3 = forecast(&s, NULL, NULL);
	for (t = 0; t < f1->h; t++) {
		assert_true(f1->point[t] == f2->point[t]);
		assert_true(f1->lo[t] == f2->lo[t] && f1->hi[t] == f2->hi[t]);
		if (t < 7) {
			s1 += f1->point[t];
			s3 += f3->point[t];
			truth += s.mean[s.n_hist + t];
		}
	}
	assert_true(fabs(s1 / truth - 1) < 0.05);
	assert_true(s3 < 0.9 * s1);
	wfm_fc_daily_free(f1);
	wfm_fc_daily_free(f2);
	wfm_fc_daily_free(f3);
	gsl_rng_free(r);
}

/* A known effect: a mailing doubles the calls of its day, eight times in
 * the history (one Wednesday in each of the last eight months) and once
 * ahead.  Its factor is learnt at 2 +- 0.2 (the estimate is shrunk by
 * 8 / 9 on the log scale), the day ahead is forecast at that factor times
 * an ordinary Wednesday (within 10 % of twice its mean), and the other days
 * are not moved by the mailings of the history (within 5 % of their
 * means); another effect without history days keeps factor 1. */
static void test_effect_event(void **state)
{
	static struct sim s;
	gsl_rng *r = rng(13);
	double err = 0, tot = 0;
	int t, k, ahead;
	wfm_fc_daily *f;

	(void)state;
	s.first = wfm_date_from_ymd(2022, 1, 3); /* a Monday */
	s.n_hist = 2 * 364;
	s.n = s.n_hist + 28;
	memset(s.eff, 0, sizeof s.eff);
	for (t = 0; t < s.n; t++)
		s.mean[t] = 600 * wdf[wfm_date_weekday(s.first + t)];
	for (k = 1; k <= 8; k++) {
		t = s.n_hist - 35 * k + 2; /* Wednesdays */
		s.eff[t] = 1;
		s.mean[t] *= 2;
	}
	ahead = s.n_hist + 9; /* a Wednesday ahead */
	assert_int_equal(wfm_date_weekday(s.first + ahead), WFM_WED);
	s.eff[ahead] = 1;
	s.mean[ahead] *= 2;
	s.eff[s.n_hist + 3] = 2; /* an effect with nothing to learn from */
	draw(&s, r);
	f = forecast(&s, NULL, s.eff);
	assert_int_equal(f->effect_days[1], 8);
	assert_true(fabs(f->effect[1] - 2) < 0.2);
	assert_int_equal(f->effect_days[2], 0);
	assert_true(f->effect[2] == 1.0);
	assert_true(fabs(f->point[ahead - s.n_hist] / s.mean[ahead] - 1) < 0.1);
	for (t = 0; t < f->h; t++)
		if (s.n_hist + t != ahead) {
			err += f->point[t] - s.mean[s.n_hist + t];
			tot += s.mean[s.n_hist + t];
		}
	assert_true(fabs(err / tot) < 0.05);
	wfm_fc_daily_free(f);
	gsl_rng_free(r);
}

/* Interval coverage on Poisson data: 40 replicates of two years of a 5-day
 * line (weekends closed), 28 days ahead: the 80 % intervals hold 75-85 % of
 * the outcomes, with no more than 12.5 % below lo nor above hi. */
static void test_poisson_coverage(void **state)
{
	static struct sim s;
	gsl_rng *r = rng(14);
	int rep, t, in = 0, below = 0, above = 0, all = 0;

	(void)state;
	s.first = wfm_date_from_ymd(2022, 1, 3);
	s.n_hist = 2 * 364;
	s.n = s.n_hist + 28;
	for (t = 0; t < s.n; t++) {
		int wd = wfm_date_weekday(s.first + t);
		s.st[t] = wd >= WFM_SAT ? WFM_FC_CLOSED : WFM_FC_OPEN;
		s.mean[t] = 300 * wdf[wd];
	}
	for (rep = 0; rep < 40; rep++) {
		wfm_fc_daily *f;

		draw(&s, r);
		f = forecast(&s, NULL, NULL);
		for (t = 0; t < f->h; t++) {
			double y;

			if (s.st[s.n_hist + t] != WFM_FC_OPEN)
				continue;
			y = gsl_ran_poisson(r, s.mean[s.n_hist + t]);
			below += y < f->lo[t];
			above += y > f->hi[t];
			in += y >= f->lo[t] && y <= f->hi[t];
			all++;
		}
		wfm_fc_daily_free(f);
	}
	assert_true(in >= 0.75 * all && in <= 0.85 * all);
	assert_true(below <= 0.125 * all && above <= 0.125 * all);
	gsl_rng_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_weekly_yearly_holidays),
		cmocka_unit_test(test_outage_event),
		cmocka_unit_test(test_effect_event),
		cmocka_unit_test(test_poisson_coverage),
	};

	wfm_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
