/* reportrun_text.c - the words of the report in English and Dutch: table
 * names, headers, labels, titles, weekdays and channels, and the reasons of
 * wfm-plan's decisions; see reportrun_impl.h. */
#include <stdio.h>
#include <string.h>

#include "reportrun_impl.h"
#include "common/channel.h"
#include "common/date.h"

/* English -> Dutch.  Table names stay [a-z0-9-]. */
static const char *const dict[][2] = {
	/* tables */
	{"accuracy", "nauwkeurigheid"},
	{"accuracy-day", "nauwkeurigheid-dag"},
	{"accuracy-week", "nauwkeurigheid-week"},
	{"accuracy-month", "nauwkeurigheid-maand"},
	{"accuracy-time", "nauwkeurigheid-tijd"},
	{"accuracy-total", "nauwkeurigheid-totaal"},
	{"estimates", "inschattingen"},
	{"service", "dienstverlening"},
	{"service-day", "dienstverlening-dag"},
	{"deferred-day", "uitgesteld-dag"},
	{"backlog", "achterstand"},
	{"plan-day", "planning-dag"},
	{"plan-interval", "planning-interval"},
	{"plan-total", "planning-totaal"},
	{"decisions", "beslissingen"},
	{"plan-summary", "planning-overzicht"},
	{"capacity-day", "capaciteit-dag"},
	{"capacity-week", "capaciteit-week"},
	{"quiet-days", "rustige-dagen"},
	{"cost", "kosten"},
	/* headers */
	{"snapshot", "prognose_van"},
	{"date", "datum"},
	{"weekday", "weekdag"},
	{"week", "week"},
	{"month", "maand"},
	{"time", "tijd"},
	{"line", "lijn"},
	{"channel", "kanaal"},
	{"grain", "niveau"},
	{"periods", "perioden"},
	{"days", "dagen"},
	{"actual", "werkelijk"},
	{"forecast", "prognose"},
	{"lo", "laag"},
	{"hi", "hoog"},
	{"error", "afwijking"},
	{"abs_error_share", "absolute_afwijking"},
	{"wape", "wape"},
	{"bias", "bias"},
	{"mase", "mase"},
	{"coverage", "dekking"},
	{"poisson_floor", "poissonvloer"},
	{"inside", "binnen_interval"},
	{"from", "van"},
	{"to", "tot"},
	{"mode", "modus"},
	{"value", "waarde"},
	{"note", "opmerking"},
	{"days_compared", "dagen_vergeleken"},
	{"baseline", "basis"},
	{"announced_extra", "aangekondigd_extra"},
	{"actual_extra", "werkelijk_extra"},
	{"ratio", "verhouding"},
	{"offered", "aangeboden"},
	{"answered", "beantwoord"},
	{"answer_rate", "antwoordpercentage"},
	{"target", "doel"},
	{"met", "gehaald"},
	{"measure", "maatstaf"},
	{"share", "aandeel"},
	{"days_missed", "dagen_gemist"},
	{"open_start", "open_begin"},
	{"open_end", "open_einde"},
	{"past_due_end", "te_laat_einde"},
	{"open", "open"},
	{"past_due", "te_laat_open"},
	{"oldest_days", "oudste_dagen"},
	{"due", "uiterlijk"},
	{"in_time", "op_tijd"},
	{"late", "te_laat"},
	{"overdue", "open_na_termijn"},
	{"pending", "open_in_termijn"},
	{"share_in_time", "aandeel_op_tijd"},
	{"surplus", "overschot"},
	{"required", "nodig"},
	{"planned", "gepland"},
	{"gap", "verschil"},
	{"service_level", "serviceniveau"},
	{"required_h", "nodig_u"},
	{"planned_h", "gepland_u"},
	{"under_h", "tekort_u"},
	{"over_h", "overschot_u"},
	{"covered", "gedekt"},
	{"fte_planned", "vte_gepland"},
	{"agents", "medewerkers"},
	{"leave_granted", "verlof_toegestaan"},
	{"leave_refused", "verlof_geweigerd"},
	{"training_attendees", "opleiding_deelnemers"},
	{"kind", "soort"},
	{"name", "naam"},
	{"agent", "medewerker"},
	{"start", "begin"},
	{"end", "einde"},
	{"decision", "beslissing"},
	{"reason", "reden"},
	{"key", "sleutel"},
	{"fte_required", "vte_nodig"},
	{"fte_available", "vte_beschikbaar"},
	{"fte_spare", "vte_over"},
	{"hours_required", "uren_nodig"},
	{"hours_available", "uren_beschikbaar"},
	{"leave_hours", "verlof_uren"},
	{"leave_allowance", "extra_verlof_mogelijk"},
	{"rank", "rang"},
	{"entity", "entiteit"},
	{"contacts", "contacten"},
	{"scheduled_h", "ingeroosterd_u"},
	{"hourly_cost", "uurkost"},
	{"price", "prijs"},
	{"staff_cost", "personeelskost"},
	{"contact_cost", "contactkost"},
	{"total_cost", "totale_kost"},
	/* values and labels */
	{"interval", "interval"},
	{"day", "dag"},
	{"all", "alle"},
	{"answered live", "live beantwoord"},
	{"answered in time", "op tijd beantwoord"},
	{"leave", "verlof"},
	{"training", "opleiding"},
	{"approved", "goedgekeurd"},
	{"granted", "toegestaan"},
	{"refused", "geweigerd"},
	{"attends", "neemt deel"},
	{"total", "totaal"},
	/* wfm-plan's summary */
	{"objective", "doelfunctie"},
	{"bound", "ondergrens"},
	{"seconds", "seconden"},
	{"under_coverage_hours", "uren_tekort"},
	{"over_coverage_hours", "uren_overschot"},
	{"deferred_late_hours", "uitgesteld_uren_te_laat"},
	{"shifts", "diensten"},
	{"optimal", "optimaal"},
	{"time_limit", "tijdslimiet"},
	{"stopped", "gestopt"},
	/* titles */
	{"Forecast accuracy per snapshot, line, channel and grain",
	 "Nauwkeurigheid van de prognose per prognose, lijn, kanaal en niveau"},
	{"Forecast against actual per day", "Prognose tegenover werkelijk per dag"},
	{"Forecast against actual per week", "Prognose tegenover werkelijk per week"},
	{"Forecast against actual per month", "Prognose tegenover werkelijk per maand"},
	{"Accuracy per time of day", "Nauwkeurigheid per tijdstip van de dag"},
	{"Forecast against actual per day, all lines", "Prognose tegenover werkelijk per dag, alle lijnen"},
	{"snapshot of", "prognose van"},
	{"The entities' estimates against what came on top of the baseline",
	 "De inschattingen van de entiteiten tegenover wat er bovenop de basis kwam"},
	{"Service per line and channel", "Dienstverlening per lijn en kanaal"},
	{"Answer rate per day against the target", "Antwoordpercentage per dag tegenover het doel"},
	{"E-mail, social media and callbacks, first in first out, deadline in working days",
	 "E-mail, sociale media en terugbelverzoeken, eerst in eerst uit, termijn in werkdagen"},
	{"Backlog at the end of the period", "Achterstand aan het einde van de periode"},
	{"Plan per day: required against planned", "Planning per dag: nodig tegenover gepland"},
	{"Plan per interval and line", "Planning per interval en lijn"},
	{"Required against planned per interval, all lines",
	 "Nodig tegenover gepland per interval, alle lijnen"},
	{"Required against planned per interval", "Nodig tegenover gepland per interval"},
	{"Leave and training decisions", "Beslissingen over verlof en opleidingen"},
	{"Plan summary", "Samenvatting van de planning"},
	{"Capacity per day: FTE required against available",
	 "Capaciteit per dag: VTE nodig tegenover beschikbaar"},
	{"Capacity per week: FTE required against available",
	 "Capaciteit per week: VTE nodig tegenover beschikbaar"},
	{"FTE required against available per week", "VTE nodig tegenover beschikbaar per week"},
	{"FTE", "VTE"},
	{"The quietest days, for trainings", "De rustigste dagen, voor opleidingen"},
	{"Cost estimate per line and channel", "Kostenraming per lijn en kanaal"},
};

