/* test_config.c - lib/config.c: defaults, the wfm.conf reader, flags, checks
 * across keys and the calendar built from the settings.
 *
 * Expected values and messages are written from the contract in config.h.
 * Reasons that come from value.h parsers are not compared word for word: only
 * the location, key and quoted value around them.  The tests run from the
 * repository root (as `make check` does) or with WFM_SRCDIR set to it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "setup/config.h"

struct tmp {
	char dir[64];
	char path[256];
	wfm_config cfg;
	wfm_err e;
};

static int setup(void **state)
{
	struct tmp *t = calloc(1, sizeof *t);

	if (!t)
		return -1;
	snprintf(t->dir, sizeof t->dir, "/tmp/wfm-test-config-XXXXXX");
	if (!mkdtemp(t->dir))
		return -1;
	wfm_config_defaults(&t->cfg);
	*state = t;
	return 0;
}

static int teardown(void **state)
{
	struct tmp *t = *state;
	static const char *const names[] = {"wfm.conf", "a.conf", "closed.csv", "sub/b.conf",
					    "sub/closed.csv", "sub"};
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		snprintf(t->path, sizeof t->path, "%s/%s", t->dir, names[i]);
		remove(t->path);
	}
	rmdir(t->dir);
	wfm_config_release(&t->cfg);
	free(t);
	return 0;
}

/* Writes `text` to DIR/name; returns the path (in t->path). */
static const char *put(struct tmp *t, const char *name, const char *text)
{
	FILE *f;

	snprintf(t->path, sizeof t->path, "%s/%s", t->dir, name);
	f = fopen(t->path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(text, 1, strlen(text), f), strlen(text));
	assert_int_equal(fclose(f), 0);
	return t->path;
}

/* Loads `text` as DIR/a.conf and expects failure `code` with a message that
 * starts with "DIR/a.conf:LINE: " followed by `want`. */
static void expect_file_error(struct tmp *t, const char *text, int code, int line,
			      const char *want)
{
	char head[512];

	put(t, "a.conf", text);
	wfm_err_clear(&t->e);
	assert_int_equal(wfm_config_load(&t->cfg, t->path, &t->e), code);
	snprintf(head, sizeof head, "%s:%d: %s", t->path, line, want);
	if (strncmp(t->e.msg, head, strlen(head)) != 0)
		fail_msg("got '%s', want '%s...'", t->e.msg, head);
}

static void expect_defaults(const wfm_config *c)
{
	int wd;

	assert_int_equal(c->holidays, WFM_HOLIDAYS_BE);
	assert_null(c->closed);
	assert_int_equal(c->open_days, 0x1f);
	for (wd = WFM_MON; wd <= WFM_SUN; wd++) {
		wfm_hours h = wfm_config_day_hours(c, wd);

		assert_int_equal(h.opens, wd <= WFM_FRI ? 9 * 60 : -1);
		if (wd <= WFM_FRI)
			assert_int_equal(h.closes, 19 * 60);
	}
	assert_int_equal(c->hours_given, 0);
	assert_int_equal(c->interval, 15);
	assert_true(c->level == 0.8);
	assert_int_equal(c->horizon_days, 56);
	assert_true(c->target_answer_rate == 0.95);
	assert_true(c->callback_after == 150);
	assert_true(c->sl == 0.8);
	assert_true(c->sl_time == 20);
	assert_true(c->max_occupancy == 0);
	assert_true(c->patience == 0);
	assert_true(c->shrinkage == 0.3);
	assert_true(c->shrinkage_phone == -1 && c->shrinkage_email == -1);
	assert_true(c->shrinkage_chat == -1 && c->shrinkage_social == -1);
	assert_true(c->shrinkage_callback == -1);
	for (wd = WFM_MON; wd <= WFM_SUN; wd++)
		assert_true(c->shrinkage_day[wd] == 0);
	assert_int_equal(c->deadline_days, 2);
	assert_int_equal(c->concurrency, 2);
	assert_true(c->aht_phone == 0 && c->aht_email == 0 && c->aht_chat == 0);
	assert_true(c->aht_social == 0 && c->aht_callback == 0);
	assert_null(c->aht_lines);
	assert_null(c->chat_aht);
	assert_true(c->chat_patience == 0);
	assert_int_equal(c->max_agents, 0);
	assert_true(c->fte_hours == 38);
	assert_true(c->time_limit == 60);
	assert_true(c->gap == 0.01);
	assert_null(c->backlog);
	assert_true(c->hourly_cost == -1 && c->price_phone == -1 && c->price_email == -1);
	assert_true(c->price_chat == -1 && c->price_social == -1 && c->price_callback == -1);
	assert_null(c->prices_lines);
	assert_null(c->entities);
	assert_int_equal(c->quiet_days, 10);
}

