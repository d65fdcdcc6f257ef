"""Precision on wire news (issue 12): events coded with the wrong root, or where a reader expects
none. People seized are abducted or arrested, not property; information released frees no one; a
"scathing attack" is criticism.

Each construction is checked on invented variants (other names, places and wording), never on a
sentence of the wire gold: what must be coded, and what must not."""

from __future__ import annotations

import pytest
from helpers import counted


def coded(text: str) -> list[tuple[str, str | None, str | None]]:
    return counted(text, "2004-09-01")


# ---- seizing people is abduction (181) or, by a state's forces, arrest (173) --------------------
@pytest.mark.parametrize("text, target", [
    ("Gunmen seized two Turkish truck drivers near Mosul on Monday.", "TUR"),
    ("Masked gunmen seized a Japanese tourist in Baghdad on Sunday.", "JPN"),
    ("Two Italian aid workers were seized from their office in Baghdad.", "ITA"),
])
def test_people_seized_by_irregulars_are_abducted(text: str, target: str) -> None:
    got = coded(text)
    assert any(code == "181" and tgt == target for code, _, tgt in got), got
    assert not any(code.startswith("17") for code, _, _ in got), got


@pytest.mark.parametrize("text, source", [
    ("Israeli troops captured two Hamas militants in Nablus.", "ISR"),
    ("Pakistani police seized three suspects in Karachi on Friday.", "PAK"),
    ("Russian soldiers captured a Chechen rebel commander near Grozny.", "RUS"),
])
def test_people_seized_by_the_state_are_detained(text: str, source: str) -> None:
    got = coded(text)
    assert any(code == "173" and src == source for code, src, _ in got), got
    assert not any(code.startswith(("171", "192", "18")) for code, _, _ in got), got


@pytest.mark.parametrize("text, code", [
    ("Police seized two tonnes of heroin in Karachi on Monday.", "171"),
    ("Israeli troops seized weapons and explosives in a raid on Jenin.", "171"),
    ("Ugandan troops captured the town of Gulu from the rebels.", "192"),
])
def test_things_and_places_seized_keep_their_code(text: str, code: str) -> None:
    got = coded(text)
    assert any(c[:3] == code[:3] for c, _, _ in got), got
    assert not any(c in ("173", "181") for c, _, _ in got), got


# ---- information released frees no one ---------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Indonesian police released a photograph of the suspected bomber on Monday.",
    "The Turkish army released video footage of the raid on the Kurdish rebel camp.",
    "The Philippine foreign ministry released the names of the three Filipino hostages.",
    "Iraqi kidnappers released a videotape showing the two Italian hostages.",
])
def test_information_released_is_no_release(text: str) -> None:
    got = coded(text)
    assert not any(code.startswith(("08", "064")) for code, _, _ in got), got


@pytest.mark.parametrize("text, target", [
    ("Iraqi kidnappers released two Italian hostages on Tuesday.", "ITA"),
    ("Nepalese Maoist rebels released 14 Indian soldiers on Sunday.", "IND"),
    ("Colombian rebels freed a German tourist after six months in captivity.", "DEU"),
])
def test_people_released_are_still_released(text: str, target: str) -> None:
    got = coded(text)
    assert any(code.startswith("08") and tgt == target for code, _, tgt in got), got


# ---- a verbal attack is criticism -----------------------------------------------------------------
@pytest.mark.parametrize("text, source, target", [
    ("The French president launched a stinging attack on the United States at the summit.", "FRA", "USA"),
    ("Malaysia's prime minister launched a scathing attack on Australia over its refugee policy.", "MYS", "AUS"),
    ("Iran's foreign minister launched a blistering attack on Israel on Sunday.", "IRN", "ISR"),
])
def test_a_verbal_attack_is_criticism(text: str, source: str, target: str) -> None:
    got = coded(text)
    assert (("111", source, target) in got), got
    assert not any(code.startswith(("18", "19")) for code, _, _ in got), got


@pytest.mark.parametrize("text", [
    "Russian troops launched an attack on rebel positions in Chechnya.",
    "Israeli forces launched a fierce attack on the Rafah refugee camp.",
    "US warplanes launched a heavy attack on insurgent positions in Falluja.",
])
def test_an_armed_attack_stays_force(text: str) -> None:
    got = coded(text)
    assert any(code[:2] in ("18", "19") for code, _, _ in got), got
