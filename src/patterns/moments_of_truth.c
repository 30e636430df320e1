/* Tip 3, moments of truth: strengthen the moments that decide loyalty when they fall short, and spread the best one. */
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "cjm/plugin.h"
#include "patterns/builtin.h"
#include "patterns/pattern_util.h"
#include "util/i18n.h"
#include "util/lang.h"
#include "util/strbuf.h"

#define TRUTH_DEFAULT_THRESHOLD 0.0
#define TRUTH_ID "moments-of-truth"

/*
 * A moment that matters is one marked moment_of_truth, or one whose impact is
 * at or above the map's impact threshold. It falls short when its satisfaction
 * is below the map's satisfaction threshold or its (scored) emotion is at or
 * below this pattern's threshold: strengthen it, priority 1 for a marked
 * moment of truth, 2 for another high-impact one. Of the unmarked high-impact
 * moments that fall short only the weakest of each phase (lowest satisfaction,
 * then emotion, then highest impact, earliest) is named, and none in a phase
 * whose marked moment of truth falls short (raise that one first), so a map
 * scored with many impacts at the threshold gets a focus, not a list. Of the moments in the
 * high/high quadrant (satisfaction and impact both high) that do not fall
 * short, the strongest one (marked first, then by emotion, impact,
 * satisfaction, earliest) is worth letting more customers experience, priority
 * 4; one per map, so a journey that is fine gets one positive remark, not a list.
 */

static const char *const truth_call_words[] = {"bellen", "call", "phone", "telefo", "servicedesk", "helpdesk",
						"klantenservice", "schadelijn", "claims line", NULL};
static const char *const truth_phone_channel[] = {"phone", "telefoon", NULL};
static const char *const truth_invoice_words[] = {"factuur", "invoice", "bill", "rekening", "deductible",
						   "naheffing", NULL};
static const char *const truth_wait_words[] = {"wacht", "wait", "levertijd", "delay", "vertraag", "verschuif",
						"verschov", "schuift", "updates", NULL};
static const char *const truth_form_words[] = {"formulier", "invullen", "fill in", "aanleveren", "gegevens",
						"doorgeven", "meterstand", "spreadsheet", NULL};
static const char *const truth_visit_words[] = {"monteur", "technician", "engineer", NULL};
static const char *const truth_appointment_words[] = {"afspraak", "appointment", "plannen", "schedul", NULL};
static const char *const truth_return_words[] = {"terugsturen", "retour", "return", NULL};
static const char *const truth_confirm_words[] = {"bevestig", "confirm", "welkom", "welcome", NULL};

/* True when TP is marked as a moment of truth. */
static bool truth_marked(const cjm_api *api, const cjm_touchpoint *tp)
{
	return api->tp_moment_of_truth(tp) == CJM_YESNO_YES;
}

/* Writes into OUT an idea that makes the moment of truth TP effortless, in LANG (the map's language). */
static void truth_idea(strbuf *out, const cjm_api *api, const cjm_touchpoint *tp, const char *lang)
{
	const char *answer = L_(lang, "Answer by name with the customer's file already at hand (\"Good afternoon, I "
				      "have your details here\"), so it is sorted in one call");
	cjm_pu_words name;
	cjm_pu_words_init(&name, api->tp_name(tp));
	if (cjm_pu_words_has(&name, truth_call_words)) {
		strbuf_puts(out, answer);
	} else if (cjm_pu_words_has(&name, truth_appointment_words)) {
		strbuf_puts(out, L_(lang, "Let the customer pick a narrow time slot themselves, in the app, at a time "
				 "that suits them"));
	} else if (cjm_pu_words_has(&name, truth_form_words)) {
		strbuf_puts(out, L_(lang, "Fill in what you already know, so the customer only confirms it"));
	} else if (cjm_pu_words_has(&name, truth_invoice_words)) {
		strbuf_puts(out, L_(lang, "Explain the amount before it arrives, in the customer's own figures, and call "
				 "anyone facing an unexpected amount before they call you"));
	} else if (cjm_pu_words_has(&name, truth_wait_words)) {
		strbuf_puts(out, L_(lang, "Keep the customer posted before they have to ask: a proactive update with a "
				 "date, by name"));
	} else if (cjm_pu_words_has(&name, truth_return_words)) {
		strbuf_puts(out, L_(lang, "Make returning effortless: a prepaid label in the box and a confirmation when "
				 "it arrives"));
	} else if (cjm_pu_words_has(&name, truth_confirm_words)) {
		strbuf_puts(out, L_(lang, "Put the next steps with their dates in it, addressed to the customer by name"));
	} else if (cjm_pu_words_has(&name, truth_visit_words)) {
		strbuf_puts(out, L_(lang, "Let the customer do it themselves with a kit and a video, with a visit only "
				 "when that does not work"));
	} else if (cjm_pu_mentions(api->tp_channel(tp), truth_phone_channel)) {
		strbuf_puts(out, answer);
	} else if (api->tp_commitment(tp) == CJM_YESNO_YES) {
		strbuf_puts(out, L_(lang, "Make committing effortless: fill in what you already know and confirm at "
				 "once what happens next"));
	} else if (api->tp_pain_count(tp) > 0) {
		strbuf quote = {0};
		/* TRANSLATORS: an idea written into the map; %s is the touchpoint's first pain, quoted. */
		strbuf_printf(out, L_(lang, "Make this moment effortless: take away %s first"),
			      cjm_pu_quoted(&quote, api->tp_pain(tp, 0), CJM_PU_QUOTE_MAX));
		strbuf_release(&quote);
	} else {
		strbuf_puts(out, L_(lang, "Recognise the customer here: greet them by name with their details at hand, "
				 "and settle it in one contact"));
	}
	cjm_pu_words_free(&name);
}

