#!/usr/bin/env python3
"""Writes dev.jsonl and dev-input.jsonl from the hand annotations in _docs_*.py and validates them.

The annotations are written by hand in _docs_a.py, _docs_b.py, _docs_c.py (a small helper library,
_lib.py, only supplies canonical alias lists and coordinates). Run: python3 tests/gold/build.py
"""
import glob, json, os, sys
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from _docs_a import DOCS
import _docs_b  # noqa: F401  (appends to DOCS)
try:
    import _docs_c  # noqa: F401
except ImportError:
    pass

CORPUS = "/work/shared/data"
rows = {}
for f in sorted(glob.glob(CORPUS + "/news_*/*.jsonl")):
    for line in open(f, encoding="utf-8"):
        r = json.loads(line)
        rows[r["id"]] = r
public = {json.loads(l)["id"] for l in open("/work/shared/gold/dev-input.jsonl", encoding="utf-8")}

ROLES = ("actors", "targets", "speakers", "places")
KINDS = {"organization", "person", "location", "media_outlet", "platform", "publication"}
errors, seen = [], set()
gold_lines, input_lines = [], []
for d in DOCS:
    i = d["doc_id"]
    assert i not in seen, f"duplicate {i}"
    seen.add(i)
    if i in public:
        errors.append(f"{i}: in public dev set")
    r = rows[i]
    if len(r["text"]) > 5000:
        errors.append(f"{i}: text longer than 5000")
    published = r.get("published") or (r.get("date_extracted") or "")[:10] or None
    canon = {}
    for e in d["entities"]:
        if e["kind"] not in KINDS:
            errors.append(f"{i}: bad kind {e['kind']}")
        n = e["names"][0]
        if n in canon:
            errors.append(f"{i}: duplicate canonical {n}")
        canon[n] = e
        # dedupe aliases, keep order
        out = []
        for a in e["names"]:
            if a not in out:
                out.append(a)
        e["names"] = out
        if e["kind"] != "location" and "lat" in e:
            errors.append(f"{i}: coordinates on non-location {n}")
    for ev in d["events"]:
        for role in ROLES:
            for f in ev[role]:
                if f not in canon:
                    errors.append(f"{i}: {ev['type']}/{ev['subtype']} {role} '{f}' is not a canonical entity name")
        dt = ev["date"]
        if dt is not None and not (len(dt) == 10 and (dt[4] == "-" or dt.startswith("--")) or (dt.startswith("--") and len(dt) == 7)):
            errors.append(f"{i}: bad date {dt}")
    # "id" (= canonical name) and "story_id" (= story) are extra fields: score.py ignores them on the gold
    # side, but they let `score.py dev.jsonl dev.jsonl` resolve fillers and stories (self-check = 1.0).
    ents = [dict(e, id=e["names"][0]) for e in d["entities"]]
    gold_lines.append({"doc_id": i, "outlet": d["outlet"], "wires": d["wires"], "published": published,
                       "story": d["story"], "story_id": d["story"], "entities": ents, "events": d["events"]})
    input_lines.append({"id": i, "title": r["title"], "text": r["text"], "published": published,
                        "outlet": r["outlet"], "url": r.get("url")})
if errors:
    print("\n".join(errors))
    sys.exit(1)
with open(os.path.join(HERE, "dev.jsonl"), "w", encoding="utf-8") as f:
    for g in gold_lines:
        f.write(json.dumps(g, ensure_ascii=False) + "\n")
# Only the ids are kept in the repository (the texts stay under the corpora's terms);
# `python tests/corpus_inputs.py tests/gold/dev.ids OUT.jsonl` rebuilds the input lines.
with open(os.path.join(HERE, "dev.ids"), "w", encoding="utf-8") as f:
    for g in input_lines:
        f.write(g["id"] + "\n")
with open(os.path.join(HERE, "dev-input.jsonl"), "w", encoding="utf-8") as f:  # local copy, git-ignored
    for g in input_lines:
        f.write(json.dumps(g, ensure_ascii=False) + "\n")
print(f"wrote {len(gold_lines)} documents")
