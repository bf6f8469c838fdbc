/* reportrun_acc.c - the accuracy section: saved forecasts against the
 * history that came in later (see README.md, wfm-report, accuracy).
 *
 * Per snapshot and series (line, channel), the days compared are the days
 * of the snapshot on which the history has rows for the series (and within
 * --from/--to).  Points: a day (its total), an interval of such a day (when
 * both have interval rows; an absent row is 0), a week or a month (the sum
 * of its compared days; a month row of a month snapshot when every open day
 * of the month has data).  Prediction intervals count for the coverage only
 * where the snapshot wrote them for that point.  The MASE scale is the
 * in-sample error of the naive forecast on the history before the
 * snapshot's first day: the same weekday a week before (days, and intervals
 * over the last 53 weeks), the week before (weeks), the month before
 * (months), over complete periods only; the MASE of weeks and months counts
 * the complete ones (every open day compared) only. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "reportrun_snap.h"
#include "common/channel.h"

enum { G_INTERVAL, G_DAY, G_WEEK, G_MONTH, NG };

static const char *const grain_name[NG] = {"interval", "day", "week", "month"};

/* The tables of the section and their columns. */
enum { S_SNAP, S_LINE, S_CHANNEL, S_GRAIN, S_N, S_ACT, S_FC, S_WAPE, S_BIAS, S_MASE, S_COVER,
       S_FLOOR };
static const rr_col sum_cols[] = {
	{"snapshot", WFM_TC_DATE, 0}, {"line", WFM_TC_TEXT, 0}, {"channel", WFM_TC_TEXT, 0},
	{"grain", WFM_TC_TEXT, 0},     {"periods", WFM_TC_NUM, 0}, {"actual", WFM_TC_NUM, 0},
	{"forecast", WFM_TC_NUM, 2},   {"wape", WFM_TC_PCT, 4},   {"bias", WFM_TC_PCT, 4},
	{"mase", WFM_TC_NUM, 3},       {"coverage", WFM_TC_PCT, 4},
	{"poisson_floor", WFM_TC_PCT, 4},
};
enum { D_SNAP, D_DATE, D_WD, D_LINE, D_CHANNEL, D_ACT, D_FC, D_LO, D_HI, D_ERR, D_APE, D_IN };
static const rr_col day_cols[] = {
	{"snapshot", WFM_TC_DATE, 0}, {"date", WFM_TC_DATE, 0},    {"weekday", WFM_TC_TEXT, 0},
	{"line", WFM_TC_TEXT, 0},     {"channel", WFM_TC_TEXT, 0}, {"actual", WFM_TC_NUM, 0},
	{"forecast", WFM_TC_NUM, 2},  {"lo", WFM_TC_NUM, 2},       {"hi", WFM_TC_NUM, 2},
	{"error", WFM_TC_NUM, 2},     {"abs_error_share", WFM_TC_PCT, 4},
	{"inside", WFM_TC_TEXT, 0},
};
enum { P_SNAP, P_PERIOD, P_LINE, P_CHANNEL, P_DAYS, P_ACT, P_FC, P_ERR, P_APE };
static const rr_col week_cols[] = {
	{"snapshot", WFM_TC_DATE, 0}, {"week", WFM_TC_DATE, 0},   {"line", WFM_TC_TEXT, 0},
	{"channel", WFM_TC_TEXT, 0},  {"days", WFM_TC_NUM, 0},    {"actual", WFM_TC_NUM, 0},
	{"forecast", WFM_TC_NUM, 2},  {"error", WFM_TC_NUM, 2},
	{"abs_error_share", WFM_TC_PCT, 4},
};
static const rr_col month_cols[] = {
	{"snapshot", WFM_TC_DATE, 0}, {"month", WFM_TC_TEXT, 0},  {"line", WFM_TC_TEXT, 0},
	{"channel", WFM_TC_TEXT, 0},  {"days", WFM_TC_NUM, 0},    {"actual", WFM_TC_NUM, 0},
	{"forecast", WFM_TC_NUM, 2},  {"error", WFM_TC_NUM, 2},
	{"abs_error_share", WFM_TC_PCT, 4},
};
enum { T_SNAP, T_LINE, T_CHANNEL, T_TIME, T_N, T_ACT, T_FC, T_WAPE, T_BIAS, T_FLOOR, T_COVER };
static const rr_col time_cols[] = {
	{"snapshot", WFM_TC_DATE, 0}, {"line", WFM_TC_TEXT, 0},     {"channel", WFM_TC_TEXT, 0},
	{"time", WFM_TC_TIME, 0},     {"days", WFM_TC_NUM, 0},      {"actual", WFM_TC_NUM, 0},
	{"forecast", WFM_TC_NUM, 2},  {"wape", WFM_TC_PCT, 4},      {"bias", WFM_TC_PCT, 4},
	{"poisson_floor", WFM_TC_PCT, 4}, {"coverage", WFM_TC_PCT, 4},
};
enum { A_SNAP, A_DATE, A_WD, A_CHANNEL, A_ACT, A_FC };
static const rr_col total_cols[] = {
	{"snapshot", WFM_TC_DATE, 0}, {"date", WFM_TC_DATE, 0},   {"weekday", WFM_TC_TEXT, 0},
	{"channel", WFM_TC_TEXT, 0},  {"actual", WFM_TC_NUM, 0},  {"forecast", WFM_TC_NUM, 2},
};

