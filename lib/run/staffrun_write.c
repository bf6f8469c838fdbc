/* staffrun_write.c - writing requirements, FTE totals, evaluations and
 * simulations; see wfm_sr_write in staffrun.h. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "staffrun_impl.h"
#include "io/csv.h"

enum { K_ROW, K_SDAY, K_DEF };

/* One output row before sorting. */
typedef struct item {
	wfm_date date;
	int16_t time;
	uint8_t kind;
	int32_t rank;
	size_t idx; /* row, series-day, or series * nwday + working day */
} item;

static int item_cmp(const void *a, const void *b)
{
	const item *x = a, *y = b;

	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	if (x->time != y->time)
		return x->time < y->time ? -1 : 1;
	return (x->rank > y->rank) - (x->rank < y->rank);
}

typedef struct ser_key {
	int channel;
	const char *line;
	int32_t idx;
} ser_key;

static int series_cmp(const void *a, const void *b)
{
	const ser_key *x = a, *y = b;

	if (x->channel != y->channel)
		return x->channel < y->channel ? -1 : 1;
	return strcmp(x->line, y->line);
}

/* rank[i]: position of series i in (channel, line) order. */
static int32_t *series_ranks(const wfm_sr *r)
{
	ser_key *order = malloc((r->nser + 1) * sizeof *order);
	int32_t *rank = malloc((r->nser + 1) * sizeof *rank);

	if (!order || !rank) {
		free(order);
		free(rank);
		return NULL;
	}
	for (size_t i = 0; i < r->nser; i++)
		order[i] = (ser_key){r->ser[i].channel, r->ser[i].line, (int32_t)i};
	qsort(order, r->nser, sizeof *order, series_cmp);
	for (size_t i = 0; i < r->nser; i++)
		rank[order[i].idx] = (int32_t)i;
	free(order);
	return rank;
}

static item *collect(const wfm_sr *r, int days, int deferred, size_t *n)
{
	int32_t *rank = series_ranks(r);
	size_t cap = r->nrow + r->nsday + r->nser * r->nwday + 1, k = 0;
	item *it = rank ? malloc(cap * sizeof *it) : NULL;

	if (!it) {
		free(rank);
		return NULL;
	}
	for (size_t i = 0; i < r->nrow; i++) {
		const sr_row *row = &r->row[i];

		if (r->ser[row->series].live)
			it[k++] = (item){row->date, row->time, K_ROW, rank[row->series], i};
	}
	for (size_t i = 0; days && i < r->nsday; i++) {
		const sr_sday *sd = &r->sday[i];

		if (r->ser[sd->series].live)
			it[k++] = (item){sd->date, -1, K_SDAY, rank[sd->series], i};
	}
	for (size_t s = 0; deferred && s < r->nser; s++)
		for (size_t d = 0; !r->ser[s].live && d < r->nwday; d++)
			it[k++] = (item){r->wday[d], -1, K_DEF, rank[s], s * r->nwday + d};
	free(rank);
	qsort(it, k, sizeof *it, item_cmp);
	*n = k;
	return it;
}

/* ---- fast fields: what wfm_csvw_num, _long, _date and _time write, without
 * the printf family, which takes most of the time of a large run ---- */

static const double pow10_tab[] = {1, 10, 100, 1e3, 1e4, 1e5, 1e6};

