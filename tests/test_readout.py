"""Dyad series arithmetic and say versus do."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from helpers import doc_row, event, put, story

from tealeaves import ontology
from tealeaves.errors import InputError
from tealeaves.readout import Tally, dyad_series, say_vs_do

G = lambda code: ontology.lookup(code).goldstein  # noqa: E731


@pytest.fixture()
def dyad(con: Any) -> Any:
    # week of 3 Oct 2016 (Mon) and week of 17 Oct; nothing in the week of 10 Oct
    docs = [doc_row(f"d{i}", story(f"doc {i}"), d, f"Outlet {i}") for i, d in enumerate(
        ["2016-10-03", "2016-10-04", "2016-10-05", "2016-10-17", "2016-10-18", "2016-10-19"])]
    events = [
        event("d0", 0, "USAGOV", "042", "RUS", "2016-10-03"),    # q1, USA->RUS
        event("d1", 0, "RUS", "112", "USA", "2016-10-04"),       # q3, RUS->USA
        event("d1", 1, "RUSMIL", "190", "USA", "2016-10-04"),    # q4, RUS->USA
        event("d2", 0, "USA", "130", "RUS", "2016-10-05", modality="hypothetical"),  # left out by default
        event("d3", 0, "USA", "138", "RUSGOV", "2016-10-17"),    # q3
        event("d4", 0, "USA", "111", "RUS", "2016-10-18"),       # q3
        event("d5", 0, "RUS", "043", "USA", "2016-10-19"),       # q1 contact
        event("d5", 1, "CHN", "042", "RUS", "2016-10-19"),       # another dyad
    ]
    put(con, docs, events)
    return con


def test_weekly_series_counts_and_goldstein_sums(dyad: Any) -> None:
    s = dyad_series(dyad, "USA", "RUS", "week", "2016-10-01", "2016-10-23")
    assert [p.start for p in s] == [dt.date(2016, 9, 26), dt.date(2016, 10, 3), dt.date(2016, 10, 10), dt.date(2016, 10, 17)]
    w1, w3 = s[1], s[3]
    assert (w1.a_to_b.q1, w1.b_to_a.q3, w1.b_to_a.q4) == (1, 1, 1)
    assert w1.a_to_b.g1 == pytest.approx(G("042"))
    assert w1.b_to_a.goldstein == pytest.approx(G("112") + G("190"))
    assert w1.combined == w1.a_to_b + w1.b_to_a
    assert s[0].combined == Tally() and s[2].combined.events == 0
    assert (w3.a_to_b.q3, w3.b_to_a.q1) == (2, 1)
    assert w3.a_to_b.g3 == pytest.approx(G("138") + G("111"))
    assert sum(p.combined.events for p in s) == 6


def test_modalities_periods_and_prefixes(dyad: Any) -> None:
    allm = dyad_series(dyad, "USA", "RUS", "month", include_all_modalities=True)
    assert len(allm) == 1 and allm[0].combined.events == 7 and allm[0].a_to_b.q3 == 3
    days = dyad_series(dyad, "usa", "rus", "day", "2016-10-03", "2016-10-05")
    assert [p.combined.events for p in days] == [1, 2, 0]
    mil = dyad_series(dyad, "RUSMIL", "USA", "month")
    assert mil[0].combined.events == 1 and mil[0].a_to_b.q4 == 1
    assert dyad_series(dyad, "USA", "CHN", "week") == []


def test_bad_arguments_are_input_errors(dyad: Any) -> None:
    with pytest.raises(InputError, match="period"):
        dyad_series(dyad, "USA", "RUS", "fortnight")
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        dyad_series(dyad, "USA", "RUS", "week", start="last tuesday")


def test_say_vs_do_tracks_strongest_and_flags(con: Any) -> None:
    # week 1: talks and a visit, no rhetoric; week 2: threats and accusations while talks go on;
    # week 3: warm words but no more meetings
    rows, evs = [], []
    spec = [("2016-10-03", "046", "USA", "RUS"), ("2016-10-04", "042", "RUS", "USA"),
            ("2016-10-10", "138", "RUS", "USA"), ("2016-10-11", "112", "USA", "RUS"), ("2016-10-12", "046", "USA", "RUS"),
            ("2016-10-12", "190", "RUSMIL", "USA"),
            ("2016-10-17", "051", "USA", "RUS"), ("2016-10-18", "030", "RUS", "USA")]
    for i, (d, code, s, t) in enumerate(spec):
        rows.append(doc_row(f"s{i}", story(f"saydo {i}"), d, f"Outlet {i % 3}"))
        evs.append(event(f"s{i}", 0, s, code, t, d))
    put(con, rows, evs)
    sd = say_vs_do(con, "USA", "RUS", "week", "2016-10-03", "2016-10-23")
    assert [(p.contact, p.rhetoric) for p in sd.points] == [(2, 0), (1, 2), (0, 0)]
    assert [p.verbal_conflict for p in sd.points] == [0, 2, 0]
    assert [p.material_conflict for p in sd.points] == [0, 1, 0]
    kinds = {(f.start, f.kind) for f in sd.flags}
    assert kinds == {(dt.date(2016, 10, 10), "hostile_rhetoric_with_contact"), (dt.date(2016, 10, 17), "warm_words_falling_contact")}
    assert sd.verbal[0].cameo == "046" and sd.verbal[0].outlets
    assert [e.cameo for e in sd.material] == ["190"]
    rec = sd.to_record()
    assert rec["flags"][0]["reason"] and rec["points"][0]["start"] == "2016-10-03"
