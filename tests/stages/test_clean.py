"""Clean stage: boilerplate removal by shape and position, and the byline facts.

Golden files: ``tests/golden/clean/<seed>.in.txt`` -> ``<seed>.out.json``. Rewrite them with
``RASID_UPDATE_GOLDEN=1 pytest tests/stages/test_clean.py`` (or ``python tests/stages/test_clean.py``)
and review the diff.
"""
from __future__ import annotations

import json
import os
from importlib import resources as importlib_resources
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasid.model import RawDoc
from rasid.stages.clean import clean

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "clean"
SHARED_GOLD = Path(os.environ.get("RASID_SHARED", Path(__file__).resolve().parents[3] / "shared")) / "gold"
BODY = "قال مصدر أمني إن تنظيم داعش تبنى هجوما على حاجز في مدينة الرقة شمال سوريا أمس الأحد."
BODY2 = "وأضاف المصدر أن الهجوم أسفر عن مقتل ثلاثة عناصر من قوات الأمن وإصابة خمسة آخرين بجروح متفاوتة."


def _rules() -> dict[str, Any]:
    base = importlib_resources.files("rasid") / "data" / "rules"
    return {name: json.loads((base / f"{name}.json").read_text(encoding="utf-8")) for name in ("boilerplate", "outlets")}


RULES = _rules()


def _clean(text: str, title: str = "عنوان الخبر", **kw: Any) -> Any:
    return clean(RawDoc(doc_id="t", source="test", title=title, text=text, **kw), RULES)


# --- titles --------------------------------------------------------------------------------

@pytest.mark.parametrize("title,expected,outlet", [
    ("داعش يتبنى هجوما في الرقة - بلدي نيوز", "داعش يتبنى هجوما في الرقة", "بلدي نيوز"),
    ("داعش يتبنى هجوما في الرقة | الأيام السورية", "داعش يتبنى هجوما في الرقة", "الأيام السورية"),
    ("داعش يتبنى هجوما في الرقة | موقع مجهول", "داعش يتبنى هجوما في الرقة", None),
    ("داعش يتبنى هجوما في الرقة - It's Over 9000!", "داعش يتبنى هجوما في الرقة", None),
    ("داعش يتبنى هجوما في الرقة - صحيفة الأخبار", "داعش يتبنى هجوما في الرقة", None),
    ("هجوم على حاجز - الرقة تحترق", "هجوم على حاجز - الرقة تحترق", None),  # a dash inside the headline
    ("داعش - خراسان يتبنى هجوما على مسجد في كابول", "داعش - خراسان يتبنى هجوما على مسجد في كابول", None),
])
def test_clean_title_site_suffix(title: str, expected: str, outlet: str | None) -> None:
    doc = _clean(BODY, title=title)
    assert doc.title == expected
    assert doc.outlet == outlet
    assert any(r.startswith("title site suffix") for r in doc.removed) == (title != expected)


def test_clean_title_repeated_in_body() -> None:
    doc = _clean(f"داعش يتبنى هجوما في الرقة\n\n{BODY}", title="داعش يتبنى هجوما في الرقة - Site")
    assert doc.text == BODY and doc.removed[-1].startswith("title repeated")


# --- lines removed -------------------------------------------------------------------------

@pytest.mark.parametrize("tail,why", [
    ("مقالات ذات صلة\n\nخبر أول عن سوريا\n\nخبر ثان عن العراق", "related list"),
    ("اقرأ أيضاً:\nخبر أول عن سوريا", "related list"),
    ("قد يعجبك ايضا\n\nاترك رد\n\nلن يتم نشر عنوان بريدك الإلكتروني.", "related list"),
    ("اترك رد\nإلغاء الرد\nلن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *", "comment form"),
    ("Facebook\nTwitter\nWhatsApp", "share row"),
    ("شارك على فيسبوك تويتر واتساب", "share row"),
    ("© 2019 جميع الحقوق محفوظة لموقع الأخبار", "copyright"),
    ("نحن منظمة مستقلة تماما لا تتبع لأي جهة سياسية، تأسست عام 2012 وتختص بتوثيق الانتهاكات.", "about-us footer"),
])
def test_clean_drops_tail_boilerplate(tail: str, why: str) -> None:
    doc = _clean(f"{BODY}\n{BODY2}\n\n{tail}")
    assert doc.text == f"{BODY}\n{BODY2}"
    assert doc.removed and doc.removed[0].startswith(why), doc.removed