static void test_defaults(void **state)
{
	struct tmp *t = *state;

	expect_defaults(&t->cfg);
	assert_null(t->cfg.file);
	assert_int_equal(wfm_config_check(&t->cfg, &t->e), WFM_OK);
	assert_non_null(wfm_config_help("calendar", "open_days"));
	assert_non_null(wfm_config_help("Staff", "SL_time"));
	assert_null(wfm_config_help("calendar", "nope"));
	wfm_config_release(NULL);
}

/* The example shipped in data/ states exactly the defaults. */
static void test_example_file_is_the_defaults(void **state)
{
	struct tmp *t = *state;
	const char *dir = getenv("WFM_SRCDIR");
	char path[PATH_MAX];

	snprintf(path, sizeof path, "%s/data/wfm.conf", dir ? dir : ".");
	if (wfm_config_load(&t->cfg, path, &t->e) != WFM_OK)
		fail_msg("%s", t->e.msg);
	expect_defaults(&t->cfg);
	assert_string_equal(t->cfg.file, path);
}

static void test_every_key(void **state)
{
	struct tmp *t = *state;
	wfm_config *c = &t->cfg;
	wfm_hours h;

	put(t, "a.conf",
	    "\xef\xbb\xbf# all keys\r\n"
	    "; another comment\r\n"
	    "\r\n"
	    "  [ Calendar ]   # a comment after a header\r\n"
	    "Holidays = NONE\r\n"
	    "closed = \"my closing #days; 2025.csv\"   ; quoted\r\n"
	    "open_days=mon-wed, Friday\r\n"
	    "open_hours = 08:30 - 20:00\r\n"
	    "hours_sat = 09:00-13:00   # opens Saturday\r\n"
	    "hours_mon = closed\r\n"
	    "hours_tue =\r\n"
	    "interval = 30\r\n"
	    "[ingest]\r\n"
	    "[forecast]\r\n"
	    "level = 90%\r\n"
	    "horizon_days = 365\r\n"
	    "[staff]\r\n"
	    "target_answer_rate = 0,9\r\n"
	    "callback_after = 2:30\r\n"
	    "sl = 80 %\r\n"
	    "sl_time = 30\r\n"
	    "max_occupancy = 0.85\r\n"
	    "patience = 1:00\r\n"
	    "shrinkage = 0\r\n"
	    "shrinkage_phone = 0\r\n"
	    "Shrinkage_Chat = 35%\r\n"
	    "shrinkage_email = none\r\n"
	    "shrinkage_social =\r\n"
	    "shrinkage_callback = 0,25\r\n"
	    "shrinkage_mon = 12.5 %\r\n"
	    "shrinkage_sun = none\r\n"
	    "deadline_days = 0\r\n"
	    "concurrency = 3\r\n"
	    "[plan]\r\n"
	    "time_limit = 1:00:00\r\n"
	    "gap = 0.005\r\n"
	    "[report]\r\n"
	    "backlog = backlog/open.csv\r\n"
	    "hourly_cost = 41,5\r\n"
	    "price_email = 0\r\n"
	    "price_chat = none\r\n"
	    "prices_lines = 1700/phone 1.20\r\n"
	    "entities = BELAST=Vlaamse Belastingdienst\r\n"
	    "quiet_days = 5\r\n");
	if (wfm_config_load(c, t->path, &t->e) != WFM_OK)
		fail_msg("%s", t->e.msg);
	assert_int_equal(c->holidays, WFM_HOLIDAYS_NONE);
	snprintf(t->path, sizeof t->path, "%s/my closing #days; 2025.csv", t->dir);
	assert_string_equal(c->closed, t->path);
	assert_int_equal(c->open_days, 1u << WFM_MON | 1u << WFM_TUE | 1u << WFM_WED |
					       1u << WFM_FRI);
	assert_true(c->open_hours.opens == 8 * 60 + 30 && c->open_hours.closes == 20 * 60);
	assert_int_equal(c->hours_given, 1u << WFM_SAT | 1u << WFM_MON);
	h = wfm_config_day_hours(c, WFM_MON);
	assert_int_equal(h.opens, -1);
	h = wfm_config_day_hours(c, WFM_TUE);
	assert_true(h.opens == 8 * 60 + 30 && h.closes == 20 * 60);
	h = wfm_config_day_hours(c, WFM_THU);
	assert_int_equal(h.opens, -1);
	h = wfm_config_day_hours(c, WFM_SAT);
	assert_true(h.opens == 9 * 60 && h.closes == 13 * 60);
	h = wfm_config_day_hours(c, WFM_SUN);
	assert_int_equal(h.opens, -1);
	assert_int_equal(c->interval, 30);
	assert_true(c->level == 0.9);
	assert_int_equal(c->horizon_days, 365);
	assert_true(c->target_answer_rate == 0.9);
	assert_true(c->callback_after == 150);
	assert_true(c->sl == 0.8);
	assert_true(c->sl_time == 30);
	assert_true(c->max_occupancy == 0.85);
	assert_true(c->patience == 60);
	assert_true(c->shrinkage == 0);
	assert_true(c->shrinkage_phone == 0);
	assert_true(c->shrinkage_chat == 0.35);
	assert_true(c->shrinkage_email == -1 && c->shrinkage_social == -1);
	assert_true(c->shrinkage_callback == 0.25);
	assert_true(c->shrinkage_day[WFM_MON] == 0.125);
	assert_true(c->shrinkage_day[WFM_TUE] == 0 && c->shrinkage_day[WFM_SUN] == 0);
	assert_int_equal(c->deadline_days, 0);
	assert_int_equal(c->concurrency, 3);
	assert_true(c->time_limit == 3600);
	assert_true(c->gap == 0.005);
	snprintf(t->path, sizeof t->path, "%s/backlog/open.csv", t->dir);
	assert_string_equal(c->backlog, t->path);
	assert_true(c->hourly_cost == 41.5);
	assert_true(c->price_email == 0 && c->price_chat == -1 && c->price_phone == -1);
	assert_string_equal(c->prices_lines, "1700/phone 1.20");
	assert_string_equal(c->entities, "BELAST=Vlaamse Belastingdienst");
	assert_int_equal(c->quiet_days, 5);
}

