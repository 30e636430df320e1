/* A one-line text editor for prompts and form fields: UTF-8 text and a cursor, no screen. */
#ifndef CJM_LINE_H
#define CJM_LINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct cjm_line {
	char *text;    /* UTF-8, NUL-terminated */
	size_t len;    /* bytes */
	size_t cap;
	size_t cursor; /* a byte offset on a character boundary */
} cjm_line;

void cjm_line_set(cjm_line *line, const char *text); /* cursor at the end */
void cjm_line_release(cjm_line *line);
void cjm_line_insert(cjm_line *line, uint32_t cp);
void cjm_line_backspace(cjm_line *line);
void cjm_line_delete(cjm_line *line);
void cjm_line_left(cjm_line *line);
void cjm_line_right(cjm_line *line);
void cjm_line_home(cjm_line *line);
void cjm_line_end(cjm_line *line);
/* Ctrl-U: deletes everything before the cursor. */
void cjm_line_kill_before(cjm_line *line);
/* Runs the line-editing command WHAT as the key tables name it (left, right, home,
 * end, backspace, delete, kill-before); false when WHAT is none of them. */
bool cjm_line_command(cjm_line *line, const char *what);

#endif
