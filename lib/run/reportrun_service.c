/* reportrun_service.c - the service section: what the actuals say about the
 * service (see README.md, wfm-report, service).
 *
 * Live channels (phone, chat): the answer rate per day, handled / offered,
 * against target_answer_rate.  Deferred channels (e-mail, social,
 * callbacks): the daily offered and handled counts run first in, first out
 * (wfm_fifo_run) after the opening backlog; a day's contacts are released on
 * the first working day on or after it and due at the end of the
 * deadline_days-th working day after that (as wfm-staff plans them).  The
 * opening backlog of a series is its latest row in the backlog file dated on
 * or before the first day reported; the run starts on that row's date (the
 * history's counts from then on), else on the first day with 0 waiting.
 * The backlog counts as arrived the day before the run starts (the youngest
 * it can be). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "reportrun_impl.h"
#include "common/channel.h"
#include "common/grow.h"
#include "common/tol.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

enum { V_LINE, V_CHANNEL, V_MEASURE, V_OFFERED, V_ANSWERED, V_SHARE, V_TARGET, V_MISSED,
       V_OPEN, V_PAST };
static const rr_col sum_cols[] = {
	{"line", WFM_TC_TEXT, 0},      {"channel", WFM_TC_TEXT, 0},
	{"measure", WFM_TC_TEXT, 0},   {"offered", WFM_TC_NUM, 0},
	{"answered", WFM_TC_NUM, 0},   {"share", WFM_TC_PCT, 4},
	{"target", WFM_TC_PCT, 4},     {"days_missed", WFM_TC_NUM, 0},
	{"open_end", WFM_TC_NUM, 0},   {"past_due_end", WFM_TC_NUM, 0},
};
enum { L_DATE, L_WD, L_LINE, L_CHANNEL, L_OFFERED, L_ANSWERED, L_RATE, L_TARGET, L_MET };
static const rr_col live_cols[] = {
	{"date", WFM_TC_DATE, 0},      {"weekday", WFM_TC_TEXT, 0}, {"line", WFM_TC_TEXT, 0},
	{"channel", WFM_TC_TEXT, 0},   {"offered", WFM_TC_NUM, 0},  {"answered", WFM_TC_NUM, 0},
	{"answer_rate", WFM_TC_PCT, 4}, {"target", WFM_TC_PCT, 4},  {"met", WFM_TC_TEXT, 0},
};
enum { F_DATE, F_WD, F_LINE, F_CHANNEL, F_OPEN, F_OFFERED, F_ANSWERED, F_END, F_PAST, F_DUE,
       F_IN, F_LATE, F_OVERDUE, F_PENDING, F_SHARE };
static const rr_col fifo_cols[] = {
	{"date", WFM_TC_DATE, 0},      {"weekday", WFM_TC_TEXT, 0},
	{"line", WFM_TC_TEXT, 0},      {"channel", WFM_TC_TEXT, 0},
	{"open_start", WFM_TC_NUM, 0}, {"offered", WFM_TC_NUM, 0},
	{"answered", WFM_TC_NUM, 0},   {"open_end", WFM_TC_NUM, 0},
	{"past_due_end", WFM_TC_NUM, 0}, {"due", WFM_TC_DATE, 0},
	{"in_time", WFM_TC_NUM, 0},    {"late", WFM_TC_NUM, 0},
	{"overdue", WFM_TC_NUM, 0},    {"pending", WFM_TC_NUM, 0},
	{"share_in_time", WFM_TC_PCT, 4},
};
enum { B_LINE, B_CHANNEL, B_OPEN, B_PAST, B_OLDEST };
static const rr_col backlog_cols[] = {
	{"line", WFM_TC_TEXT, 0}, {"channel", WFM_TC_TEXT, 0}, {"open", WFM_TC_NUM, 0},
	{"past_due", WFM_TC_NUM, 0}, {"oldest_days", WFM_TC_NUM, 0},
};

/* One series of the section. */
typedef struct sv_ser {
	char line[48];
	int channel;
	int hline;          /* the line's index in the history, or -1 */
	wfm_date start;     /* the run's first day (deferred) */
	double opening;     /* waiting at the start of `start` */
	int have_opening;
	long opening_src;   /* its line in the backlog file */
} sv_ser;

