/* staffrun_set.c - the settings of a staffing run; see staffrun.h. */
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "staffrun.h"
#include "common/value.h"
#include "io/csv.h"

/* Concurrency factors of common practice: an agent with i chats finishes
 * chats f_i times as fast as with one. */
static const double chat_factor[] = {1, 1.7, 2.5, 2.9, 3.5};

/* An error in the setting `key` of [staff] (wfm_config_value_error). */
#define setting_error(cfg, key, e, ...) wfm_config_value_error(cfg, "staff", key, e, __VA_ARGS__)

/* Seconds "150", "2:30", "150.5" (decimal point only: ',' separates). */
static const char *parse_secs(const char *s, double *out)
{
	static const wfm_numfmt point = {'.', 0};
	const char *why = wfm_parse_duration(s, point, out);

	if (!why && (!(*out > 0) || *out > 86400))
		why = "must be more than 0 and at most 86400 seconds (a day)";
	return why;
}

/* Splits `text` at ',' into items without surrounding blanks; calls `each`
 * for every item.  An empty item is an error. */
static int each_item(const char *text, int (*each)(void *ctx, char *item), void *ctx,
		     char *bad, size_t nbad)
{
	char item[256];

	for (;;) {
		size_t len = strcspn(text, ","), a = 0, b = len;
		int rc;

		while (a < b && (text[a] == ' ' || text[a] == '\t'))
			a++;
		while (b > a && (text[b - 1] == ' ' || text[b - 1] == '\t'))
			b--;
		if (b - a >= sizeof item || b == a) {
			snprintf(bad, nbad, "%s item", b == a ? "empty" : "too long an");
			return -1;
		}
		memcpy(item, text + a, b - a);
		item[b - a] = '\0';
		if ((rc = each(ctx, item)))
			return rc; /* `each` said why */
		if (text[len] == '\0')
			return 0;
		text += len + 1;
	}
}

struct line_ctx {
	wfm_sr_settings *s;
	char *why;
	size_t nwhy;
};

/* "LINE/CHANNEL SECONDS" */
static int one_aht_line(void *vctx, char *item)
{
	struct line_ctx *c = vctx;
	char *slash = strchr(item, '/'), *sp, shown[80];
	wfm_sr_aht_line *l;
	const char *why;
	int ch;
	double x;

	sp = slash ? strpbrk(slash, " \t") : NULL;
	if (!slash || !sp || slash == item) {
		snprintf(c->why, c->nwhy, "expected LINE/CHANNEL SECONDS: '%s'",
			 wfm_csv_show(item, shown, sizeof shown));
		return -1;
	}
	*slash = *sp = '\0';
	if (strlen(item) > WFM_SR_LINE_MAX) {
		snprintf(c->why, c->nwhy, "line code too long: '%s'",
			 wfm_csv_show(item, shown, sizeof shown));
		return -1;
	}
	if ((ch = wfm_channel_parse(slash + 1)) < 0) {
		snprintf(c->why, c->nwhy, "unknown channel '%s'",
			 wfm_csv_show(slash + 1, shown, sizeof shown));
		return -1;
	}
	if ((why = parse_secs(sp + 1, &x))) {
		snprintf(c->why, c->nwhy, "%s/%s: %s: '%s'", item, wfm_channel_name(ch), why,
			 wfm_csv_show(sp + 1, shown, sizeof shown));
		return -1;
	}
	l = realloc(c->s->aht_line, (c->s->n_aht_line + 1) * sizeof *l);
	if (!l) {
		snprintf(c->why, c->nwhy, "out of memory");
		return -2;
	}
	c->s->aht_line = l;
	l += c->s->n_aht_line++;
	memset(l, 0, sizeof *l);
	memcpy(l->line, item, strlen(item));
	l->channel = ch;
	l->aht_s = x;
	return 0;
}

struct chat_ctx {
	double v[WFM_CHAT_KMAX];
	int n;
	char *why;
	size_t nwhy;
};

static int one_chat_aht(void *vctx, char *item)
{
	struct chat_ctx *c = vctx;
	const char *why;
	char shown[80];
	double x;

	if (c->n == WFM_CHAT_KMAX) {
		snprintf(c->why, c->nwhy, "more than %d values", WFM_CHAT_KMAX);
		return -1;
	}
	if ((why = parse_secs(item, &x))) {
		snprintf(c->why, c->nwhy, "%s: '%s'", why, wfm_csv_show(item, shown, sizeof shown));
		return -1;
	}
	c->v[c->n++] = x;
	return 0;
}

static int text_lists(wfm_sr_settings *s, const wfm_config *cfg, wfm_err *e)
{
	char why[256] = "";
	int rc;

	if (cfg->aht_lines) {
		struct line_ctx lc = {s, why, sizeof why};

		rc = each_item(cfg->aht_lines, one_aht_line, &lc, why, sizeof why);
		if (rc == -2)
			return wfm_err_nomem(e);
		if (rc)
			return setting_error(cfg, "aht_lines", e, "%s", why);
	}
	if (cfg->chat_aht) {
		struct chat_ctx cc = {.why = why, .nwhy = sizeof why};

		if (each_item(cfg->chat_aht, one_chat_aht, &cc, why, sizeof why))
			return setting_error(cfg, "chat_aht", e, "%s", why);
		if (cc.n < s->concurrency)
			return setting_error(cfg, "chat_aht", e, "%d value%s for a concurrency of "
					     "%d: give the handle time at 1 to %d chats", cc.n,
					     cc.n == 1 ? "" : "s", s->concurrency, s->concurrency);
		for (int i = 0; i < WFM_CHAT_KMAX; i++)
			s->chat_shape[i] = i < cc.n ? cc.v[i] / cc.v[0] : 0;
		s->chat_aht = cc.v[0];
	} else {
		if (s->concurrency > 5)
			return setting_error(cfg, "concurrency", e, "no usual concurrency factor "
					     "beyond 5 chats: give the handle times in chat_aht");
		for (int i = 0; i < 5; i++)
			s->chat_shape[i] = (double)(i + 1) / chat_factor[i];
	}
	return WFM_OK;
}

