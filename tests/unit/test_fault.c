/* Fault injection: every allocation the library makes in a run, made to fail
 * in turn, must give a clean error.
 *
 * Each case is a whole operation (read a CSV, read and merge and write a
 * history, load settings and build a calendar, forecast, staff, read the
 * plan inputs) that returns its output as text.  It runs once to count the
 * library's allocations (see failalloc.h: the binary is linked with
 * --wrap=malloc,calloc,realloc,strdup), then once for each k with allocation
 * k failing.  Every run must end either with WFM_EINTERNAL and "out of
 * memory", or with WFM_OK and exactly the output of the run without faults
 * (a failure the code worked around).  The sanitizer build
 * (.ci/run) adds what this cannot see: a leak or a wild pointer on any of
 * those paths.  The test code itself allocates only through the C library's
 * internals (open_memstream), which are not counted.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "failalloc.h"
#include "history/history.h"
#include "io/csv.h"
#include "run/fcrun.h"
#include "run/planrun.h"
#include "run/staffrun.h"
#include "run/weekrun.h"
#include "setup/calendar.h"
#include "setup/config.h"

/* A text file in /tmp made once per test (a static path: no allocation). */
struct tmp {
	char path[64];
};

static void tmp_put(struct tmp *t, const char *text)
{
	FILE *f;
	int fd;

	snprintf(t->path, sizeof t->path, "/tmp/wfm-test-fault-XXXXXX");
	fd = mkstemp(t->path);
	assert_true(fd >= 0);
	f = fdopen(fd, "w");
	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

/* An operation: writes its output to `out`, returns a status with `e`. */
typedef int (*op_fn)(const void *ctx, FILE *out, wfm_err *e);

static int run_op(op_fn op, const void *ctx, char **text, size_t *len, wfm_err *e)
{
	FILE *out = open_memstream(text, len);
	int rc;

	assert_non_null(out);
	wfm_err_clear(e);
	rc = op(ctx, out, e);
	fclose(out);
	return rc;
}

/* Runs `op` with every allocation failing in turn (see the top). */
static void inject(const char *name, op_fn op, const void *ctx)
{
	char *want = NULL, *got = NULL;
	size_t wlen = 0, glen = 0;
	long total, k, failed = 0, survived = 0;
	wfm_err e;
	int rc, fired;

	failalloc_arm(0);
	rc = run_op(op, ctx, &want, &wlen, &e);
	if (rc != WFM_OK)
		fail_msg("%s: fails without faults: %d %s", name, rc, e.msg);
	total = failalloc_count();
	assert_true(total > 0);
	for (k = 1; k <= total; k++) {
		failalloc_arm(k);
		rc = run_op(op, ctx, &got, &glen, &e);
		fired = failalloc_fired();
		failalloc_arm(0);
		if (!fired)
			fail_msg("%s: allocation %ld of %ld never came", name, k, total);
		if (rc == WFM_OK) {
			if (glen != wlen || memcmp(got, want, wlen) != 0)
				fail_msg("%s: allocation %ld failed, the run said ok but wrote "
					 "something else", name, k);
			survived++;
		} else if (rc != WFM_EINTERNAL || e.code != WFM_EINTERNAL ||
			   !strstr(e.msg, "out of memory")) {
			fail_msg("%s: allocation %ld failed: got %d '%s', want %d 'out of memory'",
				 name, k, rc, e.msg, WFM_EINTERNAL);
		} else {
			failed++;
		}
		free(got);
		got = NULL;
	}
	print_message("%s: %ld allocations, each failed in turn: %ld clean errors, %ld worked "
		      "around\n", name, total, failed, survived);
	free(want);
}

/* Like inject for an operation whose work depends on the clock (the plan
 * solver's search, bound and branch-and-cut run for slices of its time
 * limit): the allocations of each run differ, so allocation k may never
 * come (the run must then succeed), and one that fails must give the clean
 * error or a run that succeeds (its output is not compared: without a
 * fault it differs from run to run too). */
static void inject_timed(const char *name, op_fn op, const void *ctx)
{
	char *got = NULL;
	size_t glen = 0;
	long total, k, failed = 0, survived = 0, missed = 0;
	wfm_err e;
	int rc, fired;

	failalloc_arm(0);
	rc = run_op(op, ctx, &got, &glen, &e);
	if (rc != WFM_OK)
		fail_msg("%s: fails without faults: %d %s", name, rc, e.msg);
	free(got);
	got = NULL;
	total = failalloc_count();
	assert_true(total > 0);
	for (k = 1; k <= total; k++) {
		failalloc_arm(k);
		rc = run_op(op, ctx, &got, &glen, &e);
		fired = failalloc_fired();
		failalloc_arm(0);
		if (!fired && rc != WFM_OK)
			fail_msg("%s: no allocation failed, got %d '%s'", name, rc, e.msg);
		if (!fired)
			missed++;
		else if (rc == WFM_OK)
			survived++;
		else if (rc != WFM_EINTERNAL || e.code != WFM_EINTERNAL ||
			 !strstr(e.msg, "out of memory"))
			fail_msg("%s: allocation %ld failed: got %d '%s', want %d 'out of memory'",
				 name, k, rc, e.msg, WFM_EINTERNAL);
		else
			failed++;
		free(got);
		got = NULL;
	}
	print_message("%s: %ld allocations, each failed in turn: %ld clean errors, %ld worked "
		      "around, %ld not reached\n", name, total, failed, survived, missed);
}

/* ---- the CSV reader ---------------------------------------------------- */

static const char export_text[] =
	"\xEF\xBB\xBF" "Datum;Tijd;Kanaal;Lijn;Aangeboden;Behandeld;AHT\r\n"
	"4/03/2024;09:00;telefoon;1700;12;11;4:01\r\n"
	"4/03/2024;09:05;telefoon;1700;3;3;200\r\n"
	"4/03/2024;09:15;chat;1700;2;2;\r\n"
	"4/03/2024;;e-mail;ONDERW;40;;\r\n"
	"5/03/2024;09:00;telefoon;\"BELAST\";1.234;1.200;185,5\r\n";

static int op_csv(const void *ctx, FILE *out, wfm_err *e)
{
	static const char *const al_date[] = {"datum", NULL};
	static const wfm_csv_col cols[] = {{"date", al_date, 1}, {"offered", NULL, 0}};
	wfm_csv_opts o = {0, 0, 7, 0, 0};
	wfm_csv *r = wfm_csv_open_mem("x.csv", ctx, strlen(ctx), &o, e);
	int idx[2], rc, first = 1;
	size_t i;

	if (!r)
		return e->code;
	while ((rc = wfm_csv_next(r, e)) > 0) {
		for (i = 0; i < wfm_csv_nfields(r); i++)
			fprintf(out, "%s|", wfm_csv_field(r, i));
		fputc('\n', out);
		if (first && (rc = wfm_csv_map(r, cols, 2, idx, e)) != WFM_OK)
			break;
		first = 0;
	}
	wfm_csv_free(r);
	return rc < 0 ? e->code : rc;
}

static void test_csv(void **state)
{
	(void)state;
	inject("csv reader", op_csv, export_text);
}

/* ---- the history: read, merge, write ----------------------------------- */

struct hist_ctx {
	struct tmp exp, base;
};

static int op_history(const void *pctx, FILE *out, wfm_err *e)
{
	const struct hist_ctx *c = pctx;
	wfm_read_opts o;
	wfm_read_stats st;
	wfm_merge_result m;
	wfm_hist *in = wfm_hist_new(e), *base = wfm_hist_new(e);
	wfm_series_check *sc = NULL;
	wfm_calendar *cal = NULL;
	size_t nsc = 0;
	int rc = in && base ? WFM_OK : WFM_EINTERNAL;

	memset(&o, 0, sizeof o);
	memset(&st, 0, sizeof st);
	memset(&m, 0, sizeof m);
	o.interval = 15;
	if (rc == WFM_OK)
		rc = wfm_hist_read(in, c->exp.path, 0, &o, &st, e);
	o.interval = 1;
	if (rc == WFM_OK)
		rc = wfm_hist_read(base, c->base.path, 1, &o, NULL, e);
	if (rc == WFM_OK)
		rc = wfm_hist_merge(base, in, 0, &m, e);
	if (rc == WFM_OK && !(cal = wfm_calendar_new(WFM_HOLIDAYS_BE, e)))
		rc = e->code;
	if (rc == WFM_OK)
		rc = wfm_hist_check(base, cal, &sc, &nsc, e);
	if (rc == WFM_OK)
		rc = wfm_hist_write(base, out, 0, e);
	if (rc == WFM_OK)
		fprintf(out, "%ld rows, %zu series, %zu checked, %ld added\n", st.rows, st.nseries,
			nsc, m.added);
	free(sc);
	wfm_calendar_free(cal);
	wfm_merge_result_release(&m);
	wfm_read_stats_release(&st);
	wfm_hist_free(in);
	wfm_hist_free(base);
	return rc;
}

static void test_history(void **state)
{
	struct hist_ctx c;

	(void)state;
	tmp_put(&c.exp, export_text);
	tmp_put(&c.base, "date,time,channel,line,offered,handled,aht_s\n"
		"2024-03-01,,email,ONDERW,38,,\n"
		"2024-03-01,09:00,phone,1700,10,9,230\n"
		"2024-03-04,09:00,phone,1700,15,14,232.21\n");
	inject("history read, merge, check, write", op_history, &c);
	unlink(c.exp.path);
	unlink(c.base.path);
}

/* ---- settings and calendar ---------------------------------------------- */

struct cfg_ctx {
	struct tmp conf, closed;
};

static int op_config(const void *pctx, FILE *out, wfm_err *e)
{
	const struct cfg_ctx *c = pctx;
	wfm_config cfg;
	wfm_calendar *cal = NULL;
	wfm_date d, first = wfm_date_from_ymd(2026, 12, 20);
	int rc;

	wfm_config_defaults(&cfg);
	rc = wfm_config_load(&cfg, c->conf.path, e);
	if (rc == WFM_OK)
		rc = wfm_config_set(&cfg, "calendar", "closed", c->closed.path, e);
	if (rc == WFM_OK && !(cal = wfm_config_calendar(&cfg, e)))
		rc = e->code;
	for (d = first; rc == WFM_OK && d < first + 14; d++)
		fprintf(out, "%d %s\n", wfm_calendar_open(cal, d),
			wfm_calendar_reason(cal, d));
	wfm_calendar_free(cal);
	wfm_config_release(&cfg);
	return rc;
}

static void test_config(void **state)
{
	struct cfg_ctx c;

	(void)state;
	tmp_put(&c.conf, "[calendar]\nopen_hours = 08:30-18:00\nholidays = be\n"
		"[forecast]\nlevel = 0.9\n");
	tmp_put(&c.closed, "datum;reden\n28/12/2026;eindejaarsverlof\n29/12/2026;idem\n");
	inject("settings and calendar", op_config, &c);
	unlink(c.conf.path);
	unlink(c.closed.path);
}

/* ---- forecast, staffing, plan inputs ------------------------------------ */

/* Six weeks of weekday phone intervals and e-mail days for two lines. */
static void history_text(FILE *f)
{
	wfm_date d, a = wfm_date_from_ymd(2024, 1, 8);
	char iso[11];
	int i;

	fputs("date,time,channel,line,offered\n", f);
	for (d = a; d < a + 42; d++) {
		if (wfm_date_weekday(d) >= WFM_SAT)
			continue;
		wfm_date_iso(d, iso);
		for (i = 0; i < 40; i++)
			fprintf(f, "%s,%02d:%02d,phone,1700,%d\n", iso, 9 + i / 4, i % 4 * 15,
				5 + (i * 7 + d) % 11);
		fprintf(f, "%s,,email,1700,%d\n%s,,email,WONEN,%d\n", iso, 40 + d % 5, iso,
			9 + d % 3);
	}
}

struct run_ctx {
	struct tmp hist, fc;
};

static int op_forecast(const void *pctx, FILE *out, wfm_err *e)
{
	const struct run_ctx *c = pctx;
	wfm_read_opts ro;
	wfm_fcrun_opts o;
	wfm_hist *h = wfm_hist_new(e);
	wfm_calendar *cal = NULL;
	wfm_fcrun *r = NULL;
	wfm_csvw w;
	int rc = h ? WFM_OK : WFM_EINTERNAL;

	memset(&ro, 0, sizeof ro);
	ro.interval = 15;
	wfm_fcrun_opts_default(&o);
	o.from = wfm_date_from_ymd(2024, 2, 19);
	o.to = o.from + 11;
	o.grain = WFM_GRAIN_INTERVAL;
	if (rc == WFM_OK)
		rc = wfm_hist_read(h, c->hist.path, 0, &ro, NULL, e);
	if (rc == WFM_OK && !(cal = wfm_calendar_new(WFM_HOLIDAYS_BE, e)))
		rc = e->code;
	if (rc == WFM_OK && !(r = wfm_fcrun_new(h, cal, &o, NULL, e)))
		rc = e->code;
	if (rc == WFM_OK)
		rc = wfm_fcrun_forecast(r, NULL, e);
	wfm_csvw_init(&w, out, 0);
	if (rc == WFM_OK)
		rc = wfm_fcrun_write(r, &w, e);
	wfm_fcrun_free(r);
	wfm_calendar_free(cal);
	wfm_hist_free(h);
	return rc;
}

static int op_staff(const void *pctx, FILE *out, wfm_err *e)
{
	const struct run_ctx *c = pctx;
	wfm_config cfg;
	wfm_sr_settings s;
	wfm_calendar *cal = NULL;
	wfm_sr *r = NULL;
	int rc, s_up = 0;

	wfm_config_defaults(&cfg);
	rc = wfm_config_set(&cfg, "staff", "aht_email", "6:00", e);
	if (rc == WFM_OK)
		rc = wfm_config_set(&cfg, "staff", "aht_phone", "4:30", e);
	if (rc == WFM_OK)
		rc = wfm_sr_settings_init(&s, &cfg, e);
	s_up = rc == WFM_OK;
	if (rc == WFM_OK && !(cal = wfm_calendar_new(WFM_HOLIDAYS_BE, e)))
		rc = e->code;
	if (rc == WFM_OK && !(r = wfm_sr_read(c->fc.path, &s, cal, e)))
		rc = e->code;
	if (rc == WFM_OK)
		rc = wfm_sr_require(r, e);
	if (rc == WFM_OK)
		rc = wfm_sr_write(r, out, 0, WFM_SR_INTERVAL, e);
	wfm_sr_free(r);
	wfm_calendar_free(cal);
	if (s_up)
		wfm_sr_settings_release(&s);
	wfm_config_release(&cfg);
	return rc;
}

static void test_runs(void **state)
{
	struct run_ctx c;
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	wfm_err e;

	(void)state;
	assert_non_null(f);
	history_text(f);
	fclose(f);
	tmp_put(&c.hist, text);
	free(text);
	/* the forecast written by a run without faults feeds the staffing run */
	f = open_memstream(&text, &len);
	assert_non_null(f);
	assert_int_equal(op_forecast(&c, f, &e), WFM_OK);
	fclose(f);
	tmp_put(&c.fc, text);
	free(text);
	inject("forecast run", op_forecast, &c);
	inject("staffing run", op_staff, &c);
	unlink(c.hist.path);
	unlink(c.fc.path);
}

struct plan_ctx {
	struct tmp req, agents, leave, trainings;
	double time_limit, gap; /* op_plan's options (gap 0: the default) */
	int from;          /* op_plan: the plan's first day in March 2024, or -1 */
	int optimal;       /* op_plan: a run without faults proves its plan optimal */
};

static int op_plan_inputs(const void *pctx, FILE *out, wfm_err *e)
{
	const struct plan_ctx *c = pctx;
	wfm_config cfg;
	wfm_calendar *cal;
	wfm_pr_files f = {c->req.path, c->agents.path, c->leave.path, c->trainings.path};
	wfm_pr_info info;
	wfm_plan_input *in = NULL;
	int rc = WFM_OK;

	wfm_config_defaults(&cfg);
	if (!(cal = wfm_config_calendar(&cfg, e)))
		rc = e->code;
	if (rc == WFM_OK && !(in = wfm_pr_read(&f, &cfg, cal, -1, -1, &info, e)))
		rc = e->code;
	if (rc == WFM_OK)
		fprintf(out, "%d..%d: %ld rows, %ld skipped, %d open days\n", info.from, info.to,
			info.rows, info.skipped, info.open_days);
	wfm_plan_input_free(in);
	wfm_calendar_free(cal);
	wfm_config_release(&cfg);
	return rc;
}

/* The whole plan run: the inputs read, the week solved, the roster, the
 * leave decisions and the coverage written (not the summary: it holds the
 * solve's seconds).  A few seconds' limit that a plan this small never
 * reaches, so every run without faults writes the same plan. */
static int op_plan(const void *pctx, FILE *out, wfm_err *e)
{
	const struct plan_ctx *c = pctx;
	wfm_config cfg;
	wfm_calendar *cal;
	wfm_pr_files f = {c->req.path, c->agents.path, c->leave.path, c->trainings.path};
	wfm_pr_info info;
	wfm_plan_input *in = NULL;
	wfm_plan_options o;
	wfm_plan_result *r = NULL;
	int rc = WFM_OK;

	wfm_config_defaults(&cfg);
	wfm_plan_options_default(&o);
	o.time_limit = c->time_limit;
	if (c->gap > 0)
		o.gap = c->gap;
	if (!(cal = wfm_config_calendar(&cfg, e)))
		rc = e->code;
	if (rc == WFM_OK &&
	    !(in = wfm_pr_read(&f, &cfg, cal, c->from < 0 ? -1 : wfm_date_from_ymd(2024, 3, c->from),
			       c->from < 0 ? -1 : wfm_date_from_ymd(2024, 3, c->from + 1), &info, e)))
		rc = e->code;
	if (rc == WFM_OK)
		rc = wfm_plan_solve(in, &o, &r, e);
	if (rc == WFM_OK && c->optimal && r->status != WFM_PLAN_OPTIMAL) {
		wfm_err_set(e, WFM_EDATA, "the plan is not optimal (status %d)", r->status);
		rc = e->code;
	}
	/* a writer's WFM_EINTERNAL is out of memory (wfm-plan says so too) */
	if (rc == WFM_OK && ((rc = wfm_pr_write_roster(out, in, r, 0)) != WFM_OK ||
			     (rc = wfm_pr_write_decisions(out, in, r, 0)) != WFM_OK ||
			     (rc = wfm_pr_write_coverage(out, in, r, 0)) != WFM_OK))
		rc = rc == WFM_EINTERNAL ? wfm_err_nomem(e) :
		     wfm_err_set(e, WFM_EIO, "cannot write the plan");
	if (rc == WFM_OK)
		fprintf(out, "objective %.6f\n", r->objective);
	wfm_plan_result_free(r);
	wfm_plan_input_free(in);
	wfm_calendar_free(cal);
	wfm_config_release(&cfg);
	return rc;
}

/* A small week: one line, three agents, leave approved and requested, a
 * training; requirements on `days` days from Monday 2024-03-04 (with
 * `intervals` from 09:00; with `line2` two lines, in patterns that leave
 * the solver's first plans short of the optimum). */
static void plan_files(struct plan_ctx *c, int days, int intervals, int line2, int service)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	int d, i;

	assert_non_null(f);
	fputs(service ? "date,time,channel,line,agents,volume,aht_s\n" :
	      "date,time,channel,line,agents\n", f);
	for (d = 4; d < 4 + days; d++) {
		for (i = 0; i < intervals; i++) {
			int n = line2 ? (i * 3 + d) % 4 : 1 + i % 3;

			if (service) {
				/* volume and handle time: the service objective's costs */
				fprintf(f, "2024-03-%02d,%02d:%02d,phone,1700,%d,%d,240\n", d,
					9 + i / 4, i % 4 * 15, n, 3 * n + 1);
				continue;
			}
			fprintf(f, "2024-03-%02d,%02d:%02d,phone,1700,%d\n", d, 9 + i / 4,
				i % 4 * 15, n);
			if (line2)
				fprintf(f, "2024-03-%02d,%02d:%02d,phone,WONEN,%d\n", d,
					9 + i / 4, i % 4 * 15, (i + d) % 2);
		}
		fprintf(f, service ? "2024-03-%02d,,email,1700,2.5,30,300\n" :
			"2024-03-%02d,,email,1700,2.5\n", d);
	}
	fclose(f);
	tmp_put(&c->req, text);
	free(text);
	tmp_put(&c->agents, "agent,skills,hours_per_week\nAn,1700,38\nBert,1700|WONEN,19\n"
		"Chris,1700,30.4\n");
	tmp_put(&c->leave, "agent,from,to,status\nAn,2024-03-06,2024-03-06,requested\n"
		"Bert,2024-03-08,2024-03-08,approved\n");
	tmp_put(&c->trainings, "training,skill,minutes,group_min,group_max,participants,from,to\n"
		"nieuw,1700,60,1,2,1,2024-03-04,2024-03-08\n");
}

