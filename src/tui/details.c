/* The details view (i): everything about the selected touchpoint or phase, in full and wrapped. */
#include "tui/details.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/figures.h"
#include "analysis/vote_summary.h"
#include "edit/fieldtext.h"
#include "render/text.h"
#include "util/i18n.h"
#include "util/number.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#define DETAILS_LABEL_WIDTH 15

/* The view as lines of printable text, some of them headings. */
typedef struct details_lines {
	char **text;
	bool *heading;
	size_t count, cap, heading_cap;
} details_lines;

static void details_add(details_lines *dl, const char *text, bool heading)
{
	size_t cap = dl->cap;
	xgrow((void **)&dl->text, &dl->cap, dl->count + 1, sizeof *dl->text);
	xgrow((void **)&dl->heading, &cap, dl->count + 1, sizeof *dl->heading);
	dl->text[dl->count] = xstrdup(text);
	dl->heading[dl->count] = heading;
	dl->count++;
}

static void details_release(details_lines *dl)
{
	for (size_t i = 0; i < dl->count; i++)
		free(dl->text[i]);
	free(dl->text);
	free(dl->heading);
}

/* TEXT wrapped to WIDTH - INDENT columns, each line after PREFIX (first line) or spaces. */
static void details_wrapped(details_lines *dl, const char *prefix, size_t indent, const char *text, int cols)
{
	int width = cols - (int)indent - 1;
	strbuf lines = { 0 };
	cjm_text_wrap(&lines, text, width > 8 ? (size_t)width : 8);
	bool first = true;
	for (char *line = lines.data; line && *line; first = false) {
		char *nl = strchr(line, '\n');
		if (nl)
			*nl = '\0';
		strbuf out = { 0 };
		if (first)
			cjm_text_pad(&out, prefix, strlen(prefix), indent);
		else
			cjm_text_spaces(&out, indent);
		strbuf_puts(&out, line);
		details_add(dl, out.data, false);
		strbuf_release(&out);
		line = nl ? nl + 1 : NULL;
	}
	strbuf_release(&lines);
}

/* "label          value", the value wrapped under itself; ABSENT when VALUE is empty. */
static void details_field(details_lines *dl, const char *label, const char *value, const char *absent, int cols)
{
	size_t width = cjm_text_width(label) + 1; /* a translated label may be longer */
	details_wrapped(dl, label, width > DETAILS_LABEL_WIDTH ? width : DETAILS_LABEL_WIDTH,
			value && *value ? value : absent, cols);
}

static void details_formatted(details_lines *dl, const cjm_map *map, cjm_ref ref, cjm_field field,
			      const char *absent, int cols)
{
	const cjm_field_info *info = cjm_field_info_of(field);
	char *text = cjm_fieldtext_format(map, ref, field);
	if (text && info->kind == CJM_KIND_NUMBER) { /* "7,5" under a Dutch locale */
		cjm_value v = cjm_item_field_get(cjm_ref_item(map, ref), ref.kind, field);
		if (v.present) {
			char buf[NUMBER_TEXT_MAX];
			free(text);
			text = xstrdup(i18n_number(buf, v.number));
		}
	}
	details_field(dl, _(info->label), text, absent, cols);
	free(text);
}

/* A list as a heading with its count, then one bulleted, wrapped item after another. */
static void details_list(details_lines *dl, const char *label, const cjm_strlist *list, bool quoted, int cols)
{
	strbuf head = { 0 };
	if (list->len == 0)
		/* TRANSLATORS: a list's heading in the details view: its label and "0" */
		strbuf_printf(&head, _("%s (%zu): none"), label, list->len);
	else
		strbuf_printf(&head, "%s (%zu)", label, list->len);
	details_add(dl, head.data, true);
	strbuf_release(&head);
	for (size_t i = 0; i < list->len; i++) {
		char *item = quoted ? xasprintf("\"%s\"", list->items[i]) : xstrdup(list->items[i]);
		details_wrapped(dl, "  - ", 4, item, cols);
		free(item);
	}
}

