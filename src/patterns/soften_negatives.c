/* Tip 1, soften negatives: touchpoints at or below an emotion threshold get an idea that makes them less negative. */
#include <stdbool.h>
#include <stddef.h>

#include "cjm/plugin.h"
#include "patterns/builtin.h"
#include "patterns/pattern_util.h"
#include "util/i18n.h"
#include "util/lang.h"
#include "util/strbuf.h"

#define SOFTEN_DEFAULT_THRESHOLD (-2.0)

/* Words in a name that say what kind of moment it is, each with its idea; the first match wins. */
static const char *const soften_accident_words[] = {"accident", "collision", "ongeluk", "aanrijding",
						     "schade", "damage", NULL};
static const char *const soften_call_words[] = {"bellen", "call", "phone", "telefo", "servicedesk",
						 "helpdesk", "klantenservice", "wachtrij", NULL};
static const char *const soften_invoice_words[] = {"factuur", "invoice", "bill", "rekening", "deductible",
						    "eigen risico", "naheffing", "payment", NULL};
static const char *const soften_first_words[] = {"first", "eerste", NULL};
static const char *const soften_wait_words[] = {"wacht", "wait", "levertijd", "delay", "vertraag",
						 "verschuif", "verschov", "schuift", "postpone", NULL};
static const char *const soften_return_words[] = {"terugsturen", "retour", "return", NULL};
static const char *const soften_form_words[] = {"formulier", "invullen", "fill in", "aanleveren",
						 "gegevens", "doorgeven", "meterstand", "spreadsheet", "details",
						 NULL};
static const char *const soften_visit_words[] = {"monteur", "technician", "engineer", NULL};
static const char *const soften_appointment_words[] = {"afspraak", "appointment", "plannen", "schedul",
							NULL};
static const char *const soften_phone_channel[] = {"phone", "telefoon", NULL};

/* Writes into OUT an idea that makes TP less negative, as concrete as its name allows, in
 * LANG (the map's language). */
static void soften_idea(strbuf *out, const cjm_api *api, const cjm_touchpoint *tp, const char *lang)
{
	cjm_pu_words name;
	cjm_pu_words_init(&name, api->tp_name(tp));
	const char *answer = L_(lang, "Answer by name with the customer's file already open, so they never have to "
				      "say again who they are");
	if (cjm_pu_words_has(&name, soften_accident_words)) {
		strbuf_puts(out, L_(lang, "Be there at once: one tap in the app reaches a person who knows the customer "
					  "and says what happens next"));
	} else if (cjm_pu_words_has(&name, soften_call_words)) {
		strbuf_puts(out, answer);
	} else if (cjm_pu_words_has(&name, soften_appointment_words)) {
		strbuf_puts(out, L_(lang, "Let the customer pick a narrow time slot themselves, at a time that suits them"));
	} else if (cjm_pu_words_has(&name, soften_form_words)) {
		strbuf_puts(out, L_(lang, "Pre-fill what you already know, so the customer only has to check it"));
	} else if (cjm_pu_words_has(&name, soften_invoice_words)) {
		if (cjm_pu_words_has(&name, soften_first_words))
			strbuf_puts(out, L_(lang, "Send a short personal video from the account manager with the first "
						  "invoice: what the amount covers, and that the customer chose well"));
		else
			strbuf_puts(out, L_(lang, "Send a short personal video from the account manager with the "
						  "invoice: what the amount covers, and that the customer chose well"));
	} else if (cjm_pu_words_has(&name, soften_wait_words)) {
		strbuf_puts(out, L_(lang, "Turn the wait into anticipation: a proactive update with a date and a photo "
					  "of the progress, before the customer has to ask"));
	} else if (cjm_pu_words_has(&name, soften_return_words)) {
		strbuf_puts(out, L_(lang, "Send a prepaid return label with it and confirm by mail when it has arrived"));
	} else if (cjm_pu_words_has(&name, soften_visit_words)) {
		strbuf_puts(out, L_(lang, "Let the customer choose: do it themselves with a clear kit and video, or a "
					  "visit in a narrow time slot they pick"));
	} else if (cjm_pu_mentions(api->tp_channel(tp), soften_phone_channel)) {
		strbuf_puts(out, answer);
	} else if (api->tp_pain_count(tp) > 0) {
		strbuf quote = {0};
		/* TRANSLATORS: an idea written into the map; %s is the touchpoint's first pain, quoted. */
		strbuf_printf(out, L_(lang, "Take the sting out of %s: tell the customer beforehand, and add a personal "
					    "touch at this moment"),
			      cjm_pu_quoted(&quote, api->tp_pain(tp, 0), CJM_PU_QUOTE_MAX));
		strbuf_release(&quote);
	} else {
		strbuf_puts(out, L_(lang, "Tell the customer beforehand what will happen here, and add a personal touch "
					  "(a call, a short note) to make it less negative"));
	}
	cjm_pu_words_free(&name);
}

/* 1 for -3, 2 for -2, and so on; a step earlier when the impact is well above the map's
 * impact threshold (halfway to 1 or more), a step later when it is below it. */
static int soften_priority(const cjm_api *api, const cjm_map *map, const cjm_touchpoint *tp, int emotion)
{
	int priority = emotion - CJM_API_EMOTION_MIN + 1;
	double impact;
	if (api->tp_impact(tp, &impact)) {
		double threshold = api->impact_threshold(map);
		if (impact < threshold)
			priority++;
		else if (impact >= (1.0 + threshold) / 2.0)
			priority--;
	}
	if (priority < 1)
		priority = 1;
	if (priority > 5)
		priority = 5;
	return priority;
}

/* What one run keeps from one suggestion to the next: the buffers the text is written in,
 * the map's language and the interface's texts, looked up once. */
