/* Small helpers the built-in patterns share: keyword matching, quoted names, signed numbers and one-line titles. */
#ifndef CJM_PATTERN_UTIL_H
#define CJM_PATTERN_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cjm/plugin.h"
#include "util/strbuf.h"
#include "util/strset.h"

/* A title's limit in bytes (so in characters too): one line for a workshop room. */
#define CJM_PU_TITLE_MAX 70
/* How many bytes of a name or pain a rationale quotes before shortening it with "...". */
#define CJM_PU_QUOTE_MAX 80

/* The language MAP is written in (its `language`, a tag such as "nl"), NULL when it names
 * none: the ideas, names and texts a pattern proposes for the map are written in it with
 * L_(lang, "...") (util/lang.h), whatever the user's locale; titles and rationales, which
 * only the user reads, are in the interface language, with _("..."). */
const char *cjm_pu_lang(const cjm_api *api, const cjm_map *map);

/* A text lower-cased once (ASCII letters), to look for several lists of keywords in. */
typedef struct cjm_pu_words {
	char *lower;
	char local[128];
	uint64_t seen[4]; /* the bytes that occur in it */
} cjm_pu_words;

/* Prepares TEXT (NULL: empty) in W; cjm_pu_words_free releases it. */
void cjm_pu_words_init(cjm_pu_words *w, const char *text);
void cjm_pu_words_free(cjm_pu_words *w);
/* True when one of WORDS (lower-case ASCII, a NULL-terminated list) occurs in W. */
bool cjm_pu_words_has(const cjm_pu_words *w, const char *const *words);

/* True when one of WORDS (lower-case ASCII, a NULL-terminated list) occurs in TEXT,
 * ignoring ASCII case; false when TEXT is NULL. */
bool cjm_pu_mentions(const char *text, const char *const *words);

/* Appends 'TEXT' to OUT; past MAX bytes shortened with "..." (at a word end, or else a
 * UTF-8 character boundary) so the quote holds at most MAX bytes of TEXT. */
void cjm_pu_quote(strbuf *out, const char *text, size_t max);

/* Writes BEFORE'NAME'AFTER into OUT (CJM_PU_TITLE_MAX + 1 bytes), shortening NAME with
 * "..." (at a word end, or else a UTF-8 character boundary) so the whole stays within
 * CJM_PU_TITLE_MAX bytes; line breaks and other control characters become spaces. */
void cjm_pu_title(char out[CJM_PU_TITLE_MAX + 1], const char *before, const char *name, const char *after);

/* An emotion with its sign, in BUF (8 bytes): "+2", "0", "-3". Returns BUF. */
const char *cjm_pu_emotion(char buf[8], int emotion);

/* A number as its shortest decimal ("0.9", "7"), in BUF (40 bytes). Returns BUF. */
const char *cjm_pu_number(char buf[40], double x);

/* A mean with its sign and one decimal ("+1.3", "-0.5", "0.0"), in BUF (16 bytes). Returns BUF. */
const char *cjm_pu_mean(char buf[16], double x);

/* TP's emotion, satisfaction or impact, 0 when it has none (the api tells whether it has one). */
int cjm_pu_emotion_of(const cjm_api *api, const cjm_touchpoint *tp);
double cjm_pu_satisfaction_of(const cjm_api *api, const cjm_touchpoint *tp);
double cjm_pu_impact_of(const cjm_api *api, const cjm_touchpoint *tp);

/* The targets MAP's `dismissed:` holds for PATTERN, or NULL when none (strset_free it).
 * A pattern that picks one of several candidates passes over these, so that
 * dismissing the pick brings the next one forward instead of hiding them all. */
strset *cjm_pu_dismissed_targets(const cjm_api *api, const cjm_map *map, const char *pattern);

/* True when some touchpoint of MAP names an owner (a department). */
bool cjm_pu_map_names_owners(const cjm_api *api, const cjm_map *map);

/* True when TP is an event the company does not run: it has no owner while the map names
 * owners elsewhere (NAMES_OWNERS, from cjm_pu_map_names_owners), like the accident itself in
 * an insurance claim. No pattern softens, starts strong at, amplifies or reorders such a step. */
bool cjm_pu_not_ours(const cjm_api *api, const cjm_touchpoint *tp, bool names_owners);

/* True when the map's title, persona or phase names mention one of WORDS (lower-case ASCII,
 * NULL-terminated): the map is about that company or its case, so a rationale does not cite
 * it as an outside example. */
bool cjm_pu_map_mentions(const cjm_api *api, const cjm_map *map, const char *const *words);

/* Writes FORMAT, a (translated) title holding one "%s", into OUT with 'NAME' in place of the
 * "%s", shortened as cjm_pu_title does: cjm_pu_title_fmt(title, _("Soften %s"), name).
 * A FORMAT without "%s" is copied (within CJM_PU_TITLE_MAX bytes). */
void cjm_pu_title_fmt(char out[CJM_PU_TITLE_MAX + 1], const char *format, const char *name);

/* Resets BUF to 'TEXT' (as cjm_pu_quote writes it, at most MAX bytes of TEXT) and returns
 * its text: a quoted name to pass through "%s" into a whole-sentence format string. */
const char *cjm_pu_quoted(strbuf *buf, const char *text, size_t max);

/* X as cjm_pu_number writes it, with the interface locale's decimal separator ("0,9" under
 * Dutch), in BUF (40 bytes), for a rationale; "0.9" in English as before. Returns BUF. */
const char *cjm_pu_ui_number(char buf[40], double x);

/* A mean as cjm_pu_mean writes it, with the interface locale's decimal separator, in BUF
 * (16 bytes). Returns BUF. */
const char *cjm_pu_ui_mean(char buf[16], double x);

/* X with one decimal, as "%.1f" writes it ("1.0", "0.5"), with the interface locale's
 * decimal separator, in BUF (40 bytes), for a rationale. Returns BUF. */
const char *cjm_pu_ui_fixed1(char buf[40], double x);

/* The clauses cjm_pu_put_figures writes, looked up once for a pattern's run. */
typedef struct cjm_pu_figures_text {
	const char *both, *satisfaction, *impact;
} cjm_pu_figures_text;

/* Looks up T's clauses in the interface language. */
void cjm_pu_figures_text_init(cjm_pu_figures_text *t);

/* Appends the clause "; satisfaction S, impact I" (those TP has; nothing when neither) to
 * WHY with the clauses T holds, numbers with the interface's decimal separator. */
void cjm_pu_put_figures(strbuf *why, const cjm_api *api, const cjm_touchpoint *tp, const cjm_pu_figures_text *t);

/* Appends FORMAT to OUT with ARGS (N strings) in place of its conversions, faster than
 * strbuf_printf for the texts patterns write by the thousand: each "%s", "%zu", "%d" or
 * "%u" takes the next string of ARGS (numbers are passed already written out), "%N$s"
 * (and the like) the Nth, as a translation that reorders them writes it; "%%" is "%".
 * A conversion past N writes nothing. */
void cjm_pu_format(strbuf *out, const char *format, size_t n, const char *const *args);

#endif
