/* wfm-plan - the weekly shift plan: who works when on which line, when the
 * trainings are held and which leave requests are granted. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "opt.h"
#include "tool.h"
#include "common/value.h"
#include "io/csv.h"
#include "run/planrun.h"
#include "setup/calendar.h"
#include "setup/config.h"

enum opt_id { O_AGENTS, O_LEAVE, O_TRAININGS, O_WEEK, O_FROM, O_TO, O_TIME_LIMIT, O_GAP,
	      O_COVERAGE, O_DECISIONS, O_SUMMARY, O_PROGRESS, O_WRITE_LP, O_REQUIREMENT, O_SHIFTS,
	      O_START_STEP, O_LUNCH, O_LUNCH_WINDOW, O_LUNCH_AFTER, O_BREAK, O_BREAK_WINDOWS,
	      O_MIN_REST, O_MAX_DAYS, O_HOURS_TOL, O_TRAINING_STEP, O_DEFERRED_DAYS,
	      O_LINE_WEIGHTS, O_OBJECTIVE, O_W_SERVICE, O_W_DEPTH, O_W_UNDER, O_W_OVER, O_W_PREF, O_W_LATE, O_W_LEAVE, O_HOLIDAYS,
	      O_CLOSED, O_OPEN_DAYS, O_OPEN_HOURS, O_INTERVAL, O_CONFIG, O_OUTPUT, O_EXCEL,
	      O_QUIET, O_HELP, O_VERSION, O_COUNT };

#define PLAN_KEY(name, arg, key) {name, 0, arg, "plan", key, NULL}

static const struct tool_opt opts[O_COUNT] = {
	[O_AGENTS] = {"agents", 0, "FILE", NULL, NULL, "the agents: agent,skills,hours_per_week "
		      "and optionally days_per_week,earliest_start,latest_end,unavailable,"
		      "preferred_start (required)"},
	[O_LEAVE] = {"leave", 0, "FILE", NULL, NULL, "leave: agent,from,to,status (approved "
		     "or requested; requests are ranked in file order)"},
	[O_TRAININGS] = {"trainings", 0, "FILE", NULL, NULL, "training sessions: training,"
			 "skill,minutes,group_min,group_max,participants,from,to"},
	[O_WEEK] = {"week", 0, "YYYY-Www", NULL, NULL, "the ISO week to plan, e.g. 2026-W48 "
		    "(default: the week of the first requirement)"},
	[O_FROM] = {"from", 0, "DATE", NULL, NULL, "plan from DATE (with --to: part of a week)"},
	[O_TO] = {"to", 0, "DATE", NULL, NULL, "plan up to DATE, included (default: the "
		  "Sunday after --from)"},
	[O_TIME_LIMIT] = {"time-limit", 0, "S", "plan", "time_limit", NULL},
	[O_GAP] = {"gap", 0, "P", "plan", "gap", NULL},
	[O_COVERAGE] = {"coverage", 0, "FILE", NULL, NULL, "write the coverage per interval "
			"and line: date,time,line,required,planned,gap"},
	[O_DECISIONS] = {"decisions", 0, "FILE", NULL, NULL, "write the leave decisions with "
			 "their reasons and the training placements"},
	[O_SUMMARY] = {"summary", 0, "FILE", NULL, NULL, "write the summary as key,value rows "
		       "(status, objective, bound, gap, ...), for scripts"},
	[O_PROGRESS] = {"progress", 0, "FILE", NULL, NULL, "write the solver's progress as CSV "
			"rows seconds,objective,bound,gap,phase (a row whenever the plan or "
			"the bound improves, at most two a second otherwise)"},
	[O_WRITE_LP] = {"write-lp", 0, "FILE", NULL, NULL, "write the model in CPLEX LP format "
			"(for glpsol, cbc ...) and plan as usual"},
	[O_REQUIREMENT] = PLAN_KEY("requirement", "COLUMN", "requirement"),
	[O_SHIFTS] = PLAN_KEY("shifts", "LIST", "shifts"),
	[O_START_STEP] = PLAN_KEY("start-step", "MIN", "start_step"),
	[O_LUNCH] = PLAN_KEY("lunch", "H:MM", "lunch"),
	[O_LUNCH_WINDOW] = PLAN_KEY("lunch-window", "H:MM-H:MM", "lunch_window"),
	[O_LUNCH_AFTER] = PLAN_KEY("lunch-after", "H:MM", "lunch_after"),
	[O_BREAK] = PLAN_KEY("break", "H:MM", "break"),
	[O_BREAK_WINDOWS] = PLAN_KEY("break-windows", "LIST", "break_windows"),
	[O_MIN_REST] = PLAN_KEY("min-rest", "H:MM", "min_rest"),
	[O_MAX_DAYS] = PLAN_KEY("max-days", "N", "max_days"),
	[O_HOURS_TOL] = PLAN_KEY("hours-tolerance", "H:MM", "hours_tolerance"),
	[O_TRAINING_STEP] = PLAN_KEY("training-step", "MIN", "training_step"),
	[O_DEFERRED_DAYS] = PLAN_KEY("deferred-days", "N", "deferred_days"),
	[O_LINE_WEIGHTS] = PLAN_KEY("line-weights", "LIST", "line_weights"),
	[O_OBJECTIVE] = PLAN_KEY("objective", "service|linear", "objective"),
	[O_W_SERVICE] = PLAN_KEY("service-weight", "X", "service_weight"),
	[O_W_DEPTH] = PLAN_KEY("depth-weight", "X", "depth_weight"),
	[O_W_UNDER] = PLAN_KEY("under-weight", "X", "under_weight"),
	[O_W_OVER] = PLAN_KEY("over-weight", "X", "over_weight"),
	[O_W_PREF] = PLAN_KEY("preference-weight", "X", "preference_weight"),
	[O_W_LATE] = PLAN_KEY("late-weight", "X", "late_weight"),
	[O_W_LEAVE] = PLAN_KEY("leave-weight", "X", "leave_weight"),
	TOOL_OPT_SETTINGS_ROWS,
	[O_OUTPUT] = {"output", 'o', "FILE", NULL, NULL, "write the roster to FILE, replaced "
		      "only when complete (default: standard output)"},
	[O_EXCEL] = {"excel", 0, NULL, NULL, NULL, "write every output as nl-BE spreadsheet "
		     "CSV: ';', decimal comma, BOM, CRLF, dd/mm/yyyy"},
	[O_QUIET] = {"quiet", 'q', NULL, NULL, NULL, "no progress and no summary on standard "
		     "error, only errors"},
	TOOL_OPT_HELP_ROWS,
};

static const char usage_head[] =
"usage: wfm-plan --agents FILE [--leave FILE] [--trainings FILE]\n"
"                [--week YYYY-Www | --from DATE [--to DATE]] [options] [REQUIREMENTS]\n"
"\n"
"Plans one week: a shift for each agent and working day with its breaks and\n"
"lunch, the line each work block covers, when the training sessions are held\n"
"and who attends, and which leave requests are granted.  REQUIREMENTS is what\n"
"wfm-staff writes (date,time,channel,line,agents; '-' or none: standard\n"
"input): agents per interval and line for phone and chat, and whole-day rows\n"
"of e-mail and callback work in agent-hours, which the plan fits into the\n"
"quiet intervals before their deadline (--deferred-days).\n"
"\n"
"The plan minimises, in agent-hours: the shortfall against the requirement\n"
"(times --line-weights), then hours above it, deferred work done late, shifts\n"
"outside an agent's preferred start and refused leave days.  It never breaks\n"
"a hard rule: opening hours, shift lengths and break windows, contract hours\n"
"(within --hours-tolerance), --max-days, --min-rest, skills, unavailable days,\n"
"approved leave, training group sizes and windows.  Requested leave is granted\n"
"where coverage allows, earlier requests first; each refusal names the\n"
"interval and line that would fall short.  Trainings go where losing their\n"
"attendees from the floor costs least.  When no plan can keep the hard rules,\n"
"the run stops with exit 65 and names the agent, day and rule in conflict.\n"
"\n"
"The solver (GLPK with its own heuristics) stops at --gap or --time-limit and\n"
"returns the best plan found with a proven bound; on a terminal it shows its\n"
"progress, and Ctrl-C stops it and writes the best plan so far (a second\n"
"Ctrl-C aborts without output).  The summary goes to standard error.\n"
"\n"
"Options:\n";

static const char usage_tail[] =
"\n"
"Outputs: roster agent,date,start,end,activity,line (activity work, break,\n"
"lunch, training or leave); coverage date,time,line,required,planned,gap (gap\n"
"= planned - required, negative when short; lines with deferred work also get\n"
"a whole-day row: hours released, hours done); decisions kind,name,agent,from,\n"
"to,start,end,decision,reason; summary key,value.  Every output is written to\n"
"a temporary file and renamed into place only when the plan is complete.\n"
"\n"
"Example:\n"
"  wfm-plan --agents agents.csv --leave leave.csv --trainings trainings.csv \\\n"
"      --week 2026-W48 --time-limit 120 --coverage coverage.csv \\\n"
"      --decisions decisions.csv --excel -o roster.csv requirements.csv\n"
"\n"
"Exit codes: 0 ok (also when the time limit or Ctrl-C ended the search with a\n"
"plan), 64 bad command line, 65 bad input or no plan can keep the hard rules,\n"
"66 a file is missing, 70 internal error, 73 cannot create an output, 74 write\n"
"error, 75 the time limit ended the search before any plan was found.\n";

static volatile sig_atomic_t stop_flag;

/* The days to plan; from < 0 when the requirements decide. */
static int choose_days(const struct tool_cmdline *c, wfm_date *from, wfm_date *to)
{
	const char *why;

	*from = *to = -1;
	if (c->set[O_WEEK] && (c->set[O_FROM] || c->set[O_TO]))
		return tool_usage("give --week or --from/--to, not both");
	if (c->set[O_TO] && !c->set[O_FROM])
		return tool_usage("--to needs --from");
	if (c->set[O_WEEK]) {
		if ((why = wfm_parse_iso_week(c->val[O_WEEK], from)))
			return tool_usage("--week: %s: '%s'", why, c->val[O_WEEK]);
		*to = *from + 6;
		return 0;
	}
	if (c->set[O_FROM]) {
		if ((why = wfm_parse_date(c->val[O_FROM], from)))
			return tool_usage("--from: %s: '%s'", why, c->val[O_FROM]);
		*to = *from + 6 - wfm_date_weekday(*from);
		if (c->set[O_TO] && (why = wfm_parse_date(c->val[O_TO], to)))
			return tool_usage("--to: %s: '%s'", why, c->val[O_TO]);
	}
	return 0;
}

