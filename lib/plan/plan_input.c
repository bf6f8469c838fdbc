/* plan_input.c - building and checking a plan input (see plan.h). */
#include "plan.h"

#include "common/grow.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void wfm_plan_rules_default(wfm_plan_rules *r)
{
	static const wfm_plan_shift_type types[3] = {
		{510, 3, {{15, 60, 150, 1, 0}, {30, 180, 300, 0, 1}, {15, 330, 435, 1, 0}}},
		{390, 2, {{15, 60, 150, 1, 0}, {30, 180, 270, 0, 1}}},
		{240, 1, {{15, 60, 150, 1, 0}}},
	};

	memset(r, 0, sizeof *r);
	r->interval_min = WFM_INTERVAL_DEFAULT;
	r->start_step_min = 15;
	r->training_step_min = 30;
	r->n_types = 3;
	memcpy(r->type, types, sizeof types);
	r->min_rest_min = 660;
	r->max_days = 5;
	r->week_days = 5;
	r->hours_tol_min = 60;
	r->w_under = 1.0;
	r->w_over = 0.1;
	r->w_pref = 0.05;
	r->w_deferred = 0.8;
	r->w_leave = 0.5;
	r->objective = WFM_PLAN_LINEAR;
	r->leave_target = 0.95;
}

void wfm_plan_options_default(wfm_plan_options *o)
{
	memset(o, 0, sizeof *o);
	o->time_limit = 60;
	o->gap = 0.01;
	o->seed = 1;
}

int wfm_plan_type_paid(const wfm_plan_rules *rules, int type)
{
	const wfm_plan_shift_type *t = &rules->type[type];
	int paid = t->minutes, b;

	for (b = 0; b < t->n_breaks; b++)
		if (!t->brk[b].paid)
			paid -= t->brk[b].minutes;
	return paid;
}

static int check_rules(const wfm_plan_rules *r, wfm_err *e)
{
	int iv = r->interval_min, k, b;

	if (iv <= 0 || 60 % iv != 0)
		return wfm_err_set(e, WFM_EUSAGE, "rule interval: %d minutes does not divide an hour",
				   iv);
	if (r->start_step_min <= 0 || r->start_step_min % iv != 0)
		return wfm_err_set(e, WFM_EUSAGE,
				   "rule start step: %d minutes is no multiple of the interval",
				   r->start_step_min);
	if (r->training_step_min <= 0 || r->training_step_min % iv != 0)
		return wfm_err_set(e, WFM_EUSAGE,
				   "rule training step: %d minutes is no multiple of the interval",
				   r->training_step_min);
	if (r->n_types < 1 || r->n_types > WFM_PLAN_MAX_TYPES)
		return wfm_err_set(e, WFM_EUSAGE, "rule shift types: need 1 to %d, got %d",
				   WFM_PLAN_MAX_TYPES, r->n_types);
	if (r->min_rest_min < 0 || r->max_days < 1 || r->max_days > 7 || r->week_days < 1 ||
	    r->week_days > 7 || r->hours_tol_min < 0)
		return wfm_err_set(e, WFM_EUSAGE,
				   "rules: rest, max days, week days or hours tolerance out of range");
	if (r->objective != WFM_PLAN_LINEAR && r->objective != WFM_PLAN_SERVICE)
		return wfm_err_set(e, WFM_EUSAGE, "rule objective: unknown objective %d",
				   r->objective);
	if (!(r->w_under > 0) || !(r->w_over >= 0) || !(r->w_pref >= 0) ||
	    !(r->w_deferred >= 0) || !(r->w_leave >= 0) ||
	    (r->objective == WFM_PLAN_LINEAR && r->w_deferred > r->w_under) ||
	    !isfinite(r->w_under + r->w_over + r->w_pref + r->w_deferred + r->w_leave))
		return wfm_err_set(e, WFM_EUSAGE,
				   "rule weights: need w_under > 0, the others >= 0, "
				   "w_deferred <= w_under (linear objective)");
	if (!(r->leave_target > 0) || r->leave_target > 1)
		return wfm_err_set(e, WFM_EUSAGE, "rule leave target: %g is not in (0, 1]",
				   r->leave_target);
	for (k = 0; k < r->n_types; k++) {
		const wfm_plan_shift_type *t = &r->type[k];
		int end = 0;

		if (t->minutes <= 0 || t->minutes % iv != 0 || t->minutes > 1440)
			return wfm_err_set(e, WFM_EUSAGE,
					   "rule shift type %d: length %d is no positive multiple "
					   "of the interval", k + 1, t->minutes);
		if (t->n_breaks < 0 || t->n_breaks > WFM_PLAN_MAX_BREAKS)
			return wfm_err_set(e, WFM_EUSAGE, "rule shift type %d: %d breaks", k + 1,
					   t->n_breaks);
		for (b = 0; b < t->n_breaks; b++) {
			const wfm_plan_break *br = &t->brk[b];

			if (br->minutes <= 0 || br->minutes % iv || br->earliest % iv ||
			    br->latest % iv || br->earliest < 0 || br->latest < br->earliest ||
			    br->latest + br->minutes > t->minutes)
				return wfm_err_set(e, WFM_EUSAGE,
						   "rule shift type %d break %d: window %d-%d of %d "
						   "minutes does not fit the grid or the shift",
						   k + 1, b + 1, br->earliest, br->latest,
						   br->minutes);
			if (br->earliest < end)
				return wfm_err_set(e, WFM_EUSAGE,
						   "rule shift type %d break %d: window overlaps the "
						   "previous break", k + 1, b + 1);
			end = br->latest + br->minutes;
		}
	}
	return WFM_OK;
}

