/* The figures of a map (counts, emotion, peak-end, quadrants, per owner and channel) as plain data. */
#include "analysis/figures.h"

#include <stdint.h>
#include <stdlib.h>

#include "util/strset.h"
#include "util/xalloc.h"
#include "util/i18n.h"

/* The figures and the hash sets behind the per-owner and per-channel lookups. */
struct figures_full {
	cjm_figures pub; /* first, so a cjm_figures * is a struct figures_full * */
	strset *owner_index;   /* owner -> group index + 1 */
	strset *channel_index;
	size_t owner_cap;
	size_t channel_cap;
};

cjm_quadrant cjm_quadrant_classify(double satisfaction, double impact, double satisfaction_threshold,
				   double impact_threshold)
{
	bool high_sat = satisfaction >= satisfaction_threshold;
	bool high_impact = impact >= impact_threshold;
	if (high_impact)
		return high_sat ? CJM_QUADRANT_HIGH_HIGH : CJM_QUADRANT_LOW_HIGH;
	return high_sat ? CJM_QUADRANT_HIGH_LOW : CJM_QUADRANT_LOW_LOW;
}

cjm_quadrant cjm_touchpoint_quadrant(const cjm_map *map, const cjm_touchpoint *tp)
{
	if (!tp->has_satisfaction || !tp->has_impact)
		return CJM_QUADRANT_NONE;
	return cjm_quadrant_classify(tp->satisfaction, tp->impact, cjm_map_satisfaction_threshold(map),
				     cjm_map_impact_threshold(map));
}

const char *cjm_quadrant_name(cjm_quadrant q)
{
	switch (q) {
	case CJM_QUADRANT_LOW_LOW: return "low-low";
	case CJM_QUADRANT_HIGH_LOW: return "high-low";
	case CJM_QUADRANT_LOW_HIGH: return "low-high";
	case CJM_QUADRANT_HIGH_HIGH: return "high-high";
	case CJM_QUADRANT_NONE: break;
	}
	return "none";
}

const char *cjm_quadrant_action(cjm_quadrant q)
{
	switch (q) {
	case CJM_QUADRANT_LOW_LOW: return N_("fix cheaply");
	case CJM_QUADRANT_HIGH_LOW: return N_("doing too well: save cost");
	case CJM_QUADRANT_LOW_HIGH: return N_("raise satisfaction first");
	case CJM_QUADRANT_HIGH_HIGH: return N_("let more customers have it");
	case CJM_QUADRANT_NONE: break;
	}
	return "";
}

const char *cjm_quadrant_brief(cjm_quadrant q)
{
	switch (q) {
	/* TRANSLATORS: a quadrant's action in at most 11 letters, for the editor's lane. */
	case CJM_QUADRANT_LOW_LOW: return C_("quadrant in a few words", "fix cheaply");
	case CJM_QUADRANT_HIGH_LOW: return C_("quadrant in a few words", "save cost");
	case CJM_QUADRANT_LOW_HIGH: return C_("quadrant in a few words", "raise first");
	case CJM_QUADRANT_HIGH_HIGH: return C_("quadrant in a few words", "spread it");
	case CJM_QUADRANT_NONE: break;
	}
	return "";
}

/* Counts touchpoint FLAT into SUMMARY. */
static void figures_summary_add(cjm_emotion_summary *s, const cjm_touchpoint *tp, size_t flat)
{
	s->count++;
	if (!tp->has_emotion)
		return;
	int e = tp->emotion;
	if (s->scored == 0 || e < s->min) {
		s->min = e;
		s->min_at = flat;
	}
	if (s->scored == 0 || e > s->max) {
		s->max = e;
		s->max_at = flat;
	}
	s->scored++;
	s->sum += e;
	if (e < 0)
		s->negative++;
	else if (e > 0)
		s->positive++;
	else
		s->neutral++;
}

static void figures_summary_finish(cjm_emotion_summary *s)
{
	s->mean = s->scored ? (double)s->sum / (double)s->scored : 0.0;
}

/* Counts touchpoint FLAT into the group of KEY in GROUPS (found through INDEX,
 * added when new), or into NONE when it has no KEY. */
static void figures_group_add(cjm_group_figures **groups, size_t *count, size_t *cap, strset *index,
			      cjm_group_figures *none, const char *key, const cjm_touchpoint *tp, size_t flat)
{
	cjm_group_figures *g = none;
	if (key) {
		bool added;
		void **slot = strset_slot(index, key, &added);
		if (added) {
			xgrow((void **)groups, cap, *count + 1, sizeof **groups);
			(*groups)[*count] = (cjm_group_figures){ .key = key };
			*slot = (void *)(uintptr_t)++*count;
		}
		g = &(*groups)[(size_t)(uintptr_t)*slot - 1];
	}
	if (g->emotion.count == 0)
		g->first = flat;
	figures_summary_add(&g->emotion, tp, flat);
}

