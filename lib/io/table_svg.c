/* table_svg.c - the charts of report tables as one SVG document; see
 * wfm_tables_write_svg in table.h.  Plain SVG 1.1 that browsers and
 * rsvg-convert show: no scripts, no external fonts. */
#include "table.h"

#include <math.h>
#include <string.h>

enum { W = 960, H = 380, X0 = 78, X1 = W - 24, Y0 = 62, Y1 = H - 78 };

static const char *const colour[WFM_CHART_MAXY] = {"#1f5fa8", "#e07b00", "#2c9c3a", "#c0282d"};

/* Writes `s` with the XML special characters escaped. */
static void put_xml(FILE *f, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '&': fputs("&amp;", f); break;
		case '<': fputs("&lt;", f); break;
		case '>': fputs("&gt;", f); break;
		case '"': fputs("&quot;", f); break;
		default: fputc(*s, f);
		}
	}
}

/* A number with `dec` decimals and the decimal mark `mark`. */
static const char *fmt_num(double v, int dec, char mark, char *buf, size_t n)
{
	char *p;

	snprintf(buf, n, "%.*f", dec, v);
	if (strcmp(buf, "-0") == 0)
		memmove(buf, buf + 1, 2);
	for (p = buf; *p; p++)
		if (*p == '.' || *p == ',')
			*p = mark;
	return buf;
}

/* Appends '%' to a text that has room for one more byte. */
static void add_percent(char *buf)
{
	size_t n = strlen(buf);

	buf[n] = '%';
	buf[n + 1] = '\0';
}

/* A category label of cell `x` of column `col`. */
static const char *label(const wfm_tcol *col, const wfm_tcell *x, const wfm_tfmt *fmt,
			 char *buf, size_t n)
{
	static const char *const mon[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug",
					  "Sep", "Oct", "Nov", "Dec"};
	char mark = fmt && fmt->decimal == ',' ? ',' : '.';
	int y, m, d;

	buf[0] = '\0';
	if (col->type == WFM_TC_TEXT) {
		snprintf(buf, n, "%.14s", x->s ? x->s : "");
	} else if (!isfinite(x->v)) {
		return buf;
	} else if (col->type == WFM_TC_DATE) {
		wfm_date_to_ymd((wfm_date)lround(x->v), &y, &m, &d);
		if (fmt && fmt->day_first)
			snprintf(buf, n, "%02d/%02d", d, m);
		else
			snprintf(buf, n, "%d %s", d, mon[m - 1]);
	} else if (col->type == WFM_TC_TIME) {
		long t = lround(x->v);

		snprintf(buf, n, "%02ld:%02ld", t / 60, t % 60);
	} else if (col->type == WFM_TC_PCT) {
		fmt_num(100 * x->v, 0, mark, buf, n - 1);
		add_percent(buf);
	} else {
		fmt_num(x->v, col->decimals > 1 ? 1 : col->decimals, mark, buf, n);
	}
	return buf;
}

/* A step of 1, 2, 2.5 or 5 times a power of ten that cuts `span` into at
 * most 6 parts. */
static double nice_step(double span)
{
	static const double m[] = {1, 2, 2.5, 5, 10};
	double raw = span / 6, p = pow(10, floor(log10(raw)));

	for (int i = 0; i < 5; i++)
		if (m[i] * p >= raw)
			return m[i] * p;
	return 10 * p;
}

