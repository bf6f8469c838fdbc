/* fcrun_write.c - the forecast rows at month, day or interval grain, and the
 * backtest table (see fcrun.h). */
#include "fcrun_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static double unit_size(int decimals)
{
	double f = 1;

	while (decimals-- > 0)
		f *= 10;
	return f;
}

static int cmp_out(const void *pa, const void *pb)
{
	const wfm_fcrun_series *a = *(const wfm_fcrun_series *const *)pa;
	const wfm_fcrun_series *b = *(const wfm_fcrun_series *const *)pb;

	return a->channel != b->channel ? a->channel - b->channel : strcmp(a->line, b->line);
}

/* The written series in output order (channel, then line code); *n of them.
 * NULL on out of memory. */
static const wfm_fcrun_series **out_order(const wfm_fcrun *r, int *n)
{
	const wfm_fcrun_series **v = malloc(sizeof *v * ((size_t)r->ns + 1));
	int i;

	*n = 0;
	if (!v)
		return NULL;
	for (i = 0; i < r->ns; i++)
		if (r->s[i].written)
			v[(*n)++] = &r->s[i];
	qsort(v, (size_t)*n, sizeof *v, cmp_out);
	return v;
}

/* Day j of a forecast, rounded: the figure, and its bounds kept around it. */
struct day {
	long long units;
	double v, lo, hi;
};

static struct day day_of(const wfm_fc_daily *f, int j, int decimals)
{
	struct day d;

	d.units = wfm_fc_units(f->point[j], decimals);
	d.v = (double)d.units / unit_size(decimals);
	d.lo = f->lo[j] < d.v ? f->lo[j] : d.v;
	d.hi = f->hi[j] > d.v ? f->hi[j] : d.v;
	return d;
}

#define AHT_DECIMALS 1 /* places of the written handle times */

/* The handle time of day j of series s, or -1 when none is known (or the
 * day is not open). */
static double day_aht(const wfm_fcrun_series *s, int j)
{
	if (!s->aht_fc || j < 0 || j >= s->aht_fc->h || s->aht_fc->state[j] != WFM_FC_OPEN)
		return -1;
	return s->aht_fc->point[j];
}

/* One row: `period` as text (month) or the date `d`; time < 0 for none; aht
 * < 0 for an empty aht_s. */
static void row(wfm_csvw *w, const char *period, wfm_date d, int time,
		const wfm_fcrun_series *s, double v, double lo, double hi, double aht,
		int decimals)
{
	if (period)
		wfm_csvw_str(w, period);
	else
		wfm_csvw_date(w, d);
	if (time < 0)
		wfm_csvw_empty(w);
	else
		wfm_csvw_time(w, time);
	wfm_csvw_str(w, wfm_channel_name(s->channel));
	wfm_csvw_str(w, s->line);
	wfm_csvw_num(w, v, decimals);
	wfm_csvw_num(w, lo < v ? lo : v, decimals);
	wfm_csvw_num(w, hi > v ? hi : v, decimals);
	if (aht >= 0)
		wfm_csvw_num(w, aht, AHT_DECIMALS);
	else
		wfm_csvw_empty(w);
	wfm_csvw_end(w);
}

static void write_months(const wfm_fcrun *r, const wfm_fcrun_series **v, int n, wfm_csvw *w)
{
	int y, m, k, dec = r->o.decimals;
	wfm_date a, b, d;
	char period[16];

	for (a = r->o.from; a <= r->o.to && !wfm_csvw_error(w); a = b + 1) {
		wfm_date_to_ymd(a, &y, &m, NULL);
		b = wfm_date_from_ymd(y, m, wfm_days_in_month(y, m));
		b = b < r->o.to ? b : r->o.to;
		snprintf(period, sizeof period, "%04d-%02d", y, m);
		for (k = 0; k < n; k++) {
			long long u = 0;
			double lo = 0, hi = 0, an = 0, ad = 0, pn = 0;
			int pd = 0;

			for (d = a; d <= b; d++) {
				struct day x = day_of(v[k]->fc, d - r->o.from, dec);
				double t = day_aht(v[k], d - r->o.from);

				u += x.units;
				lo += x.lo;
				hi += x.hi;
				if (t < 0)
					continue;
				an += x.v * t;
				ad += x.v;
				pn += t;
				pd++;
			}
			row(w, period, 0, -1, v[k], (double)u / unit_size(dec), lo, hi,
			    ad > 0 ? an / ad : pd ? pn / pd : -1, dec);
		}
	}
}

