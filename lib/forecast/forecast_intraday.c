/* forecast_intraday.c - weekday intraday profiles learnt from recent weeks,
 * the split of a daily forecast over its intervals, and rounding that keeps
 * sums exact across grains. */
#include "forecast_impl.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define TEST_DAYS 28  /* calendar days at the end of the matrix scored */

static const int cand_weeks[] = {4, 8, 12, 26};
static const double cand_pool[] = {0, 0.5, 1};
#define NWEEKS 4
#define NPOOL 3
#define NSMOOTH 4     /* half-widths 0..3 */

void wfm_fc_profile_free(wfm_fc_profile *p)
{
	if (!p)
		return;
	free(p->share);
	free(p);
}

static wfm_fc_profile *profile_alloc(int m, wfm_err *e)
{
	wfm_fc_profile *p = calloc(1, sizeof *p);

	if (p)
		p->share = calloc((size_t)7 * (size_t)m, sizeof *p->share);
	if (!p || !p->share) {
		wfm_fc_profile_free(p);
		wfm_err_nomem(e);
		return NULL;
	}
	p->m = m;
	p->dispersion = 1;
	p->wape = -1;
	return p;
}

/* Normalises v[0..m-1] to sum 1 (flat when it sums to 0). */
static void normalise(double *v, int m)
{
	double s = 0;
	int i;

	for (i = 0; i < m; i++)
		s += v[i];
	for (i = 0; i < m; i++)
		v[i] = s > 0 ? v[i] / s : 1.0 / m;
}

/* Triangular smoothing of half-width `h` (weights h+1-|k|), the kernel cut
 * and renormalised at the edges; then normalised to sum 1. */
static void smooth(const double *in, double *out, int m, int h)
{
	int i, k;

	for (i = 0; i < m; i++) {
		double s = 0, w = 0;
		for (k = -h; k <= h; k++)
			if (i + k >= 0 && i + k < m) {
				s += (h + 1 - abs(k)) * in[i + k];
				w += h + 1 - abs(k);
			}
		out[i] = s / w;
	}
	normalise(out, m);
}

wfm_fc_profile *wfm_fc_profile_new(int m, const double *share, wfm_err *e)
{
	wfm_fc_profile *p;
	int i;

	if (m < 1 || !share) {
		wfm_err_set(e, WFM_EUSAGE, "profile: bad arguments");
		return NULL;
	}
	for (i = 0; i < 7 * m; i++)
		if (!(share[i] >= 0) || !isfinite(share[i])) {
			wfm_err_set(e, WFM_EUSAGE, "profile: bad share %g",
				    share[i]);
			return NULL;
		}
	if (!(p = profile_alloc(m, e)))
		return NULL;
	memcpy(p->share, share, sizeof *share * (size_t)7 * (size_t)m);
	for (i = 0; i < 7; i++)
		normalise(p->share + (size_t)i * m, m);
	return p;
}

static int usable(const wfm_fc_matrix *x, const double *tot, int d)
{
	return x->state[d] == WFM_FC_OPEN && tot[d] > 0;
}

/* Sums of counts over the usable days in [from, to): per weekday into
 * wsum (7 x m) with their totals in wtot, and over all days into asum. */
static void window_sums(const wfm_fc_matrix *x, const double *tot, int from,
			int to, double *wsum, double *wtot, double *asum)
{
	int d, i, m = x->m;

	memset(wsum, 0, sizeof *wsum * (size_t)7 * (size_t)m);
	memset(asum, 0, sizeof *asum * (size_t)m);
	memset(wtot, 0, sizeof *wtot * 7);
	for (d = from < 0 ? 0 : from; d < to; d++) {
		int wd;
		const double *row = x->count + (size_t)d * m;
		if (!usable(x, tot, d))
			continue;
		wd = wfm_date_weekday(x->first + d);
		wtot[wd] += tot[d];
		for (i = 0; i < m; i++) {
			wsum[(size_t)wd * m + i] += row[i];
			asum[i] += row[i];
		}
	}
}

/* The profile of weekday wd for blend `pool` and smoother `h` from window
 * sums, into out (tmp has m entries). */
static void blend(const double *wsum, const double *wtot, const double *asum,
		  int m, int wd, double pool, int h, double *tmp, double *out)
{
	double at = 0;
	int i;

	for (i = 0; i < m; i++)
		at += asum[i];
	for (i = 0; i < m; i++) {
		double a = at > 0 ? asum[i] / at : 1.0 / m;
		double w = wtot[wd] > 0 ? wsum[(size_t)wd * m + i] / wtot[wd] : a;
		tmp[i] = pool * a + (1 - pool) * w;
	}
	smooth(tmp, out, m, h);
}

