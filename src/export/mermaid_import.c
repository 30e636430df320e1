/* Import a Mermaid journey diagram (alone, or the first journey in a Markdown file) as a map. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "export/export.h"
#include "export/mermaid.h"
#include "model/ids.h"
#include "util/i18n.h"
#include "util/strset.h"
#include "util/utf8.h"
#include "util/xalloc.h"

/*
 * The reading follows Mermaid's journey grammar (journey.jison) line by line:
 * `journey`, then `title TEXT`, `section NAME`, `TASK: SCORE[: ACTOR, ...]`,
 * `accTitle: ...`, `accDescr: ...` and `accDescr { ... }` (skipped), comments
 * (`%% ...` lines; `#` where it does not start an entity code), blank lines,
 * and YAML front matter with a `title:`. Entity codes (`#58;`, `#quot;`) are
 * decoded, so what cjm export wrote comes back byte for byte; a `%% cjm:` note
 * line restores what a score cannot say (see mermaid.c). Where Mermaid would
 * fail or silently drop text, this is an error at the line and column.
 */

#define IMPORT_FIRST_PHASE_NAME "Journey" /* for tasks before any section */
#define IMPORT_QUOTE_MAX 40               /* bytes of the input quoted in a message */

/* The column last asked for, so that columns asked for left to right on a line
 * cost one pass over it, not one pass each (a line of many entity codes). */
typedef struct import_col_mark {
	const char *s; /* the line it is on */
	size_t at;
	int col;
} import_col_mark;

/* One line of the input, without its line break. */
typedef struct import_line {
	const char *s;
	size_t len;
	int number;            /* 1-based */
	import_col_mark *mark; /* shared by all the lines */
} import_line;

/* A `%% cjm:` note waiting for the task after it. */
typedef struct import_note {
	bool pending;
	int line, col;
	bool unscored;
	bool has_emotion;
	int emotion;
	bool actor_is_channel;
} import_note;

typedef struct importer {
	diag_list *diags;
	size_t errors_before;
	cjm_map *map;
	strset *ids;       /* every id in MAP (borrowed from it) */
	cjm_id_maker *id_maker; /* the next suffix per base id, for same-named tasks */
	cjm_phase *phase;  /* the section tasks go to; NULL before the first */
	char *title;       /* from a title line or the front matter */
	bool saw_journey;
	bool in_acc_descr; /* inside accDescr { ... } */
	import_note note;
} importer;

/* ---- characters ---- */

/* The column (1-based, in characters) of byte AT of line LINE. */
static int import_col(const import_line *line, size_t at)
{
	import_col_mark *mark = line->mark;
	if (at > line->len)
		at = line->len;
	if (mark->s != line->s || mark->at > at)
		*mark = (import_col_mark){ line->s, 0, 1 };
	for (size_t i = mark->at; i < at; i++)
		if (((unsigned char)line->s[i] & 0xC0) != 0x80)
			mark->col++;
	mark->at = at;
	return mark->col;
}

/* What is wrong with the character CP in a map (the loader's rule, utf8_forbidden), or NULL. */
static const char *import_bad_char(uint32_t cp)
{
	if (cp == 0)
		return "NUL byte: this is binary data, not a Mermaid journey";
	return utf8_forbidden(cp);
}

/* The length of the white space (as Mermaid trims it) at S[AT..LEN), in bytes. */
static size_t import_space_len(const char *s, size_t at, size_t len)
{
	size_t i = at;
	while (i < len) {
		uint32_t cp;
		size_t n = utf8_decode((const unsigned char *)s + i, len - i, &cp);
		if (n == 0 || !cjm_mermaid_is_space(cp))
			break;
		i += n;
	}
	return i - at;
}

/* Trims Mermaid's white space off both ends of [*FROM, *TO) of S. */
static void import_trim(const char *s, size_t *from, size_t *to)
{
	*from += import_space_len(s, *from, *to);
	size_t end = *from, i = *from;
	while (i < *to) {
		size_t n = import_space_len(s, i, *to);
		if (n) {
			i += n;
			continue;
		}
		uint32_t cp;
		size_t len = utf8_decode((const unsigned char *)s + i, *to - i, &cp);
		i += len ? len : 1;
		end = i;
	}
	*to = end;
}

/* The length of the entity code ("#58;", "#quot;": '#', word characters, ';')
 * at S[AT..LEN), or 0: Mermaid's /#\w+;/. */
