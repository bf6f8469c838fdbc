/* wfm-report - the planner's weekly report: forecast accuracy, service from
 * actuals, the plan, the capacity outlook and cost, as CSV, .xlsx or .svg. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "opt.h"
#include "tool.h"
#include "common/value.h"
#include "io/outfile.h"
#include "run/reportrun.h"
#include "setup/calendar.h"
#include "setup/config.h"

enum opt_id { O_HISTORY, O_EXPECTED, O_BASELINE, O_ORIGIN, O_BACKLOG, O_WRITE_BACKLOG,
	      O_REQUIREMENTS, O_COVERAGE, O_ROSTER, O_DECISIONS, O_SUMMARY, O_FORECAST, O_AGENTS,
	      O_LEAVE, O_FROM, O_TO, O_TABLE, O_LANG, O_HOURLY_COST, O_QUIET_DAYS, O_DEADLINE,
	      O_ANSWER, O_FTE_HOURS, O_SHRINKAGE, O_AHT_PHONE, O_AHT_EMAIL, O_AHT_CHAT,
	      O_AHT_SOCIAL, O_AHT_CALLBACK, O_AHT_LINES, O_HOLIDAYS, O_CLOSED, O_OPEN_DAYS,
	      O_OPEN_HOURS, O_INTERVAL, O_CONFIG, O_OUTPUT, O_EXCEL, O_HELP, O_VERSION, O_COUNT };

static const struct tool_opt opts[O_COUNT] = {
	[O_HISTORY] = {"history", 0, "FILE", NULL, NULL, "the canonical history: the actuals "
		       "(accuracy, service)"},
	[O_EXPECTED] = {"expected", 0, "FILE", NULL, NULL, "the entities' expected volumes, each "
			"row judged against what came (accuracy)"},
	[O_BASELINE] = {"baseline", 0, "FILE", NULL, NULL, "a forecast made without the expected "
			"volumes (default: made from the history before the snapshot)"},
	[O_ORIGIN] = {"origin", 0, "DATE", NULL, NULL, "the date of the one snapshot when its "
		      "file name has none (forecast-YYYY-MM-DD.csv)"},
	[O_BACKLOG] = {"backlog", 0, "FILE", "report", "backlog", "the opening backlog of e-mail, "
		      "social and callbacks, date,channel,line,open (service; as --write-backlog "
		      "writes it); sets backlog of [report]"},
	[O_WRITE_BACKLOG] = {"write-backlog", 0, "FILE", NULL, NULL, "write the backlog at the "
			     "end of the period as date,channel,line,open (service), to start "
			     "the next period from"},
	[O_REQUIREMENTS] = {"requirements", 0, "FILE", NULL, NULL, "wfm-staff's requirements of "
			    "the planned week: the demand for the expected answer rate (plan)"},
	[O_COVERAGE] = {"coverage", 0, "FILE", NULL, NULL, "wfm-plan's coverage (plan)"},
	[O_ROSTER] = {"roster", 0, "FILE", NULL, NULL, "wfm-plan's roster: FTE and agents per day "
		      "(plan)"},
	[O_DECISIONS] = {"decisions", 0, "FILE", NULL, NULL, "wfm-plan's leave and training "
			 "decisions (plan)"},
	[O_SUMMARY] = {"summary", 0, "FILE", NULL, NULL, "wfm-plan's summary (plan)"},
	[O_FORECAST] = {"forecast", 0, "FILE", NULL, NULL, "the interval forecast of the coming "
			"weeks (capacity)"},
	[O_AGENTS] = {"agents", 0, "FILE", NULL, NULL, "the agents and their contracts "
		      "(capacity)"},
	[O_LEAVE] = {"leave", 0, "FILE", NULL, NULL, "leave; approved leave lowers the capacity "
		     "(capacity)"},
	[O_FROM] = {"from", 0, "DATE", NULL, NULL, "the first day reported (default: each section's, see above)"},
	[O_TO] = {"to", 0, "DATE", NULL, NULL, "the last day reported"},
	[O_TABLE] = {"table", 0, "NAME", NULL, NULL, "the table to write as CSV (default: the "
		     "first of the sections); or with .xlsx or .svg, only that table"},
	[O_LANG] = {"lang", 0, "en|nl", NULL, NULL, "language of the names, headers, labels and "
		    "texts: en (default) or nl"},
	[O_HOURLY_COST] = {"hourly-cost", 0, "X", "report", "hourly_cost", NULL},
	[O_QUIET_DAYS] = {"quiet-days", 0, "N", "report", "quiet_days", NULL},
	[O_DEADLINE] = {"deadline-days", 0, "D", "staff", "deadline_days", NULL},
	[O_ANSWER] = {"target-answer-rate", 0, "P", "staff", "target_answer_rate", NULL},
	[O_FTE_HOURS] = {"fte-hours", 0, "H", "staff", "fte_hours", NULL},
	[O_SHRINKAGE] = {"shrinkage", 0, "P", "staff", "shrinkage", NULL},
	[O_AHT_PHONE] = {"aht-phone", 0, "S", "staff", "aht_phone", NULL},
	[O_AHT_EMAIL] = {"aht-email", 0, "S", "staff", "aht_email", NULL},
	[O_AHT_CHAT] = {"aht-chat", 0, "S", "staff", "aht_chat", NULL},
	[O_AHT_SOCIAL] = {"aht-social", 0, "S", "staff", "aht_social", NULL},
	[O_AHT_CALLBACK] = {"aht-callback", 0, "S", "staff", "aht_callback", NULL},
	[O_AHT_LINES] = {"aht-lines", 0, "LIST", "staff", "aht_lines", NULL},
	TOOL_OPT_SETTINGS_ROWS,
	[O_OUTPUT] = {"output", 'o', "FILE", NULL, NULL, "write to FILE: FILE.xlsx a workbook "
		      "(one sheet per table, with charts), FILE.svg the charts, DIR/ one CSV per "
		      "table (DIR/NAME.csv), else one table as CSV (default: standard output); "
		      "replaced only when complete; give it up to 8 times for several outputs of "
		      "one run (-o report.xlsx -o report.svg -o report/)"},
	[O_EXCEL] = TOOL_OPT_EXCEL,
	TOOL_OPT_HELP_ROWS,
};

static const char usage_head[] =
"usage: wfm-report SECTIONS [options] [SNAPSHOT...]\n"
"\n"
"The planner's weekly report.  SECTIONS is one of accuracy, service, plan,\n"
"capacity or all, or several joined by commas (accuracy,service); all takes\n"
"every section whose inputs are given.\n"
"\n"
"accuracy (--history, SNAPSHOT...): each saved forecast against the history\n"
"  that came in later.  A snapshot's date is the last YYYY-MM-DD in its file\n"
"  name (forecast-2026-11-16.csv), else --origin, else its first day.  Per\n"
"  line, channel and grain (interval, day, week, month): WAPE = sum |A - F| /\n"
"  sum A, bias = sum (F - A) / sum A (above 0: too high), MASE = mean |A - F|\n"
"  over the in-sample error of the naive forecast (the same weekday a week\n"
"  before; the week or month before), coverage = share of actuals inside the\n"
"  prediction interval, and the Poisson floor: the WAPE a perfect forecast\n"
"  would still score if the counts were Poisson.  Tables accuracy,\n"
"  accuracy-day, -week, -month, -time (per time of day), -total (per channel\n"
"  and day, with charts) and, with --expected, estimates: per announced\n"
"  volume, what the entity announced on top of the baseline against what\n"
"  came (ratio 1: right).\n"
"service (--history): the days --from..--to (default: the Monday of the\n"
"  history's last week to its last day).  Phone and chat: answer rate per day\n"
"  and line against target_answer_rate.  E-mail, social media, callbacks:\n"
"  answered first in first out from the daily offered and handled counts,\n"
"  after the opening backlog (--backlog), each day's contacts due within\n"
"  deadline_days working days; the share answered in time, what is late and\n"
"  the backlog at the end (--write-backlog).  Tables service, service-day,\n"
"  deferred-day, backlog.\n"
"plan (--coverage, and --requirements, --roster, --decisions, --summary when\n"
"  given): required against planned per interval and day, the roster's\n"
"  expected answer rate (the coverage's answer_rate column, else the queue\n"
"  models on the requirements' volumes), under- and over-coverage hours, FTE\n"
"  per day, leave granted and refused, trainings.  Tables plan-day,\n"
"  plan-interval, plan-total (with charts), decisions, plan-summary.\n"
"capacity (--forecast, --agents, --leave): FTE required (the forecast and\n"
"  the [staff] settings, as wfm-staff) against FTE available (contracts minus\n"
"  approved leave) per day and week, the leave allowance (agents that could\n"
"  still be off), the quietest days for trainings, and the cost estimate per\n"
"  line and entity ([report] hourly_cost, price_CHANNEL, prices_lines,\n"
"  entities).  Tables capacity-day, capacity-week, quiet-days, cost.\n"
"\n"
"Cells that begin with = + - or @ are written so that a spreadsheet never\n"
"runs them as formulas.\n"
"\n"
"Options:\n";

static const char usage_tail[] =
"\n"
"Examples:\n"
"  wfm-report accuracy --history history.csv forecast-2026-11-16.csv\n"
"  wfm-report service --history history.csv --backlog backlog.csv \\\n"
"      --write-backlog backlog-next.csv -o service/\n"
"  wfm-report all --lang nl --history history.csv --coverage coverage.csv \\\n"
"      --forecast forecast.csv --agents agents.csv -o rapport.xlsx snapshots/*.csv\n"
"\n"
"Exit codes: 0 ok, 64 bad command line (an unknown section or table, a\n"
"section without its inputs), 65 bad input data (the message names file,\n"
"line, column and value), 66 a file is missing, 73 cannot create the output,\n"
"74 read or write error.  Nothing is written on failure.\n";

enum { S_ACCURACY = 1, S_SERVICE = 2, S_PLAN = 4, S_CAPACITY = 8 };

struct args {
	struct tool_cmdline c;
	unsigned sections;
	int all;
	const char *out[8]; /* the outputs (NULL: standard output) */
	int nout;
	wfm_rr_opts o;
	wfm_rr_files f;
};

