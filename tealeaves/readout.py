"""Dyad readout: series of clustered events between two actors, and what they say versus what they do.

The unit is a cluster (one happening, however many articles report it), see ``tealeaves.cluster``.
Actor codes match by prefix: "RUS" matches RUSGOV and RUSMIL. By default only the settings'
``default_modalities`` count (asserted and reported); ``include_all_modalities`` counts every one.

``say_vs_do`` splits a dyad into a verbal track (quads 1 and 3) and a material track (quads 2 and 4),
and a contact line against a rhetoric line (CAMEO prefixes in ``data/readout/lines.csv``). A period is
flagged when hostile rhetoric rises while contact goes on, or when warm words rise while contact falls.
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import asdict, dataclass
from functools import lru_cache
from importlib import resources
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from tealeaves.errors import DataError, InputError
from tealeaves.settings import load_settings

if TYPE_CHECKING:
    from tealeaves.types import Connection

PERIODS = ("day", "week", "month")
MAX_PERIODS = 3700  # a little over ten years of days, seventy years of weeks: what one chart can show
STRONGEST = 3


@dataclass(frozen=True)
class Tally:
    """Clustered events of one direction in one period: counts and Goldstein sums per quad class."""

    q1: int = 0
    q2: int = 0
    q3: int = 0
    q4: int = 0
    g1: float = 0.0
    g2: float = 0.0
    g3: float = 0.0
    g4: float = 0.0

    @property
    def events(self) -> int:
        return self.q1 + self.q2 + self.q3 + self.q4

    @property
    def goldstein(self) -> float:
        return self.g1 + self.g2 + self.g3 + self.g4

    @property
    def verbal(self) -> int:
        return self.q1 + self.q3

    @property
    def material(self) -> int:
        return self.q2 + self.q4

    def count(self, quad: int) -> int:
        return int(getattr(self, f"q{quad}"))

    def __add__(self, other: Tally) -> Tally:
        return Tally(*(a + b for a, b in zip(asdict(self).values(), asdict(other).values())))

    def to_record(self) -> dict[str, Any]:
        return {**asdict(self), "events": self.events, "goldstein": self.goldstein}


@dataclass(frozen=True)
class SeriesPoint:
    """One period of a dyad series; ``combined`` counts each event once even if both codes match it."""

    start: dt.date
    a_to_b: Tally
    b_to_a: Tally
    combined: Tally

    def to_record(self) -> dict[str, Any]:
        return {"start": self.start.isoformat(), "a_to_b": self.a_to_b.to_record(),
                "b_to_a": self.b_to_a.to_record(), "combined": self.combined.to_record()}


@dataclass(frozen=True)
class SayDoPoint:
    start: dt.date
    verbal_cooperation: int
    verbal_conflict: int
    material_cooperation: int
    material_conflict: int
    verbal_goldstein: float
    material_goldstein: float
    contact: int
    rhetoric: int
    warm_words: int  # verbal cooperation outside the contact line

    def to_record(self) -> dict[str, Any]:
        return {**asdict(self), "start": self.start.isoformat()}


@dataclass(frozen=True)
class StrongEvent:
    """A clustered event behind a track, with the outlets that reported it."""

    cluster_id: str
    date: dt.date | None
    source: str | None
    target: str | None
    cameo: str
    quad: int
    goldstein: float
    modality: str
    text: str
    outlets: tuple[str, ...]
    mentions: int
    independent_outlets: int

    def to_record(self) -> dict[str, Any]:
        return {**asdict(self), "date": self.date.isoformat() if self.date else None, "outlets": list(self.outlets)}


@dataclass(frozen=True)
class Flag:
    start: dt.date
    kind: str  # hostile_rhetoric_with_contact | warm_words_falling_contact
    reason: str

    def to_record(self) -> dict[str, Any]:
        return {"start": self.start.isoformat(), "kind": self.kind, "reason": self.reason}


@dataclass(frozen=True)
class SayDo:
    a: str
    b: str
    period: str
    start: dt.date | None
    end: dt.date | None
    points: tuple[SayDoPoint, ...]
    verbal: tuple[StrongEvent, ...]
    material: tuple[StrongEvent, ...]
    flags: tuple[Flag, ...]

    def to_record(self) -> dict[str, Any]:
        return {
            "a": self.a, "b": self.b, "period": self.period,
            "start": self.start.isoformat() if self.start else None, "end": self.end.isoformat() if self.end else None,
            "points": [p.to_record() for p in self.points],
            "verbal": [e.to_record() for e in self.verbal], "material": [e.to_record() for e in self.material],
            "flags": [f.to_record() for f in self.flags],
        }


@lru_cache(maxsize=1)
def lines() -> dict[str, tuple[str, ...]]:
    """line name -> CAMEO prefixes, from ``data/readout/lines.csv``."""
    text = resources.files("tealeaves.data").joinpath("readout", "lines.csv").read_text(encoding="utf-8")
    out: dict[str, list[str]] = {}
    for row in csv.DictReader(ln for ln in text.splitlines() if not ln.startswith("#")):
        prefix = (row.get("cameo_prefix") or "").strip()
        if not prefix.isdigit() or row.get("line") not in ("contact", "rhetoric"):
            raise DataError(f"readout/lines.csv: bad row {row!r}; expected line contact|rhetoric and a numeric CAMEO prefix")
        out.setdefault(row["line"], []).append(prefix)
    return {k: tuple(v) for k, v in out.items()}


def _date(value: str | dt.date | None, what: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise InputError(f"{what} {value!r} is not a date; use YYYY-MM-DD") from None


def _code(value: str) -> str:
    code = (value or "").strip().upper()
    if not code.isalnum():
        raise InputError(f"actor code {value!r} is not a code such as USA or RUSGOV")
    return code


def _check(period: str) -> str:
    if period not in PERIODS:
        raise InputError(f"period {period!r} is not one of {', '.join(PERIODS)}")
    return period


def period_start(day: dt.date, period: str) -> dt.date:
    if period == "week":
        return day - dt.timedelta(days=day.weekday())
    if period == "month":
        return day.replace(day=1)
    return day


def next_period(day: dt.date, period: str) -> dt.date:
    if period == "day":
        return day + dt.timedelta(days=1)
    if period == "week":
        return day + dt.timedelta(days=7)
    return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def period_count(first: dt.date, last: dt.date, period: str) -> int:
    """How many periods a series from ``first`` to ``last`` has (0 when ``last`` is before ``first``)."""
    a, b = period_start(first, period), period_start(last, period)
    if b < a:
        return 0
    if period == "month":
        return (b.year - a.year) * 12 + b.month - a.month + 1
    return (b - a).days // (7 if period == "week" else 1) + 1


def check_periods(first: dt.date | None, last: dt.date | None, period: str, limit: int | None) -> None:
    """Refuses a series of more than ``limit`` periods before any of it is built."""
    if limit is not None and first and last and (n := period_count(first, last, period)) > limit:
        raise InputError(f"{n} {period}s from {first} to {last} is over the limit of {limit} periods per series; "
                         "narrow the dates or use a longer period")


def _periods(first: dt.date, last: dt.date, period: str, limit: int | None = None) -> list[dt.date]:
    check_periods(first, last, period, limit)
    out, p = [], period_start(first, period)
    while p <= last:
        out.append(p)
        p = next_period(p, period)
    return out


def counted_modalities(include_all: bool = False, modalities: Sequence[str] | None = None) -> tuple[str, ...] | None:
    """The modalities a readout counts (None: all of them): ``modalities`` when given, else the
    settings' ``default_modalities``."""
    if include_all:
        return None
    return tuple(modalities) if modalities is not None else load_settings().default_modalities