static size_t import_entity_len(const char *s, size_t at, size_t len)
{
	if (at >= len || s[at] != '#')
		return 0;
	size_t i = at + 1;
	while (i < len && (s[i] == '_' || (s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'z') ||
			   (s[i] >= 'A' && s[i] <= 'Z')))
		i++;
	return i > at + 1 && i < len && s[i] == ';' ? i + 1 - at : 0;
}

/* The end of the statement in S[AT..LEN): where a '#' that is not an entity code starts a comment. */
static size_t import_statement_end(const char *s, size_t at, size_t len)
{
	for (size_t i = at; i < len; i++) {
		if (s[i] != '#')
			continue;
		size_t n = import_entity_len(s, i, len);
		if (n == 0)
			return i;
		i += n - 1;
	}
	return len;
}

/* The first byte in S[AT..END) equal to C outside entity codes, or END. */
static size_t import_find(const char *s, size_t at, size_t end, char c)
{
	for (size_t i = at; i < end; i++) {
		if (s[i] == c)
			return i;
		size_t n = import_entity_len(s, i, end);
		if (n)
			i += n - 1;
	}
	return end;
}

/* The named entity codes decoded; any other name is kept as written. */
static const struct {
	const char *name;
	const char *text;
} import_named[] = {
	{ "amp", "&" }, { "lt", "<" }, { "gt", ">" }, { "quot", "\"" }, { "apos", "'" },
	{ "nbsp", "\xC2\xA0" }, { "num", "#" }, { "colon", ":" }, { "semi", ";" }, { "comma", "," },
	{ "percnt", "%" },
};

/* Appends the UTF-8 encoding of CP. */
static void import_put_cp(strbuf *out, uint32_t cp)
{
	char b[4];
	size_t n;
	if (cp < 0x80) {
		b[0] = (char)cp, n = 1;
	} else if (cp < 0x800) {
		b[0] = (char)(0xC0 | (cp >> 6)), b[1] = (char)(0x80 | (cp & 0x3F)), n = 2;
	} else if (cp < 0x10000) {
		b[0] = (char)(0xE0 | (cp >> 12)), b[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		b[2] = (char)(0x80 | (cp & 0x3F)), n = 3;
	} else {
		b[0] = (char)(0xF0 | (cp >> 18)), b[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		b[2] = (char)(0x80 | ((cp >> 6) & 0x3F)), b[3] = (char)(0x80 | (cp & 0x3F)), n = 4;
	}
	strbuf_add(out, b, n);
}

/* Appends the entity code S[0..LEN) ('#' to ';') decoded. False, with an error
 * at LINE:COL, when it names a character a map cannot hold. */
static bool import_put_entity(importer *im, strbuf *out, const char *s, size_t len, int line, int col)
{
	const char *name = s + 1;
	size_t name_len = len - 2;
	if (strspn(name, "0123456789") >= name_len) {
		uint32_t cp = 0;
		for (size_t i = 0; i < name_len && cp <= 0x10FFFF; i++)
			cp = cp * 10 + (uint32_t)(name[i] - '0');
		if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) || import_bad_char(cp)) {
			diag_error(im->diags, line, col, _("'%.*s' is not a character a map can hold"), (int)len, s);
			return false;
		}
		import_put_cp(out, cp);
		return true;
	}
	for (size_t i = 0; i < sizeof import_named / sizeof *import_named; i++) {
		if (strlen(import_named[i].name) == name_len && memcmp(import_named[i].name, name, name_len) == 0) {
			strbuf_puts(out, import_named[i].text);
			return true;
		}
	}
	strbuf_add(out, s, len);
	return true;
}

/* Sets OUT to the text at [FROM, TO) of LINE, trimmed and with its entity codes
 * decoded. False (with an error) when it holds a character a map cannot. */
static bool import_text(importer *im, const import_line *line, size_t from, size_t to, strbuf *out)
{
	strbuf_reset(out);
	strbuf_puts(out, "");
	import_trim(line->s, &from, &to);
	for (size_t i = from; i < to; i++) {
		size_t n = import_entity_len(line->s, i, to);
		if (n == 0) {
			strbuf_putc(out, line->s[i]);
			continue;
		}
		if (!import_put_entity(im, out, line->s + i, n, line->number, import_col(line, i)))
			return false;
		i += n - 1;
	}
	return true;
}

