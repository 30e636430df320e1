/* libFuzzer target: any input either fails to load with an error, or loads, saves, reloads equal and saves identically; no output shows a raw control character. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/figures.h"
#include "model/map.h"
#include "io/load.h"
#include "io/save.h"
#include "merge/diff.h"
#include "render/show.h"
#include "render/stats.h"
#include "util/diag.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/visible.h"

#define FUZZ_MAX_LEN 65536

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Prints what went wrong, with the texts involved, and stops with a finding. */
_Noreturn static void finding(const char *what, const diag_list *diags, const strbuf *first, const strbuf *second)
{
	fprintf(stderr, "fuzz_load: %s\n", what);
	if (diags && diags->count > 0) {
		fprintf(stderr, "--- diagnostics:\n");
		diag_print(diags, stderr);
	}
	if (first && first->data)
		fprintf(stderr, "--- first save (%zu bytes):\n%s\n", first->len, first->data);
	if (second && second->data)
		fprintf(stderr, "--- second save (%zu bytes):\n%s\n", second->len, second->data);
	abort();
}

static int compare_ids(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void check_text(const char *text, const char *what, bool required)
{
	if (!text) {
		if (required)
			finding(what, NULL, NULL, NULL);
		return;
	}
	for (const unsigned char *s = (const unsigned char *)text; *s;) {
		size_t len = *s < 0x80 ? 1 : (*s & 0xE0) == 0xC0 ? 2 : (*s & 0xF0) == 0xE0 ? 3 : (*s & 0xF8) == 0xF0 ? 4 : 0;
		if (len == 0)
			finding("the loaded map holds invalid UTF-8", NULL, NULL, NULL);
		for (size_t i = 1; i < len; i++)
			if ((s[i] & 0xC0) != 0x80)
				finding("the loaded map holds invalid UTF-8", NULL, NULL, NULL);
		s += len;
	}
	uint32_t cp;
	if (utf8_find_forbidden(text, strlen(text), NULL, &cp)) {
		char what_char[96];
		snprintf(what_char, sizeof what_char, "the loaded map holds U+%04X, which a map may not hold",
			 (unsigned)cp);
		finding(what_char, NULL, NULL, NULL);
	}
}

static void check_list(const cjm_strlist *list)
{
	for (size_t i = 0; i < list->len; i++)
		check_text(list->items[i], "a NULL string in a loaded list", true);
}

/* The model's promises about a map the loader accepted (map.h and DESIGN.md). */
static void check_model(const cjm_map *map)
{
	if (map->version != CJM_FORMAT_VERSION)
		finding("a loaded map with another format version", NULL, NULL, NULL);
	check_text(map->title, "a loaded map without a title", true);
	if (map->title[0] == '\0')
		finding("a loaded map with an empty title", NULL, NULL, NULL);
	check_text(map->persona_name, "", false);
	check_text(map->persona_description, "", false);
	check_list(&map->brand_values);
	if (map->has_threshold_satisfaction && !(map->threshold_satisfaction >= 0 && map->threshold_satisfaction <= 10))
		finding("a loaded satisfaction threshold outside 0..10", NULL, NULL, NULL);
	if (map->has_threshold_impact && !(map->threshold_impact >= 0 && map->threshold_impact <= 1))
		finding("a loaded impact threshold outside 0..1", NULL, NULL, NULL);

	size_t id_count = map->phase_count + cjm_map_touchpoint_count(map), n = 0;
	const char **ids = malloc((id_count ? id_count : 1) * sizeof *ids);
	if (!ids)
		abort();
	for (size_t p = 0; p < map->phase_count; p++) {
		const cjm_phase *phase = map->phases[p];
		check_text(phase->name, "a loaded phase without a name", true);
		check_text(phase->description, "", false);
		if (!phase->id || !cjm_id_is_valid(phase->id))
			finding("a loaded phase with a missing or invalid id", NULL, NULL, NULL);
		ids[n++] = phase->id;
		for (size_t t = 0; t < phase->touchpoint_count; t++) {
			const cjm_touchpoint *tp = phase->touchpoints[t];
			check_text(tp->name, "a loaded touchpoint without a name", true);
			if (!tp->id || !cjm_id_is_valid(tp->id))
				finding("a loaded touchpoint with a missing or invalid id", NULL, NULL, NULL);
			ids[n++] = tp->id;
			check_text(tp->channel, "", false);
			check_text(tp->owner, "", false);
			check_text(tp->notes, "", false);
			check_list(&tp->pains);
			check_list(&tp->ideas);
			check_list(&tp->quotes);
			if (tp->has_emotion && (tp->emotion < CJM_EMOTION_MIN || tp->emotion > CJM_EMOTION_MAX))
				finding("a loaded emotion outside -3..3", NULL, NULL, NULL);
			if (tp->has_satisfaction && !(tp->satisfaction >= 0 && tp->satisfaction <= 10))
				finding("a loaded satisfaction outside 0..10", NULL, NULL, NULL);
			if (tp->has_impact && !(tp->impact >= 0 && tp->impact <= 1))
				finding("a loaded impact outside 0..1", NULL, NULL, NULL);
			if (tp->pillars & ~((1u << CJM_PILLAR_COUNT) - 1))
				finding("a loaded touchpoint with an unknown pillar bit", NULL, NULL, NULL);
		}
	}
	qsort(ids, n, sizeof *ids, compare_ids);
	for (size_t i = 1; i < n; i++)
		if (strcmp(ids[i - 1], ids[i]) == 0)
			finding("a loaded map with a duplicate id", NULL, NULL, NULL);
	free(ids);
}

/* Stops with a finding when WHAT (LEN bytes of OUT) holds a raw character a terminal
 * would act on (visible_escaped), but '\n': what cjm prints shows them escaped. */
static void check_printed(const char *what, const char *out, size_t len)
{
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = utf8_decode((const unsigned char *)out + i, len - i, &cp);
		if (n == 0 || (cp != '\n' && visible_escaped(cp))) {
			fprintf(stderr, "fuzz_load: %s prints a raw control character at byte %zu:\n%.*s\n", what, i,
				(int)len, out);
			abort();
		}
		i += n;
	}
}