def min_confidence(value: float | None = None) -> float:
    """The confidence threshold a readout applies: ``value`` when given, else the settings' ``min_confidence``."""
    out = load_settings().min_confidence if value is None else float(value)
    if not 0.0 <= out <= 1.0:
        raise InputError(f"min_confidence {out} is not between 0 and 1")
    return out


def confidence_clause(column: str) -> str:
    """SQL keeping rows at or above ``$min_confidence``; rows scored before confidence existed pass."""
    return f"coalesce({column}, 1.0) >= $min_confidence"


def _where(a: str, b: str, start: dt.date | None, end: dt.date | None, modalities: tuple[str, ...] | None,
           t: str = "", threshold: float = 0.0) -> tuple[str, dict[str, Any]]:
    """The WHERE clause for a dyad (either direction) over ``clusters`` (aliased ``t``) and its parameters."""
    clauses = [f"{t}date IS NOT NULL",
               f"((starts_with({t}source_code, $a) AND starts_with({t}target_code, $b)) OR (starts_with({t}source_code, $b) AND starts_with({t}target_code, $a)))"]
    params: dict[str, Any] = {"a": a, "b": b}
    if start:
        clauses.append(f"{t}date >= $start")
        params["start"] = start
    if end:
        clauses.append(f"{t}date <= $end")
        params["end"] = end
    if modalities is not None:
        clauses.append(f"list_contains($modalities, {t}modality)")
        params["modalities"] = list(modalities)
    if threshold > 0:
        clauses.append(confidence_clause(f"{t}confidence"))
        params["min_confidence"] = threshold
    return " AND ".join(clauses), params


