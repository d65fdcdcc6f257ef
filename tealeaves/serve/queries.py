"""The read queries behind the web API: plain functions over a DuckDB cursor, parameterized only.

Every value from a request reaches SQL as a bound parameter; the only text spliced into SQL is
chosen from fixed tables in this module (column lists, period units).
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from tealeaves.errors import InputError

QUAD_NAMES = {1: "verbal_cooperation", 2: "material_cooperation", 3: "verbal_conflict", 4: "material_conflict"}
EVENT_SELECT = (
    "e.id, e.doc_id, e.sentence, e.text, e.source_text, e.source_code, e.source_country, e.source_sector, "
    "e.target_text, e.target_code, e.target_country, e.target_sector, e.cameo, e.root, e.quad, e.goldstein, "
    "e.plover, e.modality, e.date, e.date_precision, e.location_name, e.cited_outlet, e.speaker_code, "
    "e.evidence_start, e.evidence_end, e.rule, e.coder, e.confidence, e.confidence_model, e.review"
)
NO_DATE = dt.date(1, 1, 1)  # sorts undated events last in newest-first order


class NotFound(InputError):
    """Nothing with that id is stored."""


@dataclass(frozen=True)
class EventFilter:
    actor: str | None = None
    dyad: tuple[str, str] | None = None
    code: str | None = None
    root: str | None = None
    quad: int | None = None
    modalities: tuple[str, ...] = ()
    start: dt.date | None = None
    end: dt.date | None = None
    outlet: str | None = None
    q: str | None = None
    min_confidence: float = 0.0  # events scored below are left out; unscored ones stay


def _prefix(column: str, value: str) -> tuple[str, list[Any]]:
    # a range on the column (rather than starts_with) lets DuckDB skip row groups by min/max
    v = value.upper()
    return f"({column} >= ? AND {column} < ?)", [v, v + "\uffff"]


def _where(f: EventFilter) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if f.actor:
        s, ps = _prefix("e.source_code", f.actor)
        t, pt = _prefix("e.target_code", f.actor)
        where.append(f"({s} OR {t})")
        params += ps + pt
    if f.dyad:
        a, b = f.dyad
        sa, psa = _prefix("e.source_code", a)
        tb, ptb = _prefix("e.target_code", b)
        sb, psb = _prefix("e.source_code", b)
        ta, pta = _prefix("e.target_code", a)
        where.append(f"(({sa} AND {tb}) OR ({sb} AND {ta}))")
        params += psa + ptb + psb + pta
    if f.code:
        where.append("starts_with(e.cameo, ?)")
        params.append(f.code)
    if f.root:
        where.append("e.root = ?")
        params.append(f.root)
    if f.quad is not None:
        where.append("e.quad = ?")
        params.append(f.quad)
    if f.modalities:
        where.append("e.modality IN (SELECT unnest(?::VARCHAR[]))")
        params.append(list(f.modalities))
    if f.start:
        where.append("e.date >= ?")
        params.append(f.start)
    if f.end:
        where.append("e.date <= ?")
        params.append(f.end)
    if f.outlet:
        where.append("e.doc_id IN (SELECT id FROM documents WHERE outlet = ?)")
        params.append(f.outlet)
    if f.q:
        where.append("contains(lower(e.text), lower(?))")
        params.append(f.q)
    if f.min_confidence > 0:
        where.append("coalesce(e.confidence, 1.0) >= ?")
        params.append(float(f.min_confidence))
    return where, params


def encode_cursor(date: dt.date | None, event_id: str) -> str:
    raw = json.dumps([(date or NO_DATE).isoformat(), event_id]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[dt.date, str]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        day, event_id = json.loads(raw)
        return dt.date.fromisoformat(day), str(event_id)
    except (ValueError, TypeError, binascii.Error, json.JSONDecodeError):
        raise InputError("the cursor is not one this server gave out; start again without ?cursor=") from None


def _rows(cur: Any) -> list[dict[str, Any]]:
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


def _iso(v: Any) -> str | None:
    return v.isoformat() if isinstance(v, (dt.date, dt.datetime)) else (str(v) if v is not None else None)


def event_record(r: dict[str, Any]) -> dict[str, Any]:
    def actor(prefix: str) -> dict[str, Any] | None:
        if r.get(f"{prefix}_code") is None and r.get(f"{prefix}_text") is None:
            return None
        return {k: r.get(f"{prefix}_{k}") for k in ("text", "code", "country", "sector")}

    return {
        "id": r["id"], "doc_id": r["doc_id"], "sentence": r["sentence"], "text": r["text"],
        "source": actor("source"), "target": actor("target"),
        "cameo": r["cameo"], "root": r["root"], "quad": r["quad"], "goldstein": r["goldstein"], "plover": r["plover"],
        "modality": r["modality"], "date": _iso(r["date"]), "date_precision": r["date_precision"],
        "location": r["location_name"], "cited_outlet": r["cited_outlet"], "speaker_code": r["speaker_code"],
        "evidence": {"start": r["evidence_start"] or 0, "end": r["evidence_end"] or 0},
        "rule": r["rule"], "coder": r["coder"], "outlet": r.get("outlet"), "title": r.get("title"),
        "confidence": r.get("confidence"), "confidence_model": r.get("confidence_model"), "review": r.get("review"),
    }


DOCUMENT_MEMO = 200_000  # (outlet, title) pairs an index remembers; it is rebuilt after every write


def _with_documents(cur: Any, rows: list[dict[str, Any]], memo: dict[str, tuple[Any, Any]] | None = None) -> list[dict[str, Any]]:
    """Adds each event's article outlet and title (one small query for the whole page)."""
    memo = {} if memo is None else memo
    ids = sorted({r["doc_id"] for r in rows} - memo.keys())
    docs = {d: memo[d] for d in {r["doc_id"] for r in rows} if d in memo}
    if ids:
        marks = ", ".join("?" * len(ids))  # a literal IN list uses the primary-key index
        found = {d: (o, t) for d, o, t in cur.execute(f"SELECT id, outlet, title FROM documents WHERE id IN ({marks})", ids).fetchall()}
        docs.update(found)
        if len(memo) < DOCUMENT_MEMO:
            memo.update(found)
    for r in rows:
        r["outlet"], r["title"] = docs.get(r["doc_id"], (None, None))
    return rows


