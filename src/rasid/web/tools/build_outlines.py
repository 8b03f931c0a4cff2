"""Build the dashboard's offline base map: ``static/geo/outlines.geojson`` (run once, output committed).

Sources, both available offline here (see docs/DASHBOARD.md):

- country outlines: the npm package ``world-atlas`` 2.0.2 (Natural Earth 1:110m and 1:50m admin-0,
  public domain; TopoJSON packaging ISC, Mike Bostock). The whole world comes from the 1:110m file;
  countries that touch the Middle East box come from the 1:50m file instead, for more detail there.
- admin-1 (governorates of Syria and Iraq): no polygon set is available offline, so the layer holds
  their centroids and names as points (``scripts/gazetteer_data/admin1_centroids.tsv``, from GeoNames,
  CC BY 4.0), drawn as labelled dots.

Usage::

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python -m rasid.web.tools.build_outlines package/ scripts/gazetteer_data/admin1_centroids.tsv
"""
from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Any

REGION = (20.0, 10.0, 65.0, 45.0)  # lon_min, lat_min, lon_max, lat_max: the Middle East box
OUT = Path(__file__).resolve().parent.parent / "static" / "geo" / "outlines.geojson"


def _decode_arcs(topo: dict[str, Any]) -> list[list[tuple[float, float]]]:
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((round(x * sx + tx, 2), round(y * sy + ty, 2)))
        arcs.append(pts)
    return arcs


def _ring(arcs: list[list[tuple[float, float]]], refs: list[int]) -> list[list[float]]:
    out: list[list[float]] = []
    for r in refs:
        pts = arcs[r] if r >= 0 else arcs[~r][::-1]
        out.extend([list(p) for p in (pts[1:] if out else pts)])
    return out


def _features(topo: dict[str, Any]) -> list[dict[str, Any]]:
    arcs = _decode_arcs(topo)
    feats = []
    for g in topo["objects"]["countries"]["geometries"]:
        if g["type"] == "Polygon":
            coords: Any = [_ring(arcs, ring) for ring in g["arcs"]]
        elif g["type"] == "MultiPolygon":
            coords = [[_ring(arcs, ring) for ring in poly] for poly in g["arcs"]]
        else:
            continue
        feats.append({"type": "Feature", "id": g.get("id"), "properties": {"name": g["properties"]["name"]},
                      "geometry": {"type": g["type"], "coordinates": coords}})
    return feats


def _touches_region(f: dict[str, Any]) -> bool:
    x0, y0, x1, y1 = REGION
    polys = f["geometry"]["coordinates"] if f["geometry"]["type"] == "MultiPolygon" else [f["geometry"]["coordinates"]]
    return any(x0 <= x <= x1 and y0 <= y <= y1 for poly in polys for ring in poly for x, y in ring)


def build(world_atlas: Path, admin1_tsv: Path) -> dict[str, Any]:
    """The outline FeatureCollection: countries (110m, 50m in the region) then admin-1 points."""
    coarse = _features(json.loads((world_atlas / "countries-110m.json").read_text()))
    fine = {f["properties"]["name"]: f for f in _features(json.loads((world_atlas / "countries-50m.json").read_text()))
            if _touches_region(f)}
    feats = [fine.get(f["properties"]["name"], f) for f in coarse]
    feats += [f for name, f in fine.items() if name not in {c["properties"]["name"] for c in coarse}]
    for f in feats:
        f["properties"]["layer"] = "country"
    with admin1_tsv.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            if row["country"] not in ("SY", "IQ"):
                continue
            ar = next((a for a in row["aliases"].split("|") if any("\u0600" <= ch <= "\u06ff" for ch in a)), "")
            feats.append({"type": "Feature", "properties": {"layer": "admin1", "name": row["admin1_en"],
                                                            "name_ar": ar, "country": row["country"]},
                          "geometry": {"type": "Point", "coordinates": [float(row["lon"]), float(row["lat"])]}})
    return {"type": "FeatureCollection", "features": feats}


def main(argv: list[str]) -> None:
    fc = build(Path(argv[0]), Path(argv[1]))
    OUT.write_text(json.dumps(fc, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    print(f"wrote {OUT} ({OUT.stat().st_size // 1024} KiB, {len(fc['features'])} features)")


if __name__ == "__main__":
    main(sys.argv[1:])
