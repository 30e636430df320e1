/* Unit tests for the Mermaid journey export and import: scores, escaping, round trips, every error. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "model/map.h"
#include "export/export.h"
#include "export/mermaid.h"
#include "io/load.h"
#include "io/save.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#include "fixture.h"

/* The Mermaid text of MAP (caller frees). */
static char *export_text(const cjm_map *map)
{
	strbuf out = { 0 };
	cjm_export_mermaid(map, NULL, &out);
	return out.data;
}

/* Imports TEXT; DIAGS (when not NULL) receives the diagnostics list, else it is freed. */
static cjm_map *import_text(const char *text, diag_list **diags_out)
{
	diag_list *diags = diag_list_new("in.mmd");
	cjm_map *map = cjm_import_mermaid(text, strlen(text), "Fallback title", diags);
	if (diags_out)
		*diags_out = diags;
	else
		diag_list_free(diags);
	return map;
}

/* ---- the score scale ---- */

static void test_score_scale(void **state)
{
	(void)state;
	static const int scores[] = { 1, 1, 2, 3, 4, 5, 5 };
	for (int e = CJM_EMOTION_MIN; e <= CJM_EMOTION_MAX; e++) {
		int s = cjm_mermaid_score(e);
		assert_int_equal(s, scores[e - CJM_EMOTION_MIN]);
		/* the sign is kept: below 3 negative, 3 neutral, above 3 positive */
		assert_int_equal((s > 3) - (s < 3), (e > 0) - (e < 0));
		assert_int_equal(cjm_mermaid_emotion_needs_note(e), e == -2 || e == 2);
	}
	static const int emotions[] = { -3, -1, 0, 1, 3 };
	for (int s = 1; s <= 5; s++) {
		assert_int_equal(cjm_mermaid_emotion(s), emotions[s - 1]);
		assert_int_equal(cjm_mermaid_score(cjm_mermaid_emotion(s)), s);
	}
}

/* ---- export ---- */

static void test_export_journey(void **state)
{
	(void)state;
	cjm_map *map = cjm_map_new("Switching energy supplier");
	cjm_phase *orient = add_phase(map, "orient", "Oriëntatie");
	add_phase(map, "empty", "Nothing yet");
	cjm_phase *onboard = add_phase(map, "onboard", "Onboarding");
	cjm_touchpoint *t = add_tp(orient, "compare", "Compare prices", 1);
	t->owner = xstrdup("marketing");
	t->channel = xstrdup("web");
	t = add_tp(orient, "reviews", "Read reviews", -2);
	t->channel = xstrdup("web");
	add_tp(onboard, "wait", "Wait", NO_EMOTION);
	t = add_tp(onboard, "call", "Welcome call", 3);
	t->owner = xstrdup("service");
	char *text = export_text(map);
	assert_string_equal(text, "journey\n"
				  "    title Switching energy supplier\n"
				  "    section Oriëntatie\n"
				  "      Compare prices: 4: marketing\n"
				  "      %% cjm: emotion=-2 actor=channel\n"
				  "      Read reviews: 1: web\n"
				  "    section Nothing yet\n"
				  "    section Onboarding\n"
				  "      %% cjm: unscored\n"
				  "      Wait: 3\n"
				  "      Welcome call: 5: service\n");
	free(text);
	cjm_map_free(map);
}

