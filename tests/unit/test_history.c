/* Unit tests for lib/history*.c: reading exports, aggregation, merge, checks. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/sortctx.h"
#include "history/history.h"
#include "setup/calendar.h"

/* Writes `text` to a fresh temporary file; returns its malloc'd path. */
static char *tmpfile_with(const char *text)
{
	char *path = malloc(64);
	int fd;
	FILE *f;

	snprintf(path, 64, "/tmp/wfm-test-hist-XXXXXX");
	fd = mkstemp(path);
	assert_true(fd >= 0);
	f = fdopen(fd, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	return path;
}

static wfm_read_opts opts15(void)
{
	wfm_read_opts o;

	memset(&o, 0, sizeof o);
	o.interval = 15;
	return o;
}

static wfm_hist *read_text(const char *text, const wfm_read_opts *o, wfm_err *e, int *rc)
{
	char *p = tmpfile_with(text);
	wfm_hist *h = wfm_hist_new(NULL);

	*rc = wfm_hist_read(h, p, 0, o, NULL, e);
	unlink(p);
	free(p);
	return h;
}

static void test_channel_names(void **state)
{
	(void)state;
	assert_int_equal(wfm_channel_parse("Telefoon"), WFM_CH_PHONE);
	assert_int_equal(wfm_channel_parse("E-mail"), WFM_CH_EMAIL);
	assert_int_equal(wfm_channel_parse(" mail "), WFM_CH_EMAIL);
	assert_int_equal(wfm_channel_parse("Chat"), WFM_CH_CHAT);
	assert_int_equal(wfm_channel_parse("Sociale media"), WFM_CH_SOCIAL);
	assert_int_equal(wfm_channel_parse("terugbelverzoek"), WFM_CH_CALLBACK);
	assert_int_equal(wfm_channel_parse("fax"), -1);
	assert_int_equal(wfm_channel_parse(""), -1);
	assert_string_equal(wfm_channel_name(WFM_CH_CALLBACK), "callback");
	assert_true(wfm_channel_deferred(WFM_CH_EMAIL));
	assert_false(wfm_channel_deferred(WFM_CH_CHAT));
}

/* Three 5-minute rows into one 15-minute row: counts summed, AHT weighted by
 * handled: (8*300 + 4*200 + 2*100) / 14 = 3400/14 = 242.857... -> 242.86. */
static void test_aggregate_weighted(void **state)
{
	wfm_read_opts o = opts15();
	wfm_err e;
	int rc;
	wfm_hist *h = read_text("Datum;Interval;Kanaal;Lijn;Aangeboden;Beantwoord;Afhandeltijd\n"
				"4/03/2024;09:10-09:15;telefoon;1700;3;2;100\n"
				"4/03/2024;09:00-09:05;telefoon;1700;10;8;300\n"
				"4/03/2024;09:05-09:10;telefoon;1700;5;4;200\n"
				"4/03/2024;09:15-09:20;telefoon;1700;7;7;60,5\n",
				&o, &e, &rc);
	const wfm_hrow *r;

	(void)state;
	assert_int_equal(rc, WFM_OK);
	assert_int_equal(wfm_hist_count(h), 2);
	wfm_hist_sort(h);
	r = wfm_hist_rows(h);
	assert_int_equal(r[0].time, 9 * 60);
	assert_true(r[0].offered == 18 && r[0].handled == 14);
	assert_true(fabs(r[0].aht - 242.86) < 1e-9);
	assert_int_equal(r[0].src_line, 2); /* the earliest contributing line */
	assert_int_equal(r[1].time, 9 * 60 + 15);
	assert_true(r[1].offered == 7 && fabs(r[1].aht - 60.5) < 1e-9);
	wfm_hist_free(h);
}

/* Handled unknown: the aggregate's handled is unknown and AHT is weighted by
 * offered: (10*100 + 30*200) / 40 = 175. */
static void test_aggregate_by_offered(void **state)
{
	wfm_read_opts o = opts15();
	wfm_err e;
	int rc;
	wfm_hist *h = read_text("date,time,channel,line,offered,aht_s\n"
				"2024-03-04,10:00,chat,1700,10,100\n"
				"2024-03-04,10:05,chat,1700,30,200\n", &o, &e, &rc);

	(void)state;
	assert_int_equal(rc, WFM_OK);
	assert_int_equal(wfm_hist_count(h), 1);
	assert_true(isnan(wfm_hrow_handled(&wfm_hist_rows(h)[0])));
	assert_int_equal(wfm_hist_rows(h)[0].handled, -1);
	assert_true(fabs(wfm_hist_rows(h)[0].aht - 175) < 1e-9);
	wfm_hist_free(h);
}

static void test_interval_too_long(void **state)
{
	wfm_read_opts o = opts15();
	wfm_err e;
	int rc;
	wfm_hist *h = read_text("date,time,channel,line,offered\n"
				"2024-03-04,09:00-09:30,phone,1700,10\n", &o, &e, &rc);

	(void)state;
	assert_int_equal(rc, WFM_EDATA);
	assert_non_null(strstr(e.msg, ":2: column 'time': longer than the 15-minute grid: "
			       "'09:00-09:30'"));
	assert_int_equal(wfm_hist_count(h), 0);
	wfm_hist_free(h);
}

static void test_duplicate_key(void **state)
{
	wfm_read_opts o = opts15();
	wfm_err e;
	int rc;
	wfm_hist *h = read_text("date,time,channel,line,offered\n"
				"2024-03-04,09:00,phone,1700,10\n"
				"2024-03-04,09:15,phone,1700,11\n"
				"04/03/2024,09:00,telefoon,1700,12\n", &o, &e, &rc);

	(void)state;
	assert_int_equal(rc, WFM_EDATA);
	assert_non_null(strstr(e.msg, ":4: duplicate key (date 2024-03-04, time 09:00, "
			       "channel phone, line 1700): also on line 2"));
	assert_int_equal(wfm_hist_count(h), 0);
	wfm_hist_free(h);
}

static void test_day_and_interval_mix(void **state)
{
	wfm_read_opts o = opts15();
	wfm_err e;
	int rc;
	wfm_hist *h = read_text("date,time,channel,line,offered\n"
				"2024-03-04,09:00,email,1700,10\n"
				"2024-03-04,,email,1700,40\n"
				"2024-03-04,09:15,email,1700,10\n", &o, &e, &rc);

	(void)state;
	assert_int_equal(rc, WFM_EDATA);
	assert_non_null(strstr(e.msg, "whole-day and interval rows for date 2024-03-04, "
			       "channel email, line 1700"));
	wfm_hist_free(h);
}

static int count_rejects(void *ctx, const char *file, long line, const char *reason,
			 const wfm_csv *r)
{
	int *n = ctx;

	(void)r;
	assert_non_null(file);
	assert_true(line >= 3 && line <= 6);
	assert_non_null(strstr(reason, ":"));
	(*n)++;
	return WFM_OK;
}

static void test_skip_bad(void **state)
{
	wfm_read_opts o = opts15();
	wfm_read_stats st;
	wfm_err e;
	int rc, n = 0;
	wfm_hist *h;

	(void)state;
	memset(&st, 0, sizeof st);
	o.reject = count_rejects;
	o.reject_ctx = &n;
	{
		char *p = tmpfile_with("date,time,channel,line,offered\n"
				       "2024-03-04,09:00,phone,1700,10\n"
				       "2024-02-30,09:00,phone,1700,10\n"
				       "2024-03-04,09:15,phone,1700,-1\n"
				       "2024-03-04,09:00,phone,1700,10\n"
				       "2024-03-04,09:30,fax,1700,1\n"
				       "2024-03-05,09:30,chat,BELAST,4\n");

		h = wfm_hist_new(NULL);
		rc = wfm_hist_read(h, p, 0, &o, &st, &e);
		unlink(p);
		free(p);
	}
	assert_int_equal(rc, WFM_OK);
	assert_int_equal(n, 4);
	assert_int_equal(st.rows, 6);
	assert_int_equal(st.rejected, 4);
	assert_int_equal(st.kept, 2);
	assert_int_equal(wfm_hist_count(h), 2);
	wfm_read_stats_release(&st);
	wfm_hist_free(h);
}

/* Strict rows: the header's field count, handled <= offered, upper bounds,
 * years 1900-2199; each message names the file's own column and the value. */
static void read_bad(const char *text, const char *want)
{
	wfm_read_opts o = opts15();
	wfm_err e;
	int rc;
	wfm_hist *h = read_text(text, &o, &e, &rc);

	assert_int_equal(rc, WFM_EDATA);
	if (!strstr(e.msg, want))
		fail_msg("got '%s', want '%s'", e.msg, want);
	assert_int_equal(wfm_hist_count(h), 0);
	wfm_hist_free(h);
}

static void test_strict_rows(void **state)
{
	(void)state;
	read_bad("date,time,channel,line,offered,handled,aht_s\n"
		 "2024-03-04,09:00,phone,1700,44,42,241,5\n",
		 ":2: 8 fields where the header has 7 (a ',' in a value that is not quoted?)");
	read_bad("date,time,channel,line,offered,handled,aht_s\n"
		 "2024-03-04,09:00,phone,1700,44\n", ":2: 5 fields where the header has 7");
	read_bad("Datum;Tijd;Kanaal;Lijn;Aangeboden;Behandeld\n"
		 "4/03/2024;09:00;telefoon;1700;44;45\n",
		 ":2: column 'Behandeld': more than offered (44): '45'");
	read_bad("date,channel,line,offered\n2024-03-04,phone,1700,1000000001\n",
		 ":2: column 'offered': more than 1000000000: '1000000001'");
	read_bad("date,channel,line,offered,AHT\n2024-03-04,phone,1700,4,86400.01\n",
		 ":2: column 'AHT': more than 86400 seconds (a day): '86400.01'");
	read_bad("date,channel,line,offered,aht_s\n2024-03-04,phone,1700,4,"
		 "666666666666666666666666666666666300\n",
		 ":2: column 'aht_s': more than 86400 seconds (a day): '666666666666666666666666");
	read_bad("date,channel,line,offered\n9999-12-31,phone,1700,4\n",
		 ":2: column 'date': year outside 1900-2199: '9999-12-31'");
	read_bad("date,channel,line,offered\n1024-01-01,phone,1700,4\n",
		 ":2: column 'date': year outside 1900-2199: '1024-01-01'");
	read_bad("date,channel,line,offered\n2024-01-01,phone,1700,1e400\n",
		 ":2: column 'offered': exponent not allowed (write the digits): '1e400'");
	read_bad("date,channel,line,offered\n2024-01-01,phone,1700,NaN\n",
		 ":2: column 'offered': not a finite number: 'NaN'");
}

/* A row with the wrong field count is one rejected row under --skip-bad. */
/* Handled above offered: impossible for a live channel's interval, normal
 * for a day of e-mail or callbacks that works the backlog down. */
static void test_handled_above_offered(void **state)
{
	wfm_read_opts o = opts15();
	wfm_err e;
	int rc;
	wfm_hist *h = read_text("date,time,channel,line,offered,handled\n"
				"2024-03-04,,email,1700,44,60\n"
				"2024-03-04,,callback,1700,10,12\n", &o, &e, &rc);

	(void)state;
	assert_int_equal(rc, WFM_OK);
	assert_int_equal(wfm_hist_count(h), 2);
	wfm_hist_free(h);
	read_bad("date,time,channel,line,offered,handled\n2024-03-04,10:00,chat,1700,4,5\n",
		 ":2: column 'handled': more than offered (4): '5'");
	read_bad("date,time,channel,line,offered,handled\n2024-03-04,,email,1700,4,1000000001\n",
		 ":2: column 'handled': more than 1000000000: '1000000001'");
}

static void test_skip_bad_width(void **state)
{
	wfm_read_opts o = opts15();
	wfm_read_stats st;
	wfm_err e;
	int rc, n = 0;
	wfm_hist *h;
	char *p = tmpfile_with("date,time,channel,line,offered\n"
			       "2024-03-04,09:00,phone,1700,10\n"
			       "2024-03-04,09:15,phone,1700,1,234\n"
			       "2024-03-04,09:30,phone,1700\n"
			       "2024-03-04,09:45,phone,1700,12\n");

	(void)state;
	memset(&st, 0, sizeof st);
	o.reject = count_rejects;
	o.reject_ctx = &n;
	h = wfm_hist_new(NULL);
	rc = wfm_hist_read(h, p, 0, &o, &st, &e);
	unlink(p);
	free(p);
	assert_int_equal(rc, WFM_OK);
	assert_int_equal(n, 2);
	assert_int_equal(st.rows, 4);
	assert_int_equal(st.rejected, 2);
	assert_int_equal(wfm_hist_count(h), 2);
	wfm_read_stats_release(&st);
	wfm_hist_free(h);
}

static wfm_hist *hist_of(const char *text)
{
	wfm_read_opts o = opts15();
	wfm_err e;
	int rc;
	wfm_hist *h = read_text(text, &o, &e, &rc);

	if (rc != WFM_OK)
		fail_msg("%s", e.msg);
	return h;
}

static void test_sort_order(void **state)
{
	wfm_hist *h = hist_of("date,time,channel,line,offered\n"
			      "2024-03-05,09:00,phone,1700,1\n"
			      "2024-03-04,09:15,phone,1700,2\n"
			      "2024-03-04,09:00,chat,1700,3\n"
			      "2024-03-04,09:00,phone,WONEN,4\n"
			      "2024-03-04,09:00,phone,1700,5\n"
			      "2024-03-04,,email,1700,6\n");
	const wfm_hrow *r;
	static const double want[] = {6, 5, 4, 3, 2, 1};

	(void)state;
	wfm_hist_sort(h);
	r = wfm_hist_rows(h);
	for (size_t i = 0; i < 6; i++)
		assert_true(r[i].offered == want[i]);
	wfm_hist_free(h);
}

static void test_merge(void **state)
{
	wfm_hist *base = hist_of("date,time,channel,line,offered,handled,aht_s\n"
				 "2024-03-04,09:00,phone,1700,10,9,300\n"
				 "2024-03-04,09:15,phone,1700,11,10,301.5\n");
	wfm_hist *same = hist_of("date,time,channel,line,offered,handled,aht_s\n"
				 "2024-03-04,09:15,phone,1700,11,10,301.50\n"
				 "2024-03-04,09:30,phone,1700,12,12,280\n"
				 "2024-03-04,09:30,phone,BELAST,1,1,20\n");
	wfm_hist *diff = hist_of("date,time,channel,line,offered,handled,aht_s\n"
				 "2024-03-04,09:00,phone,1700,10,9,300\n"
				 "2024-03-04,09:15,phone,1700,13,10,301.5\n");
	wfm_merge_result m;
	wfm_err e;

	(void)state;
	assert_int_equal(wfm_hist_merge(base, same, 0, &m, &e), WFM_OK);
	assert_int_equal(m.added, 2);
	assert_int_equal(m.same, 1);
	assert_int_equal(m.nconflicts, 0);
	assert_int_equal(wfm_hist_count(base), 4);
	assert_int_equal(wfm_hist_count(same), 0);

	/* a conflict leaves base as it was */
	assert_int_equal(wfm_hist_merge(base, diff, 0, &m, &e), WFM_EDATA);
	assert_int_equal(m.nconflicts, 1);
	assert_true(m.conflicts[0].old_row.offered == 11 && m.conflicts[0].new_row.offered == 13);
	assert_int_equal(m.conflicts[0].new_row.src_line, 3);
	assert_string_equal(e.msg, "1 conflicting row");
	wfm_merge_result_release(&m);
	assert_int_equal(wfm_hist_count(base), 4);
	assert_true(wfm_hist_rows(base)[1].offered == 11);
	wfm_hist_free(diff);

	/* with replace, the new value wins */
	diff = hist_of("date,time,channel,line,offered,handled,aht_s\n"
		       "2024-03-04,09:15,phone,1700,13,10,301.5\n");
	assert_int_equal(wfm_hist_merge(base, diff, 1, &m, &e), WFM_OK);
	assert_int_equal(m.replaced, 1);
	assert_int_equal(wfm_hist_count(base), 4);
	assert_true(wfm_hist_rows(base)[1].offered == 13);
	wfm_merge_result_release(&m);
	wfm_hist_free(diff);
	wfm_hist_free(same);
	wfm_hist_free(base);
}

/* Random histories merged in place, checked against what a merge must give:
 * the union of the keys in canonical order, every row with its values, the
 * counts right.  Values are a function of the key, so rows never conflict;
 * a series is whole-day or per interval by its (date, channel, line). */
static unsigned rnd(unsigned *st)
{
	*st = *st * 1103515245u + 12345u;
	return (*st >> 16) & 0x7fff;
}

static void random_text(FILE *f, unsigned *st, int n, int *keys)
{
	static const char *const lines[] = {"1700", "BELAST", "ONDERW", "WONEN"};
	static const char *const chans[] = {"phone", "email", "chat"};
	int k, seen;

	fputs("date,time,channel,line,offered,handled,aht_s\n", f);
	for (k = 0; k < n; k++) {
		int d = (int)(rnd(st) % 6), c = (int)(rnd(st) % 3), l = (int)(rnd(st) % 4);
		int day = (d + c + l) % 3 == 0, t = day ? -1 : (int)(rnd(st) % 8);
		int key = ((d * 3 + c) * 4 + l) * 9 + t + 1;

		seen = keys[key];
		keys[key] |= 1;
		if (seen & 1)
			continue;
		if (day)
			fprintf(f, "2024-03-%02d,,%s,%s,%d,,\n", 4 + d, chans[c], lines[l], key % 50);
		else
			fprintf(f, "2024-03-%02d,%02d:%02d,%s,%s,%d,%d,%d.5\n", 4 + d, 9 + t / 4,
				t % 4 * 15, chans[c], lines[l], key % 50 + 5, key % 50, key % 300);
	}
}

static wfm_hist *random_hist(unsigned *st, int n, int *keys)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	wfm_hist *h;
	int k;

	assert_non_null(f);
	for (k = 0; k < 6 * 3 * 4 * 9; k++)
		keys[k] &= ~1;
	random_text(f, st, n, keys);
	fclose(f);
	h = hist_of(text);
	free(text);
	return h;
}

