/* Unit tests for lib/io/outfile.c: whole files or none, modes and owners
 * kept, read-only files refused, stale temporary files removed, devices. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "io/outfile.h"

static char dir[64];

static int setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof dir, "/tmp/wfm-test-out-XXXXXX");
	return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static void put(const char *path, const char *text, mode_t mode)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
	assert_int_equal(chmod(path, mode), 0);
}

static char *slurp(const char *path, char *buf, size_t n)
{
	FILE *f = fopen(path, "r");
	size_t k;

	assert_non_null(f);
	k = fread(buf, 1, n - 1, f);
	buf[k] = '\0';
	fclose(f);
	return buf;
}

/* Entries of the test folder, sorted, joined by spaces. */
static char *listing(char *buf, size_t n)
{
	struct dirent **names;
	int k = scandir(dir, &names, NULL, alphasort), i;
	size_t len = 0;

	assert_true(k >= 0);
	buf[0] = '\0';
	for (i = 0; i < k; i++) {
		if (names[i]->d_name[0] != '.')
			len += (size_t)snprintf(buf + len, n - len, "%s%s", len ? " " : "",
						names[i]->d_name);
		free(names[i]);
	}
	free(names);
	return buf;
}

static int write_all(const char *path, const char *text, wfm_err *e)
{
	wfm_out *o = wfm_out_open(path, e);

	if (!o)
		return e->code;
	fputs(text, wfm_out_file(o));
	return wfm_out_commit(o, e);
}

static void test_replace_keeps_mode_and_owner(void **state)
{
	char path[128], buf[64];
	struct stat st;
	wfm_err e;

	(void)state;
	snprintf(path, sizeof path, "%s/history.csv", dir);
	put(path, "old\n", 0640);
	if (geteuid() == 0)
		assert_int_equal(chown(path, 1234, 4321), 0);
	assert_int_equal(write_all(path, "new\n", &e), WFM_OK);
	assert_string_equal(slurp(path, buf, sizeof buf), "new\n");
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0640);
	if (geteuid() == 0) {
		assert_int_equal(st.st_uid, 1234);
		assert_int_equal(st.st_gid, 4321);
	}
	assert_string_equal(listing(buf, sizeof buf), "history.csv");
	unlink(path);
}

/* A file without write bits is never replaced, even by root; nor is one in
 * a folder we may write but that is not ours to write (checked as a user). */
static void test_read_only_refused(void **state)
{
	char path[128], buf[64];
	struct stat st;
	wfm_err e;

	(void)state;
	snprintf(path, sizeof path, "%s/history.csv", dir);
	put(path, "old\n", 0444);
	assert_null(wfm_out_open(path, &e));
	assert_int_equal(e.code, WFM_ECANTCREAT);
	assert_non_null(strstr(e.msg, "history.csv: cannot write: the file is read-only (mode "
			       "0444)"));
	assert_string_equal(slurp(path, buf, sizeof buf), "old\n");
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0444);
	assert_string_equal(listing(buf, sizeof buf), "history.csv");
	unlink(path);
}

/* Another user's file in a folder open to all: the run cannot write the
 * file, so it must not replace it either (a child drops to nobody). */
