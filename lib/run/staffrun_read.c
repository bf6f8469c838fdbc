/* staffrun_read.c - reading the forecast of a staffing run: rows, series,
 * handle times, the interval grid and the working days; see staffrun.h. */
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "staffrun_impl.h"
#include "common/grow.h"
#include "common/value.h"
#include "io/csv.h"

enum { C_PERIOD, C_TIME, C_CHANNEL, C_LINE, C_FORECAST, C_AHT, NCOLS };

static const char *const al_period[] = {"date", "datum", "periode", "dag", "day", NULL};
static const char *const al_time[] = {"tijd", "uur", "interval", "tijdvak", "start", NULL};
static const char *const al_channel[] = {"kanaal", NULL};
static const char *const al_line[] = {"lijn", "lijncode", NULL};
static const char *const al_forecast[] = {"volume", "offered", "verwachting", "prognose",
					  "aangeboden", NULL};
static const char *const al_aht[] = {"aht", "afhandeltijd", "afhandeltijds", NULL};

static const wfm_csv_col columns[NCOLS] = {
	{"period", al_period, 1}, {"time", al_time, 0},        {"channel", al_channel, 1},
	{"line", al_line, 1},     {"forecast", al_forecast, 1}, {"aht_s", al_aht, 0},
};

/* ---- the rows ---- */

struct reader {
	wfm_sr *r;
	wfm_csv *csv;
	int idx[NCOLS];
	char head[NCOLS][64];
	wfm_numfmt nf;
	size_t cap;
	char last_date[16], last_channel[16]; /* the cells parsed last, and */
	wfm_date date;                        /* what they gave */
	int channel;
};

static const char *cell(const struct reader *rd, int c)
{
	return rd->idx[c] < 0 ? "" : wfm_csv_field(rd->csv, (size_t)rd->idx[c]);
}

static int cell_error(const struct reader *rd, wfm_err *e, int c, const char *reason)
{
	return wfm_csv_cell_error(rd->csv, e, rd->head[c], reason, cell(rd, c));
}

static int is_month(const char *s)
{
	while (*s == ' ')
		s++;
	return strlen(s) >= 7 && s[4] == '-' && strspn(s, "0123456789") == 4 &&
	       strspn(s + 5, "0123456789") == 2 && (s[7] == '\0' || s[7] == ' ');
}

