/* libFuzzer target: BASE, OURS and THEIRS in one input; the diff of every pair and the three-way merge never fail, a clean merge loads back in canonical form, a conflicted one is refused until resolved, and its conflicts can be settled either way and undone. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/map.h"
#include "io/load.h"
#include "io/save.h"
#include "merge/diff.h"
#include "merge/merge.h"
#include "merge/resolve.h"
#include "edit/edit.h"
#include "util/diag.h"
#include "util/strbuf.h"

/* Between the three maps of an input (tests/fuzz/fuzz_merge.dict knows it). */
#define FUZZ_SEPARATOR "\n---8<---\n"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Stops with a finding, showing the text involved. */
_Noreturn static void finding(const char *what, const strbuf *text)
{
	fprintf(stderr, "fuzz_merge: %s\n", what);
	if (text && text->data)
		fprintf(stderr, "--- text (%zu bytes):\n%s\n", text->len, text->data);
	abort();
}

/* The map in LEN bytes of TEXT, or NULL when it does not load. An empty BASE is an
 * empty map, as in cjm merge (git's base when both branches added the file). */
static cjm_map *fuzz_load(const char *text, size_t len, bool is_base)
{
	if (is_base && len == 0)
		return cjm_map_new(NULL);
	diag_list *diags = diag_list_new("input");
	cjm_map *map = cjm_load_buffer(text, len, diags, NULL);
	if (!map && diags->errors == 0)
		finding("the loader returned NULL without an error", NULL);
	diag_list_free(diags);
	return map;
}

/* Diffs A and B and renders the diff both ways; the diff of a map with itself is empty. */
static void fuzz_diff(const cjm_map *a, const cjm_map *b)
{
	cjm_diff *diff = cjm_diff_new(a, b);
	strbuf text = { 0 }, yaml = { 0 };
	cjm_diff_render_options options = { .color = true };
	cjm_diff_render_text(&text, diff, &options);
	cjm_diff_render_yaml(&yaml, diff);
	if ((diff->count == 0) != (text.len == 0))
		finding("a diff's text is empty with changes, or not empty without", &text);
	if (a == b && diff->count != 0)
		finding("the diff of a map with itself is not empty", &text);
	strbuf_release(&text);
	strbuf_release(&yaml);
	cjm_diff_free(diff);
}

/* The canonical text of MAP (to compare maps by). */
static void fuzz_saved(const cjm_map *map, strbuf *out)
{
	strbuf_reset(out);
	cjm_save_to_buffer(map, out);
}

static bool fuzz_same(const strbuf *a, const strbuf *b)
{
	return a->len == b->len && memcmp(a->data, b->data, a->len) == 0;
}

/* The conflicts of TEXT, a conflicted merge: both sides load; taking every side (and
 * both, where a list allows it) keeps the map valid or, failing, leaves it as it was;
 * undo gives back the map as it was. */
static void fuzz_resolve(const strbuf *text)
{
	diag_list *diags = diag_list_new("merged");
	cjm_conflicts *c = cjm_conflicts_new(text->data, text->len, diags);
	if (!c) {
		diag_print(diags, stderr);
		finding("the conflicts of a merge cannot be read", text);
	}
	if (c->count == 0)
		finding("a conflicted merge reads as no conflicts", text);
	cjm_edit *edit = cjm_edit_new(cjm_map_clone(c->ours));
	strbuf before = { 0 }, after = { 0 };
	fuzz_saved(cjm_edit_map(edit), &before);
	for (int take = CJM_TAKE_OURS; take <= CJM_TAKE_BOTH; take++) {
		int rc = cjm_conflicts_take_all(c, edit, (cjm_take)take);
		fuzz_saved(cjm_edit_map(edit), &after);
		if (rc < 0 && !fuzz_same(&before, &after))
			finding("a take that failed changed the map", &after);
		diag_list *again = diag_list_new("resolved");
		cjm_map *loaded = cjm_load_buffer(after.data, after.len, again, NULL);
		if (!loaded) {
			diag_print(again, stderr);
			finding("a resolved map does not load", &after);
		}
		cjm_map_free(loaded);
		diag_list_free(again);
		if (rc == 0 && cjm_edit_can_undo(edit) && !fuzz_same(&before, &after)) {
			cjm_edit_undo(edit);
			fuzz_saved(cjm_edit_map(edit), &after);
			if (!fuzz_same(&before, &after))
				finding("undo after taking a side does not give the map back", &after);
		}
	}
	for (size_t k = 0; k < c->count; k++)
		if (cjm_conflict_take(c, edit, k, CJM_TAKE_THEIRS) < 0 && cjm_edit_error(edit)[0] == '\0')
			finding("a take failed without saying why", text);
	strbuf_release(&before);
	strbuf_release(&after);
	cjm_edit_free(edit);
	cjm_conflicts_free(c);
	diag_list_free(diags);
}

