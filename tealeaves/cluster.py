"""Event clustering: the mentions of one happening, across sentences and articles, become one event.

Two mentions belong to the same happening when

* their modality class agrees (asserted and reported are both "factual"; negated, hypothetical and
  future each stand alone),
* they share a CAMEO root (same or neighbouring code),
* their actors overlap: each side's codes are equal or one refines the other ("RUS" / "RUSGOV"); a
  mention with no target joins a cluster only for the very same code,
* their dates lie within a window that follows the coarser date precision (a day either side for a
  day, a week, a month, a year), measured from the cluster's anchor date so daily repeats of an
  action do not chain into one,
* and their places agree when both are known.

Undated mentions merge only within one story (a document and its near-duplicate copies).

Each cluster (table ``clusters``) carries ``mentions``, ``articles``, ``outlets`` (distinct
publishers) and ``independent_outlets``: the distinct origins of its mentions, where a syndicated
copy counts as its original's outlet and a mention that cites a wire report ("(Reuters)") counts as
that wire. ``update_readout`` is incremental: a new batch attaches to the clusters already stored.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from tealeaves import dedup
from tealeaves.errors import StoreError
from tealeaves.ids import _digest

if TYPE_CHECKING:
    from tealeaves.types import Connection

log = logging.getLogger(__name__)

WINDOW_DAYS: dict[str | None, int] = {"day": 1, "week": 7, "month": 31, "year": 366}
DEFAULT_WINDOW = 1
MODALITY_RANK = {"asserted": 0, "reported": 1, "future": 2, "hypothetical": 3, "negated": 4}
CLUSTER_COLUMNS = (
    "id", "source_code", "target_code", "source_country", "target_country", "cameo", "root", "quad", "goldstein",
    "plover", "modality", "date", "date_precision", "first_date", "last_date", "location_name", "location_country",
    "lat", "lon", "representative", "mentions", "articles", "outlets", "independent_outlets", "updated_at", "confidence",
)


def modality_class(modality: str | None) -> str:
    return "factual" if modality in ("asserted", "reported") else str(modality)


def codes_overlap(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return a.startswith(b) or b.startswith(a)


def window(precision: str | None) -> int:
    return WINDOW_DAYS.get(precision, DEFAULT_WINDOW)


def normalize_outlet(name: str | None) -> str | None:
    """Outlet names folded so that "The Wire Desk" and "wire desk" are one publisher."""
    if not name:
        return None
    folded = " ".join(name.lower().replace(".", " ").split())
    return folded.removeprefix("the ") or None


@dataclass(frozen=True)
class Mention:
    """One coded event as the clusterer sees it."""

    event_id: str
    doc_id: str
    story: str  # the original document of its near-duplicate group
    sentence: int
    source: str | None
    target: str | None
    cameo: str
    root: str
    modality: str
    date: dt.date | None
    precision: str | None
    place: str | None


@dataclass
class _Open:
    """A cluster while a batch is being placed."""

    id: str
    root: str
    mclass: str
    anchor: dt.date | None
    precision: str | None
    sources: set[str | None] = field(default_factory=set)
    targets: set[str | None] = field(default_factory=set)
    cameos: set[str] = field(default_factory=set)
    places: set[str] = field(default_factory=set)
    stories: set[str] = field(default_factory=set)

    def add(self, m: Mention) -> None:
        self.sources.add(m.source)
        self.targets.add(m.target)
        self.cameos.add(m.cameo)
        if m.place:
            self.places.add(m.place.lower())
        self.stories.add(m.story)

    def score(self, m: Mention) -> float | None:
        """How well a mention fits; None when it does not belong here."""
        if m.root != self.root or modality_class(m.modality) != self.mclass:
            return None
        if m.date is None or self.anchor is None:
            if m.story not in self.stories:
                return None
            days = 0
        else:
            days = abs((m.date - self.anchor).days)
            if days > max(window(m.precision), window(self.precision)):
                return None
        if not any(codes_overlap(m.source, s) for s in self.sources):
            return None
        known = [t for t in self.targets if t is not None]
        if (m.target is None or None in self.targets) and m.cameo not in self.cameos:
            return None
        if m.target is not None and known and not any(codes_overlap(m.target, t) for t in known):
            return None
        if m.place and self.places and m.place.lower() not in self.places:
            return None
        return (2.0 if m.cameo in self.cameos else 0.0) + (1.0 if m.source in self.sources else 0.0) \
            + (1.0 if m.target in self.targets else 0.0) + (0.5 if m.story in self.stories else 0.0) - days


_MENTION_SQL = """
SELECT e.id, e.doc_id, coalesce(dup.original_id, e.doc_id), e.sentence, e.source_code, e.target_code, e.cameo, e.root,
       e.modality, coalesce(e.date, d.date), CASE WHEN e.date IS NULL AND d.date IS NOT NULL THEN 'day' ELSE e.date_precision END,
       e.location_name