typedef struct sv {
	wfm_rr *r;
	wfm_date from, to;
	sv_ser *ser;
	size_t n, cap;
	wfm_table *sum, *live, *fifo, *back;
} sv;

static sv_ser *get(sv *v, const char *line, int channel, wfm_err *e)
{
	for (size_t i = 0; i < v->n; i++)
		if (v->ser[i].channel == channel && strcmp(v->ser[i].line, line) == 0)
			return &v->ser[i];
	if (wfm_grow((void **)&v->ser, &v->cap, v->n + 1, sizeof *v->ser)) {
		wfm_err_nomem(e);
		return NULL;
	}
	memset(&v->ser[v->n], 0, sizeof v->ser[v->n]);
	snprintf(v->ser[v->n].line, sizeof v->ser[v->n].line, "%s", line);
	v->ser[v->n].channel = channel;
	v->ser[v->n].hline = wfm_hist_line_find(v->r->hist, line);
	v->ser[v->n].start = v->from;
	return &v->ser[v->n++];
}

enum { K_DATE, K_CHANNEL, K_LINE, K_OPEN, NK };
static const char *const al_date[] = {"datum", NULL};
static const char *const al_channel[] = {"kanaal", NULL};
static const char *const al_line[] = {"lijn", "lijncode", NULL};
static const char *const al_open[] = {"backlog", "achterstand", NULL};
static const wfm_csv_col backlog_in[NK] = {
	{"date", al_date, 1}, {"channel", al_channel, 1}, {"line", al_line, 1},
	{"open", al_open, 1},
};

/* The opening backlog: per series the latest row dated on or before `from`. */
static int read_backlog(sv *v, const char *path, wfm_err *e)
{
	rr_csv c;
	int rc = wfm_rr_csv_open(&c, path, backlog_in, NK, e);

	while (rc == WFM_OK && (rc = wfm_rr_csv_next(&c, e)) > 0) {
		char line[48];
		wfm_date d;
		int channel;
		double open;
		sv_ser *s;

		if ((rc = wfm_rr_date(&c, K_DATE, &d, e)) ||
		    (rc = wfm_rr_channel_cell(&c, K_CHANNEL, &channel, e)) ||
		    (rc = wfm_rr_line(&c, K_LINE, line, sizeof line, e)) ||
		    (rc = wfm_rr_amount(&c, K_OPEN, 0, &open, e)))
			break;
		if (!wfm_channel_deferred(channel)) {
			rc = wfm_rr_bad(&c, K_CHANNEL, "not a deferred channel (email, social, "
					"callback)", e);
			break;
		}
		if (d > v->from)
			continue; /* a later backlog: not this period's opening */
		if (!(s = get(v, line, channel, e))) {
			rc = e->code;
			break;
		}
		if (s->have_opening && d == s->start) {
			rc = wfm_err_set(e, WFM_EDATA, "%s:%ld: %s %s on %s: given twice (also on "
					 "line %ld)", wfm_csv_name(c.csv), wfm_csv_line(c.csv),
					 wfm_channel_name(channel), line,
					 wfm_rr_cell(&c, K_DATE), s->opening_src);
			break;
		}
		if (!s->have_opening || d > s->start) {
			s->start = d;
			s->opening = open;
			s->have_opening = 1;
			s->opening_src = wfm_csv_line(c.csv);
		}
	}
	if (rc < 0)
		rc = e->code;
	wfm_rr_csv_close(&c);
	return rc;
}

/* The calendar day a contact arriving on `d` is due by. */
static wfm_date due_day(const wfm_calendar *cal, wfm_date d, int deadline)
{
	wfm_date release = wfm_calendar_open(cal, d) ? d : wfm_calendar_add_working(cal, d, 1);

	return deadline > 0 ? wfm_calendar_add_working(cal, release, deadline) : release;
}

/* Offered and handled per day from `start` (days of them) of series `s`;
 * *unknown counts days whose handled count is missing (taken as 0). */
