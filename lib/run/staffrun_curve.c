/* staffrun_curve.c - a live contact's service curve and the split of a
 * line's agents between its channels (see wfm_sr_curve_make and
 * wfm_sr_next_agent in staffrun.h): one code for wfm-plan's service curves
 * (planrun_service.c) and for the split of a coverage without a channel
 * column by wfm-staff --evaluate and wfm-report (staffrun_eval.c). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "staffrun.h"

void wfm_sr_envelope(double *v, long n, int *hull)
{
	long k, i;
	int m = 0;

	for (k = 0; k < n; k++) {
		while (m >= 2) {
			int a = hull[m - 2], b = hull[m - 1];

			if ((v[b] - v[a]) * (double)(k - a) >= (v[k] - v[a]) * (double)(b - a))
				m--;
			else
				break;
		}
		hull[m++] = (int)k;
	}
	for (i = 0; i + 1 < m; i++)
		for (k = hull[i] + 1; k < hull[i + 1]; k++)
			v[k] = v[hull[i]] + (v[hull[i + 1]] - v[hull[i]]) * (double)(k - hull[i]) /
			       (hull[i + 1] - hull[i]);
}

/* Room for twice the points of `c` (64 at first) in its three arrays. */
static int grow3(wfm_sr_curve *c, size_t *cap)
{
	size_t nc = *cap ? 2 * *cap : 64;
	double *a = realloc(c->ans, nc * sizeof *a), *w, *l;

	if (a)
		c->ans = a;
	w = realloc(c->within, nc * sizeof *w);
	if (w)
		c->within = w;
	l = realloc(c->lost, nc * sizeof *l);
	if (l)
		c->lost = l;
	if (!a || !w || !l)
		return -1;
	*cap = nc;
	return 0;
}

int wfm_sr_curve_make(wfm_sr_curve *c, const wfm_model *m, const wfm_target *tg, double volume,
		      double aht_s, double interval_s, long n_min, double depth_weight,
		      wfm_err *e)
{
	wfm_queue_perf p;
	size_t cap = 0;
	long n, floor_n = (long)ceil(volume * aht_s / interval_s) + 2;
	double tau = tg->answered > 0 ? tg->answered : tg->sl;
	int *hull;

	memset(c, 0, sizeof *c);
	if (n_min < floor_n)
		n_min = floor_n;
	for (n = 0;; n++) {
		double served;
		int rc;

		if ((size_t)n >= cap && grow3(c, &cap))
			return wfm_err_nomem(e);
		if ((rc = wfm_staff_eval(m, volume, aht_s, interval_s, n, tg->sl_t_s, &p, e)))
			return rc;
		c->ans[n] = volume * p.answered;
		c->within[n] = fmin(volume * p.sl, c->ans[n]);
		served = tg->answered > 0 ? c->ans[n] : c->within[n];
		c->lost[n] = volume - served;
		if (c->lost[n] < 0)
			c->lost[n] = 0;
		/* the models are monotone; keep rounding from saying otherwise */
		if (n > 0) {
			c->ans[n] = fmax(c->ans[n], c->ans[n - 1]);
			c->within[n] = fmax(c->within[n], c->within[n - 1]);
			c->lost[n] = fmin(c->lost[n], c->lost[n - 1]);
		}
		if ((n >= n_min && c->lost[n] <= 1e-7 * volume) || n >= n_min + 5000)
			break;
	}
	c->n = n + 1;
	if (!(hull = malloc((size_t)c->n * sizeof *hull)))
		return wfm_err_nomem(e);
	wfm_sr_envelope(c->lost, c->n, hull);
	free(hull);
	for (n = 0; depth_weight > 0 && volume > 0 && n < c->n; n++) {
		double deep = c->lost[n] / volume - (1 - tau);

		if (deep > 0)
			c->lost[n] += depth_weight * volume * deep * deep;
	}
	return WFM_OK;
}

void wfm_sr_curve_release(wfm_sr_curve *c)
{
	free(c->ans);
	free(c->within);
	free(c->lost);
	memset(c, 0, sizeof *c);
}

int wfm_sr_next_agent(const wfm_sr_curve *c, int k, const long *at)
{
	int best = -1;
	double bd = 0;

	for (int i = 0; i < k; i++) {
		double d;

		if (at[i] + 1 >= c[i].n)
			continue;
		d = c[i].lost[at[i] + 1] - c[i].lost[at[i]];
		if (best < 0 || d < bd) {
			best = i;
			bd = d;
		}
	}
	return best;
}
