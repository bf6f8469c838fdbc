/* Unit tests for lib/run/weekrun.c: the week wfm-week plans, its ISO label,
 * the inbox, moving ingested exports, the snapshots of a span, the expected
 * volumes a forecast from the Monday can take, the backlog's date. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/date.h"
#include "run/weekrun.h"
#include "run/wfm.h"

static char dir[64];

static int setup(void **state)
{
	(void)state;
	wfm_init();
	snprintf(dir, sizeof dir, "/tmp/wfm-test-week-XXXXXX");
	return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static const char *at(const char *name)
{
	static char buf[4][256];
	static int k;
	char *b = buf[k++ & 3];

	snprintf(b, 256, "%s/%s", dir, name);
	return b;
}

static void put(const char *name, const char *text)
{
	FILE *f = fopen(at(name), "w");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static char *slurp(const char *name)
{
	static char buf[4096];
	FILE *f = fopen(at(name), "r");
	size_t n;

	assert_non_null(f);
	n = fread(buf, 1, sizeof buf - 1, f);
	buf[n] = 0;
	fclose(f);
	return buf;
}

static wfm_date iso(const char *s)
{
	int y, m, d;

	assert_int_equal(sscanf(s, "%d-%d-%d", &y, &m, &d), 3);
	return wfm_date_from_ymd(y, m, d);
}

/* The ISO week of a day and the Monday after its week, from Python's
 * datetime.date.isocalendar() (an implementation independent of ours):
 * the year's edges, 53-week years, the first and last years we take. */
static void test_label_and_next_monday(void **state)
{
	static const char *const ref[][3] = {
		{"2026-11-20", "2026-W47", "2026-11-23"}, {"2026-11-22", "2026-W47", "2026-11-23"},
		{"2026-11-23", "2026-W48", "2026-11-30"}, {"2020-12-31", "2020-W53", "2021-01-04"},
		{"2021-01-03", "2020-W53", "2021-01-04"}, {"2021-01-04", "2021-W01", "2021-01-11"},
		{"2024-12-30", "2025-W01", "2025-01-06"}, {"2015-12-31", "2015-W53", "2016-01-04"},
		{"2016-01-03", "2015-W53", "2016-01-04"}, {"2027-01-01", "2026-W53", "2027-01-04"},
		{"2009-12-31", "2009-W53", "2010-01-04"}, {"2010-01-03", "2009-W53", "2010-01-04"},
		{"1900-01-01", "1900-W01", "1900-01-08"}};
	char buf[16], want[32];
	size_t i;
	int y, w;

	(void)state;
	for (i = 0; i < sizeof ref / sizeof *ref; i++) {
		wfm_date d = iso(ref[i][0]);

		assert_string_equal(wfm_week_label(d, buf), ref[i][1]);
		assert_int_equal(wfm_week_next_monday(d), iso(ref[i][2]));
	}
	/* a second route: the Monday of every week date.h knows has its label,
	 * and so has every other day of that week */
	for (y = 1901; y <= 2198; y++)
		for (w = 1; w <= wfm_iso_weeks(y); w++) {
			wfm_date m = wfm_iso_week_monday(y, w);

			snprintf(want, sizeof want, "%04d-W%02d", y, w);
			assert_string_equal(wfm_week_label(m, buf), want);
			assert_string_equal(wfm_week_label(m + 6, buf), want);
			assert_int_equal(wfm_week_next_monday(m + (y + w) % 7), m + 7);
		}
}

static void test_inbox_and_done(void **state)
{
	wfm_week_names l = {0};
	wfm_err e = {0};
	char moved[512];

	(void)state;
	/* a missing folder is an empty inbox */
	assert_int_equal(wfm_week_inbox(at("inbox"), &l, &e), WFM_OK);
	assert_int_equal(l.n, 0);
	assert_int_equal(mkdir(at("inbox"), 0777), 0);
	assert_int_equal(mkdir(at("inbox/sub"), 0777), 0);
	put("inbox/b.csv", "new\n");
	put("inbox/a.tsv", "a\n");
	put("inbox/.hidden.csv", "x\n");
	put("inbox/b.csv~", "backup\n");
	put("inbox/b.csv.wfm-tmp.1.X", "tmp\n");
	assert_int_equal(wfm_week_inbox(at("inbox"), &l, &e), WFM_OK);
	assert_int_equal(l.n, 3);
	assert_string_equal(l.name[0], "a.tsv");
	assert_string_equal(l.name[1], "b.csv");
	assert_string_equal(l.name[2], "b.csv.wfm-tmp.1.X");
	wfm_week_names_release(&l);

	/* done/ is made; a name taken there gets .1, .2: nothing is replaced */
	assert_int_equal(wfm_week_move_done(at("inbox"), "b.csv", at("done"), moved,
					    sizeof moved, &e), WFM_OK);
	assert_string_equal(moved, at("done/b.csv"));
	assert_string_equal(slurp("done/b.csv"), "new\n");
	assert_int_equal(access(at("inbox/b.csv"), F_OK), -1);
	put("inbox/b.csv", "newer\n");
	assert_int_equal(wfm_week_move_done(at("inbox"), "b.csv", at("done"), moved,
					    sizeof moved, &e), WFM_OK);
	assert_string_equal(moved, at("done/b.csv.1"));
	assert_string_equal(slurp("done/b.csv"), "new\n");
	assert_string_equal(slurp("done/b.csv.1"), "newer\n");
	/* a file that is not there: an error, nothing made */
	assert_int_equal(wfm_week_move_done(at("inbox"), "gone.csv", at("done"), moved,
					    sizeof moved, &e), WFM_ECANTCREAT);
	assert_non_null(strstr(e.msg, "gone.csv"));
	assert_int_equal(access(at("done/gone.csv"), F_OK), -1);
}