wfm_plan_input *wfm_plan_input_new(const wfm_plan_rules *rules, const wfm_plan_day *days,
				   int n_days, wfm_err *e)
{
	wfm_plan_input *in;
	int i, lo = 1440, hi = 0, iv = rules->interval_min, any = 0;

	if (check_rules(rules, e))
		return NULL;
	if (n_days < 1 || n_days > WFM_PLAN_MAX_DAYS) {
		wfm_err_set(e, WFM_EUSAGE, "plan days: need 1 to %d, got %d", WFM_PLAN_MAX_DAYS,
			    n_days);
		return NULL;
	}
	for (i = 0; i < n_days; i++) {
		const wfm_plan_day *d = &days[i];
		char b1[11], b2[11];

		if (i > 0 && d->date <= days[i - 1].date) {
			wfm_err_set(e, WFM_EUSAGE, "plan days: %s does not follow %s",
				    wfm_date_iso(d->date, b1), wfm_date_iso(days[i - 1].date, b2));
			return NULL;
		}
		if (d->date - wfm_date_weekday(d->date) !=
		    days[0].date - wfm_date_weekday(days[0].date)) {
			wfm_err_set(e, WFM_EUSAGE, "plan days: %s is not in the week of %s",
				    wfm_date_iso(d->date, b1), wfm_date_iso(days[0].date, b2));
			return NULL;
		}
		if (d->opens < 0)
			continue;
		if (d->opens % iv || d->closes % iv || d->closes <= d->opens || d->closes > 1440) {
			wfm_err_set(e, WFM_EUSAGE,
				    "plan day %s: opening hours %d-%d are not on the %d-minute grid",
				    wfm_date_iso(d->date, b1), d->opens, d->closes, iv);
			return NULL;
		}
		any = 1;
		if (d->opens < lo)
			lo = d->opens;
		if (d->closes > hi)
			hi = d->closes;
	}
	if (!any) {
		wfm_err_set(e, WFM_EUSAGE, "plan days: all closed");
		return NULL;
	}
	in = calloc(1, sizeof *in);
	if (!in) {
		wfm_err_nomem(e);
		return NULL;
	}
	in->rules = *rules;
	in->n_days = n_days;
	memcpy(in->day, days, (size_t)n_days * sizeof *days);
	in->grid_start = lo;
	in->n_intervals = (hi - lo) / iv;
	return in;
}

