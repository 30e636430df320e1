/* The editor in a live session, without a screen: hosting (votes, the reveal, the inbox) and joining (following, answering, proposing notes). */
#include "editor/live.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "edit/edit.h"
#include "io/save.h"
#include "live/protocol.h"
#include "live/vote_record.h"
#include "live/vote_text.h"
#include "model/field.h"
#include "render/text.h"
#include "render/wrap.h"
#include "util/i18n.h"
#include "util/xalloc.h"

/* How long after a change the map is sent to the room even while keys keep coming;
 * when the facilitator pauses it is sent at once. */
#define LIVE_PUBLISH_AFTER_MS 250
/* How long after - or + a digit makes a signed answer, as on the map. */
#define LIVE_SIGN_MS CJM_SIGN_PREFIX_MS
/* The most cells of the voted touchpoint's name on a participant's status line. */
#define LIVE_STATUS_NAME 20

typedef struct cjm_editor_live {
	cjm_live_host *host;   /* hosting: owned */
	cjm_live_guest *guest; /* joined: owned */
	cjm_live_panel panel;
	size_t inbox_at;
	unsigned long generation;
	unsigned long seen_host, seen_guest; /* the session generations last looked at */
	/* hosting: the map last sent, and since when it differs */
	unsigned long published;
	bool published_once;
	long long changed_at;
	/* hosting: a vote in turn over a phase (:vote phase): the touchpoints still to come */
	char **queue;
	size_t queue_count, queue_next;
	bool recorded; /* the revealed vote's record is in the map */
	/* joined */
	bool following;
	bool had_map;          /* the facilitator's map has come */
	uint32_t shown_reveal; /* the vote whose reveal opened the panel */
	uint32_t seen_vote;    /* the vote last said to be open */
	int sign;              /* -1 or +1 while a digit may follow - or + */
	long long sign_until;
	int note_kind;         /* what n is proposing (CJM_PROTO_NOTE_*) */
	char *note_touchpoint; /* on which touchpoint */
} cjm_editor_live;

/* Monotonic milliseconds, for the sign prefix. */
static long long live_now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static cjm_editor_live *live_of(cjm_editor *ed)
{
	if (!ed->live)
		ed->live = xcalloc(1, sizeof *ed->live);
	return ed->live;
}

void cjm_editor_live_host(cjm_editor *ed, cjm_live_host *host)
{
	live_of(ed)->host = host;
}

void cjm_editor_live_join(cjm_editor *ed, cjm_live_guest *guest)
{
	cjm_editor_live *l = live_of(ed);
	l->guest = guest;
	l->following = true;
}

static void live_queue_clear(cjm_editor_live *l)
{
	for (size_t i = 0; i < l->queue_count; i++)
		free(l->queue[i]);
	free(l->queue);
	l->queue = NULL;
	l->queue_count = l->queue_next = 0;
}

void cjm_editor_live_free(cjm_editor *ed)
{
	cjm_editor_live *l = ed->live;
	if (!l)
		return;
	cjm_live_host_free(l->host);
	cjm_live_guest_free(l->guest);
	live_queue_clear(l);
	free(l->note_touchpoint);
	free(l);
	ed->live = NULL;
}

void cjm_editor_live_hang_up(cjm_editor *ed)
{
	if (ed->live && ed->live->host)
		cjm_live_host_hang_up(ed->live->host);
}

bool cjm_editor_live_hosting(const cjm_editor *ed)
{
	return ed->live && ed->live->host;
}

bool cjm_editor_live_joined(const cjm_editor *ed)
{
	return ed->live && ed->live->guest;
}

cjm_live_host *cjm_editor_live_host_of(const cjm_editor *ed)
{
	return ed->live ? ed->live->host : NULL;
}

cjm_live_guest *cjm_editor_live_guest_of(const cjm_editor *ed)
{
	return ed->live ? ed->live->guest : NULL;
}

unsigned long cjm_editor_live_generation(const cjm_editor *ed)
{
	return ed->live ? ed->live->generation : 0;
}

cjm_live_panel cjm_editor_live_panel(const cjm_editor *ed)
{
	return ed->live ? ed->live->panel : CJM_LIVE_PANEL_REVEAL;
}

size_t cjm_editor_live_inbox_at(const cjm_editor *ed)
{
	return ed->live ? ed->live->inbox_at : 0;
}

/* ---- finding things by id ---- */

/* The touchpoint with id ID as a reference, or false when the map has none. */
static bool live_touchpoint_ref(const cjm_editor *ed, const char *id, cjm_ref *ref)
{
	size_t phase = 0, tp = 0;
	if (!id || !*id || !cjm_map_find(cjm_editor_map(ed), id, &phase, &tp) || tp == CJM_PHASE_ITSELF)
		return false;
	*ref = (cjm_ref){ .kind = CJM_REF_TOUCHPOINT, .phase = phase, .tp = tp };
	return true;
}

/* The name of the touchpoint with id ID, or the id itself when it is gone. */
static const char *live_touchpoint_name(const cjm_editor *ed, const char *id)
{
	cjm_ref ref;
	if (!live_touchpoint_ref(ed, id, &ref))
		return id ? id : "";
	return cjm_editor_map(ed)->phases[ref.phase]->touchpoints[ref.tp]->name;
}

/* Selects the phase PHASE_ID and touchpoint TP_ID when the map has them. */
static void live_select(cjm_editor *ed, const char *phase_id, const char *tp_id)
{
	size_t phase = 0, tp = 0;
	if (tp_id && *tp_id && cjm_map_find(cjm_editor_map(ed), tp_id, &phase, &tp)) {
		ed->phase = phase;
		ed->tp = tp;
	} else if (phase_id && *phase_id && cjm_map_find(cjm_editor_map(ed), phase_id, &phase, &tp) &&
		   tp == CJM_PHASE_ITSELF) {
		ed->phase = phase;
		ed->tp = CJM_PHASE_ITSELF;
	}
}