#define N(a) (sizeof(a) / sizeof((a)[0]))

typedef struct acc_tables {
	wfm_table *sum, *day, *week, *month, *time, *total;
} acc_tables;

/* One series' arrays: the history from h0 (nd days up to the snapshot's
 * last day), the interval matrix from m0 (nm days, M slots), the forecast
 * over the snapshot's days (nf). */
typedef struct work {
	wfm_date h0, m0, f0;
	size_t nd, nm, nf;
	int M;
	double *act;
	unsigned char *have, *ivhave;
	double *iv;
	unsigned char *ivp;
	double *fd, *flo, *fhi, *fsum;
	unsigned char *fdn, *fany;
	double *fiv, *fivlo, *fivhi;
	unsigned char *fivp;
	int has_iv;
} work;

static void work_free(work *w)
{
	free(w->act);
	free(w->have);
	free(w->ivhave);
	free(w->iv);
	free(w->ivp);
	free(w->fd);
	free(w->flo);
	free(w->fhi);
	free(w->fsum);
	free(w->fdn);
	free(w->fany);
	free(w->fiv);
	free(w->fivlo);
	free(w->fivhi);
	free(w->fivp);
	memset(w, 0, sizeof *w);
}

/* Sums of one (snapshot, channel, day) over the lines, for accuracy-total. */
typedef struct tot {
	double a, f;
	int n;
} tot;

static wfm_date monday(wfm_date d)
{
	return d - wfm_date_weekday(d);
}

static int month_no(wfm_date d)
{
	int y, m;

	wfm_date_to_ymd(d, &y, &m, NULL);
	return y * 12 + m - 1;
}

/* Fills the history arrays of `w` from rows idx[0..n) of `h`. */
static int fill_history(work *w, const wfm_hist *h, const size_t *idx, size_t n,
			const rr_snap *s, int interval, wfm_err *e)
{
	const wfm_hrow *rows = wfm_hist_rows(h);

	w->h0 = rows[idx[0]].date;
	w->nd = (size_t)(s->last - w->h0 + 1);
	w->M = 1440 / interval;
	w->m0 = s->first - 371 > w->h0 ? s->first - 371 : w->h0;
	w->nm = s->last >= w->m0 ? (size_t)(s->last - w->m0 + 1) : 0;
	w->act = calloc(w->nd, sizeof *w->act);
	w->have = calloc(w->nd, 1);
	w->ivhave = calloc(w->nd, 1);
	if (w->has_iv) {
		w->iv = calloc(w->nm * (size_t)w->M + 1, sizeof *w->iv);
		w->ivp = calloc(w->nm * (size_t)w->M + 1, 1);
	}
	if (!w->act || !w->have || !w->ivhave || (w->has_iv && (!w->iv || !w->ivp)))
		return wfm_err_nomem(e);
	for (size_t k = 0; k < n; k++) {
		const wfm_hrow *x = &rows[idx[k]];
		size_t d;

		if (x->date > s->last)
			break;
		d = (size_t)(x->date - w->h0);
		w->act[d] += x->offered;
		w->have[d] = 1;
		if (x->time < 0)
			continue;
		w->ivhave[d] = 1;
		if (w->has_iv && x->date >= w->m0) {
			size_t c = (size_t)(x->date - w->m0) * (size_t)w->M +
				   (size_t)(x->time / interval);

			w->iv[c] += x->offered;
			w->ivp[c] = 1;
		}
	}
	return WFM_OK;
}

