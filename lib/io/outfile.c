#include "outfile.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

/* Temporary files are TARGET.wfm-tmp.PID.XXXXXX beside the target. */
#define TMP_TAG ".wfm-tmp."

struct wfm_out {
	FILE *f;
	char *path; /* NULL for stdout */
	char *tmp;
};

/* The folder and the file name of `path` (malloc'd into *dir; *base points
 * into path).  Returns 0, or -1 when out of memory. */
static int split_path(const char *path, char **dir, const char **base)
{
	const char *slash = strrchr(path, '/');
	size_t n = slash ? (size_t)(slash - path) : 1;

	*base = slash ? slash + 1 : path;
	if (!(*dir = malloc(n + 1)))
		return -1;
	if (!slash)
		memcpy(*dir, ".", 2);
	else if (slash == path)
		memcpy(*dir, "/", 2);
	else {
		memcpy(*dir, path, n);
		(*dir)[n] = '\0';
	}
	return 0;
}

/* Removes the temporary files of earlier runs for the same target whose
 * process is gone (killed before it could clean up): TARGET.wfm-tmp.PID.*
 * with no process PID.  Best effort: whatever cannot be read or removed is
 * left. */
static void remove_stale(const char *path)
{
	char *dir = NULL, *full;
	const char *base;
	size_t blen, tlen = strlen(TMP_TAG);
	struct dirent *de;
	DIR *d;

	if (split_path(path, &dir, &base) != 0)
		return;
	blen = strlen(base);
	if (blen == 0 || !(d = opendir(dir))) {
		free(dir);
		return;
	}
	while ((de = readdir(d)) != NULL) {
		const char *p = de->d_name, *q;
		long pid = 0;
		struct stat st;
		size_t n;

		if (strncmp(p, base, blen) != 0 || strncmp(p + blen, TMP_TAG, tlen) != 0)
			continue;
		for (q = p + blen + tlen; *q >= '0' && *q <= '9' && pid < 100000000; q++)
			pid = pid * 10 + (*q - '0');
		if (q == p + blen + tlen || *q != '.' || strlen(q + 1) != 6 || pid <= 0 ||
		    pid == (long)getpid() || kill((pid_t)pid, 0) == 0 || errno != ESRCH)
			continue;
		n = strlen(dir) + strlen(p) + 2;
		if (!(full = malloc(n)))
			break;
		snprintf(full, n, "%s/%s", dir, p);
		if (lstat(full, &st) == 0 && S_ISREG(st.st_mode))
			(void)unlink(full);
		free(full);
	}
	closedir(d);
	free(dir);
}

/* Fails with WFM_ECANTCREAT unless the existing regular file `path` (with
 * status st) may be replaced: writable for us, and not read-only for
 * everyone (which root could otherwise replace). */
static int check_replace(const char *path, const struct stat *st, wfm_err *e)
{
	char why[128];

	if ((st->st_mode & 0222) == 0)
		return wfm_err_set(e, WFM_ECANTCREAT, "%s: cannot write: the file is read-only "
				   "(mode %04o); make it writable (chmod u+w) to let it be replaced",
				   path, (unsigned)(st->st_mode & 07777));
	if (access(path, W_OK) != 0)
		return wfm_err_set(e, WFM_ECANTCREAT, "%s: cannot write: %s", path,
				   wfm_errno_text(errno, why, sizeof why));
	return WFM_OK;
}

