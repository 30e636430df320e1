/* A diff as text for a reviewer (with optional colour) and as YAML for tools. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/yaml_out.h"
#include "merge/diff.h"
#include "util/i18n.h"
#include "util/number.h"
#include "util/utf8.h"
#include "util/visible.h"

#define ARROW "\xe2\x86\x92" /* → */

/* ANSI colours, or nothing when colour is off. */
struct render {
	strbuf *out;
	bool color;
};

static void render_color(struct render *r, const char *code)
{
	if (r->color && code[0])
		strbuf_printf(r->out, "\x1b[%sm", code);
}

static void render_reset(struct render *r)
{
	if (r->color)
		strbuf_puts(r->out, "\x1b[m");
}

#define COLOR_OLD "31"
#define COLOR_NEW "32"
#define COLOR_HEAD "1"
#define COLOR_MOVE "36"

/* TEXT with control characters escaped (\n, \t, \r, \\, \xHH, \uHHHH: visible_escaped),
 * so no byte of a map can drive the terminal. */
static void render_escaped(strbuf *out, const char *text)
{
	visible_puts(out, text, VISIBLE_BACKSLASH);
}

/* TEXT as text ('quoted'), as a word (an emotion signed: +2), or (none); coloured CODE. */
static void render_value(struct render *r, const cjm_change *c, const char *text, const char *code)
{
	if (!text) {
		strbuf_puts(r->out, _("(none)"));
		return;
	}
	render_color(r, code);
	bool colored = r->color && code[0];
	if (c->style == CJM_VALUE_TEXT) {
		strbuf_putc(r->out, '\'');
		render_escaped(r->out, text);
		strbuf_putc(r->out, '\'');
	} else {
		const cjm_field_info *info = cjm_field_info_of(c->field);
		if (info && info->kind == CJM_KIND_EMOTION && text[0] != '-' && strcmp(text, "0") != 0)
			strbuf_putc(r->out, '+');
		render_escaped(r->out, text);
	}
	if (colored)
		render_reset(r);
}

static void render_word(struct render *r, const char *word, const char *code)
{
	render_color(r, code);
	strbuf_puts(r->out, word);
	render_reset(r);
}

/* 'TEXT' for a name, as a string to pass to a message (free it). */
static char *name_text(const char *text)
{
	strbuf s = { 0 };
	strbuf_putc(&s, '\'');
	render_escaped(&s, text ? text : "");
	strbuf_putc(&s, '\'');
	return s.data; /* never NULL: it holds the quotes */
}

/* Where a touchpoint stands: "phase 'Name' position N" (WITH_PHASE) or "position N". */
static void render_place(struct render *r, const cjm_diff_place *at, bool with_phase)
{
	if (with_phase) {
		char *phase = name_text(at->phase_name);
		/* TRANSLATORS: where a touchpoint stands: phase 'Name' position 2. */
		strbuf_printf(r->out, _("phase %s position %zu"), phase, at->index);
		free(phase);
	} else {
		strbuf_printf(r->out, _("position %zu"), at->index);
	}
}

/* The line of change C, without its head. IN_ITEM: C is a field of an item added or removed
 * in this diff, so only the value is shown. */