void wfm_plan_input_free(wfm_plan_input *in)
{
	int i;

	if (!in)
		return;
	for (i = 0; i < in->n_lines; i++)
		free(in->line[i].code);
	for (i = 0; i < in->n_agents; i++) {
		free(in->agent[i].name);
		free(in->agent[i].skills_text);
		free(in->agent[i].skills);
	}
	for (i = 0; i < in->n_trainings; i++) {
		free(in->training[i].name);
		free(in->training[i].skill_text);
		free(in->training[i].listed);
	}
	free(in->line);
	free(in->req);
	free(in->agent);
	free(in->leave);
	free(in->training);
	free(in->deferred);
	free(in->service);
	free(in->svc);
	free(in);
}

int wfm_plan_day_index(const wfm_plan_input *in, wfm_date date)
{
	int i;

	for (i = 0; i < in->n_days; i++)
		if (in->day[i].date == date)
			return i;
	return -1;
}

int wfm_plan_line_index(const wfm_plan_input *in, const char *code)
{
	int i;

	for (i = 0; i < in->n_lines; i++)
		if (strcmp(in->line[i].code, code) == 0)
			return i;
	return -1;
}

int wfm_plan_agent_index(const wfm_plan_input *in, const char *name)
{
	int i;

	for (i = 0; i < in->n_agents; i++)
		if (strcmp(in->agent[i].name, name) == 0)
			return i;
	return -1;
}

int wfm_plan_add_line(wfm_plan_input *in, const char *code, double weight, wfm_err *e)
{
	int i = wfm_plan_line_index(in, code), L = in->n_lines, cells;
	double *req;
	char *s;

	if (i >= 0)
		return i;
	if (!*code || strchr(code, '|')) {
		wfm_err_set(e, WFM_EDATA, "bad line code '%s'", code);
		return -1;
	}
	if (!(weight > 0) || !isfinite(weight)) {
		wfm_err_set(e, WFM_EDATA, "line '%s': weight %g is not positive", code, weight);
		return -1;
	}
	cells = in->n_days * in->n_intervals;
	req = malloc((size_t)cells * (size_t)(L + 1) * sizeof *req);
	s = strdup(code);
	if (!req || !s ||
	    wfm_grow((void **)&in->line, &in->cap_lines, (size_t)L + 1, sizeof *in->line)) {
		free(req);
		free(s);
		wfm_err_nomem(e);
		return -1;
	}
	for (i = 0; i < cells; i++) {
		if (L)
			memcpy(req + (size_t)i * (size_t)(L + 1), in->req + (size_t)i * (size_t)L,
			       (size_t)L * sizeof *req);
		req[(size_t)i * (size_t)(L + 1) + (size_t)L] = 0;
	}
	free(in->req);
	in->req = req;
	in->line[L].code = s;
	in->line[L].weight = weight;
	in->n_lines = L + 1;
	return L;
}

int wfm_plan_add_requirement(wfm_plan_input *in, int day, int start, int line, double agents,
			     wfm_err *e)
{
	int iv = in->rules.interval_min, t;

	if (day < 0 || day >= in->n_days)
		return wfm_err_set(e, WFM_EDATA, "requirement: day %d is not in the plan", day);
	if (line < 0 || line >= in->n_lines)
		return wfm_err_set(e, WFM_EDATA, "requirement: no line %d", line);
	if (!(agents >= 0) || !isfinite(agents) || agents > 1e6)
		return wfm_err_set(e, WFM_EDATA, "requirement: bad number of agents %g", agents);
	t = start - in->grid_start;
	if (t < 0 || t % iv || t / iv >= in->n_intervals) {
		char b[6];

		return wfm_err_set(e, WFM_EDATA,
				   "requirement: time '%s' is not an interval of the plan",
				   wfm_time_hhmm(start < 0 || start > 1439 ? 0 : start, b));
	}
	t /= iv;
	in->req[((size_t)day * (size_t)in->n_intervals + (size_t)t) * (size_t)in->n_lines +
		(size_t)line] += agents;
	return WFM_OK;
}