static void test_merge_random(void **state)
{
	unsigned st = 7;
	int round;

	(void)state;
	for (round = 0; round < 200; round++) {
		int kb[6 * 3 * 4 * 9] = {0}, ki[6 * 3 * 4 * 9] = {0}, k, both = 0, nb = 0, ni = 0;
		wfm_hist *base = random_hist(&st, (int)(rnd(&st) % 60), kb);
		wfm_hist *in = random_hist(&st, (int)(rnd(&st) % 60), ki);
		wfm_merge_result m;
		wfm_err e;
		const wfm_hrow *r;
		size_t i;

		for (k = 0; k < 6 * 3 * 4 * 9; k++) {
			nb += kb[k] & 1;
			ni += ki[k] & 1;
			both += (kb[k] & ki[k] & 1);
		}
		assert_int_equal(wfm_hist_merge(base, in, round % 2, &m, &e), WFM_OK);
		assert_int_equal(m.nconflicts, 0);
		assert_int_equal(m.same, both);
		assert_int_equal(m.added, ni - both);
		assert_int_equal(m.replaced, 0);
		assert_int_equal(wfm_hist_count(base), nb + ni - both);
		r = wfm_hist_rows(base);
		for (i = 0; i < wfm_hist_count(base); i++) {
			const char *code = wfm_hist_line(base, r[i].line);
			int l = strcmp(code, "1700") == 0 ? 0 : strcmp(code, "BELAST") == 0 ? 1 :
				strcmp(code, "ONDERW") == 0 ? 2 : 3;
			int c = r[i].channel == WFM_CH_PHONE ? 0 : r[i].channel == WFM_CH_EMAIL ? 1 : 2;
			int d = r[i].date - wfm_date_from_ymd(2024, 3, 4);
			int t = r[i].time < 0 ? -1 : (r[i].time - 540) / 15;
			int key = ((d * 3 + c) * 4 + l) * 9 + t + 1;

			assert_true((kb[key] | ki[key]) & 1);
			assert_int_equal(r[i].offered, key % 50 + (t >= 0 ? 5 : 0));
			if (i > 0) { /* canonical order, keys unique */
				const wfm_hrow *p = &r[i - 1];

				assert_true(p->date < r[i].date || (p->date == r[i].date &&
					    (p->time < r[i].time || (p->time == r[i].time &&
					     (p->channel < r[i].channel || (p->channel == r[i].channel &&
					      strcmp(wfm_hist_line(base, p->line), code) < 0))))));
			}
		}
		wfm_merge_result_release(&m);
		wfm_hist_free(base);
		wfm_hist_free(in);
	}
}

