/* Benchmark: cjm's load and save of generated maps against libyaml's bare parse and emit, with peak memory. */
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <yaml.h>

#include "model/map.h"
#include "io/load.h"
#include "io/save.h"
#include "util/diag.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#define MAX_SIZES 8
#define SEED 0x636a6d2d62656e63ull /* "cjm-benc" */
#define LOAD_GOAL 1.5
#define SAVE_GOAL 1.5
#define LINEAR_LIMIT 2.0 /* per-touchpoint time, largest over smallest map */

/* ---- deterministic data ---- */

static uint64_t rng_state;

/* splitmix64: small, fast and the same on every platform. */
static uint64_t rng_next(void)
{
	uint64_t z = (rng_state += 0x9e3779b97f4a7c15ull);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

static unsigned rng_below(unsigned n)
{
	return (unsigned)(rng_next() % n);
}

static bool rng_chance(unsigned percent)
{
	return rng_below(100) < percent;
}

#define PICK(array) (array[rng_below((unsigned)(sizeof array / sizeof array[0]))])

static const char *const phase_names[] = {
	"Oriëntatie", "Vergelijken", "Aanvraag", "Overstap", "Welkom", "Eerste factuur",
	"Gebruik", "Service & contact", "Verhuizing", "Opzegging", "Évaluatie", "Coöperatie",
};

static const char *const phase_descriptions[] = {
	"De klant merkt dat het anders kan en gaat op zoek.",
	"Prijzen, voorwaarden en reviews naast elkaar leggen.",
	"Van keuze naar handtekening: gegevens invullen en bevestigen.",
	"Alles wat er gebeurt tussen contract en eerste levering.",
	"De eerste weken als klant; hier wordt het vertrouwen gewonnen.",
};

static const char *const tp_actions[] = {
	"Prijzen vergelijken", "Offerte aanvragen", "Meterstand doorgeven", "Welkomstpakket ontvangen",
	"Eerste factuur lezen", "Klantenservice bellen", "App installeren", "Enquête invullen",
	"Contract tekenen", "Financiële check", "Ideeën delen", "Storing melden",
	"Zonnepanelen overwegen", "Reviews lezen", "Termijnbedrag aanpassen", "Bevestiging ontvangen",
	"Monteur ontvangen", "Privacyverklaring lezen", "Geïnteresseerd raken", "Opzegging bevestigen",
};

static const char *const tp_qualifiers[] = {
	"", "", "", " online", " via de app", " in de winkel", " bij de buren", " na één week",
	" per brief", " op het café",
};

static const char *const channels[] = {
	"web", "app", "email", "phone", "store", "mail", "visit", "chat", "social",
};

static const char *const owners[] = {
	"sales", "service", "logistics", "finance", "it", "marketing", "klantcontact",
};

static const char *const pains[] = {
	"Wachttijd aan de telefoon is te lang",
	"Factuur is onbegrijpelijk",
	"Moet mijn gegevens opnieuw invullen",
	"Geen bevestiging ontvangen",
	"Prijs wijkt af van de offerte",
	"Website werkt niet op mijn telefoon",
	"Niemand voelt zich verantwoordelijk",
	"Termijnbedrag onduidelijk: waarom zo hoog?",
	"Brief komt pas na één week",
	"Privacyverklaring van 12 pagina's",
};

static const char *const ideas[] = {
	"Stuur een sms met de status",
	"Vul gegevens vooraf in",
	"Bel proactief na de eerste factuur",
	"Toon een voorbeeldfactuur",
	"Laat de monteur een tijdvak kiezen",
	"Persoonlijk welkomstfilmpje",
	"Eén vast aanspreekpunt",
	"Chat met een échte medewerker",
	"Vergelijk het verbruik met vorig jaar",
	"Beloon loyale klanten — zonder kleine lettertjes",
};

static const char *const quotes[] = {
	"“Ik snap er niets van.”",
	"Waarom moet ik dit twee keer invullen?",
	"Eindelijk iemand die meedenkt!",
	"'Het ging sneller dan ik dacht'",
	"Ik voelde me echt geholpen",
	"# geen idee wat dit betekent",
	"Dat was een leuke verrassing 🙂",
	"Moet ik nu zelf de meterstand doorgeven?",
	"Ze wisten meteen wie ik was",
	"Te veel e-mails: ik lees ze niet meer",
};

static const char *const notes[] = {
	"Uit klantinterviews (n=12).",
	"Zie NPS-meting Q3.\nVooral jonge gezinnen noemen dit.\n",
	"Controleren met de afdeling finance",
	"Moment waarop maar 6% het welkomstpakket opmerkt.",
	"Overlap met het café-proces van de winkel; bespreken in de workshop van 14 mei.",
};

static cjm_tristate maybe_bool(unsigned percent_set, unsigned percent_true)
{
	if (!rng_chance(percent_set))
		return CJM_UNSET;
	return rng_chance(percent_true) ? CJM_TRUE : CJM_FALSE;
}

static void push_some(cjm_strlist *list, const char *const *pool, unsigned pool_len)
{
	unsigned n = rng_below(4); /* 0..3 */
	for (unsigned i = 0; i < n; i++)
		cjm_strlist_push(list, pool[rng_below(pool_len)]);
}

static cjm_touchpoint *generate_touchpoint(size_t number)
{
	char *name = xasprintf("%s%s", PICK(tp_actions), PICK(tp_qualifiers));
	char *slug = cjm_id_from_name(name);
	char *id = xasprintf("%s-%zu", slug, number);
	cjm_touchpoint *tp = cjm_touchpoint_new(id, name);
	free(name);
	free(slug);
	free(id);

	if (rng_chance(85))
		tp->channel = xstrdup(PICK(channels));
	if (rng_chance(75))
		tp->owner = xstrdup(PICK(owners));
	if (rng_chance(80)) {
		tp->has_emotion = true;
		tp->emotion = (int)rng_below(7) - 3;
	}
	if (rng_chance(55)) {
		tp->has_satisfaction = true;
		tp->satisfaction = rng_below(101) / 10.0;
	}
	if (rng_chance(50)) {
		tp->has_impact = true;
		tp->impact = rng_below(101) / 100.0;
	}
	tp->moment_of_truth = maybe_bool(30, 40);
	tp->brand_moment = maybe_bool(25, 30);
	tp->commitment = maybe_bool(20, 40);
	tp->visible = maybe_bool(15, 30);
	if (rng_chance(45)) {
		unsigned n = 1 + rng_below(3);
		for (unsigned i = 0; i < n; i++)
			tp->pillars |= 1u << rng_below(CJM_PILLAR_COUNT);
	}
	push_some(&tp->pains, pains, sizeof pains / sizeof pains[0]);
	push_some(&tp->ideas, ideas, sizeof ideas / sizeof ideas[0]);
	push_some(&tp->quotes, quotes, sizeof quotes / sizeof quotes[0]);
	if (rng_chance(25))
		tp->notes = xstrdup(PICK(notes));
	return tp;
}

/* A realistic map of TOUCHPOINTS touchpoints, about ten per phase, the same for the same seed. */
static cjm_map *generate_map(size_t touchpoints, uint64_t seed)
{
	rng_state = seed;
	cjm_map *map = cjm_map_new("Overstappen van energieleverancier");
	map->has_persona = true;
	map->persona_name = xstrdup("Sanne de Vries");
	map->persona_description = xstrdup("Koopt haar eerste huis en vergelijkt prijzen online; wil één aanspreekpunt.");
	map->has_brand_values = true;
	cjm_strlist_push(&map->brand_values, "easy");
	cjm_strlist_push(&map->brand_values, "personal");
	cjm_strlist_push(&map->brand_values, "eerlijk");
	map->has_threshold_satisfaction = true;
	map->threshold_satisfaction = 7;
	map->has_threshold_impact = true;
	map->threshold_impact = 0.3;
	map->pattern_count = 2;
	map->patterns = xcalloc(map->pattern_count, sizeof *map->patterns);
	map->patterns[0] = (cjm_pattern_setting){ xstrdup("soften-negatives"), CJM_TRUE, true, -2, { 0, 0 } };
	map->patterns[1] = (cjm_pattern_setting){ xstrdup("redesign"), CJM_FALSE, false, 0, { 0, 0 } };

	size_t made = 0;
	for (size_t k = 1; made < touchpoints; k++) {
		const char *name = PICK(phase_names);
		char *slug = cjm_id_from_name(name);
		char *id = xasprintf("%s-%zu", slug, k);
		cjm_phase *phase = cjm_phase_new(id, name);
		free(slug);
		free(id);
		if (rng_chance(50))
			phase->description = xstrdup(PICK(phase_descriptions));
		size_t count = 8 + rng_below(5); /* 8..12: ten on average */
		if (count > touchpoints - made)
			count = touchpoints - made;
		for (size_t i = 0; i < count; i++)
			cjm_phase_insert_touchpoint(phase, phase->touchpoint_count, generate_touchpoint(++made));
		cjm_map_insert_phase(map, map->phase_count, phase);
	}

	if (map->phase_count > 0 && map->phases[0]->touchpoint_count > 0) {
		map->dismissed_count = 1;
		map->dismissed = xcalloc(1, sizeof *map->dismissed);
		map->dismissed[0].pattern = xstrdup("skip-steps");
		map->dismissed[0].target = xstrdup(map->phases[0]->touchpoints[0]->id);
	}
	return map;
}

/* ---- helpers ---- */

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static double min_of(double a, double b)
{
	return a < 0 || b < a ? b : a;
}

static char *read_whole_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	strbuf buf = { 0 };
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		strbuf_add(&buf, chunk, n);
	bool failed = ferror(f);
	fclose(f);
	if (failed) {
		strbuf_release(&buf);
		return NULL;
	}
	*len = buf.len;
	return buf.data ? buf.data : xstrdup("");
}

