/* reportrun_snap.c - reading a saved forecast; see reportrun_snap.h. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "reportrun_snap.h"
#include "common/channel.h"
#include "common/grow.h"
#include "common/value.h"

enum { C_PERIOD, C_TIME, C_CHANNEL, C_LINE, C_FORECAST, C_LO, C_HI, NCOL };

static const char *const al_period[] = {"date", "datum", "periode", NULL};
static const char *const al_time[] = {"tijd", "uur", "interval", NULL};
static const char *const al_channel[] = {"kanaal", NULL};
static const char *const al_line[] = {"lijn", "lijncode", NULL};
static const char *const al_forecast[] = {"volume", "prognose", NULL};
static const char *const al_lo[] = {"laag", NULL};
static const char *const al_hi[] = {"hoog", NULL};

static const wfm_csv_col cols[NCOL] = {
	{"period", al_period, 1}, {"time", al_time, 0},        {"channel", al_channel, 1},
	{"line", al_line, 1},     {"forecast", al_forecast, 1}, {"lo", al_lo, 0},
	{"hi", al_hi, 0},
};

/* The last valid YYYY-MM-DD in the base name of `path`, or -1. */
static int name_date(const char *path, wfm_date *out)
{
	const char *base = strrchr(path, '/');
	int found = 0;

	base = base ? base + 1 : path;
	for (size_t i = 0; base[i] && base[i + 1]; i++) {
		char buf[11];
		wfm_date d;

		if (strlen(base + i) < 10)
			break;
		memcpy(buf, base + i, 10);
		buf[10] = '\0';
		if (buf[4] == '-' && buf[7] == '-' && !wfm_parse_date(buf, &d)) {
			*out = d;
			found = 1;
		}
	}
	return found ? 0 : -1;
}

static int find_series(rr_snap *s, size_t *cap, const char *line, int channel, int32_t *out,
		       wfm_err *e)
{
	for (size_t i = s->nser; i-- > 0;) {
		if (s->ser[i].channel == channel && strcmp(s->ser[i].line, line) == 0) {
			*out = (int32_t)i;
			return WFM_OK;
		}
	}
	if (wfm_grow((void **)&s->ser, cap, s->nser + 1, sizeof *s->ser))
		return wfm_err_nomem(e);
	snprintf(s->ser[s->nser].line, sizeof s->ser[s->nser].line, "%s", line);
	s->ser[s->nser].channel = channel;
	*out = (int32_t)s->nser++;
	return WFM_OK;
}

/* A period cell: a day, or a month "YYYY-MM" (then *month = 1). */
static int period(const rr_csv *c, wfm_date *d, int *month, wfm_err *e)
{
	const char *v = wfm_rr_cell(c, C_PERIOD);
	char buf[16];
	int y, m;

	*month = 0;
	if (wfm_trim_copy(v, buf, sizeof buf) == 7 && buf[4] == '-') {
		char *end;

		y = (int)strtol(buf, &end, 10);
		if (end == buf + 4 && buf[5] >= '0' && buf[5] <= '9' && buf[6] >= '0' &&
		    buf[6] <= '9') {
			m = (buf[5] - '0') * 10 + (buf[6] - '0');
			if (!wfm_date_valid(y, m, 1))
				return wfm_rr_bad(c, C_PERIOD, "no such month", e);
			*d = wfm_date_from_ymd(y, m, 1);
			*month = 1;
			return WFM_OK;
		}
	}
	return wfm_rr_date(c, C_PERIOD, d, e);
}

static int bound(const rr_csv *c, int k, double *out, wfm_err *e)
{
	if (c->idx[k] < 0 || wfm_blank(wfm_rr_cell(c, (size_t)k))) {
		*out = NAN;
		return WFM_OK;
	}
	return wfm_rr_amount(c, (size_t)k, 0, out, e);
}

