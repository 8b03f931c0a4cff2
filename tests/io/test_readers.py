"""Readers: every input comes out as a RawDoc or a Reject with a reason, never an exception."""
from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path

import pytest

from rasid.errors import InputError
from rasid.io.decode import decode_bytes
from rasid.io.readers import iter_raw_docs
from rasid.model import RawDoc, Reject

TITLE = "تنظيم داعش يتبنى هجوما في الرقة"
BODY = "قال مصدر أمني إن تنظيم داعش تبنى هجوما على حاجز في مدينة الرقة شمال سوريا أمس الأحد."
ARTICLE = f"{TITLE}\n\n{BODY}\n"

HTML = f"""<!doctype html><html lang="ar"><head><meta charset="utf-8"><title>{TITLE} - موقع الأخبار</title>
<meta property="article:published_time" content="2019-03-18T10:00:00Z">
<link rel="canonical" href="https://example.org/news/1"></head>
<body><nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/syria">سوريا</a></li><li><a href="/iraq">العراق</a></li></ul></nav>
<article><h1>{TITLE}</h1>
<div class="share"><a href="#">Facebook</a> <a href="#">WhatsApp</a> <a href="#">Telegram</a></div>
<p>{BODY}</p>
<p>وأضاف المصدر أن الهجوم أسفر عن مقتل ثلاثة عناصر من قوات الأمن وإصابة خمسة آخرين بجروح متفاوتة.</p>
<p>ولم تعلق الجهات الرسمية على الهجوم حتى الآن، فيما تواصل القوات عمليات التمشيط في المنطقة.</p>
</article>
<aside class="related"><h3>مقالات ذات صلة</h3><ul><li><a href="/a">خبر آخر عن سوريا</a></li><li><a href="/b">خبر ثالث</a></li></ul></aside>
<div id="comments"><h3>اترك رد</h3><form><textarea></textarea><input type="submit" value="إرسال التعليق"></form></div>
<footer>جميع الحقوق محفوظة © 2019</footer></body></html>"""


def _read(*paths: object, **kw: object) -> list[RawDoc | Reject]:
    return list(iter_raw_docs([str(p) for p in paths], **kw))  # type: ignore[arg-type]


def _one(path: Path, **kw: object) -> RawDoc | Reject:
    out = _read(path, **kw)
    assert len(out) == 1, out
    return out[0]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1256"])
def test_readers_text_any_encoding(tmp_path: Path, encoding: str) -> None:
    p = tmp_path / "001_x.txt"
    p.write_bytes(ARTICLE.encode(encoding))
    doc = _one(p)
    assert isinstance(doc, RawDoc), doc
    assert (doc.doc_id, doc.title, doc.text.strip()) == ("001_x", TITLE, BODY)


@pytest.mark.parametrize("text,encoding", [
    ("داعش", "cp1256"),  # too short for statistics: Arabic still wins over CJK guesses
    ("\ufeffنص", "utf-8-sig"),
    ("plain ascii", "utf-8"),
])
def test_readers_decode_short(text: str, encoding: str) -> None:
    data = text.encode("utf-8" if encoding == "utf-8-sig" and text.startswith("\ufeff") else encoding)
    decoded, enc = decode_bytes(data)
    assert decoded == text.lstrip("\ufeff") and enc == encoding