const char *wfm_sr_fmt_num(double v, int decimals, char mark, char *buf, size_t n)
{
	double p, x = fabs(v), hi, lo, f, d;
	unsigned long long q, div = 1;
	char digits[32];
	int k = 0, o = 0, round_up;

	if (!isfinite(v) || decimals < 0 || decimals > 6 || !(x * pow10_tab[decimals] < 4e15) ||
	    n < 32) {
		char tmp[400];
		int i, point = 0;

		if (!isfinite(v)) {
			buf[0] = '\0';
			return buf;
		}
		snprintf(tmp, sizeof tmp, "%.*f", decimals < 0 ? 0 : decimals > 17 ? 17 : decimals,
			 v);
		for (i = 0; tmp[i] && o + 1 < (int)n; i++)
			buf[o++] = (tmp[i] >= '0' && tmp[i] <= '9') || tmp[i] == '-' ? tmp[i] :
				   point++ ? tmp[i] : mark;
		buf[o] = '\0';
	} else {
		/* x p = hi + lo exactly; round half to even on exact ties, as printf */
		p = pow10_tab[decimals];
		hi = x * p;
		lo = fma(x, p, -hi);
		f = floor(hi);
		d = (hi - f) - 0.5;
		round_up = d > 0 || (d == 0 && (lo > 0 || (lo == 0 && fmod(f, 2) == 1)));
		if (d < 0 && hi - f + lo >= 1) /* lo lifts hi past the next integer */
			f += 1;
		q = (unsigned long long)f + (unsigned long long)round_up;
		for (int i = 0; i < decimals; i++)
			div *= 10;
		if (v < 0 && q > 0)
			buf[o++] = '-';
		for (unsigned long long ip = q / div; k == 0 || ip > 0; ip /= 10)
			digits[k++] = (char)('0' + ip % 10);
		while (k > 0)
			buf[o++] = digits[--k];
		if (q % div) {
			unsigned long long fr = q % div;

			buf[o++] = mark;
			for (int i = decimals - 1; i >= 0; i--, fr /= 10)
				digits[i] = (char)('0' + fr % 10);
			for (k = decimals; digits[k - 1] == '0'; k--)
				;
			memcpy(buf + o, digits, (size_t)k);
			o += k;
		}
		buf[o] = '\0';
		return buf;
	}
	/* the printf path: drop trailing zeros, never "-0" */
	if (strchr(buf, mark)) {
		while (o > 0 && buf[o - 1] == '0')
			buf[--o] = '\0';
		if (o > 0 && buf[o - 1] == mark)
			buf[--o] = '\0';
	}
	if (strcmp(buf, "-0") == 0)
		memmove(buf, buf + 1, 2);
	return buf;
}

static void put_num(wfm_csvw *w, double v, int decimals)
{
	char buf[400];

	if (!isfinite(v))
		wfm_csvw_empty(w);
	else
		wfm_csvw_str(w, wfm_sr_fmt_num(v, decimals, w->excel ? ',' : '.', buf, sizeof buf));
}

static void put_long(wfm_csvw *w, long v)
{
	char buf[32];

	wfm_csvw_str(w, wfm_sr_fmt_num((double)v, 0, '.', buf, sizeof buf));
}

static void two(char *p, int v)
{
	p[0] = (char)('0' + v / 10 % 10);
	p[1] = (char)('0' + v % 10);
}

static void put_date(wfm_csvw *w, wfm_date d)
{
	char buf[12];
	int y, m, day;

	wfm_date_to_ymd(d, &y, &m, &day);
	if (y < 1 || y > 9999) {
		wfm_csvw_date(w, d);
		return;
	}
	if (w->excel) { /* dd/mm/yyyy */
		two(buf, day);
		two(buf + 3, m);
		two(buf + 6, y / 100);
		two(buf + 8, y % 100);
		buf[2] = buf[5] = '/';
	} else {
		two(buf, y / 100);
		two(buf + 2, y % 100);
		two(buf + 5, m);
		two(buf + 8, day);
		buf[4] = buf[7] = '-';
	}
	buf[10] = '\0';
	wfm_csvw_str(w, buf);
}

static void put_time(wfm_csvw *w, int minutes)
{
	char buf[6];

	if (minutes < 0 || minutes >= 6000) {
		wfm_csvw_time(w, minutes);
		return;
	}
	two(buf, minutes / 60);
	two(buf + 3, minutes % 60);
	buf[2] = ':';
	buf[5] = '\0';
	wfm_csvw_str(w, buf);
}