static void write_days(const wfm_fcrun *r, const wfm_fcrun_series **v, int n, wfm_csvw *w)
{
	wfm_date d;
	int k;

	for (d = r->o.from; d <= r->o.to && !wfm_csvw_error(w); d++)
		for (k = 0; k < n; k++) {
			struct day x = day_of(v[k]->fc, d - r->o.from, r->o.decimals);

			row(w, NULL, d, -1, v[k], x.v, x.lo, x.hi, day_aht(v[k], d - r->o.from),
			    r->o.decimals);
		}
}

/* Interval rows of the open intervals of every open day; series without a
 * profile (deferred channels) as day rows first. */
static int write_intervals(const wfm_fcrun *r, const wfm_fcrun_series **v, int n, wfm_csvw *w,
			   wfm_err *e)
{
	size_t cells = (size_t)(r->m > 0 ? r->m : 1) * (size_t)(n > 0 ? n : 1);
	double *out = malloc(sizeof *out * cells * 4), *lo, *hi, *aht;
	int k, i, op, cl, i0, i1, rc = WFM_OK, dec = r->o.decimals;
	wfm_date d;

	if (!out) /* (before out + cells: an offset on NULL is undefined) */
		return wfm_err_nomem(e);
	lo = out + cells;
	hi = lo + cells;
	aht = hi + cells;
	for (d = r->o.from; d <= r->o.to && rc == WFM_OK && !wfm_csvw_error(w); d++) {
		int j = d - r->o.from;

		if (!wfm_calendar_hours(r->cal, d, &op, &cl) || r->m < 1)
			continue;
		i0 = (op - r->grid_open) / r->o.interval;
		i1 = (cl - r->grid_open) / r->o.interval;
		for (k = 0; k < n; k++) {
			struct day x = day_of(v[k]->fc, j, dec);
			size_t at = (size_t)k * (size_t)r->m;

			if (v[k]->fc->state[j] != WFM_FC_OPEN)
				continue;
			if (!v[k]->profile) {
				row(w, NULL, d, -1, v[k], x.v, x.lo, x.hi, day_aht(v[k], j), dec);
				continue;
			}
			rc = wfm_fc_split_day(v[k]->profile, wfm_date_weekday(d), i0, i1, x.v, x.lo,
					      x.hi, r->o.level, dec, out + at, lo + at, hi + at, e);
			if (rc)
				break;
			if (day_aht(v[k], j) >= 0)
				wfm_fc_aht_split(v[k]->aht_prof, r->m, wfm_date_weekday(d), i0, i1,
						 day_aht(v[k], j), out + at, aht + at);
			else
				for (i = 0; i < r->m; i++)
					aht[at + (size_t)i] = -1;
		}
		for (i = i0; i < i1 && rc == WFM_OK; i++)
			for (k = 0; k < n; k++) {
				size_t at = (size_t)k * (size_t)r->m + (size_t)i;

				if (v[k]->profile && v[k]->fc->state[j] == WFM_FC_OPEN)
					row(w, NULL, d, r->grid_open + i * r->o.interval, v[k],
					    out[at], lo[at], hi[at], aht[at], dec);
			}
	}
	free(out);
	return rc;
}

