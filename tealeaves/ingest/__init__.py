"""Ingest: turn files, directories, web archives, feeds and stdin into Documents.

Formats are told apart by their first bytes, whatever the file is called (as for stdin): JSON Lines
(a first record ``{``) or a JSON array of records, HTML pages (trafilatura, ``tealeaves.ingest.html``),
RSS/Atom feeds (feedparser, ``tealeaves.ingest.feeds``), WARC files (warcio,
``tealeaves.ingest.warc``) and plain text. A known suffix (``.jsonl``, ``.html``, ``.rss``, ...)
decides only when the bytes say nothing. Any of them may be gzipped. Every reader streams and caps what it holds in memory (``tealeaves.ingest.raw``).

Readers yield ``Document`` or ``Problem``: a bad file or record becomes one Problem naming it and
the reason, and never stops the good ones from going through.
"""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, cast

from tealeaves.errors import InputError
from tealeaves.ids import document_id
from tealeaves.ingest import lang
from tealeaves.ingest.html import canonical_url, iso_date
from tealeaves.ingest.raw import MAX_RECORD_BYTES, Problem, binary_kind, decode, decode_record, mb, open_bytes, peek, read_capped
from tealeaves.models import Document

__all__ = ["Problem", "decode", "document_from_record", "document_from_text", "read", "read_jsonl", "read_path", "read_stdin"]

JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
FEED_SUFFIXES = {".rss", ".atom", ".xml", ".rdf"}


def problem(origin: str, exc: Exception) -> Problem:
    """A Problem from an error whose message may already start with ``origin``."""
    reason = str(exc)
    if reason.startswith(origin):
        reason = reason[len(origin):].lstrip(": ")
    return Problem(origin, reason)


