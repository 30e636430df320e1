#!/usr/bin/env python3
"""What cjm suggest says of the example maps and the seed stories, for two builds side by side.

usage: python3 tests/bench/suggestion_figures.py OLD_CJM NEW_CJM

Per build: the entries of the default lists, repeated ideas among them, extra entries
on a target already listed, and (over --all) suggestions on an unowned step or
against cause and effect, and outside examples cited on their own story.
"""
import glob
import re
import subprocess
import sys

import yaml

STOP = set("a an the to of and or in on at for with what you your already it is be so that this "
           "de het een en van wat je u al dat".split())
PROCESS = re.compile(r"wacht|wait|lever|deliver|bezorg|verzend|ship|install|monteur|technician|"
                     r"aansluit|bezoek|visit|afspraak|plannen|onderweg", re.I)
IMPROVERS = ("soften-negatives", "strong-start", "amplify-peaks", "end-with-smile", "reorder-steps")


def idea_key(text):
    """An idea's words, as the cards compare them."""
    if not text:
        return None
    first = text.split(",")[0].lower().replace("pre-fill", "fill")
    words = [w.rstrip("s") for w in re.findall(r"[a-z0-9']+", first) if w not in STOP and w != "pre"]
    return " ".join(sorted(set(words)))


def suggestions(cjm, path, extra):
    out = subprocess.run([cjm, "suggest", path, "--format", "yaml"] + extra,
                         capture_output=True, text=True, check=False).stdout
    return [s for s in (yaml.safe_load(out) or []) if isinstance(s, dict)]


def figures(cjm):
    shown = repeats = same_target = unowned = cited = 0
    for path in sorted(glob.glob("maps/*.yaml") + glob.glob("tests/stories/*.yaml")):
        m = yaml.safe_load(open(path, encoding="utf-8"))
        tps = {t["id"]: t for p in m["phases"] for t in p.get("touchpoints", []) if "id" in t}
        owners = any("owner" in t for t in tps.values())
        keys, targets = set(), set()
        default = suggestions(cjm, path, [])
        shown += len(default)
        for s in default:
            k = idea_key((s.get("edit") or {}).get("text"))
            repeats += k in keys if k else 0
            keys.add(k)
            same_target += s.get("target") in targets
            targets.add(s.get("target"))
        about = (m.get("title", "") + " " + " ".join(p["name"] for p in m["phases"])).lower()
        for s in suggestions(cjm, path, ["--all"]):
            t = tps.get(s.get("target"))
            if t is None:
                continue
            if s["pattern"] in IMPROVERS and owners and "owner" not in t:
                unowned += 1
            if s["pattern"] == "reorder-steps" and PROCESS.search(t["name"]):
                unowned += 1
            text = s["rationale"] + " " + (s.get("edit") or {}).get("text", "")
            if ("Ace & Tate" in text and re.search("bril|glasses|montuur", about)) or \
               ("Audi" in text and re.search("audi|auto|car |dealer|fabriek|factory", about)):
                cited += 1
    return shown, repeats, same_target, unowned, cited


for label, cjm in (("before", sys.argv[1]), ("after", sys.argv[2])):
    shown, repeats, same_target, unowned, cited = figures(cjm)
    print(f"{label}: {shown} entries in the default lists, {repeats} repeated ideas, "
          f"{same_target} extra entries on a listed target, {unowned} on an unowned step or "
          f"against cause and effect (--all), {cited} outside examples on their own story (--all)")
