/* test_planrun.c - lib/planrun*.c: the shift rules derived from the [plan]
 * settings, the plan's four CSV inputs read into a wfm_plan_input, and the
 * four outputs written from a hand-built result.
 *
 * Every expected value is worked out by hand in the comment above it from
 * the contracts of planrun.h, plan.h and config.h (never pasted from the
 * code's output).  The plan week used throughout is Monday 2024-03-04 ..
 * Sunday 2024-03-10 (no Belgian or Flemish holiday); under the default
 * settings Monday-Friday open 09:00-19:00 with 15-minute intervals, so the
 * input's grid starts at 09:00 (540) with (1140 - 540) / 15 = 40 intervals.
 * One test uses the week of Easter Monday 2024-04-01, a Belgian holiday.
 *
 * test_lunch_value_named and test_default_key_blamed were written to show
 * two defects of planrun_rules.c, since fixed. */
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

#include "calendar.h"
#include "config.h"
#include "plan.h"
#include "planrun.h"

#define D(y, m, d) wfm_date_from_ymd(y, m, d)
#define MON D(2024, 3, 4)

/* ---- helpers ----------------------------------------------------------- */

static char *tmp_file(const char *text)
{
	char *path = malloc(64);
	FILE *fp;
	int fd;

	assert_non_null(path);
	snprintf(path, 64, "/tmp/wfm-test-planrun-XXXXXX");
	fd = mkstemp(path);
	assert_true(fd >= 0);
	fp = fdopen(fd, "w");
	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
	return path;
}

static void rm_file(char **path)
{
	if (*path) {
		unlink(*path);
		free(*path);
		*path = NULL;
	}
}

/* Fails unless rc and e->code are `code` and the message is exactly `msg`. */
static void expect_err(int rc, const wfm_err *e, int code, const char *msg)
{
	if (rc != code || e->code != code || strcmp(e->msg, msg) != 0)
		fail_msg("expected %d '%s'\n     got %d/%d '%s'", code, msg, rc, e->code, e->msg);
}

