/* test_plan.c - lib/plan*: behaviour of the weekly plan.
 *
 * Expected values are worked out by hand below from the rules in plan.h
 * (small weeks whose best plan can be argued in a few lines); every plan is
 * also run through the independent checker in tests/plancheck.c, which
 * recomputes the hard rules, the coverage and the objective from the
 * roster blocks alone. */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>
#include <glpk.h>

#include "plan/plan.h"

#include "../plancheck.c"
#include "../plancheck.h"

static wfm_date day_of(int d)
{
	return wfm_date_from_ymd(2024, 3, 4 + d); /* Monday 4 March 2024 */
}

/* Rules with one 4-hour shift without breaks. */
static void rules_4h(wfm_plan_rules *ru)
{
	wfm_plan_rules_default(ru);
	ru->n_types = 1;
	memset(ru->type, 0, sizeof ru->type);
	ru->type[0].minutes = 240;
	ru->hours_tol_min = 0;
}

static wfm_plan_input *week(const wfm_plan_rules *ru, int n, int opens, int closes)
{
	wfm_plan_day days[7];
	wfm_err e = {0};
	wfm_plan_input *in;
	int d;

	for (d = 0; d < n; d++) {
		days[d].date = day_of(d);
		days[d].opens = opens;
		days[d].closes = closes;
	}
	in = wfm_plan_input_new(ru, days, n, &e);
	if (!in)
		fail_msg("%s", e.msg);
	return in;
}

static int agent(wfm_plan_input *in, const char *name, const char *skills, double hours,
		 int days_per_week)
{
	wfm_plan_agent_spec sp;
	wfm_err e = {0};
	int a;

	memset(&sp, 0, sizeof sp);
	sp.name = name;
	sp.skills = skills;
	sp.hours_per_week = hours;
	sp.days_per_week = days_per_week;
	sp.earliest_start = sp.latest_end = sp.pref_from = sp.pref_to = -1;
	a = wfm_plan_add_agent(in, &sp, &e);
	if (a < 0)
		fail_msg("%s", e.msg);
	return a;
}

static void need(wfm_plan_input *in, int d, int from, int to, int line, double agents)
{
	wfm_err e = {0};
	int m;

	for (m = from; m < to; m += in->rules.interval_min)
		if (wfm_plan_add_requirement(in, d, m, line, agents, &e))
			fail_msg("%s", e.msg);
}

static wfm_plan_result *solve(const wfm_plan_input *in, double seconds)
{
	wfm_plan_options o;
	wfm_plan_result *res = NULL;
	wfm_err e = {0};
	plancheck pc;

	wfm_plan_options_default(&o);
	o.time_limit = seconds;
	o.gap = 1e-9;
	if (wfm_plan_solve(in, &o, &res, &e))
		fail_msg("solve: %s", e.msg);
	if (plancheck_run(in, res, &pc))
		fail_msg("checker: %s", pc.first);
	return res;
}

/* Monday and Tuesday 09:00-13:00, line 1700 needs 2 agents all the time.
 * Three agents of 8 hours in 2 days, so each works both days unless on
 * leave (a leave day credits 4 hours).  A and then B ask for Monday.  Both
 * granted leaves Monday 1 short for 4 hours (cost 4); none granted leaves
 * 1 over on both days (0.8) plus both refusals (about 1.0); one granted
 * costs 0.4 over on Tuesday plus the other's refusal (0.5), and refusing
 * the later request is cheaper by the rank bonus: A is granted, B refused
 * because Monday 09:00 on 1700 would be 1 agent short. */