static void print_diags(const char *what, const diag_list *diags)
{
	fprintf(stderr, "bench: %s failed:\n", what);
	diag_print(diags, stderr);
}

/* ---- (a) and (c): cjm ---- */

static double time_cjm_load(const char *path)
{
	diag_list *diags = diag_list_new(path);
	int err = 0;
	double t0 = now_ms();
	cjm_map *map = cjm_load_file(path, diags, NULL, &err);
	double t1 = now_ms();
	if (!map) {
		if (err)
			fprintf(stderr, "bench: %s: %s\n", path, strerror(err));
		print_diags("cjm_load_file", diags);
	}
	cjm_map_free(map);
	diag_list_free(diags);
	return map ? t1 - t0 : -1;
}

static double time_cjm_save(const cjm_map *map, size_t *out_len)
{
	strbuf out = { 0 };
	double t0 = now_ms();
	cjm_save_to_buffer(map, &out);
	double t1 = now_ms();
	*out_len = out.len;
	strbuf_release(&out);
	return t1 - t0;
}

/* ---- (b) and (d): libyaml alone ---- */

static double time_yaml_parse(const char *text, size_t len)
{
	yaml_parser_t parser;
	yaml_event_t event;
	bool ok = true;
	double t0 = now_ms();
	yaml_parser_initialize(&parser);
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
	for (;;) {
		if (!yaml_parser_parse(&parser, &event)) {
			ok = false;
			break;
		}
		yaml_event_type_t type = event.type;
		yaml_event_delete(&event);
		if (type == YAML_STREAM_END_EVENT)
			break;
	}
	yaml_parser_delete(&parser);
	double t1 = now_ms();
	if (!ok)
		fprintf(stderr, "bench: libyaml cannot parse the file: %s\n", parser.problem ? parser.problem : "?");
	return ok ? t1 - t0 : -1;
}

