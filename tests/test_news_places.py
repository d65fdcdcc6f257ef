"""Actors and places (issue 12): regions of a state, regional peoples, a state's institutions placed by
"in <place>" or a dateline, and double nationalities.

Each construction is checked on invented variants (other names, places and wording), never on a sentence
of the wire gold, with the cases where a country must not be given."""

from __future__ import annotations

from typing import Any

import pytest


def roots(events: list[Any]) -> set[tuple[str, str, str]]:
    """(source country, target country, CAMEO root) of each counted event, "---" where unknown."""
    return {((e.source.country if e.source else None) or "---", (e.target.country if e.target else None) or "---",
             e.cameo[:2]) for e in events if e.modality in ("asserted", "reported")}


def codes(events: list[Any]) -> set[tuple[str | None, str | None, str]]:
    """(source code, target code, CAMEO root) of each counted event."""
    return {(e.source.code if e.source else None, e.target.code if e.target else None, e.cameo[:2])
            for e in events if e.modality in ("asserted", "reported")}


# ---- a people of one region of one state names that state ------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Russian police confiscated explosives from Chechen rebels.", ("RUSCOP", "RUSREB", "17")),
    ("Police confiscated rifles from Acehnese separatists on Sunday.", (None, "IDNREB", "17")),
    ("Chechen rebels attacked a Russian army convoy near the border.", ("RUSREB", "RUSMIL", "18")),
    ("Acehnese rebels attacked an Indonesian army post on Friday.", ("IDNREB", "IDNMIL", "18")),
    ("Darfuri refugees accused the Sudanese government of abuses.", ("SDNREF", "SDNGOV", "11")),
    ("Corsican separatists bombed a police station overnight.", ("FRAREB", None, "18")),
])
def test_a_regional_people_takes_its_state(code: Any, text: str, expected: tuple[str | None, str | None, str]) -> None:
    assert expected in codes(code(text, date="2004-09-01"))


@pytest.mark.parametrize("text, phrase", [
    # peoples who live in several states, or in a disputed region, keep no country unless the text names the state
    ("Kashmiri militants attacked an Indian army camp on Monday.", "Kashmiri militants"),
    ("Kurdish rebels attacked a Turkish army post on Monday.", "Kurdish rebels"),
    ("Tamil rebels attacked a Sri Lankan navy boat on Monday.", "Tamil rebels"),
    ("Baluch tribesmen attacked a gas pipeline on Monday.", "Baluch tribesmen"),
])
def test_a_people_of_several_states_keeps_no_country(code: Any, text: str, phrase: str) -> None:
    events = code(text, date="2004-09-01")
    assert not any(e.source is not None and e.source.text == phrase and e.source.country for e in events), codes(events)


def test_a_people_of_several_states_takes_the_state_the_text_names(code: Any) -> None:
    assert ("TUR", "TUR", "18") in roots(code("Kurdish rebels attacked an army post in Turkey on Monday.", date="2004-09-01"))


