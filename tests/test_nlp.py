"""NLP stage: rule sentence split, one parse per sentence, offsets into the cleaned text."""

from __future__ import annotations

from typing import Any

from tealeaves import nlp as nlp_stage
from tealeaves.clean import clean
from tealeaves.ingest import document_from_text


def test_each_sentence_is_parsed_whole(nlp: Any) -> None:
    text = "Talks\n\nThe envoy arrived in Ankara on Monday he met the foreign minister. Mr. Smith of the U.S. embassy said so."
    cdoc = clean(document_from_text(text, "t"))
    _, sents = next(nlp_stage.parse([cdoc], prefilter=False))
    body = [s for s in sents if s.paragraph == 1]
    assert len(body) == 2  # "Mr." and "U.S." do not end a sentence
    for s in body:
        assert len(list(s.span.doc.sents)) == 1  # the parser keeps the rule split
        tok = s.span[1]
        assert cdoc.text[s.offset(tok):s.offset(tok) + len(tok.text)] == tok.text


def test_batches_across_documents_keep_order() -> None:
    docs = [clean(document_from_text(f"Headline {i}\n\nGreek police arrested {i + 2} protesters in Athens.", f"d{i}")) for i in range(40)]
    out = list(nlp_stage.parse(docs, batch_size=8, prefilter=False))
    assert [c.document.id for c, _ in out] == [d.document.id for d in docs]
    assert all(f"arrested {i + 2} " in ss[-1].text for i, (_, ss) in enumerate(out))
