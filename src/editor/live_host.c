/* The facilitator's editor in a live session: sending the map, votes (one or a phase in turn), the reveal, taking its value, and the inbox of notes. */
#include "editor/live_impl.h"

#include <stdlib.h>
#include <string.h>

#include "edit/edit.h"
#include "io/save.h"
#include "live/place.h"
#include "live/vote_record.h"
#include "util/i18n.h"
#include "util/xalloc.h"

void editor_live_queue_clear(cjm_editor_live *l)
{
	for (size_t i = 0; i < l->queue_count; i++)
		free(l->queue[i]);
	free(l->queue);
	l->queue = NULL;
	l->queue_count = l->queue_next = 0;
}

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
		editor_live_select(ed, NULL, touchpoint); /* where the room was */
	if (cjm_edit_dirty(ed->edit))
		cjm_editor_say(ed, false, _("restored unsaved edits, and the session's open vote and inbox (:w saves)"));
	else
		cjm_editor_say(ed, false, _("the session's open vote and inbox are back from %s"), path);
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

void editor_live_pump_host(cjm_editor *ed, cjm_editor_live *l, long long now_ms, bool idle)
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
	editor_live_selection_ids(ed, &phase_id, &tp_id);
	cjm_live_host_follow(l->host, phase_id, tp_id);
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
	editor_live_select(ed, NULL, id);
	editor_live_selection_ids(ed, &phase_id, &tp_id);
	cjm_live_host_follow(l->host, phase_id, tp_id);
	if (ed->overlay == CJM_OVERLAY_LIVE)
		ed->overlay = CJM_OVERLAY_NONE;
	cjm_editor_say(ed, false, _("vote open on '%s': the room answers -3..+3 or skips; R reveals"),
		       editor_live_touchpoint_name(ed, id));
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
	if (args && strcmp(args, "stop") == 0) {
		/* the open vote, and the rest of a phase's round, end without a result */
		bool open = cjm_live_host_vote(l->host, NULL, NULL) != NULL || l->queue_count;
		editor_live_queue_clear(l);
		cjm_live_host_vote_end(l->host);
		l->generation++;
		cjm_editor_say(ed, !open, open ? _("vote stopped: nothing is recorded of an unrevealed vote")
					      : _("no vote is open: V opens one on the selected touchpoint"));
		return open ? 0 : -1;
	}
	if (args && *args && !whole_phase) {
		cjm_editor_say(ed, true, _("usage: :vote [phase|stop]"));
		return -1;
	}
	editor_live_queue_clear(l);
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
	if (!vote || !revealed || l->recorded || ed->read_only || !editor_live_touchpoint_ref(ed, id, &ref))
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
		if (editor_live_touchpoint_ref(ed, id, &ref)) {
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
	editor_live_queue_clear(l);
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
	if (!editor_live_touchpoint_ref(ed, id, &ref)) {
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
		editor_live_select(ed, NULL, notes[l->inbox_at].touchpoint);
	return 0;
}

/* The field of a note's kind. */
static cjm_field live_note_field(int kind)
{
	return kind == CJM_PROTO_NOTE_PAIN ? CJM_F_PAINS : kind == CJM_PROTO_NOTE_IDEA ? CJM_F_IDEAS : CJM_F_QUOTES;
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
	strbuf_printf(out, _("%s on '%s' (%s): "), editor_live_note_kind_word(n->kind), editor_live_touchpoint_name(ed, n->touchpoint),
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
		if (!editor_live_touchpoint_ref(ed, n->touchpoint, &ref)) {
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
			       editor_live_touchpoint_name(ed, n->touchpoint));
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
		cjm_editor_say(ed, true, _("that key does nothing in this panel; the panel lists its keys, q closes it"));
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
			editor_live_select(ed, NULL, notes[l->inbox_at].touchpoint);
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

/* The facilitator's part of the status line: the session, who joined, the vote, the inbox. */
void editor_live_host_status(const cjm_editor *ed, strbuf *out)
{
	const cjm_editor_live *l = ed->live;
	size_t observers = 0, connected = cjm_live_host_connected(l->host, &observers);
	/* the session's name when it is not the map file's own (which the status line shows) */
	const char *session = cjm_live_host_session(l->host);
	char *from_file = ed->path ? cjm_live_session_name_from_path(ed->path) : NULL;
	if (from_file && strcmp(from_file, session) == 0)
		/* TRANSLATORS: the status line of a session named after the map file: " | live · 4 joined" */
		strbuf_printf(out, _(" | live · %zu joined"), connected - observers);
	else
		/* TRANSLATORS: the status line of a hosted session: " | live workshop-2 · 4 joined" */
		strbuf_printf(out, _(" | live %s · %zu joined"), session, connected - observers);
	free(from_file);
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
}
