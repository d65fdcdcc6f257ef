"""Expected events of wire news that nothing counted (issue 12, recall): a party's report of an
attack whose doer it does not name, ...

Every sentence is invented; each construction has three variants and a sentence that must not be
coded so."""

from __future__ import annotations

from typing import Any

import pytest


def counted(events: list[Any]) -> list[tuple[str, str | None, str | None]]:
    """(root, source country, target country) of the asserted or reported events."""
    return [(e.cameo[:2], e.source.country if e.source else None, e.target.country if e.target else None)
            for e in events if e.modality in ("asserted", "reported")]


# ---- a party reporting an agentless attack reports the attack; it accuses no one -------------
@pytest.mark.parametrize(("text", "want"), [
    ("A Hezbollah commander was killed in an Israeli air strike in southern Lebanon, a Hezbollah spokesman said.",
     ("19", "ISR", "LBN")),
    ("Four British soldiers were killed on Tuesday in a roadside bomb explosion near Basra, a British military spokesman said.",
     ("18", None, "GBR")),
    ("Three Indian policemen were wounded in a grenade attack in Srinagar, an Indian police officer said.",
     ("18", None, "IND")),
])
def test_a_party_reporting_an_agentless_attack_reports_the_attack(code: Any, text: str, want: tuple[str, str | None, str]) -> None:
    events = counted(code(text))
    assert want in events, events
    assert not [e for e in events if e[0] == "11"], events  # nobody named, nobody accused


def test_a_party_naming_the_attacker_still_accuses_it(code: Any) -> None:
    events = counted(code("Georgia said Russian warplanes had bombed villages near Gori."))
    assert ("11", "GEO", "RUS") in events, events
    assert not [e for e in events if e[0] in ("18", "19")], events


# ---- an act of force named by a noun, its victims after "of", no one owning it ---------------
@pytest.mark.parametrize(("text", "want"), [
    ("Riots broke out in Kathmandu over the killing of nine Nepalese workers in Iraq.", ("18", None, "NPL")),
    ("The kidnapping of two Italian aid workers in Baghdad has stunned Rome.", ("18", None, "ITA")),
    ("Manila demanded answers after the abduction of three Filipino sailors off Somalia.", ("18", None, "PHL")),
])
def test_an_attack_named_by_a_noun_with_no_agent(code: Any, text: str, want: tuple[str, None, str]) -> None:
    events = counted(code(text))
    assert want in events, events


def test_the_act_someone_is_charged_with_is_not_a_happening(code: Any) -> None:
    events = counted(code("A Kenyan policeman was charged on Monday with the murder of two British tourists."))
    assert not [e for e in events if e[0] == "18"], events


# ---- a meeting named under "in/at/during" is held by the clause's subject --------------------
@pytest.mark.parametrize(("text", "want"), [
    ("Indian Prime Minister Manmohan Singh said in his meeting with Bangladeshi Foreign Minister Morshed Khan that trade would grow.",
     ("04", "IND", "BGD")),
    ("French President Jacques Chirac spoke at a news conference with German Chancellor Gerhard Schroeder in Berlin on Tuesday.",
     ("04", "FRA", "DEU")),
    ("At a news conference with Japanese Prime Minister Junichiro Koizumi, President Bush said the talks had gone well.",
     ("04", "USA", "JPN")),
    ("During talks with Syrian officials in Damascus, the Russian foreign minister pressed for a settlement.",
     ("04", "RUS", "SYR")),
])
def test_a_meeting_under_a_preposition_is_the_subjects(code: Any, text: str, want: tuple[str, str, str]) -> None:
    events = counted(code(text))
    assert want in events, events


def test_a_meeting_with_an_unknown_side_is_not_mirrored(code: Any) -> None:
    events = counted(code("President Bush held a meeting with a foreign leader at the White House on Monday."))
    assert ("04", "USA", None) in events, events
    assert not [e for e in events if e[1] is None], events  # the unknown side did nothing the text says


# ---- bringing, filing or pressing charges against someone accuses them (1121) ----------------
@pytest.mark.parametrize(("text", "want"), [
    ("Indonesian prosecutors filed charges against two Australian drug suspects on Tuesday.", ("11", "IDN", "AUS")),
    ("U.S. authorities brought charges on Monday against a Jordanian man accused of funding militants.", ("11", "USA", "JOR")),
    ("French magistrates have pressed charges against two Algerian militants held in Paris.", ("11", "FRA", "DZA")),
])
def test_charges_brought_against_someone_accuse_them(code: Any, text: str, want: tuple[str, str, str]) -> None:
    events = counted(code(text))
    assert want in events, events


def test_charges_not_brought_accuse_no_one(code: Any) -> None:
    events = counted(code("Kenyan police have not brought charges against the Somali student."))
    assert not [e for e in events if e[0] == "11"], events