/* The diagnostics as cjm prints them, checked. */
static void check_diagnostics(const diag_list *diags)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	if (!f)
		abort();
	diag_print(diags, f);
	fclose(f);
	check_printed("a diagnostic", text, len);
	free(text);
}

/* Everything cjm prints about MAP (show, show --plain, stats, diff against AGAIN
 * and against an empty map), checked. */
static void check_outputs(const cjm_map *map, const cjm_map *again)
{
	strbuf out = { 0 };
	cjm_show_plain(&out, map);
	check_printed("show --plain", out.data, out.len);
	strbuf_reset(&out);
	cjm_show_options options = { .width = 60, .ascii = (map->phase_count & 1) != 0 };
	cjm_show_grid(&out, map, &options);
	check_printed("show", out.data, out.len);
	strbuf_reset(&out);
	cjm_figures *figures = cjm_figures_new(map);
	cjm_stats_render(&out, map, figures);
	cjm_figures_free(figures);
	check_printed("stats", out.data, out.len);
	cjm_map *empty = cjm_map_new("Empty");
	const cjm_map *pairs[2][2] = { { map, again }, { empty, map } };
	for (int i = 0; i < 2; i++) {
		strbuf_reset(&out);
		cjm_diff *diff = cjm_diff_new(pairs[i][0], pairs[i][1]);
		cjm_diff_render_options render = { .color = false };
		cjm_diff_render_text(&out, diff, &render);
		cjm_diff_free(diff);
		check_printed("diff", out.data, out.len);
	}
	cjm_map_free(empty);
	strbuf_release(&out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > FUZZ_MAX_LEN)
		return 0;
	diag_list *diags = diag_list_new("input");
	cjm_comments comments = { 0 };
	cjm_map *map = cjm_load_buffer((const char *)data, size, diags, &comments);
	check_diagnostics(diags);
	if (!map) {
		if (diags->errors == 0)
			finding("the loader returned NULL without an error", diags, NULL, NULL);
		diag_list_free(diags);
		return 0;
	}
	check_model(map);

	strbuf first = { 0 };
	cjm_save_to_buffer(map, &first);
	diag_list *again_diags = diag_list_new("saved");
	cjm_map *again = cjm_load_buffer(first.data ? first.data : "", first.len, again_diags, NULL);
	if (!again)
		finding("the saved map does not load", again_diags, &first, NULL);
	if (!cjm_map_equal(map, again))
		finding("load → save → load gives a different map", again_diags, &first, NULL);

	check_outputs(map, again);

	strbuf second = { 0 };
	cjm_save_to_buffer(again, &second);
	if (first.len != second.len || (first.len > 0 && memcmp(first.data, second.data, first.len) != 0))
		finding("saving the reloaded map gives other bytes (fmt is not idempotent)", NULL, &first, &second);

	strbuf_release(&second);
	strbuf_release(&first);
	cjm_map_free(again);
	cjm_map_free(map);
	diag_list_free(again_diags);
	diag_list_free(diags);
	return 0;
}
