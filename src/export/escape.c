/* Escaping text for XML, JSON and CSV output. */
#include "export/escape.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/utf8.h"
#include "util/visible.h"

/* The character at S (at least one byte) for the escapers: its length, its code
 * point in *CP, and whether a terminal or a viewer would act on it (visible_escaped;
 * tab and line feed excepted, which every format has a way to write). A byte that
 * is not UTF-8 counts as one character U+FFFD. */
static size_t escape_char(const unsigned char *s, uint32_t *cp, bool *special)
{
	size_t n = *s < 0x80 ? 1 : utf8_decode(s, strlen((const char *)s), cp);
	if (*s < 0x80)
		*cp = *s;
	if (n == 0) {
		*cp = 0xFFFD;
		n = 1;
	}
	*special = *cp != '\t' && *cp != '\n' && visible_escaped(*cp);
	return n;
}

/* True for the characters no text format should carry even escaped: C0 and C1
 * controls (but tab, LF and CR), DEL and the noncharacters. A map never holds them. */
static bool escape_is_control(uint32_t cp)
{
	return (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || (cp >= 0x7F && cp <= 0x9F) ||
	       cp == 0xFFFE || cp == 0xFFFF;
}

void cjm_escape_xml(strbuf *out, const char *text)
{
	for (const unsigned char *s = (const unsigned char *)(text ? text : ""); *s; s++) {
		switch (*s) {
		case '&': strbuf_puts(out, "&amp;"); break;
		case '<': strbuf_puts(out, "&lt;"); break;
		case '>': strbuf_puts(out, "&gt;"); break;
		case '"': strbuf_puts(out, "&quot;"); break;
		case '\'': strbuf_puts(out, "&#39;"); break;
		default: {
			uint32_t cp;
			bool special;
			size_t n = escape_char(s, &cp, &special);
			if (*s == '\r' || (special && escape_is_control(cp)))
				strbuf_puts(out, "\xEF\xBF\xBD");
			else if (special)
				strbuf_printf(out, "&#x%04X;", (unsigned)cp); /* shown by the viewer, not raw in the file */
			else
				strbuf_add(out, (const char *)s, n);
			s += n - 1;
		}
		}
	}
}

void cjm_escape_json(strbuf *out, const char *text)
{
	static const char hex[] = "0123456789abcdef";
	strbuf_putc(out, '"');
	for (const unsigned char *s = (const unsigned char *)(text ? text : ""); *s; s++) {
		switch (*s) {
		case '"': strbuf_puts(out, "\\\""); break;
		case '\\': strbuf_puts(out, "\\\\"); break;
		case '\n': strbuf_puts(out, "\\n"); break;
		case '\r': strbuf_puts(out, "\\r"); break;
		case '\t': strbuf_puts(out, "\\t"); break;
		default: {
			uint32_t cp;
			bool special;
			size_t n = escape_char(s, &cp, &special);
			if (special) {
				strbuf_puts(out, "\\u");
				for (int i = 12; i >= 0; i -= 4)
					strbuf_putc(out, hex[(cp >> i) & 15]);
			} else {
				strbuf_add(out, (const char *)s, n);
			}
			s += n - 1;
		}
		}
	}
	strbuf_putc(out, '"');
}

static void escape_csv_field(strbuf *out, const char *s, char sep);
static char *escape_csv_clean(const char *s);

void cjm_escape_csv(strbuf *out, const char *text)
{
	cjm_escape_csv_sep(out, text, ',');
}

void cjm_escape_csv_sep(strbuf *out, const char *text, char sep)
{
	char *clean = escape_csv_clean(text ? text : "");
	escape_csv_field(out, clean ? clean : text ? text : "", sep);
	free(clean);
}

static void escape_csv_field(strbuf *out, const char *s, char sep)
{
	size_t len = strlen(s);
	bool quote = strpbrk(s, ",\"\r\n") != NULL || strchr(s, sep) != NULL ||
		     (len > 0 && (s[0] == ' ' || s[len - 1] == ' '));
	if (!quote) {
		strbuf_puts(out, s);
		return;
	}
	strbuf_putc(out, '"');
	for (; *s; s++) {
		if (*s == '"')
			strbuf_putc(out, '"');
		strbuf_putc(out, *s);
	}
	strbuf_putc(out, '"');
}

/* The CSV field S with every control character a map may not hold (none, when it
 * loaded) made U+FFFD, so no cell carries ESC; NULL when there is none. */
static char *escape_csv_clean(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	for (; p[i]; i++)
		if ((p[i] < 0x20 && p[i] != '\t' && p[i] != '\n' && p[i] != '\r') || p[i] == 0x7F ||
		    (p[i] == 0xC2 && p[i + 1] >= 0x80 && p[i + 1] <= 0x9F))
			break;
	if (!p[i])
		return NULL;
	strbuf clean = { 0 };
	for (i = 0; p[i]; i++) {
		if ((p[i] < 0x20 && p[i] != '\t' && p[i] != '\n' && p[i] != '\r') || p[i] == 0x7F) {
			strbuf_puts(&clean, "\xEF\xBF\xBD");
		} else if (p[i] == 0xC2 && p[i + 1] >= 0x80 && p[i + 1] <= 0x9F) {
			strbuf_puts(&clean, "\xEF\xBF\xBD");
			i++;
		} else {
			strbuf_putc(&clean, (char)p[i]);
		}
	}
	return clean.data;
}
