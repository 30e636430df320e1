/* `cjm suggest FILE [--pattern ID]... [--format text|yaml] [--all]`: runs the patterns and lists their suggestions. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "io/yaml_out.h"
#include "patterns/builtin.h"
#include "patterns/registry.h"
#include "patterns/suggest.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/xalloc.h"
#include "util/visible.h"
#include "util/i18n.h"

enum suggest_format { FORMAT_TEXT, FORMAT_YAML };

/* A copy of TEXT safe to print: every character a terminal would act on escaped
 * (but line breaks, when KEEP_NEWLINES). Patterns are plugins: trust no byte. */
static char *suggest_clean(const char *text, bool keep_newlines)
{
	strbuf out = { 0 };
	visible_puts(&out, text, keep_newlines ? VISIBLE_KEEP_NEWLINE : 0);
	return out.data ? out.data : xstrdup("");
}

/* Whether a proposal is complete enough to show (a plugin may hand over anything). */
static bool suggest_has_edit(const cjm_suggestion *s)
{
	switch ((int)s->kind) { /* an int: a plugin may hand over any number */
	case CJM_PROPOSE_IDEA: return s->text != NULL;
	case CJM_PROPOSE_TOUCHPOINT: return s->text != NULL && s->phase != NULL;
	case CJM_PROPOSE_REMOVE: return true;
	case CJM_PROPOSE_MOVE: return s->phase != NULL;
	default: break;
	}
	return false;
}

static const char *suggest_kind_name(cjm_proposal_kind kind)
{
	switch (kind) {
	case CJM_PROPOSE_IDEA: return "idea";
	case CJM_PROPOSE_TOUCHPOINT: return "touchpoint";
	case CJM_PROPOSE_REMOVE: return "remove";
	case CJM_PROPOSE_MOVE: return "move";
	case CJM_PROPOSE_NOTHING: break;
	}
	return "nothing";
}

/* Appends LINES to OUT, each line indented by four spaces. */
static void suggest_put_indented(strbuf *out, const char *lines)
{
	const char *p = lines;
	do {
		size_t len = strcspn(p, "\n");
		strbuf_puts(out, "    ");
		strbuf_add(out, p, len);
		strbuf_putc(out, '\n');
		p += len;
	} while (*p++ == '\n' && *p);
}

/* The edit S proposes, in words, appended to OUT: TEXT and PHASE are S's, cleaned. */
static void suggest_put_edit(strbuf *out, const cjm_suggestion *s, const char *text, const char *phase)
{
	bool end = s->position == (size_t)-1, start = s->position == 0;
	switch ((int)s->kind) {
	case CJM_PROPOSE_IDEA:
		/* TRANSLATORS: %s is the idea's text. */
		strbuf_printf(out, _("add the idea \"%s\""), text);
		break;
	case CJM_PROPOSE_TOUCHPOINT:
		if (end)
			/* TRANSLATORS: the touchpoint's text, then the phase's id (orient). */
			strbuf_printf(out, _("add the touchpoint \"%s\" to phase %s, at the end"), text, phase);
		else if (start)
			/* TRANSLATORS: the touchpoint's text, then the phase's id (orient). */
			strbuf_printf(out, _("add the touchpoint \"%s\" to phase %s, at the start"), text, phase);
		else
			/* TRANSLATORS: the touchpoint's text, the phase's id (orient), then the place in it (3). */
			strbuf_printf(out, _("add the touchpoint \"%s\" to phase %s, as touchpoint %zu"), text, phase,
				      s->position + 1);
		break;
	case CJM_PROPOSE_REMOVE:
		strbuf_puts(out, _("remove it"));
		break;
	case CJM_PROPOSE_MOVE:
		if (end)
			/* TRANSLATORS: %s is the phase's id (orient). */
			strbuf_printf(out, _("move it to phase %s, at the end"), phase);
		else if (start)
			/* TRANSLATORS: %s is the phase's id (orient). */
			strbuf_printf(out, _("move it to phase %s, at the start"), phase);
		else
			/* TRANSLATORS: the phase's id (orient), then the place in it (3). */
			strbuf_printf(out, _("move it to phase %s, as touchpoint %zu"), phase, s->position + 1);
		break;
	default:
		break;
	}
}