/* Where the solver's progress goes: the terminal, a CSV file, or both. */
struct progress {
	int tty;      /* standard error is a terminal: one updated line */
	wfm_csvw csv; /* --progress FILE, when csv.f is not NULL */
};

static int show_progress(const wfm_plan_progress *p, void *ctx)
{
	struct progress *pg = ctx;

	if (pg->csv.f) {
		wfm_csvw_num(&pg->csv, p->seconds, 3);
		if (p->objective >= 0)
			wfm_csvw_num(&pg->csv, p->objective, 6);
		else
			wfm_csvw_empty(&pg->csv);
		if (p->bound >= 0)
			wfm_csvw_num(&pg->csv, p->bound, 6);
		else
			wfm_csvw_empty(&pg->csv);
		if (p->gap >= 0)
			wfm_csvw_num(&pg->csv, p->gap, 6);
		else
			wfm_csvw_empty(&pg->csv);
		wfm_csvw_str(&pg->csv, p->phase);
		wfm_csvw_end(&pg->csv);
	}
	if (!pg->tty)
		return 0;
	fprintf(stderr, "\r%s: %6.1f s  %-14s", tool_name(), p->seconds, p->phase);
	if (p->objective >= 0)
		fprintf(stderr, "  plan %10.2f", p->objective);
	if (p->bound >= 0)
		fprintf(stderr, "  bound %10.2f", p->bound);
	if (p->gap >= 0)
		fprintf(stderr, "  gap %6.2f %%", 100 * p->gap);
	fputs("   ", stderr);
	fflush(stderr);
	return 0;
}