static void plan_files_rm(struct plan_ctx *c)
{
	unlink(c->req.path);
	unlink(c->agents.path);
	unlink(c->leave.path);
	unlink(c->trainings.path);
}

static void test_plan_inputs(void **state)
{
	struct plan_ctx c;

	(void)state;
	plan_files(&c, 5, 40, 0, 0);
	inject("plan inputs", op_plan_inputs, &c);
	plan_files_rm(&c);
}

/* A plan of two days (16 intervals from 09:00) whose allocations follow
 * the clock: the bound and the search for their slices of 0.3 s. */
static void timed_plan(const char *what, int line2, int service)
{
	struct plan_ctx c;

	plan_files(&c, 2, 16, line2, service);
	c.time_limit = 0.3;
	c.gap = 1e-6;
	c.from = 4;
	c.optimal = 0;
	inject_timed(what, op_plan, &c);
	plan_files_rm(&c);
}

static void test_plan(void **state)
{
	struct plan_ctx c;

	(void)state;
	/* the construction already optimal, proven by the LP: the same
	 * allocations in every run */
	plan_files(&c, 1, 16, 0, 0);
	c.time_limit = 30;
	c.gap = 0;
	c.from = -1;
	c.optimal = 1;
	inject("plan run", op_plan, &c);
	plan_files_rm(&c);
	/* two lines, a gap the bound cannot close */
	timed_plan("plan run, timed", 1, 0);
	/* the service objective (volumes and handle times given): its costs
	 * from the staffing models, the decisions before the search */
	timed_plan("plan run, service objective", 0, 1);
}

