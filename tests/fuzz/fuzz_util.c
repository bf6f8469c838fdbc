#define _GNU_SOURCE
#include "fuzz_util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

const char *fuzz_file(int slot, const uint8_t *data, size_t n)
{
	static int fd[8] = {-1, -1, -1, -1, -1, -1, -1, -1};
	static char path[8][32];
	size_t done = 0;

	if (slot < 0 || slot >= 8)
		abort();
	if (fd[slot] < 0) {
		fd[slot] = memfd_create("wfm-fuzz", 0);
		if (fd[slot] < 0)
			abort();
		snprintf(path[slot], sizeof path[slot], "/proc/self/fd/%d", fd[slot]);
	}
	if (ftruncate(fd[slot], 0) != 0)
		abort();
	while (done < n) {
		ssize_t k = pwrite(fd[slot], data + done, n - done, (off_t)done);

		if (k <= 0)
			abort();
		done += (size_t)k;
	}
	return path[slot];
}

int fuzz_split(const uint8_t *data, size_t n, size_t *start, size_t *len, int max)
{
	int k = 0;
	size_t i, from = 0;

	for (i = 0; i <= n && k < max; i++) {
		if (i == n || (data[i] == 0 && k < max - 1)) {
			start[k] = from;
			len[k] = i - from;
			k++;
			from = i + 1;
		}
	}
	return k;
}
