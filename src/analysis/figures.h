/* The figures of a map (counts, emotion, peak-end, quadrants, per owner and channel) as plain data. */
#ifndef CJM_FIGURES_H
#define CJM_FIGURES_H

#include <stdbool.h>
#include <stddef.h>

#include "model/map.h"

/*
 * cjm_figures_new computes every figure of DESIGN.md "Figures" in one pass
 * over the map (linear in its size). Only scored touchpoints (with an
 * emotion) count towards emotion figures. The result borrows the map's
 * strings and touchpoints: it is valid until the map changes, then it is
 * freed and computed again.
 *
 * Touchpoints are numbered in map order across all phases (the "flat index"):
 * tps[i] says where touchpoint i stands, phase_first[p] is the flat index of
 * phase p's first touchpoint (phase_first[phases] == touchpoints).
 */

/* Satisfaction x impact (on NPS) quadrants; "low" is below the threshold. */
typedef enum cjm_quadrant {
	CJM_QUADRANT_NONE = -1,  /* lacks satisfaction or impact */
	CJM_QUADRANT_LOW_LOW,    /* low satisfaction, low impact: fix cheaply */
	CJM_QUADRANT_HIGH_LOW,   /* high satisfaction, low impact: doing too well, save cost */
	CJM_QUADRANT_LOW_HIGH,   /* low satisfaction, high impact: raise satisfaction first */
	CJM_QUADRANT_HIGH_HIGH,  /* high satisfaction, high impact: let more customers have it */
} cjm_quadrant;
#define CJM_QUADRANT_COUNT 4

/* The quadrant of SATISFACTION and IMPACT: high is at or above its threshold. */
cjm_quadrant cjm_quadrant_classify(double satisfaction, double impact, double satisfaction_threshold,
				   double impact_threshold);
/* The quadrant of TP under MAP's thresholds; NONE without satisfaction or impact. */
cjm_quadrant cjm_touchpoint_quadrant(const cjm_map *map, const cjm_touchpoint *tp);
/* "low-low", "high-low", "low-high", "high-high" (satisfaction first); "none". */
const char *cjm_quadrant_name(cjm_quadrant q);
/* "fix cheaply", "doing too well: save cost", "raise satisfaction first",
 * "let more customers have it"; "" for NONE. */
const char *cjm_quadrant_action(cjm_quadrant q);

/* The action in a few words, for a narrow column: "fix cheaply", "save cost",
 * "raise first", "spread it", in the interface language; "" for NONE. */
const char *cjm_quadrant_brief(cjm_quadrant q);

/* Emotion over a set of touchpoints (the journey, a phase, an owner, a channel). */
typedef struct cjm_emotion_summary {
	size_t count;   /* touchpoints */
	size_t scored;  /* of which have an emotion; the fields below need scored > 0 */
	long sum;       /* of the scored emotions */
	double mean;    /* sum / scored; 0 when nothing is scored */
	int min, max;   /* the lowest and highest scored emotion */
	size_t min_at, max_at; /* flat index of the earliest lowest / highest */
	size_t negative, neutral, positive; /* scored touchpoints below, at and above 0 */
} cjm_emotion_summary;

/* Where touchpoint number i (in map order) stands. */
typedef struct cjm_tp_at {
	size_t phase;  /* index of its phase */
	size_t index;  /* index within the phase */
	const cjm_touchpoint *tp;
} cjm_tp_at;

/* One owner or channel and the emotion of its touchpoints. */
typedef struct cjm_group_figures {
	const char *key; /* the owner or channel as written (borrowed); NULL: touchpoints without one */
	size_t first;    /* flat index of its first touchpoint */
	cjm_emotion_summary emotion;
} cjm_group_figures;

typedef struct cjm_figures {
	/* counts */
	size_t phases;
	size_t touchpoints;
	size_t scored;            /* touchpoints with an emotion */
	size_t unscored;          /* touchpoints without one */
	size_t moments_of_truth;  /* moment_of_truth: true */
	size_t brand_moments;     /* brand_moment: true */
	size_t commitments;       /* commitment: true */
	size_t invisible;         /* visible: false */

	/* every touchpoint in map order, and where each phase starts in it */
	cjm_tp_at *tps;           /* [touchpoints] */
	size_t *phase_first;      /* [phases + 1] */

	/* emotion over the whole journey; mean is emotion.mean */
	cjm_emotion_summary emotion;
	bool has_peak;            /* false when nothing is scored (then no end either) */
	int peak;                 /* the scored emotion with the largest |value|, earliest on a tie */
	size_t peak_at;           /* its flat index */
	int end;                  /* the last scored emotion */
	size_t end_at;
	double peak_end;          /* (peak + end) / 2 */

	/* emotion per phase: [phases] */
	cjm_emotion_summary *phase_emotion;

	/* satisfaction x impact */
	double satisfaction_threshold;
	double impact_threshold;
	cjm_quadrant *quadrant;   /* [touchpoints] */
	size_t quadrant_count[CJM_QUADRANT_COUNT];
	size_t unplaced;          /* touchpoints lacking satisfaction or impact */

	/* per owner and per channel, in order of first appearance; the group of
	 * touchpoints without one (key NULL), when there are any, comes last */
	cjm_group_figures *owners;
	size_t owner_count;
	cjm_group_figures *channels;
	size_t channel_count;
} cjm_figures;

cjm_figures *cjm_figures_new(const cjm_map *map);
void cjm_figures_free(cjm_figures *figures);

/* The flat index of touchpoint INDEX of phase PHASE. */
size_t cjm_figures_flat(const cjm_figures *figures, size_t phase, size_t index);
/* The group of owner (or channel) KEY, NULL for "none"; NULL when no touchpoint has it. */
const cjm_group_figures *cjm_figures_owner(const cjm_figures *figures, const char *key);
const cjm_group_figures *cjm_figures_channel(const cjm_figures *figures, const char *key);

#endif
