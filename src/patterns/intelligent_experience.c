/* Tip 9, intelligent experiences: repeated or data-entry contacts without personalisation that could remember the customer. */
#include <math.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cjm/plugin.h"
#include "patterns/builtin.h"
#include "patterns/pattern_util.h"
#include "util/i18n.h"
#include "util/lang.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#define SMART_PRIORITY 3
#define SMART_QUOTED_MAX 3 /* words quoted in a rationale */

/* How a word must stand in the text to count. */
typedef enum smart_match {
	SMART_ANYWHERE,  /* anywhere, also inside a compound ("contactformulier") */
	SMART_PREFIX,    /* at the start of a word ("repeat", "repeated") */
	SMART_WORD,      /* a whole word ("form", not "information") */
} smart_match;

typedef struct smart_word {
	const char *word; /* lower-case ASCII */
	smart_match match;
} smart_word;

/* What marks a contact as data entry or repetition, in English and Dutch. */
static const smart_word smart_words[] = {
	{ "form", SMART_WORD },           { "forms", SMART_WORD },
	{ "formulier", SMART_ANYWHERE },  { "invullen", SMART_ANYWHERE },
	{ "in te vullen", SMART_ANYWHERE }, { "invoeren", SMART_ANYWHERE },
	{ "fill in", SMART_WORD },        { "fills in", SMART_WORD },
	{ "fill out", SMART_WORD },       { "enter", SMART_WORD },
	{ "entered", SMART_WORD },        { "typed", SMART_WORD },
	{ "typing", SMART_WORD },         { "type in", SMART_WORD },
	{ "retype", SMART_PREFIX },       { "typen", SMART_ANYWHERE },
	{ "again", SMART_WORD },          { "opnieuw", SMART_ANYWHERE },
	{ "nogmaals", SMART_WORD },       { "repeat", SMART_PREFIX },
	{ "herhaal", SMART_PREFIX },      { "herhalen", SMART_PREFIX },
	{ "login", SMART_PREFIX },        { "log in", SMART_WORD },
	{ "inloggen", SMART_ANYWHERE },   { "wachtwoord", SMART_ANYWHERE },
	{ "password", SMART_ANYWHERE },   { "meter reading", SMART_PREFIX },
	{ "meterstand", SMART_ANYWHERE }, { "prescription", SMART_PREFIX },
};
#define SMART_WORD_COUNT (sizeof smart_words / sizeof *smart_words)

/* Part of a word: ASCII letters and digits, and every byte of a multi-byte UTF-8 character. */
static bool smart_is_word_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

static unsigned char smart_lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c - 'A' + 'a') : c;
}

/* The bytes of each word, as cjm_pu_words records a text's: a word with a byte the text
 * lacks is ruled out without a search. */
typedef struct smart_masks {
	uint64_t of[SMART_WORD_COUNT][4];
} smart_masks;

static void smart_masks_init(smart_masks *masks)
{
	memset(masks, 0, sizeof *masks);
	for (size_t w = 0; w < SMART_WORD_COUNT; w++)
		for (const unsigned char *c = (const unsigned char *)smart_words[w].word; *c; c++)
			masks->of[w][*c >> 6] |= (uint64_t)1 << (*c & 63);
}

/* True when every byte of MASK is in SEEN. */
static bool smart_covers(const uint64_t seen[4], const uint64_t mask[4])
{
	return ((mask[0] & ~seen[0]) | (mask[1] & ~seen[1]) | (mask[2] & ~seen[2]) | (mask[3] & ~seen[3])) == 0;
}

/* True when W (whose bytes are MASK) occurs in TEXT (prepared by cjm_pu_words_init: ASCII
 * lower-cased) as its match asks. Bytes of multi-byte characters never equal the ASCII
 * words, so this is UTF-8 safe. */
static bool smart_find(const cjm_pu_words *text, const smart_word *w, const uint64_t mask[4])
{
	if (!smart_covers(text->seen, mask))
		return false;
	const char *s = text->lower;
	size_t n = strlen(w->word);
	for (const char *hit = strstr(s, w->word); hit; hit = strstr(hit + 1, w->word)) {
		if (w->match != SMART_ANYWHERE && hit > s && smart_is_word_byte((unsigned char)hit[-1]))
			continue;
		if (w->match == SMART_WORD && smart_is_word_byte((unsigned char)hit[n]))
			continue;
		return true;
	}
	return false;
}

