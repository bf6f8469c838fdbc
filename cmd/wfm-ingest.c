/* wfm-ingest - turn contact-center exports into one canonical history. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "opt.h"
#include "tool.h"
#include "history/history.h"
#include "io/csv.h"
#include "io/outfile.h"
#include "setup/calendar.h"
#include "setup/config.h"

/* The options, with their help; a flag that sets a wfm.conf key takes its
 * help from the key table of config.c. */
enum opt_id { O_OUTPUT, O_INTO, O_REPLACE, O_DRY_RUN, O_EXCEL, O_SKIP_BAD, O_LINE, O_CHANNEL,
	      O_DELIMITER, O_DECIMAL, O_INTERVAL, O_HOLIDAYS, O_CLOSED, O_OPEN_DAYS, O_OPEN_HOURS,
	      O_CONFIG, O_QUIET, O_HELP, O_VERSION, O_COUNT };

static const struct tool_opt opts[O_COUNT] = {
	[O_OUTPUT] = TOOL_OPT_OUTPUT,
	[O_INTO] = {"into", 0, "HISTORY", NULL, NULL, "merge into HISTORY (created when "
		    "missing) and rewrite it atomically; identical rows are a no-op, a different "
		    "value for an existing key stops the run"},
	[O_REPLACE] = {"replace", 0, NULL, NULL, NULL,
		       "with --into: new values win over conflicting rows"},
	[O_DRY_RUN] = {"dry-run", 0, NULL, NULL, NULL, "read, check and summarise; write nothing"},
	[O_EXCEL] = TOOL_OPT_EXCEL,
	[O_SKIP_BAD] = {"skip-bad", 0, "FILE", NULL, NULL, "write rejected rows with their reason "
			"to FILE and carry on (default: the first bad row stops the run)"},
	[O_LINE] = {"line", 0, "CODE", NULL, NULL, "line code for exports without a line column"},
	[O_CHANNEL] = {"channel", 0, "NAME", NULL, NULL, "channel for exports without a channel "
		       "column (phone, email, chat, social, callback)"},
	[O_DELIMITER] = {"delimiter", 0, "C", NULL, NULL,
			 "',' ';' or 'tab' (default: sniffed from the header)"},
	[O_DECIMAL] = {"decimal", 0, "C", NULL, NULL,
		       "'.' or ',' (default: ',' in ';' files, else '.')"},
	TOOL_OPT_SETTINGS_ROWS,
	[O_QUIET] = {"quiet", 'q', NULL, NULL, NULL, "no summary on stderr"},
	TOOL_OPT_HELP_ROWS,
};

static const char usage_head[] =
"usage: wfm-ingest [options] [FILE...]\n"
"\n"
"Reads contact-center exports (CSV with ',' ';' or tab, Dutch or English\n"
"headers, ISO or day-first dates, decimal comma or point) and writes one\n"
"canonical history: date,time,channel,line,offered,handled,aht_s, sorted by\n"
"date, time, channel and line.  Rows finer than the interval are summed\n"
"(AHT weighted by handled contacts).  With no FILE, or '-', reads stdin.\n"
"The calendar (--interval, --holidays, --closed, --open-days, --open-hours)\n"
"gives the interval grid and the working days of the summary.\n"
"\n"
"Options:\n";

static const char usage_tail[] =
"\n"
"Example:\n"
"  wfm-ingest --into history.csv exports/telefonie-nov.csv exports/chat.csv\n"
"\n"
"Exit codes: 0 ok, 64 usage, 65 bad input data (nothing written), 66 input\n"
"missing, 73 cannot create output, 74 I/O error.\n";

struct args {
	struct tool_cmdline c;  /* the options as given; the operands are the FILEs */
	const char *output, *into, *skip_bad;
	int replace, dry_run, excel, quiet;
	wfm_read_opts read;
	char **files;
	int nfiles;
};

