/* `cjm join [SESSION]`: a participant's screen of a live session: the facilitator's map, followed, voted on and added to. */
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "editor/editor.h"
#include "editor/live.h"
#include "live/guest.h"
#include "live/place.h"
#include "analysis/vote.h"
#include "tui/tui.h"
#include "util/i18n.h"
#include "util/xalloc.h"

/* The options, as given (a command runs once per process). */
static const char *join_as;
static const char *join_team;
static const char *join_dir;
static bool join_read_only;

static const cli_option join_options[] = {
	{ "--as", NULL, "NAME", CLI_VALUE, &join_as,
	  N_("your name in the session (default: your login name)"), NULL, NULL },
	{ "--team", NULL, "DEPARTMENT", CLI_VALUE, &join_team,
	  N_("your team or department: the reveal shows each team's votes"), NULL, NULL },
	{ "--read-only", "-R", NULL, CLI_FLAG, &join_read_only,
	  N_("watch only: no votes, no notes"), NULL, NULL },
	{ "--dir", NULL, "DIR", CLI_VALUE, &join_dir,
	  N_("look for sessions in DIR (as the facilitator's cjm host --dir)"), NULL, NULL },
	{ "--", NULL, NULL, CLI_NOTE, NULL, N_("what follows is SESSION, even when it begins with '-'"), NULL, NULL },
	{ 0 },
};

/* The socket of SESSION (a name, or a path when it holds '/'), or of the one session
 * there is; NULL with the reason said and *CODE set. */
static char *join_find(const char *session, int *code)
{
	if (session && strchr(session, '/'))
		return xstrdup(session);
	size_t count = 0;
	cjm_live_found *found = cjm_live_sessions_find(join_dir, &count);
	char *socket = NULL;
	if (session) {
		for (size_t i = 0; i < count && !socket; i++)
			if (strcmp(found[i].name, session) == 0)
				socket = xstrdup(found[i].socket);
		if (!socket) {
			cli_error(_("no live session named '%s' that you can join%s"), session,
				  count ? _(" (cjm join alone lists them)") : "");
			*code = CJM_EXIT_NOINPUT;
		}
	} else if (count == 1) {
		socket = xstrdup(found[0].socket);
	} else if (count == 0) {
		cli_error(_("no live session to join: the facilitator starts one with cjm host FILE"));
		*code = CJM_EXIT_NOINPUT;
	} else {
		cli_error(_("%zu live sessions; name the one to join:"), count);
		for (size_t i = 0; i < count; i++)
			fprintf(stderr, "  %-24s %s\n", found[i].name, found[i].socket);
		*code = CJM_EXIT_USAGE;
	}
	cjm_live_found_free(found, count);
	return socket;
}

/* The login name, for a participant who gave no --as. */
static const char *join_login_name(void)
{
	const struct passwd *pw = getpwuid(getuid());
	if (pw && pw->pw_name && *pw->pw_name)
		return pw->pw_name;
	const char *user = getenv("USER");
	return user && *user ? user : "participant";
}

static int cmd_join_run(int argc, char **argv)
{
	cli_list operands = { 0 };
	int code = CJM_EXIT_OK;
	if (!cli_parse(&cjm_cmd_join, argc, argv, &operands, &code)) {
		cli_list_release(&operands);
		return code;
	}
	const char *session = operands.count ? operands.items[0] : NULL;
	if (operands.count > 1)
		code = cli_usage_error(&cjm_cmd_join, _("one SESSION only ('%s' and '%s')"), operands.items[0],
				       operands.items[1]);
	const char *name = join_as ? join_as : join_login_name();
	const char *rule = _("one line of 1 to 64 bytes, with no control characters, ':' or '|', and no space at either end");
	if (code == CJM_EXIT_OK && !cjm_live_label_ok(name, strlen(name)))
		code = cli_usage_error(&cjm_cmd_join, _("--as '%s': a name is %s"), name, rule);
	if (code == CJM_EXIT_OK && join_team && !cjm_live_label_ok(join_team, strlen(join_team)))
		code = cli_usage_error(&cjm_cmd_join, _("--team '%s': a team's name is %s"), join_team, rule);
	char *socket = code == CJM_EXIT_OK ? join_find(session, &code) : NULL;
	cli_list_release(&operands);
	if (!socket)
		return code;
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		cli_error(_("a participant's screen needs a terminal"));
		free(socket);
		return CJM_EXIT_USAGE;
	}
	cjm_live_guest_options options = {
		.socket = socket, .name = name, .team = join_team, .observer = join_read_only,
	};
	char *why = NULL;
	cjm_live_guest *guest = cjm_live_guest_new(&options, &why);
	if (!guest) {
		cli_error(_("cannot join %s: %s"), socket, why ? why : "");
		free(why);
		free(socket);
		return CJM_EXIT_NOINPUT;
	}
	free(socket);
	if (!tui_start()) {
		cjm_live_guest_free(guest);
		cli_error(_("cannot start the terminal (TERM=%s)"), getenv("TERM") ? getenv("TERM") : "");
		return CJM_EXIT_IOERR;
	}
	/* the map comes from the facilitator's cjm: until it does, an empty one */
	cjm_editor *ed = cjm_editor_new(cjm_map_new(""), NULL, true);
	cjm_editor_live_join(ed, guest);
	cjm_editor_say(ed, false, _("joining the session…"));
	code = tui_run(ed, NULL, false);
	tui_stop();
	cjm_editor_free(ed);
	return code;
}

const cjm_command cjm_cmd_join = {
	"join",
	"join [--as NAME] [--team DEPARTMENT] [-R] [--dir DIR] [--] [SESSION]",
	N_("join a live session as a participant: follow the map, vote, propose notes"),
	join_options,
	cmd_join_run,
};
