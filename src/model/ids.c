/* Making ids from names, and keeping them unique, in linear time for whole maps. */
#include "model/ids.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/strbuf.h"
#include "util/utf8.h"
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

char *cjm_id_from_name(const char *name)
{
	strbuf id = { 0 };
	bool dash = false;
	const unsigned char *s = (const unsigned char *)(name ? name : "");
	size_t left = strlen((const char *)s); /* once: measuring at every character is quadratic */
	while (left > 0) {
		uint32_t cp = 0xFFFD;
		size_t len = utf8_decode(s, left, &cp);
		len = len ? len : 1; /* a stray byte becomes a separator */
		s += len;
		left -= len;
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

struct cjm_id_maker {
	strset *next; /* base id -> the lowest suffix not yet known to be taken */
	char **bases; /* the keys of NEXT, owned here */
	size_t base_count, base_cap;
};

cjm_id_maker *cjm_id_maker_new(void)
{
	cjm_id_maker *maker = xcalloc(1, sizeof *maker);
	maker->next = strset_new(16);
	return maker;
}

void cjm_id_maker_free(cjm_id_maker *maker)
{
	if (!maker)
		return;
	for (size_t i = 0; i < maker->base_count; i++)
		free(maker->bases[i]);
	free(maker->bases);
	strset_free(maker->next);
	free(maker);
}

char *cjm_id_maker_unique(cjm_id_maker *maker, const strset *taken, const char *name)
{
	char *base = cjm_id_from_name(name);
	if (!strset_has(taken, base))
		return base;
	bool added;
	void **next = strset_slot(maker->next, base, &added);
	if (added) {
		xgrow((void **)&maker->bases, &maker->base_cap, maker->base_count + 1, sizeof *maker->bases);
		maker->bases[maker->base_count++] = base; /* the key of NEXT from now on */
		*next = (void *)(uintptr_t)2;
	}
	/* every suffix below *NEXT was taken when last probed, and TAKEN only grows */
	for (uintptr_t n = (uintptr_t)*next;; n++) {
		char *id = xasprintf("%s-%u", base, (unsigned)n);
		if (!strset_has(taken, id)) {
			*next = (void *)n; /* not n + 1: the caller may not take it */
			if (!added)
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
