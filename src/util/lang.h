/* The map's language: the texts cjm writes into a map or a deliverable, looked up in the catalogue of a language the map names. */
#ifndef CJM_LANG_H
#define CJM_LANG_H

#include <stdbool.h>
#include <stddef.h>

/* MSGID in language LANG (a tag: "nl", "nl-BE", "en"; NULL or "" is English, the source
 * language), whatever the user's locale. xgettext finds these by their keywords. */
#define L_(lang, msgid) lang_text((lang), NULL, (msgid))
/* The same with a context, for short words that mean different things ("Impact"). */
#define LC_(lang, context, msgid) lang_text((lang), (context), (msgid))
/* ONE or MANY by N in language LANG. */
#define LN_(lang, one, many, n) lang_ntext((lang), (one), (many), (n))

/* MSGID (with CONTEXT, or NULL) translated into LANG; MSGID itself when LANG is
 * English, cjm has no catalogue for it, or the catalogue lacks the message. A tag
 * with a region ("nl-BE") falls back to its language ("nl"). */
const char *lang_text(const char *lang, const char *context, const char *msgid);
/* ONE (N is 1) or MANY, translated into LANG. The catalogues cjm writes maps in use
 * two forms, singular for 1 and plural otherwise (as Dutch and English do). */
const char *lang_ntext(const char *lang, const char *one, const char *many, size_t n);

/* True when cjm can write texts in LANG: English, or a language it has a catalogue of. */
bool lang_supported(const char *lang);

/* True when TAG reads as a BCP 47 language tag: a language of 2 or 3 letters, then
 * optional subtags of 1 to 8 letters or digits after '-' ("nl", "nl-BE", "en-GB"). */
bool lang_tag_valid(const char *tag);

/* LANG's decimal separator: what its catalogue gives for "." in the context "decimal
 * separator" ("," for Dutch), "." for English. */
const char *lang_decimal_point(const char *lang);

/* X as number_format writes it with LANG's decimal separator, into BUF
 * (NUMBER_TEXT_MAX bytes), for a deliverable: "7,5" in a Dutch export. */
const char *lang_number(char *buf, double x, const char *lang);

/* Forgets the catalogues read so far (tests; the fuzzers' leak checks). */
void lang_reset(void);

#endif
