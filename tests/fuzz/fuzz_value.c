/* fuzz_value - the strict value parsers (lib/common/value.c) and the writer's
 * number formatting (lib/io/csvw.c) on arbitrary bytes.
 *
 * Each input is one cell (a NUL ends it).  Every parser runs on it, the
 * number parsers under four number formats.  A parser must reject the cell
 * or give a value within its documented range (a date in 1900-2199 that the
 * ISO writer and the parser turn back into the same day, a clock time within
 * the day, a finite number, a whole count up to 1e12, a finite duration of
 * at least 0); a whole number below 1e15 must read back unchanged from the
 * text the writer makes of it.  Anything else aborts.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/date.h"
#include "common/value.h"
#include "io/csv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_number(double v, wfm_numfmt f)
{
	char buf[512];
	FILE *m;
	wfm_csvw w;
	double back;

	if (!isfinite(v))
		abort();
	(void)f;
	m = fmemopen(buf, sizeof buf, "w");
	if (!m)
		return;
	wfm_csvw_init(&w, m, 0);
	wfm_csvw_num(&w, v, 2);
	wfm_csvw_long(&w, (long long)fmin(fmax(v, -1e18), 1e18));
	fclose(m);
	buf[sizeof buf - 1] = '\0';
	if (v == floor(v) && fabs(v) < 1e15) {
		char *comma = strchr(buf, ',');

		if (comma) /* the first field is the number as written */
			*comma = '\0';
		if (wfm_parse_number(buf, (wfm_numfmt){'.', 0}, &back) != NULL ||
		    back != v) {
			fprintf(stderr, "%.17g written as '%s' reads back differently\n", v, buf);
			abort();
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const wfm_numfmt fmts[] = {{'.', 0}, {',', '.'}, {',', ' '}, {'.', ','}};
	char *s = malloc(size + 1), out[64];
	const char *why;
	wfm_date d;
	int sec, a, b, y, m, day;
	double v;
	size_t k;

	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	if (wfm_parse_date(s, &d) == NULL) {
		wfm_date_to_ymd(d, &y, &m, &day);
		if (y < WFM_YEAR_MIN || y > WFM_YEAR_MAX || !wfm_date_valid(y, m, day) ||
		    wfm_date_from_ymd(y, m, day) != d)
			abort();
		wfm_date_iso(d, out);
		if (wfm_parse_date(out, &a) != NULL || a != d)
			abort();
	}
	if (wfm_parse_clock(s, &sec) == NULL && (sec < 0 || sec >= 86400))
		abort();
	if (wfm_parse_interval(s, &a, &b) == NULL &&
	    (a < 0 || a >= 1440 || (b != -1 && (b <= a || b > 1440))))
		abort();
	for (k = 0; k < sizeof fmts / sizeof fmts[0]; k++) {
		if ((why = wfm_parse_number(s, fmts[k], &v)) == NULL)
			check_number(v, fmts[k]);
		if (wfm_parse_count(s, fmts[k], &v) == NULL && (v < 0 || v > 1e12 || v != floor(v)))
			abort();
		if (wfm_parse_duration(s, fmts[k], &v) == NULL && (!(v >= 0) || !isfinite(v)))
			abort();
	}
	wfm_blank(s);
	wfm_trim_copy(s, out, sizeof out);
	wfm_csv_show(s, out, sizeof out);
	free(s);
	return 0;
}