static void tell(const wfm_plan_input *in, const wfm_plan_result *r, const wfm_pr_info *info)
{
	static const char *const status[] = {"proven within the gap", "time limit reached",
					     "stopped"};
	char b1[11], b2[11];
	double v, a, w;
	int d, first;

	fprintf(stderr, "%s: %s to %s: %d agents, %d lines, %d open days; %s\n", tool_name(),
		wfm_date_iso(info->from, b1), wfm_date_iso(info->to, b2), in->n_agents,
		in->n_lines, info->open_days, status[r->status]);
	fprintf(stderr, "%s: objective %.2f, bound %.2f, gap %.2f %%, %.1f s\n", tool_name(),
		r->objective, r->bound, 100 * r->gap, r->seconds);
	fprintf(stderr, "%s: short %.2f agent-hours (", tool_name(), r->under_hours);
	for (d = 0; d < in->n_days; d++)
		if (in->day[d].opens >= 0)
			fprintf(stderr, "%s%.3s %.2f", d ? ", " : "",
				wfm_weekday_name(wfm_date_weekday(in->day[d].date)),
				wfm_pr_day_under(in, r, d));
	fprintf(stderr, "), over %.2f, deferred late %.2f; leave %d granted, %d refused\n",
		r->over_hours, r->deferred_late_hours, r->leave_granted, r->leave_refused);
	if (wfm_pr_expected(in, r, -1, -1, &v, &a, &w) == WFM_OK && v > 0) {
		fprintf(stderr, "%s: expected answer rate %.1f %% (", tool_name(), 100 * a / v);
		for (d = 0, first = 1; d < in->n_days; d++)
			if (in->day[d].opens >= 0 &&
			    wfm_pr_expected(in, r, d, -1, &v, &a, &w) == WFM_OK && v > 0) {
				fprintf(stderr, "%s%.3s %.1f", first ? "" : ", ",
					wfm_weekday_name(wfm_date_weekday(in->day[d].date)),
					100 * a / v);
				first = 0;
			}
		fprintf(stderr, ")\n");
	}
	/* the days warned tight before the solve: what the plan made of them */
	for (d = 0; d < in->n_days; d++) {
		char text[160];
		double nd = info->need_live_h[d] + info->need_deferred_h[d];

		if (wfm_pr_day_outcome(in, r, info, d, text, sizeof text) == 1 && nd > 0)
			fprintf(stderr, "%s: %s (contracts %.0f %% of the need with shrinkage): %s\n",
				tool_name(), wfm_date_iso(in->day[d].date, b1),
				100 * info->team_h[d] / nd, text);
	}
}

