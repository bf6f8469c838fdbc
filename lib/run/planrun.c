/* planrun.c - reading the plan's inputs; see wfm_pr_read in planrun.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "planrun_impl.h"
#include "common/grow.h"
#include "common/sortctx.h"
#include "common/value.h"
#include "history/history.h"

/* ---- tables ---- */

int wfm_pr_open(pr_table *t, const char *path, const wfm_csv_col *cols, int n, wfm_err *e)
{
	int rc, i;

	memset(t, 0, sizeof *t);
	if (!(t->csv = wfm_csv_open(path, NULL, e)))
		return e ? e->code : WFM_ENOINPUT;
	rc = wfm_csv_next(t->csv, e);
	if (rc == 0)
		rc = wfm_err_set(e, WFM_EDATA, "%s: empty file, expected a header",
				 wfm_csv_name(t->csv));
	else if (rc > 0)
		rc = wfm_csv_map(t->csv, cols, (size_t)n, t->idx, e);
	else
		rc = e ? e->code : WFM_EDATA;
	if (rc) {
		wfm_csv_free(t->csv);
		t->csv = NULL;
		return rc;
	}
	for (i = 0; i < n; i++)
		snprintf(t->head[i], sizeof t->head[i], "%s",
			 t->idx[i] >= 0 ? wfm_csv_field(t->csv, (size_t)t->idx[i]) : cols[i].name);
	t->nf = wfm_csv_numfmt(t->csv);
	return WFM_OK;
}

const char *wfm_pr_cell(const pr_table *t, int c)
{
	return t->idx[c] < 0 ? "" : wfm_csv_field(t->csv, (size_t)t->idx[c]);
}

int wfm_pr_cell_error(const pr_table *t, int c, const char *why, wfm_err *e)
{
	return wfm_csv_cell_error(t->csv, e, t->head[c], why, wfm_pr_cell(t, c));
}

int wfm_pr_prefix(const pr_table *t, wfm_err *e)
{
	wfm_err_prefix(e, "%s:%ld: ", wfm_csv_name(t->csv), wfm_csv_line(t->csv));
	return e ? e->code : WFM_EDATA;
}

/* Copies a cell without surrounding blanks into out (size n); "" when it
 * does not fit. */
static void trim(const char *s, char *out, size_t n)
{
	if (wfm_trim_copy(s, out, n) < 0)
		out[0] = '\0';
}

/* The trimmed cell c of the current row into out (size n); a cell too long
 * for it is an error naming the cell, never a silent cut. */
static int cell_text(const pr_table *t, int c, char *out, size_t n, wfm_err *e)
{
	char why[64];

	if (wfm_trim_copy(wfm_pr_cell(t, c), out, n) >= 0)
		return WFM_OK;
	snprintf(why, sizeof why, "longer than %zu characters", n - 1);
	return wfm_pr_cell_error(t, c, why, e);
}

/* A malloc'ed copy of s without its leading and trailing blanks (any length);
 * NULL when out of memory. */
static char *dup_trim(const char *s)
{
	size_t n = strlen(s ? s : "") + 1;
	char *p = malloc(n);

	if (p)
		wfm_trim_copy(s, p, n);
	return p;
}

/* ---- the state of one read ---- */

typedef struct req_row {
	wfm_date date;
	int time;      /* minutes, or -1: a whole day (deferred work) */
	int channel;
	int line;      /* index into codes */
	double value;
	double volume, aht; /* contacts and handle time (s); -1 when not given */
	double sched;  /* the `scheduled` cell (after shrinkage), -1 when not given */
	long src;
} req_row;

typedef struct tr_row {
	char *name, *skill, *participants;
	int minutes, gmin, gmax;
	wfm_date from, to;
	long src;
} tr_row;

typedef struct reader {
	const wfm_pr_files *f;
	const wfm_config *cfg;
	const wfm_calendar *cal;
	wfm_plan_input *in;
	wfm_pr_info info;
	req_row *req;
	size_t nreq, capreq;
	char **code;   /* line codes of the requirements, in order of appearance */
	int ncode;
	size_t capcode;
	tr_row *tr;
	int ntr;
	size_t captr;
	pr_need *need;  /* the requirement rows inside the plan, for wfm_pr_capacity */
	size_t nneed;
	char req_name[256], tr_name[256]; /* file names for messages */
	wfm_date monday;  /* plan day 0 */
} reader;

static int code_index(reader *rd, const char *s, wfm_err *e)
{
	int i;

	for (i = 0; i < rd->ncode; i++)
		if (strcmp(rd->code[i], s) == 0)
			return i;
	if (wfm_grow((void **)&rd->code, &rd->capcode, (size_t)rd->ncode + 1, sizeof *rd->code) ||
	    !(rd->code[rd->ncode] = dup_trim(s)))
		return wfm_err_nomem(e), -1;
	return rd->ncode++;
}