/* The ids of the selection: its phase's and its touchpoint's ("" for none). */
void cjm_editor_live_restore(cjm_editor *ed, const char *text, size_t len, const char *path)
{
	cjm_editor_live *l = ed->live;
	char *why = NULL;
	if (!l || !l->host || !cjm_live_host_restore(l->host, text, len, &why)) {
		cjm_editor_say(ed, true, _("%s is not a session's state (%s): not restored"), path, why ? why : "");
		free(why);
		return;
	}
	const char *touchpoint = NULL;
	if (cjm_live_host_vote(l->host, &touchpoint, NULL) && touchpoint)
		live_select(ed, NULL, touchpoint); /* where the room was */
	if (cjm_edit_dirty(ed->edit))
		cjm_editor_say(ed, false, _("restored unsaved edits, and the session's open vote and inbox (:w saves)"));
	else
		cjm_editor_say(ed, false, _("the session's open vote and inbox are back from %s"), path);
}

static void live_selection_ids(const cjm_editor *ed, const char **phase_id, const char **tp_id)
{
	const cjm_map *map = cjm_editor_map(ed);
	*phase_id = map->phase_count ? map->phases[ed->phase]->id : "";
	const cjm_touchpoint *t = map->phase_count ? cjm_editor_selected_touchpoint(ed) : NULL;
	*tp_id = t ? t->id : "";
}

/* ---- hosting ---- */

/* Sends the map when it changed and the facilitator paused (IDLE), or a while after
 * the change while keys keep coming, so the facilitator's keys never wait on it. */
static void live_publish(cjm_editor *ed, cjm_editor_live *l, long long now_ms, bool idle)
{
	unsigned long generation = cjm_edit_generation(ed->edit);
	if (l->published_once && generation == l->published)
		return;
	if (l->published_once && !idle && now_ms - l->changed_at < LIVE_PUBLISH_AFTER_MS) {
		if (!l->changed_at)
			l->changed_at = now_ms;
		return;
	}
	strbuf text = { 0 };
	cjm_save_to_buffer(cjm_editor_map(ed), &text);
	cjm_live_host_publish(l->host, text.data ? text.data : "", text.len);
	strbuf_release(&text);
	l->published = generation;
	l->published_once = true;
	l->changed_at = 0;
}

static void live_pump_host(cjm_editor *ed, cjm_editor_live *l, long long now_ms, bool idle)
{
	for (char *notice; (notice = cjm_live_host_take_notice(l->host));) {
		if (!cjm_editor_question(ed))
			cjm_editor_say(ed, false, "%s", notice);
		free(notice);
	}
	unsigned long g = cjm_live_host_generation(l->host);
	if (g != l->seen_host) {
		l->seen_host = g;
		l->generation++;
		const cjm_live_note *notes = NULL;
		size_t count = cjm_live_host_inbox(l->host, &notes);
		if (l->inbox_at >= count)
			l->inbox_at = count ? count - 1 : 0;
	}
	if (l->published_once && cjm_edit_generation(ed->edit) != l->published && !l->changed_at)
		l->changed_at = now_ms;
	live_publish(ed, l, now_ms, idle);
	const char *phase_id, *tp_id;
	live_selection_ids(ed, &phase_id, &tp_id);
	cjm_live_host_follow(l->host, phase_id, tp_id);
}

int cjm_editor_live_wait_ms(const cjm_editor *ed, long long now_ms)
{
	const cjm_editor_live *l = ed->live;
	if (!l)
		return -1;
	if (l->guest) {
		if (cjm_live_guest_state_of(l->guest) == CJM_LIVE_GUEST_CONNECTING)
			return 1000;
		return l->sign ? (int)(l->sign_until > now_ms ? l->sign_until - now_ms : 0) : -1;
	}
	if (l->host && l->published_once && cjm_edit_generation(ed->edit) != l->published) {
		long long due = l->changed_at + LIVE_PUBLISH_AFTER_MS - now_ms;
		return due > 0 ? (int)due : 0;
	}
	return -1;
}

/* The touchpoint a vote would be about: the selected one. False, saying why, when a
 * phase is selected. */
static const cjm_touchpoint *live_vote_target(cjm_editor *ed)
{
	const cjm_touchpoint *t = cjm_editor_map(ed)->phase_count ? cjm_editor_selected_touchpoint(ed) : NULL;
	if (!t)
		cjm_editor_say(ed, true, _("select a touchpoint to vote on (:vote phase votes on every touchpoint of the phase in turn)"));
	return t;
}

/* Opens the vote on the touchpoint with id ID and selects it. */
static void live_open_vote(cjm_editor *ed, cjm_editor_live *l, const char *id)
{
	cjm_live_host_vote_open(l->host, id);
	l->recorded = false;
	l->generation++;
	const char *phase_id, *tp_id;
	live_select(ed, NULL, id);
	live_selection_ids(ed, &phase_id, &tp_id);
	cjm_live_host_follow(l->host, phase_id, tp_id);
	if (ed->overlay == CJM_OVERLAY_LIVE)
		ed->overlay = CJM_OVERLAY_NONE;
	cjm_editor_say(ed, false, _("vote open on '%s': the room answers -3..+3 or skips; R reveals"),
		       live_touchpoint_name(ed, id));
}

/* Says that the editor hosts no session, when it does not; false then. */
static bool live_hosting_or_say(cjm_editor *ed)
{
	if (cjm_editor_live_hosting(ed))
		return true;
	if (cjm_editor_live_joined(ed))
		cjm_editor_say(ed, true, _("only the facilitator does that"));
	else
		cjm_editor_say(ed, true, _("not in a live session: cjm host FILE hosts one"));
	return false;
}

int cjm_editor_live_vote(cjm_editor *ed, const char *args)
{
	if (!live_hosting_or_say(ed))
		return -1;
	cjm_editor_live *l = ed->live;
	const cjm_map *map = cjm_editor_map(ed);
	bool whole_phase = args && strcmp(args, "phase") == 0;
	if (args && *args && !whole_phase) {
		cjm_editor_say(ed, true, _("usage: :vote [phase]"));
		return -1;
	}
	live_queue_clear(l);
	if (whole_phase || (map->phase_count && ed->tp == CJM_PHASE_ITSELF)) {
		const cjm_phase *p = map->phase_count ? map->phases[ed->phase] : NULL;
		if (!p || p->touchpoint_count == 0) {
			cjm_editor_say(ed, true, _("the phase has no touchpoints to vote on"));
			return -1;
		}
		l->queue = xcalloc(p->touchpoint_count, sizeof *l->queue);
		for (size_t i = 0; i < p->touchpoint_count; i++)
			l->queue[i] = xstrdup(p->touchpoints[i]->id);
		l->queue_count = p->touchpoint_count;
		l->queue_next = 1;
		live_open_vote(ed, l, l->queue[0]);
		return 0;
	}
	const cjm_touchpoint *t = live_vote_target(ed);
	if (!t)
		return -1;
	live_open_vote(ed, l, t->id);
	return 0;
}