static void test_export_escapes(void **state)
{
	(void)state;
	cjm_map *map = cjm_map_new("A: b & <c> #1; d\xC2\xA0" "e");
	cjm_phase *p = add_phase(map, "p", " Call: now # 1; 50%% ");
	cjm_touchpoint *t = add_tp(p, "a", "Wait: 40 # min; <br> R&D, x", 0);
	t->owner = xstrdup("Verkoop, Nederland: NL");
	add_tp(p, "b", "title of the task", 0);
	add_tp(p, "c", "Section 2", 0);
	add_tp(p, "d", "JOURNEYS", 0);
	add_tp(p, "e", "accDescr { x }", 0);
	add_tp(p, "f", "accTitle", 0);
	add_tp(p, "g", "line one\nline two\ttab", 0);
	add_tp(p, "h", "%%{init: {}}%%", 0);
	add_tp(p, "i", "x%%y 100% ok", 0);
	add_tp(p, "j", "\xEF\xAC\x82\xC2\xB0\xC2\xB0" "58\xC2\xB6\xC3\x9F", 0); /* ﬂ°°58¶ß, Mermaid's own markers */
	add_tp(p, "k", "\xE3\x80\x80wide space\xE3\x80\x80", 0);
	char *text = export_text(map);
	assert_string_equal(text,
			    "journey\n"
			    "    title A#58; b #38; #60;c#62; #35;1#59; d#160;e\n"
			    "    section #32;Call#58; now #35; 1#59; 50#37;%#32;\n"
			    "      Wait#58; 40 #35; min#59; #60;br> R&D, x: 3: Verkoop#44; Nederland#58; NL\n"
			    "      #116;itle of the task: 3\n"
			    "      #83;ection 2: 3\n"
			    "      #74;OURNEYS: 3\n"
			    "      #97;ccDescr { x }: 3\n"
			    "      #97;ccTitle: 3\n"
			    "      line one#10;line two#9;tab: 3\n"
			    "      #37;%{init#58; {}}#37;%: 3\n"
			    "      x#37;%y 100% ok: 3\n"
			    "      #64258;°°58#182;ß: 3\n"
			    "      #12288;wide space#12288;: 3\n");
	free(text);
	cjm_map_free(map);
}

static void test_export_empty_map(void **state)
{
	(void)state;
	cjm_map *map = cjm_map_new("Empty");
	char *text = export_text(map);
	assert_string_equal(text, "journey\n    title Empty\n");
	free(text);
	cjm_map_free(map);
}

/* ---- round trips ---- */

/* Checks A and B have the same phases and touchpoints: names, order, emotion, owner, channel. */
static void assert_same_journey(const cjm_map *a, const cjm_map *b)
{
	assert_string_equal(a->title, b->title);
	assert_int_equal(a->phase_count, b->phase_count);
	for (size_t p = 0; p < a->phase_count; p++) {
		const cjm_phase *pa = a->phases[p], *pb = b->phases[p];
		assert_string_equal(pa->name, pb->name);
		assert_int_equal(pa->touchpoint_count, pb->touchpoint_count);
		for (size_t t = 0; t < pa->touchpoint_count; t++) {
			const cjm_touchpoint *ta = pa->touchpoints[t], *tb = pb->touchpoints[t];
			assert_string_equal(ta->name, tb->name);
			assert_int_equal(ta->has_emotion, tb->has_emotion);
			if (ta->has_emotion)
				assert_int_equal(ta->emotion, tb->emotion);
			if (ta->owner)
				assert_string_equal(ta->owner, tb->owner);
			else
				assert_null(tb->owner);
			if (!ta->owner && ta->channel)
				assert_string_equal(ta->channel, tb->channel);
		}
	}
}

/* Exports MAP, imports it back, checks the journey is the same and that the
 * result saves and loads. */
static void assert_round_trip(const cjm_map *map)
{
	char *text = export_text(map);
	diag_list *diags = NULL;
	cjm_map *back = import_text(text, &diags);
	if (!back || diags->count) {
		diag_print(diags, stderr);
		fprintf(stderr, "%s", text);
	}
	assert_non_null(back);
	assert_int_equal(diags->count, 0);
	assert_same_journey(map, back);
	strbuf yaml = { 0 };
	cjm_save_to_buffer(back, &yaml);
	diag_list *load_diags = diag_list_new("saved");
	cjm_map *loaded = cjm_load_buffer(yaml.data, yaml.len, load_diags, NULL);
	if (!loaded)
		diag_print(load_diags, stderr);
	assert_non_null(loaded);
	assert_true(cjm_map_equal(back, loaded));
	cjm_map_free(loaded);
	diag_list_free(load_diags);
	strbuf_release(&yaml);
	cjm_map_free(back);
	diag_list_free(diags);
	free(text);
}

