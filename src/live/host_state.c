/* The live session's state as the recovery file keeps it (participants, the vote and its answers, the inbox): written as lines of text, read back with every field checked. */
#include "live/host_impl.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/map.h"
#include "util/i18n.h"
#include "util/utf8.h"
#include "util/xalloc.h"

/*
 * The text, one record a line, fields separated by a tab (no name, team or id
 * holds one), written in this order:
 *
 *   cjm-live-state 1
 *   participant ID UID participant|observer NAME TEAM   (TEAM empty: none; IDs 1, 2, ... in order)
 *   next-vote ID
 *   vote ID open|revealed TOUCHPOINT
 *   answer PARTICIPANT SCORE|skip                      (SCORE -3..3; after its vote)
 *   note PARTICIPANT ID pain|idea|quote TOUCHPOINT TEXT (TEXT with \\, \t and \n escaped)
 *
 * It is read from a file a person could edit: every record and field is checked,
 * and one fault refuses the whole state.
 */

#define STATE_HEADER "cjm-live-state 1"
#define FIELDS_MAX 6

static const char *const kind_names[] = { [CJM_PROTO_NOTE_PAIN] = "pain",
					  [CJM_PROTO_NOTE_IDEA] = "idea",
					  [CJM_PROTO_NOTE_QUOTE] = "quote" };

void cjm_live_host_state_write(const cjm_live_host *host, strbuf *out)
{
	strbuf_puts(out, STATE_HEADER "\n");
	for (size_t i = 0; i < host->participant_count; i++) {
		const cjm_live_participant *p = &host->participants[i];
		strbuf_printf(out, "participant\t%lu\t%lu\t%s\t%s\t%s\n", (unsigned long)p->id, (unsigned long)p->uid,
			      p->observer ? "observer" : "participant", p->name, p->team ? p->team : "");
	}
	strbuf_printf(out, "next-vote\t%lu\n", (unsigned long)host->next_vote_id);
	if (host->vote) {
		strbuf_printf(out, "vote\t%lu\t%s\t%s\n", (unsigned long)host->vote_id,
			      host->vote_revealed ? "revealed" : "open", host->vote_touchpoint);
		for (size_t i = 0; i < cjm_vote_entries(host->vote); i++) {
			const cjm_vote_entry *e = cjm_vote_entry_at(host->vote, i);
			if (e->score == CJM_VOTE_SKIP)
				strbuf_printf(out, "answer\t%llu\tskip\n", (unsigned long long)e->participant);
			else
				strbuf_printf(out, "answer\t%llu\t%d\n", (unsigned long long)e->participant, e->score);
		}
	}
	for (size_t i = 0; i < host->inbox_count; i++) {
		const cjm_live_note *n = &host->inbox[i];
		strbuf_printf(out, "note\t%lu\t%lu\t%s\t%s\t", (unsigned long)n->participant, (unsigned long)n->id,
			      kind_names[n->kind], n->touchpoint);
		strbuf_put_field(out, n->text);
		strbuf_putc(out, '\n');
	}
}

/* A number field: 0..MAX in decimal, nothing else. */
static bool number_field(const char *text, unsigned long max, unsigned long *value)
{
	if (!*text || strlen(text) > 10)
		return false;
	for (const char *p = text; *p; p++)
		if (*p < '0' || *p > '9')
			return false;
	errno = 0;
	unsigned long v = strtoul(text, NULL, 10);
	if (errno || v > max)
		return false;
	*value = v;
	return true;
}

/* TEXT with its escapes undone, malloc'd; NULL when an escape is not one of ours. */
static char *unescape(const char *text)
{
	char *out = xmalloc(strlen(text) + 1), *o = out;
	for (const char *p = text; *p; p++) {
		if (*p != '\\') {
			*o++ = *p;
			continue;
		}
		p++;
		if (*p == '\\')
			*o++ = '\\';
		else if (*p == 't')
			*o++ = '\t';
		else if (*p == 'n')
			*o++ = '\n';
		else {
			free(out);
			return NULL;
		}
	}
	*o = '\0';
	return out;
}

/* The state being read, kept apart until all of it is good. */
typedef struct state_read {
	cjm_live_host tmp; /* only its participants, vote and inbox are used */
	int line;
	char *why;
} state_read;

__attribute__((format(printf, 2, 3))) static bool state_fault(state_read *r, const char *fmt, ...)
{
	char text[400];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);
	if (!r->why)
		/* TRANSLATORS: %d is a line of the session's state file, %s what is wrong in it. */
		r->why = xasprintf(_("the live session's state, line %d: %s"), r->line, text);
	return false;
}

static bool id_field_ok(const char *id)
{
	return strlen(id) <= CJM_PROTO_MAX_ID && cjm_id_is_valid(id);
}