int wfm_fcrun_write(const wfm_fcrun *r, wfm_csvw *w, wfm_err *e)
{
	static const char *const head[] = {"period", "time", "channel", "line", "forecast", "lo",
					   "hi", "aht_s", NULL};
	const wfm_fcrun_series **v;
	int n, rc = WFM_OK;

	if (!r || !r->forecast_done)
		return wfm_err_set(e, WFM_EUSAGE, "forecast run: nothing forecast yet");
	if (!(v = out_order(r, &n)))
		return wfm_err_nomem(e);
	wfm_csvw_header(w, head);
	if (r->o.grain == WFM_GRAIN_MONTH)
		write_months(r, v, n, w);
	else if (r->o.grain == WFM_GRAIN_DAY)
		write_days(r, v, n, w);
	else
		rc = write_intervals(r, v, n, w, e);
	free(v);
	if (rc == WFM_OK && wfm_csvw_error(w))
		rc = wfm_err_set(e, WFM_EIO, "write error");
	return rc;
}

/* ---- backtest ---------------------------------------------------------- */

static void score_row(wfm_csvw *w, const wfm_fcrun_series *s, const char *model, int selected,
		      const wfm_fc_score *sc, int origins, int horizon, const char *measure)
{
	wfm_csvw_str(w, s->line);
	wfm_csvw_str(w, wfm_channel_name(s->channel));
	wfm_csvw_str(w, model);
	wfm_csvw_long(w, selected);
	if (sc && sc->points > 0) {
		wfm_csvw_num(w, sc->mase, 4);
		wfm_csvw_num(w, sc->wape, 4);
		wfm_csvw_num(w, sc->bias, 4);
		wfm_csvw_num(w, sc->coverage, 4);
	} else {
		wfm_csvw_empty(w);
		wfm_csvw_empty(w);
		wfm_csvw_empty(w);
		wfm_csvw_empty(w);
	}
	wfm_csvw_long(w, origins);
	wfm_csvw_long(w, horizon);
	wfm_csvw_str(w, measure);
	wfm_csvw_end(w);
}

/* The rows of one forecast's backtest: every candidate, and the fallback
 * row of a short series. */
static void score_rows(wfm_csvw *w, const wfm_fcrun_series *s, const wfm_fc_daily *f,
		       const char *measure)
{
	int m;

	for (m = 0; m < WFM_FC_NMODELS; m++)
		score_row(w, s, wfm_fc_model_name(m), f->model == m, &f->scores[m], f->origins,
			  f->horizon, measure);
	if (f->model == WFM_FC_FALLBACK)
		score_row(w, s, wfm_fc_model_name(WFM_FC_FALLBACK), 1, NULL, 0, 0, measure);
}

int wfm_fcrun_backtest(wfm_fcrun *r, wfm_csvw *w, wfm_err *e)
{
	static const char *const head[] = {"line", "channel", "model", "selected", "mase", "wape",
					   "bias", "coverage", "origins", "horizon", "measure",
					   NULL};
	wfm_fc_options fo;
	int i, rc;

	if (!r)
		return wfm_err_set(e, WFM_EUSAGE, "forecast run: no run");
	wfm_fcr_fc_options(r, &fo);
	if (r->o.bt_days > 0)
		fo.horizon = r->o.bt_days;
	r->done = r->total = 0;
	for (i = 0; i < r->ns; i++)
		r->total += r->s[i].written && !r->s[i].new_line;
	for (i = 0; i < r->ns; i++)
		if (r->s[i].written && !r->s[i].new_line &&
		    ((rc = wfm_fcr_forecast_one(r, i, &fo, e)) || (rc = wfm_fcr_aht_one(r, i, &fo, e))))
			return rc;
	wfm_csvw_header(w, head);
	for (i = 0; i < r->ns && !wfm_csvw_error(w); i++) {
		const wfm_fcrun_series *s = &r->s[i];

		if (!s->written || s->new_line)
			continue;
		score_rows(w, s, s->fc, "volume");
		if (s->aht_fc)
			score_rows(w, s, s->aht_fc, "aht_s");
	}
	return wfm_csvw_error(w) ? wfm_err_set(e, WFM_EIO, "write error") : WFM_OK;
}
