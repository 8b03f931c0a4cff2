"""Every dashboard page through FastAPI's TestClient: status, language, escaping, CSP, filters."""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from tests.web.conftest import SCRIPT

WEB = Path(__file__).resolve().parents[2] / "src" / "rasid" / "web"


class _Audit(HTMLParser):
    """Collects what the CSP forbids or the escaping must prevent: inline scripts, handlers, styles."""

    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[dict[str, Any]] = []
        self.handlers: list[str] = []
        self.styles: list[str] = []
        self.hrefs: list[str] = []
        self.html_attrs: dict[str, str] = {}
        self.landmarks: set[str] = set()
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "html":
            self.html_attrs = {k: v or "" for k, v in a.items()}
        if tag in ("header", "nav", "main", "footer"):
            self.landmarks.add(tag)
        if tag == "script":
            self.scripts.append({"src": a.get("src"), "body": ""})
            self._in_script = True
        if tag == "style":
            self.styles.append("<style>")
        self.handlers += [k for k in a if k.startswith("on")]
        if "style" in a:
            self.styles.append(f"{tag} style=")
        if tag == "a" and a.get("href"):
            self.hrefs.append(a["href"] or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and self.scripts:
            self.scripts[-1]["body"] += data


def audit(html: str) -> _Audit:
    p = _Audit()
    p.feed(html)
    return p


def _ids(client: Any) -> dict[str, str]:
    r = client.get("/map/points.json")
    place = r.json()["places"][0]["id"]
    html = client.get("/events?lang=en").text
    event = re.search(r'href="/events/(\d+)', html).group(1)  # type: ignore[union-attr]
    html = client.get("/stories?lang=en").text
    story = re.search(r'href="/stories/(story:[^"?]+)', html).group(1)  # type: ignore[union-attr]
    return {"place": place, "event": event, "story": story}


@pytest.fixture(scope="module")
def pages(client: Any) -> list[str]:
    ids = _ids(client)
    return ["/", "/events", "/events/" + ids["event"], "/stories", "/stories/" + ids["story"], "/map", "/entities",
            "/entities/wd:Q2429253", "/entities/" + ids["place"], "/releases"]


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_web_every_page_renders_in_both_languages(client: Any, pages: list[str], lang: str) -> None:
    for url in pages:
        r = client.get(url, params={"lang": lang})
        assert r.status_code == 200, url
        a = audit(r.text)
        assert a.html_attrs["lang"] == lang and a.html_attrs["dir"] == ("rtl" if lang == "ar" else "ltr"), url
        assert {"header", "nav", "main", "footer"} <= a.landmarks, url
        assert 'class="skip"' in r.text, url


def test_web_csp_header_is_strict_on_every_page(client: Any, pages: list[str]) -> None:
    for url in [*pages, "/map/points.json", "/static/js/map.js", "/events/999999"]:
        r = client.get(url)
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp, url
        assert "object-src 'none'" in csp and "frame-ancestors 'none'" in csp, url
        assert r.headers["x-content-type-options"] == "nosniff", url


def test_web_no_inline_scripts_handlers_or_styles(client: Any, pages: list[str]) -> None:
    for url in pages:
        a = audit(client.get(url).text)
        assert all(s["src"] and not s["body"].strip() for s in a.scripts), url
        assert a.handlers == [], url
        assert a.styles == [], url


def test_web_hostile_text_is_escaped_everywhere(client: Any, pages: list[str]) -> None:
    html = client.get("/events", params={"q": "مفخخة"}).text
    m = re.search(r'href="/events/(\d+)', html)
    assert m, "the hostile article's events are listed"
    hostile_event = m.group(1)
    for url in [*pages, "/events/" + hostile_event, "/events?q=" + SCRIPT, "/entities?name=" + SCRIPT]:
        text = client.get(url).text
        assert SCRIPT not in text and "<img src=x" not in text and 'alert(3)</script>' not in text, url
        assert not any(h.lower().startswith("javascript:") for h in audit(text).hrefs), url
    detail = client.get("/events/" + hostile_event).text
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in detail
    assert "&lt;img src=x onerror=alert(1)&gt;" in detail


def test_web_evidence_is_highlighted_right_to_left(client: Any) -> None:
    html = client.get("/events", params={"type": "attack"}).text
    event = re.search(r'href="/events/(\d+)', html).group(1)  # type: ignore[union-attr]
    detail = client.get(f"/events/{event}").text
    para = re.search(r'<p class="evidence" lang="ar" dir="rtl">(.*?)</p>', detail, re.DOTALL)
    assert para and "<mark>" in para.group(1)
    assert re.search(r"[\u0600-\u06ff]", para.group(1))


def test_web_filters_apply_and_stay_in_links(client: Any) -> None:
    r = client.get("/events", params={"type": "arrest", "lang": "en"})
    badges = re.findall(r'class="badge t-([a-z_]+)"', r.text)
    assert badges and set(badges) == {"arrest"}
    assert 'href="/map?type=arrest&amp;lang=en"' in r.text  # the nav keeps the filters
    assert 'href="/stories?type=arrest&amp;lang=en"' in r.text
    empty = client.get("/events", params={"actor": "no such group at all", "lang": "en"}).text
    assert "Nothing matches these filters." in empty
    by_name = client.get("/events", params={"actor": "داعش", "type": "attack"}).text
    assert re.findall(r'class="badge t-attack"', by_name)


def test_web_date_range_filter(client: Any) -> None:
    html = client.get("/events", params={"from": "2019-06-01", "to": "2019-06-30", "lang": "en"}).text
    assert re.findall(r'<time datetime="2019-06-', html)
    assert not re.findall(r'<time datetime="2019-0[345]-', html)


def test_web_language_cookie_and_hijri_dates(client: Any) -> None:
    r = client.get("/events", params={"lang": "ar", "cal": "both"})
    assert "rasid_lang=ar" in r.headers.get("set-cookie", "")
    assert "هـ" in r.text and "الأحداث" in r.text
    client.cookies.set("rasid_lang", "ar")
    try:
        assert 'lang="ar" dir="rtl"' in client.get("/events").text
    finally:
        client.cookies.clear()
    en = client.get("/events", params={"lang": "en", "cal": "both"}).text
    assert " AH)" in en


def test_web_map_points_and_page(client: Any) -> None:
    places = client.get("/map/points.json").json()["places"]
    assert places and all(isinstance(p["lat"], float) and isinstance(p["lon"], float) for p in places)
    assert all(p["events_url"].startswith("/events?") for p in places)
    page = client.get("/map", params={"type": "attack"}).text
    assert 'data-points="/map/points.json?type=attack&amp;lang=' in page
    assert "/static/vendor/leaflet/leaflet.js" in page and 'data-outlines="/static/geo/outlines.geojson"' in page
    filtered = client.get("/map/points.json", params={"type": "arrest"}).json()["places"]
    assert sum(p["n"] for p in filtered) < sum(p["n"] for p in places)


def test_web_release_registry_groups_by_producer_and_series(client: Any) -> None:
    html = client.get("/releases", params={"lang": "en"}).text
    assert "Rumiyah" in html
    assert re.search(r"<tr><td>12</td><td>magazine</td>", html)


def test_web_entity_page(client: Any) -> None:
    html = client.get("/entities/wd:Q2429253", params={"lang": "en"}).text
    assert 'href="https://www.wikidata.org/wiki/Q2429253"' in html
    assert "تنظيم الدولة الإسلامية" in html and "Islamic State" in html
    assert "Its releases" in html and "Timeline" in html and "Its targets" in html
    found = client.get("/entities", params={"name": "داعش"}).text
    assert "/entities/wd:Q2429253" in found


def test_web_overview_has_charts_and_latest_stories(client: Any) -> None:
    html = client.get("/", params={"lang": "en"}).text
    assert html.count("<svg viewBox") >= 2 and "<rect" in html
    assert "Latest stories" in html and 'href="/stories/story:' in html


def test_web_not_found_and_bad_input(client: Any) -> None:
    assert client.get("/events/999999").status_code == 404
    assert client.get("/events/abc").status_code == 404
    assert client.get("/stories/story:nope").status_code == 404
    assert client.get("/entities/wd:Q0").status_code == 404
    assert client.get("/events", params={"cursor": "!!"}).status_code == 400
    assert client.get("/static/../routes.py").status_code == 404
    assert client.get("/static/%2e%2e/routes.py").status_code == 404
    assert client.get("/events", params={"from": "<b>", "type": "nope"}).status_code == 200


def test_web_strings_cover_both_languages_and_templates() -> None:
    strings = json.loads((WEB / "strings.json").read_text("utf-8"))
    assert all(set(v) == {"en", "ar"} and all(v.values()) for v in strings.values())
    used = set()
    for tpl in (WEB / "templates").glob("*.html"):
        used |= set(re.findall(r"""\bt\(["']([a-z0-9_]+)["']\)""", tpl.read_text("utf-8")))
    assert used - set(strings) == set()


def test_web_vendored_assets_carry_licences() -> None:
    vendor = WEB / "static" / "vendor"
    assert (vendor / "leaflet" / "LICENSE").is_file() and (vendor / "leaflet" / "leaflet.js").is_file()
    assert (vendor / "leaflet.markercluster" / "MIT-LICENCE.txt").is_file()
    assert (WEB / "static" / "geo" / "LICENSE-world-atlas").is_file()
    from rasid.web.routes import outline_summary

    counts = outline_summary()
    assert counts["country"] > 150 and counts["admin1"] >= 30
