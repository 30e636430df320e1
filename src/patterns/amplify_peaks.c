/* Tip 2, amplify peaks: the journey's local emotional peaks get an idea that makes a happy moment happier still. */
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "cjm/plugin.h"
#include "patterns/builtin.h"
#include "patterns/pattern_util.h"
#include "util/i18n.h"
#include "util/lang.h"
#include "util/strbuf.h"

#define AMPLIFY_DEFAULT_THRESHOLD 2.0

/*
 * A peak is where the emotion curve (scored touchpoints, in journey order,
 * across phases) rises to a level at or above the threshold and then falls
 * again: the scored touchpoints just before and just after are lower, or there
 * are none. A run of equal emotions counts once, at its first touchpoint.
 * A moment of truth with a satisfaction and an impact is left to
 * moments-of-truth (tip 3), which judges it on those and says what to do with
 * the good ones, so a touchpoint gets one piece of advice, not two; a moment of
 * truth without them is a peak like any other.
 */

static const char *const amplify_parcel_words[] = {"parcel", "package", "pakket", "deliver", "levering",
						    "bezorg", "unbox", "uitpak", "ontvang", "receive", NULL};
static const char *const amplify_visit_words[] = {"visit", "bezoek", "rondleiding", "tour", "demo",
						   "kick-off", "training", "overdracht", "handover", NULL};
static const char *const amplify_visit_channel[] = {"visit", "store", NULL};
static const char *const amplify_digital_channel[] = {"app", "web", "product", NULL};

/* Writes into OUT an idea that makes the happy moment TP happier still, in LANG (the map's language). */
static void amplify_idea(strbuf *out, const cjm_api *api, const cjm_touchpoint *tp, const char *lang)
{
	const char *channel = api->tp_channel(tp);
	cjm_pu_words name;
	cjm_pu_words_init(&name, api->tp_name(tp));
	if (cjm_pu_words_has(&name, amplify_parcel_words) || (channel && strcmp(channel, "mail") == 0)) {
		strbuf_puts(out, L_(lang, "Add a handwritten thank-you card to the parcel, with a small thank-you for "
					  "the next order that customers like to share"));
	} else if (cjm_pu_words_has(&name, amplify_visit_words) ||
		   cjm_pu_mentions(channel, amplify_visit_channel)) {
		strbuf_puts(out, L_(lang, "Leave something personal behind: a handwritten note or a photo of the day, "
					  "worth sharing"));
	} else if (cjm_pu_mentions(channel, amplify_digital_channel)) {
		strbuf_puts(out, L_(lang, "Celebrate this moment on screen: a personal thank-you and something worth "
					  "sharing with friends"));
	} else {
		strbuf_puts(out, L_(lang, "Make this happy moment even better: a personal, handwritten thank-you and "
					  "a small surprise worth sharing"));
	}
	cjm_pu_words_free(&name);
}

/* Where a run of equal scored emotions starts and what came before it. */
typedef struct amplify_run {
	const cjm_touchpoint *first;  /* its first touchpoint; NULL before any scored one */
	const cjm_touchpoint *last;   /* its last touchpoint */
	const cjm_touchpoint *before; /* the scored touchpoint before the run; NULL: none */
	int emotion;                  /* the run's emotion */
	int before_emotion;           /* and that of BEFORE */
	size_t length;                /* touchpoints in the run */
} amplify_run;

/* Where a suggestion's text is written, kept from one suggestion to the next. */
typedef struct amplify_text {
	strbuf why;
	strbuf idea;
	strbuf quote;
	bool not_ours_possible; /* the map names owners: a step without one is not the company's */
	const char *lang;       /* the map's language, for the idea */
	/* the interface's texts, looked up once */
	const char *title, *highest, *plain, *up_from, *opens, *only, *down_to, *ends, *closing;
	cjm_pu_figures_text figures;
	const char *more;  /* the plateau clause, for MORE_COUNT touchpoints */
	size_t more_count; /* 0: none looked up yet */
} amplify_text;

/* Looks up TEXT's texts for MAP. */
static void amplify_text_init(amplify_text *text, const cjm_api *api, const cjm_map *map)
{
	*text = (amplify_text){0};
	text->not_ours_possible = cjm_pu_map_names_owners(api, map);
	text->lang = cjm_pu_lang(api, map);
	text->title = _("Amplify %s");
	/* TRANSLATORS: a rationale: an emotion such as "+3" at a touchpoint (quoted). */
	text->highest = _("Emotion %s at %s, the journey's highest");
	/* TRANSLATORS: a rationale: an emotion such as "+2" at a touchpoint (quoted). */
	text->plain = _("Emotion %s at %s");
	/* TRANSLATORS: a clause of a rationale: the touchpoint before the peak (quoted) and its emotion. */
	text->up_from = _(": up from %s (%s)");
	text->opens = _(": the journey opens on it");
	text->only = _(": the only scored moment");
	/* TRANSLATORS: a clause of a rationale: the touchpoint after the peak (quoted) and its emotion. */
	text->down_to = _(", then down to %s (%s)");
	text->ends = _(", and the journey ends on it");
	text->closing = _(". Positive moments weigh less than negative ones: make this one as strong as it can be.");
	cjm_pu_figures_text_init(&text->figures);
}

