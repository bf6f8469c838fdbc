/* tmpfile_fixture.h - a temporary file with given contents, for the unit
 * tests that read files (through planrun_fixture.h and staffrun_fixture.h).
 * Static inline, so that a test file that does not use it compiles without
 * warnings.  Include after cmocka.h. */
#ifndef WFM_TEST_TMPFILE_FIXTURE_H
#define WFM_TEST_TMPFILE_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* A new temporary file /tmp/wfm-test-XXXXXX holding `text`; its path,
 * malloc'd.  Fails the test when the file cannot be made. */
static inline char *tmp_file(const char *text)
{
	char *path = malloc(64);
	FILE *fp;
	int fd;

	assert_non_null(path);
	snprintf(path, 64, "/tmp/wfm-test-XXXXXX");
	fd = mkstemp(path);
	assert_true(fd >= 0);
	fp = fdopen(fd, "w");
	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
	return path;
}

#endif
