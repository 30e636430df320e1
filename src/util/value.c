/* The one grammar for typed values written as text, and the one wording of what a value must be. */
#include "util/value.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "util/number.h"
#include "util/xalloc.h"

/* ---- the pieces of the grammar ---- */

static bool value_is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

static bool value_is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* The bytes [*start, *end) of TEXT the grammar reads: all of them for a file,
 * those between the surrounding spaces for typed text. */
static void value_span(const char *text, value_grammar grammar, size_t *start, size_t *end)
{
	size_t a = 0, b = strlen(text);
	if (grammar == VALUE_TYPED) {
		while (a < b && value_is_space(text[a]))
			a++;
		while (b > a && value_is_space(text[b - 1]))
			b--;
	}
	*start = a;
	*end = b;
}

/* The length of the sign at S (before END), with *NEGATIVE set for a minus: '+'
 * and '-' in both grammars, U+2212 (minus) and U+2013 (en dash) in typed text. */
static size_t value_sign(const char *s, const char *end, value_grammar grammar, bool *negative)
{
	*negative = false;
	if (s < end && (*s == '+' || *s == '-')) {
		*negative = *s == '-';
		return 1;
	}
	if (grammar == VALUE_TYPED && end - s >= 3 &&
	    (memcmp(s, "\xE2\x88\x92", 3) == 0 || memcmp(s, "\xE2\x80\x93", 3) == 0)) {
		*negative = true;
		return 3;
	}
	return 0;
}

static size_t value_digits(const char *s, const char *end)
{
	const char *p = s;
	while (p < end && value_is_digit(*p))
		p++;
	return (size_t)(p - s);
}

/* ---- parsing ---- */

bool value_parse_whole(const char *text, value_grammar grammar, long *out)
{
	size_t a, b;
	value_span(text, grammar, &a, &b);
	const char *s = text + a, *end = text + b;
	bool negative;
	s += value_sign(s, end, grammar, &negative);
	size_t digits = value_digits(s, end);
	if (digits == 0 || s + digits != end)
		return false;
	/* accumulated as a negative number, which has room for LONG_MIN */
	long n = 0;
	for (; s < end; s++) {
		int d = *s - '0';
		if (n < (LONG_MIN + d) / 10)
			return false;
		n = n * 10 - d;
	}
	if (!negative && n == LONG_MIN)
		return false;
	*out = negative ? n : -n;
	return true;
}

bool value_parse_number(const char *text, value_grammar grammar, double *out)
{
	size_t a, b;
	value_span(text, grammar, &a, &b);
	const char *s = text + a, *end = text + b;
	bool negative;
	const char *p = s + value_sign(s, end, grammar, &negative);
	const char *mantissa = p;
	size_t before = value_digits(p, end), after = 0;
	p += before;
	const char *point = NULL;
	if (p < end && (*p == '.' || (*p == ',' && grammar == VALUE_TYPED))) {
		point = p++;
		after = value_digits(p, end);
		p += after;
	}
	if (before + after == 0)
		return false;
	if (p < end && (*p == 'e' || *p == 'E')) {
		p++;
		if (p < end && (*p == '+' || *p == '-'))
			p++;
		size_t exponent = value_digits(p, end);
		if (exponent == 0)
			return false;
		p += exponent;
	}
	if (p != end)
		return false;
	/* strtod on a copy that has a '-' for any minus and a '.' for the point: it
	 * reads '.' whatever the locale, as cjm leaves LC_NUMERIC as "C" */
	size_t len = (size_t)(end - mantissa);
	char small[64];
	char *copy = len + 2 <= sizeof small ? small : xmalloc(len + 2);
	copy[0] = negative ? '-' : '+';
	memcpy(copy + 1, mantissa, len);
	copy[len + 1] = '\0';
	if (point)
		copy[1 + (point - mantissa)] = '.';
	double x = strtod(copy, NULL); /* overflow gives inf, refused below; underflow a tiny number */
	if (copy != small)
		free(copy);
	if (!isfinite(x))
		return false;
	*out = x;
	return true;
}

/* The yes/no words, with the grammar that takes each. */
static const struct {
	const char *word;
	int yes;
	bool in_file;
} value_bool_words[] = {
	{ "true", 1, true }, { "True", 1, true }, { "TRUE", 1, true },
	{ "false", 0, true }, { "False", 0, true }, { "FALSE", 0, true },
	{ "yes", 1, false }, { "y", 1, false }, { "ja", 1, false }, { "waar", 1, false }, { "x", 1, false },
	{ "1", 1, false },
	{ "no", 0, false }, { "n", 0, false }, { "nee", 0, false }, { "onwaar", 0, false }, { "0", 0, false },
};