/* Fills the forecast arrays of `w` from the snapshot rows a..b-1. */
static int fill_forecast(work *w, const rr_snap *s, size_t a, size_t b, int interval,
			 wfm_err *e)
{
	size_t cells;

	w->f0 = s->first;
	w->nf = (size_t)(s->last - s->first + 1);
	cells = w->nf * (size_t)w->M + 1;
	w->fd = calloc(w->nf, sizeof *w->fd);
	w->flo = calloc(w->nf, sizeof *w->flo);
	w->fhi = calloc(w->nf, sizeof *w->fhi);
	w->fsum = calloc(w->nf, sizeof *w->fsum);
	w->fdn = calloc(w->nf, 1);
	w->fany = calloc(w->nf, 1);
	if (!w->fd || !w->flo || !w->fhi || !w->fsum || !w->fdn || !w->fany)
		return wfm_err_nomem(e);
	if (w->has_iv) {
		w->fiv = calloc(cells, sizeof *w->fiv);
		w->fivlo = calloc(cells, sizeof *w->fivlo);
		w->fivhi = calloc(cells, sizeof *w->fivhi);
		w->fivp = calloc(cells, 1);
		if (!w->fiv || !w->fivlo || !w->fivhi || !w->fivp)
			return wfm_err_nomem(e);
	}
	for (size_t i = a; i < b; i++) {
		const rr_srow *x = &s->row[i];
		size_t d = (size_t)(x->date - s->first);

		w->fany[d] = 1;
		if (x->time < 0) {
			w->fd[d] = x->f;
			w->flo[d] = x->lo;
			w->fhi[d] = x->hi;
			w->fdn[d] = 1;
		} else {
			size_t c = d * (size_t)w->M + (size_t)(x->time / interval);

			w->fsum[d] += x->f;
			w->fiv[c] = x->f;
			w->fivlo[c] = x->lo;
			w->fivhi[c] = x->hi;
			w->fivp[c] = 1;
		}
	}
	return WFM_OK;
}

/* 1 when day `d` has history data for the series. */
static int has_data(const work *w, wfm_date d)
{
	return d >= w->h0 && d < w->h0 + (wfm_date)w->nd && w->have[d - w->h0];
}

/* The scale of the naive forecast over whole weeks (week 1) or months
 * (week 0) of the history before `end`: periods whose every open day has
 * data. */
static double period_scale(const work *w, const wfm_calendar *cal, wfm_date end, int week,
			   wfm_err *e)
{
	size_t cap = end > w->h0 ? (size_t)(end - w->h0) / (week ? 7 : 28) + 2 : 0, k = 0;
	double *y, scale;
	unsigned char *ok;
	wfm_date d = week ? monday(w->h0) : w->h0;
	int y0, m0;

	if (cap == 0)
		return NAN; /* no history before the snapshot */
	y = malloc(cap * sizeof *y);
	ok = malloc(cap);
	if (!y || !ok) {
		free(y);
		free(ok);
		wfm_err_nomem(e);
		return NAN;
	}
	if (!week) {
		wfm_date_to_ymd(w->h0, &y0, &m0, NULL);
		d = wfm_date_from_ymd(y0, m0, 1);
	}
	while (k < cap) {
		wfm_date next;
		int full = 1, yy, mm;
		double sum = 0;

		if (week) {
			next = d + 7;
		} else {
			wfm_date_to_ymd(d, &yy, &mm, NULL);
			next = d + wfm_days_in_month(yy, mm);
		}
		if (next > end)
			break;
		for (wfm_date x = d; x < next; x++) {
			if (has_data(w, x))
				sum += w->act[x - w->h0];
			else if (wfm_calendar_open(cal, x))
				full = 0;
		}
		y[k] = sum;
		ok[k++] = (unsigned char)(full && d >= w->h0);
		d = next;
	}
	scale = wfm_naive_scale(y, ok, k, 1);
	free(y);
	free(ok);
	return scale;
}

