/* Field values as the text of the editor's form and back: formatting, forgiving parsing, and applying a whole form. */
#include "edit/fieldtext.h"

#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/text.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/xalloc.h"

/* The message of the last failed call (see fieldtext.h). */
static char message[320];

static const char *fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static const char *fail(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(message, sizeof message, fmt, ap);
	va_end(ap);
	return message;
}

/* What a person typed, shortened for a message: at most 40 bytes, cut between characters. */
struct quoted {
	char text[48];
};

static struct quoted quote(const char *s, size_t len)
{
	struct quoted q;
	size_t max = 40;
	if (len > max) {
		len = max;
		while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80)
			len--;
		memcpy(q.text, s, len);
		memcpy(q.text + len, "...", 4);
	} else {
		memcpy(q.text, s, len);
		q.text[len] = '\0';
	}
	return q;
}

/* ---- formatting ---- */

static char *strbuf_take(strbuf *buf)
{
	return buf->data ? buf->data : xstrdup("");
}

char *cjm_fieldtext_format(const cjm_map *map, cjm_ref ref, cjm_field field)
{
	const cjm_field_info *info = cjm_field_info_of(field);
	if (!map || !info || !cjm_field_applies(field, ref.kind))
		return xstrdup("");
	cjm_value v = cjm_field_get(map, ref, field);
	strbuf out = { 0 };
	switch (info->kind) {
	case CJM_KIND_TEXT:
		return xstrdup(v.present && v.text ? v.text : "");
	case CJM_KIND_EMOTION:
		if (v.present)
			strbuf_printf(&out, v.integer == 0 ? "%d" : "%+d", v.integer);
		break;
	case CJM_KIND_NUMBER:
		if (v.present)
			cjm_text_number(&out, v.number);
		break;
	case CJM_KIND_BOOL:
		if (v.present)
			strbuf_puts(&out, v.boolean ? "yes" : "no");
		break;
	case CJM_KIND_PILLARS:
		for (unsigned i = 0; i < CJM_PILLAR_COUNT; i++)
			if (v.bits & (1u << i)) {
				if (out.len)
					strbuf_puts(&out, ", ");
				strbuf_puts(&out, cjm_pillar_name(1u << i));
			}
		break;
	case CJM_KIND_LIST:
		for (size_t i = 0; v.list && i < v.list->len; i++) {
			if (i)
				strbuf_putc(&out, '\n');
			strbuf_puts(&out, v.list->items[i]);
		}
		break;
	}
	return strbuf_take(&out);
}

/* ---- parsing ---- */

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

/* The bytes [*start, *end) of S without surrounding spaces. */
static void trim(const char *s, size_t len, size_t *start, size_t *end)
{
	size_t a = 0, b = len;
	while (a < b && is_space(s[a]))
		a++;
	while (b > a && is_space(s[b - 1]))
		b--;
	*start = a;
	*end = b;
}

static char ascii_lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* The length of a minus sign at S ('-', U+2212 minus or U+2013 en dash), or 0. */
static size_t minus_sign(const char *s, size_t len)
{
	if (len >= 1 && s[0] == '-')
		return 1;
	if (len >= 3 && (memcmp(s, "\xE2\x88\x92", 3) == 0 || memcmp(s, "\xE2\x80\x93", 3) == 0))
		return 3;
	return 0;
}

static const char *parse_emotion(const cjm_field_info *info, const char *s, size_t len, cjm_value *value)
{
	size_t i = 0;
	bool negative = false;
	size_t m = minus_sign(s, len);
	if (m) {
		negative = true;
		i = m;
	} else if (len > 0 && s[0] == '+') {
		i = 1;
	}
	long n = 0;
	size_t digits = 0;
	for (; i < len && s[i] >= '0' && s[i] <= '9'; i++, digits++)
		if (n < 1000)
			n = n * 10 + (s[i] - '0');
	if (digits == 0 || i != len || n > info->max || -n < info->min)
		return fail("%s is a whole number from %d to +%d", info->label, (int)info->min, (int)info->max);
	value->present = true;
	value->integer = (int)(negative ? -n : n);
	return NULL;
}

