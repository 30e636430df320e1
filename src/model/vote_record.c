/* The touchpoint field `vote`: reading, checking and writing a vote's result, and its figures. */
#include "model/vote_record.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "util/lang.h"
#include "util/strset.h"
#include "util/utf8.h"
#include "util/xalloc.h"

#define VOTE_MINUS "\xE2\x88\x92" /* U+2212, as the exports write a negative emotion */
#define VOTE_SEPARATOR " \xC2\xB7 " /* " · " between the figures */
/* The index of skip beside the scores, in the parser's per-group arrays. */
#define VOTE_SKIP_SLOT CJM_VOTE_RECORD_SCORES

void cjm_vote_record_release(cjm_vote_record *record)
{
	for (size_t i = 0; i < record->team_count; i++)
		free(record->teams[i].name);
	for (size_t i = 0; i < record->name_count; i++)
		free(record->names[i].name);
	free(record->teams);
	free(record->names);
	*record = (cjm_vote_record){ 0 };
}

static cjm_vote_counts *vote_group(cjm_vote_group **groups, size_t *count, size_t *cap, const char *name)
{
	for (size_t i = 0; i < *count; i++)
		if (strcmp((*groups)[i].name, name) == 0)
			return &(*groups)[i].counts;
	xgrow((void **)groups, cap, *count + 1, sizeof **groups);
	cjm_vote_group *g = &(*groups)[(*count)++];
	*g = (cjm_vote_group){ .name = xstrdup(name) };
	return &g->counts;
}

cjm_vote_counts *cjm_vote_record_team(cjm_vote_record *record, const char *name)
{
	return vote_group(&record->teams, &record->team_count, &record->team_cap, name);
}

cjm_vote_counts *cjm_vote_record_name(cjm_vote_record *record, const char *name)
{
	return vote_group(&record->names, &record->name_count, &record->name_cap, name);
}

/* ---- scores as people and the record write them ---- */

void cjm_vote_put_score(strbuf *out, int score)
{
	if (score != 0)
		strbuf_puts(out, score < 0 ? VOTE_MINUS : "+");
	strbuf_printf(out, "%d", abs(score));
}

void cjm_vote_put_tenths(strbuf *out, long tenths, const char *lang)
{
	if (tenths != 0)
		strbuf_puts(out, tenths < 0 ? VOTE_MINUS : "+");
	long magnitude = labs(tenths);
	strbuf_printf(out, "%ld%s%ld", magnitude / 10, lang_decimal_point(lang), magnitude % 10);
}

void cjm_vote_put_median(strbuf *out, int median2, const char *lang)
{
	if (median2 % 2 == 0)
		cjm_vote_put_score(out, median2 / 2);
	else
		cjm_vote_put_tenths(out, 5L * median2, lang);
}

/* SUM / COUNT (COUNT > 0) in tenths, rounded half away from zero, in integers: the
 * exact mean rounded once, as the reveal writes it. */
long cjm_vote_mean_tenths(long sum, size_t count)
{
	long long n = (long long)count, twenty = 20LL * (sum < 0 ? -(long long)sum : (long long)sum);
	long long tenths = (twenty + n) / (2 * n);
	return (long)(sum < 0 ? -tenths : tenths);
}

/* Score slot I (0..6 the scores -3..+3, VOTE_SKIP_SLOT skip) as the record writes it. */
static const char *vote_slot_word(int i)
{
	static const char *const words[CJM_VOTE_RECORD_SCORES + 1] = { "-3", "-2", "-1", "0",
								       "+1", "+2", "+3", "skip" };
	return words[i];
}

/* ---- reading ---- */

static char vote_message[320];