static int parse_row(struct reader *rd, sr_row *row, int *channel, wfm_err *e)
{
	const wfm_sr_settings *s = rd->r->s;
	const char *why;
	double x;
	int start, end;

	if (strcmp(cell(rd, C_PERIOD), rd->last_date) == 0) {
		row->date = rd->date;
	} else {
		if (is_month(cell(rd, C_PERIOD)))
			return cell_error(rd, e, C_PERIOD, "a month: wfm-staff needs the forecast "
					  "per interval (wfm-forecast --grain interval)");
		if ((why = wfm_parse_date(cell(rd, C_PERIOD), &row->date)))
			return cell_error(rd, e, C_PERIOD, why);
		rd->date = row->date;
		snprintf(rd->last_date, sizeof rd->last_date, "%s", cell(rd, C_PERIOD));
	}
	if (wfm_blank(cell(rd, C_TIME))) {
		row->time = -1;
	} else {
		if ((why = wfm_parse_interval(cell(rd, C_TIME), &start, &end)))
			return cell_error(rd, e, C_TIME, why);
		if (start % s->interval) {
			char reason[96];

			snprintf(reason, sizeof reason, "not on the %d-minute grid (see "
				 "--interval)", s->interval);
			return cell_error(rd, e, C_TIME, reason);
		}
		row->time = (int16_t)start;
	}
	if (strcmp(cell(rd, C_CHANNEL), rd->last_channel) == 0) {
		*channel = rd->channel;
	} else {
		if ((*channel = wfm_channel_parse(cell(rd, C_CHANNEL))) < 0)
			return cell_error(rd, e, C_CHANNEL, wfm_blank(cell(rd, C_CHANNEL)) ?
					  "empty" : "unknown channel (phone, email, chat, social, "
					  "callback)");
		rd->channel = *channel;
		snprintf(rd->last_channel, sizeof rd->last_channel, "%s", cell(rd, C_CHANNEL));
	}
	if (row->time < 0 && !wfm_channel_deferred(*channel))
		return cell_error(rd, e, C_TIME, "empty for a live channel: wfm-staff needs the "
				  "forecast per interval (wfm-forecast --grain interval)");
	if (wfm_blank(cell(rd, C_LINE)))
		return cell_error(rd, e, C_LINE, "empty");
	if (strlen(cell(rd, C_LINE)) > WFM_SR_LINE_MAX)
		return cell_error(rd, e, C_LINE, "longer than 47 bytes");
	if ((why = wfm_parse_number(cell(rd, C_FORECAST), rd->nf, &x)))
		return cell_error(rd, e, C_FORECAST, why);
	if (x < 0)
		return cell_error(rd, e, C_FORECAST, "negative");
	if (x > 1e7)
		return cell_error(rd, e, C_FORECAST, "more than 10000000 contacts in one row");
	row->volume = x;
	row->aht = 0;
	if (rd->idx[C_AHT] >= 0 && !wfm_blank(cell(rd, C_AHT))) {
		if ((why = wfm_parse_duration(cell(rd, C_AHT), rd->nf, &x)))
			return cell_error(rd, e, C_AHT, why);
		if (!(x > 0))
			return cell_error(rd, e, C_AHT, "must be more than 0");
		if (x > 86400)
			return cell_error(rd, e, C_AHT, "more than 86400 seconds (a day)");
		row->aht = x;
	}
	row->src_line = wfm_csv_line(rd->csv);
	return WFM_OK;
}

/* The line code of cell C_LINE without surrounding blanks. */
static void line_code(const struct reader *rd, char *out)
{
	const char *s = cell(rd, C_LINE);
	size_t len;

	while (*s == ' ' || *s == '\t')
		s++;
	len = strlen(s);
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	memcpy(out, s, len);
	out[len] = '\0';
}

static int add_row(struct reader *rd, wfm_err *e)
{
	wfm_sr *r = rd->r;
	char line[WFM_SR_LINE_MAX + 1];
	sr_series *ser;
	sr_row row;
	int channel = -1, rc;

	memset(&row, 0, sizeof row);
	if ((rc = parse_row(rd, &row, &channel, e)))
		return rc;
	if (row.date < r->s->from || row.date > r->s->to)
		return WFM_OK;
	line_code(rd, line);
	if (!(ser = wfm_sr_series_get(r, channel, line, 1, e)))
		return e->code;
	row.series = (int32_t)(ser - r->ser);
	if (wfm_grow((void **)&r->row, &rd->cap, r->nrow + 1, sizeof *r->row))
		return wfm_err_nomem(e);
	r->row[r->nrow++] = row;
	return WFM_OK;
}

static int read_rows(wfm_sr *r, const char *path, wfm_err *e)
{
	struct reader rd;
	long read = 0;
	int rc;

	memset(&rd, 0, sizeof rd);
	rd.r = r;
	if (!(rd.csv = wfm_csv_open(path, NULL, e)))
		return e->code ? e->code : WFM_ENOINPUT;
	r->name = strdup(wfm_csv_name(rd.csv));
	rc = r->name ? wfm_csv_read_header(rd.csv, columns, NCOLS, rd.idx, rd.head[0],
					   sizeof rd.head[0], e) : wfm_err_nomem(e);
	if (rc == WFM_OK) {
		rd.nf = wfm_csv_numfmt(rd.csv);
		while ((rc = wfm_csv_next(rd.csv, e)) > 0) {
			if (wfm_csv_blank_record(rd.csv))
				continue;
			read++;
			if ((rc = add_row(&rd, e)))
				break;
		}
		rc = rc < 0 ? e->code : rc;
	}
	if (rc == WFM_OK && read == 0)
		rc = wfm_err_set(e, WFM_EDATA, "%s: no data rows after the header", r->name);
	if (rc == WFM_OK && r->nrow == 0)
		rc = wfm_err_set(e, WFM_EDATA, "%s: no rows in the days asked for (--from, --to)",
				 r->name);
	wfm_csv_free(rd.csv);
	return rc;
}