static int put_summary(wfm_rr *r, wfm_table *t, const rr_snap *s, const rr_sser *ser, int g,
		       const wfm_acc *a, double mase, wfm_err *e)
{
	int rc;

	if (a->n == 0)
		return WFM_OK;
	if ((rc = wfm_rr_row(t, e)))
		return rc;
	wfm_rr_num(t, S_SNAP, s->origin);
	if ((rc = wfm_rr_text(t, S_LINE, ser->line, e)) ||
	    (rc = wfm_rr_text(t, S_CHANNEL, wfm_rr_channel(r, ser->channel), e)) ||
	    (rc = wfm_rr_text(t, S_GRAIN, wfm_rr_t(r, grain_name[g]), e)))
		return rc;
	wfm_rr_num(t, S_N, (double)a->n);
	wfm_rr_num(t, S_ACT, a->actual);
	wfm_rr_num(t, S_FC, a->forecast);
	wfm_rr_num(t, S_WAPE, wfm_acc_wape(a));
	wfm_rr_num(t, S_BIAS, wfm_acc_bias(a));
	wfm_rr_num(t, S_MASE, mase);
	wfm_rr_num(t, S_COVER, wfm_acc_coverage(a));
	wfm_rr_num(t, S_FLOOR, wfm_acc_floor(a));
	return WFM_OK;
}

/* A row of accuracy-week or accuracy-month. */
static int put_period(wfm_rr *r, wfm_table *t, const rr_snap *s, const rr_sser *ser,
		      wfm_date start, int days, double a, double f, wfm_err *e)
{
	char buf[16];
	int rc, y, m;

	if ((rc = wfm_rr_row(t, e)))
		return rc;
	wfm_rr_num(t, P_SNAP, s->origin);
	if (t->col[P_PERIOD].type == WFM_TC_DATE) {
		wfm_rr_num(t, P_PERIOD, start);
	} else {
		wfm_date_to_ymd(start, &y, &m, NULL);
		if ((rc = wfm_rr_text(t, P_PERIOD, wfm_rr_month_text(r, y, m, buf), e)))
			return rc;
	}
	if ((rc = wfm_rr_text(t, P_LINE, ser->line, e)) ||
	    (rc = wfm_rr_text(t, P_CHANNEL, wfm_rr_channel(r, ser->channel), e)))
		return rc;
	wfm_rr_num(t, P_DAYS, days);
	wfm_rr_num(t, P_ACT, a);
	wfm_rr_num(t, P_FC, f);
	wfm_rr_num(t, P_ERR, f - a);
	wfm_rr_num(t, P_APE, a > 0 ? fabs(a - f) / a : NAN);
	return WFM_OK;
}

