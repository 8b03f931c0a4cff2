"""Attack detection on sentences nobody tuned Rasid on: the OEDA Arabic ASSAULT gold standard.

``shared/data/events_arabic_gsr/assault_gsr.csv`` (Open Event Data Alliance, MIT; the sentences come
from LDC Arabic Gigaword, so they are read in place and never copied into this repository) holds
3,224 news sentences of 2006-2008 that several annotators labelled for a PLOVER/CAMEO ASSAULT event:
``yes``, ``easy no``, ``difficult no`` or ``ambiguous`` (left out here). Each sentence runs through
the whole pipeline as a one-sentence article; a sentence counts as detected when Rasid finds an
attack or an execution in it.

Recall is the figure to watch. Precision is a floor, not a measure: the annotators said "no" to
sentences that only mention an earlier attack ("استنكرت الرئاسة الهجوم", "اغتيال الحريري"), which
Rasid, following the gold policy of this project, records as background events.

Run: ``.venv/bin/python benchmarks/assault_sentences.py [--shared ../shared] [--show N] [--json]``
"""
from __future__ import annotations

import argparse
import csv
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from rasid import api
from rasid.model import RawDoc
from rasid.pipeline import extract_all

ASSAULT_TYPES = {"attack", "execution"}


def read_gold(shared: Path) -> list[dict[str, str]]:
    path = shared / "data" / "events_arabic_gsr" / "assault_gsr.csv"
    with path.open(encoding="utf-8", newline="") as f:
        return [row for row in csv.DictReader(f) if row["label"] != "ambiguous"]


def detect(rows: list[dict[str, str]]) -> dict[str, list[str]]:
    """Sentence id -> the attack/execution subtypes Rasid finds in it."""
    res = api.load_resources()
    docs = [RawDoc(doc_id=r["id"], source=f"assault_gsr.csv:{r['id']}", text=r["text"]) for r in rows]
    return {x.clean.doc_id: [f"{e.type}/{e.subtype}" for e in x.events if e.type in ASSAULT_TYPES]
            for x in extract_all(docs, res)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--show", type=int, default=0, help="print this many missed and extra sentences")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    rows = read_gold(a.shared)
    t0 = time.perf_counter()
    found = detect(rows)
    seconds = time.perf_counter() - t0
    tp = fp = fn = tn = 0
    missed, extra = [], []
    for r in rows:
        hit, yes = bool(found.get(r["id"])), r["label"] == "yes"
        tp += hit and yes
        fp += hit and not yes
        fn += yes and not hit
        tn += not hit and not yes
        if yes and not hit:
            missed.append(r["text"])
        elif hit and not yes:
            extra.append(f"{found[r['id']]} {r['text']}")
    p, rc = tp / max(1, tp + fp), tp / max(1, tp + fn)
    f1 = 2 * p * rc / (p + rc) if p + rc else 0.0
    figures = {"sentences": len(rows), "yes": tp + fn, "recall": round(rc, 3), "precision": round(p, 3),
               "f1": round(f1, 3), "tp": tp, "fp": fp, "fn": fn, "tn": tn, "seconds": round(seconds, 1)}
    print(f"{len(rows)} sentences ({tp + fn} with an assault), {seconds:.1f} s")
    print(f"assault recall {rc:.3f}  precision {p:.3f}  F1 {f1:.3f}  (tp {tp}, fp {fp}, fn {fn}, tn {tn})")
    if a.show:
        rng = random.Random(13)
        print("-- missed")
        for s in rng.sample(missed, min(a.show, len(missed))):
            print("  ", s[:200])
        print("-- found in a 'no' sentence")
        for s in rng.sample(extra, min(a.show, len(extra))):
            print("  ", s[:200])
    if a.json:
        print(json.dumps(figures))


if __name__ == "__main__":
    main()
