/* test_forecast_level.c - lib/forecast: the residual level of the
 * regression fitted for one step ahead (WFM_FC_REG) or a week ahead
 * (WFM_FC_REG_WEEK), and the choice between them by backtest.
 *
 * The series are simulated here (Poisson counts from gsl_rng, fixed seeds)
 * with a known level; the tests check the forecast against that level,
 * never against figures copied from a run of the code. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include "forecast_fixture.h"

#include "forecast/forecast.h"
#include "run/wfm.h"

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MAXN 400

static const double wdf[5] = {1.2, 1.05, 1.0, 0.95, 1.0}; /* Mon..Fri */

/* A Monday-Friday line from Monday 2023-01-02: n_hist days of history and
 * h to forecast; base[t] is the level of the ordinary days, mean[t] what
 * was drawn from (base times the weekday factor times a burst, if any). */
struct sim {
	wfm_date first;
	int n_hist, n;
	double base[MAXN], mean[MAXN], y[MAXN];
	unsigned char st[MAXN];
};

static void draw(struct sim *s, unsigned long seed)
{
	gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
	int t;

	assert_non_null(r);
	gsl_rng_set(r, seed);
	for (t = 0; t < s->n; t++)
		s->y[t] = t < s->n_hist && s->st[t] == WFM_FC_OPEN ?
			  gsl_ran_poisson(r, s->mean[t]) : 0;
	gsl_rng_free(r);
}

static void setup(struct sim *s, int n_hist, int h)
{
	int t;

	s->first = wfm_date_from_ymd(2023, 1, 2);
	s->n_hist = n_hist;
	s->n = n_hist + h;
	for (t = 0; t < s->n; t++) {
		int wd = wfm_date_weekday(s->first + t);
		s->st[t] = wd >= WFM_SAT ? WFM_FC_CLOSED : WFM_FC_OPEN;
		s->base[t] = 1000;
		s->mean[t] = wd >= WFM_SAT ? 0 : 1000 * wdf[wd];
	}
}

static wfm_fc_daily *forecast(const struct sim *s, int model)
{
	return fc_forecast(s->first, s->n_hist, s->n, s->y, s->st, NULL, NULL, model);
}

/* Sum of the forecast over the truth (the ordinary days' means) on the
 * open days from `from` days ahead on. */
static double ratio(const struct sim *s, const wfm_fc_daily *f, int from)
{
	double fs = 0, ts = 0;
	int t;

	for (t = from; t < f->h; t++) {
		int i = s->n_hist + t, wd = wfm_date_weekday(s->first + i);
		if (s->st[i] != WFM_FC_OPEN)
			continue;
		fs += f->point[t];
		ts += s->base[i] * wdf[wd];
	}
	return fs / ts;
}

/* Noise that lasts a few days: the log level of the open days follows an
 * AR(1) with 0.7 a day (innovations of standard deviation 0.06, so about
 * 8 % of the level, half gone in two days), and the history's last three
 * days are 25 % above the level.  A level fitted for one step ahead
 * follows the noise (high smoothing constants); the week-ahead one stays
 * at the level: its forecast from the second week on is within 4 % of
 * the truth, and closer to it than REG's. */
static void ar_series(struct sim *s, unsigned long seed)
{
	gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
	double a = 0;
	int t;

	assert_non_null(r);
	gsl_rng_set(r, seed);
	setup(s, 30 * 7 - 2, 28); /* the history ends on a Friday */
	for (t = 0; t < s->n_hist; t++)
		if (s->st[t] == WFM_FC_OPEN) {
			a = 0.7 * a + gsl_ran_gaussian(r, 0.06);
			s->mean[t] *= exp(t >= s->n_hist - 3 ? 0.22 : a);
		}
	gsl_rng_free(r);
	draw(s, seed + 1);
}

static void test_week_level_ignores_noise(void **state)
{
	static struct sim s;
	wfm_fc_daily *fw, *f1;
	double rw, r1;

	(void)state;
	ar_series(&s, 21);
	fw = forecast(&s, WFM_FC_REG_WEEK);
	f1 = forecast(&s, WFM_FC_REG);
	rw = ratio(&s, fw, 3);
	r1 = ratio(&s, f1, 3);
	assert_true(fabs(rw - 1) < 0.04);
	assert_true(fabs(rw - 1) < fabs(r1 - 1));
	wfm_fc_daily_free(fw);
	wfm_fc_daily_free(f1);
}

/* The choice is the backtest's: on such a series, reg-week scores a lower
 * MASE than reg in the series' own backtest. */
static void test_week_level_scores(void **state)
{
	static struct sim s;
	wfm_fc_daily *f;

	(void)state;
	ar_series(&s, 23);
	f = forecast(&s, -1);
	assert_true(f->scores[WFM_FC_REG_WEEK].points > 0);
	assert_true(f->scores[WFM_FC_REG_WEEK].mase < f->scores[WFM_FC_REG].mase);
	assert_string_equal(wfm_fc_model_name(WFM_FC_REG_WEEK), "reg-week");
	wfm_fc_daily_free(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_week_level_ignores_noise),
		cmocka_unit_test(test_week_level_scores),
	};

	wfm_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
