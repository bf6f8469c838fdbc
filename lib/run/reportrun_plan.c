/* reportrun_plan.c - the plan section: wfm-plan's outputs for people (see
 * README.md, wfm-report, plan).
 *
 * The coverage gives required against planned agents per interval and
 * line, and the deferred hours per day.  With the requirements, the queue
 * models of wfm-staff evaluate the planned agents on the requirements'
 * volumes and handle times (wfm_sr_evaluate_agents, each line's agents
 * given without a channel: on a line with phone and chat split between the
 * two as wfm-plan's service curve splits them), which gives the figures
 * wfm-plan wrote (the coverage's answer_rate, the summary's answer rate of
 * each day); a coverage rate that differs is warned about.  Without them
 * an interval's rate is the coverage's answer_rate column, when it has one.
 * Rates of several lines or intervals are weighted by volume when the
 * report evaluated them, by the required agents when the coverage brought
 * them. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "reportrun_impl.h"
#include "staffrun.h"
#include "common/channel.h"
#include "common/grow.h"
#include "common/value.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* A coverage row. */
typedef struct cv_row {
	wfm_date date;
	int time;            /* -1: a day of deferred hours */
	char line[48];
	double required, planned;
	double rate, sl;     /* expected answer rate and service level, or NAN */
	double volume;       /* the live volume of the line's requirements, or NAN */
} cv_row;

typedef struct pl {
	wfm_rr *r;
	cv_row *row;
	size_t n, cap;
	int have_rate;       /* the coverage brought answer rates */
	wfm_date first, last;
} pl;

enum { C_DATE, C_TIME, C_LINE, C_REQ, C_PLAN, C_RATE, C_SL, NC };
static const char *const al_date[] = {"datum", NULL};
static const char *const al_time[] = {"tijd", "uur", "interval", NULL};
static const char *const al_line[] = {"lijn", "lijncode", NULL};
static const char *const al_req[] = {"nodig", NULL};
static const char *const al_plan[] = {"gepland", NULL};
static const char *const al_rate[] = {"antwoordpercentage", NULL};
static const char *const al_sl[] = {"serviceniveau", NULL};
static const wfm_csv_col cov_cols[NC] = {
	{"date", al_date, 1},        {"time", al_time, 1},  {"line", al_line, 1},
	{"required", al_req, 1},     {"planned", al_plan, 1},
	{"answer_rate", al_rate, 0}, {"service_level", al_sl, 0},
};

static int share_cell(const rr_csv *c, size_t k, double *out, wfm_err *e)
{
	int rc;

	if (c->idx[k] < 0 || wfm_blank(wfm_rr_cell(c, k))) {
		*out = NAN;
		return WFM_OK;
	}
	if ((rc = wfm_rr_amount(c, k, 0, out, e)))
		return rc;
	return *out > 1 ? wfm_rr_bad(c, k, "a share above 1", e) : WFM_OK;
}

static int read_coverage(pl *p, const char *path, wfm_err *e)
{
	rr_csv c;
	int rc = wfm_rr_csv_open(&c, path, cov_cols, NC, e);

	p->have_rate = rc == WFM_OK && c.idx[C_RATE] >= 0;
	while (rc == WFM_OK && (rc = wfm_rr_csv_next(&c, e)) > 0) {
		cv_row x;

		memset(&x, 0, sizeof x);
		x.volume = NAN;
		if ((rc = wfm_rr_date(&c, C_DATE, &x.date, e)) ||
		    (rc = wfm_rr_time(&c, C_TIME, 1, &x.time, e)) ||
		    (rc = wfm_rr_line(&c, C_LINE, x.line, sizeof x.line, e)) ||
		    (rc = wfm_rr_amount(&c, C_REQ, 0, &x.required, e)) ||
		    (rc = wfm_rr_amount(&c, C_PLAN, 0, &x.planned, e)) ||
		    (rc = share_cell(&c, C_RATE, &x.rate, e)) || (rc = share_cell(&c, C_SL, &x.sl, e)))
			break;
		if (wfm_grow((void **)&p->row, &p->cap, p->n + 1, sizeof *p->row)) {
			rc = wfm_err_nomem(e);
			break;
		}
		if (p->n == 0 || x.date < p->first)
			p->first = x.date;
		if (p->n == 0 || x.date > p->last)
			p->last = x.date;
		p->row[p->n++] = x;
	}
	if (rc < 0)
		rc = e->code;
	if (rc == WFM_OK && p->n == 0)
		rc = wfm_err_set(e, WFM_EDATA, "%s: no rows", wfm_csv_name(c.csv));
	wfm_rr_csv_close(&c);
	return rc;
}

