"""Schema and coverage of the actor tables in tealeaves/data/actors."""

from __future__ import annotations

import re
from collections import defaultdict

import pytest

from tealeaves.actors.kb import CODE_RE, SECTORS, KnowledgeBase, iter_rows

DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SEED_COUNTRIES = ("USA", "RUS", "CHN", "GBR", "FRA", "DEU", "JPN", "IND", "BRA", "CAN", "ITA", "AUS", "KOR", "MEX",
                  "IDN", "TUR", "SAU", "ARG", "ZAF", "SYR", "IRN", "ISR", "UKR", "PRK")
HEADS = {"head_of_state", "head_of_government"}

COLUMNS = {
    "countries.csv": ["iso3", "name", "names", "adjectives", "demonyms", "capital", "un_member"],
    "metonyms.csv": ["phrase", "country", "sector", "notes"],
    "organizations.csv": ["code", "name", "aliases", "source"],
    "sectors.csv": ["phrase", "sector", "strength", "kind", "plural", "notes", "source"],
    "people.csv": ["person_id", "name", "aliases", "country", "sector", "role", "start", "end", "gender", "notes"],
    "people_phoenix.csv": ["person_id", "name", "aliases", "country", "sector", "role", "start", "end", "gender", "notes", "source"],
    "cities.csv": ["name", "country", "population"],
    "regions.csv": ["name", "country", "notes"],
    "historical.csv": ["name", "aliases", "adjectives", "code", "end", "successor", "notes"],
    "agencies.csv": ["name", "aliases", "notes"],
}


@pytest.mark.parametrize("name", sorted(COLUMNS))
def test_columns_and_no_blank_keys(name: str) -> None:
    rows = list(iter_rows(name))
    assert rows, name
    assert list(rows[0]) == COLUMNS[name]
    key = COLUMNS[name][0]
    assert all(r[key].strip() for r in rows), f"{name}: a row without {key}"


def test_every_un_member_has_names_adjective_and_capital() -> None:
    rows = {r["iso3"]: r for r in iter_rows("countries.csv")}
    members = [r for r in rows.values() if r["un_member"] == "yes"]
    assert len(members) == 193
    for r in members:
        assert re.fullmatch(r"[A-Z]{3}", r["iso3"])
        assert r["capital"], r["iso3"]
    missing_adj = [r["iso3"] for r in members if not r["adjectives"]]
    assert len(missing_adj) <= 3, missing_adj  # a few have no adjective distinct from the name


def test_codes_and_sectors_are_valid() -> None:
    for name, col in (("organizations.csv", "code"), ("metonyms.csv", "country")):
        for r in iter_rows(name):
            assert CODE_RE.match(r[col]), (name, r)
    for r in iter_rows("sectors.csv"):
        assert r["sector"] in SECTORS or r["sector"] == "", r
        assert r["strength"] in ("strong", "weak", "neutral"), r


@pytest.mark.parametrize("name", ["people.csv", "people_phoenix.csv"])
def test_people_dates(name: str) -> None:
    for r in iter_rows(name):
        for col in ("start", "end"):
            assert not r[col] or DATE.match(r[col]), (name, r)
        if r["start"] and r["end"]:
            assert r["start"] < r["end"], (name, r)
        assert r["sector"] in SECTORS or r["sector"] == "", r


def test_people_ids_keep_one_name() -> None:
    names = defaultdict(set)
    for r in iter_rows("people.csv"):
        names[r["person_id"]].add(r["name"])
    assert all(len(v) == 1 for v in names.values()), {k: v for k, v in names.items() if len(v) > 1}


@pytest.mark.parametrize("country", SEED_COUNTRIES)
def test_seed_table_has_a_leader_every_year(country: str) -> None:
    roles = [r for r in iter_rows("people.csv") if r["country"] == country and r["role"] in HEADS]
    for year in range(2000, 2026):
        day = f"{year}-07-01"
        assert any((r["start"] or "0") <= day < (r["end"] or "9999") for r in roles), f"{country}: no leader on {day}"


@pytest.mark.parametrize("country", SEED_COUNTRIES)
def test_seed_table_has_a_current_foreign_minister_or_leader(country: str) -> None:
    open_roles = {r["role"] for r in iter_rows("people.csv") if r["country"] == country and not r["end"]}
    assert open_roles & (HEADS | {"foreign_minister"}), country


def test_knowledge_base_loads_and_indexes() -> None:
    kb = KnowledgeBase()
    assert kb.phrases["kremlin"][0].country == "RUS"
    assert kb.phrases["pentagon"][0].sector == "MIL"
    assert any(t.kind == "org" and t.country == "IGOUNO" for t in kb.phrases["united nations"])
    assert "US" in kb.exact_case
    assert kb.person_code("vladimir-putin", "2010-01-01")[:2] == ("RUS", "GOV")
    assert kb.person_code("tony-blair", "2010-01-01")[:2] == ("GBR", "ELI")


def test_no_person_is_named_like_a_country_or_capital() -> None:
    # Phoenix lists new states ("Ukraine" from 1991) as dated blocks; they must not become people
    kb = KnowledgeBase()
    clashes = sorted(k for k, ts in kb.phrases.items()
                     if any(t.kind == "person" for t in ts) and any(t.kind in ("country", "capital") for t in ts))
    assert clashes == []


def test_national_agencies_have_country_and_sector() -> None:
    kb = KnowledgeBase()
    for phrase, code in [("fbi", "USACOP"), ("immigration and customs enforcement", "USACOP"), ("dhs", "USAGOV"),
                         ("customs and border protection", "USACOP"), ("usaid", "USAGOV"), ("cia", "USASPY"),
                         ("state department", "USAGOV"), ("dfid", "GBRGOV"), ("eln", "COLREB"), ("farc", "COLREB")]:
        org = next(t for t in kb.phrases[phrase] if t.kind == "org")
        assert (org.country or "") + (org.sector or "") == code, phrase
