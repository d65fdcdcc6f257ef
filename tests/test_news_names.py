"""Names on real wire news (issue 12): runs of spaces inside a name, a head of state's surname alone,
"the X administration", and regions that belong to a state ("visit to Chechnya", "Darfur rebels").

Each construction is checked on invented variants (other names, places and wording), never on a
sentence of the wire gold."""

from __future__ import annotations

from typing import Any

import pytest
from helpers import resolved_mentions

from tealeaves.actors.resolve import ActorResolver
from tealeaves.clean import clean
from tealeaves.ingest import document_from_text
from tealeaves.models import Mention


def mentions(resolver: Any, text: str, date: str = "2004-09-01") -> list[Mention]:
    return resolved_mentions(resolver, text, date)


def code_of(resolver: ActorResolver, text: str, phrase: str, date: str = "2004-09-01") -> str | None:
    """The code of the first mention whose text contains ``phrase`` (None when nothing names it)."""
    return next((m.code for m in mentions(resolver, text, date) if phrase in m.text), None)


def roots(events: list[Any]) -> set[tuple[str, str, str]]:
    return {((e.source.country if e.source else None) or "---", (e.target.country if e.target else None) or "---",
             e.cameo[:2]) for e in events}


# ---- runs of spaces inside a line keep a name whole -------------------------------------------
def test_cleaning_squeezes_runs_of_spaces() -> None:
    cdoc = clean(document_from_text("Iran warned Prime  Minister Tony   Blair on Monday.", "t"))
    assert "Prime Minister Tony Blair" in cdoc.text
    assert all(cdoc.text[p.start:p.end] == p.text for p in cdoc.paragraphs)


@pytest.mark.parametrize("text, phrase, code", [
    ("Pyongyang again denounced President  Bush on Wednesday.", "Bush", "USAGOV"),
    ("Syria rejected a demand by Prime  Minister Tony Blair on Friday.", "Blair", "GBRGOV"),
    ("Tehran said Russian  President Vladimir Putin would visit in the spring.", "Putin", "RUSGOV"),
])
def test_double_spaces_do_not_break_names(resolver: ActorResolver, text: str, phrase: str, code: str) -> None:
    assert code_of(resolver, text, phrase) == code


def test_a_double_space_does_not_hand_the_name_to_the_subject(code: Any) -> None:
    found = roots(code("North Korea again condemned President  Bush on Thursday.", date="2004-09-01"))
    assert ("PRK", "USA", "11") in found, found
    assert ("PRK", "PRK", "11") not in found, found


# ---- a head of state's surname alone, while in office -----------------------------------------
@pytest.mark.parametrize("text, phrase, code", [
    ("Bush criticized Iran over its nuclear program.", "Bush", "USAGOV"),
    ("Fukuda met the Chinese premier in Beijing.", "Fukuda", "JPNGOV"),
    ("Abbott criticized Indonesia over the executions.", "Abbott", "AUSGOV"),
    ("The Bush administration may impose sanctions on Belarus.", "Bush", "USAGOV"),
])
def test_a_sitting_leaders_surname_names_him(resolver: ActorResolver, text: str, phrase: str, code: str) -> None:
    date = {"Fukuda": "2008-02-01", "Abbott": "2015-02-01"}.get(phrase, "2004-09-01")
    assert code_of(resolver, text, phrase, date) == code


@pytest.mark.parametrize("text, phrase, date", [
    ("Laura Bush visited a school in Ohio.", "Bush", "2004-09-01"),   # another bearer's full name
    ("Jeb Bush declared an emergency in Florida.", "Bush", "2004-09-01"),
    ("Bush met the German chancellor in Berlin.", "Bush", "2012-06-01"),  # out of office: nobody
    ("Fukuda praised the Chinese leadership on Monday.", "Fukuda", "2004-06-01"),  # before office
    ("Officials said Singh would visit Kabul.", "Singh", "2005-06-01"),  # a surname many office-holders bear
])
def test_a_surname_alone_must_not_name_him(resolver: ActorResolver, text: str, phrase: str, date: str) -> None:
    assert code_of(resolver, text, phrase, date) not in ("USAGOV", "JPNGOV", "INDGOV", "USAELI", "JPNELI")


def test_the_administration_of_a_sitting_president_acts(code: Any) -> None:
    found = roots(code("The Bush administration imposed sanctions on Syria on Tuesday.", date="2004-05-11"))
    assert ("USA", "SYR", "16") in found, found


# ---- regions belong to their state ------------------------------------------------------------
@pytest.mark.parametrize("text, source, target", [
    ("The Russian defence minister made a surprise visit to Chechnya on Friday.", "RUS", "RUS"),
    ("The Chinese premier paid a visit to Xinjiang on Monday.", "CHN", "CHN"),
    ("The Indonesian president made a visit to Aceh on Sunday.", "IDN", "IDN"),
])
def test_a_visit_to_a_region_targets_its_state(code: Any, text: str, source: str, target: str) -> None:
    found = roots(code(text, date="2004-09-01"))
    assert (source, target, "04") in found, found


@pytest.mark.parametrize("text, phrase, code", [
    ("Darfur rebels accused Khartoum of bombing villages.", "Darfur", "SDNREB"),
    ("Chechnya rebels claimed the attack on the convoy.", "Chechnya", "RUSREB"),
    ("Aceh rebels rejected the ceasefire offer.", "Aceh", "IDNREB"),
])
def test_a_region_names_the_country_of_a_group(resolver: ActorResolver, text: str, phrase: str, code: str) -> None:
    assert code_of(resolver, text, phrase) == code


def test_a_region_group_does_not_take_the_datelines_country(resolver: ActorResolver) -> None:
    text = "NDJAMENA, Chad (Reuters) - Darfur rebels called on Nigeria on Monday to host new talks."
    assert code_of(resolver, text, "Darfur") == "SDNREB"


def test_a_region_in_a_place_phrase_is_still_a_place(resolver: ActorResolver) -> None:
    # "in Chechnya" says where; it is not an actor of its own
    assert not any(m.text == "Chechnya" for m in mentions(resolver, "Soldiers were killed in Chechnya on Friday."))