static void test_merge_day_vs_intervals(void **state)
{
	wfm_hist *base = hist_of("date,time,channel,line,offered\n"
				 "2024-03-04,09:00,email,1700,10\n"
				 "2024-03-04,09:15,email,1700,11\n");
	wfm_hist *day = hist_of("date,time,channel,line,offered\n2024-03-04,,email,1700,21\n");
	wfm_merge_result m;

	(void)state;
	assert_int_equal(wfm_hist_merge(base, day, 0, &m, NULL), WFM_EDATA);
	assert_int_equal(m.nconflicts, 1);
	wfm_merge_result_release(&m);
	wfm_hist_free(day);
	day = hist_of("date,time,channel,line,offered\n2024-03-04,,email,1700,21\n");
	assert_int_equal(wfm_hist_merge(base, day, 1, &m, NULL), WFM_OK);
	assert_int_equal(wfm_hist_count(base), 1);
	assert_int_equal(wfm_hist_rows(base)[0].time, -1);
	wfm_merge_result_release(&m);
	wfm_hist_free(day);
	wfm_hist_free(base);
}

/* Round trip: write canonical, read back, identical (merge says all same). */
static void test_write_read_back(void **state)
{
	wfm_hist *h = hist_of("date,time,channel,line,offered,handled,aht_s\n"
			      "2024-03-04,09:00,phone,\"LINE, X\",10,,300.25\n"
			      "2024-03-04,,email,1700,10,9,\n");
	wfm_hist *back = wfm_hist_new(NULL);
	wfm_merge_result m;
	char buf[4096];
	FILE *f = fmemopen(buf, sizeof buf, "w");
	char *p;
	wfm_read_opts o = opts15();

	(void)state;
	wfm_hist_sort(h);
	assert_int_equal(wfm_hist_write(h, f, 0, NULL), WFM_OK);
	fclose(f);
	assert_string_equal(buf, "date,time,channel,line,offered,handled,aht_s\n"
			    "2024-03-04,,email,1700,10,9,\n"
			    "2024-03-04,09:00,phone,\"LINE, X\",10,,300.25\n");
	p = tmpfile_with(buf);
	assert_int_equal(wfm_hist_read(back, p, 0, &o, NULL, NULL), WFM_OK);
	unlink(p);
	free(p);
	assert_int_equal(wfm_hist_merge(h, back, 0, &m, NULL), WFM_OK);
	assert_int_equal(m.same, 2);
	assert_int_equal(m.added, 0);
	wfm_merge_result_release(&m);
	wfm_hist_free(back);
	wfm_hist_free(h);
}