static void chart(FILE *f, const wfm_table *t, const wfm_tchart *ch, int k,
		  const wfm_tfmt *fmt)
{
	size_t n = ch->last - ch->first, every;
	double lo = 0, hi = 0, step, slot;
	int pct = 1, dec;
	char mark = fmt && fmt->decimal == ',' ? ',' : '.', buf[64];

	for (int s = 0; s < ch->ny; s++) {
		pct &= t->col[ch->y[s]].type == WFM_TC_PCT;
		for (size_t r = ch->first; r < ch->last; r++) {
			double v = t->cell[r * t->ncol + ch->y[s]].v;

			if (isfinite(v)) {
				lo = fmin(lo, v);
				hi = fmax(hi, v);
			}
		}
	}
	if (!(hi > lo))
		hi = lo + (pct ? 1 : 10);
	step = nice_step(hi - lo);
	lo = floor(lo / step) * step;
	hi = ceil(hi / step - 1e-9) * step;
	dec = pct ? (step * 100 < 1 ? 1 : 0) : step < 1 ? (step < 0.1 ? 2 : 1) : 0;
	slot = (double)(X1 - X0) / (double)n;
	fprintf(f, "<g transform=\"translate(0,%d)\">\n", k * H);
	fprintf(f, "<rect x=\"0.5\" y=\"0.5\" width=\"%d\" height=\"%d\" fill=\"#ffffff\" "
		"stroke=\"#d0d0d0\"/>\n", W - 1, H - 1);
	fputs("<text x=\"16\" y=\"26\" class=\"title\">", f);
	put_xml(f, ch->title);
	fputs("</text>\n", f);
	if (ch->y_title) {
		fprintf(f, "<text x=\"16\" y=\"44\" class=\"axis\">");
		put_xml(f, ch->y_title);
		fputs("</text>\n", f);
	}
	/* gridlines and value labels */
	for (double v = lo; v <= hi + step / 2; v += step) {
		double y = Y1 - (v - lo) / (hi - lo) * (Y1 - Y0);

		fprintf(f, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\"/>\n",
			X0, y, X1, y, fabs(v) < step / 2 ? "#707070" : "#e4e4e4");
		fmt_num(pct ? 100 * v : v, dec, mark, buf, sizeof buf - 1);
		if (pct)
			add_percent(buf);
		fprintf(f, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n", X0 - 6,
			y + 4, buf);
	}
	/* category labels, at most about 14 of them */
	every = n / 14 + 1;
	for (size_t i = 0; i < n; i += every) {
		double x = X0 + ((double)i + 0.5) * slot;

		fprintf(f, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#707070\"/>\n",
			x, Y1, x, Y1 + 4);
		fprintf(f, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">", x, Y1 + 18);
		put_xml(f, label(&t->col[ch->x], &t->cell[(ch->first + i) * t->ncol + ch->x], fmt,
				 buf, sizeof buf));
		fputs("</text>\n", f);
	}
	/* the series */
	for (int s = 0; s < ch->ny; s++) {
		int pen = 0;

		if (ch->kind == WFM_CHART_LINE)
			fprintf(f, "<path fill=\"none\" stroke=\"%s\" stroke-width=\"2\" d=\"",
				colour[s]);
		for (size_t i = 0; i < n; i++) {
			double v = t->cell[(ch->first + i) * t->ncol + ch->y[s]].v;
			double y = Y1 - (v - lo) / (hi - lo) * (Y1 - Y0), y0 = Y1 - (0 - lo) /
				   (hi - lo) * (Y1 - Y0);

			if (!isfinite(v)) {
				pen = 0;
				continue;
			}
			if (ch->kind == WFM_CHART_LINE) {
				fprintf(f, "%s%.1f %.1f ", pen ? "L" : "M",
					X0 + ((double)i + 0.5) * slot, y);
				pen = 1;
			} else {
				double bw = slot * 0.8 / ch->ny;

				fprintf(f, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
					"fill=\"%s\"/>\n", X0 + (double)i * slot + slot * 0.1 + s * bw,
					fmin(y, y0), bw, fabs(y0 - y), colour[s]);
			}
		}
		if (ch->kind == WFM_CHART_LINE)
			fputs("\"/>\n", f);
	}
	/* legend */
	for (int s = 0; s < ch->ny; s++) {
		int x = X0 + s * 220;

		fprintf(f, "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"14\" fill=\"%s\"/>\n", x,
			H - 30, colour[s]);
		fprintf(f, "<text x=\"%d\" y=\"%d\">", x + 20, H - 18);
		put_xml(f, t->col[ch->y[s]].name);
		fputs("</text>\n", f);
	}
	fputs("</g>\n", f);
}

int wfm_tables_write_svg(wfm_table *const *t, size_t n, FILE *f, const wfm_tfmt *fmt,
			 wfm_err *e)
{
	int charts = 0, k = 0;

	for (size_t i = 0; i < n; i++)
		charts += (int)t[i]->nchart;
	fprintf(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
		"viewBox=\"0 0 %d %d\">\n", W, charts ? charts * H : 60, W, charts ? charts * H : 60);
	fputs("<style>text{font-family:DejaVu Sans,Arial,sans-serif;font-size:12px;fill:#303030}"
	      ".title{font-size:16px;font-weight:bold}.axis{font-size:12px;fill:#606060}</style>\n",
	      f);
	if (!charts)
		fputs("<text x=\"16\" y=\"34\">no charts in this report</text>\n", f);
	for (size_t i = 0; i < n; i++)
		for (size_t c = 0; c < t[i]->nchart; c++)
			chart(f, t[i], &t[i]->chart[c], k++, fmt);
	fputs("</svg>\n", f);
	if (ferror(f))
		return wfm_err_set(e, WFM_EIO, "write error");
	return WFM_OK;
}
