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


# ---- roads blocked by a state's forces restrict movement (191); a crowd's blockade is a protest --
@pytest.mark.parametrize(("text", "want"), [
    ("Israeli troops blocked main roads in the northern Gaza Strip on Tuesday.", ("191", "ISR", "PSE")),
    ("Indian police blocked the roads to the Golden Temple in Amritsar.", ("191", "IND", None)),
    ("Pakistani soldiers blocked roads into the tribal town of Wana.", ("191", "PAK", None)),
])
def test_roads_blocked_by_forces_restrict_movement(code: Any, text: str, want: tuple[str, str, str | None]) -> None:
    events = counted(code(text))
    assert [e for e in events if e[:2] == want[:2] and (want[2] is None or e[2] == want[2])], events
    assert not [e for e in events if e[0] == "144"], events


def test_protesters_blocking_a_road_protest(code: Any) -> None:
    events = roots(code("Protesters blocked the main road into La Paz on Monday."))
    assert ("14", "BOL", "BOL") in events, events
    assert not [e for e in events if e[0] == "19"], events


# ---- "is prepared to" states an intention as "is ready to" and "is willing to" do -------------
@pytest.mark.parametrize(("text", "want"), [
    ("Pakistan is prepared to resume talks with India, the foreign minister said.", ("036", "PAK", "IND")),
    ("Syria is prepared to sign a peace treaty with Israel.", ("03", "SYR", "ISR")),
    ("Iran is prepared to hold talks with the European Union on its nuclear program.", ("036", "IRN", "IGOEUREEC")),
])
def test_prepared_to_is_an_intention(code: Any, text: str, want: tuple[str, str, str]) -> None:
    events = [(e.cameo, e.source.country if e.source else None, (e.target.code or "")[:9] if e.target else None)
              for e in code(text) if e.modality in ("asserted", "reported")]
    assert [e for e in events if e[0].startswith(want[0]) and e[1:] == want[1:]], events
    assert not [e for e in events if e[0][:2] == "04"], events  # offered talks are not yet held


def test_a_thing_prepared_is_no_intention(code: Any) -> None:
    events = roots(code("The report on Darfur was prepared by United Nations experts in Geneva."))
    assert not [e for e in events if e[0] == "03"], events


# ---- a bomb that went off in a site named by what it is struck that site's country ------------
@pytest.mark.parametrize(("text", "want"), [
    ("Homemade bombs exploded in two Buenos Aires banks on Wednesday, killing a security guard, police said.", ("183", None, "ARG")),
    ("Two bombs exploded in three Istanbul banks on Monday, killing a guard.", ("183", None, "TUR")),
    ("A bomb exploded near a British consulate building, injuring four passers-by.", ("183", None, "GBR")),
])
def test_a_bomb_in_a_named_site(code: Any, text: str, want: tuple[str, None, str]) -> None:
    events = counted(code(text))
    assert want in events, events


@pytest.mark.parametrize("text", [
    "A gas main exploded in two Madrid shops, killing a passer-by.",
    "A boiler exploded in a Chinese coal mine on Tuesday, killing 12 miners.",
])
def test_an_explosion_of_no_weapon_is_no_bombing(code: Any, text: str) -> None:
    events = roots(code(text))
    assert not [e for e in events if e[0] in ("18", "19")], events
