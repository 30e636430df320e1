/* Reading a map file with libyaml into the model, with every problem as FILE:LINE:COL. */
#include "io/load.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

#include "model/field.h"
#include "model/ids.h"
#include "util/i18n.h"
#include "util/lang.h"
#include "util/number.h"
#include "util/strbuf.h"
#include "util/strset.h"
#include "util/utf8.h"
#include "util/value.h"
#include "util/xalloc.h"

/* A '#' that starts a comment unless it lies inside a scalar. */
typedef struct load_hash {
	size_t index; /* in characters, as libyaml counts (mark.index) */
	size_t byte;  /* in bytes, to find its line and column when needed */
} load_hash;

/* At most this many candidates wait for the parser to tell comments from text;
 * when more wait (a long comment, a long scalar), the rest are found again after
 * parsing and told apart by the scalars' spans: the memory stays bounded. */
#define LOAD_HASHES_WAITING_MAX 4096

/* Where a scalar lies, in characters (libyaml's mark.index). */
typedef struct load_span {
	size_t start, end;
	bool block; /* '|' or '>': a comment may follow on its first line, the header */
} load_span;

/* An entry that had no id: it gets one from its name once every explicit id is known. */
typedef struct load_missing_id {
	char **id;
	const char *name;
} load_missing_id;

typedef struct loader {
	yaml_parser_t parser;
	yaml_event_t event;
	bool have_event;
	bool checked;             /* the current event's anchor, alias and tag are reported */
	bool fatal;
	int depth;
	diag_list *diags;
	cjm_map *map;
	strset *ids;              /* explicit ids -> their line, for "first used at" */
	load_missing_id *missing; /* in document order */
	size_t missing_count, missing_cap;
	const char *text;         /* the input, and how far libyaml has read it */
	size_t len, read_pos;
	bool release_behind;      /* TEXT is a file mapping: give back pages once read */
	size_t released;
	load_hash *hashes;        /* comment candidates, in order: [hash_next, hash_count) wait */
	size_t hash_count, hash_cap, hash_next;
	bool hashes_dropped;      /* from drop (a candidate) on, candidates are found again at the end */
	load_hash drop;
	size_t drop_continuation;
	load_span *spans;         /* the scalars since, for telling those candidates from text */
	size_t span_count, span_cap;
	size_t scan_pos;           /* the bytes before it are checked */
	size_t continuation_bytes; /* before scan_pos: bytes minus characters, for libyaml's index */
	bool scan_failed;          /* the check found a problem and said so */
	size_t comment_count;
	int comment_line, comment_col;
} loader;

/* ---- positions and messages ---- */

static int load_line(yaml_mark_t mark)
{
	return (int)mark.line + 1;
}

static int load_col(yaml_mark_t mark)
{
	return (int)mark.column + 1;
}

static cjm_pos load_pos(yaml_mark_t mark)
{
	return (cjm_pos){ load_line(mark), load_col(mark) };
}

#define load_error(ld, mark, ...) diag_error((ld)->diags, load_line(mark), load_col(mark), __VA_ARGS__)
#define load_warning(ld, mark, ...) diag_warning((ld)->diags, load_line(mark), load_col(mark), __VA_ARGS__)

static const char *load_node_word(yaml_event_type_t type)
{
	switch (type) {
	case YAML_SEQUENCE_START_EVENT: return _("a list");
	case YAML_MAPPING_START_EVENT: return _("a mapping");
	case YAML_ALIAS_EVENT: return _("an alias");
	case YAML_SCALAR_EVENT: return _("a single value");
	default: return _("the end of a collection");
	}
}

/* ---- the bytes: UTF-8, control characters, comment candidates ---- */

/* The length of the UTF-8 byte-order mark TEXT starts with (Windows editors write one), or 0.
 * Byte compares, not memcmp: with memcmp GCC gives the pre-scan's ASCII loop an extra instruction. */
static size_t load_bom_len(const char *text, size_t len)
{
	const unsigned char *s = (const unsigned char *)text;
	return len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF ? 3 : 0;
}

/* Gives back the mapped pages before POS, so a big file never sits in memory
 * whole beside the model it becomes (the page cache keeps them for re-reading). */
#define LOAD_RELEASE_STEP (1u << 20)

static void load_release_before(loader *ld, size_t pos)
{
	if (!ld->release_behind || pos < ld->released + LOAD_RELEASE_STEP)
		return;
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	size_t end = pos / page * page;
	madvise((char *)ld->text + ld->released, end - ld->released, MADV_DONTNEED);
	ld->released = end;
}

static bool load_scan_until(loader *ld, size_t end);

/* Hands libyaml the next bytes, checked just before, while they are still in the cache. */
static int load_read_handler(void *data, unsigned char *buffer, size_t size, size_t *size_read)
{
	loader *ld = data;
	size_t n = ld->len - ld->read_pos < size ? ld->len - ld->read_pos : size;
	if (!load_scan_until(ld, ld->read_pos + n)) {
		ld->scan_failed = true;
		return 0;
	}
	memcpy(buffer, ld->text + ld->read_pos, n);
	ld->read_pos += n;
	*size_read = n;
	load_release_before(ld, ld->read_pos);
	return 1;
}

/* The 1-based line and column (in characters) of byte POS of TEXT (POS < its length).
 * A lone CR ends a line, as it does for libyaml. */
static void load_locate(const char *text, size_t pos, int *line, int *col)
{
	const unsigned char *s = (const unsigned char *)text;
	*line = 1;
	*col = 1;
	for (size_t i = load_bom_len(text, pos); i < pos; i++) {
		if (s[i] == '\n' || (s[i] == '\r' && s[i + 1] != '\n'))
			*line += 1, *col = 1;
		else if ((s[i] & 0xC0) != 0x80)
			*col += 1;
	}
}

static void load_prescan_error(loader *ld, size_t pos, const char *fmt, unsigned value)
{
	int line, col;
	load_locate(ld->text, pos, &line, &col);
	diag_error(ld->diags, line, col, fmt, value);
}


/* True when the 8 bytes at S are all printable ASCII other than '#': nothing for
 * the check to look at, told at once with bit tricks on one 64-bit word. */
static bool load_plain_word(const unsigned char *s)
{
	const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
	uint64_t w;
	memcpy(&w, s, sizeof w);
	uint64_t below_space = (w - ones * 0x20) & ~w;     /* high bit where a byte < 0x20 (or >= 0x80) */
	uint64_t hash = w ^ (ones * '#');
	uint64_t is_hash = (hash - ones) & ~hash;          /* high bit where a byte is '#' */
	uint64_t del = w ^ (ones * 0x7f);
	uint64_t is_del = (del - ones) & ~del;             /* high bit where a byte is DEL */
	return ((below_space | is_hash | is_del | w) & highs) == 0;
}

/* Notes the '#' at byte I as a comment candidate. */
static void load_note_hash(loader *ld, size_t i)
{
	if (ld->hashes_dropped)
		return;
	size_t waiting = ld->hash_count - ld->hash_next;
	if (waiting >= LOAD_HASHES_WAITING_MAX) {
		ld->hashes_dropped = true;
		ld->drop = (load_hash){ i - ld->continuation_bytes, i };
		ld->drop_continuation = ld->continuation_bytes;
		return;
	}
	if (ld->hash_count == ld->hash_cap && ld->hash_next > 0) { /* reuse the room of those told apart */
		memmove(ld->hashes, ld->hashes + ld->hash_next, waiting * sizeof *ld->hashes);
		ld->hash_count = waiting;
		ld->hash_next = 0;
	}
	xgrow((void **)&ld->hashes, &ld->hash_cap, ld->hash_count + 1, sizeof *ld->hashes);
	ld->hashes[ld->hash_count++] = (load_hash){ i - ld->continuation_bytes, i };
}

/* Checks the bytes up to END (or a little past, to finish a character) are UTF-8
 * text without NUL or control characters, and notes every '#' that may start a
 * comment. ASCII text takes the short path. */
