/* weekrun.c - the decisions of the weekly cycle (see weekrun.h). */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "weekrun.h"
#include "fcrun.h"
#include "common/channel.h"
#include "common/value.h"
#include "history/history.h"
#include "io/csv.h"
#include "io/outfile.h"

wfm_date wfm_week_next_monday(wfm_date last)
{
	return last - wfm_date_weekday(last) + 7;
}

char *wfm_week_label(wfm_date monday, char *buf)
{
	wfm_date thu = monday - wfm_date_weekday(monday) + 3;
	int y, m, d;

	/* the ISO year is the year of the week's Thursday; its week 1 holds
	 * the year's first Thursday */
	wfm_date_to_ymd(thu, &y, &m, &d);
	snprintf(buf, 16, "%04d-W%02d", (y % 10000 + 10000) % 10000,
		 ((thu - wfm_date_from_ymd(y, 1, 1)) / 7 + 1) % 100);
	return buf;
}

int wfm_week_history_last(const char *path, int interval, wfm_date *last, wfm_err *e)
{
	wfm_read_opts ro = {0};
	wfm_hist *h = wfm_hist_new(e);
	int rc;

	if (!h)
		return WFM_EINTERNAL;
	ro.interval = interval;
	rc = wfm_hist_read(h, path, 0, &ro, NULL, e);
	if (rc == WFM_OK && !wfm_fcrun_last_date(h, last))
		rc = wfm_err_set(e, WFM_EDATA, "%s: no rows", path);
	wfm_hist_free(h);
	return rc;
}