/* ---- requirements ---- */

enum { R_DATE, R_TIME, R_CHANNEL, R_LINE, R_AGENTS, R_SCHEDULED, R_VOLUME, R_AHT, R_NCOLS };

static const char *const al_date[] = {"datum", "dag", "day", "period", NULL};
static const char *const al_time[] = {"tijd", "uur", "interval", "tijdvak", "start", NULL};
static const char *const al_channel[] = {"kanaal", NULL};
static const char *const al_line[] = {"lijn", "lijncode", NULL};
static const char *const al_agents[] = {"medewerkers", "voorlichters", NULL};
static const char *const al_sched[] = {"ingepland", "gepland", NULL};
static const char *const al_volume[] = {"aantal", "contacten", "offered", "aangeboden",
					 "forecast", NULL};
static const char *const al_aht[] = {"aht", "afhandeltijd", NULL};

static int read_requirements(reader *rd, int scheduled, wfm_err *e)
{
	const wfm_csv_col cols[R_NCOLS] = {
		{"date", al_date, 1},    {"time", al_time, 1},     {"channel", al_channel, 1},
		{"line", al_line, 1},    {"agents", al_agents, !scheduled},
		{"scheduled", al_sched, scheduled}, {"volume", al_volume, 0},
		{"aht_s", al_aht, 0},
	};
	int vcol = scheduled ? R_SCHEDULED : R_AGENTS;
	pr_table t;
	char line[256];
	const char *why;
	int rc, end;

	if ((rc = wfm_pr_open(&t, rd->f->requirements, cols, R_NCOLS, e)))
		return rc;
	snprintf(rd->req_name, sizeof rd->req_name, "%s", wfm_csv_name(t.csv));
	while ((rc = wfm_csv_next(t.csv, e)) > 0) {
		req_row r;

		if (wfm_csv_blank_record(t.csv))
			continue;
		memset(&r, 0, sizeof r);
		r.src = wfm_csv_line(t.csv);
		if ((why = wfm_parse_date(wfm_pr_cell(&t, R_DATE), &r.date)))
			goto bad_date;
		r.time = -1;
		if (!wfm_blank(wfm_pr_cell(&t, R_TIME)) &&
		    (why = wfm_parse_interval(wfm_pr_cell(&t, R_TIME), &r.time, &end))) {
			rc = wfm_pr_cell_error(&t, R_TIME, why, e);
			break;
		}
		if ((r.channel = wfm_channel_parse(wfm_pr_cell(&t, R_CHANNEL))) < 0) {
			rc = wfm_pr_cell_error(&t, R_CHANNEL, "unknown channel (phone, email, chat, "
					   "social, callback)", e);
			break;
		}
		if ((rc = cell_text(&t, R_LINE, line, sizeof line, e)))
			break;
		if (!line[0]) {
			rc = wfm_pr_cell_error(&t, R_LINE, "empty", e);
			break;
		}
		if ((why = wfm_parse_number(wfm_pr_cell(&t, vcol), t.nf, &r.value)) ||
		    (why = r.value < 0 ? "negative" : NULL)) {
			rc = wfm_pr_cell_error(&t, vcol, why, e);
			break;
		}
		r.volume = r.aht = r.sched = -1;
		if (scheduled)
			r.sched = r.value;
		else if (!wfm_blank(wfm_pr_cell(&t, R_SCHEDULED)) &&
			 ((why = wfm_parse_number(wfm_pr_cell(&t, R_SCHEDULED), t.nf, &r.sched)) ||
			  (why = r.sched < 0 ? "negative" : NULL))) {
			rc = wfm_pr_cell_error(&t, R_SCHEDULED, why, e);
			break;
		}
		if (!wfm_blank(wfm_pr_cell(&t, R_VOLUME)) &&
		    ((why = wfm_parse_number(wfm_pr_cell(&t, R_VOLUME), t.nf, &r.volume)) ||
		     (why = r.volume < 0 ? "negative" : NULL))) {
			rc = wfm_pr_cell_error(&t, R_VOLUME, why, e);
			break;
		}
		if (!wfm_blank(wfm_pr_cell(&t, R_AHT)) &&
		    ((why = wfm_parse_number(wfm_pr_cell(&t, R_AHT), t.nf, &r.aht)) ||
		     (why = !(r.aht > 0) || r.aht > 86400 ? "must be more than 0 and at most "
		      "86400 seconds" : NULL))) {
			rc = wfm_pr_cell_error(&t, R_AHT, why, e);
			break;
		}
		if ((r.line = code_index(rd, line, e)) < 0 ||
		    wfm_grow((void **)&rd->req, &rd->capreq, rd->nreq + 1, sizeof *rd->req)) {
			rc = wfm_err_nomem(e);
			break;
		}
		rd->req[rd->nreq++] = r;
		continue;
bad_date:
		rc = wfm_pr_cell_error(&t, R_DATE, why, e);
		break;
	}
	if (rc < 0)
		rc = e ? e->code : WFM_EDATA;
	if (rc == 0 && rd->nreq == 0)
		rc = wfm_err_set(e, WFM_EDATA, "%s: no requirement rows", rd->req_name);
	wfm_csv_free(t.csv);
	rd->info.rows = (long)rd->nreq;
	return rc;
}