static int parse_sections(const char *v, struct args *a)
{
	static const char *const names[] = {"accuracy", "service", "plan", "capacity"};
	char item[32];

	for (;;) {
		size_t len = strcspn(v, ","), i;

		snprintf(item, sizeof item, "%.*s", (int)(len < 31 ? len : 31), v);
		if (strcmp(item, "all") == 0) {
			a->all = 1;
		} else {
			for (i = 0; i < 4 && strcmp(item, names[i]) != 0; i++)
				;
			if (i == 4)
				return tool_usage("not a section (accuracy, service, plan, "
						  "capacity, all): '%s'", item);
			a->sections |= 1u << i;
		}
		if (v[len] == '\0')
			return 0;
		v += len + 1;
	}
}

static int is_stdout(const char *path)
{
	return !path || strcmp(path, "-") == 0;
}

/* The -o values: at most 8, standard output at most once, no path twice. */
static int parse_outputs(struct args *a)
{
	int i, j, stdout_n = 0;

	a->nout = tool_values(&a->c, O_OUTPUT, a->out, 8);
	if (a->nout > 8)
		return tool_usage("--output: at most 8 outputs, %d given", a->nout);
	if (a->nout == 0)
		a->out[a->nout++] = NULL;
	for (i = 0; i < a->nout; i++) {
		stdout_n += is_stdout(a->out[i]);
		for (j = 0; j < i; j++)
			if (!is_stdout(a->out[i]) && !is_stdout(a->out[j]) &&
			    strcmp(a->out[i], a->out[j]) == 0)
				return tool_usage("--output: '%s' given twice", a->out[i]);
	}
	if (stdout_n > 1)
		return tool_usage("--output: standard output ('-') given twice");
	return 0;
}

