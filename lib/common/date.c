#include "date.h"

#include <stdio.h>

static int is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int wfm_days_in_month(int y, int m)
{
	static const int len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (m < 1 || m > 12)
		return 0;
	return len[m - 1] + (m == 2 && is_leap(y));
}

int wfm_date_valid(int y, int m, int d)
{
	return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 &&
	       d <= wfm_days_in_month(y, m);
}

/* Days from civil, after H. Hinnant's "chrono-compatible low-level date
 * algorithms": eras of 400 years starting on 1 March. */
wfm_date wfm_date_from_ymd(int y, int m, int d)
{
	int era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void wfm_date_to_ymd(wfm_date date, int *py, int *pm, int *pd)
{
	int z = date + 719468;
	int era = (z >= 0 ? z : z - 146096) / 146097;
	int doe = z - era * 146097;
	int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int mp = (5 * doy + 2) / 153;
	int d = doy - (153 * mp + 2) / 5 + 1;
	int m = mp < 10 ? mp + 3 : mp - 9;
	int y = yoe + era * 400 + (m <= 2);

	if (py)
		*py = y;
	if (pm)
		*pm = m;
	if (pd)
		*pd = d;
}

int wfm_date_weekday(wfm_date date)
{
	/* 1970-01-01 was a Thursday (3). */
	int w = (date + 3) % 7;

	return w < 0 ? w + 7 : w;
}

wfm_date wfm_easter(int y)
{
	int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4;
	int f = (b + 8) / 25, g = (b - f + 1) / 3;
	int h = (19 * a + b - d - g + 15) % 30;
	int i = c / 4, k = c % 4;
	int l = (32 + 2 * e + 2 * i - h - k) % 7;
	int m = (a + 11 * h + 22 * l) / 451;
	int month = (h + l - 7 * m + 114) / 31;
	int day = (h + l - 7 * m + 114) % 31 + 1;

	return wfm_date_from_ymd(y, month, day);
}

char *wfm_date_iso(wfm_date date, char *buf)
{
	int y, m, d;

	wfm_date_to_ymd(date, &y, &m, &d);
	if (y < 0 || y > 9999)
		y = 0;
	snprintf(buf, 11, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u,
		 (unsigned)d % 100u);
	return buf;
}

char *wfm_time_hhmm(int t, char *buf)
{
	unsigned u = t < 0 ? 0u : (unsigned)t % 1440u;

	snprintf(buf, 6, "%02u:%02u", u / 60u, u % 60u);
	return buf;
}

const char *wfm_weekday_name(int wd)
{
	static const char *const names[7] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

	return wd >= 0 && wd < 7 ? names[wd] : "?";
}

int wfm_interval_valid(int minutes)
{
	return minutes == 5 || minutes == 10 || minutes == 15 || minutes == 30 || minutes == 60;
}

/* The Monday of ISO week 1 of year y: the week of 4 January. */
static wfm_date week1_monday(int y)
{
	wfm_date jan4 = wfm_date_from_ymd(y, 1, 4);

	return jan4 - wfm_date_weekday(jan4);
}

int wfm_iso_weeks(int y)
{
	return (week1_monday(y + 1) - week1_monday(y)) / 7;
}

wfm_date wfm_iso_week_monday(int y, int w)
{
	return week1_monday(y) + 7 * (w - 1);
}

const char *wfm_parse_iso_week(const char *s, wfm_date *monday)
{
	int i, y = 0, w;

	for (i = 0; i < 8; i++) {
		int digit = i < 4 || i > 5;

		if (digit ? s[i] < '0' || s[i] > '9' : s[i] != "-W"[i - 4])
			return "expected YYYY-Www such as 2026-W48";
	}
	if (s[8] != '\0')
		return "expected YYYY-Www such as 2026-W48";
	for (i = 0; i < 4; i++)
		y = 10 * y + (s[i] - '0');
	w = 10 * (s[6] - '0') + (s[7] - '0');
	if (y < WFM_YEAR_MIN || y > WFM_YEAR_MAX)
		return "year outside 1900-2199";
	if (w < 1 || w > 53)
		return "no such week";
	if (w > wfm_iso_weeks(y))
		return "the year has 52 weeks";
	*monday = wfm_iso_week_monday(y, w);
	return NULL;
}
