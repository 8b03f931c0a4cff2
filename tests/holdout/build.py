#!/usr/bin/env python3
"""Writes gold.jsonl and input.jsonl from the hand annotations in _docs_a.py/_docs_b.py and validates them.

Hold-out set: do not tune rules on it. Run: python3 tests/holdout/build.py
"""
import glob, json, os, re, sys, unicodedata
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from _docs_a import DOCS
import _docs_b  # noqa: F401  (appends to DOCS)

CORPUS = "/work/shared/data"
rows = {}
for f in sorted(glob.glob(CORPUS + "/news_*/*.jsonl")):
    for line in open(f, encoding="utf-8"):
        r = json.loads(line)
        rows[r["id"]] = r
excluded = set()
for p in ("/work/shared/gold/dev-input.jsonl", os.path.join(HERE, "../gold/dev-input.jsonl")):
    excluded |= {json.loads(l)["id"] for l in open(p, encoding="utf-8")}
excluded |= {json.loads(l)["id"] for l in open(os.path.join(HERE, "../../benchmarks/stories/gold.jsonl"), encoding="utf-8")}
excluded_texts = {rows[i]["text"].strip()[:300] for i in excluded if i in rows}

DIAC = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
sys.path.insert(0, "/work/shared/eval")
from score import norm as _norm  # the scorer's own name normalisation
def n(s):
    return _norm(s)

ROLES = ("actors", "targets", "speakers", "places")
KINDS = {"organization", "person", "location", "media_outlet", "platform", "publication"}
errors, warnings, seen = [], [], set()
gold_lines, input_lines = [], []
for d in DOCS:
    i = d["doc_id"]
    if i in seen:
        errors.append(f"duplicate {i}")
    seen.add(i)
    r = rows[i]
    if i in excluded or r["text"].strip()[:300] in excluded_texts:
        errors.append(f"{i}: in an excluded set (public dev, tests/gold, stories benchmark)")
    if len(r["text"]) > 4000:
        errors.append(f"{i}: text longer than 4000")
    published = r.get("published") or (r.get("date_extracted") or "")[:10] or None
    body = n(r["title"] + "\n\n" + r["text"])
    canon = {}
    for e in d["entities"]:
        if e["kind"] not in KINDS:
            errors.append(f"{i}: bad kind {e['kind']}")
        name = e["names"][0]
        if name in canon:
            errors.append(f"{i}: duplicate canonical {name}")
        canon[name] = e
        out = []
        for a in e["names"]:
            if a not in out:
                out.append(a)
        e["names"] = out
        if not e.get("optional") and not any(n(a) in body for a in e["names"]):
            warnings.append(f"{i}: no alias of non-optional {name} occurs in the text")
    for ev in d["events"]:
        for role in ROLES:
            for f in ev[role]:
                if f not in canon:
                    errors.append(f"{i}: {ev['type']}/{ev['subtype']} {role} '{f}' is not a canonical entity name")
        dt = ev["date"]
        if dt is not None and not re.fullmatch(r"\d{4}-\d\d-\d\d|--\d\d-\d\d", dt):
            errors.append(f"{i}: bad date {dt}")
    # "id" (= canonical name) and "story_id" (= story): ignored by score.py on the gold side, they let
    # `score.py gold.jsonl gold.jsonl` resolve fillers and stories (self-check = 1.0).
    ents = [dict(e, id=e["names"][0]) for e in d["entities"]]
    gold_lines.append({"doc_id": i, "outlet": d["outlet"], "wires": d["wires"], "published": published,
                       "story": d["story"], "story_id": d["story"], "entities": ents, "events": d["events"]})
    input_lines.append({"id": i, "title": r["title"], "text": r["text"], "published": published, "outlet": r["outlet"]})
for w in warnings:
    print("warning:", w)
if errors:
    print("\n".join(errors))
    sys.exit(1)
with open(os.path.join(HERE, "gold.jsonl"), "w", encoding="utf-8") as f:
    for g in gold_lines:
        f.write(json.dumps(g, ensure_ascii=False) + "\n")
# Only the ids are kept in the repository (the texts stay under the corpora's terms);
# `python tests/corpus_inputs.py tests/holdout/input.ids OUT.jsonl` rebuilds the input lines.
with open(os.path.join(HERE, "input.ids"), "w", encoding="utf-8") as f:
    for g in input_lines:
        f.write(g["id"] + "\n")
with open(os.path.join(HERE, "input.jsonl"), "w", encoding="utf-8") as f:  # local copy, git-ignored
    for g in input_lines:
        f.write(json.dumps(g, ensure_ascii=False) + "\n")
print(f"wrote {len(gold_lines)} documents")
