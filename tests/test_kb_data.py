"""The bundled knowledge base and gazetteer: they load, they are consistent, they cover the gold sets."""
from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from rasid.resources import Resources, check
from rasid.stages.normalize import fold

ROOT = Path(__file__).resolve().parents[1]
KB = ROOT / "src" / "rasid" / "data" / "kb"
GOLD = [Path("/work/shared/gold/seeds.jsonl"), Path("/work/shared/gold/dev.jsonl")]
ACTOR_KINDS = {"organization", "person", "media_outlet", "platform", "publication"}

# Gold entities deliberately not in the KB: one-off obscure names (the KB is for unseen articles),
# demonyms and collective nouns that are not entities of their own.
NOT_IN_KB = {
    "Australians", "European Muslims", "Adnan Afrin", "Mazhar al-Azzawi", "Abu al-Baraa al-Ansari",
    "Sayf al-Din al-Iraqi", "Abu Otham al-Tal Afari", "Abu Iman al-Muwahhid", "Marwan Hadid al-Suri",
    "Abu Yahya al-Tunisi", "Messages of Sirte", "Bashar Abdul Azim", "Faisal Abdul Halim", "Hamoud al-Mousa",
    "Abu al-Baraa", "Tunisian counter-terrorism directorate", "Samuel Jacobson", "Ali Hassan Tarhini",
    "Hezbollah Engineering Regiment", "Nasrallah Mohammed Fahda", "Adam Tagilov", "Operations Intelligence",
    "United States District Court for the Eastern District of New York",
}


@pytest.fixture(scope="module")
def res() -> Resources:
    return Resources.load()


