/* test_plan_round.c - lib/plan/plan_round.c (trainings and breaks placed on
 * a roster) and the rest chains of plan_ls.c: cases a reviewer found by
 * reading the code (issue 10).
 *
 * - An agent may attend two sessions on one day only when every break of
 *   its shift still has an offset clear of both: each session alone
 *   leaving room is not enough (a lunch window 12:00-14:00 with sessions
 *   10:30-12:30 and 12:30-14:30 has no room left).
 * - The sessions of one training never share a slot (the checker would
 *   read them as one group above group_max), with or without model values.
 * - An agent whose rest rule binds chooses among all the templates of a
 *   day, not the first 128 (a day open 06:00-24:00 has 143).
 * The expected answers are worked out by hand from the shift rules of
 * wfm_plan_rules_default (8:30 shifts with a 30-minute lunch starting
 * 3:00-5:00 after the start, 15-minute breaks 1:00-2:30 and 5:30-7:15). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>

#include "plan/plan_impl.h"

static int tmpl_at(const pl_ctx *c, int d, int type, int start_min)
{
	int j;

	for (j = 0; j < c->n_tmpl[d]; j++)
		if (c->tmpl[d][j].type == type &&
		    c->in->grid_start + c->tmpl[d][j].s * c->iv == start_min)
			return j;
	return -1;
}

static int iv_of(const pl_ctx *c, int minute)
{
	return (minute - c->in->grid_start) / c->iv;
}

/* An input of the linear objective with rules `ru` (already set) on days
 * days[0..n), line 1700 requiring `agents` in every 15 minutes from `from`
 * to `to` of each day. */
static wfm_plan_input *line_days(wfm_plan_rules *ru, const wfm_plan_day *days, int n,
				 int from, int to, double agents)
{
	wfm_plan_input *in;
	wfm_err e = {0};

	ru->objective = WFM_PLAN_LINEAR;
	in = wfm_plan_input_new(ru, days, n, &e);
	assert_non_null(in);
	assert_int_equal(wfm_plan_add_line(in, "1700", 1.0, &e), 0);
	for (int d = 0; d < n; d++)
		for (int t = from; t < to; t += 15)
			assert_int_equal(wfm_plan_add_requirement(in, d, t, 0, agents, &e), 0);
	return in;
}

/* Adds agent `name` (line 1700, `hours` a week, no other limits), which
 * must get index `id`. */
static void add_agent(wfm_plan_input *in, const char *name, double hours, int id)
{
	wfm_plan_agent_spec sp;
	wfm_err e = {0};

	memset(&sp, 0, sizeof sp);
	sp.name = name;
	sp.skills = "1700";
	sp.hours_per_week = hours;
	sp.earliest_start = -1;
	sp.latest_end = -1;
	sp.pref_from = sp.pref_to = -1;
	assert_int_equal(wfm_plan_add_agent(in, &sp, &e), id);
}

/* One day 09:00-17:30, agent a0 (8 h), two listed trainings of 120
 * minutes for a0, their slots fixed at 10:30 and 12:30 (as
 * wfm_pl_choose_slots fixes slots). */
static wfm_plan_input *two_sessions_day(void)
{
	wfm_plan_rules ru;
	wfm_plan_day day = {wfm_date_from_ymd(2024, 3, 4), 540, 1050};
	wfm_plan_input *in;
	wfm_plan_training_spec ta = {"A", "1700", 120, 1, 1, "a0", day.date, day.date};
	wfm_plan_training_spec tb = {"B", "1700", 120, 1, 1, "a0", day.date, day.date};
	wfm_err e = {0};

	wfm_plan_rules_default(&ru);
	in = line_days(&ru, &day, 1, 540, 1050, 1);
	add_agent(in, "a0", 8, 0);
	assert_int_equal(wfm_plan_add_training(in, &ta, &e), 0);
	assert_int_equal(wfm_plan_add_training(in, &tb, &e), 1);
	return in;
}

static void fix_slot(pl_ctx *c, int k, int minute)
{
	int si;

	for (si = 0; si < c->tr[k].n_slot; si++)
		if (c->tr[k].slot[si].t == iv_of(c, minute))
			break;
	assert_true(si < c->tr[k].n_slot);
	c->tr[k].slot[0] = c->tr[k].slot[si];
	c->tr[k].n_slot = 1;
}

/* 1 when some break of agent a on day d overlaps a session it attends. */
static int break_in_session(const pl_ctx *c, const pl_roster *r, int a, int d)
{
	int j = r->tm[a * c->D + d], ty, b, k;

	if (j < 0)
		return 0;
	ty = c->tmpl[d][j].type;
	for (b = 0; b < c->nb[ty]; b++) {
		int bs = c->tmpl[d][j].s + r->bo[(a * c->D + d) * PL_MAXB + b];
		int be = bs + c->blen[ty][b];

		for (k = 0; k < c->NT; k++) {
			int s = r->att[a * c->NT + k], q = k * r->maxs + s;

			if (s >= 0 && r->sd[q] == d && r->st[q] < be && bs < r->st[q] + c->tr[k].len)
				return 1;
		}
	}
	return 0;
}