static int parse_args(int argc, char **argv, struct args *a)
{
	const char *v, *why;
	int rc = tool_parse(argc, argv, opts, O_COUNT, O_HELP, O_VERSION, usage_head, usage_tail,
			    &a->c);

	if (rc)
		return rc;
	if (a->c.noperands == 0)
		return tool_usage("which section: accuracy, service, plan, capacity or all?");
	if ((rc = parse_sections(a->c.operands[0], a)))
		return rc;
	a->o.from = 1;
	a->o.to = 0;
	if ((v = a->c.val[O_FROM]) && (why = wfm_parse_date(v, &a->o.from)))
		return tool_usage("--from: %s: '%s'", why, v);
	if ((v = a->c.val[O_TO]) && (why = wfm_parse_date(v, &a->o.to)))
		return tool_usage("--to: %s: '%s'", why, v);
	if (a->c.set[O_FROM] != a->c.set[O_TO])
		return tool_usage("--from and --to go together");
	if (a->c.set[O_FROM] && a->o.to < a->o.from)
		return tool_usage("--to is before --from");
	if ((v = a->c.val[O_ORIGIN])) {
		if ((why = wfm_parse_date(v, &a->o.origin)))
			return tool_usage("--origin: %s: '%s'", why, v);
		a->o.origin_set = 1;
	}
	if ((v = a->c.val[O_LANG])) {
		if (strcmp(v, "nl") == 0)
			a->o.lang = WFM_RR_NL;
		else if (strcmp(v, "en") != 0)
			return tool_usage("--lang: not en or nl: '%s'", v);
	}
	a->f.history = a->c.val[O_HISTORY];
	a->f.snapshots = (const char *const *)(a->c.operands + 1);
	a->f.nsnapshots = (size_t)(a->c.noperands - 1);
	a->f.expected = a->c.val[O_EXPECTED];
	a->f.baseline = a->c.val[O_BASELINE];
	a->f.requirements = a->c.val[O_REQUIREMENTS];
	a->f.coverage = a->c.val[O_COVERAGE];
	a->f.roster = a->c.val[O_ROSTER];
	a->f.decisions = a->c.val[O_DECISIONS];
	a->f.summary = a->c.val[O_SUMMARY];
	a->f.forecast = a->c.val[O_FORECAST];
	a->f.agents = a->c.val[O_AGENTS];
	a->f.leave = a->c.val[O_LEAVE];
	if (a->all) {
		if (a->f.history && a->f.nsnapshots)
			a->sections |= S_ACCURACY;
		if (a->f.history)
			a->sections |= S_SERVICE;
		if (a->f.coverage)
			a->sections |= S_PLAN;
		if (a->f.forecast && a->f.agents)
			a->sections |= S_CAPACITY;
		if (!a->sections)
			return tool_usage("all: no section has its inputs (see --help)");
	}
	if (a->f.nsnapshots && !(a->sections & S_ACCURACY))
		return tool_usage("snapshots go with the accuracy section: '%s'",
				  a->c.operands[1]);
	if (a->c.set[O_WRITE_BACKLOG] && !(a->sections & S_SERVICE))
		return tool_usage("--write-backlog goes with the service section");
	return parse_outputs(a);
}