@pytest.fixture(scope="module")
def name_index(res: Resources) -> dict[tuple[str, str], set[str]]:
    idx: dict[tuple[str, str], set[str]] = {}
    for e in res.entries.values():
        for n in e.all_names:
            idx.setdefault((e.kind, fold(n)), set()).add(e.id)
    # context-only names (resolved by context, e.g. "التنظيم") live in the JSONL files only
    for path in KB.glob("*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            d = json.loads(line)
            for n in d.get("context_aliases") or ():
                idx.setdefault((d["kind"], fold(n)), set()).add(d["id"])
    return idx


def _gold_entities() -> list[dict]:
    out = []
    for path in GOLD:
        if path.is_file():
            for line in path.read_text(encoding="utf-8").splitlines():
                out.extend(json.loads(line)["entities"])
    return out


def _km(a: float, b: float, c: float, d: float) -> float:
    p = math.pi / 180
    h = math.sin((c - a) * p / 2) ** 2 + math.cos(a * p) * math.cos(c * p) * math.sin((d - b) * p / 2) ** 2
    return 12742 * math.asin(math.sqrt(h))


def test_kb_data_loads_with_counts(res: Resources) -> None:
    kinds: dict[str, int] = {}
    for e in res.entries.values():
        kinds[e.kind] = kinds.get(e.kind, 0) + 1
    assert kinds["organization"] + kinds["media_outlet"] + kinds["platform"] + kinds["publication"] >= 250
    assert kinds["person"] >= 150
    assert kinds["location"] >= 5000


def test_kb_data_check_is_clean(res: Resources) -> None:
    """No dangling parent, no coordinate out of range, no alias shared by two non-location entities."""
    assert check(res) == []


def test_kb_data_lines_have_the_documented_fields() -> None:
    for path in KB.glob("*.jsonl"):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            d = json.loads(line)
            for key in ("id", "kind", "category", "name_en", "name_ar", "aliases", "parent", "wikidata", "roles"):
                assert key in d, f"{path.name}:{n} lacks {key}"
            assert d["kind"] in ACTOR_KINDS
            assert d["id"].startswith(("wd:Q", "rasid:org:", "rasid:person:"))
            if d["wikidata"]:
                assert d["id"] == f"wd:{d['wikidata']}"
            ctx = {fold(c) for c in d.get("context_aliases") or ()}
            assert not ctx & {fold(a) for a in d["aliases"]}, f"{path.name}:{n}: a name is both alias and context alias"
            for role in d["roles"]:
                assert set(role) >= {"role", "of", "from", "to"}


def test_kb_data_roles_point_to_known_entities(res: Resources) -> None:
    for e in res.entries.values():
        for role in e.roles:
            assert role["of"] in res.entries, f"{e.id}: role of unknown {role['of']}"


@pytest.mark.parametrize(
    ("name", "kind", "expected"),
    [
        ("داعش", "organization", "wd:Q2429253"),
        ("تنظيم الدولة", "organization", "wd:Q2429253"),
        ("قسد", "organization", "rasid:org:syrian-democratic-forces"),
        ("قوات سوريا الديموقراطية", "organization", "rasid:org:syrian-democratic-forces"),
        ("مليشيا قسد", "organization", "rasid:org:syrian-democratic-forces"),
        ("وحدات حماية الشعب", "organization", "rasid:org:people-s-defense-units"),
        ("التحالف الدولي", "organization", "rasid:org:international-coalition-against-isis"),
        ("وكالة أعماق", "media_outlet", "rasid:org:amaq-news-agency"),
        ("فرانس برس", "media_outlet", "wd:Q40464"),
        ("تلغرام", "platform", "wd:Q15616276"),
        ("أبي الحسن المهاجر", "person", "rasid:person:abu-al-hasan-al-muhajir"),
        ("أبا بكر البغدادي", "person", "rasid:person:abu-bakr-al-baghdadi"),
        ("مجلة رومية", "publication", "rasid:org:rumiyah"),
    ],
)
def test_kb_data_alias_resolves(name_index, name: str, kind: str, expected: str) -> None:
    assert expected in name_index.get((kind, fold(name)), set())


@pytest.mark.parametrize("generic", ["التنظيم", "الجيش", "الحكومة", "المهاجر", "البغدادي", "النظام"])
def test_kb_data_generic_words_are_context_only(res: Resources, generic: str) -> None:
    for e in res.entries.values():
        if e.kind != "location":
            assert fold(generic) not in {fold(n) for n in e.all_names}, f"{generic} is a plain alias of {e.id}"


def test_kb_data_covers_gold_actor_entities(name_index) -> None:
    missing = []
    for g in _gold_entities():
        if g["kind"] not in ACTOR_KINDS or g["names"][0] in NOT_IN_KB:
            continue
        if not any((g["kind"], fold(n)) in name_index for n in g["names"]):
            missing.append(g["names"][0])
    assert not missing, f"gold entities without a KB name: {sorted(set(missing))}"


KEY_PLACES = [  # (Arabic name, lat, lon) from public knowledge
    ("الموصل", 36.34, 43.13), ("الرقة", 35.95, 39.01), ("دير الزور", 35.336, 40.14), ("حلب", 36.20, 37.13),
    ("دمشق", 33.51, 36.29), ("بغداد", 33.315, 44.366), ("الرمادي", 33.42, 43.30), ("الفلوجة", 33.35, 43.78),
    ("الباغوز", 34.46, 40.94), ("هجين", 34.695, 40.83), ("البوكمال", 34.45, 40.92), ("الميادين", 35.02, 40.45),
    ("دابق", 36.537, 37.271), ("كوباني", 36.89, 38.35), ("عين العرب", 36.89, 38.35), ("اعزاز", 36.586, 37.046),
    ("الشدادي", 36.06, 40.73), ("الطبقة", 35.84, 38.55), ("منبج", 36.53, 37.95), ("تدمر", 34.56, 38.28),
    ("تكريت", 34.61, 43.68), ("كركوك", 35.47, 44.39), ("تلعفر", 36.37, 42.45), ("سنجار", 36.32, 41.87),
    ("القحطانية", 37.03, 41.55), ("مخيم اليرموك", 33.473, 36.303), ("طوزخورماتو", 34.888, 44.633),
    ("مارع", 36.483, 37.197), ("الحسكة", 36.50, 40.75), ("حديثة", 34.14, 42.38),
]


@pytest.mark.parametrize(("name", "lat", "lon"), KEY_PLACES)
def test_kb_data_key_places_within_25km(res: Resources, name: str, lat: float, lon: float) -> None:
    cands = [e for e in res.entries.values() if e.kind == "location" and e.lat is not None
             and fold(name) in {fold(n) for n in e.all_names}]
    assert cands, f"{name} is not in the gazetteer"
    assert min(_km(lat, lon, e.lat, e.lon) for e in cands) <= 25  # type: ignore[arg-type]
    town = [e for e in cands if e.precision == "place"]
    assert town, f"{name}: no place-level row"


def test_kb_data_geocoding_gold_is_well_formed() -> None:
    path = ROOT / "tests" / "gold" / "geocoding.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(rows) >= 200
    for r in rows:
        assert r["mention"] in r["context"]
        assert 29 < r["lat"] < 38 and 35 < r["lon"] < 49  # Syria and Iraq


def test_kb_data_gazetteer_names_most_geocoding_gold(res: Resources) -> None:
    """The gazetteer knows a row within 25 km for nearly every gold mention (the resolver must then pick it)."""
    index: dict[str, list] = {}
    for e in res.entries.values():
        if e.kind == "location" and e.lat is not None:
            for n in e.all_names:
                index.setdefault(fold(n), []).append(e)
    path = ROOT / "tests" / "gold" / "geocoding.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    hit = sum(1 for r in rows if any(_km(r["lat"], r["lon"], e.lat, e.lon) <= 25 for e in index.get(fold(r["mention"]), [])))
    assert hit / len(rows) >= 0.97


def test_kb_data_ambiguous_flag_marks_common_words(res: Resources) -> None:
    by_id = res.entries
    assert by_id["rasid:place:wilayat-al-khayr"].is_ambiguous
    assert not any(e.is_ambiguous for e in res.entries.values()
                   if e.kind == "location" and e.name_ar in ("الموصل", "الرقة", "حلب", "منبج"))