static void day_counts(const sv *v, const sv_ser *s, wfm_date start, size_t days,
		       double *off, double *han, long *unknown, unsigned char *have)
{
	const wfm_hrow *rows = wfm_hist_rows(v->r->hist);
	size_t n = wfm_hist_count(v->r->hist), lo = 0, hi = n;
	wfm_date seen = -1;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (rows[mid].date < start)
			lo = mid + 1;
		else
			hi = mid;
	}
	*unknown = 0;
	for (size_t i = lo; i < n && rows[i].date < start + (wfm_date)days; i++) {
		const wfm_hrow *x = &rows[i];
		size_t d = (size_t)(x->date - start);

		if (x->line != s->hline || x->channel != s->channel)
			continue;
		off[d] += x->offered;
		have[d] = 1;
		if (x->handled >= 0) {
			han[d] += x->handled;
		} else if (seen != x->date) {
			(*unknown)++;
			seen = x->date;
		}
	}
}

static int put_sum(sv *v, const sv_ser *s, const char *measure, double off, double ans,
		   double share, double target, long missed, double open, double past, wfm_err *e)
{
	wfm_table *t = v->sum;
	int rc;

	if ((rc = wfm_rr_row(t, e)) || (rc = wfm_rr_text(t, V_LINE, s->line, e)) ||
	    (rc = wfm_rr_text(t, V_CHANNEL, wfm_rr_channel(v->r, s->channel), e)) ||
	    (rc = wfm_rr_text(t, V_MEASURE, wfm_rr_t(v->r, measure), e)))
		return rc;
	wfm_rr_num(t, V_OFFERED, off);
	wfm_rr_num(t, V_ANSWERED, ans);
	wfm_rr_num(t, V_SHARE, share);
	wfm_rr_num(t, V_TARGET, target);
	wfm_rr_num(t, V_MISSED, (double)missed);
	wfm_rr_num(t, V_OPEN, open);
	wfm_rr_num(t, V_PAST, past);
	return WFM_OK;
}

static int live_series(sv *v, const sv_ser *s, wfm_err *e)
{
	size_t days = (size_t)(v->to - v->from + 1);
	double *off = calloc(days, sizeof *off), *han = calloc(days, sizeof *han);
	double target = v->r->cfg->target_answer_rate, toff = 0, than = 0;
	unsigned char *have = calloc(days, 1);
	long unknown, missed = 0;
	int rc = WFM_OK;

	if (!off || !han || !have) {
		rc = wfm_err_nomem(e);
		goto done;
	}
	day_counts(v, s, v->from, days, off, han, &unknown, have);
	for (size_t i = 0; i < days && rc == WFM_OK; i++) {
		wfm_table *t = v->live;
		wfm_date d = v->from + (wfm_date)i;
		double rate = off[i] > 0 ? han[i] / off[i] : NAN;

		if (!have[i])
			continue;
		wfm_rr_saw_day(v->r, d);
		toff += off[i];
		than += han[i];
		missed += rate < target * (1 - WFM_TOL);
		if ((rc = wfm_rr_row(t, e)))
			break;
		wfm_rr_num(t, L_DATE, d);
		if ((rc = wfm_rr_text(t, L_WD, wfm_rr_weekday(v->r, d), e)) ||
		    (rc = wfm_rr_text(t, L_LINE, s->line, e)) ||
		    (rc = wfm_rr_text(t, L_CHANNEL, wfm_rr_channel(v->r, s->channel), e)))
			break;
		wfm_rr_num(t, L_OFFERED, off[i]);
		wfm_rr_num(t, L_ANSWERED, han[i]);
		wfm_rr_num(t, L_RATE, rate);
		wfm_rr_num(t, L_TARGET, target);
		if (isfinite(rate))
			rc = wfm_rr_text(t, L_MET, wfm_rr_yes(v->r, rate >= target * (1 - WFM_TOL)),
					 e);
	}
	if (rc == WFM_OK && unknown)
		rc = wfm_rr_notef(v->r, 1, e, "line %s, channel %s: %ld day%s without a handled "
				  "count, counted as 0 answered", s->line,
				  wfm_channel_name(s->channel), unknown, unknown == 1 ? "" : "s");
	if (rc == WFM_OK && toff + than > 0)
		rc = put_sum(v, s, "answered live", toff, than, toff > 0 ? than / toff : NAN, target,
			     missed, NAN, NAN, e);
done:
	free(off);
	free(han);
	free(have);
	return rc;
}

