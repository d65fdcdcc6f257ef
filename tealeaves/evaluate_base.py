"""What every evaluation shares: the report and its precision/recall tallies, running the coder
over gold documents through the normal pipeline, and the readers of the shared gold files."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tealeaves.errors import InputError
from tealeaves.models import CleanDocument, Document, Event
from tealeaves.settings import Settings


def class_of_root(root: str) -> int:
    """The ConfliBERT five-way class of a CAMEO root ("01".."20")."""
    r = int(root)
    if r <= 2:
        return 0
    if r <= 5:
        return 1
    if r <= 8:
        return 2
    if r <= 13 or r == 16:
        return 3
    return 4


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def figures(self) -> dict[str, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "support": self.tp + self.fn}


@dataclass
class Report:
    figures: dict[str, float] = field(default_factory=dict)
    details: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"figures": self.figures, "details": self.details, "notes": self.notes}


# ---- running the coder ------------------------------------------------------------------------
def resolver_for(settings: Settings) -> tuple[Any, str]:
    from tealeaves import registry

    return registry.actor_resolver(settings), settings.actor_resolver


def code_clean_documents(docs: Iterable[Document], settings: Settings, resolver: Any) -> Iterator[tuple[CleanDocument, list[Event]]]:
    """Clean, parse, resolve and code each document; yields the cleaned document (mention offsets
    refer to its text) with its events."""
    from tealeaves import clean, nlp
    from tealeaves import registry

    coder = registry.coder(settings)
    for cdoc, sentences in nlp.parse((clean.clean(d) for d in docs), settings.model, settings.batch_size, settings.prefilter,
                                     user_actors=settings.user_actors_path):
        mentions = resolver.resolve_document(cdoc, sentences)
        yield cdoc, coder.code_document(cdoc, sentences, mentions)


def code_documents(docs: Iterable[Document], settings: Settings, resolver: Any) -> Iterator[tuple[Document, list[Event]]]:
    for cdoc, events in code_clean_documents(docs, settings, resolver):
        yield cdoc.document, events


def first_event(events: list[Event]) -> Event | None:
    """The first event the coder found in a sentence (it works from the main clause down),
    asserted and reported ones before the rest."""
    if not events:
        return None
    order = {id(e): n for n, e in enumerate(events)}
    return min(events, key=lambda e: (e.modality not in ("asserted", "reported"), order[id(e)]))


# ---- gold readers ----------------------------------------------------------------------------
def need(path: Path) -> Path:
    if not path.exists():
        raise InputError(f"gold file {path} is missing; point --gold at ../shared/data/gold")
    return path


def read_conflibert(path: Path) -> list[tuple[str, int]]:
    rows = []
    for n, line in enumerate(need(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        text, _, label = line.rpartition("\t")
        if not label.strip().isdigit():
            raise InputError(f"{path}:{n}: expected 'sentence<TAB>class', got {line[:60]!r}")
        rows.append((text.strip(), int(label)))
    return rows


@dataclass(frozen=True)
class PetrSentence:
    id: str
    date: str | None
    text: str
    expected: tuple[tuple[str, str, str], ...]  # (code, source, target)


_SENT = re.compile(r'<Sentence\b([^>]*)/?>(.*?)(?=<Sentence\b|</Sentences>)', re.S)
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def read_petr2(path: Path) -> list[PetrSentence]:
    raw = need(path).read_text(encoding="utf-8")
    out: list[PetrSentence] = []
    for m in _SENT.finditer(raw):
        attrs = dict(_ATTR.findall(m.group(1)))
        if attrs.get("evaluate", "true").lower() != "true":
            continue
        body = m.group(2)
        text_m = re.search(r"<Text>(.*?)</Text>", body, re.S)
        if not text_m:
            continue
        expected = []
        for ec in re.finditer(r"<EventCoding\b([^>]*)/?>", body):
            a = dict(_ATTR.findall(ec.group(1)))
            if "eventcode" in a:
                expected.append((a["eventcode"], a.get("sourcecode", ""), a.get("targetcode", "")))
        d = attrs.get("date", "")
        date = f"{d[:4]}-{d[4:6]}-{d[6:8]}" if re.fullmatch(r"\d{8}", d) else None
        text = " ".join(text_m.group(1).split())
        out.append(PetrSentence(attrs.get("id", str(len(out))), date, text, tuple(expected)))
    return out
