#!/bin/sh
# Installs what cjm needs for a target (run, bench, fuzz or check) and only what is missing; `commands` lists the commands the packages provide.
#
#   sh tests/deps.sh run        build and run the editor: a C compiler, make, pkg-config, libyaml, ncursesw,
#                               librsvg and cairo (PDF, PNG), libxlsxwriter (xlsx)
#   sh tests/deps.sh bench      the same (the benchmarks need nothing more)
#   sh tests/deps.sh fuzz       also clang with libFuzzer
#   sh tests/deps.sh [check]    everything the tests call (the default)
#   sh tests/deps.sh commands   every command the packages below provide, one a line
#                               (tests/cli/test_deps.sh compares them with what the scripts call)
#
# Everything is checked first, so a machine that has it all pays nothing. What is
# missing is installed with apt-get, as root or through passwordless sudo; otherwise
# the command to run as root is printed and the exit status is 1.
set -u

# One package a line (a long list of commands over several): LEVEL PACKAGE PROBE [COMMAND...]
#   LEVEL   base: in every Debian, even a minimal one (debootstrap --variant=minbase),
#           and still checked; run: building the editor; fuzz: libFuzzer; check: the tests;
#           lean: the tests too, installed without the packages it only recommends
#           (LibreOffice would bring a desktop's worth of them)
#   PROBE   cmd: the first COMMAND is on the PATH; pc:MODULE: pkg-config knows MODULE;
#           py:MODULE: /usr/bin/python3 imports MODULE; clang-rt: clang's libFuzzer
#           and sanitizer runtimes are there; locale:NAME: `locale -a` lists NAME
#           (made with localedef from the package's sources when it is not)
# A command the tests or scripts call belongs on the line of the package that provides it.
deps_table='
base coreutils  cmd  cat arch b2sum base32 base64 basename basenc chcon chgrp chmod chown chroot cksum comm cp
base coreutils  cmd  csplit cut date dd df dir dircolors dirname du env expand expr factor fmt fold groups head
base coreutils  cmd  hostid id install join link ln logname ls md5sum mkdir mkfifo mknod mktemp mv nice nl nohup
base coreutils  cmd  nproc numfmt od paste pathchk pinky pr printenv ptx readlink realpath rm rmdir runcon seq
base coreutils  cmd  sha1sum sha224sum sha256sum sha384sum sha512sum shred shuf sleep sort split stat stdbuf stty
base coreutils  cmd  sum sync tac tail tee timeout touch tr truncate tsort tty uname unexpand uniq unlink users
base coreutils  cmd  vdir wc who whoami yes
base dash       cmd  sh dash
base bash       cmd  bash
base sed        cmd  sed
base grep       cmd  grep egrep fgrep
base findutils  cmd  find xargs
base mawk       cmd  awk mawk
base diffutils  cmd  cmp diff diff3 sdiff
base libc-bin   cmd  locale getconf getent iconv ldd
base bsdutils   cmd  script logger renice
base util-linux cmd  unshare fallocate findmnt flock getopt ionice mountpoint nsenter prlimit rev setpriv setsid
base util-linux cmd  taskset runuser
base mount      cmd  mount umount losetup
base apt        cmd  apt-get
run  make       cmd  make
run  gcc        cmd  cc gcc
run  binutils   cmd  ar nm objdump readelf strip
run  pkg-config cmd  pkg-config
run  gettext    cmd  msgfmt xgettext msgcat msgcmp msgmerge msgconv
run  libyaml-dev     pc:yaml-0.1
run  libncurses-dev  pc:ncursesw
run  librsvg2-dev    pc:librsvg-2.0
run  libcairo2-dev   pc:cairo-pdf
run  libxlsxwriter-dev pc:xlsxwriter
fuzz clang           cmd  clang
fuzz libclang-rt-dev clang-rt
check libcmocka-dev  pc:cmocka
check tmux           cmd  tmux
check procps         cmd  pgrep pkill ps pidwait free top uptime watch
check mandoc         cmd  mandoc
check man-db         cmd  man
check git            cmd  git
check libxml2-utils  cmd  xmllint
check librsvg2-bin   cmd  rsvg-convert
check poppler-utils  cmd  pdfinfo pdftotext pdffonts pdftoppm pdfimages
check python3-openpyxl py:openpyxl
check zsh            cmd  zsh
check fish           cmd  fish
check python3-jsonschema py:jsonschema python3
check python3-yaml   py:yaml
check locales        locale:nl_NL.UTF-8 localedef
lean  libreoffice-calc-nogui cmd soffice
'

# deps_levels TARGET: the levels a target needs
deps_levels() {
	case $1 in
	run | bench) echo "base run" ;;
	fuzz) echo "base run fuzz" ;;
	check) echo "base run fuzz check lean" ;;
	*) return 1 ;;
	esac
}

