"""``tealeaves run`` on a Dask LocalCluster: Parquet by month, stable ids, resumable, loadable."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import duckdb
import pytest

from tealeaves import scale, store

STORIES = [
    ("2021-03-02", "Chinese coast guard ships blocked Philippine supply boats near the shoal."),
    ("2021-03-15", "The German chancellor met the Polish prime minister in Warsaw."),
    ("2021-04-07", "Pakistani troops attacked Taliban fighters near the Afghan border."),
    ("2021-04-21", "Kenyan police arrested dozens of opposition supporters in Nairobi."),
    ("", "Israeli aircraft bombed Hamas positions in Gaza."),
]


def _corpus(folder: Path, n: int = 20) -> Path:
    path = folder / "corpus.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            date, text = STORIES[i % len(STORIES)]
            rec = {"id": f"s{i}", "title": f"Story {i}", "text": f"Story {i}\n\n{text} Officials gave no figure for day {i}."}
            if date:
                rec["date"] = date
            fh.write(json.dumps(rec) + "\n")
    return path


def test_plan_cuts_json_lines_into_byte_ranges(tmp_path: Path) -> None:
    path = _corpus(tmp_path)
    parts = scale.plan([str(path)], partition_bytes=700)
    assert len(parts) > 2 and parts[0].start == 0 and parts[-1].end == path.stat().st_size
    seen = [d.id for p in parts for d in scale.read_partition(p)]
    assert seen == [f"s{i}" for i in range(20)]  # every record once, in order
    assert [p.id for p in scale.plan([str(path)], partition_bytes=700)] == [p.id for p in parts]


@pytest.mark.cluster
def test_run_is_the_same_with_one_or_two_workers_and_resumes(tmp_path: Path, runner: Any) -> None:
    from tealeaves.cli import main

    corpus = _corpus(tmp_path)
    outs = []
    for n in (1, 2):
        out = tmp_path / f"out{n}"
        rep = scale.run([str(corpus)], str(out), workers=n, partition_bytes=1500)
        assert rep.partitions > 1 and rep.documents == 20
        outs.append(out)
    rows = [duckdb.sql(f"SELECT event_id, doc_id, cameo, source_code, target_code, month FROM read_parquet('{o}/events/*/*.parquet', hive_partitioning=true) ORDER BY event_id").fetchall() for o in outs]
    assert len(rows[0]) >= 10 and rows[0] == rows[1]
    months = {r[5] for r in rows[0]}
    assert {"2021-03", "2021-04", "unknown"} <= months
    # a re-run skips every finished partition
    again = scale.run([str(corpus)], str(outs[0]), workers=1, partition_bytes=1500)
    assert again.partitions == 0 and again.skipped > 1
    # and the dataset loads into a store with the same ids
    db = tmp_path / "loaded.duckdb"
    res = runner.invoke(main, ["ingest", "--from-parquet", str(outs[0]), "--db", str(db)])
    assert res.exit_code == 0, res.output
    con = store.connect(str(db))
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 20
    assert sorted(r[0] for r in con.execute("SELECT id FROM events").fetchall()) == [r[0] for r in rows[0]]
    con.close()


def test_a_partition_is_coded_and_stored_as_ingest_does(tmp_path: Path) -> None:
    from tealeaves import ingest, pipeline
    from tealeaves.settings import load_settings

    corpus = _corpus(tmp_path, n=6)
    with corpus.open("a", encoding="utf-8") as fh:
        fh.write("{not json\n")
        fh.write(json.dumps({"id": "s0", "text": "Story 0 again, the same id."}) + "\n")
    [part] = scale.plan([str(corpus)])
    counts = scale.code_partition(part, str(tmp_path / "out"), load_settings())
    assert (counts["documents"], counts["problems"]) == (6, 1)
    got = duckdb.sql(f"SELECT event_id FROM read_parquet('{tmp_path}/out/events/*/*.parquet') ORDER BY 1").fetchall()
    con = store.connect(":memory:")
    pipeline.store_documents((d for d in ingest.read([str(corpus)]) if hasattr(d, "text")), con, load_settings())
    assert got == con.execute("SELECT id FROM events ORDER BY 1").fetchall() and len(got) >= 3
    assert scale.done_partitions(str(tmp_path / "out")) == {part.id}


def test_from_parquet_needs_a_finished_run(tmp_path: Path, runner: Any) -> None:
    from tealeaves.cli import main

    res = runner.invoke(main, ["ingest", "--from-parquet", str(tmp_path), "--db", str(tmp_path / "x.duckdb")])
    assert res.exit_code == 1 and "no finished partitions" in res.output


def test_run_command_has_help(runner: Any) -> None:
    from tealeaves.cli import main

    res = runner.invoke(main, ["run", "--help"])
    assert res.exit_code == 0 and "--scheduler" in res.output and "month=YYYY-MM" in res.output
