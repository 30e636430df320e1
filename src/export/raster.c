/* cjm export --to pdf and --to png: each sheet of the SVG layout drawn by librsvg onto a cairo surface. */
#include "export/export.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <errno.h>
#include <librsvg/rsvg.h>
#include <math.h>
#include <stdlib.h>

#include "analysis/figures.h"
#include "export/svg.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

/* A PDF point is 1/72 inch; the SVG's unit is the millimetre. */
#define POINTS_PER_MM (72.0 / 25.4)

struct cjm_export_job {
	const cjm_map *map;
	cjm_figures *figures;
	cjm_svg *svg;
	int dpi;          /* png */
	long width_px, height_px; /* png: a sheet's size */
	strbuf sheet;     /* the SVG document of the sheet being drawn */
};

/* Cairo's write callback over the caller's sink: the first error stops it and is kept. */
typedef struct raster_sink {
	cjm_export_write_fn *write;
	void *sink;
	int err;
} raster_sink;

static cairo_status_t raster_write(void *closure, const unsigned char *data, unsigned int len)
{
	raster_sink *s = closure;
	if (s->err == 0)
		s->err = s->write(s->sink, data, len);
	return s->err ? CAIRO_STATUS_WRITE_ERROR : CAIRO_STATUS_SUCCESS;
}

/* The errno value of a drawing that ended in STATUS: the sink's own error for a
 * failed write, ENOMEM, or EIO for anything else cairo refused. */
static int raster_error(cairo_status_t status, const raster_sink *sink)
{
	if (status == CAIRO_STATUS_SUCCESS)
		return 0;
	if (status == CAIRO_STATUS_WRITE_ERROR && sink->err)
		return sink->err;
	return status == CAIRO_STATUS_NO_MEMORY ? ENOMEM : EIO;
}

/* The pixels of LENGTH_MM at DPI. */
static long raster_pixels(double length_mm, int dpi)
{
	return lround(length_mm / 25.4 * dpi);
}

static void raster_close(cjm_export_job *job)
{
	if (!job)
		return;
	strbuf_release(&job->sheet);
	cjm_svg_free(job->svg);
	cjm_figures_free(job->figures);
	free(job);
}

static cjm_export_job *raster_open(const cjm_map *map, const cjm_export_options *options, bool png, char **why)
{
	*why = NULL;
	cjm_export_job *job = xcalloc(1, sizeof *job);
	job->map = map;
	job->dpi = options->dpi > 0 ? options->dpi : CJM_PNG_DPI_DEFAULT;
	job->figures = cjm_figures_new(map);
	job->svg = cjm_svg_new_compare(map, job->figures, options->paper, options->compare, options->here_name,
				       options->there_name);
	if (png) {
		double w = cjm_svg_paper_width(job->svg), h = cjm_svg_paper_height(job->svg);
		job->width_px = raster_pixels(w, job->dpi);
		job->height_px = raster_pixels(h, job->dpi);
		if (job->width_px > CJM_PNG_PIXELS_MAX || job->height_px > CJM_PNG_PIXELS_MAX) {
			double longest = w > h ? w : h;
			int most = (int)floor(CJM_PNG_PIXELS_MAX * 25.4 / longest);
			if (most > CJM_PNG_DPI_MAX)
				most = CJM_PNG_DPI_MAX;
			if (most >= 1)
				/* TRANSLATORS: the dpi asked, the sheet's width and height in pixels, the
				 * most pixels a side may have, the highest dpi that fits. */
				*why = xasprintf(_("at %d dpi a sheet is %ld x %ld pixels, more than the %d a side "
						   "may have; give --dpi %d or less, or --to pdf or svg"),
						 job->dpi, job->width_px, job->height_px, CJM_PNG_PIXELS_MAX, most);
			else
				*why = xasprintf(_("a sheet is %ld x %ld pixels at %d dpi, more than the %d a side "
						   "may have at any dpi; give --to pdf or svg, or another --paper"),
						 job->width_px, job->height_px, job->dpi, CJM_PNG_PIXELS_MAX);
			raster_close(job);
			return NULL;
		}
	}
	return job;
}

