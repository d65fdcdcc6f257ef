"""Expected events of wire news that nothing counted (issue 12, recall): a party's report of an
attack whose doer it does not name, ...

Every sentence is invented; each construction has three variants and a sentence that must not be
coded so."""

from __future__ import annotations

from typing import Any

import pytest


def counted(events: list[Any]) -> list[tuple[str, str | None, str | None]]:
    """(root, source country, target country) of the asserted or reported events."""
    return [(e.cameo[:2], e.source.country if e.source else None, e.target.country if e.target else None)
            for e in events if e.modality in ("asserted", "reported")]


# ---- a party reporting an agentless attack reports the attack; it accuses no one -------------
@pytest.mark.parametrize(("text", "want"), [
    ("A Hezbollah commander was killed in an Israeli air strike in southern Lebanon, a Hezbollah spokesman said.",
     ("19", "ISR", "LBN")),
    ("Four British soldiers were killed on Tuesday in a roadside bomb explosion near Basra, a British military spokesman said.",
     ("18", None, "GBR")),
    ("Three Indian policemen were wounded in a grenade attack in Srinagar, an Indian police officer said.",
     ("18", None, "IND")),
])
def test_a_party_reporting_an_agentless_attack_reports_the_attack(code: Any, text: str, want: tuple[str, str | None, str]) -> None:
    events = counted(code(text))
    assert want in events, events
    assert not [e for e in events if e[0] == "11"], events  # nobody named, nobody accused


def test_a_party_naming_the_attacker_still_accuses_it(code: Any) -> None:
    events = counted(code("Georgia said Russian warplanes had bombed villages near Gori."))
    assert ("11", "GEO", "RUS") in events, events
    assert not [e for e in events if e[0] in ("18", "19")], events