# deps_present PROBE COMMAND...: the package is there
deps_present() {
	probe=$1
	shift
	case $probe in
	cmd) command -v "$1" >/dev/null 2>&1 ;;
	pc:*) pkg-config --exists "${probe#pc:}" 2>/dev/null ;;
	py:*) /usr/bin/python3 -c "import ${probe#py:}" 2>/dev/null ;;
	locale:*) deps_has_locale "${probe#locale:}" ;;
	clang-rt)
		command -v clang >/dev/null 2>&1 || return 1
		ls "$(clang -print-resource-dir 2>/dev/null)"/lib/linux/libclang_rt.fuzzer-*.a >/dev/null 2>&1 ;;
	*) return 1 ;;
	esac
}

# deps_has_locale NAME: the C library has locale NAME (nl_NL.UTF-8 is listed as nl_NL.utf8)
deps_has_locale() {
	want=$(printf '%s' "$1" | sed 's/UTF-8$/utf8/' | tr 'A-Z' 'a-z')
	locale -a 2>/dev/null | tr 'A-Z' 'a-z' | grep -qx "$want"
}

# deps_make_locales SUDO LEVEL...: makes the missing locales of those levels whose
# sources are there (the locales package), as locale-gen would
deps_make_locales() {
	sudo=$1
	shift
	printf '%s\n' "$deps_table" | while read -r level pkg probe cmds; do
		case $probe in locale:*) ;; *) continue ;; esac
		case " $* " in *" $level "*) ;; *) continue ;; esac
		name=${probe#locale:}
		deps_has_locale "$name" && continue
		[ -f "/usr/share/i18n/locales/${name%%.*}" ] || continue
		echo "cjm: making the locale $name" >&2
		$sudo localedef -i "${name%%.*}" -f "${name#*.}" "$name" >/dev/null 2>&1 ||
			echo "cjm: could not make the locale $name" >&2
	done
}

# deps_missing LEVEL...: the packages of those levels that are not there
deps_missing() {
	printf '%s\n' "$deps_table" | while read -r level pkg probe cmds; do
		[ -n "$level" ] || continue
		case " $* " in *" $level "*) ;; *) continue ;; esac
		# shellcheck disable=SC2086
		deps_present "$probe" $cmds || echo "$pkg"
	done | awk '!seen[$0]++ { printf " %s", $0 }'
}

target=${1:-check}
if [ "$target" = commands ]; then
	printf '%s\n' "$deps_table" | while read -r level pkg probe cmds; do
		[ -n "$level" ] || continue
		for c in $cmds; do echo "$c"; done
	done
	exit 0
fi
levels=$(deps_levels "$target") || {
	echo "usage: sh tests/deps.sh [run|bench|fuzz|check|commands]" >&2
	exit 64
}

# shellcheck disable=SC2086
need=$(deps_missing $levels)
[ -z "$need" ] && exit 0

install="apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y$need"
if ! command -v apt-get >/dev/null 2>&1; then
	echo "cjm: missing (Debian package names):$need" >&2
	echo "cjm: install them with this system's package manager, then run make again" >&2
	exit 1
fi
if [ "$(id -u)" = 0 ]; then
	sudo=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
	sudo="sudo"
else
	echo "cjm: missing:$need" >&2
	echo "cjm: run this as root, then make again:" >&2
	echo "  $install" >&2
	exit 1
fi
# shellcheck disable=SC2086
deps_make_locales "$sudo" $levels
# shellcheck disable=SC2086
need=$(deps_missing $levels)
[ -z "$need" ] && exit 0
lean=""
case " $levels " in *" lean "*) lean=$(deps_missing lean) ;; esac
# shellcheck disable=SC2086
need=$(deps_missing $(echo "$levels" | sed 's/ *lean//'))
echo "cjm: installing:$need$lean" >&2
$sudo apt-get update -qq >/dev/null || { echo "cjm: apt-get update failed (run as root: $install)" >&2; exit 1; }
if [ -n "$need" ]; then
	$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq$need >/dev/null ||
		{ echo "cjm: could not install:$need (run as root: $install)" >&2; exit 1; }
fi
if [ -n "$lean" ]; then
	$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends$lean >/dev/null ||
		{ echo "cjm: could not install:$lean (run as root: $install)" >&2; exit 1; }
fi
# shellcheck disable=SC2086
deps_make_locales "$sudo" $levels

# shellcheck disable=SC2086
still=$(deps_missing $levels)
if [ -n "$still" ]; then
	echo "cjm: still missing after apt-get install:$still" >&2
	exit 1
fi
exit 0