static int req_cmp(const void *a, const void *b, const void *ctx)
{
	const req_row *x = a, *y = b;

	(void)ctx;
	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	if (x->time != y->time)
		return x->time < y->time ? -1 : 1;
	if (x->channel != y->channel)
		return x->channel - y->channel;
	if (x->line != y->line)
		return x->line - y->line;
	return (x->src > y->src) - (x->src < y->src);
}

/* A date, time, channel and line given twice is an error naming both. */
static int check_twice(reader *rd, wfm_err *e)
{
	size_t i;

	if (wfm_sort(rd->req, rd->nreq, sizeof *rd->req, req_cmp, NULL))
		return wfm_err_nomem(e);
	for (i = 1; i < rd->nreq; i++) {
		const req_row *a = &rd->req[i - 1], *b = &rd->req[i];

		if (a->date == b->date && a->time == b->time && a->channel == b->channel &&
		    a->line == b->line)
			return wfm_err_set(e, WFM_EDATA, "%s:%ld: date, time, channel and line "
					   "already given on line %ld", rd->req_name, b->src,
					   a->src);
	}
	return WFM_OK;
}

/* ---- trainings (first pass: kept for after the agents) ---- */

enum { T_NAME, T_SKILL, T_MIN, T_GMIN, T_GMAX, T_PART, T_FROM, T_TO, T_NCOLS };

static const char *const al_training[] = {"opleiding", "naam", "name", "sessie", NULL};
static const char *const al_skill[] = {"vaardigheid", "lijn", "line", NULL};
static const char *const al_minutes[] = {"minuten", "duur", "duration", NULL};
static const char *const al_gmin[] = {"groep_min", "min_groep", NULL};
static const char *const al_gmax[] = {"groep_max", "max_groep", NULL};
static const char *const al_part[] = {"deelnemers", "attendees", NULL};
static const char *const al_from[] = {"van", "vanaf", "begin", "start", NULL};
static const char *const al_to[] = {"tot", "totenmet", "einde", "end", NULL};

static int count_cell(const pr_table *t, int c, int lo, int *out, wfm_err *e)
{
	double x;
	const char *why = wfm_parse_count(wfm_pr_cell(t, c), t->nf, &x);

	if (!why && (x < lo || x > 100000))
		why = "out of range";
	if (why)
		return wfm_pr_cell_error(t, c, why, e);
	*out = (int)x;
	return WFM_OK;
}

/* What the engine would drop without a word: group_min above group_max,
 * more participants than group_max, a name given twice in the week. */
static int training_checks(const reader *rd, const pr_table *t, const tr_row *r, wfm_err *e)
{
	const char *part = wfm_pr_cell(t, T_PART), *p;
	char why[128], name[256];
	long n = 0;
	int i, rc, digits = 1;

	if (r->gmin > r->gmax) {
		snprintf(why, sizeof why, "more than group_max (%d)", r->gmax);
		return wfm_pr_cell_error(t, T_GMIN, why, e);
	}
	for (p = part; *p == ' ' || *p == '\t'; p++)
		;
	for (; *p && *p != ' ' && *p != '\t'; p++)
		digits &= *p >= '0' && *p <= '9';
	if (digits && !wfm_blank(part)) {
		n = strtol(part, NULL, 10);
	} else {
		for (p = part, n = 1; *p; p++)
			n += *p == '|';
	}
	if (n > r->gmax) {
		snprintf(why, sizeof why, "more than group_max (%d) participants", r->gmax);
		return wfm_pr_cell_error(t, T_PART, why, e);
	}
	if ((rc = cell_text(t, T_NAME, name, sizeof name, e)))
		return rc;
	for (i = 0; i < rd->ntr; i++)
		if (rd->tr[i].name && strcmp(rd->tr[i].name, name) == 0) {
			snprintf(why, sizeof why, "given twice (also on line %ld)", rd->tr[i].src);
			return wfm_pr_cell_error(t, T_NAME, why, e);
		}
	return WFM_OK;
}

