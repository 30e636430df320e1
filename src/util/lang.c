/* The map's language: a small reader of cjm's own .mo catalogues, so that what goes into a map follows the map, not the locale. */
#include "util/lang.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "util/number.h"
#include "util/xalloc.h"

/* A catalogue file larger than this is not cjm's. */
#define LANG_MO_MAX (16u << 20)
#define LANG_TAG_MAX 36
#define LANG_CATALOGUES_MAX 8

/* One language's catalogue as read from its .mo file (GNU gettext's format: a header, then
 * two tables of (length, offset) pairs, the originals sorted by byte value). */
typedef struct lang_catalogue {
	char tag[LANG_TAG_MAX];
	unsigned char *data; /* NULL: cjm has no catalogue of this language */
	size_t size;
	uint32_t count;
	uint32_t originals; /* offset of the originals' table */
	uint32_t translations;
	bool swapped;       /* written on a machine of the other byte order */
} lang_catalogue;

static lang_catalogue lang_cache[LANG_CATALOGUES_MAX];
static size_t lang_cached;

static uint32_t lang_word(const lang_catalogue *c, size_t at)
{
	uint32_t w;
	memcpy(&w, c->data + at, sizeof w);
	if (c->swapped)
		w = (w >> 24) | ((w >> 8) & 0xff00u) | ((w << 8) & 0xff0000u) | (w << 24);
	return w;
}

/* String I of the table at TABLE, with its length; NULL when the file is damaged there. */
static const char *lang_string(const lang_catalogue *c, uint32_t table, uint32_t i, size_t *len)
{
	size_t entry = (size_t)table + (size_t)i * 8;
	if (entry + 8 > c->size)
		return NULL;
	size_t n = lang_word(c, entry);
	size_t at = lang_word(c, entry + 4);
	if (at >= c->size || n >= c->size - at || c->data[at + n] != '\0')
		return NULL;
	*len = n;
	return (const char *)c->data + at;
}

/* Reads PATH as a .mo catalogue into C; false (C untouched) when it is not one. */
static bool lang_read(lang_catalogue *c, const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return false;
	unsigned char *data = NULL;
	size_t size = 0, cap = 0;
	for (;;) {
		if (size == cap) {
			if (cap >= LANG_MO_MAX)
				break;
			cap = cap ? cap * 2 : 65536;
			data = xrealloc(data, cap);
		}
		size_t got = fread(data + size, 1, cap - size, f);
		size += got;
		if (got == 0)
			break;
	}
	bool whole = feof(f) && !ferror(f);
	fclose(f);
	lang_catalogue probe = { .data = data, .size = size };
	if (whole && size >= 20) {
		uint32_t magic;
		memcpy(&magic, data, sizeof magic);
		probe.swapped = magic == 0xde120495u;
		if (magic == 0x950412deu || probe.swapped) {
			probe.count = lang_word(&probe, 8);
			probe.originals = lang_word(&probe, 12);
			probe.translations = lang_word(&probe, 16);
			size_t need = (size_t)probe.count * 8;
			if (probe.count < size / 8 && probe.originals <= size - need &&
			    probe.translations <= size - need) {
				c->data = data;
				c->size = size;
				c->count = probe.count;
				c->originals = probe.originals;
				c->translations = probe.translations;
				c->swapped = probe.swapped;
				return true;
			}
		}
	}
	free(data);
	return false;
}

/* TAG in lower case with '_' as '-', cut at LANG_TAG_MAX; false when empty. */
static bool lang_normal(const char *tag, char out[LANG_TAG_MAX])
{
	size_t n = 0;
	for (; tag && tag[n] && n < LANG_TAG_MAX - 1; n++)
		out[n] = tag[n] == '_' ? '-' : (char)tolower((unsigned char)tag[n]);
	out[n] = '\0';
	return n > 0;
}

/* True when TAG (normalised) is English, the source language: no catalogue to read. */
static bool lang_is_english(const char *tag)
{
	return strcmp(tag, "en") == 0 || strncmp(tag, "en-", 3) == 0;
}

/* The catalogue of TAG (normalised), read once; NULL for English or when cjm has none. */
static const lang_catalogue *lang_find_exact(const char *tag)
{
	if (lang_is_english(tag))
		return NULL;
	for (size_t i = 0; i < lang_cached; i++)
		if (strcmp(lang_cache[i].tag, tag) == 0)
			return lang_cache[i].data ? &lang_cache[i] : NULL;
	lang_catalogue c = { 0 };
	/* Catalogue folders are named as gettext names them: "nl", "nl_BE". */
	char folder[LANG_TAG_MAX];
	snprintf(folder, sizeof folder, "%s", tag);
	char *dash = strchr(folder, '-');
	if (dash) {
		*dash = '_';
		for (char *u = dash + 1; *u && *u != '-'; u++)
			*u = (char)toupper((unsigned char)*u);
	}
	/* More languages than one run meets: the texts handed out point into the catalogues
	 * read so far, so none is forgotten, and this language is written in English. */
	if (lang_cached == LANG_CATALOGUES_MAX)
		return NULL;
	char *path = xasprintf("%s/%s/LC_MESSAGES/%s.mo", i18n_localedir(), folder, CJM_TEXT_DOMAIN);
	bool found = lang_read(&c, path);
	free(path);
	if (!found)
		c.data = NULL;
	snprintf(c.tag, sizeof c.tag, "%s", tag);
	lang_cache[lang_cached++] = c;
	return found ? &lang_cache[lang_cached - 1] : NULL;
}

