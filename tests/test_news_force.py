"""Material conflict and intentions of wire news that the coder missed or coded under a wrong root
(issue 12, recall of 17/18/19/14/03).

Every sentence is invented; each construction has three variants and a near sentence that must not
be coded so."""

from __future__ import annotations

from typing import Any

import pytest


def counted(events: list[Any]) -> list[tuple[str, str | None, str | None]]:
    """(code, source country, target country) of the asserted or reported events."""
    return [(e.cameo, e.source.country if e.source else None, e.target.country if e.target else None)
            for e in events if e.modality in ("asserted", "reported")]


def roots(events: list[Any]) -> list[tuple[str, str | None, str | None]]:
    return [(c[:2], s, t) for c, s, t in counted(events)]


# ---- the means of a passive attack: who owns it, what kind it is, where it struck --------------
@pytest.mark.parametrize(("text", "want"), [
    # a city on the attack is where it struck, not who struck: unknown attackers (18x)
    ("Two American soldiers were killed in a Mosul rocket attack on Tuesday.", ("180", None, "USA")),
    ("Three Afghan policemen were wounded in a Kandahar roadside bomb attack.", ("1833", None, "AFG")),
    # the kind comes from the means, as it does for a weapon that is the subject
    ("Five Israelis were wounded in a Jerusalem suicide bombing on Sunday.", ("1831", None, "ISR")),
    ("At least eleven people were killed in two suicide car bombings in Baghdad.", ("1831", None, "IRQ")),
    # "a series of" only counts the strikes; aircraft make it aerial (195)
    ("Thirty people were killed in a series of American air strikes around Falluja.", ("195", "USA", "IRQ")),
    ("Twelve Palestinians were killed in a wave of Israeli air strikes on Gaza City.", ("195", "ISR", "PSE")),
])
def test_the_means_of_a_passive_attack(code: Any, text: str, want: tuple[str, str | None, str]) -> None:
    events = counted(code(text))
    assert want in events, events
    assert not [e for e in events if e[1] == e[2]], events  # the city is not an attacker of its own people


def test_a_group_named_on_the_means_is_who_struck(code: Any) -> None:
    # "Hamas" is not the German city Hamm: a group named on the bombing did it
    events = counted(code("Nine Israelis were killed in a Hamas suicide bombing in Beersheba."))
    assert ("1831", "PSE", "ISR") in events, events


@pytest.mark.parametrize("text", [
    "Three miners were killed in a gas explosion in Shanxi province.",
    "Two Russian pilots were killed in a helicopter crash in Chechnya.",
    "Five fans were injured in a stadium crush in Cairo before the match.",
])
def test_accidents_are_no_attack(code: Any, text: str) -> None:
    events = roots(code(text))
    assert not [e for e in events if e[0] in ("18", "19")], events
