"""A renewed spaCy pipeline (fresh vocabulary, same weights) codes every document as before."""

from __future__ import annotations

from typing import Any

from tealeaves import nlp, pipeline
from tealeaves.settings import load_settings


def test_renewing_the_pipeline_changes_no_event(monkeypatch: Any) -> None:
    settings = load_settings()
    docs = pipeline.load_demo_documents()[:6]

    def code() -> list[Any]:
        return [e for coded in pipeline.code_documents(docs, settings) for e in coded.events]

    before = code()
    assert before  # the demo articles have events to compare
    old = nlp.load_model(settings.model)
    monkeypatch.setattr(nlp, "DOC_WINDOW", 2)
    monkeypatch.setattr(nlp, "RENEW_EVERY", 2)  # a fresh pipeline for every window of two documents
    after = code()
    assert nlp.load_model(settings.model) is not old
    assert after == before


def test_entities_come_from_the_pipeline_that_parsed_the_sentences() -> None:
    settings = load_settings()
    [doc] = pipeline.load_demo_documents()[:1]
    from tealeaves import clean

    [(cdoc, sentences)] = list(nlp.parse([clean.clean(doc)], settings.model, defer_entities=True, prefilter=False))
    nlp.renew_model(settings.model)  # renewed between parsing and NER, as another thread might
    assert nlp.add_entities(sentences, settings.model) > 0
    labels = {e.label_ for s in sentences if s.span is not None for e in s.span.ents}
    assert labels & {"GPE", "PERSON", "ORG", "NORP"}


def test_the_pipeline_is_renewed_when_its_vocabulary_grows(monkeypatch: Any) -> None:
    settings = load_settings()
    docs = pipeline.load_demo_documents()[:4]
    monkeypatch.setattr(nlp, "DOC_WINDOW", 2)
    monkeypatch.setattr(nlp, "RENEW_EVERY", 0)
    list(pipeline.code_documents(docs[:2], settings))
    kept = nlp.load_model(settings.model)
    monkeypatch.setattr(nlp, "RENEW_STRINGS", 10**9)  # far from the limit: the same pipeline goes on
    list(pipeline.code_documents(docs, settings))
    assert nlp.load_model(settings.model) is kept
    monkeypatch.setattr(nlp, "RENEW_STRINGS", 0)  # any new string is growth: a fresh pipeline
    list(pipeline.code_documents(docs, settings))
    assert nlp.load_model(settings.model) is not kept


def test_a_pipeline_renewed_by_hand_counts_its_growth_from_its_own_start() -> None:
    """renew_model called outside parse (as in test_entities_come_from_the_pipeline_that_parsed_the_sentences)
    records the fresh pipeline's size: the size of the old, grown one would put off the next renewal,
    so whether a later test saw a renewal depended on which tests ran before it."""
    settings = load_settings()
    old = nlp.load_model(settings.model)
    old("Zorblaxia quintuplicated the flibbertigibbets of Vrexland.")  # strings only the old vocabulary gathers
    nlp._loaded_strings[settings.model] = len(old.vocab.strings)  # as a parse by the old pipeline records it
    fresh = nlp.renew_model(settings.model)
    assert nlp._loaded_strings[settings.model] == len(fresh.vocab.strings) < len(old.vocab.strings)
