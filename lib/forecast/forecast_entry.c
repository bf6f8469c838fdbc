/* forecast_entry.c - the entry point of the daily forecast (its input
 * checks and result) and the small public helpers; the backtest, the choice
 * of a model and the fallback for short series are in forecast_select.c. */
#include "forecast_impl.h"

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