/* Reads a decimal number: a sign, digits with at most one '.' or ',', an exponent. */
static const char *parse_number(const cjm_field_info *info, const char *s, size_t len, cjm_value *value)
{
	char buf[64];
	size_t o = 0, i = 0, mantissa = 0;
	bool point = false, ok = len > 0 && len < sizeof buf - 2;
	size_t m = minus_sign(s, len);
	if (ok && m) {
		buf[o++] = '-';
		i = m;
	} else if (ok && s[0] == '+') {
		i = 1;
	}
	for (; ok && i < len; i++) {
		char c = s[i];
		if (c >= '0' && c <= '9') {
			buf[o++] = c;
			mantissa++;
		} else if ((c == '.' || c == ',') && !point) {
			buf[o++] = '.';
			point = true;
		} else {
			break;
		}
	}
	if (ok && i < len && (s[i] == 'e' || s[i] == 'E') && mantissa > 0) {
		buf[o++] = 'e';
		i++;
		if (i < len && (s[i] == '+' || s[i] == '-'))
			buf[o++] = s[i++];
		size_t exp_digits = 0;
		for (; i < len && s[i] >= '0' && s[i] <= '9'; i++, exp_digits++)
			buf[o++] = s[i];
		ok = exp_digits > 0;
	}
	double x = 0;
	if (ok && mantissa > 0 && i == len) {
		buf[o] = '\0';
		x = strtod(buf, NULL);
	} else {
		ok = false;
	}
	if (!ok || !isfinite(x) || x < info->min || x > info->max) {
		strbuf lo = { 0 }, hi = { 0 };
		cjm_text_number(&lo, info->min);
		cjm_text_number(&hi, info->max);
		fail("%s is a number from %s to %s", info->label, lo.data, hi.data);
		strbuf_release(&lo);
		strbuf_release(&hi);
		return message;
	}
	value->present = true;
	value->number = x == 0 ? 0.0 : x; /* never -0, which would read "-0" */
	return NULL;
}

static const char *parse_bool(const cjm_field_info *info, const char *s, size_t len, cjm_value *value)
{
	static const char *const yes[] = { "yes", "y", "true", "ja", "x", "1" };
	static const char *const no[] = { "no", "n", "false", "nee", "0" };
	char word[8];
	if (len < sizeof word) {
		for (size_t i = 0; i < len; i++)
			word[i] = ascii_lower(s[i]);
		word[len] = '\0';
		for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
			if (strcmp(word, yes[i]) == 0) {
				value->present = true;
				value->boolean = true;
				return NULL;
			}
		for (size_t i = 0; i < sizeof no / sizeof *no; i++)
			if (strcmp(word, no[i]) == 0) {
				value->present = true;
				value->boolean = false;
				return NULL;
			}
	}
	return fail("%s is yes or no", info->label);
}

/* ---- pillars ---- */

/* Other words for pillars, matched whole. */
static const struct {
	const char *word;
	unsigned bit;
} pillar_aliases[] = {
	{ "surprise", CJM_PILLAR_RESOLUTION },
	{ "verrassing", CJM_PILLAR_RESOLUTION },
	{ "personalization", CJM_PILLAR_PERSONALISATION },
};

