/* The one grammar for typed values written as text, and the one wording of what a value must be. */
#ifndef CJM_VALUE_H
#define CJM_VALUE_H

#include <stdbool.h>
#include <stddef.h>

/*
 * Two readings of the same grammar, one per source of text:
 *
 * VALUE_FILE, a scalar of a map file, typed as YAML 1.2's core schema types
 * it, so that every YAML reader takes the file the same way:
 *   whole numbers  an optional '+' or '-', then digits ("-2", "+2", "007");
 *   numbers        an optional sign, digits with at most one '.', at least
 *                  one digit, an optional exponent ("7.5", ".5", "5.",
 *                  "1e-3"); no hex, inf or nan;
 *   yes/no words   true, True, TRUE; false, False, FALSE.
 *
 * VALUE_TYPED, what people type in the editor's form or a spreadsheet cell
 * (cjm import): everything VALUE_FILE takes, plus
 *   surrounding spaces, tabs and line breaks, ignored;
 *   the minus sign U+2212 and the en dash U+2013 as a '-';
 *   a ',' as the decimal point instead of the '.' ("7,5", the Dutch way;
 *   never both, "1.000,5" is not a number);
 *   the yes/no words in any case: true, yes, y, ja, waar, x, 1 for yes;
 *   false, no, n, nee, onwaar, 0 for no.
 *
 * A text is a value or it is not; whether it is in range is a second check
 * (value_whole_in, value_number_in) with its own message.
 */
typedef enum value_grammar {
	VALUE_FILE,
	VALUE_TYPED
} value_grammar;

/* The room a message of this module takes: "NAME must be ..." (NAME cut at 60 bytes). */
#define VALUE_WHY_MAX 176

/* TEXT as a whole number in *OUT (any long; false when it is none, or too large for a long). */
bool value_parse_whole(const char *text, value_grammar grammar, long *out);

/* TEXT as a finite number in *OUT (false when it is none, or too large for a double). */
bool value_parse_number(const char *text, value_grammar grammar, double *out);

/* TEXT as a yes/no word: 1 for yes, 0 for no, -1 for neither. */
int value_parse_bool(const char *text, value_grammar grammar);

/*
 * What a value must be, in words, into BUF (VALUE_WHY_MAX bytes), returned:
 * "a whole number from -3 to +3" (the top of a range that starts below zero
 * has a '+'), "a whole number" when MIN is LONG_MIN (no range), "a number
 * from 0 to 10" (numbers in their shortest form, number_format), and for
 * the yes/no words "true or false" (VALUE_FILE) or "yes or no" (VALUE_TYPED).
 */
const char *value_expect_whole(char *buf, long min, long max);
const char *value_expect_number(char *buf, double min, double max);
const char *value_expect_bool(value_grammar grammar);

/* "NAME must be " and the expectation above, into BUF (VALUE_WHY_MAX bytes), returned. */
const char *value_must_be_whole(char *buf, const char *name, long min, long max);
const char *value_must_be_number(char *buf, const char *name, double min, double max);
const char *value_must_be_bool(char *buf, const char *name, value_grammar grammar);

/*
 * Reads TEXT as a value of NAME from MIN to MAX (or a yes/no word): NULL
 * with *OUT set, or the message of value_must_be_* in WHY (VALUE_WHY_MAX
 * bytes) with *OUT untouched. The same message for a text that is no number
 * and for one out of range: both are told what the value must be.
 */
const char *value_read_whole(const char *text, value_grammar grammar, const char *name, long min, long max,
			     long *out, char *why);
const char *value_read_number(const char *text, value_grammar grammar, const char *name, double min, double max,
			      double *out, char *why);
const char *value_read_bool(const char *text, value_grammar grammar, const char *name, bool *out, char *why);

/*
 * A list of names as people type it (pillars, in the form and cjm import):
 * items separated by line breaks, ',', ';' or '|', each trimmed, empty ones
 * skipped. An item is matched whole in any case, with runs of spaces and '_'
 * as one '-' ("Time and effort" is time-and-effort): a name, an alias, or the
 * beginning of exactly one name ("time", "emp"); when the whole item is none,
 * each of its words must be one ("time empathy"). A name given twice counts
 * once.
 */
typedef struct value_alias {
	const char *word; /* lower case, '-' between words */
	const char *name; /* one of the names */
} value_alias;

typedef struct value_names {
	const char *what;          /* one item, for messages: "pillar" */
	const char *const *names;  /* name I is bit 1 << I */
	unsigned count;            /* at most 32 */
	const value_alias *aliases;
	size_t alias_count;
} value_names;

/* The other words people type for pillars: an English and a Dutch word for
 * surprise (resolution), and the American spelling of personalisation. */
extern const value_alias value_pillar_aliases[];
extern const size_t value_pillar_alias_count;

/*
 * Reads TEXT as a list of NAMES into *BITS (0 for none): NULL, or a message
 * in WHY (VALUE_WHY_MAX bytes) with *BITS untouched, for the first item that
 * is none: "unknown pillar 'fun' (one of: personalisation, ...)", or "pillar
 * 'e' could be expectations or empathy" for the beginning of several.
 */
const char *value_read_names(const char *text, const value_names *names, unsigned *bits, char *why);

#endif