/* Returns 0 to go on, -1 when done (--help, --version), else an exit code. */
static int parse_args(int argc, char **argv, struct args *a)
{
	static char *stdin_only[] = {(char *)"-"};
	const char *delim, *decimal;
	int rc = tool_parse(argc, argv, opts, O_COUNT, O_HELP, O_VERSION, usage_head, usage_tail,
			    &a->c);

	if (rc)
		return rc;
	a->output = a->c.val[O_OUTPUT];
	a->into = a->c.val[O_INTO];
	a->skip_bad = a->c.val[O_SKIP_BAD];
	a->replace = a->c.set[O_REPLACE];
	a->dry_run = a->c.set[O_DRY_RUN];
	a->excel = a->c.set[O_EXCEL];
	a->quiet = a->c.set[O_QUIET];
	a->read.line = a->c.val[O_LINE];
	a->read.channel = a->c.val[O_CHANNEL];
	if ((delim = a->c.val[O_DELIMITER])) {
		if (strcmp(delim, "tab") == 0 || strcmp(delim, "\\t") == 0)
			a->read.csv.delim = '\t';
		else if (strlen(delim) == 1 && strchr(",;\t", delim[0]))
			a->read.csv.delim = delim[0];
		else
			return tool_usage("--delimiter takes ',', ';' or 'tab', not '%s'", delim);
	}
	if ((decimal = a->c.val[O_DECIMAL])) {
		if (strlen(decimal) != 1 || !strchr(".,", decimal[0]))
			return tool_usage("--decimal takes '.' or ',', not '%s'", decimal);
		a->read.csv.decimal = decimal[0];
	}
	if (a->replace && !a->into)
		return tool_usage("--replace needs --into");
	if (a->into && a->output)
		return tool_usage("--into rewrites the history in place: drop -o");
	if (a->excel && a->into)
		return tool_usage("--excel cannot be used with --into: a history stays canonical");
	a->files = a->c.noperands ? a->c.operands : stdin_only;
	a->nfiles = a->c.noperands ? a->c.noperands : 1;
	return 0;
}

/* The reject sink for --skip-bad: file,line,reason,row */
struct rejects {
	wfm_csvw w;
};

static int on_reject(void *ctx, const char *file, long line, const char *reason,
		     const wfm_csv *r)
{
	struct rejects *rj = ctx;
	size_t i, n = strlen(file);

	/* the file and line have columns of their own */
	if (strncmp(reason, file, n) == 0 && reason[n] == ':') {
		const char *p = strchr(reason + n + 1, ':');

		if (p && p[1] == ' ')
			reason = p + 2;
	}
	wfm_csvw_str(&rj->w, file);
	wfm_csvw_long(&rj->w, line);
	wfm_csvw_str(&rj->w, reason);
	for (i = 0; r && i < wfm_csv_nfields(r); i++)
		wfm_csvw_str(&rj->w, wfm_csv_field(r, i));
	wfm_csvw_end(&rj->w);
	return wfm_csvw_error(&rj->w) ? WFM_EIO : WFM_OK;
}

static void summarise(const struct args *a, const wfm_read_stats *st, const wfm_hist *in,
		      const wfm_calendar *cal)
{
	wfm_series_check *sc = NULL;
	size_t n = 0, i, k;
	char d1[11], d2[11];

	fprintf(stderr, "%s: %d file%s, %ld row%s read, %ld kept, %ld rejected\n", tool_name(),
		a->nfiles, a->nfiles == 1 ? "" : "s", st->rows, st->rows == 1 ? "" : "s", st->kept,
		st->rejected);
	if (st->nseries) {
		fprintf(stderr, "  %-12s %-8s %9s %9s %9s\n", "line", "channel", "read", "kept",
			"rejected");
		for (i = 0; i < st->nseries; i++)
			fprintf(stderr, "  %-12s %-8s %9ld %9ld %9ld\n", st->series[i].line,
				st->series[i].channel, st->series[i].read, st->series[i].kept,
				st->series[i].rejected);
	}
	if (wfm_hist_check(in, cal, &sc, &n, NULL) != WFM_OK)
		return;
	for (i = 0; i < n; i++) {
		const wfm_series_check *s = &sc[i];
		char t[6];

		fprintf(stderr, "  %s/%s: %s..%s, %ld day%s with data, %ld working day%s without",
			wfm_hist_line(in, s->line), wfm_channel_name(s->channel),
			wfm_date_iso(s->first, d1), wfm_date_iso(s->last, d2), s->days,
			s->days == 1 ? "" : "s", s->gaps,
			s->gaps == 1 ? "" : "s");
		for (k = 0; k < (size_t)s->gaps && k < 5; k++)
			fprintf(stderr, "%s%s", k ? " " : " (", wfm_date_iso(s->gap[k], d1));
		fprintf(stderr, "%s\n", s->gaps > 5 ? " ...)" : s->gaps ? ")" : "");
		if (s->closed_rows)
			fprintf(stderr, "  %s/%s: %ld row%s on closed days (first %s: %s)\n",
				wfm_hist_line(in, s->line), wfm_channel_name(s->channel),
				s->closed_rows, s->closed_rows == 1 ? "" : "s",
				wfm_date_iso(s->closed_first, d1),
				wfm_calendar_reason(cal, s->closed_first));
		if (s->outside_rows)
			fprintf(stderr, "  %s/%s: %ld row%s outside opening hours (first %s %s)\n",
				wfm_hist_line(in, s->line), wfm_channel_name(s->channel),
				s->outside_rows, s->outside_rows == 1 ? "" : "s",
				wfm_date_iso(s->outside_first, d1), wfm_time_hhmm(s->outside_time, t));
	}
	free(sc);
}

