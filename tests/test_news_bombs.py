"""Force, frames and false events on news (issue 12): what a weapon set off struck, missile strikes,
leaving a pact, journeys that are no visits, and what a perfect participle tells as past. Every
sentence is invented; each construction has at least three variants and the sentences that must
not be coded so."""

from __future__ import annotations

from typing import Any

import pytest

DATE = "2004-09-01"


def counted(events: list[Any]) -> list[Any]:
    return [e for e in events if e.modality in ("asserted", "reported")]


def got(events: list[Any]) -> list[tuple[str, str | None, str | None]]:
    """(CAMEO code, source country, target country) of the asserted or reported events."""
    return [(e.cameo, e.source.country if e.source else None, e.target.country if e.target else None)
            for e in counted(events)]


# ---- a weapon set off near, under, on or outside something strikes it (183) ------------------
@pytest.mark.parametrize(("text", "target"), [
    ("Militants detonated a bomb near an Indian army convoy in Kashmir.", "INDMIL"),
    ("Rebels detonated a landmine under a Colombian army truck.", "COLMIL"),
    ("Guerrillas set off a bomb outside a Turkish police station in Diyarbakir.", "TURCOP"),
    ("Insurgents detonated a roadside bomb near a US military patrol in Baquba.", "USAMIL"),
    ("Maoist rebels detonated a landmine under a Nepalese army vehicle in western Nepal.", "NPLMIL"),
])
def test_what_a_weapon_went_off_beside_is_its_target(code: Any, text: str, target: str) -> None:
    bombings = [e for e in counted(code(text, date=DATE)) if e.cameo.startswith("183")]
    assert bombings, got(code(text, date=DATE))
    assert [e.target.code for e in bombings if e.target is not None] == [target], got(code(text, date=DATE))


@pytest.mark.parametrize(("text", "country"), [
    ("Separatists detonated explosives on a railway line in southern Thailand.", "THA"),
    ("Rebels detonated explosives on a gas pipeline in northern Colombia.", "COL"),
    ("Militants set off explosives on a road in eastern Afghanistan.", "AFG"),
])
def test_explosives_set_off_at_a_site_strike_the_place(code: Any, text: str, country: str) -> None:
    events = got(code(text, date=DATE))
    assert any(c.startswith("183") and t == country for c, _, t in events), events


def test_the_weapon_set_off_is_never_the_target_nor_the_source(code: Any) -> None:
    events = counted(code("Rebels detonated a landmine under a Colombian army truck.", date=DATE))
    assert all(e.source is None or e.source.country != "COL" for e in events), got(events)
    assert all(e.target is None or e.target.text != "a landmine" for e in events), got(events)


# ---- a missile strike is aerial (195), like a drone or air strike; its agent stays unknown ----
@pytest.mark.parametrize(("text", "target"), [
    ("A missile strike hit a house in Gaza.", "PSE"),
    ("A missile strike killed three militants in southern Lebanon.", "LBN"),
    ("A missile strike destroyed a compound in northern Waziristan, Pakistan.", "PAK"),
])
def test_a_missile_strike_is_aerial_force_by_no_one_named(code: Any, text: str, target: str) -> None:
    events = got(code(text, date=DATE))
    assert ("195", None, target) in events, events


def test_a_named_missile_strike_keeps_its_agent(code: Any) -> None:
    events = got(code("A US missile strike hit a house in northern Iraq.", date=DATE))
    assert any(c == "195" and s == "USA" for c, s, _ in events), events


# ---- leaving a pact or treaty reduces relations with its other party (16x) -------------------
@pytest.mark.parametrize(("text", "want"), [
    ("Georgia's move to pull out of the pact with Russia drew criticism.", ("16", "GEO", "RUS")),
    ("Belarus's move to pull out of the pact with Poland drew criticism.", ("16", "BLR", "POL")),
    ("North Korea's move to pull out of the treaty with the United States alarmed Japan.", ("16", "PRK", "USA")),
    ("Iran's move to pull out of the pact with Britain was condemned.", ("16", "IRN", "GBR")),
])
def test_a_move_to_leave_a_pact_targets_its_other_party(code: Any, text: str, want: tuple[str, str, str]) -> None:
    events = got(code(text, date=DATE))
    assert want in [(c[:2], s, t) for c, s, t in events], events
    assert not [e for e in events if e[0].startswith("087")], events  # no de-escalation


