/* The CSV export and import: exact output, round trips, a facilitator's sheet, every error
 * with its position, and no crash on mangled input. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/map.h"
#include "export/export.h"
#include "io/load.h"
#include "io/save.h"
#include "util/diag.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#include "fixture.h"

/* ---- what a test made, freed by the teardown even when an assertion fails ---- */

static struct {
	cjm_map **maps;
	size_t maps_len, maps_cap;
	diag_list **diags;
	size_t diags_len, diags_cap;
	strbuf bufs[8];
	size_t bufs_len;
} kept;

static cjm_map *keep_map(cjm_map *map)
{
	if (map) {
		xgrow((void **)&kept.maps, &kept.maps_cap, kept.maps_len + 1, sizeof *kept.maps);
		kept.maps[kept.maps_len++] = map;
	}
	return map;
}

static diag_list *new_diags(const char *file)
{
	diag_list *diags = diag_list_new(file);
	xgrow((void **)&kept.diags, &kept.diags_cap, kept.diags_len + 1, sizeof *kept.diags);
	kept.diags[kept.diags_len++] = diags;
	return diags;
}

static strbuf *new_buf(void)
{
	assert_true(kept.bufs_len < sizeof kept.bufs / sizeof *kept.bufs);
	return &kept.bufs[kept.bufs_len++];
}

static int free_kept(void **state)
{
	(void)state;
	for (size_t i = 0; i < kept.maps_len; i++)
		cjm_map_free(kept.maps[i]);
	for (size_t i = 0; i < kept.diags_len; i++)
		diag_list_free(kept.diags[i]);
	for (size_t i = 0; i < kept.bufs_len; i++)
		strbuf_release(&kept.bufs[i]);
	free(kept.maps);
	free(kept.diags);
	memset(&kept, 0, sizeof kept);
	return 0;
}

/* ---- helpers ---- */

static const cjm_export_options options = { .paper = CJM_PAPER_A3 };

/* A map with every touchpoint field, an empty phase, and text a CSV must quote. */
static cjm_map *journey(void)
{
	cjm_map *map = keep_map(cjm_map_new("Test"));
	cjm_phase *orient = add_phase(map, "orient", "Oriëntatie");
	orient->description = xstrdup("Looking around, comparing");
	cjm_touchpoint *t = add_tp(orient, "compare-prices", "Compare prices online", NO_EMOTION);
	t->channel = xstrdup("web");
	t->owner = xstrdup("marketing");
	t->has_emotion = true;
	t->emotion = 1;
	t->has_satisfaction = t->has_impact = true;
	t->satisfaction = 7.5;
	t->impact = 0.6;
	t->moment_of_truth = CJM_TRUE;
	t->pillars = CJM_PILLAR_EXPECTATIONS | CJM_PILLAR_TIME_AND_EFFORT;
	cjm_strlist_push(&t->pains, "Too many tariffs");
	cjm_strlist_push(&t->pains, "Small print, \"fine\" | really");
	cjm_strlist_push(&t->ideas, "One simple tariff");
	cjm_strlist_push(&t->quotes, "=SUM(A1)");
	t->notes = xstrdup("Line one\nline two\n");
	t = add_tp(orient, "read-reviews", "Read reviews", NO_EMOTION);
	t->has_emotion = true;
	t->emotion = -2;
	t->brand_moment = CJM_FALSE;
	t->commitment = CJM_TRUE;
	t->visible = CJM_FALSE;
	add_phase(map, "empty", "Nothing yet");
	cjm_phase *decide = add_phase(map, "decide", "Decide");
	t = add_tp(decide, "sign", " Sign ", NO_EMOTION);
	t->has_emotion = t->has_satisfaction = t->has_impact = true;
	t->emotion = 0;
	t->satisfaction = 10;
	t->impact = 0;
	t->pillars = CJM_PILLAR_EMPATHY;
	return map;
}

#define HEADER                                                                                       \
	"phase_id,phase_name,phase_description,id,name,channel,owner,emotion,satisfaction,impact,"  \
	"moment_of_truth,brand_moment,commitment,visible,pillars,pains,ideas,quotes,notes\r\n"