static void leave_case(int b_first)
{
	wfm_plan_rules ru;
	wfm_plan_input *in;
	wfm_plan_result *res;
	wfm_err e = {0};
	int a, b, i, first;

	rules_4h(&ru);
	in = week(&ru, 2, 540, 780);
	assert_int_equal(wfm_plan_add_line(in, "1700", 1.0, &e), 0);
	need(in, 0, 540, 780, 0, 2);
	need(in, 1, 540, 780, 0, 2);
	a = agent(in, "A", "1700", 8, 2);
	b = agent(in, "B", "1700", 8, 2);
	agent(in, "C", "1700", 8, 2);
	first = b_first ? b : a;
	assert_int_equal(wfm_plan_add_leave(in, first, day_of(0), day_of(0), 1, &e), 0);
	assert_int_equal(wfm_plan_add_leave(in, first == a ? b : a, day_of(0), day_of(0), 1, &e), 0);
	res = solve(in, 3);
	assert_int_equal(res->n_decisions, 2);
	assert_int_equal(res->leave_granted, 1);
	for (i = 0; i < 2; i++) {
		const wfm_plan_decision *dc = &res->decision[i];
		int who = in->leave[dc->leave].agent;

		assert_int_equal(dc->granted, who == first);
		if (!dc->granted) {
			assert_non_null(strstr(dc->reason, "2024-03-04"));
			assert_non_null(strstr(dc->reason, "1700"));
			assert_non_null(strstr(dc->reason, "short"));
		}
	}
	assert_true(fabs(res->objective - (0.4 + 0.5)) < 1e-9);
	assert_int_equal(res->status, WFM_PLAN_OPTIMAL);
	wfm_plan_result_free(res);
	wfm_plan_input_free(in);
}

static void test_leave_in_request_order(void **state)
{
	(void)state;
	leave_case(0);
	leave_case(1);
}

/* Monday needs 3 agents all morning, Tuesday 3 until 11:00 and 1 after.
 * Three agents work both mornings; two of them must attend a 2-hour
 * session (group of exactly 2) on Monday or Tuesday.  Anywhere but Tuesday
 * 11:00-13:00 the session leaves 2 agents short for 2 hours; there it only
 * removes over-coverage. */
static void test_training_on_quiet_time(void **state)
{
	wfm_plan_rules ru;
	wfm_plan_input *in;
	wfm_plan_result *res;
	wfm_plan_training_spec ts;
	wfm_err e = {0};

	(void)state;
	rules_4h(&ru);
	in = week(&ru, 2, 540, 780);
	assert_int_equal(wfm_plan_add_line(in, "1700", 1.0, &e), 0);
	need(in, 0, 540, 780, 0, 3);
	need(in, 1, 540, 660, 0, 3);
	need(in, 1, 660, 780, 0, 1);
	agent(in, "A", "1700", 8, 2);
	agent(in, "B", "1700", 8, 2);
	agent(in, "C", "1700", 8, 2);
	ts.name = "t";
	ts.skill = "1700";
	ts.minutes = 120;
	ts.group_min = 2;
	ts.group_max = 2;
	ts.participants = "A|C";
	ts.from = day_of(0);
	ts.to = day_of(1);
	assert_int_equal(wfm_plan_add_training(in, &ts, &e), 0);
	res = solve(in, 3);
	assert_int_equal(res->n_sessions, 1);
	assert_int_equal(res->session[0].day, 1);
	assert_int_equal(res->session[0].start, 660);
	assert_int_equal(res->session[0].n_agents, 2);
	assert_true(fabs(res->objective) < 1e-9);
	wfm_plan_result_free(res);
	wfm_plan_input_free(in);
}

static void expect_edata(const wfm_plan_input *in, const char *const *parts)
{
	wfm_plan_options o;
	wfm_plan_result *res = NULL;
	wfm_err e = {0};

	wfm_plan_options_default(&o);
	o.time_limit = 5;
	assert_int_equal(wfm_plan_solve(in, &o, &res, &e), WFM_EDATA);
	assert_null(res);
	for (; *parts; parts++)
		if (!strstr(e.msg, *parts))
			fail_msg("'%s' not in: %s", *parts, e.msg);
}

/* A 38-hour contract in one day open four hours. */
static void test_diagnose_contract_hours(void **state)
{
	wfm_plan_rules ru;
	wfm_plan_input *in;
	wfm_err e = {0};
	static const char *const parts[] = {"agent 'x'", "rule contract hours", NULL};

	(void)state;
	wfm_plan_rules_default(&ru);
	in = week(&ru, 1, 540, 780);
	assert_int_equal(wfm_plan_add_line(in, "1700", 1.0, &e), 0);
	agent(in, "x", "1700", 38, 0);
	expect_edata(in, parts);
	wfm_plan_input_free(in);
}

