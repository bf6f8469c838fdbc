/* planrun_check.c - what the week needs against what the team can give,
 * before the plan is solved; see wfm_pr_capacity in planrun_impl.h and the
 * warnings of wfm_pr_info in planrun.h.
 *
 * Needs are the requirement rows after shrinkage: their `scheduled` cell
 * when the file has one (what wfm-staff writes), else the agents divided by
 * 1 - the [staff] shrinkage of their channel and weekday; a live row counts
 * its interval, a deferred row its agent-hours on the day it is released.
 * What an agent can give: its contract hours for the plan (approved leave
 * taken off, wfm_plan_target_minutes) spread evenly over the open days it
 * is available (not on approved leave, not unavailable).  A warning for
 * every day that needs more than the team gives, every line no agent holds,
 * every line and day whose agents are all away, and every line and day that
 * needs more than all the agents holding it could give.  A day's warning
 * gives the figures in agent-hours and shares (the contracts against the
 * need with shrinkage, the need on the floor against the contracts: the
 * plan's own breaks take less than a 30 % shrinkage, so a day short with
 * shrinkage is often met); wfm_pr_day_outcome says after the solve what
 * the plan achieved on it.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "planrun_impl.h"
#include "staffrun.h"

static void warn(wfm_pr_info *info, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void warn(wfm_pr_info *info, const char *fmt, ...)
{
	va_list ap;

	if (info->n_warnings < WFM_PR_MAX_WARNINGS) {
		va_start(ap, fmt);
		vsnprintf(info->warning[info->n_warnings], sizeof info->warning[0], fmt, ap);
		va_end(ap);
	}
	info->n_warnings++;
}

int wfm_pr_capacity(const wfm_plan_input *in, const wfm_config *cfg, const pr_need *need,
		    size_t n, wfm_pr_info *info, wfm_err *e)
{
	wfm_sr_settings ss;
	int D = in->n_days, L = in->n_lines, d, l, a, i, rc;
	double *line_h = calloc((size_t)D * (size_t)L + 1, sizeof *line_h);
	double *hold_h = calloc((size_t)D * (size_t)L + 1, sizeof *hold_h);
	int *holders = calloc((size_t)L + 1, sizeof *holders);
	int *present = calloc((size_t)D * (size_t)L + 1, sizeof *present);
	double h = in->rules.interval_min / 60.0;
	char b[11];
	size_t k;

	if (!line_h || !hold_h || !holders || !present) {
		rc = wfm_err_nomem(e);
		goto out;
	}
	if (wfm_sr_settings_init(&ss, cfg, e) != WFM_OK) {
		/* [staff] settings wfm-staff would refuse: the plain shrinkage */
		int ch, wd;

		wfm_err_clear(e);
		for (ch = 0; ch < WFM_NCHANNELS; ch++)
			for (wd = 0; wd < 7; wd++)
				ss.shrinkage[ch][wd] = cfg->shrinkage;
	}
	for (d = 0; d < WFM_PLAN_MAX_DAYS; d++) {
		info->need_live_h[d] = info->need_deferred_h[d] = info->team_h[d] = 0;
		info->need_floor_h[d] = 0;
		info->tight[d] = 0;
	}
	for (k = 0; k < n; k++) {
		const pr_need *q = &need[k];
		double x = q->sched;

		if (x < 0) {
			double sh = ss.shrinkage[q->channel][wfm_date_weekday(in->day[q->day].date)];

			x = q->agents / (1 - sh);
		}
		x *= q->live ? h : 1;
		info->need_floor_h[q->day] += q->agents * (q->live ? h : 1);
		if (q->live)
			info->need_live_h[q->day] += x;
		else
			info->need_deferred_h[q->day] += x;
		line_h[q->day * L + q->line] += x;
	}
	wfm_sr_settings_release(&ss);
	for (a = 0; a < in->n_agents; a++) {
		const wfm_plan_agent *ag = &in->agent[a];
		int avail[WFM_PLAN_MAX_DAYS] = {0}, m = 0, ld = 0, lim;
		double share;

		for (d = 0; d < D; d++) {
			int away = 0;

			if (in->day[d].opens < 0)
				continue;
			for (i = 0; i < in->n_leave; i++)
				if (!in->leave[i].requested && in->leave[i].agent == a &&
				    in->day[d].date >= in->leave[i].from && in->day[d].date <= in->leave[i].to)
					away = 1;
			ld += away;
			avail[d] = !away && !ag->unavailable[d];
			m += avail[d];
		}
		lim = ag->days_per_week ? ag->days_per_week : 7;
		if (lim > in->rules.max_days)
			lim = in->rules.max_days;
		if (m == 0)
			continue;
		share = wfm_plan_target_minutes(in, a, ld < lim ? ld : lim) / 60.0 / m;
		for (d = 0; d < D; d++) {
			if (!avail[d])
				continue;
			info->team_h[d] += share;
			for (i = 0; i < ag->n_skills; i++) {
				hold_h[d * L + ag->skills[i]] += share;
				present[d * L + ag->skills[i]]++;
			}
		}
		for (i = 0; i < ag->n_skills; i++)
			holders[ag->skills[i]]++;
	}
	/* lines no agent holds: one warning for the week */
	for (l = 0; l < L; l++) {
		double wk = 0;

		for (d = 0; d < D; d++)
			wk += line_h[d * L + l];
		if (holders[l] == 0 && wk > 0)
			warn(info, "line %s: no agent holds this skill; its %.1f agent-hours of the "
			     "week (after shrinkage) stay unstaffed", in->line[l].code, wk);
	}
	for (d = 0; d < D; d++) {
		double nd = info->need_live_h[d] + info->need_deferred_h[d];

		wfm_date_iso(in->day[d].date, b);
		if (nd > info->team_h[d] * (1 + 1e-9) + 1e-9) {
			info->tight[d] = 1;
			warn(info, "%s: tight: the team's contracts give about %.1f agent-hours, "
			     "%.0f %% of the %.1f needed with shrinkage (%.1f live, %.1f deferred); "
			     "on the floor alone %.1f, %.0f %% of the contracts; the summary says "
			     "what the plan achieves", b, info->team_h[d], 100 * info->team_h[d] / nd,
			     nd, info->need_live_h[d], info->need_deferred_h[d], info->need_floor_h[d],
			     info->team_h[d] > 0 ? 100 * info->need_floor_h[d] / info->team_h[d] : 0);
		}
		for (l = 0; l < L; l++) {
			double x = line_h[d * L + l];

			if (x <= 0 || holders[l] == 0)
				continue;
			if (present[d * L + l] == 0 && holders[l] == 1)
				warn(info, "%s line %s: the only agent holding it is not available "
				     "(leave, unavailable); %.1f agent-hours stay unstaffed", b,
				     in->line[l].code, x);
			else if (present[d * L + l] == 0)
				warn(info, "%s line %s: none of the %d agents holding it is available "
				     "(leave, unavailable); %.1f agent-hours stay unstaffed", b,
				     in->line[l].code, holders[l], x);
			else if (x > hold_h[d * L + l] * (1 + 1e-9) + 1e-9 && present[d * L + l] == 1)
				warn(info, "%s line %s needs %.1f agent-hours after shrinkage; the one "
				     "agent holding it gives about %.1f", b, in->line[l].code, x,
				     hold_h[d * L + l]);
			else if (x > hold_h[d * L + l] * (1 + 1e-9) + 1e-9)
				warn(info, "%s line %s needs %.1f agent-hours after shrinkage; the %d "
				     "agents holding it give about %.1f in all", b, in->line[l].code, x,
				     present[d * L + l], hold_h[d * L + l]);
		}
	}
	rc = WFM_OK;
out:
	free(line_h);
	free(hold_h);
	free(holders);
	free(present);
	return rc;
}
