/* `cjm host FILE`: opens the editor on FILE and hosts a live session of it for the room. */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "editor/editor.h"
#include "editor/live.h"
#include "io/recover.h"
#include "live/host.h"
#include "live/place.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

/* The options, as given (a command runs once per process). */
static const char *host_session;
static const char *host_group;
static const char *host_dir;
static cli_list host_allow;
static bool host_names;

static const cli_option host_options[] = {
	{ "--session", NULL, "NAME", CLI_VALUE, &host_session,
	  N_("the session's name (default: the map file's name, as in energy-switch); "
	     "participants type it in cjm join"), NULL, NULL },
	{ "--group", NULL, "GROUP", CLI_VALUE, &host_group,
	  N_("a shared workshop machine: the members of GROUP may join (the socket goes in "
	     "/tmp/cjm-live-GROUP/)"), NULL, NULL },
	{ "--dir", NULL, "DIR", CLI_VALUE, &host_dir,
	  N_("put the session's socket in DIR instead (yours, not writable by others)"), NULL, NULL },
	{ "--allow", NULL, "USER[,USER...]", CLI_REPEATED, &host_allow,
	  N_("these users may join too (with --group or --dir, whose folder they can reach)"), NULL, NULL },
	{ "--names", NULL, NULL, CLI_FLAG, &host_names,
	  N_("votes keep who answered what (else only counts per score and per team)"), NULL, NULL },
	{ "--", NULL, NULL, CLI_NOTE, NULL, N_("what follows is FILE, even when it begins with '-'"), NULL, NULL },
	{ 0 },
};

/* What the editor's start takes over. */
typedef struct host_start_ctx {
	cjm_live_host *host;
	bool taken;
} host_start_ctx;

/* Gives the editor the session, and takes back the state of one that ended badly. */
static void host_start(cjm_editor *ed, cjm_recovery *recovery, void *ctx)
{
	host_start_ctx *c = ctx;
	cjm_editor_live_host(ed, c->host);
	c->taken = true;
	if (!recovery)
		return;
	size_t len = 0;
	int err = 0;
	char *text = cjm_recovery_read_live(recovery, &len, &err);
	if (!text)
		return;
	cjm_editor_live_restore(ed, text, len, cjm_recovery_live_path(recovery));
	free(text);
}

/* The --allow values, split at commas, as a NULL-ended list (the strings malloc'd). */
static char **host_allowed_users(void)
{
	size_t count = 0;
	char **users = xcalloc(1, sizeof *users);
	for (size_t i = 0; i < host_allow.count; i++) {
		const char *s = host_allow.items[i];
		while (*s) {
			size_t len = strcspn(s, ",");
			if (len) {
				users = xrealloc(users, (count + 2) * sizeof *users);
				users[count++] = xstrndup(s, len);
				users[count] = NULL;
			}
			s += len + (s[len] == ',');
		}
	}
	return users;
}

static void host_users_free(char **users)
{
	for (char **u = users; *u; u++)
		free(*u);
	free(users);
}

static int cmd_host_run(int argc, char **argv)
{
	const char *path;
	int code = CJM_EXIT_OK;
	if (!cli_parse_one(&cjm_cmd_host, argc, argv, "FILE", N_("no FILE given"), &path, &code))
		return code;
	if (cli_refuse_revision(&cjm_cmd_host, path, &code))
		return code;
	if (host_group && host_dir)
		return cli_usage_error(&cjm_cmd_host, _("--group and --dir name two places for the socket: give one"));
	if (host_allow.count && !host_dir)
		return cli_usage_error(&cjm_cmd_host, _("--allow needs --dir, a folder the allowed users can reach: "
							"your own folder and the group's are closed to them"));
	char *session = host_session ? xstrdup(host_session) : cjm_live_session_name_from_path(path);
	if (!cjm_live_session_name_ok(session)) {
		code = cli_usage_error(&cjm_cmd_host,
				       _("'%s' is not a session name: 1 to %d lower-case letters, digits and '-', "
					 "starting with a letter or digit"), session, CJM_LIVE_SESSION_MAX);
		free(session);
		return code;
	}
	if (!cli_have_terminal(path)) {
		free(session);
		return CJM_EXIT_USAGE;
	}
	char **users = host_allowed_users();
	cli_list_release(&host_allow);
	cjm_live_host_options options = {
		.session = session,
		.place = { .dir = host_dir, .group = host_group },
		.allow = (const char *const *)users,
		.keep_names = host_names,
	};
	char *why = NULL;
	host_start_ctx ctx = { .host = cjm_live_host_new(&options, &why) };
	host_users_free(users);
	free(session);
	if (!ctx.host) {
		cli_error(_("cannot host the session: %s"), why ? why : "");
		free(why);
		return CJM_EXIT_CANTCREAT;
	}
	code = cli_edit_file(path, false, host_start, &ctx);
	if (!ctx.taken)
		cjm_live_host_free(ctx.host); /* the editor never opened (quit at the lock's question) */
	return code;
}

const cjm_command cjm_cmd_host = {
	"host",
	"host [--session NAME] [--group GROUP | --dir DIR] [--allow USER[,USER...]] [--names] [--] FILE",
	N_("open the editor and host a live session: the room votes and proposes notes"),
	host_options,
	cmd_host_run,
};
