"""The server's single writer: documents posted to the API and items from the feed watcher are
coded and stored one batch at a time, under one lock, through the same open connection."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from tealeaves.errors import TealeavesError
from tealeaves.ingest import document_from_record
from tealeaves.models import Document
from tealeaves.settings import Settings

log = logging.getLogger(__name__)


class ReadWriteLock:
    """Many readers or one writer; a waiting writer holds new readers back so it is not starved."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._readers = 0
        self._writing = False
        self._waiting = 0

    @contextmanager
    def read(self) -> Iterator[None]:
        with self._cond:
            while self._writing or self._waiting:
                self._cond.wait()
            self._readers += 1
        try:
            yield
        finally:
            with self._cond:
                self._readers -= 1
                if not self._readers:
                    self._cond.notify_all()

    @contextmanager
    def write(self) -> Iterator[None]:
        with self._cond:
            self._waiting += 1
            while self._writing or self._readers:
                self._cond.wait()
            self._waiting -= 1
            self._writing = True
        try:
            yield
        finally:
            with self._cond:
                self._writing = False
                self._cond.notify_all()


class Writer:
    """Serialises every write to the store. Reads that may write (the readout clusters what is not
    clustered yet) take ``lock.read()``, so they never run between a batch's events and its clusters.
    ``generation`` goes up after each write."""

    def __init__(self, con: Any, settings: Settings) -> None:
        self.con = con
        self.settings = settings
        self.lock = ReadWriteLock()
        self.generation = 0

    def catch_up(self) -> None:
        """Cluster whatever the store holds that was never clustered (once, at start)."""
        from tealeaves.cluster import ensure_readout

        with self.lock.write():
            cur = self.con.cursor()
            try:
                ensure_readout(cur)
            finally:
                cur.close()

    def write_records(self, records: Iterable[dict[str, Any]], origin: str = "api") -> dict[str, Any]:
        docs: list[Document] = []
        problems: list[str] = []
        for i, rec in enumerate(records):
            try:
                docs.append(document_from_record(rec, f"{origin}[{i}]"))
            except TealeavesError as exc:
                problems.append(str(exc))
        result = self.write_documents(docs)
        result["failed"] += len(problems)
        result["problems"] = problems + result["problems"]
        return result

    def write_documents(self, docs: list[Document]) -> dict[str, Any]:
        from tealeaves import pipeline

        if not docs:
            return {"ingested": 0, "skipped": 0, "events": 0, "failed": 0, "ids": [], "problems": []}
        with self.lock.write():
            cur = self.con.cursor()
            try:
                report = pipeline.store_documents(docs, cur, self.settings)
            finally:
                cur.close()
                self.generation += 1
        return {"ingested": report.ingested, "skipped": getattr(report, "skipped", 0), "events": report.events,
                "failed": report.failed, "ids": [d.id for d in docs], "problems": [str(p) for p in report.problems]}

    def poll_feeds(self, urls: list[str]) -> Any:
        """One round of the ingestion stage's feed watcher, as this process's single writer."""
        from tealeaves.ingest.watch import watch_once

        with self.lock.write():
            cur = self.con.cursor()
            try:
                return watch_once(cur, urls, self.settings,
                                  on_problem=lambda p: log.warning("feed: %s", p))
            finally:
                cur.close()
                self.generation += 1


def start_feed_watcher(writer: Writer, feeds: list[str], every_s: float, stop: threading.Event) -> threading.Thread | None:
    """Polls feeds in a thread of the server process, so the server stays the store's only writer."""
    if not feeds:
        return None

    def loop() -> None:
        while not stop.is_set():
            try:
                rep = writer.poll_feeds(feeds)
                log.info("feeds: %s", getattr(rep, "summary", rep))
            except TealeavesError as exc:
                log.warning("feed watcher: %s", exc)
            stop.wait(every_s)

    t = threading.Thread(target=loop, name="tealeaves-feeds", daemon=True)
    t.start()
    return t
