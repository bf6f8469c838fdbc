/* outfile.h - output files that appear whole or not at all.
 *
 * wfm_out_open creates a temporary file in the target's folder; the caller
 * writes through wfm_out_file; wfm_out_commit flushes, fsyncs and renames it
 * over the target (then fsyncs the folder), so readers see either the old
 * file or the complete new one, never a half file.  wfm_out_abort removes
 * the temporary file and leaves any existing target untouched.  A path of
 * NULL or "-" means standard output: nothing is renamed, commit only flushes.
 * A target that exists and is no regular file (/dev/null, a named pipe) or
 * is a symbolic link (/dev/stdout) is written directly, never replaced: a
 * device must stay a device and a link a link (such output is not atomic).
 * A folder is an error.  A new file gets mode 0666 minus the umask;
 * a replaced file keeps its mode, owner and group.  An existing file that
 * we may not write, or that is read-only for everyone (mode without any
 * write bit: root could replace it, but nobody asked to), is never
 * replaced: WFM_ECANTCREAT.
 *
 * The temporary file is TARGET.wfm-tmp.PID.XXXXXX in the target's folder
 * (PID the process writing it).  One left by a process that was killed
 * before it could clean up (SIGKILL, power loss) is removed by the next
 * wfm_out_open of the same target, once no process PID runs.
 */
#ifndef WFM_OUTFILE_H
#define WFM_OUTFILE_H

#include <stdio.h>

#include "common/err.h"

typedef struct wfm_out wfm_out;

/* Prepares output to `path` (removing stale temporary files of the same
 * target first).  Returns NULL with WFM_ECANTCREAT when the temporary file
 * (or the device) cannot be opened (missing folder, no permission, a folder
 * given as the file), when the target exists and may not be replaced (see
 * above), or when its owner cannot be kept. */
wfm_out *wfm_out_open(const char *path, wfm_err *e);

/* The stream to write to (the temporary file, or stdout). */
FILE *wfm_out_file(wfm_out *o);

/* 1 when the output goes to standard output. */
int wfm_out_is_stdout(const wfm_out *o);

/* The temporary file's path while the output is open (NULL for stdout and
 * devices), so
 * a program's signal handler can unlink it when the run is interrupted. */
const char *wfm_out_tmp_path(const wfm_out *o);

/* Makes the output final and frees `o` (also on failure).  Returns WFM_OK,
 * or WFM_EIO when writing, syncing or renaming failed; then the target is as
 * it was before and the temporary file is gone. */
int wfm_out_commit(wfm_out *o, wfm_err *e);

/* Discards the output and frees `o`; NULL is a no-op.  Output already sent
 * to standard output cannot be taken back. */
void wfm_out_abort(wfm_out *o);

#endif