/* The only participant of a Monday training is on approved leave Monday. */
static void test_diagnose_leave_blocks_training(void **state)
{
	wfm_plan_rules ru;
	wfm_plan_input *in;
	wfm_plan_training_spec ts = {"t", "1700", 60, 1, 4, "x", 0, 0};
	wfm_err e = {0};
	static const char *const parts[] = {"agent 'x'", "training 't'",
					    "approved leave 2024-03-04", NULL};

	(void)state;
	rules_4h(&ru);
	in = week(&ru, 2, 540, 780);
	assert_int_equal(wfm_plan_add_line(in, "1700", 1.0, &e), 0);
	agent(in, "x", "1700", 8, 2);
	agent(in, "y", "1700", 8, 2);
	assert_int_equal(wfm_plan_add_leave(in, 0, day_of(0), day_of(0), 0, &e), 0);
	ts.from = ts.to = day_of(0);
	assert_true(wfm_plan_add_training(in, &ts, &e) >= 0);
	expect_edata(in, parts);
	wfm_plan_input_free(in);
}

/* An agent whose only skill is no line of the plan. */
static void test_diagnose_no_skill(void **state)
{
	wfm_plan_rules ru;
	wfm_plan_input *in;
	wfm_err e = {0};
	static const char *const parts[] = {"agent 'x'", "rule skills", "XYZ", NULL};

	(void)state;
	rules_4h(&ru);
	in = week(&ru, 1, 540, 780);
	assert_int_equal(wfm_plan_add_line(in, "1700", 1.0, &e), 0);
	agent(in, "y", "1700", 4, 0);
	agent(in, "x", "XYZ", 4, 0);
	expect_edata(in, parts);
	wfm_plan_input_free(in);
}

/* Two participants for groups of at least three. */
static void test_diagnose_group_size(void **state)
{
	wfm_plan_rules ru;
	wfm_plan_input *in;
	wfm_plan_training_spec ts = {"t", "1700", 60, 3, 4, "x|y", 0, 0};
	wfm_err e = {0};
	static const char *const parts[] = {"training 't'", "groups of 3 to 4", NULL};

	(void)state;
	rules_4h(&ru);
	in = week(&ru, 1, 540, 780);
	assert_int_equal(wfm_plan_add_line(in, "1700", 1.0, &e), 0);
	agent(in, "x", "1700", 4, 0);
	agent(in, "y", "1700", 4, 0);
	ts.from = ts.to = day_of(0);
	assert_true(wfm_plan_add_training(in, &ts, &e) >= 0);
	expect_edata(in, parts);
	wfm_plan_input_free(in);
}

/* Monday open 13:30-22:00, Tuesday 08:00-16:30, one 8:30 shift: an agent
 * who must work both days rests 10 hours, less than 11. */
static void test_diagnose_rest(void **state)
{
	wfm_plan_rules ru;
	wfm_plan_day days[2];
	wfm_plan_input *in;
	wfm_err e = {0};
	static const char *const parts[] = {"agent 'x'", "rule minimum rest", "2024-03-04",
					    "2024-03-05", NULL};

	(void)state;
	wfm_plan_rules_default(&ru);
	ru.n_types = 1;
	memset(ru.type, 0, sizeof ru.type);
	ru.type[0].minutes = 510;
	ru.hours_tol_min = 0;
	days[0].date = day_of(0);
	days[0].opens = 810;
	days[0].closes = 1320;
	days[1].date = day_of(1);
	days[1].opens = 480;
	days[1].closes = 990;
	in = wfm_plan_input_new(&ru, days, 2, &e);
	assert_non_null(in);
	assert_int_equal(wfm_plan_add_line(in, "1700", 1.0, &e), 0);
	agent(in, "x", "1700", 17, 2);
	expect_edata(in, parts);
	wfm_plan_input_free(in);
}

