"""The one place that knows the order of the stages: ingest -> clean -> nlp -> actors -> events -> store."""

from __future__ import annotations

import functools
import itertools
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from tealeaves import clean as clean_stage
from tealeaves import ingest, nlp, registry, store
from tealeaves.errors import TealeavesError
from tealeaves.ingest import Problem
from tealeaves.models import CleanDocument, Coded, Document, Event, Sentence
from tealeaves.settings import Settings, load_settings
from tealeaves.types import Connection

log = logging.getLogger(__name__)

WRITE_BATCH = 64
WRITE_SECONDS = 5.0  # a slow stream still commits what it has this often


@dataclass
class IngestReport:
    """What an ingest did. ``ingested`` documents landed in the store (``not_coded`` of them stored
    without coding, e.g. not English); ``skipped`` were already there or repeated in the input;
    ``failed`` files or records could not be read (``problems`` keeps the first MAX_PROBLEMS)."""

    ingested: int = 0
    skipped: int = 0
    failed: int = 0
    events: int = 0
    problems: list[Problem] = field(default_factory=list)
    not_coded: int = 0
    warnings: int = 0
    read: int = 0  # documents read from the input so far
    threshold: float = 0.0  # the settings' min_confidence: every event is stored, ``confident`` counts those above it
    confident: int = 0

    MAX_PROBLEMS = 1000

    def add_problem(self, p: Problem) -> None:
        if p.kind == "warning":
            self.warnings += 1
        else:
            self.failed += 1
        if len(self.problems) < self.MAX_PROBLEMS:
            self.problems.append(p)

    @property
    def summary(self) -> str:
        coded = f" ({self.not_coded} stored but not coded)" if self.not_coded else ""
        warn = f", {self.warnings} warnings" if self.warnings else ""
        sure = f" ({self.confident} at confidence >= {self.threshold:g})" if self.threshold > 0 else ""
        return (f"ingested {self.ingested} documents{coded}, {self.events} events{sure}; "
                f"skipped {self.skipped} already stored; failed {self.failed}{warn}")


def _resolver(settings: Settings) -> Any:
    return registry.actor_resolver(settings)


def _coder(settings: Settings) -> Any:
    return registry.coder(settings)


def code_documents(docs: Iterable[Document], settings: Settings | None = None, repeated: clean_stage.RepeatedLines | None = None) -> Iterator[Coded]:
    """Clean, parse, resolve actors and code events for each document, streaming. A document longer
    than ``settings.max_document_chars`` is cut first, with a warning and a note on the document."""
    settings = settings or load_settings()
    notes: dict[str, str] = {}
    cleaned = (clean_stage.clean(_cut(d, settings.max_document_chars, notes), repeated) for d in docs)
    # cleaning stays in this process, so repeated-line detection sees every document in order
    coded = code_in_processes(cleaned, settings) if settings.workers > 1 else code_cleaned(cleaned, settings)
    for c in coded:
        note = notes.pop(c.clean.document.id, None)
        yield replace(c, note="; ".join(n for n in (c.note, note) if n)) if note else c


def _cut(doc: Document, limit: int, notes: dict[str, str]) -> Document:
    """The document, or its first ``limit`` characters cut at the last paragraph (else line) break."""
    if limit <= 0 or len(doc.text) <= limit:
        return doc
    head = doc.text[:limit]
    at = max(head.rfind("\n\n"), 0) or max(head.rfind("\n"), 0) or limit
    log.warning("document %s has %d characters; coding the first %d (max_document_chars is %d)", doc.id, len(doc.text), at, limit)
    notes[doc.id] = f"cut to its first {at} of {len(doc.text)} characters (max_document_chars {limit})"
    return replace(doc, text=doc.text[:at])


def code_cleaned(cleaned: Iterable[CleanDocument], settings: Settings) -> Iterator[Coded]:
    """Parse, resolve actors and code events for cleaned documents, in this process."""
    resolver = _resolver(settings)
    coder = _coder(settings)
    for cdoc, sentences in nlp.parse(cleaned, settings.model, settings.batch_size, settings.prefilter, defer_entities=True,
                                     user_actors=settings.user_actors_path):
        yield Coded(cdoc, sentences, tuple(code_parsed(cdoc, sentences, resolver, coder, settings)))


# what a helper process sends back for one document: its sentences (spaCy spans cannot cross a
# process), events, status and note; the parent puts them back with the cleaned document it kept
_Result = tuple[tuple[Sentence, ...], tuple[Event, ...], str, "str | None"]


