/* The facilitator's side of a live session's vote and inbox: who is in the room, answers, the reveal's counts, and the notes to accept or drop. */
#include "live/host_impl.h"

#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "util/xalloc.h"

/* ---- Answers and notes from participants ---- */

/* Participant PID's answer to the open vote, sent back to CONN: what its screen shows. */
void live_host_send_own_answer(cjm_live_host *host, live_conn *conn, size_t pid)
{
	const cjm_vote_entry *e = host->vote ? cjm_vote_find(host->vote, pid) : NULL;
	if (!e)
		return;
	cjm_proto_msg answer = { .type = CJM_PROTO_VOTE_ANSWER,
				 .vote_answer = { host->vote_id, e->score == CJM_VOTE_SKIP,
						  e->score == CJM_VOTE_SKIP ? 0 : e->score } };
	live_conn_send(host, conn, &answer);
}

/* The reveal of the vote: the room's counts and, when anyone gave a team, each team's. */
void live_host_reveal_message(const cjm_live_host *host, cjm_proto_msg *msg)
{
	*msg = (cjm_proto_msg){ .type = CJM_PROTO_VOTE_REVEAL };
	msg->vote_reveal.vote = host->vote_id;
	msg->vote_reveal.touchpoint = host->vote_touchpoint;
	size_t n = cjm_vote_entries(host->vote);
	cjm_proto_team_counts *teams = xcalloc(CJM_PROTO_MAX_TEAMS + 1, sizeof *teams);
	size_t team_count = 0;
	bool any_team = false, too_many = false;
	for (size_t i = 0; i < n; i++) {
		const cjm_vote_entry *e = cjm_vote_entry_at(host->vote, i);
		const char *team = e->team ? e->team : "";
		any_team = any_team || e->team;
		size_t t = 0;
		while (t < team_count && strcmp(teams[t].team, team) != 0)
			t++;
		if (t == team_count) {
			if (team_count == CJM_PROTO_MAX_TEAMS)
				too_many = true;
			else
				teams[team_count++].team = (char *)team;
		}
		cjm_proto_counts *room = &msg->vote_reveal.all;
		cjm_proto_counts *own = t < team_count ? &teams[t].counts : NULL;
		if (e->score == CJM_VOTE_SKIP) {
			room->skipped++;
			if (own)
				own->skipped++;
		} else {
			room->score[e->score - CJM_VOTE_MIN]++;
			if (own)
				own->score[e->score - CJM_VOTE_MIN]++;
		}
	}
	/* past the wire's limit of teams, the room's counts alone */
	msg->vote_reveal.team_count = any_team && !too_many ? team_count : 0;
	msg->vote_reveal.teams = teams;
}

void live_host_on_answer(cjm_live_host *host, live_conn *conn, const cjm_proto_msg *msg)
{
	cjm_live_participant *p = live_conn_participant(host, conn);
	/* an answer to another vote (one just replaced) or to a revealed one is no fault */
	if (!p || p->observer || !host->vote || host->vote_revealed || msg->vote_answer.vote != host->vote_id)
		return;
	int score = msg->vote_answer.skip ? CJM_VOTE_SKIP : msg->vote_answer.score;
	if (cjm_vote_answer(host->vote, p->id, p->team, p->name, score) != CJM_VOTE_OK)
		return;
	live_host_send_own_answer(host, conn, p->id);
	host->generation++;
}

void live_host_on_note(cjm_live_host *host, live_conn *conn, const cjm_proto_msg *msg)
{
	cjm_live_participant *p = live_conn_participant(host, conn);
	if (!p || p->observer)
		return;
	if (host->inbox_count >= CJM_LIVE_INBOX_MAX) {
		cjm_proto_msg result = { .type = CJM_PROTO_NOTE_RESULT,
					 .note_result = { msg->note_propose.note, CJM_PROTO_DROPPED } };
		live_conn_send(host, conn, &result);
		/* TRANSLATORS: %s is a participant's name; %d the inbox's limit. */
		live_host_notice(host, _("dropped a note from %s: the inbox holds %d notes already"), p->name,
			    CJM_LIVE_INBOX_MAX);
		return;
	}
	xgrow((void **)&host->inbox, &host->inbox_cap, host->inbox_count + 1, sizeof *host->inbox);
	host->inbox[host->inbox_count++] = (cjm_live_note){ .participant = p->id,
							    .id = msg->note_propose.note,
							    .touchpoint = xstrdup(msg->note_propose.touchpoint),
							    .kind = (int)msg->note_propose.kind,
							    .text = xstrdup(msg->note_propose.text),
							    .name = host->keep_names ? xstrdup(p->name) : NULL,
							    .team = xstrdup(p->team) };
	host->generation++;
}

