/* wfm-staff - staffing requirements per interval, channel and line from an
 * interval forecast; evaluation and simulation of a given staffing. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "opt.h"
#include "tool.h"
#include "common/value.h"
#include "io/outfile.h"
#include "run/staffrun.h"
#include "setup/calendar.h"
#include "setup/config.h"

/* The options, with their help; a flag that sets a wfm.conf key takes its
 * help from the key table of config.c. */
enum opt_id { O_MODEL, O_ANSWER, O_CALLBACK, O_SL, O_SL_TIME, O_MAX_OCC, O_PATIENCE,
	      O_SHRINKAGE, O_SHRINK_CHANNEL, O_SHRINK_WEEKDAY, O_CONCURRENCY, O_DEADLINE, O_AHT,
	      O_AHT_PHONE, O_AHT_EMAIL,
	      O_AHT_CHAT, O_AHT_SOCIAL, O_AHT_CALLBACK, O_AHT_LINES, O_CHAT_AHT,
	      O_CHAT_PATIENCE, O_MAX_AGENTS, O_FTE_HOURS, O_GRAIN, O_BACKLOG, O_EVALUATE, O_CHANNEL,
	      O_SIMULATE,
	      O_RUNS, O_SEED, O_HANDLE, O_HANDLE_CV, O_FROM, O_TO, O_HOLIDAYS, O_CLOSED,
	      O_OPEN_DAYS, O_OPEN_HOURS, O_INTERVAL, O_CONFIG, O_OUTPUT, O_EXCEL, O_HELP,
	      O_VERSION, O_COUNT };

