/* test_forecast_combo.c - lib/forecast: the candidate top2-mean
 * (WFM_FC_TOP2_MEAN), the equal-weight mean of the two of meanwd, ets, reg
 * and reg-week with the lowest backtest MASE.
 *
 * The series are simulated here (Poisson counts from gsl_rng, fixed seeds);
 * the tests check the combination against its members run on their own
 * (forced), against the rule that picks them (from the members' own
 * scores), and against the triangle inequality: the mean of two forecasts
 * is never further from an actual than the mean of their two distances, so
 * its backtest MASE is at most the mean of theirs.  No figure is copied
 * from a run of the code. */
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

#define MAXN 900

static const double wdf[7] = {1.3, 1.1, 1.0, 0.95, 0.9, 0.4, 0.2};

/* A 7-day line from Monday 2022-01-03 whose level wanders (an AR(1) on the
 * log scale, persistence phi, innovations of sd sigma) so that the models
 * differ, n_hist days of history and h to forecast. */
struct sim {
	wfm_date first;
	int n_hist, n;
	double y[MAXN];
	unsigned char st[MAXN];
};

static void make(struct sim *s, int n_hist, int h, double phi, double sigma,
		 unsigned long seed)
{
	gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
	double lv = 0;
	int t;

	assert_non_null(r);
	gsl_rng_set(r, seed);
	s->first = wfm_date_from_ymd(2022, 1, 3);
	s->n_hist = n_hist;
	s->n = n_hist + h;
	assert_true(s->n <= MAXN);
	for (t = 0; t < s->n; t++) {
		lv = phi * lv + gsl_ran_gaussian(r, sigma);
		s->st[t] = WFM_FC_OPEN;
		s->y[t] = t < n_hist ?
			  gsl_ran_poisson(r, 800 * wdf[wfm_date_weekday(s->first + t)] *
						     exp(lv)) : 0;
	}
	gsl_rng_free(r);
}

static wfm_fc_daily *run(const struct sim *s, int model)
{
	return fc_forecast(s->first, s->n_hist, s->n, s->y, s->st, NULL, NULL, model);
}

static int bits(unsigned x)
{
	int c = 0;

	for (; x; x &= x - 1)
		c++;
	return c;
}

/* On three series: parts names two models of the pool, the two with the
 * lowest MASE of the pool; the forecast is the mean of those two run on
 * their own, day by day; its backtest MASE is at most the mean of theirs
 * (same days: every member scores every day); forced or chosen, the
 * backtest scores are the same. */
static void test_top2_is_mean_of_two_best(void **state)
{
	static const int pool[] = {WFM_FC_MEANWD, WFM_FC_ETS, WFM_FC_REG, WFM_FC_REG_WEEK};
	static struct sim s;
	unsigned long seed;

	(void)state;
	for (seed = 1; seed <= 3; seed++) {
		wfm_fc_daily *f, *fa, *fb, *fs;
		int a = -1, b = -1, i, j, m;

		make(&s, 500 + 100 * (int)seed, 28, 0.97, 0.03, seed);
		f = run(&s, WFM_FC_TOP2_MEAN);
		assert_int_equal(f->model, WFM_FC_TOP2_MEAN);
		assert_int_equal(bits(f->parts), 2);
		for (m = 0; m < WFM_FC_NMODELS; m++)
			if ((f->parts >> m) & 1) {
				assert_true(m == WFM_FC_MEANWD || m == WFM_FC_ETS ||
					    m == WFM_FC_REG || m == WFM_FC_REG_WEEK);
				if (a < 0)
					a = m;
				else
					b = m;
			}
		/* the two lowest of the pool */
		for (i = 0; i < 4; i++) {
			m = pool[i];
			assert_true(f->scores[m].points > 0);
			if (m != a && m != b) {
				assert_true(f->scores[m].mase >= f->scores[a].mase);
				assert_true(f->scores[m].mase >= f->scores[b].mase);
			}
		}
		fa = run(&s, a);
		fb = run(&s, b);
		for (j = 0; j < f->h; j++) {
			double want = (fa->point[j] + fb->point[j]) / 2;
			assert_true(fabs(f->point[j] - want) <= 1e-9 * (1 + want));
			assert_true(f->lo[j] <= f->point[j] && f->point[j] <= f->hi[j]);
		}
		assert_int_equal(f->scores[WFM_FC_TOP2_MEAN].points, f->scores[a].points);
		assert_int_equal(f->scores[a].points, f->scores[b].points);
		assert_true(f->scores[WFM_FC_TOP2_MEAN].mase <=
			    (f->scores[a].mase + f->scores[b].mase) / 2 + 1e-12);
		/* chosen by the backtest: the same scores and parts */
		fs = run(&s, -1);
		assert_int_equal(fs->parts, f->parts);
		for (m = 0; m < WFM_FC_NMODELS; m++)
			assert_true(fs->scores[m].mase == f->scores[m].mase);
		assert_int_equal(fs->scores[fs->model].selected, 1);
		wfm_fc_daily_free(f);
		wfm_fc_daily_free(fa);
		wfm_fc_daily_free(fb);
		wfm_fc_daily_free(fs);
	}
}

/* The rule of the choice, on ten series whose level swings faster (phi 0.9,
 * sd 0.08): the model used has the lowest
 * backtest MASE, or is the better fixed combination within 5 % of a single
 * best one; top2-mean is used exactly when its MASE is the lowest of all
 * (never by the 5 % rule). */
static void test_choice_rule(void **state)
{
	static struct sim s;
	unsigned long seed;
	int top2 = 0;

	(void)state;
	for (seed = 11; seed <= 20; seed++) {
		wfm_fc_daily *f;
		int m, best = -1;

		make(&s, 420, 28, 0.9, 0.08, seed);
		f = run(&s, -1);
		for (m = 0; m < WFM_FC_NMODELS; m++)
			if (f->scores[m].points &&
			    (best < 0 || f->scores[m].mase < f->scores[best].mase - 1e-12))
				best = m;
		if (f->model != best) {
			assert_true(best < WFM_FC_ETS_REG);
			assert_true(f->model == WFM_FC_ETS_REG || f->model == WFM_FC_MEAN_ETS_REG);
			assert_true(f->scores[f->model].mase <= 1.05 * f->scores[best].mase);
		}
		assert_int_equal(f->model == WFM_FC_TOP2_MEAN, best == WFM_FC_TOP2_MEAN);
		top2 += f->model == WFM_FC_TOP2_MEAN;
		wfm_fc_daily_free(f);
	}
	/* wandering levels: the mean of two differing models wins sometimes */
	assert_true(top2 >= 1);
}

/* The name, and a series too short to backtest: no parts, and the forced
 * combination falls back to meanwd with the warning. */
static void test_name_and_short(void **state)
{
	static struct sim s;
	wfm_fc_daily *f;

	(void)state;
	assert_string_equal(wfm_fc_model_name(WFM_FC_TOP2_MEAN), "top2-mean");
	make(&s, 30, 7, 0.97, 0.03, 5);
	f = run(&s, WFM_FC_TOP2_MEAN);
	assert_int_equal(f->parts, 0);
	assert_int_equal(f->model, WFM_FC_MEANWD);
	assert_true(f->warnings & WFM_FC_WARN_NO_BACKTEST);
	wfm_fc_daily_free(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_top2_is_mean_of_two_best),
		cmocka_unit_test(test_choice_rule),
		cmocka_unit_test(test_name_and_short),
	};

	wfm_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
