/* test_csv.c - lib/csv.c: the CSV reader, header mapping, folding, messages.
 *
 * Every input is read at every chunk size from 1 byte to its whole length
 * (and the default), as libcsv's own test_csv.c does, and must give the same
 * records, line numbers and error.  The expected outcomes are written out by
 * hand from csv.h; the folding table comes from tests/ref/csv_ref.py
 * (Unicode decomposition, independent of the table in csv.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "common/fold.h"
#include "io/csv.h"

#include "data/csv/ref.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

struct sb {
	char *s;
	size_t n, cap;
};

static void sb_add(struct sb *b, const char *s, size_t n)
{
	if (b->n + n + 1 > b->cap) {
		b->cap = 2 * (b->n + n + 1);
		b->s = realloc(b->s, b->cap);
		assert_non_null(b->s);
	}
	memcpy(b->s + b->n, s, n);
	b->n += n;
	b->s[b->n] = '\0';
}

static void sb_printf(struct sb *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void sb_printf(struct sb *b, const char *fmt, ...)
{
	char tmp[2048];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	assert_true(n >= 0 && (size_t)n < sizeof tmp);
	sb_add(b, tmp, (size_t)n);
}

/* Reads a whole reader and describes what came out: one "LINE|field|..."
 * per record, then "end DELIM DECIMAL THOUSANDS" or "error CODE: MESSAGE".
 * Also checks that the reader stays at its end or its error. */
static char *drain(wfm_csv *r)
{
	struct sb b = {NULL, 0, 0};
	wfm_err e = {0, ""}, e2 = {0, ""};
	wfm_numfmt f;
	size_t i;
	int got;

	sb_add(&b, "", 0);
	while ((got = wfm_csv_next(r, &e)) > 0) {
		sb_printf(&b, "%ld", wfm_csv_line(r));
		for (i = 0; i < wfm_csv_nfields(r); i++) {
			sb_add(&b, "|", 1);
			sb_add(&b, wfm_csv_field(r, i), strlen(wfm_csv_field(r, i)));
		}
		assert_string_equal(wfm_csv_field(r, i), "");
		sb_add(&b, "\n", 1);
	}
	if (got < 0) {
		sb_printf(&b, "error %d: %s\n", e.code, e.msg);
		assert_int_equal(wfm_csv_next(r, &e2), -1);
		assert_string_equal(e2.msg, e.msg);
	} else {
		char d[2] = {wfm_csv_delim(r), 0};

		f = wfm_csv_numfmt(r);
		sb_printf(&b, "end %s %c%c\n", d[0] == '\t' ? "tab" : d, f.decimal,
			  f.thousands ? f.thousands : '0');
		assert_int_equal(wfm_csv_next(r, &e2), 0);
	}
	return b.s;
}

static char *run(const char *in, size_t len, const wfm_csv_opts *opts, size_t chunk)
{
	wfm_csv_opts o = {0, 0, 0, 0, 0};
	wfm_err e = {0, ""};
	wfm_csv *r;
	char *out;

	if (opts)
		o = *opts;
	o.chunk = chunk;
	r = wfm_csv_open_mem("t.csv", in, len, &o, &e);
	assert_non_null(r);
	out = drain(r);
	wfm_csv_free(r);
	return out;
}

/* The outcome must be `want` at the default chunk size and at every chunk
 * size from 1 to len + 1. */
static void check(const char *in, size_t len, const wfm_csv_opts *opts, const char *want)
{
	size_t chunk;
	char *got;

	for (chunk = 0; chunk <= len + 1; chunk++) {
		got = run(in, len, opts, chunk);
		if (strcmp(got, want) != 0) {
			print_error("chunk %zu:\n--- got\n%s--- want\n%s", chunk, got, want);
			free(got);
			fail();
		}
		free(got);
	}
}

#define CHECK(in, opts, want) check(in, sizeof(in) - 1, opts, want)

static void test_comma_lf(void **state)
{
	(void)state;
	CHECK("date,offered\n2024-03-04,12\n2024-03-05,13\n", NULL,
	      "1|date|offered\n2|2024-03-04|12\n3|2024-03-05|13\nend , .0\n");
	/* no newline at the end; trailing empty field; one column */
	CHECK("a,b,\n1,2,", NULL, "1|a|b|\n2|1|2|\nend , .0\n");
	CHECK("x\n1\n2", NULL, "1|x\n2|1\n3|2\nend , .0\n");
	/* a lone CR ends a line; an LF after text after it ends the next one
	 * (found by fuzz_csv: the default chunk size counted one line less) */
	CHECK("x\r1\n2\n", NULL, "1|x\n2|1\n3|2\nend , .0\n");
	CHECK("x\r\"1\"\n2\r\r\n3\n", NULL, "1|x\n2|1\n3|2\n5|3\nend , .0\n");
}

