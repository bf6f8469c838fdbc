/* forecast_select.c - rolling-origin backtest of the candidate models, the
 * choice of one per series, prediction intervals from its out-of-sample
 * errors, and the fallback for short series (the entry point:
 * forecast_entry.c). */
#include "forecast_impl.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_math.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MIN_TRAIN 28     /* open days with data before a backtest origin */
#define BIN 7            /* days per horizon bin of the intervals */
#define BIN_MIN 20       /* errors a bin needs before it borrows neighbours */
#define NBASE WFM_FC_ETS_REG /* base models: those before the combinations */

/* GSL's inverse of the standard normal distribution function. */
double wfm_fc_norm_q(double p)
{
	if (p <= 0)
		return -HUGE_VAL;
	if (p >= 1)
		return HUGE_VAL;
	return gsl_cdf_ugaussian_Pinv(p);
}

/* One backtest error: which origin, how many days ahead (0-based), and the
 * log ratio log1p(actual) - log1p(forecast). */
struct bt_err {
	int origin, ahead;
	double lr;
};

/* Interval half-widths per horizon bin from the errors of the origins
 * other than `skip` and older than `newer` (origin index above it; -1:
 * all): qlo[b] = -q, qhi[b] = q for q the `level` quantile of the absolute
 * log errors of bin b (borrowing neighbouring bins below BIN_MIN errors)
 * times `scale`, never shrinking with b.  Symmetric on the log scale: the
 * backtest's bias changes from one period to the next (a series that grew
 * through the backtest falls through the forecast), and quantiles per side
 * carried it into intervals that missed mostly on one side. */
static void bin_quantiles(const struct bt_err *er, int n, int skip, int newer,
			  int nbins, double level, double scale, double *qlo,
			  double *qhi, double *buf)
{
	int b, i, k, wide;

	for (b = 0; b < nbins; b++) {
		for (wide = 0;; wide++) {
			k = 0;
			for (i = 0; i < n; i++) {
				int eb = er[i].ahead / BIN;
				if (er[i].origin != skip && er[i].origin > newer &&
				    eb >= b - wide && eb <= b + wide)
					buf[k++] = fabs(er[i].lr);
			}
			if (k >= BIN_MIN || wide > nbins)
				break;
		}
		qhi[b] = k ? scale * wfm_fc_quantile(buf, k, level) : 0;
		if (b > 0 && qhi[b] < qhi[b - 1])
			qhi[b] = qhi[b - 1];
		qlo[b] = -qhi[b];
	}
}

/* The log-scale interval offsets for `ahead` days ahead: the bin's, growing
 * as sqrt beyond the last bin. */
static void offsets(const double *qlo, const double *qhi, int nbins, int ahead,
		    double *lo, double *hi)
{
	int b = ahead / BIN;
	double g = 1;

	if (b >= nbins) {
		g = sqrt((ahead + 0.5) / (nbins * BIN - BIN / 2.0));
		b = nbins - 1;
	}
	*lo = qlo[b] * g;
	*hi = qhi[b] * g;
}

void wfm_fc_set_interval(double f, double qlo, double qhi, double *lo, double *hi)
{
	*lo = (1 + f) * exp(qlo) - 1;
	*hi = (1 + f) * exp(qhi) - 1;
	if (*lo < 0)
		*lo = 0;
	if (*lo > f)
		*lo = f;
	if (*hi < f)
		*hi = f;
}

/* One view of the series to forecast from: `v` with the history adjusted
 * for the known effects, `vy` the same divided by the yearly ratio yr (the
 * models other than the regression work on it). */
struct fc_ctx {
	struct fc_view v, vy;
	double *yr, *ya, *yy;  /* n + h ratios; n and n adjusted values */
	unsigned parts;        /* the models of WFM_FC_TOP2_MEAN (bit per model) */
};

/* Fills c for view `v` (effects into fac/cnt); the buffers of c are
 * allocated by the caller for views up to that length. */