/*
 * The root of a name, for spotting the same contact twice: its first two words,
 * lower-cased, each without a plural ending ("Meterstanden doorgeven op de
 * overstapdag" and "Meterstand doorgeven" share "meterstand doorgev"), keyed
 * by channel. Returns the key's 64-bit FNV-1a hash (never 0), or 0 when the name
 * has no words; the key is built in SCRATCH. Groups are told apart by the hash
 * alone: two roots share one with odds of about n^2 / 2^65, none in practice.
 */
static uint64_t smart_root_key(const cjm_api *api, const cjm_touchpoint *tp, strbuf *scratch)
{
	strbuf *key = scratch;
	strbuf_reset(key);
	const char *channel = api->tp_channel(tp);
	strbuf_puts(key, channel ? channel : "");
	strbuf_putc(key, '\x1f');
	const unsigned char *s = (const unsigned char *)api->tp_name(tp);
	int words = 0;
	while (*s && words < 2) {
		while (*s && !smart_is_word_byte(*s))
			s++;
		if (!*s)
			break;
		size_t start = key->len;
		if (words > 0) {
			strbuf_putc(key, ' ');
			start++;
		}
		while (*s && (smart_is_word_byte(*s) || *s == '\'')) {
			if (*s != '\'')
				strbuf_putc(key, (char)smart_lower(*s));
			s++;
		}
		size_t len = key->len - start;
		if (len > 4 && key->data[key->len - 2] == 'e' && key->data[key->len - 1] == 'n')
			key->len -= 2;
		else if (len > 4 && key->data[key->len - 1] == 's')
			key->len -= 1;
		key->data[key->len] = '\0';
		words++;
	}
	if (!words)
		return 0;
	uint64_t hash = 14695981039346656037u;
	for (size_t i = 0; i < key->len; i++)
		hash = (hash ^ (unsigned char)key->data[i]) * 1099511628211u;
	return hash ? hash : 1;
}

/* A repeated contact: the touchpoints whose root key hashes to HASH. */
typedef struct smart_group {
	uint64_t hash; /* 0: an empty slot */
	size_t count;
	bool named;    /* a repeat-only suggestion was made for it */
} smart_group;

/* An open-addressing table of groups, at most half full. */
typedef struct smart_groups {
	smart_group *slots;
	size_t mask;
} smart_groups;

static void smart_groups_init(smart_groups *g, size_t expected)
{
	size_t cap = 16;
	while (cap < expected * 2)
		cap *= 2;
	g->slots = xcalloc(cap, sizeof *g->slots);
	g->mask = cap - 1;
}

/* The group of HASH (not 0), made empty when new. */
static smart_group *smart_group_of(smart_groups *g, uint64_t hash)
{
	size_t i = (size_t)hash & g->mask;
	while (g->slots[i].hash && g->slots[i].hash != hash)
		i = (i + 1) & g->mask;
	g->slots[i].hash = hash;
	return &g->slots[i];
}

/* What was found at one touchpoint. */
typedef struct smart_signals {
	size_t count;
	const char *in_name[SMART_QUOTED_MAX];
	size_t in_name_count;
	const char *in_pains[SMART_QUOTED_MAX];
	size_t in_pains_count;
	size_t repeats; /* touchpoints sharing its root and channel, itself included; 0 or 1 means none */
} smart_signals;

/* How many pains smart_look prepares on the stack; more go to the heap. */
#define SMART_LOCAL_PAINS 4