const char *wfm_rr_t(const wfm_rr *r, const char *en)
{
	if (r->o.lang != WFM_RR_NL)
		return en;
	for (size_t i = 0; i < sizeof dict / sizeof dict[0]; i++)
		if (strcmp(dict[i][0], en) == 0)
			return dict[i][1];
	return en;
}

const char *wfm_rr_weekday(const wfm_rr *r, wfm_date d)
{
	static const char *const nl[] = {"ma", "di", "wo", "do", "vr", "za", "zo"};
	int wd = wfm_date_weekday(d);

	return r->o.lang == WFM_RR_NL ? nl[wd] : wfm_weekday_name(wd);
}

const char *wfm_rr_channel(const wfm_rr *r, int channel)
{
	static const char *const nl[] = {"telefoon", "e-mail", "chat", "sociale media",
					 "terugbellen"};

	if (r->o.lang == WFM_RR_NL && channel >= 0 && channel < WFM_NCHANNELS)
		return nl[channel];
	return wfm_channel_name(channel);
}

const char *wfm_rr_yes(const wfm_rr *r, int yes)
{
	if (r->o.lang == WFM_RR_NL)
		return yes ? "ja" : "nee";
	return yes ? "yes" : "no";
}

char *wfm_rr_date_text(const wfm_rr *r, wfm_date d, char *buf)
{
	int y, m, day;

	if (r->o.lang != WFM_RR_NL)
		return wfm_date_iso(d, buf);
	wfm_date_to_ymd(d, &y, &m, &day);
	snprintf(buf, 11, "%02d/%02d/%04d", day, m, y);
	return buf;
}

