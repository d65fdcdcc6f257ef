"""The one place that knows the order of the stages: ingest -> clean -> nlp -> actors -> events -> store."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from tealeaves import clean as clean_stage
from tealeaves import ingest, nlp, store
from tealeaves.errors import TealeavesError
from tealeaves.ingest import Problem
from tealeaves.models import CleanDocument, Document, Event, Sentence
from tealeaves.settings import Settings, load_settings

log = logging.getLogger(__name__)

WRITE_BATCH = 64


@dataclass(frozen=True)
class Coded:
    """One document through every stage."""

    clean: CleanDocument
    sentences: tuple[Sentence, ...]
    events: tuple[Event, ...]
    status: str = "coded"
    note: str | None = None


@dataclass
class IngestReport:
    ingested: int = 0
    skipped: int = 0
    failed: int = 0
    events: int = 0
    problems: list[Problem] = field(default_factory=list)


def _resolver(settings: Settings) -> Any:
    from tealeaves.actors import get_resolver

    return get_resolver(settings)


def _coder(settings: Settings) -> Any:
    from tealeaves.events import get_coder

    return get_coder(settings.coder)


def code_documents(docs: Iterable[Document], settings: Settings | None = None, repeated: clean_stage.RepeatedLines | None = None) -> Iterator[Coded]:
    """Clean, parse, resolve actors and code events for each document, streaming."""
    settings = settings or load_settings()
    resolver = _resolver(settings)
    coder = _coder(settings)
    cleaned = (clean_stage.clean(d, repeated) for d in docs)
    for cdoc, sentences in nlp.parse(cleaned, settings.model, settings.batch_size):
        mentions = resolver.resolve_document(cdoc, sentences)
        events = coder.code_document(cdoc, sentences, mentions)
        yield Coded(cdoc, sentences, tuple(events))


def code_text(text: str, date: str | None = None, outlet: str | None = None, settings: Settings | None = None) -> list[Event]:
    """Code one piece of text (first non-empty line is taken as its headline) and return its events."""
    doc = ingest.document_from_text(text, "<text>", date=date, outlet=outlet)
    return [e for coded in code_documents([doc], settings) for e in coded.events]


def ingest_paths(paths: Iterable[str], db: str | None = None, settings: Settings | None = None,
                 on_problem: Callable[[Problem], None] | None = None, con: Any = None) -> IngestReport:
    """Read, code and store everything under ``paths``; bad files are reported and skipped."""
    settings = settings or load_settings()
    report = IngestReport()

    def documents() -> Iterator[Document]:
        for item in ingest.read(paths):
            if isinstance(item, Problem):
                report.failed += 1
                report.problems.append(item)
                if on_problem:
                    on_problem(item)
            else:
                yield item

    own = con is None
    con = con or store.connect(db or settings.db)
    try:
        store_documents(documents(), con, settings, report)
    finally:
        if own:
            con.close()
    return report


def store_documents(docs: Iterable[Document], con: Any, settings: Settings | None = None, report: IngestReport | None = None) -> IngestReport:
    """Code documents and write them to an open store in batches, each batch one transaction."""
    settings = settings or load_settings()
    report = report or IngestReport()
    repeated = clean_stage.RepeatedLines()
    batch_docs: list[tuple[Any, ...]] = []
    batch_events: list[Event] = []
    for coded in code_documents(docs, settings, repeated):
        batch_docs.append(store.document_row(coded.clean, len(coded.sentences), len(coded.events), coded.status,
                                             coded.note, settings.coder, settings.actor_resolver))
        batch_events.extend(coded.events)
        report.ingested += 1
        report.events += len(coded.events)
        if len(batch_docs) >= WRITE_BATCH:
            store.write(con, batch_docs, batch_events)
            batch_docs, batch_events = [], []
    if batch_docs:
        store.write(con, batch_docs, batch_events)
    return report


def load_demo_documents() -> list[Document]:
    """The bundled demo corpus."""
    import io
    from importlib import resources

    text = resources.files("tealeaves.data").joinpath("demo", "articles.jsonl").read_text(encoding="utf-8")
    out = []
    for item in ingest.read_jsonl(io.StringIO(text), "demo"):
        if isinstance(item, Problem):
            raise TealeavesError(f"bundled demo corpus is damaged: {item}")
        out.append(item)
    return out
