/* The editor's main loop: keys and a live session's messages in, commands run, one redraw per pass, recovery written behind. */
#include "tui/tui.h"

#include <curses.h>
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "editor/conflicts.h"
#include "editor/live.h"
#include "tui/form.h"
#include "tui/present.h"
#include "tui/screen.h"
#include "util/i18n.h"

/* Maps up to this size get their suggestion markers worked out when the editor is
 * idle; on bigger ones the patterns run only when the panel is opened (s). */
#define TUI_MARKERS_UP_TO 20000

/* Set by signal handlers, read by the loop; nothing else happens in a handler. */
static volatile sig_atomic_t tui_hangup;

static void tui_on_hangup(int sig)
{
	tui_hangup = sig;
}

static void tui_catch_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = tui_on_hangup;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	/* A write past the file size limit fails with EFBIG and is reported like a full
	 * disk, rather than killing the editor with everything typed since the last save. */
	signal(SIGXFSZ, SIG_IGN);
	/* SIGWINCH is ncurses' own: its handler sets a flag and get_wch returns KEY_RESIZE. */
}

/* Curses key codes to the editor's own, so the key table needs no curses. */
static int tui_translate_code(int key)
{
	switch (key) {
	case KEY_LEFT: return CJM_KEY_LEFT;
	case KEY_RIGHT: return CJM_KEY_RIGHT;
	case KEY_UP: return CJM_KEY_UP;
	case KEY_DOWN: return CJM_KEY_DOWN;
	case KEY_HOME: case KEY_FIND: return CJM_KEY_HOME; /* tmux and screen send Find and Select */
	case KEY_END: case KEY_SELECT: return CJM_KEY_END;
	case KEY_PPAGE: return CJM_KEY_PAGE_UP;
	case KEY_NPAGE: return CJM_KEY_PAGE_DOWN;
	case KEY_DC: return CJM_KEY_DELETE;
	case KEY_BACKSPACE: return CJM_KEY_BACKSPACE;
	case KEY_ENTER: return CJM_KEY_ENTER;
	case KEY_BTAB: return CJM_KEY_SHIFT_TAB;
	case KEY_F(2): return CJM_KEY_F2;
	default: return -1;
	}
}

/* Any key as the key tables name it: curses codes translated, Return as Enter and
 * both Backspace characters as Backspace. */
static int tui_translate(int key, bool is_code)
{
	if (is_code)
		return tui_translate_code(key);
	if (key == '\r')
		return CJM_KEY_ENTER;
	if (key == 127 || key == 8)
		return CJM_KEY_BACKSPACE;
	return key;
}

/* How long the loop waits for a key before its idle work (recovery, markers), in ms. */
#define TUI_IDLE_MS 500

/* The recovery file as the loop keeps it. */
typedef struct tui_autosave {
	cjm_recovery *recovery; /* NULL: none (read-only) */
	unsigned long live_written; /* the live session's generation last written beside it */
	bool live_on_disk;          /* a session state file we wrote (or restored from) is there */
	time_t live_last_try;
	int live_failure;           /* the last write's errno; 0: written */
	time_t last_try;        /* when the last write was started */
	bool on_disk;           /* a recovery file we wrote (or restored from) is there */
	pid_t writer;           /* a child writing it, or 0 */
	unsigned long writing;  /* the generation the child writes */
	int failure;            /* the last write's errno (-signal: the child was killed); 0: written */
} tui_autosave;

/* A child's exit status for a write that returned ERR (an errno; 255 for one that does not fit). */
static int tui_exit_status_of(int err)
{
	return err > 0 && err < 255 ? err : err ? 255 : 0;
}

/* What happened to a write of GENERATION: ERR 0 (written), an errno, or -signal. The
 * status line says so when writes start failing, change reason or work again; the
 * mark in the status line stays for as long as they fail. */
