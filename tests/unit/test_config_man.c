/* test_config_man.c - man/wfm.conf.5 against the configuration table of
 * lib/setup/config.c and the example data/wfm.conf.
 *
 * Every key of the table must have an entry in the page (".B key = default"
 * after .TP or .TQ, under ".SS [section]"), the page no key the table lacks,
 * and each default shown must be the value data/wfm.conf gives the key
 * (empty when that file sets it only in a comment); test_config.c checks that
 * data/wfm.conf states the defaults of the code.  So a key added to the table
 * without its page entry, or a default changed in one place only, fails
 * here. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "setup/config_impl.h"

enum { MAXE = 256 };

struct entry {
	char section[32], key[64], value[256];
	int seen;
};

struct list {
	struct entry e[MAXE];
	int n;
};

static void path_of(const char *rel, char *out, size_t n)
{
	const char *dir = getenv("WFM_SRCDIR");

	snprintf(out, n, "%s/%s", dir ? dir : ".", rel);
}

/* The roff escapes the page uses, undone. */
static void unroff(const char *s, char *out, size_t n)
{
	size_t k = 0;

	while (*s && k + 1 < n) {
		if (s[0] == '\\' && s[1] == '-') {
			out[k++] = '-';
			s += 2;
		} else if (s[0] == '\\' && s[1] == '&') {
			s += 2;
		} else if (s[0] == '\\' && s[1] == 'e') {
			out[k++] = '\\';
			s += 2;
		} else {
			out[k++] = *s++;
		}
	}
	out[k] = '\0';
}

static void trim(char *s)
{
	size_t a = strspn(s, " \t"), len = strlen(s);

	while (len > a && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\n' ||
			   s[len - 1] == '\r'))
		len--;
	memmove(s, s + a, len - a);
	s[len - a] = '\0';
}

static void add(struct list *l, const char *section, const char *key, const char *value)
{
	assert_true(l->n < MAXE);
	snprintf(l->e[l->n].section, sizeof l->e[0].section, "%s", section);
	snprintf(l->e[l->n].key, sizeof l->e[0].key, "%s", key);
	snprintf(l->e[l->n].value, sizeof l->e[0].value, "%s", value);
	l->e[l->n++].seen = 0;
}

static struct entry *find(struct list *l, const char *section, const char *key)
{
	for (int i = 0; i < l->n; i++)
		if (strcasecmp(l->e[i].section, section) == 0 && strcasecmp(l->e[i].key, key) == 0)
			return &l->e[i];
	return NULL;
}

/* The entries of man/wfm.conf.5. */
static void read_page(struct list *l)
{
	char path[PATH_MAX], line[1024], section[32] = "", prev[16] = "";
	FILE *f;

	path_of("man/wfm.conf.5", path, sizeof path);
	f = fopen(path, "r");
	if (!f)
		fail_msg("cannot open %s", path);
	while (fgets(line, sizeof line, f)) {
		char plain[1024], *eq;

		trim(line);
		if (strncmp(line, ".SS [", 5) == 0 && line[strlen(line) - 1] == ']') {
			snprintf(section, sizeof section, "%.*s", (int)strlen(line) - 6, line + 5);
		} else if (strncmp(line, ".B ", 3) == 0 && section[0] &&
			   (strcmp(prev, ".TP") == 0 || strcmp(prev, ".TQ") == 0)) {
			unroff(line + 3, plain, sizeof plain);
			if (!(eq = strstr(plain, " =")))
				fail_msg("%s: an entry without ' = ': '%s'", path, line);
			*eq = '\0';
			trim(plain);
			trim(eq + 2);
			if (find(l, section, plain))
				fail_msg("%s: [%s] %s listed twice", path, section, plain);
			add(l, section, plain, eq + 2);
		} else if (strncmp(line, ".SH", 3) == 0) {
			section[0] = '\0';
		}
		snprintf(prev, sizeof prev, "%.3s", line);
	}
	fclose(f);
	assert_true(l->n > 0);
}

/* The keys data/wfm.conf sets, with their values; `# key = value` lines
 * (examples) are not settings. */
static void read_example(struct list *l)
{
	char path[PATH_MAX], line[1024], section[32] = "";
	FILE *f;

	path_of("data/wfm.conf", path, sizeof path);
	f = fopen(path, "r");
	if (!f)
		fail_msg("cannot open %s", path);
	while (fgets(line, sizeof line, f)) {
		char *eq;

		trim(line);
		if (line[0] == '[') {
			snprintf(section, sizeof section, "%.*s", (int)strlen(line) - 2, line + 1);
			continue;
		}
		if (!line[0] || line[0] == '#' || line[0] == ';' || !(eq = strchr(line, '=')))
			continue;
		*eq = '\0';
		trim(line);
		trim(eq + 1);
		add(l, section, line, eq + 1);
	}
	fclose(f);
}

static void test_page_lists_every_key(void **state)
{
	static struct list page, example;

	(void)state;
	read_page(&page);
	read_example(&example);
	for (size_t i = 0; i < wfm_cfg_nkeys; i++) {
		const struct key *k = &wfm_cfg_keys[i];
		struct entry *p = find(&page, k->section, k->name), *x;

		if (!p)
			fail_msg("man/wfm.conf.5 has no entry for [%s] %s (a key of "
				 "lib/setup/config.c)", k->section, k->name);
		p->seen = 1;
		x = find(&example, k->section, k->name);
		if (strcmp(p->value, x ? x->value : "") != 0)
			fail_msg("man/wfm.conf.5: [%s] %s = '%s', but data/wfm.conf says '%s'",
				 k->section, k->name, p->value, x ? x->value : "(nothing)");
	}
	for (int i = 0; i < page.n; i++)
		if (!page.e[i].seen)
			fail_msg("man/wfm.conf.5 lists [%s] %s, which lib/setup/config.c does not "
				 "know", page.e[i].section, page.e[i].key);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_page_lists_every_key),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
