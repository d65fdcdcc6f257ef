"""Coding rules that keep over-generation down: patients of participles, claims by parties,
plans to use force, vague derived patterns, meetings without an actor, one bare statement."""

from __future__ import annotations

from tealeaves.coding.patterns import Pattern, load_patterns, vague
from test_events_support import code_with_table


def codes(events: list) -> list[tuple[str, str | None, str | None]]:
    return [(e.cameo, e.source.code if e.source else None, e.target.code if e.target else None) for e in events]


def test_noun_modified_by_a_past_participle_is_the_patient() -> None:
    got = codes(code_with_table("Rebels accused of the bombing attacked Kenyan police."))
    assert not any(c.startswith("112") and s == "REB" for c, s, _ in got), got
    assert any(c.startswith("18") and s == "REB" and t == "KENCOP" for c, s, t in got), got


def test_party_reporting_an_attack_by_another_is_its_accusation() -> None:
    got = codes(code_with_table("Russia said Ukraine had shelled its border posts."))
    assert ("112", "RUS", "UKR") in got, got
    # one party's word is not evidence of the shelling: no attack by Ukraine is coded
    assert not any(c[:2] in ("18", "19", "20") for c, _, _ in got), got


def test_claiming_ones_own_attack_is_a_claim_of_responsibility() -> None:
    got = codes(code_with_table("Russia claimed that it had attacked Ukraine."))
    assert ("015", "RUS", "UKR") in got, got


def test_reporter_without_a_country_is_not_a_party() -> None:
    got = codes(code_with_table("Russia shelled Ukraine overnight, the ministry said."))
    assert not any(c == "112" for c, _, _ in got), got
    assert ("194", "RUS", "UKR") in got, got  # the shelling stays, reported


def test_hoped_for_arrest_with_no_agent_is_not_coded() -> None:
    got = codes(code_with_table("Ukraine said it hoped the rebels would be arrested soon."))
    assert not any(c.startswith("17") for c, _, _ in got), got
    # an arrest said to have happened is coded, with no source
    got = codes(code_with_table("Ukraine said the rebels were arrested on Monday."))
    assert ("173", None, "REB") in got, got


def test_wanting_to_attack_is_a_threat() -> None:
    got = codes(code_with_table("Russia wants to attack Ukraine."))
    assert ("138", "RUS", "UKR") in got, got
    assert not any(c.startswith("18") for c, _, _ in got), got


def test_travel_verb_with_a_particle_is_no_event() -> None:
    got = codes(code_with_table("The foreign minister heads to Beijing on Friday."))
    assert not any(c.startswith("03") for c, _, _ in got), got
    # a travel verb with a pattern of its own is a visit
    got = codes(code_with_table("The foreign minister travels to Beijing on Friday."))
    assert got == [("042", "GOV", "CHN")], got


def test_vague_derived_patterns_are_left_out() -> None:
    derived = Pattern("040", "go", ("to",), None, False, 1, "go to", "patterns-petrarch2.tsv", rank=1)
    specific = Pattern("046", "take", ("part", "in", "summit"), None, False, 1, "take part in summit", "patterns-petrarch2.tsv", rank=1)
    hand = Pattern("040", "go", ("to",), None, False, 1, "go to", "patterns.tsv", rank=0)
    assert vague(derived) and not vague(specific) and not vague(hand)
    assert not any(vague(p) for ps in load_patterns().values() for p in ps)


def test_receiving_things_is_not_hosting() -> None:
    got = codes(code_with_table("Turkey received weapons from Russia."))
    assert not any(c.startswith("043") for c, _, _ in got), got
    got = codes(code_with_table("Turkey received the foreign minister."))
    assert any(c.startswith("043") and s == "TUR" for c, s, _ in got), got


def test_one_bare_statement_per_sentence() -> None:
    # two dyadic statements in one sentence: the fallback codes the first only
    got = codes(code_with_table("Russia said Ukraine was an unreliable partner, and Ukraine said Russia could not be trusted."))
    assert got == [("010", "RUS", "UKR")], got
