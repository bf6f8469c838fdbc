/* config.c - settings: defaults, the key table, setting a key's value
 * (wfm_cfg_set_value, wfm_config_set) and the checks of settings that depend
 * on each other.  The parsers of the value types (numbers, shares, seconds,
 * weekdays, opening hours) are in config_value.c, the wfm.conf reader in
 * config_file.c; config_impl.h holds what they share.
 *
 * Every setting is one row of `wfm_cfg_keys`: section, name, type, where it lives
 * in struct wfm_config, its range and its help.  A later tool adds a setting by
 * adding a field to the struct, its default to wfm_config_defaults and a row
 * here; the file reader and wfm_config_set then know it (a new section also
 * goes into `sections` in config_file.c).
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "config_impl.h"
#include "common/value.h"
#include "io/csv.h"

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
#define PRICE(name) \
	{"report", "price_" #name, T_NUMBER, AT(price_##name), 0, 1e6, OPTIONAL | UNSET_NEG, \
	 "price of one " #name " contact, for the cost estimate; none: not given"}
#define SHRINK_DAY(wd, name) \
	{"staff", "shrinkage_" name, T_SHARE, AT(shrinkage_day[wd]), 0, 1, HI_OPEN | OPTIONAL, \
	 "absence on " name " (leave, sickness): share of the agents scheduled that are " \
	 "away, on top of the channel's shrinkage: 1 - (1 - absence)(1 - shrinkage); none: 0"}

/* The T_LIST keys' lists (a share in them needs a decimal point: a decimal
 * comma would split the list). */
enum { L_SHRINK_CHANNEL, L_SHRINK_DAY };

const struct key_list wfm_cfg_lists[] = {
	[L_SHRINK_CHANNEL] = {"shrinkage_", "CHANNEL=P,... (a share with a decimal point or "
			      "a percentage)", {"phone", "email", "chat", "social", "callback",
						NULL}},
	[L_SHRINK_DAY] = {"shrinkage_", "DAY=P,... (a share with a decimal point or a "
			  "percentage)", {"mon", "tue", "wed", "thu", "fri", "sat", "sun", NULL}},
};

