/* fuzz_history - the history reader, merge and writer (lib/history/) on
 * arbitrary bytes.
 *
 * The input is an option byte and up to two files separated by a NUL byte:
 * an export and an existing history.  The export is read at the interval the
 * option byte picks (with --skip-bad's reject callback when it says so), the
 * history as wfm-ingest --into reads one, and the first is merged into the
 * second.  Whatever is kept is written; what is written must read back as a
 * history that writes the very same bytes (a written history is canonical),
 * else the harness aborts.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_util.h"
#include "history/history.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int ignore(void *ctx, const char *file, long line, const char *reason, const wfm_csv *r)
{
	(void)ctx, (void)file, (void)line, (void)reason, (void)r;
	return WFM_OK;
}

/* The canonical text of h (malloc'd, *n bytes). */
static char *text_of(const wfm_hist *h, size_t *n)
{
	char *buf = NULL;
	FILE *f = open_memstream(&buf, n);

	if (!f)
		abort();
	if (wfm_hist_write(h, f, 0, NULL) != WFM_OK)
		abort();
	fclose(f);
	return buf;
}

static void round_trip(const wfm_hist *h)
{
	wfm_read_opts o;
	wfm_hist *back = wfm_hist_new(NULL);
	wfm_err e;
	size_t n1, n2;
	char *t1 = text_of(h, &n1), *t2;

	memset(&o, 0, sizeof o);
	o.interval = 1;
	if (!back)
		abort();
	if (wfm_hist_read(back, fuzz_file(2, (const uint8_t *)t1, n1), 0, &o, NULL, &e) != WFM_OK) {
		fprintf(stderr, "a written history does not read back: %s\n%s", e.msg, t1);
		abort();
	}
	t2 = text_of(back, &n2);
	if (n1 != n2 || memcmp(t1, t2, n1) != 0) {
		fprintf(stderr, "written:\n%s\nread back and written:\n%s", t1, t2);
		abort();
	}
	free(t1);
	free(t2);
	wfm_hist_free(back);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const int ivs[8] = {15, 5, 10, 30, 60, 15, 15, 1};
	size_t start[2], len[2];
	wfm_read_opts o;
	wfm_hist *in, *base;
	wfm_merge_result m;
	wfm_err e;
	int parts, rc;

	if (size == 0)
		return 0;
	memset(&o, 0, sizeof o);
	o.interval = ivs[data[0] & 7];
	if (data[0] & 8)
		o.reject = ignore;
	if (data[0] & 16)
		o.line = "1700";
	if (data[0] & 32)
		o.channel = "phone";
	parts = fuzz_split(data + 1, size - 1, start, len, 2);
	in = wfm_hist_new(NULL);
	base = wfm_hist_new(NULL);
	if (!in || !base)
		abort();
	rc = wfm_hist_read(in, fuzz_file(0, data + 1 + start[0], len[0]), 0, &o, NULL, &e);
	if (rc == WFM_OK) {
		wfm_hist_sort(in);
		round_trip(in);
	}
	if (rc == WFM_OK && parts == 2) {
		memset(&o, 0, sizeof o);
		o.interval = 1;
		rc = wfm_hist_read(base, fuzz_file(1, data + 1 + start[1], len[1]), 1, &o, NULL, &e);
		if (rc == WFM_OK) {
			rc = wfm_hist_merge(base, in, data[0] >> 7, &m, &e);
			wfm_merge_result_release(&m);
			if (rc == WFM_OK)
				round_trip(base);
		}
	}
	wfm_hist_free(in);
	wfm_hist_free(base);
	return 0;
}
