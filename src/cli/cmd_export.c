/* `cjm export FILE --to FORMAT [-o OUT]`: the map as Mermaid, Markdown, CSV, JSON, SVG, HTML, PDF or PNG. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "analysis/compare.h"
#include "cli/cli.h"
#include "export/export.h"
#include "io/save.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

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
static const char *export_to, *export_output, *export_paper, *export_csv_dialect, *export_compare, *export_dpi;
static bool export_force;

static const cli_option export_options[] = {
	{ "--to", "-t", "FORMAT", CLI_VALUE, &export_to, N_("mermaid, markdown, csv, json, svg, html, pdf, png or xlsx"),
	  NULL, NULL },
	{ "--output", "-o", "OUT", CLI_VALUE, &export_output, N_("write OUT atomically instead of standard output"),
	  NULL, NULL },
	{ "--force", NULL, NULL, CLI_FLAG, &export_force, N_("replace OUT even when it is a map (never FILE itself)"),
	  NULL, NULL },
	{ "--paper", NULL, "SIZE", CLI_VALUE, &export_paper,
	  N_("a4, a3 (the default) or a2, landscape, or fit:\none sheet as long as the journey; svg and html"), NULL, NULL },
	{ "--csv-dialect", NULL, "LANG", CLI_VALUE, &export_csv_dialect,
	  N_("csv for nl (Dutch spreadsheets: ';', 7,5) or en;\ndefault: the map's language"), NULL, NULL },
	{ "--compare", NULL, "OTHER", CLI_VALUE, &export_compare,
	  N_("svg, html, pdf and png: draw OTHER's curve too, with the figures\nof both and the difference per touchpoint"),
	  NULL, NULL },
	{ "--dpi", NULL, "N", CLI_VALUE, &export_dpi,
	  N_("png: dots per inch, 1 to 600 (default 150: a slide or a screen)"), NULL, NULL },
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

/* Says that FORMAT is binary and not for a terminal (usage error, 64). */
static int export_refuse_terminal(const cjm_format *format)
{
	/* TRANSLATORS: %s is the format, pdf, png or xlsx. */
	return cli_usage_error(&cjm_cmd_export,
			       _("--to %s writes binary data, not for a terminal: give -o OUT, or send it to a pipe"),
			       format->name);
}

/* --dpi N: a whole number of dots per inch, 1 to CJM_PNG_DPI_MAX; false when TEXT is none. */
static bool export_parse_dpi(const char *text, int *dpi)
{
	if (text[0] < '0' || text[0] > '9')
		return false;
	errno = 0;
	char *end;
	long n = strtol(text, &end, 10);
	if (*end != '\0' || errno != 0 || n < 1 || n > CJM_PNG_DPI_MAX)
		return false;
	*dpi = (int)n;
	return true;
}

/* A sink over the file descriptor *SINK. */
static int export_write_fd(void *sink, const unsigned char *data, size_t len)
{
	return cjm_write_all(*(const int *)sink, (const char *)data, len);
}

/* The name of file INDEX (0-based) of COUNT written for OUT: OUT itself when there
 * is one; else OUT without a trailing ".EXT", then "-1.EXT", "-2.EXT", ... */
static char *export_file_name(const char *out, size_t index, size_t count, const char *ext)
{
	if (count == 1)
		return xstrdup(out);
	size_t len = strlen(out), ext_len = strlen(ext);
	const char *slash = strrchr(out, '/');
	size_t base_start = slash ? (size_t)(slash - out) + 1 : 0;
	if (len > base_start + ext_len + 1 && out[len - ext_len - 1] == '.' &&
	    strcasecmp(out + len - ext_len, ext) == 0)
		len -= ext_len + 1;
	return xasprintf("%.*s-%zu.%s", (int)len, out, index + 1, ext);
}

/* Writes file INDEX of JOB to PATH atomically (temporary file, fsync, rename).
 * Returns 0, or the exit code having said why, with PATH as it was. */
static int export_stream_file(const cjm_format *format, cjm_export_job *job, size_t index, const char *path)
{
	cjm_atomic_file *file;
	const char *stage = NULL;
	int err = cjm_atomic_begin(path, &file, &stage);
	if (err == 0 && isatty(cjm_atomic_fd(file))) { /* -o /dev/tty */
		cjm_atomic_abort(file);
		return export_refuse_terminal(format);
	}
	if (err == 0) {
		int fd = cjm_atomic_fd(file);
		err = format->stream->write_file(job, index, export_write_fd, &fd);
		if (err)
			cjm_atomic_abort(file); /* at stage "write" */
		else
			err = cjm_atomic_commit(file, &stage);
	}
	return err == 0 ? CJM_EXIT_OK : cli_write_failed(path, err, stage);
}

/* Removes PATH when it is a regular file (a sheet this export wrote), not what a
 * link leads to or a special file. */
static void export_remove_written(const char *path)
{
	struct stat st;
	if (lstat(path, &st) == 0 && S_ISREG(st.st_mode))
		unlink(path);
}

/* A streamed format (pdf, png) of MAP to OUT_PATH, or standard output when it is
 * one file; several files are named by export_file_name. When one cannot be
 * written, those written before it are removed: a set is whole or absent. */