static void test_two_sessions_leave_no_lunch(void **state)
{
	wfm_plan_input *in = two_sessions_day();
	pl_ctx c;
	pl_roster *r;
	wfm_err e = {0};
	unsigned seed = 1;
	int j;

	(void)state;
	assert_int_equal(wfm_pl_prepare(&c, in, &e), 0);
	assert_int_equal(wfm_pl_diagnose(&c, &e), 0);
	assert_int_equal(wfm_pl_build_model(&c, &e), 0);
	fix_slot(&c, 0, 630);
	fix_slot(&c, 1, 750);
	r = wfm_pl_roster_new(&c);
	assert_non_null(r);
	j = tmpl_at(&c, 0, 0, 540);
	assert_true(j >= 0);
	/* each session alone leaves the 8:30 shift from 09:00 room for its
	 * breaks: lunch 12:30.. after A, 12:00 before B */
	assert_true(wfm_pl_tmpl_covers(&c, 0, j, iv_of(&c, 630), 8));
	assert_true(wfm_pl_tmpl_covers(&c, 0, j, iv_of(&c, 750), 8));
	r->tm[0] = j;
	/* both together leave no lunch start in 12:00-14:00 clear of
	 * 10:30-14:30, and no other shift of a0 covers both: the trainings
	 * cannot be staffed (the only shift that could would need a lunch
	 * inside a session) */
	assert_int_equal(wfm_pl_place_trainings(&c, r, NULL, NULL), 0);
	assert_true(r->att[0 * c.NT + 0] < 0 || r->att[0 * c.NT + 1] < 0);
	/* one session alone: attended, the breaks clear of it */
	c.NT = 1;
	wfm_pl_roster_clear(&c, r);
	r->tm[0] = j;
	assert_int_equal(wfm_pl_place_trainings(&c, r, NULL, NULL), 1);
	assert_int_equal(r->att[0], 0);
	assert_int_equal(wfm_pl_place_breaks(&c, r, NULL, &seed), 0);
	assert_false(break_in_session(&c, r, 0, 0));
	c.NT = 2;
	wfm_pl_roster_clear(&c, r);
	/* placed by hand (both attended): place_breaks refuses rather than
	 * put the lunch in a session */
	r->tm[0] = j;
	r->sd[0 * r->maxs] = 0;
	r->st[0 * r->maxs] = iv_of(&c, 630);
	r->sd[1 * r->maxs] = 0;
	r->st[1 * r->maxs] = iv_of(&c, 750);
	r->att[0 * c.NT + 0] = 0;
	r->att[0 * c.NT + 1] = 0;
	assert_int_equal(wfm_pl_place_breaks(&c, r, NULL, &seed), -2);
	wfm_pl_roster_free(r);
	wfm_pl_release(&c);
	wfm_plan_input_free(in);
}

/* Training T: a count of 2 in groups of 1 (two sessions) on one day; a
 * day 09:00-17:30 and three agents. */
static wfm_plan_input *two_groups_day(void)
{
	wfm_plan_rules ru;
	wfm_plan_day day = {wfm_date_from_ymd(2024, 3, 4), 540, 1050};
	wfm_plan_input *in;
	wfm_plan_training_spec tt = {"T", "1700", 60, 1, 1, "2", day.date, day.date};
	wfm_err e = {0};

	wfm_plan_rules_default(&ru);
	in = line_days(&ru, &day, 1, 540, 1050, 2);
	add_agent(in, "a0", 8, 0);
	add_agent(in, "a1", 8, 1);
	add_agent(in, "a2", 8, 2);
	assert_int_equal(wfm_plan_add_training(in, &tt, &e), 0);
	return in;
}

static void test_sessions_never_share_a_slot(void **state)
{
	wfm_plan_input *in = two_groups_day();
	pl_ctx c;
	pl_roster *r;
	wfm_err e = {0};
	double *x;
	int a, j, n_slot;

	(void)state;
	assert_int_equal(wfm_pl_prepare(&c, in, &e), 0);
	assert_int_equal(wfm_pl_diagnose(&c, &e), 0);
	assert_int_equal(wfm_pl_build_model(&c, &e), 0);
	assert_int_equal(c.tr[0].n_sess, 2);
	assert_true(c.tr[0].n_slot >= 2);
	r = wfm_pl_roster_new(&c);
	x = calloc((size_t)c.ncols + 1, sizeof *x);
	assert_non_null(r);
	assert_non_null(x);
	j = tmpl_at(&c, 0, 0, 540);
	assert_true(j >= 0);
	/* model values that put both sessions on the first slot: the second
	 * session takes the next slot the values weight most */
	n_slot = c.tr[0].n_slot;
	x[c.tr[0].col_z[0 * n_slot + 0]] = 1;
	x[c.tr[0].col_z[1 * n_slot + 0]] = 0.9;
	x[c.tr[0].col_z[1 * n_slot + 1]] = 0.1;
	for (a = 0; a < 3; a++)
		r->tm[a] = j;
	assert_int_equal(wfm_pl_place_trainings(&c, r, x, NULL), 1);
	assert_false(r->sd[0] == r->sd[1] && r->st[0] == r->st[1]);
	/* without model values, one slot left for two sessions: the training
	 * cannot be held there (it used to put both sessions on it) */
	c.tr[0].n_slot = 1;
	wfm_pl_roster_clear(&c, r);
	for (a = 0; a < 3; a++)
		r->tm[a] = j;
	assert_int_equal(wfm_pl_place_trainings(&c, r, NULL, NULL), 0);
	c.tr[0].n_slot = n_slot;
	free(x);
	wfm_pl_roster_free(r);
	wfm_pl_release(&c);
	wfm_plan_input_free(in);
}