const struct key wfm_cfg_keys[] = {
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
	{"forecast", "events", T_PATH, AT(events), 0, 0, 0,
	 "events CSV with columns from,to,line,channel,kind,name (kind exclude: outages and "
	 "one-off spikes left out of the fit; effect: known effects learnt and applied), "
	 "relative to the folder of this file; empty: none"},
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
	{"staff", "shrinkage_channel", T_LIST, 0, L_SHRINK_CHANNEL, 0, 0,
	 "shrinkage of single channels in place of shrinkage, CHANNEL=P,... (e.g. "
	 "phone=30%,chat=35%; P none: back to shrinkage); sets shrinkage_CHANNEL"},
	{"staff", "shrinkage_weekday", T_LIST, 0, L_SHRINK_DAY, 0, 0,
	 "absence on single weekdays, on top of the channel's shrinkage, DAY=P,... (e.g. "
	 "mon=12%,fri=8%; days mon..sun; none: 0); sets shrinkage_DAY"},
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
	{"plan", "objective", T_TEXT, AT(objective), 0, 0, 0,
	 "what the plan minimises: service (the contacts the staffing models expect not to "
	 "be answered, so a shortage is spread where it costs least service; leave and "
	 "trainings decided first by a fixed rule) or linear (agent-hours short); empty: "
	 "service, or linear with a warning when the requirements carry no volumes"},
	{"plan", "service_weight", T_NUMBER, AT(service_weight), 0, 1e6, 0,
	 "service objective: cost of one contact not answered live (not answered within "
	 "sl_time where nobody abandons), times the line's weight"},
	{"plan", "depth_weight", T_NUMBER, AT(depth_weight), 0, 1e6, 0,
	 "service objective: an interval whose expected answer rate (service level where "
	 "nobody abandons) falls d below the [staff] target costs depth_weight x its contacts "
	 "x d squared more (times service_weight and the line's weight), so that no interval "
	 "of a line is left far below the rest of its day"},
	{"plan", "under_weight", T_NUMBER, AT(under_weight), 0, 1e6, 0,
	 "linear objective: cost of one agent-hour short of the requirement (times the line's "
	 "weight)"},
	{"plan", "over_weight", T_NUMBER, AT(over_weight), 0, 1e6, 0,
	 "cost of one agent-hour above the requirement"},
	{"plan", "preference_weight", T_NUMBER, AT(preference_weight), 0, 1e6, 0,
	 "cost of a shift starting outside the agent's preferred start"},
	{"plan", "late_weight", T_NUMBER, AT(late_weight), 0, 1e6, 0,
	 "cost of one hour of deferred work still undone after its deadline, per day"},
	{"plan", "leave_weight", T_NUMBER, AT(leave_weight), 0, 1e6, 0,
	 "linear objective: cost of refusing one day of requested leave"},
	{"report", "backlog", T_PATH, AT(backlog), 0, 0, 0,
	 "opening backlog of e-mail, social and callbacks, a CSV with columns "
	 "date,channel,line,open (as wfm-report --write-backlog writes it), relative to the "
	 "folder of this file; empty: none (the backlog starts at 0)"},
	{"report", "hourly_cost", T_NUMBER, AT(hourly_cost), 0, 1e6, OPTIONAL | UNSET_NEG,
	 "cost of one paid agent-hour (wages and overhead), for the cost estimate; none: "
	 "not given"},
	PRICE(phone), PRICE(email), PRICE(chat), PRICE(social), PRICE(callback),
	{"report", "prices_lines", T_TEXT, AT(prices_lines), 0, 0, 0,
	 "prices per contact of single lines, overriding price_CHANNEL: LINE/CHANNEL PRICE, "
	 "... (e.g. 1700/phone 1.20, BELAST/email 2.50); empty: none"},
	{"report", "entities", T_TEXT, AT(entities), 0, 0, 0,
	 "the entity each line works for, LINE=ENTITY, ... (e.g. BELAST=Vlaamse "
	 "Belastingdienst); the cost estimate adds up per entity; empty: each line is its own"},
	{"report", "quiet_days", T_INT, AT(quiet_days), 1, 366, 0,
	 "how many of the quietest days the capacity outlook lists for trainings"},
};

#define NKEYS (sizeof wfm_cfg_keys / sizeof wfm_cfg_keys[0])

_Static_assert(NKEYS <= WFM_CONFIG_MAX_KEYS, "raise WFM_CONFIG_MAX_KEYS");

const size_t wfm_cfg_nkeys = NKEYS;

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
	cfg->interval = WFM_INTERVAL_DEFAULT;
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
	cfg->service_weight = 0.1;
	cfg->depth_weight = 40;
	cfg->under_weight = 1;
	cfg->over_weight = 0.1;
	cfg->preference_weight = 0.05;
	cfg->late_weight = 0.8;
	cfg->leave_weight = 0.5;
	cfg->hourly_cost = -1;
	cfg->price_phone = cfg->price_email = cfg->price_chat = -1;
	cfg->price_social = cfg->price_callback = -1;
	cfg->quiet_days = 10;
}

void wfm_config_release(wfm_config *cfg)
{
	size_t i;

	if (!cfg)
		return;
	free(cfg->file);
	for (i = 0; i < NKEYS; i++)
		if (wfm_cfg_keys[i].type == T_TEXT || wfm_cfg_keys[i].type == T_PATH)
			free(*(char **)wfm_cfg_field(cfg, &wfm_cfg_keys[i]));
	wfm_config_defaults(cfg);
}

