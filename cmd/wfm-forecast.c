/* wfm-forecast - forecast contacts per month, day or interval from the
 * history, with prediction intervals; or backtest the models. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "opt.h"
#include "tool.h"
#include "common/value.h"
#include "history/history.h"
#include "io/csv.h"
#include "io/outfile.h"
#include "run/fcrun.h"
#include "setup/calendar.h"
#include "setup/config.h"

/* The options, with their help; a flag that sets a wfm.conf key takes its
 * help from the key table of config.c. */
enum opt_id { O_GRAIN, O_FROM, O_TO, O_DAYS, O_LEVEL, O_EXPECTED, O_EVENTS, O_LINE, O_CHANNEL,
	      O_BACKTEST,
	      O_ORIGINS, O_HOLIDAYS, O_CLOSED, O_OPEN_DAYS, O_OPEN_HOURS, O_INTERVAL, O_CONFIG,
	      O_OUTPUT, O_EXCEL, O_HELP, O_VERSION, O_COUNT };

static const struct tool_opt opts[O_COUNT] = {
	[O_GRAIN] = {"grain", 0, "G", NULL, NULL, "month, day (default) or interval"},
	[O_FROM] = {"from", 0, "DATE", NULL, NULL, "first day to forecast (default: the day after "
		     "the last date of the history); only history before it is used"},
	[O_TO] = {"to", 0, "DATE", NULL, NULL, "last day to forecast (included)"},
	[O_DAYS] = {"days", 0, "N", NULL, NULL, "days to forecast instead of --to (default: "
		     "horizon_days of [forecast], 56); with --backtest the backtest horizon "
		     "(default 56)"},
	[O_LEVEL] = {"level", 0, "P", "forecast", "level", NULL},
	[O_EXPECTED] = {"expected", 0, "FILE", NULL, NULL, "the entities' expected volumes, "
			 "from,to,channel,line,mode,value,note (mode add, scale or set); a period "
			 "must start within --from..--to and may end after --to"},
	[O_EVENTS] = {"events", 0, "FILE", "forecast", "events", NULL},
	[O_LINE] = {"line", 0, "L", NULL, NULL, "only line L"},
	[O_CHANNEL] = {"channel", 0, "C", NULL, NULL, "only channel C: phone, email, chat, social "
			"or callback"},
	[O_BACKTEST] = {"backtest", 0, NULL, NULL, NULL, "print the accuracy of every model per "
			 "series instead of a forecast"},
	[O_ORIGINS] = {"origins", 0, "K", NULL, NULL, "with --backtest: rolling origins, 1 to 100 "
			"(default 12)"},
	TOOL_OPT_SETTINGS_ROWS,
	[O_OUTPUT] = TOOL_OPT_OUTPUT,
	[O_EXCEL] = TOOL_OPT_EXCEL,
	TOOL_OPT_HELP_ROWS,
};

static const char usage_head[] =
"usage: wfm-forecast [options] [HISTORY]\n"
"       wfm-forecast --backtest [--origins K] [--days H] [options] [HISTORY]\n"
"\n"
"Forecasts the contacts of every line and channel of HISTORY (a canonical\n"
"history as wfm-ingest writes it; '-' or none: standard input) and writes\n"
"period,time,channel,line,forecast,lo,hi,aht_s: period YYYY-MM (month grain)\n"
"or YYYY-MM-DD, time HH:MM at interval grain (else empty), lo and hi the\n"
"prediction interval at --level, aht_s the forecast handle time in seconds\n"
"(from the history's aht_s weighted by handled contacts; empty when no line of\n"
"the channel has any; wfm-staff reads it).  Rows come sorted by period, time,\n"
"channel and line.  Each series gets the model with the best rolling-origin\n"
"backtest; closed days (weekend, holidays, --closed) are 0, and an open day\n"
"without rows in the history counts as missing, not as 0.\n"
"\n"
"  month     one row per month: the sum of its days from --from to --to\n"
"  day       one row per day, closed days included (forecast 0)\n"
"  interval  one row per open interval of each open day; closed days and the\n"
"            hours outside the opening hours are 0 and not written; e-mail,\n"
"            social and callbacks (answered by the day) get one row per open\n"
"            day with time empty\n"
"\n"
"Events (--events, or events = in [forecast]; from,to,line,channel,kind,name,\n"
"line and channel empty for all): kind exclude leaves the days out of the fit\n"
"(an outage, a one-off spike), kind effect learns the effect of the days of\n"
"that name from the history and applies it to those ahead (a mailing, a\n"
"deadline, another calendar's holiday); a note says what each did.\n"
"\n"
"Figures have 2 decimals and add up as written: the intervals of a day to the\n"
"day, the days of a month to the month.  Expected volumes: add spreads VALUE\n"
"contacts over the period like the forecast, scale multiplies it, set makes\n"
"the period total VALUE; a line without history is forecast from its rows,\n"
"shaped like the line of the same channel with the most history.\n"
"\n"
"Options:\n";

