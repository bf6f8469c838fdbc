/* chat.h - chat with concurrency: agents who each hold up to k chats at once.
 *
 * The model is an exact birth-death chain on the number N of chats in the
 * system.  With n agents and N <= n k, every chat is being handled and the
 * chats are spread as evenly as possible: N mod n agents hold ceil(N/n)
 * chats and the others floor(N/n).  A chat handled by an agent who holds i
 * chats takes an exponential time of mean aht_s[i-1], so chats complete at
 * rate sum over agents of i / aht_s[i-1].  Above n k, chats wait in one FCFS
 * queue and each waiting chat leaves after an exponential patience (mean
 * patience_s).  Service level, answer rate and ASA follow erlang.h (answered
 * means taken by an agent; the wait is the time until then).  Occupancy is
 * the mean share of the n k chat slots in use.  With k = 1 the model is
 * Erlang A with handle time aht_s[0].
 */
#ifndef WFM_CHAT_H
#define WFM_CHAT_H

#include "erlang.h"

#define WFM_CHAT_KMAX 8

/* A chat channel.  A plain value: copy it freely. */
typedef struct wfm_chat {
	int k;                       /* most chats one agent holds, 1..WFM_CHAT_KMAX */
	double aht_s[WFM_CHAT_KMAX]; /* aht_s[i]: mean handle time of a chat while its
	                                agent holds i+1 chats; entries from k on unused */
	double patience_s;           /* mean patience of a waiting chat; INFINITY: none */
} wfm_chat;

/* Checks k, the first k handle times (finite, > 0) and the patience (> 0,
 * INFINITY allowed).  Returns WFM_OK or WFM_EUSAGE naming the bad value. */
int wfm_chat_check(const wfm_chat *c, wfm_err *e);

/* The most chats per second one agent can finish: max over i <= k of
 * i / aht_s[i-1].  `c` must be valid. */
double wfm_chat_capacity(const wfm_chat *c);

/* Performance of n agents (n >= 0) for chats arriving at lambda per second
 * (>= 0), service level threshold t_s >= 0.  O(n k) plus the queue part.
 * Without abandonment (patience INFINITY) and lambda at or above
 * n k / aht_s[k-1] there is no steady state: stable 0, p_wait 1, sl 0, asa
 * and queue INFINITY, occupancy 1, answered that rate over lambda.  Returns
 * WFM_OK, or WFM_EUSAGE for a bad parameter (out unspecified). */
int wfm_chat_perf(const wfm_chat *c, double lambda, long n, double t_s, wfm_queue_perf *out,
		  wfm_err *e);

#endif