/* Like expect_err with a printf-style expected message. */
static void expect_errf(int rc, const wfm_err *e, int code, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void expect_errf(int rc, const wfm_err *e, int code, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	expect_err(rc, e, code, msg);
}

struct fx {
	wfm_config cfg;
	wfm_calendar *cal;
	wfm_err e;
	wfm_pr_info info;
	wfm_plan_input *in;
	char *req, *agents, *leave, *tr, *conf; /* temporary files */
};

static void fx_init(struct fx *f)
{
	memset(f, 0, sizeof *f);
	wfm_config_defaults(&f->cfg);
}

static void fx_clear(struct fx *f)
{
	wfm_plan_input_free(f->in);
	f->in = NULL;
	wfm_calendar_free(f->cal);
	f->cal = NULL;
	rm_file(&f->req);
	rm_file(&f->agents);
	rm_file(&f->leave);
	rm_file(&f->tr);
}

static void fx_free(struct fx *f)
{
	fx_clear(f);
	rm_file(&f->conf);
	wfm_config_release(&f->cfg);
}

/* Sets [section] key = value as a flag; must succeed. */
static void set(struct fx *f, const char *section, const char *key, const char *value)
{
	if (wfm_config_set(&f->cfg, section, key, value, &f->e) != WFM_OK)
		fail_msg("%s", f->e.msg);
}

static void set_plan(struct fx *f, const char *key, const char *value)
{
	set(f, "plan", key, value);
}

/* Loads a configuration file with `text`; must succeed. */
static void load_conf(struct fx *f, const char *text)
{
	rm_file(&f->conf);
	f->conf = tmp_file(text);
	if (wfm_config_load(&f->cfg, f->conf, &f->e) != WFM_OK)
		fail_msg("%s", f->e.msg);
}

/* Writes the inputs (leave, trainings may be NULL) and reads them with the
 * calendar of the settings.  The files stay until the next call or
 * fx_free so that messages can be compared with their names. */
static wfm_plan_input *fx_read(struct fx *f, const char *req, const char *agents,
			       const char *leave, const char *tr, wfm_date from, wfm_date to)
{
	wfm_pr_files files;

	fx_clear(f);
	memset(&f->info, 0, sizeof f->info);
	f->cal = wfm_config_calendar(&f->cfg, &f->e);
	if (!f->cal)
		fail_msg("%s", f->e.msg);
	f->req = req ? tmp_file(req) : NULL;
	f->agents = agents ? tmp_file(agents) : NULL;
	f->leave = leave ? tmp_file(leave) : NULL;
	f->tr = tr ? tmp_file(tr) : NULL;
	files.requirements = f->req ? f->req : "/nonexistent/wfm-test-requirements.csv";
	files.agents = f->agents ? f->agents : "/nonexistent/wfm-test-agents.csv";
	files.leave = f->leave;
	files.trainings = f->tr;
	memset(&f->e, 0, sizeof f->e);
	f->in = wfm_pr_read(&files, &f->cfg, f->cal, from, to, &f->info, &f->e);
	return f->in;
}

static wfm_plan_input *fx_read_ok(struct fx *f, const char *req, const char *agents,
				  const char *leave, const char *tr, wfm_date from, wfm_date to)
{
	if (!fx_read(f, req, agents, leave, tr, from, to))
		fail_msg("%s", f->e.msg);
	return f->in;
}

/* The requirement of line `code` on plan day d in the interval starting at
 * `minute`. */
static double req_at(const wfm_plan_input *in, int d, int minute, const char *code)
{
	int l = wfm_plan_line_index(in, code), t;

	if (l < 0)
		fail_msg("no line '%s'", code);
	t = (minute - in->grid_start) / in->rules.interval_min;
	assert_true(t >= 0 && t < in->n_intervals);
	return in->req[((size_t)d * (size_t)in->n_intervals + (size_t)t) * (size_t)in->n_lines +
		       (size_t)l];
}

static double req_total(const wfm_plan_input *in)
{
	size_t n = (size_t)in->n_days * (size_t)in->n_intervals * (size_t)in->n_lines, i;
	double s = 0;

	for (i = 0; i < n; i++)
		s += in->req[i];
	return s;
}

static const char AGENTS[] = "agent,skills,hours_per_week\nAnn,L1|L2,38\nBob,L1,20\n";

/* ---- rules --------------------------------------------------------------- */

static void expect_break(const wfm_plan_break *b, int minutes, int earliest, int latest, int paid,
			 int lunch)
{
	assert_int_equal(b->minutes, minutes);
	assert_int_equal(b->earliest, earliest);
	assert_int_equal(b->latest, latest);
	assert_int_equal(b->paid, paid);
	assert_int_equal(b->lunch, lunch);
}

/* Every field of a and b, the unused break slots too. */
static void expect_same_rules(const wfm_plan_rules *a, const wfm_plan_rules *b)
{
	assert_int_equal(a->interval_min, b->interval_min);
	assert_int_equal(a->start_step_min, b->start_step_min);
	assert_int_equal(a->training_step_min, b->training_step_min);
	assert_int_equal(a->n_types, b->n_types);
	for (int i = 0; i < WFM_PLAN_MAX_TYPES; i++) {
		assert_int_equal(a->type[i].minutes, b->type[i].minutes);
		assert_int_equal(a->type[i].n_breaks, b->type[i].n_breaks);
		for (int j = 0; j < WFM_PLAN_MAX_BREAKS; j++) {
			const wfm_plan_break *x = &a->type[i].brk[j];

			expect_break(&b->type[i].brk[j], x->minutes, x->earliest, x->latest,
				     x->paid, x->lunch);
		}
	}
	assert_int_equal(a->min_rest_min, b->min_rest_min);
	assert_int_equal(a->max_days, b->max_days);
	assert_int_equal(a->week_days, b->week_days);
	assert_int_equal(a->hours_tol_min, b->hours_tol_min);
	assert_true(a->w_under == b->w_under);
	assert_true(a->w_over == b->w_over);
	assert_true(a->w_pref == b->w_pref);
	assert_true(a->w_deferred == b->w_deferred);
	assert_true(a->w_leave == b->w_leave);
}

/* The defaults: shifts 8:30, 6:30, 4:00; break 15 in windows 1:00-2:30 and
 * 5:30-7:15; lunch 30 in 3:00-5:00 for shifts longer than 6:00.
 *   8:30 (510): break 1 ends by 150 + 15 = 165 <= 510: kept; lunch (510 >
 *     360): latest min(300, 510 - 30 - 90 = 390) = 300; it starts at 180,
 *     after window 1 (60) and before window 2 (330); break 2 ends by 435 +
 *     15 = 450 <= 510: kept.  {15,60,150,paid} {30,180,300,lunch}
 *     {15,330,435,paid}.
 *   6:30 (390): break 1 kept; lunch (390 > 360) latest min(300, 390 - 120 =
 *     270) = 270; break 2 would end by 450 > 390: none.
 *   4:00 (240): break 1 (165 <= 240); no lunch (240 <= 360); no break 2.
 * Other rules: interval 15, start step 15, training step 30, rest 11:00 =
 * 660, max days 5, week days 5, tolerance 1:00 = 60; weights 1, 0.1, 0.05,
 * 0.8, 0.5.  That is wfm_plan_rules_default as plan.h describes it. */
static void test_rules_default(void **state)
{
	struct fx f;
	wfm_plan_rules r, lib;

	(void)state;
	fx_init(&f);
	memset(&r, 0x55, sizeof r);
	assert_int_equal(wfm_pr_rules(&f.cfg, &r, &f.e), WFM_OK);
	wfm_plan_rules_default(&lib);
	expect_same_rules(&r, &lib);

	/* and the hand derivation above, field by field */
	assert_int_equal(r.interval_min, 15);
	assert_int_equal(r.start_step_min, 15);
	assert_int_equal(r.training_step_min, 30);
	assert_int_equal(r.n_types, 3);
	assert_int_equal(r.type[0].minutes, 510);
	assert_int_equal(r.type[0].n_breaks, 3);
	expect_break(&r.type[0].brk[0], 15, 60, 150, 1, 0);
	expect_break(&r.type[0].brk[1], 30, 180, 300, 0, 1);
	expect_break(&r.type[0].brk[2], 15, 330, 435, 1, 0);
	assert_int_equal(r.type[1].minutes, 390);
	assert_int_equal(r.type[1].n_breaks, 2);
	expect_break(&r.type[1].brk[0], 15, 60, 150, 1, 0);
	expect_break(&r.type[1].brk[1], 30, 180, 270, 0, 1);
	assert_int_equal(r.type[2].minutes, 240);
	assert_int_equal(r.type[2].n_breaks, 1);
	expect_break(&r.type[2].brk[0], 15, 60, 150, 1, 0);
	assert_int_equal(r.min_rest_min, 660);
	assert_int_equal(r.max_days, 5);
	assert_int_equal(r.week_days, 5);
	assert_int_equal(r.hours_tol_min, 60);
	assert_true(r.w_under == 1.0 && r.w_over == 0.1 && r.w_pref == 0.05);
	assert_true(r.w_deferred == 0.8 && r.w_leave == 0.5);
	/* paid 8:00, 6:00, 4:00 */
	assert_int_equal(wfm_plan_type_paid(&r, 0), 480);
	assert_int_equal(wfm_plan_type_paid(&r, 1), 360);
	assert_int_equal(wfm_plan_type_paid(&r, 2), 240);
	fx_free(&f);
}

/* shifts 9:00, 5:00; one break window 1:00-2:00; lunch 45:
 *   9:00 (540): break {15,60,120} (120 + 15 <= 540); lunch (540 > 360) in
 *     3:00..min(5:00, 540 - 45 - 90 = 405) = 180..300, after the only
 *     window: {45,180,300,unpaid}; 180 >= 120 + 15: no overlap.  Paid 495.
 *   5:00 (300): break {15,60,120}; no lunch (300 <= 360).  Paid 300.
 * The other keys go straight into the rules: start_step 30, training_step
 * 60, min_rest 12:00 = 720, max_days 4, hours_tolerance 0:30 = 30, weights
 * 2, 0.25, 0, 1.5, 3; week_days stays 5. */
static void test_rules_custom(void **state)
{
	struct fx f;
	wfm_plan_rules r;

	(void)state;
	fx_init(&f);
	set_plan(&f, "shifts", "9:00, 5:00");
	set_plan(&f, "break_windows", "1:00-2:00");
	set_plan(&f, "lunch", "45");
	set_plan(&f, "start_step", "30");
	set_plan(&f, "training_step", "60");
	set_plan(&f, "min_rest", "12:00");
	set_plan(&f, "max_days", "4");
	set_plan(&f, "hours_tolerance", "0:30");
	set_plan(&f, "under_weight", "2");
	set_plan(&f, "over_weight", "0.25");
	set_plan(&f, "preference_weight", "0");
	set_plan(&f, "late_weight", "1.5");
	set_plan(&f, "leave_weight", "3");
	assert_int_equal(wfm_pr_rules(&f.cfg, &r, &f.e), WFM_OK);
	assert_int_equal(r.interval_min, 15);
	assert_int_equal(r.start_step_min, 30);
	assert_int_equal(r.training_step_min, 60);
	assert_int_equal(r.n_types, 2);
	assert_int_equal(r.type[0].minutes, 540);
	assert_int_equal(r.type[0].n_breaks, 2);
	expect_break(&r.type[0].brk[0], 15, 60, 120, 1, 0);
	expect_break(&r.type[0].brk[1], 45, 180, 300, 0, 1);
	assert_int_equal(r.type[1].minutes, 300);
	assert_int_equal(r.type[1].n_breaks, 1);
	expect_break(&r.type[1].brk[0], 15, 60, 120, 1, 0);
	assert_int_equal(wfm_plan_type_paid(&r, 0), 495);
	assert_int_equal(wfm_plan_type_paid(&r, 1), 300);
	assert_int_equal(r.min_rest_min, 720);
	assert_int_equal(r.max_days, 4);
	assert_int_equal(r.week_days, 5);
	assert_int_equal(r.hours_tol_min, 30);
	assert_true(r.w_under == 2 && r.w_over == 0.25 && r.w_pref == 0);
	assert_true(r.w_deferred == 1.5 && r.w_leave == 3);
	fx_free(&f);
}

/* lunch_after 4:30 with shifts 5:00, 4:30, 12:00 and the default windows:
 *   5:00 (300 > 270): lunch latest min(300, 300 - 30 - 90 = 180) = 180, so
 *     the window is 180..180, between break window 1 (60) and 2 (330);
 *     break 1 ends by 165 <= 300; break 2 (450 > 300) none.
 *     {15,60,150,paid} {30,180,180,lunch}.
 *   4:30 (270, not longer than 4:30): no lunch; break 1 only.
 *   12:00 (720): break 1, lunch 180..min(300, 600) = 300, break 2 (450 <=
 *     720): as the 8:30 default.
 *   7:15 (435): the second window's latest start 435 is inside the shift,
 *     but the break would end at 450 > 435: no break 2.  7:30 (450): it
 *     ends just in time, break 2 kept.  Both: lunch 180..300.
 * Then a 30-minute interval ([calendar]) with break 30 and lunch 0:30:
 * shifts 8:00: break {30,60,150} (may end at 180), lunch {30,180,min(300,
 * 480-30-90=360)=300} (may end at 330), break {30,330,435} (435 + 30 = 465
 * <= 480).  Paid 480 - 30 = 450.  With lunch 1:00 the lunch may end at 360,
 * after the second window opens at 330: an overlap (test_default_key_blamed
 * c). */
static void test_rules_lunch_after_and_interval(void **state)
{
	struct fx f;
	wfm_plan_rules r;

	(void)state;
	fx_init(&f);
	set_plan(&f, "lunch_after", "4:30");
	set_plan(&f, "shifts", "5:00, 4:30, 12:00, 7:15, 7:30");
	assert_int_equal(wfm_pr_rules(&f.cfg, &r, &f.e), WFM_OK);
	assert_int_equal(r.n_types, 5);
	assert_int_equal(r.type[0].minutes, 300);
	assert_int_equal(r.type[0].n_breaks, 2);
	expect_break(&r.type[0].brk[0], 15, 60, 150, 1, 0);
	expect_break(&r.type[0].brk[1], 30, 180, 180, 0, 1);
	assert_int_equal(r.type[1].minutes, 270);
	assert_int_equal(r.type[1].n_breaks, 1);
	expect_break(&r.type[1].brk[0], 15, 60, 150, 1, 0);
	assert_int_equal(r.type[2].minutes, 720);
	assert_int_equal(r.type[2].n_breaks, 3);
	expect_break(&r.type[2].brk[0], 15, 60, 150, 1, 0);
	expect_break(&r.type[2].brk[1], 30, 180, 300, 0, 1);
	expect_break(&r.type[2].brk[2], 15, 330, 435, 1, 0);
	assert_int_equal(r.type[3].minutes, 435);
	assert_int_equal(r.type[3].n_breaks, 2);
	expect_break(&r.type[3].brk[0], 15, 60, 150, 1, 0);
	expect_break(&r.type[3].brk[1], 30, 180, 300, 0, 1);
	assert_int_equal(r.type[4].minutes, 450);
	assert_int_equal(r.type[4].n_breaks, 3);
	expect_break(&r.type[4].brk[2], 15, 330, 435, 1, 0);
	fx_free(&f);

	fx_init(&f);
	set(&f, "calendar", "interval", "30");
	set_plan(&f, "break", "30");
	set_plan(&f, "lunch", "0:30");
	set_plan(&f, "shifts", "8:00");
	set_plan(&f, "start_step", "30");
	assert_int_equal(wfm_pr_rules(&f.cfg, &r, &f.e), WFM_OK);
	assert_int_equal(r.interval_min, 30);
	assert_int_equal(r.n_types, 1);
	assert_int_equal(r.type[0].minutes, 480);
	assert_int_equal(r.type[0].n_breaks, 3);
	expect_break(&r.type[0].brk[0], 30, 60, 150, 1, 0);
	expect_break(&r.type[0].brk[1], 30, 180, 300, 0, 1);
	expect_break(&r.type[0].brk[2], 30, 330, 435, 1, 0);
	assert_int_equal(wfm_plan_type_paid(&r, 0), 450);
	fx_free(&f);
}

/* break_windows = none: no short break at all, the lunch stays: 8:30 gets
 * {30,180,300}, 6:30 {30,180,270}, 4:00 nothing.  break = 0 does the same;
 * lunch = 0 drops the lunch: the 8:30 keeps its two short breaks. */
static void test_rules_no_breaks(void **state)
{
	struct fx f;
	wfm_plan_rules r;

	(void)state;
	for (int k = 0; k < 2; k++) {
		fx_init(&f);
		set_plan(&f, k ? "break" : "break_windows", k ? "0" : "none");
		assert_int_equal(wfm_pr_rules(&f.cfg, &r, &f.e), WFM_OK);
		assert_int_equal(r.n_types, 3);
		assert_int_equal(r.type[0].n_breaks, 1);
		expect_break(&r.type[0].brk[0], 30, 180, 300, 0, 1);
		assert_int_equal(r.type[1].n_breaks, 1);
		expect_break(&r.type[1].brk[0], 30, 180, 270, 0, 1);
		assert_int_equal(r.type[2].n_breaks, 0);
		assert_int_equal(wfm_plan_type_paid(&r, 2), 240);
		fx_free(&f);
	}
	fx_init(&f);
	set_plan(&f, "lunch", "0");
	assert_int_equal(wfm_pr_rules(&f.cfg, &r, &f.e), WFM_OK);
	assert_int_equal(r.type[0].n_breaks, 2);
	expect_break(&r.type[0].brk[0], 15, 60, 150, 1, 0);
	expect_break(&r.type[0].brk[1], 15, 330, 435, 1, 0);
	assert_int_equal(wfm_plan_type_paid(&r, 0), 510);
	fx_free(&f);
}

/* Bad values given as flags: WFM_EUSAGE, "--KEY: WHY: 'VALUE'". */
static void test_rules_bad_flags(void **state)
{
	static const char thirteen[] = "1:00, 1:15, 1:30, 1:45, 2:00, 2:15, 2:30, 2:45, 3:00, "
				       "3:15, 3:30, 3:45, 4:00";
	struct fx f;
	wfm_plan_rules r;

	(void)state;
	/* 8:10 = 490 minutes, 490 % 15 = 10 */
	fx_init(&f);
	set_plan(&f, "shifts", "8:30, 8:10");
	expect_err(wfm_pr_rules(&f.cfg, &r, &f.e), &f.e, WFM_EUSAGE,
		   "--shifts: length 8:10 is not a multiple of the 15-minute interval between "
		   "1:00 and 16:00: '8:30, 8:10'");
	/* too short and too long */
	set_plan(&f, "shifts", "0:45");
	expect_err(wfm_pr_rules(&f.cfg, &r, &f.e), &f.e, WFM_EUSAGE,
		   "--shifts: length 0:45 is not a multiple of the 15-minute interval between "
		   "1:00 and 16:00: '0:45'");
	set_plan(&f, "shifts", "16:15");
	expect_err(wfm_pr_rules(&f.cfg, &r, &f.e), &f.e, WFM_EUSAGE,
		   "--shifts: length 16:15 is not a multiple of the 15-minute interval between "
		   "1:00 and 16:00: '16:15'");
	/* 13 lengths (WFM_PLAN_MAX_TYPES is 12), then the first 12 of them */
	set_plan(&f, "shifts", thirteen);
	expect_errf(wfm_pr_rules(&f.cfg, &r, &f.e), &f.e, WFM_EUSAGE,
		    "--shifts: expected up to 12 lengths H:MM, ...: '%s'", thirteen);
	set_plan(&f, "shifts", "1:00, 1:15, 1:30, 1:45, 2:00, 2:15, 2:30, 2:45, 3:00, 3:15, "
		 "3:30, 3:45");
	assert_int_equal(wfm_pr_rules(&f.cfg, &r, &f.e), WFM_OK);
	assert_int_equal(r.n_types, 12);
	assert_int_equal(r.type[11].minutes, 225);
	/* 225: break 1 (165 <= 225), no lunch, no break 2 */
	assert_int_equal(r.type[11].n_breaks, 1);
	set_plan(&f, "shifts", "8:x0");
	expect_err(wfm_pr_rules(&f.cfg, &r, &f.e), &f.e, WFM_EUSAGE,
		   "--shifts: expected up to 12 lengths H:MM, ...: '8:x0'");
	fx_free(&f);

	/* overlapping windows: on the 8:30 shift (the first) the break of
	 * 1:00-2:30 may end at 2:45, the next may start at 2:00 */
	fx_init(&f);
	set_plan(&f, "break_windows", "1:00-2:30, 2:00-3:00");
	expect_err(wfm_pr_rules(&f.cfg, &r, &f.e), &f.e, WFM_EUSAGE,
		   "--break-windows: the breaks of a 8:30 shift overlap (windows must follow each "
		   "other and the lunch): '1:00-2:30, 2:00-3:00'");
	/* a window running into the lunch window 3:00-5:00: 2:00-3:00 is
	 * placed before the lunch (it starts before 3:00) and may end at 3:15 */
	set_plan(&f, "break_windows", "2:00-3:00");
	expect_err(wfm_pr_rules(&f.cfg, &r, &f.e), &f.e, WFM_EUSAGE,
		   "--break-windows: the breaks of a 8:30 shift overlap (windows must follow each "
		   "other and the lunch): '2:00-3:00'");
	/* a window backwards, four windows */
	set_plan(&f, "break_windows", "2:00-1:00");
	expect_err(wfm_pr_rules(&f.cfg, &r, &f.e), &f.e, WFM_EUSAGE,
		   "--break-windows: expected up to 3 windows H:MM-H:MM, ...: '2:00-1:00'");
	set_plan(&f, "break_windows", "0:30-0:45, 1:00-1:15, 5:30-5:45, 6:00-6:15");
	expect_err(wfm_pr_rules(&f.cfg, &r, &f.e), &f.e, WFM_EUSAGE,
		   "--break-windows: expected up to 3 windows H:MM-H:MM, ...: "
		   "'0:30-0:45, 1:00-1:15, 5:30-5:45, 6:00-6:15'");
	fx_free(&f);

	/* a lunch that does not fit: lunch_after 4:00, shift 4:30 (270 > 240)
	 * with the window 3:00-5:00 given as a flag: the latest start is cut to
	 * 270 - 30 - 90 = 150 < 180.  Checked here: code and the start of the
	 * message; that it names the value is test_lunch_value_named. */
	fx_init(&f);
	set_plan(&f, "lunch_after", "4:00");
	set_plan(&f, "shifts", "4:30");
	set_plan(&f, "lunch_window", "3:00-5:00");
	assert_int_equal(wfm_pr_rules(&f.cfg, &r, &f.e), WFM_EUSAGE);
	assert_int_equal(f.e.code, WFM_EUSAGE);
	assert_non_null(strstr(f.e.msg, "--lunch-window: the lunch does not fit in a 4:30 shift"));
	assert_ptr_equal(strstr(f.e.msg, "--lunch-window"), f.e.msg);
	/* 4:45 = 285: latest 285 - 120 = 165 < 180 still; 5:00: 180, fits */
	set_plan(&f, "shifts", "5:00");
	assert_int_equal(wfm_pr_rules(&f.cfg, &r, &f.e), WFM_OK);
	expect_break(&r.type[0].brk[1], 30, 180, 180, 0, 1);
	fx_free(&f);

	/* a break off the grid: the default break of 15 under a 30-minute
	 * interval, in test_default_key_blamed (a) */
}

/* Bad values from a configuration file: WFM_EDATA, "FILE:LINE: [plan] KEY:
 * WHY: 'VALUE'" with the line of the key. */
static void test_rules_bad_file(void **state)
{
	struct fx f;
	wfm_plan_rules r;

	(void)state;
	fx_init(&f);
	load_conf(&f, "# plan\n[plan]\nmax_days = 5\nshifts = 8:30, 8:10\n");
	expect_errf(wfm_pr_rules(&f.cfg, &r, &f.e), &f.e, WFM_EDATA,
		    "%s:4: [plan] shifts: length 8:10 is not a multiple of the 15-minute interval "
		    "between 1:00 and 16:00: '8:30, 8:10'", f.conf);
	fx_free(&f);

	fx_init(&f);
	load_conf(&f, "[plan]\nshifts = 8:30\nbreak_windows = 1:00-2:30, 2:00-3:00\n");
	expect_errf(wfm_pr_rules(&f.cfg, &r, &f.e), &f.e, WFM_EDATA,
		    "%s:3: [plan] break_windows: the breaks of a 8:30 shift overlap (windows must "
		    "follow each other and the lunch): '1:00-2:30, 2:00-3:00'", f.conf);
	/* the same key given again as a flag: now a usage error */
	set_plan(&f, "shifts", "4:00, 99");
	expect_err(wfm_pr_rules(&f.cfg, &r, &f.e), &f.e, WFM_EUSAGE,
		   "--shifts: length 1:39 is not a multiple of the 15-minute interval between 1:00 "
		   "and 16:00: '4:00, 99'");
	fx_free(&f);

	fx_init(&f);
	load_conf(&f, "[plan]\nshifts = 4:30\nlunch_after = 4:00\nlunch_window = 3:00-5:00\n");
	assert_int_equal(wfm_pr_rules(&f.cfg, &r, &f.e), WFM_EDATA);
	assert_int_equal(f.e.code, WFM_EDATA);
	{
		char want[512];

		snprintf(want, sizeof want, "%s:4: [plan] lunch_window: the lunch does not fit in "
			 "a 4:30 shift", f.conf);
		if (strncmp(f.e.msg, want, strlen(want)) != 0)
			fail_msg("expected '%s...'\n     got '%s'", want, f.e.msg);
	}
	fx_free(&f);
}

/* The message of a lunch that does not fit names the value (it once ended in
 * ": ''", planrun_rules.c passing "" as the value).  planrun.h says
 * every failure names the bad value; the lunch_window setting is that
 * value. */
static void test_lunch_value_named(void **state)
{
	struct fx f;
	wfm_plan_rules r;

	(void)state;
	fx_init(&f);
	set_plan(&f, "lunch_after", "4:00");
	set_plan(&f, "shifts", "4:30");
	set_plan(&f, "lunch_window", "3:00-5:00");
	assert_int_equal(wfm_pr_rules(&f.cfg, &r, &f.e), WFM_EUSAGE);
	fx_free(&f); /* before failing: nothing leaks */
	if (!strstr(f.e.msg, "'3:00-5:00'"))
		fail_msg("the value of lunch_window is not named: '%s'", f.e.msg);
}

/* When a rule does not fit a key left at its default, pr_setting_error once
 * formatted the key as a flag ("--break: ...") although none was given and
 * returns WFM_EDATA although no value came from a file.  config.h's rule for
 * settings that depend on each other (wfm_config_check) is WFM_EUSAGE unless
 * every key involved came from the file.
 *   a) --interval 30 (a flag): the default break of 15 is off the grid:
 *      expected WFM_EUSAGE; got WFM_EDATA "--break: not a multiple of the
 *      30-minute interval: '15'".
 *   b) --shifts 4:30 --lunch-after 4:00 (flags), the lunch window at its
 *      default: expected WFM_EUSAGE; got WFM_EDATA "--lunch-window: ...".
 *   c) --interval 30 --break 30 --lunch 1:00 --shifts 8:00 (flags), the
 *      break windows at their default: the lunch (180..300, may end at 360)
 *      runs into the window 5:30 (330): expected WFM_EUSAGE; got WFM_EDATA
 *      "--break-windows: the breaks of a 8:00 shift overlap ...". */
static void test_default_key_blamed(void **state)
{
	static const struct {
		const char *keys[5][3]; /* section, key, value */
		const char *msg;        /* part of the message */
	} cases[] = {
		{{{"calendar", "interval", "30"}},
		 "not a multiple of the 30-minute interval: '15'"},
		{{{"plan", "shifts", "4:30"}, {"plan", "lunch_after", "4:00"}},
		 "the lunch does not fit in a 4:30 shift"},
		{{{"calendar", "interval", "30"}, {"plan", "break", "30"},
		  {"plan", "lunch", "1:00"}, {"plan", "shifts", "8:00"}},
		 "the breaks of a 8:00 shift overlap"},
	};
	char bugs[2048] = "";
	struct fx f;
	wfm_plan_rules r;

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int rc;

		fx_init(&f);
		for (int k = 0; k < 5 && cases[i].keys[k][0]; k++)
			set(&f, cases[i].keys[k][0], cases[i].keys[k][1], cases[i].keys[k][2]);
		rc = wfm_pr_rules(&f.cfg, &r, &f.e);
		assert_int_not_equal(rc, WFM_OK);
		assert_non_null(strstr(f.e.msg, cases[i].msg));
		if (rc != WFM_EUSAGE)
			snprintf(bugs + strlen(bugs), sizeof bugs - strlen(bugs),
				 "\n  %c) only flags given, got code %d: '%s'", (char)('a' + i), rc,
				 f.e.msg);
		fx_free(&f);
	}
	if (bugs[0])
		fail_msg("a default key blamed with WFM_EDATA:%s", bugs);
}