static void test_semicolon_bom_crlf(void **state)
{
	(void)state;
	CHECK("\xEF\xBB\xBF" "datum;aantal\r\n04/03/2024;1.234,5\r\n05/03/2024;7\r\n", NULL,
	      "1|datum|aantal\n2|04/03/2024|1.234,5\n3|05/03/2024|7\nend ; ,.\n");
	/* a BOM alone, or nothing at all, holds no record */
	CHECK("\xEF\xBB\xBF", NULL, "end , .0\n");
	CHECK("", NULL, "end , .0\n");
	/* a BOM is skipped at the start only */
	CHECK("a\n\xEF\xBB\xBF" "b\n", NULL, "1|a\n2|\xEF\xBB\xBF" "b\nend , .0\n");
}

static void test_tab(void **state)
{
	(void)state;
	CHECK("date\ttime\toffered\n2024-03-04\t09:00\t5\n", NULL,
	      "1|date|time|offered\n2|2024-03-04|09:00|5\nend tab .0\n");
	/* empty cells between tabs are kept (tab is not a blank here) */
	CHECK("a\tb\tc\n1\t\t3\n", NULL, "1|a|b|c\n2|1||3\nend tab .0\n");
}

/* A tab file's decimal mark comes from its first 50 lines after the header. */
static void test_tab_decimal(void **state)
{
	struct sb in = {0}, want = {0};
	int i;

	(void)state;
	CHECK("datum\taht\n04-03-2024\t428,7\n05-03-2024\t12\n", NULL,
	      "1|datum|aht\n2|04-03-2024|428,7\n3|05-03-2024|12\nend tab ,.\n");
	CHECK("datum\taht\n04-03-2024\t428.7\n", NULL,
	      "1|datum|aht\n2|04-03-2024|428.7\nend tab .0\n");
	/* a tie gives the point; the header is not looked at */
	CHECK("a\tb\t1,5\n1,5\t2.5\tx\n", NULL, "1|a|b|1,5\n2|1,5|2.5|x\nend tab .0\n");
	/* quoted cells count; forced options win */
	CHECK("a\tb\n\"3,25\"\t-1,5\n", NULL, "1|a|b\n2|3,25|-1,5\nend tab ,.\n");
	{
		wfm_csv_opts o = {0, '.', 0, 0, 0};

		CHECK("a\tb\n3,25\t1\n", &o, "1|a|b\n2|3,25|1\nend tab .0\n");
	}
	/* commas only after line 51 are not looked at */
	sb_printf(&in, "n\tv\n");
	sb_printf(&want, "1|n|v\n");
	for (i = 0; i < 60; i++) {
		sb_printf(&in, "%d\t%s\n", i, i < 50 ? "7" : "7,5");
		sb_printf(&want, "%d|%d|%s\n", i + 2, i, i < 50 ? "7" : "7,5");
	}
	sb_printf(&want, "end tab .0\n");
	check(in.s, in.n, NULL, want.s);
	free(in.s);
	free(want.s);
}

static void test_quoted(void **state)
{
	(void)state;
	/* delimiter, doubled quote and newlines inside quotes; the lines after
	 * a multi-line record are numbered by physical line */
	CHECK("id,note\n1,\"a,b\"\n2,\"say \"\"hi\"\"\"\n3,\"two\nlines\"\n4,\"cr\r\nlf\"\n5,x\n",
	      NULL,
	      "1|id|note\n2|1|a,b\n3|2|say \"hi\"\n4|3|two\nlines\n6|4|cr\r\nlf\n8|5|x\n"
	      "end , .0\n");
	CHECK("id;note\r\n1;\"a;b\"\r\n2;\"\r\n\r\n\"\r\n3;z\r\n", NULL,
	      "1|id|note\n2|1|a;b\n3|2|\r\n\r\n\n6|3|z\nend ; ,.\n");
	/* a record that starts with a multi-line field */
	CHECK("h\n\"x\ny\"\nz\n", NULL, "1|h\n2|x\ny\n4|z\nend , .0\n");
	/* an empty quoted field makes a record; blanks inside quotes stay */
	CHECK("h\n\"\"\n\" a \",b\n", NULL, "1|h\n2|\n3| a |b\nend , .0\n");
	/* a quote inside an unquoted field is an ordinary character */
	CHECK("h,i\n5\" screen,x\"y\"\n", NULL, "1|h|i\n2|5\" screen|x\"y\"\nend , .0\n");
}

