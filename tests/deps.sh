#!/bin/sh
# Installs what cjm needs to build and test, only when something is missing.
need=""
have_pkg() { pkg-config --exists "$1" 2>/dev/null; }
command -v pkg-config >/dev/null 2>&1 || need="$need pkg-config"
command -v cc >/dev/null 2>&1 || need="$need gcc"
command -v make >/dev/null 2>&1 || need="$need make"
have_pkg yaml-0.1 || need="$need libyaml-dev"
have_pkg ncursesw || need="$need libncurses-dev"
have_pkg cmocka || need="$need libcmocka-dev"
command -v tmux >/dev/null 2>&1 || need="$need tmux"
command -v mandoc >/dev/null 2>&1 || need="$need mandoc"
command -v clang >/dev/null 2>&1 || need="$need clang"
command -v git >/dev/null 2>&1 || need="$need git"
# the exports' tests: well-formed SVG and HTML, SVG that renders, the JSON Schema
command -v xmllint >/dev/null 2>&1 || need="$need libxml2-utils"
command -v rsvg-convert >/dev/null 2>&1 || need="$need librsvg2-bin"
/usr/bin/python3 -c 'import jsonschema' 2>/dev/null || need="$need python3-jsonschema"
# libFuzzer and the sanitizer runtimes for clang
if command -v clang >/dev/null 2>&1; then
	dir=$(clang -print-resource-dir 2>/dev/null)
	ls "$dir"/lib/linux/libclang_rt.fuzzer-*.a >/dev/null 2>&1 ||
		need="$need libclang-rt-$(clang -dumpversion | cut -d. -f1)-dev"
fi
[ -z "$need" ] && exit 0
if [ "$(id -u)" = 0 ]; then
	sudo=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
	sudo="sudo"
else
	echo "cjm: missing:$need" >&2
	echo "cjm: install them with: sudo apt-get update && sudo apt-get install -y$need" >&2
	exit 1
fi
echo "cjm: installing:$need" >&2
$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
	$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq$need >/dev/null ||
	{ echo "cjm: apt-get install -y$need failed" >&2; exit 1; }
# libclang-rt may only be knowable once clang is there
if command -v clang >/dev/null 2>&1; then
	dir=$(clang -print-resource-dir 2>/dev/null)
	ls "$dir"/lib/linux/libclang_rt.fuzzer-*.a >/dev/null 2>&1 ||
		$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
			"libclang-rt-$(clang -dumpversion | cut -d. -f1)-dev" >/dev/null
fi
exit 0