/* ---- handle times ---- */

static int resolve_aht(wfm_sr *r, wfm_err *e)
{
	const wfm_sr_settings *s = r->s;
	double *line_aht = malloc(r->nser * sizeof *line_aht);

	if (!line_aht)
		return wfm_err_nomem(e);
	for (size_t i = 0; i < r->nser; i++) {
		const sr_series *ser = &r->ser[i];

		line_aht[i] = wfm_sr_config_aht(r, ser->channel, ser->line);
		if (line_aht[i] == 0 && ser->channel == WFM_CH_CHAT)
			line_aht[i] = s->chat_aht;
	}
	for (size_t i = 0; i < r->nrow; i++) {
		sr_row *row = &r->row[i];

		if (s->aht > 0)
			row->aht = s->aht;
		else if (row->aht == 0)
			row->aht = line_aht[row->series];
		if (row->aht == 0) {
			const sr_series *ser = &r->ser[row->series];
			char where[256];

			free(line_aht);
			wfm_sr_row_where(r, row, where, sizeof where);
			return wfm_err_set(e, WFM_EDATA, "%s: no handle time: the forecast has "
					   "no aht_s for it, and neither --aht nor aht_lines or "
					   "aht_%s of [staff] gives one", where,
					   wfm_channel_name(ser->channel));
		}
	}
	free(line_aht);
	return WFM_OK;
}

/* ---- order, duplicates and the grid ---- */

static int row_cmp(const void *a, const void *b)
{
	const sr_row *x = a, *y = b;

	if (x->series != y->series)
		return x->series < y->series ? -1 : 1;
	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	if (x->time != y->time)
		return x->time < y->time ? -1 : 1;
	return (x->src_line > y->src_line) - (x->src_line < y->src_line);
}

/* Sorts the rows by series, date, time and file line: by series in one
 * stable pass (a forecast comes sorted by date and time), then qsort only
 * when that is not enough. */
static int sort_rows(wfm_sr *r, wfm_err *e)
{
	size_t *start = calloc(r->nser + 1, sizeof *start);
	sr_row *to = malloc((r->nrow ? r->nrow : 1) * sizeof *to);
	int sorted = 1;

	if (!start || !to) {
		free(start);
		free(to);
		return wfm_err_nomem(e);
	}
	for (size_t i = 0; i < r->nrow; i++)
		start[r->row[i].series + 1]++;
	for (size_t k = 1; k <= r->nser; k++)
		start[k] += start[k - 1];
	for (size_t i = 0; i < r->nrow; i++)
		to[start[r->row[i].series]++] = r->row[i];
	free(start);
	free(r->row);
	r->row = to;
	for (size_t i = 1; i < r->nrow && sorted; i++)
		sorted = row_cmp(&r->row[i - 1], &r->row[i]) < 0;
	if (!sorted)
		qsort(r->row, r->nrow, sizeof *r->row, row_cmp);
	return WFM_OK;
}

