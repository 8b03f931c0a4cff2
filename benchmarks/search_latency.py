"""Search and filter latency, bulk ingest rate and size per 1,000 documents on a generated database.

Documents are realistic Arabic news text: titles and sentences drawn at random from the corpora in
../shared/data/news_*, with 1-2 events each (types, actors and places from the knowledge base), so
that filters and full-text queries behave as on real data. They are written straight into the
database with bulk inserts (not through the extraction pipeline), through the same schema,
migrations and search keys as ``rasid ingest``.

    .venv/bin/python benchmarks/search_latency.py --docs 20000            # quick
    .venv/bin/python benchmarks/search_latency.py --docs 1000000 --db /tmp/bench.db
    .venv/bin/python benchmarks/search_latency.py --docs 20000 --db postgresql://rasid:rasid@localhost/rasid_bench
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import sys
import time
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from rasid import query
from rasid.api import load_resources
from rasid.stages.normalize import fold
from rasid.store.sql import Database
from rasid.store.textindex import index_text, tsvector_literal

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
ACTORS = ["wd:Q2429253", "rasid:org:syrian-democratic-forces", "rasid:org:hay-at-tahrir-al-sham",
          "rasid:org:people-s-defense-units", "wd:Q34490", "rasid:org:popular-mobilization-forces"]
TYPES = [("attack", "bombing"), ("attack", "armed_assault"), ("attack", "shelling"), ("media_release", "video"),
         ("media_release", "statement"), ("threat", "threat"), ("military_operation", "clash"),
         ("arrest", "arrest"), ("execution", "shooting"), ("territorial_change", "capture")]
OUTLETS = ["بلدي نيوز", "عنب بلدي", "الجزيرة", "العربية", "سكاي نيوز عربية", "BBC", "الشرق الأوسط"]
QUERIES = ["غزوة الثأر", "داعش", "تنظيم الدولة الإسلامية", "دير الزور", "قوات سوريا الديمقراطية", "تفجير انتحاري",
           "الموصل", "\"التحالف الدولي\"", "إصدار مرئي", "الحشد الشعبي", "هيئة تحرير الشام إدلب", "مقتل قيادي"]


def _corpus() -> tuple[list[str], list[str]]:
    titles: list[str] = []
    sentences: list[str] = []
    for path in sorted(SHARED.glob("news_*/*.jsonl")):
        for line in path.open(encoding="utf-8"):
            d = json.loads(line)
            if d.get("title"):
                titles.append(d["title"].replace("&#8220;", "“").replace("&#8221;", "”"))
            for s in (d.get("text") or d.get("abstract") or "").replace("\n", " ").split(". "):
                if 30 <= len(s) <= 400:
                    sentences.append(s.strip() + ".")
    if not sentences:
        sys.exit(f"no corpus under {SHARED}: ../shared must sit beside the repository")
    return titles, sentences


_STATE: dict[str, Any] = {}


def _init(titles: list[str], sentences: list[str], places: list[str], dialect: str) -> None:
    _STATE.update(titles=titles, sentences=sentences, places=places, dialect=dialect)


def _make_batch(args: tuple[int, int]) -> dict[str, list[Any]]:
    """Rows for documents start..start+n-1 (ids are assigned here, so workers can run in parallel)."""
    start, n = args
    rnd = random.Random(start)
    s, titles, places = _STATE["sentences"], _STATE["titles"], _STATE["places"]
    out: dict[str, list[Any]] = {"documents": [], "fts": [], "events": [], "roles": [], "mentions": []}
    for doc in range(start, start + n):
        title = rnd.choice(titles)
        body = "\n".join(" ".join(rnd.sample(s, rnd.randint(2, 3))) for _ in range(rnd.randint(1, 3)))
        day = f"{rnd.randint(2014, 2024)}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
        out["documents"].append({"id": doc, "doc_id": f"bench-{doc}", "content_hash": f"bench{doc:012d}",
                                 "title": title, "text": body, "outlet": rnd.choice(OUTLETS), "wires": "[]",
                                 "published": day, "language": "ar", "url": None, "story_id": f"story:b{doc // 3}",
                                 "ingested_at": "2025-01-01T00:00:00Z"})
        if _STATE["dialect"] == "sqlite":
            out["fts"].append({"rowid": doc, "title": index_text(title), "body": index_text(body)})
        else:
            out["fts"].append({"d": doc, "v": tsvector_literal(title, body)})
        actor = rnd.choice(ACTORS)
        place = rnd.choice(places)
        out["mentions"] += [{"doc": doc, "e": actor, "s": 0, "t": 4, "surface": title[:4]},
                            {"doc": doc, "e": place, "s": 5, "t": 9, "surface": title[5:9]}]
        for seq in range(rnd.randint(1, 2)):
            ev = doc * 2 + seq
            typ, sub = rnd.choice(TYPES)
            attrs = {"fatalities": rnd.randint(0, 12)} if typ == "attack" else {}
            out["events"].append({"id": ev, "doc": doc, "seq": seq, "type": typ, "subtype": sub, "core": seq == 0,
                                  "ds": day, "de": day, "dp": "day", "dt": None, "attrs": json.dumps(attrs),
                                  "conf": 0.7, "summary": f"{typ} {sub}", "evidence": "[[0, 40]]"})
            out["roles"] += [{"ev": ev, "role": "actor", "e": actor, "pos": 0},
                             {"ev": ev, "role": "place", "e": place, "pos": 0}]
            if typ in ("attack", "threat") and rnd.random() < 0.5:
                out["roles"].append({"ev": ev, "role": "target", "e": rnd.choice([a for a in ACTORS if a != actor]),
                                     "pos": 0})
    return out


def _insert(conn: Any, dialect: str, b: dict[str, list[Any]]) -> None:
    conn.execute(sa.text("INSERT INTO documents (id, doc_id, content_hash, title, text, outlet, wires, published,"
                         " language, url, story_id, ingested_at) VALUES (:id, :doc_id, :content_hash, :title, :text,"
                         " :outlet, :wires, :published, :language, :url, :story_id, :ingested_at)"), b["documents"])
    if dialect == "sqlite":
        conn.execute(sa.text("INSERT INTO documents_fts (rowid, title, body) VALUES (:rowid, :title, :body)"), b["fts"])
    else:
        conn.execute(sa.text("UPDATE documents SET folded_tsv = CAST(:v AS tsvector) WHERE id = :d"), b["fts"])
    conn.execute(sa.text("INSERT INTO mentions (doc, entity_id, start_char, end_char, surface) VALUES"
                         " (:doc, :e, :s, :t, :surface) ON CONFLICT DO NOTHING"), b["mentions"])
    conn.execute(sa.text("INSERT INTO events (id, doc, seq, type, subtype, core, date_start, date_end, date_precision,"
                         " date_text, attributes, confidence, summary, evidence) VALUES (:id, :doc, :seq, :type,"
                         " :subtype, :core, :ds, :de, :dp, :dt, :attrs, :conf, :summary, :evidence)"), b["events"])
    conn.execute(sa.text("INSERT INTO event_roles (event_id, role, entity_id, position) VALUES (:ev, :role, :e, :pos)"
                         " ON CONFLICT DO NOTHING"), b["roles"])


def generate(db: Database, n_docs: int, batch: int = 2000, workers: int = 0) -> float:
    """Bulk-insert ``n_docs`` generated documents; returns documents per second."""
    res = load_resources()
    titles, sentences = _corpus()
    places = sorted(e.id for e in res.entries.values() if e.kind == "location" and e.country in ("SY", "IQ"))
    used = set(ACTORS) | set(places)
    with db.write() as conn:
        have = int(conn.execute(sa.text("SELECT COALESCE(MAX(id), 0) FROM documents")).scalar_one())
        ents = [res.entries[i] for i in sorted(used) if i in res.entries]
        conn.execute(sa.text("INSERT INTO entities (id, kind, name_en, name_ar, lat, lon, country, admin1, precision,"
                             " parent) VALUES (:id, :kind, :en, :ar, :lat, :lon, :c, :a1, :p, :parent)"
                             " ON CONFLICT (id) DO NOTHING"),
                     [{"id": e.id, "kind": e.kind, "en": e.name_en, "ar": e.name_ar, "lat": e.lat, "lon": e.lon,
                       "c": e.country, "a1": e.admin1, "p": e.precision, "parent": e.parent} for e in ents])
        conn.execute(sa.text("INSERT INTO entity_aliases (entity_id, alias, folded) VALUES (:e, :a, :f)"
                             " ON CONFLICT DO NOTHING"),
                     [{"e": e.id, "a": a, "f": fold(a)} for e in ents for a in e.all_names])
    todo = [(have + 1 + i, min(batch, n_docs - i)) for i in range(0, n_docs, batch)]
    workers = workers or max(1, (os.cpu_count() or 2) - 1)
    t0 = time.perf_counter()
    done = 0
    with multiprocessing.get_context("fork").Pool(workers, _init, (titles, sentences, places, db.dialect)) as pool:
        for b in pool.imap(_make_batch, todo):
            with db.write() as conn:
                _insert(conn, db.dialect, b)
            done += len(b["documents"])
            if done % 100_000 < batch:
                print(f"  {done:,} documents, {done / (time.perf_counter() - t0):,.0f}/s", file=sys.stderr)
    if db.dialect == "postgresql":
        with db.write() as conn:
            conn.exec_driver_sql("ANALYZE")
            conn.exec_driver_sql("SELECT setval(pg_get_serial_sequence('documents', 'id'), (SELECT MAX(id) FROM documents))")
            conn.exec_driver_sql("SELECT setval(pg_get_serial_sequence('events', 'id'), (SELECT MAX(id) FROM events))")
    else:
        with db.write() as conn:
            conn.exec_driver_sql("ANALYZE")
        with db.read() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    return n_docs / (time.perf_counter() - t0)


def _time(fn: Any, reps: int) -> list[float]:
    out = []
    for _ in range(reps):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return out


def _pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, round(p / 100 * (len(xs) - 1)))]


def measure(db: Database, reps: int = 5) -> dict[str, dict[str, float]]:
    res = load_resources()
    F = query.Filters
    cases: dict[str, list[Any]] = {
        "search (12 typical queries)": [lambda q=q: query.search(db, q, limit=20, res=res) for q in QUERIES],
        "search + type filter": [lambda q=q: query.search(db, q, F(type="attack"), limit=20, res=res)
                                 for q in QUERIES[:6]],
        "events: actor=Islamic State, type": [lambda: query.list_events(db, F(actor="Islamic State",
                                                                               type="media_release"), res=res)],
        "events: place=Deir ez-Zor, >3 killed": [lambda: query.list_events(db, F(place="Deir ez-Zor", type="attack",
                                                                                  min_fatalities=4), res=res)],
        "events: actor + entity + since": [lambda: query.list_events(
            db, F(type="media_release", actor="Islamic State", entity="SDF", since="2019-03"), res=res)],
    }
    out = {}
    for name, fns in cases.items():
        for fn in fns:
            fn()  # warm the page cache and the resolver
        ms = [t for fn in fns for t in _time(fn, reps)]
        out[name] = {"p50": _pct(ms, 50), "p95": _pct(ms, 95), "n": len(ms)}
    return out


def _size(db: Database, target: str) -> int:
    if db.dialect == "sqlite":
        p = Path(target)
        return sum(f.stat().st_size for f in (p, Path(str(p) + "-wal")) if f.exists())
    with db.read() as conn:
        return int(conn.execute(sa.text("SELECT pg_database_size(current_database())")).scalar_one())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=20_000, help="documents to generate (default 20,000)")
    ap.add_argument("--db", default="/tmp/rasid-bench.db", help="SQLite file or postgresql:// URL")
    ap.add_argument("--keep", action="store_true", help="reuse an existing database of the right size")
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--workers", type=int, default=0)
    args = ap.parse_args()
    if not args.keep and "://" not in args.db:
        for suffix in ("", "-wal", "-shm"):
            Path(args.db + suffix).unlink(missing_ok=True)
    with Database.open(args.db) as db:
        if not args.keep and db.dialect == "postgresql":
            with db.write() as conn:
                conn.exec_driver_sql("TRUNCATE documents, events, event_roles, mentions, entities, entity_aliases"
                                     " RESTART IDENTITY CASCADE")
        with db.read() as conn:
            have = int(conn.execute(sa.text("SELECT COUNT(*) FROM documents")).scalar_one())
        rate = generate(db, args.docs - have, workers=args.workers) if have < args.docs else float("nan")
        with db.read() as conn:
            n = int(conn.execute(sa.text("SELECT COUNT(*) FROM documents")).scalar_one())
        size = _size(db, args.db)
        print(f"database: {db.dialect}, {n:,} documents")
        print(f"bulk ingest: {rate:,.0f} documents/s")
        print(f"size: {size / 1e6:,.0f} MB total, {size / n * 1000 / 1e6:.2f} MB per 1,000 documents")
        for name, r in measure(db, args.reps).items():
            print(f"{name:40s} p50 {r['p50']:7.1f} ms   p95 {r['p95']:7.1f} ms   ({r['n']} runs)")


if __name__ == "__main__":
    main()