static const char journey_csv[] =
	HEADER
	"orient,Oriëntatie,\"Looking around, comparing\",compare-prices,Compare prices online,web,marketing,"
	"1,7.5,0.6,true,,,,\"expectations\ntime-and-effort\",\"Too many tariffs\nSmall print, \"\"fine\"\" | really\","
	"One simple tariff,=SUM(A1),\"Line one\nline two\n\"\r\n"
	"orient,Oriëntatie,\"Looking around, comparing\",read-reviews,Read reviews,,,-2,,,,false,true,false,,,,,\r\n"
	"empty,Nothing yet,,,,,,,,,,,,,,,,,\r\n"
	"decide,Decide,,sign,\" Sign \",,,0,10,0,,,,,empathy,,,,\r\n";

static const char *export_csv(const cjm_map *map)
{
	strbuf *out = new_buf();
	cjm_export_csv(map, &options, out);
	return out->data ? out->data : "";
}

/* Imports TEXT (LEN bytes, in a buffer of exactly that size, so ASan catches a read past it). */
static cjm_map *import_len(const char *text, size_t len, diag_list *diags)
{
	char *copy = xmalloc(len ? len : 1);
	memcpy(copy, text, len);
	cjm_map *map = cjm_import_csv(copy, len, "Test", diags);
	free(copy);
	return keep_map(map);
}

/* The map saved and loaded again: what cjm import does before writing it. */
static void expect_loads_back(const cjm_map *map)
{
	strbuf yaml = { 0 };
	cjm_save_to_buffer(map, &yaml);
	diag_list *diags = diag_list_new("(imported)");
	cjm_map *again = cjm_load_buffer(yaml.data, yaml.len, diags, NULL);
	if (!again || !cjm_map_equal(map, again)) {
		fprintf(stderr, "the imported map does not load back the same:\n%s", yaml.data);
		diag_print(diags, stderr);
	}
	bool same = again && cjm_map_equal(map, again);
	cjm_map_free(again);
	diag_list_free(diags);
	strbuf_release(&yaml);
	assert_true(same);
}

static cjm_map *import_good(const char *text)
{
	diag_list *diags = new_diags("good.csv");
	cjm_map *map = import_len(text, strlen(text), diags);
	if (!map || diags->count) {
		fprintf(stderr, "--- expected this to import cleanly:\n%s--- but:\n", text);
		diag_print(diags, stderr);
	}
	assert_non_null(map);
	assert_int_equal(diags->count, 0);
	expect_loads_back(map);
	return map;
}

/* TEXT is refused with exactly the one error "LINE:COL: MESSAGE". */
static void expect_error(const char *text, int line, int col, const char *message)
{
	diag_list *diags = new_diags("bad.csv");
	cjm_map *map = import_len(text, strlen(text), diags);
	bool ok = !map && diags->errors == 1 && diags->count == 1 && diags->items[0].line == line &&
		  diags->items[0].col == col && strcmp(diags->items[0].message, message) == 0;
	if (!ok) {
		fprintf(stderr, "--- expected only %d:%d: error: %s\n--- for:\n%s\n--- got%s:\n", line, col, message, text,
			map ? " a map" : "");
		diag_print(diags, stderr);
	}
	assert_true(ok);
}

static const cjm_touchpoint *tp_at(const cjm_map *map, size_t p, size_t t)
{
	assert_true(p < map->phase_count);
	assert_true(t < map->phases[p]->touchpoint_count);
	return map->phases[p]->touchpoints[t];
}

/* ---- export ---- */

static void test_export_exact(void **state)
{
	(void)state;
	const char *csv = export_csv(journey());
	if (strcmp(csv, journey_csv) != 0)
		fprintf(stderr, "--- got:\n%s--- expected:\n%s", csv, journey_csv);
	assert_string_equal(csv, journey_csv);
}

static void test_export_no_phases(void **state)
{
	(void)state;
	assert_string_equal(export_csv(keep_map(cjm_map_new("Empty"))), HEADER);
}

static void test_export_deterministic(void **state)
{
	(void)state;
	cjm_map *map = journey();
	assert_string_equal(export_csv(map), export_csv(map));
}

/* ---- round trips ---- */

static void test_round_trip_exact(void **state)
{
	(void)state;
	cjm_map *map = journey();
	cjm_map *back = import_good(journey_csv);
	assert_true(cjm_map_equal(map, back));
}