void wfm_week_names_release(wfm_week_names *l)
{
	size_t i;

	if (!l)
		return;
	for (i = 0; i < l->n; i++)
		free(l->name[i]);
	free(l->name);
	l->name = NULL;
	l->n = 0;
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int names_add(wfm_week_names *l, const char *s, size_t *cap, wfm_err *e)
{
	char *c;

	if (l->n == *cap) {
		size_t ncap = *cap ? 2 * *cap : 16;
		char **p = realloc(l->name, ncap * sizeof *p);

		if (!p)
			return wfm_err_nomem(e);
		l->name = p;
		*cap = ncap;
	}
	if (!(c = strdup(s)))
		return wfm_err_nomem(e);
	l->name[l->n++] = c;
	return WFM_OK;
}

/* The regular files of `dir` that `keep` accepts, sorted. */
static int list_dir(const char *dir, int (*keep)(const char *name, void *ctx), void *ctx,
		    wfm_week_names *out, wfm_err *e)
{
	DIR *d;
	struct dirent *de;
	size_t cap = 0;
	char buf[128];
	int rc = WFM_OK;

	out->name = NULL;
	out->n = 0;
	if (!(d = opendir(dir))) {
		if (errno == ENOENT)
			return WFM_OK;
		return wfm_err_set(e, WFM_EIO, "%s: %s", dir,
				   wfm_errno_text(errno, buf, sizeof buf));
	}
	while (rc == WFM_OK && (de = readdir(d))) {
		char path[4096];
		struct stat st;

		if (de->d_name[0] == '.' || !keep(de->d_name, ctx))
			continue;
		if (snprintf(path, sizeof path, "%s/%s", dir, de->d_name) >= (int)sizeof path ||
		    stat(path, &st) != 0 || !S_ISREG(st.st_mode))
			continue;
		rc = names_add(out, de->d_name, &cap, e);
	}
	closedir(d);
	if (rc != WFM_OK)
		wfm_week_names_release(out);
	else if (out->n > 1)
		qsort(out->name, out->n, sizeof *out->name, cmp_name);
	return rc;
}

static int keep_export(const char *name, void *ctx)
{
	size_t n = strlen(name);

	(void)ctx;
	return n > 0 && name[n - 1] != '~';
}

int wfm_week_inbox(const char *dir, wfm_week_names *out, wfm_err *e)
{
	return list_dir(dir, keep_export, NULL, out, e);
}

int wfm_week_move_done(const char *dir, const char *name, const char *done, char *moved,
		       size_t cap, wfm_err *e)
{
	char from[4096], buf[128];
	struct stat st;
	int k;

	if (mkdir(done, 0777) != 0 && errno != EEXIST)
		return wfm_err_set(e, WFM_ECANTCREAT, "%s: %s", done,
				   wfm_errno_text(errno, buf, sizeof buf));
	if (snprintf(from, sizeof from, "%s/%s", dir, name) >= (int)sizeof from)
		return wfm_err_set(e, WFM_ECANTCREAT, "%s/%s: name too long", dir, name);
	for (k = 0; k < 1000; k++) {
		int n = k ? snprintf(moved, cap, "%s/%s.%d", done, name, k)
			  : snprintf(moved, cap, "%s/%s", done, name);

		if (n < 0 || (size_t)n >= cap)
			return wfm_err_set(e, WFM_ECANTCREAT, "%s/%s: name too long", done, name);
		if (lstat(moved, &st) == 0)
			continue;
		/* link then unlink: never replaces a file that appeared meanwhile */
		if (link(from, moved) == 0) {
			if (unlink(from) != 0) {
				int err = errno;

				unlink(moved);
				return wfm_err_set(e, WFM_ECANTCREAT, "%s: %s", from,
						   wfm_errno_text(err, buf, sizeof buf));
			}
			return WFM_OK;
		}
		if (errno == EEXIST)
			continue;
		/* a file system without hard links: rename (the name was free) */
		if (rename(from, moved) == 0)
			return WFM_OK;
		return wfm_err_set(e, WFM_ECANTCREAT, "%s -> %s: %s", from, moved,
				   wfm_errno_text(errno, buf, sizeof buf));
	}
	return wfm_err_set(e, WFM_ECANTCREAT, "%s: 1000 files of that name in %s", name, done);
}

char *wfm_week_snapshot_name(wfm_date monday, char *buf)
{
	char iso[16];

	snprintf(buf, 24, "forecast-%s.csv", wfm_date_iso(monday, iso));
	return buf;
}

struct snap_span {
	wfm_date first, last;
};

/* forecast-YYYY-MM-DD.csv with a date in the span */
static int keep_snapshot(const char *name, void *ctx)
{
	const struct snap_span *sp = ctx;
	char iso[11];
	wfm_date d;

	if (strlen(name) != 23 || strncmp(name, "forecast-", 9) != 0 ||
	    strcmp(name + 19, ".csv") != 0)
		return 0;
	memcpy(iso, name + 9, 10);
	iso[10] = 0;
	/* ISO only: 10 characters with '-' at 4 and 7 */
	if (iso[4] != '-' || iso[7] != '-' || wfm_parse_date(iso, &d))
		return 0;
	return d >= sp->first && d <= sp->last;
}

int wfm_week_snapshots(const char *dir, wfm_date first, wfm_date last, wfm_week_names *out,
		       wfm_err *e)
{
	struct snap_span sp = {first, last};

	/* the names sort by date: the date is the only varying part */
	return list_dir(dir, keep_snapshot, &sp, out, e);
}

static const char *const ev_mode_name[] = {"add", "scale", "set"};

int wfm_week_expected(const char *in, const char *out, wfm_date monday, wfm_week_ev *st,
		      wfm_err *e)
{
	static const char *const head[] = {"from", "to", "channel", "line", "mode", "value",
					   NULL};
	wfm_ev_list l = {0};
	wfm_out *o = NULL;
	wfm_csvw w;
	size_t i;
	int rc;

	memset(st, 0, sizeof *st);
	rc = wfm_ev_read(in, wfm_date_from_ymd(WFM_YEAR_MIN, 1, 1),
			 wfm_date_from_ymd(WFM_YEAR_MAX, 12, 31), &l, e);
	if (rc != WFM_OK)
		return rc;
	if (!(o = wfm_out_open(out, e))) {
		wfm_ev_list_release(&l);
		return e ? e->code : WFM_ECANTCREAT;
	}
	wfm_csvw_init(&w, wfm_out_file(o), 0);
	wfm_csvw_header(&w, head);
	for (i = 0; i < l.n; i++) {
		const wfm_ev_row *r = &l.row[i];

		if (r->ev.to < monday) {
			st->past++;
			continue;
		}
		if (r->ev.from < monday) {
			if (!st->cut++)
				st->cut_line = r->src_line;
			continue;
		}
		st->kept++;
		if (r->ev.to > st->last)
			st->last = r->ev.to;
		wfm_csvw_date(&w, r->ev.from);
		wfm_csvw_date(&w, r->ev.to);
		wfm_csvw_str(&w, wfm_channel_name(r->channel));
		wfm_csvw_str(&w, r->line);
		wfm_csvw_str(&w, ev_mode_name[r->ev.mode]);
		wfm_csvw_num(&w, r->ev.value, 6);
		wfm_csvw_end(&w);
	}
	wfm_ev_list_release(&l);
	if (wfm_csvw_error(&w)) {
		wfm_out_abort(o);
		return wfm_err_set(e, WFM_EIO, "%s: write error", out);
	}
	return wfm_out_commit(o, e);
}

int wfm_week_backlog_date(const char *path, wfm_date *date, wfm_err *e)
{
	static const char *const a_date[] = {"datum", NULL};
	static const wfm_csv_col cols[] = {{"date", a_date, 1}};
	wfm_csv *r = wfm_csv_open(path, NULL, e);
	int idx[1], rc = WFM_OK, k;

	*date = 0;
	if (!r)
		return e ? e->code : WFM_ENOINPUT;
	k = wfm_csv_next(r, e);
	if (k == 0)
		rc = wfm_err_set(e, WFM_EDATA, "%s: empty file", path);
	else if (k < 0)
		rc = e ? e->code : WFM_EDATA;
	else
		rc = wfm_csv_map(r, cols, 1, idx, e);
	while (rc == WFM_OK && (k = wfm_csv_next(r, e)) != 0) {
		const char *s;
		wfm_date d;

		if (k < 0) {
			rc = e ? e->code : WFM_EDATA;
			break;
		}
		if (wfm_csv_blank_record(r))
			continue;
		s = wfm_csv_field(r, (size_t)idx[0]);
		if (wfm_parse_date(s, &d))
			rc = wfm_csv_cell_error(r, e, wfm_csv_head(r, (size_t)idx[0]),
						"not a date", s);
		else if (*date && d != *date)
			rc = wfm_csv_cell_error(r, e, wfm_csv_head(r, (size_t)idx[0]),
						"a second date in one backlog", s);
		else
			*date = d;
	}
	wfm_csv_free(r);
	return rc;
}
