/* test_date.c - lib/date.c: day numbers, weekdays, validity, Easter, text.
 *
 * References are independent of lib/date.c: the day count is walked day by
 * day with the leap-year rule written out here, anchored so that it must hit
 * 0 exactly on 1970-01-01; weekdays and Easter dates are published facts;
 * ISO weeks come from Python's datetime (tests/ref/iso_week_ref.py). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "common/date.h"

static int leap(int y)
{
	return y % 400 == 0 || (y % 4 == 0 && y % 100 != 0);
}

static int month_len(int y, int m)
{
	static const int len[13] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	return m == 2 && leap(y) ? 29 : len[m];
}

/* Every day from 1600-01-01 to 2400-12-31: from_ymd, to_ymd and the weekday
 * agree with a counter that starts at 1600-01-01, a Saturday, 135140 days
 * before 1970-01-01. */
static void test_round_trip_1600_2400(void **state)
{
	wfm_date n = -135140;
	int wd = WFM_SAT, y, m, d, seen_epoch = 0;

	(void)state;
	for (y = 1600; y <= 2400; y++) {
		for (m = 1; m <= 12; m++) {
			assert_int_equal(wfm_days_in_month(y, m), month_len(y, m));
			for (d = 1; d <= month_len(y, m); d++, n++, wd = (wd + 1) % 7) {
				int yy = 0, mm = 0, dd = 0;

				if (n == 0) {
					assert_true(y == 1970 && m == 1 && d == 1);
					seen_epoch = 1;
				}
				assert_int_equal(wfm_date_from_ymd(y, m, d), n);
				wfm_date_to_ymd(n, &yy, &mm, &dd);
				if (yy != y || mm != m || dd != d)
					fail_msg("day %d: got %d-%d-%d, want %d-%d-%d", n, yy, mm,
						 dd, y, m, d);
				assert_int_equal(wfm_date_weekday(n), wd);
				assert_true(wfm_date_valid(y, m, d));
			}
			assert_false(wfm_date_valid(y, m, month_len(y, m) + 1));
		}
	}
	assert_true(seen_epoch);
	assert_int_equal(n, wfm_date_from_ymd(2401, 1, 1));
}

static void test_limits(void **state)
{
	int y, m, d;

	(void)state;
	assert_int_equal(wfm_date_from_ymd(1, 1, 1), -719162);
	assert_int_equal(wfm_date_from_ymd(9999, 12, 31), 2932896);
	wfm_date_to_ymd(-719162, &y, &m, &d);
	assert_true(y == 1 && m == 1 && d == 1);
	wfm_date_to_ymd(2932896, &y, &m, &d);
	assert_true(y == 9999 && m == 12 && d == 31);
	wfm_date_to_ymd(0, NULL, NULL, NULL); /* every output may be NULL */
}

static void test_weekdays_of_known_dates(void **state)
{
	static const struct {
		int y, m, d, wd;
	} known[] = {
		{1582, 10, 15, WFM_FRI}, /* first day of the Gregorian calendar */
		{1900, 1, 1, WFM_MON},
		{1970, 1, 1, WFM_THU},
		{2000, 1, 1, WFM_SAT},
		{2001, 9, 11, WFM_TUE},
		{2024, 2, 29, WFM_THU},
		{2024, 12, 20, WFM_FRI},
		{2025, 7, 21, WFM_MON},
		{1, 1, 1, WFM_MON},
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof known / sizeof known[0]; i++)
		assert_int_equal(wfm_date_weekday(wfm_date_from_ymd(known[i].y, known[i].m,
								   known[i].d)),
				 known[i].wd);
}

static void test_valid(void **state)
{
	(void)state;
	assert_true(wfm_date_valid(2024, 2, 29));
	assert_true(wfm_date_valid(2000, 2, 29));
	assert_false(wfm_date_valid(2023, 2, 29));
	assert_false(wfm_date_valid(1900, 2, 29));
	assert_false(wfm_date_valid(2024, 2, 30));
	assert_false(wfm_date_valid(2024, 4, 31));
	assert_false(wfm_date_valid(2024, 0, 1));
	assert_false(wfm_date_valid(2024, 13, 1));
	assert_false(wfm_date_valid(2024, 1, 0));
	assert_false(wfm_date_valid(2024, 1, 32));
	assert_false(wfm_date_valid(0, 1, 1));
	assert_false(wfm_date_valid(10000, 1, 1));
	assert_true(wfm_date_valid(1, 1, 1));
	assert_true(wfm_date_valid(9999, 12, 31));
	assert_int_equal(wfm_days_in_month(2024, 0), 0);
	assert_int_equal(wfm_days_in_month(2024, 13), 0);
}