static const struct tool_opt opts[O_COUNT] = {
	[O_MODEL] = {"model", 0, "M", NULL, NULL, "queue model of the phone lines: erlang-c, "
		     "erlang-a or callback (default: callback when callback_after is set, else "
		     "erlang-a when a patience is set, else erlang-c)"},
	[O_ANSWER] = {"target-answer-rate", 0, "P", "staff", "target_answer_rate", NULL},
	[O_CALLBACK] = {"callback-after", 0, "S", "staff", "callback_after", NULL},
	[O_SL] = {"sl", 0, "P", "staff", "sl", NULL},
	[O_SL_TIME] = {"sl-time", 0, "S", "staff", "sl_time", NULL},
	[O_MAX_OCC] = {"max-occupancy", 0, "P", "staff", "max_occupancy", NULL},
	[O_PATIENCE] = {"patience", 0, "S", "staff", "patience", NULL},
	[O_SHRINKAGE] = {"shrinkage", 0, "P", "staff", "shrinkage", NULL},
	[O_SHRINK_CHANNEL] = {"shrinkage-channel", 0, "LIST", "staff", "shrinkage_channel",
			      "shrinkage of single channels in place of --shrinkage, CHANNEL=P,... "
			      "(e.g. phone=30%,chat=35%; P none: back to --shrinkage); sets "
			      "shrinkage_CHANNEL"},
	[O_SHRINK_WEEKDAY] = {"shrinkage-weekday", 0, "LIST", "staff", "shrinkage_weekday",
			      "absence on single weekdays, on top of the channel's shrinkage, "
			      "DAY=P,... (e.g. mon=12%,fri=8%; days mon..sun; none: 0); sets "
			      "shrinkage_DAY"},
	[O_CONCURRENCY] = {"concurrency", 0, "K", "staff", "concurrency", NULL},
	[O_DEADLINE] = {"deadline-days", 0, "D", "staff", "deadline_days", NULL},
	[O_AHT] = {"aht", 0, "S", NULL, NULL, "one handle time in seconds for every row, over "
		   "the forecast's aht_s and the settings (a what-if)"},
	[O_AHT_PHONE] = {"aht-phone", 0, "S", "staff", "aht_phone", NULL},
	[O_AHT_EMAIL] = {"aht-email", 0, "S", "staff", "aht_email", NULL},
	[O_AHT_CHAT] = {"aht-chat", 0, "S", "staff", "aht_chat", NULL},
	[O_AHT_SOCIAL] = {"aht-social", 0, "S", "staff", "aht_social", NULL},
	[O_AHT_CALLBACK] = {"aht-callback", 0, "S", "staff", "aht_callback", NULL},
	[O_AHT_LINES] = {"aht-lines", 0, "LIST", "staff", "aht_lines", NULL},
	[O_CHAT_AHT] = {"chat-aht", 0, "LIST", "staff", "chat_aht", NULL},
	[O_CHAT_PATIENCE] = {"chat-patience", 0, "S", "staff", "chat_patience", NULL},
	[O_MAX_AGENTS] = {"max-agents", 0, "N", "staff", "max_agents", NULL},
	[O_FTE_HOURS] = {"fte-hours", 0, "H", "staff", "fte_hours", NULL},
	[O_GRAIN] = {"grain", 0, "G", NULL, NULL, "interval (default): one row per interval and "
		     "per day of deferred work; day or week: FTE totals (see below)"},
	[O_BACKLOG] = {"backlog", 0, "FILE", NULL, NULL, "deferred contacts waiting at the start "
		       "(date,channel,line,open[,aht_s], as wfm-report writes it): e-mail, "
		       "social and callbacks start from them instead of zero (see below)"},
	[O_EVALUATE] = {"evaluate", 0, "FILE", NULL, NULL, "evaluate the staffing in FILE "
			"instead: a requirements file (agents) or a roster's coverage (planned)"},
	[O_CHANNEL] = {"channel", 0, "C", NULL, NULL, "with --evaluate: the channel the agents "
		       "of a staffing without a channel column work on (default: the line's only "
		       "live channel; a line with phone and chat splits its agents as wfm-plan "
		       "does, each next agent where it saves most contacts)"},
	[O_SIMULATE] = {"simulate", 0, NULL, NULL, NULL, "simulate the days (with the required "
			"agents, or those of --evaluate) and report 95 % confidence intervals"},
	[O_RUNS] = {"runs", 0, "N", NULL, NULL, "with --simulate: runs of every day, 2 to "
		    "100000 (default 20)"},
	[O_SEED] = {"seed", 0, "S", NULL, NULL, "with --simulate: seed of the random numbers, "
		    "0 to 4294967295 (default 1)"},
	[O_HANDLE] = {"handle", 0, "DIST", NULL, NULL, "with --simulate: handle times exponential "
		      "(default) or lognormal"},
	[O_HANDLE_CV] = {"handle-cv", 0, "X", NULL, NULL, "with --handle lognormal: standard "
			 "deviation over mean of the handle times (default 1)"},
	[O_FROM] = {"from", 0, "DATE", NULL, NULL, "only the forecast's days from DATE on"},
	[O_TO] = {"to", 0, "DATE", NULL, NULL, "only the forecast's days up to DATE (included)"},
	TOOL_OPT_SETTINGS_ROWS,
	[O_OUTPUT] = TOOL_OPT_OUTPUT,
	[O_EXCEL] = TOOL_OPT_EXCEL,
	TOOL_OPT_HELP_ROWS,
};

