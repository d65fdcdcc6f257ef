"""Ingest: turn paths, JSON Lines and stdin into Documents.

Bad files and records are reported through ``Problem`` records and never stop the
good ones from going through.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from tealeaves.errors import DecodeError, InputError
from tealeaves.ids import document_id
from tealeaves.models import Document

TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}


@dataclass(frozen=True)
class Problem:
    """A file or record that was skipped, and why."""

    origin: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


def decode(data: bytes, origin: str) -> str:
    """Bytes to text: UTF-8 (with or without BOM), else a clear DecodeError."""
    if b"\x00" in data[:8192]:
        raise DecodeError(f"{origin} looks like a binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DecodeError(f"{origin} is not valid UTF-8 (byte {exc.start}); convert it to UTF-8 first") from None


def document_from_record(rec: object, origin: str) -> Document:
    """A Document from one JSON Lines record with fields id, text, title?, date?, outlet?, url?."""
    if not isinstance(rec, dict):
        raise InputError(f"{origin}: expected a JSON object, got {type(rec).__name__}")
    text = rec.get("text")
    if text is None:
        text = rec.get("doc_text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"{origin}: record has no 'text'")
    title = rec.get("title")
    url = rec.get("url")
    given = rec.get("id", rec.get("doc_id"))
    doc_id = str(given) if given not in (None, "") else document_id(text, url if isinstance(url, str) else None)
    return Document(
        id=doc_id,
        text=text,
        title=str(title) if title else None,
        date=_iso_date(rec.get("date")),
        outlet=str(rec["outlet"]) if rec.get("outlet") else None,
        url=str(url) if url else None,
        origin=origin,
    )


def _iso_date(value: object) -> str | None:
    if not value:
        return None
    s = str(value).strip()
    if len(s) >= 10 and s[4] == "-" and s[7] == "-":
        return s[:10]
    import dateparser

    parsed = dateparser.parse(s, settings={"PREFER_DAY_OF_MONTH": "first"})
    return parsed.date().isoformat() if parsed else None


def document_from_text(text: str, origin: str, date: str | None = None, outlet: str | None = None) -> Document:
    """A Document from plain text whose first non-empty line is the headline."""
    if not text.strip():
        raise InputError(f"{origin} is empty")
    title = next((ln.strip() for ln in text.splitlines() if ln.strip()), None)
    return Document(id=document_id(text), text=text, title=title, date=date, outlet=outlet, origin=origin)


def read_jsonl(stream: IO[str], origin: str) -> Iterator[Document | Problem]:
    for lineno, line in enumerate(stream, 1):
        if not line.strip():
            continue
        where = f"{origin}:{lineno}"
        try:
            yield document_from_record(json.loads(line), where)
        except json.JSONDecodeError as exc:
            yield Problem(where, f"not valid JSON ({exc.msg})")
        except InputError as exc:
            yield Problem(where, str(exc).removeprefix(where + ": "))


def read_path(path: Path) -> Iterator[Document | Problem]:
    """Documents from one file or, recursively, a directory."""
    if path.is_dir():
        for child in sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")):
            yield from read_path(child)
        return
    origin = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield Problem(origin, f"cannot be read ({exc.strerror or exc})")
        return
    try:
        text = decode(data, origin)
    except DecodeError as exc:
        yield Problem(origin, str(exc).removeprefix(origin + " "))
        return
    if path.suffix.lower() in JSONL_SUFFIXES:
        import io

        yield from read_jsonl(io.StringIO(text), origin)
        return
    try:
        yield document_from_text(text, origin)
    except InputError as exc:
        yield Problem(origin, str(exc).removeprefix(origin + " "))


def read_stdin(stream: IO[str] | None = None) -> Iterator[Document | Problem]:
    """JSON Lines when the first non-blank character is '{', else one plain-text document."""
    stream = stream or sys.stdin
    text = stream.read()
    if text.lstrip().startswith("{"):
        import io

        yield from read_jsonl(io.StringIO(text), "<stdin>")
    elif text.strip():
        yield document_from_text(text, "<stdin>")
    else:
        yield Problem("<stdin>", "no input")


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
