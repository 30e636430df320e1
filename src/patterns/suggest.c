/* Running the patterns over a map: suggestions, their order, dismissals, and accepting one. */
#include "patterns/suggest.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model/field.h"
#include "patterns/api.h"
#include "patterns/builtin.h"
#include "patterns/pattern_util.h"
#include "patterns/sandbox.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/strset.h"
#include "util/utf8.h"
#include "util/xalloc.h"

/* What the host keeps while one pattern runs. */
typedef struct suggest_run {
	cjm_suggestions *out;
	const char *pattern;
	strset *dismissed;       /* the targets dismissed for this pattern, or NULL when none */
	bool keep_dismissed;
	strset *positions;       /* id -> journey position + 1, for the order */
	size_t *order;           /* journey position of each suggestion (parallel to out->items) */
	size_t order_cap;
} suggest_run;

static const cjm_pattern_setting *suggest_setting(const cjm_map *map, const cjm_pattern *pattern)
{
	for (size_t i = 0; i < map->pattern_count; i++)
		if (strcmp(map->patterns[i].id, pattern->id) == 0)
			return &map->patterns[i];
	return NULL;
}

bool cjm_pattern_enabled(const cjm_map *map, const cjm_pattern *pattern)
{
	const cjm_pattern_setting *s = suggest_setting(map, pattern);
	return !s || s->enabled != CJM_FALSE;
}

double cjm_pattern_threshold(const cjm_map *map, const cjm_pattern *pattern)
{
	const cjm_pattern_setting *s = suggest_setting(map, pattern);
	return s && s->has_threshold ? s->threshold : pattern->default_threshold;
}

#define SUGGEST_STRINGS 6 /* pattern, target, title, rationale, text, phase */

/* The emit callback every pattern calls: copies the suggestion. */
static void suggest_emit(const cjm_pattern_context *ctx, const cjm_suggestion_spec *spec)
{
	suggest_run *run = ctx->host;
	if (!spec || !spec->title)
		return;
	const char *target = spec->target ? spec->target : CJM_JOURNEY_TARGET;
	bool dismissed = run->dismissed && strset_has(run->dismissed, target);
	if (dismissed && !run->keep_dismissed)
		return;
	cjm_suggestions *out = run->out;
	xgrow((void **)&out->items, &out->cap, out->count + 1, sizeof *out->items);
	xgrow((void **)&run->order, &run->order_cap, out->count + 1, sizeof *run->order);
	int priority = spec->priority < 1 ? 1 : spec->priority > 5 ? 5 : spec->priority;
	cjm_proposal_kind kind = spec->proposal.kind;
	bool needs_text = kind == CJM_PROPOSE_IDEA || kind == CJM_PROPOSE_TOUCHPOINT;
	bool needs_phase = kind == CJM_PROPOSE_TOUCHPOINT || kind == CJM_PROPOSE_MOVE;
	if (kind < CJM_PROPOSE_NOTHING || kind > CJM_PROPOSE_MOVE ||
	    (needs_text && (!spec->proposal.text || !*spec->proposal.text || !utf8_valid(spec->proposal.text))) ||
	    (needs_phase && !spec->proposal.phase))
		kind = CJM_PROPOSE_NOTHING; /* a plugin's malformed edit proposes nothing */
	/* The strings go into one block that .pattern owns: one allocation per suggestion. */
	const char *from[SUGGEST_STRINGS] = { run->pattern, target, spec->title,
					      spec->rationale ? spec->rationale : "",
					      needs_text ? spec->proposal.text : NULL,
					      needs_phase ? spec->proposal.phase : NULL };
	if (kind == CJM_PROPOSE_NOTHING)
		from[4] = from[5] = NULL;
	size_t len[SUGGEST_STRINGS], total = 0;
	for (size_t i = 0; i < SUGGEST_STRINGS; i++) {
		len[i] = from[i] ? strlen(from[i]) + 1 : 0;
		total += len[i];
	}
	char *block = xmalloc(total), *to[SUGGEST_STRINGS];
	for (size_t i = 0, at = 0; i < SUGGEST_STRINGS; at += len[i], i++) {
		to[i] = from[i] ? memcpy(block + at, from[i], len[i]) : NULL;
	}
	out->items[out->count] = (cjm_suggestion){
		.pattern = to[0],
		.target = to[1],
		.title = to[2],
		.rationale = to[3],
		.priority = priority,
		.kind = kind,
		.text = to[4],
		.phase = to[5],
		.position = spec->proposal.position,
		.dismissed = dismissed,
	};
	uintptr_t pos = spec->target ? (uintptr_t)strset_get(run->positions, spec->target) : 0;
	out->items[out->count].place = pos;
	run->order[out->count++] = pos;
}