/* True when the LEN bytes at S are WORD, in any case. */
static bool value_same_word(const char *s, size_t len, const char *word)
{
	if (strlen(word) != len)
		return false;
	for (size_t i = 0; i < len; i++) {
		char c = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] - 'A' + 'a') : s[i];
		char w = word[i] >= 'A' && word[i] <= 'Z' ? (char)(word[i] - 'A' + 'a') : word[i];
		if (c != w)
			return false;
	}
	return true;
}

int value_parse_bool(const char *text, value_grammar grammar)
{
	size_t a, b;
	value_span(text, grammar, &a, &b);
	for (size_t i = 0; i < sizeof value_bool_words / sizeof *value_bool_words; i++) {
		if (grammar == VALUE_FILE) {
			if (value_bool_words[i].in_file && strcmp(text, value_bool_words[i].word) == 0)
				return value_bool_words[i].yes;
		} else if (value_same_word(text + a, b - a, value_bool_words[i].word)) {
			return value_bool_words[i].yes;
		}
	}
	return -1;
}

/* ---- what a value must be ---- */

const char *value_expect_whole(char *buf, long min, long max)
{
	if (min == LONG_MIN)
		snprintf(buf, VALUE_WHY_MAX, "%s", _("a whole number"));
	else
		/* TRANSLATORS: the lowest and the highest value; the %s before the highest is "+" or nothing. */
		snprintf(buf, VALUE_WHY_MAX, _("a whole number from %ld to %s%ld"), min, min < 0 && max > 0 ? "+" : "", max);
	return buf;
}

const char *value_expect_number(char *buf, double min, double max)
{
	char lo[NUMBER_TEXT_MAX], hi[NUMBER_TEXT_MAX];
	i18n_number(lo, min); /* a message to the user: the interface's decimal separator */
	i18n_number(hi, max);
	/* TRANSLATORS: the lowest and the highest value; the %s before the highest is "+" or nothing. */
	snprintf(buf, VALUE_WHY_MAX, _("a number from %s to %s%s"), lo, min < 0 && max > 0 ? "+" : "", hi);
	return buf;
}

const char *value_expect_bool(value_grammar grammar)
{
	/* TRANSLATORS: a map file holds true or false whatever the language; what is typed may be yes or no. */
	return grammar == VALUE_FILE ? _("true or false") : _("yes or no");
}

const char *value_must_be_whole(char *buf, const char *name, long min, long max)
{
	char what[VALUE_WHY_MAX];
	/* TRANSLATORS: a field's name (emotion), then what it must be ("a whole number from -3 to +3"). */
	snprintf(buf, VALUE_WHY_MAX, _("%.60s must be %.100s"), name, value_expect_whole(what, min, max));
	return buf;
}

const char *value_must_be_number(char *buf, const char *name, double min, double max)
{
	char what[VALUE_WHY_MAX];
	/* TRANSLATORS: a field's name (emotion), then what it must be ("a whole number from -3 to +3"). */
	snprintf(buf, VALUE_WHY_MAX, _("%.60s must be %.100s"), name, value_expect_number(what, min, max));
	return buf;
}

const char *value_must_be_bool(char *buf, const char *name, value_grammar grammar)
{
	/* TRANSLATORS: a field's name (emotion), then what it must be ("a whole number from -3 to +3"). */
	snprintf(buf, VALUE_WHY_MAX, _("%.60s must be %.100s"), name, value_expect_bool(grammar));
	return buf;
}

/* ---- reading ---- */

const char *value_read_whole(const char *text, value_grammar grammar, const char *name, long min, long max,
			     long *out, char *why)
{
	long n;
	if (!value_parse_whole(text, grammar, &n) || n < min || n > max)
		return value_must_be_whole(why, name, min, max);
	*out = n;
	return NULL;
}

const char *value_read_number(const char *text, value_grammar grammar, const char *name, double min, double max,
			      double *out, char *why)
{
	double x;
	if (!value_parse_number(text, grammar, &x) || x < min || x > max)
		return value_must_be_number(why, name, min, max);
	*out = x == 0 ? 0.0 : x; /* never -0, which would read "-0" */
	return NULL;
}

const char *value_read_bool(const char *text, value_grammar grammar, const char *name, bool *out, char *why)
{
	int yes = value_parse_bool(text, grammar);
	if (yes < 0)
		return value_must_be_bool(why, name, grammar);
	*out = yes == 1;
	return NULL;
}

/* ---- lists of names ---- */

const value_alias value_pillar_aliases[] = {
	{ "surprise", "resolution" },
	{ "verrassing", "resolution" },
	{ "personalization", "personalisation" },
};
const size_t value_pillar_alias_count = sizeof value_pillar_aliases / sizeof *value_pillar_aliases;

/* The LEN bytes at WORD lower-cased, with runs of spaces and '_' as one '-', into
 * KEY (SIZE bytes); false when it does not fit. */
