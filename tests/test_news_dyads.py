"""Who-to-whom constructions of real wire news (issue 12): acts two sides do together (talks,
fighting) written in both directions, and the countries of unnamed domestic actors.

Each construction is checked on invented variants (other names, places and wording), never on a
sentence of the wire gold."""

from __future__ import annotations

from typing import Any

import pytest


def dyads(events: list[Any]) -> set[tuple[str, str, str]]:
    """(source country, target country, CAMEO root) of each event, "---" where unknown."""
    return {((e.source.country if e.source else None) or "---", (e.target.country if e.target else None) or "---",
             e.cameo[:2]) for e in events}


# ---- talks and fighting "with" the other side: each side acts on the other ----------------------
@pytest.mark.parametrize("text, a, b, root", [
    ("Jordanian Foreign Minister Hani Mulki held talks with Egyptian officials in Cairo on Monday.", "JOR", "EGY", "04"),
    ("Ugandan troops fought a fierce gunbattle with Sudanese soldiers near the border town of Nimule, officials said.", "UGA", "SDN", "19"),
    ("Indian soldiers clashed with Pakistani troops along the Line of Control on Sunday.", "IND", "PAK", "19"),
    ("The Chinese foreign minister met with Japanese diplomats in Beijing on Tuesday.", "CHN", "JPN", "04"),
])
def test_act_with_the_other_side_goes_both_ways(code: Any, text: str, a: str, b: str, root: str) -> None:
    got = dyads(code(text, date="2004-09-01"))
    assert (a, b, root) in got
    assert (b, a, root) in got


@pytest.mark.parametrize("text, a, b, root", [
    # one-sided acts: the target does nothing back
    ("Israeli helicopters attacked a Hamas car in Gaza City on Tuesday.", "ISR", "PSE", "19"),
    ("Iranian President Mohammad Khatami visited Syria on Monday.", "IRN", "SYR", "04"),
    ("Colombian police arrested three Venezuelan smugglers on Friday.", "COL", "VEN", "17"),
    # "X battled Y": the text makes X the one who fights
    ("Russian troops battled Georgian soldiers near the border on Friday.", "RUS", "GEO", "19"),
])
def test_one_sided_act_is_not_mirrored(code: Any, text: str, a: str, b: str, root: str) -> None:
    got = dyads(code(text, date="2004-09-01"))
    assert (a, b, root) in got
    assert (b, a, root) not in got


def test_two_sides_of_one_country_make_one_dyad(code: Any) -> None:
    # "police clashed with protesters" in one country: the dyad is written once, not twice
    events = [e for e in code("Kenyan riot police clashed with Kenyan students in Nairobi on Monday.", date="2004-09-01")
              if e.cameo[:2] == "19"]
    assert len(events) == 1


# ---- "talks/clashes between A and B": the sides listed act on each other --------------------------
@pytest.mark.parametrize("text, a, b, root", [
    ("The first round of talks between India and Pakistan ended in New Delhi on Monday.", "IND", "PAK", "04"),
    ("Heavy fighting between Ethiopian troops and Eritrean soldiers broke out along the border on Friday.", "ETH", "ERI", "19"),
    ("Fierce clashes between Israeli troops and Palestinian gunmen left five dead in Rafah on Sunday.", "ISR", "PSE", "19"),
    ("Negotiations between Greece and Turkey resumed in Athens on Wednesday.", "GRC", "TUR", "04"),
])
def test_act_between_two_sides_goes_both_ways(code: Any, text: str, a: str, b: str, root: str) -> None:
    got = dyads(code(text, date="2004-09-01"))
    assert (a, b, root) in got
    assert (b, a, root) in got


def test_side_of_no_country_makes_no_dyad(code: Any) -> None:
    # "between US forces and militants": the militants' country is not told, so no dyad is made up
    got = dyads(code("A fierce battle between Spanish forces and militants lasted all night.", date="2004-09-01"))
    assert ("ESP", "---", "19") not in got and ("---", "ESP", "19") not in got


