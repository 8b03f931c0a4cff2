"""Scale-out extraction on Dask: the per-document stages run on workers, stories on the client.

Each worker loads the knowledge base once (a ``WorkerPlugin``), then processes batches of
``RawDoc``; rejects travel back with the results, so nothing is dropped. Story assignment looks
across documents, so it runs once, on the client, over everything the workers return.

    from dask.distributed import Client, LocalCluster
    with LocalCluster(n_workers=2) as cluster, Client(cluster) as client:
        results = extract_distributed(["articles/"], client)
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rasid.errors import RasidError, StageError
from rasid.model import Extraction, RawDoc, Reject
from rasid.pipeline import BatchReport, process
from rasid.resources import Resources

if TYPE_CHECKING:
    from dask.distributed import Client

_PLUGIN_NAME = "rasid-resources"


def _require_dask() -> Any:
    try:
        import dask.distributed as dd
    except ImportError as e:  # pragma: no cover - exercised only without the extra
        raise RasidError("scale-out needs Dask: pip install 'rasid[dask]'") from e
    return dd


def _resources_plugin(dd: Any, data_dir: str | None) -> Any:
    """A WorkerPlugin that loads Rasid's resources once per worker process."""

    class ResourcesPlugin(dd.WorkerPlugin):  # type: ignore[misc]
        name = _PLUGIN_NAME

        def setup(self, worker: Any) -> None:
            worker.rasid_resources = Resources.load(data_dir)

        def teardown(self, worker: Any) -> None:
            worker.rasid_resources = None

    return ResourcesPlugin()


def process_batch(batch: list[RawDoc]) -> list[Extraction | Reject]:
    """Run the per-document stages on one batch, on a worker; a failure becomes a Reject."""
    from dask.distributed import get_worker

    res: Resources = get_worker().rasid_resources  # type: ignore[attr-defined]
    out: list[Extraction | Reject] = []
    for raw in batch:
        try:
            out.append(process(raw, res))
        except StageError as e:
            out.append(Reject(raw.source, str(e), e.stage, raw.doc_id))
        except RasidError as e:
            out.append(Reject(raw.source, str(e), "pipeline", raw.doc_id))
    return out


def _batches(items: Iterable[RawDoc], size: int) -> Iterator[list[RawDoc]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def extract_distributed(paths: Iterable[str | Path], client: Client, report: BatchReport | None = None,
                        batch_size: int = 200, data_dir: str | None = None,
                        res: Resources | None = None) -> list[Extraction]:
    """Extract every article under ``paths`` on the cluster behind ``client``; stories on the client."""
    dd = _require_dask()
    from rasid.io.readers import iter_raw_docs
    from rasid.stages.stories import assign_stories

    report = report if report is not None else BatchReport()
    client.register_plugin(_resources_plugin(dd, data_dir))
    raws: list[RawDoc] = []
    for item in iter_raw_docs(paths):
        report.read += 1
        if isinstance(item, Reject):
            report.rejects.append(item)
        else:
            raws.append(item)
    futures = client.map(process_batch, list(_batches(raws, batch_size)), pure=False)
    results: list[Extraction] = []
    for _, batch_out in dd.as_completed(futures, with_results=True):
        for item in batch_out:
            if isinstance(item, Reject):
                report.rejects.append(item)
            else:
                results.append(item)
    report.done = len(results)
    order = {r.doc_id: i for i, r in enumerate(raws)}
    results.sort(key=lambda x: order.get(x.clean.doc_id, len(order)))
    return assign_stories(results, res or Resources.load(data_dir))
