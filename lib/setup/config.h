/* config.h - the settings of every tool: defaults, wfm.conf and flags.
 *
 * A setting gets its value from, the later winning:
 *   1. the default in the table below (the service's published targets,
 *      DESIGN.md);
 *   2. the configuration file: the FILE of --config FILE when given (it
 *      must exist), else ./wfm.conf when it exists, else none
 *      (wfm_config_load);
 *   3. a command-line flag: each key `foo_bar` of a section is offered as
 *      --foo-bar by the programs that use it, through wfm_config_set.
 *
 * wfm.conf is an INI file (data/wfm.conf is a commented example):
 *   [section]          a section header; keys before the first one are errors
 *   key = value        blanks around key and value are ignored
 *   # comment          so are lines starting with '#' or ';', blank lines, and
 *   key = v  # note    a '#' or ';' after a blank ends the value; a value in
 *                      double quotes ("a;b #c") is taken as it is
 * Section and key names and words such as `be` or `mon` ignore case; a UTF-8
 * byte order mark and CRLF line ends are accepted.  An unknown section or
 * key, a key given twice or a bad value is an error naming the file and line:
 *   "wfm.conf:7: unknown key 'foo' in [calendar]"
 *   "wfm.conf:9: [calendar] interval: must be 5, 10, 15, 30 or 60: '7'".
 *
 * Keys, their types and defaults:
 *   [calendar]
 *   holidays = be | none        Belgian and Flemish holidays, or none   be
 *   closed = PATH               closing-days CSV (date,reason), relative to
 *                               the folder of the file that names it    none
 *   open_days = LIST            days open: mon-fri, mon-sat, mon,tue,thu;
 *                               English names or three-letter abbreviations,
 *                               ranges may wrap (fri-mon); none         mon-fri
 *   open_hours = HH:MM-HH:MM    hours of every open day (end up to 24:00)
 *                                                                 09:00-19:00
 *   hours_mon .. hours_sun      that weekday's hours HH:MM-HH:MM, or `closed`;
 *                               overrides open_days and open_hours (so
 *                               hours_sat = 09:00-13:00 opens Saturday);
 *                               empty: not given                    not given
 *   interval = MINUTES          5, 10, 15, 30 or 60; every day's opening and
 *                               closing time must lie on this grid      15
 *   [ingest]                    (no keys yet)
 *   [forecast]
 *   level = P                   prediction interval coverage, 0 < P < 1  0.8
 *   horizon_days = N            days forecast ahead, 1..3660             56
 *   events = PATH               events CSV (from,to,line,channel,kind,name),
 *                               relative to the file's folder; empty: none
 *   [staff]
 *   target_answer_rate = P      answered share of offered calls, 0 < P <= 1
 *                               (wfm-staff needs P < 1)                  0.95
 *   callback_after = SECONDS    wait after which a callback is offered;
 *                               none or 0: no callback offer             150
 *   sl = P                      service level: share answered within
 *                               sl_time, 0 < P <= 1 (wfm-staff: < 1)     0.8
 *   sl_time = SECONDS           the service-level threshold, > 0          20
 *   max_occupancy = P           cap on agent occupancy, 0 < P <= 1, or none
 *                                                                        none
 *   patience = SECONDS          mean time a caller waits before hanging up
 *                               (abandonment model), > 0, or none        none
 *   shrinkage = P               share of paid time not on contacts (breaks,
 *                               meetings, training, absence), 0 <= P < 1  0.3
 *   shrinkage_phone, shrinkage_email, shrinkage_chat, shrinkage_social,
 *   shrinkage_callback = P      that channel's share in place of shrinkage,
 *                               0 <= P < 1; empty or none: not given (-1),
 *                               shrinkage applies                 not given
 *   shrinkage_mon .. shrinkage_sun = P
 *                               absence on that weekday: share of the agents
 *                               scheduled that are away, 0 <= P < 1, on top
 *                               of the channel's share (wfm-staff combines
 *                               them as 1 - (1 - P_day)(1 - P_channel));
 *                               none: 0                                    0
 *   shrinkage_channel = LIST    CHANNEL=P, ...: shrinkage_CHANNEL of each
 *                               channel named (phone=30%, chat=none)
 *   shrinkage_weekday = LIST    DAY=P, ...: shrinkage_DAY of each weekday
 *                               named (mon=12%, fri=8%; mon..sun)
 *   deadline_days = N           working days to answer e-mail and
 *                               callbacks, 0..365                          2
 *   concurrency = N             chats one agent handles at once, 1..20     2
 *   aht_phone, aht_email, aht_chat, aht_social, aht_callback = SECONDS
 *                               average handle time of the channel, > 0,
 *                               for forecasts without aht_s (aht_chat: with
 *                               no other chat held; aht_callback none: that
 *                               of the calls the callbacks come from)   none
 *   aht_lines = TEXT            per-line handle times, LINE/CHANNEL SECONDS,
 *                               ... (checked by wfm-staff)             empty
 *   chat_aht = TEXT             chat handle time at 1, 2, ... chats held,
 *                               SECONDS, ... (checked by wfm-staff)    empty
 *   chat_patience = SECONDS     mean patience of a chat, > 0, or none (as
 *                               patience)                                none
 *   max_agents = N              most agents per line, channel and interval,
 *                               1..1000000, or none                      none
 *   fte_hours = H               paid hours of one FTE per week, 0 < H <= 168
 *                                                                           38
 *   [plan]
 *   time_limit = SECONDS        solver time limit, > 0                    60
 *   gap = P                     relative MIP gap to stop at, 0 <= P < 1  0.01
 *   shifts = TEXT               shift lengths from start to end, H:MM, ...
 *                               (checked by wfm-plan)      8:30, 6:30, 4:00
 *   start_step = MINUTES        shifts start on multiples of this, 5..60   15
 *   lunch = H:MM                unpaid lunch length, 0..3:00; 0: none    30
 *   lunch_window = H:MM-H:MM    earliest and latest lunch start after the
 *                               shift start                      3:00-5:00
 *   lunch_after = H:MM          shifts longer than this carry the lunch 6:00
 *   break = H:MM                paid short break length, 0..1:00          15
 *   break_windows = TEXT        windows of the short breaks after the shift
 *                               start, H:MM-H:MM, ...; a shift has a break in
 *                               each window that ends inside it; none: no
 *                               short breaks         1:00-2:30, 5:30-7:15
 *   min_rest = H:MM             rest between two shifts, 0..24:00       11:00
 *   max_days = N                working days in a week, 1..7                5
 *   hours_tolerance = H:MM      paid time may differ from the contract by
 *                               this, 0..10:00                          1:00
 *   training_step = MINUTES     training sessions start on multiples, 5..60 30
 *   deferred_days = N           working days after its day by which a day's
 *                               deferred hours must be done, 0..30        0
 *   requirement = TEXT          the requirements column planned against:
 *                               agents or scheduled (checked by wfm-plan)
 *                                                                    agents
 *   line_weights = TEXT         LINE=W, ...: weight of a line's shortfall
 *                               (checked by wfm-plan)                 empty
 *   objective = TEXT            service (the expected contacts not answered,
 *                               from the staffing models) or linear (agent-
 *                               hours short) (checked by wfm-plan); empty:
 *                               service (linear when the requirements carry
 *                               no volumes)                         service
 *   service_weight = X          per contact not answered live (not within
 *                               sl_time where nobody abandons), >= 0     0.1
 *   depth_weight = X            service objective: an interval d below the
 *                               target answer rate costs X x contacts x d^2
 *                               more (times service_weight), >= 0        40
 *   under_weight, over_weight, preference_weight, late_weight, leave_weight
 *                               = X   objective weights, >= 0: per agent-hour
 *                               short (linear objective), per agent-hour
 *                               over, per shift outside the preferred start,
 *                               per hour of deferred work late per day, per
 *                               refused leave day (linear objective)
 *                                                   1, 0.1, 0.05, 0.8, 0.5
 *   [report]
 *   backlog = PATH              opening backlog CSV (date,channel,line,open),
 *                               relative to the folder of the file      none
 *   hourly_cost = X             cost of one paid agent-hour, >= 0, or none
 *                                                                        none
 *   price_phone, price_email, price_chat, price_social, price_callback = X
 *                               price of one contact of the channel, >= 0,
 *                               or none                                  none
 *   prices_lines = TEXT         prices of single lines, LINE/CHANNEL X, ...
 *                               (checked by wfm-report)                empty
 *   entities = TEXT             LINE=ENTITY, ...: who a line works for, for
 *                               the cost per entity (checked by wfm-report)
 *                                                                       empty
 *   quiet_days = N              quietest days listed for trainings, 1..366 10
 * H:MM is hours and minutes ("8:30"); a plain number is minutes ("15").
 * A share P may be written as a fraction (0.95) or a percentage (95%); a
 * decimal comma is accepted (0,95).  SECONDS may be a number of seconds (150)
 * or m:ss / h:mm:ss (2:30).  A TEXT value is kept as written (without
 * surrounding blanks; NULL when empty) for the program that uses it.  A LIST
 * sets other keys, NAME=VALUE for each, separated by commas (so a share in
 * it takes a decimal point); it is set whole or not at all, and each key it
 * sets counts as given where the list is: in a file, a key given both alone
 * and in a list, or twice in one list, is an error; flags apply in order, the
 * later winning.  Its errors name the list and the item:
 *   "--shrinkage-channel: not phone, email, chat, social or callback: 'fax'"
 *   "wfm.conf:9: [staff] shrinkage_weekday: mon: must be at least 0 and less
 *   than 1: '100%'".
 *
 * Ownership: a wfm_config owns its strings; wfm_config_release frees them.
 */