static void test_round_trip_every_emotion(void **state)
{
	(void)state;
	cjm_map *map = cjm_map_new("Every emotion");
	cjm_phase *p = add_phase(map, "p", "Phase");
	char id[16], name[32];
	for (int e = CJM_EMOTION_MIN; e <= CJM_EMOTION_MAX; e++) {
		snprintf(id, sizeof id, "e%d", e + 3);
		snprintf(name, sizeof name, "Emotion %+d", e);
		add_tp(p, id, name, e)->channel = xstrdup("web");
	}
	add_tp(p, "unscored", "Unscored", NO_EMOTION)->owner = xstrdup("it");
	assert_round_trip(map);
	cjm_map_free(map);
}

static void test_round_trip_every_character(void **state)
{
	(void)state;
	/* every printable ASCII character, in every place, at both ends too */
	char ascii[96];
	for (int c = 0x20; c < 0x7F; c++)
		ascii[c - 0x20] = (char)c;
	ascii[0x7F - 0x20] = '\0';
	static const char *const names[] = {
		"title", "section", "journey", "accTitle: x", "accDescr {", "Title Case", "%%", "%% x", "x%%",
		"#", "#58;", "#quot;", "#35;58;", "a;b", ":", ": 5: me", "<br>", "<b class=\"x\">", "&amp;",
		"\xEF\xAC\x82\xC2\xB0", "\xC2\xB6\xC3\x9F", " lead", "trail ", "\tboth\t", "\xC2\xA0nbsp\xC2\xA0",
		"line\nbreak", "lf\n", /* a CR is no map text (cjm-map(5), CHARACTERS) */
		"rtl \xE2\x80\xAE" "override\xE2\x81\xA9 \xEF\xBB\xBF" "bom", "Oriëntatie 🚗 — ‘quotes’", "\u2003em space",
		"}%%",
	};
	cjm_map *map = cjm_map_new(ascii);
	cjm_phase *p = add_phase(map, "ascii", ascii);
	cjm_touchpoint *t = add_tp(p, "ascii-tp", ascii, 1);
	t->owner = xstrdup(ascii);
	char id[16];
	for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
		snprintf(id, sizeof id, "p%zu", i);
		cjm_phase *ph = add_phase(map, id, names[i]);
		snprintf(id, sizeof id, "t%zu", i);
		t = add_tp(ph, id, names[i], (int)(i % 7) - 3);
		t->owner = xstrdup(names[i]);
		snprintf(id, sizeof id, "c%zu", i);
		add_tp(ph, id, names[i], NO_EMOTION)->channel = xstrdup(names[i]);
	}
	assert_round_trip(map);
	cjm_map_free(map);
}

/* ---- import ---- */

static void test_import_hand_written(void **state)
{
	(void)state;
	diag_list *diags = NULL;
	cjm_map *map = import_text("journey\n"
				   "    title My working day\n"
				   "    section Go to work\n"
				   "      Make tea: 5: Me\n"
				   "      Go upstairs: 3: Me\n"
				   "      Do work: 1: Me, Cat\n"
				   "    section Go home\n"
				   "      Go downstairs: 5: Me\n"
				   "      Sit down: 2\n",
				   &diags);
	assert_non_null(map);
	assert_int_equal(diags->count, 0);
	assert_string_equal(map->title, "My working day");
	assert_int_equal(map->phase_count, 2);
	const cjm_phase *work = map->phases[0], *home = map->phases[1];
	assert_string_equal(work->id, "go-to-work");
	assert_string_equal(work->name, "Go to work");
	assert_int_equal(work->touchpoint_count, 3);
	assert_string_equal(work->touchpoints[0]->id, "make-tea");
	assert_int_equal(work->touchpoints[0]->emotion, 3);
	assert_string_equal(work->touchpoints[0]->owner, "Me");
	assert_int_equal(work->touchpoints[1]->emotion, 0);
	assert_int_equal(work->touchpoints[2]->emotion, -3);
	assert_string_equal(work->touchpoints[2]->owner, "Me");
	assert_string_equal(work->touchpoints[2]->notes, "Mermaid actors: Me, Cat");
	assert_string_equal(home->name, "Go home");
	assert_int_equal(home->touchpoints[1]->emotion, -1);
	assert_null(home->touchpoints[1]->owner);
	assert_true(home->touchpoints[1]->has_emotion);
	cjm_map_free(map);
	diag_list_free(diags);
}