/* The interface's texts of a run, looked up once. */
typedef struct truth_texts {
	const char *emotion_note, *emotion, *sat_note, *sat, *impact_note, *impact;
	const char *title_weak, *title_best, *marked, *high, *weak_end, *both_high, *best_end;
} truth_texts;

static void truth_texts_init(truth_texts *t)
{
	/* TRANSLATORS: an item of a list of figures: an emotion such as "-2" and a note on it
	 * such as "at or below 0". */
	t->emotion_note = _("emotion %s (%s)");
	/* TRANSLATORS: an item of a list of figures: an emotion such as "-2". */
	t->emotion = _("emotion %s");
	/* TRANSLATORS: an item of a list of figures: a satisfaction and a note on it such as "below 6". */
	t->sat_note = _("satisfaction %s (%s)");
	/* TRANSLATORS: an item of a list of figures: a satisfaction. */
	t->sat = _("satisfaction %s");
	/* TRANSLATORS: an item of a list of figures: an impact and a note on it such as "at or above 0.7". */
	t->impact_note = _("impact %s (%s)");
	/* TRANSLATORS: an item of a list of figures: an impact. */
	t->impact = _("impact %s");
	t->title_weak = _("Strengthen %s");
	t->title_best = _("Let more customers experience %s");
	/* TRANSLATORS: the start of a rationale; %s is the touchpoint, quoted. */
	t->marked = _("Moment of truth %s");
	/* TRANSLATORS: the start of a rationale; %s is the touchpoint, quoted. */
	t->high = _("High-impact moment %s");
	t->weak_end = _(". The experience stands or falls here: raise it first.");
	/* TRANSLATORS: a clause of a rationale: the map's satisfaction and impact thresholds. */
	t->both_high = _("; satisfaction and impact both high (at or above %s and %s)");
	t->best_end = _(". A moment like this is worth letting more customers have.");
}

/* Appends ": emotion E, satisfaction S, impact I" (those present) to OUT in the interface
 * language (T), each followed by NOTE_* in brackets when that is not NULL. */
static void truth_figures(strbuf *out, const cjm_api *api, const cjm_touchpoint *tp, const truth_texts *t,
			  const char *note_emotion, const char *note_sat, const char *note_impact)
{
	const char *sep = ": ";
	int emotion;
	double value;
	char num[40];
	const char *args[2] = {num, NULL};
	if (api->tp_emotion(tp, &emotion)) {
		strbuf_puts(out, sep);
		cjm_pu_emotion(num, emotion);
		args[1] = note_emotion;
		cjm_pu_format(out, note_emotion ? t->emotion_note : t->emotion, 2, args);
		sep = ", ";
	}
	if (api->tp_satisfaction(tp, &value)) {
		strbuf_puts(out, sep);
		cjm_pu_ui_number(num, value);
		args[1] = note_sat;
		cjm_pu_format(out, note_sat ? t->sat_note : t->sat, 2, args);
		sep = ", ";
	}
	if (api->tp_impact(tp, &value)) {
		strbuf_puts(out, sep);
		cjm_pu_ui_number(num, value);
		args[1] = note_impact;
		cjm_pu_format(out, note_impact ? t->impact_note : t->impact, 2, args);
	}
}

/* What one run keeps from one suggestion to the next: the notes on the thresholds (the
 * same for every touchpoint), the buffers the text is written in, the map's language and
 * the interface's texts. */
typedef struct truth_run {
	char note_emotion[64];
	char note_sat[64];
	char note_impact[64];
	strbuf why;
	strbuf idea;
	strbuf quote;
	const char *lang;
	truth_texts texts;
} truth_run;

/* Emits "strengthen TP": it matters (marked, or high impact) and LOW_SAT / LOW_EMOTION; OF
 * is how many high-impact moments of PHASE fell short when TP is the weakest of them. */
