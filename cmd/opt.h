/* opt.h - the command line of a wfm program: one option table, its usage
 * text and its parser, shared by the programs so they only declare them. */
#ifndef WFM_OPT_H
#define WFM_OPT_H

#include "setup/calendar.h"
#include "setup/config.h"

/* One option.  An option with a wfm.conf `section` sets the setting `key`
 * of that section (a list key such as shrinkage_channel sets several);
 * tool_settings applies these after the config file, in the order given.
 * Help NULL: the key's help from config.c. */
struct tool_opt {
	const char *name;     /* long name, without "--" */
	char short_name;      /* 0 for none */
	const char *arg;      /* the value's placeholder, NULL for a switch */
	const char *section;  /* wfm.conf section of `key`, or NULL */
	const char *key;      /* the wfm.conf key it sets, or NULL */
	const char *help;     /* NULL: the key's help */
};

/* Rows that read the same in every program, for the designated initialisers
 * of a table: [O_CONFIG] = TOOL_OPT_CONFIG.  The calendar flags set keys of
 * [calendar] in wfm.conf, so a program applies them after the config file. */
#define TOOL_OPT_HOLIDAYS   {"holidays", 0, "be|none", "calendar", "holidays", NULL}
#define TOOL_OPT_CLOSED     {"closed", 0, "FILE", "calendar", "closed", \
			     "closing days CSV with columns date,reason"}
#define TOOL_OPT_OPEN_DAYS  {"open-days", 0, "DAYS", "calendar", "open_days", NULL}
#define TOOL_OPT_OPEN_HOURS {"open-hours", 0, "HH:MM-HH:MM", "calendar", "open_hours", NULL}
#define TOOL_OPT_INTERVAL   {"interval", 0, "MIN", "calendar", "interval", NULL}
#define TOOL_OPT_CONFIG     {"config", 0, "FILE", NULL, NULL, \
			     "settings file (default: ./wfm.conf when present)"}
#define TOOL_OPT_OUTPUT     {"output", 'o', "FILE", NULL, NULL, "write to FILE, replaced " \
			     "only when complete (default: standard output)"}
#define TOOL_OPT_EXCEL      {"excel", 0, NULL, NULL, NULL, \
			     "nl-BE spreadsheet CSV: ';', decimal comma, BOM, CRLF, dd/mm/yyyy"}
#define TOOL_OPT_HELP       {"help", 'h', NULL, NULL, NULL, "this text"}
#define TOOL_OPT_VERSION    {"version", 'V', NULL, NULL, NULL, "the version"}

/* The rows every program with the calendar's flags and --config shares, and
 * the --help and --version rows, for a table whose enum names them O_HOLIDAYS,
 * O_CLOSED, O_OPEN_DAYS, O_OPEN_HOURS, O_INTERVAL, O_CONFIG, O_HELP and
 * O_VERSION (their place in the help is their place in the enum). */
#define TOOL_OPT_SETTINGS_ROWS \
	[O_HOLIDAYS] = TOOL_OPT_HOLIDAYS, [O_CLOSED] = TOOL_OPT_CLOSED, \
	[O_OPEN_DAYS] = TOOL_OPT_OPEN_DAYS, [O_OPEN_HOURS] = TOOL_OPT_OPEN_HOURS, \
	[O_INTERVAL] = TOOL_OPT_INTERVAL, [O_CONFIG] = TOOL_OPT_CONFIG
#define TOOL_OPT_HELP_ROWS [O_HELP] = TOOL_OPT_HELP, [O_VERSION] = TOOL_OPT_VERSION

/* A parsed command line.  Arrays are indexed like the option table. */
struct tool_cmdline {
	const char **val;       /* the last value given to each option, or NULL */
	int *set;               /* 1 when the option was given */
	int *flags;             /* options with a section (wfm.conf keys), in order ... */
	const char **flag_val;  /* ... and their values */
	int nflags;
	char **operands;        /* the arguments that are not options */
	int noperands;
	int *given;             /* every option that takes a value, in order ... */
	const char **given_val; /* ... and the value given each time */
	int ngiven;
};

/* Prints `head`, a line per option (its help wrapped from column 25) and
 * `tail` on standard output. */
void tool_print_usage(const char *head, const struct tool_opt *opts, int nopts,
		      const char *tail);

/* Parses argv against `opts`: "--name VALUE", "--name=VALUE", "-o VALUE",
 * "-oVALUE", switches, operands anywhere, "--" ending the options.  Option
 * `help_id` prints the usage (head, tail), `version_id` the version; then
 * it returns -1.  A bad command line prints a message and returns 64; out of
 * memory returns 70.  Otherwise 0.  Free `c` with tool_cmdline_release, whatever
 * the result. */
int tool_parse(int argc, char **argv, const struct tool_opt *opts, int nopts, int help_id,
	       int version_id, const char *head, const char *tail, struct tool_cmdline *c);

void tool_cmdline_release(struct tool_cmdline *c);

/* Every value given to option `id` on the command line `c`, in order:
 * stores up to `max` of them in out[] and returns how many were given (which
 * may exceed `max`). */
int tool_values(const struct tool_cmdline *c, int id, const char **out, int max);

/* The settings of a run, as config.h orders them: the defaults, then the
 * configuration file (the value of option `config_id`, --config FILE, else
 * ./wfm.conf when present), then every option of `opts` that sets a wfm.conf
 * key, in the order given on the command line `c`; then, when `cal` is not
 * NULL, the calendar they describe (*cal, free with wfm_calendar_free).
 * Returns WFM_OK or the code recorded in `e`: WFM_EUSAGE for a flag
 * ("--open-hours: not a time ...: '9-17'"), WFM_EDATA for the file
 * ("wfm.conf:7: ...") or the closing days, WFM_ENOINPUT for a file that
 * cannot be opened.  Release `cfg` with wfm_config_release whatever the
 * result. */
int tool_settings(const struct tool_opt *opts, const struct tool_cmdline *c, int config_id,
		  wfm_config *cfg, wfm_calendar **cal, wfm_err *e);

#endif
