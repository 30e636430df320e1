/* The words of a comparison of two maps for a terminal: figures in one line, a touchpoint's difference. */
#include "render/compare_text.h"

#include <stdio.h>
#include <string.h>

#include "render/text.h"
#include "util/i18n.h"

void cjm_compare_text_signed(strbuf *out, double x, int decimals)
{
	char buf[32];
	snprintf(buf, sizeof buf, "%+.*f", decimals, x);
	const char *digits = buf + 1;
	const char *shown = digits[strspn(digits, "0.")] ? buf : digits;
	const char *dot = strchr(shown, '.');
	if (dot) {
		strbuf_add(out, shown, (size_t)(dot - shown));
		strbuf_puts(out, i18n_decimal_point());
		strbuf_puts(out, dot + 1);
	} else {
		strbuf_puts(out, shown);
	}
}

void cjm_compare_text_figures(strbuf *out, const cjm_figures *fig)
{
	strbuf_printf(out, P_("%zu touchpoint", "%zu touchpoints", fig->touchpoints), fig->touchpoints);
	strbuf_puts(out, ", ");
	if (!fig->has_peak) {
		/* TRANSLATORS: after "3 touchpoints, " in a figures line of cjm show --compare. */
		strbuf_puts(out, _("nothing scored"));
		return;
	}
	/* TRANSLATORS: after "3 touchpoints, " in a figures line of cjm show --compare. */
	strbuf_printf(out, _("%zu scored"), fig->scored);
	strbuf mean = { 0 }, peak = { 0 }, end = { 0 }, peak_end = { 0 };
	cjm_compare_text_signed(&mean, fig->emotion.mean, 2);
	cjm_text_emotion(&peak, fig->peak);
	cjm_text_emotion(&end, fig->end);
	cjm_compare_text_signed(&peak_end, fig->peak_end, 1);
	/* TRANSLATORS: the figures of a map in cjm show --compare, after its counts:
	 * mean, peak, end and peak-end score, each a signed number. */
	strbuf_printf(out, _("; mean %s, peak %s, end %s, peak-end %s"), mean.data, peak.data, end.data,
		      peak_end.data);
	strbuf_release(&mean);
	strbuf_release(&peak);
	strbuf_release(&end);
	strbuf_release(&peak_end);
}

void cjm_compare_text_delta(strbuf *out, const cjm_compare_row *row)
{
	switch (row->side) {
	case CJM_COMPARE_ONLY_HERE:
		/* TRANSLATORS: the difference lane of cjm show --compare: this touchpoint is not in the other map. */
		strbuf_puts(out, _("only here"));
		return;
	case CJM_COMPARE_ONLY_THERE:
		/* TRANSLATORS: a touchpoint that is only in the other map. */
		strbuf_puts(out, _("only there"));
		return;
	case CJM_COMPARE_BOTH:
		break;
	}
	if (row->has_delta)
		cjm_text_emotion(out, row->delta);
	else
		strbuf_puts(out, _("not scored"));
}

void cjm_compare_text_touchpoint(strbuf *out, const cjm_map *map, const cjm_figures *fig, size_t flat)
{
	const cjm_tp_at *at = &fig->tps[flat];
	const char *pid = map->phases[at->phase]->id;
	strbuf_printf(out, "%s (%s/%s)", at->tp->name ? at->tp->name : "", pid ? pid : "?", at->tp->id ? at->tp->id : "?");
	if (at->tp->has_emotion) {
		strbuf_putc(out, ' ');
		cjm_text_emotion(out, at->tp->emotion);
	}
}
