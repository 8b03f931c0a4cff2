"""Arabic normalisation for matching, and sentence segmentation.

The matching form folds diacritics, tatweel, alef/hamza forms, alef maqsura, ta marbuta,
Eastern Arabic digits and Latin case. It never replaces the text that offsets point into:
``fold_with_map`` returns, for each folded character, the index of the original character.
"""
from __future__ import annotations

import re
import unicodedata

from rasid.model import CleanDoc, NormalDoc, Span

_DELETE = set("\u0640") | {chr(c) for c in range(0x0610, 0x061B)} | {chr(c) for c in range(0x064B, 0x0660)} \
    | {"\u0670"} | {chr(c) for c in range(0x06D6, 0x06EE)} | {"\u200c", "\u200d", "\u200e", "\u200f", "\ufeff"}
_MAP = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي",
    "ی": "ي", "ک": "ك", "ە": "ه", "ڤ": "ف", "گ": "ك", "پ": "ب", "چ": "ج",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ",
    "#": " ", "_": " ",  # "#أنور_العولقي": a hashtag names "أنور العولقي"
}
for _i in range(10):
    _MAP[chr(0x0660 + _i)] = str(_i)  # Arabic-Indic
    _MAP[chr(0x06F0 + _i)] = str(_i)  # Persian


def _fold_char(ch: str) -> str:
    if ch in _DELETE:
        return ""
    if ch in _MAP:
        return _MAP[ch]
    if ch.isascii():
        return ch.lower()
    if "\ufb50" <= ch <= "\ufeff" or "\uff00" <= ch <= "\uffef":  # presentation forms, full width
        decomposed = unicodedata.normalize("NFKC", ch)
        if decomposed != ch:
            return "".join(_fold_char(c) for c in decomposed)
    return ch.lower()


def fold_with_map(text: str) -> tuple[str, tuple[int, ...]]:
    """Fold ``text`` for matching; ``to_orig[i]`` is the original index of folded char ``i``.

    >>> fold_with_map("أَمْسِ")
    ('امس', (0, 2, 4))
    """
    out: list[str] = []
    to_orig: list[int] = []
    table = _TABLE
    for i, ch in enumerate(text):
        code = ord(ch)
        folded = table[code] if code in table else ch.lower()
        if folded is None:
            continue
        if len(folded) == 1:
            out.append(folded)
            to_orig.append(i)
        else:
            for f in folded:
                out.append(f)
                to_orig.append(i)
    return "".join(out), tuple(to_orig)


def _translation_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    for code in [*range(0x0600, 0x0700), *range(0x06F0, 0x06FA), *range(0xFB50, 0xFF00), *range(0xFF00, 0xFFF0),
                 0x00A0, 0x2009, 0x202F, 0x200C, 0x200D, 0x200E, 0x200F, 0xFEFF, 0x23, 0x5F]:
        ch = chr(code)
        folded = _fold_char(ch)
        if folded != ch.lower():
            table[code] = folded or None
    return table


_TABLE = _translation_table()  # a constant derived from the rules above, not a cache


def fold(text: str) -> str:
    """The matching form of a string (aliases, queries, keys); same result as ``fold_with_map``.

    >>> fold("الدولة الإسلاميّة")
    'الدوله الاسلاميه'
    """
    return text.translate(_TABLE).lower()


_ABBREV_END = re.compile(r"(?:^|\s)(?:د|م|ج|ص|أ|ا|ت|ق|هـ|Dr|Mr|Mrs|St|No)\.\s*$")
_BREAK = re.compile(r"[^\n]+")


def split_sentences(text: str, start: int = 0) -> tuple[Span, ...]:
    """Sentence spans of ``text`` (offset by ``start``): lines first, then sentencex inside each line.

    Arabic news puts one paragraph per line, and ``،`` never ends a sentence.
    """
    from sentencex import segment

    spans: list[Span] = []
    for line in _BREAK.finditer(text):
        pos = line.start()
        pending: int | None = None
        for piece in segment("ar", line.group()):
            at = text.find(piece, pos)
            if at < 0:  # segmenter changed the text: fall back to the whole line
                spans.append((start + line.start(), start + line.end()))
                pending = None
                break
            s, e = at, at + len(piece)
            pos = e
            if pending is not None:
                s = pending
            if _ABBREV_END.search(piece) and e < line.end():
                pending = s  # "د." is a title, not a full stop: glue to the next piece
                continue
            pending = None
            s2, e2 = _strip(text, s, e)
            if e2 > s2:
                spans.append((start + s2, start + e2))
        if pending is not None:
            s2, e2 = _strip(text, pending, line.end())
            if e2 > s2:
                spans.append((start + s2, start + e2))
    return tuple(spans)


def _strip(text: str, s: int, e: int) -> Span:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def normalize(doc: CleanDoc) -> NormalDoc:
    """Matching form and sentence spans of a cleaned document; offsets stay on ``doc.full_text``."""
    full = doc.full_text
    norm, to_orig = fold_with_map(full)
    sentences = split_sentences(full)
    return NormalDoc(clean=doc, norm=norm, to_orig=to_orig, sentences=sentences)
