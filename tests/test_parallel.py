"""``--workers N``: the same documents and events as one process, written by the parent."""

from __future__ import annotations

from typing import Any

import pytest

from tealeaves import pipeline, store
from tealeaves.ingest import document_from_text
from tealeaves.settings import load_settings

TEXTS = [
    "Strikes on the coast\n\nIsraeli aircraft bombed Hamas positions in Gaza on Sunday.",
    "A visit\n\nThe French president visited Algeria and met President Abdelmadjid Tebboune.",
    "Markets\n\nShares in London closed higher after a quiet session.",
    "Sanctions\n\nThe European Union imposed sanctions on Belarus over the forced landing.",
    "Arrests\n\nIndian police arrested forty protesters in Delhi on Monday.",
]


def _docs(n: int) -> list[Any]:
    return [document_from_text(TEXTS[i % len(TEXTS)] + f" Report number {i}.", f"p{i}", date="2021-06-01") for i in range(n)]


@pytest.mark.slow
def test_two_workers_give_the_same_store_as_one(tmp_path: Any) -> None:
    docs = _docs(24)
    one = [(c.clean.document.id, sorted(e.id for e in c.events)) for c in pipeline.code_documents(docs, load_settings())]
    con = store.connect(str(tmp_path / "two.duckdb"))
    report = pipeline.store_documents(docs, con, load_settings(workers=2))
    got = dict(con.execute("SELECT doc_id, list(id ORDER BY id) FROM events GROUP BY doc_id").fetchall())
    assert report.ingested == 24
    assert sum(len(ids) for _, ids in one) > 10
    assert {d: ids for d, ids in one if ids} == got
    assert [r[0] for r in con.execute("SELECT id FROM documents ORDER BY id").fetchall()] == sorted(d.id for d in docs)


def test_ingest_workers_option(runner: Any, tmp_path: Any) -> None:
    from tealeaves.cli import main

    src = tmp_path / "in.txt"
    src.write_text(TEXTS[0], encoding="utf-8")
    res = runner.invoke(main, ["ingest", str(src), "--db", str(tmp_path / "s.duckdb"), "--workers", "2"])
    assert res.exit_code == 0, res.output
    assert "ingested 1 documents" in res.output
    res = runner.invoke(main, ["ingest", str(src), "--workers", "0"])
    assert res.exit_code != 0 and "--workers" in res.output
