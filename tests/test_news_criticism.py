"""Disapproval (CAMEO root 11) on wire news: criticism received ("X faced criticism from Y", "came
under fire from Y", "drew fire"), where the subject is the one criticised and the critic sits in
the from-phrase or is not named at all.

Each construction is checked on invented variants, never on a sentence of the wire gold."""

from __future__ import annotations

import pytest

from tealeaves.pipeline import code_text


def coded(text: str) -> list[tuple[str, str | None, str | None]]:
    """(code, source country, target country) of the counted (asserted or reported) events."""
    return [(e.cameo, e.source.country if e.source else None, e.target.country if e.target else None)
            for e in code_text(text, date="2004-09-14") if e.modality in ("asserted", "reported")]


# ---- criticism received: the from-phrase names the critic ---------------------------------------
@pytest.mark.parametrize("text, source, target, code", [
    ("Russian security forces faced sharp criticism from Georgia on Tuesday.", "GEO", "RUS", "111"),
    ("Pakistan came under fire from India over the border raid.", "IND", "PAK", "111"),
    ("The Turkish government drew fire from neighbouring Greece.", "GRC", "TUR", "111"),
    ("Japan drew condemnation from China over the shrine visits.", "CHN", "JPN", "111"),
])
def test_criticism_received_comes_from_the_from_phrase(text: str, source: str, target: str, code: str) -> None:
    got = coded(text)
    assert (code, source, target) in got, got
    assert not any(c[:2] == "11" and src == target for c, src, _ in got), got


# ---- criticism received with no critic named ----------------------------------------------------
@pytest.mark.parametrize("text, target", [
    ("Kenyan police were facing fresh criticism on Monday.", "KEN"),
    ("The Indonesian government came under fire over the shootings.", "IDN"),
    ("Sudan drew fire for its handling of the crisis.", "SDN"),
])
def test_criticism_received_with_no_critic_targets_the_subject(text: str, target: str) -> None:
    got = coded(text)
    assert ("111", None, target) in got, got
    assert not any(c[:2] == "11" and src == target for c, src, _ in got), got


@pytest.mark.parametrize("text", [
    "The bill faced opposition in parliament.",
    "The budget drew criticism last week.",
    "The new law came under fire on Monday.",
])
def test_no_actor_criticised_is_no_event(text: str) -> None:
    assert not [c for c in coded(text) if c[0][:2] == "11"]


# ---- anger caused: the angered side disapproves of the one who angered it ------------------------
@pytest.mark.parametrize("text, source, target", [
    ("South Korea's decision angered Japan.", "JPN", "KOR"),
    ("Washington's remarks infuriated the Palestinians.", "PSE", "USA"),
    ("The Polish parliament caused anger in Germany by declaring that Poles were still owed reparations.", "DEU", "POL"),
    ("Moscow enraged Georgia by sending troops to the border.", "GEO", "RUS"),
])
def test_the_angered_side_disapproves(text: str, source: str, target: str) -> None:
    got = coded(text)
    assert ("110", source, target) in got, got
    assert not any(c[:2] == "11" and src == target for c, src, _ in got), got


@pytest.mark.parametrize("text", [
    "The storm angered Japanese farmers.",
    "The ruling infuriated Israel.",
])
def test_anger_at_no_actor_is_no_event(text: str) -> None:
    assert not [c for c in coded(text) if c[0][:2] == "11"]


# ---- describing someone as something: criticism or praise by the word ----------------------------
@pytest.mark.parametrize("text, source, target, code", [
    ("Iran described Sharon as a war criminal.", "IRN", "ISR", "111"),
    ("Syria on Sunday described the Israeli prime minister as a terrorist.", "SYR", "ISR", "111"),
    ("Putin described Schroeder as a true friend.", "RUS", "DEU", "051"),
])
def test_describing_someone_as_something_is_criticism_or_praise(text: str, source: str, target: str, code: str) -> None:
    assert (code, source, target) in coded(text)


def test_describing_a_situation_is_no_criticism() -> None:
    assert not [c for c in coded("Japan described the situation in Iraq as calm.") if c[0] in ("111", "051")]
