/* forecast_entry.c - the entry point of the daily forecast (checks, the
 * result, the fallback for short series) and the small public helpers; the
 * backtest and the choice of a model are in forecast_select.c. */
#include "forecast_impl.h"

#include <gsl/gsl_cdf.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MIN_OPEN 21      /* open days with data below which: fallback */

static const char *const model_names[] = {
	"snaive", "meanwd", "ets", "reg", "reg-week", "ets+reg", "mean+ets+reg", "top2-mean",
	"fallback"
};

const char *wfm_fc_model_name(int model)
{
	if (model < 0 || model > WFM_FC_FALLBACK)
		return "?";
	return model_names[model];
}

void wfm_fc_options_default(wfm_fc_options *o)
{
	o->level = 0.8;
	o->origins = 12;
	o->horizon = 0;
	o->model = -1;
	o->max_train = 1100;
}

void wfm_fc_daily_free(wfm_fc_daily *f)
{
	if (!f)
		return;
	free(f->point);
	free(f->lo);
	free(f->hi);
	free(f->state);
	free(f);
}

/* GSL's inverse of the standard normal distribution function. */
double wfm_fc_norm_q(double p)
{
	if (p <= 0)
		return -HUGE_VAL;
	if (p >= 1)
		return HUGE_VAL;
	return gsl_cdf_ugaussian_Pinv(p);
}

static wfm_fc_daily *daily_new(const wfm_fc_series *s, double level)
{
	wfm_fc_daily *f = calloc(1, sizeof *f);
	size_t h = (size_t)(s->n - s->n_hist) + 1;

	if (!f)
		return NULL;
	f->first = s->first + s->n_hist;
	f->h = s->n - s->n_hist;
	f->level = level;
	f->point = calloc(h, sizeof *f->point);
	f->lo = calloc(h, sizeof *f->lo);
	f->hi = calloc(h, sizeof *f->hi);
	f->state = calloc(h, 1);
	if (!f->point || !f->lo || !f->hi || !f->state) {
		wfm_fc_daily_free(f);
		return NULL;
	}
	if (f->h)
		memcpy(f->state, s->state + s->n_hist, (size_t)f->h);
	for (int m = 0; m < WFM_FC_NMODELS; m++)
		f->scores[m].model = m;
	for (int k = 0; k < WFM_FC_MAX_EFFECTS; k++)
		f->effect[k] = 1;
	return f;
}

/* Short series: mean of the observed same weekdays (of all observed days
 * when the weekday has none); interval from the spread of the observations
 * around those means on the log scale, growing with the horizon, or Poisson
 * when there are fewer than 3 observations. */
void wfm_fc_fallback(const struct fc_view *v, double level, wfm_fc_daily *f)
{
	double sum[7] = {0}, all = 0, ss = 0, z = wfm_fc_norm_q((1 + level) / 2);
	int cnt[7] = {0}, nall = 0, t, j, wd;

	for (t = 0; t < v->n; t++)
		if (wfm_fc_obs(v, t)) {
			wd = wfm_date_weekday(v->first + t);
			sum[wd] += v->y[t];
			cnt[wd]++;
			all += v->y[t];
			nall++;
		}
	for (t = 0; t < v->n; t++)
		if (wfm_fc_obs(v, t)) {
			wd = wfm_date_weekday(v->first + t);
			double d = log1p(v->y[t]) -
				   log1p(cnt[wd] > 1 ? sum[wd] / cnt[wd] : all / nall);
			ss += d * d;
		}
	for (j = 0; j < v->h; j++) {
		double m, sd;
		t = v->n + j;
		wd = wfm_date_weekday(v->first + t);
		if (v->st[t] != WFM_FC_OPEN)
			continue;
		m = cnt[wd] ? sum[wd] / cnt[wd] : all / nall;
		f->point[j] = m;
		if (nall >= 3) {
			sd = sqrt(ss / (nall - 1) * (1 + 1.0 / nall) *
				  (1 + j / 28.0));
			wfm_fc_set_interval(m, -z * sd, z * sd, &f->lo[j], &f->hi[j]);
		} else {
			f->lo[j] = m - z * sqrt(m) > 0 ? m - z * sqrt(m) : 0;
			f->hi[j] = m + z * sqrt(m);
		}
	}
	f->model = WFM_FC_FALLBACK;
	f->warnings |= WFM_FC_WARN_SHORT;
}

static int check_input(const wfm_fc_series *s, const wfm_fc_options *o,
		       int *nobs, wfm_err *e)
{
	int t;

	if (!s || s->n_hist < 0 || s->n < s->n_hist || !s->state ||
	    (s->n_hist > 0 && !s->value))
		return wfm_err_set(e, WFM_EUSAGE, "forecast: bad series");
	if (!(o->level > 0 && o->level < 1) || o->origins < 1 ||
	    o->horizon < 0 || o->model >= WFM_FC_NMODELS || o->max_train < 28)
		return wfm_err_set(e, WFM_EUSAGE, "forecast: bad options");
	*nobs = 0;
	for (t = 0; t < s->n; t++) {
		char buf[16];
		if (s->state[t] > WFM_FC_MISSING)
			return wfm_err_set(e, WFM_EUSAGE,
					   "forecast: bad day state %d",
					   s->state[t]);
		if (t >= s->n_hist || s->state[t] != WFM_FC_OPEN)
			continue;
		if (!(s->value[t] >= 0) || !isfinite(s->value[t]))
			return wfm_err_set(e, WFM_EDATA,
					   "%s: bad volume %g",
					   wfm_date_iso(s->first + t, buf),
					   s->value[t]);
		*nobs += !s->flags || !(s->flags[t] & WFM_FC_EXCLUDE);
	}
	if (*nobs == 0)
		return wfm_err_set(e, WFM_EDATA,
				   "no open day with data in the history");
	return WFM_OK;
}

int wfm_fc_forecast(const wfm_fc_series *s, const wfm_fc_options *opt,
		    wfm_fc_daily **out, wfm_err *e)
{
	wfm_fc_options o;
	wfm_fc_daily *f = NULL;
	unsigned char *cls = NULL;
	struct fc_view v;
	int nobs = 0, rc;

	*out = NULL;
	if (opt)
		o = *opt;
	else
		wfm_fc_options_default(&o);
	if ((rc = check_input(s, &o, &nobs, e)))
		return rc;
	f = daily_new(s, o.level);
	cls = malloc((size_t)s->n + 1);
	if (!f || !cls) {
		rc = wfm_err_nomem(e);
		goto fail;
	}
	wfm_fc_classes(s->state, s->flags, s->n, s->first, cls);
	v.first = s->first;
	v.n = s->n_hist;
	v.h = s->n - s->n_hist;
	v.y = s->value;
	v.st = s->state;
	v.cls = cls;
	v.eff = s->effect;
	v.max_train = o.max_train;
	if (nobs < MIN_OPEN)
		wfm_fc_fallback(&v, o.level, f);
	else if ((rc = wfm_fc_select_and_fit(&v, &o, f, e)))
		goto fail;
	free(cls);
	*out = f;
	return WFM_OK;
fail:
	free(cls);
	wfm_fc_daily_free(f);
	return rc;
}