char *wfm_cfg_dup_n(const char *s, size_t n)
{
	char *p = malloc(n + 1);

	if (p) {
		memcpy(p, s, n);
		p[n] = '\0';
	}
	return p;
}

void *wfm_cfg_field(wfm_config *cfg, const struct key *k)
{
	return (char *)cfg + k->off;
}

/* ---- setting a key's value ---- */

/* Joins `path` to the folder of the configuration file `file` when it is
 * relative.  Returns a new string or NULL (out of memory). */
static char *resolve(const char *path, const char *file)
{
	const char *slash = file ? strrchr(file, '/') : NULL;
	size_t dir, len = strlen(path);
	char *p;

	if (path[0] == '/' || !slash)
		return wfm_cfg_dup_n(path, len);
	dir = (size_t)(slash - file) + 1;
	p = malloc(dir + len + 1);
	if (p) {
		memcpy(p, file, dir);
		memcpy(p + dir, path, len + 1);
	}
	return p;
}

/* The reason set_value gives when it runs out of memory. */
const char wfm_cfg_out_of_memory[] = "out of memory";

/* "not a, b or c" of the names of list `l`, into buf[0..n). */
static const char *not_one_of(const struct key_list *l, char *buf, size_t n)
{
	size_t len = 0, i;

	len += (size_t)snprintf(buf, n, "not ");
	for (i = 0; l->names[i] && len < n; i++)
		len += (size_t)snprintf(buf + len, n - len, "%s%s", i == 0 ? "" :
					l->names[i + 1] ? ", " : " or ", l->names[i]);
	return buf;
}

/* A T_LIST value: each item NAME=VALUE sets key PREFIX NAME, on a copy of
 * the settings that replaces them when every item is good. */
static const char *set_list(wfm_config *cfg, const struct key *k, const char *v,
			    struct cfg_why *w)
{
	const struct key_list *l = &wfm_cfg_lists[(int)k->lo];
	wfm_config work = *cfg; /* shallow: the keys of a list hold no strings */

	memset(w->set, 0, sizeof w->set);
	for (;;) {
		size_t len = strcspn(v, ","), i;
		char item[CFG_ITEM_MAX_LEN], key[64], name[CFG_ITEM_MAX_LEN], val[CFG_ITEM_MAX_LEN];
		struct cfg_why sub;
		const struct key *target = NULL;
		const char *eq, *bad;

		snprintf(item, sizeof item, "%.*s", (int)len, v);
		w->part = 1;
		if (wfm_trim_copy(item, w->value, sizeof w->value) < 0 || len >= sizeof item ||
		    !(eq = strchr(w->value, '='))) {
			snprintf(w->text, sizeof w->text, "expected %s", l->expected);
			return w->text;
		}
		snprintf(item, sizeof item, "%.*s", (int)(eq - w->value), w->value);
		wfm_trim_copy(item, name, sizeof name);
		wfm_trim_copy(eq + 1, val, sizeof val);
		for (i = 0; l->names[i] && strcasecmp(name, l->names[i]) != 0; i++)
			;
		snprintf(key, sizeof key, "%s%s", l->prefix, l->names[i] ? l->names[i] : "");
		if (l->names[i])
			target = wfm_cfg_find_key(k->section, key);
		if (!target) {
			snprintf(w->value, sizeof w->value, "%s", name);
			return not_one_of(l, w->text, sizeof w->text);
		}
		if (target->type == T_PATH || target->type == T_TEXT || target->type == T_LIST)
			return "a list of keys that hold text";
		if ((bad = wfm_cfg_set_value(&work, target, val, NULL, &sub))) {
			snprintf(w->text, sizeof w->text, "%s: %s", l->names[i], bad);
			snprintf(w->value, sizeof w->value, "%s", val);
			return w->text;
		}
		w->set[target - wfm_cfg_keys]++;
		if (v[len] == '\0')
			break;
		v += len + 1;
	}
	w->part = 0;
	*cfg = work;
	return NULL;
}

