/* The loader: every field lands in the model, ids are generated as documented, the
 * YAML core-schema forms are read, comments are found, errors say where, and a map
 * with errors comes back NULL without leaking. Run from the top of the source tree
 * (the example maps and the bad-input corpus are found relative to it). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "model/map.h"
#include "io/load.h"
#include "util/diag.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

/* ---- what a test made, freed by the teardown even when an assertion fails ---- */

static struct {
	cjm_map **maps;
	size_t maps_len, maps_cap;
	diag_list **diags;
	size_t diags_len, diags_cap;
	void **mem;
	size_t mem_len, mem_cap;
} kept;

static cjm_map *keep_map(cjm_map *map)
{
	if (map) {
		xgrow((void **)&kept.maps, &kept.maps_cap, kept.maps_len + 1, sizeof *kept.maps);
		kept.maps[kept.maps_len++] = map;
	}
	return map;
}

static diag_list *new_diags(const char *file)
{
	diag_list *diags = diag_list_new(file);
	xgrow((void **)&kept.diags, &kept.diags_cap, kept.diags_len + 1, sizeof *kept.diags);
	kept.diags[kept.diags_len++] = diags;
	return diags;
}

static void *keep_mem(void *p)
{
	xgrow((void **)&kept.mem, &kept.mem_cap, kept.mem_len + 1, sizeof *kept.mem);
	kept.mem[kept.mem_len++] = p;
	return p;
}

static int free_kept(void **state)
{
	(void)state;
	for (size_t i = 0; i < kept.maps_len; i++)
		cjm_map_free(kept.maps[i]);
	for (size_t i = 0; i < kept.diags_len; i++)
		diag_list_free(kept.diags[i]);
	for (size_t i = 0; i < kept.mem_len; i++)
		free(kept.mem[i]);
	free(kept.maps);
	free(kept.diags);
	free(kept.mem);
	memset(&kept, 0, sizeof kept);
	return 0;
}

/* ---- helpers ---- */

static void print_diags(const diag_list *diags)
{
	diag_print(diags, stderr);
}

/* Loads TEXT (LEN bytes, in a buffer of exactly that size, so a read past the end is
 * caught under ASan). */
static cjm_map *load_len(const char *text, size_t len, diag_list *diags, cjm_comments *comments)
{
	char *copy = xmalloc(len ? len : 1);
	memcpy(copy, text, len);
	cjm_map *map = cjm_load_buffer(copy, len, diags, comments);
	free(copy);
	return keep_map(map);
}

/* Loads TEXT, which must be a valid map; prints the diagnostics when it is not. */
static cjm_map *load_good(const char *text)
{
	diag_list *diags = new_diags("good.yaml");
	cjm_map *map = load_len(text, strlen(text), diags, NULL);
	if (!map || diags->errors) {
		fprintf(stderr, "--- expected this to load:\n%s--- but:\n", text);
		print_diags(diags);
	}
	assert_non_null(map);
	assert_int_equal(diags->errors, 0);
	return map;
}

/* Loads TEXT, which must be refused; returns the diagnostics. */
static diag_list *load_bad(const char *text)
{
	diag_list *diags = new_diags("bad.yaml");
	cjm_map *map = load_len(text, strlen(text), diags, NULL);
	if (map)
		fprintf(stderr, "--- expected this to be refused:\n%s", text);
	assert_null(map);
	assert_true(diags->errors > 0);
	return diags;
}

/* The diagnostic whose message contains NEEDLE (fails when there is none). */
static const diag *find_diag(const diag_list *diags, const char *needle)
{
	for (size_t i = 0; i < diags->count; i++)
		if (strstr(diags->items[i].message, needle))
			return &diags->items[i];
	fprintf(stderr, "no diagnostic contains \"%s\"; got:\n", needle);
	print_diags(diags);
	fail();
	return NULL;
}

/* Exactly one error, containing NEEDLE, at LINE:COL. */
static void expect_one_error(const char *text, int line, int col, const char *needle)
{
	diag_list *diags = load_bad(text);
	if (diags->errors != 1) {
		fprintf(stderr, "expected one error, got %zu:\n", diags->errors);
		print_diags(diags);
	}
	assert_int_equal(diags->errors, 1);
	const diag *d = find_diag(diags, needle);
	if (d->line != line || d->col != col)
		fprintf(stderr, "\"%s\" at %d:%d, expected %d:%d\n", d->message, d->line, d->col, line, col);
	assert_int_equal(d->line, line);
	assert_int_equal(d->col, col);
}

static const cjm_touchpoint *tp_at(const cjm_map *map, size_t phase, size_t tp)
{
	assert_true(phase < map->phase_count);
	assert_true(tp < map->phases[phase]->touchpoint_count);
	return map->phases[phase]->touchpoints[tp];
}

static char *read_all(const char *path, size_t *len)
{
	int err = 0;
	char *text = cjm_read_file(path, len, &err);
	if (!text)
		fprintf(stderr, "%s: %s\n", path, strerror(err));
	assert_non_null(text);
	return keep_mem(text);
}

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The files in DIR whose names end in SUFFIX, sorted; NULL when DIR is absent. */
static char **list_files(const char *dir, const char *suffix, size_t *count)
{
	DIR *d = opendir(dir);
	*count = 0;
	if (!d)
		return NULL;
	char **names = NULL;
	size_t cap = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		size_t n = strlen(e->d_name), s = strlen(suffix);
		if (n <= s || strcmp(e->d_name + n - s, suffix) != 0)
			continue;
		xgrow((void **)&names, &cap, *count + 1, sizeof *names);
		names[(*count)++] = keep_mem(xasprintf("%s/%s", dir, e->d_name));
	}
	closedir(d);
	if (*count)
		qsort(names, *count, sizeof *names, compare_names);
	return names ? keep_mem(names) : keep_mem(xcalloc(1, sizeof *names));
}

/* A and B hold the same diagnostics, in the same order. */
static void expect_same_diags(const diag_list *a, const diag_list *b, const char *what)
{
	bool same = a->count == b->count && a->errors == b->errors && a->truncated == b->truncated;
	for (size_t i = 0; same && i < a->count; i++)
		same = a->items[i].line == b->items[i].line && a->items[i].col == b->items[i].col &&
		       strcmp(a->items[i].message, b->items[i].message) == 0;
	if (!same) {
		fprintf(stderr, "%s: cjm_load_buffer and cjm_load_file disagree:\n--- buffer:\n", what);
		print_diags(a);
		fprintf(stderr, "--- file:\n");
		print_diags(b);
	}
	assert_true(same);
}

