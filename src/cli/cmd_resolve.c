/* `cjm resolve FILE [--ours|--theirs] [-o OUT]`: lists the conflicts a merge left in a map, or settles them all one way. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "edit/edit.h"
#include "io/load.h"
#include "io/save.h"
#include "merge/resolve.h"
#include "util/diag.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/visible.h"
#include "util/xalloc.h"

/* The width of "  ours:   " and "  theirs: ": where a value's further lines start. */
#define VALUE_INDENT 10

/* Prints TEXT (from the map: shown escaped) after HEAD, its further lines under the first. */
static void resolve_put_value(const char *head, const char *text, const char *absent)
{
	fputs(head, stdout);
	if (!text) {
		fputs(absent, stdout);
		fputc('\n', stdout);
		return;
	}
	for (const char *p = text;;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		char *line = xstrndup(p, len);
		visible_fputs(line, 0, stdout);
		free(line);
		fputc('\n', stdout);
		if (!nl)
			break;
		p = nl + 1;
		fprintf(stdout, "%*s", VALUE_INDENT, "");
	}
}

/* A name from the map, with what a terminal would act on escaped (malloc'd). */
static char *resolve_shown(const char *text)
{
	strbuf out = { 0 };
	visible_puts(&out, text, 0);
	return out.data ? out.data : xstrdup("");
}

/* The first line of a conflict's block: where it is and what it is about. */
static void resolve_put_where(const cjm_conflict *k)
{
	char *name = resolve_shown(k->name ? k->name : k->id);
	char *where;
	if (k->what == CJM_CONFLICT_PATTERN)
		/* TRANSLATORS: %s is a pattern's id (soften-negatives). */
		where = xasprintf(_("pattern %s"), name);
	else if (k->owner == CJM_REF_MAP)
		where = xstrdup(_("the map"));
	else if (k->owner == CJM_REF_PHASE)
		/* TRANSLATORS: %s is a phase's name (or its id). */
		where = xasprintf(_("phase '%s'"), name);
	else {
		char *phase = resolve_shown(k->phase_name);
		/* TRANSLATORS: a touchpoint's name, then its phase's name. */
		where = xasprintf(_("touchpoint '%s' in phase '%s'"), name, phase);
		free(phase);
	}
	char *what;
	if (k->what == CJM_CONFLICT_PATTERN)
		what = xstrdup(_("its settings"));
	else if (k->what == CJM_CONFLICT_ITEM && k->owner == CJM_REF_PHASE)
		what = xstrdup(_("the whole phase, which only one side has"));
	else if (k->what == CJM_CONFLICT_ITEM)
		what = xstrdup(_("the whole touchpoint, which only one side has"));
	else if (k->can_both)
		/* TRANSLATORS: %s is a list field's label (ideas). */
		what = xasprintf(_("%s (both sides' items can be kept)"), _(cjm_field_info_of(k->field)->label));
	else
		what = xstrdup(_(cjm_field_info_of(k->field)->label));
	printf("%s: %s\n", where, what);
	free(where);
	free(what);
	free(name);
}

/* "ours" or "ours (HEAD)": git's word for the side, and the label its marker gives. */
static char *resolve_side_name(const char *word, const char *label)
{
	if (!label || !*label || strcmp(label, word) == 0)
		return xstrdup(word);
	return xasprintf("%s (%s)", word, label);
}

/* Lists the conflicts of SHOWN; exit 1 (there is something to resolve). */
static int resolve_list(const char *shown, const cjm_conflicts *c)
{
	char *ours = resolve_side_name("ours", c->ours_label), *theirs = resolve_side_name("theirs", c->theirs_label);
	visible_fputs(shown, 0, stdout);
	if (c->count == 0)
		/* TRANSLATORS: after "FILE": the sides as git names them, with their labels. */
		printf(_(": conflict markers, but %s and %s hold the same map\n"), ours, theirs);
	else
		/* TRANSLATORS: after "FILE": how many conflicts, then the sides as git names them. */
		printf(P_(": %zu conflict between %s and %s\n", ": %zu conflicts between %s and %s\n", c->count),
		       c->count, ours, theirs);
	free(ours);
	free(theirs);
	for (size_t i = 0; i < c->count; i++) {
		const cjm_conflict *k = &c->at[i];
		fputc('\n', stdout);
		resolve_put_where(k);
		/* "ours" and "theirs" are git's words for the sides, as --ours and --theirs */
		resolve_put_value("  ours:   ", k->ours_text, _("(absent)"));
		resolve_put_value("  theirs: ", k->theirs_text, _("(absent)"));
	}
	char *file = resolve_shown(shown);
	/* TRANSLATORS: %s is the file; "cjm FILE" opens it in the editor. */
	printf(_("\nTake one side for all with --ours or --theirs, or one by one in the editor: cjm %s\n"), file);
	free(file);
	return CJM_EXIT_FOUND;
}

/* Writes MAP to OUT ("-": standard output). */
static int resolve_write(const cjm_map *map, const char *out)
{
	if (strcmp(out, "-") != 0)
		return cli_save_map(map, out);
	strbuf text = { 0 };
	cjm_save_to_buffer(map, &text);
	int code = cli_write_output("-", text.data ? text.data : "", text.len);
	strbuf_release(&text);
	return code;
}

/* Before FILE (PATH, holding TEXT) is rewritten without its COMMENTS: keeps TEXT in a new
 * backup, PATH.orig (or .orig.N). Returns an exit code; *BACKUP (malloc'd) the name. */
