/* Helpers every subcommand shares: help text, usage errors, option scanning, load and save. */
#include "cli/cli.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "io/load.h"
#include "io/revision.h"
#include "io/save.h"
#include "patterns/check.h"
#include "util/i18n.h"
#include "util/utf8.h"
#include "util/visible.h"
#include "util/xalloc.h"

void cli_print_command_line(FILE *out, const cjm_command *cmd)
{
	fprintf(out, "  %-9s ", cmd->name);
	cli_put_wrapped(out, _(cmd->summary), 12);
}

void cli_print_help(const cjm_command *cmd, FILE *out)
{
	fprintf(out, "usage: cjm %s\n\n", cmd->synopsis);
	cli_put_wrapped(out, _(cmd->summary), 0);
	if (cmd->options) {
		fprintf(out, "\n%s\n", _("options:"));
		cli_options_print(cmd->options, out);
	} else {
		fprintf(out, "  -h, --help  %s\n", _("show this help"));
	}
	fputc('\n', out);
	/* TRANSLATORS: %s is a command name: "See cjm-new(1)." names its manual page. */
	fprintf(out, _("See cjm-%s(1).\n"), cmd->name);
}

bool cli_is_help(const char *arg)
{
	return strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0;
}

/* Prints "cjm: MESSAGE" with what it quotes (file names, values) escaped (visible_escaped). */
static void cli_say(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

static void cli_say(const char *fmt, va_list ap)
{
	strbuf message = { 0 };
	va_list copy;
	va_copy(copy, ap);
	int n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	char *text = xmalloc(n > 0 ? (size_t)n + 1 : 1);
	vsnprintf(text, n > 0 ? (size_t)n + 1 : 1, fmt, ap);
	visible_puts(&message, text, 0);
	fprintf(stderr, "cjm: %s\n", message.data ? message.data : "");
	strbuf_release(&message);
	free(text);
}

void cli_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	cli_say(fmt, ap);
	va_end(ap);
}

int cli_usage_error(const cjm_command *cmd, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	cli_say(fmt, ap);
	va_end(ap);
	fprintf(stderr, "usage: cjm %s\n", cmd->synopsis);
	return CJM_EXIT_USAGE;
}

bool cli_opt_flag(const char *arg, const char *name, const char *short_name)
{
	return (name && strcmp(arg, name) == 0) || (short_name && strcmp(arg, short_name) == 0);
}

bool cli_parse(const cjm_command *cmd, int argc, char **argv, cli_list *operands, int *exit_code)
{
	static const cli_option none[] = { { 0 } };
	switch (cli_options_parse(cmd->options ? cmd->options : none, argc, argv, operands)) {
	case CLI_PARSED:
		return true;
	case CLI_HELP_ASKED:
		cli_print_help(cmd, stdout);
		*exit_code = CJM_EXIT_OK;
		return false;
	case CLI_BAD:
		break;
	}
	fprintf(stderr, "usage: cjm %s\n", cmd->synopsis);
	*exit_code = CJM_EXIT_USAGE;
	return false;
}

bool cli_parse_one(const cjm_command *cmd, int argc, char **argv, const char *name, const char *none,
		   const char **operand, int *exit_code)
{
	cli_list operands = { 0 };
	bool parsed = cli_parse(cmd, argc, argv, &operands, exit_code);
	*operand = operands.count ? operands.items[0] : NULL;
	if (parsed && operands.count > 1)
		/* TRANSLATORS: the first %s is the operand's name in the synopsis (FILE), the others the first two given. */
		*exit_code = cli_usage_error(cmd, _("one %s only ('%s' and '%s')"), name, operands.items[0],
					     operands.items[1]);
	else if (parsed && operands.count == 0)
		*exit_code = cli_usage_error(cmd, "%s", _(none));
	bool one = parsed && operands.count == 1;
	cli_list_release(&operands);
	return one;
}

static const char *cli_display_name(const char *path)
{
	return strcmp(path, "-") == 0 ? "<stdin>" : path;
}

cjm_map *cli_load_text(const char *path, const char *text, size_t len, int *exit_code,
		       cjm_comments *comments)
{
	diag_list *diags = diag_list_new(cli_display_name(path));
	cjm_map *map = cjm_load_buffer(text, len, diags, comments);
	if (!map)
		*exit_code = CJM_EXIT_DATAERR;
	diag_print(diags, stderr);
	diag_list_free(diags);
	return map;
}

char *cli_read_input(const char *path, size_t *len, int *exit_code)
{
	*len = 0;
	if (cjm_is_revision(path)) {
		char *why = NULL;
		char *text = cjm_read_revision(path, len, &why);
		if (!text && errno == EFBIG) {
			visible_fputs(path, 0, stderr);
			fprintf(stderr, _(": error: file is too large (the limit is %u MiB)\n"), CJM_MAX_FILE_SIZE >> 20);
			*exit_code = CJM_EXIT_DATAERR;
		} else if (!text) {
			cli_error("%s: %s", path, why); /* git's "fatal: ...", escaped like every message */
			*exit_code = CJM_EXIT_NOINPUT;
		}
		free(why);
		return text;
	}
	int err = 0;
	char *text = cjm_read_file(path, len, &err);
	if (!text) {
		if (err == EFBIG) {
			visible_fputs(cli_display_name(path), 0, stderr);
			fprintf(stderr, _(": error: file is too large (the limit is %u MiB)\n"), CJM_MAX_FILE_SIZE >> 20);
			*exit_code = CJM_EXIT_DATAERR;
		} else {
			cli_error("%s: %s", path, strerror(err));
			*exit_code = CJM_EXIT_NOINPUT;
		}
	}
	return text;
}

