"""Frames of wire news (issue 12): weapons as subjects, targets in complements and prepositions,
missing frames, nominal events. Every sentence is invented; each construction has three variants."""

from __future__ import annotations

from typing import Any

import pytest


def got(events: list[Any]) -> list[tuple[str, str | None, str | None]]:
    """(CAMEO code, source country, target country) of the asserted or reported events."""
    return [(e.cameo, e.source.country if e.source else None, e.target.country if e.target else None)
            for e in events if e.modality in ("asserted", "reported")]


# ---- a weapon is not who acts: the agent is unknown, or named on the weapon -------------------
@pytest.mark.parametrize(("text", "want"), [
    ("A car bomb exploded near a market in the Iraqi city of Kirkuk on Tuesday, killing five people.", ("1832", None, "IRQ")),
    ("A roadside bomb killed three soldiers near the Afghan town of Khost on Sunday.", ("1833", None, "AFG")),
    ("Two bombs exploded outside a bus station in the Pakistani city of Quetta, wounding 14 people.", ("183", None, "PAK")),
])
def test_a_bomb_has_no_agent_of_its_own(code: Any, text: str, want: tuple[str, None, str]) -> None:
    events = got(code(text))
    assert want in events, events
    assert all(c[:2] == "18" and s is None for c, s, _ in events), events  # one bombing, nobody named


@pytest.mark.parametrize(("text", "want"), [
    ("A US air strike hit a rebel training camp in Afghanistan on Monday.", ("195", "USA", "AFG")),
    ("A drone strike hit a militant hideout in northwest Pakistan on Friday.", ("195", None, "PAK")),
    ("An Israeli missile strike killed two militants in the Gaza Strip on Sunday.", None),
])
def test_a_strike_is_aerial_and_its_nationality_is_the_agent(code: Any, text: str, want: Any) -> None:
    events = got(code(text))
    if want is None:  # the nationality on the weapon is the one who fired it
        assert any(c[:2] in ("18", "19") and s == "ISR" for c, s, _ in events), events
    else:
        assert want in events, events


@pytest.mark.parametrize("text", [
    "Tropical Storm Ivan hit Jamaica on Friday, killing 15 people.",
    "Senator Kerry hit the campaign trail in Ohio on Monday.",
    "A gas explosion ripped through a coal mine in northern China, killing 40 miners.",
])
def test_hits_and_explosions_without_a_weapon_are_not_attacks(code: Any, text: str) -> None:
    assert not [e for e in got(code(text)) if e[0][:2] in ("18", "19")], got(code(text))


def test_unknown_attackers_firing_rockets_is_unconventional(code: Any) -> None:
    events = got(code("Mortar rounds hit a police station in the Iraqi town of Baquba, killing two officers."))
    assert events and all(c[:2] == "18" and s is None for c, s, _ in events), events


# ---- a reporting verb is not a statement about itself ----------------------------------------
@pytest.mark.parametrize("text", [
    "Pakistani troops have surrounded foreign fighters in the tribal regions, a senior Pakistani general said.",
    "Canada has granted full residency rights to Nepalese workers in the oil sector, Prime Minister Paul Martin said.",
    "A Qantas flight from Singapore to Sydney was diverted to Darwin on Friday after a bomb scare, Australian police said.",
])
def test_a_trailing_attribution_is_not_a_statement(code: Any, text: str) -> None:
    assert not [e for e in got(code(text)) if e[0] == "010"], got(code(text))


@pytest.mark.parametrize(("text", "want"), [
    ("Georgia is an unreliable neighbour, Russian Foreign Minister Sergei Lavrov said.", ("010", "RUS", "GEO")),
    ("Moscow said Tbilisi remained an unreliable partner.", ("010", "RUS", "GEO")),
    ("India said Pakistan was still a difficult neighbour.", ("010", "IND", "PAK")),
])
def test_a_comment_on_another_stays_a_statement(code: Any, text: str, want: tuple[str, str, str]) -> None:
    assert want in got(code(text)), got(code(text))


# ---- targets of fighting: an unnamed group is of the place where it is fought ----------------
@pytest.mark.parametrize(("text", "want"), [
    ("US troops battled Sunni insurgents in the Iraqi city of Ramadi on Monday.", ("190", "USA", "IRQ")),
    ("Pakistani soldiers fought foreign militants near the Afghan border town of Wana.", ("190", "PAK", "AFG")),
    ("Turkish troops clashed with separatist fighters in southeastern Turkey on Sunday.", ("190", "TUR", "TUR")),
])
def test_fighting_an_unnamed_group_targets_the_place(code: Any, text: str, want: tuple[str, str, str]) -> None:
    events = got(code(text))
    assert any(c[:2] == "19" and s == want[1] and t == want[2] for c, s, t in events), events