static bool load_scan_until(loader *ld, size_t end)
{
	const unsigned char *s = (const unsigned char *)ld->text;
	size_t i = ld->scan_pos;
	while (i < end) {
		if (i + 8 <= end && load_plain_word(s + i)) {
			i += 8;
			continue;
		}
		unsigned char c = s[i];
		if (c >= 0x20 && c < 0x7f && c != '#') {
			i++;
			continue;
		}
		if (c >= 0x80) {
			uint32_t cp;
			size_t n = utf8_decode(s + i, ld->len - i, &cp);
			if (n == 0) {
				load_prescan_error(ld, i, _("invalid UTF-8 (byte 0x%02x); the file must be UTF-8 text"), c);
				return false;
			}
			const char *bad = utf8_forbidden(cp);
			if (bad) {
				load_prescan_error(ld, i, bad, cp);
				return false;
			}
			i += n;
			ld->continuation_bytes += n - 1;
		} else if (c == '#') {
			if (i == 0 || strchr(" \t\r\n", s[i - 1]))
				load_note_hash(ld, i);
			i++;
		} else if (c == '\n' || c == '\t' || c == '\r') {
			i++;
		} else {
			load_prescan_error(ld, i, c == 0 ? _("NUL byte: this is binary data, not a YAML map") : utf8_forbidden(c),
					   c);
			return false;
		}
	}
	ld->scan_pos = i;
	return true;
}

static bool load_is_break(unsigned char c)
{
	return c == '\n' || c == '\r';
}

/* For candidate H inside a block scalar that starts at character START: the byte
 * where the scalar's header line ends when H is on it (a comment), else 0. Reads
 * only bytes of that scalar, once per scalar. */
static size_t load_header_end(const loader *ld, const load_hash *h, size_t start)
{
	const unsigned char *s = (const unsigned char *)ld->text;
	size_t i = h->byte;
	for (size_t chars = 0; chars < h->index - start && i > 0;) {
		i--;
		if (load_is_break(s[i]))
			return 0;
		if ((s[i] & 0xC0) != 0x80)
			chars++;
	}
	i = h->byte;
	while (i < ld->len && !load_is_break(s[i]))
		i++;
	return i;
}

/* Candidates before START are comments; those inside [START, END) are scalar text,
 * but for those on the header line of a BLOCK scalar ("notes: | # a comment"). */
static void load_note_scalar_span(loader *ld, size_t start, size_t end, bool block)
{
	size_t header_end = SIZE_MAX;
	while (ld->hash_next < ld->hash_count && ld->hashes[ld->hash_next].index < end) {
		const load_hash *h = &ld->hashes[ld->hash_next++];
		if (h->index >= start) {
			if (!block)
				continue;
			if (header_end == SIZE_MAX)
				header_end = load_header_end(ld, h, start);
			if (h->byte >= header_end)
				continue;
		}
		if (ld->comment_count++ == 0)
			load_locate(ld->text, h->byte, &ld->comment_line, &ld->comment_col);
	}
}

/* Notes the scalar at [START, END): for the candidates waiting, and for those dropped. */
static void load_note_scalar(loader *ld, size_t start, size_t end, bool block)
{
	if (ld->hash_next < ld->hash_count)
		load_note_scalar_span(ld, start, end, block);
	if (ld->hashes_dropped && start < end && end > ld->drop.index) {
		xgrow((void **)&ld->spans, &ld->span_cap, ld->span_count + 1, sizeof *ld->spans);
		ld->spans[ld->span_count++] = (load_span){ start, end, block };
	}
}

/* Finds the dropped candidates again (as load_scan_until did) and counts those
 * outside the scalars noted: the same count as if every one had waited. */
static void load_note_dropped_comments(loader *ld)
{
	const unsigned char *s = (const unsigned char *)ld->text;
	size_t continuation = ld->drop_continuation, span = 0;
	/* the character of the last line break before the candidate, for block scalars' headers */
	size_t last_break = SIZE_MAX, back = ld->drop.byte, back_chars = 0;
	while (back > 0 && !load_is_break(s[back - 1]))
		back_chars += (s[--back] & 0xC0) != 0x80;
	if (back > 0)
		last_break = ld->drop.index - back_chars - 1;
	ld->released = 0;
	for (size_t i = ld->drop.byte; i < ld->scan_pos; i++) {
		if ((i & (LOAD_RELEASE_STEP - 1)) == 0)
			load_release_before(ld, i); /* read again: give the pages back again */
		if ((s[i] & 0xC0) == 0x80) {
			continuation++;
			continue;
		}
		if (load_is_break(s[i]))
			last_break = i - continuation;
		if (s[i] != '#' || (i > ld->drop.byte && !strchr(" \t\r\n", s[i - 1])))
			continue;
		size_t index = i - continuation;
		while (span < ld->span_count && ld->spans[span].end <= index)
			span++;
		if (span < ld->span_count && ld->spans[span].start <= index &&
		    (!ld->spans[span].block || (last_break != SIZE_MAX && last_break > ld->spans[span].start)))
			continue;
		if (ld->comment_count++ == 0)
			load_locate(ld->text, i, &ld->comment_line, &ld->comment_col);
	}
}

static void load_note_trailing_comments(loader *ld)
{
	load_note_scalar_span(ld, SIZE_MAX, SIZE_MAX, false);
	if (ld->hashes_dropped)
		load_note_dropped_comments(ld);
}

/* ---- events ---- */

static void load_parser_error(loader *ld)
{
	yaml_parser_t *p = &ld->parser;
	const char *problem = p->problem ? p->problem : _("malformed YAML");
	yaml_mark_t mark = p->problem_mark;
	if (ld->scan_failed) {
		/* the check of the bytes said what is wrong; libyaml's "input error" adds nothing */
	} else if (p->error == YAML_READER_ERROR) {
		diag_error(ld->diags, 0, 0, "%s", problem);
	} else if (p->error == YAML_SCANNER_ERROR && strstr(problem, "cannot start any token") &&
		   p->buffer.pointer && p->buffer.pointer < p->buffer.last && *p->buffer.pointer == '\t') {
		load_error(ld, mark, _("tab character in indentation; YAML indents with spaces"));
	} else if (p->context) {
		load_error(ld, mark, _("%s %s (line %d)"), problem, p->context, load_line(p->context_mark));
	} else {
		load_error(ld, mark, "%s", problem);
	}
	ld->fatal = true;
}

/* Moves to the next event; false (and fatal) when the YAML itself is broken. */
static bool load_next(loader *ld)
{
	if (ld->have_event)
		yaml_event_delete(&ld->event);
	ld->have_event = false;
	ld->checked = false;
	if (ld->diags->truncated)
		ld->fatal = true; /* a 51st error was left out: enough said; stop reading */
	if (ld->fatal)
		return false;
	if (!yaml_parser_parse(&ld->parser, &ld->event)) {
		load_parser_error(ld);
		return false;
	}
	ld->have_event = true;
	yaml_event_t *ev = &ld->event;
	if (ev->type == YAML_SCALAR_EVENT)
		load_note_scalar(ld, ev->start_mark.index, ev->end_mark.index,
				 ev->data.scalar.style == YAML_LITERAL_SCALAR_STYLE ||
					 ev->data.scalar.style == YAML_FOLDED_SCALAR_STYLE);
	return true;
}

/* What a "!!" tag stands for. */
#define LOAD_TAG_PREFIX "tag:yaml.org,2002:"
#define LOAD_TAG_PREFIX_LEN (sizeof LOAD_TAG_PREFIX - 1)

static bool load_tag_is_core(const char *tag)
{
	static const char *const core[] = { "str", "int", "float", "bool", "null", "map", "seq" };
	if (strncmp(tag, LOAD_TAG_PREFIX, LOAD_TAG_PREFIX_LEN) != 0)
		return false;
	for (size_t i = 0; i < sizeof core / sizeof *core; i++)
		if (strcmp(tag + LOAD_TAG_PREFIX_LEN, core[i]) == 0)
			return true;
	return false;
}