static bool read_participant(state_read *r, char **f, size_t n)
{
	unsigned long id, uid;
	if (n != 6)
		return state_fault(r, _("a participant has 5 fields"));
	if (!number_field(f[1], UINT32_MAX, &id) || id != r->tmp.participant_count + 1)
		return state_fault(r, _("the participants are numbered 1, 2, 3, ... in order"));
	if (!number_field(f[2], (unsigned long)(uid_t)-1 - 1, &uid))
		return state_fault(r, _("a participant's uid is a number"));
	bool observer = strcmp(f[3], "observer") == 0;
	if (!observer && strcmp(f[3], "participant") != 0)
		return state_fault(r, _("a participant is a participant or an observer"));
	if (!cjm_live_label_ok(f[4], strlen(f[4])) || (*f[5] && !cjm_live_label_ok(f[5], strlen(f[5]))))
		return state_fault(r, _("a participant's name or team is not one line of at most 64 bytes without ':' or '|'"));
	if (r->tmp.participant_count >= CJM_VOTE_PARTICIPANTS_MAX)
		return state_fault(r, _("too many participants"));
	for (size_t i = 0; i < r->tmp.participant_count; i++)
		if (r->tmp.participants[i].uid == (uid_t)uid && strcmp(r->tmp.participants[i].name, f[4]) == 0)
			return state_fault(r, _("the same participant is there twice"));
	live_host_add_participant(&r->tmp, (uid_t)uid, f[4], f[5], observer);
	return true;
}

static bool read_vote(state_read *r, char **f, size_t n)
{
	unsigned long id;
	if (n != 4)
		return state_fault(r, _("a vote has 3 fields"));
	if (r->tmp.vote)
		return state_fault(r, _("there is one vote at most"));
	if (!number_field(f[1], UINT32_MAX, &id) || id == 0)
		return state_fault(r, _("a vote's number is 1 or more"));
	bool revealed = strcmp(f[2], "revealed") == 0;
	if (!revealed && strcmp(f[2], "open") != 0)
		return state_fault(r, _("a vote is open or revealed"));
	if (!id_field_ok(f[3]))
		return state_fault(r, _("a vote's touchpoint is not an id"));
	r->tmp.vote = cjm_vote_new(r->tmp.keep_names);
	r->tmp.vote_id = (uint32_t)id;
	r->tmp.vote_revealed = revealed;
	r->tmp.vote_touchpoint = xstrdup(f[3]);
	return true;
}

static bool read_answer(state_read *r, char **f, size_t n)
{
	unsigned long pid;
	if (n != 3)
		return state_fault(r, _("an answer has 2 fields"));
	if (!r->tmp.vote)
		return state_fault(r, _("an answer comes after its vote"));
	if (!number_field(f[1], r->tmp.participant_count, &pid) || pid == 0)
		return state_fault(r, _("an answer is by a participant listed before it"));
	const cjm_live_participant *p = &r->tmp.participants[pid - 1];
	if (p->observer)
		return state_fault(r, _("an observer does not vote"));
	if (cjm_vote_find(r->tmp.vote, pid))
		return state_fault(r, _("the same participant answered twice"));
	int score;
	if (strcmp(f[2], "skip") == 0)
		score = CJM_VOTE_SKIP;
	else if (strlen(f[2]) == 2 && f[2][0] == '-' && f[2][1] >= '1' && f[2][1] <= '3')
		score = -(f[2][1] - '0');
	else if (strlen(f[2]) == 1 && f[2][0] >= '0' && f[2][0] <= '3')
		score = f[2][0] - '0';
	else
		return state_fault(r, _("a score is -3..3 or skip"));
	if (cjm_vote_answer(r->tmp.vote, pid, p->team, p->name, score) != CJM_VOTE_OK)
		return state_fault(r, _("the answer is not taken"));
	return true;
}

static bool read_note(state_read *r, char **f, size_t n)
{
	unsigned long pid, id;
	if (n != 6)
		return state_fault(r, _("a note has 5 fields"));
	if (r->tmp.inbox_count >= CJM_LIVE_INBOX_MAX)
		return state_fault(r, _("the inbox holds too many notes"));
	if (!number_field(f[1], r->tmp.participant_count, &pid) || pid == 0)
		return state_fault(r, _("a note is by a participant listed before it"));
	if (!number_field(f[2], UINT32_MAX, &id) || id == 0)
		return state_fault(r, _("a note's number is 1 or more"));
	int kind = 0;
	for (int k = CJM_PROTO_NOTE_PAIN; k <= CJM_PROTO_NOTE_QUOTE; k++)
		if (strcmp(f[3], kind_names[k]) == 0)
			kind = k;
	if (!kind)
		return state_fault(r, _("a note is a pain, an idea or a quote"));
	if (!id_field_ok(f[4]))
		return state_fault(r, _("a note's touchpoint is not an id"));
	char *text = unescape(f[5]);
	size_t len = text ? strlen(text) : 0;
	if (!text || len == 0 || len > CJM_PROTO_MAX_TEXT || !utf8_valid(text) ||
	    utf8_find_forbidden(text, len, NULL, &(uint32_t){ 0 })) {
		free(text);
		return state_fault(r, _("a note's text is not 1 to 2000 bytes of a map's text"));
	}
	const cjm_live_participant *p = &r->tmp.participants[pid - 1];
	xgrow((void **)&r->tmp.inbox, &r->tmp.inbox_cap, r->tmp.inbox_count + 1, sizeof *r->tmp.inbox);
	r->tmp.inbox[r->tmp.inbox_count++] = (cjm_live_note){ .participant = (uint32_t)pid,
							      .id = (uint32_t)id,
							      .touchpoint = xstrdup(f[4]),
							      .kind = kind,
							      .text = text,
							      .name = r->tmp.keep_names ? xstrdup(p->name) : NULL,
							      .team = xstrdup(p->team) };
	return true;
}