int wfm_plan_add_deferred(wfm_plan_input *in, int line, int day, double hours, int deadline,
			  wfm_err *e)
{
	wfm_plan_deferred *d;

	if (day < 0 || day >= in->n_days || line < 0 || line >= in->n_lines)
		return wfm_err_set(e, WFM_EDATA, "deferred work: bad day %d or line %d", day,
				   line);
	if (!(hours >= 0) || !isfinite(hours) || hours > 1e6)
		return wfm_err_set(e, WFM_EDATA, "deferred work: bad hours %g", hours);
	if (deadline < day)
		return wfm_err_set(e, WFM_EDATA, "deferred work: deadline before release");
	if (wfm_grow((void **)&in->deferred, &in->cap_deferred, (size_t)in->n_deferred + 1,
		     sizeof *d))
		return wfm_err_nomem(e);
	d = &in->deferred[in->n_deferred++];
	d->line = line;
	d->day = day;
	d->hours = hours;
	d->deadline = deadline;
	return WFM_OK;
}

int wfm_plan_add_service(wfm_plan_input *in, int day, int start, int line, double volume,
			 const wfm_plan_svc_point *pt, int n, wfm_err *e)
{
	int iv = in->rules.interval_min, t, i;
	wfm_plan_service *sv;
	char b[6];

	if (day < 0 || day >= in->n_days || line < 0 || line >= in->n_lines)
		return wfm_err_set(e, WFM_EDATA, "service: bad day %d or line %d", day, line);
	t = start - in->grid_start;
	if (t < 0 || t % iv || t / iv >= in->n_intervals)
		return wfm_err_set(e, WFM_EDATA, "service: time '%s' is not an interval of the plan",
				   wfm_time_hhmm(start < 0 || start > 1439 ? 0 : start, b));
	t /= iv;
	if (n < 1 || n > 1000000 || !(volume >= 0) || !isfinite(volume))
		return wfm_err_set(e, WFM_EDATA, "service %s line %s: bad volume %g or %d points",
				   wfm_time_hhmm(start, b), in->line[line].code, volume, n);
	for (i = 0; i < in->n_service; i++)
		if (in->service[i].day == day && in->service[i].t == t && in->service[i].line == line)
			return wfm_err_set(e, WFM_EDATA, "service %s line %s: given twice",
					   wfm_time_hhmm(start, b), in->line[line].code);
	for (i = 0; i < n; i++) {
		double tol = 1e-9 * (fabs(pt[0].cost) + 1), vt = 1e-9 * (volume + 1);

		if (!isfinite(pt[i].cost) || !isfinite(pt[i].answered) || !isfinite(pt[i].within) ||
		    pt[i].within < -vt || pt[i].within > pt[i].answered + vt ||
		    pt[i].answered > volume + vt ||
		    (i > 0 && (pt[i].cost > pt[i - 1].cost + tol ||
			       pt[i].answered < pt[i - 1].answered - vt ||
			       pt[i].within < pt[i - 1].within - vt)) ||
		    (i > 1 && pt[i].cost - pt[i - 1].cost < pt[i - 1].cost - pt[i - 2].cost - tol))
			return wfm_err_set(e, WFM_EDATA, "service %s line %s: the curve is not "
					   "convex and monotone at %d agents", wfm_time_hhmm(start, b),
					   in->line[line].code, i);
	}
	if (wfm_grow((void **)&in->service, &in->cap_service, (size_t)in->n_service + 1,
		     sizeof *in->service) ||
	    wfm_grow((void **)&in->svc, &in->cap_svc, in->n_svc + (size_t)n, sizeof *in->svc))
		return wfm_err_nomem(e);
	memcpy(in->svc + in->n_svc, pt, (size_t)n * sizeof *pt);
	sv = &in->service[in->n_service++];
	sv->day = day;
	sv->t = t;
	sv->line = line;
	sv->volume = volume;
	sv->first = (int)in->n_svc;
	sv->n = n;
	in->n_svc += (size_t)n;
	return WFM_OK;
}

