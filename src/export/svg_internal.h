/* What the SVG picture's files share: sizes, text measuring, the layout, the parts that measure or draw. */
#ifndef CJM_EXPORT_SVG_INTERNAL_H
#define CJM_EXPORT_SVG_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "analysis/figures.h"
#include "model/map.h"
#include "export/svg.h"
#include "export/words.h"
#include "util/lang.h"
#include "util/strbuf.h"

/*
 * Files: svg_text.c measures and wraps text; svg_draw.c has the drawing
 * primitives; svg_header.c measures or draws the first page's header and the
 * footers, svg_row.c the parts of a row (a phase band, a card, a lane cell,
 * the lanes and the emotion curve); svg_layout.c places columns, rows and
 * pages; svg.c writes the document, the pages and the CSS.
 *
 * Every part function measures when OUT is NULL and draws when it is not, so
 * the layout and the drawing can never disagree about a height.
 */

#define SVG_NONE ((size_t)-1)
#define SEP " \xC2\xB7 " /* " · " between the items of a line */
/* Above +3 and below -3 in the emotion lane, room for a point's value (mm at scale 1). */
#define SVG_EMOTION_PAD 3.6
/* The smallest text anywhere: 7 pt in mm. */
#define SVG_MIN_TEXT 2.5

/* ---- text (svg_text.c) ---- */

/* A font: size in mm, bold or not (italic only changes the CSS: the widths
 * measured are the wider of upright and italic). */
typedef struct svg_font {
	double size;
	bool bold;
} svg_font;

/* One wrapped line: LEN bytes of the original text at S; CUT when the text
 * goes on and the line ends with an ellipsis. */
typedef struct svg_line {
	const char *s;
	size_t len;
	bool cut;
} svg_line;

/* The estimated width in mm of LEN bytes at S in FONT. */
double svg_text_width(const char *s, size_t len, svg_font font);
/* Wraps TEXT into at most MAX lines of at most WIDTH mm in FONT, into LINES;
 * returns the number of lines (0 for blank text). When the text does not fit,
 * the last line is cut and marked CUT. */
size_t svg_text_wrap(const char *text, double width, svg_font font, size_t max, svg_line *lines);
/* Appends X in mm with at most one decimal ("12", "12.5", "-3.2"). */
void svg_num(strbuf *out, double x);
/* Appends LEN bytes at S escaped for XML (cjm_escape_xml), then "…" when CUT. */
void svg_put_text(strbuf *out, const char *s, size_t len, bool cut);
/* Appends the emotion E with a typographic sign: "+2", "0", "−3". */
void svg_put_emotion(strbuf *out, int e);

/* ---- sizes (svg_layout.c) ---- */

/* Every size in mm. The sizes at scale 1 are the same on every paper (text
 * no smaller than 7 pt); bigger paper holds more columns and rows, and a
 * journey that leaves a sheet half empty is drawn larger (svg_layout.c). */
typedef struct svg_metrics {
	double scale;
	double width, height;   /* the paper, landscape; for --paper fit, what the journey needs */
	bool fit;               /* --paper fit: one sheet, one row */
	double margin;
	double gutter;          /* the lane labels left of the columns */
	double card_w, col_gap; /* a column is a card wide: on the page being measured or drawn */
	double card_base;       /* a card's width in a full row */
	size_t columns;         /* per row at most */
	size_t rows;            /* per sheet at most */
	double lane_gap;        /* between the lanes of a row */
	double row_gap;         /* between rows */
	double pad;             /* inside cards, bands and cells */
	double footer;          /* the footer's height, when there are pages */
	double emotion_step;    /* between two emotion levels */
	double emotion_h;       /* the emotion lane */
	svg_font title, persona, persona_b, band, band_desc, name, meta, flag, item, more, label, value, scale_f,
		footer_f, chip, chip_label, legend, quote, action, cont;
	double line;            /* line height over font size */
} svg_metrics;

/* The line height of FONT under M. */
double svg_lh(const svg_metrics *m, svg_font font);

