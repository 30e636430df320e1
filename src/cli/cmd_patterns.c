/* `cjm patterns`: every pattern cjm found, built in or plugin, the plugins it could not load and those it disabled. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "patterns/disabled.h"
#include "patterns/registry.h"
#include "util/number.h"
#include "util/strbuf.h"
#include "util/visible.h"
#include "util/xalloc.h"
#include "util/i18n.h"

/* Appends TEXT to OUT with every character a terminal would act on escaped (plugins may hand over anything). */
static void patterns_put_clean(strbuf *out, const char *text)
{
	visible_puts(out, text, 0);
}

/* The plugins not loaded (or, DISABLED, those disabled for a crash or a hang), with why. */
static void patterns_render_failures(strbuf *out, const cjm_registry *reg, bool disabled)
{
	size_t shown = 0;
	for (size_t i = 0; i < reg->failure_count; i++) {
		if ((reg->failures[i].kind != CJM_PLUGIN_NOT_LOADED) != disabled)
			continue;
		if (shown++ == 0)
			strbuf_printf(out, "\n%s\n", disabled ? _("Disabled (crashed or hung):") : _("Not loaded:"));
		strbuf_puts(out, "  ");
		patterns_put_clean(out, reg->failures[i].path);
		strbuf_puts(out, ": ");
		patterns_put_clean(out, reg->failures[i].why);
		strbuf_putc(out, '\n');
	}
	if (!disabled || shown == 0)
		return;
	char *file = cjm_disabled_file();
	if (file) {
		strbuf clean = { 0 };
		patterns_put_clean(&clean, file);
		/* TRANSLATORS: %s is the file listing the disabled plugins. */
		strbuf_printf(out, _("A disabled plugin is tried again once its file changes: reinstall it, or touch it, or delete its line in %s.\n"),
			      clean.data ? clean.data : "");
		strbuf_release(&clean);
	} else {
		strbuf_puts(out, _("A disabled plugin is tried again once its file changes: reinstall it, or touch it.\n"));
	}
	free(file);
}

static void patterns_render(strbuf *out, const cjm_registry *reg)
{
	for (size_t i = 0; i < reg->count; i++) {
		const cjm_pattern *p = reg->entries[i].pattern;
		char threshold[NUMBER_TEXT_MAX];
		i18n_number(threshold, p->default_threshold);
		if (i)
			strbuf_putc(out, '\n');
		patterns_put_clean(out, p->id);
		strbuf_puts(out, "  ");
		patterns_put_clean(out, cjm_pattern_entry_origin(&reg->entries[i]));
		strbuf_puts(out, "\n    ");
		patterns_put_clean(out, cjm_pattern_entry_summary(&reg->entries[i]));
		strbuf_puts(out, "\n    ");
		/* TRANSLATORS: %s is the pattern's default threshold, a number. */
		strbuf_printf(out, _("threshold %s"), threshold);
		const char *means = cjm_pattern_entry_threshold_means(&reg->entries[i]);
		if (means && means[0]) {
			strbuf_puts(out, ": ");
			patterns_put_clean(out, means);
		}
		strbuf_putc(out, '\n');
	}
	patterns_render_failures(out, reg, false);
	patterns_render_failures(out, reg, true);
}

static int cmd_patterns_run(int argc, char **argv)
{
	cli_list operands = { 0 };
	int code = CJM_EXIT_OK;
	bool parsed = cli_parse(&cjm_cmd_patterns, argc, argv, &operands, &code);
	const char *first = operands.count ? operands.items[0] : NULL;
	cli_list_release(&operands);
	if (!parsed)
		return code;
	if (first)
		return cli_usage_error(&cjm_cmd_patterns, _("no arguments expected ('%s')"), first);
	cjm_registry *reg = cjm_registry_new(true);
	for (size_t i = 0; i < reg->failure_count; i++) {
		if (reg->failures[i].kind != CJM_PLUGIN_CRASHED)
			continue; /* the others are listed below, on standard output */
		char *text = cjm_plugin_failure_text(&reg->failures[i], false);
		cli_error("%s", text);
		free(text);
	}
	strbuf out = { 0 };
	patterns_render(&out, reg);
	int rc = CJM_EXIT_OK;
	int written = cli_write_output(NULL, out.data ? out.data : "", out.len);
	if (written != CJM_EXIT_OK)
		rc = written;
	strbuf_release(&out);
	cjm_registry_free(reg);
	return rc;
}

const cjm_command cjm_cmd_patterns = {
	"patterns",
	"patterns",
	N_("list the patterns and plugins found, with where each came from"),
	NULL,
	cmd_patterns_run,
};
