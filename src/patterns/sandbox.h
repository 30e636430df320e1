/* Third-party plugins run in a forked child: loading one and running its patterns, with the answer sent back over a pipe. */
#ifndef CJM_SANDBOX_H
#define CJM_SANDBOX_H

#include <stdbool.h>
#include <stddef.h>

#include "model/map.h"
#include "cjm/plugin.h"

/* What became of a call into a plugin's child. */
typedef enum cjm_sandbox_status {
	CJM_SANDBOX_OK,      /* a whole answer came back */
	CJM_SANDBOX_REFUSED, /* the child said why it could not (dlopen failed, a pattern is gone) */
	CJM_SANDBOX_FAILED,  /* the plugin crashed, hung, exited or garbled its answer: disable it */
} cjm_sandbox_status;

/* One pattern as the plugin describes it; copies, owned here. */
typedef struct cjm_sandbox_pattern {
	int abi;
	char *id;              /* NULL when the plugin gave none */
	char *summary;
	double default_threshold;
	char *threshold_means;
	bool has_suggest;
} cjm_sandbox_pattern;

typedef struct cjm_sandbox_probe {
	cjm_sandbox_pattern *patterns;
	size_t count;
} cjm_sandbox_probe;

/* One suggestion a plugin's pattern (PATTERN: an index into the run's ids) emitted. */
typedef struct cjm_sandbox_suggestion {
	size_t pattern;
	cjm_suggestion_spec spec; /* its strings are owned here */
} cjm_sandbox_suggestion;

typedef struct cjm_sandbox_reply {
	cjm_sandbox_suggestion *items; /* in the order they were emitted */
	size_t count, cap;
} cjm_sandbox_reply;

/* The time limit of one call, in seconds: CJM_PLUGIN_TIMEOUT, else 2. */
double cjm_sandbox_timeout(void);

/* Loads the shared object PATH in a child and reads its patterns' descriptions
 * (the ABI checked first). On anything but CJM_SANDBOX_OK, *WHY says why. */
cjm_sandbox_status cjm_sandbox_probe_plugin(const char *path, double timeout, cjm_sandbox_probe *out, char **why);
void cjm_sandbox_probe_release(cjm_sandbox_probe *probe);

/* Runs the patterns IDS[0..COUNT) of the plugin PATH over MAP in a child, each
 * with its THRESHOLDS[i]. On anything but CJM_SANDBOX_OK, *WHY says why and OUT
 * holds nothing. */
cjm_sandbox_status cjm_sandbox_run(const char *path, const char *const *ids, const double *thresholds, size_t count,
				   const cjm_map *map, double timeout, cjm_sandbox_reply *out, char **why);
void cjm_sandbox_reply_release(cjm_sandbox_reply *reply);

#endif
