/* test_calendar.c - lib/calendar.c: holidays, closing days, opening hours,
 * working-day arithmetic.
 *
 * The holidays of 1900-2199 are checked day by day against
 * tests/ref/holidays-be.csv, written by tests/ref/gen-holidays.py with other
 * Easter algorithms (Gauss, Knuth) than lib/date.c.  The tests run from the
 * repository root (as `make check` does) or with WFM_SRCDIR set to it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "setup/calendar.h"

#define FIRST_YEAR 1900
#define LAST_YEAR 2199
#define HOLIDAY_ROWS (300 * 11 - 3) /* 1 May is Ascension in 1913, 2008, 2160 */

static wfm_date ymd(int y, int m, int d)
{
	return wfm_date_from_ymd(y, m, d);
}

/* The reference table: names[d - first] is the expected holiday name of
 * day d, NULL when none. */
struct ref {
	wfm_date first, end;
	char **names;
	int rows;
};

static void load_ref(struct ref *ref)
{
	const char *dir = getenv("WFM_SRCDIR");
	char path[4096], line[256];
	FILE *f;

	snprintf(path, sizeof path, "%s/tests/ref/holidays-be.csv", dir ? dir : ".");
	f = fopen(path, "r");
	if (!f)
		fail_msg("cannot open %s: run from the repository root or set WFM_SRCDIR", path);
	ref->first = ymd(FIRST_YEAR, 1, 1);
	ref->end = ymd(LAST_YEAR + 1, 1, 1);
	ref->names = calloc((size_t)(ref->end - ref->first), sizeof *ref->names);
	assert_non_null(ref->names);
	ref->rows = 0;
	assert_non_null(fgets(line, sizeof line, f));
	assert_string_equal(line, "date,name\n");
	while (fgets(line, sizeof line, f)) {
		int y, m, d, n = 0;
		size_t len = strlen(line);

		assert_true(len > 0 && line[len - 1] == '\n');
		line[len - 1] = '\0';
		if (sscanf(line, "%4d-%2d-%2d,%n", &y, &m, &d, &n) != 3 || n != 11)
			fail_msg("%s: bad row '%s'", path, line);
		assert_true(wfm_date_valid(y, m, d));
		assert_true(ymd(y, m, d) >= ref->first && ymd(y, m, d) < ref->end);
		assert_null(ref->names[ymd(y, m, d) - ref->first]);
		ref->names[ymd(y, m, d) - ref->first] = strdup(line + n);
		ref->rows++;
	}
	fclose(f);
	assert_int_equal(ref->rows, HOLIDAY_ROWS);
}

static void free_ref(struct ref *ref)
{
	wfm_date d;

	for (d = ref->first; d < ref->end; d++)
		free(ref->names[d - ref->first]);
	free(ref->names);
}

static void expect_name(const char *got, const char *want, wfm_date d)
{
	char iso[11];

	if (want == NULL && got == NULL)
		return;
	if (want == NULL || got == NULL || strcmp(got, want) != 0)
		fail_msg("%s: got '%s', want '%s'", wfm_date_iso(d, iso), got ? got : "(none)",
			 want ? want : "(none)");
}

/* Every day of 1900-2199, both ways: a listed day is a holiday with that
 * name (through wfm_holiday_be and through a calendar), any other day is
 * not. */
static void test_holidays_match_reference(void **state)
{
	struct ref ref;
	wfm_calendar *be = wfm_calendar_new(WFM_HOLIDAYS_BE, NULL);
	wfm_calendar *none = wfm_calendar_new(WFM_HOLIDAYS_NONE, NULL);
	int holidays = 0;
	wfm_date d;

	(void)state;
	assert_non_null(be);
	assert_non_null(none);
	load_ref(&ref);
	for (d = ref.first; d < ref.end; d++) {
		const char *want = ref.names[d - ref.first];
		int weekend = wfm_date_weekday(d) >= WFM_SAT;

		expect_name(wfm_holiday_be(d), want, d);
		expect_name(wfm_calendar_reason(be, d), want ? want : weekend ? "weekend" : NULL,
			    d);
		assert_int_equal(wfm_calendar_open(be, d), !want && !weekend);
		expect_name(wfm_calendar_reason(none, d), weekend ? "weekend" : NULL, d);
		assert_int_equal(wfm_calendar_open(none, d), !weekend);
		holidays += want != NULL;
	}
	assert_int_equal(holidays, HOLIDAY_ROWS);
	free_ref(&ref);
	wfm_calendar_free(be);
	wfm_calendar_free(none);
}

