/* reportrun_cap.c - the capacity section: FTE required against available
 * in the coming weeks, the leave allowance, the quietest days and the cost
 * estimate (see README.md, wfm-report, capacity).
 *
 * Required: the scheduled hours (after shrinkage) that wfm-staff's models
 * give for the forecast with the [staff] settings, per day.  Available:
 * every agent's contract, hours_per_week / 5 on each open day (contract
 * hours follow the open days, as in wfm-plan), minus approved leave: a
 * leave day takes hours_per_week / days_per_week, at most the agent's hours
 * of that week.  FTE = hours / (fte_hours / 5) per day, / fte_hours per
 * week.  The leave allowance of a day is the spare hours in whole
 * agent-days of the agents' mean day (sum of hours_per_week over sum of
 * days_per_week), rounded down. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "reportrun_impl.h"
#include "staffrun.h"
#include "common/channel.h"
#include "common/grow.h"
#include "common/value.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* ---- [report] prices_lines and entities ---- */

typedef struct price {
	char line[48];
	int channel;
	double price;
} price;

typedef struct rr_entity {
	char line[48];
	char name[128];
} rr_entity;

typedef struct cap {
	wfm_rr *r;
	price *price;
	size_t nprice, capprice;
	rr_entity *ent;
	size_t nent, capent;
	/* agents */
	char (*agent)[64];
	double *hpw, *dpw;
	size_t nagent, capagent;
	double *leave_h, *requested; /* per day */
	wfm_date first;              /* of the forecast */
	size_t days;
} cap;

/* An error in the setting `key` of [report] (wfm_config_value_error). */
#define setting_error(cfg, key, e, ...) wfm_config_value_error(cfg, "report", key, e, __VA_ARGS__)

/* The next item of a comma list into item (size n), without blanks around;
 * returns the rest, or NULL at the end. */
static const char *next_item(const char *s, char *item, size_t n, int *too_long)
{
	size_t len = strcspn(s, ","), a = 0, b = len;

	while (a < b && (s[a] == ' ' || s[a] == '\t'))
		a++;
	while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t'))
		b--;
	*too_long = b - a >= n;
	snprintf(item, n, "%.*s", (int)(b - a), s + a);
	return s[len] ? s + len + 1 : NULL;
}

static int parse_prices(cap *c, wfm_err *e)
{
	static const wfm_numfmt point = {'.', 0};
	const char *s = c->r->cfg->prices_lines;
	char item[128];
	int too_long;

	while (s) {
		char *slash, *sp;
		price p;
		const char *why;

		s = next_item(s, item, sizeof item, &too_long);
		slash = strchr(item, '/');
		sp = slash ? strpbrk(slash, " \t") : NULL;
		if (too_long || !slash || !sp || slash == item || slash - item >= 48)
			return setting_error(c->r->cfg, "prices_lines", e, "expected LINE/CHANNEL "
					     "PRICE, ...: '%s'", item);
		*slash = *sp = '\0';
		wfm_trim_copy(item, p.line, sizeof p.line);
		if ((p.channel = wfm_channel_parse(slash + 1)) < 0)
			return setting_error(c->r->cfg, "prices_lines", e, "unknown channel: '%s'",
					     slash + 1);
		if ((why = wfm_parse_number(sp + 1, point, &p.price)) || p.price < 0)
			return setting_error(c->r->cfg, "prices_lines", e, "%s: '%s'",
					     why ? why : "negative", sp + 1);
		if (wfm_grow((void **)&c->price, &c->capprice, c->nprice + 1, sizeof *c->price))
			return wfm_err_nomem(e);
		c->price[c->nprice++] = p;
	}
	return WFM_OK;
}

static int parse_entities(cap *c, wfm_err *e)
{
	const char *s = c->r->cfg->entities;
	char item[200];
	int too_long;

	while (s) {
		char *eq;
		rr_entity x;

		s = next_item(s, item, sizeof item, &too_long);
		eq = strchr(item, '=');
		if (too_long || !eq || eq == item || !eq[1] || eq - item >= 48)
			return setting_error(c->r->cfg, "entities", e, "expected LINE=ENTITY, ...: "
					     "'%s'", item);
		*eq = '\0';
		wfm_trim_copy(item, x.line, sizeof x.line);
		wfm_trim_copy(eq + 1, x.name, sizeof x.name);
		if (wfm_grow((void **)&c->ent, &c->capent, c->nent + 1, sizeof *c->ent))
			return wfm_err_nomem(e);
		c->ent[c->nent++] = x;
	}
	return WFM_OK;
}