static const char *const status_name[] = {"ok", "below target", "overloaded", "unstaffed",
					  "late"};

static void key(wfm_csvw *w, const sr_series *s, wfm_date d, int time)
{
	put_date(w, d);
	put_time(w, time);
	wfm_csvw_str(w, wfm_channel_name(s->channel));
	wfm_csvw_str(w, s->line);
}

/* A deferred series' mean handle time, for days without arrivals. */
static double series_aht(const wfm_sr *r, const sr_series *s)
{
	double v = 0, h = 0;

	for (size_t k = 0; k < r->nwday; k++) {
		v += s->rvol[k];
		h += s->rwork[k];
	}
	return v > 0 ? 3600 * h / v : NAN;
}

static void deferred_head(wfm_csvw *w, const wfm_sr *r, const sr_series *s, size_t k)
{
	key(w, s, r->wday[k], -1);
	put_num(w, s->rvol[k], 2);
	put_num(w, s->rvol[k] > 0 ? 3600 * s->rwork[k] / s->rvol[k] : series_aht(r, s), 1);
	put_num(w, s->cap[k], 2);
	put_num(w, s->ontime[k], 4);
	put_num(w, s->ontime[k], 4);
	wfm_csvw_empty(w);
	put_num(w, s->cap[k] > 0 ? fmin(1, s->done[k] / s->cap[k]) : 0, 4);
}

static void row_head(wfm_csvw *w, const wfm_sr *r, const sr_row *row)
{
	key(w, &r->ser[row->series], row->date, row->time);
	put_num(w, row->volume, 2);
	put_num(w, row->aht, 1);
	put_long(w, row->agents);
}

/* ---- requirements ---- */

/* The shrinkage of a live row's channel and weekday. */
static double row_shrinkage(const wfm_sr *r, const sr_row *row)
{
	return r->s->shrinkage[r->ser[row->series].channel][wfm_date_weekday(row->date)];
}

/* The shrinkage of deferred series `s` on its k-th working day. */
static double day_shrinkage(const wfm_sr *r, const sr_series *s, size_t k)
{
	return r->s->shrinkage[s->channel][wfm_date_weekday(r->wday[k])];
}

static void write_require(wfm_csvw *w, const wfm_sr *r, const item *it)
{
	if (it->kind == K_ROW) {
		const sr_row *row = &r->row[it->idx];
		long sched = 0;

		row_head(w, r, row);
		put_num(w, row->perf.sl, 4);
		put_num(w, row->perf.answered, 4);
		put_num(w, row->perf.asa, 1);
		put_num(w, row->perf.occupancy, 4);
		wfm_shrinkage_apply((double)row->agents, row_shrinkage(r, row), &sched, NULL);
		put_long(w, sched);
	} else {
		const sr_series *s = &r->ser[it->idx / r->nwday];
		size_t k = it->idx % r->nwday;

		deferred_head(w, r, s, k);
		put_num(w, s->cap[k] / (1 - day_shrinkage(r, s, k)), 2);
	}
	wfm_csvw_end(w);
}

/* ---- evaluation ---- */

/* Volume-weighted figures of a live series-day. */
typedef struct day_sum {
	double volume, work, agent_h, sl, answered, asa_w, asa_n, busy, agents, abandoned,
		callbacks, backlog;
	int status, asa_inf;
} day_sum;