static cjm_export_job *raster_open_pdf(const cjm_map *map, const cjm_export_options *options, char **why)
{
	return raster_open(map, options, false, why);
}

static cjm_export_job *raster_open_png(const cjm_map *map, const cjm_export_options *options, char **why)
{
	return raster_open(map, options, true, why);
}

static size_t raster_pdf_file_count(const cjm_export_job *job)
{
	(void)job;
	return 1;
}

static size_t raster_png_file_count(const cjm_export_job *job)
{
	return cjm_svg_page_count(job->svg);
}

/* Draws sheet PAGE onto CR, scaled to WIDTH x HEIGHT (points or pixels). */
static int raster_draw_sheet(cjm_export_job *job, size_t page, cairo_t *cr, double width, double height)
{
	strbuf_reset(&job->sheet);
	cjm_svg_write_sheet(job->svg, page, &job->sheet);
	GError *error = NULL;
	RsvgHandle *handle = rsvg_handle_new_from_data((const guint8 *)job->sheet.data, job->sheet.len, &error);
	if (!handle) {
		g_clear_error(&error);
		return EIO;
	}
	RsvgRectangle viewport = { 0, 0, width, height };
	gboolean drawn = rsvg_handle_render_document(handle, cr, &viewport, &error);
	g_clear_error(&error);
	g_object_unref(handle);
	return drawn ? 0 : EIO;
}

/* The whole map as one PDF, a page per sheet. */
static int raster_write_pdf(cjm_export_job *job, size_t index, cjm_export_write_fn *write, void *sink)
{
	(void)index;
	raster_sink s = { write, sink, 0 };
	double width = cjm_svg_paper_width(job->svg) * POINTS_PER_MM;
	double height = cjm_svg_paper_height(job->svg) * POINTS_PER_MM;
	cairo_surface_t *surface = cairo_pdf_surface_create_for_stream(raster_write, &s, width, height);
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, job->map->title ? job->map->title : "");
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "cjm " CJM_VERSION);
	cairo_t *cr = cairo_create(surface);
	int err = 0;
	size_t pages = cjm_svg_page_count(job->svg);
	for (size_t page = 0; page < pages && err == 0; page++) {
		err = raster_draw_sheet(job, page, cr, width, height);
		cairo_show_page(cr);
		if (err == 0)
			err = raster_error(cairo_status(cr), &s);
	}
	cairo_destroy(cr);
	cairo_surface_finish(surface);
	if (err == 0)
		err = raster_error(cairo_surface_status(surface), &s);
	cairo_surface_destroy(surface);
	return err;
}

/* Sheet INDEX as a PNG, on white (a slide shows no transparency). */
static int raster_write_png(cjm_export_job *job, size_t index, cjm_export_write_fn *write, void *sink)
{
	raster_sink s = { write, sink, 0 };
	cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)job->width_px,
							      (int)job->height_px);
	int err = raster_error(cairo_surface_status(surface), &s);
	if (err == 0) {
		cairo_t *cr = cairo_create(surface);
		cairo_set_source_rgb(cr, 1, 1, 1);
		cairo_paint(cr);
		err = raster_draw_sheet(job, index, cr, (double)job->width_px, (double)job->height_px);
		if (err == 0)
			err = raster_error(cairo_status(cr), &s);
		cairo_destroy(cr);
		cairo_surface_flush(surface);
	}
	if (err == 0)
		err = raster_error(cairo_surface_write_to_png_stream(surface, raster_write, &s), &s);
	cairo_surface_destroy(surface);
	return err;
}

const cjm_stream_export cjm_export_pdf = { raster_open_pdf, raster_pdf_file_count, raster_write_pdf, raster_close };
const cjm_stream_export cjm_export_png = { raster_open_png, raster_png_file_count, raster_write_png, raster_close };