static int row_cmp(const void *a, const void *b)
{
	const cv_row *x = a, *y = b;

	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	if (x->time != y->time)
		return x->time < y->time ? -1 : 1;
	return strcmp(x->line, y->line);
}

/* ---- the expected answer rate from the requirements ---- */

/* Fills rate, sl and volume of the coverage's interval rows by evaluating
 * the planned agents on the requirements, each line's agents given to
 * wfm_sr_evaluate_agents without a channel (split between phone and chat
 * as the plan splits them).  Counts in *differ the rows whose answer rate
 * the coverage gave otherwise (beyond its 4 decimals), the largest
 * difference in *worst. */
static int evaluate(pl *p, const char *requirements, size_t *differ, double *worst,
		    wfm_err *e)
{
	wfm_rr *r = p->r;
	wfm_sr_settings s;
	wfm_sr *run = NULL;
	wfm_sr_staff *st = NULL;
	wfm_sr_result *res = NULL;
	size_t nst = 0, nres = 0, j = 0;
	int rc;

	*differ = 0;
	*worst = 0;
	memset(&s, 0, sizeof s);
	if (!(st = malloc((p->n + 1) * sizeof *st))) {
		rc = wfm_err_nomem(e);
		goto done;
	}
	for (size_t i = 0; i < p->n; i++)
		if (p->row[i].time >= 0)
			st[nst++] = (wfm_sr_staff){p->row[i].date, p->row[i].time, -1,
						   p->row[i].line, lround(p->row[i].planned)};
	if ((rc = wfm_sr_settings_init(&s, r->cfg, e)))
		goto done;
	if (!(run = wfm_sr_read(requirements, &s, r->cal, e))) {
		rc = e->code;
		goto done;
	}
	if ((rc = wfm_sr_evaluate_agents(run, st, nst, e)) ||
	    (rc = wfm_sr_results(run, &res, &nres, e)))
		goto done;
	/* results and coverage rows are both sorted by date and time; sum the
	 * live channels of each line, weighted by volume */
	for (size_t i = 0; i < p->n; i++) {
		cv_row *x = &p->row[i];
		double v = 0, ar = 0, sl = 0, was = x->rate;

		if (x->time < 0)
			continue;
		while (j < nres && (res[j].date < x->date ||
				    (res[j].date == x->date && res[j].time < x->time)))
			j++;
		for (size_t k = j; k < nres && res[k].date == x->date && res[k].time == x->time;
		     k++) {
			if (strcmp(res[k].line, x->line) != 0 || wfm_channel_deferred(res[k].channel))
				continue;
			v += res[k].volume;
			ar += res[k].volume * res[k].answer_rate;
			sl += res[k].volume * res[k].service_level;
		}
		x->volume = v;
		x->rate = v > 0 ? ar / v : NAN;
		x->sl = v > 0 ? sl / v : NAN;
		if (isfinite(was) && isfinite(x->rate) && fabs(was - x->rate) > 1e-4) {
			++*differ;
			if (fabs(was - x->rate) > *worst)
				*worst = fabs(was - x->rate);
		}
	}
done:
	free(res);
	free(st);
	wfm_sr_free(run);
	wfm_sr_settings_release(&s);
	return rc;
}

/* ---- the roster: paid hours and agents per day ---- */

enum { O_AGENT, O_DATE, O_START, O_END, O_ACT, NO };
static const char *const al_agent[] = {"medewerker", NULL};
static const char *const al_start[] = {"begin", "van", NULL};
static const char *const al_end[] = {"einde", "tot", NULL};
static const char *const al_act[] = {"activiteit", NULL};
static const wfm_csv_col roster_cols[NO] = {
	{"agent", al_agent, 1}, {"date", al_date, 1}, {"start", al_start, 1},
	{"end", al_end, 1},     {"activity", al_act, 1},
};

typedef struct at_work {
	wfm_date date;
	char agent[64];
} at_work;

static int at_cmp(const void *a, const void *b)
{
	const at_work *x = a, *y = b;

	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	return strcmp(x->agent, y->agent);
}

/* paid[d], agents[d] for the days first .. first + days - 1: paid hours
 * (work, breaks, training) and agents with work. */
