/* wfm-week - the planner's weekly cycle on a data folder: ingest the new
 * exports, save the week's forecast snapshot, the service of the last week
 * and its backlog, the requirements, the plan and the report.  Each step is
 * one of the other wfm programs, run in the folder; the folder's layout and
 * the week are decided in lib/run/weekrun.c. */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "opt.h"
#include "tool.h"
#include "common/date.h"
#include "common/value.h"
#include "run/weekrun.h"
#include "setup/calendar.h"
#include "setup/config.h"

enum opt_id { O_STEP, O_WEEK, O_WEEKS, O_TIME_LIMIT, O_LANG, O_FORCE, O_HELP, O_VERSION,
	      O_COUNT };

static const struct tool_opt opts[O_COUNT] = {
	[O_STEP] = {"step", 0, "STEP", NULL, NULL, "run only this step (as the STEP operand): "
		    "ingest, forecast, service, staff, plan, report or all"},
	[O_WEEK] = {"week", 0, "YYYY-Www", NULL, NULL, "the ISO week to plan, e.g. 2026-W48 "
		    "(default: the week after the one of the history's last day)"},
	[O_WEEKS] = {"weeks", 0, "N", NULL, NULL, "weeks forecast from the planned week on, for "
		     "the capacity outlook; the forecast also reaches the end of every expected "
		     "volume that starts in it (default 6)"},
	[O_TIME_LIMIT] = {"time-limit", 0, "S", "plan", "time_limit", "seconds wfm-plan may "
			  "run (default: time_limit of [plan] in the folder's wfm.conf, else 60)"},
	[O_LANG] = {"lang", 0, "en|nl", NULL, NULL, "language of the report (wfm-report --lang)"},
	[O_FORCE] = {"force", 0, NULL, NULL, NULL, "make the week's forecast snapshot again even "
		     "when it exists (it is kept by default: one snapshot per week)"},
	TOOL_OPT_HELP_ROWS,
};

static const char usage_head[] =
"usage: wfm-week [options] [STEP] [FOLDER]\n"
"\n"
"Runs the planner's weekly cycle on the data FOLDER (default: the current\n"
"folder), each step one of the wfm programs run in FOLDER with its wfm.conf:\n"
"\n"
"  ingest    the exports in inbox/ into history.csv (wfm-ingest --into); each\n"
"            ingested export then moves to done/, so a rerun reads it no more\n"
"  forecast  the interval forecast of the week and the weeks after, saved once\n"
"            as snapshots/forecast-MONDAY.csv (the entities' expected volumes\n"
"            that start in it included; kept on a rerun unless --force)\n"
"  service   the service of the history's last week and the backlog at its\n"
"            end: out/WEEK/service.csv, backlog.csv (wfm-report service)\n"
"  staff     the requirements from the snapshot, starting from that backlog:\n"
"            out/WEEK/requirements.csv, fte-day.csv (wfm-staff)\n"
"  plan      the roster of the week: out/WEEK/roster.csv, coverage.csv,\n"
"            decisions.csv, plan-summary.csv (wfm-plan; needs agents.csv,\n"
"            reads leave.csv and trainings.csv when present)\n"
"  report    accuracy of the snapshots of the 5 weeks before against the new\n"
"            actuals, service, plan and capacity: out/WEEK/report.xlsx, the\n"
"            charts report.svg and every table in report/ (wfm-report all)\n"
"\n"
"Without STEP (or with all) every step runs in this order; a step can be run\n"
"again alone.  A step that fails stops the run with its program's message,\n"
"naming the step, and the outputs of the steps before stay as they were (each\n"
"program replaces its files only when complete).  WEEK is the ISO week planned\n"
"(2026-W48).  closed.csv in FOLDER, when present, is given to every step as\n"
"--closed.\n"
"\n"
"Options:\n";

static const char usage_tail[] =
"\n"
"Example:\n"
"  wfm-week --time-limit 120 data/1700\n"
"  wfm-week plan --time-limit 300 data/1700\n"
"\n"
"Exit codes: 0 ok, 64 bad command line, 65 bad settings or data, 66 a file is\n"
"missing, 70 internal error, 73 cannot create an output, 74 I/O error, 75 the\n"
"solver found no plan in its time; a failed step's program gives the code.\n";