static int read_trainings(reader *rd, wfm_err *e)
{
	static const wfm_csv_col cols[T_NCOLS] = {
		{"training", al_training, 1}, {"skill", al_skill, 1},
		{"minutes", al_minutes, 1},   {"group_min", al_gmin, 1},
		{"group_max", al_gmax, 1},    {"participants", al_part, 1},
		{"from", al_from, 1},         {"to", al_to, 1},
	};
	pr_table t;
	const char *why;
	int rc;

	if (!rd->f->trainings)
		return WFM_OK;
	if ((rc = wfm_pr_open(&t, rd->f->trainings, cols, T_NCOLS, e)))
		return rc;
	snprintf(rd->tr_name, sizeof rd->tr_name, "%s", wfm_csv_name(t.csv));
	while ((rc = wfm_csv_next(t.csv, e)) > 0) {
		static const wfm_numfmt point = {'.', 0};
		tr_row r;
		double sec;

		if (wfm_csv_blank_record(t.csv))
			continue;
		memset(&r, 0, sizeof r);
		r.src = wfm_csv_line(t.csv);
		if ((why = wfm_parse_duration(wfm_pr_cell(&t, T_MIN), point, &sec)) ||
		    (why = sec <= 0 || sec != (double)(int)sec || sec > 1440 ? "not a number of "
		     "minutes or H:MM" : NULL)) {
			rc = wfm_pr_cell_error(&t, T_MIN, why, e);
			break;
		}
		r.minutes = (int)sec;
		if ((rc = count_cell(&t, T_GMIN, 1, &r.gmin, e)) ||
		    (rc = count_cell(&t, T_GMAX, 1, &r.gmax, e)))
			break;
		if ((rc = training_checks(rd, &t, &r, e)))
			break;
		if ((why = wfm_parse_date(wfm_pr_cell(&t, T_FROM), &r.from))) {
			rc = wfm_pr_cell_error(&t, T_FROM, why, e);
			break;
		}
		if ((why = wfm_parse_date(wfm_pr_cell(&t, T_TO), &r.to)) ||
		    (why = r.to < r.from ? "before 'from'" : NULL)) {
			rc = wfm_pr_cell_error(&t, T_TO, why, e);
			break;
		}
		if (r.to < rd->info.from || r.from > rd->info.to) {
			if (rd->info.trainings_skipped++ == 0)
				rd->info.trainings_skipped_line = r.src;
			continue;
		}
		if (wfm_grow((void **)&rd->tr, &rd->captr, (size_t)rd->ntr + 1, sizeof *rd->tr)) {
			rc = wfm_err_nomem(e);
			break;
		}
		r.name = dup_trim(wfm_pr_cell(&t, T_NAME));
		r.skill = dup_trim(wfm_pr_cell(&t, T_SKILL));
		r.participants = dup_trim(wfm_pr_cell(&t, T_PART));
		rd->tr[rd->ntr++] = r;
		if (!r.name || !r.skill || !r.participants) {
			rc = wfm_err_nomem(e);
			break;
		}
	}
	if (rc < 0)
		rc = e ? e->code : WFM_EDATA;
	wfm_csv_free(t.csv);
	return rc;
}

/* ---- agents ---- */

enum { A_NAME, A_SKILLS, A_HOURS, A_DAYS, A_EARLY, A_LATE, A_UNAV, A_PREF, A_NCOLS };

static const char *const al_agent[] = {"medewerker", "voorlichter", "naam", "name", NULL};
static const char *const al_skills[] = {"vaardigheden", "lijnen", "lines", NULL};
static const char *const al_hours[] = {"uren_per_week", "uren", "hours", "contracturen",
				       NULL};
static const char *const al_days[] = {"dagen_per_week", "dagen", "days", NULL};
static const char *const al_early[] = {"vroegste_start", "earliest", NULL};
static const char *const al_late[] = {"laatste_einde", "latest", NULL};
static const char *const al_unav[] = {"onbeschikbaar", "niet_beschikbaar", NULL};
static const char *const al_pref[] = {"voorkeur_start", "voorkeur", "preferred", NULL};

/* A clock cell: minutes, or -1 when empty. */
static int clock_cell(const pr_table *t, int c, int *out, wfm_err *e)
{
	int a, b;
	const char *why;

	*out = -1;
	if (wfm_blank(wfm_pr_cell(t, c)))
		return WFM_OK;
	if ((why = wfm_parse_interval(wfm_pr_cell(t, c), &a, &b)) || (why = b >= 0 ? "expected "
	    "one time HH:MM" : NULL))
		return wfm_pr_cell_error(t, c, why, e);
	*out = a;
	return WFM_OK;
}