static day_sum sum_day(const wfm_sr *r, const sr_sday *sd)
{
	day_sum d;
	double h = wfm_sr_interval_s(r) / 3600.0;

	memset(&d, 0, sizeof d);
	for (size_t i = 0; i < sd->n; i++) {
		const sr_row *row = &r->row[sd->first + i];
		double ans = row->volume * row->perf.answered;

		d.volume += row->volume;
		d.work += row->volume * row->aht;
		d.agent_h += (double)row->agents * h;
		d.sl += row->volume * row->perf.sl;
		d.answered += ans;
		if (ans > 0 && !isfinite(row->perf.asa))
			d.asa_inf = 1;
		else if (ans > 0)
			d.asa_w += ans * row->perf.asa, d.asa_n += ans;
		d.busy += row->perf.occupancy * (double)row->agents;
		d.agents += (double)row->agents;
		d.abandoned += row->perf.abandoned;
		d.callbacks += row->perf.callback;
		d.backlog = fmax(d.backlog, row->perf.backlog);
		d.status = row->status > d.status ? row->status : d.status;
	}
	return d;
}

static void write_evaluate(wfm_csvw *w, const wfm_sr *r, const item *it)
{
	if (it->kind == K_ROW) {
		const sr_row *row = &r->row[it->idx];

		row_head(w, r, row);
		put_num(w, row->perf.sl, 4);
		put_num(w, row->perf.answered, 4);
		put_num(w, row->perf.asa, 1);
		put_num(w, row->perf.occupancy, 4);
		put_num(w, row->perf.abandoned, 2);
		put_num(w, row->perf.callback, 2);
		put_num(w, row->perf.backlog, 2);
		wfm_csvw_str(w, status_name[row->status]);
	} else if (it->kind == K_SDAY) {
		const sr_sday *sd = &r->sday[it->idx];
		day_sum d = sum_day(r, sd);

		key(w, &r->ser[sd->series], sd->date, -1);
		put_num(w, d.volume, 2);
		put_num(w, d.volume > 0 ? d.work / d.volume : r->row[sd->first].aht, 1);
		put_num(w, d.agent_h, 2);
		put_num(w, d.volume > 0 ? d.sl / d.volume : 1, 4);
		put_num(w, d.volume > 0 ? d.answered / d.volume : 1, 4);
		put_num(w, d.asa_inf || (d.volume > 0 && !(d.answered > 0)) ? NAN :
				d.asa_n > 0 ? d.asa_w / d.asa_n : 0, 1);
		put_num(w, d.agents > 0 ? d.busy / d.agents : 0, 4);
		put_num(w, d.abandoned, 2);
		put_num(w, d.callbacks, 2);
		put_num(w, d.backlog, 2);
		wfm_csvw_str(w, status_name[d.status]);
	} else {
		const sr_series *s = &r->ser[it->idx / r->nwday];
		size_t k = it->idx % r->nwday;

		deferred_head(w, r, s, k);
		wfm_csvw_empty(w);
		wfm_csvw_empty(w);
		put_num(w, s->backlog[k], 2);
		wfm_csvw_str(w, status_name[s->late[k] > 0 ? SR_LATE : SR_OK]);
	}
	wfm_csvw_end(w);
}

/* ---- simulation ---- */

static const int fig_decimals[SR_NFIG] = {4, 4, 1, 4, 2, 2, 2};

/* Mean and interval of figure f; `none` is what a figure with nothing to
 * measure (no contact in any run; no agents) stands for, NAN for empty. */
static void write_fig(wfm_csvw *w, const wfm_sim_ratio *st, int f, double level, double none)
{
	double est = none, lo = none, hi = none;
	int got = wfm_sim_ratio_ci(&st[f], level, &est, &lo, &hi);

	if (got == 1)
		lo = hi = NAN;
	if (got == 2) { /* within the figure's range: a share, or a count or time */
		lo = fmax(lo, 0);
		hi = f == 0 || f == 1 || f == 3 ? fmin(hi, 1) : hi;
	}
	put_num(w, est, fig_decimals[f]);
	put_num(w, lo, fig_decimals[f]);
	put_num(w, hi, fig_decimals[f]);
}

static void write_figs(wfm_csvw *w, const wfm_sim_ratio *st, double level, double volume)
{
	write_fig(w, st, 0, level, volume > 0 ? NAN : 1);
	write_fig(w, st, 1, level, volume > 0 ? NAN : 1);
	write_fig(w, st, 2, level, volume > 0 ? NAN : 0);
	write_fig(w, st, 3, level, 0);
	for (int f = 4; f < SR_NFIG; f++)
		write_fig(w, st, f, level, NAN);
}