/* Writes the revealed vote's record into its touchpoint's vote field: an ordinary edit. */
static void live_record(cjm_editor *ed, cjm_editor_live *l)
{
	const char *id = NULL;
	bool revealed = false;
	const cjm_vote *vote = cjm_live_host_vote(l->host, &id, &revealed);
	cjm_ref ref;
	if (!vote || !revealed || l->recorded || ed->read_only || !live_touchpoint_ref(ed, id, &ref))
		return;
	char *text = cjm_vote_record_text(vote);
	if (text && cjm_edit_set_text(ed->edit, ref, CJM_F_VOTE, text) < 0)
		cjm_editor_say(ed, true, _("the vote's result is not in the map: %s"), cjm_edit_error(ed->edit));
	free(text);
	l->recorded = true;
}

int cjm_editor_live_reveal(cjm_editor *ed, const char *args)
{
	(void)args;
	if (!live_hosting_or_say(ed))
		return -1;
	cjm_editor_live *l = ed->live;
	bool revealed = false;
	const cjm_vote *vote = cjm_live_host_vote(l->host, NULL, &revealed);
	if (!vote) {
		cjm_editor_say(ed, true, _("no vote is open: V opens one on the selected touchpoint"));
		return -1;
	}
	if (!revealed) {
		cjm_live_host_vote_reveal(l->host);
		live_record(ed, l);
	}
	l->panel = CJM_LIVE_PANEL_REVEAL;
	ed->overlay = CJM_OVERLAY_LIVE;
	l->generation++;
	return 0;
}

/* After a value was taken or the reveal closed: the next touchpoint of :vote phase. */
static void live_vote_done(cjm_editor *ed, cjm_editor_live *l)
{
	cjm_live_host_vote_end(l->host);
	l->generation++;
	ed->overlay = CJM_OVERLAY_NONE;
	while (l->queue_next < l->queue_count) {
		const char *id = l->queue[l->queue_next++];
		cjm_ref ref;
		if (live_touchpoint_ref(ed, id, &ref)) {
			char *keep = cjm_editor_live_hosting(ed) ? xstrdup(ed->message ? ed->message : "") : NULL;
			live_open_vote(ed, l, id);
			if (keep && *keep) {
				strbuf both = { 0 };
				strbuf_printf(&both, "%s; %s", keep, ed->message ? ed->message : "");
				cjm_editor_say(ed, false, "%s", both.data);
				strbuf_release(&both);
			}
			free(keep);
			return;
		}
	}
	live_queue_clear(l);
}

int cjm_editor_live_take(cjm_editor *ed, const char *args)
{
	if (!live_hosting_or_say(ed))
		return -1;
	cjm_editor_live *l = ed->live;
	const char *id = NULL;
	bool revealed = false;
	const cjm_vote *vote = cjm_live_host_vote(l->host, &id, &revealed);
	if (!vote || !revealed) {
		cjm_editor_say(ed, true, _("nothing to take: R reveals the open vote first"));
		return -1;
	}
	cjm_ref ref;
	if (!live_touchpoint_ref(ed, id, &ref)) {
		cjm_editor_say(ed, true, _("the touchpoint voted on is gone"));
		return -1;
	}
	cjm_vote_result result;
	cjm_vote_tally(vote, &result);
	int value = 0;
	const char *what = NULL;
	if (args && strcmp(args, "median") == 0) {
		value = result.median_emotion;
		what = _("the room's median");
	} else if (args && strcmp(args, "mean") == 0) {
		value = result.mean_emotion;
		what = _("the room's mean");
	} else {
		char *end = NULL;
		long v = args ? strtol(args, &end, 10) : 0;
		if (!args || !*args || *end || v < CJM_EMOTION_MIN || v > CJM_EMOTION_MAX) {
			cjm_vote_result_release(&result);
			cjm_editor_say(ed, true, _("usage: :take median|mean|-3..3"));
			return -1;
		}
		value = (int)v;
		what = _("your own value");
	}
	bool has = result.has_result;
	cjm_vote_result_release(&result);
	if (!has && (strcmp(args, "median") == 0 || strcmp(args, "mean") == 0)) {
		cjm_editor_say(ed, true, _("nobody gave a score: type a value of your own, or V votes again"));
		return -1;
	}
	if (ed->read_only) {
		cjm_editor_say(ed, true, _("read-only: nothing can be changed"));
		return -1;
	}
	ed->phase = ref.phase;
	ed->tp = ref.tp;
	const cjm_touchpoint *t = cjm_editor_map(ed)->phases[ref.phase]->touchpoints[ref.tp];
	char was[16], now[16];
	cjm_editor_emotion_words(t->has_emotion, t->emotion, was);
	cjm_editor_emotion_words(true, value, now);
	if (cjm_edit_set_emotion(ed->edit, ref, true, value) < 0) {
		cjm_editor_say(ed, true, "%s", cjm_edit_error(ed->edit));
		return -1;
	}
	/* TRANSLATORS: "emotion -1 -> +1 (the room's median); u undoes" */
	cjm_editor_say(ed, false, _("emotion %s %s %s (%s); u undoes"), was, cjm_editor_unicode() ? "\u2192" : "->", now,
		       what);
	live_vote_done(ed, l);
	return 0;
}

/* The emotion keys in the reveal panel: a digit, or - or + then a digit, is a value
 * of one's own. */
static void live_take_value(cjm_editor *ed, int value)
{
	char arg[8];
	snprintf(arg, sizeof arg, "%d", value);
	cjm_editor_live_take(ed, arg);
}

