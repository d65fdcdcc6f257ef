"""Exports of the store: csv, parquet and jsonl (events or clusters), GDELT 2.0 Events, PLOVER JSON.

* ``csv``, ``parquet``, ``jsonl``: by default one row per coded event (every modality), with its
  cluster, outlet and the original it copies when it comes from a near-duplicate; ``unit="clusters"``
  gives one row per clustered event instead.
* ``gdelt``: one row per clustered event (asserted and reported only), the 61 columns of the GDELT
  2.0 Events table in their order and with their names, then ``Confidence`` (0-100, the cluster's
  surest mention), tab-separated with a header row. Columns
  tealeaves does not produce (tone, FIPS geography, ethnic and religious codes, ...) are empty.
  NumSources is the count of independent outlets, NumArticles the articles, NumMentions the mentions.
* ``plover``: one JSON object per line per clustered event (asserted and reported, CAMEO roots 01
  and 02 left out as PLOVER drops them), with the PLOVER JSON field names.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from tealeaves import ontology
from tealeaves.errors import InputError

FORMATS = ("csv", "parquet", "jsonl", "gdelt", "plover")
UNITS = ("events", "clusters")

GDELT_COLUMNS = (
    "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
    "Confidence",  # not a GDELT Events column: tealeaves' 0-100 confidence, last so the 61 keep their places
)

# what tealeaves fills in; every other GDELT column is empty
_GDELT_VALUES = {
    "GlobalEventID": "('0x' || substr(c.id, 2, 15))::BIGINT",
    "Day": "strftime(c.date, '%Y%m%d')::INTEGER",
    "MonthYear": "strftime(c.date, '%Y%m')::INTEGER",
    "Year": "year(c.date)",
    "FractionDate": "round(year(c.date) + (dayofyear(c.date) - 1) / 365.0, 4)",
    "Actor1Code": "c.source_code",
    "Actor1Name": "upper(e.source_text)",
    "Actor1CountryCode": "c.source_country",
    "Actor1Type1Code": "e.source_sector",
    "Actor2Code": "c.target_code",
    "Actor2Name": "upper(e.target_text)",
    "Actor2CountryCode": "c.target_country",
    "Actor2Type1Code": "e.target_sector",
    "EventCode": "c.cameo",
    "EventBaseCode": "left(c.cameo, 3)",
    "EventRootCode": "c.root",
    "QuadClass": "c.quad",
    "GoldsteinScale": "c.goldstein",
    "NumMentions": "c.mentions",
    "NumSources": "c.independent_outlets",
    "NumArticles": "c.articles",
    "ActionGeo_FullName": "c.location_name",
    "ActionGeo_Lat": "c.lat",
    "ActionGeo_Long": "c.lon",
    "DATEADDED": "strftime(c.updated_at, '%Y%m%d%H%M%S')::BIGINT",
    "SOURCEURL": "d.url",
    "Confidence": "round(100 * c.confidence)::INTEGER",
}

_EVENTS_SQL = """
SELECT e.*, cm.cluster_id, d.outlet, d.url, d.title, dup.original_id AS duplicate_of
FROM events e LEFT JOIN cluster_members cm ON cm.event_id = e.id LEFT JOIN documents d ON d.id = e.doc_id
LEFT JOIN duplicates dup ON dup.doc_id = e.doc_id
ORDER BY e.date NULLS LAST, e.doc_id, e.sentence, e.id
"""
_CLUSTERS_SQL = """
SELECT c.*, e.text, e.doc_id, e.source_text, e.target_text, d.outlet, d.url
FROM clusters c LEFT JOIN events e ON e.id = c.representative LEFT JOIN documents d ON d.id = e.doc_id
ORDER BY c.date NULLS LAST, c.id
"""


def _quote(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def _copy(con: Any, sql: str, path: Path, options: str) -> int:
    import duckdb

    try:
        n = con.execute(f"SELECT count(*) FROM ({sql})").fetchone()[0]
        con.execute(f"COPY ({sql}) TO {_quote(path)} ({options})")
    except duckdb.IOException as exc:
        raise InputError(f"cannot write {path}: {exc}") from None
    return int(n)


def _above(sql: str, alias: str, threshold: float) -> str:
    """``sql`` keeping rows of ``alias`` at or above the threshold (a number, never user text)."""
    if threshold <= 0:
        return sql
    cond = f"coalesce({alias}.confidence, 1.0) >= {float(threshold)!r}"
    head, sep, tail = sql.rpartition("ORDER BY")
    return f"{head}{'AND' if 'WHERE' in head else 'WHERE'} {cond}\n{sep}{tail}"


def gdelt_sql(threshold: float = 0.0) -> str:
    cols = ",\n       ".join(f'{_GDELT_VALUES.get(name, "NULL")} AS "{name}"' for name in GDELT_COLUMNS)
    return _above(f"""SELECT {cols}
