/* Field values as the text of the editor's form and back: formatting, forgiving parsing, and applying a whole form. */
#include "edit/fieldtext.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/text.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/value.h"
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

/* Emotion, numbers and the yes/no words as people type them (util/value.h, VALUE_TYPED). */

static const char *parse_emotion(const cjm_field_info *info, const char *s, size_t len, cjm_value *value)
{
	char *text = xstrndup(s, len);
	long n = 0;
	const char *problem = value_read_whole(text, VALUE_TYPED, info->label, (long)info->min, (long)info->max, &n,
					       message);
	free(text);
	if (problem)
		return problem;
	value->present = true;
	value->integer = (int)n;
	return NULL;
}

static const char *parse_number(const cjm_field_info *info, const char *s, size_t len, cjm_value *value)
{
	char *text = xstrndup(s, len);
	double x = 0;
	const char *problem = value_read_number(text, VALUE_TYPED, info->label, info->min, info->max, &x, message);
	free(text);
	if (problem)
		return problem;
	value->present = true;
	value->number = x;
	return NULL;
}

static const char *parse_bool(const cjm_field_info *info, const char *s, size_t len, cjm_value *value)
{
	char *text = xstrndup(s, len);
	bool yes = false;
	const char *problem = value_read_bool(text, VALUE_TYPED, info->label, &yes, message);
	free(text);
	if (problem)
		return problem;
	value->present = true;
	value->boolean = yes;
	return NULL;
}

/* ---- pillars ---- */

/* Pillars as people type them (util/value.h, value_read_names). */
static const char *parse_pillars(const char *s, size_t len, cjm_value *value)
{
	static const char *pillar_names[CJM_PILLAR_COUNT];
	for (unsigned i = 0; i < CJM_PILLAR_COUNT; i++)
		pillar_names[i] = cjm_pillar_name(1u << i);
	const value_names names = { "pillar", pillar_names, CJM_PILLAR_COUNT, value_pillar_aliases,
				    value_pillar_alias_count };
	char *text = xstrndup(s, len);
	unsigned bits = 0;
	const char *problem = value_read_names(text, &names, &bits, message);
	free(text);
	if (problem)
		return problem;
	value->present = bits != 0;
	value->bits = bits;
	return NULL;
}

/* ---- text and lists ---- */

static const char *parse_text(cjm_field field, const cjm_field_info *info, const char *s, size_t len,
			      cjm_value *value, cjm_strlist *list)
{
	if (len == 0)
		return info->required ? fail(_("%s is required"), _(info->label)) : NULL;
	char *text = xstrndup(s, len);
	if (field == CJM_F_ID && !cjm_id_is_valid(text)) {
		struct quoted q = quote(s, len);
		free(text);
		return fail(_("'%s' is not a valid id: use lower-case letters, digits and '-'"), q.text);
	}
	char *canonical = NULL;
	if (info->check && !info->check(text, NULL, &canonical)) { /* kept as cjm writes it; else refused below */
		free(text);
		text = canonical;
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
	strbuf_puts(&say, _("the pasted text was cleaned:"));
	const char *sep = " ";
	if (cleaned.breaks) {
		strbuf_puts(&say, sep);
		strbuf_printf(&say, P_("%zu line break of another kind made plain",
				       "%zu line breaks of another kind made plain", cleaned.breaks),
			      cleaned.breaks);
		sep = ", ";
	}
	if (cleaned.tabs) {
		strbuf_puts(&say, sep);
		strbuf_printf(&say, P_("%zu tab made a space", "%zu tabs made a space", cleaned.tabs), cleaned.tabs);
		sep = ", ";
	}
	if (cleaned.dropped) {
		strbuf_puts(&say, sep);
		strbuf_printf(&say, P_("%zu control character left out", "%zu control characters left out",
				       cleaned.dropped),
			      cleaned.dropped);
	}
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
		return fail(_("no such field"));
	if (!list && (info->kind == CJM_KIND_TEXT || info->kind == CJM_KIND_LIST))
		return fail(_("%s: no room for the text"), _(info->label));
	if (!text)
		text = "";
	size_t a, b;
	trim(text, strlen(text), &a, &b);
	const char *s = text + a;
	size_t len = b - a;
	if (len == 0 && info->kind != CJM_KIND_TEXT && info->kind != CJM_KIND_LIST)
		return NULL; /* absent */
	if (!utf8_valid(text))
		return fail(_("%s is not valid UTF-8 text"), _(info->label));
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
			problem = cjm_field_check_is_must(check) ? fail("%s %s", _(info->label), check)
								 : fail("%s: %s", _(info->label), check);
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
		return ref.phase < map->phase_count ? NULL : fail(_("no phase %zu (the map has %zu)"), ref.phase,
								  map->phase_count);
	case CJM_REF_TOUCHPOINT:
		if (ref.phase >= map->phase_count)
			return fail(_("no phase %zu (the map has %zu)"), ref.phase, map->phase_count);
		return ref.tp < map->phases[ref.phase]->touchpoint_count
			       ? NULL
			       : fail(_("no touchpoint %zu in phase '%s'"), ref.tp, map->phases[ref.phase]->name);
	}
	return fail(_("no such item"));
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
	return fail(_("id '%s' is already used by '%s'"), id, q.text);
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
			return fail(_("no such field"));
		if (!cjm_field_applies(fields[i], ref.kind))
			return fail(_("%s has no %s"), cjm_ref_kind_noun(ref.kind), _(info->label));
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
