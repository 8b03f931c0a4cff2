"""Numbers stage: digits in two scripts, number words in every gender/case, ordinals, vague counts."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasid.resources import Resources
from rasid.stages.numbers import (
    NumberRules,
    compile_number_rules,
    dual_count,
    find_quantities,
    parse_arabic_number,
    parse_ordinal,
)


@pytest.fixture(scope="module")
def rules(res: Resources) -> NumberRules:
    return compile_number_rules(res.rules["numbers"])


CARDINALS = [
    ("7", 7), ("1,200", 1200), ("1200", 1200), ("٢٥", 25), ("١٬٢٠٠", 1200), ("2.5", 2.5), ("٢٫٥", 2.5),
    ("واحد", 1), ("اثنان", 2), ("اثنين", 2), ("اثنتين", 2),
    ("ثلاثة", 3), ("ثلاث", 3), ("خمسة", 5), ("خمس", 5), ("خمسَة", 5), ("ثماني", 8), ("ثمانية", 8),
    ("عشرة", 10), ("عشر", 10),
    ("أحد عشر", 11), ("إحدى عشرة", 11), ("اثنا عشر", 12), ("اثني عشر", 12), ("ثلاثة عشر", 13), ("خمس عشرة", 15),
    ("عشرين", 20), ("عشرون", 20), ("خمسين", 50), ("خمسون", 50), ("تسعين", 90),
    ("خمسة وعشرين", 25), ("خمسة و عشرين", 25), ("ثلاث وثلاثون", 33),
    ("مئة", 100), ("مائة", 100), ("مئتين", 200), ("مائتان", 200), ("ثلاثمئة", 300), ("ثلاثمائة", 300),
    ("ثلاث مئة", 300), ("مئة وعشرين", 120), ("مئة وخمسة", 105), ("مئة وعشرة", 110),
    ("ألف", 1000), ("ألفين", 2000), ("ألفان", 2000), ("ثلاثة آلاف", 3000), ("3 آلاف", 3000),
    ("عشرين ألفا", 20000), ("عشرين ألف", 20000), ("ألف وخمسمئة", 1500), ("ألفين وخمسمئة", 2500),
    ("عشرين ألفا وخمسمئة", 20500), ("مليون", 1000000), ("ثلاثة ملايين", 3000000), ("1.5 مليون", 1500000),
    ("مليار", 1000000000),
]


@pytest.mark.parametrize(("text", "value"), CARDINALS)
def test_numbers_parse_cardinals(text: str, value: float, rules: NumberRules) -> None:
    assert parse_arabic_number(text, rules) == value


@pytest.mark.parametrize("text", ["", "عشرات", "مئات", "آلاف", "ملايين", "أحد", "قتيلا", "خمسة ستة", "ثلاثة قتلى",
                                  "عشرين ثلاثة", "الخامس", "abc", "1/2", "خمسة وعشرين شخصا"])
def test_numbers_parse_rejects(text: str, rules: NumberRules) -> None:
    assert parse_arabic_number(text, rules) is None


def test_numbers_parse_uses_bundled_rules_by_default() -> None:
    assert parse_arabic_number("خمسة وعشرين") == 25


ORDINALS = [
    ("الأول", 1), ("الاول", 1), ("الأولى", 1), ("الثاني", 2), ("الثانية", 2), ("السابع", 7), ("العاشر", 10),
    ("الحادي عشر", 11), ("الحادية عشرة", 11), ("الثاني عشر", 12), ("الثالثة عشرة", 13), ("التاسع عشر", 19),
    ("العشرين", 20), ("العشرون", 20), ("الحادي والعشرين", 21), ("الخامس والثلاثين", 35), ("المئة", 100),
    ("ثالث", 3),
]


@pytest.mark.parametrize(("text", "value"), ORDINALS)
def test_numbers_parse_ordinal(text: str, value: int, rules: NumberRules) -> None:
    assert parse_ordinal(text, rules) == value


@pytest.mark.parametrize("text", ["", "الحادي", "خمسة", "السابع الثامن", "الأول عشرين", "التنظيم"])
def test_numbers_parse_ordinal_rejects(text: str, rules: NumberRules) -> None:
    assert parse_ordinal(text, rules) is None


@pytest.mark.parametrize(("word", "count"), [
    ("قتيلين", 2), ("قتيلان", 2), ("القتيلين", 2), ("جريحين", 2), ("جنديين", 2), ("عنصرين", 2), ("طفلين", 2),
    ("امرأتين", 2), ("سيارتين", 2), ("عبوتين", 2), ("غارتين", 2), ("هجومين", 2),
    ("قتلى", None), ("قتيل", None), ("مدنيين", None), ("مسلحين", None), ("حسين", None), ("عثمان", None), ("", None),
])
def test_numbers_dual_count(word: str, count: int | None, rules: NumberRules) -> None:
    assert dual_count(word, rules) == count


# text, value, low, high, is_vague, is_approx, unit_text, surface
QUANTITIES = [
    ("قتل 50 شخصا", 50, 50, 50, False, False, "شخصا", "50"),
    ("قتل ٢٥ عنصرا", 25, 25, 25, False, False, "عنصرا", "٢٥"),
    ("قتل 1,200 مدني", 1200, 1200, 1200, False, False, "مدني", "1,200"),
    ("قتل خمسة وعشرين شخصا", 25, 25, 25, False, False, "شخصا", "خمسة وعشرين"),
    ("قتل ثلاثة عشر جنديا", 13, 13, 13, False, False, "جنديا", "ثلاثة عشر"),
    ("نزوح عشرين ألفا", 20000, 20000, 20000, False, False, "", "عشرين ألفا"),
    ("حوالى عشر دقائق", 10, 10, 10, False, True, "دقائق", "حوالى عشر"),
    ("نحو 30 قتيلا", 30, 30, 30, False, True, "قتيلا", "نحو 30"),
    ("نحو الـ30 قتيلا", 30, 30, 30, False, True, "قتيلا", "نحو الـ30"),
    ("أكثر من 100 شخص", 100, 100, None, False, True, "شخص", "أكثر من 100"),
    ("ما لا يقل عن 12 قتيلا", 12, 12, None, False, True, "قتيلا", "ما لا يقل عن 12"),
    ("أقل من عشرة", 10, None, 10, False, True, "", "أقل من عشرة"),
    ("قتل عشرات المدنيين", None, 20, 99, True, False, "المدنيين", "عشرات"),
    ("العشرات من القتلى", None, 20, 99, True, False, "القتلى", "العشرات"),
    ("مئات المقاتلين", None, 200, 999, True, False, "المقاتلين", "مئات"),
    ("المئات", None, 200, 999, True, False, "", "المئات"),
    ("آلاف المدنيين", None, 2000, 9999, True, False, "المدنيين", "آلاف"),
    ("عشرات الآلاف من النازحين", None, 20000, 99999, True, False, "النازحين", "عشرات الآلاف"),
    ("بضعة أيام", None, 3, 9, True, False, "أيام", "بضعة"),
    ("بنسبة 40%", 40, 40, 40, False, False, "%", "40"),
    ("العدد 12 من مجلة", 12, 12, 12, False, False, "مجلة", "12"),
]


@pytest.mark.parametrize(("text", "value", "low", "high", "is_vague", "is_approx", "unit", "surface"), QUANTITIES)
def test_numbers_find_quantities(text: str, value: int | None, low: int | None, high: int | None, is_vague: bool,
                                 is_approx: bool, unit: str, surface: str, rules: NumberRules) -> None:
    found = find_quantities(text, rules)
    assert len(found) == 1, found
    q = found[0]
    assert (q.value, q.low, q.high, q.is_vague, q.is_approx, q.unit_text, q.text) == (
        value, low, high, is_vague, is_approx, unit, surface)
    assert text[q.span[0]:q.span[1]] == q.text


@pytest.mark.parametrize("text", ["أحد القادة", "الساعة 10:30", "نتيجة 3-1", "عملية الثأر", "قتلى وجرحى", "الخامس"])
def test_numbers_find_nothing(text: str, rules: NumberRules) -> None:
    assert find_quantities(text, rules) == []


def test_numbers_find_several_and_exclude_dates(rules: NumberRules) -> None:
    text = "في 7 آب 2014 قتل 3 أشخاص وجرح عشرات"
    assert [q.value or q.low for q in find_quantities(text, rules)] == [7, 2014, 3, 20]
    dates = [(3, 12)]  # "7 آب 2014", as the dates stage would give it
    assert [q.value or q.low for q in find_quantities(text, rules, exclude=dates)] == [3, 20]


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list("0123456789٠١٢٣٤٥٦٧٨٩,.٬٫%:/- والفمئةعشرنثلاتخسبحدىإأآيكق\u0640\u064e")))
       | st.text())
def test_numbers_never_raise_and_spans_index_text(text: str) -> None:
    for q in find_quantities(text, _RULES):
        s, e = q.span
        assert 0 <= s < e <= len(text) and text[s:e] == q.text
    parse_arabic_number(text, _RULES)
    parse_ordinal(text, _RULES)
    dual_count(text, _RULES)


_RULES = compile_number_rules(Resources.load().rules["numbers"])
