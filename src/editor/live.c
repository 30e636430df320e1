/* The editor in a live session, without a screen: what both roles share (the session's state, finding touchpoints by id, each round of the loop) and what the screen shows of it (the status line, the reveal). */
#include "editor/live_impl.h"

#include <stdlib.h>
#include <time.h>

#include "edit/edit.h"
#include "live/vote_text.h"
#include "render/text.h"
#include "util/i18n.h"
#include "util/xalloc.h"

/* Monotonic milliseconds, for the sign prefix. */
long long editor_live_now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* ED's session state, made on first use. */
static cjm_editor_live *editor_live_of(cjm_editor *ed)
{
	if (!ed->live)
		ed->live = xcalloc(1, sizeof *ed->live);
	return ed->live;
}

void cjm_editor_live_host(cjm_editor *ed, cjm_live_host *host)
{
	editor_live_of(ed)->host = host;
}

void cjm_editor_live_join(cjm_editor *ed, cjm_live_guest *guest)
{
	cjm_editor_live *l = editor_live_of(ed);
	l->guest = guest;
	l->following = true;
}

void cjm_editor_live_free(cjm_editor *ed)
{
	cjm_editor_live *l = ed->live;
	if (!l)
		return;
	cjm_live_host_free(l->host);
	cjm_live_guest_free(l->guest);
	editor_live_queue_clear(l);
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
bool editor_live_touchpoint_ref(const cjm_editor *ed, const char *id, cjm_ref *ref)
{
	size_t phase = 0, tp = 0;
	if (!id || !*id || !cjm_map_find(cjm_editor_map(ed), id, &phase, &tp) || tp == CJM_PHASE_ITSELF)
		return false;
	*ref = (cjm_ref){ .kind = CJM_REF_TOUCHPOINT, .phase = phase, .tp = tp };
	return true;
}

/* The name of the touchpoint with id ID, or the id itself when it is gone. */
const char *editor_live_touchpoint_name(const cjm_editor *ed, const char *id)
{
	cjm_ref ref;
	if (!editor_live_touchpoint_ref(ed, id, &ref))
		return id ? id : "";
	return cjm_editor_map(ed)->phases[ref.phase]->touchpoints[ref.tp]->name;
}

/* Selects the phase PHASE_ID and touchpoint TP_ID when the map has them. */
void editor_live_select(cjm_editor *ed, const char *phase_id, const char *tp_id)
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
void editor_live_selection_ids(const cjm_editor *ed, const char **phase_id, const char **tp_id)
{
	const cjm_map *map = cjm_editor_map(ed);
	*phase_id = map->phase_count ? map->phases[ed->phase]->id : "";
	const cjm_touchpoint *t = map->phase_count ? cjm_editor_selected_touchpoint(ed) : NULL;
	*tp_id = t ? t->id : "";
}

/* A note's kind as the inbox names it. */
const char *editor_live_note_kind_word(int kind)
{
	return kind == CJM_PROTO_NOTE_PAIN ? C_("note", "pain") : kind == CJM_PROTO_NOTE_IDEA ? C_("note", "idea")
											     : C_("note", "quote");
}

void cjm_editor_live_pump(cjm_editor *ed, long long now_ms, bool idle)
{
	cjm_editor_live *l = ed->live;
	if (!l)
		return;
	if (l->host)
		editor_live_pump_host(ed, l, now_ms, idle);
	if (l->guest) {
		cjm_live_guest_tick(l->guest, now_ms);
		editor_live_pump_guest(ed, l);
		if (l->sign && now_ms > l->sign_until)
			l->sign = 0;
	}
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

/* ---- what the screen shows ---- */

void cjm_editor_live_status(const cjm_editor *ed, strbuf *out)
{
	const cjm_editor_live *l = ed->live;
	if (l && l->host)
		editor_live_host_status(ed, out);
	else if (l && l->guest)
		editor_live_join_status(ed, out);
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
	strbuf_printf(out, _("The room's vote on '%s'\n"), editor_live_touchpoint_name(ed, id));
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