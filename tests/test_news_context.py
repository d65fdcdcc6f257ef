"""Actors whose country comes from the story around them (issue 12): unnamed role words (lawyers,
a minister, the police, prisoners) in a story about one state.

Each construction is checked on invented variants (other names, places and wording), never on a
sentence of the wire gold, with the cases where the story's state must not be given."""

from __future__ import annotations

from typing import Any

import pytest
from helpers import resolved_mentions

from tealeaves.actors.resolve import ActorResolver


def roots(events: list[Any]) -> set[tuple[str, str, str]]:
    """(source country, target country, CAMEO root) of each event, "---" where unknown."""
    return {((e.source.country if e.source else None) or "---", (e.target.country if e.target else None) or "---",
             e.cameo[:2]) for e in events}


def country_of(resolver: ActorResolver, text: str, phrase: str) -> str | None:
    found = [m for m in resolved_mentions(resolver, text) if m.text == phrase]
    assert found, f"no mention {phrase!r}"
    return found[0].country


# ---- an unnamed role word takes the state of a one-state story -------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Bolivia faces blockades\n\nBolivia's president on Monday invited union leaders to talks, and Bolivian police "
     "arrested dozens of protesters.", ("BOL", "BOL", "17")),
    ("Kenya opposition cries foul\n\nOpposition lawmakers accused the Kenyan government on Tuesday of rigging the vote.",
     ("KEN", "KEN", "11")),
    ("Nepal frees detainees\n\nHundreds of prisoners were released from a Nepal jail on Friday under an amnesty, and a "
     "minister criticised the police.", ("NPL", "NPL", "11")),
])
def test_unnamed_role_takes_the_one_state(code: Any, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in roots(code(text, date="2004-09-01"))


@pytest.mark.parametrize("text, phrase", [
    # the only state is what the minister spoke about, named once
    ("Minister attacks bishops\n\nA minister has criticised the bishops of the Church of England over their views on Kenya.",
     "A minister"),
    # a group said to be from elsewhere is not the state's
    ("Hungary vote fails\n\nNeighbouring governments criticised Hungary on Monday over Hungary's failed referendum.",
     "Neighbouring governments"),
    # two states: the lawyers may be either's
    ("Peru and Chile spar\n\nLawyers accused Peru's government of spying on Chile on Monday, and Peru's president denied it.",
     "Lawyers"),
    # a name the tables do not know may be anyone's
    ("Ghana talks\n\nThe Kufuor administration met Ghana's opposition leaders in Accra on Monday, Ghana's radio said.",
     "The Kufuor administration"),
])
def test_unnamed_role_keeps_no_country(resolver: ActorResolver, text: str, phrase: str) -> None:
    assert country_of(resolver, text, phrase) is None


def test_gunmen_stay_unknown_in_a_one_state_story(resolver: ActorResolver) -> None:
    text = ("Jordan envoy escapes ambush\n\nGunmen opened fire on the convoy of a Jordanian envoy on Monday, "
            "Jordan's foreign ministry said.")
    assert country_of(resolver, text, "Gunmen") is None


# ---- an attacker known only by the attack takes no country from where it happened ----------------
@pytest.mark.parametrize("text, target", [
    ("Gunmen abducted two Turkish truck drivers near Mosul on Monday, police said.", "TUR"),
    ("Assailants opened fire on a bus carrying Pakistani soldiers in Karachi on Friday.", "PAK"),
    ("Kidnappers abducted three Kenyan drivers in Baghdad on Tuesday, officials said.", "KEN"),
])
def test_unnamed_assailant_is_unknown_wherever_it_struck(code: Any, text: str, target: str) -> None:
    found = roots(code(text, date="2004-09-01"))
    assert ("---", target, "18") in found, found
    assert not [r for r in found if r[0] != "---" and r[2] == "18"], found


@pytest.mark.parametrize("text, source", [
    ("Rebels ambushed a convoy near Falluja on Monday, killing two Iraqi policemen.", "IRQ"),
    ("Chechen gunmen attacked a police post in Grozny on Monday.", "RUS"),
])
def test_named_or_rebel_attackers_keep_the_place(code: Any, text: str, source: str) -> None:
    assert any(s == source for s, _, _ in roots(code(text, date="2004-09-01")))


def test_suicide_bomber_is_unknown(resolver: ActorResolver) -> None:
    text = "A suicide car bomber attacked an army checkpoint in Kandahar on Sunday, Afghan officials said."
    assert country_of(resolver, text, "A suicide car bomber") is None


def test_an_unnamed_envoy_is_no_citizen_of_the_host(resolver: ActorResolver) -> None:
    text = "Envoy in Khartoum\n\nThe envoy met Sudan's foreign minister in Khartoum on Monday."
    assert country_of(resolver, text, "The envoy") is None


# ---- a headline's bare group word is the group the lead names -------------------------------------
@pytest.mark.parametrize("text, phrase, country", [
    ("Troops kill five militants\n\nIndian troops killed five militants in Kashmir on Monday, and Pakistan protested.",
     "Troops", "IND"),
    ("Rebels free hostages\n\nColombian rebels freed two Ecuadorean hostages on Monday, Ecuador's government said.",
     "Rebels", "COL"),
    ("Soldiers detain villagers in south\n\nThai soldiers detained twelve villagers near the Malaysian border on Sunday.",
     "Soldiers", "THA"),
])
def test_headline_group_is_the_lead_group(resolver: ActorResolver, text: str, phrase: str, country: str) -> None:
    assert country_of(resolver, text, phrase) == country


def test_headline_group_stays_open_when_the_lead_has_two(resolver: ActorResolver) -> None:
    text = "Troops exchange fire\n\nIndian troops and Pakistani troops exchanged fire across the border on Monday."
    assert country_of(resolver, text, "Troops") is None


def test_headline_echo_codes_one_event(code: Any) -> None:
    text = "Troops kill five militants\n\nIndian troops killed five militants in Kashmir on Monday."
    found = roots(code(text, date="2004-09-01"))
    assert ("IND", "---", "19") in found and not [r for r in found if r[0] == "---"], found
