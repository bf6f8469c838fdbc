/* test_staffrun_shrinkage.c - lib/staffrun_set.c and lib/staffrun_write.c:
 * shrinkage per channel and per weekday, combined and applied to the
 * `scheduled` figures.
 *
 * Reference values are worked out by hand in the comments (decimal shares,
 * products such as 0.875 x 0.8 = 0.7), and the scheduled agents of every live
 * row are checked again with integer arithmetic on per-mille shares:
 * ceil(agents x 10^6 / ((1000 - absence) (1000 - off))), another algorithm
 * than the code's floating-point division with a tolerance.  The required
 * agents come from the stability bound of Erlang C: 82 calls of 225 s in
 * 15 minutes are 20.5 erlangs, so at least 21 agents, and 21 reach a service
 * level of 0.163 in 20 s (by hand from the Erlang C formula; more than the
 * 5 % asked). */
#include <math.h>

#include "staffrun_fixture.h"

/* The defaults with the [staff] keys of `kv` ("key=value", NULL-terminated)
 * applied as flags; a calendar open Monday to Friday 09:00-09:15, no
 * holidays.  Returns the status of wfm_sr_settings_init. */
static int fx_init(struct fx *f, const char *const *kv)
{
	return fx_setup(f, kv, 540, 555);
}

static void expect_share(const struct fx *f, int ch, int wd, double want)
{
	double got = f->s.shrinkage[ch][wd];

	if (!(fabs(got - want) <= 1e-15))
		fail_msg("%s on %s: %.17g, want %.17g", wfm_channel_name(ch),
			 wfm_weekday_name(wd), got, want);
}

/* Without channel or weekday keys every channel on every day has the
 * `shrinkage` share itself, bit for bit. */
static void test_defaults(void **state)
{
	static const char *const kv[] = {"shrinkage=25%", NULL};
	struct fx f;

	(void)state;
	assert_int_equal(fx_init(&f, NULL), WFM_OK);
	for (int ch = 0; ch < WFM_NCHANNELS; ch++)
		for (int wd = WFM_MON; wd <= WFM_SUN; wd++)
			assert_true(f.s.shrinkage[ch][wd] == 0.3);
	fx_free(&f);
	assert_int_equal(fx_init(&f, kv), WFM_OK);
	for (int ch = 0; ch < WFM_NCHANNELS; ch++)
		for (int wd = WFM_MON; wd <= WFM_SUN; wd++)
			assert_true(f.s.shrinkage[ch][wd] == 0.25);
	fx_free(&f);
}

/* A channel's value replaces `shrinkage` for that channel (0 included: not
 * the same as not given); a weekday's absence multiplies with every
 * channel's share on that day. */
static void test_combination(void **state)
{
	static const char *const kv[] = {"shrinkage=25%", "shrinkage_chat=35%",
		"shrinkage_phone=0", "shrinkage_mon=10%", "shrinkage_fri=0.2", NULL};
	static const char *const back[] = {"shrinkage=25%", "shrinkage_phone=0",
		"shrinkage_phone=none", "shrinkage_mon=10%", "shrinkage_mon=none", NULL};
	struct fx f;

	(void)state;
	assert_int_equal(fx_init(&f, kv), WFM_OK);
	expect_share(&f, WFM_CH_PHONE, WFM_TUE, 0);          /* given as 0 */
	expect_share(&f, WFM_CH_PHONE, WFM_MON, 0.1);        /* 1 - 0.9 x 1 */
	expect_share(&f, WFM_CH_CHAT, WFM_WED, 0.35);
	expect_share(&f, WFM_CH_CHAT, WFM_MON, 0.415);       /* 1 - 0.9 x 0.65 */
	expect_share(&f, WFM_CH_CHAT, WFM_FRI, 0.48);        /* 1 - 0.8 x 0.65 */
	expect_share(&f, WFM_CH_EMAIL, WFM_MON, 0.325);      /* 1 - 0.9 x 0.75 */
	expect_share(&f, WFM_CH_EMAIL, WFM_FRI, 0.4);        /* 1 - 0.8 x 0.75 */
	expect_share(&f, WFM_CH_SOCIAL, WFM_SAT, 0.25);
	expect_share(&f, WFM_CH_CALLBACK, WFM_THU, 0.25);
	fx_free(&f);
	/* none takes a key back to not given */
	assert_int_equal(fx_init(&f, back), WFM_OK);
	for (int ch = 0; ch < WFM_NCHANNELS; ch++)
		for (int wd = WFM_MON; wd <= WFM_SUN; wd++)
			expect_share(&f, ch, wd, 0.25);
	fx_free(&f);
}

