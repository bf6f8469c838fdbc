/* planrun_write.c - the outputs of wfm-plan; see planrun.h. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "planrun.h"
#include "io/csv.h"

static const char *const activity[] = {"work", "break", "lunch", "training", "leave"};

static int done(const wfm_csvw *w)
{
	return wfm_csvw_error(w) || ferror(w->f) ? WFM_EIO : WFM_OK;
}

int wfm_pr_write_roster(FILE *out, const wfm_plan_input *in, const wfm_plan_result *r,
			int excel)
{
	static const char *const head[] = {"agent", "date", "start", "end", "activity", "line",
					   NULL};
	wfm_csvw w;
	int i;

	wfm_csvw_init(&w, out, excel);
	wfm_csvw_header(&w, head);
	for (i = 0; i < r->n_blocks; i++) {
		const wfm_plan_block *b = &r->block[i];

		wfm_csvw_str(&w, in->agent[b->agent].name);
		wfm_csvw_date(&w, in->day[b->day].date);
		wfm_csvw_time(&w, b->start);
		wfm_csvw_time(&w, b->end);
		wfm_csvw_str(&w, activity[b->activity]);
		wfm_csvw_str(&w, b->line >= 0 ? in->line[b->line].code : NULL);
		wfm_csvw_end(&w);
	}
	return done(&w);
}

static size_t cell(const wfm_plan_input *in, int d, int t, int l)
{
	return ((size_t)d * (size_t)in->n_intervals + (size_t)t) * (size_t)in->n_lines +
	       (size_t)l;
}

/* The expected service of cell i with `planned` agents: contacts offered,
 * answered live and answered within the service-level threshold; 0 when
 * the cell has no service (no live volume, or none was computed). */
static void expected(const wfm_plan_input *in, const int *svc, size_t i, double planned,
		     double *vol, double *ans, double *within)
{
	const wfm_plan_service *sv;
	int n;

	*vol = *ans = *within = 0;
	if (!svc || svc[i] < 0)
		return;
	sv = &in->service[svc[i]];
	n = (int)planned < sv->n ? (int)planned : sv->n - 1;
	*vol = sv->volume;
	*ans = in->svc[sv->first + n].answered;
	*within = in->svc[sv->first + n].within;
}

int *wfm_pr_service_index(const wfm_plan_input *in)
{
	size_t cells = (size_t)in->n_days * (size_t)in->n_intervals * (size_t)in->n_lines, i;
	int *x, k;

	if (in->n_service == 0 || !(x = malloc((cells + 1) * sizeof *x)))
		return NULL;
	for (i = 0; i < cells; i++)
		x[i] = -1;
	for (k = 0; k < in->n_service; k++)
		x[cell(in, in->service[k].day, in->service[k].t, in->service[k].line)] = k;
	return x;
}

static void coverage_row(wfm_csvw *w, const wfm_plan_input *in, int d, int minute,
			 const char *line, double req, double planned, double vol, double ans,
			 double within)
{
	wfm_csvw_date(w, in->day[d].date);
	wfm_csvw_time(w, minute);
	wfm_csvw_str(w, line);
	wfm_csvw_num(w, req, 4);
	wfm_csvw_num(w, planned, 4);
	wfm_csvw_num(w, planned - req, 4);
	if (vol > 0) {
		wfm_csvw_num(w, ans / vol, 4);
		wfm_csvw_num(w, within / vol, 4);
	} else {
		wfm_csvw_empty(w);
		wfm_csvw_empty(w);
	}
	wfm_csvw_end(w);
}