static int export_streamed(const cjm_format *format, const cjm_map *map, const cjm_export_options *options,
			   const char *file, const char *out_path, bool force)
{
	char *why = NULL;
	cjm_export_job *job = format->stream->open(map, options, &why);
	if (!job) {
		int rc = cli_usage_error(&cjm_cmd_export, "%s", why);
		free(why);
		return rc;
	}
	size_t count = format->stream->file_count(job);
	int rc = CJM_EXIT_OK;
	if (!out_path || strcmp(out_path, "-") == 0) {
		if (count > 1) {
			/* TRANSLATORS: %zu is the number of sheets (at least 2), %s the format (png). */
			rc = cli_usage_error(&cjm_cmd_export,
					     _("the map takes %zu sheets, a file each: give -o OUT to write OUT-1.%s "
					       "to OUT-%zu.%s"),
					     count, format->extension, count, format->extension);
		} else {
			int fd = STDOUT_FILENO;
			int err = fflush(stdout) == 0 ? format->stream->write_file(job, 0, export_write_fd, &fd) : errno;
			if (err) {
				cli_error(_("cannot write the output: %s"), strerror(err));
				rc = CJM_EXIT_IOERR;
			}
		}
		format->stream->close(job);
		return rc;
	}
	char **names = xcalloc(count, sizeof *names);
	for (size_t i = 0; i < count && rc == CJM_EXIT_OK; i++) {
		names[i] = export_file_name(out_path, i, count, format->extension);
		if (count > 1)
			rc = export_check_output(file, names[i], force);
	}
	size_t written = 0;
	while (rc == CJM_EXIT_OK && written < count) {
		rc = export_stream_file(format, job, written, names[written]);
		if (rc == CJM_EXIT_OK)
			written++;
	}
	if (rc != CJM_EXIT_OK) {
		for (size_t i = 0; i < written; i++)
			export_remove_written(names[i]);
		if (written > 0)
			cli_error(P_("the %zu sheet written before it was removed again",
				     "the %zu sheets written before it were removed again", written),
				  written);
	} else if (count > 1) {
		/* TRANSLATORS: the number of sheets (at least 2), the first file's name, the last's. */
		cli_error(P_("wrote %zu sheet: %s to %s", "wrote %zu sheets: %s to %s", count), count, names[0],
			  names[count - 1]);
	}
	for (size_t i = 0; i < count; i++)
		free(names[i]);
	free(names);
	format->stream->close(job);
	return rc;
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
				       _("no format '%s'; the formats are mermaid, markdown, csv, json, svg, html, pdf, png and xlsx"),
				       to);
	cjm_export_options options = { .paper = CJM_PAPER_A3 };
	if (paper_name && !cjm_paper_parse(paper_name, &options.paper))
		return cli_usage_error(&cjm_cmd_export, _("no paper '%s'; the papers are a4, a3, a2 and fit"), paper_name);
	if (export_csv_dialect && strcmp(export_csv_dialect, "nl") != 0 && strcmp(export_csv_dialect, "en") != 0)
		return cli_usage_error(&cjm_cmd_export, _("no CSV dialect '%s'; the dialects are nl and en"),
				       export_csv_dialect);
	options.csv_dialect = export_csv_dialect;
	if (export_compare && !format->pictured)
		return cli_usage_error(&cjm_cmd_export,
				       _("--compare draws two curves: only svg, html, pdf and png take it, not %s"),
				       format->name);
	if (export_dpi && strcmp(format->name, "png") != 0)
		return cli_usage_error(&cjm_cmd_export, _("--dpi is the resolution of a PNG: only png takes it, not %s"),
				       format->name);
	if (export_dpi && !export_parse_dpi(export_dpi, &options.dpi))
		/* TRANSLATORS: the most dots per inch, then what was given. */
		return cli_usage_error(&cjm_cmd_export, _("--dpi takes a whole number from 1 to %d, not '%s'"),
				       CJM_PNG_DPI_MAX, export_dpi);
	if (format->binary && (!out_path || strcmp(out_path, "-") == 0) && isatty(STDOUT_FILENO))
		return export_refuse_terminal(format);

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
	if (format->stream) {
		rc = export_streamed(format, map, &options, file, out_path, force);
	} else {
		strbuf out = { 0 }, why = { 0 };
		if (!format->export_checked)
			format->export_map(map, &options, &out);
		if (format->export_checked && !format->export_checked(map, &options, &out, &why)) {
			cli_error("%s", why.data);
			rc = CJM_EXIT_IOERR; /* nothing written: OUT is as it was */
		} else {
			rc = cli_write_output(out_path, out.data ? out.data : "", out.len);
		}
		strbuf_release(&why);
		if (rc == CJM_EXIT_OK && strcmp(format->name, "mermaid") == 0)
			export_warn_mermaid_size(&out);
		strbuf_release(&out);
	}
	cjm_compare_free(compare);
	cjm_map_free(other);
	cjm_map_free(map);
	return rc;
}

const cjm_command cjm_cmd_export = {
	"export",
	"export FILE --to FORMAT [-o OUT] [--force] [--paper a4|a3|a2|fit] [--csv-dialect nl|en] [--compare OTHER]"
	" [--dpi N]",
	N_("write the map as mermaid, markdown, csv, json, svg, html, pdf, png or xlsx"),
	export_options,
	cmd_export_run,
};