/* The price of a contact of (line, channel); NAN when not given. */
static double price_of(const cap *c, const char *line, int channel)
{
	const wfm_config *cfg = c->r->cfg;
	const double ch[] = {cfg->price_phone, cfg->price_email, cfg->price_chat,
			     cfg->price_social, cfg->price_callback};

	for (size_t i = 0; i < c->nprice; i++)
		if (c->price[i].channel == channel && strcmp(c->price[i].line, line) == 0)
			return c->price[i].price;
	return ch[channel] >= 0 ? ch[channel] : NAN;
}

static const char *entity_of(const cap *c, const char *line)
{
	for (size_t i = 0; i < c->nent; i++)
		if (strcmp(c->ent[i].line, line) == 0)
			return c->ent[i].name;
	return line;
}

/* ---- agents and leave ---- */

enum { A_AGENT, A_HPW, A_DPW, NA };
static const char *const al_agent[] = {"medewerker", NULL};
static const char *const al_hpw[] = {"uren_per_week", "urenperweek", NULL};
static const char *const al_dpw[] = {"dagen_per_week", "dagenperweek", NULL};
static const wfm_csv_col agent_cols[NA] = {
	{"agent", al_agent, 1}, {"hours_per_week", al_hpw, 1}, {"days_per_week", al_dpw, 0},
};

static int read_agents(cap *c, const char *path, wfm_err *e)
{
	rr_csv f;
	int rc = wfm_rr_csv_open(&f, path, agent_cols, NA, e);

	while (rc == WFM_OK && (rc = wfm_rr_csv_next(&f, e)) > 0) {
		char name[64];
		double hpw, dpw = 5;

		if ((rc = wfm_rr_line(&f, A_AGENT, name, sizeof name, e)) ||
		    (rc = wfm_rr_amount(&f, A_HPW, 0, &hpw, e)))
			break;
		if (hpw > 168) {
			rc = wfm_rr_bad(&f, A_HPW, "more than 168 hours", e);
			break;
		}
		if (f.idx[A_DPW] >= 0 && !wfm_blank(wfm_rr_cell(&f, A_DPW))) {
			if ((rc = wfm_rr_amount(&f, A_DPW, 0, &dpw, e)))
				break;
			if (dpw < 1 || dpw > 7 || dpw != floor(dpw)) {
				rc = wfm_rr_bad(&f, A_DPW, "not a whole number of days 1 to 7", e);
				break;
			}
		}
		for (size_t i = 0; i < c->nagent; i++) {
			if (strcmp(c->agent[i], name) == 0) {
				rc = wfm_rr_bad(&f, A_AGENT, "given twice", e);
				break;
			}
		}
		if (rc)
			break;
		if (c->nagent + 1 > c->capagent) {
			size_t ncap = c->capagent ? 2 * c->capagent : 64;
			void *a = realloc(c->agent, ncap * sizeof *c->agent);
			double *h = a ? realloc(c->hpw, ncap * sizeof *h) : NULL;
			double *d;

			if (a)
				c->agent = a;
			if (h)
				c->hpw = h;
			if (!a || !h || !(d = realloc(c->dpw, ncap * sizeof *d))) {
				rc = wfm_err_nomem(e);
				break;
			}
			c->dpw = d;
			c->capagent = ncap;
		}
		snprintf(c->agent[c->nagent], sizeof c->agent[0], "%s", name);
		c->hpw[c->nagent] = hpw;
		c->dpw[c->nagent++] = dpw;
	}
	if (rc < 0)
		rc = e->code;
	if (rc == WFM_OK && c->nagent == 0)
		rc = wfm_err_set(e, WFM_EDATA, "%s: no agents", wfm_csv_name(f.csv));
	wfm_rr_csv_close(&f);
	return rc;
}

enum { L_AGENT, L_FROM, L_TO, L_STATUS, NL };
static const char *const al_from[] = {"van", NULL};
static const char *const al_to[] = {"tot", NULL};
static const char *const al_status[] = {"status", NULL};
static const wfm_csv_col leave_cols[NL] = {
	{"agent", al_agent, 1}, {"from", al_from, 1}, {"to", al_to, 1},
	{"status", al_status, 1},
};

