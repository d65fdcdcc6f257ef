"""Actor constructions of real wire news (issue 12): datelines and agencies, unnamed groups, unlisted
organisations, historical names, possessives, curly apostrophes, victims and one actor per phrase.

Each construction is checked on invented variants (other names, places and wording), never on a
sentence of the wire gold."""

from __future__ import annotations

from typing import Any

import pytest
from helpers import resolved_mentions

from tealeaves.actors.dateline import dateline_length
from tealeaves.actors.resolve import ActorResolver
from tealeaves.models import Mention


def mentions(resolver: Any, text: str, date: str = "2004-09-01") -> list[Mention]:
    return resolved_mentions(resolver, text, date)


def roots(events: list[Any]) -> set[tuple[str, str, str]]:
    """(source country, target country, CAMEO root) of each event, "---" where unknown."""
    return {((e.source.country if e.source else None) or "---", (e.target.country if e.target else None) or "---",
             e.cameo[:2]) for e in events}


# ---- datelines and news agencies are never actors ---------------------------------------------
@pytest.mark.parametrize("lead, dateline", [
    ("MOSUL, Iraq - Gunmen killed two policemen on Monday.", "MOSUL, Iraq - "),
    ("THE HAGUE: The court adjourned the trial.", "THE HAGUE: "),
    ("MANILA Oct. 3, 2004 - Troops fought rebels.", "MANILA Oct. 3, 2004 - "),
    ("Kabul, Sept. 12 (NNN): Militants fired rockets.", "Kabul, Sept. 12 (NNN): "),
    ("Xinhua - BEIJING (XNA) - Officials met.", "Xinhua - BEIJING (XNA) - "),
    ("Canadian Press - TORONTO (CP) - The mayor spoke.", "Canadian Press - TORONTO (CP) - "),
])
def test_dateline_length(lead: str, dateline: str) -> None:
    assert lead[:dateline_length(lead)] == dateline


@pytest.mark.parametrize("lead", ["Kashmir Talks: Failure Could Be Fatal", "Israeli forces blocked the roads.",
                                  "A spokesman said the talks would go on."])
def test_no_dateline(lead: str) -> None:
    assert dateline_length(lead) == 0


@pytest.mark.parametrize("text, speaker, wrong", [
    ("Army kills rebel leader\n\nAFP - Indian troops killed a senior rebel commander in Kashmir, an army spokesman said.",
     "IND", "PHL"),
    ("Minister visits Seoul\n\nTHE HAGUE: Dutch Foreign Minister Ben Bot said on Monday he would visit Seoul.", "NLD", None),
    ("Talks stall\n\nMADRID Oct. 4, 2004 - A Moroccan envoy said talks with Spain had stalled, officials said.", "MAR", None),
])
def test_dateline_and_agency_never_act(resolver: ActorResolver, text: str, speaker: str, wrong: str | None) -> None:
    ms = mentions(resolver, text)
    lead_start = text.index("\n\n") + 2
    dateline_end = lead_start + dateline_length(text[lead_start:])
    assert not [m for m in ms if m.code and m.start < dateline_end and m.start >= lead_start - 2]
    assert any(m.country == speaker for m in ms)
    if wrong:
        assert all(m.country != wrong for m in ms)


@pytest.mark.parametrize("text", [
    "A ministry official told AFP that the troops would stay.",
    "Reuters reported that the army had withdrawn.",
    "News agencies reported that soldiers had left the town.",
])
def test_agencies_in_the_text_are_not_actors(resolver: ActorResolver, text: str) -> None:
    ms = mentions(resolver, text)
    assert not [m for m in ms if m.text in ("AFP", "Reuters", "News agencies") and (m.code or m.sector)]


def test_afp_still_names_the_philippine_army_in_its_context(resolver: ActorResolver) -> None:
    ms = mentions(resolver, "AFP troops clashed with Abu Sayyaf gunmen on Jolo island in the Philippines.")
    assert any(m.code == "PHLMIL" for m in ms)


