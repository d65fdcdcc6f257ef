"""Each export format, read back with pandas or DuckDB."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pytest
from helpers import doc_row, event, put, story

from tealeaves import store
from tealeaves.errors import InputError
from tealeaves.export import GDELT_COLUMNS, export


@pytest.fixture()
def filled(con: Any) -> Any:
    wire = story("export wire")
    put(con, [doc_row("w", wire, "2016-10-04", "Wire Desk", "https://example.org/w"),
              doc_row("c", wire + " Share this.", "2016-10-04", "Regional Times", "https://example.org/c"),
              doc_row("o", story("export other"), "2016-10-06", "Ledger", "https://example.org/o")],
        [event("w", 0, "USAGOV", "164", "RUS", "2016-10-04"), event("c", 0, "USAGOV", "164", "RUS", "2016-10-04"),
         event("o", 0, "RUS", "138", "USA", "2016-10-06", place="Damascus"),
         event("o", 1, "FRA", "010", None, "2016-10-06"),
         event("o", 2, "USA", "190", "SYR", "2016-10-06", modality="negated")])
    return con


def test_csv_parquet_jsonl_round_trip(filled: Any, tmp_path: Path) -> None:
    n = export(filled, "csv", tmp_path / "e.csv")
    df = pd.read_csv(tmp_path / "e.csv")
    assert n == len(df) == 5
    assert {"cameo", "source_code", "cluster_id", "outlet", "duplicate_of", "modality"} <= set(df.columns)
    assert df.loc[df.doc_id == "c", "duplicate_of"].tolist() == ["w"]
    assert df.cluster_id.nunique() == 4
    export(filled, "parquet", tmp_path / "e.parquet")
    pq = duckdb.sql(f"SELECT * FROM read_parquet('{tmp_path / 'e.parquet'}')").df()
    assert len(pq) == 5 and set(pq.cameo.astype(str)) == {"164", "138", "010", "190"}
    assert export(filled, "jsonl", tmp_path / "c.jsonl", unit="clusters") == 4
    js = pd.read_json(tmp_path / "c.jsonl", lines=True)
    row = js[js.cameo.astype(str) == "164"].iloc[0]
    assert (row.mentions, row.articles, row.outlets, row.independent_outlets) == (2, 2, 2, 1)


def test_gdelt_columns_and_values(filled: Any, tmp_path: Path) -> None:
    n = export(filled, "gdelt", tmp_path / "g.tsv")
    df = pd.read_csv(tmp_path / "g.tsv", sep="\t", dtype=str, keep_default_na=False)
    assert tuple(df.columns) == GDELT_COLUMNS and len(GDELT_COLUMNS) == 62 and GDELT_COLUMNS[-1] == "Confidence"
    assert n == len(df) == 3  # the negated event is not a GDELT event
    sanction = df[df.EventCode == "164"].iloc[0]
    assert (sanction.Day, sanction.MonthYear, sanction.Year) == ("20161004", "201610", "2016")
    assert (sanction.Actor1Code, sanction.Actor1CountryCode, sanction.Actor1Type1Code, sanction.Actor2Code) == ("USAGOV", "USA", "GOV", "RUS")
    assert (sanction.EventBaseCode, sanction.EventRootCode, sanction.QuadClass) == ("164", "16", "4")
    assert (sanction.NumMentions, sanction.NumArticles, sanction.NumSources) == ("2", "2", "1")
    assert sanction.AvgTone == "" and sanction.ActionGeo_CountryCode == ""
    assert sanction.SOURCEURL.startswith("https://example.org/")
    assert df[df.EventCode == "138"].iloc[0].ActionGeo_FullName == "Damascus"
    assert df.GlobalEventID.str.isdigit().all() and df.GlobalEventID.is_unique


def test_plover_field_names(filled: Any, tmp_path: Path) -> None:
    n = export(filled, "plover", tmp_path / "p.jsonl")
    recs = [json.loads(line) for line in (tmp_path / "p.jsonl").read_text().splitlines()]
    assert n == len(recs) == 2  # CAMEO 01 (statements) has no PLOVER type; the negated event is left out
    by = {r["event"]: r for r in recs}
    assert set(by) == {"SANCTION", "THREATEN"}
    s = by["SANCTION"]
    assert {"id", "date", "source", "target", "event", "eventText", "context", "mode", "text", "language", "publication", "coder"} <= set(s)
    assert s["source"] == [{"actorText": "usagov", "code": "USAGOV", "sector": "GOV"}]
    assert s["target"][0]["code"] == "RUS" and s["date"] == "2016-10-04"
    df = pd.read_json(tmp_path / "p.jsonl", lines=True)
    assert len(df) == 2


def test_cli_export_and_bad_paths(filled: Any, tmp_path: Path, runner: Any) -> None:
    from tealeaves.cli import main

    with pytest.raises(InputError, match="does not exist"):
        export(filled, "csv", tmp_path / "missing" / "x.csv")
    db = tmp_path / "s.duckdb"
    con = store.connect(db)
    put(con, [doc_row("w", story("cli export"), "2016-10-04", "Wire Desk")], [event("w", 0, "USA", "042", "RUS", "2016-10-04")])
    con.close()
    out = tmp_path / "g.tsv"
    res = runner.invoke(main, ["export", "--format", "gdelt", "-o", str(out), "--db", str(db)])
    assert res.exit_code == 0, res.output
    assert len(pd.read_csv(out, sep="\t")) == 1
    res = runner.invoke(main, ["export", "--format", "plover", "--unit", "events", "-o", str(out), "--db", str(db)])
    assert res.exit_code == 1 and "error:" in res.output and "Traceback" not in res.output
