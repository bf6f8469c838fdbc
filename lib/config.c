/* config.c - settings: the key table, value parsers, the wfm.conf reader.
 *
 * Every setting is one row of `keys`: section, name, type, where it lives in
 * struct wfm_config, its range and its help.  A later tool adds a setting by
 * adding a field to the struct, its default to wfm_config_defaults and a row
 * here; the file reader and wfm_config_set then know it.
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "csv.h"
#include "value.h"

enum type {
	T_HOLIDAYS,  /* enum wfm_holidays: be | none */
	T_PATH,      /* char *, NULL for none */
	T_DAYS,      /* unsigned weekday mask */
	T_HOURS,     /* wfm_hours */
	T_DAY_HOURS, /* wfm_hours of weekday (int)lo, or `closed`, or empty */
	T_INTERVAL,  /* int minutes, a divisor of 60 */
	T_SHARE,     /* double, a fraction or a percentage */
	T_SECONDS,   /* double seconds */
	T_INT,       /* int */
	T_NUMBER,    /* double, a plain number */
	T_HM,        /* int minutes: "H:MM" or a plain number of minutes */
	T_TEXT       /* char *, taken as it is (checked by the program that uses it);
	                NULL when empty */
};

/* Range flags: OPTIONAL accepts `none` or an empty value, stored as 0, or
 * as -1 ("not given") with UNSET_NEG. */
enum { OPTIONAL = 1, LO_OPEN = 2, HI_OPEN = 4, UNSET_NEG = 8 };

struct key {
	const char *section, *name;
	enum type type;
	size_t off;     /* of the field in struct wfm_config */
	double lo, hi;  /* range of numbers; the weekday of T_DAY_HOURS */
	int flags;
	const char *help;
};

#define AT(field) offsetof(wfm_config, field)
#define DAY_HOURS(wd, name) \
	{"calendar", "hours_" name, T_DAY_HOURS, AT(hours[wd]), wd, 0, 0, \
	 "hours of " name ": HH:MM-HH:MM or closed (overrides open_days, open_hours); " \
	 "empty: not given"}
#define SHRINK_CHANNEL(name) \
	{"staff", "shrinkage_" #name, T_SHARE, AT(shrinkage_##name), 0, 1, \
	 HI_OPEN | OPTIONAL | UNSET_NEG, \
	 "share of the paid time of " #name " agents not on contacts, in place of " \
	 "shrinkage; empty or none: shrinkage"}
#define SHRINK_DAY(wd, name) \
	{"staff", "shrinkage_" name, T_SHARE, AT(shrinkage_day[wd]), 0, 1, HI_OPEN | OPTIONAL, \
	 "absence on " name " (leave, sickness): share of the agents scheduled that are " \
	 "away, on top of the channel's shrinkage: 1 - (1 - absence)(1 - shrinkage); none: 0"}

static const char *const sections[] = {"calendar", "ingest", "forecast", "staff", "plan"};

