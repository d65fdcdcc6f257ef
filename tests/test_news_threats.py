"""Threats, conditionals, capability headlines, resolutions and aid (issue 12, audit rows 29, 39-42,
60, 61, 64): each construction on invented news sentences, through the full pipeline, with what
must be coded and what must not."""

from __future__ import annotations

from typing import Any

import pytest

from tealeaves.pipeline import code_text

COUNTED = ("asserted", "reported")


def _country(m: Any) -> str | None:
    return None if m is None else m.country or m.code


def coded(text: str) -> list[tuple[str, str | None, str | None]]:
    """(code, source country, target country) of the counted events of ``text``."""
    return [(e.cameo, _country(e.source), _country(e.target))
            for e in code_text(text, date="2004-09-01") if e.modality in COUNTED]


def everything(text: str) -> list[tuple[str, str | None, str | None, str]]:
    """All events of ``text``, counted or not, with their modality."""
    return [(e.cameo, _country(e.source), _country(e.target), e.modality) for e in code_text(text, date="2004-09-01")]


# ---- "issued a warning that any Y act would be met with force / countered" ------------------------
@pytest.mark.parametrize("text, source, target", [
    ("Turkey issued a stern warning that any Greek drilling would be met with force.", "TUR", "GRC"),
    ("Ankara issued a warning that any Greek drilling in the Aegean would be countered.", "TUR", "GRC"),
    ("Russia issued a warning that any Georgian incursion would be met with force.", "RUS", "GEO"),
    ("China issued a stern warning that any Taiwanese move towards independence would be met with force.", "CHN", "TWN"),
    ("There was a stern warning by Ankara that any Greek drilling would be met with force.", "TUR", "GRC"),
])
def test_a_warning_that_any_act_will_be_answered_is_a_threat_of_force(text: str, source: str, target: str) -> None:
    got = everything(text)
    assert ("138", source, target, "asserted") in got, got
    assert not any(c == "130" for c, *_ in got), got  # not a bare warning
    assert not any(s == target for _, s, _, _ in got), got  # the drilling or incursion is no event


@pytest.mark.parametrize("text, source, target", [
    ("The talks followed a warning by Tehran that any Israeli strike will be countered.", "IRN", "ISR"),
    ("A warning by Damascus that any Turkish incursion would be countered raised tension.", "SYR", "TUR"),
    ("Iran gave a warning that any Israeli strike would be countered.", "IRN", "ISR"),
    ("North Korea repeated its warning that any US attack would be met with force.", "PRK", "USA"),
])
def test_a_warning_that_any_strike_will_be_countered_is_no_strike(text: str, source: str, target: str) -> None:
    got = everything(text)
    assert ("138", source, target, "asserted") in got, got
    assert not any(s == target for _, s, _, _ in got), got  # the strike is not coded, even as future


@pytest.mark.parametrize("text, source, target", [
    ("Georgia ignored a warning by Moscow that any Georgian incursion would be met with force.", "RUS", "GEO"),
    ("Israel shrugged off a warning by Damascus that any Israeli raid would be countered.", "SYR", "ISR"),
])
def test_a_warning_received_is_the_threat_of_who_made_it(text: str, source: str, target: str) -> None:
    got = coded(text)
    assert ("138", source, target) in got, got
    assert not any(c[:2] == "13" and s == target for c, s, _ in got), got


@pytest.mark.parametrize("text", [
    "Washington played down a warning that any American strike would be countered.",
    "Turkey rejected a warning that any Turkish drilling would be met with force.",
    "Britain dismissed a warning that any British raid would be countered.",
])
def test_who_plays_down_a_warning_did_not_make_it(text: str) -> None:
    assert not any(c[:2] == "13" for c, _, _ in coded(text)), coded(text)


def test_a_plain_warning_stays_a_warning() -> None:
    assert ("130", "ISR", "SYR") in coded("Israel issued a warning to Syria on Monday.")


