"""Web archives (WARC and WARC.gz) with warcio, streaming: one record in memory at a time.

Only ``response`` records whose HTTP status is 2xx and whose Content-Type is HTML are read; each
body is capped at ``MAX_RECORD_BYTES``. A record that cannot be parsed ends the file with one
message (a WARC cannot be resynchronised safely), after everything before it has gone through.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from tealeaves.errors import InputError
from tealeaves.ingest.html import document_from_html, iso_date
from tealeaves.ingest.raw import MAX_RECORD_BYTES, Problem, mb
from tealeaves.models import Document

HTML_TYPES = ("text/html", "application/xhtml+xml")


def is_warc(path: Path, head: bytes) -> bool:
    name = path.name.lower()
    return name.endswith((".warc", ".warc.gz", ".arc", ".arc.gz")) or head.startswith(b"WARC/")


def read_warc(path: Path) -> Iterator[Document | Problem]:
    """Documents from the HTML responses of a WARC file; skipped and bad records as Problems."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    origin = str(path)
    with path.open("rb") as fh:
        records = ArchiveIterator(fh, ensure_http_headers=False)
        n = 0
        while True:
            try:
                record = next(records)
            except StopIteration:
                break
            except (ArchiveLoadFailed, ValueError, OSError, EOFError) as exc:
                yield Problem(origin, f"malformed WARC record after record {n} ({ascii(str(exc))[1:80] or type(exc).__name__}); "
                                 "stopped reading this file")
                return
            n += 1
            if record.rec_type != "response":
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI")
            where = f"{origin}#{n}" + (f" {uri}" if uri else "")
            http = record.http_headers
            if http is None:
                continue
            ctype = (http.get_header("Content-Type") or "").split(";")[0].strip().lower()
            if ctype not in HTML_TYPES:
                continue
            status = http.get_statuscode() or ""
            if not status.startswith("2"):
                continue
            try:
                body = record.content_stream().read(MAX_RECORD_BYTES + 1)
            except (ArchiveLoadFailed, ValueError, OSError, EOFError) as exc:
                yield Problem(where, f"body could not be read ({str(exc)[:120] or type(exc).__name__}); stopped reading this file")
                return
            if len(body) > MAX_RECORD_BYTES:
                yield Problem(where, f"HTML response larger than {mb(MAX_RECORD_BYTES)}; skipped")
                continue
            if getattr(record.raw_stream, "limit", 0):
                yield Problem(where, "record is cut short (the file ends inside it); skipped")
                return
            try:
                yield document_from_html(body, where, url=uri, date=iso_date(record.rec_headers.get_header("WARC-Date")))
            except InputError as exc:
                yield Problem(where, str(exc).removeprefix(where).lstrip(": "))
