/* calendar.c - holidays, closing days, opening hours, working-day arithmetic.
 *
 * Holidays are a pure function of the date (holiday_code).  A calendar with
 * the Belgian set keeps that function's value for every day of 1900-2199 in a
 * byte table built once by wfm_calendar_new, so the per-day queries the tools
 * make over several years cost an index instead of an Easter computation;
 * days outside the table are computed on the spot.  Closing days are kept
 * sorted by date for binary search.
 */
#include "calendar.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/grow.h"
#include "common/value.h"
#include "io/csv.h"

enum {
	TABLE_FIRST_YEAR = 1900,
	TABLE_LAST_YEAR = 2199,
	EASTER_FIRST_YEAR = 1583, /* the Gregorian Easter rule starts here */
	EASTER_LAST_YEAR = 9999,
	GIVE_UP_DAYS = 3653       /* ten years without a working day */
};

/* Holiday codes: index into holiday_names; 0 is "no holiday". */
enum {
	H_NONE, H_NEW_YEAR, H_EASTER_MONDAY, H_LABOUR, H_ASCENSION, H_WHIT_MONDAY,
	H_FLEMISH, H_NATIONAL, H_ASSUMPTION, H_ALL_SAINTS, H_ARMISTICE, H_CHRISTMAS,
	H_LABOUR_ASCENSION, /* 1 May is Ascension Day when Easter is 23 March */
	H_COUNT
};

static const char *const holiday_names[H_COUNT] = {
	[H_NONE] = NULL,
	[H_NEW_YEAR] = "New Year's Day",
	[H_EASTER_MONDAY] = "Easter Monday",
	[H_LABOUR] = "Labour Day",
	[H_ASCENSION] = "Ascension Day",
	[H_WHIT_MONDAY] = "Whit Monday",
	[H_FLEMISH] = "Flemish Community holiday",
	[H_NATIONAL] = "Belgian National Day",
	[H_ASSUMPTION] = "Assumption Day",
	[H_ALL_SAINTS] = "All Saints' Day",
	[H_ARMISTICE] = "Armistice Day",
	[H_CHRISTMAS] = "Christmas Day",
	[H_LABOUR_ASCENSION] = "Labour Day and Ascension Day",
};

static const char *const closed_weekday[7] = {
	"closed on monday", "closed on tuesday", "closed on wednesday",
	"closed on thursday", "closed on friday", "weekend", "weekend",
};

#define DEFAULT_REASON "closing day"

struct closed_day {
	wfm_date date;
	char *reason;
};

struct wfm_calendar {
	enum wfm_holidays holidays;
	int opens[7], closes[7];       /* per weekday; opens < 0: closed */
	struct closed_day *closed;     /* sorted by date, no date twice */
	size_t nclosed, capclosed;
	wfm_date table_first;          /* first day of `table` */
	size_t table_len;
	unsigned char *table;          /* holiday code per day; NULL for none */
};

/* The holiday code of `date` = y-m-d, with `easter` the Easter Sunday of y. */
static int holiday_code(wfm_date date, int m, int d, wfm_date easter)
{
	int after = date - easter;

	switch (m * 100 + d) {
	case 101: return H_NEW_YEAR;
	case 501: return after == 39 ? H_LABOUR_ASCENSION : H_LABOUR;
	case 711: return H_FLEMISH;
	case 721: return H_NATIONAL;
	case 815: return H_ASSUMPTION;
	case 1101: return H_ALL_SAINTS;
	case 1111: return H_ARMISTICE;
	case 1225: return H_CHRISTMAS;
	default: break;
	}
	switch (after) {
	case 1: return H_EASTER_MONDAY;
	case 39: return H_ASCENSION;
	case 50: return H_WHIT_MONDAY;
	default: return H_NONE;
	}
}

