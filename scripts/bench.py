"""Benchmark: tealeaves end to end against spaCy's full small pipeline on the same texts.

    python scripts/bench.py --corpus ../shared/data/corpus/bbc-news-2004-2005.jsonl [--limit N]
        [--workers 1,2]
    python scripts/bench.py --corpus ../shared/data/corpus/bbc-news-2004-2005.jsonl --memory-check 10 [--limit N]

Codes the corpus into a fresh store in a temporary folder (once per worker count), then times
``nlp.pipe`` over the same texts with every pipe of the small model, in this process. Model
loading is left out of both timings (on Linux, ``--workers`` helpers fork from this warm process;
elsewhere they spawn and load inside the timing). Each worker figure also shows the CPU seconds
spent here and in helpers and the load average: other work on the machine slows wall-clock
figures, CPU seconds much less. The last line is the machine-readable summary.

``--memory-check K`` does only this: one process codes the corpus K times over (ids altered, so
every pass is new work) into a fresh store and prints its resident size every ``--sample``
documents, then the curve's verdict: the largest size after the first pass against the size at
the end of the first pass (flat means within 10%).
"""

from __future__ import annotations

import argparse
import ctypes
import ctypes.util
import itertools
import os
import resource
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from tealeaves import ingest, nlp, pipeline, store
from tealeaves.models import Document
from tealeaves.settings import load_settings


def documents(corpus: str, limit: int | None, repeat: int = 1) -> Iterator[Document]:
    """The corpus's documents, ``repeat`` times over with altered ids, streamed."""
    for r in range(repeat):
        items = (d for d in ingest.read([corpus]) if isinstance(d, Document))
        for d in itertools.islice(items, limit):
            yield d if r == 0 else replace(d, id=f"{d.id}#r{r}")


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


class _MallInfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in
                ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost")]


def glibc_mb() -> tuple[float, float]:
    """What glibc's malloc holds from the system and how much of it is free, in MB ((0, 0) off glibc).

    Python's objects, spaCy's arrays and DuckDB's own C++ objects (its buffer pool's records of
    blocks among them) are there; DuckDB's buffers come from its own jemalloc, outside this."""
    try:
        fn = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").mallinfo2
    except (OSError, AttributeError):
        return 0.0, 0.0
    fn.restype = _MallInfo2
    m = fn()
    return (m.arena + m.hblkhd) / 2**20, m.fordblks / 2**20


def load() -> str:
    """The 1-minute load average: other work on the machine slows every figure here."""
    return f"{os.getloadavg()[0]:.2f}"


def peak_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def code_into_fresh_store(corpus: str, limit: int | None, workers: int, repeat: int = 1,
                          samples: list[tuple[int, float]] | None = None, every: int = 250) -> tuple[int, int, float]:
    settings = load_settings(workers=workers)
    with tempfile.TemporaryDirectory() as tmp:
        con = store.connect(str(Path(tmp) / "bench.duckdb"), renewable=True)
        seen = [0]

        def progress(rep: pipeline.IngestReport) -> None:
            if samples is not None and rep.read - seen[0] >= every:
                seen[0] = rep.read
                samples.append((rep.read, rss_mb()))
                duck = con.execute("SELECT sum(memory_usage_bytes) FROM duckdb_memory()").fetchone()[0] or 0
                held, free = glibc_mb()
                print(f"rss after {rep.read} documents: {samples[-1][1]:.0f} MB, of which DuckDB buffers {duck / 2**20:.0f} MB, "
                      f"glibc {held:.0f} MB ({free:.0f} free) (load {load()})", flush=True)

        cpu0 = cpu_seconds()
        t0 = time.perf_counter()
        report = pipeline.store_documents(documents(corpus, limit, repeat), con, settings, on_progress=progress)
        elapsed = time.perf_counter() - t0
        con.close()
    cpu1 = cpu_seconds()
    CPU[workers] = (cpu1[0] - cpu0[0], cpu1[1] - cpu0[1])
    return report.ingested, report.events, elapsed


CPU: dict[int, tuple[float, float]] = {}  # worker count -> CPU seconds of (this process, its helpers)