/* ---- every field lands in the model ---- */

static const char full_map[] =
	"version: 1\n"                                           /* 1 */
	"title: Switching energy supplier\n"                     /* 2 */
	"persona:\n"                                             /* 3 */
	"  name: Sanne\n"                                        /* 4 */
	"  description: First-time home owner\n"                 /* 5 */
	"brand_values: [easy, personal]\n"                       /* 6 */
	"thresholds:\n"                                          /* 7 */
	"  satisfaction: 6.5\n"                                  /* 8 */
	"  impact: 0.25\n"                                       /* 9 */
	"patterns:\n"                                            /* 10 */
	"  soften-negatives: {enabled: true, threshold: -2}\n"   /* 11 */
	"  amplify-peaks:\n"                                     /* 12 */
	"    enabled: false\n"                                   /* 13 */
	"phases:\n"                                              /* 14 */
	"  - id: orient\n"                                       /* 15 */
	"    name: Orient\n"                                     /* 16 */
	"    description: Looking around\n"                      /* 17 */
	"    touchpoints:\n"                                     /* 18 */
	"      - id: compare-prices\n"                           /* 19 */
	"        name: Compare prices online\n"                  /* 20 */
	"        channel: web\n"                                 /* 21 */
	"        owner: marketing\n"                             /* 22 */
	"        emotion: -2\n"                                  /* 23 */
	"        satisfaction: 7.5\n"                            /* 24 */
	"        impact: 0.6\n"                                  /* 25 */
	"        moment_of_truth: true\n"                        /* 26 */
	"        brand_moment: false\n"                          /* 27 */
	"        commitment: true\n"                             /* 28 */
	"        visible: false\n"                               /* 29 */
	"        pillars: [time-and-effort, empathy]\n"          /* 30 */
	"        pains:\n"                                       /* 31 */
	"          - Too many sites\n"                           /* 32 */
	"          - \"Bonus: unclear\"\n"                       /* 33 */
	"        ideas: [Show the yearly price]\n"               /* 34 */
	"        quotes:\n"                                      /* 35 */
	"          - 'Ik wist het niet'\n"                       /* 36 */
	"        notes: |\n"                                     /* 37 */
	"          Two lines\n"                                  /* 38 */
	"          of notes\n"                                   /* 39 */
	"      - name: Bare\n"                                   /* 40 */
	"  - name: Sign\n"                                       /* 41 */
	"    touchpoints: []\n"                                  /* 42 */
	"dismissed:\n"                                           /* 43 */
	"  - {pattern: skip-steps, target: compare-prices}\n"    /* 44 */
	"  - pattern: redesign\n"                                /* 45 */
	"    target: orient\n";                                  /* 46 */

static void test_every_field(void **state)
{
	(void)state;
	cjm_map *map = load_good(full_map);
	assert_int_equal(map->version, 1);
	assert_string_equal(map->title, "Switching energy supplier");

	assert_true(map->has_persona);
	assert_string_equal(map->persona_name, "Sanne");
	assert_string_equal(map->persona_description, "First-time home owner");

	assert_true(map->has_brand_values);
	assert_int_equal(map->brand_values.len, 2);
	assert_string_equal(map->brand_values.items[0], "easy");
	assert_string_equal(map->brand_values.items[1], "personal");

	assert_true(map->has_threshold_satisfaction);
	assert_true(map->threshold_satisfaction == 6.5);
	assert_true(map->has_threshold_impact);
	assert_true(map->threshold_impact == 0.25);
	assert_true(cjm_map_satisfaction_threshold(map) == 6.5);
	assert_true(cjm_map_impact_threshold(map) == 0.25);

	assert_int_equal(map->pattern_count, 2);
	assert_string_equal(map->patterns[0].id, "soften-negatives");
	assert_int_equal(map->patterns[0].enabled, CJM_TRUE);
	assert_true(map->patterns[0].has_threshold);
	assert_true(map->patterns[0].threshold == -2);
	assert_int_equal(map->patterns[0].pos.line, 11);
	assert_string_equal(map->patterns[1].id, "amplify-peaks");
	assert_int_equal(map->patterns[1].enabled, CJM_FALSE);
	assert_false(map->patterns[1].has_threshold);
	assert_int_equal(map->patterns[1].pos.line, 12);

	assert_int_equal(map->phase_count, 2);
	const cjm_phase *orient = map->phases[0];
	assert_string_equal(orient->id, "orient");
	assert_string_equal(orient->name, "Orient");
	assert_string_equal(orient->description, "Looking around");
	assert_int_equal(orient->pos.line, 15);
	assert_int_equal(orient->pos.col, 5);
	assert_int_equal(orient->touchpoint_count, 2);

	const cjm_touchpoint *tp = tp_at(map, 0, 0);
	assert_string_equal(tp->id, "compare-prices");
	assert_string_equal(tp->name, "Compare prices online");
	assert_string_equal(tp->channel, "web");
	assert_string_equal(tp->owner, "marketing");
	assert_true(tp->has_emotion);
	assert_int_equal(tp->emotion, -2);
	assert_true(tp->has_satisfaction);
	assert_true(tp->satisfaction == 7.5);
	assert_true(tp->has_impact);
	assert_true(tp->impact == 0.6);
	assert_int_equal(tp->moment_of_truth, CJM_TRUE);
	assert_int_equal(tp->brand_moment, CJM_FALSE);
	assert_int_equal(tp->commitment, CJM_TRUE);
	assert_int_equal(tp->visible, CJM_FALSE);
	assert_false(cjm_touchpoint_is_visible(tp));
	assert_int_equal(tp->pillars, CJM_PILLAR_TIME_AND_EFFORT | CJM_PILLAR_EMPATHY);
	assert_int_equal(tp->pains.len, 2);
	assert_string_equal(tp->pains.items[0], "Too many sites");
	assert_string_equal(tp->pains.items[1], "Bonus: unclear");
	assert_int_equal(tp->ideas.len, 1);
	assert_string_equal(tp->ideas.items[0], "Show the yearly price");
	assert_int_equal(tp->quotes.len, 1);
	assert_string_equal(tp->quotes.items[0], "Ik wist het niet");
	assert_string_equal(tp->notes, "Two lines\nof notes\n");
	assert_int_equal(tp->pos.line, 19);
	assert_int_equal(tp->pos.col, 9);

	/* a touchpoint with only a name: everything absent, id made from the name */
	const cjm_touchpoint *bare = tp_at(map, 0, 1);
	assert_string_equal(bare->id, "bare");
	assert_string_equal(bare->name, "Bare");
	assert_null(bare->channel);
	assert_null(bare->owner);
	assert_null(bare->notes);
	assert_false(bare->has_emotion);
	assert_false(bare->has_satisfaction);
	assert_false(bare->has_impact);
	assert_int_equal(bare->moment_of_truth, CJM_UNSET);
	assert_int_equal(bare->brand_moment, CJM_UNSET);
	assert_int_equal(bare->commitment, CJM_UNSET);
	assert_int_equal(bare->visible, CJM_UNSET);
	assert_true(cjm_touchpoint_is_visible(bare));
	assert_int_equal(bare->pillars, 0);
	assert_int_equal(bare->pains.len + bare->ideas.len + bare->quotes.len, 0);
	assert_int_equal(bare->pos.line, 40);

	const cjm_phase *sign = map->phases[1];
	assert_string_equal(sign->id, "sign");
	assert_string_equal(sign->name, "Sign");
	assert_null(sign->description);
	assert_int_equal(sign->touchpoint_count, 0);

	assert_int_equal(map->dismissed_count, 2);
	assert_string_equal(map->dismissed[0].pattern, "skip-steps");
	assert_string_equal(map->dismissed[0].target, "compare-prices");
	assert_int_equal(map->dismissed[0].pos.line, 44);
	assert_string_equal(map->dismissed[1].pattern, "redesign");
	assert_string_equal(map->dismissed[1].target, "orient");
	assert_int_equal(map->dismissed[1].pos.line, 45);

	size_t pi, ti;
	assert_true(cjm_map_find(map, "compare-prices", &pi, &ti));
	assert_int_equal(pi, 0);
	assert_int_equal(ti, 0);
}

