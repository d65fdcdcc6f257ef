"""An analyst's corrections override the coder in counts, charts and exports, survive a re-code,
and become gold that scores the coder and refits the confidence model."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from helpers import doc_row, event, put

from tealeaves import corrections, pipeline, readout, store
from tealeaves.errors import InputError
from tealeaves.models import Document


def _hand_store(con: Any) -> None:
    put(con, [doc_row("d1", "Talks\n\nx.", "2020-01-06", "Wire"), doc_row("d2", "Row\n\ny.", "2020-01-07", "Ledger")],
        [event("d1", 0, "FRAGOV", "042", "RUSGOV", "2020-01-06", confidence=0.4),
         event("d2", 0, "RUSGOV", "112", "FRAGOV", "2020-01-07", confidence=0.3)])


def _tally(con: Any) -> tuple[int, int]:
    pts = readout.dyad_series(con, "FRA", "RUS", "week", "2020-01-06", "2020-01-12", min_conf=0)
    return pts[0].combined.verbal, pts[0].combined.material


def test_wrong_and_corrected_events_change_the_counts(con: Any, tmp_path: Path) -> None:
    from tealeaves.export import export

    _hand_store(con)
    assert _tally(con) == (2, 0)
    ids = {r[1]: r[0] for r in con.execute("SELECT id, cameo FROM events").fetchall()}
    corrections.correct(con, ids["112"], "wrong", author="ana")
    assert _tally(con) == (1, 0)
    fixed = corrections.correct(con, ids["042"], "corrected", cameo="190", target="RUSMIL", author="ana")
    assert fixed["before"]["cameo"] == "042" and fixed["after"] == {"cameo": "190", "source": "FRAGOV", "target": "RUSMIL"}
    assert _tally(con) == (0, 1)
    row = con.execute("SELECT cameo, quad, target_code, target_country, review, confidence FROM events").fetchall()
    assert row == [("190", 4, "RUSMIL", "RUS", "corrected", 1.0)]
    assert export(con, "gdelt", tmp_path / "g.tsv") == 1
    assert "\t190\t" in (tmp_path / "g.tsv").read_text()
    with pytest.raises(InputError, match="not a CAMEO code"):
        corrections.correct(con, ids["042"], "corrected", cameo="999")
    with pytest.raises(corrections.NoSuchEvent):
        corrections.correct(con, ids["112"], "right")  # already removed as wrong
    assert [c["verdict"] for c in corrections.listing(con)] == ["wrong", "corrected"]


ARTICLE = ("France and Russia\n\nThe French foreign minister met Russia's foreign minister in Moscow on Monday. "
           "Russian police arrested two French journalists in Moscow.")


def test_corrections_survive_a_recode_and_become_gold(con: Any, tmp_path: Path, runner: Any) -> None:
    pipeline.store_documents([Document("art1", ARTICLE, title=None, date="2020-01-06", language="en")], con)
    coded = {r[1]: r[0] for r in con.execute("SELECT id, cameo FROM events").fetchall()}
    assert coded, "the article codes events"
    first, *rest = sorted(coded.items())
    corrections.correct(con, first[1], "corrected", cameo="036", author="ana")
    for _, eid in rest:
        corrections.correct(con, eid, "wrong", author="ana")
    before = con.execute("SELECT id, cameo, review FROM events ORDER BY id").fetchall()
    assert before == [(first[1], "036", "corrected")]
    pipeline.recode_store(con)
    assert con.execute("SELECT id, cameo, review FROM events ORDER BY id").fetchall() == before
    assert con.execute("SELECT count(*) FROM cluster_members").fetchone() == (1,)

    gold = tmp_path / "mine.jsonl"
    assert corrections.export_gold(con, gold) == 1
    item = json.loads(gold.read_text())
    assert item["id"] == "art1" and item["text"] == ARTICLE and item["annotator"] == "ana"
    assert [e["code"] for e in item["events"]] == ["036"]

    from tealeaves.cli import main

    res = runner.invoke(main, ["evaluate", "--gold", str(gold), "--plot", str(tmp_path / "c.png")])
    assert res.exit_code == 0, res.output
    assert "wire.all.items" in res.output and "reliability of the confidence" in res.output and "ECE" in res.output
    assert (tmp_path / "c.png").stat().st_size > 1000


def test_corrections_export_command(tmp_path: Path, runner: Any) -> None:
    from tealeaves.cli import main

    db = tmp_path / "c.duckdb"
    con = store.connect(db)
    _hand_store(con)
    eid = con.execute("SELECT id FROM events WHERE cameo = '042'").fetchone()[0]
    corrections.correct(con, eid, "right", author="ana")
    con.close()
    res = runner.invoke(main, ["corrections", "export", "-o", str(tmp_path / "g.jsonl"), "--db", str(db)])
    assert res.exit_code == 0 and "wrote 1 items" in res.output, res.output
    item = json.loads((tmp_path / "g.jsonl").read_text())
    assert item["events"] == [{"code": "042", "source": "FRAGOV", "target": "RUSGOV", "modality": "asserted"}]


def test_confidence_fit_on_a_users_gold(tmp_path: Path, runner: Any) -> None:
    pytest.importorskip("sklearn")
    from tealeaves.cli import main
    from tealeaves.coding.confidence import load_model

    items = [{"id": f"u{i}", "title": "Talks", "text": text, "events": events} for i, (text, events) in enumerate([
        ("The French foreign minister met Russia's foreign minister in Moscow.", [{"code": "040", "source": "FRAGOV", "target": "RUSGOV"}]),
        ("Russian police arrested two French journalists.", []),
        ("China accused Japan of provocations near the islands.", [{"code": "112", "source": "CHN", "target": "JPN"}]),
        ("Police said it was quiet.", []),
    ] * 3)]
    gold = tmp_path / "mine.jsonl"
    gold.write_text("\n".join(json.dumps(i) for i in items) + "\n")
    out = tmp_path / "mine-model.json"
    res = runner.invoke(main, ["confidence", "fit", "--gold", str(gold), "-o", str(out), "--all-items"])
    assert res.exit_code == 0, res.output
    model = load_model(str(out))
    assert model.name.startswith("conf_lr.user-") and "reliability" in res.output


def test_review_api_queue_and_writes_need_the_token(con: Any) -> None:
    from fastapi.testclient import TestClient

    from tealeaves.serve import create_app

    _hand_store(con)
    with TestClient(create_app(con, token="t0k"), raise_server_exceptions=False) as c:
        queue = c.get("/api/review?a=FRA&b=RUS&start=2020-01-01&end=2020-01-31").json()["items"]
        assert [e["confidence"] for e in queue] == [0.3, 0.4]  # least sure first
        target = queue[0]["id"]
        assert c.post(f"/api/events/{target}/review", json={"verdict": "wrong"}).status_code == 401
        before = sum(p["events"] for p in c.get("/api/dyads/FRA/RUS/series?start=2020-01-06&end=2020-01-12").json()["points"])
        res = c.post(f"/api/events/{target}/review", json={"verdict": "wrong", "author": "ana"}, headers={"Authorization": "Bearer t0k"})
        assert res.status_code == 200 and res.json()["verdict"] == "wrong", res.text
        after = sum(p["events"] for p in c.get("/api/dyads/FRA/RUS/series?start=2020-01-06&end=2020-01-12").json()["points"])
        assert (before, after) == (2, 1)
        assert [e["id"] for e in c.get("/api/review?a=FRA&b=RUS").json()["items"]] == [queue[1]["id"]]
        right = c.post(f"/api/events/{queue[1]['id']}/review", json={"verdict": "right"}, headers={"X-Tealeaves-Token": "t0k"})
        assert right.status_code == 200 and c.get("/api/review?a=FRA&b=RUS").json()["items"] == []
        assert c.get(f"/api/events/{queue[1]['id']}").json()["event"]["review"] == "right"
        missing = c.post(f"/api/events/{target}/review", json={"verdict": "right"}, headers={"Authorization": "Bearer t0k"})
        assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"
        assert c.post(f"/api/events/{target}/review", json={"verdict": "maybe"}, headers={"Authorization": "Bearer t0k"}).status_code == 422


def test_a_correction_finds_its_event_when_a_changed_coder_gives_it_another_id(con: Any) -> None:
    from dataclasses import replace

    doc = doc_row("d3", "Envoys\n\nx. y. z.", "2020-01-06", "Wire")
    first = [event("d3", 0, "FRAGOV", "042", "RUSGOV", "2020-01-06"), event("d3", 1, "RUSGOV", "112", "FRAGOV", "2020-01-06"),
             event("d3", 2, "RUSGOV", "111", "FRAGOV", "2020-01-06"), event("d3", 3, "FRAGOV", "012", "RUSGOV", "2020-01-06")]
    put(con, [doc], first)
    ids = {r[0]: r[1] for r in con.execute("SELECT sentence, id FROM events").fetchall()}
    corrections.correct(con, ids[0], "corrected", cameo="036", author="ana")
    corrections.correct(con, ids[1], "wrong", author="ana")
    corrections.correct(con, ids[2], "right", author="ana")
    corrections.correct(con, ids[3], "wrong", author="ana")
    # a later coder: sentence 0 now reads 040, sentence 1 a new reading (113), sentences 2 and 3
    # the same readings with a wider evidence span, so every event has a new id
    again = [event("d3", 0, "FRAGOV", "040", "RUSGOV", "2020-01-06"), event("d3", 1, "RUSGOV", "113", "FRAGOV", "2020-01-06"),
             replace(event("d3", 2, "RUSGOV", "111", "FRAGOV", "2020-01-06"), evidence_start=195),
             replace(event("d3", 3, "FRAGOV", "012", "RUSGOV", "2020-01-06"), evidence_end=350)]
    put(con, [doc], again)
    rows = con.execute("SELECT sentence, cameo, review FROM events ORDER BY sentence").fetchall()
    # corrected: applies whatever the coder now says; wrong/right: only to the reading judged
    assert rows == [(0, "036", "corrected"), (1, "113", None), (2, "111", "right")]
    assert set(ids.values()).isdisjoint(r[0] for r in con.execute("SELECT id FROM events").fetchall())