static void truth_emit_weak(const cjm_pattern_context *ctx, truth_run *run, const cjm_touchpoint *tp,
			    bool low_sat, bool low_emotion, const cjm_phase *phase, size_t of)
{
	const cjm_api *api = ctx->api;
	char title[CJM_PU_TITLE_MAX + 1];
	strbuf *why = &run->why;
	strbuf *idea = &run->idea;
	bool marked = truth_marked(api, tp);

	strbuf_reset(why);
	strbuf_reset(idea);
	const truth_texts *t = &run->texts;
	cjm_pu_title_fmt(title, t->title_weak, api->tp_name(tp));
	const char *quote = cjm_pu_quoted(&run->quote, api->tp_name(tp), CJM_PU_QUOTE_MAX);
	cjm_pu_format(why, marked ? t->marked : t->high, 1, &quote);
	truth_figures(why, api, tp, t, low_emotion ? run->note_emotion : NULL, low_sat ? run->note_sat : NULL,
		      marked ? NULL : run->note_impact);
	if (of > 1)
		/* TRANSLATORS: a clause of a rationale: how many moments fall short, and the phase, quoted. */
		strbuf_printf(why, P_("; the weakest of %zu high-impact moments in phase %s",
				      "; the weakest of %zu high-impact moments in phase %s", of),
			      of, cjm_pu_quoted(&run->quote, api->phase_name(phase), CJM_PU_QUOTE_MAX));
	strbuf_puts(why, t->weak_end);
	truth_idea(idea, api, tp, run->lang);

	cjm_suggestion_spec spec = {
		.target = api->tp_id(tp),
		.title = title,
		.rationale = why->data,
		.priority = marked ? 1 : 2,
		.proposal = {.kind = CJM_PROPOSE_IDEA, .text = idea->data},
	};
	ctx->emit(ctx, &spec);
}

/* Emits "let more customers experience TP", the strongest of COUNT high/high moments. */
static void truth_emit_best(const cjm_pattern_context *ctx, const truth_run *run, const cjm_touchpoint *tp, size_t count)
{
	const cjm_api *api = ctx->api;
	const cjm_map *map = ctx->map;
	char title[CJM_PU_TITLE_MAX + 1];
	char num[40], num2[40];
	strbuf why = {0};

	const truth_texts *t = &run->texts;
	strbuf quote = {0};
	cjm_pu_title_fmt(title, t->title_best, api->tp_name(tp));
	const char *args[2] = {cjm_pu_quoted(&quote, api->tp_name(tp), CJM_PU_QUOTE_MAX), NULL};
	cjm_pu_format(&why, truth_marked(api, tp) ? t->marked : t->high, 1, args);
	strbuf_release(&quote);
	truth_figures(&why, api, tp, t, NULL, NULL, NULL);
	args[0] = cjm_pu_ui_number(num, api->satisfaction_threshold(map));
	args[1] = cjm_pu_ui_number(num2, api->impact_threshold(map));
	cjm_pu_format(&why, t->both_high, 2, args);
	if (count > 1)
		/* TRANSLATORS: a clause of a rationale: how many moments are high on both. */
		strbuf_printf(&why, P_(", the strongest of %zu such moments", ", the strongest of %zu such moments", count),
			      count);
	strbuf_puts(&why, t->best_end);

	cjm_suggestion_spec spec = {
		.target = api->tp_id(tp),
		.title = title,
		.rationale = why.data,
		.priority = 4,
		.proposal = {.kind = CJM_PROPOSE_IDEA,
			     .text = L_(run->lang, "Let more customers experience this: make it the "
							       "standard rather than the exception, and tell "
							       "customers about it before they buy")},
	};
	ctx->emit(ctx, &spec);
	strbuf_release(&why);
}

/* TP's satisfaction, else FALLBACK, for ordering. */
static double truth_satisfaction_or(const cjm_api *api, const cjm_touchpoint *tp, double fallback)
{
	double value;
	return api->tp_satisfaction(tp, &value) ? value : fallback;
}

/* TP's emotion, else FALLBACK, for ordering. */
static int truth_emotion_or(const cjm_api *api, const cjm_touchpoint *tp, int fallback)
{
	int emotion;
	return api->tp_emotion(tp, &emotion) ? emotion : fallback;
}

/* True when high-impact moment A falls further short than B (satisfaction, emotion, impact). */
static bool truth_weaker(const cjm_api *api, const cjm_touchpoint *a, const cjm_touchpoint *b)
{
	double sa = truth_satisfaction_or(api, a, 11), sb = truth_satisfaction_or(api, b, 11);
	if (sa != sb)
		return sa < sb;
	int ea = truth_emotion_or(api, a, CJM_API_EMOTION_MAX + 1);
	int eb = truth_emotion_or(api, b, CJM_API_EMOTION_MAX + 1);
	if (ea != eb)
		return ea < eb;
	return cjm_pu_impact_of(api, a) > cjm_pu_impact_of(api, b);
}