/* Appends to OUT at most IMPORT_QUOTE_MAX bytes of S[0..LEN), cut between characters. */
static void import_quote(strbuf *out, const char *s, size_t len)
{
	size_t n = len;
	if (n > IMPORT_QUOTE_MAX) {
		n = IMPORT_QUOTE_MAX;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	}
	strbuf_add(out, s, n);
	if (n < len)
		strbuf_puts(out, "...");
}

/* Reports "PROBLEM, found 'TEXT'" about the text S[0..LEN) at byte AT of LINE. */
static void import_error_found(importer *im, const import_line *line, size_t at, const char *problem,
			       const char *s, size_t len)
{
	strbuf quoted = { 0 };
	strbuf_puts(&quoted, "");
	import_quote(&quoted, s, len);
	/* TRANSLATORS: %1$s says what was expected, %2$s is the text found. */
	diag_error(im->diags, line->number, import_col(line, at), _("%s, found '%s'"), problem, quoted.data);
	strbuf_release(&quoted);
}

/* True when S[AT..LEN) starts with WORD in any case; *AFTER set past it. */
static bool import_keyword(const char *s, size_t at, size_t len, const char *word, size_t *after)
{
	size_t n = strlen(word);
	if (at > len || len - at < n || strncasecmp(s + at, word, n) != 0)
		return false;
	*after = at + n;
	return true;
}

/* ---- the map ---- */

static cjm_phase *import_add_phase(importer *im, const char *name)
{
	char *id = cjm_id_maker_unique(im->id_maker, im->ids, name);
	cjm_phase *phase = cjm_phase_new(id, name);
	free(id);
	strset_add(im->ids, phase->id);
	cjm_map_insert_phase(im->map, im->map->phase_count, phase);
	return phase;
}

/* ---- notes ---- */

static void import_note_unused(importer *im)
{
	if (im->note.pending)
		diag_warning(im->diags, im->note.line, im->note.col, _("this cjm note is not followed by a task; ignored"));
	im->note.pending = false;
}

/* True when the note word S[0..LEN) is "emotion=N" with N from -3 to +3; sets *EMOTION. */
static bool import_note_emotion(const char *s, size_t len, int *emotion)
{
	static const char key[] = "emotion=";
	size_t k = sizeof key - 1;
	if (len < k + 1 || len > k + 2 || memcmp(s, key, k) != 0)
		return false;
	int sign = 1;
	if (len == k + 2) {
		if (s[k] != '+' && s[k] != '-')
			return false;
		sign = s[k] == '-' ? -1 : 1;
	}
	char digit = s[len - 1];
	if (digit < '0' || digit > '0' + CJM_EMOTION_MAX)
		return false;
	*emotion = sign * (digit - '0');
	return true;
}

/* Reads the words of a `%% cjm:` note, S[AT..LEN) of LINE. */
static void import_note_read(importer *im, const import_line *line, size_t at)
{
	import_note_unused(im);
	im->note = (import_note){ .pending = true, .line = line->number, .col = import_col(line, at) };
	const char *s = line->s;
	size_t i = at;
	while (i < line->len) {
		i += import_space_len(s, i, line->len);
		size_t start = i;
		while (i < line->len && s[i] != ' ' && s[i] != '\t')
			i++;
		size_t n = i - start;
		if (n == 0)
			break;
		if (n == 8 && memcmp(s + start, "unscored", 8) == 0) {
			im->note.unscored = true;
		} else if (n == 13 && memcmp(s + start, "actor=channel", 13) == 0) {
			im->note.actor_is_channel = true;
		} else if (import_note_emotion(s + start, n, &im->note.emotion)) {
			im->note.has_emotion = true;
		} else {
			strbuf word = { 0 };
			strbuf_add(&word, s + start, n);
			diag_warning(im->diags, line->number, import_col(line, start), _("unknown cjm note '%s'; ignored"),
				     word.data);
			strbuf_release(&word);
		}
	}
}

