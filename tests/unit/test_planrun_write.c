/* test_planrun_write.c - lib/planrun_write.c: the plan's four outputs
 * (roster, coverage, decisions, summary) written from a hand-built result.
 *
 * Every expected value is worked out by hand in the comment above it from
 * the contracts of planrun.h and plan.h (never pasted from the code's
 * output).  The plan day is Monday 2024-03-04.  Helpers: planrun_fixture.h. */
#include <math.h>

#include "planrun_fixture.h"

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
	/* no service in the input: answer_rate and service_level empty */
	expect_output(&x, wfm_pr_write_coverage, 0,
		      "date,time,line,required,planned,gap,answer_rate,service_level\n"
		      "2024-03-04,,L1,1.5,1,-0.5,,\n"
		      "2024-03-04,09:00,L1,2,1,-1,,\n"
		      "2024-03-04,09:15,L1,1.5,0,-1.5,,\n");
	expect_output(&x, wfm_pr_write_coverage, 1,
		      "\xEF\xBB\xBF" "date;time;line;required;planned;gap;answer_rate;service_level\r\n"
		      "04/03/2024;;L1;1,5;1;-0,5;;\r\n"
		      "04/03/2024;09:00;L1;2;1;-1;;\r\n"
		      "04/03/2024;09:15;L1;1,5;0;-1,5;;\r\n");
	/* over-coverage: 3 planned at 09:15 against 1.5: gap 1.5 */
	x.r->planned[1] = 3;
	expect_output(&x, wfm_pr_write_coverage, 0,
		      "date,time,line,required,planned,gap,answer_rate,service_level\n"
		      "2024-03-04,,L1,1.5,1,-0.5,,\n"
		      "2024-03-04,09:00,L1,2,1,-1,,\n"
		      "2024-03-04,09:15,L1,1.5,3,1.5,,\n");
	/* with a service: 09:00 offers 10 contacts; with 0, 1, 2 agents 0, 6, 9 are
	 * answered, 0, 4, 8 within the threshold; beyond 2 as with 2.  One agent
	 * planned: 0.6 and 0.4; 09:15 has none (empty); planned 3 at 09:00
	 * reads the last point: 0.9 and 0.8 */
	{
		wfm_plan_svc_point pt[3] = {{0, 0, 3}, {6, 4, 1.5}, {9, 8, 0.5}};
		wfm_err e;

		assert_int_equal(wfm_plan_add_service(x.in, 0, 540, 0, 10, pt, 3, &e), WFM_OK);
	}
	x.r->planned[1] = 0;
	expect_output(&x, wfm_pr_write_coverage, 0,
		      "date,time,line,required,planned,gap,answer_rate,service_level\n"
		      "2024-03-04,,L1,1.5,1,-0.5,,\n"
		      "2024-03-04,09:00,L1,2,1,-1,0.6,0.4\n"
		      "2024-03-04,09:15,L1,1.5,0,-1.5,,\n");
	x.r->planned[0] = 3;
	expect_output(&x, wfm_pr_write_coverage, 0,
		      "date,time,line,required,planned,gap,answer_rate,service_level\n"
		      "2024-03-04,,L1,1.5,1,-0.5,,\n"
		      "2024-03-04,09:00,L1,2,3,1,0.9,0.8\n"
		      "2024-03-04,09:15,L1,1.5,0,-1.5,,\n");
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
	assert_string_equal(text, "date,time,line,required,planned,gap,answer_rate,"
				  "service_level\n"
				  "2024-03-04,,L1,2,0,-2,,\n"
				  "2024-03-04,09:00,L1,1,1,0,,\n"
				  "2024-03-04,09:15,L1,0,1,1,,\n");
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
		cmocka_unit_test(test_write_roster),
		cmocka_unit_test(test_write_coverage),
		cmocka_unit_test(test_write_decisions),
		cmocka_unit_test(test_write_summary),
		cmocka_unit_test(test_write_closed_day),
		cmocka_unit_test(test_write_error),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
