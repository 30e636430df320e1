/* Unit tests for the PDF and PNG exports: page and file counts per sheet, sizes per paper and dpi, errors of the sink, limits. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "analysis/figures.h"
#include "export/export.h"
#include "export/svg.h"
#include "model/map.h"
#include "util/strbuf.h"

#include "fixture.h"

/* A map of PHASES phases of three touchpoints each. */
static cjm_map *small_map(size_t phases)
{
	cjm_map *map = cjm_map_new("Klantreis \xE2\x80\x94 overstappen");
	for (size_t p = 0; p < phases; p++) {
		char id[32], name[32];
		snprintf(id, sizeof id, "p%zu", p);
		snprintf(name, sizeof name, "Fase %zu", p + 1);
		cjm_phase *phase = add_phase(map, id, name);
		for (int t = 0; t < 3; t++) {
			snprintf(id, sizeof id, "p%zu-t%d", p, t);
			snprintf(name, sizeof name, "Contactmoment %zu.%d", p + 1, t + 1);
			add_tp(phase, id, name, t - 1);
		}
	}
	return map;
}

/* The sheets of the SVG layout of MAP on PAPER. */
static size_t svg_sheets(const cjm_map *map, cjm_paper paper)
{
	cjm_figures *figures = cjm_figures_new(map);
	cjm_svg *svg = cjm_svg_new(map, figures, paper);
	size_t pages = cjm_svg_page_count(svg);
	cjm_svg_free(svg);
	cjm_figures_free(figures);
	return pages;
}

/* A sink into a strbuf; after FAIL_AFTER calls (0: never) it fails with ENOSPC and
 * counts the calls made after that. */
typedef struct test_sink {
	strbuf out;
	size_t calls, fail_after, calls_after_failure;
} test_sink;

static int sink_write(void *sink, const unsigned char *data, size_t len)
{
	test_sink *s = sink;
	s->calls++;
	if (s->fail_after && s->calls > s->fail_after) {
		if (s->calls > s->fail_after + 1)
			s->calls_after_failure++;
		return ENOSPC;
	}
	strbuf_add(&s->out, (const char *)data, len);
	return 0;
}

/* The pages of a PDF: its "/Type /Page" dictionaries (not "/Type /Pages"). */
static size_t pdf_pages(const strbuf *pdf)
{
	size_t pages = 0;
	const char *needle = "/Type /Page";
	size_t n = strlen(needle);
	for (size_t i = 0; i + n < pdf->len; i++)
		if (memcmp(pdf->data + i, needle, n) == 0 && pdf->data[i + n] != 's')
			pages++;
	return pages;
}

/* A big-endian 32-bit number at P. */
static unsigned long be32(const char *p)
{
	const unsigned char *u = (const unsigned char *)p;
	return (unsigned long)u[0] << 24 | (unsigned long)u[1] << 16 | (unsigned long)u[2] << 8 | u[3];
}

static void test_pdf_has_a_page_per_sheet(void **state)
{
	(void)state;
	const cjm_paper papers[] = { CJM_PAPER_A4, CJM_PAPER_A3, CJM_PAPER_A2 };
	for (size_t phases = 1; phases <= 8; phases += 7) {
		cjm_map *map = small_map(phases);
		for (size_t i = 0; i < sizeof papers / sizeof *papers; i++) {
			cjm_export_options options = { .paper = papers[i] };
			char *why = NULL;
			cjm_export_job *job = cjm_export_pdf.open(map, &options, &why);
			assert_non_null(job);
			assert_null(why);
			assert_int_equal(cjm_export_pdf.file_count(job), 1);
			test_sink sink = { 0 };
			assert_int_equal(cjm_export_pdf.write_file(job, 0, sink_write, &sink), 0);
			cjm_export_pdf.close(job);
			assert_true(sink.out.len > 1000);
			assert_memory_equal(sink.out.data, "%PDF-", 5);
			assert_non_null(strstr(sink.out.data + sink.out.len - 8, "%%EOF"));
			size_t sheets = svg_sheets(map, papers[i]);
			assert_int_equal(pdf_pages(&sink.out), sheets);
			if (phases == 8 && papers[i] == CJM_PAPER_A4)
				assert_true(sheets > 1); /* the count is tested on more than one page */
			strbuf_release(&sink.out);
		}
		cjm_map_free(map);
	}
}