/* Approved leave into c->leave_h, requested leave days into c->requested. */
static int read_leave(cap *c, const char *path, wfm_err *e)
{
	const wfm_calendar *cal = c->r->cal;
	rr_csv f;
	int rc = wfm_rr_csv_open(&f, path, leave_cols, NL, e);

	while (rc == WFM_OK && (rc = wfm_rr_csv_next(&f, e)) > 0) {
		char name[64], status[16];
		wfm_date from, to;
		size_t a;
		int approved;

		if ((rc = wfm_rr_line(&f, L_AGENT, name, sizeof name, e)) ||
		    (rc = wfm_rr_date(&f, L_FROM, &from, e)) || (rc = wfm_rr_date(&f, L_TO, &to, e)))
			break;
		if (to < from) {
			rc = wfm_rr_bad(&f, L_TO, "before 'from'", e);
			break;
		}
		wfm_trim_copy(wfm_rr_cell(&f, L_STATUS), status, sizeof status);
		approved = !strcmp(status, "approved") || !strcmp(status, "goedgekeurd");
		if (!approved && strcmp(status, "requested") && strcmp(status, "aangevraagd")) {
			rc = wfm_rr_bad(&f, L_STATUS, "not approved or requested", e);
			break;
		}
		for (a = 0; a < c->nagent && strcmp(c->agent[a], name); a++)
			;
		if (a == c->nagent) {
			rc = wfm_rr_bad(&f, L_AGENT, "no such agent in the agents file", e);
			break;
		}
		/* week by week: leave days at hours / days, at most the week's hours */
		for (wfm_date w = from - wfm_date_weekday(from); w <= to; w += 7) {
			wfm_date a0 = w > from ? w : from, a1 = w + 6 < to ? w + 6 : to;
			double k = 0, open = 0, take;

			for (wfm_date d = w; d < w + 7; d++)
				open += wfm_calendar_open(cal, d);
			for (wfm_date d = a0; d <= a1; d++)
				k += wfm_calendar_open(cal, d);
			if (k == 0)
				continue;
			take = fmin(k * c->hpw[a] / c->dpw[a], c->hpw[a] * open / 5) / k;
			for (wfm_date d = a0; d <= a1; d++) {
				size_t i = (size_t)(d - c->first);

				if (d < c->first || i >= c->days || !wfm_calendar_open(cal, d))
					continue;
				if (approved)
					c->leave_h[i] += take;
				else
					c->requested[i]++;
			}
		}
	}
	if (rc < 0)
		rc = e->code;
	wfm_rr_csv_close(&f);
	return rc;
}

/* ---- the tables ---- */

enum { Y_DATE, Y_WD, Y_REQ, Y_AVAIL, Y_LEAVE, Y_FREQ, Y_FAVAIL, Y_SPARE, Y_ALLOW, Y_ASKED };
static const rr_col day_cols[] = {
	{"date", WFM_TC_DATE, 0},          {"weekday", WFM_TC_TEXT, 0},
	{"hours_required", WFM_TC_NUM, 2}, {"hours_available", WFM_TC_NUM, 2},
	{"leave_hours", WFM_TC_NUM, 2},    {"fte_required", WFM_TC_NUM, 2},
	{"fte_available", WFM_TC_NUM, 2},  {"fte_spare", WFM_TC_NUM, 2},
	{"leave_allowance", WFM_TC_NUM, 0}, {"leave_requested", WFM_TC_NUM, 0},
};
enum { W_WEEK, W_REQ, W_AVAIL, W_LEAVE, W_FREQ, W_FAVAIL, W_SPARE };
static const rr_col week_cols[] = {
	{"week", WFM_TC_DATE, 0},          {"hours_required", WFM_TC_NUM, 2},
	{"hours_available", WFM_TC_NUM, 2}, {"leave_hours", WFM_TC_NUM, 2},
	{"fte_required", WFM_TC_NUM, 2},   {"fte_available", WFM_TC_NUM, 2},
	{"fte_spare", WFM_TC_NUM, 2},
};
enum { Q_RANK, Q_DATE, Q_WD, Q_SPARE, Q_ALLOW };
static const rr_col quiet_cols[] = {
	{"rank", WFM_TC_NUM, 0},      {"date", WFM_TC_DATE, 0},       {"weekday", WFM_TC_TEXT, 0},
	{"fte_spare", WFM_TC_NUM, 2}, {"leave_allowance", WFM_TC_NUM, 0},
};
enum { K_ENTITY, K_LINE, K_CHANNEL, K_CONTACTS, K_HOURS, K_STAFF, K_CONTACT, K_TOTAL };
static const rr_col cost_cols[] = {
	{"entity", WFM_TC_TEXT, 0},     {"line", WFM_TC_TEXT, 0},
	{"channel", WFM_TC_TEXT, 0},    {"contacts", WFM_TC_NUM, 0},
	{"scheduled_h", WFM_TC_NUM, 2}, {"staff_cost", WFM_TC_NUM, 2},
	{"contact_cost", WFM_TC_NUM, 2}, {"total_cost", WFM_TC_NUM, 2},
};

