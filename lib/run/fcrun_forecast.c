/* fcrun_forecast.c - forecasting the series of a run: the models, new lines
 * shaped like a donor, intraday profiles, expected volumes (see fcrun.h). */
#include "fcrun_impl.h"

#include <stdlib.h>
#include <string.h>

#define AHT_WEEKS 12 /* weeks of interval history for the handle-time ratios */

void wfm_fcr_fc_options(const wfm_fcrun *r, wfm_fc_options *fo)
{
	int days = r->o.to - r->o.from + 1;

	wfm_fc_options_default(fo);
	fo->level = r->o.level;
	fo->origins = r->o.origins;
	/* at least four weeks, so that every weekday is scored whatever the
	 * weekday of `from` (a one-day forecast from a Monday would otherwise
	 * score Sundays only), at most eight */
	fo->horizon = days < 28 ? 28 : days < 56 ? days : 56;
}

/* The warnings of a written series' forecast, as notes. */
static int forecast_notes(wfm_fcrun *r, int i, wfm_err *e)
{
	const wfm_fcrun_series *s = &r->s[i];
	char name[128], b1[16], b2[16];
	int rc = WFM_OK;

	wfm_fcr_name(r, i, name, sizeof name);
	if (s->closed_rows)
		rc = wfm_fcr_note(r, e, 1, "%s: %ld row%s on closed days not used (the first on "
				"%s: %s)", name, s->closed_rows, s->closed_rows == 1 ? "" : "s",
				wfm_date_iso(s->closed_first, b1),
				wfm_calendar_reason(r->cal, s->closed_first));
	if (rc == WFM_OK && (s->fc->warnings & WFM_FC_WARN_SHORT))
		rc = wfm_fcr_note(r, e, 1, "%s: only %d open day%s with data before %s (fewer than "
				"21): forecast by the mean of each weekday", name, s->days_data,
				s->days_data == 1 ? "" : "s", wfm_date_iso(r->o.from, b2));
	else if (rc == WFM_OK && (s->fc->warnings & WFM_FC_WARN_NO_BACKTEST))
		rc = wfm_fcr_note(r, e, 1, "%s: too short to backtest: %d open days with data, "
				"and a backtest origin needs 28 before it and 7 days after it: "
				"model %s, its interval from the spread of the history", name,
				s->days_data, wfm_fc_model_name(s->fc->model));
	if (rc == WFM_OK && s->fc->gap > 0 && !(s->fc->warnings & WFM_FC_WARN_SHORT)) {
		int k, miss = 0;
		for (k = s->n_hist - s->fc->gap; k < s->n_hist; k++)
			miss += s->state[k] == WFM_FC_MISSING;
		if (miss >= 7)
			rc = wfm_fcr_note(r, e, 0, "%s: no data on the last %d open day%s before "
					"%s (the data end on %s): backtested up to that day, the "
					"intervals widened for the %d day%s in between", name, miss,
					miss == 1 ? "" : "s", wfm_date_iso(r->o.from, b2),
					wfm_date_iso(s->first + s->n_hist - s->fc->gap - 1, b1),
					s->fc->gap, s->fc->gap == 1 ? "" : "s");
	}
	return rc;
}

int wfm_fcr_forecast_one(wfm_fcrun *r, int i, const wfm_fc_options *fo, wfm_err *e)
{
	wfm_fcrun_series *s = &r->s[i];
	wfm_fc_series in = {s->first, s->n_hist, s->n, s->value, s->state, s->flags, s->effect};
	char name[128], b1[16];
	int rc;

	wfm_fc_daily_free(s->fc);
	s->fc = NULL;
	wfm_fcr_name(r, i, name, sizeof name);
	if (s->days_data == 0)
		return wfm_err_set(e, WFM_EDATA, "%s: no data on an open day before %s%s",
				   name, wfm_date_iso(r->o.from, b1), s->closed_rows ?
				   " (all its rows are on closed days)" : "");
	rc = wfm_fc_forecast(&in, fo, &s->fc, e);
	if (rc != WFM_OK) {
		wfm_err_prefix(e, "%s: ", name);
		return rc;
	}
	if (s->written && ((rc = forecast_notes(r, i, e)) || (rc = wfm_fcr_event_notes(r, i, e))))
		return rc;
	r->done++;
	if (r->done > r->total)
		r->total = r->done;
	if (r->o.progress)
		r->o.progress(r->o.progress_ctx, r->done, r->total);
	return WFM_OK;
}