static const char usage_head[] =
"usage: wfm-staff [options] [FORECAST]\n"
"       wfm-staff --evaluate STAFFING [--simulate] [options] [FORECAST]\n"
"\n"
"Turns an interval forecast (period,time,channel,line,forecast[,aht_s], as\n"
"wfm-forecast --grain interval writes it; '-' or none: standard input) into\n"
"the staffing requirement: date,time,channel,line,volume,aht_s,agents,\n"
"service_level,answer_rate,asa_s,occupancy,scheduled.  agents is the net\n"
"number of agents needed on that channel and line in that interval, before\n"
"shrinkage; scheduled = ceil(agents / (1 - shrinkage)), what to roster,\n"
"rounded up exactly (21 agents at 30 % are 30, not 31).\n"
"\n"
"Shrinkage of a channel on a day = 1 - (1 - absence) x (1 - off): off is the\n"
"share of the paid time of those present not on contacts (breaks, meetings,\n"
"training), the channel's shrinkage_CHANNEL (--shrinkage-channel) or else\n"
"--shrinkage; absence is the share of the agents scheduled that are away on\n"
"that weekday (leave, sickness), shrinkage_DAY (--shrinkage-weekday), 0 by\n"
"default.  They multiply because absence removes whole agents and off is a\n"
"share of the time of the agents who came; neither is more specific than the\n"
"other, so neither replaces the other.  10 % absence on Monday and 20 % off\n"
"make 28 %: 18 agents need 25 scheduled.  With weekday absences, leave the\n"
"absence out of --shrinkage and the channel values.\n"
"\n"
"Phone, per interval: erlang-c (nobody hangs up) must reach the service level\n"
"(--sl within --sl-time); erlang-a (callers hang up after an exponential\n"
"--patience) and callback (patience cut at --callback-after, when the caller\n"
"is offered a callback) must reach --target-answer-rate, the share of calls\n"
"answered live.  Chat: agents hold up to --concurrency chats, with a handle\n"
"time per number held (chat_aht, else the usual factors 1, 1.7, 2.5, 2.9,\n"
"3.5); with a patience it must reach the answer rate, without one the service\n"
"level.  --max-occupancy caps the occupancy in every model.  service_level is\n"
"the share of offered contacts answered within --sl-time, answer_rate the\n"
"share answered at all, asa_s their mean wait.  Zero volume needs 0 agents.\n"
"\n"
"E-mail, social and callbacks (with the calls the callback model turns into\n"
"callbacks) are whole-day rows, time empty: agents is agent-hours that day,\n"
"the smoothest daily capacity that answers everything within --deadline-days\n"
"working days (and all of it by the last day of the forecast); service_level\n"
"and answer_rate are the share of that day's contacts answered in time,\n"
"scheduled is agent-hours / (1 - shrinkage).  A contact that arrives on day\n"
"d is due at the end of the --deadline-days-th working day after d (2: the\n"
"e-mail of Monday by Wednesday evening).\n"
"\n"
"--backlog FILE: the deferred contacts still waiting at the start of the\n"
"forecast's first day (the file's date: that day, or a closed day just\n"
"before it, such as the Saturday before a Monday).  The backlog does not say\n"
"when they came, so they count as the youngest they can be, arrived on the\n"
"last working day before that date: with a 2-day deadline a backlog at the\n"
"start of Monday is due by Tuesday evening (the deadline-th working day of\n"
"the period; the first with a deadline of 0 or 1).  Older contacts in it are\n"
"late already.  They are worked first, before the period's own arrivals; the\n"
"first working day's volume includes them.  Their handle time: --aht, else the\n"
"file's aht_s, else that of the series in the forecast, else aht_lines and\n"
"aht_CHANNEL (callbacks: else that of the line's calls).\n"
"\n"
"Handle times: --aht, else the forecast's aht_s, else aht_lines, else\n"
"aht_CHANNEL of [staff] (chat: else the first chat_aht).\n"
"\n"
"--grain day or week writes date (the Monday of a week),channel,line,volume,\n"
"workload_h,agent_hours,scheduled_hours,fte per series and a total row with\n"
"channel and line empty: workload_h is volume x handle time, agent_hours the\n"
"agents x interval (deferred: the agent-hours), scheduled_hours after\n"
"shrinkage, fte = scheduled_hours over fte_hours per week (a day: a fifth).\n"
"\n"
"--evaluate writes, for the agents of STAFFING (0 where it has no row),\n"
"date,time,channel,line,volume,aht_s,agents,service_level,answer_rate,asa_s,\n"
"occupancy,abandoned,callbacks,backlog,status per interval, and a whole-day\n"
"row per live series (agents in agent-hours, figures weighted by volume,\n"
"backlog the day's largest).  backlog is the mean number waiting, or when\n"
"the load reaches the agents the contacts they cannot take that interval\n"
"(asa_s is then empty: unbounded); for deferred work the contacts left at\n"
"the day's end.  status: ok (the target is met), overloaded (missed with the\n"
"load at or above the agents), unstaffed (missed with no agents), below\n"
"target (missed otherwise); late (deferred work past its deadline).\n"
"\n"
"--simulate runs a discrete-event simulation of every day (Poisson arrivals\n"
"at each interval's rate, exponential patience, the callback offer, chat\n"
"concurrency; the queue carries over from one interval to the next) and\n"
"writes the same figures as --evaluate with X_lo and X_hi, the 95 %\n"
"confidence interval over the runs, for phone and chat.  The same --seed\n"
"gives the same figures.\n"
"\n"
"Options:\n";

