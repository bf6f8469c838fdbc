/* csvw.c - the CSV writer: canonical and nl-BE spreadsheet profiles (see csv.h).
 *
 * Everything goes through the FILE, whose error indicator makes write errors
 * sticky; nothing here allocates.  Numbers are formatted with "%.*f" and then
 * normalised, so a program that switched LC_NUMERIC still gets '.' (or ',' in
 * the spreadsheet profile).
 */
#include "csv.h"

#include <math.h>
#include <string.h>

void wfm_csvw_init(wfm_csvw *w, FILE *f, int excel)
{
	memset(w, 0, sizeof *w);
	w->f = f;
	w->excel = excel != 0;
}

static char delim(const wfm_csvw *w)
{
	return w->excel ? ';' : ',';
}

/* The byte order mark goes before anything else in the spreadsheet profile. */
static void bom(wfm_csvw *w)
{
	if (w->excel && w->rows == 0 && w->nfield == 0)
		fputs("\xEF\xBB\xBF", w->f);
}

/* Starts a field: BOM or delimiter as needed. */
static void field(wfm_csvw *w)
{
	bom(w);
	if (w->nfield > 0)
		fputc(delim(w), w->f);
	w->nfield++;
	w->blank = 0;
}

/* Writes s as a field, unquoted (it needs no quotes). */
static void raw(wfm_csvw *w, const char *s)
{
	field(w);
	fputs(s, w->f);
}

static int needs_quotes(const char *s, char d)
{
	size_t n = strlen(s);

	if (n && (s[0] == ' ' || s[0] == '\t' || s[n - 1] == ' ' || s[n - 1] == '\t'))
		return 1;
	for (; *s; s++)
		if (*s == d || *s == '"' || *s == '\r' || *s == '\n')
			return 1;
	return 0;
}

void wfm_csvw_str(wfm_csvw *w, const char *s)
{
	if (!s || !*s) {
		wfm_csvw_empty(w);
		return;
	}
	field(w);
	if (!needs_quotes(s, delim(w))) {
		fputs(s, w->f);
		return;
	}
	fputc('"', w->f);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', w->f);
		fputc(*s, w->f);
	}
	fputc('"', w->f);
}

void wfm_csvw_empty(wfm_csvw *w)
{
	field(w);
	w->blank = w->nfield == 1;
}

void wfm_csvw_long(wfm_csvw *w, long long v)
{
	char buf[32];

	snprintf(buf, sizeof buf, "%lld", v);
	raw(w, buf);
}

void wfm_csvw_num(wfm_csvw *w, double v, int decimals)
{
	char tmp[400], buf[400];
	size_t i, o = 0;
	int point = 0, nonzero = 0;

	if (!isfinite(v)) {
		wfm_csvw_empty(w);
		return;
	}
	if (decimals < 0)
		decimals = 0;
	if (decimals > 17)
		decimals = 17;
	if (v > -1e15 && v < 1e15 && v == (double)(long long)v) {
		/* (the range first: converting a double outside long long's
		 * range is undefined behaviour) */
		/* whole numbers (most counts) without printf: the same text */
		long long n = (long long)v;
		unsigned long long u = n < 0 ? 0ULL - (unsigned long long)n : (unsigned long long)n;

		o = sizeof buf - 1;
		buf[o] = '\0';
		do {
			buf[--o] = (char)('0' + u % 10);
			u /= 10;
		} while (u);
		if (n < 0)
			buf[--o] = '-';
		raw(w, buf + o);
		return;
	}
	snprintf(tmp, sizeof tmp, "%.*f", decimals, v);
	/* digits and sign as they are; whatever the locale put as decimal
	 * point becomes ours */
	for (i = 0; tmp[i]; i++) {
		if ((tmp[i] >= '0' && tmp[i] <= '9') || tmp[i] == '-') {
			buf[o++] = tmp[i];
			nonzero |= tmp[i] >= '1' && tmp[i] <= '9';
		} else if (!point) {
			buf[o++] = w->excel ? ',' : '.';
			point = 1;
		}
	}
	if (point) {
		while (buf[o - 1] == '0')
			o--;
		if (buf[o - 1] == ',' || buf[o - 1] == '.')
			o--;
	}
	buf[o] = '\0';
	raw(w, nonzero || buf[0] != '-' ? buf : buf + 1); /* never "-0" */
}

void wfm_csvw_date(wfm_csvw *w, wfm_date d)
{
	char buf[16];
	int y, m, day;

	if (!w->excel) {
		raw(w, wfm_date_iso(d, buf));
		return;
	}
	wfm_date_to_ymd(d, &y, &m, &day);
	snprintf(buf, sizeof buf, "%02d/%02d/%04d", day, m, y);
	raw(w, buf);
}

void wfm_csvw_time(wfm_csvw *w, int minutes)
{
	char buf[32];

	if (minutes < 0) {
		wfm_csvw_empty(w);
		return;
	}
	snprintf(buf, sizeof buf, "%02d:%02d", minutes / 60, minutes % 60);
	raw(w, buf);
}

void wfm_csvw_end(wfm_csvw *w)
{
	bom(w);
	if (w->nfield == 1 && w->blank)
		fputs("\"\"", w->f); /* else the row would be an empty line */
	fputs(w->excel ? "\r\n" : "\n", w->f);
	w->rows++;
	w->nfield = 0;
	w->blank = 0;
}

void wfm_csvw_header(wfm_csvw *w, const char *const *names)
{
	for (; names && *names; names++)
		wfm_csvw_str(w, *names);
	wfm_csvw_end(w);
}

int wfm_csvw_error(const wfm_csvw *w)
{
	return !w->f || ferror(w->f);
}
