/* `cjm help [COMMAND]`: shows a manual page, from the source tree or the installed pages. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli/cli.h"
#include "util/exe_dir.h"
#include "util/xalloc.h"
#include "util/i18n.h"

/* Topics that are not commands but have pages of their own. */
static const struct {
	const char *topic;
	const char *page;
	const char *section;
} help_topics[] = {
	{ "map", "cjm-map", "5" },
	{ "tips", "cjm-patterns", "7" }, /* "patterns" is the command */
	{ "plugin", "cjm-plugin", "7" },
	{ "git", "cjm-git", "7" },
};

static bool help_is_file(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* The page's file in language LANG (NULL: English) beside a build in a source tree
 * (build/cjm, build/san/cjm: man/LANG/PAGE.N), else in the installed MANDIR relative
 * to the binary (exe_installed_dir: BINDIR/../share/man/LANG/manN by default), so
 * that a cjm installed under any PREFIX, or staged under DESTDIR, shows its own pages. */
static char *help_find_page_in(const char *page, const char *section, const char *lang)
{
	const char *sub = lang ? lang : "";
	const char *slash_after = lang ? "/" : "";
	const char *exe = exe_dir();
	if (!exe)
		return NULL;
	static const char *const ups[] = { "/../man", "/../../man" };
	for (size_t i = 0; i < sizeof ups / sizeof *ups; i++) {
		char *path = xasprintf("%s%s/%s%s%s.%s", exe, ups[i], sub, slash_after, page, section);
		if (help_is_file(path))
			return path;
		free(path);
	}
	char *mandir = exe_installed_dir(EXE_MANDIR);
	char *path = xasprintf("%s/%s%sman%s/%s.%s", mandir, sub, slash_after, section, page, section);
	free(mandir);
	if (help_is_file(path))
		return path;
	free(path);
	return NULL;
}

/* The page in the language the interface speaks when it has one there, else in English. */
static char *help_find_page(const char *page, const char *section)
{
	const char *lang = i18n_language();
	char *path = NULL;
	if (strcmp(lang, "en") != 0 && !strchr(lang, '/') && !strchr(lang, '.'))
		path = help_find_page_in(page, section, lang);
	return path ? path : help_find_page_in(page, section, NULL);
}

/* Runs PROGRAM with ARGS; true when it ran and succeeded. */
static bool help_run(char *const args[])
{
	fflush(stdout);
	pid_t pid = fork();
	if (pid < 0)
		return false;
	if (pid == 0) {
		execvp(args[0], args);
		_exit(127);
	}
	int status;
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return false; /* only an interrupted wait is worth waiting again */
	return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

static bool help_show_page(const char *page, const char *section)
{
	char *path = help_find_page(page, section);
	bool shown = false;
	if (path) {
		char *man[] = { "man", "-l", path, NULL };
		char *mandoc[] = { "mandoc", path, NULL };
		shown = help_run(man) || help_run(mandoc);
		free(path);
	}
	return shown;
}

static int cmd_help_run(int argc, char **argv)
{
	if (argc > 2)
		return cli_usage_error(&cjm_cmd_help, _("one topic at a time"));
	const char *topic = argc == 2 ? argv[1] : NULL;
	const cjm_command *cmd = topic ? cjm_command_find(topic) : NULL;
	char *page = NULL;
	const char *section = "1";
	if (!topic) {
		page = xstrdup("cjm");
	} else if (cmd) {
		page = xasprintf("cjm-%s", cmd->name);
	} else {
		for (size_t i = 0; i < sizeof help_topics / sizeof *help_topics && !page; i++) {
			if (strcmp(topic, help_topics[i].topic) == 0) {
				page = xstrdup(help_topics[i].page);
				section = help_topics[i].section;
			}
		}
	}
	if (!page)
		return cli_usage_error(&cjm_cmd_help, _("no command or topic '%s'; see 'cjm --help'"), topic);
	bool shown = help_show_page(page, section);
	free(page);
	if (shown)
		return CJM_EXIT_OK;
	cli_error(_("the manual page is not installed; here is the short help"));
	if (cmd) {
		cli_print_help(cmd, stdout);
	} else {
		printf("usage: cjm COMMAND [ARGS]\n\n%s\n", _("commands:"));
		for (size_t i = 0; cjm_commands[i]; i++)
			cli_print_command_line(stdout, cjm_commands[i]);
	}
	return CJM_EXIT_OK;
}

const cjm_command cjm_cmd_help = {
	"help",
	"help [COMMAND]",
	N_("show the manual page of cjm or of COMMAND (also: map, tips, plugin, git)"),
	NULL,
	cmd_help_run,
};
