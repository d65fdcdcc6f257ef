"""Local parallelism: code cleaned documents in N processes, results in input order.

``--workers N`` means N processes code: the parent and N - 1 helpers. The parent first warms
itself (model, prefilter, actor tables, coder, gazetteer: everything that loads lazily, by coding
a short sample), then on Linux forks the helpers, which so start warm and share those tables
copy-on-write instead of each loading them again (seconds per process). Elsewhere helpers are
spawned and warm themselves the same way. The parent cleans documents (so repeated-boilerplate
detection sees the whole stream in input order, exactly as one process does), keeps the helpers
fed, writes the store, and codes a chunk itself whenever the oldest chunk it sent out is not back
yet. On a machine with N cores that keeps every core busy without a parent that mostly waits,
and N + 1 processes never fight for N cores.

What crosses a process boundary is kept small: a helper gets cleaned documents and sends back
only sentences (without their spaCy spans, which cannot cross a process) and events; the parent
puts them back together with the cleaned document it kept. Helpers run with one BLAS/OpenMP
thread each, so numpy does not start a thread per core in every process.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, replace
from itertools import islice
from typing import TYPE_CHECKING

from tealeaves.errors import TealeavesError
from tealeaves.models import CleanDocument, Event, Sentence

if TYPE_CHECKING:
    from tealeaves.pipeline import Coded
    from tealeaves.settings import Settings

log = logging.getLogger(__name__)

CHUNK_DOCS = 8  # small, so the last chunks out do not keep the other processes waiting
IN_FLIGHT_PER_HELPER = 4  # chunks out per helper: it has work while the parent codes and writes
THREAD_ENV = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS")

_settings: Settings | None = None

# what a helper sends back for one document: its sentences (no spans), events, status and note
_Result = tuple[tuple[Sentence, ...], tuple[Event, ...], str, "str | None"]


def _init(settings: Settings) -> None:
    """Helper start: one thread for numeric libraries, fresh std streams, everything the coder needs."""
    global _settings
    for var in THREAD_ENV:
        os.environ[var] = "1"
    # a forked helper may inherit a stream lock held by a parent thread (a progress bar) at fork
    # time; writing or flushing through that object would then block forever
    sys.stdout = open(1, "w", closefd=False, buffering=1)  # noqa: SIM115 - lives as long as the helper
    sys.stderr = open(2, "w", closefd=False, buffering=1)  # noqa: SIM115
    _settings = settings
    warm(settings)


SAMPLE = ("Talks in Paris\n\nThe French foreign minister met Chinese officials in Paris on Monday and "
          "signed a trade agreement. Police later arrested two protesters outside the German embassy.")


def warm(settings: Settings) -> None:
    """Load, in this process, everything coding needs, including what loads only on first use."""
    from tealeaves import clean, nlp, pipeline
    from tealeaves.ingest import document_from_text

    nlp.load_model(settings.model)
    if settings.prefilter:
        nlp.load_prefilter(settings.model)
    sample = clean.clean(document_from_text(SAMPLE, "tealeaves-warm-up", date="2020-01-06"))
    for _ in pipeline.code_cleaned([sample], settings):
        pass


def _code_chunk(cdocs: list[CleanDocument]) -> list[_Result]:
    from tealeaves.pipeline import code_cleaned

    assert _settings is not None, "helper used before _init"
    return [(tuple(replace(s, span=None) for s in c.sentences), c.events, c.status, c.note)
            for c in code_cleaned(cdocs, _settings)]


@dataclass
class _Chunk:
    """One chunk of input, coded here (``coded``) or out in a helper (``future``)."""

    docs: list[CleanDocument]
    future: Future[list[_Result]] | None = None
    coded: list[Coded] | None = None

    def ready(self) -> bool:
        return self.coded is not None or (self.future is not None and self.future.done())

    def results(self) -> list[Coded]:
        if self.coded is not None:
            return self.coded
        assert self.future is not None
        from tealeaves.pipeline import Coded

        return [Coded(cdoc, sents, events, status, note) for cdoc, (sents, events, status, note) in zip(self.docs, _result(self.future))]


def code_cleaned(cleaned: Iterable[CleanDocument], settings: Settings, chunk: int = CHUNK_DOCS) -> Iterator[Coded]:
    """Code cleaned documents in ``settings.workers`` processes (this one included); yields in input order."""
    from tealeaves import pipeline

    workers = max(1, settings.workers)
    if workers == 1:
        yield from pipeline.code_cleaned(cleaned, settings)
        return
    if workers > available_workers():
        log.warning("%d workers on %d cores: the processes will take turns; --workers %d is faster",
                    workers, available_workers(), available_workers())
    helpers = workers - 1
    docs = iter(cleaned)
    pending: deque[_Chunk] = deque()
    in_flight = 0
    max_pending = (IN_FLIGHT_PER_HELPER + 2) * helpers + 2  # bounds memory however long the input
    exhausted = False

    def next_batch() -> list[CleanDocument]:
        nonlocal exhausted
        batch = [] if exhausted else list(islice(docs, chunk))
        exhausted = exhausted or not batch
        return batch

    method = start_method()
    if method == "fork":
        warm(settings)  # before the fork, so the helpers inherit a warm coder
    with _one_thread_env(), ProcessPoolExecutor(max_workers=helpers, mp_context=multiprocessing.get_context(method),
                                                initializer=_init, initargs=(settings,)) as pool:
        try:
            while True:
                in_flight = sum(1 for c in pending if c.future is not None and not c.future.done())
                while in_flight < IN_FLIGHT_PER_HELPER * helpers and len(pending) < max_pending and (batch := next_batch()):
                    pending.append(_Chunk(batch, future=pool.submit(_code_chunk, batch)))
                    in_flight += 1
                if pending and pending[0].ready():
                    yield from pending.popleft().results()
                elif len(pending) < max_pending and (batch := next_batch()):
                    # the oldest chunk is still out: code the next one here rather than wait
                    pending.append(_Chunk(batch, coded=list(pipeline.code_cleaned(batch, settings))))
                elif stolen := _steal(pending):
                    # nothing new to take (the input is done): take back a chunk no helper has started
                    stolen.coded, stolen.future = list(pipeline.code_cleaned(stolen.docs, settings)), None
                elif pending:
                    yield from pending.popleft().results()  # waits for the helper
                else:
                    break
        finally:
            for c in pending:
                if c.future is not None:
                    c.future.cancel()


def _steal(pending: deque[_Chunk]) -> _Chunk | None:
    """The latest chunk sent out that no helper has started (its future could still be cancelled)."""
    for c in reversed(pending):
        if c.future is not None and c.future.cancel():
            return c
    return None


@contextmanager
def _one_thread_env() -> Iterator[None]:
    """Helpers inherit one-thread settings for numeric libraries (read when those libraries load,
    which may be before ``_init`` runs); the parent's environment is restored afterwards."""
    saved = {var: os.environ.get(var) for var in THREAD_ENV}
    for var in THREAD_ENV:
        os.environ.setdefault(var, "1")
    try:
        yield
    finally:
        for var, val in saved.items():
            if val is None:
                os.environ.pop(var, None)
            else:
                os.environ[var] = val


def start_method() -> str:
    """``fork`` on Linux (helpers start warm; the parent starts no threads of its own before the
    pool forks, and helpers never touch the store), ``spawn`` elsewhere."""
    return "fork" if sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods() else "spawn"


def _result(future: Future[list[_Result]]) -> list[_Result]:
    try:
        return future.result()
    except TealeavesError:
        raise
    except Exception as exc:  # a helper that died (killed for memory, crashed) must not hang the run
        raise WorkerError(f"a coding worker failed: {type(exc).__name__}: {exc}; try fewer --workers") from exc


class WorkerError(TealeavesError):
    """A worker process failed while coding."""


def available_workers() -> int:
    """CPU cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


__all__ = ["code_cleaned", "warm", "start_method", "available_workers", "WorkerError"]
