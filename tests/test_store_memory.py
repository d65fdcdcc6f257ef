"""A store file's DuckDB memory is capped by the settings, so long runs stay the same size."""

import pytest

from tealeaves import store
from tealeaves.errors import StoreError


def test_store_file_takes_the_memory_cap(tmp_path, monkeypatch):
    monkeypatch.setenv("TEALEAVES_STORE_MEMORY", "96MB")
    con = store.connect(tmp_path / "capped.duckdb")
    limit = con.execute("SELECT current_setting('memory_limit')").fetchone()[0]
    assert limit.endswith("MiB") and 80 < float(limit.split()[0]) < 100
    monkeypatch.setenv("TEALEAVES_STORE_MEMORY", "a lot")
    with pytest.raises(StoreError, match="store_memory"):
        store.connect(tmp_path / "other.duckdb")


def _tables(con):
    """Every stored row a user could see, in a fixed order (times of writing left out)."""
    out = {}
    for table, cols in [("documents", "id, title, date, status, n_events"),
                        ("events", "id, doc_id, cameo, source_code, target_code, date, confidence"),
                        ("cluster_members", "event_id, cluster_id, doc_id"),
                        ("clusters", "id, cameo, source_code, target_code, mentions, articles, representative"),
                        ("duplicates", "doc_id, original_id, kind")]:
        out[table] = con.execute(f"SELECT {cols} FROM {table} ORDER BY ALL").fetchall()
    return out


def test_renewing_the_store_changes_nothing_stored(tmp_path, monkeypatch):
    from dataclasses import replace

    from tealeaves import pipeline
    from tealeaves.settings import load_settings

    docs = pipeline.load_demo_documents()[:8]
    docs = docs + [replace(d, id=d.id + "-copy") for d in docs[:4]]  # copies, so duplicates and clusters join across renewals
    results = {}
    real = store.RenewableStore.renew
    renewals: list[int] = []
    monkeypatch.setattr(store.RenewableStore, "renew", lambda c: renewals.append(1) or real(c))
    for every in (0, 1):
        settings = load_settings(db=str(tmp_path / f"every{every}.duckdb")).with_(store_renew_every=every)
        renewals.clear()
        monkeypatch.setattr(pipeline, "WRITE_BATCH", 2)  # a batch of two documents, then a renewal
        con = store.connect(settings.db, renewable=True)
        pipeline.store_documents(docs, con, settings)
        results[every] = _tables(con)
        con.close()
        assert bool(renewals) == bool(every)
    assert results[0]["events"] and results[0]["duplicates"]
    assert results[1] == results[0]


def test_renewal_needs_a_renewable_store_outside_a_transaction(tmp_path):
    path = tmp_path / "r.duckdb"
    con = store.connect(path, renewable=True)
    con.execute("INSERT INTO ingest_problems VALUES ('a.txt', 'unreadable', 'failed', now())")
    assert store.renew(con)
    assert con.execute("SELECT count(*) FROM ingest_problems").fetchone()[0] == 1
    limit = con.execute("SELECT current_setting('memory_limit')").fetchone()[0]
    assert limit.endswith("MiB")  # the reopened store keeps its memory cap
    con.execute("BEGIN TRANSACTION")
    con.execute("INSERT INTO ingest_problems VALUES ('b.txt', 'unreadable', 'failed', now())")
    assert not store.renew(con)  # the caller's transaction stays open and whole
    con.execute("COMMIT")
    assert con.execute("SELECT count(*) FROM ingest_problems").fetchone()[0] == 2
    assert not store.renew(store.connect(":memory:"))
    assert not store.renew(store.connect(path))  # a plain connection is never renewed
    con.close()


def test_the_store_is_renewed_after_so_many_documents_over_several_calls(tmp_path, monkeypatch):
    con = store.connect(tmp_path / "w.duckdb", renewable=True)
    renewed = []
    real = store.RenewableStore.renew
    monkeypatch.setattr(store.RenewableStore, "renew", lambda c: renewed.append(1) or real(c))
    assert not store.wrote(con, 3, 5)
    assert store.wrote(con, 3, 5) and renewed == [1]  # as `watch` writes a few documents per poll
    assert not store.wrote(con, 4, 5)
    assert not store.wrote(con, 100, 0)  # 0: never
    con.close()


def test_a_store_taken_while_it_is_renewed_is_a_clear_error(tmp_path, monkeypatch):
    import duckdb

    path = tmp_path / "t.duckdb"
    con = store.connect(path, renewable=True)
    con.execute("INSERT INTO ingest_problems VALUES ('a.txt', 'unreadable', 'failed', now())")

    def taken(*args, **kwargs):
        raise duckdb.IOException("Could not set lock on file: Conflicting lock is held")

    monkeypatch.setattr(duckdb, "connect", taken)  # as if another process opened the file in between
    with pytest.raises(StoreError, match="written before is stored"):
        store.renew(con)
    monkeypatch.undo()
    again = store.connect(path)
    assert again.execute("SELECT count(*) FROM ingest_problems").fetchone()[0] == 1
    again.close()
