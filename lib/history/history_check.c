/* Gaps, closed days and hours outside opening in a history. */
#include <stdlib.h>
#include <string.h>

#include "history_impl.h"
#include "common/grow.h"
#include "common/sortctx.h"
#include "setup/calendar.h"

static int cmp_check(const void *pa, const void *pb, const void *ctx)
{
	const wfm_series_check *a = pa, *b = pb;
	const wfm_hist *h = ctx;
	int c = strcmp(wfm_hist_line(h, a->line), wfm_hist_line(h, b->line));

	return c ? c : (a->channel > b->channel) - (a->channel < b->channel);
}

static void note_day(wfm_series_check *s, const wfm_calendar *cal, wfm_date d)
{
	wfm_date x;

	if (s->days > 0) {
		for (x = s->last + 1; x < d; x++) {
			if (!wfm_calendar_open(cal, x))
				continue;
			if (s->gaps < 5)
				s->gap[s->gaps] = x;
			s->gaps++;
		}
	} else {
		s->first = d;
	}
	s->last = d;
	s->days++;
}

int wfm_hist_check(const wfm_hist *h, const wfm_calendar *cal, wfm_series_check **out,
		   size_t *n, wfm_err *e)
{
	wfm_series_check *s = NULL;
	size_t ns = 0, cap = 0, i, last = 0;

	for (i = 0; i < h->n; i++) {
		const wfm_hrow *r = &h->rows[i];
		wfm_series_check *c;
		int opens, closes;

		if (!(ns && s[last].line == r->line && s[last].channel == r->channel)) {
			for (last = 0; last < ns; last++)
				if (s[last].line == r->line && s[last].channel == r->channel)
					break;
			if (last == ns) {
				if (wfm_grow((void **)&s, &cap, ns + 1, sizeof *s)) {
					free(s);
					return wfm_err_nomem(e);
				}
				memset(&s[ns], 0, sizeof s[ns]);
				s[ns].line = r->line;
				s[ns].channel = r->channel;
				ns++;
			}
		}
		c = &s[last];
		if (c->days == 0 || r->date > c->last)
			note_day(c, cal, r->date);
		c->rows++;
		if (!wfm_calendar_hours(cal, r->date, &opens, &closes)) {
			if (c->closed_rows++ == 0)
				c->closed_first = r->date;
		} else if (r->time >= 0 && (r->time < opens || r->time >= closes)) {
			if (c->outside_rows++ == 0) {
				c->outside_first = r->date;
				c->outside_time = r->time;
			}
		}
	}
	if (wfm_sort(s, ns, sizeof *s, cmp_check, h) < 0) {
		free(s);
		return wfm_err_nomem(e);
	}
	*out = s;
	*n = ns;
	return WFM_OK;
}