static void test_input_errors(void **state)
{
	wfm_plan_rules ru;
	wfm_plan_day days[2] = {{0, 540, 780}, {0, 540, 780}};
	wfm_plan_input *in;
	wfm_plan_agent_spec sp;
	wfm_plan_training_spec ts = {"t", "1700", 50, 1, 2, "x", 0, 0};
	wfm_err e = {0};

	(void)state;
	rules_4h(&ru);
	ru.interval_min = 7;
	days[0].date = day_of(0);
	days[1].date = day_of(0) + 7; /* next week */
	assert_null(wfm_plan_input_new(&ru, days, 2, &e));
	assert_int_equal(e.code, WFM_EUSAGE);
	assert_non_null(strstr(e.msg, "interval"));
	rules_4h(&ru);
	assert_null(wfm_plan_input_new(&ru, days, 2, &e));
	assert_non_null(strstr(e.msg, "not in the week"));
	in = week(&ru, 1, 540, 780);
	assert_int_equal(wfm_plan_add_line(in, "1700", 1.0, &e), 0);
	assert_int_equal(wfm_plan_add_requirement(in, 0, 545, 0, 1, &e), WFM_EDATA);
	assert_non_null(strstr(e.msg, "09:05"));
	assert_int_equal(wfm_plan_add_requirement(in, 0, 540, 0, -1, &e), WFM_EDATA);
	memset(&sp, 0, sizeof sp);
	sp.name = "x";
	sp.skills = "1700";
	sp.hours_per_week = 4;
	sp.earliest_start = sp.latest_end = sp.pref_from = sp.pref_to = -1;
	assert_int_equal(wfm_plan_add_agent(in, &sp, &e), 0);
	assert_int_equal(wfm_plan_add_agent(in, &sp, &e), -1);
	assert_non_null(strstr(e.msg, "listed twice"));
	sp.name = "y";
	sp.hours_per_week = 4.001;
	assert_int_equal(wfm_plan_add_agent(in, &sp, &e), -1);
	assert_non_null(strstr(e.msg, "hours_per_week"));
	ts.from = ts.to = day_of(0);
	assert_int_equal(wfm_plan_add_training(in, &ts, &e), -1);
	assert_non_null(strstr(e.msg, "minutes"));
	ts.minutes = 60;
	ts.participants = "x|nobody";
	assert_int_equal(wfm_plan_add_training(in, &ts, &e), -1);
	assert_non_null(strstr(e.msg, "'nobody'"));
	assert_int_equal(wfm_plan_add_leave(in, 0, day_of(1), day_of(0), 0, &e), WFM_EDATA);
	wfm_plan_input_free(in);
}

/* A richer week: 3 days, 2 lines (one with e-mail work), 16 agents with
 * windows, preferences, an unavailable day, approved and requested leave,
 * a training by count and one by list.  The checker must pass and the bound
 * stay below the objective. */
static wfm_plan_input *rich_week(void)
{
	wfm_plan_rules ru;
	wfm_plan_input *in;
	wfm_plan_training_spec t1 = {"count", "S1", 90, 2, 4, "3", 0, 0};
	wfm_plan_training_spec t2 = {"list", "1700", 60, 2, 3, "a1|a2|a5", 0, 0};
	wfm_err e = {0};
	unsigned s = 12345;
	int d, t, i;

	wfm_plan_rules_default(&ru);
	in = week(&ru, 3, 540, 1140);
	assert_int_equal(wfm_plan_add_line(in, "1700", 1.0, &e), 0);
	assert_int_equal(wfm_plan_add_line(in, "S1", 1.5, &e), 1);
	for (d = 0; d < 3; d++) {
		for (t = 0; t < 40; t++) {
			s = s * 1664525u + 1013904223u;
			assert_int_equal(wfm_plan_add_requirement(in, d, 540 + 15 * t, 0,
								  3 + (s >> 28) * 0.4, &e), 0);
			assert_int_equal(wfm_plan_add_requirement(in, d, 540 + 15 * t, 1,
								  1 + (s >> 29) * 0.5, &e), 0);
		}
		assert_int_equal(wfm_plan_add_deferred(in, 1, d, 4, d + 2, &e), 0);
	}
	for (i = 0; i < 16; i++) {
		wfm_plan_agent_spec sp;
		wfm_date un = day_of(2);
		char name[16];

		memset(&sp, 0, sizeof sp);
		snprintf(name, sizeof name, "a%d", i);
		sp.name = name;
		sp.skills = i % 3 == 0 ? "1700" : i % 3 == 1 ? "1700|S1" : "S1";
		sp.hours_per_week = i % 4 == 3 ? 14 : 16;
		sp.earliest_start = i == 4 ? 600 : -1;
		sp.latest_end = i == 5 ? 1050 : -1;
		sp.pref_from = i == 6 ? 540 : -1;
		sp.pref_to = i == 6 ? 570 : -1;
		if (i == 7) {
			sp.unavailable = &un;
			sp.n_unavailable = 1;
			sp.hours_per_week = 14;
		}
		assert_int_equal(wfm_plan_add_agent(in, &sp, &e), i);
	}
	assert_int_equal(wfm_plan_add_leave(in, 8, day_of(1), day_of(1), 0, &e), 0);
	assert_int_equal(wfm_plan_add_leave(in, 9, day_of(0), day_of(0), 1, &e), 0);
	assert_int_equal(wfm_plan_add_leave(in, 10, day_of(2), day_of(2), 1, &e), 0);
	t1.from = t2.from = day_of(0);
	t1.to = t2.to = day_of(2);
	assert_true(wfm_plan_add_training(in, &t1, &e) >= 0);
	assert_true(wfm_plan_add_training(in, &t2, &e) >= 0);
	return in;
}