static int row_cmp(const void *a, const void *b)
{
	const rr_srow *x = a, *y = b;

	if (x->ser != y->ser)
		return x->ser < y->ser ? -1 : 1;
	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	if (x->time != y->time)
		return x->time < y->time ? -1 : 1;
	return (x->src_line > y->src_line) - (x->src_line < y->src_line);
}

static int ser_cmp(const void *a, const void *b)
{
	const rr_sser *x = a, *y = b;
	int c = strcmp(x->line, y->line);

	return c ? c : (x->channel > y->channel) - (x->channel < y->channel);
}

/* Sorts the series by line and channel and renumbers the rows. */
static int sort_series(rr_snap *s, wfm_err *e)
{
	rr_sser *old = malloc((s->nser + 1) * sizeof *old);
	int32_t *map = malloc((s->nser + 1) * sizeof *map);

	if (!old || !map) {
		free(old);
		free(map);
		return wfm_err_nomem(e);
	}
	memcpy(old, s->ser, s->nser * sizeof *old);
	qsort(s->ser, s->nser, sizeof *s->ser, ser_cmp);
	for (size_t i = 0; i < s->nser; i++)
		for (size_t j = 0; j < s->nser; j++)
			if (ser_cmp(&old[i], &s->ser[j]) == 0)
				map[i] = (int32_t)j;
	for (size_t i = 0; i < s->nrow; i++)
		s->row[i].ser = map[s->row[i].ser];
	free(old);
	free(map);
	return WFM_OK;
}

int wfm_rr_snap_read(rr_snap *s, const char *path, int origin_set, wfm_date origin,
		     wfm_err *e)
{
	rr_csv c;
	size_t cap = 0, capser = 0;
	int rc, kinds = 0; /* bit 0: month rows, bit 1: day rows */

	memset(s, 0, sizeof *s);
	rc = wfm_rr_csv_open(&c, path, cols, NCOL, e);
	if (rc == WFM_OK && !(s->name = malloc(strlen(wfm_csv_name(c.csv)) + 1)))
		rc = wfm_err_nomem(e);
	if (rc == WFM_OK)
		memcpy(s->name, wfm_csv_name(c.csv), strlen(wfm_csv_name(c.csv)) + 1);
	s->grain = RR_DAY;
	while (rc == WFM_OK && (rc = wfm_rr_csv_next(&c, e)) > 0) {
		rr_srow row;
		char line[48];
		int channel, time, month;

		memset(&row, 0, sizeof row);
		if ((rc = period(&c, &row.date, &month, e)) ||
		    (rc = wfm_rr_time(&c, C_TIME, 1, &time, e)) ||
		    (rc = wfm_rr_channel_cell(&c, C_CHANNEL, &channel, e)) ||
		    (rc = wfm_rr_line(&c, C_LINE, line, sizeof line, e)) ||
		    (rc = wfm_rr_amount(&c, C_FORECAST, 0, &row.f, e)) ||
		    (rc = bound(&c, C_LO, &row.lo, e)) || (rc = bound(&c, C_HI, &row.hi, e)))
			break;
		if (month && time >= 0) {
			rc = wfm_rr_bad(&c, C_TIME, "a month row has no time", e);
			break;
		}
		kinds |= month ? 1 : 2;
		if (kinds == 3) {
			rc = wfm_rr_bad(&c, C_PERIOD, "month and day rows in one forecast", e);
			break;
		}
		row.time = (int16_t)time;
		row.src_line = wfm_csv_line(c.csv);
		if ((rc = find_series(s, &capser, line, channel, &row.ser, e)))
			break;
		if (wfm_grow((void **)&s->row, &cap, s->nrow + 1, sizeof *s->row)) {
			rc = wfm_err_nomem(e);
			break;
		}
		s->row[s->nrow++] = row;
		if (time >= 0)
			s->grain = RR_INTERVAL;
	}
	if (rc < 0)
		rc = e->code;
	if (rc == WFM_OK && s->nrow == 0)
		rc = wfm_err_set(e, WFM_EDATA, "%s: no forecast rows", s->name);
	if (rc == WFM_OK && (rc = sort_series(s, e)) == WFM_OK) {
		qsort(s->row, s->nrow, sizeof *s->row, row_cmp);
		for (size_t i = 1; i < s->nrow && rc == WFM_OK; i++) {
			const rr_srow *p = &s->row[i - 1], *q = &s->row[i];

			char d[11], t[6];

			if (p->ser == q->ser && p->date == q->date && p->time == q->time)
				rc = wfm_err_set(e, WFM_EDATA, "%s:%ld: %s%s%s %s %s: given twice "
						 "(also on line %ld)", s->name, q->src_line,
						 wfm_date_iso(q->date, d), q->time >= 0 ? " " : "",
						 q->time >= 0 ? wfm_time_hhmm(q->time, t) : "",
						 wfm_channel_name(s->ser[q->ser].channel),
						 s->ser[q->ser].line, p->src_line);
		}
	}
	if (rc == WFM_OK) {
		int y, m;

		if (kinds == 1)
			s->grain = RR_MONTH;
		s->first = s->last = s->row[0].date;
		for (size_t i = 0; i < s->nrow; i++) {
			wfm_date end = s->row[i].date;

			if (s->grain == RR_MONTH) {
				wfm_date_to_ymd(end, &y, &m, NULL);
				end += wfm_days_in_month(y, m) - 1;
			}
			if (s->row[i].date < s->first)
				s->first = s->row[i].date;
			if (end > s->last)
				s->last = end;
		}
		s->origin = s->first;
		if (origin_set)
			s->origin = origin;
		else
			name_date(s->name, &s->origin);
	}
	wfm_rr_csv_close(&c);
	if (rc)
		wfm_rr_snap_release(s);
	return rc;
}