static void write_simulate(wfm_csvw *w, const wfm_sr *r, const item *it)
{
	if (it->kind == K_ROW) {
		const sr_row *row = &r->row[it->idx];

		row_head(w, r, row);
		write_figs(w, &r->sim_row[it->idx * SR_NFIG], r->sim_level, row->volume);
	} else {
		const sr_sday *sd = &r->sday[it->idx];
		day_sum d = sum_day(r, sd);

		key(w, &r->ser[sd->series], sd->date, -1);
		put_num(w, d.volume, 2);
		put_num(w, d.volume > 0 ? d.work / d.volume : r->row[sd->first].aht, 1);
		put_num(w, d.agent_h, 2);
		write_figs(w, &r->sim_day[it->idx * SR_NFIG], r->sim_level, d.volume);
	}
	wfm_csvw_end(w);
}

/* ---- FTE per day or week ---- */

enum { F_VOL, F_WORK, F_AGENT, F_SCHED, F_PRESENT, NF };

static size_t period_of(const wfm_sr *r, wfm_date d, int week, wfm_date *start)
{
	wfm_date base = week ? r->first - wfm_date_weekday(r->first) : r->first;
	wfm_date p = week ? d - wfm_date_weekday(d) : d;

	*start = p;
	return (size_t)(p - base) / (week ? 7 : 1);
}

static void fte_row(wfm_csvw *w, const wfm_sr *r, wfm_date d, const sr_series *s,
		    const double *v, int week)
{
	put_date(w, d);
	wfm_csvw_str(w, s ? wfm_channel_name(s->channel) : "");
	wfm_csvw_str(w, s ? s->line : "");
	put_num(w, v[F_VOL], 2);
	put_num(w, v[F_WORK], 2);
	put_num(w, v[F_AGENT], 2);
	put_num(w, v[F_SCHED], 2);
	put_num(w, v[F_SCHED] / (week ? r->s->fte_hours : r->s->fte_hours / 5), 2);
	wfm_csvw_end(w);
}

static int write_fte(wfm_csvw *w, const wfm_sr *r, int week, wfm_err *e)
{
	static const char *const head[] = {"date", "channel", "line", "volume", "workload_h",
					   "agent_hours", "scheduled_hours", "fte", NULL};
	static const char *const whead[] = {"week", "channel", "line", "volume", "workload_h",
					    "agent_hours", "scheduled_hours", "fte", NULL};
	wfm_date last = r->nwday ? r->wday[r->nwday - 1] : r->last, start;
	size_t np = period_of(r, last > r->last ? last : r->last, week, &start) + 1;
	size_t ns = r->nser;
	double *acc = calloc(np * ns * NF, sizeof *acc), h = wfm_sr_interval_s(r) / 3600.0;
	int32_t *rank = series_ranks(r), *order = malloc((ns + 1) * sizeof *order);

	if (!acc || !rank || !order) {
		free(acc);
		free(rank);
		free(order);
		return wfm_err_nomem(e);
	}
	for (size_t i = 0; i < r->nrow; i++) {
		const sr_row *row = &r->row[i];
		double *v;
		long sched = 0;

		if (!r->ser[row->series].live)
			continue;
		v = &acc[(period_of(r, row->date, week, &start) * ns + (size_t)row->series) * NF];
		wfm_shrinkage_apply((double)row->agents, row_shrinkage(r, row), &sched, NULL);
		v[F_VOL] += row->volume;
		v[F_WORK] += row->volume * row->aht / 3600.0;
		v[F_AGENT] += (double)row->agents * h;
		v[F_SCHED] += (double)sched * h;
		v[F_PRESENT] = 1;
	}
	for (size_t s = 0; s < ns; s++) {
		const sr_series *ser = &r->ser[s];

		for (size_t k = 0; !ser->live && k < r->nwday; k++) {
			double *v = &acc[(period_of(r, r->wday[k], week, &start) * ns + s) * NF];

			v[F_VOL] += ser->rvol[k];
			v[F_WORK] += ser->rwork[k];
			v[F_AGENT] += ser->cap[k];
			v[F_SCHED] += ser->cap[k] / (1 - day_shrinkage(r, ser, k));
			v[F_PRESENT] = 1;
		}
	}
	for (size_t s = 0; s < ns; s++)
		order[rank[s]] = (int32_t)s;
	wfm_csvw_header(w, week ? whead : head);
	for (size_t p = 0; p < np && !wfm_csvw_error(w); p++) {
		double total[NF] = {0};
		wfm_date d = (week ? r->first - wfm_date_weekday(r->first) : r->first) +
			     (wfm_date)(p * (week ? 7 : 1));

		for (size_t j = 0; j < ns; j++) {
			const double *v = &acc[(p * ns + (size_t)order[j]) * NF];

			if (!v[F_PRESENT])
				continue;
			fte_row(w, r, d, &r->ser[order[j]], v, week);
			for (int f = 0; f < NF; f++)
				total[f] += v[f];
		}
		if (total[F_PRESENT] > 0)
			fte_row(w, r, d, NULL, total, week);
	}
	free(acc);
	free(rank);
	free(order);
	return WFM_OK;
}

