/* test_table.c - lib/io/table*.c: the report table and its CSV, workbook
 * and SVG writers.
 *
 * Expected CSV bytes are written out by hand from table.h and the CSV
 * profiles of csv.h.  Day 20780 is 2026-11-23 (Python's datetime).  The
 * workbook's inside (sheets, formats, charts) is checked by the CLI tests
 * with Python's zipfile (tests/cli/report/xlsx-*.sh); here only that it is a
 * zip and that a failure leaves nothing behind. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "io/table.h"

/* A small table: a date, a time, a text, a number and a share; two rows,
 * the second with empty cells. */
static wfm_table *sample(void)
{
	wfm_err e;
	wfm_table *t = wfm_table_new("plan-day", "Required and planned", &e);

	assert_non_null(t);
	assert_int_equal(wfm_table_add_col(t, "date", WFM_TC_DATE, 0, &e), WFM_OK);
	assert_int_equal(wfm_table_add_col(t, "time", WFM_TC_TIME, 0, &e), WFM_OK);
	assert_int_equal(wfm_table_add_col(t, "note", WFM_TC_TEXT, 0, &e), WFM_OK);
	assert_int_equal(wfm_table_add_col(t, "hours", WFM_TC_NUM, 2, &e), WFM_OK);
	assert_int_equal(wfm_table_add_col(t, "rate", WFM_TC_PCT, 4, &e), WFM_OK);
	assert_int_equal(wfm_table_add_row(t, &e), WFM_OK);
	wfm_table_set(t, 0, 0, 20780);
	wfm_table_set(t, 0, 1, 9 * 60 + 15);
	assert_int_equal(wfm_table_set_text(t, 0, 2, "a; \"b\"", &e), WFM_OK);
	wfm_table_set(t, 0, 3, 1234.5);
	wfm_table_set(t, 0, 4, 0.95034);
	assert_int_equal(wfm_table_add_row(t, &e), WFM_OK);
	wfm_table_set(t, 1, 0, 20781);
	wfm_table_set(t, 1, 3, -0.004);
	return t;
}

static char *to_text(const wfm_table *t, int excel, size_t *len)
{
	char *buf = NULL;
	FILE *f = open_memstream(&buf, len);
	wfm_err e;

	assert_non_null(f);
	assert_int_equal(wfm_table_write_csv(t, f, excel, &e), WFM_OK);
	assert_int_equal(fclose(f), 0);
	return buf;
}

static void expect(const wfm_table *t, int excel, const char *want, size_t want_len)
{
	size_t len;
	char *got = to_text(t, excel, &len);

	if (len != want_len || memcmp(got, want, len) != 0)
		fail_msg("wrote (%zu bytes)\n%.*s\nwant (%zu bytes)\n%s", len, (int)len, got,
			 want_len, want);
	free(got);
}

static void test_csv_canonical(void **state)
{
	static const char want[] = "date,time,note,hours,rate\n"
				   "2026-11-23,09:15,\"a; \"\"b\"\"\",1234.5,0.9503\n"
				   "2026-11-24,,,0,\n";
	wfm_table *t = sample();

	(void)state;
	/* the quotes: the field holds a quote; -0.004 at 2 places is 0, never -0 */
	expect(t, 0, want, sizeof want - 1);
	wfm_table_free(t);
}

static void test_csv_excel(void **state)
{
	static const char want[] = "\xEF\xBB\xBF" "date;time;note;hours;rate\r\n"
				   "23/11/2026;09:15;\"a; \"\"b\"\"\";1234,5;0,9503\r\n"
				   "24/11/2026;;;0;\r\n";
	wfm_table *t = sample();

	(void)state;
	expect(t, 1, want, sizeof want - 1);
	wfm_table_free(t);
}

/* Text that a spreadsheet would run as a formula gets an apostrophe, in the
 * header too; numbers below zero stay numbers. */
static void test_csv_formulas(void **state)
{
	static const char want[] = "'=name,n\n"
				   "'=SUM(A1:A2),-3\n"
				   "'+32 2 123,\n"
				   "'-x,\n"
				   "'@cmd,\n"
				   "'\tx,\n"
				   "a=b,\n";
	static const char *const text[] = {"=SUM(A1:A2)", "+32 2 123", "-x", "@cmd", "\tx", "a=b"};
	wfm_err e;
	wfm_table *t = wfm_table_new("t", NULL, &e);

	(void)state;
	assert_int_equal(wfm_table_add_col(t, "=name", WFM_TC_TEXT, 0, &e), WFM_OK);
	assert_int_equal(wfm_table_add_col(t, "n", WFM_TC_NUM, 0, &e), WFM_OK);
	for (size_t i = 0; i < 6; i++) {
		assert_int_equal(wfm_table_add_row(t, &e), WFM_OK);
		assert_int_equal(wfm_table_set_text(t, i, 0, text[i], &e), WFM_OK);
	}
	wfm_table_set(t, 0, 1, -3);
	expect(t, 0, want, sizeof want - 1);
	wfm_table_free(t);
}

