/* staffrun_backlog.c - the opening backlog of a staffing run (wfm-staff
 * --backlog): the deferred contacts waiting at the start of the period, read
 * strictly and added to their series as the first job; see wfm_sr_backlog in
 * staffrun.h. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "staffrun_impl.h"
#include "common/value.h"
#include "io/csv.h"

enum { B_DATE, B_CHANNEL, B_LINE, B_OPEN, B_AHT, NB };

static const char *const al_date[] = {"datum", "dag", "day", NULL};
static const char *const al_channel[] = {"kanaal", NULL};
static const char *const al_line[] = {"lijn", "lijncode", NULL};
static const char *const al_open[] = {"openstaand", "achterstand", "backlog", "waiting",
				      "wachtend", NULL};
static const char *const al_aht[] = {"aht", "afhandeltijd", "afhandeltijds", NULL};

static const wfm_csv_col columns[NB] = {
	{"date", al_date, 1}, {"channel", al_channel, 1}, {"line", al_line, 1},
	{"open", al_open, 1}, {"aht_s", al_aht, 0},
};

struct breader {
	wfm_sr *r;
	wfm_csv *csv;
	int idx[NB];
	char head[NB][64];
	wfm_numfmt nf;
	wfm_date first_wd;  /* the run's first working day */
	long rows;
};

static const char *cell(const struct breader *b, int c)
{
	return b->idx[c] < 0 ? "" : wfm_csv_field(b->csv, (size_t)b->idx[c]);
}

static int cell_error(const struct breader *b, wfm_err *e, int c, const char *reason)
{
	return wfm_csv_cell_error(b->csv, e, b->head[c], reason, cell(b, c));
}

/* `s` without surrounding blanks into out (size WFM_SR_LINE_MAX + 1); 0 when
 * it is too long. */
static int trimmed(const char *s, char *out)
{
	size_t len;

	while (*s == ' ' || *s == '\t')
		s++;
	len = strlen(s);
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	if (len > WFM_SR_LINE_MAX)
		return 0;
	memcpy(out, s, len);
	out[len] = '\0';
	return 1;
}

/* The date of a row: the run's first day, or a closed day just before it. */
static int check_date(struct breader *b, wfm_date d, wfm_err *e)
{
	wfm_sr *r = b->r;
	char reason[256], f[11];
	int n;

	wfm_date_iso(r->first, f);
	if (d > r->first) {
		snprintf(reason, sizeof reason, "after the forecast's first day %s: the backlog "
			 "must be the one at its start", f);
		return cell_error(b, e, B_DATE, reason);
	}
	if ((n = wfm_calendar_count_working(r->cal, d, r->first)) > 0) {
		snprintf(reason, sizeof reason, "%d working day%s before the forecast's first "
			 "day %s: what came and was answered in between is not known (give the "
			 "backlog at the start of %s)", n, n == 1 ? "" : "s", f, f);
		return cell_error(b, e, B_DATE, reason);
	}
	if (b->rows > 0 && d != r->bdate) {
		char other[11];

		snprintf(reason, sizeof reason, "another date than the rows before it (%s): "
			 "one backlog at a time", wfm_date_iso(r->bdate, other));
		return cell_error(b, e, B_DATE, reason);
	}
	r->bdate = d;
	return WFM_OK;
}

static int add_row(struct breader *b, wfm_err *e)
{
	wfm_sr *r = b->r;
	char line[WFM_SR_LINE_MAX + 1], reason[128];
	const char *why;
	wfm_date d;
	double open, aht = 0;
	int channel;
	sr_series *ser;

	if ((why = wfm_parse_date(cell(b, B_DATE), &d)))
		return cell_error(b, e, B_DATE, why);
	if ((channel = wfm_channel_parse(cell(b, B_CHANNEL))) < 0)
		return cell_error(b, e, B_CHANNEL, wfm_blank(cell(b, B_CHANNEL)) ? "empty" :
				  "unknown channel (email, social, callback)");
	if (!wfm_channel_deferred(channel))
		return cell_error(b, e, B_CHANNEL, "not a deferred channel: a backlog is of "
				  "email, social or callback");
	if (wfm_blank(cell(b, B_LINE)))
		return cell_error(b, e, B_LINE, "empty");
	if (!trimmed(cell(b, B_LINE), line))
		return cell_error(b, e, B_LINE, "longer than 47 bytes");
	if ((why = wfm_parse_number(cell(b, B_OPEN), b->nf, &open)))
		return cell_error(b, e, B_OPEN, why);
	if (open < 0)
		return cell_error(b, e, B_OPEN, "negative");
	if (b->idx[B_AHT] >= 0 && !wfm_blank(cell(b, B_AHT))) {
		if ((why = wfm_parse_duration(cell(b, B_AHT), b->nf, &aht)))
			return cell_error(b, e, B_AHT, why);
		if (!(aht > 0))
			return cell_error(b, e, B_AHT, "must be more than 0");
	}
	if (check_date(b, d, e))
		return e->code;
	b->rows++;
	if (!(ser = wfm_sr_series_get(r, channel, line, 1, e)))
		return e->code;
	if (ser->bline) {
		snprintf(reason, sizeof reason, "%s %s given twice (also on line %ld)",
			 wfm_channel_name(channel), line, ser->bline);
		return cell_error(b, e, B_LINE, reason);
	}
	if (!ser->jvol) { /* a series the forecast does not have */
		size_t at = (size_t)(ser - r->ser);
		int rc;

		if ((rc = wfm_sr_deferred_setup(r, e)))
			return rc;
		ser = &r->ser[at];
	}
	ser->bline = wfm_csv_line(b->csv);
	ser->bvol = open;
	ser->baht = aht;
	r->sum.backlog_open += open;
	r->sum.backlog_series++;
	return WFM_OK;
}