typedef struct soften_run {
	strbuf why, idea, quote, phase_quote;
	const char *lang;
	const char *title, *lowest, *tied, *in_phase, *pain, *customer;
	cjm_pu_figures_text figures;
} soften_run;

static void soften_run_init(soften_run *run, const cjm_api *api, const cjm_map *map)
{
	*run = (soften_run){0};
	run->lang = cjm_pu_lang(api, map);
	run->title = _("Soften %s");
	/* TRANSLATORS: a rationale: an emotion such as "-3", a touchpoint and a phase, both quoted. */
	run->lowest = _("Emotion %s at %s, the lowest of phase %s");
	/* TRANSLATORS: a rationale: an emotion such as "-3", a touchpoint and a phase, both quoted. */
	run->tied = _("Emotion %s at %s, tied for the lowest of phase %s");
	/* TRANSLATORS: a rationale: an emotion such as "-3", a touchpoint and a phase, both quoted. */
	run->in_phase = _("Emotion %s at %s in phase %s");
	/* TRANSLATORS: a sentence appended to a rationale; %s is the touchpoint's pain, quoted. */
	run->pain = _(" Pain: %s.");
	/* TRANSLATORS: a sentence appended to a rationale; %s is what a customer said, quoted. */
	run->customer = _(" Customer: %s.");
	cjm_pu_figures_text_init(&run->figures);
}

static void soften_run_release(soften_run *run)
{
	strbuf_release(&run->why);
	strbuf_release(&run->idea);
	strbuf_release(&run->quote);
	strbuf_release(&run->phase_quote);
}

/* Emits the suggestion for TP of PHASE, at EMOTION, whose lowest emotion is LOWEST (reached
 * LOWEST_COUNT times), writing its text in RUN's buffers. */
static void soften_emit(const cjm_pattern_context *ctx, const cjm_phase *phase, const cjm_touchpoint *tp,
			int emotion, int lowest, size_t lowest_count, soften_run *run)
{
	const cjm_api *api = ctx->api;
	const char *name = api->tp_name(tp);
	char title[CJM_PU_TITLE_MAX + 1];
	char emo[8];
	strbuf *why = &run->why;
	strbuf *idea = &run->idea;
	strbuf_reset(why);
	strbuf_reset(idea);

	cjm_pu_title_fmt(title, run->title, name);
	const char *args[] = {cjm_pu_emotion(emo, emotion), cjm_pu_quoted(&run->quote, name, CJM_PU_QUOTE_MAX),
			      cjm_pu_quoted(&run->phase_quote, api->phase_name(phase), CJM_PU_QUOTE_MAX)};
	const char *format = emotion != lowest ? run->in_phase : lowest_count == 1 ? run->lowest : run->tied;
	cjm_pu_format(why, format, 3, args);
	cjm_pu_put_figures(why, api, tp, &run->figures);
	strbuf_putc(why, '.');
	if (api->tp_pain_count(tp) > 0) {
		const char *pain = cjm_pu_quoted(&run->quote, api->tp_pain(tp, 0), CJM_PU_QUOTE_MAX);
		cjm_pu_format(why, run->pain, 1, &pain);
	} else if (api->tp_quote_count(tp) > 0) {
		const char *quote = cjm_pu_quoted(&run->quote, api->tp_quote(tp, 0), CJM_PU_QUOTE_MAX);
		cjm_pu_format(why, run->customer, 1, &quote);
	}
	soften_idea(idea, api, tp, run->lang);

	cjm_suggestion_spec spec = {
		.target = api->tp_id(tp),
		.title = title,
		.rationale = why->data,
		.priority = soften_priority(api, ctx->map, tp, emotion),
		.proposal = {.kind = CJM_PROPOSE_IDEA, .text = idea->data},
	};
	ctx->emit(ctx, &spec);
}

static void soften_suggest(const cjm_pattern_context *ctx)
{
	const cjm_api *api = ctx->api;
	const cjm_map *map = ctx->map;
	soften_run run;
	soften_run_init(&run, api, map);
	/* Not an event the company does not run, nor a contact the customer does not notice
	 * (skip-steps asks about that one). */
	bool owners = cjm_pu_map_names_owners(api, map);
	size_t phases = api->phase_count(map);
	for (size_t p = 0; p < phases; p++) {
		const cjm_phase *phase = api->phase_at(map, p);
		size_t count = api->touchpoint_count(phase);
		int lowest = CJM_API_EMOTION_MAX + 1;
		size_t lowest_count = 0;
		for (size_t i = 0; i < count; i++) {
			int emotion;
			if (!api->tp_emotion(api->touchpoint_at(phase, i), &emotion))
				continue;
			if (emotion < lowest) {
				lowest = emotion;
				lowest_count = 1;
			} else if (emotion == lowest) {
				lowest_count++;
			}
		}
		for (size_t i = 0; i < count; i++) {
			const cjm_touchpoint *tp = api->touchpoint_at(phase, i);
			int emotion;
			if (api->tp_emotion(tp, &emotion) && emotion <= ctx->threshold &&
			    !cjm_pu_not_ours(api, tp, owners) && api->tp_visible(tp))
				soften_emit(ctx, phase, tp, emotion, lowest, lowest_count, &run);
		}
	}
	soften_run_release(&run);
}

const cjm_pattern cjm_pattern_soften_negatives = {
	.abi = CJM_PLUGIN_ABI,
	.id = "soften-negatives",
	.summary = N_("Tip 1: make the most negative touchpoints less negative"),
	.default_threshold = SOFTEN_DEFAULT_THRESHOLD,
	.threshold_means = N_("emotion at or below"),
	.suggest = soften_suggest,
};