/* One series' contacts and hours over the outlook. */
typedef struct cser {
	const char *entity;
	const char *line;
	int channel;
	double contacts, hours, price;
} cser;

static int cser_cmp(const void *a, const void *b)
{
	const cser *x = a, *y = b;
	int c = strcmp(x->entity, y->entity);

	if (!c)
		c = strcmp(x->line, y->line);
	return c ? c : (x->channel > y->channel) - (x->channel < y->channel);
}

static int cost_row(wfm_table *t, const char *entity, const char *line, const char *channel,
		    double contacts, double hours, const wfm_cost *k, wfm_err *e)
{
	int rc;

	if ((rc = wfm_rr_row(t, e)) || (rc = wfm_rr_text(t, K_ENTITY, entity, e)) ||
	    (rc = wfm_rr_text(t, K_LINE, line, e)) || (rc = wfm_rr_text(t, K_CHANNEL, channel, e)))
		return rc;
	wfm_rr_num(t, K_CONTACTS, contacts);
	wfm_rr_num(t, K_HOURS, hours);
	wfm_rr_num(t, K_STAFF, k->staff);
	wfm_rr_num(t, K_CONTACT, k->contacts);
	wfm_rr_num(t, K_TOTAL, k->total);
	return WFM_OK;
}

/* Adds a NAN-aware amount: a sum stays NAN only while every part is. */
static void add_known(double *sum, double x)
{
	if (isfinite(x))
		*sum = isfinite(*sum) ? *sum + x : x;
}

/* Sums of rows of the cost table. */
typedef struct csum {
	double contacts, hours;
	wfm_cost k;
} csum;

static void csum_add(csum *a, const cser *s, const wfm_cost *k)
{
	a->contacts += s->contacts;
	a->hours += s->hours;
	add_known(&a->k.staff, k->staff);
	add_known(&a->k.contacts, k->contacts);
	add_known(&a->k.total, k->total);
}

static int cost_table(cap *c, const wfm_sr_result *res, size_t n, wfm_err *e)
{
	wfm_rr *r = c->r;
	wfm_table *t = wfm_rr_add_table(r, "cost", wfm_rr_t(r, "Cost estimate per line and "
					"channel"), cost_cols, N(cost_cols), e);
	double hourly = r->cfg->hourly_cost >= 0 ? r->cfg->hourly_cost : NAN;
	csum all = {0, 0, {NAN, NAN, NAN}};
	cser *s = NULL;
	size_t ns = 0, cap_s = 0;
	int rc = t ? WFM_OK : e->code;

	for (size_t i = 0; i < n && rc == WFM_OK; i++) {
		size_t k;

		for (k = 0; k < ns && (s[k].channel != res[i].channel ||
				       strcmp(s[k].line, res[i].line)); k++)
			;
		if (k == ns) {
			if (wfm_grow((void **)&s, &cap_s, ns + 1, sizeof *s)) {
				rc = wfm_err_nomem(e);
				break;
			}
			s[ns++] = (cser){entity_of(c, res[i].line), res[i].line, res[i].channel, 0,
					 0, price_of(c, res[i].line, res[i].channel)};
		}
		s[k].contacts += res[i].volume;
		s[k].hours += res[i].scheduled_h;
	}
	if (rc == WFM_OK)
		qsort(s, ns, sizeof *s, cser_cmp);
	for (size_t i = 0, j; i < ns && rc == WFM_OK; i = j) {
		csum ent = {0, 0, {NAN, NAN, NAN}};

		for (j = i; j < ns && !strcmp(s[j].entity, s[i].entity) && rc == WFM_OK; j++) {
			wfm_cost k = wfm_cost_estimate(s[j].hours, hourly, s[j].contacts,
						       s[j].price);

			rc = cost_row(t, s[j].entity, s[j].line, wfm_rr_channel(r, s[j].channel),
				      s[j].contacts, s[j].hours, &k, e);
			csum_add(&ent, &s[j], &k);
			csum_add(&all, &s[j], &k);
		}
		if (rc == WFM_OK && j - i > 1)
			rc = cost_row(t, s[i].entity, "", wfm_rr_t(r, "total"), ent.contacts,
				      ent.hours, &ent.k, e);
	}
	if (rc == WFM_OK && ns > 0)
		rc = cost_row(t, wfm_rr_t(r, "total"), "", "", all.contacts, all.hours, &all.k, e);
	free(s);
	return rc;
}

