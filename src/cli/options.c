/* The option tables of the commands: one parser walks them, and --help prints them. */
#include "cli/options.h"

#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "render/wrap.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

void cli_list_release(cli_list *list)
{
	free(list->items);
	*list = (cli_list){ 0 };
}

static void cli_list_add(cli_list *list, const char *item)
{
	xgrow((void **)&list->items, &list->cap, list->count + 1, sizeof *list->items);
	list->items[list->count++] = item;
}

/* The left column of OPT's help: "  -o, --output OUT", "      --color[=WHEN]". */
static size_t cli_option_usage(const cli_option *opt, char *buf, size_t size)
{
	int n;
	if (opt->kind == CLI_NOTE)
		n = snprintf(buf, size, "  %s", opt->name);
	else
		n = snprintf(buf, size, "  %s%s%s%s%s%s", opt->short_name ? opt->short_name : "    ",
			     opt->short_name ? ", " : "", opt->name,
			     !opt->arg ? "" : opt->kind == CLI_OPTIONAL ? "[=" : " ", opt->arg ? opt->arg : "",
			     opt->kind == CLI_OPTIONAL && opt->arg ? "]" : "");
	return n < 0 ? 0 : (size_t)n < size ? (size_t)n : size - 1;
}

/* What every command takes, at the end of each table's help. */
static const cli_option cli_help_option = { "--help", "-h", NULL, CLI_FLAG, NULL, N_("show this help"), NULL, NULL };

/* The entry after OPT in the help: the table, then -h, --help; NULL after that. */
static const cli_option *cli_options_next(const cli_option *opt)
{
	if (opt == &cli_help_option)
		return NULL;
	return opt[1].name ? opt + 1 : &cli_help_option;
}

/* The width --help fits in: a terminal of 80 columns, as a workshop laptop has. */
#define CLI_HELP_COLUMNS 80

void cli_put_wrapped(FILE *out, const char *text, size_t indent)
{
	/* a line break in a help text only ends a line of the old fixed layout: flow it */
	char *flowing = xstrdup(text);
	for (char *c = flowing; *c; c++)
		if (*c == '\n')
			*c = ' ';
	strbuf lines = { 0 };
	cjm_wrap_spec spec = { .width = indent + 20 < CLI_HELP_COLUMNS ? CLI_HELP_COLUMNS - indent : 20 };
	cjm_wrap(&lines, flowing, &spec);
	for (const char *line = lines.data; line && *line;) {
		size_t len = strcspn(line, "\n");
		fprintf(out, "%.*s\n", (int)len, line);
		line += len;
		if (*line == '\n' && *++line)
			fprintf(out, "%*s", (int)indent, "");
	}
	strbuf_release(&lines);
	free(flowing);
}

void cli_options_print(const cli_option *options, FILE *out)
{
	char usage[128];
	size_t width = 0;
	const cli_option *first = options->name ? options : &cli_help_option;
	for (const cli_option *opt = first; opt; opt = cli_options_next(opt)) {
		size_t n = cli_option_usage(opt, usage, sizeof usage);
		if (n > width)
			width = n;
	}
	width += 2;
	for (const cli_option *opt = first; opt; opt = cli_options_next(opt)) {
		size_t n = cli_option_usage(opt, usage, sizeof usage);
		fprintf(out, "%s%*s", usage, (int)(width - n), "");
		/* the help in its column, wrapped so that the table fits 80 columns */
		cli_put_wrapped(out, _(opt->help), width);
	}
}

/* The entry of OPTIONS that ARG names, with the value written after '=' in *VALUE
 * (NULL when none); NULL when ARG is no option of the table. */
static const cli_option *cli_option_find(const cli_option *options, const char *arg, const char **value)
{
	*value = NULL;
	for (const cli_option *opt = options; opt->name; opt++) {
		if (opt->kind == CLI_NOTE)
			continue;
		size_t n = strlen(opt->name);
		if (strncmp(arg, opt->name, n) == 0 && arg[n] == '=' && opt->kind != CLI_FLAG) {
			*value = arg + n + 1;
			return opt;
		}
		if (strcmp(arg, opt->name) == 0 || (opt->short_name && strcmp(arg, opt->short_name) == 0))
			return opt;
	}
	return NULL;
}

cli_parse_result cli_options_parse(const cli_option *options, int argc, char **argv, cli_list *operands)
{
	bool options_done = false;
	for (int i = 1; i < argc; i++) {
		const char *arg = argv[i];
		if (options_done || arg[0] != '-' || arg[1] == '\0') {
			cli_list_add(operands, arg);
			continue;
		}
		if (strcmp(arg, "--") == 0) {
			options_done = true; /* what follows is an operand, even when it begins with '-' */
			continue;
		}
		if (cli_is_help(arg))
			return CLI_HELP_ASKED;
		const char *value;
		const cli_option *opt = cli_option_find(options, arg, &value);
		if (!opt) {
			cli_error(_("unknown option '%s'"), arg);
			return CLI_BAD;
		}
		if (opt->kind == CLI_FLAG) {
			*(bool *)opt->where = true;
			continue;
		}
		if (!value && opt->kind == CLI_OPTIONAL)
			value = i + 1 < argc && opt->is_value && opt->is_value(argv[i + 1]) ? argv[++i] : opt->bare;
		if (!value && i + 1 >= argc) {
			cli_error(_("option %s needs a value"), arg);
			return CLI_BAD;
		}
		if (!value)
			value = argv[++i];
		if (opt->kind == CLI_REPEATED)
			cli_list_add(opt->where, value);
		else
			*(const char **)opt->where = value;
	}
	return CLI_PARSED;
}