@pytest.mark.parametrize("text", [
    "The move to pull out of the pact with Russia angered Ukrainians.",
    "The move to pull out of the treaty with Japan surprised diplomats.",
    "The decision to pull out of the pact with Poland angered farmers.",
])
def test_an_ownerless_move_never_takes_the_pacts_other_party_as_its_source(code: Any, text: str) -> None:
    events = got(code(text, date=DATE))
    leaving = [e for e in events if e[0].startswith("16")]
    assert all(s is not None and s != t for _, s, t in leaving), events


@pytest.mark.parametrize(("text", "want"), [
    ("The suspension of talks with Iran was announced by Britain.", ("GBR", "IRN")),
    ("The suspension of negotiations with Syria was announced by France.", ("FRA", "SYR")),
    ("The suspension of talks with North Korea was announced by Japan.", ("JPN", "PRK")),
])
def test_a_suspension_announced_by_a_state_is_its_own(code: Any, text: str, want: tuple[str, str]) -> None:
    events = got(code(text, date=DATE))
    assert any(c.startswith("16") and (s, t) == want for c, s, t in events), events
    assert not [e for e in events if e[0].startswith("01")], events  # no bare statement


# ---- migrants, refugees, tourists and workers who arrive make no visit (042/043) -------------
@pytest.mark.parametrize("text", [
    "Hundreds of immigrants who arrived in Canada last year found jobs.",
    "Tourists who arrived in Thailand were evacuated.",
    "Thousands of refugees arrived in Chad from Sudan.",
    "Migrant workers arrived in Malaysia from Indonesia.",
    "Albanian immigrants arrived in Italy by boat.",
])
def test_a_private_journey_is_no_visit(code: Any, text: str) -> None:
    events = got(code(text, date=DATE))
    assert not [e for e in events if e[0][:3] in ("042", "043")], events


@pytest.mark.parametrize(("text", "want"), [
    ("The Chinese premier arrived in Japan on Monday.", ("042", "CHN", "JPN")),
    ("A delegation of Sudanese rebels arrived in Nigeria for talks.", ("042", "SDN", "NGA")),
    ("Germany hosted the Chinese premier.", ("043", "DEU", "CHN")),
])
def test_a_political_journey_stays_a_visit(code: Any, text: str, want: tuple[str, str, str]) -> None:
    assert want in got(code(text, date=DATE))


# ---- what a perfect participle tells came before: the sentence reports its main clause --------
@pytest.mark.parametrize(("text", "visit"), [
    ("Having rejected three earlier invitations, the Turkish president visited Armenia.", ("042", "TUR", "ARM")),
    ("Having turned down two earlier invitations, the Iranian foreign minister visited Iraq.", ("042", "IRN", "IRQ")),
    ("Having refused an invitation last year, the Chinese premier travelled to Japan on Monday.", ("042", "CHN", "JPN")),
])
def test_a_perfect_participle_is_background_to_the_visit(code: Any, text: str, visit: tuple[str, str, str]) -> None:
    events = got(code(text, date=DATE))
    assert events == [visit], events


def test_a_perfect_participle_alone_is_still_coded(code: Any) -> None:
    events = got(code("Having rejected the proposal, Iran said nothing more.", date=DATE))
    assert any(c.startswith("12") and s == "IRN" for c, s, _ in events), events