enum step { S_INGEST, S_FORECAST, S_SERVICE, S_STAFF, S_PLAN, S_REPORT, S_COUNT, S_ALL };
static const char *const step_name[S_COUNT] = {"ingest", "forecast", "service", "staff",
					       "plan", "report"};

/* What the steps share. */
struct week {
	const char *dir;         /* FOLDER as given, for the paths shown */
	char bindir[PATH_MAX];   /* where the other programs are, "" for PATH */
	wfm_config cfg;
	wfm_calendar *cal;
	int closed;              /* closed.csv is there */
	const char *week_opt;    /* --week */
	int weeks;               /* --weeks */
	const char *time_limit;  /* --time-limit */
	const char *lang;        /* --lang */
	int force;               /* --force */
	int all;                 /* every step runs */
	int have_week;
	wfm_date monday, sunday;
	char label[16];          /* 2026-W48 */
	char out[64];            /* out/2026-W48 */
	char snap[64];           /* snapshots/forecast-2026-11-23.csv */
	int planned;             /* the plan step wrote a plan */
};

static int exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* "FOLDER/path" for messages (the path alone when FOLDER is "."). */
static const char *shown(const struct week *w, const char *path)
{
	static char buf[4][PATH_MAX];
	static int k;
	char *b = buf[k++ & 3];

	if (strcmp(w->dir, ".") == 0)
		return path;
	snprintf(b, PATH_MAX, "%s%s%s", w->dir,
		 w->dir[strlen(w->dir) - 1] == '/' ? "" : "/", path);
	return b;
}

static int make_dir(const char *path)
{
	char buf[PATH_MAX], why[128];
	size_t i, n = strlen(path);

	if (n >= sizeof buf)
		return tool_error(73, "%s: name too long", path);
	memcpy(buf, path, n + 1);
	for (i = 1; i <= n; i++) {
		if (buf[i] != '/' && buf[i] != '\0')
			continue;
		buf[i] = '\0';
		if (mkdir(buf, 0777) != 0 && errno != EEXIST)
			return tool_error(73, "%s: %s", buf, wfm_errno_text(errno, why, sizeof why));
		buf[i] = path[i];
	}
	return 0;
}

/* The programs beside this one when they are there, else those on PATH. */
static void find_bindir(struct week *w, const char *argv0)
{
	char self[PATH_MAX], probe[PATH_MAX + 16];
	ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
	char *slash;

	w->bindir[0] = '\0';
	(void)argv0;
	if (n <= 0)
		return;
	self[n] = '\0';
	if (!(slash = strrchr(self, '/')))
		return;
	*slash = '\0';
	snprintf(probe, sizeof probe, "%s/wfm-ingest", self);
	if (access(probe, X_OK) == 0)
		snprintf(w->bindir, sizeof w->bindir, "%s", self);
}

/* An argument list under construction. */
struct cmd {
	const char *arg[64];
	int n;
	char buf[32][PATH_MAX];  /* storage for formatted arguments */
	int nbuf;
};

/* `prog`, its subcommand `sub` (or NULL), and --closed closed.csv when the
 * folder has it. */
static void cmd_start(struct cmd *c, const struct week *w, const char *prog, const char *sub)
{
	c->n = c->nbuf = 0;
	c->arg[c->n++] = prog;
	if (sub)
		c->arg[c->n++] = sub;
	if (w->closed) {
		c->arg[c->n++] = "--closed";
		c->arg[c->n++] = "closed.csv";
	}
}

static void add(struct cmd *c, const char *a)
{
	if (c->n < 63)
		c->arg[c->n++] = a;
}

