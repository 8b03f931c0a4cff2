"""Read articles from files, folders or stdin: text, HTML and JSONL, in any common encoding.

Every input yields either a ``RawDoc`` or a ``Reject`` that says why it could not be read;
nothing raises for a bad file and nothing is dropped silently.
"""
from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from rasid.errors import InputError
from rasid.io.decode import decode_bytes
from rasid.model import RawDoc, Reject

TEXT_EXTS = (".txt",)
HTML_EXTS = (".html", ".htm")
JSONL_EXTS = (".jsonl", ".json")
SUPPORTED = TEXT_EXTS + HTML_EXTS + JSONL_EXTS
MAX_BYTES = 50_000_000
MIN_HTML_WORDS = 5  # fewer words than this after extraction is a menu or an error page, not an article

RawOrReject = RawDoc | Reject


def iter_raw_docs(paths: Iterable[str | Path], max_bytes: int = MAX_BYTES) -> Iterator[RawOrReject]:
    """Yield one ``RawDoc`` per article found under ``paths`` (files, folders, or "-" for stdin).

    Folders are walked recursively in sorted order; hidden files are skipped, and files with
    an extension Rasid cannot read come out as a ``Reject``.
    """
    for p in paths:
        if str(p) == "-":
            yield from _read_stdin(max_bytes)
            continue
        path = Path(p)
        if path.is_dir():
            for child in _walk(path):
                yield from read_path(child, max_bytes)
        elif path.exists():
            yield from read_path(path, max_bytes)
        else:
            yield Reject(str(path), "no such file or folder", doc_id=path.stem)


def read_path(path: Path, max_bytes: int = MAX_BYTES) -> Iterator[RawOrReject]:
    """Read one file by its extension; a problem becomes a ``Reject``, never an exception."""
    source = str(path)
    ext = path.suffix.lower()
    if ext not in SUPPORTED:
        yield Reject(source, f"unsupported file type {ext or '(none)'!r}; Rasid reads {', '.join(SUPPORTED)}",
                     doc_id=path.stem)
        return
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(f"file is too large ({size:,} bytes > max_bytes {max_bytes:,}); split it or raise the limit")
        data = path.read_bytes()
    except (InputError, OSError) as e:
        yield Reject(source, _reason(e), doc_id=path.stem)
        return
    yield from read_bytes(data, source, path.stem, ext)


def read_bytes(data: bytes, source: str, stem: str, ext: str) -> Iterator[RawOrReject]:
    """Decode and parse bytes that came from ``source``; ``ext`` picks the format ("" = sniff)."""
    try:
        if not data.strip():
            raise InputError("empty file" if not data else "file holds only whitespace")
        text, _encoding = decode_bytes(data)
        if not text.strip():
            raise InputError("file holds only whitespace")
    except InputError as e:
        yield Reject(source, _reason(e), doc_id=stem)
        return
    if not ext:
        ext = _sniff(text)
    if ext in JSONL_EXTS:
        yield from _parse_jsonl(text, source, stem)
    elif ext in HTML_EXTS:
        yield _one(lambda: parse_html(text, source, stem), source, stem)
    else:
        yield _one(lambda: parse_text(text, source, stem), source, stem)