static void test_minimal_map_defaults(void **state)
{
	(void)state;
	cjm_map *map = load_good("version: 1\ntitle: T\nphases: []\n");
	assert_int_equal(map->version, 1);
	assert_string_equal(map->title, "T");
	assert_false(map->has_persona);
	assert_null(map->persona_name);
	assert_null(map->persona_description);
	assert_false(map->has_brand_values);
	assert_int_equal(map->brand_values.len, 0);
	assert_false(map->has_threshold_satisfaction);
	assert_false(map->has_threshold_impact);
	assert_true(cjm_map_satisfaction_threshold(map) == CJM_DEFAULT_SATISFACTION_THRESHOLD);
	assert_true(cjm_map_impact_threshold(map) == CJM_DEFAULT_IMPACT_THRESHOLD);
	assert_int_equal(map->pattern_count, 0);
	assert_int_equal(map->phase_count, 0);
	assert_int_equal(map->dismissed_count, 0);

	/* `phases:` with nothing after it is an empty list; so is `touchpoints:` */
	map = load_good("version: 1\ntitle: T\nphases:\n");
	assert_int_equal(map->phase_count, 0);
	map = load_good("version: 1\ntitle: T\nphases:\n  - name: A\n    touchpoints:\n");
	assert_int_equal(map->phases[0]->touchpoint_count, 0);

	/* keys in any order; flow style throughout */
	map = load_good("{phases: [{name: A, touchpoints: [{name: B, emotion: 3}]}], title: T, version: 1}");
	assert_int_equal(tp_at(map, 0, 0)->emotion, 3);
}

/* `persona:` written, even empty, is remembered (model/map.h: "possibly empty"). */
/* An empty persona says nothing, so it loads as none (and fmt drops it). */
static void test_persona_written_empty(void **state)
{
	(void)state;
	cjm_map *map = load_good("version: 1\ntitle: T\npersona: {}\nphases: []\n");
	assert_false(map->has_persona);
	assert_null(map->persona_name);
	map = load_good("version: 1\ntitle: T\npersona: {name: Sanne}\nphases: []\n");
	assert_true(map->has_persona);
	assert_string_equal(map->persona_name, "Sanne");
	assert_null(map->persona_description);
}

/* ---- generated ids ---- */

static void test_generated_ids(void **state)
{
	(void)state;
	cjm_map *map = load_good(
		"version: 1\n"
		"title: T\n"
		"phases:\n"
		"  - name: Oriëntatie & Keuze\n"
		"    touchpoints:\n"
		"      - name: Oriëntatie & Keuze\n"
		"      - name: Café Crème Brûlée\n"
		"      - name: Straße Œuvre Æble Ĳssel\n"
		"      - name: \"\U0001F389\U0001F389 !!\"\n"
		"      - name: \"\u2605 \u2192 \u2605\"\n"
		"      - name: \"  (Re)start!  \"\n"
		"      - name: ÅLAND 2024\n"
		"      - name: A very long touchpoint name that goes on and on and on\n");
	assert_string_equal(map->phases[0]->id, "orientatie-keuze");
	assert_string_equal(tp_at(map, 0, 0)->id, "orientatie-keuze-2");
	assert_string_equal(tp_at(map, 0, 1)->id, "cafe-creme-brulee");
	assert_string_equal(tp_at(map, 0, 2)->id, "strasse-oeuvre-aeble-ijssel");
	assert_string_equal(tp_at(map, 0, 3)->id, "item");
	assert_string_equal(tp_at(map, 0, 4)->id, "item-2");
	assert_string_equal(tp_at(map, 0, 5)->id, "re-start");
	assert_string_equal(tp_at(map, 0, 6)->id, "aland-2024");
	const char *longid = tp_at(map, 0, 7)->id;
	assert_true(strlen(longid) <= 40);
	assert_true(cjm_id_is_valid(longid));
	assert_true(longid[strlen(longid) - 1] != '-');
	assert_true(strncmp(longid, "a-very-long-touchpoint-name", 27) == 0);
	/* the names themselves are kept as written */
	assert_string_equal(tp_at(map, 0, 1)->name, "Café Crème Brûlée");
}