static void test_png_has_the_size_for_the_dpi(void **state)
{
	(void)state;
	cjm_map *map = small_map(8);
	const struct {
		cjm_paper paper;
		int dpi;
		unsigned long width, height;
	} cases[] = {
		{ CJM_PAPER_A4, 96, 1123, 794 },   /* 297 x 210 mm */
		{ CJM_PAPER_A3, 0, 2480, 1754 },   /* the default, 150 dpi */
		{ CJM_PAPER_A2, 30, 702, 496 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		cjm_export_options options = { .paper = cases[i].paper, .dpi = cases[i].dpi };
		char *why = NULL;
		cjm_export_job *job = cjm_export_png.open(map, &options, &why);
		assert_non_null(job);
		size_t files = cjm_export_png.file_count(job);
		assert_int_equal(files, svg_sheets(map, cases[i].paper));
		test_sink sink = { 0 };
		assert_int_equal(cjm_export_png.write_file(job, files - 1, sink_write, &sink), 0);
		cjm_export_png.close(job);
		assert_true(sink.out.len > 33);
		assert_memory_equal(sink.out.data, "\x89PNG\r\n\x1a\n", 8);
		assert_memory_equal(sink.out.data + 12, "IHDR", 4);
		assert_int_equal(be32(sink.out.data + 16), cases[i].width);
		assert_int_equal(be32(sink.out.data + 20), cases[i].height);
		assert_int_equal(sink.out.data[24], 8); /* 8 bits per channel */
		assert_int_equal(sink.out.data[25], 2); /* RGB: on white, no transparency */
		strbuf_release(&sink.out);
	}
	cjm_map_free(map);
}

static void test_a_failing_sink_stops_the_export(void **state)
{
	(void)state;
	cjm_map *map = small_map(8);
	cjm_export_options options = { .paper = CJM_PAPER_A4, .dpi = 20 };
	const cjm_stream_export *formats[] = { &cjm_export_pdf, &cjm_export_png };
	for (size_t f = 0; f < 2; f++) {
		char *why = NULL;
		cjm_export_job *job = formats[f]->open(map, &options, &why);
		assert_non_null(job);
		test_sink sink = { .fail_after = 1 };
		assert_int_equal(formats[f]->write_file(job, 0, sink_write, &sink), ENOSPC);
		assert_int_equal(sink.calls_after_failure, 0); /* nothing more is written after the error */
		/* and the job still writes when the sink takes it */
		test_sink good = { 0 };
		assert_int_equal(formats[f]->write_file(job, 0, sink_write, &good), 0);
		assert_true(good.out.len > 8);
		formats[f]->close(job);
		strbuf_release(&sink.out);
		strbuf_release(&good.out);
	}
	cjm_map_free(map);
}

static void test_png_over_the_pixel_limit_is_refused(void **state)
{
	(void)state;
	cjm_map *map = small_map(1);
	/* 594 mm at 2000 dpi is 46,772 pixels: past 32,767 (the CLI takes at most 600) */
	cjm_export_options options = { .paper = CJM_PAPER_A2, .dpi = 2000 };
	char *why = NULL;
	assert_null(cjm_export_png.open(map, &options, &why));
	assert_non_null(why);
	assert_non_null(strstr(why, "46772 x 33071 pixels"));
	assert_non_null(strstr(why, "give --dpi 600 or less"));
	free(why);
	cjm_map_free(map);
}

static void test_the_table_names_the_streamed_formats(void **state)
{
	(void)state;
	const cjm_format *pdf = cjm_format_find("pdf"), *png = cjm_format_find("png");
	assert_non_null(pdf);
	assert_non_null(png);
	assert_ptr_equal(pdf->stream, &cjm_export_pdf);
	assert_ptr_equal(png->stream, &cjm_export_png);
	assert_null(pdf->export_map);
	assert_string_equal(png->extension, "png");
	assert_null(cjm_format_find("svg")->stream);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pdf_has_a_page_per_sheet),
		cmocka_unit_test(test_png_has_the_size_for_the_dpi),
		cmocka_unit_test(test_a_failing_sink_stops_the_export),
		cmocka_unit_test(test_png_over_the_pixel_limit_is_refused),
		cmocka_unit_test(test_the_table_names_the_streamed_formats),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
