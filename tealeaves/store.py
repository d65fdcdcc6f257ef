"""Store: a DuckDB file holding documents and events, with named migrations.

Ids are content hashes, so writing a document that is already there replaces it (and its
events) in one transaction: the store never holds a half-written document.

Tables (see ``tealeaves/migrations/*.sql``): ``documents``, ``events``, ``schema_migrations``
and the tables later stages add through their own migration files. Writing a document applies
the analyst's ``corrections`` of its events again (``tealeaves.corrections``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path
from typing import Any, cast

import duckdb

from tealeaves import heap
from tealeaves.errors import StoreError
from tealeaves.models import CleanDocument, Event
from tealeaves.types import Connection

EVENT_COLUMNS = (
    "id", "doc_id", "sentence", "text",
    "source_text", "source_code", "source_country", "source_sector",
    "target_text", "target_code", "target_country", "target_sector",
    "cameo", "root", "quad", "goldstein", "plover", "modality", "date", "date_precision",
    "location_name", "location_country", "lat", "lon", "cited_outlet", "speaker_code",
    "evidence_start", "evidence_end", "rule", "coder",
    "quote_start", "quote_end", "reporting_verb", "dictionary", "confidence", "confidence_model",
)
DOCUMENT_COLUMNS = (
    "id", "title", "date", "outlet", "url", "origin", "language", "author", "text", "clean_text",
    "n_sentences", "n_events", "status", "note", "coder", "actor_resolver", "ingested_at",
)


def migrations() -> list[tuple[str, str]]:
    """(name, sql) for every migration file shipped with the package, in name order."""
    folder = resources.files("tealeaves.migrations")
    files = sorted((f for f in folder.iterdir() if f.name.endswith(".sql")), key=lambda f: f.name)
    return [(f.name.removesuffix(".sql"), f.read_text(encoding="utf-8")) for f in files]


def connect(path: str | Path = ":memory:", read_only: bool = False, renewable: bool = False) -> Connection:
    """Open (and migrate) a store. ``:memory:`` gives a throwaway store for tests.

    A ``renewable`` store (for one long writer: ``ingest``, ``watch``) can be closed and opened
    again in place by ``renew``, through the same object, which stands for a DuckDB connection."""
    target = str(path)
    try:
        if read_only and target != ":memory:":
            if not Path(target).exists():
                raise StoreError(f"no store at {target}; run `tealeaves ingest` first or pass --db")
            con = duckdb.connect(target, read_only=True)
            return con
        con = duckdb.connect(target)
        if target != ":memory:":
            _bound_memory(con)
    except duckdb.IOException as exc:
        msg = str(exc)
        if "lock" in msg.lower():
            raise StoreError(f"the store {target} is in use by another tealeaves process (is `tealeaves serve` running?)") from None
        raise StoreError(f"cannot open the store {target}: {msg}") from None
    migrate(con)
    if renewable and target != ":memory:":
        return cast(Connection, RenewableStore(target, con))
    return con


class RenewableStore:
    """A store file's connection that ``renew`` closes and opens again in place; every other
    attribute is the open DuckDB connection's.

    DuckDB's buffer pool keeps records of blocks that queries pinned and let go (the hash tables of
    joins included) long after the blocks are gone, more of them as the store grows: in a process
    that writes for weeks that is megabytes per thousand documents, and only closing the database
    lets them go (docs/performance.md)."""

    def __init__(self, path: str, con: Connection) -> None:
        self._path = path
        self._con = con
        self.written = 0  # documents written through it since it was opened or renewed

    def __getattr__(self, name: str) -> Any:
        return getattr(self._con, name)

    def __enter__(self) -> RenewableStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self._con.close()

    def renew(self) -> bool:
        """Close and reopen the file; False (nothing done) while a transaction is open."""
        if in_transaction(self._con):  # the caller's: another time
            return False
        self._con.close()
        heap.trim()
        try:
            self._con = duckdb.connect(self._path)
        except duckdb.Error as exc:  # another process took the file in between
            raise StoreError(f"the store {self._path} could not be opened again after renewing it ({exc}); "
                             "everything written before is stored: run the same command again to go on") from None
        _bound_memory(self._con)
        return True


def in_transaction(con: Connection) -> bool:
    """Whether a transaction is open, without disturbing it (a failed BEGIN would abort it):
    outside one, every statement runs in a transaction of its own."""
    ids = [con.execute("SELECT txid_current()").fetchone() for _ in range(2)]
    return ids[0] == ids[1]


def wrote(con: Connection, documents: int, every: int) -> bool:
    """Count documents written through a renewable store (over any number of ingest calls, as
    ``watch`` makes one per poll) and renew it once ``every`` have been written; True when renewed."""
    if not every or not isinstance(con, RenewableStore):
        return False
    con.written += documents
    if con.written < every or not con.renew():
        return False
    con.written = 0
    return True


def renew(con: Connection) -> bool:
    """Close and reopen a renewable store in place (``RenewableStore.renew``); False for any other."""
    return isinstance(con, RenewableStore) and con.renew()


def _bound_memory(con: Connection) -> None:
    """DuckDB keeps the pages it has read or written until it reaches its memory limit (80% of the
    machine by default): cap it, so a process that writes for weeks stays the same size."""
    from tealeaves.settings import load_settings

    limit = load_settings().store_memory
    try:
        con.execute("SET memory_limit = '" + limit.replace("'", "''") + "'")
    except duckdb.Error as exc:
        raise StoreError(f"store_memory {limit!r} is not a memory size DuckDB understands (e.g. 256MB, 2GB): {exc}") from None


def migrate(con: Connection) -> list[str]:
    """Apply the migrations that the store has not seen; returns their names."""
    con.execute("CREATE TABLE IF NOT EXISTS schema_migrations (name VARCHAR PRIMARY KEY, applied_at TIMESTAMP)")
    done = {r[0] for r in con.execute("SELECT name FROM schema_migrations").fetchall()}
    applied = []
    for name, sql in migrations():
        if name in done:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(sql)
            con.execute("INSERT INTO schema_migrations VALUES (?, ?)", [name, dt.datetime.now()])
            con.execute("COMMIT")
        except duckdb.Error as exc:
            con.execute("ROLLBACK")
            raise StoreError(f"migration {name} failed: {exc}") from None
        applied.append(name)
    return applied


def event_row(e: Event) -> tuple[Any, ...]:
    s, t, loc = e.source, e.target, e.location
    return (
        e.id, e.doc_id, e.sentence, e.text,
        s.text if s else None, s.code if s else None, s.country if s else None, s.sector if s else None,
        t.text if t else None, t.code if t else None, t.country if t else None, t.sector if t else None,
        e.cameo, e.root, e.quad, e.goldstein, e.plover, e.modality, e.date, e.date_precision,
        loc.name if loc else None, loc.country if loc else None, loc.lat if loc else None, loc.lon if loc else None,
        e.cited_outlet, e.speaker.code if e.speaker else None,
        e.evidence_start, e.evidence_end, e.rule, e.coder,
        e.quote_start, e.quote_end, e.reporting_verb, e.dictionary, e.confidence, e.confidence_model,
    )


def document_row(cdoc: CleanDocument, n_sentences: int, n_events: int, status: str = "coded", note: str | None = None,
                 coder: str | None = None, actor_resolver: str | None = None) -> tuple[Any, ...]:
    d = cdoc.document
    return (
        d.id, d.title, d.date, d.outlet, d.url, d.origin, d.language, d.author, d.text, cdoc.text,
        n_sentences, n_events, status, note, coder, actor_resolver, dt.datetime.now(),
    )


def write(con: Connection, docs: Sequence[tuple[Any, ...]], events: Iterable[Event]) -> None:
    """Replace the given documents (rows from ``document_row``) and their events, atomically."""
    ev_rows = [event_row(e) for e in events]
    ids = [d[0] for d in docs]
    con.execute("BEGIN TRANSACTION")
    try:
        if ids:
            con.execute("DELETE FROM events WHERE doc_id IN (SELECT unnest(?))", [ids])
            con.execute("DELETE FROM documents WHERE id IN (SELECT unnest(?))", [ids])
        _insert(con, "documents", DOCUMENT_COLUMNS, docs)
        _insert(con, "events", EVENT_COLUMNS, _unique(ev_rows))
        if ids:
            apply_corrections(con, ids)  # an analyst's corrections outlive a re-code
        con.execute("COMMIT")
    except duckdb.Error as exc:
        con.execute("ROLLBACK")
        raise StoreError(f"could not write to the store: {exc}") from None


_CORRECTED = ("cameo", "root", "quad", "goldstein", "plover", "source_code", "source_country", "source_sector",
              "target_code", "target_country", "target_sector")


def apply_corrections(con: Connection, doc_ids: Sequence[str]) -> int:
    """Apply the latest correction (``tealeaves.corrections``) of each stored event of these
    documents, inside the caller's transaction: a wrong event is removed, a right one marked, a
    corrected one takes the columns the correction recorded. Returns the events changed.

    A correction follows its event id; when no event has that id any more (a changed coder coded
    the sentence again), it falls back to an unreviewed event of the same sentence whose evidence
    overlaps the old span: a correction that says what the event is applies to it whatever the
    coder now says, while "right" and "wrong" apply only where the coder still gives the reading
    the analyst judged (same code, source and target)."""
    import json

    if not doc_ids:
        return 0
    latest = con.execute(
        """SELECT event_id, verdict, after, doc_id, sentence, evidence_start, evidence_end, before FROM corrections
           WHERE doc_id IN (SELECT unnest(?))
           QUALIFY row_number() OVER (PARTITION BY event_id ORDER BY made_at DESC, id DESC) = 1""", [list(doc_ids)]).fetchall()
    changed = 0
    for event_id, verdict, after, doc_id, sentence, start, end, before in latest:
        target = event_id
        if con.execute("SELECT 1 FROM events WHERE id = ?", [event_id]).fetchone() is None:
            target = _anchored(con, doc_id, sentence, start, end, None if verdict == "corrected" else json.loads(before or "{}"))
            if target is None:
                continue
        if verdict == "wrong":
            sql, params = "DELETE FROM events WHERE id = ? RETURNING id", [target]
        elif verdict == "right":
            sql, params = "UPDATE events SET review = 'right', confidence = 1.0 WHERE id = ? RETURNING id", [target]
        else:
            cols = json.loads(after)["columns"]
            sets = ", ".join(f"{c} = ?" for c in _CORRECTED)
            sql = f"UPDATE events SET {sets}, review = 'corrected', confidence = 1.0 WHERE id = ? RETURNING id"
            params = [cols[c] for c in _CORRECTED] + [target]
        changed += len(con.execute(sql, params).fetchall())
    return changed


def _anchored(con: Connection, doc_id: str, sentence: int | None, start: int | None, end: int | None,
              reading: dict[str, Any] | None) -> str | None:
    """The unreviewed event of ``doc_id``'s sentence whose evidence overlaps ``start``–``end`` most
    (the first by id on a tie); with ``reading``, only one with that code, source and target."""
    if sentence is None or start is None or end is None:
        return None
    sql = ("SELECT id FROM events WHERE doc_id = ? AND sentence = ? AND review IS NULL "
           "AND evidence_start < ? AND evidence_end > ?")
    params: list[Any] = [doc_id, sentence, end, start]
    if reading is not None:
        sql += " AND cameo IS NOT DISTINCT FROM ? AND source_code IS NOT DISTINCT FROM ? AND target_code IS NOT DISTINCT FROM ?"
        params += [reading.get("cameo"), reading.get("source"), reading.get("target")]
    sql += " ORDER BY least(evidence_end, ?) - greatest(evidence_start, ?) DESC, id LIMIT 1"
    row = con.execute(sql, params + [end, start]).fetchone()
    return row[0] if row else None


def _unique(rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    seen: dict[Any, tuple[Any, ...]] = {}
    for r in rows:
        seen.setdefault(r[0], r)
    return list(seen.values())


def _insert(con: Connection, table: str, columns: Sequence[str], rows: Sequence[tuple[Any, ...]]) -> None:
    if not rows:
        return
    import pyarrow as pa

    cols = list(zip(*rows))
    arrays = {name: pa.array(list(values), from_pandas=True) if not all(v is None for v in values) else pa.nulls(len(values)) for name, values in zip(columns, cols)}
    tbl = pa.table(arrays)  # noqa: F841 - read by DuckDB's replacement scan below
    con.register("_tl_rows", tbl)
    try:
        names = ", ".join(columns)
        con.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM _tl_rows")
    finally:
        con.unregister("_tl_rows")


def has_document(con: Connection, doc_id: str) -> bool:
    return con.execute("SELECT 1 FROM documents WHERE id = ?", [doc_id]).fetchone() is not None


def stats(con: Connection) -> dict[str, Any]:
    """Counts a user wants at a glance."""
    def one(sql: str) -> Any:
        row = con.execute(sql).fetchone()
        return row[0] if row else None

    out: dict[str, Any] = {
        "documents": one("SELECT count(*) FROM documents"),
        "documents_coded": one("SELECT count(*) FROM documents WHERE status = 'coded'"),
        "documents_not_coded": one("SELECT count(*) FROM documents WHERE status <> 'coded'"),
        "events": one("SELECT count(*) FROM events"),
        "dyads": one("SELECT count(DISTINCT (source_code, target_code)) FROM events WHERE target_code IS NOT NULL"),
        "first_date": None,
        "last_date": None,
    }
    first, last = con.execute("SELECT min(date), max(date) FROM events").fetchone() or (None, None)
    out["first_date"] = first.isoformat() if first else None
    out["last_date"] = last.isoformat() if last else None
    out["by_modality"] = dict(con.execute("SELECT modality, count(*) FROM events GROUP BY 1 ORDER BY 1").fetchall())
    out["by_quad"] = {str(k): v for k, v in con.execute("SELECT quad, count(*) FROM events GROUP BY 1 ORDER BY 1").fetchall()}
    return out


def query_events(con: Connection, actor: str | None = None, dyad: tuple[str, str] | None = None,
                 limit: int = 50, modalities: Sequence[str] | None = None, min_confidence: float = 0.0) -> list[dict[str, Any]]:
    """Events, newest first. ``actor`` and dyad codes match by prefix ("RUS" matches RUSGOV); events
    scored below ``min_confidence`` are left out (unscored ones stay)."""
    where: list[str] = []
    params: list[Any] = []
    if actor:
        where.append("(starts_with(source_code, ?) OR starts_with(target_code, ?))")
        params += [actor.upper(), actor.upper()]
    if dyad:
        a, b = dyad[0].upper(), dyad[1].upper()
        where.append("((starts_with(source_code, ?) AND starts_with(target_code, ?)) OR (starts_with(source_code, ?) AND starts_with(target_code, ?)))")
        params += [a, b, b, a]
    if modalities:
        where.append("modality IN (SELECT unnest(?))")
        params.append(list(modalities))
    if min_confidence > 0:
        where.append("coalesce(confidence, 1.0) >= ?")
        params.append(float(min_confidence))
    sql = "SELECT * FROM events" + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY date DESC NULLS LAST, doc_id, sentence LIMIT ?"
    params.append(int(limit))
    cur = con.execute(sql, params)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in cur.fetchall()]


def write_event_table(con: Connection, events: Any, documents: Any = None) -> None:
    """Write Arrow tables of events (``event_id`` or ``id`` column) and, optionally, their documents,
    replacing what the store holds for those documents, atomically. Columns the store does not
    know are ignored; columns the table lacks stay NULL. Used to load a ``tealeaves run`` dataset."""
    doc_ids: list[Any] = []
    if documents is not None:
        doc_ids = documents.column("id").to_pylist()
    if events is not None and "event_id" in events.column_names:
        events = events.rename_columns(["id" if c == "event_id" else c for c in events.column_names])
    if events is not None:
        doc_ids = sorted(set(doc_ids) | set(events.column("doc_id").to_pylist()))
    con.execute("BEGIN TRANSACTION")
    try:
        if doc_ids:
            con.execute("DELETE FROM events WHERE doc_id IN (SELECT unnest(?))", [doc_ids])
            if documents is not None:
                con.execute("DELETE FROM documents WHERE id IN (SELECT unnest(?))", [doc_ids])
        for table, tbl in (("documents", documents), ("events", events)):
            if tbl is None or tbl.num_rows == 0:
                continue
            known = {r[0] for r in con.execute(f"DESCRIBE {table}").fetchall()}
            names = ", ".join(c for c in tbl.column_names if c in known)
            con.register("_tl_table", tbl)
            try:
                con.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM _tl_table")
            finally:
                con.unregister("_tl_table")
        if doc_ids:
            apply_corrections(con, doc_ids)
        con.execute("COMMIT")
    except duckdb.Error as exc:
        con.execute("ROLLBACK")
        raise StoreError(f"could not load the event table into the store: {exc}") from None