/* shrinkage[channel][weekday] from shrinkage, shrinkage_CHANNEL and
 * shrinkage_DAY (see staffrun.h). */
static int combine_shrinkage(wfm_sr_settings *s, const wfm_config *cfg, wfm_err *e)
{
	static const char *const chan_key[WFM_NCHANNELS] = {"shrinkage_phone",
		"shrinkage_email", "shrinkage_chat", "shrinkage_social", "shrinkage_callback"};
	const double given[WFM_NCHANNELS] = {cfg->shrinkage_phone, cfg->shrinkage_email,
		cfg->shrinkage_chat, cfg->shrinkage_social, cfg->shrinkage_callback};

	for (int ch = 0; ch < WFM_NCHANNELS; ch++) {
		double off = given[ch] >= 0 ? given[ch] : cfg->shrinkage;

		for (int wd = WFM_MON; wd <= WFM_SUN; wd++) {
			double x = wfm_shrinkage_combine(cfg->shrinkage_day[wd], off);
			char day_key[32];

			if (x >= 0 && x < 1) {
				s->shrinkage[ch][wd] = x;
				continue;
			}
			snprintf(day_key, sizeof day_key, "shrinkage_%s", wfm_weekday_name(wd));
			return setting_error(cfg, wfm_config_origin(cfg, "staff", day_key) != 0 ?
					     day_key : given[ch] >= 0 ? chan_key[ch] : "shrinkage",
					     e, "%s on %s leaves no time for contacts",
					     wfm_channel_name(ch), wfm_weekday_name(wd));
		}
	}
	return WFM_OK;
}

int wfm_sr_settings_init(wfm_sr_settings *s, const wfm_config *cfg, wfm_err *e)
{
	int rc;

	memset(s, 0, sizeof *s);
	s->phone_model = -1;
	s->answer_rate = cfg->target_answer_rate;
	s->sl = cfg->sl;
	s->sl_time = cfg->sl_time;
	s->max_occ = cfg->max_occupancy;
	s->patience = cfg->patience;
	s->callback_after = cfg->callback_after;
	s->chat_patience = cfg->chat_patience;
	s->concurrency = cfg->concurrency;
	s->aht_channel[WFM_CH_PHONE] = cfg->aht_phone;
	s->aht_channel[WFM_CH_EMAIL] = cfg->aht_email;
	s->aht_channel[WFM_CH_CHAT] = cfg->aht_chat;
	s->aht_channel[WFM_CH_SOCIAL] = cfg->aht_social;
	s->aht_channel[WFM_CH_CALLBACK] = cfg->aht_callback;
	s->deadline_days = cfg->deadline_days;
	s->max_agents = cfg->max_agents;
	s->interval = cfg->interval;
	s->fte_hours = cfg->fte_hours;
	s->depth_weight = cfg->depth_weight;
	s->from = INT_MIN;
	s->to = INT_MAX;
	if (s->answer_rate >= 1)
		return setting_error(cfg, "target_answer_rate", e, "must be less than 1 (some "
				     "contacts always wait): '%g'", s->answer_rate);
	if (s->sl >= 1)
		return setting_error(cfg, "sl", e, "must be less than 1 (some contacts always "
				     "wait): '%g'", s->sl);
	if (s->concurrency > WFM_CHAT_KMAX)
		return setting_error(cfg, "concurrency", e, "the chat model takes at most %d "
				     "chats per agent: '%d'", WFM_CHAT_KMAX, s->concurrency);
	rc = combine_shrinkage(s, cfg, e);
	return rc != WFM_OK ? rc : text_lists(s, cfg, e);
}

void wfm_sr_settings_release(wfm_sr_settings *s)
{
	if (!s)
		return;
	free(s->aht_line);
	s->aht_line = NULL;
	s->n_aht_line = 0;
}

int wfm_sr_settings_check(const wfm_sr_settings *s, wfm_err *e)
{
	switch (s->phone_model) {
	case -1:
	case WFM_MODEL_ERLANG_C:
		break;
	case WFM_MODEL_ERLANG_A:
		if (!(s->patience > 0))
			return wfm_err_set(e, WFM_EUSAGE, "the erlang-a model needs a patience "
					   "(--patience or patience in [staff])");
		break;
	case WFM_MODEL_CALLBACK:
		if (!(s->callback_after > 0))
			return wfm_err_set(e, WFM_EUSAGE, "the callback model needs a cut-off "
					   "(--callback-after or callback_after in [staff])");
		break;
	default:
		return wfm_err_set(e, WFM_EUSAGE, "not a phone model: %d", s->phone_model);
	}
	if (!(s->aht >= 0) || !isfinite(s->aht))
		return wfm_err_set(e, WFM_EUSAGE, "--aht: must be more than 0: '%g'", s->aht);
	if (s->from > s->to)
		return wfm_err_set(e, WFM_EUSAGE, "--to is before --from");
	if (s->interval <= 0 || 1440 % s->interval)
		return wfm_err_set(e, WFM_EUSAGE, "interval out of range: %d minutes", s->interval);
	return WFM_OK;
}