static void test_round_trip_example_maps(void **state)
{
	(void)state;
	static const char *const paths[] = {
		"maps/b2b-invoice.yaml",         "maps/car-factory-pickup.yaml", "maps/car-insurance-claim.yaml",
		"maps/energy-switch.yaml",       "maps/glasses-try-at-home.yaml", "maps/telecom-technician.yaml",
		"tests/export/tricky.yaml",
	};
	for (size_t i = 0; i < sizeof paths / sizeof *paths; i++) {
		diag_list *diags = new_diags(paths[i]);
		int err = 0;
		cjm_map *map = keep_map(cjm_load_file(paths[i], diags, NULL, &err));
		assert_non_null(map);
		cjm_map *back = import_good(export_csv(map));
		/* the CSV holds the phases and touchpoints, and a Dutch map's CSV says with its
		 * Dutch column names that it is Dutch: compare those */
		if (map->language && strcmp(map->language, "nl") == 0)
			assert_string_equal(back->language, "nl");
		cjm_map *phases_only = keep_map(cjm_map_new("Test"));
		phases_only->language = back->language ? xstrdup(back->language) : NULL;
		for (size_t p = 0; p < map->phase_count; p++)
			cjm_map_insert_phase(phases_only, p, cjm_phase_clone(map->phases[p]));
		if (!cjm_map_equal(phases_only, back))
			fprintf(stderr, "%s does not round-trip through CSV\n", paths[i]);
		assert_true(cjm_map_equal(phases_only, back));
	}
}

/* ---- import: what spreadsheets write ---- */

static void test_import_facilitator_sheet(void **state)
{
	(void)state;
	cjm_map *map = import_good("phase,name,emotion\n"
				   "Oriëntatie,Compare prices,1\n"
				   ",Read reviews,-2\n"
				   "Decide,Sign,+3\n"
				   "\n"
				   "Oriëntatie,Ask a friend,\n"
				   ",Compare prices,0\n");
	assert_string_equal(map->title, "Test");
	assert_int_equal(map->phase_count, 2);
	const cjm_phase *orient = map->phases[0], *decide = map->phases[1];
	assert_string_equal(orient->id, "orientatie");
	assert_string_equal(orient->name, "Oriëntatie");
	assert_string_equal(decide->id, "decide");
	assert_int_equal(orient->touchpoint_count, 4); /* rows of a phase join it in first-appearance order */
	assert_string_equal(tp_at(map, 0, 0)->id, "compare-prices");
	assert_int_equal(tp_at(map, 0, 0)->emotion, 1);
	assert_string_equal(tp_at(map, 0, 1)->name, "Read reviews"); /* no phase: the one above */
	assert_int_equal(tp_at(map, 0, 1)->emotion, -2);
	assert_string_equal(tp_at(map, 0, 2)->name, "Ask a friend");
	assert_false(tp_at(map, 0, 2)->has_emotion);
	assert_string_equal(tp_at(map, 0, 3)->id, "compare-prices-2");
	assert_string_equal(tp_at(map, 1, 0)->name, "Sign");
	assert_int_equal(tp_at(map, 1, 0)->emotion, 3);
}

static void test_import_names_only(void **state)
{
	(void)state;
	cjm_map *map = import_good("Name\nFirst\nSecond\n");
	assert_int_equal(map->phase_count, 1);
	assert_string_equal(map->phases[0]->name, "Journey");
	assert_string_equal(map->phases[0]->id, "journey");
	assert_int_equal(map->phases[0]->touchpoint_count, 2);
}

static void test_import_header_forms(void **state)
{
	(void)state;
	/* any case and order, spaces or '-' for '_', "phase" for phase_name, a BOM, CRLF */
	cjm_map *map = import_good("\xEF\xBB\xBF Notes ,Moment of Truth,VISIBLE,name,Phase,phase-id,Brand-Moment\r\n"
				   "\"a\r\nb\",TRUE,False,x,Orient,orient,ja\r\n");
	const cjm_touchpoint *tp = tp_at(map, 0, 0);
	assert_string_equal(map->phases[0]->id, "orient");
	assert_string_equal(map->phases[0]->name, "Orient");
	assert_string_equal(tp->notes, "a\nb");
	assert_int_equal(tp->moment_of_truth, CJM_TRUE);
	assert_int_equal(tp->visible, CJM_FALSE);
	assert_int_equal(tp->brand_moment, CJM_TRUE);
	assert_int_equal(tp->commitment, CJM_UNSET);
}