@pytest.mark.parametrize("data,reason", [
    (b"", "empty"),
    (b"  \n\t\r\n ", "whitespace"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
    (bytes(range(1, 32)) * 20, "binary"),
])
def test_readers_bad_bytes_rejected(tmp_path: Path, data: bytes, reason: str) -> None:
    p = tmp_path / "bad.txt"
    p.write_bytes(data)
    doc = _one(p)
    assert isinstance(doc, Reject) and reason in doc.reason and doc.stage == "ingest" and doc.doc_id == "bad"


def test_readers_decode_binary_raises() -> None:
    with pytest.raises(InputError, match="binary"):
        decode_bytes(b"abc\x00def")


def test_readers_too_large_is_rejected_without_reading(tmp_path: Path) -> None:
    p = tmp_path / "huge.txt"
    with open(p, "wb") as f:
        f.truncate(200_000_000)  # sparse: instant, no disk used
    doc = _one(p)
    assert isinstance(doc, Reject) and "too large" in doc.reason and "200,000,000" in doc.reason


def test_readers_max_bytes_is_a_parameter(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    assert isinstance(_one(p, max_bytes=10), Reject)
    assert isinstance(_one(p, max_bytes=10_000), RawDoc)


def test_readers_html_main_text(tmp_path: Path) -> None:
    p = tmp_path / "page.html"
    p.write_text(HTML, encoding="utf-8")
    doc = _one(p)
    assert isinstance(doc, RawDoc), doc
    assert doc.doc_id == "page" and TITLE in doc.title
    assert BODY in doc.text and "مقتل ثلاثة عناصر" in doc.text
    for junk in ("الرئيسية", "WhatsApp", "مقالات ذات صلة", "اترك رد", "جميع الحقوق"):
        assert junk not in doc.text, junk
    assert doc.published == "2019-03-18"
    assert doc.url == "https://example.org/news/1"


def test_readers_html_cp1256(tmp_path: Path) -> None:
    p = tmp_path / "legacy.htm"
    p.write_bytes(HTML.replace('<meta charset="utf-8">', "").encode("cp1256"))
    doc = _one(p)
    assert isinstance(doc, RawDoc) and BODY in doc.text


def test_readers_truncated_html_keeps_what_is_there(tmp_path: Path) -> None:
    p = tmp_path / "cut.html"
    p.write_text(HTML[: HTML.index("وأضاف المصدر") + 40], encoding="utf-8")
    doc = _one(p)
    assert isinstance(doc, RawDoc), doc
    assert BODY in doc.text


@pytest.mark.parametrize("html", ["<html><body><div", "<html><head><title>x</title></head><body></body></html>",
                                  "<html><body><nav><a href='/'>الرئيسية</a></nav></body></html>"])
def test_readers_html_without_text_is_rejected(tmp_path: Path, html: str) -> None:
    p = tmp_path / "empty.html"
    p.write_text(html, encoding="utf-8")
    doc = _one(p)
    assert isinstance(doc, Reject) and "no article text" in doc.reason


def test_readers_jsonl_bad_line_does_not_stop_the_file(tmp_path: Path) -> None:
    p = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "a1", "title": TITLE, "text": BODY, "url": "https://x.org/1", "published": "2018-05-14",
                    "outlet": "skynews"}, ensure_ascii=False),
        '{"id": "a2", "title": broken',
        json.dumps({"title": "بلا معرف", "html": f"<html><body><p>{BODY}</p></body></html>"}, ensure_ascii=False),
        "",
        json.dumps({"id": "a4", "title": "بلا نص"}, ensure_ascii=False),
        json.dumps(["not", "an", "object"]),
    ]
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = _read(p)
    assert [type(d).__name__ for d in out] == ["RawDoc", "Reject", "RawDoc", "Reject", "Reject"]
    a1, bad, a3, a4, arr = out
    assert isinstance(a1, RawDoc) and (a1.doc_id, a1.url, a1.published, a1.outlet) == \
        ("a1", "https://x.org/1", "2018-05-14", "skynews")
    assert isinstance(bad, Reject) and "line 2" in bad.reason and bad.source.endswith("batch.jsonl:2")
    assert isinstance(a3, RawDoc) and a3.doc_id == "batch:3" and BODY in a3.text
    assert isinstance(a4, Reject) and a4.doc_id == "a4" and "no 'text' or 'html'" in a4.reason
    assert isinstance(arr, Reject) and "JSON object" in arr.reason


def test_readers_json_array(tmp_path: Path) -> None:
    p = tmp_path / "arr.json"
    p.write_text(json.dumps([{"id": "x", "title": TITLE, "text": BODY}], ensure_ascii=False), encoding="utf-8")
    assert [d.doc_id for d in _read(p)] == ["x"]


