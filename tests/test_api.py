"""The web API through an in-process client, over a store built from Event records (no spaCy)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from helpers import SAYDO_ARTICLES, build_store
from tealeaves.models import Event


@pytest.fixture()
def stored(con: Any) -> dict[str, list[Event]]:
    return build_store(con)


@pytest.fixture()
def client(con: Any, stored: Any) -> Iterator[Any]:
    from fastapi.testclient import TestClient

    from tealeaves.serve import create_app

    with TestClient(create_app(con), raise_server_exceptions=False) as c:
        yield c


@pytest.fixture()
def writable(con: Any, stored: Any) -> Iterator[Any]:
    from fastapi.testclient import TestClient

    from tealeaves.serve import create_app

    with TestClient(create_app(con, token="s3cret-token"), raise_server_exceptions=False) as c:
        yield c


def assert_error(resp: Any, status: int) -> dict[str, Any]:
    """The one error shape: {"error": {"status", "code", "message", "detail"}} and nothing else."""
    assert resp.status_code == status, resp.text
    body = resp.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"status", "code", "message", "detail"}
    assert body["error"]["status"] == status
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    return body["error"]


def test_events_dyad_filter_either_direction_and_by_prefix(client: Any) -> None:
    items = client.get("/api/events", params={"dyad": "FRA,RUS", "limit": 100}).json()["items"]
    pairs = {(e["source"]["code"][:3], e["target"]["code"][:3]) for e in items}
    assert pairs == {("FRA", "RUS"), ("RUS", "FRA")}
    assert len(items) == 8  # FRAGOV/RUSGOV match FRA and RUS
    assert all(e["outlet"] for e in items)
    assert [e["date"] for e in items] == sorted((e["date"] for e in items), reverse=True)


@pytest.mark.parametrize("params, expected", [
    ({"actor": "USA"}, {"051", "073"}),
    ({"code": "16"}, {"16", "163", "1663"}),
    ({"root": "11"}, {"111", "112"}),
    ({"quad": 1}, {"036", "040", "051"}),
    ({"modality": "hypothetical"}, {"163"}),
    ({"modality": "reported,hypothetical"}, {"16", "163"}),
    ({"start": "2016-10-10", "end": "2016-10-12"}, {"040", "163"}),
    ({"outlet": "Continental Wire"}, {"040", "163"}),
    ({"q": "humanitarian"}, {"073"}),
])
def test_events_filters(client: Any, params: dict[str, Any], expected: set[str]) -> None:
    resp = client.get("/api/events", params=params)
    assert resp.status_code == 200, resp.text
    assert {e["cameo"] for e in resp.json()["items"]} == expected


def test_cursor_pages_cover_everything_once(client: Any, stored: Any) -> None:
    seen: list[str] = []
    cursor = None
    for _ in range(20):
        body = client.get("/api/events", params={"limit": 3, **({"cursor": cursor} if cursor else {})}).json()
        assert len(body["items"]) <= 3
        seen += [e["id"] for e in body["items"]]
        cursor = body["next_cursor"]
        if cursor is None:
            break
    all_ids = {e.id for evs in stored.values() for e in evs}
    assert len(seen) == len(set(seen)) == len(all_ids)
    assert set(seen) == all_ids


def test_event_detail_groups_reports_of_the_same_happening(client: Any, stored: Any) -> None:
    expel = stored["a4"][0]
    body = client.get(f"/api/events/{expel.id}").json()
    assert body["event"]["cameo"] == "1663"
    assert {m["doc_id"] for m in body["mentions"]} == {"a4", "a5"}
    assert {a["id"] for a in body["articles"]} == {"a4", "a5"}
    assert body["outlets"] == ["Evening Ledger", "Wire Desk"]
    assert body["independent_outlets"] == 2
    assert body["evidence_text"] == "expelled"
    span = body["sentence_span"]
    doc = client.get("/api/documents/a4").json()
    assert doc["text"][span["start"]:span["end"]] == expel.text
    assert "1663" in body["explanation"] and "asserted" in body["explanation"]


def test_cited_report_is_not_an_independent_source(client: Any, stored: Any) -> None:
    veto = stored["a2"][1]
    body = client.get(f"/api/events/{veto.id}").json()
    assert body["event"]["cited_outlet"] == "Wire Desk"
    assert body["outlets"] == ["Evening Ledger"]
    assert body["independent_outlets"] == 1  # the Ledger only repeats the Wire Desk
    page = client.get("/api/events", params={"code": "16", "root": "16", "with_sources": "true"}).json()["items"]
    assert {(e["cameo"], e["independent_outlets"]) for e in page} == {("16", 1), ("163", 1), ("1663", 2)}


def test_document_has_text_and_event_spans(client: Any, stored: Any) -> None:
    doc = client.get("/api/documents/a3").json()
    assert doc["title"] == "French minister visits Moscow"
    assert len(doc["events"]) == 2
    for span in doc["events"]:
        ev = next(e for e in stored["a3"] if e.id == span["event_id"])
        assert doc["text"][span["sentence"]["start"]:span["sentence"]["end"]] == ev.text
        assert doc["text"][span["evidence"]["start"]:span["evidence"]["end"]] in ev.text


def test_dyad_series_by_week_counts_quads_and_leaves_out_hypothetical(client: Any) -> None:
    body = client.get("/api/dyads/FRA/RUS/series", params={"period": "week"}).json()
    assert body["modalities"] == ["asserted", "reported"]
    by_week = {p["period"]: p for p in body["points"]}
    assert set(by_week) == {"2016-10-03", "2016-10-10", "2016-10-17"}
    first = by_week["2016-10-03"]
    assert (first["verbal_conflict"], first["verbal_cooperation"], first["events"]) == (3, 1, 4)
    assert by_week["2016-10-10"]["material_conflict"] == 0  # the sanctions are only hypothetical
    # the expulsion is reported by two outlets but is one happening
    assert by_week["2016-10-17"]["material_conflict"] == 1
    every = client.get("/api/dyads/fra/rus/series", params={"period": "week", "all_modalities": "true"}).json()
    assert {p["period"]: p["material_conflict"] for p in every["points"]}["2016-10-10"] == 1


@pytest.fixture()
def saydo_client(con: Any, stored: Any) -> Iterator[Any]:
    from fastapi.testclient import TestClient

    from tealeaves.serve import create_app

    build_store(con, SAYDO_ARTICLES)
    with TestClient(create_app(con), raise_server_exceptions=False) as c:
        yield c


def test_saydo_flags_rising_threats_while_talks_go_on(saydo_client: Any) -> None:
    resp = saydo_client.get("/api/dyads/gbr/irn/saydo", params={"period": "week"})
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert (body["a"], body["b"], body["period"], body["modalities"]) == ("GBR", "IRN", "week", ["asserted", "reported"])
    lines = {p["start"]: (p["contact"], p["rhetoric"]) for p in body["points"]}
    assert lines == {"2016-11-07": (1, 1), "2016-11-14": (1, 3), "2016-11-21": (0, 1)}  # the threat in two outlets counts once
    assert [(f["start"], f["kind"]) for f in body["flags"]] == [("2016-11-14", "hostile_rhetoric_with_contact")]
    assert "from 1 to 3" in body["flags"][0]["reason"]

    verbal = {e["cameo"]: e for e in body["verbal"]}
    assert set(verbal) == {"046", "100", "130"}  # the three largest Goldstein magnitudes of quads 1 and 3
    threat = verbal["130"]
    assert threat["outlets"] == ["Evening Ledger", "Harbour Times"] and threat["independent_outlets"] == 2
    assert threat["mentions"] == 2
    detail = saydo_client.get(f"/api/events/{threat['event_id']}").json()
    assert detail["event"]["text"] == "Iran threatened Britain with retaliation over the seized tanker."
    assert [e["cameo"] for e in body["material"]] == ["164"]


def test_saydo_date_range_modalities_and_cache(saydo_client: Any) -> None:
    body = saydo_client.get("/api/dyads/GBR/IRN/saydo", params={"from": "2016-11-14", "to": "2016-11-27"}).json()
    assert (body["start"], body["end"]) == ("2016-11-14", "2016-11-27")
    assert [p["start"] for p in body["points"]] == ["2016-11-14", "2016-11-21"]
    assert body["flags"] == []  # the rise is measured against the week before, which is outside the range
    assert "044" not in {e["cameo"] for e in body["verbal"]}

    quiet = saydo_client.get("/api/dyads/FRA/RUS/saydo").json()
    assert quiet["flags"] == []  # the week Russia expels diplomats has no meeting going on
    sanctions = saydo_client.get("/api/dyads/FRA/RUS/saydo", params={"all_modalities": "true"}).json()
    assert "163" in {e["cameo"] for e in sanctions["material"]} and sanctions["modalities"] is None
    assert "163" not in {e["cameo"] for e in quiet["material"]}

    cache = saydo_client.app.state.cache
    hits = cache.hits
    again = saydo_client.get("/api/dyads/FRA/RUS/saydo")
    assert again.json() == quiet and cache.hits == hits + 1


def test_actors_stats_and_network(client: Any) -> None:
    found = client.get("/api/actors", params={"q": "France"}).json()["items"]
    assert found and found[0]["code"].startswith("FRA")
    assert all(not a["code"].startswith("RUS") for a in found)
    stats = client.get("/api/stats").json()
    assert stats["events"] == 10 and stats["documents"] == 5
    assert stats["top_dyads"][0] == {"a": "FRA", "b": "RUS", "events": 8}
    assert stats["writable"] is False
    net = client.get("/api/network", params={"start": "2016-10-17", "end": "2016-10-23"}).json()
    assert {(e["a"], e["b"]) for e in net["edges"]} == {("FRA", "RUS"), ("FRA", "USA"), ("SYR", "USA")}


@pytest.mark.parametrize("path, status", [
    ("/api/events/nope", 404),
    ("/api/documents/nope", 404),
    ("/api/no-such-endpoint", 404),
    ("/api/events?limit=100000", 422),
    ("/api/events?quad=9", 422),
    ("/api/events?start=yesterday", 422),
    ("/api/events?cursor=not-a-cursor", 400),
    ("/api/events?dyad=FRA", 400),
    ("/api/dyads/FRA/RUS/series?period=century", 422),
    ("/api/dyads/FRA;DROP/RUS/series", 422),
    ("/api/dyads/FRA/RUS/saydo?period=fortnight", 422),
    ("/api/dyads/FRA/RUS/saydo?from=last-week", 422),
    ("/api/dyads/FRA%20RUS/IRN/saydo", 422),
    ("/api/dyads/FRA/RUS/saydo?from=2016-10-20&to=2016-10-01", 400),
    ("/api/dyads/FRA/RUS/saydo?period=day&from=1900-01-01", 400),
    ("/api/dyads/FRA/RUS/saydo?period=month&from=9999-12-01&to=9999-12-31", 400),
    ("/api/dyads/FRA/saydo", 404),
    ("/static/../../etc/passwd", 404),
    ("/static/app.py", 404),
])
def test_every_error_has_the_one_shape(client: Any, path: str, status: int) -> None:
    assert_error(client.get(path), status)


def test_read_only_without_token_and_401_with_a_wrong_one(client: Any, writable: Any) -> None:
    doc = {"text": "Germany sent aid to Ukraine.\n\nBerlin pledged more help."}
    assert assert_error(client.post("/api/documents", json=doc), 403)["code"] == "forbidden"
    assert_error(writable.post("/api/documents", json=doc), 401)
    assert_error(writable.post("/api/documents", json=doc, headers={"Authorization": "Bearer wrong"}), 401)


def test_oversized_and_malformed_bodies(writable: Any) -> None:
    auth = {"Authorization": "Bearer s3cret-token"}
    big = b'{"text": "' + b"a" * (17 * 1024 * 1024) + b'"}'
    assert_error(writable.post("/api/documents", content=big, headers={**auth, "Content-Type": "application/json"}), 413)
    assert_error(writable.post("/api/documents", content=b"{not json", headers={**auth, "Content-Type": "application/json"}), 422)
    assert_error(writable.post("/api/documents", json={"text": ""}, headers=auth), 422)
    assert_error(writable.post("/api/documents", json={"text": "x", "evil": 1}, headers=auth), 422)


def test_server_errors_use_the_shape_too(con: Any, stored: Any, monkeypatch: Any) -> None:
    from fastapi.testclient import TestClient

    from tealeaves.serve import create_app, queries

    def boom(*a: Any, **k: Any) -> Any:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(queries, "stats", boom)
    with TestClient(create_app(con), raise_server_exceptions=False) as c:
        err = assert_error(c.get("/api/stats"), 500)
    assert "disk on fire" not in err["message"]


def test_post_documents_codes_and_stores(writable: Any, con: Any, monkeypatch: Any) -> None:
    from tealeaves import pipeline

    seen: list[Any] = []

    def fake_store(docs: Any, c: Any, settings: Any = None, report: Any = None) -> Any:
        docs = list(docs)
        seen.extend(docs)
        rep = pipeline.IngestReport(ingested=len(docs))
        return rep

    monkeypatch.setattr(pipeline, "store_documents", fake_store)
    auth = {"Authorization": "Bearer s3cret-token"}
    one = writable.post("/api/documents", json={"id": "p1", "text": "Japan thanked Canada.", "date": "2016-11-02"}, headers=auth)
    assert one.status_code == 200, one.text
    assert one.json()["ids"] == ["p1"]
    batch = writable.post("/api/documents", json={"documents": [{"text": "Chile hosted Peru."}, {"text": "Kenya met Uganda.", "outlet": "Daily"}]},
                          headers={"X-Tealeaves-Token": "s3cret-token"})
    assert batch.json()["ingested"] == 2
    assert [d.date for d in seen] == ["2016-11-02", None, None]
    assert seen[2].outlet == "Daily"
    assert writable.app.state.writer.generation == 2


def test_openapi_and_pages_are_served_without_third_party_assets(client: Any) -> None:
    import re

    schema = client.get("/openapi.json").json()
    assert {"/api/events", "/api/events/{event_id}", "/api/documents/{doc_id}", "/api/dyads/{a}/{b}/series",
            "/api/dyads/{a}/{b}/saydo", "/api/actors", "/api/stats", "/api/documents"} <= set(schema["paths"])
    assert "ErrorResponse" in schema["components"]["schemas"]
    for page in ("/", "/docs"):
        html = client.get(page).text
        refs = re.findall(r'(?:src|href)="([^"]+)"', html)
        assert refs and all(r.startswith("/") for r in refs), refs
        for r in refs:
            assert client.get(r).status_code == 200, r
    assert "Chart.js" in client.get("/static/vendor/chart.umd.min.js").text[:200]