int cjm_editor_live_inbox(cjm_editor *ed, const char *args)
{
	(void)args;
	if (!live_hosting_or_say(ed))
		return -1;
	cjm_editor_live *l = ed->live;
	l->panel = CJM_LIVE_PANEL_INBOX;
	ed->overlay = CJM_OVERLAY_LIVE;
	const cjm_live_note *notes = NULL;
	size_t count = cjm_live_host_inbox(l->host, &notes);
	if (l->inbox_at >= count)
		l->inbox_at = count ? count - 1 : 0;
	if (count)
		live_select(ed, NULL, notes[l->inbox_at].touchpoint);
	return 0;
}

/* The field of a note's kind. */
static cjm_field live_note_field(int kind)
{
	return kind == CJM_PROTO_NOTE_PAIN ? CJM_F_PAINS : kind == CJM_PROTO_NOTE_IDEA ? CJM_F_IDEAS : CJM_F_QUOTES;
}

/* A note's kind as the inbox names it. */
static const char *live_note_kind_word(int kind)
{
	return kind == CJM_PROTO_NOTE_PAIN ? C_("note", "pain") : kind == CJM_PROTO_NOTE_IDEA ? C_("note", "idea")
											     : C_("note", "quote");
}

void cjm_editor_live_inbox_line(const cjm_editor *ed, size_t at, strbuf *out)
{
	const cjm_live_note *notes = NULL;
	size_t count = ed->live && ed->live->host ? cjm_live_host_inbox(ed->live->host, &notes) : 0;
	if (at >= count)
		return;
	const cjm_live_note *n = &notes[at];
	strbuf who = { 0 };
	if (n->name && n->team)
		strbuf_printf(&who, "%s, %s", n->name, n->team);
	else if (n->name || n->team)
		strbuf_puts(&who, n->name ? n->name : n->team);
	else
		strbuf_puts(&who, _("no team"));
	/* TRANSLATORS: one note in the inbox: "idea on 'Meter readings' (finance): Send a reminder" */
	strbuf_printf(out, _("%s on '%s' (%s): "), live_note_kind_word(n->kind), live_touchpoint_name(ed, n->touchpoint),
		      who.data);
	strbuf_release(&who);
	for (const char *s = n->text; *s; s++) /* one line: its line breaks as the pilcrow's place */
		strbuf_putc(out, *s == '\n' || *s == '\t' ? ' ' : *s);
}

/* Accepts or drops the note the inbox points at. */
static void live_inbox_settle(cjm_editor *ed, cjm_editor_live *l, bool accept)
{
	const cjm_live_note *notes = NULL;
	size_t count = cjm_live_host_inbox(l->host, &notes);
	if (l->inbox_at >= count) {
		cjm_editor_say(ed, false, _("the inbox is empty"));
		return;
	}
	const cjm_live_note *n = &notes[l->inbox_at];
	if (accept) {
		cjm_ref ref;
		if (ed->read_only) {
			cjm_editor_say(ed, true, _("read-only: nothing can be changed"));
			return;
		}
		if (!live_touchpoint_ref(ed, n->touchpoint, &ref)) {
			cjm_editor_say(ed, true, _("its touchpoint is gone: x drops the note"));
			return;
		}
		cjm_field field = live_note_field(n->kind);
		const cjm_strlist *list = cjm_field_get(cjm_editor_map(ed), ref, field).list;
		if (cjm_edit_list_insert(ed->edit, ref, field, list ? list->len : 0, n->text) < 0) {
			cjm_editor_say(ed, true, "%s", cjm_edit_error(ed->edit));
			return;
		}
		ed->phase = ref.phase;
		ed->tp = ref.tp;
		cjm_editor_say(ed, false, _("added to the %s of '%s'; u undoes"), _(cjm_field_info_of(field)->label),
			       live_touchpoint_name(ed, n->touchpoint));
	} else {
		cjm_editor_say(ed, false, _("note dropped"));
	}
	cjm_live_host_note_done(l->host, l->inbox_at, accept);
	count = cjm_live_host_inbox(l->host, &notes);
	if (l->inbox_at >= count)
		l->inbox_at = count ? count - 1 : 0;
	l->generation++;
}

const cjm_mode_key cjm_reveal_keys[] = {
	{ 'm', "m", "take median", N_("take the room's median as the touchpoint's emotion (u undoes)") },
	{ 'a', "a", "take mean", N_("take the room's mean, rounded, as the touchpoint's emotion (u undoes)") },
	{ '0', "0", "take 0", N_("take a value of your own: a digit, or - or + then a digit") },
	{ '1', "1", "take 1", N_("take a value of your own: a digit, or - or + then a digit") },
	{ '2', "2", "take 2", N_("take a value of your own: a digit, or - or + then a digit") },
	{ '3', "3", "take 3", N_("take a value of your own: a digit, or - or + then a digit") },
	{ '-', "-", "sign -", N_("then a digit: that negative value") },
	{ '+', "+", "sign +", N_("then a digit: that positive value") },
	{ 'V', "V", "vote", N_("vote again on the same touchpoint") },
	{ 'u', "u", "undo", N_("undo the last change") },
	{ ':', ":", "command", N_("close the panel and type a command") },
	{ 'q', "q", "close", N_("close the panel; the vote's result stays in the map") },
	{ CJM_KEY_ESCAPE, "Escape", "close", N_("close the panel; the vote's result stays in the map") },
	{ 0, NULL, NULL, NULL },
};

const cjm_mode_key cjm_inbox_keys[] = {
	{ 'j', "j", "next", N_("point at the next note") },
	{ CJM_KEY_DOWN, "Down", "next", N_("point at the next note") },
	{ 'k', "k", "previous", N_("point at the previous note") },
	{ CJM_KEY_UP, "Up", "previous", N_("point at the previous note") },
	{ CJM_KEY_ENTER, "Enter", "accept", N_("accept it into the touchpoint's pains, ideas or quotes (u undoes)") },
	{ 'x', "x", "drop", N_("drop it; its author is told") },
	{ 'u', "u", "undo", N_("undo the last change") },
	{ ':', ":", "command", N_("close the inbox and type a command") },
	{ 'q', "q", "close", N_("close the inbox") },
	{ 'I', "I", "close", N_("close the inbox") },
	{ CJM_KEY_ESCAPE, "Escape", "close", N_("close the inbox") },
	{ 0, NULL, NULL, NULL },
};

