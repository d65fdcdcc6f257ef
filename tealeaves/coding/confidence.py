"""How sure the coder is of each event: a small calibrated model over what the coder already knows.

The features (``features``) are read off an event as the coder made it: which pattern
file fired and how specific its pattern is, how many other events its sentence and document code,
whether it comes after the lead's first sentence, the readings that changed the draft, how the source and target
were resolved (``Mention.rule``: knowledge base, title, context country, coreference, none), the
dependency distance from the event's words to each actor, modality, headline or body, and whether
another sentence of the same document codes the same happening.

A model is a JSON file of logistic-regression coefficients with a Platt scaling on top, fitted by
``tealeaves.calibration.fit`` (``scripts/fit_confidence.py`` refits the shipped one). Scoring is a
dot product and a sigmoid: no scikit-learn, no pickle. Every scored event records the model's name
(``conf_lr.v3``), so a store says which model scored what.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tealeaves.errors import DataError, InputError

if TYPE_CHECKING:
    from tealeaves.models import CleanDocument, Event, Mention, Sentence

MODEL_NAME = "conf_lr.v3"  # the shipped model; a refit with other features bumps it
MAX_DISTANCE = 6  # dependency steps; further (or another sentence) counts as this far

RESOLUTIONS = ("none", "unresolved", "kb", "title", "context", "coref", "other")
MODALITIES = ("reported", "negated", "hypothetical", "future")  # asserted is the base
READINGS = {  # a word of the reading's note -> feature
    "stated intention": "reading.intention",
    "refusal": "reading.refusal",
    "passive": "reading.passive",
    "appeal": "reading.appeal",
    "state force": "reading.state_force",
    "accus": "reading.claim",
    "claim": "reading.claim",
    "demand": "reading.demand",
}


def resolution(m: Mention | None) -> str:
    """How an actor mention was resolved, in one of ``RESOLUTIONS``."""
    if m is None:
        return "none"
    rule = m.rule or ""
    if m.code is None and m.country is None:
        return "unresolved"
    if rule.startswith("coref") or rule.endswith(".coref"):
        return "coref"
    if rule.startswith("context"):
        return "context"
    if "title" in rule or rule.startswith("compose"):
        return "title"
    if rule.startswith(("kb", "metonym", "user")):
        return "kb"
    return "other"


def _pattern(rule: str) -> tuple[str, str]:
    """(file, pattern text) from an event's rule ``"patterns.tsv:12 042 ~visit {T} | ..."``."""
    head = rule.split(" | ", 1)[0]
    where, _, rest = head.partition(" ")
    file = where.split(":", 1)[0]
    _, _, text = rest.partition(" ")
    return file, text


def _distance(a: Any, b: Any) -> int:
    """Steps between two tokens of one parse through their lowest common ancestor."""
    up: dict[int, int] = {}
    t, n = a, 0
    while True:
        up[t.i] = n
        if t.head.i == t.i:
            break
        t, n = t.head, n + 1
    t, n = b, 0
    while t.i not in up:
        if t.head.i == t.i:
            return MAX_DISTANCE
        t, n = t.head, n + 1
    return n + up[t.i]


def _tokens(sent: Sentence, start: int, end: int) -> list[Any]:
    shift = sent.start - sent.span.start_char
    return [t for t in sent.span if start <= t.idx + shift < end]


def dependency_distance(sent: Sentence | None, event: Event, m: Mention | None) -> int:
    """Fewest dependency steps from the event's words to the actor mention (capped)."""
    if m is None or sent is None or sent.span is None or not (sent.start <= m.start < sent.end):
        return MAX_DISTANCE
    words = _tokens(sent, event.evidence_start, event.evidence_end)
    actor = _tokens(sent, m.start, m.end)
    if not words or not actor:
        return MAX_DISTANCE
    return min(MAX_DISTANCE, min(_distance(w, a) for w in words for a in actor))


def _happening(e: Event) -> tuple[str, str | None, str | None]:
    def key(m: Mention | None) -> str | None:
        return (m.country or m.code) if m else None
    return e.root, key(e.source), key(e.target)