static int ctx_make(const struct fc_view *v, double *fac, int *cnt, struct fc_ctx *c,
		    double *scratch, wfm_err *e)
{
	int t, rc;

	wfm_fc_effects(v, fac, cnt, c->ya, &c->v);
	if ((rc = wfm_fc_yearly(&c->v, c->yr, scratch, e)))
		return rc;
	c->vy = c->v;
	for (t = 0; t < v->n; t++)
		c->yy[t] = wfm_fc_obs(v, t) ? c->v.y[t] / c->yr[t] : 0;
	c->vy.y = c->yy;
	return WFM_OK;
}

static int base_run(int m, const struct fc_ctx *c, double *out, wfm_err *e)
{
	int j, rc;

	if (m == WFM_FC_REG || m == WFM_FC_REG_WEEK)
		return wfm_fc_model_run(m, &c->v, out, e);
	rc = wfm_fc_model_run(m, &c->vy, out, e);
	for (j = 0; rc == WFM_OK && j < c->v.h; j++)
		out[j] *= c->yr[c->v.n + j];
	return rc;
}

/* The models of a combination (bit 1u << m per model m) of `cx`. */
static unsigned model_parts(int model, const struct fc_ctx *cx)
{
	switch (model) {
	case WFM_FC_ETS_REG:
		return 1u << WFM_FC_ETS | 1u << WFM_FC_REG;
	case WFM_FC_MEAN_ETS_REG:
		return 1u << WFM_FC_MEANWD | 1u << WFM_FC_ETS | 1u << WFM_FC_REG;
	case WFM_FC_TOP2_MEAN:
		return cx->parts;
	default:
		return 1u << model;
	}
}

/* Forecasts with a base model or a combination, into out[0..v->h-1].
 * base[m] caches base forecasts (NULL entries are computed into the given
 * buffers); returns WFM_OK, FC_NA or an error. */
static int run_model(int model, const struct fc_ctx *cx, double *base[NBASE],
		     int have[NBASE], double *out, wfm_err *e)
{
	const struct fc_view *v = &cx->v;
	unsigned parts = model_parts(model, cx);
	int j, m, np = 0, rc;

	if (model < WFM_FC_ETS_REG) {
		if (!have[model]) {
			rc = base_run(model, cx, base[model], e);
			have[model] = rc == WFM_OK ? 1 : -1;
			if (rc != WFM_OK && rc != FC_NA)
				return rc;
		}
		if (have[model] < 0)
			return FC_NA;
		memcpy(out, base[model], sizeof *out * (size_t)v->h);
		return WFM_OK;
	}
	for (m = 0; m < NBASE; m++)
		np += (parts >> m) & 1;
	if (np == 0)
		return FC_NA;
	for (j = 0; j < v->h; j++)
		out[j] = 0;
	for (m = 0; m < NBASE; m++) {
		if (!((parts >> m) & 1))
			continue;
		if (!have[m]) {
			rc = base_run(m, cx, base[m], e);
			have[m] = rc == WFM_OK ? 1 : -1;
			if (rc != WFM_OK && rc != FC_NA)
				return rc;
		}
		if (have[m] < 0)
			return FC_NA;
		for (j = 0; j < v->h; j++)
			out[j] += base[m][j] / np;
	}
	return WFM_OK;
}

struct bt {
	struct bt_err *err[WFM_FC_NMODELS];
	int nerr[WFM_FC_NMODELS];
	double abs[WFM_FC_NMODELS], dev[WFM_FC_NMODELS], act[WFM_FC_NMODELS];
	int origins, horizon, nbins;
	unsigned parts; /* the subset of WFM_FC_TOP2_MEAN */
};

static void bt_release(struct bt *b)
{
	int m;

	for (m = 0; m < WFM_FC_NMODELS; m++)
		free(b->err[m]);
}

/* One backtest error of model m at origin k, `ahead` days ahead. */
static void bt_add(struct bt *b, int m, int k, int ahead, double y, double f)
{
	b->abs[m] += fabs(y - f);
	b->dev[m] += f - y;
	b->act[m] += y;
	b->err[m][b->nerr[m]].origin = k;
	b->err[m][b->nerr[m]].ahead = ahead;
	b->err[m][b->nerr[m]++].lr = log1p(y) - log1p(f);
}

