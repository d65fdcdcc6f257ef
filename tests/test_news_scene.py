"""Where, not who: a place name on a happening noun ("Morocco mosque collapse", "Baghdad car
bombs") or inside its phrase ("a blast in China") says where it happened, never who acted; a
nationality adjective or an abbreviation used as one ("Israeli air strike", "US air strike")
still names the one who struck."""

from __future__ import annotations

import pytest

from helpers import counted


def coded(text: str) -> list[tuple[str, str | None, str | None]]:
    return counted(text, "2004-10-04")


@pytest.mark.parametrize("text, place", [
    ("Morocco mosque collapse kills 10", "MAR"),
    ("Peru bus crash kills 20 on mountain road", "PER"),
    ("Ukraine mine explosion kills 12 miners", "UKR"),
])
def test_a_place_on_a_disaster_noun_is_no_actor(text: str, place: str) -> None:
    assert not any(src == place for _, src, _ in coded(text)), coded(text)


@pytest.mark.parametrize("text, place", [
    ("Baghdad car bombs kill 11 people", "IRQ"),
    ("Kabul rocket attack kills four", "AFG"),
    ("Karachi bomb blast kills 15 worshippers", "PAK"),
])
def test_a_place_on_a_weapon_is_where_it_struck_not_who_struck(text: str, place: str) -> None:
    assert not any(src == place for _, src, _ in coded(text)), coded(text)


@pytest.mark.parametrize("text, place", [
    ("A coal mine blast in China killed 33 workers on Sunday.", "CHN"),
    ("A gas explosion in Ukraine killed 12 people.", "UKR"),
    ("A bomb attack in Baghdad killed five policemen.", "IRQ"),
])
def test_a_place_inside_a_happenings_phrase_is_not_its_doer(text: str, place: str) -> None:
    assert not any(src == place for _, src, _ in coded(text)), coded(text)


@pytest.mark.parametrize("text, source", [
    ("Israeli air strike kills two militants in Gaza", "ISR"),
    ("US air strike kills 12 in Falluja", "USA"),
    ("Russian artillery attack kills nine rebels in Chechnya", "RUS"),
])
def test_an_adjective_or_abbreviation_on_a_weapon_still_names_who_struck(text: str, source: str) -> None:
    got = coded(text)
    assert any(code[:2] in ("18", "19") and src == source for code, src, _ in got), got


def test_an_actor_named_in_place_still_acts() -> None:
    got = coded("Pakistani troops in Waziristan killed 12 militants on Monday.")
    assert any(code[:2] == "19" and src == "PAK" for code, src, _ in got), got
