"""Watch feeds: poll each feed with ETag/Last-Modified, fetch every new entry's page once, store it.

State lives in the store (``feed_state``, ``feed_items``), so a restarted watcher neither refetches
old entries nor loses its conditional-request headers. A feed that is down, slow or broken is
recorded (``failures``, ``last_error``) and tried again next poll; the other feeds go on.

An entry is marked seen only after its document is stored, so a watcher killed between the two
fetches it again next time and the store skips it by id: nothing is lost and nothing is doubled.

``watch_once`` is one poll on an open connection; ``FeedWatcher`` repeats it and can run in a
thread of a server process that owns the store's only writer connection.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from tealeaves.errors import InputError, TealeavesError
from tealeaves.ingest.feeds import FeedItem, item_document, parse_feed
from tealeaves.ingest.html import canonical_url, document_from_html
from tealeaves.ingest.raw import MAX_DOCUMENT_BYTES, Problem, mb
from tealeaves.models import Document

log = logging.getLogger(__name__)

USER_AGENT = "tealeaves-watch/0.1 (+https://github.com/tealeaves)"
TIMEOUT_S = 20.0


class FetchError(TealeavesError):
    """A feed or page could not be fetched (network error, HTTP error, too large)."""


@dataclass(frozen=True)
class Response:
    status: int  # 200, or 304 when not modified
    body: bytes
    etag: str | None
    last_modified: str | None


Fetcher = Callable[[str, str | None, str | None], Response]


def fetch(url: str, etag: str | None = None, last_modified: str | None = None, timeout: float = TIMEOUT_S,
          max_bytes: int = MAX_DOCUMENT_BYTES) -> Response:
    """GET ``url`` with conditional headers; at most ``max_bytes`` of body are read."""
    if not url.lower().startswith(("http://", "https://")):
        raise FetchError(f"{url}: only http and https URLs can be watched")
    headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "identity"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    req = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:  # noqa: S310 - scheme checked above
            body = resp.read(max_bytes + 1)
            if len(body) > max_bytes:
                raise FetchError(f"{url}: response larger than {mb(max_bytes)}")
            return Response(resp.status, body, resp.headers.get("ETag"), resp.headers.get("Last-Modified"))
    except urllib.error.HTTPError as exc:
        if exc.code == 304:
            return Response(304, b"", etag, last_modified)
        raise FetchError(f"{url}: HTTP {exc.code} {exc.reason}") from None
    except (urllib.error.URLError, TimeoutError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", None) or exc
        raise FetchError(f"{url}: {reason}") from None


@dataclass(frozen=True)
class FeedResult:
    """One feed's poll: ``status`` is "updated", "not_modified" or "down"."""

    url: str
    status: str
    new_items: int = 0
    error: str | None = None


@dataclass
class WatchReport:
    feeds: list[FeedResult] = field(default_factory=list)
    ingest: Any = None  # pipeline.IngestReport

    @property
    def summary(self) -> str:
        down = sum(f.status == "down" for f in self.feeds)
        new = sum(f.new_items for f in self.feeds)
        rep = self.ingest
        stored = f"; {rep.summary}" if rep is not None else ""
        return f"{len(self.feeds)} feeds polled, {down} down, {new} new entries{stored}"


def _state(con: Any, url: str) -> tuple[str | None, str | None]:
    row = con.execute("SELECT etag, last_modified FROM feed_state WHERE url = ?", [url]).fetchone()
    return (row[0], row[1]) if row else (None, None)


def _record(con: Any, url: str, ok: bool, error: str | None = None, etag: str | None = None, last_modified: str | None = None) -> None:
    now = dt.datetime.now()
    old_etag, old_lm = _state(con, url)
    if ok:
        con.execute("INSERT OR REPLACE INTO feed_state VALUES (?, ?, ?, ?, ?, 0, NULL)",
                    [url, etag or old_etag, last_modified or old_lm, now, now])
        return
    row = con.execute("SELECT ok_at, failures FROM feed_state WHERE url = ?", [url]).fetchone()
    ok_at, failures = (row[0], row[1] or 0) if row else (None, 0)
    con.execute("INSERT OR REPLACE INTO feed_state VALUES (?, ?, ?, ?, ?, ?, ?)",
                [url, old_etag, old_lm, now, ok_at, failures + 1, (error or "")[:500]])