static const char usage_tail[] =
"\n"
"Examples:\n"
"  wfm-staff -o requirements.csv forecast-interval.csv\n"
"  wfm-staff --grain week --excel -o fte-per-week.csv forecast-interval.csv\n"
"  wfm-staff --evaluate coverage.csv --simulate --runs 50 forecast-interval.csv\n"
"\n"
"Exit codes: 0 ok, 64 bad command line (also a flag's value: a target of 0\n"
"or 1 or more, a patience or handle time of 0, a concurrency below 1),\n"
"65 bad input data: the forecast, staffing or settings file (a negative\n"
"volume, a handle time of 0, an interval missing inside the opening hours),\n"
"or a target that cannot be reached with max_agents (the message gives the\n"
"best reachable); 66 a file is missing, 73 cannot create the output, 74 read\n"
"or write error.  Nothing is written on failure.\n";

struct args {
	struct tool_cmdline c;  /* the options as given */
	const char *forecast;
};

/* Returns 0 to go on, -1 when done (--help, --version), else an exit code. */
static int parse_args(int argc, char **argv, struct args *a)
{
	int rc = tool_parse(argc, argv, opts, O_COUNT, O_HELP, O_VERSION, usage_head, usage_tail,
			    &a->c);

	if (rc)
		return rc;
	if (a->c.noperands > 1)
		return tool_usage("one forecast at a time: '%s' and '%s'", a->c.operands[0],
				  a->c.operands[1]);
	a->forecast = a->c.noperands ? a->c.operands[0] : NULL;
	if (a->c.set[O_BACKLOG] && strcmp(a->c.val[O_BACKLOG], "-") == 0 &&
	    (!a->forecast || strcmp(a->forecast, "-") == 0))
		return tool_usage("--backlog - and the forecast cannot both be standard input");
	return 0;
}

/* A whole number lo..hi from option `id`. */
static int whole_opt(const struct args *a, int id, double lo, double hi, double *out)
{
	static const wfm_numfmt point = {'.', 0};
	const char *why = wfm_parse_count(a->c.val[id], point, out);

	if (!why && (*out < lo || *out > hi))
		return tool_usage("--%s: must be %.0f to %.0f: '%s'", opts[id].name, lo, hi,
				  a->c.val[id]);
	return why ? tool_usage("--%s: %s: '%s'", opts[id].name, why, a->c.val[id]) : 0;
}

/* The options that are not settings, into the run's settings and the
 * simulation's options. */
