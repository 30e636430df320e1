/* `cjm export FILE --to FORMAT [-o OUT]`: the map as Mermaid, Markdown, CSV, JSON, SVG or HTML. */
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "analysis/compare.h"
#include "cli/cli.h"
#include "export/export.h"
#include "util/strbuf.h"
#include "util/i18n.h"

/* The keys a map has at its top level (cjm-map(5)). */
static bool export_is_map_key(const char *line, size_t len)
{
	static const char *const keys[] = { "version", "title", "language", "persona", "brand_values",
					    "thresholds", "patterns", "phases", "dismissed" };
	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
		size_t n = strlen(keys[i]);
		if (len > n && memcmp(line, keys[i], n) == 0 && (line[n] == ':' || line[n] == ' '))
			return true;
	}
	return false;
}

/* True when the regular file PATH reads as a map in YAML (also a broken one): its
 * first line that is not blank, a comment or a document marker starts with one of
 * a map's top-level keys. What an export writes never does (JSON starts with '{'). */
static bool export_looks_like_map(const char *path)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return false;
	struct stat st;
	char buf[65536];
	ssize_t got = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) ? read(fd, buf, sizeof buf) : -1;
	close(fd);
	if (got <= 0)
		return false;
	const char *p = buf, *end = buf + got;
	if (end - p >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		size_t len = eol ? (size_t)(eol - p) : (size_t)(end - p);
		size_t blank = 0;
		while (blank < len && (p[blank] == ' ' || p[blank] == '\t' || p[blank] == '\r'))
			blank++;
		bool skip = blank == len || p[blank] == '#' || p[0] == '%' || (len >= 3 && memcmp(p, "---", 3) == 0);
		if (!skip)
			return export_is_map_key(p, len);
		if (!eol)
			break;
		p = eol + 1;
	}
	return false;
}

/* Refuses an OUT that is the map being exported (FILE, or standard input for
 * "-"), however it is named (a link, another path), always; and, without
 * FORCE, an OUT that is a map. Returns 0 or the exit code, having said why. */
static int export_check_output(const char *file, const char *out_path, bool force)
{
	struct stat out, in;
	if (!out_path || strcmp(out_path, "-") == 0 || stat(out_path, &out) != 0)
		return CJM_EXIT_OK;
	bool have_in = strcmp(file, "-") == 0 ? fstat(STDIN_FILENO, &in) == 0 : stat(file, &in) == 0;
	if (have_in && in.st_dev == out.st_dev && in.st_ino == out.st_ino && S_ISREG(out.st_mode)) {
		cli_error(_("%s is the map being exported; give -o another name"), out_path);
		return CJM_EXIT_CANTCREAT;
	}
	if (!force && export_looks_like_map(out_path)) {
		cli_error(_("%s exists and is a map; give --force to replace it, or another name"), out_path);
		return CJM_EXIT_CANTCREAT;
	}
	return CJM_EXIT_OK;
}

/* The options, as given (a command runs once per process). */
static const char *export_to, *export_output, *export_paper, *export_csv_dialect, *export_compare;
static bool export_force;

static const cli_option export_options[] = {
	{ "--to", "-t", "FORMAT", CLI_VALUE, &export_to, N_("mermaid, markdown, csv, json, svg, html or xlsx"), NULL, NULL },
	{ "--output", "-o", "OUT", CLI_VALUE, &export_output, N_("write OUT atomically instead of standard output"),
	  NULL, NULL },
	{ "--force", NULL, NULL, CLI_FLAG, &export_force, N_("replace OUT even when it is a map (never FILE itself)"),
	  NULL, NULL },
	{ "--paper", NULL, "SIZE", CLI_VALUE, &export_paper,
	  N_("a4, a3 (the default) or a2, landscape, or fit:\none sheet as long as the journey; svg and html"), NULL, NULL },
	{ "--csv-dialect", NULL, "LANG", CLI_VALUE, &export_csv_dialect,
	  N_("csv for nl (Dutch spreadsheets: ';', 7,5) or en;\ndefault: the map's language"), NULL, NULL },
	{ "--compare", NULL, "OTHER", CLI_VALUE, &export_compare,
	  N_("svg and html: draw OTHER's curve too, with the figures of both\nand the difference per touchpoint"), NULL,
	  NULL },
	{ 0 },
};