int wfm_fc_profile_fit(const wfm_fc_matrix *x, wfm_fc_profile **out,
		       wfm_err *e)
{
	double err[NWEEKS][NPOOL][NSMOOTH] = {{{0}}}, act = 0, best = HUGE_VAL;
	double sq[NWEEKS][NPOOL][NSMOOTH] = {{{0}}}, bestsq = HUGE_VAL;
	double *tot, *wsum, *asum, *tmp, *prof, wtot[7], num = 0;
	int m, d, i, w, a, s, bw = 1, ba = 1, bs = 1, rc = WFM_OK, cells = 0;
	int scored = 0;
	wfm_fc_profile *p = NULL;

	*out = NULL;
	if (!x || x->days < 1 || x->m < 1 || !x->count || !x->state)
		return wfm_err_set(e, WFM_EUSAGE, "profile: bad matrix");
	m = x->m;
	tot = calloc((size_t)x->days, sizeof *tot);
	wsum = malloc(sizeof *wsum * (size_t)9 * (size_t)m);
	if (!tot || !wsum) {
		free(tot);
		free(wsum);
		return wfm_err_nomem(e);
	}
	asum = wsum + (size_t)7 * m;
	tmp = asum + m;
	prof = malloc(sizeof *prof * (size_t)m);
	if (!prof) {
		rc = wfm_err_nomem(e);
		goto out;
	}
	for (d = 0; d < x->days; d++) {
		if (x->state[d] != WFM_FC_OPEN)
			continue;
		for (i = 0; i < m; i++) {
			double c = x->count[(size_t)d * m + i];
			if (!(c >= 0) || !isfinite(c)) {
				char b[16];
				rc = wfm_err_set(e, WFM_EDATA,
						 "%s: bad interval count %g",
						 wfm_date_iso(x->first + d, b), c);
				goto out;
			}
			tot[d] += c;
		}
		scored += tot[d] > 0;
	}
	if (!scored) {
		rc = wfm_err_set(e, WFM_EDATA, "no open day with interval data");
		goto out;
	}
	/* score every setting on the last TEST_DAYS days, each day's profile
	 * from the days before it only */
	scored = 0;
	for (d = x->days - TEST_DAYS; d < x->days; d++) {
		int wd, prior = 0, k;
		if (d < 1 || !usable(x, tot, d))
			continue;
		for (k = 0; k < d; k++)
			prior += usable(x, tot, k);
		if (!prior)
			continue;
		wd = wfm_date_weekday(x->first + d);
		scored = 1;
		act += tot[d];
		for (w = 0; w < NWEEKS; w++) {
			window_sums(x, tot, d - 7 * cand_weeks[w], d, wsum, wtot,
				    asum);
			for (a = 0; a < NPOOL; a++)
				for (s = 0; s < NSMOOTH; s++) {
					double ae = 0, se = 0;
					blend(wsum, wtot, asum, m, wd,
					      cand_pool[a], s, tmp, prof);
					for (i = 0; i < m; i++) {
						double r = x->count[(size_t)d * m + i] -
							   tot[d] * prof[i];
						ae += fabs(r);
						se += r * r;
					}
					err[w][a][s] += ae;
					sq[w][a][s] += se / tot[d];
				}
		}
	}
	if (scored)
		for (w = 0; w < NWEEKS; w++)
			for (a = 0; a < NPOOL; a++)
				for (s = 0; s < NSMOOTH; s++)
					if (sq[w][a][s] < bestsq * (1 - 1e-12)) {
						bestsq = sq[w][a][s];
						best = err[w][a][s];
						bw = w;
						ba = a;
						bs = s;
					}
	if (!(p = profile_alloc(m, e))) {
		rc = WFM_EINTERNAL;
		goto out;
	}
	p->weeks = cand_weeks[bw];
	p->pool = cand_pool[ba];
	p->smooth = bs;
	p->wape = scored && act > 0 ? best / act : -1;
	window_sums(x, tot, x->days - 7 * p->weeks, x->days, wsum, wtot, asum);
	for (i = 0; i < 7; i++)
		blend(wsum, wtot, asum, m, i, p->pool, p->smooth, tmp,
		      p->share + (size_t)i * m);
	/* dispersion of the counts around total x share on the fitting days */
	for (d = x->days - 7 * p->weeks; d < x->days; d++) {
		const double *sh;
		if (d < 0 || !usable(x, tot, d))
			continue;
		sh = p->share + (size_t)wfm_date_weekday(x->first + d) * m;
		for (i = 0; i < m; i++) {
			double mu = tot[d] * sh[i], r;
			if (mu <= 0)
				continue;
			r = x->count[(size_t)d * m + i] - mu;
			num += r * r / mu;
			cells++;
		}
	}
	p->dispersion = cells && num / cells > 1 ? num / cells : 1;
	*out = p;
out:
	free(tot);
	free(wsum);
	free(prof);
	return rc;
}