def cpu_seconds() -> tuple[float, float]:
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime


def memory_check(corpus: str, limit: int | None, passes: int, every: int) -> int:
    """Prints the RSS curve of one process coding the corpus ``passes`` times over; 0 when flat."""
    per_pass = sum(1 for _ in documents(corpus, limit))
    samples: list[tuple[int, float]] = []
    print(f"memory check: {passes} passes of {per_pass} documents, rss at start {rss_mb():.0f} MB", flush=True)
    n, events, secs = code_into_fresh_store(corpus, limit, 1, repeat=passes, samples=samples, every=every)
    after_first = [rss for k, rss in samples if k <= per_pass]
    later = [rss for k, rss in samples if k > per_pass]
    if not after_first or not later:
        print("memory check: too few samples; lower --sample", flush=True)
        return 1
    base, top = after_first[-1], max(later)
    growth = top / base - 1
    print(f"memory check: {n} documents, {events} events in {secs:.0f}s; rss {base:.0f} MB after the first pass, "
          f"at most {top:.0f} MB after it ({growth:+.1%}), {samples[-1][1]:.0f} MB at the end: "
          + ("flat" if growth <= 0.10 else "GROWING"), flush=True)
    return 0 if growth <= 0.10 else 1


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--limit", type=int, default=None, help="Use only the first N articles.")
    ap.add_argument("--workers", default="1,2", help="Worker counts to time, comma-separated.")
    ap.add_argument("--memory-check", type=int, default=0, metavar="K",
                    help="Only code the corpus K times over (ids altered) in one process and print its RSS curve.")
    ap.add_argument("--sample", type=int, default=250, help="Documents between two RSS samples of --memory-check.")
    args = ap.parse_args()
    if not Path(args.corpus).exists():
        print(f"bench: no corpus at {args.corpus}", file=sys.stderr)
        return 1
    name = Path(args.corpus).name.removesuffix(".jsonl")
    settings = load_settings()
    model = nlp.load_model(settings.model)
    nlp.load_prefilter(settings.model)
    list(pipeline.code_documents(itertools.islice(documents(args.corpus, 3), 3), settings))  # warm the resolver and coder
    if args.memory_check:
        return memory_check(args.corpus, args.limit, args.memory_check, args.sample)

    rates: dict[int, float] = {}
    peak = 0.0
    n = 0
    for w in [int(x) for x in args.workers.split(",")]:
        n, events, secs = code_into_fresh_store(args.corpus, args.limit, w)
        rates[w] = n / secs
        if w == 1:
            peak = peak_mb()
        child = peak_mb(resource.RUSAGE_CHILDREN)
        print(f"tealeaves workers={w}: {n} articles, {events} events in {secs:.1f}s = {rates[w]:.2f} articles/s"
              + (f" (largest helper peak RSS {child:.0f} MB)" if w > 1 else f" (peak RSS {peak:.0f} MB)")
              + f" cpu {CPU[w][0]:.1f}s here + {CPU[w][1]:.1f}s in helpers, load {load()}", flush=True)
    if len(rates) > 1 and 1 in rates:
        for w, r in rates.items():
            if w != 1:
                print(f"speed-up with {w} workers: {r / rates[1]:.2f}x", flush=True)

    texts = [d.text for d in documents(args.corpus, args.limit)]
    t0 = time.perf_counter()
    for _ in model.pipe(texts, batch_size=settings.batch_size):
        pass
    spacy_secs = time.perf_counter() - t0
    spacy_rate = len(texts) / spacy_secs
    print(f"spaCy full pipeline ({', '.join(model.pipe_names)}): {len(texts)} articles in {spacy_secs:.1f}s = {spacy_rate:.2f} articles/s load {load()}", flush=True)
    tl = rates.get(1) or next(iter(rates.values()))
    print(f"bench: corpus={name} articles={n} tealeaves_articles_per_s={tl:.2f} spacy_full_articles_per_s={spacy_rate:.2f} "
          f"ratio={tl / spacy_rate:.2f} peak_rss_mb={peak:.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
