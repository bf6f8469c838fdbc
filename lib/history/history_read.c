/* Reading an export into a history: header mapping, strict rows, duplicate
 * keys, aggregation to the interval grid. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "history_impl.h"
#include "common/grow.h"
#include "common/sortctx.h"
#include "common/value.h"

enum { C_DATE, C_TIME, C_CHANNEL, C_LINE, C_OFFERED, C_HANDLED, C_AHT, NCOLS };

static const char *const al_date[] = {"datum", "dag", "day", NULL};
static const char *const al_time[] = {"tijd", "uur", "interval", "tijdvak", "kwartier",
				      "intervalstart", "starttijd", "start", NULL};
static const char *const al_channel[] = {"kanaal", "medium", "media", NULL};
static const char *const al_line[] = {"lijn", "lijncode", "lijnnummer", "queue",
				      "wachtrij", NULL};
static const char *const al_offered[] = {"aangeboden", "aantal", "volume", "contacts",
					 "contacten", "aantalaangeboden", "inkomend", NULL};
static const char *const al_handled[] = {"behandeld", "beantwoord", "answered",
					 "aantalbeantwoord", NULL};
static const char *const al_aht[] = {"aht", "afhandeltijd", "afhandeltijds", "ahtsec",
				     "gemiddeldeafhandeltijd", NULL};

static const wfm_csv_col columns[NCOLS] = {
	{"date", al_date, 1},       {"time", al_time, 0},      {"channel", al_channel, 1},
	{"line", al_line, 1},       {"offered", al_offered, 1}, {"handled", al_handled, 0},
	{"aht_s", al_aht, 0},
};

#define LINE_MAX_LEN 40

struct reader {
	const wfm_read_opts *o;
	wfm_csv *csv;
	int idx[NCOLS];
	char head[NCOLS][64]; /* the file's own header names, for messages */
	wfm_numfmt nf;
	int def_channel;
	wfm_read_stats *st;
	char last_ch_text[32]; /* cache: the previous channel cell and its value */
	int last_ch;
	long *kept_by;         /* kept rows per line index x channel of the read */
	int kept_lines;        /* line indexes kept_by has room for */
};

void wfm_read_stats_release(wfm_read_stats *st)
{
	free(st->series);
	memset(st, 0, sizeof *st);
}

static wfm_series_count *series_of(wfm_read_stats *st, const char *line, const char *ch)
{
	size_t i;

	for (i = st->nseries; i-- > 0;)
		if (strcmp(st->series[i].line, line) == 0 &&
		    strcmp(st->series[i].channel, ch) == 0)
			return &st->series[i];
	if (wfm_grow((void **)&st->series, &st->capseries, st->nseries + 1, sizeof *st->series))
		return NULL;
	memset(&st->series[st->nseries], 0, sizeof st->series[0]);
	snprintf(st->series[st->nseries].line, sizeof st->series[0].line, "%s", line);
	snprintf(st->series[st->nseries].channel, sizeof st->series[0].channel, "%s", ch);
	return &st->series[st->nseries++];
}

static const char *cell(const struct reader *rd, int c)
{
	return rd->idx[c] < 0 ? "" : wfm_csv_field(rd->csv, (size_t)rd->idx[c]);
}

static int cell_error(struct reader *rd, wfm_err *e, int c, const char *reason)
{
	return wfm_csv_cell_error(rd->csv, e, rd->head[c], reason, cell(rd, c));
}

static int parse_line_code(const char *s, char *out, size_t n)
{
	size_t len;

	while (*s == ' ' || *s == '\t')
		s++;
	len = strlen(s);
	while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	if (len == 0 || len >= n || len > LINE_MAX_LEN)
		return -1;
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			return -1;
	memcpy(out, s, len);
	out[len] = '\0';
	return 0;
}

/* wfm_channel_parse with a one-entry cache: exports repeat the same cell. */
static int channel_of(struct reader *rd, const char *text)
{
	if (strlen(text) >= sizeof rd->last_ch_text)
		return wfm_channel_parse(text);
	if (rd->last_ch_text[0] && strcmp(text, rd->last_ch_text) == 0)
		return rd->last_ch;
	rd->last_ch = wfm_channel_parse(text);
	snprintf(rd->last_ch_text, sizeof rd->last_ch_text, "%s", text);
	return rd->last_ch;
}

