/* forecast_fixture.h - the call shared by the daily forecast tests
 * (test_forecast.c, test_forecast_combo.c, test_forecast_events.c,
 * test_forecast_gap.c, test_forecast_level.c): the forecast of one series
 * that must succeed.  Static inline, so that a test file that does not use
 * it compiles without warnings.  Include after cmocka.h. */
#ifndef WFM_TEST_FORECAST_FIXTURE_H
#define WFM_TEST_FORECAST_FIXTURE_H

#include "forecast/forecast.h"
#include "run/wfm.h"

/* The daily forecast of the series (first, n_hist, n, y, st, flags, eff)
 * with the default options but `model` (-1: chosen by the backtest, as
 * wfm-forecast does).  Fails the test unless the forecast succeeds and has
 * the horizon n - n_hist.  The caller frees it with wfm_fc_daily_free. */
static inline wfm_fc_daily *fc_forecast(wfm_date first, int n_hist, int n, const double *y,
					const unsigned char *st, const unsigned char *flags,
					const unsigned char *eff, int model)
{
	wfm_fc_series in = {first, n_hist, n, y, st, flags, eff};
	wfm_fc_options o;
	wfm_fc_daily *f = NULL;
	wfm_err e;

	wfm_fc_options_default(&o);
	o.model = model;
	wfm_err_clear(&e);
	assert_int_equal(wfm_fc_forecast(&in, &o, &f, &e), WFM_OK);
	assert_non_null(f);
	assert_int_equal(f->h, n - n_hist);
	return f;
}

#endif
