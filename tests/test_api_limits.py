"""Bounded work per request: every endpoint, asked for extreme ranges and values, either answers
small or refuses with the one error shape. Nothing here is timed; the bounds are on what a request
may ask for, so a slow machine changes no outcome."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from test_api import assert_error, build_store

from tealeaves import readout
from tealeaves.serve.app import MAX_PERIODS

MAX_BODY = 1_000_000  # bytes: no answer to a bounded request comes near this on the test store
TOKEN = "limits-token"


@pytest.fixture(params=[True, False], ids=["index", "sql"])
def api(con: Any, request: Any, monkeypatch: Any) -> Iterator[Any]:
    from fastapi.testclient import TestClient

    from tealeaves import pipeline
    from tealeaves.serve.app import create_app

    monkeypatch.setattr(pipeline, "store_documents", lambda docs, *a, **k: pipeline.IngestReport(ingested=len(list(docs))))
    build_store(con)
    with TestClient(create_app(con, token=TOKEN, cache_bytes=0, use_index=request.param), raise_server_exceptions=False) as c:
        yield c


def check(resp: Any, status: int) -> None:
    assert len(resp.content) < MAX_BODY, (resp.request.url, len(resp.content))
    if status >= 400:
        assert_error(resp, status)
    else:
        assert resp.status_code == status, resp.text


SERIES = "/api/dyads/FRA/RUS/series"
SAYDO = "/api/dyads/FRA/RUS/saydo"
FAR = {"start": "0001-01-01", "end": "9998-12-31"}


@pytest.mark.parametrize("path, params, status", [
    # the request of the bug report: 400 years of weeks
    (SERIES, {"period": "week", "start": "2000-01-01", "end": "9721-12-26"}, 400),
    (SERIES, {"period": "day", **FAR}, 400),
    (SERIES, {"period": "month", **FAR}, 400),
    # one end open: bounded once the pair's first or last event is known
    (SERIES, {"period": "day", "start": "0001-01-01"}, 400),
    (SERIES, {"period": "week", "end": "9998-12-31"}, 400),
    (SERIES, {"period": "month", "start": "1500-01-01"}, 400),
    (SERIES, {"period": "week", "start": "9998-12-31", "end": "9998-12-31"}, 200),
    (SERIES, {"period": "day", "start": "0001-01-01", "end": "0001-01-01"}, 200),
    (SERIES, {"period": "day", "start": "2010-01-01", "end": "2016-12-31"}, 200),
    (SERIES, {"period": "day", "start": "9999-01-01"}, 400),
    (SERIES, {"period": "week", "start": "2016-10-20", "end": "2016-10-01"}, 400),
    (SAYDO, {"period": "week", "from": "2000-01-01", "to": "9721-12-26"}, 400),
    (SAYDO, {"period": "day", "from": FAR["start"], "to": FAR["end"]}, 400),
    (SAYDO, {"period": "month", "from": "0001-01-01"}, 400),
    (SAYDO, {"period": "day", "to": "9998-12-31"}, 400),
    (SAYDO, {"period": "month", "from": "9998-12-01", "to": "9998-12-31"}, 200),
    (SAYDO, {"period": "week", "from": "2016-01-01", "to": "2016-12-31"}, 200),
    ("/api/events", {"limit": 500, **FAR}, 200),
    ("/api/events", {"limit": 501}, 422),
    ("/api/events", {"limit": 0}, 422),
    ("/api/events", {"q": "x" * 200, "outlet": "o" * 500, "actor": "A" * 32, "code": "0" * 8}, 200),
    ("/api/events", {"q": "x" * 201}, 422),
    ("/api/events", {"actor": "A" * 33}, 422),
    ("/api/events", {"cursor": "A" * 600}, 400),
    ("/api/events", {"cursor": "A" * 601}, 422),
    ("/api/events", {"modality": ["asserted"] * 11}, 422),
    ("/api/events", {"with_sources": "true", "limit": 500, **FAR}, 200),
    ("/api/events/" + "e" * 128, {}, 404),
    ("/api/events/" + "e" * 129, {}, 422),
    ("/api/documents/" + "d" * 512, {}, 404),
    ("/api/documents/" + "d" * 513, {}, 422),
    ("/api/actors", {"limit": 500, "q": "q" * 100}, 200),
    ("/api/actors", {"limit": 501}, 422),
    ("/api/actors", {"q": "q" * 101}, 422),
    ("/api/network", {"limit": 200, **FAR}, 200),
    ("/api/network", {"limit": 201}, 422),
    ("/api/stats", {}, 200),
])
def test_extreme_ranges_and_values(api: Any, path: str, params: dict[str, Any], status: int) -> None:
    check(api.get(path, params=params), status)


def test_the_period_cap_is_the_same_everywhere_and_in_the_schema(api: Any) -> None:
    paths = api.get("/openapi.json").json()["paths"]
    for path in ("/api/dyads/{a}/{b}/series", "/api/dyads/{a}/{b}/saydo"):
        op = paths[path]["get"]
        assert op["x-max-periods"] == MAX_PERIODS
        period = next(p for p in op["parameters"] if p["name"] == "period")
        assert f"At most {MAX_PERIODS} periods" in period["description"]
    # the largest series allowed is answered, one period more is refused, for both endpoints and every period
    for period, start, _last in (("day", "2010-01-01", None), ("week", "1950-01-02", None), ("month", "1800-01-01", None)):
        first = readout.period_start(readout.dt.date.fromisoformat(start), period)
        end = first
        for _ in range(MAX_PERIODS - 1):
            end = readout.next_period(end, period)
        assert readout.period_count(first, end, period) == MAX_PERIODS
        check(api.get(SERIES, params={"period": period, "start": first.isoformat(), "end": end.isoformat()}), 200)
        check(api.get(SAYDO, params={"period": period, "from": first.isoformat(), "to": end.isoformat()}), 200)
        over = readout.next_period(end, period).isoformat()
        assert "limit" in assert_error(api.get(SERIES, params={"period": period, "start": first.isoformat(), "end": over}), 400)["message"]
        assert_error(api.get(SAYDO, params={"period": period, "from": first.isoformat(), "to": over}), 400)


def test_writes_are_bounded_too(api: Any) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    check(api.post("/api/documents", json=[{"text": "Chile hosted Peru."}] * 1001, headers=auth), 413)
    check(api.post("/api/documents", json=[{"text": "Chile hosted Peru."}] * 3, headers=auth), 200)
