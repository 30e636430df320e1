/* The interface language: the user's locale for messages, the C locale for numbers, and where cjm's catalogues are. */
#include "util/i18n.h"

#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util/exe_dir.h"
#include "util/number.h"
#include "util/xalloc.h"

static char i18n_point[8] = ".";
static char i18n_tag[16] = "en";
static char *i18n_dir; /* found once, kept for the run */

static bool i18n_is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

const char *i18n_localedir(void)
{
	if (i18n_dir)
		return i18n_dir;
	const char *exe = exe_dir();
	if (!exe) /* no /proc: gettext's own default, never a folder relative to the current one */
		return i18n_dir = xstrdup("/usr/share/locale");
	char *dir = xasprintf("%s/locale", exe); /* the build tree: build/locale */
	if (i18n_is_dir(dir))
		return i18n_dir = dir;
	free(dir);
	return i18n_dir = exe_installed_dir(EXE_LOCALEDIR); /* installed: BINDIR/../share/locale */
}

/* The "Language:" line of the header of the catalogue gettext uses, as a tag. */
static void i18n_read_language(void)
{
	static const char header_key[] = ""; /* gettext's key of the catalogue's header */
	const char *header = gettext(header_key);
	const char *at = header && *header ? strstr(header, "Language: ") : NULL;
	if (!at)
		return;
	at += strlen("Language: ");
	size_t n = strcspn(at, "\n");
	if (n == 0 || n >= sizeof i18n_tag)
		return;
	memcpy(i18n_tag, at, n);
	i18n_tag[n] = '\0';
	for (char *c = i18n_tag; *c; c++)
		if (*c == '_')
			*c = '-';
}

void i18n_init(void)
{
	/* Only messages and characters follow the locale: sorting and times are cjm's own, and
	 * numbers are read and written as "7.5" (the locale's separator is kept for display). */
	if (!setlocale(LC_CTYPE, ""))
		setlocale(LC_CTYPE, "C.UTF-8");
	setlocale(LC_MESSAGES, "");
	if (setlocale(LC_NUMERIC, "")) {
		const char *point = localeconv()->decimal_point;
		if (point && *point && strlen(point) < sizeof i18n_point)
			snprintf(i18n_point, sizeof i18n_point, "%s", point);
		setlocale(LC_NUMERIC, "C");
	}
	bindtextdomain(CJM_TEXT_DOMAIN, i18n_localedir());
	bind_textdomain_codeset(CJM_TEXT_DOMAIN, "UTF-8");
	textdomain(CJM_TEXT_DOMAIN);
	i18n_read_language();
}

const char *i18n_language(void)
{
	return i18n_tag;
}

const char *i18n_decimal_point(void)
{
	return i18n_point;
}

const char *i18n_number(char *buf, double x)
{
	char plain[NUMBER_TEXT_MAX];
	number_format(plain, x);
	number_with_point(buf, plain, i18n_point);
	return buf;
}

const char *i18n_context_text(const char *context, const char *msgid)
{
	/* gettext keys a message with a context as CONTEXT "\004" MSGID */
	char *key = xasprintf("%s\004%s", context, msgid);
	const char *t = gettext(key);
	const char *result = t == key ? msgid : t;
	free(key);
	return result;
}
