"""Content-hash identifiers: the same content always gets the same id."""

from __future__ import annotations

import hashlib
import re
import unicodedata
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


def event_id(doc_id: str, sentence: int, evidence_start: int, cameo: str, source_code: str | None, target_code: str | None) -> str:
    """An event's id: its document, sentence, evidence offset, CAMEO code and actor codes."""
    return "e" + _digest(doc_id, str(sentence), str(evidence_start), cameo, source_code or "", target_code or "")