int wfm_pr_write_coverage(FILE *out, const wfm_plan_input *in, const wfm_plan_result *r,
			  int excel)
{
	static const char *const head[] = {"date", "time", "line", "required", "planned", "gap",
					   "answer_rate", "service_level", NULL};
	int iv = in->rules.interval_min, d, t, l, k, *svc = wfm_pr_service_index(in), rc;
	wfm_csvw w;

	if (in->n_service && !svc)
		return WFM_EINTERNAL;
	wfm_csvw_init(&w, out, excel);
	wfm_csvw_header(&w, head);
	for (d = 0; d < in->n_days; d++) {
		for (l = 0; l < in->n_lines; l++) {
			double rel = 0;
			int has = 0;

			for (k = 0; k < in->n_deferred; k++)
				if (in->deferred[k].line == l) {
					has = 1;
					if (in->deferred[k].day == d)
						rel += in->deferred[k].hours;
				}
			if (has && (in->day[d].opens >= 0 || rel > 0))
				coverage_row(&w, in, d, -1, in->line[l].code, rel,
					     r->deferred_done[(size_t)d * (size_t)in->n_lines +
							      (size_t)l], 0, 0, 0);
		}
		for (t = 0; t < in->n_intervals; t++) {
			int minute = in->grid_start + t * iv;
			int open = minute >= in->day[d].opens && minute < in->day[d].closes;

			for (l = 0; l < in->n_lines; l++) {
				size_t i = cell(in, d, t, l);
				double req = in->req[i], vol, ans, within;

				expected(in, svc, i, r->planned[i], &vol, &ans, &within);
				if (open || req > 0)
					coverage_row(&w, in, d, minute, in->line[l].code, req,
						     r->planned[i], vol, ans, within);
			}
		}
	}
	rc = done(&w);
	free(svc);
	return rc;
}

static void decision_row(wfm_csvw *w, const char *kind, const char *name, const char *agent,
			 wfm_date from, wfm_date to, int start, int end, const char *decision,
			 const char *reason)
{
	wfm_csvw_str(w, kind);
	wfm_csvw_str(w, name);
	wfm_csvw_str(w, agent);
	wfm_csvw_date(w, from);
	wfm_csvw_date(w, to);
	wfm_csvw_time(w, start);
	wfm_csvw_time(w, end);
	wfm_csvw_str(w, decision);
	wfm_csvw_str(w, reason);
	wfm_csvw_end(w);
}

int wfm_pr_write_decisions(FILE *out, const wfm_plan_input *in, const wfm_plan_result *r,
			   int excel)
{
	static const char *const head[] = {"kind", "name", "agent", "from", "to", "start",
					   "end", "decision", "reason", NULL};
	wfm_csvw w;
	int i, j;

	wfm_csvw_init(&w, out, excel);
	wfm_csvw_header(&w, head);
	for (i = 0; i < in->n_leave; i++) {
		const wfm_plan_leave *lv = &in->leave[i];
		const wfm_plan_decision *dc = NULL;

		for (j = 0; j < r->n_decisions && !dc; j++)
			if (r->decision[j].leave == i)
				dc = &r->decision[j];
		decision_row(&w, "leave", NULL, in->agent[lv->agent].name, lv->from, lv->to, -1, -1,
			     !lv->requested ? "approved" : dc && dc->granted ? "granted" : "refused",
			     dc ? dc->reason : NULL);
	}
	for (i = 0; i < r->n_sessions; i++) {
		const wfm_plan_session *s = &r->session[i];
		const wfm_plan_training *tr = &in->training[s->training];
		char why[64];

		snprintf(why, sizeof why, "group of %d", s->n_agents);
		for (j = 0; j < s->n_agents; j++)
			decision_row(&w, "training", tr->name, in->agent[s->agents[j]].name,
				     in->day[s->day].date, in->day[s->day].date, s->start, s->end,
				     "attends", s->reason ? s->reason : why);
	}
	return done(&w);
}

double wfm_pr_day_under(const wfm_plan_input *in, const wfm_plan_result *r, int d)
{
	double h = 0;
	int t, l;

	for (t = 0; t < in->n_intervals; t++)
		for (l = 0; l < in->n_lines; l++) {
			double s = in->req[cell(in, d, t, l)] - r->planned[cell(in, d, t, l)];

			if (s > 0)
				h += s;
		}
	return h * in->rules.interval_min / 60.0;
}

const char *wfm_pr_status_name(int status)
{
	return status == WFM_PLAN_OPTIMAL ? "optimal" : status == WFM_PLAN_TIME_LIMIT ?
	       "time_limit" : "stopped";
}

static void kv_num(wfm_csvw *w, const char *key, double v, int decimals)
{
	wfm_csvw_str(w, key);
	wfm_csvw_num(w, v, decimals);
	wfm_csvw_end(w);
}

