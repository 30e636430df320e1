/* Numbers as the shortest decimal text that reads back as the same double. */
#ifndef CJM_NUMBER_H
#define CJM_NUMBER_H

#include <stddef.h>

#define NUMBER_TEXT_MAX 40

/* Writes into BUF (NUMBER_TEXT_MAX bytes) the shortest decimal that reads back
 * as exactly X: whole numbers as integers ("10", never "1e+01"), -0 as "0".
 * Returns its length. */
size_t number_format(char *buf, double x);

/* Copies PLAIN (as number_format writes it) into BUF (NUMBER_TEXT_MAX bytes) with its
 * decimal point written as POINT ("," for Dutch): for people to read, never to parse. */
void number_with_point(char *buf, const char *plain, const char *point);

#endif
