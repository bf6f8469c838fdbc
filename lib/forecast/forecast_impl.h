/* forecast_impl.h - internals shared by the forecast_*.c files (not a public
 * header: programs include forecast.h only; unit tests may use this one). */
#ifndef WFM_FORECAST_IMPL_H
#define WFM_FORECAST_IMPL_H

#include "forecast.h"

/* How a day is treated when fitting, derived from state, flags, catch-up. */
enum fc_class {
	FC_NORMAL = 0, /* an ordinary open day */
	FC_HOL = 1,    /* WFM_FC_HOLIDAY */
	FC_AFTER1 = 2, /* one irregular closed day just before */
	FC_AFTER2 = 3, /* two or more irregular closed days just before */
	FC_AFTERGAP = 4, /* right after 1 .. FC_GAP_MAX open days without data
			  * (MISSING), the last of them on a weekday that has
			  * data on most of its open days: most often a
			  * holiday the calendar does not know, which makes
			  * the next day busier; its own factor, learnt like
			  * the others (about 1 when the gap was only a lost
			  * export) */
	FC_NCLASS = 5,
	FC_EXCL = 5    /* WFM_FC_EXCLUDE: never fitted, forecast as normal */
};

/* A series cut at a forecast origin: days 0..n-1 are history (y read on
 * OPEN days), days n..n+h-1 are forecast; st and cls cover n + h days. */
struct fc_view {
	wfm_date first;
	int n, h;
	const double *y;
	const unsigned char *st;
	const unsigned char *cls;
	const unsigned char *eff; /* n + h effect ids, or NULL */
	int max_train;
};

/* The factors of the known effects of `v` learnt from its history (see
 * forecast.h) into fac[WFM_FC_MAX_EFFECTS] and cnt (days learnt from), and
 * the view with its history divided by them into *out, with ya (n entries)
 * as its values.  Without effects *out is *v.  Never fails. */
void wfm_fc_effects(const struct fc_view *v, double *fac, int *cnt, double *ya,
		    struct fc_view *out);

/* Return value of wfm_fc_model_run when a model cannot be fitted on the view
 * (too few days for its terms): the model is then left out. */
#define FC_NA 1

/* Forecasts days n..n+h-1 of `v` with base model `model` (WFM_FC_SNAIVE ..
 * WFM_FC_REG_WEEK) into out[0..h-1]: >= 0, exactly 0 where st is not OPEN.
 * Returns WFM_OK, FC_NA, or WFM_EINTERNAL (out of memory, with `e` set). */
int wfm_fc_model_run(int model, const struct fc_view *v, double *out, wfm_err *e);

/* The yearly shape of the view as a ratio per day (n + h entries into yr):
 * the regression's fit with its yearly terms over the same without them, on
 * the original scale, times the factor of the day's recurring special day
 * (forecast_recur.c) where REG found one; 1 everywhere when the history (within max_train) is
 * shorter than 400 days or the regression cannot be fitted.  scratch has h
 * entries.  The other models work on the history divided by it and
 * multiply their forecasts by it, so that they follow the year as the
 * regression does.  Returns WFM_OK or WFM_EINTERNAL. */
int wfm_fc_yearly(const struct fc_view *v, double *yr, double *scratch, wfm_err *e);

/* 1 when day t of the view is history usable for fitting. */
int wfm_fc_obs(const struct fc_view *v, int t);

/* Longest run of MISSING days that makes the next day FC_AFTERGAP: a long
 * weekend; a longer gap is an outage of the data, not of the service. */
#define FC_GAP_MAX 3

/* Class of every day (enum fc_class) from states and flags (flags may be
 * NULL); cls has n entries. */
void wfm_fc_classes(const unsigned char *state, const unsigned char *flags, int n,
		wfm_date first, unsigned char *cls);

/* Mean absolute error of the weekly seasonal naive forecast (last observed
 * normal same weekday) over the view's history; 0 when it cannot be formed. */
double wfm_fc_snaive_mae(const struct fc_view *v);

/* Robust linear fit by iteratively reweighted least squares with Tukey's
 * bisquare (tuning 4.685, scale from the median absolute residual), solving
 * the weighted normal equations by Cholesky (GSL); pw (NULL: all 1) are
 * prior weights multiplying the robust ones.  x is n x p row-major,
 * coefficients into c[p].  Returns WFM_OK, FC_NA when the system is
 * singular, WFM_EINTERNAL on out of memory. */
int wfm_fc_robust_fit(const double *x, const double *y, const double *pw, int n,
		  int p, double *c, wfm_err *e);

/* q-quantile (0..1) of v[0..n-1] by linear interpolation (sorts v). */
double wfm_fc_quantile(double *v, int n, double q);

/* Recurring special days (forecast_recur.c).  A day's key is its offset from
 * that year's Easter Sunday when within -7 .. +56 days (372 + offset + 7),
 * else its day of the year ((month - 1) * 31 + day - 1); there are
 * WFM_FC_NRECUR keys. */
#define WFM_FC_NRECUR (372 + 64)
int wfm_fc_recur_key(wfm_date day);

/* The day-of-the-year key of `day`, whatever Easter. */
int wfm_fc_recur_day_key(wfm_date day);

/* Flags (flag[key] = 1, WFM_FC_NRECUR entries) the keys whose days among
 * day[0..n-1] have residuals res (in robust standard deviations) that are
 * all beyond 1 on the same side, at least two of them, with a median beyond
 * 2: pure noise passes for about 1 key in 200.  Returns the number of keys
 * flagged, or -1 on out of memory (with `e` set). */
int wfm_fc_recur_detect(const wfm_date *day, const double *res, int n,
			unsigned char *flag, wfm_err *e);

/* The standard normal quantile. */
double wfm_fc_norm_q(double p);

/* lo and hi of forecast f for log-scale offsets qlo <= 0 <= qhi:
 * (1 + f) exp(q) - 1, with 0 <= lo <= f <= hi. */
void wfm_fc_set_interval(double f, double qlo, double qhi, double *lo, double *hi);

/* Short series: the mean of the observed same weekdays
 * (of all observed days when the weekday has none) for the open days
 * ahead of `v` into f->point, an interval from the spread of the
 * observations around those means on the log scale growing with the
 * horizon, or Poisson with fewer than 3 observations; sets f->model to
 * WFM_FC_FALLBACK and the warning WFM_FC_WARN_SHORT. */
void wfm_fc_fallback(const struct fc_view *v, double level, wfm_fc_daily *f);

/* Selects (or takes, o->model >= 0) the model of `v` by the backtest
 * (forecast_select.c), refits it on the whole history and sets the point
 * forecasts, intervals, scores and parts of f (made for v's horizon).
 * Returns WFM_OK or WFM_EINTERNAL (out of memory, with `e` set). */
int wfm_fc_select_and_fit(const struct fc_view *v, const wfm_fc_options *o, wfm_fc_daily *f,
			  wfm_err *e);

#endif
