"""The records that flow between pipeline stages.

ingest -> Document; clean -> CleanDocument (Paragraphs); nlp -> Sentence;
actors -> Mention; events -> Event; a document through every stage -> Coded. All are frozen: a stage never edits what an
earlier stage produced, it makes a new record.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Token

from tealeaves.ids import event_id


@dataclass(frozen=True)
class Document:
    """One article as read from disk, stdin or the web, before cleaning."""

    id: str
    text: str
    title: str | None = None
    date: str | None = None  # ISO 8601 date (YYYY-MM-DD) or None when unknown
    outlet: str | None = None
    url: str | None = None
    origin: str | None = None  # the file or record it came from
    language: str | None = None
    author: str | None = None


@dataclass(frozen=True)
class Paragraph:
    """A block of the cleaned text; offsets index ``CleanDocument.text``."""

    index: int
    kind: str  # "headline", "standfirst" or "body"
    start: int
    end: int
    text: str
    cited_outlet: str | None = None


@dataclass(frozen=True)
class CleanDocument:
    """A document with its headline, standfirst and body separated and boilerplate removed."""

    document: Document
    text: str  # the cleaned text: paragraphs joined by blank lines
    paragraphs: tuple[Paragraph, ...]
    dropped: tuple[str, ...] = ()  # boilerplate lines removed, kept to show why


@dataclass(frozen=True)
class Sentence:
    """A parsed sentence. ``span`` is the spaCy Span; offsets index ``CleanDocument.text``."""

    doc_id: str
    index: int
    paragraph: int
    start: int
    end: int
    text: str
    span: Any = field(default=None, compare=False, hash=False, repr=False)
    cited_outlet: str | None = None

    def offset(self, token: Token) -> int:
        """The document offset (in CleanDocument.text) of a spaCy token of this sentence."""
        return self.start - self.span.start_char + token.idx


@dataclass(frozen=True)
class Mention:
    """A span of text resolved to an actor code such as ``RUSGOV``."""

    text: str
    code: str | None
    country: str | None
    sector: str | None
    start: int = -1  # offsets in CleanDocument.text
    end: int = -1
    rule: str = ""
    name: str | None = None  # canonical name of the actor, when known

    def to_record(self) -> dict[str, Any]:
        return {"text": self.text, "code": self.code, "country": self.country, "sector": self.sector}


@dataclass(frozen=True)
class Location:
    name: str
    country: str | None = None  # ISO3
    lat: float | None = None
    lon: float | None = None

    def to_record(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country, "lat": self.lat, "lon": self.lon}


@dataclass(frozen=True)
class Event:
    """One coded event: who did what to whom, when, where, how sure, and according to whom."""

    doc_id: str
    sentence: int
    text: str
    source: Mention | None
    target: Mention | None
    cameo: str
    root: str
    quad: int | None
    goldstein: float | None
    plover: str | None
    modality: str  # asserted, reported, negated, hypothetical, future
    evidence_start: int
    evidence_end: int
    rule: str
    date: str | None = None
    date_precision: str | None = None
    location: Location | None = None
    cited_outlet: str | None = None
    speaker: Mention | None = None
    coder: str = ""
    quote_start: int | None = None  # the quotation holding the event, offsets in CleanDocument.text
    quote_end: int | None = None
    reporting_verb: str | None = None  # "say", "according to" ... when the event is reported speech
    dictionary: str | None = None  # version of the pattern dictionary that coded it
    confidence: float | None = None  # 0-1: how likely the event is right (tealeaves.coding.confidence)
    confidence_model: str | None = None  # the model that scored it, e.g. conf_lr.v3

    @property
    def id(self) -> str:
        return event_id(self.doc_id, self.sentence, self.evidence_start, self.cameo,
                        self.source.code if self.source else None, self.target.code if self.target else None)

    def to_record(self) -> dict[str, Any]:
        """The event as the JSON object that ``tealeaves code --format jsonl`` writes."""
        return {
            "event_id": self.id,
            "doc_id": self.doc_id,
            "sentence": self.sentence,
            "text": self.text,
            "source": self.source.to_record() if self.source else None,
            "target": self.target.to_record() if self.target else None,
            "cameo": self.cameo,
            "root": self.root,
            "quad": self.quad,
            "goldstein": self.goldstein,
            "plover": self.plover,
            "modality": self.modality,
            "date": self.date,
            "date_precision": self.date_precision,
            "location": self.location.to_record() if self.location else None,
            "cited_outlet": self.cited_outlet,
            "speaker": self.speaker.to_record() if self.speaker else None,
            "evidence": {"start": self.evidence_start, "end": self.evidence_end},
            "rule": self.rule,
            "coder": self.coder,
            "quote": {"start": self.quote_start, "end": self.quote_end} if self.quote_start is not None else None,
            "reporting_verb": self.reporting_verb,
            "dictionary": self.dictionary,
            "confidence": self.confidence,
            "confidence_model": self.confidence_model,
        }


@dataclass(frozen=True)
class Coded:
    """One document through every stage."""

    clean: CleanDocument
    sentences: tuple[Sentence, ...]
    events: tuple[Event, ...]
    status: str = "coded"
    note: str | None = None
