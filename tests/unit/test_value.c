/* test_value.c - lib/value.c: the strict cell parsers.
 *
 * References: the tables in data/csv/ref.h come from tests/ref/csv_ref.py
 * (Python's datetime for dates; a regular expression of the number grammar
 * and exact Decimal values for numbers).  The single cases below are worked
 * out by hand from value.h. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "common/value.h"

#include "data/csv/ref.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

static const wfm_numfmt COMMA = {',', '.'}; /* ';' files */
static const wfm_numfmt POINT = {'.', 0};   /* ',' and tab files */

/* Every generated date in every written form against Python's datetime. */
static void test_dates_table(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < N(ref_dates); i++) {
		wfm_date d = 123456;
		const char *why = wfm_parse_date(ref_dates[i].s, &d);

		if (ref_dates[i].ok) {
			if (why)
				fail_msg("'%s': %s", ref_dates[i].s, why);
			assert_int_equal(d, ref_dates[i].days);
		} else {
			if (!why)
				fail_msg("'%s' accepted as %d", ref_dates[i].s, d);
			assert_int_equal(d, 123456); /* untouched */
		}
	}
}

static void date_ok(const char *s, int want)
{
	wfm_date d = -999999;
	const char *why = wfm_parse_date(s, &d);

	if (why)
		fail_msg("'%s': %s", s, why);
	assert_int_equal(d, want);
}

static void date_bad(const char *s, const char *reason)
{
	wfm_date d = 42;
	const char *why = wfm_parse_date(s, &d);

	if (!why)
		fail_msg("'%s' accepted", s);
	assert_string_equal(why, reason);
	assert_int_equal(d, 42);
}

static void test_dates(void **state)
{
	(void)state;
	date_ok("1970-01-01", 0);
	date_ok("02/01/1970", 1);
	date_ok("31-12-1969", -1);
	date_ok("1.2.1970", 31);
	date_ok(" 2.1.1970 ", 1);
	date_ok("29/02/2000", 11016); /* 30 years (7 leap days) + 31 + 28 days */
	date_ok("2000-02-29", 11016);
	date_bad("29/02/1900", "no such day");
	date_bad("29/02/2023", "no such day");
	date_bad("30/02/2024", "no such day");
	date_bad("31/04/2024", "no such day");
	date_bad("00/04/2024", "no such day");
	date_bad("2024-13-01", "no such month");
	date_bad("01/00/2024", "no such month");
	date_bad("0000-01-01", "year outside 1900-2199");
	date_bad("1024-01-01", "year outside 1900-2199");
	date_bad("1899-12-31", "year outside 1900-2199");
	date_bad("31/12/9999", "year outside 1900-2199");
	date_bad("2200-01-01", "year outside 1900-2199");
	date_ok("1900-01-01", -25567);
	date_ok("2199-12-31", 84005);
	date_bad("", "empty");
	date_bad(" \t", "empty");
	date_bad("04/03/24", "not a date");
	date_bad("2024/03/04", "not a date");
	date_bad("2024-3-4", "not a date");
	date_bad("04/03-2024", "not a date");
	date_bad("123/03/2024", "not a date");
	date_bad("04/03/02024", "not a date");
	date_bad("march 4", "not a date");
	date_bad("4/3/2024x", "trailing characters");
	date_bad("2024-03-04T10:00", "trailing characters");
	date_bad("2024-03-04 10:00", "trailing characters");
}

static void clock_ok(const char *s, int want)
{
	int t = -1;
	const char *why = wfm_parse_clock(s, &t);

	if (why)
		fail_msg("'%s': %s", s, why);
	assert_int_equal(t, want);
}

static void clock_bad(const char *s, const char *reason)
{
	int t = 7;
	const char *why = wfm_parse_clock(s, &t);

	if (!why)
		fail_msg("'%s' accepted", s);
	assert_string_equal(why, reason);
	assert_int_equal(t, 7);
}