FROM clusters c LEFT JOIN events e ON e.id = c.representative LEFT JOIN documents d ON d.id = e.doc_id
WHERE c.modality IN ('asserted', 'reported')
ORDER BY c.date NULLS LAST, c.id""", "c", threshold)


def plover_records(con: Any, threshold: float = 0.0) -> list[dict[str, Any]]:
    """Clustered events as PLOVER JSON objects (field names as in the PLOVER specification)."""
    cur = con.execute(_above("""
        SELECT c.id, c.date, c.source_code, c.target_code, c.cameo, c.plover, c.updated_at, c.location_name, c.lat, c.lon,
               e.text, e.source_text, e.source_sector, e.target_text, e.target_sector, e.coder,
               substr(d.clean_text, e.evidence_start + 1, e.evidence_end - e.evidence_start) AS event_text,
               d.language, d.outlet, c.confidence
        FROM clusters c LEFT JOIN events e ON e.id = c.representative LEFT JOIN documents d ON d.id = e.doc_id
        WHERE c.modality IN ('asserted', 'reported') AND c.plover IS NOT NULL
        ORDER BY c.date NULLS LAST, c.id""", "c", threshold))
    names = [d[0] for d in cur.description]
    out = []
    codes = ontology.codes()
    for row in cur.fetchall():
        r = dict(zip(names, row))
        code = codes.get(r["cameo"])

        def actor(text: Any, acode: Any, sector: Any) -> list[dict[str, Any]] | str:
            if not acode:
                return ""
            rec = {"actorText": text or "", "code": acode}
            if sector:
                rec["sector"] = sector
            return [rec]

        out.append({
            "id": r["id"],
            "date": r["date"].isoformat() if r["date"] else "",
            "source": actor(r["source_text"], r["source_code"], r["source_sector"]),
            "target": actor(r["target_text"], r["target_code"], r["target_sector"]),
            "event": r["plover"],
            "eventText": r["event_text"] or "",
            "context": (code.plover_context or "") if code else "",
            "mode": (code.plover_mode or "") if code else "",
            "text": r["text"] or "",
            "language": r["language"] or "en",
            "publication": r["outlet"] or "",
            "coder": r["coder"] or "",
            "version": "tealeaves",
            "dateCoded": r["updated_at"].date().isoformat() if isinstance(r["updated_at"], dt.datetime) else "",
            "comment": "",
            "confidence": r["confidence"],  # tealeaves' addition: 0-1, the cluster's surest mention
        })
    return out


def export(con: Any, fmt: str, path: str | Path, unit: str | None = None, min_confidence: float | None = None) -> int:
    """Write the store in ``fmt`` to ``path``; returns the number of rows or records written. Events
    (or clusters) below ``min_confidence`` (default: the settings' threshold) are left out."""
    from tealeaves.cluster import ensure_readout
    from tealeaves.readout import min_confidence as threshold_of

    if fmt not in FORMATS:
        raise InputError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    if unit is not None and unit not in UNITS:
        raise InputError(f"unknown unit {unit!r}; use events or clusters")
    if unit == "events" and fmt in ("gdelt", "plover"):
        raise InputError(f"the {fmt} format has one row per clustered event; drop --unit events")
    target = Path(path)
    if not target.parent.exists():
        raise InputError(f"cannot write {target}: folder {target.parent} does not exist")
    ensure_readout(con)
    threshold = threshold_of(min_confidence)
    if fmt == "plover":
        records = plover_records(con, threshold)
        try:
            with target.open("w", encoding="utf-8") as fh:
                for rec in records:
                    fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        except OSError as exc:
            raise InputError(f"cannot write {target}: {exc.strerror}") from None
        return len(records)
    if fmt == "gdelt":
        return _copy(con, gdelt_sql(threshold), target, "FORMAT csv, DELIMITER '\t', HEADER true")
    sql = _above(_CLUSTERS_SQL, "c", threshold) if unit == "clusters" else _above(_EVENTS_SQL, "e", threshold)
    options = {"csv": "FORMAT csv, HEADER true", "parquet": "FORMAT parquet", "jsonl": "FORMAT json"}[fmt]
    return _copy(con, sql, target, options)