static void test_import_ids_unique(void **state)
{
	(void)state;
	cjm_map *map = import_text("journey\n"
				   "  Before any section: 3\n"
				   "  section Pay\n"
				   "    Pay: 2\n"
				   "    pay!: 2\n"
				   "  section Pay\n"
				   "    #74;ourney: 4\n",
				   NULL);
	assert_non_null(map);
	assert_int_equal(map->phase_count, 3);
	assert_string_equal(map->phases[0]->name, "Journey");
	assert_string_equal(map->phases[0]->id, "journey");
	assert_string_equal(map->phases[1]->id, "pay");
	assert_string_equal(map->phases[1]->touchpoints[0]->id, "pay-2");
	assert_string_equal(map->phases[1]->touchpoints[1]->id, "pay-3");
	assert_string_equal(map->phases[2]->id, "pay-4");
	assert_string_equal(map->phases[2]->touchpoints[0]->id, "journey-2");
	assert_string_equal(map->title, "Fallback title");
	cjm_map_free(map);
}

static void test_import_comments_and_accessibility(void **state)
{
	(void)state;
	diag_list *diags = NULL;
	cjm_map *map = import_text("\xEF\xBB\xBF%% a comment first\r\n"
				   "\r\n"
				   "JOURNEY %% the start\r\n"
				   "  accTitle: My title; with # all\r\n"
				   "  accDescr: Described; here\r\n"
				   "  accDescr {\r\n"
				   "    several: lines; here\r\n"
				   "  }\r\n"
				   "  Title   Spaced  # a comment\r\n"
				   "  %%{init: {'theme': 'forest'}}%%\r\n"
				   "  SECTION  One #too\r\n"
				   "    Task #35;1 : 4 : Me # and a comment\r"
				   "    Task #quot;2#quot; #amp; #unknown;: 2:  , ,\n",
				   &diags);
	if (!map)
		diag_print(diags, stderr);
	assert_non_null(map);
	assert_int_equal(diags->count, 0);
	assert_string_equal(map->title, "Spaced");
	assert_string_equal(map->phases[0]->name, "One");
	assert_string_equal(map->phases[0]->touchpoints[0]->name, "Task #1");
	assert_string_equal(map->phases[0]->touchpoints[0]->owner, "Me");
	assert_string_equal(map->phases[0]->touchpoints[1]->name, "Task \"2\" & #unknown;");
	assert_null(map->phases[0]->touchpoints[1]->owner);
	cjm_map_free(map);
	diag_list_free(diags);
}

static void test_import_markdown(void **state)
{
	(void)state;
	diag_list *diags = NULL;
	cjm_map *map = import_text("# Our journey\n"
				   "\n"
				   "```js\n"
				   "```mermaid\n"
				   "```\n"
				   "\n"
				   "```mermaid\n"
				   "flowchart TD\n"
				   "  A --> B\n"
				   "```\n"
				   "~~~~ Mermaid\n"
				   "---\n"
				   "title: \"From the front matter\"\n"
				   "---\n"
				   "journey\n"
				   "  section A\n"
				   "    T: 4\n"
				   "~~~~\n"
				   "```mermaid\n"
				   "journey\n"
				   "  section Not this one\n"
				   "```\n",
				   &diags);
	assert_non_null(map);
	assert_int_equal(diags->count, 0);
	assert_string_equal(map->title, "From the front matter");
	assert_int_equal(map->phase_count, 1);
	assert_string_equal(map->phases[0]->name, "A");
	cjm_map_free(map);
	diag_list_free(diags);

	/* a mermaid block that is not a journey, and no other */
	map = import_text("text\n\n```mermaid\npie\n  \"a\": 1\n```\n", &diags);
	assert_null(map);
	assert_int_equal(diags->count, 1);
	assert_int_equal(diags->items[0].line, 3);
	assert_string_equal(diags->items[0].message, "this mermaid block is not a journey, and no other one is");
	diag_list_free(diags);
}

