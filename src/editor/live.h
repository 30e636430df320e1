/* The editor in a live session, without a screen: hosting (votes, the reveal, the inbox) and joining (following, answering, proposing notes). */
#ifndef CJM_EDITOR_LIVE_H
#define CJM_EDITOR_LIVE_H

/*
 * A hosting editor is the ordinary editor with a cjm_live_host beside it: the
 * facilitator's keys edit the map as always, V opens a blind vote on the
 * selection, R reveals it, I opens the inbox. Whatever the room sends reaches
 * the map only through the facilitator's keys and the edit layer, so each
 * change is one step that u undoes and the recovery file keeps it.
 *
 * A joined editor is read-only and draws the map the facilitator's cjm sends:
 * its own keys (cjm_join_keys) move, follow, answer a vote and propose notes;
 * none of them edits, and the ':' line runs only the commands a participant has.
 */

#include <stdbool.h>

#include "editor/editor.h"
#include "live/guest.h"
#include "live/host.h"
#include "util/strbuf.h"

/* Which panel a live session shows under the map (CJM_OVERLAY_LIVE). */
typedef enum cjm_live_panel {
	CJM_LIVE_PANEL_REVEAL, /* the figures of the vote just revealed */
	CJM_LIVE_PANEL_INBOX,  /* the notes the room proposed (the facilitator's) */
} cjm_live_panel;

/* Gives ED the HOST (owned from now on): ED hosts the session. */
void cjm_editor_live_host(cjm_editor *ed, cjm_live_host *host);
/* Gives ED the GUEST (owned from now on): ED shows the session it joined. */
void cjm_editor_live_join(cjm_editor *ed, cjm_live_guest *guest);
/* Forgets the session (cjm_editor_free): the host says bye to everyone. */
void cjm_editor_live_free(cjm_editor *ed);
/* The facilitator's cjm is stopping on a signal: the session is left without a bye, so
 * that the participants reconnect when it is hosted again. */
void cjm_editor_live_hang_up(cjm_editor *ed);
bool cjm_editor_live_hosting(const cjm_editor *ed);
/* Takes back the state of a session that ended badly (LEN bytes of TEXT, read from
 * PATH), selects the open vote's touchpoint, and says what came of it. */
void cjm_editor_live_restore(cjm_editor *ed, const char *text, size_t len, const char *path);
bool cjm_editor_live_joined(const cjm_editor *ed);
cjm_live_host *cjm_editor_live_host_of(const cjm_editor *ed);
cjm_live_guest *cjm_editor_live_guest_of(const cjm_editor *ed);

/* After every key and when idle: takes what the session brought (notices, a new map,
 * the facilitator's selection, a reveal) and sends what changed here (the map, when
 * IDLE or a while after it changed, and the selection). NOW_MS: monotonic ms. */
void cjm_editor_live_pump(cjm_editor *ed, long long now_ms, bool idle);
/* The milliseconds until the pump wants to run again (a map change not yet sent,
 * a reconnect), or -1 for none. */
int cjm_editor_live_wait_ms(const cjm_editor *ed, long long now_ms);
/* Bumped whenever the session's state the screen shows changed. */
unsigned long cjm_editor_live_generation(const cjm_editor *ed);

/* The session's part of the status line (" | live energy-switch · 4 joined"), appended. */
void cjm_editor_live_status(const cjm_editor *ed, strbuf *out);
/* The panel on screen under the map (valid while ed->overlay is CJM_OVERLAY_LIVE). */
cjm_live_panel cjm_editor_live_panel(const cjm_editor *ed);
/* The reveal panel's lines: the touchpoint, the summary, the histogram, the teams and
 * whether the room disagrees; WIDTH columns. False when there is no reveal to show. */
bool cjm_editor_live_reveal_text(const cjm_editor *ed, size_t width, strbuf *out);
/* The inbox's pointer (valid while the inbox is on screen). */
size_t cjm_editor_live_inbox_at(const cjm_editor *ed);
/* Appends note AT of the inbox as one line: kind, touchpoint, author's team, text. */
void cjm_editor_live_inbox_line(const cjm_editor *ed, size_t at, strbuf *out);

/* A key while the live panel is open (cjm_reveal_keys or cjm_inbox_keys). */
void cjm_editor_live_panel_key(cjm_editor *ed, int key);
/* A key on a participant's screen (cjm_join_keys). Returns 1 when it does nothing. */
int cjm_editor_live_join_key(cjm_editor *ed, int key);
/* Whether the ':' line may run COMMAND (its name, LEN bytes) here: a participant
 * runs only its own commands; says why not. */
bool cjm_editor_live_may_run(cjm_editor *ed, const char *command, size_t len);
/* The help text of a participant's screen, into ED's overlay text. */
void cjm_editor_live_help(cjm_editor *ed);

/* The one-key question "which note?" and the line of its text (CJM_ASK_NOTE_*). */
void cjm_editor_live_note_kind(cjm_editor *ed, const char *what);
void cjm_editor_live_note_text(cjm_editor *ed, const char *text);

/* The session's state for the recovery file (the facilitator's), appended to OUT;
 * false when there is nothing to keep (no vote, an empty inbox). */
bool cjm_editor_live_state(const cjm_editor *ed, strbuf *out);

/* The editor commands of a live session (the command table's rows run these). */
int cjm_editor_live_vote(cjm_editor *ed, const char *args);
int cjm_editor_live_reveal(cjm_editor *ed, const char *args);
int cjm_editor_live_inbox(cjm_editor *ed, const char *args);
int cjm_editor_live_take(cjm_editor *ed, const char *args);
int cjm_editor_live_follow(cjm_editor *ed, const char *args);
int cjm_editor_live_note(cjm_editor *ed, const char *args);
int cjm_editor_live_answer(cjm_editor *ed, const char *args);

extern const cjm_mode_key cjm_reveal_keys[];    /* the reveal panel (R) */
extern const cjm_mode_key cjm_inbox_keys[];     /* the inbox (I) */
extern const cjm_mode_key cjm_join_keys[];      /* a participant's screen (cjm join) */
extern const cjm_mode_key cjm_note_kind_keys[]; /* "which note?" after n */

#endif
