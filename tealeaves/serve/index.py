"""An in-memory index the server keeps over a store, so the busiest requests (a dyad's events, newest
first, and a dyad's series) do not scan a million rows each.

One ``ActorIndex`` per table (``events`` for listings, ``clusters`` for series): its rows sorted
newest first (undated last, then by id, as the SQL listing orders them), actor codes as integer ids,
and for each unordered pair of three-letter code prefixes ("USA"/"RUS") the positions of its rows.
A query with codes of three or more letters looks only at its pair's rows. The index is rebuilt
when the server writes (``Writer.generation``); queries it cannot answer (text search, outlet, CAMEO
code filters, codes shorter than three letters) go to SQL. ``readout.dyad_series`` is the reference
for the series; a test checks the two agree.
"""

from __future__ import annotations

import bisect
import datetime as dt
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

EPOCH = dt.date(1970, 1, 1)
NO_DAY = (dt.date(1, 1, 1) - EPOCH).days  # undated rows sort as 0001-01-01, like the SQL listing
QUADS = (1, 2, 3, 4)


def _days(d: dt.date) -> int:
    return (d - EPOCH).days


def _date(days: int) -> dt.date:
    return EPOCH + dt.timedelta(days=int(days))


@dataclass(frozen=True)
class Query:
    a: str | None = None  # actor (alone) or first code of a dyad
    b: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    quad: int | None = None
    modalities: tuple[str, ...] = ()