static const char usage_tail[] =
"\n"
"Examples:\n"
"  wfm-forecast --grain interval --expected verwacht.csv -o forecast.csv history.csv\n"
"  wfm-forecast --grain month --days 365 --excel -o per-maand.csv history.csv\n"
"  wfm-forecast --backtest --line 1700 history.csv\n"
"  wfm-forecast --events storingen.csv --grain interval -o forecast.csv history.csv\n"
"\n"
"Exit codes: 0 ok, 64 bad command line (also an unknown --line, --to before\n"
"--from), 65 bad input data (history, expected volumes, settings; also a series\n"
"without data on an open day), 66 a file is missing, 73 cannot create the\n"
"output, 74 read or write error.  Nothing is written on failure.\n";

struct args {
	struct tool_cmdline c;  /* the options as given */
	const char *history;
};

/* Options that go only with --backtest, or never with it. */
static int check_combination(const struct args *a)
{
	static const int not_bt[] = {O_GRAIN, O_TO, O_EXPECTED};
	size_t i;

	if (a->c.set[O_ORIGINS] && !a->c.set[O_BACKTEST])
		return tool_usage("--origins goes with --backtest");
	for (i = 0; a->c.set[O_BACKTEST] && i < sizeof not_bt / sizeof not_bt[0]; i++)
		if (a->c.set[not_bt[i]])
			return tool_usage("--%s does not go with --backtest", opts[not_bt[i]].name);
	if (a->c.set[O_TO] && a->c.set[O_DAYS])
		return tool_usage("give --to or --days, not both");
	return 0;
}

/* Returns 0 to go on, -1 when done (--help, --version), else an exit code. */
static int parse_args(int argc, char **argv, struct args *a)
{
	int rc = tool_parse(argc, argv, opts, O_COUNT, O_HELP, O_VERSION, usage_head, usage_tail,
			    &a->c);

	if (rc)
		return rc;
	if (a->c.noperands > 1)
		return tool_usage("one HISTORY file, not '%s' and '%s'", a->c.operands[0],
				  a->c.operands[1]);
	a->history = a->c.noperands ? a->c.operands[0] : "-";
	return check_combination(a);
}

/* A whole number lo..hi given to --NAME. */
static int parse_int_opt(const char *name, const char *s, int lo, int hi, int *out)
{
	static const wfm_numfmt plain = {'.', 0};
	double v;
	const char *why = wfm_parse_count(s, plain, &v);

	if (why)
		return tool_usage("--%s: %s: '%s'", name, why, s);
	if (v < lo || v > hi)
		return tool_usage("--%s: must be %d to %d: '%s'", name, lo, hi, s);
	*out = (int)v;
	return 0;
}

static int parse_date_opt(const char *name, const char *s, wfm_date *d)
{
	const char *why = wfm_parse_date(s, d);

	return why ? tool_usage("--%s: %s: '%s'", name, why, s) : 0;
}