/* Published dates: Easter 2024-03-31, 2025-04-20, 2038-04-25, 1943-04-25. */
static void test_holidays_published(void **state)
{
	static const struct {
		int y, m, d;
		const char *name;
	} known[] = {
		{2024, 4, 1, "Easter Monday"},  {2024, 5, 9, "Ascension Day"},
		{2024, 5, 20, "Whit Monday"},   {2025, 4, 21, "Easter Monday"},
		{2025, 5, 29, "Ascension Day"}, {2025, 6, 9, "Whit Monday"},
		{2038, 4, 26, "Easter Monday"}, {2038, 6, 3, "Ascension Day"},
		{2038, 6, 14, "Whit Monday"},   {1943, 4, 26, "Easter Monday"},
		{2024, 1, 1, "New Year's Day"}, {2024, 5, 1, "Labour Day"},
		{2024, 7, 11, "Flemish Community holiday"},
		{2024, 7, 21, "Belgian National Day"},
		{2024, 8, 15, "Assumption Day"}, {2024, 11, 1, "All Saints' Day"},
		{2024, 11, 11, "Armistice Day"}, {2024, 12, 25, "Christmas Day"},
		{2008, 5, 1, "Labour Day and Ascension Day"},
		{2008, 3, 24, "Easter Monday"}, {2008, 5, 12, "Whit Monday"},
	};
	static const int not_holidays[][3] = {
		{2024, 3, 29}, /* Good Friday */
		{2024, 3, 31}, /* Easter Sunday */
		{2024, 5, 19}, /* Whit Sunday */
		{2024, 12, 26}, {2024, 11, 2}, {2024, 11, 15}, {2024, 9, 27},
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof known / sizeof known[0]; i++) {
		wfm_date d = ymd(known[i].y, known[i].m, known[i].d);

		expect_name(wfm_holiday_be(d), known[i].name, d);
	}
	for (i = 0; i < sizeof not_holidays / sizeof not_holidays[0]; i++)
		assert_null(wfm_holiday_be(ymd(not_holidays[i][0], not_holidays[i][1],
					       not_holidays[i][2])));
}

/* The calendar agrees with wfm_holiday_be on every day of [from, to). */
static void expect_same_as_holiday_be(const wfm_calendar *c, wfm_date from, wfm_date to)
{
	wfm_date d;

	for (d = from; d < to; d++) {
		const char *h = wfm_holiday_be(d);
		int weekend = wfm_date_weekday(d) >= WFM_SAT;

		expect_name(wfm_calendar_reason(c, d), h ? h : weekend ? "weekend" : NULL, d);
		assert_int_equal(wfm_calendar_open(c, d), !h && !weekend);
	}
}

/* Outside the calendar's precomputed years the answers do not change: 2285
 * has the earliest possible Easter (22 March); before 1583 there is no
 * Gregorian Easter and so no holiday. */