/* Parses the current record into `row`.  Returns WFM_OK or WFM_EDATA. */
static int parse_record(struct reader *rd, wfm_hist *t, wfm_hrow *row, wfm_err *e)
{
	const char *why;
	char code[LINE_MAX_LEN + 8];
	int start, end, iv = rd->o->interval, line;
	double x;

	memset(row, 0, sizeof *row);
	if ((why = wfm_parse_date(cell(rd, C_DATE), &row->date)) != NULL)
		return cell_error(rd, e, C_DATE, why);
	row->time = -1;
	if (!wfm_blank(cell(rd, C_TIME))) {
		if ((why = wfm_parse_interval(cell(rd, C_TIME), &start, &end)) != NULL)
			return cell_error(rd, e, C_TIME, why);
		if (end >= 0 && (end - start > iv || start / iv != (end - 1) / iv))
			return cell_error(rd, e, C_TIME, iv == 15 ? "longer than the 15-minute grid"
					  : "longer than the configured interval");
		row->time = (int16_t)start;
	}
	if (rd->idx[C_CHANNEL] >= 0) {
		int ch = channel_of(rd, cell(rd, C_CHANNEL));

		if (ch < 0)
			return cell_error(rd, e, C_CHANNEL, wfm_blank(cell(rd, C_CHANNEL)) ?
					  "empty" : "unknown channel");
		row->channel = (uint8_t)ch;
	} else {
		row->channel = (uint8_t)rd->def_channel;
	}
	if (rd->idx[C_LINE] >= 0) {
		if (parse_line_code(cell(rd, C_LINE), code, sizeof code) < 0)
			return cell_error(rd, e, C_LINE, wfm_blank(cell(rd, C_LINE)) ? "empty" :
					  "not a line code (1-40 printable characters)");
	} else {
		snprintf(code, sizeof code, "%s", rd->o->line);
	}
	if ((why = wfm_parse_count(cell(rd, C_OFFERED), rd->nf, &x)) != NULL)
		return cell_error(rd, e, C_OFFERED, why);
	if (x > WFM_HIST_MAX_COUNT)
		return cell_error(rd, e, C_OFFERED, "more than " WFM_HIST_MAX_COUNT_TEXT);
	row->offered = (uint32_t)x;
	row->handled = -1;
	if (!wfm_blank(cell(rd, C_HANDLED))) {
		char why2[64];

		if ((why = wfm_parse_count(cell(rd, C_HANDLED), rd->nf, &x)) != NULL)
			return cell_error(rd, e, C_HANDLED, why);
		if (x > WFM_HIST_MAX_COUNT)
			return cell_error(rd, e, C_HANDLED, "more than " WFM_HIST_MAX_COUNT_TEXT);
		/* a live contact is handled in its interval or not at all; deferred
		 * work (e-mail, social, callbacks) answered on a day may include the
		 * backlog of earlier days, so more than that day's offered is fine */
		if (!wfm_channel_deferred(row->channel) && x > row->offered) {
			snprintf(why2, sizeof why2, "more than offered (%lu)",
				 (unsigned long)row->offered);
			return cell_error(rd, e, C_HANDLED, why2);
		}
		row->handled = (int32_t)x;
	}
	row->aht = NAN;
	if (!wfm_blank(cell(rd, C_AHT))) {
		if ((why = wfm_parse_duration(cell(rd, C_AHT), rd->nf, &row->aht)) != NULL)
			return cell_error(rd, e, C_AHT, why);
		if (row->aht > WFM_HIST_MAX_AHT)
			return cell_error(rd, e, C_AHT, "more than " WFM_HIST_MAX_AHT_TEXT);
	}
	if ((line = wfm_hist_intern(t, code)) < 0)
		return wfm_hist_intern_error(line, e);
	row->line = (int16_t)line;
	row->src_line = (int32_t)wfm_csv_line(rd->csv);
	return WFM_OK;
}

/* Counts the record for the summary, under the line and channel as written. */
/* Counts a kept row by its line index and channel (cheap, per row). */
static int count_kept(struct reader *rd, const wfm_hist *t, const wfm_hrow *row, wfm_err *e)
{
	if (row->line >= rd->kept_lines) {
		int nl = t->nlines > 2 * rd->kept_lines ? t->nlines : 2 * rd->kept_lines + 8;
		long *p = realloc(rd->kept_by, (size_t)nl * WFM_NCHANNELS * sizeof *p);

		if (!p)
			return wfm_err_nomem(e);
		memset(p + (size_t)rd->kept_lines * WFM_NCHANNELS, 0,
		       (size_t)(nl - rd->kept_lines) * WFM_NCHANNELS * sizeof *p);
		rd->kept_by = p;
		rd->kept_lines = nl;
	}
	rd->kept_by[(size_t)row->line * WFM_NCHANNELS + row->channel]++;
	return WFM_OK;
}