/* ---- The room, the vote and the inbox ---- */

size_t cjm_live_host_participants(const cjm_live_host *host, const cjm_live_participant **list)
{
	*list = host->participants;
	return host->participant_count;
}

size_t cjm_live_host_connected(const cjm_live_host *host, size_t *observers)
{
	size_t n = 0, watching = 0;
	for (size_t i = 0; i < host->participant_count; i++) {
		if (!host->participants[i].connected)
			continue;
		n++;
		watching += host->participants[i].observer;
	}
	if (observers)
		*observers = watching;
	return n;
}

size_t cjm_live_host_vote_voters(const cjm_live_host *host)
{
	size_t n = 0;
	for (size_t i = 0; i < host->participant_count; i++) {
		const cjm_live_participant *p = &host->participants[i];
		n += !p->observer && (p->connected || (host->vote && cjm_vote_find(host->vote, i + 1)));
	}
	return n;
}

uint32_t cjm_live_host_vote_open(cjm_live_host *host, const char *touchpoint)
{
	cjm_vote_free(host->vote);
	free(host->vote_touchpoint);
	host->vote = cjm_vote_new(host->keep_names);
	host->vote_id = host->next_vote_id++;
	if (host->next_vote_id == 0)
		host->next_vote_id = 1;
	host->vote_touchpoint = xstrdup(touchpoint);
	host->vote_revealed = false;
	cjm_proto_msg open = { .type = CJM_PROTO_VOTE_OPEN, .vote_open = { host->vote_id, host->vote_touchpoint } };
	live_host_broadcast(host, &open);
	host->generation++;
	return host->vote_id;
}

const cjm_vote *cjm_live_host_vote(const cjm_live_host *host, const char **touchpoint, bool *revealed)
{
	if (touchpoint)
		*touchpoint = host->vote ? host->vote_touchpoint : NULL;
	if (revealed)
		*revealed = host->vote && host->vote_revealed;
	return host->vote;
}

bool cjm_live_host_vote_reveal(cjm_live_host *host)
{
	if (!host->vote || host->vote_revealed)
		return false;
	cjm_vote_close(host->vote);
	host->vote_revealed = true;
	cjm_proto_msg reveal;
	live_host_reveal_message(host, &reveal);
	live_host_broadcast(host, &reveal);
	free(reveal.vote_reveal.teams);
	host->generation++;
	return true;
}

void cjm_live_host_vote_end(cjm_live_host *host)
{
	if (!host->vote)
		return;
	cjm_proto_msg end = { .type = CJM_PROTO_VOTE_END, .vote_end = { host->vote_id } };
	live_host_broadcast(host, &end);
	cjm_vote_free(host->vote);
	host->vote = NULL;
	free(host->vote_touchpoint);
	host->vote_touchpoint = NULL;
	host->vote_revealed = false;
	host->generation++;
}

void live_note_release(cjm_live_note *note)
{
	free(note->touchpoint);
	free(note->text);
	free(note->name);
	free(note->team);
}

size_t cjm_live_host_inbox(const cjm_live_host *host, const cjm_live_note **notes)
{
	*notes = host->inbox;
	return host->inbox_count;
}

void cjm_live_host_note_done(cjm_live_host *host, size_t at, bool accepted)
{
	if (at >= host->inbox_count)
		return;
	cjm_live_note note = host->inbox[at];
	memmove(host->inbox + at, host->inbox + at + 1, (host->inbox_count - at - 1) * sizeof *host->inbox);
	host->inbox_count--;
	live_conn *conn = note.participant && note.participant <= host->participant_count
				  ? host->participant_conns[note.participant - 1]
				  : NULL;
	if (conn) {
		cjm_proto_msg result = { .type = CJM_PROTO_NOTE_RESULT,
					 .note_result = { note.id, accepted ? CJM_PROTO_ACCEPTED : CJM_PROTO_DROPPED } };
		live_conn_send(host, conn, &result);
	}
	live_note_release(&note);
	host->generation++;
	live_host_sweep(host);
}
