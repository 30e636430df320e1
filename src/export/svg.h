/* The printable journey-map picture as SVG, laid out once and written as one document or page by page. */
#ifndef CJM_EXPORT_SVG_H
#define CJM_EXPORT_SVG_H

#include <stddef.h>

#include "analysis/figures.h"
#include "model/map.h"
#include "export/export.h"
#include "util/strbuf.h"

/*
 * The picture is the paper's width (landscape) and a whole number of paper
 * heights ("pages", sheets) tall; the user unit is one millimetre. With
 * CJM_PAPER_FIT it is one page as wide and as high as the journey needs (see
 * cjm_svg_paper_width and _height). cjm_export_svg
 * writes all pages stacked in one SVG document; the HTML export writes each
 * page as its own inline <svg> (the same drawing), so a browser can print one
 * page per sheet. Text measuring is in svg_text.c, the layout in
 * svg_layout.c, the drawing in svg_draw.c (primitives), svg_header.c and
 * svg_row.c (the parts), the document in svg.c.
 */
typedef struct cjm_svg cjm_svg;

/* Lays MAP out on PAPER. FIGURES are MAP's (cjm_figures_new); both must
 * outlive the result. Linear in the size of the map. */
cjm_svg *cjm_svg_new(const cjm_map *map, const cjm_figures *figures, cjm_paper paper);
/* The same with a comparison (svg_compare.c): CMP compares MAP with another map
 * (NULL: none), HERE_NAME and THERE_NAME name the two; all must outlive the result. */
cjm_svg *cjm_svg_new_compare(const cjm_map *map, const cjm_figures *figures, cjm_paper paper,
			     const cjm_compare *cmp, const char *here_name, const char *there_name);
void cjm_svg_free(cjm_svg *svg);

/* The number of pages (at least 1). */
size_t cjm_svg_page_count(const cjm_svg *svg);
/* The paper's width and height in millimetres (landscape); for
 * CJM_PAPER_FIT, the one sheet's. */
double cjm_svg_paper_width(const cjm_svg *svg);
double cjm_svg_paper_height(const cjm_svg *svg);

/* Appends the CSS rules of the drawing (classes scoped under ".cjm"), without
 * a <style> element: the standalone document holds them in its own <style>,
 * the HTML page in its <style>. Free of '<' and '&'. */
void cjm_svg_write_css(const cjm_svg *svg, strbuf *out);

/* The writers reuse a scratch buffer inside SVG; the layout does not change. */

/* Appends page PAGE (0-based) as an <svg class="cjm"> element without a
 * namespace declaration, sized by the CSS of the page that holds it, for
 * inline use in HTML; its viewBox shows that page of the tall picture, down
 * to the end of what is drawn on it (no footer, no blank paper). */
void cjm_svg_write_page(cjm_svg *svg, size_t page, strbuf *out);

/* Appends the whole picture as a standalone SVG document (XML declaration,
 * namespace, width and height in mm, its own <style>). */
void cjm_svg_write_document(cjm_svg *svg, strbuf *out);

/* Appends page PAGE (0-based) alone as a standalone SVG document, one paper
 * wide and high, with its footer: what the PDF and PNG exports render, one
 * sheet at a time. */
void cjm_svg_write_sheet(cjm_svg *svg, size_t page, strbuf *out);

/* The colour of emotion E (-3..3) as "#rrggbb": red through a neutral grey at 0
 * to green. */
const char *cjm_svg_emotion_colour(int e);


#endif