def code_in_processes(cleaned: Iterable[CleanDocument], settings: Settings, chunk: int | None = None) -> Iterator[Coded]:
    """``code_cleaned`` in ``settings.workers`` processes (this one included); yields in input order.
    What this process coded keeps its spaCy spans; what a helper coded comes back without them."""
    from tealeaves import parallel

    local = functools.partial(_code_here, settings)
    for cdoc, res in parallel.ordered_map(cleaned, _code_chunk, local, settings.workers, functools.partial(_prepare, settings),
                                          chunk or parallel.CHUNK):
        yield res if isinstance(res, Coded) else Coded(cdoc, *res)


_helper_settings: Settings | None = None  # the settings a helper process codes with


def _prepare(settings: Settings) -> None:
    global _helper_settings
    _helper_settings = settings
    warm(settings)


def _code_here(settings: Settings, cdocs: list[CleanDocument]) -> list[Coded | _Result]:
    return list(code_cleaned(cdocs, settings))


def _code_chunk(cdocs: list[CleanDocument]) -> list[Coded | _Result]:
    assert _helper_settings is not None, "a helper codes only after _prepare"
    return [(tuple(replace(s, span=None) for s in c.sentences), c.events, c.status, c.note)
            for c in code_cleaned(cdocs, _helper_settings)]


WARM_SAMPLE = ("Talks in Paris\n\nThe French foreign minister met Chinese officials in Paris on Monday and "
               "signed a trade agreement. Police later arrested two protesters outside the German embassy.")


def warm(settings: Settings) -> None:
    """Load, in this process, everything coding needs, including what loads only on first use
    (model, prefilter, actor tables, coder, gazetteer), by coding a short sample."""
    nlp.load_model(settings.model)
    if settings.prefilter:
        nlp.load_prefilter(settings.model, settings.user_actors_path)
    sample = clean_stage.clean(ingest.document_from_text(WARM_SAMPLE, "tealeaves-warm-up", date="2020-01-06"))
    for _ in code_cleaned([sample], settings):
        pass


def code_parsed(cdoc: CleanDocument, sentences: tuple[Sentence, ...], resolver: Any, coder: Any, settings: Settings) -> list[Event]:
    """Actors and events for parsed sentences whose named entities may not be there yet.

    A first pass codes without entities. A document that yields no event is done and never pays
    for NER; one that does gets NER on all its parsed sentences (unknown people named earlier are
    the antecedents of later pronouns and surnames) and is coded again with them.
    """
    mentions = resolver.resolve_document(cdoc, sentences)
    events = coder.code_document(cdoc, sentences, mentions)
    if events and nlp.add_entities(sentences, settings.model, settings.batch_size):
        mentions = resolver.resolve_document(cdoc, sentences)
        events = coder.code_document(cdoc, sentences, mentions)
    return list(events)


def code_text(text: str, date: str | None = None, outlet: str | None = None, settings: Settings | None = None) -> list[Event]:
    """Code one piece of text (first non-empty line is taken as its headline) and return its events."""
    doc = ingest.document_from_text(text, "<text>", date=date, outlet=outlet)
    return [e for coded in code_documents([doc], settings) for e in coded.events]


def lookup_actor(text: str, date: str | None = None, settings: Settings | None = None, resolver: Any = None) -> Any:
    """How one string (a name, a phrase or a sentence) resolves to actors, and why: the string is
    cleaned and parsed in full, then explained by the resolver (by default the one the settings name)."""
    settings = settings or getattr(resolver, "settings", None) or load_settings()
    resolver = resolver or _resolver(settings)
    cdoc = clean_stage.clean(ingest.document_from_text(text, "lookup", date=date))
    _, sentences = next(nlp.parse([cdoc], model=settings.model, prefilter=False))
    return resolver.explain(text, date, sentences)


def ingest_paths(paths: Iterable[str], db: str | None = None, settings: Settings | None = None,
                 on_problem: Callable[[Problem], None] | None = None, con: Connection | None = None,
                 on_progress: Callable[[IngestReport], None] | None = None, recode: bool = False) -> IngestReport:
    """Read, code and store everything under ``paths``; bad files are reported, logged in the
    store's ``ingest_problems`` table and skipped. Documents already stored are skipped unless
    ``recode`` is set, so a second run adds nothing and a killed run resumes where it stopped."""
    settings = settings or load_settings()
    report = IngestReport()
    own = con is None
    con = con or store.connect(db or settings.db, renewable=True)

    def documents() -> Iterator[Document]:
        for item in ingest.read(paths):
            if isinstance(item, Problem):
                report.add_problem(item)
                _log_problem(con, item)
                if on_problem:
                    on_problem(item)
            else:
                yield item

    try:
        store_documents(documents(), con, settings, report, recode=recode, on_progress=on_progress)
    finally:
        if own:
            con.close()
    return report


