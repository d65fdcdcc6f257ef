"""Local parallelism: an ordered process pool, results in input order.

``ordered_map(items, remote, local, workers)`` cuts the input into small chunks and runs them in
``workers`` processes: the caller's and ``workers - 1`` helpers. ``prepare`` loads whatever the
work needs; on Linux it runs here before the helpers fork, so they start warm and share what it
loaded copy-on-write instead of each loading it again (seconds per process); elsewhere helpers
are spawned and run it themselves. The caller keeps the helpers fed and runs a chunk itself
(``local``) whenever the oldest chunk it sent out is not back yet. On a machine with N cores that
keeps every core busy without a parent that mostly waits, and N + 1 processes never fight for N
cores. ``remote`` runs in the helpers: what it returns crosses a process boundary, so it should be
small. Helpers run with one BLAS/OpenMP thread each, so numpy does not start a thread per core in
every process. The pool knows nothing of what it runs.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice
from typing import Generic, TypeVar

from tealeaves.errors import TealeavesError

log = logging.getLogger(__name__)

CHUNK = 8  # small, so the last chunks out do not keep the other processes waiting
IN_FLIGHT_PER_HELPER = 4  # chunks out per helper: it has work while the parent works and writes
THREAD_ENV = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS")

T = TypeVar("T")
R = TypeVar("R")


def _start(prepare: Callable[[], None] | None) -> None:
    """Helper start: one thread for numeric libraries, fresh std streams, then the caller's preparation."""
    for var in THREAD_ENV:
        os.environ[var] = "1"
    # a forked helper may inherit a stream lock held by a parent thread (a progress bar) at fork
    # time; writing or flushing through that object would then block forever
    sys.stdout = open(1, "w", closefd=False, buffering=1)  # noqa: SIM115 - lives as long as the helper
    sys.stderr = open(2, "w", closefd=False, buffering=1)  # noqa: SIM115
    if prepare is not None:
        prepare()


@dataclass
class _Chunk(Generic[T, R]):
    """One chunk of input, run here (``done``) or out in a helper (``future``)."""

    items: list[T]
    future: Future[list[R]] | None = None
    done: list[R] | None = None

    def ready(self) -> bool:
        return self.done is not None or (self.future is not None and self.future.done())

    def results(self) -> Iterator[tuple[T, R]]:
        if self.done is not None:
            return zip(self.items, self.done)
        assert self.future is not None
        return zip(self.items, _result(self.future))


def ordered_map(items: Iterable[T], remote: Callable[[list[T]], list[R]], local: Callable[[list[T]], list[R]],
                workers: int, prepare: Callable[[], None] | None = None, chunk: int = CHUNK) -> Iterator[tuple[T, R]]:
    """(item, result) for every item, in input order: ``remote(chunk)`` in a helper or ``local(chunk)`` here,
    each giving one result per item of its chunk. ``remote`` and ``prepare`` must be picklable."""
    workers = max(1, workers)
    if workers == 1:
        for batch in _batches(iter(items), chunk):
            yield from zip(batch, local(batch))
        return
    if workers > available_workers():
        log.warning("%d workers on %d cores: the processes will take turns; --workers %d is faster",
                    workers, available_workers(), available_workers())
    helpers = workers - 1
    docs = iter(items)
    pending: deque[_Chunk[T, R]] = deque()
    in_flight = 0
    max_pending = (IN_FLIGHT_PER_HELPER + 2) * helpers + 2  # bounds memory however long the input
    exhausted = False

    def next_batch() -> list[T]:
        nonlocal exhausted
        batch = [] if exhausted else list(islice(docs, chunk))
        exhausted = exhausted or not batch
        return batch

    method = start_method()
    if method == "fork" and prepare is not None:
        prepare()  # before the fork, so the helpers inherit what it loaded
    with _one_thread_env(), ProcessPoolExecutor(max_workers=helpers, mp_context=multiprocessing.get_context(method),
                                                initializer=_start, initargs=(prepare,)) as pool:
        try:
            while True:
                in_flight = sum(1 for c in pending if c.future is not None and not c.future.done())
                while in_flight < IN_FLIGHT_PER_HELPER * helpers and len(pending) < max_pending and (batch := next_batch()):
                    pending.append(_Chunk(batch, future=pool.submit(remote, batch)))
                    in_flight += 1
                if pending and pending[0].ready():
                    yield from pending.popleft().results()
                elif len(pending) < max_pending and (batch := next_batch()):
                    # the oldest chunk is still out: run the next one here rather than wait
                    pending.append(_Chunk(batch, done=local(batch)))
                elif stolen := _steal(pending):
                    # nothing new to take (the input is done): take back a chunk no helper has started
                    stolen.done, stolen.future = local(stolen.items), None
                elif pending:
                    yield from pending.popleft().results()  # waits for the helper
                else:
                    break
        finally:
            for c in pending:
                if c.future is not None:
                    c.future.cancel()


def _batches(items: Iterator[T], chunk: int) -> Iterator[list[T]]:
    while batch := list(islice(items, chunk)):
        yield batch


def _steal(pending: deque[_Chunk[T, R]]) -> _Chunk[T, R] | None:
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


def _result(future: Future[list[R]]) -> list[R]:
    try:
        return future.result()
    except TealeavesError:
        raise
    except Exception as exc:  # a helper that died (killed for memory, crashed) must not hang the run
        raise WorkerError(f"a worker process failed: {type(exc).__name__}: {exc}; try fewer --workers") from exc


class WorkerError(TealeavesError):
    """A worker process failed."""


def available_workers() -> int:
    """CPU cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


__all__ = ["ordered_map", "start_method", "available_workers", "WorkerError"]
