"""Throughput of the real ``rasid extract`` path, with a per-stage time split and the store's cost.

    python benchmarks/build_corpus.py                 # once: benchmarks/out/corpus/ (10,000 articles)
    python benchmarks/throughput.py                   # the whole corpus
    python benchmarks/throughput.py --limit 1000 --json

1. End to end: runs ``python -m rasid extract CORPUS -o OUT --no-progress`` as a child process (the
   CLI a user runs: reading, every stage, story assignment, writing contract-v1 JSONL) and reports
   articles/s, MB/s of input title+text (UTF-8, 10^6 bytes), wall seconds and the child's peak RSS
   (``getrusage(RUSAGE_CHILDREN).ru_maxrss``). ``--in-process`` calls ``rasid.api.extract_files``
   here instead (its peak RSS then includes this script).
2. Stage split (``--stages N`` articles, default 1,000; 0 skips it): in this process, times loading
   the resources, reading, each function ``rasid.pipeline`` calls (``clean``, ``normalize``,
   ``find_entities``, ``find_events``, ``content_hash``, ``assign_stories``: whichever exist, wrapped
   with a timer while the real ``extract_all`` runs) and ``SQLiteStore.save_batch`` into a temporary
   database (the extra cost of ``rasid ingest``).
"""
from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT / "benchmarks" / "out" / "corpus"
TIMED = ("clean", "normalize", "find_entities", "find_events", "content_hash", "assign_stories")


def corpus_files(corpus: Path) -> list[Path]:
    """The JSONL files of a corpus given as a file or a folder."""
    if corpus.is_dir():
        return sorted(corpus.glob("*.jsonl"))
    return [corpus]


def iter_lines(files: list[Path], limit: int | None) -> Iterator[str]:
    n = 0
    for path in files:
        with path.open(encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                if limit is not None and n >= limit:
                    return
                n += 1
                yield line if line.endswith("\n") else line + "\n"


def prepare(corpus: Path, limit: int | None, work: Path) -> tuple[Path, int, int]:
    """The input to run (the first ``limit`` articles copied to ``work``), its article count and text bytes."""
    files = corpus_files(corpus)
    if not files or not all(p.exists() for p in files):
        raise SystemExit(f"no corpus at {corpus}; build it with: python benchmarks/build_corpus.py")
    n = size = 0
    target = work / "input.jsonl" if limit is not None else None
    out = target.open("w", encoding="utf-8") if target else None
    try:
        for line in iter_lines(files, limit):
            d = json.loads(line)
            n += 1
            size += len((d.get("title") or "").encode("utf-8")) + len((d.get("text") or "").encode("utf-8"))
            if out:
                out.write(line)
    finally:
        if out:
            out.close()
    return (target or corpus), n, size


def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT / "src"), env.get("PYTHONPATH")) if p)
    return env


def run_cli(path: Path, work: Path) -> dict[str, Any]:
    """``rasid extract`` as a child process: wall time, peak RSS, the summary line it prints."""
    out = work / "out.jsonl"
    cmd = [sys.executable, "-m", "rasid", "extract", str(path), "-o", str(out), "--no-progress"]
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, env=_child_env(), capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - t0
    rss_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    m = re.search(r"read (\d+), extracted (\d+), skipped (\d+), failed (\d+)", proc.stderr)
    if proc.returncode != 0 or not m:
        raise SystemExit(f"rasid extract failed (exit {proc.returncode}):\n{proc.stderr[-3000:]}")
    read, done, skipped, failed = (int(g) for g in m.groups())
    events = 0
    with out.open(encoding="utf-8") as f:
        for line in f:
            events += len(json.loads(line)["events"])
    return {"mode": "cli", "seconds": seconds, "peak_rss_mb": rss_kb / 1024, "read": read, "extracted": done,
            "skipped": skipped, "failed": failed, "events": events, "output_mb": out.stat().st_size / 1e6}