/* Appends the "none" group NONE (when it has touchpoints) and finishes every mean. */
static void figures_groups_finish(cjm_group_figures **groups, size_t *count, size_t *cap,
				  const cjm_group_figures *none)
{
	if (none->emotion.count > 0) {
		xgrow((void **)groups, cap, *count + 1, sizeof **groups);
		(*groups)[(*count)++] = *none;
	}
	for (size_t i = 0; i < *count; i++)
		figures_summary_finish(&(*groups)[i].emotion);
}

cjm_figures *cjm_figures_new(const cjm_map *map)
{
	struct figures_full *full = xcalloc(1, sizeof *full);
	cjm_figures *f = &full->pub;
	size_t total = cjm_map_touchpoint_count(map);

	f->phases = map->phase_count;
	f->touchpoints = total;
	f->tps = xcalloc(total, sizeof *f->tps);
	f->phase_first = xcalloc(map->phase_count + 1, sizeof *f->phase_first);
	f->phase_emotion = xcalloc(map->phase_count, sizeof *f->phase_emotion);
	f->quadrant = xcalloc(total, sizeof *f->quadrant);
	f->satisfaction_threshold = cjm_map_satisfaction_threshold(map);
	f->impact_threshold = cjm_map_impact_threshold(map);
	full->owner_index = strset_new(16);
	full->channel_index = strset_new(16);

	cjm_group_figures no_owner = { .key = NULL }, no_channel = { .key = NULL };
	size_t flat = 0;
	for (size_t p = 0; p < map->phase_count; p++) {
		const cjm_phase *phase = map->phases[p];
		f->phase_first[p] = flat;
		for (size_t t = 0; t < phase->touchpoint_count; t++, flat++) {
			const cjm_touchpoint *tp = phase->touchpoints[t];
			f->tps[flat] = (cjm_tp_at){ p, t, tp };

			f->moments_of_truth += tp->moment_of_truth == CJM_TRUE;
			f->brand_moments += tp->brand_moment == CJM_TRUE;
			f->commitments += tp->commitment == CJM_TRUE;
			f->invisible += !cjm_touchpoint_is_visible(tp);

			figures_summary_add(&f->emotion, tp, flat);
			figures_summary_add(&f->phase_emotion[p], tp, flat);
			if (tp->has_emotion) {
				int mag = abs(tp->emotion);
				if (!f->has_peak || mag > abs(f->peak)) {
					f->peak = tp->emotion;
					f->peak_at = flat;
				}
				f->has_peak = true;
				f->end = tp->emotion;
				f->end_at = flat;
			}

			cjm_quadrant q = cjm_touchpoint_quadrant(map, tp);
			f->quadrant[flat] = q;
			if (q == CJM_QUADRANT_NONE)
				f->unplaced++;
			else
				f->quadrant_count[q]++;

			figures_group_add(&f->owners, &f->owner_count, &full->owner_cap, full->owner_index,
					  &no_owner, tp->owner, tp, flat);
			figures_group_add(&f->channels, &f->channel_count, &full->channel_cap,
					  full->channel_index, &no_channel, tp->channel, tp, flat);
		}
	}
	f->phase_first[map->phase_count] = flat;

	f->scored = f->emotion.scored;
	f->unscored = total - f->scored;
	figures_summary_finish(&f->emotion);
	for (size_t p = 0; p < map->phase_count; p++)
		figures_summary_finish(&f->phase_emotion[p]);
	f->peak_end = f->has_peak ? (f->peak + f->end) / 2.0 : 0.0;
	figures_groups_finish(&f->owners, &f->owner_count, &full->owner_cap, &no_owner);
	figures_groups_finish(&f->channels, &f->channel_count, &full->channel_cap, &no_channel);
	return f;
}

void cjm_figures_free(cjm_figures *figures)
{
	if (!figures)
		return;
	struct figures_full *full = (struct figures_full *)figures;
	free(figures->tps);
	free(figures->phase_first);
	free(figures->phase_emotion);
	free(figures->quadrant);
	free(figures->owners);
	free(figures->channels);
	strset_free(full->owner_index);
	strset_free(full->channel_index);
	free(full);
}

size_t cjm_figures_flat(const cjm_figures *figures, size_t phase, size_t index)
{
	return figures->phase_first[phase] + index;
}

/* The group of KEY among GROUPS (COUNT of them, the "none" group last when present). */
static const cjm_group_figures *figures_find(const cjm_group_figures *groups, size_t count,
					     const strset *index, const char *key)
{
	if (!key)
		return count > 0 && !groups[count - 1].key ? &groups[count - 1] : NULL;
	size_t at = (size_t)(uintptr_t)strset_get(index, key);
	return at ? &groups[at - 1] : NULL;
}

const cjm_group_figures *cjm_figures_owner(const cjm_figures *figures, const char *key)
{
	const struct figures_full *full = (const struct figures_full *)figures;
	return figures_find(figures->owners, figures->owner_count, full->owner_index, key);
}

const cjm_group_figures *cjm_figures_channel(const cjm_figures *figures, const char *key)
{
	const struct figures_full *full = (const struct figures_full *)figures;
	return figures_find(figures->channels, figures->channel_count, full->channel_index, key);
}
