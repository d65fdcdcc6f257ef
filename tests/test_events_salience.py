"""Background events: what a sentence mentions in passing is not coded beside what it reports."""

from __future__ import annotations

from typing import Any

import pytest

from tealeaves.coding import salience
from test_events_support import code_with_table


def codes(text: str) -> list[str]:
    return [e.cameo for e in code_with_table(text)]


def test_relative_clause_is_background(nlp: Any) -> None:
    doc = nlp("The rebels, who attacked the town last year, said they would negotiate with the government.")
    attacked = next(t for t in doc if t.lower_ == "attacked")
    assert salience.background(attacked) is not None
    said = next(t for t in doc if t.lower_ == "said")
    assert salience.background(said) is None


def test_participle_on_a_noun_is_background(nlp: Any) -> None:
    doc = nlp("The militia claimed responsibility for a deadly assault targeting police officers in the capital.")
    targeting = next(t for t in doc if t.lower_ == "targeting")
    assert salience.background(targeting) is not None


def test_clause_dated_apart_is_background(nlp: Any) -> None:
    doc = nlp("Kenyan troops pulled out of Somalia on Monday, three weeks after militants kidnapped five soldiers.")
    kidnapped = next(t for t in doc if t.lower_ == "kidnapped")
    assert salience.background(kidnapped) is not None
    # "after" alone orders two reported happenings; only a measured gap marks background
    doc = nlp("Police arrested the gunmen after they attacked a checkpoint.")
    attacked = next(t for t in doc if t.lower_ == "attacked")
    assert salience.background(attacked) is None


@pytest.mark.parametrize("text, kept, dropped", [
    ("Russia, which invaded Ukraine in 2014, accused Turkey of spying.", "112", "19"),
    ("Kenyan police arrested 20 protesters on Monday, two weeks after rebels kidnapped five officers.", "173", "18"),
    ("Rebels claimed responsibility for a deadly assault targeting police in the capital.", "015", "18"),
])
def test_background_not_coded_beside_the_main_event(text: str, kept: str, dropped: str) -> None:
    got = codes(text)
    assert kept in got, got
    assert not [c for c in got if c.startswith(dropped)], got


def test_background_event_kept_when_it_is_all_the_sentence_codes() -> None:
    got = codes("The capital was quiet on Monday, two weeks after Turkish jets struck rebels.")
    assert [c for c in got if c[:2] in ("18", "19")], got


def test_claim_of_responsibility_is_coded_once() -> None:
    got = codes("Turkish jets claimed that they had struck rebels.")
    assert "015" in got, got
    assert not [c for c in got if c[:2] in ("18", "19")], got
