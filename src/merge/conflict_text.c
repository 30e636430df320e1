/* Writing a merge with git-style conflict markers around the blocks that differ.
 *
 * Both variants of the merge (OURS for every conflict, THEIRS for every conflict) are
 * written in canonical form, then cut into blocks, which the canonical form makes
 * easy to find:
 *   - a top-level key and its lines (column 0: "title: ...", "persona:", ...);
 *   - under "patterns:", one pattern setting ("  soften-negatives:" and its lines);
 *   - under "phases:", a phase's own lines ("- id: X", name, description,
 *     "  touchpoints:"), and each touchpoint ("  - id: Y" and its lines).
 * The two block sequences are in the same order (the merge places every item once
 * for both), so they are walked together: equal blocks are written once, and each
 * run of blocks that differ is written between the markers. */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "io/save.h"
#include "merge/merge.h"
#include "util/strset.h"
#include "util/xalloc.h"

#define NONE SIZE_MAX

typedef struct block {
	const char *text;
	size_t len;
	char *key; /* the first line (up to its ':' for keys), NUL-terminated */
} block;

typedef struct blocks {
	block *at;
	size_t len, cap;
} blocks;

enum section { SEC_OTHER, SEC_PATTERNS, SEC_PHASES };

static bool starts(const char *line, const char *end, const char *prefix)
{
	size_t n = strlen(prefix);
	return (size_t)(end - line) >= n && memcmp(line, prefix, n) == 0;
}

static void blocks_start(blocks *bs, const char *line, const char *eol, bool whole_line)
{
	const char *key_end = eol;
	if (!whole_line) {
		const char *colon = memchr(line, ':', (size_t)(eol - line));
		if (colon)
			key_end = colon + 1;
	}
	xgrow((void **)&bs->at, &bs->cap, bs->len + 1, sizeof *bs->at);
	bs->at[bs->len++] = (block){ line, 0, xstrndup(line, (size_t)(key_end - line)) };
}

/* Cuts canonical TEXT into blocks. */
static void blocks_split(const char *text, size_t len, blocks *bs)
{
	const char *p = text, *end = text + len;
	enum section sec = SEC_OTHER;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *eol = nl ? nl : end;
		const char *next = nl ? nl + 1 : end;
		bool is_new = false, whole = false;
		if (p < eol && p[0] != ' ' && p[0] != '-') {
			is_new = true;
			sec = starts(p, eol, "patterns:") ? SEC_PATTERNS : starts(p, eol, "phases:") ? SEC_PHASES : SEC_OTHER;
		} else if (sec == SEC_PHASES && (starts(p, eol, "- id: ") || starts(p, eol, "  - id: "))) {
			is_new = whole = true;
		} else if (sec == SEC_PATTERNS && eol - p > 2 && p[0] == ' ' && p[1] == ' ' && p[2] != ' ') {
			is_new = true;
		}
		if (is_new || bs->len == 0)
			blocks_start(bs, p, eol, whole);
		bs->at[bs->len - 1].len += (size_t)(next - p);
		p = next;
	}
}

static void blocks_free(blocks *bs)
{
	for (size_t i = 0; i < bs->len; i++)
		free(bs->at[i].key);
	free(bs->at);
}

static bool block_equal(const block *a, const block *b)
{
	return a->len == b->len && memcmp(a->text, b->text, a->len) == 0;
}

static void put_blocks(strbuf *out, const blocks *bs, size_t from, size_t to)
{
	for (size_t k = from; k < to; k++)
		strbuf_add(out, bs->at[k].text, bs->at[k].len);
}

size_t cjm_merge_write(const cjm_merge_result *result, const char *ours_label, const char *theirs_label,
		       strbuf *out)
{
	strbuf a = { 0 }, b = { 0 };
	cjm_save_to_buffer(result->ours, &a);
	if (!result->theirs) {
		strbuf_add(out, a.data, a.len);
		strbuf_release(&a);
		return 0;
	}
	cjm_save_to_buffer(result->theirs, &b);
	blocks ba = { 0 }, bb = { 0 };
	blocks_split(a.data, a.len, &ba);
	blocks_split(b.data, b.len, &bb);
	strset *where = strset_new(bb.len + 1);
	for (size_t k = 0; k < bb.len; k++)
		strset_put(where, bb.at[k].key, (void *)(uintptr_t)(k + 1));
	size_t hunks = 0, i = 0, j = 0;
	while (i < ba.len || j < bb.len) {
		if (i < ba.len && j < bb.len && strcmp(ba.at[i].key, bb.at[j].key) == 0 &&
		    block_equal(&ba.at[i], &bb.at[j])) {
			strbuf_add(out, ba.at[i].text, ba.at[i].len);
			i++;
			j++;
			continue;
		}
		/* the next block of OURS that THEIRS has, unchanged, further on: where they meet again */
		size_t i2 = i, j2 = bb.len;
		for (; i2 < ba.len; i2++) {
			size_t k = (size_t)(uintptr_t)strset_get(where, ba.at[i2].key);
			if (k && k - 1 >= j && block_equal(&ba.at[i2], &bb.at[k - 1])) {
				j2 = k - 1;
				break;
			}
		}
		strbuf_printf(out, "<<<<<<< %s\n", ours_label);
		put_blocks(out, &ba, i, i2);
		strbuf_puts(out, "=======\n");
		put_blocks(out, &bb, j, j2);
		strbuf_printf(out, ">>>>>>> %s\n", theirs_label);
		hunks++;
		i = i2;
		j = j2;
	}
	strset_free(where);
	blocks_free(&ba);
	blocks_free(&bb);
	strbuf_release(&a);
	strbuf_release(&b);
	return hunks;
}
