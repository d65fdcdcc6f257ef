"""Confidence: every event says how sure the coder is, the shipped model loads as JSON without
scikit-learn, scores are calibrated on a fixed fixture, and the thresholds filter what is shown."""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path
from typing import Any

import pytest
from helpers import doc_row, event, put

from tealeaves import calibration, store
from tealeaves.coding import confidence
from tealeaves.coding.confidence import MODEL_NAME, Model, load_model
from tealeaves.models import Mention


def test_the_shipped_model_is_json_and_scores_without_scikit_learn(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "sklearn", None)  # importing it would fail
    load_model.cache_clear()
    m = load_model()
    assert m.name == MODEL_NAME and m.weights and 0.0 < m.threshold < 1.0
    e = event("d1", 0, "FRAGOV", "042", "RUS", "2020-01-01")
    p = m.probability(confidence.features(e))
    assert 0.0 < p < 1.0 and p == m.probability(confidence.features(e))  # deterministic
    raw = json.loads(Path(confidence.__file__).parent.parent.joinpath("data", "confidence", f"{MODEL_NAME}.json").read_text())
    assert Model.from_json(raw) == m


def test_features_read_what_the_coder_knows() -> None:
    e = event("d1", 0, "FRAGOV", "042", None, None, modality="reported")
    e = type(e)(**{**e.__dict__, "rule": "patterns-petrarch2.tsv:7 042 visit {T} | no agent named (passive)",
                   "source": Mention("he", "FRAGOV", "FRA", "GOV", rule="coref.pronoun")})
    f = confidence.features(e, headline=True, corroborated=True)
    assert f["pattern.derived"] == f["pattern.target_slot"] == f["reading.passive"] == 1.0
    assert f["source.coref"] == f["target.none"] == f["modality.reported"] == f["headline"] == f["corroborated"] == 1.0
    assert confidence.resolution(Mention("x", None, None, "GOV", rule="unresolved")) == "unresolved"
    assert confidence.resolution(Mention("Paris", "FRAGOV", "FRA", "GOV", rule="metonym.capital")) == "kb"


def test_coded_events_carry_confidence_and_the_model_name() -> None:
    from tealeaves import pipeline

    events = pipeline.code_text("Talks in Paris\n\nThe French foreign minister met Chinese officials in Paris on Monday.",
                                date="2020-01-06")
    assert events and all(0.0 <= (e.confidence or -1) <= 1.0 and e.confidence_model == MODEL_NAME for e in events)
    rec = events[0].to_record()
    assert rec["confidence"] == events[0].confidence and rec["confidence_model"] == MODEL_NAME


def _fixture_rows(n: int = 4000, seed: int = 7) -> list[calibration.Labelled]:
    """Events whose rightness depends on two features by a known logistic law."""
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        f = {"target.none": float(rng.random() < 0.4), "headline": float(rng.random() < 0.3)}
        p = 1 / (1 + pow(2.718281828, -(0.5 - 2.0 * f["target.none"] + 1.0 * f["headline"])))
        rows.append(calibration.Labelled(f"i{i // 2}", "tune" if i % 4 < 2 else "check", "wire", rng.random() < p, True, None, f))
    return rows


def test_a_fitted_model_is_calibrated_on_a_fixed_fixture(tmp_path: Path) -> None:
    pytest.importorskip("sklearn")
    rows = _fixture_rows()
    model = calibration.fit(rows, "conf_test.v1")
    assert model.weights["target.none"] < -1.0 < 0.5 < model.weights["headline"]
    scored = [calibration.Labelled(**{**r.__dict__, "confidence": model.probability(r.features)}) for r in rows]
    figs, details = calibration.figures(scored, model.threshold)
    assert figs["confidence.ece"] <= 0.05 and figs["confidence.check.ece"] == figs["confidence.ece"]
    assert len(details["check"]["reliability"]) == calibration.BINS
    again = calibration.fit(rows, "conf_test.v1")
    assert again == model  # deterministic
    path = model.write(tmp_path / "m.json")
    load_model.cache_clear()
    assert load_model(str(path)) == model