#ifndef WFM_CONFIG_H
#define WFM_CONFIG_H

#include <stdio.h>

#include "calendar.h"
#include "common/err.h"

/* Opening hours of one day, minutes since midnight; opens < 0 when closed. */
typedef struct wfm_hours {
	int opens, closes;
} wfm_hours;

#define WFM_CONFIG_MAX_KEYS 112

typedef struct wfm_config {
	char *file;                  /* the configuration file read, or NULL */

	/* [calendar] */
	enum wfm_holidays holidays;
	char *closed;                /* resolved path, or NULL for none */
	unsigned open_days;          /* bit (1u << WFM_MON) .. (1u << WFM_SUN) */
	wfm_hours open_hours;
	wfm_hours hours[7];          /* hours_mon .. hours_sun, where given */
	unsigned hours_given;        /* bit wd set when hours[wd] was given */
	int interval;                /* minutes */

	/* [forecast] */
	double level;
	int horizon_days;
	char *events;                /* resolved path of the events file, or NULL */

	/* [staff] */
	double target_answer_rate;
	double callback_after;       /* seconds */
	double sl;
	double sl_time;              /* seconds */
	double max_occupancy;        /* 0: none */
	double patience;             /* seconds; 0: none */
	double shrinkage;
	double shrinkage_phone, shrinkage_email, shrinkage_chat, shrinkage_social,
		shrinkage_callback;  /* -1: not given */
	double shrinkage_day[7];     /* shrinkage_mon .. shrinkage_sun */
	int deadline_days;
	int concurrency;
	double aht_phone, aht_email, aht_chat, aht_social, aht_callback; /* seconds; 0: none */
	char *aht_lines;             /* NULL for none */
	char *chat_aht;              /* NULL for none */
	double chat_patience;        /* seconds; 0: none */
	int max_agents;              /* 0: none */
	double fte_hours;

	/* [plan] */
	double time_limit;           /* seconds */
	double gap;
	char *shifts;                /* shift lengths H:MM, ...; NULL: the default */
	int start_step;              /* minutes */
	int lunch;                   /* minutes; 0: none */
	wfm_hours lunch_window;      /* earliest-latest lunch start after the shift start */
	int lunch_after;             /* minutes: longer shifts carry the lunch */
	int break_len;               /* key `break`: minutes; 0: none */
	char *break_windows;         /* H:MM-H:MM, ...; NULL: the default */
	int min_rest;                /* minutes */
	int max_days;
	int hours_tolerance;         /* minutes */
	int training_step;           /* minutes */
	int deferred_days;           /* working days */
	char *requirement;           /* agents | scheduled; NULL: agents */
	char *line_weights;          /* LINE=W, ...; NULL: none */
	char *objective;             /* service | linear; NULL: service */
	double service_weight, depth_weight;
	double under_weight, over_weight, preference_weight, late_weight, leave_weight;

	/* [report] */
	char *backlog;               /* opening backlog CSV, resolved path, or NULL */
	double hourly_cost;          /* per paid agent-hour; -1: not given */
	double price_phone, price_email, price_chat, price_social,
		price_callback;      /* per contact; -1: not given */
	char *prices_lines;          /* LINE/CHANNEL PRICE, ...; NULL: none */
	char *entities;              /* LINE=ENTITY, ...; NULL: none */
	int quiet_days;

	/* Private: where each key was set (line of `file`, 0 for the default,
	 * -1 for a flag), for messages about keys that do not fit together. */
	int where_[WFM_CONFIG_MAX_KEYS];
} wfm_config;