static void test_clock(void **state)
{
	(void)state;
	clock_ok("00:00", 0);
	clock_ok("9:05", 9 * 3600 + 5 * 60);
	clock_ok("09:05:30", 9 * 3600 + 5 * 60 + 30);
	clock_ok("23:59:59", 86399);
	clock_ok(" 08:30\t", 8 * 3600 + 30 * 60);
	clock_bad("24:00", "hour out of range");
	clock_bad("24:15", "hour out of range");
	clock_bad("12:60", "minute out of range");
	clock_bad("12:00:60", "second out of range");
	clock_bad("9:5", "not a time");
	clock_bad("123:00", "not a time");
	clock_bad("12", "not a time");
	clock_bad("12:00:5", "not a time");
	clock_bad("12h00", "not a time");
	clock_bad("12:00x", "trailing characters");
	clock_bad("12:00 - 13:00", "trailing characters");
	clock_bad("", "empty");
}

static void interval_ok(const char *s, int start, int end)
{
	int a = -2, b = -2;
	const char *why = wfm_parse_interval(s, &a, &b);

	if (why)
		fail_msg("'%s': %s", s, why);
	assert_int_equal(a, start);
	assert_int_equal(b, end);
}

static void interval_bad(const char *s, const char *reason)
{
	int a = -2, b = -2;
	const char *why = wfm_parse_interval(s, &a, &b);

	if (!why)
		fail_msg("'%s' accepted", s);
	assert_string_equal(why, reason);
	assert_int_equal(a, -2);
	assert_int_equal(b, -2);
}

static void test_interval(void **state)
{
	(void)state;
	interval_ok("09:00", 540, -1);
	interval_ok("9:00", 540, -1);
	interval_ok("09:00:00", 540, -1);
	interval_ok("09:00-09:15", 540, 555);
	interval_ok("09:00 - 09:15", 540, 555);
	interval_ok("9:00-9:15", 540, 555);
	interval_ok("09:00:00-09:15:00", 540, 555);
	interval_ok("09:00\xE2\x80\x93" "09:15", 540, 555); /* en dash */
	interval_ok("23:45-24:00", 1425, 1440);
	interval_ok("00:00-24:00", 0, 1440);
	interval_bad("09:15-09:00", "end not after start");
	interval_bad("09:00-09:00", "end not after start");
	interval_bad("09:00:30", "seconds not allowed");
	interval_bad("09:00-09:15:10", "seconds not allowed");
	interval_bad("24:00", "hour out of range");
	interval_bad("24:15", "hour out of range");
	interval_bad("09:00-24:15", "hour out of range");
	interval_bad("09:00-25:00", "hour out of range");
	interval_bad("09:60", "minute out of range");
	interval_bad("09:00/09:15", "trailing characters");
	interval_bad("09:00-09:15x", "trailing characters");
	interval_bad("09:00-", "not a time");
	interval_bad("-09:00", "not a time");
	interval_bad("", "empty");
}

/* Every generated number in four formats against the grammar and Decimal. */
static void test_numbers_table(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < N(ref_numbers); i++) {
		wfm_numfmt f = {ref_numbers[i].dec, ref_numbers[i].th};
		double v = 777.0, want = ref_numbers[i].v;
		const char *why = wfm_parse_number(ref_numbers[i].s, f, &v);

		if (!ref_numbers[i].ok) {
			if (!why)
				fail_msg("'%s' {%c,%c} accepted as %.17g", ref_numbers[i].s,
					 f.decimal, f.thousands ? f.thousands : '0', v);
			assert_true(v == 777.0);
			continue;
		}
		if (why)
			fail_msg("'%s' {%c,%c}: %s", ref_numbers[i].s, f.decimal,
				 f.thousands ? f.thousands : '0', why);
		if (ref_numbers[i].exact ? v != want : fabs(v - want) > fabs(want) * 0x1p-52)
			fail_msg("'%s': %.17g, want %.17g", ref_numbers[i].s, v, want);
	}
}

static void num_ok(const char *s, wfm_numfmt f, double want)
{
	double v = -1234.5;
	const char *why = wfm_parse_number(s, f, &v);

	if (why)
		fail_msg("'%s': %s", s, why);
	if (v != want)
		fail_msg("'%s': %.17g, want %.17g", s, v, want);
}