typedef struct event_array {
	yaml_event_t *items;
	size_t len;
	size_t cap;
} event_array;

static void event_array_free(event_array *events, size_t from)
{
	for (size_t i = from; i < events->len; i++)
		yaml_event_delete(&events->items[i]);
	free(events->items);
	*events = (event_array){ 0 };
}

static bool parse_events(const char *text, size_t len, event_array *events)
{
	yaml_parser_t parser;
	yaml_parser_initialize(&parser);
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
	bool ok = true;
	for (;;) {
		xgrow((void **)&events->items, &events->cap, events->len + 1, sizeof *events->items);
		yaml_event_t *event = &events->items[events->len];
		if (!yaml_parser_parse(&parser, event)) {
			ok = false;
			break;
		}
		events->len++;
		if (event->type == YAML_STREAM_END_EVENT)
			break;
	}
	yaml_parser_delete(&parser);
	return ok;
}

/* A deep copy of SRC (libyaml has no copy function: its initialisers copy the strings). */
static bool copy_event(yaml_event_t *dst, const yaml_event_t *src)
{
	switch (src->type) {
	case YAML_STREAM_START_EVENT:
		return yaml_stream_start_event_initialize(dst, src->data.stream_start.encoding);
	case YAML_STREAM_END_EVENT:
		return yaml_stream_end_event_initialize(dst);
	case YAML_DOCUMENT_START_EVENT:
		return yaml_document_start_event_initialize(dst, src->data.document_start.version_directive,
			src->data.document_start.tag_directives.start,
			src->data.document_start.tag_directives.end, src->data.document_start.implicit);
	case YAML_DOCUMENT_END_EVENT:
		return yaml_document_end_event_initialize(dst, src->data.document_end.implicit);
	case YAML_ALIAS_EVENT:
		return yaml_alias_event_initialize(dst, src->data.alias.anchor);
	case YAML_SCALAR_EVENT:
		return yaml_scalar_event_initialize(dst, src->data.scalar.anchor, src->data.scalar.tag,
			src->data.scalar.value, (int)src->data.scalar.length, src->data.scalar.plain_implicit,
			src->data.scalar.quoted_implicit, src->data.scalar.style);
	case YAML_SEQUENCE_START_EVENT:
		return yaml_sequence_start_event_initialize(dst, src->data.sequence_start.anchor,
			src->data.sequence_start.tag, src->data.sequence_start.implicit,
			src->data.sequence_start.style);
	case YAML_SEQUENCE_END_EVENT:
		return yaml_sequence_end_event_initialize(dst);
	case YAML_MAPPING_START_EVENT:
		return yaml_mapping_start_event_initialize(dst, src->data.mapping_start.anchor,
			src->data.mapping_start.tag, src->data.mapping_start.implicit,
			src->data.mapping_start.style);
	case YAML_MAPPING_END_EVENT:
		return yaml_mapping_end_event_initialize(dst);
	case YAML_NO_EVENT:
		break;
	}
	return false;
}