static void test_other_users_file(void **state)
{
	char path[128], buf[64];
	pid_t pid;
	int status;

	(void)state;
	if (geteuid() != 0)
		skip();
	snprintf(path, sizeof path, "%s/history.csv", dir);
	put(path, "old\n", 0644);
	assert_int_equal(chmod(dir, 0777), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		wfm_err e;

		if (setgid(65534) != 0 || setuid(65534) != 0)
			_exit(2);
		_exit(wfm_out_open(path, &e) == NULL && e.code == WFM_ECANTCREAT &&
		      strstr(e.msg, "permission denied") ? 0 : 1);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	assert_string_equal(slurp(path, buf, sizeof buf), "old\n");
	assert_string_equal(listing(buf, sizeof buf), "history.csv");
	assert_int_equal(chmod(dir, 0700), 0);
	unlink(path);
}

/* TARGET.wfm-tmp.PID.XXXXXX of a process that is gone is removed by the
 * next run for that target; one of a live process, another target's or a
 * name that only looks similar stays. */
static void test_stale_temporary_files(void **state)
{
	char path[128], stale[160], live[160], other[160], odd[160], buf[512], want[512];
	pid_t dead = fork();
	wfm_out *o;
	wfm_err e;

	(void)state;
	assert_true(dead >= 0);
	if (dead == 0)
		_exit(0);
	assert_int_equal(waitpid(dead, NULL, 0), dead);
	snprintf(path, sizeof path, "%s/h.csv", dir);
	snprintf(stale, sizeof stale, "%s.wfm-tmp.%ld.aB3dE9", path, (long)dead);
	snprintf(live, sizeof live, "%s.wfm-tmp.%ld.aB3dE9", path, (long)getppid());
	snprintf(other, sizeof other, "%s/x.csv.wfm-tmp.%ld.aB3dE9", dir, (long)dead);
	snprintf(odd, sizeof odd, "%s.wfm-tmp.%ldx.aB3dE9", path, (long)dead);
	put(stale, "half", 0600);
	put(live, "half", 0600);
	put(other, "half", 0600);
	put(odd, "half", 0600);
	o = wfm_out_open(path, &e);
	assert_non_null(o);
	/* the new temporary file carries this process's id */
	snprintf(want, sizeof want, "%s.wfm-tmp.%ld.", path, (long)getpid());
	assert_memory_equal(wfm_out_tmp_path(o), want, strlen(want));
	assert_int_equal(access(stale, F_OK), -1);
	assert_int_equal(access(live, F_OK), 0);
	assert_int_equal(access(other, F_OK), 0);
	assert_int_equal(access(odd, F_OK), 0);
	fputs("whole\n", wfm_out_file(o));
	assert_int_equal(wfm_out_commit(o, &e), WFM_OK);
	/* in byte order: which of the live and the odd name comes first depends
	 * on the two process ids (9968 sorts after 11489x) */
	snprintf(stale, sizeof stale, "h.csv.wfm-tmp.%ld.aB3dE9", (long)getppid());
	snprintf(want, sizeof want, "h.csv.wfm-tmp.%ldx.aB3dE9", (long)dead);
	snprintf(buf, sizeof buf, "h.csv %s %s x.csv.wfm-tmp.%ld.aB3dE9",
		 strcmp(stale, want) < 0 ? stale : want, strcmp(stale, want) < 0 ? want : stale,
		 (long)dead);
	snprintf(want, sizeof want, "%s", buf);
	assert_string_equal(listing(buf, sizeof buf), want);
	unlink(path);
	unlink(live);
	unlink(other);
	unlink(odd);
}

/* Aborted output leaves the target as it was and no temporary file. */
static void test_abort(void **state)
{
	char path[128], buf[64];
	wfm_out *o;
	wfm_err e;

	(void)state;
	snprintf(path, sizeof path, "%s/h.csv", dir);
	put(path, "old\n", 0644);
	o = wfm_out_open(path, &e);
	assert_non_null(o);
	fputs("half", wfm_out_file(o));
	wfm_out_abort(o);
	assert_string_equal(slurp(path, buf, sizeof buf), "old\n");
	assert_string_equal(listing(buf, sizeof buf), "h.csv");
	unlink(path);
}

/* /dev/full is a device: written directly, and the write error shows. */
static void test_dev_full(void **state)
{
	wfm_out *o;
	wfm_err e;
	int i;

	(void)state;
	if (access("/dev/full", W_OK) != 0)
		skip();
	o = wfm_out_open("/dev/full", &e);
	assert_non_null(o);
	assert_null(wfm_out_tmp_path(o));
	for (i = 0; i < 1000; i++)
		fputs("2024-03-04,09:00,phone,1700,12,11,241\n", wfm_out_file(o));
	assert_int_equal(wfm_out_commit(o, &e), WFM_EIO);
	assert_string_equal(e.msg, "/dev/full: write error: no space left on device");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_replace_keeps_mode_and_owner),
		cmocka_unit_test(test_read_only_refused),
		cmocka_unit_test(test_other_users_file),
		cmocka_unit_test(test_stale_temporary_files),
		cmocka_unit_test(test_abort),
		cmocka_unit_test(test_dev_full),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