static void test_rich_week_checks(void **state)
{
	wfm_plan_input *in = rich_week();
	wfm_plan_result *res = solve(in, 2);
	int i, trained = 0;

	(void)state;
	assert_true(res->bound <= res->objective + 1e-9);
	assert_true(res->gap >= 0 && res->gap <= 1);
	assert_int_equal(res->n_decisions, 2);
	for (i = 0; i < res->n_sessions; i++)
		trained += res->session[i].n_agents;
	assert_int_equal(trained, 3 + 3);
	wfm_plan_result_free(res);
	wfm_plan_input_free(in);
}

static int calls, stop_after;

static int count_and_stop(const wfm_plan_progress *p, void *ctx)
{
	(void)ctx;
	calls++;
	assert_true(p->seconds >= 0);
	return stop_after && p->objective >= 0 && calls >= stop_after;
}

static void test_progress_and_stop(void **state)
{
	wfm_plan_input *in = rich_week();
	wfm_plan_options o;
	wfm_plan_result *res = NULL;
	wfm_err e = {0};
	plancheck pc;
	volatile sig_atomic_t flag = 1;

	(void)state;
	wfm_plan_options_default(&o);
	o.time_limit = 30;
	o.gap = 0;
	o.progress = count_and_stop;
	calls = 0;
	stop_after = 2;
	assert_int_equal(wfm_plan_solve(in, &o, &res, &e), 0);
	assert_true(calls >= 2);
	assert_true(res->seconds < 20);
	assert_int_equal(res->status, WFM_PLAN_STOPPED);
	assert_int_equal(plancheck_run(in, res, &pc), 0);
	wfm_plan_result_free(res);
	/* the stop flag set before the start: a plan all the same */
	o.progress = NULL;
	o.stop = &flag;
	assert_int_equal(wfm_plan_solve(in, &o, &res, &e), 0);
	assert_int_equal(res->status, WFM_PLAN_STOPPED);
	assert_true(res->seconds < 5);
	assert_int_equal(plancheck_run(in, res, &pc), 0);
	wfm_plan_result_free(res);
	wfm_plan_input_free(in);
}

/* Open descriptors among the first 256. */
static int open_fds(void)
{
	int fd, n = 0;

	for (fd = 0; fd < 256; fd++)
		if (fcntl(fd, F_GETFD) != -1)
			n++;
	return n;
}

/* No child of this process is left, not even a zombie. */
static void assert_no_child(void)
{
	errno = 0;
	assert_int_equal(waitpid(-1, NULL, WNOHANG), -1);
	assert_int_equal(errno, ECHILD);
}

static volatile sig_atomic_t sigint_flag;
static int lp_seen;
static double lp_bound; /* the bound reported as the LP phase began, -1: none */

static void on_sigint(int sig)
{
	(void)sig;
	sigint_flag = 1;
}

/* Ctrl-C as the program sees it, as soon as the LP phase starts. */
static int sigint_in_lp(const wfm_plan_progress *p, void *ctx)
{
	(void)ctx;
	if (strcmp(p->phase, "lp") == 0 && !lp_seen) {
		lp_seen = 1;
		lp_bound = p->bound;
		raise(SIGINT);
	}
	return 0;
}

/* The LP runs in a child process: a stop request while it runs ends the
 * phase at once (the LP's value never becomes the bound: the solve did not
 * wait for it; the bound is the one the solve had before the LP, from its
 * first second of Lagrangian ascent, or 0), the program's SIGINT handler
 * stays in place, and no child or descriptor is left behind. */