/* Reports anchors, aliases and foreign tags on the current node event, once. */
static void load_check_node(loader *ld)
{
	yaml_event_t *ev = &ld->event;
	const yaml_char_t *anchor = NULL, *tag = NULL;
	if (ld->checked)
		return;
	ld->checked = true;
	switch (ev->type) {
	case YAML_ALIAS_EVENT:
		load_error(ld, ev->start_mark, _("aliases are not allowed (*%s); write the value out"),
			   (const char *)ev->data.alias.anchor);
		return;
	case YAML_SCALAR_EVENT:
		anchor = ev->data.scalar.anchor, tag = ev->data.scalar.tag;
		break;
	case YAML_SEQUENCE_START_EVENT:
		anchor = ev->data.sequence_start.anchor, tag = ev->data.sequence_start.tag;
		break;
	case YAML_MAPPING_START_EVENT:
		anchor = ev->data.mapping_start.anchor, tag = ev->data.mapping_start.tag;
		break;
	default:
		return;
	}
	if (anchor)
		load_error(ld, ev->start_mark, _("anchors are not allowed (&%s)"), (const char *)anchor);
	if (tag && !load_tag_is_core((const char *)tag)) {
		const char *t = (const char *)tag; /* shown as written: !!set, not tag:yaml.org,2002:set */
		bool secondary = strncmp(t, LOAD_TAG_PREFIX, LOAD_TAG_PREFIX_LEN) == 0;
		load_error(ld, ev->start_mark, _("tag '%s%s' is not allowed; only YAML's core tags are"),
			   secondary ? "!!" : "", secondary ? t + LOAD_TAG_PREFIX_LEN : t);
	}
}

/* Enters a collection; false (fatal) when nesting is deeper than the schema allows. */
static bool load_enter(loader *ld)
{
	if (++ld->depth > CJM_MAX_DEPTH) {
		load_error(ld, ld->event.start_mark, _("nesting deeper than %d levels; a map is never that deep"),
			   CJM_MAX_DEPTH);
		ld->fatal = true;
		return false;
	}
	return true;
}

/* Skips the node at the current event (and everything inside it); leaves the
 * current event just past it. */
static bool load_skip_node(loader *ld)
{
	load_check_node(ld);
	yaml_event_type_t type = ld->event.type;
	if (type != YAML_SEQUENCE_START_EVENT && type != YAML_MAPPING_START_EVENT)
		return load_next(ld);
	if (!load_enter(ld))
		return false;
	int level = 1;
	while (level > 0) {
		if (!load_next(ld))
			return false;
		switch (ld->event.type) {
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT:
			load_check_node(ld);
			if (!load_enter(ld))
				return false;
			level++;
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			ld->depth--;
			level--;
			break;
		default:
			load_check_node(ld);
			break;
		}
	}
	return load_next(ld);
}

/* ---- scalars ---- */

static bool load_is_plain(const yaml_event_t *ev)
{
	return ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE && !ev->data.scalar.tag;
}

/* A plain scalar, or one with the core tag TAG or TAG2 (may be NULL): `!!int 1` is a number. */
static bool load_is_typed(const yaml_event_t *ev, const char *tag, const char *tag2)
{
	const char *t = (const char *)ev->data.scalar.tag;
	if (!t)
		return ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
	return strcmp(t, tag) == 0 || (tag2 && strcmp(t, tag2) == 0);
}

static bool load_is_quoted(const yaml_event_t *ev)
{
	return !ev->data.scalar.tag && (ev->data.scalar.style == YAML_SINGLE_QUOTED_SCALAR_STYLE ||
					 ev->data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE);
}

static bool load_is_null(const yaml_event_t *ev)
{
	if (!load_is_plain(ev))
		return ev->data.scalar.tag && strcmp((const char *)ev->data.scalar.tag, YAML_NULL_TAG) == 0;
	const char *v = (const char *)ev->data.scalar.value;
	if (*v && *v != '~' && *v != 'n' && *v != 'N')
		return false; /* most values: no need to compare */
	return !*v || !strcmp(v, "~") || !strcmp(v, "null") || !strcmp(v, "Null") || !strcmp(v, "NULL");
}

/* Reports a character a map may not hold that an escape of the double-quoted
 * scalar wrote (\e, \x1b, \L, \u0085): the same rule as for the raw bytes, told
 * at the scalar. Other styles hold only the bytes the pre-scan checked. */
static void load_check_escapes(loader *ld)
{
	const yaml_event_t *ev = &ld->event;
	if (ev->data.scalar.style != YAML_DOUBLE_QUOTED_SCALAR_STYLE)
		return;
	uint32_t cp;
	const char *bad = utf8_find_forbidden((const char *)ev->data.scalar.value, ev->data.scalar.length, NULL, &cp);
	if (bad && cp != 0) /* NUL has its own message */
		load_error(ld, ev->start_mark, bad, (unsigned)cp);
}

/* Takes the scalar's text from libyaml (no copy). */
static char *load_take_scalar(loader *ld)
{
	if (strlen((const char *)ld->event.data.scalar.value) != ld->event.data.scalar.length)
		load_error(ld, ld->event.start_mark, _("text must not contain NUL characters (\\0)"));
	load_check_escapes(ld);
	char *value = (char *)ld->event.data.scalar.value; /* taken, not copied: a map is mostly text */
	ld->event.data.scalar.value = NULL;
	return value;
}

/* Expects a scalar value; reports "KEY must be WHAT, found ..." and skips otherwise.
 * Returns true when the current event is a usable scalar (not consumed). WHAT, like
 * the words every reader below is handed, is a message id, translated only for a
 * message: a map holds hundreds of thousands of values, and most maps have no error. */
static bool load_expect_scalar(loader *ld, const char *key, const char *what)
{
	load_check_node(ld);
	if (ld->event.type == YAML_SCALAR_EVENT)
		return true;
	if (ld->event.type != YAML_ALIAS_EVENT) /* an alias is reported already */
		/* TRANSLATORS: KEY (as in the file) must be WHAT ("a number"), found WHAT IT IS ("a list"). */
		load_error(ld, ld->event.start_mark, _("%s must be %s, found %s"), key, _(what),
			   load_node_word(ld->event.type));
	load_skip_node(ld);
	return false;
}

/* Reports that the current scalar is not WHAT; QUOTED says it would be without its quotes. */
static void load_scalar_error(loader *ld, const char *key, const char *what, bool quoted)
{
	/* TRANSLATORS: KEY must be WHAT, found ["quoted text "]'VALUE'[" (remove the quotes)"]. */
	load_error(ld, ld->event.start_mark, _("%s must be %s, found %s'%s'%s"), key, what,
		   quoted ? _("quoted text ") : "", (const char *)ld->event.data.scalar.value,
		   quoted ? _(" (remove the quotes)") : "");
}

/* Text value: *OUT set (NULL for null). Like the other value readers, it returns false
 * only when reading must stop: a value of the wrong kind is reported and skipped. */
static bool load_text(loader *ld, const char *key, char **out)
{
	if (!load_expect_scalar(ld, key, N_("text")))
		return !ld->fatal;
	free(*out);
	*out = load_is_null(&ld->event) ? NULL : load_take_scalar(ld);
	return load_next(ld);
}

static bool load_parse_long(const char *s, long *out)
{
	return value_parse_whole(s, VALUE_FILE, out);
}

/* "a whole number from MIN to MAX" in the interface language, into BUF (VALUE_WHY_MAX bytes). */
static const char *load_whole_words(char *buf, long min, long max)
{
	if (min == LONG_MIN)
		snprintf(buf, VALUE_WHY_MAX, "%s", _("a whole number"));
	else
		/* TRANSLATORS: a range: "a whole number from -3 to +3" (the second %s is "+" or empty). */
		snprintf(buf, VALUE_WHY_MAX, _("a whole number from %ld to %s%ld"), min, min < 0 && max > 0 ? "+" : "",
			 max);
	return buf;
}

/* "a number from MIN to MAX" in the interface language (the numbers as a map writes
 * them), into BUF (VALUE_WHY_MAX bytes). */
static const char *load_number_words(char *buf, double min, double max)
{
	char lo[NUMBER_TEXT_MAX], hi[NUMBER_TEXT_MAX];
	number_format(lo, min);
	number_format(hi, max);
	/* TRANSLATORS: a range: "a number from 0 to 10" (the second %s is "+" or empty). */
	snprintf(buf, VALUE_WHY_MAX, _("a number from %s to %s%s"), lo, min < 0 && max > 0 ? "+" : "", hi);
	return buf;
}