/* The options of the run from the flags, the settings and the history. */
static int run_options(const struct args *a, const wfm_config *cfg, const wfm_hist *h,
		       wfm_fcrun_opts *o)
{
	int rc, days = cfg->horizon_days;
	wfm_date last;
	char b1[16];

	wfm_fcrun_opts_default(o);
	o->interval = cfg->interval;
	o->level = cfg->level;
	o->line = a->c.val[O_LINE];
	if (a->c.set[O_GRAIN] && (o->grain = wfm_grain_parse(a->c.val[O_GRAIN])) < 0)
		return tool_usage("--grain: month, day or interval, not '%s'", a->c.val[O_GRAIN]);
	if (a->c.set[O_CHANNEL] && (o->channel = wfm_channel_parse(a->c.val[O_CHANNEL])) < 0)
		return tool_usage("--channel: unknown channel: '%s' (phone, email, chat, social, "
				  "callback)", a->c.val[O_CHANNEL]);
	if (a->c.set[O_ORIGINS] && (rc = parse_int_opt("origins", a->c.val[O_ORIGINS], 1, 100,
						     &o->origins)))
		return rc;
	if (a->c.set[O_DAYS] && (rc = parse_int_opt("days", a->c.val[O_DAYS], 1,
						  WFM_FCRUN_MAX_DAYS, &days)))
		return rc;
	if (!wfm_fcrun_last_date(h, &last))
		return tool_error(65, "%s: no data rows after the header",
				  strcmp(a->history, "-") ? a->history : "<stdin>");
	o->from = last + 1;
	if (a->c.set[O_FROM] && (rc = parse_date_opt("from", a->c.val[O_FROM], &o->from)))
		return rc;
	if (a->c.set[O_BACKTEST]) {
		o->to = o->from;
		o->bt_days = a->c.set[O_DAYS] ? days : days < 56 ? days : 56;
		return 0;
	}
	o->to = o->from + days - 1;
	if (a->c.set[O_TO] && (rc = parse_date_opt("to", a->c.val[O_TO], &o->to)))
		return rc;
	if (o->to > wfm_date_from_ymd(WFM_YEAR_MAX, 12, 31)) {
		char b2[16];

		if (o->from > wfm_date_from_ymd(WFM_YEAR_MAX, 12, 31))
			return tool_usage("the history ends on %s, the last day the calendar "
					  "covers: no day after it to forecast",
					  wfm_date_iso(o->from - 1, b1));
		return tool_usage("%d days from %s run to %s, past %d-12-31, the last day the "
				  "calendar covers: give fewer --days or --to %d-12-31",
				  days, wfm_date_iso(o->from, b1), wfm_date_iso(o->to, b2),
				  WFM_YEAR_MAX, WFM_YEAR_MAX);
	}
	if (o->to < o->from)
		return tool_usage("--to %s is before %s %s", a->c.val[O_TO],
				  a->c.set[O_FROM] ? "--from" : "the first day to forecast",
				  wfm_date_iso(o->from, b1));
	if (o->to - o->from >= WFM_FCRUN_MAX_DAYS)
		return tool_usage("--to: more than %d days after %s", WFM_FCRUN_MAX_DAYS,
				  wfm_date_iso(o->from, b1));
	return 0;
}

/* Progress on a terminal once the run has taken longer than a second. */
struct progress {
	struct timespec t0;
	int shown;
};

static void on_progress(void *ctx, int done, int total)
{
	struct progress *p = ctx;
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	if (!p->shown && (t.tv_sec - p->t0.tv_sec) + (t.tv_nsec - p->t0.tv_nsec) * 1e-9 < 1)
		return;
	fprintf(stderr, "\r%s: %d of %d series forecast", tool_name(), done, total);
	p->shown = 1;
}

static void print_notes(const wfm_fcrun *run, struct progress *p)
{
	int i, warning;

	if (p->shown) /* wipe the progress line */
		fprintf(stderr, "\r%60s\r", "");
	p->shown = 0;
	for (i = 0; i < wfm_fcrun_nnotes(run); i++) {
		const char *text = wfm_fcrun_note(run, i, &warning);

		if (warning)
			tool_warn("%s", text);
		else
			fprintf(stderr, "%s: note: %s\n", tool_name(), text);
	}
}

