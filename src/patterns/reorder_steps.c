/* Tip 8, reorder steps: a negative commitment (pay, sign, order) before a positive experience that could come first (try before you buy). */
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "cjm/plugin.h"
#include "patterns/builtin.h"
#include "patterns/pattern_util.h"
#include "util/i18n.h"
#include "util/strbuf.h"

#define REORDER_POSITIVE 1 /* the emotion at or above which a step is a positive experience */

/*
 * Only a commitment moves: a step marked `commitment: true`, or one whose name
 * says the customer pays, signs or orders. It moves after the first positive
 * experience that follows it (in its phase or the next), the way Ace & Tate let
 * customers wear the glasses before they pay. A wait, a delivery, a shipment, an
 * installation or a visit never moves: it leads to what comes after it, and
 * putting it later would be against cause and effect. A wait is never the
 * experience that comes first either; a later commitment ends the search, and
 * so does a wait or a delivery after an order (it follows from the order: only
 * paying can move past it).
 */
static const char *const reorder_commit_words[] = {"betal", "pay", "afreken", "checkout", "kopen", "koop ",
						   "aankoop", "buy", "purchase", "bestel", "order", "tekenen",
						   "ondertek", "sign", "contract", "aanbetal", "deposit", NULL};
static const char *const reorder_process_words[] = {
	"wacht", "wait", "lever", "deliver", "bezorg", "verzend", "verzonden", "ship", "transport",
	"install", "monteur", "technician", "engineer", "aansluit", "connect", "bezoek", "visit",
	"afspraak", "appointment", "plannen", "schedul", "onderweg", "in behandeling", "processing",
	"productie", "production", "vertraag", "delay", "schuift", "verschuif", "verschov", NULL};
static const char *const reorder_wait_words[] = {"wacht", "wait", "vertraag", "delay", "schuift", "verschuif",
						 "verschov", "onderweg", NULL};
static const char *const reorder_order_words[] = {"bestel", "order", "aanvra", "request", "koop ", "kopen",
						  "buy", "purchase", "aankoop", NULL};
/* Words of a map about the glasses story itself, which then is not cited as an outside example. */
static const char *const reorder_story_words[] = {"ace & tate", "ace and tate", "ace&tate", "bril", "glasses",
						  "spectacles", "montuur", "monturen", NULL};

/* True when TP is a commitment: marked, or its name says so (and it is not a wait or a delivery). */
static bool reorder_is_commitment(const cjm_api *api, const cjm_touchpoint *tp)
{
	if (cjm_pu_mentions(api->tp_name(tp), reorder_process_words))
		return false;
	int marked = api->tp_commitment(tp);
	if (marked != CJM_YESNO_UNSET)
		return marked == CJM_YESNO_YES;
	return cjm_pu_mentions(api->tp_name(tp), reorder_commit_words);
}

/* "Move 'A' after 'B'" (FORMAT, a translated message with two '%s' for the quoted names)
 * within CJM_PU_TITLE_MAX bytes, sharing the room between the two names. */
static void reorder_title(char out[CJM_PU_TITLE_MAX + 1], const char *format, const char *a, const char *b)
{
	const char *first = strstr(format, "%s");
	const char *second = first ? strstr(first + 2, "%s") : NULL;
	if (!second) { /* a catalogue that dropped the names: the text alone, cut to one line */
		size_t n = strlen(format) < CJM_PU_TITLE_MAX ? strlen(format) : CJM_PU_TITLE_MAX;
		memcpy(out, format, n);
		out[n] = '\0';
		return;
	}
	size_t fixed = strlen(format) - 4 + 4; /* the words, and two pairs of quotes */
	size_t room = fixed < CJM_PU_TITLE_MAX ? CJM_PU_TITLE_MAX - fixed : 0;
	size_t la = strlen(a), lb = strlen(b);
	if (la + lb > room) {
		if (la <= room / 2)
			lb = room - la;
		else if (lb <= room / 2)
			la = room - lb;
		else
			la = lb = room / 2;
	}
	strbuf t = { 0 };
	strbuf_add(&t, format, (size_t)(first - format));
	cjm_pu_quote(&t, a, la);
	strbuf_add(&t, first + 2, (size_t)(second - first - 2));
	cjm_pu_quote(&t, b, lb);
	strbuf_puts(&t, second + 2);
	size_t n = t.len < CJM_PU_TITLE_MAX ? t.len : CJM_PU_TITLE_MAX;
	while (n > 0 && n < t.len && ((unsigned char)t.data[n] & 0xC0) == 0x80)
		n--; /* not inside a UTF-8 character */
	memcpy(out, t.data, n);
	out[n] = '\0';
	for (char *o = out; *o; o++) /* one line, whatever the names hold */
		if ((unsigned char)*o < 0x20)
			*o = ' ';
	strbuf_release(&t);
}

