/* planrun.h - the work of wfm-plan around the plan library: the shift rules
 * from the settings, the plan's CSV inputs read into a wfm_plan_input, and
 * the outputs written in the contracts of DESIGN.md.
 *
 * Inputs (columns in any order, case and accents ignored, Dutch aliases in
 * brackets; other columns are ignored):
 *   requirements  date,time,channel,line,agents[,scheduled] as wfm-staff
 *                 writes them.  A row with a time is a live requirement in
 *                 agents for that interval; a row without one (e-mail,
 *                 callbacks) is deferred work in agent-hours released that
 *                 day and due deferred_days working days later.  Channels
 *                 of one line add up.  Rows outside the plan's days are
 *                 skipped (counted in wfm_pr_info); a date, time, channel
 *                 and line given twice is an error naming both lines.
 *   agents        agent (medewerker), skills (vaardigheden), hours_per_week
 *                 (uren_per_week); optional days_per_week, earliest_start,
 *                 latest_end (HH:MM), unavailable (dates, '|'-separated),
 *                 preferred_start (HH:MM or HH:MM-HH:MM: the window the
 *                 shift start should fall in).  Empty optional cells: no
 *                 restriction.
 *   leave         agent,from,to,status: approved (goedgekeurd) or requested
 *                 (aangevraagd).  Requests are ranked in file order: of two
 *                 competing for the same cover, the earlier row wins.
 *   trainings     training,skill,minutes,group_min,group_max,participants,
 *                 from,to.  minutes as a number or H:MM; participants a
 *                 count or a '|'-list of agents.  A training whose window
 *                 misses the plan's days is skipped (counted).
 * The lines of the plan are those of the requirements rows inside the plan
 * and the skills of its trainings.  Every error names the file, line,
 * column and value ("agents.csv:7: column 'hours_per_week': not a number:
 * 'x'") with WFM_EDATA; a missing file is WFM_ENOINPUT.
 *
 * Ownership: everything returned is owned by the caller.  Nothing here
 * prints.
 */
#ifndef WFM_PLANRUN_H
#define WFM_PLANRUN_H

#include <stdio.h>

#include "plan/plan.h"
#include "setup/calendar.h"
#include "setup/config.h"

/* The shift rules and weights of the [plan] settings of `cfg` (shifts,
 * start_step, lunch, lunch_window, lunch_after, break, break_windows,
 * min_rest, max_days, hours_tolerance, training_step, the weights) with
 * the interval of [calendar].  A shift of length L gets, in time order: a
 * short break in each break window whose latest start plus the break ends
 * by L, and, when L > lunch_after, the lunch in its window, its latest
 * start cut so the lunch ends 1:30 before L.  Fails with WFM_EDATA
 * ("FILE:LINE: [plan] shifts: ...") when the setting came from the file,
 * WFM_EUSAGE ("--shifts: ...") for a flag, naming the bad value: a length
 * that is no multiple of the interval or not between 1:00 and 16:00,
 * windows that overlap a lunch, more than WFM_PLAN_MAX_TYPES lengths. */
int wfm_pr_rules(const wfm_config *cfg, wfm_plan_rules *r, wfm_err *e);

/* The input files; leave and trainings may be NULL (none). */
typedef struct wfm_pr_files {
	const char *requirements; /* a path or "-" for standard input */
	const char *agents;
	const char *leave;
	const char *trainings;
} wfm_pr_files;

#define WFM_PR_MAX_WARNINGS 24

