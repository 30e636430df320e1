/* `cjm [edit] FILE`: opens the full-screen editor, after recovery and lock checks. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "editor/conflicts.h"
#include "editor/editor.h"
#include "io/load.h"
#include "io/recover.h"
#include "merge/resolve.h"
#include "tui/tui.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include "util/i18n.h"

/* TEXT holds conflict markers: the map to edit, a copy of its OURS side, and *CONFLICTS;
 * NULL with the errors printed (at the file's lines) when its sides do not load. */
static cjm_map *edit_open_conflicted(const char *path, const char *text, size_t len, int *code,
				     cjm_conflicts **conflicts)
{
	diag_list *diags = diag_list_new(path);
	*conflicts = cjm_conflicts_new(text, len, diags);
	if (!*conflicts && diags->count == 0) {
		diag_list_free(diags);
		return cli_load_text(path, text, len, code, NULL); /* says why, as every command does */
	}
	diag_print(diags, stderr);
	diag_list_free(diags);
	if (!*conflicts) {
		*code = CJM_EXIT_DATAERR;
		return NULL;
	}
	return cjm_map_clone((*conflicts)->ours);
}

/* Whether the file at PATH holds conflict markers now (after the editor quit). */
static bool edit_still_marked(const char *path)
{
	size_t len = 0;
	int err = 0;
	char *text = cjm_read_file(path, &len, &err);
	bool marked = text && cjm_has_conflict_markers(text, len);
	free(text);
	return marked;
}

/* The map in PATH, or a new empty one when PATH does not exist yet. *DISK gets the
 * stamp of what was read, so that a save sees whether the file changed since. A file
 * with conflict markers gives its OURS side and *CONFLICTS. */
static cjm_map *edit_open_map(const char *path, int *code, size_t *comments, cjm_file_stamp *disk,
			      cjm_conflicts **conflicts)
{
	size_t len = 0;
	int err = 0;
	char *text = cjm_file_read_stamped(path, &len, &err, disk);
	if (!text && err == ENOENT) {
		char *title = cli_title_from_path(path);
		cjm_map *map = cjm_map_new(title);
		free(title);
		return map;
	}
	if (!text)
		return cli_load_map(path, code); /* says why, as every command does */
	cjm_comments found = { 0 };
	cjm_map *map = cjm_has_conflict_markers(text, len) ? edit_open_conflicted(path, text, len, code, conflicts)
							   : cli_load_text(path, text, len, code, &found);
	if (map && *conflicts)
		found = (*conflicts)->comments; /* outside the markers and on both sides */
	free(text);
	*comments = map ? found.count : 0;
	if (!map)
		cli_error(_("%s: fix the problems above (cjm validate %s), then open it again; nothing was changed"),
			  path, path);
	return map;
}

/* The first error of DIAGS, for a one-line message. */
static const char *edit_first_error(const diag_list *diags)
{
	const diag *first = diag_first_error(diags);
	return first ? first->message : _("not a valid map");
}

/* A recovery file that cannot be read is never overwritten or removed: it is moved aside
 * to a numbered name, so the editor can keep its own. When that fails too, the map
 * opens read-only, which writes no recovery file. *MESSAGE says where it went. */
static void edit_keep_unreadable(cjm_recovery *rec, const char *why, bool *read_only, char **message)
{
	char *where = NULL;
	int err = cjm_recovery_move_aside(rec, &where);
	strbuf q = { 0 };
	if (err == 0) {
		strbuf_printf(&q,
			      _("The recovery file %s cannot be read (%s).\n\n"
			      "It is kept as it is, moved aside to\n"
			      "  %s\n\n"
			      "(cjm validate says what is wrong with it.) Press o to open the map."),
			      cjm_recovery_path(rec), why, where);
		*message = xasprintf(_("the unreadable recovery file is kept in %s"), where);
	} else {
		strbuf_printf(&q,
			      _("The recovery file %s cannot be read (%s), and cannot be moved aside (%s).\n\n"
			      "So that nothing overwrites it, the map opens read-only.\n\n"
			      "Press o to open the map."),
			      cjm_recovery_path(rec), why, strerror(err));
		*message = xasprintf(_("read-only: the unreadable recovery file %s could not be moved aside (%s)"),
				     cjm_recovery_path(rec), strerror(err));
		*read_only = true;
	}
	tui_ask(q.data, NULL, "o");
	strbuf_release(&q);
	free(where);
}

