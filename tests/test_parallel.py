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
    stores = []
    for n in (1, 2):
        con = store.connect(str(tmp_path / f"w{n}.duckdb"))
        report = pipeline.store_documents(docs, con, load_settings(workers=n))
        assert report.ingested == 24
        stores.append((con.execute("SELECT id, doc_id, cameo, source_code, target_code FROM events ORDER BY id").fetchall(),
                       con.execute("SELECT id, n_sentences, n_events FROM documents ORDER BY id").fetchall()))
    assert len(stores[0][0]) > 10
    assert stores[0] == stores[1]


def test_ingest_workers_option(runner: Any, tmp_path: Any) -> None:
    from tealeaves.cli import main

    src = tmp_path / "in.txt"
    src.write_text(TEXTS[0], encoding="utf-8")
    res = runner.invoke(main, ["ingest", str(src), "--db", str(tmp_path / "s.duckdb"), "--workers", "2"])
    assert res.exit_code == 0, res.output
    assert "ingested 1 documents" in res.output
    res = runner.invoke(main, ["ingest", str(src), "--workers", "0"])
    assert res.exit_code != 0 and "--workers" in res.output