int wfm_sr_write(const wfm_sr *r, FILE *f, int excel, int grain, wfm_err *e)
{
	static const char *const req[] = {"date", "time", "channel", "line", "volume", "aht_s",
		"agents", "service_level", "answer_rate", "asa_s", "occupancy", "scheduled", NULL};
	static const char *const eval[] = {"date", "time", "channel", "line", "volume", "aht_s",
		"agents", "service_level", "answer_rate", "asa_s", "occupancy", "abandoned",
		"callbacks", "backlog", "status", NULL};
	static const char *const sim[] = {"date", "time", "channel", "line", "volume", "aht_s",
		"agents", "service_level", "service_level_lo", "service_level_hi", "answer_rate",
		"answer_rate_lo", "answer_rate_hi", "asa_s", "asa_s_lo", "asa_s_hi", "occupancy",
		"occupancy_lo", "occupancy_hi", "abandoned", "abandoned_lo", "abandoned_hi",
		"callbacks", "callbacks_lo", "callbacks_hi", "backlog", "backlog_lo", "backlog_hi",
		NULL};
	wfm_csvw w;
	item *it;
	size_t n;
	int rc = WFM_OK;

	if (!r->step)
		return wfm_err_set(e, WFM_EUSAGE, "nothing computed to write");
	if (grain != WFM_SR_INTERVAL && (r->step != 1 || r->simulated))
		return wfm_err_set(e, WFM_EUSAGE, "day and week totals are written for "
				   "requirements only");
	wfm_csvw_init(&w, f, excel);
	if (grain != WFM_SR_INTERVAL) {
		rc = write_fte(&w, r, grain == WFM_SR_WEEK, e);
	} else {
		if (!(it = collect(r, r->step == 2 || r->simulated, !r->simulated, &n)))
			return wfm_err_nomem(e);
		wfm_csvw_header(&w, r->simulated ? sim : r->step == 2 ? eval : req);
		for (size_t i = 0; i < n && !wfm_csvw_error(&w); i++) {
			if (r->simulated)
				write_simulate(&w, r, &it[i]);
			else if (r->step == 2)
				write_evaluate(&w, r, &it[i]);
			else
				write_require(&w, r, &it[i]);
		}
		free(it);
	}
	if (rc == WFM_OK && (wfm_csvw_error(&w) || ferror(f)))
		rc = wfm_err_set(e, WFM_EIO, "write error");
	return rc;
}