@pytest.mark.parametrize("text, country", [
    ("NAJAF, Iraq - Gunmen ambushed a convoy on the main road.", "IRQ"),
    ("GROZNY, Russia (Reuters) - Rebels attacked a checkpoint overnight.", "RUS"),
    ("KATHMANDU, Nepal - Insurgents set fire to a government office.", "NPL"),
])
def test_dateline_place_gives_unnamed_groups_their_country(resolver: ActorResolver, text: str, country: str) -> None:
    ms = mentions(resolver, text)
    assert any(m.country == country and m.sector == "REB" for m in ms)


@pytest.mark.parametrize("text, source", [
    ("BASRA, Iraq - Iraq's interior minister called on tribal leaders to hand over the weapons.", "IRQ"),
    ("LAHORE, Pakistan - Pakistan's top judge called on lawyers to end their strike.", "PAK"),
    ("HEBRON, West Bank - Palestinian leaders called on militants to stop the rocket fire.", "PSE"),
])
def test_dateline_city_taken_for_the_subject_gives_way(code: Any, text: str, source: str) -> None:
    assert any(s == source and r == "02" for s, _, r in roots(code(text, date="2004-09-01")))


# ---- victims never become sources -------------------------------------------------------------
@pytest.mark.parametrize("text, victim", [
    ("Three policemen killed in roadside blast in Kabul", "AFG"),
    ("Two Japanese journalists shot dead in Baghdad", "JPN"),
    ("Seven Filipino truck drivers kidnapped in Iraq", "PHL"),
    ("Six Russian soldiers were reported killed in a rebel attack in Chechnya.", "RUS"),
])
def test_victims_are_targets_never_sources(code: Any, text: str, victim: str) -> None:
    events = code(text, date="2004-09-01")
    found = roots(events)
    assert any(t == victim and r == "18" for _, t, r in found), found
    # the victims never act; another actor of their country may ("a rebel attack in Chechnya": RUSREB)
    victims = {e.target.text for e in events if e.target is not None and e.cameo[:2] == "18"}
    assert not any(e.source is not None and e.source.text in victims for e in events), found
    assert not any(s == victim and t == "---" for s, t, _ in found), found


def test_an_object_on_a_conjunct_keeps_the_subject_acting(code: Any) -> None:
    found = roots(code("Rebels killed and wounded a dozen villagers near Mosul on Sunday.", date="2004-09-01"))
    assert any(s == "IRQ" and r == "18" for s, _, r in found), found


# ---- one actor is never two countries ---------------------------------------------------------
@pytest.mark.parametrize("text, phrase, country, other", [
    ("Moscow charged a Russian-American with spying for Georgia.", "a Russian-American", "USA", "RUS"),
    ("Pakistani kidnappers of three engineers of a Chinese firm freed their captives.", "Pakistani kidnappers", "PAK", "CHN"),
    ("Yemeni abductors of two workers for a German aid agency released them on Monday.", "Yemeni abductors", "YEM", "DEU"),
])
def test_one_actor_one_country(resolver: ActorResolver, text: str, phrase: str, country: str, other: str) -> None:
    found = [m for m in mentions(resolver, text) if m.text == phrase]
    assert found and {m.country for m in found} == {country}, found


def test_coordinated_nationalities_stay_two(resolver: ActorResolver) -> None:
    found = [m.country for m in mentions(resolver, "Kenyan and Ugandan troops patrolled the border.") if m.code]
    assert {"KEN", "UGA"} <= set(found)


# ---- historical names by the article's date ---------------------------------------------------
@pytest.mark.parametrize("text, before, after", [
    ("The Soviet Union protested to Washington.", "SUN", "RUS"),
    ("Zaire closed its border with Rwanda.", "ZAR", "COD"),
    ("Czechoslovakia recalled its ambassador.", "CSK", "CZE"),
    ("East Germany expelled two diplomats.", "DDR", "DEU"),
])
def test_historical_names_follow_the_article_date(resolver: ActorResolver, text: str, before: str, after: str) -> None:
    assert mentions(resolver, text, date="1985-06-01")[0].country == before
    assert mentions(resolver, text, date="2004-06-01")[0].country == after


