"""What is said on wire news, coded as CAMEO codes the saying: a coercive step that its own side
says it may take is a threat (13x); a vow of "tough measures" or "action" against someone is a
threat (130); a visit on the schedule ("is due in", "is expected in") is an intention to meet
(036) of the one expected, a leader or a delegation, not troops or refugees. Each construction is
checked on invented variants, with near sentences that must not be coded the same way."""

from __future__ import annotations

import pytest

from helpers import counted


def coded(text: str) -> list[tuple[str, str | None, str | None]]:
    return counted(text, "2004-09-14")


# ---- a step its own side says it may take is a threat -------------------------------------------
@pytest.mark.parametrize("text, source, target", [
    ("Washington may impose sanctions against Belarus, the State Department said on Thursday.", "USA", "BLR"),
    ("The European Union might impose an arms embargo on Sudan, EU foreign ministers said.", "IGOEUREEC", "SDN"),
    ("Iran may expel the British ambassador, Iranian officials said on Sunday.", "IRN", "GBR"),
    ("Israel could strike Hamas camps in Gaza, an Israeli army spokesman said.", "ISR", "PSE"),
])
def test_a_step_its_own_side_holds_out_is_a_threat(text: str, source: str, target: str) -> None:
    got = counted(text, "2004-09-14", by="code") if source.startswith("IGO") else coded(text)
    assert any(code[:2] == "13" and src == source and (tgt or "").startswith(target) for code, src, tgt in got), got
    # the step itself was not taken
    assert not any(code[:2] in ("16", "17", "18", "19") for code, _, _ in got), got


@pytest.mark.parametrize("text", [
    # another side's guess is no threat
    "The EU may impose sanctions on Iran, a US official said.",
    "Syria could face sanctions over its role in Lebanon, diplomats said.",
    # nobody speaks for the side: the reporter's own forecast
    "The United States may impose sanctions on Syria.",
])
def test_a_guess_at_a_step_is_no_threat(text: str) -> None:
    got = coded(text)
    assert not any(code[:2] in ("13", "16") for code, _, _ in got), got


# ---- a vow of tough measures or action against someone ------------------------------------------
@pytest.mark.parametrize("text, source, target", [
    ("Pakistan vowed tough measures against the militants who attacked the convoy.", "PAK", None),
    ("Sharon threatened action against Palestinian militants on Monday.", "ISR", "PSE"),
    ("The Indonesian government promised swift action against the separatist rebels in Aceh.", "IDN", "IDN"),
])
def test_a_vow_of_measures_against_someone_is_a_threat(text: str, source: str, target: str | None) -> None:
    got = coded(text)
    assert ("130", source, target) in got, got  # None: militants of no stated country
    assert not any(code[:2] == "03" for code, _, _ in got), got


def test_a_vow_of_help_stays_a_pledge() -> None:
    got = coded("Japan vowed to help the flood victims in Bangladesh.")
    assert not any(code[:2] == "13" for code, _, _ in got), got


# ---- a visit on the schedule ---------------------------------------------------------------------
@pytest.mark.parametrize("text, source, target", [
    ("Russian President Vladimir Putin is due in Paris next week.", "RUS", "FRA"),
    ("The Iranian foreign minister is expected in Moscow on Tuesday for talks on the reactor.", "IRN", "RUS"),
    ("A Chinese delegation is due in Taipei on Monday.", "CHN", "TWN"),
    ("The Egyptian foreign minister is expected in Jerusalem this week.", "EGY", "ISR"),
])
def test_a_visit_on_the_schedule_is_an_intention_to_meet(text: str, source: str, target: str) -> None:
    got = coded(text)
    assert ("036", source, target) in got, got


@pytest.mark.parametrize("text", [
    "Hundreds of Sudanese refugees are expected in Chad this week.",
    "More American troops are due in Baghdad next month.",
    "A ruling is expected in Brussels on Friday.",
])
def test_arrivals_that_meet_no_one_are_no_visit(text: str) -> None:
    got = coded(text)
    assert not any(code == "036" for code, _, _ in got), got


# ---- a protocol or memorandum signed, or offered to be signed, with someone ----------------------
@pytest.mark.parametrize("text, code, source, target", [
    ("Russia signed a protocol with the European Union on Friday.", "057", "RUS", "IGOEUREEC"),
    ("Bangladesh is willing to sign a protocol with the United States on counter-terrorism.", "032", "BGD", "USA"),
    ("Kenya is ready to sign a memorandum with Uganda on border security.", "032", "KEN", "UGA"),
])
def test_a_protocol_signed_is_a_formal_agreement(text: str, code: str, source: str, target: str) -> None:
    got = counted(text, "2004-09-14", by="code")
    assert any(c == code and (s or "").startswith(source) and (t or "").startswith(target) for c, s, t in got), got


def test_a_protocol_followed_is_no_agreement() -> None:
    assert not any(code == "057" for code, _, _ in coded("The Iraqi doctors followed the protocol for treating burns.")), coded(
        "The Iraqi doctors followed the protocol for treating burns.")
