/* Where each touchpoint's channel and owner stand in a map's text, read again with libyaml. */
#include "io/places.h"

#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "util/xalloc.h"

typedef struct place_scan {
	yaml_parser_t parser;
	yaml_event_t event;
	bool have_event, ok;
	cjm_value_places *places;
} place_scan;

static bool scan_next(place_scan *s)
{
	if (s->have_event)
		yaml_event_delete(&s->event);
	s->have_event = s->ok && yaml_parser_parse(&s->parser, &s->event);
	s->ok = s->have_event && s->event.type != YAML_NO_EVENT;
	return s->ok;
}

/* Passes over the node whose first event is the current one. */
static void scan_skip(place_scan *s)
{
	int depth = 0;
	do {
		yaml_event_type_t t = s->event.type;
		if (t == YAML_SEQUENCE_START_EVENT || t == YAML_MAPPING_START_EVENT)
			depth++;
		else if (t == YAML_SEQUENCE_END_EVENT || t == YAML_MAPPING_END_EVENT)
			depth--;
		if (depth == 0)
			return;
	} while (scan_next(s));
}

/* The mapping that starts at the current event, key by key: ON_KEY handles a
 * value (its first event current) and returns true, or false to have it passed over. */
static void scan_mapping(place_scan *s, bool (*on_key)(place_scan *, const char *key))
{
	if (s->event.type != YAML_MAPPING_START_EVENT) {
		scan_skip(s);
		return;
	}
	while (scan_next(s) && s->event.type != YAML_MAPPING_END_EVENT) {
		char *key = s->event.type == YAML_SCALAR_EVENT ? xstrdup((const char *)s->event.data.scalar.value) : NULL;
		if (!key)
			scan_skip(s);
		if (!scan_next(s)) {
			free(key);
			return;
		}
		if (!key || !on_key(s, key))
			scan_skip(s);
		free(key);
	}
}

/* The sequence that starts at the current event, ON_ITEM for each item. */
static void scan_sequence(place_scan *s, void (*on_item)(place_scan *))
{
	if (s->event.type != YAML_SEQUENCE_START_EVENT) {
		scan_skip(s);
		return;
	}
	while (scan_next(s) && s->event.type != YAML_SEQUENCE_END_EVENT)
		on_item(s);
}

static cjm_pos scan_pos(const yaml_event_t *event)
{
	return (cjm_pos){ (int)event->start_mark.line + 1, (int)event->start_mark.column + 1 };
}

static bool scan_touchpoint_key(place_scan *s, const char *key)
{
	cjm_value_places *vp = s->places;
	bool channel = strcmp(key, "channel") == 0, owner = strcmp(key, "owner") == 0;
	if ((!channel && !owner) || s->event.type != YAML_SCALAR_EVENT)
		return false;
	cjm_pos *slot = channel ? &vp->channel[vp->count - 1] : &vp->owner[vp->count - 1];
	*slot = scan_pos(&s->event);
	return true;
}

static void scan_touchpoint(place_scan *s)
{
	cjm_value_places *vp = s->places;
	if (vp->count == vp->cap) {
		size_t cap = vp->cap;
		xgrow((void **)&vp->channel, &cap, vp->count + 1, sizeof *vp->channel);
		xgrow((void **)&vp->owner, &vp->cap, vp->count + 1, sizeof *vp->owner);
	}
	vp->channel[vp->count] = vp->owner[vp->count] = (cjm_pos){ 0, 0 };
	vp->count++;
	scan_mapping(s, scan_touchpoint_key);
}

static bool scan_phase_key(place_scan *s, const char *key)
{
	if (strcmp(key, "touchpoints") != 0)
		return false;
	scan_sequence(s, scan_touchpoint);
	return true;
}

static void scan_phase(place_scan *s)
{
	scan_mapping(s, scan_phase_key);
}

static bool scan_top_key(place_scan *s, const char *key)
{
	if (strcmp(key, "phases") != 0)
		return false;
	scan_sequence(s, scan_phase);
	return true;
}

void cjm_value_places_scan(cjm_value_places *vp, const char *text, size_t len)
{
	place_scan s = { .ok = true, .places = vp };
	if (!yaml_parser_initialize(&s.parser))
		return;
	yaml_parser_set_input_string(&s.parser, (const unsigned char *)text, len);
	while (scan_next(&s) && s.event.type != YAML_MAPPING_START_EVENT && s.event.type != YAML_STREAM_END_EVENT)
		;
	if (s.ok && s.event.type == YAML_MAPPING_START_EVENT)
		scan_mapping(&s, scan_top_key);
	if (s.have_event)
		yaml_event_delete(&s.event);
	yaml_parser_delete(&s.parser);
}

void cjm_value_places_release(cjm_value_places *vp)
{
	free(vp->channel);
	free(vp->owner);
}
