/* The one grammar for typed values written as text, and the one wording of what a value must be. */
#include "util/value.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
		snprintf(buf, VALUE_WHY_MAX, "a whole number");
	else
		snprintf(buf, VALUE_WHY_MAX, "a whole number from %ld to %s%ld", min, min < 0 && max > 0 ? "+" : "", max);
	return buf;
}

const char *value_expect_number(char *buf, double min, double max)
{
	char lo[NUMBER_TEXT_MAX], hi[NUMBER_TEXT_MAX];
	number_format(lo, min);
	number_format(hi, max);
	snprintf(buf, VALUE_WHY_MAX, "a number from %s to %s%s", lo, min < 0 && max > 0 ? "+" : "", hi);
	return buf;
}

const char *value_expect_bool(value_grammar grammar)
{
	return grammar == VALUE_FILE ? "true or false" : "yes or no";
}

const char *value_must_be_whole(char *buf, const char *name, long min, long max)
{
	char what[VALUE_WHY_MAX];
	snprintf(buf, VALUE_WHY_MAX, "%.60s must be %.100s", name, value_expect_whole(what, min, max));
	return buf;
}

const char *value_must_be_number(char *buf, const char *name, double min, double max)
{
	char what[VALUE_WHY_MAX];
	snprintf(buf, VALUE_WHY_MAX, "%.60s must be %.100s", name, value_expect_number(what, min, max));
	return buf;
}

const char *value_must_be_bool(char *buf, const char *name, value_grammar grammar)
{
	snprintf(buf, VALUE_WHY_MAX, "%.60s must be %.100s", name, value_expect_bool(grammar));
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