/* Parts so close to 1 that nothing is left in double precision: an error
 * naming the weekday's key (it came from a flag). */
static void test_no_time_left(void **state)
{
	static const char *const kv[] = {"shrinkage_phone=0.9999999999999999",
		"shrinkage_wed=0.9999999999999999", NULL};
	struct fx f;

	(void)state;
	assert_int_equal(fx_init(&f, kv), WFM_EUSAGE);
	assert_string_equal(f.e.msg, "--shrinkage-wed: phone on wed leaves no time for contacts");
	fx_free(&f);
}

/* Requirements of `forecast` at `grain` into f->out. */
static void run(struct fx *f, const char *forecast, int grain)
{
	if (fx_run(f, forecast, NULL, NULL, NULL, grain) != WFM_OK)
		fail_msg("%s", f->e.msg);
}

/* Column `col` (0-based) of the line of `out` that starts with `prefix`. */
static double num_at(const char *out, const char *prefix, int col)
{
	const char *p = strstr(out, prefix);

	if (!p)
		fail_msg("no line '%s' in:\n%s", prefix + 1, out);
	p++;
	for (int c = 0; c < col; c++)
		p = strchr(p, ',') + 1;
	return strtod(p, NULL);
}

/* ceil(agents / ((1 - a)(1 - o))) for per-mille shares a, o, in integers. */
static long sched_ref(long agents, long a_pm, long o_pm)
{
	long keep = (1000 - a_pm) * (1000 - o_pm);

	return (agents * 1000000 + keep - 1) / keep;
}

static const char forecast[] =
	"period,time,channel,line,forecast,aht_s\n"
	"2025-03-03,09:00,phone,L,82,225\n"  /* Monday: 20.5 erlangs, 21 agents */
	"2025-03-03,09:00,chat,L,4,480\n"
	"2025-03-03,,email,L,20,900\n"       /* 5 agent-hours, due the same day */
	"2025-03-04,09:00,phone,L,82,225\n"  /* Tuesday: the same */
	"2025-03-04,09:00,chat,L,4,480\n"
	"2025-03-04,,email,L,7,900\n";       /* 1.75 agent-hours */

/* The `scheduled` column: phone 20 %, chat and e-mail 30 % (shrinkage),
 * 12.5 % absence on Mondays.  Monday phone: 1 - 0.875 x 0.8 = 0.3 exactly,
 * 21 / 0.7 = 30 (a naive floating-point ceil gives 31); Tuesday phone:
 * 21 / 0.8 = 26.25, 27.  E-mail: Monday 5 / (0.875 x 0.7) = 8.163, 8.16;
 * Tuesday 1.75 / 0.7 = 2.5. */