@pytest.mark.parametrize("text, source, target", [
    ("North Korea said any US strike would be met with a merciless response.", "PRK", "USA"),
    ("Iran said any Israeli attack would be met with a crushing response.", "IRN", "ISR"),
    ("Syria said any Turkish incursion would be met with a firm response.", "SYR", "TUR"),
])
def test_any_act_met_with_a_response_is_a_threat(text: str, source: str, target: str) -> None:
    got = coded(text)
    assert ("138", source, target) in got, got
    assert not any(c[:2] in ("03", "04", "18", "19") for c, _, _ in got), got


@pytest.mark.parametrize("text", [
    "The Egyptian proposal was met with scepticism in Jerusalem.",
    "The protest in Minsk was met with force, Amnesty International said.",
    "The Syrian offer was met with a cool response in Washington.",
])
def test_what_was_met_with_something_is_no_threat(text: str) -> None:
    assert not any(c[:2] == "13" for c, _, _ in coded(text)), coded(text)


# ---- force on a condition: "may retaliate against Y if", "may send troops into Y if" -------------
@pytest.mark.parametrize("text, source, target", [
    ("India may retaliate against Pakistan if the attacks continue.", "IND", "PAK"),
    ("Israel could retaliate against Syria if the rocket fire goes on.", "ISR", "SYR"),
    ("Armenia will retaliate against Azerbaijan unless the shelling stops.", "ARM", "AZE"),
    ("Turkey may send troops into Iraq if Kurdish rebels keep attacking.", "TUR", "IRQ"),
    ("Russia could send troops into Georgia if the fighting spreads.", "RUS", "GEO"),
    ("Ethiopia may send troops to Somalia if the Islamists advance.", "ETH", "SOM"),
])
def test_force_promised_on_a_condition_is_a_threat_against_the_place(text: str, source: str, target: str) -> None:
    got = everything(text)
    assert ("138", source, target, "asserted") in got, got
    assert not any(c[:2] in ("15", "18", "19") and m in COUNTED for c, _, _, m in got), got
    assert not any(t is not None and t.endswith("MIL") for _, _, t, _ in got), got  # never the troops


def test_retaliation_told_as_done_is_force() -> None:
    got = coded("Israeli troops retaliated against Palestinian gunmen in Gaza on Monday.")
    assert any(c[:2] == "19" and s == "ISR" and t == "PSE" for c, s, t in got), got


# ---- "unless" and non-force threats on a condition -------------------------------------------------
@pytest.mark.parametrize("text, source, target", [
    ("Israel will invade Gaza unless the rocket fire stops.", "ISR", "PSE"),
    ("Russia will bomb the rebel bases in Georgia unless Tbilisi acts.", "RUS", "GEO"),
    ("Uganda will attack the rebel camps in Sudan unless Khartoum closes them.", "UGA", "SDN"),
])
def test_unless_makes_a_threat_without_a_reporting_verb(text: str, source: str, target: str) -> None:
    got = everything(text)
    assert any(c[:2] == "13" and s == source and t == target and m == "asserted" for c, s, t, m in got), got
    assert not any(c[:2] in ("18", "19") for c, *_ in got), got  # no future attack beside the threat


@pytest.mark.parametrize("text, code, source, target", [
    ("Russia may cut gas supplies to Ukraine if Kiev does not pay its debts.", "1311", "RUS", "UKR"),
    ("The United States may cut aid to Egypt if Cairo does not free the dissident.", "1311", "USA", "EGY"),
    ("The European Union may suspend aid to Uzbekistan unless the crackdown ends.", "1311", "IGOEUREEC", "UZB"),
    ("Britain could break off relations with Libya unless the suspects are handed over.", "1313", "GBR", "LBY"),
])
def test_a_cut_put_on_the_other_sides_conduct_is_a_non_force_threat(text: str, code: str, source: str, target: str) -> None:
    got = everything(text)
    assert (code, source, target, "asserted") in got, got
    assert not any(c[:2] == "16" for c, *_ in got), got