/* ---- reading ------------------------------------------------------------- */

/* The earliest requirement is Tuesday 2024-03-05: the plan is Monday 03-04 ..
 * Sunday 03-10, all seven days, Saturday and Sunday closed.
 *   Wed 09:00 L1: phone 2.5 + chat 1 = 3.5 (channels of one line add up).
 *   Wed 09:15 L2: 3 (the range 09:15-09:30 starts at 09:15).
 *   Tue 18:45 L1: 4, the last interval (18:45 - 09:00) / 15 = 39.
 *   Thu e-mail L1 6 hours: deferred, released Thursday (day 3), due the
 *   same day (deferred_days 0).
 * Total live requirement 3.5 + 3 + 4 = 10.5. */
static const char REQ_WEEK[] =
	"date,time,channel,line,agents\n"
	"2024-03-06,09:00,phone,L1,2.5\n"
	"2024-03-06,09:00,chat,L1,1\n"
	"2024-03-06,09:15-09:30,phone,L2,3\n"
	"2024-03-05,18:45,phone,L1,4\n"
	"2024-03-07,,email,L1,6\n";

static void test_read_week(void **state)
{
	struct fx f;
	wfm_plan_input *in;

	(void)state;
	fx_init(&f);
	in = fx_read_ok(&f, REQ_WEEK, AGENTS, NULL, NULL, -1, -1);
	assert_int_equal(in->n_days, 7);
	for (int d = 0; d < 7; d++) {
		assert_int_equal(in->day[d].date, MON + d);
		if (d < 5) {
			assert_int_equal(in->day[d].opens, 540);
			assert_int_equal(in->day[d].closes, 1140);
		} else {
			assert_true(in->day[d].opens < 0);
		}
	}
	assert_int_equal(f.info.from, MON);
	assert_int_equal(f.info.to, MON + 6);
	assert_int_equal(f.info.rows, 5);
	assert_int_equal(f.info.skipped, 0);
	assert_int_equal(f.info.open_days, 5);
	assert_int_equal(f.info.trainings_skipped, 0);
	assert_int_equal(f.info.leave_skipped, 0);
	assert_int_equal(in->grid_start, 540);
	assert_int_equal(in->n_intervals, 40);
	assert_int_equal(in->n_lines, 2);
	assert_true(wfm_plan_line_index(in, "L1") >= 0);
	assert_true(wfm_plan_line_index(in, "L2") >= 0);
	assert_true(in->line[0].weight == 1 && in->line[1].weight == 1);
	assert_true(req_at(in, 2, 540, "L1") == 3.5);
	assert_true(req_at(in, 2, 555, "L2") == 3);
	assert_true(req_at(in, 2, 555, "L1") == 0);
	assert_true(req_at(in, 2, 540, "L2") == 0);
	assert_true(req_at(in, 1, 1125, "L1") == 4);
	assert_true(req_total(in) == 10.5);
	assert_int_equal(in->n_deferred, 1);
	assert_int_equal(in->deferred[0].line, wfm_plan_line_index(in, "L1"));
	assert_int_equal(in->deferred[0].day, 3);
	assert_true(in->deferred[0].hours == 6);
	assert_int_equal(in->deferred[0].deadline, 3);
	/* the rules are those of the settings */
	{
		wfm_plan_rules lib;

		wfm_plan_rules_default(&lib);
		expect_same_rules(&in->rules, &lib);
	}
	/* agents: Ann L1|L2, 38 h; Bob L1, 20 h */
	assert_int_equal(in->n_agents, 2);
	assert_string_equal(in->agent[0].name, "Ann");
	assert_int_equal(in->agent[0].minutes_per_week, 38 * 60);
	assert_int_equal(in->agent[0].n_skills, 2);
	assert_int_equal(in->agent[1].minutes_per_week, 20 * 60);
	assert_int_equal(in->agent[1].n_skills, 1);
	assert_int_equal(in->agent[1].skills[0], wfm_plan_line_index(in, "L1"));
	assert_int_equal(in->n_leave, 0);
	assert_int_equal(in->n_trainings, 0);
	fx_free(&f);
}