/* The profile of series i, fitted on first use; NULL when it has no usable
 * interval data (or on error: *rc is then set). */
static const wfm_fc_profile *profile_of(wfm_fcrun *r, int i, int *rc, wfm_err *e)
{
	wfm_fcrun_series *s = &r->s[i];

	if (r->fit_state[i] == 0) {
		r->fit_state[i] = -1;
		if (s->intervals && s->mx.days > 0) {
			*rc = wfm_fc_profile_fit(&s->mx, &r->own[i], e);
			if (*rc == WFM_EDATA) { /* no open day with interval data */
				*rc = WFM_OK;
				wfm_err_clear(e);
			}
			if (*rc != WFM_OK)
				return NULL;
			r->fit_state[i] = 1;
		}
	}
	return r->fit_state[i] > 0 ? r->own[i] : NULL;
}

/* The donor of series i: of the other series of its channel with history
 * (and, with `need_profile`, a usable intraday profile), the one with the
 * most open days with data, the first on a tie; -1 when there is none. */
static int pick_donor(wfm_fcrun *r, int i, int need_profile, int *rc, wfm_err *e)
{
	char *tried = calloc((size_t)r->ns + 1, 1);
	int j, best;

	*rc = WFM_OK;
	if (!tried) {
		*rc = wfm_err_nomem(e);
		return -1;
	}
	for (;;) {
		best = -1;
		for (j = 0; j < r->ns; j++) {
			const wfm_fcrun_series *c = &r->s[j];

			if (j == i || tried[j] || c->new_line || c->channel != r->s[i].channel ||
			    c->days_data == 0 || (need_profile && !c->intervals))
				continue;
			if (best < 0 || c->days_data > r->s[best].days_data)
				best = j;
		}
		if (best < 0 || !need_profile || profile_of(r, best, rc, e) || *rc)
			break;
		tried[best] = 1;
	}
	free(tried);
	return *rc ? -1 : best;
}

/* Open days in [a, b] by the calendar. */
static int open_days(const wfm_fcrun *r, wfm_date a, wfm_date b)
{
	int n = 0;

	for (; a <= b; a++)
		n += wfm_calendar_open(r->cal, a);
	return n;
}

/* The series a row of ev goes to: a written series, or -1. */
static int series_of(const wfm_fcrun *r, const wfm_ev_row *x)
{
	int i;

	for (i = 0; i < r->ns; i++)
		if (r->s[i].written && r->s[i].channel == x->channel &&
		    strcmp(r->s[i].line, x->line) == 0)
			return i;
	return -1;
}

/* Rows that add or set a volume need an open day to put it on. */
static int check_ev(const wfm_fcrun *r, const wfm_ev_list *ev, wfm_err *e)
{
	static const char *const mode[] = {"add", "scale", "set"};
	char b1[16], b2[16];
	size_t k;

	for (k = 0; ev && k < ev->n; k++) {
		const wfm_ev_row *x = &ev->row[k];

		if (series_of(r, x) < 0 || x->ev.mode == WFM_FC_SCALE ||
		    open_days(r, x->ev.from, x->ev.to) > 0)
			continue;
		return wfm_err_set(e, WFM_EDATA, "%s:%ld: no open day from %s to %s to %s the "
				   "volume on", ev->name, x->src_line, wfm_date_iso(x->ev.from, b1),
				   wfm_date_iso(x->ev.to, b2), mode[x->ev.mode]);
	}
	return WFM_OK;
}

