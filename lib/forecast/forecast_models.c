/* forecast_models.c - the base daily models: seasonal naive, mean of recent
 * same weekdays, exponential smoothing with a weekly season, and a robust
 * regression with weekday, yearly Fourier, holiday and catch-up terms.
 *
 * All models except the regression work on "normal" open days and correct
 * special days (open holidays, days after irregular closures) with factors
 * learnt from the history (special_factors).  ETS works on log(1 + y), so
 * its weekly pattern acts multiplicatively; the regression works on the
 * square-root scale (Box-Cox 0.5 of 1 + y, which steadies the variance of
 * counts), with a piecewise-linear yearly trend so that the yearly shape is
 * not confused with year-to-year level changes.
 */
#include "forecast_impl.h"

#include <gsl/gsl_errno.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_matrix.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MEANWD_K 4          /* same weekdays averaged by MEANWD */
#define YEAR_DAYS 365.2425
#define REG_FOURIER_LONG 10 /* yearly harmonics with two years of data */
#define REG_FOURIER_SHORT 3 /* ... with one year */
#define REG_ITER 20         /* IRLS iterations at most */
#define REG_PHI 0.98        /* damping of the residual trend */
#define REG_LAMBDA 0.5      /* Box-Cox of the regression: square root */
#define REG_WEEK_AHEAD 7    /* REG_WEEK: its level fitted on errors this many
			     * fitted days ahead */

void wfm_fc_catchup(const unsigned char *state, int n, wfm_date first,
		    unsigned char *catchup)
{
	int closed[7] = {0}, total[7] = {0};
	int i, run = 0;

	for (i = 0; i < n; i++) {
		int wd = wfm_date_weekday(first + i);
		total[wd]++;
		closed[wd] += state[i] == WFM_FC_CLOSED;
	}
	for (i = 0; i < n; i++) {
		int wd = wfm_date_weekday(first + i);
		if (state[i] == WFM_FC_CLOSED) {
			if (2 * closed[wd] < total[wd] && run < 255)
				run++;
			catchup[i] = 0;
			continue;
		}
		catchup[i] = state[i] == WFM_FC_OPEN ? (unsigned char)run : 0;
		run = 0;
	}
}

void wfm_fc_classes(const unsigned char *state, const unsigned char *flags, int n,
		wfm_date first, unsigned char *cls)
{
	int i, miss[7] = {0}, open[7] = {0}, gap = 0, gwd = 0;

	for (i = 0; i < n; i++) {
		int wd = wfm_date_weekday(first + i);
		open[wd] += state[i] != WFM_FC_CLOSED;
		miss[wd] += state[i] == WFM_FC_MISSING;
	}
	wfm_fc_catchup(state, n, first, cls);
	for (i = 0; i < n; i++) {
		unsigned f = flags ? flags[i] : 0;
		int run = cls[i];
		if (f & WFM_FC_EXCLUDE)
			cls[i] = FC_EXCL;
		else if (f & WFM_FC_HOLIDAY)
			cls[i] = FC_HOL;
		else if (state[i] == WFM_FC_OPEN && gap >= 1 && gap <= FC_GAP_MAX &&
			 2 * miss[gwd] < open[gwd])
			cls[i] = FC_AFTERGAP;
		else if (run >= 2)
			cls[i] = FC_AFTER2;
		else if (run == 1)
			cls[i] = FC_AFTER1;
		else
			cls[i] = FC_NORMAL;
		/* open days without data since the last open day with data
		 * (closed days between them do not end the run) */
		if (state[i] == WFM_FC_MISSING) {
			gap++;
			gwd = wfm_date_weekday(first + i);
		} else if (state[i] == WFM_FC_OPEN) {
			gap = 0;
		}
	}
}

int wfm_fc_obs(const struct fc_view *v, int t)
{
	return t >= 0 && t < v->n && v->st[t] == WFM_FC_OPEN &&
	       v->cls[t] != FC_EXCL;
}

