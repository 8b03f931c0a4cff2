"""Resources.load(): the one place that reads Rasid's rules and knowledge base from disk.

Knowledge-base files (``rasid/data/kb/*.jsonl``), one entity per line::

    {"id": "wd:Q2429253", "kind": "organization", "category": "armed_group",
     "name_en": "Islamic State", "name_ar": "تنظيم الدولة الإسلامية",
     "aliases": ["داعش", "الدولة الإسلامية", "ISIS", ...],
     "parent": null, "wikidata": "Q2429253", "roles": [], "note": "..."}

Places (``rasid/data/gazetteer/places.tsv``, built by ``scripts/build_gazetteer.py``) carry
``lat``/``lon``/``country``/``admin1``/``admin2``/``feature``/``population``/``precision`` too.
A user alias file (same JSONL shape, or ``id<TAB>alias`` lines) is merged at load time.
"""
from __future__ import annotations

import csv
import gzip
import io
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources as importlib_resources
from pathlib import Path
from typing import Any

from rasid.errors import ResourceError

KINDS = ("organization", "person", "location", "media_outlet", "platform", "publication")


@dataclass(frozen=True)
class KBEntry:
    """One known entity with every name it goes by."""

    id: str
    kind: str
    name_en: str
    name_ar: str
    aliases: tuple[str, ...] = ()
    context_aliases: tuple[str, ...] = ()  # generic or partial names ("التنظيم", a surname): linked by context only
    category: str = ""
    parent: str | None = None
    wikidata: str | None = None
    roles: tuple[dict[str, Any], ...] = ()
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    feature: str | None = None
    population: int = 0
    precision: str | None = None
    is_ambiguous: bool = False  # a name that is also a common word: needs a cue to count
    ambiguous_names: tuple[str, ...] = ()  # aliases that are common words ("وان" is Van, and "وأن")

    @property
    def all_names(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for n in (self.name_ar, self.name_en, *self.aliases):
            if n:
                seen.setdefault(n, None)
        return tuple(seen)


@dataclass
class Resources:
    """Everything the stages read: knowledge base, gazetteer and rule tables, loaded once."""

    entries: dict[str, KBEntry]
    rules: dict[str, Any] = field(default_factory=dict)
    data_dir: Path | None = None
    _cache: dict[str, Any] = field(default_factory=dict, repr=False)

    @classmethod
    def load(cls, data_dir: str | Path | None = None, user_aliases: Iterable[str | Path] = ()) -> Resources:
        """Read the knowledge base, gazetteer and rule files (bundled ones unless ``data_dir``)."""
        base = Path(data_dir) if data_dir else Path(str(importlib_resources.files("rasid") / "data"))
        if not base.is_dir():
            raise ResourceError(f"data folder {base} not found: reinstall rasid or pass a valid data_dir")
        entries: dict[str, KBEntry] = {}
        for path in sorted((base / "kb").glob("*.jsonl")):
            for entry in _read_kb_jsonl(path):
                _merge(entries, entry)
        for path in sorted((base / "gazetteer").glob("places.tsv*")):
            for entry in _read_places_tsv(path):
                _merge(entries, entry)
        for alias_file in user_aliases:
            for entry in read_user_aliases(Path(alias_file), entries):
                _merge(entries, entry)
        rules: dict[str, Any] = {}
        for path in sorted((base / "rules").glob("*.json")):
            rules[path.stem] = json.loads(path.read_text(encoding="utf-8"))
        from rasid.stages.entity_generic import generic_entries

        for entry in generic_entries(entries, rules.get("generic_bodies") or {}).values():
            _merge(entries, entry)  # "Libyan police": a country's bodies that the knowledge base lacks
        return cls(entries=entries, rules=rules, data_dir=base)

    def get(self, entity_id: str) -> KBEntry | None:
        return self.entries.get(entity_id)

    def cached(self, key: str, build: Any) -> Any:
        """Build a derived index (an automaton, a lookup table) once per Resources."""
        if key not in self._cache:
            self._cache[key] = build(self)
        return self._cache[key]


def _merge(entries: dict[str, KBEntry], entry: KBEntry) -> None:
    old = entries.get(entry.id)
    if old is None:
        entries[entry.id] = entry
        return
    aliases = tuple(dict.fromkeys((*old.aliases, *entry.aliases)))
    context = tuple(dict.fromkeys((*old.context_aliases, *entry.context_aliases)))
    entries[entry.id] = KBEntry(**{**old.__dict__, "aliases": aliases, "context_aliases": context})


def _entry_from_dict(d: dict[str, Any], where: str) -> KBEntry:
    for key in ("id", "kind", "name_en", "name_ar"):
        if not d.get(key):
            raise ResourceError(f"{where}: missing {key!r}")
    if d["kind"] not in KINDS:
        raise ResourceError(f"{where}: kind {d['kind']!r} is not one of {', '.join(KINDS)}")
    known = set(KBEntry.__dataclass_fields__)
    clean = {k: v for k, v in d.items() if k in known}
    clean["aliases"] = tuple(d.get("aliases") or ())
    clean["context_aliases"] = tuple(d.get("context_aliases") or ())
    clean["roles"] = tuple(d.get("roles") or ())
    return KBEntry(**clean)


def _read_kb_jsonl(path: Path) -> Iterator[KBEntry]:
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        try:
            d = json.loads(line)
        except json.JSONDecodeError as e:
            raise ResourceError(f"{path}:{n}: not JSON ({e}); fix the line or remove it") from e
        yield _entry_from_dict(d, f"{path}:{n}")


def _open_text(path: Path) -> io.TextIOWrapper:
    if path.suffix == ".gz":
        return io.TextIOWrapper(gzip.open(path), encoding="utf-8", newline="")
    return open(path, encoding="utf-8", newline="")


def _read_places_tsv(path: Path) -> Iterator[KBEntry]:
    with _open_text(path) as f:
        for n, row in enumerate(csv.DictReader(f, delimiter="\t"), 2):
            try:
                yield KBEntry(
                    id=row["id"], kind="location", name_en=row["name_en"], name_ar=row["name_ar"] or row["name_en"],
                    aliases=tuple(a for a in (row.get("aliases") or "").split("|") if a),
                    category=row.get("feature") or "", lat=float(row["lat"]) if row.get("lat") else None,
                    lon=float(row["lon"]) if row.get("lon") else None, country=row.get("country") or None,
                    admin1=row.get("admin1") or None, admin2=row.get("admin2") or None,
                    feature=row.get("feature") or None, population=int(row.get("population") or 0),
                    precision=row.get("precision") or None, wikidata=row.get("wikidata") or None,
                    parent=row.get("parent") or None, is_ambiguous=row.get("ambiguous") == "1",
                    ambiguous_names=tuple(a for a in (row.get("ambiguous_names") or "").split("|") if a),
                )
            except (KeyError, ValueError) as e:
                raise ResourceError(f"{path}:{n}: bad gazetteer row ({e})") from e


def read_user_aliases(path: Path, entries: dict[str, KBEntry]) -> Iterator[KBEntry]:
    """A user file: KB JSONL lines (new entities), or ``id<TAB>alias`` lines adding names."""
    if not path.is_file():
        raise ResourceError(f"user alias file {path} not found")
    if path.suffix == ".jsonl":
        yield from _read_kb_jsonl(path)
        return
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) < 2 or parts[0] not in entries:
            raise ResourceError(f"{path}:{n}: expected 'ID<TAB>alias' with a known ID, got {line!r}")
        old = entries[parts[0]]
        yield KBEntry(**{**old.__dict__, "aliases": tuple(a.strip() for a in parts[1:] if a.strip())})


def check(res: Resources) -> list[str]:
    """Problems in a loaded knowledge base: dangling parents, alias clashes across kinds, bad coordinates."""
    from rasid.stages.normalize import fold

    problems: list[str] = []
    owners: dict[str, set[str]] = {}
    for e in res.entries.values():
        if e.parent and e.parent not in res.entries:
            problems.append(f"{e.id}: parent {e.parent} is not in the knowledge base")
        if e.kind == "location" and e.lat is not None and not (-90 <= e.lat <= 90 and -180 <= (e.lon or 0) <= 180):
            problems.append(f"{e.id}: coordinates out of range")
        if e.kind != "location":
            for name in e.all_names:
                owners.setdefault(fold(name), set()).add(e.id)
    for name, ids in sorted(owners.items()):
        if len(ids) > 1:
            problems.append(f"alias {name!r} is shared by {', '.join(sorted(ids))}")
    return problems
