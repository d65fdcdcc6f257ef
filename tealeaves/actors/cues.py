"""Actor cues: the phrases that signal an actor in raw text, read from the knowledge base's tables
(for the prefilter), and the news agencies' names (for datelines)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from tealeaves.actors.kb import _read_csv, _split, read_user_file


def cue_phrases(user_path: Path | None = None) -> list[str]:
    """Phrases that signal an actor in raw text, for the prefilter: the names, adjectives, demonyms,
    capitals, aliases and role words of the package tables, and the names and aliases in the user's file."""
    user = [v for row in read_user_file(user_path) for v in [row["name"], *_split(row.get("aliases"))]] if user_path else []
    return [*_package_cues(), *_cue_forms(user)]


# The package cues are read as the prefilter first read them: these tables and columns (so neither
# metonyms.csv nor people.csv, whose names mostly repeat in other tables, and the "no" of the
# sectors' plural column). Which sentences get parsed depends on them, hence the coded events:
# a change here is a change of coder behaviour.
CUE_TABLES = ("countries.csv", "organizations.csv", "people_phoenix.csv", "sectors.csv", "cities.csv")
CUE_COLUMNS = ("name", "names", "adjectives", "demonyms", "capital", "aliases", "phrase", "plural")


@lru_cache(maxsize=1)
def _package_cues() -> tuple[str, ...]:
    return tuple(_cue_forms(v for table in CUE_TABLES for row in _read_csv(table)
                            for col in CUE_COLUMNS for v in _split(row.get(col))))


def _cue_forms(values: Iterable[str]) -> Iterator[str]:
    for value in values:
        if value and not value.isdigit():
            yield value
            if value.lower().startswith("the "):
                yield value[4:]


@lru_cache(maxsize=1)
def agency_names() -> tuple[str, ...]:
    """Names and aliases of news agencies (``agencies.csv``), for dateline detection."""
    return tuple(v for row in _read_csv("agencies.csv") for v in [row["name"], *_split(row["aliases"])] if v[:1].isupper())