/* Adds the kept counts to the per-series summary (once per series). */
static int fold_kept(struct reader *rd, const wfm_hist *t, wfm_err *e)
{
	int l, c;

	for (l = 0; l < rd->kept_lines && l < t->nlines; l++) {
		for (c = 0; c < WFM_NCHANNELS; c++) {
			long n = rd->kept_by[(size_t)l * WFM_NCHANNELS + (size_t)c];
			wfm_series_count *sc;

			if (!n)
				continue;
			sc = series_of(rd->st, t->lines[l], wfm_channel_name(c));
			if (!sc)
				return wfm_err_nomem(e);
			sc->read += n;
			sc->kept += n;
		}
	}
	return WFM_OK;
}

/* Counts a rejected record under its line and channel as written. */
static int count_record(struct reader *rd, int kept, wfm_err *e)
{
	char line[LINE_MAX_LEN + 8], chbuf[16];
	const char *ch;
	wfm_series_count *sc;
	int c;

	if (rd->idx[C_LINE] >= 0) {
		if (parse_line_code(cell(rd, C_LINE), line, sizeof line) < 0)
			snprintf(line, sizeof line, "?");
	} else {
		snprintf(line, sizeof line, "%s", rd->o->line);
	}
	c = rd->idx[C_CHANNEL] >= 0 ? channel_of(rd, cell(rd, C_CHANNEL)) : rd->def_channel;
	ch = c >= 0 ? wfm_channel_name(c) : "?";
	snprintf(chbuf, sizeof chbuf, "%s", ch);
	sc = series_of(rd->st, line, chbuf);
	if (!sc)
		return wfm_err_nomem(e);
	sc->read++;
	if (kept)
		sc->kept++;
	else
		sc->rejected++;
	return WFM_OK;
}

static int reject(struct reader *rd, long line, const char *msg, const wfm_csv *r,
		  wfm_err *e)
{
	int rc = rd->o->reject(rd->o->reject_ctx, wfm_csv_name(rd->csv), line, msg, r);

	rd->st->rejected++;
	if (rc != WFM_OK)
		return wfm_err_set(e, rc, "%s", msg);
	wfm_err_clear(e);
	return WFM_OK;
}

static int open_reader(struct reader *rd, const char *path, wfm_err *e)
{
	int c, rc;

	rd->csv = wfm_csv_open(path, &rd->o->csv, e);
	if (!rd->csv)
		return e->code ? e->code : WFM_ENOINPUT;
	rc = wfm_csv_next(rd->csv, e);
	if (rc == 0)
		return wfm_err_set(e, WFM_EDATA, "%s: empty file, expected a header line",
				   wfm_csv_name(rd->csv));
	if (rc < 0)
		return e->code ? e->code : WFM_EDATA;
	{
		wfm_csv_col cols[NCOLS];

		memcpy(cols, columns, sizeof cols);
		if (rd->o->channel)
			cols[C_CHANNEL].required = 0;
		if (rd->o->line)
			cols[C_LINE].required = 0;
		if ((rc = wfm_csv_map(rd->csv, cols, NCOLS, rd->idx, e)) != WFM_OK)
			return rc;
	}
	for (c = 0; c < NCOLS; c++)
		snprintf(rd->head[c], sizeof rd->head[c], "%s",
			 rd->idx[c] >= 0 ? wfm_csv_field(rd->csv, (size_t)rd->idx[c])
					 : columns[c].name);
	rd->nf = wfm_csv_numfmt(rd->csv);
	return WFM_OK;
}

/* Rejects row r (strict mode: fails) because of `msg`. */
static int drop_row(struct reader *rd, wfm_hist *t, const wfm_hrow *r, const char *msg,
		    wfm_err *e)
{
	wfm_series_count *sc;

	if (!rd->o->reject)
		return wfm_err_set(e, WFM_EDATA, "%s", msg);
	if (reject(rd, r->src_line, msg, NULL, e) != WFM_OK)
		return e->code;
	rd->st->kept--;
	sc = series_of(rd->st, t->lines[r->line], wfm_channel_name(r->channel));
	if (sc) {
		sc->kept--;
		sc->rejected++;
	}
	return WFM_OK;
}

/* Rows sorted as by cmp_read: a key given twice, and interval rows for a
 * (date, channel, line) that also has a whole-day row (which sorts first in
 * its date), are rejected. */
