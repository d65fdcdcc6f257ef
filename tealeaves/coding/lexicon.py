"""The coder's word lists and recoding tables, read once from package data.

``data/events/lexicon.tsv`` holds every word list the coder consults (one word a line: list, word,
optional note); ``data/events/recoding.csv`` the CAMEO recoding tables (table, from, to). A list or
table the code asks for but the file lacks is a :class:`~tealeaves.errors.DataError`, not an empty
set, so a renamed list cannot silently switch a rule off.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from functools import lru_cache
from importlib import resources
from typing import Any

from tealeaves.errors import DataError

LEXICON = "lexicon.tsv"
RECODING = "recoding.csv"


def read_data(name: str) -> str:
    """The text of a file in ``tealeaves/data/events``."""
    return resources.files("tealeaves.data").joinpath("events", name).read_text(encoding="utf-8")


def _rows(text: str) -> list[str]:
    return [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, dict[str, str]]:
    rows = _rows(read_data(LEXICON))
    if not rows or rows[0].split("\t")[:2] != ["list", "word"]:
        raise DataError(f"{LEXICON}: the first line must be the header 'list<TAB>word<TAB>note'")
    table: dict[str, dict[str, str]] = defaultdict(dict)
    for raw in rows[1:]:
        parts = [p.strip() for p in raw.split("\t")]
        if len(parts) < 2 or not parts[0] or not parts[1]:
            raise DataError(f"{LEXICON}: expected 'list<TAB>word[<TAB>note]', got {raw!r}")
        table[parts[0]][parts[1]] = parts[2] if len(parts) > 2 else ""
    return dict(table)


def list_names() -> frozenset[str]:
    """The names of the lists in the lexicon."""
    return frozenset(_lexicon())


def notes(name: str) -> dict[str, str]:
    """List ``name`` of the lexicon as word -> note ("" where the line has none)."""
    try:
        return _lexicon()[name]
    except KeyError:
        raise DataError(f"{LEXICON} has no list {name!r}") from None


@lru_cache(maxsize=None)
def words(name: str) -> frozenset[str]:
    """The words of list ``name`` of the lexicon, as written (sectors are upper-case)."""
    return frozenset(notes(name))


@lru_cache(maxsize=1)
def happening_noun(tok: Any) -> bool:
    """A noun for a happening rather than an actor: a weapon or attack, a disaster, a war
    (``happening_noun`` and ``instrument_noun``). Read by the coder's arguments and the actor
    composer alike, so a place on such a noun is where it happened, never who acted."""
    lemma = tok.lemma_.lower()
    return bool(tok.pos_ == "NOUN" and (lemma in words("happening_noun") or lemma in notes("instrument_noun")))


def _recoding() -> dict[str, dict[str, str]]:
    table: dict[str, dict[str, str]] = defaultdict(dict)
    for row in csv.DictReader(_rows(read_data(RECODING))):
        name, old, new = ((row.get(k) or "").strip() for k in ("table", "from", "to"))
        if not name or not old or not new:
            raise DataError(f"{RECODING}: expected 'table,from,to', got {row!r}")
        table[name][old] = new
    return dict(table)


def table_names() -> frozenset[str]:
    """The names of the recoding tables."""
    return frozenset(_recoding())


def recoding(name: str) -> dict[str, str]:
    """Recoding table ``name`` as from-code -> to-code."""
    try:
        return _recoding()[name]
    except KeyError:
        raise DataError(f"{RECODING} has no table {name!r}") from None


def recode(name: str, code: str) -> str | None:
    """The code table ``name`` gives ``code``: by its three-digit parent, else by its root."""
    table = recoding(name)
    return table.get(code[:3]) or table.get(code[:2])
