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


# ---- welcoming a decision, an offer or a visit endorses it (051) -------------------------------
@pytest.mark.parametrize("text, source, target", [
    ("Japan welcomed the decision of the UN Security Council.", "JPN", None),
    ("Britain welcomed Libya's decision to scrap its weapons programs.", "GBR", "LBY"),
    ("The Pakistani foreign ministry welcomed India's decision to reopen the border.", "PAK", "IND"),
])
def test_welcoming_is_endorsing(text: str, source: str, target: str | None) -> None:
    got = coded(text)
    assert any(code == "051" and src == source and (target is None or tgt == target) for code, src, tgt in got), got
    assert not any(code.startswith(("013", "043")) for code, _, _ in got), got


def test_welcoming_a_delegation_to_a_place_is_hosting() -> None:
    got = coded("Egypt welcomed the Israeli delegation to Cairo on Monday.")
    assert any(code == "043" and src == "EGY" for code, src, _ in got), got


@pytest.mark.parametrize("text, code", [
    ("Syria agreed to cooperate with Lebanon on border security.", "031"),
    ("Iran is ready to talk with the European Union.", "036"),
    ("Iran threatened to attack Israel on Sunday.", "138"),
])
def test_an_infinitive_of_the_pattern_still_matches(text: str, code: str) -> None:
    assert any(c == code for c, _, _ in coded(text)), coded(text)


# ---- one named person fighting no one is a political struggle, not force ------------------------
@pytest.mark.parametrize("text", [
    "Australian Prime Minister John Howard was fighting to save his credibility on Monday.",
    "Prince Charles fought back against critics of his views on education.",
    "German Chancellor Gerhard Schroeder is fighting for his political survival.",
])
def test_a_politician_fighting_is_no_force(text: str) -> None:
    got = coded(text)
    assert not any(code.startswith("19") for code, _, _ in got), got


@pytest.mark.parametrize("text, source, target", [
    ("Chechen rebels fought Russian troops near Grozny.", "RUS", "RUS"),
    ("Afghan troops fought Taliban fighters in Kandahar on Tuesday.", "AFG", "AFG"),
    ("Ugandan soldiers battled Lord's Resistance Army rebels near Gulu.", "UGA", "UGA"),
])
def test_armed_sides_fighting_is_force(text: str, source: str, target: str) -> None:
    got = coded(text)
    assert any(code.startswith("19") and src == source for code, src, _ in got), got


# ---- a weapons test is no use of force -------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Pakistan test-fired a nuclear-capable missile on Saturday.",
    "Iran test fired a new ballistic missile, state television said.",
    "India successfully test-fired a surface-to-air missile from a site in Orissa.",
])
def test_a_weapons_test_is_no_force(text: str) -> None:
    got = coded(text)
    assert not any(code[:2] in ("18", "19", "20") for code, _, _ in got), got


def test_missiles_fired_at_someone_are_force() -> None:
    got = coded("Hezbollah guerrillas fired rockets at northern Israel on Sunday.")
    assert any(code.startswith("19") and tgt == "ISR" for code, _, tgt in got), got


# ---- loose derived patterns and bare objects that are no actor ---------------------------------------
@pytest.mark.parametrize("text", [
    "Israel announced plans for 500 new homes in the West Bank.",
    "The Indian government announced plans for a new dam on the river.",
    "The former minister launched a bid to clear his name.",
    "The mayor launched a bid for a third term.",
    "The ceasefire between the army and the rebels held for two days.",
    "The truce in Najaf held for three days.",
    "The ailing Yemeni president flew for treatment in Germany.",
    "The controversy has trained a fresh light on the army's record in Vietnam.",
    "The scandal trained the spotlight on Britain's intelligence services.",
])
def test_loose_phrases_code_nothing(text: str) -> None:
    assert coded(text) == [], coded(text)


def test_training_another_side_is_military_cooperation() -> None:
    got = coded("US troops trained Iraqi police recruits in Jordan.")
    assert ("062", "USA", "IRQ") in got, got


# ---- a verb with a particle that changes its sense ("backed up the claims") ---------------------------
@pytest.mark.parametrize("text", [
    "Official documents backed up the critics' claims about the affair.",
    "New evidence backed up Human Rights Watch's account of the killings.",
    "The ministry offered up the names of two Indonesian women released in Iraq.",
])
def test_a_phrasal_idiom_is_not_its_verb(text: str) -> None:
    got = coded(text)
    assert not any(code.startswith(("03", "05")) for code, _, _ in got), got