static int holiday_of(wfm_date date)
{
	int y, m, d;

	wfm_date_to_ymd(date, &y, &m, &d);
	if (y < EASTER_FIRST_YEAR || y > EASTER_LAST_YEAR)
		return H_NONE;
	return holiday_code(date, m, d, wfm_easter(y));
}

const char *wfm_holiday_be(wfm_date d)
{
	return holiday_names[holiday_of(d)];
}

/* Fills the table year by year: one Easter per year, month and day counted
 * along instead of converted back from the date. */
static int build_table(wfm_calendar *c, wfm_err *e)
{
	wfm_date first = wfm_date_from_ymd(TABLE_FIRST_YEAR, 1, 1);
	wfm_date end = wfm_date_from_ymd(TABLE_LAST_YEAR + 1, 1, 1);
	wfm_date date = first;
	int y, m, d;

	c->table = malloc((size_t)(end - first));
	if (!c->table)
		return wfm_err_nomem(e);
	c->table_first = first;
	c->table_len = (size_t)(end - first);
	for (y = TABLE_FIRST_YEAR; y <= TABLE_LAST_YEAR; y++) {
		wfm_date easter = wfm_easter(y);

		for (m = 1; m <= 12; m++)
			for (d = 1; d <= wfm_days_in_month(y, m); d++, date++)
				c->table[date - first] =
					(unsigned char)holiday_code(date, m, d, easter);
	}
	return WFM_OK;
}

wfm_calendar *wfm_calendar_new(enum wfm_holidays holidays, wfm_err *e)
{
	wfm_calendar *c = calloc(1, sizeof *c);
	int wd;

	if (!c) {
		wfm_err_nomem(e);
		return NULL;
	}
	c->holidays = holidays == WFM_HOLIDAYS_BE ? WFM_HOLIDAYS_BE : WFM_HOLIDAYS_NONE;
	for (wd = 0; wd < 7; wd++) {
		int open = wd <= WFM_FRI;

		c->opens[wd] = open ? 9 * 60 : -1;
		c->closes[wd] = open ? 19 * 60 : -1;
	}
	if (c->holidays == WFM_HOLIDAYS_BE && build_table(c, e) != WFM_OK) {
		free(c);
		return NULL;
	}
	return c;
}

void wfm_calendar_free(wfm_calendar *c)
{
	size_t i;

	if (!c)
		return;
	for (i = 0; i < c->nclosed; i++)
		free(c->closed[i].reason);
	free(c->closed);
	free(c->table);
	free(c);
}

int wfm_calendar_set_hours(wfm_calendar *c, int wd, int opens, int closes, wfm_err *e)
{
	if (wd < WFM_MON || wd > WFM_SUN)
		return wfm_err_set(e, WFM_EUSAGE, "no such weekday: %d", wd);
	if (opens < 0) {
		c->opens[wd] = c->closes[wd] = -1;
		return WFM_OK;
	}
	if (opens >= closes || closes > 24 * 60) {
		char b1[24], b2[24];

		/* HH:MM where it is a time of the day (24:00: midnight at the end) */
		if (opens < 24 * 60)
			wfm_time_hhmm(opens, b1);
		else
			snprintf(b1, sizeof b1, "%d minutes", opens);
		if (closes < 24 * 60)
			wfm_time_hhmm(closes, b2);
		else
			snprintf(b2, sizeof b2, closes == 24 * 60 ? "24:00" : "%d minutes", closes);
		return wfm_err_set(e, WFM_EUSAGE, "bad opening hours on %s: %s-%s (the closing "
				   "must come after the opening, by 24:00)", wfm_weekday_name(wd), b1,
				   b2);
	}
	c->opens[wd] = opens;
	c->closes[wd] = closes;
	return WFM_OK;
}