/* Two consecutive days open 06:00-24:00: 39 + 47 + 57 = 143 templates a
 * day (8:30, 6:30 and 4:00 shifts every 15 minutes), so rest binds (a shift
 * to 24:00 and one from 06:00 are 6 h apart).  One agent, 8 h: two 4:00
 * shifts (or one of 8:30).  Work only 20:00-24:00: the best week is 20:00-
 * 24:00 on both days, templates 139 and above. */
static void test_rest_chain_all_templates(void **state)
{
	wfm_plan_rules ru;
	wfm_plan_day days[2] = {{wfm_date_from_ymd(2024, 3, 4), 360, 1440},
				{wfm_date_from_ymd(2024, 3, 5), 360, 1440}};
	wfm_plan_input *in;
	pl_ctx c;
	pl_roster *r;
	pl_flow *f;
	pl_clock k;
	wfm_err e = {0};
	unsigned seed = 5;
	int d, j;

	(void)state;
	wfm_plan_rules_default(&ru);
	in = line_days(&ru, days, 2, 1200, 1440, 1);
	add_agent(in, "late", 8, 0);
	assert_int_equal(wfm_pl_prepare(&c, in, &e), 0);
	assert_int_equal(wfm_pl_diagnose(&c, &e), 0);
	assert_int_equal(wfm_pl_build_model(&c, &e), 0);
	assert_int_equal(c.n_tmpl[0], 143);
	assert_true(c.cls[c.cls_of[0]].rest);
	j = tmpl_at(&c, 0, 2, 1200);
	assert_true(j >= 128);
	memset(&k, 0, sizeof k);
	clock_gettime(CLOCK_MONOTONIC, &k.t0);
	k.limit = 5;
	r = wfm_pl_roster_new(&c);
	f = wfm_pl_flow_new(&c);
	assert_non_null(r);
	assert_non_null(f);
	assert_int_equal(wfm_pl_construct(&c, r, f, &k, &seed), 0);
	for (d = 0; d < 2; d++)
		assert_int_equal(r->tm[0 * c.D + d], tmpl_at(&c, d, 2, 1200));
	wfm_pl_flow_free(f);
	wfm_pl_roster_free(r);
	wfm_pl_release(&c);
	wfm_plan_input_free(in);
}

/* Two sessions (a count of 2 in groups of 1) of 4:00 on a day open
 * 09:00-13:00 with only 4:00 shifts: one time has room, so no plan holds
 * the training; wfm_pl_diagnose says so (exit 65 for wfm-plan). */
static void test_fewer_slots_than_sessions(void **state)
{
	wfm_plan_rules ru;
	wfm_plan_day day = {wfm_date_from_ymd(2024, 3, 4), 540, 780};
	wfm_plan_training_spec tt = {"T", "1700", 240, 1, 1, "2", day.date, day.date};
	wfm_plan_input *in;
	pl_ctx c;
	wfm_err e = {0};

	(void)state;
	wfm_plan_rules_default(&ru);
	ru.n_types = 1;
	ru.type[0].minutes = 240;
	ru.type[0].n_breaks = 0;
	in = line_days(&ru, &day, 1, 540, 780, 1);
	add_agent(in, "a0", 4, 0);
	add_agent(in, "a1", 4, 1);
	assert_int_equal(wfm_plan_add_training(in, &tt, &e), 0);
	assert_int_equal(wfm_pl_prepare(&c, in, &e), 0);
	assert_int_equal(c.tr[0].n_sess, 2);
	assert_int_equal(c.tr[0].n_slot, 1);
	assert_int_equal(wfm_pl_diagnose(&c, &e), WFM_EDATA);
	assert_string_equal(e.msg, "training 'T': 2 participants in groups of at most 1 need 2 "
			    "sessions at different times; from 2024-03-04 to 2024-03-04 only 1 "
			    "time has room for a 4:00 session inside the opening hours and a shift");
	wfm_pl_release(&c);
	wfm_plan_input_free(in);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_two_sessions_leave_no_lunch),
		cmocka_unit_test(test_sessions_never_share_a_slot),
		cmocka_unit_test(test_rest_chain_all_templates),
		cmocka_unit_test(test_fewer_slots_than_sessions),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
