/* The entry point: finds the subcommand in the table and runs it. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "editor/editor.h"
#include "util/i18n.h"

static void main_print_help(FILE *out)
{
	fprintf(out, "usage: cjm COMMAND [ARGS]\n");
	/* TRANSLATORS: keep "cjm edit", "-R, --read-only" and FILE as they are; the parenthesis lines up under the usage above. */
	fputs(_("       cjm [-R] FILE      (cjm edit: -R, --read-only opens it read-only)\n"), out);
	fprintf(out, "       cjm --version | --help\n\n");
	fprintf(out, "%s\n\n%s\n", _("cjm maps customer journeys: phases, touchpoints and how the customer feels."),
		_("commands:"));
	for (size_t i = 0; cjm_commands[i]; i++)
		cli_print_command_line(out, cjm_commands[i]);
	fputc('\n', out);
	cli_put_wrapped(out, _("`cjm COMMAND --help` for a command's options; `cjm help COMMAND` for its manual."), 0);
}

/* True when ARG names a map rather than a mistyped command: it exists, or it
 * has a folder or a YAML extension (a new map is created on first save). */
static bool main_looks_like_map(const char *arg)
{
	size_t len = strlen(arg);
	return access(arg, F_OK) == 0 || strchr(arg, '/') ||
	       (len > 5 && strcmp(arg + len - 5, ".yaml") == 0) || (len > 4 && strcmp(arg + len - 4, ".yml") == 0);
}

int main(int argc, char **argv)
{
	i18n_init();
	if (argc < 2) {
		main_print_help(stderr);
		return CJM_EXIT_USAGE;
	}
	const char *name = argv[1];
	if (cli_is_help(name)) {
		main_print_help(stdout);
		return CJM_EXIT_OK;
	}
	if (strcmp(name, "--version") == 0 || strcmp(name, "-V") == 0) {
		printf("cjm %s (map format version 1)\n", CJM_VERSION);
		return CJM_EXIT_OK;
	}
	if (strcmp(name, "--list-commands") == 0) { /* for the man-page check and completion */
		for (size_t i = 0; cjm_commands[i]; i++)
			printf("%s\n", cjm_commands[i]->name);
		return CJM_EXIT_OK;
	}
	if (strcmp(name, "--list-keys") == 0 && argc < 3) { /* the editor's keys, for the man-page check */
		for (const cjm_key_binding *k = cjm_key_bindings; k->key; k++)
			printf("%s\t%s\n", k->key_name, k->command);
		return CJM_EXIT_OK;
	}
	if (strcmp(name, "--list-key-tables") == 0) { /* the other modes': NAME<TAB>cjm-edit(1) subsection */
		for (const cjm_key_table *t = cjm_key_tables; t->name; t++)
			printf("%s\t%s\n", t->name, t->section);
		return CJM_EXIT_OK;
	}
	if (strcmp(name, "--list-keys") == 0) { /* --list-keys TABLE: one mode's keys */
		for (const cjm_key_table *t = cjm_key_tables; t->name; t++) {
			if (strcmp(t->name, argv[2]) != 0)
				continue;
			for (const cjm_mode_key *k = t->keys; k->key; k++)
				printf("%s\t%s\n", k->key_name, k->command);
			return CJM_EXIT_OK;
		}
		cli_error(_("no key table '%s' (cjm --list-key-tables lists them)"), argv[2]);
		return CJM_EXIT_USAGE;
	}
	if (strcmp(name, "--list-editor-commands") == 0) {
		for (const cjm_editor_command *c = cjm_editor_commands; c->name; c++)
			printf("%s\n", c->name);
		return CJM_EXIT_OK;
	}
	if (name[0] == '-' && name[1] != '\0') {
		/* options before the file, as in `vi -R FILE`: `cjm -R FILE` is `cjm edit -R FILE` */
		if (cli_opt_flag(name, "--read-only", "-R") || strcmp(name, "--") == 0)
			return cjm_cmd_edit.run(argc, argv);
		cli_error(_("unknown option '%s'; see 'cjm --help'"), name);
		fprintf(stderr, "usage: cjm COMMAND [ARGS]\n       cjm [-R] FILE\n");
		return CJM_EXIT_USAGE;
	}
	const cjm_command *cmd = cjm_command_find(name);
	if (!cmd && main_looks_like_map(name))
		return cjm_cmd_edit.run(argc, argv); /* `cjm FILE [-R]` is `cjm edit FILE [-R]` */
	if (!cmd) {
		cli_error(_("'%s' is not a command; see 'cjm --help'"), name);
		return CJM_EXIT_USAGE;
	}
	for (int i = 2; i < argc && strcmp(argv[i], "--") != 0; i++) {
		if (cli_is_help(argv[i])) {
			cli_print_help(cmd, stdout);
			return CJM_EXIT_OK;
		}
	}
	return cmd->run(argc - 1, argv + 1);
}
