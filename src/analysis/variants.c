/* The free-text values a map uses (channels, owners): completion from them, and spellings that differ only in case, spaces or hyphens. */
#include "analysis/variants.h"

#include <stdlib.h>
#include <string.h>

#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/xalloc.h"

char *cjm_variant_key(const char *text)
{
	strbuf out = { 0 };
	const unsigned char *s = (const unsigned char *)(text ? text : "");
	size_t len = strlen((const char *)s);
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		if (n == 0) { /* not UTF-8: kept as it is */
			strbuf_putc(&out, (char)s[i++]);
			continue;
		}
		bool drop = cp == ' ' || cp == '\t' || cp == '-' || cp == 0xA0 || (cp >= 0x2010 && cp <= 0x2013);
		if (!drop) {
			if (cp >= 'A' && cp <= 'Z')
				cp += 'a' - 'A';
			else if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)
				cp += 0x20;
			if (cp < 0x80) {
				strbuf_putc(&out, (char)cp);
			} else if (n == 2 && cp < 0x800) {
				strbuf_putc(&out, (char)(0xC0 | (cp >> 6)));
				strbuf_putc(&out, (char)(0x80 | (cp & 0x3F)));
			} else {
				strbuf_add(&out, (const char *)s + i, n);
			}
		}
		i += n;
	}
	return out.data ? out.data : xstrdup("");
}

/* For sorting value indexes by key, then by index. */
struct keyed {
	char *key;
	size_t index;
};

static int keyed_compare(const void *a, const void *b)
{
	const struct keyed *x = a, *y = b;
	int c = strcmp(x->key, y->key);
	if (c)
		return c;
	return x->index < y->index ? -1 : x->index > y->index;
}

size_t cjm_variant_groups(const char *const *values, size_t n, size_t *first)
{
	struct keyed *keyed = xcalloc(n ? n : 1, sizeof *keyed);
	size_t m = 0;
	for (size_t i = 0; i < n; i++) {
		first[i] = (size_t)-1;
		if (values[i])
			keyed[m++] = (struct keyed){ cjm_variant_key(values[i]), i };
	}
	qsort(keyed, m, sizeof *keyed, keyed_compare);
	size_t variants = 0;
	for (size_t a = 0; a < m;) {
		size_t b = a;
		while (b < m && strcmp(keyed[b].key, keyed[a].key) == 0) {
			first[keyed[b].index] = keyed[a].index;
			if (strcmp(values[keyed[b].index], values[keyed[a].index]) != 0)
				variants++;
			b++;
		}
		a = b;
	}
	for (size_t i = 0; i < m; i++)
		free(keyed[i].key);
	free(keyed);
	return variants;
}

/* One distinct value and how often it is used. */
struct use {
	const char *value;
	size_t count, order;
};

static int use_compare(const void *a, const void *b)
{
	const struct use *x = a, *y = b;
	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

static const char *touchpoint_text(const cjm_touchpoint *tp, cjm_field field)
{
	return field == CJM_F_CHANNEL ? tp->channel : field == CJM_F_OWNER ? tp->owner : NULL;
}

/* The distinct values of FIELD, most used first; the array is malloc'd. */
static struct use *uses_of(const cjm_map *map, cjm_field field, size_t *count)
{
	struct use *uses = NULL;
	size_t n = 0, cap = 0;
	for (size_t p = 0; p < map->phase_count; p++) {
		const cjm_phase *phase = map->phases[p];
		for (size_t t = 0; t < phase->touchpoint_count; t++) {
			const char *v = touchpoint_text(phase->touchpoints[t], field);
			if (!v || !*v)
				continue;
			size_t i = 0;
			while (i < n && strcmp(uses[i].value, v) != 0)
				i++;
			if (i == n) {
				xgrow((void **)&uses, &cap, n + 1, sizeof *uses);
				uses[n] = (struct use){ v, 0, n };
				n++;
			}
			uses[i].count++;
		}
	}
	if (n)
		qsort(uses, n, sizeof *uses, use_compare);
	*count = n;
	return uses;
}

size_t cjm_values_used(const cjm_map *map, cjm_field field, const char ***out)
{
	size_t n = 0;
	struct use *uses = uses_of(map, field, &n);
	*out = xcalloc(n ? n : 1, sizeof **out);
	for (size_t i = 0; i < n; i++)
		(*out)[i] = uses[i].value;
	free(uses);
	return n;
}

size_t cjm_values_complete(const cjm_map *map, cjm_field field, const char *prefix, const char ***out)
{
	size_t n = 0, m = 0;
	struct use *uses = uses_of(map, field, &n);
	*out = xcalloc(n ? n : 1, sizeof **out);
	char *want = cjm_variant_key(prefix);
	size_t want_len = strlen(want);
	for (size_t i = 0; i < n && want_len > 0; i++) {
		if (strcmp(uses[i].value, prefix) == 0)
			continue;
		char *key = cjm_variant_key(uses[i].value);
		if (strncmp(key, want, want_len) == 0)
			(*out)[m++] = uses[i].value;
		free(key);
	}
	free(want);
	free(uses);
	return m;
}