static bool load_int(loader *ld, const char *key, long min, long max, bool *has, long *out)
{
	if (!load_expect_scalar(ld, key, N_("a whole number")))
		return !ld->fatal;
	const yaml_event_t *ev = &ld->event;
	long n = 0;
	bool parsed = load_parse_long((const char *)ev->data.scalar.value, &n);
	if (load_is_null(ev)) {
		*has = false;
	} else if (!parsed || !load_is_typed(ev, YAML_INT_TAG, NULL)) {
		char what[VALUE_WHY_MAX];
		load_scalar_error(ld, key, load_whole_words(what, min, max),
				  parsed && n >= min && n <= max && load_is_quoted(ev));
	} else if (n < min || n > max) {
		char what[VALUE_WHY_MAX];
		load_error(ld, ev->start_mark, _("%s must be %s, found %ld"), key, load_whole_words(what, min, max), n);
	} else {
		*has = true;
		*out = n;
	}
	return load_next(ld);
}

/* A decimal number (no hex, inf or nan) that a double holds. */
static bool load_parse_number(const char *v, double *x)
{
	return value_parse_number(v, VALUE_FILE, x);
}

static bool load_number(loader *ld, const char *key, double min, double max, bool *has, double *out)
{
	if (!load_expect_scalar(ld, key, N_("a number")))
		return !ld->fatal;
	const yaml_event_t *ev = &ld->event;
	double x = 0;
	bool valid = load_parse_number((const char *)ev->data.scalar.value, &x) && x >= min && x <= max;
	if (load_is_null(ev)) {
		*has = false;
	} else if (!valid || !load_is_typed(ev, YAML_FLOAT_TAG, YAML_INT_TAG)) {
		char what[VALUE_WHY_MAX];
		load_scalar_error(ld, key, load_number_words(what, min, max), valid && load_is_quoted(ev));
	} else {
		*has = true, *out = x;
	}
	return load_next(ld);
}

static cjm_tristate load_bool_word(const char *v)
{
	int yes = value_parse_bool(v, VALUE_FILE);
	return yes < 0 ? CJM_UNSET : yes ? CJM_TRUE : CJM_FALSE;
}

static bool load_bool(loader *ld, const char *key, cjm_tristate *out)
{
	/* TRANSLATORS: what a yes/no key of a map holds; true and false are YAML's words, keep them. */
	if (!load_expect_scalar(ld, key, N_("true or false")))
		return !ld->fatal;
	const yaml_event_t *ev = &ld->event;
	cjm_tristate word = load_bool_word((const char *)ev->data.scalar.value);
	if (load_is_null(ev))
		*out = CJM_UNSET;
	else if (word != CJM_UNSET && load_is_typed(ev, YAML_BOOL_TAG, NULL))
		*out = word;
	else
		load_scalar_error(ld, key, _("true or false"), word != CJM_UNSET && load_is_quoted(ev));
	return load_next(ld);
}

/* ---- collections ---- */

/* Expects the start of a mapping or list; reports and skips anything else. An empty
 * value is fine for a key (it is absent) but not for a list ITEM (then KEY is a
 * message id too). WHAT is a message id, or words already translated (gettext gives
 * back a text it has no entry for). */
static bool load_expect_collection(loader *ld, yaml_event_type_t type, const char *key, const char *what,
				   bool item)
{
	load_check_node(ld);
	if (ld->event.type == type)
		return load_enter(ld);
	bool empty = ld->event.type == YAML_SCALAR_EVENT && load_is_null(&ld->event);
	if (empty && !item) {
		load_next(ld); /* "key:" with nothing after it */
		return false;
	}
	if (ld->event.type != YAML_ALIAS_EVENT) /* an alias is reported already */
		load_error(ld, ld->event.start_mark, _("%s must be %s, found %s"), item ? _(key) : key, _(what),
			   empty ? _("an empty item") : load_node_word(ld->event.type));
	load_skip_node(ld);
	return false;
}

static bool load_expect_start(loader *ld, yaml_event_type_t type, const char *key, const char *what)
{
	return load_expect_collection(ld, type, key, what, false);
}

/* Expects a list item that is a mapping (a phase, a touchpoint, a dismissed suggestion). */
static bool load_expect_item(loader *ld, const char *item, const char *what)
{
	return load_expect_collection(ld, YAML_MAPPING_START_EVENT, item, what, true);
}

/* The keys of one mapping so far, for duplicate checks: a short mapping (every
 * mapping a map has) lives on the stack and compares hashes, a long one uses a set. */
#define LOAD_INLINE_KEYS 24

typedef struct load_keys {
	char *inline_keys[LOAD_INLINE_KEYS];
	size_t hashes[LOAD_INLINE_KEYS];
	char **keys;
	size_t count, cap;
	strset *seen;
} load_keys;

/* Adds KEY (taking it); true when it was already there. */
static bool load_keys_add(load_keys *k, char *key)
{
	size_t hash = strset_hash(key);
	bool seen = false;
	if (k->count < LOAD_INLINE_KEYS) {
		for (size_t i = 0; i < k->count && !seen; i++)
			seen = k->hashes[i] == hash && strcmp(k->keys[i], key) == 0;
		k->hashes[k->count] = hash;
	} else {
		if (!k->seen) {
			k->seen = strset_new(2 * LOAD_INLINE_KEYS);
			for (size_t i = 0; i < k->count; i++)
				strset_add(k->seen, k->keys[i]);
		}
		seen = !strset_add(k->seen, key);
	}
	if (k->count == k->cap) {
		bool on_stack = k->keys == k->inline_keys;
		k->cap *= 2;
		char **grown = xmalloc(k->cap * sizeof *grown);
		memcpy(grown, k->keys, k->count * sizeof *grown);
		if (!on_stack)
			free(k->keys);
		k->keys = grown;
	}
	k->keys[k->count++] = key;
	return seen;
}

static void load_keys_release(load_keys *k)
{
	for (size_t i = 0; i < k->count; i++)
		free(k->keys[i]);
	if (k->keys != k->inline_keys)
		free(k->keys);
	strset_free(k->seen);
}

/*
 * Walks the keys of the mapping whose start is the current event. For each key,
 * HANDLER is called with the value as the current event; it must consume the
 * value. Reports non-scalar and duplicate keys. Leaves the event after the end.
 */
typedef bool (*load_key_handler)(loader *ld, const char *key, yaml_mark_t key_mark, void *item);

static bool load_mapping(loader *ld, load_key_handler handler, void *item)
{
	load_keys keys = { .cap = LOAD_INLINE_KEYS };
	keys.keys = keys.inline_keys;
	bool ok = load_next(ld);
	while (ok && ld->event.type != YAML_MAPPING_END_EVENT) {
		yaml_mark_t mark = ld->event.start_mark;
		load_check_node(ld);
		if (ld->event.type != YAML_SCALAR_EVENT) {
			if (ld->event.type != YAML_ALIAS_EVENT) /* an alias is reported already */
				load_error(ld, mark, _("a key must be a plain word, found %s"),
					   load_node_word(ld->event.type));
			ok = load_skip_node(ld) && load_skip_node(ld);
			continue;
		}
		char *key = load_take_scalar(ld);
		bool duplicate = load_keys_add(&keys, key);
		if (!load_next(ld))
			break;
		if (duplicate) {
			load_error(ld, mark, _("duplicate key '%s'"), key);
			ok = load_skip_node(ld);
		} else {
			ok = handler(ld, key, mark, item);
		}
	}
	if (ok) {
		ld->depth--;
		ok = load_next(ld);
	}
	load_keys_release(&keys);
	return ok;
}

static bool load_unknown_key(loader *ld, const char *key, yaml_mark_t mark, const char *where,
			     const char *known)
{
	/* TRANSLATORS: the key as written, where it is ("the map", "a touchpoint"), the keys
	 * that are known there (file-format words: keep them). */
	load_error(ld, mark, _("unknown key '%s' in %s (known: %s)"), key, where, known);
	return load_skip_node(ld);
}

/* A list of text items into LIST; MARKS (may be NULL) receives a malloc'd array of
 * where each item stood, for messages about one item. */