static void render_line(struct render *r, const cjm_change *c, bool in_item)
{
	bool tp = c->target == CJM_TARGET_TOUCHPOINT;
	switch (c->kind) {
	case CJM_CHANGE_ADDED: {
		/* TRANSLATORS: the word (coloured) a line of cjm diff starts with when an item is new. */
		render_word(r, _("added"), COLOR_NEW);
		char *name = name_text(c->name);
		if (c->target == CJM_TARGET_TOUCHPOINT) {
			char *phase = name_text(c->new_at.phase_name);
			/* TRANSLATORS: after "added": in phase 'Phase' at position 2: 'Touchpoint'. */
			strbuf_printf(r->out, _(" in phase %s at position %zu: %s"), phase, c->new_at.index, name);
			free(phase);
		} else if (c->target == CJM_TARGET_PHASE) {
			/* TRANSLATORS: after "added": at position 2: 'Phase'. */
			strbuf_printf(r->out, _(" at position %zu: %s"), c->new_at.index, name);
		}
		free(name);
		break;
	}
	case CJM_CHANGE_REMOVED: {
		/* TRANSLATORS: the word (coloured) a line of cjm diff starts with when an item is gone. */
		render_word(r, _("removed"), COLOR_OLD);
		char *name = name_text(c->name);
		if (tp) {
			char *phase = name_text(c->old_at.phase_name);
			/* TRANSLATORS: after "removed": (was 'Touchpoint' in phase 'Phase', at position 2). */
			strbuf_printf(r->out, _(" (was %s in phase %s, at position %zu)"), name, phase, c->old_at.index);
			free(phase);
		} else if (c->target == CJM_TARGET_PHASE) {
			/* TRANSLATORS: after "removed": (was 'Phase' at position 2). */
			strbuf_printf(r->out, _(" (was %s at position %zu)"), name, c->old_at.index);
		}
		free(name);
		break;
	}
	case CJM_CHANGE_RENAMED:
		/* TRANSLATORS: before the old name, the arrow and the new name: renamed 'A' → 'B'. */
		strbuf_puts(r->out, _("renamed "));
		render_value(r, c, c->old_text, COLOR_OLD);
		strbuf_puts(r->out, " " ARROW " ");
		render_value(r, c, c->new_text, COLOR_NEW);
		break;
	case CJM_CHANGE_MOVED: {
		bool across = tp && strcmp(c->old_at.phase_id, c->new_at.phase_id) != 0;
		/* TRANSLATORS: the word (coloured) a line of cjm diff starts with when an item moved. */
		render_word(r, _("moved"), COLOR_MOVE);
		strbuf from = { 0 }, to = { 0 };
		struct render rf = { &from, false }, rt = { &to, false };
		render_place(&rf, &c->old_at, across);
		render_place(&rt, &c->new_at, across);
		if (tp && !across) {
			char *phase = name_text(c->new_at.phase_name);
			/* TRANSLATORS: after "moved": in phase 'Phase' from position 1 to position 3. */
			strbuf_printf(r->out, _(" in phase %s from %s to %s"), phase, from.data, to.data);
			free(phase);
		} else {
			/* TRANSLATORS: after "moved": from position 1 to position 3 (or from phase 'A'
			 * position 1 to phase 'B' position 2). */
			strbuf_printf(r->out, _(" from %s to %s"), from.data, to.data);
		}
		strbuf_release(&from);
		strbuf_release(&to);
		break;
	}
	case CJM_CHANGE_FIELD:
		strbuf_printf(r->out, "%s: ", c->key);
		if (in_item) {
			render_value(r, c, c->new_text ? c->new_text : c->old_text, "");
		} else {
			render_value(r, c, c->old_text, COLOR_OLD);
			strbuf_puts(r->out, " " ARROW " ");
			render_value(r, c, c->new_text, COLOR_NEW);
		}
		break;
	case CJM_CHANGE_ITEM_ADDED:
	case CJM_CHANGE_ITEM_REMOVED: {
		bool added = c->kind == CJM_CHANGE_ITEM_ADDED;
		strbuf_printf(r->out, "%s: ", c->key);
		if (!in_item) {
			render_word(r, added ? _("added") : _("removed"), added ? COLOR_NEW : COLOR_OLD);
			strbuf_putc(r->out, ' ');
		}
		render_value(r, c, added ? c->new_text : c->old_text, in_item ? "" : added ? COLOR_NEW : COLOR_OLD);
		break;
	}
	case CJM_CHANGE_REORDERED:
		/* TRANSLATORS: %s is a field's key (pains, ideas, ...): its items have a new order. */
		strbuf_printf(r->out, _("%s: reordered"), c->key);
		break;
	}
}

static bool render_is_structure(const cjm_change *c)
{
	return c->kind == CJM_CHANGE_ADDED || c->kind == CJM_CHANGE_REMOVED || c->kind == CJM_CHANGE_RENAMED ||
	       c->kind == CJM_CHANGE_MOVED;
}