static void test_blank_lines_and_spaces(void **state)
{
	(void)state;
	CHECK("\n\r\n  \n\ta,b\n\n \t \n1 , 2 \n\n", NULL, "4|a|b\n7|1|2\nend , .0\n");
	/* line ends: LF, CRLF and lone CR all count */
	CHECK("a\rb\r\nc\nd\r\re", NULL, "1|a\n2|b\n3|c\n4|d\n6|e\nend , .0\n");
}

static void test_sniffing(void **state)
{
	(void)state;
	/* delimiters inside quotes do not count */
	CHECK("\"a,b,c\";d\n1;2\n", NULL, "1|a,b,c|d\n2|1|2\nend ; ,.\n");
	/* the first line that is not blank decides, even after blank lines */
	CHECK("\t\t\n\n a;b;c,d\n1;2;3,4\n", NULL, "3|a|b|c,d\n4|1|2|3,4\nend ; ,.\n");
	/* ties go to ',' then ';' then tab; no delimiter at all gives ',' */
	CHECK("a;b,c\n", NULL, "1|a;b|c\nend , .0\n");
	CHECK("a;b\tc\n", NULL, "1|a|b\tc\nend ; ,.\n");
	CHECK("single\n", NULL, "1|single\nend , .0\n");
	/* a quoted header with a newline inside */
	CHECK("\"x\ny\"\tz\n1\t2\n", NULL, "1|x\ny|z\n3|1|2\nend tab .0\n");
}

static void test_forced_options(void **state)
{
	wfm_csv_opts pipe = {'|', 0, 0, 0, 0};
	wfm_csv_opts semi_point = {';', '.', 0, 0, 0};
	wfm_csv_opts comma_comma = {0, ',', 0, 0, 0};

	(void)state;
	CHECK("a|b;c,d\n", &pipe, "1|a|b;c,d\nend | .0\n");
	CHECK("a;b\n1.5;2\n", &semi_point, "1|a|b\n2|1.5|2\nend ; .0\n");
	CHECK("a,b\n\"1,5\",2\n", &comma_comma, "1|a|b\n2|1,5|2\nend , ,.\n");
}

static void test_errors(void **state)
{
	wfm_csv_opts small = {0, 0, 0, 8, 20};

	(void)state;
	CHECK("a,b\n1,\"x\ny\n", NULL,
	      "1|a|b\nerror 65: t.csv:2: field 2: unterminated quote: '\"x\\x0Ay\\x0A'\n");
	CHECK("\"never closed", NULL,
	      "error 65: t.csv:1: field 1: unterminated quote: '\"never closed'\n");
	CHECK("a,b\n\"x\"y,z\n", NULL,
	      "1|a|b\nerror 65: t.csv:2: field 1: text after the closing quote: '\"x\"'\n");
	CHECK("a,b\n1,\"x\" \"\n", NULL,
	      "1|a|b\nerror 65: t.csv:2: field 2: text after the closing quote: '\"x\" '\n");
	CHECK("a,b\n12345678,x\n123456789,x\n", &small,
	      "1|a|b\n2|12345678|x\nerror 65: t.csv:3: field 1: longer than 8 bytes\n");
	/* a runaway quote is stopped by the field limit, named by its start */
	CHECK("a\n\"1234\n5678\n90\n", &small,
	      "1|a\nerror 65: t.csv:2: field 1: longer than 8 bytes\n");
	CHECK("a,b\n12345,67890,1234,12345678\n", &small,
	      "1|a|b\nerror 65: t.csv:2: record longer than 20 bytes\n");
	/* twenty bytes exactly is fine: 5 + 1 + 5 + 1 + 8 */
	CHECK("12345,67890,12345678\n", &small, "1|12345|67890|12345678\nend , .0\n");
	CHECK("a,b\nx\0y,z\n", NULL,
	      "1|a|b\nerror 65: t.csv:2: field 1: NUL byte (is this a text file?): 'x\\x00y'\n");
	CHECK("a,b\n1,\"x\ny\x01z\"\n", NULL,
	      "1|a|b\nerror 65: t.csv:2: field 2: control character \\x01 "
	      "(is this a text file?): 'x\\x0Ay\\x01z'\n");
}

