"""Story clustering quality on real articles: Rasid vs a plain TF-IDF text-similarity baseline.

Reads ``benchmarks/stories/gold.jsonl`` (id -> story, built by ``benchmarks/stories/build_gold.py``),
takes each article's title and text from ``/work/shared/data/news_*``, runs the whole Rasid pipeline
(``pipeline.extract_all``, story stage included) and reports pairwise and B-cubed precision, recall
and F1. The baseline is word-unigram TF-IDF cosine over the whole folded text (idf from the
benchmark's own articles), single-link above a threshold, within the same 3-day window Rasid uses;
it is shown at its usual threshold 0.5 and at the threshold that suits it best on this gold
(an upper bound for it).

Run: ``.venv/bin/python benchmarks/stories_quality.py [--json]``
"""
from __future__ import annotations

import argparse
import json
import math
import sys
import time
from collections import Counter
from datetime import date
from itertools import combinations
from pathlib import Path

from rasid import api
from rasid.model import RawDoc
from rasid.pipeline import extract_all
from rasid.stages.normalize import fold

HERE = Path(__file__).parent
DATA = Path("/work/shared/data")


def load(gold_path: Path) -> tuple[list[RawDoc], dict[str, str]]:
    gold = {d["id"]: d for d in map(json.loads, gold_path.open(encoding="utf-8"))}
    raws = {}
    for path in sorted(DATA.glob("news_*/*.jsonl")):
        for line in path.open(encoding="utf-8"):
            d = json.loads(line)
            if d["id"] in gold:
                g = gold[d["id"]]
                raws[d["id"]] = RawDoc(d["id"], str(path), d.get("title", ""), d.get("text", ""), url=d.get("url"),
                                       published=g["published"], outlet=d.get("outlet"))
    return [raws[i] for i in gold], {i: g["story"] for i, g in gold.items()}


def pairwise(gold: dict[str, str], pred: dict[str, str]) -> dict[str, float]:
    tp = fp = fn = 0
    for a, b in combinations(sorted(gold), 2):
        g, p = gold[a] == gold[b], pred[a] == pred[b]
        tp += g and p
        fp += p and not g
        fn += g and not p
    return _prf(tp / (tp + fp) if tp + fp else 1.0, tp / (tp + fn) if tp + fn else 1.0)


def bcubed(gold: dict[str, str], pred: dict[str, str]) -> dict[str, float]:
    gs: dict[str, set[str]] = {}
    ps: dict[str, set[str]] = {}
    for i, g in gold.items():
        gs.setdefault(g, set()).add(i)
        ps.setdefault(pred[i], set()).add(i)
    p = sum(len(gs[gold[i]] & ps[pred[i]]) / len(ps[pred[i]]) for i in gold) / len(gold)
    r = sum(len(gs[gold[i]] & ps[pred[i]]) / len(gs[gold[i]]) for i in gold) / len(gold)
    return _prf(p, r)


def _prf(p: float, r: float) -> dict[str, float]:
    return {"P": round(p, 3), "R": round(r, 3), "F1": round(2 * p * r / (p + r) if p + r else 0.0, 3)}


def tfidf_baseline(raws: list[RawDoc], threshold: float, window: int = 3) -> dict[str, str]:
    """Plain text similarity: TF-IDF cosine of whole texts, single-link above ``threshold``."""
    bags = [Counter(fold(f"{r.title} {r.text}").split()) for r in raws]
    df = Counter(w for b in bags for w in b)
    n = len(raws)
    vecs = []
    for b in bags:
        v = {w: (1 + math.log(c)) * math.log(n / df[w]) for w, c in b.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vecs.append({w: x / norm for w, x in v.items()})
    days = [date.fromisoformat(r.published).toordinal() if r.published else 0 for r in raws]
    root = list(range(n))

    def find(i: int) -> int:
        while root[i] != i:
            root[i] = root[root[i]]
            i = root[i]
        return i

    for i, j in combinations(range(n), 2):
        if abs(days[i] - days[j]) > window:
            continue
        a, b = (vecs[i], vecs[j]) if len(vecs[i]) < len(vecs[j]) else (vecs[j], vecs[i])
        if sum(x * b.get(w, 0.0) for w, x in a.items()) >= threshold:
            root[find(i)] = find(j)
    return {r.doc_id: str(find(k)) for k, r in enumerate(raws)}


def show_errors(results: list, gold: dict[str, str], pred: dict[str, str], res: object) -> None:
    """Print each missed same-story pair and each false link with the decision rule's verdict."""
    from rasid.stages.stories import story_rules
    from rasid.stages.story_features import link_score, story_features
    rules = story_rules(res)  # type: ignore[arg-type]
    by_id = {x.clean.doc_id: x for x in results}
    feats = {i: story_features(x, rules) for i, x in by_id.items()}
    for label, want in (("MISSED", True), ("FALSE", False)):
        for a, b in combinations(sorted(gold), 2):
            if (gold[a] == gold[b]) == want and (pred[a] == pred[b]) != want:
                lk = link_score(feats[a], feats[b])
                print(f"{label} {gold[a] if want else gold[a] + ' / ' + gold[b]}: score {lk.score:.2f} "
                      f"{'VETO ' if lk.veto else ''}{lk.reason}")
                for i in (a, b):
                    x = by_id[i]
                    ev = "; ".join(f"{e.type}/{e.subtype} d={e.date.start[:10] if e.date else None} "
                                   f"p={sorted(e.places)} s={sorted(e.speakers)} t={sorted(e.targets)}"
                                   for e in x.events if e.core)
                    print(f"   {i} [{x.clean.outlet}] {x.clean.published} {x.clean.title[:90]}\n      {ev}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=HERE / "stories" / "gold.jsonl")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--misses", action="store_true", help="list missed same-story pairs and false links")
    args = ap.parse_args()
    raws, gold = load(args.gold)
    res = api.load_resources()
    t0 = time.perf_counter()
    results = extract_all(raws, res)
    elapsed = time.perf_counter() - t0
    pred = {x.clean.doc_id: x.story_id for x in results}
    n_pairs = sum(c * (c - 1) // 2 for c in Counter(gold.values()).values())
    rows = {"rasid": {"pairwise": pairwise(gold, pred), "bcubed": bcubed(gold, pred)}}
    best = max((pairwise(gold, tfidf_baseline(raws, t / 20))["F1"], t / 20) for t in range(4, 19))
    for name, t in (("tfidf@0.50", 0.5), (f"tfidf@{best[1]:.2f} (best)", best[1])):
        b = tfidf_baseline(raws, t)
        rows[name] = {"pairwise": pairwise(gold, b), "bcubed": bcubed(gold, b)}
    print(f"{len(raws)} articles, {len(set(gold.values()))} gold stories, {n_pairs} same-story pairs; "
          f"pipeline {elapsed:.1f}s")
    print(f"{'system':24} {'pairwise P':>10} {'R':>6} {'F1':>6}   {'B3 P':>6} {'R':>6} {'F1':>6}")
    for name, m in rows.items():
        pw, b3 = m["pairwise"], m["bcubed"]
        print(f"{name:24} {pw['P']:>10.3f} {pw['R']:>6.3f} {pw['F1']:>6.3f}   {b3['P']:>6.3f} {b3['R']:>6.3f} {b3['F1']:>6.3f}")
    if args.misses:
        show_errors(results, gold, pred, res)
    if args.json:
        json.dump(rows, sys.stdout, ensure_ascii=False)
        print()


if __name__ == "__main__":
    main()