static int fifo_row(sv *v, const sv_ser *s, wfm_date d, double off, const wfm_fifo_day *x,
		    wfm_date due, wfm_err *e)
{
	wfm_table *t = v->fifo;
	int rc;

	if ((rc = wfm_rr_row(t, e)))
		return rc;
	wfm_rr_num(t, F_DATE, d);
	if ((rc = wfm_rr_text(t, F_WD, wfm_rr_weekday(v->r, d), e)) ||
	    (rc = wfm_rr_text(t, F_LINE, s->line, e)) ||
	    (rc = wfm_rr_text(t, F_CHANNEL, wfm_rr_channel(v->r, s->channel), e)))
		return rc;
	wfm_rr_num(t, F_OPEN, x->open);
	wfm_rr_num(t, F_OFFERED, off);
	wfm_rr_num(t, F_ANSWERED, x->answered);
	wfm_rr_num(t, F_END, x->backlog);
	wfm_rr_num(t, F_PAST, x->past_due);
	wfm_rr_num(t, F_DUE, off > 0 ? due : NAN);
	wfm_rr_num(t, F_IN, x->in_time);
	wfm_rr_num(t, F_LATE, x->late);
	wfm_rr_num(t, F_OVERDUE, x->overdue);
	wfm_rr_num(t, F_PENDING, x->pending);
	wfm_rr_num(t, F_SHARE, wfm_fifo_share(x));
	return WFM_OK;
}

static int deferred_series(sv *v, sv_ser *s, wfm_err *e)
{
	size_t days = (size_t)(v->to - s->start + 1);
	int deadline = v->r->cfg->deadline_days, rc = WFM_OK;
	double *off = calloc(days, sizeof *off), *han = calloc(days, sizeof *han);
	double toff = 0, tans = 0, tin = 0, tdue = 0, surplus = 0;
	long *due = calloc(days, sizeof *due), unknown, missed = 0, sdays = 0;
	unsigned char *have = calloc(days, 1);
	wfm_fifo_day *out = calloc(days, sizeof *out);
	wfm_fifo_in in;

	if (!off || !han || !due || !have || !out) {
		rc = wfm_err_nomem(e);
		goto done;
	}
	if (s->hline >= 0)
		day_counts(v, s, s->start, days, off, han, &unknown, have);
	else
		unknown = 0;
	for (size_t i = 0; i < days; i++)
		due[i] = due_day(v->r->cal, s->start + (wfm_date)i, deadline) - s->start;
	in = (wfm_fifo_in){days, off, han, due, s->opening,
			   due_day(v->r->cal, s->start - 1, deadline) - s->start};
	if ((rc = wfm_fifo_run(&in, out, NULL, e)))
		goto done;
	for (size_t i = 0; i < days && rc == WFM_OK; i++) {
		wfm_date d = s->start + (wfm_date)i;
		double due_n = out[i].in_time + out[i].late + out[i].overdue;

		surplus += out[i].surplus;
		sdays += out[i].surplus > 0;
		if (d < v->from)
			continue;
		wfm_rr_saw_day(v->r, d);
		toff += off[i];
		tans += out[i].answered;
		tin += out[i].in_time;
		tdue += due_n;
		missed += out[i].late + out[i].overdue > 0;
		if (have[i] || out[i].open > 0 || out[i].answered > 0)
			rc = fifo_row(v, s, d, off[i], &out[i], s->start + (wfm_date)due[i], e);
	}
	if (rc == WFM_OK && unknown)
		rc = wfm_rr_notef(v->r, 1, e, "line %s, channel %s: %ld day%s without a handled "
				  "count, counted as 0 answered", s->line,
				  wfm_channel_name(s->channel), unknown, unknown == 1 ? "" : "s");
	if (rc == WFM_OK && surplus > 0)
		rc = wfm_rr_notef(v->r, 1, e, "line %s, channel %s: on %ld day%s more contacts "
				  "were answered than were waiting (%.0f in all): the opening "
				  "backlog looks too low", s->line, wfm_channel_name(s->channel),
				  sdays, sdays == 1 ? "" : "s", surplus);
	if (rc == WFM_OK)
		rc = put_sum(v, s, "answered in time", toff, tans, tdue > 0 ? tin / tdue : NAN, 1,
			     missed, out[days - 1].backlog, out[days - 1].past_due, e);
	if (rc == WFM_OK && (rc = wfm_rr_row(v->back, e)) == WFM_OK &&
	    (rc = wfm_rr_text(v->back, B_LINE, s->line, e)) == WFM_OK &&
	    (rc = wfm_rr_text(v->back, B_CHANNEL, wfm_rr_channel(v->r, s->channel), e)) == WFM_OK) {
		wfm_rr_num(v->back, B_OPEN, out[days - 1].backlog);
		wfm_rr_num(v->back, B_PAST, out[days - 1].past_due);
		wfm_rr_num(v->back, B_OLDEST, out[days - 1].oldest >= 0 ? out[days - 1].oldest
									  : NAN);
	}
	if (rc == WFM_OK) {
		wfm_rr *r = v->r;

		if (wfm_grow((void **)&r->end, &r->capend, r->nend + 1, sizeof *r->end)) {
			rc = wfm_err_nomem(e);
		} else {
			rr_open *o = &r->end[r->nend++];

			o->channel = s->channel;
			snprintf(o->line, sizeof o->line, "%s", s->line);
			o->open = out[days - 1].backlog;
			o->past_due = out[days - 1].past_due;
			o->oldest = out[days - 1].oldest;
		}
	}
done:
	free(off);
	free(han);
	free(due);
	free(have);
	free(out);
	return rc;
}