/* Index of the first closing day on or after `d` (nclosed when none). */
static size_t closed_lower_bound(const wfm_calendar *c, wfm_date d)
{
	size_t lo = 0, hi = c->nclosed;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (c->closed[mid].date < d)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static const char *closed_reason(const wfm_calendar *c, wfm_date d)
{
	size_t i = closed_lower_bound(c, d);

	return i < c->nclosed && c->closed[i].date == d ? c->closed[i].reason : NULL;
}

static int reserve_closed(wfm_calendar *c, size_t more, wfm_err *e)
{
	if (wfm_grow((void **)&c->closed, &c->capclosed, c->nclosed + more, sizeof *c->closed))
		return wfm_err_nomem(e);
	return WFM_OK;
}

int wfm_calendar_add_closed(wfm_calendar *c, wfm_date d, const char *reason, wfm_err *e)
{
	size_t i = closed_lower_bound(c, d);
	char *copy;

	if (i < c->nclosed && c->closed[i].date == d)
		return WFM_OK;
	if (reserve_closed(c, 1, e) != WFM_OK)
		return WFM_EINTERNAL;
	copy = strdup(reason && reason[0] ? reason : DEFAULT_REASON);
	if (!copy)
		return wfm_err_nomem(e);
	memmove(c->closed + i + 1, c->closed + i, (c->nclosed - i) * sizeof *c->closed);
	c->closed[i].date = d;
	c->closed[i].reason = copy;
	c->nclosed++;
	return WFM_OK;
}

/* The rows of a closing-days file, before they join the calendar. */
struct file_day {
	wfm_date date;
	size_t row;   /* position in the file, to keep the first of a date */
	char *reason;
};

struct day_list {
	struct file_day *v;
	size_t n, cap;
};

static void day_list_release(struct day_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i].reason);
	free(l->v);
}

/* Appends d with a copy of `reason`, blanks around it trimmed. */
static int day_list_add(struct day_list *l, wfm_date d, const char *reason, wfm_err *e)
{
	size_t len;
	char *copy;

	if (wfm_grow((void **)&l->v, &l->cap, l->n + 1, sizeof *l->v))
		return wfm_err_nomem(e);
	while (*reason == ' ' || *reason == '\t')
		reason++;
	len = strlen(reason);
	while (len > 0 && (reason[len - 1] == ' ' || reason[len - 1] == '\t'))
		len--;
	if (len == 0) {
		reason = DEFAULT_REASON;
		len = strlen(reason);
	}
	copy = malloc(len + 1);
	if (!copy)
		return wfm_err_nomem(e);
	memcpy(copy, reason, len);
	copy[len] = '\0';
	l->v[l->n].date = d;
	l->v[l->n].row = l->n;
	l->v[l->n].reason = copy;
	l->n++;
	return WFM_OK;
}

static int read_closed(const char *path, struct day_list *l, wfm_err *e)
{
	static const char *const date_aliases[] = {"datum", "day", "dag", NULL};
	static const char *const reason_aliases[] = {"reden", "omschrijving", "description",
						     "name", "naam", NULL};
	static const wfm_csv_col cols[] = {
		{"date", date_aliases, 1},
		{"reason", reason_aliases, 0},
	};
	int idx[2], got, rc = WFM_OK;
	wfm_csv *r = wfm_csv_open(path, NULL, e);

	if (!r)
		return e && e->code ? e->code : WFM_ENOINPUT;
	got = wfm_csv_next(r, e);
	if (got == 0)
		rc = wfm_err_set(e, WFM_EDATA, "%s: empty file: expected the header 'date,reason'",
				 wfm_csv_name(r));
	else if (got < 0)
		rc = e && e->code ? e->code : WFM_EDATA;
	else
		rc = wfm_csv_map(r, cols, 2, idx, e);
	while (rc == WFM_OK && (got = wfm_csv_next(r, e)) > 0) {
		const char *cell = wfm_csv_field(r, (size_t)idx[0]);
		const char *reason = idx[1] >= 0 ? wfm_csv_field(r, (size_t)idx[1]) : "";
		const char *why;
		wfm_date d;

		why = wfm_blank(cell) ? "missing date" : wfm_parse_date(cell, &d);
		if (why)
			rc = wfm_csv_cell_error(r, e, wfm_csv_head(r, (size_t)idx[0]), why, cell);
		else
			rc = day_list_add(l, d, reason, e);
	}
	if (rc == WFM_OK && got < 0)
		rc = e && e->code ? e->code : WFM_EDATA;
	wfm_csv_free(r);
	return rc;
}