static void test_stop_during_lp(void **state)
{
	wfm_plan_input *in = rich_week();
	wfm_plan_options o;
	wfm_plan_result *res = NULL;
	wfm_err e = {0};
	plancheck pc;
	struct sigaction sa, old, now;
	int fds = open_fds();

	(void)state;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_sigint;
	sigemptyset(&sa.sa_mask);
	assert_int_equal(sigaction(SIGINT, &sa, &old), 0);
	wfm_plan_options_default(&o);
	o.time_limit = 60;
	o.gap = 0;
	o.progress = sigint_in_lp;
	o.stop = &sigint_flag;
	sigint_flag = 0;
	lp_seen = 0;
	assert_int_equal(wfm_plan_solve(in, &o, &res, &e), 0);
	assert_true(lp_seen);
	assert_true(sigint_flag);
	assert_int_equal(res->status, WFM_PLAN_STOPPED);
	assert_true(res->bound == (lp_bound > 0 ? lp_bound : 0));
	assert_int_equal(plancheck_run(in, res, &pc), 0);
	assert_no_child();
	assert_int_equal(open_fds(), fds);
	assert_int_equal(sigaction(SIGINT, &old, &now), 0);
	assert_true(now.sa_handler == on_sigint);
	wfm_plan_result_free(res);
	wfm_plan_input_free(in);
}

/* Stops the solve once there is a bound: the LP's, whatever its time. */
static int stop_at_bound(const wfm_plan_progress *p, void *ctx)
{
	(void)ctx;
	return p->bound > 0;
}

/* A solved LP comes back from the child: its value is the bound, and the
 * child left through _exit: it did not flush the stdio buffers it
 * inherited (the pending byte below is written once, by this process). */
static void test_lp_child_leaves_no_trace(void **state)
{
	wfm_plan_input *in = rich_week();
	wfm_plan_options o;
	wfm_plan_result *res = NULL;
	wfm_err e = {0};
	plancheck pc;
	FILE *f = tmpfile();
	char buf[8];
	int fds;

	(void)state;
	assert_non_null(f);
	assert_int_equal(setvbuf(f, NULL, _IOFBF, 4096), 0);
	assert_true(fputc('x', f) == 'x');
	fds = open_fds();
	wfm_plan_options_default(&o);
	o.time_limit = 60;
	o.gap = 0;
	o.progress = stop_at_bound;
	assert_int_equal(wfm_plan_solve(in, &o, &res, &e), 0);
	assert_int_equal(plancheck_run(in, res, &pc), 0);
	assert_true(res->bound > 0);
	assert_true(res->bound <= res->objective + 1e-9);
	assert_no_child();
	assert_int_equal(open_fds(), fds);
	assert_int_equal(fflush(f), 0);
	rewind(f);
	assert_int_equal(fread(buf, 1, sizeof buf, f), 1);
	fclose(f);
	wfm_plan_result_free(res);
	wfm_plan_input_free(in);
}

static void test_write_lp(void **state)
{
	wfm_plan_input *in = rich_week();
	wfm_err e = {0};
	char path[] = "/tmp/test-plan-lp-XXXXXX";
	int fd = mkstemp(path);
	glp_prob *P;

	(void)state;
	assert_true(fd >= 0);
	close(fd);
	assert_int_equal(wfm_plan_write_lp(in, path, &e), 0);
	P = glp_create_prob();
	glp_term_out(GLP_OFF);
	assert_int_equal(glp_read_lp(P, NULL, path), 0);
	assert_true(glp_get_num_rows(P) > 100);
	assert_true(glp_get_num_int(P) > 10);
	glp_create_index(P);
	assert_true(glp_find_row(P, "cover_0_0_0") > 0);
	glp_delete_prob(P);
	unlink(path);
	/* the engine writes where it is told; making the file (exit 73 for a
	 * missing folder) is the run layer's and the program's: see the CLI
	 * case plan/write-lp-bad-dir */
	assert_int_equal(wfm_plan_write_lp(in, "/nonexistent-dir/x.lp", &e), WFM_EIO);
	wfm_plan_input_free(in);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_input_errors),
		cmocka_unit_test(test_leave_in_request_order),
		cmocka_unit_test(test_training_on_quiet_time),
		cmocka_unit_test(test_diagnose_contract_hours),
		cmocka_unit_test(test_diagnose_leave_blocks_training),
		cmocka_unit_test(test_diagnose_no_skill),
		cmocka_unit_test(test_diagnose_group_size),
		cmocka_unit_test(test_diagnose_rest),
		cmocka_unit_test(test_rich_week_checks),
		cmocka_unit_test(test_progress_and_stop),
		cmocka_unit_test(test_stop_during_lp),
		cmocka_unit_test(test_lp_child_leaves_no_trace),
		cmocka_unit_test(test_write_lp),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
