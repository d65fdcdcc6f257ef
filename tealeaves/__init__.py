"""tealeaves: news in, political event data out.

    >>> import tealeaves
    >>> events = tealeaves.code_text("Russia's foreign minister visited Beijing on Tuesday.", date="2016-10-04")

Importing the package is cheap: spaCy and the data files load on first use.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

# DuckDB's allocator (jemalloc) keeps freed pages for later by default, so a process that writes
# to a growing store for weeks only grows; handing them back at once keeps it near its working
# size (docs/performance.md). Read when DuckDB first allocates; a user's own setting wins.
os.environ.setdefault("DUCKDB_JE_MALLOC_CONF", "dirty_decay_ms:0,muzzy_decay_ms:0")

from tealeaves.errors import DataError, DecodeError, InputError, ModelError, StoreError, TealeavesError
from tealeaves.models import CleanDocument, Document, Event, Location, Mention, Paragraph, Sentence

if TYPE_CHECKING:
    from tealeaves.settings import Settings

__all__ = [
    "CleanDocument",
    "DataError",
    "DecodeError",
    "Document",
    "Event",
    "InputError",
    "Location",
    "Mention",
    "ModelError",
    "Paragraph",
    "Sentence",
    "StoreError",
    "TealeavesError",
    "code_text",
]


def code_text(text: str, date: str | None = None, outlet: str | None = None, settings: Settings | None = None) -> list[Event]:
    """Code a piece of news text into events. ``date`` (YYYY-MM-DD) anchors relative dates and dated roles."""
    from tealeaves.pipeline import code_text as _code_text

    return _code_text(text, date=date, outlet=outlet, settings=settings)