def fetch_events(cur: Any, ids: Sequence[str]) -> list[dict[str, Any]]:
    """Full rows of the given events, in the order given. A literal IN list lets DuckDB use the
    primary-key index (a list parameter would scan the table)."""
    if not ids:
        return []
    marks = ", ".join("?" * len(ids))
    by_id = {r["id"]: r for r in _rows(cur.execute(f"SELECT {EVENT_SELECT} FROM events e WHERE e.id IN ({marks})", list(ids)))}
    return [by_id[i] for i in ids if i in by_id]


def indexed(f: EventFilter) -> Any:
    """The index query for a filter the index can answer, else None."""
    from tealeaves.serve.index import Query, usable

    if f.code or f.root or f.outlet or f.q or (f.actor and f.dyad) or f.min_confidence > 0:
        return None  # the index holds no confidence: a threshold goes to SQL
    a, b = (f.dyad if f.dyad else (f.actor, None))
    if not usable([a, b]):
        return None
    return Query(a=a, b=b, start=f.start, end=f.end, quad=f.quad, modalities=f.modalities)


def list_events(cur: Any, f: EventFilter, limit: int, cursor: str | None = None, index: Any = None) -> tuple[list[dict[str, Any]], str | None]:
    """A page of events, newest first, and the cursor of the next page (None on the last)."""
    after = decode_cursor(cursor) if cursor else None
    q = indexed(f) if index is not None else None
    if q is not None:
        ids = index.page(q, limit + 1, after)
    else:
        where, params = _where(f)
        if after:
            where.append("(coalesce(e.date, DATE '0001-01-01') < ? OR (coalesce(e.date, DATE '0001-01-01') = ? AND e.id > ?))")
            params += [after[0], after[0], after[1]]
        # ids first, then the rows: sorting only the key columns is far cheaper than sorting whole rows
        sql = ("SELECT e.id FROM events e" + (" WHERE " + " AND ".join(where) if where else "")
               + " ORDER BY coalesce(e.date, DATE '0001-01-01') DESC, e.id LIMIT ?")
        ids = [r[0] for r in cur.execute(sql, params + [limit + 1]).fetchall()]
    more = len(ids) > limit
    rows = _with_documents(cur, fetch_events(cur, ids[:limit]), index.documents if index is not None else None)
    nxt = encode_cursor(rows[-1]["date"], rows[-1]["id"]) if more and rows else None
    return [event_record(r) for r in rows], nxt


