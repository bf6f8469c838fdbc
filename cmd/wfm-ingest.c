/* wfm-ingest - turn contact-center exports into one canonical history. */
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "calendar.h"
#include "config.h"
#include "csv.h"
#include "history.h"
#include "outfile.h"
#include "tool.h"

static const char usage_text[] =
"usage: wfm-ingest [options] [FILE...]\n"
"\n"
"Reads contact-center exports (CSV with ',' ';' or tab, Dutch or English\n"
"headers, ISO or day-first dates, decimal comma or point) and writes one\n"
"canonical history: date,time,channel,line,offered,handled,aht_s, sorted by\n"
"date, time, channel and line.  Rows finer than the interval are summed\n"
"(AHT weighted by handled contacts).  With no FILE, or '-', reads stdin.\n"
"\n"
"Output:\n"
"  -o, --output FILE     write the history to FILE (default: standard output)\n"
"      --into HISTORY    merge into HISTORY (created when missing) and rewrite it\n"
"                        atomically; identical rows are a no-op, a different\n"
"                        value for an existing key stops the run\n"
"      --replace         with --into: new values win over conflicting rows\n"
"      --dry-run         read, check and summarise; write nothing\n"
"      --excel           write the nl-BE spreadsheet profile (';', decimal comma,\n"
"                        BOM, CRLF, dd/mm/yyyy) instead of canonical CSV\n"
"Input:\n"
"      --skip-bad FILE   write rejected rows with their reason to FILE and carry\n"
"                        on (default: the first bad row stops the run)\n"
"      --line CODE       line code for exports without a line column\n"
"      --channel NAME    channel for exports without a channel column\n"
"                        (phone, email, chat, social, callback)\n"
"      --delimiter C     ',' ';' or 'tab' (default: sniffed from the header)\n"
"      --decimal C       '.' or ',' (default: ',' in ';' files, else '.')\n"
"Calendar (for the interval grid and the summary):\n"
"      --interval MIN    5, 10, 15, 30 or 60 (default 15)\n"
"      --holidays SET    be (Belgian + Flemish holidays, default) or none\n"
"      --closed FILE     extra closing days (date,reason)\n"
"      --open-days DAYS  e.g. mon-fri (default), mon-sat, mon,tue,thu\n"
"      --open-hours H-H  e.g. 09:00-19:00 (default)\n"
"      --config FILE     settings file (default ./wfm.conf when present)\n"
"  -q, --quiet           no summary on stderr\n"
"  -h, --help            this text\n"
"  -V, --version         the version\n"
"\n"
"Example:\n"
"  wfm-ingest --into history.csv exports/telefonie-nov.csv exports/chat.csv\n"
"\n"
"Exit codes: 0 ok, 64 usage, 65 bad input data (nothing written), 66 input\n"
"missing, 73 cannot create output, 74 I/O error.\n";

enum { O_INTO = 256, O_REPLACE, O_DRY, O_EXCEL, O_SKIP, O_LINE, O_CHANNEL, O_DELIM,
       O_DECIMAL, O_INTERVAL, O_HOLIDAYS, O_CLOSED, O_OPEN_DAYS, O_OPEN_HOURS, O_CONFIG };

static const struct option long_opts[] = {
	{"output", required_argument, NULL, 'o'},   {"into", required_argument, NULL, O_INTO},
	{"replace", no_argument, NULL, O_REPLACE},  {"dry-run", no_argument, NULL, O_DRY},
	{"excel", no_argument, NULL, O_EXCEL},      {"skip-bad", required_argument, NULL, O_SKIP},
	{"line", required_argument, NULL, O_LINE},  {"channel", required_argument, NULL, O_CHANNEL},
	{"delimiter", required_argument, NULL, O_DELIM},
	{"decimal", required_argument, NULL, O_DECIMAL},
	{"interval", required_argument, NULL, O_INTERVAL},
	{"holidays", required_argument, NULL, O_HOLIDAYS},
	{"closed", required_argument, NULL, O_CLOSED},
	{"open-days", required_argument, NULL, O_OPEN_DAYS},
	{"open-hours", required_argument, NULL, O_OPEN_HOURS},
	{"config", required_argument, NULL, O_CONFIG},
	{"quiet", no_argument, NULL, 'q'},          {"help", no_argument, NULL, 'h'},
	{"version", no_argument, NULL, 'V'},        {NULL, 0, NULL, 0},
};

struct args {
	const char *output, *into, *skip_bad, *config;
	int replace, dry_run, excel, quiet;
	wfm_read_opts read;
	const char *cal_key[8], *cal_val[8]; /* calendar flags, applied after the config */
	int ncal;
	char **files;
	int nfiles;
};