def _seen(con: Any, url: str, keys: Sequence[str]) -> set[str]:
    if not keys:
        return set()
    rows = con.execute("SELECT item_key FROM feed_items WHERE feed_url = ? AND item_key IN (SELECT unnest(?))", [url, list(keys)]).fetchall()
    return {r[0] for r in rows}


def _item_document(item: FeedItem, feed_url: str, get: Fetcher) -> Document | None:
    """The entry's page as a Document, else the entry's own text; None to try again next poll."""
    link = canonical_url(item.link)
    if link:
        try:
            page = get(link, None, None)
            doc = document_from_html(page.body, link, url=link, outlet=item.outlet, date=item.date)
            return doc if doc.title or not item.title else replace(doc, title=item.title)
        except FetchError as exc:
            if not item.text.strip():
                log.warning("%s: will retry next poll", exc)
                return None
        except InputError:
            pass
    return item_document(item, f"{feed_url}#{item.key}", url=link)


def watch_once(con: Any, urls: Sequence[str], settings: Any = None, get: Fetcher = fetch,
               on_problem: Callable[[Problem], None] | None = None) -> WatchReport:
    """Poll each feed once and store its new entries on the open connection ``con``."""
    from tealeaves import pipeline

    report = WatchReport(ingest=pipeline.IngestReport())
    for url in urls:
        etag, last_modified = _state(con, url)
        try:
            resp = get(url, etag, last_modified)
            if resp.status == 304:
                _record(con, url, ok=True)
                report.feeds.append(FeedResult(url, "not_modified"))
                continue
            items, warning = parse_feed(resp.body, url)
        except (FetchError, InputError) as exc:
            _record(con, url, ok=False, error=str(exc))
            report.feeds.append(FeedResult(url, "down", error=str(exc)))
            if on_problem:
                on_problem(Problem(url, str(exc).removeprefix(url).lstrip(": ") or "unavailable"))
            continue
        if warning and on_problem:
            on_problem(Problem(url, warning, "warning"))
        seen = _seen(con, url, [it.key for it in items])
        fresh = [it for it in items if it.key not in seen]
        done: list[tuple[str, str | None]] = []
        docs: list[Document] = []
        for it in fresh:
            try:
                doc = _item_document(it, url, get)
            except InputError as exc:
                p = Problem(f"{url}#{it.key}", str(exc).split(": ", 1)[-1])
                report.ingest.add_problem(p)
                if on_problem:
                    on_problem(p)
                done.append((it.key, None))
                continue
            if doc is not None:
                docs.append(doc)
                done.append((it.key, doc.id))
        pipeline.store_documents(docs, con, settings, report.ingest)
        now = dt.datetime.now()
        for key, doc_id in done:
            con.execute("INSERT OR REPLACE INTO feed_items VALUES (?, ?, ?, ?)", [url, key, doc_id, now])
        _record(con, url, ok=True, etag=resp.etag, last_modified=resp.last_modified)
        report.feeds.append(FeedResult(url, "updated", new_items=len(fresh)))
    return report


class FeedWatcher:
    """Polls a list of feeds every ``every`` seconds on one connection until ``stop()``.

    ``poll()`` runs one round; ``run()`` loops (call it in a thread of a server that owns ``con``)."""

    def __init__(self, con: Any, urls: Sequence[str], settings: Any = None, every: float = 900.0,
                 get: Fetcher = fetch, on_report: Callable[[WatchReport], None] | None = None,
                 on_problem: Callable[[Problem], None] | None = None) -> None:
        self.con = con
        self.urls = list(urls)
        self.settings = settings
        self.every = every
        self.get = get
        self.on_report = on_report
        self.on_problem = on_problem
        self._stop = threading.Event()

    def poll(self) -> WatchReport:
        return watch_once(self.con, self.urls, self.settings, self.get, self.on_problem)

    def run(self, rounds: int | None = None) -> None:
        n = 0
        while not self._stop.is_set():
            rep = self.poll()
            if self.on_report:
                self.on_report(rep)
            n += 1
            if rounds is not None and n >= rounds:
                return
            self._stop.wait(self.every)

    def stop(self) -> None:
        self._stop.set()
