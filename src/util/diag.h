/* Diagnostics about a file, printed as FILE:LINE:COL: error: message. */
#ifndef CJM_DIAG_H
#define CJM_DIAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#define DIAG_MAX_ERRORS 50

typedef struct diag {
	int line; /* 1-based; 0 when the problem is about the whole file */
	int col;
	bool warning;
	char *message;
} diag;

typedef struct diag_list {
	char *file;
	diag *items;
	size_t count;
	size_t cap;
	size_t errors;
	bool truncated; /* more than DIAG_MAX_ERRORS errors were reported */
} diag_list;

diag_list *diag_list_new(const char *file);
void diag_list_free(diag_list *list);
void diag_error(diag_list *list, int line, int col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
void diag_warning(diag_list *list, int line, int col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
bool diag_full(const diag_list *list);
/* Forgets the diagnostics from number COUNT on (when a better explanation replaces them). */
void diag_list_drop_from(diag_list *list, size_t count);
/* The first error by line and column (the one a one-line message names), or NULL. */
const diag *diag_first_error(const diag_list *list);
/* Prints every diagnostic, one line each, ordered by line and column. */
void diag_print(const diag_list *list, FILE *out);

#endif