static void test_misuse(void **state)
{
	wfm_err e;
	wfm_table *t;
	wfm_tchart c = {.title = "x", .kind = WFM_CHART_LINE, .x = 0, .y = {3}, .ny = 1,
			.first = 0, .last = 2};

	(void)state;
	assert_null(wfm_table_new("Bad Name", NULL, &e));
	assert_int_equal(e.code, WFM_EUSAGE);
	assert_null(wfm_table_new("a-name-that-is-longer-than-31-chars", NULL, &e));
	assert_null(wfm_table_new("", NULL, &e));
	t = sample();
	assert_int_equal(wfm_table_add_col(t, "late", WFM_TC_NUM, 0, &e), WFM_EUSAGE);
	assert_int_equal(wfm_table_set_text(t, 0, 3, "x", &e), WFM_EUSAGE); /* a number column */
	assert_int_equal(wfm_table_set_text(t, 5, 2, "x", &e), WFM_EUSAGE);
	wfm_table_set(t, 0, 2, 7); /* a text column: ignored */
	assert_string_equal(wfm_table_cell(t, 0, 2)->s, "a; \"b\"");
	assert_null(wfm_table_cell(t, 2, 0));
	assert_int_equal(wfm_table_add_chart(t, &c, &e), WFM_OK);
	c.last = 3; /* past the rows */
	assert_int_equal(wfm_table_add_chart(t, &c, &e), WFM_EUSAGE);
	c.last = 2;
	c.y[0] = 2; /* a text column */
	assert_int_equal(wfm_table_add_chart(t, &c, &e), WFM_EUSAGE);
	c.y[0] = 4;
	c.ny = 0;
	assert_int_equal(wfm_table_add_chart(t, &c, &e), WFM_EUSAGE);
	assert_int_equal(t->nchart, 1);
	wfm_table_free(t);
	wfm_table_free(NULL);
}

/* Many rows: the cells survive the growth of the array. */
static void test_growth(void **state)
{
	wfm_err e;
	wfm_table *t = wfm_table_new("big", NULL, &e);

	(void)state;
	assert_int_equal(wfm_table_add_col(t, "i", WFM_TC_NUM, 0, &e), WFM_OK);
	assert_int_equal(wfm_table_add_col(t, "s", WFM_TC_TEXT, 0, &e), WFM_OK);
	for (size_t i = 0; i < 5000; i++) {
		char buf[16];

		assert_int_equal(wfm_table_add_row(t, &e), WFM_OK);
		wfm_table_set(t, i, 0, (double)i);
		snprintf(buf, sizeof buf, "r%zu", i);
		assert_int_equal(wfm_table_set_text(t, i, 1, buf, &e), WFM_OK);
	}
	for (size_t i = 0; i < 5000; i += 997) {
		char buf[16];

		snprintf(buf, sizeof buf, "r%zu", i);
		assert_true(wfm_table_cell(t, i, 0)->v == (double)i);
		assert_string_equal(wfm_table_cell(t, i, 1)->s, buf);
	}
	wfm_table_free(t);
}

static void test_xlsx_is_zip(void **state)
{
	wfm_table *t = sample(), *u = sample();
	wfm_tchart c = {.title = "hours", .kind = WFM_CHART_COLUMN, .x = 0, .y = {3, 4}, .ny = 2,
			.first = 0, .last = 2, .y_title = "h"};
	wfm_tfmt fmt = {1, ',', 1700000000};
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	wfm_err e;

	(void)state;
	assert_int_equal(wfm_table_add_chart(t, &c, &e), WFM_OK);
	assert_int_equal(wfm_tables_write_xlsx(&t, 1, f, &fmt, &e), WFM_OK);
	assert_int_equal(fclose(f), 0);
	assert_true(len > 2000);
	assert_memory_equal(buf, "PK\x03\x04", 4);
	free(buf);
	{
		wfm_table *two[2] = {t, u};

		f = open_memstream(&buf, &len);
		assert_int_equal(wfm_tables_write_xlsx(two, 2, f, &fmt, &e), WFM_EUSAGE);
		assert_non_null(strstr(e.msg, "two tables named 'plan-day'"));
		assert_int_equal(wfm_tables_write_xlsx(two, 0, f, &fmt, &e), WFM_EUSAGE);
		fclose(f);
		free(buf);
	}
	wfm_table_free(t);
	wfm_table_free(u);
}

static void test_svg(void **state)
{
	wfm_table *t = sample();
	wfm_tchart c = {.title = "Hours & <rate>", .kind = WFM_CHART_LINE, .x = 0, .y = {3, 4},
			.ny = 2, .first = 0, .last = 2};
	wfm_tfmt fmt = {1, ',', 0};
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	wfm_err e;

	(void)state;
	assert_int_equal(wfm_table_add_chart(t, &c, &e), WFM_OK);
	assert_int_equal(wfm_tables_write_svg(&t, 1, f, &fmt, &e), WFM_OK);
	assert_int_equal(fclose(f), 0);
	assert_non_null(strstr(buf, "<svg xmlns=\"http://www.w3.org/2000/svg\""));
	assert_non_null(strstr(buf, "Hours &amp; &lt;rate&gt;"));  /* escaped */
	assert_non_null(strstr(buf, ">23/11</text>"));               /* day first */
	assert_non_null(strstr(buf, ">hours</text>"));               /* the legend */
	assert_int_equal(strstr(buf, "</svg>\n") - buf + 7, (long)len);
	free(buf);
	wfm_table_free(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_csv_canonical),
		cmocka_unit_test(test_csv_excel),
		cmocka_unit_test(test_csv_formulas),
		cmocka_unit_test(test_misuse),
		cmocka_unit_test(test_growth),
		cmocka_unit_test(test_xlsx_is_zip),
		cmocka_unit_test(test_svg),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