FROM events e JOIN documents d ON d.id = e.doc_id LEFT JOIN duplicates dup ON dup.doc_id = e.doc_id
"""


_BATCH_MENTION_SQL = """
WITH e AS (SELECT * FROM events WHERE doc_id IN (SELECT unnest($ids))),
     d AS (SELECT id, date FROM documents WHERE id IN (SELECT unnest($ids))),
     dup AS (SELECT doc_id, original_id FROM duplicates WHERE doc_id IN (SELECT unnest($ids)))
SELECT e.id, e.doc_id, coalesce(dup.original_id, e.doc_id), e.sentence, e.source_code, e.target_code, e.cameo, e.root,
       e.modality, coalesce(e.date, d.date), CASE WHEN e.date IS NULL AND d.date IS NOT NULL THEN 'day' ELSE e.date_precision END,
       e.location_name
FROM e JOIN d ON d.id = e.doc_id LEFT JOIN dup ON dup.doc_id = e.doc_id
"""


def _mentions(con: Connection, doc_ids: list[str]) -> list[Mention]:
    """The mentions of these documents' events. Each table is cut down to the documents before the
    joins, so a batch costs the same in a store of any size (joining first and filtering last built
    hash tables of every stored document and cluster member, for each batch)."""
    rows = con.execute(_BATCH_MENTION_SQL, {"ids": doc_ids}).fetchall()
    return [Mention(*r) for r in rows]


def _load_open(con: Connection, batch: Sequence[Mention]) -> list[_Open]:
    """Stored clusters a batch could attach to: same roots, dates in reach, or undated in the same stories."""
    roots = sorted({m.root for m in batch})
    dates = [m.date for m in batch if m.date]
    stories = sorted({m.story for m in batch})
    reach = max(WINDOW_DAYS.values())
    lo = (min(dates) - dt.timedelta(days=reach)) if dates else dt.date(1, 1, 1)
    hi = (max(dates) + dt.timedelta(days=reach)) if dates else dt.date(1, 1, 1)
    rows = con.execute(
        _MENTION_SQL.replace("SELECT e.id,", "SELECT cm.cluster_id, c.first_date AS anchor, c.date_precision AS anchor_precision, e.id,")
        .replace("FROM events e", "FROM clusters c JOIN cluster_members cm ON cm.cluster_id = c.id JOIN events e ON e.id = cm.event_id")
        + """ WHERE c.root IN (SELECT unnest(?)) AND (
                (c.first_date BETWEEN ? AND ?)
                OR (c.first_date IS NULL AND c.id IN (SELECT cm2.cluster_id FROM cluster_members cm2
                    LEFT JOIN duplicates d2 ON d2.doc_id = cm2.doc_id
                    WHERE coalesce(d2.original_id, cm2.doc_id) IN (SELECT unnest(?)))))""",
        [roots, lo, hi, stories]).fetchall()
    out: dict[str, _Open] = {}
    for cid, anchor, precision, *rest in rows:
        m = Mention(*rest)
        if cid not in out:
            out[cid] = _Open(cid, m.root, modality_class(m.modality), anchor, precision)
        out[cid].add(m)
    return list(out.values())


def assign(mentions: Sequence[Mention], existing: Sequence[_Open] = ()) -> dict[str, str]:
    """event id -> cluster id. Mentions are placed in date order; each joins its best-fitting
    cluster or opens a new one (whose id is derived from the mention that opened it)."""
    index: dict[tuple[str, str], list[_Open]] = {}
    for c in existing:
        index.setdefault((c.root, c.mclass), []).append(c)
    order = sorted(mentions, key=lambda m: (m.date is None, m.date or dt.date.min, MODALITY_RANK.get(m.modality, 9), m.story, m.doc_id, m.sentence, m.event_id))
    out: dict[str, str] = {}
    for m in order:
        best, best_score = None, None
        for c in index.get((m.root, modality_class(m.modality)), ()):
            s = c.score(m)
            if s is not None and (best_score is None or s > best_score):
                best, best_score = c, s
        if best is None:
            best = _Open("c" + _digest(m.event_id), m.root, modality_class(m.modality), m.date, m.precision)
            index.setdefault((best.root, best.mclass), []).append(best)
        best.add(m)
        out[m.event_id] = best.id
    return out


def _rep_key(r: dict[str, Any]) -> tuple[Any, ...]:
    specific = len(r["source_code"] or "") + len(r["target_code"] or "")
    return (MODALITY_RANK.get(r["modality"], 9), r["target_code"] is None, -specific, r["date"] is None, r["date"] or dt.date.min, r["doc_id"], r["sentence"])


def refresh(con: Connection, cluster_ids: Sequence[str]) -> None:
    """Recompute the summary row of each cluster from its members; drop clusters left empty."""
    ids = sorted(set(cluster_ids))
    if not ids:
        return
    # members, their events, duplicate links and documents are each cut down first (see _mentions)
    cur = con.execute(
        """
        WITH cm AS (SELECT cluster_id, event_id FROM cluster_members WHERE cluster_id IN (SELECT unnest(?))),
             e AS (SELECT * FROM events WHERE id IN (SELECT event_id FROM cm)),
             dup AS (SELECT doc_id, original_id FROM duplicates WHERE doc_id IN (SELECT doc_id FROM e)),
             d AS (SELECT id, outlet, date FROM documents
                   WHERE id IN (SELECT doc_id FROM e) OR id IN (SELECT original_id FROM dup))
        SELECT cm.cluster_id, e.*, coalesce(e.date, d.date) AS eff_date, d.outlet AS outlet,
               coalesce(dup.original_id, e.doc_id) AS story, od.outlet AS story_outlet
        FROM cm JOIN e ON e.id = cm.event_id JOIN d ON d.id = e.doc_id
        LEFT JOIN dup ON dup.doc_id = e.doc_id
        LEFT JOIN d od ON od.id = coalesce(dup.original_id, e.doc_id)
        """, [ids])
    names = [d[0] for d in cur.description]
    members: dict[str, list[dict[str, Any]]] = {}
    for row in cur.fetchall():
        r = dict(zip(names, row))
        members.setdefault(r["cluster_id"], []).append(r)
    now = dt.datetime.now()
    rows = []
    for cid, rs in members.items():
        rep = min(rs, key=_rep_key)
        dates = [r["eff_date"] for r in rs if r["eff_date"]]
        origins = {normalize_outlet(r["cited_outlet"]) or normalize_outlet(r["story_outlet"]) or "doc:" + r["story"] for r in rs}
        outlets = {normalize_outlet(r["outlet"]) or "doc:" + r["doc_id"] for r in rs}
        rows.append((
            cid, rep["source_code"], rep["target_code"], rep["source_country"], rep["target_country"], rep["cameo"], rep["root"],
            rep["quad"], rep["goldstein"], rep["plover"], rep["modality"], rep["eff_date"] or (min(dates) if dates else None),
            rep["date_precision"] or ("day" if rep["eff_date"] else None), min(dates) if dates else None, max(dates) if dates else None,
            rep["location_name"], rep["location_country"], rep["lat"], rep["lon"], rep["id"],
            len(rs), len({r["doc_id"] for r in rs}), len(outlets), len(origins), now,
            max((r["confidence"] for r in rs if r["confidence"] is not None), default=None),
        ))
    con.execute("DELETE FROM clusters WHERE id IN (SELECT unnest(?))", [ids])
    if rows:
        from tealeaves.store import _insert

        _insert(con, "clusters", CLUSTER_COLUMNS, rows)


def _begin(con: Connection) -> bool:
    """Begin a transaction unless the caller's is open (then the work joins it); True when begun here."""
    from tealeaves.store import in_transaction

    if in_transaction(con):
        return False
    con.execute("BEGIN TRANSACTION")
    return True