char *wfm_rr_month_text(const wfm_rr *r, int y, int m, char *buf)
{
	if (r->o.lang == WFM_RR_NL)
		snprintf(buf, 8, "%02d/%04d", m, y);
	else
		snprintf(buf, 8, "%04d-%02d", y, m);
	return buf;
}

/* ---- the reasons of wfm-plan's decisions ---- */

/* Copies the text from *s up to (not including) `stop` into out (size n);
 * returns 1 and moves *s past `stop`, or 0 when `stop` is not found. */
static int upto(const char **s, const char *stop, char *out, size_t n)
{
	const char *p = strstr(*s, stop);
	size_t len;

	if (!p)
		return 0;
	len = (size_t)(p - *s);
	if (len >= n)
		len = n - 1;
	memcpy(out, *s, len);
	out[len] = '\0';
	*s = p + strlen(stop);
	return 1;
}

/* An ISO date in `s` as dd/mm/yyyy (kept as it is when it is none). */
static const char *dmy(const char *s, char *buf)
{
	int y, m, d;
	char rest;

	if (sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &rest) != 3)
		return s;
	snprintf(buf, 11, "%02d/%02d/%04d", d, m, y);
	return buf;
}

/* A number's decimal point as a comma, in place. */
static char *comma(char *s)
{
	for (char *p = s; *p; p++)
		if (*p == '.')
			*p = ',';
	return s;
}

char *wfm_rr_reason(const wfm_rr *r, const char *reason, char *buf, size_t n)
{
	char a[64], b[64], c[64], d[64], e[64], t[16];
	const char *s = reason;

	if (!reason || r->o.lang != WFM_RR_NL) {
		snprintf(buf, n, "%s", reason ? reason : "");
		return buf;
	}
	/* "2026-11-25 10:30 line 1700 would be 2.0 agents short (14.0 needed)" */
	if (upto(&s, " ", a, sizeof a) && upto(&s, " line ", b, sizeof b) &&
	    upto(&s, " would be ", c, sizeof c) && upto(&s, " agents short (", d, sizeof d) &&
	    upto(&s, " needed)", e, sizeof e) && *s == '\0') {
		snprintf(buf, n, "%s %s lijn %s zou %s medewerkers tekort hebben (%s nodig)",
			 dmy(a, t), b, c, comma(d), comma(e));
		return buf;
	}
	s = reason;
	/* "attends training 'X' on 2026-11-25" */
	if (strncmp(s, "attends training '", 18) == 0 && (s += 18, upto(&s, "' on ", a, sizeof a)) &&
	    strlen(s) < sizeof b) {
		snprintf(b, sizeof b, "%s", s);
		snprintf(buf, n, "volgt opleiding '%s' op %s", a, dmy(b, t));
		return buf;
	}
	s = reason;
	/* "group of 8" */
	if (strncmp(s, "group of ", 9) == 0) {
		snprintf(buf, n, "groep van %s", s + 9);
		return buf;
	}
	if (strcmp(s, "the agent is off that day in this plan; leave would lower the hours it "
		      "owes the week and the plan needs those hours on other days") == 0) {
		snprintf(buf, n, "de medewerker is die dag vrij in deze planning; verlof zou de "
			 "uren verlagen die hij de week verschuldigd is, en de planning heeft die "
			 "uren op andere dagen nodig");
		return buf;
	}
	if (strcmp(s, "no interval would fall short without the agent, but the plan found no "
		      "cheaper week with the leave in the time it had") == 0) {
		snprintf(buf, n, "geen interval zou tekortkomen zonder de medewerker, maar de "
			 "planning vond in de beschikbare tijd geen goedkopere week met het verlof");
		return buf;
	}
	snprintf(buf, n, "%s", reason);
	return buf;
}
