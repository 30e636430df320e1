/* Small helpers the built-in patterns share: keyword matching, quoted names, signed numbers and one-line titles. */
#include "patterns/pattern_util.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "util/number.h"
#include "util/xalloc.h"

void cjm_pu_words_init(cjm_pu_words *w, const char *text)
{
	/* ASCII letters lower-cased, UTF-8 bytes as they are; and which bytes occur, so that
	 * a keyword with a byte the text lacks is ruled out without a search. */
	memset(w->seen, 0, sizeof w->seen);
	size_t len = text ? strlen(text) : 0;
	w->lower = len < sizeof w->local ? w->local : xmalloc(len + 1);
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)text[i];
		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c - 'A' + 'a');
		w->lower[i] = (char)c;
		w->seen[c >> 6] |= (uint64_t)1 << (c & 63);
	}
	w->lower[len] = '\0';
}

void cjm_pu_words_free(cjm_pu_words *w)
{
	if (w->lower != w->local)
		free(w->lower);
	w->lower = NULL;
}

bool cjm_pu_words_has(const cjm_pu_words *w, const char *const *words)
{
	for (size_t i = 0; words[i]; i++) {
		const unsigned char *c = (const unsigned char *)words[i];
		while (*c && (w->seen[*c >> 6] >> (*c & 63) & 1))
			c++;
		if (!*c && strstr(w->lower, words[i]))
			return true;
	}
	return false;
}

bool cjm_pu_mentions(const char *text, const char *const *words)
{
	if (!text)
		return false;
	cjm_pu_words w;
	cjm_pu_words_init(&w, text);
	bool found = cjm_pu_words_has(&w, words);
	cjm_pu_words_free(&w);
	return found;
}

/* The length of the longest prefix of TEXT (LEN bytes) within MAX bytes that ends on a character boundary. */
static size_t pu_cut(const char *text, size_t len, size_t max)
{
	if (len <= max)
		return len;
	size_t cut = max;
	while (cut > 0 && ((unsigned char)text[cut] & 0xC0) == 0x80)
		cut--;
	return cut;
}

/* Where to shorten TEXT (LEN bytes) to fit MAX bytes with "..." after it: at a character
 * boundary, at the end of a word when one ends in the last half, without trailing spaces. */
static size_t pu_shorten(const char *text, size_t len, size_t max)
{
	size_t cut = pu_cut(text, len, max > 3 ? max - 3 : 0);
	if (cut < len && text[cut] != ' ') {
		size_t space = cut;
		while (space > cut / 2 && text[space - 1] != ' ')
			space--;
		if (space > cut / 2)
			cut = space;
	}
	while (cut > 0 && text[cut - 1] == ' ')
		cut--;
	return cut;
}

void cjm_pu_quote(strbuf *out, const char *text, size_t max)
{
	size_t len = strlen(text);
	strbuf_putc(out, '\'');
	if (len <= max) {
		strbuf_add(out, text, len);
	} else {
		strbuf_add(out, text, pu_shorten(text, len, max));
		strbuf_puts(out, "...");
	}
	strbuf_putc(out, '\'');
}

void cjm_pu_title(char out[CJM_PU_TITLE_MAX + 1], const char *before, const char *name, const char *after)
{
	size_t nb = strlen(before), na = strlen(after);
	size_t fixed = nb + na + 2;
	size_t room = fixed < CJM_PU_TITLE_MAX ? CJM_PU_TITLE_MAX - fixed : 0;
	size_t len = strlen(name);
	size_t keep = len;
	const char *dots = "";
	if (len > room) {
		keep = pu_shorten(name, len, room);
		dots = "...";
	}
	/* Plain copies, not snprintf: patterns may title tens of thousands of suggestions. */
	char *end = out + CJM_PU_TITLE_MAX;
	char *o = out;
	const char *parts[] = {before, "'", name, dots, "'", after};
	size_t lens[] = {nb, 1, keep, strlen(dots), 1, na};
	for (size_t i = 0; i < sizeof parts / sizeof *parts; i++) {
		size_t n = lens[i] < (size_t)(end - o) ? lens[i] : (size_t)(end - o);
		memcpy(o, parts[i], n);
		o += n;
	}
	*o = '\0';
	for (o = out; *o; o++) /* one line, whatever the name holds */
		if ((unsigned char)*o < 0x20)
			*o = ' ';
}

