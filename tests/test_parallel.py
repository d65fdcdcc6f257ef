"""``--workers N``: the same documents and events as one process, written by the parent."""

from __future__ import annotations

import os
from dataclasses import replace
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


FURNITURE = "Sign up for the morning briefing in your inbox"


def _cleaned(n: int) -> list[Any]:
    from tealeaves import clean

    repeated = clean.RepeatedLines()
    return [clean.clean(d, repeated) for d in _docs(n)]


def _summary(coded: list[Any]) -> list[tuple[Any, ...]]:
    return [(c.clean.document.id, c.clean.dropped, len(c.sentences), tuple(sorted((e.id, e.cameo) for e in c.events))) for c in coded]


def test_parent_and_helper_both_code_and_order_is_kept() -> None:
    cleaned = _cleaned(14)
    alone = list(pipeline.code_cleaned(cleaned, load_settings()))
    shared = list(pipeline.code_in_processes(cleaned, load_settings(workers=2), chunk=2))
    assert [c.clean.document.id for c in shared] == [c.document.id for c in cleaned]
    assert _summary(shared) == _summary(alone)
    assert sum(len(c.events) for c in shared) >= 8
    # helpers send sentences back without spaCy spans; what the parent coded keeps them
    in_helper = [c for c in shared if c.sentences and all(s.span is None for s in c.sentences)]
    here = [c for c in shared if any(s.span is not None for s in c.sentences)]
    assert in_helper and here


def test_site_furniture_is_dropped_the_same_with_two_workers() -> None:
    from tealeaves import clean

    docs = [replace(d, text=d.text + "\n\n" + FURNITURE) for d in _docs(12)]
    one = list(pipeline.code_documents(docs, load_settings(), clean.RepeatedLines()))
    two = list(pipeline.code_documents(docs, load_settings(workers=2), clean.RepeatedLines()))
    assert _summary(one) == _summary(two)
    dropped = [FURNITURE in c.clean.dropped for c in two]
    assert dropped[:2] == [False, False] and all(dropped[2:])  # repeated from its third document on


def _broken_chunk(cdocs: list[Any]) -> list[Any]:
    raise RuntimeError("simulated crash in a helper")


def test_a_failing_helper_is_reported_not_hung(monkeypatch: Any) -> None:
    from tealeaves import parallel

    monkeypatch.setattr(pipeline, "_code_chunk", _broken_chunk)
    with pytest.raises(parallel.WorkerError, match="simulated crash.*fewer --workers"):
        list(pipeline.code_in_processes(_cleaned(6), load_settings(workers=2), chunk=2))


def test_helpers_get_one_numeric_thread_and_the_parent_keeps_its_environment(monkeypatch: Any) -> None:
    from tealeaves import parallel

    monkeypatch.setenv("OMP_NUM_THREADS", "4")
    monkeypatch.delenv("OPENBLAS_NUM_THREADS", raising=False)
    with parallel._one_thread_env():
        assert os.environ["OMP_NUM_THREADS"] == "4"  # a user's explicit choice is kept
        assert os.environ["OPENBLAS_NUM_THREADS"] == "1"
    assert os.environ["OMP_NUM_THREADS"] == "4" and "OPENBLAS_NUM_THREADS" not in os.environ


def test_the_parent_takes_back_only_chunks_no_helper_has_started() -> None:
    from concurrent.futures import Future

    from tealeaves import parallel

    started: Future[list[Any]] = Future()
    assert started.set_running_or_notify_cancel()
    waiting: Future[list[Any]] = Future()
    chunks = parallel.deque([parallel._Chunk([], future=waiting), parallel._Chunk([], future=started)])
    assert parallel._steal(chunks) is chunks[0] and waiting.cancelled()
    chunks[0].future = None  # the parent codes it
    assert parallel._steal(chunks) is None  # the other one is running in a helper
