/* Export to a Mermaid journey diagram: sections are phases, tasks are touchpoints, scores are emotions. */
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "export/export.h"
#include "export/mermaid.h"
#include "util/utf8.h"
#include "util/visible.h"

/*
 * The mapping (cjm-export(1) and cjm-import(1) say the same in words):
 *
 *   journey
 *       title TITLE
 *       section PHASE
 *         %% cjm: unscored emotion=-2 actor=channel   (only when needed)
 *         TOUCHPOINT: SCORE: ACTOR
 *
 * Score. Emotion -3..+3 goes onto Mermaid's documented 1..5 with the sign kept
 * (below 3 negative, 3 neutral, above 3 positive):
 *
 *   emotion  -3 -2 -1  0 +1 +2 +3   unscored
 *   score     1  1  2  3  4  5  5   3
 *
 * and reads back as 1 -3, 2 -1, 3 0, 4 +1, 5 +3. Where that is not exact
 * (-2, +2) or not scored at all, a Mermaid comment line just before the task
 * says so ("%% cjm: emotion=-2", "%% cjm: unscored"); Mermaid ignores it and
 * `cjm import` honours it while the score still agrees with it, so a round
 * trip keeps every emotion and every unscored touchpoint.
 *
 * Actor. The owner; without one the channel (noted "actor=channel", so the
 * import puts it back as the channel); without either, no actor.
 *
 * Text. Mermaid's journey grammar has no quoting: ':' splits a task, '#'
 * starts a comment, ';' is an error, "%%" starts a comment or a directive,
 * a task that starts with "title " or "section " is read as that keyword,
 * "<br>" breaks a task's line, tags in a line have their quotes rewritten,
 * the ends of names are trimmed. But before parsing, Mermaid turns every
 * "#NAME;" and "#NUMBER;" into an HTML entity that the drawing shows as the
 * character (its documented "entity codes"). So the export writes, as
 * "#NUMBER;" with the character's decimal code point:
 *
 *   everywhere   : ':' '#' ';' '<', line breaks and other control characters,
 *                  the characters a terminal would act on (visible_escaped:
 *                  C1, U+2028, U+2029, bidirectional controls, U+FEFF),
 *                  '%' when another '%' follows, U+FB02 and U+00B6 (Mermaid
 *                  marks its entities with them), and white space at either end
 *   the title    : also & > and U+00A0 (Mermaid cleans the title as HTML)
 *   an actor     : also , (it separates actors)
 *   a task name  : also its first letter when it starts, in any case, with
 *                  journey, title, section, accTitle or accDescr
 *
 * Every other character, UTF-8 included, is written as it is. Mermaid then
 * draws every name exactly, and the import decodes "#NUMBER;" back, so names
 * round-trip byte for byte. Persona, descriptions and every other field are
 * not in the diagram (markdown, csv, json and html have them).
 */

int cjm_mermaid_score(int emotion)
{
	static const int score_of[] = { 1, 1, 2, 3, 4, 5, 5 };
	if (emotion < CJM_EMOTION_MIN)
		emotion = CJM_EMOTION_MIN;
	if (emotion > CJM_EMOTION_MAX)
		emotion = CJM_EMOTION_MAX;
	return score_of[emotion - CJM_EMOTION_MIN];
}

int cjm_mermaid_emotion(int score)
{
	static const int emotion_of[] = { -3, -1, 0, 1, 3 };
	if (score < CJM_MERMAID_SCORE_MIN)
		score = CJM_MERMAID_SCORE_MIN;
	if (score > CJM_MERMAID_SCORE_MAX)
		score = CJM_MERMAID_SCORE_MAX;
	return emotion_of[score - CJM_MERMAID_SCORE_MIN];
}

bool cjm_mermaid_emotion_needs_note(int emotion)
{
	return cjm_mermaid_emotion(cjm_mermaid_score(emotion)) != emotion;
}