static smart_signals smart_look(const cjm_api *api, const cjm_touchpoint *tp, size_t repeats,
				const smart_masks *masks)
{
	smart_signals sig = { 0 };
	/* Each text is lower-cased once, then searched for every word; IN_PAINS holds the
	 * bytes of all the pains, to rule a word out of every pain at once. */
	cjm_pu_words name, local[SMART_LOCAL_PAINS];
	uint64_t in_pains[4] = { 0 };
	size_t pain_count = api->tp_pain_count(tp);
	cjm_pu_words *pains = pain_count <= SMART_LOCAL_PAINS ? local : xmalloc(pain_count * sizeof *pains);
	cjm_pu_words_init(&name, api->tp_name(tp));
	for (size_t i = 0; i < pain_count; i++) {
		cjm_pu_words_init(&pains[i], api->tp_pain(tp, i));
		for (size_t k = 0; k < 4; k++)
			in_pains[k] |= pains[i].seen[k];
	}
	for (size_t w = 0; w < SMART_WORD_COUNT; w++) {
		if (smart_find(&name, &smart_words[w], masks->of[w])) {
			sig.count++;
			if (sig.in_name_count < SMART_QUOTED_MAX)
				sig.in_name[sig.in_name_count++] = smart_words[w].word;
			continue;
		}
		if (!smart_covers(in_pains, masks->of[w]))
			continue;
		for (size_t i = 0; i < pain_count; i++) {
			if (smart_find(&pains[i], &smart_words[w], masks->of[w])) {
				sig.count++;
				if (sig.in_pains_count < SMART_QUOTED_MAX)
					sig.in_pains[sig.in_pains_count++] = smart_words[w].word;
				break;
			}
		}
	}
	cjm_pu_words_free(&name);
	for (size_t i = 0; i < pain_count; i++)
		cjm_pu_words_free(&pains[i]);
	if (pains != local)
		free(pains);
	if (repeats > 1) {
		sig.count++;
		sig.repeats = repeats;
	}
	return sig;
}

/* WORDS quoted and listed ("'a', 'b' and 'c'") in LIST, whose text it returns. */
static const char *smart_list_words(strbuf *list, const char *const *words, size_t n)
{
	strbuf_reset(list);
	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			/* TRANSLATORS: what joins the words of a list: ", " between them, " and " before the last. */
			strbuf_puts(list, i + 1 == n ? _(" and ") : ", ");
		strbuf_printf(list, "'%s'", words[i]);
	}
	return list->data ? list->data : "";
}

/* Words of a map about the Netflix or Nest story itself, where they are no outside example. */
static const char *const smart_story_words[] = {"netflix", "nest ", "thermosta", "streaming", NULL};

/* Emits the suggestion for TP, writing its rationale in WHY (a buffer kept between calls);
 * SMART_OWN_STORY: the map is about Netflix or Nest, so they are not cited. */
static void smart_emit(const cjm_pattern_context *ctx, const cjm_touchpoint *tp, const smart_signals *sig,
		       strbuf *why, bool smart_own_story)
{
	const cjm_api *api = ctx->api;
	const char *name = api->tp_name(tp);
	strbuf list = { 0 };
	strbuf_reset(why);
	cjm_pu_quote(why, name, CJM_PU_QUOTE_MAX);
	strbuf_puts(why, ": ");
	const char *sep = "";
	if (sig->in_name_count) {
		/* TRANSLATORS: a clause of the rationale; %s lists quoted words ("'form' and 'again'"). */
		strbuf_printf(why, _("its name mentions %s"), smart_list_words(&list, sig->in_name, sig->in_name_count));
		sep = "; ";
	}
	if (sig->in_pains_count) {
		strbuf_puts(why, sep);
		/* TRANSLATORS: a clause of the rationale; %s lists quoted words ("'form' and 'again'"). */
		strbuf_printf(why, _("its pains mention %s"), smart_list_words(&list, sig->in_pains, sig->in_pains_count));
		sep = "; ";
	}
	if (sig->in_name_count || sig->in_pains_count)
		/* TRANSLATORS: follows the words found in the name or the pains. */
		strbuf_puts(why, _(" (data entry or repetition)"));
	if (sig->repeats > 1) {
		strbuf_puts(why, sep);
		const char *channel = api->tp_channel(tp);
		if (channel)
			/* TRANSLATORS: a clause of the rationale; %1$zu touchpoints, %2$s a channel's name. */
			strbuf_printf(why, _("it is one of %zu touchpoints on channel '%s' whose names start alike (the "
					     "same contact again)"),
				      sig->repeats, channel);
		else
			/* TRANSLATORS: a clause of the rationale; %zu touchpoints. */
			strbuf_printf(why, _("it is one of %zu touchpoints whose names start alike (the same contact again)"),
				      sig->repeats);
	}
	strbuf_puts(why, ". ");
	strbuf_puts(why, smart_own_story ? _("It has no personalisation pillar: remember what the customer told us "
					     "and pre-fill it.")
					 : _("It has no personalisation pillar: remember what the customer told us "
					     "and pre-fill it, the way Netflix and Nest learn preferences."));
	strbuf_release(&list);
	char title[CJM_PU_TITLE_MAX + 1];
	/* TRANSLATORS: a title, followed by the quoted touchpoint name. */
	cjm_pu_title(title, _("Remember and pre-fill: "), name, "");
	cjm_suggestion_spec spec = {
		.target = api->tp_id(tp),
		.title = title,
		.rationale = why->data,
		.priority = SMART_PRIORITY,
		.proposal = { .kind = CJM_PROPOSE_IDEA,
			      .text = L_(cjm_pu_lang(api, ctx->map), "Remember what the customer told us; pre-fill it") },
	};
	ctx->emit(ctx, &spec);
}

