/* `cjm log FILE [RANGE]`: the map's history from git, with its figures at each commit that changed it. */
#include <langinfo.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/history.h"
#include "export/escape.h"
#include "io/yaml_out.h"
#include "render/sparkline.h"
#include "render/stats.h"
#include "render/text.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/xalloc.h"

enum log_format { FORMAT_TEXT, FORMAT_YAML, FORMAT_CSV };

#define LOG_AUTHOR_MAX 24 /* the widest author column; longer names are cut */
#define LOG_SHORT_ID 7    /* digits of a commit id in the text, as git's shortest abbreviation */

/* ---- numbers for scripts: always with a decimal point ---- */

/* X as the shortest fixed-point decimal that reads back as X, with at least one
 * decimal ("0.5", "-1.0", "0.3333333333333333"): never the locale's separator,
 * never an exponent. X is an emotion figure, -3..3. */
static void log_decimal(strbuf *out, double x)
{
	char buf[64];
	if (x == 0)
		x = 0; /* -0 is 0.0 */
	for (int decimals = 1; decimals <= 20; decimals++) {
		snprintf(buf, sizeof buf, "%.*f", decimals, x);
		if (strtod(buf, NULL) == x)
			break;
	}
	strbuf_puts(out, buf);
}

/* Text from git (a name, a subject) that may hold anything: invalid UTF-8 becomes
 * U+FFFD, so a YAML or CSV reader takes it. Malloc'd. */
static char *log_valid_text(const char *s)
{
	strbuf out = { 0 };
	strbuf_add(&out, "", 0);
	size_t len = strlen(s);
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = utf8_decode((const unsigned char *)s + i, len - i, &cp);
		if (n == 0) {
			strbuf_puts(&out, "\xEF\xBF\xBD");
			i++;
		} else {
			strbuf_add(&out, s + i, n);
			i += n;
		}
	}
	return out.data;
}

/* ---- the text table ---- */

#define LOG_FIGURES 6 /* touchpoints, scored, mean, peak, end, peak-end */

/* The columns of the text table; the figures follow each other from LOG_COL_FIGURES. */
enum log_column {
	LOG_COL_COMMIT, LOG_COL_DATE, LOG_COL_AUTHOR, LOG_COL_FIGURES,
	LOG_COL_SUBJECT = LOG_COL_FIGURES + LOG_FIGURES, LOG_COLUMNS
};

static void log_right(strbuf *out, const char *text, size_t width)
{
	size_t w = cjm_text_width(text);
	cjm_text_spaces(out, w < width ? width - w : 0);
	cjm_text_put(out, text, strlen(text), w);
}

static size_t log_max(size_t a, size_t b)
{
	return a > b ? a : b;
}

static size_t log_min(size_t a, size_t b)
{
	return a < b ? a : b;
}

/* The figure columns of V (touchpoints, scored, mean, peak, end, peak-end), as cjm
 * stats writes them; "-" where nothing is scored. */
static void log_figure_texts(const cjm_history_figures *v, strbuf cells[LOG_FIGURES])
{
	for (int i = 0; i < LOG_FIGURES; i++)
		strbuf_reset(&cells[i]);
	strbuf_printf(&cells[0], "%zu", v->touchpoints);
	strbuf_printf(&cells[1], "%zu", v->scored);
	if (!v->has_peak) {
		for (int i = 2; i < LOG_FIGURES; i++)
			strbuf_puts(&cells[i], "-");
		return;
	}
	cjm_stats_signed(&cells[2], v->mean, 2);
	cjm_text_emotion(&cells[3], v->peak);
	cjm_text_emotion(&cells[4], v->end);
	cjm_stats_signed(&cells[5], v->peak_end, 1);
}

/* The width of the terminal on standard output, $COLUMNS, or 80. */
static size_t log_terminal_width(void)
{
	struct winsize ws;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	const char *columns = getenv("COLUMNS");
	long n = columns ? strtol(columns, NULL, 10) : 0;
	return n > 0 && n < 10000 ? (size_t)n : 80;
}