static void test_day_lists(void **state)
{
	struct tmp *t = *state;
	static const struct {
		const char *text;
		unsigned mask;
	} good[] = {
		{"mon-fri", 0x1f}, {"mon-sat", 0x3f}, {"mon,tue,thu", 0x0b},
		{"fri-mon", 0x71}, {"sun", 0x40}, {"MONDAY - wednesday,sun", 0x47},
		{"none", 0}, {"mon-mon", 0x01}, {"mon-sun", 0x7f},
	};
	static const char *const bad[] = {"", "mo", "mon-", "-fri", "mon,,tue", "mon-fri-sat",
					  "maandag", "mon;tue", "1-5"};
	size_t i;

	for (i = 0; i < sizeof good / sizeof good[0]; i++) {
		if (wfm_config_set(&t->cfg, "calendar", "open_days", good[i].text, &t->e) != WFM_OK)
			fail_msg("'%s': %s", good[i].text, t->e.msg);
		assert_int_equal(t->cfg.open_days, good[i].mask);
	}
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char want[128];

		assert_int_equal(wfm_config_set(&t->cfg, "calendar", "open_days", bad[i], &t->e),
				 WFM_EUSAGE);
		snprintf(want, sizeof want, ": '%s'", bad[i]);
		assert_memory_equal(t->e.msg, "--open-days: ", 13);
		assert_string_equal(t->e.msg + strlen(t->e.msg) - strlen(want), want);
		assert_int_equal(t->cfg.open_days, 0x7f); /* unchanged */
	}
}

