/* config_impl.h - internals shared by config.c (the key table, setting a
 * value), config_value.c (the parsers of the value types) and config_file.c
 * (the wfm.conf reader).
 * Not a public header: only lib/setup/config*.c include it. */
#ifndef WFM_CONFIG_IMPL_H
#define WFM_CONFIG_IMPL_H

#include <stddef.h>

#include "config.h"

/* Longest value accepted by wfm_config_set, longest line of a wfm.conf. */
#define CFG_LINE_MAX_LEN 4096

enum type {
	T_HOLIDAYS,  /* enum wfm_holidays: be | none */
	T_PATH,      /* char *, NULL for none */
	T_DAYS,      /* unsigned weekday mask */
	T_HOURS,     /* wfm_hours */
	T_DAY_HOURS, /* wfm_hours of weekday (int)lo, or `closed`, or empty */
	T_INTERVAL,  /* int minutes, a divisor of 60 */
	T_SHARE,     /* double, a fraction or a percentage */
	T_SECONDS,   /* double seconds */
	T_INT,       /* int */
	T_NUMBER,    /* double, a plain number */
	T_HM,        /* int minutes: "H:MM" or a plain number of minutes */
	T_TEXT,      /* char *, taken as it is (checked by the program that uses it);
	                NULL when empty */
	T_LIST       /* no field of its own: NAME=VALUE, ... sets the keys PREFIX NAME
	                of the same section (wfm_cfg_lists[(int)lo]) */
};

/* What a T_LIST key sets: for each item NAME=VALUE of its value, in order,
 * the key `prefix`NAME of its own section, NAME one of `names` (ignoring
 * case).  Those keys hold numbers, never strings.  The value is set only
 * when every item is good; an empty value is an error. */
struct key_list {
	const char *prefix;          /* "shrinkage_" */
	const char *expected;        /* the form of the list in messages:
	                                "CHANNEL=P,... (a share ...)" */
	const char *const names[8];  /* NULL-terminated */
};

/* Range flags of a key: OPTIONAL accepts `none` or an empty value, stored
 * as 0, or as -1 ("not given") with UNSET_NEG; LO_OPEN, HI_OPEN leave out
 * the ends of the range. */
enum { OPTIONAL = 1, LO_OPEN = 2, HI_OPEN = 4, UNSET_NEG = 8 };

struct key {
	const char *section, *name;
	enum type type;
	size_t off;     /* of the field in struct wfm_config */
	double lo, hi;  /* range of numbers; the weekday of T_DAY_HOURS; the list
	                   of T_LIST */
	int flags;      /* range flags, above */
	const char *help;
};

/* What the T_LIST keys set, indexed by their `lo`. */
extern const struct key_list wfm_cfg_lists[];

/* Longest item NAME=VALUE of a T_LIST value. */
#define CFG_ITEM_MAX_LEN 128

/* What wfm_cfg_set_value says besides its result. */
struct cfg_why {
	char text[192];                /* room for a reason it writes */
	char value[CFG_ITEM_MAX_LEN];  /* the text a reason is about when it is only
	                                  part of the value (an item of a T_LIST) ... */
	int part;                      /* ... then 1 */
	unsigned char set[WFM_CONFIG_MAX_KEYS]; /* T_LIST: how often each key was set */
};

/* The key table (config.c) and its length, at most WFM_CONFIG_MAX_KEYS.  The
 * index of a key in it is its index in wfm_config.where_. */
extern const struct key wfm_cfg_keys[];
extern const size_t wfm_cfg_nkeys;

/* The reason wfm_cfg_set_value gives when it runs out of memory (compare the
 * pointer). */
extern const char wfm_cfg_out_of_memory[];

/* The field of key `k` in `cfg`. */
void *wfm_cfg_field(wfm_config *cfg, const struct key *k);

/* A malloc'd copy of s[0..n) with a terminating NUL; NULL when out of memory. */
char *wfm_cfg_dup_n(const char *s, size_t n);

/* The key `name` of `section` (both ignoring case); NULL when there is none. */
const struct key *wfm_cfg_find_key(const char *section, const char *name);

/* Parses the trimmed text `v` for key `k` and stores it in `cfg` only when it
 * is good.  `file` is the configuration file it comes from (relative paths
 * are resolved against its folder), or NULL.  Returns NULL on success, else
 * the reason, possibly written into w->text, or wfm_cfg_out_of_memory; when
 * the reason is about part of `v` only, w->part is 1 and w->value that part.
 * For a T_LIST key w->set counts the keys it set (the caller records where
 * they were set). */
const char *wfm_cfg_set_value(wfm_config *cfg, const struct key *k, const char *v,
			      const char *file, struct cfg_why *w);

/* The parsers of config_value.c: NULL on success (the value in *out), else
 * the reason.  A number takes a decimal point or comma; a share is a
 * fraction "0.95" or a percentage "95%"; seconds "150", "2:30" or "150.5";
 * weekdays "mon-fri", "mon,tue,thu", "fri-mon" (three letters or in full)
 * or "none", as a mask of bits 1u << WFM_MON ..; hours "HH:MM-HH:MM". */
const char *wfm_cfg_parse_num(const char *v, double *out);
const char *wfm_cfg_parse_share(const char *v, double *out);
const char *wfm_cfg_parse_seconds(const char *v, double *out);
const char *wfm_cfg_parse_days(const char *v, unsigned *out);
const char *wfm_cfg_parse_hours(const char *v, wfm_hours *out);

/* 1 when `v` is empty or "none" (any case). */
int wfm_cfg_is_none(const char *v);

/* 1 when x is within the range of key `k` (its lo, hi and flags). */
int wfm_cfg_in_range(const struct key *k, double x);

/* "must be at least LO and at most HI" (or more/less than) for key `k`,
 * into why[0..n).  Returns why. */
const char *wfm_cfg_range_reason(const struct key *k, char *why, size_t n);

#endif
