/* fold.h - case and accent folding, so that "Kanaal", "kanaal" and "KANAAL",
 * or "Lijncode" and "lijn code", compare equal. */
#ifndef WFM_FOLD_H
#define WFM_FOLD_H

#include <stddef.h>

/* Folds `s` for comparing names (headers, channels) into `out` (size `n`):
 * lower case, accents removed (Latin-1 supplement and Latin Extended-A
 * letters), only [a-z0-9] kept.  Ligatures and the like become two letters
 * (æ ae, œ oe, ß ss, ĳ ij, þ th); other characters and invalid UTF-8 are
 * dropped.  The result is cut to n - 1 bytes; n must be at least 1. */
void wfm_fold(const char *s, char *out, size_t n);

#endif
