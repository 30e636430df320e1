/* The interface language: gettext for what cjm says to its user, and numbers as the user's locale writes them. */
#ifndef CJM_I18N_H
#define CJM_I18N_H

#include <libintl.h>
#include <stddef.h>

/* The text domain: po/cjm.pot, po/LANG.po, LOCALEDIR/LANG/LC_MESSAGES/cjm.mo. */
#define CJM_TEXT_DOMAIN "cjm"

/* A message to the user, translated into the interface language. */
#define _(msgid) gettext(msgid)
/* Marks MSGID for translation where it is defined (a table); _() translates it where shown. */
#define N_(msgid) (msgid)
/* MSGID in CONTEXT, translated: for a short text that needs other words in another
 * place ("fix cheaply" in a narrow column). */
#define C_(context, msgid) i18n_context_text((context), (msgid))
const char *i18n_context_text(const char *context, const char *msgid);

/* ONE or MANY by N, translated ("1 touchpoint", "3 touchpoints"). */
#define P_(one, many, n) ngettext((one), (many), (unsigned long)(n))

/* Takes the user's locale (LANGUAGE, LC_ALL, LC_MESSAGES, LANG) for messages and
 * characters, keeps numbers in the C locale (files and exports always read "7.5"),
 * and finds cjm's catalogues. Called once, first thing in main. */
void i18n_init(void);

/* The folder holding LANG/LC_MESSAGES/cjm.mo: beside the running binary
 * (BINDIR/locale, as in the build tree), else the installed LOCALEDIR relative to
 * BINDIR (exe_installed_dir: BINDIR/../share/locale by default, whatever the
 * prefix); /usr/share/locale when the binary's folder is unknown. Never NULL. */
const char *i18n_localedir(void);

/* The language the interface speaks, as a language tag: "nl" when the Dutch catalogue
 * is in use, "en" otherwise (English is the source language). */
const char *i18n_language(void);

/* The interface locale's decimal separator ("," under nl_NL, "." otherwise). */
const char *i18n_decimal_point(void);

/* X as number_format writes it, with the interface locale's decimal separator, into
 * BUF (NUMBER_TEXT_MAX bytes): for the screen and cjm stats, never for a file. */
const char *i18n_number(char *buf, double x);

#endif