/* --from Wed 03-06 --to Thu 03-07: all seven days, Mon, Tue, Fri closed as
 * well as the weekend; the Tuesday row is skipped (1); 2 open days.  A 40-hour
 * contract asks 2400 * (1 - 3 closed weekdays / 5) = 960 minutes.  A range over
 * two weeks or without an open day is a usage error. */
static void test_read_from_to(void **state)
{
	struct fx f;
	wfm_plan_input *in;
	char b1[11], b2[11];

	(void)state;
	fx_init(&f);
	in = fx_read_ok(&f, REQ_WEEK, "agent,skills,hours_per_week\nAnn,L1,40\n", NULL, NULL,
			MON + 2, MON + 3);
	assert_int_equal(in->n_days, 7);
	for (int d = 0; d < 7; d++) {
		assert_int_equal(in->day[d].date, MON + d);
		if (d == 2 || d == 3)
			assert_int_equal(in->day[d].opens, 540);
		else
			assert_true(in->day[d].opens < 0);
	}
	assert_int_equal(f.info.from, MON + 2);
	assert_int_equal(f.info.to, MON + 3);
	assert_int_equal(f.info.rows, 5);
	assert_int_equal(f.info.skipped, 1);
	assert_int_equal(f.info.open_days, 2);
	assert_true(req_total(in) == 3.5 + 3);
	assert_int_equal(in->n_deferred, 1);
	assert_int_equal(in->deferred[0].day, 3);
	assert_int_equal(wfm_plan_target_minutes(in, 0, 0), 960);

	/* Friday to the next Monday */
	assert_null(fx_read(&f, REQ_WEEK, AGENTS, NULL, NULL, MON + 4, MON + 7));
	expect_errf(f.e.code, &f.e, WFM_EUSAGE, "%s to %s is not a part of one monday-sunday week",
		    wfm_date_iso(MON + 4, b1), wfm_date_iso(MON + 7, b2));
	/* to before from */
	assert_null(fx_read(&f, REQ_WEEK, AGENTS, NULL, NULL, MON + 3, MON + 2));
	assert_int_equal(f.e.code, WFM_EUSAGE);
	/* the weekend only: no open day */
	assert_null(fx_read(&f, REQ_WEEK, AGENTS, NULL, NULL, MON + 5, MON + 6));
	expect_err(f.e.code, &f.e, WFM_EUSAGE, "no open day from 2024-03-09 to 2024-03-10");
	/* Monday only: every requirement is outside */
	assert_null(fx_read(&f, REQ_WEEK, AGENTS, NULL, NULL, MON, MON));
	expect_errf(f.e.code, &f.e, WFM_EDATA, "%s: no requirement from 2024-03-04 to 2024-03-04",
		    f.req);
	fx_free(&f);
}

/* Whole-day rows (deferred work) with deferred_days 0 and 2, default
 * calendar (Belgian holidays, Monday-Friday):
 *   Mon 03-04 e-mail L1 5 h: released day 0; due Mon (0) / Wed 03-06 (2).
 *   Thu 03-07 callback L1 2 h: released day 3; due Thu (3) / Fri 03-08,
 *     Mon 03-11 = day 7 (past the plan).
 *   Sat 03-09 e-mail L1 4 h: Saturday is closed, released the next working
 *     day Mon 03-11, after the plan: left out (it is no row outside the
 *     plan's days, so not counted as skipped either).
 *   Fri 03-01 (the week before, outside the plan's days): skipped,
 *     info.skipped = 1.  (The range is given: by default the earliest date,
 *     03-01, would choose the week before.)
 *   Mon 10:00 phone L1 1: the only live requirement. */
static const char REQ_DEFERRED[] =
	"date,time,channel,line,agents\n"
	"2024-03-04,,email,L1,5\n"
	"2024-03-07,,callback,L1,2\n"
	"2024-03-09,,email,L1,4\n"
	"2024-03-01,,email,L1,7\n"
	"2024-03-04,10:00,phone,L1,1\n";

static void test_read_deferred(void **state)
{
	struct fx f;
	wfm_plan_input *in;

	(void)state;
	for (int dd = 0; dd <= 2; dd += 2) {
		fx_init(&f);
		if (dd)
			set_plan(&f, "deferred_days", "2");
		in = fx_read_ok(&f, REQ_DEFERRED, AGENTS, NULL, NULL, MON, MON + 6);
		assert_int_equal(f.info.rows, 5);
		assert_int_equal(f.info.skipped, 1);
		assert_int_equal(in->n_lines, 1);
		assert_int_equal(in->n_deferred, 2);
		assert_int_equal(in->deferred[0].day, 0);
		assert_true(in->deferred[0].hours == 5);
		assert_int_equal(in->deferred[0].deadline, dd ? 2 : 0);
		assert_int_equal(in->deferred[1].day, 3);
		assert_true(in->deferred[1].hours == 2);
		assert_int_equal(in->deferred[1].deadline, dd ? 7 : 3);
		assert_true(req_at(in, 0, 600, "L1") == 1);
		assert_true(req_total(in) == 1);
		fx_free(&f);
	}

	/* Saturday open 09:00-13:00: the Saturday row is released that day
	 * (day 5); due with deferred_days 2 on Mon 03-11, Tue 03-12: day 8. */
	fx_init(&f);
	set(&f, "calendar", "hours_sat", "09:00-13:00");
	set_plan(&f, "deferred_days", "2");
	in = fx_read_ok(&f, REQ_DEFERRED, AGENTS, NULL, NULL, MON, MON + 6);
	assert_int_equal(in->day[5].opens, 540);
	assert_int_equal(in->day[5].closes, 780);
	assert_int_equal(in->n_deferred, 3);
	assert_int_equal(in->deferred[2].day, 5);
	assert_true(in->deferred[2].hours == 4);
	assert_int_equal(in->deferred[2].deadline, 8);
	/* Thu + 2 working days now: Fri, Sat = day 5 */
	assert_int_equal(in->deferred[1].deadline, 5);
	fx_free(&f);
}

/* Easter Monday 2024-04-01 is a Belgian holiday: in the week of 04-01 day 0
 * is closed; e-mail of the Monday is released on Tuesday (day 1), due with
 * deferred_days 2 on Thursday 04-04 (day 3). */