@pytest.mark.parametrize("text, source, target", [
    ("Britain backed the United States over Iraq.", "GBR", "USA"),
    ("Japan offered Indonesia aid after the earthquake.", "JPN", "IDN"),
    ("Egypt backed the Palestinian Authority in the dispute.", "EGY", "PSE"),
])
def test_the_verb_without_the_particle_still_codes(text: str, source: str, target: str) -> None:
    got = coded(text)
    assert any(src == source and tgt == target for _, src, tgt in got), got


# ---- a statement that only reports what was done to someone, or speaks of its own people --------------
@pytest.mark.parametrize("text", [
    "The Canadian embassy in Kabul is to be moved to a safer district, the government said Tuesday.",
    "The Dutch embassy in Baghdad will be closed next week, the foreign ministry said.",
    "A Pakistani army spokesman said the soldiers were believed to have been executed.",
    "Italy said two Italian journalists held in Iraq were still alive.",
    "Japan said on Monday three Japanese reporters held in Iraq were safe.",
])
def test_a_report_is_no_statement(text: str) -> None:
    got = coded(text)
    assert not any(code.startswith("01") for code, _, _ in got), got


@pytest.mark.parametrize("text, source, target", [
    ("Russia said Ukraine was an unreliable partner.", "RUS", "UKR"),
    ("Iran said the Israeli threats were a sign of weakness.", "IRN", "ISR"),
    ("China said Japan was a danger to peace in the region.", "CHN", "JPN"),
])
def test_a_comment_on_another_side_is_a_statement(text: str, source: str, target: str) -> None:
    got = coded(text)
    assert any(code.startswith("01") and src == source and tgt == target for code, src, tgt in got), got


# ---- people feared taken or killed: a fear, not a happening -------------------------------------------
@pytest.mark.parametrize("text", [
    "Police in Thailand search for a Swedish boy feared kidnapped by traffickers.",
    "Three Nepalese workers are feared killed in Iraq.",
    "Two Turkish drivers are feared abducted near Mosul.",
])
def test_feared_is_not_asserted(text: str) -> None:
    got = coded(text)
    assert not any(code[:2] in ("18", "19") for code, _, _ in got), got


def test_a_kidnapping_told_as_news_is_asserted() -> None:
    got = coded("Gunmen kidnapped two Turkish drivers near Mosul on Monday.")
    assert any(code == "181" and tgt == "TUR" for code, _, tgt in got), got


# ---- a festive crowd does not protest ------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "About 100,000 people took to the streets on Sunday for the city's annual carnival.",
    "Thousands of Ukrainians took to the streets to celebrate the court ruling.",
    "Jubilant crowds marched through Kabul after the election results.",
])
def test_a_festive_crowd_is_no_protest(text: str) -> None:
    got = coded(text)
    assert not any(code.startswith("14") for code, _, _ in got), got


@pytest.mark.parametrize("text, source", [
    ("Thousands of students marched in Dhaka to demand the resignation of the minister.", "BGD"),
    ("Thousands of Georgians took to the streets of Tbilisi to protest against the government.", "GEO"),
    ("Hundreds of Palestinians marched in Ramallah against the Israeli barrier.", "PSE"),
])
def test_a_protest_march_is_still_a_protest(text: str, source: str) -> None:
    got = coded(text)
    assert any(code.startswith("14") and src == source for code, src, _ in got), got


# ---- defending oneself against an accusation rejects it (016) -----------------------------------------
@pytest.mark.parametrize("text, source, target", [
    ("France defended itself on Friday against accusations by Ivory Coast of using excessive force.", "FRA", "CIV"),
    ("The Sudanese government defended itself against charges of genocide in Darfur.", "SDN", None),
    ("Israel defended itself against allegations from Amnesty International that it destroyed homes in Rafah.",
     "ISR", None),
])
def test_defending_oneself_against_an_accusation_is_a_denial(text: str, source: str, target: str | None) -> None:
    got = coded(text)
    assert any(code == "016" and src == source and (target is None or tgt == target) for code, src, tgt in got), got
    assert not any(code == "052" for code, _, _ in got), got


def test_defending_another_side_is_still_verbal_defence() -> None:
    got = coded("Britain defended its ally the United States against criticism from France.")
    assert ("052", "GBR", "USA") in got, got
