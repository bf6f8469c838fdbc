/* test_forecast_gap.c - lib/forecast: the day after a short run of open days
 * without data (FC_AFTERGAP, forecast_impl.h).
 *
 * A weekday without data in the middle of a series is most often a holiday
 * the calendar does not know, and the next day is then busier.  The series
 * here are simulated (Poisson counts from gsl_rng, fixed seeds) with that
 * effect put in at a known size; the tests check that the classes follow
 * the rule, that the busy days after gaps do not raise the forecast of the
 * ordinary days, and that a forecast day right after a gap gets the effect
 * learnt from the history.  The expected figures are the simulation's
 * means, never output of the code. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include "forecast_fixture.h"

#include "forecast/forecast.h"
#include "forecast/forecast_impl.h"
#include "run/wfm.h"

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MAXN 400

static const double wdf[5] = {1.2, 1.05, 1.0, 0.95, 1.0}; /* Mon..Fri */

/* A Monday-Friday line (weekends CLOSED) of n_hist + h days from Monday
 * 2023-01-02, mean 1000 x weekday factor; the days of gap[] are MISSING and
 * the next open day after each has mean x `after`. */
struct sim {
	wfm_date first;
	int n_hist, n;
	double mean[MAXN], y[MAXN];
	unsigned char st[MAXN];
};

static void simulate(struct sim *s, int n_hist, int h, const int *gap, int ngap,
		     double after, unsigned long seed)
{
	gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
	int t, g;

	assert_non_null(r);
	gsl_rng_set(r, seed);
	s->first = wfm_date_from_ymd(2023, 1, 2);
	s->n_hist = n_hist;
	s->n = n_hist + h;
	for (t = 0; t < s->n; t++) {
		int wd = wfm_date_weekday(s->first + t);
		s->st[t] = wd >= WFM_SAT ? WFM_FC_CLOSED : WFM_FC_OPEN;
		s->mean[t] = wd >= WFM_SAT ? 0 : 1000 * wdf[wd];
	}
	for (g = 0; g < ngap; g++) {
		s->st[gap[g]] = WFM_FC_MISSING;
		for (t = gap[g] + 1; t < s->n && s->st[t] != WFM_FC_OPEN; t++)
			;
		if (t < s->n)
			s->mean[t] *= after;
	}
	for (t = 0; t < s->n; t++)
		s->y[t] = t < n_hist && s->st[t] == WFM_FC_OPEN ?
			  gsl_ran_poisson(r, s->mean[t]) : 0;
	gsl_rng_free(r);
}

static wfm_fc_daily *forecast(const struct sim *s)
{
	return fc_forecast(s->first, s->n_hist, s->n, s->y, s->st, NULL, NULL, -1);
}

/* The classes: a single missing Wednesday makes Thursday FC_AFTERGAP; a
 * missing Friday makes the Monday after the weekend FC_AFTERGAP; a run of
 * 5 missing days (longer than FC_GAP_MAX: an outage of the data) leaves
 * the next day normal; on a 7-day calendar whose Sundays never have data,
 * Mondays stay normal (a regular gap, not a holiday). */