static int apply_options(const struct args *a, wfm_sr_settings *s, wfm_sr_sim_opts *so,
			 int *grain, int *channel)
{
	static const wfm_numfmt point = {'.', 0};
	const char *v, *why;
	double x;
	int rc;

	if ((v = a->c.val[O_MODEL])) {
		if (strcmp(v, "erlang-c") == 0)
			s->phone_model = WFM_MODEL_ERLANG_C;
		else if (strcmp(v, "erlang-a") == 0)
			s->phone_model = WFM_MODEL_ERLANG_A;
		else if (strcmp(v, "callback") == 0)
			s->phone_model = WFM_MODEL_CALLBACK;
		else
			return tool_usage("--model: not erlang-c, erlang-a or callback: '%s'", v);
	}
	if ((v = a->c.val[O_AHT])) {
		if ((why = wfm_parse_duration(v, point, &x)) || !(x > 0) || x > 86400)
			return tool_usage("--aht: %s: '%s'", why ? why : "must be more than 0 and at "
					  "most 86400 seconds (a day)", v);
		s->aht = x;
	}
	if ((v = a->c.val[O_FROM]) && (why = wfm_parse_date(v, &s->from)))
		return tool_usage("--from: %s: '%s'", why, v);
	if ((v = a->c.val[O_TO]) && (why = wfm_parse_date(v, &s->to)))
		return tool_usage("--to: %s: '%s'", why, v);
	*channel = -1;
	if ((v = a->c.val[O_CHANNEL])) {
		if (!a->c.set[O_EVALUATE])
			return tool_usage("--channel goes with --evaluate");
		if ((*channel = wfm_channel_parse(v)) < 0 || wfm_channel_deferred(*channel))
			return tool_usage("--channel: not phone or chat: '%s'", v);
	}
	*grain = WFM_SR_INTERVAL;
	if ((v = a->c.val[O_GRAIN])) {
		if (strcmp(v, "day") == 0)
			*grain = WFM_SR_DAY;
		else if (strcmp(v, "week") == 0)
			*grain = WFM_SR_WEEK;
		else if (strcmp(v, "interval") != 0)
			return tool_usage("--grain: not interval, day or week: '%s'", v);
	}
	if (*grain != WFM_SR_INTERVAL && (a->c.set[O_EVALUATE] || a->c.set[O_SIMULATE]))
		return tool_usage("--grain %s goes with requirements only, not with --evaluate "
				  "or --simulate", v);
	*so = (wfm_sr_sim_opts){.runs = 20, .seed = 1, .dist = WFM_SIM_EXPONENTIAL, .cv = 1,
				.level = 0.95};
	if ((a->c.set[O_RUNS] || a->c.set[O_SEED] || a->c.set[O_HANDLE] || a->c.set[O_HANDLE_CV]) &&
	    !a->c.set[O_SIMULATE])
		return tool_usage("--runs, --seed, --handle and --handle-cv go with --simulate");
	if (a->c.set[O_RUNS]) {
		if ((rc = whole_opt(a, O_RUNS, 2, 100000, &x)))
			return rc;
		so->runs = (int)x;
	}
	if (a->c.set[O_SEED]) {
		if ((rc = whole_opt(a, O_SEED, 0, 4294967295.0, &x)))
			return rc;
		so->seed = (unsigned long)x;
	}
	if ((v = a->c.val[O_HANDLE])) {
		if (strcmp(v, "lognormal") == 0)
			so->dist = WFM_SIM_LOGNORMAL;
		else if (strcmp(v, "exponential") != 0)
			return tool_usage("--handle: not exponential or lognormal: '%s'", v);
	}
	if ((v = a->c.val[O_HANDLE_CV])) {
		if ((why = wfm_parse_number(v, point, &so->cv)) || !(so->cv > 0) || so->cv > 100)
			return tool_usage("--handle-cv: %s: '%s'", why ? why : "must be more than "
					  "0 and at most 100", v);
		if (so->dist != WFM_SIM_LOGNORMAL)
			return tool_usage("--handle-cv goes with --handle lognormal");
	}
	return 0;
}