static bool copy_events(const event_array *src, event_array *dst)
{
	*dst = (event_array){ xcalloc(src->len ? src->len : 1, sizeof *dst->items), 0, src->len };
	for (size_t i = 0; i < src->len; i++) {
		if (!copy_event(&dst->items[i], &src->items[i]))
			return false;
		dst->len++;
	}
	return true;
}

static int write_to_strbuf(void *data, unsigned char *bytes, size_t size)
{
	strbuf_add(data, (const char *)bytes, size);
	return 1;
}

/* Emits (and so consumes) every event of COPIES into memory; COPIES is freed. */
static double time_yaml_emit(event_array *copies, size_t *out_len)
{
	yaml_emitter_t emitter;
	strbuf out = { 0 };
	size_t next = 0;
	bool ok = true;
	double t0 = now_ms();
	yaml_emitter_initialize(&emitter);
	yaml_emitter_set_output(&emitter, write_to_strbuf, &out);
	yaml_emitter_set_unicode(&emitter, 1);
	yaml_emitter_set_width(&emitter, -1);
	while (next < copies->len) {
		if (!yaml_emitter_emit(&emitter, &copies->items[next++])) {
			ok = false;
			break;
		}
	}
	yaml_emitter_delete(&emitter);
	double t1 = now_ms();
	if (!ok)
		fprintf(stderr, "bench: libyaml cannot emit the events: %s\n",
			emitter.problem ? emitter.problem : "?");
	event_array_free(copies, next); /* the emitter deleted what it was given */
	*out_len = out.len;
	strbuf_release(&out);
	return ok ? t1 - t0 : -1;
}