static void test_encoding_errors(void **state)
{
	(void)state;
	CHECK("naam;waarde\ncaf\xE9;1\n", NULL,
	      "1|naam|waarde\nerror 65: t.csv:2: field 1: not UTF-8 (the file looks like "
	      "Latin-1/Windows-1252: convert it with iconv -f latin1 -t utf-8): 'caf\\xE9'\n");
	/* Windows-1252 quotes; the text shown starts shortly before the byte */
	CHECK("a;b\n1;Een hele lange omschrijving van het \x93probleem\x94\n", NULL,
	      "1|a|b\nerror 65: t.csv:2: field 2: not UTF-8 (the file looks like "
	      "Latin-1/Windows-1252: convert it with iconv -f latin1 -t utf-8): '...le lange "
	      "omschrijving van het \\x93probleem\\x94'\n");
	/* a cut UTF-8 sequence at the end of the file, overlong forms, surrogates */
	CHECK("\xEF\xBB", NULL,
	      "error 65: t.csv:1: field 1: not UTF-8 (the file looks like "
	      "Latin-1/Windows-1252: convert it with iconv -f latin1 -t utf-8): '\\xEF\\xBB'\n");
	CHECK("x\n\xC0\xAF\n", NULL,
	      "1|x\nerror 65: t.csv:2: field 1: not UTF-8 (the file looks like "
	      "Latin-1/Windows-1252: convert it with iconv -f latin1 -t utf-8): '\\xC0\\xAF'\n");
	CHECK("x\n\xED\xA0\x80\n", NULL,
	      "1|x\nerror 65: t.csv:2: field 1: not UTF-8 (the file looks like "
	      "Latin-1/Windows-1252: convert it with iconv -f latin1 -t utf-8): "
	      "'\\xED\\xA0\\x80'\n");
	/* valid UTF-8 of every length passes */
	CHECK("\xC3\xA9,\xE2\x82\xAC,\xF0\x9F\x93\x9E,\xF4\x8F\xBF\xBF\n", NULL,
	      "1|\xC3\xA9|\xE2\x82\xAC|\xF0\x9F\x93\x9E|\xF4\x8F\xBF\xBF\nend , .0\n");
}

static void test_binary_junk(void **state)
{
	(void)state;
	/* the start of a PNG file */
	CHECK("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", NULL,
	      "error 65: t.csv:1: field 1: not UTF-8 (the file looks like "
	      "Latin-1/Windows-1252: convert it with iconv -f latin1 -t utf-8): '\\x89PNG'\n");
	/* the start of an ELF file */
	CHECK("\x7F" "ELF\x02\x01\x01\0\0\0", NULL,
	      "error 65: t.csv:1: field 1: control character \\x02 (is this a text file?): "
	      "'\\x7FELF\\x02\\x01\\x01\\x00\\x00\\x00'\n");
	/* a NUL before any other oddity */
	CHECK("\x7F" "ELF\0\x02", NULL,
	      "error 65: t.csv:1: field 1: NUL byte (is this a text file?): "
	      "'\\x7FELF\\x00\\x02'\n");
	/* the start of a gzip file */
	CHECK("\x1F\x8B\x08\0", NULL,
	      "error 65: t.csv:1: field 1: control character \\x1F (is this a text file?): "
	      "'\\x1F\\x8B\\x08\\x00'\n");
}

/* Inputs longer than the reader's 4096-byte checkpoints, at chosen chunk
 * sizes (every size would take too long). */
static void check_some(const char *in, size_t len, const wfm_csv_opts *opts, const char *want)
{
	static const size_t sizes[] = {0, 1, 2, 3, 5, 7, 64, 100, 1000, 4095, 4096, 4097, 5000,
				       8191, 8192, 8193, 65536};
	size_t i;
	char *got;

	for (i = 0; i < N(sizes); i++) {
		got = run(in, len, opts, sizes[i]);
		if (strcmp(got, want) != 0) {
			print_error("chunk %zu:\n--- got\n%.300s\n--- want\n%.300s\n", sizes[i],
				    got, want);
			free(got);
			fail();
		}
		free(got);
	}
	got = run(in, len, opts, len);
	assert_string_equal(got, want);
	free(got);
}