static int agent_row(reader *rd, const pr_table *t, wfm_err *e)
{
	wfm_plan_agent_spec sp;
	wfm_date un[WFM_PLAN_MAX_DAYS];
	char name[256], list[4096], *p;
	const char *why;
	double h;
	int rc, a, b;

	memset(&sp, 0, sizeof sp);
	if ((rc = cell_text(t, A_NAME, name, sizeof name, e)))
		return rc;
	sp.name = name;
	sp.skills = wfm_pr_cell(t, A_SKILLS);
	if ((why = wfm_parse_number(wfm_pr_cell(t, A_HOURS), t->nf, &h)) ||
	    (why = h <= 0 || h > 168 ? "must be more than 0 and at most 168" : NULL))
		return wfm_pr_cell_error(t, A_HOURS, why, e);
	sp.hours_per_week = h;
	if (!wfm_blank(wfm_pr_cell(t, A_DAYS)) && (rc = count_cell(t, A_DAYS, 1, &sp.days_per_week,
							       e)))
		return rc;
	if ((rc = clock_cell(t, A_EARLY, &sp.earliest_start, e)) ||
	    (rc = clock_cell(t, A_LATE, &sp.latest_end, e)))
		return rc;
	if (sp.earliest_start >= 0 && sp.latest_end >= 0 && sp.latest_end <= sp.earliest_start) {
		char what[64], hm[6];

		snprintf(what, sizeof what, "not after the earliest start %s",
			 wfm_time_hhmm(sp.earliest_start, hm));
		return wfm_pr_cell_error(t, A_LATE, what, e);
	}
	sp.pref_from = sp.pref_to = -1;
	if (!wfm_blank(wfm_pr_cell(t, A_PREF))) {
		if ((why = wfm_parse_interval(wfm_pr_cell(t, A_PREF), &a, &b)))
			return wfm_pr_cell_error(t, A_PREF, why, e);
		sp.pref_from = a;
		sp.pref_to = b >= 0 ? b : a;
	}
	if ((rc = cell_text(t, A_UNAV, list, sizeof list, e)))
		return rc;
	for (p = list; *p;) {
		char *q = strchr(p, '|');
		wfm_date d;

		if (q)
			*q = '\0';
		if ((why = wfm_parse_date(p, &d)))
			return wfm_pr_cell_error(t, A_UNAV, why, e);
		if (d >= rd->info.from && d <= rd->info.to && sp.n_unavailable < WFM_PLAN_MAX_DAYS)
			un[sp.n_unavailable++] = d;
		if (!q)
			break;
		p = q + 1;
	}
	sp.unavailable = un;
	if (wfm_plan_add_agent(rd->in, &sp, e) < 0)
		return wfm_pr_prefix(t, e);
	return WFM_OK;
}

static int read_agents(reader *rd, wfm_err *e)
{
	static const wfm_csv_col cols[A_NCOLS] = {
		{"agent", al_agent, 1},         {"skills", al_skills, 1},
		{"hours_per_week", al_hours, 1}, {"days_per_week", al_days, 0},
		{"earliest_start", al_early, 0}, {"latest_end", al_late, 0},
		{"unavailable", al_unav, 0},    {"preferred_start", al_pref, 0},
	};
	pr_table t;
	int rc;

	if ((rc = wfm_pr_open(&t, rd->f->agents, cols, A_NCOLS, e)))
		return rc;
	while ((rc = wfm_csv_next(t.csv, e)) > 0)
		if (!wfm_csv_blank_record(t.csv) && (rc = agent_row(rd, &t, e)))
			break;
	if (rc < 0)
		rc = e ? e->code : WFM_EDATA;
	if (rc == 0 && rd->in->n_agents == 0)
		rc = wfm_err_set(e, WFM_EDATA, "%s: no agents", wfm_csv_name(t.csv));
	wfm_csv_free(t.csv);
	return rc;
}

/* ---- leave ---- */

enum { L_AGENT, L_FROM, L_TO, L_STATUS, L_NCOLS };

static const char *const al_status[] = {"status", "toestand", NULL};

