/* A hash set of strings (borrowed, not copied), for id uniqueness in linear time. */
#include "util/strset.h"

#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

struct strset_slot {
	const char *key;
	void *value;
};

struct strset {
	struct strset_slot *slots;
	size_t cap; /* a power of two */
	size_t count;
};

size_t strset_hash(const char *key)
{
	size_t h = 1469598103934665603ull; /* FNV-1a */
	for (const unsigned char *p = (const unsigned char *)key; *p; p++)
		h = (h ^ *p) * 1099511628211ull;
	return h;
}

strset *strset_new(size_t expected)
{
	strset *set = xcalloc(1, sizeof *set);
	set->cap = 16;
	while (set->cap < expected * 2)
		set->cap *= 2;
	set->slots = xcalloc(set->cap, sizeof *set->slots);
	return set;
}

void strset_free(strset *set)
{
	if (!set)
		return;
	free(set->slots);
	free(set);
}

static struct strset_slot *strset_find(const strset *set, const char *key)
{
	size_t i = strset_hash(key) & (set->cap - 1);
	while (set->slots[i].key && strcmp(set->slots[i].key, key) != 0)
		i = (i + 1) & (set->cap - 1);
	return &set->slots[i];
}

static void strset_grow(strset *set)
{
	struct strset_slot *old = set->slots;
	size_t old_cap = set->cap;
	set->cap *= 2;
	set->slots = xcalloc(set->cap, sizeof *set->slots);
	for (size_t i = 0; i < old_cap; i++)
		if (old[i].key)
			*strset_find(set, old[i].key) = old[i];
	free(old);
}

void strset_put(strset *set, const char *key, void *value)
{
	if ((set->count + 1) * 2 > set->cap)
		strset_grow(set);
	struct strset_slot *slot = strset_find(set, key);
	if (!slot->key) {
		slot->key = key;
		set->count++;
	}
	slot->value = value;
}

bool strset_add(strset *set, const char *key)
{
	if (strset_has(set, key))
		return false;
	strset_put(set, key, NULL);
	return true;
}

bool strset_has(const strset *set, const char *key)
{
	return strset_find(set, key)->key != NULL;
}

void *strset_get(const strset *set, const char *key)
{
	return strset_find(set, key)->value;
}

size_t strset_count(const strset *set)
{
	return set->count;
}