void cjm_editor_live_panel_key(cjm_editor *ed, int key)
{
	cjm_editor_live *l = ed->live;
	if (!l)
		return;
	if (l->guest) { /* a participant's reveal: only closing it, and the participant's own keys */
		if (key == 'q' || key == CJM_KEY_ESCAPE)
			ed->overlay = CJM_OVERLAY_NONE;
		else if (cjm_editor_live_join_key(ed, key) == 1)
			cjm_editor_say(ed, true, _("that key does nothing here; ? shows every key"));
		return;
	}
	int sign = l->sign;
	l->sign = 0;
	const cjm_mode_key *keys = l->panel == CJM_LIVE_PANEL_INBOX ? cjm_inbox_keys : cjm_reveal_keys;
	const char *what = cjm_mode_key_command(keys, key);
	if (l->panel == CJM_LIVE_PANEL_REVEAL && sign && key >= '0' && key <= '9') {
		if (key - '0' > CJM_EMOTION_MAX)
			cjm_editor_say(ed, true, _("the emotion is a whole number from -3 to 3"));
		else
			live_take_value(ed, sign * (key - '0'));
		return;
	}
	if (!what) {
		cjm_editor_say(ed, true, _("that key does nothing here; ? shows every key"));
		return;
	}
	cjm_editor_clear_message(ed);
	if (strncmp(what, "sign ", 5) == 0) {
		l->sign = what[5] == '-' ? -1 : +1;
		cjm_editor_say(ed, false, l->sign < 0 ? _("then a digit: -1, -2 or -3") : _("then a digit: +1, +2 or +3"));
	} else if (strcmp(what, "close") == 0) {
		if (l->panel == CJM_LIVE_PANEL_REVEAL)
			live_vote_done(ed, l);
		ed->overlay = CJM_OVERLAY_NONE;
	} else if (strcmp(what, "next") == 0 || strcmp(what, "previous") == 0) {
		const cjm_live_note *notes = NULL;
		size_t count = cjm_live_host_inbox(l->host, &notes);
		if (strcmp(what, "next") == 0 && l->inbox_at + 1 < count)
			l->inbox_at++;
		else if (strcmp(what, "previous") == 0 && l->inbox_at > 0)
			l->inbox_at--;
		if (l->inbox_at < count)
			live_select(ed, NULL, notes[l->inbox_at].touchpoint);
	} else if (strcmp(what, "accept") == 0 || strcmp(what, "drop") == 0) {
		live_inbox_settle(ed, l, strcmp(what, "accept") == 0);
	} else if (strcmp(what, "command") == 0) {
		if (l->panel == CJM_LIVE_PANEL_REVEAL)
			live_vote_done(ed, l);
		ed->overlay = CJM_OVERLAY_NONE;
		cjm_editor_run(ed, what);
	} else {
		cjm_editor_run(ed, what);
	}
}

/* ---- joining ---- */

static void live_pump_guest(cjm_editor *ed, cjm_editor_live *l)
{
	for (char *notice; (notice = cjm_live_guest_take_notice(l->guest));) {
		if (!cjm_editor_question(ed))
			cjm_editor_say(ed, false, "%s", notice);
		free(notice);
	}
	unsigned long g = cjm_live_guest_generation(l->guest);
	if (g == l->seen_guest)
		return;
	if (cjm_live_guest_state_of(l->guest) == CJM_LIVE_GUEST_ENDED && ed->message)
		cjm_editor_clear_message(ed); /* the status line says it ended, and why */
	l->seen_guest = g;
	l->generation++;
	cjm_map *map = cjm_live_guest_take_map(l->guest);
	if (map) {
		if (!l->had_map && ed->message && !ed->message_is_error)
			cjm_editor_clear_message(ed); /* "joining the session": it has joined */
		l->had_map = true;
		const char *phase_id, *tp_id;
		live_selection_ids(ed, &phase_id, &tp_id);
		char *keep_phase = xstrdup(phase_id), *keep_tp = xstrdup(tp_id);
		cjm_editor_take_map(ed, map);
		live_select(ed, keep_phase, keep_tp);
		free(keep_phase);
		free(keep_tp);
	}
	if (l->following)
		live_select(ed, cjm_live_guest_follow_phase(l->guest), cjm_live_guest_follow_touchpoint(l->guest));
	cjm_live_guest_vote vote;
	if (cjm_live_guest_vote_of(l->guest, &vote)) {
		if (vote.revealed && vote.id != l->shown_reveal) {
			l->shown_reveal = vote.id;
			cjm_editor_clear_message(ed); /* "your answer …, until the reveal": it came */
			l->panel = CJM_LIVE_PANEL_REVEAL;
			ed->overlay = CJM_OVERLAY_LIVE;
		} else if (vote.open && vote.id != l->seen_vote) {
			l->seen_vote = vote.id;
			cjm_editor_clear_message(ed); /* an answer to the last vote: the status says this one's */
			if (ed->overlay == CJM_OVERLAY_LIVE)
				ed->overlay = CJM_OVERLAY_NONE;
			if (l->following)
				live_select(ed, NULL, vote.touchpoint);
		}
	}
}

void cjm_editor_live_pump(cjm_editor *ed, long long now_ms, bool idle)
{
	cjm_editor_live *l = ed->live;
	if (!l)
		return;
	if (l->host)
		live_pump_host(ed, l, now_ms, idle);
	if (l->guest) {
		cjm_live_guest_tick(l->guest, now_ms);
		live_pump_guest(ed, l);
		if (l->sign && now_ms > l->sign_until)
			l->sign = 0;
	}
}

/* Says that this is a participant's screen, for keys that would edit. */
static int live_not_here(cjm_editor *ed)
{
	cjm_editor_say(ed, true, _("a participant does not change the map: n proposes a note"));
	return -1;
}

int cjm_editor_live_follow(cjm_editor *ed, const char *args)
{
	(void)args;
	cjm_editor_live *l = ed->live;
	if (!l || !l->guest) {
		cjm_editor_say(ed, true, _("only a participant follows (cjm join)"));
		return -1;
	}
	l->following = true;
	live_select(ed, cjm_live_guest_follow_phase(l->guest), cjm_live_guest_follow_touchpoint(l->guest));
	cjm_editor_say(ed, false, _("following the facilitator"));
	return 0;
}

