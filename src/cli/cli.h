/* The command table and the helpers every subcommand shares (loading, usage, exit codes). */
#ifndef CJM_CLI_H
#define CJM_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "model/map.h"
#include "cli/options.h"
#include "io/load.h"
#include "patterns/registry.h"

/* Exit codes (sysexits). */
enum cjm_exit {
	CJM_EXIT_OK = 0,
	CJM_EXIT_FOUND = 1,      /* differences / suggestions / not canonical */
	CJM_EXIT_USAGE = 64,
	CJM_EXIT_DATAERR = 65,
	CJM_EXIT_NOINPUT = 66,
	CJM_EXIT_CANTCREAT = 73,
	CJM_EXIT_IOERR = 74,
};

/* One subcommand: what `cjm --help`, `cjm NAME --help`, `cjm help` and the
 * man-page check all read; its option table is what cli_parse reads. */
typedef struct cjm_command {
	const char *name;
	const char *synopsis; /* after "cjm ": "new FILE [--title T]" */
	const char *summary;  /* one line, as in cjm(1) */
	const cli_option *options; /* ends with a NULL name; NULL: none */
	int (*run)(int argc, char **argv); /* argv[0] is the command name */
} cjm_command;

/* Every command, in the order `cjm --help` lists them; NULL-terminated. */
extern const cjm_command *const cjm_commands[];
const cjm_command *cjm_command_find(const char *name);

/* The commands, one file each (src/cli/cmd_NAME.c). */
extern const cjm_command cjm_cmd_edit;
extern const cjm_command cjm_cmd_new;
extern const cjm_command cjm_cmd_validate;
extern const cjm_command cjm_cmd_fmt;
extern const cjm_command cjm_cmd_show;
extern const cjm_command cjm_cmd_stats;
extern const cjm_command cjm_cmd_suggest;
extern const cjm_command cjm_cmd_patterns;
extern const cjm_command cjm_cmd_diff;
extern const cjm_command cjm_cmd_merge;
extern const cjm_command cjm_cmd_resolve;
extern const cjm_command cjm_cmd_export;
extern const cjm_command cjm_cmd_import;
extern const cjm_command cjm_cmd_help;
extern const cjm_command cjm_cmd_log;
extern const cjm_command cjm_cmd_completion;
extern const cjm_command cjm_cmd_host;
extern const cjm_command cjm_cmd_join;

/* "  NAME      summary", the summary wrapped to fit 80 columns: how cjm --help and
 * cjm help list a command. */
void cli_print_command_line(FILE *out, const cjm_command *cmd);
/* The editor's own start (cmd_edit.c), for the commands that open it. */
struct cjm_editor;
struct cjm_recovery;
/* Runs once the editor is made, before its loop: the live session's hook. RECOVERY
 * is NULL when the map opened read-only. */
typedef void (*cli_edit_start)(struct cjm_editor *ed, struct cjm_recovery *recovery, void *ctx);
/* True when standard input and output are a terminal; else says that PATH can be
 * shown with cjm show instead (the caller exits 64). */
bool cli_have_terminal(const char *path);
/* Opens the editor on PATH as `cjm edit` does (lock, recovery, conflicts) and runs it
 * until it quits; START (may be NULL) with CTX once the editor is made. Returns the
 * exit code. */
int cli_edit_file(const char *path, bool read_only, cli_edit_start start, void *ctx);