# ---- unnamed agents of the law and the people they hold ---------------------------------------
@pytest.mark.parametrize("text, source, target", [
    # the police or authorities who report an arrest made it; of no country, they are the state
    # of the place, else of the one they hold
    ("A Russian businessman was detained in Tbilisi on Monday, police said.", "GEO", "RUS"),
    ("MANILA - A Filipino journalist was arrested on libel charges Saturday, authorities said.", "PHL", "PHL"),
    ("A French aid worker was arrested in Kinshasa on spying charges, police said.", "COD", "FRA"),
])
def test_reporting_police_made_the_arrest(code: Any, text: str, source: str, target: str) -> None:
    assert (source, target, "17") in dyads(code(text, date="2004-09-01"))


@pytest.mark.parametrize("text", [
    # a witness or a lawyer who reports an arrest is not who made it: the agent stays unknown
    "A Russian businessman was detained in Tbilisi on Monday, his lawyer said.",
    "Two Chilean students were arrested in Santiago, witnesses said.",
])
def test_other_reporters_did_not_make_the_arrest(code: Any, text: str) -> None:
    got = [e for e in code(text, date="2004-09-01") if e.cameo[:2] == "17"]
    assert got and all(e.source is None for e in got)


@pytest.mark.parametrize("text, country", [
    ("An Egyptian court sentenced a Muslim militant to ten years in prison on Thursday.", "EGY"),
    ("Thai police arrested a suspected separatist on Monday.", "THA"),
    ("A Turkish court jailed two journalists for insulting the state.", "TUR"),
])
def test_people_held_by_their_own_state(code: Any, text: str, country: str) -> None:
    got = dyads(code(text, date="2004-09-01"))
    # an arrest is 17x; a court's sentence is a verdict, 116 (docs/annotation.md)
    assert (country, country, "17") in got or (country, country, "11") in got, got


def test_held_people_keep_a_stated_nationality(code: Any) -> None:
    # a nationality on the people held wins over the state that holds them
    got = dyads(code("Pakistani police arrested two Saudi militants in Karachi on Monday.", date="2004-09-01"))
    assert ("PAK", "SAU", "17") in got and ("PAK", "PAK", "17") not in got


def test_soldiers_do_not_make_their_captives_their_own(code: Any) -> None:
    # troops hold people abroad as often as at home: only police, courts and authorities hold their own
    got = dyads(code("American soldiers detained three suspects on Sunday.", date="2004-09-01"))
    assert ("USA", "USA", "17") not in got


# ---- "the ministers of A and B": one actor of each listed state -----------------------------------
@pytest.mark.parametrize("text, a, b, root", [
    ("The foreign ministers of Armenia and Azerbaijan concluded a new round of talks in Prague.", "ARM", "AZE", "04"),
    ("The defence ministers of Greece and Turkey held talks in Athens on Monday.", "GRC", "TUR", "04"),
    ("The prime ministers of Japan and South Korea agreed to work together against piracy.", "JPN", "KOR", "03"),
])
def test_listed_states_act_on_each_other(code: Any, text: str, a: str, b: str, root: str) -> None:
    got = dyads(code(text, date="2004-09-01"))
    assert (a, b, root) in got and (b, a, root) in got


def test_listed_states_each_act_on_a_third(code: Any) -> None:
    got = dyads(code("The presidents of Brazil and Argentina criticized the United States on Monday.", date="2004-09-01"))
    assert {("BRA", "USA", "11"), ("ARG", "USA", "11")} <= got
    assert ("BRA", "ARG", "11") not in got


def test_one_phrase_of_two_nationalities_is_one_side(code: Any) -> None:
    # "US and Iraqi troops" fight together, not each other
    got = dyads(code("British and Afghan troops battled in Helmand on Monday.", date="2004-09-01"))
    assert ("GBR", "AFG", "19") not in got and ("AFG", "GBR", "19") not in got


# ---- a city named on a weapon is where it struck, not who struck ----------------------------------
@pytest.mark.parametrize("text, place", [
    ("A Kabul suicide bombing killed three soldiers on Monday.", "AFG"),
    ("A Baghdad car bomb killed four policemen on Sunday.", "IRQ"),
    ("A Karachi car bomb killed six policemen on Friday.", "PAK"),
])
def test_city_on_a_weapon_is_the_place(code: Any, text: str, place: str) -> None:
    got = {d for d in dyads(code(text, date="2004-09-01")) if d[2] == "18"}
    assert got == {("---", place, "18")}