# ---- "A suicide bombing killed five people": the weapon is the subject, not a noun phrase ------
@pytest.mark.parametrize(("text", "want"), [
    ("A suicide bombing killed at least five people in a crowded Tel Aviv market.", ("1831", None, "ISR")),
    ("A suicide bombing killed at least six people and injured 40 others in a busy Haifa bus station.", ("1831", None, "ISR")),
    ("A car bombing killed eight people and wounded 20 others at a police station in Baghdad.", ("1832", None, "IRQ")),
    ("A roadside bombing killed three soldiers in southern Afghanistan.", ("1833", None, "AFG")),
])
def test_a_bombing_that_kills_is_told_with_no_agent_and_the_place_struck(code: Any, text: str, want: tuple[str, None, str]) -> None:
    assert want in got(code(text, date=DATE))


def test_a_participle_on_a_person_stays_a_reduced_passive(code: Any) -> None:
    # "Two men arrested in Karachi": the men were arrested, they arrested no one
    events = got(code("Two Egyptian men arrested in Karachi on Monday.", date=DATE))
    assert all(s != "EGY" for _, s, _ in events), events


# ---- "near the border with Afghanistan" is not in Afghanistan ---------------------------------
@pytest.mark.parametrize(("text", "wrong"), [
    ("Pakistani forces have been battling al Qaeda fighters in a tribal area near the border with Afghanistan.", "AFG"),
    ("Militants detonated a bomb near the border with Iraq.", "IRQ"),
    ("Turkish troops attacked Kurdish rebels in a mountain area close to the border with Iraq.", "IRQ"),
])
def test_a_place_near_a_border_is_not_in_the_neighbouring_state(code: Any, text: str, wrong: str) -> None:
    events = got(code(text, date=DATE))
    assert events and all(t != wrong for _, _, t in events), events


def test_a_place_inside_a_state_still_gives_its_victims_a_country(code: Any) -> None:
    events = got(code("Gunmen attacked a police post in a village near Peshawar in Pakistan.", date=DATE))
    assert any(c.startswith("18") and t == "PAK" for c, _, t in events), events


# ---- an attack in an attempt to kill someone is aimed at them; at a leader, an assassination try -
@pytest.mark.parametrize(("text", "want"), [
    ("Attackers set off a bomb in a failed effort to kill the Afghan vice president.", ("186", "AFG")),
    ("Gunmen opened fire on a motorcade in an apparent attempt to kill the Pakistani prime minister.", ("186", "PAK")),
    ("Insurgents detonated a roadside bomb in an attempt to assassinate the Iraqi interior minister.", ("186", "IRQ")),
])
def test_an_attack_meant_to_kill_a_leader_is_an_assassination_attempt(code: Any, text: str, want: tuple[str, str]) -> None:
    events = got(code(text, date=DATE))
    assert any(c == want[0] and t == want[1] for c, _, t in events), events


def test_an_attack_meant_to_kill_soldiers_stays_an_attack_on_them(code: Any) -> None:
    events = got(code("Militants set off a bomb in an attempt to kill Indian soldiers in Kashmir.", date=DATE))
    assert any(c.startswith("18") and t == "IND" for c, _, t in events), events
    assert not [e for e in events if e[0] == "186"], events


# ---- armed forces advancing into a place take it (192); crowds and storms do not ----------------
@pytest.mark.parametrize(("text", "want"), [
    ("Israeli tanks rolled into the Jabalya refugee camp in northern Gaza.", ("192", "ISR", "PSE")),
    ("US Marines pushed into the center of Falluja on Tuesday.", ("192", "USA", "IRQ")),
    ("Russian troops moved into the Georgian town of Gori.", ("192", "RUS", "GEO")),
])
def test_armed_forces_advancing_into_a_place_take_it(code: Any, text: str, want: tuple[str, str, str]) -> None:
    assert want in got(code(text, date=DATE))


@pytest.mark.parametrize("text", [
    "Thousands of protesters moved into the main square of Kiev.",
    "The storm moved into southern Florida on Monday.",
    "Investors moved into Chinese bonds.",
    "Hurricane Ivan rolled into Jamaica.",
])
def test_moving_in_by_no_armed_force_is_no_occupation(code: Any, text: str) -> None:
    events = got(code(text, date=DATE))
    assert not [e for e in events if e[0].startswith("19")], events
