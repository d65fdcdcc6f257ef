"""The server's in-memory index must answer exactly as SQL and ``readout.dyad_series`` do."""

from __future__ import annotations

import random
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tealeaves import readout, store
from tealeaves.serve import index as index_mod
from tealeaves.serve import queries

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: Any) -> Iterator[Any]:
    from load_test import build_store

    path = tmp_path_factory.mktemp("idx") / "s.duckdb"
    build_store(path, 6000)
    con = store.connect(path)
    # some undated events and clusters, which sort last and never enter a series
    con.execute("UPDATE events SET date = NULL WHERE hash(id) % 40 = 0")
    con.execute("UPDATE clusters SET date = NULL WHERE hash(id) % 40 = 1")
    yield con
    con.close()


FILTERS = [
    queries.EventFilter(dyad=("USA", "RUS")),
    queries.EventFilter(dyad=("RUSGOV", "USA")),
    queries.EventFilter(dyad=("FRA", "FRA")),
    queries.EventFilter(dyad=("USA", "XYZ")),
    queries.EventFilter(actor="CHN"),
    queries.EventFilter(actor="ISRMIL", quad=4),
    queries.EventFilter(dyad=("UKR", "RUS"), modalities=("asserted", "reported")),
    queries.EventFilter(dyad=("USA", "RUS"), start=__import__("datetime").date(2015, 3, 1), end=__import__("datetime").date(2015, 6, 30)),
    queries.EventFilter(quad=2),
    queries.EventFilter(),
]


@pytest.mark.parametrize("f", FILTERS, ids=lambda f: repr(f)[12:70])
def test_index_pages_equal_sql_pages(synthetic: Any, f: Any) -> None:
    idx = index_mod.ActorIndex(synthetic, "events")
    assert queries.indexed(f) is not None
    cursor_a = cursor_b = None
    for _ in range(4):
        with_index, cursor_a = queries.list_events(synthetic, f, 37, cursor_a, idx)
        with_sql, cursor_b = queries.list_events(synthetic, f, 37, cursor_b, None)
        assert [e["id"] for e in with_index] == [e["id"] for e in with_sql]
        assert cursor_a == cursor_b
        if cursor_a is None:
            break


def test_index_reaches_the_undated_tail_in_the_same_order(synthetic: Any) -> None:
    idx = index_mod.ActorIndex(synthetic, "events")
    f = queries.EventFilter(actor="USA")
    n = synthetic.execute("SELECT count(*) FROM events WHERE starts_with(source_code, 'USA') OR starts_with(target_code, 'USA')").fetchone()[0]
    got, cursor = [], None
    while True:
        page, cursor = queries.list_events(synthetic, f, 500, cursor, idx)
        got += page
        if cursor is None:
            break
    assert len(got) == n and got[-1]["date"] is None
    sql, _ = queries.list_events(synthetic, f, 500, None, None)
    assert [e["id"] for e in got[:500]] == [e["id"] for e in sql]


@pytest.mark.parametrize("period", ["day", "week", "month"])
def test_index_series_equals_readout(synthetic: Any, period: str) -> None:
    import datetime as dt

    idx = index_mod.ActorIndex(synthetic, "clusters")
    rng = random.Random(3)
    cases = [("USA", "RUS"), ("RUS", "USA"), ("USAGOV", "RUS"), ("FRA", "RUS"), ("KEN", "SDN"), ("USA", "ZZZ")]
    cases += [tuple(rng.sample(["USA", "RUS", "CHN", "IRN", "ISR", "GBR", "TUR"], 2)) for _ in range(4)]  # type: ignore[misc]
    for a, b in cases:
        for include_all in (False, True):
            for start, end in ((None, None), (dt.date(2015, 2, 11), dt.date(2015, 9, 3))):
                want = queries.dyad_series(synthetic, a, b, period, include_all, start, end, None)
                got = queries.dyad_series(synthetic, a, b, period, include_all, start, end, idx)
                assert [{k: v for k, v in p.items() if k != "goldstein_mean"} for p in got] == \
                       [{k: v for k, v in p.items() if k != "goldstein_mean"} for p in want], (a, b, period)
                for p, w in zip(got, want):
                    assert p["goldstein_mean"] == pytest.approx(w["goldstein_mean"], abs=1e-3)
    assert readout.dyad_series(synthetic, "USA", "RUS", period)  # the reference saw data at all


def test_cache_answers_again_and_forgets_after_a_write(synthetic: Any, monkeypatch: Any) -> None:
    from fastapi.testclient import TestClient

    from tealeaves import pipeline
    from tealeaves.serve import create_app

    app = create_app(synthetic, token="t")
    with TestClient(app) as c:
        first = c.get("/api/events", params={"dyad": "USA,RUS", "limit": 5}).json()
        again = c.get("/api/events", params={"dyad": "USA,RUS", "limit": 5}).json()
        assert first == again and app.state.cache.hits == 1
        newest = first["items"][0]["date"]

        def store_documents(docs: Any, con: Any, settings: Any = None, report: Any = None, **_: Any) -> Any:
            con.execute("INSERT INTO events (id, doc_id, sentence, text, source_code, target_code, cameo, root, quad, modality, date) "
                        "VALUES ('zz-new', 'doc00000000', 0, 'Washington thanked Moscow.', 'USA', 'RUS', '041', '04', 1, 'asserted', "
                        "?::DATE + 1)", [newest])
            return pipeline.IngestReport(ingested=1)

        monkeypatch.setattr(pipeline, "store_documents", store_documents)
        assert c.post("/api/documents", json={"text": "Washington thanked Moscow."}, headers={"Authorization": "Bearer t"}).status_code == 200
        after = c.get("/api/events", params={"dyad": "USA,RUS", "limit": 5}).json()
        assert after["items"][0]["id"] == "zz-new"
