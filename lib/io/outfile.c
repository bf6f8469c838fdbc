#include "outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct wfm_out {
	FILE *f;
	char *path; /* NULL for stdout */
	char *tmp;
};

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
	n = strlen(path) + sizeof ".tmp.XXXXXX";
	o->path = strdup(path);
	o->tmp = malloc(n);
	if (!o->path || !o->tmp) {
		wfm_out_abort(o);
		wfm_err_nomem(e);
		return NULL;
	}
	snprintf(o->tmp, n, "%s.tmp.XXXXXX", path);
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