/* The quadrant, then the marks the touchpoint has ("moment of truth (!)"), from the table. */
static void details_quadrant_and_flags(details_lines *dl, const cjm_map *map, const cjm_touchpoint *tp, int cols)
{
	cjm_quadrant q = cjm_touchpoint_quadrant(map, tp);
	strbuf text = { 0 };
	if (q == CJM_QUADRANT_NONE)
		strbuf_puts(&text, _("(needs satisfaction and impact)"));
	else
		strbuf_printf(&text, "%s: %s", _(cjm_quadrant_name(q)), _(cjm_quadrant_action(q)));
	details_field(dl, _("quadrant"), text.data, "", cols);
	strbuf_reset(&text);
	size_t count;
	const cjm_field *fields = cjm_fields_of(CJM_REF_TOUCHPOINT, &count);
	for (size_t i = 0; i < count; i++) {
		const cjm_field_info *info = cjm_field_info_of(fields[i]);
		if (cjm_item_field_marked(tp, CJM_REF_TOUCHPOINT, fields[i]))
			strbuf_printf(&text, "%s%s (%s)", text.len ? ", " : "", _(info->mark_meaning), info->mark);
	}
	details_field(dl, _("flags"), text.data, _("none"), cols);
	strbuf_release(&text);
}

/* Under a touchpoint's vote record, what it says: "Vote of the room: 5 votes, ...". */
static void details_vote(details_lines *dl, const cjm_touchpoint *tp, int cols)
{
	strbuf sentence = { 0 };
	if (cjm_vote_sentence_of(tp, i18n_language(), &sentence))
		details_field(dl, "", sentence.data, "", cols);
	strbuf_release(&sentence);
}

/* Every field of an item of kind OWNER after its name and id, in the table's order:
 * lists as bulleted items, texts that may hold line breaks under a heading, the
 * rest on a line; a touchpoint's yes/no fields with marks together as its flags. */
static void details_fields(details_lines *dl, const cjm_map *map, cjm_ref ref, int cols)
{
	const void *item = cjm_ref_item(map, ref);
	bool flags_done = false;
	size_t count;
	const cjm_field *fields = cjm_fields_of(ref.kind, &count);
	for (size_t i = 0; i < count; i++) {
		cjm_field f = fields[i];
		const cjm_field_info *info = cjm_field_info_of(f);
		if (f == CJM_F_ID || f == CJM_F_NAME || f == CJM_F_TITLE)
			continue; /* shown first */
		cjm_value v = cjm_item_field_get(item, ref.kind, f);
		if (info->kind == CJM_KIND_BOOL && info->mark && ref.kind == CJM_REF_TOUCHPOINT) {
			if (!flags_done)
				details_quadrant_and_flags(dl, map, item, cols);
			flags_done = true;
		} else if (info->kind == CJM_KIND_LIST) {
			details_list(dl, _(info->label), v.list, f == CJM_F_QUOTES, cols);
		} else if (info->kind == CJM_KIND_TEXT && (info->flags & CJM_FIELD_MULTILINE) && ref.kind != CJM_REF_MAP) {
			/* TRANSLATORS: a text field's heading in the details view when it is empty */
			char *head = v.present ? xstrdup(_(info->label)) : xasprintf(_("%s: none"), _(info->label));
			details_add(dl, head, true);
			free(head);
			if (v.present)
				details_wrapped(dl, "", 2, v.text, cols);
		} else {
			char absent[96];
			snprintf(absent, sizeof absent, "%s", _("(none)"));
			if (info->kind == CJM_KIND_EMOTION) {
				snprintf(absent, sizeof absent, "%s", _("(not scored)"));
			} else if (info->kind == CJM_KIND_NUMBER && ref.kind == CJM_REF_MAP) {
				char number[NUMBER_TEXT_MAX];
				/* TRANSLATORS: a map's threshold left out: %s is the number used instead */
				snprintf(absent, sizeof absent, _("%s (the default)"), i18n_number(number, info->fallback));
			}
			details_formatted(dl, map, ref, f, absent, cols);
			if (f == CJM_F_VOTE && ref.kind == CJM_REF_TOUCHPOINT)
				details_vote(dl, item, cols);
		}
	}
}