static void test_read_holiday(void **state)
{
	struct fx f;
	wfm_plan_input *in;

	(void)state;
	fx_init(&f);
	set_plan(&f, "deferred_days", "2");
	in = fx_read_ok(&f,
			"date,time,channel,line,agents\n"
			"2024-04-01,,email,L1,3\n"
			"2024-04-02,09:00,phone,L1,1\n",
			AGENTS, NULL, NULL, -1, -1);
	assert_int_equal(in->day[0].date, D(2024, 4, 1));
	assert_true(in->day[0].opens < 0);
	assert_int_equal(in->day[1].opens, 540);
	assert_int_equal(f.info.open_days, 4);
	assert_int_equal(in->n_deferred, 1);
	assert_int_equal(in->deferred[0].day, 1);
	assert_int_equal(in->deferred[0].deadline, 3);
	fx_free(&f);
}

/* requirement = scheduled plans against the scheduled column: Mon 09:00 L1
 * 4 (agents 2); without the column it is missing; a bad setting fails. */
static void test_read_scheduled(void **state)
{
	static const char req[] = "date,time,channel,line,agents,scheduled\n"
				  "2024-03-04,09:00,phone,L1,2,4\n"
				  "2024-03-04,,email,L1,1.5,2.5\n";
	struct fx f;
	wfm_plan_input *in;

	(void)state;
	fx_init(&f);
	in = fx_read_ok(&f, req, AGENTS, NULL, NULL, -1, -1);
	assert_true(req_at(in, 0, 540, "L1") == 2);
	assert_true(in->deferred[0].hours == 1.5);
	set_plan(&f, "requirement", "scheduled");
	in = fx_read_ok(&f, req, AGENTS, NULL, NULL, -1, -1);
	assert_true(req_at(in, 0, 540, "L1") == 4);
	assert_true(req_total(in) == 4);
	assert_true(in->deferred[0].hours == 2.5);
	/* only a scheduled column: fine for scheduled */
	in = fx_read_ok(&f, "date,time,channel,line,scheduled\n2024-03-04,09:15,phone,L1,3\n",
			AGENTS, NULL, NULL, -1, -1);
	assert_true(req_at(in, 0, 555, "L1") == 3);
	/* ... missing for agents */
	set_plan(&f, "requirement", "agents");
	assert_null(fx_read(&f, "date,time,channel,line,scheduled\n2024-03-04,09:15,phone,L1,3\n",
			    AGENTS, NULL, NULL, -1, -1));
	expect_errf(f.e.code, &f.e, WFM_EDATA, "%s:1: missing column 'agents'", f.req);
	set_plan(&f, "requirement", "both");
	assert_null(fx_read(&f, req, AGENTS, NULL, NULL, -1, -1));
	expect_err(f.e.code, &f.e, WFM_EUSAGE,
		   "--requirement: must be agents or scheduled: 'both'");
	fx_free(&f);
}

/* line_weights "L1=2, L2 = 1.5": L1 2, L2 1.5, a line not listed 1; bad
 * lists are rejected naming the setting. */
static void test_read_line_weights(void **state)
{
	struct fx f;
	wfm_plan_input *in;

	(void)state;
	fx_init(&f);
	set_plan(&f, "line_weights", "L1=2, L2 = 1.5,L9=7");
	in = fx_read_ok(&f, REQ_WEEK, AGENTS, NULL, NULL, -1, -1);
	assert_true(in->line[wfm_plan_line_index(in, "L1")].weight == 2);
	assert_true(in->line[wfm_plan_line_index(in, "L2")].weight == 1.5);
	set_plan(&f, "line_weights", "L2=3");
	in = fx_read_ok(&f, REQ_WEEK, AGENTS, NULL, NULL, -1, -1);
	assert_true(in->line[wfm_plan_line_index(in, "L1")].weight == 1);
	assert_true(in->line[wfm_plan_line_index(in, "L2")].weight == 3);

	set_plan(&f, "line_weights", "L1=0");
	assert_null(fx_read(&f, REQ_WEEK, AGENTS, NULL, NULL, -1, -1));
	expect_err(f.e.code, &f.e, WFM_EUSAGE, "--line-weights: expected LINE=WEIGHT, ... with "
		   "weights above 0: 'L1=0'");
	set_plan(&f, "line_weights", "L1=2, L2");
	assert_null(fx_read(&f, REQ_WEEK, AGENTS, NULL, NULL, -1, -1));
	expect_err(f.e.code, &f.e, WFM_EUSAGE, "--line-weights: expected LINE=WEIGHT, ... with "
		   "weights above 0: 'L1=2, L2'");
	set_plan(&f, "line_weights", "L1=x");
	assert_null(fx_read(&f, REQ_WEEK, AGENTS, NULL, NULL, -1, -1));
	expect_err(f.e.code, &f.e, WFM_EUSAGE, "--line-weights: expected LINE=WEIGHT, ... with "
		   "weights above 0: 'L1=x'");
	fx_free(&f);

	fx_init(&f);
	load_conf(&f, "[plan]\n\nline_weights = L1=-1\n");
	assert_null(fx_read(&f, REQ_WEEK, AGENTS, NULL, NULL, -1, -1));
	expect_errf(f.e.code, &f.e, WFM_EDATA, "%s:3: [plan] line_weights: expected LINE=WEIGHT, "
		    "... with weights above 0: 'L1=-1'", f.conf);
	fx_free(&f);
}

/* A spreadsheet export: ';', Dutch headers, day-first dates, decimal commas,
 * Dutch channel names.  Mon 09:00 1700: 2,5 + 0,5 = 3; Tue e-mail 3,25 h;
 * agents with uren_per_week 36,5 = 2190 minutes. */
static void test_read_dutch(void **state)
{
	struct fx f;
	wfm_plan_input *in;

	(void)state;
	fx_init(&f);
	in = fx_read_ok(&f,
			"datum;tijd;kanaal;lijn;medewerkers\n"
			"04/03/2024;09:00;telefoon;1700;2,5\n"
			"04/03/2024;09:00;chat;1700;0,5\n"
			"05/03/2024;;e-mail;1700;3,25\n",
			"medewerker;vaardigheden;uren_per_week\nAn;1700;36,5\n",
			"medewerker;van;tot;status\nAn;05/03/2024;05/03/2024;aangevraagd\n",
			NULL, -1, -1);
	assert_int_equal(in->day[0].date, MON);
	assert_int_equal(in->n_lines, 1);
	assert_true(req_at(in, 0, 540, "1700") == 3);
	assert_true(req_total(in) == 3);
	assert_int_equal(in->n_deferred, 1);
	assert_int_equal(in->deferred[0].day, 1);
	assert_true(in->deferred[0].hours == 3.25);
	assert_int_equal(in->agent[0].minutes_per_week, 2190);
	assert_int_equal(in->n_leave, 1);
	assert_int_equal(in->leave[0].requested, 1);
	/* a cell error names the Dutch header as written */
	assert_null(fx_read(&f, "datum;tijd;kanaal;lijn;medewerkers\n"
			    "04/03/2024;09:00;telefoon;1700;2.5\n", AGENTS, NULL, NULL, -1, -1));
	assert_int_equal(f.e.code, WFM_EDATA);
	{
		char want[256];

		snprintf(want, sizeof want, "%s:2: column 'medewerkers': ", f.req);
		assert_int_equal(strncmp(f.e.msg, want, strlen(want)), 0);
		assert_non_null(strstr(f.e.msg, ": '2.5'"));
	}
	fx_free(&f);
}

/* The same date, time, channel and line twice: an error naming both lines
 * (the time 09:00-09:15 is the interval 09:00); a whole-day row too. */
static void test_read_duplicate(void **state)
{
	struct fx f;

	(void)state;
	fx_init(&f);
	assert_null(fx_read(&f,
			    "date,time,channel,line,agents\n"
			    "2024-03-04,09:00,phone,L1,1\n"
			    "2024-03-04,09:00,chat,L1,1\n"
			    "2024-03-04,09:00,phone,L2,1\n"
			    "2024-03-04,09:00-09:15,phone,L1,2\n",
			    AGENTS, NULL, NULL, -1, -1));
	expect_errf(f.e.code, &f.e, WFM_EDATA, "%s:5: date, time, channel and line already given "
		    "on line 2", f.req);
	assert_null(fx_read(&f,
			    "date,time,channel,line,agents\n"
			    "2024-03-05,,email,L1,1\n"
			    "2024-03-04,09:00,phone,L1,1\n"
			    "\n"
			    "2024-03-05,,email,L1,2\n",
			    AGENTS, NULL, NULL, -1, -1));
	expect_errf(f.e.code, &f.e, WFM_EDATA, "%s:5: date, time, channel and line already given "
		    "on line 2", f.req);
	fx_free(&f);
}

/* Requirement rows with one bad cell each (the header is line 1). */
static void test_read_bad_requirements(void **state)
{
	static const char head[] = "date,time,channel,line,agents\n"
				   "2024-03-04,09:00,phone,L1,1\n";
	static const struct {
		const char *row, *msg;
	} cases[] = {
		{"30/02/2024,09:00,phone,L1,1", "column 'date': no such day: '30/02/2024'"},
		{"2024-03-05,09:00,fax,L1,1", "column 'channel': unknown channel (phone, email, "
		 "chat, social, callback): 'fax'"},
		{"2024-03-05,09:00,phone,L1,-1", "column 'agents': negative: '-1'"},
		{"2024-03-05,09:00,phone,L1,x", "column 'agents': not a number: 'x'"},
		{"2024-03-05,09:00,phone,L1,1.5.1", NULL},
		{"2024-03-05,25:00,phone,L1,1", "column 'time': hour out of range: '25:00'"},
		{"2024-03-05,09:00,phone,,1", "column 'line': empty or too long: ''"},
	};
	struct fx f;
	char text[256], want[512];

	(void)state;
	fx_init(&f);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		snprintf(text, sizeof text, "%s%s\n", head, cases[i].row);
		assert_null(fx_read(&f, text, AGENTS, NULL, NULL, -1, -1));
		if (!cases[i].msg) {
			snprintf(want, sizeof want, "%s:3: column 'agents': ", f.req);
			assert_int_equal(f.e.code, WFM_EDATA);
			assert_int_equal(strncmp(f.e.msg, want, strlen(want)), 0);
			assert_non_null(strstr(f.e.msg, ": '1.5.1'"));
			continue;
		}
		expect_errf(f.e.code, &f.e, WFM_EDATA, "%s:3: %s", f.req, cases[i].msg);
	}
	/* a time off the 15-minute grid: refused by the plan input, with the
	 * file and line in front */
	snprintf(text, sizeof text, "%s2024-03-05,09:05,phone,L1,1\n", head);
	assert_null(fx_read(&f, text, AGENTS, NULL, NULL, -1, -1));
	assert_int_equal(f.e.code, WFM_EDATA);
	snprintf(want, sizeof want, "%s:3: ", f.req);
	assert_int_equal(strncmp(f.e.msg, want, strlen(want)), 0);
	/* a header only; a missing column */
	assert_null(fx_read(&f, "date,time,channel,line,agents\n", AGENTS, NULL, NULL, -1, -1));
	expect_errf(f.e.code, &f.e, WFM_EDATA, "%s: no requirement rows", f.req);
	assert_null(fx_read(&f, "date,time,line,agents\n2024-03-04,09:00,L1,1\n", AGENTS, NULL,
			    NULL, -1, -1));
	expect_errf(f.e.code, &f.e, WFM_EDATA, "%s:1: missing column 'channel'", f.req);
	fx_free(&f);
}

