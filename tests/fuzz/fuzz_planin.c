/* fuzz_planin - the plan-input readers (lib/run/planrun*.c: requirements,
 * agents, leave, trainings) on arbitrary bytes.
 *
 * The input is up to four files separated by NUL bytes, in that order
 * (requirements, agents, leave, trainings; the last two may be missing).
 * They are read for the week of the first requirement with the default
 * settings, as wfm-plan reads them; the plan is not solved.
 */
#include <stdint.h>
#include <stdlib.h>

#include "fuzz_util.h"
#include "run/planrun.h"
#include "setup/calendar.h"
#include "setup/config.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t start[4], len[4];
	int parts = fuzz_split(data, size, start, len, 4);
	wfm_config cfg;
	wfm_calendar *cal;
	wfm_pr_files f = {NULL, NULL, NULL, NULL};
	wfm_pr_info info;
	wfm_plan_input *in;
	wfm_err e;

	if (parts < 2)
		return 0;
	wfm_config_defaults(&cfg);
	cal = wfm_config_calendar(&cfg, &e);
	if (!cal)
		abort();
	f.requirements = fuzz_file(0, data + start[0], len[0]);
	f.agents = fuzz_file(1, data + start[1], len[1]);
	if (parts > 2)
		f.leave = fuzz_file(2, data + start[2], len[2]);
	if (parts > 3)
		f.trainings = fuzz_file(3, data + start[3], len[3]);
	in = wfm_pr_read(&f, &cfg, cal, -1, -1, &info, &e);
	wfm_plan_input_free(in);
	wfm_calendar_free(cal);
	wfm_config_release(&cfg);
	return 0;
}
