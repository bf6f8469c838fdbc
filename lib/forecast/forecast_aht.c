/* forecast_aht.c - how the handle time varies over the day: ratios of each
 * interval's handle time to the day's, learnt from recent weeks and weighted
 * by handled contacts, and the split of a day's handle-time forecast over its
 * intervals (see forecast.h). */
#include "forecast_impl.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Shrinkage: one contact's handle time varies by about 80 % around the mean
 * (a variance of 0.64 in ratio terms); ratios of intervals to the day vary
 * by about 10 % (variance 0.01) and weekdays' deviations from the pooled
 * ratio by about 3 % (0.001).  A mean of n contacts is trusted with weight
 * n / (n + 0.64 / variance). */
#define AHT_SHRINK 64.0      /* the pooled ratio of an interval against 1 */
#define AHT_SHRINK_WD 640.0  /* a weekday's against the pooled one */
#define AHT_SMOOTH 2         /* half-width of the triangular smoother */

void wfm_fc_aht_profile_free(wfm_fc_aht_profile *p)
{
	if (!p)
		return;
	free(p->ratio);
	free(p);
}

int wfm_fc_aht_profile_fit(const wfm_fc_matrix *handled, const wfm_fc_matrix *aht_sum,
			   int weeks, wfm_fc_aht_profile **out, wfm_err *e)
{
	double *w, *s, day_w = 0, day_s = 0, mean, wmean[7];
	wfm_fc_aht_profile *p = NULL;
	int m, d, i, wd, from;

	*out = NULL;
	if (!handled || !aht_sum || handled->m < 1 || handled->m != aht_sum->m ||
	    handled->days != aht_sum->days || handled->days < 1 || weeks < 1 ||
	    !handled->count || !handled->state || !aht_sum->count)
		return wfm_err_set(e, WFM_EUSAGE, "aht profile: bad matrices");
	m = handled->m;
	/* w, s: per weekday (rows 0..6) and pooled (row 7) */
	w = calloc((size_t)16 * (size_t)m, sizeof *w);
	p = calloc(1, sizeof *p);
	if (p)
		p->ratio = malloc(sizeof *p->ratio * (size_t)7 * (size_t)m);
	if (!w || !p || !p->ratio) {
		free(w);
		wfm_fc_aht_profile_free(p);
		return wfm_err_nomem(e);
	}
	s = w + (size_t)8 * m;
	p->m = m;
	from = handled->days - 7 * weeks;
	for (d = from < 0 ? 0 : from; d < handled->days; d++) {
		if (handled->state[d] != WFM_FC_OPEN)
			continue;
		wd = wfm_date_weekday(handled->first + d);
		for (i = 0; i < m; i++) {
			double n = handled->count[(size_t)d * m + i];
			double a = aht_sum->count[(size_t)d * m + i];
			if (!(n >= 0) || !(a >= 0) || !isfinite(n) || !isfinite(a)) {
				char b[16];
				free(w);
				wfm_fc_aht_profile_free(p);
				return wfm_err_set(e, WFM_EDATA, "%s: bad handle time data",
						   wfm_date_iso(handled->first + d, b));
			}
			if (n <= 0)
				continue;
			w[(size_t)wd * m + i] += n;
			s[(size_t)wd * m + i] += a;
			w[(size_t)7 * m + i] += n;
			s[(size_t)7 * m + i] += a;
			day_w += n;
			day_s += a;
		}
	}
	if (!(day_w > 0) || !(day_s > 0)) {
		free(w);
		wfm_fc_aht_profile_free(p);
		return wfm_err_set(e, WFM_EDATA, "no handle times in the interval history");
	}
	mean = day_s / day_w;
	/* each weekday's ratios are relative to that weekday's own mean (the
	 * daily forecast carries the weekday's level) */
	for (wd = 0; wd < 7; wd++) {
		double tw = 0, ts = 0;
		for (i = 0; i < m; i++) {
			tw += w[(size_t)wd * m + i];
			ts += s[(size_t)wd * m + i];
		}
		wmean[wd] = tw > 0 && ts > 0 ? ts / tw : mean;
	}
	for (i = 0; i < m; i++) {
		double k, pooled, sw[8] = {0}, ss[8] = {0}, sn[8] = {0};
		int j, row;

		/* triangular smoothing over neighbouring intervals, by contacts;
		 * sn: the contacts in the window */
		for (row = 0; row < 8; row++)
			for (j = i - AHT_SMOOTH; j <= i + AHT_SMOOTH; j++)
				if (j >= 0 && j < m) {
					double tw = AHT_SMOOTH + 1 - abs(j - i);
					sw[row] += tw * w[(size_t)row * m + j];
					ss[row] += tw * s[(size_t)row * m + j];
					sn[row] += w[(size_t)row * m + j];
				}
		k = sn[7] / (sn[7] + AHT_SHRINK);
		pooled = sw[7] > 0 ? (1 - k) + k * ss[7] / sw[7] / mean : 1;
		for (wd = 0; wd < 7; wd++) {
			double kw = sn[wd] / (sn[wd] + AHT_SHRINK_WD);
			double r = sw[wd] > 0 ? ss[wd] / sw[wd] / wmean[wd] : pooled;
			r = (1 - kw) * pooled + kw * r;
			p->ratio[(size_t)wd * m + i] = r > 0 ? r : pooled > 0 ? pooled : 1;
		}
	}
	free(w);
	*out = p;
	return WFM_OK;
}

void wfm_fc_aht_split(const wfm_fc_aht_profile *p, int m, int wd, int i0, int i1,
		      double day_aht, const double *volume, double *out)
{
	double num = 0, den = 0, f;
	int i;

	for (i = 0; i < m; i++)
		out[i] = 0;
	if (i0 < 0 || i1 > m || i0 >= i1)
		return;
	for (i = i0; i < i1; i++) {
		double r = p && p->m == m && wd >= 0 && wd < 7 ? p->ratio[(size_t)wd * m + i] : 1;
		double v = volume ? volume[i] : 0;
		out[i] = r;
		num += v * r;
		den += v;
	}
	if (!(den > 0)) {
		num = den = 0;
		for (i = i0; i < i1; i++) {
			num += out[i];
			den += 1;
		}
	}
	f = num > 0 ? day_aht * den / num : day_aht;
	for (i = i0; i < i1; i++)
		out[i] *= f;
}
