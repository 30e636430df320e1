/* `cjm show`: the map as a grid with its emotion curve, or one fact per line (--plain). */
#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "analysis/compare.h"
#include "analysis/vote_summary.h"
#include "cli/cli.h"
#include "io/revision.h"
#include "render/show.h"
#include "render/text.h"
#include "util/xalloc.h"
#include "util/visible.h"
#include "util/i18n.h"

#define SHOW_WIDTH_MAX 10000

/* The width to fit when none is given: the terminal's, $COLUMNS, or 80. */
static size_t cmd_show_default_width(void)
{
	struct winsize ws;
	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	const char *columns = getenv("COLUMNS");
	if (columns && *columns) {
		char *end;
		long n = strtol(columns, &end, 10);
		if (*end == '\0' && n > 0 && n <= SHOW_WIDTH_MAX)
			return (size_t)n;
	}
	return 80;
}

/* True when the locale's character set is UTF-8 (so box-drawing characters show). */
static bool cmd_show_utf8_locale(void)
{
	const char *was = setlocale(LC_CTYPE, NULL);
	char *saved = was ? xstrdup(was) : NULL;
	bool utf8 = false;
	if (setlocale(LC_CTYPE, "")) {
		const char *codeset = nl_langinfo(CODESET);
		utf8 = codeset && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
	}
	if (saved)
		setlocale(LC_CTYPE, saved);
	free(saved);
	return utf8;
}

/* Writes the grid out band by band, so a huge map needs little memory. */
static void cmd_show_flush(strbuf *out, void *arg)
{
	bool *failed = arg;
	if (out->len && fwrite(out->data, 1, out->len, stdout) != out->len)
		*failed = true;
	strbuf_reset(out);
}

/* ---- --plain as git's textconv: a file that is not a valid map reads as its text ---- */

/* The line before the text of a file that is not a valid map. In English whatever the
 * interface language, as all of --plain is: a diff reads the same for everyone. */
static void cmd_show_not_a_map(strbuf *out, const char *problem)
{
	strbuf_puts(out, "# cjm: not a valid map (");
	visible_puts(out, problem, 0);
	strbuf_puts(out, "); its text follows as it is\n");
}

/* Writes OUT, then LEN bytes of TEXT as cli_text_out shows them; false when the output failed. */
static bool cmd_show_write_text(strbuf *out, const char *text, size_t len)
{
	bool failed = false;
	cmd_show_flush(out, &failed);
	cli_text_out shown = { .failed = failed };
	cli_text_out_write(&shown, text, len);
	return cli_text_out_finish(&shown);
}

/* Copies FILE, which is over the size limit, to standard output (cli_text_out) after the
 * line that says so, without holding it in memory. Returns the exit code; says why not 0. */
static int cmd_show_copy_large(const char *file, strbuf *out)
{
	int fd = open(file, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		cli_error("%s: %s", file, strerror(errno));
		return CJM_EXIT_NOINPUT;
	}
	char problem[80];
	snprintf(problem, sizeof problem, "file is too large (the limit is %u MiB)", CJM_MAX_FILE_SIZE >> 20);
	cmd_show_not_a_map(out, problem);
	bool failed = false;
	cmd_show_flush(out, &failed);
	cli_text_out shown = { .failed = failed };
	char chunk[1 << 16];
	int read_err = 0;
	for (ssize_t got; !shown.failed && !read_err && (got = read(fd, chunk, sizeof chunk)) != 0;) {
		if (got < 0 && errno != EINTR)
			read_err = errno;
		else if (got > 0)
			cli_text_out_write(&shown, chunk, (size_t)got);
	}
	close(fd);
	if (!cli_text_out_finish(&shown)) {
		cli_error(_("cannot write the output"));
		return CJM_EXIT_IOERR;
	}
	if (read_err) {
		cli_error("%s: %s", file, strerror(read_err));
		return CJM_EXIT_IOERR;
	}
	return CJM_EXIT_OK;
}

/* True when FILE is a file (not standard input, not a revision) over the size limit. */
static bool cmd_show_too_large(const char *file)
{
	struct stat st;
	return strcmp(file, "-") != 0 && !cjm_is_revision(file) && stat(file, &st) == 0 && S_ISREG(st.st_mode) &&
	       (unsigned long long)st.st_size > CJM_MAX_FILE_SIZE;
}

/* The map in FILE for --plain; or, when FILE is there but not a valid map, NULL after
 * writing a line that says so and FILE's text (cli_text_out: as it is, but for control
 * characters), with *RC 0 (74 when the output failed): git diff, log -p, show and
 * blame then always work. */
static cjm_map *cmd_show_plain_load(const char *file, int *rc)
{
	strbuf out = { 0 };
	if (cmd_show_too_large(file)) {
		*rc = cmd_show_copy_large(file, &out);
		strbuf_release(&out);
		return NULL;
	}
	size_t len = 0;
	char *text = cli_read_input(file, &len, rc);
	if (!text)
		return NULL;
	/* the problem in English too: the loader's messages are read untranslated */
	const char *was = setlocale(LC_MESSAGES, NULL);
	char *saved = was ? xstrdup(was) : NULL;
	setlocale(LC_MESSAGES, "C");
	char *problem = NULL;
	cjm_map *map = cli_parse_quietly(text, len, &problem);
	if (saved)
		setlocale(LC_MESSAGES, saved);
	free(saved);
	if (!map) {
		cmd_show_not_a_map(&out, problem);
		*rc = cmd_show_write_text(&out, text, len) ? CJM_EXIT_OK : CJM_EXIT_IOERR;
		if (*rc != CJM_EXIT_OK)
			cli_error(_("cannot write the output"));
	}
	free(problem);
	free(text);
	strbuf_release(&out);
	return map;
}

