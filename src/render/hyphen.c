/* Where a long word may break with a hyphen: between Dutch syllables, by rules of thumb. */
#include "render/hyphen.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "render/text.h"
#include "util/xalloc.h"

enum { HYPHEN_OTHER, HYPHEN_VOWEL, HYPHEN_CONSONANT };

/* What kind of letter CP is (ASCII and Latin-1 letters; anything else is other). */
static int hyphen_class(uint32_t cp)
{
	if (cp < 128) {
		uint32_t c = cp | 0x20;
		if (c < 'a' || c > 'z')
			return HYPHEN_OTHER;
		return strchr("aeiouy", (int)c) ? HYPHEN_VOWEL : HYPHEN_CONSONANT;
	}
	if (cp < 0xC0 || cp > 0xFF || cp == 0xD7 || cp == 0xF7)
		return HYPHEN_OTHER;
	/* ç ñ ß ð þ are consonants; the other Latin-1 letters are accented vowels (ë, é, ü) */
	return strchr("\xC7\xD1\xD0\xDE\xDF", (int)(cp & 0xDF)) ? HYPHEN_CONSONANT : HYPHEN_VOWEL;
}

/* One character of a word being hyphenated: ASCII letters lower-cased. */
struct hyphen_letter {
	size_t at; /* byte offset in the word */
	int cls;
	char c;    /* the lower-case ASCII letter, or 0 */
};

/* Whether a syllable can begin with the letters from K on: a consonant before a
 * vowel, a consonant with l or r before a vowel (br, kl), s with t, p, k, l,
 * m, n or w, or ch or sch. */
static bool hyphen_onset(const struct hyphen_letter *l, size_t n, size_t k)
{
	if (k + 1 >= n || l[k].cls != HYPHEN_CONSONANT)
		return false;
	char a = l[k].c, b = l[k + 1].c;
	if (l[k + 1].cls == HYPHEN_VOWEL)
		return !(a == 'j' && k > 0 && l[k - 1].c == 'i'); /* not inside ij */
	if (k + 2 < n && l[k + 2].cls == HYPHEN_VOWEL && b && strchr("lr", b) && a && strchr("bcdfgkptvw", a))
		return !(a == 'c'); /* cl, cr are foreign; ch is below */
	if (a == 's' && b && strchr("tpklmnw", b)) /* st, and str before a vowel */
		return k + 2 < n && (l[k + 2].cls == HYPHEN_VOWEL || (l[k + 2].c == 'r' && k + 3 < n && l[k + 3].cls == HYPHEN_VOWEL));
	if (a == 'c' && b == 'h')
		return k + 2 < n && l[k + 2].cls == HYPHEN_VOWEL;
	return a == 's' && b == 'c' && k + 2 < n && l[k + 2].c == 'h';
}

/* Whether the word may break before letter K: before the consonants a syllable
 * can begin with after a vowel (be-ves-ti-gen, fa-briek, ge-sprek), inside a
 * run of consonants where a syllable can begin (klan-ten, kas-ten, af-stand,
 * welkomst-pakket), after the s that joins compounds (bevestigings-mail); never
 * inside ch or ij, and leaving two letters before and three after, each side
 * with a vowel. */
static bool hyphen_may_break(const struct hyphen_letter *l, size_t n, size_t k, const size_t *vowels_before)
{
	if (k < 2 || n - k < 3 || l[k].cls != HYPHEN_CONSONANT || l[k - 1].cls == HYPHEN_OTHER || l[k - 2].cls == HYPHEN_OTHER)
		return false;
	if (vowels_before[k] == 0 || vowels_before[n] == vowels_before[k])
		return false;
	bool after_ng = k >= 3 && l[k - 2].c == 'n' && l[k - 1].c == 'g';
	if (l[k].c == 's' && after_ng)
		return false; /* the linking s stays with -ing */
	if (k >= 3 && l[k - 1].c == 's' && l[k - 2].c == 'g' && l[k - 3].c == 'n')
		return true;
	if ((l[k - 1].c == 'c' && l[k].c == 'h') || !hyphen_onset(l, n, k))
		return false;
	if (l[k - 1].cls == HYPHEN_VOWEL) /* V-CV, V-brV, V-chV, V-strV; but kas-ten */
		return l[k].c != 's' || l[k + 1].cls == HYPHEN_VOWEL || l[k + 1].c == 'c' ||
		       (k + 2 < n && l[k + 2].cls == HYPHEN_CONSONANT);
	size_t run = 1; /* consonants before K, back to a vowel (a few at most) */
	while (run < 6 && run < k && l[k - 1 - run].cls == HYPHEN_CONSONANT)
		run++;
	if (run >= k || l[k - 1 - run].cls != HYPHEN_VOWEL)
		return false;
	/* inside the run: where the rest could begin a syllable and one more could not,
	 * or after a lone s before a consonant and a vowel (kas-ten, ves-ti-gen) */
	if (run == 1 && l[k - 1].c == 's' && l[k + 1].cls == HYPHEN_VOWEL)
		return true;
	return !hyphen_onset(l, n, k - 1);
}

size_t *cjm_hyphen_points(const char *word, size_t len)
{
	struct hyphen_letter *l = xcalloc(len + 1, sizeof *l);
	size_t n = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t bytes = cjm_utf8_decode(word + i, len - i, &cp);
		if (n > 0 && cjm_char_width(cp) == 0 && cp != '\n' && cp != '\t') {
			i += bytes; /* a combining mark belongs to the letter before it */
			continue;
		}
		l[n].at = i;
		l[n].cls = hyphen_class(cp);
		l[n].c = cp < 128 && l[n].cls != HYPHEN_OTHER ? (char)(cp | 0x20) : 0;
		n++;
		i += bytes;
	}
	size_t *vowels_before = xcalloc(n + 1, sizeof *vowels_before);
	for (size_t k = 0; k < n; k++)
		vowels_before[k + 1] = vowels_before[k] + (l[k].cls == HYPHEN_VOWEL);
	size_t *next = NULL;
	size_t upcoming = len;
	for (size_t k = n; k-- > 1;) { /* from the end, so each byte learns the next break after it */
		bool here = hyphen_may_break(l, n, k, vowels_before);
		if (here && !next) {
			next = xcalloc(len + 1, sizeof *next);
			for (size_t i = l[k].at; i <= len; i++)
				next[i] = len;
		}
		if (here)
			upcoming = l[k].at;
		if (next)
			for (size_t i = l[k - 1].at; i < l[k].at; i++)
				next[i] = upcoming;
	}
	free(l);
	free(vowels_before);
	return next;
}