/* Agents, leave and trainings rows with one bad cell each. */
static void test_read_bad_other_files(void **state)
{
	static const char req[] = "date,time,channel,line,agents\n2024-03-04,09:00,phone,L1,1\n";
	static const char ag_head[] = "agent,skills,hours_per_week,earliest_start,unavailable\n"
				      "Ann,L1,38,,\n";
	static const char lv_head[] = "agent,from,to,status\nAnn,2024-03-04,2024-03-04,approved\n";
	static const char tr_head[] = "training,skill,minutes,group_min,group_max,participants,"
				      "from,to\n";
	static const struct {
		int file; /* 0 agents, 1 leave, 2 trainings */
		const char *row, *msg;
	} cases[] = {
		{0, "Bob,L1,x,,", "column 'hours_per_week': not a number: 'x'"},
		{0, "Bob,L1,0,,", "column 'hours_per_week': must be more than 0 and at most 168: "
		 "'0'"},
		{0, "Bob,L1,20,08:00-09:00,", "column 'earliest_start': expected one time HH:MM: "
		 "'08:00-09:00'"},
		{0, "Bob,L1,20,,2024-03-05|2024-02-30", "column 'unavailable': no such day: "
		 "'2024-03-05|2024-02-30'"},
		{0, "Ann,L1,20,,", "agent 'Ann': listed twice"},
		{1, "Ann,x,2024-03-04,approved", "column 'from': not a date: 'x'"},
		{1, "Ann,2024-03-05,2024-03-04,approved", "column 'to': before 'from': "
		 "'2024-03-04'"},
		{1, "Ann,2024-03-04,2024-03-04,maybe", "column 'status': must be approved or "
		 "requested: 'maybe'"},
		{1, "Zoe,2024-03-04,2024-03-04,approved", "column 'agent': not in the agents file: "
		 "'Zoe'"},
		/* an unknown agent is an error also outside the plan */
		{1, "Zoe,2024-01-04,2024-01-04,approved", "column 'agent': not in the agents file: "
		 "'Zoe'"},
		{2, "T,L1,0,1,2,Ann,2024-03-04,2024-03-04", "column 'minutes': not a number of "
		 "minutes or H:MM: '0'"},
		{2, "T,L1,30,0,2,Ann,2024-03-04,2024-03-04", "column 'group_min': out of range: "
		 "'0'"},
		{2, "T,L1,30,1,2,Ann,2024-03-05,2024-03-04", "column 'to': before 'from': "
		 "'2024-03-04'"},
		{2, "T,L1,30,1,2,Ann|Zoe,2024-03-04,2024-03-04", "training 'T': participants: "
		 "unknown agent 'Zoe'"},
		{2, "T,L1,20,1,2,Ann,2024-03-04,2024-03-04", "training 'T': column 'minutes': 20 "
		 "is no positive multiple of 15"},
	};
	struct fx f;
	char text[512];
	const char *name;

	(void)state;
	fx_init(&f);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *ag = ag_head, *lv = NULL, *tr = NULL;

		if (cases[i].file == 0) {
			snprintf(text, sizeof text, "%s%s\n", ag_head, cases[i].row);
			ag = text;
		} else if (cases[i].file == 1) {
			snprintf(text, sizeof text, "%s%s\n", lv_head, cases[i].row);
			lv = text;
		} else {
			snprintf(text, sizeof text, "%sS,L1,30,1,2,1,2024-03-04,2024-03-04\n%s\n",
				 tr_head, cases[i].row);
			tr = text;
		}
		assert_null(fx_read(&f, req, ag, lv, tr, -1, -1));
		name = cases[i].file == 0 ? f.agents : cases[i].file == 1 ? f.leave : f.tr;
		expect_errf(f.e.code, &f.e, WFM_EDATA, "%s:3: %s", name, cases[i].msg);
	}
	/* no agent rows */
	assert_null(fx_read(&f, req, "agent,skills,hours_per_week\n", NULL, NULL, -1, -1));
	expect_errf(f.e.code, &f.e, WFM_EDATA, "%s: no agents", f.agents);
	fx_free(&f);
}

/* Missing files: WFM_ENOINPUT, each of the four. */
static void test_read_missing(void **state)
{
	static const char req[] = "date,time,channel,line,agents\n2024-03-04,09:00,phone,L1,1\n";
	struct fx f;
	wfm_pr_files files;

	(void)state;
	fx_init(&f);
	assert_null(fx_read(&f, NULL, AGENTS, NULL, NULL, -1, -1));
	assert_int_equal(f.e.code, WFM_ENOINPUT);
	assert_null(fx_read(&f, req, NULL, NULL, NULL, -1, -1));
	assert_int_equal(f.e.code, WFM_ENOINPUT);
	fx_read_ok(&f, req, AGENTS, NULL, NULL, -1, -1);
	files.requirements = f.req;
	files.agents = f.agents;
	files.leave = "/nonexistent/wfm-test-leave.csv";
	files.trainings = NULL;
	assert_null(wfm_pr_read(&files, &f.cfg, f.cal, -1, -1, NULL, &f.e));
	assert_int_equal(f.e.code, WFM_ENOINPUT);
	files.leave = NULL;
	files.trainings = "/nonexistent/wfm-test-trainings.csv";
	assert_null(wfm_pr_read(&files, &f.cfg, f.cal, -1, -1, NULL, &f.e));
	assert_int_equal(f.e.code, WFM_ENOINPUT);
	fx_free(&f);
}

/* Leave and trainings:
 *   leave: Ann approved Tue-Wed; Bob requested Thu (rank 0); Ann in February
 *   (skipped, 1); Bob requested Fri 03-08 .. Tue 03-12 (partly inside: kept,
 *   rank 1, dates as given).
 *   trainings: Coaching on skill COACH (no requirement line: becomes line 1
 *   after L1, weight 1), 1:30 = 90 minutes, Ann|Bob listed; Refresh on L1,
 *   60 minutes, a count of 2; Old in February (skipped, 1).
 *   Ann's skills L1|COACH both match lines (the training's line is known
 *   before the agents are read); Bob's "L1" one. */
static void test_read_leave_trainings(void **state)
{
	struct fx f;
	wfm_plan_input *in;
	int coach, l1;

	(void)state;
	fx_init(&f);
	in = fx_read_ok(&f, "date,time,channel,line,agents\n2024-03-04,09:00,phone,L1,1\n",
			"agent,skills,hours_per_week\nAnn,L1|COACH,38\nBob,L1,38\n",
			"agent,from,to,status\n"
			"Ann,2024-03-05,2024-03-06,approved\n"
			"Bob,2024-03-07,2024-03-07,aangevraagd\n"
			"Ann,2024-02-01,2024-02-02,requested\n"
			"Bob,2024-03-08,2024-03-12,Requested\n",
			"training,skill,minutes,group_min,group_max,participants,from,to\n"
			"Coaching,COACH,1:30,1,2,Ann|Bob,2024-03-05,2024-03-06\n"
			"Refresh,L1,60,2,4,2,2024-03-04,2024-03-08\n"
			"Old,L1,30,1,1,1,2024-02-01,2024-02-02\n",
			-1, -1);
	assert_int_equal(f.info.leave_skipped, 1);
	assert_int_equal(f.info.trainings_skipped, 1);
	l1 = wfm_plan_line_index(in, "L1");
	coach = wfm_plan_line_index(in, "COACH");
	assert_int_equal(in->n_lines, 2);
	assert_int_equal(l1, 0);
	assert_int_equal(coach, 1);
	assert_true(in->line[coach].weight == 1);
	assert_int_equal(in->n_leave, 3);
	assert_int_equal(in->leave[0].agent, 0);
	assert_int_equal(in->leave[0].requested, 0);
	assert_int_equal(in->leave[0].from, MON + 1);
	assert_int_equal(in->leave[0].to, MON + 2);
	assert_int_equal(in->leave[1].agent, 1);
	assert_int_equal(in->leave[1].requested, 1);
	assert_int_equal(in->leave[1].rank, 0);
	assert_int_equal(in->leave[2].agent, 1);
	assert_int_equal(in->leave[2].requested, 1);
	assert_int_equal(in->leave[2].rank, 1);
	assert_int_equal(in->leave[2].from, MON + 4);
	assert_int_equal(in->leave[2].to, D(2024, 3, 12));
	assert_int_equal(in->n_trainings, 2);
	assert_string_equal(in->training[0].name, "Coaching");
	assert_int_equal(in->training[0].skill, coach);
	assert_int_equal(in->training[0].minutes, 90);
	assert_int_equal(in->training[0].group_min, 1);
	assert_int_equal(in->training[0].group_max, 2);
	assert_int_equal(in->training[0].count, 0);
	assert_int_equal(in->training[0].n_listed, 2);
	assert_int_equal(in->training[0].listed[0], 0);
	assert_int_equal(in->training[0].listed[1], 1);
	assert_int_equal(in->training[0].from, MON + 1);
	assert_int_equal(in->training[0].to, MON + 2);
	assert_string_equal(in->training[1].name, "Refresh");
	assert_int_equal(in->training[1].skill, l1);
	assert_int_equal(in->training[1].minutes, 60);
	assert_int_equal(in->training[1].count, 2);
	assert_int_equal(in->agent[0].n_skills, 2);
	assert_int_equal(in->agent[1].n_skills, 1);
	fx_free(&f);
}