/* The sparkline of the mean, oldest to newest, as many of the newest commits as fit. */
static void log_sparkline(strbuf *out, const cjm_history *h)
{
	const char *codeset = nl_langinfo(CODESET);
	bool utf8 = codeset && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
	size_t count = h->git.count;
	double *values = xcalloc(count ? count : 1, sizeof *values);
	bool *has = xcalloc(count ? count : 1, sizeof *has);
	for (size_t i = 0; i < count; i++) { /* git lists the newest first */
		const cjm_history_figures *v = h->figures[count - 1 - i];
		has[i] = v && !v->error && v->has_peak;
		values[i] = has[i] ? v->mean : 0;
	}
	/* TRANSLATORS: heads the sparkline of cjm log: "mean, oldest to newest (-0.50 to +0.33):";
	 * the bars follow between [ and ], the lowest mean shown as the lowest bar. */
	const char *label = _("mean, oldest to newest (%s to %s):");
	size_t width = log_terminal_width(), used = cjm_text_width(label) + 9; /* two signed means for the two %s, " [" and "]" */
	size_t shown = width > used + 10 ? width - used : 10;
	if (shown > count)
		shown = count;
	const double *vs = values + (count - shown);
	const bool *hs = has + (count - shown);
	double lo = 0, hi = 0;
	cjm_sparkline_range(vs, hs, shown, &lo, &hi);
	strbuf low = { 0 }, high = { 0 };
	cjm_stats_signed(&low, lo, 2);
	cjm_stats_signed(&high, hi, 2);
	strbuf_printf(out, label, low.data, high.data);
	strbuf_release(&low);
	strbuf_release(&high);
	strbuf_puts(out, " [");
	cjm_sparkline(out, vs, hs, shown, lo, hi, utf8);
	strbuf_puts(out, "]\n");
	if (shown < count)
		/* TRANSLATORS: under the sparkline of cjm log when it does not fit: the newest 70 of 1000 commits. */
		strbuf_printf(out, P_("  (the newest %zu of %zu commit)\n", "  (the newest %zu of %zu commits)\n", count),
			      shown, count);
	strbuf_putc(out, '\n');
	free(values);
	free(has);
}

/* The widths of the text table's columns: its heads, or the widest cell under them. */
typedef struct log_columns {
	const char *heads[LOG_COLUMNS];
	size_t width[LOG_COLUMNS];
} log_columns;

static void log_columns_measure(log_columns *cols, const cjm_history *h)
{
	/* TRANSLATORS: the column heads of cjm log; the figures are those of cjm stats. */
	const char *heads[LOG_COLUMNS] = { C_("log column", "commit"), C_("log column", "date"),
					   C_("log column", "author"), C_("log column", "touchpoints"),
					   C_("log column", "scored"), C_("log column", "mean"),
					   C_("log column", "peak"), C_("log column", "end"),
					   C_("log column", "peak-end"), C_("log column", "subject") };
	for (int i = 0; i < LOG_COLUMNS; i++) {
		cols->heads[i] = heads[i];
		cols->width[i] = cjm_text_width(heads[i]);
	}
	cols->width[LOG_COL_DATE] = log_max(cols->width[LOG_COL_DATE], 10);
	strbuf cells[LOG_FIGURES] = { { 0 } };
	size_t author = 1;
	for (size_t i = 0; i < h->git.count; i++) {
		const cjm_git_commit *c = &h->git.commits[i];
		cols->width[LOG_COL_COMMIT] = log_max(cols->width[LOG_COL_COMMIT], log_min(strlen(c->id), LOG_SHORT_ID));
		author = log_max(author, cjm_text_width(c->author));
		const cjm_history_figures *v = h->figures[i];
		if (!v || v->error)
			continue;
		log_figure_texts(v, cells);
		for (int j = 0; j < LOG_FIGURES; j++)
			cols->width[LOG_COL_FIGURES + j] =
				log_max(cols->width[LOG_COL_FIGURES + j], cjm_text_width(cells[j].data));
	}
	cols->width[LOG_COL_AUTHOR] = log_max(cols->width[LOG_COL_AUTHOR], log_min(author, LOG_AUTHOR_MAX));
	for (int j = 0; j < LOG_FIGURES; j++)
		strbuf_release(&cells[j]);
}