static void details_touchpoint(details_lines *dl, const cjm_map *map, cjm_ref ref, int cols)
{
	const cjm_phase *phase = map->phases[ref.phase];
	const cjm_touchpoint *tp = phase->touchpoints[ref.tp];
	details_field(dl, _("name"), tp->name, "", cols);
	details_field(dl, "id", tp->id, "", cols);
	details_field(dl, _("phase"), phase->name, "", cols);
	details_fields(dl, map, ref, cols);
}

static void details_phase(details_lines *dl, const cjm_map *map, cjm_ref ref, int cols)
{
	const cjm_phase *phase = map->phases[ref.phase];
	details_field(dl, _("phase"), phase->name, "", cols);
	details_field(dl, "id", phase->id, "", cols);
	details_field(dl, _("description"), phase->description, _("(none)"), cols);
	cjm_strlist names = { 0 };
	for (size_t t = 0; t < phase->touchpoint_count; t++)
		cjm_strlist_push(&names, phase->touchpoints[t]->name);
	details_list(dl, _("touchpoints"), &names, false, cols);
	cjm_strlist_clear(&names);
}

static void details_map(details_lines *dl, const cjm_map *map, int cols)
{
	cjm_ref ref = { CJM_REF_MAP, 0, 0 };
	details_formatted(dl, map, ref, CJM_F_TITLE, "", cols);
	details_fields(dl, map, ref, cols);
}

void details_draw(cjm_editor *ed, int rows, int cols)
{
	const cjm_map *map = cjm_editor_map(ed);
	cjm_ref ref = cjm_editor_selected_ref(ed);
	details_lines dl = { 0 };
	const char *what = _("the map");
	if (ref.kind == CJM_REF_TOUCHPOINT) {
		details_touchpoint(&dl, map, ref, cols);
		what = map->phases[ref.phase]->touchpoints[ref.tp]->name;
	} else if (ref.kind == CJM_REF_PHASE) {
		details_phase(&dl, map, ref, cols);
		what = map->phases[ref.phase]->name;
	} else {
		details_map(&dl, map, cols);
	}
	int height = rows - 2 > 1 ? rows - 2 : 1;
	size_t last = dl.count > (size_t)height ? dl.count - (size_t)height : 0;
	if (ed->overlay_scroll > last)
		ed->overlay_scroll = last;
	strbuf head = { 0 }, buf = { 0 };
	strbuf_printf(&head, _(" Details: %s"), what);
	if (dl.count > (size_t)height)
		strbuf_printf(&head, _("  (lines %zu-%zu of %zu, j/k scroll)"), ed->overlay_scroll + 1,
			      ed->overlay_scroll + (size_t)height, dl.count);
	strbuf_puts(&head, _("  i/q/Esc close"));
	cjm_text_pad(&buf, head.data, head.len, (size_t)cols);
	attron(A_REVERSE);
	mvaddstr(0, 0, buf.data);
	attroff(A_REVERSE);
	for (int y = 0; y < height; y++) {
		size_t i = ed->overlay_scroll + (size_t)y;
		move(1 + y, 0);
		clrtoeol();
		if (i >= dl.count)
			continue;
		strbuf_reset(&buf);
		cjm_text_put(&buf, dl.text[i], strlen(dl.text[i]), (size_t)cols);
		if (dl.heading[i])
			attron(A_BOLD);
		mvaddstr(1 + y, 0, buf.data ? buf.data : "");
		attroff(A_BOLD);
	}
	strbuf_release(&head);
	strbuf_release(&buf);
	details_release(&dl);
}
