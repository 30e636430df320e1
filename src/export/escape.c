/* Escaping text for XML, JSON and CSV output. */
#include "export/escape.h"

#include <stdbool.h>
#include <string.h>

void cjm_escape_xml(strbuf *out, const char *text)
{
	for (const unsigned char *s = (const unsigned char *)(text ? text : ""); *s; s++) {
		switch (*s) {
		case '&': strbuf_puts(out, "&amp;"); break;
		case '<': strbuf_puts(out, "&lt;"); break;
		case '>': strbuf_puts(out, "&gt;"); break;
		case '"': strbuf_puts(out, "&quot;"); break;
		case '\'': strbuf_puts(out, "&#39;"); break;
		default:
			if (*s < 0x20 && *s != '\t' && *s != '\n')
				strbuf_puts(out, "\xEF\xBF\xBD");
			else
				strbuf_putc(out, (char)*s);
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
		default:
			if (*s < 0x20) {
				strbuf_puts(out, "\\u00");
				strbuf_putc(out, hex[*s >> 4]);
				strbuf_putc(out, hex[*s & 15]);
			} else {
				strbuf_putc(out, (char)*s);
			}
		}
	}
	strbuf_putc(out, '"');
}

void cjm_escape_csv(strbuf *out, const char *text)
{
	const char *s = text ? text : "";
	size_t len = strlen(s);
	bool quote = strpbrk(s, ",\"\r\n") != NULL || (len > 0 && (s[0] == ' ' || s[len - 1] == ' '));
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
