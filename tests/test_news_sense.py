"""Sense: force from aircraft is aerial (195), an ambush or a beheading by irregulars is
unconventional (18x), and leaving a coalition is not resigning."""

from __future__ import annotations

import pytest

from helpers import counted


def coded(text: str) -> list[tuple[str, str | None, str | None]]:
    return counted(text, "2016-10-04")


@pytest.mark.parametrize("text, source", [
    ("Russian jets bombed rebel positions near Aleppo on Tuesday.", "RUS"),
    ("Israeli helicopters attacked a car in Gaza City, killing two militants.", "ISR"),
    ("Turkish warplanes bombed Kurdish militant camps in northern Iraq.", "TUR"),
])
def test_force_from_aircraft_is_aerial(text: str, source: str) -> None:
    got = coded(text)
    assert any(code == "195" and src == source for code, src, _ in got), got
    assert not any(code.startswith("183") for code, _, _ in got), got


def test_a_bombing_on_the_ground_stays_a_bombing() -> None:
    got = coded("Militants bombed a police station in Quetta on Monday.")
    assert any(code.startswith("18") for code, _, _ in got) and not any(code == "195" for code, _, _ in got), got


@pytest.mark.parametrize("text, source", [
    ("Taliban fighters ambushed a police patrol in Helmand.", "AFG"),
    ("Militants beheaded a Turkish hostage in Iraq, a video showed.", "IRQ"),
    ("Gunmen ambushed a bus carrying pilgrims in Karachi.", None),
])
def test_ambushes_and_beheadings_by_irregulars_are_unconventional(text: str, source: str | None) -> None:
    got = coded(text)
    assert got and all(code.startswith("18") for code, _, _ in got), got
    if source:
        assert any(src == source for _, src, _ in got), got


@pytest.mark.parametrize("text", [
    "The opposition leader quit the coalition government on Monday.",
    "Two small parties quit the ruling alliance over the budget.",
    "The Greens quit the talks on forming a cabinet.",
])
def test_quitting_is_not_resigning(text: str) -> None:
    assert not any(code == "0831" for code, _, _ in coded(text)), coded(text)


def test_resigning_a_post_is_still_coded() -> None:
    assert any(code == "0831" for code, _, _ in coded("The interior minister resigned on Monday after the prison escape."))