/* Fills `cfg` with the defaults.  Nothing is allocated yet, but pair it with
 * wfm_config_release all the same. */
void wfm_config_defaults(wfm_config *cfg);

/* Frees the strings of `cfg` (not `cfg` itself) and leaves the defaults in
 * it.  NULL is a no-op. */
void wfm_config_release(wfm_config *cfg);

/* Reads the configuration file a program runs with over the current
 * settings: `path` (the FILE of --config) when not NULL, else ./wfm.conf when
 * that file exists, else none (then the settings stay as they are and this
 * returns WFM_OK).  Fails with WFM_ENOINPUT when the file cannot be opened
 * and WFM_EDATA, "FILE:LINE: what is wrong", for a syntax error, an unknown
 * section or key, a key given twice, a bad value or settings that do not fit
 * together (wfm_config_check).  On failure `cfg` is unchanged. */
int wfm_config_load(wfm_config *cfg, const char *path, wfm_err *e);

/* Sets key `key` of `section` from the text `value` with the same parsing and
 * checks as the file; a relative path is taken as it is (relative to the
 * working directory).  This is how programs apply flags: failures are
 * WFM_EUSAGE with a message naming the flag --KEY-NAME, e.g.
 * "--open-hours: not a time range: '9-17'", or "unknown setting [calendar]
 * foo".  On failure `cfg` is unchanged. */