enum { OUT_CSV, OUT_DIR, OUT_XLSX, OUT_SVG };

static int ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), m = strlen(tail);

	return n >= m && strcmp(s + n - m, tail) == 0;
}

static int out_kind(const char *path)
{
	struct stat st;

	if (!path || strcmp(path, "-") == 0)
		return OUT_CSV;
	if (ends_with(path, "/") || (stat(path, &st) == 0 && S_ISDIR(st.st_mode)))
		return OUT_DIR;
	if (ends_with(path, ".xlsx") || ends_with(path, ".XLSX"))
		return OUT_XLSX;
	if (ends_with(path, ".svg") || ends_with(path, ".SVG"))
		return OUT_SVG;
	return OUT_CSV;
}

/* Writes one output file through `fn`. */
static int write_one(const char *path, int kind, wfm_table *const *t, size_t n, int excel,
		     const wfm_tfmt *fmt, wfm_err *e)
{
	wfm_out *out = tool_out_open(path, e);
	int rc;

	if (!out)
		return e->code;
	if (kind == OUT_XLSX)
		rc = wfm_tables_write_xlsx(t, n, wfm_out_file(out), fmt, e);
	else if (kind == OUT_SVG)
		rc = wfm_tables_write_svg(t, n, wfm_out_file(out), fmt, e);
	else
		rc = wfm_table_write_csv(t[0], wfm_out_file(out), excel, e);
	return tool_out_end(out, rc, path, e);
}