bool cjm_mermaid_is_space(uint32_t cp)
{
	return cp == ' ' || (cp >= '\t' && cp <= '\r') || cp == 0xA0 || cp == 0x1680 ||
	       (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
	       cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
}

/* Where a piece of text stands in the diagram: what it must not hold raw. */
typedef enum mermaid_place { MERMAID_TITLE, MERMAID_SECTION, MERMAID_TASK, MERMAID_ACTOR } mermaid_place;

/* True when TEXT starts, in any case, with a word Mermaid's journey lexer takes as a keyword. */
static bool mermaid_starts_with_keyword(const char *text)
{
	static const char *const keywords[] = { "journey", "title", "section", "acctitle", "accdescr" };
	for (size_t i = 0; i < sizeof keywords / sizeof *keywords; i++)
		if (strncasecmp(text, keywords[i], strlen(keywords[i])) == 0)
			return true;
	return false;
}

/* True when the character CP at byte AT of S must be written as an entity in PLACE. */
static bool mermaid_needs_entity(const unsigned char *s, size_t at, uint32_t cp, mermaid_place place)
{
	switch (cp) {
	case '#': case ';': case ':': case '<': case 0xFB02: case 0xB6:
		return true;
	case '%':
		return s[at + 1] == '%';
	case '&': case '>': case 0xA0:
		return place == MERMAID_TITLE;
	case ',':
		return place == MERMAID_ACTOR;
	default:
		return cp < 0x20 || cp == 0x7F || visible_escaped(cp); /* no raw control or bidi override */
	}
}

/* Appends TEXT so that Mermaid, in PLACE, reads and draws exactly TEXT. */
static void mermaid_put_text(strbuf *out, const char *text, mermaid_place place)
{
	const unsigned char *s = (const unsigned char *)(text ? text : "");
	size_t len = strlen((const char *)s);
	/* the ends Mermaid would trim: [0, body_start) and [body_end, len) */
	size_t body_start = len, body_end = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp = 0xFFFD;
		size_t n = utf8_decode(s + i, len - i, &cp);
		n = n ? n : 1;
		if (!cjm_mermaid_is_space(cp)) {
			if (body_start == len)
				body_start = i;
			body_end = i + n;
		}
		i += n;
	}
	bool guard_keyword = place == MERMAID_TASK && body_start == 0 && mermaid_starts_with_keyword(text);
	for (size_t i = 0; i < len;) {
		uint32_t cp = 0xFFFD;
		size_t n = utf8_decode(s + i, len - i, &cp);
		if (n == 0) { /* not UTF-8: a map that loaded never has this */
			strbuf_puts(out, "\xEF\xBF\xBD");
			i++;
			continue;
		}
		if (i < body_start || i >= body_end || (i == 0 && guard_keyword) ||
		    mermaid_needs_entity(s, i, cp, place))
			strbuf_printf(out, "#%u;", (unsigned)cp);
		else
			strbuf_add(out, (const char *)s + i, n);
		i += n;
	}
}

/* Appends the note line before a task, when the task alone does not say everything. */
static void mermaid_note(strbuf *out, const cjm_touchpoint *tp, bool actor_is_channel)
{
	bool unscored = !tp->has_emotion;
	bool exact = tp->has_emotion && cjm_mermaid_emotion_needs_note(tp->emotion);
	if (!unscored && !exact && !actor_is_channel)
		return;
	strbuf_puts(out, "      " CJM_MERMAID_NOTE);
	if (unscored)
		strbuf_puts(out, " unscored");
	if (exact)
		strbuf_printf(out, " emotion=%+d", tp->emotion);
	if (actor_is_channel)
		strbuf_puts(out, " actor=channel");
	strbuf_putc(out, '\n');
}

static void mermaid_task(strbuf *out, const cjm_touchpoint *tp)
{
	const char *actor = NULL;
	bool actor_is_channel = false;
	if (tp->owner && *tp->owner) {
		actor = tp->owner;
	} else if (tp->channel && *tp->channel) {
		actor = tp->channel;
		actor_is_channel = true;
	}
	mermaid_note(out, tp, actor_is_channel);
	strbuf_puts(out, "      ");
	mermaid_put_text(out, tp->name, MERMAID_TASK);
	strbuf_printf(out, ": %d", tp->has_emotion ? cjm_mermaid_score(tp->emotion) : CJM_MERMAID_SCORE_UNSCORED);
	if (actor) {
		strbuf_puts(out, ": ");
		mermaid_put_text(out, actor, MERMAID_ACTOR);
	}
	strbuf_putc(out, '\n');
}

void cjm_export_mermaid(const cjm_map *map, const cjm_export_options *options, strbuf *out)
{
	(void)options;
	strbuf_puts(out, "journey\n");
	if (map->title && *map->title) {
		strbuf_puts(out, "    title ");
		mermaid_put_text(out, map->title, MERMAID_TITLE);
		strbuf_putc(out, '\n');
	}
	for (size_t p = 0; p < map->phase_count; p++) {
		const cjm_phase *phase = map->phases[p];
		strbuf_puts(out, "    section ");
		mermaid_put_text(out, phase->name, MERMAID_SECTION);
		strbuf_putc(out, '\n');
		for (size_t t = 0; t < phase->touchpoint_count; t++)
			mermaid_task(out, phase->touchpoints[t]);
	}
}