static int quiet(cap *c, const double *spare, const long *allow, const unsigned char *open,
		 wfm_err *e)
{
	wfm_rr *r = c->r;
	wfm_table *t = wfm_rr_add_table(r, "quiet-days", wfm_rr_t(r, "The quietest days, for "
					"trainings"), quiet_cols, N(quiet_cols), e);
	unsigned char *taken = calloc(c->days + 1, 1);
	int rc = t && taken ? WFM_OK : t ? wfm_err_nomem(e) : e->code;

	for (int k = 1; k <= r->cfg->quiet_days && rc == WFM_OK; k++) {
		size_t best = c->days;

		for (size_t i = 0; i < c->days; i++)
			if (open[i] && !taken[i] && (best == c->days || spare[i] > spare[best] + 1e-9))
				best = i;
		if (best == c->days)
			break;
		taken[best] = 1;
		if ((rc = wfm_rr_row(t, e)) ||
		    (rc = wfm_rr_text(t, Q_WD, wfm_rr_weekday(r, c->first + (wfm_date)best), e)))
			break;
		wfm_rr_num(t, Q_RANK, k);
		wfm_rr_num(t, Q_DATE, c->first + (wfm_date)best);
		wfm_rr_num(t, Q_SPARE, spare[best]);
		wfm_rr_num(t, Q_ALLOW, (double)allow[best]);
	}
	free(taken);
	return rc;
}

static int week_table(cap *c, const double *req, const double *avail, const double *leave,
		      const unsigned char *open, wfm_err *e)
{
	wfm_rr *r = c->r;
	wfm_table *t = wfm_rr_add_table(r, "capacity-week", wfm_rr_t(r, "Capacity per week: FTE "
					"required against available"), week_cols, N(week_cols), e);
	double fte = r->cfg->fte_hours;
	size_t i = 0;
	int rc = t ? WFM_OK : e->code;

	while (i < c->days && rc == WFM_OK) {
		wfm_date w = c->first + (wfm_date)i - wfm_date_weekday(c->first + (wfm_date)i);
		double q = 0, a = 0, l = 0;
		int any = 0;

		for (; i < c->days && c->first + (wfm_date)i < w + 7; i++) {
			if (!open[i])
				continue;
			any = 1;
			q += req[i];
			a += avail[i];
			l += leave[i];
		}
		if (!any || (rc = wfm_rr_row(t, e)))
			continue;
		wfm_rr_num(t, W_WEEK, w);
		wfm_rr_num(t, W_REQ, q);
		wfm_rr_num(t, W_AVAIL, a);
		wfm_rr_num(t, W_LEAVE, l);
		wfm_rr_num(t, W_FREQ, q / fte);
		wfm_rr_num(t, W_FAVAIL, a / fte);
		wfm_rr_num(t, W_SPARE, (a - q) / fte);
	}
	if (rc == WFM_OK && t->nrow > 0) {
		wfm_tchart ch = {wfm_rr_t(r, "FTE required against available per week"),
				 WFM_CHART_COLUMN, W_WEEK, {W_FREQ, W_FAVAIL}, 2, 0, t->nrow,
				 wfm_rr_t(r, "FTE")};

		rc = wfm_table_add_chart(t, &ch, e);
	}
	return rc;
}

static void cap_release(cap *c)
{
	free(c->price);
	free(c->ent);
	free(c->agent);
	free(c->hpw);
	free(c->dpw);
	free(c->leave_h);
	free(c->requested);
}