static int check_duplicates(const wfm_sr *r, wfm_err *e)
{
	for (size_t i = 1; i < r->nrow; i++) {
		const sr_row *p = &r->row[i - 1], *q = &r->row[i];
		char where[256];

		if (p->series == q->series && p->date == q->date && p->time == q->time)
			return wfm_err_set(e, WFM_EDATA, "%s: given twice (also on line %ld)",
					   wfm_sr_row_where(r, q, where, sizeof where), p->src_line);
		if (p->series == q->series && p->date == q->date && (p->time < 0) != (q->time < 0))
			return wfm_err_set(e, WFM_EDATA, "%s: a whole-day row and interval rows "
					   "for the same day (also on line %ld)",
					   wfm_sr_row_where(r, q, where, sizeof where), p->src_line);
	}
	return WFM_OK;
}

static int build_sdays(wfm_sr *r, wfm_err *e)
{
	size_t n = 0;

	for (size_t i = 0; i < r->nrow; i++)
		n += i == 0 || r->row[i].series != r->row[i - 1].series ||
		     r->row[i].date != r->row[i - 1].date;
	if (!(r->sday = malloc((n ? n : 1) * sizeof *r->sday)))
		return wfm_err_nomem(e);
	for (size_t i = 0; i < r->nrow; i++) {
		if (i == 0 || r->row[i].series != r->row[i - 1].series ||
		    r->row[i].date != r->row[i - 1].date)
			r->sday[r->nsday++] = (sr_sday){r->row[i].series, r->row[i].date, i, 0};
		r->sday[r->nsday - 1].n++;
	}
	return WFM_OK;
}

/* Every interval inside the opening hours of an open day has a row, and
 * every open day between a live series' first and last day has rows. */
static int check_grid(const wfm_sr *r, wfm_err *e)
{
	int step = r->s->interval;
	char d[11], t[6], o[6], c[6];

	for (size_t k = 0; k < r->nsday; k++) {
		const sr_sday *sd = &r->sday[k];
		const sr_series *ser = &r->ser[sd->series];
		const sr_row *row = &r->row[sd->first];
		int opens, closes, want;
		size_t i = 0;

		if (!ser->live)
			continue;
		for (wfm_date x = k > 0 && r->sday[k - 1].series == sd->series ?
				  r->sday[k - 1].date + 1 : sd->date; x < sd->date; x++)
			if (wfm_calendar_open(r->cal, x))
				return wfm_err_set(e, WFM_EDATA, "%s: %s %s: no rows on %s, "
						   "an open day", r->name,
						   wfm_channel_name(ser->channel), ser->line,
						   wfm_date_iso(x, d));
		if (!wfm_calendar_hours(r->cal, sd->date, &opens, &closes))
			continue;
		for (want = opens; want + step <= closes; want += step) {
			while (i < sd->n && row[i].time < want)
				i++;
			if (i == sd->n || row[i].time != want) {
				char where[256];

				wfm_sr_row_where(r, &row[0], where, sizeof where);
				if (closes == 1440)
					snprintf(c, sizeof c, "24:00");
				else
					wfm_time_hhmm(closes, c);
				return wfm_err_set(e, WFM_EDATA, "%s: no row for %s (open %s-%s, "
						   "%d-minute intervals)", where,
						   wfm_time_hhmm(want, t), wfm_time_hhmm(opens, o),
						   c, step);
			}
		}
	}
	return WFM_OK;
}

/* ---- the working days and the deferred arrays ---- */