def run_in_process(path: Path) -> dict[str, Any]:
    """``rasid.api.extract_files`` in this process."""
    from rasid import api
    from rasid.pipeline import BatchReport

    report = BatchReport()
    t0 = time.perf_counter()
    results = api.extract_files([path], report)
    seconds = time.perf_counter() - t0
    rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"mode": "in-process", "seconds": seconds, "peak_rss_mb": rss_kb / 1024, "read": report.read,
            "extracted": report.done, "skipped": len(report.skipped), "failed": len(report.failed),
            "events": sum(len(x.events) for x in results)}


def stage_split(path: Path, n: int, work: Path) -> dict[str, Any]:
    """Seconds per stage on the first ``n`` articles, timed inside the real ``extract_all``."""
    from rasid import api, pipeline
    from rasid.store.sqlite import SQLiteStore

    totals: dict[str, float] = defaultdict(float)
    t0 = time.perf_counter()
    res = api.load_resources()
    totals["load resources"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    items = list(api.read_inputs([path]))[:n]
    totals["read"] = time.perf_counter() - t0

    originals: dict[str, Callable[..., Any]] = {}
    for name in TIMED:
        fn = getattr(pipeline, name, None)
        if callable(fn):
            originals[name] = fn
            setattr(pipeline, name, _timed(fn, name, totals))
    try:
        t0 = time.perf_counter()
        report = pipeline.BatchReport()
        results = pipeline.extract_all(items, res, report)
        pipeline_seconds = time.perf_counter() - t0
    finally:
        for name, fn in originals.items():
            setattr(pipeline, name, fn)
    totals["other (pipeline glue)"] = pipeline_seconds - sum(totals[k] for k in originals)

    t0 = time.perf_counter()
    with SQLiteStore(work / "bench.db") as store:
        store.save_batch(results, report.rejects, "benchmark")
    totals["store (SQLiteStore.save_batch)"] = time.perf_counter() - t0
    return {"articles": len(items), "seconds": dict(totals)}


def _timed(fn: Callable[..., Any], name: str, totals: dict[str, float]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        t0 = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            totals[name] += time.perf_counter() - t0

    return wrapper


def report(n: int, size: int, run: dict[str, Any], split: dict[str, Any] | None) -> str:
    s = run["seconds"]
    lines = [
        f"input      {n:,} articles, {size / 1e6:.1f} MB of title+text",
        (f"mode       {run['mode']}: read {run['read']:,}, extracted {run['extracted']:,}, skipped {run['skipped']},"
        f" failed {run['failed']}, events {run['events']:,}"),
        f"total      {s:.1f} s",
        f"throughput {n / s:.1f} articles/s, {size / 1e6 / s:.2f} MB/s",
        f"peak RSS   {run['peak_rss_mb']:.0f} MB",
    ]
    if split:
        secs = split["seconds"]
        total = sum(secs.values())
        lines.append(f"stages     on {split['articles']:,} articles, in process ({total:.1f} s):")
        for name, t in secs.items():
            per = 1000 * t / split["articles"] if split["articles"] else 0.0
            lines.append(f"  {name:32s} {t:8.2f} s  {100 * t / total if total else 0:5.1f} %  {per:7.2f} ms/article")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="JSONL file or folder (default: %(default)s)")
    p.add_argument("--limit", type=int, default=None, help="only the first N articles")
    p.add_argument("--stages", type=int, default=1000, help="articles for the per-stage split; 0 skips it")
    p.add_argument("--in-process", action="store_true", help="call rasid.api.extract_files instead of the CLI")
    p.add_argument("--json", action="store_true", help="also print the figures as one JSON object")
    args = p.parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))
    with tempfile.TemporaryDirectory(prefix="rasid-bench-") as tmp:
        work = Path(tmp)
        path, n, size = prepare(args.corpus, args.limit, work)
        print(f"running rasid extract on {n:,} articles from {args.corpus} ...", file=sys.stderr)
        run = run_in_process(path) if args.in_process else run_cli(path, work)
        split = stage_split(path, min(args.stages, n), work) if args.stages > 0 else None
    print(report(n, size, run, split))
    if args.json:
        s = run["seconds"]
        print(json.dumps({"articles": n, "input_mb": size / 1e6, "articles_per_s": n / s, "mb_per_s": size / 1e6 / s,
                          **run, "stages": split}, ensure_ascii=False))


if __name__ == "__main__":
    main()