static void test_import_notes(void **state)
{
	(void)state;
	diag_list *diags = NULL;
	cjm_map *map = import_text("journey\n"
				   "  section S\n"
				   "    %% cjm: emotion=-2 actor=channel\n"
				   "    A: 1: web\n"
				   "    %% cjm: unscored\n"
				   "    B: 3: sales\n"
				   "    %%cjm: emotion=2\n"
				   "    C: 5\n"
				   "    %% cjm: emotion=+2 shiny\n"
				   "    D: 4\n"
				   "    %% cjm: unscored\n"
				   "    E: 2\n"
				   "    %% cjm: unscored\n"
				   "  section T\n",
				   &diags);
	assert_non_null(map);
	const cjm_phase *s = map->phases[0];
	assert_int_equal(s->touchpoints[0]->emotion, -2);
	assert_string_equal(s->touchpoints[0]->channel, "web");
	assert_null(s->touchpoints[0]->owner);
	assert_false(s->touchpoints[1]->has_emotion);
	assert_string_equal(s->touchpoints[1]->owner, "sales");
	assert_int_equal(s->touchpoints[2]->emotion, 2);
	assert_int_equal(s->touchpoints[3]->emotion, 1); /* the score wins */
	assert_int_equal(s->touchpoints[4]->emotion, -1);
	assert_true(s->touchpoints[4]->has_emotion);
	/* warnings only: the note that disagrees, the unknown word, the one that disagrees, the stray one */
	assert_int_equal(diags->errors, 0);
	assert_int_equal(diags->count, 4);
	assert_string_equal(diags->items[0].message, "unknown cjm note 'shiny'; ignored");
	assert_int_equal(diags->items[0].line, 9);
	assert_int_equal(diags->items[0].col, 24);
	assert_string_equal(diags->items[1].message,
			    "the note says emotion +2 but the score is 4: the score is kept (emotion +1)");
	assert_int_equal(diags->items[1].line, 9);
	assert_string_equal(diags->items[2].message, "the note says 'unscored' but the score is 2: the score is kept");
	assert_string_equal(diags->items[3].message, "this cjm note is not followed by a task; ignored");
	assert_int_equal(diags->items[3].line, 13);
	cjm_map_free(map);
	diag_list_free(diags);
}

/* One bad input and the one error it must give. */
struct bad_case {
	const char *text;
	int line, col;
	const char *message;
};

