from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rasid.model import CleanDoc
from rasid.stages.normalize import fold, fold_with_map, normalize, split_sentences


@pytest.mark.parametrize("text, folded", [
    ("الدولة الإسلامية", "الدوله الاسلاميه"),
    ("أبي الحسن المهاجر", "ابي الحسن المهاجر"),
    ("المتحدّث", "المتحدث"),
    ("مصطفى", "مصطفي"),
    ("إسـلام", "اسلام"),
    ("٢٠١٩ و۲۵", "2019 و25"),
    ("ISIS", "isis"),
    ("ﻻ", "لا"),
])
def test_normalize_folds_orthographic_variants(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_normalize_map_points_into_original() -> None:
    text = "أَعلنَ التنظيمُ"
    norm, to_orig = fold_with_map(text)
    assert len(norm) == len(to_orig)
    for i, ch in enumerate(norm):
        assert fold(text[to_orig[i]]) == ch


@given(st.text())
def test_normalize_is_idempotent_and_offsets_index_the_text(text: str) -> None:
    norm, to_orig = fold_with_map(text)
    assert fold(norm) == norm
    assert all(0 <= i < len(text) for i in to_orig)
    assert list(to_orig) == sorted(to_orig)


@given(st.text())
def test_normalize_sentences_never_raise_and_stay_inside(text: str) -> None:
    for s, e in split_sentences(text):
        assert 0 <= s < e <= len(text)


def test_normalize_sentences_keep_comma_and_titles_together() -> None:
    text = "قال د. محمد إن التنظيم، الذي خسر الباغوز، نشر تسجيلا. وأضاف المتحدث أن المعركة مستمرة."
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == [
        "قال د. محمد إن التنظيم، الذي خسر الباغوز، نشر تسجيلا.", "وأضاف المتحدث أن المعركة مستمرة."]


def test_normalize_doc_offsets_cover_title_and_body() -> None:
    doc = normalize(CleanDoc("d", "عنوان الخبر", "الجملة الأولى. الجملة الثانية."))
    full = doc.clean.full_text
    assert [full[s:e] for s, e in doc.sentences] == ["عنوان الخبر", "الجملة الأولى.", "الجملة الثانية."]
    assert doc.orig_span(0, 5) == (0, 5)


@pytest.mark.parametrize("ch", ["\ufdc8", "\ufdfd", "\ufe70", "\uff21"])
def test_normalize_presentation_forms_and_unassigned_points(ch: str) -> None:
    norm, to_orig = fold_with_map(ch)
    assert fold(norm) == norm and all(i == 0 for i in to_orig)