def parse_text(text: str, source: str, doc_id: str) -> RawDoc:
    """Plain text as in the seeds: the first non-empty line is the title, the rest the body."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for i, line in enumerate(lines):
        if line.strip():
            body = "\n".join(lines[i + 1:]).strip("\n")
            return RawDoc(doc_id=doc_id, source=source, title=line.strip(), text=body)
    raise InputError("file holds only whitespace")


def parse_html(html: str, source: str, doc_id: str, **meta: Any) -> RawDoc:
    """Main text of an HTML page (menus, share rows, related lists and comments dropped)."""
    title, body, found = _extract_html(html)
    if len(body.split()) < MIN_HTML_WORDS:
        raise InputError("no article text found in the HTML (empty, truncated or only navigation)")
    return RawDoc(
        doc_id=doc_id, source=source,
        title=(meta.get("title") or title or "").strip(), text=body, html=html,
        url=meta.get("url") or found.get("url"),
        published=meta.get("published") or found.get("date"),
        outlet=meta.get("outlet"), language=meta.get("language"),
    )


def _extract_html(html: str) -> tuple[str, str, dict[str, str]]:
    import trafilatura

    doc = trafilatura.bare_extraction(
        html, include_comments=False, include_tables=False, include_links=False,
        favor_precision=True, with_metadata=True,
    )
    if doc is None:  # trafilatura gives up on tiny or broken pages: fall back to visible text
        doc = trafilatura.bare_extraction(html, include_comments=False, favor_recall=True, with_metadata=True)
    if doc is None:
        return "", _fallback_text(html), {}
    d = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    body = d.get("text") or ""
    if not body.strip():
        body = _fallback_text(html)
    found = {k: str(d[k]) for k in ("url", "date") if d.get(k)}
    return str(d.get("title") or ""), body, found


def _fallback_text(html: str) -> str:
    """Visible paragraph text of broken HTML that trafilatura cannot parse."""
    import re
    from html import unescape

    html = re.sub(r"(?is)<(script|style|nav|header|footer|form)\b.*?(</\1>|$)", " ", html)
    parts = re.split(r"(?i)</?(?:p|div|br|h[1-6]|li|article|section)\b[^>]*>", html)
    lines = [unescape(re.sub(r"<[^>]*>?", " ", p)) for p in parts]
    lines = [" ".join(line.split()) for line in lines]
    return "\n".join(line for line in lines if len(line.split()) >= 4)


def _parse_jsonl(text: str, source: str, stem: str) -> Iterator[RawOrReject]:
    stripped = text.lstrip()
    if stripped.startswith("["):  # a .json file holding one array of articles
        try:
            items = json.loads(stripped)
        except json.JSONDecodeError as e:
            yield Reject(source, f"invalid JSON: {e.msg} at line {e.lineno}", doc_id=stem)
            return
        for n, item in enumerate(items, 1):
            yield _from_record(item, f"{source}[{n}]", f"{stem}:{n}")
        return
    # JSON Lines are separated by "\n" only: U+2028 or U+0085 inside a string is content, not a break
    for n, line in enumerate(text.replace("\r\n", "\n").split("\n"), 1):
        if not line.strip():
            continue
        where = f"{source}:{n}"
        try:
            item = json.loads(line)
        except json.JSONDecodeError as e:
            yield Reject(where, f"line {n}: invalid JSON ({e.msg}); fix or remove the line", doc_id=f"{stem}:{n}")
            continue
        yield _from_record(item, where, f"{stem}:{n}")


def _from_record(item: Any, where: str, fallback_id: str) -> RawOrReject:
    if not isinstance(item, dict):
        return Reject(where, f"expected a JSON object per article, got {type(item).__name__}", doc_id=fallback_id)
    doc_id = str(item.get("id") or item.get("doc_id") or fallback_id)
    meta = {k: _str_or_none(item.get(k)) for k in ("url", "published", "outlet", "language")}
    title = _str_or_none(item.get("title")) or ""
    body = item.get("text")
    html = item.get("html")
    if isinstance(body, str) and body.strip():
        return RawDoc(doc_id=doc_id, source=where, title=title.strip(), text=body, **meta)
    if isinstance(html, str) and html.strip():
        return _one(lambda: parse_html(html, where, doc_id, title=title, **meta), where, doc_id)
    return Reject(where, "article has no 'text' or 'html' field with content", doc_id=doc_id)


def _one(build: Any, source: str, doc_id: str) -> RawOrReject:
    try:
        doc: RawDoc = build()
        return doc
    except InputError as e:
        return Reject(source, _reason(e), doc_id=doc_id)
    except Exception as e:  # noqa: BLE001 -- a parser bug must not stop the batch; the reason names it
        return Reject(source, f"could not parse: {type(e).__name__}: {e}", doc_id=doc_id)


def _read_stdin(max_bytes: int) -> Iterator[RawOrReject]:
    stream: BinaryIO = sys.stdin.buffer
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        yield Reject("<stdin>", f"input is too large (> max_bytes {max_bytes:,}); split it or raise the limit",
                     doc_id="stdin")
        return
    yield from read_bytes(data, "<stdin>", "stdin", "")


def _sniff(text: str) -> str:
    """Pick a format for input without a file name: JSONL, then HTML, else text."""
    lines = [line.strip() for line in text.replace("\r\n", "\n").split("\n") if line.strip()]
    if lines and all(line.startswith("{") for line in lines[:5]):
        try:
            json.loads(lines[0])
            return ".jsonl"
        except json.JSONDecodeError:
            pass
    head = text.lstrip()[:2000].lower()
    if head.startswith(("<!doctype html", "<html")) or any(t in head for t in ("<body", "<p>", "<div", "<article")):
        return ".html"
    return ".txt"


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def _str_or_none(v: Any) -> str | None:
    return None if v is None or v == "" else str(v)


def _reason(e: BaseException) -> str:
    msg = str(e)
    return msg if isinstance(e, InputError) else f"cannot read file: {msg}"