/* What a read found, for the program's messages. */
typedef struct wfm_pr_info {
	wfm_date from, to;      /* the plan's days */
	long rows, skipped;     /* requirement rows read, rows outside the plan */
	int trainings_skipped;  /* trainings whose window misses the plan */
	long trainings_skipped_line; /* the line of the first of them */
	int leave_skipped;      /* leave rows outside the plan */
	int open_days;
	/* Per plan day (0 = Monday): the agent-hours the requirement needs after
	 * shrinkage, live and deferred (the `scheduled` cells, else agents /
	 * (1 - the [staff] shrinkage of the channel and weekday); deferred work
	 * on the day it is released), and the paid hours the team can give
	 * (each agent's contract hours for the plan, approved leave taken off,
	 * spread evenly over the open days it is available). */
	double need_live_h[WFM_PLAN_MAX_DAYS], need_deferred_h[WFM_PLAN_MAX_DAYS];
	double team_h[WFM_PLAN_MAX_DAYS];
	/* The same need on the floor, without shrinkage: the agents the rows
	 * ask for times the interval, plus the deferred agent-hours. */
	double need_floor_h[WFM_PLAN_MAX_DAYS];
	/* 1 for a day that needs more than the team gives (its warning was
	 * given; wfm_pr_day_outcome then says what the plan achieved). */
	unsigned char tight[WFM_PLAN_MAX_DAYS];
	/* Warnings, in this order: lines no agent holds ("line X: no agent holds
	 * this skill; ..."), then per day: the day needs more than the team
	 * gives, a line none of whose agents is available, a line that needs
	 * more than its agents can give.  n_warnings counts them all; the first
	 * WFM_PR_MAX_WARNINGS are in warning[]. */
	int n_warnings;
	char warning[WFM_PR_MAX_WARNINGS][320];
} wfm_pr_info;

/* For a day the capacity check found tight (info->tight[d]): what the plan
 * r achieved that day, as a sentence into buf (size n): "tight but met:
 * expected answer rate 99.4 % (target 95.0 %)" or "below target: expected
 * answer rate 91.2 % (target 95.0 %)" when the input has its service, else
 * "tight but met: no interval short" or "short: 6.25 agent-hours below the
 * requirement".  Returns 1 when written, 0 for a day that was not tight (buf
 * then ""), -1 when out of memory. */
int wfm_pr_day_outcome(const wfm_plan_input *in, const wfm_plan_result *r,
		       const wfm_pr_info *info, int d, char *buf, size_t n);

/* Reads the inputs into a new plan input for the days from..to (inclusive,
 * within one Monday-Sunday week).  from < 0: the Monday-Sunday week of the
 * earliest requirement date (then `to` is ignored).  The input always holds
 * the seven days Monday to Sunday, those outside from..to closed: contract
 * hours then scale to the weekdays planned (a plan of Wednesday to Friday
 * asks three fifths of a week's hours).  Deferred work released on a closed
 * day is released on the next working day; work released after `to` is
 * left out.  Opening hours come
 * from `cal`; the rules from wfm_pr_rules(cfg); the requirement column from
 * cfg->requirement, line weights from cfg->line_weights, the deadline of
 * deferred work from cfg->deferred_days and `cal`.  `info` (may be NULL)
 * receives what was read.  Returns NULL on failure with `e` set (see the
 * top of this file; WFM_EUSAGE for a range of days that is no part of one
 * week or has no open day). */
wfm_plan_input *wfm_pr_read(const wfm_pr_files *f, const wfm_config *cfg,
			    const wfm_calendar *cal, wfm_date from, wfm_date to,
			    wfm_pr_info *info, wfm_err *e);

/* The outputs.  Each writes a header and its rows to `out` in the canonical
 * profile, or the nl-BE spreadsheet profile when `excel` is nonzero, and
 * returns WFM_OK, WFM_EIO when a write failed, or WFM_EINTERNAL when out of
 * memory (the expected service needs a work array).  `in` is the input `r`
 * was solved from.
 *
 * Roster: agent,date,start,end,activity,line - per agent (input order) and
 * day, the blocks of the shift (work with its line, break, lunch, training)
 * and leave days (a leave block over the opening hours), by start. */
int wfm_pr_write_roster(FILE *out, const wfm_plan_input *in, const wfm_plan_result *r,
			int excel);

/* Coverage: date,time,line,required,planned,gap,answer_rate,service_level -
 * per open day, interval and line, and for every interval outside the
 * opening hours (a closed day's too) that has a requirement, which no plan
 * can cover: the requirement, the agents planned on the line, gap = planned
 * - required (negative: short), and what the staffing models expect of the
 * planned agents (the input's service, see wfm_pr_read): the share of the
 * contacts offered on the line's live channels answered live, and answered
 * within sl_time; both empty when the interval has no contacts or the input
 * no service.  Lines with deferred work also get a row per day without a
 * time: the hours released that day (required), the hours done (planned)
 * and their difference (answer_rate and service_level empty). */