/* The emotion of a task scored SCORE, after the note before it; sets *SCORED. */
static int import_emotion(importer *im, int score, bool *scored)
{
	import_note *note = &im->note;
	*scored = true;
	int emotion = cjm_mermaid_emotion(score);
	if (!note->pending)
		return emotion;
	if (note->unscored) {
		if (score == CJM_MERMAID_SCORE_UNSCORED)
			*scored = false;
		else
			diag_warning(im->diags, note->line, note->col,
				     _("the note says 'unscored' but the score is %d: the score is kept"), score);
	} else if (note->has_emotion) {
		if (cjm_mermaid_score(note->emotion) == score)
			emotion = note->emotion;
		else
			diag_warning(im->diags, note->line, note->col,
				     _("the note says emotion %+d but the score is %d: the score is kept (emotion %+d)"),
				     note->emotion, score, emotion);
	}
	return emotion;
}

/* ---- statements ---- */

/* `title TEXT`: the text at [FROM, END) of LINE. */
static void import_title(importer *im, const import_line *line, size_t from, size_t end)
{
	strbuf text = { 0 };
	if (import_text(im, line, from, end, &text)) {
		if (cjm_text_is_blank(text.data)) {
			diag_error(im->diags, line->number, import_col(line, from), _("the title is empty"));
		} else {
			free(im->title);
			im->title = xstrdup(text.data);
		}
	}
	strbuf_release(&text);
}

/* `section NAME`: the name at [FROM, END) of LINE. */
static void import_section(importer *im, const import_line *line, size_t from, size_t end)
{
	size_t colon = import_find(line->s, from, end, ':');
	if (colon < end) {
		diag_error(im->diags, line->number, import_col(line, colon),
			   _("a section name cannot hold ':' (write #58; for a colon)"));
		return;
	}
	strbuf name = { 0 };
	if (import_text(im, line, from, end, &name)) {
		if (cjm_text_is_blank(name.data))
			diag_error(im->diags, line->number, import_col(line, from), _("the section has no name"));
		else
			im->phase = import_add_phase(im, name.data);
	}
	strbuf_release(&name);
}

/* The score at [FROM, TO) of LINE (1..5), or 0 after an error. */
static int import_score(importer *im, const import_line *line, size_t from, size_t to)
{
	size_t at = from;
	import_trim(line->s, &from, &to);
	size_t len = to - from;
	const char *s = line->s + from;
	if (len == 1 && s[0] >= '0' + CJM_MERMAID_SCORE_MIN && s[0] <= '0' + CJM_MERMAID_SCORE_MAX)
		return s[0] - '0';
	if (len == 0)
		diag_error(im->diags, line->number, import_col(line, at),
			   _("expected 'TASK: SCORE' with a score from 1 to 5, found no score"));
	else
		import_error_found(im, line, from, _("expected 'TASK: SCORE' with a score from 1 to 5"), s, len);
	return 0;
}

/* The actors at [FROM, END) of LINE, decoded, into LIST. False after an error. */
static bool import_actors(importer *im, const import_line *line, size_t from, size_t end, cjm_strlist *list)
{
	strbuf actor = { 0 };
	bool ok = true;
	while (ok && from <= end) {
		size_t comma = import_find(line->s, from, end, ',');
		ok = import_text(im, line, from, comma, &actor);
		if (ok && actor.len > 0)
			cjm_strlist_push(list, actor.data);
		from = comma + 1;
	}
	strbuf_release(&actor);
	return ok;
}