/* A new line: the expected volumes of its rows, shaped like its donor. */
static int new_line(wfm_fcrun *r, int i, const wfm_ev_list *ev, const wfm_fc_options *fo,
		    wfm_err *e)
{
	wfm_fcrun_series *s = &r->s[i];
	wfm_fc_expected *x = malloc(sizeof *x * (ev->n + 1));
	const wfm_ev_row *first = NULL;
	char name[128];
	int d, rc, n = 0, shaped = 0;
	size_t k;

	if (!x)
		return wfm_err_nomem(e);
	for (k = 0; k < ev->n; k++)
		if (series_of(r, &ev->row[k]) == i) {
			first = first ? first : &ev->row[k];
			shaped += ev->row[k].ev.mode != WFM_FC_SCALE;
			x[n++] = ev->row[k].ev;
		}
	wfm_fcr_name(r, i, name, sizeof name);
	rc = WFM_OK;
	if (!shaped)
		rc = wfm_err_set(e, WFM_EDATA, "%s:%ld: %s has no history: it needs an add or "
				 "set row, not only scale", ev->name, first->src_line, name);
	d = rc ? -1 : pick_donor(r, i, 0, &rc, e);
	if (rc == WFM_OK && d < 0)
		rc = wfm_err_set(e, WFM_EDATA, "%s:%ld: %s has no history, and no other line "
				 "has %s history to lend it a shape", ev->name, first->src_line,
				 name, wfm_channel_name(s->channel));
	if (rc == WFM_OK && !r->s[d].fc) {
		r->total++;
		rc = wfm_fcr_forecast_one(r, d, fo, e);
	}
	if (rc == WFM_OK && (rc = wfm_fc_from_donor(r->s[d].fc, r->o.from, s->n, s->state, x, n,
						    &s->fc, e)))
		wfm_err_prefix(e, "%s: %s: ", ev->name, name);
	free(x);
	if (rc)
		return rc;
	s->donor = d;
	return wfm_fcr_note(r, e, 0, "%s: no history: forecast from the expected volumes, shaped "
			  "like line %s (the %s series with the most history)", name,
			  r->s[d].line, wfm_channel_name(s->channel));
}

/* The intraday profile of written live series i: its own, a donor's, or
 * flat. */
static int give_profile(wfm_fcrun *r, int i, wfm_err *e)
{
	wfm_fcrun_series *s = &r->s[i];
	char name[128];
	double *flat;
	int d = -1, rc = WFM_OK, k;

	wfm_fcr_name(r, i, name, sizeof name);
	if ((s->profile = profile_of(r, i, &rc, e)) || rc)
		return rc;
	if (s->new_line && s->donor >= 0 && profile_of(r, s->donor, &rc, e))
		d = s->donor;
	else if (rc == WFM_OK)
		d = pick_donor(r, i, 1, &rc, e);
	if (rc)
		return rc;
	if (d >= 0) {
		s->profile = r->own[d];
		if (d == s->donor)
			return WFM_OK; /* said with the new line's note */
		s->donor = d;
		return wfm_fcr_note(r, e, 0, "%s: no interval history: spread over the day like "
				  "line %s", name, r->s[d].line);
	}
	flat = malloc(sizeof *flat * (size_t)7 * (size_t)r->m);
	if (!flat)
		return wfm_err_nomem(e);
	for (k = 0; k < 7 * r->m; k++)
		flat[k] = 1;
	r->own[i] = wfm_fc_profile_new(r->m, flat, e);
	free(flat);
	if (!(s->profile = r->own[i]))
		return e ? e->code : WFM_EINTERNAL;
	return wfm_fcr_note(r, e, 1, "%s: no interval history on this channel: spread evenly over "
			  "the opening hours", name);
}