/* The models WFM_FC_TOP2_MEAN chooses from. */
#define TOP2_POOL (1u << WFM_FC_MEANWD | 1u << WFM_FC_ETS | 1u << WFM_FC_REG | \
		   1u << WFM_FC_REG_WEEK)

/* WFM_FC_TOP2_MEAN from the backtest's base forecasts pf[m][k * H + j]
 * (NAN: not run) and actuals py[k * H + j] (NAN: no data): the two models
 * of TOP2_POOL with the lowest mean absolute error over their own backtest
 * days (ties: the lower model), and the errors of their equal-weight mean
 * over the days both forecast into b.  The pair rests on the members' own
 * scores, not on the mean's: the mean's score is not the best of many means
 * scored on the same errors (which flattered such a score, and narrowed its
 * intervals). */
static void top2_mean(struct bt *b, double *const pf[NBASE], const double *py, int K, int H)
{
	int i, m, first = -1, second = -1;
	unsigned best = 0;

	for (m = 0; m < NBASE; m++) {
		if (!((TOP2_POOL >> m) & 1) || !b->nerr[m])
			continue;
		if (first < 0 || b->abs[m] / b->nerr[m] < b->abs[first] / b->nerr[first]) {
			second = first;
			first = m;
		} else if (second < 0 ||
			   b->abs[m] / b->nerr[m] < b->abs[second] / b->nerr[second]) {
			second = m;
		}
	}
	if (second >= 0)
		best = 1u << first | 1u << second;
	b->parts = best;
	for (i = 0; best && i < K * H; i++) {
		double f = 0;
		int ok = !isnan(py[i]);
		for (m = 0; ok && m < NBASE; m++)
			if ((best >> m) & 1) {
				ok = !isnan(pf[m][i]);
				f += ok ? pf[m][i] : 0;
			}
		if (ok)
			bt_add(b, WFM_FC_TOP2_MEAN, i / H, i % H, py[i], f / 2);
	}
}

