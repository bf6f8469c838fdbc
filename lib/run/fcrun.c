/* fcrun.c - a forecast run: the history cut into daily series with states
 * from the calendar, interval matrices, the run's bookkeeping (see fcrun.h).
 */
#include "fcrun_impl.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/grow.h"

#define MX_DAYS (32 * 7) /* days of interval history kept for the profile:
			  * its longest window (26 weeks) plus its 4 test
			  * weeks, and a margin */

int wfm_grain_parse(const char *s)
{
	if (!s)
		return -1;
	if (strcmp(s, "month") == 0)
		return WFM_GRAIN_MONTH;
	if (strcmp(s, "day") == 0)
		return WFM_GRAIN_DAY;
	if (strcmp(s, "interval") == 0)
		return WFM_GRAIN_INTERVAL;
	return -1;
}

void wfm_fcrun_opts_default(wfm_fcrun_opts *o)
{
	memset(o, 0, sizeof *o);
	o->grain = WFM_GRAIN_DAY;
	o->interval = WFM_INTERVAL_DEFAULT;
	o->level = 0.8;
	o->channel = -1;
	o->decimals = 2;
	o->origins = 12;
}

int wfm_fcrun_last_date(const wfm_hist *h, wfm_date *last)
{
	const wfm_hrow *row = wfm_hist_rows(h);
	size_t i, n = wfm_hist_count(h);
	wfm_date d;

	if (n == 0)
		return 0;
	d = row[0].date;
	for (i = 1; i < n; i++)
		if (row[i].date > d)
			d = row[i].date;
	*last = d;
	return 1;
}