/* ---- handle times ------------------------------------------------------- */

int wfm_fcr_aht_one(wfm_fcrun *r, int i, const wfm_fc_options *fo, wfm_err *e)
{
	wfm_fcrun_series *s = &r->s[i];
	double *v;
	unsigned char *st;
	char name[128];
	int t, rc;

	wfm_fc_daily_free(s->aht_fc);
	s->aht_fc = NULL;
	s->aht_borrowed = 0;
	if (s->aht_days == 0)
		return WFM_OK;
	v = calloc((size_t)s->n_hist + 1, sizeof *v);
	st = malloc((size_t)s->n + 1);
	if (!v || !st) {
		free(v);
		free(st);
		return wfm_err_nomem(e);
	}
	for (t = 0; t < s->n; t++) {
		st[t] = s->state[t];
		if (t < s->n_hist && st[t] == WFM_FC_OPEN) {
			if (s->aht_w[t] > 0)
				v[t] = s->aht_sum[t] / s->aht_w[t];
			else
				st[t] = WFM_FC_MISSING;
		}
	}
	{
		/* outages are left out, but the events' effects are on volumes */
		wfm_fc_series in = {s->first, s->n_hist, s->n, v, st, s->flags, NULL};

		rc = wfm_fc_forecast(&in, fo, &s->aht_fc, e);
	}
	free(v);
	free(st);
	if (rc) {
		wfm_fcr_name(r, i, name, sizeof name);
		wfm_err_prefix(e, "%s: handle times: ", name);
	}
	return rc;
}

/* A daily forecast of h days from `first` with all figures 0 and states
 * copied from `state`; NULL on out of memory. */
static wfm_fc_daily *daily_alloc(wfm_date first, int h, const unsigned char *state)
{
	wfm_fc_daily *f = calloc(1, sizeof *f);

	if (!f)
		return NULL;
	f->first = first;
	f->h = h;
	f->model = WFM_FC_FALLBACK;
	f->point = calloc((size_t)h + 1, sizeof *f->point);
	f->lo = calloc((size_t)h + 1, sizeof *f->lo);
	f->hi = calloc((size_t)h + 1, sizeof *f->hi);
	f->state = calloc((size_t)h + 1, 1);
	if (!f->point || !f->lo || !f->hi || !f->state) {
		wfm_fc_daily_free(f);
		return NULL;
	}
	memcpy(f->state, state, (size_t)h);
	return f;
}

/* Series i has no handle times: the mean of its channel's other series with
 * their own, weighted by their forecast volumes day by day. */
static int aht_borrow(wfm_fcrun *r, int i, wfm_err *e)
{
	wfm_fcrun_series *s = &r->s[i];
	char name[128];
	int j, k, donors = 0;

	for (k = 0; k < r->ns; k++)
		donors += k != i && r->s[k].channel == s->channel && r->s[k].aht_fc &&
			  !r->s[k].aht_borrowed && r->s[k].fc;
	if (!donors || !s->fc)
		return WFM_OK;
	if (!(s->aht_fc = daily_alloc(s->fc->first, s->fc->h, s->fc->state)))
		return wfm_err_nomem(e);
	s->aht_borrowed = 1;
	for (j = 0; j < s->fc->h; j++) {
		double num = 0, den = 0, plain = 0;
		int cnt = 0;

		for (k = 0; k < r->ns; k++) {
			const wfm_fcrun_series *o = &r->s[k];

			if (k == i || o->channel != s->channel || !o->aht_fc || o->aht_borrowed ||
			    !o->fc || o->aht_fc->state[j] != WFM_FC_OPEN)
				continue;
			num += o->fc->point[j] * o->aht_fc->point[j];
			den += o->fc->point[j];
			plain += o->aht_fc->point[j];
			cnt++;
		}
		s->aht_fc->point[j] = den > 0 ? num / den : cnt ? plain / cnt : 0;
	}
	wfm_fcr_name(r, i, name, sizeof name);
	return wfm_fcr_note(r, e, 0, "%s: no handle times in the history: aht_s is the mean of the "
			  "other %s lines, weighted by their forecast volumes", name,
			  wfm_channel_name(s->channel));
}

