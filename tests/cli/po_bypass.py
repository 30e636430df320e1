#!/usr/bin/env python3
"""Lists string literals in src/ that reach the user without gettext: arguments of the
functions po/message-functions names that are not wrapped in _(), N_(), P_() or L_().

usage: po_bypass.py ROOT   (prints FILE:LINE: FUNCTION "literal", one a line)
"""
import re
import sys

root = sys.argv[1] if len(sys.argv) > 1 else "."
funcs = [l.strip() for l in open(f"{root}/po/message-functions") if l.strip() and not l.startswith("#")]
call = re.compile(r"\b(" + "|".join(map(re.escape, funcs)) + r")\s*\(")
literal = re.compile(r'"(?:[^"\\\n]|\\.)*"')
wrappers = re.compile(r"\b(?:_|N_|P_|L_|LC_|LN_|gettext|ngettext)\s*\(\s*$")
files = [l.strip() for l in open(f"{root}/po/POTFILES.in") if l.strip()]


def strip_comments(text):
    """Blanks out comments, keeping line breaks and string literals."""
    out = []
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if c == '"':
            m = literal.match(text, i)
            j = m.end() if m else i + 1
            out.append(text[i:j])
            i = j
        elif c == "'" and i + 2 < n:
            j = text.find("'", i + 2 if text[i + 1] == "\\" else i + 1)
            j = j + 1 if j > 0 else i + 1
            out.append(text[i:j])
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            chunk = text[i:j]
            out.append(chunk if "not translated" in chunk else re.sub(r"[^\n]", " ", chunk))
            i = j
        elif text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        else:
            out.append(c)
            i += 1
    return "".join(out)


def arguments(text, start):
    """The text of the call's arguments from START (just after '('), to its ')'."""
    depth = 1
    i = start
    while i < len(text) and depth:
        c = text[i]
        if c == '"':
            m = literal.match(text, i)
            i = m.end() if m else i + 1
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        i += 1
    return text[start : i - 1], i


found = 0
for path in files:
    text = strip_comments(open(f"{root}/{path}", encoding="utf-8").read())
    for m in call.finditer(text):
        before = text[: m.start()]
        if re.search(r"(?:\b(?:static|void|int|bool|const char)\s*\**\s*)$", before.splitlines()[-1] if before.splitlines() else ""):
            continue  # the function's own definition or declaration
        args, end = arguments(text, m.end())
        if "not translated" in text[end : text.find("\n", end)]:
            continue
        for lit in literal.finditer(args):
            if not re.search(r"[A-Za-z]{2}", lit.group(0)):
                continue  # "%s: %s", "-", ...: nothing to translate
            if wrappers.search(args[: lit.start()]):
                continue
            head = literal.sub('""', args[: lit.start()])
            if head.count("(") > head.count(")"):
                continue  # an argument of another call (getenv("TERM")): not the message
            line = text.count("\n", 0, m.end() + lit.start()) + 1
            print(f"{path}:{line}: {m.group(1)} {lit.group(0)[:60]}")
            found += 1
sys.exit(1 if found else 0)