/* ---- the weekly cycle's readers --------------------------------------- */

struct week_ctx {
	struct tmp ev, backlog, hist;
	char dir[64];
};

static int op_week(const void *pctx, FILE *out, wfm_err *e)
{
	const struct week_ctx *c = pctx;
	wfm_week_names l = {0};
	wfm_week_ev st;
	char path[96], line[256];
	wfm_date d = 0;
	FILE *f;
	size_t i;
	int rc;

	snprintf(path, sizeof path, "%s/ev.csv", c->dir);
	rc = wfm_week_expected(c->ev.path, path, wfm_date_from_ymd(2026, 11, 23), &st, e);
	if (rc == WFM_OK && (f = fopen(path, "r"))) {
		fprintf(out, "%zu %zu %zu %d\n", st.kept, st.past, st.cut, st.last);
		while (fgets(line, sizeof line, f))
			fputs(line, out);
		fclose(f);
	}
	if (rc == WFM_OK && (rc = wfm_week_backlog_date(c->backlog.path, &d, e)) == WFM_OK)
		fprintf(out, "backlog %d\n", d);
	if (rc == WFM_OK && (rc = wfm_week_history_last(c->hist.path, 15, &d, e)) == WFM_OK)
		fprintf(out, "last %d\n", d);
	if (rc == WFM_OK && (rc = wfm_week_snapshots(c->dir, 0, wfm_date_from_ymd(2199, 1, 1),
						     &l, e)) == WFM_OK)
		for (i = 0; i < l.n; i++)
			fprintf(out, "snapshot %s\n", l.name[i]);
	wfm_week_names_release(&l);
	if (rc == WFM_OK && (rc = wfm_week_inbox(c->dir, &l, e)) == WFM_OK)
		for (i = 0; i < l.n; i++)
			fprintf(out, "inbox %s\n", l.name[i]);
	wfm_week_names_release(&l);
	return rc;
}