static void suggest_put_proposal(strbuf *out, const cjm_suggestion *s)
{
	if (!suggest_has_edit(s))
		return;
	char *text = suggest_clean(s->text, false);
	char *phase = suggest_clean(s->phase, false);
	strbuf edit = { 0 };
	suggest_put_edit(&edit, s, text, phase);
	/* TRANSLATORS: %s is the edit a suggestion proposes ("add the idea ..."). */
	strbuf_printf(out, _("    proposes: %s\n"), edit.data ? edit.data : "");
	strbuf_release(&edit);
	free(text);
	free(phase);
}

/* Whether S is an entry of the list shown: by default the cards a room can take in
 * (CJM_CARD, not dismissed); under --all every suggestion. */
static bool suggest_listed(const cjm_suggestion *s, bool show_all)
{
	return show_all || (!s->dismissed && s->card == CJM_CARD);
}

static void suggest_render_one(strbuf *out, const cjm_suggestion *s, bool show_all)
{
	char *pattern = suggest_clean(s->pattern, false);
	char *target = suggest_clean(s->target, false);
	char *title = suggest_clean(s->title, false);
	char *rationale = suggest_clean(s->rationale, true);
	strbuf_printf(out, "[%d] %s  %s%s%s\n", s->priority, pattern, target, s->dismissed ? _("  (dismissed)") : "",
		      s->card == CJM_DONE && !s->dismissed ? _("  (already on the map)") : "");
	suggest_put_indented(out, title);
	if (rationale[0])
		suggest_put_indented(out, rationale);
	suggest_put_proposal(out, s);
	if (s->why) {
		char *why = suggest_clean(s->why, false);
		/* TRANSLATORS: %s says why the suggestion is made where it is. */
		strbuf_printf(out, _("    why here: %s\n"), why);
		free(why);
	}
	if (s->also && !show_all) {
		char *also = suggest_clean(s->also, false);
		/* TRANSLATORS: %s lists the other suggestions folded under this one. */
		strbuf_printf(out, _("    also: %s\n"), also);
		free(also);
	}
	free(pattern);
	free(target);
	free(title);
	free(rationale);
}

/* The entries, then what the list leaves out: BEYOND cards past the limits, DONE
 * suggestions the map holds, and HIDDEN dismissed ones. */
static void suggest_render_text(strbuf *out, const cjm_suggestions *list, bool show_all, size_t beyond, size_t done,
				size_t hidden)
{
	bool first = true;
	for (size_t i = 0; i < list->count; i++) {
		if (!suggest_listed(&list->items[i], show_all))
			continue;
		if (!first)
			strbuf_putc(out, '\n');
		first = false;
		suggest_render_one(out, &list->items[i], show_all);
	}
	if (first)
		strbuf_puts(out, _("No suggestions.\n"));
	if (show_all)
		return;
	if (beyond)
		strbuf_printf(out, P_("\nand %zu more: cjm suggest --all\n", "\nand %zu more: cjm suggest --all\n", beyond), beyond);
	if (done)
		strbuf_printf(out, P_("%s(%zu suggestion already on the map, not proposed again)\n",
				      "%s(%zu suggestions already on the map, not proposed again)\n", done),
			      beyond ? "" : "\n", done);
	if (hidden)
		/* TRANSLATORS: the first %s is an empty line or nothing. */
		strbuf_printf(out, P_("%s(%zu dismissed suggestion not shown; --all shows it)\n",
				      "%s(%zu dismissed suggestions not shown; --all shows them)\n", hidden),
			      first || beyond || done ? "" : "\n", hidden);
}

/* ---- YAML, with libyaml's emitter ---- */

static void suggest_yaml_text(cjm_yaml_out *em, const char *key, const char *text)
{
	char *clean = suggest_clean(text, true);
	cjm_yaml_scalar(em, key, false);
	cjm_yaml_scalar(em, clean, true);
	free(clean);
}