/* Offers the unsaved edits of a crashed session: restore, discard or open read-only. */
static cjm_map *edit_offer_recovery(cjm_recovery *rec, cjm_map *map, bool *read_only, char **message)
{
	time_t when = 0;
	if (!cjm_recovery_exists(rec, &when))
		return map;
	diag_list *diags = diag_list_new(cjm_recovery_path(rec));
	cjm_map *recovered = cjm_recovery_load(rec, diags);
	if (!recovered) {
		free(*message); /* a lock taken over goes without saying: this matters more */
		*message = NULL;
		edit_keep_unreadable(rec, edit_first_error(diags), read_only, message);
		diag_list_free(diags);
		return map;
	}
	diag_list_free(diags);
	if (!cjm_recovery_differs(rec, map)) {
		cjm_map_free(recovered);
		cjm_recovery_discard(rec);
		return map;
	}
	char stamp[64];
	strftime(stamp, sizeof stamp, "%Y-%m-%d %H:%M", localtime(&when));
	strbuf q = { 0 };
	strbuf_printf(&q,
		      _("%s has unsaved edits from %s (cjm stopped before they were saved).\n"),
		      cjm_recovery_map_path(rec), stamp);
	const char *answer = tui_ask(q.data, cjm_recovery_keys, NULL);
	strbuf_release(&q);
	if (strcmp(answer, "restore") == 0) {
		cjm_map_free(map);
		return recovered;
	}
	cjm_map_free(recovered);
	if (strcmp(answer, "discard") == 0)
		cjm_recovery_discard(rec);
	else
		*read_only = true;
	return map;
}

/* Takes the lock, or asks what to do when another cjm has the map open. Returns
 * false to quit. */
static bool edit_take_lock(cjm_recovery *rec, bool *read_only, bool *live_owner, char **message)
{
	cjm_lock_owner owner;
	int err = cjm_lock_take(rec, false, &owner);
	*live_owner = err == EEXIST;
	if (err == 0) {
		if (owner.stale)
			*message = xasprintf(_("took over the lock of an earlier cjm (pid %ld) that is gone"), owner.pid);
		return true;
	}
	if (err != EEXIST) {
		*message = xasprintf(_("cannot lock the map (%s): others are not warned"), strerror(err));
		return true;
	}
	char since[64];
	strftime(since, sizeof since, "%Y-%m-%d %H:%M", localtime(&owner.since));
	strbuf q = { 0 };
	strbuf_printf(&q,
		      _("%s is open in another cjm (pid %ld, user %s on %s, since %s).\n"
		      "Two editors would overwrite each other's work.\n"),
		      cjm_recovery_map_path(rec), owner.pid, owner.user, owner.host, since);
	const char *answer = tui_ask(q.data, cjm_locked_keys, NULL);
	strbuf_release(&q);
	if (strcmp(answer, "quit") == 0)
		return false;
	if (strcmp(answer, "read-only") == 0)
		*read_only = true;
	else
		cjm_lock_take(rec, true, &owner);
	return true;
}

/* The options, as given (a command runs once per process). */
static bool edit_read_only;

static const cli_option edit_options[] = {
	{ "--read-only", "-R", NULL, CLI_FLAG, &edit_read_only,
	  N_("open without changing anything; options may come before or after FILE"), NULL, NULL },
	{ "--", NULL, NULL, CLI_NOTE, NULL, N_("what follows is FILE, even when it begins with '-'"), NULL, NULL },
	{ 0 },
};