/* Forecast (or backtest) with the options `o` and write; progress as from
 * the time in `prog`. */
static int forecast(const struct args *a, wfm_fcrun_opts *o, const wfm_calendar *cal,
		    const wfm_hist *h, const char *events, struct progress *prog, wfm_err *e)
{
	wfm_event_list evt = {0};
	wfm_ev_list ev = {0};
	wfm_fcrun *run = NULL;
	wfm_out *out = NULL;
	wfm_csvw w;
	int rc = WFM_OK;

	if (isatty(STDERR_FILENO)) {
		o->progress = on_progress;
		o->progress_ctx = prog;
	}
	if (a->c.set[O_EXPECTED] && ((rc = wfm_ev_read(a->c.val[O_EXPECTED], o->from,
						     o->from + WFM_FCRUN_MAX_DAYS - 1, &ev, e)) ||
				   (rc = wfm_ev_check_horizon(&ev, o->to, e)))) {
		wfm_ev_list_release(&ev);
		return rc;
	}
	if (events && (rc = wfm_events_read(events, &evt, e))) {
		wfm_ev_list_release(&ev);
		return rc;
	}
	if (!(run = wfm_fcrun_new(h, cal, o, a->c.set[O_EXPECTED] ? &ev : NULL, e)) ||
	    (events && (rc = wfm_fcrun_events(run, &evt, e)))) {
		rc = run ? rc : e->code;
		wfm_fcrun_free(run);
		wfm_ev_list_release(&ev);
		wfm_event_list_release(&evt);
		return rc;
	}
	if (!a->c.set[O_BACKTEST]) {
		rc = wfm_fcrun_forecast(run, &ev, e);
		print_notes(run, prog);
	}
	if (rc == WFM_OK && !(out = tool_out_open(a->c.val[O_OUTPUT], e)))
		rc = e->code;
	if (rc == WFM_OK) {
		wfm_csvw_init(&w, wfm_out_file(out), a->c.set[O_EXCEL]);
		rc = a->c.set[O_BACKTEST] ? wfm_fcrun_backtest(run, &w, e) :
					  wfm_fcrun_write(run, &w, e);
		if (a->c.set[O_BACKTEST])
			print_notes(run, prog);
	}
	rc = tool_out_end(out, rc, a->c.val[O_OUTPUT], e);
	wfm_fcrun_free(run);
	wfm_ev_list_release(&ev);
	wfm_event_list_release(&evt);
	return rc;
}

int main(int argc, char **argv)
{
	struct args a = {0};
	wfm_read_opts ro = {0};
	wfm_fcrun_opts o;
	wfm_config cfg;
	wfm_calendar *cal = NULL;
	wfm_hist *h = NULL;
	wfm_err e = {0};
	struct progress prog = {{0, 0}, 0};
	int rc, said;

	clock_gettime(CLOCK_MONOTONIC, &prog.t0);
	tool_init("wfm-forecast");
	wfm_config_defaults(&cfg);
	rc = parse_args(argc, argv, &a);
	said = rc != 0;
	if (rc == 0)
		rc = tool_settings(opts, &a.c, O_CONFIG, &cfg, &cal, &e);
	if (rc == 0 && !(h = wfm_hist_new(&e)))
		rc = e.code;
	ro.interval = cfg.interval;
	if (rc == 0)
		rc = wfm_hist_read(h, a.history, 0, &ro, NULL, &e);
	if (rc == 0)
		said = (rc = run_options(&a, &cfg, h, &o)) != 0;
	if (rc == 0)
		rc = forecast(&a, &o, cal, h, cfg.events, &prog, &e);
	if (said)
		e.msg[0] = '\0';
	wfm_hist_free(h);
	wfm_calendar_free(cal);
	wfm_config_release(&cfg);
	tool_cmdline_release(&a.c);
	return tool_end(rc, &e);
}