static bool load_text_list(loader *ld, const char *key, cjm_strlist *list, yaml_mark_t **marks)
{
	if (!load_expect_start(ld, YAML_SEQUENCE_START_EVENT, key, N_("a list of text")))
		return !ld->fatal;
	size_t marks_cap = 0;
	cjm_strlist_clear(list);
	bool ok = load_next(ld);
	while (ok && ld->event.type != YAML_SEQUENCE_END_EVENT) {
		if (!load_expect_scalar(ld, key, N_("a list of text"))) {
			ok = !ld->fatal;
			continue;
		}
		if (load_is_null(&ld->event)) {
			load_error(ld, ld->event.start_mark, _("empty item in %s"), key);
		} else {
			if (marks) {
				xgrow((void **)marks, &marks_cap, list->len + 1, sizeof **marks);
				(*marks)[list->len] = ld->event.start_mark;
			}
			char *text = load_take_scalar(ld);
			xgrow((void **)&list->items, &list->cap, list->len + 1, sizeof *list->items);
			list->items[list->len++] = text;
		}
		ok = load_next(ld);
	}
	if (ok) {
		ld->depth--;
		ok = load_next(ld);
	}
	return ok;
}

static bool load_pillars(loader *ld, const char *key, unsigned *bits)
{
	cjm_strlist names = { 0 };
	yaml_mark_t *marks = NULL;
	bool ok = load_text_list(ld, key, &names, &marks);
	for (size_t i = 0; i < names.len; i++) {
		unsigned bit = cjm_pillar_from_name(names.items[i]);
		if (!bit)
			load_error(ld, marks[i],
				   _("unknown pillar '%s' (one of: personalisation, integrity, expectations, "
				   "resolution, time-and-effort, empathy)"),
				   names.items[i]);
		else if (*bits & bit)
			load_error(ld, marks[i], _("pillar '%s' is listed twice"), names.items[i]);
		*bits |= bit;
	}
	free(marks);
	cjm_strlist_clear(&names);
	return ok;
}

/* ---- fields, by the field table ---- */

/* The characters of the first LEN bytes of TEXT. */
static size_t load_chars(const char *text, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len && text[i]; i++)
		n += ((unsigned char)text[i] & 0xC0) != 0x80;
	return n;
}

/* A TEXT field with a check of its own (a vote record): read as text, then checked,
 * the problem reported where it is in the file, and the text kept in its canonical
 * form. The column is exact when the scalar stands on one line as its text is (no
 * escapes, no folded lines: its length in the file is the text's, plus its quotes);
 * otherwise the problem is reported at the scalar's start. */
static bool load_checked_text(loader *ld, const cjm_field_info *info, char **slot)
{
	bool scalar = ld->event.type == YAML_SCALAR_EVENT;
	yaml_mark_t start = ld->event.start_mark, end = ld->event.end_mark;
	bool quoted = scalar && ld->event.data.scalar.style != YAML_PLAIN_SCALAR_STYLE;
	if (!load_text(ld, info->key, slot))
		return false;
	if (!scalar || !*slot)
		return true;
	size_t at = 0;
	char *canonical = NULL;
	const char *problem = info->check(*slot, &at, &canonical);
	if (!problem) {
		free(*slot);
		*slot = canonical;
		return true;
	}
	yaml_mark_t where = start;
	size_t text_chars = load_chars(*slot, strlen(*slot)), quotes = quoted ? 2 : 0;
	if (start.line == end.line && end.column - start.column == text_chars + quotes)
		where.column += (quoted ? 1 : 0) + load_chars(*slot, at);
	load_error(ld, where, "%s: %s", info->key, problem);
	return true;
}

/* Reads the value of FIELD, which an item of kind OWNER has, into ITEM by the field's kind. */
static bool load_field(loader *ld, void *item, cjm_ref_kind owner, cjm_field field)
{
	const cjm_field_info *info = cjm_field_info_of(field);
	void *slot = (char *)item + info->at[owner];
	bool *has = NULL;
	if (info->has_at[owner] != CJM_FIELD_NO_FLAG)
		has = (bool *)((char *)item + info->has_at[owner]);
	switch (info->kind) {
	case CJM_KIND_TEXT: return info->check ? load_checked_text(ld, info, slot) : load_text(ld, info->key, slot);
	case CJM_KIND_EMOTION: {
		long n = 0;
		bool ok = load_int(ld, info->key, (long)info->min, (long)info->max, has, &n);
		*(int *)slot = (int)n;
		return ok;
	}
	case CJM_KIND_NUMBER: return load_number(ld, info->key, info->min, info->max, has, slot);
	case CJM_KIND_BOOL: return load_bool(ld, info->key, slot);
	case CJM_KIND_PILLARS: return load_pillars(ld, info->key, slot);
	case CJM_KIND_LIST: {
		cjm_strlist *list = slot;
		bool ok = load_text_list(ld, info->key, list, NULL);
		if (has)
			*has = list->len > 0;
		return ok;
	}
	}
	return load_skip_node(ld);
}

/* The keys of the fields of OWNER, ", "-separated, then EXTRA (may be NULL), into OUT. */
static void load_field_keys(strbuf *out, cjm_ref_kind owner, const char *extra)
{
	size_t n;
	const cjm_field *fields = cjm_fields_of(owner, &n);
	for (size_t i = 0; i < n; i++)
		strbuf_printf(out, "%s%s", i ? ", " : "", cjm_field_info_of(fields[i])->key);
	if (extra)
		strbuf_printf(out, "%s%s", n ? ", " : "", extra);
}

static bool load_unknown_field_key(loader *ld, const char *key, yaml_mark_t mark, const char *where,
				   cjm_ref_kind owner, const char *extra)
{
	strbuf known = { 0 };
	load_field_keys(&known, owner, extra);
	bool ok = load_unknown_key(ld, key, mark, where, known.data);
	strbuf_release(&known);
	return ok;
}

/* ---- ids ---- */

static void load_check_id(loader *ld, char *id, yaml_mark_t mark)
{
	if (!cjm_id_is_valid(id)) {
		load_error(ld, mark, _("id '%s' is not valid: use lower-case letters, digits and '-', starting with a letter or digit"), id);
		return;
	}
	bool added;
	void **first_line = strset_slot(ld->ids, id, &added);
	if (added)
		*first_line = (void *)(intptr_t)load_line(mark);
	else
		load_error(ld, mark, _("duplicate id '%s' (first used at line %ld)"), id, (long)(intptr_t)*first_line);
}

static void load_note_missing_id(loader *ld, char **id, const char *name)
{
	xgrow((void **)&ld->missing, &ld->missing_cap, ld->missing_count + 1, sizeof *ld->missing);
	ld->missing[ld->missing_count++] = (load_missing_id){ id, name };
}

static void load_assign_missing_ids(loader *ld)
{
	cjm_id_maker *maker = cjm_id_maker_new();
	for (size_t i = 0; i < ld->missing_count; i++) {
		if (!ld->missing[i].id)
			continue; /* a phase's place, kept for an id it turned out to have */
		char *id = cjm_id_maker_unique(maker, ld->ids, ld->missing[i].name);
		*ld->missing[i].id = id;
		strset_add(ld->ids, id);
	}
	cjm_id_maker_free(maker);
}

/* How an entry's name was written: a name of the wrong kind is reported as that alone. */
enum { LOAD_NAME_ABSENT, LOAD_NAME_TEXT, LOAD_NAME_WRONG_KIND };

/* A phase or touchpoint being read. */
typedef struct load_entry {
	void *item;
	yaml_mark_t start, id_mark;
	int name;    /* LOAD_NAME_*: how its name was written */
	size_t slot; /* its place among the missing ids, or SIZE_MAX for the end */
} load_entry;

/* A field of a phase or touchpoint; its id and name are noted for the checks at its end. */
static bool load_entry_field(loader *ld, load_entry *entry, cjm_ref_kind owner, cjm_field field)
{
	if (field == CJM_F_ID)
		entry->id_mark = ld->event.start_mark;
	else if (field == CJM_F_NAME)
		entry->name = ld->event.type == YAML_SCALAR_EVENT ? LOAD_NAME_TEXT : LOAD_NAME_WRONG_KIND;
	return load_field(ld, entry->item, owner, field);
}