/* What C is about, as the heads of cjm diff's text name it. */
static const char *render_target_word(cjm_change_target target)
{
	switch (target) {
	/* TRANSLATORS: the words heading a group of cjm diff's lines: "touchpoint ID". */
	case CJM_TARGET_MAP: return _("map");
	case CJM_TARGET_PATTERN: return _("pattern");
	case CJM_TARGET_PHASE: return _("phase");
	case CJM_TARGET_TOUCHPOINT: return _("touchpoint");
	case CJM_TARGET_DISMISSAL: return _("dismissal");
	}
	return "?";
}

/* "touchpoint ID", "phase ID", "pattern ID", "dismissal PATTERN" */
static void render_head(struct render *r, const cjm_change *c)
{
	render_color(r, COLOR_HEAD);
	strbuf_printf(r->out, "%s ", render_target_word(c->target));
	render_escaped(r->out, c->id ? c->id : "");
	render_reset(r);
}

/* The changes [FIRST, END) of one item. */
static void render_group(struct render *r, const cjm_change *first, const cjm_change *end)
{
	if (first->target == CJM_TARGET_MAP) {
		for (const cjm_change *c = first; c < end; c++) {
			render_line(r, c, false);
			strbuf_putc(r->out, '\n');
		}
		return;
	}
	if (first->target == CJM_TARGET_DISMISSAL) {
		for (const cjm_change *c = first; c < end; c++) {
			render_color(r, COLOR_HEAD);
			strbuf pattern = { 0 }, on = { 0 };
			render_escaped(&pattern, c->id ? c->id : "");
			const char *target = c->kind == CJM_CHANGE_ADDED ? c->new_text : c->old_text;
			render_escaped(&on, target ? target : "");
			/* TRANSLATORS: a dismissed suggestion: dismissal PATTERN-ID of TARGET-ID. */
			strbuf_printf(r->out, _("dismissal %s of %s"), pattern.data ? pattern.data : "", on.data ? on.data : "");
			strbuf_release(&pattern);
			strbuf_release(&on);
			render_reset(r);
			strbuf_puts(r->out, ": ");
			render_line(r, c, false);
			strbuf_putc(r->out, '\n');
		}
		return;
	}
	render_head(r, first);
	const cjm_change *c = first;
	bool in_item = false;
	if (first->kind == CJM_CHANGE_ADDED || first->kind == CJM_CHANGE_REMOVED ||
	    (end - first == 1 && (render_is_structure(first) || first->target == CJM_TARGET_PATTERN))) {
		/* one line says it all, or heads the fields the item has (added) or had (removed) */
		strbuf_puts(r->out, ": ");
		in_item = first->kind == CJM_CHANGE_ADDED || first->kind == CJM_CHANGE_REMOVED;
		render_line(r, c++, false);
	} else if (first->target != CJM_TARGET_PATTERN) {
		char *name = name_text(first->name);
		if (first->target == CJM_TARGET_TOUCHPOINT) {
			char *phase = name_text(first->at.phase_name);
			/* TRANSLATORS: after "touchpoint ID": ('Touchpoint', phase 'Phase'). */
			strbuf_printf(r->out, _(" (%s, phase %s)"), name, phase);
			free(phase);
		} else {
			strbuf_printf(r->out, " (%s)", name);
		}
		free(name);
		strbuf_putc(r->out, ':');
	} else {
		strbuf_putc(r->out, ':');
	}
	strbuf_putc(r->out, '\n');
	for (; c < end; c++) {
		strbuf_puts(r->out, "  ");
		render_line(r, c, in_item);
		strbuf_putc(r->out, '\n');
	}
}

/* Whether A and B are about the same item (each dismissal stands alone). */
static bool render_same_item(const cjm_change *a, const cjm_change *b)
{
	if (a->target != b->target || a->target == CJM_TARGET_DISMISSAL)
		return false;
	return a->target == CJM_TARGET_MAP || (a->id && b->id && strcmp(a->id, b->id) == 0);
}