static int ser_cmp(const void *a, const void *b)
{
	const sv_ser *x = a, *y = b;
	int c = strcmp(x->line, y->line);

	return c ? c : (x->channel > y->channel) - (x->channel < y->channel);
}

int wfm_rr_service(wfm_rr *r, const wfm_rr_files *f, wfm_err *e)
{
	const wfm_hrow *rows;
	sv v;
	size_t n;
	int rc = WFM_OK;
	long missing = 0;

	if (!f->history)
		return wfm_err_set(e, WFM_EUSAGE, "the service section needs --history");
	if ((rc = wfm_rr_load_history(r, f->history, e)))
		return rc;
	rows = wfm_hist_rows(r->hist);
	n = wfm_hist_count(r->hist);
	if (n == 0)
		return wfm_err_set(e, WFM_EDATA, "%s: no rows", f->history);
	memset(&v, 0, sizeof v);
	v.r = r;
	if (r->o.from <= r->o.to) {
		v.from = r->o.from;
		v.to = r->o.to;
	} else {
		v.to = rows[n - 1].date;
		v.from = v.to - wfm_date_weekday(v.to);
	}
	if (f->backlog && (rc = read_backlog(&v, f->backlog, e)))
		goto done;
	for (size_t i = 0; i < n && rc == WFM_OK; i++)
		if (rows[i].date >= v.from && rows[i].date <= v.to &&
		    !get(&v, wfm_hist_line(r->hist, rows[i].line), rows[i].channel, e))
			rc = e->code;
	if (rc)
		goto done;
	qsort(v.ser, v.n, sizeof *v.ser, ser_cmp);
	if (!(v.sum = wfm_rr_add_table(r, "service", wfm_rr_t(r, "Service per line and channel"),
				       sum_cols, N(sum_cols), e)) ||
	    !(v.live = wfm_rr_add_table(r, "service-day", wfm_rr_t(r, "Answer rate per day "
					"against the target"), live_cols, N(live_cols), e)) ||
	    !(v.fifo = wfm_rr_add_table(r, "deferred-day", wfm_rr_t(r, "E-mail, social media and "
					"callbacks, first in first out, deadline in working days"),
					fifo_cols, N(fifo_cols), e)) ||
	    !(v.back = wfm_rr_add_table(r, "backlog", wfm_rr_t(r, "Backlog at the end of the "
					"period"), backlog_cols, N(backlog_cols), e))) {
		rc = e->code;
		goto done;
	}
	for (size_t i = 0; i < v.n && rc == WFM_OK; i++) {
		sv_ser *s = &v.ser[i];

		if (!wfm_channel_deferred(s->channel)) {
			rc = live_series(&v, s, e);
			continue;
		}
		missing += !s->have_opening;
		rc = deferred_series(&v, s, e);
	}
	if (rc == WFM_OK && missing) {
		char d[11];

		rc = wfm_rr_notef(r, 1, e, "%ld series of e-mail, social media or callbacks had no "
				  "opening backlog on or before %s%s: counted from 0", missing,
				  wfm_date_iso(v.from, d), f->backlog ? "" : " (no --backlog)");
	}
	r->end_date = v.to + 1;
	r->have_end = rc == WFM_OK;
done:
	free(v.ser);
	return rc;
}
