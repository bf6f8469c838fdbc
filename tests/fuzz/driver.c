/* driver.c - runs a fuzz harness without libFuzzer, over files.
 *
 *   fuzz_NAME FILE|DIR...
 *
 * Feeds every file given (every regular file of a folder given) to the
 * harness's LLVMFuzzerTestOneInput once.  `make check` builds each harness
 * with this driver and the normal compiler and runs it over the seed corpus
 * and the crashers found so far (tests/fuzz/regress/NAME/), so an input that
 * once crashed a reader stays a test.  Prints "fuzz_NAME: N inputs" and
 * exits 0; a harness that finds a fault aborts.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static long count;

static void run_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf = NULL;
	size_t len = 0, cap = 0, k;

	if (!f) {
		perror(path);
		exit(66);
	}
	for (;;) {
		if (len == cap) {
			cap = cap ? 2 * cap : 65536;
			if (!(buf = realloc(buf, cap)))
				exit(70);
		}
		k = fread(buf + len, 1, cap - len, f);
		if (k == 0)
			break;
		len += k;
	}
	fclose(f);
	LLVMFuzzerTestOneInput(buf, len);
	free(buf);
	count++;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void run_path(const char *path)
{
	struct stat st;
	DIR *d;
	struct dirent *de;
	char **names = NULL;
	size_t n = 0, i;

	if (stat(path, &st) != 0) {
		perror(path);
		exit(66);
	}
	if (!S_ISDIR(st.st_mode)) {
		run_file(path);
		return;
	}
	if (!(d = opendir(path)))
		exit(66);
	while ((de = readdir(d)) != NULL) {
		size_t len = strlen(path) + strlen(de->d_name) + 2;

		if (de->d_name[0] == '.')
			continue;
		if (!(names = realloc(names, (n + 1) * sizeof *names)) ||
		    !(names[n] = malloc(len)))
			exit(70);
		snprintf(names[n++], len, "%s/%s", path, de->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof *names, by_name);
	for (i = 0; i < n; i++) {
		if (stat(names[i], &st) == 0 && S_ISREG(st.st_mode))
			run_file(names[i]);
		free(names[i]);
	}
	free(names);
}

int main(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++)
		run_path(argv[i]);
	printf("%s: %ld inputs\n", strrchr(argv[0], '/') ? strrchr(argv[0], '/') + 1 : argv[0],
	       count);
	return 0;
}
