/* plan_lpchild.c - the LP relaxation solved in a child process, so that the
 * time limit and a stop request hold however long GLPK takes.
 *
 * GLPK's interior-point method cannot be interrupted.  wfm_pl_lp_fork forks:
 * the child solves the LP on its copy of the problem and writes the answer
 * (status, objective, primal column values, row duals) into a pipe, then
 * leaves with _exit, so it never returns into the caller's code, runs no
 * atexit handler and flushes no stdio buffer it inherited.  The parent
 * does not compute meanwhile: it sleeps in poll() on the pipe for at most
 * 25 ms at a time, reads what has arrived, calls the caller's tick (which
 * may report progress) and checks the clock and the stop request; at the
 * deadline or on a stop it kills the child with SIGKILL.  In every case it
 * reaps the child and closes both ends of the pipe before it returns: no
 * zombie, no descriptor left behind (both ends are also close-on-exec, in
 * case another thread of the program runs exec meanwhile).
 *
 * Signals: the parent's handlers stay as they are; poll and read
 * interrupted by a signal (a SIGINT handler that sets the stop flag) are
 * simply retried after the flag is checked.  The child must not run the
 * program's handlers (a Ctrl-C reaches the whole process group: the
 * handler would print its message twice, a second one remove the
 * program's temporary files from the child): it ignores SIGINT, which the
 * parent answers by killing it, and takes the default action on the other
 * signals a program commonly catches.  On Linux the child also dies with
 * the parent (PR_SET_PDEATHSIG), so a killed program leaves no orphan
 * computing.  When the program
 * ignores SIGCHLD (children reaped by the kernel) the answer read from the
 * pipe is still complete and used.
 *
 * The child runs only GLPK (which allocates through malloc; glibc keeps
 * malloc usable after fork even in a threaded program) and write(2).
 */
#include "plan_impl.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

/* What the child sends first; the column values and row duals follow. */
typedef struct lp_head {
	int ret;      /* glp_interior's return code */
	int status;   /* the status of its solution */
	int ncols, nrows;
	double obj;
} lp_head;

