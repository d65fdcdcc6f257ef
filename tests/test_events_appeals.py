"""Appeals ("X urged Y to do Z"), sources of verbal events, pledges, attack consequences and the
object checks of bare provide/receive patterns."""

from __future__ import annotations

from typing import Any


def codes(events: list[Any]) -> list[tuple[str, str | None, str | None]]:
    return [(e.cameo, e.source.code if e.source else None, e.target.code if e.target else None) for e in events]


def test_urging_a_withdrawal_is_an_appeal_to_de_escalate(code: Any) -> None:
    got = codes(code("Germany urged Russia to withdraw its troops from the border."))
    assert got and got[0][0] == "0256" and got[0][1] == "DEU" and got[0][2].startswith("RUS"), got
    assert not any(c.startswith("087") for c, _, _ in got), got  # the withdrawal did not happen


def test_calling_on_someone_to_release_prisoners_is_an_appeal_for_release(code: Any) -> None:
    got = codes(code("France called on Iran to release the two detained sailors."))
    assert ("0253", "FRA", "IRN") in got, got
    assert not any(c.startswith("084") for c, _, _ in got), got


def test_wanting_another_to_act_is_an_appeal_not_the_act(code: Any) -> None:
    got = codes(code("Turkey wants Germany to send troops to the region."))
    assert any(c.startswith("02") and s == "TUR" and (t or "").startswith("DEU") for c, s, t in got), got
    assert not any(c.startswith("07") for c, _, _ in got), got


def test_wanting_to_act_oneself_is_not_an_appeal(code: Any) -> None:
    got = codes(code("Iran wants to attack Israel."))
    assert not any(c.startswith("02") for c, _, _ in got), got
    assert ("138", "IRN", "ISR") in got, got  # the wish to attack is a threat
    # with another party asked to act, the same verb is an appeal
    got = codes(code("Iran wants Israel to withdraw from the Golan Heights."))
    assert ("0256", "IRN", "ISR") in got, got


def test_statement_by_unresolved_speaker_is_not_coded(code: Any) -> None:
    assert code("Economists said the recovery would be slow.") == []
    assert code("Economists told Ukraine that the recovery would be slow.") == []
    # the same words from a coded actor are a statement
    got = codes(code("The Russian finance minister told Ukraine that the recovery would be slow."))
    assert got == [("010", "RUSGOV", "UKR")], got


def test_statement_by_a_political_role_is_coded(code: Any) -> None:
    got = codes(code("The government told the opposition that the recovery would be slow."))
    assert [c for c, _, _ in got] == ["010"], got
    # a statement about nobody in particular is no dyadic event
    assert code("The government said the recovery would be slow.") == []


def test_pledge_to_expel_is_one_planned_expulsion(code: Any) -> None:
    evs = code("Qatar has pledged to expel the exiled leaders of Egypt's opposition.")
    got = codes(evs)
    assert not any(c.startswith("03") for c, _, _ in got), got
    assert any(e.cameo == "174" and e.modality == "future" for e in evs), got


def test_killing_caused_by_a_shelling_is_the_same_attack(code: Any) -> None:
    got = codes(code("Syrian troops shelled the rebel-held town of Douma, killing at least twelve people."))
    attacks = [c for c, _, _ in got if c[:2] in ("18", "19", "20")]
    assert len(attacks) == 1 and attacks[0].startswith("19"), got


def test_receiving_assurances_from_a_government_is_not_hosting(code: Any) -> None:
    got = codes(code("Striking miners received assurances from the Chilean government."))
    assert not any(c == "043" for c, _, _ in got), got
    # receiving a visitor who is an actor is hosting
    got = codes(code("The Chilean president received the Peruvian foreign minister in Santiago."))
    assert ("043", "CHLGOV", "PERGOV") in got, got


def test_lifting_sanctions_is_easing_economic_sanctions(code: Any) -> None:
    got = codes(code("The European Union lifted sanctions on Belarus on Monday."))
    assert any(c == "085" for c, _, _ in got), got


def test_contributing_to_a_decline_is_not_aid(code: Any) -> None:
    got = codes(code("Britain said French policy had contributed to the decline of the franc."))
    assert not any(c.startswith("07") for c, _, _ in got), got
    # contributing troops is military aid
    got = codes(code("Britain said it had contributed troops to the peacekeeping force in Mali."))
    assert any(c == "074" and s == "GBR" for c, s, _ in got), got