/* ---- (e): peak memory, in a fresh process ---- */

/* Peak resident set of this process in KiB. Linux's getrusage() carries the parent's
 * peak over fork and exec, so VmHWM (the peak of this address space) comes first. */
static long peak_rss_kib(void)
{
	long kib = -1;
	FILE *f = fopen("/proc/self/status", "r");
	if (f) {
		char line[256];
		while (fgets(line, sizeof line, f))
			if (sscanf(line, "VmHWM: %ld kB", &kib) == 1)
				break;
		fclose(f);
	}
	if (kib < 0) {
		struct rusage ru;
		if (getrusage(RUSAGE_SELF, &ru) == 0)
			kib = ru.ru_maxrss;
	}
	return kib;
}

/* The child side: load PATH (or nothing, for the baseline) and print the peak. */
static int peak_child(const char *path)
{
	cjm_map *map = NULL;
	if (path) {
		diag_list *diags = diag_list_new(path);
		int err = 0;
		map = cjm_load_file(path, diags, NULL, &err);
		diag_list_free(diags);
		if (!map)
			return 1;
	}
	printf("%ld\n", peak_rss_kib());
	fflush(stdout);
	cjm_map_free(map);
	return 0;
}

/* Runs this program again as `--peak-child [FILE]` and returns the peak it reports, in KiB. */
static long measure_peak(const char *self, const char *path)
{
	int fds[2];
	if (pipe(fds) != 0)
		return -1;
	pid_t pid = fork();
	if (pid < 0) {
		close(fds[0]);
		close(fds[1]);
		return -1;
	}
	if (pid == 0) {
		dup2(fds[1], STDOUT_FILENO);
		close(fds[0]);
		close(fds[1]);
		char *argv[] = { (char *)self, (char *)"--peak-child", (char *)path, NULL };
		execv("/proc/self/exe", argv);
		execv(self, argv);
		_exit(127);
	}
	close(fds[1]);
	char text[64] = { 0 };
	size_t got = 0;
	ssize_t n;
	while (got < sizeof text - 1 && (n = read(fds[0], text + got, sizeof text - 1 - got)) > 0)
		got += (size_t)n;
	close(fds[0]);
	int status = 0;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		return -1;
	return strtol(text, NULL, 10);
}

/* ---- the run ---- */

typedef struct result {
	size_t touchpoints;
	size_t file_size;
	double load_ms, parse_ms, save_ms, emit_ms;
	double peak_mib, goal_mib;
	size_t emit_len; /* what libyaml's emit wrote, to compare with the file size */
	bool canonical; /* saving the loaded map gave the file's bytes */
	bool round_trip; /* the loaded map equals the generated one */
} result;