def features(event: Event, sent: Sentence | None = None, headline: bool = False, corroborated: bool = False,
             crowd: tuple[int, int, int] = (1, 1, 1)) -> dict[str, float]:
    """The named features of one event (absent names are 0). ``crowd`` is how many events its
    sentence and its document code and how many sentences the document has. Nothing here grows
    with the document's length: the gold is short wire items, and the model must not call every
    event of a long article doubtful for being far from the lead."""
    f: dict[str, float] = {}  # (a feature per root was tried: it overfitted the few hundred wire rows)
    f["crowd.sentence"] = min(crowd[0] - 1, 3) / 3
    f["crowd.document"] = min((crowd[1] - 1) / max(crowd[2], 1), 2.0) / 2
    file, text = _pattern(event.rule)
    if file.startswith("patterns-petrarch"):
        f["pattern.derived"] = 1.0
    elif file != "patterns.tsv":
        f["pattern.other"] = 1.0
    words = [w for w in text.lstrip("~").split()[1:] if w != "{T}"]
    f["pattern.words"] = min(len(words), 3) / 3
    if "{T}" in text:
        f["pattern.target_slot"] = 1.0
    if text.startswith("~"):
        f["pattern.nominal"] = 1.0
    notes = [n for n in event.rule.split(" | ")[1:] if not n.startswith(("modality:", "date:"))]
    f["reading.count"] = min(len(notes), 3) / 3
    for n in notes:
        for word, name in READINGS.items():
            if word in n:
                f[name] = 1.0
    for role, m in (("source", event.source), ("target", event.target)):
        how = resolution(m)
        if how != "kb":  # the knowledge base is the base case
            f[f"{role}.{how}"] = 1.0
        if m is not None and m.code is not None and not m.country:
            f[f"{role}.no_country"] = 1.0
        if m is not None and (m.code or "").startswith("IGO"):
            f[f"{role}.igo"] = 1.0
        f[f"{role}.distance"] = dependency_distance(sent, event, m) / MAX_DISTANCE
    if event.source and event.target and event.source.country and event.source.country == event.target.country:
        f["domestic"] = 1.0
    if event.modality in MODALITIES:
        f[f"modality.{event.modality}"] = 1.0
    if event.quad in (2, 3, 4):
        f[f"quad.{event.quad}"] = 1.0
    if event.cameo == "010":
        f["code.statement"] = 1.0
    if headline:
        f["headline"] = 1.0
    if corroborated:
        f["corroborated"] = 1.0
    return f


def document_features(events: Sequence[Event], cdoc: CleanDocument | None, sentences: Iterable[Sentence]) -> list[dict[str, float]]:
    """``features`` for each event of one document, in order."""
    by_index = {s.index: s for s in sentences}
    kinds = {p.index: p.kind for p in cdoc.paragraphs} if cdoc is not None else {}
    where: dict[tuple[str, str | None, str | None], set[int]] = {}
    for e in events:
        where.setdefault(_happening(e), set()).add(e.sentence)
    per_sentence: dict[int, int] = {}
    for e in events:
        per_sentence[e.sentence] = per_sentence.get(e.sentence, 0) + 1
    out = []
    for e in events:
        sent = by_index.get(e.sentence)
        headline = sent is not None and kinds.get(sent.paragraph) == "headline"
        out.append(features(e, sent, headline, len(where[_happening(e)]) > 1, (per_sentence[e.sentence], len(events), len(by_index))))
    return out


@dataclass(frozen=True)
class Model:
    """Logistic regression over named features, then Platt scaling: p = sigmoid(a * (w.x + b0) + b)."""

    name: str
    weights: dict[str, float]
    intercept: float
    scale: float = 1.0
    shift: float = 0.0
    threshold: float = 0.5  # the operating point the fit suggests (see docs/confidence.md)
    info: dict[str, Any] | None = None  # what it was fitted on, and its figures

    def logit(self, f: dict[str, float]) -> float:
        z = self.intercept + sum(self.weights.get(k, 0.0) * v for k, v in f.items())
        return self.scale * z + self.shift

    def probability(self, f: dict[str, float]) -> float:
        z = self.logit(f)
        return 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "kind": "logistic+platt", "intercept": self.intercept,
                "weights": dict(sorted(self.weights.items())), "scale": self.scale, "shift": self.shift,
                "threshold": self.threshold, "info": self.info or {}}

    @classmethod
    def from_json(cls, data: dict[str, Any], where: str = "model") -> Model:
        try:
            return cls(str(data["name"]), {str(k): float(v) for k, v in data["weights"].items()}, float(data["intercept"]),
                       float(data.get("scale", 1.0)), float(data.get("shift", 0.0)), float(data.get("threshold", 0.5)),
                       data.get("info"))
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise DataError(f"{where} is not a confidence model ({exc}); refit it with `tealeaves confidence fit`") from None

    def write(self, path: str | Path) -> Path:
        p = Path(path)
        p.write_text(json.dumps(self.to_json(), indent=1) + "\n", encoding="utf-8")
        return p


@lru_cache(maxsize=8)
def load_model(name: str = MODEL_NAME) -> Model:
    """The shipped model by name (``conf_lr.v3``), or a model file a user fitted (a path ending .json)."""
    if name.endswith(".json"):
        p = Path(name).expanduser()
        if not p.is_file():
            raise InputError(f"no confidence model at {p}; fit one with `tealeaves confidence fit -o {p}`")
        return Model.from_json(json.loads(p.read_text(encoding="utf-8")), str(p))
    try:
        text = resources.files("tealeaves.data").joinpath("confidence", f"{name}.json").read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"unknown confidence model {name!r}; the shipped one is {MODEL_NAME}, or give a .json file") from None
    return Model.from_json(json.loads(text), name)


def score_document(events: Sequence[Event], cdoc: CleanDocument | None, sentences: Iterable[Sentence],
                   model: Model | None = None) -> list[Event]:
    """The events of one document, each with its confidence and the name of the model that gave it."""
    if not events:
        return list(events)
    model = model or load_model()
    return [replace(e, confidence=round(model.probability(f), 4), confidence_model=model.name)
            for e, f in zip(events, document_features(events, cdoc, sentences))]


__all__ = ["MODEL_NAME", "Model", "dependency_distance", "document_features", "features", "load_model", "resolution",
           "score_document"]