/* A generated id never takes an explicit id, even one that comes later in the file. */
static void test_generated_ids_yield_to_explicit(void **state)
{
	(void)state;
	cjm_map *map = load_good(
		"version: 1\n"
		"title: T\n"
		"phases:\n"
		"  - name: Orient\n"
		"    touchpoints:\n"
		"      - name: A\n"
		"      - name: A\n"
		"      - name: A\n"
		"  - id: orient\n"
		"    name: Something else\n"
		"    touchpoints:\n"
		"      - id: a-2\n"
		"        name: Explicit\n"
		"      - id: a\n"
		"        name: Explicit too\n");
	assert_string_equal(map->phases[0]->id, "orient-2");
	assert_string_equal(tp_at(map, 0, 0)->id, "a-3");
	assert_string_equal(tp_at(map, 0, 1)->id, "a-4");
	assert_string_equal(tp_at(map, 0, 2)->id, "a-5");
	assert_string_equal(map->phases[1]->id, "orient");
	assert_string_equal(tp_at(map, 1, 0)->id, "a-2");
	assert_string_equal(tp_at(map, 1, 1)->id, "a");

	/* explicit ids may start with a digit; a generated id from digits is fine too */
	map = load_good("version: 1\ntitle: T\nphases:\n  - id: 42\n    name: x\n  - name: '42'\n");
	assert_string_equal(map->phases[0]->id, "42");
	assert_string_equal(map->phases[1]->id, "42-2");
}

/* ---- YAML core-schema forms ---- */

static void test_core_schema_forms(void **state)
{
	(void)state;
	cjm_map *map = load_good(
		"version: 1\n"
		"title: T\n"
		"phases:\n"
		"  - name: P\n"
		"    description: ~\n"
		"    touchpoints:\n"
		"      - name: A\n"
		"        emotion: +2\n"
		"        satisfaction: 7\n"
		"        impact: .5\n"
		"        moment_of_truth: True\n"
		"        brand_moment: FALSE\n"
		"        commitment: TRUE\n"
		"        visible: False\n"
		"      - name: B\n"
		"        emotion: ~\n"
		"        satisfaction: null\n"
		"        impact: Null\n"
		"        moment_of_truth: NULL\n"
		"        brand_moment:\n"
		"        channel:\n"
		"        owner: ~\n"
		"        notes: null\n"
		"      - name: C\n"
		"        emotion: -0\n"
		"        satisfaction: 1e1\n"
		"        impact: 0.\n"
		"      - name: D\n"
		"        emotion: -3\n"
		"        satisfaction: 0\n"
		"        impact: 1\n"
		"      - name: E\n"
		"        channel: 'null'\n"
		"        owner: \"~\"\n"
		"        notes: 'true'\n");
	assert_null(map->phases[0]->description);
	const cjm_touchpoint *a = tp_at(map, 0, 0);
	assert_true(a->has_emotion);
	assert_int_equal(a->emotion, 2);
	assert_true(a->satisfaction == 7.0);
	assert_true(a->impact == 0.5);
	assert_int_equal(a->moment_of_truth, CJM_TRUE);
	assert_int_equal(a->brand_moment, CJM_FALSE);
	assert_int_equal(a->commitment, CJM_TRUE);
	assert_int_equal(a->visible, CJM_FALSE);

	const cjm_touchpoint *b = tp_at(map, 0, 1);
	assert_false(b->has_emotion);
	assert_false(b->has_satisfaction);
	assert_false(b->has_impact);
	assert_int_equal(b->moment_of_truth, CJM_UNSET);
	assert_int_equal(b->brand_moment, CJM_UNSET);
	assert_null(b->channel);
	assert_null(b->owner);
	assert_null(b->notes);

	const cjm_touchpoint *c = tp_at(map, 0, 2);
	assert_true(c->has_emotion);
	assert_int_equal(c->emotion, 0);
	assert_true(c->satisfaction == 10.0);
	assert_true(c->has_impact);
	assert_true(c->impact == 0.0);

	const cjm_touchpoint *d = tp_at(map, 0, 3);
	assert_int_equal(d->emotion, -3);
	assert_true(d->has_satisfaction && d->satisfaction == 0.0);
	assert_true(d->has_impact && d->impact == 1.0);

	/* quoted text is text, never null or a boolean */
	const cjm_touchpoint *e = tp_at(map, 0, 4);
	assert_string_equal(e->channel, "null");
	assert_string_equal(e->owner, "~");
	assert_string_equal(e->notes, "true");

	/* a title that looks like a number or a boolean is still text */
	map = load_good("version: 1\ntitle: 2024\nphases: []\n");
	assert_string_equal(map->title, "2024");

	/* document markers and a %YAML directive are fine */
	map = load_good("%YAML 1.1\n---\nversion: 1\ntitle: T\nphases: []\n...\n");
	assert_string_equal(map->title, "T");
}

/* A UTF-8 byte-order mark (Windows editors write one) and CRLF or CR line ends. */
static void test_bom_and_line_ends(void **state)
{
	(void)state;
	cjm_map *map = load_good("version: 1\r\ntitle: T\r\nphases:\r\n  - name: A\r\n");
	assert_string_equal(map->phases[0]->name, "A");
	assert_int_equal(map->phases[0]->pos.line, 4);
	map = load_good("\xef\xbb\xbf# comment first\nversion: 1\ntitle: T\nphases: []\n");
	map = load_good("\xef\xbb\xbfversion: 1\ntitle: T\nphases: []\n");
	assert_string_equal(map->title, "T");
	map = load_good("\xef\xbb\xbfversion: 1\r\ntitle: T\r\nphases: []\r\n");
	/* positions after a BOM count from the first character after it */
	expect_one_error("\xef\xbb\xbfversion: 2\ntitle: T\nphases: []\n", 1, 10, "unsupported format version 2");
	/* a lone CR ends a line for libyaml, so it does for positions too */
	expect_one_error("version: 1\rtitle: Caf\xe9\rphases: []\r", 2, 11, "invalid UTF-8");
	expect_one_error("version: 1\rtitle: T\rphases: []\remotion: 1\r", 4, 1, "unknown key 'emotion'");
}

