"""Test support for stores: a small realistic dataset and the PostgreSQL server used in tests.

``pg_url()`` reads ``RASID_TEST_PG_URL``; without it (or when the server does not answer) tests
skip with the reason, except in CI (``CI`` set), where a missing PostgreSQL is a failure.
"""
from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from rasid.model import CleanDoc, DateValue, Entity, Event, Extraction

ISIS = "wd:Q2429253"
SDF = "rasid:org:syrian-democratic-forces"
MAYADIN = "gn:173480"  # a town in Deir ez-Zor governorate
DEIR = "gn:170794"
RAQQA = "gn:163843"


def _entity(full: str, id_: str, kind: str, en: str, ar: str, surface: str, **kw: object) -> Entity:
    i = full.find(surface)
    mentions = ((i, i + len(surface)),) if i >= 0 else ()
    return Entity(id=id_, kind=kind, name_en=en, name_ar=ar, names=(surface,), mentions=mentions, **kw)  # type: ignore[arg-type]


def _doc(n: int, title: str, text: str, published: str, events: tuple[Event, ...], ents: list[tuple[str, ...]],
         story: str = "") -> Extraction:
    clean = CleanDoc(doc_id=f"t{n}", title=title, text=text, outlet="عنب بلدي", published=published,
                     url=f"https://example.org/{n}")
    full = clean.full_text
    entities = []
    for id_, kind, en, ar, surface in ents:
        extra = {}
        if kind == "location":
            extra = {"lat": 35.0, "lon": 40.4, "country": "SY",
                     "admin1": "Raqqa" if id_ == RAQQA else "Deir ez-Zor", "precision": "place"}
        entities.append(_entity(full, id_, kind, en, ar, surface, **extra))
    return Extraction(clean=clean, entities=tuple(entities), events=events, story_id=story,
                      content_hash=f"testhash{n:04d}")


def sample_extractions() -> list[Extraction]:
    """Five documents: an IS release naming the SDF, attacks in Deir ez-Zor (5 and 2 killed) and Raqqa."""
    isis = (ISIS, "organization", "Islamic State", "تنظيم الدولة الإسلامية", "داعش")
    sdf = (SDF, "organization", "Syrian Democratic Forces", "قوات سوريا الديمقراطية", "قسد")
    may = (MAYADIN, "location", "Al Mayadin", "الميادين", "الميادين")
    deir = (DEIR, "location", "Deir ez-Zor", "دير الزور", "دير الزور")
    raqqa = (RAQQA, "location", "Raqqa", "الرقة", "الرقة")
    d = lambda s: DateValue(s, s, "day", s)
    return [
        _doc(1, "داعش يعلن «غزوةَ الثأر» ضد قسد", "نشر تنظيم داعش إصدارا مرئيا يتوعد فيه قسد بغزوة الثأر.",
             "2019-03-20", (Event("media_release", "video", True, actors=(ISIS,), targets=(SDF,), date=d("2019-03-19"),
                                  attributes={"format": "video", "title": "غزوة الثأر"}, evidence=((0, 20),),
                                  confidence=0.9, summary="Islamic State released a video"),),
             [isis, sdf], story="story:a"),
        _doc(2, "هجوم في الميادين", "قتل خمسة عناصر من قسد في هجوم لداعش في الميادين، ودعا التنظيم إلى غزوة للثأر.",
             "2019-04-02", (Event("attack", "armed_assault", True, actors=(ISIS,), targets=(SDF,), places=(MAYADIN,),
                                  date=d("2019-04-01"), attributes={"fatalities": 5}, evidence=((0, 15),),
                                  confidence=0.8, summary="Islamic State attack in Al Mayadin"),),
             [isis, sdf, may], story="story:a"),
        _doc(3, "انفجار في دير الزور", "قتل شخصان في انفجار عبوة ناسفة في مدينة دير الزور. الثأر قادم بحسب بيان.",
             "2019-05-10", (Event("attack", "ied", True, places=(DEIR,), date=d("2019-05-09"),
                                  attributes={"fatalities": 2}, evidence=((0, 10),), confidence=0.7,
                                  summary="IED in Deir ez-Zor"),), [deir]),
        _doc(4, "هجوم في الرقة", "قتل عشرة أشخاص في هجوم تبناه داعش في الرقة.", "2018-01-05",
             (Event("attack", "bombing", True, actors=(ISIS,), places=(RAQQA,), date=d("2018-01-04"),
                    attributes={"fatalities": 10}, evidence=((0, 10),), confidence=0.8,
                    summary="Islamic State bombing in Raqqa"),), [isis, raqqa]),
        _doc(5, "بيان لقسد", "أصدرت قوات سوريا الديمقراطية بيانا حول الأوضاع.", "2019-06-01", (), [sdf]),
    ]


def pg_url() -> str | None:
    """The test PostgreSQL URL, or None (callers skip) — raises in CI when it is missing or down."""
    url = os.environ.get("RASID_TEST_PG_URL")
    in_ci = bool(os.environ.get("CI"))
    if not url:
        if in_ci:
            raise RuntimeError("CI is set but RASID_TEST_PG_URL is not: .ci/run must start PostgreSQL")
        return None
    try:
        import sqlalchemy as sa

        from rasid.store.sql import to_url

        eng = sa.create_engine(to_url(url))
        with eng.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
        eng.dispose()
    except Exception as e:
        if in_ci:
            raise RuntimeError(f"CI is set but PostgreSQL at RASID_TEST_PG_URL does not answer: {e}") from e
        return None
    return url


@contextmanager
def pg_schema(url: str) -> Iterator[str]:
    """A fresh schema on the test server, dropped afterwards; yields a URL whose search_path is it."""
    import sqlalchemy as sa

    from rasid.store.sql import to_url

    name = "t_" + uuid.uuid4().hex[:12]
    eng = sa.create_engine(to_url(url))
    with eng.begin() as conn:
        conn.exec_driver_sql(f"CREATE SCHEMA {name}")
    sep = "&" if "?" in url else "?"
    try:
        yield to_url(url) + f"{sep}options=-csearch_path%3D{name}"
    finally:
        with eng.begin() as conn:
            conn.exec_driver_sql(f"DROP SCHEMA {name} CASCADE")
        eng.dispose()