static void addf(struct cmd *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void addf(struct cmd *c, const char *fmt, ...)
{
	va_list ap;

	if (c->nbuf >= 32)
		return;
	va_start(ap, fmt);
	vsnprintf(c->buf[c->nbuf], PATH_MAX, fmt, ap);
	va_end(ap);
	add(c, c->buf[c->nbuf++]);
}

/* Runs the command in the folder, showing it; returns its exit code (a
 * signal: 128 + its number). */
static int run(const struct week *w, struct cmd *c)
{
	char path[PATH_MAX + 64];
	int i, st;
	pid_t pid;

	c->arg[c->n] = NULL;
	fputs("   $", stdout);
	for (i = 0; i < c->n; i++)
		printf(" %s", c->arg[i]);
	putchar('\n');
	fflush(stdout);
	fflush(stderr);
	if (w->bindir[0])
		snprintf(path, sizeof path, "%s/%s", w->bindir, c->arg[0]);
	else
		snprintf(path, sizeof path, "%s", c->arg[0]);
	pid = fork();
	if (pid < 0)
		return tool_error(70, "cannot start %s: %s", c->arg[0], strerror(errno));
	if (pid == 0) {
		char *const *argv = (char *const *)(void *)c->arg;

		if (w->bindir[0])
			execv(path, argv);
		else
			execvp(path, argv);
		fprintf(stderr, "wfm-week: cannot run %s: %s\n", path, strerror(errno));
		_exit(errno == ENOENT ? 66 : 70);
	}
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			return tool_error(70, "waiting for %s: %s", c->arg[0], strerror(errno));
	if (WIFSIGNALED(st))
		return 128 + WTERMSIG(st);
	return WEXITSTATUS(st);
}

/* The message of a failed step; returns rc. */
static int failed(const struct week *w, int step, const char *prog, int rc, const char *fix)
{
	fprintf(stderr, "wfm-week: step '%s' failed: %s exited with %d%s%s; the outputs of the "
		"earlier steps are kept; rerun it with: wfm-week %s %s\n", step_name[step], prog,
		rc, fix ? ": " : "", fix ? fix : "", step_name[step], w->dir);
	return rc;
}

/* The week to plan: --week, else the week after the history's last day. */
static int resolve_week(struct week *w)
{
	wfm_err e = {0};
	wfm_date last;
	char iso[16];

	if (w->have_week)
		return 0;
	if (w->week_opt) {
		const char *why = wfm_parse_iso_week(w->week_opt, &w->monday);

		if (why)
			return tool_usage("--week: %s: '%s'", why, w->week_opt);
	} else {
		if (!exists("history.csv"))
			return tool_error(66, "%s: no history: put the canonical history there "
					  "(wfm-ingest -o) or exports in %s", shown(w, "history.csv"),
					  shown(w, "inbox/"));
		if (wfm_week_history_last("history.csv", w->cfg.interval, &last, &e) != WFM_OK)
			return tool_fail(&e);
		w->monday = wfm_week_next_monday(last);
		printf("history.csv ends on %s: planning the week after\n", wfm_date_iso(last, iso));
	}
	w->sunday = w->monday + 6;
	wfm_week_label(w->monday, w->label);
	snprintf(w->out, sizeof w->out, "out/%s", w->label);
	snprintf(w->snap, sizeof w->snap, "snapshots/");
	wfm_week_snapshot_name(w->monday, w->snap + strlen(w->snap));
	w->have_week = 1;
	return 0;
}

static void heading(const struct week *w, int step, const char *what)
{
	printf("\n== %s%s%s\n", step_name[step], what ? ": " : "", what ? what : "");
	(void)w;
}

/* Exports merged by one wfm-ingest; more are ingested in batches of this
 * many, each moved to done/ once merged. */
#define INGEST_BATCH 24

static int step_ingest(struct week *w)
{
	wfm_week_names in = {0};
	wfm_err e = {0};
	struct cmd c;
	char moved[PATH_MAX];
	size_t i, first;
	int rc = 0;

	heading(w, S_INGEST, "inbox/ -> history.csv");
	if (wfm_week_inbox("inbox", &in, &e) != WFM_OK)
		return tool_fail(&e);
	if (in.n == 0)
		printf("   %s is empty: nothing new\n", shown(w, "inbox/"));
	for (first = 0; first < in.n && rc == 0; first += INGEST_BATCH) {
		size_t end = first + INGEST_BATCH < in.n ? first + INGEST_BATCH : in.n;

		cmd_start(&c, w, "wfm-ingest", NULL);
		add(&c, "-q");
		add(&c, exists("history.csv") ? "--into" : "-o");
		add(&c, "history.csv");
		for (i = first; i < end; i++)
			addf(&c, "inbox/%s", in.name[i]);
		if ((rc = run(w, &c)) != 0) {
			rc = failed(w, S_INGEST, "wfm-ingest", rc, first ? "fix or remove the "
				    "export it names (this batch was not merged or moved; the "
				    "exports in done/ were)" : "fix or remove the export it names "
				    "(history.csv is unchanged and no export was moved)");
			break;
		}
		for (i = first; i < end; i++) {
			if (wfm_week_move_done("inbox", in.name[i], "done", moved, sizeof moved,
					       &e)) {
				rc = tool_fail(&e);
				break;
			}
			printf("   inbox/%s -> %s\n", in.name[i], moved);
		}
	}
	wfm_week_names_release(&in);
	return rc;
}

static int step_forecast(struct week *w)
{
	char expected[96], what[256], from[16], to[16];
	wfm_week_ev ev = {0};
	wfm_err e = {0};
	wfm_date end;
	struct cmd c;
	int rc;

	if ((rc = resolve_week(w)))
		return rc;
	end = w->sunday + 7 * (w->weeks - 1);
	snprintf(what, sizeof what, "%s -> %s", w->label, w->snap);
	heading(w, S_FORECAST, what);
	if (exists(w->snap) && !w->force) {
		printf("   %s exists: kept (one snapshot per week; --force makes it again)\n",
		       shown(w, w->snap));
		return 0;
	}
	if (!exists("history.csv"))
		return tool_error(66, "step 'forecast': %s is missing", shown(w, "history.csv"));
	if ((rc = make_dir("snapshots")) || (rc = make_dir(w->out)))
		return rc;
	expected[0] = '\0';
	if (exists("expected.csv")) {
		snprintf(expected, sizeof expected, "%s/expected.csv", w->out);
		if (wfm_week_expected("expected.csv", expected, w->monday, &ev, &e) != WFM_OK) {
			tool_fail(&e);
			return failed(w, S_FORECAST, "reading expected.csv", e.code, NULL);
		}
		printf("   expected.csv: %zu rows from %s on -> %s (%zu ended before)\n", ev.kept,
		       wfm_date_iso(w->monday, from), expected, ev.past);
		if (ev.cut)
			tool_warn("expected.csv:%ld: %zu expected volumes started before %s and "
				  "go on into it: the forecast leaves them out (split such a row "
				  "at the Monday)", ev.cut_line, ev.cut, from);
		if (ev.last > end)
			end = ev.last;
	}
	cmd_start(&c, w, "wfm-forecast", NULL);
	add(&c, "--grain");
	add(&c, "interval");
	add(&c, "--from");
	add(&c, wfm_date_iso(w->monday, from));
	add(&c, "--to");
	add(&c, wfm_date_iso(end, to));
	if (expected[0]) {
		add(&c, "--expected");
		add(&c, expected);
	}
	add(&c, "-o");
	add(&c, w->snap);
	add(&c, "history.csv");
	if ((rc = run(w, &c)) != 0)
		return failed(w, S_FORECAST, "wfm-forecast", rc, NULL);
	return 0;
}

/* The backlog file the previous cycle wrote (the opening backlog of the
 * last week's service), or NULL. */
static const char *prev_backlog(const struct week *w, char *buf, size_t n)
{
	char label[16];

	snprintf(buf, n, "out/%s/backlog.csv", wfm_week_label(w->monday - 7, label));
	return exists(buf) ? buf : NULL;
}

static int step_service(struct week *w)
{
	char prev[96], what[256];
	struct cmd c;
	int rc;

	if ((rc = resolve_week(w)))
		return rc;
	snprintf(what, sizeof what, "the history's last week -> %s/service.csv, backlog.csv",
		 w->out);
	heading(w, S_SERVICE, what);
	if (!exists("history.csv"))
		return tool_error(66, "step 'service': %s is missing", shown(w, "history.csv"));
	if ((rc = make_dir(w->out)))
		return rc;
	cmd_start(&c, w, "wfm-report", "service");
	add(&c, "--history");
	add(&c, "history.csv");
	if (prev_backlog(w, prev, sizeof prev)) {
		add(&c, "--backlog");
		add(&c, prev);
	}
	addf(&c, "--write-backlog=%s/backlog.csv", w->out);
	addf(&c, "--output=%s/service.csv", w->out);
	if ((rc = run(w, &c)) != 0)
		return failed(w, S_SERVICE, "wfm-report", rc, NULL);
	return 0;
}

/* The backlog for wfm-staff: out/WEEK/backlog.csv when it is dated on the
 * Monday or after the last working day before it; else NULL, with a note. */
static const char *staff_backlog(const struct week *w, char *buf, size_t n)
{
	wfm_err e = {0};
	wfm_date d, x;
	char a[16], b[16];

	snprintf(buf, n, "%s/backlog.csv", w->out);
	if (!exists(buf))
		return NULL;
	if (wfm_week_backlog_date(buf, &d, &e) != WFM_OK) {
		tool_warn("%s; the requirements start without a backlog", e.msg);
		return NULL;
	}
	if (d == 0)
		return buf;
	for (x = d; x < w->monday && !wfm_calendar_open(w->cal, x); x++)
		;
	if (d > w->monday || x < w->monday) {
		tool_warn("%s is the backlog of %s, not of the start of the week %s (the history "
			  "does not reach the last working day before it): the requirements "
			  "start without a backlog", buf, wfm_date_iso(d, a),
			  wfm_date_iso(w->monday, b));
		return NULL;
	}
	return buf;
}

static int step_staff(struct week *w)
{
	char backlog[96], what[256];
	const char *bl;
	struct cmd c;
	int rc, k;

	if ((rc = resolve_week(w)))
		return rc;
	snprintf(what, sizeof what, "%s -> %s/requirements.csv, fte-day.csv", w->snap, w->out);
	heading(w, S_STAFF, what);
	if (!exists(w->snap))
		return tool_error(66, "step 'staff': %s is missing: run wfm-week forecast %s first",
				  shown(w, w->snap), w->dir);
	if ((rc = make_dir(w->out)))
		return rc;
	bl = staff_backlog(w, backlog, sizeof backlog);
	for (k = 0; k < 2; k++) {
		cmd_start(&c, w, "wfm-staff", NULL);
		if (k) {
			add(&c, "--grain");
			add(&c, "day");
		}
		if (bl) {
			add(&c, "--backlog");
			add(&c, bl);
		}
		addf(&c, "--output=%s/%s", w->out, k ? "fte-day.csv" : "requirements.csv");
		add(&c, w->snap);
		if ((rc = run(w, &c)) != 0)
			return failed(w, S_STAFF, "wfm-staff", rc, NULL);
	}
	return 0;
}

static int step_plan(struct week *w)
{
	char req[96], what[256], from[16], to[16];
	struct cmd c;
	int rc;

	if ((rc = resolve_week(w)))
		return rc;
	snprintf(what, sizeof what, "%s .. %s -> %s/roster.csv, coverage.csv, decisions.csv",
		 wfm_date_iso(w->monday, from), wfm_date_iso(w->sunday, to), w->out);
	heading(w, S_PLAN, what);
	if (!exists("agents.csv")) {
		if (w->all) {
			printf("   no agents.csv in %s: no plan\n", w->dir);
			return 0;
		}
		return tool_error(66, "step 'plan': %s is missing", shown(w, "agents.csv"));
	}
	snprintf(req, sizeof req, "%s/requirements.csv", w->out);
	if (!exists(req))
		return tool_error(66, "step 'plan': %s is missing: run wfm-week staff %s first",
				  shown(w, req), w->dir);
	cmd_start(&c, w, "wfm-plan", NULL);
	add(&c, "--agents");
	add(&c, "agents.csv");
	if (exists("leave.csv")) {
		add(&c, "--leave");
		add(&c, "leave.csv");
	}
	if (exists("trainings.csv")) {
		add(&c, "--trainings");
		add(&c, "trainings.csv");
	}
	add(&c, "--week");
	add(&c, w->label);
	if (w->time_limit) {
		add(&c, "--time-limit");
		add(&c, w->time_limit);
	}
	addf(&c, "--coverage=%s/coverage.csv", w->out);
	addf(&c, "--decisions=%s/decisions.csv", w->out);
	addf(&c, "--summary=%s/plan-summary.csv", w->out);
	addf(&c, "--output=%s/roster.csv", w->out);
	add(&c, req);
	if ((rc = run(w, &c)) != 0)
		return failed(w, S_PLAN, "wfm-plan", rc, rc == 75 ? "give it more time with "
			      "--time-limit" : NULL);
	w->planned = 1;
	return 0;
}

static int step_report(struct week *w)
{
	static const char *const plan_in[][2] = {
		{"--coverage", "coverage.csv"}, {"--requirements", "requirements.csv"},
		{"--roster", "roster.csv"}, {"--decisions", "decisions.csv"},
		{"--summary", "plan-summary.csv"}};
	static const char *const target[] = {"report.xlsx", "report/", "report.svg"};
	wfm_week_names snaps = {0};
	wfm_err e = {0};
	char prev[96], what[256], file[128];
	struct cmd c;
	size_t i;
	int rc = 0, k, j;

	if ((rc = resolve_week(w)))
		return rc;
	snprintf(what, sizeof what, "-> %s/report.xlsx, report.svg, report/", w->out);
	heading(w, S_REPORT, what);
	if (!exists("history.csv"))
		return tool_error(66, "step 'report': %s is missing", shown(w, "history.csv"));
	if ((rc = make_dir(w->out)))
		return rc;
	if (wfm_week_snapshots("snapshots", w->monday - 35, w->monday - 1, &snaps, &e))
		return tool_fail(&e);
	if (snaps.n == 0)
		printf("   no snapshot of the 5 weeks before %s in %s: no accuracy review\n",
		       w->label, shown(w, "snapshots/"));
	cmd_start(&c, w, "wfm-report", "all");
	add(&c, "--history");
	add(&c, "history.csv");
	if (prev_backlog(w, prev, sizeof prev)) {
		add(&c, "--backlog");
		add(&c, prev);
	}
	if (exists("expected.csv") && snaps.n) {
		add(&c, "--expected");
		add(&c, "expected.csv");
	}
	for (j = 0; j < 5; j++) {
		snprintf(file, sizeof file, "%s/%s", w->out, plan_in[j][1]);
		if (exists(file)) {
			add(&c, plan_in[j][0]);
			addf(&c, "%s", file);
		}
	}
	if (exists(w->snap)) {
		add(&c, "--forecast");
		add(&c, w->snap);
		if (exists("agents.csv")) {
			add(&c, "--agents");
			add(&c, "agents.csv");
			if (exists("leave.csv")) {
				add(&c, "--leave");
				add(&c, "leave.csv");
			}
		}
	}
	if (w->lang) {
		add(&c, "--lang");
		add(&c, w->lang);
	}
	for (k = 0; k < 3; k++)
		addf(&c, "--output=%s/%s", w->out, target[k]);
	for (i = 0; i < snaps.n && i < 8; i++)
		addf(&c, "snapshots/%s", snaps.name[i]);
	if ((rc = run(w, &c)) != 0)
		rc = failed(w, S_REPORT, "wfm-report", rc, NULL);
	wfm_week_names_release(&snaps);
	return rc;
}

/* The outputs of the week, the first ones to open first. */
static void print_outputs(const struct week *w)
{
	static const char *const out[][2] = {
		{"report.xlsx", "the report: accuracy, service, plan, capacity, with charts"},
		{"roster.csv", "the roster of the week"},
		{"decisions.csv", "leave granted and refused, trainings placed"},
		{"report.svg", "the report's charts"},
		{"report/", "every table of the report as CSV"},
		{"coverage.csv", "required against planned agents per interval"},
		{"plan-summary.csv", "the solver's summary"},
		{"requirements.csv", "required agents per interval (wfm-staff)"},
		{"fte-day.csv", "FTE per day and line"},
		{"service.csv", "service of the last week per line and channel"},
		{"backlog.csv", "e-mail, social and callbacks waiting at its end"},
		{"expected.csv", "the expected volumes the forecast took"}};
	char path[160];
	struct stat st;
	size_t i;
	int first = 1;

	if (!w->have_week)
		return;
	printf("\nOutputs of %s (%s):\n", w->label, shown(w, w->out));
	for (i = 0; i < sizeof out / sizeof *out; i++) {
		snprintf(path, sizeof path, "%s/%s", w->out, out[i][0]);
		if (stat(path, &st) != 0)
			continue;
		/* the report, else the roster: what the planner reads first */
		printf("  %-44s %s%s\n", shown(w, path), out[i][1],
		       first && i < 2 ? "  <- open first" : "");
		first = 0;
	}
	if (exists(w->snap))
		printf("  %-44s %s\n", shown(w, w->snap), "the week's forecast snapshot");
	if (exists("history.csv"))
		printf("  %-44s %s\n", shown(w, "history.csv"), "the history with the new exports");
}

static int parse_step(const char *s)
{
	int i;

	if (strcmp(s, "all") == 0)
		return S_ALL;
	for (i = 0; i < S_COUNT; i++)
		if (strcmp(s, step_name[i]) == 0)
			return i;
	return -1;
}

static int settings(struct week *w)
{
	wfm_err e = {0};

	wfm_config_defaults(&w->cfg);
	if (wfm_config_load(&w->cfg, NULL, &e) != WFM_OK)
		return tool_fail(&e);
	if (w->time_limit &&
	    wfm_config_set(&w->cfg, "plan", "time_limit", w->time_limit, &e) != WFM_OK)
		return tool_usage("%s", e.msg);
	w->closed = exists("closed.csv");
	if (w->closed && wfm_config_set(&w->cfg, "calendar", "closed", "closed.csv", &e))
		return tool_fail(&e);
	if (!(w->cal = wfm_config_calendar(&w->cfg, &e)))
		return tool_fail(&e);
	return 0;
}

int main(int argc, char **argv)
{
	static int (*const fn[S_COUNT])(struct week *) = {step_ingest, step_forecast,
		step_service, step_staff, step_plan, step_report};
	struct tool_cmdline c = {0};
	struct week w = {0};
	int rc, step = S_ALL, op_step, i;
	static const wfm_numfmt point = {'.', 0};
	double n;

	tool_init("wfm-week");
	wfm_config_defaults(&w.cfg);
	rc = tool_parse(argc, argv, opts, O_COUNT, O_HELP, O_VERSION, usage_head, usage_tail, &c);
	if (rc)
		goto done;
	w.dir = ".";
	w.weeks = 6;
	/* [STEP] [FOLDER]: one operand is a step when it names one */
	if (c.noperands > 2) {
		rc = tool_usage("give at most a STEP and a FOLDER: '%s'", c.operands[2]);
		goto done;
	}
	if (c.noperands == 2 && parse_step(c.operands[0]) < 0) {
		rc = tool_usage("no such step: '%s' (ingest, forecast, service, staff, plan, "
				"report, all)", c.operands[0]);
		goto done;
	}
	op_step = c.noperands ? parse_step(c.operands[0]) : -1;
	if (c.noperands == 2 || (c.noperands == 1 && op_step < 0))
		w.dir = c.operands[c.noperands - 1];
	if (op_step >= 0 && c.set[O_STEP]) {
		rc = tool_usage("give the step once, as STEP or --step: '%s'", c.operands[0]);
		goto done;
	}
	if (op_step >= 0)
		step = op_step;
	if (c.set[O_STEP] && (step = parse_step(c.val[O_STEP])) < 0) {
		rc = tool_usage("--step: no such step: '%s' (ingest, forecast, service, staff, "
				"plan, report, all)", c.val[O_STEP]);
		goto done;
	}
	if (c.set[O_WEEKS]) {
		if (wfm_parse_count(c.val[O_WEEKS], point, &n) || n < 1 || n > 104) {
			rc = tool_usage("--weeks: a number of weeks 1..104: '%s'", c.val[O_WEEKS]);
			goto done;
		}
		w.weeks = (int)n;
	}
	if (c.set[O_LANG] && strcmp(c.val[O_LANG], "en") && strcmp(c.val[O_LANG], "nl")) {
		rc = tool_usage("--lang: en or nl: '%s'", c.val[O_LANG]);
		goto done;
	}
	w.week_opt = c.val[O_WEEK];
	w.time_limit = c.val[O_TIME_LIMIT];
	w.lang = c.val[O_LANG];
	w.force = c.set[O_FORCE];
	w.all = step == S_ALL;
	if (w.week_opt && (rc = resolve_week(&w)))
		goto done;
	find_bindir(&w, argv[0]);
	if (chdir(w.dir) != 0) {
		char why[128];

		rc = tool_error(66, "%s: cannot open the data folder: %s", w.dir,
				wfm_errno_text(errno, why, sizeof why));
		goto done;
	}
	if ((rc = settings(&w)))
		goto done;
	printf("wfm-week: the data folder %s (the commands below run in it)\n", w.dir);
	for (i = 0; i < S_COUNT && rc == 0; i++)
		if (step == S_ALL || step == i)
			rc = fn[i](&w);
	if (rc == 0)
		print_outputs(&w);
done:
	wfm_calendar_free(w.cal);
	wfm_config_release(&w.cfg);
	tool_cmdline_release(&c);
	return tool_finish(rc < 0 ? 0 : rc);
}