int wfm_pr_write_coverage(FILE *out, const wfm_plan_input *in, const wfm_plan_result *r,
			  int excel);

/* Decisions: kind,name,agent,from,to,start,end,decision,reason - one row per
 * leave period inside the plan (decision approved, granted or refused; the
 * reason of a refusal, and with the service objective of a grant too: "DATE:
 * expected answer rate on the agent's lines X % with this leave, Y %
 * without (target Z %); worst interval HH:MM line L: ..." for a refusal)
 * and one per training attendee (kind training, name, the session's date
 * and times, decision attends, reason: the group size and why that slot:
 * "group of N; off the floor here costs C expected contacts not answered,
 * the cheapest of the S slots allowed (least ..., most ...)"; with the
 * linear objective the cost is in the plan's own units). */
int wfm_pr_write_decisions(FILE *out, const wfm_plan_input *in, const wfm_plan_result *r,
			   int excel);

/* Summary: key,value rows: status (optimal, time_limit, stopped),
 * objective, bound, gap, seconds, under_coverage_hours,
 * over_coverage_hours, deferred_late_hours, leave_granted, leave_refused,
 * agents, shifts, then under_coverage_hours_YYYY-MM-DD for each open day
 * and each closed day with a requirement (they add up to the total).  When
 * the input has its service (wfm_pr_read): answer_rate and service_level
 * (the expected shares of the week's contacts answered live and within
 * sl_time, as in the coverage), answer_rate_YYYY-MM-DD for each day with
 * contacts and answer_rate_line_CODE for each line with contacts.  Then,
 * for each line with deferred work and each open day,
 * deferred_late_hours_line_CODE_YYYY-MM-DD (hours past their deadline at
 * the end of that day; they add up to deferred_late_hours).  With `info`
 * (wfm_pr_write_summary_info): required_hours_YYYY-MM-DD,
 * team_hours_YYYY-MM-DD and team_share_YYYY-MM-DD (team over required
 * hours) for each open day (wfm_pr_info), warnings (their number) and
 * warning_1, warning_2 ... (their text, at most WFM_PR_MAX_WARNINGS), then
 * outcome_YYYY-MM-DD for each day found tight (wfm_pr_day_outcome). */
int wfm_pr_write_summary(FILE *out, const wfm_plan_input *in, const wfm_plan_result *r,
			 int excel);

/* The summary with the read's figures (`info` may be NULL: as above). */
int wfm_pr_write_summary_info(FILE *out, const wfm_plan_input *in, const wfm_plan_result *r,
			      const wfm_pr_info *info, int excel);

/* The model wfm_plan_solve builds for `in`, in CPLEX LP format, to `out`
 * (a stream the caller opened, e.g. through outfile.h): GLPK writes it to a
 * temporary file in $TMPDIR (else /tmp), which is copied to `out` and
 * removed.  WFM_OK; WFM_EDATA for input no plan can satisfy (as
 * wfm_plan_solve); WFM_ECANTCREAT when no temporary file can be made;
 * WFM_EIO when writing failed. */
int wfm_pr_write_lp(FILE *out, const wfm_plan_input *in, wfm_err *e);

/* The expected service of the plan: contacts offered, answered live and
 * answered within the service-level threshold (sl_time), summed over the
 * intervals of plan day `day` (or every day when -1) on line `line` (or
 * every line when -1), each interval with the agents planned on the line and
 * the figures the staffing models give them (the input's service, see
 * wfm_pr_read).  All 0 when the input has none.  WFM_OK or WFM_EINTERNAL. */
int wfm_pr_expected(const wfm_plan_input *in, const wfm_plan_result *r, int day, int line,
		    double *offered, double *answered, double *within);

/* The service of each cell: [(day * n_intervals + t) * n_lines + line] the
 * index into in->service, or -1; NULL when the input has no service (or out
 * of memory when it has).  The caller frees it. */
int *wfm_pr_service_index(const wfm_plan_input *in);

/* Agent-hours short on plan day `d`, summed over intervals and lines. */
double wfm_pr_day_under(const wfm_plan_input *in, const wfm_plan_result *r, int d);

/* "optimal", "time_limit" or "stopped". */
const char *wfm_pr_status_name(int status);

#endif
