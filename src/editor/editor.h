/* The editor without a screen: selection, scrolling arithmetic, and every command a key or ':' runs. */
#ifndef CJM_EDITOR_H
#define CJM_EDITOR_H

#include <stdbool.h>
#include <stddef.h>

#include "model/map.h"
#include "edit/edit.h"
#include "io/stamp.h"
#include "merge/resolve.h"
#include "model/field.h"
#include "patterns/registry.h"
#include "patterns/suggest.h"
#include "util/strset.h"
#include "util/strbuf.h"

/* The selection's touchpoint index when the phase itself is selected. */
#define CJM_PHASE_ITSELF ((size_t)-1)

/* Keys beyond Unicode, so the key table can name them without curses. */
enum cjm_key {
	CJM_KEY_CTRL_A = 1,
	CJM_KEY_CTRL_C = 3,
	CJM_KEY_CTRL_E = 5,
	CJM_KEY_TAB = '\t',
	CJM_KEY_ENTER = '\n',
	CJM_KEY_ESCAPE = 27,
	CJM_KEY_CTRL_L = 12,
	CJM_KEY_CTRL_R = 18,
	CJM_KEY_CTRL_S = 19,
	CJM_KEY_CTRL_U = 21,
	CJM_KEY_CTRL_X = 24,
	CJM_KEY_LEFT = 0x110001,
	CJM_KEY_RIGHT,
	CJM_KEY_UP,
	CJM_KEY_DOWN,
	CJM_KEY_HOME,
	CJM_KEY_END,
	CJM_KEY_PAGE_UP,
	CJM_KEY_PAGE_DOWN,
	CJM_KEY_DELETE,
	CJM_KEY_BACKSPACE,
	CJM_KEY_SHIFT_TAB,
	CJM_KEY_F2,
};

/* Whether KEY, as the key tables name keys, is a character that types itself
 * (not a control character, not one of the named keys beyond Unicode). */
#define CJM_KEY_TYPES(key) ((key) >= 0x20 && (key) != 127 && (key) <= 0x10FFFF)

/* A line of text the editor waits for; the screen asks, then calls cjm_editor_answer(). */
typedef enum cjm_ask {
	CJM_ASK_NOTHING,
	CJM_ASK_TOUCHPOINT_NAME,
	CJM_ASK_PHASE_NAME,
	CJM_ASK_SEARCH,
	CJM_ASK_COMMAND,
	CJM_ASK_DISK_CHANGED, /* one key: k keep mine, o write mine elsewhere, r reload theirs */
	CJM_ASK_WRITE_MINE_TO, /* the other file for o */
	CJM_ASK_DELETE_PHASE,  /* one key: y deletes the selected phase and its touchpoints */
	CJM_ASK_NOTE_KIND,     /* one key: which note a participant proposes (p, i, q) */
	CJM_ASK_NOTE_TEXT,     /* the note's text */
} cjm_ask;

/* How long after + or - a digit makes a signed emotion (- 2 is -2), in milliseconds. */
#define CJM_SIGN_PREFIX_MS 1500

/* What the screen should show over the map, if anything. */
typedef enum cjm_overlay {
	CJM_OVERLAY_NONE,
	CJM_OVERLAY_TEXT,
	CJM_OVERLAY_FORM,
	CJM_OVERLAY_DETAILS, /* everything about the selected item, in full (i) */
	CJM_OVERLAY_SUGGESTIONS, /* a panel under the map; the map shows the suggestion's target */
	CJM_OVERLAY_CONFLICTS,   /* the conflicts of a marked file, under the map (editor/conflicts.h) */
	CJM_OVERLAY_LIVE,        /* a live session's reveal or inbox, under the map (editor/live.h) */
} cjm_overlay;

/* What became of a suggestion the panel lists, as the map shows it now. */
typedef enum cjm_panel_state {
	CJM_PANEL_OPEN,
	CJM_PANEL_ACCEPTED,  /* the map holds what it proposes (an undo makes it open again) */
	CJM_PANEL_DISMISSED, /* listed under dismissed: in the map */
} cjm_panel_state;