/* A scored touchpoint, its emotion, and where it stands. */
typedef struct reorder_at {
	const cjm_touchpoint *tp;
	int emotion;
	size_t phase;
	size_t index;
} reorder_at;

static const char *const reorder_pay_words[] = {"betal", "pay", "afreken", "checkout", "aanbetal", "deposit",
						"factuur", "invoice", NULL};
static const char *const reorder_sign_words[] = {"tekenen", "ondertek", "sign", "contract", NULL};

/* The question the rationale asks of the commitment TP (what the customer does there: pay,
 * sign, order or commit), with %s for the quoted name of the step that could come first. */
static const char *reorder_question(const cjm_api *api, const cjm_touchpoint *tp)
{
	const char *name = api->tp_name(tp);
	/* TRANSLATORS: %s is the quoted name of the positive step that could come first. */
	if (cjm_pu_mentions(name, reorder_pay_words))
		return _("Could the customer have %s first, and pay after it?");
	/* TRANSLATORS: %s is the quoted name of the positive step that could come first. */
	if (cjm_pu_mentions(name, reorder_sign_words))
		return _("Could the customer have %s first, and sign after it?");
	/* TRANSLATORS: %s is the quoted name of the positive step that could come first. */
	if (cjm_pu_mentions(name, reorder_order_words))
		return _("Could the customer have %s first, and order after it?");
	/* TRANSLATORS: %s is the quoted name of the positive step that could come first. */
	return _("Could the customer have %s first, and commit after it?");
}

/* Emits "move NEG after POS"; OWN_STORY: the map is about the glasses story, so Ace & Tate
 * is not cited. */
static void reorder_pair(const cjm_pattern_context *ctx, reorder_at neg, reorder_at pos, bool own_story)
{
	const cjm_api *api = ctx->api;
	const cjm_map *map = ctx->map;
	const cjm_touchpoint *a = neg.tp, *b = pos.tp;
	/* Positions count after the moved touchpoint is taken out (as the edit layer does). */
	size_t position = neg.phase == pos.phase ? pos.index : pos.index + 1;
	char ea[8], eb[8];
	strbuf why = { 0 }, qa = { 0 }, qb = { 0 }, qp = { 0 };
	cjm_pu_quote(&qa, api->tp_name(a), CJM_PU_QUOTE_MAX);
	cjm_pu_quote(&qb, api->tp_name(b), CJM_PU_QUOTE_MAX);
	cjm_pu_emotion(ea, neg.emotion);
	cjm_pu_emotion(eb, pos.emotion);
	if (neg.phase != pos.phase) {
		cjm_pu_quote(&qp, api->phase_name(api->phase_at(map, pos.phase)), CJM_PU_QUOTE_MAX);
		/* TRANSLATORS: %1$s is the quoted commitment, %2$s its emotion, %3$s the quoted positive
		 * step, %4$s its emotion, %5$s the quoted name of the next phase. */
		strbuf_printf(&why, _("%s (emotion %s, the customer commits here) comes before %s (emotion %s), "
				      "in the next phase %s."),
			      qa.data, ea, qb.data, eb, qp.data);
	} else {
		/* TRANSLATORS: %1$s is the quoted commitment, %2$s its emotion, %3$s the quoted positive
		 * step, %4$s its emotion. */
		strbuf_printf(&why, _("%s (emotion %s, the customer commits here) comes before %s (emotion %s)."), qa.data,
			      ea, qb.data, eb);
	}
	strbuf_putc(&why, ' ');
	strbuf_printf(&why, reorder_question(api, a), qb.data);
	if (!own_story) {
		strbuf_putc(&why, ' ');
		strbuf_puts(&why, _("Try before you buy: Ace & Tate send glasses home to wear before the customer pays."));
	}
	char title[CJM_PU_TITLE_MAX + 1];
	/* TRANSLATORS: a title; %1$s is the quoted step to move, %2$s the quoted step it goes after. */
	reorder_title(title, _("Move %s after %s"), api->tp_name(a), api->tp_name(b));
	strbuf_release(&qa);
	strbuf_release(&qb);
	strbuf_release(&qp);
	cjm_suggestion_spec spec = {
		.target = api->tp_id(a),
		.title = title,
		.rationale = why.data,
		.priority = 2,
		.proposal = { .kind = CJM_PROPOSE_MOVE, .phase = api->phase_id(api->phase_at(map, pos.phase)), .position = position },
	};
	ctx->emit(ctx, &spec);
	strbuf_release(&why);
}