/* A folder of CSV files: every table as DIR/NAME.csv. */
static int write_dir(const char *dir, wfm_table *const *t, size_t n, int excel, wfm_err *e)
{
	char path[4096];
	int rc = WFM_OK;

	if (mkdir(dir, 0777) != 0) {
		struct stat st;

		if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
			return wfm_err_set(e, WFM_ECANTCREAT, "%s: cannot create the folder", dir);
	}
	for (size_t i = 0; i < n && rc == WFM_OK; i++) {
		snprintf(path, sizeof path, "%s%s%s.csv", dir, ends_with(dir, "/") ? "" : "/",
			 t[i]->name);
		rc = write_one(path, OUT_CSV, &t[i], 1, excel, NULL, e);
	}
	return rc;
}

/* Every output in the order given (each replaced only when complete: a
 * failure leaves the ones before it written and the rest untouched). */
static int write_outputs(const struct args *a, const wfm_rr *r, wfm_err *e)
{
	const char *name = a->c.val[O_TABLE];
	wfm_table *const *t = wfm_rr_tables(r);
	wfm_table *one[1];
	size_t n = wfm_rr_ntables(r);
	wfm_tfmt fmt = wfm_rr_format(r);
	int rc = WFM_OK;

	if (name) {
		if (!(one[0] = wfm_rr_find(r, name)))
			return wfm_err_set(e, WFM_EUSAGE, "--table: no table '%s' in these "
					   "sections (see --help)", name);
		t = one;
		n = 1;
	}
	if (n == 0)
		return wfm_err_set(e, WFM_EINTERNAL, "no table made");
	if (a->c.set[O_WRITE_BACKLOG]) {
		wfm_out *out = tool_out_open(a->c.val[O_WRITE_BACKLOG], e);

		if (!out)
			return e->code;
		if ((rc = tool_out_end(out, wfm_rr_write_backlog(r, wfm_out_file(out), e),
				       a->c.val[O_WRITE_BACKLOG], e)))
			return rc;
	}
	for (int i = 0; i < a->nout && rc == WFM_OK; i++) {
		int kind = out_kind(a->out[i]);

		if (kind == OUT_DIR)
			rc = write_dir(a->out[i], t, n, a->c.set[O_EXCEL], e);
		else
			rc = write_one(a->out[i], kind, t, n, a->c.set[O_EXCEL], &fmt, e);
	}
	return rc;
}

static int run(const struct args *a, wfm_err *e)
{
	wfm_config cfg;
	wfm_calendar *cal = NULL;
	wfm_rr *r = NULL;
	wfm_rr_files f = a->f;
	int rc;

	rc = tool_settings(opts, &a->c, O_CONFIG, &cfg, &cal, e);
	if (rc == WFM_OK && !(r = wfm_rr_new(&cfg, cal, &a->o, e)))
		rc = e->code;
	f.backlog = cfg.backlog;
	if (rc == WFM_OK && (a->sections & S_ACCURACY))
		rc = wfm_rr_accuracy(r, &f, e);
	if (rc == WFM_OK && (a->sections & S_SERVICE))
		rc = wfm_rr_service(r, &f, e);
	if (rc == WFM_OK && (a->sections & S_PLAN))
		rc = wfm_rr_plan(r, &f, e);
	if (rc == WFM_OK && (a->sections & S_CAPACITY))
		rc = wfm_rr_capacity(r, &f, e);
	if (rc == WFM_OK)
		rc = write_outputs(a, r, e);
	for (size_t i = 0; rc == WFM_OK && i < wfm_rr_nnotes(r); i++) {
		int warning = 0;
		const char *text = wfm_rr_note(r, i, &warning);

		if (warning)
			tool_warn("%s", text);
		else
			fprintf(stderr, "%s: note: %s\n", tool_name(), text);
	}
	wfm_rr_free(r);
	wfm_calendar_free(cal);
	wfm_config_release(&cfg);
	return rc;
}

int main(int argc, char **argv)
{
	struct args a = {0};
	wfm_err e = {0};
	int rc;

	tool_init("wfm-report");
	if ((rc = parse_args(argc, argv, &a)) == 0)
		rc = run(&a, &e);
	tool_cmdline_release(&a.c);
	return tool_end(rc, &e);
}
