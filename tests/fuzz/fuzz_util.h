/* fuzz_util.h - shared by the libFuzzer harnesses of tests/fuzz/.
 *
 * The readers under test take file paths, so an input is handed over as an
 * in-memory file (memfd) opened through /proc/self/fd: nothing touches the
 * disk and every run starts from the same state.
 */
#ifndef WFM_FUZZ_UTIL_H
#define WFM_FUZZ_UTIL_H

#include <stddef.h>
#include <stdint.h>

/* Writes data[0..n) into in-memory file number `slot` (0..7), replacing what
 * it held, and returns its path ("/proc/self/fd/N", valid until the next
 * call for the same slot).  Aborts when the kernel refuses: a harness
 * cannot go on without it. */
const char *fuzz_file(int slot, const uint8_t *data, size_t n);

/* Splits data[0..n) at NUL bytes into at most `max` parts; part i is
 * data[start[i] .. start[i] + len[i]).  Returns the number of parts (>= 1). */
int fuzz_split(const uint8_t *data, size_t n, size_t *start, size_t *len, int max);

#endif