def update_readout(con: Connection, doc_ids: list[str]) -> None:
    """Bring duplicates and clusters up to date after ``doc_ids`` were written, re-written or deleted.

    Near-duplicates of the documents are linked to their earliest original; the documents' events
    leave their old clusters and are placed again, attaching to stored clusters where they fit."""
    ids = sorted(set(doc_ids))
    if not ids:
        return
    own = _begin(con)
    try:
        _update(con, ids)
        if own:
            con.execute("COMMIT")
    except BaseException:
        if own:
            con.execute("ROLLBACK")
        raise


def _update(con: Connection, ids: list[str]) -> None:
    present = [r[0] for r in con.execute("SELECT id FROM documents WHERE id IN (SELECT unnest(?))", [ids]).fetchall()]
    touched = {r[0] for r in con.execute("SELECT DISTINCT cluster_id FROM cluster_members WHERE doc_id IN (SELECT unnest(?))", [ids]).fetchall()}
    con.execute("DELETE FROM cluster_members WHERE doc_id IN (SELECT unnest(?))", [ids])
    orphans = dedup.forget(con, ids)
    dedup.index_documents(con, present)
    links = dedup.link_documents(con, sorted(set(present) | set(orphans)))
    relinked = sorted({lk.doc_id for lk in links} | {lk.original_id for lk in links} | set(orphans))
    if relinked:
        touched |= {r[0] for r in con.execute("SELECT DISTINCT cluster_id FROM cluster_members WHERE doc_id IN (SELECT unnest(?))", [relinked]).fetchall()}
    batch = _mentions(con, present) if present else []
    if batch:
        placed = assign(batch, _load_open(con, batch))
        doc_of = {m.event_id: m.doc_id for m in batch}
        con.executemany("INSERT INTO cluster_members VALUES (?, ?, ?)", [(e, c, doc_of[e]) for e, c in placed.items()])
        touched |= set(placed.values())
    refresh(con, sorted(touched))