/* Checks the required name, and the id once the entry's mapping is read. */
static void load_finish_entry(loader *ld, const char *what, const load_entry *entry, char **id, char **name)
{
	if (entry->name == LOAD_NAME_ABSENT)
		/* TRANSLATORS: %s is "phase" or "touchpoint" as you translate them; 'name' is the key. */
		load_error(ld, entry->start, _("missing required key 'name' in %s"), _(what));
	else if (entry->name == LOAD_NAME_TEXT && cjm_text_is_blank(*name))
		load_error(ld, entry->start, _("the name of a %s must not be empty"), _(what));
	if (!*name)
		*name = xstrdup("");
	if (*id)
		load_check_id(ld, *id, entry->id_mark);
	else if (entry->slot != SIZE_MAX)
		ld->missing[entry->slot] = (load_missing_id){ id, *name };
	else
		load_note_missing_id(ld, id, *name);
}

/* ---- touchpoints ---- */

static bool load_touchpoint_key(loader *ld, const char *key, yaml_mark_t mark, void *arg)
{
	cjm_field field = cjm_field_by_key(key, CJM_REF_TOUCHPOINT);
	if (field == CJM_FIELD_COUNT)
		return load_unknown_field_key(ld, key, mark, _("a touchpoint"), CJM_REF_TOUCHPOINT, NULL);
	return load_entry_field(ld, arg, CJM_REF_TOUCHPOINT, field);
}

static bool load_touchpoints(loader *ld, cjm_phase *phase)
{
	if (!load_expect_start(ld, YAML_SEQUENCE_START_EVENT, "touchpoints", N_("a list of touchpoints")))
		return !ld->fatal;
	bool ok = load_next(ld);
	while (ok && ld->event.type != YAML_SEQUENCE_END_EVENT) {
		yaml_mark_t start = ld->event.start_mark;
		if (!load_expect_item(ld, N_("a touchpoint"), N_("a mapping"))) {
			ok = !ld->fatal;
			continue;
		}
		cjm_touchpoint *tp = cjm_touchpoint_new(NULL, NULL);
		tp->pos = load_pos(start);
		cjm_phase_insert_touchpoint(phase, phase->touchpoint_count, tp);
		load_entry entry = { tp, start, start, LOAD_NAME_ABSENT, SIZE_MAX };
		ok = load_mapping(ld, load_touchpoint_key, &entry);
		if (ok)
			load_finish_entry(ld, N_("touchpoint"), &entry, &tp->id, &tp->name);
	}
	if (ok) {
		ld->depth--;
		ok = load_next(ld);
	}
	return ok;
}

/* ---- phases ---- */

static bool load_phase_key(loader *ld, const char *key, yaml_mark_t mark, void *arg)
{
	load_entry *entry = arg;
	cjm_field field = cjm_field_by_key(key, CJM_REF_PHASE);
	if (field != CJM_FIELD_COUNT)
		return load_entry_field(ld, entry, CJM_REF_PHASE, field);
	if (!strcmp(key, "touchpoints"))
		return load_touchpoints(ld, entry->item);
	return load_unknown_field_key(ld, key, mark, _("a phase"), CJM_REF_PHASE, "touchpoints");
}

static bool load_phases(loader *ld)
{
	cjm_map *map = ld->map;
	if (!load_expect_start(ld, YAML_SEQUENCE_START_EVENT, "phases", N_("a list of phases")))
		return !ld->fatal;
	bool ok = load_next(ld);
	while (ok && ld->event.type != YAML_SEQUENCE_END_EVENT) {
		yaml_mark_t start = ld->event.start_mark;
		if (!load_expect_item(ld, N_("a phase"), N_("a mapping"))) {
			ok = !ld->fatal;
			continue;
		}
		cjm_phase *phase = cjm_phase_new(NULL, NULL);
		phase->pos = load_pos(start);
		cjm_map_insert_phase(map, map->phase_count, phase);
		/* a phase's generated id comes before its touchpoints', as in the document */
		load_entry entry = { phase, start, start, LOAD_NAME_ABSENT, ld->missing_count };
		load_note_missing_id(ld, NULL, NULL);
		ok = load_mapping(ld, load_phase_key, &entry);
		if (ok)
			load_finish_entry(ld, N_("phase"), &entry, &phase->id, &phase->name);
	}
	if (ok) {
		ld->depth--;
		ok = load_next(ld);
	}
	return ok;
}

/* ---- persona, thresholds, patterns, dismissed ---- */

/* The map field in the mapping GROUP ("persona", LEN long) whose key there is KEY ("name"):
 * with KEY NULL, the group's first; CJM_FIELD_COUNT when there is none. */
static cjm_field load_group_field(const char *group, size_t len, const char *key)
{
	size_t n;
	const cjm_field *fields = cjm_fields_of(CJM_REF_MAP, &n);
	for (size_t i = 0; i < n; i++) {
		const char *path = cjm_field_info_of(fields[i])->key;
		if (cjm_field_group_len(fields[i]) == len && strncmp(path, group, len) == 0 &&
		    (!key || strcmp(path + len + 1, key) == 0))
			return fields[i];
	}
	return CJM_FIELD_COUNT;
}

/* The keys of the group FIRST begins, as a list ("name, description") or in words
 * ("name and description"). */
static void load_group_keys(strbuf *out, cjm_field first, bool words)
{
	size_t n, at = 0, len = cjm_field_group_len(first);
	const cjm_field *fields = cjm_fields_of(CJM_REF_MAP, &n);
	while (fields[at] != first)
		at++;
	size_t end = cjm_field_group_end(fields, n, at);
	for (size_t i = at; i < end; i++) {
		const char *sep = i == at ? "" : words && i == end - 1 ? _(" and ") : ", ";
		strbuf_printf(out, "%s%s", sep, cjm_field_info_of(fields[i])->key + len + 1);
	}
}

/* A key inside one of the map's groups of fields (persona, thresholds). */
static bool load_group_key(loader *ld, const char *key, yaml_mark_t mark, void *arg)
{
	cjm_field first = *(const cjm_field *)arg;
	const char *group = cjm_field_info_of(first)->key;
	size_t len = cjm_field_group_len(first);
	cjm_field field = load_group_field(group, len, key);
	if (field != CJM_FIELD_COUNT)
		return load_field(ld, ld->map, CJM_REF_MAP, field);
	strbuf where = { 0 }, known = { 0 };
	strbuf_add(&where, group, len);
	load_group_keys(&known, first, false);
	bool ok = load_unknown_key(ld, key, mark, where.data, known.data);
	strbuf_release(&where);
	strbuf_release(&known);
	return ok;
}

/* The mapping of a group of map fields, such as persona: {name: ..., description: ...}. */
static bool load_group(loader *ld, const char *key, cjm_field first)
{
	strbuf what = { 0 };
	strbuf_puts(&what, _("a mapping of "));
	load_group_keys(&what, first, true);
	bool started = load_expect_start(ld, YAML_MAPPING_START_EVENT, key, what.data);
	strbuf_release(&what);
	if (!started)
		return !ld->fatal;
	return load_mapping(ld, load_group_key, &first);
}

static bool load_pattern_setting_key(loader *ld, const char *key, yaml_mark_t mark, void *arg)
{
	cjm_pattern_setting *setting = arg;
	if (!strcmp(key, "enabled"))
		return load_bool(ld, key, &setting->enabled);
	if (!strcmp(key, "threshold"))
		return load_number(ld, key, -1e9, 1e9, &setting->has_threshold, &setting->threshold);
	return load_unknown_key(ld, key, mark, _("a pattern's settings"), "enabled, threshold");
}

static bool load_patterns_key(loader *ld, const char *key, yaml_mark_t mark, void *arg)
{
	cjm_map *map = arg;
	if (!cjm_id_is_valid(key))
		load_error(ld, mark, _("'%s' is not a pattern id (lower-case letters, digits and '-')"), key);
	if (!load_expect_start(ld, YAML_MAPPING_START_EVENT, key, N_("a mapping of enabled and threshold")))
		return !ld->fatal;
	map->patterns = xrealloc(map->patterns, (map->pattern_count + 1) * sizeof *map->patterns);
	cjm_pattern_setting *setting = &map->patterns[map->pattern_count++];
	*setting = (cjm_pattern_setting){ xstrdup(key), CJM_UNSET, false, 0, load_pos(mark) };
	return load_mapping(ld, load_pattern_setting_key, setting);
}

/* A dismissed suggestion being read, with where its values stood. */
typedef struct load_dismissal {
	cjm_dismissal *d;
	yaml_mark_t start, pattern_mark, target_mark;
} load_dismissal;