/* Agent columns: Ann 38 h, 4 days, 08:00-18:00, unavailable Tue 03-05 and
 * Thu 03-07 (03-20 is outside the plan: ignored), preferred start window
 * 08:00-10:00 = 480..600; Bob with a single preferred time 09:30 = 570..570
 * and no other restriction (-1), unavailable on seven days of January and
 * on Wed 03-06 (day 2: the dates outside the plan do not crowd out the one
 * inside); Cas 30.5 h = 1830 minutes, no preference. */
static void test_read_agent_fields(void **state)
{
	struct fx f;
	wfm_plan_input *in;
	static const unsigned char ann_un[7] = {0, 1, 0, 1, 0, 0, 0};

	(void)state;
	fx_init(&f);
	in = fx_read_ok(&f, "date,time,channel,line,agents\n2024-03-04,09:00,phone,L1,1\n",
			"agent,skills,hours_per_week,days_per_week,earliest_start,latest_end,"
			"unavailable,preferred_start\n"
			"Ann,L1,38,4,08:00,18:00,2024-03-05|2024-03-07|2024-03-20,08:00-10:00\n"
			"Bob,L1,20,,,,2024-01-01|2024-01-02|2024-01-03|2024-01-04|2024-01-05|"
			"2024-01-06|2024-01-07|2024-03-06,09:30\n"
			" Cas ,L1,30.5,,,,,\n",
			NULL, NULL, -1, -1);
	assert_int_equal(in->n_agents, 3);
	assert_int_equal(in->agent[0].minutes_per_week, 2280);
	assert_int_equal(in->agent[0].days_per_week, 4);
	assert_int_equal(in->agent[0].earliest_start, 480);
	assert_int_equal(in->agent[0].latest_end, 1080);
	assert_memory_equal(in->agent[0].unavailable, ann_un, 7);
	assert_int_equal(in->agent[0].pref_from, 480);
	assert_int_equal(in->agent[0].pref_to, 600);
	assert_int_equal(in->agent[1].minutes_per_week, 1200);
	assert_int_equal(in->agent[1].days_per_week, 0);
	assert_int_equal(in->agent[1].earliest_start, -1);
	assert_int_equal(in->agent[1].latest_end, -1);
	assert_int_equal(in->agent[1].pref_from, 570);
	assert_int_equal(in->agent[1].pref_to, 570);
	for (int d = 0; d < 7; d++)
		assert_int_equal(in->agent[1].unavailable[d], d == 2);
	assert_string_equal(in->agent[2].name, "Cas");
	assert_int_equal(in->agent[2].minutes_per_week, 1830);
	assert_int_equal(in->agent[2].pref_from, -1);
	assert_int_equal(in->agent[2].pref_to, -1);
	fx_free(&f);
}

/* ---- writers ------------------------------------------------------------- */

/* One open day, Monday 2024-03-04 09:00-09:30 (two intervals), line L1:
 *   required 09:00 2, 09:15 1.5; deferred 1.5 h released and due day 0.
 *   agents Ann, Bob, Cas, Dan (L1, 38 h).
 *   leave: [0] Bob approved 03-04; [1] Cas requested 03-04..03-05 (granted);
 *   [2] Dan requested 03-01..03-04 (refused with a reason).
 *   training 0 Coaching on L1, 15 minutes, Ann|Dan.
 * Result: blocks Ann work L1 09:00-09:15, training 09:15-09:30; Bob, Cas
 * leave 09:00-09:30; Dan break 09:00-09:15, training 09:15-09:30; session
 * Coaching 09:15-09:30 with Ann and Dan; planned 09:00 1 (Ann), 09:15 0;
 * deferred done 1 h. */
struct wx {
	wfm_plan_input *in;
	wfm_plan_result *r;
	char *text;
	size_t len;
};

static void wx_init(struct wx *x)
{
	wfm_plan_rules rules;
	wfm_plan_day day = {MON, 540, 570};
	wfm_plan_agent_spec sp;
	wfm_plan_training_spec ts;
	static const char *const names[] = {"Ann", "Bob", "Cas", "Dan"};
	static const wfm_plan_block blocks[] = {
		{0, 0, 540, 555, WFM_ACT_WORK, 0, -1},
		{0, 0, 555, 570, WFM_ACT_TRAINING, -1, 0},
		{1, 0, 540, 570, WFM_ACT_LEAVE, -1, -1},
		{2, 0, 540, 570, WFM_ACT_LEAVE, -1, -1},
		{3, 0, 540, 555, WFM_ACT_BREAK, -1, -1},
		{3, 0, 555, 570, WFM_ACT_TRAINING, -1, 0},
	};
	wfm_err e;
	wfm_plan_result *r;

	memset(x, 0, sizeof *x);
	wfm_plan_rules_default(&rules);
	x->in = wfm_plan_input_new(&rules, &day, 1, &e);
	assert_non_null(x->in);
	assert_int_equal(x->in->n_intervals, 2);
	assert_int_equal(wfm_plan_add_line(x->in, "L1", 1, &e), 0);
	assert_int_equal(wfm_plan_add_requirement(x->in, 0, 540, 0, 2, &e), WFM_OK);
	assert_int_equal(wfm_plan_add_requirement(x->in, 0, 555, 0, 1.5, &e), WFM_OK);
	assert_int_equal(wfm_plan_add_deferred(x->in, 0, 0, 1.5, 0, &e), WFM_OK);
	for (int i = 0; i < 4; i++) {
		memset(&sp, 0, sizeof sp);
		sp.name = names[i];
		sp.skills = "L1";
		sp.hours_per_week = 38;
		sp.earliest_start = sp.latest_end = sp.pref_from = sp.pref_to = -1;
		assert_int_equal(wfm_plan_add_agent(x->in, &sp, &e), i);
	}
	assert_int_equal(wfm_plan_add_leave(x->in, 1, MON, MON, 0, &e), WFM_OK);
	assert_int_equal(wfm_plan_add_leave(x->in, 2, MON, MON + 1, 1, &e), WFM_OK);
	assert_int_equal(wfm_plan_add_leave(x->in, 3, MON - 3, MON, 1, &e), WFM_OK);
	assert_int_equal(x->in->n_leave, 3);
	memset(&ts, 0, sizeof ts);
	ts.name = "Coaching";
	ts.skill = "L1";
	ts.minutes = 15;
	ts.group_min = 1;
	ts.group_max = 2;
	ts.participants = "Ann|Dan";
	ts.from = ts.to = MON;
	assert_int_equal(wfm_plan_add_training(x->in, &ts, &e), 0);

	r = x->r = calloc(1, sizeof *r);
	assert_non_null(r);
	r->status = WFM_PLAN_TIME_LIMIT;
	r->objective = 2.5;
	r->bound = 2;
	r->gap = 0.2;
	r->seconds = 1.234;
	r->under_hours = 0.625;
	r->over_hours = 0;
	r->deferred_late_hours = 0.5;
	r->leave_granted = 1;
	r->leave_refused = 1;
	r->n_shifts = 2;
	r->shift = calloc(2, sizeof *r->shift);
	assert_non_null(r->shift);
	r->shift[0] = (wfm_plan_shift){0, 0, 2, 540, 780};
	r->shift[1] = (wfm_plan_shift){3, 0, 2, 540, 780};
	r->n_blocks = (int)(sizeof blocks / sizeof blocks[0]);
	r->block = malloc(sizeof blocks);
	assert_non_null(r->block);
	memcpy(r->block, blocks, sizeof blocks);
	r->n_sessions = 1;
	r->session = calloc(1, sizeof *r->session);
	assert_non_null(r->session);
	r->session[0].training = 0;
	r->session[0].day = 0;
	r->session[0].start = 555;
	r->session[0].end = 570;
	r->session[0].n_agents = 2;
	r->session[0].agents = malloc(2 * sizeof(int));
	assert_non_null(r->session[0].agents);
	r->session[0].agents[0] = 0;
	r->session[0].agents[1] = 3;
	r->n_decisions = 2;
	r->decision = calloc(2, sizeof *r->decision);
	assert_non_null(r->decision);
	r->decision[0].leave = 1;
	r->decision[0].granted = 1;
	r->decision[1].leave = 2;
	r->decision[1].granted = 0;
	r->decision[1].reason = strdup("2024-03-04 09:00 line L1 would be 1 agents short");
	assert_non_null(r->decision[1].reason);
	r->planned = calloc(2, sizeof *r->planned);
	assert_non_null(r->planned);
	r->planned[0] = 1;
	r->planned[1] = 0;
	r->deferred_done = calloc(1, sizeof *r->deferred_done);
	assert_non_null(r->deferred_done);
	r->deferred_done[0] = 1;
}

static void wx_free(struct wx *x)
{
	wfm_plan_result_free(x->r);
	wfm_plan_input_free(x->in);
	free(x->text);
}

typedef int (*writer_fn)(FILE *, const wfm_plan_input *, const wfm_plan_result *, int);

/* Runs `w` into memory and compares the whole text. */
static void expect_output(struct wx *x, writer_fn w, int excel, const char *want)
{
	FILE *mem;

	free(x->text);
	x->text = NULL;
	mem = open_memstream(&x->text, &x->len);
	assert_non_null(mem);
	assert_int_equal(w(mem, x->in, x->r, excel), WFM_OK);
	assert_int_equal(fclose(mem), 0);
	if (strcmp(x->text, want) != 0)
		fail_msg("expected:\n%s\ngot:\n%s", want, x->text);
}

static void test_write_roster(void **state)
{
	struct wx x;

	(void)state;
	wx_init(&x);
	expect_output(&x, wfm_pr_write_roster, 0,
		      "agent,date,start,end,activity,line\n"
		      "Ann,2024-03-04,09:00,09:15,work,L1\n"
		      "Ann,2024-03-04,09:15,09:30,training,\n"
		      "Bob,2024-03-04,09:00,09:30,leave,\n"
		      "Cas,2024-03-04,09:00,09:30,leave,\n"
		      "Dan,2024-03-04,09:00,09:15,break,\n"
		      "Dan,2024-03-04,09:15,09:30,training,\n");
	/* a lunch block and the Excel profile */
	x.r->block[4].activity = WFM_ACT_LUNCH;
	expect_output(&x, wfm_pr_write_roster, 1,
		      "\xEF\xBB\xBF" "agent;date;start;end;activity;line\r\n"
		      "Ann;04/03/2024;09:00;09:15;work;L1\r\n"
		      "Ann;04/03/2024;09:15;09:30;training;\r\n"
		      "Bob;04/03/2024;09:00;09:30;leave;\r\n"
		      "Cas;04/03/2024;09:00;09:30;leave;\r\n"
		      "Dan;04/03/2024;09:00;09:15;lunch;\r\n"
		      "Dan;04/03/2024;09:15;09:30;training;\r\n");
	wx_free(&x);
}