static int parse_args(int argc, char **argv, struct args *a)
{
	static char *stdin_only[] = {(char *)"-"};
	int c;

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":o:qhV", long_opts, NULL)) != -1) {
		switch (c) {
		case 'o': a->output = optarg; break;
		case O_INTO: a->into = optarg; break;
		case O_REPLACE: a->replace = 1; break;
		case O_DRY: a->dry_run = 1; break;
		case O_EXCEL: a->excel = 1; break;
		case O_SKIP: a->skip_bad = optarg; break;
		case O_LINE: a->read.line = optarg; break;
		case O_CHANNEL: a->read.channel = optarg; break;
		case O_DELIM:
			if (strcmp(optarg, "tab") == 0 || strcmp(optarg, "\\t") == 0)
				a->read.csv.delim = '\t';
			else if (strlen(optarg) == 1 && strchr(",;\t", optarg[0]))
				a->read.csv.delim = optarg[0];
			else
				return tool_usage("--delimiter takes ',', ';' or 'tab', not '%s'", optarg);
			break;
		case O_DECIMAL:
			if (strlen(optarg) != 1 || !strchr(".,", optarg[0]))
				return tool_usage("--decimal takes '.' or ',', not '%s'", optarg);
			a->read.csv.decimal = optarg[0];
			break;
		case O_INTERVAL: case O_HOLIDAYS: case O_CLOSED: case O_OPEN_DAYS: case O_OPEN_HOURS:
			a->cal_key[a->ncal] = c == O_INTERVAL ? "interval" : c == O_HOLIDAYS ? "holidays"
				: c == O_CLOSED ? "closed" : c == O_OPEN_DAYS ? "open_days" : "open_hours";
			a->cal_val[a->ncal++] = optarg;
			if (a->ncal == 8)
				return tool_usage("too many calendar options");
			break;
		case O_CONFIG: a->config = optarg; break;
		case 'q': a->quiet = 1; break;
		case 'h': fputs(usage_text, stdout); return -1;
		case 'V': tool_version(); return -1;
		case ':':
			return tool_usage("option '%s' needs a value", argv[optind - 1]);
		default:
			return tool_usage("unknown option '%s'", argv[optind - 1]);
		}
	}
	if (a->replace && !a->into)
		return tool_usage("--replace needs --into");
	if (a->into && a->output)
		return tool_usage("--into rewrites the history in place: drop -o");
	if (a->excel && a->into)
		return tool_usage("--excel cannot be used with --into: a history stays canonical");
	a->files = optind < argc ? argv + optind : stdin_only;
	a->nfiles = optind < argc ? argc - optind : 1;
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

	fprintf(stderr, "%s: %d file%s, %ld rows read, %ld kept, %ld rejected\n", tool_name(),
		a->nfiles, a->nfiles == 1 ? "" : "s", st->rows, st->kept, st->rejected);
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
	wfm_csvw_num(&w, r->handled, 0);
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

static int setup_calendar(const struct args *a, wfm_config *cfg, wfm_calendar **cal,
			  wfm_err *e)
{
	int i, rc;

	wfm_config_defaults(cfg);
	rc = wfm_config_load(cfg, a->config, e);
	for (i = 0; rc == WFM_OK && i < a->ncal; i++)
		rc = wfm_config_set(cfg, "calendar", a->cal_key[i], a->cal_val[i], e);
	if (rc == WFM_OK)
		rc = wfm_config_check(cfg, e);
	if (rc != WFM_OK)
		return rc;
	*cal = wfm_config_calendar(cfg, e);
	return *cal ? WFM_OK : e->code;
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
	rc = setup_calendar(a, &cfg, &cal, e);
	if (rc != WFM_OK)
		return rc;
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
			wfm_merge_result_free(&m);
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
				rc = wfm_err_set(e, WFM_EDATA, "%s:%d: time %02d:%02d is not on the "
						 "%d-minute grid of this run (see --interval)", a->into,
						 (int)r->src_line, r->time / 60, r->time % 60,
						 cfg.interval);
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
	wfm_merge_result_free(&m);
	wfm_hist_free(all);
	wfm_hist_free(base);
	wfm_read_stats_free(&st);
	wfm_calendar_free(cal);
	wfm_config_release(&cfg);
	return rc;
}

int main(int argc, char **argv)
{
	struct args a;
	wfm_err e;
	int rc;

	tool_init("wfm-ingest");
	memset(&a, 0, sizeof a);
	wfm_err_clear(&e);
	rc = parse_args(argc, argv, &a);
	if (rc)
		return rc < 0 ? tool_finish(0) : rc;
	rc = run(&a, &e);
	if (rc != WFM_OK && e.msg[0])
		tool_fail(&e);
	return tool_finish(rc);
}