static void test_snapshots(void **state)
{
	wfm_week_names l = {0};
	wfm_err e = {0};
	char name[32];

	(void)state;
	assert_int_equal(mkdir(at("snap"), 0777), 0);
	put("snap/forecast-2026-11-16.csv", "");
	put("snap/forecast-2026-10-12.csv", "");   /* 42 days before: outside */
	put("snap/forecast-2026-10-19.csv", "");   /* 35 days before: inside */
	put("snap/forecast-2026-11-23.csv", "");   /* the week's own: outside */
	put("snap/forecast-2026-02-30.csv", "");   /* no such day */
	put("snap/forecast-16-11-2026.csv", "");   /* not ISO */
	put("snap/forecast-2026-11-9.csv", "");
	put("snap/forecast-2026-11-17.csv.bak", "");
	put("snap/old-forecast-2026-11-18.csv", "");
	assert_int_equal(wfm_week_snapshots(at("snap"), iso("2026-11-23") - 35,
					    iso("2026-11-23") - 1, &l, &e), WFM_OK);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.name[0], "forecast-2026-10-19.csv");
	assert_string_equal(l.name[1], "forecast-2026-11-16.csv");
	wfm_week_names_release(&l);
	assert_string_equal(wfm_week_snapshot_name(iso("2026-11-23"), name),
			    "forecast-2026-11-23.csv");
}

static void test_expected(void **state)
{
	wfm_week_ev st;
	wfm_err e = {0};

	(void)state;
	put("ev.csv", "van;tot;kanaal;lijn;modus;waarde;opmerking\n"
	    "02/11/2026;06/11/2026;telefoon;1700;scale;1,2;past\n"
	    "16/11/2026;27/11/2026;e-mail;BELAST;add;90;goes on into the week\n"
	    "23/11/2026;27/11/2026;telefoon;ENERGIE;set;1500;\n"
	    "30/11/2026;31/12/2026;telefoon;ENERGIE;set;4800,5;\n"
	    "18/11/2026;20/11/2026;chat;WONEN;add;5;past\n");
	assert_int_equal(wfm_week_expected(at("ev.csv"), at("ev-out.csv"), iso("2026-11-23"), &st,
					   &e), WFM_OK);
	assert_int_equal(st.kept, 2);
	assert_int_equal(st.past, 2);
	assert_int_equal(st.cut, 1);
	assert_int_equal(st.cut_line, 3);
	assert_int_equal(st.last, iso("2026-12-31"));
	assert_string_equal(slurp("ev-out.csv"), "from,to,channel,line,mode,value\n"
			    "2026-11-23,2026-11-27,phone,ENERGIE,set,1500\n"
			    "2026-11-30,2026-12-31,phone,ENERGIE,set,4800.5\n");
	/* a bad row: the reader's message, no output */
	put("ev-bad.csv", "from,to,channel,line,mode,value\n"
	    "2026-11-23,2026-11-27,phone,1700,double,2\n");
	assert_int_equal(wfm_week_expected(at("ev-bad.csv"), at("ev-bad-out.csv"),
					   iso("2026-11-23"), &st, &e), WFM_EDATA);
	assert_non_null(strstr(e.msg, "ev-bad.csv:2: column 'mode'"));
	assert_int_equal(access(at("ev-bad-out.csv"), F_OK), -1);
}

static void test_backlog_date(void **state)
{
	wfm_err e = {0};
	wfm_date d;

	(void)state;
	put("bl.csv", "date,channel,line,open\n2026-11-21,email,1700,7\n"
	    "2026-11-21,email,BELAST,2\n");
	assert_int_equal(wfm_week_backlog_date(at("bl.csv"), &d, &e), WFM_OK);
	assert_int_equal(d, iso("2026-11-21"));
	put("bl0.csv", "date,channel,line,open\n");
	assert_int_equal(wfm_week_backlog_date(at("bl0.csv"), &d, &e), WFM_OK);
	assert_int_equal(d, 0);
	put("bl2.csv", "datum;kanaal;lijn;openstaand\n21/11/2026;e-mail;1700;7\n"
	    "22/11/2026;e-mail;WONEN;1\n");
	assert_int_equal(wfm_week_backlog_date(at("bl2.csv"), &d, &e), WFM_EDATA);
	assert_non_null(strstr(e.msg, "bl2.csv:3: column 'datum': a second date in one backlog: "
				      "'22/11/2026'"));
	assert_int_equal(wfm_week_backlog_date(at("none.csv"), &d, &e), WFM_ENOINPUT);
}

static void test_history_last(void **state)
{
	wfm_err e = {0};
	wfm_date d = 0;

	(void)state;
	put("h.csv", "date,time,channel,line,offered,handled,aht_s\n"
	    "2026-11-19,09:00,phone,1700,10,9,300\n2026-11-20,,email,1700,5,5,400\n");
	assert_int_equal(wfm_week_history_last(at("h.csv"), 15, &d, &e), WFM_OK);
	assert_int_equal(d, iso("2026-11-20"));
	put("h0.csv", "date,time,channel,line,offered,handled,aht_s\n");
	assert_int_equal(wfm_week_history_last(at("h0.csv"), 15, &d, &e), WFM_EDATA);
	assert_non_null(strstr(e.msg, "h0.csv: no rows"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_label_and_next_monday),
		cmocka_unit_test(test_inbox_and_done),
		cmocka_unit_test(test_snapshots),
		cmocka_unit_test(test_expected),
		cmocka_unit_test(test_backlog_date),
		cmocka_unit_test(test_history_last),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