static int check_keys(struct reader *rd, wfm_hist *t, const char *name, wfm_err *e)
{
	size_t i, k = 0, nslots = (size_t)WFM_NCHANNELS * ((size_t)t->nlines + 1);
	size_t *touched = malloc(nslots * sizeof *touched), ntouched = 0;
	int32_t *day_line = malloc(nslots * sizeof *day_line); /* line of the day row, or 0 */
	char msg[WFM_ERR_MSG_MAX], d[11], tm[6];
	int rc = WFM_OK;

	if (!touched || !day_line) {
		free(touched);
		free(day_line);
		return wfm_err_nomem(e);
	}
	memset(day_line, 0, nslots * sizeof *day_line);
	for (i = 0; i < t->n && rc == WFM_OK; i++) {
		wfm_hrow *r = &t->rows[i];
		const wfm_hrow *p = k ? &t->rows[k - 1] : NULL;
		size_t slot = (size_t)r->channel * ((size_t)t->nlines + 1) + (size_t)r->line;

		if (p && p->date != r->date) {
			while (ntouched)
				day_line[touched[--ntouched]] = 0;
		}
		if (p && wfm_hist_same_key(p, r)) {
			snprintf(msg, sizeof msg,
				 "%s:%d: duplicate key (date %s, time %s, channel %s, line %s): "
				 "also on line %d", name, (int)r->src_line, wfm_date_iso(r->date, d),
				 r->time < 0 ? "empty" : wfm_time_hhmm(r->time, tm),
				 wfm_channel_name(r->channel), t->lines[r->line], (int)p->src_line);
			rc = drop_row(rd, t, r, msg, e);
			continue;
		}
		if (r->time >= 0 && day_line[slot]) {
			snprintf(msg, sizeof msg,
				 "%s:%d: whole-day and interval rows for date %s, channel %s, "
				 "line %s: also on line %d", name, (int)r->src_line,
				 wfm_date_iso(r->date, d), wfm_channel_name(r->channel),
				 t->lines[r->line], (int)day_line[slot]);
			rc = drop_row(rd, t, r, msg, e);
			continue;
		}
		if (r->time < 0) {
			day_line[slot] = r->src_line;
			touched[ntouched++] = slot;
		}
		t->rows[k++] = *r;
	}
	free(touched);
	free(day_line);
	if (rc == WFM_OK)
		t->n = k;
	return rc;
}

struct read_order {
	const int *rank; /* line code ranks, so rows come out in canonical order */
	int iv;
};

/* Date, interval bucket (whole day first), channel, line code, raw time,
 * input line: canonical order once the buckets are summed, so a history
 * read back is already in order and costs no sort. */
static int cmp_read(const void *pa, const void *pb, const void *pctx)
{
	const wfm_hrow *a = pa, *b = pb;
	const struct read_order *o = pctx;
	int ba = a->time < 0 ? -1 : a->time / o->iv, bb = b->time < 0 ? -1 : b->time / o->iv;

	if (a->date != b->date)
		return a->date < b->date ? -1 : 1;
	if (ba != bb)
		return ba < bb ? -1 : 1;
	if (a->channel != b->channel)
		return a->channel < b->channel ? -1 : 1;
	if (a->line != b->line)
		return o->rank[a->line] < o->rank[b->line] ? -1 : 1;
	if (a->time != b->time)
		return a->time < b->time ? -1 : 1;
	return (a->src_line > b->src_line) - (a->src_line < b->src_line);
}

/* Sums rows of the same bucket (rows sorted by series and time).  Fails when
 * a bucket's counts sum to more than WFM_HIST_MAX_COUNT. */