/* The catalogue for LANG: its own, or its language's ("nl" for "nl-BE"). */
static const lang_catalogue *lang_find(const char *lang)
{
	char tag[LANG_TAG_MAX];
	if (!lang_tag_valid(lang) || !lang_normal(lang, tag)) /* letters, digits and '-' only */
		return NULL;
	const lang_catalogue *c = lang_find_exact(tag);
	char *dash = strchr(tag, '-');
	if (!c && dash) {
		*dash = '\0';
		c = lang_find_exact(tag);
	}
	return c;
}

/* The translation of KEY (KEY_LEN bytes, NUL included for plurals) in C, or NULL. */
static const char *lang_lookup(const lang_catalogue *c, const char *key, size_t key_len, size_t *len)
{
	uint32_t lo = 0, hi = c->count;
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		size_t n;
		const char *s = lang_string(c, c->originals, mid, &n);
		if (!s)
			return NULL;
		size_t common = n < key_len ? n : key_len;
		int cmp = memcmp(key, s, common);
		if (cmp == 0)
			cmp = key_len < n ? -1 : key_len > n;
		if (cmp == 0) {
			const char *t = lang_string(c, c->translations, mid, len);
			return t && *t ? t : NULL;
		} else if (cmp < 0) {
			hi = mid;
		} else {
			lo = mid + 1;
		}
	}
	return NULL;
}

/* CONTEXT "\004" MSGID [ "\0" PLURAL ], as .mo files key a message; its length in *LEN. */
static char *lang_key(const char *context, const char *msgid, const char *plural, size_t *len)
{
	size_t c = context ? strlen(context) + 1 : 0;
	size_t m = strlen(msgid);
	size_t p = plural ? strlen(plural) + 1 : 0;
	char *key = xmalloc(c + m + p + 1);
	if (context) {
		memcpy(key, context, c - 1);
		key[c - 1] = '\004';
	}
	memcpy(key + c, msgid, m);
	key[c + m] = '\0';
	if (plural)
		memcpy(key + c + m + 1, plural, p);
	*len = c + m + p;
	return key;
}

const char *lang_text(const char *lang, const char *context, const char *msgid)
{
	const lang_catalogue *c = lang_find(lang);
	if (!c || !*msgid)
		return msgid;
	size_t key_len, len;
	char *key = lang_key(context, msgid, NULL, &key_len);
	const char *t = lang_lookup(c, key, key_len, &len);
	free(key);
	return t ? t : msgid;
}

const char *lang_ntext(const char *lang, const char *one, const char *many, size_t n)
{
	const lang_catalogue *c = lang_find(lang);
	if (!c)
		return n == 1 ? one : many;
	size_t key_len, len;
	char *key = lang_key(NULL, one, many, &key_len);
	const char *t = lang_lookup(c, key, key_len, &len);
	free(key);
	if (!t)
		return n == 1 ? one : many;
	if (n == 1)
		return t;
	size_t first = strlen(t);
	return first < len ? t + first + 1 : t;
}

bool lang_supported(const char *lang)
{
	char tag[LANG_TAG_MAX];
	if (!lang_tag_valid(lang) || !lang_normal(lang, tag))
		return false;
	return lang_is_english(tag) || lang_find(tag) != NULL;
}

bool lang_tag_valid(const char *tag)
{
	if (!tag)
		return false;
	size_t n = strspn(tag, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");
	if (n < 2 || n > 3)
		return false;
	for (const char *p = tag + n; *p;) {
		if (*p != '-')
			return false;
		p++;
		size_t sub = strspn(p, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
		if (sub < 1 || sub > 8)
			return false;
		p += sub;
	}
	return true;
}

const char *lang_decimal_point(const char *lang)
{
	/* TRANSLATORS: the decimal separator of numbers in the maps and exports written in
	 * your language ("," for Dutch: 7,5). */
	return LC_(lang, "decimal separator", ".");
}

const char *lang_number(char *buf, double x, const char *lang)
{
	char plain[NUMBER_TEXT_MAX];
	number_format(plain, x);
	number_with_point(buf, plain, lang_decimal_point(lang));
	return buf;
}

void lang_reset(void)
{
	for (size_t i = 0; i < lang_cached; i++)
		free(lang_cache[i].data);
	memset(lang_cache, 0, sizeof lang_cache);
	lang_cached = 0;
}