enum { OUT_ROSTER, OUT_COVERAGE, OUT_DECISIONS, OUT_SUMMARY, NOUT };

/* The option that names each output. */
static const int opt_of[NOUT] = {O_OUTPUT, O_COVERAGE, O_DECISIONS, O_SUMMARY};

static int write_outputs(const struct tool_cmdline *c, wfm_out **out,
			 const wfm_plan_input *in, const wfm_plan_result *r,
			 const wfm_pr_info *info, wfm_err *e)
{
	int (*const writer[NOUT])(FILE *, const wfm_plan_input *, const wfm_plan_result *,
				  int) = {wfm_pr_write_roster, wfm_pr_write_coverage,
					  wfm_pr_write_decisions, wfm_pr_write_summary};
	int i, rc, x = c->set[O_EXCEL];

	for (i = 0; i < NOUT; i++) {
		if (!out[i])
			continue;
		rc = i == OUT_SUMMARY ?
		     wfm_pr_write_summary_info(wfm_out_file(out[i]), in, r, info, x) :
		     writer[i](wfm_out_file(out[i]), in, r, x);
		if (rc == WFM_EINTERNAL)
			return wfm_err_nomem(e);
		if (rc)
			return wfm_err_set(e, WFM_EIO, "%s: write error", c->val[opt_of[i]] ?
					   c->val[opt_of[i]] : "standard output");
	}
	for (i = 0; i < NOUT; i++) {
		if (out[i] && tool_out_commit(out[i], e) != WFM_OK) {
			out[i] = NULL;
			return e->code;
		}
		out[i] = NULL;
	}
	return WFM_OK;
}

/* --write-lp: the model to `path`, whole or not at all. */
static int write_lp(const char *path, const wfm_plan_input *in, wfm_err *e)
{
	wfm_out *o = tool_out_open(path, e);
	int rc;

	if (!o)
		return e->code;
	if ((rc = wfm_pr_write_lp(wfm_out_file(o), in, e)) == WFM_EIO)
		wfm_err_set(e, WFM_EIO, "%s: cannot write the model",
			    strcmp(path, "-") ? path : "standard output");
	if (rc) {
		tool_out_abort(o);
		return rc;
	}
	return tool_out_commit(o, e);
}

