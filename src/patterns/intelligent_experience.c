/* Tip 9, intelligent experiences: repeated or data-entry contacts without personalisation that could remember the customer. */
#include <math.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "patterns/builtin.h"
#include "patterns/pattern_util.h"
#include "util/strbuf.h"
#include "util/strset.h"
#include "util/xalloc.h"

#define SMART_PRIORITY 3
#define SMART_QUOTED_MAX 3 /* words quoted in a rationale */
#define SMART_IDEA "Remember what the customer told us; pre-fill it"

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

/* True when W occurs in TEXT as its match asks, ignoring ASCII case. Bytes of
 * multi-byte characters never equal the ASCII words, so this is UTF-8 safe. */
static bool smart_find(const char *text, const smart_word *w)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t n = strlen(w->word);
	for (size_t i = 0; s[i]; i++) {
		if (w->match != SMART_ANYWHERE && i > 0 && smart_is_word_byte(s[i - 1]))
			continue;
		size_t k = 0;
		while (k < n && s[i + k] && smart_lower(s[i + k]) == (unsigned char)w->word[k])
			k++;
		if (k < n)
			continue;
		if (w->match == SMART_WORD && smart_is_word_byte(s[i + n]))
			continue;
		return true;
	}
	return false;
}

/*
 * The root of a name, for spotting the same contact twice: its first two words,
 * lower-cased, each without a plural ending ("Meterstanden doorgeven op de
 * overstapdag" and "Meterstand doorgeven" share "meterstand doorgev"), keyed
 * by channel. Returns a malloc'd key, or NULL when the name has no words.
 */