bool cli_have_terminal(const char *path)
{
	if (isatty(STDIN_FILENO) && isatty(STDOUT_FILENO))
		return true;
	cli_error(_("the editor needs a terminal; cjm show %s prints the map"), path);
	return false;
}

int cli_edit_file(const char *path, bool read_only, cli_edit_start start, void *ctx)
{
	int code = CJM_EXIT_OK;
	size_t comments = 0;
	cjm_file_stamp disk;
	cjm_conflicts *conflicts = NULL;
	cjm_map *map = edit_open_map(path, &code, &comments, &disk, &conflicts);
	if (!map)
		return code;
	if (!tui_start()) {
		cjm_conflicts_free(conflicts);
		cjm_map_free(map);
		cli_error(_("cannot start the terminal (TERM=%s)"), getenv("TERM") ? getenv("TERM") : "");
		return CJM_EXIT_IOERR;
	}
	cjm_recovery *rec = cjm_recovery_new(path);
	char *message = NULL;
	bool live_owner = false;
	if (!read_only && !edit_take_lock(rec, &read_only, &live_owner, &message)) {
		tui_stop();
		cjm_conflicts_free(conflicts);
		cjm_map_free(map);
		cjm_recovery_free(rec);
		return CJM_EXIT_OK;
	}
	/* Unsaved edits of a session that ended badly; never those of a cjm still running. */
	bool restored = false;
	if (!live_owner && !read_only) {
		cjm_map *opened = map;
		map = edit_offer_recovery(rec, map, &read_only, &message);
		restored = map != opened;
	} else if (read_only && !live_owner && cjm_recovery_exists(rec, NULL)) {
		free(message);
		message = xasprintf(_("%s holds unsaved edits: open without -R to restore them"),
				    cjm_recovery_path(rec));
	}
	cjm_editor *ed = cjm_editor_new_read(map, path, read_only, &disk);
	ed->comment_count = comments;
	if (restored) {
		cjm_edit_mark_unsaved(ed->edit);
		cjm_editor_say(ed, false, _("restored unsaved edits (:w saves)")); /* a stale lock goes without saying */
	} else if (message) {
		cjm_editor_say(ed, true, "%s", message);
	} else if (read_only) {
		cjm_editor_say(ed, false, _("read-only: :w FILE saves a copy"));
	}
	free(message);
	if (start) /* after the messages above: what it says of its own start comes last */
		start(ed, read_only ? NULL : rec, ctx);
	bool conflicted = conflicts != NULL;
	if (conflicts) { /* unsaved until :w writes the resolved map over the markers */
		if (!read_only)
			cjm_edit_mark_unsaved(ed->edit);
		cjm_editor_conflicts_start(ed, conflicts);
	}
	code = tui_run(ed, read_only ? NULL : rec, restored);
	tui_stop();
	if (code == CJM_EXIT_OK && conflicted && edit_still_marked(path))
		code = CJM_EXIT_FOUND; /* for git mergetool: the conflicts are not resolved */
	cjm_lock_release(rec);
	cjm_recovery_free(rec);
	cjm_editor_free(ed);
	return code;
}

static int cmd_edit_run(int argc, char **argv)
{
	const char *path;
	int code = CJM_EXIT_OK;
	if (!cli_parse_one(&cjm_cmd_edit, argc, argv, "FILE", N_("no FILE given"), &path, &code))
		return code;
	if (cli_refuse_revision(&cjm_cmd_edit, path, &code)) /* it would save to a new file of that name */
		return code;
	if (!cli_have_terminal(path))
		return CJM_EXIT_USAGE;
	return cli_edit_file(path, edit_read_only, NULL, NULL);
}

const cjm_command cjm_cmd_edit = {
	"edit",
	"edit [-R] [--] FILE",
	N_("open the full-screen editor (also: cjm [-R] FILE)"),
	edit_options,
	cmd_edit_run,
};