static bool read_line(state_read *r, char *line)
{
	char *f[FIELDS_MAX + 1];
	size_t n = 0;
	for (char *p = line;; p++) {
		if (n == FIELDS_MAX + 1)
			return state_fault(r, _("too many fields"));
		f[n++] = p;
		p = strchr(p, '\t');
		if (!p)
			break;
		*p = '\0';
	}
	if (n > FIELDS_MAX)
		return state_fault(r, _("too many fields"));
	if (strcmp(f[0], "participant") == 0)
		return read_participant(r, f, n);
	if (strcmp(f[0], "vote") == 0)
		return read_vote(r, f, n);
	if (strcmp(f[0], "answer") == 0)
		return read_answer(r, f, n);
	if (strcmp(f[0], "note") == 0)
		return read_note(r, f, n);
	if (strcmp(f[0], "next-vote") == 0) {
		unsigned long v;
		if (n != 2 || !number_field(f[1], UINT32_MAX, &v) || v == 0)
			return state_fault(r, _("the next vote's number is 1 or more"));
		r->tmp.next_vote_id = (uint32_t)v;
		return true;
	}
	return state_fault(r, _("not a record of the session's state"));
}

static void state_release(cjm_live_host *tmp)
{
	for (size_t i = 0; i < tmp->participant_count; i++) {
		free(tmp->participants[i].name);
		free(tmp->participants[i].team);
	}
	free(tmp->participants);
	free(tmp->participant_conns);
	cjm_vote_free(tmp->vote);
	free(tmp->vote_touchpoint);
	for (size_t i = 0; i < tmp->inbox_count; i++)
		live_note_release(&tmp->inbox[i]);
	free(tmp->inbox);
}

bool cjm_live_host_restore(cjm_live_host *host, const char *text, size_t len, char **why)
{
	*why = NULL;
	if (host->conn_count > 0 || host->participant_count > 0) {
		*why = xstrdup(_("the live session's state is restored before anyone joins"));
		return false;
	}
	/* TEXT is a file's bytes, with no NUL after them: checked in a copy that has one */
	char *copy = xstrndup(text, len);
	if (memchr(text, '\0', len) || !utf8_valid(copy)) {
		free(copy);
		*why = xstrdup(_("the live session's state is not text"));
		return false;
	}
	state_read r = { .tmp = { .keep_names = host->keep_names, .next_vote_id = 1 } };
	bool ok = true;
	char *line = copy;
	for (r.line = 1; ok && line && *line; r.line++) {
		char *end = strchr(line, '\n');
		if (!end) {
			ok = state_fault(&r, _("the last line has no line end: the state was cut short"));
			break;
		}
		*end = '\0';
		if (r.line == 1)
			ok = strcmp(line, STATE_HEADER) == 0 || state_fault(&r, _("not a live session's state"));
		else
			ok = read_line(&r, line);
		line = end + 1;
	}
	if (ok && r.line == 1)
		ok = state_fault(&r, _("not a live session's state"));
	if (ok && r.tmp.vote && r.tmp.next_vote_id <= r.tmp.vote_id)
		ok = state_fault(&r, _("the next vote's number must be past the vote's"));
	free(copy);
	if (!ok) {
		*why = r.why;
		state_release(&r.tmp);
		return false;
	}
	if (r.tmp.vote_revealed)
		cjm_vote_close(r.tmp.vote);
	state_release(host);
	host->participants = r.tmp.participants;
	host->participant_conns = r.tmp.participant_conns;
	host->participant_count = r.tmp.participant_count;
	host->participant_cap = r.tmp.participant_cap;
	host->participant_conn_cap = r.tmp.participant_conn_cap;
	host->vote = r.tmp.vote;
	host->vote_id = r.tmp.vote_id;
	host->vote_touchpoint = r.tmp.vote_touchpoint;
	host->vote_revealed = r.tmp.vote_revealed;
	host->next_vote_id = r.tmp.next_vote_id;
	host->inbox = r.tmp.inbox;
	host->inbox_count = r.tmp.inbox_count;
	host->inbox_cap = r.tmp.inbox_cap;
	host->generation++;
	return true;
}