static void test_import_dutch_spreadsheet(void **state)
{
	(void)state;
	/* semicolons, a decimal comma, WAAR/ONWAAR, lone CR line ends */
	cjm_map *map = import_good("phase;name;satisfaction;impact;commitment;pillars\r"
				   "Aanmelden;Contract;7,5;0,25;WAAR;Empathy, time and effort\r"
				   "Aanmelden;Betalen;\"8\";1;onwaar;\r");
	assert_int_equal(map->phase_count, 1);
	assert_true(tp_at(map, 0, 0)->satisfaction == 7.5);
	assert_true(tp_at(map, 0, 0)->impact == 0.25);
	assert_int_equal(tp_at(map, 0, 0)->commitment, CJM_TRUE);
	assert_int_equal(tp_at(map, 0, 0)->pillars, CJM_PILLAR_EMPATHY | CJM_PILLAR_TIME_AND_EFFORT);
	assert_true(tp_at(map, 0, 1)->satisfaction == 8);
	assert_int_equal(tp_at(map, 0, 1)->commitment, CJM_FALSE);
}

static void test_import_tabs(void **state)
{
	(void)state;
	cjm_map *sheet = import_good("\n\t\r\nphase;name\nA;x\n"); /* found past blank lines */
	assert_string_equal(tp_at(sheet, 0, 0)->name, "x");
	cjm_map *map = import_good("phase\tname\temotion\nA\tOne, two\t\xE2\x88\x92" "1\n");
	assert_string_equal(tp_at(map, 0, 0)->name, "One, two");
	assert_int_equal(tp_at(map, 0, 0)->emotion, -1); /* the minus sign U+2212 */
}

static void test_import_lists(void **state)
{
	(void)state;
	cjm_map *map = import_good("name,pains,ideas,pillars\n"
				   "x,\"one, with a comma\n\n  \ntwo | pipes\n\",idea,\"integrity\nempathy\"\n");
	const cjm_touchpoint *tp = tp_at(map, 0, 0);
	assert_int_equal(tp->pains.len, 2); /* blank lines are not items */
	assert_string_equal(tp->pains.items[0], "one, with a comma");
	assert_string_equal(tp->pains.items[1], "two | pipes");
	assert_int_equal(tp->ideas.len, 1);
	assert_int_equal(tp->pillars, CJM_PILLAR_INTEGRITY | CJM_PILLAR_EMPATHY);
}

static void test_import_empty_phase_and_blank_rows(void **state)
{
	(void)state;
	cjm_map *map = import_good("phase_id,phase_name,name,emotion\n"
				   ",,,\n"
				   "a,A,,\n"
				   "b,B,x,1\n"
				   "  ,\t,,\n"
				   "a,,,\n");
	assert_int_equal(map->phase_count, 2);
	assert_string_equal(map->phases[0]->id, "a");
	assert_int_equal(map->phases[0]->touchpoint_count, 0);
	assert_int_equal(map->phases[1]->touchpoint_count, 1);
}

static void test_import_header_only(void **state)
{
	(void)state;
	cjm_map *map = import_good(HEADER);
	assert_int_equal(map->phase_count, 0);
}

static void test_import_ids(void **state)
{
	(void)state;
	/* a given id wins over one made from a name, wherever it stands */
	cjm_map *map = import_good("phase,id,name\n"
				   "Buy,,Pay\n"
				   "Buy,pay,Pay now\n"
				   "Pay,,Buy\n");
	assert_string_equal(map->phases[0]->id, "buy");
	assert_string_equal(tp_at(map, 0, 0)->id, "pay-2");
	assert_string_equal(tp_at(map, 0, 1)->id, "pay");
	assert_string_equal(map->phases[1]->id, "pay-3");
	assert_string_equal(tp_at(map, 1, 0)->id, "buy-2");
	/* a phase first named without an id takes the id a later row gives it */
	map = import_good("phase_id,phase_name,name\n,Orient,a\norient,Orient,b\n");
	assert_int_equal(map->phase_count, 1);
	assert_string_equal(map->phases[0]->id, "orient");
}