/* Appends TEXT (printable, as cjm_text_put makes it) without cutting it. */
static void log_put(strbuf *out, const char *text)
{
	cjm_text_put(out, text, strlen(text), cjm_text_width(text));
}

/* One commit's line: short id, date, author, figures (or why there are none), subject. */
static void log_text_row(strbuf *out, const log_columns *cols, const cjm_git_commit *c,
			 const cjm_history_figures *v, strbuf cells[LOG_FIGURES])
{
	cjm_text_pad(out, c->id, log_min(strlen(c->id), LOG_SHORT_ID), cols->width[LOG_COL_COMMIT] + 2);
	cjm_text_pad(out, c->date, log_min(strlen(c->date), 10), cols->width[LOG_COL_DATE] + 2);
	cjm_text_pad(out, c->author, strlen(c->author), cols->width[LOG_COL_AUTHOR] + 2);
	strbuf text = { 0 };
	if (!v) {
		/* TRANSLATORS: cjm log, in place of the figures of a commit that deleted the map. */
		log_put(out, _("deleted in this commit"));
		strbuf_puts(out, "  ");
	} else if (v->error) {
		/* TRANSLATORS: cjm log, in place of the figures: "does not load: 12:5 unknown key 'emotoin'". */
		strbuf_printf(&text, _("does not load: %s"), v->error);
		log_put(out, text.data);
		strbuf_puts(out, "  ");
	} else {
		log_figure_texts(v, cells);
		for (int j = 0; j < LOG_FIGURES; j++) {
			log_right(out, cells[j].data, cols->width[LOG_COL_FIGURES + j]);
			strbuf_puts(out, "  ");
		}
	}
	log_put(out, c->subject);
	strbuf_reset(&text);
	if (c->old_path && c->status == 'C')
		/* TRANSLATORS: after a commit's subject in cjm log: the map was copied from that path. */
		strbuf_printf(&text, _(" (copied from %s)"), c->old_path);
	else if (c->old_path)
		/* TRANSLATORS: after a commit's subject in cjm log: the map was renamed from that path. */
		strbuf_printf(&text, _(" (renamed from %s)"), c->old_path);
	if (text.len)
		log_put(out, text.data);
	strbuf_putc(out, '\n');
	strbuf_release(&text);
}

static void log_render_text(strbuf *out, const cjm_history *h, const char *file, bool sparkline)
{
	if (h->git.count == 0) {
		strbuf message = { 0 };
		/* TRANSLATORS: cjm log when no commit (in the range) changed the map. */
		strbuf_printf(&message, _("no commit changed %s"), file);
		log_put(out, message.data);
		strbuf_putc(out, '\n');
		strbuf_release(&message);
		return;
	}
	if (sparkline)
		log_sparkline(out, h);
	log_columns cols;
	log_columns_measure(&cols, h);
	for (int i = 0; i < LOG_COLUMNS; i++) {
		if (i == LOG_COL_SUBJECT)
			log_put(out, cols.heads[i]);
		else if (i >= LOG_COL_FIGURES)
			log_right(out, cols.heads[i], cols.width[i]);
		else
			cjm_text_pad(out, cols.heads[i], strlen(cols.heads[i]), cols.width[i]);
		if (i != LOG_COL_SUBJECT)
			strbuf_puts(out, "  ");
	}
	strbuf_putc(out, '\n');
	strbuf cells[LOG_FIGURES] = { { 0 } };
	for (size_t i = 0; i < h->git.count; i++)
		log_text_row(out, &cols, &h->git.commits[i], h->figures[i], cells);
	for (int j = 0; j < LOG_FIGURES; j++)
		strbuf_release(&cells[j]);
}

/* ---- YAML and CSV for scripts: keys never translated ---- */