/* A normal open day with data in the training window. */
static int normal_obs(const struct fc_view *v, int t0, int t)
{
	return t >= t0 && wfm_fc_obs(v, t) && v->cls[t] == FC_NORMAL;
}

/* Box-Cox of 1 + y: log when lambda is 0. */
static double tr_fwd(double y, double lambda)
{
	return lambda == 0 ? log1p(y) : (pow(1 + y, lambda) - 1) / lambda;
}

static double tr_inv(double z, double lambda)
{
	double b;

	if (lambda == 0)
		return expm1(z);
	b = 1 + lambda * z;
	return b > 0 ? pow(b, 1 / lambda) - 1 : 0;
}

static int train_start(const struct fc_view *v)
{
	return v->n > v->max_train ? v->n - v->max_train : 0;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

double wfm_fc_quantile(double *v, int n, double q)
{
	double pos;
	int i;

	if (n <= 0)
		return 0;
	qsort(v, (size_t)n, sizeof *v, cmp_double);
	pos = q * (n - 1);
	i = (int)floor(pos);
	if (i >= n - 1)
		return v[n - 1];
	return v[i] + (pos - i) * (v[i + 1] - v[i]);
}

/* Multiplicative effect of each special class: the median log ratio of such
 * days to the normal same weekdays one and two weeks around them, shrunk
 * towards 0 by k/(k+1) for k occurrences.  fac[FC_NORMAL] is 1. */
static int special_factors(const struct fc_view *v, double *fac, wfm_err *e)
{
	int t0 = train_start(v), c, t, k, d;
	double *lr = malloc(sizeof *lr * (size_t)(v->n + 1));

	if (!lr)
		return wfm_err_nomem(e);
	fac[FC_NORMAL] = 1;
	for (c = 1; c < FC_NCLASS; c++) {
		k = 0;
		for (t = t0; t < v->n; t++) {
			double sum = 0;
			int cnt = 0;
			if (!wfm_fc_obs(v, t) || v->cls[t] != c)
				continue;
			for (d = -14; d <= 14; d += 7)
				if (d && normal_obs(v, t0, t + d)) {
					sum += v->y[t + d];
					cnt++;
				}
			if (cnt >= 2)
				lr[k++] = log1p(v->y[t]) - log1p(sum / cnt);
		}
		fac[c] = k ? exp(wfm_fc_quantile(lr, k, 0.5) * k / (k + 1.0)) :
			 (c == FC_AFTER2 ? fac[FC_AFTER1] : 1.0);
	}
	free(lr);
	return WFM_OK;
}

/* Mean of the `k` newest normal observations on weekday `wd` (any weekday
 * when wd < 0) before day n; 0 observations give -1. */
static double recent_mean(const struct fc_view *v, int t0, int wd, int k)
{
	double sum = 0;
	int t, cnt = 0;

	for (t = v->n - 1; t >= t0 && cnt < k; t--)
		if (normal_obs(v, t0, t) &&
		    (wd < 0 || wfm_date_weekday(v->first + t) == wd)) {
			sum += v->y[t];
			cnt++;
		}
	return cnt ? sum / cnt : -1;
}

double wfm_fc_snaive_mae(const struct fc_view *v)
{
	double last[7], sum = 0;
	int seen[7] = {0}, t, cnt = 0;

	for (t = 0; t < v->n; t++) {
		int wd = wfm_date_weekday(v->first + t);
		if (!normal_obs(v, 0, t))
			continue;
		if (seen[wd]) {
			sum += fabs(v->y[t] - last[wd]);
			cnt++;
		}
		last[wd] = v->y[t];
		seen[wd] = 1;
	}
	return cnt ? sum / cnt : 0;
}

/* SNAIVE (k = 1) and MEANWD (k = MEANWD_K). */
static int run_recent(const struct fc_view *v, int k, double *out, wfm_err *e)
{
	double fac[FC_NCLASS], wdv[7], any;
	int t0 = train_start(v), wd, j, rc;

	if ((rc = special_factors(v, fac, e)))
		return rc;
	any = recent_mean(v, t0, -1, 7);
	if (any < 0)
		return FC_NA;
	for (wd = 0; wd < 7; wd++) {
		wdv[wd] = recent_mean(v, t0, wd, k);
		if (wdv[wd] < 0)
			wdv[wd] = any;
	}
	for (j = 0; j < v->h; j++) {
		int t = v->n + j, c = v->cls[t];
		if (v->st[t] != WFM_FC_OPEN) {
			out[j] = 0;
			continue;
		}
		out[j] = wdv[wfm_date_weekday(v->first + t)] *
			 (c < FC_NCLASS ? fac[c] : 1.0);
	}
	return WFM_OK;
}

/* ---- exponential smoothing ---------------------------------------------- */

struct ets_par {
	double alpha, gamma, beta, phi;
};

/* The series prepared for ETS: z = log1p(y) on normal observations, NAN on
 * other days, and the weekday of each day, for days t0..n-1. */
struct ets_data {
	int len;
	double *z;
	unsigned char *wd;
};

/* Runs additive Holt-Winters with a weekday season over the prepared days:
 * the state moves on every day, is corrected on observations only, with
 * errors clipped at 4 running mean absolute errors.  Returns the sum of
 * squared one-step errors after a 4-week warm-up and leaves the final state
 * in l, b, s. */
static double ets_pass(const struct ets_data *d, const struct ets_par *p,
		       double *l, double *b, double *s)
{
	double sse = 0, mae = 0.1, sum[7] = {0}, tot = 0, phi = p->phi;
	int t, wd, cnt[7] = {0}, nobs = 0;

	/* start: level and weekday offsets from the first 4 weeks */
	for (t = 0; t < d->len && t < 28; t++)
		if (!isnan(d->z[t])) {
			sum[d->wd[t]] += d->z[t];
			cnt[d->wd[t]]++;
			tot += d->z[t];
			nobs++;
		}
	*l = nobs ? tot / nobs : 0;
	*b = 0;
	for (wd = 0; wd < 7; wd++)
		s[wd] = cnt[wd] ? sum[wd] / cnt[wd] - *l : 0;
	for (t = 0; t < d->len; t++) {
		double err;
		*l += phi * *b;
		*b *= phi;
		if (isnan(d->z[t]))
			continue;
		wd = d->wd[t];
		err = d->z[t] - *l - s[wd];
		if (t >= 28)
			sse += err * err;
		if (err > 4 * mae)
			err = 4 * mae;
		else if (err < -4 * mae)
			err = -4 * mae;
		mae = 0.95 * mae + 0.05 * fabs(err);
		*l += p->alpha * err;
		*b += p->beta * err;
		s[wd] += p->gamma * err;
	}
	return sse;
}

static int run_ets(const struct fc_view *v, double *out, wfm_err *e)
{
	static const double alphas[] = {0.02, 0.05, 0.1, 0.2, 0.35, 0.5};
	static const double gammas[] = {0.01, 0.05, 0.15};
	static const double trends[][2] = {{0, 1}, {0.005, 0.9}, {0.02, 0.95}};
	struct ets_par best = {0.1, 0.05, 0, 1}, p;
	struct ets_data d;
	double fac[FC_NCLASS], bestsse = HUGE_VAL, l, b, s[7], damp;
	int t0 = train_start(v), i, k, m, j, nobs = 0, rc;

	for (i = t0; i < v->n; i++)
		nobs += normal_obs(v, t0, i);
	if (nobs < 14)
		return FC_NA;
	if ((rc = special_factors(v, fac, e)))
		return rc;
	d.len = v->n - t0;
	d.z = malloc(sizeof *d.z * (size_t)d.len);
	d.wd = malloc((size_t)d.len);
	if (!d.z || !d.wd) {
		free(d.z);
		free(d.wd);
		return wfm_err_nomem(e);
	}
	for (i = 0; i < d.len; i++) {
		d.wd[i] = (unsigned char)wfm_date_weekday(v->first + t0 + i);
		d.z[i] = normal_obs(v, t0, t0 + i) ? log1p(v->y[t0 + i]) : NAN;
	}
	for (i = 0; i < 6; i++)
		for (k = 0; k < 3; k++)
			for (m = 0; m < 3; m++) {
				double sse;
				p.alpha = alphas[i];
				p.gamma = gammas[k];
				p.beta = trends[m][0];
				p.phi = trends[m][1];
				sse = ets_pass(&d, &p, &l, &b, s);
				if (sse < bestsse) {
					bestsse = sse;
					best = p;
				}
			}
	ets_pass(&d, &best, &l, &b, s);
	free(d.z);
	free(d.wd);
	damp = 0;
	for (j = 0; j < v->h; j++) {
		int t = v->n + j, c = v->cls[t];
		double z;
		damp = damp * best.phi + best.phi;
		if (v->st[t] != WFM_FC_OPEN) {
			out[j] = 0;
			continue;
		}
		z = l + damp * b + s[wfm_date_weekday(v->first + t)];
		out[j] = expm1(z) * (c < FC_NCLASS ? fac[c] : 1.0);
		if (!(out[j] > 0))
			out[j] = 0;
	}
	return WFM_OK;
}

/* ---- robust regression -------------------------------------------------- */

int wfm_fc_robust_fit(const double *x, const double *y, const double *pw, int n,
		  int p, double *c, wfm_err *e)
{
	gsl_matrix *a = gsl_matrix_alloc((size_t)p, (size_t)p);
	gsl_vector *rhs = gsl_vector_alloc((size_t)p);
	double *w = malloc(sizeof *w * (size_t)n);
	double *r = malloc(sizeof *r * (size_t)n);
	double *old = malloc(sizeof *old * (size_t)p);
	double *acc = malloc(sizeof *acc * (size_t)(p * p + p));
	int it = 0, i, j, k, rc = WFM_OK;
	double sigma = 0;

	if (!a || !rhs || !w || !r || !old || !acc) {
		rc = wfm_err_nomem(e);
		goto out;
	}
	for (i = 0; i < n; i++)
		w[i] = pw ? pw[i] : 1;
	for (it = 0; it < REG_ITER; it++) {
		double change = 0;
		gsl_vector_view cv = gsl_vector_view_array(c, (size_t)p);
		memset(acc, 0, sizeof *acc * (size_t)(p * p + p));
		for (i = 0; i < n; i++) {
			const double *xi = x + (size_t)i * p;
			double *bj = acc + (size_t)p * p;
			if (w[i] <= 0)
				continue;
			for (j = 0; j < p; j++) {
				double wx = w[i] * xi[j], *row = acc + (size_t)j * p;
				if (wx == 0)
					continue;
				for (k = 0; k <= j; k++)
					row[k] += wx * xi[k];
				bj[j] += wx * y[i];
			}
		}
		for (j = 0; j < p; j++) {
			gsl_vector_set(rhs, (size_t)j, acc[(size_t)p * p + j]);
			for (k = 0; k <= j; k++) {
				double v = acc[(size_t)j * p + k];
				/* a tiny ridge keeps an unused dummy from failing */
				if (k == j)
					v += 1e-9 * n;
				gsl_matrix_set(a, (size_t)j, (size_t)k, v);
				gsl_matrix_set(a, (size_t)k, (size_t)j, v);
			}
		}
		memcpy(old, c, sizeof *old * (size_t)p);
		if (gsl_linalg_cholesky_decomp1(a) ||
		    gsl_linalg_cholesky_solve(a, rhs, &cv.vector)) {
			rc = FC_NA;
			goto out;
		}
		for (j = 0; j < p; j++)
			if (fabs(c[j] - old[j]) > change)
				change = fabs(c[j] - old[j]);
		if (it > 0 && change < 1e-2 * sigma)
			break;
		for (i = 0; i < n; i++) {
			double f = 0;
			for (j = 0; j < p; j++)
				f += x[(size_t)i * p + j] * c[j];
			r[i] = y[i] - f;
			w[i] = fabs(r[i]);
		}
		sigma = wfm_fc_quantile(w, n, 0.5) / 0.6745;
		if (!(sigma > 1e-12))
			break;
		for (i = 0; i < n; i++) {
			double u = r[i] / (4.685 * sigma);
			w[i] = fabs(u) < 1 ? (1 - u * u) * (1 - u * u) : 0;
			if (pw)
				w[i] *= pw[i];
		}
	}
out:
	gsl_matrix_free(a);
	gsl_vector_free(rhs);
	free(w);
	free(r);
	free(old);
	free(acc);
	return rc;
}

/* Column layout of the regression for one view. */
struct reg_design {
	int base_wd;      /* weekday absorbed by the intercept */
	int wd_col[7];    /* column of each weekday dummy, -1 none */
	int fourier;      /* harmonics */
	int four_col;     /* first Fourier column */
	int cls_col[FC_NCLASS]; /* column of each special class, -1 none */
	int knots;        /* yearly trend pieces: columns trend_col.. */
	int trend_col;
	wfm_date t_first, t_last; /* first and last fitted day */
	int nrec;         /* recurring special days found */
	float rec_fac[WFM_FC_NRECUR]; /* factor of each recurring key, 1 none */
	int p;
};

static void reg_row(const struct reg_design *d, wfm_date day, int cls,
		    double *row)
{
	int k, wd = wfm_date_weekday(day);
	double ang = 2 * M_PI * (double)day / YEAR_DAYS;

	memset(row, 0, sizeof *row * (size_t)d->p);
	row[0] = 1;
	if (d->wd_col[wd] >= 0)
		row[d->wd_col[wd]] = 1;
	for (k = 0; k < d->fourier; k++) {
		row[d->four_col + 2 * k] = sin((k + 1) * ang);
		row[d->four_col + 2 * k + 1] = cos((k + 1) * ang);
	}
	if (cls > FC_NORMAL && cls < FC_NCLASS && d->cls_col[cls] >= 0)
		row[d->cls_col[cls]] = 1;

	for (k = 0; k < d->knots; k++) {
		/* piecewise linear in time, flat after the last fitted day */
		double u = (double)((day < d->t_last ? day : d->t_last) -
				    d->t_first) / YEAR_DAYS - k;
		row[d->trend_col + k] = u > 0 ? u : 0;
	}
}

static int reg_usable(const struct reg_design *d, const struct fc_view *v,
		      int t)
{
	int c = v->cls[t], wd = wfm_date_weekday(v->first + t);
	return wfm_fc_obs(v, t) && (c == FC_NORMAL || d->cls_col[c] >= 0) &&
	       (d->wd_col[wd] >= 0 || wd == d->base_wd);
}

/* Picks the columns: weekday dummies and class dummies with at least two
 * rows, Fourier harmonics by the span of the window. */
static int reg_plan(const struct fc_view *v, int t0, struct reg_design *d,
		    int *rows)
{
	int wdcnt[7] = {0}, ccnt[FC_NCLASS] = {0}, t, wd, c, first = -1;
	int last = -1;

	for (t = t0; t < v->n; t++)
		if (wfm_fc_obs(v, t)) {
			wdcnt[wfm_date_weekday(v->first + t)]++;
			ccnt[v->cls[t]]++;
			if (first < 0)
				first = t;
			last = t;
		}
	if (first < 0)
		return FC_NA;
	d->p = 1;
	d->nrec = 0;
	d->base_wd = -1;
	for (wd = 0; wd < 7; wd++) {
		d->wd_col[wd] = -1;
		if (wdcnt[wd] < 2)
			continue;
		if (d->base_wd < 0)
			d->base_wd = wd;
		else
			d->wd_col[wd] = d->p++;
	}
	d->fourier = last - first >= 700 ? REG_FOURIER_LONG :
		     last - first >= 400 ? REG_FOURIER_SHORT : 0;
	d->four_col = d->p;
	d->p += 2 * d->fourier;
	d->t_first = v->first + first;
	d->t_last = v->first + last;
	d->knots = d->fourier ? (int)((last - first) / YEAR_DAYS) : 0;
	d->trend_col = d->p;
	d->p += d->knots;
	for (c = 0; c < FC_NCLASS; c++) {
		d->cls_col[c] = -1;
		if (c > FC_NORMAL && ccnt[c] >= 2)
			d->cls_col[c] = d->p++;
	}
	*rows = 0;
	for (t = t0; t < v->n; t++)
		*rows += reg_usable(d, v, t);
	return *rows >= d->p + 14 ? WFM_OK : FC_NA;
}

/* Local level and damped trend of the residuals (one step per fitted row):
 * Holt's smoothing with the constants from a small grid that give the
 * lowest squared error `ahead` rows ahead (1: one step; the forecast from
 * row i - ahead is the level plus the damped trend of that row), residuals
 * clipped at 3 robust standard deviations.  Sets *level and *trend at the
 * end of the rows.  r has 2n entries (the second half is scratch); hist has
 * 2n. */
static void residual_level(double *r, int n, int ahead, double *hist,
			   double *level, double *trend)
{
	static const double alphas[] = {0.01, 0.03, 0.1, 0.2, 0.3, 0.5};
	static const double betas[] = {0, 0.005, 0.02, 0.05};
	double *tmp = r + n, sigma, best = HUGE_VAL, damp = 0;
	int i, a, k;

	for (i = 0; i < n; i++)
		tmp[i] = fabs(r[i]);
	sigma = 1.4826 * wfm_fc_quantile(tmp, n, 0.5);
	for (i = 0; i < n; i++) {
		if (r[i] > 3 * sigma)
			r[i] = 3 * sigma;
		else if (r[i] < -3 * sigma)
			r[i] = -3 * sigma;
	}
	for (i = 0; i < ahead; i++)
		damp = REG_PHI * (1 + damp);
	*level = *trend = 0;
	for (a = 0; a < 6; a++)
		for (k = 0; k < 4; k++) {
			double l = 0, b = 0, sse = 0;
			for (i = 0; i < n; i++) {
				double err = r[i] - l - REG_PHI * b;
				if (ahead <= 1) {
					sse += err * err;
				} else if (i >= ahead) {
					double ea = r[i] - hist[2 * (i - ahead)] -
						    damp * hist[2 * (i - ahead) + 1];
					sse += ea * ea;
				}
				l += REG_PHI * b + alphas[a] * err;
				b = REG_PHI * b + betas[k] * err;
				hist[2 * i] = l;
				hist[2 * i + 1] = b;
			}
			if (sse < best) {
				best = sse;
				*level = l;
				*trend = b;
			}
		}
}

/* Recurring special days (forecast_recur.c): keys whose in-sample residuals
 * (r, rows of the design d, x) are off in the same direction every year get
 * a factor each, the median ratio of their days to the fit (log scale,
 * shrunk by k / (k + 0.5) for k days), and the regression is refitted
 * without those days; c and r are then its coefficients and residuals (0 on
 * those days, so that they do not move the residual level).  Returns WFM_OK
 * (also when no key is found) or an error. */
static int add_recurring(const struct fc_view *v, int t0, struct reg_design *d,
			 const double *x, const double *z, double *r, int rows, double *c,
			 wfm_err *e)
{
	unsigned char flag[WFM_FC_NRECUR];
	wfm_date *day = malloc(sizeof *day * (size_t)(rows + 1));
	double *res = malloc(sizeof *res * (size_t)(rows + 1) * 3), sigma, *pw, *lr;
	int i, t, k, j, m, found, rc = WFM_OK, *key;

	key = malloc(sizeof *key * (size_t)(rows + 1));
	if (!day || !res || !key) {
		free(day);
		free(res);
		free(key);
		return wfm_err_nomem(e);
	}
	pw = res + rows;
	lr = pw + rows;
	for (i = 0; i < rows; i++)
		res[i] = fabs(r[i]);
	sigma = 1.4826 * wfm_fc_quantile(res, rows, 0.5);
	for (i = 0, t = t0; t < v->n && i < rows; t++)
		if (reg_usable(d, v, t)) {
			day[i] = v->first + t;
			key[i] = v->cls[t] == FC_NORMAL ? wfm_fc_recur_key(day[i]) : -1;
			/* special classes have their own columns: not a key's */
			res[i] = key[i] >= 0 && sigma > 0 ? r[i] / sigma : 0;
			i++;
		}
	found = sigma > 0 ? wfm_fc_recur_detect(day, res, rows, flag, e) : 0;
	if (found <= 0) {
		free(day);
		free(res);
		free(key);
		return found < 0 ? WFM_EINTERNAL : WFM_OK;
	}
	for (i = 0; i < rows; i++)
		pw[i] = key[i] >= 0 && flag[key[i]] ? 0 : 1;
	memset(c, 0, sizeof *c * 64);
	if ((rc = wfm_fc_robust_fit(x, z, pw, rows, d->p, c, e)))
		goto out;
	for (i = 0; i < rows; i++) {
		double f = 0;
		for (j = 0; j < d->p; j++)
			f += x[(size_t)i * d->p + j] * c[j];
		r[i] = pw[i] > 0 ? z[i] - f : 0;
		res[i] = f; /* the fit, for the factors */
	}
	for (k = 0; k < WFM_FC_NRECUR; k++) {
		if (!flag[k])
			continue;
		for (m = 0, i = 0; i < rows; i++)
			if (key[i] == k)
				lr[m++] = log1p(tr_inv(z[i], REG_LAMBDA)) -
					  log1p(tr_inv(res[i], REG_LAMBDA));
		d->rec_fac[k] = (float)exp(wfm_fc_quantile(lr, m, 0.5) * m / (m + 0.5));
		d->nrec++;
	}
out:
	free(day);
	free(res);
	free(key);
	return rc;
}

/* REG: forecasts into out; with yr, also the yearly ratio of every day of
 * the view (n + h) into yr (1 everywhere without yearly terms).  The
 * residual level's constants are those of the lowest error `ahead` fitted
 * rows ahead (residual_level). */
static int run_reg(const struct fc_view *v, int ahead, double *out, double *yr,
		   wfm_err *e)
{
	struct reg_design d;
	double fac[FC_NCLASS], *x = NULL, *z = NULL, *r = NULL, c[64], level;
	double trend, damp = 0;
	double row[64];
	int t0 = train_start(v), rows, i, t, j, rc;

	if ((rc = reg_plan(v, t0, &d, &rows)))
		return rc;
	for (i = 0; i < WFM_FC_NRECUR; i++)
		d.rec_fac[i] = 1;
	if ((rc = special_factors(v, fac, e)))
		return rc;
	x = calloc((size_t)rows * (size_t)d.p, sizeof *x);
	z = calloc((size_t)rows, sizeof *z);
	r = malloc(sizeof *r * 4 * (size_t)rows);
	if (!x || !z || !r) {
		rc = wfm_err_nomem(e);
		goto out;
	}
	i = 0;
	for (t = t0; t < v->n && i < rows; t++) {
		if (!reg_usable(&d, v, t))
			continue;
		reg_row(&d, v->first + t, v->cls[t], x + (size_t)i * d.p);
		z[i++] = tr_fwd(v->y[t], REG_LAMBDA);
	}
	rows = i;
	memset(c, 0, sizeof c);
	if ((rc = wfm_fc_robust_fit(x, z, NULL, rows, d.p, c, e)))
		goto out;
	for (i = 0; i < rows; i++) {
		double f = 0;
		for (j = 0; j < d.p; j++)
			f += x[(size_t)i * d.p + j] * c[j];
		r[i] = z[i] - f;
	}
	if (d.fourier && (rc = add_recurring(v, t0, &d, x, z, r, rows, c, e)))
		goto out;
	if (yr)
		for (t = 0; t < v->n + v->h; t++) {
			double full = 0, flat = 0;
			int k;
			reg_row(&d, v->first + t, FC_NORMAL, row);
			/* at the level of an average weekday: one yearly shape
			 * for every weekday, as a ratio */
			for (k = 0; k < 7; k++)
				if (d.wd_col[k] >= 0)
					row[d.wd_col[k]] = 1.0 / 7;
			for (k = 0; k < d.p; k++) {
				full += row[k] * c[k];
				if (k < d.four_col || k >= d.four_col + 2 * d.fourier)
					flat += row[k] * c[k];
			}
			yr[t] = (1 + tr_inv(full, REG_LAMBDA)) / (1 + tr_inv(flat, REG_LAMBDA));
			if (d.nrec && v->cls[t] == FC_NORMAL)
				yr[t] *= d.rec_fac[wfm_fc_recur_key(v->first + t)];
			if (!(yr[t] > 0.05))
				yr[t] = 0.05;
		}
	residual_level(r, rows, ahead, r + 2 * (size_t)rows, &level, &trend);
	for (j = 0; j < v->h; j++) {
		int cl = v->cls[v->n + j], k;
		double f = level, adj = 1;
		t = v->n + j;
		if (v->st[t] != WFM_FC_OPEN) {
			out[j] = 0;
			continue;
		}
		damp = REG_PHI * (1 + damp);
		f += damp * trend;
		if (cl >= FC_NCLASS)
			cl = FC_NORMAL;
		if (cl != FC_NORMAL && d.cls_col[cl] < 0)
			adj = fac[cl];
		if (cl == FC_NORMAL && d.nrec)
			adj = d.rec_fac[wfm_fc_recur_key(v->first + t)];
		reg_row(&d, v->first + t, cl, row);
		for (k = 0; k < d.p; k++)
			f += row[k] * c[k];
		out[j] = tr_inv(f, REG_LAMBDA) * adj;
		if (!(out[j] > 0))
			out[j] = 0;
	}
out:
	free(x);
	free(z);
	free(r);
	return rc;
}

int wfm_fc_model_run(int model, const struct fc_view *v, double *out, wfm_err *e)
{
	switch (model) {
	case WFM_FC_SNAIVE:
		return run_recent(v, 1, out, e);
	case WFM_FC_MEANWD:
		return run_recent(v, MEANWD_K, out, e);
	case WFM_FC_ETS:
		return run_ets(v, out, e);
	case WFM_FC_REG:
		return run_reg(v, 1, out, NULL, e);
	case WFM_FC_REG_WEEK:
		return run_reg(v, REG_WEEK_AHEAD, out, NULL, e);
	default:
		return wfm_err_set(e, WFM_EINTERNAL, "no such base model %d",
				   model);
	}
}

int wfm_fc_yearly(const struct fc_view *v, double *yr, double *scratch, wfm_err *e)
{
	int t, rc;

	for (t = 0; t < v->n + v->h; t++)
		yr[t] = 1;
	if (v->n - train_start(v) < 400)
		return WFM_OK;
	rc = run_reg(v, 1, scratch, yr, e);
	if (rc == FC_NA)
		for (t = 0; t < v->n + v->h; t++)
			yr[t] = 1;
	return rc == FC_NA ? WFM_OK : rc;
}
