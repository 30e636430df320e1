/* The editor's main loop: keys in, commands run, one redraw per pass, recovery written behind. */
#ifndef CJM_TUI_H
#define CJM_TUI_H

#include "editor/editor.h"
#include "io/recover.h"

/* Runs the editor until it quits; RECOVERY (may be NULL) gets the unsaved edits
 * a second after each change, and on SIGHUP/SIGTERM. RESTORED: the map came from
 * the recovery file, which goes once the edits are saved. Returns the exit code. */
int tui_run(cjm_editor *ed, cjm_recovery *recovery, bool restored);

/* Starts the terminal for the editor (false when it cannot), and gives it back as
 * it was (safe to call twice). */
bool tui_start(void);
void tui_stop(void);

/* Asks a one-letter question on a started screen (tui_start): QUESTION, then a line
 * "  KEY  HELP" for each of KEYS (NULL: only QUESTION, whose text names ANSWERS, the
 * keys it takes). Returns the command of the key pressed; with KEYS NULL, "". */
const char *tui_ask(const char *question, const cjm_mode_key *keys, const char *answers);

#endif
