/* reportrun_ev.c - the entities' estimates: per row of the expected volumes,
 * what was announced on top of the baseline against what came (see
 * README.md, wfm-report, accuracy).
 *
 * A row is judged against the latest snapshot made on or before its first
 * day that covers any of its days (else the first snapshot that does), on
 * the open days of its period that the snapshot covers and the history has
 * data for.  The baseline is the forecast without the expected volumes:
 * --baseline, else the forecast wfm-forecast makes from the history before
 * the snapshot's first day without them (a line with no history: 0).
 *   announced_extra = snapshot - baseline,  actual_extra = actual - baseline,
 *   ratio = actual_extra / announced_extra (1: the entity was right). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "reportrun_snap.h"
#include "fcrun.h"
#include "common/channel.h"
#include "common/grow.h"
#include "common/value.h"

enum { C_FROM, C_TO, C_CHANNEL, C_LINE, C_MODE, C_VALUE, C_NOTE, NCOL };

static const char *const al_from[] = {"van", NULL};
static const char *const al_to[] = {"tot", NULL};
static const char *const al_channel[] = {"kanaal", NULL};
static const char *const al_line[] = {"lijn", "lijncode", NULL};
static const char *const al_mode[] = {"modus", NULL};
static const char *const al_value[] = {"waarde", NULL};
static const char *const al_note[] = {"opmerking", NULL};

static const wfm_csv_col cols[NCOL] = {
	{"from", al_from, 1}, {"to", al_to, 1},       {"channel", al_channel, 1},
	{"line", al_line, 1}, {"mode", al_mode, 1},   {"value", al_value, 1},
	{"note", al_note, 0},
};

enum { E_SNAP, E_FROM, E_TO, E_CHANNEL, E_LINE, E_MODE, E_VALUE, E_NOTE, E_DAYS, E_BASE, E_FC,
       E_ACT, E_ANN, E_CAME, E_RATIO };
static const rr_col out_cols[] = {
	{"snapshot", WFM_TC_DATE, 0},      {"from", WFM_TC_DATE, 0},
	{"to", WFM_TC_DATE, 0},            {"channel", WFM_TC_TEXT, 0},
	{"line", WFM_TC_TEXT, 0},          {"mode", WFM_TC_TEXT, 0},
	{"value", WFM_TC_NUM, 2},          {"note", WFM_TC_TEXT, 0},
	{"days_compared", WFM_TC_NUM, 0},  {"baseline", WFM_TC_NUM, 2},
	{"forecast", WFM_TC_NUM, 2},       {"actual", WFM_TC_NUM, 0},
	{"announced_extra", WFM_TC_NUM, 2}, {"actual_extra", WFM_TC_NUM, 2},
	{"ratio", WFM_TC_NUM, 2},
};

typedef struct ev_row {
	wfm_date from, to;
	int channel;
	char line[48];
	char mode[16];
	double value;
	char note[256];
	long src_line;
} ev_row;

static int read_expected(const char *path, ev_row **out, size_t *n, wfm_err *e)
{
	rr_csv c;
	size_t cap = 0;
	int rc = wfm_rr_csv_open(&c, path, cols, NCOL, e);

	*out = NULL;
	*n = 0;
	while (rc == WFM_OK && (rc = wfm_rr_csv_next(&c, e)) > 0) {
		ev_row x;
		char mode[16];

		memset(&x, 0, sizeof x);
		if ((rc = wfm_rr_date(&c, C_FROM, &x.from, e)) ||
		    (rc = wfm_rr_date(&c, C_TO, &x.to, e)) ||
		    (rc = wfm_rr_channel_cell(&c, C_CHANNEL, &x.channel, e)) ||
		    (rc = wfm_rr_line(&c, C_LINE, x.line, sizeof x.line, e)))
			break;
		if (x.to < x.from) {
			rc = wfm_rr_bad(&c, C_TO, "before 'from'", e);
			break;
		}
		wfm_trim_copy(wfm_rr_cell(&c, C_MODE), mode, sizeof mode);
		for (char *p = mode; *p; p++)
			*p = (char)(*p >= 'A' && *p <= 'Z' ? *p - 'A' + 'a' : *p);
		if (strcmp(mode, "add") && strcmp(mode, "scale") && strcmp(mode, "set")) {
			rc = wfm_rr_bad(&c, C_MODE, "not add, scale or set", e);
			break;
		}
		snprintf(x.mode, sizeof x.mode, "%s", mode);
		if ((rc = wfm_rr_amount(&c, C_VALUE, 0, &x.value, e)))
			break;
		wfm_trim_copy(wfm_rr_cell(&c, C_NOTE), x.note, sizeof x.note);
		x.src_line = wfm_csv_line(c.csv);
		if (wfm_grow((void **)out, &cap, *n + 1, sizeof **out)) {
			rc = wfm_err_nomem(e);
			break;
		}
		(*out)[(*n)++] = x;
	}
	if (rc < 0)
		rc = e->code;
	wfm_rr_csv_close(&c);
	return rc;
}

/* The baseline: a forecast file, or a forecast run on the history. */
typedef struct base {
	const rr_snap *snap;    /* the snapshot it belongs to */
	rr_snap file;           /* --baseline */
	int have_file;
	wfm_fcrun *run;
} base;