static void suggest_yaml_word(cjm_yaml_out *em, const char *key, const char *word)
{
	cjm_yaml_scalar(em, key, false);
	cjm_yaml_scalar(em, word, false);
}

static const char *suggest_card_name(cjm_card card)
{
	switch (card) {
	case CJM_FOLDED: return "folded";
	case CJM_DONE: return "done";
	case CJM_BEYOND: return "beyond";
	case CJM_CARD: break;
	}
	return "card";
}

/* One entry; by default a card carries the suggestions folded under it (LIST, INDEX)
 * under `also:`; under --all each says where the default list puts it. */
static void suggest_yaml_one(cjm_yaml_out *em, const cjm_suggestions *list, size_t index, bool show_all, bool nested)
{
	const cjm_suggestion *s = &list->items[index];
	char number[24];
	cjm_yaml_mapping(em, true);
	suggest_yaml_text(em, "pattern", s->pattern);
	suggest_yaml_text(em, "target", s->target);
	suggest_yaml_text(em, "title", s->title);
	suggest_yaml_text(em, "rationale", s->rationale);
	snprintf(number, sizeof number, "%d", s->priority);
	suggest_yaml_word(em, "priority", number);
	if (s->why)
		suggest_yaml_text(em, "why", s->why);
	if (show_all) {
		suggest_yaml_word(em, "dismissed", s->dismissed ? "true" : "false");
		suggest_yaml_word(em, "listed", suggest_card_name(s->card));
		if (s->card == CJM_FOLDED) {
			snprintf(number, sizeof number, "%zu", s->lead);
			suggest_yaml_word(em, "folded-under", number);
			suggest_yaml_word(em, "same-idea", s->same_idea ? "true" : "false");
		}
	}
	if (suggest_has_edit(s)) {
		cjm_yaml_scalar(em, "edit", false);
		cjm_yaml_mapping(em, true);
		suggest_yaml_word(em, "kind", suggest_kind_name(s->kind));
		if (s->kind == CJM_PROPOSE_IDEA || s->kind == CJM_PROPOSE_TOUCHPOINT)
			suggest_yaml_text(em, "text", s->text);
		if (s->kind == CJM_PROPOSE_TOUCHPOINT || s->kind == CJM_PROPOSE_MOVE) {
			suggest_yaml_text(em, "phase", s->phase);
			if (s->position != (size_t)-1) {
				snprintf(number, sizeof number, "%zu", s->position);
				suggest_yaml_word(em, "position", number);
			}
		}
		cjm_yaml_mapping(em, false);
	}
	if (!show_all && !nested && s->also) {
		cjm_yaml_scalar(em, "also", false);
		cjm_yaml_sequence(em, true);
		for (size_t j = index + 1; j < list->count; j++)
			if (list->items[j].card == CJM_FOLDED && list->items[j].lead == index)
				suggest_yaml_one(em, list, j, false, true);
		cjm_yaml_sequence(em, false);
	}
	cjm_yaml_mapping(em, false);
}

static void suggest_render_yaml(strbuf *out, const cjm_suggestions *list, bool show_all)
{
	cjm_yaml_out *em = cjm_yaml_out_begin(out);
	cjm_yaml_sequence(em, true);
	for (size_t i = 0; i < list->count; i++)
		if (suggest_listed(&list->items[i], show_all))
			suggest_yaml_one(em, list, i, show_all, false);
	cjm_yaml_sequence(em, false);
	cjm_yaml_out_end(em);
}

/* ---- the command ---- */

/* The usage error for an unknown pattern id, naming the ones there are. */
static int suggest_unknown_pattern(const cjm_registry *reg, const char *id)
{
	strbuf known = { 0 };
	for (size_t i = 0; i < reg->count; i++)
		strbuf_printf(&known, "%s%s", i ? ", " : "", reg->entries[i].pattern->id);
	char *clean = suggest_clean(id, false);
	int rc = cli_usage_error(&cjm_cmd_suggest, _("no pattern '%s'; the patterns are: %s"), clean,
				 known.data ? known.data : _("(none)"));
	free(clean);
	strbuf_release(&known);
	return rc;
}