cjm_map *cli_load_map(const char *path, int *exit_code)
{
	size_t len = 0;
	char *text = cli_read_input(path, &len, exit_code);
	if (!text)
		return NULL;
	cjm_map *map = cli_load_text(path, text, len, exit_code, NULL);
	free(text);
	return map;
}

char *cli_first_problem(const diag_list *diags)
{
	const diag *first = diag_first_error(diags);
	if (!first)
		return xstrdup(_("not a valid map"));
	if (first->line > 0)
		return xasprintf("%d:%d: %s", first->line, first->col, first->message);
	return xstrdup(first->message);
}

cjm_map *cli_parse_quietly(const char *text, size_t len, char **problem)
{
	diag_list *diags = diag_list_new(NULL);
	cjm_map *map = cjm_load_buffer(text, len, diags, NULL);
	*problem = map ? NULL : cli_first_problem(diags);
	diag_list_free(diags);
	return map;
}

/* How many of the N bytes of S hold whole characters: all but the start of a UTF-8
 * sequence that the bytes after S finish. */
static size_t cli_whole_chars(const char *s, size_t n)
{
	for (size_t back = 1; back <= 4 && back <= n; back++) {
		unsigned char c = (unsigned char)s[n - back];
		if ((c & 0xC0) == 0x80)
			continue; /* a continuation byte: look for its lead */
		size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
		return need > back ? n - back : n;
	}
	return n;
}

/* Writes LEN bytes of whole characters escaped. */
static void cli_text_out_emit(cli_text_out *t, const char *bytes, size_t len)
{
	strbuf shown = { 0 };
	visible_append(&shown, bytes, len, VISIBLE_KEEP_NEWLINE | VISIBLE_KEEP_TAB);
	if (shown.len && fwrite(shown.data, 1, shown.len, stdout) != shown.len)
		t->failed = true;
	strbuf_release(&shown);
}

void cli_text_out_write(cli_text_out *t, const char *bytes, size_t len)
{
	while (t->held_len && len) { /* finish the character the last part began */
		t->held[t->held_len++] = *bytes++;
		len--;
		if (cli_whole_chars(t->held, t->held_len) == t->held_len || t->held_len == sizeof t->held) {
			cli_text_out_emit(t, t->held, t->held_len);
			t->held_len = 0;
		}
	}
	enum { SLICE = 1 << 16 };
	while (len) {
		size_t n = len > SLICE ? SLICE : len;
		size_t whole = cli_whole_chars(bytes, n);
		if (whole == 0)
			break; /* the last few bytes, waiting for the rest of their character */
		cli_text_out_emit(t, bytes, whole);
		bytes += whole;
		len -= whole;
	}
	memcpy(t->held, bytes, len);
	t->held_len = len;
}

bool cli_text_out_finish(cli_text_out *t)
{
	if (t->held_len)
		cli_text_out_emit(t, t->held, t->held_len); /* an unfinished character: its bytes as \xHH */
	t->held_len = 0;
	if (fflush(stdout) != 0)
		t->failed = true;
	return !t->failed;
}

bool cli_refuse_revision(const cjm_command *cmd, const char *path, int *exit_code)
{
	if (!cjm_is_revision(path))
		return false;
	/* TRANSLATORS: %s is what was given, read as git's REV:PATH (a map in a commit). */
	*exit_code = cli_usage_error(cmd, _("'%s' is a map in a git revision, which cannot be written; "
					    "give the file itself (./%s if its name holds ':')"),
				     path, path);
	return true;
}

void cli_warn_pattern_refs(const char *path, const cjm_map *map, const cjm_registry *registry)
{
	diag_list *diags = diag_list_new(cli_display_name(path));
	cjm_patterns_check_map(map, registry, diags);
	diag_print(diags, stderr);
	diag_list_free(diags);
}

int cli_save_exit_code(const char *stage)
{
	return strcmp(stage, "check") == 0 || strcmp(stage, "create") == 0 ? CJM_EXIT_CANTCREAT : CJM_EXIT_IOERR;
}

int cli_write_output(const char *path, const char *data, size_t len)
{
	if (!path || strcmp(path, "-") == 0) {
		if ((len && fwrite(data, 1, len, stdout) != len) || fflush(stdout) != 0) {
			cli_error(_("cannot write the output: %s"), strerror(errno));
			return CJM_EXIT_IOERR;
		}
		return CJM_EXIT_OK;
	}
	const char *stage = NULL;
	int err = cjm_write_file_atomic(path, data, len, &stage);
	return err == 0 ? CJM_EXIT_OK : cli_write_failed(path, err, stage);
}

int cli_write_failed(const char *path, int err, const char *stage)
{
	char *why = cjm_save_failure(path, err, stage);
	cli_error(_("%s: cannot write (%s); nothing was written there"), path, why);
	free(why);
	return cli_save_exit_code(stage);
}

int cli_save_map(const cjm_map *map, const char *path)
{
	const char *stage = NULL;
	int err = cjm_save_file(map, path, &stage);
	if (err == 0)
		return CJM_EXIT_OK;
	char *why = cjm_save_failure(path, err, stage);
	cli_error(_("%s: cannot save (%s); the file on disk is unchanged"), path, why);
	free(why);
	return cli_save_exit_code(stage);
}

/* "maps/my-journey.yaml" -> "My journey". */
char *cli_title_from_path(const char *path)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	const char *dot = strrchr(base, '.');
	size_t len = dot && dot != base ? (size_t)(dot - base) : strlen(base);
	char *title = xstrndup(base, len);
	for (char *p = title; *p; p++)
		if (*p == '-' || *p == '_')
			*p = ' ';
	if (cjm_text_is_blank(title) || !utf8_valid(title)) { /* a title a map may hold */
		free(title);
		return xstrdup("New journey");
	}
	title[0] = (char)toupper((unsigned char)title[0]);
	return title;
}
