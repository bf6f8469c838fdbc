/* forecast_expected.c - entities' expected volumes folded into a forecast,
 * and the forecast of a new line from expected volumes and a donor's shape.
 */
#include "forecast_impl.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Checks one expected-volume row against the days [first, first + h) and
 * sets the index range [*a, *b] it covers. */
static int ev_range(const wfm_fc_expected *ev, wfm_date first, int h, int *a,
		    int *b, wfm_err *e)
{
	char s1[16], s2[16];

	if (ev->mode < WFM_FC_ADD || ev->mode > WFM_FC_SET)
		return wfm_err_set(e, WFM_EDATA, "expected volume: bad mode %d",
				   ev->mode);
	if (!(ev->value >= 0) || !isfinite(ev->value))
		return wfm_err_set(e, WFM_EDATA,
				   "expected volume: bad value %g", ev->value);
	if (ev->to < ev->from)
		return wfm_err_set(e, WFM_EDATA,
				   "expected volume: period %s..%s is empty",
				   wfm_date_iso(ev->from, s1),
				   wfm_date_iso(ev->to, s2));
	if (ev->from < first || ev->to >= first + h) {
		char s3[16], s4[16];
		return wfm_err_set(e, WFM_EDATA,
				   "expected volume: period %s..%s reaches "
				   "outside the forecast %s..%s",
				   wfm_date_iso(ev->from, s1),
				   wfm_date_iso(ev->to, s2),
				   wfm_date_iso(first, s3),
				   wfm_date_iso(first + h - 1, s4));
	}
	*a = ev->from - first;
	*b = ev->to - first;
	return WFM_OK;
}

static int no_open_day(const wfm_fc_expected *ev, wfm_err *e)
{
	char s1[16], s2[16];

	return wfm_err_set(e, WFM_EDATA,
			   "expected volume: no open day in %s..%s",
			   wfm_date_iso(ev->from, s1), wfm_date_iso(ev->to, s2));
}

/* Sets day i of f to `v`, moving its bounds with it: same relative width
 * when the day had a forecast, otherwise the Poisson interval of v. */
static void move_day(wfm_fc_daily *f, int i, double v)
{
	double old = f->point[i], z;

	if (old > 0) {
		f->lo[i] *= v / old;
		f->hi[i] *= v / old;
	} else {
		z = wfm_fc_norm_q((1 + f->level) / 2);
		f->lo[i] = v - z * sqrt(v) > 0 ? v - z * sqrt(v) : 0;
		f->hi[i] = v + z * sqrt(v);
	}
	f->point[i] = v;
	if (f->lo[i] > v)
		f->lo[i] = v;
	if (f->hi[i] < v)
		f->hi[i] = v;
}

int wfm_fc_apply_expected(wfm_fc_daily *f, const wfm_fc_expected *ev,
			  wfm_err *e)
{
	double sum = 0;
	int a, b, i, open = 0, rc;

	if (!f || !ev)
		return wfm_err_set(e, WFM_EUSAGE, "expected volume: no input");
	if ((rc = ev_range(ev, f->first, f->h, &a, &b, e)))
		return rc;
	for (i = a; i <= b; i++)
		if (f->state[i] == WFM_FC_OPEN) {
			open++;
			sum += f->point[i];
		}
	if (!open && ev->mode != WFM_FC_SCALE)
		return no_open_day(ev, e);
	for (i = a; i <= b; i++) {
		double v;
		if (f->state[i] != WFM_FC_OPEN)
			continue;
		if (ev->mode == WFM_FC_SCALE)
			v = f->point[i] * ev->value;
		else if (ev->mode == WFM_FC_ADD)
			v = f->point[i] + ev->value *
				(sum > 0 ? f->point[i] / sum : 1.0 / open);
		else
			v = ev->value * (sum > 0 ? f->point[i] / sum : 1.0 / open);
		if (ev->mode == WFM_FC_SCALE && f->point[i] > 0) {
			f->point[i] = v;
			f->lo[i] *= ev->value;
			f->hi[i] *= ev->value;
		} else {
			move_day(f, i, v);
		}
	}
	return WFM_OK;
}

int wfm_fc_from_donor(const wfm_fc_daily *donor, wfm_date first, int h,
		      const unsigned char *state, const wfm_fc_expected *ev,
		      int n_ev, wfm_fc_daily **out, wfm_err *e)
{
	wfm_fc_daily *f;
	int k, i, a, b, off, rows = 0, rc;

	*out = NULL;
	if (!donor || h < 1 || !state || (n_ev > 0 && !ev) || n_ev < 0)
		return wfm_err_set(e, WFM_EUSAGE, "new line: bad arguments");
	off = first - donor->first;
	if (off < 0 || off + h > donor->h)
		return wfm_err_set(e, WFM_EDATA,
				   "new line: the donor forecast does not cover "
				   "the days to forecast");
	for (k = 0; k < n_ev; k++)
		rows += ev[k].mode != WFM_FC_SCALE;
	if (!rows)
		return wfm_err_set(e, WFM_EDATA,
				   "new line: no history and no expected "
				   "volume to add or set");
	f = calloc(1, sizeof *f);
	if (f) {
		f->point = calloc((size_t)h, sizeof *f->point);
		f->lo = calloc((size_t)h, sizeof *f->lo);
		f->hi = calloc((size_t)h, sizeof *f->hi);
		f->state = malloc((size_t)h);
	}
	if (!f || !f->point || !f->lo || !f->hi || !f->state) {
		wfm_fc_daily_free(f);
		return wfm_err_nomem(e);
	}
	f->first = first;
	f->h = h;
	f->level = donor->level;
	f->model = WFM_FC_FALLBACK;
	f->warnings = WFM_FC_WARN_DONOR;
	memcpy(f->state, state, (size_t)h);
	for (k = 0; k < WFM_FC_NMODELS; k++)
		f->scores[k].model = k;
	/* add and set rows in order, by the donor's shape */
	for (k = 0; k < n_ev; k++) {
		double sum = 0;
		int open = 0;
		if ((rc = ev_range(&ev[k], first, h, &a, &b, e)))
			goto fail;
		if (ev[k].mode == WFM_FC_SCALE)
			continue;
		for (i = a; i <= b; i++)
			if (state[i] == WFM_FC_OPEN) {
				open++;
				sum += donor->point[off + i];
			}
		if (!open) {
			rc = no_open_day(&ev[k], e);
			goto fail;
		}
		for (i = a; i <= b; i++) {
			double v;
			if (state[i] != WFM_FC_OPEN)
				continue;
			v = ev[k].value * (sum > 0 ? donor->point[off + i] / sum :
					   1.0 / open);
			f->point[i] = ev[k].mode == WFM_FC_ADD ? f->point[i] + v : v;
		}
	}
	for (i = 0; i < h; i++) {
		double dp = donor->point[off + i], v = f->point[i];
		if (state[i] != WFM_FC_OPEN || v <= 0)
			continue;
		if (dp > 0) {
			f->lo[i] = v * donor->lo[off + i] / dp;
			f->hi[i] = v * donor->hi[off + i] / dp;
		} else {
			f->point[i] = 0;
			move_day(f, i, v);
		}
	}
	for (k = 0; k < n_ev; k++)
		if (ev[k].mode == WFM_FC_SCALE &&
		    (rc = wfm_fc_apply_expected(f, &ev[k], e)))
			goto fail;
	*out = f;
	return WFM_OK;
fail:
	wfm_fc_daily_free(f);
	return rc;
}