static int read_roster(const pl *p, const char *path, double *paid, double *agents, size_t days,
		       wfm_err *e)
{
	rr_csv c;
	at_work *w = NULL;
	size_t nw = 0, cap = 0;
	int rc = wfm_rr_csv_open(&c, path, roster_cols, NO, e);

	while (rc == WFM_OK && (rc = wfm_rr_csv_next(&c, e)) > 0) {
		char agent[64], act[16];
		wfm_date d;
		int start, end;
		size_t i;

		if ((rc = wfm_rr_date(&c, O_DATE, &d, e)) ||
		    (rc = wfm_rr_time(&c, O_START, 0, &start, e)) ||
		    (rc = wfm_rr_time(&c, O_END, 0, &end, e)) ||
		    (rc = wfm_rr_line(&c, O_AGENT, agent, sizeof agent, e)))
			break;
		if (end == 0 && start > 0)
			end = 1440; /* a block ending at midnight */
		if (end < start) {
			rc = wfm_rr_bad(&c, O_END, "before the start", e);
			break;
		}
		wfm_trim_copy(wfm_rr_cell(&c, O_ACT), act, sizeof act);
		if (strcmp(act, "work") && strcmp(act, "break") && strcmp(act, "lunch") &&
		    strcmp(act, "training") && strcmp(act, "leave")) {
			rc = wfm_rr_bad(&c, O_ACT, "not work, break, lunch, training or leave", e);
			break;
		}
		if (d < p->first || (i = (size_t)(d - p->first)) >= days)
			continue;
		if (!strcmp(act, "work") || !strcmp(act, "break") || !strcmp(act, "training"))
			paid[i] += (end - start) / 60.0;
		if (strcmp(act, "work") != 0)
			continue;
		if (wfm_grow((void **)&w, &cap, nw + 1, sizeof *w)) {
			rc = wfm_err_nomem(e);
			break;
		}
		w[nw].date = d;
		snprintf(w[nw++].agent, sizeof w->agent, "%s", agent);
	}
	if (rc < 0)
		rc = e->code;
	if (rc == WFM_OK && nw) {
		qsort(w, nw, sizeof *w, at_cmp);
		for (size_t i = 0; i < nw; i++)
			if (i == 0 || at_cmp(&w[i - 1], &w[i]) != 0)
				agents[w[i].date - p->first]++;
	}
	free(w);
	wfm_rr_csv_close(&c);
	return rc;
}

/* ---- decisions ---- */

enum { D_KIND, D_NAME, D_AGENT, D_FROM, D_TO, D_START, D_END, D_DEC, D_REASON, ND };
static const char *const al_kind[] = {"soort", NULL};
static const char *const al_name[] = {"naam", NULL};
static const char *const al_from[] = {"van", NULL};
static const char *const al_to[] = {"tot", NULL};
static const char *const al_dec[] = {"beslissing", NULL};
static const char *const al_reason[] = {"reden", NULL};
static const wfm_csv_col dec_cols[ND] = {
	{"kind", al_kind, 1},   {"name", al_name, 0},   {"agent", al_agent, 1},
	{"from", al_from, 1},   {"to", al_to, 1},       {"start", al_start, 0},
	{"end", al_end, 0},     {"decision", al_dec, 1}, {"reason", al_reason, 0},
};
static const rr_col dec_out[] = {
	{"kind", WFM_TC_TEXT, 0},  {"name", WFM_TC_TEXT, 0},  {"agent", WFM_TC_TEXT, 0},
	{"from", WFM_TC_DATE, 0},  {"to", WFM_TC_DATE, 0},    {"start", WFM_TC_TIME, 0},
	{"end", WFM_TC_TIME, 0},   {"decision", WFM_TC_TEXT, 0},
	{"reason", WFM_TC_TEXT, 0},
};

/* The decisions table, and per plan day the leave granted and refused and
 * the training attendees. */
