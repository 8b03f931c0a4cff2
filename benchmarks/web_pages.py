"""Server time of every dashboard page on a large database (target: < 300 ms per page).

Uses the store's generated benchmark database (``benchmarks/search_latency.py``: realistic Arabic
documents with 1-2 events each) and the real app (``rasid.rest.app.create_app``). Each page is
requested in process through FastAPI's TestClient; the time is the app's own ``Server-Timing``
(routing, queries, template rendering; no network). The first request of a page ("cold") runs
with empty caches, the following ones ("warm") reuse the unfiltered aggregates cached for 60 s.

    .venv/bin/python benchmarks/web_pages.py --db /tmp/bench/rasid-1m.db            # an existing database
    .venv/bin/python benchmarks/web_pages.py --db /tmp/rasid-web.db --docs 20000    # generate one first
"""
from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))


def _pages(client: Any) -> list[str]:
    """A realistic set of URLs: every page, with and without filters, and detail pages found by following links."""
    events = client.get("/events?lang=en").text
    event_id = re.search(r'href="/events/(\d+)', events).group(1)  # type: ignore[union-attr]
    stories = client.get("/stories?lang=en").text
    story = re.search(r'href="/stories/([^"?]+)', stories)
    if story is None:  # the generated database may have no stories rows: time one from documents
        from rasid import query

        rows = query.list_documents(client.app.state.db, limit=1).items
        story = None if not rows else re.match(r"(.*)", rows[0].story_id or "")
    story_id = story.group(1) if story else ""
    points = client.get("/map/points.json").json()["places"]
    place = points[0]["id"] if points else "gn:170794"
    return [
        "/", "/?type=attack", "/?actor=%D8%AF%D8%A7%D8%B9%D8%B4&from=2019-01-01&to=2019-12-31", "/?lang=ar&cal=both",
        "/events", "/events?type=media_release", "/events?actor=Islamic%20State&type=attack",
        "/events?place=Deir%20ez-Zor", "/events?q=%D8%AA%D9%81%D8%AC%D9%8A%D8%B1", f"/events/{event_id}",
        "/stories", "/stories?type=threat", *([f"/stories/{story_id}"] if story_id else []),
        "/map", "/map/points.json", "/map/points.json?type=attack",
        "/entities", "/entities?name=%D8%AF%D8%A7%D8%B9%D8%B4", "/entities/wd:Q2429253", f"/entities/{place}",
        "/releases", "/releases?actor=wd:Q2429253",
    ]


def _server_ms(r: Any) -> float:
    m = re.search(r"dur=([\d.]+)", r.headers.get("server-timing", ""))
    return float(m.group(1)) if m else float("nan")


def measure(db_target: str, reps: int = 5) -> dict[str, dict[str, float]]:
    """Cold and warm server milliseconds per URL."""
    from fastapi.testclient import TestClient

    from rasid.config import Settings
    from rasid.rest.app import create_app

    app = create_app(Settings(db=db_target))
    out: dict[str, dict[str, float]] = {}
    with TestClient(app) as client:
        client.get("/healthz")  # app start-up
        t0 = time.perf_counter()
        from rasid.web.rollup import Rollup

        rollup = app.state.web_rollup = Rollup(app.state.db)
        added = rollup.refresh()  # what the first request of a new server starts in a background thread
        print(f"rollup: {added:,} new events counted in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
        client.get("/entities/wd:Q2429253")  # loads the knowledge base once (process start-up cost)
        app.state.web_cache = None  # so the first request of each page below is cold
        urls = _pages(client)
        app.state.web_cache = None
        for url in urls:
            t0 = time.perf_counter()
            r = client.get(url)
            cold_wall = (time.perf_counter() - t0) * 1000
            if r.status_code not in (200, 404):
                raise SystemExit(f"{url}: HTTP {r.status_code}")
            cold = _server_ms(r)
            warm = [_server_ms(client.get(url)) for _ in range(reps)]
            out[url] = {"cold": round(cold, 1), "cold_wall": round(cold_wall, 1),
                        "p50": round(statistics.median(warm), 1), "max": round(max(warm), 1), "bytes": len(r.content)}
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", default="/tmp/rasid-web-bench.db", help="SQLite file or postgresql:// URL")
    ap.add_argument("--docs", type=int, default=0, help="generate this many documents first if the database has fewer")
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--json", action="store_true", help="also print the figures as one JSON object")
    args = ap.parse_args()
    import sqlalchemy as sa

    from rasid.store.sql import Database

    with Database.open(args.db) as db:
        with db.read() as conn:
            n = int(conn.execute(sa.text("SELECT COUNT(*) FROM documents")).scalar_one())
            n_events = int(conn.execute(sa.text("SELECT COUNT(*) FROM events")).scalar_one())
        if args.docs > n:
            from search_latency import generate  # the store's benchmark generator

            generate(db, args.docs - n)
            n = args.docs
    print(f"database: {args.db}, {n:,} documents, {n_events:,} events")
    results = measure(args.db, args.reps)
    print(f"{'page':62s} {'cold ms':>8s} {'warm p50':>9s} {'warm max':>9s}")
    for url, r in results.items():
        flag = "" if max(r["cold"], r["max"]) < 300 else "  > 300 ms"
        print(f"{url[:62]:62s} {r['cold']:8.1f} {r['p50']:9.1f} {r['max']:9.1f}{flag}")
    if args.json:
        print(json.dumps({"documents": n, "events": n_events, "pages": results}))


if __name__ == "__main__":
    main()