/* Published Easter Sundays, including the years where Gauss's rule needs its
 * exceptions (1954, 1981, 2049, 2076: 18 or 19 April). */
static void test_easter_published(void **state)
{
	static const int known[][3] = {
		{1900, 4, 15}, {1913, 3, 23}, {1943, 4, 25}, {1954, 4, 18}, {1981, 4, 19},
		{2000, 4, 23}, {2008, 3, 23}, {2011, 4, 24}, {2019, 4, 21}, {2024, 3, 31},
		{2025, 4, 20}, {2038, 4, 25}, {2049, 4, 18}, {2076, 4, 19}, {2100, 3, 28},
		{2160, 3, 23}, {2285, 3, 22}, {1818, 3, 22},
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof known / sizeof known[0]; i++) {
		wfm_date e = wfm_easter(known[i][0]);

		assert_int_equal(e, wfm_date_from_ymd(known[i][0], known[i][1], known[i][2]));
		assert_int_equal(wfm_date_weekday(e), WFM_SUN);
	}
}

/* Every Easter from 1583 to 9999 is a Sunday between 22 March and 25 April. */
static void test_easter_bounds(void **state)
{
	int y;

	(void)state;
	for (y = 1583; y <= 9999; y++) {
		wfm_date e = wfm_easter(y);

		assert_int_equal(wfm_date_weekday(e), WFM_SUN);
		/* assert_in_range compares unsigned: dates before 1970 are negative */
		assert_true(e >= wfm_date_from_ymd(y, 3, 22) && e <= wfm_date_from_ymd(y, 4, 25));
	}
}

static void test_text(void **state)
{
	char buf[16];

	(void)state;
	assert_string_equal(wfm_date_iso(wfm_date_from_ymd(2024, 3, 4), buf), "2024-03-04");
	assert_string_equal(wfm_date_iso(wfm_date_from_ymd(1, 1, 1), buf), "0001-01-01");
	assert_string_equal(wfm_date_iso(wfm_date_from_ymd(9999, 12, 31), buf), "9999-12-31");
	assert_string_equal(wfm_time_hhmm(0, buf), "00:00");
	assert_string_equal(wfm_time_hhmm(9 * 60 + 5, buf), "09:05");
	assert_string_equal(wfm_time_hhmm(1439, buf), "23:59");
	assert_string_equal(wfm_weekday_name(WFM_MON), "mon");
	assert_string_equal(wfm_weekday_name(WFM_SUN), "sun");
	assert_string_equal(wfm_weekday_name(7), "?");
	assert_string_equal(wfm_weekday_name(-1), "?");
}

/* ISO weeks of every year 1900..2199 against Python's datetime: the count,
 * the Monday of week 1, and every week parsed back to consecutive Mondays
 * that end where the next year's week 1 begins. */
static const struct {
	int year, weeks, y, m, d;
} iso_ref[] = {
#include "../ref/iso_week_ref.inc"
};

static void test_iso_weeks(void **state)
{
	size_t i, nref = sizeof iso_ref / sizeof iso_ref[0];
	int n53 = 0;

	(void)state;
	assert_int_equal(nref, WFM_YEAR_MAX - WFM_YEAR_MIN + 1);
	for (i = 0; i < nref; i++) {
		int y = iso_ref[i].year, w;
		wfm_date first = wfm_date_from_ymd(iso_ref[i].y, iso_ref[i].m, iso_ref[i].d), mon;
		char text[16];

		assert_int_equal(wfm_iso_weeks(y), iso_ref[i].weeks);
		assert_int_equal(wfm_iso_week_monday(y, 1), first);
		n53 += iso_ref[i].weeks == 53;
		for (w = 1; w <= 53; w++) {
			const char *why;

			snprintf(text, sizeof text, "%04d-W%02d", y, w);
			mon = -1;
			why = wfm_parse_iso_week(text, &mon);
			if (w > iso_ref[i].weeks) {
				assert_string_equal(why, "the year has 52 weeks");
				assert_int_equal(mon, -1);
				continue;
			}
			if (why)
				fail_msg("%s: %s", text, why);
			assert_int_equal(mon, first + 7 * (w - 1));
			assert_int_equal(wfm_date_weekday(mon), WFM_MON);
		}
		if (i + 1 < nref)
			assert_int_equal(first + 7 * iso_ref[i].weeks,
					 wfm_date_from_ymd(iso_ref[i + 1].y, iso_ref[i + 1].m,
							   iso_ref[i + 1].d));
	}
	assert_true(n53 > 40 && n53 < 60); /* 71 of 400 years: about 53 of 300 */
}