static void test_flags(void **state)
{
	struct tmp *t = *state;
	wfm_config *c = &t->cfg;

	assert_int_equal(wfm_config_set(c, "calendar", "open_hours", "08:00-18:00", &t->e), WFM_OK);
	assert_true(c->open_hours.opens == 480 && c->open_hours.closes == 1080);
	assert_int_equal(wfm_config_set(c, "calendar", "open_hours", "9-17", &t->e), WFM_EUSAGE);
	assert_memory_equal(t->e.msg, "--open-hours: ", 14);
	assert_non_null(strstr(t->e.msg, ": '9-17'"));
	assert_true(c->open_hours.opens == 480 && c->open_hours.closes == 1080);
	assert_int_equal(wfm_config_set(c, "calendar", "open_hours", "19:00-09:00", &t->e),
			 WFM_EUSAGE);
	assert_int_equal(wfm_config_set(c, "calendar", "open_hours", "09:00", &t->e), WFM_EUSAGE);
	assert_int_equal(wfm_config_set(c, "calendar", "open_hours", "", &t->e), WFM_EUSAGE);

	assert_int_equal(wfm_config_set(c, "calendar", "holidays", "none", &t->e), WFM_OK);
	assert_int_equal(c->holidays, WFM_HOLIDAYS_NONE);
	assert_int_equal(wfm_config_set(c, "calendar", "holidays", "nl", &t->e), WFM_EUSAGE);
	assert_string_equal(t->e.msg, "--holidays: must be be or none: 'nl'");
	assert_int_equal(wfm_config_set(c, "calendar", "interval", "7", &t->e), WFM_EUSAGE);
	assert_string_equal(t->e.msg, "--interval: must be 5, 10, 15, 30 or 60: '7'");
	assert_int_equal(wfm_config_set(c, "forecast", "level", "1", &t->e), WFM_EUSAGE);
	assert_string_equal(t->e.msg, "--level: must be more than 0 and less than 1: '1'");
	assert_int_equal(wfm_config_set(c, "forecast", "level", "0", &t->e), WFM_EUSAGE);
	assert_int_equal(wfm_config_set(c, "forecast", "level", "95%", &t->e), WFM_OK);
	assert_true(c->level == 0.95);
	assert_int_equal(wfm_config_set(c, "forecast", "horizon_days", "1.5", &t->e), WFM_EUSAGE);
	assert_string_equal(t->e.msg, "--horizon-days: not a whole number: '1.5'");
	assert_int_equal(wfm_config_set(c, "forecast", "horizon_days", "0", &t->e), WFM_EUSAGE);
	assert_string_equal(t->e.msg, "--horizon-days: must be at least 1 and at most 3660: '0'");
	assert_int_equal(wfm_config_set(c, "staff", "shrinkage", "1", &t->e), WFM_EUSAGE);
	assert_string_equal(t->e.msg, "--shrinkage: must be at least 0 and less than 1: '1'");
	assert_int_equal(wfm_config_set(c, "staff", "shrinkage", "0.35", &t->e), WFM_OK);
	assert_true(c->shrinkage == 0.35);
	assert_int_equal(wfm_config_set(c, "staff", "shrinkage_chat", "1", &t->e), WFM_EUSAGE);
	assert_string_equal(t->e.msg, "--shrinkage-chat: must be at least 0 and less than 1: '1'");
	assert_int_equal(wfm_config_set(c, "staff", "shrinkage_chat", "0", &t->e), WFM_OK);
	assert_true(c->shrinkage_chat == 0);
	assert_int_equal(wfm_config_set(c, "staff", "shrinkage_chat", "None", &t->e), WFM_OK);
	assert_true(c->shrinkage_chat == -1);
	assert_int_equal(wfm_config_set(c, "staff", "shrinkage_fri", "-0.1", &t->e), WFM_EUSAGE);
	assert_string_equal(t->e.msg, "--shrinkage-fri: must be at least 0 and less than 1: "
			    "'-0.1'");
	assert_int_equal(wfm_config_set(c, "staff", "shrinkage_fri", "8%", &t->e), WFM_OK);
	assert_true(c->shrinkage_day[WFM_FRI] == 0.08);
	assert_int_equal(wfm_config_set(c, "staff", "shrinkage_fri", "", &t->e), WFM_OK);
	assert_true(c->shrinkage_day[WFM_FRI] == 0);
	assert_int_equal(wfm_config_origin(c, "staff", "shrinkage_fri"), -1);
	assert_int_equal(wfm_config_set(c, "staff", "target_answer_rate", "1", &t->e), WFM_OK);
	assert_int_equal(wfm_config_set(c, "staff", "target_answer_rate", "101%", &t->e),
			 WFM_EUSAGE);
	assert_int_equal(wfm_config_set(c, "staff", "max_occupancy", "0.9", &t->e), WFM_OK);
	assert_true(c->max_occupancy == 0.9);
	assert_int_equal(wfm_config_set(c, "staff", "max_occupancy", "None", &t->e), WFM_OK);
	assert_true(c->max_occupancy == 0);
	assert_int_equal(wfm_config_set(c, "staff", "max_occupancy", "0", &t->e), WFM_EUSAGE);
	assert_int_equal(wfm_config_set(c, "staff", "sl_time", "0", &t->e), WFM_EUSAGE);
	assert_int_equal(wfm_config_set(c, "staff", "sl_time", "none", &t->e), WFM_EUSAGE);
	assert_int_equal(wfm_config_set(c, "staff", "callback_after", "-5", &t->e), WFM_EUSAGE);
	assert_int_equal(wfm_config_set(c, "staff", "patience", " 90 ", &t->e), WFM_OK);
	assert_true(c->patience == 90);
	assert_int_equal(wfm_config_set(c, "staff", "concurrency", "21", &t->e), WFM_EUSAGE);
	assert_int_equal(wfm_config_set(c, "plan", "gap", "1%", &t->e), WFM_OK);
	assert_true(c->gap == 0.01);
	assert_int_equal(wfm_config_set(c, "plan", "gap", "abc", &t->e), WFM_EUSAGE);
	assert_memory_equal(t->e.msg, "--gap: ", 7);

	/* a path from a flag is relative to the working directory */
	assert_int_equal(wfm_config_set(c, "calendar", "closed", "x/closed.csv", &t->e), WFM_OK);
	assert_string_equal(c->closed, "x/closed.csv");
	assert_int_equal(wfm_config_set(c, "calendar", "closed", "", &t->e), WFM_OK);
	assert_null(c->closed);
	assert_int_equal(wfm_config_set(c, "calendar", "hours_sun", "10:00-12:00", &t->e), WFM_OK);
	assert_int_equal(wfm_config_day_hours(c, WFM_SUN).opens, 600);
	assert_int_equal(wfm_config_set(c, "calendar", "hours_sun", "", &t->e), WFM_OK);
	assert_int_equal(wfm_config_day_hours(c, WFM_SUN).opens, -1);

	assert_int_equal(wfm_config_set(c, "calendar", "foo", "1", &t->e), WFM_EUSAGE);
	assert_string_equal(t->e.msg, "unknown setting [calendar] foo");
	assert_int_equal(wfm_config_set(c, "ingest", "skip_bad", "1", NULL), WFM_EUSAGE);
}