def test_readers_missing_path_is_rejected(tmp_path: Path) -> None:
    doc = _one(tmp_path / "nope.txt")
    assert isinstance(doc, Reject) and "no such file" in doc.reason


@pytest.mark.parametrize("payload,kind", [
    (json.dumps({"id": "s1", "title": TITLE, "text": BODY}, ensure_ascii=False) + "\n", "jsonl"),
    (HTML, "html"),
    (ARTICLE, "text"),
])
def test_readers_stdin_sniffs_format(monkeypatch: pytest.MonkeyPatch, payload: str, kind: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(payload.encode("utf-8"))))
    out = list(iter_raw_docs(["-"]))
    assert len(out) == 1 and isinstance(out[0], RawDoc), out
    assert BODY in out[0].text
    assert out[0].doc_id == ("s1" if kind == "jsonl" else "stdin")


def test_readers_folder_mixing_everything(tmp_path: Path) -> None:
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / "01_utf8.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "02_bom.txt").write_bytes(ARTICLE.encode("utf-8-sig"))
    (root / "03_utf16.txt").write_bytes(ARTICLE.encode("utf-16"))
    (root / "04_cp1256.txt").write_bytes(ARTICLE.encode("cp1256"))
    (root / "05_empty.txt").write_bytes(b"")
    (root / "06_blank.txt").write_bytes(b"\n \n\t\n")
    (root / "07_binary.txt").write_bytes(os.urandom(64) + b"\x00\x00" + os.urandom(64))
    (root / "08_page.html").write_text(HTML, encoding="utf-8")
    (root / "09_cut.htm").write_text(HTML[:HTML.index("وأضاف المصدر") + 40], encoding="utf-8")
    (root / "10_nothing.html").write_text("<html><body><div", encoding="utf-8")
    with open(root / "11_huge.txt", "wb") as f:
        f.truncate(200_000_000)
    (root / "sub" / "12_batch.jsonl").write_text(
        json.dumps({"id": "j1", "title": TITLE, "text": BODY}, ensure_ascii=False) + "\n{oops\n"
        + json.dumps({"id": "j3", "title": TITLE, "text": BODY}, ensure_ascii=False) + "\n", encoding="utf-8")
    (root / "13_scan.pdf").write_bytes(b"%PDF-1.4")
    (root / ".DS_Store").write_bytes(b"\x00\x01")
    (root / "sub" / ".hidden.txt").write_text("x", encoding="utf-8")

    out = _read(root)
    good = {d.doc_id for d in out if isinstance(d, RawDoc)}
    bad = {d.doc_id: d.reason for d in out if isinstance(d, Reject)}
    assert good == {"01_utf8", "02_bom", "03_utf16", "04_cp1256", "08_page", "09_cut", "j1", "j3"}
    assert set(bad) == {"05_empty", "06_blank", "07_binary", "10_nothing", "11_huge", "12_batch:2", "13_scan"}
    assert "empty" in bad["05_empty"] and "whitespace" in bad["06_blank"] and "binary" in bad["07_binary"]
    assert "no article text" in bad["10_nothing"] and "too large" in bad["11_huge"]
    assert "invalid JSON" in bad["12_batch:2"] and "unsupported" in bad["13_scan"]
    for d in out:
        if isinstance(d, RawDoc) and d.doc_id.startswith("0"):
            assert BODY in d.text
    assert [d.doc_id for d in out][:4] == ["01_utf8", "02_bom", "03_utf16", "04_cp1256"]  # sorted walk


def test_readers_jsonl_keeps_unicode_line_separators_inside_strings(tmp_path: Path) -> None:
    """U+2028 and U+0085 are legal inside a JSON string; they must not split the line."""
    path = tmp_path / "seps.jsonl"
    record = {"id": "a", "title": "عنوان", "text": "سطر أول\u2028سطر ثان\u0085 ونهاية الخبر هنا بما يكفي من الكلمات."}
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    out = list(iter_raw_docs([path]))
    assert len(out) == 1 and isinstance(out[0], RawDoc), out
