"""UI strings in Arabic and English (``strings.json``), the page language, and dates in two calendars.

>>> t = Translator("ar")
>>> t("events")
'الأحداث'
>>> format_date("2019-03-23", "en", "both")
'23 March 2019 (16 Rajab 1440 AH)'
>>> format_date("--08-07", "en", "gregorian")
'7 August (year unknown)'
"""
from __future__ import annotations

import json
from functools import cache
from pathlib import Path

LANGS = ("ar", "en")
CALENDARS = ("gregorian", "both")
_MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
    "ar": ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر",
           "ديسمبر"),
}


@cache
def strings() -> dict[str, dict[str, str]]:
    """Every UI string, keyed by name then language (read once; the file is package data)."""
    data: dict[str, dict[str, str]] = json.loads((Path(__file__).parent / "strings.json").read_text("utf-8"))
    return data


class Translator:
    """``t("key")`` gives the string in the page language; an unknown key is returned as is."""

    def __init__(self, lang: str) -> None:
        self.lang = lang if lang in LANGS else "en"
        self.dir = "rtl" if self.lang == "ar" else "ltr"

    def __call__(self, key: str) -> str:
        entry = strings().get(key)
        return entry[self.lang] if entry else key

    def type_name(self, event_type: str | None) -> str:
        return self(f"t_{event_type}") if event_type and f"t_{event_type}" in strings() else (event_type or "")

    def kind_name(self, kind: str | None) -> str:
        return self(f"k_{kind}") if kind and f"k_{kind}" in strings() else (kind or "")


def pick_lang(query: str | None, cookie: str | None, accept_language: str | None) -> str:
    """The page language: the URL first, then the cookie, then the browser's preference, else English.

    >>> pick_lang(None, None, "ar-SY,ar;q=0.9,en;q=0.5")
    'ar'
    >>> pick_lang("en", "ar", None)
    'en'
    """
    for value in (query, cookie):
        if value in LANGS:
            return value
    if accept_language and accept_language.strip().lower().startswith("ar"):
        return "ar"
    return "en"


def format_date(iso: str | None, lang: str, calendar: str = "gregorian") -> str:
    """A readable date; ``calendar="both"`` adds the Hijri date of a full ISO day."""
    if not iso:
        return ""
    months = _MONTHS["ar" if lang == "ar" else "en"]
    if iso.startswith("--") and len(iso) >= 7:  # --MM-DD: the year cannot be known
        month, day = int(iso[2:4]), int(iso[5:7])
        unknown = "السنة غير معروفة" if lang == "ar" else "year unknown"
        return f"{day} {months[month - 1]} ({unknown})"
    parts = iso[:10].split("-")
    try:
        nums = [int(p) for p in parts]
    except ValueError:
        return iso
    if len(nums) == 1:
        return str(nums[0])
    if len(nums) == 2:
        return f"{months[nums[1] - 1]} {nums[0]}"
    year, month, day = nums[:3]
    text = f"{day} {months[month - 1]} {year}"
    if calendar == "both":
        hijri = _hijri(year, month, day, lang)
        if hijri:
            text += f" ({hijri})"
    return text


def _hijri(year: int, month: int, day: int, lang: str) -> str:
    from hijridate import Gregorian

    try:
        h = Gregorian(year, month, day).to_hijri()
    except (OverflowError, ValueError):
        return ""  # outside the Umm al-Qura table (1937-2077)
    if lang == "ar":
        return f"{h.day} {h.month_name('ar')} {h.year} هـ"
    return f"{h.day} {h.month_name('en')} {h.year} AH"