static int decisions(pl *p, const char *path, double *granted, double *refused,
		     double *trained, size_t days, wfm_err *e)
{
	wfm_rr *r = p->r;
	wfm_table *t = wfm_rr_add_table(r, "decisions", wfm_rr_t(r, "Leave and training "
					"decisions"), dec_out, N(dec_out), e);
	rr_csv c;
	int rc = t ? wfm_rr_csv_open(&c, path, dec_cols, ND, e) : e->code;

	while (rc == WFM_OK && (rc = wfm_rr_csv_next(&c, e)) > 0) {
		char kind[16], dec[16], reason[512], text[1024];
		wfm_date from, to;
		int start, end, leave;

		if ((rc = wfm_rr_date(&c, D_FROM, &from, e)) ||
		    (rc = wfm_rr_date(&c, D_TO, &to, e)) ||
		    (rc = wfm_rr_time(&c, D_START, 1, &start, e)) ||
		    (rc = wfm_rr_time(&c, D_END, 1, &end, e)))
			break;
		wfm_trim_copy(wfm_rr_cell(&c, D_KIND), kind, sizeof kind);
		wfm_trim_copy(wfm_rr_cell(&c, D_DEC), dec, sizeof dec);
		wfm_trim_copy(wfm_rr_cell(&c, D_REASON), reason, sizeof reason);
		if (strcmp(kind, "leave") && strcmp(kind, "training")) {
			rc = wfm_rr_bad(&c, D_KIND, "not leave or training", e);
			break;
		}
		leave = kind[0] == 'l';
		for (wfm_date d = from; d <= to; d++) {
			size_t i = (size_t)(d - p->first);

			if (d < p->first || i >= days)
				continue;
			if (leave && !strcmp(dec, "granted"))
				granted[i]++;
			else if (leave && !strcmp(dec, "refused"))
				refused[i]++;
			else if (!leave)
				trained[i]++;
		}
		if ((rc = wfm_rr_row(t, e)) || (rc = wfm_rr_text(t, 0, wfm_rr_t(r, kind), e)) ||
		    (rc = wfm_rr_text(t, 1, wfm_rr_cell(&c, D_NAME), e)) ||
		    (rc = wfm_rr_text(t, 2, wfm_rr_cell(&c, D_AGENT), e)) ||
		    (rc = wfm_rr_text(t, 7, wfm_rr_t(r, dec), e)) ||
		    (rc = wfm_rr_text(t, 8, wfm_rr_reason(r, reason, text, sizeof text), e)))
			break;
		wfm_rr_num(t, 3, from);
		wfm_rr_num(t, 4, to);
		wfm_rr_num(t, 5, start >= 0 ? start : NAN);
		wfm_rr_num(t, 6, end >= 0 ? end : NAN);
	}
	if (rc < 0)
		rc = e->code;
	if (t)
		wfm_rr_csv_close(&c);
	return rc;
}

/* ---- summary ---- */

enum { K_KEY, K_VALUE, NK };
static const char *const al_key[] = {"sleutel", NULL};
static const char *const al_value[] = {"waarde", NULL};
static const wfm_csv_col sum_cols[NK] = {{"key", al_key, 1}, {"value", al_value, 1}};
static const rr_col sum_out[] = {
	{"key", WFM_TC_TEXT, 0}, {"value", WFM_TC_NUM, 4}, {"note", WFM_TC_TEXT, 0},
};

static int summary(pl *p, const char *path, wfm_err *e)
{
	wfm_rr *r = p->r;
	wfm_table *t = wfm_rr_add_table(r, "plan-summary", wfm_rr_t(r, "Plan summary"), sum_out,
					N(sum_out), e);
	rr_csv c;
	int rc = t ? wfm_rr_csv_open(&c, path, sum_cols, NK, e) : e->code;

	while (rc == WFM_OK && (rc = wfm_rr_csv_next(&c, e)) > 0) {
		const char *v = wfm_rr_cell(&c, K_VALUE);
		char key[128];
		double x;

		wfm_trim_copy(wfm_rr_cell(&c, K_KEY), key, sizeof key);
		if ((rc = wfm_rr_row(t, e)) || (rc = wfm_rr_text(t, 0, wfm_rr_t(r, key), e)))
			break;
		if (!wfm_parse_number(v, c.nf, &x))
			wfm_rr_num(t, 1, x);
		else
			rc = wfm_rr_text(t, 2, wfm_rr_t(r, v), e);
	}
	if (rc < 0)
		rc = e->code;
	if (t)
		wfm_rr_csv_close(&c);
	return rc;
}

/* ---- the tables ---- */

