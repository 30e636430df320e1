/* `cjm show`: the map as a grid with its emotion curve, or one fact per line (--plain). */
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "analysis/compare.h"
#include "cli/cli.h"
#include "render/show.h"
#include "util/xalloc.h"
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

/* The options, as given (a command runs once per process). */
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

	cjm_map *map = cli_load_map(file, &rc);
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