/* Answers the open vote: a score, or a skip. */
static int live_answer(cjm_editor *ed, cjm_editor_live *l, bool skip, int score)
{
	if (cjm_live_guest_observer(l->guest)) {
		cjm_editor_say(ed, true, _("an observer does not vote"));
		return -1;
	}
	cjm_live_guest_vote vote;
	if (cjm_live_guest_state_of(l->guest) != CJM_LIVE_GUEST_JOINED || !cjm_live_guest_vote_of(l->guest, &vote) ||
	    !vote.open) {
		cjm_editor_say(ed, true, _("no vote is open; the facilitator opens one"));
		return -1;
	}
	if (!cjm_live_guest_answer(l->guest, skip, score)) {
		cjm_editor_say(ed, true, _("the answer was not sent: the vote is closed"));
		return -1;
	}
	char words[16];
	if (skip)
		cjm_editor_say(ed, false, _("you skipped; you can answer until the reveal"));
	else
		cjm_editor_say(ed, false, _("your answer: %s; you can change it until the reveal"),
			       cjm_editor_emotion_words(true, score, words));
	l->generation++;
	return 0;
}

int cjm_editor_live_answer(cjm_editor *ed, const char *args)
{
	cjm_editor_live *l = ed->live;
	if (!l || !l->guest) {
		cjm_editor_say(ed, true, _("only a participant answers a vote (cjm join)"));
		return -1;
	}
	if (args && strcmp(args, "skip") == 0)
		return live_answer(ed, l, true, 0);
	char *end = NULL;
	long v = args ? strtol(args, &end, 10) : 0;
	if (!args || !*args || *end || v < CJM_VOTE_MIN || v > CJM_VOTE_MAX) {
		cjm_editor_say(ed, true, _("usage: :answer -3..3|skip"));
		return -1;
	}
	return live_answer(ed, l, false, (int)v);
}

int cjm_editor_live_note(cjm_editor *ed, const char *args)
{
	(void)args;
	cjm_editor_live *l = ed->live;
	if (!l || !l->guest) {
		cjm_editor_say(ed, true, _("only a participant proposes notes (cjm join); e edits the touchpoint"));
		return -1;
	}
	if (cjm_live_guest_observer(l->guest)) {
		cjm_editor_say(ed, true, _("an observer proposes no notes"));
		return -1;
	}
	const cjm_touchpoint *t = cjm_editor_map(ed)->phase_count ? cjm_editor_selected_touchpoint(ed) : NULL;
	if (!t) {
		cjm_editor_say(ed, true, _("select a touchpoint to propose a note on"));
		return -1;
	}
	free(l->note_touchpoint);
	l->note_touchpoint = xstrdup(t->id);
	ed->ask = CJM_ASK_NOTE_KIND;
	return 0;
}

const cjm_mode_key cjm_note_kind_keys[] = {
	{ 'p', "p", "pain", N_("a pain: what hurts the customer here") },
	{ 'i', "i", "idea", N_("an idea: how it could be better") },
	{ 'q', "q", "quote", N_("a quote: what a customer said") },
	{ CJM_KEY_ESCAPE, "Escape", "cancel", N_("propose nothing") },
	{ CJM_KEY_CTRL_C, "Ctrl-C", "cancel", N_("propose nothing") },
	{ 0, NULL, NULL, NULL },
};

void cjm_editor_live_note_kind(cjm_editor *ed, const char *what)
{
	cjm_editor_live *l = ed->live;
	ed->ask = CJM_ASK_NOTHING;
	if (!l || strcmp(what, "cancel") == 0)
		return;
	l->note_kind = strcmp(what, "pain") == 0 ? CJM_PROTO_NOTE_PAIN
		       : strcmp(what, "idea") == 0 ? CJM_PROTO_NOTE_IDEA : CJM_PROTO_NOTE_QUOTE;
	ed->ask = CJM_ASK_NOTE_TEXT;
}

void cjm_editor_live_note_text(cjm_editor *ed, const char *text)
{
	cjm_editor_live *l = ed->live;
	if (!l || !l->guest || !l->note_touchpoint)
		return;
	const char *why = NULL;
	if (!cjm_live_guest_propose(l->guest, l->note_touchpoint, l->note_kind, text, &why))
		cjm_editor_say(ed, true, _("not sent: %s"), why ? why : _("the note is not valid"));
	else
		cjm_editor_say(ed, false, _("sent to the facilitator: your %s on '%s'"), live_note_kind_word(l->note_kind),
			       live_touchpoint_name(ed, l->note_touchpoint));
	l->generation++;
}

const cjm_mode_key cjm_join_keys[] = {
	{ 'h', "h", "left", N_("the previous touchpoint (you stop following; f follows again)") },
	{ CJM_KEY_LEFT, "Left", "left", N_("the previous touchpoint (you stop following; f follows again)") },
	{ 'l', "l", "right", N_("the next touchpoint (you stop following)") },
	{ CJM_KEY_RIGHT, "Right", "right", N_("the next touchpoint (you stop following)") },
	{ 'k', "k", "up", N_("up a lane, to the phase (you stop following)") },
	{ CJM_KEY_UP, "Up", "up", N_("up a lane, to the phase (you stop following)") },
	{ 'j', "j", "down", N_("down a lane (you stop following)") },
	{ CJM_KEY_DOWN, "Down", "down", N_("down a lane (you stop following)") },
	{ '[', "[", "prev-phase", N_("the previous phase (you stop following)") },
	{ ']', "]", "next-phase", N_("the next phase (you stop following)") },
	{ CJM_KEY_HOME, "Home", "first", N_("the first touchpoint (you stop following)") },
	{ CJM_KEY_END, "End", "last", N_("the last touchpoint (you stop following)") },
	{ 'f', "f", "follow", N_("follow the facilitator's selection again") },
	{ '0', "0", "answer 0", N_("answer the open vote: a digit, or - or + then a digit (-2 is -2)") },
	{ '1', "1", "answer 1", N_("answer the open vote: a digit, or - or + then a digit (-2 is -2)") },
	{ '2', "2", "answer 2", N_("answer the open vote: a digit, or - or + then a digit (-2 is -2)") },
	{ '3', "3", "answer 3", N_("answer the open vote: a digit, or - or + then a digit (-2 is -2)") },
	{ '-', "-", "sign -", N_("then a digit: that negative answer") },
	{ '+', "+", "sign +", N_("then a digit: that positive answer") },
	{ 'x', "x", "answer skip", N_("skip the open vote: no score") },
	{ 'n', "n", "note", N_("propose a note on the selected touchpoint: p pain, i idea, q quote, then its text") },
	{ 'i', "i", "details", N_("everything about the selected touchpoint") },
	{ '?', "?", "help", N_("show every key") },
	{ ':', ":", "command", N_("type a command (:q quits)") },
	{ 'q', "q", "q", N_("leave the session") },
	{ CJM_KEY_CTRL_L, "Ctrl-L", "redraw", N_("redraw the screen") },
	{ 0, NULL, NULL, NULL },
};

