"""Helpers for the event tests: code text with a small fixed actor table.

The coder is tested on its own here, apart from the actor resolver: actors are found by exact name
from ACTORS, so a failure points at the coder, the modality, date or place code and nothing else.
"""

from __future__ import annotations

import re
from typing import Any

from tealeaves.models import Document, Mention

ACTORS: dict[str, tuple[str, str | None, str | None]] = {
    "Russia": ("RUS", "RUS", None), "Moscow": ("RUS", "RUS", None), "Ukraine": ("UKR", "UKR", None),
    "Kyiv": ("UKR", "UKR", None), "Turkey": ("TUR", "TUR", None), "China": ("CHN", "CHN", None),
    "Beijing": ("CHN", "CHN", None), "Japan": ("JPN", "JPN", None), "France": ("FRA", "FRA", None),
    "Germany": ("DEU", "DEU", None), "Iran": ("IRN", "IRN", None), "Israel": ("ISR", "ISR", None),
    "Egypt": ("EGY", "EGY", None), "Kenya": ("KEN", "KEN", None), "Lebanon": ("LBN", "LBN", None),
    "the United States": ("USA", "USA", None), "The United States": ("USA", "USA", None), "Washington": ("USA", "USA", None),
    "the European Union": ("IGOEU", None, "IGO"),
    "The foreign minister": ("GOV", None, "GOV"), "the foreign minister": ("GOV", None, "GOV"),
    "Police": ("COP", None, "COP"), "police": ("COP", None, "COP"), "the army": ("MIL", None, "MIL"),
    "The army": ("MIL", None, "MIL"), "rebels": ("REB", None, "REB"), "Rebels": ("REB", None, "REB"),
    "protesters": ("OPP", None, "OPP"), "the opposition leader": ("OPP", None, "OPP"),
    "The ministry": ("GOV", None, "GOV"), "the ministry": ("GOV", None, "GOV"),
    "Turkish jets": ("TURMIL", "TUR", "MIL"), "Kenyan police": ("KENCOP", "KEN", "COP"),
    "Arsenal": ("ARSENAL", None, None), "Chelsea": ("CHELSEA", None, None),
    "the company": ("BUS", None, "BUS"), "its rival": ("BUS2", None, "BUS"),
}
_NAMES = sorted(ACTORS, key=len, reverse=True)


def mentions_for(sentences: Any) -> dict[int, tuple[Mention, ...]]:
    out: dict[int, tuple[Mention, ...]] = {}
    for s in sentences:
        found: list[Mention] = []
        taken: list[tuple[int, int]] = []
        for name in _NAMES:
            for m in re.finditer(rf"\b{re.escape(name)}\b", s.text):
                a, b = s.start + m.start(), s.start + m.end()
                if any(x < b and a < y for x, y in taken):
                    continue
                taken.append((a, b))
                code, country, sector = ACTORS[name]
                found.append(Mention(name, code, country, sector, a, b, "test"))
        out[s.index] = tuple(sorted(found, key=lambda m: m.start))
    return out


def code_with_table(text: str, date: str | None = "2016-10-04") -> list[Any]:
    """Events for ``text`` (one paragraph per line) with actors from ACTORS."""
    from tealeaves import clean, nlp
    from tealeaves.coding.coder import get_coder

    doc = Document(id="t", text=text, date=date)
    coder = get_coder()
    events: list[Any] = []
    for cdoc, sentences in nlp.parse([clean.clean(doc)], prefilter=False):
        events += coder.code_document(cdoc, sentences, mentions_for(sentences))
    return events


def one(events: list[Any], code_prefix: str = "") -> Any:
    hits = [e for e in events if e.cameo.startswith(code_prefix)]
    assert hits, f"no event with code {code_prefix!r} in {[(e.cameo, e.rule) for e in events]}"
    return hits[0]