/* A mean or a peak-end score with its sign: +0.10, -2.0, 0.00 (with the interface's
 * decimal separator: +0,10 under Dutch). */
static void render_signed(strbuf *out, double x, int decimals)
{
	double unit = decimals == 2 ? 0.005 : 0.05;
	char buf[32];
	if (fabs(x) < unit)
		snprintf(buf, sizeof buf, "%.*f", decimals, 0.0);
	else
		snprintf(buf, sizeof buf, "%+.*f", decimals, x);
	char *dot = strchr(buf, '.');
	if (dot) {
		*dot = '\0';
		strbuf_printf(out, "%s%s%s", buf, i18n_decimal_point(), dot + 1);
	} else {
		strbuf_puts(out, buf);
	}
}

static void render_emotion(strbuf *out, int x)
{
	if (x == 0)
		strbuf_puts(out, "0");
	else
		strbuf_printf(out, "%+d", x);
}

/* One figure: "peak -3 → +2", or "peak -3" when unchanged. */
static void render_figure(struct render *r, const char *label, const cjm_diff_figures *a, const cjm_diff_figures *b,
			  int which)
{
	strbuf before = { 0 }, after = { 0 };
	const cjm_diff_figures *side[2] = { a, b };
	strbuf *text[2] = { &before, &after };
	for (int i = 0; i < 2; i++) {
		if (!side[i]->scored)
			/* TRANSLATORS: a figure of cjm diff's journey line when no emotion is scored. */
			strbuf_puts(text[i], _("none"));
		else if (which == 0)
			render_signed(text[i], side[i]->mean, 2);
		else if (which == 1)
			render_emotion(text[i], side[i]->peak);
		else if (which == 2)
			render_emotion(text[i], side[i]->end);
		else
			render_signed(text[i], side[i]->peak_end, 1);
	}
	strbuf_printf(r->out, "%s ", label);
	if (strcmp(before.data, after.data) == 0) {
		strbuf_puts(r->out, after.data);
	} else {
		render_color(r, COLOR_OLD);
		strbuf_puts(r->out, before.data);
		render_reset(r);
		strbuf_puts(r->out, " " ARROW " ");
		render_color(r, COLOR_NEW);
		strbuf_puts(r->out, after.data);
		render_reset(r);
	}
	strbuf_release(&before);
	strbuf_release(&after);
}

void cjm_diff_render_text(strbuf *out, const cjm_diff *diff, const cjm_diff_render_options *options)
{
	struct render r = { out, options && options->color };
	if (diff->count == 0)
		return;
	for (size_t i = 0; i < diff->count;) {
		size_t j = i + 1;
		while (j < diff->count && render_same_item(&diff->changes[i], &diff->changes[j]))
			j++;
		render_group(&r, &diff->changes[i], &diff->changes[j]);
		i = j;
	}
	render_color(&r, COLOR_HEAD);
	/* TRANSLATORS: heads the line of cjm diff with the journey's figures before and after. */
	strbuf_puts(out, _("journey:"));
	render_reset(&r);
	static const char *const labels[] = { N_("mean emotion"), N_("peak"), N_("end"), N_("peak-end score") };
	for (int k = 0; k < 4; k++) {
		strbuf_puts(out, k ? ", " : " ");
		render_figure(&r, _(labels[k]), &diff->before, &diff->after, k);
	}
	if (cjm_diff_figures_equal(&diff->before, &diff->after))
		strbuf_puts(out, _(" (unchanged)"));
	strbuf_putc(out, '\n');
}

/* ---- YAML, with libyaml's emitter ---- */

static void yaml_pair(cjm_yaml_out *em, const char *key, const char *value, bool is_text)
{
	cjm_yaml_scalar(em, key, false);
	if (value)
		cjm_yaml_scalar(em, value, is_text);
	else
		cjm_yaml_scalar(em, "null", false);
}

static void yaml_number(cjm_yaml_out *em, const char *key, double x)
{
	char buf[NUMBER_TEXT_MAX];
	number_format(buf, x);
	yaml_pair(em, key, buf, false);
}

