/* Escaping the characters a terminal would act on, for every text cjm prints. */
#include "util/visible.h"

#include <string.h>

#include "util/utf8.h"

bool visible_escaped(uint32_t cp)
{
	if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F))
		return true;
	if (cp < 0x61C)
		return false;
	return cp == 0x61C || cp == 0x200E || cp == 0x200F || (cp >= 0x2028 && cp <= 0x202E) ||
	       (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF || cp == 0xFFFE || cp == 0xFFFF;
}

size_t visible_escape_char(char *buf, uint32_t cp, bool not_utf8)
{
	static const char hex[] = "0123456789ABCDEF";
	if (!not_utf8 && (cp == '\n' || cp == '\t' || cp == '\r')) {
		buf[0] = '\\', buf[1] = cp == '\n' ? 'n' : cp == '\t' ? 't' : 'r', buf[2] = '\0';
		return 2;
	}
	if (not_utf8 || cp < 0x80) {
		buf[0] = '\\', buf[1] = 'x', buf[2] = hex[(cp >> 4) & 15], buf[3] = hex[cp & 15], buf[4] = '\0';
		return 4;
	}
	buf[0] = '\\', buf[1] = 'u';
	for (int i = 0; i < 4; i++)
		buf[2 + i] = hex[(cp >> (12 - 4 * i)) & 15];
	buf[6] = '\0';
	return 6;
}

void visible_append(strbuf *out, const char *text, size_t len, unsigned flags)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t plain = 0; /* start of the run not yet appended */
	for (size_t i = 0; i < len;) {
		unsigned char c = s[i];
		if (c >= 0x20 && c < 0x7F && (c != '\\' || !(flags & VISIBLE_BACKSLASH))) {
			i++;
			continue;
		}
		uint32_t cp = c;
		size_t n = c < 0x80 ? 1 : utf8_decode(s + i, len - i, &cp);
		bool not_utf8 = n == 0;
		if (not_utf8)
			n = 1, cp = c;
		bool keep = !not_utf8 && !visible_escaped(cp) && c != '\\';
		if (c == '\n' && (flags & VISIBLE_KEEP_NEWLINE))
			keep = true;
		if (c == '\t' && (flags & VISIBLE_KEEP_TAB))
			keep = true;
		if (c == '\\' && !(flags & VISIBLE_BACKSLASH))
			keep = true;
		if (keep) {
			i += n;
			continue;
		}
		strbuf_add(out, text + plain, i - plain);
		if (c == '\\') {
			strbuf_puts(out, "\\\\");
		} else {
			char buf[12];
			strbuf_add(out, buf, visible_escape_char(buf, cp, not_utf8));
		}
		i += n;
		plain = i;
	}
	strbuf_add(out, text + plain, len - plain);
}

void visible_puts(strbuf *out, const char *text, unsigned flags)
{
	if (text)
		visible_append(out, text, strlen(text), flags);
}

int visible_fputs(const char *text, unsigned flags, FILE *f)
{
	strbuf buf = { 0 };
	visible_puts(&buf, text, flags);
	int rc = buf.len ? fputs(buf.data, f) : 0;
	strbuf_release(&buf);
	return rc;
}

bool visible_has_escaped_unicode(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	for (size_t i = 0; i < len;) {
		if (i + 8 <= len) {
			uint64_t w;
			memcpy(&w, p + i, sizeof w);
			if ((w & 0x8080808080808080ull) == 0) { /* 8 bytes of ASCII */
				i += 8;
				continue;
			}
		}
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		uint32_t cp;
		size_t n = utf8_decode(p + i, len - i, &cp);
		if (n == 0)
			n = 1;
		else if (visible_escaped(cp))
			return true;
		i += n;
	}
	return false;
}

void visible_escape_yaml_quoted(strbuf *out, size_t from)
{
	if (!out->data || from >= out->len || !visible_has_escaped_unicode(out->data + from, out->len - from))
		return;
	strbuf done = { 0 };
	const unsigned char *p = (const unsigned char *)out->data;
	size_t plain = from;
	for (size_t i = from; i < out->len;) {
		uint32_t cp;
		size_t n = p[i] < 0x80 ? 1 : utf8_decode(p + i, out->len - i, &cp);
		if (n == 0) {
			i++;
			continue;
		}
		if (p[i] >= 0x80 && visible_escaped(cp)) {
			char buf[12];
			strbuf_add(&done, out->data + plain, i - plain);
			strbuf_add(&done, buf, visible_escape_char(buf, cp, false));
			plain = i + n;
		}
		i += n;
	}
	strbuf_add(&done, out->data + plain, out->len - plain);
	out->len = from;
	out->data[from] = '\0';
	strbuf_add(out, done.data, done.len);
	strbuf_release(&done);
}