/* The core tags are allowed (DESIGN: "tags other than the core ones are rejected"). */
static void test_core_tags_accepted(void **state)
{
	(void)state;
	cjm_map *map = load_good(
		"version: !!int 1\n"
		"title: !!str Plan\n"
		"brand_values: !!seq [easy]\n"
		"phases: !!seq\n"
		"  - !!map\n"
		"    name: !!str 2024\n"
		"    touchpoints:\n"
		"      - name: A\n"
		"        emotion: !!int -1\n"
		"        satisfaction: !!float 7.5\n"
		"        visible: !!bool false\n"
		"        notes: !!null\n");
	assert_int_equal(map->version, 1);
	assert_string_equal(map->title, "Plan");
	assert_string_equal(map->phases[0]->name, "2024");
	const cjm_touchpoint *a = tp_at(map, 0, 0);
	assert_int_equal(a->emotion, -1);
	assert_true(a->satisfaction == 7.5);
	assert_int_equal(a->visible, CJM_FALSE);
	assert_null(a->notes);
}

/* An optional field written with no value is absent, whatever its kind. */
static void test_empty_optional_values(void **state)
{
	(void)state;
	cjm_map *map = load_good(
		"version: 1\n"
		"title: T\n"
		"persona:\n"
		"brand_values:\n"
		"thresholds:\n"
		"patterns:\n"
		"dismissed:\n"
		"phases:\n"
		"  - name: A\n"
		"    description:\n"
		"    touchpoints:\n"
		"      - name: B\n"
		"        pillars:\n"
		"        pains:\n"
		"        ideas: ~\n"
		"        quotes:\n");
	assert_int_equal(map->brand_values.len, 0);
	assert_false(map->has_threshold_satisfaction);
	assert_int_equal(map->pattern_count, 0);
	assert_int_equal(map->dismissed_count, 0);
	const cjm_touchpoint *b = tp_at(map, 0, 0);
	assert_int_equal(b->pillars, 0);
	assert_int_equal(b->pains.len + b->ideas.len + b->quotes.len, 0);
}

/* ---- comments ---- */

static void test_comments_found(void **state)
{
	(void)state;
	static const char text[] =
		"# header comment\n"                            /* 1: comment 1 */
		"version: 1 # trailing\n"                       /* 2: comment 2 */
		"title: \"Plan #1\"\n"                          /* 3: not (quoted) */
		"phases:\n"                                     /* 4 */
		"  - name: a#b\n"                               /* 5: not (inside a word) */
		"    description: 'it''s # not'\n"             /* 6: not (quoted) */
		"    touchpoints:\n"                            /* 7 */
		"      - name: Café # yes\n"                    /* 8: comment 3, after a two-byte letter */
		"        notes: |\n"                            /* 9 */
		"          # not a comment: block text\n"       /* 10: not */
		"          x\n"                                 /* 11 */
		"      # indented full-line comment\n"          /* 12: comment 4 */
		"        ideas: [\"x # y\", z] # yes\n"         /* 13: comment 5 */
		"        quotes: [\"Oriëntatie #1\"]\t# tab\n"  /* 14: comment 6 after a tab; the quoted one is not */
		"# final\n";                                    /* 15: comment 7 */
	diag_list *diags = new_diags("c.yaml");
	cjm_comments comments = { 99, 99, 99 };
	cjm_map *map = load_len(text, strlen(text), diags, &comments);
	if (!map)
		print_diags(diags);
	assert_non_null(map);
	assert_int_equal(comments.count, 7);
	assert_int_equal(comments.first_line, 1);
	assert_int_equal(comments.first_col, 1);
	/* the text around the hashes is intact */
	assert_string_equal(map->title, "Plan #1");
	assert_string_equal(map->phases[0]->name, "a#b");
	assert_string_equal(map->phases[0]->description, "it's # not");
	assert_string_equal(tp_at(map, 0, 0)->name, "Café");
	assert_string_equal(tp_at(map, 0, 0)->notes, "# not a comment: block text\nx\n");
	assert_string_equal(tp_at(map, 0, 0)->ideas.items[0], "x # y");
	assert_string_equal(tp_at(map, 0, 0)->quotes.items[0], "Oriëntatie #1");
}

static void test_comments_none(void **state)
{
	(void)state;
	static const char text[] =
		"version: 1\n"
		"title: \"a # b\"\n"
		"phases:\n"
		"  - name: C#\n"
		"    description: 'x #y'\n"
		"    touchpoints:\n"
		"      - name: \"Ëën #2\"\n"
		"        notes: >\n"
		"          folded # text\n"
		"          # still text\n";
	diag_list *diags = new_diags("c.yaml");
	cjm_comments comments = { 99, 99, 99 };
	cjm_map *map = load_len(text, strlen(text), diags, &comments);
	assert_non_null(map);
	assert_int_equal(comments.count, 0);
	assert_string_equal(map->phases[0]->name, "C#");
}

/* More candidates wait than the loader keeps (a long comment block, a long scalar
 * full of " #"): the rest are found again after parsing, and the count is exact. */
static void test_comments_many_waiting(void **state)
{
	(void)state;
	enum { MANY = 5000 };
	strbuf text = { 0 };
	for (int i = 0; i < MANY; i++)
		strbuf_puts(&text, "# c\n");                  /* MANY comments */
	strbuf_puts(&text, "version: 1 # v\n");            /* 1 */
	strbuf_puts(&text, "title: \"\xc3\x8b\xc3\xabn");  /* "Ëën" and MANY " #" inside quotes */
	for (int i = 0; i < MANY; i++)
		strbuf_puts(&text, " #");
	strbuf_puts(&text, "\" # after the quote\n");      /* 1 */
	strbuf_puts(&text, "phases:\n  - name: P # p\n    touchpoints:\n"); /* 1 */
	strbuf_puts(&text, "      - name: \xc3\x8b\xc3\xabn # t\n        notes: | # h # h\n"); /* 3 */
	for (int i = 0; i < MANY; i++)
		strbuf_puts(&text, "          # block text\n");
	strbuf_puts(&text, "      # less indented: a comment\n"); /* 1 */
	strbuf_puts(&text, "        ideas: [\"x #\", 'a # b'] # i\n"); /* 1 */
	strbuf_puts(&text, "# end\n");                     /* 1 */
	diag_list *diags = new_diags("c.yaml");
	cjm_comments comments = { 99, 99, 99 };
	cjm_map *map = load_len(text.data, text.len, diags, &comments);
	if (!map)
		print_diags(diags);
	assert_non_null(map);
	assert_int_equal(comments.count, MANY + 9);
	assert_int_equal(comments.first_line, 1);
	assert_int_equal(comments.first_col, 1);
	assert_int_equal(strlen(map->title), 5 + 2 * MANY);
	assert_int_equal(strlen(tp_at(map, 0, 0)->notes), strlen("# block text\n") * MANY);
	assert_string_equal(tp_at(map, 0, 0)->ideas.items[0], "x #");
	strbuf_release(&text);
}