static void num_bad(const char *s, wfm_numfmt f, const char *reason)
{
	double v = -1234.5;
	const char *why = wfm_parse_number(s, f, &v);

	if (!why)
		fail_msg("'%s' accepted as %.17g", s, v);
	assert_string_equal(why, reason);
	assert_true(v == -1234.5);
}

static void test_numbers(void **state)
{
	static const wfm_numfmt blank = {',', ' '};
	char big[420];

	(void)state;
	num_ok("1.234,5", COMMA, 1234.5);
	num_ok("1.234.567,25", COMMA, 1234567.25);
	num_ok("-3,25", COMMA, -3.25);
	num_ok("+3", COMMA, 3.0);
	num_ok("0,5", COMMA, 0.5);
	num_ok("1234,5", COMMA, 1234.5);
	num_ok("1 234,5", COMMA, 1234.5);
	num_ok("1\xC2\xA0" "234,5", COMMA, 1234.5);
	num_ok("1\xE2\x80\xAF" "234", blank, 1234.0);
	num_ok("1.234", COMMA, 1234.0);
	num_ok("1.5", POINT, 1.5);
	num_ok("0.1", POINT, 0.1);
	num_ok("  42 ", POINT, 42.0);
	num_ok("007", POINT, 7.0);
	num_ok("-0", POINT, 0.0);
	num_bad("1.23", COMMA, "bad digit grouping");
	num_bad("1.2345", COMMA, "bad digit grouping");
	num_bad("1234.567", COMMA, "bad digit grouping");
	num_bad("0.500", COMMA, "bad digit grouping");
	num_bad("1.234 567", COMMA, "bad digit grouping");
	num_bad("1,234.5", POINT, "unexpected ','");
	num_bad("1,5", POINT, "unexpected ','");
	num_bad("1.2.3", POINT, "unexpected '.'");
	num_bad("1,2,3", COMMA, "unexpected ','");
	num_bad("1 234", POINT, "trailing characters");
	num_bad("12abc", POINT, "trailing characters");
	num_bad("12abc", COMMA, "trailing characters");
	num_bad("1e5", POINT, "exponent not allowed (write the digits)");
	num_bad("1e400", POINT, "exponent not allowed (write the digits)");
	num_bad("2,5E-3", COMMA, "exponent not allowed (write the digits)");
	num_bad("1e", POINT, "trailing characters");
	num_bad("nan", POINT, "not a finite number");
	num_bad("-Infinity", POINT, "not a finite number");
	num_bad("INF", COMMA, "not a finite number");
	num_bad("nano", POINT, "not a number");
	num_bad("abc", POINT, "not a number");
	num_bad("-", POINT, "not a number");
	num_bad(",5", COMMA, "not a number");
	num_bad("5,", COMMA, "not a number");
	num_bad("nan", POINT, "not a finite number");
	num_bad("inf", POINT, "not a finite number");
	num_bad("", POINT, "empty");
	memset(big, '9', 400);
	big[400] = '\0';
	num_bad(big, POINT, "out of range");
}

static void test_counts(void **state)
{
	double v = -1;

	(void)state;
	assert_null(wfm_parse_count("12", POINT, &v));
	assert_true(v == 12.0);
	assert_null(wfm_parse_count("12,0", COMMA, &v));
	assert_true(v == 12.0);
	assert_null(wfm_parse_count("1.000.000.000.000", COMMA, &v));
	assert_true(v == 1e12);
	assert_null(wfm_parse_count("-0", POINT, &v));
	assert_true(v == 0.0 && !signbit(v));
	v = -1;
	assert_string_equal(wfm_parse_count("12,5", COMMA, &v), "not a whole number");
	assert_string_equal(wfm_parse_count("0.001", POINT, &v), "not a whole number");
	assert_string_equal(wfm_parse_count("-1", POINT, &v), "negative");
	assert_string_equal(wfm_parse_count("1000000000001", POINT, &v), "too large");
	assert_string_equal(wfm_parse_count("abc", POINT, &v), "not a number");
	assert_string_equal(wfm_parse_count("1.5", COMMA, &v), "bad digit grouping");
	assert_string_equal(wfm_parse_count(" ", POINT, &v), "empty");
	assert_true(v == -1);
}