static int write_all(int fd, const void *buf, size_t n)
{
	const char *p = buf;

	while (n > 0) {
		ssize_t w = write(fd, p, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

static void child_glpk_failed(void *info)
{
	(void)info;
	_exit(70);
}

/* The child: solves, writes, leaves.  Never returns. */
static void child(glp_prob *P, int fd, pid_t parent, const sigset_t *mask)
{
	static const int dfl[] = {SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGPIPE};
	struct sigaction sa;
	glp_iptcp ip;
	lp_head h;
	double buf[1024];
	int i, m = 0;

	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGINT, &sa, NULL);
	sa.sa_handler = SIG_DFL;
	for (i = 0; i < (int)(sizeof dfl / sizeof dfl[0]); i++)
		sigaction(dfl[i], &sa, NULL);
	sigprocmask(SIG_SETMASK, mask, NULL);

#ifdef __linux__
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	if (getppid() != parent)
		_exit(71);
#else
	(void)parent;
#endif
	glp_error_hook(child_glpk_failed, NULL);
	memset(&h, 0, sizeof h);
	h.ncols = glp_get_num_cols(P);
	h.nrows = glp_get_num_rows(P);
	glp_init_iptcp(&ip);
	ip.msg_lev = GLP_MSG_OFF;
	h.ret = glp_interior(P, &ip);
	h.status = glp_ipt_status(P);
	h.obj = glp_ipt_obj_val(P);
	if (write_all(fd, &h, sizeof h))
		_exit(72);
	for (i = 1; i <= h.ncols + h.nrows; i++) {
		buf[m++] = i > h.ncols ? glp_ipt_row_dual(P, i - h.ncols) : glp_ipt_col_prim(P, i);
		if (m == (int)(sizeof buf / sizeof buf[0]) || i == h.ncols + h.nrows) {
			if (write_all(fd, buf, (size_t)m * sizeof buf[0]))
				_exit(72);
			m = 0;
		}
	}
	_exit(0);
}

/* Kills and reaps the child, closes the read end.  Killing a child that has
 * already exited (after its whole answer) does nothing; its answer is judged
 * by what arrived, not by its exit status. */
static void finish(pid_t pid, int fd)
{
	int st;

	kill(pid, SIGKILL);
	while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
		;
	close(fd);
}

int wfm_pl_lp_fork(glp_prob *P, const pl_clock *k, pl_lp_job *job)
{
	lp_head h;
	char *dst[3];
	size_t want[3], got[3];
	int fds[2], part = 0, eof = 0, cut = 0;
	int ncols = glp_get_num_cols(P), nrows = glp_get_num_rows(P);
	pid_t pid, me = getpid();
	sigset_t all, old;

	job->obj = 0;
	if (pipe(fds) != 0)
		return PL_LP_FAILED;
	fcntl(fds[0], F_SETFD, FD_CLOEXEC);
	fcntl(fds[1], F_SETFD, FD_CLOEXEC);
	/* signals wait until the child has its own dispositions */
	sigfillset(&all);
	sigprocmask(SIG_BLOCK, &all, &old);
	pid = fork();
	if (pid == 0) {
		close(fds[0]);
		child(P, fds[1], me, &old);
	}
	sigprocmask(SIG_SETMASK, &old, NULL);
	if (pid < 0) {
		close(fds[0]);
		close(fds[1]);
		return PL_LP_FAILED;
	}
	close(fds[1]);
	fcntl(fds[0], F_SETFL, fcntl(fds[0], F_GETFL) | O_NONBLOCK);
	/* the answer comes in three parts: head, column values, row duals
	 * (dropped when the caller does not want them) */
	memset(&h, 0, sizeof h);
	dst[0] = (char *)&h;
	want[0] = sizeof h;
	dst[1] = (char *)(job->x + 1);
	want[1] = (size_t)ncols * sizeof *job->x;
	dst[2] = job->dual ? (char *)(job->dual + 1) : NULL;
	want[2] = (size_t)nrows * sizeof(double);
	got[0] = got[1] = got[2] = 0;
	while (!eof) {
		struct pollfd pf;
		double left;
		int r;

		if (job->tick)
			job->tick(job->ctx);
		left = job->until - wfm_pl_elapsed(k);
		if (wfm_pl_should_stop(k) || left <= 0) {
			cut = 1;
			break;
		}
		pf.fd = fds[0];
		pf.events = POLLIN;
		pf.revents = 0;
		r = poll(&pf, 1, left < 0.025 ? (int)(1000 * left) + 1 : 25);
		if (r < 0 && errno != EINTR)
			break;
		if (r <= 0)
			continue;
		/* read what has arrived (the read end does not block) */
		for (;;) {
			char sink[8192], *to = sink;
			size_t room = sizeof sink;
			ssize_t n;

			while (part < 3 && got[part] == want[part])
				part++;
			if (part < 3) {
				if (dst[part])
					to = dst[part] + got[part];
				if (dst[part] || room > want[part] - got[part])
					room = want[part] - got[part];
			}
			n = read(fds[0], to, room);
			if (n < 0 && errno == EINTR)
				continue;
			if (n == 0)
				eof = 1;
			if (n <= 0)
				break; /* the end, or nothing more for now (EAGAIN) */
			if (part < 3)
				got[part] += (size_t)n;
			if (part == 0 && got[0] == want[0] &&
			    (h.ncols != ncols || h.nrows != nrows))
				eof = 1; /* not our answer: a failure below */
			if (eof)
				break;
		}
	}
	finish(pid, fds[0]);
	if (cut)
		return PL_LP_CUT;
	if (got[0] != want[0] || got[1] != want[1] || got[2] != want[2] ||
	    h.ncols != ncols || h.nrows != nrows)
		return PL_LP_FAILED;
	job->obj = h.obj;
	/* only a proof counts: GLP_INFEAS is where a failed run (GLP_EINSTAB,
	 * GLP_ENOCVG) stopped, not a verdict */
	if (h.ret == GLP_ENOFEAS || (h.ret == 0 && h.status == GLP_NOFEAS))
		return PL_LP_INFEASIBLE;
	if (h.ret != 0 || h.status != GLP_OPT)
		return PL_LP_FAILED;
	return PL_LP_OK;
}