def document_from_record(rec: object, origin: str) -> Document:
    """A Document from one JSON Lines record with fields text, id?, title?, date?, outlet?, url?, language?, author?."""
    if not isinstance(rec, dict):
        raise InputError(f"{origin}: expected a JSON object, got {type(rec).__name__}")
    text = rec.get("text")
    if text is None:
        text = rec.get("doc_text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"{origin}: record has no 'text'")
    title = rec.get("title")
    url = canonical_url(rec.get("url"))
    given = rec.get("id", rec.get("doc_id"))
    if isinstance(given, (dict, list)):
        given = None
    doc_id = str(given) if given not in (None, "") else document_id(text, url)
    language = lang.normalize(rec.get("language", rec.get("lang"))) or lang.detect(text)
    return Document(
        id=doc_id,
        text=text,
        title=str(title) if title else None,
        date=iso_date(rec.get("date")),
        outlet=str(rec["outlet"]) if rec.get("outlet") else None,
        url=url,
        origin=origin,
        language=language,
        author=str(rec["author"]) if rec.get("author") else None,
    )


def document_from_text(text: str, origin: str, date: str | None = None, outlet: str | None = None) -> Document:
    """A Document from plain text whose first non-empty line is the headline."""
    if not text.strip():
        raise InputError(f"{origin} is empty")
    title = next((ln.strip() for ln in text.splitlines() if ln.strip()), None)
    return Document(id=document_id(text), text=text, title=title, date=date, outlet=outlet, origin=origin,
                    language=lang.detect(text))


def read_jsonl(stream: IO[str] | IO[bytes], origin: str) -> Iterator[Document | Problem]:
    """Documents from a JSON Lines stream (text or bytes), one record at a time.

    A line longer than MAX_RECORD_BYTES is skipped without being held in memory; a line with
    bytes that are not UTF-8 is read with its stray bytes as Windows-1252."""
    lineno = 0
    while True:
        where = f"{origin}:{lineno + 1}"
        try:
            line = stream.readline(MAX_RECORD_BYTES + 1)
        except InputError as exc:
            yield problem(origin, exc)
            return
        except (OSError, EOFError, UnicodeDecodeError) as exc:
            yield Problem(origin, f"could not be read past line {lineno} ({exc})")
            return
        if not line:
            return
        lineno += 1
        if len(line) > MAX_RECORD_BYTES:
            yield Problem(where, f"record is longer than {mb(MAX_RECORD_BYTES)}; skipped")
            try:
                while line and line[-1:] not in ("\n", b"\n"):
                    line = stream.readline(1 << 20)
            except (InputError, OSError, EOFError, UnicodeDecodeError) as exc:
                yield problem(origin, exc)
                return
            continue
        try:
            text = line if isinstance(line, str) else decode_record(line, where)
        except InputError as exc:
            yield problem(where, exc)
            continue
        if not text.strip():
            continue
        try:
            yield document_from_record(json.loads(text), where)
        except json.JSONDecodeError as exc:
            cut = " (the file looks cut short)" if not text.endswith("\n") else ""
            yield Problem(where, f"not valid JSON ({exc.msg}, column {exc.colno}){cut}")
        except RecursionError:
            yield Problem(where, "JSON nested too deeply")
        except InputError as exc:
            yield problem(where, exc)


def _read_json_array(data: bytes, origin: str) -> Iterator[Document | Problem]:
    try:
        records = json.loads(decode(data, origin))
    except (json.JSONDecodeError, RecursionError) as exc:
        yield Problem(origin, f"not valid JSON ({getattr(exc, 'msg', 'nested too deeply')})")
        return
    if not isinstance(records, list):
        records = [records]
    for i, rec in enumerate(records, 1):
        try:
            yield document_from_record(rec, f"{origin}[{i}]")
        except InputError as exc:
            yield problem(f"{origin}[{i}]", exc)


def sniff(head: bytes) -> str | None:
    """'jsonl', 'json', 'html' or 'feed' from the first bytes of a document stream; None when they
    name no format (plain text, or a suffix may tell)."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()[:512]
    if start.startswith(b"{"):
        return "jsonl"
    if start.startswith(b"[") and start[1:].lstrip(b" \t\r\n").startswith(b"{"):
        return "json"
    if start.startswith((b"<!doctype html", b"<html")):
        return "html"
    if start.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf:rdf")):
        return "html" if b"<html" in start and b"<rss" not in start and b"<feed" not in start else "feed"
    return None


def _sniff(path: Path, head: bytes) -> str:
    """'warc', 'jsonl', 'json', 'html', 'feed' or 'text': the first bytes first, then the file name
    (gzip suffix ignored)."""
    from tealeaves.ingest.warc import is_warc

    if is_warc(path, head):
        return "warc"
    by_content = sniff(head)
    if by_content:
        return by_content
    suffixes = [s.lower() for s in path.suffixes if s.lower() not in (".gz", ".gzip")]
    suffix = suffixes[-1] if suffixes else ""
    if suffix in JSONL_SUFFIXES:
        return "json" if suffix == ".json" and head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"[") else "jsonl"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in FEED_SUFFIXES:
        return "feed"
    return "text"


def read_path(path: Path) -> Iterator[Document | Problem]:
    """Documents from one file or, recursively, a directory (hidden files are left out)."""
    if path.is_dir():
        for child in sorted(p for p in path.rglob("*") if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts)):
            yield from read_path(child)
        return
    origin = str(path)
    try:
        stream = open_bytes(path)
    except OSError as exc:
        yield Problem(origin, f"cannot be read ({exc.strerror or exc})")
        return
    with stream:
        try:
            head = peek(stream)
        except (InputError, OSError) as exc:
            yield problem(origin, exc)
            return
        if not head.strip():
            yield Problem(origin, "is empty")
            return
        yield from _read_stream(path, stream, head)


def _read_stream(path: Path, stream: IO[bytes], head: bytes) -> Iterator[Document | Problem]:
    origin = str(path)
    kind = _sniff(path, head)
    if kind == "warc":
        from tealeaves.ingest.warc import read_warc

        yield from read_warc(path)
        return
    binary = binary_kind(head)
    if binary:
        yield Problem(origin, f"looks like {binary}, not text")
        return
    if kind == "jsonl":
        yield from read_jsonl(stream, origin)
        return
    try:
        data = read_capped(stream, origin)
    except (InputError, OSError) as exc:
        yield problem(origin, exc)
        return
    try:
        if kind == "json":
            yield from _read_json_array(data, origin)
        elif kind == "html":
            from tealeaves.ingest.html import document_from_html

            yield document_from_html(data, origin)
        elif kind == "feed":
            from tealeaves.ingest.feeds import read_feed

            yield from read_feed(data, origin)
        else:
            yield document_from_text(decode(data, origin), origin)
    except InputError as exc:
        yield problem(origin, exc)


def read_stdin(stream: IO[str] | IO[bytes] | None = None) -> Iterator[Document | Problem]:
    """Whatever the first bytes say, as for a file (``sniff``): JSON Lines, a JSON array, an HTML
    page or a feed; else one plain-text document."""
    src: IO[bytes] | IO[str] = stream if stream is not None else sys.stdin.buffer
    got = src.read(MAX_RECORD_BYTES + 1)
    data = got.encode("utf-8", errors="surrogatepass") if isinstance(got, str) else got
    kind = sniff(data[:4096])
    if kind == "jsonl":
        rest = src if len(data) > MAX_RECORD_BYTES else None
        yield from read_jsonl(cast(IO[bytes], _Chain(data, rest)), "<stdin>")
    elif data.startswith(b"WARC/"):
        yield Problem("<stdin>", "is a WARC file; give its path instead of piping it")
    elif len(data) > MAX_RECORD_BYTES:
        yield Problem("<stdin>", f"is larger than {mb(MAX_RECORD_BYTES)}; send JSON Lines for large input")
    elif data.strip():
        try:
            if kind == "json":
                yield from _read_json_array(data, "<stdin>")
            elif kind == "html":
                from tealeaves.ingest.html import document_from_html

                yield document_from_html(data, "<stdin>")
            elif kind == "feed":
                from tealeaves.ingest.feeds import read_feed

                yield from read_feed(data, "<stdin>")
            else:
                yield document_from_text(decode(data, "<stdin>"), "<stdin>")
        except InputError as exc:
            yield problem("<stdin>", exc)
    else:
        yield Problem("<stdin>", "no input")


class _Chain(io.RawIOBase):
    """Bytes already read, followed by the rest of a stream, as one readable stream."""

    def __init__(self, head: bytes, rest: IO[bytes] | IO[str] | None) -> None:
        self._head = io.BytesIO(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readline(self, size: int | None = -1) -> bytes:  # type: ignore[override]
        line = self._head.readline(size if size is not None else -1)
        if self._rest is None or line.endswith(b"\n"):
            return line
        more = self._rest.readline((size - len(line)) if size and size > 0 else -1)
        return line + (more.encode("utf-8", errors="surrogatepass") if isinstance(more, str) else more)


def read(paths: Iterable[str | Path]) -> Iterator[Document | Problem]:
    """Documents and Problems from each path in turn; '-' reads stdin."""
    for p in paths:
        if str(p) == "-":
            yield from read_stdin()
            continue
        path = Path(p)
        if not path.exists():
            yield Problem(str(p), "no such file or directory")
            continue
        yield from read_path(path)