/* Mermaid's default maxTextSize: a viewer refuses a diagram of more characters. */
#define MERMAID_TEXT_LIMIT 50000

/* Warns when the diagram in OUT is longer than Mermaid draws by default. Mermaid
 * counts JavaScript characters: one per character, two beyond the Basic
 * Multilingual Plane (a 4-byte UTF-8 sequence). */
static void export_warn_mermaid_size(const strbuf *out)
{
	size_t length = 0;
	for (size_t i = 0; i < out->len; i++) {
		unsigned char byte = (unsigned char)out->data[i];
		if ((byte & 0xC0) != 0x80)
			length += byte >= 0xF0 ? 2 : 1;
	}
	if (length > MERMAID_TEXT_LIMIT)
		/* TRANSLATORS: %zu is the length of the diagram; maxTextSize is Mermaid's setting. */
		cli_error(_("warning: the diagram is %zu characters, more than Mermaid draws by default (50,000, "
			    "its maxTextSize); a viewer may refuse it: --to svg or --to html draws a map of any size"),
			  length);
}

static int cmd_export_run(int argc, char **argv)
{
	const char *file;
	int rc = CJM_EXIT_OK;
	if (!cli_parse_one(&cjm_cmd_export, argc, argv, "FILE", N_("which map? give a FILE"), &file, &rc))
		return rc;
	const char *to = export_to, *out_path = export_output, *paper_name = export_paper;
	bool force = export_force;
	if (!to)
		return cli_usage_error(&cjm_cmd_export, _("which format? give --to FORMAT"));
	const cjm_format *format = cjm_format_find(to);
	if (!format)
		return cli_usage_error(&cjm_cmd_export,
				       _("no format '%s'; the formats are mermaid, markdown, csv, json, svg, html and xlsx"), to);
	cjm_export_options options = { .paper = CJM_PAPER_A3 };
	if (paper_name && !cjm_paper_parse(paper_name, &options.paper))
		return cli_usage_error(&cjm_cmd_export, _("no paper '%s'; the papers are a4, a3, a2 and fit"), paper_name);
	if (export_csv_dialect && strcmp(export_csv_dialect, "nl") != 0 && strcmp(export_csv_dialect, "en") != 0)
		return cli_usage_error(&cjm_cmd_export, _("no CSV dialect '%s'; the dialects are nl and en"),
				       export_csv_dialect);
	options.csv_dialect = export_csv_dialect;
	if (export_compare && strcmp(format->name, "svg") != 0 && strcmp(format->name, "html") != 0)
		return cli_usage_error(&cjm_cmd_export, _("--compare draws two curves: only svg and html take it, not %s"),
				       format->name);

	rc = export_check_output(file, out_path, force);
	if (rc != CJM_EXIT_OK)
		return rc;
	cjm_map *map = cli_load_map(file, &rc);
	if (!map)
		return rc;
	cjm_map *other = NULL;
	cjm_compare *compare = NULL;
	if (export_compare) {
		other = cli_load_map(export_compare, &rc);
		if (!other) {
			cjm_map_free(map);
			return rc;
		}
		compare = cjm_compare_new(map, other);
		options.compare = compare;
		options.here_name = strcmp(file, "-") == 0 ? "<stdin>" : file;
		options.there_name = strcmp(export_compare, "-") == 0 ? "<stdin>" : export_compare;
	}
	strbuf out = { 0 };
	format->export_map(map, &options, &out);
	rc = cli_write_output(out_path, out.data ? out.data : "", out.len);
	if (rc == CJM_EXIT_OK && strcmp(format->name, "mermaid") == 0)
		export_warn_mermaid_size(&out);
	strbuf_release(&out);
	cjm_compare_free(compare);
	cjm_map_free(other);
	cjm_map_free(map);
	return rc;
}

const cjm_command cjm_cmd_export = {
	"export",
	"export FILE --to FORMAT [-o OUT] [--force] [--paper a4|a3|a2|fit] [--csv-dialect nl|en] [--compare OTHER]",
	N_("write the map as mermaid, markdown, csv, json, svg or html"),
	export_options,
	cmd_export_run,
};