static void test_holidays_outside_table(void **state)
{
	wfm_calendar *be = wfm_calendar_new(WFM_HOLIDAYS_BE, NULL);

	(void)state;
	assert_non_null(be);
	expect_name(wfm_calendar_reason(be, ymd(2285, 3, 23)), "Easter Monday", ymd(2285, 3, 23));
	expect_name(wfm_calendar_reason(be, ymd(1818, 3, 23)), "Easter Monday", ymd(1818, 3, 23));
	expect_name(wfm_calendar_reason(be, ymd(9999, 12, 25)), "Christmas Day", ymd(9999, 12, 25));
	assert_null(wfm_holiday_be(ymd(1582, 12, 25)));
	assert_null(wfm_holiday_be(ymd(1, 1, 1)));
	expect_same_as_holiday_be(be, ymd(1583, 1, 1), ymd(1900, 1, 1));
	expect_same_as_holiday_be(be, ymd(2200, 1, 1), ymd(2300, 1, 1));
	wfm_calendar_free(be);
}

/* Counted by hand from a 2024/2025 wall calendar: Mon 23, Tue 24 Dec open,
 * 25 Dec Christmas, 26, 27, 30, 31 Dec open, 1 Jan New Year, 2 Jan open. */
static void test_add_working_over_year_end(void **state)
{
	wfm_calendar *c = wfm_calendar_new(WFM_HOLIDAYS_BE, NULL);
	wfm_date fri = ymd(2024, 12, 20);

	(void)state;
	assert_non_null(c);
	assert_int_equal(wfm_calendar_add_working(c, fri, 0), fri);
	assert_int_equal(wfm_calendar_add_working(c, fri, 1), ymd(2024, 12, 23));
	assert_int_equal(wfm_calendar_add_working(c, fri, 2), ymd(2024, 12, 24));
	assert_int_equal(wfm_calendar_add_working(c, fri, 3), ymd(2024, 12, 26));
	assert_int_equal(wfm_calendar_add_working(c, fri, 6), ymd(2024, 12, 31));
	assert_int_equal(wfm_calendar_add_working(c, fri, 7), ymd(2025, 1, 2));
	assert_int_equal(wfm_calendar_add_working(c, ymd(2025, 1, 2), -1), ymd(2024, 12, 31));
	assert_int_equal(wfm_calendar_add_working(c, ymd(2025, 1, 2), -7), fri);
	/* counting starts the day after, also from a closed day */
	assert_int_equal(wfm_calendar_add_working(c, ymd(2024, 12, 21), 1), ymd(2024, 12, 23));
	assert_int_equal(wfm_calendar_add_working(c, ymd(2024, 12, 25), 1), ymd(2024, 12, 26));
	assert_int_equal(wfm_calendar_add_working(c, ymd(2024, 12, 25), -1), ymd(2024, 12, 24));
	/* Easter Monday 2024-04-01: Good Friday is a working day */
	assert_int_equal(wfm_calendar_add_working(c, ymd(2024, 4, 2), -1), ymd(2024, 3, 29));
	assert_int_equal(wfm_calendar_add_working(c, ymd(2024, 3, 29), 1), ymd(2024, 4, 2));

	/* bridge days: 24, 26 and 31 December closed */
	assert_int_equal(wfm_calendar_add_closed(c, ymd(2024, 12, 24), "eve", NULL), WFM_OK);
	assert_int_equal(wfm_calendar_add_closed(c, ymd(2024, 12, 26), "bridge", NULL), WFM_OK);
	assert_int_equal(wfm_calendar_add_closed(c, ymd(2024, 12, 31), NULL, NULL), WFM_OK);
	assert_int_equal(wfm_calendar_add_working(c, fri, 2), ymd(2024, 12, 27));
	assert_int_equal(wfm_calendar_add_working(c, fri, 4), ymd(2025, 1, 2));
	assert_int_equal(wfm_calendar_add_working(c, ymd(2025, 1, 2), -1), ymd(2024, 12, 30));
	wfm_calendar_free(c);
}