static int put_day(wfm_rr *r, wfm_table *t, const rr_snap *s, const rr_sser *ser, wfm_date d,
		   double a, double f, double lo, double hi, wfm_err *e)
{
	int rc;

	if ((rc = wfm_rr_row(t, e)))
		return rc;
	wfm_rr_num(t, D_SNAP, s->origin);
	wfm_rr_num(t, D_DATE, d);
	if ((rc = wfm_rr_text(t, D_WD, wfm_rr_weekday(r, d), e)) ||
	    (rc = wfm_rr_text(t, D_LINE, ser->line, e)) ||
	    (rc = wfm_rr_text(t, D_CHANNEL, wfm_rr_channel(r, ser->channel), e)))
		return rc;
	wfm_rr_num(t, D_ACT, a);
	wfm_rr_num(t, D_FC, f);
	wfm_rr_num(t, D_LO, lo);
	wfm_rr_num(t, D_HI, hi);
	wfm_rr_num(t, D_ERR, f - a);
	wfm_rr_num(t, D_APE, a > 0 ? fabs(a - f) / a : NAN);
	if (isfinite(lo) && isfinite(hi))
		rc = wfm_rr_text(t, D_IN, wfm_rr_yes(r, lo <= a && a <= hi), e);
	return rc;
}

/* Weeks or months of the compared days: their points and rows.  `full`
 * gets the points of complete periods only (every open day compared), for
 * the MASE, whose scale is that of complete periods. */
static int periods(wfm_rr *r, wfm_table *t, const rr_snap *s, const rr_sser *ser, const work *w,
		   const unsigned char *cmp, int week, wfm_acc *acc, wfm_acc *full, wfm_err *e)
{
	size_t i = 0;
	int rc;

	while (i < w->nf) {
		wfm_date d = w->f0 + (wfm_date)i, start = week ? monday(d) : d;
		int key = week ? start : month_no(d), days = 0, complete = 1;
		double a = 0, f = 0;

		if (!week) {
			int y, m;

			wfm_date_to_ymd(d, &y, &m, NULL);
			start = wfm_date_from_ymd(y, m, 1);
		}
		for (; i < w->nf; i++) {
			wfm_date x = w->f0 + (wfm_date)i;

			if ((week ? monday(x) : month_no(x)) != key)
				break;
			if (!cmp[i]) {
				complete &= !wfm_calendar_open(r->cal, x);
				continue;
			}
			days++;
			a += w->act[x - w->h0];
			f += w->fdn[i] ? w->fd[i] : w->fsum[i];
		}
		if (!days)
			continue;
		/* open days of the period outside the snapshot count as missing */
		for (wfm_date x = start; (week ? monday(x) : month_no(x)) == key; x++)
			if (x < w->f0 || x >= w->f0 + (wfm_date)w->nf)
				complete &= !wfm_calendar_open(r->cal, x);
		wfm_acc_add(acc, a, f, NAN, NAN);
		if (complete)
			wfm_acc_add(full, a, f, NAN, NAN);
		if ((rc = put_period(r, t, s, ser, start, days, a, f, e)))
			return rc;
	}
	return WFM_OK;
}

/* The month rows of a month snapshot, compared where every open day of the
 * month has data. */
static int month_rows(wfm_rr *r, wfm_table *t, const rr_snap *s, const rr_sser *ser,
		      const work *w, size_t a, size_t b, wfm_date from, wfm_date to, wfm_acc *acc,
		      wfm_err *e)
{
	for (size_t i = a; i < b; i++) {
		const rr_srow *x = &s->row[i];
		int y, m, full = 1, days = 0, rc;
		double act = 0;

		wfm_date_to_ymd(x->date, &y, &m, NULL);
		for (wfm_date d = x->date; d < x->date + wfm_days_in_month(y, m); d++) {
			if (has_data(w, d) && d >= from && d <= to) {
				act += w->act[d - w->h0];
				days++;
			} else if (wfm_calendar_open(r->cal, d)) {
				full = 0;
			}
		}
		if (!full || !days)
			continue;
		wfm_acc_add(acc, act, x->f, x->lo, x->hi);
		if ((rc = put_period(r, t, s, ser, x->date, days, act, x->f, e)))
			return rc;
	}
	return WFM_OK;
}

/* Everything of one series of one snapshot: rows of the snapshot a..b-1,
 * history rows idx[0..n). */