static bool value_name_key(const char *word, size_t len, char *key, size_t size)
{
	size_t o = 0;
	for (size_t i = 0; i < len; i++) {
		char c = word[i] >= 'A' && word[i] <= 'Z' ? (char)(word[i] - 'A' + 'a') : word[i];
		if (c == '_' || value_is_space(c)) {
			if (o > 0 && key[o - 1] == '-')
				continue;
			c = '-';
		}
		if (o + 1 >= size)
			return false;
		key[o++] = c;
	}
	key[o] = '\0';
	return true;
}

/* The bit of the name the LEN bytes at WORD stand for, or 0; *AMBIGUOUS is
 * then the names it is the beginning of, when more than one. */
static unsigned value_name_match(const char *word, size_t len, const value_names *names, unsigned *ambiguous)
{
	char key[64];
	*ambiguous = 0;
	if (!value_name_key(word, len, key, sizeof key) || !key[0])
		return 0;
	for (unsigned i = 0; i < names->count; i++)
		if (strcmp(key, names->names[i]) == 0)
			return 1u << i;
	for (size_t a = 0; a < names->alias_count; a++)
		if (strcmp(key, names->aliases[a].word) == 0)
			for (unsigned i = 0; i < names->count; i++)
				if (strcmp(names->aliases[a].name, names->names[i]) == 0)
					return 1u << i;
	unsigned found = 0, count = 0;
	size_t klen = strlen(key);
	for (unsigned i = 0; i < names->count; i++)
		if (strncmp(key, names->names[i], klen) == 0) {
			found |= 1u << i;
			count++;
		}
	if (count == 1)
		return found;
	if (count > 1)
		*ambiguous = found;
	return 0;
}

/* The message for the LEN bytes at WORD, which name no name: quoted, cut
 * between characters after 40 bytes. */
static const char *value_name_problem(const char *word, size_t len, const value_names *names, unsigned ambiguous,
				      char *why)
{
	char shown[48];
	size_t n = len;
	if (n > 40) {
		n = 40;
		while (n > 0 && ((unsigned char)word[n] & 0xC0) == 0x80)
			n--;
	}
	memcpy(shown, word, n);
	strcpy(shown + n, n < len ? "..." : "");
	char list[VALUE_WHY_MAX];
	size_t used = 0;
	list[0] = '\0';
	unsigned left = 0;
	for (unsigned i = 0; i < names->count; i++)
		left += ambiguous ? (ambiguous >> i) & 1u : 1;
	bool first = true;
	for (unsigned i = 0; i < names->count && used < VALUE_WHY_MAX; i++) {
		if (ambiguous && !(ambiguous & (1u << i)))
			continue;
		left--;
		/* TRANSLATORS: between the last two of the names a word could be ("orient or order") */
		const char *sep = first ? "" : ambiguous && left == 0 ? _(" or ") : ", ";
		used += (size_t)snprintf(list + used, VALUE_WHY_MAX - used, "%s%s", sep, names->names[i]);
		first = false;
	}
	if (ambiguous)
		/* TRANSLATORS: what the names are (phase), the word as given, then the names it could be. */
		snprintf(why, VALUE_WHY_MAX, _("%s '%s' could be %s"), names->what, shown, list);
	else
		/* TRANSLATORS: what the names are (channel), the word as given, then every name there is. */
		snprintf(why, VALUE_WHY_MAX, _("unknown %s '%s' (one of: %s)"), names->what, shown, list);
	return why;
}

/* One item (trimmed, LEN > 0 bytes at S): the whole of it when it names a name, else each of its words. */
static const char *value_name_item(const char *s, size_t len, const value_names *names, unsigned *bits, char *why)
{
	unsigned ambiguous;
	unsigned bit = value_name_match(s, len, names, &ambiguous);
	if (bit) {
		*bits |= bit;
		return NULL;
	}
	for (size_t i = 0; i < len;) {
		while (i < len && value_is_space(s[i]))
			i++;
		size_t start = i;
		while (i < len && !value_is_space(s[i]))
			i++;
		if (i == start)
			break;
		bit = value_name_match(s + start, i - start, names, &ambiguous);
		if (!bit)
			return value_name_problem(s + start, i - start, names, ambiguous, why);
		*bits |= bit;
	}
	return NULL;
}

const char *value_read_names(const char *text, const value_names *names, unsigned *bits, char *why)
{
	unsigned found = 0;
	for (const char *item = text; item;) {
		size_t len = strcspn(item, "\n,;|");
		const char *next = item[len] ? item + len + 1 : NULL;
		size_t a = 0, b = len;
		while (a < b && value_is_space(item[a]))
			a++;
		while (b > a && value_is_space(item[b - 1]))
			b--;
		if (b > a) {
			const char *problem = value_name_item(item + a, b - a, names, &found, why);
			if (problem)
				return problem;
		}
		item = next;
	}
	*bits = found;
	return NULL;
}