static bool load_dismissal_key(loader *ld, const char *key, yaml_mark_t mark, void *arg)
{
	load_dismissal *ldm = arg;
	if (!strcmp(key, "pattern")) {
		ldm->pattern_mark = ld->event.start_mark;
		return load_text(ld, key, &ldm->d->pattern);
	}
	if (!strcmp(key, "target")) {
		ldm->target_mark = ld->event.start_mark;
		return load_text(ld, key, &ldm->d->target);
	}
	return load_unknown_key(ld, key, mark, _("a dismissed suggestion"), "pattern, target");
}

static void load_check_dismissal(loader *ld, const load_dismissal *ldm)
{
	const cjm_dismissal *d = ldm->d;
	if (!d->pattern)
		load_error(ld, ldm->start, _("a dismissed suggestion needs a pattern id"));
	else if (!cjm_id_is_valid(d->pattern))
		load_error(ld, ldm->pattern_mark, _("'%s' is not a pattern id (lower-case letters, digits and '-')"),
			   d->pattern);
	if (!d->target)
		load_error(ld, ldm->start, _("a dismissed suggestion needs a target id"));
	else if (!cjm_id_is_valid(d->target))
		load_error(ld, ldm->target_mark, _("'%s' is not an id (lower-case letters, digits and '-')"),
			   d->target);
}

static bool load_dismissed(loader *ld)
{
	cjm_map *map = ld->map;
	if (!load_expect_start(ld, YAML_SEQUENCE_START_EVENT, "dismissed", N_("a list")))
		return !ld->fatal;
	bool ok = load_next(ld);
	while (ok && ld->event.type != YAML_SEQUENCE_END_EVENT) {
		yaml_mark_t start = ld->event.start_mark;
		if (!load_expect_item(ld, N_("a dismissed suggestion"), N_("a mapping of pattern and target"))) {
			ok = !ld->fatal;
			continue;
		}
		map->dismissed = xrealloc(map->dismissed, (map->dismissed_count + 1) * sizeof *map->dismissed);
		cjm_dismissal *d = &map->dismissed[map->dismissed_count++];
		*d = (cjm_dismissal){ NULL, NULL, load_pos(start) };
		load_dismissal ldm = { d, start, start, start };
		ok = load_mapping(ld, load_dismissal_key, &ldm);
		if (ok)
			load_check_dismissal(ld, &ldm);
	}
	if (ok) {
		ld->depth--;
		ok = load_next(ld);
	}
	return ok;
}

/* ---- the root ---- */

enum { ROOT_VERSION = 1, ROOT_TITLE = 2, ROOT_PHASES = 4 };

typedef struct load_root {
	unsigned seen;
} load_root;

/* A whole number too large for a long: a version from a far future, not a typo. */
static bool load_is_huge_int(const yaml_event_t *ev)
{
	if (ev->type != YAML_SCALAR_EVENT || !load_is_typed(ev, YAML_INT_TAG, NULL))
		return false;
	const char *v = (const char *)ev->data.scalar.value;
	const char *digits = v + (*v == '+' || *v == '-');
	long n;
	return *digits && !digits[strspn(digits, "0123456789")] && !load_parse_long(v, &n);
}

static bool load_version(loader *ld, load_root *root)
{
	const yaml_event_t *ev = &ld->event;
	yaml_mark_t at = ev->start_mark;
	if (ev->type != YAML_SCALAR_EVENT || !load_is_null(ev))
		root->seen |= ROOT_VERSION; /* a bad value is reported as bad, not as missing */
	if (load_is_huge_int(ev)) {
		load_check_node(ld);
		load_error(ld, at, _("unsupported format version %s (this cjm reads version %d)"),
			   (const char *)ev->data.scalar.value, CJM_FORMAT_VERSION);
		return load_next(ld);
	}
	bool has = false;
	long v = 0;
	bool ok = load_int(ld, "version", LONG_MIN, LONG_MAX, &has, &v);
	if (has && v != CJM_FORMAT_VERSION)
		load_error(ld, at, _("unsupported format version %ld (this cjm reads version %d)"), v,
			   CJM_FORMAT_VERSION);
	ld->map->version = (int)v;
	return ok;
}

/* A map's language is a tag; cjm writes its ideas and exports in it when it has its texts. */
static void load_check_language(loader *ld, yaml_mark_t at, const char *tag)
{
	if (!lang_tag_valid(tag))
		load_error(ld, at, _("language must be a language tag such as nl, en or nl-BE, found '%s'"), tag);
	else if (!lang_supported(tag))
		load_warning(ld, at, _("cjm has no texts in language '%s': what it writes into this map is English"),
			     tag);
}

static bool load_root_key(loader *ld, const char *key, yaml_mark_t mark, void *arg)
{
	load_root *root = arg;
	cjm_map *map = ld->map;
	if (!strcmp(key, "version"))
		return load_version(ld, root);
	cjm_field field = cjm_field_by_key(key, CJM_REF_MAP);
	if (field != CJM_FIELD_COUNT) {
		const cjm_field_info *info = cjm_field_info_of(field);
		yaml_mark_t at = ld->event.start_mark;
		bool text = ld->event.type == YAML_SCALAR_EVENT; /* else reported as the wrong kind */
		bool ok = load_field(ld, map, CJM_REF_MAP, field);
		if (field == CJM_F_TITLE)
			root->seen |= ROOT_TITLE;
		if (ok && text && field == CJM_F_LANGUAGE && map->language)
			load_check_language(ld, at, map->language);
		if (ok && text && info->required && info->kind == CJM_KIND_TEXT &&
		    cjm_text_is_blank(*(char **)cjm_item_field_slot(map, CJM_REF_MAP, field)))
			load_error(ld, at, _("%s must not be empty"), info->key);
		return ok;
	}
	field = load_group_field(key, strlen(key), NULL);
	if (field != CJM_FIELD_COUNT) {
		bool ok = load_group(ld, key, field);
		map->has_persona = map->persona_name || map->persona_description;
		return ok;
	}
	if (!strcmp(key, "patterns")) {
		if (!load_expect_start(ld, YAML_MAPPING_START_EVENT, key, N_("a mapping of pattern ids")))
			return !ld->fatal;
		return load_mapping(ld, load_patterns_key, map);
	}
	if (!strcmp(key, "phases")) {
		root->seen |= ROOT_PHASES;
		return load_phases(ld);
	}
	if (!strcmp(key, "dismissed"))
		return load_dismissed(ld);
	strbuf known = { 0 };
	strbuf_puts(&known, "version");
	size_t n;
	const cjm_field *fields = cjm_fields_of(CJM_REF_MAP, &n);
	for (size_t i = 0; i < n; i = cjm_field_group_end(fields, n, i)) { /* a group is named once */
		const char *path = cjm_field_info_of(fields[i])->key;
		size_t len = cjm_field_group_len(fields[i]);
		strbuf_puts(&known, ", ");
		strbuf_add(&known, path, len ? len : strlen(path));
	}
	strbuf_puts(&known, ", patterns, phases, dismissed");
	bool ok = load_unknown_key(ld, key, mark, _("the map"), known.data);
	strbuf_release(&known);
	return ok;
}

static void load_document(loader *ld)
{
	if (!load_next(ld) || !load_next(ld)) /* stream start, then document start */
		return;
	if (ld->event.type == YAML_STREAM_END_EVENT) {
		diag_error(ld->diags, 1, 1, _("empty file: a map needs at least version, title and phases"));
		return;
	}
	yaml_mark_t doc_mark = ld->event.start_mark;
	if (!load_next(ld))
		return;
	load_check_node(ld);
	if (ld->event.type == YAML_SCALAR_EVENT && load_is_null(&ld->event)) {
		diag_error(ld->diags, 1, 1, _("empty file: a map needs at least version, title and phases"));
		return;
	}
	if (ld->event.type != YAML_MAPPING_START_EVENT) {
		load_error(ld, ld->event.start_mark, _("the top level must be a mapping (version, title, phases), found %s"),
			   load_node_word(ld->event.type));
		return;
	}
	if (!load_enter(ld))
		return;
	load_root root = { 0 };
	if (!load_mapping(ld, load_root_key, &root))
		return;
	static const struct { unsigned bit; const char *key; } required[] = {
		{ ROOT_VERSION, "version" }, { ROOT_TITLE, "title" }, { ROOT_PHASES, "phases" },
	};
	for (size_t i = 0; i < sizeof required / sizeof *required; i++)
		if (!(root.seen & required[i].bit))
			load_error(ld, doc_mark, _("missing required key '%s'"), required[i].key);
	if (ld->event.type != YAML_DOCUMENT_END_EVENT || !load_next(ld))
		return;
	if (ld->event.type != YAML_STREAM_END_EVENT)
		load_error(ld, ld->event.start_mark, _("more than one YAML document; a map file holds one"));
}