static void test_long_inputs(void **state)
{
	wfm_csv_opts lim = {0, 0, 0, 5000, 0};
	size_t n = 10000, i, k;
	char *in = malloc(n + 64), *want = malloc(2 * n + 128);

	(void)state;
	assert_non_null(in);
	assert_non_null(want);
	/* a quoted field of 90 lines of 100 bytes, each 33 times "éx" and LF:
	 * the field starts at byte 5, so an 'é' sits across byte 4096 */
	memcpy(in, "hhh\n\"", 5);
	for (i = 0, k = 5; i < 90; i++) {
		for (int u = 0; u < 33; u++, k += 3)
			memcpy(in + k, "\xC3\xA9x", 3);
		in[k++] = '\n';
	}
	assert_int_equal(k, 9005);
	assert_memory_equal(in + 4095, "\xC3\xA9", 2);
	memcpy(in + 9005, "\"\nz\n", 4);
	memcpy(want, "1|hhh\n2|", 8);
	memcpy(want + 8, in + 5, 9000);
	memcpy(want + 9008, "\n93|z\nend , .0\n", 16);
	check_some(in, 9009, NULL, want);

	/* the same field against a limit of 5000 bytes */
	check_some(in, 9009, &lim, "1|hhh\nerror 65: t.csv:2: field 1: longer than 5000 bytes\n");

	/* a Latin-1 byte after a long run of good text: 30 bytes before it
	 * are shown, and 9 after it make 40 characters */
	memset(in, 'a', 6000);
	in[5000] = '\xE9';
	in[6000] = '\n';
	snprintf(want, 2 * n, "error 65: t.csv:1: field 1: not UTF-8 (the file looks like "
		 "Latin-1/Windows-1252: convert it with iconv -f latin1 -t utf-8): "
		 "'...%.30s\\xE9%.9s...'\n", in, in);
	check_some(in, 6001, NULL, want);

	/* a line with no newline at all, longer than the field limit */
	memset(in, 'b', n);
	check_some(in, n, &lim, "error 65: t.csv:1: field 1: longer than 5000 bytes\n");
	free(in);
	free(want);
}

static void test_open_errors(void **state)
{
	wfm_err e = {0, ""};
	wfm_csv_opts bad_delim = {'"', 0, 0, 0, 0}, bad_dec = {0, ';', 0, 0, 0};

	(void)state;
	assert_null(wfm_csv_open("/nonexistent/x.csv", NULL, &e));
	assert_int_equal(e.code, WFM_ENOINPUT);
	assert_string_equal(e.msg, "/nonexistent/x.csv: cannot open: no such file or directory");
	assert_null(wfm_csv_open("/tmp", NULL, &e));
	assert_int_equal(e.code, WFM_ENOINPUT);
	assert_string_equal(e.msg, "/tmp: cannot open: is a directory");
	assert_null(wfm_csv_open_mem("m.csv", "", 0, &bad_delim, &e));
	assert_int_equal(e.code, WFM_EUSAGE);
	assert_string_equal(e.msg, "m.csv: cannot use \\x22 as delimiter");
	assert_null(wfm_csv_open_mem("m.csv", "", 0, &bad_dec, &e));
	assert_int_equal(e.code, WFM_EUSAGE);
	assert_string_equal(e.msg, "m.csv: the decimal mark must be '.' or ','");
	assert_null(wfm_csv_open("/nonexistent", NULL, NULL)); /* NULL error is allowed */
	wfm_csv_free(NULL);
}

static void test_file_and_stdin(void **state)
{
	static const char text[] = "\xEF\xBB\xBF" "a;b\r\n1;\"x\r\ny\"\r\n2;3\r\n";
	char path[] = "/tmp/wfm-test-csv-XXXXXX";
	static const size_t chunks[] = {1, 2, 7, 0};
	wfm_csv_opts o = {0, 0, 0, 0, 0};
	wfm_err e = {0, ""};
	wfm_csv *r;
	size_t i;
	char *got;
	int fd = mkstemp(path);

	(void)state;
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, sizeof text - 1), (long)(sizeof text - 1));
	close(fd);
	for (i = 0; i < N(chunks); i++) {
		o.chunk = chunks[i];
		r = wfm_csv_open(path, &o, &e);
		assert_non_null(r);
		assert_string_equal(wfm_csv_name(r), path);
		got = drain(r);
		assert_string_equal(got, "1|a|b\n2|1|x\r\ny\n4|2|3\nend ; ,.\n");
		free(got);
		wfm_csv_free(r);
	}
	assert_non_null(freopen(path, "rb", stdin));
	r = wfm_csv_open("-", NULL, &e);
	assert_non_null(r);
	assert_string_equal(wfm_csv_name(r), "<stdin>");
	got = drain(r);
	assert_string_equal(got, "1|a|b\n2|1|x\r\ny\n4|2|3\nend ; ,.\n");
	free(got);
	wfm_csv_free(r);
	unlink(path);
}

