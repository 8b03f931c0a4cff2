"""Throughput of the entity stage (find_entities) in MB/s of UTF-8 Arabic text, one core.

Reads the shared news corpora (news_*/*.jsonl), normalises every article first (not timed), then
times find_entities alone and normalize + find_entities together. Target: >= 1 MB/s per core.

    .venv/bin/python benchmarks/entities_speed.py [/work/shared/data] [--limit N]
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from rasid.model import CleanDoc
from rasid.resources import Resources
from rasid.stages.entities import find_entities
from rasid.stages.normalize import normalize


def main() -> None:
    argv = sys.argv[1:]
    limit = 10**9
    if "--limit" in argv:
        k = argv.index("--limit")
        limit = int(argv[k + 1])
        del argv[k:k + 2]
    base = Path(argv[0]) if argv else Path("/work/shared/data")
    docs = []
    for path in sorted(base.glob("news_*/*.jsonl")):
        for line in path.open(encoding="utf-8"):
            d = json.loads(line)
            docs.append(CleanDoc(d["id"], d.get("title") or "", d.get("text") or ""))
    docs = docs[:limit]
    res = Resources.load()
    find_entities(normalize(CleanDoc("warm", "", "قال تنظيم الدولة في الرقة")), res)  # build indexes once
    mb = sum(len(d.full_text.encode("utf-8")) for d in docs) / 1e6
    t0 = time.perf_counter()
    normal = [normalize(d) for d in docs]
    t1 = time.perf_counter()
    n_mentions = sum(len(find_entities(nd, res)[0]) for nd in normal)
    t2 = time.perf_counter()
    print(f"{len(docs)} articles, {mb:.1f} MB, {n_mentions} mentions")
    print(f"find_entities        {mb / (t2 - t1):6.2f} MB/s  ({t2 - t1:.1f} s)")
    print(f"normalize + entities {mb / (t2 - t0):6.2f} MB/s  ({t2 - t0:.1f} s)")


if __name__ == "__main__":
    main()