/* The fields of a commit, in the order YAML and CSV write them. */
enum log_field {
	LOG_COMMIT, LOG_DATE, LOG_AUTHOR, LOG_SUBJECT, LOG_PATH, LOG_RENAMED_FROM,
	LOG_TOUCHPOINTS, LOG_SCORED, LOG_MEAN, LOG_PEAK, LOG_END, LOG_PEAK_END, LOG_ERROR,
	LOG_FIELDS
};

static const char *const log_keys[LOG_FIELDS] = {
	"commit", "date", "author", "subject", "path", "renamed-from",
	"touchpoints", "scored", "mean", "peak", "end", "peak-end", "error",
};

/* The fields of commit I as text (malloc'd; NULL for none), and whether each is text
 * (else a number or a word). */
static void log_fields(const cjm_history *h, size_t i, char *fields[LOG_FIELDS], bool is_text[LOG_FIELDS])
{
	const cjm_git_commit *c = &h->git.commits[i];
	const cjm_history_figures *v = h->figures[i];
	memset(fields, 0, LOG_FIELDS * sizeof *fields);
	for (int f = 0; f < LOG_FIELDS; f++)
		is_text[f] = f <= LOG_RENAMED_FROM || f == LOG_ERROR;
	is_text[LOG_DATE] = false;
	fields[LOG_COMMIT] = xstrdup(c->id);
	fields[LOG_DATE] = xstrdup(c->date);
	fields[LOG_AUTHOR] = log_valid_text(c->author);
	fields[LOG_SUBJECT] = log_valid_text(c->subject);
	fields[LOG_PATH] = log_valid_text(c->path);
	fields[LOG_RENAMED_FROM] = c->old_path ? log_valid_text(c->old_path) : NULL;
	if (!v) {
		fields[LOG_ERROR] = xstrdup(_("deleted in this commit"));
		return;
	}
	if (v->error) {
		fields[LOG_ERROR] = log_valid_text(v->error);
		return;
	}
	fields[LOG_TOUCHPOINTS] = xasprintf("%zu", v->touchpoints);
	fields[LOG_SCORED] = xasprintf("%zu", v->scored);
	if (v->has_peak) {
		strbuf num = { 0 };
		log_decimal(&num, v->mean);
		fields[LOG_MEAN] = num.data;
		fields[LOG_PEAK] = xasprintf("%d", v->peak);
		fields[LOG_END] = xasprintf("%d", v->end);
		strbuf pe = { 0 };
		log_decimal(&pe, v->peak_end);
		fields[LOG_PEAK_END] = pe.data;
	}
}

static void log_fields_free(char *fields[LOG_FIELDS])
{
	for (int f = 0; f < LOG_FIELDS; f++)
		free(fields[f]);
}

static void log_render_yaml(strbuf *out, const cjm_history *h)
{
	cjm_yaml_out *em = cjm_yaml_out_begin(out);
	cjm_yaml_sequence(em, true);
	for (size_t i = 0; i < h->git.count; i++) {
		char *fields[LOG_FIELDS];
		bool is_text[LOG_FIELDS];
		log_fields(h, i, fields, is_text);
		cjm_yaml_mapping(em, true);
		for (int f = 0; f < LOG_FIELDS; f++) {
			cjm_yaml_scalar(em, log_keys[f], false);
			cjm_yaml_scalar(em, fields[f] ? fields[f] : "null", fields[f] && is_text[f]);
		}
		cjm_yaml_mapping(em, false);
		log_fields_free(fields);
	}
	cjm_yaml_sequence(em, false);
	cjm_yaml_out_end(em);
}

static void log_render_csv(strbuf *out, const cjm_history *h)
{
	for (int f = 0; f < LOG_FIELDS; f++) {
		if (f)
			strbuf_putc(out, ',');
		strbuf_puts(out, log_keys[f]);
	}
	strbuf_puts(out, "\r\n");
	for (size_t i = 0; i < h->git.count; i++) {
		char *fields[LOG_FIELDS];
		bool is_text[LOG_FIELDS];
		log_fields(h, i, fields, is_text);
		for (int f = 0; f < LOG_FIELDS; f++) {
			if (f)
				strbuf_putc(out, ',');
			if (fields[f])
				cjm_escape_csv(out, fields[f]);
		}
		strbuf_puts(out, "\r\n");
		log_fields_free(fields);
	}
}