static int series(wfm_rr *r, const acc_tables *T, const rr_snap *s, size_t si, size_t a, size_t b,
		  const size_t *idx, size_t n, tot *total, wfm_err *e)
{
	const rr_sser *ser = &s->ser[si];
	int interval = r->cfg->interval, rc;
	wfm_date from = r->o.from <= r->o.to ? r->o.from : s->first;
	wfm_date to = r->o.from <= r->o.to ? r->o.to : s->last;
	wfm_acc acc[NG], full[NG], *slot = NULL;
	double scale[NG];
	unsigned char *cmp = NULL;
	work w;

	memset(&w, 0, sizeof w);
	memset(acc, 0, sizeof acc);
	memset(full, 0, sizeof full);
	for (size_t i = a; i < b; i++)
		w.has_iv |= s->row[i].time >= 0;
	if ((rc = fill_history(&w, r->hist, idx, n, s, interval, e)) ||
	    (rc = fill_forecast(&w, s, a, b, interval, e)))
		goto done;
	if (!(cmp = calloc(w.nf, 1)) || !(slot = calloc((size_t)w.M, sizeof *slot))) {
		rc = wfm_err_nomem(e);
		goto done;
	}
	for (size_t i = 0; i < w.nf; i++) {
		wfm_date d = w.f0 + (wfm_date)i;

		cmp[i] = s->grain != RR_MONTH && d >= from && d <= to && has_data(&w, d);
	}
	/* the scales: history before the snapshot's first day */
	scale[G_DAY] = s->first > w.h0 ? wfm_naive_scale(w.act, w.have, (size_t)(s->first - w.h0),
							 7) : NAN;
	scale[G_INTERVAL] = w.has_iv && s->first > w.m0 ?
		wfm_naive_scale(w.iv, w.ivp, (size_t)(s->first - w.m0) * (size_t)w.M,
				7 * (size_t)w.M) : NAN;
	scale[G_WEEK] = period_scale(&w, r->cal, s->first, 1, e);
	scale[G_MONTH] = period_scale(&w, r->cal, s->first, 0, e);
	if (e->code) {
		rc = e->code;
		goto done;
	}
	for (size_t i = 0; i < w.nf; i++) {
		wfm_date d = w.f0 + (wfm_date)i;
		double act, f, lo = NAN, hi = NAN;

		if (!cmp[i])
			continue;
		act = w.act[d - w.h0];
		f = w.fdn[i] ? w.fd[i] : w.fsum[i];
		if (w.fdn[i]) {
			lo = w.flo[i];
			hi = w.fhi[i];
		}
		wfm_acc_add(&acc[G_DAY], act, f, lo, hi);
		total[(size_t)ser->channel * w.nf + i].a += act;
		total[(size_t)ser->channel * w.nf + i].f += f;
		total[(size_t)ser->channel * w.nf + i].n++;
		wfm_rr_saw_day(r, d);
		if ((rc = put_day(r, T->day, s, ser, d, act, f, lo, hi, e)))
			goto done;
		if (!w.has_iv || !w.ivhave[d - w.h0])
			continue;
		for (int k = 0; k < w.M; k++) {
			size_t hc = (size_t)(d - w.m0) * (size_t)w.M + (size_t)k;
			size_t fc = i * (size_t)w.M + (size_t)k;

			if (!w.ivp[hc] && !w.fivp[fc])
				continue;
			lo = w.fivp[fc] ? w.fivlo[fc] : NAN;
			hi = w.fivp[fc] ? w.fivhi[fc] : NAN;
			wfm_acc_add(&acc[G_INTERVAL], w.iv[hc], w.fiv[fc], lo, hi);
			wfm_acc_add(&slot[k], w.iv[hc], w.fiv[fc], lo, hi);
		}
	}
	if ((rc = periods(r, T->week, s, ser, &w, cmp, 1, &acc[G_WEEK], &full[G_WEEK], e)))
		goto done;
	if (s->grain == RR_MONTH) {
		rc = month_rows(r, T->month, s, ser, &w, a, b, from, to, &acc[G_MONTH], e);
		full[G_MONTH] = acc[G_MONTH];
	} else {
		rc = periods(r, T->month, s, ser, &w, cmp, 0, &acc[G_MONTH], &full[G_MONTH], e);
	}
	full[G_DAY] = acc[G_DAY];
	full[G_INTERVAL] = acc[G_INTERVAL];
	for (int g = 0; rc == WFM_OK && g < NG; g++)
		rc = put_summary(r, T->sum, s, ser, g, &acc[g], wfm_acc_mase(&full[g], scale[g]),
				 e);
	for (int k = 0; rc == WFM_OK && k < w.M; k++) {
		if (slot[k].n == 0 || (rc = wfm_rr_row(T->time, e)))
			continue;
		wfm_rr_num(T->time, T_SNAP, s->origin);
		if ((rc = wfm_rr_text(T->time, T_LINE, ser->line, e)) ||
		    (rc = wfm_rr_text(T->time, T_CHANNEL, wfm_rr_channel(r, ser->channel), e)))
			break;
		wfm_rr_num(T->time, T_TIME, k * interval);
		wfm_rr_num(T->time, T_N, (double)slot[k].n);
		wfm_rr_num(T->time, T_ACT, slot[k].actual);
		wfm_rr_num(T->time, T_FC, slot[k].forecast);
		wfm_rr_num(T->time, T_WAPE, wfm_acc_wape(&slot[k]));
		wfm_rr_num(T->time, T_BIAS, wfm_acc_bias(&slot[k]));
		wfm_rr_num(T->time, T_FLOOR, wfm_acc_floor(&slot[k]));
		wfm_rr_num(T->time, T_COVER, wfm_acc_coverage(&slot[k]));
	}
	if (rc == WFM_OK && acc[G_DAY].n == 0 && acc[G_MONTH].n == 0)
		rc = wfm_rr_notef(r, 0, e, "%s: line %s, channel %s: no actuals in the history for "
				  "its days yet", s->name, ser->line, wfm_channel_name(ser->channel));
done:
	free(cmp);
	free(slot);
	work_free(&w);
	return rc;
}