/* Parses the trimmed text `v` for key `k` and stores it in `cfg` only when it
 * is good.  `file` is the configuration file it comes from, or NULL. */
const char *wfm_cfg_set_value(wfm_config *cfg, const struct key *k, const char *v,
			      const char *file, struct cfg_why *w)
{
	const char *bad = NULL;
	char *why = w->text;
	size_t n = sizeof w->text;
	double x = 0;

	w->part = 0;
	switch (k->type) {
	case T_HOLIDAYS:
		if (strcasecmp(v, "be") == 0)
			*(enum wfm_holidays *)wfm_cfg_field(cfg, k) = WFM_HOLIDAYS_BE;
		else if (strcasecmp(v, "none") == 0)
			*(enum wfm_holidays *)wfm_cfg_field(cfg, k) = WFM_HOLIDAYS_NONE;
		else
			bad = "must be be or none";
		return bad;
	case T_PATH: {
		char **p = wfm_cfg_field(cfg, k), *s = v[0] ? resolve(v, file) : NULL;

		if (v[0] && !s)
			return wfm_cfg_out_of_memory;
		free(*p);
		*p = s;
		return NULL;
	}
	case T_DAYS:
		return wfm_cfg_parse_days(v, wfm_cfg_field(cfg, k));
	case T_HOURS:
		bad = wfm_cfg_parse_hours(v, wfm_cfg_field(cfg, k));
		if (bad)
			snprintf(why, n, "%s (expected HH:MM-HH:MM)", bad);
		return bad ? why : NULL;
	case T_DAY_HOURS: {
		unsigned bit = 1u << (int)k->lo;
		wfm_hours h = {-1, -1};

		if (v[0] && strcasecmp(v, "closed") != 0 && (bad = wfm_cfg_parse_hours(v, &h))) {
			snprintf(why, n, "%s (expected HH:MM-HH:MM or closed)", bad);
			return why;
		}
		*(wfm_hours *)wfm_cfg_field(cfg, k) = h;
		cfg->hours_given = v[0] ? cfg->hours_given | bit : cfg->hours_given & ~bit;
		return NULL;
	}
	case T_INTERVAL:
		bad = wfm_cfg_parse_num(v, &x);
		if (bad || !(x >= 1 && x <= 60) || x != (double)(int)x ||
		    !wfm_interval_valid((int)x))
			return "must be 5, 10, 15, 30 or 60";
		*(int *)wfm_cfg_field(cfg, k) = (int)x;
		return NULL;
	case T_INT:
		if (k->flags & OPTIONAL && wfm_cfg_is_none(v)) {
			*(int *)wfm_cfg_field(cfg, k) = 0;
			return NULL;
		}
		if (wfm_cfg_parse_num(v, &x))
			return "not a whole number";
		if (!wfm_cfg_in_range(k, x))
			return wfm_cfg_range_reason(k, why, n);
		if (x != (double)(int)x)
			return "not a whole number";
		*(int *)wfm_cfg_field(cfg, k) = (int)x;
		return NULL;
	case T_HM:
		bad = wfm_cfg_parse_seconds(v, &x);
		if (bad || strchr(v, ':') != strrchr(v, ':') || x != (double)(long)x)
			return "not a duration H:MM or a number of minutes";
		if (!wfm_cfg_in_range(k, x)) {
			snprintf(why, n, "must be at most %d:%02d", (int)k->hi / 60,
				 (int)k->hi % 60);
			return why;
		}
		*(int *)wfm_cfg_field(cfg, k) = (int)x;
		return NULL;
	case T_TEXT: {
		char **p = wfm_cfg_field(cfg, k), *t = v[0] ? wfm_cfg_dup_n(v, strlen(v)) : NULL;

		if (v[0] && !t)
			return wfm_cfg_out_of_memory;
		free(*p);
		*p = t;
		return NULL;
	}
	case T_NUMBER:
	case T_SHARE:
	case T_SECONDS:
		if (k->flags & OPTIONAL && wfm_cfg_is_none(v)) {
			*(double *)wfm_cfg_field(cfg, k) = k->flags & UNSET_NEG ? -1 : 0;
			return NULL;
		}
		bad = k->type == T_SHARE ? wfm_cfg_parse_share(v, &x) : k->type == T_NUMBER ?
			wfm_cfg_parse_num(v, &x) : wfm_cfg_parse_seconds(v, &x);
		if (bad)
			return bad;
		if (!wfm_cfg_in_range(k, x))
			return wfm_cfg_range_reason(k, why, n);
		*(double *)wfm_cfg_field(cfg, k) = x;
		return NULL;
	case T_LIST:
		return set_list(cfg, k, v, w);
	}
	return "unknown type";
}

