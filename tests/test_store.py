"""Store: migrations, idempotent writes, atomic replacement."""

from __future__ import annotations

from tealeaves import store
from tealeaves.clean import clean
from tealeaves.ingest import document_from_text
from tealeaves.models import Event, Mention


def _event(doc_id: str, cameo: str = "042", sentence: int = 1) -> Event:
    src = Mention("Russia", "RUS", "RUS", None, 0, 6)
    tgt = Mention("China", "CHN", "CHN", None, 15, 20)
    return Event(doc_id=doc_id, sentence=sentence, text="Russia visited China.", source=src, target=tgt, cameo=cameo,
                 root=cameo[:2], quad=1, goldstein=1.9, plover="CONSULT", modality="asserted",
                 evidence_start=7, evidence_end=14, rule="test", date="2016-10-04")


def test_migrations_are_recorded_once(con) -> None:
    names = [r[0] for r in con.execute("SELECT name FROM schema_migrations").fetchall()]
    assert "001_core" in names
    assert store.migrate(con) == []


def test_rewriting_a_document_replaces_it(con) -> None:
    cdoc = clean(document_from_text("Title\n\nRussia visited China.", "t"))
    row = store.document_row(cdoc, 1, 1)
    store.write(con, [row], [_event(cdoc.document.id)])
    store.write(con, [row], [_event(cdoc.document.id), _event(cdoc.document.id, "043", 2)])
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
    assert con.execute("SELECT count(*) FROM events").fetchone()[0] == 2


def test_same_text_gives_same_ids() -> None:
    a = document_from_text("Title\n\nRussia visited  China.", "a")
    b = document_from_text("Title\n\nRussia visited China.\n", "b")
    assert a.id == b.id
    assert _event(a.id).id == _event(b.id).id
    assert _event(a.id).id != _event(a.id, "043").id


def test_stats_and_queries(con) -> None:
    cdoc = clean(document_from_text("Title\n\nRussia visited China.", "t"))
    store.write(con, [store.document_row(cdoc, 1, 1)], [_event(cdoc.document.id)])
    s = store.stats(con)
    assert s["documents"] == 1 and s["events"] == 1
    assert store.query_events(con, dyad=("CHN", "RUS"))[0]["cameo"] == "042"
    assert store.query_events(con, actor="USA") == []


def test_the_readout_inside_a_callers_transaction_keeps_it_whole(con):
    """update_readout joins an open transaction instead of trying to begin one (a failed BEGIN
    aborts DuckDB's open transaction, and the caller's writes with it)."""
    from tealeaves.cluster import update_readout

    con.execute("BEGIN TRANSACTION")
    con.execute("INSERT INTO ingest_problems VALUES ('a.txt', 'unreadable', 'failed', now())")
    update_readout(con, ["no-such-document"])
    con.execute("COMMIT")
    assert con.execute("SELECT count(*) FROM ingest_problems").fetchone()[0] == 1