int wfm_sr_backlog(wfm_sr *r, const char *path, wfm_err *e)
{
	struct breader b;
	int rc, deadline = r->s->deadline_days;

	if (r->step || r->bname)
		return wfm_err_set(e, WFM_EUSAGE, "the backlog comes once, before the run is "
				   "computed");
	memset(&b, 0, sizeof b);
	b.r = r;
	if (!(b.csv = wfm_csv_open(path, NULL, e)))
		return e->code ? e->code : WFM_ENOINPUT;
	if (!(r->bname = strdup(wfm_csv_name(b.csv)))) {
		wfm_csv_free(b.csv);
		return wfm_err_nomem(e);
	}
	/* due at the end of the deadline_days-th working day of the period: as
	 * if they came on the last working day before it */
	r->bdue = deadline > 1 ? (size_t)deadline - 1 : 0;
	if (r->bdue >= r->nwday)
		r->bdue = r->nwday ? r->nwday - 1 : 0;
	if ((rc = wfm_csv_read_header(b.csv, columns, NB, b.idx, b.head[0], sizeof b.head[0],
				      e)) == WFM_OK) {
		b.nf = wfm_csv_numfmt(b.csv);
		while ((rc = wfm_csv_next(b.csv, e)) > 0)
			if (!wfm_csv_blank_record(b.csv) && (rc = add_row(&b, e)))
				break;
		rc = rc < 0 ? e->code : rc;
	}
	if (rc == WFM_OK && b.rows == 0)
		rc = wfm_err_set(e, WFM_EDATA, "%s: no data rows after the header", r->bname);
	if (rc == WFM_OK) {
		r->sum.backlog_date = r->bdate;
		r->sum.backlog_due = r->nwday ? r->wday[r->bdue] : r->first;
	}
	wfm_csv_free(b.csv);
	return rc;
}

/* The handle time (s) of the forecast rows of (channel, line): their mean
 * weighted by volume, unweighted when the volumes are all 0; 0 without
 * rows. */
static double rows_aht(const wfm_sr *r, int channel, const char *line)
{
	double v = 0, w = 0, n = 0, sum = 0;

	for (size_t i = 0; i < r->nrow; i++) {
		const sr_row *row = &r->row[i];
		const sr_series *ser = &r->ser[row->series];

		if (ser->channel == channel && strcmp(ser->line, line) == 0) {
			v += row->volume;
			w += row->volume * row->aht;
			n++;
			sum += row->aht;
		}
	}
	return v > 0 ? w / v : n > 0 ? sum / n : 0;
}

/* The handle time (s) of series `ser` in the run: that of its forecast rows,
 * else that of its arrivals (callbacks from the phone model); 0 when it has
 * neither. */
static double series_aht(const wfm_sr *r, const sr_series *ser)
{
	double v = 0, w = 0, x = rows_aht(r, ser->channel, ser->line);

	if (x > 0)
		return x;
	for (size_t d = 0; d < r->ndays; d++) {
		v += ser->jvol[d];
		w += ser->jwork[d];
	}
	return v > 0 ? 3600 * w / v : 0;
}

int wfm_sr_backlog_work(wfm_sr *r, wfm_err *e)
{
	for (size_t i = 0; r->bname && i < r->nser; i++) {
		sr_series *ser = &r->ser[i];
		double aht, fc;

		if (ser->live || !ser->bline)
			continue;
		fc = series_aht(r, ser);
		r->sum.backlog_new += fc == 0;
		aht = r->s->aht > 0 ? r->s->aht : ser->baht;
		if (aht == 0)
			aht = fc;
		if (aht == 0)
			aht = wfm_sr_config_aht(r, ser->channel, ser->line);
		if (aht == 0 && ser->channel == WFM_CH_CALLBACK)
			aht = rows_aht(r, WFM_CH_PHONE, ser->line);
		if (aht == 0 && ser->bvol > 0)
			return wfm_err_set(e, WFM_EDATA, "%s:%ld: %s %s: no handle time for the "
					   "backlog: the backlog has no aht_s for it, the forecast "
					   "no rows, and neither --aht nor aht_lines or aht_%s of "
					   "[staff] gives one", r->bname, ser->bline,
					   wfm_channel_name(ser->channel), ser->line,
					   wfm_channel_name(ser->channel));
		ser->bwork = ser->bvol * aht / 3600.0;
	}
	return WFM_OK;
}
