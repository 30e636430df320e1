/* A hash set of strings (borrowed, not copied), for id uniqueness in linear time. */
#include "util/strset.h"

#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

struct strset_slot {
	const char *key;
	void *value;
	size_t hash; /* compared before the key, so a probe rarely touches another string */
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

static struct strset_slot *strset_find_hashed(const strset *set, const char *key, size_t hash)
{
	size_t i = hash & (set->cap - 1);
	while (set->slots[i].key && (set->slots[i].hash != hash || strcmp(set->slots[i].key, key) != 0))
		i = (i + 1) & (set->cap - 1);
	return &set->slots[i];
}

static struct strset_slot *strset_find(const strset *set, const char *key)
{
	return strset_find_hashed(set, key, strset_hash(key));
}

static void strset_grow(strset *set)
{
	struct strset_slot *old = set->slots;
	size_t old_cap = set->cap;
	set->cap *= 2;
	set->slots = xcalloc(set->cap, sizeof *set->slots);
	for (size_t i = 0; i < old_cap; i++)
		if (old[i].key)
			*strset_find_hashed(set, old[i].key, old[i].hash) = old[i];
	free(old);
}

void **strset_slot(strset *set, const char *key, bool *added)
{
	if ((set->count + 1) * 2 > set->cap)
		strset_grow(set);
	size_t hash = strset_hash(key);
	struct strset_slot *slot = strset_find_hashed(set, key, hash);
	*added = !slot->key;
	if (*added) {
		slot->key = key;
		slot->hash = hash;
		slot->value = NULL;
		set->count++;
	}
	return &slot->value;
}

void strset_put(strset *set, const char *key, void *value)
{
	bool added;
	*strset_slot(set, key, &added) = value;
}

bool strset_add(strset *set, const char *key)
{
	bool added;
	strset_slot(set, key, &added);
	return added;
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
