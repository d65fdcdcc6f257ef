"""Protests about prices, wages or relief are protests (issue 12): the business and disaster words
that keep "shares were hammered" and "the quake killed 40" from being violence do not take a crowd's
protest or strike away; sport still does. Every sentence is invented."""

from __future__ import annotations

from typing import Any

import pytest

DATE = "2004-09-01"


def got(events: list[Any]) -> list[tuple[str, str | None, str | None]]:
    return [(e.cameo, e.source.country if e.source else None, e.target.country if e.target else None)
            for e in events if e.modality in ("asserted", "reported")]


@pytest.mark.parametrize(("text", "country", "root"), [
    ("Thousands of Indonesians protested in Jakarta against the fuel price rise.", "IDN", "14"),
    ("Thousands of Indonesians gathered in Jakarta to protest against the fuel price rise.", "IDN", "14"),
    ("Hundreds of Nigerian oil workers went on strike over pay on Monday.", "NGA", "14"),
    ("Bolivian farmers blocked roads near La Paz to protest against higher gas prices.", "BOL", "14"),
    ("Thousands of Chileans marched in Santiago against the rising cost of bread.", "CHL", "14"),
])
def test_a_protest_about_prices_or_pay_is_a_protest(code: Any, text: str, country: str, root: str) -> None:
    found = got(code(text, date=DATE))
    assert any(c.startswith(root) and s == country for c, s, _ in found), found


@pytest.mark.parametrize("text", [
    "Shares in the steel company were hammered after the profit warning.",
    "The storm killed 40 people and destroyed thousands of homes in Bangladesh.",
    "Angry fans rioted after the match between the two clubs in Buenos Aires.",
])
def test_business_disaster_and_sport_still_code_no_conflict(code: Any, text: str) -> None:
    assert not [c for c, _, _ in got(code(text, date=DATE)) if c[:2] in ("14", "17", "18", "19", "20")]