static const char *file_name(const struct args *a, int src)
{
	return src < a->nfiles ? a->files[src] : a->into;
}

/* "offered,handled,aht_s" of a row as the history writes them. */
static char *values(const wfm_hrow *r, char *buf, size_t n)
{
	FILE *f = fmemopen(buf, n, "w");
	wfm_csvw w;

	if (!f) {
		snprintf(buf, n, "?");
		return buf;
	}
	wfm_csvw_init(&w, f, 0);
	wfm_csvw_num(&w, r->offered, 0);
	wfm_csvw_num(&w, wfm_hrow_handled(r), 0);
	wfm_csvw_num(&w, r->aht, 2);
	fclose(f);
	return buf;
}

static void print_merge_conflicts(const struct args *a, const wfm_hist *h,
				  const wfm_merge_result *m)
{
	size_t i, shown = m->nconflicts < 50 ? m->nconflicts : 50;
	char d[11], t[6], v1[64], v2[64];

	for (i = 0; i < shown; i++) {
		const wfm_hrow *o = &m->conflicts[i].old_row, *n = &m->conflicts[i].new_row;

		snprintf(v1, sizeof v1, "%s", o->time < 0 && n->time >= 0 ? "a whole-day total" :
			 o->time >= 0 && n->time < 0 ? "interval rows" : "");
		snprintf(v2, sizeof v2, "%s", n->time < 0 && o->time >= 0 ? "a whole-day total" :
			 n->time >= 0 && o->time < 0 ? "interval rows" : "");
		if (v1[0]) {
			fprintf(stderr, "  %s %s %s: %s:%d has %s; %s:%d has %s\n",
				wfm_date_iso(n->date, d), wfm_channel_name(n->channel),
				wfm_hist_line(h, n->line), file_name(a, o->src_file),
				(int)o->src_line, v1, file_name(a, n->src_file), (int)n->src_line,
				v2);
			continue;
		}
		fprintf(stderr, "  %s %s %s %s: %s:%d has %s; %s:%d has %s (offered,handled,aht_s)\n",
			wfm_date_iso(n->date, d), n->time < 0 ? "(day)" : wfm_time_hhmm(n->time, t),
			wfm_channel_name(n->channel), wfm_hist_line(h, n->line),
			file_name(a, o->src_file), (int)o->src_line, values(o, v1, sizeof v1),
			file_name(a, n->src_file), (int)n->src_line, values(n, v2, sizeof v2));
	}
	if (m->nconflicts > shown)
		fprintf(stderr, "  ... and %zu more\n", m->nconflicts - shown);
}

/* Merges `in` into `base`; on conflict prints them and fails with 65. */
static int merge(const struct args *a, wfm_hist *base, wfm_hist *in, const char *into_name,
		 wfm_merge_result *m, wfm_err *e)
{
	int rc = wfm_hist_merge(base, in, a->replace, m, e);

	if (rc == WFM_EDATA && m->nconflicts) {
		wfm_err_set(e, WFM_EDATA, "%s: %zu row%s conflict%s with rows already %s "
			    "(use --replace to take the new values)", into_name, m->nconflicts,
			    m->nconflicts == 1 ? "" : "s", m->nconflicts == 1 ? "s" : "",
			    a->into && into_name == a->into ? "in the history" : "read");
		tool_fail(e);
		print_merge_conflicts(a, base, m);
		e->msg[0] = '\0'; /* already printed */
	}
	return rc;
}