wfm_out *wfm_out_open(const char *path, wfm_err *e)
{
	wfm_out *o = calloc(1, sizeof *o);
	char why[128];
	size_t n;
	int fd;
	struct stat st;

	if (!o) {
		wfm_err_nomem(e);
		return NULL;
	}
	if (!path || strcmp(path, "-") == 0) {
		o->f = stdout;
		return o;
	}
	if ((lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) ||
	    (stat(path, &st) == 0 && !S_ISREG(st.st_mode))) {
		/* a device, a pipe or a symbolic link (/dev/stdout): written
		 * directly, never replaced */
		if (stat(path, &st) != 0)
			st.st_mode = S_IFREG;
		o->path = strdup(path);
		o->f = S_ISDIR(st.st_mode) || !o->path ? NULL : fopen(path, "w");
		if (!o->f) {
			wfm_err_set(e, WFM_ECANTCREAT, "%s: cannot write: %s", path,
				    S_ISDIR(st.st_mode) ? "is a folder" :
				    wfm_errno_text(errno, why, sizeof why));
			wfm_out_abort(o);
			return NULL;
		}
		return o;
	}
	if (stat(path, &st) == 0 && check_replace(path, &st, e) != WFM_OK) {
		wfm_out_abort(o);
		return NULL;
	}
	n = strlen(path) + sizeof TMP_TAG + 32;
	o->path = strdup(path);
	o->tmp = malloc(n);
	if (!o->path || !o->tmp) {
		wfm_out_abort(o);
		wfm_err_nomem(e);
		return NULL;
	}
	remove_stale(path);
	snprintf(o->tmp, n, "%s" TMP_TAG "%ld.XXXXXX", path, (long)getpid());
	fd = mkstemp(o->tmp);
	if (fd < 0) {
		wfm_err_set(e, WFM_ECANTCREAT, "%s: cannot create: %s", path,
			    wfm_errno_text(errno, why, sizeof why));
		free(o->tmp);
		o->tmp = NULL;
		wfm_out_abort(o);
		return NULL;
	}
	if (stat(path, &st) == 0) {
		/* the new file keeps the owner, group and mode of the old one */
		if (fchown(fd, st.st_uid, st.st_gid) != 0 && st.st_uid != geteuid()) {
			int err = errno;

			close(fd);
			wfm_err_set(e, WFM_ECANTCREAT, "%s: cannot keep its owner (user %ld): %s; "
				    "not replaced", path, (long)st.st_uid,
				    wfm_errno_text(err, why, sizeof why));
			wfm_out_abort(o);
			return NULL;
		}
		(void)fchmod(fd, st.st_mode & 07777);
	} else {
		mode_t um = umask(0);

		umask(um);
		(void)fchmod(fd, 0666 & ~um);
	}
	o->f = fdopen(fd, "w");
	if (!o->f) {
		close(fd);
		wfm_err_set(e, WFM_ECANTCREAT, "%s: cannot create: %s", path,
			    wfm_errno_text(errno, why, sizeof why));
		wfm_out_abort(o);
		return NULL;
	}
	return o;
}

FILE *wfm_out_file(wfm_out *o)
{
	return o->f;
}

const char *wfm_out_tmp_path(const wfm_out *o)
{
	return o->path ? o->tmp : NULL;
}

int wfm_out_is_stdout(const wfm_out *o)
{
	return o->path == NULL;
}

static void free_out(wfm_out *o)
{
	free(o->path);
	free(o->tmp);
	free(o);
}

static void sync_dir(const char *path)
{
	char *dir = strdup(path), *slash;
	int fd;

	if (!dir)
		return;
	slash = strrchr(dir, '/');
	if (slash == dir)
		slash[1] = '\0';
	else if (slash)
		*slash = '\0';
	else
		snprintf(dir, strlen(dir) + 1, "%s", ".");
	fd = open(dir, O_RDONLY);
	if (fd >= 0) {
		(void)fsync(fd);
		close(fd);
	}
	free(dir);
}

int wfm_out_commit(wfm_out *o, wfm_err *e)
{
	char why[128];
	int err = 0;

	if (!o->path) {
		if (fflush(o->f) != 0 || ferror(o->f))
			err = errno ? errno : EIO;
		free_out(o);
		if (err)
			return wfm_err_set(e, WFM_EIO, "write error on standard output: %s",
					   wfm_errno_text(err, why, sizeof why));
		return WFM_OK;
	}
	if (!o->tmp) {
		/* a device or a pipe */
		if (fflush(o->f) != 0 || ferror(o->f))
			err = errno ? errno : EIO;
		if (fclose(o->f) != 0 && !err)
			err = errno ? errno : EIO;
		o->f = NULL;
		if (err)
			wfm_err_set(e, WFM_EIO, "%s: write error: %s", o->path,
				    wfm_errno_text(err, why, sizeof why));
		free_out(o);
		return err ? WFM_EIO : WFM_OK;
	}
	if (fflush(o->f) != 0 || ferror(o->f) || fsync(fileno(o->f)) != 0)
		err = errno ? errno : EIO;
	if (fclose(o->f) != 0 && !err)
		err = errno ? errno : EIO;
	o->f = NULL;
	if (!err && rename(o->tmp, o->path) != 0)
		err = errno;
	if (err) {
		unlink(o->tmp);
		wfm_err_set(e, WFM_EIO, "%s: write error: %s", o->path,
			    wfm_errno_text(err, why, sizeof why));
		free_out(o);
		return WFM_EIO;
	}
	sync_dir(o->path);
	free_out(o);
	return WFM_OK;
}

void wfm_out_abort(wfm_out *o)
{
	if (!o)
		return;
	if (o->path && o->f)
		fclose(o->f);
	if (o->tmp && o->path)
		unlink(o->tmp);
	free_out(o);
}