/* Published weeks: 2026-W48 starts on 23 November 2026; 2026 has 53 weeks
 * (1 January 2026 is a Thursday), 2025 has 52; 2020-W53 starts on
 * 28 December 2020 and 2021-W01 on 4 January 2021; 2025-W01 starts on
 * 30 December 2024. */
static void test_iso_week_parser(void **state)
{
	static const struct {
		const char *text, *why;
	} bad[] = {
		{" 2026-W48", "expected YYYY-Www such as 2026-W48"},
		{"2026-W48 ", "expected YYYY-Www such as 2026-W48"},
		{"\t2026-W48", "expected YYYY-Www such as 2026-W48"},
		{"2026-w48", "expected YYYY-Www such as 2026-W48"},
		{"2026W48", "expected YYYY-Www such as 2026-W48"},
		{"2026-48", "expected YYYY-Www such as 2026-W48"},
		{"2026-W4", "expected YYYY-Www such as 2026-W48"},
		{"2026-W048", "expected YYYY-Www such as 2026-W48"},
		{"2026-W48-1", "expected YYYY-Www such as 2026-W48"},
		{"26-W48", "expected YYYY-Www such as 2026-W48"},
		{"+2026-W48", "expected YYYY-Www such as 2026-W48"},
		{"2026-W+8", "expected YYYY-Www such as 2026-W48"},
		{"", "expected YYYY-Www such as 2026-W48"},
		{"2026-W00", "no such week"},
		{"2026-W54", "no such week"},
		{"2026-W99", "no such week"},
		{"2025-W53", "the year has 52 weeks"},
		{"2021-W53", "the year has 52 weeks"},
		{"1899-W10", "year outside 1900-2199"},
		{"2200-W01", "year outside 1900-2199"},
	};
	wfm_date d = 12345;
	size_t i;

	(void)state;
	assert_null(wfm_parse_iso_week("2026-W48", &d));
	assert_int_equal(d, wfm_date_from_ymd(2026, 11, 23));
	assert_null(wfm_parse_iso_week("2026-W53", &d));
	assert_int_equal(d, wfm_date_from_ymd(2026, 12, 28));
	assert_null(wfm_parse_iso_week("2020-W53", &d));
	assert_int_equal(d, wfm_date_from_ymd(2020, 12, 28));
	assert_null(wfm_parse_iso_week("2021-W01", &d));
	assert_int_equal(d, wfm_date_from_ymd(2021, 1, 4));
	assert_null(wfm_parse_iso_week("2025-W01", &d));
	assert_int_equal(d, wfm_date_from_ymd(2024, 12, 30));
	assert_int_equal(wfm_iso_weeks(2026), 53);
	assert_int_equal(wfm_iso_weeks(2025), 52);
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		const char *why = wfm_parse_iso_week(bad[i].text, &d);

		if (!why || strcmp(why, bad[i].why) != 0)
			fail_msg("'%s': got %s, want %s", bad[i].text, why ? why : "(ok)",
				 bad[i].why);
		assert_int_equal(d, wfm_date_from_ymd(2024, 12, 30)); /* untouched */
	}
}

/* The interval lengths the tools accept, and the default among them. */
static void test_intervals(void **state)
{
	int m, n = 0;

	(void)state;
	for (m = -1; m <= 120; m++)
		n += wfm_interval_valid(m);
	assert_int_equal(n, 5);
	assert_true(wfm_interval_valid(5) && wfm_interval_valid(10) && wfm_interval_valid(15) &&
		    wfm_interval_valid(30) && wfm_interval_valid(60));
	assert_false(wfm_interval_valid(0) || wfm_interval_valid(20) || wfm_interval_valid(45));
	assert_true(wfm_interval_valid(WFM_INTERVAL_DEFAULT));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip_1600_2400),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_weekdays_of_known_dates),
		cmocka_unit_test(test_valid),
		cmocka_unit_test(test_easter_published),
		cmocka_unit_test(test_easter_bounds),
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_iso_weeks),
		cmocka_unit_test(test_iso_week_parser),
		cmocka_unit_test(test_intervals),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
