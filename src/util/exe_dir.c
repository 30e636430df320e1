/* The folder of the running binary, read once from /proc/self/exe. */
#include "util/exe_dir.h"

#include <limits.h>
#include <stdbool.h>
#include <string.h>
#include <unistd.h>

const char *exe_dir(void)
{
	static char dir[PATH_MAX];
	static bool read;
	if (!read) {
		read = true;
		ssize_t len = readlink("/proc/self/exe", dir, sizeof dir - 1);
		char *slash = NULL;
		if (len > 0) {
			dir[len] = '\0';
			slash = strrchr(dir, '/');
		}
		if (slash)
			*slash = '\0';
		else
			dir[0] = '\0';
	}
	return dir[0] ? dir : NULL;
}
