/* `cjm completion bash|zsh|fish`: prints a shell's completion script, made from the command table, the option tables, the synopses and the formats. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "export/export.h"
#include "patterns/registry.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

/* What a value or an operand completes to. */
typedef enum completion_kind {
	COMPLETE_NOTHING,  /* a free value: a title, a number, a git range */
	COMPLETE_WORDS,    /* one of the words in completion_values.words */
	COMPLETE_FILES,    /* any file */
	COMPLETE_MAPS,     /* a map file (*.yaml, *.yml) or a folder on the way to one */
	COMPLETE_PATTERNS, /* a pattern id: the script asks `cjm completion --patterns` */
	COMPLETE_COMMANDS, /* a command of cjm */
} completion_kind;

typedef struct completion_values {
	completion_kind kind;
	strbuf words; /* COMPLETE_WORDS: the words, each followed by a space */
} completion_values;

/* True when WORD (LEN bytes) is a word a script may hold unquoted: a letter or
 * digit, then letters, digits and '-' (every format, paper and shell is). */
static bool completion_plain_word(const char *word, size_t len)
{
	if (len == 0 || word[0] == '-')
		return false;
	for (size_t i = 0; i < len; i++) {
		char c = word[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'))
			return false;
	}
	return true;
}

/* Adds the '|'-separated words of the LEN bytes at LIST to VALUES; false (and
 * nothing added) unless there are two or more, each a plain word. */
static bool completion_add_alternatives(completion_values *values, const char *list, size_t len)
{
	if (!memchr(list, '|', len))
		return false;
	for (size_t i = 0; i < len;) {
		size_t n = 0;
		while (i + n < len && list[i + n] != '|')
			n++;
		if (!completion_plain_word(list + i, n))
			return false;
		i += n + 1;
	}
	for (size_t i = 0; i < len;) {
		size_t n = 0;
		while (i + n < len && list[i + n] != '|')
			n++;
		strbuf_add(&values->words, list + i, n);
		strbuf_putc(&values->words, ' ');
		i += n + 1;
	}
	values->kind = COMPLETE_WORDS;
	return true;
}

/* The values the synopsis writes after option NAME, as "[--paper a4|a3|a2]" does:
 * true, with them in VALUES, when it lists them so. The synopsis is what --help and
 * the man page show, so a value added there is completed too. */
static bool completion_synopsis_values(const cjm_command *cmd, const char *name, completion_values *values)
{
	size_t name_len = strlen(name);
	for (const char *at = strstr(cmd->synopsis, name); at; at = strstr(at + 1, name)) {
		bool starts = at == cmd->synopsis || strchr(" [|", at[-1]);
		if (!starts || (at[name_len] != ' ' && at[name_len] != '='))
			continue;
		const char *list = at + name_len + 1;
		size_t len = strcspn(list, " ]");
		if (completion_add_alternatives(values, list, len))
			return true;
	}
	return false;
}

/* The formats cjm export writes, or (READING) those cjm import reads. A format is
 * written unless it is only read (an importer without export_map): a format
 * written another way than by export_map (a binary file) is still one. */
static void completion_formats(completion_values *values, bool reading)
{
	size_t count;
	const cjm_format *formats = cjm_formats(&count);
	for (size_t i = 0; i < count; i++) {
		bool read_only = formats[i].import_map && !formats[i].export_map;
		if (reading ? !formats[i].import_map : read_only)
			continue;
		if (completion_plain_word(formats[i].name, strlen(formats[i].name)))
			strbuf_printf(&values->words, "%s ", formats[i].name);
	}
	values->kind = COMPLETE_WORDS;
}

/* What the value of OPT (an option of CMD that takes one) completes to. */
static void completion_option_values(const cjm_command *cmd, const cli_option *opt, completion_values *values)
{
	*values = (completion_values){ .kind = COMPLETE_NOTHING };
	if (completion_synopsis_values(cmd, opt->name, values) ||
	    (opt->short_name && completion_synopsis_values(cmd, opt->short_name, values)))
		return;
	const char *arg = opt->arg ? opt->arg : "";
	if (strcmp(arg, "FORMAT") == 0)
		completion_formats(values, strcmp(opt->name, "--from") == 0);
	else if (strcmp(opt->name, "--pattern") == 0)
		values->kind = COMPLETE_PATTERNS;
	else if (strcmp(arg, "OTHER") == 0)
		values->kind = COMPLETE_MAPS;
	else if (strcmp(arg, "FILE") == 0 || strcmp(arg, "OUT") == 0 || strcmp(arg, "MAP") == 0 ||
		 strcmp(arg, "PATH") == 0 || strcmp(arg, "SRC") == 0)
		values->kind = COMPLETE_FILES;
}

/* What CMD's operands complete to, by the first operand its synopsis names (a word
 * outside the option groups): FILE, OLD, BASE... a map; SRC any file; COMMAND a
 * command; "bash|zsh|fish" one of those words. */
static void completion_operand_values(const cjm_command *cmd, completion_values *values)
{
	*values = (completion_values){ .kind = COMPLETE_NOTHING };
	const char *p = cmd->synopsis + strcspn(cmd->synopsis, " ");
	int depth = 0;
	bool option_group = false;
	while (*p) {
		if (*p == ' ' || *p == ']' || *p == '.') {
			if (*p == ']' && depth > 0)
				depth--;
			p++;
			continue;
		}
		if (*p == '[') {
			if (depth++ == 0)
				option_group = p[1] == '-';
			p++;
			continue;
		}
		size_t len = strcspn(p, " []");
		if (len == 0)
			break;
		if ((depth == 0 || !option_group) && *p != '-' && *p != '|') {
			size_t word = len;
			while (word > 0 && p[word - 1] == '.')
				word--; /* FILE... */
			if (completion_add_alternatives(values, p, word))
				return;
			if (word == 3 && strncmp(p, "SRC", 3) == 0)
				values->kind = COMPLETE_FILES;
			else if (word == 7 && strncmp(p, "COMMAND", 7) == 0)
				values->kind = COMPLETE_COMMANDS;
			else if (word > 0 && p[0] >= 'A' && p[0] <= 'Z')
				values->kind = COMPLETE_MAPS;
			else
				continue;
			return;
		}
		p += len;
	}
}

/* A help text on one line: its line breaks as spaces (they only break --help). */
static char *completion_flat(const char *help)
{
	char *flat = xstrdup(help ? _(help) : "");
	for (char *c = flat; *c; c++)
		if (*c == '\n' || *c == '\t')
			*c = ' ';
	return flat;
}

/* TEXT inside '...' for sh (bash, zsh): each ' as '\''. */
static void completion_put_sq(strbuf *out, const char *text)
{
	for (const char *c = text; *c; c++) {
		if (*c == '\'')
			strbuf_puts(out, "'\\''");
		else
			strbuf_putc(out, *c);
	}
}

/* The words of all commands, each followed by a space. */
static void completion_command_words(strbuf *out)
{
	for (size_t i = 0; cjm_commands[i]; i++)
		strbuf_printf(out, "%s ", cjm_commands[i]->name);
}

/* The options of CMD that count: the table's and -h, --help (the notes are no options). */
static const cli_option completion_help_option = {
	"--help", "-h", NULL, CLI_FLAG, NULL, N_("show this help"), NULL, NULL,
};

static const cli_option *completion_next(const cli_option *options, const cli_option *opt)
{
	if (opt == &completion_help_option)
		return NULL;
	const cli_option *next = opt ? opt + 1 : options;
	while (next && next->name && next->kind == CLI_NOTE)
		next++;
	return next && next->name ? next : &completion_help_option;
}

#define COMPLETION_EACH_OPTION(opt, cmd) \
	for (const cli_option *opt = completion_next((cmd)->options, NULL); opt; opt = completion_next((cmd)->options, opt))

/* Whether OPT is followed by a value in a word of its own ("--to svg"): CLI_OPTIONAL
 * takes only "--color=WHEN", so it completes as a flag. */
static bool completion_takes_value(const cli_option *opt)
{
	return opt->kind == CLI_VALUE || opt->kind == CLI_REPEATED;
}

/* What cjm --help and cjm --version do, for the shells that describe options. */
static const char completion_top_help[] = N_("list the commands");
static const char completion_top_version[] = N_("print the version");

/* ---- bash --------------------------------------------------------------- */

/* The bash statement that adds what VALUES completes to. */
static void bash_put_values(strbuf *out, const completion_values *values)
{
	switch (values->kind) {
	case COMPLETE_NOTHING: strbuf_puts(out, ":"); break;
	case COMPLETE_WORDS: strbuf_printf(out, "_cjm_words '%s'", values->words.data); break;
	case COMPLETE_FILES: strbuf_puts(out, "_cjm_files"); break;
	case COMPLETE_MAPS: strbuf_puts(out, "_cjm_maps"); break;
	case COMPLETE_PATTERNS: strbuf_puts(out, "_cjm_patterns"); break;
	case COMPLETE_COMMANDS:
		strbuf_puts(out, "_cjm_words '");
		completion_command_words(out);
		strbuf_puts(out, "'");
		break;
	}
}

static void bash_put_command(strbuf *out, const cjm_command *cmd)
{
	strbuf_printf(out, "_cjm_cmd_%s() {\n\tcase $prev in\n", cmd->name);
	COMPLETION_EACH_OPTION(opt, cmd) {
		if (!completion_takes_value(opt))
			continue;
		completion_values values;
		completion_option_values(cmd, opt, &values);
		strbuf_printf(out, "\t%s%s%s) ", opt->short_name ? opt->short_name : "", opt->short_name ? "|" : "",
			      opt->name);
		bash_put_values(out, &values);
		strbuf_puts(out, "; return ;;\n");
		strbuf_release(&values.words);
	}
	strbuf_puts(out, "\tesac\n\tif [[ $cur == -* ]]; then\n\t\t_cjm_words '");
	COMPLETION_EACH_OPTION(opt, cmd) {
		strbuf_printf(out, "%s ", opt->name);
		if (opt->short_name)
			strbuf_printf(out, "%s ", opt->short_name);
	}
	strbuf_puts(out, "'\n\telse\n\t\t");
	completion_values operands;
	completion_operand_values(cmd, &operands);
	bash_put_values(out, &operands);
	strbuf_release(&operands.words);
	strbuf_puts(out, "\n\tfi\n}\n\n");
}

static void completion_bash(strbuf *out)
{
	strbuf_printf(out,
		      "# bash completion for cjm(1) %s, printed by `cjm completion bash` from cjm's command\n"
		      "# and option tables. Installed as share/bash-completion/completions/cjm, or:\n"
		      "#   source <(cjm completion bash)\n\n",
		      CJM_VERSION);
	strbuf_puts(out,
		    "_cjm_words() {\n"
		    "\tlocal IFS=$' \\t\\n'\n"
		    "\tCOMPREPLY+=($(compgen -W \"$1\" -- \"$cur\"))\n"
		    "}\n\n"
		    "_cjm_files() {\n"
		    "\tlocal IFS=$'\\n'\n"
		    "\tcompopt -o filenames 2>/dev/null\n"
		    "\tCOMPREPLY+=($(compgen -f -- \"$cur\"))\n"
		    "}\n\n"
		    "# map files, and the folders that may hold them\n"
		    "_cjm_maps() {\n"
		    "\tlocal IFS=$'\\n' f\n"
		    "\tcompopt -o filenames 2>/dev/null\n"
		    "\tfor f in $(compgen -f -- \"$cur\"); do\n"
		    "\t\tif [[ -d $f || $f == *.yaml || $f == *.yml ]]; then COMPREPLY+=(\"$f\"); fi\n"
		    "\tdone\n"
		    "}\n\n"
		    "# the pattern ids this cjm finds now, plugins too\n"
		    "_cjm_patterns() {\n"
		    "\tlocal program=${COMP_WORDS[0]}\n"
		    "\t[[ $program == \"~/\"* ]] && program=$HOME/${program#\"~/\"}\n"
		    "\t_cjm_words \"$(\"$program\" completion --patterns 2>/dev/null)\"\n"
		    "}\n\n");
	for (size_t i = 0; cjm_commands[i]; i++)
		bash_put_command(out, cjm_commands[i]);
	strbuf_puts(out, "_cjm() {\n"
			 "\tlocal cur=${COMP_WORDS[COMP_CWORD]} prev= cmd= i\n"
			 "\tCOMPREPLY=()\n"
			 "\t# bash splits --name=VALUE at '=': complete VALUE as after --name\n"
			 "\tif [[ $cur == = ]]; then\n"
			 "\t\tprev=${COMP_WORDS[COMP_CWORD-1]} cur=\n"
			 "\telif ((COMP_CWORD > 1)) && [[ ${COMP_WORDS[COMP_CWORD-1]} == = ]]; then\n"
			 "\t\tprev=${COMP_WORDS[COMP_CWORD-2]}\n"
			 "\telif ((COMP_CWORD > 0)); then\n"
			 "\t\tprev=${COMP_WORDS[COMP_CWORD-1]}\n"
			 "\tfi\n"
			 "\tfor ((i = 1; i < COMP_CWORD; i++)); do\n"
			 "\t\tcase ${COMP_WORDS[i]} in\n"
			 "\t\t-*) ;;\n"
			 "\t\t*) cmd=${COMP_WORDS[i]}; break ;;\n"
			 "\t\tesac\n"
			 "\tdone\n"
			 "\tcase $cmd in\n"
			 "\t'')\n"
			 "\t\tif [[ $cur == -* ]]; then\n"
			 "\t\t\t_cjm_words '--help -h --version -V ");
	COMPLETION_EACH_OPTION(opt, &cjm_cmd_edit) {
		if (opt != &completion_help_option)
			strbuf_printf(out, "%s %s", opt->name, opt->short_name ? opt->short_name : "");
	}
	strbuf_puts(out, "'\n\t\telse\n\t\t\t_cjm_words '");
	completion_command_words(out);
	strbuf_puts(out, "'\n\t\t\t_cjm_maps\n\t\tfi ;;\n");
	for (size_t i = 0; cjm_commands[i]; i++)
		strbuf_printf(out, "\t%s) _cjm_cmd_%s ;;\n", cjm_commands[i]->name, cjm_commands[i]->name);
	/* `cjm FILE -R` is `cjm edit FILE -R` */
	strbuf_printf(out, "\t*) _cjm_cmd_%s ;;\n\tesac\n}\n\ncomplete -F _cjm cjm\n", cjm_cmd_edit.name);
}

/* ---- zsh ---------------------------------------------------------------- */

/* TEXT as an _arguments description, inside '[...]' inside '...'. */
static void zsh_put_description(strbuf *out, const char *help)
{
	char *flat = completion_flat(help);
	for (const char *c = flat; *c; c++) {
		if (*c == '[' || *c == ']' || *c == '\\')
			strbuf_putc(out, '\\');
		if (*c == '\'')
			strbuf_puts(out, "'\\''");
		else
			strbuf_putc(out, *c);
	}
	free(flat);
}

/* The _arguments action for VALUES. */
static void zsh_put_action(strbuf *out, const completion_values *values)
{
	switch (values->kind) {
	case COMPLETE_NOTHING: strbuf_puts(out, " "); break;
	case COMPLETE_WORDS: strbuf_printf(out, "(%s)", values->words.data); break;
	case COMPLETE_FILES: strbuf_puts(out, "_files"); break;
	case COMPLETE_MAPS: strbuf_puts(out, "_cjm_maps"); break;
	case COMPLETE_PATTERNS: strbuf_puts(out, "_cjm_patterns"); break;
	case COMPLETE_COMMANDS:
		strbuf_puts(out, "(");
		completion_command_words(out);
		strbuf_puts(out, ")");
		break;
	}
}

/* One _arguments spec of OPT, as a line of the call. */
static void zsh_put_option(strbuf *out, const cjm_command *cmd, const cli_option *opt)
{
	bool value = completion_takes_value(opt);
	strbuf_puts(out, "\t\t");
	if (opt == &completion_help_option)
		strbuf_puts(out, "'(- *)'");
	else if (opt->kind == CLI_REPEATED)
		strbuf_puts(out, "'*'");
	else if (opt->short_name)
		strbuf_printf(out, "'(%s %s)'", opt->short_name, opt->name);
	if (opt->short_name)
		strbuf_printf(out, "{%s%s,%s%s}'", opt->short_name, value ? "+" : "", opt->name, value ? "=" : "");
	else
		strbuf_printf(out, "'%s%s", opt->name, value ? "=" : "");
	strbuf_putc(out, '[');
	zsh_put_description(out, opt->help);
	strbuf_putc(out, ']');
	if (value) {
		completion_values values;
		completion_option_values(cmd, opt, &values);
		strbuf_putc(out, ':');
		completion_put_sq(out, opt->arg ? opt->arg : "value");
		strbuf_putc(out, ':');
		zsh_put_action(out, &values);
		strbuf_release(&values.words);
	}
	strbuf_puts(out, "' \\\n");
}

static void zsh_put_command(strbuf *out, const cjm_command *cmd)
{
	strbuf_printf(out, "_cjm_cmd_%s() {\n\t_arguments -s -S \\\n", cmd->name);
	COMPLETION_EACH_OPTION(opt, cmd)
		zsh_put_option(out, cmd, opt);
	completion_values operands;
	completion_operand_values(cmd, &operands);
	if (operands.kind != COMPLETE_NOTHING) {
		strbuf_printf(out, "\t\t'*:%s:", operands.kind == COMPLETE_MAPS ? "map file"
						  : operands.kind == COMPLETE_FILES ? "file"
						  : operands.kind == COMPLETE_COMMANDS ? "command" : "argument");
		zsh_put_action(out, &operands);
		strbuf_puts(out, "' \\\n");
	}
	strbuf_release(&operands.words);
	strbuf_puts(out, "\t\t&& return 0\n\treturn 1\n}\n\n");
}

static void completion_zsh(strbuf *out)
{
	strbuf_printf(out,
		      "#compdef cjm\n"
		      "# zsh completion for cjm(1) %s, printed by `cjm completion zsh` from cjm's command\n"
		      "# and option tables. Installed as share/zsh/site-functions/_cjm (a folder of\n"
		      "# $fpath), or: source <(cjm completion zsh) after compinit.\n\n",
		      CJM_VERSION);
	strbuf_puts(out, "# map files, and the folders that may hold them\n"
			 "_cjm_maps() {\n"
			 "\t_files -g '*.(yaml|yml)(-.)'\n"
			 "}\n\n"
			 "# the pattern ids this cjm finds now, plugins too\n"
			 "_cjm_patterns() {\n"
			 "\tlocal -a ids\n"
			 "\tids=(${(f)\"$(_call_program patterns ${_cjm_program:-cjm} completion --patterns 2>/dev/null)\"})\n"
			 "\tcompadd -a ids\n"
			 "}\n\n");
	for (size_t i = 0; cjm_commands[i]; i++)
		zsh_put_command(out, cjm_commands[i]);
	strbuf_puts(out, "_cjm() {\n"
			 "\tlocal curcontext=$curcontext state line _cjm_program=$words[1] ret=1\n"
			 "\ttypeset -A opt_args\n"
			 "\t_arguments -C \\\n"
			 "\t\t'(- *)'{-h,--help}'[");
	zsh_put_description(out, completion_top_help);
	strbuf_puts(out, "]' \\\n\t\t'(- *)'{-V,--version}'[");
	zsh_put_description(out, completion_top_version);
	strbuf_puts(out, "]' \\\n");
	COMPLETION_EACH_OPTION(opt, &cjm_cmd_edit) {
		if (opt != &completion_help_option)
			zsh_put_option(out, &cjm_cmd_edit, opt);
	}
	strbuf_puts(out, "\t\t'1: :->command' \\\n"
			 "\t\t'*:: :->args' && ret=0\n"
			 "\tcase $state in\n"
			 "\tcommand)\n"
			 "\t\tlocal -a commands\n"
			 "\t\tcommands=(\n");
	for (size_t i = 0; cjm_commands[i]; i++) {
		char *flat = completion_flat(cjm_commands[i]->summary);
		strbuf_printf(out, "\t\t\t'%s:", cjm_commands[i]->name);
		completion_put_sq(out, flat);
		strbuf_puts(out, "'\n");
		free(flat);
	}
	strbuf_puts(out, "\t\t)\n"
			 "\t\t_describe -t commands 'cjm command' commands && ret=0\n"
			 "\t\t_cjm_maps && ret=0\n"
			 "\t\t;;\n"
			 "\targs)\n"
			 "\t\tcurcontext=${curcontext%:*:*}:cjm-$words[1]:\n"
			 "\t\tcase $words[1] in\n");
	for (size_t i = 0; cjm_commands[i]; i++)
		strbuf_printf(out, "\t\t%s) _cjm_cmd_%s && ret=0 ;;\n", cjm_commands[i]->name, cjm_commands[i]->name);
	strbuf_printf(out, "\t\t*) _cjm_cmd_%s && ret=0 ;;\n", cjm_cmd_edit.name);
	strbuf_puts(out, "\t\tesac\n"
			 "\t\t;;\n"
			 "\tesac\n"
			 "\treturn ret\n"
			 "}\n\n"
			 "# autoloaded from $fpath: complete now; sourced: register\n"
			 "if [[ ${zsh_eval_context[-1]} == loadautofunc ]]; then\n"
			 "\t_cjm \"$@\"\n"
			 "else\n"
			 "\tcompdef _cjm cjm\n"
			 "fi\n");
}

/* ---- fish --------------------------------------------------------------- */

/* TEXT inside '...' for fish: \ and ' escaped. */
static void fish_put_sq(strbuf *out, const char *text)
{
	for (const char *c = text; *c; c++) {
		if (*c == '\\' || *c == '\'')
			strbuf_putc(out, '\\');
		strbuf_putc(out, *c);
	}
}

/* The arguments of `complete` that make it offer VALUES. */
static void fish_put_values(strbuf *out, const completion_values *values)
{
	switch (values->kind) {
	case COMPLETE_NOTHING: strbuf_puts(out, " -x"); break;
	case COMPLETE_WORDS: strbuf_printf(out, " -x -a '%s'", values->words.data); break;
	case COMPLETE_FILES: strbuf_puts(out, " -r -F"); break;
	case COMPLETE_MAPS: strbuf_puts(out, " -x -a '(__cjm_maps)'"); break;
	case COMPLETE_PATTERNS: strbuf_puts(out, " -x -a '(__cjm_patterns)'"); break;
	case COMPLETE_COMMANDS:
		strbuf_puts(out, " -x -a '");
		completion_command_words(out);
		strbuf_puts(out, "'");
		break;
	}
}

static void fish_put_option(strbuf *out, const char *condition, const cjm_command *cmd, const cli_option *opt)
{
	strbuf_printf(out, "complete -c cjm -n '%s'", condition);
	if (opt->short_name)
		strbuf_printf(out, " -s %s", opt->short_name + 1);
	strbuf_printf(out, " -l %s", opt->name + 2);
	if (completion_takes_value(opt)) {
		completion_values values;
		completion_option_values(cmd, opt, &values);
		fish_put_values(out, &values);
		strbuf_release(&values.words);
	}
	char *flat = completion_flat(opt->help);
	strbuf_puts(out, " -d '");
	fish_put_sq(out, flat);
	strbuf_puts(out, "'\n");
	free(flat);
}

static void completion_fish(strbuf *out)
{
	strbuf_printf(out,
		      "# fish completion for cjm(1) %s, printed by `cjm completion fish` from cjm's command\n"
		      "# and option tables. Installed as share/fish/vendor_completions.d/cjm.fish, or:\n"
		      "#   cjm completion fish | source\n\n",
		      CJM_VERSION);
	strbuf_puts(out, "# the command of the line (its first word not an option), if any\n"
			 "function __cjm_command\n"
			 "\tfor word in (commandline -opc)[2..-1]\n"
			 "\t\tswitch $word\n"
			 "\t\t\tcase '-*'\n"
			 "\t\t\tcase '*'\n"
			 "\t\t\t\techo $word\n"
			 "\t\t\t\treturn 0\n"
			 "\t\tend\n"
			 "\tend\n"
			 "\treturn 1\n"
			 "end\n\n"
			 "function __cjm_needs_command\n"
			 "\tnot __cjm_command >/dev/null\n"
			 "end\n\n"
			 "function __cjm_using\n"
			 "\tset -l command (__cjm_command)\n"
			 "\ttest \"$command\" = $argv[1]\n"
			 "end\n\n"
			 "# map files, and the folders that may hold them\n"
			 "function __cjm_maps\n"
			 "\tset -l token (commandline -ct)\n"
			 "\tfor file in $token*\n"
			 "\t\tif test -d $file\n"
			 "\t\t\techo $file/\n"
			 "\t\telse if string match -q -- '*.yaml' $file; or string match -q -- '*.yml' $file\n"
			 "\t\t\techo $file\n"
			 "\t\tend\n"
			 "\tend\n"
			 "end\n\n"
			 "# the pattern ids this cjm finds now, plugins too\n"
			 "function __cjm_patterns\n"
			 "\tset -l program (commandline -opc)[1]\n"
			 "\tcommand $program completion --patterns 2>/dev/null\n"
			 "end\n\n"
			 "complete -c cjm -f\n");
	static const cli_option top[] = {
		{ "--help", "-h", NULL, CLI_FLAG, NULL, completion_top_help, NULL, NULL },
		{ "--version", "-V", NULL, CLI_FLAG, NULL, completion_top_version, NULL, NULL },
	};
	for (size_t i = 0; i < sizeof top / sizeof *top; i++)
		fish_put_option(out, "__cjm_needs_command", &cjm_cmd_edit, &top[i]);
	COMPLETION_EACH_OPTION(opt, &cjm_cmd_edit) {
		if (opt != &completion_help_option)
			fish_put_option(out, "__cjm_needs_command", &cjm_cmd_edit, opt);
	}
	strbuf_puts(out, "complete -c cjm -n __cjm_needs_command -k -a '(__cjm_maps)'\n");
	for (size_t i = 0; cjm_commands[i]; i++) {
		char *flat = completion_flat(cjm_commands[i]->summary);
		strbuf_printf(out, "complete -c cjm -n __cjm_needs_command -a %s -d '", cjm_commands[i]->name);
		fish_put_sq(out, flat);
		strbuf_puts(out, "'\n");
		free(flat);
	}
	for (size_t i = 0; cjm_commands[i]; i++) {
		const cjm_command *cmd = cjm_commands[i];
		char *condition = xasprintf("__cjm_using %s", cmd->name);
		strbuf_printf(out, "\n# cjm %s\n", cmd->name);
		COMPLETION_EACH_OPTION(opt, cmd)
			fish_put_option(out, condition, cmd, opt);
		completion_values operands;
		completion_operand_values(cmd, &operands);
		if (operands.kind != COMPLETE_NOTHING) {
			strbuf_printf(out, "complete -c cjm -n '%s'", condition);
			if (operands.kind == COMPLETE_MAPS)
				strbuf_puts(out, " -k -a '(__cjm_maps)'");
			else if (operands.kind == COMPLETE_FILES)
				strbuf_puts(out, " -F");
			else
				fish_put_values(out, &operands);
			strbuf_putc(out, '\n');
		}
		strbuf_release(&operands.words);
		free(condition);
	}
}

/* ---- the command -------------------------------------------------------- */

/* The ids of the patterns found now, built in and plugins, one a line. */
static int completion_patterns_list(void)
{
	cjm_registry *reg = cjm_registry_new(true);
	strbuf out = { 0 };
	for (size_t i = 0; i < reg->count; i++) {
		const char *id = reg->entries[i].pattern->id;
		if (id && completion_plain_word(id, strlen(id)))
			strbuf_printf(&out, "%s\n", id);
	}
	int rc = cli_write_output(NULL, out.data ? out.data : "", out.len);
	strbuf_release(&out);
	cjm_registry_free(reg);
	return rc;
}

static bool completion_patterns;

static const cli_option completion_options[] = {
	{ "--patterns", NULL, NULL, CLI_FLAG, &completion_patterns,
	  N_("print the ids of the patterns found now, built in and plugins,\none a line (the scripts complete --pattern "
	     "with them)"),
	  NULL, NULL },
	{ 0 },
};

static int cmd_completion_run(int argc, char **argv)
{
	cli_list operands = { 0 };
	int rc = CJM_EXIT_OK;
	bool parsed = cli_parse(&cjm_cmd_completion, argc, argv, &operands, &rc);
	const char *shell = operands.count ? operands.items[0] : NULL;
	const char *extra = operands.count > 1 ? operands.items[1] : NULL;
	cli_list_release(&operands);
	if (!parsed)
		return rc;
	if (completion_patterns) {
		if (shell)
			return cli_usage_error(&cjm_cmd_completion, _("--patterns takes no SHELL ('%s')"), shell);
		return completion_patterns_list();
	}
	if (!shell)
		return cli_usage_error(&cjm_cmd_completion, _("which shell? give bash, zsh or fish"));
	if (extra)
		return cli_usage_error(&cjm_cmd_completion, _("one shell at a time ('%s' and '%s')"), shell, extra);
	strbuf out = { 0 };
	if (strcmp(shell, "bash") == 0)
		completion_bash(&out);
	else if (strcmp(shell, "zsh") == 0)
		completion_zsh(&out);
	else if (strcmp(shell, "fish") == 0)
		completion_fish(&out);
	else
		rc = cli_usage_error(&cjm_cmd_completion, _("no shell '%s'; the shells are bash, zsh and fish"), shell);
	if (rc == CJM_EXIT_OK)
		rc = cli_write_output(NULL, out.data ? out.data : "", out.len);
	strbuf_release(&out);
	return rc;
}

const cjm_command cjm_cmd_completion = {
	"completion",
	"completion bash|zsh|fish | --patterns",
	N_("print the shell's completion script: commands, options, formats, patterns, map files"),
	completion_options,
	cmd_completion_run,
};