static void test_import_title(void **state)
{
	(void)state;
	diag_list *diags = new_diags("x.csv");
	cjm_map *map = keep_map(cjm_import_csv("name\nx\n", 7, NULL, diags));
	assert_non_null(map);
	assert_string_equal(map->title, "Imported journey");
	map = keep_map(cjm_import_csv("name\nx\n", 7, "  ", diags));
	assert_string_equal(map->title, "Imported journey");
}

/* ---- import: errors, with where they are ---- */

static void test_import_cell_errors(void **state)
{
	(void)state;
	expect_error("phase,name,emotion\nA,x,1\nA,y,high\n", 3, 5,
		     "emotion must be a whole number from -3 to +3, not 'high'");
	expect_error("name,emotion\nx,4\n", 2, 3, "emotion must be a whole number from -3 to +3, not '4'");
	expect_error("name,emotion\nx,1.0\n", 2, 3, "emotion must be a whole number from -3 to +3, not '1.0'");
	expect_error("name,satisfaction\nx,11\n", 2, 3, "satisfaction must be a number from 0 to 10, not '11'");
	expect_error("name,satisfaction\nx,\"7,5.1\"\n", 2, 3,
		     "satisfaction must be a number from 0 to 10, not '7,5.1'");
	expect_error("name,impact\nx,nan\n", 2, 3, "impact must be a number from 0 to 1, not 'nan'");
	expect_error("name,impact\nx,0x1\n", 2, 3, "impact must be a number from 0 to 1, not '0x1'");
	expect_error("name,impact\nx,1e400\n", 2, 3, "impact must be a number from 0 to 1, not '1e400'");
	expect_error("name,visible\nx,maybe\n", 2, 3, "visible must be yes or no, not 'maybe'");
	expect_error("name,pillars\nx,\"empathy\nspeed\"\n", 2, 3,
		     "unknown pillar 'speed' (one of: personalisation, integrity, expectations, resolution, "
		     "time-and-effort, empathy)");
	expect_error("name,id\nx,Bad Id\n", 2, 3,
		     "id 'Bad Id' is not valid: use lower-case letters, digits and '-', starting with a letter or digit");
	expect_error("phase_id,phase_name,name,id\na,A,x,a\n", 2, 7, "duplicate id 'a' (first used on line 2)");
	expect_error("name,id\nx,one\ny,one\n", 3, 3, "duplicate id 'one' (first used on line 2)");
	expect_error("phase,name,emotion\nA,,1\n", 2, 3,
		     "name must not be empty: this row has other touchpoint cells, and every touchpoint needs a name");
	expect_error("name,emotion\nx,1,extra\n", 2, 5, "this row has more cells than the header has columns (2)");
	expect_error("name,,emotion\nx,1,1\n", 2, 3, "a value in column 2, which has no name in the header");
	/* the column of a cell counts characters, not bytes */
	expect_error("name,emotion\nÖrjan ☕,x\n", 2, 9, "emotion must be a whole number from -3 to +3, not 'x'");
	/* a long value is cut in the message; a line break shows as \n */
	expect_error("name,owner,emotion\nx,y,\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"\n", 2, 5,
		     "emotion must be a whole number from -3 to +3, not 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa...'");
	expect_error("name,emotion\nx,\"1\n2\"\n", 2, 3, "emotion must be a whole number from -3 to +3, not '1\\n2'");
}

static void test_import_phase_errors(void **state)
{
	(void)state;
	expect_error("phase_id,phase_name,name\nBad,B,x\n", 2, 1,
		     "phase_id 'Bad' is not valid: use lower-case letters, digits and '-', starting with a letter or digit");
	expect_error("phase_id,name\nb,x\n", 2, 1,
		     "phase 'b' needs a name: give it in the phase_name column of its first row");
	expect_error("phase_id,phase_name,name\nb,B,x\nb,C,y\n", 3, 3, "phase 'b' is named 'B' on line 2, not 'C'");
	expect_error("phase,phase_description,name\nA,one,x\nA,two,y\n", 3, 3,
		     "phase 'A' has another description on an earlier row; give it once, or the same on each row");
	expect_error("phase_id,phase_name,id,name\n,A,x,one\nx,B,,two\n", 3, 1, "duplicate id 'x' (first used on line 2)");
}

