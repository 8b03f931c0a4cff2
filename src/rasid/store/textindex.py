"""Arabic-aware full-text keys: what the index stores, what a query looks for, where to highlight.

Both sides go through the same two steps, so a query in any spelling finds every spelling:

1. ``fold`` (rasid.stages.normalize): diacritics, tatweel, hamza/alef forms, alef maqsura, teh
   marbuta, Eastern digits, Latin case;
2. a light proclitic stripper (rules in ``data/rules/search.json``): conjunction و/ف, preposition
   ب/ل/ك and the article forms (ال، لل، بال، وال …).

>>> index_terms("غزوةُ للثأر")
['غزوه', 'ثار']
>>> index_terms("غزوة الثأر") == index_terms("غزوه الثار")
True

The index holds one key per word, in order, so phrases still work. SQLite's FTS5 gets the keys
joined by spaces; PostgreSQL gets a ``tsvector`` literal built here (no text-search parser or
dictionary is involved, so the server's locale cannot change what matches). Snippets are cut
from the original text: matched words are found again with ``fold_with_map`` and marked.
"""
from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources as importlib_resources
from typing import Any

from rasid.stages.normalize import fold

_WORD = re.compile(r"\w+")
# A word of the original text: letters and digits with any diacritics, tatweel or joiners inside it.
_RAW_WORD = re.compile(r"[\w\u0610-\u061a\u064b-\u065f\u0670\u0640\u06d6-\u06ed\u200c\u200d]+")
_PHRASE = re.compile(r'"([^"]*)"')


@lru_cache(maxsize=1)
def _rules() -> dict[str, Any]:
    # Read once per process: a pure table of search rules, never changed at run time.
    path = importlib_resources.files("rasid") / "data" / "rules" / "search.json"
    rules: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    rules["article_forms"] = sorted(rules["article_forms"], key=len, reverse=True)
    rules["stopwords"] = frozenset(rules["stopwords"])
    return rules


def stem(word: str) -> str:
    """Strip proclitics from one folded word (both index and query use this).

    >>> [stem(w) for w in ("للثار", "والثار", "وداعش", "بالرقه", "داعش", "في")]
    ['ثار', 'ثار', 'داعش', 'رقه', 'داعش', 'في']
    """
    r = _rules()
    min_stem = int(r["min_stem"])
    t = word
    for _ in range(2):
        if len(t) > min_stem and t[0] in r["conjunctions"]:
            t = t[1:]
    for art in r["article_forms"]:
        if t.startswith(art) and len(t) - len(art) >= 2:
            return t[len(art):]
    if len(t) > min_stem and t[0] in r["prepositions"]:
        t = t[1:]
    return t


@lru_cache(maxsize=200_000)
def _word_keys(word: str) -> tuple[str, ...]:
    return tuple(stem(w) for w in _WORD.findall(fold(word)))


def index_terms(text: str) -> list[str]:
    """The index keys of a text, one per word, in order."""
    return [k for w in _RAW_WORD.findall(text) for k in _word_keys(w)]


def index_text(text: str) -> str:
    """The keys joined by spaces: what goes into the FTS5 table."""
    return " ".join(index_terms(text))


def tsvector_literal(title: str, body: str) -> str:
    """A PostgreSQL ``tsvector`` literal: title keys weighted A, body keys B, with positions."""
    positions: dict[str, list[str]] = {}
    pos = 0
    for weight, text in (("A", title), ("B", body)):
        for key in index_terms(text):
            pos += 1
            pos = min(pos, 16383)  # PostgreSQL's largest position; later words keep it
            positions.setdefault(key, []).append(f"{pos}{weight}")
    parts = []
    for key, ps in positions.items():
        parts.append(_quote_lexeme(key) + ":" + ",".join(ps[:256]))  # at most 256 positions per lexeme
    return " ".join(parts)


def _quote_lexeme(key: str) -> str:
    return "'" + key.replace("\\", "\\\\").replace("'", "''") + "'"


