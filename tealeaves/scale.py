"""Scale-out: code a corpus on a Dask distributed cluster into a Parquet dataset.

The corpus (JSON Lines, WARC, or folders of any file ``tealeaves ingest`` reads; local paths or
fsspec URLs) is planned into partitions without being read: a large uncompressed JSON Lines file
is cut into byte ranges (a record belongs to the range its line starts in), every other file is
a whole partition, small files are grouped. Each partition is coded on one Dask worker by the
same code as ``tealeaves ingest`` (one spaCy model per worker process, loaded by a worker plugin)
into an in-memory store, then exported:

    OUT/events/month=YYYY-MM/part-<partition>-<n>.parquet   events, hive-partitioned by event month
    OUT/events/month=unknown/...                            events without a date
    OUT/documents/part-<partition>.parquet                  the partition's documents
    OUT/_done/<partition>.json                              written last: the partition is finished

``event_id`` is the event's content hash, so the same corpus gives the same ids with any number
of workers. A re-run skips every partition that has its ``_done`` marker. DuckDB, pandas, Spark
and Dask read ``OUT/events`` directly; :func:`load_parquet` loads a finished run into a store.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import posixpath
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tealeaves.errors import InputError, TealeavesError
from tealeaves.settings import Settings, load_settings

if TYPE_CHECKING:
    from tealeaves.types import Connection

log = logging.getLogger(__name__)

PARTITION_BYTES = 16 << 20
GROUP_FILES = 64
SPLITTABLE = (".jsonl", ".ndjson")


class ClusterError(TealeavesError):
    """The Dask scheduler cannot be reached or a partition failed."""


@dataclass(frozen=True)
class Partition:
    """Part of the corpus coded as one unit: byte range [start, end) of one file, or whole files."""

    files: tuple[str, ...]
    sizes: tuple[int, ...]
    start: int = 0
    end: int | None = None

    @property
    def id(self) -> str:
        h = hashlib.sha1(json.dumps([self.files, self.sizes, self.start, self.end]).encode("utf-8"))
        return h.hexdigest()[:16]


@dataclass
class RunReport:
    partitions: int = 0
    skipped: int = 0
    documents: int = 0
    events: int = 0
    problems: int = 0
    seconds: float = 0.0
    failed: list[str] = field(default_factory=list)

    @property
    def summary(self) -> str:
        return (f"{self.partitions} partitions coded ({self.skipped} already done), {self.documents} documents, "
                f"{self.events} events, {self.problems} unreadable records in {self.seconds:.1f}s")


# ---- planning ---------------------------------------------------------------------------------
def _fs(url: str) -> tuple[Any, str]:
    import fsspec

    try:
        return fsspec.core.url_to_fs(url)
    except (ImportError, ValueError) as exc:
        raise InputError(f"cannot open {url}: {exc}") from None


def _full(fs: Any, path: str) -> str:
    protocol = fs.protocol[0] if isinstance(fs.protocol, (tuple, list)) else fs.protocol
    return path if protocol in ("file", "local") else f"{protocol}://{path}"


def plan(corpus: Sequence[str], partition_bytes: int = PARTITION_BYTES) -> list[Partition]:
    """Partitions of the corpus in a stable order; only names and sizes are read."""
    parts: list[Partition] = []
    small: list[tuple[str, int]] = []

    def flush() -> None:
        if small:
            parts.append(Partition(tuple(f for f, _ in small), tuple(s for _, s in small)))
            small.clear()

    for item in corpus:
        fs, root = _fs(item)
        if not fs.exists(root):
            raise InputError(f"{item} does not exist")
        if fs.isdir(root):
            names = sorted(p for p in fs.find(root) if not any(seg.startswith(".") for seg in posixpath.relpath(p, root).split("/")))
        else:
            names = [root]
        for name in names:
            size = int(fs.size(name) or 0)
            url = _full(fs, name)
            if name.lower().endswith(SPLITTABLE) and size > partition_bytes:
                flush()
                parts.extend(Partition((url,), (size,), s, min(s + partition_bytes, size)) for s in range(0, size, partition_bytes))
            elif size >= partition_bytes // 4:
                flush()
                parts.append(Partition((url,), (size,)))
            else:
                small.append((url, size))
                if len(small) >= GROUP_FILES or sum(s for _, s in small) >= partition_bytes:
                    flush()
    flush()
    return parts


# ---- reading one partition --------------------------------------------------------------------
class _Range:
    """A binary stream whose lines stop at the first line that starts at or after ``end``."""

    def __init__(self, raw: Any, start: int, end: int) -> None:
        self._raw, self._end = raw, end
        if start > 0:
            raw.seek(start - 1)
            raw.readline()  # the line in progress at ``start`` belongs to the range before
        else:
            raw.seek(0)

    def readline(self, size: int = -1) -> bytes:
        if self._raw.tell() >= self._end:
            return b""
        line: bytes = self._raw.readline(size)
        return line

    def read(self, size: int = -1) -> bytes:
        return self.readline(size)


def read_partition(part: Partition) -> Iterator[Any]:
    """Documents and Problems of one partition."""
    from tealeaves import ingest

    for url, _size in zip(part.files, part.sizes):
        fs, path = _fs(url)
        if part.end is not None:
            with fs.open(path, "rb") as raw:
                yield from ingest.read_jsonl(_Range(raw, part.start, part.end), f"{url}@{part.start}")  # type: ignore[arg-type]  # a byte-range reader with readline()
        elif _full(fs, path) == path:
            yield from ingest.read_path(Path(path))
        else:  # a remote file: copied to a local temporary file, read, removed
            suffix = "".join(Path(path).suffixes[-2:])
            with tempfile.TemporaryDirectory() as tmp:
                local = Path(tmp) / ("input" + suffix)
                fs.get(path, str(local))
                for item in ingest.read_path(local):
                    yield item if not hasattr(item, "origin") else _with_origin(item, url, str(local))


def _with_origin(item: Any, url: str, local: str) -> Any:
    from dataclasses import replace

    origin = getattr(item, "origin", None) or ""
    return replace(item, origin=origin.replace(local, url))


# ---- coding one partition ---------------------------------------------------------------------
def code_partition(part: Partition, out: str, settings: Settings) -> dict[str, Any]:
    """Code one partition into OUT (see the module docstring); returns its counts."""
    import duckdb

    from tealeaves import pipeline, store

    settings = settings.with_(workers=1)
    pid = part.id
    t0 = time.monotonic()
    problems = 0

    def documents() -> Iterator[Any]:
        nonlocal problems
        for item in read_partition(part):
            if hasattr(item, "text"):
                yield item
            else:
                problems += 1

    con = store.connect(":memory:")
    try:
        # the same store step as `tealeaves ingest`, into a throwaway store; clusters are built
        # where the dataset is loaded, not per partition
        pipeline.store_documents(documents(), con, settings, readout=False)
        n_docs = (con.execute("SELECT count(*) FROM documents").fetchone() or (0,))[0]
        n_events = (con.execute("SELECT count(*) FROM events").fetchone() or (0,))[0]
        _export(con, out, pid)
    except duckdb.Error as exc:
        raise ClusterError(f"partition {pid} could not be written to {out}: {exc}") from None
    finally:
        con.close()
    counts = {"partition": pid, "files": list(part.files), "start": part.start, "end": part.end,
              "documents": n_docs, "events": n_events, "problems": problems, "seconds": round(time.monotonic() - t0, 3)}
    fs, root = _fs(out)
    fs.makedirs(posixpath.join(root, "_done"), exist_ok=True)
    with fs.open(posixpath.join(root, "_done", f"{pid}.json"), "w") as fh:
        json.dump(counts, fh)
    return counts


def _export(con: Connection, out: str, pid: str) -> None:
    import pyarrow.parquet as pq

    fs, root = _fs(out)
    events = _table(con.execute(
        "SELECT id AS event_id, * EXCLUDE (id), coalesce(strftime(date, '%Y-%m'), 'unknown') AS month "
        "FROM events ORDER BY doc_id, sentence, evidence_start, event_id").arrow())
    docs = _table(con.execute("SELECT * FROM documents ORDER BY id").arrow())
    months = sorted(set(events.column("month").to_pylist()))
    for month in months:
        import pyarrow.compute as pc

        part = events.filter(pc.equal(events.column("month"), month)).drop_columns(["month"])
        folder = posixpath.join(root, "events", f"month={month}")
        fs.makedirs(folder, exist_ok=True)
        with fs.open(posixpath.join(folder, f"part-{pid}.parquet"), "wb") as fh:
            pq.write_table(part, fh)
    fs.makedirs(posixpath.join(root, "documents"), exist_ok=True)
    with fs.open(posixpath.join(root, "documents", f"part-{pid}.parquet"), "wb") as fh:
        pq.write_table(docs, fh)


def _table(result: Any) -> Any:
    """A pyarrow Table from DuckDB's ``.arrow()``, which may be a reader tied to the next query."""
    return result.read_all() if hasattr(result, "read_all") else result