/* accuracy-total: per channel and day, with a chart per channel. */
static int totals(wfm_rr *r, wfm_table *t, const rr_snap *s, const tot *total, size_t nf,
		  wfm_err *e)
{
	char title[256], d1[11];
	int rc;

	for (int ch = 0; ch < WFM_NCHANNELS; ch++) {
		size_t first = t->nrow;
		wfm_tchart c;

		for (size_t i = 0; i < nf; i++) {
			const tot *x = &total[(size_t)ch * nf + i];
			wfm_date d = s->first + (wfm_date)i;

			if (!x->n)
				continue;
			if ((rc = wfm_rr_row(t, e)))
				return rc;
			wfm_rr_num(t, A_SNAP, s->origin);
			wfm_rr_num(t, A_DATE, d);
			if ((rc = wfm_rr_text(t, A_WD, wfm_rr_weekday(r, d), e)) ||
			    (rc = wfm_rr_text(t, A_CHANNEL, wfm_rr_channel(r, ch), e)))
				return rc;
			wfm_rr_num(t, A_ACT, x->a);
			wfm_rr_num(t, A_FC, x->f);
		}
		if (t->nrow - first < 2)
			continue;
		wfm_rr_cat(title, sizeof title, wfm_rr_t(r, "Forecast against actual per day"),
			   ": ", wfm_rr_channel(r, ch), ", ", wfm_rr_t(r, "snapshot of"), " ",
			   wfm_rr_date_text(r, s->origin, d1), (char *)NULL);
		c = (wfm_tchart){title, WFM_CHART_LINE, A_DATE, {A_FC, A_ACT}, 2, first, t->nrow,
				 wfm_rr_t(r, "contacts")};
		if ((rc = wfm_table_add_chart(t, &c, e)))
			return rc;
	}
	return WFM_OK;
}

