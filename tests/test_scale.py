"""Scale-out on a real Dask LocalCluster: same output as the in-process pipeline."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from rasid.export.contract import to_contract
from rasid.pipeline import BatchReport

distributed = pytest.importorskip("dask.distributed", reason="needs the [dask] extra")


@pytest.fixture(scope="module")
def client():  # type: ignore[no-untyped-def]
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    c = distributed.Client(cluster)
    yield c
    c.close()
    cluster.close()


def test_scale_matches_in_process_and_keeps_rejects(client, shared: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from rasid import api
    from rasid.scale import extract_distributed

    folder = tmp_path / "in"
    folder.mkdir()
    for p in sorted((shared / "seeds").glob("*.txt")):
        (folder / p.name).write_text(p.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    report = BatchReport()
    remote = extract_distributed([folder], client, report, batch_size=2)
    local = api.extract_files([folder])
    assert [json.dumps(to_contract(x), sort_keys=True) for x in remote] == \
        [json.dumps(to_contract(x), sort_keys=True) for x in local]
    assert report.read == 6 and report.done == 5 and len(report.rejects) == 1