/* ---- the layout (svg_layout.c) ---- */

/* How much of each text a row shows: the layout picks, per sheet, the most
 * generous level whose rows fit the sheet (svg_layout.c). */
typedef struct svg_caps {
	unsigned band_name, band_desc; /* lines */
	unsigned name, meta, action;   /* lines of a card's name, channel · owner, action */
	unsigned quotes, quote_lines;  /* quotes on a card, lines of each */
	unsigned cell, item;           /* lines of a pains or ideas cell, of one item */
} svg_caps;
#define SVG_LEVELS 7
#define SVG_MAX_LINES 10 /* the most lines any one wrap asks for */
extern const svg_caps svg_levels[SVG_LEVELS];

/* A column: a touchpoint (its flat index), or an empty phase's placeholder. */
typedef struct svg_column {
	size_t phase;
	size_t flat; /* SVG_NONE for a phase without touchpoints */
} svg_column;

/* A row of columns and the heights of its lanes. */
typedef struct svg_row {
	size_t first, count; /* columns */
	size_t page;
	double y;            /* its top, from the top of the whole picture */
	double band_h, card_h, pains_h, ideas_h;
} svg_row;

struct cjm_svg {
	const cjm_map *map;
	const cjm_figures *fig;
	svg_metrics m;
	const char *paper_name; /* "A3" */
	svg_column *cols;
	size_t col_count;
	svg_row *rows;
	size_t row_count;
	size_t *page_rows;   /* [pages + 1]: the first row of each page */
	unsigned char *page_level; /* [pages]: the level (svg_levels) of each page */
	double *page_card_w;       /* [pages]: the width of a card on each page */
	bool widen;                /* cards of a page with short rows share the row's width */
	size_t pages;
	const svg_caps *caps; /* the level of the page being measured or drawn */
	size_t cuts;          /* texts cut short while measuring (svg_row.c) */
	double header_h;     /* the first page's header and legend, below the margin */
	const cjm_compare *cmp; /* the comparison (svg_compare.c), or NULL */
	const char *here_name, *there_name;
	bool votes;          /* a touchpoint has a vote record: the spread marks, their CSS and legend */
	strbuf scratch;      /* reused for composed text */
};

/* The x of column slot I of a row (0-based). */
double svg_col_x(const cjm_svg *svg, size_t i);
/* The tops of a row's lanes. */
double svg_row_card_y(const cjm_svg *svg, const svg_row *row);
double svg_row_emotion_y(const cjm_svg *svg, const svg_row *row);
double svg_row_pains_y(const cjm_svg *svg, const svg_row *row);
double svg_row_ideas_y(const cjm_svg *svg, const svg_row *row);
double svg_row_bottom(const cjm_svg *svg, const svg_row *row);
/* The bottom of what is drawn on page PAGE, footer aside, from the top of the picture. */
double svg_page_content_bottom(const cjm_svg *svg, size_t page);
/* The width the header may take: the paper's inside the margins, at most an A3's for --paper fit. */
double svg_header_width(const cjm_svg *svg);

/* ---- drawing primitives (svg_draw.c) ---- */

/* The baseline of a line of FONT whose line box starts at TOP. */
double svg_base(const cjm_svg *svg, double top, svg_font font);
/* The opening of a <text> at X, Y in class CLS; ANCHOR is NULL, "m" (middle)
 * or "r" (end), a class of its own. */
void svg_text_open(strbuf *out, const char *cls, double x, double y, const char *anchor);
/* A <text> of one line: LEN bytes at S, then "…" when CUT. */
void svg_text_line(strbuf *out, const char *cls, double x, double y, const char *s, size_t len, bool cut,
		   const char *anchor);
void svg_text_str(strbuf *out, const char *cls, double x, double y, const char *s, const char *anchor);
/* Draws N wrapped lines in FONT from TOP as one <text> (nothing when OUT is
 * NULL); returns their height. */