static int aggregate(wfm_hist *t, int iv, const char *name, wfm_err *e)
{
	size_t i = 0, k = 0;

	while (i < t->n) {
		wfm_hrow acc = t->rows[i];
		int16_t bucket = acc.time < 0 ? -1 : (int16_t)(acc.time / iv * iv);
		double wsum = 0, asum = 0, plain = 0, offered = 0, handled = 0;
		int n = 0, aht_lost = 0, handled_lost = 0;
		size_t j;

		for (j = i; j < t->n; j++) {
			const wfm_hrow *r = &t->rows[j];
			double w;

			if (r->date != acc.date || r->channel != acc.channel ||
			    r->line != acc.line ||
			    (r->time < 0 ? -1 : r->time / iv * iv) != bucket)
				break;
			w = r->handled < 0 ? (double)r->offered : (double)r->handled;
			offered += r->offered;
			if (r->handled < 0)
				handled_lost = 1;
			else
				handled += r->handled;
			if (isnan(r->aht)) {
				if (w > 0)
					aht_lost = 1;
			} else {
				wsum += w;
				asum += w * r->aht;
				plain += r->aht;
				n++;
			}
			if (r->src_line < acc.src_line)
				acc.src_line = r->src_line;
		}
		acc.time = bucket;
		if (offered > WFM_HIST_MAX_COUNT) {
			char tm[6];

			return wfm_err_set(e, WFM_EDATA, "%s:%d: the rows of interval %s sum to more "
					   "than " WFM_HIST_MAX_COUNT_TEXT " offered contacts", name,
					   (int)acc.src_line, acc.time < 0 ? "(whole day)" :
					   wfm_time_hhmm(acc.time, tm));
		}
		if (handled > WFM_HIST_MAX_COUNT) {
			char tm[6];

			return wfm_err_set(e, WFM_EDATA, "%s:%d: the rows of interval %s sum to more "
					   "than " WFM_HIST_MAX_COUNT_TEXT " handled contacts", name,
					   (int)acc.src_line, acc.time < 0 ? "(whole day)" :
					   wfm_time_hhmm(acc.time, tm));
		}
		acc.offered = (uint32_t)offered;
		acc.handled = handled_lost ? -1 : (int32_t)handled;
		if (aht_lost || n == 0)
			acc.aht = NAN;
		else
			acc.aht = round((wsum > 0 ? asum / wsum : plain / n) * 100) / 100;
		t->rows[k++] = acc;
		i = j;
	}
	t->n = k;
	return WFM_OK;
}

int wfm_hist_read(wfm_hist *h, const char *path, int file_no, const wfm_read_opts *o,
		  wfm_read_stats *st, wfm_err *err)
{
	wfm_err local_err, *e = &local_err;
	struct reader rd;
	wfm_read_stats local;
	wfm_hist *t = NULL;
	wfm_hrow row;
	int rc;

	wfm_err_clear(e);
	memset(&rd, 0, sizeof rd);
	memset(&local, 0, sizeof local);
	rd.o = o;
	rd.st = st ? st : &local;
	rd.def_channel = -1;
	if (file_no < 0 || file_no >= WFM_HIST_MAX_FILES)
		return wfm_err_set(err, WFM_EUSAGE, "more than %d input files", WFM_HIST_MAX_FILES);
	if (o->channel && (rd.def_channel = wfm_channel_parse(o->channel)) < 0)
		return wfm_err_set(err, WFM_EUSAGE, "unknown channel '%s'", o->channel);
	if (o->line && parse_line_code(o->line, (char[LINE_MAX_LEN + 8]){0}, LINE_MAX_LEN + 8) < 0)
		return wfm_err_set(err, WFM_EUSAGE, "bad line code '%s'", o->line);
	t = wfm_hist_new(err);
	if (!t)
		return WFM_EINTERNAL;
	t->last_line = -1;
	rc = open_reader(&rd, path, e);
	while (rc == WFM_OK && ((rc = wfm_csv_next(rd.csv, e)) > 0 ||
				(rc < 0 && wfm_csv_row_failed(rd.csv)))) {
		rd.st->rows++;
		rc = rc < 0 ? WFM_EDATA : parse_record(&rd, t, &row, e);
		if (rc == WFM_EDATA && o->reject) {
			char msg[WFM_ERR_MSG_MAX];

			memcpy(msg, e->msg, sizeof msg);
			wfm_err_clear(e);
			if ((rc = count_record(&rd, 0, e)) == WFM_OK)
				rc = reject(&rd, wfm_csv_line(rd.csv), msg, rd.csv, e);
			continue;
		}
		if (rc == WFM_OK)
			rc = count_kept(&rd, t, &row, e);
		if (rc == WFM_OK) {
			row.src_file = (int16_t)file_no;
			rc = wfm_hist_push(t, &row, e);
			rd.st->kept++;
		}
	}
	if (rc < 0)
		rc = e->code ? e->code : WFM_EDATA;
	if (rc == WFM_OK)
		rc = fold_kept(&rd, t, e);
	if (rc == WFM_OK) {
		int *rank = wfm_hist_line_ranks(t);
		struct read_order ord = {rank, o->interval};

		if (!rank || wfm_hist_sort_by(t, cmp_read, &ord) < 0)
			rc = wfm_err_nomem(e);
		else
			rc = check_keys(&rd, t, wfm_csv_name(rd.csv), e);
		free(rank);
	}
	if (rc == WFM_OK)
		rc = aggregate(t, o->interval, wfm_csv_name(rd.csv), e);
	if (rc == WFM_OK)
		rc = wfm_hist_append(h, t, e);
	wfm_csv_free(rd.csv);
	wfm_hist_free(t);
	free(rd.kept_by);
	wfm_read_stats_release(&local);
	if (rc != WFM_OK && err)
		*err = *e;
	return rc;
}