/* List keys: NAME=VALUE, ... sets the keys PREFIX NAME, whole or not at all;
 * errors name the list and the item, in a flag or on the file's line. */
static void test_lists(void **state)
{
	struct tmp *t = *state;
	wfm_config *c = &t->cfg;

	assert_int_equal(wfm_config_set(c, "staff", "shrinkage_channel",
					" phone = 30% ,Chat=0.35, callback=none", &t->e), WFM_OK);
	assert_true(c->shrinkage_phone == 0.3 && c->shrinkage_chat == 0.35);
	assert_true(c->shrinkage_callback == -1 && c->shrinkage_email == -1);
	assert_int_equal(wfm_config_origin(c, "staff", "shrinkage_chat"), -1);
	assert_int_equal(wfm_config_origin(c, "staff", "shrinkage_email"), 0);
	/* a flag's list: the later item wins */
	assert_int_equal(wfm_config_set(c, "staff", "shrinkage_weekday", "mon=10%,FRI=0.06,mon=5%",
					&t->e), WFM_OK);
	assert_true(c->shrinkage_day[WFM_MON] == 0.05 && c->shrinkage_day[WFM_FRI] == 0.06);
	assert_true(c->shrinkage_day[WFM_TUE] == 0);

	/* one bad item: nothing of the list is set */
	assert_int_equal(wfm_config_set(c, "staff", "shrinkage_weekday", "tue=0.2,sat=1", &t->e),
			 WFM_EUSAGE);
	assert_string_equal(t->e.msg, "--shrinkage-weekday: sat: must be at least 0 and less "
				      "than 1: '1'");
	assert_true(c->shrinkage_day[WFM_TUE] == 0);
	assert_int_equal(wfm_config_set(c, "staff", "shrinkage_channel", "fax=0.2", &t->e),
			 WFM_EUSAGE);
	assert_string_equal(t->e.msg, "--shrinkage-channel: not phone, email, chat, social or "
				      "callback: 'fax'");
	assert_int_equal(wfm_config_set(c, "staff", "shrinkage_channel", "phone=0,3", &t->e),
			 WFM_EUSAGE);
	assert_string_equal(t->e.msg, "--shrinkage-channel: expected CHANNEL=P,... (a share with "
				      "a decimal point or a percentage): '3'");
	assert_true(c->shrinkage_phone == 0.3);
	assert_int_equal(wfm_config_set(c, "staff", "shrinkage_weekday", "", &t->e), WFM_EUSAGE);
	assert_string_equal(t->e.msg, "--shrinkage-weekday: expected DAY=P,... (a share with a "
				      "decimal point or a percentage): ''");
	assert_int_equal(wfm_config_set(c, "staff", "shrinkage_weekday", "mon=0.1,", &t->e),
			 WFM_EUSAGE);
	assert_int_equal(wfm_config_set(c, "staff", "shrinkage_weekday", "monday=0.1", &t->e),
			 WFM_EUSAGE);
	assert_string_equal(t->e.msg, "--shrinkage-weekday: not mon, tue, wed, thu, fri, sat or "
				      "sun: 'monday'");
	assert_true(c->shrinkage_day[WFM_MON] == 0.05);

	/* in a file: the keys count as given on the list's line */
	put(t, "a.conf", "[staff]\nshrinkage_email = 0.1\nshrinkage_channel = phone=0.2, "
			 "chat=25%\n");
	if (wfm_config_load(c, t->path, &t->e) != WFM_OK)
		fail_msg("%s", t->e.msg);
	assert_true(c->shrinkage_phone == 0.2 && c->shrinkage_chat == 0.25);
	assert_true(c->shrinkage_email == 0.1);
	assert_int_equal(wfm_config_origin(c, "staff", "shrinkage_chat"), 3);
	assert_int_equal(wfm_config_origin(c, "staff", "shrinkage_email"), 2);
	expect_file_error(t, "[staff]\nshrinkage_channel = phone=0.2\nshrinkage_phone = 0.1\n",
			  WFM_EDATA, 3, "[staff] shrinkage_phone given twice (first on line 2)");
	expect_file_error(t, "[staff]\nshrinkage_sun = 0.1\n\nshrinkage_weekday = sun=0.2\n",
			  WFM_EDATA, 4, "[staff] shrinkage_sun given twice (first on line 2)");
	expect_file_error(t, "[staff]\nshrinkage_weekday = sun=0.2, Sun=0.3\n", WFM_EDATA, 2,
			  "[staff] shrinkage_weekday: sun given twice");
	expect_file_error(t, "[staff]\nshrinkage_weekday = mon=0.1\nshrinkage_weekday = tue=0\n",
			  WFM_EDATA, 3, "[staff] shrinkage_weekday given twice (first on line 2)");
	expect_file_error(t, "[staff]\nshrinkage_weekday = tue=0.1, wed = -1%\n", WFM_EDATA, 2,
			  "[staff] shrinkage_weekday: wed: must be at least 0 and less than 1: "
			  "'-1%'");
	expect_file_error(t, "[staff]\nshrinkage_channel = phone\n", WFM_EDATA, 2,
			  "[staff] shrinkage_channel: expected CHANNEL=P,... (a share with a decimal "
			  "point or a percentage): 'phone'");
	expect_file_error(t, "[calendar]\nshrinkage_channel = phone=0.1\n", WFM_EDATA, 2,
			  "unknown key 'shrinkage_channel' in [calendar]");
	assert_true(c->shrinkage_phone == 0.2); /* the failed files changed nothing */
}

