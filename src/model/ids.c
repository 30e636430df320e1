/* Making ids from names, and keeping them unique, in linear time for whole maps. */
#include "model/ids.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/strbuf.h"
#include "util/xalloc.h"

/* Lower-case ASCII for U+00C0..U+017F; '*' marks the letters that fold to two. */
static const char latin1_fold[] =
	"aaaaaa*ceeeeiiiidnooooo-ouuuuy**"
	"aaaaaa*ceeeeiiiidnooooo-ouuuuy*y";
static const char latin_ext_a_fold[] =
	"aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii**jjkkkllllllllllnnnnnnnnnoooooo**rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

static const char *ids_fold_two(uint32_t cp)
{
	switch (cp) {
	case 0xC6: case 0xE6: return "ae";
	case 0xDE: case 0xFE: return "th";
	case 0xDF: return "ss";
	case 0x132: case 0x133: return "ij";
	case 0x152: case 0x153: return "oe";
	default: return NULL;
	}
}

/* Decodes one UTF-8 sequence at S; returns its length (1 for a bad byte, cp = 0xFFFD). */
static size_t ids_decode(const unsigned char *s, uint32_t *cp)
{
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	size_t len = s[0] >= 0xF0 ? 4 : s[0] >= 0xE0 ? 3 : s[0] >= 0xC0 ? 2 : 0;
	if (len == 0) {
		*cp = 0xFFFD;
		return 1;
	}
	uint32_t v = s[0] & (0xFF >> (len + 1));
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80) {
			*cp = 0xFFFD;
			return 1;
		}
		v = (v << 6) | (s[i] & 0x3F);
	}
	*cp = v;
	return len;
}

char *cjm_id_from_name(const char *name)
{
	strbuf id = { 0 };
	bool dash = false;
	const unsigned char *s = (const unsigned char *)(name ? name : "");
	while (*s) {
		uint32_t cp;
		s += ids_decode(s, &cp);
		const char *two = ids_fold_two(cp);
		char one = 0;
		if (cp < 0x80 && ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')))
			one = (char)cp;
		else if (cp >= 'A' && cp <= 'Z')
			one = (char)(cp - 'A' + 'a');
		else if (cp >= 0xC0 && cp <= 0xFF && !two)
			one = latin1_fold[cp - 0xC0];
		else if (cp >= 0x100 && cp <= 0x17F && !two)
			one = latin_ext_a_fold[cp - 0x100];
		if (one == '-')
			one = 0;
		if (!one && !two) {
			dash = id.len > 0;
			continue;
		}
		if (dash)
			strbuf_putc(&id, '-');
		dash = false;
		if (two)
			strbuf_puts(&id, two);
		else
			strbuf_putc(&id, one);
	}
	if (id.len > CJM_ID_MAX_GENERATED) {
		id.len = CJM_ID_MAX_GENERATED;
		while (id.len > 1 && id.data[id.len - 1] == '-')
			id.len--;
		id.data[id.len] = '\0';
	}
	if (id.len == 0)
		strbuf_puts(&id, "item");
	return id.data;
}

bool cjm_id_is_valid(const char *id)
{
	if (!id || !((*id >= 'a' && *id <= 'z') || (*id >= '0' && *id <= '9')))
		return false;
	for (const char *p = id; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-'))
			return false;
	return true;
}

char *cjm_unique_id_in(const strset *taken, const char *name)
{
	char *base = cjm_id_from_name(name);
	if (!strset_has(taken, base))
		return base;
	for (unsigned n = 2;; n++) {
		char *id = xasprintf("%s-%u", base, n);
		if (!strset_has(taken, id)) {
			free(base);
			return id;
		}
		free(id);
	}
}

strset *cjm_map_id_set(const cjm_map *map)
{
	strset *set = strset_new(cjm_map_touchpoint_count(map) + map->phase_count);
	for (size_t p = 0; p < map->phase_count; p++) {
		const cjm_phase *phase = map->phases[p];
		if (phase->id)
			strset_add(set, phase->id);
		for (size_t t = 0; t < phase->touchpoint_count; t++)
			if (phase->touchpoints[t]->id)
				strset_add(set, phase->touchpoints[t]->id);
	}
	return set;
}

char *cjm_map_unique_id(const cjm_map *map, const char *name)
{
	strset *taken = cjm_map_id_set(map);
	char *id = cjm_unique_id_in(taken, name);
	strset_free(taken);
	return id;
}
