"""Wrong roots on wire news (issue 12): counted events whose root no reader expects, or events in
items that report no political event at all.

Each construction is checked on invented variants (other names, places and wording), never on a
sentence of the wire gold: what must be coded, and a near sentence that must still be coded."""

from __future__ import annotations

import pytest
from helpers import counted


def coded(text: str) -> list[tuple[str, str | None, str | None]]:
    return counted(text, "2004-09-01")


def roots(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(c[:2], s, t) for c, s, t in coded(text)]


# ---- a headline's killing by no one named is the lead's use of force told in short -------------
@pytest.mark.parametrize("text, want", [
    ("Taliban commander killed in Afghanistan\nA senior Taliban commander was killed in a US air strike"
     " in southern Afghanistan on Monday, the military said.", ("19", "USA", "AFG")),
    ("Hamas militant killed in Gaza\nIsraeli helicopters fired missiles at a car in Gaza City on Tuesday,"
     " killing a Hamas militant, witnesses said.", ("19", "ISR", "PSE")),
    ("Chechen rebel leader killed\nRussian troops fired on a convoy in Chechnya on Monday.", ("19", "RUS", None)),
    ("Two Kurdish rebels killed in Turkey\nTurkish troops killed two Kurdish rebels in clashes in Hakkari"
     " province on Sunday, officials said.", ("19", "TUR", "TUR")),
])
def test_headline_killing_by_no_one_is_the_leads_force(text: str, want: tuple[str, str, str | None]) -> None:
    got = roots(text)
    assert got == [want], got


@pytest.mark.parametrize("text, kept", [
    # the lead tells force against another country's people: another happening
    ("Three Filipinos killed in Iraq\nRussian troops shelled a Chechen village on Monday, killing four civilians.",
     ("18", None, "PHL")),
    # the lead tells no force at all
    ("Two Afghan soldiers killed\nAfghan troops arrested three men in Kabul on Sunday.", ("18", None, "AFG")),
])
def test_headline_killing_stays_when_the_lead_tells_another_happening(text: str, kept: tuple[str, None, str]) -> None:
    assert kept in roots(text)


# ---- an act named by the infinitive of an intention noun has not happened ----------------------
@pytest.mark.parametrize("text, want", [
    ("North Korea's threat to attack South Korea raised tension in Seoul.", ("138", "PRK", "KOR")),
    ("The Chinese threat to invade Taiwan was condemned by Washington.", ("138", "CHN", "TWN")),
    ("Hamas's vow to kill Israeli soldiers alarmed Jerusalem.", ("138", "PSE", "ISR")),
])
def test_threat_to_use_force_is_a_threat_not_force(text: str, want: tuple[str, str, str]) -> None:
    got = coded(text)
    assert want in got, got
    assert not [c for c, _, _ in got if c[:2] in ("18", "19", "20")], got


@pytest.mark.parametrize("text, never", [
    ("Egypt welcomed the Israeli plan to withdraw troops from Gaza.", "08"),
    ("Pakistan's plan to send troops to Iraq was criticised by the opposition.", "07"),
    ("Poland's proposal to impose sanctions on Belarus was rejected by Germany.", "16"),
])
def test_a_planned_or_proposed_act_is_not_counted(text: str, never: str) -> None:
    got = coded(text)
    assert not [c for c, _, _ in got if c[:2] == never], got


@pytest.mark.parametrize("text, want", [
    # a decision to impose sanctions is the imposition; the attack itself stays an attack
    ("The UN decision to impose an arms embargo on Sudan angered Khartoum.", ("16", "IGOUNO", "SDN")),
    ("Israeli troops attacked a refugee camp in Gaza, defying a threat by Hamas.", ("19", "ISR", "PSE")),
])
def test_decided_and_done_acts_are_still_coded(text: str, want: tuple[str, str, str]) -> None:
    assert want in roots(text), roots(text)


# ---- naming a thing (not someone) as something is a comment about no one ------------------------
@pytest.mark.parametrize("text", [
    "What the Spanish prime minister called the return of terror shocked Madrid.",
    "Japan's prime minister described the election as a victory for democracy.",
    "The Thai prime minister called the bombing a cowardly act.",
])
def test_naming_a_thing_is_no_event(text: str) -> None:
    got = coded(text)
    assert not [c for c, _, _ in got if c[:2] == "01"], got


@pytest.mark.parametrize("text, want", [
    ("Iran described the US president as a war criminal.", ("111", "IRN", "USA")),
    ("North Korea called the South Korean minister a liar.", ("111", "PRK", "KOR")),
    ("Chirac described Blair as a close friend.", ("051", "FRA", "GBR")),
    ("Russia's foreign minister commented on the Iranian nuclear programme.", ("010", "RUS", "IRN")),
    # other comments with no one named stay statements (as the ConfliBERT data has them)
    ("The Japanese government expressed concern on Friday.", ("012", "JPN", None)),
])
def test_naming_someone_and_other_comments_are_still_coded(text: str, want: tuple[str, str, str | None]) -> None:
    assert want in coded(text), coded(text)


# ---- "poised to" is about to: the act has not happened ----------------------------------------
@pytest.mark.parametrize("text", [
    "Turkey is poised to send troops into northern Iraq.",
    "The European Union is poised to impose sanctions on Burma.",
    "Japan is poised to lift its ban on US beef imports.",
])
def test_poised_to_act_is_not_counted(text: str) -> None:
    assert coded(text) == [], coded(text)


def test_the_act_done_is_still_coded() -> None:
    assert ("163", "IGOEUREEC", "MMR") in coded("The European Union imposed sanctions on Burma on Monday.")
