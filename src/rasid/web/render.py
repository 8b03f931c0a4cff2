"""Pure helpers that turn query results into what templates draw: SVG chart geometry, highlighted evidence.

Nothing here builds HTML: templates do, with autoescaping, so hostile article text stays text.

>>> paras = evidence_paragraphs("عنوان\\n\\nجملة أولى. جملة ثانية.\\nفقرة أخرى.", [(7, 17)])
>>> [(seg.text, seg.marked) for seg in paras[0].segments]
[('جملة أولى.', True), (' جملة ثانية.', False)]
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

# Okabe-Ito palette (readable with colour-blindness), then greys.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#8B6F00", "#333333", "#999999")


@dataclass(frozen=True)
class Segment:
    text: str
    marked: bool


@dataclass(frozen=True)
class Paragraph:
    start: int
    segments: tuple[Segment, ...]

    @property
    def has_mark(self) -> bool:
        return any(s.marked for s in self.segments)


def evidence_paragraphs(full_text: str, spans: Sequence[Sequence[int]]) -> list[Paragraph]:
    """Paragraphs (split on newlines) of ``full_text`` holding a span, cut into marked/unmarked segments."""
    spans = sorted((max(0, int(s)), min(len(full_text), int(e))) for s, e, *_ in spans if int(e) > int(s))
    out: list[Paragraph] = []
    pos = 0
    for line in full_text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        inside = [(max(s, start), min(e, end)) for s, e in spans if s < end and e > start]
        if not inside or not line.strip():
            continue
        segs: list[Segment] = []
        cur = start
        for s, e in inside:
            if s > cur:
                segs.append(Segment(full_text[cur:s], False))
            if e > max(s, cur):
                segs.append(Segment(full_text[max(s, cur):e], True))
            cur = max(cur, e)
        if cur < end:
            segs.append(Segment(full_text[cur:end], False))
        out.append(Paragraph(start, tuple(segs)))
    return out


@dataclass
class Chart:
    """A stacked bar chart in a 0..width x 0..height SVG user space."""

    width: int
    height: int
    bars: list[dict[str, Any]] = field(default_factory=list)
    legend: list[dict[str, Any]] = field(default_factory=list)
    yticks: list[dict[str, Any]] = field(default_factory=list)
    xlabels: list[dict[str, Any]] = field(default_factory=list)
    rows: list[dict[str, Any]] = field(default_factory=list)  # the same figures as a table

    @property
    def is_empty(self) -> bool:
        return not self.bars


def stacked_chart(data: dict[str, Any], label: Any, undated: str, width: int = 720, height: int = 240) -> Chart:
    """Geometry of a stacked monthly bar chart from ``WebData.counts_by_month``; ``label(key)`` names a series."""
    months: list[str] = data.get("months", [])
    series: list[str] = data.get("series", [])
    values: dict[str, dict[str, int]] = data.get("values", {})
    chart = Chart(width, height)
    if not months:
        return chart
    months = _fill_months(months)
    left, right, top, bottom = 36, 8, 8, 28
    plot_w, plot_h = width - left - right, height - top - bottom
    peak = max(sum(values.get(m, {}).values()) for m in months) or 1
    step = _nice_step(peak)
    ymax = step * -(-peak // step)
    slot = plot_w / len(months)
    bar_w = max(1.0, slot * 0.8)
    colours = {s: PALETTE[i % len(PALETTE)] for i, s in enumerate(series)}
    for v in range(0, ymax + 1, step):
        chart.yticks.append({"y": round(top + plot_h - plot_h * v / ymax, 1), "label": v})
    every = max(1, len(months) // 8)
    for i, m in enumerate(months):
        x = left + i * slot + (slot - bar_w) / 2
        y: float = top + plot_h
        for s in series:
            n = values.get(m, {}).get(s, 0)
            if not n:
                continue
            h = plot_h * n / ymax
            y -= h
            chart.bars.append({"x": round(x, 1), "y": round(y, 1), "w": round(bar_w, 1), "h": round(h, 1),
                               "colour": colours[s], "title": f"{m or undated} · {label(s)}: {n}"})
        if i % every == 0:
            chart.xlabels.append({"x": round(left + i * slot + slot / 2, 1), "label": m or undated})
        chart.rows.append({"month": m or undated, "counts": [values.get(m, {}).get(s, 0) for s in series]})
    chart.legend = [{"key": s, "label": label(s), "colour": colours[s], "total": data.get("totals", {}).get(s, 0)}
                    for s in series]
    return chart


def _fill_months(months: list[str], most: int = 240) -> list[str]:
    """Every month from the first to the last (so the time axis is even), when at most ``most``.

    >>> _fill_months(["2019-11", "2020-02", ""])
    ['2019-11', '2019-12', '2020-01', '2020-02', '']
    """
    dated = [m for m in months if len(m) == 7 and m[4] == "-" and m[:4].isdigit() and m[5:].isdigit()]
    if len(dated) != len([m for m in months if m]) or not dated:
        return months
    y0, m0 = int(dated[0][:4]), int(dated[0][5:])
    y1, m1 = int(dated[-1][:4]), int(dated[-1][5:])
    span = (y1 - y0) * 12 + (m1 - m0) + 1
    if span > most or span < 1:
        return months
    filled = [f"{y0 + (m0 - 1 + i) // 12:04d}-{(m0 - 1 + i) % 12 + 1:02d}" for i in range(span)]
    return filled + [m for m in months if not m]


def _nice_step(peak: int) -> int:
    """A round y-axis step giving at most about five ticks.

    >>> _nice_step(7), _nice_step(42), _nice_step(1234)
    (2, 10, 500)
    """
    raw = max(1, peak / 5)
    mag = 10 ** (len(str(int(raw))) - 1)
    for m in (1, 2, 5, 10):
        if raw <= m * mag:
            return int(m * mag)
    return int(10 * mag)


def group_releases(rows: list[dict[str, Any]], unknown: str) -> list[dict[str, Any]]:
    """Releases grouped producer → series, each series' issues in order, with the outlets that reported them."""
    producers: dict[str, dict[str, Any]] = {}
    for r in rows:
        actors = r["roles"].get("actor") or [{"id": "", "name_en": unknown, "name_ar": ""}]
        for a in actors[:1]:
            p = producers.setdefault(a["id"], {"producer": a, "series": {}, "n": 0})
            p["n"] += 1
            key = r["series"] or ""
            s = p["series"].setdefault(key, {"title": r["series"], "releases": [], "outlets": set()})
            s["releases"].append(r)
            if r["outlet"]:
                s["outlets"].add(r["outlet"])
    out = []
    for p in sorted(producers.values(), key=lambda p: -p["n"]):
        series = []
        for s in sorted(p["series"].values(), key=lambda s: (s["title"] == "", s["title"])):
            s["releases"].sort(key=lambda r: (_issue_key(r["issue"]), r["day"] or ""))
            s["outlets"] = sorted(s["outlets"])
            series.append(s)
        out.append({"producer": p["producer"], "n": p["n"], "series": series})
    return out


def _issue_key(issue: Any) -> tuple[int, str]:
    try:
        return int(issue), ""
    except (TypeError, ValueError):
        return 10**9, str(issue or "")