int wfm_rr_snap_bucket(const wfm_hist *h, const rr_snap *s, size_t **idx_out,
		       size_t **start_out, wfm_err *e)
{
	const wfm_hrow *rows = wfm_hist_rows(h);
	size_t nh = wfm_hist_count(h), nl = (size_t)wfm_hist_nlines(h);
	int32_t *map = malloc((nl * WFM_NCHANNELS + 1) * sizeof *map);
	size_t *start = calloc(s->nser + 2, sizeof *start), *idx = NULL, *fill = NULL;

	if (!map || !start)
		goto nomem;
	for (size_t i = 0; i < nl * WFM_NCHANNELS; i++)
		map[i] = -1;
	for (size_t i = 0; i < s->nser; i++) {
		int l = wfm_hist_line_find(h, s->ser[i].line);

		if (l >= 0)
			map[(size_t)l * WFM_NCHANNELS + (size_t)s->ser[i].channel] = (int32_t)i;
	}
	for (size_t i = 0; i < nh; i++) {
		int32_t k = map[(size_t)rows[i].line * WFM_NCHANNELS + rows[i].channel];

		if (k >= 0)
			start[k + 1]++;
	}
	for (size_t i = 0; i < s->nser; i++)
		start[i + 1] += start[i];
	if (!(idx = malloc((start[s->nser] + 1) * sizeof *idx)) ||
	    !(fill = malloc((s->nser + 1) * sizeof *fill)))
		goto nomem;
	memcpy(fill, start, (s->nser + 1) * sizeof *fill);
	for (size_t i = 0; i < nh; i++) {
		int32_t k = map[(size_t)rows[i].line * WFM_NCHANNELS + rows[i].channel];

		if (k >= 0)
			idx[fill[k]++] = i;
	}
	free(map);
	free(fill);
	*idx_out = idx;
	*start_out = start;
	return WFM_OK;
nomem:
	free(map);
	free(start);
	free(idx);
	free(fill);
	return wfm_err_nomem(e);
}

void wfm_rr_snap_release(rr_snap *s)
{
	free(s->name);
	free(s->row);
	free(s->ser);
	memset(s, 0, sizeof *s);
}