/* Splits a '|'-list; calls fn for each non-empty item (trimmed of blanks).
 * Returns the first non-zero fn result. */
static int each_item(const char *list, int (*fn)(const char *item, void *ctx), void *ctx)
{
	char buf[256];
	const char *p = list;

	while (*p) {
		const char *q = strchr(p, '|');
		size_t n = q ? (size_t)(q - p) : strlen(p);
		int r;

		while (n && (*p == ' ' || *p == '\t')) {
			p++;
			n--;
		}
		while (n && (p[n - 1] == ' ' || p[n - 1] == '\t'))
			n--;
		if (n >= sizeof buf)
			return -2;
		memcpy(buf, p, n);
		buf[n] = '\0';
		if (n && (r = fn(buf, ctx)) != 0)
			return r;
		if (!q)
			break;
		p = q + 1;
	}
	return 0;
}

struct skill_ctx {
	const wfm_plan_input *in;
	int *skills;
	int n;
};

static int add_skill(const char *code, void *vctx)
{
	struct skill_ctx *s = vctx;
	int l = wfm_plan_line_index(s->in, code), i;

	if (l < 0)
		return 0;
	for (i = 0; i < s->n; i++)
		if (s->skills[i] == l)
			return 0;
	s->skills[s->n++] = l;
	return 0;
}

static int bad_time(int m)
{
	return m < -1 || m > 1440;
}

/* A time of day `m` (minutes) for a message: HH:MM, 24:00, "none" for -1,
 * the minutes themselves when out of a day.  buf: 24 bytes. */
static const char *tod(int m, char *buf)
{
	if (m == -1)
		return "none";
	if (m == 1440)
		return "24:00";
	if (bad_time(m))
		snprintf(buf, 24, "%d minutes", m);
	else
		wfm_time_hhmm(m, buf);
	return buf;
}

int wfm_plan_add_agent(wfm_plan_input *in, const wfm_plan_agent_spec *sp, wfm_err *e)
{
	wfm_plan_agent *a;
	struct skill_ctx sk;
	double mins = sp->hours_per_week * 60;
	int i;

	if (!sp->name || !*sp->name) {
		wfm_err_set(e, WFM_EDATA, "agent: empty name");
		return -1;
	}
	if (wfm_plan_agent_index(in, sp->name) >= 0) {
		wfm_err_set(e, WFM_EDATA, "agent '%s': listed twice", sp->name);
		return -1;
	}
	if (!(mins > 0) || mins > 7 * 1440 || fabs(mins - floor(mins + 0.5)) > 1e-6) {
		wfm_err_set(e, WFM_EDATA, "agent '%s': column 'hours_per_week': bad value %g",
			    sp->name, sp->hours_per_week);
		return -1;
	}
	if (sp->days_per_week < 0 || sp->days_per_week > 7) {
		wfm_err_set(e, WFM_EDATA, "agent '%s': column 'days_per_week': bad value %d",
			    sp->name, sp->days_per_week);
		return -1;
	}
	if (bad_time(sp->earliest_start) || bad_time(sp->latest_end) ||
	    (sp->earliest_start >= 0 && sp->latest_end >= 0 &&
	     sp->latest_end <= sp->earliest_start)) {
		char b1[24], b2[24];

		wfm_err_set(e, WFM_EDATA, "agent '%s': bad earliest start %s or latest end %s "
			    "(the end must come after the start)", sp->name,
			    tod(sp->earliest_start, b1), tod(sp->latest_end, b2));
		return -1;
	}
	if (bad_time(sp->pref_from) || bad_time(sp->pref_to) ||
	    ((sp->pref_from < 0) != (sp->pref_to < 0)) ||
	    (sp->pref_from >= 0 && sp->pref_to < sp->pref_from)) {
		char b1[24], b2[24];

		wfm_err_set(e, WFM_EDATA, "agent '%s': bad preferred start window %s-%s",
			    sp->name, tod(sp->pref_from, b1), tod(sp->pref_to, b2));
		return -1;
	}
	if (wfm_grow((void **)&in->agent, &in->cap_agents, (size_t)in->n_agents + 1,
		     sizeof *in->agent)) {
		wfm_err_nomem(e);
		return -1;
	}
	a = &in->agent[in->n_agents];
	memset(a, 0, sizeof *a);
	a->name = strdup(sp->name);
	a->skills_text = strdup(sp->skills ? sp->skills : "");
	a->skills = malloc((size_t)(in->n_lines + 1) * sizeof *a->skills);
	if (!a->name || !a->skills_text || !a->skills) {
		free(a->name);
		free(a->skills_text);
		free(a->skills);
		wfm_err_nomem(e);
		return -1;
	}
	sk.in = in;
	sk.skills = a->skills;
	sk.n = 0;
	if (each_item(a->skills_text, add_skill, &sk) == -2) {
		free(a->name);
		free(a->skills_text);
		free(a->skills);
		wfm_err_set(e, WFM_EDATA, "agent '%s': column 'skills': item too long", sp->name);
		return -1;
	}
	a->n_skills = sk.n;
	a->minutes_per_week = (int)floor(mins + 0.5);
	a->days_per_week = sp->days_per_week;
	a->earliest_start = sp->earliest_start;
	a->latest_end = sp->latest_end;
	a->pref_from = sp->pref_from;
	a->pref_to = sp->pref_to;
	for (i = 0; i < sp->n_unavailable; i++) {
		int d = wfm_plan_day_index(in, sp->unavailable[i]);

		if (d >= 0)
			a->unavailable[d] = 1;
	}
	return in->n_agents++;
}

