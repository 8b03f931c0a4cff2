"""Incremental insert of one article through the real ingest path into a database of N documents.

``rasid ingest`` extracts a batch (``api.extract_files``: the per-document stages, then
``assign_stories`` within the batch) and stores it with ``SQLiteStore.save_batch``, which matches
each batch story against the stored stories (``store/stories.StoryBatch``), writes the document,
its entities, events and full text, its story signature and blocking keys, and recomputes the
touched story's record. This benchmark times that store step for a batch of one real article,
and the extraction step separately (it does not depend on the database size).

The database is built fast, without the per-document stages: N documents whose story signatures
are the synthetic ones of ``stories_scale.py`` (corpus signatures recombined, ~550 a day, 30%
re-posts), each with its ``documents`` row (short text, no events or full-text rows), its
``story_docs``/``story_index`` rows and its ``stories`` row. The inserted articles are real corpus
articles dated on the database's last day; half of them have two stored "sister" reports of the
same story (their signature, another outlet) so that the insert joins a stored story and rebuilds
its record, the other half start a new story.

Run: ``.venv/bin/python benchmarks/stories_ingest.py --db-docs 100000 [--inserts 200] [--db PATH]``
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from stories_scale import DATA, PER_DAY, START_DAY, base_features, rss_mb, synthetic

from rasid import api
from rasid.model import RawDoc
from rasid.pipeline import process
from rasid.stages.stories import assign_stories, story_id_for, story_rules
from rasid.stages.story_features import story_features
from rasid.store.sqlite import SQLiteStore
from rasid.store.stories import add_story_doc

NOW = "2024-01-01T00:00:00Z"


def _iso(day: int) -> str:
    return date.fromordinal(day).isoformat()


def build(path: Path, n: int) -> float:
    """A migrated database of ``n`` synthetic documents with their story rows; seconds taken."""
    t0 = time.perf_counter()
    bases = base_features()
    with SQLiteStore(path) as store:
        conn = store.connection
        conn.execute("BEGIN")
        for i, f in enumerate(synthetic(bases, n)):
            sid = story_id_for(f.doc_id)
            conn.execute("INSERT INTO documents (doc_id, content_hash, title, text, outlet, published, story_id,"
                         " ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                         (f.doc_id, f"syn{i:09d}", " ".join(t for t, _ in f.terms[:6]), "synthetic", "bench",
                          _iso(f.day or START_DAY), sid, NOW))
            add_story_doc(conn, f"syn{i:09d}", sid, f)
            if i % 50_000 == 49_999:
                conn.execute("COMMIT")
                print(f"  {i + 1:>9,} documents  {time.perf_counter() - t0:6.0f} s  RSS {rss_mb():.0f} MB", flush=True)
                conn.execute("BEGIN")
        conn.execute("INSERT INTO stories (story_id, first_seen, last_seen, n_docs) SELECT story_id, MIN(published),"
                     " MAX(published), COUNT(*) FROM documents GROUP BY story_id"
                     " ON CONFLICT (story_id) DO NOTHING")
        conn.execute("COMMIT")
    return time.perf_counter() - t0


def articles(k: int, day: int, seed: int = 5) -> list[RawDoc]:
    """``k`` real corpus articles, dated on ``day``."""
    rows = [json.loads(line) for p in sorted(DATA.glob("news_*/*.jsonl")) for line in p.open(encoding="utf-8")]
    rnd = random.Random(seed)
    picked = rnd.sample([r for r in rows if len(r.get("text", "")) > 400], k)
    return [RawDoc(f"bench-{r['id']}", "bench", r.get("title", ""), r["text"], published=_iso(day),
                   outlet=r.get("outlet")) for r in picked]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db-docs", type=int, default=100_000)
    ap.add_argument("--inserts", type=int, default=200)
    ap.add_argument("--db", type=Path, default=None, help="database file to build (or reuse, with --reuse)")
    ap.add_argument("--reuse", action="store_true", help="reuse an existing --db (built by an earlier run)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or Path(tmp) / "ingest.db"
        if not args.reuse:
            if path.exists():
                sys.exit(f"{path} exists; remove it or pass --reuse")
            print(f"building a database of {args.db_docs:,} documents at {path}", flush=True)
            build_s = build(path, args.db_docs)
        else:
            build_s = 0.0
        res = api.load_resources()
        rules = story_rules(res)
        last_day = START_DAY + (args.db_docs - 1) // PER_DAY
        raws = articles(args.inserts, last_day)
        ex_ms, store_ms, join_ms, new_ms = [], [], [], []
        with SQLiteStore(path) as store:
            conn = store.connection
            joined = set()
            conn.execute("BEGIN")
            for k, raw in enumerate(raws):  # sisters: two stored reports of half the articles' stories
                if k % 2:
                    continue
                x = process(raw, res)
                f = story_features(x, rules)
                sid = story_id_for(f"sister-{k}")
                for s in range(2):
                    key = f"sister-{k}-{s}-{args.db_docs}"
                    conn.execute("INSERT INTO documents (doc_id, content_hash, title, text, outlet, published,"
                                 " story_id, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                                 (key, key, x.clean.title, x.clean.text, f"outlet-{s}", raw.published, sid, NOW))
                    add_story_doc(conn, key, sid, replace(f, doc_id=key, outlet=f"outlet-{s}"))
                joined.add(raw.doc_id)
            conn.execute("COMMIT")
            n_docs = int(conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0])
            for raw in raws:
                t = time.perf_counter()
                (x,) = assign_stories([process(raw, res)], res)  # what api.extract_files does for a batch of one
                t1 = time.perf_counter()
                store.save_batch([x], [], "bench", story_rules=rules)
                t2 = time.perf_counter()
                ex_ms.append((t1 - t) * 1000)
                store_ms.append((t2 - t1) * 1000)
                (join_ms if raw.doc_id in joined else new_ms).append((t2 - t1) * 1000)
            n_joined = int(conn.execute(
                "SELECT COUNT(*) FROM documents d WHERE d.doc_id LIKE 'bench-%' AND EXISTS (SELECT 1 FROM documents s"
                " WHERE s.story_id = d.story_id AND s.doc_id LIKE 'sister-%')").fetchone()[0])
        size_mb = path.stat().st_size / 1e6

        def q(xs: list[float], p: float) -> float:
            xs = sorted(xs)
            return round(xs[min(len(xs) - 1, int(p * len(xs)))], 2)

        out = {"db_docs": n_docs, "build_s": round(build_s, 1), "db_mb": round(size_mb),
               "inserts": len(raws), "joined_stored_story": n_joined, "expected_joins": len(joined),
               "store_median_ms": round(statistics.median(store_ms), 2), "store_p95_ms": q(store_ms, 0.95),
               "store_join_median_ms": round(statistics.median(join_ms), 2) if join_ms else None,
               "store_new_median_ms": round(statistics.median(new_ms), 2) if new_ms else None,
               "extract_median_ms": round(statistics.median(ex_ms), 2), "extract_p95_ms": q(ex_ms, 0.95),
               "peak_rss_mb": round(rss_mb())}
        print(json.dumps(out))


if __name__ == "__main__":
    main()