/* The journey position of every phase and touchpoint id (1-based; 0 = the journey). */
static strset *suggest_positions(const cjm_map *map)
{
	strset *positions = strset_new(cjm_map_touchpoint_count(map) + map->phase_count);
	uintptr_t n = 1;
	for (size_t p = 0; p < map->phase_count; p++) {
		const cjm_phase *phase = map->phases[p];
		strset_put(positions, phase->id, (void *)n++);
		for (size_t t = 0; t < phase->touchpoint_count; t++)
			strset_put(positions, phase->touchpoints[t]->id, (void *)n++);
	}
	return positions;
}

static bool suggest_wanted(const char *id, const char *const *only, size_t only_count)
{
	if (only_count == 0)
		return true;
	for (size_t i = 0; i < only_count; i++)
		if (strcmp(only[i], id) == 0)
			return true;
	return false;
}

/* Sorts by priority, then journey position, keeping the patterns' own order on ties. The
 * keys are small (the priority and position in one number, and the index): the items
 * are moved once, after, along the cycles of the permutation. */
typedef struct suggest_sort_key {
	uint64_t rank; /* priority (1..5) in the top byte, journey position below */
	size_t index;
} suggest_sort_key;

static int suggest_compare(const void *a, const void *b)
{
	const suggest_sort_key *x = a, *y = b;
	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

static void suggest_sort(cjm_suggestions *out, const size_t *order)
{
	size_t n = out->count;
	suggest_sort_key *keys = xmalloc((n ? n : 1) * sizeof *keys);
	for (size_t i = 0; i < n; i++)
		keys[i] = (suggest_sort_key){ (uint64_t)out->items[i].priority << 56 | (uint64_t)order[i], i };
	qsort(keys, n, sizeof *keys, suggest_compare);
	cjm_suggestion *sorted = xmalloc((n ? n : 1) * sizeof *sorted);
	for (size_t j = 0; j < n; j++)
		sorted[j] = out->items[keys[j].index];
	free(out->items);
	out->items = sorted;
	out->cap = n ? n : 1;
	free(keys);
}

static void suggest_fail(cjm_suggestions *out, const char *path, char *why)
{
	xgrow((void **)&out->failures, &out->failure_cap, out->failure_count + 1, sizeof *out->failures);
	out->failures[out->failure_count++] = (cjm_plugin_failure){ xstrdup(path), why, CJM_PLUGIN_CRASHED };
}

/* Sets RUN up for PATTERN: its id, and what the map dismissed of it. */
static void suggest_begin_pattern(suggest_run *run, const cjm_map *map, const char *pattern)
{
	run->pattern = pattern;
	strset_free(run->dismissed);
	run->dismissed = cjm_pu_dismissed_targets(cjm_api_host(), map, pattern);
}

/* Runs the wanted patterns of the plugin of entry FIRST (the entries of one
 * plugin come together) in a child, and hands on what came back. A plugin that
 * fails is disabled, and nothing of it is used. Returns the next entry to look at. */
static size_t suggest_run_plugin(suggest_run *run, const cjm_map *map, const cjm_registry *registry, size_t first,
				 const char *const *only, size_t only_count)
{
	cjm_plugin *plugin = registry->entries[first].plugin;
	size_t end = first;
	while (end < registry->count && registry->entries[end].plugin == plugin)
		end++;
	if (plugin->disabled)
		return end;
	const char **ids = xcalloc(end - first, sizeof *ids);
	double *thresholds = xcalloc(end - first, sizeof *thresholds);
	size_t n = 0;
	for (size_t i = first; i < end; i++) {
		const cjm_pattern *pattern = registry->entries[i].pattern;
		if (!suggest_wanted(pattern->id, only, only_count) || !cjm_pattern_enabled(map, pattern))
			continue;
		ids[n] = pattern->id;
		thresholds[n++] = cjm_pattern_threshold(map, pattern);
	}
	if (n > 0) {
		cjm_sandbox_reply reply;
		char *why = NULL;
		cjm_sandbox_status status =
			cjm_sandbox_run(plugin->path, ids, thresholds, n, map, registry->timeout, &reply, &why);
		if (status == CJM_SANDBOX_OK) {
			for (size_t i = 0; i < reply.count; i++) {
				const cjm_sandbox_suggestion *s = &reply.items[i];
				if (i == 0 || s->pattern != reply.items[i - 1].pattern)
					suggest_begin_pattern(run, map, ids[s->pattern]);
				cjm_pattern_context ctx =
					cjm_api_context(map, thresholds[s->pattern], suggest_emit, run);
				suggest_emit(&ctx, &s->spec);
			}
			cjm_sandbox_reply_release(&reply);
		} else {
			char *unrecorded = NULL;
			if (status == CJM_SANDBOX_FAILED)
				unrecorded = cjm_registry_disable(plugin, why);
			else
				plugin->disabled = true; /* it changed under us: not again in this process */
			if (unrecorded) {
				char *both = xasprintf("%s (and cannot be kept disabled: %s)", why, unrecorded);
				free(why);
				free(unrecorded);
				why = both;
			}
			suggest_fail(run->out, plugin->path, why);
		}
	}
	free(ids);
	free(thresholds);
	return end;
}

cjm_suggestions *cjm_suggest(const cjm_map *map, const cjm_registry *registry, const char *const *only,
			     size_t only_count, bool keep_dismissed)
{
	cjm_suggestions *out = xcalloc(1, sizeof *out);
	suggest_run run = { .out = out, .keep_dismissed = keep_dismissed, .positions = suggest_positions(map) };
	for (size_t i = 0; i < registry->count;) {
		if (registry->entries[i].plugin) {
			i = suggest_run_plugin(&run, map, registry, i, only, only_count);
			continue;
		}
		const cjm_pattern *pattern = registry->entries[i++].pattern;
		if (!suggest_wanted(pattern->id, only, only_count) || !cjm_pattern_enabled(map, pattern))
			continue;
		suggest_begin_pattern(&run, map, pattern->id);
		cjm_pattern_context ctx =
			cjm_api_context(map, cjm_pattern_threshold(map, pattern), suggest_emit, &run);
		pattern->suggest(&ctx);
	}
	suggest_sort(out, run.order);
	free(run.order);
	strset_free(run.positions);
	strset_free(run.dismissed);
	return out;
}

void cjm_suggestion_release(cjm_suggestion *s)
{
	free(s->pattern); /* the block that holds all its strings */
	free(s->also);
	free(s->why);
	*s = (cjm_suggestion){ 0 };
}

void cjm_suggestions_free(cjm_suggestions *suggestions)
{
	if (!suggestions)
		return;
	for (size_t i = 0; i < suggestions->count; i++)
		cjm_suggestion_release(&suggestions->items[i]);
	free(suggestions->items);
	for (size_t i = 0; i < suggestions->failure_count; i++) {
		free(suggestions->failures[i].path);
		free(suggestions->failures[i].why);
	}
	free(suggestions->failures);
	free(suggestions);
}

/* ---- cards: one per target, no repeated idea, a handful per phase, and why ---- */

/* Words that say nothing about the idea itself (English and Dutch), with their lengths. */
#define STOP(w) { w, sizeof w - 1 }
static const struct idea_stop {
	const char *word;
	size_t len;
} idea_stop_words[] = {
	STOP("a"), STOP("an"), STOP("the"), STOP("what"), STOP("you"), STOP("your"), STOP("yours"), STOP("already"),
	STOP("in"), STOP("of"), STOP("to"), STOP("for"), STOP("and"), STOP("or"), STOP("on"), STOP("at"),
	STOP("it"), STOP("its"), STOP("is"), STOP("are"), STOP("be"), STOP("with"), STOP("we"), STOP("our"),
	STOP("that"), STOP("this"), STOP("these"), STOP("them"), STOP("they"), STOP("their"), STOP("so"),
	STOP("do"), STOP("does"), STOP("pre"), STOP("re"), STOP("by"), STOP("from"), STOP("as"), STOP("can"),
	STOP("will"), STOP("all"), STOP("any"), STOP("each"),
	STOP("de"), STOP("het"), STOP("een"), STOP("en"), STOP("van"), STOP("wat"), STOP("je"), STOP("jij"),
	STOP("jouw"), STOP("u"), STOP("uw"), STOP("al"), STOP("wij"), STOP("ons"), STOP("onze"), STOP("die"),
	STOP("dat"), STOP("op"), STOP("te"), STOP("voor"), STOP("met"), STOP("er"), STOP("om"), STOP("aan"),
	STOP("bij"), STOP("ook"), STOP("dan"), STOP("nog"), STOP("zijn"),
};
#undef STOP

static bool idea_stop_word(const char *word, size_t len)
{
	for (size_t i = 0; i < sizeof idea_stop_words / sizeof *idea_stop_words; i++)
		if (idea_stop_words[i].len == len && idea_stop_words[i].word[0] == word[0] &&
		    memcmp(idea_stop_words[i].word, word, len) == 0)
			return true;
	return false;
}

static int idea_word_compare(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The idea's first clause (up to a comma, colon, semicolon or dash between spaces), its
 * heart: "Pre-fill what you already know" of "Pre-fill what you already know, so ...". */
static char *idea_head(const char *text)
{
	size_t len = strcspn(text, ",:;(");
	const char *dash = strstr(text, " - ");
	if (dash && (size_t)(dash - text) < len)
		len = (size_t)(dash - text);
	return text[len] ? xstrndup(text, len) : NULL;
}

char *cjm_idea_key(const char *text)
{
	size_t n = strlen(text), count = 0;
	char *lower = xmalloc(n + 1), **words = xcalloc(n / 2 + 1, sizeof *words);
	for (size_t i = 0; i <= n; i++) {
		unsigned char c = (unsigned char)text[i];
		lower[i] = (char)(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
	}
	/* words: runs of letters and digits (any byte of a UTF-8 sequence counts as a letter) */
	for (size_t i = 0; i < n;) {
		unsigned char c = (unsigned char)lower[i];
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80)) {
			lower[i++] = '\0';
			continue;
		}
		size_t start = i;
		while (i < n && (((unsigned char)lower[i] >= 'a' && (unsigned char)lower[i] <= 'z') ||
				 ((unsigned char)lower[i] >= '0' && (unsigned char)lower[i] <= '9') ||
				 (unsigned char)lower[i] >= 0x80))
			i++;
		size_t len = i - start;
		if (len > 3 && lower[start + len - 1] == 's' && lower[start + len - 2] != 's')
			len--; /* "invoices" is "invoice" */
		if (i < n)
			lower[i++] = '\0';
		lower[start + len] = '\0';
		if (!idea_stop_word(lower + start, len))
			words[count++] = lower + start;
	}
	strbuf key = { 0 };
	qsort(words, count, sizeof *words, idea_word_compare);
	for (size_t i = 0; i < count; i++)
		if (i == 0 || strcmp(words[i], words[i - 1]) != 0)
			strbuf_printf(&key, "%s%s", key.len ? " " : "", words[i]);
	free(words);
	free(lower);
	return key.data ? key.data : xstrdup("");
}

/* The two keys an idea TEXT is known by: its whole text's, and its first clause's when
 * that is not the whole text and has two words or more (else NULL). */
static void idea_keys(const char *text, char **keys)
{
	keys[0] = cjm_idea_key(text);
	if (!keys[0][0]) { /* only stop words: the text itself is the idea */
		free(keys[0]);
		keys[0] = xstrdup(text);
	}
	char *head = idea_head(text);
	keys[1] = head ? cjm_idea_key(head) : NULL;
	free(head);
	if (keys[1] && (!strchr(keys[1], ' ') || strcmp(keys[1], keys[0]) == 0)) {
		free(keys[1]);
		keys[1] = NULL;
	}
}

void cjm_place_index_build(cjm_place_index *index, const cjm_map *map)
{
	size_t n = cjm_map_touchpoint_count(map) + map->phase_count, k = 0;
	index->ids = strset_new(n);
	index->places = xcalloc(n ? 2 * n : 1, sizeof *index->places);
	for (size_t p = 0; p < map->phase_count; p++) {
		const cjm_phase *phase = map->phases[p];
		for (size_t t = 0; t <= phase->touchpoint_count; t++, k++) {
			const char *id = t == 0 ? phase->id : phase->touchpoints[t - 1]->id;
			index->places[2 * k] = p;
			index->places[2 * k + 1] = t == 0 ? (size_t)-1 : t - 1;
			if (id)
				strset_put(index->ids, id, (void *)(uintptr_t)(k + 1));
		}
	}
}

void cjm_place_index_release(cjm_place_index *index)
{
	strset_free(index->ids);
	free(index->places);
	index->ids = NULL;
	index->places = NULL;
}

bool cjm_place_index_find(void *ctx, const char *id, size_t *phase, size_t *tp)
{
	const cjm_place_index *index = ctx;
	uintptr_t k = id ? (uintptr_t)strset_get(index->ids, id) : 0;
	if (!k)
		return false;
	*phase = index->places[2 * (k - 1)];
	*tp = index->places[2 * (k - 1) + 1];
	return true;
}

/* Where the suggestions' targets are on the map: by the journey position cjm_suggest
 * found on this map (one array, no hashing, trusted as it is), else by id (an index built the first time it is needed). */
typedef struct card_places {
	const cjm_map *map;
	size_t count;          /* journey positions, 1..count-1 (0: the journey) */
	size_t *phase, *tp;    /* of each position; tp (size_t)-1: the phase itself */
	cjm_place_index index; /* every id, once a target without a place needs it */
	strset *phases;        /* phase id -> its index plus one, once needed */
	const cjm_suggestion *current; /* the suggestion whose target .place locates */
} card_places;

static void card_places_build(card_places *places, const cjm_map *map)
{
	*places = (card_places){ .map = map, .count = cjm_map_touchpoint_count(map) + map->phase_count + 1 };
	places->phase = xmalloc(places->count * sizeof *places->phase);
	places->tp = xmalloc(places->count * sizeof *places->tp);
	size_t n = 1;
	for (size_t p = 0; p < map->phase_count; p++)
		for (size_t t = 0; t <= map->phases[p]->touchpoint_count; t++, n++) {
			places->phase[n] = p;
			places->tp[n] = t == 0 ? (size_t)-1 : t - 1;
		}
}

static void card_places_release(card_places *places)
{
	free(places->phase);
	free(places->tp);
	cjm_place_index_release(&places->index);
	strset_free(places->phases);
}

/* A cjm_place_lookup: the current suggestion's target by its .place (else by id), and
 * any other id (what cjm_suggestion_applied asks: the phase of a proposal) among the phases. */
static bool card_places_find(void *ctx, const char *id, size_t *phase, size_t *tp)
{
	card_places *places = ctx;
	const cjm_suggestion *s = places->current;
	if (!id)
		return false;
	if (s && id == s->target && s->place > 0 && s->place < places->count) {
		*phase = places->phase[s->place];
		*tp = places->tp[s->place];
		return true;
	}
	if (s && id != s->target) {
		if (!places->phases) {
			places->phases = strset_new(places->map->phase_count);
			for (size_t p = 0; p < places->map->phase_count; p++)
				strset_put(places->phases, places->map->phases[p]->id, (void *)(uintptr_t)(p + 1));
		}
		uintptr_t p = (uintptr_t)strset_get(places->phases, id);
		*phase = p - 1;
		*tp = (size_t)-1;
		return p != 0;
	}
	if (!places->index.ids)
		cjm_place_index_build(&places->index, places->map);
	return cjm_place_index_find(&places->index, id, phase, tp);
}

/* Why S ranks where it does, from its priority and the facts of its target. */
static char *card_why(const cjm_map *map, const cjm_suggestion *s, card_places *places)
{
	strbuf why = { 0 }; /* written without printf where it can: a card each, and there are many */
	char digit[2] = { (char)('0' + s->priority), '\0' }; /* 1..5 */
	/* TRANSLATORS: the start of a card's "why here" line; %s is the priority, 1 to 5.
	 * The facts of the card follow, each message below with its own separator. */
	strbuf_printf(&why, s->priority == 1 ? _("priority %s, act first") : _("priority %s"), digit);
	size_t p, t;
	places->current = s;
	if (!card_places_find(places, s->target, &p, &t)) {
		strbuf_puts(&why, strcmp(s->target, CJM_JOURNEY_TARGET) == 0 ? _(": about the whole journey")
									      : _(": about an item no longer on the map"));
		return why.data;
	}
	if (t == (size_t)-1) {
		/* TRANSLATORS: follows "priority N"; %s is a phase's name. */
		strbuf_printf(&why, _(": about the whole phase '%s'"), map->phases[p]->name);
		return why.data;
	}
	const cjm_touchpoint *tp = map->phases[p]->touchpoints[t];
	size_t facts = 0;
	if (tp->has_emotion && tp->emotion != 0) { /* -3..3 */
		char emotion[3] = { tp->emotion < 0 ? '-' : '+', (char)('0' + (tp->emotion < 0 ? -tp->emotion : tp->emotion)),
				    '\0' };
		/* TRANSLATORS: the first fact after "priority N"; %s is an emotion with its sign ("-2"). */
		strbuf_printf(&why, _(": emotion %s"), emotion);
		facts++;
	}
	if (tp->moment_of_truth == CJM_TRUE)
		/* TRANSLATORS: a fact after "priority N": " at ..." follows ": emotion -2", ": a ..." comes first. */
		strbuf_puts(&why, facts++ ? _(" at a moment of truth") : _(": a moment of truth"));
	if (tp->has_impact && tp->impact >= 0.7) { /* 0.7..1, to one decimal */
		int tenths = (int)(tp->impact * 10 + 0.5);
		const char *point = i18n_decimal_point(); /* "1.0", "0,8" under Dutch */
		strbuf impact = { 0 };
		strbuf_putc(&impact, tenths >= 10 ? '1' : '0');
		strbuf_puts(&impact, point);
		strbuf_putc(&impact, (char)('0' + (tenths >= 10 ? 0 : tenths)));
		/* TRANSLATORS: a fact after "priority N"; %s is the impact (0.7 to 1.0). */
		strbuf_printf(&why, facts++ ? _(", high impact %s") : _(": high impact %s"), impact.data);
		strbuf_release(&impact);
	}
	if (p + 1 == map->phase_count && t + 1 == map->phases[p]->touchpoint_count)
		strbuf_puts(&why, facts++ ? _(", at the end of the journey") : _(": at the end of the journey"));
	if (!facts)
		strbuf_puts(&why, _(", in journey order"));
	return why.data;
}

#define CARD_ALSO_NAMED 4 /* the entries an "also" list names; past them it counts */

/* Appends PATTERN to the card's "also" list, unless it is there already; past
 * CARD_ALSO_NAMED entries (*NAMED of them so far) it only counts them in *MORE. */
static void card_add_also(cjm_suggestion *card, const char *pattern, unsigned char *named, size_t *more)
{
	if (*named >= CARD_ALSO_NAMED) {
		++*more;
		return;
	}
	size_t len = strlen(pattern);
	for (const char *at = card->also; at && (at = strstr(at, pattern)); at += len)
		if ((at == card->also || at[-1] == ' ') && (at[len] == ',' || at[len] == '\0'))
			return;
	char *both = card->also ? xasprintf("%s, %s", card->also, pattern) : xstrdup(pattern);
	free(card->also);
	card->also = both;
	++*named;
}

/* What arranging keeps of each suggestion while it runs. */
typedef struct card_work {
	size_t keys_of;      /* the item whose idea keys it shares (its text is the same), plus one; 0: none */
	char *keys[2];       /* its own idea keys, when KEYS_OF is itself */
	size_t more;         /* a card: the folded ones its "also" list only counts */
	unsigned char named; /* a card: the entries its "also" list names */
} card_work;

/* The idea texts seen so far, each with the first item that has it: a table of its own,
 * with a hash that reads eight bytes at a time (the texts are long, and looked up often). */
typedef struct card_texts {
	struct card_text_slot {
		uint64_t hash;
		size_t item; /* plus one; 0: an empty slot */
	} *slots;
	size_t cap, count; /* cap a power of two */
} card_texts;

static uint64_t card_text_hash(const char *text, size_t len)
{
	uint64_t h = 0x9e3779b97f4a7c15u ^ len, w;
	size_t i = 0;
	for (; i + 8 <= len; i += 8) {
		memcpy(&w, text + i, 8);
		h = (h ^ w) * 0xff51afd7ed558ccdu;
		h ^= h >> 32;
	}
	w = 0;
	memcpy(&w, text + i, len - i);
	h = (h ^ w) * 0xc4ceb9fe1a85ec53u;
	return h ^ (h >> 29);
}

static void card_texts_grow(card_texts *texts)
{
	struct card_text_slot *old = texts->slots;
	size_t old_cap = texts->cap;
	texts->cap = old_cap ? 2 * old_cap : 64;
	texts->slots = xcalloc(texts->cap, sizeof *texts->slots);
	for (size_t i = 0; i < old_cap; i++) {
		if (!old[i].item)
			continue;
		size_t k = old[i].hash & (texts->cap - 1);
		while (texts->slots[k].item)
			k = (k + 1) & (texts->cap - 1);
		texts->slots[k] = old[i];
	}
	free(old);
}

/* The first item of LIST with the text of item I, plus one: I + 1 when it is the first. */
static size_t card_texts_first(card_texts *texts, const cjm_suggestions *list, size_t i)
{
	if (2 * (texts->count + 1) > texts->cap)
		card_texts_grow(texts);
	const char *text = list->items[i].text;
	uint64_t hash = card_text_hash(text, strlen(text));
	size_t k = hash & (texts->cap - 1);
	for (; texts->slots[k].item; k = (k + 1) & (texts->cap - 1))
		if (texts->slots[k].hash == hash && strcmp(list->items[texts->slots[k].item - 1].text, text) == 0)
			return texts->slots[k].item;
	texts->slots[k] = (struct card_text_slot){ hash, i + 1 };
	texts->count++;
	return i + 1;
}

/* Looks up the idea of item I (the keys shared by every item of the same text, WORK) among the cards' IDEAS. */
static uintptr_t card_same_idea(const cjm_suggestions *list, size_t i, card_work *work, card_texts *texts,
				strset *ideas)
{
	size_t first = card_texts_first(texts, list, i);
	if (first == i + 1)
		idea_keys(list->items[i].text, work[i].keys);
	work[i].keys_of = first;
	char *const *keys = work[work[i].keys_of - 1].keys;
	uintptr_t lead = 0;
	for (size_t k = 0; k < 2 && !lead; k++)
		if (keys[k])
			lead = (uintptr_t)strset_get(ideas, keys[k]);
	return lead;
}

/* Marks in DONE the suggestions of LIST the map already holds. They are looked at target
 * by target in journey order (a counting sort by place), so that each touchpoint is
 * read once while it is at hand, not once per suggestion wherever the order puts it. */
static void card_mark_done(const cjm_suggestions *list, const cjm_map *map, card_places *places, bool *done)
{
	size_t n = list->count, *start = xcalloc(places->count + 1, sizeof *start);
	size_t *order = xmalloc((n ? n : 1) * sizeof *order);
	for (size_t i = 0; i < n; i++) {
		size_t place = list->items[i].place < places->count ? list->items[i].place : 0;
		start[place + 1]++;
	}
	for (size_t k = 0; k < places->count; k++)
		start[k + 1] += start[k];
	for (size_t i = 0; i < n; i++) {
		size_t place = list->items[i].place < places->count ? list->items[i].place : 0;
		order[start[place]++] = i;
	}
	for (size_t k = 0; k < n; k++) {
		const cjm_suggestion *s = &list->items[order[k]];
		places->current = s;
		done[order[k]] = !s->dismissed && cjm_suggestion_applied(map, s, card_places_find, places);
	}
	free(order);
	free(start);
}

size_t cjm_suggestions_arrange(cjm_suggestions *list, const cjm_map *map, size_t per_phase, bool explain_all)
{
	card_places places;
	card_places_build(&places, map);
	size_t n = list->count;
	bool *done = xcalloc(n ? n : 1, sizeof *done);
	card_mark_done(list, map, &places, done);
	/* sized for what they hold (a card per target, the ideas apart), not per suggestion: they grow */
	strset *ideas = strset_new(64), *elsewhere = strset_new(16); /* elsewhere: targets not placed */
	card_texts texts = { 0 };
	size_t *cards = xcalloc(places.count, sizeof *cards); /* the card of each place, plus one */
	card_work *work = xcalloc(n ? n : 1, sizeof *work);
	size_t *per = xcalloc(map->phase_count + 1, sizeof *per), beyond = 0;
	for (size_t i = 0; i < n; i++) {
		cjm_suggestion *s = &list->items[i];
		free(s->also);
		free(s->why);
		s->also = s->why = NULL;
		s->card = CJM_CARD;
		s->lead = 0;
		s->same_idea = false;
		if (s->dismissed)
			continue;
		places.current = s;
		size_t p, t, bucket = map->phase_count; /* the journey's own, and a target gone */
		bool placed = card_places_find(&places, s->target, &p, &t);
		if (placed)
			bucket = p;
		/* its target's card, plus one: by place, or by id for a target without one */
		size_t *card = placed && s->place > 0 && s->place < places.count ? &cards[s->place] : NULL;
		if (done[i]) {
			s->card = CJM_DONE;
			continue;
		}
		/* under its target's card; else, when its idea repeats a card's, under that one */
		uintptr_t lead = card ? *card : (uintptr_t)strset_get(elsewhere, s->target);
		if (!lead && s->text && (s->kind == CJM_PROPOSE_IDEA || s->kind == CJM_PROPOSE_TOUCHPOINT)) {
			lead = card_same_idea(list, i, work, &texts, ideas);
			s->same_idea = lead != 0;
		}
		if (lead) {
			s->card = CJM_FOLDED;
			s->lead = lead - 1;
			card_work *w = &work[s->lead];
			if (s->same_idea && w->named < CARD_ALSO_NAMED) {
				/* TRANSLATORS: an entry of a card's "also" list: a pattern's id, then the
				 * id of the item its suggestion is about. */
				char *named = xasprintf(_("%s on %s"), s->pattern, s->target);
				card_add_also(&list->items[s->lead], named, &w->named, &w->more);
				free(named);
			} else {
				card_add_also(&list->items[s->lead], s->pattern, &w->named, &w->more);
			}
			continue;
		}
		if (card)
			*card = i + 1;
		else
			strset_put(elsewhere, s->target, (void *)(uintptr_t)(i + 1));
		if (work[i].keys_of)
			for (size_t k = 0; k < 2; k++) {
				char *key = work[work[i].keys_of - 1].keys[k];
				if (key && !strset_has(ideas, key))
					strset_put(ideas, key, (void *)(uintptr_t)(i + 1));
			}
		if (per[bucket]++ >= per_phase) {
			s->card = CJM_BEYOND;
			beyond++;
		}
	}
	for (size_t i = 0; i < n; i++) {
		cjm_suggestion *s = &list->items[i];
		if (work[i].more) {
			/* TRANSLATORS: a card's "also" list (pattern ids), then how many more it folds. */
			char *all = xasprintf(P_("%s and %zu more", "%s and %zu more", work[i].more), s->also, work[i].more);
			free(s->also);
			s->also = all;
		}
		if (explain_all || (s->card == CJM_CARD && !s->dismissed))
			s->why = card_why(map, s, &places);
		free(work[i].keys[0]);
		free(work[i].keys[1]);
	}
	free(work);
	free(per);
	free(cards);
	free(done);
	strset_free(ideas);
	free(texts.slots);
	strset_free(elsewhere);
	card_places_release(&places);
	return beyond;
}

/* ---- accepting and dismissing ---- */

static bool suggest_find_touchpoint(const cjm_map *map, const char *id, size_t *phase, size_t *tp)
{
	return id && cjm_map_find(map, id, phase, tp) && *tp != (size_t)-1;
}

static bool suggest_find_phase(const cjm_map *map, const char *id, size_t *phase)
{
	size_t tp;
	return id && cjm_map_find(map, id, phase, &tp) && tp == (size_t)-1;
}

/* The map changed since the suggestion was made: what it names is gone. */
static int suggest_gone(cjm_edit *edit, const char *id)
{
	return cjm_edit_fail(edit, _("'%s' is no longer on the map; run the suggestions again"), id ? id : "?");
}

static int suggest_add_idea(cjm_edit *edit, const cjm_suggestion *s)
{
	const cjm_map *map = cjm_edit_map(edit);
	size_t p, t;
	if (!suggest_find_touchpoint(map, s->target, &p, &t))
		return suggest_gone(edit, s->target);
	const cjm_strlist *ideas = &map->phases[p]->touchpoints[t]->ideas;
	for (size_t i = 0; i < ideas->len; i++)
		if (strcmp(ideas->items[i], s->text) == 0)
			return 0; /* already there: accepting twice changes nothing */
	return cjm_edit_list_insert(edit, (cjm_ref){ CJM_REF_TOUCHPOINT, p, t }, CJM_F_IDEAS, ideas->len, s->text);
}

static int suggest_add_touchpoint(cjm_edit *edit, const cjm_suggestion *s)
{
	const cjm_map *map = cjm_edit_map(edit);
	size_t p;
	if (!suggest_find_phase(map, s->phase, &p))
		return suggest_gone(edit, s->phase);
	size_t n = map->phases[p]->touchpoint_count;
	return cjm_edit_add_touchpoint(edit, p, s->position > n ? n : s->position, s->text, NULL);
}

static int suggest_remove(cjm_edit *edit, const cjm_suggestion *s)
{
	size_t p, t;
	if (!suggest_find_touchpoint(cjm_edit_map(edit), s->target, &p, &t))
		return suggest_gone(edit, s->target);
	return cjm_edit_delete_touchpoint(edit, p, t);
}

static int suggest_move(cjm_edit *edit, const cjm_suggestion *s)
{
	const cjm_map *map = cjm_edit_map(edit);
	size_t p, t, to_phase;
	if (!suggest_find_touchpoint(map, s->target, &p, &t))
		return suggest_gone(edit, s->target);
	if (!suggest_find_phase(map, s->phase, &to_phase))
		return suggest_gone(edit, s->phase);
	size_t n = map->phases[to_phase]->touchpoint_count - (to_phase == p ? 1 : 0);
	return cjm_edit_move_touchpoint(edit, p, t, to_phase, s->position > n ? n : s->position);
}

int cjm_suggestion_accept(cjm_edit *edit, const cjm_suggestion *s)
{
	switch (s->kind) {
	case CJM_PROPOSE_IDEA: return suggest_add_idea(edit, s);
	case CJM_PROPOSE_TOUCHPOINT: return suggest_add_touchpoint(edit, s);
	case CJM_PROPOSE_REMOVE: return suggest_remove(edit, s);
	case CJM_PROPOSE_MOVE: return suggest_move(edit, s);
	case CJM_PROPOSE_NOTHING: break;
	}
	return cjm_edit_fail(edit, _("this suggestion is a question for the room: nothing to apply"));
}

static bool suggest_map_find(void *ctx, const char *id, size_t *phase, size_t *tp)
{
	return cjm_map_find(ctx, id, phase, tp);
}

bool cjm_suggestion_applied(const cjm_map *map, const cjm_suggestion *s, cjm_place_lookup find, void *ctx)
{
	if (!find) {
		find = suggest_map_find;
		ctx = (void *)map;
	}
	size_t p = 0, t = 0, to = 0;
	bool there = s->target && find(ctx, s->target, &p, &t) && t != (size_t)-1;
	switch (s->kind) {
	case CJM_PROPOSE_IDEA: {
		if (!there)
			return false;
		const cjm_strlist *ideas = &map->phases[p]->touchpoints[t]->ideas;
		for (size_t i = 0; i < ideas->len; i++) /* the first byte first: most differ there */
			if (ideas->items[i][0] == s->text[0] && strcmp(ideas->items[i], s->text) == 0)
				return true;
		return false;
	}
	case CJM_PROPOSE_TOUCHPOINT: {
		size_t ignored;
		if (!s->phase || !find(ctx, s->phase, &to, &ignored) || ignored != (size_t)-1)
			return false;
		const cjm_phase *phase = map->phases[to];
		for (size_t i = 0; i < phase->touchpoint_count; i++)
			if (strcmp(phase->touchpoints[i]->name, s->text) == 0)
				return true;
		return false;
	}
	case CJM_PROPOSE_REMOVE: return !there;
	case CJM_PROPOSE_MOVE: {
		size_t ignored;
		if (!there || !s->phase || !find(ctx, s->phase, &to, &ignored) || ignored != (size_t)-1 || to != p)
			return false;
		size_t last = map->phases[p]->touchpoint_count - 1; /* where a move past the end puts it */
		return t == (s->position < last ? s->position : last);
	}
	case CJM_PROPOSE_NOTHING: break;
	}
	return false;
}

int cjm_suggestion_dismiss(cjm_edit *edit, const cjm_suggestion *s)
{
	return cjm_edit_dismiss(edit, s->pattern, s->target);
}
