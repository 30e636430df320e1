/* The entry point: finds the subcommand in the table and runs it. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"

static void main_print_help(FILE *out)
{
	fprintf(out, "usage: cjm COMMAND [ARGS]\n"
		     "       cjm --version | --help\n\n"
		     "cjm maps customer journeys: phases, touchpoints and how the customer feels.\n\n"
		     "commands:\n");
	for (size_t i = 0; cjm_commands[i]; i++)
		fprintf(out, "  %-9s %s\n", cjm_commands[i]->name, cjm_commands[i]->summary);
	fprintf(out, "\n`cjm COMMAND --help` for a command's options; `cjm help COMMAND` for its manual.\n");
}

int main(int argc, char **argv)
{
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
	const cjm_command *cmd = cjm_command_find(name);
	if (!cmd && argc == 2 && access(name, F_OK) == 0) {
		/* `cjm FILE` opens the editor; until it exists, show the map. */
		cli_error("the full-screen editor is not built yet; showing %s", name);
		char *show[] = { "show", argv[1], NULL };
		return cjm_cmd_show.run(2, show);
	}
	if (!cmd) {
		cli_error("'%s' is not a command; see 'cjm --help'", name);
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