static void test_import_header_errors(void **state)
{
	(void)state;
	expect_error("name,emoton\n", 1, 6,
		     "unknown column 'emoton' (known: phase_id, phase_name, phase_description, id, name, channel, owner, "
		     "emotion, satisfaction, impact, moment_of_truth, brand_moment, commitment, visible, pillars, pains, "
		     "ideas, quotes, notes)");
	expect_error("name,Emotion,emotion\n", 1, 14, "column 'emotion' is given twice (first as column 2)");
	expect_error("phase,phase_name,name\n", 1, 7, "column 'phase_name' is given twice (first as column 1)");
	expect_error("phase,emotion\nA,1\n", 1, 1,
		     "no 'name' column: every touchpoint needs a name (the columns are phase_id, phase_name, "
		     "phase_description, id, name, channel, owner, emotion, satisfaction, impact, moment_of_truth, "
		     "brand_moment, commitment, visible, pillars, pains, ideas, quotes, notes)");
	expect_error("", 1, 1, "no header row: a CSV of touchpoints starts with a row of column names, with at least name");
	expect_error("\n , \n", 1, 1,
		     "no header row: a CSV of touchpoints starts with a row of column names, with at least name");
}

static void test_import_syntax_errors(void **state)
{
	(void)state;
	expect_error("name,notes\nx,\"never closed\ny,z\n", 2, 3, "this quoted cell is never closed: a '\"' is missing");
	expect_error("name,notes\nx,\"a\"b\n", 2, 6,
		     "a quoted cell must end at its closing quote; write a '\"' inside it as '\"\"'");
	expect_error("name\nab\xff\n", 2, 3, "invalid UTF-8 (byte 0xff); the file must be UTF-8 text");
	expect_error("name\na\xc3\n", 2, 2, "invalid UTF-8 (byte 0xc3); the file must be UTF-8 text");
	expect_error("name\nab\x07\n", 2, 3, "control character U+0007 is not allowed");
	expect_error("name\n\xc2\x85x\n", 2, 1, "control character U+0085 is not allowed");
	expect_error("name\nx\xe2\x80\xa8\n", 2, 2, "character U+2028 (line separator) is not allowed");
	expect_error("\xff\xfen\0a\0m\0e\0", 1, 1,
		     "this file is UTF-16 (a spreadsheet's \"Unicode text\"); save it as \"CSV UTF-8\"");
	/* a NUL byte, which strlen would not see */
	diag_list *diags = new_diags("nul.csv");
	assert_null(import_len("name\na\0b\n", 9, diags));
	assert_int_equal(diags->errors, 1);
	assert_int_equal(diags->items[0].line, 2);
	assert_int_equal(diags->items[0].col, 2);
	assert_string_equal(diags->items[0].message, "NUL byte: this is binary data, not CSV");
}

static void test_import_all_problems_reported(void **state)
{
	(void)state;
	diag_list *diags = new_diags("several.csv");
	const char *text = "name,emotion,satisfaction,visible\nx,9,11,perhaps\ny,1,2,true\n,3,,\n";
	assert_null(import_len(text, strlen(text), diags));
	assert_int_equal(diags->errors, 4);
	assert_int_equal(diags->items[0].col, 3);
	assert_int_equal(diags->items[1].col, 5);
	assert_int_equal(diags->items[2].col, 8);
	assert_int_equal(diags->items[3].line, 4);
}

static void test_import_error_limit(void **state)
{
	(void)state;
	strbuf *text = new_buf();
	strbuf_puts(text, "name,emotion\n");
	for (int i = 0; i < 1000; i++)
		strbuf_printf(text, "t%d,bad\n", i);
	diag_list *diags = new_diags("many.csv");
	assert_null(import_len(text->data, text->len, diags));
	assert_int_equal(diags->errors, DIAG_MAX_ERRORS);
	assert_true(diags->truncated); /* so "too many errors; stopped after 50" is printed */
	assert_int_equal(diags->items[DIAG_MAX_ERRORS - 1].line, DIAG_MAX_ERRORS + 1);
}

