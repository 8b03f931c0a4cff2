"""Story clustering at scale: 1,000,000 documents streamed in bounded memory, and one incremental
insert into a database of 1,000,000 (median latency).

Signatures are synthetic but derived from the corpora: the story signatures
(:func:`rasid.stages.story_features.story_features`, title and text only) of the 4,122 articles of
``/work/shared/data/news_*`` are recombined into new stories (a random half of the lead terms
replaced by tokens unique to the new story, a fresh MinHash) at ~550 articles a day, and 30% of
the documents are re-posts of a story of the last days (MinHash with 10% of its values changed,
the same lead terms): the volume and duplication of a large Arabic news feed.

Run: ``.venv/bin/python benchmarks/stories_scale.py [--docs 1000000] [--db-docs 1000000] [--inserts 200]``
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import tempfile
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from rasid import api
from rasid.model import CleanDoc, Extraction
from rasid.stages.stories import story_id_for, story_rules, stream_stories
from rasid.stages.story_features import StoryFeatures, story_features
from rasid.store.sqlite import SQLiteStore
from rasid.store.stories import add_story_doc, assign_story, features_to_json

DATA = Path("/work/shared/data")
PER_DAY = 550
START_DAY = 735000


def base_features() -> list[StoryFeatures]:
    rules = story_rules(api.load_resources())
    out = []
    for path in sorted(DATA.glob("news_*/*.jsonl")):
        for line in path.open(encoding="utf-8"):
            d = json.loads(line)
            x = Extraction(CleanDoc(d["id"], d.get("title", ""), d.get("text", "")), (), ())
            out.append(story_features(x, rules))
    return out


def synthetic(bases: list[StoryFeatures], n: int, seed: int = 7) -> Iterator[StoryFeatures]:
    rnd = random.Random(seed)
    recent: list[StoryFeatures] = []
    for k in range(n):
        day = START_DAY + k // PER_DAY
        if recent and rnd.random() < 0.3:
            src = rnd.choice(recent)
            mh = tuple(v if rnd.random() > 0.1 else rnd.getrandbits(32) for v in src.minhash)
            yield replace(src, doc_id=f"d{k}", minhash=mh, day=day)
            continue
        b = rnd.choice(bases)
        terms = tuple((t if rnd.random() < 0.5 else f"s{k}_{i}", w) for i, (t, w) in enumerate(b.terms))
        f = StoryFeatures(f"d{k}", tuple(rnd.getrandbits(32) for _ in b.minhash), terms, (), day)
        recent.append(f)
        if len(recent) > 3 * PER_DAY:
            recent.pop(0)
        yield f


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench_stream(bases: list[StoryFeatures], n: int) -> dict[str, object]:
    t0 = time.perf_counter()
    last = t0
    stories: set[str] = set()
    rows = []
    for i, (_, sid) in enumerate(stream_stories(synthetic(bases, n)), 1):
        stories.add(sid) if len(stories) < 2_000_000 else None
        if i % 100_000 == 0:
            now = time.perf_counter()
            rows.append({"docs": i, "s_per_100k": round(now - last, 1), "peak_rss_mb": round(rss_mb())})
            print(f"  {i:>9,} docs  {now - last:6.1f} s/100k  peak RSS {rss_mb():7.0f} MB", flush=True)
            last = now
    return {"docs": n, "total_s": round(time.perf_counter() - t0, 1), "stories": len(stories), "by_100k": rows}


def bench_insert(bases: list[StoryFeatures], n_db: int, inserts: int, path: Path) -> dict[str, object]:
    store = SQLiteStore(path)  # migrated schema (story tables: migration 3), WAL
    conn = store.connection
    t0 = time.perf_counter()
    conn.execute("BEGIN")
    for i, f in enumerate(synthetic(bases, n_db)):
        add_story_doc(conn, f.doc_id, story_id_for(f.doc_id), f)
        if i % 100_000 == 99_999:
            conn.execute("COMMIT")
            conn.execute("BEGIN")
    conn.execute("COMMIT")
    build_s = time.perf_counter() - t0
    rules = story_rules(api.load_resources())
    rnd = random.Random(3)
    last_day = START_DAY + (n_db - 1) // PER_DAY
    times = []
    for k in range(inserts):
        b = rnd.choice(bases)
        src = json.loads(features_to_json(b))
        x = Extraction(CleanDoc(f"new{k}", " ".join(t for t, _ in b.terms[:8]), " ".join(t for t, _ in b.terms),
                                published=_iso(last_day)), (), (), content_hash=f"new{k}")
        del src
        t = time.perf_counter()
        conn.execute("BEGIN")
        assign_story(conn, x, rules)
        conn.execute("COMMIT")
        times.append((time.perf_counter() - t) * 1000)
    store.close()
    times.sort()
    return {"db_docs": n_db, "build_s": round(build_s, 1), "db_mb": round(path.stat().st_size / 1e6),
            "inserts": inserts, "median_ms": round(statistics.median(times), 2),
            "p95_ms": round(times[int(0.95 * len(times)) - 1], 2)}


def _iso(day: int) -> str:
    from datetime import date

    return date.fromordinal(day).isoformat()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=1_000_000)
    ap.add_argument("--db-docs", type=int, default=1_000_000)
    ap.add_argument("--inserts", type=int, default=200)
    ap.add_argument("--db", type=Path, default=None, help="database file (default: a temporary one)")
    args = ap.parse_args()
    bases = base_features()
    print(f"{len(bases)} corpus signatures; RSS after loading {rss_mb():.0f} MB")
    result: dict[str, object] = {}
    if args.docs:
        print(f"stream clustering of {args.docs:,} documents")
        result["stream"] = bench_stream(bases, args.docs)
    if args.db_docs:
        with tempfile.TemporaryDirectory() as tmp:
            path = args.db or Path(tmp) / "stories.db"
            print(f"incremental insert into a database of {args.db_docs:,} documents ({path})")
            result["insert"] = bench_insert(bases, args.db_docs, args.inserts, path)
            print(f"  {result['insert']}")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