def prune(con: Connection) -> int:
    """Remove members whose event is gone and clusters left without members; returns members removed."""
    gone = [r[0] for r in con.execute(
        "SELECT cm.event_id FROM cluster_members cm ANTI JOIN events e ON e.id = cm.event_id").fetchall()]
    touched = []
    if gone:
        touched = [r[0] for r in con.execute("SELECT DISTINCT cluster_id FROM cluster_members WHERE event_id IN (SELECT unnest(?))", [gone]).fetchall()]
        con.execute("DELETE FROM cluster_members WHERE event_id IN (SELECT unnest(?))", [gone])
    con.execute("DELETE FROM clusters WHERE id NOT IN (SELECT cluster_id FROM cluster_members)")
    refresh(con, touched)
    return len(gone)


def pending_documents(con: Connection) -> list[str]:
    """Documents with events that are in no cluster yet (written without ``update_readout``)."""
    return [r[0] for r in con.execute(
        "SELECT DISTINCT e.doc_id FROM events e ANTI JOIN cluster_members cm ON cm.event_id = e.id ORDER BY 1").fetchall()]


def ensure_readout(con: Connection) -> None:
    """Cluster whatever the store holds that was never clustered (cheap when nothing is pending)."""
    import duckdb

    if _count(con, "SELECT count(*) FROM events") == _count(con, "SELECT count(*) FROM cluster_members"):
        return
    try:
        prune(con)
        pending = pending_documents(con)
        for i in range(0, len(pending), 256):
            update_readout(con, pending[i:i + 256])
    except duckdb.Error as exc:
        raise StoreError(f"the store has events that are not clustered yet and cannot be updated here ({exc}); "
                         "run `tealeaves cluster --db PATH` first") from None


def rebuild(con: Connection, batch: int = 256) -> dict[str, int]:
    """Forget every duplicate link and cluster and build them again, oldest documents first."""
    for table in ("cluster_members", "clusters", "duplicates", "doc_bands", "doc_signatures"):
        con.execute(f"DELETE FROM {table}")
    ids = [r[0] for r in con.execute("SELECT id FROM documents ORDER BY date NULLS LAST, ingested_at, id").fetchall()]
    for i in range(0, len(ids), batch):
        update_readout(con, ids[i:i + batch])
    return summary(con)


def _count(con: Connection, sql: str) -> int:
    row = con.execute(sql).fetchone()
    return int(row[0]) if row else 0


def summary(con: Connection) -> dict[str, int]:
    one = lambda q: _count(con, q)  # noqa: E731
    return {
        "documents": one("SELECT count(*) FROM documents"),
        "duplicates": one("SELECT count(*) FROM duplicates"),
        "events": one("SELECT count(*) FROM events"),
        "clusters": one("SELECT count(*) FROM clusters"),
        "multi_article_clusters": one("SELECT count(*) FROM clusters WHERE articles > 1"),
        "multi_outlet_clusters": one("SELECT count(*) FROM clusters WHERE independent_outlets > 1"),
    }


def cluster_outlets(con: Connection, cluster_ids: Sequence[str]) -> dict[str, list[str]]:
    """cluster id -> the distinct outlets (as written) of the articles behind it."""
    out: dict[str, list[str]] = {c: [] for c in cluster_ids}
    rows = con.execute(
        """SELECT cm.cluster_id, list(DISTINCT coalesce(d.outlet, d.id) ORDER BY coalesce(d.outlet, d.id))
           FROM cluster_members cm JOIN documents d ON d.id = cm.doc_id
           WHERE cm.cluster_id IN (SELECT unnest(?)) GROUP BY 1""", [list(cluster_ids)]).fetchall()
    for cid, outlets in rows:
        out[cid] = list(outlets)
    return out