const struct key *wfm_cfg_find_key(const char *section, const char *name)
{
	size_t i;

	for (i = 0; i < NKEYS; i++)
		if (strcasecmp(wfm_cfg_keys[i].section, section) == 0 &&
		    strcasecmp(wfm_cfg_keys[i].name, name) == 0)
			return &wfm_cfg_keys[i];
	return NULL;
}

static size_t key_id(const char *section, const char *name)
{
	return (size_t)(wfm_cfg_find_key(section, name) - wfm_cfg_keys);
}

const char *wfm_config_help(const char *section, const char *key)
{
	const struct key *k = wfm_cfg_find_key(section, key);

	return k ? k->help : NULL;
}

int wfm_config_set(wfm_config *cfg, const char *section, const char *key, const char *value,
		   wfm_err *e)
{
	const struct key *k = wfm_cfg_find_key(section, key);
	char v[CFG_LINE_MAX_LEN], shown[128], flag[64];
	struct cfg_why w;
	const char *bad;
	size_t i;

	if (!k)
		return wfm_err_set(e, WFM_EUSAGE, "unknown setting [%s] %s", section, key);
	snprintf(flag, sizeof flag, "%s", k->name);
	for (i = 0; flag[i]; i++)
		flag[i] = flag[i] == '_' ? '-' : flag[i];
	if (wfm_trim_copy(value, v, sizeof v) < 0)
		return wfm_err_set(e, WFM_EUSAGE, "--%s: value too long", flag);
	bad = wfm_cfg_set_value(cfg, k, v, NULL, &w);
	if (bad == wfm_cfg_out_of_memory)
		return wfm_err_nomem(e);
	if (bad)
		return wfm_err_set(e, WFM_EUSAGE, "--%s: %s: '%s'", flag, bad,
				   wfm_csv_show(w.part ? w.value : v, shown, sizeof shown));
	cfg->where_[k - wfm_cfg_keys] = -1;
	for (i = 0; k->type == T_LIST && i < NKEYS; i++)
		if (w.set[i])
			cfg->where_[i] = -1;
	return WFM_OK;
}

int wfm_config_origin(const wfm_config *cfg, const char *section, const char *key)
{
	const struct key *k = wfm_cfg_find_key(section, key);

	return k ? cfg->where_[k - wfm_cfg_keys] : 0;
}

int wfm_config_value_error(const wfm_config *cfg, const char *section, const char *key,
			   wfm_err *e, const char *fmt, ...)
{
	char msg[WFM_ERR_MSG_MAX], flag[64];
	int where = wfm_config_origin(cfg, section, key);
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (where > 0 && cfg->file)
		return wfm_err_set(e, WFM_EDATA, "%s:%d: [%s] %s: %s", cfg->file, where, section,
				   key, msg);
	snprintf(flag, sizeof flag, "%s", key);
	for (char *p = flag; *p; p++)
		*p = *p == '_' ? '-' : *p;
	return wfm_err_set(e, where < 0 ? WFM_EUSAGE : WFM_EDATA, "--%s: %s", flag, msg);
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