enum { I_DATE, I_TIME, I_LINE, I_REQ, I_PLAN, I_GAP, I_RATE, I_SL };
static const rr_col iv_cols[] = {
	{"date", WFM_TC_DATE, 0},      {"time", WFM_TC_TIME, 0},   {"line", WFM_TC_TEXT, 0},
	{"required", WFM_TC_NUM, 2},   {"planned", WFM_TC_NUM, 2}, {"gap", WFM_TC_NUM, 2},
	{"answer_rate", WFM_TC_PCT, 4}, {"service_level", WFM_TC_PCT, 4},
};
enum { T_DATE, T_TIME, T_REQ, T_PLAN, T_GAP, T_RATE };
static const rr_col tot_cols[] = {
	{"date", WFM_TC_DATE, 0},    {"time", WFM_TC_TIME, 0},   {"required", WFM_TC_NUM, 2},
	{"planned", WFM_TC_NUM, 2},  {"gap", WFM_TC_NUM, 2},     {"answer_rate", WFM_TC_PCT, 4},
};
enum { Y_DATE, Y_WD, Y_REQ, Y_PLAN, Y_UNDER, Y_OVER, Y_COVER, Y_RATE, Y_FTE, Y_AGENTS,
       Y_GRANTED, Y_REFUSED, Y_TRAINED };
static const rr_col day_cols[] = {
	{"date", WFM_TC_DATE, 0},         {"weekday", WFM_TC_TEXT, 0},
	{"required_h", WFM_TC_NUM, 2},    {"planned_h", WFM_TC_NUM, 2},
	{"under_h", WFM_TC_NUM, 2},       {"over_h", WFM_TC_NUM, 2},
	{"covered", WFM_TC_PCT, 4},       {"answer_rate", WFM_TC_PCT, 4},
	{"fte_planned", WFM_TC_NUM, 2},   {"agents", WFM_TC_NUM, 0},
	{"leave_granted", WFM_TC_NUM, 0}, {"leave_refused", WFM_TC_NUM, 0},
	{"training_attendees", WFM_TC_NUM, 0},
};

/* The weight of a row's answer rate: its volume when the report evaluated
 * it, else its required agents. */
static double weight(const cv_row *x)
{
	return isfinite(x->volume) ? x->volume : x->required;
}

static int interval_tables(pl *p, wfm_table *iv, wfm_table *tot, wfm_err *e)
{
	wfm_rr *r = p->r;
	size_t i = 0;
	int rc = WFM_OK;

	for (size_t k = 0; k < p->n && rc == WFM_OK; k++) {
		const cv_row *x = &p->row[k];

		if (x->time < 0)
			continue;
		if ((rc = wfm_rr_row(iv, e)) || (rc = wfm_rr_text(iv, I_LINE, x->line, e)))
			break;
		wfm_rr_num(iv, I_DATE, x->date);
		wfm_rr_num(iv, I_TIME, x->time);
		wfm_rr_num(iv, I_REQ, x->required);
		wfm_rr_num(iv, I_PLAN, x->planned);
		wfm_rr_num(iv, I_GAP, x->planned - x->required);
		wfm_rr_num(iv, I_RATE, x->rate);
		wfm_rr_num(iv, I_SL, x->sl);
	}
	/* all lines per interval, a chart per day */
	while (rc == WFM_OK && i < p->n) {
		wfm_date d = p->row[i].date;
		size_t first = tot->nrow;

		while (i < p->n && p->row[i].date == d && rc == WFM_OK) {
			int time = p->row[i].time;
			double req = 0, plan = 0, w = 0, wr = 0;

			for (; i < p->n && p->row[i].date == d && p->row[i].time == time; i++) {
				const cv_row *x = &p->row[i];

				req += x->required;
				plan += x->planned;
				if (isfinite(x->rate)) {
					w += weight(x);
					wr += weight(x) * x->rate;
				}
			}
			if (time < 0 || (rc = wfm_rr_row(tot, e)))
				continue;
			wfm_rr_num(tot, T_DATE, d);
			wfm_rr_num(tot, T_TIME, time);
			wfm_rr_num(tot, T_REQ, req);
			wfm_rr_num(tot, T_PLAN, plan);
			wfm_rr_num(tot, T_GAP, plan - req);
			wfm_rr_num(tot, T_RATE, w > 0 ? wr / w : NAN);
		}
		if (rc == WFM_OK && tot->nrow - first >= 2) {
			char title[256], dt[11];
			wfm_tchart c = {NULL, WFM_CHART_LINE, T_TIME, {T_REQ, T_PLAN}, 2, first,
					tot->nrow, wfm_rr_t(r, "agents")};

			c.title = wfm_rr_cat(title, sizeof title, wfm_rr_t(r, "Required against "
					     "planned per interval"), ": ", wfm_rr_weekday(r, d), " ",
					     wfm_rr_date_text(r, d, dt), (char *)NULL);
			rc = wfm_table_add_chart(tot, &c, e);
		}
	}
	return rc;
}

