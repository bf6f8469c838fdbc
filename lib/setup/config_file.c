/* config_file.c - the wfm.conf reader: the INI syntax (sections, `key =
 * value` lines, comments, quoting), its errors with file and line, and
 * wfm_config_load.  Each value goes through the key table and the value
 * parsers of config.c (wfm_cfg_find_key, wfm_cfg_set_value); the whole file is read
 * into a copy of the settings, which replaces them only when the file is good.
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "config_impl.h"
#include "common/value.h"
#include "io/csv.h"

/* The sections of wfm.conf, those of the keys in wfm_cfg_keys. */
static const char *const sections[] = {"calendar", "ingest", "forecast", "staff", "plan",
					"report"};

#define NSECTIONS (sizeof sections / sizeof sections[0])

struct loader {
	wfm_config *cfg;
	const char *path;
	long line;
	int section;       /* index into sections; -1 before the first header */
	int seen[WFM_CONFIG_MAX_KEYS]; /* line where each key was set in this file, or 0 */
};

static int file_error(const struct loader *L, wfm_err *e, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int file_error(const struct loader *L, wfm_err *e, const char *fmt, ...)
{
	char msg[WFM_ERR_MSG_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	return wfm_err_set(e, WFM_EDATA, "%s:%ld: %s", L->path, L->line, msg);
}

static char *skip_blanks(char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return s;
}

static void cut_blanks(char *s)
{
	size_t len = strlen(s);

	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\r' ||
			   s[len - 1] == '\n'))
		s[--len] = '\0';
}

/* The value after '=': unquoted, or up to a '#' or ';' that follows a blank,
 * without surrounding blanks.  NULL with `*bad` set on a quoting error. */
static char *value_text(char *s, const char **bad)
{
	char *p;

	for (p = s; *p; p++)
		if ((*p == '#' || *p == ';') && p > s && (p[-1] == ' ' || p[-1] == '\t'))
			break;
	s = skip_blanks(s);
	if (*s != '"') {
		*p = '\0';
		cut_blanks(s);
		return s;
	}
	p = strchr(s + 1, '"');
	if (!p) {
		*bad = "missing closing quote";
		return NULL;
	}
	*p++ = '\0';
	p = skip_blanks(p);
	if (*p && *p != '#' && *p != ';') {
		*bad = "text after the closing quote";
		return NULL;
	}
	return s + 1;
}

static int parse_section(struct loader *L, char *s, wfm_err *e)
{
	char *end = strchr(s, ']'), *rest;
	size_t i;

	if (!end)
		return file_error(L, e, "expected '[section]': '%s'", s);
	*end = '\0';
	rest = skip_blanks(end + 1);
	if (*rest && *rest != '#' && *rest != ';')
		return file_error(L, e, "text after '[%s]'", s + 1);
	s = skip_blanks(s + 1);
	cut_blanks(s);
	for (i = 0; i < NSECTIONS; i++) {
		if (strcasecmp(s, sections[i]) == 0) {
			L->section = (int)i;
			return WFM_OK;
		}
	}
	return file_error(L, e, "unknown section [%s]", s);
}

static int parse_line(struct loader *L, char *s, wfm_err *e)
{
	const char *bad = NULL, *sec;
	char *eq, *key, *v, shown[128];
	struct cfg_why w;
	const struct key *k;
	size_t id, i;

	s = skip_blanks(s);
	cut_blanks(s);
	if (*s == '\0' || *s == '#' || *s == ';')
		return WFM_OK;
	if (*s == '[')
		return parse_section(L, s, e);
	eq = strchr(s, '=');
	if (!eq)
		return file_error(L, e, "expected 'key = value' or '[section]': '%s'",
				  wfm_csv_show(s, shown, sizeof shown));
	*eq = '\0';
	key = s;
	cut_blanks(key);
	if (*key == '\0')
		return file_error(L, e, "missing key before '='");
	if (L->section < 0)
		return file_error(L, e, "key '%s' before the first [section]",
				  wfm_csv_show(key, shown, sizeof shown));
	sec = sections[L->section];
	k = wfm_cfg_find_key(sec, key);
	if (!k)
		return file_error(L, e, "unknown key '%s' in [%s]",
				  wfm_csv_show(key, shown, sizeof shown), sec);
	id = (size_t)(k - wfm_cfg_keys);
	if (L->seen[id])
		return file_error(L, e, "[%s] %s given twice (first on line %d)", sec, k->name,
				  L->seen[id]);
	v = value_text(eq + 1, &bad);
	if (!bad)
		bad = wfm_cfg_set_value(L->cfg, k, v, L->path, &w);
	if (bad == wfm_cfg_out_of_memory)
		return wfm_err_nomem(e);
	if (bad && v)
		return file_error(L, e, "[%s] %s: %s: '%s'", sec, k->name, bad,
				  wfm_csv_show(w.part ? w.value : v, shown, sizeof shown));
	if (bad)
		return file_error(L, e, "[%s] %s: %s", sec, k->name, bad);
	L->seen[id] = (int)L->line;
	L->cfg->where_[id] = (int)L->line;
	for (i = 0; k->type == T_LIST && i < wfm_cfg_nkeys; i++) {
		if (!w.set[i])
			continue;
		if (w.set[i] > 1)
			return file_error(L, e, "[%s] %s: %s given twice", sec, k->name,
					  wfm_cfg_keys[i].name + strlen(wfm_cfg_lists[(int)k->lo].prefix));
		if (L->seen[i])
			return file_error(L, e, "[%s] %s given twice (first on line %d)", sec,
					  wfm_cfg_keys[i].name, L->seen[i]);
		L->seen[i] = (int)L->line;
		L->cfg->where_[i] = (int)L->line;
	}
	return WFM_OK;
}