static void test_count_working(void **state)
{
	wfm_calendar *be = wfm_calendar_new(WFM_HOLIDAYS_BE, NULL);
	wfm_calendar *none = wfm_calendar_new(WFM_HOLIDAYS_NONE, NULL);

	(void)state;
	assert_non_null(be);
	assert_non_null(none);
	/* 20, 23, 24, 26, 27, 30, 31 December, 2 and 3 January */
	assert_int_equal(wfm_calendar_count_working(be, ymd(2024, 12, 20), ymd(2025, 1, 6)), 9);
	/* 2024: 262 weekdays (leap year starting on a Monday), 10 holidays on a
	 * weekday (21 July is a Sunday) */
	assert_int_equal(wfm_calendar_count_working(none, ymd(2024, 1, 1), ymd(2025, 1, 1)), 262);
	assert_int_equal(wfm_calendar_count_working(be, ymd(2024, 1, 1), ymd(2025, 1, 1)), 252);
	assert_int_equal(wfm_calendar_count_working(be, ymd(2025, 1, 1), ymd(2024, 1, 1)), 0);
	assert_int_equal(wfm_calendar_count_working(be, ymd(2024, 1, 1), ymd(2024, 1, 1)), 0);
	assert_int_equal(wfm_calendar_add_closed(be, ymd(2024, 12, 24), "bridge", NULL), WFM_OK);
	assert_int_equal(wfm_calendar_count_working(be, ymd(2024, 12, 20), ymd(2025, 1, 6)), 8);
	wfm_calendar_free(be);
	wfm_calendar_free(none);
}

/* add_working and count_working agree: n working days after d end on the
 * n-th working day of (d, result]. */
static void test_add_and_count_agree(void **state)
{
	wfm_calendar *c = wfm_calendar_new(WFM_HOLIDAYS_BE, NULL);
	wfm_date d;
	int n;

	(void)state;
	assert_non_null(c);
	assert_int_equal(wfm_calendar_add_closed(c, ymd(2025, 5, 2), "bridge day", NULL), WFM_OK);
	for (d = ymd(2024, 11, 1); d < ymd(2025, 8, 1); d += 3) {
		for (n = 1; n <= 25; n += 4) {
			wfm_date fwd = wfm_calendar_add_working(c, d, n);
			wfm_date back = wfm_calendar_add_working(c, d, -n);

			assert_true(wfm_calendar_open(c, fwd));
			assert_int_equal(wfm_calendar_count_working(c, d + 1, fwd + 1), n);
			assert_true(wfm_calendar_open(c, back));
			assert_int_equal(wfm_calendar_count_working(c, back, d), n);
		}
	}
	wfm_calendar_free(c);
}

static void test_give_up_when_never_open(void **state)
{
	wfm_calendar *c = wfm_calendar_new(WFM_HOLIDAYS_NONE, NULL);
	int wd;

	(void)state;
	assert_non_null(c);
	for (wd = WFM_MON; wd <= WFM_SUN; wd++)
		assert_int_equal(wfm_calendar_set_hours(c, wd, -1, 0, NULL), WFM_OK);
	assert_int_equal(wfm_calendar_add_working(c, ymd(2024, 1, 1), 1), ymd(2024, 1, 1));
	assert_int_equal(wfm_calendar_add_working(c, ymd(2024, 1, 1), -3), ymd(2024, 1, 1));
	assert_int_equal(wfm_calendar_count_working(c, ymd(2024, 1, 1), ymd(2025, 1, 1)), 0);
	wfm_calendar_free(c);
}

