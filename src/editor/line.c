/* A one-line text editor for prompts and form fields: UTF-8 text and a cursor, no screen. */
#include "editor/line.h"

#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

static void line_reserve(cjm_line *line, size_t extra)
{
	xgrow((void **)&line->text, &line->cap, line->len + extra + 1, 1);
}

void cjm_line_set(cjm_line *line, const char *text)
{
	line->len = 0;
	line_reserve(line, strlen(text));
	memcpy(line->text, text, strlen(text) + 1);
	line->len = strlen(text);
	line->cursor = line->len;
}

void cjm_line_release(cjm_line *line)
{
	free(line->text);
	*line = (cjm_line){ 0 };
}

void cjm_line_insert(cjm_line *line, uint32_t cp)
{
	char bytes[4];
	size_t n;
	if (cp < 0x80) {
		bytes[0] = (char)cp, n = 1;
	} else if (cp < 0x800) {
		bytes[0] = (char)(0xC0 | cp >> 6), bytes[1] = (char)(0x80 | (cp & 0x3F)), n = 2;
	} else if (cp < 0x10000) {
		if (cp >= 0xD800 && cp <= 0xDFFF)
			return; /* a lone surrogate is not a character */
		bytes[0] = (char)(0xE0 | cp >> 12), bytes[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		bytes[2] = (char)(0x80 | (cp & 0x3F)), n = 3;
	} else if (cp <= 0x10FFFF) {
		bytes[0] = (char)(0xF0 | cp >> 18), bytes[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		bytes[2] = (char)(0x80 | ((cp >> 6) & 0x3F)), bytes[3] = (char)(0x80 | (cp & 0x3F)), n = 4;
	} else {
		return;
	}
	line_reserve(line, n);
	memmove(line->text + line->cursor + n, line->text + line->cursor, line->len - line->cursor + 1);
	memcpy(line->text + line->cursor, bytes, n);
	line->len += n;
	line->cursor += n;
}

/* The start of the character before byte offset AT. */
static size_t line_prev(const cjm_line *line, size_t at)
{
	while (at > 0 && ((unsigned char)line->text[--at] & 0xC0) == 0x80)
		;
	return at;
}

/* The start of the character after the one at AT. */
static size_t line_next(const cjm_line *line, size_t at)
{
	if (at >= line->len)
		return line->len;
	while (++at < line->len && ((unsigned char)line->text[at] & 0xC0) == 0x80)
		;
	return at;
}

static void line_cut(cjm_line *line, size_t from, size_t to)
{
	memmove(line->text + from, line->text + to, line->len - to + 1);
	line->len -= to - from;
	line->cursor = from;
}

void cjm_line_backspace(cjm_line *line)
{
	if (line->cursor > 0)
		line_cut(line, line_prev(line, line->cursor), line->cursor);
}

void cjm_line_delete(cjm_line *line)
{
	if (line->cursor < line->len)
		line_cut(line, line->cursor, line_next(line, line->cursor));
}

void cjm_line_left(cjm_line *line)
{
	line->cursor = line_prev(line, line->cursor);
}

void cjm_line_right(cjm_line *line)
{
	line->cursor = line_next(line, line->cursor);
}

void cjm_line_home(cjm_line *line)
{
	line->cursor = 0;
}

void cjm_line_end(cjm_line *line)
{
	line->cursor = line->len;
}

void cjm_line_kill_before(cjm_line *line)
{
	if (line->text)
		line_cut(line, 0, line->cursor);
}

/* The line-editing commands by the names the key tables give them. */
static const struct {
	const char *name;
	void (*run)(cjm_line *line);
} line_commands[] = {
	{ "left", cjm_line_left },
	{ "right", cjm_line_right },
	{ "home", cjm_line_home },
	{ "end", cjm_line_end },
	{ "backspace", cjm_line_backspace },
	{ "delete", cjm_line_delete },
	{ "kill-before", cjm_line_kill_before },
};

bool cjm_line_command(cjm_line *line, const char *what)
{
	for (size_t i = 0; i < sizeof line_commands / sizeof line_commands[0]; i++) {
		if (strcmp(line_commands[i].name, what) == 0) {
			line_commands[i].run(line);
			return true;
		}
	}
	return false;
}
