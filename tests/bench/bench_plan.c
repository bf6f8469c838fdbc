/* bench_plan.c - solves a week written by scripts/gen-plan and checks it.
 *
 *   bench_plan [-v] [-r] [-t SECONDS] [-g GAP] [-l MODEL.lp] DIR
 *
 * Reads DIR/requirements.csv, agents.csv, leave.csv, trainings.csv (the
 * generator's files: no quoted fields), builds the plan input with the
 * default rules (deferred work due two plan days after its release), solves
 * it, runs the independent checker and prints one line:
 *   agents=N status=S objective=X bound=Y gap=Z seconds=T violations=V
 * -v prints the solver's progress to stderr, -r the leave decisions.  Exit 0 when the plan passes
 * the checker, 1 otherwise.  Built by scripts/bench-plan. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plan/plan.h"
#include "plancheck.h"
#include "common/value.h"

#define MAXF 16

static int split(char *s, char **f)
{
	int n = 0;

	s[strcspn(s, "\r\n")] = '\0';
	f[n++] = s;
	for (; *s && n < MAXF; s++)
		if (*s == ',') {
			*s = '\0';
			f[n++] = s + 1;
		}
	return n;
}

static int col(char **hdr, int n, const char *name)
{
	int i;

	for (i = 0; i < n; i++)
		if (strcmp(hdr[i], name) == 0)
			return i;
	fprintf(stderr, "bench_plan: no column '%s'\n", name);
	exit(2);
}

static FILE *open_in(const char *dir, const char *name)
{
	char p[4096];
	FILE *f;

	snprintf(p, sizeof p, "%s/%s", dir, name);
	f = fopen(p, "r");
	if (!f) {
		fprintf(stderr, "bench_plan: cannot open %s\n", p);
		exit(2);
	}
	return f;
}

static wfm_date date_of(const char *s)
{
	wfm_date d;

	if (wfm_parse_date(s, &d)) {
		fprintf(stderr, "bench_plan: bad date '%s'\n", s);
		exit(2);
	}
	return d;
}

static int minutes_of(const char *s)
{
	int sec;

	if (!*s)
		return -1;
	if (wfm_parse_clock(s, &sec)) {
		fprintf(stderr, "bench_plan: bad time '%s'\n", s);
		exit(2);
	}
	return sec / 60;
}

static int progress(const wfm_plan_progress *p, void *ctx)
{
	(void)ctx;
	fprintf(stderr, "[%7.2fs] %-15s objective %10.3f bound %10.3f gap %7.4f\n", p->seconds,
		p->phase, p->objective, p->bound, p->gap);
	return 0;
}

static void die(const wfm_err *e)
{
	fprintf(stderr, "bench_plan: %s\n", e->msg);
	exit(2);
}

int main(int argc, char **argv)
{
	char line[65536], *h[MAXF], *f[MAXF], hdrbuf[4096];
	const char *dir = NULL, *lp = NULL;
	int verbose = 0, reasons = 0, i, n, nd = 0;
	double tl = 30, gap = 0.01;
	wfm_date dates[7];
	wfm_plan_rules ru;
	wfm_plan_day days[7];
	wfm_plan_input *in;
	wfm_plan_options o;
	wfm_plan_result *res;
	plancheck pc;
	wfm_err e = {0};
	FILE *fp;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-v"))
			verbose = 1;
		else if (!strcmp(argv[i], "-r"))
			reasons = 1;
		else if (!strcmp(argv[i], "-t") && i + 1 < argc)
			tl = strtod(argv[++i], NULL);
		else if (!strcmp(argv[i], "-g") && i + 1 < argc)
			gap = strtod(argv[++i], NULL);
		else if (!strcmp(argv[i], "-l") && i + 1 < argc)
			lp = argv[++i];
		else
			dir = argv[i];
	}
	if (!dir) {
		fprintf(stderr, "usage: bench_plan [-v] [-r] [-t SECONDS] [-g GAP] [-l MODEL.lp] DIR\n");
		return 2;
	}
	/* the days: every date of the requirements, open 09:00-19:00 */
	fp = open_in(dir, "requirements.csv");
	if (!fgets(hdrbuf, sizeof hdrbuf, fp))
		return 2;
	n = split(hdrbuf, h);
	{
		int cd = col(h, n, "date");

		while (fgets(line, sizeof line, fp)) {
			wfm_date d;
			int k;

			split(line, f);
			d = date_of(f[cd]);
			for (k = 0; k < nd && dates[k] != d; k++)
				;
			if (k == nd && nd < 7)
				dates[nd++] = d;
		}
	}
	for (i = 0; i < nd; i++) {
		days[i].date = dates[i];
		days[i].opens = 540;
		days[i].closes = 1140;
	}
	wfm_plan_rules_default(&ru);
	in = wfm_plan_input_new(&ru, days, nd, &e);
	if (!in)
		die(&e);
	rewind(fp);
	if (!fgets(hdrbuf, sizeof hdrbuf, fp))
		return 2;
	n = split(hdrbuf, h);
	{
		int cd = col(h, n, "date"), ct = col(h, n, "time"), cl = col(h, n, "line");
		int ca = col(h, n, "agents"), cc = col(h, n, "channel");

		while (fgets(line, sizeof line, fp)) {
			int d, l, r;
			double v = strtod((split(line, f), f[ca]), NULL);

			d = wfm_plan_day_index(in, date_of(f[cd]));
			l = wfm_plan_add_line(in, f[cl], 1.0, &e);
			if (l < 0)
				die(&e);
			if (!*f[ct] || strcmp(f[cc], "email") == 0)
				r = wfm_plan_add_deferred(in, l, d, v, d + 2, &e);
			else
				r = wfm_plan_add_requirement(in, d, minutes_of(f[ct]), l, v, &e);
			if (r)
				die(&e);
		}
	}
	fclose(fp);
	fp = open_in(dir, "agents.csv");
	if (!fgets(hdrbuf, sizeof hdrbuf, fp))
		return 2;
	n = split(hdrbuf, h);
	{
		int ca = col(h, n, "agent"), cs = col(h, n, "skills"), chw = col(h, n, "hours_per_week");
		int cdw = col(h, n, "days_per_week"), ces = col(h, n, "earliest_start");
		int cle = col(h, n, "latest_end"), cu = col(h, n, "unavailable");
		int cp = col(h, n, "preferred_start");

		while (fgets(line, sizeof line, fp)) {
			wfm_plan_agent_spec sp;
			wfm_date un[7];
			char *p;

			split(line, f);
			memset(&sp, 0, sizeof sp);
			sp.name = f[ca];
			sp.skills = f[cs];
			sp.hours_per_week = strtod(f[chw], NULL);
			sp.days_per_week = *f[cdw] ? atoi(f[cdw]) : 0;
			sp.earliest_start = minutes_of(f[ces]);
			sp.latest_end = minutes_of(f[cle]);
			sp.pref_from = sp.pref_to = -1;
			if (*f[cp]) {
				p = strchr(f[cp], '-');
				if (p) {
					*p = '\0';
					sp.pref_from = minutes_of(f[cp]);
					sp.pref_to = minutes_of(p + 1);
				}
			}
			for (p = f[cu]; *p && sp.n_unavailable < 7;) {
				char *q = strchr(p, '|');

				if (q)
					*q = '\0';
				un[sp.n_unavailable++] = date_of(p);
				if (!q)
					break;
				p = q + 1;
			}
			sp.unavailable = un;
			if (wfm_plan_add_agent(in, &sp, &e) < 0)
				die(&e);
		}
	}
	fclose(fp);
	fp = open_in(dir, "leave.csv");
	if (!fgets(hdrbuf, sizeof hdrbuf, fp))
		return 2;
	n = split(hdrbuf, h);
	{
		int ca = col(h, n, "agent"), cf = col(h, n, "from"), ct = col(h, n, "to");
		int cs = col(h, n, "status");

		while (fgets(line, sizeof line, fp)) {
			int a;

			split(line, f);
			a = wfm_plan_agent_index(in, f[ca]);
			if (a < 0 || wfm_plan_add_leave(in, a, date_of(f[cf]), date_of(f[ct]),
							strcmp(f[cs], "requested") == 0, &e))
				die(&e);
		}
	}
	fclose(fp);
	fp = open_in(dir, "trainings.csv");
	if (!fgets(hdrbuf, sizeof hdrbuf, fp))
		return 2;
	n = split(hdrbuf, h);
	{
		int cn = col(h, n, "training"), cs = col(h, n, "skill"), cm = col(h, n, "minutes");
		int cg0 = col(h, n, "group_min"), cg1 = col(h, n, "group_max");
		int cp = col(h, n, "participants"), cf = col(h, n, "from"), ct = col(h, n, "to");

		while (fgets(line, sizeof line, fp)) {
			wfm_plan_training_spec ts;

			split(line, f);
			ts.name = f[cn];
			ts.skill = f[cs];
			ts.minutes = atoi(f[cm]);
			ts.group_min = atoi(f[cg0]);
			ts.group_max = atoi(f[cg1]);
			ts.participants = f[cp];
			ts.from = date_of(f[cf]);
			ts.to = date_of(f[ct]);
			if (wfm_plan_add_training(in, &ts, &e) < 0)
				die(&e);
		}
	}
	fclose(fp);
	if (lp && wfm_plan_write_lp(in, lp, &e))
		die(&e);
	wfm_plan_options_default(&o);
	o.time_limit = tl;
	o.gap = gap;
	if (verbose)
		o.progress = progress;
	if (wfm_plan_solve(in, &o, &res, &e))
		die(&e);
	plancheck_run(in, res, &pc);
	printf("agents=%d status=%d objective=%.4f bound=%.4f gap=%.4f seconds=%.1f under_h=%.1f "
	       "over_h=%.1f granted=%d refused=%d violations=%d\n",
	       in->n_agents, res->status, res->objective, res->bound, res->gap, res->seconds,
	       res->under_hours, res->over_hours, res->leave_granted, res->leave_refused,
	       pc.violations);
	if (pc.violations)
		fprintf(stderr, "%s", pc.first);
	for (i = 0; reasons && i < res->n_decisions; i++) {
		const wfm_plan_decision *dc = &res->decision[i];
		const wfm_plan_leave *lv = &in->leave[dc->leave];
		char b1[11];

		printf("leave %s %s: %s%s\n", in->agent[lv->agent].name, wfm_date_iso(lv->from, b1),
		       dc->granted ? "granted" : "refused: ", dc->granted ? "" : dc->reason);
	}
	wfm_plan_result_free(res);
	wfm_plan_input_free(in);
	return pc.violations != 0;
}