def test_the_ece_noise_floor_shrinks_with_more_events_and_the_regularisation_is_chosen_out_of_fold() -> None:
    pytest.importorskip("sklearn")
    few, many = [0.1, 0.5, 0.9] * 30, [0.1, 0.5, 0.9] * 1000
    assert calibration.ece_noise(many) < 0.02 < calibration.ece_noise(few) < 0.2
    assert calibration.ece_noise(few) == calibration.ece_noise(few)  # seeded
    model = calibration.fit(_fixture_rows(), "conf_test.v1")
    assert model.info["regularization_c"] in calibration.C_GRID
    assert set(model.info["log_loss_by_c"]) == {str(c) for c in calibration.C_GRID}
    chosen = calibration.fit(_fixture_rows(), "conf_test.v1", c=0.1)
    assert chosen.info["regularization_c"] == 0.1 and list(chosen.info["log_loss_by_c"]) == ["0.1"]


def test_reliability_and_ece_by_hand() -> None:
    table = calibration.reliability([0.05, 0.05, 0.95, 0.95], [False, False, True, False])
    assert [b["events"] for b in table if b["events"]] == [2, 2]
    assert calibration.ece(table) == pytest.approx((2 * 0.05 + 2 * 0.45) / 4)
    pts = calibration.curve([0.2, 0.6, 0.9], [False, True, True], [True, True, True], steps=10)
    at = {p["threshold"]: p for p in pts}
    assert at[0.5]["precision"] == 1.0 and at[0.5]["kept"] == 1.0 and at[0.0]["precision"] == pytest.approx(2 / 3, abs=1e-3)


def test_store_and_clusters_keep_the_confidence(con: Any) -> None:
    put(con, [doc_row("d1", "A\n\nb.", "2020-01-01", "X")],
        [event("d1", 0, "FRAGOV", "042", "RUS", "2020-01-01", confidence=0.8),
         event("d1", 1, "FRA", "042", "RUS", "2020-01-01", confidence=0.3)])
    assert sorted(r[0] for r in con.execute("SELECT confidence FROM events").fetchall()) == [0.3, 0.8]
    assert con.execute("SELECT confidence FROM clusters").fetchall() == [(0.8,)]


# ---- thresholds ---------------------------------------------------------------------------------
def _scored_store(path: Path) -> Any:
    """A file store: FRA-RUS events a week apart, sure (0.9) and unsure (0.2)."""
    con = store.connect(path)
    put(con, [doc_row("s1", "Sure\n\nx.", "2020-01-06", "Wire"), doc_row("u1", "Unsure\n\ny.", "2020-01-13", "Ledger")],
        [event("s1", 0, "FRAGOV", "042", "RUSGOV", "2020-01-06", confidence=0.9),
         event("u1", 0, "RUSGOV", "112", "FRAGOV", "2020-01-13", confidence=0.2)])
    return con


def test_cli_thresholds_filter_what_is_read(tmp_path: Path, runner: Any) -> None:
    from tealeaves.cli import main

    db = tmp_path / "s.duckdb"
    _scored_store(db).close()
    every = runner.invoke(main, ["dyad", "FRA", "RUS", "--db", str(db), "--format", "json", "--from", "2020-01-06", "--to", "2020-01-19"])
    sure = runner.invoke(main, ["dyad", "FRA", "RUS", "--db", str(db), "--format", "json", "--from", "2020-01-06", "--to", "2020-01-19",
                                "--min-confidence", "0.5"])
    assert every.exit_code == sure.exit_code == 0, every.output + sure.output
    count = lambda out: sum(p["verbal_cooperation"] + p["verbal_conflict"] for p in json.loads(out)["points"])  # noqa: E731
    assert (count(every.output), count(sure.output)) == (2, 1)
    for fmt in ("csv", "gdelt"):
        out = tmp_path / f"x.{fmt}"
        res = runner.invoke(main, ["export", "--format", fmt, "-o", str(out), "--db", str(db), "--min-confidence", "0.5"])
        assert res.exit_code == 0 and res.output.startswith("wrote 1 rows"), res.output
    assert "\t90" in (tmp_path / "x.gdelt").read_text().splitlines()[1] + "\t"  # Confidence 0-100, last column
    res = runner.invoke(main, ["events", "--db", str(db), "--min-confidence", "0.95"])
    assert res.exit_code == 0 and "0 events" in res.output
    bad = runner.invoke(main, ["events", "--db", str(db), "--min-confidence", "1.5"])
    assert bad.exit_code != 0
    png = tmp_path / "d.png"
    assert runner.invoke(main, ["plot", "dyad", "FRA", "RUS", "-o", str(png), "--db", str(db), "--min-confidence", "0.5"]).exit_code == 0


