/* The ten built-in innovation patterns (after B. Schauer's ten tips), one file each. */
#ifndef CJM_BUILTIN_H
#define CJM_BUILTIN_H

#include "cjm/plugin.h"

extern const cjm_pattern cjm_pattern_soften_negatives;      /* tip 1 */
extern const cjm_pattern cjm_pattern_amplify_peaks;         /* tip 2 */
extern const cjm_pattern cjm_pattern_moments_of_truth;      /* tip 3 */
extern const cjm_pattern cjm_pattern_strong_start;          /* tip 4 */
extern const cjm_pattern cjm_pattern_end_with_smile;        /* tip 5 */
extern const cjm_pattern cjm_pattern_extend_journey;        /* tip 6 */
extern const cjm_pattern cjm_pattern_skip_steps;            /* tip 7 */
extern const cjm_pattern cjm_pattern_reorder_steps;         /* tip 8 */
extern const cjm_pattern cjm_pattern_intelligent_experience; /* tip 9 */
extern const cjm_pattern cjm_pattern_redesign;              /* tip 10 */

/* The target of a suggestion about the journey as a whole (in `dismissed:` too). */
#define CJM_JOURNEY_TARGET "journey"

#endif
