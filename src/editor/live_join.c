/* A participant's editor in a live session: following the facilitator, answering a vote, proposing notes, and the keys and commands a participant has. */
#include "editor/live_impl.h"

#include <stdlib.h>
#include <string.h>

#include "render/wrap.h"
#include "util/i18n.h"
#include "util/xalloc.h"

/* The most cells of the voted touchpoint's name on a participant's status line. */
#define LIVE_STATUS_NAME 20

/* ---- joining ---- */

void editor_live_pump_guest(cjm_editor *ed, cjm_editor_live *l)
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
		editor_live_selection_ids(ed, &phase_id, &tp_id);
		char *keep_phase = xstrdup(phase_id), *keep_tp = xstrdup(tp_id);
		cjm_editor_take_map(ed, map);
		editor_live_select(ed, keep_phase, keep_tp);
		free(keep_phase);
		free(keep_tp);
	}
	if (l->following)
		editor_live_select(ed, cjm_live_guest_follow_phase(l->guest), cjm_live_guest_follow_touchpoint(l->guest));
	cjm_live_guest_vote vote;
	bool has_vote = cjm_live_guest_vote_of(l->guest, &vote);
	if (!has_vote && ed->overlay == CJM_OVERLAY_LIVE)
		ed->overlay = CJM_OVERLAY_NONE; /* the vote is over: the map again */
	if (has_vote) {
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
				editor_live_select(ed, NULL, vote.touchpoint);
		}
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
	editor_live_select(ed, cjm_live_guest_follow_phase(l->guest), cjm_live_guest_follow_touchpoint(l->guest));
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
	free(ed->question);
	/* TRANSLATORS: the prompt for a note's text: "pain on 'Meter readings': " */
	ed->question = xasprintf(_("%s on '%s': "), editor_live_note_kind_word(l->note_kind),
				 editor_live_touchpoint_name(ed, l->note_touchpoint));
	ed->ask = CJM_ASK_NOTE_TEXT;
}

void cjm_editor_live_note_text(cjm_editor *ed, const char *text)
{
	cjm_editor_live *l = ed->live;
	free(ed->question);
	ed->question = NULL;
	if (!l || !l->guest || !l->note_touchpoint)
		return;
	const char *why = NULL;
	if (!cjm_live_guest_propose(l->guest, l->note_touchpoint, l->note_kind, text, &why))
		cjm_editor_say(ed, true, _("not sent: %s"), why ? why : _("the note is not valid"));
	else
		cjm_editor_say(ed, false, _("sent to the facilitator: your %s on '%s'"), editor_live_note_kind_word(l->note_kind),
			       editor_live_touchpoint_name(ed, l->note_touchpoint));
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
		l->sign_until = editor_live_now_ms() + LIVE_SIGN_MS;
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

/* A participant's part of the status line: the open vote first, then the session. */
void editor_live_join_status(const cjm_editor *ed, strbuf *out)
{
	const cjm_editor_live *l = ed->live;
	const cjm_live_guest *g = l->guest;
	switch (cjm_live_guest_state_of(g)) {
	case CJM_LIVE_GUEST_CONNECTING:
		if (!ed->message) /* else the message says it: "lost the connection…; reconnecting…" */
			strbuf_puts(out, _(" reconnecting…"));
		return;
	case CJM_LIVE_GUEST_ENDED:
	{
		/* the facilitator's reason, or that the session has ended */
		const char *why = cjm_live_guest_bye_reason(g);
		strbuf_printf(out, _(" %s; q quits"), why && *why ? why : _("the session has ended"));
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
		cjm_wrap_fit(&cut, editor_live_touchpoint_name(ed, vote.touchpoint), LIVE_STATUS_NAME,
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