int wfm_pr_expected(const wfm_plan_input *in, const wfm_plan_result *r, int day, int line,
		    double *offered, double *answered, double *within)
{
	int *svc = wfm_pr_service_index(in), d, t, l;

	*offered = *answered = *within = 0;
	if (!svc)
		return in->n_service ? WFM_EINTERNAL : WFM_OK;
	for (d = 0; d < in->n_days; d++)
		for (t = 0; t < in->n_intervals; t++)
			for (l = 0; l < in->n_lines; l++) {
				size_t i = cell(in, d, t, l);
				double v, a, w;

				if ((day >= 0 && d != day) || (line >= 0 && l != line))
					continue;
				expected(in, svc, i, r->planned[i], &v, &a, &w);
				*offered += v;
				*answered += a;
				*within += w;
			}
	free(svc);
	return WFM_OK;
}

/* The expected answer rate and service level of the week, and the answer
 * rate of each open day and each line with contacts (when the input has
 * its service). */
static int service_keys(wfm_csvw *w, const wfm_plan_input *in, const wfm_plan_result *r)
{
	double v, a, wi;
	char key[160], b[11];
	int d, l;

	if (in->n_service == 0)
		return WFM_OK;
	if (wfm_pr_expected(in, r, -1, -1, &v, &a, &wi))
		return WFM_EINTERNAL;
	if (v <= 0)
		return WFM_OK;
	kv_num(w, "answer_rate", a / v, 6);
	kv_num(w, "service_level", wi / v, 6);
	for (d = 0; d < in->n_days; d++) {
		if (wfm_pr_expected(in, r, d, -1, &v, &a, &wi))
			return WFM_EINTERNAL;
		if (in->day[d].opens < 0 && v <= 0)
			continue;
		snprintf(key, sizeof key, "answer_rate_%s", wfm_date_iso(in->day[d].date, b));
		if (v > 0)
			kv_num(w, key, a / v, 6);
	}
	for (l = 0; l < in->n_lines; l++) {
		if (wfm_pr_expected(in, r, -1, l, &v, &a, &wi))
			return WFM_EINTERNAL;
		if (v <= 0)
			continue;
		snprintf(key, sizeof key, "answer_rate_line_%s", in->line[l].code);
		kv_num(w, key, a / v, 6);
	}
	return WFM_OK;
}

int wfm_pr_day_outcome(const wfm_plan_input *in, const wfm_plan_result *r,
		       const wfm_pr_info *info, int d, char *buf, size_t n)
{
	double v = 0, a = 0, w = 0, target = in->rules.leave_target, under;

	if (n)
		buf[0] = 0;
	if (d < 0 || d >= in->n_days || !info->tight[d])
		return 0;
	if (in->n_service > 0 && wfm_pr_expected(in, r, d, -1, &v, &a, &w) != WFM_OK)
		return -1;
	if (v > 0) {
		snprintf(buf, n, "%s: expected answer rate %.1f %% (target %.1f %%)",
			 a / v >= target - 1e-9 ? "tight but met" : "below target", 100 * a / v,
			 100 * target);
		return 1;
	}
	under = wfm_pr_day_under(in, r, d);
	if (under < 0.005)
		snprintf(buf, n, "tight but met: no interval short");
	else
		snprintf(buf, n, "short: %.2f agent-hours below the requirement", under);
	return 1;
}

int wfm_pr_write_summary(FILE *out, const wfm_plan_input *in, const wfm_plan_result *r,
			 int excel)
{
	return wfm_pr_write_summary_info(out, in, r, NULL, excel);
}