static void test_scheduled(void **state)
{
	static const char *const kv[] = {"sl=0.05", "shrinkage_phone=20%",
		"shrinkage_mon=12.5%", "deadline_days=0", NULL};
	static const struct {
		const char *prefix;
		long a_pm, o_pm;
	} live[] = {
		{"2025-03-03,09:00,phone,L,", 125, 200}, {"2025-03-04,09:00,phone,L,", 0, 200},
		{"2025-03-03,09:00,chat,L,", 125, 300}, {"2025-03-04,09:00,chat,L,", 0, 300},
	};
	struct fx f;

	(void)state;
	assert_int_equal(fx_init(&f, kv), WFM_OK);
	f.s.phone_model = WFM_MODEL_ERLANG_C;
	run(&f, forecast, WFM_SR_INTERVAL);
	assert_non_null(strstr(f.out, "\n2025-03-03,09:00,phone,L,82,225,21,"));
	assert_non_null(strstr(f.out, "\n2025-03-04,09:00,phone,L,82,225,21,"));
	for (size_t i = 0; i < sizeof live / sizeof live[0]; i++) {
		const char *p = strstr(f.out, live[i].prefix), *q;
		long agents, sched, want;

		if (!p)
			fail_msg("no row '%s' in:\n%s", live[i].prefix, f.out);
		/* volume,aht_s,agents,...,scheduled: the third field and the last */
		q = strchr(strchr(p + strlen(live[i].prefix), ',') + 1, ',') + 1;
		agents = strtol(q, NULL, 10);
		q = strchr(p, '\n');
		while (q[-1] != ',')
			q--;
		sched = strtol(q, NULL, 10);
		want = sched_ref(agents, live[i].a_pm, live[i].o_pm);
		if (sched != want)
			fail_msg("%s: %ld agents scheduled as %ld, want %ld", live[i].prefix, agents,
				 sched, want);
	}
	assert_non_null(strstr(f.out, "\n2025-03-03,09:00,phone,L,82,225,21,"));
	assert_non_null(strstr(f.out, ",30\n2025-03-03,09:00,chat,"));    /* Monday phone */
	assert_non_null(strstr(f.out, ",27\n2025-03-04,09:00,chat,"));    /* Tuesday phone */
	assert_non_null(strstr(f.out, "\n2025-03-03,,email,L,20,900,5,1,1,,1,8.16\n"));
	assert_non_null(strstr(f.out, "\n2025-03-04,,email,L,7,900,1.75,1,1,,1,2.5\n"));
	fx_free(&f);
}

/* FTE per day: scheduled hours are each row's scheduled agents x 0.25 h
 * with its own day's shrinkage, FTE those hours over 38 / 5 = 7.6.  Monday
 * phone 30 x 0.25 = 7.5 h (0.99 FTE), Tuesday 27 x 0.25 = 6.75 h (0.89);
 * e-mail 8.163 h (1.07) and 2.5 h (0.33); chat (0 % off) keeps the Monday
 * absence only.  Workload 82 x 225 s = 5.125 h is written 5.12 (half to
 * even). */
static void test_fte(void **state)
{
	static const char *const kv[] = {"sl=0.05", "shrinkage_phone=20%",
		"shrinkage_mon=12.5%", "deadline_days=0", "shrinkage_chat=0", NULL};
	struct fx f;
	double mon_chat;
	long agents;

	(void)state;
	assert_int_equal(fx_init(&f, kv), WFM_OK);
	f.s.phone_model = WFM_MODEL_ERLANG_C;
	run(&f, forecast, WFM_SR_DAY);
	assert_non_null(strstr(f.out, "\n2025-03-03,phone,L,82,5.12,5.25,7.5,0.99\n"));
	assert_non_null(strstr(f.out, "\n2025-03-04,phone,L,82,5.12,5.25,6.75,0.89\n"));
	assert_non_null(strstr(f.out, "\n2025-03-03,email,L,20,5,5,8.16,1.07\n"));
	assert_non_null(strstr(f.out, "\n2025-03-04,email,L,7,1.75,1.75,2.5,0.33\n"));
	/* chat: scheduled hours from its agent hours, Monday with the absence */
	agents = lround(num_at(f.out, "\n2025-03-03,chat,L,", 5) / 0.25);
	assert_true(num_at(f.out, "\n2025-03-03,chat,L,", 6) == 0.25 * sched_ref(agents, 125, 0));
	mon_chat = 0.25 * (double)sched_ref(agents, 125, 0);
	agents = lround(num_at(f.out, "\n2025-03-04,chat,L,", 5) / 0.25);
	assert_true(num_at(f.out, "\n2025-03-04,chat,L,", 6) == 0.25 * (double)agents);
	/* the day's total: 7.5 + 8.163 + chat */
	assert_true(fabs(num_at(f.out, "\n2025-03-03,,,", 6) - (7.5 + 5 / 0.6125 + mon_chat)) <=
		    0.005 + 1e-9);
	fx_free(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_combination),
		cmocka_unit_test(test_no_time_left),
		cmocka_unit_test(test_scheduled),
		cmocka_unit_test(test_fte),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