static void test_week(void **state)
{
	struct week_ctx c;
	char path[96];
	FILE *f;

	(void)state;
	snprintf(c.dir, sizeof c.dir, "/tmp/wfm-test-fault-week-XXXXXX");
	assert_non_null(mkdtemp(c.dir));
	snprintf(path, sizeof path, "%s/forecast-2026-11-16.csv", c.dir);
	assert_non_null(f = fopen(path, "w"));
	fclose(f);
	tmp_put(&c.ev, "from,to,channel,line,mode,value,note\n"
		"2026-11-16,2026-11-20,phone,1700,scale,1.1,past\n"
		"2026-11-23,2026-11-27,phone,ENERGIE,set,1500,new\n");
	tmp_put(&c.backlog, "date,channel,line,open\n2026-11-21,email,1700,7\n");
	tmp_put(&c.hist, "date,time,channel,line,offered,handled,aht_s\n"
		"2026-11-20,09:00,phone,1700,10,9,300\n");
	inject("weekly cycle", op_week, &c);
	unlink(c.ev.path);
	unlink(c.backlog.path);
	unlink(c.hist.path);
	snprintf(path, sizeof path, "rm -rf '%s'", c.dir);
	assert_int_equal(system(path), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_csv),
		cmocka_unit_test(test_history),
		cmocka_unit_test(test_config),
		cmocka_unit_test(test_runs),
		cmocka_unit_test(test_plan_inputs),
		cmocka_unit_test(test_plan),
		cmocka_unit_test(test_week),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