static bool run_size(const char *self, const char *dir, size_t touchpoints, int reps, double baseline_kib,
		     result *r)
{
	*r = (result){ .touchpoints = touchpoints, .load_ms = -1, .parse_ms = -1, .save_ms = -1, .emit_ms = -1,
		       .peak_mib = -1 };
	char *path = xasprintf("%s/map-%zu.yaml", dir, touchpoints);
	bool ok = false;
	char *text = NULL;
	cjm_map *loaded = NULL;
	event_array events = { 0 };

	cjm_map *made = generate_map(touchpoints, SEED + touchpoints);
	const char *stage = "";
	int err = cjm_save_file(made, path, &stage);
	if (err) {
		fprintf(stderr, "bench: cannot save %s (%s): %s\n", path, stage, strerror(err));
		cjm_map_free(made);
		goto out;
	}
	text = read_whole_file(path, &r->file_size);
	if (!text) {
		fprintf(stderr, "bench: cannot read %s\n", path);
		cjm_map_free(made);
		goto out;
	}
	diag_list *diags = diag_list_new(path);
	int load_err = 0;
	loaded = cjm_load_file(path, diags, NULL, &load_err);
	if (!loaded)
		print_diags("loading the generated map", diags);
	diag_list_free(diags);
	r->round_trip = loaded && cjm_map_equal(made, loaded);
	cjm_map_free(made);
	if (!loaded)
		goto out;
	strbuf again = { 0 };
	cjm_save_to_buffer(loaded, &again);
	r->canonical = again.len == r->file_size && memcmp(again.data, text, again.len) == 0;
	strbuf_release(&again);
	if (!parse_events(text, r->file_size, &events)) {
		fprintf(stderr, "bench: libyaml cannot parse %s\n", path);
		goto out;
	}

	/* Interleaved, so drift in machine speed touches all four alike; the best of REPS. */
	for (int rep = 0; rep < reps; rep++) {
		r->load_ms = min_of(r->load_ms, time_cjm_load(path));
		r->parse_ms = min_of(r->parse_ms, time_yaml_parse(text, r->file_size));
		size_t len;
		r->save_ms = min_of(r->save_ms, time_cjm_save(loaded, &len));
		event_array copies;
		if (!copy_events(&events, &copies)) {
			fprintf(stderr, "bench: cannot copy the events\n");
			event_array_free(&copies, 0);
			goto out;
		}
		r->emit_ms = min_of(r->emit_ms, time_yaml_emit(&copies, &len));
		r->emit_len = len;
		if (r->load_ms < 0 || r->parse_ms < 0 || r->emit_ms < 0)
			goto out;
	}

	long kib = measure_peak(self, path);
	if (kib >= 0 && baseline_kib >= 0)
		r->peak_mib = ((double)kib - baseline_kib) / 1024.0;
	ok = true;
out:
	r->goal_mib = 3.0 * (double)r->file_size / (1024.0 * 1024.0) + 8.0;
	event_array_free(&events, 0);
	cjm_map_free(loaded);
	free(text);
	remove(path);
	free(path);
	return ok;
}

static void print_size(size_t bytes)
{
	if (bytes >= 1024 * 1024)
		printf("%.1f MiB", (double)bytes / (1024.0 * 1024.0));
	else
		printf("%.0f KiB", (double)bytes / 1024.0);
}

static void print_ms(double ms)
{
	if (ms < 0)
		printf("–");
	else
		printf("%.*f", ms < 10 ? 2 : 1, ms);
}

static void print_ratio(double a, double b)
{
	if (a < 0 || b <= 0)
		printf("–");
	else
		printf("%.2f×", a / b);
}