def done_partitions(out: str) -> set[str]:
    fs, root = _fs(out)
    folder = posixpath.join(root, "_done")
    if not fs.exists(folder):
        return set()
    return {posixpath.basename(p).removesuffix(".json") for p in fs.ls(folder, detail=False) if p.endswith(".json")}


# ---- the cluster ------------------------------------------------------------------------------
def _model_plugin(settings: Settings) -> Any:
    from distributed.diagnostics.plugin import WorkerPlugin

    class LoadModel(WorkerPlugin):  # type: ignore[misc]
        """Loads the spaCy model and prefilter once, when each worker process starts."""

        name = "tealeaves-model"

        def __init__(self, settings: Settings) -> None:
            self.settings = settings

        def setup(self, worker: Any) -> None:
            from tealeaves import nlp

            nlp.load_model(self.settings.model)
            if self.settings.prefilter:
                nlp.load_prefilter(self.settings.model, self.settings.user_actors_path)

    return LoadModel(settings)


def run(corpus: Sequence[str], out: str, workers: int | None = None, scheduler: str | None = None,
        settings: Settings | None = None, partition_bytes: int = PARTITION_BYTES,
        on_partition: Callable[[dict[str, Any]], None] | None = None) -> RunReport:
    """Code ``corpus`` into the Parquet dataset ``out`` on a Dask cluster (a LocalCluster of
    ``workers`` processes when no ``scheduler`` address is given)."""
    from distributed import Client, LocalCluster, as_completed

    settings = settings or load_settings()
    t0 = time.monotonic()
    parts = plan(corpus, partition_bytes)
    if not parts:
        raise InputError("the corpus holds no files")
    fs, root = _fs(out)
    fs.makedirs(root, exist_ok=True)
    finished = done_partitions(out)
    todo = [p for p in parts if p.id not in finished]
    report = RunReport(skipped=len(parts) - len(todo))
    if todo:
        cluster = None
        try:
            if scheduler:
                client = Client(scheduler, timeout="20s")
            else:
                n = workers or settings.workers or 1
                cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None,
                                       memory_limit=None)
                client = Client(cluster)
        except (OSError, TimeoutError) as exc:
            raise ClusterError(f"cannot reach the Dask scheduler {scheduler}: {exc}") from None
        try:
            client.register_plugin(_model_plugin(settings))
            futures = client.map(code_partition, todo, out=out, settings=settings, pure=False,
                                 key=[f"tealeaves-{p.id}" for p in todo])
            for fut in as_completed(futures):
                try:
                    counts = fut.result()
                except TealeavesError:
                    raise
                except Exception as exc:
                    report.failed.append(f"{fut.key}: {type(exc).__name__}: {exc}")
                    continue
                report.partitions += 1
                report.documents += counts["documents"]
                report.events += counts["events"]
                report.problems += counts["problems"]
                if on_partition:
                    on_partition(counts)
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
    report.seconds = time.monotonic() - t0
    if report.failed:
        raise ClusterError(f"{len(report.failed)} partitions failed (re-run to retry them): {report.failed[0]}")
    return report