int wfm_plan_add_leave(wfm_plan_input *in, int agent, wfm_date from, wfm_date to,
		       int requested, wfm_err *e)
{
	wfm_plan_leave *l;
	int i, n = 0, inside = 0;
	char b1[11], b2[11];

	if (agent < 0 || agent >= in->n_agents)
		return wfm_err_set(e, WFM_EDATA, "leave: no agent %d", agent);
	if (from > to)
		return wfm_err_set(e, WFM_EDATA, "leave of '%s': from %s is after to %s",
				   in->agent[agent].name, wfm_date_iso(from, b1),
				   wfm_date_iso(to, b2));
	for (i = 0; i < in->n_days; i++)
		if (in->day[i].date >= from && in->day[i].date <= to)
			inside = 1;
	if (!inside)
		return WFM_OK;
	for (i = 0; i < in->n_leave; i++)
		if (in->leave[i].agent == agent && in->leave[i].requested)
			n++;
	if (requested && n >= WFM_PLAN_MAX_REQUESTS)
		return wfm_err_set(e, WFM_EDATA,
				   "leave of '%s': more than %d requests in one plan",
				   in->agent[agent].name, WFM_PLAN_MAX_REQUESTS);
	if (wfm_grow((void **)&in->leave, &in->cap_leave, (size_t)in->n_leave + 1, sizeof *l))
		return wfm_err_nomem(e);
	l = &in->leave[in->n_leave];
	l->agent = agent;
	l->from = from;
	l->to = to;
	l->requested = requested != 0;
	l->rank = 0;
	for (i = 0; i < in->n_leave; i++)
		if (in->leave[i].requested)
			l->rank++;
	in->n_leave++;
	return WFM_OK;
}

struct part_ctx {
	wfm_plan_input *in;
	int *list;
	int n;
	const char *bad;
	char badbuf[256];
};

static int add_part(const char *name, void *vctx)
{
	struct part_ctx *p = vctx;
	int a = wfm_plan_agent_index(p->in, name), i;

	if (a < 0) {
		snprintf(p->badbuf, sizeof p->badbuf, "%s", name);
		p->bad = p->badbuf;
		return 1;
	}
	for (i = 0; i < p->n; i++)
		if (p->list[i] == a)
			return 0;
	p->list[p->n++] = a;
	return 0;
}

