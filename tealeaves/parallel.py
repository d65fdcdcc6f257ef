"""Local parallelism: code cleaned documents in N worker processes, results in input order.

Each worker is a fresh (spawned) process that loads the spaCy model, the prefilter, the actor
resolver and the coder once, then codes chunks of documents. The parent cleans documents (so
repeated-boilerplate detection sees the whole stream), keeps at most ``2 * workers`` chunks in
flight (memory stays flat however long the input), and remains the only process that writes
the store. Sentences come back without their spaCy spans: a span cannot cross a process.
"""

from __future__ import annotations

import logging
import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import replace
from itertools import islice
from typing import TYPE_CHECKING

from tealeaves.errors import TealeavesError
from tealeaves.models import CleanDocument

if TYPE_CHECKING:
    from tealeaves.pipeline import Coded
    from tealeaves.settings import Settings

log = logging.getLogger(__name__)

CHUNK_DOCS = 16

_settings: Settings | None = None


def _init(settings: Settings) -> None:
    """Worker start: load everything the coder needs, once."""
    global _settings
    from tealeaves import nlp

    _settings = settings
    nlp.load_model(settings.model)
    if settings.prefilter:
        nlp.load_prefilter(settings.model)


def _code_chunk(cdocs: list[CleanDocument]) -> list[Coded]:
    from tealeaves.pipeline import code_cleaned

    assert _settings is not None, "worker used before _init"
    out = []
    for coded in code_cleaned(cdocs, _settings):
        out.append(replace(coded, sentences=tuple(replace(s, span=None) for s in coded.sentences)))
    return out


def code_cleaned(cleaned: Iterable[CleanDocument], settings: Settings, chunk: int = CHUNK_DOCS) -> Iterator[Coded]:
    """Code cleaned documents in ``settings.workers`` processes; yields in input order."""
    workers = max(1, settings.workers)
    ctx = multiprocessing.get_context("spawn")
    docs = iter(cleaned)
    pending: deque[Future[list[Coded]]] = deque()
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_init, initargs=(settings,)) as pool:
        try:
            while True:
                while len(pending) < 2 * workers and (batch := list(islice(docs, chunk))):
                    pending.append(pool.submit(_code_chunk, batch))
                if not pending:
                    break
                yield from _result(pending.popleft())
        finally:
            for f in pending:
                f.cancel()


def _result(future: Future[list[Coded]]) -> list[Coded]:
    try:
        return future.result()
    except TealeavesError:
        raise
    except Exception as exc:  # a worker that died (killed for memory, crashed) must not hang the run
        raise WorkerError(f"a coding worker failed: {type(exc).__name__}: {exc}; try fewer --workers") from exc


class WorkerError(TealeavesError):
    """A worker process failed while coding."""


def available_workers() -> int:
    """CPU cores this process may use."""
    import os

    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


__all__ = ["code_cleaned", "available_workers", "WorkerError"]
