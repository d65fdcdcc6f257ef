"""Dates: turn the time words of a sentence into an event date with a precision.

"today", "yesterday", "on Tuesday", "two days ago", "last week", "October 19" are resolved against
the article's date. Weekdays and bare month-days point back (the most recent such day on or before
the article date) for past events and forward for future ones. Precision is ``day``, ``week``
(the Monday of that week) or ``month`` (the first of the month). An article without a date gives
no date and no precision for relative words: tealeaves does not guess. A sentence without any time
words takes the article's date, the usual convention for news events.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december")
NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "a": 1, "an": 1}
_MONTH_RE = "|".join(m[:3] + r"[a-z]*\.?" for m in MONTHS)
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH_RE})(?:,?\s+(\d{{4}}))?\b", re.I)
_MONTH_DAY = re.compile(rf"\b({_MONTH_RE})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?", re.I)
_MONTH_ONLY = re.compile(rf"\b(?:in|during|since|early|late|mid-?)\s+({_MONTH_RE})(?:\s+(\d{{4}}))?\b", re.I)
_MONTH_ALONE = re.compile(rf"^({_MONTH_RE})(?:\s+(\d{{4}}))?$", re.I)
_AGO = re.compile(r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|a|an)\s+(day|week|month)s?\s+ago\b", re.I)
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


@dataclass(frozen=True)
class EventDate:
    date: str | None  # ISO date, the first day of the week or month for coarser precision
    precision: str | None  # "day", "week" or "month"
    text: str | None  # the words it came from; None when it is the article's date


def _month(name: str) -> int:
    return next(i for i, m in enumerate(MONTHS, 1) if m.startswith(name[:3].lower()))


def _iso(d: dt.date) -> str:
    return d.isoformat()


def _monday(d: dt.date) -> dt.date:
    return d - dt.timedelta(days=d.weekday())


def _add_months(d: dt.date, n: int) -> dt.date:
    m = d.month - 1 + n
    return dt.date(d.year + m // 12, m % 12 + 1, 1)


def parse_article_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _month_day(month: int, day: int, year: str | None, base: dt.date | None, future: bool) -> dt.date | None:
    if year:
        try:
            return dt.date(int(year), month, day)
        except ValueError:
            return None
    if base is None:
        return None
    for y in ((base.year, base.year + 1) if future else (base.year, base.year - 1)):
        try:
            cand = dt.date(y, month, day)
        except ValueError:
            return None
        if (future and cand >= base) or (not future and cand <= base):
            return cand
    return None


def resolve(text: str, article_date: str | None, future: bool = False) -> EventDate | None:
    """The date that ``text`` (a time expression or a whole sentence) points at, or None if it names none.

    Returns an EventDate with date None when the words are relative and the article has no date.
    """
    base = parse_article_date(article_date)
    low = text.lower()
    unknown = EventDate(None, None, None)

    m = _ISO.search(low)
    if m:
        try:
            return EventDate(_iso(dt.date(int(m[1]), int(m[2]), int(m[3]))), "day", m[0])
        except ValueError:
            pass
    for rx, order in ((_MONTH_DAY, "md"), (_DAY_MONTH, "dm")):
        m = rx.search(text)
        if m:
            month, day = (m[1], m[2]) if order == "md" else (m[2], m[1])
            if not day.isdigit() or not 1 <= int(day) <= 31:
                continue
            d = _month_day(_month(month), int(day), m[3], base, future)
            if d is None and base is None and not m[3]:
                return EventDate(None, None, m[0])
            if d is not None:
                return EventDate(_iso(d), "day", m[0])
    for word, shift in (("today", 0), ("tonight", 0), ("this morning", 0), ("this afternoon", 0), ("this evening", 0),
                        ("yesterday", -1), ("last night", -1), ("tomorrow", 1)):
        if re.search(rf"\b{word}\b", low):
            return EventDate(_iso(base + dt.timedelta(days=shift)), "day", word) if base else EventDate(None, None, word)
    m = _AGO.search(low)
    if m:
        n = int(m[1]) if m[1].isdigit() else NUMBERS[m[1]]
        if base is None:
            return EventDate(None, None, m[0])
        if m[2] == "day":
            return EventDate(_iso(base - dt.timedelta(days=n)), "day", m[0])
        if m[2] == "week":
            return EventDate(_iso(_monday(base - dt.timedelta(weeks=n))), "week", m[0])
        return EventDate(_iso(_add_months(base.replace(day=1), -n)), "month", m[0])
    for phrase, unit, shift in (("last week", "week", -1), ("this week", "week", 0), ("next week", "week", 1),
                                ("earlier this week", "week", 0), ("last month", "month", -1), ("this month", "month", 0),
                                ("next month", "month", 1)):
        if phrase in low:
            if base is None:
                return EventDate(None, None, phrase)
            if unit == "week":
                return EventDate(_iso(_monday(base) + dt.timedelta(weeks=shift)), "week", phrase)
            return EventDate(_iso(_add_months(base.replace(day=1), shift)), "month", phrase)
    m = re.search(r"\b(?:(last|next|this|on|since|by|until)\s+)?(" + "|".join(WEEKDAYS) + r")\b", low)
    if m:
        if base is None:
            return EventDate(None, None, m[0])
        target = WEEKDAYS.index(m[2])
        if m[1] == "next" or (future and m[1] != "last"):
            delta = (target - base.weekday()) % 7
            delta = delta or (7 if m[1] == "next" else 0)
            return EventDate(_iso(base + dt.timedelta(days=delta)), "day", m[0])
        delta = (base.weekday() - target) % 7
        if m[1] == "last" and delta == 0:
            delta = 7
        return EventDate(_iso(base - dt.timedelta(days=delta)), "day", m[0])
    m = _MONTH_ONLY.search(text) or _MONTH_ALONE.match(text.strip())
    if m:
        month = _month(m[1])
        if m[2]:
            return EventDate(_iso(dt.date(int(m[2]), month, 1)), "month", m[0])
        if base is None:
            return EventDate(None, None, m[0])
        year = base.year
        if not future and month > base.month:
            year -= 1
        if future and month < base.month:
            year += 1
        return EventDate(_iso(dt.date(year, month, 1)), "month", m[0])
    return None if base is not None or text.strip() else unknown


def _dateparser_fallback(text: str, base: dt.date, future: bool) -> EventDate | None:
    """Other date words spaCy marks as DATE ("the 19th of last month"), via dateparser."""
    import dateparser  # type: ignore[import-untyped]

    got = dateparser.parse(text, languages=["en"], settings={
        "RELATIVE_BASE": dt.datetime(base.year, base.month, base.day),
        "PREFER_DATES_FROM": "future" if future else "past",
        "RETURN_TIME_AS_PERIOD": True,
    })
    if got is None:
        return None
    return EventDate(_iso(got.date()), "day", text)


def event_date(head: Token, article_date: str | None, future: bool = False) -> EventDate:
    """The date of the event headed by spaCy token ``head``: time words near it, else the article date.

    Only DATE/TIME entities of the head's own clause are read, so "said on Monday that the army
    attacked last week" dates the attack to last week and not to Monday.
    """
    sent = head.sent
    ents = [e for e in sent.ents if e.label_ in ("DATE", "TIME")]
    clause = _clause_of(head).i
    own = [e for e in ents if _clause_of(e.root).i == clause]
    for ent in sorted(own or [], key=lambda e: abs(e.root.i - head.i)):
        got = resolve(ent.text, article_date, future)
        if got is None and parse_article_date(article_date) and not re.search(r"\b(year|years|decade|century)\b", ent.text, re.I):
            base = parse_article_date(article_date)
            assert base is not None
            got = _dateparser_fallback(ent.text, base, future) if re.search(r"\d|" + _MONTH_RE, ent.text, re.I) else None
        if got is not None:
            return got
    if article_date is None:
        return EventDate(None, None, None)
    base = parse_article_date(article_date)
    return EventDate(_iso(base), "day", None) if base else EventDate(None, None, None)


_CLAUSE_DEPS = {"ccomp", "advcl", "relcl", "acl", "xcomp", "conj", "parataxis", "ROOT", "pcomp"}


def _clause_of(tok: Token) -> Token:
    """The verb heading the clause that ``tok`` belongs to (xcomp stays with its governor)."""
    t = tok
    for _ in range(30):
        if t.pos_ in ("VERB", "AUX") and t.dep_ in _CLAUSE_DEPS and t.dep_ != "xcomp":
            return t
        if t.head.i == t.i:
            return t
        t = t.head
    return t