/* Prints "holds" or the sizes where A/B exceeds LIMIT (or, for memory, peak exceeds goal). */
static void print_goal(const char *what, const result *rs, size_t n, int kind, double limit)
{
	printf("- %s: ", what);
	bool all = true, any = false;
	for (size_t i = 0; i < n; i++) {
		double value = kind == 0 ? rs[i].load_ms / rs[i].parse_ms
			     : kind == 1 ? rs[i].save_ms / rs[i].emit_ms
					 : rs[i].peak_mib / rs[i].goal_mib;
		bool measured = kind == 0 ? rs[i].load_ms >= 0 && rs[i].parse_ms > 0
			      : kind == 1 ? rs[i].save_ms >= 0 && rs[i].emit_ms > 0
					  : rs[i].peak_mib >= 0;
		if (!measured) {
			all = false;
			continue;
		}
		any = true;
		if (value > limit) {
			printf("%s %zu (", all ? "**missed** at" : ",", rs[i].touchpoints);
			if (kind == 2)
				printf("%.1f MiB > %.1f MiB)", rs[i].peak_mib, rs[i].goal_mib);
			else
				printf("%.2f×)", value);
			all = false;
		}
	}
	if (!any)
		printf("not measured");
	else if (all)
		printf("holds at every size");
	else if (kind == 2)
		printf(" (peak / file size: %.2f at the largest)", rs[n - 1].peak_mib * 1024.0 * 1024.0 / (double)rs[n - 1].file_size);
	printf("\n");
}

static void print_linearity(const char *what, const result *lo, const result *hi, double cjm_lo, double cjm_hi,
			    double yaml_lo, double yaml_hi)
{
	if (cjm_lo <= 0 || cjm_hi <= 0 || lo->touchpoints == hi->touchpoints) {
		printf("- %s linearity: not measured\n", what);
		return;
	}
	double per_lo = cjm_lo / (double)lo->touchpoints, per_hi = cjm_hi / (double)hi->touchpoints;
	double ratio = per_hi / per_lo;
	printf("- %s time per touchpoint, %zu vs %zu: %.2f× (%s; libyaml's own: %.2f×)\n", what, hi->touchpoints,
	       lo->touchpoints, ratio, ratio <= LINEAR_LIMIT ? "roughly linear" : "**not linear**",
	       yaml_lo > 0 && yaml_hi > 0 ? (yaml_hi / (double)hi->touchpoints) / (yaml_lo / (double)lo->touchpoints)
					  : 0.0);
}

static void usage(FILE *out)
{
	fprintf(out, "usage: bench [--quick] [--sizes N,N,...] | bench --sample N\n"
		     "Times cjm's load and save against libyaml's bare parse and emit on generated maps;\n"
		     "--sample prints the generated map of N touchpoints instead.\n");
}