def dyad_series(con: Connection, a: str, b: str, period: str = "week", start: str | None = None, end: str | None = None,
                include_all_modalities: bool = False, modalities: Sequence[str] | None = None,
                max_periods: int | None = None, min_conf: float | None = None) -> list[SeriesPoint]:
    """Per period: counts and Goldstein sums per quad class for a→b, b→a and both, with empty periods filled.
    Counts the ``modalities`` given, else the settings' default ones, unless ``include_all_modalities``,
    and clusters at or above ``min_conf`` (else the settings' ``min_confidence``). With ``max_periods``,
    a series longer than that raises InputError instead."""
    from tealeaves.cluster import ensure_readout

    a, b, period = _code(a), _code(b), _check(period)
    d0, d1 = _date(start, "start"), _date(end, "end")
    check_periods(d0, d1, period, max_periods)
    ensure_readout(con)
    where, params = _where(a, b, d0, d1, counted_modalities(include_all_modalities, modalities), threshold=min_confidence(min_conf))
    aggs = []
    for _name, cond in (("ab", "starts_with(source_code, $a) AND starts_with(target_code, $b)"),
                       ("ba", "starts_with(source_code, $b) AND starts_with(target_code, $a)"), ("both", "true")):
        for q in (1, 2, 3, 4):
            aggs.append(f"count(*) FILTER (WHERE {cond} AND quad = {q})")
        for q in (1, 2, 3, 4):
            aggs.append(f"coalesce(sum(goldstein) FILTER (WHERE {cond} AND quad = {q}), 0)")
    sql = f"SELECT date_trunc('{period}', date)::DATE AS p, {', '.join(aggs)} FROM clusters WHERE {where} GROUP BY 1 ORDER BY 1"
    rows = {r[0]: r[1:] for r in con.execute(sql, params).fetchall()}
    first = d0 or (min(rows) if rows else None)
    last = d1 or (max(rows) if rows else None)
    if first is None or last is None:
        return []
    out = []
    for p in _periods(first, last, period, max_periods):
        r = rows.get(p)
        if r is None:
            out.append(SeriesPoint(p, Tally(), Tally(), Tally()))
        else:
            out.append(SeriesPoint(p, Tally(*r[0:4], *map(float, r[4:8])), Tally(*r[8:12], *map(float, r[12:16])),
                                   Tally(*r[16:20], *map(float, r[20:24]))))
    return out


def _prefix_filter(prefixes: tuple[str, ...]) -> str:
    return "(" + " OR ".join(f"starts_with(cameo, '{p}')" for p in prefixes) + ")" if prefixes else "false"


def strongest(con: Connection, a: str, b: str, quads: tuple[int, ...], start: dt.date | None, end: dt.date | None,
              modalities: tuple[str, ...] | None = None, limit: int = STRONGEST, threshold: float = 0.0) -> tuple[StrongEvent, ...]:
    """The clustered events with the largest Goldstein magnitude in the given quads, best corroborated first
    (of the given ``modalities``; None: all)."""
    from tealeaves.cluster import cluster_outlets

    where, params = _where(a, b, start, end, modalities, t="c.", threshold=threshold)
    rows = con.execute(
        f"""SELECT c.id, c.date, c.source_code, c.target_code, c.cameo, c.quad, c.goldstein, c.modality, e.text,
                   c.mentions, c.independent_outlets
            FROM clusters c LEFT JOIN events e ON e.id = c.representative
            WHERE {where}
              AND c.quad IN ({', '.join(str(q) for q in quads)})
            ORDER BY abs(c.goldstein) DESC, c.independent_outlets DESC, c.mentions DESC, c.date, c.id LIMIT {int(limit)}""",
        params).fetchall()
    outlets = cluster_outlets(con, [r[0] for r in rows])
    return tuple(StrongEvent(r[0], r[1], r[2], r[3], r[4], int(r[5]), float(r[6] or 0.0), r[7], r[8] or "",
                             tuple(outlets.get(r[0], [])), int(r[9] or 0), int(r[10] or 0)) for r in rows)