static int resolve_keep_backup(const char *path, const char *text, size_t len, char **backup)
{
	int err = cjm_keep_backup(path, text, len, backup);
	if (err == EEXIST) {
		cli_error(_("%s: has comments that cannot be kept, and %s.orig up to %s already exist; "
			    "move them away first (nothing was written)"),
			  path, path, *backup);
		return CJM_EXIT_CANTCREAT;
	}
	if (err) {
		cli_error(_("%s: cannot keep a backup: %s (nothing was written)"), *backup, strerror(err));
		return err == EACCES || err == EROFS || err == ENOENT ? CJM_EXIT_CANTCREAT : CJM_EXIT_IOERR;
	}
	return CJM_EXIT_OK;
}

/* Takes TAKE for every conflict and writes the map to OUT; when OUT is FILE itself and
 * FILE has comments, its TEXT is kept in a backup first. */
static int resolve_take(const char *shown, cjm_conflicts *c, cjm_take take, const char *out, bool in_place,
			const char *text, size_t len)
{
	cjm_edit *edit = cjm_edit_new(cjm_map_clone(c->ours));
	char *backup = NULL;
	int code = CJM_EXIT_OK;
	if (cjm_conflicts_take_all(c, edit, take) < 0) {
		cli_error("%s: %s", shown, cjm_edit_error(edit));
		code = CJM_EXIT_DATAERR;
	} else if (in_place && c->comments.count)
		code = resolve_keep_backup(out, text, len, &backup); /* on failure it said why */
	if (code == CJM_EXIT_OK) {
		code = resolve_write(cjm_edit_map(edit), out);
		if (code != CJM_EXIT_OK && backup)
			unlink(backup); /* FILE is unchanged: it still holds its comments */
		else if (backup)
			cli_error(_("%s: %zu comment(s) dropped; the original is kept in %s"), shown,
				  c->comments.count, backup);
	}
	free(backup);
	if (code == CJM_EXIT_OK)
		fprintf(stderr,
			take == CJM_TAKE_OURS
				? P_("%s: %zu conflict resolved with ours\n", "%s: %zu conflicts resolved with ours\n", c->count)
				: P_("%s: %zu conflict resolved with theirs\n", "%s: %zu conflicts resolved with theirs\n",
				     c->count),
			shown, c->count);
	cjm_edit_free(edit);
	return code;
}

/* The options, as given (a command runs once per process). */
static bool resolve_ours, resolve_theirs;
static const char *resolve_output;

static const cli_option resolve_options[] = {
	{ "--ours", NULL, NULL, CLI_FLAG, &resolve_ours,
	  N_("take our side (the first, after '<<<<<<<') for every conflict"), NULL, NULL },
	{ "--theirs", NULL, NULL, CLI_FLAG, &resolve_theirs,
	  N_("take their side (the second, before '>>>>>>>') for every conflict"), NULL, NULL },
	{ "--output", "-o", "OUT", CLI_VALUE, &resolve_output,
	  N_("with --ours or --theirs: write the map to OUT ('-': standard output);\n"
	  "default: FILE, in place"),
	  NULL, NULL },
	{ 0 },
};

static int cmd_resolve_run(int argc, char **argv)
{
	const char *path = NULL;
	int code = CJM_EXIT_OK;
	if (!cli_parse_one(&cjm_cmd_resolve, argc, argv, "FILE", _("no file to resolve"), &path, &code))
		return code;
	bool ours = resolve_ours, theirs = resolve_theirs;
	const char *out = resolve_output;
	if (ours && theirs)
		return cli_usage_error(&cjm_cmd_resolve, _("--ours and --theirs do not go together"));
	if (out && !ours && !theirs)
		return cli_usage_error(&cjm_cmd_resolve, _("-o needs --ours or --theirs"));
	if (!out && strcmp(path, "-") == 0 && (ours || theirs))
		return cli_usage_error(&cjm_cmd_resolve, _("FILE is standard input, so give -o OUT"));
	const char *shown = strcmp(path, "-") == 0 ? "<stdin>" : path;
	size_t len = 0;
	int err = 0;
	char *text = cjm_read_file(path, &len, &err);
	if (!text) {
		cjm_map_free(cli_load_map(path, &code)); /* reports why, the same way as every command */
		return code;
	}
	if (!cjm_has_conflict_markers(text, len)) {
		cjm_map *map = cli_load_text(path, text, len, &code, NULL);
		if (map) {
			visible_fputs(shown, 0, ours || theirs ? stderr : stdout);
			fputs(_(": no conflicts\n"), ours || theirs ? stderr : stdout);
			if (out) /* the map as it is, where it was asked for */
				code = resolve_write(map, out);
		}
		cjm_map_free(map);
		free(text);
		return code;
	}
	diag_list *diags = diag_list_new(shown);
	cjm_conflicts *c = cjm_conflicts_new(text, len, diags);
	diag_print(diags, stderr);
	diag_list_free(diags);
	if (!c)
		code = CJM_EXIT_DATAERR;
	else if (ours || theirs)
		code = resolve_take(shown, c, ours ? CJM_TAKE_OURS : CJM_TAKE_THEIRS, out ? out : path, !out, text, len);
	else
		code = resolve_list(shown, c);
	cjm_conflicts_free(c);
	free(text);
	return code;
}

const cjm_command cjm_cmd_resolve = {
	"resolve",
	"resolve [--ours | --theirs] [-o OUT] FILE",
	N_("list the conflicts a merge left in a map, or take one side for all"),
	resolve_options,
	cmd_resolve_run,
};
