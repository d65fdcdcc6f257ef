"""A small client for a running ``tealeaves serve``: hands documents to the server, which is the
store's single writer, when another process finds the store locked."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Iterable, Mapping
from typing import Any

from tealeaves.errors import InputError, StoreError
from tealeaves.models import Document

__all__ = ["BATCH", "post_documents"]

BATCH = 100  # documents per request, well under the server's body and batch limits
FIELDS = ("id", "text", "title", "date", "outlet", "url")


def _record(doc: Document | Mapping[str, Any]) -> dict[str, Any]:
    get = doc.get if isinstance(doc, Mapping) else (lambda k: getattr(doc, k, None))
    return {k: get(k) for k in FIELDS if get(k) is not None}


def _post(url: str, token: str | None, batch: list[dict[str, Any]], timeout: float) -> dict[str, Any]:
    req = urllib.request.Request(f"{url.rstrip('/')}/api/documents", data=json.dumps(batch).encode("utf-8"), method="POST",
                                 headers={"Content-Type": "application/json", **({"Authorization": f"Bearer {token}"} if token else {})})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:  # noqa: S310 - the user's own server
            return dict(json.loads(resp.read()))
    except urllib.error.HTTPError as exc:
        try:
            message = json.loads(exc.read())["error"]["message"]
        except (ValueError, KeyError, TypeError):
            message = exc.reason
        if exc.code in (401, 403):
            raise InputError(f"the server at {url} refused the documents: {message}; pass its token with --token or TEALEAVES_TOKEN") from None
        raise StoreError(f"the server at {url} answered {exc.code}: {message}") from None
    except (urllib.error.URLError, OSError) as exc:
        raise StoreError(f"cannot reach the tealeaves server at {url}: {getattr(exc, 'reason', exc)}") from None


def post_documents(url: str, token: str | None, docs: Iterable[Document | Mapping[str, Any]],
                   batch: int = BATCH, timeout: float = 600.0) -> dict[str, Any]:
    """POST documents (Documents or JSON Lines records) to ``url``/api/documents in batches; returns
    the summed result: ingested, skipped, events, failed, ids, problems."""
    total: dict[str, Any] = {"ingested": 0, "skipped": 0, "events": 0, "failed": 0, "ids": [], "problems": []}
    chunk: list[dict[str, Any]] = []

    def flush() -> None:
        res = _post(url, token, chunk, timeout)
        for k in ("ingested", "skipped", "events", "failed"):
            total[k] += int(res.get(k, 0))
        total["ids"] += list(res.get("ids", []))
        total["problems"] += list(res.get("problems", []))
        chunk.clear()

    for d in docs:
        chunk.append(_record(d))
        if len(chunk) >= batch:
            flush()
    if chunk:
        flush()
    return total


def is_locked(exc: BaseException) -> bool:
    """Whether a StoreError says the store is held by another process (e.g. ``tealeaves serve``)."""
    return isinstance(exc, StoreError) and "in use by another" in str(exc)


def server_for(db: str, explicit: str | None = None) -> tuple[str, str | None] | None:
    """The (url, token) of the server to hand documents to: ``explicit`` (--server or
    TEALEAVES_SERVER) first, else the ``<db>.server`` file a running ``tealeaves serve`` keeps."""
    if explicit:
        return explicit, None
    from tealeaves.serve import read_server_file

    info = read_server_file(db)
    return (info["url"], info.get("token")) if info else None


def ingest_via_server(paths: Iterable[str], url: str, token: str | None,
                      on_problem: Any = None) -> dict[str, Any]:
    """Read ``paths`` here and let the server at ``url`` code and store them; bad files are
    reported through ``on_problem`` as in a local ingest."""
    from tealeaves.ingest import Problem, read

    failed = 0

    def documents() -> Iterable[Document]:
        nonlocal failed
        for item in read(paths):
            if isinstance(item, Problem):
                failed += item.kind != "warning"
                if on_problem:
                    on_problem(item)
            else:
                yield item

    result = post_documents(url, token, documents())
    result["failed"] += failed
    return result