long long wfm_fc_units(double x, int decimals)
{
	double f = 1;
	int i;

	for (i = 0; i < decimals; i++)
		f *= 10;
	return llround(x * f);
}

static double unit_size(int decimals)
{
	double f = 1;
	int i;

	for (i = 0; i < decimals; i++)
		f *= 10;
	return f;
}

/* Splits `units` (>= 0) over n weights w (>= 0) by the largest remainder
 * method (evenly when they sum to 0), ties to the lower index; out[i] >= 0
 * and sum out = units exactly.  `rem` is scratch of n doubles. */
static void apportion(long long units, const double *w, int n, long long *out,
		      double *rem)
{
	double s = 0;
	long long used = 0;
	int i;

	for (i = 0; i < n; i++)
		s += w[i];
	for (i = 0; i < n; i++) {
		double exact = s > 0 ? (double)units * (w[i] / s) :
				       (double)units / n;
		out[i] = (long long)floor(exact);
		rem[i] = exact - (double)out[i];
		used += out[i];
	}
	while (used != units) {
		int k = -1;
		for (i = 0; i < n; i++) {
			if (used < units && (k < 0 || rem[i] > rem[k]))
				k = i;
			if (used > units && out[i] > 0 && (k < 0 || rem[i] < rem[k]))
				k = i;
		}
		if (used < units) {
			out[k]++;
			used++;
		} else {
			out[k]--;
			used--;
		}
		rem[k] = used < units ? -1 : 2; /* each index moves once */
	}
}

int wfm_fc_round_to_total(double *x, int n, double total, int decimals,
			  wfm_err *e)
{
	long long *u;
	double *rem, f;
	int i;

	if (n < 1 || decimals < 0 || decimals > 6 || !(total >= 0) ||
	    !isfinite(total))
		return wfm_err_set(e, WFM_EUSAGE, "round: bad arguments");
	for (i = 0; i < n; i++)
		if (!(x[i] >= 0) || !isfinite(x[i]))
			return wfm_err_set(e, WFM_EUSAGE, "round: bad value %g",
					   x[i]);
	u = malloc(sizeof *u * (size_t)n);
	rem = malloc(sizeof *rem * (size_t)n);
	if (!u || !rem) {
		free(u);
		free(rem);
		return wfm_err_nomem(e);
	}
	f = unit_size(decimals);
	apportion(wfm_fc_units(total, decimals), x, n, u, rem);
	for (i = 0; i < n; i++)
		x[i] = (double)u[i] / f;
	free(u);
	free(rem);
	return WFM_OK;
}

int wfm_fc_split_day(const wfm_fc_profile *p, int wd, int i0, int i1,
		     double total, double day_lo, double day_hi, double level,
		     int decimals, double *out, double *lo, double *hi,
		     wfm_err *e)
{
	double *w, z, f;
	long long *u;
	int i, m;

	if (!p || wd < 0 || wd > 6 || i0 < 0 || i1 > p->m || i0 >= i1 ||
	    !(total >= 0) || !isfinite(total) || decimals < 0 || decimals > 6 ||
	    (lo && hi && !(level > 0 && level < 1)))
		return wfm_err_set(e, WFM_EUSAGE, "split: bad arguments");
	m = p->m;
	w = malloc(sizeof *w * (size_t)m * 2);
	u = malloc(sizeof *u * (size_t)m);
	if (!w || !u) {
		free(w);
		free(u);
		return wfm_err_nomem(e);
	}
	for (i = 0; i < m; i++) {
		out[i] = 0;
		if (lo && hi)
			lo[i] = hi[i] = 0;
	}
	memcpy(w, p->share + (size_t)wd * m + i0, sizeof *w * (size_t)(i1 - i0));
	apportion(wfm_fc_units(total, decimals), w, i1 - i0, u, w + m);
	f = unit_size(decimals);
	for (i = i0; i < i1; i++)
		out[i] = (double)u[i - i0] / f;
	if (lo && hi) {
		double s = 0;
		z = wfm_fc_norm_q((1 + level) / 2);
		for (i = i0; i < i1; i++)
			s += p->share[(size_t)wd * m + i];
		for (i = i0; i < i1; i++) {
			double sh = s > 0 ? p->share[(size_t)wd * m + i] / s :
					    1.0 / (i1 - i0);
			double mu = total * sh, noise = z * z * p->dispersion * mu;
			double dl = mu - day_lo * sh, dh = day_hi * sh - mu;
			lo[i] = mu - sqrt((dl > 0 ? dl * dl : 0) + noise);
			hi[i] = mu + sqrt((dh > 0 ? dh * dh : 0) + noise);
			if (lo[i] < 0)
				lo[i] = 0;
		}
	}
	free(w);
	free(u);
	return WFM_OK;
}
