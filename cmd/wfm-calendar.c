/* wfm-calendar - list which days and hours the service is open. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "calendar.h"
#include "config.h"
#include "csv.h"
#include "outfile.h"
#include "tool.h"
#include "value.h"

/* The options, with their help; a flag that sets a wfm.conf key takes its
 * help from the key table of config.c. */
enum opt_id { O_FROM, O_TO, O_HOLIDAYS, O_CLOSED, O_OPEN_DAYS, O_OPEN_HOURS, O_CONFIG,
	      O_OUTPUT, O_EXCEL, O_HELP, O_VERSION, O_COUNT };

static const struct opt {
	const char *name;
	char short_name;
	const char *arg;      /* NULL for a switch */
	const char *key;      /* the [calendar] key it sets, or NULL */
	const char *help;     /* NULL: the key's help */
} opts[O_COUNT] = {
	[O_FROM] = {"from", 0, "DATE", NULL, "first day listed: YYYY-MM-DD or dd/mm/yyyy"},
	[O_TO] = {"to", 0, "DATE", NULL, "last day listed (included); --from and --to go together"},
	[O_HOLIDAYS] = {"holidays", 0, "be|none", "holidays", NULL},
	[O_CLOSED] = {"closed", 0, "FILE", "closed", "closing days CSV with columns date,reason "
		      "(or datum,reden; any of , ; tab; ISO or dd/mm/yyyy dates)"},
	[O_OPEN_DAYS] = {"open-days", 0, "DAYS", "open_days", NULL},
	[O_OPEN_HOURS] = {"open-hours", 0, "HH:MM-HH:MM", "open_hours", NULL},
	[O_CONFIG] = {"config", 0, "FILE", NULL,
		      "settings file (default: ./wfm.conf when present)"},
	[O_OUTPUT] = {"output", 'o', "FILE", NULL, "write to FILE, replaced only when complete "
		      "(default: standard output)"},
	[O_EXCEL] = {"excel", 0, NULL, NULL, "nl-BE spreadsheet CSV: ';', BOM, CRLF, dd/mm/yyyy"},
	[O_HELP] = {"help", 'h', NULL, NULL, "this text"},
	[O_VERSION] = {"version", 'V', NULL, NULL, "the version"},
};

static const char usage_head[] =
"usage: wfm-calendar [options] [YEAR...]\n"
"       wfm-calendar [options] --from DATE --to DATE\n"
"\n"
"Lists every day of the YEARs (default: the current year), or from --from to\n"
"--to, as CSV with the columns date,weekday,open,opens,closes,reason: open is\n"
"1 or 0; opens and closes are the opening hours, empty on a closed day; reason\n"
"says why a day is closed (a holiday, a closing day's reason, \"weekend\") and\n"
"is empty on an open day.  This is the calendar every wfm tool works with:\n"
"settings come from wfm.conf ([calendar]) and the options below override them.\n"
"\n"
"Options:\n";

static const char usage_tail[] =
"\n"
"Example:\n"
"  wfm-calendar --closed sluitingsdagen.csv --excel -o kalender-2025.csv 2025\n"
"\n"
"Exit codes: 0 ok, 64 bad command line, 65 bad settings or closing-days file,\n"
"66 a file is missing, 73 cannot create the output, 74 write error.\n";

/* Prints `text` from column `col`, wrapped before column 79. */
static void print_wrapped(const char *text, int col)
{
	int at = col;

	while (*text) {
		size_t len = strcspn(text, " ");

		if (at > col && at + 1 + (int)len > 79) {
			printf("\n%*s", col, "");
			at = col;
		} else if (at > col) {
			putchar(' ');
			at++;
		}
		printf("%.*s", (int)len, text);
		at += (int)len;
		text += len;
		while (*text == ' ')
			text++;
	}
	putchar('\n');
}

static void usage(void)
{
	size_t i;

	fputs(usage_head, stdout);
	for (i = 0; i < O_COUNT; i++) {
		const struct opt *o = &opts[i];
		char head[64];
		int n;

		n = snprintf(head, sizeof head, "  %c%c%s--%s%s%s", o->short_name ? '-' : ' ',
			     o->short_name ? o->short_name : ' ', o->short_name ? ", " : "  ",
			     o->name, o->arg ? " " : "", o->arg ? o->arg : "");
		printf("%s", head);
		if (n + 2 > 25)
			printf("\n%*s", 25, "");
		else
			printf("%*s", 25 - n, "");
		print_wrapped(o->help ? o->help : wfm_config_help("calendar", o->key), 25);
	}
	fputs(usage_tail, stdout);
}