/* The commands a participant's ':' line runs: moving, following, answering, notes,
 * help and leaving. */
static const char *const live_join_commands[] = {
	"left", "right", "up", "down", "prev-phase", "next-phase", "first", "last", "scroll-up", "scroll-down",
	"follow", "answer", "note", "details", "help", "command", "q", "q!", "redraw", "interrupt", NULL,
};

bool cjm_editor_live_may_run(cjm_editor *ed, const char *command, size_t len)
{
	if (!cjm_editor_live_joined(ed))
		return true;
	for (const char *const *c = live_join_commands; *c; c++)
		if (strlen(*c) == len && strncmp(*c, command, len) == 0)
			return true;
	live_not_here(ed);
	return false;
}

int cjm_editor_live_join_key(cjm_editor *ed, int key)
{
	cjm_editor_live *l = ed->live;
	int sign = l->sign;
	l->sign = 0;
	if (sign && key >= '0' && key <= '9') {
		if (key - '0' > CJM_VOTE_MAX) {
			cjm_editor_say(ed, true, _("an answer is a whole number from -3 to 3"));
			return 0;
		}
		live_answer(ed, l, false, sign * (key - '0')); /* says what came of it */
		return 0;
	}
	const char *what = cjm_mode_key_command(cjm_join_keys, key);
	if (!what)
		return 1;
	cjm_editor_clear_message(ed);
	if (strncmp(what, "sign ", 5) == 0) {
		l->sign = what[5] == '-' ? -1 : +1;
		l->sign_until = live_now_ms() + LIVE_SIGN_MS;
		cjm_editor_say(ed, false, l->sign < 0 ? _("then a digit: -1, -2 or -3") : _("then a digit: +1, +2 or +3"));
		return 0;
	}
	static const char *const moves[] = { "left", "right", "up", "down", "prev-phase", "next-phase", "first", "last", NULL };
	for (const char *const *m = moves; *m; m++) {
		if (strcmp(*m, what) == 0) {
			if (l->following)
				cjm_editor_say(ed, false, _("not following the facilitator: f follows again"));
			l->following = false;
		}
	}
	cjm_editor_run(ed, what);
	return 0;
}

void cjm_editor_live_help(cjm_editor *ed)
{
	strbuf *out = &ed->overlay_text;
	strbuf_reset(out);
	strbuf_printf(out, "%s\n\n", _("Keys of a participant's screen"));
	for (const cjm_mode_key *k = cjm_join_keys; k->key; k++)
		strbuf_printf(out, "  %-8s %s\n", k->key_name, _(k->help));
	strbuf_printf(out, "\n%s\n", _("In the note's question"));
	for (const cjm_mode_key *k = cjm_note_kind_keys; k->key; k++)
		strbuf_printf(out, "  %-8s %s\n", k->key_name, _(k->help));
	strbuf_printf(out, "\n%s\n", _("Nobody sees your answer before the reveal; the facilitator sees only how many answered."));
	ed->overlay = CJM_OVERLAY_TEXT;
	ed->overlay_scroll = 0;
}

/* ---- what the screen shows ---- */

void cjm_editor_live_status(const cjm_editor *ed, strbuf *out)
{
	const cjm_editor_live *l = ed->live;
	if (!l)
		return;
	if (l->host) {
		size_t observers = 0, connected = cjm_live_host_connected(l->host, &observers);
		/* TRANSLATORS: the status line of a hosted session: " | live energy-switch · 4 joined" */
		strbuf_printf(out, _(" | live %s · %zu joined"), cjm_live_host_session(l->host), connected - observers);
		if (observers)
			strbuf_printf(out, _(" · %zu watching"), observers);
		bool revealed = false;
		const cjm_vote *vote = cjm_live_host_vote(l->host, NULL, &revealed);
		if (vote && !revealed)
			strbuf_printf(out, _(" · vote: %zu of %zu answered"), cjm_vote_entries(vote),
				      cjm_live_host_vote_voters(l->host));
		const cjm_live_note *notes = NULL;
		size_t waiting = cjm_live_host_inbox(l->host, &notes);
		if (waiting)
			strbuf_printf(out, _(" · inbox %zu (I)"), waiting);
		return;
	}
	const cjm_live_guest *g = l->guest;
	switch (cjm_live_guest_state_of(g)) {
	case CJM_LIVE_GUEST_CONNECTING:
		if (!ed->message) /* else the message says it: "lost the connection…; reconnecting…" */
			strbuf_puts(out, _(" reconnecting…"));
		return;
	case CJM_LIVE_GUEST_ENDED:
	{
		/* the facilitator's reason, in this participant's language (the host sends
		 * its messages untranslated), or that the session has ended */
		const char *why = cjm_live_guest_bye_reason(g);
		strbuf_printf(out, _(" %s; q quits"), why && *why ? _(why) : _("the session has ended"));
	}
		return;
	case CJM_LIVE_GUEST_JOINED:
		break;
	}
	/* what asks for a key first: the open vote, then the session (the top line shows the map) */
	cjm_live_guest_vote vote;
	if (cjm_live_guest_vote_of(g, &vote) && vote.open) {
		char words[16];
		/* the name short, so that what to press fits a narrow terminal's line */
		strbuf cut = { 0 };
		cjm_wrap_fit(&cut, live_touchpoint_name(ed, vote.touchpoint), LIVE_STATUS_NAME,
			     cjm_editor_unicode() ? NULL : "...");
		while (cut.len && cut.data[cut.len - 1] == ' ')
			cut.data[--cut.len] = '\0';
		const char *name = cut.data ? cut.data : "";
		if (cjm_live_guest_observer(g))
			strbuf_printf(out, _(" vote on '%s' (you watch) |"), name);
		else if (vote.answered && vote.skipped)
			strbuf_printf(out, _(" vote on '%s': you skipped |"), name);
		else if (vote.answered)
			strbuf_printf(out, _(" vote on '%s': your answer %s |"), name,
				      cjm_editor_emotion_words(true, vote.score, words));
		else
			strbuf_printf(out, _(" vote on '%s': press -3..3 or x |"), name);
		strbuf_release(&cut);
	}
	strbuf_printf(out, _(" live %s"), cjm_live_guest_session(g));
	strbuf_puts(out, l->following ? _(" · following") : _(" · not following (f)"));
	size_t pending = cjm_live_guest_pending(g);
	if (pending)
		strbuf_printf(out, P_(" · %zu note sent", " · %zu notes sent", pending), pending);
}