/* WORD (LEN bytes) lower-cased, with runs of spaces and '_' as one '-'; NULL when too long. */
static bool pillar_key(const char *word, size_t len, char *key, size_t size)
{
	size_t o = 0;
	for (size_t i = 0; i < len; i++) {
		char c = ascii_lower(word[i]);
		if (c == '_' || is_space(c)) {
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

/* The pillar WORD names: a name, an alias or a unique prefix of a name. Returns
 * the bit, 0 when unknown; *AMBIGUOUS is set to the names it is a prefix of. */
static unsigned pillar_match(const char *word, size_t len, unsigned *ambiguous)
{
	char key[48];
	*ambiguous = 0;
	if (!pillar_key(word, len, key, sizeof key) || !key[0])
		return 0;
	for (unsigned i = 0; i < CJM_PILLAR_COUNT; i++)
		if (strcmp(key, cjm_pillar_name(1u << i)) == 0)
			return 1u << i;
	for (size_t i = 0; i < sizeof pillar_aliases / sizeof *pillar_aliases; i++)
		if (strcmp(key, pillar_aliases[i].word) == 0)
			return pillar_aliases[i].bit;
	unsigned found = 0, count = 0;
	size_t klen = strlen(key);
	for (unsigned i = 0; i < CJM_PILLAR_COUNT; i++)
		if (strncmp(key, cjm_pillar_name(1u << i), klen) == 0) {
			found |= 1u << i;
			count++;
		}
	if (count == 1)
		return found;
	if (count > 1)
		*ambiguous = found;
	return 0;
}

static const char *pillar_problem(const char *word, size_t len, unsigned ambiguous)
{
	struct quoted q = quote(word, len);
	if (!ambiguous) {
		strbuf all = { 0 };
		for (unsigned i = 0; i < CJM_PILLAR_COUNT; i++)
			strbuf_printf(&all, "%s%s", i ? ", " : "", cjm_pillar_name(1u << i));
		fail("unknown pillar '%s' (%s)", q.text, all.data);
		strbuf_release(&all);
		return message;
	}
	strbuf names = { 0 };
	unsigned left = 0;
	for (unsigned i = 0; i < CJM_PILLAR_COUNT; i++)
		left += (ambiguous >> i) & 1u;
	for (unsigned i = 0; i < CJM_PILLAR_COUNT; i++)
		if (ambiguous & (1u << i)) {
			left--;
			strbuf_printf(&names, "%s%s", names.len == 0 ? "" : left == 0 ? " or " : ", ",
				      cjm_pillar_name(1u << i));
		}
	fail("pillar '%s' could be %s", q.text, names.data);
	strbuf_release(&names);
	return message;
}

/* One comma-separated piece: the whole of it when it names a pillar
 * ("time and effort"), else each of its words. */
static const char *parse_pillar_piece(const char *s, size_t len, unsigned *bits)
{
	unsigned ambiguous;
	unsigned bit = pillar_match(s, len, &ambiguous);
	if (bit) {
		*bits |= bit;
		return NULL;
	}
	for (size_t i = 0; i < len;) {
		while (i < len && is_space(s[i]))
			i++;
		size_t start = i;
		while (i < len && !is_space(s[i]))
			i++;
		if (i == start)
			break;
		bit = pillar_match(s + start, i - start, &ambiguous);
		if (!bit)
			return pillar_problem(s + start, i - start, ambiguous);
		*bits |= bit;
	}
	return NULL;
}

static const char *parse_pillars(const char *s, size_t len, cjm_value *value)
{
	unsigned bits = 0;
	for (size_t i = 0; i <= len;) {
		size_t end = i;
		while (end < len && s[end] != ',' && s[end] != ';')
			end++;
		size_t a, b;
		trim(s + i, end - i, &a, &b);
		if (b > a) {
			const char *problem = parse_pillar_piece(s + i + a, b - a, &bits);
			if (problem)
				return problem;
		}
		i = end + 1;
	}
	value->present = bits != 0;
	value->bits = bits;
	return NULL;
}

/* ---- text and lists ---- */

static const char *parse_text(cjm_field field, const cjm_field_info *info, const char *s, size_t len,
			      cjm_value *value, cjm_strlist *list)
{
	if (len == 0)
		return info->required ? fail("%s is required", info->label) : NULL;
	char *text = xstrndup(s, len);
	if (field == CJM_F_ID && !cjm_id_is_valid(text)) {
		struct quoted q = quote(s, len);
		free(text);
		return fail("'%s' is not a valid id: use lower-case letters, digits and '-'", q.text);
	}
	cjm_strlist_push(list, text);
	free(text);
	value->present = true;
	value->text = list->items[0];
	return NULL;
}

static const char *parse_list(const char *s, size_t len, cjm_value *value, cjm_strlist *list)
{
	for (size_t i = 0; i < len;) {
		size_t end = i;
		while (end < len && s[end] != '\n')
			end++;
		size_t a, b;
		trim(s + i, end - i, &a, &b);
		if (b > a) {
			char *item = xstrndup(s + i + a, b - a);
			cjm_strlist_push(list, item);
			free(item);
		}
		i = end + 1;
	}
	value->present = list->len > 0;
	value->list = list;
	return NULL;
}

/* ---- pasted text ---- */

/* What the cleaning of the texts since the last reset changed (see cjm_fieldtext_notice). */
static utf8_cleaned cleaned;
static char notice[200];

static void notice_reset(void)
{
	cleaned = (utf8_cleaned){ 0 };
}

/* True when FIELD's text may hold line breaks: the table's multi-line texts, and lists (a break starts an item). */
static bool field_is_multiline(cjm_field field, const cjm_field_info *info)
{
	(void)field;
	return info->kind == CJM_KIND_LIST || (info->flags & CJM_FIELD_MULTILINE);
}

const char *cjm_fieldtext_notice(void)
{
	if (!cleaned.breaks && !cleaned.tabs && !cleaned.dropped)
		return NULL;
	strbuf say = { 0 };
	strbuf_puts(&say, "the pasted text was cleaned:");
	const char *sep = " ";
	if (cleaned.breaks) {
		strbuf_printf(&say, "%s%zu line break%s of another kind made plain", sep, cleaned.breaks,
			      cleaned.breaks == 1 ? "" : "s");
		sep = ", ";
	}
	if (cleaned.tabs) {
		strbuf_printf(&say, "%s%zu tab%s made a space", sep, cleaned.tabs, cleaned.tabs == 1 ? "" : "s");
		sep = ", ";
	}
	if (cleaned.dropped)
		strbuf_printf(&say, "%s%zu control character%s left out", sep, cleaned.dropped,
			      cleaned.dropped == 1 ? "" : "s");
	snprintf(notice, sizeof notice, "%s", say.data);
	strbuf_release(&say);
	return notice;
}

static const char *parse_cleaned(cjm_field field, const char *text, cjm_value *value, cjm_strlist *list);
static const char *parse_checked(cjm_field field, const cjm_field_info *info, const char *text, cjm_value *value,
				 cjm_strlist *list);

const char *cjm_fieldtext_parse(cjm_field field, const char *text, cjm_value *value, cjm_strlist *list)
{
	notice_reset();
	return parse_cleaned(field, text, value, list);
}

/* cjm_fieldtext_parse after TEXT is made into text a map may hold, as pasted
 * text from a word processor or a web page needs: U+2028, U+2029, NEL and CR
 * become line breaks where the field allows them and spaces elsewhere, tabs
 * spaces, other control characters are left out (counted for the notice). */
static const char *parse_cleaned(cjm_field field, const char *text, cjm_value *value, cjm_strlist *list)
{
	const cjm_field_info *info = cjm_field_info_of(field);
	char *clean = NULL;
	if (info && text) {
		unsigned flags = UTF8_CLEAN_TABS | (field_is_multiline(field, info) ? UTF8_CLEAN_MULTILINE : 0);
		clean = utf8_clean(text, flags, &cleaned);
		text = clean;
	}
	const char *problem = parse_checked(field, info, text, value, list);
	free(clean);
	return problem;
}

/* cjm_fieldtext_parse on clean TEXT. */
static const char *parse_checked(cjm_field field, const cjm_field_info *info, const char *text, cjm_value *value,
				 cjm_strlist *list)
{
	memset(value, 0, sizeof *value);
	if (list)
		cjm_strlist_clear(list);
	if (!info)
		return fail("no such field");
	if (!list && (info->kind == CJM_KIND_TEXT || info->kind == CJM_KIND_LIST))
		return fail("%s: no room for the text", info->label);
	if (!text)
		text = "";
	size_t a, b;
	trim(text, strlen(text), &a, &b);
	const char *s = text + a;
	size_t len = b - a;
	if (len == 0 && info->kind != CJM_KIND_TEXT && info->kind != CJM_KIND_LIST)
		return NULL; /* absent */
	if (!utf8_valid(text))
		return fail("%s is not valid UTF-8 text", info->label);
	const char *problem = NULL;
	switch (info->kind) {
	case CJM_KIND_TEXT: problem = parse_text(field, info, s, len, value, list); break;
	case CJM_KIND_EMOTION: problem = parse_emotion(info, s, len, value); break;
	case CJM_KIND_NUMBER: problem = parse_number(info, s, len, value); break;
	case CJM_KIND_BOOL: problem = parse_bool(info, s, len, value); break;
	case CJM_KIND_PILLARS: problem = parse_pillars(s, len, value); break;
	case CJM_KIND_LIST: problem = parse_list(s, len, value, list); break;
	}
	if (!problem) {
		/* what the edit layer will check again; parsing should have caught it all */
		const char *check = cjm_field_check(field, value);
		if (check)
			problem = strncmp(check, "must ", 5) == 0 ? fail("%s %s", info->label, check)
								  : fail("%s: %s", info->label, check);
	}
	if (problem) {
		memset(value, 0, sizeof *value);
		if (list)
			cjm_strlist_clear(list);
	}
	return problem;
}

/* ---- the form ---- */

size_t cjm_fieldtext_fields(cjm_ref_kind kind, cjm_field *out)
{
	size_t n;
	const cjm_field *fields = cjm_fields_of(kind, &n);
	memcpy(out, fields, n * sizeof *out);
	return n;
}

static const char *ref_problem(const cjm_map *map, cjm_ref ref)
{
	switch (ref.kind) {
	case CJM_REF_MAP:
		return NULL;
	case CJM_REF_PHASE:
		return ref.phase < map->phase_count ? NULL : fail("no phase %zu (the map has %zu)", ref.phase,
								  map->phase_count);
	case CJM_REF_TOUCHPOINT:
		if (ref.phase >= map->phase_count)
			return fail("no phase %zu (the map has %zu)", ref.phase, map->phase_count);
		return ref.tp < map->phases[ref.phase]->touchpoint_count
			       ? NULL
			       : fail("no touchpoint %zu in phase '%s'", ref.tp, map->phases[ref.phase]->name);
	}
	return fail("no such item");
}

static const char *ref_noun(cjm_ref_kind kind)
{
	return kind == CJM_REF_MAP ? "the map" : kind == CJM_REF_PHASE ? "a phase" : "a touchpoint";
}

/* A new id for the item REF names must not be used by any other phase or touchpoint. */
static const char *id_problem(const cjm_map *map, cjm_ref ref, const char *id)
{
	size_t p, t;
	if (!cjm_map_find(map, id, &p, &t))
		return NULL;
	bool self = p == ref.phase && (ref.kind == CJM_REF_PHASE ? t == (size_t)-1 : t == ref.tp);
	if (self)
		return NULL;
	const char *name = t == (size_t)-1 ? map->phases[p]->name : map->phases[p]->touchpoints[t]->name;
	struct quoted q = quote(name, strlen(name));
	return fail("id '%s' is already used by '%s'", id, q.text);
}

/* One field of the form: its parsed value (stored in LIST) and, once applied, the value it replaced. */
struct form_field {
	bool changed;
	cjm_value value;
	cjm_strlist list;
	cjm_value old;
	cjm_strlist old_list;
};

/* Keeps a copy of the current value of FIELD in F->old, to put back if a later field fails. */
static void remember_old(struct form_field *f, const cjm_map *map, cjm_ref ref, cjm_field field)
{
	f->old = cjm_field_get(map, ref, field);
	if (f->old.text) {
		cjm_strlist_push(&f->old_list, f->old.text);
		f->old.text = f->old_list.items[0];
	}
	if (f->old.list) {
		cjm_strlist_copy(&f->old_list, f->old.list);
		f->old.list = &f->old_list;
	}
}

static void form_free(struct form_field *form, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		cjm_strlist_clear(&form[i].list);
		cjm_strlist_clear(&form[i].old_list);
	}
	free(form);
}

/* Parses and checks every field; returns the first problem with *BAD set. */
static const char *form_check(const cjm_map *map, cjm_ref ref, const cjm_field *fields, char *const *texts,
			      size_t count, struct form_field *form, size_t *bad)
{
	for (size_t i = 0; i < count; i++) { /* a form made for another kind of item, before any text */
		*bad = i;
		const cjm_field_info *info = cjm_field_info_of(fields[i]);
		if (!info)
			return fail("no such field");
		if (!cjm_field_applies(fields[i], ref.kind))
			return fail("%s has no %s", ref_noun(ref.kind), info->label);
	}
	for (size_t i = 0; i < count; i++) {
		*bad = i;
		if (!texts[i])
			continue;
		char *now = cjm_fieldtext_format(map, ref, fields[i]);
		bool same = strcmp(now, texts[i]) == 0;
		free(now);
		if (same)
			continue;
		const char *problem = parse_cleaned(fields[i], texts[i], &form[i].value, &form[i].list);
		if (problem)
			return problem;
		if (fields[i] == CJM_F_ID && (problem = id_problem(map, ref, form[i].value.text)))
			return problem;
		form[i].changed = true;
	}
	*bad = count;
	return NULL;
}

const char *cjm_fieldtext_apply(cjm_edit *edit, cjm_ref ref, const cjm_field *fields, char *const *texts, size_t count,
				size_t *bad_field)
{
	size_t bad_spare;
	size_t *bad = bad_field ? bad_field : &bad_spare;
	const cjm_map *map = cjm_edit_map(edit);
	*bad = count;
	notice_reset();
	const char *problem = ref_problem(map, ref);
	if (problem)
		return problem;
	struct form_field *form = xcalloc(count ? count : 1, sizeof *form);
	problem = form_check(map, ref, fields, texts, count, form, bad);
	if (problem) {
		form_free(form, count);
		return problem;
	}
	cjm_edit_group_begin(edit);
	for (size_t i = 0; i < count && !problem; i++) {
		if (!form[i].changed)
			continue;
		remember_old(&form[i], map, ref, fields[i]);
		if (cjm_edit_set(edit, ref, fields[i], &form[i].value) == 0)
			continue;
		/* Not expected after form_check. The edit layer has no way to drop an open
		 * group, so put back what this form changed: the map is as before, though
		 * the group is recorded (as a step that changes nothing). */
		*bad = i;
		problem = fail("%s", cjm_edit_error(edit));
		form[i].changed = false;
		for (size_t j = i; j-- > 0;)
			if (form[j].changed)
				cjm_edit_set(edit, ref, fields[j], &form[j].old);
	}
	cjm_edit_group_end(edit);
	form_free(form, count);
	return problem;
}
