"""Score Rasid's entity stage on ANERcorp's official CAMeL Lab test split (span-level P/R/F1).

Each sentence is joined with spaces and run through normalize + find_entities; mention kinds map to
PERS (person), LOC (location) and ORG (organization, media_outlet, publication, platform); a
predicted mention covers every token it overlaps. Exact token-span matches count, MISC is ignored.
For reference, CAMeL Tools' published NER (fine-tuned CAMeLBERT) reaches about 83 F1 on this split.

    .venv/bin/python scripts/eval_anercorp.py [/work/shared/data/ner_anercorp/ANERCorp_CamelLab_test.txt]
"""
from __future__ import annotations

import bisect
import sys
from collections import Counter
from pathlib import Path

from rasid.model import CleanDoc
from rasid.resources import Resources
from rasid.stages.entities import find_entities
from rasid.stages.normalize import normalize

DEFAULT = Path("/work/shared/data/ner_anercorp/ANERCorp_CamelLab_test.txt")
KIND = {"person": "PERS", "location": "LOC", "organization": "ORG", "media_outlet": "ORG", "publication": "ORG",
        "platform": "ORG"}
CLASSES = ("PERS", "LOC", "ORG")


def read_conll(path: Path) -> list[list[tuple[str, str]]]:
    sents: list[list[tuple[str, str]]] = [[]]
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts:
            if sents[-1]:
                sents.append([])
            continue
        tag = parts[1] if len(parts) > 1 and parts[1][:2] in ("B-", "I-") or len(parts) > 1 and parts[1] == "O" else "O"
        sents[-1].append((parts[0], tag))
    return [s for s in sents if s]


def gold_spans(tags: list[str]) -> set[tuple[int, int, str]]:
    out, start, cls = set(), None, None
    for i, t in enumerate([*tags, "O"]):
        if start is not None and not (t.startswith("I-") and t[2:] == cls):
            out.add((start, i, cls))
            start = None
        if t.startswith("B-") or t.startswith("I-") and start is None:
            start, cls = i, t[2:]
    return {(s, e, "PERS" if c == "PERS" else c) for s, e, c in out if c in CLASSES}


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    path = Path(args[0]) if args else DEFAULT
    as_document = "--document" in sys.argv  # one text, so a surname links back across sentences
    res = Resources.load()
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    sents = read_conll(path)
    if as_document:
        sents = [[tok for s in sents for tok in s]]
    for n, sent in enumerate(sents):
        words = [w for w, _ in sent]
        text = " ".join(words)
        starts, pos = [], 0
        for w in words:
            starts.append(pos)
            pos += len(w) + 1
        mentions, _ = find_entities(normalize(CleanDoc(f"s{n}", "", text)), res)
        pred = set()
        for m in mentions:
            first = bisect.bisect_right(starts, m.start) - 1
            last = bisect.bisect_left(starts, m.end) - 1
            if 0 <= first <= last:
                pred.add((first, last + 1, KIND[m.kind]))
        gold = gold_spans([t for _, t in sent])
        for c in CLASSES:
            p = {x for x in pred if x[2] == c}
            g = {x for x in gold if x[2] == c}
            tp[c] += len(p & g)
            fp[c] += len(p - g)
            fn[c] += len(g - p)
    mode = "one document" if as_document else "sentence by sentence"
    print(f"ANERcorp CAMeL Lab test split ({mode}): {len(sents)} texts, {sum(len(s) for s in sents)} tokens; exact spans")
    print(f"{'class':6} {'P':>6} {'R':>6} {'F1':>6}   (tp, fp, fn)")
    for c in (*CLASSES, "all"):
        t = sum(tp.values()) if c == "all" else tp[c]
        f = sum(fp.values()) if c == "all" else fp[c]
        m = sum(fn.values()) if c == "all" else fn[c]
        p = t / (t + f) if t + f else 0.0
        r = t / (t + m) if t + m else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{c:6} {p:6.3f} {r:6.3f} {f1:6.3f}   ({t}, {f}, {m})")
    print("reference: CAMeL Tools NER (CAMeLBERT-MSA fine-tuned) ~0.83 F1 micro on this split (published)")


if __name__ == "__main__":
    main()