static void reorder_suggest(const cjm_pattern_context *ctx)
{
	const cjm_api *api = ctx->api;
	const cjm_map *map = ctx->map;
	if (!map)
		return;
	/* In a map that names owners, a step nobody owns is the customer's own (the accident,
	 * the move): the company cannot put it later. */
	bool owners = cjm_pu_map_names_owners(api, map);
	bool own_story = cjm_pu_map_mentions(api, map, reorder_story_words);
	/* A negative step is at or below the threshold, and never positive whatever the threshold. */
	double limit = ctx->threshold < 0 ? ctx->threshold : 0;
	size_t phases = api->phase_count(map);
	for (size_t p = 0; p < phases; p++) {
		const cjm_phase *phase = api->phase_at(map, p);
		size_t count = api->touchpoint_count(phase);
		for (size_t t = 0; t < count; t++) {
			const cjm_touchpoint *tp = api->touchpoint_at(phase, t);
			int emotion;
			if (!api->tp_emotion(tp, &emotion) || emotion > limit || cjm_pu_not_ours(api, tp, owners) ||
			    !reorder_is_commitment(api, tp))
				continue;
			reorder_at neg = { tp, emotion, p, t };
			bool is_order = cjm_pu_mentions(api->tp_name(tp), reorder_order_words);
			/* the first positive experience after it, in this phase or the next */
			size_t q = p, u = t + 1;
			while (q < phases && q <= p + 1) {
				const cjm_phase *next_phase = api->phase_at(map, q);
				if (u >= api->touchpoint_count(next_phase)) {
					q++;
					u = 0;
					continue;
				}
				const cjm_touchpoint *next = api->touchpoint_at(next_phase, u);
				int next_emotion;
				if (reorder_is_commitment(api, next) ||
				    (is_order && cjm_pu_mentions(api->tp_name(next), reorder_process_words)))
					break;
				if (api->tp_emotion(next, &next_emotion) && next_emotion >= REORDER_POSITIVE &&
				    !cjm_pu_mentions(api->tp_name(next), reorder_wait_words)) {
					reorder_pair(ctx, neg, (reorder_at){ next, next_emotion, q, u }, own_story);
					break;
				}
				u++;
			}
		}
	}
}

const cjm_pattern cjm_pattern_reorder_steps = {
	.abi = CJM_PLUGIN_ABI,
	.id = "reorder-steps",
	.summary = N_("Tip 8: a negative commitment (pay, sign) before a positive experience that could come first"),
	.default_threshold = -1,
	.threshold_means = N_("commitment emotion at or below, before a step at +1 or more"),
	.suggest = reorder_suggest,
};