/* The forecast of (line, channel) on day d in snapshot `s`: the sum of its
 * rows that day (rows are sorted by series, date and time); *found 0 when
 * the series has none (month snapshots have no days: NAN). */
static double snap_day(const rr_snap *s, const char *line, int channel, wfm_date d, int *found)
{
	size_t i = 0, lo = 0, hi = s->nrow;
	double v = 0;

	*found = 0;
	if (s->grain == RR_MONTH)
		return NAN;
	while (i < s->nser && (s->ser[i].channel != channel || strcmp(s->ser[i].line, line)))
		i++;
	if (i == s->nser)
		return 0;
	*found = 1;
	while (lo < hi) { /* the first row of series i on or after day d */
		size_t mid = lo + (hi - lo) / 2;
		const rr_srow *x = &s->row[mid];

		if (x->ser < (int32_t)i || (x->ser == (int32_t)i && x->date < d))
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < s->nrow && s->row[lo].ser == (int32_t)i && s->row[lo].date == d; lo++)
		v += s->row[lo].f;
	return v;
}

static double base_day(const base *b, const char *line, int channel, wfm_date d)
{
	int found;

	if (b->have_file)
		return snap_day(&b->file, line, channel, d, &found);
	for (int i = 0; b->run && i < wfm_fcrun_count(b->run); i++) {
		const wfm_fcrun_series *s = wfm_fcrun_get(b->run, i);

		if (s->channel == channel && strcmp(s->line, line) == 0 && s->fc &&
		    d >= s->fc->first && d < s->fc->first + s->fc->h)
			return s->fc->point[d - s->fc->first];
	}
	return 0;
}

/* The history of (line, channel) on day d: the sum of its rows; *found 0
 * when it has none. */
static double hist_day(const wfm_hist *h, int line, int channel, wfm_date d, int *found)
{
	const wfm_hrow *rows = wfm_hist_rows(h);
	size_t lo = 0, hi = wfm_hist_count(h);
	double v = 0;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (rows[mid].date < d)
			lo = mid + 1;
		else
			hi = mid;
	}
	*found = 0;
	for (; lo < wfm_hist_count(h) && rows[lo].date == d; lo++) {
		if (rows[lo].line == line && rows[lo].channel == channel) {
			v += rows[lo].offered;
			*found = 1;
		}
	}
	return v;
}

static int make_base(wfm_rr *r, const wfm_rr_files *f, const rr_snap *s, base *b, wfm_err *e)
{
	wfm_fcrun_opts o;
	int rc;

	if (b->snap == s)
		return WFM_OK;
	wfm_fcrun_free(b->run);
	b->run = NULL;
	b->snap = s;
	if (f->baseline) {
		if (b->have_file)
			return WFM_OK;
		if ((rc = wfm_rr_snap_read(&b->file, f->baseline, 0, 0, e)))
			return rc;
		b->have_file = 1;
		return WFM_OK;
	}
	wfm_fcrun_opts_default(&o);
	o.from = s->first;
	o.to = s->last;
	o.grain = WFM_GRAIN_DAY;
	o.interval = r->cfg->interval;
	o.level = r->cfg->level;
	if (!(b->run = wfm_fcrun_new(r->hist, r->cal, &o, NULL, e)))
		return e->code;
	if ((rc = wfm_fcrun_forecast(b->run, NULL, e))) {
		wfm_err_prefix(e, "the baseline forecast (without the expected volumes): ");
		return rc;
	}
	return WFM_OK;
}

