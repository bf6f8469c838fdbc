/* forecast_effect.c - the known effects the events name (a mailing, a
 * deadline, another calendar's holiday): factors learnt from the history and
 * the history adjusted by them (see forecast.h and forecast_impl.h). */
#include "forecast_impl.h"

#include <math.h>

void wfm_fc_effects(const struct fc_view *v, double *fac, int *cnt, double *ya,
		    struct fc_view *out)
{
	static const int near[] = {-14, -7, 7, 14};
	int t, k, i, any = 0;

	*out = *v;
	for (k = 0; k < WFM_FC_MAX_EFFECTS; k++) {
		fac[k] = 1;
		cnt[k] = 0;
	}
	if (!v->eff)
		return;
	for (t = 0; t < v->n && !any; t++)
		any = v->eff[t] != 0;
	if (!any)
		return;
	/* the median of each effect's log ratios: two passes, values in ya */
	for (k = 1; k < WFM_FC_MAX_EFFECTS; k++) {
		int m = 0;

		for (t = 0; t < v->n; t++) {
			double sum = 0;
			int c = 0;

			if (v->eff[t] != k || !wfm_fc_obs(v, t))
				continue;
			for (i = 0; i < 4; i++) {
				int u = t + near[i];
				if (u >= 0 && u < v->n && wfm_fc_obs(v, u) && !v->eff[u] &&
				    v->cls[u] == FC_NORMAL) {
					sum += v->y[u];
					c++;
				}
			}
			if (c >= 2)
				ya[m++] = log1p(v->y[t]) - log1p(sum / c);
		}
		if (!m)
			continue;
		fac[k] = exp(wfm_fc_quantile(ya, m, 0.5) * m / (m + 1.0));
		cnt[k] = m;
	}
	for (t = 0; t < v->n; t++)
		ya[t] = wfm_fc_obs(v, t) ? v->y[t] / fac[v->eff[t]] : 0;
	out->y = ya;
}