/* Writes the digits of V at the end of the buffer that ends at END; returns where they start. */
static char *pu_digits(char *end, unsigned long long v)
{
	do {
		*--end = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	return end;
}

const char *cjm_pu_emotion(char buf[8], int emotion)
{
	char tmp[16];
	char *end = tmp + sizeof tmp;
	char *d = pu_digits(end, (unsigned long long)(emotion < 0 ? -(long long)emotion : emotion));
	char *o = buf;
	if (emotion > 0)
		*o++ = '+';
	else if (emotion < 0)
		*o++ = '-';
	size_t n = (size_t)(end - d);
	if (n > 6)
		n = 6;
	memcpy(o, d, n);
	o[n] = '\0';
	return buf;
}

/* Writes K / 10^DECIMALS (DECIMALS 1 or 2) into BUF, with DECIMALS digits after the point. */
static void pu_fixed(char buf[40], long long k, int decimals)
{
	char tmp[40];
	char *end = tmp + sizeof tmp;
	unsigned long long u = (unsigned long long)(k < 0 ? -k : k);
	unsigned long long scale = decimals == 1 ? 10 : 100;
	char *p = end;
	unsigned long long frac = u % scale;
	for (int i = 0; i < decimals; i++) {
		*--p = (char)('0' + frac % 10);
		frac /= 10;
	}
	*--p = '.';
	p = pu_digits(p, u / scale);
	if (k < 0)
		*--p = '-';
	memcpy(buf, p, (size_t)(end - p));
	buf[end - p] = '\0';
}

const char *cjm_pu_number(char buf[40], double x)
{
	/* Satisfaction, impact and thresholds mostly have one or two decimals: when X is the
	 * double nearest to k/10 or k/100, k/10 or k/100 written out is its shortest form, and
	 * cheaper to find than number_format's search. */
	if (x > -1e6 && x < 1e6 && x != (double)(long long)x) {
		double k10 = round(x * 10), k100 = round(x * 100);
		if (k10 / 10 == x) {
			pu_fixed(buf, (long long)k10, 1);
			return buf;
		}
		if (k100 / 100 == x) {
			pu_fixed(buf, (long long)k100, 2);
			return buf;
		}
	}
	number_format(buf, x);
	return buf;
}

const char *cjm_pu_mean(char buf[16], double x)
{
	if (fabs(x) < 0.05)
		snprintf(buf, 16, "0.0");
	else
		snprintf(buf, 16, "%+.1f", x);
	return buf;
}

int cjm_pu_emotion_of(const cjm_api *api, const cjm_touchpoint *tp)
{
	int emotion = 0;
	api->tp_emotion(tp, &emotion);
	return emotion;
}

double cjm_pu_satisfaction_of(const cjm_api *api, const cjm_touchpoint *tp)
{
	double value = 0;
	api->tp_satisfaction(tp, &value);
	return value;
}

double cjm_pu_impact_of(const cjm_api *api, const cjm_touchpoint *tp)
{
	double value = 0;
	api->tp_impact(tp, &value);
	return value;
}

strset *cjm_pu_dismissed_targets(const cjm_api *api, const cjm_map *map, const char *pattern)
{
	strset *targets = NULL;
	size_t count = api->dismissed_count(map);
	for (size_t i = 0; i < count; i++) {
		if (strcmp(api->dismissed_pattern(map, i), pattern) != 0)
			continue;
		if (!targets)
			targets = strset_new(count);
		strset_add(targets, api->dismissed_target(map, i));
	}
	return targets;
}

bool cjm_pu_map_names_owners(const cjm_api *api, const cjm_map *map)
{
	size_t phases = api->phase_count(map);
	for (size_t p = 0; p < phases; p++) {
		const cjm_phase *phase = api->phase_at(map, p);
		size_t count = api->touchpoint_count(phase);
		for (size_t t = 0; t < count; t++)
			if (api->tp_owner(api->touchpoint_at(phase, t)))
				return true;
	}
	return false;
}

bool cjm_pu_not_ours(const cjm_api *api, const cjm_touchpoint *tp, bool names_owners)
{
	return names_owners && !api->tp_owner(tp);
}

bool cjm_pu_map_mentions(const cjm_api *api, const cjm_map *map, const char *const *words)
{
	if (cjm_pu_mentions(api->map_text(map, "title"), words) ||
	    cjm_pu_mentions(api->map_text(map, "persona.name"), words) ||
	    cjm_pu_mentions(api->map_text(map, "persona.description"), words))
		return true;
	size_t phases = api->phase_count(map);
	for (size_t p = 0; p < phases; p++)
		if (cjm_pu_mentions(api->phase_name(api->phase_at(map, p)), words))
			return true;
	return false;
}

const char *cjm_pu_lang(const cjm_api *api, const cjm_map *map)
{
	return api->map_text(map, "language");
}

void cjm_pu_title_fmt(char out[CJM_PU_TITLE_MAX + 1], const char *format, const char *name)
{
	const char *at = strstr(format, "%s");
	if (!at) {
		size_t n = strlen(format);
		n = pu_cut(format, n, CJM_PU_TITLE_MAX);
		memcpy(out, format, n);
		out[n] = '\0';
		for (char *o = out; *o; o++)
			if ((unsigned char)*o < 0x20)
				*o = ' ';
		return;
	}
	char before[CJM_PU_TITLE_MAX + 1];
	size_t nb = pu_cut(format, (size_t)(at - format), CJM_PU_TITLE_MAX);
	memcpy(before, format, nb);
	before[nb] = '\0';
	cjm_pu_title(out, before, name, at + 2);
}

const char *cjm_pu_quoted(strbuf *buf, const char *text, size_t max)
{
	strbuf_reset(buf);
	cjm_pu_quote(buf, text, max);
	return buf->data;
}

/* Puts the interface locale's decimal separator in place of the '.' in BUF (SIZE bytes). */
static void pu_ui_point(char *buf, size_t size)
{
	char with_point[NUMBER_TEXT_MAX];
	number_with_point(with_point, buf, i18n_decimal_point());
	if (strlen(with_point) < size)
		memcpy(buf, with_point, strlen(with_point) + 1);
}

const char *cjm_pu_ui_number(char buf[40], double x)
{
	cjm_pu_number(buf, x);
	pu_ui_point(buf, 40);
	return buf;
}

const char *cjm_pu_ui_mean(char buf[16], double x)
{
	cjm_pu_mean(buf, x);
	pu_ui_point(buf, 16);
	return buf;
}

const char *cjm_pu_ui_fixed1(char buf[40], double x)
{
	snprintf(buf, 40, "%.1f", x);
	pu_ui_point(buf, 40);
	return buf;
}

void cjm_pu_figures_text_init(cjm_pu_figures_text *t)
{
	/* TRANSLATORS: a clause appended to a rationale: a touchpoint's satisfaction and impact. */
	t->both = _("; satisfaction %s, impact %s");
	/* TRANSLATORS: a clause appended to a rationale: a touchpoint's satisfaction. */
	t->satisfaction = _("; satisfaction %s");
	/* TRANSLATORS: a clause appended to a rationale: a touchpoint's impact. */
	t->impact = _("; impact %s");
}

void cjm_pu_put_figures(strbuf *why, const cjm_api *api, const cjm_touchpoint *tp, const cjm_pu_figures_text *t)
{
	char sat[40], impact[40];
	double s, i;
	bool has_sat = api->tp_satisfaction(tp, &s), has_impact = api->tp_impact(tp, &i);
	if (has_sat)
		cjm_pu_ui_number(sat, s);
	if (has_impact)
		cjm_pu_ui_number(impact, i);
	if (has_sat && has_impact)
		cjm_pu_format(why, t->both, 2, (const char *const[]){sat, impact});
	else if (has_sat)
		cjm_pu_format(why, t->satisfaction, 1, (const char *const[]){sat});
	else if (has_impact)
		cjm_pu_format(why, t->impact, 1, (const char *const[]){impact});
}

void cjm_pu_format(strbuf *out, const char *format, size_t n, const char *const *args)
{
	size_t next = 0;
	const char *f = format;
	for (;;) {
		const char *pct = strchr(f, '%');
		if (!pct) {
			strbuf_puts(out, f);
			return;
		}
		strbuf_add(out, f, (size_t)(pct - f));
		f = pct + 1;
		if (*f == '%') {
			strbuf_putc(out, '%');
			f++;
			continue;
		}
		size_t index = next;
		const char *d = f;
		size_t pos = 0;
		while (*d >= '0' && *d <= '9')
			pos = pos * 10 + (size_t)(*d++ - '0');
		if (*d == '$' && pos > 0) {
			index = pos - 1;
			f = d + 1;
		} else {
			next++;
		}
		while (*f == 'z' || *f == 'l' || *f == 'h')
			f++;
		if (*f)
			f++; /* the conversion letter */
		if (index < n && args[index])
			strbuf_puts(out, args[index]);
	}
}
