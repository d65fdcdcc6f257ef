"""The web API's response and request records (pydantic), one per JSON shape the API returns.

Every error the API returns, whatever its status, has the ``ErrorResponse`` shape:
``{"error": {"status": 404, "code": "not_found", "message": "...", "detail": null}}``.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ErrorBody(BaseModel):
    status: int = Field(description="The HTTP status, repeated for clients that only see the body.")
    code: str = Field(description="A stable machine-readable name: not_found, invalid_request, unauthorized, forbidden, too_large, server_error, ...")
    message: str = Field(description="What went wrong and what to do about it, in words.")
    detail: list[dict[str, Any]] | None = Field(default=None, description="Per-field problems for invalid requests.")


class ErrorResponse(BaseModel):
    error: ErrorBody


class Actor(BaseModel):
    text: str | None = None
    code: str | None = None
    country: str | None = None
    sector: str | None = None


class Span(BaseModel):
    start: int
    end: int


class EventOut(BaseModel):
    id: str
    doc_id: str
    sentence: int | None
    text: str | None
    source: Actor | None
    target: Actor | None
    cameo: str | None
    root: str | None
    quad: int | None = Field(description="1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.")
    goldstein: float | None
    plover: str | None
    modality: str | None
    date: str | None
    date_precision: str | None
    location: str | None
    cited_outlet: str | None
    speaker_code: str | None
    evidence: Span
    rule: str | None
    coder: str | None
    outlet: str | None = Field(default=None, description="The outlet of the article the event was coded from.")
    title: str | None = None
    outlets: list[str] | None = Field(default=None, description="Outlets reporting the same happening (with ?with_sources=true).")
    independent_outlets: int | None = Field(default=None, description="How many of them reported it on their own (with ?with_sources=true).")
    confidence: float | None = Field(default=None, description="0-1: how likely the event is right (null: scored before confidence existed).")
    confidence_model: str | None = Field(default=None, description="The model that scored it, e.g. conf_lr.v3.")
    review: str | None = Field(default=None, description="An analyst's verdict on it: right or corrected (wrong events are left out).")


class EventPage(BaseModel):
    items: list[EventOut]
    next_cursor: str | None = Field(description="Pass as ?cursor= to get the next page; null on the last page.")
    limit: int


class ArticleOut(BaseModel):
    id: str
    title: str | None
    date: str | None
    outlet: str | None
    url: str | None


class EventDetail(BaseModel):
    event: EventOut
    mentions: list[EventOut] = Field(description="Every stored report of the same happening (same actors, code and date), this one included.")
    articles: list[ArticleOut]
    outlets: list[str]
    independent_outlets: int = Field(description="Outlets that reported it on their own (an outlet citing another is not independent).")
    evidence_text: str | None = Field(description="The words of the document the rule matched.")
    sentence_span: Span | None = Field(description="Offsets of the coded sentence in the document's cleaned text.")
    explanation: str = Field(description="The rule that fired and the modality, in words.")


class EventSpan(BaseModel):
    event_id: str
    sentence: Span | None
    evidence: Span
    cameo: str | None
    quad: int | None
    modality: str | None
    source_code: str | None
    target_code: str | None


class DocumentOut(BaseModel):
    id: str
    title: str | None
    date: str | None
    outlet: str | None
    url: str | None
    language: str | None
    status: str | None
    note: str | None
    text: str = Field(description="The cleaned text; all offsets index this string.")
    events: list[EventSpan]


class SeriesPoint(BaseModel):
    period: str = Field(description="First day of the period (ISO date).")
    verbal_cooperation: int = 0
    material_cooperation: int = 0
    verbal_conflict: int = 0
    material_conflict: int = 0
    events: int = 0
    goldstein_mean: float | None = None


class DyadSeries(BaseModel):
    a: str
    b: str
    period: str
    modalities: list[str] | None
    points: list[SeriesPoint]
    min_confidence: float | None = Field(default=None, description="Clusters scored below this were left out.")


class SayDoPoint(BaseModel):
    start: str = Field(description="First day of the period (ISO date).")
    verbal_cooperation: int
    verbal_conflict: int
    material_cooperation: int
    material_conflict: int
    verbal_goldstein: float = Field(description="Goldstein sum of the verbal track (quads 1 and 3).")
    material_goldstein: float = Field(description="Goldstein sum of the material track (quads 2 and 4).")
    contact: int = Field(description="Consultations, calls, visits, meetings, mediation, negotiations (CAMEO 04).")
    rhetoric: int = Field(description="Demands, accusations, threats and announced cuts in relations (CAMEO 10, 11, 13, 16).")
    warm_words: int = Field(description="Verbal cooperation outside the contact line.")


class StrongEventOut(BaseModel):
    cluster_id: str
    event_id: str | None = Field(default=None, description="The stored event that represents the happening (for /api/events/{id}).")
    date: str | None
    source: str | None
    target: str | None
    cameo: str
    quad: int
    goldstein: float
    modality: str
    text: str
    outlets: list[str] = Field(description="Distinct outlets that reported it.")
    mentions: int
    independent_outlets: int


class FlagOut(BaseModel):
    start: str = Field(description="First day of the flagged period (ISO date).")
    kind: str = Field(description="hostile_rhetoric_with_contact or warm_words_falling_contact.")
    reason: str


class SayDoOut(BaseModel):
    a: str
    b: str
    period: str
    start: str | None
    end: str | None
    modalities: list[str] | None
    points: list[SayDoPoint]
    verbal: list[StrongEventOut] = Field(description="The strongest events of the verbal track (quads 1 and 3).")
    material: list[StrongEventOut] = Field(description="The strongest events of the material track (quads 2 and 4).")
    flags: list[FlagOut] = Field(description="Periods where words and deeds part ways.")


class ActorOut(BaseModel):
    code: str
    name: str | None
    events: int


class ActorList(BaseModel):
    items: list[ActorOut]


class DyadOut(BaseModel):
    a: str
    b: str
    events: int


class NetworkOut(BaseModel):
    start: str | None
    end: str | None
    nodes: list[ActorOut]
    edges: list[dict[str, Any]] = Field(description="{a, b, events, cooperation, conflict} for each actor pair.")


class StatsOut(BaseModel):
    documents: int
    documents_coded: int
    documents_not_coded: int
    events: int
    dyads: int
    first_date: str | None
    last_date: str | None
    by_modality: dict[str, int]
    by_quad: dict[str, int]
    top_dyads: list[DyadOut]
    writable: bool = Field(description="Whether POST /api/documents is enabled (a token is configured).")
    min_confidence: float | None = Field(default=None, description="The server's default confidence threshold (0-1).")


class DocumentIn(Strict):
    """One document, with the JSON Lines field names ``tealeaves ingest`` reads."""

    id: str | None = Field(default=None, max_length=512)
    text: str = Field(min_length=1, max_length=2_000_000)
    title: str | None = Field(default=None, max_length=2000)
    date: str | None = Field(default=None, max_length=64)
    outlet: str | None = Field(default=None, max_length=500)
    url: str | None = Field(default=None, max_length=4000)


class DocumentBatch(Strict):
    documents: list[DocumentIn] = Field(min_length=1, max_length=1000)


class IngestResult(BaseModel):
    ingested: int
    skipped: int = Field(default=0, description="Documents already stored (same id), left as they were.")
    events: int
    failed: int
    ids: list[str]
    problems: list[str]


class ReviewIn(Strict):
    verdict: str = Field(pattern="^(right|wrong|corrected)$", description="right, wrong, or corrected (give cameo, source or target).")
    cameo: str | None = Field(default=None, max_length=8, description="The right CAMEO code (corrected).")
    source: str | None = Field(default=None, max_length=32, description="The right source actor code; empty for none (corrected).")
    target: str | None = Field(default=None, max_length=32, description="The right target actor code; empty for none (corrected).")
    author: str | None = Field(default=None, max_length=100, description="Who made the correction.")


class CorrectionOut(BaseModel):
    id: str
    event_id: str
    doc_id: str
    verdict: str = Field(description="right, wrong or corrected (a correction that changes nothing is stored as right).")
    before: dict[str, Any] = Field(description="The event as coded: cameo, source, target, confidence.")
    after: dict[str, Any] | None = Field(description="What it became (corrected only): cameo, source, target.")
    author: str | None
    made_at: str
