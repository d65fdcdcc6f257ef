"""Expected events the coder used to miss on wire news (issue 12).

Intentions named by a noun: "X is willing to resume negotiations with Y" offers talks (036) just as
"X offered to hold talks with Y" does. The noun is the object of a verb that an intent word
("willing", "ready", "offered", "pledged") governs; the offer is one side's, so it is not mirrored
the way held talks are.

Each construction is checked on invented variants, never on a sentence of the wire gold."""

from __future__ import annotations

import pytest

from tealeaves.pipeline import code_text


def coded(text: str) -> list[tuple[str, str | None, str | None]]:
    """(code, source country, target country) of the counted (asserted or reported) events."""
    return [(e.cameo, e.source.country if e.source else None, e.target.country if e.target else None)
            for e in code_text(text, date="2004-09-14") if e.modality in ("asserted", "reported")]


# ---- an intention whose act is a noun under an intent word --------------------------------------
@pytest.mark.parametrize("text, source, target", [
    ("Syria is willing to resume negotiations with Israel, the foreign minister said.", "SYR", "ISR"),
    ("Beijing is ready to resume negotiations with Taipei if the island drops its independence bid.", "CHN", "TWN"),
    ("North Korea is ready to resume negotiations with the United States, the state news agency said.", "PRK", "USA"),
    ("Pakistan has offered to resume negotiations with India over the disputed glacier.", "PAK", "IND"),
    ("Armenia is willing to begin negotiations with Azerbaijan over Nagorno-Karabakh.", "ARM", "AZE"),
])
def test_offered_talks_named_by_a_noun_are_an_intention(text: str, source: str, target: str) -> None:
    got = coded(text)
    assert any(c[:2] == "03" and s == source and t == target for c, s, t in got), got
    # one side's offer: the other side offered nothing, and no talks were held
    assert not any(s == target and t == source for _, s, t in got), got
    assert not any(c[:2] == "04" for c, _, _ in got), got


# ---- must not: talks actually held stay talks, both ways ------------------------------------------
def test_talks_held_stay_mutual_talks() -> None:
    got = coded("Syria resumed negotiations with Israel on Monday.")
    assert ("046", "SYR", "ISR") in got and ("046", "ISR", "SYR") in got, got
    assert not any(c[:2] == "03" for c, _, _ in got), got


def test_force_named_by_a_noun_under_an_intent_word_is_not_an_offer() -> None:
    # an intent word over force ("ready to launch an offensive") is not an offer to cooperate
    got = coded("Russia is ready to launch an offensive against the rebels in Chechnya.")
    assert not any(c[:2] == "03" for c, _, _ in got), got
