"""Score the coder on an event gold standard in the JSON Lines format of ``docs/annotation.md``.

A gold file holds one line per item: ``{"id", "events": [{"code", "source", "target", ...}]}``,
and the item's text either inline (``title``, ``text``) or in a corpus file joined by ``id`` (the
wire-news gold in ``evaluation/wire-2004/`` keeps only ids and events; its text stays in
``../shared``). Items are split by a hash of the id into a tuning half and a check half, and each
half is scored the way an analyst reads a dataset:

* ``precision``: counted events (asserted or reported) that are fully right: the right CAMEO root
  and the right source and target country (an intergovernmental body by its code; ``---`` when
  the text does not tell), paired one to one with the item's expected events;
* ``recall``: expected events found fully right;
* ``duplicates``: counted events that repeat root, source and target of an earlier counted event
  of the same item (one happening counted twice);
* ``no_source_country``: counted events whose source has no country;
* ``root_precision`` / ``root_recall``: the same pairing on the root alone.

``agreement`` compares two readings of the same items (the human ceiling).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from tealeaves.errors import InputError
from tealeaves.models import Document, Event, Mention

HALVES = ("tune", "check")
COUNTED = ("asserted", "reported")


@dataclass(frozen=True)
class GoldEvent:
    root: str
    source: str | None  # what is compared: ISO3 country, an IGO's code, or None
    target: str | None
    code: str


@dataclass(frozen=True)
class GoldItem:
    id: str
    events: tuple[GoldEvent, ...]
    title: str | None = None
    text: str | None = None
    paragraphs: int | None = None  # read only the first N paragraphs of the corpus text (a lead)


def half_of(item_id: str) -> str:
    """``tune`` or ``check``, fixed by a hash of the id so the split never depends on order."""
    return HALVES[hashlib.sha1(item_id.encode("utf-8")).digest()[0] & 1]


# codes whose first three letters are a region or a kind of group, not a country
NON_COUNTRY = frozenset({"IGO", "NGO", "IMG", "MNC", "INT", "MEA", "AFR", "EUR", "ASA", "SAM", "WST", "NAF", "LAM", "CAS", "SEA",
                         "SAS", "EAF", "WAF", "CAF", "SAF", "BLK", "CRB", "PGS", "---", "UAF"})


def country_actor(code: str) -> str | None:
    """What an actor code is compared on: the whole code for an intergovernmental body (IGO...),
    the ISO3 country for a country actor, None for anything else (``---REB``, ``NGO...``)."""
    code = (code or "").upper()
    if code.startswith("IGO") and len(code) > 3:
        return code
    if len(code) >= 3 and code[:3].isalpha() and code[:3] not in NON_COUNTRY:
        return code[:3]
    return None


def actor_key(code: str | None) -> str | None:
    """What an actor is compared on: an IGO by its first six letters (``IGOUNO``), a country by
    its ISO3 code, None for no country (``---``, ``---REB``, an NGO)."""
    key = country_actor(code or "")
    if key and key.startswith("IGO"):
        return key[:6]
    return key


def mention_key(m: Mention | None) -> str | None:
    if m is None:
        return None
    code = (m.code or "").upper()
    if code.startswith("IGO"):
        return code[:6]
    return actor_key(m.country) if m.country else actor_key(code)


def read_gold(path: str | Path) -> list[GoldItem]:
    """Read a gold file; a bad line is a clear error naming the line."""
    p = Path(path)
    if not p.is_file():
        raise InputError(f"gold file {p} not found")
    items = []
    for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            events = tuple(GoldEvent(str(e["code"])[:2], actor_key(e.get("source")), actor_key(e.get("target")), str(e["code"]))
                           for e in row.get("events", []))
            cut = row.get("paragraphs")
            items.append(GoldItem(str(row["id"]), events, row.get("title"), row.get("text"), int(cut) if cut else None))
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise InputError(f"{p}, line {n}: not a gold item ({exc}); see docs/annotation.md for the format") from None
    return items


def lead(title: str | None, text: str, paragraphs: int) -> str:
    """The first ``paragraphs`` paragraphs of an article, without a first line that repeats the
    title (BBC articles open with their headline): how an article becomes a wire-like item."""
    parts = [p.strip() for p in text.split("\n\n") if p.strip()]
    if parts and title and parts[0] == title.strip():
        parts = parts[1:]
    return "\n\n".join(parts[:paragraphs])


def attach_text(items: list[GoldItem], corpus: str | Path | None) -> list[GoldItem]:
    """Join text from a JSON Lines corpus (fields ``id``, ``title``, ``text``) where the gold has none."""
    if all(i.text is not None for i in items):
        return items
    if corpus is None or not Path(corpus).is_file():
        raise InputError(f"the gold items carry no text and the corpus {corpus} is not there; pass --corpus")
    texts: dict[str, tuple[str | None, str]] = {}
    with open(corpus, encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            texts[str(row["id"])] = (row.get("title"), row.get("text", ""))
    out = []
    for i in items:
        if i.text is None:
            if i.id not in texts:
                raise InputError(f"gold item {i.id} is not in the corpus {corpus}")
            title, text = texts[i.id]
            if i.paragraphs:
                text = lead(title, text, i.paragraphs)
            i = GoldItem(i.id, i.events, title, text, i.paragraphs)
        out.append(i)
    return out


def event_key(e: Event) -> tuple[str, str | None, str | None]:
    return e.root, mention_key(e.source), mention_key(e.target)


def pair_flags(gold: tuple[GoldEvent, ...] | list[GoldEvent], got: list[tuple[str, str | None, str | None]], full: bool = True) -> list[bool]:
    """For each coded (root, source, target) in order, whether it pairs one to one with an expected
    event still free (the root and, when ``full``, both actors)."""
    free = list(gold)
    out = []
    for root, src, tgt in got:
        match = next((g for g in free if g.root == root and (not full or (g.source == src and g.target == tgt))), None)
        if match is not None:
            free.remove(match)
        out.append(match is not None)
    return out


def _pair(gold: tuple[GoldEvent, ...], got: list[tuple[str, str | None, str | None]], full: bool) -> int:
    """How many counted events pair one to one with expected events."""
    return sum(pair_flags(gold, got, full))


@dataclass
class Tally:
    items: int = 0
    expected: int = 0
    counted: int = 0
    right: int = 0
    root_right: int = 0
    duplicates: int = 0
    no_source: int = 0

    def add(self, item: GoldItem, events: list[Event]) -> None:
        got = [event_key(e) for e in events if e.modality in COUNTED]
        self.items += 1
        self.expected += len(item.events)
        self.counted += len(got)
        self.right += _pair(item.events, got, full=True)
        self.root_right += _pair(item.events, got, full=False)
        self.duplicates += len(got) - len(set(got))
        self.no_source += sum(1 for _, src, _ in got if src is None)

    def figures(self) -> dict[str, float]:
        def ratio(a: int, b: int) -> float:
            return round(a / b, 4) if b else 0.0

        return {"items": float(self.items), "expected": float(self.expected), "counted": float(self.counted),
                "precision": ratio(self.right, self.counted), "recall": ratio(self.right, self.expected),
                "root_precision": ratio(self.root_right, self.counted), "root_recall": ratio(self.root_right, self.expected),
                "duplicates": ratio(self.duplicates, self.counted), "no_source_country": ratio(self.no_source, self.counted)}


def documents(items: Iterable[GoldItem]) -> Iterator[Document]:
    for i in items:
        yield Document(id=i.id, text=i.text or "", title=i.title or None)


def score(items: list[GoldItem], coded: dict[str, list[Event]]) -> dict[str, dict[str, float]]:
    """Figures per half (and ``all``) from each item's coded events."""
    tallies = {h: Tally() for h in (*HALVES, "all")}
    for item in items:
        events = coded.get(item.id, [])
        tallies[half_of(item.id)].add(item, events)
        tallies["all"].add(item, events)
    return {h: t.figures() for h, t in tallies.items()}


def agreement(first: list[GoldItem], second: list[GoldItem]) -> dict[str, float]:
    """F1 between two readings of the same items, on root + both actors and on the root alone."""
    by_id = {i.id: i for i in first}
    shared = [i for i in second if i.id in by_id]
    out: dict[str, float] = {"items": float(len(shared))}
    for name, full in (("f1", True), ("root_f1", False)):
        hits = a = b = 0
        for i in shared:
            other = by_id[i.id]
            hits += _pair(other.events, [(g.root, g.source, g.target) for g in i.events], full)
            a += len(other.events)
            b += len(i.events)
        out[name] = round(2 * hits / (a + b), 4) if a + b else 0.0
    return out
