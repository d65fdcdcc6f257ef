"""Near-duplicate documents: syndicated and lightly edited copies, linked to the earliest original.

Each document's cleaned text becomes a set of word 3-shingles and a datasketch ``MinHash``
signature. The signature is kept in the store (``doc_signatures``) together with its LSH bands
(``doc_bands``: the band layout datasketch's ``MinHashLSH`` picks for the threshold), so a new batch
finds its candidates with one join instead of re-hashing the whole store. Candidates are confirmed
by the signatures' estimated Jaccard similarity.

A copy is linked (``duplicates``) to the earliest document of its group (by date, then ingestion
time, then id); a copy never becomes anyone's original, so chains collapse to one level.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np
from datasketch import MinHash, MinHashLSH

if TYPE_CHECKING:
    from tealeaves.types import Connection

NUM_PERM = 128
THRESHOLD = 0.5  # Jaccard similarity of word 3-shingles above which two texts are one story
SHINGLE = 3
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Link:
    """``doc_id`` is a copy of ``original_id``."""

    doc_id: str
    original_id: str
    similarity: float
    kind: str  # syndicated | revision


def shingles(text: str, k: int = SHINGLE) -> set[str]:
    words = _WORD.findall(text.lower())
    if len(words) < k:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + k]) for i in range(len(words) - k + 1)}


def signature(text: str) -> tuple[MinHash, int]:
    sh = shingles(text)
    m = MinHash(num_perm=NUM_PERM)
    m.update_batch([s.encode("utf-8") for s in sh])
    return m, len(sh)


@lru_cache(maxsize=1)
def _hashranges() -> list[tuple[int, int]]:
    return list(MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM).hashranges)


def bands(m: MinHash) -> list[tuple[int, int]]:
    """(band number, 64-bit key) for each LSH band of a signature."""
    out = []
    for i, (lo, hi) in enumerate(_hashranges()):
        digest = hashlib.blake2b(np.asarray(m.hashvalues[lo:hi], dtype=np.uint64).tobytes(), digest_size=8).digest()
        out.append((i, int.from_bytes(digest, "little")))
    return out


def _jaccard(a: Sequence[int], b: Sequence[int]) -> float:
    return float(np.mean(np.asarray(a, dtype=np.uint64) == np.asarray(b, dtype=np.uint64)))


def index_documents(con: Connection, doc_ids: Sequence[str]) -> None:
    """Compute and store the signature and bands of each document (replacing old ones)."""
    if not doc_ids:
        return
    con.execute("DELETE FROM doc_signatures WHERE doc_id IN (SELECT unnest(?))", [list(doc_ids)])
    con.execute("DELETE FROM doc_bands WHERE doc_id IN (SELECT unnest(?))", [list(doc_ids)])
    rows = con.execute("SELECT id, coalesce(clean_text, text, '') FROM documents WHERE id IN (SELECT unnest(?))", [list(doc_ids)]).fetchall()
    sig_rows: list[tuple[str, list[int], int]] = []
    band_rows: list[tuple[int, int, str]] = []
    for doc_id, text in rows:
        m, n = signature(text)
        if n == 0:
            continue
        sig_rows.append((doc_id, [int(v) for v in m.hashvalues], n))
        band_rows.extend((b, k, doc_id) for b, k in bands(m))
    if sig_rows:
        con.executemany("INSERT INTO doc_signatures VALUES (?, ?, ?)", sig_rows)
    if band_rows:
        import pyarrow as pa

        tbl = pa.table({"band": pa.array([r[0] for r in band_rows], pa.int16()),
                        "key": pa.array([r[1] for r in band_rows], pa.uint64()),
                        "doc_id": pa.array([r[2] for r in band_rows], pa.string())})
        con.register("_tl_bands", tbl)
        try:
            con.execute("INSERT INTO doc_bands SELECT band, key, doc_id FROM _tl_bands")
        finally:
            con.unregister("_tl_bands")


def forget(con: Connection, doc_ids: Sequence[str]) -> list[str]:
    """Drop signatures and links of documents; returns copies that lost their original."""
    if not doc_ids:
        return []
    ids = list(doc_ids)
    orphans = [r[0] for r in con.execute(
        "SELECT doc_id FROM duplicates WHERE original_id IN (SELECT unnest(?)) AND doc_id NOT IN (SELECT unnest(?))", [ids, ids]).fetchall()]
    con.execute("DELETE FROM duplicates WHERE doc_id IN (SELECT unnest(?)) OR original_id IN (SELECT unnest(?))", [ids, ids])
    con.execute("DELETE FROM doc_signatures WHERE doc_id IN (SELECT unnest(?))", [ids])
    con.execute("DELETE FROM doc_bands WHERE doc_id IN (SELECT unnest(?))", [ids])
    return orphans


def link_documents(con: Connection, doc_ids: Sequence[str]) -> list[Link]:
    """Find near-duplicates of ``doc_ids`` among stored documents and (re)link each group to its
    earliest member. Returns the links made; documents whose link changed are in them."""
    if not doc_ids:
        return []
    ids = list(doc_ids)
    pairs = con.execute(
        """
        SELECT DISTINCT n.doc_id, o.doc_id
        FROM doc_bands n JOIN doc_bands o ON n.band = o.band AND n.key = o.key AND n.doc_id <> o.doc_id
        WHERE n.doc_id IN (SELECT unnest(?))
        """, [ids]).fetchall()
    if not pairs:
        return []
    involved = sorted({d for p in pairs for d in p})
    sigs = dict(con.execute("SELECT doc_id, hashvalues FROM doc_signatures WHERE doc_id IN (SELECT unnest(?))", [involved]).fetchall())
    confirmed = [(a, b, _jaccard(sigs[a], sigs[b])) for a, b in pairs if a in sigs and b in sigs]
    confirmed = [(a, b, s) for a, b, s in confirmed if s >= THRESHOLD]
    if not confirmed:
        return []
    # existing groups the candidates already belong to join the new ones
    existing = con.execute(
        "SELECT doc_id, original_id FROM duplicates WHERE doc_id IN (SELECT unnest(?)) OR original_id IN (SELECT unnest(?))",
        [involved, involved]).fetchall()
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    def union(x: str, y: str) -> None:
        rx, ry = find(x), find(y)
        if rx != ry:
            parent[rx] = ry

    sim: dict[str, float] = {}
    for a, b, s in confirmed:
        union(a, b)
        sim[a] = max(sim.get(a, 0.0), s)
        sim[b] = max(sim.get(b, 0.0), s)
    for d, o in existing:
        union(d, o)
    members = sorted({x for p in confirmed for x in p[:2]} | {x for p in existing for x in p})
    meta = {r[0]: r[1:] for r in con.execute(
        "SELECT id, date, ingested_at, outlet FROM documents WHERE id IN (SELECT unnest(?))", [members]).fetchall()}
    members = [m for m in members if m in meta]
    groups: dict[str, list[str]] = {}
    for m in members:
        groups.setdefault(find(m), []).append(m)
    old = {d: o for d, o in existing}
    links: list[Link] = []
    for group in groups.values():
        if len(group) < 2:
            continue
        group.sort(key=lambda d: (meta[d][0] is None, meta[d][0] or 0, meta[d][1] is None, meta[d][1] or 0, d))
        original = group[0]
        for d in group[1:]:
            s = _jaccard(sigs[d], sigs[original]) if d in sigs and original in sigs else sim.get(d, THRESHOLD)
            kind = "revision" if meta[d][2] and meta[d][2] == meta[original][2] else "syndicated"
            links.append(Link(d, original, round(s, 4), kind))
        if old.get(original) is not None:
            con.execute("DELETE FROM duplicates WHERE doc_id = ?", [original])
    if links:
        con.execute("DELETE FROM duplicates WHERE doc_id IN (SELECT unnest(?))", [[lk.doc_id for lk in links]])
        con.executemany("INSERT INTO duplicates VALUES (?, ?, ?, ?)", [(lk.doc_id, lk.original_id, lk.similarity, lk.kind) for lk in links])
    return links



class ReprintDates:
    """The date a document's relative dates ("today", "on Tuesday") count from: the date of the
    earliest earlier-dated document it copies, else its own.

    A syndicated copy printed a day after its wire original still says "today" of the original's
    day; resolving it against its own date would set its events a day apart from the original's,
    and they would not join the same clustered event. Candidates are the stored documents (by
    their LSH bands, as ``link_documents`` finds them) and the last ``recent`` documents asked
    about, which may not be stored yet while a batch is being coded."""

    def __init__(self, con: Connection, recent: int = 2048) -> None:
        from collections import deque

        self.con = con
        self._recent: deque[tuple[str, str, np.ndarray]] = deque(maxlen=recent)

    def reference(self, doc_id: str, text: str, date: str | None) -> str | None:
        if not date:
            return date
        m, n = signature(text)
        if n == 0:
            return date
        values = np.asarray(m.hashvalues, dtype=np.uint64)
        best = date
        for other, other_date, sig in self._recent:
            if other != doc_id and other_date < best and float(np.mean(sig == values)) >= THRESHOLD:
                best = other_date
        found = self._stored_original(doc_id, values, date)
        best = min(best, found) if found else best
        self._recent.append((doc_id, date, values))
        return best

    def _stored_original(self, doc_id: str, values: np.ndarray, date: str) -> str | None:
        m = MinHash(num_perm=NUM_PERM, hashvalues=values)
        keys = bands(m)
        rows = self.con.execute(
            """SELECT DISTINCT s.doc_id, s.hashvalues, d.date
               FROM (SELECT unnest(?::SMALLINT[]) AS band, unnest(?::UBIGINT[]) AS key) q
               JOIN doc_bands b ON b.band = q.band AND b.key = q.key
               JOIN doc_signatures s ON s.doc_id = b.doc_id JOIN documents d ON d.id = b.doc_id
               WHERE d.date < ?::DATE AND b.doc_id <> ?""",
            [[b for b, _ in keys], [k for _, k in keys], date, doc_id]).fetchall()
        dates = [d for _, sig, d in rows if _jaccard(sig, values.tolist()) >= THRESHOLD]
        return min(dates).isoformat() if dates else None
