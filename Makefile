# cjm — a terminal customer-journey-mapping editor.
# Targets: all run check bench fuzz install uninstall clean deps

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man
INCLUDEDIR ?= $(PREFIX)/include
PLUGINDIR ?= $(PREFIX)/lib/cjm/plugins
SCHEMADIR ?= $(PREFIX)/share/cjm
LOCALEDIR ?= $(PREFIX)/share/locale
DESTDIR ?=
CC ?= cc
CLANG ?= clang
PKG_CONFIG ?= pkg-config
WERROR ?= -Werror
FUZZ_SECONDS ?= 10
VERSION := 0.1.0

PKGS := yaml-0.1 ncursesw librsvg-2.0 cairo-pdf xlsxwriter
PKG_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
PKG_LIBS := $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null)
CMOCKA_LIBS := $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null)

CFLAGS ?= -O2 -g
CJM_CFLAGS := -std=c11 -Wall -Wextra $(WERROR) -Wshadow -Wstrict-prototypes \
	-D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
	-DCJM_VERSION='"$(VERSION)"' -DCJM_MANDIR='"$(MANDIR)"' -DCJM_PLUGINDIR='"$(PLUGINDIR)"' \
	-DCJM_LOCALEDIR='"$(LOCALEDIR)"' \
	-Iinclude -Isrc $(PKG_CFLAGS)
# The sanitizer build uses clang when it is there: its UBSan reports more than gcc's
# (pointer arithmetic on NULL, for one), and every finding aborts.
# `make CC_SAN=gcc` picks another.
ifeq ($(origin CC_SAN),undefined)
CC_SAN := $(shell command -v $(CLANG) >/dev/null 2>&1 && echo $(CLANG) || echo $(CC))
endif
SAN_FLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all \
	$(if $(findstring clang,$(CC_SAN)),-fsanitize=nullability)