static int leave_row(reader *rd, const pr_table *t, wfm_err *e)
{
	char name[256], st[64];
	wfm_date from, to;
	const char *why;
	int a, req, k, rc;

	if ((rc = cell_text(t, L_AGENT, name, sizeof name, e)))
		return rc;
	if ((a = wfm_plan_agent_index(rd->in, name)) < 0)
		return wfm_pr_cell_error(t, L_AGENT, "not in the agents file", e);
	if ((why = wfm_parse_date(wfm_pr_cell(t, L_FROM), &from)))
		return wfm_pr_cell_error(t, L_FROM, why, e);
	if ((why = wfm_parse_date(wfm_pr_cell(t, L_TO), &to)) || (why = to < from ? "before 'from'" :
							     NULL))
		return wfm_pr_cell_error(t, L_TO, why, e);
	trim(wfm_pr_cell(t, L_STATUS), st, sizeof st);
	if (strcasecmp(st, "approved") == 0 || strcasecmp(st, "goedgekeurd") == 0)
		req = 0;
	else if (strcasecmp(st, "requested") == 0 || strcasecmp(st, "aangevraagd") == 0)
		req = 1;
	else
		return wfm_pr_cell_error(t, L_STATUS, "must be approved or requested", e);
	if (to < rd->info.from || from > rd->info.to) {
		rd->info.leave_skipped++;
		return WFM_OK;
	}
	for (k = 0; k < rd->in->n_leave; k++) {
		const wfm_plan_leave *o = &rd->in->leave[k];
		char clash[160], b1[11], b2[11];

		if (o->agent != a || o->to < from || o->from > to || (o->requested && req))
			continue;
		/* approved leave overlapping approved leave or a request: one of
		 * the two rows says something the other contradicts */
		snprintf(clash, sizeof clash, "overlaps %s leave %s..%s of the same agent",
			 o->requested ? "requested" : "approved", wfm_date_iso(o->from, b1),
			 wfm_date_iso(o->to, b2));
		return wfm_pr_cell_error(t, L_FROM, clash, e);
	}
	if (wfm_plan_add_leave(rd->in, a, from, to, req, e))
		return wfm_pr_prefix(t, e);
	return WFM_OK;
}

static int read_leave(reader *rd, wfm_err *e)
{
	static const wfm_csv_col cols[L_NCOLS] = {
		{"agent", al_agent, 1}, {"from", al_from, 1}, {"to", al_to, 1},
		{"status", al_status, 1},
	};
	pr_table t;
	int rc;

	if (!rd->f->leave)
		return WFM_OK;
	if ((rc = wfm_pr_open(&t, rd->f->leave, cols, L_NCOLS, e)))
		return rc;
	while ((rc = wfm_csv_next(t.csv, e)) > 0)
		if (!wfm_csv_blank_record(t.csv) && (rc = leave_row(rd, &t, e)))
			break;
	if (rc < 0)
		rc = e ? e->code : WFM_EDATA;
	wfm_csv_free(t.csv);
	return rc;
}

/* ---- building the input ---- */

/* The plan's days: always Monday to Sunday of the week of `from` (or of
 * the earliest requirement), the days outside from..to closed, so that the
 * contract hours scale to the days planned (wfm_plan_target_minutes). */
static int plan_days(reader *rd, wfm_date from, wfm_date to, wfm_plan_day *days, int *n,
		     wfm_err *e)
{
	char b1[11], b2[11];
	size_t i;
	wfm_date d;

	if (from < 0) {
		from = rd->req[0].date;
		for (i = 1; i < rd->nreq; i++)
			if (rd->req[i].date < from)
				from = rd->req[i].date;
		from -= wfm_date_weekday(from);
		to = from + 6;
	}
	if (to < from || wfm_date_weekday(from) + (to - from) > 6)
		return wfm_err_set(e, WFM_EUSAGE, "%s to %s is not a part of one monday-sunday "
				   "week", wfm_date_iso(from, b1), wfm_date_iso(to, b2));
	rd->info.from = from;
	rd->info.to = to;
	rd->monday = from - wfm_date_weekday(from);
	for (*n = 0, d = rd->monday; *n < 7; d++, (*n)++) {
		days[*n].date = d;
		if (d < from || d > to ||
		    !wfm_calendar_hours(rd->cal, d, &days[*n].opens, &days[*n].closes))
			days[*n].opens = days[*n].closes = -1;
		else
			rd->info.open_days++;
	}
	if (rd->info.open_days == 0)
		return wfm_err_set(e, WFM_EUSAGE, "no open day from %s to %s",
				   wfm_date_iso(from, b1), wfm_date_iso(to, b2));
	return WFM_OK;
}

/* The weight of line `code` in line_weights ("1700=2, 1702=1.5"); 1 when
 * not listed; -1 with `e` set on a bad list. */
static double line_weight(const wfm_config *cfg, const char *code, wfm_err *e)
{
	static const wfm_numfmt point = {'.', 0};
	const char *s = cfg->line_weights;
	char item[256], key[256];
	double w = 1;

	while (s && *s) {
		size_t len = strcspn(s, ",");
		char *eq;
		double x;

		snprintf(item, sizeof item, "%.*s", (int)(len < 255 ? len : 255), s);
		eq = strchr(item, '=');
		if (eq)
			*eq = '\0';
		if (!eq || wfm_parse_number((trim(eq + 1, key, sizeof key), key), point, &x) ||
		    x <= 0) {
			wfm_pr_setting_error(cfg, "line_weights", "expected LINE=WEIGHT, ... with "
					 "weights above 0", cfg->line_weights, e);
			return -1;
		}
		trim(item, key, sizeof key);
		if (strcmp(key, code) == 0)
			w = x;
		s += len + (s[len] == ',');
	}
	return w;
}

