"""Event clustering: hand-made clusters where the right answer is known."""

from __future__ import annotations

from typing import Any

from helpers import doc_row, event, put, story

from tealeaves import store
from tealeaves.cluster import update_readout


def clusters(con: Any) -> list[dict[str, Any]]:
    cur = con.execute("SELECT * FROM clusters ORDER BY date, source_code, cameo")
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


def membership(con: Any) -> dict[str, str]:
    return dict(con.execute("SELECT event_id, cluster_id FROM cluster_members").fetchall())


def test_one_happening_across_outlets_copies_and_citations(con: Any) -> None:
    wire = story("talks suspended")
    docs = [
        doc_row("wire", wire, "2016-10-04", "Wire Desk"),
        doc_row("copy", wire + " Follow us for more.", "2016-10-04", "Regional Times"),  # syndicated copy
        doc_row("own", story("ledger analysis"), "2016-10-05", "The Evening Ledger"),     # own reporting
        doc_row("cite1", story("commentary one"), "2016-10-05", "Open Frontier"),        # cites Reuters
        doc_row("cite2", story("commentary two"), "2016-10-05", "Global Review"),        # cites Reuters too
    ]
    events = [
        event("wire", 0, "USA", "164", "RUS", "2016-10-04"),
        event("wire", 3, "USAGOV", "164", "RUSGOV", "2016-10-03"),  # same happening, body sentence, day before
        event("copy", 0, "USA", "164", "RUS", "2016-10-04"),
        event("own", 2, "USA", "160", "RUS", "2016-10-04"),          # neighbouring code, same root
        event("cite1", 1, "USA", "164", "RUS", "2016-10-04", modality="reported", cited="Reuters"),
        event("cite2", 4, "USA", "164", "RUS", "2016-10-04", modality="reported", cited="reuters"),
    ]
    put(con, docs, events)
    cs = clusters(con)
    assert len(cs) == 1
    c = cs[0]
    assert (c["mentions"], c["articles"], c["outlets"]) == (6, 5, 5)
    # Wire Desk (with its reprint), the Ledger, and Reuters (cited twice)
    assert c["independent_outlets"] == 3
    assert c["modality"] == "asserted"
    assert c["source_code"] == "USAGOV" and c["target_code"] == "RUSGOV"


def test_distinct_happenings_stay_apart(con: Any) -> None:
    docs = [doc_row("d1", story("one"), "2016-10-04", "A"), doc_row("d2", story("two"), "2016-10-04", "B")]
    events = [
        event("d1", 0, "USA", "164", "RUS", "2016-10-04"),
        event("d2", 0, "RUS", "164", "USA", "2016-10-04"),            # other direction
        event("d2", 1, "USA", "112", "RUS", "2016-10-04"),            # other root (accuse)
        event("d2", 2, "USA", "164", "RUS", "2016-10-09"),            # outside the day window
        event("d2", 3, "USA", "164", "RUS", "2016-10-04", modality="negated"),
        event("d2", 4, "USA", "164", "CHN", "2016-10-04"),            # other target
        event("d2", 5, "RUS", "195", "SYRREB", "2016-10-04", place="Aleppo"),
        event("d1", 6, "RUS", "195", "SYRREB", "2016-10-04", place="Idlib"),  # same act, other place
    ]
    put(con, docs, events)
    assert len(clusters(con)) == len(events)


def test_daily_repeats_do_not_chain_into_one_event(con: Any) -> None:
    docs = [doc_row(f"d{i}", story(f"day {i}"), f"2016-10-{i:02d}", f"Outlet {i}") for i in range(1, 8)]
    events = [event(f"d{i}", 0, "RUSMIL", "195", "SYRREB", f"2016-10-{i:02d}") for i in range(1, 8)]
    put(con, docs, events)
    # each mention is within a day of the next, but a cluster only reaches a day from its anchor
    assert 3 <= len(clusters(con)) <= 4
    assert max(c["articles"] for c in clusters(con)) <= 2


def test_a_new_article_attaches_to_an_existing_event(con: Any) -> None:
    put(con, [doc_row("first", story("first report"), "2016-10-06", "Wire Desk")],
        [event("first", 0, "RUS", "138", "USA", "2016-10-06")])
    before = clusters(con)
    assert len(before) == 1
    put(con, [doc_row("second", story("second report"), "2016-10-07", "Ledger")],
        [event("second", 2, "RUSMIL", "138", "USA", "2016-10-06")])
    after = clusters(con)
    assert [c["id"] for c in after] == [before[0]["id"]]
    assert (after[0]["mentions"], after[0]["articles"], after[0]["independent_outlets"]) == (2, 2, 2)


def test_reingest_and_delete_leave_no_dangling_members(con: Any) -> None:
    docs = [doc_row("a", story("alpha"), "2016-10-04", "A"), doc_row("b", story("beta"), "2016-10-04", "B")]
    put(con, docs, [event("a", 0, "FRA", "042", "RUS", "2016-10-04"), event("b", 0, "FRA", "042", "RUS", "2016-10-04")])
    assert clusters(con)[0]["articles"] == 2
    # re-ingest "a" with a different event: its old mention leaves the visit cluster
    put(con, [docs[0]], [event("a", 1, "FRA", "111", "RUS", "2016-10-04")])
    assert len(clusters(con)) == 2
    assert {c["cameo"]: c["articles"] for c in clusters(con)} == {"042": 1, "111": 1}
    # delete "b" outright
    con.execute("DELETE FROM events WHERE doc_id = 'b'")
    con.execute("DELETE FROM documents WHERE id = 'b'")
    update_readout(con, ["b"])
    ids = {r[0] for r in con.execute("SELECT id FROM events").fetchall()}
    assert set(membership(con)) == ids
    assert [c["cameo"] for c in clusters(con)] == ["111"]


def test_undated_mentions_merge_only_within_one_story(con: Any) -> None:
    text = story("undated")
    docs = [doc_row("u1", text, None, "A"), doc_row("u2", text + " More.", None, "B"), doc_row("u3", story("other undated"), None, "C")]
    events = [event(d, 0, "GBR", "051", "FRA", None) for d in ("u1", "u2", "u3")]
    put(con, docs, events)
    arts = sorted(c["articles"] for c in clusters(con))
    assert arts == [1, 2]


def test_events_written_without_readout_are_clustered_on_demand(con: Any) -> None:
    from tealeaves.readout import dyad_series

    put(con, [doc_row("n", story("late"), "2016-10-04", "A")], [event("n", 0, "USA", "042", "RUS", "2016-10-04")], readout=False)
    assert con.execute("SELECT count(*) FROM clusters").fetchone()[0] == 0
    series = dyad_series(con, "USA", "RUS", "day")
    assert [p.combined.q1 for p in series] == [1]
    assert con.execute("SELECT count(*) FROM cluster_members").fetchone()[0] == 1
    store.stats(con)