@dataclass(frozen=True)
class ParsedQuery:
    """A user's query as index keys: quoted phrases, and single words (stopwords dropped)."""

    phrases: tuple[tuple[str, ...], ...]
    words: tuple[str, ...]

    @property
    def is_empty(self) -> bool:
        return not self.phrases and not self.words

    @property
    def keys(self) -> frozenset[str]:
        """Every key the query looks for (to highlight)."""
        return frozenset(self.words) | frozenset(k for p in self.phrases for k in p)

    def fts5(self, mode: str = "all") -> str:
        """An FTS5 MATCH expression: ``all`` words (and phrases), or ``any`` of them."""
        items = [_fts5_quote(" ".join(p)) for p in self.phrases] + [_fts5_quote(w) for w in self.words]
        return (" OR " if mode == "any" else " AND ").join(items)

    def tsquery(self, mode: str = "all") -> str:
        """A PostgreSQL ``tsquery`` literal with the same meaning as :meth:`fts5`."""
        items = ["(" + " <-> ".join(_quote_lexeme(k) for k in p) + ")" for p in self.phrases]
        items += [_quote_lexeme(w) for w in self.words]
        return (" | " if mode == "any" else " & ").join(items)


def _fts5_quote(s: str) -> str:
    return '"' + s.replace('"', '""') + '"'


def parse_query(query: str) -> ParsedQuery:
    """Quoted parts are phrases; other words are required (stopwords dropped unless alone).

    >>> parse_query('"غزوة الثأر" في دير الزور')
    ParsedQuery(phrases=(('غزوه', 'ثار'),), words=('دير', 'زور'))
    """
    stop = _rules()["stopwords"]
    phrases: list[tuple[str, ...]] = []
    for m in _PHRASE.finditer(query):
        keys = tuple(index_terms(m.group(1)))
        if keys:
            phrases.append(keys)
    rest = _PHRASE.sub(" ", query).replace('"', " ")
    folded = _WORD.findall(fold(rest))
    words = [stem(w) for w in folded if w not in stop] or [stem(w) for w in folded]
    if phrases and not [w for w in folded if w not in stop]:
        words = []
    return ParsedQuery(tuple(dict.fromkeys(phrases)), tuple(dict.fromkeys(words)))


def find_matches(text: str, keys: frozenset[str]) -> list[tuple[int, int]]:
    """Spans of ``text`` (original offsets) whose words index to one of ``keys``."""
    if not keys or not text:
        return []
    return [m.span() for m in _RAW_WORD.finditer(text) if any(k in keys for k in _word_keys(m.group()))]


def snippet(text: str, keys: frozenset[str], width: int = 220, mark: tuple[str, str] = ("<mark>", "</mark>"),
            escape: bool = True) -> str:
    """A window of ``text`` around the densest run of matches, matches wrapped in ``mark``.

    >>> snippet("قال التنظيم إن غزوةَ للثأر بدأت", parse_query("غزوة الثأر").keys)
    'قال التنظيم إن <mark>غزوةَ</mark> <mark>للثأر</mark> بدأت'
    """
    spans = find_matches(text, keys)
    if not spans:
        start, end = 0, min(len(text), width)
    else:
        best, best_n = spans[0][0], 0
        for i, (s, _) in enumerate(spans):
            n = sum(1 for s2, _ in spans[i:] if s2 < s + width)
            if n > best_n:
                best, best_n = s, n
        start = max(0, best - width // 4)
        end = min(len(text), start + width)
        while start > 0 and not text[start - 1].isspace() and best - start < width // 2:
            start -= 1
        while end < len(text) and not text[end].isspace() and end - start < width + 40:
            end += 1
    esc = html.escape if escape else (lambda s: s)
    out: list[str] = ["…" if start > 0 else ""]
    pos = start
    for s, e in spans:
        if s < start or e > end:
            continue
        out.append(esc(text[pos:s]) + mark[0] + esc(text[s:e]) + mark[1])
        pos = e
    out.append(esc(text[pos:end]))
    if end < len(text):
        out.append("…")
    return "".join(out).replace("\n", " ")