static void test_file_errors(void **state)
{
	struct tmp *t = *state;

	expect_file_error(t, "[calendar]\nholidays = be\n\nfoo = 1\n", WFM_EDATA, 4,
			  "unknown key 'foo' in [calendar]");
	expect_file_error(t, "# x\n[calender]\n", WFM_EDATA, 2, "unknown section [calender]");
	expect_file_error(t, "interval = 15\n", WFM_EDATA, 1,
			  "key 'interval' before the first [section]");
	expect_file_error(t, "[calendar]\ninterval 15\n", WFM_EDATA, 2,
			  "expected 'key = value' or '[section]': 'interval 15'");
	expect_file_error(t, "[calendar]\n= 15\n", WFM_EDATA, 2, "missing key before '='");
	expect_file_error(t, "[calendar\n", WFM_EDATA, 1, "expected '[section]': '[calendar'");
	expect_file_error(t, "[calendar] x\n", WFM_EDATA, 1, "text after '[calendar]'");
	expect_file_error(t, "[calendar]\ninterval = 15\ninterval = 30\n", WFM_EDATA, 3,
			  "[calendar] interval given twice (first on line 2)");
	expect_file_error(t, "[calendar]\ninterval = 7 # no\n", WFM_EDATA, 2,
			  "[calendar] interval: must be 5, 10, 15, 30 or 60: '7'");
	expect_file_error(t, "[staff]\nsl = 0.8\n[forecast]\nlevel = 1.5\n", WFM_EDATA, 4,
			  "[forecast] level: must be more than 0 and less than 1: '1.5'");
	expect_file_error(t, "[calendar]\nopen_hours = 9-17\n", WFM_EDATA, 2,
			  "[calendar] open_hours: ");
	expect_file_error(t, "[calendar]\nclosed = \"a.csv\n", WFM_EDATA, 2,
			  "[calendar] closed: missing closing quote");
	expect_file_error(t, "[calendar]\nclosed = \"a.csv\" b\n", WFM_EDATA, 2,
			  "[calendar] closed: text after the closing quote");
	expect_file_error(t, "[plan]\ngap\n", WFM_EDATA, 2,
			  "expected 'key = value' or '[section]': 'gap'");
	expect_file_error(t, "[plan]\ngap = \n", WFM_EDATA, 2, "[plan] gap: ");
	/* a NUL byte; a line too long */
	put(t, "a.conf", "[plan]\ngap = 0.01\n");
	{
		FILE *f = fopen(t->path, "ab");
		char line[5000];

		assert_non_null(f);
		fputs("time_limit = 6", f);
		fputc('\0', f);
		fputs("0\n", f);
		fclose(f);
		assert_int_equal(wfm_config_load(&t->cfg, t->path, &t->e), WFM_EDATA);
		assert_non_null(strstr(t->e.msg, "a.conf:3: "));
		memset(line, '#', sizeof line - 2);
		line[sizeof line - 2] = '\n';
		line[sizeof line - 1] = '\0';
		expect_file_error(t, line, WFM_EDATA, 1, "line longer than 4096 bytes");
	}
	/* nothing of a failed file is applied */
	expect_defaults(&t->cfg);
	expect_file_error(t, "[staff]\nsl = 0.5\nshrinkage = 2\n", WFM_EDATA, 3,
			  "[staff] shrinkage: must be at least 0 and less than 1: '2'");
	expect_defaults(&t->cfg);
	assert_null(t->cfg.file);

	snprintf(t->path, sizeof t->path, "%s/missing.conf", t->dir);
	assert_int_equal(wfm_config_load(&t->cfg, t->path, &t->e), WFM_ENOINPUT);
	assert_memory_equal(t->e.msg, t->path, strlen(t->path));
	assert_int_equal(wfm_config_load(&t->cfg, t->path, NULL), WFM_ENOINPUT);
}