/* Handle-time forecasts of the series forecast (written ones and donors),
 * the intraday ratios of the written ones at interval grain, and borrowed
 * ones for written series without handle times. */
static int forecast_aht(wfm_fcrun *r, const wfm_fc_options *fo, wfm_err *e)
{
	int i, rc;

	for (i = 0; i < r->ns; i++) {
		wfm_fcrun_series *s = &r->s[i];

		if (!s->fc || s->new_line) /* written, or a donor */
			continue;
		if ((rc = wfm_fcr_aht_one(r, i, fo, e)))
			return rc;
		if (!s->written || r->o.grain != WFM_GRAIN_INTERVAL || wfm_channel_deferred(s->channel) ||
		    !s->aht_fc || s->mx.days == 0 || !s->intervals)
			continue;
		rc = wfm_fc_aht_profile_fit(&s->mx_w, &s->mx_a, AHT_WEEKS, &s->aht_prof, e);
		if (rc == WFM_EDATA) { /* no interval rows with a handle time */
			rc = WFM_OK;
			wfm_err_clear(e);
		}
		if (rc)
			return rc;
	}
	for (i = 0; i < r->ns; i++)
		if (r->s[i].written && !r->s[i].aht_fc && (rc = aht_borrow(r, i, e)))
			return rc;
	return WFM_OK;
}

/* Applies the rows of ev for written series with history, in file order. */
static int apply_ev(wfm_fcrun *r, const wfm_ev_list *ev, wfm_err *e)
{
	size_t k;
	int i, rc;

	for (k = 0; ev && k < ev->n; k++) {
		i = series_of(r, &ev->row[k]);
		if (i < 0 || r->s[i].new_line)
			continue;
		if ((rc = wfm_fc_apply_expected(r->s[i].fc, &ev->row[k].ev, e))) {
			wfm_err_prefix(e, "%s:%ld: ", ev->name, ev->row[k].src_line);
			return rc;
		}
	}
	return WFM_OK;
}

int wfm_fcrun_forecast(wfm_fcrun *r, const wfm_ev_list *ev, wfm_err *e)
{
	wfm_fc_options fo;
	int i, rc;

	if (!r)
		return wfm_err_set(e, WFM_EUSAGE, "forecast run: no run");
	for (i = 0; i < r->ns; i++)
		if (r->s[i].new_line && !ev)
			return wfm_err_set(e, WFM_EUSAGE, "forecast run: the expected volumes "
					   "the run was made with are needed");
	if ((rc = check_ev(r, ev, e)))
		return rc;
	wfm_fcr_fc_options(r, &fo);
	r->done = r->total = 0;
	for (i = 0; i < r->ns; i++)
		r->total += r->s[i].written && !r->s[i].new_line;
	for (i = 0; i < r->ns; i++)
		if (r->s[i].written && !r->s[i].new_line && (rc = wfm_fcr_forecast_one(r, i, &fo, e)))
			return rc;
	for (i = 0; i < r->ns; i++)
		if (r->s[i].new_line && (rc = new_line(r, i, ev, &fo, e)))
			return rc;
	for (i = 0; r->o.grain == WFM_GRAIN_INTERVAL && r->m > 0 && i < r->ns; i++)
		if (r->s[i].written && !wfm_channel_deferred(r->s[i].channel) &&
		    (rc = give_profile(r, i, e)))
			return rc;
	if ((rc = apply_ev(r, ev, e)) || (rc = forecast_aht(r, &fo, e)))
		return rc;
	r->forecast_done = 1;
	return WFM_OK;
}
