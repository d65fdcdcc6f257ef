"""Readings of real news constructions (issue 12): one happening, intentions and threats, the
scope of a modal cue, the sense of a violent word, and headlines. Each construction is tested on
invented sentences, with the full pipeline (actor resolver included), as news would bring them."""

from __future__ import annotations

from typing import Any

import pytest

from tealeaves.pipeline import code_text

COUNTED = ("asserted", "reported")


def coded(text: str) -> list[tuple[str, str | None, str | None]]:
    """(code, source country, target country) of the counted events of ``text``."""
    out = []
    for e in code_text(text, date="2004-09-01"):
        if e.modality in COUNTED:
            out.append((e.cameo, _country(e.source), _country(e.target)))
    return out


def _country(m: Any) -> str | None:
    if m is None:
        return None
    return m.country or m.code


def roots(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(c[:2], s, t) for c, s, t in coded(text)]


# ---- one happening, one event -------------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("Gunmen shot and killed two Iraqi policemen in Mosul on Monday.", "18"),
    ("Kenyan police shot and wounded three protesters in Nairobi.", "19"),  # police force is a state's (19x)
    ("Israeli soldiers shot and killed a Palestinian gunman near Gaza, a military source said.", "19"),
])
def test_two_verbs_of_one_attack_are_one_event(text: str, want: str) -> None:
    got = roots(text)
    assert len(got) == 1 and got[0][0] == want, got


@pytest.mark.parametrize("text, target", [
    ("Kidnappers in Iraq threatened to kill two Turkish truck drivers.", "TUR"),
    ("Hamas threatened to attack Israel if the raids continue.", "ISR"),
    ("Insurgents in Iraq threatened to behead three Nepalese hostages.", "NPL"),
])
def test_threatened_to_kill_is_one_threat(text: str, target: str) -> None:
    got = coded(text)
    assert [c[:2] for c, _, _ in got] == ["13"], got
    assert got[0][2] == target


@pytest.mark.parametrize("text, want", [
    ("Russia warns Georgia over Abkhazia\nRussia warned Georgia on Monday against sending troops into Abkhazia.",
     ("13", "RUS", "GEO")),
    ("Egypt hosts Israeli envoy\nEgypt hosted an Israeli envoy in Cairo on Sunday for talks on Gaza.",
     ("04", "EGY", "ISR")),
    ("Pakistan Arrests Al-Qaeda Suspect\nPakistani police arrested a senior al-Qaeda suspect in Lahore on Friday, officials said.",
     ("17", "PAK", None)),
])
def test_headline_and_lead_telling_one_happening_count_once(text: str, want: tuple[str, str, str | None]) -> None:
    got = roots(text)
    assert len(got) == 1 and got[0][:2] == want[:2], got
    if want[2]:
        assert got[0][2] == want[2]


# ---- intentions and conditional threats ----------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("Norway will provide $20 million in aid to Sudan.", ("03", "NOR", "SDN")),
    ("Afghan President Hamid Karzai is to visit Pakistan to discuss trade.", ("03", "AFG", "PAK")),
    ("Poland said Friday it plans to reduce the number of its troops in Iraq.", ("03", "POL", None)),
])
def test_an_announced_act_is_an_intention_and_is_counted(text: str, want: tuple[str, str, str | None]) -> None:
    got = roots(text)
    assert len(got) == 1 and got[0][:2] == want[:2], got
    if want[2]:
        assert got[0][2] == want[2]


@pytest.mark.parametrize("text, want", [
    ("Syria may strike Israel if its jets raid Lebanon again.", ("SYR", "ISR")),
    ("Russia might bomb the camps in Georgia if the raids go on.", ("RUS", "GEO")),
    ("North Korea said it would attack South Korea unless the drills stop.", ("PRK", "KOR")),
])
def test_force_on_a_condition_is_a_threat_and_not_an_attack(text: str, want: tuple[str, str]) -> None:
    got = coded(text)
    assert ("13", *want) in [(c[:2], s, t) for c, s, t in got], got
    assert not [c for c, _, _ in got if c[:2] in ("18", "19")], got


def test_investors_hoping_for_a_future_act_is_no_intention() -> None:
    assert not coded("Investors hope the new president will provide firm leadership.")


# ---- headlines -----------------------------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("Japan Urges North Korea to Return to Talks\nThe call came on Monday, a day after the talks stalled.", ("02", "JPN", "PRK")),
    ("Sudan Rejects US-Sponsored Darfur Resolution\nThe vote at the United Nations is due next week.", ("12", "SDN", None)),
    ("Austria to Extradite Turkish Underworld Figure\nThe ruling came on Monday.", ("03", "AUT", "TUR")),
])
def test_a_title_case_headline_is_coded_when_the_lead_does_not_tell_it(text: str, want: tuple[str, str, str | None]) -> None:
    got = roots(text)
    assert [g[:2] for g in got] == [want[:2]], got
    if want[2]:
        assert got[0][2] == want[2]


@pytest.mark.parametrize("text", [
    "British Minister to Visit North Korea in September\nOfficials gave no details.",
    "Karzai to visit Pakistan next week\nTrade will top the agenda.",
    "Putin To Visit India In December\nThe Kremlin gave no details.",
])
def test_a_headline_infinitive_is_an_announced_visit(text: str) -> None:
    got = roots(text)
    assert got and all(c == "03" for c, _, _ in got), got