static const struct key keys[] = {
	{"calendar", "holidays", T_HOLIDAYS, AT(holidays), 0, 0, 0,
	 "be: Belgian public holidays and the Flemish holiday (11 July); none: no holidays"},
	{"calendar", "closed", T_PATH, AT(closed), 0, 0, 0,
	 "closing days CSV with columns date,reason (bridge days, entity days), relative to "
	 "the folder of this file; empty: none"},
	{"calendar", "open_days", T_DAYS, AT(open_days), 0, 0, 0,
	 "days the service is open: mon-fri, mon-sat, mon,tue,thu ... or none"},
	{"calendar", "open_hours", T_HOURS, AT(open_hours), 0, 0, 0,
	 "opening hours of every open day, HH:MM-HH:MM (end up to 24:00)"},
	DAY_HOURS(WFM_MON, "mon"), DAY_HOURS(WFM_TUE, "tue"), DAY_HOURS(WFM_WED, "wed"),
	DAY_HOURS(WFM_THU, "thu"), DAY_HOURS(WFM_FRI, "fri"), DAY_HOURS(WFM_SAT, "sat"),
	DAY_HOURS(WFM_SUN, "sun"),
	{"calendar", "interval", T_INTERVAL, AT(interval), 0, 0, 0,
	 "interval length in minutes: 5, 10, 15, 30 or 60; opening and closing times must "
	 "lie on this grid"},
	{"forecast", "level", T_SHARE, AT(level), 0, 1, LO_OPEN | HI_OPEN,
	 "coverage of the prediction interval (lo, hi)"},
	{"forecast", "horizon_days", T_INT, AT(horizon_days), 1, 3660, 0,
	 "how many days ahead to forecast"},
	{"staff", "target_answer_rate", T_SHARE, AT(target_answer_rate), 0, 1, LO_OPEN,
	 "share of offered calls that must be answered"},
	{"staff", "callback_after", T_SECONDS, AT(callback_after), 0, 86400, OPTIONAL,
	 "seconds of waiting after which a caller is offered a callback; none or 0: no "
	 "callback offer"},
	{"staff", "sl", T_SHARE, AT(sl), 0, 1, LO_OPEN,
	 "service level: share of contacts answered within sl_time"},
	{"staff", "sl_time", T_SECONDS, AT(sl_time), 0, 86400, LO_OPEN,
	 "the service-level threshold in seconds"},
	{"staff", "max_occupancy", T_SHARE, AT(max_occupancy), 0, 1, LO_OPEN | OPTIONAL,
	 "cap on the share of time agents are busy; none: no cap"},
	{"staff", "patience", T_SECONDS, AT(patience), 0, 86400, LO_OPEN | OPTIONAL,
	 "mean seconds a caller waits before hanging up (abandonment model); none: not "
	 "modelled"},
	{"staff", "shrinkage", T_SHARE, AT(shrinkage), 0, 1, HI_OPEN,
	 "share of paid time not available for contacts (breaks, meetings, training, absence)"},
	SHRINK_CHANNEL(phone), SHRINK_CHANNEL(email), SHRINK_CHANNEL(chat),
	SHRINK_CHANNEL(social), SHRINK_CHANNEL(callback),
	SHRINK_DAY(WFM_MON, "mon"), SHRINK_DAY(WFM_TUE, "tue"), SHRINK_DAY(WFM_WED, "wed"),
	SHRINK_DAY(WFM_THU, "thu"), SHRINK_DAY(WFM_FRI, "fri"), SHRINK_DAY(WFM_SAT, "sat"),
	SHRINK_DAY(WFM_SUN, "sun"),
	{"staff", "deadline_days", T_INT, AT(deadline_days), 0, 365, 0,
	 "working days within which e-mail and callbacks must be answered"},
	{"staff", "concurrency", T_INT, AT(concurrency), 1, 20, 0,
	 "chat sessions one agent handles at once"},
	{"staff", "aht_phone", T_SECONDS, AT(aht_phone), 0, 86400, LO_OPEN | OPTIONAL,
	 "average handle time of a phone call in seconds, for forecasts without an aht_s "
	 "column; none: not set"},
	{"staff", "aht_email", T_SECONDS, AT(aht_email), 0, 86400, LO_OPEN | OPTIONAL,
	 "average handle time of an e-mail in seconds; none: not set"},
	{"staff", "aht_chat", T_SECONDS, AT(aht_chat), 0, 86400, LO_OPEN | OPTIONAL,
	 "average handle time of a chat in seconds while its agent holds no other chat; "
	 "none: not set"},
	{"staff", "aht_social", T_SECONDS, AT(aht_social), 0, 86400, LO_OPEN | OPTIONAL,
	 "average handle time of a social-media message in seconds; none: not set"},
	{"staff", "aht_callback", T_SECONDS, AT(aht_callback), 0, 86400, LO_OPEN | OPTIONAL,
	 "average handle time of a callback in seconds; none: that of the calls it comes "
	 "from"},
	{"staff", "aht_lines", T_TEXT, AT(aht_lines), 0, 0, 0,
	 "handle times of single lines, overriding aht_CHANNEL: LINE/CHANNEL SECONDS, ... "
	 "(e.g. 1700/phone 4:30, 1702/email 600); empty: none"},
	{"staff", "chat_aht", T_TEXT, AT(chat_aht), 0, 0, 0,
	 "handle time of a chat while its agent holds 1, 2, ... chats, at least concurrency "
	 "values (e.g. 8:00, 10:00, 13:00); empty: the chat's handle time scaled by the usual "
	 "concurrency factors 1, 1.7, 2.5, 2.9, 3.5"},
	{"staff", "chat_patience", T_SECONDS, AT(chat_patience), 0, 86400, LO_OPEN | OPTIONAL,
	 "mean seconds a chat waits before leaving; none: as patience"},
	{"staff", "max_agents", T_INT, AT(max_agents), 1, 1000000, OPTIONAL,
	 "most agents one line can have on one channel in one interval; a target that "
	 "needs more cannot be met; none: no limit"},
	{"staff", "fte_hours", T_NUMBER, AT(fte_hours), 0, 168, LO_OPEN,
	 "paid hours of one full-time agent per week (one FTE); a day is a fifth"},
	{"plan", "time_limit", T_SECONDS, AT(time_limit), 0, 7 * 86400, LO_OPEN,
	 "seconds the solver may run"},
	{"plan", "gap", T_SHARE, AT(gap), 0, 1, HI_OPEN,
	 "relative gap between plan and bound at which the solver stops (0.01 is 1 %)"},
	{"plan", "shifts", T_TEXT, AT(shifts), 0, 0, 0,
	 "shift lengths from start to end, H:MM, ... (at most 12); empty: 8:30, 6:30, 4:00"},
	{"plan", "start_step", T_INT, AT(start_step), 5, 60, 0,
	 "shifts start on multiples of this many minutes"},
	{"plan", "lunch", T_HM, AT(lunch), 0, 180, 0,
	 "length of the unpaid lunch (H:MM or minutes); 0: no lunch"},
	{"plan", "lunch_window", T_HOURS, AT(lunch_window), 0, 0, 0,
	 "earliest and latest start of the lunch after the shift start, H:MM-H:MM; the lunch "
	 "also ends at least 1:30 before the shift does"},
	{"plan", "lunch_after", T_HM, AT(lunch_after), 0, 1440, 0,
	 "shifts longer than this (H:MM) carry the lunch"},
	{"plan", "break", T_HM, AT(break_len), 0, 60, 0,
	 "length of a paid short break (H:MM or minutes); 0: none"},
	{"plan", "break_windows", T_TEXT, AT(break_windows), 0, 0, 0,
	 "windows for the start of the short breaks after the shift start, H:MM-H:MM, ...; a "
	 "shift has a break in each window that ends inside it; none: no short breaks; empty: "
	 "1:00-2:30, 5:30-7:15"},
	{"plan", "min_rest", T_HM, AT(min_rest), 0, 1440, 0,
	 "least rest between the end of a shift and the start of the next day's (H:MM)"},
	{"plan", "max_days", T_INT, AT(max_days), 1, 7, 0,
	 "most working days in a week, leave days included"},
	{"plan", "hours_tolerance", T_HM, AT(hours_tolerance), 0, 600, 0,
	 "paid time in the week may differ from the contract by this much (H:MM)"},
	{"plan", "training_step", T_INT, AT(training_step), 5, 60, 0,
	 "training sessions start on multiples of this many minutes"},
	{"plan", "deferred_days", T_INT, AT(deferred_days), 0, 30, 0,
	 "working days after its day by which a day's deferred work (e-mail, callback hours "
	 "of the requirements) must be done; 0: on the day (wfm-staff has already spread it "
	 "to meet the deadlines)"},
	{"plan", "requirement", T_TEXT, AT(requirement), 0, 0, 0,
	 "the requirements column to plan against: agents (net, the plan places breaks and "
	 "training itself) or scheduled (with shrinkage); empty: agents"},
	{"plan", "line_weights", T_TEXT, AT(line_weights), 0, 0, 0,
	 "weights of single lines' shortfall, LINE=W, ... (e.g. 1700=2); others weigh 1"},
	{"plan", "under_weight", T_NUMBER, AT(under_weight), 0, 1e6, 0,
	 "cost of one agent-hour short of the requirement (times the line's weight)"},
	{"plan", "over_weight", T_NUMBER, AT(over_weight), 0, 1e6, 0,
	 "cost of one agent-hour above the requirement"},
	{"plan", "preference_weight", T_NUMBER, AT(preference_weight), 0, 1e6, 0,
	 "cost of a shift starting outside the agent's preferred start"},
	{"plan", "late_weight", T_NUMBER, AT(late_weight), 0, 1e6, 0,
	 "cost of one hour of deferred work still undone after its deadline, per day"},
	{"plan", "leave_weight", T_NUMBER, AT(leave_weight), 0, 1e6, 0,
	 "cost of refusing one day of requested leave"},
};