/* The panel's own facts about one suggestion it lists (parallel to its items). */
typedef struct cjm_panel_item {
	cjm_panel_state state;
	bool placed;       /* the target is on the map: at phase, tp (CJM_PHASE_ITSELF: the phase) */
	size_t phase, tp;
} cjm_panel_item;

typedef struct cjm_editor {
	cjm_edit *edit;          /* owns the map */
	char *path;              /* where :w writes */
	bool read_only;
	size_t phase, tp;        /* the selection (tp may be CJM_PHASE_ITSELF) */
	size_t scroll_col;       /* the first column on screen */
	size_t scroll_row;       /* the first lane row on screen (tall lanes scroll) */
	char *message;           /* for the status line; NULL when none */
	bool message_is_error;
	bool quit;               /* the main loop should end */
	cjm_ask ask;             /* a question waiting for an answer */
	cjm_overlay overlay;     /* help, stats or show text, or the form */
	bool form_of_map;        /* the form edits the map's own fields (T), not the selection */
	strbuf overlay_text;
	size_t overlay_scroll;
	char *search;            /* the last search, for search-next */
	size_t comment_count;    /* YAML comments in the file as opened (lost on save) */
	bool comments_warned;    /* the person was told once; the next :w goes ahead */
	unsigned long saved_to_recovery; /* generation last written to the recovery file */
	int recovery_error;      /* why the last recovery write failed (an errno, or -signal); 0: fine */
	/* the file on disk, as it was read or last saved, so a save sees that it changed since */
	cjm_file_stamp disk;
	cjm_disk_change disk_change; /* what the pending CJM_ASK_DISK_CHANGED is about */
	char *question;          /* the text of a question made up on the spot, or NULL */
	bool quit_when_saved;    /* :wq met a changed file: quit once k has saved */
	bool reload_wanted;      /* r was answered: the main loop keeps mine, then reloads */
	/* + or - just stepped the emotion: a digit soon after sets that signed value instead */
	int sign;                     /* -1 or +1 while a digit may follow; 0: none */
	long long sign_until;         /* until when (monotonic milliseconds) */
	bool sign_had_emotion;        /* the emotion before the step */
	int sign_emotion;
	unsigned long sign_generation; /* the map's generation right after the step; 0: it changed nothing */
	/* the suggestions panel */
	cjm_registry *patterns;       /* built-ins and plugins, loaded once */
	cjm_suggestions *suggestions; /* what the panel lists, NULL until asked */
	size_t suggestion;            /* the one the panel points at */
	bool suggestions_all;         /* the whole journey, or only the selected item */
	bool suggestions_everything;  /* the journey: every suggestion unfolded, not only its cards */
	size_t suggestions_rest;      /* the journey's cards: how many its list holds back */
	char *suggestions_about;      /* the id of that item (when not the whole journey) */
	cjm_panel_item *suggestion_items; /* the state and place of each listed suggestion */
	unsigned long suggestions_generation; /* the map the list was made for */
	strset *suggested;            /* target ids with a suggestion: the marker on the map */
	char **suggested_ids;         /* the strings the set borrows */
	size_t suggested_count;
	unsigned long suggested_generation;
	bool presenting;              /* projector mode: only the selection, large, and the curve */
	/* a map opened from a file with conflict markers (editor/conflicts.h); NULL: none */
	cjm_conflicts *conflicts;
	size_t conflict;              /* the one the conflicts panel points at */
	bool *conflict_kept;          /* per conflict: ours was taken on purpose (o, O) */
	/* column index of each phase's first column, rebuilt when the structure changes */
	size_t *phase_first_col;
	size_t column_count;
	unsigned long layout_generation;
	bool layout_valid;
	struct cjm_editor_compare *compare; /* :compare OTHER (editor/compare.h), NULL when off */
	struct cjm_editor_live *live;       /* a live session hosted or joined (editor/live.h), or NULL */
} cjm_editor;

/* A command: what a key or the ':' line runs by name. */
typedef struct cjm_editor_command {
	const char *name;
	const char *args;  /* how its argument is written in help ("[FILE]"), or NULL */
	const char *help;
	int (*run)(cjm_editor *ed, const char *args);
} cjm_editor_command;

/* A key bound to a command line, with the key's name for help and the man page. */
typedef struct cjm_key_binding {
	int key;
	const char *key_name;
	const char *command;
} cjm_key_binding;