# ---- what is taken from someone: the one it is taken from is the target ----------------------------
@pytest.mark.parametrize("text, expected", [
    ("Indian police confiscated weapons from Maoist rebels in Bihar.", ("IND", "IND", "17")),
    ("Philippine troops seized explosives from rebels in Mindanao.", ("PHL", "PHL", "17")),
    ("Russian police confiscated rifles from Chechen fighters.", ("RUS", "RUS", "17")),
])
def test_a_thing_taken_from_someone_targets_them(code: Any, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in roots(code(text, date="2004-09-01"))


# ---- a state's institutions sit where the story places them ----------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Lawmakers in Kenya accused the government of corruption.", ("KENLEG", "KENGOV", "11")),
    ("Kenya row\n\nNAIROBI, Kenya - Lawmakers accused the government of corruption.", ("KENLEG", "KENGOV", "11")),
    ("Opposition lawmakers in Zimbabwe accused the government of rigging the vote.", ("ZWELEG", "ZWEGOV", "11")),
    ("Legislators in Peru criticised the government over the budget.", ("PERLEG", "PERGOV", "11")),
    ("A court in Cairo sentenced five militants to death.", ("EGYJUD", "EGYREB", "11")),
    ("Militants sentenced\n\nCAIRO, Egypt - A court sentenced five militants to death.", ("EGYJUD", "EGYREB", "11")),
    ("Peru vote\n\nLIMA, Peru (Reuters) - Congress voted on Monday to censure the government.", ("PERLEG", "PERGOV", "11")),
    ("A court in Jakarta convicted two Australians of drug smuggling.", ("IDNJUD", "AUS", "11")),
    ("Judges in Lima sentenced a former spy chief to 15 years in prison.", ("PERJUD", "PERSPY", "11")),
])
def test_an_institution_takes_the_place_or_the_dateline(code: Any, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in codes(code(text, date="2004-09-01"))


def test_lawmakers_in_a_place_criticising_another_state(code: Any) -> None:
    assert ("TWN", "CHN", "11") in roots(code("Lawmakers in Taiwan criticised China over the missiles.", date="2004-09-01"))


@pytest.mark.parametrize("text, phrase", [
    # a government under a dateline, when the sentence names another state, may be that state's
    ("Darfur row\n\nCAIRO, Egypt - Sudanese rebels accused the government of bombing villages.", "the government"),
    # foreign judges are not the place's own
    ("Foreign judges in Sarajevo sentenced a former commander to prison.", "Foreign judges"),
    # lawyers serve whoever hires them: no institution of the dateline's state
    ("Trial row\n\nANKARA, Turkey - Lawyers accused the court of bias.", "Lawyers"),
])
def test_an_institution_from_elsewhere_keeps_no_country(code: Any, text: str, phrase: str) -> None:
    events = code(text, date="2004-09-01")
    sides = [m for e in events for m in (e.source, e.target) if m is not None and m.text == phrase]
    assert not any(m.country for m in sides), codes(events)


@pytest.mark.parametrize("text, state", [
    # the parser may hang the phrase on the dateline; "foreign" is still read on the phrase itself
    ("Air raid reported\n\nKHARTOUM, Sudan - Foreign warplanes bombed a village on Monday.", "SDN"),
    ("Militia camp hit\n\nNAIROBI, Kenya - Foreign troops attacked a militia camp on Monday.", "KEN"),
    ("Raid in the south\n\nBEIRUT, Lebanon - Unidentified warplanes struck a town in the south.", "LBN"),
])
def test_foreign_forces_never_take_the_dateline(code: Any, text: str, state: str) -> None:
    found = roots(code(text, date="2004-09-01"))
    assert not any(s == state for s, _, _ in found), found


# ---- regions of a state place what happens there, and give unnamed groups its country ---------------
@pytest.mark.parametrize("text, expected", [
    ("Indian police raided a mosque in Gujarat on Friday.", ("IND", "---", "19")),
    ("Militants attacked a police post in Gujarat on Friday.", ("IND", "IND", "18")),
    ("Police arrested ten protesters in Bihar on Monday.", ("IND", "IND", "17")),
    ("Rebels attacked an army post in Sindh on Monday.", ("PAK", "PAK", "18")),
    ("Police arrested twelve protesters in Bavaria on Monday.", ("DEU", "DEU", "17")),
    ("Rebels attacked a village in Darfur on Monday.", ("SDN", "SDN", "18")),
])
def test_a_region_gives_its_state(code: Any, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in roots(code(text, date="2004-09-01"))


@pytest.mark.parametrize("text, region, state", [
    ("Police raided mosques in Dagestan on Friday.", "Dagestan", "RUS"),
    ("Police raided a mosque in Gujarat on Friday.", "Gujarat", "IND"),
    ("Soldiers raided a village in Sindh on Friday.", "Sindh", "PAK"),
    ("Troops raided a village in Kordofan on Friday.", "Kordofan", "SDN"),
])
def test_a_region_is_where_the_event_happened(code: Any, text: str, region: str, state: str) -> None:
    places = {(e.location.name, e.location.country) for e in code(text, date="2004-09-01") if e.location}
    assert (region, state) in places, places


@pytest.mark.parametrize("text, phrase, state", [
    # a region named like a common word, a compass word or a person places no one
    ("Police in Delta arrested ten protesters.", "Police", "NGA"),
    ("Troops killed five rebels in Rivers on Monday.", "Troops", "NGA"),
    ("Soldiers in the North attacked a rebel camp.", "Soldiers", "CMR"),
    ("Herrera accused the government of fraud.", "Herrera", "PAN"),
    # a region of two states, or a disputed one, gives none
    ("Militants attacked a police post in Punjab on Monday.", "Militants", "IND"),
    ("Militants killed three soldiers in Kashmir on Monday.", "Militants", "IND"),
    ("Police in Jerusalem arrested ten protesters.", "Police", "PSE"),
])
def test_a_region_name_that_reads_otherwise_places_no_one(code: Any, text: str, phrase: str, state: str) -> None:
    events = code(text, date="2004-09-01")
    sides = [m for e in events for m in (e.source, e.target) if m is not None]
    assert not any(m.country == state for m in sides if m.text.startswith(phrase)), codes(events)


# ---- one person is one country (docs/annotation.md: "One person, one country") -----------------------
@pytest.mark.parametrize("text, country, other", [
    ("A British-Pakistani man was arrested in Karachi.", "GBR", "PAK"),
    ("A Swedish-Iranian doctor was detained in Tehran on Monday.", "SWE", "IRN"),
    ("A Canadian-Syrian engineer was detained in Damascus.", "CAN", "SYR"),
    ("A French-Algerian woman was arrested in Algiers on Friday.", "FRA", "DZA"),
    ("Two British-Pakistani men were arrested in Lahore.", "GBR", "PAK"),
    # ancestry first, citizenship last
    ("Gunmen abducted a Lebanese-American contractor in Baghdad.", "USA", "LBN"),
    ("An Iranian-American scholar was detained in Tehran.", "USA", "IRN"),
    ("Police in Beijing detained a Chinese-Canadian businessman.", "CAN", "CHN"),
])
def test_a_double_nationality_is_one_country(code: Any, text: str, country: str, other: str) -> None:
    events = code(text, date="2004-09-01")
    targets = [e.target.country for e in events if e.target is not None and "-" in e.target.text]
    assert targets and set(targets) == {country}, codes(events)
    assert len([e for e in events if e.target is not None and "-" in e.target.text]) == 1, codes(events)


def test_a_hyphenated_pair_on_a_force_stays_two_states(resolver: Any) -> None:
    from helpers import resolved_mentions

    found = {m.country for m in resolved_mentions(resolver, "US-Iraqi troops raided a house near Mosul.") if m.text == "US-Iraqi troops"}
    assert {"USA", "IRQ"} <= found, found