static int add_line(reader *rd, const char *code, wfm_err *e)
{
	double w = line_weight(rd->cfg, code, e);

	if (w < 0)
		return -1;
	return wfm_plan_add_line(rd->in, code, w, e);
}

/* The service objective needs the volume and handle time of a live row. */
static int need_volume(reader *rd, const req_row *r, wfm_err *e)
{
	const char *col = r->volume < 0 ? "volume" : "aht_s";

	if (r->volume >= 0 && (r->volume == 0 || r->aht > 0))
		return WFM_OK;
	return wfm_err_set(e, WFM_EDATA, "%s:%ld: column '%s': the service objective needs the "
			   "volume and handle time of every phone and chat row (objective = "
			   "linear plans without them): ''", rd->req_name, r->src, col);
}

/* The default objective (service) needs what the requirement row at `r`
 * lacks: plan with the linear one and warn. */
static void fallback_linear(reader *rd, const req_row *r)
{
	wfm_pr_info *info = &rd->info;

	rd->in->rules.objective = WFM_PLAN_LINEAR;
	if (info->n_warnings < WFM_PR_MAX_WARNINGS)
		snprintf(info->warning[info->n_warnings], sizeof info->warning[0],
			 "%.100s:%ld: no volume and handle time: objective = linear (agent-hours "
			 "short), no expected service", rd->req_name, r->src);
	info->n_warnings++;
}

static int add_requirements(reader *rd, wfm_err *e)
{
	int *lid = malloc(((size_t)rd->ncode + 1) * sizeof *lid);
	int svc = rd->in->rules.objective == WFM_PLAN_SERVICE, can = 1;
	pr_live *live = malloc((rd->nreq + 1) * sizeof *live);
	size_t i, nlive = 0;
	int k, rc = WFM_OK;

	rd->need = malloc((rd->nreq + 1) * sizeof *rd->need);
	if (!lid || !live || !rd->need) {
		free(lid);
		free(live);
		return wfm_err_nomem(e);
	}
	for (k = 0; k < rd->ncode; k++)
		lid[k] = -1;
	/* lines in the order they first appear inside the plan */
	for (i = 0; i < rd->nreq && rc == WFM_OK; i++) {
		const req_row *r = &rd->req[i];

		if (r->date < rd->info.from || r->date > rd->info.to) {
			rd->info.skipped++;
			continue;
		}
		if (lid[r->line] < 0 && (lid[r->line] = add_line(rd, rd->code[r->line], e)) < 0)
			rc = e ? e->code : WFM_EDATA;
	}
	for (i = 0; i < rd->nreq && rc == WFM_OK; i++) {
		const req_row *r = &rd->req[i];
		int d = r->date - rd->monday;

		if (r->date < rd->info.from || r->date > rd->info.to)
			continue;
		if (r->time >= 0) {
			pr_need *q = &rd->need[rd->nneed++];

			q->day = d;
			q->line = lid[r->line];
			q->channel = r->channel;
			q->live = 1;
			q->agents = r->value;
			q->sched = r->sched;
			rc = wfm_plan_add_requirement(rd->in, d, r->time, lid[r->line], r->value, e);
			if (rc == WFM_OK && can) {
				/* the service objective needs the volumes; the linear one
				 * reports the expected service when they are there */
				if (need_volume(rd, r, e) != WFM_OK) {
					if (svc && (!rd->cfg->objective || !*rd->cfg->objective)) {
						/* the default objective: linear without
						 * volumes, said so */
						fallback_linear(rd, r);
						svc = 0;
					}
					if (svc) {
						rc = e ? e->code : WFM_EDATA;
						break;
					}
					wfm_err_clear(e);
					can = 0;
					continue;
				}
				live[nlive].day = d;
				live[nlive].t = (r->time - rd->in->grid_start) /
						rd->in->rules.interval_min;
				live[nlive].line = lid[r->line];
				live[nlive].channel = r->channel;
				live[nlive].agents = r->value;
				live[nlive].volume = r->volume;
				live[nlive].aht = r->aht;
				live[nlive].src = r->src;
				nlive++;
			}
		} else {
			wfm_date rel = r->date, due;

			if (!wfm_calendar_open(rd->cal, rel))
				rel = wfm_calendar_add_working(rd->cal, rel, 1);
			due = wfm_calendar_add_working(rd->cal, rel, rd->cfg->deferred_days);
			if (rel > rd->info.to)
				continue; /* released after the plan: next week's work */
			{
				pr_need *q = &rd->need[rd->nneed++];

				q->day = rel - rd->monday;
				q->line = lid[r->line];
				q->channel = r->channel;
				q->live = 0;
				q->agents = r->value;
				q->sched = r->sched;
			}
			rc = wfm_plan_add_deferred(rd->in, lid[r->line], rel - rd->monday,
						   r->value, due - rd->monday, e);
		}
		if (rc)
			wfm_err_prefix(e, "%s:%ld: ", rd->req_name, r->src);
	}
	free(lid);
	if (rc == WFM_OK && can) {
		rc = wfm_pr_add_service(rd->in, rd->cfg, live, nlive, rd->req_name, e);
		if (rc != WFM_OK && !svc && rc != WFM_EINTERNAL) {
			/* the linear objective plans without: no expected service */
			rd->in->n_service = 0;
			rd->in->n_svc = 0;
			wfm_err_clear(e);
			rc = WFM_OK;
		}
	}
	free(live);
	if (rc == WFM_OK && rd->info.skipped == (long)rd->nreq) {
		char b1[11], b2[11];

		rc = wfm_err_set(e, WFM_EDATA, "%s: no requirement from %s to %s", rd->req_name,
				 wfm_date_iso(rd->info.from, b1), wfm_date_iso(rd->info.to, b2));
	}
	return rc;
}

