"""The CAMEO ontology as package data: code -> name, root, quad class, Goldstein value, PLOVER type,
and the per-code flags the event coder reads (``FLAGS``)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from tealeaves.errors import DataError

# reciprocal: conjoined sources act on each other when no target is named ("Russia and China held talks");
# agentless: coded from a passive that names no agent ("two men were arrested"); verbal: a statement,
# appeal or diplomatic act, which needs a coded or political source; accusable: a party's report of
# it is that party's accusation (or claim of responsibility)
FLAGS = ("reciprocal", "agentless", "verbal", "accusable")
QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


@dataclass(frozen=True)
class Code:
    code: str
    name: str
    root: str
    quad: int
    goldstein: float
    plover: str | None
    plover_mode: str | None
    plover_context: str | None
    description: str
    reciprocal: bool = False
    agentless: bool = False
    verbal: bool = False
    accusable: bool = False


def _read() -> tuple[str, dict[str, Code]]:
    text = resources.files("tealeaves.data").joinpath("ontology", "cameo.csv").read_text(encoding="utf-8")
    lines = text.splitlines()
    header = [ln for ln in lines if ln.startswith("#")]
    version = ""
    for h in header:
        if "goldstein_version:" in h:
            version = h.split("goldstein_version:", 1)[1].strip()
    codes: dict[str, Code] = {}
    for row in csv.DictReader(ln for ln in lines if not ln.startswith("#")):
        try:
            codes[row["code"]] = Code(
                code=row["code"],
                name=row["name"],
                root=row["root"],
                quad=int(row["quad"]),
                goldstein=float(row["goldstein"]),
                plover=row["plover"] or None,
                plover_mode=row["plover_mode"] or None,
                plover_context=row["plover_context"] or None,
                description=row["description"],
                reciprocal=_flag(row["reciprocal"]),
                agentless=_flag(row["agentless"]),
                verbal=_flag(row["verbal"]),
                accusable=_flag(row["accusable"]),
            )
        except (KeyError, ValueError) as exc:
            raise DataError(f"ontology/cameo.csv: bad row {row!r}: {exc}") from None
    return version, codes


def _flag(value: str) -> bool:
    if value not in ("0", "1"):
        raise ValueError(f"a flag is 0 or 1, not {value!r}")
    return value == "1"


@lru_cache(maxsize=1)
def _table() -> tuple[str, dict[str, Code]]:
    return _read()


def codes() -> dict[str, Code]:
    return _table()[1]


def goldstein_version() -> str:
    return _table()[0]


def lookup(code: str) -> Code:
    try:
        return codes()[code]
    except KeyError:
        raise DataError(f"unknown CAMEO code {code!r}") from None


def root_of(code: str) -> str:
    return code[:2]


def quad_of(code: str) -> int:
    return lookup(code).quad