static void dur_ok(const char *s, wfm_numfmt f, double want)
{
	double v = -1;
	const char *why = wfm_parse_duration(s, f, &v);

	if (why)
		fail_msg("'%s': %s", s, why);
	if (v != want)
		fail_msg("'%s': %.17g, want %.17g", s, v, want);
}

static void dur_bad(const char *s, wfm_numfmt f, const char *reason)
{
	double v = -1;
	const char *why = wfm_parse_duration(s, f, &v);

	if (!why)
		fail_msg("'%s' accepted as %.17g", s, v);
	assert_string_equal(why, reason);
	assert_true(v == -1);
}

static void test_durations(void **state)
{
	(void)state;
	dur_ok("185", POINT, 185.0);
	dur_ok("185,5", COMMA, 185.5);
	dur_ok("185.5", POINT, 185.5);
	dur_ok("3:05", POINT, 185.0);
	dur_ok("03:05", COMMA, 185.0);
	dur_ok("1:02:03", POINT, 3723.0);
	dur_ok("0:00:59", POINT, 59.0);
	dur_ok("125:30", POINT, 7530.0);
	dur_ok("1:05,5", COMMA, 65.5);
	dur_ok("1:05.25", POINT, 65.25);
	dur_ok("0:00.1", POINT, 0.1);
	dur_ok("-0", POINT, 0.0);
	dur_bad("3:60", POINT, "second out of range");
	dur_bad("1:60:00", POINT, "minute out of range");
	dur_bad("1:2:03", POINT, "not a duration");
	dur_bad("12:5", POINT, "not a duration");
	dur_bad("1:02:03:04", POINT, "not a duration");
	dur_bad(":30", POINT, "not a duration");
	dur_bad("1:05,", COMMA, "not a duration");
	dur_bad("3:05x", POINT, "trailing characters");
	dur_bad("-5", POINT, "negative");
	dur_bad("185,5", POINT, "unexpected ','");
	dur_bad("abc", POINT, "not a number");
	dur_bad("", POINT, "empty");
}

static void test_blank(void **state)
{
	(void)state;
	assert_true(wfm_blank(NULL));
	assert_true(wfm_blank(""));
	assert_true(wfm_blank(" \t "));
	assert_true(wfm_blank("\xC2\xA0"));
	assert_true(wfm_blank("\xE2\x80\xAF "));
	assert_false(wfm_blank("a"));
	assert_false(wfm_blank(" 0 "));
	assert_false(wfm_blank("\xC2"));
}

/* Trimmed copies: the blanks of wfm_blank (space, tab, U+00A0, U+202F) go
 * at both ends, inner ones stay; a text that does not fit is cut to n - 1
 * bytes and reported. */
static void test_trim_copy(void **state)
{
	char b[8];

	(void)state;
	assert_int_equal(wfm_trim_copy("  1700 ", b, sizeof b), 4);
	assert_string_equal(b, "1700");
	assert_int_equal(wfm_trim_copy("\xC2\xA0" "a b" "\xE2\x80\xAF\t", b, sizeof b), 3);
	assert_string_equal(b, "a b");
	assert_int_equal(wfm_trim_copy(NULL, b, sizeof b), 0);
	assert_string_equal(b, "");
	assert_int_equal(wfm_trim_copy(" \t ", b, sizeof b), 0);
	assert_string_equal(b, "");
	assert_int_equal(wfm_trim_copy(" 1234567 ", b, sizeof b), 7);
	assert_string_equal(b, "1234567");
	assert_int_equal(wfm_trim_copy(" 12345678 ", b, sizeof b), -1);
	assert_string_equal(b, "1234567");
	assert_int_equal(wfm_trim_copy("xy", b, 1), -1);
	assert_string_equal(b, "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dates_table),  cmocka_unit_test(test_dates),
		cmocka_unit_test(test_clock),        cmocka_unit_test(test_interval),
		cmocka_unit_test(test_numbers_table), cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_counts),       cmocka_unit_test(test_durations),
		cmocka_unit_test(test_trim_copy),
		cmocka_unit_test(test_blank),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
