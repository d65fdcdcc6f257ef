"""Business deals between companies are not political events; a company's dealings with a state
still are."""

from __future__ import annotations

import pytest

from helpers import counted


def coded(text: str) -> list[tuple[str, str | None, str | None]]:
    return counted(text, "2004-10-04", by="code")


@pytest.mark.parametrize("text", [
    "South Korea's Hanwa Electronics Co. said it would invest 3 billion dollars in new plants.",
    "German carmaker Velbach Holdings and French parts maker Orlane Corp. agreed to merge.",
    "Anglo-Australian mining giant Kestrel and a Canadian firm have agreed to sell their joint venture.",
])
def test_a_deal_between_companies_is_no_event(text: str) -> None:
    assert coded(text) == [], coded(text)


@pytest.mark.parametrize("text, target", [
    ("Russian oil company Yukos appealed to the Kremlin to halt the sale.", "RUSGOV"),
    ("A Japanese trading company agreed to pay Nigeria 20 million dollars in compensation.", "NGA"),
    ("Venezuela accused the US oil firm of sabotage.", None),
])
def test_a_companys_dealings_with_a_state_stay_events(text: str, target: str | None) -> None:
    got = coded(text)
    assert got, got
    if target:
        assert any(t == target for _, _, t in got), got