/* The options, as given (a command runs once per process). */
/* Under the grid, a line per touchpoint the room voted on: "NAME (PHASE/ID): Vote of
 * the room: 5 votes, ...", in the interface language, wrapped to WIDTH; ASCII: a
 * plain '-' for the typographic minus. */
static void cmd_show_votes(strbuf *out, const cjm_map *map, size_t width, bool ascii)
{
	strbuf line = { 0 };
	bool any = false;
	for (size_t p = 0; p < map->phase_count; p++) {
		const cjm_phase *phase = map->phases[p];
		for (size_t t = 0; t < phase->touchpoint_count; t++) {
			const cjm_touchpoint *tp = phase->touchpoints[t];
			strbuf_reset(&line);
			strbuf_printf(&line, "%s (%s/%s): ", tp->name, phase->id, tp->id);
			if (!cjm_vote_sentence_of(tp, i18n_language(), &line))
				continue;
			if (!any)
				strbuf_putc(out, '\n');
			any = true;
			if (ascii) /* U+2212 as '-', in place: the text only gets shorter */
				for (char *minus; (minus = strstr(line.data, "\xE2\x88\x92"));) {
					*minus = '-';
					memmove(minus + 1, minus + 3, strlen(minus + 3) + 1);
					line.len -= 2;
				}
			cjm_text_wrap(out, line.data, width);
		}
	}
	strbuf_release(&line);
}

static const char *show_width, *show_compare;
static bool show_plain;

static const cli_option show_options[] = {
	{ "--width", NULL, "N", CLI_VALUE, &show_width,
	  N_("fit lines in N columns (default: the terminal's, $COLUMNS, or 80)"), NULL, NULL },
	{ "--plain", NULL, NULL, CLI_FLAG, &show_plain, N_("one line per fact, in map order (for git diff textconv)"),
	  NULL, NULL },
	{ "--compare", NULL, "OTHER", CLI_VALUE, &show_compare,
	  N_("draw OTHER's emotion curve over the map's, touchpoints matched by id"), NULL, NULL },
	{ 0 },
};

static int cmd_show_run(int argc, char **argv)
{
	const char *file;
	int rc = CJM_EXIT_OK;
	if (!cli_parse_one(&cjm_cmd_show, argc, argv, "FILE", N_("which map? give a FILE"), &file, &rc))
		return rc;
	const char *width_arg = show_width;
	bool plain = show_plain;
	size_t width = 0;
	if (width_arg) {
		char *end;
		long n = strtol(width_arg, &end, 10);
		if (*width_arg == '\0' || *end != '\0' || n < 1 || n > SHOW_WIDTH_MAX)
			return cli_usage_error(&cjm_cmd_show, _("--width must be a whole number from 1 to %d, not '%s'"),
					       SHOW_WIDTH_MAX, width_arg);
		width = (size_t)n;
	}
	if (plain && show_compare)
		return cli_usage_error(&cjm_cmd_show, _("--compare draws the grid; it does not go with --plain"));

	cjm_map *map = plain ? cmd_show_plain_load(file, &rc) : cli_load_map(file, &rc);
	if (!map)
		return rc;
	cjm_map *other = NULL;
	if (show_compare) {
		other = cli_load_map(show_compare, &rc);
		if (!other) {
			cjm_map_free(map);
			return rc;
		}
	}
	cjm_compare *compare = other ? cjm_compare_new(map, other) : NULL;
	strbuf out = { 0 };
	bool failed = false;
	if (plain) {
		cjm_show_plain(&out, map);
		cmd_show_flush(&out, &failed);
	} else {
		cjm_show_options options = {
			.width = width ? width : cmd_show_default_width(),
			.ascii = !cmd_show_utf8_locale(),
			.flush = cmd_show_flush,
			.flush_arg = &failed,
			.compare = compare,
			.here_name = strcmp(file, "-") == 0 ? "<stdin>" : file,
			.there_name = show_compare && strcmp(show_compare, "-") == 0 ? "<stdin>" : show_compare,
		};
		cjm_show_grid(&out, map, &options);
		cmd_show_votes(&out, map, options.width, options.ascii);
		cmd_show_flush(&out, &failed);
	}
	if (failed || fflush(stdout) != 0)
		rc = CJM_EXIT_IOERR;
	if (rc == CJM_EXIT_IOERR)
		cli_error(_("cannot write the output"));
	strbuf_release(&out);
	cjm_compare_free(compare);
	cjm_map_free(other);
	cjm_map_free(map);
	return rc;
}

const cjm_command cjm_cmd_show = {
	"show",
	"show FILE [--width N] [--plain] [--compare OTHER]",
	N_("the map as text: a grid with the emotion curve, or one fact per line"),
	show_options,
	cmd_show_run,
};