def test_clean_related_box_inside_body_keeps_the_rest() -> None:
    doc = _clean(f"{BODY}\n\nاقرأ أيضا\nخبر أول عن سوريا\nخبر ثان عن العراق\n\n{BODY2}")
    assert doc.text == f"{BODY}\n\n{BODY2}"
    assert len(doc.removed) == 3


@pytest.mark.parametrize("line", [
    "وقال المتحدث إن التنظيم نشر التسجيل على تطبيق Telegram وفيسبوك وتويتر في الوقت نفسه.",
    "وأضاف أن التعليقات على الهجوم جاءت من جميع الأطراف بعد ساعات من وقوعه.",
    "نحن لن نتراجع عن قتالهم، قال القائد العسكري في كلمة أمام جنوده أمس.",
])
def test_clean_keeps_body_sentences_that_mention_markers(line: str) -> None:
    assert _clean(f"{BODY}\n{line}\n{BODY2}").text == f"{BODY}\n{line}\n{BODY2}"


def test_clean_pull_quote_repeating_an_earlier_sentence() -> None:
    quote = "وقال المتحدث \"إن المعركة بيننا وبينهم قد أوقد نارها وسيشتد أوارها في كل مكان\"."
    pull = "إن المعركة بيننا وبينهم سيشتد أوارها"
    doc = _clean(f"{BODY}\n{quote}\n\n{pull}\n\n{BODY2}")
    assert doc.text == f"{BODY}\n{quote}\n\n{BODY2}"
    assert doc.removed[0].startswith("pull quote")


def test_clean_related_headlines_before_the_lede() -> None:
    text = ("ملخص الخبر في جملة طويلة تشرح ما حدث في المدينة أمس بعد الهجوم على الحاجز الأمني.\n"
            "التنظيم يتوعد بهجمات جديدة في الشمال\n"
            "قائد عسكري يدعو إلى إطالة أمد المعركة\n\n"
            f"بيروت - {BODY}\n{BODY2}")
    doc = _clean(text)
    assert doc.text.startswith("ملخص الخبر") and "التنظيم يتوعد" not in doc.text and "قائد عسكري" not in doc.text
    assert doc.dateline == "بيروت"
    assert [r.split(":")[0] for r in doc.removed] == ["related headline", "related headline"]


def test_clean_single_subtitle_before_lede_is_kept() -> None:
    doc = _clean(f"التنظيم يتوعد بهجمات جديدة في الشمال\n{BODY}\n{BODY2}")
    assert doc.text.startswith("التنظيم يتوعد") and not doc.removed


def test_clean_link_back_cut_from_line() -> None:
    doc = _clean(f"{BODY} رابط الخبر بصحيفة الوئام: داعش يتبنى هجوما", outlet=None)
    assert doc.text == BODY and doc.outlet == "الوئام"


def test_clean_whitespace_and_entities() -> None:
    doc = _clean(f"{BODY}   \n\n\n\n{BODY2}\t\n\n", title="بالصور.. &#8220;داعش&#8221; يعدم")
    assert doc.text == f"{BODY}\n\n{BODY2}"
    assert doc.title == "بالصور.. “داعش” يعدم"
    assert doc.full_text == doc.title + "\n\n" + doc.text


# --- byline facts --------------------------------------------------------------------------