static int read_lines(struct loader *L, FILE *f, wfm_err *e)
{
	char *buf = NULL;
	size_t cap = 0;
	ssize_t len;
	int rc = WFM_OK;

	while (rc == WFM_OK && (len = getline(&buf, &cap, f)) >= 0) {
		char *s = buf;

		L->line++;
		if ((size_t)len != strlen(buf))
			rc = file_error(L, e, "NUL byte: not a text file");
		else if (len > CFG_LINE_MAX_LEN)
			rc = file_error(L, e, "line longer than %d bytes", CFG_LINE_MAX_LEN);
		else {
			if (L->line == 1 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
				s += 3;
			rc = parse_line(L, s, e);
		}
	}
	if (rc == WFM_OK && ferror(f)) {
		char text[128];

		rc = wfm_err_set(e, WFM_EIO, "%s: read error: %s", L->path,
				 wfm_errno_text(errno, text, sizeof text));
	}
	free(buf);
	return rc;
}

/* A copy of `src` that shares no string with it. */
static int copy_config(wfm_config *dst, const wfm_config *src)
{
	size_t i;
	int bad = 0;

	*dst = *src;
	dst->file = src->file ? wfm_cfg_dup_n(src->file, strlen(src->file)) : NULL;
	bad = src->file && !dst->file;
	for (i = 0; i < wfm_cfg_nkeys; i++)
		if (wfm_cfg_keys[i].type == T_TEXT || wfm_cfg_keys[i].type == T_PATH)
			*(char **)wfm_cfg_field(dst, &wfm_cfg_keys[i]) = NULL;
	for (i = 0; i < wfm_cfg_nkeys; i++) {
		const char *t;

		if (wfm_cfg_keys[i].type != T_TEXT && wfm_cfg_keys[i].type != T_PATH)
			continue;
		t = *(char *const *)((const char *)src + wfm_cfg_keys[i].off);
		if (t && !(*(char **)wfm_cfg_field(dst, &wfm_cfg_keys[i]) = wfm_cfg_dup_n(t, strlen(t))))
			bad = 1;
	}
	if (bad) {
		wfm_config_release(dst);
		return WFM_EINTERNAL;
	}
	return WFM_OK;
}

static int load_file(wfm_config *cfg, const char *path, wfm_err *e)
{
	struct loader L = {0};
	wfm_config work;
	FILE *f = fopen(path, "r");
	char text[128];
	size_t i;
	int rc;

	if (!f)
		return wfm_err_set(e, WFM_ENOINPUT, "%s: cannot open: %s", path,
				   wfm_errno_text(errno, text, sizeof text));
	if (copy_config(&work, cfg) != WFM_OK) {
		fclose(f);
		return wfm_err_nomem(e);
	}
	for (i = 0; i < wfm_cfg_nkeys; i++)
		if (work.where_[i] > 0)
			work.where_[i] = 0; /* a line of an earlier file */
	free(work.file);
	work.file = wfm_cfg_dup_n(path, strlen(path));
	L.cfg = &work;
	L.path = path;
	L.section = -1;
	rc = work.file ? read_lines(&L, f, e) : wfm_err_nomem(e);
	fclose(f);
	if (rc == WFM_OK)
		rc = wfm_config_check(&work, e);
	if (rc != WFM_OK) {
		wfm_config_release(&work);
		return rc;
	}
	wfm_config_release(cfg);
	*cfg = work;
	return WFM_OK;
}

int wfm_config_load(wfm_config *cfg, const char *path, wfm_err *e)
{
	if (path)
		return load_file(cfg, path, e);
	if (access("wfm.conf", F_OK) == 0)
		return load_file(cfg, "wfm.conf", e);
	return WFM_OK;
}