static void smart_suggest(const cjm_pattern_context *ctx)
{
	const cjm_api *api = ctx->api;
	const cjm_map *map = ctx->map;
	if (!map)
		return;
	size_t phases = api->phase_count(map);
	bool own_story = cjm_pu_map_mentions(api, map, smart_story_words);
	unsigned personalisation = api->pillar_bit("personalisation");
	size_t total = api->map_touchpoint_count(map);
	if (total == 0)
		return;
	/* At least one signal, whatever the threshold, so a fine journey stays quiet. */
	double needed = ceil(ctx->threshold);
	size_t need = needed < 1 || isnan(needed) ? 1 : needed > (double)SIZE_MAX / 2 ? SIZE_MAX / 2 : (size_t)needed;

	smart_masks masks;
	smart_masks_init(&masks);

	strbuf scratch = { 0 }; /* each key, then each rationale */

	/* Pass 1: how many touchpoints share each channel and name root. */
	uint64_t *keys = xcalloc(total, sizeof *keys);
	smart_groups groups;
	smart_groups_init(&groups, total);
	size_t flat = 0;
	for (size_t p = 0; p < phases; p++) {
		const cjm_phase *phase = api->phase_at(map, p);
		size_t count = api->touchpoint_count(phase);
		for (size_t t = 0; t < count; t++, flat++) {
			keys[flat] = smart_root_key(api, api->touchpoint_at(phase, t), &scratch);
			if (keys[flat])
				smart_group_of(&groups, keys[flat])->count++;
		}
	}
	/* Pass 2: the signals at each touchpoint without personalisation. A touchpoint whose
	 * one signal is that its contact repeats is named once per group, at the first that
	 * gets a suggestion, so a journey that repeats one contact gets a focus, not a list. */
	flat = 0;
	for (size_t p = 0; p < phases; p++) {
		const cjm_phase *phase = api->phase_at(map, p);
		size_t count = api->touchpoint_count(phase);
		for (size_t t = 0; t < count; t++, flat++) {
			const cjm_touchpoint *tp = api->touchpoint_at(phase, t);
			if (api->tp_pillars(tp) & personalisation)
				continue;
			smart_group *group = keys[flat] ? smart_group_of(&groups, keys[flat]) : NULL;
			smart_signals sig = smart_look(api, tp, group ? group->count : 0, &masks);
			if (sig.count < need)
				continue;
			bool repeat_only = sig.in_name_count == 0 && sig.in_pains_count == 0;
			if (repeat_only && group->named)
				continue;
			smart_emit(ctx, tp, &sig, &scratch, own_story);
			if (sig.repeats > 1)
				group->named = true;
		}
	}
	strbuf_release(&scratch);
	free(groups.slots);
	free(keys);
}

const cjm_pattern cjm_pattern_intelligent_experience = {
	.abi = CJM_PLUGIN_ABI,
	.id = "intelligent-experience",
	.summary = N_("Tip 9: repeated or data-entry contacts without personalisation: remember and pre-fill"),
	.default_threshold = 1,
	.threshold_means = N_("signals needed (data-entry words, a repeated contact)"),
	.suggest = smart_suggest,
};