extern const cjm_editor_command cjm_editor_commands[]; /* ends with a NULL name */
extern const cjm_key_binding cjm_key_bindings[];       /* ends with key 0 */

/* A key of a mode other than the map (the panel, the prompt line, a question, the
 * help text): the name of what it does and a line of help, for the help screen
 * and the man page. */
typedef struct cjm_mode_key {
	int key;
	const char *key_name;
	const char *command;
	const char *help;
} cjm_mode_key;

/* The keys of one mode, with where they are shown and documented. */
typedef struct cjm_key_table {
	const char *name;         /* for cjm --list-keys NAME */
	const char *title;        /* its heading on the help screen */
	const char *section;      /* the subsection of cjm-edit(1) whose list has these keys */
	const cjm_mode_key *keys; /* ends with key 0 */
} cjm_key_table;

extern const cjm_mode_key cjm_panel_keys[];         /* the suggestions panel */
extern const cjm_mode_key cjm_prompt_keys[];        /* the prompt line (:, /, a name); other keys type */
extern const cjm_mode_key cjm_delete_phase_keys[];  /* "delete phase ...? y/n" */
extern const cjm_mode_key cjm_disk_changed_keys[];  /* "changed on disk: k, o, r" */
extern const cjm_mode_key cjm_text_keys[];          /* help, stats and show */
extern const cjm_mode_key cjm_details_keys[];       /* the details view (i) */
extern const cjm_mode_key cjm_form_keys[];          /* the form (e, T); other keys type */
extern const cjm_mode_key cjm_present_keys[];       /* projector mode: each runs its command line */
extern const cjm_mode_key cjm_recovery_keys[];      /* on opening: "unsaved edits from ...: r, d, o" */
extern const cjm_mode_key cjm_locked_keys[];        /* on opening: "open in another cjm: r, e, q" */
extern const cjm_key_table cjm_key_tables[];        /* every mode's, ends with a NULL name */

/* What KEY does in KEYS, or NULL when it is none of them. */
const char *cjm_mode_key_command(const cjm_mode_key *keys, int key);
/* A key while the suggestions panel is open, or help, stats or show is on screen. */
void cjm_editor_panel_key(cjm_editor *ed, int key);
void cjm_editor_text_key(cjm_editor *ed, int key);
/* A key while the details view (i) is open. */
void cjm_editor_details_key(cjm_editor *ed, int key);
/* An emotion in words for the status line: "+2", "−1" (U+2212 in a UTF-8 locale), "not scored". */
const char *cjm_editor_emotion_words(bool has_emotion, int emotion, char buf[16]);
/* Whether the locale's character set is UTF-8 (else messages keep to ASCII). */
bool cjm_editor_unicode(void);

/* Takes ownership of MAP. PATH is where :w saves; it is read now, to see later
 * whether it changed on disk. */
cjm_editor *cjm_editor_new(cjm_map *map, const char *path, bool read_only);
/* The same, with the stamp of PATH as it was read to make MAP (cjm_file_read_stamped). */
cjm_editor *cjm_editor_new_read(cjm_map *map, const char *path, bool read_only, const cjm_file_stamp *as_read);
void cjm_editor_free(cjm_editor *ed);
const cjm_map *cjm_editor_map(const cjm_editor *ed);

/* Runs "NAME [ARGS]" (from a key or the ':' line). Returns 0, or -1 with the message set. */
int cjm_editor_run(cjm_editor *ed, const char *command_line);
/* Runs what KEY is bound to; returns 1 when the key is not bound. */
int cjm_editor_key(cjm_editor *ed, int key);
/* Answers the pending question (TEXT NULL: cancelled). */
void cjm_editor_answer(cjm_editor *ed, const char *text);
/* The label of the pending question ("Touchpoint name: "), or NULL. */
const char *cjm_editor_question(const cjm_editor *ed);
/* Whether the pending question takes one key (cjm_editor_answer_key) rather than a line. */
bool cjm_editor_question_is_key(const cjm_editor *ed);
/* Answers a one-key question; keys that are no answer are ignored, Escape cancels. */
void cjm_editor_answer_key(cjm_editor *ed, int key);
/* The answer to "changed on disk", by its name in cjm_disk_changed_keys. */
void cjm_editor_answer_disk_changed(cjm_editor *ed, const char *what);