static void test_import_errors(void **state)
{
	(void)state;
	static const struct bad_case cases[] = {
		{ "", 0, 0, "no Mermaid journey found: expected a line 'journey'" },
		{ "%% only a comment\n\n", 0, 0, "no Mermaid journey found: expected a line 'journey'" },
		{ "flowchart TD\n  A --> B\n", 1, 1, "not a Mermaid journey: expected 'journey' first, found 'flowchart TD'" },
		{ "journeys\n", 1, 1, "not a Mermaid journey: expected 'journey' first, found 'journeys'" },
		{ "journey\n  section A\n    Make tea 5\n", 3, 15, "expected 'TASK: SCORE' with a score from 1 to 5" },
		{ "journey\n  Make tea:\n", 2, 12, "expected 'TASK: SCORE' with a score from 1 to 5, found no score" },
		{ "journey\n  Make tea: 7: Me\n", 2, 13, "expected 'TASK: SCORE' with a score from 1 to 5, found '7'" },
		{ "journey\n  Make tea: 0\n", 2, 13, "expected 'TASK: SCORE' with a score from 1 to 5, found '0'" },
		{ "journey\n  Make tea: 2.5\n", 2, 13, "expected 'TASK: SCORE' with a score from 1 to 5, found '2.5'" },
		{ "journey\n  Make tea: -1\n", 2, 13, "expected 'TASK: SCORE' with a score from 1 to 5, found '-1'" },
		{ "journey\n  T: 3: a: b\n", 2, 10,
		  "a task has at most two ':' (TASK: SCORE: ACTORS); write #58; for a colon in a name" },
		{ "journey\n  : 3\n", 2, 3, "the task has no name" },
		{ "journey\n  #32;: 3\n", 2, 3, "the task has no name" },
		{ "journey\n  section A: b\n", 2, 12, "a section name cannot hold ':' (write #58; for a colon)" },
		{ "journey\n  section #32;\n", 2, 11, "the section has no name" },
		{ "journey\n  title #9;\n", 2, 9, "the title is empty" },
		{ "journey\n  Title  \n", 2, 10, "the title is empty" },
		{ "journey\n  section\n", 2, 10, "the section has no name" },
		{ "journey\n  Task; x: 3\n", 2, 7, "Mermaid does not allow ';' here (write #59; for a semicolon)" },
		{ "journey\n  title a; b\n", 2, 10, "Mermaid does not allow ';' here (write #59; for a semicolon)" },
		{ "journey\n  journey: 3\n", 2, 3,
		  "'journey' starts a diagram and may not come again (write a task that starts with it as #106;ourney)" },
		{ "journey\n  U #7;: 2\n", 2, 5, "'#7;' is not a character a map can hold" },
		{ "journey\n  U #0;: 2\n", 2, 5, "'#0;' is not a character a map can hold" },
		{ "journey\n  U #55296;: 2\n", 2, 5, "'#55296;' is not a character a map can hold" },
		{ "journey\n  U #99999999999;: 2\n", 2, 5, "'#99999999999;' is not a character a map can hold" },
		{ "journey\n  Caf\xC3: 2\n", 2, 6, "invalid UTF-8 (byte 0xC3); the text must be UTF-8" },
		{ "journey\n  A\x01: 2\n", 2, 4, "control character U+0001 is not allowed" },
		{ "journey\n  A\xE2\x80\xA8: 2\n", 2, 4, "character U+2028 (line separator) is not allowed" },
		{ "---\ntitle: x\njourney\n", 1, 1, "the front matter that starts here has no closing '---'" },
		{ "journey\n  accDescr {\n  never closed\n", 0, 0, "an accDescr { ... } is not closed with '}'" },
		{ "journey\n  Make tea: a very long score that goes on and on and on\n", 2, 13,
		  "expected 'TASK: SCORE' with a score from 1 to 5, found 'a very long score that goes on and on an...'" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		const struct bad_case *c = &cases[i];
		diag_list *diags = diag_list_new("in.mmd");
		cjm_map *map = cjm_import_mermaid(c->text, strlen(c->text), "T", diags);
		if (map || diags->count != 1 || diags->items[0].line != c->line || diags->items[0].col != c->col ||
		    strcmp(diags->items[0].message, c->message) != 0) {
			fprintf(stderr, "case %zu: %s", i, c->text);
			diag_print(diags, stderr);
		}
		assert_null(map);
		assert_int_equal(diags->count, 1);
		assert_int_equal(diags->items[0].line, c->line);
		assert_int_equal(diags->items[0].col, c->col);
		assert_string_equal(diags->items[0].message, c->message);
		diag_list_free(diags);
	}
}

static void test_import_nul(void **state)
{
	(void)state;
	static const char text[] = "journey\n  A\0: 2\n";
	diag_list *diags = diag_list_new("in.mmd");
	assert_null(cjm_import_mermaid(text, sizeof text - 1, "T", diags));
	assert_int_equal(diags->count, 1);
	assert_int_equal(diags->items[0].line, 2);
	assert_int_equal(diags->items[0].col, 4);
	assert_string_equal(diags->items[0].message, "NUL byte: this is binary data, not a Mermaid journey");
	diag_list_free(diags);
}

static void test_import_several_errors(void **state)
{
	(void)state;
	diag_list *diags = NULL;
	cjm_map *map = import_text("journey\n  A: 9\n  B: 3\n  C\n  section D: x\n", &diags);
	assert_null(map);
	assert_int_equal(diags->errors, 3);
	assert_int_equal(diags->items[0].line, 2);
	assert_int_equal(diags->items[1].line, 4);
	assert_int_equal(diags->items[2].line, 5);
	diag_list_free(diags);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_score_scale),
		cmocka_unit_test(test_export_journey),
		cmocka_unit_test(test_export_escapes),
		cmocka_unit_test(test_export_empty_map),
		cmocka_unit_test(test_round_trip_every_emotion),
		cmocka_unit_test(test_round_trip_every_character),
		cmocka_unit_test(test_import_hand_written),
		cmocka_unit_test(test_import_ids_unique),
		cmocka_unit_test(test_import_comments_and_accessibility),
		cmocka_unit_test(test_import_markdown),
		cmocka_unit_test(test_import_notes),
		cmocka_unit_test(test_import_errors),
		cmocka_unit_test(test_import_nul),
		cmocka_unit_test(test_import_several_errors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