/* Runs every candidate from each origin; fills the error lists. */
static int backtest(const struct fc_view *full, int K, int H, struct bt *b,
		    wfm_err *e)
{
	double *buf = NULL, *base[NBASE] = {0}, *ya = NULL, fac[WFM_FC_MAX_EFFECTS];
	double *pf[NBASE], *py = NULL;
	/* origins four weeks apart (two for short horizons), so that 12 of
	 * them see most of a year */
	int step = BIN * (H / 14 > 4 ? H / 14 : H >= 28 ? 4 : 2), k, m, j, rc = WFM_OK;
	int nobs, t, o, cnt[WFM_FC_MAX_EFFECTS];
	struct fc_ctx cx;

	/* a history too short for K origins that far apart gets them a week
	 * apart: a choice and intervals from a handful of origins are noise */
	o = full->n - H - step * (K - 1);
	for (nobs = 0, t = 0; t < o; t++)
		nobs += wfm_fc_obs(full, t);
	if (o <= 0 || nobs < MIN_TRAIN)
		step = BIN;
	memset(b, 0, sizeof *b);
	b->horizon = H;
	b->nbins = (H + BIN - 1) / BIN;
	ya = malloc(sizeof *ya * ((size_t)full->n * 3 + (size_t)H + 3));
	buf = ya ? malloc(sizeof *buf * (size_t)H * (NBASE + 2)) : NULL;
	/* every base model's backtest forecasts and the actuals, for
	 * WFM_FC_TOP2_MEAN */
	py = buf ? malloc(sizeof *py * ((size_t)K * H * (NBASE + 1) + 1)) : NULL;
	if (!py)
		buf = (free(buf), NULL);
	cx.ya = ya;
	cx.parts = 0;
	cx.yy = ya ? ya + full->n + 1 : NULL;
	cx.yr = ya ? ya + 2 * (size_t)full->n + 2 : NULL;
	for (m = 0; m < WFM_FC_NMODELS; m++)
		b->err[m] = malloc(sizeof **b->err * (size_t)(K * H + 1));
	for (m = 0; m < WFM_FC_NMODELS; m++)
		if (!b->err[m])
			buf = (free(buf), NULL);
	if (!buf) {
		free(py);
		free(ya);
		return wfm_err_nomem(e);
	}
	for (m = 0; m < NBASE; m++)
		base[m] = buf + (size_t)(m + 1) * H;
	for (m = 0; m < NBASE; m++)
		pf[m] = py + (size_t)K * H * (m + 1);
	for (j = 0; j < K * H * (NBASE + 1); j++)
		py[j] = NAN;
	for (k = K - 1; k >= 0; k--) {
		struct fc_view v = *full;
		int have[NBASE] = {0}, used = 0;
		o = full->n - H - step * k;
		for (nobs = 0, t = 0; t < o; t++)
			nobs += wfm_fc_obs(full, t);
		if (o <= 0 || nobs < MIN_TRAIN)
			continue;
		v.n = o;
		v.h = H;
		if ((rc = ctx_make(&v, fac, cnt, &cx, buf + (size_t)(NBASE + 1) * H, e)))
			goto out;
		for (m = 0; m < WFM_FC_NMODELS; m++) {
			if (m == WFM_FC_TOP2_MEAN)
				continue; /* from the base forecasts, below */
			rc = run_model(m, &cx, base, have, buf, e);
			if (rc == FC_NA)
				continue;
			if (rc)
				goto out;
			used = 1;
			for (j = 0; j < H; j++) {
				double f = buf[j] * (v.eff ? fac[v.eff[o + j]] : 1);
				if (m < NBASE)
					pf[m][k * H + j] = f;
				if (!wfm_fc_obs(full, o + j))
					continue;
				py[k * H + j] = full->y[o + j];
				bt_add(b, m, k, j, full->y[o + j], f);
			}
		}
		b->origins += used;
	}
	top2_mean(b, pf, py, K, H);
	rc = WFM_OK;
out:
	free(py);
	free(buf);
	free(ya);
	return rc;
}

#define FWD_MIN 4 /* older origins an origin's forward check needs */

/* The calibration of the intervals: each origin with FWD_MIN or more
 * origins before it is judged by the half-widths of those older origins
 * only, as the forecast is judged by those of the whole backtest; the
 * scale is the `level` quantile of |error| / half-width over those errors,
 * so that the half-widths times it would have held `level` of them.  It
 * corrects what the past errors say about the next ones (errors of origins
 * with less history are larger; a steady series' errors are smaller than
 * the spread of a few origins suggests), within 0.6 .. 1.6; 1 with fewer
 * than 40 such errors. */
static double fwd_scale(const struct bt *b, int m, int K, double level, double *q,
			double *buf, double *u)
{
	const struct bt_err *er = b->err[m];
	int k, i, nu = 0, older;
	double s;

	for (k = K - 1 - FWD_MIN; k >= 0; k--) {
		for (older = 0, i = 0; i < b->nerr[m]; i++)
			older += er[i].origin > k;
		if (older < BIN_MIN)
			continue;
		bin_quantiles(er, b->nerr[m], -1, k, b->nbins, level, 1, q,
			      q + b->nbins, buf);
		for (i = 0; i < b->nerr[m]; i++) {
			double lo, hi;
			if (er[i].origin != k)
				continue;
			offsets(q, q + b->nbins, b->nbins, er[i].ahead, &lo, &hi);
			if (hi > 0)
				u[nu++] = fabs(er[i].lr) / hi;
		}
	}
	if (nu < 40)
		return 1;
	s = wfm_fc_quantile(u, nu, level);
	return s < 0.6 ? 0.6 : s > 1.6 ? 1.6 : s;
}

/* Coverage of each model's intervals, each origin judged by the
 * half-widths of the other origins (leave one origin out) times the
 * model's calibration scale (fwd_scale, into *scale). */