void cjm_editor_say(cjm_editor *ed, bool is_error, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void cjm_editor_clear_message(cjm_editor *ed);

/* Layout arithmetic: one column per touchpoint, one for a phase without any. */
size_t cjm_editor_column_count(cjm_editor *ed);
/* The column of the selection. */
size_t cjm_editor_selected_column(cjm_editor *ed);
/* The phase and touchpoint (CJM_PHASE_ITSELF for an empty phase's column) of COLUMN. */
void cjm_editor_column_item(cjm_editor *ed, size_t column, size_t *phase, size_t *tp);
/* The first column of PHASE. */
size_t cjm_editor_phase_column(cjm_editor *ed, size_t phase);
/* Scrolls so the selection is among the VISIBLE columns on screen. */
void cjm_editor_scroll_to_selection(cjm_editor *ed, size_t visible);
/* Selects the item in COLUMN (a mouse click); false when there is none. */
bool cjm_editor_select_column(cjm_editor *ed, size_t column);

/* The selected touchpoint, or NULL when a phase (or nothing) is selected. */
const cjm_touchpoint *cjm_editor_selected_touchpoint(const cjm_editor *ed);
/* The selected item for the field layer (the map itself when it has no phase). */
cjm_ref cjm_editor_selected_ref(const cjm_editor *ed);

/* The suggestions panel: move the pointer (DELTA), accept or dismiss the one it
 * points at (one undo step each), switch between the journey and the selection. */
int cjm_editor_open_panel(cjm_editor *ed);
void cjm_editor_close_panel(cjm_editor *ed);
void cjm_editor_panel_free(cjm_editor *ed); /* what the panel holds, for cjm_editor_free */
void cjm_editor_panel_move(cjm_editor *ed, int delta);
int cjm_editor_panel_accept(cjm_editor *ed);
int cjm_editor_panel_dismiss(cjm_editor *ed);
void cjm_editor_panel_scope(cjm_editor *ed);
/* Makes the list again when the map changed since it was made (an undo or a redo):
 * an undone accept or dismissal is open again, and the pointer stays on its item. */
void cjm_editor_panel_sync(cjm_editor *ed);
/* True when touchpoint ID has a suggestion (the map's marker); the markers are
 * worked out again when the map has changed since. */
bool cjm_editor_has_suggestion(cjm_editor *ed, const char *id);
/* Works the markers out again now if the map changed (the main loop calls it when idle). */
void cjm_editor_refresh_markers(cjm_editor *ed);

/* Saves to PATH (NULL: the editor's path). Returns 0 or -1 with the message set.
 * When the editor's own file changed on disk since it was read (or saved), nothing is
 * written: the editor asks (CJM_ASK_DISK_CHANGED) whether to keep mine, write mine to
 * another file, or reload theirs. FORCE (:w!) writes without that check. */
int cjm_editor_save(cjm_editor *ed, const char *path);
int cjm_editor_save_anyway(cjm_editor *ed, const char *path);
/* The answer o: writes mine to NAME, which must not exist yet; the editor's own file is
 * left as it is on disk, and the edits stay unsaved there. */
void cjm_editor_write_mine_to(cjm_editor *ed, const char *name);
/* Reads the editor's file as it is on disk now, for a reload: the map, or NULL with the
 * message set (gone, unreadable, not a valid map). *STAMP and *COMMENTS describe it. */
cjm_map *cjm_editor_read_disk(cjm_editor *ed, cjm_file_stamp *stamp, size_t *comments);
/* Replaces the map with MAP (a participant's: the facilitator's newest), keeping the
 * selection's place where it can; the undo history goes, nothing is said. */
void cjm_editor_take_map(cjm_editor *ed, cjm_map *map);
/* Replaces the map with MAP (theirs, from cjm_editor_read_disk), as saved; the undo
 * history goes. KEPT: where the unsaved edits were kept (for the message), or NULL. */
void cjm_editor_replace_map(cjm_editor *ed, cjm_map *map, const cjm_file_stamp *stamp, size_t comments,
			    const char *kept);

#endif