/* A comment after a block scalar's indicator is a comment, not the scalar's text. */
static void test_comments_block_header(void **state)
{
	(void)state;
	static const char text[] =
		"version: 1\n"
		"title: T\n"
		"phases:\n"
		"  - name: P\n"
		"    description: |- # \xc3\xab" "en # twee\n" /* 2 */
		"      # text\n"
		"      x # text\n"
		"    touchpoints:\n"
		"      - name: T\n"
		"        notes: >\r\n"                    /* CRLF: the header ends there */
		"          # text\r\n"
		"      # less indented: a comment\n";     /* 1 */
	diag_list *diags = new_diags("c.yaml");
	cjm_comments comments = { 99, 99, 99 };
	cjm_map *map = load_len(text, strlen(text), diags, &comments);
	if (!map)
		print_diags(diags);
	assert_non_null(map);
	assert_int_equal(comments.count, 3);
	assert_int_equal(comments.first_line, 5);
	assert_int_equal(comments.first_col, 21);
	assert_string_equal(map->phases[0]->description, "# text\nx # text");
	assert_string_equal(tp_at(map, 0, 0)->notes, "# text\n");
}

/* The first comment lies past the candidates kept: its place is still found. */
static void test_comments_first_after_many(void **state)
{
	(void)state;
	strbuf text = { 0 };
	strbuf_puts(&text, "version: 1\ntitle: '\xc3\x8b");
	for (int i = 0; i < 5000; i++)
		strbuf_puts(&text, " #");
	strbuf_puts(&text, "'\nphases: [] # first\n");
	diag_list *diags = new_diags("c.yaml");
	cjm_comments comments = { 99, 99, 99 };
	cjm_map *map = load_len(text.data, text.len, diags, &comments);
	assert_non_null(map);
	assert_int_equal(comments.count, 1);
	assert_int_equal(comments.first_line, 3);
	assert_int_equal(comments.first_col, 12);
	strbuf_release(&text);
}

static void test_comments_first_position(void **state)
{
	(void)state;
	static const char text[] = "version: 1\ntitle: Ëën  # the title\nphases: [] # none yet\n";
	diag_list *diags = new_diags("c.yaml");
	cjm_comments comments;
	cjm_map *map = load_len(text, strlen(text), diags, &comments);
	assert_non_null(map);
	assert_int_equal(comments.count, 2);
	assert_int_equal(comments.first_line, 2);
	assert_int_equal(comments.first_col, 13); /* columns count characters, not bytes */

	/* comments are counted in a file with errors too, and NULL is accepted */
	diags = new_diags("c.yaml");
	map = load_len("# c\nversion: 2\n", strlen("# c\nversion: 2\n"), diags, &comments);
	assert_null(map);
	assert_int_equal(comments.count, 1);
	/* a comment right after a byte-order mark is a comment too: fmt -w must not lose it */
	diags = new_diags("c.yaml");
	const char *bom = "\xef\xbb\xbf# c\nversion: 1\ntitle: T\nphases: []\n";
	map = load_len(bom, strlen(bom), diags, &comments);
	assert_non_null(map);
	assert_int_equal(comments.count, 1);
	assert_int_equal(comments.first_line, 1);
	assert_int_equal(comments.first_col, 1);
	diags = new_diags("c.yaml");
	const char *plain = "# c\nversion: 1\ntitle: T\nphases: []\n";
	map = load_len(plain, strlen(plain), diags, NULL);
	assert_non_null(map);
}

/* ---- errors: where and what ---- */

#define TP(line) "version: 1\ntitle: T\nphases:\n  - name: Orient\n    touchpoints:\n      - name: A\n        " line "\n"

static void test_error_positions(void **state)
{
	(void)state;
	expect_one_error(TP("emotion: 4"), 7, 18, "emotion must be a whole number from -3 to +3, found 4");
	expect_one_error(TP("satisfaction: high"), 7, 23, "satisfaction must be a number from 0 to 10");
	expect_one_error(TP("impact: 1.2"), 7, 17, "impact must be a number from 0 to 1");
	expect_one_error(TP("visible: yes"), 7, 18, "visible must be true or false");
	expect_one_error(TP("emotions: 1"), 7, 9, "unknown key 'emotions' in a touchpoint");
	expect_one_error("version: 1\ntitle: T\nphases:\n\t- name: A\n", 4, 1, "tab character");
	expect_one_error("version: 1\ntitle: Caf\xe9\nphases: []\n", 2, 11, "invalid UTF-8");
	expect_one_error("version: 1\ntitle: Oriënt\x01\nphases: []\n", 2, 14, "control character U+0001");
	expect_one_error("version: 2\ntitle: T\nphases: []\n", 1, 10, "unsupported format version 2");
	expect_one_error("version: 1\ntitle: T\nphases:\n  - id: x\n    name: A\n  - id: x\n    name: B\n", 6, 9,
			 "duplicate id 'x' (first used at line 4)");
	expect_one_error("version: 1\ntitle: T\nphases:\n  - id: Bad_Id\n    name: A\n", 4, 9, "id 'Bad_Id' is not valid");
	expect_one_error("version: 1\ntitle: T\nphases:\n  - description: d\n", 4, 5, "missing required key 'name'");
	expect_one_error("version: 1\ntitle: T\npersona: {name: S, age: 3}\nphases: []\n", 3, 20, "unknown key 'age' in persona");
	expect_one_error("version: 1\ntitle: T\ntitle: U\nphases: []\n", 3, 1, "duplicate key 'title'");
	expect_one_error("version: 1\ntitle: &x T\nphases: []\n", 2, 8, "anchors are not allowed");
	expect_one_error("version: 1\ntitle: !foo T\nphases: []\n", 2, 8, "tag '!foo' is not allowed");
	expect_one_error("version: 1\ntitle: \"T\nphases: []\n", 4, 1, "end of stream");
	expect_one_error("version: 1\ntitle: T\nphases: []\n---\nversion: 1\n", 4, 1, "more than one YAML document");
	expect_one_error("- a\n", 1, 1, "the top level must be a mapping");
	expect_one_error("", 1, 1, "empty file");
	expect_one_error("  \n# only a comment\n", 1, 1, "empty file");
	expect_one_error("version: 1\ntitle: T\n", 1, 1, "missing required key 'phases'");
}

