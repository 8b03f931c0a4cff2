"""Geocoding accuracy: Rasid's entity stage on 200+ real place mentions with gold coordinates.

Each line of tests/gold/geocoding.jsonl holds a mention, its sentence and gold coordinates. The
sentence is run through the real pipeline; the mention counts as geocoded when an entity covering
its first occurrence has coordinates within --km (25) of gold. Prints accuracy and the misses.
"""
from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import rasid


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p = math.pi / 180
    a = math.sin((lat2 - lat1) * p / 2) ** 2 + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2
    return 12742 * math.asin(math.sqrt(min(1.0, a)))


def evaluate(path: Path, limit_km: float) -> tuple[int, int, list[str]]:
    res = rasid.load_resources()
    ok, n, misses = 0, 0, []
    for line in path.read_text(encoding="utf-8").splitlines():
        g = json.loads(line)
        n += 1
        x = rasid.extract(g["context"], title="", res=res)
        full = x.clean.full_text
        at = full.find(g["mention"])
        hit = None
        for e in x.entities:
            if e.kind == "location" and e.lat is not None and any(s <= at < t for s, t in e.mentions):
                hit = e
                break
        if hit is not None and km(g["lat"], g["lon"], hit.lat, hit.lon) <= limit_km:  # type: ignore[arg-type]
            ok += 1
        else:
            got = f"{hit.name_en} ({hit.lat:.2f}, {hit.lon:.2f})" if hit is not None else "nothing"
            misses.append(f"{g['mention']} -> {got}; gold {g['name_en']} ({g['lat']}, {g['lon']})")
    return ok, n, misses


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=ROOT / "tests" / "gold" / "geocoding.jsonl")
    ap.add_argument("--km", type=float, default=25.0)
    a = ap.parse_args()
    ok, n, misses = evaluate(a.gold, a.km)
    print(f"geocoding within {a.km:g} km: {ok}/{n} = {ok / n:.3f}")
    for m in misses:
        print("  miss:", m)


if __name__ == "__main__":
    main()