/* ---- import: never a crash, and what comes back always loads ---- */

static uint32_t rng_state = 12345;

static uint32_t rng(void)
{
	rng_state = rng_state * 1103515245u + 12345u;
	return rng_state >> 8;
}

static void test_import_mangled(void **state)
{
	(void)state;
	static const char alphabet[] = ",;\t\"\r\n -+.01237aAz|\xc3\xab\xff\x00";
	size_t base_len = strlen(journey_csv);
	char *text = xmalloc(base_len + 64);
	int maps = 0;
	for (int round = 0; round < 3000; round++) {
		memcpy(text, journey_csv, base_len);
		size_t len = base_len;
		for (int edits = 1 + (int)(rng() % 4); edits > 0; edits--) {
			size_t at = rng() % len;
			switch (rng() % 4) {
			case 0: text[at] = alphabet[rng() % (sizeof alphabet - 1)]; break;
			case 1: len = at + 1; break;
			case 2: memmove(text + at, text + at + 1, len - at - 1), len--; break;
			default:
				memmove(text + at + 1, text + at, len - at);
				text[at] = alphabet[rng() % (sizeof alphabet - 1)];
				len++;
			}
		}
		diag_list *diags = diag_list_new("mangled.csv");
		char *copy = xmalloc(len ? len : 1);
		memcpy(copy, text, len);
		cjm_map *map = cjm_import_csv(copy, len, "Mangled", diags);
		free(copy);
		assert_true(map ? diags->errors == 0 : diags->errors > 0);
		if (map) {
			maps++;
			expect_loads_back(map);
			/* what was imported exports and imports back the same */
			strbuf csv = { 0 };
			cjm_export_csv(map, &options, &csv);
			diag_list *again_diags = diag_list_new("again.csv");
			cjm_map *again = cjm_import_csv(csv.data, csv.len, "Mangled", again_diags);
			bool same = again && cjm_map_equal(map, again);
			if (!same) {
				fprintf(stderr, "not stable through export and import:\n%s", csv.data);
				diag_print(again_diags, stderr);
			}
			cjm_map_free(again);
			diag_list_free(again_diags);
			strbuf_release(&csv);
			if (!same) {
				cjm_map_free(map);
				diag_list_free(diags);
				free(text);
			}
			assert_true(same);
		}
		cjm_map_free(map);
		diag_list_free(diags);
	}
	free(text);
	assert_true(maps > 100); /* the test also reached the path that succeeds */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_export_exact, free_kept),
		cmocka_unit_test_teardown(test_export_no_phases, free_kept),
		cmocka_unit_test_teardown(test_export_deterministic, free_kept),
		cmocka_unit_test_teardown(test_round_trip_exact, free_kept),
		cmocka_unit_test_teardown(test_round_trip_example_maps, free_kept),
		cmocka_unit_test_teardown(test_import_facilitator_sheet, free_kept),
		cmocka_unit_test_teardown(test_import_names_only, free_kept),
		cmocka_unit_test_teardown(test_import_header_forms, free_kept),
		cmocka_unit_test_teardown(test_import_dutch_spreadsheet, free_kept),
		cmocka_unit_test_teardown(test_import_tabs, free_kept),
		cmocka_unit_test_teardown(test_import_lists, free_kept),
		cmocka_unit_test_teardown(test_import_empty_phase_and_blank_rows, free_kept),
		cmocka_unit_test_teardown(test_import_header_only, free_kept),
		cmocka_unit_test_teardown(test_import_ids, free_kept),
		cmocka_unit_test_teardown(test_import_title, free_kept),
		cmocka_unit_test_teardown(test_import_cell_errors, free_kept),
		cmocka_unit_test_teardown(test_import_phase_errors, free_kept),
		cmocka_unit_test_teardown(test_import_header_errors, free_kept),
		cmocka_unit_test_teardown(test_import_syntax_errors, free_kept),
		cmocka_unit_test_teardown(test_import_all_problems_reported, free_kept),
		cmocka_unit_test_teardown(test_import_error_limit, free_kept),
		cmocka_unit_test_teardown(test_import_mangled, free_kept),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