static void tui_write_done(cjm_editor *ed, tui_autosave *as, unsigned long generation, int err)
{
	if (err == 0) {
		ed->saved_to_recovery = generation;
		as->on_disk = true;
		if (as->failure)
			cjm_editor_say(ed, false, _("recovery file written again: %s"), cjm_recovery_path(as->recovery));
		as->failure = 0;
		ed->recovery_error = 0;
		return;
	}
	if (err != as->failure) {
		if (err < 0)
			cjm_editor_say(ed, true, _("recovery not written: its writer was killed (%s); retrying"),
				       strsignal(-err));
		else
			cjm_editor_say(ed, true, _("recovery not written: %s; retrying"), strerror(err));
	}
	as->failure = err;
	ed->recovery_error = err;
}

/* Takes the result of the child writing the recovery file once it has ended (WAIT:
 * waits for that). True while it is still at it. */
static bool tui_writer_busy(cjm_editor *ed, tui_autosave *as, bool wait)
{
	if (as->writer <= 0)
		return false;
	int status = 0;
	pid_t got;
	do
		got = waitpid(as->writer, &status, wait ? 0 : WNOHANG);
	while (got < 0 && errno == EINTR);
	if (got == 0)
		return true;
	as->writer = 0;
	int err;
	if (got < 0)
		err = errno; /* lost track of it: write again to be sure */
	else if (WIFEXITED(status))
		err = WEXITSTATUS(status) == 255 ? EIO : WEXITSTATUS(status);
	else
		err = WIFSIGNALED(status) ? -WTERMSIG(status) : EIO;
	tui_write_done(ed, as, as->writing, err);
	return false;
}

/* Writes the recovery file in a child process, so a big map never makes the
 * keys wait: the child has a copy of the map as it is now (copy-on-write), and
 * its exit status is the errno of a failed write, which the loop collects.
 * Where fork fails, or NOW (a hang-up: the process is about to end), it writes here. */
static void tui_write_recovery(cjm_editor *ed, tui_autosave *as, bool now)
{
	unsigned long generation = cjm_edit_generation(ed->edit);
	if (!now) {
		pid_t pid = fork();
		if (pid == 0)
			_exit(tui_exit_status_of(cjm_recovery_write(as->recovery, cjm_editor_map(ed))));
		if (pid > 0) {
			as->writer = pid;
			as->writing = generation;
			return;
		}
	}
	tui_writer_busy(ed, as, true);
	tui_write_done(ed, as, generation, cjm_recovery_write(as->recovery, cjm_editor_map(ed)));
}

/* Writes the recovery file when the map changed since the last write, at most once a
 * second (NOW: at once), and again every second while writes fail; removes it as soon
 * as everything is saved. Only a file this editor wrote (or restored from) is removed. */
static void tui_keep_recovery(cjm_editor *ed, tui_autosave *as, bool now)
{
	if (!as->recovery)
		return;
	bool busy = tui_writer_busy(ed, as, false);
	unsigned long generation = cjm_edit_generation(ed->edit);
	if (!cjm_edit_dirty(ed->edit)) {
		if (busy)
			tui_writer_busy(ed, as, true); /* a late write must not bring it back */
		if (as->on_disk)
			cjm_recovery_discard(as->recovery);
		as->on_disk = false;
		as->failure = 0;
		ed->recovery_error = 0; /* nothing unsaved: nothing to keep */
		ed->saved_to_recovery = generation;
		return;
	}
	time_t t = time(NULL);
	if (generation == ed->saved_to_recovery || (!now && (busy || t - as->last_try < 1)))
		return;
	as->last_try = t;
	tui_write_recovery(ed, as, now);
}

/* Keeps a hosted session's state (the open vote, the inbox) beside the recovery file
 * when it changed, at most once a second (NOW: at once); removes it when there is
 * nothing to keep. It is small: written here, not in a child. */