def _event_row(cur: Any, event_id: str) -> dict[str, Any]:
    rows = _rows(cur.execute(f"SELECT {EVENT_SELECT} FROM events e WHERE e.id = ?", [event_id]))
    if not rows:
        raise NotFound(f"no event with id {event_id!r}")
    return rows[0]


def sentence_span(clean_text: str | None, sentence: str | None, evidence_start: int) -> dict[str, int] | None:
    """Where the coded sentence sits in the cleaned text: the occurrence nearest the evidence."""
    if not clean_text or not sentence:
        return None
    best, pos = None, clean_text.find(sentence)
    while pos != -1:
        if best is None or abs(pos - evidence_start) < abs(best - evidence_start):
            best = pos
        if pos > evidence_start:
            break
        pos = clean_text.find(sentence, pos + 1)
    return {"start": best, "end": best + len(sentence)} if best is not None else None


def _cluster(cur: Any, row: dict[str, Any]) -> tuple[list[dict[str, Any]], list[str], int]:
    """Reports of the same happening: the event's cluster (tealeaves.cluster) when it has one, else
    the events with the same actors, CAMEO code and date."""
    from tealeaves.cluster import cluster_outlets

    hit = cur.execute("SELECT c.id, c.independent_outlets FROM cluster_members cm JOIN clusters c ON c.id = cm.cluster_id "
                      "WHERE cm.event_id = ?", [row["id"]]).fetchone()
    if hit:
        sql = (f"SELECT {EVENT_SELECT} FROM cluster_members cm JOIN events e ON e.id = cm.event_id "
               "WHERE cm.cluster_id = ? ORDER BY e.date, e.doc_id, e.sentence LIMIT 500")
        mentions = _with_documents(cur, _rows(cur.execute(sql, [hit[0]])))
        return mentions, cluster_outlets(cur, [hit[0]])[hit[0]], int(hit[1] or 0)
    sql = (f"SELECT {EVENT_SELECT} FROM events e WHERE e.cameo IS NOT DISTINCT FROM ? AND e.source_code IS NOT DISTINCT FROM ? "
           "AND e.target_code IS NOT DISTINCT FROM ? AND e.date IS NOT DISTINCT FROM ? ORDER BY e.doc_id, e.sentence LIMIT 200")
    mentions = _with_documents(cur, _rows(cur.execute(sql, [row["cameo"], row["source_code"], row["target_code"], row["date"]])))
    outlets, independent = _sources(mentions)
    return mentions, outlets, independent


def _sources(mentions: Sequence[dict[str, Any]]) -> tuple[list[str], int]:
    """The outlets that reported a happening, and how many did so on their own: an outlet whose
    every report cites another outlet is repeating, not an independent source."""
    outlets = sorted({m["outlet"] for m in mentions if m.get("outlet")})
    own = {m["outlet"] for m in mentions if m.get("outlet") and (not m.get("cited_outlet") or m["cited_outlet"] == m["outlet"])}
    cited = {m["cited_outlet"] for m in mentions if m.get("cited_outlet") and m["cited_outlet"] not in outlets}
    return outlets, len(own) + len(cited - own)