static char *smart_root_key(const cjm_touchpoint *tp)
{
	strbuf key = { 0 };
	strbuf_puts(&key, tp->channel ? tp->channel : "");
	strbuf_putc(&key, '\x1f');
	const unsigned char *s = (const unsigned char *)tp->name;
	int words = 0;
	while (*s && words < 2) {
		while (*s && !smart_is_word_byte(*s))
			s++;
		if (!*s)
			break;
		size_t start = key.len;
		if (words > 0) {
			strbuf_putc(&key, ' ');
			start++;
		}
		while (*s && (smart_is_word_byte(*s) || *s == '\'')) {
			if (*s != '\'')
				strbuf_putc(&key, (char)smart_lower(*s));
			s++;
		}
		size_t len = key.len - start;
		if (len > 4 && key.data[key.len - 2] == 'e' && key.data[key.len - 1] == 'n')
			key.len -= 2;
		else if (len > 4 && key.data[key.len - 1] == 's')
			key.len -= 1;
		key.data[key.len] = '\0';
		words++;
	}
	if (words == 0) {
		strbuf_release(&key);
		return NULL;
	}
	return key.data;
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

static smart_signals smart_look(const cjm_touchpoint *tp, size_t repeats)
{
	smart_signals sig = { 0 };
	for (size_t w = 0; w < SMART_WORD_COUNT; w++) {
		if (smart_find(tp->name, &smart_words[w])) {
			sig.count++;
			if (sig.in_name_count < SMART_QUOTED_MAX)
				sig.in_name[sig.in_name_count++] = smart_words[w].word;
			continue;
		}
		for (size_t i = 0; i < tp->pains.len; i++) {
			if (smart_find(tp->pains.items[i], &smart_words[w])) {
				sig.count++;
				if (sig.in_pains_count < SMART_QUOTED_MAX)
					sig.in_pains[sig.in_pains_count++] = smart_words[w].word;
				break;
			}
		}
	}
	if (repeats > 1) {
		sig.count++;
		sig.repeats = repeats;
	}
	return sig;
}

static void smart_put_words(strbuf *why, const char *lead, const char *const *words, size_t n)
{
	strbuf_puts(why, lead);
	for (size_t i = 0; i < n; i++)
		strbuf_printf(why, "%s'%s'", i == 0 ? "" : i + 1 == n ? " and " : ", ", words[i]);
}

static void smart_emit(const cjm_pattern_context *ctx, const cjm_touchpoint *tp, const smart_signals *sig)
{
	strbuf why = { 0 };
	cjm_pu_quote(&why, tp->name, CJM_PU_QUOTE_MAX);
	strbuf_puts(&why, ": ");
	const char *sep = "";
	if (sig->in_name_count) {
		smart_put_words(&why, "its name mentions ", sig->in_name, sig->in_name_count);
		sep = "; ";
	}
	if (sig->in_pains_count) {
		strbuf_puts(&why, sep);
		smart_put_words(&why, "its pains mention ", sig->in_pains, sig->in_pains_count);
		sep = "; ";
	}
	if (sig->in_name_count || sig->in_pains_count)
		strbuf_puts(&why, " (data entry or repetition)");
	if (sig->repeats > 1) {
		strbuf_puts(&why, sep);
		strbuf_printf(&why, "it is one of %zu touchpoints", sig->repeats);
		if (tp->channel)
			strbuf_printf(&why, " on channel '%s'", tp->channel);
		strbuf_puts(&why, " whose names start alike (the same contact again)");
	}
	strbuf_puts(&why, ". It has no personalisation pillar: remember what the customer told us and "
			  "pre-fill it, the way Netflix and Nest learn preferences.");
	char title[CJM_PU_TITLE_MAX + 1];
	cjm_pu_title(title, "Remember and pre-fill: ", tp->name, "");
	cjm_suggestion_spec spec = {
		.target = tp->id,
		.title = title,
		.rationale = why.data,
		.priority = SMART_PRIORITY,
		.proposal = { .kind = CJM_PROPOSE_IDEA, .text = SMART_IDEA },
	};
	ctx->emit(ctx, &spec);
	strbuf_release(&why);
}

static void smart_suggest(const cjm_pattern_context *ctx)
{
	const cjm_map *map = ctx->map;
	if (!map)
		return;
	size_t total = cjm_map_touchpoint_count(map);
	if (total == 0)
		return;
	/* At least one signal, whatever the threshold, so a fine journey stays quiet. */
	double needed = ceil(ctx->threshold);
	size_t need = needed < 1 || isnan(needed) ? 1 : needed > (double)SIZE_MAX / 2 ? SIZE_MAX / 2 : (size_t)needed;

	/* Pass 1: how many touchpoints share each channel and name root. */
	char **keys = xcalloc(total, sizeof *keys);
	strset *roots = strset_new(total);
	size_t flat = 0;
	for (size_t p = 0; p < map->phase_count; p++) {
		const cjm_phase *phase = map->phases[p];
		for (size_t t = 0; t < phase->touchpoint_count; t++, flat++) {
			keys[flat] = smart_root_key(phase->touchpoints[t]);
			if (!keys[flat])
				continue;
			bool added;
			void **slot = strset_slot(roots, keys[flat], &added);
			*slot = (void *)((uintptr_t)*slot + 1);
		}
	}
	/* Pass 2: the signals at each touchpoint without personalisation. */
	flat = 0;
	for (size_t p = 0; p < map->phase_count; p++) {
		const cjm_phase *phase = map->phases[p];
		for (size_t t = 0; t < phase->touchpoint_count; t++, flat++) {
			const cjm_touchpoint *tp = phase->touchpoints[t];
			if (tp->pillars & CJM_PILLAR_PERSONALISATION)
				continue;
			size_t repeats = keys[flat] ? (size_t)(uintptr_t)strset_get(roots, keys[flat]) : 0;
			smart_signals sig = smart_look(tp, repeats);
			if (sig.count >= need)
				smart_emit(ctx, tp, &sig);
		}
	}
	strset_free(roots);
	for (size_t i = 0; i < total; i++)
		free(keys[i]);
	free(keys);
}

const cjm_pattern cjm_pattern_intelligent_experience = {
	.abi = CJM_PLUGIN_ABI,
	.id = "intelligent-experience",
	.summary = "Tip 9: repeated or data-entry contacts without personalisation: remember and pre-fill",
	.default_threshold = 1,
	.threshold_means = "signals needed (data-entry words, a repeated contact)",
	.suggest = smart_suggest,
};
