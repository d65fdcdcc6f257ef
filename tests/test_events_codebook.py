"""Codebook rules: state force is conventional (19x), "receive X from Y" is Y's act, stated
readiness is an intention, protests are aimed at the place's authorities, and the off-topic
guard does not read the event's own words as domain cues."""

from __future__ import annotations

from helpers import triples


def test_unspecified_attack_by_a_state_army_is_conventional_force(code) -> None:
    got = triples(code("Turkish troops attacked Kurdish fighters near the border on Monday."))
    assert any(s == "TURMIL" and c == "190" for s, _, c in got), got
    assert not any(s == "TURMIL" and c == "180" for s, _, c in got), got


def test_unspecified_attack_by_rebels_stays_unconventional(code) -> None:
    got = triples(code("Rebels attacked a police station in the north of Mali on Monday."))
    assert any(c == "180" for _, _, c in got), got
    assert not any(c == "190" for _, _, c in got), got


def test_receiving_from_someone_makes_the_giver_the_source(code) -> None:
    got = triples(code("Ukrainian forces received weapons from the German government last week."))
    assert ("DEUGOV", "UKRMIL", "072") in got, got
    assert not any(s == "UKRMIL" for s, _, _ in got), got


def test_stated_readiness_to_withdraw_is_an_intention(code) -> None:
    got = triples(code("Armenia is willing to withdraw its troops from the disputed district."))
    assert any(s == "ARM" and c.startswith("035") for s, _, c in got), got
    assert not any(c.startswith("087") for _, _, c in got), got


def test_guilty_of_names_who_did_it(code) -> None:
    got = triples(code("The Indian army was guilty of violating the ceasefire along the frontier."))
    assert any(s == "INDMIL" and c == "196" for s, _, c in got), got


def test_a_staged_protest_is_a_demonstration_against_the_host_country(code) -> None:
    got = triples(code("French activists staged a protest in Moscow on Tuesday."))
    assert any(c == "141" and t == "RUS" for _, t, c in got), got


def test_firing_at_a_country_is_not_a_fire_story(code) -> None:
    got = triples(code("The Russian navy fired artillery at Ukraine on Sunday."))
    assert any(s == "RUSMIL" and c.startswith("19") for s, _, c in got), got


def test_a_real_fire_still_keeps_violence_out(code) -> None:
    got = triples(code("The fire at the warehouse killed four workers, officials said."))
    assert not any(c.startswith(("18", "19", "20")) for _, _, c in got), got
    # troops opening fire are an attack, though "fire" is a disaster word
    got = triples(code("Government troops opened fire on the warehouse, killing four workers, officials said."))
    assert [c for _, _, c in got] == ["190"], got


def test_expressing_appreciation_and_deepening_ties(code) -> None:
    got = triples(code("The Kenyan government expressed appreciation for Japan's assistance."))
    assert any(c == "013" and t == "JPN" for _, t, c in got), got
    got = triples(code("Chile and Peru agreed to deepen their partnership in mining."))
    assert any(c.startswith("03") and s == "CHL" for s, _, c in got), got


def test_joint_and_solo_military_exercises(code) -> None:
    got = triples(code("The Indian and French navies began a joint exercise in the Arabian Sea."))
    assert any(c == "062" for _, _, c in got), got
    got = triples(code("China held large military exercises near Taiwan on Saturday."))
    assert any(s == "CHN" and c == "150" for s, _, c in got), got


def test_state_sanctions_are_coded_despite_company_words(code) -> None:
    got = triples(code("Canada imposed sanctions on Iranian companies linked to the drone programme."))
    assert any(s == "CAN" and c.startswith("16") for s, _, c in got), got
    got = triples(code("Travel companies are cancelling flights and trips this winter."))
    assert not any(c.startswith("16") for _, _, c in got), got
