/* A map as text: the journey grid with its emotion curve, and the one-fact-per-line plain form. */
#ifndef CJM_SHOW_H
#define CJM_SHOW_H

#include <stdbool.h>
#include <stddef.h>

#include "analysis/compare.h"
#include "model/map.h"
#include "model/field.h"
#include "util/strbuf.h"

typedef struct cjm_show_options {
	size_t width; /* display columns no line may exceed (at least 1) */
	bool ascii;   /* ASCII lines (+-|) instead of Unicode box drawing */
	/* When set, called with the output so far after each band and at the end;
	 * it may write OUT somewhere and empty it, so a huge map needs little memory. */
	void (*flush)(strbuf *out, void *arg);
	void *flush_arg;
	/* When set, the other map's curve is drawn over this one's (matched by id),
	 * with a legend naming both (HERE_NAME, THERE_NAME: the files as given), the
	 * figures of both, a difference lane and the touchpoints only on one side. */
	const cjm_compare *compare;
	const char *here_name, *there_name;
} cjm_show_options;

/*
 * The grid: the title and map fields, then bands of columns. Phases are
 * column groups left to right (the name spans its columns), one column per
 * touchpoint (an empty phase gets one empty column), lanes beneath: name
 * (with marks), channel, owner, the emotion curve (+3 to -3, a marker per
 * scored touchpoint joined by a line, a dotted zero line), pains, ideas, then
 * every other touchpoint field that some touchpoint has, in field-table
 * order. Whole phases wrap onto a new band when the width is used up; a phase
 * wider than a band is split over several. Ends with a legend of the marks.
 * With a comparison (options->compare): after the heading a legend of the two
 * curves' markers and a figures line for each map; in the curve the other
 * map's markers (o / ○) and line (~ : / ┄ ┆) under this map's (* / ●; both at
 * one point: @ / ◉); under the curve a difference lane ("+2": the other's
 * emotion minus this one's, "only here"); after the grid the touchpoints only
 * in the other map.
 * Linear in the size of the map.
 */
void cjm_show_grid(strbuf *out, const cjm_map *map, const cjm_show_options *options);

/*
 * The plain form, for `git diff` textconv: one self-contained line per fact,
 * in map order. The grammar (values escaped: \\ \n \r \t \xHH, and \uHHHH
 * for the other characters a terminal would act on, visible_escaped):
 *
 *   version: N
 *   KEY: VALUE                  map fields (title, persona.name, ...; one line per list item)
 *   pattern ID enabled: true|false
 *   pattern ID threshold: NUMBER
 *   pattern ID: (no settings)
 *   phase PID: NAME
 *   phase PID KEY: VALUE        other phase fields (description)
 *   touchpoint PID/TID: NAME
 *   PID/TID KEY: VALUE          other touchpoint fields, in file order; one line per
 *                               item of pillars, pains, ideas, quotes
 *   dismissed PATTERN: TARGET
 *
 * KEY is the key in the file; absent fields give no line. Numbers are the
 * shortest decimal that reads back the same; emotions are plain integers.
 */
void cjm_show_plain(strbuf *out, const cjm_map *map);

/* Appends VALUE of FIELD as one piece of text: lists and pillars joined by ", ",
 * booleans as true / false, emotions signed (+1, 0, -2). Nothing when absent. */
void cjm_show_value(strbuf *out, cjm_field field, const cjm_value *value);

/* Appends TEXT escaped as the plain form writes it (\\ \n \r \t \xHH \uHHHH). */
void cjm_show_escape(strbuf *out, const char *text);

#endif
