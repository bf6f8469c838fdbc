/* report_acc.c - forecast accuracy: WAPE, bias, MASE, interval coverage and
 * the Poisson noise floor; see report.h. */
#include "report.h"

#include <math.h>

#ifndef M_PI
#define M_PI 3.14159265358979323846
#endif

void wfm_acc_add(wfm_acc *a, double actual, double forecast, double lo, double hi)
{
	if (!(actual >= 0) || !(forecast >= 0) || !isfinite(actual) || !isfinite(forecast))
		return;
	a->n++;
	a->actual += actual;
	a->forecast += forecast;
	a->abs_err += fabs(actual - forecast);
	a->poisson += wfm_poisson_mad(forecast);
	if (isfinite(lo) && isfinite(hi)) {
		a->bounded++;
		a->inside += lo <= actual && actual <= hi;
	}
}

void wfm_acc_merge(wfm_acc *a, const wfm_acc *b)
{
	a->n += b->n;
	a->actual += b->actual;
	a->forecast += b->forecast;
	a->abs_err += b->abs_err;
	a->poisson += b->poisson;
	a->bounded += b->bounded;
	a->inside += b->inside;
}

double wfm_acc_wape(const wfm_acc *a)
{
	return a->actual > 0 ? a->abs_err / a->actual : NAN;
}

double wfm_acc_bias(const wfm_acc *a)
{
	return a->actual > 0 ? (a->forecast - a->actual) / a->actual : NAN;
}

double wfm_acc_mase(const wfm_acc *a, double scale)
{
	return a->n > 0 && scale > 0 ? a->abs_err / (double)a->n / scale : NAN;
}

double wfm_acc_coverage(const wfm_acc *a)
{
	return a->bounded > 0 ? (double)a->inside / (double)a->bounded : NAN;
}

double wfm_acc_floor(const wfm_acc *a)
{
	return a->actual > 0 ? a->poisson / a->actual : NAN;
}

double wfm_poisson_mad(double m)
{
	double k;

	if (!isfinite(m))
		return NAN;
	if (m <= 0)
		return 0;
	k = floor(m);
	if (k < 30)
		return 2 * exp(-m + (k + 1) * log(m) - lgamma(k + 1));
	/* Stirling's series for log k!, with m = k + f, so that no large terms
	 * cancel: -f + k log1p(f / k) + log m - log(2 pi k) / 2 - 1/(12k) + ... */
	return 2 * exp(-(m - k) + k * log1p((m - k) / k) + log(m) - 0.5 * log(2 * M_PI * k) -
		       (1.0 / 12 - (1.0 / 360 - 1.0 / (1260 * k * k)) / (k * k)) / k);
}

double wfm_naive_scale(const double *y, const unsigned char *have, size_t n, size_t lag)
{
	double sum = 0;
	long k = 0;

	if (lag == 0)
		return NAN;
	for (size_t t = lag; t < n; t++) {
		if (have && (!have[t] || !have[t - lag]))
			continue;
		sum += fabs(y[t] - y[t - lag]);
		k++;
	}
	return k ? sum / (double)k : NAN;
}