/* The text of the merge of B, O and T; checks what a merge promises. */
static void fuzz_merge(const cjm_map *b, const cjm_map *o, const cjm_map *t)
{
	cjm_merge_result *res = cjm_merge(b, o, t);
	if (res->error) {
		if (res->ours || res->theirs)
			finding("a merge with an error built a result", NULL);
		cjm_merge_result_free(res);
		return;
	}
	strbuf text = { 0 };
	size_t hunks = cjm_merge_write(res, "ours", "theirs", &text);
	if ((hunks > 0) != (res->conflict_count > 0))
		finding("conflicts without marked hunks, or hunks without conflicts", &text);
	for (size_t k = 0; k < res->conflict_count; k++)
		free(cjm_merge_conflict_describe(&res->conflicts[k]));
	diag_list *diags = diag_list_new("merged");
	cjm_map *merged = cjm_load_buffer(text.data ? text.data : "", text.len, diags, NULL);
	if (res->conflict_count == 0) {
		if (!merged) {
			diag_print(diags, stderr);
			finding("a clean merge does not load", &text);
		}
		strbuf again = { 0 };
		cjm_save_to_buffer(merged, &again);
		if (again.len != text.len || memcmp(again.data, text.data, text.len) != 0)
			finding("a clean merge is not in canonical form", &text);
		strbuf_release(&again);
	} else if (merged) {
		finding("a merge with conflict markers loads as a map", &text);
	} else {
		fuzz_resolve(&text);
	}
	cjm_map_free(merged);
	diag_list_free(diags);
	strbuf_release(&text);
	cjm_merge_result_free(res);
}

/* Merging OURS with itself gives OURS, in canonical form. */
static void fuzz_merge_same(const cjm_map *b, const cjm_map *o)
{
	cjm_merge_result *res = cjm_merge(b, o, o);
	if (res->error) {
		cjm_merge_result_free(res);
		return;
	}
	if (res->conflict_count)
		finding("merging a map with itself gives conflicts", NULL);
	strbuf text = { 0 }, expected = { 0 };
	cjm_merge_write(res, "ours", "theirs", &text);
	cjm_save_to_buffer(o, &expected);
	if (text.len != expected.len || memcmp(text.data, expected.data, text.len) != 0)
		finding("merging a map with itself changes it", &text);
	strbuf_release(&text);
	strbuf_release(&expected);
	cjm_merge_result_free(res);
}

/* The first SEP in [TEXT, END), or NULL. */
static const char *find_separator(const char *text, const char *end, const char *sep, size_t sep_len)
{
	for (const char *p = text; (size_t)(end - p) >= sep_len; p++) {
		p = memchr(p, sep[0], (size_t)(end - p) - sep_len + 1);
		if (!p)
			return NULL;
		if (memcmp(p, sep, sep_len) == 0)
			return p;
	}
	return NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data, *end = text + size;
	const char *part[3];
	size_t len[3];
	size_t sep = strlen(FUZZ_SEPARATOR);
	for (int k = 0; k < 3; k++) {
		part[k] = text;
		const char *cut = k < 2 ? find_separator(text, end, FUZZ_SEPARATOR, sep) : NULL;
		if (k < 2 && !cut)
			return 0; /* not three maps */
		len[k] = (size_t)((cut ? cut : end) - text);
		text = cut ? cut + sep : end;
	}
	cjm_map *maps[3] = { NULL, NULL, NULL };
	bool all = true;
	for (int k = 0; k < 3 && all; k++) {
		maps[k] = fuzz_load(part[k], len[k], k == CJM_MERGE_BASE);
		all = maps[k] != NULL;
	}
	if (all) {
		fuzz_diff(maps[0], maps[1]);
		fuzz_diff(maps[0], maps[2]);
		fuzz_diff(maps[1], maps[2]);
		fuzz_diff(maps[1], maps[1]);
		fuzz_merge(maps[0], maps[1], maps[2]);
		fuzz_merge_same(maps[0], maps[1]);
	}
	for (int k = 0; k < 3; k++)
		cjm_map_free(maps[k]);
	return 0;
}