bool cjm_is_conflict_marker(const char *p, const char *end, const char *mark, bool label)
{
	if (end - p < 7 || memcmp(p, mark, 7) != 0)
		return false;
	if (p + 7 == end || p[7] == '\n' || p[7] == '\r')
		return true;
	return label && p[7] == ' ';
}

/* Reports git's conflict markers ("<<<<<<< ", "=======", ">>>>>>> " at the start of a
 * line), one error per conflict at its '<<<<<<<' line, and any stray '=======' or
 * '>>>>>>>' line. Only line starts are looked at, found with memchr; true when any was
 * found. It runs only when a load failed, so the load of a good map pays nothing for
 * it: in the block style cjm writes, a marker at the start of a line is neither a key
 * nor a list item, so the YAML around a conflict never parses as a map. (Inside a flow
 * collection spread over lines it could; cjm never writes one, and git's markers in
 * such a file would then read as text, which cjm validate shows.) */
static bool load_conflict_markers(const char *text, size_t len, size_t start, diag_list *diags)
{
	static const char *const msg = N_("unresolved merge conflict: keep one side between '<<<<<<<' and "
				  "'>>>>>>>' and delete the rest (see cjm-merge(1))");
	const char *p = text + start, *end = text + len;
	int line = 1;
	bool found = false, open = false;
	while (p < end) {
		char c = *p;
		if (c == '<' || c == '=' || c == '>') {
			if (cjm_is_conflict_marker(p, end, "<<<<<<<", true)) {
				diag_error(diags, line, 1, "%s", _(msg));
				found = open = true;
			} else if (cjm_is_conflict_marker(p, end, "=======", false) && !open) {
				diag_error(diags, line, 1, "%s", _(msg));
				found = true;
			} else if (cjm_is_conflict_marker(p, end, ">>>>>>>", true)) {
				if (!open)
					diag_error(diags, line, 1, "%s", _(msg));
				found = true;
				open = false;
			}
		}
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		if (!nl)
			break;
		p = nl + 1;
		line++;
	}
	return found;
}

static cjm_map *load_source(const char *text, size_t len, bool release_behind, diag_list *diags,
			    cjm_comments *comments)
{
	loader ld = { .diags = diags, .text = text, .len = len, .release_behind = release_behind };
	size_t errors_before = diags->errors;
	if (comments)
		*comments = (cjm_comments){ 0 };
	if (len > CJM_MAX_FILE_SIZE) {
		diag_error(diags, 0, 0, _("file is too large (%zu MiB; the limit is %u MiB)"), len >> 20,
			   CJM_MAX_FILE_SIZE >> 20);
		return NULL;
	}
	size_t diags_before = diags->count;
	ld.map = cjm_map_new(NULL);
	ld.ids = strset_new(len / 512); /* a full map has an id every 300 bytes or so */
	yaml_parser_initialize(&ld.parser);
	/* with the encoding set, libyaml would read a byte-order mark as text */
	ld.read_pos = ld.scan_pos = ld.continuation_bytes = load_bom_len(text, len);
	if (ld.scan_pos > 0 && ld.scan_pos < len && text[ld.scan_pos] == '#')
		load_note_hash(&ld, ld.scan_pos); /* the scan takes a '#' after a byte, not a mark, for text */
	yaml_parser_set_input(&ld.parser, load_read_handler, &ld);
	yaml_parser_set_encoding(&ld.parser, YAML_UTF8_ENCODING);
	load_document(&ld);
	if (ld.have_event)
		yaml_event_delete(&ld.event);
	yaml_parser_delete(&ld.parser);
	load_note_trailing_comments(&ld);
	if (comments)
		*comments = (cjm_comments){ ld.comment_count, ld.comment_line, ld.comment_col };
	if (diags->errors == errors_before)
		load_assign_missing_ids(&ld);
	strset_free(ld.ids);
	free(ld.missing);
	free(ld.hashes);
	free(ld.spans);
	if (diags->errors > errors_before || diags->truncated) {
		cjm_map_free(ld.map);
		/* not one map but two, from a merge: say that instead of what YAML made of it */
		diag_list *markers = diag_list_new(diags->file);
		if (load_conflict_markers(text, len, load_bom_len(text, len), markers)) {
			diag_list_drop_from(diags, diags_before);
			for (size_t i = 0; i < markers->count; i++)
				diag_error(diags, markers->items[i].line, markers->items[i].col, "%s",
					   markers->items[i].message);
		}
		diag_list_free(markers);
		return NULL;
	}
	return ld.map;
}

cjm_map *cjm_load_buffer(const char *text, size_t len, diag_list *diags, cjm_comments *comments)
{
	return load_source(text, len, false, diags, comments);
}

/* Reads all of FD (up to the size limit plus one byte, so "too large" can be told). */
static char *load_read_all(int fd, size_t *len, int *err)
{
	size_t cap = 1 << 16, n = 0;
	struct stat st;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size >= 0) {
		if ((unsigned long long)st.st_size > CJM_MAX_FILE_SIZE) {
			*err = EFBIG;
			return NULL;
		}
		cap = (size_t)st.st_size + 1;
	} else if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		*err = EISDIR;
		return NULL;
	}
	char *buf = xmalloc(cap);
	for (;;) {
		if (n > CJM_MAX_FILE_SIZE) { /* a pipe or device: stop one byte past the limit */
			free(buf);
			*err = EFBIG;
			return NULL;
		}
		if (n == cap) {
			cap = cap > CJM_MAX_FILE_SIZE / 2 ? (size_t)CJM_MAX_FILE_SIZE + 1 : cap * 2;
			buf = xrealloc(buf, cap);
		}
		ssize_t got = read(fd, buf + n, cap - n);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			*err = errno;
			free(buf);
			return NULL;
		}
		if (got == 0)
			break;
		n += (size_t)got;
	}
	*len = n;
	return buf;
}

char *cjm_read_file(const char *path, size_t *len, int *err)
{
	*err = 0;
	int fd = strcmp(path, "-") == 0 ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		*err = errno;
		return NULL;
	}
	char *text = load_read_all(fd, len, err);
	if (fd != STDIN_FILENO)
		close(fd);
	return text;
}

/* Maps a regular file read-only; NULL when it is empty, not regular, or cannot be mapped. */
static const char *load_map_file(int fd, size_t *len)
{
	struct stat st;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size <= 0 ||
	    (unsigned long long)st.st_size > CJM_MAX_FILE_SIZE)
		return NULL;
	void *text = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	if (text == MAP_FAILED)
		return NULL;
	madvise(text, (size_t)st.st_size, MADV_SEQUENTIAL);
	*len = (size_t)st.st_size;
	return text;
}

cjm_map *cjm_load_file(const char *path, diag_list *diags, cjm_comments *comments, int *errno_out)
{
	*errno_out = 0;
	if (strcmp(path, "-") != 0) {
		int fd = open(path, O_RDONLY | O_CLOEXEC);
		if (fd < 0) {
			*errno_out = errno;
			return NULL;
		}
		size_t len = 0;
		const char *mapped = load_map_file(fd, &len);
		close(fd);
		if (mapped) {
			cjm_map *map = load_source(mapped, len, true, diags, comments);
			munmap((void *)mapped, len);
			return map;
		}
	}
	size_t len = 0;
	char *text = cjm_read_file(path, &len, errno_out);
	if (!text) {
		if (*errno_out == EFBIG) {
			*errno_out = 0;
			diag_error(diags, 0, 0, _("file is too large (the limit is %u MiB)"), CJM_MAX_FILE_SIZE >> 20);
		}
		return NULL;
	}
	cjm_map *map = cjm_load_buffer(text, len, diags, comments);
	free(text);
	return map;
}
