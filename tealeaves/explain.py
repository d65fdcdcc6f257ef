"""Explain: show why a sentence was (or was not) coded the way it was.

``explain(text, date)`` runs the normal stages on one piece of text and keeps what the coder saw:
the parse of every sentence, the actor mentions, each event with the pattern that fired, its
modality cue, date and place, and every pattern that was tried on a word of the sentence and why
it did not fire, with the readings (``tealeaves.coding.coder.FIRING``) that changed what a
matched pattern coded. ``render`` turns that into the text ``tealeaves explain`` prints.
"""

from __future__ import annotations

from dataclasses import dataclass
from tealeaves.coding.coder import Attempt
from tealeaves.models import Event, Mention
from tealeaves.settings import Settings, load_settings


@dataclass(frozen=True)
class TokenRow:
    i: int
    text: str
    lemma: str
    pos: str
    dep: str
    head: int
    ent: str


@dataclass(frozen=True)
class SentenceExplanation:
    text: str
    tokens: tuple[TokenRow, ...]
    mentions: tuple[Mention, ...]
    events: tuple[Event, ...]
    attempts: tuple[Attempt, ...]


@dataclass(frozen=True)
class Explanation:
    text: str
    date: str | None
    coder: str
    dictionary: str
    sentences: tuple[SentenceExplanation, ...]


def explain(text: str, date: str | None = None, settings: Settings | None = None) -> Explanation:
    """Code ``text`` and keep the coder's working for every sentence."""
    from tealeaves import clean, ingest, nlp
    from tealeaves.coding.coder import article_context, get_coder
    from tealeaves.coding.patterns import dictionary_version
    from tealeaves.pipeline import _resolver

    settings = settings or load_settings()
    doc = ingest.document_from_text(text, "<explain>", date=date)
    coder = get_coder(settings.coder)
    resolver = _resolver(settings)
    out: list[SentenceExplanation] = []
    for cdoc, sentences in nlp.parse([clean.clean(doc)], settings.model, settings.batch_size, prefilter=False):
        mentions = resolver.resolve_document(cdoc, sentences)
        ctx = article_context(cdoc, sentences, mentions)
        for sent in sentences:
            trace: list[Attempt] = []
            ms = mentions.get(sent.index, ())
            events = coder.code_sentence(sent, ms, ctx.date, ctx, trace)
            rows = tuple(TokenRow(t.i - sent.span.start, t.text, t.lemma_, t.pos_, t.dep_, t.head.i - sent.span.start, t.ent_type_)
                         for t in sent.span) if sent.span is not None else ()
            out.append(SentenceExplanation(sent.text, rows, tuple(ms), tuple(events), tuple(trace)))
    return Explanation(text=text, date=date, coder=coder.name, dictionary=dictionary_version(), sentences=tuple(out))


def _actor(m: Mention | None) -> str:
    if m is None:
        return "-"
    return f"{m.code or '?'} ({m.text})"


def render(ex: Explanation) -> str:
    """The explanation as plain text."""
    lines = [f"coder {ex.coder}, dictionary {ex.dictionary}, article date {ex.date or 'none (dates stay unknown)'}"]
    for n, s in enumerate(ex.sentences):
        lines += ["", f"sentence {n}: {s.text}", "", "parse:"]
        for t in s.tokens:
            ent = f" [{t.ent}]" if t.ent else ""
            lines.append(f"  {t.i:>3} {t.text:<16} {t.lemma:<14} {t.pos:<6} {t.dep:<10} -> {t.head}{ent}")
        lines.append("actors:")
        if not s.mentions:
            lines.append("  (none: without a coded actor no event can be coded)")
        for m in s.mentions:
            lines.append(f"  {m.code or '?':<12} {m.text!r}  {m.rule}")
        lines.append("events:")
        if not s.events:
            lines.append("  (none)")
        for e in s.events:
            lines.append(f"  {_actor(e.source)} --{e.cameo} {e.plover or ''}--> {_actor(e.target)}")
            lines.append(f"      modality {e.modality}; date {e.date or 'unknown'} ({e.date_precision or '-'});"
                         f" place {e.location.name + ', ' + str(e.location.country) if e.location else '-'}")
            if e.speaker or e.reporting_verb:
                lines.append(f"      according to {_actor(e.speaker)} via '{e.reporting_verb}'")
            lines.append(f"      rule: {e.rule}")
        if s.attempts:
            lines.append("patterns tried:")
            for a in s.attempts:
                lines.append(f"  {a.head:<14} {a.pattern:<55} {a.outcome}")
                if a.readings:
                    lines.append(f"  {'':<14} readings that changed it: {', '.join(a.readings)}")
        else:
            lines.append("patterns tried: none (no word of the sentence heads a pattern)")
    return "\n".join(lines)