static int run(const struct tool_cmdline *c, wfm_err *e)
{
	wfm_pr_files f = {c->noperands ? c->operands[0] : "-", c->val[O_AGENTS], c->val[O_LEAVE],
			  c->val[O_TRAININGS]};
	wfm_config cfg;
	wfm_calendar *cal = NULL;
	wfm_plan_input *in = NULL;
	wfm_plan_result *r = NULL;
	wfm_plan_options po;
	wfm_pr_info info;
	wfm_out *out[NOUT] = {0}, *prog_out = NULL;
	struct progress pg;
	wfm_date from, to;
	int rc, i, quiet = c->set[O_QUIET];

	memset(&pg, 0, sizeof pg);
	if (!c->set[O_AGENTS])
		return tool_usage("--agents FILE is required");
	if (c->noperands > 1)
		return tool_usage("one requirements file, not %d", c->noperands);
	if ((rc = choose_days(c, &from, &to)))
		return rc;
	wfm_config_defaults(&cfg);
	if ((rc = tool_settings(opts, c, O_CONFIG, &cfg, &cal, e)) ||
	    !(in = wfm_pr_read(&f, &cfg, cal, from, to, &info, e)))
		goto done;
	if (!quiet)
		for (i = 0; i < info.n_warnings && i < WFM_PR_MAX_WARNINGS; i++)
			tool_warn("%s", info.warning[i]);
	if (!quiet && info.n_warnings > WFM_PR_MAX_WARNINGS)
		tool_warn("%d warnings more", info.n_warnings - WFM_PR_MAX_WARNINGS);
	if (!quiet && info.trainings_skipped) {
		char b1[11], b2[11];

		tool_warn("%s:%ld: training outside %s..%s, not planned (%d such training%s)",
			  f.trainings, info.trainings_skipped_line, wfm_date_iso(info.from, b1),
			  wfm_date_iso(info.to, b2), info.trainings_skipped,
			  info.trainings_skipped == 1 ? "" : "s");
	}
	if (c->set[O_WRITE_LP] && (rc = write_lp(c->val[O_WRITE_LP], in, e)))
		goto done;
	for (i = 0; i < NOUT; i++)
		if ((i == OUT_ROSTER || c->set[opt_of[i]]) &&
		    !(out[i] = tool_out_open(c->val[opt_of[i]], e)))
			goto done;
	if (c->set[O_PROGRESS]) {
		static const char *const head[] = {"seconds", "objective", "bound", "gap", "phase",
						   NULL};

		if (!(prog_out = tool_out_open(c->val[O_PROGRESS], e)))
			goto done;
		wfm_csvw_init(&pg.csv, wfm_out_file(prog_out), c->set[O_EXCEL]);
		wfm_csvw_header(&pg.csv, head);
	}
	wfm_plan_options_default(&po);
	po.time_limit = cfg.time_limit;
	po.gap = cfg.gap;
	po.stop = &stop_flag;
	pg.tty = !quiet && isatty(2);
	if (pg.tty || prog_out) {
		po.progress = show_progress;
		po.ctx = &pg;
	}
	rc = wfm_plan_solve(in, &po, &r, e);
	if (pg.tty)
		fputc('\n', stderr);
	if (rc == WFM_OK && !quiet)
		tell(in, r, &info);
	if (rc == WFM_OK)
		rc = write_outputs(c, out, in, r, &info, e);
	if (rc == WFM_OK && prog_out) {
		if (wfm_csvw_error(&pg.csv) || ferror(pg.csv.f)) {
			rc = wfm_err_set(e, WFM_EIO, "%s: write error", c->val[O_PROGRESS]);
		} else {
			rc = tool_out_commit(prog_out, e);
			prog_out = NULL;
		}
	}
done:
	if (!rc && e->code)
		rc = e->code;
	for (i = 0; i < NOUT; i++)
		tool_out_abort(out[i]);
	tool_out_abort(prog_out);
	wfm_plan_result_free(r);
	wfm_plan_input_free(in);
	wfm_calendar_free(cal);
	wfm_config_release(&cfg);
	return rc;
}

int main(int argc, char **argv)
{
	struct tool_cmdline c = {0};
	wfm_err e = {0};
	int rc;

	tool_init("wfm-plan");
	rc = tool_parse(argc, argv, opts, O_COUNT, O_HELP, O_VERSION, usage_head, usage_tail, &c);
	if (rc == 0) {
		tool_soft_interrupt(&stop_flag);
		rc = run(&c, &e);
	}
	tool_cmdline_release(&c);
	return tool_end(rc, &e);
}