/* Every problem in a file is reported, not only the first one. */
static void test_all_problems_reported(void **state)
{
	(void)state;
	diag_list *diags = load_bad(
		"version: 1\n"
		"title: T\n"
		"colour: blue\n"
		"phases:\n"
		"  - name: A\n"
		"    touchpoints:\n"
		"      - name: B\n"
		"        emotion: 9\n"
		"        visible: maybe\n"
		"  - id: Bad\n");
	assert_int_equal(diags->errors, 5);
	assert_int_equal(find_diag(diags, "unknown key 'colour'")->line, 3);
	assert_int_equal(find_diag(diags, "emotion must be")->line, 8);
	assert_int_equal(find_diag(diags, "visible must be")->line, 9);
	assert_int_equal(find_diag(diags, "id 'Bad' is not valid")->line, 10);
	assert_int_equal(find_diag(diags, "missing required key 'name'")->line, 10);

	/* a value of the wrong kind (a list for text) does not stop the reading */
	diags = load_bad("version: 1\ntitle: [T]\ncolour: blue\nphases: []\n");
	assert_int_equal(diags->errors, 2);
	find_diag(diags, "title must be text, found a list");
	find_diag(diags, "unknown key 'colour'");
}

static void test_error_limit(void **state)
{
	(void)state;
	char *text = keep_mem(xstrdup("version: 1\ntitle: T\nphases:\n  - name: A\n    touchpoints:\n"));
	for (int i = 1; i <= 60; i++) {
		text = keep_mem(xasprintf("%s      - {name: T%d, emotion: 9}\n", text, i));
		if (i == 50) {
			diag_list *diags = load_bad(text);
			assert_int_equal(diags->errors, 50);
			assert_false(diags->truncated); /* exactly 50: nothing was left out */
		}
	}
	diag_list *diags = load_bad(text);
	assert_int_equal(diags->errors, DIAG_MAX_ERRORS);
	assert_true(diags->truncated);
}

