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