def test_code_command_leaves_out_unsure_events(runner: Any, tmp_path: Path) -> None:
    from tealeaves.cli import main

    text = tmp_path / "t.txt"
    text.write_text("Talks in Paris\n\nThe French foreign minister met Chinese officials in Paris on Monday.\n")
    every = runner.invoke(main, ["code", str(text), "--date", "2020-01-06"])
    none = runner.invoke(main, ["code", str(text), "--date", "2020-01-06", "--min-confidence", "1"])
    assert every.exit_code == none.exit_code == 0
    assert every.output.strip() and all("confidence" in json.loads(line) for line in every.output.splitlines())
    assert none.output.strip() == ""


def test_api_thresholds_and_the_settings_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from fastapi.testclient import TestClient

    from tealeaves.serve import create_app
    from tealeaves.settings import load_settings

    con = _scored_store(tmp_path / "a.duckdb")
    with TestClient(create_app(con), raise_server_exceptions=False) as c:
        assert len(c.get("/api/events?dyad=FRA,RUS").json()["items"]) == 2
        items = c.get("/api/events?dyad=FRA,RUS&min_confidence=0.5").json()["items"]
        assert [i["confidence"] for i in items] == [0.9] and items[0]["confidence_model"] == "test"
        q = "period=week&start=2020-01-06&end=2020-01-19"
        assert sum(p["events"] for p in c.get(f"/api/dyads/FRA/RUS/series?{q}").json()["points"]) == 2
        series = c.get(f"/api/dyads/FRA/RUS/series?{q}&min_confidence=0.5").json()
        assert sum(p["events"] for p in series["points"]) == 1 and series["min_confidence"] == 0.5
        saydo = c.get("/api/dyads/FRA/RUS/saydo?period=week&from=2020-01-06&to=2020-01-19&min_confidence=0.5").json()
        assert sum(p["verbal_conflict"] for p in saydo["points"]) == 0
        assert c.get("/api/events?min_confidence=2").status_code == 422
    with TestClient(create_app(con, settings=load_settings(min_confidence=0.5)), raise_server_exceptions=False) as c:
        assert len(c.get("/api/events?dyad=FRA,RUS").json()["items"]) == 1  # the project default applies
        assert len(c.get("/api/events?dyad=FRA,RUS&min_confidence=0").json()["items"]) == 2
    con.close()


def test_a_long_article_does_not_make_its_events_doubtful() -> None:
    """The same event scores the same as the lead of a short item and deep in a long article whose
    other sentences are background (the gold is short items; nothing may scale with length)."""
    from tealeaves import pipeline

    lead = "The Chilean foreign minister met Peruvian officials in Lima on Monday."
    background = ("The region has a long history of border disputes. Fishing rights were long argued over. "
                  "Trade between the neighbours has grown in recent years. Both economies rely on copper. ") * 3
    for other in (lead, "The Kenyan trade minister visited Uganda on Tuesday."):
        short = pipeline.code_text(other, date="2020-01-06")
        long = pipeline.code_text(background + other, date="2020-01-06")
        assert [e.root for e in short] == [e.root for e in long] and short
        assert [e.confidence for e in short] == [e.confidence for e in long]