static void test_gap_classes(void **state)
{
	unsigned char st[70], cls[70];
	wfm_date first = wfm_date_from_ymd(2023, 1, 2); /* a Monday */
	int t;

	(void)state;
	for (t = 0; t < 70; t++)
		st[t] = wfm_date_weekday(first + t) >= WFM_SAT ? WFM_FC_CLOSED :
								WFM_FC_OPEN;
	st[2] = WFM_FC_MISSING;                     /* Wednesday, week 1 */
	st[11] = WFM_FC_MISSING;                    /* Friday, week 2 */
	for (t = 21; t < 26; t++)                   /* Monday-Friday, week 4 */
		st[t] = WFM_FC_MISSING;
	wfm_fc_classes(st, NULL, 70, first, cls);
	assert_int_equal(cls[3], FC_AFTERGAP);     /* Thursday */
	assert_int_equal(cls[4], FC_NORMAL);
	assert_int_equal(cls[14], FC_AFTERGAP);    /* Monday after */
	assert_int_equal(cls[28], FC_NORMAL);      /* after the outage */
	for (t = 29; t < 70; t++)
		if (st[t] == WFM_FC_OPEN)
			assert_int_equal(cls[t], FC_NORMAL);

	/* 7-day calendar, every Sunday without data */
	for (t = 0; t < 70; t++)
		st[t] = wfm_date_weekday(first + t) == WFM_SUN ? WFM_FC_MISSING :
								 WFM_FC_OPEN;
	st[30] = WFM_FC_MISSING; /* a Wednesday */
	wfm_fc_classes(st, NULL, 70, first, cls);
	for (t = 0; t < 70; t++)
		if (wfm_date_weekday(first + t) == WFM_MON)
			assert_int_equal(cls[t], FC_NORMAL);
	assert_int_equal(cls[31], FC_AFTERGAP);
}

/* 36 weeks of history with an unmarked holiday (a missing Wednesday) every
 * 4 weeks, the next open day 50 % busier, the last one 12 days before the
 * end: the forecast of the 4 weeks ahead (no gap in them) stays within 3 %
 * of the truth in total and within 6 % on the weekday after that last gap.
 * Counted as ordinary days, the busy days would lift the mean of the
 * recent same weekdays by 12 % (one in four). */
static void test_gap_not_level(void **state)
{
	static struct sim s;
	int gap[12], ng = 0, t, wdlast;
	double fs = 0, ts = 0, fw = 0, tw = 0;
	wfm_fc_daily *f;

	(void)state;
	for (t = 2 + 7; t < 36 * 7 - 28; t += 28)
		gap[ng++] = t;
	gap[ng++] = 36 * 7 - 12; /* a Wednesday: Thursday busier */
	simulate(&s, 36 * 7, 28, gap, ng, 1.5, 11);
	f = forecast(&s);
	wdlast = wfm_date_weekday(s.first + 36 * 7 - 11);
	assert_int_equal(wdlast, WFM_THU);
	for (t = 0; t < f->h; t++) {
		int i = s.n_hist + t;
		if (s.st[i] != WFM_FC_OPEN)
			continue;
		fs += f->point[t];
		ts += s.mean[i];
		if (wfm_date_weekday(s.first + i) == wdlast) {
			fw += f->point[t];
			tw += s.mean[i];
		}
	}
	assert_true(fabs(fs / ts - 1) < 0.03);
	assert_true(fabs(fw / tw - 1) < 0.06);
	wfm_fc_daily_free(f);
}

/* The history ends on a missing Wednesday: the first forecast day, a
 * Thursday, gets the effect learnt from the 8 gaps before (x 1.5, shrunk by
 * k / (k + 1): about x 1.43), the Thursday after it does not. */
static void test_gap_before_origin(void **state)
{
	static struct sim s;
	int gap[12], ng = 0, t;
	wfm_fc_daily *f;
	double r1, r2;

	(void)state;
	for (t = 2 + 7; t < 36 * 7 - 28; t += 28)
		gap[ng++] = t;
	gap[ng++] = 36 * 7 - 5; /* the last Wednesday of the history */
	simulate(&s, 36 * 7 - 4, 28, gap, ng, 1.5, 12);
	f = forecast(&s);
	assert_int_equal(wfm_date_weekday(f->first), WFM_THU);
	r1 = f->point[0] / (1000 * wdf[WFM_THU]);
	r2 = f->point[7] / (1000 * wdf[WFM_THU]);
	assert_true(r1 > 1.3 && r1 < 1.6);
	assert_true(fabs(r2 - 1) < 0.06);
	wfm_fc_daily_free(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_gap_classes),
		cmocka_unit_test(test_gap_not_level),
		cmocka_unit_test(test_gap_before_origin),
	};

	wfm_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
