/* The option tables of the commands: one parser walks them, and --help prints them. */
#ifndef CJM_CLI_OPTIONS_H
#define CJM_CLI_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* Arguments in the order given: the values of a repeated option, or the operands. */
typedef struct cli_list {
	const char **items; /* borrowed from argv */
	size_t count, cap;
} cli_list;

void cli_list_release(cli_list *list);

typedef enum cli_option_kind {
	CLI_FLAG,     /* WHERE is a bool *, set to true */
	CLI_VALUE,    /* WHERE is a const char **: "--name VALUE", "--name=VALUE", "-n VALUE" */
	CLI_REPEATED, /* WHERE is a cli_list *: every value, in order */
	CLI_OPTIONAL, /* WHERE is a const char **: "--name=VALUE"; or "--name VALUE" when
		       * IS_VALUE says VALUE is one; else "--name" alone gives BARE */
	CLI_NOTE,     /* no option: a line of the help (for "--", which every command takes) */
} cli_option_kind;

/* One option of a command. A command runs once per process, so WHERE points at
 * the command file's own static variables, which hold their defaults before. */
typedef struct cli_option {
	const char *name;       /* "--output" */
	const char *short_name; /* "-o", or NULL */
	const char *arg;        /* how the value is written in the help ("OUT"); NULL for a flag */
	cli_option_kind kind;
	void *where;
	const char *help;       /* '\n' in it starts another line of the help */
	const char *bare;                  /* CLI_OPTIONAL: the value of the name alone */
	bool (*is_value)(const char *arg); /* CLI_OPTIONAL: whether the next argument is its value */
} cli_option;

/* TEXT wrapped to end by column 80, the cursor being at column INDENT; the lines
 * after the first start at INDENT. Line breaks in TEXT flow as spaces. */
void cli_put_wrapped(FILE *out, const char *text, size_t indent);

/* The options of a table (it ends with a NULL name), then -h, --help: a line or
 * more each, their help in one column, for --help. */
void cli_options_print(const cli_option *options, FILE *out);

/* Where cli_options_parse stopped: go on, or end with an exit code. */
typedef enum cli_parse_result {
	CLI_PARSED,     /* every option is stored, the operands are in *OPERANDS */
	CLI_HELP_ASKED, /* -h or --help: print the help, exit 0 */
	CLI_BAD,        /* said why on stderr: print the usage, exit 64 */
} cli_parse_result;

/* Reads ARGV[1..ARGC-1] by OPTIONS: each option is stored where its entry says;
 * the other arguments (and all after "--", and "-" alone) are the operands, in
 * order, added to *OPERANDS (release it whatever the result). */
cli_parse_result cli_options_parse(const cli_option *options, int argc, char **argv, cli_list *operands);

#endif