/* Prints CMD's usage and options to OUT. */
void cli_print_help(const cjm_command *cmd, FILE *out);
/* True when ARG asks for help (-h, --help). */
bool cli_is_help(const char *arg);
/* Prints "cjm: MESSAGE" and the usage line to stderr; returns CJM_EXIT_USAGE. */
int cli_usage_error(const cjm_command *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Prints "cjm: MESSAGE" to stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* True when ARG is NAME or SHORT_NAME (either may be NULL). */
bool cli_opt_flag(const char *arg, const char *name, const char *short_name);

/* Reads ARGV by CMD's option table (cli_options_parse); the operands go to
 * *OPERANDS (release it whatever the result). False when the command is done:
 * the help was printed (*EXIT_CODE 0), or a usage error (*EXIT_CODE 64). */
bool cli_parse(const cjm_command *cmd, int argc, char **argv, cli_list *operands, int *exit_code);
/* The same for a command of one operand, NAME in its synopsis ("FILE"), into
 * *OPERAND: none is the usage error NONE, two "one NAME only ('A' and 'B')". */
bool cli_parse_one(const cjm_command *cmd, int argc, char **argv, const char *name, const char *none,
		   const char **operand, int *exit_code);

/* Reads all of what PATH names: a file, "-" (standard input), or REV:PATH
 * (cjm_is_revision) from git. NULL when it cannot, with why printed and *EXIT_CODE
 * set: 66 cannot open (git's own message for a revision), 65 over the size limit. */
char *cli_read_input(const char *path, size_t *len, int *exit_code);

/* Loads PATH (as cli_read_input reads it), printing every diagnostic to stderr
 * with PATH as the file. Returns the map, or NULL with *EXIT_CODE set (66 cannot
 * open, 65 bad data). */
cjm_map *cli_load_map(const char *path, int *exit_code);

/* The first error of DIAGS by position, for one line: "LINE:COL: message", or the
 * message alone when it is about the whole file (malloc'd, not escaped). */
char *cli_first_problem(const diag_list *diags);

/* Parses LEN bytes of TEXT as a map, printing nothing: NULL when it is not one, with
 * *PROBLEM its first problem (cli_first_problem, malloc'd); else *PROBLEM is NULL. */
cjm_map *cli_parse_quietly(const char *text, size_t len, char **problem);

/* The text of a file that is not a valid map, written to standard output as it is
 * but for what a terminal would act on: each character of visible_escaped other than
 * line feed and tab is escaped, so line for line the text stays the file's. Written in
 * parts (cli_text_out_write), never splitting a character; FAILED when a write failed. */
typedef struct cli_text_out {
	char held[4]; /* the start of a character that continues in the next part */
	size_t held_len;
	bool failed;
} cli_text_out;
void cli_text_out_write(cli_text_out *t, const char *bytes, size_t len);
/* Writes what is held back and flushes standard output; false when anything failed. */
bool cli_text_out_finish(cli_text_out *t);

/* For a command that writes back to its file: when PATH reads as REV:PATH, says it
 * cannot take a revision (usage error, *EXIT_CODE 64) and returns true. */
bool cli_refuse_revision(const cjm_command *cmd, const char *path, int *exit_code);

/* The same, from TEXT already read (LEN bytes); COMMENTS may be NULL. */
cjm_map *cli_load_text(const char *path, const char *text, size_t len, int *exit_code,
		       cjm_comments *comments);

/* Warns on stderr, as FILE:LINE:COL: warning: ..., about pattern ids in MAP's
 * `patterns:` and `dismissed:` that REGISTRY does not know, and dismissals of
 * targets that are gone (cjm_patterns_check_map). */
void cli_warn_pattern_refs(const char *path, const cjm_map *map, const cjm_registry *registry);

/* A title made from a file name: "maps/my-journey.yaml" -> "My journey" (malloc'd). */
char *cli_title_from_path(const char *path);

/* The exit code of a failed cjm_write_file_atomic by its STAGE: 73 when the file
 * could not be created or the save was refused ("check"), 74 for an I/O error. */
int cli_save_exit_code(const char *stage);

/* Writes DATA (LEN bytes) to standard output when PATH is NULL or "-", else to PATH
 * atomically (temporary file, fsync, rename); on failure prints why and returns 73
 * (cannot create) or 74 (I/O error), else 0. */
int cli_write_output(const char *path, const char *data, size_t len);
/* Says that PATH could not be written (ERR, an errno value, at STAGE of an
 * atomic write, as cjm_save_failure words it) and that nothing was; returns the
 * exit code (cli_save_exit_code). */
int cli_write_failed(const char *path, int err, const char *stage);

/* Saves MAP to PATH atomically; on failure prints why and returns 73 or 74. */
int cli_save_map(const cjm_map *map, const char *path);

#endif