/* Opens `text` and reads its first record (the header). */
static wfm_csv *header(const char *text)
{
	wfm_err e = {0, ""};
	wfm_csv *r = wfm_csv_open_mem("exp.csv", text, strlen(text), NULL, &e);

	assert_non_null(r);
	assert_int_equal(wfm_csv_next(r, &e), 1);
	return r;
}

static const char *const al_date[] = {"datum", "dag", NULL};
static const char *const al_offered[] = {"Aangeboden", "aantal", NULL};
static const char *const al_aht[] = {"afhandeltijds", "AHT (sec)", NULL};
static const wfm_csv_col cols[] = {
	{"date", al_date, 1},
	{"offered", al_offered, 1},
	{"aht_s", al_aht, 0},
	{"note", NULL, 0},
};

static void test_map(void **state)
{
	int idx[4];
	wfm_err e = {0, ""};
	wfm_csv *r;

	(void)state;
	r = header("Kanaal;Afhandeltijd (s);DATUM;Aangeboden;Opmerking\n");
	assert_int_equal(wfm_csv_map(r, cols, 4, idx, &e), WFM_OK);
	assert_int_equal(idx[0], 2);
	assert_int_equal(idx[1], 3);
	assert_int_equal(idx[2], 1);
	assert_int_equal(idx[3], -1);
	wfm_csv_free(r);

	r = header("date,offered,aht_s,note\n");
	assert_int_equal(wfm_csv_map(r, cols, 4, idx, &e), WFM_OK);
	assert_int_equal(idx[0], 0);
	assert_int_equal(idx[3], 3);
	wfm_csv_free(r);

	r = header("\xC3\x89\xC3\xA9n,  AHT  (sec)  ,d\xC3\xA1g,aantal\n");
	assert_int_equal(wfm_csv_map(r, cols, 4, idx, &e), WFM_OK);
	assert_int_equal(idx[0], 2);
	assert_int_equal(idx[1], 3);
	assert_int_equal(idx[2], 1);
	wfm_csv_free(r);
}

static void test_map_errors(void **state)
{
	int idx[4];
	wfm_err e = {0, ""};
	wfm_csv *r;

	(void)state;
	r = header("kanaal,lijn\n");
	assert_int_equal(wfm_csv_map(r, cols, 4, idx, &e), WFM_EDATA);
	assert_int_equal(e.code, WFM_EDATA);
	assert_string_equal(e.msg, "exp.csv:1: missing columns 'date', 'offered'");
	wfm_csv_free(r);

	r = header("\n\ndatum;kanaal\n");
	assert_int_equal(wfm_csv_map(r, cols, 4, idx, &e), WFM_EDATA);
	assert_string_equal(e.msg, "exp.csv:3: missing column 'offered'");
	wfm_csv_free(r);

	r = header("Datum,aantal,date\n");
	assert_int_equal(wfm_csv_map(r, cols, 4, idx, &e), WFM_EDATA);
	assert_string_equal(e.msg, "exp.csv:1: column 'date' given twice: 'Datum' and 'date'");
	wfm_csv_free(r);

	/* given twice wins over missing; NULL error is allowed */
	r = header("Aantal;AANGEBODEN\n");
	assert_int_equal(wfm_csv_map(r, cols, 4, idx, &e), WFM_EDATA);
	assert_string_equal(e.msg,
			    "exp.csv:1: column 'offered' given twice: 'Aantal' and 'AANGEBODEN'");
	assert_int_equal(wfm_csv_map(r, cols, 4, idx, NULL), WFM_EDATA);
	wfm_csv_free(r);
}

static void fold_is(const char *s, size_t n, const char *want)
{
	char out[64];

	memset(out, 'Z', sizeof out);
	wfm_fold(s, out, n);
	assert_string_equal(out, want);
}