#define NKEYS (sizeof keys / sizeof keys[0])
#define NSECTIONS (sizeof sections / sizeof sections[0])

_Static_assert(NKEYS <= WFM_CONFIG_MAX_KEYS, "raise WFM_CONFIG_MAX_KEYS");

#define LINE_MAX_LEN 4096

void wfm_config_defaults(wfm_config *cfg)
{
	int wd;

	memset(cfg, 0, sizeof *cfg);
	cfg->holidays = WFM_HOLIDAYS_BE;
	cfg->open_days = 0x1f; /* mon-fri */
	cfg->open_hours.opens = 9 * 60;
	cfg->open_hours.closes = 19 * 60;
	for (wd = 0; wd < 7; wd++)
		cfg->hours[wd].opens = cfg->hours[wd].closes = -1;
	cfg->interval = 15;
	cfg->level = 0.8;
	cfg->horizon_days = 56;
	cfg->target_answer_rate = 0.95;
	cfg->callback_after = 150;
	cfg->sl = 0.8;
	cfg->sl_time = 20;
	cfg->shrinkage = 0.3;
	cfg->shrinkage_phone = cfg->shrinkage_email = cfg->shrinkage_chat = -1;
	cfg->shrinkage_social = cfg->shrinkage_callback = -1;
	cfg->deadline_days = 2;
	cfg->concurrency = 2;
	cfg->fte_hours = 38;
	cfg->time_limit = 60;
	cfg->gap = 0.01;
	cfg->start_step = 15;
	cfg->lunch = 30;
	cfg->lunch_window.opens = 3 * 60;
	cfg->lunch_window.closes = 5 * 60;
	cfg->lunch_after = 6 * 60;
	cfg->break_len = 15;
	cfg->min_rest = 11 * 60;
	cfg->max_days = 5;
	cfg->hours_tolerance = 60;
	cfg->training_step = 30;
	cfg->under_weight = 1;
	cfg->over_weight = 0.1;
	cfg->preference_weight = 0.05;
	cfg->late_weight = 0.8;
	cfg->leave_weight = 0.5;
}