/* `TASK: SCORE[: ACTOR, ...]` at [FROM, END) of LINE. */
static void import_task(importer *im, const import_line *line, size_t from, size_t end)
{
	const char *s = line->s;
	size_t colon = import_find(s, from, end, ':');
	if (colon == end) {
		size_t name_from = from, name_to = end;
		import_trim(s, &name_from, &name_to);
		diag_error(im->diags, line->number, import_col(line, name_to),
			   _("expected 'TASK: SCORE' with a score from 1 to 5"));
		im->note.pending = false;
		return;
	}
	size_t colon2 = import_find(s, colon + 1, end, ':');
	size_t colon3 = colon2 < end ? import_find(s, colon2 + 1, end, ':') : end;
	if (colon3 < end) {
		diag_error(im->diags, line->number, import_col(line, colon3),
			   _("a task has at most two ':' (TASK: SCORE: ACTORS); write #58; for a colon in a name"));
		im->note.pending = false;
		return;
	}
	strbuf name = { 0 };
	cjm_strlist actors = { 0 };
	int score = import_score(im, line, colon + 1, colon2);
	bool ok = import_text(im, line, from, colon, &name);
	if (ok && cjm_text_is_blank(name.data)) {
		diag_error(im->diags, line->number, import_col(line, from), _("the task has no name"));
		ok = false;
	}
	if (colon2 < end)
		ok = import_actors(im, line, colon2 + 1, end, &actors) && ok;
	if (ok && score) {
		if (!im->phase)
			im->phase = import_add_phase(im, IMPORT_FIRST_PHASE_NAME);
		char *id = cjm_id_maker_unique(im->id_maker, im->ids, name.data);
		cjm_touchpoint *tp = cjm_touchpoint_new(id, name.data);
		free(id);
		strset_add(im->ids, tp->id);
		tp->emotion = import_emotion(im, score, &tp->has_emotion);
		if (actors.len > 0) {
			if (im->note.pending && im->note.actor_is_channel)
				tp->channel = xstrdup(actors.items[0]);
			else
				tp->owner = xstrdup(actors.items[0]);
		}
		if (actors.len > 1) {
			strbuf notes = { 0 };
			strbuf_puts(&notes, "Mermaid actors: ");
			for (size_t i = 0; i < actors.len; i++)
				strbuf_printf(&notes, "%s%s", i ? ", " : "", actors.items[i]);
			tp->notes = notes.data;
		}
		cjm_phase_insert_touchpoint(im->phase, im->phase->touchpoint_count, tp);
	}
	im->note.pending = false;
	cjm_strlist_clear(&actors);
	free(actors.items);
	strbuf_release(&name);
}

/* A statement after `journey` at [AT, LINE's end): AT is past the indentation. */
static void import_statement(importer *im, const import_line *line, size_t at)
{
	const char *s = line->s;
	size_t len = line->len, after;
	bool acc_title = import_keyword(s, at, len, "acctitle", &after);
	if (acc_title || import_keyword(s, at, len, "accdescr", &after)) {
		size_t i = after + import_space_len(s, after, len);
		if (i < len && s[i] == ':')
			return; /* a one-line accessible title or description: not part of the map */
		if (!acc_title && i < len && s[i] == '{') {
			im->in_acc_descr = memchr(s + i, '}', len - i) == NULL;
			return;
		}
	}
	size_t end = import_statement_end(s, at, len);
	size_t semicolon = import_find(s, at, end, ';');
	if (semicolon < end) {
		diag_error(im->diags, line->number, import_col(line, semicolon),
			   _("Mermaid does not allow ';' here (write #59; for a semicolon)"));
		im->note.pending = false;
		return;
	}
	if (import_keyword(s, at, end, "journey", &after)) {
		diag_error(im->diags, line->number, import_col(line, at),
			   _("'journey' starts a diagram and may not come again (write a task that starts with it "
			     "as #%u;%.*s)"), (unsigned)(unsigned char)s[at], (int)(after - at - 1), s + at + 1);
		im->note.pending = false;
		return;
	}
	/* title or section, then white space and the text; a keyword alone has lost its text */
	size_t trimmed_from = at, trimmed_to = end, keyword_end = 0;
	import_trim(s, &trimmed_from, &trimmed_to);
	bool is_title = import_keyword(s, at, end, "title", &keyword_end);
	bool is_section = !is_title && import_keyword(s, at, end, "section", &keyword_end);
	if ((is_title || is_section) &&
	    (keyword_end == trimmed_to || import_space_len(s, keyword_end, end) > 0)) {
		import_note_unused(im);
		size_t text_from = keyword_end + import_space_len(s, keyword_end, end);
		if (is_title)
			import_title(im, line, text_from, end);
		else
			import_section(im, line, text_from, end);
	} else {
		import_task(im, line, at, end);
	}
}

/* ---- lines and regions ---- */

/* Splits TEXT into lines (LF, CRLF or CR end one), sharing MARK; *COUNT set to their number. */
static import_line *import_split(const char *text, size_t len, import_col_mark *mark, size_t *count)
{
	size_t cap = 16, n = 0;
	import_line *lines = xmalloc(cap * sizeof *lines);
	size_t start = len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	for (size_t i = start; i <= len; i++) {
		if (i < len && text[i] != '\n' && text[i] != '\r')
			continue;
		if (i == len && i == start && n > 0)
			break; /* no empty line after a final line break */
		xgrow((void **)&lines, &cap, n + 1, sizeof *lines);
		lines[n] = (import_line){ text + start, i - start, (int)n + 1, mark };
		n++;
		if (i + 1 < len && text[i] == '\r' && text[i + 1] == '\n')
			i++;
		start = i + 1;
	}
	*count = n;
	return lines;
}

