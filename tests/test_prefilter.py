"""The prefilter parses only sentences that can carry an event, and loses (almost) none of them."""

from __future__ import annotations

import csv
import itertools
from pathlib import Path
from typing import Any

import pytest

from tealeaves import nlp, pipeline
from tealeaves.clean import clean
from tealeaves.ingest import document_from_text
from tealeaves.prefilter import Prefilter, Rule, inflections
from tealeaves.settings import load_settings

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"

ARTICLES = [
    """Border talks resume

Turkish artillery shelled Kurdish militia positions near the border on Tuesday. The weather in the
region was mild and dry for the season. Local markets stayed open through the afternoon.

The Iraqi government condemned the shelling and summoned the Turkish ambassador. He rejected the
protest. A spokesman said the talks would go on.

The river is wide at this point and the bridge is old.""",
    """Ministers meet in Geneva

Russian Foreign Minister Sergei Lavrov met US Secretary of State Antony Blinken in Geneva on Friday.
The hotel lobby was crowded with reporters and camera crews. Coffee was served at ten.

Ukrainian officials accused Russia of massing troops near the frontier. Protesters marched
outside the building, and police arrested a dozen of them.""",
]


def _docs() -> list[Any]:
    return [document_from_text(t, f"art{i}", date="2022-01-14") for i, t in enumerate(ARTICLES)]


def test_inflections_invert_the_lemmatizer(nlp: Any) -> None:
    forms = inflections(nlp, ["meet", "fight", "shell", "accuse", "arrest"])
    assert {"met", "meets", "meeting"} <= forms["meet"]
    assert "fought" in forms["fight"]
    assert {"shelled", "shelling"} <= forms["shell"]
    assert {"accused", "accuses"} <= forms["accuse"]
    # and every form really lemmatizes back (the filter must never miss a head)
    for lemma, fs in forms.items():
        for word in ("met", "fought", "shelled", "accused", "arrested"):
            if word in fs:
                assert nlp(f"They {word} them.")[1].lemma_ == lemma


def test_pattern_words_are_required() -> None:
    pf = Prefilter([Rule("have", (frozenset({"talk", "talks"}),))], {"have": frozenset({"have", "has", "had"})}, ["france"])
    assert pf.has_trigger({"france", "had", "talks", "with", "spain"})
    assert not pf.has_trigger({"france", "had", "lunch"})
    assert pf.actor_spans("then france said") == [(5, 11)]
    assert pf.actor_spans("francesca said") == []  # whole words only


def test_only_candidate_sentences_are_parsed() -> None:
    cdoc = clean(_docs()[0])
    _, sents = next(nlp.parse([cdoc]))
    by_text = {s.text: s for s in sents}
    shelled = next(s for t, s in by_text.items() if t.startswith("Turkish artillery"))
    weather = next(s for t, s in by_text.items() if t.startswith("The weather"))
    river = next(s for t, s in by_text.items() if t.startswith("The river"))
    assert shelled.span is not None and shelled.span.doc.has_annotation("DEP")
    assert weather.span is None and river.span is None
    parsed, total = nlp.stats(sents)
    assert 0 < parsed < total
    # same sentences, indices and offsets as the parse-everything path
    _, full = next(nlp.parse([cdoc], prefilter=False))
    assert [(s.index, s.start, s.end, s.text) for s in sents] == [(s.index, s.start, s.end, s.text) for s in full]
    for s in sents:
        assert cdoc.text[s.start:s.end] == s.text


def test_sentences_never_cross_paragraphs() -> None:
    cdoc = clean(_docs()[1])
    _, sents = next(nlp.parse([cdoc], prefilter=False))
    for s in sents:
        para = cdoc.paragraphs[s.paragraph]
        assert para.start <= s.start and s.end <= para.end


def _events(docs: list[Any], prefilter: bool) -> dict[str, Any]:
    settings = load_settings(prefilter=prefilter)
    return {e.id: e for coded in pipeline.code_documents(docs, settings) for e in coded.events}


def test_prefilter_keeps_the_events_of_the_full_parse() -> None:
    full = _events(_docs(), prefilter=False)
    fast = _events(_docs(), prefilter=True)
    assert len(full) >= 3
    assert set(fast) == set(full)


def _gold_sentences(limit: int) -> list[str]:
    path = SHARED / "gold" / "conflibert-cameo-class-train.tsv"
    with path.open(encoding="utf-8") as fh:
        return [row[0] for row in itertools.islice(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE), limit) if row]


@pytest.mark.slow
@pytest.mark.skipif(not (SHARED / "gold").is_dir(), reason="needs ../shared/data/gold (evaluation data)")
def test_prefilter_loses_at_most_one_percent_on_gold_sentences() -> None:
    docs = [document_from_text(f"Item {i}\n\n{t}", f"gold{i}", date="2018-01-01") for i, t in enumerate(_gold_sentences(400))]
    full = _events(docs, prefilter=False)
    fast = _events(docs, prefilter=True)
    lost = set(full) - set(fast)
    assert len(full) > 50
    assert len(lost) <= 0.01 * len(full), [full[i].text for i in lost][:5]
