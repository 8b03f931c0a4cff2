"""A small dashboard database built by Rasid's real pipeline: the bundled samples, dated articles and
hostile ones (HTML/script payloads in titles, bodies, outlets and URLs)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("jinja2")
pytest.importorskip("sqlalchemy")

SAMPLES = Path(__file__).resolve().parents[2] / "src" / "rasid" / "samples"
SCRIPT = '<script>alert("x")</script>'
HOSTILE_TITLE = f'{SCRIPT} داعش يتبنى تفجيرا في دير الزور <img src=x onerror=alert(1)>'

EXTRA = [
    {"id": "hostile-1", "title": HOSTILE_TITLE, "published": "2019-05-12", "outlet": '"><script>alert(3)</script>',
     "url": "javascript:alert(1)",
     "text": "أعلن تنظيم داعش مسؤوليته عن تفجير سيارة مفخخة في دير الزور أسفر عن مقتل خمسة عناصر من قوات سوريا"
             f" الديمقراطية {SCRIPT}.\nوقال مصدر محلي إن <img src=x onerror=alert(1)> الهجوم وقع صباح الأحد.\n"
             "وبثت مؤسسة الفرقان التابعة لتنظيم الدولة الإسلامية العدد 12 من مجلة رومية على تلغرام."},
    {"id": "dated-1", "title": "داعش يعلن مسؤوليته عن هجوم في الرقة", "published": "2019-03-02", "outlet": "عنب بلدي",
     "url": "https://example.org/news/1",
     "text": "أعلن تنظيم الدولة الإسلامية مسؤوليته عن هجوم مسلح استهدف حاجزا لقوات سوريا الديمقراطية في الرقة، ما"
             " أسفر عن مقتل ثلاثة عناصر."},
    {"id": "dated-2", "title": "اعتقال خلية لداعش في الموصل", "published": "2019-04-20", "outlet": "السومرية نيوز",
     "url": "https://example.org/news/2",
     "text": "أعلنت القوات الأمنية العراقية اعتقال خلية تابعة لتنظيم داعش في مدينة الموصل كانت تخطط لتنفيذ هجمات."},
    {"id": "dated-3", "title": "داعش يصدر العدد الجديد من صحيفة النبأ", "published": "2019-06-07", "outlet": "بلدي نيوز",
     "url": "https://example.org/news/3",
     "text": "أصدر تنظيم الدولة الإسلامية العدد 185 من صحيفة النبأ الأسبوعية عبر قنواته على تلغرام، وتضمن تهديدا"
             " للتحالف الدولي."},
]


def build_db(path: Path, extra_dir: Path) -> Path:
    """Run the real pipeline (rasid.api.extract_files) and store the batch with save_batch."""
    from rasid import api
    from rasid.pipeline import BatchReport
    from rasid.store.sqlite import SQLiteStore

    extra_dir.mkdir(parents=True, exist_ok=True)
    jsonl = extra_dir / "extra.jsonl"
    jsonl.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in EXTRA), encoding="utf-8")
    report = BatchReport()
    results = api.extract_files([SAMPLES, jsonl], report=report)
    with SQLiteStore(path) as store:
        store.save_batch(results, report.rejects, command="tests/web")
    return path


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("web")
    return build_db(base / "rasid.db", base / "in")


@pytest.fixture(scope="session")
def web_app(web_db: Path):  # type: ignore[no-untyped-def]
    """The real app (``rasid serve``'s): the REST API under /api and the dashboard at /."""
    from rasid.config import Settings
    from rasid.rest.app import create_app

    app = create_app(Settings(db=str(web_db)))
    return app


@pytest.fixture(scope="session")
def client(web_app):  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    with TestClient(web_app) as c:
        yield c