static int setup_days(wfm_sr *r, wfm_err *e)
{
	wfm_date last = r->last, d;
	size_t k = 0;

	if (!wfm_calendar_open(r->cal, last)) {
		last = wfm_calendar_add_working(r->cal, r->last, 1);
		if (last == r->last)
			return wfm_err_set(e, WFM_EDATA, "%s: no working day after the forecast's "
					   "last day for its deferred work", r->name);
	}
	r->ndays = (size_t)(last - r->first) + 1;
	r->nwday = (size_t)wfm_calendar_count_working(r->cal, r->first, last + 1);
	r->wday = malloc((r->nwday ? r->nwday : 1) * sizeof *r->wday);
	r->wk_ge = malloc(r->ndays * sizeof *r->wk_ge);
	if (!r->wday || !r->wk_ge)
		return wfm_err_nomem(e);
	for (d = r->first; d <= last; d++)
		if (wfm_calendar_open(r->cal, d))
			r->wday[k++] = d;
	k = r->nwday;
	for (d = last; d >= r->first; d--) {
		if (wfm_calendar_open(r->cal, d))
			k--;
		r->wk_ge[d - r->first] = (int32_t)k;
	}
	if (!(r->dl_idx = malloc(r->ndays * sizeof *r->dl_idx)))
		return wfm_err_nomem(e);
	for (d = r->first; d <= last; d++) {
		int32_t rel = r->wk_ge[d - r->first], due = rel;

		if (r->s->deadline_days > 0) {
			wfm_date x = wfm_calendar_add_working(r->cal, d, r->s->deadline_days);

			due = x > last || x == d ? (int32_t)r->nwday - 1 : r->wk_ge[x - r->first];
		}
		r->dl_idx[d - r->first] = due > rel ? due : rel;
	}
	return WFM_OK;
}

int wfm_sr_deferred_setup(wfm_sr *r, wfm_err *e)
{
	int rc;

	if (!r->wk_ge && (rc = setup_days(r, e)))
		return rc;
	for (size_t i = 0; i < r->nser; i++) {
		sr_series *s = &r->ser[i];
		size_t nw = r->nwday ? r->nwday : 1;

		if (s->live || s->jvol)
			continue;
		s->jvol = calloc(r->ndays, sizeof *s->jvol);
		s->jwork = calloc(r->ndays, sizeof *s->jwork);
		s->cap = calloc(nw, sizeof *s->cap);
		s->rvol = calloc(nw, sizeof *s->rvol);
		s->rwork = calloc(nw, sizeof *s->rwork);
		s->ontime = calloc(nw, sizeof *s->ontime);
		s->done = calloc(nw, sizeof *s->done);
		s->backlog = calloc(nw, sizeof *s->backlog);
		s->late = calloc(nw, sizeof *s->late);
		if (!s->jvol || !s->jwork || !s->cap || !s->rvol || !s->rwork || !s->ontime ||
		    !s->done || !s->backlog || !s->late)
			return wfm_err_nomem(e);
	}
	return WFM_OK;
}

/* The deferred rows of the forecast as arrivals. */
static void deferred_arrivals(wfm_sr *r)
{
	for (size_t i = 0; i < r->nrow; i++) {
		const sr_row *row = &r->row[i];
		sr_series *s = &r->ser[row->series];

		if (s->live)
			continue;
		s->jvol[row->date - r->first] += row->volume;
		s->jwork[row->date - r->first] += row->volume * row->aht / 3600.0;
	}
}

wfm_sr *wfm_sr_read(const char *path, const wfm_sr_settings *s, const wfm_calendar *cal,
		    wfm_err *e)
{
	wfm_sr *r = calloc(1, sizeof *r);
	int rc;

	if (!r)
		return wfm_err_nomem(e), NULL;
	r->s = s;
	r->cal = cal;
	if ((rc = wfm_sr_settings_check(s, e)) || (rc = read_rows(r, path, e)) ||
	    (rc = resolve_aht(r, e)))
		goto fail;
	if ((rc = sort_rows(r, e)))
		goto fail;
	r->first = INT_MAX;
	r->last = INT_MIN;
	for (size_t i = 0; i < r->nrow; i++) {
		r->first = r->row[i].date < r->first ? r->row[i].date : r->first;
		r->last = r->row[i].date > r->last ? r->row[i].date : r->last;
	}
	if ((rc = check_duplicates(r, e)) || (rc = build_sdays(r, e)) ||
	    (rc = check_grid(r, e)) || (rc = wfm_sr_deferred_setup(r, e)))
		goto fail;
	deferred_arrivals(r);
	return r;
fail:
	wfm_sr_free(r);
	return NULL;
}