static void test_fold(void **state)
{
	char in[16], want[16];
	size_t i;

	(void)state;
	for (i = 0; i < N(ref_fold); i++) {
		fold_is(ref_fold[i].s, 64, ref_fold[i].folded);
		snprintf(in, sizeof in, "X%s-9", ref_fold[i].s);
		snprintf(want, sizeof want, "x%s9", ref_fold[i].folded);
		fold_is(in, 64, want);
	}
	fold_is("Afhandeltijd (s)", 64, "afhandeltijds");
	fold_is("\xC3\x89T\xC3\x89", 64, "ete");                       /* ÉTÉ */
	fold_is("Stra\xC3\x9F" "e", 64, "strasse");                    /* Straße */
	fold_is("\xC5\x92uvre", 64, "oeuvre");                         /* Œuvre */
	fold_is("\xC5\x81\xC3\x93" "D\xC5\xB9", 64, "lodz");           /* ŁÓDŹ */
	fold_is("\xC4\xB2sselmeer", 64, "ijsselmeer");                 /* Ĳsselmeer */
	fold_is("Lijn 1700", 64, "lijn1700");
	fold_is("caf\xE9 au lait", 64, "cafaulait");                   /* Latin-1 byte */
	fold_is("\xE3\x80x\xC3\xA9\xA9", 64, "xe");                     /* cut, stray bytes */
	fold_is("\xC1\x81" "b\xF0\x9F\x93\x9E", 64, "b");                /* overlong, emoji */
	fold_is("\xE6\x97\xA5\xE6\x9C\xAC", 64, "");                   /* 日本 */
	fold_is("\xC2\xA0 #+/_", 64, "");
	fold_is("Abcdef", 4, "abc");
	fold_is("\xC3\x86gir", 2, "a");                                /* Ægir, cut in "ae" */
	fold_is("x", 1, "");
	fold_is(NULL, 8, "");
}

static void show_is(const char *s, size_t n, const char *want)
{
	char out[256];

	memset(out, 'Z', sizeof out);
	assert_ptr_equal(wfm_csv_show(s, out, n), out);
	assert_string_equal(out, want);
}

static void test_show(void **state)
{
	char s40[41], s41[42], want[48], e45[91], ewant[96];

	(void)state;
	show_is("abc", 256, "abc");
	show_is("a\x01" "b\tc\n", 256, "a\\x01b\\x09c\\x0A");
	show_is("caf\xE9", 256, "caf\\xE9");
	show_is("caf\xC3\xA9", 256, "caf\xC3\xA9");
	show_is("\xC2\x85\x7F", 256, "\\xC2\\x85\\x7F");
	show_is(NULL, 256, "");
	memset(s40, 'x', 40);
	s40[40] = '\0';
	show_is(s40, 256, s40);
	memset(s41, 'y', 41);
	s41[41] = '\0';
	memset(want, 'y', 40);
	memcpy(want + 40, "...", 4);
	show_is(s41, 256, want);
	for (int i = 0; i < 45; i++)
		memcpy(e45 + 2 * i, "\xC3\xA9", 2);
	e45[90] = '\0';
	memcpy(ewant, e45, 80);
	memcpy(ewant + 80, "...", 4);
	show_is(e45, 256, ewant);
	/* a small buffer cuts between characters */
	show_is("abcdef", 5, "abcd");
	show_is("ab\x01", 5, "ab");
	show_is("a\xC3\xA9", 3, "a");
	show_is("abc", 1, "");
}

static void test_blank_record(void **state)
{
	wfm_err e = {0, ""};
	wfm_csv *r = header("a;b\n;;\n \"\" ; \"\xC2\xA0\"\n;x\n");

	(void)state;
	assert_false(wfm_csv_blank_record(r));
	assert_int_equal(wfm_csv_next(r, &e), 1);
	assert_true(wfm_csv_blank_record(r));
	assert_int_equal(wfm_csv_nfields(r), 3);
	assert_int_equal(wfm_csv_next(r, &e), 1);
	assert_true(wfm_csv_blank_record(r));
	assert_int_equal(wfm_csv_next(r, &e), 1);
	assert_false(wfm_csv_blank_record(r));
	assert_int_equal(wfm_csv_next(r, &e), 0);
	assert_true(wfm_csv_blank_record(r));
	wfm_csv_free(r);
}