int main(int argc, char **argv)
{
	if (argc >= 2 && strcmp(argv[1], "--peak-child") == 0)
		return peak_child(argc >= 3 ? argv[2] : NULL);

	if (argc == 3 && strcmp(argv[1], "--sample") == 0) {
		cjm_map *map = generate_map((size_t)strtoull(argv[2], NULL, 10), SEED);
		strbuf out = { 0 };
		cjm_save_to_buffer(map, &out);
		fwrite(out.data ? out.data : "", 1, out.len, stdout);
		strbuf_release(&out);
		cjm_map_free(map);
		return 0;
	}

	bool quick = false;
	size_t sizes[MAX_SIZES] = { 1000, 10000, 100000 };
	size_t size_count = 3;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--quick") == 0) {
			quick = true;
		} else if (strcmp(argv[i], "--sizes") == 0 && i + 1 < argc) {
			size_count = 0;
			for (char *s = argv[++i], *end; *s && size_count < MAX_SIZES; s = *end ? end + 1 : end) {
				unsigned long long v = strtoull(s, &end, 10);
				if (end == s || v == 0 || (*end && *end != ',')) {
					usage(stderr);
					return 64;
				}
				sizes[size_count++] = (size_t)v;
			}
		} else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			usage(stdout);
			return 0;
		} else {
			usage(stderr);
			return 64;
		}
	}

	const char *tmp = getenv("TMPDIR");
	char *dir = xasprintf("%s/cjm-bench.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir)) {
		fprintf(stderr, "bench: cannot create a temporary folder: %s\n", strerror(errno));
		free(dir);
		return 1;
	}

	long baseline_kib = measure_peak(argv[0], NULL);
	result results[MAX_SIZES] = { 0 };
	double started = now_ms();
	bool all_ok = true;
	for (size_t i = 0; i < size_count; i++) {
		size_t n = sizes[i];
		int reps = n <= 2000 ? 15 : n <= 20000 ? 7 : 3;
		if (quick)
			reps = n <= 2000 ? 5 : n <= 20000 ? 2 : 1;
		fprintf(stderr, "bench: %zu touchpoints, best of %d...\n", n, reps);
		if (!run_size(argv[0], dir, n, reps, (double)baseline_kib, &results[i]))
			all_ok = false;
	}
	rmdir(dir);
	free(dir);

	printf("| touchpoints | file size | load ms | libyaml parse ms | ratio | save ms | libyaml emit ms | ratio "
	       "| peak MiB | goal MiB |\n");
	printf("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
	for (size_t i = 0; i < size_count; i++) {
		const result *r = &results[i];
		printf("| %zu | ", r->touchpoints);
		print_size(r->file_size);
		printf(" | ");
		print_ms(r->load_ms);
		printf(" | ");
		print_ms(r->parse_ms);
		printf(" | ");
		print_ratio(r->load_ms, r->parse_ms);
		printf(" | ");
		print_ms(r->save_ms);
		printf(" | ");
		print_ms(r->emit_ms);
		printf(" | ");
		print_ratio(r->save_ms, r->emit_ms);
		printf(" | ");
		if (r->peak_mib < 0)
			printf("–");
		else
			printf("%.1f", r->peak_mib);
		printf(" | %.1f |\n", r->goal_mib);
	}
	printf("\n");
	print_goal("load ≤ 1.5× libyaml parse", results, size_count, 0, LOAD_GOAL);
	print_goal("save ≤ 1.5× libyaml emit", results, size_count, 1, SAVE_GOAL);
	print_goal("peak memory ≤ 3× file size + 8 MiB", results, size_count, 2, 1.0);
	if (size_count >= 2) {
		const result *lo = &results[0], *hi = &results[size_count - 1];
		print_linearity("load", lo, hi, lo->load_ms, hi->load_ms, lo->parse_ms, hi->parse_ms);
		print_linearity("save", lo, hi, lo->save_ms, hi->save_ms, lo->emit_ms, hi->emit_ms);
		if (size_count >= 3 && results[size_count - 2].peak_mib > 0 && hi->peak_mib > 0) {
			const result *mid = &results[size_count - 2];
			double ratio = (hi->peak_mib / (double)hi->file_size) / (mid->peak_mib / (double)mid->file_size);
			printf("- peak memory per file byte, %zu vs %zu: %.2f× (%s)\n", hi->touchpoints,
			       mid->touchpoints, ratio, ratio <= LINEAR_LIMIT ? "roughly linear" : "**not linear**");
		}
	}
	for (size_t i = 0; i < size_count; i++) {
		if (!results[i].round_trip)
			printf("- note: at %zu touchpoints the loaded map differs from the generated one\n",
			       results[i].touchpoints);
		double emitted = (double)results[i].emit_len / (double)(results[i].file_size ? results[i].file_size : 1);
		if (results[i].emit_len && (emitted < 0.98 || emitted > 1.02))
			printf("- note: at %zu touchpoints libyaml's emit wrote %zu bytes for a file of %zu\n",
			       results[i].touchpoints, results[i].emit_len, results[i].file_size);
		if (!results[i].canonical)
			printf("- note: at %zu touchpoints saving the loaded map does not give the file's bytes\n",
			       results[i].touchpoints);
	}
	printf("- times are the best of several runs; peak is VmHWM of a fresh process that loads the file, "
	       "minus one that does not (%.1f MiB); %.0f s in all\n",
	       baseline_kib >= 0 ? (double)baseline_kib / 1024.0 : -1.0, (now_ms() - started) / 1000.0);
	return all_ok ? 0 : 1;
}