def _log_problem(con: Connection, p: Problem) -> None:
    import datetime as dt

    con.execute("INSERT OR REPLACE INTO ingest_problems VALUES (?, ?, ?, ?)", [p.origin[:2000], p.reason[:2000], p.kind, dt.datetime.now()])


def store_documents(docs: Iterable[Document], con: Connection, settings: Settings | None = None, report: IngestReport | None = None,
                    recode: bool = False, on_progress: Callable[[IngestReport], None] | None = None,
                    readout: bool = True) -> IngestReport:
    """Code documents and write them to an open store in batches, each batch one transaction, so a
    document lands whole (with all its events) or not at all. Documents whose id is already stored
    are skipped unless ``recode``; documents not in a coded language are stored with status
    ``not_coded`` and a note saying why. Each coded document records the resolver and coder that
    coded it. ``readout`` keeps the event clusters up to date as batches land."""
    import time
    from dataclasses import replace

    from tealeaves.dedup import ReprintDates
    from tealeaves.ingest import lang

    settings = settings or load_settings()
    names = registry.selected(settings)  # an unknown component fails here, before anything is written
    reprints = ReprintDates(con)
    as_written: dict[str, Document] = {}  # reprints coded as of their original's date, by id
    report = report or IngestReport()
    report.threshold = settings.min_confidence
    repeated = clean_stage.RepeatedLines()
    batch_docs: list[tuple[Any, ...]] = []
    batch_events: list[Event] = []
    uncoded: list[tuple[Any, ...]] = []
    seen: set[str] = set()
    last_write = time.monotonic()

    def flush() -> None:
        nonlocal batch_docs, batch_events, uncoded, last_write
        rows = batch_docs + uncoded
        if rows:
            store.write(con, rows, batch_events)
            if readout:
                from tealeaves.cluster import update_readout

                update_readout(con, [r[0] for r in rows])
            store.wrote(con, len(rows), settings.store_renew_every)
            report.ingested += len(rows)
            report.not_coded += len(uncoded)
            report.events += len(batch_events)
            report.confident += sum(1 for e in batch_events if (e.confidence if e.confidence is not None else 1.0) >= report.threshold)
        batch_docs, batch_events, uncoded = [], [], []
        last_write = time.monotonic()

    def to_code() -> Iterator[Document]:
        for d in docs:
            report.read += 1
            if d.id in seen or (not recode and store.has_document(con, d.id)):
                report.skipped += 1
            elif reason := lang.not_coded_reason(d.language):
                seen.add(d.id)
                uncoded.append(store.document_row(CleanDocument(d, d.text, ()), 0, 0, "not_coded", reason))
                if len(uncoded) >= WRITE_BATCH:
                    flush()
            else:
                seen.add(d.id)
                ref = reprints.reference(d.id, d.text, d.date)
                if ref != d.date:  # a copy says "today" of its original's day
                    as_written[d.id] = d
                    d = replace(d, date=ref)
                yield d
            if on_progress:
                on_progress(report)

    pending = to_code()
    first = next(pending, None)  # spaCy and the actor tables load only when something needs coding
    coded_stream = code_documents(itertools.chain([first], pending), settings, repeated) if first is not None else iter(())
    for coded in coded_stream:
        own = as_written.pop(coded.clean.document.id, None)
        cleaned = replace(coded.clean, document=own) if own else coded.clean
        batch_docs.append(store.document_row(cleaned, len(coded.sentences), len(coded.events), coded.status,
                                             coded.note, names["coder"], names["actor_resolver"]))
        batch_events.extend(coded.events)
        if len(batch_docs) >= WRITE_BATCH or time.monotonic() - last_write > WRITE_SECONDS:
            flush()
    flush()
    if on_progress:
        on_progress(report)
    return report


def recode_store(con: Connection, settings: Settings | None = None, on_progress: Callable[[IngestReport], None] | None = None) -> IngestReport:
    """Code every stored document again (after a dictionary or coder change), replacing its events;
    each new event records the coder version that made it. Documents not in a coded language stay
    stored and uncoded."""
    settings = settings or load_settings()
    ids = [r[0] for r in con.execute("SELECT id FROM documents ORDER BY id").fetchall()]
    cols = ("id", "text", "title", "date", "outlet", "url", "origin", "language", "author")

    def stored() -> Iterator[Document]:
        for i in range(0, len(ids), 256):
            rows = con.execute(f"SELECT {', '.join(cols)} FROM documents WHERE id IN (SELECT unnest(?))", [ids[i:i + 256]]).fetchall()
            for row in rows:
                rec = dict(zip(cols, row))
                rec["date"] = rec["date"].isoformat() if rec["date"] else None
                yield Document(**rec)

    return store_documents(stored(), con, settings, recode=True, on_progress=on_progress)


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