# The library: everything below the command line and the screen.
LIB_SRC := $(sort $(wildcard src/util/*.c src/model/*.c src/io/*.c src/edit/*.c \
	src/analysis/*.c src/patterns/*.c src/export/*.c src/merge/*.c src/render/*.c \
	src/editor/*.c))
APP_SRC := $(sort $(wildcard src/cli/*.c src/tui/*.c))
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
UNIT_NAMES := $(patsubst tests/unit/%.c,%,$(UNIT_SRC))

# Two builds side by side: build/ (optimised) and build/san/ (ASan + UBSan).
B := build
S := build/san

# Quiet by default; `make V=1` shows every command.
Q := $(if $(V),,@)

all: $(B)/cjm $(B)/locale.stamp

$(B)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	@$(if $(V),,echo "  CC      $<")
	$(Q)$(CC) $(CFLAGS) $(CJM_CFLAGS) -MMD -MP -c $< -o $@

# Rebuilt when the sanitizer compiler or its flags change.
$(S)/compiler: FORCE
	@mkdir -p $(dir $@)
	@echo '$(CC_SAN) $(SAN_FLAGS)' | cmp -s - $@ || echo '$(CC_SAN) $(SAN_FLAGS)' >$@

$(S)/obj/%.o: %.c $(S)/compiler
	@mkdir -p $(dir $@)
	@$(if $(V),,echo "  CC san  $<")
	$(Q)$(CC_SAN) -O1 -g $(SAN_FLAGS) $(CJM_CFLAGS) -MMD -MP -c $< -o $@

$(B)/libcjm.a: $(LIB_SRC:%.c=$(B)/obj/%.o)
	@rm -f $@
	$(Q)ar rcs $@ $^

$(S)/libcjm.a: $(LIB_SRC:%.c=$(S)/obj/%.o)
	@rm -f $@
	$(Q)ar rcs $@ $^

$(B)/cjm: $(APP_SRC:%.c=$(B)/obj/%.o) $(B)/libcjm.a
	@$(if $(V),,echo "  LINK    $@")
	$(Q)$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(PKG_LIBS) -ldl -lm

$(S)/cjm: $(APP_SRC:%.c=$(S)/obj/%.o) $(S)/libcjm.a
	@$(if $(V),,echo "  LINK    $@")
	$(Q)$(CC_SAN) $(SAN_FLAGS) $(LDFLAGS) -o $@ $^ $(PKG_LIBS) -ldl -lm

# Every unit test links the shared fixture helpers (tests/unit/fixture.c).
$(B)/tests/%: $(B)/obj/tests/unit/%.o $(B)/obj/tests/unit/fixture.o $(B)/libcjm.a
	@mkdir -p $(dir $@)
	@$(if $(V),,echo "  LINK    $@")
	$(Q)$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(PKG_LIBS) $(CMOCKA_LIBS) -ldl -lm

$(S)/tests/%: $(S)/obj/tests/unit/%.o $(S)/obj/tests/unit/fixture.o $(S)/libcjm.a
	@mkdir -p $(dir $@)
	@$(if $(V),,echo "  LINK    $@")
	$(Q)$(CC_SAN) $(SAN_FLAGS) $(LDFLAGS) -o $@ $^ $(PKG_LIBS) $(CMOCKA_LIBS) -ldl -lm

# Keep the unit tests' objects between runs.
.SECONDARY:

# Test plugins (tests/plugins/*.c): shared objects built as a third party would
# build one, from include/cjm/*.h alone, into both builds' plugins/ folders.
PLUGIN_NAMES := $(patsubst tests/plugins/%.c,%,$(sort $(wildcard tests/plugins/*.c)))
PLUGIN_CFLAGS := -std=c11 -Wall -Wextra $(WERROR) -Wshadow -Wstrict-prototypes -Iinclude -shared -fPIC
PLUGIN_HEADERS := $(wildcard include/cjm/*.h)
# Plugins built against the frozen ABI-2 header (tests/plugins/abi2/cjm/plugin.h),
# as against an older cjm: abi2-NAME.so from tests/plugins/abi2/NAME.c.
FROZEN_NAMES := $(patsubst tests/plugins/abi2/%.c,abi2-%,$(sort $(wildcard tests/plugins/abi2/*.c)))
PLUGINS_B := $(PLUGIN_NAMES:%=$(B)/plugins/%.so) $(FROZEN_NAMES:%=$(B)/plugins/%.so)
PLUGINS_S := $(PLUGIN_NAMES:%=$(S)/plugins/%.so) $(FROZEN_NAMES:%=$(S)/plugins/%.so)

$(B)/plugins/%.so: tests/plugins/%.c $(PLUGIN_HEADERS)
	@mkdir -p $(dir $@)
	@$(if $(V),,echo "  PLUGIN  $@")
	$(Q)$(CC) $(CFLAGS) $(PLUGIN_CFLAGS) $(LDFLAGS) -o $@ $<

$(S)/plugins/%.so: tests/plugins/%.c $(PLUGIN_HEADERS)
	@mkdir -p $(dir $@)
	@$(if $(V),,echo "  PLUGIN  $@")
	$(Q)$(CC) $(CFLAGS) $(PLUGIN_CFLAGS) $(LDFLAGS) -o $@ $<

$(B)/plugins/abi2-%.so: tests/plugins/abi2/%.c tests/plugins/abi2/cjm/plugin.h tests/plugins/abi2/layout.inc
	@mkdir -p $(dir $@)
	@$(if $(V),,echo "  PLUGIN  $@ (ABI 2 header)")
	$(Q)$(CC) $(CFLAGS) $(PLUGIN_CFLAGS:-Iinclude=-Itests/plugins/abi2) $(LDFLAGS) -o $@ $<

$(S)/plugins/abi2-%.so: tests/plugins/abi2/%.c tests/plugins/abi2/cjm/plugin.h tests/plugins/abi2/layout.inc
	@mkdir -p $(dir $@)
	@$(if $(V),,echo "  PLUGIN  $@ (ABI 2 header)")
	$(Q)$(CC) $(CFLAGS) $(PLUGIN_CFLAGS:-Iinclude=-Itests/plugins/abi2) $(LDFLAGS) -o $@ $<

# The registry's unit test loads them from its build's plugins/ folder.
$(B)/tests/test_registry: | $(PLUGINS_B)
$(S)/tests/test_registry: | $(PLUGINS_S)

UNIT_BINS := $(UNIT_NAMES:%=$(B)/tests/%) $(UNIT_NAMES:%=$(S)/tests/%)

# The fault-injection tests' LD_PRELOAD shim (tests/faults/failshim.c): failing
# write, fsync, rename and mkstemp on demand.
FAILSHIM := $(B)/faults/failshim.so

$(FAILSHIM): tests/faults/failshim.c
	@mkdir -p $(dir $@)
	@$(if $(V),,echo "  SHIM    $@")
	$(Q)$(CC) $(CFLAGS) -std=c11 -Wall -Wextra $(WERROR) -Wshadow -Wstrict-prototypes -shared -fPIC $(LDFLAGS) -o $@ $< -ldl

# Benchmarks: each from its own object (so its headers are tracked) and the library.
BENCH_NAMES := $(patsubst tests/bench/%.c,%,$(sort $(wildcard tests/bench/*.c)))
TUI_OBJ := $(patsubst %.c,$(B)/obj/%.o,$(sort $(wildcard src/tui/*.c)))

$(BENCH_NAMES:%=$(B)/%): $(B)/%: $(B)/obj/tests/bench/%.o $(B)/libcjm.a
	@$(if $(V),,echo "  LINK    $@")
	$(Q)$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(filter %.o,$^) $(filter %.a,$^) $(PKG_LIBS) -ldl -lm

$(B)/bench_editor: $(TUI_OBJ)

# Fuzzing: one libFuzzer-instrumented library (build/fuzz/), its objects built once
# with clang, linked into each target; rebuilt when clang or the flags change.
F := $(B)/fuzz
FUZZ_NAMES := fuzz_load fuzz_suggest fuzz_import fuzz_merge
FUZZ_SAN_FLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all

$(F)/compiler: FORCE
	@mkdir -p $(dir $@)
	@echo '$(CLANG) $(FUZZ_SAN_FLAGS)' | cmp -s - $@ || echo '$(CLANG) $(FUZZ_SAN_FLAGS)' >$@

$(F)/obj/%.o: %.c $(F)/compiler
	@mkdir -p $(dir $@)
	@$(if $(V),,echo "  CC fuzz $<")
	$(Q)$(CLANG) -g -O1 -fsanitize=fuzzer-no-link $(FUZZ_SAN_FLAGS) $(CJM_CFLAGS) -MMD -MP -c $< -o $@

$(F)/libcjm.a: $(LIB_SRC:%.c=$(F)/obj/%.o)
	@rm -f $@
	$(Q)ar rcs $@ $^

$(FUZZ_NAMES:%=$(B)/%): $(B)/%: $(F)/obj/tests/fuzz/%.o $(F)/libcjm.a
	@$(if $(V),,echo "  LINK    $@ (libFuzzer)")
	$(Q)$(CLANG) -g -O1 -fsanitize=fuzzer $(FUZZ_SAN_FLAGS) $(LDFLAGS) -o $@ $^ $(PKG_LIBS) -ldl -lm


# Translations (po/): the catalogues the binaries find beside themselves, in
# build/locale/LANG/LC_MESSAGES/cjm.mo (build/san, build/tests and build/fuzz link to it).
# English is the source language; po/LINGUAS lists the others.
LINGUAS := $(shell cat po/LINGUAS 2>/dev/null)
MO_FILES := $(LINGUAS:%=$(B)/locale/%/LC_MESSAGES/cjm.mo)

$(B)/locale/%/LC_MESSAGES/cjm.mo: po/%.po
	@mkdir -p $(dir $@)
	@$(if $(V),,echo "  MSGFMT  $<")
	$(Q)msgfmt --check -o $@ $<

$(B)/locale.stamp: $(MO_FILES)
	@mkdir -p $(S) $(B)/tests $(S)/tests $(F)
	$(Q)for d in $(S) $(B)/tests $(F); do ln -sfn ../locale $$d/locale; done
	$(Q)ln -sfn ../../locale $(S)/tests/locale
	@touch $@

# `make pot` lists the sources in po/POTFILES.in, rewrites po/cjm.pot from them, merges it into
# every po/LANG.po; translate what is new (msgstr ""), then `make check` checks that
# nothing is left untranslated or fuzzy (tests/cli/test_po.sh).
pot:
	$(Q)ls src/*/*.c | LC_ALL=C sort >po/POTFILES.in
	$(Q)sh po/make-pot.sh po/cjm.pot
	$(Q)for l in $(LINGUAS); do msgmerge --quiet --update --backup=none --no-fuzzy-matching po/$$l.po po/cjm.pot; done

FORCE:

.PHONY: FORCE pot all run check check-run unit cli-tests man-check fuzz bench install uninstall clean deps

# What each target needs is installed first (tests/deps.sh: only what is missing),
# then a fresh make sees what pkg-config now reports. `make deps` installs it all.
deps:
	@sh tests/deps.sh check

run:
	@sh tests/deps.sh run
	@$(MAKE) --no-print-directory $(B)/cjm $(B)/locale.stamp
	./$(B)/cjm maps/energy-switch.yaml

check:
	@sh tests/deps.sh check
	@$(MAKE) --no-print-directory check-run

check-run: $(B)/cjm $(S)/cjm $(B)/locale.stamp $(UNIT_BINS) $(PLUGINS_B) $(PLUGINS_S) $(FAILSHIM) $(FUZZ_NAMES:%=$(B)/%)
	@CJM_BUILD=$(B) CJM_SAN_BUILD=$(S) FUZZ_SECONDS=$(FUZZ_SECONDS) \
		UNIT_NAMES="$(UNIT_NAMES)" sh tests/check.sh

fuzz:
	@sh tests/deps.sh fuzz
	@$(MAKE) --no-print-directory $(FUZZ_NAMES:%=$(B)/%)
	@for f in $(FUZZ_NAMES); do FUZZ_SECONDS=$(FUZZ_SECONDS) sh tests/fuzz/run.sh $(B)/$$f || exit 1; done

bench:
	@sh tests/deps.sh bench
	@$(MAKE) --no-print-directory $(B)/cjm $(B)/bench $(B)/bench_editor $(B)/bench_patterns $(B)/bench_export $(B)/bench_merge $(B)/bench_growth $(B)/bench_log
	@sh tests/bench/run.sh $(B)

install: $(B)/cjm $(MO_FILES)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5 \
		$(DESTDIR)$(MANDIR)/man7 $(DESTDIR)$(PLUGINDIR) $(DESTDIR)$(INCLUDEDIR)/cjm $(DESTDIR)$(SCHEMADIR)
	install -m 755 $(B)/cjm $(DESTDIR)$(BINDIR)/cjm
	install -m 644 maps/cjm-map.schema.json $(DESTDIR)$(SCHEMADIR)/
	for f in include/cjm/*.h; do install -m 644 $$f $(DESTDIR)$(INCLUDEDIR)/cjm/; done
	for f in man/*.1; do install -m 644 $$f $(DESTDIR)$(MANDIR)/man1/; done
	for f in man/*.5; do install -m 644 $$f $(DESTDIR)$(MANDIR)/man5/; done
	for f in $(wildcard man/*.7); do install -m 644 $$f $(DESTDIR)$(MANDIR)/man7/; done
	for l in $(LINGUAS); do install -d $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES && \
		install -m 644 $(B)/locale/$$l/LC_MESSAGES/cjm.mo $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/; done
	for l in $(LINGUAS); do for f in man/$$l/*.[157]; do [ ! -f "$$f" ] || { \
		install -d $(DESTDIR)$(MANDIR)/$$l/man$${f##*.} && install -m 644 $$f $(DESTDIR)$(MANDIR)/$$l/man$${f##*.}/; }; \
		done; done

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/cjm
	for f in man/*.1; do rm -f $(DESTDIR)$(MANDIR)/man1/$${f#man/}; done
	for f in man/*.5; do rm -f $(DESTDIR)$(MANDIR)/man5/$${f#man/}; done
	for f in $(wildcard man/*.7); do rm -f $(DESTDIR)$(MANDIR)/man7/$${f#man/}; done
	for f in include/cjm/*.h; do rm -f $(DESTDIR)$(INCLUDEDIR)/cjm/$${f#include/cjm/}; done
	-rmdir $(DESTDIR)$(INCLUDEDIR)/cjm 2>/dev/null
	-rmdir $(DESTDIR)$(PLUGINDIR) 2>/dev/null
	rm -f $(DESTDIR)$(SCHEMADIR)/cjm-map.schema.json
	-rmdir $(DESTDIR)$(SCHEMADIR) 2>/dev/null
	for l in $(LINGUAS); do rm -f $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/cjm.mo; done
	for l in $(LINGUAS); do for f in man/$$l/*.[157]; do \
		[ ! -f "$$f" ] || rm -f $(DESTDIR)$(MANDIR)/$$l/man$${f##*.}/$${f##*/}; done; done

clean:
	rm -rf $(B)

# Header dependencies: each object's .d (written by -MMD -MP) names the headers it
# was built from, so changing one header rebuilds exactly the objects that use it.
OBJS := $(foreach src,$(LIB_SRC) $(APP_SRC) $(UNIT_SRC),$(B)/obj/$(src:.c=.o) $(S)/obj/$(src:.c=.o)) \
	$(BENCH_NAMES:%=$(B)/obj/tests/bench/%.o) \
	$(LIB_SRC:%.c=$(F)/obj/%.o) $(FUZZ_NAMES:%=$(F)/obj/tests/fuzz/%.o)
-include $(wildcard $(OBJS:.o=.d))
