"""Content-hash identifiers: the same content always gets the same id."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tealeaves.models import Event

_SPACE = re.compile(r"\s+")


def _digest(*parts: str) -> str:
    h = hashlib.sha1()
    for p in parts:
        h.update(p.encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()[:16]


def normalize_text(text: str) -> str:
    """Text folded so that whitespace and Unicode form do not change an id."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip().lower()


def document_id(text: str, url: str | None = None) -> str:
    """A document's id: from its canonical URL when there is one, else from its normalized text."""
    if url:
        return "u" + _digest(url.strip())
    return "d" + _digest(normalize_text(text))


def event_id(event: Event) -> str:
    src = event.source.code if event.source else ""
    tgt = event.target.code if event.target else ""
    return "e" + _digest(event.doc_id, str(event.sentence), str(event.evidence_start), event.cameo, src or "", tgt or "")