/* Checks TEXT is UTF-8 without characters a map cannot hold; reports the first problem. */
static bool import_check_bytes(const import_line *lines, size_t count, diag_list *diags)
{
	for (size_t l = 0; l < count; l++) {
		const unsigned char *s = (const unsigned char *)lines[l].s;
		for (size_t i = 0; i < lines[l].len;) {
			uint32_t cp;
			size_t n = utf8_decode(s + i, lines[l].len - i, &cp);
			const char *bad = n == 0 ? "invalid UTF-8 (byte 0x%02X); the text must be UTF-8" : import_bad_char(cp);
			if (bad) {
				diag_error(diags, lines[l].number, import_col(&lines[l], i), bad, n == 0 ? s[i] : cp);
				return false;
			}
			i += n;
		}
	}
	return true;
}

/* The length of the fence (``` or ~~~, 3 or more, indented up to 3 spaces) LINE
 * starts with, or 0; *CHAR set to its character, *INFO to where its info string starts. */
static size_t import_fence(const import_line *line, char *fence_char, size_t *info)
{
	size_t i = 0;
	while (i < 3 && i < line->len && line->s[i] == ' ')
		i++;
	if (i >= line->len || (line->s[i] != '`' && line->s[i] != '~'))
		return 0;
	size_t start = i;
	while (i < line->len && line->s[i] == line->s[start])
		i++;
	if (i - start < 3)
		return 0;
	*fence_char = line->s[start];
	*info = i;
	return i - start;
}

/* True when the fence opening LINE (info string at INFO) says mermaid. */
static bool import_fence_is_mermaid(const import_line *line, size_t info)
{
	size_t i = info + import_space_len(line->s, info, line->len), after;
	return import_keyword(line->s, i, line->len, "mermaid", &after) &&
	       (after == line->len || line->s[after] == ' ' || line->s[after] == '\t' || line->s[after] == '{');
}

/* True when LINE closes a fence of LEN characters FENCE_CHAR. */
static bool import_fence_closes(const import_line *line, char fence_char, size_t len)
{
	char c;
	size_t info;
	size_t n = import_fence(line, &c, &info);
	return n >= len && c == fence_char && info + import_space_len(line->s, info, line->len) == line->len;
}

/* True when LINE is blank or a %% comment. */
static bool import_is_quiet(const import_line *line)
{
	size_t i = import_space_len(line->s, 0, line->len);
	return i == line->len || (line->len - i >= 2 && line->s[i] == '%' && line->s[i + 1] == '%');
}

/* True when LINE is the front matter's '---'. */
static bool import_is_dashes(const import_line *line)
{
	return line->len >= 3 && memcmp(line->s, "---", 3) == 0 && import_space_len(line->s, 3, line->len) == line->len - 3;
}

/* True when the first statement in LINES[FROM..TO) (past comments and front matter) is `journey`. */
static bool import_region_is_journey(const import_line *lines, size_t from, size_t to)
{
	size_t i = from;
	if (i < to && import_is_dashes(&lines[i])) {
		for (i++; i < to && !import_is_dashes(&lines[i]); i++)
			;
		i += i < to;
	}
	while (i < to && import_is_quiet(&lines[i]))
		i++;
	size_t after;
	return i < to && import_keyword(lines[i].s, import_space_len(lines[i].s, 0, lines[i].len), lines[i].len,
					 "journey", &after);
}

/* Chooses the lines to read: the first ```mermaid block holding a journey, when
 * TEXT has mermaid blocks; else all of it. False, with an error, when it has
 * mermaid blocks but none is a journey. */
static bool import_region(const import_line *lines, size_t count, size_t *from, size_t *to, diag_list *diags)
{
	int first_block = 0;
	for (size_t i = 0; i < count; i++) {
		char c;
		size_t info, n = import_fence(&lines[i], &c, &info);
		if (n == 0)
			continue;
		size_t end = i + 1;
		while (end < count && !import_fence_closes(&lines[end], c, n))
			end++;
		if (import_fence_is_mermaid(&lines[i], info)) {
			if (import_region_is_journey(lines, i + 1, end)) {
				*from = i + 1;
				*to = end;
				return true;
			}
			if (!first_block)
				first_block = lines[i].number;
		}
		i = end;
	}
	if (first_block) {
		diag_error(diags, first_block, 1, _("this mermaid block is not a journey, and no other one is"));
		return false;
	}
	*from = 0;
	*to = count;
	return true;
}

