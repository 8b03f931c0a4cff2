"""End to end: seeds through `rasid extract`, checked against the contract-v1 JSON Schema."""
from __future__ import annotations

import ast
import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

import rasid
from rasid.cli import cli
from rasid.export.contract import to_contract

SRC = Path(__file__).resolve().parents[1] / "src" / "rasid"


def test_pipeline_seed_output_matches_contract_schema(shared: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(cli, ["extract", str(shared / "seeds"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    schema = json.loads((shared / "contract" / "extraction.schema.json").read_text(encoding="utf-8"))
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 5
    for doc in lines:
        jsonschema.validate(doc, schema)
        full = doc["title"] + "\n\n" + doc["text"]
        for ent in doc["entities"]:
            for s, e in ent["mentions"]:
                assert 0 <= s < e <= len(full)
        for ev in doc["events"]:
            assert ev["evidence"], ev
            for s, e in ev["evidence"]:
                assert 0 <= s < e <= len(full)
    assert "read 5, extracted 5, skipped 0, failed 0" in result.output


def test_pipeline_python_api_returns_typed_records() -> None:
    x = rasid.extract("نشر تنظيم الدولة الإسلامية تسجيلا صوتيا على تلغرام.", title="تسجيل صوتي", doc_id="a")
    assert isinstance(x, rasid.Extraction)
    assert x.clean.doc_id == "a"
    d = to_contract(x)
    assert d["doc_id"] == "a" and isinstance(d["events"], list)


def test_pipeline_stdin_and_empty_batch_counts(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["extract", "-", "-o", str(tmp_path / "o.jsonl")],
                           input="عنوان\n\nدعا التنظيم إلى الثأر.\n")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "o.jsonl").read_text(encoding="utf-8").count("\n") == 1


def test_pipeline_bad_file_does_not_lose_the_batch(shared: Path, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text((shared / "seeds" / "000_92822ea90b1b55da.txt").read_text(encoding="utf-8"),
                                     encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 100)
    (folder / "empty.txt").write_bytes(b"")
    out = tmp_path / "o.jsonl"
    result = CliRunner().invoke(cli, ["extract", str(folder), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").count("\n") == 1
    assert "skipped 2" in result.output


def test_stages_do_no_io() -> None:
    """No stage imports io, store, sqlite3 or network code: I/O stays at the edges."""
    banned = {"rasid.io", "rasid.store", "sqlite3", "httpx", "requests", "urllib.request", "socket"}
    for path in (SRC / "stages").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                assert not any(name == b or name.startswith(b + ".") for b in banned), f"{path.name} imports {name}"
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "open":
                pytest.fail(f"{path.name} opens a file")


def test_public_api_is_guarded() -> None:
    assert sorted(rasid.__all__) == sorted([
        "CleanDoc", "DateValue", "Entity", "Event", "Extraction", "InputError", "Mention", "RasidError", "RawDoc",
        "Reject", "ResourceError", "StageError", "__version__", "extract", "extract_files", "load_resources",
        "read_inputs"])