int wfm_rr_capacity(wfm_rr *r, const wfm_rr_files *f, wfm_err *e)
{
	cap c;
	wfm_sr_settings s;
	wfm_sr *run = NULL;
	wfm_sr_result *res = NULL;
	size_t nres = 0;
	double *req = NULL, *avail = NULL, *spare = NULL, day_h, hpw = 0, dpw = 0;
	long *allow = NULL;
	unsigned char *open = NULL;
	wfm_table *t;
	int rc;

	if (!f->forecast || !f->agents)
		return wfm_err_set(e, WFM_EUSAGE, "the capacity section needs --forecast and "
				   "--agents");
	memset(&c, 0, sizeof c);
	memset(&s, 0, sizeof s);
	c.r = r;
	if ((rc = parse_prices(&c, e)) || (rc = parse_entities(&c, e)) ||
	    (rc = wfm_sr_settings_init(&s, r->cfg, e)))
		goto done;
	if (r->o.from <= r->o.to) {
		s.from = r->o.from;
		s.to = r->o.to;
	}
	if (!(run = wfm_sr_read(f->forecast, &s, r->cal, e)) || (rc = wfm_sr_require(run, e)) ||
	    (rc = wfm_sr_results(run, &res, &nres, e)))
		goto fail;
	if (nres == 0) {
		rc = wfm_err_set(e, WFM_EDATA, "%s: no forecast rows in the days asked for",
				 f->forecast);
		goto done;
	}
	c.first = res[0].date;
	c.days = (size_t)(res[nres - 1].date - c.first + 1);
	req = calloc(c.days, sizeof *req);
	avail = calloc(c.days, sizeof *avail);
	spare = calloc(c.days, sizeof *spare);
	allow = calloc(c.days, sizeof *allow);
	open = calloc(c.days, 1);
	c.leave_h = calloc(c.days, sizeof *c.leave_h);
	c.requested = calloc(c.days, sizeof *c.requested);
	if (!req || !avail || !spare || !allow || !open || !c.leave_h || !c.requested) {
		rc = wfm_err_nomem(e);
		goto done;
	}
	for (size_t i = 0; i < nres; i++)
		req[res[i].date - c.first] += res[i].scheduled_h;
	if ((rc = read_agents(&c, f->agents, e)) || (f->leave && (rc = read_leave(&c, f->leave, e))))
		goto done;
	for (size_t a = 0; a < c.nagent; a++) {
		hpw += c.hpw[a];
		dpw += c.dpw[a];
	}
	day_h = dpw > 0 ? hpw / dpw : 0;
	if (!(t = wfm_rr_add_table(r, "capacity-day", wfm_rr_t(r, "Capacity per day: FTE "
				   "required against available"), day_cols, N(day_cols), e)))
		goto fail;
	for (size_t i = 0; i < c.days && rc == WFM_OK; i++) {
		wfm_date d = c.first + (wfm_date)i;
		double fday = r->cfg->fte_hours / 5;

		if (!(open[i] = (unsigned char)wfm_calendar_open(r->cal, d)))
			continue;
		wfm_rr_saw_day(r, d);
		avail[i] = hpw / 5 - c.leave_h[i];
		spare[i] = (avail[i] - req[i]) / fday;
		allow[i] = wfm_leave_allowance(avail[i], req[i], day_h);
		if ((rc = wfm_rr_row(t, e)) || (rc = wfm_rr_text(t, Y_WD, wfm_rr_weekday(r, d), e)))
			break;
		wfm_rr_num(t, Y_DATE, d);
		wfm_rr_num(t, Y_REQ, req[i]);
		wfm_rr_num(t, Y_AVAIL, avail[i]);
		wfm_rr_num(t, Y_LEAVE, c.leave_h[i]);
		wfm_rr_num(t, Y_FREQ, req[i] / fday);
		wfm_rr_num(t, Y_FAVAIL, avail[i] / fday);
		wfm_rr_num(t, Y_SPARE, spare[i]);
		wfm_rr_num(t, Y_ALLOW, allow[i] >= 0 ? (double)allow[i] : NAN);
		wfm_rr_num(t, Y_ASKED, f->leave ? c.requested[i] : NAN);
	}
	if (rc == WFM_OK)
		rc = week_table(&c, req, avail, c.leave_h, open, e);
	if (rc == WFM_OK)
		rc = quiet(&c, spare, allow, open, e);
	if (rc == WFM_OK)
		rc = cost_table(&c, res, nres, e);
	goto done;
fail:
	rc = e->code;
done:
	free(req);
	free(avail);
	free(spare);
	free(allow);
	free(open);
	free(res);
	wfm_sr_free(run);
	wfm_sr_settings_release(&s);
	cap_release(&c);
	return rc;
}