@pytest.mark.parametrize("text, code", [
    ("Burma freed three dissidents.", "MMR"),
    ("The European Community imposed duties on steel.", "IGOEUREEC"),
    ("West Germany offered credits to Poland.", "DEU"),
])
def test_renamed_states_keep_one_code(resolver: ActorResolver, text: str, code: str) -> None:
    for date in ("1985-06-01", "2004-06-01"):
        assert mentions(resolver, text, date=date)[0].code == code


def test_a_gone_state_adjective_is_history(resolver: ActorResolver) -> None:
    ms = mentions(resolver, "Former Soviet republics signed a trade pact with Iran.", date="2004-06-01")
    assert all(m.country != "RUS" for m in ms)


# ---- unnamed groups take country and sector from context --------------------------------------
@pytest.mark.parametrize("text, code", [
    ("Thousands of textile workers went on strike in Karachi.", "PAKLAB"),
    ("Angry farmers blocked the highway outside Bangkok.", "THAAGR"),
    ("Hundreds of students marched through Tehran on Sunday.", "IRNEDU"),
    ("Nepalese prisoners rioted in Kathmandu.", "NPLCVL"),
])
def test_unnamed_groups_take_context(resolver: ActorResolver, text: str, code: str) -> None:
    assert code in {m.code for m in mentions(resolver, text)}


@pytest.mark.parametrize("text", [
    "Burmese prisoners rioted in Rangoon.",
    "Kurdish prisoners rioted in a jail in Ankara on Friday.",
    "Haitian prisoners rioted in Port-au-Prince.",
])
def test_a_prison_riot_within_one_country_is_kept(code: Any, text: str) -> None:
    assert any(r == "14" for _, _, r in roots(code(text, date="2004-09-01")))


# ---- unlisted organisations by their kind -----------------------------------------------------
@pytest.mark.parametrize("text, phrase, code", [
    ("A London-based rights group condemned the executions.", "A London-based rights group", "NGO"),
    ("A Paris-based humanitarian group accused the army of looting.", "A Paris-based humanitarian group", "NGO"),
    ("A Nigerian rights group criticized the police.", "A Nigerian rights group", "NGANGO"),
    ("A South Korean construction company pulled its staff out of Iraq.", "A South Korean construction company", "KORBUS"),
])
def test_unlisted_organisations_by_kind(resolver: ActorResolver, text: str, phrase: str, code: str) -> None:
    assert [m.code for m in mentions(resolver, text) if m.text == phrase] == [code]


# ---- possessives and curly apostrophes ----------------------------------------------------------
@pytest.mark.parametrize("text, envoy, other", [
    ("Ecuador recalled its ambassador from Colombia.", "ECUGOV", "COL"),
    ("Ghana summoned its envoy from Togo for consultations.", "GHAGOV", "TGO"),
    ("Jordan withdrew its ambassador from Qatar.", "JORGOV", "QAT"),
])
def test_possessive_follows_its_owner(resolver: ActorResolver, text: str, envoy: str, other: str) -> None:
    ms = mentions(resolver, text)
    assert envoy in {m.code for m in ms}
    assert any(m.country == other and not m.rule.startswith("place.") for m in ms)


@pytest.mark.parametrize("straight", [
    "Egypt's foreign minister criticized Israel.",
    "Kenya's police arrested two Somalis.",
    "The opposition accused Zimbabwe's president of fraud.",
])
def test_curly_apostrophes_behave_like_straight_ones(resolver: ActorResolver, straight: str) -> None:
    curly = straight.replace("'", "\u2019")
    assert [m.code for m in mentions(resolver, curly)] == [m.code for m in mentions(resolver, straight)]