def test_state_on_a_weapon_still_struck(code: Any) -> None:
    # a state named on a weapon is the one who used it
    assert ("USA", "IRQ", "19") in dyads(code("A US air strike killed five militants in Falluja.", date="2004-09-01"))


# ---- protests with no place named in the sentence: the dateline's state, else the protesters' own --
@pytest.mark.parametrize("text, country", [
    ("Crowds rally\n\nMANILA - Thousands of demonstrators marched past the presidential palace on Sunday, chanting slogans.", "PHL"),
    ("Students protest\n\nCAIRO, Egypt - Hundreds of students marched through the streets on Monday, chanting slogans.", "EGY"),
    ("Thousands of Thai students marched through the streets of the capital on Monday.", "THA"),
])
def test_protest_at_home(code: Any, text: str, country: str) -> None:
    assert (country, country, "14") in dyads(code(text, date="2004-09-01"))


def test_protest_place_named_wins_over_the_dateline(code: Any) -> None:
    got = dyads(code("Protests\n\nLONDON - Thousands of Iranian students demonstrated in Tehran on Monday.", date="2004-09-01"))
    assert ("IRN", "IRN", "14") in got and not any(d[1] == "GBR" for d in got)


def test_police_of_the_dateline_made_the_arrest(code: Any) -> None:
    got = dyads(code("Arrest\n\nNAIROBI, Kenya - A German tourist was arrested on drug charges Friday, authorities said.",
                     date="2004-09-01"))
    assert ("KEN", "DEU", "17") in got


@pytest.mark.parametrize("text, a, b", [
    ("Japan and China held talks in Geneva on Monday.", "JPN", "CHN"),
    ("The US and Russia met yesterday.", "USA", "RUS"),
    ("Peru and Ecuador negotiated in Brasilia on Friday.", "PER", "ECU"),
])
def test_states_named_together_meet_each_other(code: Any, text: str, a: str, b: str) -> None:
    got = dyads(code(text, date="2004-09-01"))
    assert (a, b, "04") in got and (b, a, "04") in got


# ---- "X appeared in court": X is the accused, the court of the place acts on X ---------------------
@pytest.mark.parametrize("text, court, accused", [
    ("Two British men appeared in court in Athens on Monday on spying charges.", "GRC", "GBR"),
    ("Trial\n\nNAIROBI, Kenya - Two Somali men appeared in court on Friday on piracy charges.", "KEN", "SOM"),
    ("A Pakistani doctor appeared in court in London on Tuesday on terrorism charges.", "GBR", "PAK"),
])
def test_accused_appears_in_court(code: Any, text: str, court: str, accused: str) -> None:
    got = dyads(code(text, date="2004-09-01"))
    assert (court, accused, "17") in got and (accused, court, "17") not in got


def test_appearing_elsewhere_is_no_trial(code: Any) -> None:
    assert not [e for e in code("The Iraqi president appeared on television on Monday.", date="2004-09-01")
                if e.cameo[:2] == "17"]


# ---- "demanded that X do ...": the demand is made to the one the clause says must act -------------
@pytest.mark.parametrize("text, source, target, root", [
    ("The European Union demanded that Israel reopen the crossings into Gaza.", "IGOEUREEC", "ISR", "10"),
    ("The Arab League demanded Syria pull its soldiers out of Lebanon by the end of the year.", "IGOMEAARL", "SYR", "10"),
    ("NATO demands Serbia hand over war crimes suspects", "IGOWSTNAT", "SRB", "10"),
    ("Tokyo demanded that North Korea return the abducted citizens.", "JPN", "PRK", "10"),
])
def test_demand_is_made_to_the_clause_subject(code: Any, text: str, source: str, target: str, root: str) -> None:
    events = [e for e in code(text, date="2004-09-01") if e.cameo[:2] == root]
    assert events, text
    assert any((e.source.code if e.source else None, e.target.country if e.target else None) == (source, target)
               or (e.source.country if e.source else None, e.target.country if e.target else None) == (source, target)
               for e in events), [(e.source, e.target) for e in events]


