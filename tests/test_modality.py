"""Modality: one test per case, on sentences written for them."""

from __future__ import annotations

import pytest

from test_events_support import code_with_table, one


def modality(text: str, code: str = "") -> str:
    return one(code_with_table(text), code).modality


def test_asserted_event() -> None:
    assert modality("Turkish jets bombed rebels near the border on Monday.", "19")  # bombs from aircraft are 195 == "asserted"


def test_reported_by_a_trailing_reporting_clause() -> None:
    e = one(code_with_table("Russia shelled Ukraine overnight, the ministry said."), "19")
    assert e.modality == "reported"
    assert e.speaker is not None and e.speaker.code == "GOV"
    assert e.reporting_verb == "say"


def test_reported_through_according_to() -> None:
    e = one(code_with_table("According to the ministry, Russia shelled Ukraine."), "19")
    assert e.modality == "reported"
    assert e.reporting_verb == "according to"


def test_quote_span_and_speaker() -> None:
    text = '"Russia attacked Ukraine at dawn," the ministry said.'
    e = one(code_with_table(text), "19")
    assert e.modality == "reported"
    assert e.quote_start is not None and e.quote_end is not None
    assert "attacked Ukraine at dawn" in e.text[e.quote_start:e.quote_end]
    assert e.speaker is not None and e.speaker.code == "GOV"


@pytest.mark.parametrize("text", [
    "Russia did not attack Ukraine.",
    "Russia never attacked Ukraine.",
])
def test_negated(text: str) -> None:
    assert modality(text, "19") == "negated"


def test_refusal_is_coded_as_a_rejection_of_what_was_refused() -> None:
    e = one(code_with_table("Russia refused to meet Ukraine."), "12")
    assert (e.source.code, e.target.code, e.cameo) == ("RUS", "UKR", "125")
    assert e.modality == "asserted"


def test_stated_refusal_to_yield() -> None:
    e = one(code_with_table("Russia will not lift the sanctions on Ukraine."), "12")
    assert e.cameo.startswith("124") and e.source.code == "RUS"


def test_stated_intention_to_yield_is_an_intent() -> None:
    e = one(code_with_table("Russia said it would release the prisoners."), "03")
    assert e.cameo == "0353" and e.source.code == "RUS" and e.modality == "asserted"


def test_demand_in_speech() -> None:
    e = one(code_with_table("China said Japan must stop the patrols."), "10")
    assert (e.source.code, e.target.code) == ("CHN", "JPN")


@pytest.mark.parametrize("text, code", [
    # force on a condition ("could attack if talks fail") is a threat: see tests/test_news_readings.py
    ("If talks fail, Russia could recall its ambassador from Ukraine.", "16"),
    ("Russia might attack Ukraine.", "19"),
    ("Russia is considering an attack on Ukraine.", "19"),
])
def test_hypothetical(text: str, code: str) -> None:
    assert modality(text, code) == "hypothetical"


def test_unlikely_nominal_event_is_hypothetical() -> None:
    assert modality("An invasion of Ukraine by Russia remains unlikely.", "19") == "hypothetical"


@pytest.mark.parametrize("text, code", [
    ("Russia will attack Ukraine next week.", "19"),
    ("Russia is scheduled to meet Ukraine on Friday.", "04"),
    ("Russia is going to sign a deal with Ukraine.", "057"),
])
def test_future(text: str, code: str) -> None:
    assert modality(text, code) == "future"


def test_scheduled_visit_is_future_with_its_date() -> None:
    e = one(code_with_table("The foreign minister is expected to travel to Beijing on 3 March."), "042")
    assert e.modality == "future"
    assert (e.source.code, e.target.code) == ("GOV", "CHN")
    assert e.date == "2017-03-03"


def test_stated_intention_to_use_force_is_a_threat_by_the_speaker() -> None:
    events = code_with_table("Russia said any incursion would be met with force.")
    e = one(events, "13")
    assert e.cameo == "138" and e.source.code == "RUS"
    assert not [x for x in events if x.quad == 4], "a threat is not an attack"


def test_reported_attack_by_someone_else_stays_an_attack() -> None:
    # a reporter, not a party to the conflict: the attack stays, marked reported
    e = one(code_with_table("A journalist said Ukraine had shelled Russian border posts."), "19")
    assert e.source.code == "UKR" and e.modality == "reported" and e.reporting_verb == "say"


def test_attack_reported_by_a_party_is_its_accusation_with_the_speaker() -> None:
    e = one(code_with_table("Russia said Ukraine had shelled its border posts."), "112")
    assert e.source.code == "RUS" and e.target.code == "UKR"
    assert e.speaker is not None and e.speaker.code == "RUS"
