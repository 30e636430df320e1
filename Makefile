# cjm — a terminal customer-journey-mapping editor.
# Targets: all run check bench fuzz install uninstall clean deps

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man
INCLUDEDIR ?= $(PREFIX)/include
PLUGINDIR ?= $(PREFIX)/lib/cjm/plugins
SCHEMADIR ?= $(PREFIX)/share/cjm
LOCALEDIR ?= $(PREFIX)/share/locale
# cjm-plugin.pc names headers and a folder, no library: the same on every
# architecture, so share/pkgconfig (pkg-config looks there too).
PKGCONFIGDIR ?= $(PREFIX)/share/pkgconfig
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR ?= $(PREFIX)/share/zsh/site-functions
FISHCOMPDIR ?= $(PREFIX)/share/fish/vendor_completions.d
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
	-DCJM_VERSION='"$(VERSION)"' \
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
	src/editor/*.c src/live/*.c))
APP_SRC := $(sort $(wildcard src/cli/*.c src/tui/*.c))
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
UNIT_NAMES := $(patsubst tests/unit/%.c,%,$(UNIT_SRC))

# Two builds side by side: build/ (optimised) and build/san/ (ASan + UBSan).
B := build
S := build/san

# Quiet by default; `make V=1` shows every command.
Q := $(if $(V),,@)

# The shell completions (bash, zsh, fish), as each shell names its file.
COMPLETIONS := $(B)/completions/cjm $(B)/completions/_cjm $(B)/completions/cjm.fish

all: $(B)/cjm $(B)/locale.stamp $(COMPLETIONS)

# Where the installed cjm finds its pages, plugins, catalogues and schema: paths
# relative to BINDIR, not absolute ones. The layout under a prefix is the same for
# every PREFIX, so `make && make install PREFIX=/usr` installs the binary as built,
# and a binary staged with DESTDIR finds the staged files (the tests run it so);
# the binary's own folder comes from /proc/self/exe (src/util/exe_dir.c). Only
# folders moved against each other (MANDIR=/elsewhere) change these paths, and then
# exactly src/util/exe_dir.c is rebuilt and the binaries relinked, even at install.
# rel FROM TO: the path from folder FROM to folder TO, both absolute (the case
# patterns are written "(...)" so that make's $(shell) sees balanced parentheses,
# and '#' is $(HASH), which every make reads the same).
HASH := \#
INSTALL_REL := $(shell rel() { f=$$1; t=$$2; up=; \
	while [ -n "$$f" ] && case "$$t/" in ("$$f"/*) false ;; (*) true ;; esac; do f=$${f%/*}; up=../$$up; done; \
	echo "$$up$${t$(HASH)"$$f"/}"; }; \
	for d in $(MANDIR) $(PLUGINDIR) $(LOCALEDIR) $(SCHEMADIR); do rel $(BINDIR) "$$d"; done)
INSTALL_REL_FLAGS := -DCJM_REL_MANDIR='"$(word 1,$(INSTALL_REL))"' -DCJM_REL_PLUGINDIR='"$(word 2,$(INSTALL_REL))"' \
	-DCJM_REL_LOCALEDIR='"$(word 3,$(INSTALL_REL))"' -DCJM_REL_SCHEMADIR='"$(word 4,$(INSTALL_REL))"'
EXE_DIR_OBJS := $(B)/obj/src/util/exe_dir.o $(S)/obj/src/util/exe_dir.o $(B)/fuzz/obj/src/util/exe_dir.o
$(EXE_DIR_OBJS): CJM_CFLAGS += $(INSTALL_REL_FLAGS)
$(EXE_DIR_OBJS): $(B)/install-rel

# Rewritten only when the relative paths change.
$(B)/install-rel: FORCE
	@mkdir -p $(dir $@)
	@echo '$(INSTALL_REL)' | cmp -s - $@ || echo '$(INSTALL_REL)' >$@

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

# The live session's scripted client (tests/live/peer.c), for its terminal tests:
# build/tests/live_peer and build/san/tests/live_peer.
LIVE_PEER := $(B)/tests/live_peer $(S)/tests/live_peer
LIVE_PEER_OBJS := $(B)/obj/tests/live/peer.o $(S)/obj/tests/live/peer.o

$(B)/tests/live_peer: $(B)/obj/tests/live/peer.o $(B)/libcjm.a
	@$(if $(V),,echo "  LINK    $@")
	$(Q)$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(PKG_LIBS) -ldl -lm

$(S)/tests/live_peer: $(S)/obj/tests/live/peer.o $(S)/libcjm.a
	@$(if $(V),,echo "  LINK    $@")
	$(Q)$(CC_SAN) $(SAN_FLAGS) $(LDFLAGS) -o $@ $^ $(PKG_LIBS) -ldl -lm

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
FUZZ_NAMES := fuzz_load fuzz_suggest fuzz_import fuzz_merge fuzz_protocol
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

check-run: $(B)/cjm $(S)/cjm $(B)/locale.stamp $(COMPLETIONS) $(UNIT_BINS) $(PLUGINS_B) $(PLUGINS_S) $(FAILSHIM) $(LIVE_PEER) $(FUZZ_NAMES:%=$(B)/%)
	@CJM_BUILD=$(B) CJM_SAN_BUILD=$(S) FUZZ_SECONDS=$(FUZZ_SECONDS) \
		UNIT_NAMES="$(UNIT_NAMES)" sh tests/check.sh

fuzz:
	@sh tests/deps.sh fuzz
	@$(MAKE) --no-print-directory $(FUZZ_NAMES:%=$(B)/%)
	@for f in $(FUZZ_NAMES); do FUZZ_SECONDS=$(FUZZ_SECONDS) sh tests/fuzz/run.sh $(B)/$$f || exit 1; done

bench:
	@sh tests/deps.sh bench
	@$(MAKE) --no-print-directory $(B)/cjm $(B)/bench $(B)/bench_editor $(B)/bench_patterns $(B)/bench_export $(B)/bench_merge $(B)/bench_growth $(B)/bench_log $(B)/bench_live
	@sh tests/bench/run.sh $(B)

# Shell completions: the binary prints them from its own tables (cjm completion
# SHELL, src/cli/cmd_completion.c), so they list the commands, options and formats
# it has; in English, whatever the locale of the build.
$(B)/completions/cjm: $(B)/cjm
	@mkdir -p $(dir $@)
	$(Q)LC_ALL=C.UTF-8 LANGUAGE= ./$(B)/cjm completion bash >$@.tmp && mv $@.tmp $@
$(B)/completions/_cjm: $(B)/cjm
	@mkdir -p $(dir $@)
	$(Q)LC_ALL=C.UTF-8 LANGUAGE= ./$(B)/cjm completion zsh >$@.tmp && mv $@.tmp $@
$(B)/completions/cjm.fish: $(B)/cjm
	@mkdir -p $(dir $@)
	$(Q)LC_ALL=C.UTF-8 LANGUAGE= ./$(B)/cjm completion fish >$@.tmp && mv $@.tmp $@

# What make install puts where. The pages translated under man/LANG/ go to
# MANDIR/LANG/manN, where man(1) looks under that language's locale.
LANG_MAN_PAGES = $(wildcard $(LINGUAS:%=man/%/*.[157]))
lang_man_dir = $(MANDIR)/$(word 2,$(subst /, ,$(1)))/man$(patsubst .%,%,$(suffix $(1)))
INSTALL_DIRS = $(BINDIR) $(MANDIR)/man1 $(MANDIR)/man5 $(MANDIR)/man7 \
	$(sort $(foreach p,$(LANG_MAN_PAGES),$(call lang_man_dir,$(p)))) \
	$(LINGUAS:%=$(LOCALEDIR)/%/LC_MESSAGES) $(PLUGINDIR) $(INCLUDEDIR)/cjm $(SCHEMADIR) $(PKGCONFIGDIR) \
	$(BASHCOMPDIR) $(ZSHCOMPDIR) $(FISHCOMPDIR)
# The folders make install created (those that were not there), one a line, so
# that make uninstall removes them, once empty, and no other: never MANDIR or a
# share/ that was there before. Kept across installs.
INSTALL_MADE = $(SCHEMADIR)/installed-folders

install: $(B)/cjm $(MO_FILES) $(COMPLETIONS)
	@made=; for d in $(INSTALL_DIRS); do \
		while [ -n "$$d" ] && [ ! -d "$(DESTDIR)$$d" ]; do made="$$made $$d"; d=$${d%/*}; done; \
	done; \
	install -d $(addprefix $(DESTDIR),$(INSTALL_DIRS)) && \
	{ cat "$(DESTDIR)$(INSTALL_MADE)" 2>/dev/null; for d in $$made; do echo "$$d"; done; } | \
		LC_ALL=C sort -u >"$(DESTDIR)$(INSTALL_MADE).tmp" && \
	mv "$(DESTDIR)$(INSTALL_MADE).tmp" "$(DESTDIR)$(INSTALL_MADE)" && chmod 644 "$(DESTDIR)$(INSTALL_MADE)"
	install -m 755 $(B)/cjm $(DESTDIR)$(BINDIR)/cjm
	install -m 644 maps/cjm-map.schema.json $(DESTDIR)$(SCHEMADIR)/
	for f in include/cjm/*.h; do install -m 644 $$f $(DESTDIR)$(INCLUDEDIR)/cjm/; done
	for f in man/*.1; do install -m 644 $$f $(DESTDIR)$(MANDIR)/man1/; done
	for f in man/*.5; do install -m 644 $$f $(DESTDIR)$(MANDIR)/man5/; done
	for f in $(wildcard man/*.7); do install -m 644 $$f $(DESTDIR)$(MANDIR)/man7/; done
	for l in $(LINGUAS); do \
		install -m 644 $(B)/locale/$$l/LC_MESSAGES/cjm.mo $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/; done
	for f in $(LANG_MAN_PAGES); do install -m 644 $$f $(DESTDIR)$(MANDIR)/$$(echo "$$f" | cut -d/ -f2)/man$${f##*.}/; done
	install -m 644 $(B)/completions/cjm $(DESTDIR)$(BASHCOMPDIR)/cjm
	install -m 644 $(B)/completions/_cjm $(DESTDIR)$(ZSHCOMPDIR)/_cjm
	install -m 644 $(B)/completions/cjm.fish $(DESTDIR)$(FISHCOMPDIR)/cjm.fish
	@# cjm-plugin.pc: the folders as installed, under ${prefix} where they are (so
	@# that pkg-config --define-prefix can move them).
	@inc=$(INCLUDEDIR); plug=$(PLUGINDIR); \
	case $$inc in $(PREFIX)/*) inc='$${prefix}'$${inc#$(PREFIX)} ;; esac; \
	case $$plug in $(PREFIX)/*) plug='$${prefix}'$${plug#$(PREFIX)} ;; esac; \
	sed -e "s|@prefix@|$(PREFIX)|g" -e "s|@includedir@|$$inc|g" -e "s|@plugindir@|$$plug|g" \
		-e "s|@version@|$(VERSION)|g" cjm-plugin.pc.in >$(DESTDIR)$(PKGCONFIGDIR)/cjm-plugin.pc && \
	chmod 644 $(DESTDIR)$(PKGCONFIGDIR)/cjm-plugin.pc

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/cjm
	for f in man/*.1; do rm -f $(DESTDIR)$(MANDIR)/man1/$${f#man/}; done
	for f in man/*.5; do rm -f $(DESTDIR)$(MANDIR)/man5/$${f#man/}; done
	for f in $(wildcard man/*.7); do rm -f $(DESTDIR)$(MANDIR)/man7/$${f#man/}; done
	for f in $(LANG_MAN_PAGES); do rm -f $(DESTDIR)$(MANDIR)/$$(echo "$$f" | cut -d/ -f2)/man$${f##*.}/$${f##*/}; done
	for f in include/cjm/*.h; do rm -f $(DESTDIR)$(INCLUDEDIR)/cjm/$${f#include/cjm/}; done
	rm -f $(DESTDIR)$(SCHEMADIR)/cjm-map.schema.json
	for l in $(LINGUAS); do rm -f $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/cjm.mo; done
	rm -f $(DESTDIR)$(BASHCOMPDIR)/cjm $(DESTDIR)$(ZSHCOMPDIR)/_cjm $(DESTDIR)$(FISHCOMPDIR)/cjm.fish
	rm -f $(DESTDIR)$(PKGCONFIGDIR)/cjm-plugin.pc
	@# the folders install made, deepest first, each only when empty; then cjm's own
	@made=$$(LC_ALL=C sort -r "$(DESTDIR)$(INSTALL_MADE)" 2>/dev/null); rm -f "$(DESTDIR)$(INSTALL_MADE)"; \
	for d in $$made $(INCLUDEDIR)/cjm $(PLUGINDIR) $(SCHEMADIR); do \
		[ ! -d "$(DESTDIR)$$d" ] || rmdir "$(DESTDIR)$$d" 2>/dev/null || true; done

clean:
	rm -rf $(B)

# Header dependencies: each object's .d (written by -MMD -MP) names the headers it
# was built from, so changing one header rebuilds exactly the objects that use it.
OBJS := $(foreach src,$(LIB_SRC) $(APP_SRC) $(UNIT_SRC),$(B)/obj/$(src:.c=.o) $(S)/obj/$(src:.c=.o)) \
	$(BENCH_NAMES:%=$(B)/obj/tests/bench/%.o) \
	$(LIVE_PEER_OBJS) \
	$(LIB_SRC:%.c=$(F)/obj/%.o) $(FUZZ_NAMES:%=$(F)/obj/tests/fuzz/%.o)
-include $(wildcard $(OBJS:.o=.d))