@pytest.mark.parametrize("text", [
    # a clause whose subject is no actor, or a pronoun, names no one the demand is made to
    "The Colombian rebels demanded that the talks resume in Havana next month.",
    "Venezuela demanded that it be allowed to join the trade bloc.",
])
def test_demand_of_no_actor_has_no_target(code: Any, text: str) -> None:
    events = [e for e in code(text, date="2004-09-01") if e.cameo[:2] == "10"]
    assert events and all(e.target is None for e in events), [(e.source, e.target) for e in events]


# ---- a relative pronoun stands for the noun before it ---------------------------------------------
@pytest.mark.parametrize("text, source, target, root", [
    # passive relative clause: the noun was done to
    ("Officials named three Filipino workers who were kidnapped by Iraqi militants last week.", "IRQ", "PHL", "18"),
    ("The embassy identified two Japanese journalists that were freed by Iraqi kidnappers on Sunday.", "IRQ", "JPN", "08"),
    ("Police questioned a Nepali man who was arrested by Indian police on Monday.", "IND", "NPL", "17"),
    # active relative clause: the noun did it
    ("The Cuban leader greeted Venezuelan President Hugo Chavez, who paid a visit to Havana earlier this week.", "VEN", "CUB", "04"),
])
def test_relative_pronoun_is_the_noun(code: Any, text: str, source: str, target: str, root: str) -> None:
    assert (source, target, root) in dyads(code(text, date="2004-09-01"))


def test_happening_before_a_relative_pronoun_does_not_act(code: Any) -> None:
    # "the siege that killed ...": a happening is no actor, whatever the parser attaches the clause to
    got = dyads(code("The warning follows an analysis by the FBI and the Homeland Security Department of the siege "
                     "that killed nearly 340 people in the city of Beslan last month.", date="2004-09-01"))
    assert not any(s == "USA" and r in ("18", "19") for s, _t, r in got), got


# ---- a clause on a noun names others, not the noun's own side --------------------------------------
@pytest.mark.parametrize("text, source, wrong", [
    ("A man suspected of helping former Iraqi leader Saddam Hussein build chemical weapons has been arrested by Dutch police.",
     "NLD", "IRQ"),
    ("A radical cleric who is wanted on terrorism charges in the United States was arrested by British police on Tuesday.",
     "GBR", "USA"),
    ("A Greek court jailed a man accused of spying for Turkey.", "GRC", "TUR"),
])
def test_clause_on_the_target_is_not_the_target(code: Any, text: str, source: str, wrong: str) -> None:
    got = dyads(code(text, date="2004-09-01"))
    assert any(s == source for s, _t, _r in got), got
    assert not any(t == wrong for s, t, _r in got if s == source), got


@pytest.mark.parametrize("text, source, target, root", [
    # what an allegation says, and whom a convoy carried, are still the ones spoken of or struck
    ("Britain rejected allegations that Iraqi prisoners were abused by British troops.", "GBR", "IRQ", "01"),
    ("Militants linked to al-Qaeda attacked a Saudi police post in Riyadh on Monday.", "SAU", "SAU", "18"),
])
def test_clause_that_says_whose_or_what_stays(code: Any, text: str, source: str, target: str, root: str) -> None:
    assert (source, target, root) in dyads(code(text, date="2004-09-01"))


# ---- "offered asylum to X": a thing given goes to the target ---------------------------------------
@pytest.mark.parametrize("text, source, target, root", [
    ("Iran has offered asylum to the Afghan general.", "IRN", "AFG", "03"),
    ("Pakistan will provide extra security to Chinese engineers working in the country.", "PAK", "CHN", "03"),
    ("Sweden offered shelter to the Iraqi dissident on Tuesday.", "SWE", "IRQ", "03"),
])
def test_thing_given_goes_to_the_target(code: Any, text: str, source: str, target: str, root: str) -> None:
    assert (source, target, root) in dyads(code(text, date="2004-09-01"))


def test_to_of_an_infinitive_is_no_recipient(code: Any) -> None:
    # "offered a plan to calm tensions": "to" opens what the plan is for, not who gets it
    got = dyads(code("The African Union offered a plan to calm the tensions on Monday.", date="2004-09-01"))
    assert all(t == "---" for _s, t, _r in got), got
