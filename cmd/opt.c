#include "opt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tool.h"
#include "setup/config.h"

/* Prints `text` from column `col`, wrapped before column 79. */
static void print_wrapped(const char *text, int col)
{
	int at = col;

	while (*text) {
		size_t len = strcspn(text, " ");

		if (at > col && at + 1 + (int)len > 79) {
			printf("\n%*s", col, "");
			at = col;
		} else if (at > col) {
			putchar(' ');
			at++;
		}
		printf("%.*s", (int)len, text);
		at += (int)len;
		text += len;
		while (*text == ' ')
			text++;
	}
	putchar('\n');
}

void tool_print_usage(const char *head, const struct tool_opt *opts, int nopts,
		      const char *tail)
{
	int i;

	fputs(head, stdout);
	for (i = 0; i < nopts; i++) {
		const struct tool_opt *o = &opts[i];
		char line[64];
		int n;

		n = snprintf(line, sizeof line, "  %c%c%s--%s%s%s", o->short_name ? '-' : ' ',
			     o->short_name ? o->short_name : ' ', o->short_name ? ", " : "  ",
			     o->name, o->arg ? " " : "", o->arg ? o->arg : "");
		printf("%s", line);
		if (n + 2 > 25)
			printf("\n%*s", 25, "");
		else
			printf("%*s", 25 - n, "");
		print_wrapped(o->help ? o->help : wfm_config_help(o->section, o->key), 25);
	}
	fputs(tail, stdout);
}

/* The option `arg` names, or -1; `*inline_val` is a value written in the
 * same argument. */
static int find_opt(const struct tool_opt *opts, int nopts, const char *arg,
		    const char **inline_val)
{
	size_t len;
	int i;

	*inline_val = NULL;
	for (i = 0; i < nopts && arg[1] != '-'; i++) {
		if (opts[i].short_name && arg[1] == opts[i].short_name) {
			*inline_val = arg[2] ? arg + 2 : NULL;
			return i;
		}
	}
	len = strcspn(arg + 2, "=");
	for (i = 0; i < nopts && arg[1] == '-'; i++) {
		if (strlen(opts[i].name) == len && strncmp(arg + 2, opts[i].name, len) == 0) {
			*inline_val = arg[2 + len] ? arg + 3 + len : NULL;
			return i;
		}
	}
	return -1;
}

int tool_parse(int argc, char **argv, const struct tool_opt *opts, int nopts, int help_id,
	       int version_id, const char *head, const char *tail, struct tool_cmdline *c)
{
	int i, only_operands = 0;

	memset(c, 0, sizeof *c);
	c->val = calloc((size_t)nopts, sizeof *c->val);
	c->set = calloc((size_t)nopts, sizeof *c->set);
	c->flags = calloc((size_t)argc + 1, sizeof *c->flags);
	c->flag_val = calloc((size_t)argc + 1, sizeof *c->flag_val);
	c->operands = calloc((size_t)argc + 1, sizeof *c->operands);
	c->given = calloc((size_t)argc + 1, sizeof *c->given);
	c->given_val = calloc((size_t)argc + 1, sizeof *c->given_val);
	if (!c->val || !c->set || !c->flags || !c->flag_val || !c->operands || !c->given ||
	    !c->given_val)
		return tool_error(70, "out of memory");
	for (i = 1; i < argc; i++) {
		const char *arg = argv[i], *val;
		int id;

		if (only_operands || arg[0] != '-' || arg[1] == '\0') {
			c->operands[c->noperands++] = argv[i];
			continue;
		}
		if (strcmp(arg, "--") == 0) {
			only_operands = 1;
			continue;
		}
		id = find_opt(opts, nopts, arg, &val);
		if (id < 0)
			return tool_usage("unknown option '%s'", arg);
		if (val && !opts[id].arg)
			return tool_usage("--%s takes no value: '%s'", opts[id].name, arg);
		if (opts[id].arg && !val) {
			if (i + 1 >= argc)
				return tool_usage("option '%s' needs a value", arg);
			val = argv[++i];
		}
		if (id == help_id) {
			tool_print_usage(head, opts, nopts, tail);
			return -1;
		}
		if (id == version_id) {
			tool_version();
			return -1;
		}
		c->val[id] = val;
		c->set[id] = 1;
		if (val) {
			c->given[c->ngiven] = id;
			c->given_val[c->ngiven++] = val;
		}
		if (opts[id].section && opts[id].key) {
			c->flags[c->nflags] = id;
			c->flag_val[c->nflags++] = val;
		}
	}
	return 0;
}

void tool_cmdline_release(struct tool_cmdline *c)
{
	free(c->val);
	free(c->set);
	free(c->flags);
	free(c->flag_val);
	free(c->operands);
	free(c->given);
	free(c->given_val);
	memset(c, 0, sizeof *c);
}

int tool_values(const struct tool_cmdline *c, int id, const char **out, int max)
{
	int i, n = 0;

	for (i = 0; i < c->ngiven; i++)
		if (c->given[i] == id) {
			if (n < max)
				out[n] = c->given_val[i];
			n++;
		}
	return n;
}

int tool_settings(const struct tool_opt *opts, const struct tool_cmdline *c, int config_id,
		  wfm_config *cfg, wfm_calendar **cal, wfm_err *e)
{
	int i;

	wfm_config_defaults(cfg);
	if (wfm_config_load(cfg, c->val[config_id], e) != WFM_OK)
		return e->code;
	for (i = 0; i < c->nflags; i++) {
		const struct tool_opt *o = &opts[c->flags[i]];

		if (wfm_config_set(cfg, o->section, o->key, c->flag_val[i], e) != WFM_OK)
			return e->code;
	}
	if (!cal)
		return wfm_config_check(cfg, e);
	*cal = wfm_config_calendar(cfg, e);
	return *cal ? WFM_OK : e->code;
}