/* Coverage: the whole-day deferred row first (released 1.5, done 1, gap
 * 1 - 1.5 = -0.5), then 09:00 (2 required, 1 planned, gap -1) and 09:15 (1.5,
 * 0, -1.5). */
static void test_write_coverage(void **state)
{
	struct wx x;

	(void)state;
	wx_init(&x);
	expect_output(&x, wfm_pr_write_coverage, 0,
		      "date,time,line,required,planned,gap\n"
		      "2024-03-04,,L1,1.5,1,-0.5\n"
		      "2024-03-04,09:00,L1,2,1,-1\n"
		      "2024-03-04,09:15,L1,1.5,0,-1.5\n");
	expect_output(&x, wfm_pr_write_coverage, 1,
		      "\xEF\xBB\xBF" "date;time;line;required;planned;gap\r\n"
		      "04/03/2024;;L1;1,5;1;-0,5\r\n"
		      "04/03/2024;09:00;L1;2;1;-1\r\n"
		      "04/03/2024;09:15;L1;1,5;0;-1,5\r\n");
	/* over-coverage: 3 planned at 09:15 against 1.5: gap 1.5 */
	x.r->planned[1] = 3;
	expect_output(&x, wfm_pr_write_coverage, 0,
		      "date,time,line,required,planned,gap\n"
		      "2024-03-04,,L1,1.5,1,-0.5\n"
		      "2024-03-04,09:00,L1,2,1,-1\n"
		      "2024-03-04,09:15,L1,1.5,3,1.5\n");
	wx_free(&x);
}

/* Decisions: the three leave periods in input order (approved without a
 * decision, granted, refused with its reason, from/to as given), then one
 * row per attendee of the session ("group of 2"). */
static void test_write_decisions(void **state)
{
	struct wx x;

	(void)state;
	wx_init(&x);
	expect_output(&x, wfm_pr_write_decisions, 0,
		      "kind,name,agent,from,to,start,end,decision,reason\n"
		      "leave,,Bob,2024-03-04,2024-03-04,,,approved,\n"
		      "leave,,Cas,2024-03-04,2024-03-05,,,granted,\n"
		      "leave,,Dan,2024-03-01,2024-03-04,,,refused,"
		      "2024-03-04 09:00 line L1 would be 1 agents short\n"
		      "training,Coaching,Ann,2024-03-04,2024-03-04,09:15,09:30,attends,"
		      "group of 2\n"
		      "training,Coaching,Dan,2024-03-04,2024-03-04,09:15,09:30,attends,"
		      "group of 2\n");
	/* the decisions found by their leave index, not their position */
	{
		wfm_plan_decision t = x.r->decision[0];

		x.r->decision[0] = x.r->decision[1];
		x.r->decision[1] = t;
	}
	expect_output(&x, wfm_pr_write_decisions, 1,
		      "\xEF\xBB\xBF" "kind;name;agent;from;to;start;end;decision;reason\r\n"
		      "leave;;Bob;04/03/2024;04/03/2024;;;approved;\r\n"
		      "leave;;Cas;04/03/2024;05/03/2024;;;granted;\r\n"
		      "leave;;Dan;01/03/2024;04/03/2024;;;refused;"
		      "2024-03-04 09:00 line L1 would be 1 agents short\r\n"
		      "training;Coaching;Ann;04/03/2024;04/03/2024;09:15;09:30;attends;"
		      "group of 2\r\n"
		      "training;Coaching;Dan;04/03/2024;04/03/2024;09:15;09:30;attends;"
		      "group of 2\r\n");
	wx_free(&x);
}

/* Summary: objective 2.5, bound 2, gap 0.2, seconds 1.234 to 2 decimals 1.23;
 * the day's shortfall (2 - 1) + (1.5 - 0) = 2.5 agent-intervals of 15
 * minutes = 0.625 h. */
static void test_write_summary(void **state)
{
	struct wx x;

	(void)state;
	wx_init(&x);
	assert_true(fabs(wfm_pr_day_under(x.in, x.r, 0) - 0.625) < 1e-12);
	expect_output(&x, wfm_pr_write_summary, 0,
		      "key,value\n"
		      "status,time_limit\n"
		      "objective,2.5\n"
		      "bound,2\n"
		      "gap,0.2\n"
		      "seconds,1.23\n"
		      "under_coverage_hours,0.625\n"
		      "over_coverage_hours,0\n"
		      "deferred_late_hours,0.5\n"
		      "leave_granted,1\n"
		      "leave_refused,1\n"
		      "agents,4\n"
		      "shifts,2\n"
		      "under_coverage_hours_2024-03-04,0.625\n");
	x.r->status = WFM_PLAN_OPTIMAL;
	expect_output(&x, wfm_pr_write_summary, 1,
		      "\xEF\xBB\xBF" "key;value\r\n"
		      "status;optimal\r\n"
		      "objective;2,5\r\n"
		      "bound;2\r\n"
		      "gap;0,2\r\n"
		      "seconds;1,23\r\n"
		      "under_coverage_hours;0,625\r\n"
		      "over_coverage_hours;0\r\n"
		      "deferred_late_hours;0,5\r\n"
		      "leave_granted;1\r\n"
		      "leave_refused;1\r\n"
		      "agents;4\r\n"
		      "shifts;2\r\n"
		      "under_coverage_hours_2024-03-04;0,625\r\n");
	assert_string_equal(wfm_pr_status_name(WFM_PLAN_OPTIMAL), "optimal");
	assert_string_equal(wfm_pr_status_name(WFM_PLAN_TIME_LIMIT), "time_limit");
	assert_string_equal(wfm_pr_status_name(WFM_PLAN_STOPPED), "stopped");
	wx_free(&x);
}

/* A closed day without requirements or released work gets no coverage row
 * and no summary key: the week Mon 09:00-09:30 open, Tue closed. */
static void test_write_closed_day(void **state)
{
	wfm_plan_rules rules;
	wfm_plan_day days[2] = {{MON, 540, 570}, {MON + 1, -1, -1}};
	wfm_plan_result r;
	double planned[4] = {1, 1, 0, 0}, done[2] = {0, 0};
	wfm_plan_input *in;
	wfm_err e;
	char *text = NULL;
	size_t len;
	FILE *mem;

	(void)state;
	wfm_plan_rules_default(&rules);
	in = wfm_plan_input_new(&rules, days, 2, &e);
	assert_non_null(in);
	assert_int_equal(wfm_plan_add_line(in, "L1", 1, &e), 0);
	assert_int_equal(wfm_plan_add_requirement(in, 0, 540, 0, 1, &e), WFM_OK);
	assert_int_equal(wfm_plan_add_deferred(in, 0, 0, 2, 1, &e), WFM_OK);
	memset(&r, 0, sizeof r);
	r.planned = planned;
	r.deferred_done = done;
	mem = open_memstream(&text, &len);
	assert_non_null(mem);
	assert_int_equal(wfm_pr_write_coverage(mem, in, &r, 0), WFM_OK);
	fclose(mem);
	/* 09:15: nothing required, 1 planned: gap 1 */
	assert_string_equal(text, "date,time,line,required,planned,gap\n"
				  "2024-03-04,,L1,2,0,-2\n"
				  "2024-03-04,09:00,L1,1,1,0\n"
				  "2024-03-04,09:15,L1,0,1,1\n");
	free(text);
	text = NULL;
	mem = open_memstream(&text, &len);
	assert_non_null(mem);
	assert_int_equal(wfm_pr_write_summary(mem, in, &r, 0), WFM_OK);
	fclose(mem);
	assert_null(strstr(text, "2024-03-05"));
	assert_non_null(strstr(text, "\nunder_coverage_hours_2024-03-04,0\n"));
	free(text);
	wfm_plan_input_free(in);
}

/* A stream that cannot be written: WFM_EIO from every writer. */
static void test_write_error(void **state)
{
	struct wx x;
	char *path = tmp_file("");
	FILE *ro = fopen(path, "r");
	writer_fn w[] = {wfm_pr_write_roster, wfm_pr_write_coverage, wfm_pr_write_decisions,
			 wfm_pr_write_summary};

	(void)state;
	assert_non_null(ro);
	wx_init(&x);
	for (size_t i = 0; i < sizeof w / sizeof w[0]; i++) {
		clearerr(ro);
		assert_int_equal(w[i](ro, x.in, x.r, 0), WFM_EIO);
	}
	fclose(ro);
	unlink(path);
	free(path);
	wx_free(&x);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rules_default),
		cmocka_unit_test(test_rules_custom),
		cmocka_unit_test(test_rules_lunch_after_and_interval),
		cmocka_unit_test(test_rules_no_breaks),
		cmocka_unit_test(test_rules_bad_flags),
		cmocka_unit_test(test_rules_bad_file),
		cmocka_unit_test(test_lunch_value_named),
		cmocka_unit_test(test_default_key_blamed),
		cmocka_unit_test(test_read_week),
		cmocka_unit_test(test_read_from_to),
		cmocka_unit_test(test_read_deferred),
		cmocka_unit_test(test_read_holiday),
		cmocka_unit_test(test_read_scheduled),
		cmocka_unit_test(test_read_line_weights),
		cmocka_unit_test(test_read_dutch),
		cmocka_unit_test(test_read_duplicate),
		cmocka_unit_test(test_read_bad_requirements),
		cmocka_unit_test(test_read_bad_other_files),
		cmocka_unit_test(test_read_missing),
		cmocka_unit_test(test_read_leave_trainings),
		cmocka_unit_test(test_read_agent_fields),
		cmocka_unit_test(test_write_roster),
		cmocka_unit_test(test_write_coverage),
		cmocka_unit_test(test_write_decisions),
		cmocka_unit_test(test_write_summary),
		cmocka_unit_test(test_write_closed_day),
		cmocka_unit_test(test_write_error),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