/* A bar of N cells for the histogram: N of the full blocks (or '#'), at most WIDTH. */
static void live_bar(strbuf *out, size_t n, size_t most, size_t width)
{
	size_t cells = most ? (n * width + most - 1) / most : 0;
	for (size_t i = 0; i < cells; i++)
		strbuf_puts(out, cjm_editor_unicode() ? "\u2588" : "#");
}

/* The result on screen: the host's own tally, or the participant's from the reveal. */
static bool live_result(const cjm_editor *ed, cjm_vote_result *result, const char **touchpoint)
{
	const cjm_editor_live *l = ed->live;
	if (!l)
		return false;
	if (l->host) {
		bool revealed = false;
		const cjm_vote *vote = cjm_live_host_vote(l->host, touchpoint, &revealed);
		if (!vote || !revealed)
			return false;
		cjm_vote_tally(vote, result);
		return true;
	}
	cjm_live_guest_vote vote;
	if (!cjm_live_guest_vote_of(l->guest, &vote) || !vote.revealed)
		return false;
	*touchpoint = vote.touchpoint;
	return cjm_live_guest_reveal_result(l->guest, result);
}

bool cjm_editor_live_reveal_text(const cjm_editor *ed, size_t width, strbuf *out)
{
	cjm_vote_result r;
	const char *id = NULL;
	if (!live_result(ed, &r, &id))
		return false;
	/* the screen's language, as the rest of this screen: each participant reads it in their own */
	const char *lang = i18n_language();
	/* TRANSLATORS: the reveal panel's first line: "The room's vote on 'Meter readings'" */
	strbuf_printf(out, _("The room's vote on '%s'\n"), live_touchpoint_name(ed, id));
	cjm_vote_summary_text(out, &r, lang);
	strbuf_putc(out, '\n');
	size_t most = 0;
	for (int s = 0; s < CJM_VOTE_SCORES; s++)
		if (r.counts[s] > most)
			most = r.counts[s];
	/* each team's line, so that they go beside the histogram only when the widest fits */
	size_t teams = r.team_count == 1 && !r.teams[0].name ? 0 : r.team_count; /* no teams: the room */
	strbuf *team_lines = xcalloc(teams ? teams : 1, sizeof *team_lines);
	size_t team_width = 0;
	for (size_t i = 0; i < teams; i++) {
		cjm_vote_team_text(&team_lines[i], &r.teams[i], lang);
		size_t w = cjm_text_width(team_lines[i].data);
		team_width = w > team_width ? w : team_width;
	}
	/* a row is the score (4), its count (5), the bar and two spaces, then a team */
	size_t room = width > 12 + team_width ? width - 12 - team_width : 0;
	bool beside = teams && teams <= CJM_VOTE_SCORES && room >= 8;
	size_t bar = beside ? (room < 20 ? room : 20) : width > 24 ? (width - 14 < 30 ? width - 14 : 30) : 8;
	size_t team = 0;
	for (int s = CJM_VOTE_MAX; s >= CJM_VOTE_MIN; s--) {
		char words[16];
		strbuf row = { 0 };
		const char *score = cjm_editor_emotion_words(true, s, words);
		for (size_t w = cjm_text_width(score); w < 4; w++)
			strbuf_putc(&row, ' ');
		strbuf_printf(&row, "%s %3zu ", score, r.counts[s - CJM_VOTE_MIN]);
		live_bar(&row, r.counts[s - CJM_VOTE_MIN], most, bar);
		strbuf_puts(out, row.data);
		if (beside && team < teams) {
			for (size_t w = cjm_text_width(row.data); w < bar + 12; w++)
				strbuf_putc(out, ' ');
			strbuf_puts(out, team_lines[team++].data);
		}
		strbuf_release(&row);
		strbuf_putc(out, '\n');
	}
	for (; team < teams; team++)
		strbuf_printf(out, "  %s\n", team_lines[team].data);
	for (size_t i = 0; i < teams; i++)
		strbuf_release(&team_lines[i]);
	free(team_lines);
	if (r.divergence) {
		cjm_vote_divergence_text(out, &r, lang);
		strbuf_putc(out, '\n');
	}
	if (ed->live->host)
		strbuf_puts(out, _("m median · a mean · -3..3 a value of your own · V vote again · q close\n"));
	else
		strbuf_puts(out, _("q or Escape closes this; the facilitator decides the emotion\n"));
	cjm_vote_result_release(&r);
	return true;
}

bool cjm_editor_live_state(const cjm_editor *ed, strbuf *out)
{
	const cjm_editor_live *l = ed->live;
	if (!l || !l->host)
		return false;
	const cjm_live_note *notes = NULL;
	if (!cjm_live_host_vote(l->host, NULL, NULL) && !cjm_live_host_inbox(l->host, &notes))
		return false;
	cjm_live_host_state_write(l->host, out);
	return true;
}