@pytest.mark.parametrize("text,wires", [
    (f"{BODY}\nالمصدر: فرانس برس", ["AFP"]),
    (f"{BODY}\nمصدر فرانس24 وكالات", ["France 24"]),
    (f"{BODY} (أ ف ب)", ["AFP"]),
    (f"{BODY}\n(ا ف ب)", ["AFP"]),
    (f"{BODY}\nرويترز", ["Reuters"]),
    (f"{BODY}\nد ب أ", ["DPA"]),
    (f"{BODY}\nالمصدر: رويترز + أ ف ب", ["Reuters", "AFP"]),
    (f"{BODY}\nوكالات", []),
    (f"بغداد (رويترز) - {BODY}", ["Reuters"]),
    (f"القاهرة، 12 مارس (أ ف ب) - {BODY}", ["AFP"]),
    (f"{BODY}\nوقالت وكالة رويترز إن الهجوم أسفر عن مقتل ثلاثة عناصر من قوات الأمن.", []),
    (f"{BODY}\nوأسفر الهجوم عن مقتل ثلاثة عناصر، بحسب الأسوشيتد برس.", ["Associated Press"]),
    (f"{BODY}\nوأصيب 40 آخرون، وفقا لوكالة رويترز.", ["Reuters"]),
    (f"{BODY}\nوتعهد الرئيس بالرد، بحسب وكالة فارس للأنباء.", []),  # state agency: a source, not a credit
    (f"{BODY}\nونشرته وكالة الأنباء الرسمية السورية (سانا) عن مصادر في الحكومة.", []),
    (f"{BODY}\nوقال لتلفزيون فرانس 24 إن الهجوم كان فعالا.", []),
])
def test_clean_wires(text: str, wires: list[str]) -> None:
    assert list(_clean(text).wires) == wires


@pytest.mark.parametrize("lede,dateline", [
    (f"بيروت - {BODY}", "بيروت"),
    (f"بغداد (رويترز) - {BODY}", "بغداد"),
    (f"دير الزور – {BODY}", "دير الزور"),
    (f"خاص - SY24\n{BODY}", None),
    (f"وقال المتحدث - في بيان - إن {BODY}", None),
    (BODY, None),
])
def test_clean_dateline(lede: str, dateline: str | None) -> None:
    doc = _clean(lede)
    assert doc.dateline == dateline
    assert lede.split("\n")[-1] in doc.text  # the dateline stays in the text


@pytest.mark.parametrize("text,raw_outlet,outlet", [
    (f"بلدي نيوز\n{BODY}", None, "بلدي نيوز"),
    (f"خاص - SY24\n{BODY}", None, "SY24"),
    (f"الأيام السورية/ قسم الأخبار\n{BODY}", None, "الأيام السورية"),
    (f"{BODY}\nوبحسب مراسل بلدي نيوز في دير الزور فإن الهجوم وقع فجرا.", None, "بلدي نيوز"),
    (f"خاص - SY24\n{BODY}", "skynews", "skynews"),  # the input's outlet wins
    (f"{BODY}\nونقلت قناة العربية عن مصادر محلية أن الهجوم وقع فجرا.", None, None),
    (f"{BODY}\nالمصدر: فرانس برس", None, None),  # a wire is not the outlet
])
def test_clean_outlet(text: str, raw_outlet: str | None, outlet: str | None) -> None:
    assert _clean(text, outlet=raw_outlet).outlet == outlet


@pytest.mark.parametrize("text,raw_published,published", [
    (f"نشر في 18 آذار 2019\n{BODY}", None, "2019-03-18"),
    (f"{BODY}\nتاريخ النشر: 2019-03-18 10:22", None, "2019-03-18"),
    (f"الاثنين 18/03/2019\n{BODY}", None, "2019-03-18"),
    (f"{BODY}\nوكان المتحدث قد صرح يوم الإثنين 18 آذار/ مارس 2019 إن الهجوم البري كان فعالا للغاية.", None, None),
    (f"نشر في 18 آذار 2019\n{BODY}", "2019-03-20", "2019-03-20"),
])
def test_clean_published(text: str, raw_published: str | None, published: str | None) -> None:
    assert _clean(text, published=raw_published).published == published