/* Plugins that could not be used: said on stderr, and the rest run. */
static void suggest_report_failures(const cjm_plugin_failure *failures, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		char *text = cjm_plugin_failure_text(&failures[i], false);
		cli_error("%s", text);
		free(text);
	}
}

/* The options, as given (a command runs once per process). */
static cli_list suggest_patterns;
static const char *suggest_format_name = "text";
static bool suggest_all;

static const cli_option suggest_options[] = {
	{ "--pattern", "-p", "ID", CLI_REPEATED, &suggest_patterns,
	  N_("run only pattern ID (repeat for more); see cjm patterns"), NULL, NULL },
	{ "--format", "-f", "FORMAT", CLI_VALUE, &suggest_format_name, N_("text (the default) or yaml"), NULL, NULL },
	{ "--all", "-a", NULL, CLI_FLAG, &suggest_all, N_("list every suggestion: folded, past the limits, already on the map and dismissed ones too"), NULL,
	  NULL },
	{ 0 },
};

static int cmd_suggest_run(int argc, char **argv)
{
	const char *file;
	int rc = CJM_EXIT_OK;
	bool parsed = cli_parse_one(&cjm_cmd_suggest, argc, argv, "FILE", N_("which map? give a FILE"), &file, &rc);
	const char **only = suggest_patterns.items;
	size_t only_count = suggest_patterns.count;
	bool show_all = suggest_all;
	enum suggest_format format = FORMAT_TEXT;
	if (parsed && strcmp(suggest_format_name, "yaml") == 0)
		format = FORMAT_YAML;
	else if (parsed && strcmp(suggest_format_name, "text") != 0)
		rc = cli_usage_error(&cjm_cmd_suggest, _("unknown format '%s'; the formats are text and yaml"),
				     suggest_format_name);
	if (!parsed || rc != CJM_EXIT_OK) {
		cli_list_release(&suggest_patterns);
		return rc;
	}

	cjm_registry *reg = cjm_registry_new(true);
	/* first, so that a --pattern of a plugin that is disabled is explained */
	suggest_report_failures(reg->failures, reg->failure_count);
	for (size_t i = 0; i < only_count && rc == CJM_EXIT_OK; i++)
		if (!cjm_registry_find(reg, only[i]))
			rc = suggest_unknown_pattern(reg, only[i]);
	cjm_map *map = NULL;
	if (rc == CJM_EXIT_OK)
		map = cli_load_map(file, &rc);
	if (!map) {
		cjm_registry_free(reg);
		cli_list_release(&suggest_patterns);
		return rc;
	}

	cli_warn_pattern_refs(file, map, reg);
	cjm_suggestions *list = cjm_suggest(map, reg, only, only_count, true);
	suggest_report_failures(list->failures, list->failure_count); /* the exit status stays the suggestions' */
	size_t beyond = cjm_suggestions_arrange(list, map, CJM_CARDS_PER_PHASE, show_all);
	size_t active = 0, hidden = 0, done = 0;
	for (size_t i = 0; i < list->count; i++) {
		if (list->items[i].dismissed)
			hidden++;
		else if (list->items[i].card == CJM_DONE)
			done++;
		else
			active++;
	}
	strbuf out = { 0 };
	if (format == FORMAT_YAML)
		suggest_render_yaml(&out, list, show_all);
	else
		suggest_render_text(&out, list, show_all, beyond, done, hidden);
	rc = active ? CJM_EXIT_FOUND : CJM_EXIT_OK;
	int written = cli_write_output(NULL, out.data ? out.data : "", out.len);
	if (written != CJM_EXIT_OK)
		rc = written;
	strbuf_release(&out);
	cjm_suggestions_free(list);
	cjm_map_free(map);
	cjm_registry_free(reg);
	cli_list_release(&suggest_patterns);
	return rc;
}

const cjm_command cjm_cmd_suggest = {
	"suggest",
	"suggest FILE [--pattern ID]... [--format text|yaml] [--all]",
	N_("run the patterns and list their suggestions"),
	suggest_options,
	cmd_suggest_run,
};