static void *field(wfm_config *cfg, const struct key *k);

void wfm_config_release(wfm_config *cfg)
{
	size_t i;

	if (!cfg)
		return;
	free(cfg->file);
	free(cfg->closed);
	for (i = 0; i < NKEYS; i++)
		if (keys[i].type == T_TEXT)
			free(*(char **)field(cfg, &keys[i]));
	wfm_config_defaults(cfg);
}

static char *dup_n(const char *s, size_t n)
{
	char *p = malloc(n + 1);

	if (p) {
		memcpy(p, s, n);
		p[n] = '\0';
	}
	return p;
}

static void *field(wfm_config *cfg, const struct key *k)
{
	return (char *)cfg + k->off;
}

/* ---- value parsers: NULL on success, else a reason (maybe in `why`) ---- */

/* Copies `s` without surrounding blanks into buf; NULL when too long. */
static char *trimmed(const char *s, char *buf, size_t n)
{
	size_t len;

	while (*s == ' ' || *s == '\t')
		s++;
	len = strlen(s);
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	if (len >= n)
		return NULL;
	memcpy(buf, s, len);
	buf[len] = '\0';
	return buf;
}

static int is_none(const char *v)
{
	return v[0] == '\0' || strcasecmp(v, "none") == 0;
}

static const char *range_reason(const struct key *k, char *why, size_t n)
{
	snprintf(why, n, "must be %s %g and %s %g", k->flags & LO_OPEN ? "more than" : "at least",
		 k->lo, k->flags & HI_OPEN ? "less than" : "at most", k->hi);
	return why;
}

static int in_range(const struct key *k, double x)
{
	return (k->flags & LO_OPEN ? x > k->lo : x >= k->lo) &&
	       (k->flags & HI_OPEN ? x < k->hi : x <= k->hi);
}

/* A number with a decimal point or a decimal comma. */
static const char *parse_num(const char *v, double *out)
{
	static const wfm_numfmt point = {'.', 0}, comma = {',', 0};
	const char *why = wfm_parse_number(v, point, out);

	return why && !wfm_parse_number(v, comma, out) ? NULL : why;
}

/* A fraction "0.95" or a percentage "95%", "95 %". */
static const char *parse_share(const char *v, double *out)
{
	char buf[64];
	size_t len = strlen(v);
	const char *why;

	if (len == 0 || v[len - 1] != '%')
		return parse_num(v, out);
	if (len >= sizeof buf)
		return "not a number";
	memcpy(buf, v, len - 1);
	buf[len - 1] = '\0';
	why = parse_num(buf, out);
	if (!why)
		*out /= 100;
	return why;
}

static const char *parse_seconds(const char *v, double *out)
{
	static const wfm_numfmt point = {'.', 0}, comma = {',', 0};
	const char *why = wfm_parse_duration(v, point, out);

	return why && !wfm_parse_duration(v, comma, out) ? NULL : why;
}

static const char *const day_names[7] = {"monday", "tuesday", "wednesday", "thursday",
					 "friday", "saturday", "sunday"};

/* Weekday of the name s[0..len), three letters or in full; -1 if none. */
static int day_of(const char *s, size_t len)
{
	int wd;

	while (len > 0 && (*s == ' ' || *s == '\t'))
		s++, len--;
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	for (wd = 0; wd < 7; wd++)
		if ((len == 3 || len == strlen(day_names[wd])) &&
		    strncasecmp(s, day_names[wd], len) == 0)
			return wd;
	return -1;
}

