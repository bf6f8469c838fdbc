/* test_planrun_rules.c - lib/planrun_rules.c: the shift rules derived from
 * the [plan] settings (wfm_pr_rules).
 *
 * Every expected value is worked out by hand in the comment above it from
 * the contracts of planrun.h, plan.h and config.h (never pasted from the
 * code's output).  Helpers: planrun_fixture.h.
 *
 * test_lunch_value_named and test_default_key_blamed were written to show
 * two defects of planrun_rules.c, since fixed. */
#include "planrun_fixture.h"

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

/* When a rule does not fit a key left at its default, wfm_pr_setting_error once
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
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
