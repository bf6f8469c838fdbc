/* test_csvw.c - lib/csvw.c: the CSV writer in both profiles, and the round
 * trip writer -> reader.
 *
 * Expected bytes are written out by hand from csv.h and DESIGN.md; the table
 * of formatted numbers comes from tests/ref/csv_ref.py (Python's own float
 * formatting).  Day numbers: 2024-03-04 is day 19786 and 1999-12-31 day
 * 10956 (Python's datetime). */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "io/csv.h"

#include "data/csv/ref.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

struct mem {
	char *buf;
	size_t len;
	FILE *f;
	wfm_csvw w;
};

static void mem_open(struct mem *m, int excel)
{
	m->buf = NULL;
	m->len = 0;
	m->f = open_memstream(&m->buf, &m->len);
	assert_non_null(m->f);
	wfm_csvw_init(&m->w, m->f, excel);
}

/* Closes the stream and checks the bytes written. */
static void mem_is(struct mem *m, const char *want, size_t want_len)
{
	assert_false(wfm_csvw_error(&m->w));
	assert_int_equal(fclose(m->f), 0);
	if (m->len != want_len || memcmp(m->buf, want, want_len) != 0)
		fail_msg("wrote (%zu bytes)\n%.*s\nwant (%zu bytes)\n%s", m->len, (int)m->len,
			 m->buf, want_len, want);
	free(m->buf);
}

#define MEM_IS(m, want) mem_is(m, want, sizeof(want) - 1)

static const char *const head[] = {"date", "time", "note", "value", "n", NULL};

/* One row of every kind of field. */
static void sample_rows(wfm_csvw *w)
{
	wfm_csvw_header(w, head);
	wfm_csvw_date(w, 19786);
	wfm_csvw_time(w, 540);
	wfm_csvw_str(w, "a,b");
	wfm_csvw_num(w, 12.5, 2);
	wfm_csvw_long(w, -12);
	wfm_csvw_end(w);
	wfm_csvw_date(w, 10956);
	wfm_csvw_time(w, 1440);
	wfm_csvw_str(w, "x;y");
	wfm_csvw_num(w, 3.0, 2);
	wfm_csvw_long(w, 0);
	wfm_csvw_end(w);
	wfm_csvw_empty(w);
	wfm_csvw_time(w, -1);
	wfm_csvw_str(w, "say \"hi\"\nbye");
	wfm_csvw_num(w, -0.0001, 2);
	wfm_csvw_num(w, NAN, 2);
	wfm_csvw_end(w);
}

static void test_canonical(void **state)
{
	struct mem m;

	(void)state;
	mem_open(&m, 0);
	sample_rows(&m.w);
	assert_int_equal(m.w.rows, 4);
	MEM_IS(&m, "date,time,note,value,n\n"
		   "2024-03-04,09:00,\"a,b\",12.5,-12\n"
		   "1999-12-31,24:00,x;y,3,0\n"
		   ",,\"say \"\"hi\"\"\nbye\",0,\n");
}

static void test_excel(void **state)
{
	struct mem m;

	(void)state;
	mem_open(&m, 1);
	sample_rows(&m.w);
	MEM_IS(&m, "\xEF\xBB\xBF" "date;time;note;value;n\r\n"
		   "04/03/2024;09:00;a,b;12,5;-12\r\n"
		   "31/12/1999;24:00;\"x;y\";3;0\r\n"
		   ";;\"say \"\"hi\"\"\nbye\";0;\r\n");
}

