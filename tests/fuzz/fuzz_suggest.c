/* libFuzzer target: on any map that loads, the ten patterns run, every suggestion is accepted, and undoing all restores the map byte for byte. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/map.h"
#include "edit/edit.h"
#include "io/load.h"
#include "io/save.h"
#include "patterns/registry.h"
#include "patterns/suggest.h"
#include "util/diag.h"
#include "util/strbuf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static cjm_registry *builtins; /* the ten built-ins, made once; never a plugin */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!builtins)
		builtins = cjm_registry_new(false);
	diag_list *diags = diag_list_new("fuzz");
	cjm_map *map = cjm_load_buffer((const char *)data, size, diags, NULL);
	diag_list_free(diags);
	if (!map)
		return 0;

	strbuf before = { 0 }, after = { 0 };
	cjm_save_to_buffer(map, &before);
	cjm_edit *edit = cjm_edit_new(map);
	cjm_suggestions *list = cjm_suggest(map, builtins, NULL, 0, true);
	for (size_t i = 0; i < list->count; i++) {
		const cjm_suggestion *s = &list->items[i];
		if (!s->pattern || !s->target || !s->title || !s->rationale || s->priority < 1 || s->priority > 5) {
			fprintf(stderr, "fuzz_suggest: a malformed suggestion from %s\n", s->pattern ? s->pattern : "?");
			abort();
		}
		cjm_edit_group_begin(edit);
		(void)cjm_suggestion_accept(edit, s); /* may fail: an earlier one removed its target */
		cjm_edit_group_end(edit);
	}
	/* The patterns again on the changed map, arranged into cards as cjm suggest shows them:
	 * no crash on what accepting made, and every card of the list is a suggestion of it. */
	cjm_suggestions *again = cjm_suggest(cjm_edit_map(edit), builtins, NULL, 0, true);
	size_t beyond = cjm_suggestions_arrange(again, cjm_edit_map(edit), CJM_CARDS_PER_PHASE, true);
	if (beyond > again->count) {
		fprintf(stderr, "fuzz_suggest: %zu cards beyond the limit of a list of %zu\n", beyond, again->count);
		abort();
	}
	cjm_suggestions_free(again);
	while (cjm_edit_undo(edit) == 0)
		;
	cjm_save_to_buffer(cjm_edit_map(edit), &after);
	if (before.len != after.len || memcmp(before.data, after.data, before.len) != 0) {
		fprintf(stderr, "fuzz_suggest: undoing %zu suggestions did not restore the map\n--- before:\n%s\n"
				"--- after:\n%s\n",
			list->count, before.data, after.data);
		abort();
	}
	strbuf_release(&before);
	strbuf_release(&after);
	cjm_suggestions_free(list);
	cjm_edit_free(edit);
	return 0;
}