static void tui_keep_live(cjm_editor *ed, tui_autosave *as, bool now)
{
	if (!as->recovery || !cjm_editor_live_hosting(ed))
		return;
	unsigned long generation = cjm_editor_live_generation(ed);
	time_t t = time(NULL);
	if (generation == as->live_written || (!now && t - as->live_last_try < 1))
		return;
	as->live_last_try = t;
	strbuf state = { 0 };
	if (cjm_editor_live_state(ed, &state)) {
		int err = cjm_recovery_write_live(as->recovery, state.data, state.len);
		if (err == 0) {
			as->live_on_disk = true;
			as->live_written = generation;
		} else if (err != as->live_failure) {
			cjm_editor_say(ed, true, _("the session's state is not written: %s; retrying"), strerror(err));
		}
		as->live_failure = err;
	} else {
		if (as->live_on_disk)
			cjm_recovery_discard_live(as->recovery);
		as->live_on_disk = false;
		as->live_written = generation;
	}
	strbuf_release(&state);
}

/* Monotonic milliseconds. */
static long long tui_now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Waits up to MS for a key, serving a live session's connections meanwhile: 1 when a
 * key may be there (or a signal came, such as a resize), 0 when the time ran out or
 * only the session had something. */
static int tui_wait(cjm_editor *ed, int ms)
{
	struct pollfd fds[2 + CJM_LIVE_CONNECTIONS_MAX];
	fds[0] = (struct pollfd){ .fd = screen_input_fd(), .events = POLLIN };
	size_t count = 1;
	cjm_live_host *host = cjm_editor_live_host_of(ed);
	cjm_live_guest *guest = cjm_editor_live_guest_of(ed);
	if (host)
		count += cjm_live_host_pollfds(host, fds + 1, sizeof fds / sizeof *fds - 1);
	else if (guest && cjm_live_guest_pollfd(guest, &fds[1]))
		count++;
	int wait = cjm_editor_live_wait_ms(ed, tui_now_ms());
	if (wait >= 0 && wait < ms)
		ms = wait;
	int got = poll(fds, (nfds_t)count, ms);
	if (got < 0)
		return errno == EINTR ? 1 : 0;
	if (host && count > 1)
		cjm_live_host_serve(host, fds + 1, count - 1);
	else if (guest && count > 1)
		cjm_live_guest_serve(guest, &fds[1]);
	return fds[0].revents ? 1 : 0;
}

/* The answer r to "changed on disk": keeps mine in a numbered recovery file (written
 * first, so nothing typed is lost), then shows theirs. */
static void tui_reload_theirs(cjm_editor *ed, tui_autosave *as)
{
	ed->reload_wanted = false;
	cjm_file_stamp stamp;
	size_t comments = 0;
	cjm_map *theirs = cjm_editor_read_disk(ed, &stamp, &comments);
	if (!theirs)
		return;
	char *kept = NULL;
	if (cjm_edit_dirty(ed->edit)) {
		int err = EROFS;
		if (as->recovery) {
			tui_writer_busy(ed, as, true);
			err = cjm_recovery_write(as->recovery, cjm_editor_map(ed));
			if (err == 0)
				err = cjm_recovery_move_aside(as->recovery, &kept);
		}
		if (err) {
			cjm_map_free(theirs);
			cjm_editor_say(ed, true, _("not reloaded: your edits cannot be kept in a recovery file (%s); "
						   "o writes them to another file"),
				       as->recovery ? strerror(err) : _("there is none"));
			return;
		}
		as->on_disk = false; /* it is not ours to remove any more: it is the person's */
	}
	cjm_editor_replace_map(ed, theirs, &stamp, comments, kept);
	free(kept);
}

/* A key while a question waits for its answer: edits the answer line, as the
 * prompt's key table says; other characters type themselves. */
static void tui_prompt_key(cjm_editor *ed, cjm_line *prompt, int code)
{
	const char *what = cjm_mode_key_command(cjm_prompt_keys, code);
	if (!what) {
		if (CJM_KEY_TYPES(code))
			cjm_line_insert(prompt, (uint32_t)code);
		return;
	}
	if (strcmp(what, "accept") == 0)
		cjm_editor_answer(ed, prompt->text ? prompt->text : "");
	else if (strcmp(what, "cancel") == 0)
		cjm_editor_answer(ed, NULL);
	else
		cjm_line_command(prompt, what);
}