/* Keys that must fit together: the error sits on the later key's line. */
static void test_cross_checks(void **state)
{
	struct tmp *t = *state;

	expect_file_error(t, "[calendar]\ninterval = 60\nopen_hours = 09:00-13:30\n", WFM_EDATA,
			  3, "[calendar] opening hours 09:00-13:30 on mon do not fit "
			     "60-minute intervals");
	expect_file_error(t, "[calendar]\nhours_sat = 09:10-12:00\n\ninterval = 5\n"
			     "interval = 10\n", WFM_EDATA, 5, "[calendar] interval given twice");
	expect_file_error(t, "[calendar]\nhours_sat = 09:10-12:00\n\ninterval = 30\n", WFM_EDATA,
			  4, "[calendar] opening hours 09:10-12:00 on sat do not fit "
			     "30-minute intervals");
	expect_file_error(t, "[calendar]\nopen_days = none\n", WFM_EDATA, 2,
			  "[calendar] no day of the week is open");
	expect_file_error(t, "[calendar]\nopen_days = sat\nhours_sat = closed\n", WFM_EDATA, 3,
			  "[calendar] no day of the week is open");

	/* a file that passes, then a flag that does not fit it: a usage error */
	put(t, "a.conf", "[calendar]\ninterval = 60\nopen_hours = 00:00-24:00\n");
	if (wfm_config_load(&t->cfg, t->path, &t->e) != WFM_OK)
		fail_msg("%s", t->e.msg);
	assert_int_equal(wfm_config_set(&t->cfg, "calendar", "open_hours", "09:00-17:30", &t->e),
			 WFM_OK);
	assert_int_equal(wfm_config_check(&t->cfg, &t->e), WFM_EUSAGE);
	assert_string_equal(t->e.msg, "[calendar] opening hours 09:00-17:30 on mon do not fit "
				      "60-minute intervals");
	assert_null(wfm_config_calendar(&t->cfg, &t->e));
	assert_int_equal(t->e.code, WFM_EUSAGE);
}

static void test_find(void **state)
{
	struct tmp *t = *state;
	char cwd[PATH_MAX];

	assert_non_null(getcwd(cwd, sizeof cwd));
	assert_int_equal(chdir(t->dir), 0);
	/* no --config and no ./wfm.conf: the defaults */
	assert_int_equal(wfm_config_load(&t->cfg, NULL, &t->e), WFM_OK);
	assert_null(t->cfg.file);
	put(t, "wfm.conf", "[forecast]\nhorizon_days = 7\n");
	assert_int_equal(wfm_config_load(&t->cfg, NULL, &t->e), WFM_OK);
	assert_string_equal(t->cfg.file, "wfm.conf");
	assert_int_equal(t->cfg.horizon_days, 7);
	/* --config wins over ./wfm.conf and must exist */
	put(t, "a.conf", "[forecast]\nhorizon_days = 14\n");
	assert_int_equal(wfm_config_load(&t->cfg, "a.conf", &t->e), WFM_OK);
	assert_int_equal(t->cfg.horizon_days, 14);
	assert_int_equal(wfm_config_load(&t->cfg, "none.conf", &t->e), WFM_ENOINPUT);
	assert_int_equal(chdir(cwd), 0);
}