int wfm_config_set(wfm_config *cfg, const char *section, const char *key, const char *value,
		   wfm_err *e);

/* Where the setting `key` of `section` got its value: the line of the
 * configuration file `cfg->file` (> 0), 0 for the default, -1 for a flag
 * (wfm_config_set); 0 for an unknown key.  For messages about a value that
 * a program checks itself. */
int wfm_config_origin(const wfm_config *cfg, const char *section, const char *key);

/* Records in `e` an error in the value of setting `key` of `section` that a
 * program checks itself, the message formatted like printf, named where the
 * value came from: "FILE:LINE: [SECTION] KEY: MESSAGE" (WFM_EDATA) from
 * the file; else "--KEY: MESSAGE" with the key's '_' as '-', WFM_EUSAGE
 * from a flag, WFM_EDATA for the default.  Returns the code. */
int wfm_config_value_error(const wfm_config *cfg, const char *section, const char *key,
			   wfm_err *e, const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* Checks the settings that depend on each other: at least one day open, and
 * every open day's hours on the interval grid.  Returns WFM_OK, or WFM_EDATA
 * with "FILE:LINE: " of the later key when all keys involved came from the
 * file, else WFM_EUSAGE. */
int wfm_config_check(const wfm_config *cfg, wfm_err *e);

/* The opening hours of weekday `wd` (WFM_MON..WFM_SUN) after combining
 * open_days, open_hours and hours_<wd>. */
wfm_hours wfm_config_day_hours(const wfm_config *cfg, int wd);

/* Builds the calendar the settings describe: holiday set, hours of every
 * weekday and the closing days of `closed`.  Fails as wfm_config_check, or
 * as wfm_calendar_load_closed (WFM_ENOINPUT, WFM_EDATA "FILE:LINE: ...").
 * Returns a new calendar (free with wfm_calendar_free), or NULL. */
wfm_calendar *wfm_config_calendar(const wfm_config *cfg, wfm_err *e);

/* The help text of a key ("days the service is open: mon-fri, ..."), for a
 * program's --help; NULL when there is no such key.  Static, not to free. */
const char *wfm_config_help(const char *section, const char *key);

#endif
