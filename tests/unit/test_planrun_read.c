/* test_planrun_read.c - lib/planrun.c: the plan's four CSV inputs read into
 * a wfm_plan_input (wfm_pr_read).
 *
 * Every expected value is worked out by hand in the comment above it from
 * the contracts of planrun.h, plan.h and config.h (never pasted from the
 * code's output).  The plan week used throughout is Monday 2024-03-04 ..
 * Sunday 2024-03-10 (no Belgian or Flemish holiday); under the default
 * settings Monday-Friday open 09:00-19:00 with 15-minute intervals, so the
 * input's grid starts at 09:00 (540) with (1140 - 540) / 15 = 40 intervals.
 * One test uses the week of Easter Monday 2024-04-01, a Belgian holiday.
 * Helpers: planrun_fixture.h. */
#include "planrun_fixture.h"

/* Writes the inputs (leave, trainings may be NULL) and reads them with the
 * calendar of the settings.  The files stay until the next call or
 * fx_free so that messages can be compared with their names.  These tests
 * are about reading: unless a test chooses the objective, it is the linear
 * one, which needs no volume or handle time (the service objective's
 * reading is tested in test_read_service*). */
static wfm_plan_input *fx_read(struct fx *f, const char *req, const char *agents,
			       const char *leave, const char *tr, wfm_date from, wfm_date to)
{
	wfm_pr_files files;

	if (!f->cfg.objective)
		set_plan(f, "objective", "linear");
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
		{"2024-03-05,09:00,phone,,1", "column 'line': empty: ''"},
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
		{2, "T,L1,30,1,2,Ann|Zoe,2024-03-04,2024-03-04", "column 'participants': unknown "
		 "agent: 'Zoe'"},
		{2, "T,L1,20,1,2,Ann,2024-03-04,2024-03-04", "column 'minutes': no positive "
		 "multiple of 15 minutes: '20'"},
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

int main(void)
{
	const struct CMUnitTest tests[] = {
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
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
