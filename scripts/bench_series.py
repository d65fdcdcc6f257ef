"""Benchmark: one dyad's weekly series over a store of ten million synthetic clustered events.

    .venv/bin/python scripts/bench_series.py [--events 10000000] [--db PATH]

The series reads the ``clusters`` table (one row per happening), so the synthetic events are written
there directly: random source and target codes (40 countries, with and without sector suffixes),
CAMEO codes with their quad class and Goldstein value, dates over ten years, mostly asserted.
Real stores are files (DuckDB compresses them, which makes the scan cheaper than in memory), so the
default is a fresh temporary file. Prints the build time and the best and median of several timed ``dyad_series`` calls.
"""

from __future__ import annotations

import argparse
import statistics
import time

from tealeaves import ontology, store
from tealeaves.readout import dyad_series

COUNTRIES = ("USA RUS CHN FRA GBR DEU TUR SYR IRN IRQ ISR PSE UKR POL IND PAK AFG SAU EGY LBN "
             "JPN KOR PRK BRA MEX VEN CUB NGA ZAF ETH KEN SDN LBY YEM QAT ARE CAN ITA ESP GRC").split()
SECTORS = ("", "", "GOV", "MIL", "REB", "OPP", "BUS", "MED")


def build(con: object, n: int) -> float:
    codes = [c for c in ontology.codes().values() if len(c.code) >= 3]
    t0 = time.perf_counter()
    con.execute("CREATE TEMP TABLE actors AS SELECT unnest(?) AS country", [list(COUNTRIES)])  # type: ignore[attr-defined]
    con.execute("CREATE TEMP TABLE sectors AS SELECT unnest(?) AS sector", [list(SECTORS)])  # type: ignore[attr-defined]
    con.execute("CREATE TEMP TABLE cameo AS SELECT * FROM (SELECT unnest(?) AS cameo, unnest(?) AS quad, unnest(?) AS goldstein)",  # type: ignore[attr-defined]
                [[c.code for c in codes], [c.quad for c in codes], [c.goldstein for c in codes]])
    nc, ns, nk = len(COUNTRIES), len(SECTORS), len(codes)
    con.execute(f"""
        INSERT INTO clusters (id, source_code, target_code, source_country, target_country, cameo, root, quad, goldstein,
                              modality, date, date_precision, first_date, last_date, mentions, articles, outlets, independent_outlets)
        SELECT 'c' || i::VARCHAR,
               sa.country || ss.sector, ta.country || ts.sector, sa.country, ta.country,
               k.cameo, left(k.cameo, 2), k.quad, k.goldstein,
               CASE WHEN i % 10 = 0 THEN 'negated' WHEN i % 3 = 0 THEN 'reported' ELSE 'asserted' END,
               DATE '2010-01-01' + (hash(i * 7) % 3650)::INTEGER, 'day', NULL, NULL, 1, 1, 1, 1
        FROM (SELECT i, hash(i) AS h FROM range({n}) t(i)) r
        JOIN (SELECT row_number() OVER () - 1 AS j, country FROM actors) sa ON sa.j = r.h % {nc}
        JOIN (SELECT row_number() OVER () - 1 AS j, country FROM actors) ta ON ta.j = (r.h // {nc}) % {nc}
        JOIN (SELECT row_number() OVER () - 1 AS j, sector FROM sectors) ss ON ss.j = (r.h // {nc * nc}) % {ns}
        JOIN (SELECT row_number() OVER () - 1 AS j, sector FROM sectors) ts ON ts.j = (r.h // {nc * nc * ns}) % {ns}
        JOIN (SELECT row_number() OVER () - 1 AS j, cameo, quad, goldstein FROM cameo) k ON k.j = (r.h // {nc * nc * ns * ns}) % {nk}
    """)  # type: ignore[attr-defined]
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=10_000_000)
    ap.add_argument("--db", default=None, help="store file (default: a fresh temporary file; ':memory:' for an in-memory store)")
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    if args.db is None:
        import tempfile
        from pathlib import Path

        args.db = str(Path(tempfile.mkdtemp(prefix="tealeaves-bench-")) / "bench.duckdb")
    con = store.connect(args.db)
    built = build(con, args.events)
    n = con.execute("SELECT count(*) FROM clusters").fetchone()[0]
    print(f"built {n:,} synthetic clustered events in {built:.1f} s")
    times, points = [], []
    for _ in range(args.runs):
        t0 = time.perf_counter()
        points = dyad_series(con, "USA", "RUS", "week")
        times.append(time.perf_counter() - t0)
    events = sum(p.combined.events for p in points)
    print(f"dyad_series(USA, RUS, week): {len(points)} weeks, {events:,} events; "
          f"best {min(times):.3f} s, median {statistics.median(times):.3f} s over {args.runs} runs")


if __name__ == "__main__":
    main()