static void test_quoting(void **state)
{
	struct mem m;

	(void)state;
	mem_open(&m, 0);
	wfm_csvw_str(&m.w, " lead");
	wfm_csvw_str(&m.w, "trail\t");
	wfm_csvw_str(&m.w, "in side");
	wfm_csvw_str(&m.w, "cr\r");
	wfm_csvw_str(&m.w, "\xC3\xA9\xC3\xA9n");
	wfm_csvw_str(&m.w, NULL);
	wfm_csvw_end(&m.w);
	/* a row of one empty field is "", a row of none is an empty line */
	wfm_csvw_empty(&m.w);
	wfm_csvw_end(&m.w);
	wfm_csvw_str(&m.w, "");
	wfm_csvw_end(&m.w);
	wfm_csvw_end(&m.w);
	/* an empty field first in a longer row stays bare */
	wfm_csvw_empty(&m.w);
	wfm_csvw_str(&m.w, "x");
	wfm_csvw_end(&m.w);
	MEM_IS(&m, "\" lead\",\"trail\t\",in side,\"cr\r\",\xC3\xA9\xC3\xA9n,\n\"\"\n\"\"\n\n,x\n");
}

static void test_excel_bom_once(void **state)
{
	struct mem m;

	(void)state;
	/* the BOM comes first even when the first row is empty */
	mem_open(&m, 1);
	wfm_csvw_end(&m.w);
	wfm_csvw_str(&m.w, "a");
	wfm_csvw_end(&m.w);
	MEM_IS(&m, "\xEF\xBB\xBF\r\na\r\n");
	mem_open(&m, 1);
	wfm_csvw_empty(&m.w);
	wfm_csvw_end(&m.w);
	wfm_csvw_empty(&m.w);
	wfm_csvw_end(&m.w);
	MEM_IS(&m, "\xEF\xBB\xBF\"\"\r\n\"\"\r\n");
	/* nothing written, nothing out */
	mem_open(&m, 1);
	MEM_IS(&m, "");
}

static void test_numbers(void **state)
{
	char want[512], *p;
	struct mem m;
	size_t i;
	int excel;

	(void)state;
	for (excel = 0; excel <= 1; excel++) {
		for (i = 0; i < N(ref_written); i++) {
			mem_open(&m, excel);
			wfm_csvw_num(&m.w, ref_written[i].v, ref_written[i].decimals);
			wfm_csvw_end(&m.w);
			snprintf(want, sizeof want, "%s%s%s", excel ? "\xEF\xBB\xBF" : "",
				 ref_written[i].text, excel ? "\r\n" : "\n");
			if (excel && (p = strchr(want, '.')) != NULL)
				*p = ',';
			mem_is(&m, want, strlen(want));
		}
	}
	mem_open(&m, 0);
	wfm_csvw_num(&m.w, INFINITY, 2);
	wfm_csvw_num(&m.w, -INFINITY, 2);
	wfm_csvw_num(&m.w, 2.5, -3);                 /* taken as 0 decimals: half to even */
	wfm_csvw_num(&m.w, 0.1, 40);                 /* taken as 17 */
	wfm_csvw_num(&m.w, -1e-30, 17);
	wfm_csvw_num(&m.w, 1e21, 0);
	wfm_csvw_end(&m.w);
	MEM_IS(&m, ",,2,0.10000000000000001,0,1000000000000000000000\n");
}

static void test_write_error(void **state)
{
	wfm_csvw w;
	FILE *f = fopen("/dev/full", "w");

	(void)state;
	if (!f)
		skip();
	setvbuf(f, NULL, _IONBF, 0);
	wfm_csvw_init(&w, f, 0);
	assert_false(wfm_csvw_error(&w));
	wfm_csvw_str(&w, "x");
	wfm_csvw_end(&w);
	assert_true(wfm_csvw_error(&w));
	wfm_csvw_str(&w, "y"); /* still failed */
	assert_true(wfm_csvw_error(&w));
	fclose(f);
}

/* Values of the round trip. */
static const char *const texts[] = {
	"plain", "a,b", "a;b", "say \"hi\"", "two\nlines", "cr\r\nlf", " blank edges\t",
	"\xC3\x89\xC3\xA9n \xE2\x82\xAC", "", "\"", "x",
};
static const double nums[] = {0, 12.5, -3.25, 1234567.75, 0.01, 99.99, -0.5, 1e9, 7};