/* "mon-fri", "mon,tue,thu", "fri-mon", "none". */
static const char *parse_days(const char *v, unsigned *out)
{
	unsigned mask = 0;

	if (strcasecmp(v, "none") == 0) {
		*out = 0;
		return NULL;
	}
	for (;;) {
		size_t len = strcspn(v, ",");
		const char *dash = memchr(v, '-', len);
		int a, b;

		if (dash) {
			a = day_of(v, (size_t)(dash - v));
			b = day_of(dash + 1, len - (size_t)(dash - v) - 1);
		} else {
			a = b = day_of(v, len);
		}
		if (a < 0 || b < 0)
			return "not a list of weekdays such as mon-fri or mon,tue,thu";
		for (;; a = (a + 1) % 7) {
			mask |= 1u << a;
			if (a == b)
				break;
		}
		if (v[len] == '\0')
			break;
		v += len + 1;
	}
	*out = mask;
	return NULL;
}

static const char *parse_hours(const char *v, wfm_hours *out)
{
	int a, b;
	const char *why = wfm_parse_interval(v, &a, &b);

	if (why)
		return why;
	if (b < 0)
		return "not a time range";
	out->opens = a;
	out->closes = b;
	return NULL;
}

/* Joins `path` to the folder of the configuration file `file` when it is
 * relative.  Returns a new string or NULL (out of memory). */
static char *resolve(const char *path, const char *file)
{
	const char *slash = file ? strrchr(file, '/') : NULL;
	size_t dir, len = strlen(path);
	char *p;

	if (path[0] == '/' || !slash)
		return dup_n(path, len);
	dir = (size_t)(slash - file) + 1;
	p = malloc(dir + len + 1);
	if (p) {
		memcpy(p, file, dir);
		memcpy(p + dir, path, len + 1);
	}
	return p;
}

/* The reason set_value gives when it runs out of memory. */
static const char out_of_memory[] = "out of memory";

/* Parses the trimmed text `v` for key `k` and stores it in `cfg` only when it
 * is good.  `file` is the configuration file it comes from, or NULL. */
static const char *set_value(wfm_config *cfg, const struct key *k, const char *v,
			     const char *file, char *why, size_t n)
{
	const char *bad = NULL;
	double x = 0;

	switch (k->type) {
	case T_HOLIDAYS:
		if (strcasecmp(v, "be") == 0)
			*(enum wfm_holidays *)field(cfg, k) = WFM_HOLIDAYS_BE;
		else if (strcasecmp(v, "none") == 0)
			*(enum wfm_holidays *)field(cfg, k) = WFM_HOLIDAYS_NONE;
		else
			bad = "must be be or none";
		return bad;
	case T_PATH: {
		char **p = field(cfg, k), *s = v[0] ? resolve(v, file) : NULL;

		if (v[0] && !s)
			return out_of_memory;
		free(*p);
		*p = s;
		return NULL;
	}
	case T_DAYS:
		return parse_days(v, field(cfg, k));
	case T_HOURS:
		bad = parse_hours(v, field(cfg, k));
		if (bad)
			snprintf(why, n, "%s (expected HH:MM-HH:MM)", bad);
		return bad ? why : NULL;
	case T_DAY_HOURS: {
		unsigned bit = 1u << (int)k->lo;
		wfm_hours h = {-1, -1};

		if (v[0] && strcasecmp(v, "closed") != 0 && (bad = parse_hours(v, &h))) {
			snprintf(why, n, "%s (expected HH:MM-HH:MM or closed)", bad);
			return why;
		}
		*(wfm_hours *)field(cfg, k) = h;
		cfg->hours_given = v[0] ? cfg->hours_given | bit : cfg->hours_given & ~bit;
		return NULL;
	}
	case T_INTERVAL:
		bad = parse_num(v, &x);
		if (bad || (x != 5 && x != 10 && x != 15 && x != 30 && x != 60))
			return "must be 5, 10, 15, 30 or 60";
		*(int *)field(cfg, k) = (int)x;
		return NULL;
	case T_INT:
		if (k->flags & OPTIONAL && is_none(v)) {
			*(int *)field(cfg, k) = 0;
			return NULL;
		}
		if (parse_num(v, &x))
			return "not a whole number";
		if (!in_range(k, x))
			return range_reason(k, why, n);
		if (x != (double)(int)x)
			return "not a whole number";
		*(int *)field(cfg, k) = (int)x;
		return NULL;
	case T_HM:
		bad = parse_seconds(v, &x);
		if (bad || strchr(v, ':') != strrchr(v, ':') || x != (double)(long)x)
			return "not a duration H:MM or a number of minutes";
		if (!in_range(k, x)) {
			snprintf(why, n, "must be at most %d:%02d", (int)k->hi / 60, (int)k->hi % 60);
			return why;
		}
		*(int *)field(cfg, k) = (int)x;
		return NULL;
	case T_TEXT: {
		char **p = field(cfg, k), *t = v[0] ? dup_n(v, strlen(v)) : NULL;

		if (v[0] && !t)
			return out_of_memory;
		free(*p);
		*p = t;
		return NULL;
	}
	case T_NUMBER:
	case T_SHARE:
	case T_SECONDS:
		if (k->flags & OPTIONAL && is_none(v)) {
			*(double *)field(cfg, k) = k->flags & UNSET_NEG ? -1 : 0;
			return NULL;
		}
		bad = k->type == T_SHARE ? parse_share(v, &x) : k->type == T_NUMBER ?
			parse_num(v, &x) : parse_seconds(v, &x);
		if (bad)
			return bad;
		if (!in_range(k, x))
			return range_reason(k, why, n);
		*(double *)field(cfg, k) = x;
		return NULL;
	}
	return "unknown type";
}