static void test_check_gaps(void **state)
{
	/* Thu 2024-03-28, Easter Monday 2024-04-01 closed; Tue 04-02 missing. */
	wfm_hist *h = hist_of("date,time,channel,line,offered\n"
			      "2024-03-28,09:00,phone,1700,1\n"
			      "2024-03-29,08:45,phone,1700,1\n"
			      "2024-04-01,09:00,phone,1700,1\n"
			      "2024-04-03,19:00,phone,1700,1\n");
	wfm_calendar *cal = wfm_calendar_new(WFM_HOLIDAYS_BE, NULL);
	wfm_series_check *sc;
	size_t n;

	(void)state;
	wfm_hist_sort(h);
	assert_int_equal(wfm_hist_check(h, cal, &sc, &n, NULL), WFM_OK);
	assert_int_equal(n, 1);
	assert_int_equal(sc[0].days, 4);
	assert_int_equal(sc[0].gaps, 1);
	assert_int_equal(sc[0].gap[0], wfm_date_from_ymd(2024, 4, 2));
	assert_int_equal(sc[0].closed_rows, 1);
	assert_int_equal(sc[0].closed_first, wfm_date_from_ymd(2024, 4, 1));
	assert_int_equal(sc[0].outside_rows, 2);
	assert_int_equal(sc[0].outside_first, wfm_date_from_ymd(2024, 3, 29));
	assert_int_equal(sc[0].outside_time, 8 * 60 + 45);
	free(sc);
	wfm_calendar_free(cal);
	wfm_hist_free(h);
}