static void notes(const wfm_sr_summary *s, int evaluated)
{
	char d[11], due[11];

	if (s->backlog_series)
		fprintf(stderr, "%s: note: backlog of %s: %.10g contacts on %ld series (%ld "
			"not in the forecast), due by the end of %s\n", tool_name(),
			wfm_date_iso(s->backlog_date, d), round(s->backlog_open * 100) / 100,
			s->backlog_series, s->backlog_new, wfm_date_iso(s->backlog_due, due));
	if (!evaluated)
		return;
	if (s->no_staffing)
		tool_warn("%ld forecast interval%s had no row in the staffing: 0 agents",
			  s->no_staffing, s->no_staffing == 1 ? "" : "s");
	if (s->unmatched)
		tool_warn("%ld staffing row%s matched no forecast row and %s ignored",
			  s->unmatched, s->unmatched == 1 ? "" : "s",
			  s->unmatched == 1 ? "was" : "were");
	if (s->overloaded || s->unstaffed || s->below)
		tool_warn("intervals that miss the target: %ld overloaded (load at or above the "
			  "agents), %ld unstaffed, %ld more below target", s->overloaded,
			  s->unstaffed, s->below);
	if (s->loaded_ok)
		tool_warn("%ld interval%s meet%s the target with the load at or above the agents "
			  "only because callers hang up or take a callback", s->loaded_ok,
			  s->loaded_ok == 1 ? "" : "s", s->loaded_ok == 1 ? "s" : "");
	if (s->late_days)
		tool_warn("%ld day%s of deferred work end with work past its deadline",
			  s->late_days, s->late_days == 1 ? "" : "s");
}

static int run(const struct args *a, wfm_err *e)
{
	wfm_config cfg;
	wfm_calendar *cal = NULL;
	wfm_sr_settings s;
	wfm_sr_sim_opts so;
	wfm_sr *r = NULL;
	wfm_out *out = NULL;
	int grain = WFM_SR_INTERVAL, channel = -1, rc;

	memset(&s, 0, sizeof s);
	rc = tool_settings(opts, &a->c, O_CONFIG, &cfg, &cal, e);
	if (rc == WFM_OK)
		rc = wfm_sr_settings_init(&s, &cfg, e);
	if (rc == WFM_OK && (rc = apply_options(a, &s, &so, &grain, &channel)) != 0) {
		e->msg[0] = '\0'; /* already said */
		goto done;
	}
	if (rc == WFM_OK && (rc = wfm_sr_settings_check(&s, e)) == WFM_OK &&
	    !(r = wfm_sr_read(a->forecast ? a->forecast : "-", &s, cal, e)))
		rc = e->code;
	if (rc == WFM_OK && a->c.set[O_BACKLOG])
		rc = wfm_sr_backlog(r, a->c.val[O_BACKLOG], e);
	if (rc == WFM_OK)
		rc = a->c.set[O_EVALUATE] ? wfm_sr_evaluate(r, a->c.val[O_EVALUATE], channel, e)
					: wfm_sr_require(r, e);
	if (rc == WFM_OK && a->c.set[O_SIMULATE])
		rc = wfm_sr_simulate(r, &so, e);
	if (rc == WFM_OK && !(out = tool_out_open(a->c.val[O_OUTPUT], e)))
		rc = e->code;
	if (rc == WFM_OK) {
		rc = tool_out_end(out, wfm_sr_write(r, wfm_out_file(out), a->c.set[O_EXCEL], grain,
						    e), a->c.val[O_OUTPUT], e);
		out = NULL;
	}
	if (rc == WFM_OK)
		notes(wfm_sr_get_summary(r), a->c.set[O_EVALUATE]);
done:
	tool_out_abort(out);
	wfm_sr_free(r);
	wfm_sr_settings_release(&s);
	wfm_calendar_free(cal);
	wfm_config_release(&cfg);
	return rc;
}

int main(int argc, char **argv)
{
	struct args a = {0};
	wfm_err e = {0};
	int rc;

	tool_init("wfm-staff");
	if ((rc = parse_args(argc, argv, &a)) == 0)
		rc = run(&a, &e);
	tool_cmdline_release(&a.c);
	return tool_end(rc, &e);
}