static int run(struct args *a, wfm_err *e)
{
	static const char *const reject_head[] = {"file", "line", "reason", "row", NULL};
	wfm_config cfg;
	wfm_calendar *cal = NULL;
	wfm_hist *all = NULL, *t = NULL, *base = NULL;
	wfm_out *out = NULL, *rej_out = NULL;
	struct rejects rj;
	wfm_read_stats st;
	wfm_merge_result m;
	int i, rc;

	memset(&st, 0, sizeof st);
	memset(&m, 0, sizeof m);
	rc = tool_settings(opts, &a->c, O_CONFIG, &cfg, &cal, e);
	if (rc != WFM_OK)
		goto done;
	a->read.interval = cfg.interval;
	if (a->skip_bad) {
		if (!(rej_out = tool_out_open(a->skip_bad, e))) {
			rc = e->code;
			goto done;
		}
		wfm_csvw_init(&rj.w, wfm_out_file(rej_out), 0);
		wfm_csvw_header(&rj.w, reject_head);
		a->read.reject = on_reject;
		a->read.reject_ctx = &rj;
	}
	if (!(all = wfm_hist_new(e))) {
		rc = e->code;
		goto done;
	}
	for (i = 0; i < a->nfiles && rc == WFM_OK; i++) {
		long before = st.rows;

		if (!(t = wfm_hist_new(e)))
			rc = e->code;
		if (rc == WFM_OK)
			rc = wfm_hist_read(t, a->files[i], i, &a->read, &st, e);
		if (rc == WFM_OK && st.rows == before)
			rc = wfm_err_set(e, WFM_EDATA, "%s: no data rows after the header",
					 strcmp(a->files[i], "-") ? a->files[i] : "<stdin>");
		if (rc == WFM_OK) {
			rc = merge(a, all, t, a->files[i], &m, e);
			wfm_merge_result_release(&m);
		}
		wfm_hist_free(t);
		t = NULL;
	}
	if (rc != WFM_OK)
		goto done;
	if (!a->quiet)
		summarise(a, &st, all, cal);
	if (a->into) {
		wfm_read_opts ro = a->read;

		ro.reject = NULL;
		ro.line = NULL;
		ro.channel = NULL;
		memset(&ro.csv, 0, sizeof ro.csv);
		ro.interval = 1;
		if (!(base = wfm_hist_new(e))) {
			rc = e->code;
			goto done;
		}
		if (access(a->into, F_OK) == 0)
			rc = wfm_hist_read(base, a->into, a->nfiles, &ro, NULL, e);
		for (size_t k = 0; rc == WFM_OK && k < wfm_hist_count(base); k++) {
			const wfm_hrow *r = &wfm_hist_rows(base)[k];

			if (r->time >= 0 && r->time % cfg.interval)
				rc = wfm_err_set(e, WFM_EDATA, "%s:%d: column 'time': not on the "
						 "%d-minute grid of this run (see --interval): "
						 "'%02d:%02d'", a->into, (int)r->src_line,
						 cfg.interval, r->time / 60, r->time % 60);
		}
		if (rc == WFM_OK)
			rc = merge(a, base, all, a->into, &m, e);
		if (rc != WFM_OK)
			goto done;
		if (!a->quiet)
			fprintf(stderr, "%s: %s: %ld row%s added, %ld unchanged, %ld replaced%s\n",
				tool_name(), a->into, m.added, m.added == 1 ? "" : "s", m.same,
				m.replaced, a->dry_run ? " (dry run: not written)" : "");
	}
	if (!a->dry_run) {
		wfm_hist *h = base ? base : all;

		if (!(out = tool_out_open(a->into ? a->into : a->output, e))) {
			rc = e->code;
			goto done;
		}
		rc = wfm_hist_write(h, wfm_out_file(out), a->excel, e);
		if (rc == WFM_OK) {
			rc = tool_out_commit(out, e);
			out = NULL;
		}
	}
	if (rc == WFM_OK && rej_out) {
		rc = tool_out_commit(rej_out, e);
		rej_out = NULL;
		if (rc == WFM_OK && st.rejected && !a->quiet)
			fprintf(stderr, "%s: %ld rejected row%s written to %s\n", tool_name(),
				st.rejected, st.rejected == 1 ? "" : "s", a->skip_bad);
	}
done:
	tool_out_abort(out);
	tool_out_abort(rej_out);
	wfm_merge_result_release(&m);
	wfm_hist_free(all);
	wfm_hist_free(base);
	wfm_read_stats_release(&st);
	wfm_calendar_free(cal);
	wfm_config_release(&cfg);
	return rc;
}

int main(int argc, char **argv)
{
	struct args a = {0};
	wfm_err e = {0};
	int rc;

	tool_init("wfm-ingest");
	if ((rc = parse_args(argc, argv, &a)) == 0)
		rc = run(&a, &e);
	tool_cmdline_release(&a.c);
	return tool_end(rc, &e);
}