static void test_cell_error(void **state)
{
	wfm_err e = {0, ""};
	wfm_csv *r = header("datum\n\n30/02/2024\n");

	(void)state;
	assert_int_equal(wfm_csv_next(r, &e), 1);
	assert_int_equal(wfm_csv_line(r), 3);
	assert_int_equal(wfm_csv_cell_error(r, &e, "Datum", "no such day", wfm_csv_field(r, 0)),
			 WFM_EDATA);
	assert_int_equal(e.code, WFM_EDATA);
	assert_string_equal(e.msg, "exp.csv:3: column 'Datum': no such day: '30/02/2024'");
	assert_int_equal(wfm_csv_cell_error(r, &e, "x", "not a date", "a\x01\xE9"), WFM_EDATA);
	assert_string_equal(e.msg, "exp.csv:3: column 'x': not a date: 'a\\x01\\xE9'");
	assert_int_equal(wfm_csv_cell_error(r, NULL, "x", "y", "z"), WFM_EDATA);
	wfm_csv_free(r);
}

/* Once the header is taken, every record that is not blank must have its
 * field count: an error of that record only, after which reading goes on;
 * field errors name the header's cell. */
static void test_field_count(void **state)
{
	wfm_err e = {0, ""};
	wfm_csv *r = header("datum,aantal,aht\n2024-03-04,44,42,241,5\n2024-03-05,1\n"
			    ",,,,\n2024-03-06,3,200\n");

	(void)state;
	assert_int_equal(wfm_csv_keep_header(r, &e), WFM_OK);
	assert_string_equal(wfm_csv_head(r, 1), "aantal");
	assert_string_equal(wfm_csv_head(r, 3), "");
	assert_int_equal(wfm_csv_next(r, &e), -1);
	assert_int_equal(e.code, WFM_EDATA);
	assert_string_equal(e.msg, "exp.csv:2: 5 fields where the header has 3 (a ',' in a "
			    "value that is not quoted?)");
	assert_true(wfm_csv_row_failed(r));
	assert_int_equal(wfm_csv_nfields(r), 5);
	assert_string_equal(wfm_csv_field(r, 4), "5");
	assert_int_equal(wfm_csv_next(r, &e), -1);
	assert_string_equal(e.msg, "exp.csv:3: 2 fields where the header has 3 (a ',' in a "
			    "value that is not quoted?)");
	assert_int_equal(wfm_csv_next(r, &e), 1); /* blank: any count */
	assert_false(wfm_csv_row_failed(r));
	assert_true(wfm_csv_blank_record(r));
	assert_int_equal(wfm_csv_next(r, &e), 1);
	assert_string_equal(wfm_csv_field(r, 2), "200");
	assert_int_equal(wfm_csv_next(r, &e), 0);
	wfm_csv_free(r);

	r = header("datum;Aangeboden\n2024-03-04;caf\xE9\n");
	assert_int_equal(wfm_csv_keep_header(r, &e), WFM_OK);
	assert_int_equal(wfm_csv_next(r, &e), -1);
	assert_false(wfm_csv_row_failed(r));
	assert_string_equal(e.msg, "exp.csv:2: column 'Aangeboden': not UTF-8 (the file looks "
			    "like Latin-1/Windows-1252: convert it with iconv -f latin1 -t utf-8): "
			    "'caf\\xE9'");
	assert_int_equal(wfm_csv_next(r, &e), -1); /* sticky */
	wfm_csv_free(r);

	r = header("a;b\n1;2;\"x\n");
	assert_int_equal(wfm_csv_keep_header(r, &e), WFM_OK);
	assert_int_equal(wfm_csv_next(r, &e), -1);
	assert_string_equal(e.msg, "exp.csv:2: field 3 (the header has 2): unterminated quote: "
			    "'\"x\\x0A'");
	wfm_csv_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_comma_lf),
		cmocka_unit_test(test_semicolon_bom_crlf),
		cmocka_unit_test(test_tab),
		cmocka_unit_test(test_tab_decimal),
		cmocka_unit_test(test_quoted),
		cmocka_unit_test(test_blank_lines_and_spaces),
		cmocka_unit_test(test_sniffing),
		cmocka_unit_test(test_forced_options),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_encoding_errors),
		cmocka_unit_test(test_binary_junk),
		cmocka_unit_test(test_long_inputs),
		cmocka_unit_test(test_open_errors),
		cmocka_unit_test(test_file_and_stdin),
		cmocka_unit_test(test_map),
		cmocka_unit_test(test_map_errors),
		cmocka_unit_test(test_fold),
		cmocka_unit_test(test_show),
		cmocka_unit_test(test_blank_record),
		cmocka_unit_test(test_cell_error),
		cmocka_unit_test(test_field_count),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