def test_a_cut_foreseen_on_a_happening_is_no_threat() -> None:
    got = everything("If talks fail, Russia could recall its ambassador from Ukraine.")
    assert not any(c[:2] == "13" for c, *_ in got), got


# ---- a side saying it, or its weapons, can strike another: headlines and leads ---------------------
@pytest.mark.parametrize("text, source, target", [
    ("Iran Warns Its Missiles Can Reach Israel\nThe defence minister spoke on state television on Tuesday.", "IRN", "ISR"),
    ("North Korea Says Its Missiles Can Hit Japan\nThe statement was read on state radio.", "PRK", "JPN"),
    ("Syria Warns It Can Strike Israel\nThe warning came a day after the raid.", "SYR", "ISR"),
    ("Pakistan Says Its Missiles Can Reach India\nThe army spokesman spoke on Monday.", "PAK", "IND"),
    ("Iran warned that its missiles can reach Israel.", "IRN", "ISR"),
    ("Syria warned it could strike Israel.", "SYR", "ISR"),
])
def test_force_said_to_be_within_reach_is_a_threat(text: str, source: str, target: str) -> None:
    got = everything(text)
    assert ("138", source, target, "asserted") in got, got
    assert not any(c[:2] in ("18", "19") for c, *_ in got), got  # no hypothetical strike either


@pytest.mark.parametrize("text", [
    "Iran Warns Its Missiles Can Reach Israel\nIran warned on Tuesday that its missiles could reach Israel.",
    "Syria Warns It Can Strike Israel\nSyria warned on Monday that it could strike Israel.",
    "North Korea Says Its Missiles Can Hit Japan\nNorth Korea said on Friday its missiles could hit Japan.",
])
def test_a_headline_echoing_the_lead_counts_once(text: str) -> None:
    got = coded(text)
    assert [c[:2] for c, _, _ in got] == ["13"], got


def test_another_sides_weapons_are_no_threat_by_the_speaker() -> None:
    got = coded("Pakistan said Indian missiles could hit Lahore.")
    assert not any(c[:2] == "13" for c, _, _ in got), got


# ---- introducing a resolution on Y ------------------------------------------------------------------
@pytest.mark.parametrize("text, source, target", [
    ("The United States introduced a resolution on Sudan at the Security Council.", "USA", "SDN"),
    ("Britain introduced a resolution on Zimbabwe at the United Nations.", "GBR", "ZWE"),
    ("France introduced a draft resolution on Syria at the Security Council on Tuesday.", "FRA", "SYR"),
    ("Japan submitted a draft resolution on North Korea to the Security Council.", "JPN", "PRK"),
])
def test_a_resolution_introduced_on_a_state_is_an_appeal_about_it(text: str, source: str, target: str) -> None:
    assert ("020", source, target) in coded(text), coded(text)


# ---- aid: the word on it decides the kind ---------------------------------------------------------
@pytest.mark.parametrize("text, code, source, target", [
    ("Norway will provide $20 million in humanitarian aid to Sudan.", "0333", "NOR", "SDN"),
    ("Japan will provide $5 million in food aid to North Korea.", "0333", "JPN", "PRK"),
    ("Japan will give emergency aid to Bangladesh.", "0333", "JPN", "BGD"),
    ("Australia pledged $10 million in humanitarian aid to Indonesia.", "0333", "AUS", "IDN"),
    ("Germany will provide 10 million euros in economic aid to Afghanistan.", "0331", "DEU", "AFG"),
    ("The United States will provide $50 million in military aid to Colombia.", "0332", "USA", "COL"),
    ("Norway will provide $20 million in aid to Sudan.", "033", "NOR", "SDN"),
    ("Britain provided food aid to Niger on Monday.", "073", "GBR", "NER"),
])
def test_the_kind_of_aid_decides_its_code(text: str, code: str, source: str, target: str) -> None:
    got = everything(text)
    assert (code, source, target, "asserted") in got, got