/* ---- the command ---- */

/* The options, as given (a command runs once per process). */
static const char *log_format_name = "text";
static bool log_sparkline_on, log_sparkline_off;

static const cli_option log_options[] = {
	{ "--format", "-f", "FORMAT", CLI_VALUE, &log_format_name,
	  N_("text (the default), yaml or csv"), NULL, NULL },
	{ "--sparkline", NULL, NULL, CLI_FLAG, &log_sparkline_on,
	  N_("head the text with a sparkline of the mean (the default on a terminal)"), NULL, NULL },
	{ "--no-sparkline", NULL, NULL, CLI_FLAG, &log_sparkline_off, N_("no sparkline, even on a terminal"), NULL,
	  NULL },
	{ 0 },
};

static int cmd_log_run(int argc, char **argv)
{
	cli_list operands = { 0 };
	int rc = CJM_EXIT_OK;
	bool parsed = cli_parse(&cjm_cmd_log, argc, argv, &operands, &rc);
	const char *file = operands.count > 0 ? operands.items[0] : NULL;
	const char *range = operands.count > 1 ? operands.items[1] : NULL;
	enum log_format format = FORMAT_TEXT;
	if (!parsed) {
		/* cli_parse said why */
	} else if (!file) {
		rc = cli_usage_error(&cjm_cmd_log, "%s", _("which map? give a FILE"));
	} else if (operands.count > 2) {
		/* TRANSLATORS: cjm log takes a FILE and one RANGE; %s is the third operand given. */
		rc = cli_usage_error(&cjm_cmd_log, _("one FILE and one RANGE only (what is '%s'?)"), operands.items[2]);
	} else if (range && range[0] == '-') {
		/* TRANSLATORS: %s is the RANGE given, which git would take for an option. */
		rc = cli_usage_error(&cjm_cmd_log, _("a RANGE cannot start with '-' ('%s'); give revisions, such as HEAD~5..HEAD"),
				     range);
	} else if (strcmp(log_format_name, "yaml") == 0) {
		format = FORMAT_YAML;
	} else if (strcmp(log_format_name, "csv") == 0) {
		format = FORMAT_CSV;
	} else if (strcmp(log_format_name, "text") != 0) {
		rc = cli_usage_error(&cjm_cmd_log, _("unknown format '%s'; the formats are text, yaml and csv"),
				     log_format_name);
	}
	if (parsed && rc == CJM_EXIT_OK && log_sparkline_on && log_sparkline_off)
		rc = cli_usage_error(&cjm_cmd_log, "%s", _("--sparkline or --no-sparkline, not both"));
	else if (parsed && rc == CJM_EXIT_OK && log_sparkline_on && format != FORMAT_TEXT)
		rc = cli_usage_error(&cjm_cmd_log, "%s", _("--sparkline goes with the text format only"));
	if (!parsed || rc != CJM_EXIT_OK) {
		cli_list_release(&operands);
		return rc;
	}
	bool sparkline = log_sparkline_on || (!log_sparkline_off && isatty(STDOUT_FILENO));

	cjm_history history;
	rc = cjm_history_read(file, range, &history);
	if (rc == CJM_EXIT_OK) {
		strbuf out = { 0 };
		if (format == FORMAT_YAML)
			log_render_yaml(&out, &history);
		else if (format == FORMAT_CSV)
			log_render_csv(&out, &history);
		else
			log_render_text(&out, &history, file, sparkline);
		rc = cli_write_output(NULL, out.data ? out.data : "", out.len);
		strbuf_release(&out);
	}
	cjm_history_release(&history);
	cli_list_release(&operands);
	return rc;
}

const cjm_command cjm_cmd_log = {
	"log",
	"log FILE [RANGE] [--format text|yaml|csv] [--sparkline|--no-sparkline]",
	N_("the map's history from git: its figures at every commit that changed it"),
	log_options,
	cmd_log_run,
};