/* True when high/high moment A is stronger than B (marked, emotion, impact, satisfaction). */
static bool truth_stronger(const cjm_api *api, const cjm_touchpoint *a, const cjm_touchpoint *b)
{
	if (truth_marked(api, a) != truth_marked(api, b))
		return truth_marked(api, a);
	int ea = truth_emotion_or(api, a, CJM_API_EMOTION_MIN - 1);
	int eb = truth_emotion_or(api, b, CJM_API_EMOTION_MIN - 1);
	if (ea != eb)
		return ea > eb;
	double ia = cjm_pu_impact_of(api, a), ib = cjm_pu_impact_of(api, b);
	if (ia != ib)
		return ia > ib;
	return cjm_pu_satisfaction_of(api, a) > cjm_pu_satisfaction_of(api, b);
}

static void truth_suggest(const cjm_pattern_context *ctx)
{
	const cjm_api *api = ctx->api;
	const cjm_map *map = ctx->map;
	double sat_threshold = api->satisfaction_threshold(map);
	double impact_threshold = api->impact_threshold(map);
	const cjm_touchpoint *best = NULL;
	size_t best_count = 0;
	truth_run run = {0};
	char num[40];
	run.lang = cjm_pu_lang(api, map);
	truth_texts_init(&run.texts);
	strset *dismissed = cjm_pu_dismissed_targets(api, map, TRUTH_ID);

	/* TRANSLATORS: notes on a figure in a rationale; %s is a threshold. */
	snprintf(run.note_emotion, sizeof run.note_emotion, _("at or below %s"), cjm_pu_ui_number(num, ctx->threshold));
	snprintf(run.note_sat, sizeof run.note_sat, _("below %s"), cjm_pu_ui_number(num, sat_threshold));
	snprintf(run.note_impact, sizeof run.note_impact, _("at or above %s"), cjm_pu_ui_number(num, impact_threshold));

	size_t phases = api->phase_count(map);
	for (size_t p = 0; p < phases; p++) {
		const cjm_phase *phase = api->phase_at(map, p);
		size_t count = api->touchpoint_count(phase);
		const cjm_touchpoint *weakest = NULL;
		bool weakest_sat = false, weakest_emotion = false, marked_weak = false;
		size_t weak_count = 0;
		for (size_t i = 0; i < count; i++) {
			const cjm_touchpoint *tp = api->touchpoint_at(phase, i);
			double impact, satisfaction;
			int emotion;
			bool has_satisfaction = api->tp_satisfaction(tp, &satisfaction);
			bool high_impact = api->tp_impact(tp, &impact) && impact >= impact_threshold;
			bool marked = truth_marked(api, tp);
			if (!marked && !high_impact)
				continue;
			if (!api->tp_visible(tp))
				continue; /* not noticed: skip-steps asks to skip it or make it noticed */
			bool low_sat = has_satisfaction && satisfaction < sat_threshold;
			bool low_emotion = api->tp_emotion(tp, &emotion) && emotion <= ctx->threshold;
			if ((low_sat || low_emotion) && marked) {
				truth_emit_weak(ctx, &run, tp, low_sat, low_emotion, phase, 1);
				marked_weak = true;
			} else if (low_sat || low_emotion) {
				if (dismissed && strset_has(dismissed, api->tp_id(tp)))
					continue; /* dismissed: the next weakest comes forward */
				weak_count++;
				if (!weakest || truth_weaker(api, tp, weakest)) {
					weakest = tp;
					weakest_sat = low_sat;
					weakest_emotion = low_emotion;
				}
			} else if (high_impact && has_satisfaction &&
				   !(dismissed && strset_has(dismissed, api->tp_id(tp)))) {
				best_count++;
				if (!best || truth_stronger(api, tp, best))
					best = tp;
			}
		}
		if (weakest && !marked_weak)
			truth_emit_weak(ctx, &run, weakest, weakest_sat, weakest_emotion, phase, weak_count);
	}
	if (best)
		truth_emit_best(ctx, &run, best, best_count);
	strbuf_release(&run.why);
	strbuf_release(&run.idea);
	strbuf_release(&run.quote);
	strset_free(dismissed);
}

const cjm_pattern cjm_pattern_moments_of_truth = {
	.abi = CJM_PLUGIN_ABI,
	.id = TRUTH_ID,
	.summary = N_("Tip 3: strengthen moments of truth that fall short; spread the best one"),
	.default_threshold = TRUTH_DEFAULT_THRESHOLD,
	.threshold_means = N_("emotion at or below (a moment falls short)"),
	.suggest = truth_suggest,
};