/* Emits the suggestion for the peak RUN, followed by AFTER (NULL: the journey ends) at AFTER_EMOTION. */
static void amplify_emit(const cjm_pattern_context *ctx, const amplify_run *run, const cjm_touchpoint *after,
			 int after_emotion, int highest, amplify_text *text)
{
	const cjm_api *api = ctx->api;
	const cjm_touchpoint *tp = run->first;
	const char *name = api->tp_name(tp);
	char title[CJM_PU_TITLE_MAX + 1];
	char emo[8];
	strbuf *why = &text->why;
	strbuf *idea = &text->idea;
	strbuf_reset(why);
	strbuf_reset(idea);

	char emo2[8];
	strbuf *quote = &text->quote;
	cjm_pu_title_fmt(title, text->title, name);
	const char *args[2] = {cjm_pu_emotion(emo, run->emotion), cjm_pu_quoted(quote, name, CJM_PU_QUOTE_MAX)};
	cjm_pu_format(why, run->emotion == highest ? text->highest : text->plain, 2, args);
	if (run->length > 1) {
		size_t more = run->length - 1;
		if (more != text->more_count) { /* a plural form, looked up again only when the count changes */
			text->more_count = more;
			/* TRANSLATORS: a clause of a rationale: how many touchpoints follow the peak
			 * at the same emotion (such as "+2"). */
			text->more = P_(" (and %zu more right after it at %s)", " (and %zu more right after it at %s)",
					more);
		}
		char count[24];
		snprintf(count, sizeof count, "%zu", more);
		cjm_pu_format(why, text->more, 2, (const char *const[]){count, emo});
	}
	if (run->before) {
		args[0] = cjm_pu_quoted(quote, api->tp_name(run->before), CJM_PU_QUOTE_MAX);
		args[1] = cjm_pu_emotion(emo2, run->before_emotion);
		cjm_pu_format(why, text->up_from, 2, args);
	} else {
		strbuf_puts(why, after ? text->opens : text->only);
	}
	if (after) {
		args[0] = cjm_pu_quoted(quote, api->tp_name(after), CJM_PU_QUOTE_MAX);
		args[1] = cjm_pu_emotion(emo2, after_emotion);
		cjm_pu_format(why, text->down_to, 2, args);
	} else if (run->before) {
		strbuf_puts(why, text->ends);
	}
	cjm_pu_put_figures(why, api, tp, &text->figures);
	strbuf_puts(why, text->closing);
	amplify_idea(idea, api, tp, text->lang);

	cjm_suggestion_spec spec = {
		.target = api->tp_id(tp),
		.title = title,
		.rationale = why->data,
		.priority = run->emotion == highest ? 3 : 4,
		.proposal = {.kind = CJM_PROPOSE_IDEA, .text = idea->data},
	};
	ctx->emit(ctx, &spec);
}

/* Ends RUN at AFTER (NULL: the journey ends), at AFTER_EMOTION: emits it when it is a peak
 * worth amplifying. */
static void amplify_close(const cjm_pattern_context *ctx, const amplify_run *run, const cjm_touchpoint *after,
			  int after_emotion, int highest, amplify_text *text)
{
	const cjm_api *api = ctx->api;
	const cjm_touchpoint *tp = run->first;
	if (!tp || run->emotion < ctx->threshold)
		return;
	/* Not an event the company does not run, nor a contact the customer does not notice. */
	if (text->not_ours_possible && cjm_pu_not_ours(api, tp, true))
		return;
	if (!api->tp_visible(tp))
		return;
	if (api->tp_moment_of_truth(tp) == CJM_YESNO_YES && api->tp_satisfaction(tp, NULL) &&
	    api->tp_impact(tp, NULL))
		return;
	if (run->before && run->before_emotion > run->emotion)
		return;
	if (after && after_emotion > run->emotion)
		return;
	amplify_emit(ctx, run, after, after_emotion, highest, text);
}

static void amplify_suggest(const cjm_pattern_context *ctx)
{
	const cjm_api *api = ctx->api;
	const cjm_map *map = ctx->map;
	cjm_emotion_figures journey = { .size = sizeof journey };
	int highest = api->journey_emotion(map, &journey) ? journey.max : CJM_API_EMOTION_MIN - 1;

	amplify_run run = {0};
	amplify_text text;
	amplify_text_init(&text, api, map);
	size_t phases = api->phase_count(map);
	for (size_t p = 0; p < phases; p++) {
		const cjm_phase *phase = api->phase_at(map, p);
		size_t count = api->touchpoint_count(phase);
		for (size_t i = 0; i < count; i++) {
			const cjm_touchpoint *tp = api->touchpoint_at(phase, i);
			int emotion;
			if (!api->tp_emotion(tp, &emotion))
				continue;
			if (run.first && emotion == run.emotion) {
				run.last = tp;
				run.length++;
				continue;
			}
			amplify_close(ctx, &run, tp, emotion, highest, &text);
			run.before = run.last;
			run.before_emotion = run.emotion;
			run.first = run.last = tp;
			run.emotion = emotion;
			run.length = 1;
		}
	}
	amplify_close(ctx, &run, NULL, 0, highest, &text);
	strbuf_release(&text.why);
	strbuf_release(&text.idea);
	strbuf_release(&text.quote);
}

const cjm_pattern cjm_pattern_amplify_peaks = {
	.abi = CJM_PLUGIN_ABI,
	.id = "amplify-peaks",
	.summary = N_("Tip 2: make the journey's emotional peaks stronger still"),
	.default_threshold = AMPLIFY_DEFAULT_THRESHOLD,
	.threshold_means = N_("peak emotion at or above"),
	.suggest = amplify_suggest,
};