class ActorIndex:
    def __init__(self, cur: Any, table: str) -> None:
        import pyarrow as pa
        import pyarrow.compute as pc

        if table not in ("events", "clusters"):
            raise ValueError(table)
        tbl = cur.execute(
            f"SELECT id, date, source_code, target_code, quad, modality, goldstein FROM {table} "
            "ORDER BY coalesce(date, DATE '0001-01-01') DESC, id").arrow()
        if isinstance(tbl, pa.RecordBatchReader):
            tbl = tbl.read_all()
        self.n = tbl.num_rows
        self.ids = tbl.column("id").combine_chunks()
        dates = tbl.column("date").combine_chunks()
        self.has_date = np.asarray(pc.is_valid(dates).to_numpy(zero_copy_only=False), dtype=bool)
        days = pc.fill_null(dates.cast(pa.int32()), NO_DAY).to_numpy(zero_copy_only=False).astype(np.int32)
        self.days = days
        self.week = days - ((days + 3) % 7)  # 1970-01-01 was a Thursday; weeks start on Monday
        d64 = days.astype("datetime64[D]")
        self.month = (d64.astype("datetime64[M]").astype(np.int64)).astype(np.int32)  # months since 1970-01
        src, tgt = tbl.column("source_code").combine_chunks(), tbl.column("target_code").combine_chunks()
        self.codes = pc.unique(pa.concat_arrays([src.drop_null(), tgt.drop_null()]))
        nc = len(self.codes)
        # code ids; a missing code gets id nc, which matches nothing
        self.src = pc.fill_null(pc.index_in(src, value_set=self.codes), nc).to_numpy(zero_copy_only=False).astype(np.int32)
        self.tgt = pc.fill_null(pc.index_in(tgt, value_set=self.codes), nc).to_numpy(zero_copy_only=False).astype(np.int32)
        heads = pc.utf8_slice_codeunits(self.codes, 0, 3)
        self.groups = {g: i for i, g in enumerate(pc.unique(heads).to_pylist())}
        code_group = np.append(pc.index_in(heads, value_set=pa.array(list(self.groups), pa.string())).to_numpy(zero_copy_only=False),
                               -1).astype(np.int64)
        g = len(self.groups) + 1
        sg, tg = code_group[self.src], code_group[self.tgt]
        self._sg, self._tg = sg, tg
        pair = np.minimum(sg, tg) * g + np.maximum(sg, tg)
        order = np.argsort(pair, kind="stable")  # keeps newest-first order inside each pair
        keys, first, counts = np.unique(pair[order], return_index=True, return_counts=True)
        self._pairs = {int(k): order[f:f + c] for k, f, c in zip(keys, first, counts)}
        self._g = g
        self._actor_cache: dict[int, np.ndarray] = {}
        self.documents: dict[str, tuple[str | None, str | None]] = {}  # doc id -> (outlet, title), filled as pages ask
        self.quad = pc.fill_null(tbl.column("quad").combine_chunks().cast(pa.int8()), -1).to_numpy(zero_copy_only=False)
        mods = tbl.column("modality").combine_chunks()
        self.modality_names = pc.unique(mods.drop_null()).to_pylist()
        self.modality = pc.fill_null(pc.index_in(mods, value_set=pa.array(self.modality_names, pa.string())), -1) \
            .to_numpy(zero_copy_only=False).astype(np.int16)
        self.goldstein = np.nan_to_num(tbl.column("goldstein").combine_chunks().to_numpy(zero_copy_only=False).astype(np.float64))

    # --- matching -----------------------------------------------------------------------------
    @staticmethod
    def usable(code: str | None) -> bool:
        return code is None or (len(code) >= 3 and code.isalnum())

    def _match(self, prefix: str) -> np.ndarray:
        import pyarrow.compute as pc

        hit = pc.starts_with(self.codes, prefix).to_numpy(zero_copy_only=False)
        return np.append(hit, False)

    def _group(self, code: str) -> int | None:
        return self.groups.get(code[:3])

    def _actor_rows(self, gid: int) -> np.ndarray:
        rows = self._actor_cache.get(gid)
        if rows is None:
            rows = np.flatnonzero((self._sg == gid) | (self._tg == gid))
            if len(self._actor_cache) < 512:
                self._actor_cache[gid] = rows
        return rows

    def positions(self, q: Query) -> np.ndarray:
        """Positions (newest first) of the rows that match ``q``."""
        empty = np.empty(0, dtype=np.int64)
        if q.a and q.b:
            ga, gb = self._group(q.a.upper()), self._group(q.b.upper())
            if ga is None or gb is None:
                return empty
            rows = self._pairs.get(min(ga, gb) * self._g + max(ga, gb), empty)
            ma, mb = self._match(q.a.upper()), self._match(q.b.upper())
            s, t = self.src[rows], self.tgt[rows]
            rows = rows[(ma[s] & mb[t]) | (mb[s] & ma[t])]
        elif q.a:
            ga = self._group(q.a.upper())
            if ga is None:
                return empty
            rows = self._actor_rows(ga)
            ma = self._match(q.a.upper())
            rows = rows[ma[self.src[rows]] | ma[self.tgt[rows]]]
        else:
            rows = None  # every row: filter the columns whole rather than gather them
        cols = (lambda a: a) if rows is None else (lambda a: a[rows])
        keep = np.ones(self.n if rows is None else len(rows), dtype=bool)
        if q.start:
            keep &= cols(self.has_date) & (cols(self.days) >= _days(q.start))
        if q.end:
            keep &= cols(self.has_date) & (cols(self.days) <= _days(q.end))
        if q.quad is not None:
            keep &= cols(self.quad) == q.quad
        if q.modalities:
            ids = [self.modality_names.index(m) for m in q.modalities if m in self.modality_names]
            keep &= np.isin(cols(self.modality), np.asarray(ids, dtype=np.int16))
        return np.flatnonzero(keep) if rows is None else rows[keep]

    # --- listing ------------------------------------------------------------------------------
    def after(self, day: dt.date, event_id: str) -> int:
        """The first position that sorts after the cursor (day, id)."""
        d = _days(day)
        neg = -self.days  # ascending
        lo, hi = int(np.searchsorted(neg, -d, "left")), int(np.searchsorted(neg, -d, "right"))
        same = self.ids.slice(lo, hi - lo).to_pylist()
        return lo + bisect.bisect_right(same, event_id)

    def page(self, q: Query, limit: int, cursor: tuple[dt.date, str] | None) -> list[str]:
        rows = self.positions(q)
        if cursor:
            rows = rows[np.searchsorted(rows, self.after(*cursor)):]
        import pyarrow as pa

        return list(self.ids.take(pa.array(rows[:limit])).to_pylist())

    # --- series -------------------------------------------------------------------------------
    def series(self, q: Query, period: str, max_periods: int | None = None) -> list[tuple[dt.date, list[int], float]]:
        """(period start, counts per quad 1-4, Goldstein sum) per period, empty periods filled, as
        ``readout.dyad_series`` gives them (its ``combined`` tally)."""
        from tealeaves.readout import _periods

        rows = self.positions(q)
        rows = rows[self.has_date[rows]]
        keys = {"day": self.days, "week": self.week, "month": self.month}[period][rows]
        step = 7 if period == "week" else 1
        first = q.start or (self._start_of(int(keys.min()), period) if len(keys) else None)
        last = q.end or (self._start_of(int(keys.max()), period) if len(keys) else None)
        if first is None or last is None:
            return []
        periods = _periods(first, last, period, max_periods)
        if not periods:
            return []
        base = self._key_of(periods[0], period)
        offset = (keys - base) // step
        inside = (offset >= 0) & (offset < len(periods))
        offset, quads, gold = offset[inside], self.quad[rows][inside], self.goldstein[rows][inside]
        counts = [np.bincount(offset[quads == qd], minlength=len(periods)).tolist() for qd in QUADS]
        gsum = np.bincount(offset, weights=gold, minlength=len(periods)).tolist()
        return [(p, [counts[0][i], counts[1][i], counts[2][i], counts[3][i]], gsum[i]) for i, p in enumerate(periods)]

    @staticmethod
    def _key_of(day: dt.date, period: str) -> int:
        if period == "month":
            return (day.year - 1970) * 12 + day.month - 1
        return _days(day)

    @staticmethod
    def _start_of(key: int, period: str) -> dt.date:
        if period == "month":
            return dt.date(1970 + key // 12, key % 12 + 1, 1)
        return _date(key)


class Indexes:
    """The server's indexes, rebuilt lazily after a write (one rebuild at a time)."""

    def __init__(self, con: Any) -> None:
        self.con = con
        self._lock = threading.Lock()
        self._built: dict[str, tuple[int, ActorIndex]] = {}

    def get(self, table: str, generation: int) -> ActorIndex:
        hit = self._built.get(table)
        if hit and hit[0] == generation:
            return hit[1]
        with self._lock:
            hit = self._built.get(table)
            if hit and hit[0] == generation:
                return hit[1]
            cur = self.con.cursor()
            try:
                idx = ActorIndex(cur, table)
            finally:
                cur.close()
            self._built[table] = (generation, idx)
            return idx


def usable(codes: Sequence[str | None]) -> bool:
    return all(ActorIndex.usable(c) for c in codes)
