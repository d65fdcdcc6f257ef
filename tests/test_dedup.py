"""Near-duplicate articles: reprints are linked to their earliest original, distinct stories are not."""

from __future__ import annotations

from typing import Any

from helpers import doc_row, put, story

from tealeaves import store
from tealeaves.cluster import update_readout


def links(con: Any) -> dict[str, str]:
    return dict(con.execute("SELECT doc_id, original_id FROM duplicates").fetchall())


def test_demo_reprints_are_linked_to_their_originals(con: Any) -> None:
    from tealeaves import clean, pipeline

    rows = [store.document_row(clean.clean(d), 0, 0) for d in pipeline.load_demo_documents()]
    put(con, rows, [])
    assert links(con) == {"demo-14": "demo-03", "demo-15": "demo-01", "demo-16": "demo-02"}
    kinds = dict(con.execute("SELECT doc_id, kind FROM duplicates").fetchall())
    assert set(kinds.values()) == {"syndicated"}


def test_lightly_edited_copy_in_a_later_batch_is_found(con: Any) -> None:
    text = story("grain corridor")
    put(con, [doc_row("a", text, "2016-10-01", "Wire Desk"), doc_row("b", story("election recount"), "2016-10-01", "Ledger")], [])
    edited = text.replace("talks", "negotiations", 1) + " Subscribe to our newsletter."
    put(con, [doc_row("c", edited, "2016-10-02", "Regional Times")], [])
    assert links(con) == {"c": "a"}
    sim = con.execute("SELECT similarity FROM duplicates WHERE doc_id = 'c'").fetchone()[0]
    assert 0.5 <= sim < 1.0


def test_an_earlier_copy_becomes_the_original_of_the_group(con: Any) -> None:
    text = story("dam dispute")
    put(con, [doc_row("late", text, "2016-10-05", "Ledger"), doc_row("later", text + " More.", "2016-10-06", "Herald")], [])
    assert links(con) == {"later": "late"}
    put(con, [doc_row("early", text + " Update.", "2016-10-03", "Wire Desk")], [])
    assert links(con) == {"late": "early", "later": "early"}


def test_deleting_the_original_frees_its_copy(con: Any) -> None:
    text = story("fishing rights")
    put(con, [doc_row("o", text, "2016-10-01", "Wire Desk"), doc_row("c", text + " Extra.", "2016-10-02", "Ledger")], [])
    assert links(con) == {"c": "o"}
    con.execute("DELETE FROM documents WHERE id = 'o'")
    update_readout(con, ["o"])
    assert links(con) == {}
    assert con.execute("SELECT count(*) FROM doc_signatures WHERE doc_id = 'o'").fetchone()[0] == 0


def test_different_stories_on_one_topic_are_not_duplicates(con: Any) -> None:
    put(con, [doc_row("x", story("pipeline talks"), "2016-10-01", "A"), doc_row("y", story("pipeline talks resumed"), "2016-10-01", "B")], [])
    assert links(con) == {}