/* Sets the message (a printf format, translated by the caller) and where it went wrong. */
static const char *vote_fail(size_t *at, size_t pos, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static const char *vote_fail(size_t *at, size_t pos, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(vote_message, sizeof vote_message, fmt, ap);
	va_end(ap);
	if (at)
		*at = pos;
	return vote_message;
}

/* The slot of the score word [S, S + LEN): 0..6, VOTE_SKIP_SLOT, or -1. */
static int vote_read_score(const char *s, size_t len)
{
	if (len == 4 && memcmp(s, "skip", 4) == 0)
		return VOTE_SKIP_SLOT;
	int sign = 1;
	if (len == 2 && (s[0] == '+' || s[0] == '-')) {
		sign = s[0] == '-' ? -1 : 1;
		s++;
		len--;
		if (s[0] == '0')
			return -1; /* "+0" and "-0": 0 has no sign */
	}
	if (len != 1 || s[0] < '0' || s[0] > '3')
		return -1;
	return sign * (s[0] - '0') - CJM_VOTE_RECORD_MIN;
}

/* The count [S, S + LEN) when it is 1..CJM_VOTE_RECORD_COUNT_MAX, else 0. */
static unsigned vote_read_count(const char *s, size_t len)
{
	unsigned long n = 0;
	if (len == 0)
		return 0;
	for (size_t i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		if (n <= CJM_VOTE_RECORD_COUNT_MAX)
			n = n * 10 + (unsigned long)(s[i] - '0');
	}
	return n <= CJM_VOTE_RECORD_COUNT_MAX ? (unsigned)n : 0;
}

/* What the parser knows while it reads one record. */
typedef struct vote_reader {
	const char *text;
	size_t *at;
	cjm_vote_record *record;
	strset *teams, *names;      /* the labels read so far (borrowing the record's names) */
	unsigned team_sum[CJM_VOTE_RECORD_SCORES + 1], name_sum[CJM_VOTE_RECORD_SCORES + 1];
} vote_reader;

static unsigned *vote_slot(cjm_vote_counts *c, int slot)
{
	return slot == VOTE_SKIP_SLOT ? &c->skipped : &c->score[slot];
}

/* The word of a score slot for a message: "+1", or "skip" (the file's word). */
static const char *vote_message_score(int slot)
{
	return vote_slot_word(slot);
}

/* Reads the SCORE:COUNT words of [S, E) into C. LABEL: the group's for a message ("team
 * 'finance'", "@alice"), NULL for the room, written at GROUP; NAME says a participant's. */
static const char *vote_read_counts(vote_reader *r, size_t group, size_t s, size_t e, cjm_vote_counts *c,
				    const char *label, bool name)
{
	const char *t = r->text;
	bool seen[CJM_VOTE_RECORD_SCORES + 1] = { false };
	bool any = false;
	size_t i = s;
	while (i < e) {
		if (t[i] == ' ') {
			i++;
			continue;
		}
		size_t ws = i;
		while (i < e && t[i] != ' ')
			i++;
		const char *colon = memchr(t + ws, ':', i - ws);
		if (!colon)
			return vote_fail(r->at, ws, _("expected SCORE:COUNT, found '%.*s'"), (int)(i - ws), t + ws);
		size_t cpos = (size_t)(colon - t);
		int slot = vote_read_score(t + ws, cpos - ws);
		if (slot < 0)
			return vote_fail(r->at, ws, _("unknown score '%.*s' (a score is -3..+3, or skip)"),
					 (int)(cpos - ws), t + ws);
		unsigned n = vote_read_count(t + cpos + 1, i - cpos - 1);
		if (n == 0)
			return vote_fail(r->at, cpos + 1, _("a count is a whole number from 1 to %u, found '%.*s'"),
					 CJM_VOTE_RECORD_COUNT_MAX, (int)(i - cpos - 1), t + cpos + 1);
		if (seen[slot])
			return vote_fail(r->at, ws, _("score %s is written twice"), vote_message_score(slot));
		seen[slot] = true;
		any = true;
		*vote_slot(c, slot) = n;
		if (!label)
			continue;
		unsigned room = *vote_slot(&r->record->room, slot);
		if (n > room)
			return vote_fail(r->at, ws, _("%s has %u of score %s, the room only %u"), label, n,
					 vote_message_score(slot), room);
		unsigned *sum = name ? &r->name_sum[slot] : &r->team_sum[slot];
		*sum += n;
		if (*sum > room)
			return vote_fail(r->at, ws,
					 name ? _("the names together have %u of score %s, the room only %u")
					      : _("the teams together have %u of score %s, the room only %u"),
					 *sum, vote_message_score(slot), room);
	}
	if (!any)
		return label ? vote_fail(r->at, group, _("%s has no counts"), label)
			     : vote_fail(r->at, group, _("the room has no counts"));
	return NULL;
}

/* Reads the group [S, E) (spaces trimmed), the INDEX-th of the record. */
static const char *vote_read_group(vote_reader *r, size_t s, size_t e, size_t index)
{
	const char *t = r->text;
	if (s == e)
		return index == 0 ? vote_fail(r->at, s, _("the room has no counts"))
				  : vote_fail(r->at, s, _("nothing between two '|'"));
	/* The label ends at a ':' followed by a space or the group's end; the room's first
	 * ':' is followed by its count (or by nothing: "+1:" lacks a count, not a team). */
	size_t colon = e;
	for (size_t i = s; i < e; i++)
		if (t[i] == ':' && (i + 1 == e || t[i + 1] == ' ')) {
			colon = i;
			break;
		}
	const char *first = memchr(t + s, ':', e - s);
	if (index == 0) {
		if (first && (size_t)(first - t) == colon && colon + 1 < e)
			return vote_fail(r->at, s, _("the room's counts come first, without a team's name"));
		return vote_read_counts(r, s, s, e, &r->record->room, NULL, false);
	}
	if (colon == e)
		return vote_fail(r->at, s, _("after '|' comes a team's name or @name and ':'"));
	size_t ls = s, le = colon;
	while (le > ls && t[le - 1] == ' ')
		le--;
	bool name = t[ls] == '@';
	if (name)
		ls++;
	if (ls == le)
		return name ? vote_fail(r->at, s, _("the name after '@' is empty"))
			    : vote_fail(r->at, s, _("a team's name is empty"));
	const char *inner = memchr(t + ls, ':', le - ls);
	if (inner)
		return name ? vote_fail(r->at, (size_t)(inner - t), _("a name must not hold ':'"))
			    : vote_fail(r->at, (size_t)(inner - t), _("a team's name must not hold ':'"));
	if (le - ls > CJM_VOTE_RECORD_NAME_MAX)
		return vote_fail(r->at, ls, name ? _("a name is at most %d bytes") : _("a team's name is at most %d bytes"),
				 CJM_VOTE_RECORD_NAME_MAX);
	char *label = xstrndup(t + ls, le - ls);
	strset *set = name ? r->names : r->teams;
	if (strset_has(set, label)) {
		const char *m = name ? vote_fail(r->at, s, _("@%s is written twice"), label)
				     : vote_fail(r->at, s, _("team '%s' is written twice"), label);
		free(label);
		return m;
	}
	cjm_vote_counts *c = name ? cjm_vote_record_name(r->record, label) : cjm_vote_record_team(r->record, label);
	cjm_vote_group *g = name ? &r->record->names[r->record->name_count - 1]
				 : &r->record->teams[r->record->team_count - 1];
	strset_add(set, g->name);
	char shown[CJM_VOTE_RECORD_NAME_MAX + 8];
	snprintf(shown, sizeof shown, name ? "@%s" : "'%s'", label);
	free(label);
	const char *problem = NULL;
	if (name)
		problem = vote_read_counts(r, s, colon + 1, e, c, shown, true);
	else {
		/* TRANSLATORS: a team in a message about a vote record: team 'finance'. */
		char team[CJM_VOTE_RECORD_NAME_MAX + 32];
		snprintf(team, sizeof team, _("team %s"), shown);
		problem = vote_read_counts(r, s, colon + 1, e, c, team, false);
	}
	return problem;
}

const char *cjm_vote_record_parse(const char *text, cjm_vote_record *record, size_t *at)
{
	cjm_vote_record_release(record);
	if (!text)
		text = "";
	size_t len = strlen(text);
	const char *line_break = strpbrk(text, "\n\r\t");
	if (line_break)
		return vote_fail(at, (size_t)(line_break - text), _("a vote record is one line of text"));
	vote_reader r = { .text = text, .at = at, .record = record, .teams = strset_new(8), .names = strset_new(8) };
	const char *problem = NULL;
	size_t start = 0;
	for (size_t index = 0; !problem; index++) {
		const char *bar = memchr(text + start, '|', len - start);
		size_t end = bar ? (size_t)(bar - text) : len;
		size_t s = start, e = end;
		while (s < e && text[s] == ' ')
			s++;
		while (e > s && text[e - 1] == ' ')
			e--;
		problem = vote_read_group(&r, s, e, index);
		if (!bar)
			break;
		start = end + 1;
	}
	strset_free(r.teams);
	strset_free(r.names);
	if (problem)
		cjm_vote_record_release(record);
	return problem;
}

/* ---- writing ---- */

static int vote_group_order(const void *a, const void *b)
{
	return strcmp(((const cjm_vote_group *)a)->name, ((const cjm_vote_group *)b)->name);
}

/* Appends the SCORE:COUNT words of C; false when it has no count. */
static bool vote_put_counts(strbuf *out, const cjm_vote_counts *c)
{
	bool any = false;
	for (int i = 0; i <= VOTE_SKIP_SLOT; i++) {
		unsigned n = i == VOTE_SKIP_SLOT ? c->skipped : c->score[i];
		if (!n)
			continue;
		strbuf_printf(out, "%s%s:%u", any ? " " : "", vote_slot_word(i), n);
		any = true;
	}
	return any;
}

/* Appends " | LABEL: counts" for each group of GROUPS with a count, by name. */
static void vote_put_groups(strbuf *out, const cjm_vote_group *groups, size_t count, const char *prefix)
{
	if (count == 0)
		return;
	cjm_vote_group *sorted = xmalloc(count * sizeof *sorted);
	memcpy(sorted, groups, count * sizeof *sorted);
	qsort(sorted, count, sizeof *sorted, vote_group_order);
	strbuf words = { 0 };
	for (size_t i = 0; i < count; i++) {
		strbuf_reset(&words);
		if (vote_put_counts(&words, &sorted[i].counts))
			strbuf_printf(out, " | %s%s: %s", prefix, sorted[i].name, words.data);
	}
	strbuf_release(&words);
	free(sorted);
}

/* Why NAME (a team's or, with AT_SIGN, a participant's) cannot be in a record, or NULL.
 * Checked before writing: a ':' or '|' would make the text another record. */
static const char *vote_name_problem(const char *name, bool participant)
{
	size_t len = name ? strlen(name) : 0;
	uint32_t cp;
	if (len == 0)
		return participant ? _("the name after '@' is empty") : _("a team's name is empty");
	if (strpbrk(name, ":|"))
		return participant ? _("a name must not hold ':' or '|'") : _("a team's name must not hold ':' or '|'");
	if (len > CJM_VOTE_RECORD_NAME_MAX)
		return vote_fail(NULL, 0,
				 participant ? _("a name is at most %d bytes") : _("a team's name is at most %d bytes"),
				 CJM_VOTE_RECORD_NAME_MAX);
	if (!utf8_valid(name) || utf8_find_forbidden(name, len, NULL, &cp) || strpbrk(name, "\t\n\r"))
		return participant ? _("a name must be one line of text") : _("a team's name must be one line of text");
	if (name[0] == ' ' || name[len - 1] == ' ' || (!participant && name[0] == '@'))
		return participant ? _("a name must not begin or end with a space")
				   : _("a team's name must not begin with '@' or a space, nor end with one");
	return NULL;
}

/* Whether every count of C is at most CJM_VOTE_RECORD_COUNT_MAX. */
static bool vote_counts_fit(const cjm_vote_counts *c)
{
	if (c->skipped > CJM_VOTE_RECORD_COUNT_MAX)
		return false;
	for (int i = 0; i < CJM_VOTE_RECORD_SCORES; i++)
		if (c->score[i] > CJM_VOTE_RECORD_COUNT_MAX)
			return false;
	return true;
}

char *cjm_vote_record_format(const cjm_vote_record *record, const char **problem)
{
	const char *why = NULL;
	bool fits = vote_counts_fit(&record->room);
	for (size_t i = 0; !why && i < record->team_count; i++) {
		why = vote_name_problem(record->teams[i].name, false);
		fits = fits && vote_counts_fit(&record->teams[i].counts);
	}
	for (size_t i = 0; !why && i < record->name_count; i++) {
		why = vote_name_problem(record->names[i].name, true);
		fits = fits && vote_counts_fit(&record->names[i].counts);
	}
	if (!why && !fits)
		why = vote_fail(NULL, 0, _("a count is a whole number from 1 to %u, found more"), CJM_VOTE_RECORD_COUNT_MAX);
	strbuf out = { 0 };
	if (!why) {
		vote_put_counts(&out, &record->room);
		vote_put_groups(&out, record->teams, record->team_count, "");
		vote_put_groups(&out, record->names, record->name_count, "@");
		/* What the reader refuses (teams above the room, twice the same team, no counts)
		 * the writer does not write: reading the text back tells. */
		cjm_vote_record back = { 0 };
		why = cjm_vote_record_parse(out.data ? out.data : "", &back, NULL);
		cjm_vote_record_release(&back);
	}
	if (problem)
		*problem = why;
	if (why) {
		strbuf_release(&out);
		return NULL;
	}
	return out.data;
}

const char *cjm_vote_record_check(const char *text, size_t *at, char **canonical)
{
	cjm_vote_record record = { 0 };
	const char *problem = cjm_vote_record_parse(text, &record, at);
	if (!problem && canonical)
		*canonical = cjm_vote_record_format(&record, &problem);
	cjm_vote_record_release(&record);
	return problem;
}

/* ---- figures ---- */

void cjm_vote_counts_figures(const cjm_vote_counts *c, cjm_vote_figures *f)
{
	*f = (cjm_vote_figures){ .skipped = c->skipped };
	for (int i = 0; i < CJM_VOTE_RECORD_SCORES; i++) {
		if (!c->score[i])
			continue;
		int score = i + CJM_VOTE_RECORD_MIN;
		if (!f->voted)
			f->min = score;
		f->max = score;
		f->voted += c->score[i];
		f->sum += (long)score * (long)c->score[i];
	}
	if (!f->voted)
		return;
	f->has_scores = true;
	f->mean = (double)f->sum / (double)f->voted;
	f->mean_tenths = cjm_vote_mean_tenths(f->sum, f->voted);
	f->range = f->max - f->min;
}

/* Sign of A's mean minus B's, exactly (both have votes). */
static int vote_mean_cmp(const cjm_vote_figures *a, const cjm_vote_figures *b)
{
	long long x = (long long)a->sum * (long long)b->voted, y = (long long)b->sum * (long long)a->voted;
	return (x > y) - (x < y);
}

bool cjm_vote_record_teams_apart(const cjm_vote_record *record, size_t *high, size_t *low)
{
	bool found = false;
	cjm_vote_figures hi = { 0 }, lo = { 0 };
	const char *hi_name = NULL, *lo_name = NULL;
	for (size_t i = 0; i < record->team_count; i++) {
		const cjm_vote_group *t = &record->teams[i];
		cjm_vote_figures f;
		cjm_vote_counts_figures(&t->counts, &f);
		if (f.voted < CJM_VOTE_RECORD_TEAM_VOTES_MIN)
			continue;
		int up = found ? vote_mean_cmp(&f, &hi) : 1, down = found ? vote_mean_cmp(&f, &lo) : -1;
		if (up > 0 || (up == 0 && strcmp(t->name, hi_name) < 0))
			*high = i, hi = f, hi_name = t->name;
		if (down < 0 || (down == 0 && strcmp(t->name, lo_name) < 0))
			*low = i, lo = f, lo_name = t->name;
		found = true;
	}
	return found && vote_mean_cmp(&hi, &lo) != 0;
}

bool cjm_touchpoint_vote(const cjm_touchpoint *tp, cjm_vote_record *record)
{
	*record = (cjm_vote_record){ 0 };
	return tp && tp->vote && !cjm_vote_record_parse(tp->vote, record, NULL);
}

void cjm_vote_record_summary(strbuf *out, const cjm_vote_record *record, const char *lang)
{
	cjm_vote_figures f;
	cjm_vote_counts_figures(&record->room, &f);
	/* The reveal's words (live/vote_text.c), so the map reads as the room saw it. */
	strbuf_printf(out, LC_(lang, "vote", "%zu voted, %zu skipped"), f.voted, f.skipped);
	strbuf_puts(out, VOTE_SEPARATOR);
	if (!f.has_scores) {
		strbuf_puts(out, LC_(lang, "vote", "no scores"));
		return;
	}
	strbuf low = { 0 }, high = { 0 };
	cjm_vote_put_score(&low, f.min);
	cjm_vote_put_score(&high, f.max);
	strbuf_printf(out, LC_(lang, "vote", "range %s..%s"), low.data, high.data);
	strbuf_release(&low);
	strbuf_release(&high);
}