/* The front matter at LINES[*AT..TO) when it starts there: its title: is kept; *AT moves past it. */
static void import_front_matter(importer *im, const import_line *lines, size_t *at, size_t to)
{
	if (*at >= to || !import_is_dashes(&lines[*at]))
		return;
	size_t i = *at + 1;
	for (; i < to && !import_is_dashes(&lines[i]); i++) {
		const import_line *line = &lines[i];
		if (line->len < 6 || memcmp(line->s, "title:", 6) != 0)
			continue;
		size_t from = 6, end = line->len;
		import_trim(line->s, &from, &end);
		if (end - from >= 2 && (line->s[from] == '"' || line->s[from] == '\'') && line->s[end - 1] == line->s[from])
			from++, end--;
		strbuf title = { 0 };
		if (import_text(im, line, from, end, &title) && !cjm_text_is_blank(title.data)) {
			free(im->title);
			im->title = xstrdup(title.data);
		}
		strbuf_release(&title);
	}
	if (i == to) {
		diag_error(im->diags, lines[*at].number, 1, _("the front matter that starts here has no closing '---'"));
		*at = to;
		return;
	}
	*at = i + 1;
}

/* One line of the diagram. */
static void import_line_read(importer *im, const import_line *line)
{
	const char *s = line->s;
	size_t at = import_space_len(s, 0, line->len), after;
	if (im->in_acc_descr) {
		im->in_acc_descr = memchr(s, '}', line->len) == NULL;
		return;
	}
	if (at == line->len)
		return;
	if (line->len - at >= 2 && s[at] == '%' && s[at + 1] == '%') {
		size_t i = at + 2 + import_space_len(s, at + 2, line->len);
		if (line->len - i >= 4 && memcmp(s + i, "cjm:", 4) == 0)
			import_note_read(im, line, i + 4);
		return;
	}
	if (im->saw_journey) {
		import_statement(im, line, at);
		return;
	}
	if (!import_keyword(s, at, line->len, "journey", &after) ||
	    (after < line->len && import_space_len(s, after, line->len) == 0)) {
		import_error_found(im, line, at, _("not a Mermaid journey: expected 'journey' first"), s + at,
				   line->len - at);
		return;
	}
	im->saw_journey = true;
	after += import_space_len(s, after, line->len);
	bool comment = line->len - after >= 2 && s[after] == '%' && s[after + 1] == '%';
	if (after < line->len && !comment)
		import_statement(im, line, after);
}

cjm_map *cjm_import_mermaid(const char *text, size_t len, const char *title, diag_list *diags)
{
	size_t count = 0, from = 0, to = 0;
	import_col_mark mark = { 0 };
	import_line *lines = import_split(text, len, &mark, &count);
	if (!import_check_bytes(lines, count, diags) || !import_region(lines, count, &from, &to, diags)) {
		free(lines);
		return NULL;
	}
	importer im = { .diags = diags, .errors_before = diags->errors };
	im.map = cjm_map_new("");
	im.ids = strset_new(64);
	im.id_maker = cjm_id_maker_new();
	import_front_matter(&im, lines, &from, to);
	for (size_t i = from; i < to && !diag_full(diags); i++) {
		import_line_read(&im, &lines[i]);
		if (!im.saw_journey && diags->errors > im.errors_before)
			break; /* not a journey: one message is enough */
	}
	import_note_unused(&im);
	if (!im.saw_journey && diags->errors == im.errors_before)
		diag_error(diags, 0, 0, _("no Mermaid journey found: expected a line 'journey'"));
	if (im.in_acc_descr)
		diag_error(diags, 0, 0, _("an accDescr { ... } is not closed with '}'"));
	free(im.map->title);
	im.map->title = xstrdup(im.title ? im.title : title && !cjm_text_is_blank(title) ? title : "Imported journey");
	free(im.title);
	strset_free(im.ids);
	cjm_id_maker_free(im.id_maker);
	free(lines);
	if (diags->errors > im.errors_before) {
		cjm_map_free(im.map);
		return NULL;
	}
	return im.map;
}