static void test_opening_hours(void **state)
{
	wfm_calendar *c = wfm_calendar_new(WFM_HOLIDAYS_BE, NULL);
	wfm_err e = {0};
	int opens = -7, closes = -7;

	(void)state;
	assert_non_null(c);
	/* default: Monday-Friday 09:00-19:00 */
	assert_int_equal(wfm_calendar_hours(c, ymd(2024, 12, 20), &opens, &closes), 1);
	assert_int_equal(opens, 9 * 60);
	assert_int_equal(closes, 19 * 60);
	opens = closes = -7;
	assert_int_equal(wfm_calendar_hours(c, ymd(2024, 12, 21), &opens, &closes), 0);
	assert_int_equal(wfm_calendar_hours(c, ymd(2024, 12, 25), &opens, &closes), 0);
	assert_true(opens == -7 && closes == -7);

	assert_int_equal(wfm_calendar_set_hours(c, WFM_SAT, 9 * 60, 13 * 60, &e), WFM_OK);
	assert_int_equal(wfm_calendar_set_hours(c, WFM_WED, -1, 0, &e), WFM_OK);
	assert_int_equal(wfm_calendar_set_hours(c, WFM_SUN, 0, 24 * 60, &e), WFM_OK);
	assert_true(wfm_calendar_hours(c, ymd(2024, 12, 21), &opens, &closes));
	assert_true(opens == 9 * 60 && closes == 13 * 60);
	assert_true(wfm_calendar_hours(c, ymd(2024, 12, 22), &opens, &closes));
	assert_true(opens == 0 && closes == 24 * 60);
	assert_false(wfm_calendar_open(c, ymd(2024, 12, 18)));
	assert_string_equal(wfm_calendar_reason(c, ymd(2024, 12, 18)), "closed on wednesday");
	/* a holiday on an opening Saturday is still a holiday */
	assert_string_equal(wfm_calendar_reason(c, ymd(2027, 12, 25)), "Christmas Day");
	assert_false(wfm_calendar_open(c, ymd(2027, 12, 25)));

	assert_int_equal(wfm_calendar_set_hours(c, WFM_MON, 600, 600, &e), WFM_EUSAGE);
	/* times of the day as HH:MM, never as minutes */
	assert_string_equal(e.msg, "bad opening hours on mon: 10:00-10:00 (the closing must come "
			    "after the opening, by 24:00)");
	assert_int_equal(wfm_calendar_set_hours(c, WFM_TUE, 9 * 60 + 5, 8 * 60, &e), WFM_EUSAGE);
	assert_string_equal(e.msg, "bad opening hours on tue: 09:05-08:00 (the closing must come "
			    "after the opening, by 24:00)");
	assert_int_equal(wfm_calendar_set_hours(c, WFM_MON, 600, 1441, &e), WFM_EUSAGE);
	assert_string_equal(e.msg, "bad opening hours on mon: 10:00-1441 minutes (the closing "
			    "must come after the opening, by 24:00)");
	assert_int_equal(wfm_calendar_set_hours(c, 7, 600, 700, NULL), WFM_EUSAGE);
	assert_int_equal(wfm_calendar_set_hours(c, -1, 600, 700, NULL), WFM_EUSAGE);
	/* failed calls changed nothing */
	assert_true(wfm_calendar_hours(c, ymd(2024, 12, 23), &opens, &closes));
	assert_true(opens == 9 * 60 && closes == 19 * 60);
	wfm_calendar_free(c);
}

static void test_add_closed(void **state)
{
	wfm_calendar *c = wfm_calendar_new(WFM_HOLIDAYS_BE, NULL);
	wfm_date d;

	(void)state;
	assert_non_null(c);
	/* added out of order; the first reason of a day stays */
	assert_int_equal(wfm_calendar_add_closed(c, ymd(2024, 11, 15), "Dynastie", NULL), WFM_OK);
	assert_int_equal(wfm_calendar_add_closed(c, ymd(2024, 11, 2), "Allerzielen", NULL), WFM_OK);
	assert_int_equal(wfm_calendar_add_closed(c, ymd(2024, 11, 15), "second", NULL), WFM_OK);
	assert_int_equal(wfm_calendar_add_closed(c, ymd(2024, 12, 25), "kerstmis", NULL), WFM_OK);
	assert_int_equal(wfm_calendar_add_closed(c, ymd(2024, 12, 21), "", NULL), WFM_OK);
	assert_string_equal(wfm_calendar_reason(c, ymd(2024, 11, 15)), "Dynastie");
	assert_string_equal(wfm_calendar_reason(c, ymd(2024, 11, 2)), "Allerzielen");
	/* a closing day's reason comes before a holiday's name and "weekend" */
	assert_string_equal(wfm_calendar_reason(c, ymd(2024, 12, 25)), "kerstmis");
	assert_string_equal(wfm_calendar_reason(c, ymd(2024, 12, 21)), "closing day");
	assert_false(wfm_calendar_open(c, ymd(2024, 11, 15)));
	/* many days, in a scrambled order, still found */
	for (d = 0; d < 2000; d++)
		assert_int_equal(wfm_calendar_add_closed(c, ymd(2030, 1, 1) + (d * 7919) % 2000,
							 "many", NULL), WFM_OK);
	for (d = ymd(2030, 1, 1); d < ymd(2030, 1, 1) + 2000; d++)
		assert_string_equal(wfm_calendar_reason(c, d), "many");
	assert_true(wfm_calendar_open(c, ymd(2030, 1, 1) + 2000) ||
		    wfm_date_weekday(ymd(2030, 1, 1) + 2000) >= WFM_SAT);
	assert_true(wfm_calendar_open(c, ymd(2029, 12, 31)));
	wfm_calendar_free(c);
}