/* A map with errors is NULL, and nothing leaks (LeakSanitizer checks at exit). */
static void test_errors_return_null(void **state)
{
	(void)state;
	static const char *const bad[] = {
		"version: 1\ntitle: T\nphases:\n  - name: A\n    touchpoints:\n      - name: B\n        emotion: 9\n        pains: [a, b]\n",
		"version: 1\ntitle: T\npersona: {name: S}\nbrand_values: [x]\npatterns: {a: {enabled: true}}\ndismissed: [{pattern: a, target: b}]\nphases: [{name: A, touchpoints: [{name: B}]}]\nbogus: 1\n",
		"version: 1\ntitle: T\nphases:\n  - {name: A, id: a}\n  - {name: B, id: a}\n",
		"version: 1\ntitle: T\nphases: [{name: A}\n",
		"version: 1\ntitle: T\nphases: []\na: &a [x, y]\nb: *a\n",
		"{version: 1, title: T, phases: [[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]}",
		"version: 1\ntitle: T\nphases:\n  - name: A\n    touchpoints:\n      - name: B\n        pillars: [speed, empathy, empathy]\n",
		"version: 1\ntitle: T\nphases: []\n---\nx: 1\n",
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		load_bad(bad[i]);
}

/* The same diagnostics list can collect several files; a good map after a bad one loads. */
static void test_diag_list_shared(void **state)
{
	(void)state;
	diag_list *diags = new_diags("x.yaml");
	assert_null(load_len("version: 3\n", 11, diags, NULL));
	size_t before = diags->errors;
	assert_true(before > 0);
	const char *good = "version: 1\ntitle: T\nphases: [{name: A}]\n";
	cjm_map *map = load_len(good, strlen(good), diags, NULL);
	assert_non_null(map);
	assert_string_equal(map->phases[0]->id, "a");
	assert_int_equal(diags->errors, before);
}

/* ---- reading files ---- */

static void test_load_file_errors(void **state)
{
	(void)state;
	char dir[] = "/tmp/cjm-test-load.XXXXXX";
	assert_non_null(mkdtemp(dir));
	char *missing = keep_mem(xasprintf("%s/missing.yaml", dir));
	diag_list *diags = new_diags(missing);
	int err = -1;
	assert_null(cjm_load_file(missing, diags, NULL, &err));
	assert_int_equal(err, ENOENT);

	diags = new_diags(dir);
	err = -1;
	assert_null(cjm_load_file(dir, diags, NULL, &err));
	assert_int_equal(err, EISDIR);

	char *big = keep_mem(xasprintf("%s/big.yaml", dir));
	int fd = open(big, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	assert_true(fd >= 0);
	assert_int_equal(ftruncate(fd, (off_t)CJM_MAX_FILE_SIZE + 1), 0);
	close(fd);
	diags = new_diags(big);
	err = -1;
	cjm_map *none = keep_map(cjm_load_file(big, diags, NULL, &err));
	unlink(big);
	assert_null(none);
	assert_int_equal(err, 0);
	assert_int_equal(diags->errors, 1);
	find_diag(diags, "too large");

	/* a good file, read and parsed */
	char *good = keep_mem(xasprintf("%s/good.yaml", dir));
	FILE *f = fopen(good, "w");
	assert_non_null(f);
	fputs(full_map, f);
	fclose(f);
	diags = new_diags(good);
	cjm_comments comments;
	cjm_map *map = keep_map(cjm_load_file(good, diags, &comments, &err));
	unlink(good);
	rmdir(dir);
	assert_non_null(map);
	assert_int_equal(err, 0);
	assert_int_equal(comments.count, 0);
	assert_string_equal(map->title, "Switching energy supplier");
}

/* ---- the corpora in the tree ---- */

static void check_ids_unique_and_valid(const cjm_map *map, const char *path)
{
	size_t n = 0;
	for (size_t p = 0; p < map->phase_count; p++)
		n += 1 + map->phases[p]->touchpoint_count;
	const char **ids = keep_mem(xcalloc(n ? n : 1, sizeof *ids));
	size_t k = 0;
	for (size_t p = 0; p < map->phase_count; p++) {
		ids[k++] = map->phases[p]->id;
		for (size_t t = 0; t < map->phases[p]->touchpoint_count; t++)
			ids[k++] = map->phases[p]->touchpoints[t]->id;
	}
	for (size_t i = 0; i < n; i++) {
		if (!cjm_id_is_valid(ids[i]))
			fprintf(stderr, "%s: id '%s' is not valid\n", path, ids[i]);
		assert_true(cjm_id_is_valid(ids[i]));
		for (size_t j = i + 1; j < n; j++) {
			if (strcmp(ids[i], ids[j]) == 0)
				fprintf(stderr, "%s: id '%s' twice\n", path, ids[i]);
			assert_string_not_equal(ids[i], ids[j]);
		}
	}
}

static void test_example_maps(void **state)
{
	(void)state;
	size_t count = 0;
	char **paths = list_files("maps", ".yaml", &count);
	if (!paths) {
		fprintf(stderr, "no maps/ folder here (run from the top of the source tree); skipped\n");
		skip();
	}
	for (size_t i = 0; i < count; i++) {
		size_t len = 0;
		char *text = read_all(paths[i], &len);
		diag_list *diags = new_diags(paths[i]);
		cjm_comments comments;
		cjm_map *map = load_len(text, len, diags, &comments);
		if (!map)
			print_diags(diags);
		assert_non_null(map);
		assert_int_equal(diags->errors, 0);
		assert_int_equal(map->version, 1);
		assert_non_null(map->title);
		assert_true(map->phase_count > 0);
		assert_true(cjm_map_touchpoint_count(map) > 0);
		for (size_t p = 0; p < map->phase_count; p++)
			for (size_t t = 0; t < map->phases[p]->touchpoint_count; t++) {
				const cjm_touchpoint *tp = map->phases[p]->touchpoints[t];
				assert_true(tp->name && *tp->name);
				assert_true(!tp->has_emotion || (tp->emotion >= CJM_EMOTION_MIN && tp->emotion <= CJM_EMOTION_MAX));
				assert_true(tp->pos.line > 0);
			}
		check_ids_unique_and_valid(map, paths[i]);
		/* loading is deterministic, and reading the file gives the same map */
		diag_list *again = new_diags(paths[i]);
		cjm_map *map2 = load_len(text, len, again, NULL);
		assert_non_null(map2);
		assert_true(cjm_map_equal(map, map2));
		int err = -1;
		cjm_comments file_comments;
		cjm_map *map3 = keep_map(cjm_load_file(paths[i], new_diags(paths[i]), &file_comments, &err));
		assert_non_null(map3);
		assert_int_equal(err, 0);
		assert_true(cjm_map_equal(map, map3));
		assert_int_equal(file_comments.count, comments.count);
	}
	assert_true(count > 0);
}

/* Every file of the bad-input corpus, in-process: refused, with a positioned error
 * (or a whole-file one), no crash, no leak, no read past the buffer. */
static void test_bad_corpus(void **state)
{
	(void)state;
	size_t count = 0;
	char **paths = list_files("tests/bad", ".yaml", &count);
	if (!paths) {
		fprintf(stderr, "no tests/bad/ folder here (run from the top of the source tree); skipped\n");
		skip();
	}
	for (size_t i = 0; i < count; i++) {
		size_t len = 0;
		char *text = read_all(paths[i], &len);
		diag_list *diags = new_diags(paths[i]);
		cjm_comments comments;
		cjm_map *map = load_len(text, len, diags, &comments);
		if (map)
			fprintf(stderr, "%s: loaded, but it is in the bad-input corpus\n", paths[i]);
		assert_null(map);
		assert_true(diags->errors > 0);
		assert_true(diags->errors <= DIAG_MAX_ERRORS);
		for (size_t d = 0; d < diags->count; d++) {
			assert_true(diags->items[d].line >= 0 && diags->items[d].col >= 0);
			assert_true(diags->items[d].message[0] != '\0');
		}
		/* reading the file (mapped, not copied) says the same */
		diag_list *from_file = new_diags(paths[i]);
		int err = -1;
		assert_null(keep_map(cjm_load_file(paths[i], from_file, NULL, &err)));
		assert_int_equal(err, 0);
		expect_same_diags(diags, from_file, paths[i]);
	}
	assert_true(count > 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_every_field, free_kept),
		cmocka_unit_test_teardown(test_minimal_map_defaults, free_kept),
		cmocka_unit_test_teardown(test_persona_written_empty, free_kept),
		cmocka_unit_test_teardown(test_generated_ids, free_kept),
		cmocka_unit_test_teardown(test_generated_ids_yield_to_explicit, free_kept),
		cmocka_unit_test_teardown(test_core_schema_forms, free_kept),
		cmocka_unit_test_teardown(test_bom_and_line_ends, free_kept),
		cmocka_unit_test_teardown(test_core_tags_accepted, free_kept),
		cmocka_unit_test_teardown(test_empty_optional_values, free_kept),
		cmocka_unit_test_teardown(test_comments_found, free_kept),
		cmocka_unit_test_teardown(test_comments_none, free_kept),
		cmocka_unit_test_teardown(test_comments_first_position, free_kept),
		cmocka_unit_test_teardown(test_comments_many_waiting, free_kept),
		cmocka_unit_test_teardown(test_comments_block_header, free_kept),
		cmocka_unit_test_teardown(test_comments_first_after_many, free_kept),
		cmocka_unit_test_teardown(test_error_positions, free_kept),
		cmocka_unit_test_teardown(test_all_problems_reported, free_kept),
		cmocka_unit_test_teardown(test_error_limit, free_kept),
		cmocka_unit_test_teardown(test_errors_return_null, free_kept),
		cmocka_unit_test_teardown(test_diag_list_shared, free_kept),
		cmocka_unit_test_teardown(test_load_file_errors, free_kept),
		cmocka_unit_test_teardown(test_example_maps, free_kept),
		cmocka_unit_test_teardown(test_bad_corpus, free_kept),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
