/* forecast_recur.c - recurring special days learnt from the history, without
 * a calendar: days of the year (25 December, 31 December, 1 January ...)
 * and days at a fixed distance from Easter (Good Friday, Easter Monday,
 * Ascension, Whit Monday ...) that the smooth yearly shape of the
 * regression misses in the same direction every year (see forecast_impl.h).
 */
#include "forecast_impl.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define EASTER_LO (-7)   /* Easter offsets EASTER_LO .. EASTER_LO + 63 */
#define NEASTER 64
#define REC_EACH 1.0     /* every occurrence beyond 1 sigma, same sign */
#define REC_MED 2.0      /* the median beyond 2 sigma */

int wfm_fc_recur_key(wfm_date day)
{
	int y, m, d;
	long off;

	wfm_date_to_ymd(day, &y, &m, &d);
	off = (long)(day - wfm_easter(y));
	if (off >= EASTER_LO && off < EASTER_LO + NEASTER)
		return 372 + (int)(off - EASTER_LO);
	return (m - 1) * 31 + (d - 1);
}

int wfm_fc_recur_day_key(wfm_date day)
{
	int y, m, d;

	wfm_date_to_ymd(day, &y, &m, &d);
	return (m - 1) * 31 + (d - 1);
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* Whether the residuals of one key (n of them, sorted in x) pass. */
static int passes(const double *x, int n)
{
	double med = n % 2 ? x[n / 2] : (x[n / 2 - 1] + x[n / 2]) / 2;

	if (n < 2 || fabs(med) < REC_MED)
		return 0;
	return x[0] > REC_EACH || x[n - 1] < -REC_EACH;
}

int wfm_fc_recur_detect(const wfm_date *day, const double *res, int n,
			unsigned char *flag, wfm_err *e)
{
	double *x = malloc(sizeof *x * (size_t)(n + 1));
	int *kd = malloc(sizeof *kd * (size_t)(n + 1) * 2), *ke, i, k, m, found = 0;
	int *cnt = calloc(WFM_FC_NRECUR * 2, sizeof *cnt);

	if (!x || !kd || !cnt) {
		free(x);
		free(kd);
		free(cnt);
		wfm_err_nomem(e);
		return -1;
	}
	ke = kd + n;
	memset(flag, 0, WFM_FC_NRECUR);
	for (i = 0; i < n; i++) {
		kd[i] = wfm_fc_recur_day_key(day[i]);
		ke[i] = wfm_fc_recur_key(day[i]);
		if (ke[i] == kd[i])
			ke[i] = -1;
	}
	/* Easter offsets first: a day near Easter counts for its offset */
	for (k = 0; k < WFM_FC_NRECUR; k++) {
		for (m = 0, i = 0; i < n; i++)
			if (ke[i] == k || (k < 372 && kd[i] == k && ke[i] < 0))
				x[m++] = res[i];
		if (m < 2)
			continue;
		qsort(x, (size_t)m, sizeof *x, cmp_double);
		if (passes(x, m)) {
			flag[k] = 1;
			found++;
		}
	}
	free(x);
	free(kd);
	free(cnt);
	return found;
}