def say_vs_do(con: Connection, a: str, b: str, period: str = "week", start: str | None = None, end: str | None = None,
              include_all_modalities: bool = False, modalities: Sequence[str] | None = None,
              max_periods: int | None = None, min_conf: float | None = None) -> SayDo:
    """The verbal and material tracks of a dyad (both directions), its contact and rhetoric lines,
    the strongest events behind each track, and the periods where words and deeds part ways.
    ``max_periods`` bounds the series as in ``dyad_series``."""
    from tealeaves.cluster import ensure_readout

    a, b, period = _code(a), _code(b), _check(period)
    d0, d1 = _date(start, "start"), _date(end, "end")
    check_periods(d0, d1, period, max_periods)
    ensure_readout(con)
    counted = counted_modalities(include_all_modalities, modalities)
    threshold = min_confidence(min_conf)
    where, params = _where(a, b, d0, d1, counted, threshold=threshold)
    ln = lines()
    contact, rhetoric = _prefix_filter(ln.get("contact", ())), _prefix_filter(ln.get("rhetoric", ()))
    sql = f"""
        SELECT date_trunc('{period}', date)::DATE AS p,
               count(*) FILTER (WHERE quad = 1), count(*) FILTER (WHERE quad = 3),
               count(*) FILTER (WHERE quad = 2), count(*) FILTER (WHERE quad = 4),
               coalesce(sum(goldstein) FILTER (WHERE quad IN (1, 3)), 0), coalesce(sum(goldstein) FILTER (WHERE quad IN (2, 4)), 0),
               count(*) FILTER (WHERE {contact}), count(*) FILTER (WHERE {rhetoric}),
               count(*) FILTER (WHERE quad = 1 AND NOT {contact})
        FROM clusters WHERE {where} GROUP BY 1 ORDER BY 1"""
    rows = {r[0]: r[1:] for r in con.execute(sql, params).fetchall()}
    first = d0 or (min(rows) if rows else None)
    last = d1 or (max(rows) if rows else None)
    points: list[SayDoPoint] = []
    if first and last:
        for p in _periods(first, last, period, max_periods):
            r = rows.get(p, (0, 0, 0, 0, 0.0, 0.0, 0, 0, 0))
            points.append(SayDoPoint(p, int(r[0]), int(r[1]), int(r[2]), int(r[3]), float(r[4]), float(r[5]), int(r[6]), int(r[7]), int(r[8])))
    return SayDo(a, b, period, d0, d1, tuple(points),
                 strongest(con, a, b, (1, 3), d0, d1, counted, threshold=threshold),
                 strongest(con, a, b, (2, 4), d0, d1, counted, threshold=threshold),
                 tuple(flag_periods(points)))


def flag_periods(points: list[SayDoPoint]) -> list[Flag]:
    """Periods where hostile rhetoric rises while contact goes on, or warm words rise while contact falls."""
    flags = []
    for prev, cur in zip(points, points[1:]):
        if cur.rhetoric > prev.rhetoric and cur.contact > 0:
            flags.append(Flag(cur.start, "hostile_rhetoric_with_contact",
                              f"rhetoric rose from {prev.rhetoric} to {cur.rhetoric} events while {cur.contact} contact event(s) went on"))
        if cur.warm_words > 0 and cur.warm_words >= prev.warm_words and cur.contact < prev.contact:
            flags.append(Flag(cur.start, "warm_words_falling_contact",
                              f"warm words held at {cur.warm_words} (from {prev.warm_words}) while contact fell from {prev.contact} to {cur.contact}"))
    return flags