int wfm_rr_plan(wfm_rr *r, const wfm_rr_files *f, wfm_err *e)
{
	pl p;
	wfm_table *day, *iv, *tot;
	double *v = NULL, h = r->cfg->interval / 60.0;
	size_t days = 0;
	int rc;

	if (!f->coverage)
		return wfm_err_set(e, WFM_EUSAGE, "the plan section needs --coverage");
	memset(&p, 0, sizeof p);
	p.r = r;
	if ((rc = read_coverage(&p, f->coverage, e)))
		goto done;
	qsort(p.row, p.n, sizeof *p.row, row_cmp);
	if (f->requirements) {
		size_t differ;
		double worst;

		if ((rc = evaluate(&p, f->requirements, &differ, &worst, e)) ||
		    (differ && (rc = wfm_rr_notef(r, 1, e, "%zu interval%s: the coverage's "
					"answer_rate differs from the requirements' by up to "
					"%.4f (a plan made with other settings or requirements?): "
					"the report gives the requirements'", differ,
					differ == 1 ? "" : "s", worst))))
			goto done;
	}
	if (!p.have_rate && !f->requirements &&
	    (rc = wfm_rr_notef(r, 0, e, "no expected answer rate: the coverage has no "
			       "answer_rate column and no --requirements was given")))
		goto done;
	days = (size_t)(p.last - p.first + 1);
	/* per day: 7 figures from the files, and the coverage sums */
	if (!(v = calloc(days * 7, sizeof *v))) {
		rc = wfm_err_nomem(e);
		goto done;
	}
	if (!(day = wfm_rr_add_table(r, "plan-day", wfm_rr_t(r, "Plan per day: required against "
				     "planned"), day_cols, N(day_cols), e)) ||
	    !(iv = wfm_rr_add_table(r, "plan-interval", wfm_rr_t(r, "Plan per interval and line"),
				    iv_cols, N(iv_cols), e)) ||
	    !(tot = wfm_rr_add_table(r, "plan-total", wfm_rr_t(r, "Required against planned per "
				     "interval, all lines"), tot_cols, N(tot_cols), e))) {
		rc = e->code;
		goto done;
	}
	if ((f->roster && (rc = read_roster(&p, f->roster, v, v + days, days, e))) ||
	    (f->decisions && (rc = decisions(&p, f->decisions, v + 2 * days, v + 3 * days,
					     v + 4 * days, days, e))) ||
	    (f->summary && (rc = summary(&p, f->summary, e))) ||
	    (rc = interval_tables(&p, iv, tot, e)))
		goto done;
	for (size_t i = 0, k = 0; i < days && rc == WFM_OK; i++) {
		wfm_date d = p.first + (wfm_date)i;
		wfm_cover c;
		double w = 0, wr = 0;

		memset(&c, 0, sizeof c);
		for (; k < p.n && p.row[k].date == d; k++) {
			const cv_row *x = &p.row[k];

			wfm_cover_add(&c, x->required, x->planned, x->time < 0 ? 1 : h);
			if (isfinite(x->rate)) {
				w += weight(x);
				wr += weight(x) * x->rate;
			}
		}
		if (c.required_h == 0 && c.planned_h == 0 && v[i] == 0)
			continue; /* a closed day */
		wfm_rr_saw_day(r, d);
		if ((rc = wfm_rr_row(day, e)) ||
		    (rc = wfm_rr_text(day, Y_WD, wfm_rr_weekday(r, d), e)))
			break;
		wfm_rr_num(day, Y_DATE, d);
		wfm_rr_num(day, Y_REQ, c.required_h);
		wfm_rr_num(day, Y_PLAN, c.planned_h);
		wfm_rr_num(day, Y_UNDER, c.under_h);
		wfm_rr_num(day, Y_OVER, c.over_h);
		wfm_rr_num(day, Y_COVER, wfm_cover_share(&c));
		wfm_rr_num(day, Y_RATE, w > 0 ? wr / w : NAN);
		wfm_rr_num(day, Y_FTE, f->roster ? v[i] / (r->cfg->fte_hours / 5) : NAN);
		wfm_rr_num(day, Y_AGENTS, f->roster ? v[days + i] : NAN);
		wfm_rr_num(day, Y_GRANTED, f->decisions ? v[2 * days + i] : NAN);
		wfm_rr_num(day, Y_REFUSED, f->decisions ? v[3 * days + i] : NAN);
		wfm_rr_num(day, Y_TRAINED, f->decisions ? v[4 * days + i] : NAN);
	}
done:
	free(v);
	free(p.row);
	return rc;
}
