/* What the Mermaid journey export and import share: the score scale, the notes, the characters Mermaid trims. */
#ifndef CJM_EXPORT_MERMAID_H
#define CJM_EXPORT_MERMAID_H

#include <stdbool.h>
#include <stdint.h>

/* Mermaid's documented score range. */
#define CJM_MERMAID_SCORE_MIN 1
#define CJM_MERMAID_SCORE_MAX 5
/* The score of an unscored touchpoint (neutral), marked by the note "unscored". */
#define CJM_MERMAID_SCORE_UNSCORED 3

/* A Mermaid comment line that starts with this carries what the diagram cannot show. */
#define CJM_MERMAID_NOTE "%% cjm:"

/* The score of emotion E (-3..3): -3 and -2 give 1, -1 gives 2, 0 gives 3,
 * +1 gives 4, +2 and +3 give 5. The sign is kept: below 3 is negative. */
int cjm_mermaid_score(int emotion);
/* The emotion a score (1..5) reads back as: 1 -3, 2 -1, 3 0, 4 +1, 5 +3. */
int cjm_mermaid_emotion(int score);
/* True when the score of E does not read back as E (only -2 and +2), so the
 * export adds the note "emotion=E". */
bool cjm_mermaid_emotion_needs_note(int emotion);

/* True for the characters JavaScript's \s and trim() take as white space
 * (Mermaid drops them at the ends of names). */
bool cjm_mermaid_is_space(uint32_t cp);

#endif