int wfm_pr_write_summary_info(FILE *out, const wfm_plan_input *in, const wfm_plan_result *r,
			      const wfm_pr_info *info, int excel)
{
	static const char *const head[] = {"key", "value", NULL};
	wfm_csvw w;
	char key[160], b[11];
	int d, l;

	wfm_csvw_init(&w, out, excel);
	wfm_csvw_header(&w, head);
	wfm_csvw_str(&w, "status");
	wfm_csvw_str(&w, wfm_pr_status_name(r->status));
	wfm_csvw_end(&w);
	kv_num(&w, "objective", r->objective, 4);
	kv_num(&w, "bound", r->bound, 4);
	kv_num(&w, "gap", r->gap, 6);
	kv_num(&w, "seconds", r->seconds, 2);
	kv_num(&w, "under_coverage_hours", r->under_hours, 3);
	kv_num(&w, "over_coverage_hours", r->over_hours, 3);
	kv_num(&w, "deferred_late_hours", r->deferred_late_hours, 3);
	kv_num(&w, "leave_granted", r->leave_granted, 0);
	kv_num(&w, "leave_refused", r->leave_refused, 0);
	kv_num(&w, "agents", in->n_agents, 0);
	kv_num(&w, "shifts", r->n_shifts, 0);
	for (d = 0; d < in->n_days; d++) {
		if (in->day[d].opens < 0 && wfm_pr_day_under(in, r, d) <= 0)
			continue;
		snprintf(key, sizeof key, "under_coverage_hours_%s", wfm_date_iso(in->day[d].date, b));
		kv_num(&w, key, wfm_pr_day_under(in, r, d), 3);
	}
	if (service_keys(&w, in, r) != WFM_OK)
		return WFM_EINTERNAL;
	for (d = 0; info && d < in->n_days; d++) {
		if (in->day[d].opens < 0)
			continue;
		wfm_date_iso(in->day[d].date, b);
		snprintf(key, sizeof key, "required_hours_%s", b);
		kv_num(&w, key, info->need_live_h[d] + info->need_deferred_h[d], 2);
		snprintf(key, sizeof key, "team_hours_%s", b);
		kv_num(&w, key, info->team_h[d], 2);
		if (info->need_live_h[d] + info->need_deferred_h[d] > 0) {
			snprintf(key, sizeof key, "team_share_%s", b);
			kv_num(&w, key, info->team_h[d] /
				  (info->need_live_h[d] + info->need_deferred_h[d]), 4);
		}
	}
	if (info) {
		kv_num(&w, "warnings", info->n_warnings, 0);
		for (l = 0; l < info->n_warnings && l < WFM_PR_MAX_WARNINGS; l++) {
			snprintf(key, sizeof key, "warning_%d", l + 1);
			wfm_csvw_str(&w, key);
			wfm_csvw_str(&w, info->warning[l]);
			wfm_csvw_end(&w);
		}
		for (d = 0; d < in->n_days; d++) {
			char text[160];
			int k = wfm_pr_day_outcome(in, r, info, d, text, sizeof text);

			if (k < 0)
				return WFM_EINTERNAL;
			if (k == 0)
				continue;
			snprintf(key, sizeof key, "outcome_%s", wfm_date_iso(in->day[d].date, b));
			wfm_csvw_str(&w, key);
			wfm_csvw_str(&w, text);
			wfm_csvw_end(&w);
		}
	}
	for (l = 0; r->deferred_late && l < in->n_lines; l++) {
		int has = 0, k;

		for (k = 0; k < in->n_deferred && !has; k++)
			has = in->deferred[k].line == l && in->deferred[k].hours > 0;
		for (d = 0; has && d < in->n_days; d++) {
			if (in->day[d].opens < 0)
				continue;
			snprintf(key, sizeof key, "deferred_late_hours_line_%s_%s", in->line[l].code,
				 wfm_date_iso(in->day[d].date, b));
			kv_num(&w, key, r->deferred_late[(size_t)d * (size_t)in->n_lines + (size_t)l],
			       3);
		}
	}
	return done(&w);
}

int wfm_pr_write_lp(FILE *out, const wfm_plan_input *in, wfm_err *e)
{
	const char *dir = getenv("TMPDIR");
	char tmp[4096], buf[65536];
	FILE *f;
	size_t n;
	int rc, fd;

	if (!dir || !*dir)
		dir = "/tmp";
	if ((size_t)snprintf(tmp, sizeof tmp, "%s/wfm-plan-lp-XXXXXX", dir) >= sizeof tmp ||
	    (fd = mkstemp(tmp)) < 0)
		return wfm_err_set(e, WFM_ECANTCREAT, "cannot create a temporary file in '%s'",
				   dir);
	close(fd);
	rc = wfm_plan_write_lp(in, tmp, e);
	if (rc == WFM_OK && !(f = fopen(tmp, "rb")))
		rc = wfm_err_set(e, WFM_EIO, "cannot read back the model from '%s'", tmp);
	if (rc == WFM_OK) {
		while ((n = fread(buf, 1, sizeof buf, f)) > 0)
			if (fwrite(buf, 1, n, out) != n)
				break;
		if (ferror(f) || ferror(out))
			rc = wfm_err_set(e, WFM_EIO, "cannot write the model");
		fclose(f);
	}
	unlink(tmp);
	return rc;
}
