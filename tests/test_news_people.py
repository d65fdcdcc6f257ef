"""Actors the wires write their own way (issue 12): states shortened by a compass point ("N.Korea"),
possessives whose apostrophe the feed lost ("Chinas"), the headlines' "PM" and "MEPs".

Each construction is checked on invented variants (other names, places and wording), never on a
sentence of the wire gold, with what must not be read that way beside it."""

from __future__ import annotations

from typing import Any

import pytest
from helpers import counted, resolved_mentions


def roots(text: str) -> set[tuple[str, str, str]]:
    """(CAMEO root, source country, target country) of the counted events, "---" where unknown."""
    return {(c[:2], s or "---", t or "---") for c, s, t in counted(text, "2004-09-01")}


def codes(resolver: Any, text: str) -> set[str | None]:
    return {m.code for m in resolved_mentions(resolver, text)}


# ---- a state shortened by its compass point -------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("N.Korea condemns Japan over sanctions plan.", ("11", "PRK", "JPN")),
    ("NKorea accuses Washington of plotting an invasion.", ("11", "PRK", "USA")),
    ("S.Korea criticized China on Tuesday over a history dispute.", ("11", "KOR", "CHN")),
    ("Zimbabwe accused S.Africa of meddling in its election.", ("11", "ZWE", "ZAF")),
    ("Indonesia condemned E.Timor over the border shooting.", ("11", "IDN", "TLS")),
])
def test_compass_point_state_names(text: str, want: tuple[str, str, str]) -> None:
    assert want in roots(text)


def test_a_compass_initial_alone_is_no_state(resolver: Any) -> None:
    # "S. Smith" is a person's initial, not South anything
    assert not {"KOR", "ZAF", "PRK"} & codes(resolver, "Police chief S. Smith said officers arrested two men in Leeds.")


# ---- a possessive whose apostrophe the feed lost ---------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("Chinas foreign minister criticized Japan on Tuesday.", ("11", "CHN", "JPN")),
    ("India condemned Pakistans missile test on Monday.", ("11", "IND", "PAK")),
    ("Irans president accused Israel of plotting an attack.", ("11", "IRN", "ISR")),
    ("Egypt denounced Israels raid on the refugee camp.", ("11", "EGY", "ISR")),
])
def test_possessive_without_apostrophe(text: str, want: tuple[str, str, str]) -> None:
    assert want in roots(text)


@pytest.mark.parametrize("text, wrong", [
    ("Taiwan rejected talk of the two Chinas at the forum.", "CHN"),
    ("The summit of both Koreas was postponed again.", "KOR"),
])
def test_a_plural_of_a_state_name_is_not_its_possessive(resolver: Any, text: str, wrong: str) -> None:
    assert wrong not in {m.country for m in resolved_mentions(resolver, text)}


# ---- the headlines' PM and the European Parliament's members ------------------------------------
@pytest.mark.parametrize("text, want", [
    ("Polish PM criticizes Germany over war claims", ("11", "POL", "DEU")),
    ("Thai PM accuses Malaysia of harbouring rebels", ("11", "THA", "MYS")),
    ("Italian PM condemns Libya over migrant boats", ("11", "ITA", "LBY")),
])
def test_pm_is_the_head_of_government(text: str, want: tuple[str, str, str]) -> None:
    assert want in roots(text)


def test_pm_in_lower_case_is_a_time(resolver: Any) -> None:
    assert {m.code for m in resolved_mentions(resolver, "The Iranian delegation met at 5 pm in Vienna.")} <= {"IRN", "IRNGOV", "AUT"}


@pytest.mark.parametrize("text", [
    "MEPs condemned Turkey over the jailing of the journalists.",
    "Angry MEPs accused Russia of rigging the vote.",
    "Euro-MPs criticized Iran on Thursday.",
])
def test_meps_are_the_european_union(text: str) -> None:
    assert any(s == "IGOEUREEC" for _, s, _ in counted(text, "2004-09-01", by="code"))


@pytest.mark.parametrize("text, want", [
    ("PM condemns strike by teachers\n\nPrime Minister Helen Clark condemned the Australian strikers on Monday.", "NZLGOV"),
    ("PM criticizes Turkey\n\nGreek Prime Minister Costas Karamanlis criticized Turkey on Tuesday over the airspace violations.", "GRCGOV"),
    ("Premier rebukes Taiwan\n\nChinese Premier Wen Jiabao rebuked Taiwan on Friday.", "CHNGOV"),
])
def test_a_headline_pm_is_the_leads_prime_minister(resolver: Any, text: str, want: str) -> None:
    assert resolved_mentions(resolver, text)[0].code == want


def test_a_headline_pm_with_no_prime_minister_in_the_lead_stays_unknown(resolver: Any) -> None:
    text = "PM backs plan\n\nThe foreign ministers of India and Pakistan met in Delhi on Tuesday."
    assert resolved_mentions(resolver, text)[0].code is None


# ---- a leader's followers ---------------------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("Radical Iraqi cleric Muqtada al-Sadr called on his followers to lay down their arms.", ("02", "IRQ", "IRQ")),
    ("Ayatollah Ali Khamenei urged his followers to boycott the vote.", ("02", "IRN", "IRN")),
    ("Hamas leader Ismail Haniyeh called on his followers to end the strike.", ("02", "PSE", "PSE")),
])
def test_a_leaders_followers_are_of_his_country(text: str, want: tuple[str, str, str]) -> None:
    assert want in roots(text)


def test_followers_of_no_one_named_stay_unknown(resolver: Any) -> None:
    found = [m for m in resolved_mentions(resolver, "The preacher urged his followers to pray for rain.") if "followers" in m.text]
    assert all(m.country is None for m in found)