/* Files for the loader tests live in a fresh temporary folder. */
struct tmp {
	char dir[64];
	char path[128];
};

static const char *write_file(struct tmp *t, const char *name, const char *text)
{
	FILE *f;

	snprintf(t->path, sizeof t->path, "%s/%s", t->dir, name);
	f = fopen(t->path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(text, 1, strlen(text), f), strlen(text));
	assert_int_equal(fclose(f), 0);
	return t->path;
}

static int tmp_setup(void **state)
{
	struct tmp *t = calloc(1, sizeof *t);

	if (!t)
		return -1;
	snprintf(t->dir, sizeof t->dir, "/tmp/wfm-test-calendar-XXXXXX");
	if (!mkdtemp(t->dir))
		return -1;
	*state = t;
	return 0;
}

static int tmp_teardown(void **state)
{
	struct tmp *t = *state;
	static const char *const names[] = {"nl.csv", "en.csv", "bad.csv", "nohead.csv",
					    "empty.csv", "dup.csv"};
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		snprintf(t->path, sizeof t->path, "%s/%s", t->dir, names[i]);
		unlink(t->path);
	}
	rmdir(t->dir);
	free(t);
	return 0;
}

static void test_load_closed(void **state)
{
	struct tmp *t = *state;
	wfm_calendar *c = wfm_calendar_new(WFM_HOLIDAYS_BE, NULL);
	wfm_err e = {0};

	assert_non_null(c);
	/* the nl-BE spreadsheet dialect: BOM, ';', day-first dates, CRLF */
	write_file(t, "nl.csv", "\xef\xbb\xbf" "Datum;Reden\r\n"
				"02-11-2024;Allerzielen\r\n"
				"15/11/2024;\"Feest; van de Dynastie\"\r\n"
				"27-12-2024;  brugdag  \r\n"
				"30-12-2024;\r\n");
	assert_int_equal(wfm_calendar_load_closed(c, t->path, &e), WFM_OK);
	assert_string_equal(wfm_calendar_reason(c, ymd(2024, 11, 2)), "Allerzielen");
	assert_string_equal(wfm_calendar_reason(c, ymd(2024, 11, 15)), "Feest; van de Dynastie");
	assert_string_equal(wfm_calendar_reason(c, ymd(2024, 12, 27)), "brugdag");
	assert_string_equal(wfm_calendar_reason(c, ymd(2024, 12, 30)), "closing day");
	assert_int_equal(wfm_calendar_add_working(c, ymd(2024, 12, 20), 4), ymd(2024, 12, 31));

	/* canonical English, columns in another order, reason column absent
	 * is fine; a day already closed keeps its first reason */
	write_file(t, "en.csv", "reason,date\nsecond reason,2024-11-02\nbridge day,2025-05-02\n");
	assert_int_equal(wfm_calendar_load_closed(c, t->path, &e), WFM_OK);
	assert_string_equal(wfm_calendar_reason(c, ymd(2024, 11, 2)), "Allerzielen");
	assert_string_equal(wfm_calendar_reason(c, ymd(2025, 5, 2)), "bridge day");
	write_file(t, "nohead.csv", "date\n2026-01-02\n");
	assert_int_equal(wfm_calendar_load_closed(c, t->path, &e), WFM_OK);
	assert_string_equal(wfm_calendar_reason(c, ymd(2026, 1, 2)), "closing day");

	/* within one file, too, the first row of a day wins */
	write_file(t, "dup.csv", "date,reason\n2026-03-03,b\n2026-03-02,first\n2026-03-02,later\n");
	assert_int_equal(wfm_calendar_load_closed(c, t->path, &e), WFM_OK);
	assert_string_equal(wfm_calendar_reason(c, ymd(2026, 3, 2)), "first");
	assert_string_equal(wfm_calendar_reason(c, ymd(2026, 3, 3)), "b");
	wfm_calendar_free(c);
}