static int cmp_file_day(const void *a, const void *b)
{
	const struct file_day *x = a, *y = b;

	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	return x->row < y->row ? -1 : x->row > y->row;
}

/* Reads the whole file first, then merges it into the sorted closing days in
 * one pass; the only allocation after reading is the merged array, so a
 * failure anywhere leaves the calendar as it was. */
int wfm_calendar_load_closed(wfm_calendar *c, const char *path, wfm_err *e)
{
	struct day_list l = {0};
	struct closed_day *merged;
	size_t i = 0, j = 0, n = 0;
	int rc = read_closed(path, &l, e);

	if (rc == WFM_OK && l.n == 0) {
		day_list_release(&l);
		return WFM_OK;
	}
	merged = rc == WFM_OK ? malloc((c->nclosed + l.n) * sizeof *merged) : NULL;
	if (!merged) {
		day_list_release(&l);
		return rc != WFM_OK ? rc : wfm_err_nomem(e);
	}
	qsort(l.v, l.n, sizeof *l.v, cmp_file_day);
	while (i < c->nclosed || j < l.n) {
		if (j == l.n || (i < c->nclosed && c->closed[i].date <= l.v[j].date)) {
			merged[n++] = c->closed[i++];
		} else if (n > 0 && merged[n - 1].date == l.v[j].date) {
			free(l.v[j++].reason); /* closed twice: the first reason stays */
		} else {
			merged[n].date = l.v[j].date;
			merged[n++].reason = l.v[j++].reason;
		}
	}
	free(c->closed);
	free(l.v);
	c->closed = merged;
	c->nclosed = c->capclosed = n;
	return WFM_OK;
}

static int holiday_at(const wfm_calendar *c, wfm_date d)
{
	if (c->holidays == WFM_HOLIDAYS_NONE)
		return H_NONE;
	if (d >= c->table_first && (size_t)(d - c->table_first) < c->table_len)
		return c->table[d - c->table_first];
	return holiday_of(d);
}

int wfm_calendar_open(const wfm_calendar *c, wfm_date d)
{
	return c->opens[wfm_date_weekday(d)] >= 0 && holiday_at(c, d) == H_NONE &&
	       !closed_reason(c, d);
}

const char *wfm_calendar_reason(const wfm_calendar *c, wfm_date d)
{
	const char *why = closed_reason(c, d);
	int wd = wfm_date_weekday(d);

	if (why)
		return why;
	why = holiday_names[holiday_at(c, d)];
	if (why)
		return why;
	return c->opens[wd] < 0 ? closed_weekday[wd] : NULL;
}

int wfm_calendar_hours(const wfm_calendar *c, wfm_date d, int *opens, int *closes)
{
	int wd = wfm_date_weekday(d);

	if (!wfm_calendar_open(c, d))
		return 0;
	*opens = c->opens[wd];
	*closes = c->closes[wd];
	return 1;
}

wfm_date wfm_calendar_add_working(const wfm_calendar *c, wfm_date d, int n)
{
	int step = n > 0 ? 1 : -1;
	wfm_date x = d;

	while (n != 0) {
		int gap = 0;

		do {
			x += step;
			if (++gap > GIVE_UP_DAYS)
				return d;
		} while (!wfm_calendar_open(c, x));
		n -= step;
	}
	return x;
}

int wfm_calendar_count_working(const wfm_calendar *c, wfm_date from, wfm_date to)
{
	int n = 0;

	for (; from < to; from++)
		n += wfm_calendar_open(c, from);
	return n;
}