/* The calendar follows the settings, with `closed` relative to the folder of
 * the file that names it. */
static void test_calendar_from_config(void **state)
{
	struct tmp *t = *state;
	wfm_calendar *cal;
	int opens, closes;
	char sub[128];

	snprintf(sub, sizeof sub, "%s/sub", t->dir);
	assert_int_equal(mkdir(sub, 0700), 0);
	put(t, "sub/closed.csv", "datum;reden\n02/05/2025;brugdag\n");
	put(t, "sub/b.conf", "[calendar]\nclosed = closed.csv\nhours_sat = 09:00-13:00\n"
			     "hours_wed = closed\n");
	if (wfm_config_load(&t->cfg, t->path, &t->e) != WFM_OK)
		fail_msg("%s", t->e.msg);
	snprintf(sub, sizeof sub, "%s/sub/closed.csv", t->dir);
	assert_string_equal(t->cfg.closed, sub);
	cal = wfm_config_calendar(&t->cfg, &t->e);
	if (!cal)
		fail_msg("%s", t->e.msg);
	assert_string_equal(wfm_calendar_reason(cal, wfm_date_from_ymd(2025, 5, 2)), "brugdag");
	assert_string_equal(wfm_calendar_reason(cal, wfm_date_from_ymd(2025, 5, 1)), "Labour Day");
	assert_string_equal(wfm_calendar_reason(cal, wfm_date_from_ymd(2025, 5, 7)),
			    "closed on wednesday");
	assert_true(wfm_calendar_hours(cal, wfm_date_from_ymd(2025, 5, 3), &opens, &closes));
	assert_true(opens == 540 && closes == 780);
	assert_true(wfm_calendar_hours(cal, wfm_date_from_ymd(2025, 5, 5), &opens, &closes));
	assert_true(opens == 540 && closes == 1140);
	assert_false(wfm_calendar_open(cal, wfm_date_from_ymd(2025, 5, 4)));
	wfm_calendar_free(cal);

	assert_int_equal(wfm_config_set(&t->cfg, "calendar", "holidays", "none", &t->e), WFM_OK);
	assert_int_equal(wfm_config_set(&t->cfg, "calendar", "closed", "", &t->e), WFM_OK);
	cal = wfm_config_calendar(&t->cfg, &t->e);
	assert_non_null(cal);
	assert_true(wfm_calendar_open(cal, wfm_date_from_ymd(2025, 5, 1)));
	wfm_calendar_free(cal);

	/* the closing-days file's own errors come through */
	snprintf(sub, sizeof sub, "%s/sub/nothere.csv", t->dir);
	assert_int_equal(wfm_config_set(&t->cfg, "calendar", "closed", sub, &t->e), WFM_OK);
	assert_null(wfm_config_calendar(&t->cfg, &t->e));
	assert_int_equal(t->e.code, WFM_ENOINPUT);
	put(t, "closed.csv", "date,reason\n2025-13-01,x\n");
	assert_int_equal(wfm_config_set(&t->cfg, "calendar", "closed", t->path, &t->e), WFM_OK);
	assert_null(wfm_config_calendar(&t->cfg, &t->e));
	assert_int_equal(t->e.code, WFM_EDATA);
	assert_non_null(strstr(t->e.msg, "closed.csv:2: column 'date'"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_defaults, setup, teardown),
		cmocka_unit_test_setup_teardown(test_example_file_is_the_defaults, setup, teardown),
		cmocka_unit_test_setup_teardown(test_every_key, setup, teardown),
		cmocka_unit_test_setup_teardown(test_day_lists, setup, teardown),
		cmocka_unit_test_setup_teardown(test_flags, setup, teardown),
		cmocka_unit_test_setup_teardown(test_lists, setup, teardown),
		cmocka_unit_test_setup_teardown(test_file_errors, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cross_checks, setup, teardown),
		cmocka_unit_test_setup_teardown(test_find, setup, teardown),
		cmocka_unit_test_setup_teardown(test_calendar_from_config, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