static int coverage(const struct bt *b, int m, int K, double level,
		    double *cov, double *scale, wfm_err *e)
{
	double *qlo = malloc(sizeof *qlo * (size_t)b->nbins * 2);
	double *buf = malloc(sizeof *buf * (size_t)(b->nerr[m] + 1) * 2);
	int k, i, in = 0, tot = 0;

	if (!qlo || !buf) {
		free(qlo);
		free(buf);
		return wfm_err_nomem(e);
	}
	*scale = fwd_scale(b, m, K, level, qlo, buf, buf + b->nerr[m] + 1);
	for (k = 0; k < K; k++) {
		bin_quantiles(b->err[m], b->nerr[m], k, -1, b->nbins, level, *scale,
			      qlo, qlo + b->nbins, buf);
		for (i = 0; i < b->nerr[m]; i++) {
			const struct bt_err *x = &b->err[m][i];
			double lo, hi;
			if (x->origin != k)
				continue;
			offsets(qlo, qlo + b->nbins, b->nbins, x->ahead, &lo, &hi);
			tot++;
			/* within 1e-6 (relative): a constant series leaves the models
			 * errors of that order */
			in += x->lr >= lo - 1e-6 && x->lr <= hi + 1e-6;
		}
	}
	*cov = tot ? (double)in / tot : 0;
	free(qlo);
	free(buf);
	return WFM_OK;
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

int wfm_fc_select_and_fit(const struct fc_view *v, const wfm_fc_options *o,
			  wfm_fc_daily *f, wfm_err *e)
{
	struct bt b;
	struct fc_ctx cx;
	struct fc_view bv = *v;
	double *base[NBASE], *buf, *q = NULL, *ya, best = HUGE_VAL, scale;
	double iscale[WFM_FC_NMODELS];
	int have[NBASE] = {0}, m, j, rc, K = o->origins, H, chosen = -1, gap;

	H = o->horizon ? o->horizon : (v->h > 0 && v->h < 56 ? v->h : 56);
	/* the backtest ends where the data end when a week or more of open
	 * days without data lies between the last observation and the
	 * forecast (a forecast from a later date): origins in that stretch
	 * would have nothing to score */
	for (bv.n = v->n, j = 0; bv.n > 0 && !wfm_fc_obs(v, bv.n - 1); bv.n--)
		j += v->st[bv.n - 1] != WFM_FC_CLOSED;
	if (j < 7)
		bv.n = v->n;
	gap = v->n - bv.n;
	f->gap = gap;
	/* shorter when the history leaves no origin for it */
	for (;;) {
		if ((rc = backtest(&bv, K, H, &b, e)))
			goto out_bt;
		if (b.origins > 0 || H <= 7)
			break;
		bt_release(&b);
		H = H / 2 > 7 ? H / 2 : 7;
	}
	scale = wfm_fc_snaive_mae(v);
	for (m = 0; m < WFM_FC_NMODELS; m++)
		iscale[m] = 1;
	for (m = 0; m < WFM_FC_NMODELS; m++) {
		wfm_fc_score *sc = &f->scores[m];
		sc->points = b.nerr[m];
		if (!sc->points)
			continue;
		sc->wape = b.act[m] > 0 ? b.abs[m] / b.act[m] : 0;
		sc->bias = b.act[m] > 0 ? b.dev[m] / b.act[m] : 0;
		sc->mase = scale > 0 ? b.abs[m] / sc->points / scale : sc->wape;
		if ((rc = coverage(&b, m, K, o->level, &sc->coverage, &iscale[m], e)))
			goto out_bt;
		if (sc->mase < best - 1e-12) {
			best = sc->mase;
			chosen = m;
		}
	}
	/* a fixed combination unless a single model is clearly better: they
	 * are steadier from one origin to the next than the best single model
	 * of a backtest.  Not so top2-mean: it adapts its members to the
	 * backtest already, and wins on its score alone */
	{
		const double tol = 0.05;
		int cb = -1;
		for (m = WFM_FC_ETS_REG; m <= WFM_FC_MEAN_ETS_REG; m++)
			if (f->scores[m].points && (cb < 0 || f->scores[m].mase < f->scores[cb].mase))
				cb = m;
		if (chosen >= 0 && chosen < WFM_FC_ETS_REG && cb >= 0 &&
		    f->scores[cb].mase <= best * (1 + tol))
			chosen = cb;
	}
	f->parts = b.parts;
	f->origins = b.origins;
	f->horizon = H;
	if (o->model >= 0)
		chosen = o->model;
	if (chosen < 0 || b.nerr[chosen] == 0) {
		f->warnings |= WFM_FC_WARN_NO_BACKTEST;
		if (chosen < 0)
			chosen = WFM_FC_MEANWD;
	}
	buf = malloc(sizeof *buf * ((size_t)v->h * (NBASE + 1) + 1));
	for (j = 0, m = 0; m < WFM_FC_NMODELS; m++)
		j = b.nerr[m] > j ? b.nerr[m] : j;
	q = malloc(sizeof *q * ((size_t)b.nbins * 2 + (size_t)j + 1));
	if (!buf || !q) {
		free(buf);
		rc = wfm_err_nomem(e);
		goto out_bt;
	}
	for (m = 0; m < NBASE; m++)
		base[m] = buf + (size_t)(m + 1) * v->h;
	if (!(ya = malloc(sizeof *ya * ((size_t)v->n * 3 + (size_t)v->h * 2 + 3)))) {
		free(buf);
		rc = wfm_err_nomem(e);
		goto out_bt;
	}
	cx.ya = ya;
	cx.yy = ya + v->n + 1;
	cx.yr = ya + 2 * (size_t)v->n + 2;
	cx.parts = b.parts;
	if ((rc = ctx_make(v, f->effect, f->effect_days, &cx, cx.yr + v->n + v->h, e))) {
		free(buf);
		free(ya);
		goto out_bt;
	}
	rc = run_model(chosen, &cx, base, have, buf, e);
	if (rc == FC_NA && chosen != WFM_FC_MEANWD) {
		f->warnings |= WFM_FC_WARN_NO_BACKTEST;
		chosen = WFM_FC_MEANWD;
		rc = run_model(chosen, &cx, base, have, buf, e);
	}
	if (rc == WFM_OK) {
		f->model = chosen;
		f->scores[chosen].selected = 1;
		for (j = 0; j < v->h; j++)
			f->point[j] = buf[j] * (v->eff ? f->effect[v->eff[v->n + j]] : 1);
	}
	free(buf);
	free(ya);
	if (rc)
		goto out_bt;
	if (b.nerr[chosen] == 0) {
		/* no out-of-sample errors: the fallback's interval */
		wfm_fc_daily tmp = *f;
		double *keep = malloc(sizeof *keep * ((size_t)v->h + 1));
		if (!keep) {
			rc = wfm_err_nomem(e);
			goto out_bt;
		}
		memcpy(keep, f->point, sizeof *keep * (size_t)v->h);
		wfm_fc_fallback(v, o->level, &tmp);
		for (j = 0; j < v->h; j++) {
			double rl = tmp.point[j] > 0 ? tmp.lo[j] / tmp.point[j] : 1;
			double rh = tmp.point[j] > 0 ? tmp.hi[j] / tmp.point[j] : 1;
			f->point[j] = keep[j];
			f->lo[j] = keep[j] * rl;
			f->hi[j] = keep[j] * rh;
		}
		free(keep);
		f->model = chosen;
		f->warnings = WFM_FC_WARN_NO_BACKTEST;
		goto out_bt;
	}
	bin_quantiles(b.err[chosen], b.nerr[chosen], -1, -1, b.nbins, o->level,
		      iscale[chosen], q, q + b.nbins, q + 2 * b.nbins);
	for (j = 0; j < v->h; j++) {
		double lo, hi;
		if (v->st[v->n + j] != WFM_FC_OPEN)
			continue;
		offsets(q, q + b.nbins, b.nbins, gap + j, &lo, &hi);
		wfm_fc_set_interval(f->point[j], lo, hi, &f->lo[j], &f->hi[j]);
	}
out_bt:
	free(q);
	bt_release(&b);
	return rc;
}