static void tui_mouse(cjm_editor *ed)
{
	MEVENT event;
	ed->sign = 0; /* a click ends a sign prefix as a key does */
	if (getmouse(&event) != OK)
		return;
	size_t column = screen_column_at(ed, event.x);
	if (column != (size_t)-1 && cjm_editor_select_column(ed, column))
		cjm_editor_clear_message(ed);
}

/* A key on the map itself, or on a participant's screen. */
static void tui_map_key(cjm_editor *ed, int key, bool is_code)
{
	if (is_code && key == KEY_MOUSE) {
		tui_mouse(ed);
		return;
	}
	if (is_code && key == KEY_RESIZE)
		return;
	int code = tui_translate(key, is_code);
	cjm_editor_clear_message(ed);
	/* a participant's screen has keys of its own (cjm_join_keys) */
	int done = code < 0 ? 1 : cjm_editor_live_joined(ed) ? cjm_editor_live_join_key(ed, code) : cjm_editor_key(ed, code);
	if (done == 1)
		cjm_editor_say(ed, true, _("that key does nothing here; ? shows every key"));
}

int tui_run(cjm_editor *ed, cjm_recovery *recovery, bool restored)
{
	tui_catch_signals();
	cjm_line prompt = { 0 };
	tui_form form = { 0 };
	bool form_open_now = false;
	/* a hosted session's state file is this session's (restored from, or stale): it goes
	 * as soon as there is nothing to keep */
	tui_autosave autosave = { .recovery = recovery, .on_disk = restored, .live_written = ULONG_MAX,
				  .live_on_disk = cjm_editor_live_hosting(ed) };
	int exit_code = 0;
	timeout(0); /* the loop waits in poll, with the session's sockets; get_wch never blocks */
	bool key_next = true;  /* a key may be waiting already (typed ahead, or after a key) */
	bool draw = true;
	unsigned long live_drawn = 0;
	while (!ed->quit) {
		if (tui_hangup) {
			tui_keep_recovery(ed, &autosave, true);
			tui_keep_live(ed, &autosave, true);
			cjm_editor_live_hang_up(ed);
			exit_code = 128 + (int)tui_hangup;
			break;
		}
		if (ed->overlay == CJM_OVERLAY_FORM && !form_open_now) {
			form_open(&form, ed);
			form_open_now = true;
		}
		if (ed->overlay == CJM_OVERLAY_SUGGESTIONS)
			cjm_editor_panel_sync(ed); /* after an undo or a redo, the list as the map is now */
		cjm_editor_conflicts_remind(ed);
		if (draw || cjm_editor_live_generation(ed) != live_drawn) {
			live_drawn = cjm_editor_live_generation(ed);
			screen_draw(ed, cjm_editor_question(ed) ? &prompt : NULL, form_open_now ? &form : NULL);
			draw = false;
		}
		if (!key_next && !tui_wait(ed, TUI_IDLE_MS)) {
			/* no key came: the session's news, then the idle work */
			cjm_editor_live_pump(ed, tui_now_ms(), true);
			tui_keep_recovery(ed, &autosave, false);
			tui_keep_live(ed, &autosave, false);
			if (cjm_map_touchpoint_count(cjm_editor_map(ed)) <= TUI_MARKERS_UP_TO)
				cjm_editor_refresh_markers(ed); /* when idle: never in the way of a key */
			draw = true; /* a message or a mark may have changed */
			continue;
		}
		wint_t ch;
		int got = get_wch(&ch);
		if (got == ERR) {
			key_next = false;
			continue;
		}
		key_next = true;
		draw = true;
		bool is_code = got == KEY_CODE_YES;
		int key = (int)ch;
		if (is_code && key == KEY_RESIZE)
			clearok(curscr, TRUE); /* the next draw repaints every cell, the new ones too */
		if (cjm_editor_question(ed) && cjm_editor_question_is_key(ed)) {
			if (!(is_code && key == KEY_RESIZE))
				cjm_editor_answer_key(ed, tui_translate(key, is_code));
		} else if (cjm_editor_question(ed)) {
			tui_prompt_key(ed, &prompt, tui_translate(key, is_code));
		} else if (form_open_now) {
			if (is_code && key == KEY_RESIZE)
				continue;
			if (form_key(&form, ed, tui_translate(key, is_code))) {
				form_close(&form);
				form_open_now = false;
				ed->overlay = CJM_OVERLAY_NONE;
			}
		} else if (screen_too_small()) {
			continue; /* nothing happens unseen: keys wait until the map can be drawn */
		} else if (ed->overlay == CJM_OVERLAY_TEXT) {
			cjm_editor_text_key(ed, tui_translate(key, is_code));
		} else if (ed->overlay == CJM_OVERLAY_DETAILS) {
			cjm_editor_details_key(ed, tui_translate(key, is_code));
		} else if (ed->presenting) {
			int code = tui_translate(key, is_code);
			if (code >= 0)
				present_key(ed, code);
		} else if (ed->overlay == CJM_OVERLAY_SUGGESTIONS) {
			if (!(is_code && key == KEY_RESIZE)) {
				cjm_editor_clear_message(ed);
				cjm_editor_panel_key(ed, tui_translate(key, is_code));
			}
		} else if (ed->overlay == CJM_OVERLAY_CONFLICTS) {
			if (!(is_code && key == KEY_RESIZE)) {
				cjm_editor_clear_message(ed);
				cjm_editor_conflicts_key(ed, tui_translate(key, is_code));
			}
		} else if (ed->overlay == CJM_OVERLAY_LIVE) {
			if (!(is_code && (key == KEY_RESIZE || key == KEY_MOUSE)))
				cjm_editor_live_panel_key(ed, tui_translate(key, is_code));
		} else {
			tui_map_key(ed, key, is_code);
		}
		if (ed->reload_wanted)
			tui_reload_theirs(ed, &autosave);
		if (cjm_editor_question(ed) && !cjm_editor_question_is_key(ed) && !prompt.text)
			cjm_line_set(&prompt, "");
		if ((!cjm_editor_question(ed) || cjm_editor_question_is_key(ed)) && prompt.text)
			cjm_line_release(&prompt);
		cjm_editor_live_pump(ed, tui_now_ms(), false);
		tui_keep_recovery(ed, &autosave, false);
		tui_keep_live(ed, &autosave, false);
	}
	if (form_open_now)
		form_close(&form);
	cjm_line_release(&prompt);
	tui_writer_busy(ed, &autosave, true);
	if (ed->quit && recovery && autosave.on_disk)
		cjm_recovery_discard(recovery); /* saved, or thrown away on purpose with :q! */
	if (ed->quit && recovery && autosave.live_on_disk)
		cjm_recovery_discard_live(recovery); /* the session ends with the editor */
	return exit_code;
}

bool tui_start(void)
{
	return screen_start();
}

void tui_stop(void)
{
	screen_stop();
}

const char *tui_ask(const char *question, const cjm_mode_key *keys, const char *answers)
{
	timeout(-1);
	if (!keys) {
		screen_ask(question, answers);
		return "";
	}
	strbuf text = { 0 }, keys_taken = { 0 };
	strbuf_puts(&text, question);
	for (const cjm_mode_key *k = keys; k->key; k++) {
		strbuf_printf(&text, "\n  %s  %s", k->key_name, _(k->help));
		strbuf_putc(&keys_taken, (char)k->key);
	}
	int key = screen_ask(text.data, keys_taken.data);
	strbuf_release(&text);
	strbuf_release(&keys_taken);
	return cjm_mode_key_command(keys, key);
}