static void yaml_place(cjm_yaml_out *em, const char *key, const cjm_change *c, const cjm_diff_place *at)
{
	cjm_yaml_scalar(em, key, false);
	cjm_yaml_mapping(em, true);
	if (c->target == CJM_TARGET_TOUCHPOINT)
		yaml_pair(em, "phase", at->phase_id, true);
	yaml_number(em, "position", (double)at->index);
	cjm_yaml_mapping(em, false);
}

static void yaml_change(cjm_yaml_out *em, const cjm_change *c)
{
	bool is_text = c->style == CJM_VALUE_TEXT;
	cjm_yaml_mapping(em, true);
	yaml_pair(em, "kind", cjm_change_target_name(c->target), false);
	yaml_pair(em, "change", cjm_change_kind_name(c->kind), false);
	if (c->target == CJM_TARGET_DISMISSAL) {
		yaml_pair(em, "pattern", c->id, true);
		yaml_pair(em, "target", c->kind == CJM_CHANGE_ADDED ? c->new_text : c->old_text, true);
		cjm_yaml_mapping(em, false);
		return;
	}
	if (c->target != CJM_TARGET_MAP)
		yaml_pair(em, "id", c->id, true);
	if (c->target == CJM_TARGET_PHASE || c->target == CJM_TARGET_TOUCHPOINT) {
		yaml_pair(em, "name", c->name, true);
		if (c->target == CJM_TARGET_TOUCHPOINT)
			yaml_pair(em, "phase", c->at.phase_id, true);
		yaml_number(em, "position", (double)c->at.index);
	}
	switch (c->kind) {
	case CJM_CHANGE_MOVED:
		yaml_place(em, "from", c, &c->old_at);
		yaml_place(em, "to", c, &c->new_at);
		break;
	case CJM_CHANGE_RENAMED:
	case CJM_CHANGE_FIELD:
		if (c->key)
			yaml_pair(em, "field", c->key, false);
		yaml_pair(em, "old", c->old_text, is_text);
		yaml_pair(em, "new", c->new_text, is_text);
		break;
	case CJM_CHANGE_ITEM_ADDED:
	case CJM_CHANGE_ITEM_REMOVED:
	case CJM_CHANGE_REORDERED:
		yaml_pair(em, "field", c->key, false);
		if (c->kind != CJM_CHANGE_REORDERED)
			yaml_pair(em, "item", c->kind == CJM_CHANGE_ITEM_ADDED ? c->new_text : c->old_text, is_text);
		break;
	case CJM_CHANGE_ADDED:
	case CJM_CHANGE_REMOVED:
		break;
	}
	cjm_yaml_mapping(em, false);
}

static void yaml_figures(cjm_yaml_out *em, const char *key, const cjm_diff_figures *f)
{
	cjm_yaml_scalar(em, key, false);
	cjm_yaml_mapping(em, true);
	yaml_number(em, "scored", (double)f->scored);
	if (f->scored) {
		yaml_number(em, "mean", f->mean);
		yaml_number(em, "peak", f->peak);
		yaml_number(em, "end", f->end);
		yaml_number(em, "peak_end", f->peak_end);
	}
	cjm_yaml_mapping(em, false);
}

void cjm_diff_render_yaml(strbuf *out, const cjm_diff *diff)
{
	cjm_yaml_out *em = cjm_yaml_out_begin(out);
	cjm_yaml_mapping(em, true);
	yaml_pair(em, "same", diff->count ? "false" : "true", false);
	cjm_yaml_scalar(em, "changes", false);
	cjm_yaml_sequence(em, true);
	for (size_t i = 0; i < diff->count; i++)
		yaml_change(em, &diff->changes[i]);
	cjm_yaml_sequence(em, false);
	cjm_yaml_scalar(em, "journey", false);
	cjm_yaml_mapping(em, true);
	yaml_figures(em, "before", &diff->before);
	yaml_figures(em, "after", &diff->after);
	cjm_yaml_mapping(em, false);
	cjm_yaml_mapping(em, false);
	cjm_yaml_out_end(em);
}
