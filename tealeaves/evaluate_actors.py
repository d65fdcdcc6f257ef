"""Actor accuracy on the shared gold sets, without the event coder.

``score_spans``: the ConfliBERT span file marks which text is the source (S) and target (T) actor but
carries no codes. A gold span counts as a *country actor* when spaCy's entity recogniser finds a
country, nationality or city (GPE/NORP) inside it; the score is the share of those spans that the
resolver covers with a mention that has a country. Coverage of all spans is reported beside it.

``score_petr``: the PETRARCH-2 validation file gives source and target codes. For every expected
event whose gold actor is a state actor (ISO3 prefix), the score is the share where the resolver
finds a mention of that country in the sentence (``*_country_found``), and the share where the
first resolved mention of the sentence, as a naive source, or the second, as a naive target,
has it (``*_country_first``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tealeaves.actors.resolve import get_resolver
from tealeaves.actors.kb import country_of
from tealeaves.models import Mention, Sentence
from tealeaves.settings import Settings

NON_COUNTRY = ("IGO", "NGO", "IMG", "MNC", "INT", "MEA", "AFR", "EUR", "ASA", "SAM", "WST")


@dataclass(frozen=True)
class SpanSentence:
    text: str
    spans: tuple[tuple[str, int, int], ...]  # (role S/T/R, char start, char end)


def read_spans(path: str | Path) -> Iterator[SpanSentence]:
    """Sentences of a ``token tag`` file (blank line between sentences), joined with single spaces."""
    tokens: list[tuple[str, str]] = []
    for line in [*Path(path).read_text(encoding="utf-8").splitlines(), ""]:
        if line.strip():
            tok, _, tag = line.rpartition(" ")
            tokens.append((tok, tag))
            continue
        if not tokens:
            continue
        text, spans, pos = "", [], 0
        cur: list | None = None
        for tok, tag in tokens:
            start = pos
            text += tok + " "
            pos += len(tok) + 1
            if tag.startswith("B-") or (tag.startswith("I-") and (cur is None or cur[0] != tag[2:])):
                cur = [tag[2:], start, start + len(tok)]
                spans.append(cur)
            elif tag.startswith("I-") and cur is not None:
                cur[2] = start + len(tok)
            else:
                cur = None
        yield SpanSentence(text.rstrip(), tuple((r, s, e) for r, s, e in spans))
        tokens = []


def _resolve_texts(texts: list[tuple[str, str | None]], settings: Settings | None) -> Iterator[tuple[tuple[Sentence, ...], list[Mention], int]]:
    """Parse and resolve each text as its own document; yields sentences, mentions and the body offset."""
    from tealeaves.clean import clean
    from tealeaves.ingest import document_from_text
    from tealeaves.nlp import parse

    resolver = get_resolver(settings)
    docs = [clean(document_from_text(t, f"gold-{i}", date=d)) for i, (t, d) in enumerate(texts)]
    model = (settings or Settings()).model
    for cdoc, sentences in parse(docs, model=model, prefilter=False):
        found = resolver.resolve_document(cdoc, sentences)
        mentions = [m for ms in found.values() for m in ms]
        yield sentences, mentions, cdoc.text.find(cdoc.document.text.strip()[:20])


def score_spans(path: str | Path, settings: Settings | None = None) -> dict[str, float | int]:
    """Share of gold source/target spans that name a country and get a mention with that country slot filled."""
    sents = list(read_spans(path))
    counts = {k: 0 for k in ("S", "T", "S_country", "T_country", "S_found", "T_found", "S_any", "T_any")}
    for gold, (sentences, mentions, base) in zip(sents, _resolve_texts([(s.text, None) for s in sents], settings)):
        base = max(base, 0)
        ents = [(e.start_char + s.start - s.span.start_char, e.end_char + s.start - s.span.start_char)
                for s in sentences for e in s.span.ents if e.label_ in ("GPE", "NORP")]
        for role, start, end in gold.spans:
            if role not in ("S", "T"):
                continue
            a, b = start + base, end + base
            counts[role] += 1
            overlapping = [m for m in mentions if m.start < b and a < m.end and m.country]
            counts[f"{role}_any"] += bool(overlapping)
            if any(es < b and a < ee for es, ee in ents):
                counts[f"{role}_country"] += 1
                counts[f"{role}_found"] += bool(overlapping)
    return {
        "sentences": len(sents),
        "source_spans": counts["S"],
        "target_spans": counts["T"],
        "source_country_spans": counts["S_country"],
        "target_country_spans": counts["T_country"],
        "source_country_accuracy": _ratio(counts["S_found"], counts["S_country"]),
        "target_country_accuracy": _ratio(counts["T_found"], counts["T_country"]),
        "source_coverage": _ratio(counts["S_any"], counts["S"]),
        "target_coverage": _ratio(counts["T_any"], counts["T"]),
    }


PETR_SENTENCE = re.compile(r'<Sentence[^>]*date="(\d{8})"[^>]*>(.*?)<Text>(.*?)</Text>', re.S)
PETR_CODING = re.compile(r'<EventCoding[^>]*sourcecode="([A-Z]*)"[^>]*targetcode="([A-Z]*)"')


def read_petr(path: str | Path) -> Iterator[tuple[str, str, list[tuple[str, str]]]]:
    """(text, ISO date, [(source code, target code)]) per validation sentence."""
    xml = Path(path).read_text(encoding="utf-8")
    for date, head, text in PETR_SENTENCE.findall(xml):
        codings = PETR_CODING.findall(head)
        iso = f"{date[:4]}-{date[4:6]}-{date[6:]}"
        if not text.strip():
            continue
        yield " ".join(text.split()), iso, codings


def score_petr(path: str | Path, settings: Settings | None = None) -> dict[str, float | int]:
    """Source/target country accuracy against the PETRARCH-2 gold codes (state actors only)."""
    items = list(read_petr(path))
    counts = {k: 0 for k in ("S", "T", "S_found", "T_found", "S_first", "T_first")}
    for (_text, _, codings), (_, mentions, _) in zip(items, _resolve_texts([(t, d) for t, d, _ in items], settings)):
        countries = [m.country for m in sorted(mentions, key=lambda m: m.start) if m.code]
        firsts = list(dict.fromkeys(countries))
        for src, tgt in codings:
            for role, code, guess in (("S", src, firsts[:1]), ("T", tgt, firsts[1:2])):
                gold = country_of(code)
                if not gold or gold in NON_COUNTRY:
                    continue
                counts[role] += 1
                counts[f"{role}_found"] += gold in countries
                counts[f"{role}_first"] += gold in guess
    return {
        "sentences": len(items),
        "source_country_events": counts["S"],
        "target_country_events": counts["T"],
        "source_country_found": _ratio(counts["S_found"], counts["S"]),
        "target_country_found": _ratio(counts["T_found"], counts["T"]),
        "source_country_first": _ratio(counts["S_first"], counts["S"]),
        "target_country_first": _ratio(counts["T_first"], counts["T"]),
    }


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 0.0