static int one_snapshot(wfm_rr *r, const acc_tables *T, const rr_snap *s, wfm_err *e)
{
	size_t *idx = NULL, *start = NULL, a = 0, nf = (size_t)(s->last - s->first + 1);
	tot *total = calloc((size_t)WFM_NCHANNELS * nf, sizeof *total);
	int rc;

	if (!total)
		return wfm_err_nomem(e);
	rc = wfm_rr_snap_bucket(r->hist, s, &idx, &start, e);
	for (size_t si = 0; rc == WFM_OK && si < s->nser; si++) {
		size_t b = a;

		while (b < s->nrow && s->row[b].ser == (int32_t)si)
			b++;
		if (start[si + 1] == start[si])
			rc = wfm_rr_notef(r, 0, e, "%s: line %s, channel %s: not in the history",
					  s->name, s->ser[si].line,
					  wfm_channel_name(s->ser[si].channel));
		else
			rc = series(r, T, s, si, a, b, idx + start[si], start[si + 1] - start[si],
				    total, e);
		a = b;
	}
	if (rc == WFM_OK)
		rc = totals(r, T->total, s, total, nf, e);
	free(total);
	free(idx);
	free(start);
	return rc;
}

static int snap_cmp(const void *a, const void *b)
{
	const rr_snap *x = a, *y = b;

	if (x->origin != y->origin)
		return x->origin < y->origin ? -1 : 1;
	return strcmp(x->name, y->name);
}

int wfm_rr_accuracy(wfm_rr *r, const wfm_rr_files *f, wfm_err *e)
{
	rr_snap *snap;
	acc_tables T;
	size_t n = 0;
	int rc = WFM_OK;

	if (!f->history || f->nsnapshots == 0)
		return wfm_err_set(e, WFM_EUSAGE, "the accuracy section needs --history and at "
				   "least one forecast snapshot");
	if (r->o.origin_set && f->nsnapshots > 1)
		return wfm_err_set(e, WFM_EUSAGE, "--origin goes with one snapshot: name the "
				   "others forecast-YYYY-MM-DD.csv");
	if ((rc = wfm_rr_load_history(r, f->history, e)))
		return rc;
	if (!(snap = calloc(f->nsnapshots, sizeof *snap)))
		return wfm_err_nomem(e);
	for (; n < f->nsnapshots && rc == WFM_OK; n++)
		rc = wfm_rr_snap_read(&snap[n], f->snapshots[n], r->o.origin_set, r->o.origin, e);
	if (rc == WFM_OK) {
		qsort(snap, n, sizeof *snap, snap_cmp);
		memset(&T, 0, sizeof T);
		if (!(T.sum = wfm_rr_add_table(r, "accuracy", wfm_rr_t(r, "Forecast accuracy per "
				"snapshot, line, channel and grain"), sum_cols, N(sum_cols), e)) ||
		    !(T.day = wfm_rr_add_table(r, "accuracy-day", wfm_rr_t(r, "Forecast against "
				"actual per day"), day_cols, N(day_cols), e)) ||
		    !(T.week = wfm_rr_add_table(r, "accuracy-week", wfm_rr_t(r, "Forecast against "
				"actual per week"), week_cols, N(week_cols), e)) ||
		    !(T.month = wfm_rr_add_table(r, "accuracy-month", wfm_rr_t(r, "Forecast "
				"against actual per month"), month_cols, N(month_cols), e)) ||
		    !(T.time = wfm_rr_add_table(r, "accuracy-time", wfm_rr_t(r, "Accuracy per time "
				"of day"), time_cols, N(time_cols), e)) ||
		    !(T.total = wfm_rr_add_table(r, "accuracy-total", wfm_rr_t(r, "Forecast "
				"against actual per day, all lines"), total_cols, N(total_cols), e)))
			rc = e->code;
	}
	for (size_t i = 0; rc == WFM_OK && i < n; i++)
		rc = one_snapshot(r, &T, &snap[i], e);
	if (rc == WFM_OK && f->expected)
		rc = wfm_rr_estimates(r, f, snap, n, e);
	for (size_t i = 0; i < n; i++)
		wfm_rr_snap_release(&snap[i]);
	free(snap);
	return rc;
}