static void test_load_closed_errors(void **state)
{
	struct tmp *t = *state;
	wfm_calendar *c = wfm_calendar_new(WFM_HOLIDAYS_NONE, NULL);
	wfm_err e = {0};
	char want[256];

	assert_non_null(c);
	/* a bad row: nothing of the file is kept, the message names file,
	 * line, column and value */
	write_file(t, "bad.csv", "date,reason\n2024-12-24,eve\n\n2024-02-30,no such day\n");
	assert_int_equal(wfm_calendar_load_closed(c, t->path, &e), WFM_EDATA);
	snprintf(want, sizeof want, "%s:4: column 'date': ", t->path);
	assert_memory_equal(e.msg, want, strlen(want));
	assert_non_null(strstr(e.msg, "'2024-02-30'"));
	assert_true(wfm_calendar_open(c, ymd(2024, 12, 24)));

	write_file(t, "bad.csv", "date,reason\n2024-12-24,eve\n,empty date\n");
	assert_int_equal(wfm_calendar_load_closed(c, t->path, &e), WFM_EDATA);
	snprintf(want, sizeof want, "%s:3: column 'date': ", t->path);
	assert_memory_equal(e.msg, want, strlen(want));
	assert_true(wfm_calendar_open(c, ymd(2024, 12, 24)));

	write_file(t, "nohead.csv", "2024-12-24,eve\n");
	assert_int_equal(wfm_calendar_load_closed(c, t->path, &e), WFM_EDATA);
	assert_non_null(strstr(e.msg, "'date'"));
	write_file(t, "empty.csv", "");
	assert_int_equal(wfm_calendar_load_closed(c, t->path, &e), WFM_EDATA);
	assert_non_null(strstr(e.msg, "empty.csv"));

	snprintf(t->path, sizeof t->path, "%s/missing.csv", t->dir);
	assert_int_equal(wfm_calendar_load_closed(c, t->path, &e), WFM_ENOINPUT);
	assert_non_null(strstr(e.msg, "missing.csv"));
	assert_int_equal(wfm_calendar_load_closed(c, t->path, NULL), WFM_ENOINPUT);
	assert_true(wfm_calendar_open(c, ymd(2024, 12, 24)));
	wfm_calendar_free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_holidays_match_reference),
		cmocka_unit_test(test_holidays_published),
		cmocka_unit_test(test_holidays_outside_table),
		cmocka_unit_test(test_add_working_over_year_end),
		cmocka_unit_test(test_count_working),
		cmocka_unit_test(test_add_and_count_agree),
		cmocka_unit_test(test_give_up_when_never_open),
		cmocka_unit_test(test_opening_hours),
		cmocka_unit_test(test_add_closed),
		cmocka_unit_test_setup_teardown(test_load_closed, tmp_setup, tmp_teardown),
		cmocka_unit_test_setup_teardown(test_load_closed_errors, tmp_setup, tmp_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