struct args {
	const char *val[O_COUNT];  /* the last value of each option */
	int set[O_COUNT];
	int *flags;                /* options that set a key, in the order given */
	const char **flag_val;
	int nflags;
	char **years;
	int nyears;
};

/* The option `arg` names ("--name", "--name=VALUE", "-o", "-oVALUE"), or
 * NULL; `*inline_val` is the value written in the same argument. */
static const struct opt *find_opt(const char *arg, const char **inline_val)
{
	size_t i, len;

	*inline_val = NULL;
	for (i = 0; i < O_COUNT && arg[1] != '-'; i++) {
		if (opts[i].short_name && arg[1] == opts[i].short_name) {
			*inline_val = arg[2] ? arg + 2 : NULL;
			return &opts[i];
		}
	}
	len = strcspn(arg + 2, "=");
	for (i = 0; i < O_COUNT && arg[1] == '-'; i++) {
		if (strlen(opts[i].name) == len && strncmp(arg + 2, opts[i].name, len) == 0) {
			*inline_val = arg[2 + len] ? arg + 3 + len : NULL;
			return &opts[i];
		}
	}
	return NULL;
}

/* Returns 0 to go on, -1 when done (--help, --version), else an exit code. */
static int parse_args(int argc, char **argv, struct args *a)
{
	int i, only_years = 0;

	a->years = calloc((size_t)argc, sizeof *a->years);
	a->flags = calloc((size_t)argc, sizeof *a->flags);
	a->flag_val = calloc((size_t)argc, sizeof *a->flag_val);
	if (!a->years || !a->flags || !a->flag_val)
		return tool_error(70, "out of memory");
	for (i = 1; i < argc; i++) {
		const char *arg = argv[i], *val;
		const struct opt *o;
		int id;

		if (only_years || arg[0] != '-' || arg[1] == '\0') {
			a->years[a->nyears++] = argv[i];
			continue;
		}
		if (strcmp(arg, "--") == 0) {
			only_years = 1;
			continue;
		}
		o = find_opt(arg, &val);
		if (!o)
			return tool_usage("unknown option '%s'", arg);
		if (val && !o->arg)
			return tool_usage("--%s takes no value: '%s'", o->name, arg);
		id = (int)(o - opts);
		if (o->arg && !val) {
			if (i + 1 >= argc)
				return tool_usage("%s needs a value: %s", arg, o->arg);
			val = argv[++i];
		}
		if (id == O_HELP) {
			usage();
			return -1;
		}
		if (id == O_VERSION) {
			tool_version();
			return -1;
		}
		a->val[id] = val;
		a->set[id] = 1;
		if (o->key) {
			a->flags[a->nflags] = id;
			a->flag_val[a->nflags++] = val;
		}
	}
	return 0;
}

/* A year written as 1 to 4 digits, 1..9999. */
static int parse_year(const char *s, int *year)
{
	int y = 0;
	size_t i, n = strlen(s);

	if (n == 0 || n > 4)
		return 0;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		y = y * 10 + (s[i] - '0');
	}
	*year = y;
	return y >= 1;
}

/* The days to list: one or more [first, last] spans. */
struct spans {
	wfm_date *first, *last;
	int n;
};

static int parse_date_opt(const char *name, const char *s, wfm_date *d)
{
	const char *why = wfm_parse_date(s, d);

	return why ? tool_usage("--%s: %s: '%s'", name, why, s) : 0;
}