@pytest.mark.parametrize("text,lang", [(BODY, "ar"), ("The group said it carried out the attack.", "en")])
def test_clean_language(text: str, lang: str) -> None:
    assert _clean(text, title="").language == lang


def test_issue_fold_recursion_on_unassigned_halfwidth() -> None:
    """U+FFEF once sent normalize.fold into endless recursion; clean must not raise on any str."""
    assert clean(RawDoc(doc_id="h", source="h", title="\uffef", text=""), RULES).title == "\uffef"


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400), st.text(max_size=60))
def test_clean_never_raises(text: str, title: str) -> None:
    doc = clean(RawDoc(doc_id="h", source="h", title=title, text=text), RULES)
    assert "\n\n\n" not in doc.text and doc.text == doc.text.strip("\n")
    assert all(line == line.rstrip() for line in doc.text.split("\n"))


# --- golden seeds and shared gold ----------------------------------------------------------

def _golden_record(doc: Any) -> dict[str, Any]:
    return {"title": doc.title, "outlet": doc.outlet, "wires": list(doc.wires), "dateline": doc.dateline,
            "published": doc.published, "removed_count": len(doc.removed), "removed": list(doc.removed),
            "text": doc.text}


def _clean_seed(path: Path) -> Any:
    from rasid.io.readers import iter_raw_docs

    (raw,) = list(iter_raw_docs([path]))
    assert isinstance(raw, RawDoc), raw
    return clean(RawDoc(**{**raw.__dict__, "doc_id": path.name.removesuffix(".in.txt")}), RULES)


SEEDS = sorted(GOLDEN.glob("*.in.txt"))


def write_golden() -> None:
    """Rewrite every ``<seed>.out.json`` from the current code; review the diff before committing."""
    for path in SEEDS:
        out = path.with_name(path.name.removesuffix(".in.txt") + ".out.json")
        out.write_text(json.dumps(_golden_record(_clean_seed(path)), ensure_ascii=False, indent=1) + "\n",
                       encoding="utf-8")


@pytest.mark.parametrize("path", SEEDS, ids=[p.name.split("_")[0] for p in SEEDS])
def test_clean_golden(path: Path) -> None:
    out = path.with_name(path.name.removesuffix(".in.txt") + ".out.json")
    got = _golden_record(_clean_seed(path))
    if os.environ.get("RASID_UPDATE_GOLDEN"):
        out.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert got == json.loads(out.read_text(encoding="utf-8"))


def _gold(name: str) -> dict[str, dict[str, Any]]:
    path = SHARED_GOLD / name
    if not path.exists():
        pytest.skip(f"{path} not found (set RASID_SHARED)")
    return {d["doc_id"]: d for d in map(json.loads, path.read_text(encoding="utf-8").splitlines()) if d}


def test_clean_seeds_match_gold_outlet_and_wires() -> None:
    gold = _gold("seeds.jsonl")
    assert len(SEEDS) == 5
    for path in SEEDS:
        doc = _clean_seed(path)
        g = gold[doc.doc_id]
        assert (doc.outlet, list(doc.wires)) == (g["outlet"], g["wires"]), doc.doc_id


def test_clean_dev_matches_gold_wires() -> None:
    gold = _gold("dev.jsonl")
    inputs = SHARED_GOLD / "dev-input.jsonl"
    for line in inputs.read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        doc = clean(RawDoc(doc_id=d["id"], source="dev", title=d["title"], text=d["text"], outlet=d.get("outlet"),
                           published=d.get("published"), url=d.get("url")), RULES)
        g = gold[d["id"]]
        assert list(doc.wires) == g["wires"], d["id"]
        if g["outlet"] is not None:
            assert doc.outlet == g["outlet"], d["id"]


if __name__ == "__main__":
    write_golden()
    print(f"wrote {len(SEEDS)} golden files under {GOLDEN}")