def add_sources(cur: Any, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Adds ``outlets`` and ``independent_outlets`` to each event record of a page (two queries in all)."""
    if not events:
        return events
    from tealeaves.cluster import cluster_outlets

    hits = {eid: (cid, n) for eid, cid, n in cur.execute(
        "SELECT cm.event_id, c.id, c.independent_outlets FROM cluster_members cm JOIN clusters c ON c.id = cm.cluster_id "
        "WHERE cm.event_id IN (SELECT unnest(?::VARCHAR[]))", [[e["id"] for e in events]]).fetchall()}
    outlets = cluster_outlets(cur, sorted({cid for cid, _ in hits.values()})) if hits else {}
    for e in events:
        if e["id"] in hits:
            cid, n = hits[e["id"]]
            e["outlets"], e["independent_outlets"] = outlets.get(cid, []), int(n or 0)
    events = [e for e in events if e["id"] not in hits]
    if not events:
        return events
    key = lambda c, s, t, d: (c, s, t, d)  # noqa: E731
    cameos = sorted({e["cameo"] for e in events if e["cameo"]})
    dates = sorted({dt.date.fromisoformat(e["date"]) for e in events if e["date"]})
    rows = _rows(cur.execute(
        "SELECT e.doc_id, e.cameo, e.source_code, e.target_code, e.date, e.cited_outlet FROM events e "
        "WHERE e.cameo IN (SELECT unnest(?::VARCHAR[])) AND e.date IN (SELECT unnest(?::DATE[]))", [cameos, dates]))
    _with_documents(cur, rows)
    groups: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
    for r in rows:
        groups.setdefault(key(r["cameo"], r["source_code"], r["target_code"], _iso(r["date"])), []).append(r)
    for e in events:
        src, tgt = (e["source"] or {}).get("code"), (e["target"] or {}).get("code")
        ms = groups.get(key(e["cameo"], src, tgt, e["date"])) or [{"outlet": e.get("outlet"), "cited_outlet": e.get("cited_outlet")}]
        e["outlets"], e["independent_outlets"] = _sources(ms)
    return events


def event_detail(cur: Any, event_id: str) -> dict[str, Any]:
    row = _with_documents(cur, [_event_row(cur, event_id)])[0]
    mentions, outlets, independent = _cluster(cur, row)
    doc_ids = sorted({m["doc_id"] for m in mentions} | {row["doc_id"]})
    arts = _rows(cur.execute("SELECT id, title, date, outlet, url FROM documents WHERE id IN (SELECT unnest(?::VARCHAR[])) ORDER BY date, id", [doc_ids]))
    clean = cur.execute("SELECT clean_text FROM documents WHERE id = ?", [row["doc_id"]]).fetchone()
    clean_text = clean[0] if clean else None
    es, ee = row["evidence_start"] or 0, row["evidence_end"] or 0
    rule = row["rule"] or ""
    explanation = (f"Coded {row['cameo']} by the rule '{rule.split(' | ')[0]}' with modality {row['modality']}"
                   + (f" (cue: {rule.split('modality: ', 1)[1]})" if "modality: " in rule else "")
                   + (f", as reported by {row['cited_outlet']}" if row["cited_outlet"] else "") + ".")
    return {
        "event": event_record(row),
        "mentions": [event_record(m) for m in mentions],
        "articles": [{**a, "date": _iso(a["date"])} for a in arts],
        "outlets": outlets,
        "independent_outlets": independent,
        "evidence_text": clean_text[es:ee] if clean_text and 0 <= es < ee <= len(clean_text) else None,
        "sentence_span": sentence_span(clean_text, row["text"], es),
        "explanation": explanation,
    }


def document(cur: Any, doc_id: str) -> dict[str, Any]:
    rows = _rows(cur.execute("SELECT id, title, date, outlet, url, language, status, note, clean_text, text FROM documents WHERE id = ?", [doc_id]))
    if not rows:
        raise NotFound(f"no document with id {doc_id!r}")
    d = rows[0]
    text = d["clean_text"] if d["clean_text"] is not None else (d["text"] or "")
    evs = _rows(cur.execute("SELECT id, text, evidence_start, evidence_end, cameo, quad, modality, source_code, target_code "
                            "FROM events WHERE doc_id = ? ORDER BY evidence_start, id", [doc_id]))
    spans = [{
        "event_id": e["id"], "sentence": sentence_span(text, e["text"], e["evidence_start"] or 0),
        "evidence": {"start": e["evidence_start"] or 0, "end": e["evidence_end"] or 0},
        "cameo": e["cameo"], "quad": e["quad"], "modality": e["modality"],
        "source_code": e["source_code"], "target_code": e["target_code"],
    } for e in evs]
    return {"id": d["id"], "title": d["title"], "date": _iso(d["date"]), "outlet": d["outlet"], "url": d["url"],
            "language": d["language"], "status": d["status"], "note": d["note"], "text": text, "events": spans}


def dyad_series(cur: Any, a: str, b: str, period: str, include_all: bool,
                start: dt.date | None = None, end: dt.date | None = None, index: Any = None,
                modalities: Sequence[str] | None = None, max_periods: int | None = None,
                min_confidence: float = 0.0) -> list[dict[str, Any]]:
    """Clustered events per period and quad class for the pair, both directions: from the server's
    index of the clusters table when it can answer (no confidence threshold), else from
    ``readout.dyad_series``. A series of more than ``max_periods`` periods raises InputError before
    it is built."""
    from tealeaves import readout
    from tealeaves.serve.index import Query, usable

    if index is not None and usable([a, b]) and min_confidence <= 0:
        q = Query(a=a, b=b, start=start, end=end, modalities=readout.counted_modalities(include_all, modalities) or ())
        return [{"period": p.isoformat(), "events": sum(c), "goldstein_mean": round(g / sum(c), 3) if sum(c) else None,
                 **{name: c[i] for i, name in enumerate(QUAD_NAMES.values())}} for p, c, g in index.series(q, period, max_periods)]
    points = readout.dyad_series(cur, a, b, period, start.isoformat() if start else None, end.isoformat() if end else None,
                                 include_all_modalities=include_all, modalities=modalities, max_periods=max_periods,
                                 min_conf=min_confidence)
    out = []
    for p in points:
        c = p.combined
        point: dict[str, Any] = {"period": p.start.isoformat(), "events": c.events,
                                 "goldstein_mean": round(c.goldstein / c.events, 3) if c.events else None}
        point.update({name: c.count(q) for q, name in QUAD_NAMES.items()})
        out.append(point)
    return out


def say_vs_do(cur: Any, a: str, b: str, period: str, include_all: bool,
              start: dt.date | None = None, end: dt.date | None = None, modalities: Sequence[str] | None = None,
              max_periods: int | None = None, min_confidence: float = 0.0) -> dict[str, Any]:
    """``readout.say_vs_do`` as a JSON record, each strongest event with the id of its representative
    stored event so the dashboard can open its article."""
    from tealeaves import readout

    sd = readout.say_vs_do(cur, a, b, period, start.isoformat() if start else None, end.isoformat() if end else None,
                           include_all_modalities=include_all, modalities=modalities, max_periods=max_periods,
                           min_conf=min_confidence)
    out = sd.to_record()
    ids = [e["cluster_id"] for e in out["verbal"] + out["material"]]
    reps = dict(cur.execute("SELECT id, representative FROM clusters WHERE id IN (SELECT unnest(?::VARCHAR[]))",
                            [ids]).fetchall()) if ids else {}
    for e in out["verbal"] + out["material"]:
        e["event_id"] = reps.get(e["cluster_id"])
    counted = readout.counted_modalities(include_all, modalities)
    out["modalities"] = None if counted is None else list(counted)
    return out


def review_queue(cur: Any, a: str, b: str, start: dt.date | None, end: dt.date | None, modalities: Sequence[str] | None,
                 limit: int) -> list[dict[str, Any]]:
    """The pair's events in the period that nobody has reviewed yet, least sure first."""
    where, params = _where(EventFilter(dyad=(a, b), start=start, end=end, modalities=tuple(modalities or ())))
    where.append("e.review IS NULL")
    sql = (f"SELECT {EVENT_SELECT} FROM events e WHERE " + " AND ".join(where)
           + " ORDER BY coalesce(e.confidence, 1.0), e.date, e.id LIMIT ?")
    return [event_record(r) for r in _with_documents(cur, _rows(cur.execute(sql, params + [limit])))]


def actor_names() -> dict[str, str]:
    """Country codes to names from the package's actor data (best effort: empty when unreadable)."""
    import csv
    import io
    from importlib import resources

    try:
        text = resources.files("tealeaves.data").joinpath("actors", "countries.csv").read_text(encoding="utf-8")
    except OSError:
        return {}
    return {r["iso3"]: r["name"] for r in csv.DictReader(io.StringIO(text)) if r.get("iso3") and r.get("name")}


def actors(cur: Any, q: str | None, limit: int, names: dict[str, str]) -> list[dict[str, Any]]:
    """Actor codes in the store with their event counts; ``q`` matches a code prefix, a name or a mention."""
    params: list[Any] = []
    cond = ""
    if q:
        by_name = [c for c, n in names.items() if q.lower() in n.lower()]
        cond = " WHERE starts_with(code, ?) OR contains(lower(txt), lower(?)) OR code IN (SELECT unnest(?::VARCHAR[]))"
        params = [q.upper(), q, by_name]
    sql = ("WITH m AS (SELECT source_code AS code, source_text AS txt FROM events WHERE source_code IS NOT NULL "
           "UNION ALL SELECT target_code, target_text FROM events WHERE target_code IS NOT NULL) "
           f"SELECT code, count(*) AS n, mode(txt) AS label FROM m{cond} GROUP BY code ORDER BY n DESC, code LIMIT ?")
    rows = cur.execute(sql, params + [limit]).fetchall()
    return [{"code": c, "name": names.get(c[:3]) if len(c) == 3 else (names.get(c[:3], "") + f" ({c})" if c[:3] in names else label),
             "events": int(n)} for c, n, label in rows]


def top_dyads(cur: Any, limit: int = 20, start: dt.date | None = None, end: dt.date | None = None,
              modalities: Sequence[str] | None = None, min_confidence: float = 0.0) -> list[dict[str, Any]]:
    """Unordered actor pairs (country-level codes, first three letters) with the most events."""
    where, params = _where(EventFilter(start=start, end=end, modalities=tuple(modalities or ()), min_confidence=min_confidence))
    where += ["e.source_code IS NOT NULL", "e.target_code IS NOT NULL", "left(e.source_code, 3) <> left(e.target_code, 3)"]
    sql = ("SELECT least(left(e.source_code, 3), left(e.target_code, 3)) AS a, greatest(left(e.source_code, 3), left(e.target_code, 3)) AS b, "
           "count(*) AS n, count(*) FILTER (WHERE e.quad IN (1, 2)) AS coop, count(*) FILTER (WHERE e.quad IN (3, 4)) AS conf "
           "FROM events e WHERE " + " AND ".join(where) + " GROUP BY 1, 2 ORDER BY n DESC, a, b LIMIT ?")
    return [{"a": a, "b": b, "events": int(n), "cooperation": int(c), "conflict": int(k)}
            for a, b, n, c, k in cur.execute(sql, params + [limit]).fetchall()]


def network(cur: Any, start: dt.date | None, end: dt.date | None, modalities: Sequence[str] | None, limit: int,
            names: dict[str, str], min_confidence: float = 0.0) -> dict[str, Any]:
    edges = top_dyads(cur, limit, start, end, modalities, min_confidence)
    counts: dict[str, int] = {}
    for e in edges:
        for k in (e["a"], e["b"]):
            counts[k] = counts.get(k, 0) + e["events"]
    nodes = [{"code": c, "name": names.get(c), "events": n} for c, n in sorted(counts.items(), key=lambda kv: -kv[1])]
    return {"start": _iso(start), "end": _iso(end), "nodes": nodes, "edges": edges}


def stats(cur: Any) -> dict[str, Any]:
    from tealeaves import store

    out = store.stats(cur)
    out["top_dyads"] = [{"a": d["a"], "b": d["b"], "events": d["events"]} for d in top_dyads(cur, 12)]
    return out