int wfm_plan_add_training(wfm_plan_input *in, const wfm_plan_training_spec *sp, wfm_err *e)
{
	wfm_plan_training *t;
	struct part_ctx pc;
	const char *s = sp->participants ? sp->participants : "";
	int count = 0, iv = in->rules.interval_min, digits = 1, i;
	char b1[11], b2[11];

	if (!sp->name || !*sp->name) {
		wfm_err_set(e, WFM_EDATA, "training: empty name");
		return -1;
	}
	if (sp->minutes <= 0 || sp->minutes % iv || sp->minutes > 1440) {
		wfm_err_set(e, WFM_EDATA,
			    "column 'minutes': no positive multiple of %d minutes: '%d'", iv,
			    sp->minutes);
		return -1;
	}
	if (sp->group_min < 1 || sp->group_max < sp->group_min) {
		wfm_err_set(e, WFM_EDATA, "training '%s': bad group size %d-%d", sp->name,
			    sp->group_min, sp->group_max);
		return -1;
	}
	if (sp->from > sp->to) {
		wfm_err_set(e, WFM_EDATA, "training '%s': from %s is after to %s", sp->name,
			    wfm_date_iso(sp->from, b1), wfm_date_iso(sp->to, b2));
		return -1;
	}
	for (i = 0; s[i]; i++)
		if (s[i] < '0' || s[i] > '9')
			digits = 0;
	if (!*s)
		digits = 0;
	if (digits) {
		if (strlen(s) > 6) {
			wfm_err_set(e, WFM_EDATA, "column 'participants': count too large: '%s'",
				    s);
			return -1;
		}
		count = (int)strtol(s, NULL, 10);
		if (count < 1) {
			wfm_err_set(e, WFM_EDATA, "column 'participants': count 0: '%s'", s);
			return -1;
		}
	}
	if (wfm_grow((void **)&in->training, &in->cap_trainings, (size_t)in->n_trainings + 1,
		     sizeof *t)) {
		wfm_err_nomem(e);
		return -1;
	}
	t = &in->training[in->n_trainings];
	memset(t, 0, sizeof *t);
	pc.in = in;
	pc.n = 0;
	pc.bad = NULL;
	pc.list = malloc((size_t)(in->n_agents + 1) * sizeof *pc.list);
	t->name = strdup(sp->name);
	t->skill_text = strdup(sp->skill ? sp->skill : "");
	if (!pc.list || !t->name || !t->skill_text) {
		free(pc.list);
		free(t->name);
		free(t->skill_text);
		wfm_err_nomem(e);
		return -1;
	}
	if (!digits) {
		int r = each_item(s, add_part, &pc);

		if (r || pc.n == 0) {
			wfm_err_set(e, WFM_EDATA, "column 'participants': %s: '%s'",
				    r == 1 ? "unknown agent" : r ? "a name too long" : "none given",
				    r == 1 ? pc.bad : s);
			free(pc.list);
			free(t->name);
			free(t->skill_text);
			return -1;
		}
	}
	t->skill = wfm_plan_line_index(in, t->skill_text);
	t->minutes = sp->minutes;
	t->group_min = sp->group_min;
	t->group_max = sp->group_max;
	t->count = count;
	t->n_listed = pc.n;
	t->listed = pc.list;
	t->from = sp->from;
	t->to = sp->to;
	return in->n_trainings++;
}

int wfm_plan_target_minutes(const wfm_plan_input *in, int a, int leave_days)
{
	const wfm_plan_agent *ag = &in->agent[a];
	int basis = ag->days_per_week ? ag->days_per_week : in->rules.week_days;
	int closed = 0, i;
	double m;

	for (i = 0; i < in->n_days; i++)
		if (in->day[i].opens < 0 && wfm_date_weekday(in->day[i].date) <= WFM_FRI)
			closed++;
	m = ag->minutes_per_week *
	    (1.0 - (double)leave_days / basis - (double)closed / in->rules.week_days);
	if (m < 0)
		m = 0;
	return (int)floor(m + 0.5);
}
