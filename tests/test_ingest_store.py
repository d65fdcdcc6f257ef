"""Ingest into the store: re-runs add nothing, other languages are stored uncoded, a kill -9 loses nothing."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import duckdb
import pytest

from tealeaves import pipeline

CLI = "from tealeaves.cli import main; main()"
N_KILL_DOCS = 300
FRENCH = ("Le ministre des affaires étrangères a rencontré mardi son homologue allemand à Paris pour "
          "discuter de la crise à la frontière et des sanctions contre le régime.")




def _corpus(path: Path, n: int) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps({"text": f"Story {i}\n\nThe district council in town number {i} voted on Monday to repair the "
                                         "flood wall, and the mayor said work would start next week.", "date": "2023-06-05"}) + "\n")
    return path


def test_rerun_adds_nothing(tmp_path: Path, con: Any, no_actors: None) -> None:
    src = _corpus(tmp_path / "a.jsonl", 5)
    first = pipeline.ingest_paths([str(src)], con=con)
    assert (first.ingested, first.skipped, first.failed) == (5, 0, 0)
    ids = sorted(r[0] for r in con.execute("SELECT id FROM documents").fetchall())
    again = pipeline.ingest_paths([str(src), str(src)], con=con)
    assert (again.ingested, again.skipped) == (0, 10)
    assert sorted(r[0] for r in con.execute("SELECT id FROM documents").fetchall()) == ids


def test_other_languages_are_stored_but_not_coded(tmp_path: Path, con: Any, no_actors: None) -> None:
    src = tmp_path / "mixed.jsonl"
    src.write_text(json.dumps({"id": "fr-1", "text": FRENCH}) + "\n", encoding="utf-8")
    rep = pipeline.ingest_paths([str(src)], con=con)
    assert (rep.ingested, rep.not_coded) == (1, 1)
    status, note, language = con.execute("SELECT status, note, language FROM documents WHERE id = 'fr-1'").fetchone()
    assert (status, language) == ("not_coded", "fr") and "only English is coded" in note
    assert "1 stored but not coded" in rep.summary


def test_problems_are_logged_in_the_store(tmp_path: Path, con: Any, no_actors: None) -> None:
    src = _corpus(tmp_path / "b.jsonl", 1)
    with src.open("a") as fh:
        fh.write('{"text": "cut sh')
    pipeline.ingest_paths([str(src)], con=con)
    pipeline.ingest_paths([str(src)], con=con)
    rows = con.execute("SELECT origin, kind FROM ingest_problems").fetchall()
    assert rows == [(f"{src}:2", "failed")]  # logged once however often it is met


def test_cli_summary_and_exit_codes(tmp_path: Path, runner: Any, no_actors: None) -> None:
    from tealeaves.cli import main

    db = str(tmp_path / "s.duckdb")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    res = runner.invoke(main, ["ingest", str(bad), "--db", db])
    assert res.exit_code == 1 and f"failed: {bad}: is empty" in res.output and "failed 1" in res.output
    good = _corpus(tmp_path / "g.jsonl", 2)
    res = runner.invoke(main, ["ingest", str(good), str(bad), "--db", db])
    assert res.exit_code == 0 and "ingested 2 documents" in res.output and "failed 1" in res.output
    res = runner.invoke(main, ["ingest", str(good), "--db", db])
    assert res.exit_code == 0 and "ingested 0 documents" in res.output and "skipped 2 already stored" in res.output


def test_recode_replaces_events_and_keeps_documents(tmp_path: Path, con: Any, code: Any) -> None:
    src = tmp_path / "r.jsonl"
    src.write_text(json.dumps({"id": "r1", "date": "2016-10-04", "text": "Russia accuses Ukraine\n\n"
                               "Russia accused Ukraine of shelling a border village on Monday."}) + "\n", encoding="utf-8")
    pipeline.ingest_paths([str(src)], con=con)
    before = con.execute("SELECT id, coder FROM events ORDER BY id").fetchall()
    assert before and all(c for _, c in before)
    rep = pipeline.recode_store(con)
    assert rep.ingested == 1 and rep.skipped == 0
    assert con.execute("SELECT id, coder FROM events ORDER BY id").fetchall() == before
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 1


def _consistent(db: str) -> tuple[int, set[str]]:
    con = duckdb.connect(db, read_only=True)
    try:
        bad = con.execute("SELECT count(*) FROM documents d WHERE n_events <> (SELECT count(*) FROM events e WHERE e.doc_id = d.id)").fetchone()[0]
        orphans = con.execute("SELECT count(*) FROM events e WHERE e.doc_id NOT IN (SELECT id FROM documents)").fetchone()[0]
        assert bad == 0 and orphans == 0, "half-written document in the store"
        ids = {r[0] for r in con.execute("SELECT id FROM documents").fetchall()}
        return len(ids), ids
    finally:
        con.close()


@pytest.mark.slow
def test_kill_9_mid_run_then_resume(tmp_path: Path) -> None:
    src = tmp_path / "wire.jsonl"
    with src.open("w", encoding="utf-8") as fh:
        for i in range(N_KILL_DOCS):
            fh.write(json.dumps({"text": f"Talks round {i}\n\nRussia and Ukraine held talks in Istanbul on Tuesday about "
                                         f"prisoner exchange number {i}. Turkey hosted the meeting.", "date": "2022-03-29"}) + "\n")
    db = str(tmp_path / "k.duckdb")
    cmd = [sys.executable, "-c", CLI, "ingest", str(src), "--db", db]
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    proc = subprocess.Popen(cmd, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    wal = Path(db + ".wal")
    deadline = time.monotonic() + 300
    first_size = 0
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.1)
        size = wal.stat().st_size if wal.exists() else 0
        first_size = first_size or size  # the migrations' own log entries
        if first_size and size > first_size + 16_000:
            break  # a batch of documents has been committed; the next one is being coded
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    n_killed, ids_killed = _consistent(db)
    assert 0 < n_killed < N_KILL_DOCS, "the run should have been killed part-way"
    res = subprocess.run(cmd, env=env,
                         capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, res.stderr
    assert f"skipped {n_killed} already stored" in res.stderr + res.stdout
    n_after, ids_after = _consistent(db)
    assert n_after == N_KILL_DOCS and ids_killed <= ids_after
    again = subprocess.run(cmd, env=env,
                           capture_output=True, text=True, timeout=600)
    assert "ingested 0 documents" in again.stdout and _consistent(db)[1] == ids_after