/* The snapshot a row is judged against, or NULL. */
static const rr_snap *pick(const ev_row *x, const rr_snap *snap, size_t n)
{
	const rr_snap *best = NULL;

	for (size_t i = 0; i < n; i++) {
		const rr_snap *s = &snap[i];

		if (s->grain == RR_MONTH || s->last < x->from || s->first > x->to)
			continue;
		if (s->origin <= x->from || !best)
			best = s;
		if (s->origin > x->from)
			break; /* sorted by origin: the rest are later */
	}
	return best;
}

static int put(wfm_rr *r, wfm_table *t, const ev_row *x, const rr_snap *s, int days,
	       double b, double fc, double act, wfm_err *e)
{
	int rc;

	if ((rc = wfm_rr_row(t, e)))
		return rc;
	wfm_rr_num(t, E_SNAP, s ? s->origin : NAN);
	wfm_rr_num(t, E_FROM, x->from);
	wfm_rr_num(t, E_TO, x->to);
	if ((rc = wfm_rr_text(t, E_CHANNEL, wfm_rr_channel(r, x->channel), e)) ||
	    (rc = wfm_rr_text(t, E_LINE, x->line, e)) ||
	    (rc = wfm_rr_text(t, E_MODE, x->mode, e)) ||
	    (rc = wfm_rr_text(t, E_NOTE, x->note, e)))
		return rc;
	wfm_rr_num(t, E_VALUE, x->value);
	wfm_rr_num(t, E_DAYS, days);
	if (days == 0)
		return WFM_OK;
	wfm_rr_num(t, E_BASE, b);
	wfm_rr_num(t, E_FC, fc);
	wfm_rr_num(t, E_ACT, act);
	wfm_rr_num(t, E_ANN, fc - b);
	wfm_rr_num(t, E_CAME, act - b);
	wfm_rr_num(t, E_RATIO, fabs(fc - b) > 1e-9 ? (act - b) / (fc - b) : NAN);
	return WFM_OK;
}

int wfm_rr_estimates(wfm_rr *r, const wfm_rr_files *f, const rr_snap *snap, size_t n,
		     wfm_err *e)
{
	ev_row *rows;
	size_t nrows;
	wfm_table *t;
	base b;
	int rc;

	memset(&b, 0, sizeof b);
	if ((rc = read_expected(f->expected, &rows, &nrows, e)))
		return rc;
	if (!(t = wfm_rr_add_table(r, "estimates", wfm_rr_t(r, "The entities' estimates against "
				   "what came on top of the baseline"), out_cols,
				   sizeof out_cols / sizeof out_cols[0], e)))
		rc = e->code;
	for (size_t i = 0; rc == WFM_OK && i < nrows; i++) {
		const ev_row *x = &rows[i];
		const rr_snap *s = pick(x, snap, n);
		int line = wfm_hist_line_find(r->hist, x->line), days = 0;
		double bsum = 0, fsum = 0, asum = 0;

		if (s && (rc = make_base(r, f, s, &b, e)))
			break;
		for (wfm_date d = x->from; s && d <= x->to; d++) {
			int fh, ff;
			double a, fc;

			if (d < s->first || d > s->last || !wfm_calendar_open(r->cal, d))
				continue;
			a = line >= 0 ? hist_day(r->hist, line, x->channel, d, &fh) : 0;
			fc = snap_day(s, x->line, x->channel, d, &ff);
			if (line < 0 || !fh || !ff)
				continue;
			days++;
			asum += a;
			fsum += fc;
			bsum += base_day(&b, x->line, x->channel, d);
		}
		rc = put(r, t, x, s, days, bsum, fsum, asum, e);
	}
	if (b.have_file)
		wfm_rr_snap_release(&b.file);
	wfm_fcrun_free(b.run);
	free(rows);
	return rc;
}
