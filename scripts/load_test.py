"""Load benchmark for `tealeaves serve`: N concurrent clients on loopback for a fixed time against a
store of synthetic events, reporting errors and latency percentiles per endpoint.

    .venv/bin/python scripts/load_test.py --events 1000000 --clients 64 --seconds 30

The store is built once with SQL (``--db``, reused when it already holds enough events): documents
of ten events each over three years, 40 countries with government/military sectors, CAMEO codes
across the four quad classes, and one cluster per event so the readout has nothing left to do.
The server runs as a separate process (`tealeaves serve`), exactly as a user would start it.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

COUNTRIES = ["USA", "RUS", "CHN", "FRA", "GBR", "DEU", "TUR", "IRN", "ISR", "SYR", "UKR", "IND", "PAK", "JPN", "KOR", "PRK",
             "SAU", "EGY", "IRQ", "AFG", "BRA", "MEX", "CAN", "AUS", "ITA", "ESP", "POL", "NGA", "ZAF", "KEN", "ETH", "SDN",
             "LBY", "YEM", "QAT", "ARE", "JOR", "LBN", "VEN", "COL"]
SECTORS = ["", "GOV", "MIL", "GOV", ""]
# (cameo, root, quad, goldstein)
CODES = [("010", "01", 1, 0.0), ("036", "03", 1, 4.0), ("040", "04", 1, 1.0), ("042", "04", 1, 1.9), ("051", "05", 1, 3.4),
         ("057", "05", 1, 8.0), ("061", "06", 2, 6.4), ("071", "07", 2, 7.4), ("081", "08", 2, 5.0), ("111", "11", 3, -2.0),
         ("112", "11", 3, -2.0), ("130", "13", 3, -4.4), ("138", "13", 3, -7.0), ("163", "16", 4, -8.0), ("173", "17", 4, -5.0),
         ("190", "19", 4, -10.0), ("195", "19", 4, -10.0), ("1663", "16", 4, -5.0)]
MODALITIES = ["asserted"] * 6 + ["reported"] * 3 + ["negated", "hypothetical", "future"]
OUTLETS = [f"Outlet {i}" for i in range(60)]
HOT_PAIRS = [("USA", "RUS"), ("FRA", "RUS"), ("CHN", "USA"), ("ISR", "IRN"), ("UKR", "RUS"), ("IND", "PAK"), ("TUR", "SYR")]


def build_store(path: Path, n_events: int) -> None:
    from tealeaves import store

    con = store.connect(path)
    have = con.execute("SELECT count(*) FROM events").fetchone()[0]
    if have >= n_events:
        con.close()
        print(f"reusing {path} ({have} events)", file=sys.stderr)
        return
    for t in ("events", "documents", "clusters", "cluster_members"):
        con.execute(f"DELETE FROM {t}")
    t0 = time.time()
    n_docs = max(1, n_events // 10)
    lists = {
        "countries": COUNTRIES, "sectors": SECTORS, "outlets": OUTLETS, "mods": MODALITIES,
        "cameos": [c[0] for c in CODES], "roots": [c[1] for c in CODES],
    }
    for k, v in lists.items():
        con.execute(f"SET VARIABLE {k} = ?::VARCHAR[]", [v])
    con.execute("SET VARIABLE quads = ?::INTEGER[]", [[c[2] for c in CODES]])
    con.execute("SET VARIABLE golds = ?::DOUBLE[]", [[c[3] for c in CODES]])
    con.execute(f"""
        INSERT INTO documents (id, title, date, outlet, url, origin, language, text, clean_text, n_sentences, n_events, status, coder, actor_resolver, ingested_at)
        SELECT 'doc' || lpad(i::VARCHAR, 8, '0'), 'Synthetic article ' || i, DATE '2014-01-01' + (hash(i, 'd') % 1096)::INTEGER,
               getvariable('outlets')[1 + (hash(i, 'o') % 60)::INTEGER], 'https://example.org/' || i, 'load_test', 'en',
               'Synthetic article ' || i, 'Synthetic article ' || i, 10, 10, 'coded', 'synthetic', 'synthetic', now()
        FROM range({n_docs}) t(i)""")
    con.execute(f"""
        INSERT INTO events (id, doc_id, sentence, text, source_text, source_code, source_country, source_sector,
                            target_text, target_code, target_country, target_sector, cameo, root, quad, goldstein, plover,
                            modality, date, date_precision, evidence_start, evidence_end, rule, coder)
        WITH g AS (
            SELECT i, 'doc' || lpad((i // 10)::VARCHAR, 8, '0') AS doc_id,
                   -- half the events fall on a few busy pairs, as in real news
                   CASE WHEN hash(i, 'h') % 2 = 0 THEN getvariable('countries')[1 + (hash(i, 's') % 40)::INTEGER]
                        ELSE getvariable('countries')[[1, 4, 3, 9, 11, 12, 8][1 + (hash(i, 'p') % 7)::INTEGER]] END AS sc,
                   CASE WHEN hash(i, 'h') % 2 = 0 THEN getvariable('countries')[1 + (hash(i, 't') % 40)::INTEGER]
                        ELSE getvariable('countries')[[2, 2, 1, 10, 2, 13, 10][1 + (hash(i, 'p') % 7)::INTEGER]] END AS tc,
                   getvariable('sectors')[1 + (hash(i, 'ss') % 5)::INTEGER] AS ss,
                   getvariable('sectors')[1 + (hash(i, 'ts') % 5)::INTEGER] AS ts,
                   1 + (hash(i, 'c') % {len(CODES)})::INTEGER AS c,
                   getvariable('mods')[1 + (hash(i, 'm') % {len(MODALITIES)})::INTEGER] AS m
            FROM range({n_events}) t(i))
        SELECT 'ev' || lpad(g.i::VARCHAR, 9, '0'), g.doc_id, g.i % 10,
               'Synthetic sentence ' || g.i || ': ' || g.sc || ' and ' || g.tc || ' ' || getvariable('cameos')[g.c],
               g.sc, g.sc || g.ss, g.sc, nullif(g.ss, ''), g.tc, g.tc || g.ts, g.tc, nullif(g.ts, ''),
               getvariable('cameos')[g.c], getvariable('roots')[g.c], getvariable('quads')[g.c], getvariable('golds')[g.c], NULL,
               g.m, d.date, 'day', 0, 9, 'synthetic', 'synthetic'
        FROM g JOIN documents d ON d.id = g.doc_id""")
    con.execute("""
        INSERT INTO clusters (id, source_code, target_code, source_country, target_country, cameo, root, quad, goldstein, plover,
                              modality, date, date_precision, first_date, last_date, representative, mentions, articles, outlets,
                              independent_outlets, updated_at)
        SELECT 'cl' || id, source_code, target_code, source_country, target_country, cameo, root, quad, goldstein, plover,
               modality, date, date_precision, date, date, id, 1, 1, 1, 1, now() FROM events""")
    con.execute("INSERT INTO cluster_members SELECT id, 'cl' || id, doc_id FROM events")
    con.execute("CHECKPOINT")
    n = con.execute("SELECT count(*) FROM events").fetchone()[0]
    con.close()
    print(f"built {path}: {n} events, {n_docs} documents in {time.time() - t0:.1f}s", file=sys.stderr)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def request_mix(rng: random.Random) -> tuple[str, str, dict[str, str]]:
    """(endpoint label, path, params): what an analyst's dashboard asks for."""
    a, b = rng.choice(HOT_PAIRS) if rng.random() < 0.7 else rng.sample(COUNTRIES, 2)
    if rng.random() < 0.5:
        return "series", f"/api/dyads/{a}/{b}/series", {"period": rng.choice(["week", "week", "month"])}
    kind = rng.random()
    if kind < 0.5:
        params = {"dyad": f"{a},{b}", "limit": "50"}
    elif kind < 0.7:
        params = {"actor": a, "limit": "50"}
    elif kind < 0.85:
        y = rng.choice([2014, 2015, 2016])
        params = {"dyad": f"{a},{b}", "start": f"{y}-03-01", "end": f"{y}-03-31", "limit": "50"}
    else:
        params = {"limit": "50", "quad": str(rng.randint(1, 4))}
    return "events", "/api/events", params


async def _get(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, host: str, target: str) -> int:
    """One keep-alive HTTP/1.1 GET; returns the status. A hand-written client costs far less CPU
    than httpx, which matters when client and server share two cores."""
    writer.write(f"GET {target} HTTP/1.1\r\nHost: {host}\r\nAccept: application/json\r\n\r\n".encode())
    status = int((await reader.readline()).split()[1])
    length = 0
    while (line := await reader.readline()) not in (b"\r\n", b""):
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    body = await reader.readexactly(length)
    return status if body[:1] == b"{" else -1


async def run_load(url: str, clients: int, seconds: float, seed: int) -> dict[str, dict[str, float]]:
    from urllib.parse import urlencode, urlsplit

    parts = urlsplit(url)
    host, port = parts.hostname or "127.0.0.1", parts.port or 80
    lat: dict[str, list[float]] = {"events": [], "series": []}
    errors: dict[str, int] = {"events": 0, "series": 0}
    stop = time.monotonic() + seconds

    async def client(i: int) -> None:
        rng = random.Random(seed * 1000 + i)
        conn = None
        while time.monotonic() < stop:
            label, path, params = request_mix(rng)
            t0 = time.perf_counter()
            try:
                if conn is None:
                    conn = await asyncio.open_connection(host, port)
                ok = await asyncio.wait_for(_get(*conn, host, f"{path}?{urlencode(params)}"), 30) == 200
            except (OSError, asyncio.IncompleteReadError, asyncio.TimeoutError, ValueError, IndexError):
                ok, conn = False, None
            lat[label].append((time.perf_counter() - t0) * 1000)
            errors[label] += not ok
        if conn:
            conn[1].close()

    await asyncio.gather(*(client(i) for i in range(clients)))
    out = {}
    for label, xs in lat.items():
        xs.sort()
        def pct(p: float, xs: list[float] = xs) -> float:
            return xs[min(len(xs) - 1, int(p / 100 * len(xs)))] if xs else float("nan")

        out[label] = {"requests": len(xs), "errors": errors[label], "rps": round(len(xs) / seconds, 1),
                      "p50_ms": round(pct(50), 1), "p95_ms": round(pct(95), 1), "p99_ms": round(pct(99), 1),
                      "max_ms": round(xs[-1], 1) if xs else float("nan"),
                      "mean_ms": round(statistics.fmean(xs), 1) if xs else float("nan")}
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", default="/tmp/tealeaves-load.duckdb", help="store to build (or reuse) for the benchmark")
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--clients", type=int, default=64)
    ap.add_argument("--seconds", type=float, default=30.0)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--url", default=None, help="load an already running server instead of starting one")
    ap.add_argument("--json", default=None, help="also write the figures to this file")
    ap.add_argument("--cache-mb", type=int, default=64, help="the server's answer cache (0 turns it off)")
    args = ap.parse_args()
    if args.seconds <= 0 or args.seconds > 600 or not 1 <= args.clients <= 1024:
        ap.error("--seconds must be in (0, 600] and --clients in [1, 1024]")

    proc = None
    url = args.url
    if url is None:
        build_store(Path(args.db), args.events)
        port = free_port()
        exe = str(Path(sys.executable).with_name("tealeaves"))
        env = {k: v for k, v in os.environ.items() if k != "TEALEAVES_TOKEN"}
        proc = subprocess.Popen([exe, "serve", "--db", args.db, "--port", str(port), "--cache-mb", str(args.cache_mb), "--log-level", "warning"], env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        url = f"http://127.0.0.1:{port}"
    try:
        import httpx

        for _ in range(600):
            try:
                if httpx.get(f"{url}/api/stats", timeout=30).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        else:
            raise SystemExit("server did not come up")
        asyncio.run(run_load(url, 8, 3, args.seed + 1))  # warm-up: DuckDB's caches, Python's imports
        figures = asyncio.run(run_load(url, args.clients, args.seconds, args.seed))
    finally:
        if proc:
            proc.terminate()
            proc.wait(30)
    result = {"events": args.events, "clients": args.clients, "seconds": args.seconds, "cache_mb": args.cache_mb,
              "cpus": os.cpu_count(), "endpoints": figures}
    print(json.dumps(result, indent=2))
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