struct pair {
	int key, seq;
};

static int cmp_pair(const void *a, const void *b, const void *ctx)
{
	const struct pair *x = a, *y = b;

	assert_ptr_equal(ctx, (const void *)cmp_pair);
	return (x->key > y->key) - (x->key < y->key);
}

/* The merge sort is a sort and stable, checked against an insertion sort. */
static void test_sort_stable(void **state)
{
	struct pair a[300] = {{0, 0}}, b[300];
	unsigned s = 12345;

	(void)state;
	for (size_t n = 0; n < 300; n += 7) {
		for (size_t i = 0; i < n; i++) {
			s = s * 1103515245u + 12345u;
			a[i].key = (int)((s >> 16) % 10);
			a[i].seq = (int)i;
		}
		memcpy(b, a, sizeof a);
		for (size_t i = 1; i < n; i++)
			for (size_t j = i; j > 0 && b[j - 1].key > b[j].key; j--) {
				struct pair t = b[j];

				b[j] = b[j - 1];
				b[j - 1] = t;
			}
		assert_int_equal(wfm_sort(a, n, sizeof a[0], cmp_pair, (const void *)cmp_pair), 0);
		assert_memory_equal(a, b, n * sizeof a[0] + (n == 0));
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_channel_names),
		cmocka_unit_test(test_aggregate_weighted),
		cmocka_unit_test(test_aggregate_by_offered),
		cmocka_unit_test(test_interval_too_long),
		cmocka_unit_test(test_duplicate_key),
		cmocka_unit_test(test_day_and_interval_mix),
		cmocka_unit_test(test_skip_bad),
		cmocka_unit_test(test_strict_rows),
		cmocka_unit_test(test_handled_above_offered),
		cmocka_unit_test(test_skip_bad_width),
		cmocka_unit_test(test_sort_order),
		cmocka_unit_test(test_merge),
		cmocka_unit_test(test_merge_random),
		cmocka_unit_test(test_merge_day_vs_intervals),
		cmocka_unit_test(test_write_read_back),
		cmocka_unit_test(test_check_gaps),
		cmocka_unit_test(test_sort_stable),
	};

	return cmocka_run_group_tests_name("history", tests, NULL, NULL);
}