static int add_trainings(reader *rd, wfm_err *e)
{
	int i;

	for (i = 0; i < rd->ntr; i++) {
		const tr_row *r = &rd->tr[i];
		wfm_plan_training_spec ts;

		ts.name = r->name;
		ts.skill = r->skill;
		ts.minutes = r->minutes;
		ts.group_min = r->gmin;
		ts.group_max = r->gmax;
		ts.participants = r->participants;
		ts.from = r->from;
		ts.to = r->to;
		if (wfm_plan_add_training(rd->in, &ts, e) < 0) {
			wfm_err_prefix(e, "%s:%ld: ", rd->tr_name, r->src);
			return e ? e->code : WFM_EDATA;
		}
	}
	return WFM_OK;
}

static void reader_release(reader *rd)
{
	int i;

	for (i = 0; i < rd->ncode; i++)
		free(rd->code[i]);
	for (i = 0; i < rd->ntr; i++) {
		free(rd->tr[i].name);
		free(rd->tr[i].skill);
		free(rd->tr[i].participants);
	}
	free(rd->code);
	free(rd->tr);
	free(rd->req);
	free(rd->need);
}

wfm_plan_input *wfm_pr_read(const wfm_pr_files *f, const wfm_config *cfg,
			    const wfm_calendar *cal, wfm_date from, wfm_date to,
			    wfm_pr_info *info, wfm_err *e)
{
	reader rd;
	wfm_plan_rules rules;
	wfm_plan_day days[7];
	int rc, nd = 0, i, scheduled = 0;

	memset(&rd, 0, sizeof rd);
	rd.f = f;
	rd.cfg = cfg;
	rd.cal = cal;
	if (cfg->requirement && strcmp(cfg->requirement, "agents") != 0) {
		if (strcmp(cfg->requirement, "scheduled") != 0) {
			wfm_pr_setting_error(cfg, "requirement", "must be agents or scheduled",
					 cfg->requirement, e);
			return NULL;
		}
		scheduled = 1;
	}
	if ((rc = wfm_pr_rules(cfg, &rules, e)) || (rc = read_requirements(&rd, scheduled, e)) ||
	    (rc = check_twice(&rd, e)) || (rc = plan_days(&rd, from, to, days, &nd, e)) ||
	    (rc = read_trainings(&rd, e)))
		goto fail;
	if (!(rd.in = wfm_plan_input_new(&rules, days, nd, e)) ||
	    (rc = add_requirements(&rd, e)))
		goto fail;
	for (i = 0; i < rd.ntr; i++)
		if (add_line(&rd, rd.tr[i].skill, e) < 0)
			goto fail;
	if ((rc = read_agents(&rd, e)) || (rc = read_leave(&rd, e)) ||
	    (rc = add_trainings(&rd, e)) ||
	    (rc = wfm_pr_capacity(rd.in, cfg, rd.need, rd.nneed, &rd.info, e)))
		goto fail;
	if (info)
		*info = rd.info;
	reader_release(&rd);
	return rd.in;
fail:
	wfm_plan_input_free(rd.in);
	reader_release(&rd);
	return NULL;
}
