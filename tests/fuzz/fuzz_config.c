/* fuzz_config - the configuration reader (lib/setup/config*.c) and the
 * closing-days reader of the calendar (lib/setup/calendar.c) on arbitrary
 * bytes.
 *
 * The input is a wfm.conf and, after a NUL byte, a closing-days CSV given
 * as the `closed` setting.  The settings are loaded, checked and turned into
 * a calendar, whose days of one year are then asked for.
 */
#include <stdint.h>
#include <stdlib.h>

#include "fuzz_util.h"
#include "setup/calendar.h"
#include "setup/config.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t start[2], len[2];
	int parts = fuzz_split(data, size, start, len, 2);
	wfm_config cfg;
	wfm_calendar *cal = NULL;
	wfm_err e;
	int rc;

	wfm_config_defaults(&cfg);
	rc = wfm_config_load(&cfg, fuzz_file(0, data + start[0], len[0]), &e);
	if (rc == WFM_OK && parts == 2)
		rc = wfm_config_set(&cfg, "calendar", "closed",
				    fuzz_file(1, data + start[1], len[1]), &e);
	if (rc == WFM_OK)
		rc = wfm_config_check(&cfg, &e);
	if (rc == WFM_OK)
		cal = wfm_config_calendar(&cfg, &e);
	if (cal) {
		wfm_date d, first = wfm_date_from_ymd(2026, 1, 1);

		for (d = first; d < first + 366; d++)
			(void)wfm_calendar_reason(cal, d);
	}
	wfm_calendar_free(cal);
	wfm_config_release(&cfg);
	return 0;
}