static void round_trip(int excel)
{
	static const char *const cols[] = {"date", "time", "text", "num", "count", NULL};
	struct mem m;
	wfm_err e = {0, ""};
	wfm_csv *r;
	wfm_numfmt nf;
	wfm_date d;
	double v;
	int start, end;
	size_t i, chunk;

	mem_open(&m, excel);
	wfm_csvw_header(&m.w, cols);
	for (i = 0; i < N(texts); i++) {
		wfm_csvw_date(&m.w, wfm_date_from_ymd(1999 + (int)i, 1 + (int)i, 28));
		wfm_csvw_time(&m.w, (int)(i * 95));
		wfm_csvw_str(&m.w, texts[i]);
		wfm_csvw_num(&m.w, nums[i % N(nums)], 2);
		wfm_csvw_long(&m.w, (long long)i * 1000);
		wfm_csvw_end(&m.w);
	}
	/* rows of a single field, the last one empty */
	wfm_csvw_str(&m.w, "only");
	wfm_csvw_end(&m.w);
	wfm_csvw_empty(&m.w);
	wfm_csvw_end(&m.w);
	assert_false(wfm_csvw_error(&m.w));
	assert_int_equal(fclose(m.f), 0);

	for (chunk = 0; chunk <= m.len; chunk += chunk < 16 ? 1 : 7) {
		wfm_csv_opts o = {0, 0, chunk, 0, 0};

		r = wfm_csv_open_mem("rt.csv", m.buf, m.len, &o, &e);
		assert_non_null(r);
		assert_int_equal(wfm_csv_next(r, &e), 1);
		assert_int_equal(wfm_csv_delim(r), excel ? ';' : ',');
		nf = wfm_csv_numfmt(r);
		assert_int_equal(nf.decimal, excel ? ',' : '.');
		assert_int_equal(wfm_csv_nfields(r), 5);
		for (i = 0; i < 5; i++)
			assert_string_equal(wfm_csv_field(r, i), cols[i]);
		for (i = 0; i < N(texts); i++) {
			assert_int_equal(wfm_csv_next(r, &e), 1);
			assert_int_equal(wfm_csv_nfields(r), 5);
			assert_null(wfm_parse_date(wfm_csv_field(r, 0), &d));
			assert_int_equal(d, wfm_date_from_ymd(1999 + (int)i, 1 + (int)i, 28));
			assert_null(wfm_parse_interval(wfm_csv_field(r, 1), &start, &end));
			assert_int_equal(start, (int)(i * 95));
			assert_string_equal(wfm_csv_field(r, 2), texts[i]);
			assert_null(wfm_parse_number(wfm_csv_field(r, 3), nf, &v));
			assert_true(v == nums[i % N(nums)]);
			assert_null(wfm_parse_count(wfm_csv_field(r, 4), nf, &v));
			assert_true(v == (double)i * 1000);
		}
		assert_int_equal(wfm_csv_next(r, &e), 1);
		assert_int_equal(wfm_csv_nfields(r), 1);
		assert_string_equal(wfm_csv_field(r, 0), "only");
		assert_int_equal(wfm_csv_next(r, &e), 1);
		assert_int_equal(wfm_csv_nfields(r), 1);
		assert_string_equal(wfm_csv_field(r, 0), "");
		assert_int_equal(wfm_csv_next(r, &e), 0);
		wfm_csv_free(r);
	}
	free(m.buf);
}

static void test_round_trip_canonical(void **state)
{
	(void)state;
	round_trip(0);
}

static void test_round_trip_excel(void **state)
{
	(void)state;
	round_trip(1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_canonical),
		cmocka_unit_test(test_excel),
		cmocka_unit_test(test_quoting),
		cmocka_unit_test(test_excel_bom_once),
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_write_error),
		cmocka_unit_test(test_round_trip_canonical),
		cmocka_unit_test(test_round_trip_excel),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