int wfm_fcr_note(wfm_fcrun *r, wfm_err *e, int warning, const char *fmt, ...)
{
	char buf[WFM_ERR_MSG_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	if (wfm_grow((void **)&r->notes, &r->capnotes, (size_t)r->nnotes + 1, sizeof *r->notes))
		return wfm_err_nomem(e);
	r->notes[r->nnotes].text = strdup(buf);
	if (!r->notes[r->nnotes].text)
		return wfm_err_nomem(e);
	r->notes[r->nnotes++].warning = warning;
	return WFM_OK;
}

int wfm_fcrun_nnotes(const wfm_fcrun *r)
{
	return r ? r->nnotes : 0;
}

const char *wfm_fcrun_note(const wfm_fcrun *r, int i, int *warning)
{
	if (!r || i < 0 || i >= r->nnotes)
		return "";
	if (warning)
		*warning = r->notes[i].warning;
	return r->notes[i].text;
}

const char *wfm_fcr_name(const wfm_fcrun *r, int i, char *buf, size_t n)
{
	snprintf(buf, n, "line %s, channel %s", r->s[i].line,
		 wfm_channel_name(r->s[i].channel));
	return buf;
}

int wfm_fcrun_count(const wfm_fcrun *r)
{
	return r ? r->ns : 0;
}

const wfm_fcrun_series *wfm_fcrun_get(const wfm_fcrun *r, int i)
{
	return r && i >= 0 && i < r->ns ? &r->s[i] : NULL;
}

wfm_date wfm_fcrun_end(const wfm_fcrun *r)
{
	return r->end;
}

void wfm_fcrun_grid(const wfm_fcrun *r, int *opens, int *m)
{
	*opens = r->grid_open;
	*m = r->m;
}

void wfm_fcrun_free(wfm_fcrun *r)
{
	int i;

	if (!r)
		return;
	for (i = 0; i < r->ns; i++) {
		wfm_fcrun_series *s = &r->s[i];

		free(s->line);
		free(s->value);
		free(s->state);
		free(s->flags);
		free(s->effect);
		free(s->mx_count);
		free(s->mx_state);
		free(s->aht_w);
		free(s->mx_aht);
		wfm_fc_daily_free(s->fc);
		wfm_fc_daily_free(s->aht_fc);
		wfm_fc_aht_profile_free(s->aht_prof);
		if (r->own)
			wfm_fc_profile_free(r->own[i]);
	}
	for (i = 0; i < r->nnotes; i++)
		free(r->notes[i].text);
	free(r->notes);
	free(r->own);
	free(r->fit_state);
	free(r->s);
	free(r);
}

/* ---- building the series ----------------------------------------------- */

/* What pass 1 learns about one (line index, channel) of the history. */
struct seen {
	wfm_date first;   /* earliest row before `from` */
	int before;       /* rows before `from` */
	int any;          /* rows at all */
	int intervals;    /* interval rows before `from` */
};

static int check_opts(const wfm_fcrun_opts *o, wfm_err *e)
{
	if (o->to < o->from)
		return wfm_err_set(e, WFM_EUSAGE, "the last day is before the first");
	if (o->to - o->from >= WFM_FCRUN_MAX_DAYS)
		return wfm_err_set(e, WFM_EUSAGE, "more than %d days to forecast",
				   WFM_FCRUN_MAX_DAYS);
	if (o->interval < 1 || 1440 % o->interval || !(o->level > 0 && o->level < 1) ||
	    o->decimals < 0 || o->decimals > 6 || o->origins < 1 || o->bt_days < 0 ||
	    o->channel < -1 || o->channel >= WFM_NCHANNELS || o->grain < WFM_GRAIN_MONTH ||
	    o->grain > WFM_GRAIN_INTERVAL)
		return wfm_err_set(e, WFM_EUSAGE, "forecast run: bad options");
	return WFM_OK;
}

static int picked(const wfm_fcrun_opts *o, const char *line, int ch)
{
	return (!o->line || strcmp(o->line, line) == 0) && (o->channel < 0 || o->channel == ch);
}

static int gcd(int a, int b)
{
	while (b) {
		int t = a % b;

		a = b;
		b = t;
	}
	return a;
}

/* The earliest opening and latest closing over the days [a, b] (hours
 * depend on the weekday only, so a year before the forecast shows them all
 * even when holidays close some days). */
static void find_grid(wfm_fcrun *r, wfm_date a, wfm_date b)
{
	int lo = 1440, hi = 0, op, cl;
	wfm_date d;

	for (d = a; d <= b; d++) {
		if (!wfm_calendar_hours(r->cal, d, &op, &cl))
			continue;
		lo = op < lo ? op : lo;
		hi = cl > hi ? cl : hi;
	}
	r->grid_open = hi > lo ? lo : 0;
	r->m = hi > lo ? (hi - lo) / r->o.interval : 0;
}

/* Lines of the history in byte order of their codes, into idx (nl ints). */
static void sort_lines(const wfm_hist *h, int nl, int *idx)
{
	int i, j;

	for (i = 0; i < nl; i++)
		idx[i] = i;
	for (i = 1; i < nl; i++) /* insertion sort: a few dozen lines */
		for (j = i; j > 0 && strcmp(wfm_hist_line(h, idx[j - 1]),
					   wfm_hist_line(h, idx[j])) > 0; j--) {
			int t = idx[j];

			idx[j] = idx[j - 1];
			idx[j - 1] = t;
		}
}

static int unknown_line(const wfm_hist *h, const char *line, wfm_err *e)
{
	char list[512] = "";
	size_t at = 0;
	int nl = wfm_hist_nlines(h), *idx = malloc(sizeof *idx * ((size_t)nl + 1)), i;

	if (!idx)
		return wfm_err_nomem(e);
	sort_lines(h, nl, idx);
	for (i = 0; i < nl && at < sizeof list - 1; i++) {
		int k = snprintf(list + at, sizeof list - at, "%s%s", i ? ", " : "",
				 wfm_hist_line(h, idx[i]));

		at += k > 0 ? (size_t)k : 0;
	}
	free(idx);
	return wfm_err_set(e, WFM_EUSAGE, "--line: no such line in the history or the expected "
			   "volumes: '%s' (lines: %s)", line, nl ? list : "none");
}

/* Adds a series for `code`, `ch` with days first .. r->end. */
static int add_series(wfm_fcrun *r, const char *code, int ch, wfm_date first, int written,
		      int new_line, wfm_err *e)
{
	wfm_fcrun_series *s = &r->s[r->ns];
	wfm_date d;

	memset(s, 0, sizeof *s);
	s->line = strdup(code);
	s->channel = ch;
	s->written = written;
	s->new_line = new_line;
	s->first = first;
	s->n_hist = r->o.from - first;
	s->n = r->end - first + 1;
	s->donor = -1;
	s->state = malloc((size_t)s->n);
	s->value = calloc((size_t)s->n_hist + 1, sizeof *s->value);
	s->aht_w = calloc((size_t)s->n_hist * 2 + 1, sizeof *s->aht_w);
	s->aht_sum = s->aht_w ? s->aht_w + s->n_hist : NULL;
	r->ns++;
	if (!s->line || !s->state || !s->value || !s->aht_w)
		return wfm_err_nomem(e);
	for (d = first; d <= r->end; d++)
		s->state[d - first] = !wfm_calendar_open(r->cal, d) ? WFM_FC_CLOSED :
				      d < r->o.from ? WFM_FC_MISSING : WFM_FC_OPEN;
	return WFM_OK;
}

/* The matrix of series s: the last MX_DAYS days of its history. */
static int add_matrix(wfm_fcrun *r, wfm_fcrun_series *s, wfm_err *e)
{
	wfm_date mfirst = r->o.from - MX_DAYS > s->first ? r->o.from - MX_DAYS : s->first;
	unsigned char *st;
	double *cnt;
	int d;

	s->mx.first = mfirst;
	s->mx.days = r->o.from - mfirst;
	s->mx.m = r->m;
	if (s->mx.days < 1 || r->m < 1) {
		s->mx.days = 0;
		return WFM_OK;
	}
	cnt = calloc((size_t)s->mx.days * (size_t)r->m, sizeof *cnt);
	st = malloc((size_t)s->mx.days);
	s->mx_aht = calloc((size_t)s->mx.days * (size_t)r->m * 2, sizeof *s->mx_aht);
	s->mx.count = s->mx_count = cnt;
	s->mx.state = s->mx_state = st;
	if (!cnt || !st || !s->mx_aht)
		return wfm_err_nomem(e);
	s->mx_w = s->mx_a = s->mx;
	s->mx_w.count = s->mx_aht;
	s->mx_a.count = s->mx_aht + (size_t)s->mx.days * (size_t)r->m;
	for (d = 0; d < s->mx.days; d++)
		st[d] = s->state[mfirst - s->first + d] == WFM_FC_CLOSED ? WFM_FC_CLOSED :
			WFM_FC_MISSING;
	return WFM_OK;
}

/* Pass 2: day totals, states and matrices from the rows before `from`. */
static void fill_series(wfm_fcrun *r, const int *map)
{
	const wfm_hrow *row = wfm_hist_rows(r->h);
	size_t k, n = wfm_hist_count(r->h);
	int i;

	for (k = 0; k < n; k++) {
		const wfm_hrow *x = &row[k];
		wfm_fcrun_series *s;
		double w;
		size_t cell;
		int d, md, iv;

		if (x->date >= r->o.from || map[x->line * WFM_NCHANNELS + x->channel] < 0)
			continue;
		s = &r->s[map[x->line * WFM_NCHANNELS + x->channel]];
		d = x->date - s->first;
		if (s->state[d] == WFM_FC_CLOSED) {
			if (!s->closed_rows || x->date < s->closed_first)
				s->closed_first = x->date;
			s->closed_rows++;
			continue;
		}
		s->value[d] += x->offered;
		s->state[d] = WFM_FC_OPEN;
		w = x->handled < 0 ? (double)x->offered : (double)x->handled;
		if (isnan(x->aht) || !(w > 0))
			w = 0;
		if (w > 0) {
			s->aht_w[d] += w;
			s->aht_sum[d] += w * x->aht;
		}
		md = x->date - s->mx.first;
		if (x->time < 0 || s->mx.days == 0 || md < 0)
			continue;
		s->mx_state[md] = WFM_FC_OPEN;
		iv = (x->time - r->grid_open) / r->o.interval;
		if (x->time < r->grid_open || iv >= r->m)
			continue;
		cell = (size_t)md * r->m + (size_t)iv;
		s->mx_count[cell] += x->offered;
		if (w > 0) {
			s->mx_aht[cell] += w;
			s->mx_aht[(size_t)s->mx.days * r->m + cell] += w * x->aht;
		}
	}
	for (i = 0; i < r->ns; i++)
		for (k = 0; k < (size_t)r->s[i].n_hist; k++) {
			r->s[i].days_data += r->s[i].state[k] == WFM_FC_OPEN;
			r->s[i].aht_days += r->s[i].state[k] == WFM_FC_OPEN &&
					    r->s[i].aht_w[k] > 0;
		}
}

/* Whether a row of ev names a series the run writes that the history lacks
 * (no row before `from`); `seen` is indexed by line index and channel. */
static int ev_new(const wfm_fcrun *r, const struct seen *seen, const wfm_ev_row *x)
{
	int li = wfm_hist_line_find(r->h, x->line);

	return picked(&r->o, x->line, x->channel) &&
	       (li < 0 || !seen[li * WFM_NCHANNELS + x->channel].before);
}

/* Adds the new-line series named by ev, in order of line code and channel. */
static int add_new_lines(wfm_fcrun *r, const struct seen *seen, const wfm_ev_list *ev,
			 wfm_err *e)
{
	size_t k, j;
	int rc, dup;

	for (k = 0; ev && k < ev->n; k++) {
		const wfm_ev_row *x = &ev->row[k];

		if (!ev_new(r, seen, x))
			continue;
		for (dup = 0, j = 0; j < k && !dup; j++)
			dup = ev_new(r, seen, &ev->row[j]) && ev->row[j].channel == x->channel &&
			      strcmp(ev->row[j].line, x->line) == 0;
		if (!dup && (rc = add_series(r, x->line, x->channel, r->o.from, 1, 1, e)))
			return rc;
	}
	return WFM_OK;
}

static int cmp_series(const void *pa, const void *pb)
{
	const wfm_fcrun_series *a = pa, *b = pb;
	int c = strcmp(a->line, b->line);

	return c ? c : a->channel - b->channel;
}

/* Checks the selection of o->line and o->channel against the history. */
static int check_selection(const wfm_fcrun *r, const struct seen *seen, const wfm_ev_list *ev,
			   wfm_err *e)
{
	int nl = wfm_hist_nlines(r->h), li, ch, in_hist = 0, in_ev = 0;
	size_t k;

	for (li = 0; li < nl; li++)
		for (ch = 0; ch < WFM_NCHANNELS; ch++)
			in_hist += seen[li * WFM_NCHANNELS + ch].any &&
				   picked(&r->o, wfm_hist_line(r->h, li), ch);
	for (k = 0; ev && k < ev->n; k++)
		in_ev += picked(&r->o, ev->row[k].line, ev->row[k].channel);
	if (in_hist || in_ev)
		return WFM_OK;
	if (r->o.line && wfm_hist_line_find(r->h, r->o.line) < 0) {
		for (k = 0; ev && k < ev->n; k++)
			if (strcmp(ev->row[k].line, r->o.line) == 0)
				break;
		if (!ev || k == ev->n)
			return unknown_line(r->h, r->o.line, e);
	}
	if (r->o.line && r->o.channel >= 0)
		return wfm_err_set(e, WFM_EUSAGE, "line %s has no %s history and no expected "
				   "volumes on %s", r->o.line, wfm_channel_name(r->o.channel),
				   wfm_channel_name(r->o.channel));
	return wfm_err_set(e, WFM_EUSAGE, "--channel: no %s history and no expected volumes on "
			   "%s", wfm_channel_name(r->o.channel), wfm_channel_name(r->o.channel));
}

/* Pass 1: what each (line, channel) of the history holds; the gcd of the
 * interval start times into *g. */
static void scan_rows(const wfm_fcrun *r, struct seen *seen, int *g)
{
	const wfm_hrow *row = wfm_hist_rows(r->h);
	size_t k, n = wfm_hist_count(r->h);

	*g = 0;
	for (k = 0; k < n; k++) {
		struct seen *p = &seen[row[k].line * WFM_NCHANNELS + row[k].channel];

		p->any = 1;
		if (row[k].date >= r->o.from)
			continue;
		if (!p->before || row[k].date < p->first)
			p->first = row[k].date;
		p->before++;
		if (row[k].time >= 0) {
			p->intervals = 1;
			*g = gcd(*g, row[k].time + 1440); /* + 1440: 00:00 counts */
		}
	}
}

/* The run's last day: o->to, or the end of a selected row of ev. */
static wfm_date last_day(const wfm_fcrun_opts *o, const wfm_ev_list *ev)
{
	wfm_date end = o->to;
	size_t k;

	for (k = 0; ev && k < ev->n; k++)
		if (picked(o, ev->row[k].line, ev->row[k].channel) && ev->row[k].ev.to > end)
			end = ev->row[k].ev.to;
	return end;
}

/* Adds the history's series: the selected ones, and every other one of a
 * channel some selected series has (a possible donor, not written). */
static int add_hist_series(wfm_fcrun *r, const struct seen *seen, int *map, wfm_err *e)
{
	int nl = wfm_hist_nlines(r->h), *idx, i, ch, rc = WFM_OK, need[WFM_NCHANNELS] = {0};
	char b1[16];

	idx = malloc(sizeof *idx * ((size_t)nl + 1));
	if (!idx)
		return wfm_err_nomem(e);
	sort_lines(r->h, nl, idx);
	for (i = 0; i < nl * WFM_NCHANNELS; i++)
		if (seen[i].any && picked(&r->o, wfm_hist_line(r->h, i / WFM_NCHANNELS),
					  i % WFM_NCHANNELS))
			need[i % WFM_NCHANNELS] = 1;
	for (i = 0; i < r->ns; i++)
		need[r->s[i].channel] = 1; /* new lines */
	for (i = 0; i < nl && rc == WFM_OK; i++)
		for (ch = 0; ch < WFM_NCHANNELS && rc == WFM_OK; ch++) {
			const struct seen *p = &seen[idx[i] * WFM_NCHANNELS + ch];
			const char *code = wfm_hist_line(r->h, idx[i]);
			int pick = picked(&r->o, code, ch);

			if (p->any && !p->before && pick)
				rc = wfm_fcr_note(r, e, 1, "line %s, channel %s: no history "
						"before %s: not forecast", code,
						wfm_channel_name(ch), wfm_date_iso(r->o.from, b1));
			if (!p->before || !need[ch] || rc)
				continue;
			map[idx[i] * WFM_NCHANNELS + ch] = r->ns;
			rc = add_series(r, code, ch, p->first, pick, 0, e);
			if (rc == WFM_OK)
				r->s[r->ns - 1].intervals = p->intervals;
		}
	free(idx);
	return rc;
}

static wfm_fcrun *new_fail(wfm_fcrun *r, int *map, struct seen *seen)
{
	free(map);
	free(seen);
	wfm_fcrun_free(r);
	return NULL;
}

wfm_fcrun *wfm_fcrun_new(const wfm_hist *h, const wfm_calendar *cal,
			 const wfm_fcrun_opts *o, const wfm_ev_list *ev, wfm_err *e)
{
	int nl = wfm_hist_nlines(h), i, g, written = 0, *map;
	size_t nslots = (size_t)nl * WFM_NCHANNELS + 1;
	struct seen *seen;
	wfm_fcrun *r;
	char b1[16];

	if (!h || !cal || !o) {
		wfm_err_set(e, WFM_EUSAGE, "forecast run: no input");
		return NULL;
	}
	if (check_opts(o, e))
		return NULL;
	r = calloc(1, sizeof *r);
	seen = calloc(nslots, sizeof *seen);
	map = malloc(sizeof *map * nslots);
	if (r)
		r->s = calloc(nslots + (ev ? ev->n : 0), sizeof *r->s);
	if (!r || !seen || !map || !r->s) {
		wfm_err_nomem(e);
		return new_fail(r, map, seen);
	}
	for (i = 0; i < (int)nslots; i++)
		map[i] = -1;
	r->o = *o;
	r->h = h;
	r->cal = cal;
	r->end = last_day(o, ev);
	scan_rows(r, seen, &g);
	if (check_selection(r, seen, ev, e))
		return new_fail(r, map, seen);
	find_grid(r, r->o.from - 371, r->end);
	if (add_new_lines(r, seen, ev, e) || add_hist_series(r, seen, map, e))
		return new_fail(r, map, seen);
	for (i = 0; i < r->ns; i++)
		written += r->s[i].written;
	if (!written) {
		wfm_err_set(e, WFM_EDATA, "no history before %s to forecast from",
			    wfm_date_iso(o->from, b1));
		return new_fail(r, map, seen);
	}
	for (i = 0; i < r->ns; i++)
		if (add_matrix(r, &r->s[i], e))
			return new_fail(r, map, seen);
	g = g ? gcd(g, 1440) : 0;
	if (o->grain == WFM_GRAIN_INTERVAL && g > o->interval &&
	    wfm_fcr_note(r, e, 1, "the history's interval rows start only every %d minutes, not "
		       "on every %d-minute interval: the intraday profile has gaps (set the "
		       "interval to %d)", g, o->interval, g))
		return new_fail(r, map, seen);
	fill_series(r, map);
	/* new lines sort among the others; map is not used after this */
	qsort(r->s, (size_t)r->ns, sizeof *r->s, cmp_series);
	r->own = calloc((size_t)r->ns + 1, sizeof *r->own);
	r->fit_state = calloc((size_t)r->ns + 1, 1);
	if (!r->own || !r->fit_state) {
		wfm_err_nomem(e);
		return new_fail(r, map, seen);
	}
	free(map);
	free(seen);
	return r;
}