static const struct key *find_key(const char *section, const char *name)
{
	size_t i;

	for (i = 0; i < NKEYS; i++)
		if (strcasecmp(keys[i].section, section) == 0 &&
		    strcasecmp(keys[i].name, name) == 0)
			return &keys[i];
	return NULL;
}

static size_t key_id(const char *section, const char *name)
{
	return (size_t)(find_key(section, name) - keys);
}

static char *show(const char *v, char *buf, size_t n)
{
	return wfm_csv_show(v, buf, n);
}

const char *wfm_config_help(const char *section, const char *key)
{
	const struct key *k = find_key(section, key);

	return k ? k->help : NULL;
}

int wfm_config_set(wfm_config *cfg, const char *section, const char *key, const char *value,
		   wfm_err *e)
{
	const struct key *k = find_key(section, key);
	char v[LINE_MAX_LEN], why[128], shown[128], flag[64];
	const char *bad;
	size_t i;

	if (!k)
		return wfm_err_set(e, WFM_EUSAGE, "unknown setting [%s] %s", section, key);
	snprintf(flag, sizeof flag, "%s", k->name);
	for (i = 0; flag[i]; i++)
		flag[i] = flag[i] == '_' ? '-' : flag[i];
	if (!trimmed(value, v, sizeof v))
		return wfm_err_set(e, WFM_EUSAGE, "--%s: value too long", flag);
	bad = set_value(cfg, k, v, NULL, why, sizeof why);
	if (bad == out_of_memory)
		return wfm_err_nomem(e);
	if (bad)
		return wfm_err_set(e, WFM_EUSAGE, "--%s: %s: '%s'", flag, bad,
				   show(v, shown, sizeof shown));
	cfg->where_[k - keys] = -1;
	return WFM_OK;
}

int wfm_config_origin(const wfm_config *cfg, const char *section, const char *key)
{
	const struct key *k = find_key(section, key);

	return k ? cfg->where_[k - keys] : 0;
}

wfm_hours wfm_config_day_hours(const wfm_config *cfg, int wd)
{
	wfm_hours closed = {-1, -1};

	if (wd < 0 || wd > 6)
		return closed;
	if (cfg->hours_given & (1u << wd))
		return cfg->hours[wd];
	return cfg->open_days & (1u << wd) ? cfg->open_hours : closed;
}

/* Records a problem with settings that depend on each other, located at the
 * later of keys ids[0..n) when they all came from the file. */
