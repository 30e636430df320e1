/* Where a long word may break with a hyphen: between Dutch syllables, by rules of thumb. */
#ifndef CJM_RENDER_HYPHEN_H
#define CJM_RENDER_HYPHEN_H

#include <stddef.h>

/*
 * The places the word of LEN bytes at WORD may break with a hyphen, between
 * syllables as Dutch breaks them: before a consonant (or br, st, ch...) after
 * a vowel, inside a run of consonants where a syllable can begin, after the s
 * that joins compounds ("bevestigings-mail"); never inside ch or ij, and
 * leaving two letters before a break and three after it, each side with a
 * vowel. Words of other letters than Latin ones have none. Returns NULL when
 * there is no such place, else an array of LEN + 1 where entry i is the byte
 * offset of the first place after byte i, or LEN; free() it.
 */
size_t *cjm_hyphen_points(const char *word, size_t len);

#endif
