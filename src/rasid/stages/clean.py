"""Clean stage: drop scraped boilerplate and read the byline (outlet, wires, dateline, date).

Lines are judged by shape (short, unpunctuated, link-like), position (top zone before the lede,
after a "related" or comment marker, the tail) and repetition inside the document, never by
remembering particular articles. Word lists come from ``data/rules/boilerplate.json`` and
``data/rules/outlets.json``; every removed line is recorded in ``CleanDoc.removed`` with why.
Credit and byline lines ("المصدر: فرانس برس", "خاص - SY24") stay in the text: they name outlets
that later stages may link.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Any

from rasid.model import CleanDoc, RawDoc
from rasid.stages.normalize import fold, fold_with_map

_FINAL = ".!?؟…:؛"
_CLOSERS = "\"'”’»)]›"
_PUNCT = re.compile(r"[\"'“”‘’«»()\[\]{}<>:;؛،,.!?؟…*|/\\_=+~#@^&%$-]+")
_DASH = "-–—ـ"
_ENTITY = re.compile(r"&(?:#\d{2,6}|#x[0-9a-fA-F]{2,5}|[a-zA-Z]{2,8});")
_WORD = re.compile(r"\w+", re.UNICODE)
_CONTINUES = re.compile(r"^[\"'“«]?و[أإآتيقكنل]")
_LIST_ITEM = re.compile(r"^[*•·▪◦●■\-–—]\s")  # bullet points are the article's own list
_FIGURE = re.compile(r"[:：]\s*[\d٠-٩]")  # "درع الفرات: 3695 كيلومترا مربعا" is data, not a link
_BIDI = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def compile_clean_rules(rules: dict[str, Any]) -> _Rules:
    """Compile the boilerplate and outlet rules once (the pipeline caches this on Resources)."""
    return _Rules.build(rules)


def clean(raw: RawDoc, rules: dict[str, Any] | _Rules) -> CleanDoc:
    """Cleaned title and body of ``raw`` with its outlet, wire credits, dateline and date.

    >>> rules = {"boilerplate": {"related_markers": ["اقرأ أيضا"]}, "outlets": {}}
    >>> raw = RawDoc("d1", "t", title="عنوان", text="قال مصدر إن الهجوم وقع أمس في المدينة.\\nاقرأ أيضا\\nخبر آخر")
    >>> doc = clean(raw, rules)
    >>> doc.text, doc.removed
    ('قال مصدر إن الهجوم وقع أمس في المدينة.', ('related list: اقرأ أيضا', 'related list: خبر آخر'))
    """
    r = rules if isinstance(rules, _Rules) else _Rules.build(rules)
    title = _unescape(raw.title or "").strip()
    lines = [line.rstrip() for line in _unescape(raw.text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    doc = _Work(lines=lines, keep=[True] * len(lines), removed=[])
    title, suffix = _strip_title_suffix(title, raw.title or "", lines, r)
    if suffix:
        doc.removed.append(f"title site suffix: {suffix}")
    _drop_title_repeat(doc, title, raw.title or "")
    _cut_after_markers(doc, r)
    _drop_line_boilerplate(doc, r)
    _drop_footer(doc, r)
    _drop_inline_link_back(doc, r)
    lede = _find_lede(doc, r)
    if _punctuates(doc):  # headline shape means nothing in a text that never ends its sentences
        _drop_top_headlines(doc, lede, r)
        _drop_mid_headlines(doc, lede, r)
    _drop_pull_quotes(doc)
    text = _assemble(doc)
    kept = [line for line, k in zip(doc.lines, doc.keep) if k and line.strip()]
    wires = _find_wires(kept, r)
    dateline, dl_wires = _find_dateline(doc.lines[lede] if lede is not None else "", r)
    for w in dl_wires:
        if w not in wires:
            wires.append(w)
    outlet = raw.outlet or _outlet_from_suffix(suffix, r) or _find_outlet(kept + doc.cut, r)
    published = raw.published or _find_published(kept, r)
    return CleanDoc(
        doc_id=raw.doc_id, title=title, text=text, outlet=outlet, wires=tuple(wires), dateline=dateline,
        published=published, url=raw.url, language=raw.language or _guess_language(title + "\n" + text),
        removed=tuple(doc.removed),
    )


# --- rules ---------------------------------------------------------------------------------


@dataclass
class _Rules:
    """The rule tables in matching form (folded), built from the parsed JSON files."""

    b: dict[str, Any]
    separators: list[str]
    site_prefixes: set[str]
    related: set[str]
    comments: set[str]
    comment_lines: list[str]
    share: set[str]
    share_req: set[str]
    copyright: list[str]
    about_starts: list[str]
    about_cues: list[str]
    link_back: list[str]
    dl_stop: set[str]
    byline_prefixes: list[str]
    months: dict[str, int]
    wire_names: dict[str, str]  # folded alias -> canonical
    international: set[str]
    generic: set[str]
    credit_prefixes: list[str]
    attribution: list[str]
    byline_res: list[re.Pattern[str]]
    reporter: list[str]
    outlet_names: dict[str, str]  # folded alias -> name as printed
    agency_words: set[str]
    wire_re: re.Pattern[str] | None = field(default=None)

    @classmethod
    def build(cls, rules: dict[str, Any]) -> _Rules:
        b = rules.get("boilerplate") or {}
        o = rules.get("outlets") or {}

        def fl(key: str, src: dict[str, Any] = b) -> list[str]:
            return [_key(x) for x in src.get(key, []) if _key(x)]

        wire_names: dict[str, str] = {}
        international: set[str] = set()
        for canon, spec in (o.get("wires") or {}).items():
            names = spec.get("names", []) if isinstance(spec, dict) else spec
            if not isinstance(spec, dict) or spec.get("international", True):
                international.add(canon)
            for n in [canon, *names]:
                wire_names[_key(n)] = canon
        outlet_names: dict[str, str] = {}
        for name, aliases in (o.get("outlets") or {}).items():
            for a in [name, *aliases]:
                outlet_names[_key(a)] = name
        months: dict[str, int] = {}
        for num, names in (b.get("months") or {}).items():
            for n in names:
                months[_key(n)] = int(num)
        alias_alt = "|".join(re.escape(a) for a in sorted(wire_names, key=len, reverse=True))
        return cls(
            b=b, separators=list(b.get("title_separators", [" - ", " | "])), site_prefixes=set(fl("site_name_prefixes")),
            related=set(fl("related_markers")), comments=set(fl("comment_markers")), comment_lines=fl("comment_lines"),
            share=set(fl("share_tokens")), share_req=set(fl("share_required_tokens")), copyright=fl("copyright_markers"),
            about_starts=fl("about_us_starts"), about_cues=fl("about_us_cues"), link_back=fl("link_back_markers"),
            dl_stop=set(fl("dateline_stopwords")), byline_prefixes=fl("byline_prefixes"), months=months,
            wire_names=wire_names, international=international, generic=set(fl("generic_credits", o)),
            credit_prefixes=sorted(fl("credit_prefixes", o), key=len, reverse=True),
            attribution=sorted(fl("attribution_words", o), key=len, reverse=True),
            byline_res=[re.compile(p) for p in o.get("byline_patterns", [])], reporter=fl("reporter_phrases", o),
            outlet_names=outlet_names, agency_words=set(fl("agency_words", o)), wire_re=re.compile(rf"(?<!\w)(?:{alias_alt})(?!\w)") if wire_names else None,
        )


@dataclass
class _Work:
    lines: list[str]
    keep: list[bool]
    removed: list[str]
    cut: list[str] = field(default_factory=list)  # link-back tails cut off lines: they may name the outlet

    def drop(self, i: int, why: str) -> None:
        if self.keep[i]:
            self.keep[i] = False
            if self.lines[i].strip():
                self.removed.append(f"{why}: {_short(self.lines[i])}")

    def live(self) -> list[int]:
        return [i for i, k in enumerate(self.keep) if k and self.lines[i].strip()]


def _key(s: str) -> str:
    """Matching key of a short phrase: folded, punctuation to spaces, single-spaced."""
    return " ".join(_PUNCT.sub(" ", fold(s)).split())


def _short(line: str, n: int = 60) -> str:
    line = line.strip()
    return line if len(line) <= n else line[: n - 1] + "…"


def _unescape(s: str) -> str:
    return html.unescape(s) if _ENTITY.search(s) else s


# --- line shapes ---------------------------------------------------------------------------


def _words(line: str) -> int:
    return len(line.split())


def _ends_sentence(line: str, allow: str = _FINAL) -> bool:
    s = _BIDI.sub("", line).rstrip().rstrip(_CLOSERS).rstrip()
    return bool(s) and s[-1] in allow


def _is_headline(line: str) -> bool:
    """A related-link headline: 3-14 words with no sentence-ending stop (a question mark may end it)."""
    s = _BIDI.sub("", line).strip()
    if _CONTINUES.match(s) or _LIST_ITEM.match(s) or _FIGURE.search(s):  # "وأوضح ...", "وقال ...": a sentence going on, not a headline
        return False
    return 3 <= _words(s) <= 14 and not _ends_sentence(s, ".!…:؛")


def _is_body(line: str) -> bool:
    n = _words(line)
    return (n >= 12 and _ends_sentence(line)) or n >= 25


def _matches_marker(line: str, markers: set[str]) -> bool:
    k = _key(line)
    if not k or _words(k) > 7:
        return False
    return k in markers or any(k.startswith(m + " ") and _words(k) <= _words(m) + 2 for m in markers)


def _is_protected(line: str, r: _Rules) -> bool:
    """Credit and byline lines stay: they are short facts about the article, not boilerplate."""
    return _words(line) <= 3 or _credit_wires(line, r) is not None or _byline_outlet(line, r) is not None


# --- removal passes ------------------------------------------------------------------------


def _strip_title_suffix(title: str, raw_title: str, lines: list[str], r: _Rules) -> tuple[str, str]:
    """Drop " - SiteName" / " | SiteName" when the tail looks like a site, not part of the headline."""
    for sep in r.separators:
        at = title.rfind(sep)
        if at <= 0:
            continue
        head, tail = title[:at].strip(), title[at + len(sep):].strip()
        if not head or not tail or _words(tail) > 6 or len(tail) >= len(head):
            continue
        tk = _key(tail)
        latin_tail = _script(tail) == "latin" and _script(head) == "arabic"
        repeated = any(_key(line) == _key(head) for line in lines[:5] if line.strip())
        if tk in r.outlet_names or latin_tail or repeated or sep.strip() == "|" \
                or (tk.split()[0] if tk else "") in r.site_prefixes:
            return head, tail
    return title, ""


def _script(s: str) -> str:
    ar = sum(1 for c in s if "\u0600" <= c <= "\u06ff")
    la = sum(1 for c in s if c.isascii() and c.isalpha())
    return "arabic" if ar > la else "latin" if la else "other"


def _drop_title_repeat(doc: _Work, title: str, raw_title: str) -> None:
    keys = {_key(title), _key(raw_title)} - {""}
    for i in doc.live()[:3]:
        if _key(doc.lines[i]) in keys:
            doc.drop(i, "title repeated")
            return


def _cut_after_markers(doc: _Work, r: _Rules) -> None:
    """A "related"/comments marker line and the list after it go; article text after it stays."""
    live = doc.live()
    for pos, i in enumerate(live):
        if not doc.keep[i]:
            continue
        line = doc.lines[i]
        if _matches_marker(line, r.comments) or any(m in _key(line) for m in r.comment_lines):
            for j in live[pos:]:
                doc.drop(j, "comment form")
            return
        if _matches_marker(line, r.related):
            rest = live[pos + 1:]
            if not any(_is_body(doc.lines[j]) for j in rest):
                for j in live[pos:]:
                    doc.drop(j, "related list")
                return
            doc.drop(i, "related list")
            for j in rest:  # only the run of headline-shaped lines under the marker
                if _is_body(doc.lines[j]) or _is_protected(doc.lines[j], r):
                    break
                doc.drop(j, "related list")


def _drop_line_boilerplate(doc: _Work, r: _Rules) -> None:
    for i in doc.live():
        line = doc.lines[i]
        k = _key(line)
        toks = k.split()
        if toks and all(t in r.share for t in toks) and any(t in r.share_req for t in toks):
            doc.drop(i, "share row")
        elif _words(line) <= 25 and any(m in k or m in line.lower() for m in r.copyright):
            doc.drop(i, "copyright")
        elif any(m in k for m in r.comment_lines):
            doc.drop(i, "comment form")


def _drop_footer(doc: _Work, r: _Rules) -> None:
    """Site or NGO "about us" paragraphs among the last lines."""
    for i in doc.live()[-3:]:
        k = _key(doc.lines[i])
        starts = any(k.startswith(m) for m in r.about_starts)
        cues = sum(1 for m in r.about_cues if m in k)
        if starts and (cues or _words(k) <= 4) or cues >= 2:
            doc.drop(i, "about-us footer")


def _drop_inline_link_back(doc: _Work, r: _Rules) -> None:
    """"رابط الخبر بصحيفة ...: <title>" at the end of a line: cut from the marker on."""
    for i in doc.live():
        line = doc.lines[i]
        folded, to_orig = fold_with_map(line)
        for m in r.link_back:
            at = folded.find(m)
            if at >= 0 and ":" in folded[at:at + 60]:
                head = line[:to_orig[at]].rstrip()
                doc.removed.append(f"link back: {_short(line[to_orig[at]:])}")
                doc.cut.append(line[to_orig[at]:])
                doc.lines[i] = head
                if not head.strip():
                    doc.keep[i] = False
                break


def _find_lede(doc: _Work, r: _Rules) -> int | None:
    """The first paragraph of the story: a dateline line near the top, else the first body-shaped line."""
    live = doc.live()
    for i in live[:4]:
        if _find_dateline(doc.lines[i], r)[0] and _words(doc.lines[i]) >= 8:
            return i
    for i in live:
        if _is_body(doc.lines[i]):
            return i
    return live[0] if live else None


def _punctuates(doc: _Work) -> bool:
    long = [doc.lines[i] for i in doc.live() if _words(doc.lines[i]) >= 12]
    return not long or sum(1 for line in long if _ends_sentence(line)) / len(long) >= 0.7


def _drop_top_headlines(doc: _Work, lede: int | None, r: _Rules) -> None:
    """Headline-shaped lines between the title and the lede are links to other stories."""
    if lede is None:
        return
    top = [i for i in doc.live() if i < lede]
    heads = [i for i in top if _is_headline(doc.lines[i]) and not _is_protected(doc.lines[i], r)]
    if len(heads) >= 2:
        for i in heads:
            doc.drop(i, "related headline")


def _drop_mid_headlines(doc: _Work, lede: int | None, r: _Rules) -> None:
    """Two or more headline lines in a row between body paragraphs are an embedded "read also" box."""
    live = doc.live()
    run: list[int] = []
    for pos, i in enumerate(live):
        if lede is not None and i <= lede:
            continue
        line = doc.lines[i]
        if _is_headline(line) and not _is_protected(line, r):
            run.append(i)
            continue
        if len(run) >= 2 and _is_body(line):
            before = [j for j in live if j < run[0]]
            if before and _is_body(doc.lines[before[-1]]):
                for j in run:
                    doc.drop(j, "related headline")
        run = []


def _tokens(line: str) -> list[str]:
    """Folded words without a leading "و" (pull quotes often drop the conjunction)."""
    return [t[1:] if t.startswith("و") and len(t) > 3 else t for t in _WORD.findall(fold(line))]


def _drop_pull_quotes(doc: _Work) -> None:
    """A line repeated verbatim, or a short unpunctuated line whose words recur in order in one earlier paragraph."""
    live = doc.live()
    for pos, i in enumerate(live):
        line = doc.lines[i]
        if pos == 0:
            continue
        toks = _tokens(line)
        if len(toks) < 5:
            continue
        is_pull = _words(line) <= 30 and not _ends_sentence(line)
        for j in live[:pos]:
            earlier = _tokens(doc.lines[j])
            if earlier == toks:
                doc.drop(i, "repeated line")
                break
            if is_pull and len(earlier) > len(toks) and _subsequence_share(toks, earlier) >= 0.9:
                doc.drop(i, "pull quote")
                break


def _subsequence_share(short: list[str], long: list[str]) -> float:
    it = iter(long)
    hits = sum(1 for t in short if any(t == x for x in it))
    return hits / len(short)


def _assemble(doc: _Work) -> str:
    out: list[str] = []
    for line, k in zip(doc.lines, doc.keep):
        if not k:
            continue
        if not line.strip():
            if out and out[-1] != "":
                out.append("")
            continue
        out.append(line.rstrip())
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out).strip("\n")


# --- byline facts --------------------------------------------------------------------------


def _credit_wires(line: str, r: _Rules) -> list[str] | None:
    """Wires of a standalone credit line ("المصدر: فرانس برس", "مصدر فرانس24 وكالات"), else None."""
    k = _key(line)
    if not k or _words(k) > 8:
        return None
    for p in r.credit_prefixes:
        if k == p or k.startswith(p + " "):
            k = k[len(p):].strip()
            break
    wires = _only_wires(k, r)
    return wires


def _only_wires(k: str, r: _Rules) -> list[str] | None:
    """Canonical wires if ``k`` (a key) is nothing but wire names, generic credits and "و"."""
    if not k or r.wire_re is None:
        return None
    found: list[str] = []
    rest = k
    for g in sorted(r.generic, key=len, reverse=True):
        rest = re.sub(rf"(?<!\w){re.escape(g)}(?!\w)", " ", rest)
    for m in r.wire_re.finditer(rest):
        w = r.wire_names[m.group()]
        if w not in found:
            found.append(w)
    rest = r.wire_re.sub(" ", rest)
    leftover = [t for t in rest.split() if t not in ("و", "and", "+")]
    if leftover or (not found and rest == k):
        return None
    return found


def _find_wires(lines: list[str], r: _Rules) -> list[str]:
    wires: list[str] = []

    def add(ws: list[str] | None) -> None:
        for w in ws or []:
            if w not in wires:
                wires.append(w)

    for line in lines:
        add(_credit_wires(line, r))
        m = re.search(r"\(([^()]{1,40})\)\s*[.]?\s*$", line)
        if m and _words(line) > 1 and not _names_agency_before(line[:m.start()], r):
            add(_only_wires(_key(m.group(1)), r))  # "... (أ ف ب)" closing a paragraph
        add(_attributed_wires(line, r))
    return wires


def _names_agency_before(before: str, r: _Rules) -> bool:
    """"وكالة الأنباء السعودية (واس)": the parenthesis abbreviates a name just given, it credits nothing."""
    last = _key(before).split()[-4:]
    return any(w in r.agency_words for w in last)


def _attributed_wires(line: str, r: _Rules) -> list[str]:
    """International wires named as the source at the very end of a sentence ("، بحسب رويترز.")."""
    found: list[str] = []
    if not r.attribution:
        return found
    attr = "|".join(re.escape(a) for a in r.attribution)
    pat = re.compile(rf"(?:^|\s)(?:{attr})\s*(?:ما (?:ذكرته|ذكرت|افادت|نقلته) )?(?:ال)?(?:وكاله )?(?:الانباء )?"
                     rf"(?P<w>\S+(?: \S+){{0,3}})$")
    for sent in re.split(r"(?<=[.!؟?])\s+", line):
        m = pat.search(_key(sent))
        if not m:
            continue
        tail = re.sub(r"\s+للانباء$", "", m.group("w"))
        canon = r.wire_names.get(tail) or r.wire_names.get(re.sub(r"^ال", "", tail))
        if canon and canon in r.international and canon not in found:
            found.append(canon)
    return found


_DATELINE = re.compile(
    r"^\s*(?P<place>[^\s\d()،,.:\-–—]+(?:\s+[^\s\d()،,.:\-–—]+){0,2})\s*"
    r"(?:،\s*[^\-–—()\n]{1,30}?)?\s*(?:\((?P<par>[^)]{1,30})\))?\s*[\-–—]\s*\S"
)


def _find_dateline(line: str, r: _Rules) -> tuple[str | None, list[str]]:
    """``("بغداد", ["Reuters"])`` from "بغداد (رويترز) - ..."; ``(None, [])`` when there is none."""
    m = _DATELINE.match(line)
    if not m:
        return None, []
    place = _BIDI.sub("", m.group("place")).strip()
    words = place.split()
    if not words or (len(words) > 1 and words[0].startswith("و")) or re.search(r"[A-Za-z\"'“”«»]", place):
        return None, []
    if any(t in r.dl_stop for t in _key(place).split()) or _key(place) in r.wire_names:
        return None, []
    if _key(place) in r.outlet_names or _words(line) < 5:
        return None, []
    par = m.group("par")
    wires = (_only_wires(_key(par), r) or []) if par else []
    return place, wires


def _byline_outlet(line: str, r: _Rules) -> str | None:
    s = line.strip()
    if _words(s) > 8:
        return None
    for pat in r.byline_res:
        m = pat.search(s)
        if m:
            name = m.group("outlet").strip(" -–—/|:")
            if name and _key(name) not in r.wire_names and _key(name) not in r.generic:
                return r.outlet_names.get(_key(name), name)
    k = _key(s)
    if k in r.outlet_names and _words(s) <= 4:
        return r.outlet_names[k]
    return None


def _outlet_from_suffix(suffix: str, r: _Rules) -> str | None:
    return r.outlet_names.get(_key(suffix)) if suffix else None


def _find_outlet(lines: list[str], r: _Rules) -> str | None:
    """The outlet as the article names itself: byline lines at the top or bottom, reporter phrases."""
    edge = lines[:5] + lines[-4:]
    for line in edge:
        name = _byline_outlet(line, r)
        if name:
            return name
    attr = "|".join(re.escape(a) for a in r.attribution) or "بحسب"
    prefixes = "|".join(re.escape(p) for p in r.site_prefixes) or "موقع"
    for line in lines:
        k = _key(line)
        for p in r.reporter:  # "وبحسب مراسل بلدي نيوز في ..."
            for m in re.finditer(rf"(?:^|\s)و?(?:(?:{attr}) )?{re.escape(p)} (?P<rest>.+)", k):
                rest = m.group("rest")
                for alias in sorted(r.outlet_names, key=len, reverse=True):
                    if rest == alias or rest.startswith(alias + " "):
                        return r.outlet_names[alias]
        head = _key(line.split(":")[0])
        for marker in r.link_back:  # "رابط الخبر بصحيفة الوئام: ..."
            lb = re.search(rf"{re.escape(marker)} (?:ب|في )?(?:{prefixes}) ?(?P<name>.{{2,30}}?)$", head)
            if lb:
                return r.outlet_names.get(_key(lb.group("name")), lb.group("name"))
    return None


def _find_published(lines: list[str], r: _Rules) -> str | None:
    """ISO date stated in a byline line near the top or bottom ("نشر في 18 آذار 2019")."""
    for line in lines[:5] + lines[-3:]:
        if _words(line) > 12:
            continue
        k = _key(line)
        m = re.search(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)", line)
        if m:
            y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
            return _iso(y, mo, d)
        m = re.search(r"(?<!\d)(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?!\d)", line)
        if m:
            return _iso(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        is_byline = any(k.startswith(p) for p in r.byline_prefixes)
        for name, num in sorted(r.months.items(), key=lambda x: -len(x[0])):
            m = re.search(rf"(?<!\d)(\d{{1,2}}) (?:\S+ )?{re.escape(name)}(?: \S+)? (\d{{4}})(?!\d)", k)
            if m and (is_byline or _words(line) <= 7):
                return _iso(int(m.group(2)), num, int(m.group(1)))
    return None


def _iso(y: int, m: int, d: int) -> str | None:
    if 1900 <= y <= 2100 and 1 <= m <= 12 and 1 <= d <= 31:
        return f"{y:04d}-{m:02d}-{d:02d}"
    return None


def _guess_language(text: str) -> str:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return "und"
    if sum(1 for c in letters if "\u0600" <= c <= "\u06ff") / len(letters) >= 0.3:
        return "ar"
    words = set(text.lower().split())
    en = len(words & {"the", "and", "of", "to", "in", "is", "was", "said"})
    fr = len(words & {"le", "la", "les", "et", "des", "est", "dans", "une"})
    return "fr" if fr > en else "en" if en else "und"