static int mismatch(const wfm_config *cfg, wfm_err *e, const size_t *ids, size_t n,
		    const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static int mismatch(const wfm_config *cfg, wfm_err *e, const size_t *ids, size_t n,
		    const char *fmt, ...)
{
	char msg[WFM_ERR_MSG_MAX];
	int line = 0, flag = 0;
	va_list ap;
	size_t i;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	for (i = 0; i < n; i++) {
		flag |= cfg->where_[ids[i]] < 0;
		line = cfg->where_[ids[i]] > line ? cfg->where_[ids[i]] : line;
	}
	if (flag || !cfg->file)
		return wfm_err_set(e, flag ? WFM_EUSAGE : WFM_EDATA, "%s", msg);
	if (line > 0)
		return wfm_err_set(e, WFM_EDATA, "%s:%d: %s", cfg->file, line, msg);
	return wfm_err_set(e, WFM_EDATA, "%s: %s", cfg->file, msg);
}

/* hh:mm that may be 24:00, which wfm_time_hhmm does not write. */
static char *clock_text(int t, char *buf, size_t n)
{
	snprintf(buf, n, "%02d:%02d", t / 60 % 100, t % 60);
	return buf;
}

int wfm_config_check(const wfm_config *cfg, wfm_err *e)
{
	size_t ids[9];
	int wd, open = 0;

	if (cfg->interval <= 0) /* only a program writing the field itself gets here */
		return wfm_err_set(e, WFM_EINTERNAL, "[calendar] interval %d is not positive",
				   cfg->interval);
	ids[0] = key_id("calendar", "open_days");
	ids[1] = key_id("calendar", "open_hours");
	for (wd = 0; wd < 7; wd++) {
		wfm_hours h = wfm_config_day_hours(cfg, wd);
		char a[8], b[8];

		if (h.opens < 0)
			continue;
		open++;
		if (h.opens % cfg->interval == 0 && h.closes % cfg->interval == 0)
			continue;
		ids[0] = key_id("calendar", "interval");
		if (cfg->hours_given & (1u << wd))
			ids[1] = key_id("calendar", "hours_mon") + (size_t)wd;
		else
			ids[1] = key_id("calendar", "open_hours");
		return mismatch(cfg, e, ids, 2,
				"[calendar] opening hours %s-%s on %s do not fit "
				"%d-minute intervals",
				clock_text(h.opens, a, sizeof a), clock_text(h.closes, b, sizeof b),
				wfm_weekday_name(wd), cfg->interval);
	}
	if (open == 0) {
		for (wd = 0; wd < 7; wd++)
			ids[2 + wd] = key_id("calendar", "hours_mon") + (size_t)wd;
		return mismatch(cfg, e, ids, 9, "[calendar] no day of the week is open");
	}
	return WFM_OK;
}

wfm_calendar *wfm_config_calendar(const wfm_config *cfg, wfm_err *e)
{
	wfm_calendar *c;
	int wd;

	if (wfm_config_check(cfg, e) != WFM_OK)
		return NULL;
	c = wfm_calendar_new(cfg->holidays, e);
	if (!c)
		return NULL;
	for (wd = 0; wd < 7; wd++) {
		wfm_hours h = wfm_config_day_hours(cfg, wd);

		if (wfm_calendar_set_hours(c, wd, h.opens, h.closes, e) != WFM_OK) {
			wfm_calendar_free(c);
			return NULL;
		}
	}
	if (cfg->closed && wfm_calendar_load_closed(c, cfg->closed, e) != WFM_OK) {
		wfm_calendar_free(c);
		return NULL;
	}
	return c;
}

/* ---- the file ---- */

struct loader {
	wfm_config *cfg;
	const char *path;
	long line;
	int section;       /* index into sections; -1 before the first header */
	int seen[NKEYS];   /* line where each key was set in this file, or 0 */
};

static int file_error(const struct loader *L, wfm_err *e, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int file_error(const struct loader *L, wfm_err *e, const char *fmt, ...)
{
	char msg[WFM_ERR_MSG_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	return wfm_err_set(e, WFM_EDATA, "%s:%ld: %s", L->path, L->line, msg);
}

static char *skip_blanks(char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return s;
}

static void cut_blanks(char *s)
{
	size_t len = strlen(s);

	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\r' ||
			   s[len - 1] == '\n'))
		s[--len] = '\0';
}

/* The value after '=': unquoted, or up to a '#' or ';' that follows a blank,
 * without surrounding blanks.  NULL with `*bad` set on a quoting error. */
static char *value_text(char *s, const char **bad)
{
	char *p;

	for (p = s; *p; p++)
		if ((*p == '#' || *p == ';') && p > s && (p[-1] == ' ' || p[-1] == '\t'))
			break;
	s = skip_blanks(s);
	if (*s != '"') {
		*p = '\0';
		cut_blanks(s);
		return s;
	}
	p = strchr(s + 1, '"');
	if (!p) {
		*bad = "missing closing quote";
		return NULL;
	}
	*p++ = '\0';
	p = skip_blanks(p);
	if (*p && *p != '#' && *p != ';') {
		*bad = "text after the closing quote";
		return NULL;
	}
	return s + 1;
}

static int parse_section(struct loader *L, char *s, wfm_err *e)
{
	char *end = strchr(s, ']'), *rest;
	size_t i;

	if (!end)
		return file_error(L, e, "expected '[section]': '%s'", s);
	*end = '\0';
	rest = skip_blanks(end + 1);
	if (*rest && *rest != '#' && *rest != ';')
		return file_error(L, e, "text after '[%s]'", s + 1);
	s = skip_blanks(s + 1);
	cut_blanks(s);
	for (i = 0; i < NSECTIONS; i++) {
		if (strcasecmp(s, sections[i]) == 0) {
			L->section = (int)i;
			return WFM_OK;
		}
	}
	return file_error(L, e, "unknown section [%s]", s);
}

static int parse_line(struct loader *L, char *s, wfm_err *e)
{
	const char *bad = NULL, *sec;
	char *eq, *key, *v, why[128], shown[128];
	const struct key *k;
	size_t id;

	s = skip_blanks(s);
	cut_blanks(s);
	if (*s == '\0' || *s == '#' || *s == ';')
		return WFM_OK;
	if (*s == '[')
		return parse_section(L, s, e);
	eq = strchr(s, '=');
	if (!eq)
		return file_error(L, e, "expected 'key = value' or '[section]': '%s'",
				  show(s, shown, sizeof shown));
	*eq = '\0';
	key = s;
	cut_blanks(key);
	if (*key == '\0')
		return file_error(L, e, "missing key before '='");
	if (L->section < 0)
		return file_error(L, e, "key '%s' before the first [section]",
				  show(key, shown, sizeof shown));
	sec = sections[L->section];
	k = find_key(sec, key);
	if (!k)
		return file_error(L, e, "unknown key '%s' in [%s]", show(key, shown, sizeof shown),
				  sec);
	id = (size_t)(k - keys);
	if (L->seen[id])
		return file_error(L, e, "[%s] %s given twice (first on line %d)", sec, k->name,
				  L->seen[id]);
	v = value_text(eq + 1, &bad);
	if (!bad)
		bad = set_value(L->cfg, k, v, L->path, why, sizeof why);
	if (bad == out_of_memory)
		return wfm_err_nomem(e);
	if (bad && v)
		return file_error(L, e, "[%s] %s: %s: '%s'", sec, k->name, bad,
				  show(v, shown, sizeof shown));
	if (bad)
		return file_error(L, e, "[%s] %s: %s", sec, k->name, bad);
	L->seen[id] = (int)L->line;
	L->cfg->where_[id] = (int)L->line;
	return WFM_OK;
}

static int read_lines(struct loader *L, FILE *f, wfm_err *e)
{
	char *buf = NULL;
	size_t cap = 0;
	ssize_t len;
	int rc = WFM_OK;

	while (rc == WFM_OK && (len = getline(&buf, &cap, f)) >= 0) {
		char *s = buf;

		L->line++;
		if ((size_t)len != strlen(buf))
			rc = file_error(L, e, "NUL byte: not a text file");
		else if (len > LINE_MAX_LEN)
			rc = file_error(L, e, "line longer than %d bytes", LINE_MAX_LEN);
		else {
			if (L->line == 1 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
				s += 3;
			rc = parse_line(L, s, e);
		}
	}
	if (rc == WFM_OK && ferror(f)) {
		char text[128];

		rc = wfm_err_set(e, WFM_EIO, "%s: read error: %s", L->path,
				 wfm_errno_text(errno, text, sizeof text));
	}
	free(buf);
	return rc;
}

/* A copy of `src` that shares no string with it. */
static int copy_config(wfm_config *dst, const wfm_config *src)
{
	size_t i;
	int bad = 0;

	*dst = *src;
	dst->file = src->file ? dup_n(src->file, strlen(src->file)) : NULL;
	dst->closed = src->closed ? dup_n(src->closed, strlen(src->closed)) : NULL;
	bad = (src->file && !dst->file) || (src->closed && !dst->closed);
	for (i = 0; i < NKEYS; i++)
		if (keys[i].type == T_TEXT)
			*(char **)field(dst, &keys[i]) = NULL;
	for (i = 0; i < NKEYS; i++) {
		const char *t;

		if (keys[i].type != T_TEXT)
			continue;
		t = *(char *const *)((const char *)src + keys[i].off);
		if (t && !(*(char **)field(dst, &keys[i]) = dup_n(t, strlen(t))))
			bad = 1;
	}
	if (bad) {
		wfm_config_release(dst);
		return WFM_EINTERNAL;
	}
	return WFM_OK;
}

static int load_file(wfm_config *cfg, const char *path, wfm_err *e)
{
	struct loader L = {0};
	wfm_config work;
	FILE *f = fopen(path, "r");
	char text[128];
	size_t i;
	int rc;

	if (!f)
		return wfm_err_set(e, WFM_ENOINPUT, "%s: cannot open: %s", path,
				   wfm_errno_text(errno, text, sizeof text));
	if (copy_config(&work, cfg) != WFM_OK) {
		fclose(f);
		return wfm_err_nomem(e);
	}
	for (i = 0; i < NKEYS; i++)
		if (work.where_[i] > 0)
			work.where_[i] = 0; /* a line of an earlier file */
	free(work.file);
	work.file = dup_n(path, strlen(path));
	L.cfg = &work;
	L.path = path;
	L.section = -1;
	rc = work.file ? read_lines(&L, f, e) : wfm_err_nomem(e);
	fclose(f);
	if (rc == WFM_OK)
		rc = wfm_config_check(&work, e);
	if (rc != WFM_OK) {
		wfm_config_release(&work);
		return rc;
	}
	wfm_config_release(cfg);
	*cfg = work;
	return WFM_OK;
}

int wfm_config_load(wfm_config *cfg, const char *path, wfm_err *e)
{
	if (path)
		return load_file(cfg, path, e);
	if (access("wfm.conf", F_OK) == 0)
		return load_file(cfg, "wfm.conf", e);
	return WFM_OK;
}