# ---- back into a store ------------------------------------------------------------------------
def load_parquet(con: Connection, out: str) -> tuple[int, int]:
    """Load every finished partition of a ``tealeaves run`` dataset into an open store, one
    partition per transaction; returns (documents, events)."""
    import pyarrow.parquet as pq

    from tealeaves import store

    fs, root = _fs(out)
    finished = sorted(done_partitions(out))
    if not finished:
        raise InputError(f"{out} holds no finished partitions of a `tealeaves run` (no _done markers)")
    event_files: dict[str, list[str]] = {}
    if fs.exists(posixpath.join(root, "events")):
        for path in fs.find(posixpath.join(root, "events")):
            name = posixpath.basename(path)
            if name.startswith("part-") and name.endswith(".parquet"):
                event_files.setdefault(name[5:21], []).append(path)
    n_docs = n_events = 0
    for pid in finished:
        with fs.open(posixpath.join(root, "documents", f"part-{pid}.parquet"), "rb") as fh:
            docs = pq.read_table(fh)
        tables = []
        for path in sorted(event_files.get(pid, [])):
            with fs.open(path, "rb") as fh:
                tables.append(pq.read_table(fh))
        events = _concat(tables)
        store.write_event_table(con, events, docs)
        n_docs += docs.num_rows
        n_events += events.num_rows if events is not None else 0
    return n_docs, n_events


def _concat(tables: list[Any]) -> Any:
    import pyarrow as pa

    tables = [t for t in tables if t.num_rows]
    if not tables:
        return None
    return pa.concat_tables(tables, promote_options="permissive")


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


__all__ = ["Partition", "RunReport", "ClusterError", "plan", "read_partition", "code_partition", "run", "load_parquet",
           "done_partitions", "default_workers"]