static int choose_days(const struct args *a, struct spans *sp)
{
	int i, y, rc;

	if (a->nyears && (a->set[O_FROM] || a->set[O_TO]))
		return tool_usage("give YEARs or --from and --to, not both");
	if (a->set[O_FROM] != a->set[O_TO])
		return tool_usage("--from and --to go together");
	sp->first = calloc((size_t)a->nyears + 1, sizeof *sp->first);
	sp->last = calloc((size_t)a->nyears + 1, sizeof *sp->last);
	if (!sp->first || !sp->last)
		return tool_error(70, "out of memory");
	if (a->set[O_FROM]) {
		if ((rc = parse_date_opt("from", a->val[O_FROM], &sp->first[0])) ||
		    (rc = parse_date_opt("to", a->val[O_TO], &sp->last[0])))
			return rc;
		if (sp->last[0] < sp->first[0])
			return tool_usage("--to %s is before --from %s", a->val[O_TO],
					  a->val[O_FROM]);
		sp->n = 1;
		return 0;
	}
	for (i = 0; i < a->nyears; i++) {
		if (!parse_year(a->years[i], &y))
			return tool_usage("not a year (1 to 9999): '%s'", a->years[i]);
		sp->first[i] = wfm_date_from_ymd(y, 1, 1);
		sp->last[i] = wfm_date_from_ymd(y, 12, 31);
	}
	sp->n = a->nyears;
	if (sp->n == 0) {
		time_t now = time(NULL);
		struct tm tm;

		if (!localtime_r(&now, &tm))
			return tool_error(70, "cannot read the clock");
		sp->first[0] = wfm_date_from_ymd(tm.tm_year + 1900, 1, 1);
		sp->last[0] = wfm_date_from_ymd(tm.tm_year + 1900, 12, 31);
		sp->n = 1;
	}
	return 0;
}

/* The settings: wfm.conf or --config, then the flags in the order given. */
static wfm_calendar *make_calendar(const struct args *a, wfm_config *cfg, wfm_err *e)
{
	int i;

	if (wfm_config_load(cfg, a->val[O_CONFIG], e) != WFM_OK)
		return NULL;
	for (i = 0; i < a->nflags; i++) {
		const char *key = opts[a->flags[i]].key;

		if (wfm_config_set(cfg, "calendar", key, a->flag_val[i], e) != WFM_OK)
			return NULL;
	}
	return wfm_config_calendar(cfg, e);
}

static void write_day(wfm_csvw *w, const wfm_calendar *cal, wfm_date d)
{
	int opens, closes, open = wfm_calendar_hours(cal, d, &opens, &closes);
	const char *why = wfm_calendar_reason(cal, d);

	wfm_csvw_date(w, d);
	wfm_csvw_str(w, wfm_weekday_name(wfm_date_weekday(d)));
	wfm_csvw_long(w, open);
	if (open) {
		wfm_csvw_time(w, opens);
		if (closes == 24 * 60)
			wfm_csvw_str(w, "24:00"); /* a time of day stops at 23:59 */
		else
			wfm_csvw_time(w, closes);
	} else {
		wfm_csvw_empty(w);
		wfm_csvw_empty(w);
	}
	wfm_csvw_str(w, why ? why : "");
	wfm_csvw_end(w);
}

static int write_calendar(const struct args *a, const wfm_calendar *cal,
			  const struct spans *sp, wfm_err *e)
{
	static const char *const head[] = {"date", "weekday", "open", "opens", "closes", "reason",
					   NULL};
	wfm_out *out = tool_out_open(a->val[O_OUTPUT], e);
	wfm_csvw w;
	wfm_date d;
	int i;

	if (!out)
		return e->code;
	wfm_csvw_init(&w, wfm_out_file(out), a->set[O_EXCEL]);
	wfm_csvw_header(&w, head);
	for (i = 0; i < sp->n && !wfm_csvw_error(&w); i++)
		for (d = sp->first[i]; d <= sp->last[i]; d++)
			write_day(&w, cal, d);
	if (wfm_csvw_error(&w)) {
		tool_out_abort(out);
		return wfm_err_set(e, WFM_EIO, "%s: write error",
				   a->val[O_OUTPUT] ? a->val[O_OUTPUT] : "standard output");
	}
	return tool_out_commit(out, e);
}

int main(int argc, char **argv)
{
	struct args a = {0};
	struct spans sp = {0};
	wfm_config cfg;
	wfm_calendar *cal = NULL;
	wfm_err e = {0};
	int rc;

	tool_init("wfm-calendar");
	wfm_config_defaults(&cfg);
	rc = parse_args(argc, argv, &a);
	if (rc == 0)
		rc = choose_days(&a, &sp);
	if (rc == 0) {
		cal = make_calendar(&a, &cfg, &e);
		rc = cal ? write_calendar(&a, cal, &sp, &e) : e.code;
		if (rc == WFM_EUSAGE)
			tool_usage("%s", e.msg);
		else if (rc != WFM_OK)
			tool_fail(&e);
	}
	wfm_calendar_free(cal);
	wfm_config_release(&cfg);
	free(a.years);
	free(a.flags);
	free(a.flag_val);
	free(sp.first);
	free(sp.last);
	return tool_finish(rc < 0 ? 0 : rc);
}
