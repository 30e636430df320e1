/* Diagnostics about a file, printed as FILE:LINE:COL: error: message. */
#include "util/diag.h"

#include <stdarg.h>
#include <stdlib.h>

#include "util/i18n.h"
#include "util/visible.h"
#include "util/xalloc.h"

diag_list *diag_list_new(const char *file)
{
	diag_list *list = xcalloc(1, sizeof *list);
	list->file = xstrdup(file ? file : "-");
	return list;
}

void diag_list_free(diag_list *list)
{
	if (!list)
		return;
	for (size_t i = 0; i < list->count; i++)
		free(list->items[i].message);
	free(list->items);
	free(list->file);
	free(list);
}

static void diag_add(diag_list *list, bool warning, int line, int col, const char *fmt, va_list ap)
{
	if (!warning && list->errors >= DIAG_MAX_ERRORS) {
		list->truncated = true;
		return;
	}
	va_list copy;
	va_copy(copy, ap);
	int n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	char *message = xmalloc(n > 0 ? (size_t)n + 1 : 1);
	vsnprintf(message, n > 0 ? (size_t)n + 1 : 1, fmt, ap);
	xgrow((void **)&list->items, &list->cap, list->count + 1, sizeof *list->items);
	list->items[list->count++] = (diag){ line, col, warning, message };
	if (!warning)
		list->errors++;
}

const diag *diag_first_error(const diag_list *list)
{
	const diag *first = NULL;
	for (size_t i = 0; i < list->count; i++) {
		const diag *d = &list->items[i];
		if (!d->warning && (!first || d->line < first->line || (d->line == first->line && d->col < first->col)))
			first = d;
	}
	return first;
}

void diag_list_drop_from(diag_list *list, size_t count)
{
	while (list->count > count) {
		diag *d = &list->items[--list->count];
		if (!d->warning)
			list->errors--;
		free(d->message);
	}
	list->truncated = false;
}

void diag_error(diag_list *list, int line, int col, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_add(list, false, line, col, fmt, ap);
	va_end(ap);
}

void diag_warning(diag_list *list, int line, int col, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_add(list, true, line, col, fmt, ap);
	va_end(ap);
}

bool diag_full(const diag_list *list)
{
	return list->errors >= DIAG_MAX_ERRORS;
}

/* Orders by position; the order found breaks ties, so the sort is stable. */
static int diag_compare(const void *a, const void *b)
{
	const diag *x = *(const diag *const *)a, *y = *(const diag *const *)b;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	return x < y ? -1 : x > y;
}

void diag_print(const diag_list *list, FILE *out)
{
	const diag **order = xmalloc((list->count ? list->count : 1) * sizeof *order);
	for (size_t i = 0; i < list->count; i++)
		order[i] = &list->items[i];
	qsort(order, list->count, sizeof *order, diag_compare);
	/* what a file name or a message quotes from the file is printed escaped
	 * (visible_escaped): a hostile map cannot drive the reader's terminal, nor
	 * start a line that looks like another diagnostic */
	strbuf file = { 0 }, message = { 0 };
	visible_puts(&file, list->file, 0);
	const char *name = file.data ? file.data : "";
	for (size_t i = 0; i < list->count; i++) {
		const diag *d = order[i];
		const char *kind = d->warning ? _("warning") : _("error");
		strbuf_reset(&message);
		visible_puts(&message, d->message, 0);
		const char *text = message.data ? message.data : "";
		if (d->line > 0)
			fprintf(out, "%s:%d:%d: %s: %s\n", name, d->line, d->col, kind, text);
		else
			fprintf(out, "%s: %s: %s\n", name, kind, text);
	}
	free(order);
	if (list->truncated)
		fprintf(out, _("%s: error: too many errors; stopped after %d\n"), name, DIAG_MAX_ERRORS);
	strbuf_release(&file);
	strbuf_release(&message);
}