double svg_lines(const cjm_svg *svg, strbuf *out, const char *cls, svg_font font, double x, double top,
		 const svg_line *lines, size_t n, const char *anchor);
void svg_rect(strbuf *out, const char *cls, double x, double y, double w, double h, double rx);
void svg_path_line(strbuf *out, const char *cls, double x1, double y1, double x2, double y2);
/* The colour class of emotion E is svg_emotion_class[E + 3] ("e0".."e6"). */
extern const char *const svg_emotion_class[7];
/* The marker of emotion E at CX, CY, radius R: a triangle up for positive,
 * down for negative, a circle for 0. */
void svg_marker(strbuf *out, int e, double cx, double cy, double r);
/* The spread mark of a vote at X: a thin bar from Y_LOW to Y_HIGH with caps HALF
 * wide at both ends, in class "vs" ("vs vd" when DIVIDED); TITLE (may be NULL) its
 * tooltip. */
void svg_spread(strbuf *out, double x, double y_low, double y_high, double half, bool divided, const char *title);
/* The marker of a touchpoint that is not scored: a hollow dashed circle. */
void svg_unscored(strbuf *out, double cx, double cy, double r);
/* Writes E with a typographic sign into BUF (8 bytes); returns its length. */
size_t svg_emotion_str(char *buf, int e);

/* The flags of a touchpoint, drawn as pills. */
enum { SVG_FLAG_MOMENT, SVG_FLAG_BRAND, SVG_FLAG_COMMIT, SVG_FLAG_HIDDEN, SVG_FLAG_COUNT };
double svg_pill_h(const cjm_svg *svg);
double svg_pill_w(const cjm_svg *svg, int flag);
void svg_pill(const cjm_svg *svg, strbuf *out, int flag, double x, double y);

/* ---- the parts (svg_header.c, svg_row.c): measure when OUT is NULL, else draw ---- */

/* The first page's header (title, persona, brand values, figures) and the
 * legend, from the top margin; returns its height. */
double svg_part_header(cjm_svg *svg, strbuf *out);
/* The band of phase PHASE over SPAN columns from column slot AT of a row at Y;
 * CONTINUED when the phase began on an earlier row. Returns its height. */
double svg_part_band(cjm_svg *svg, size_t phase, size_t at, size_t span, bool continued, double y, double h,
		     strbuf *out);
/* The card of column COL at X, Y; H is the row's card height when drawing.
 * Returns the height it needs. */
double svg_part_card(cjm_svg *svg, const svg_column *col, double x, double y, double h, strbuf *out);
/* The cell of LIST (pains when PAINS, else ideas) at X, Y; H as above. */
double svg_part_cell(cjm_svg *svg, const cjm_strlist *list, bool pains, double x, double y, double h,
		     strbuf *out);
/* Draws the lane labels, the emotion lane and curve, the separators of ROW. */
void svg_part_row_frame(cjm_svg *svg, const svg_row *row, strbuf *out);
/* Draws the footer of page PAGE. */
void svg_part_footer(cjm_svg *svg, size_t page, strbuf *out);
/* The y of emotion E in the emotion lane that starts at TOP. */
double svg_emotion_y(const cjm_svg *svg, double top, int e);

/* ---- the comparison (svg_compare.c), only when svg->cmp is set ---- */

/* The CSS rules it adds. */
void svg_compare_css(const cjm_svg *svg, strbuf *out);
/* The box of both maps' figures at X, Y, W wide under the legend; returns its height. */
double svg_part_compare(cjm_svg *svg, strbuf *out, double x, double y, double w);
/* The other map's curve in ROW's emotion lane at TOP (under this map's), and its markers (over it). */
void svg_compare_curve(cjm_svg *svg, const svg_row *row, double top, strbuf *out);
void svg_compare_points(cjm_svg *svg, const svg_row *row, double top, strbuf *out);
/* The difference line of COL's card at X, Y (drawn when OUT is set); returns its height. */
double svg_compare_card_line(cjm_svg *svg, const svg_column *col, double x, double y, strbuf *out);

#endif
