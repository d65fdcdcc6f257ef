"""Where a long run's memory goes: coding alone, or the store alone, in short runs.

    python scripts/memory_probe.py --corpus ../shared/data/corpus/bbc-news-2004-2005.jsonl --limit 200 --passes 20
        [--code-only] [--every 4] [--reopen K | --renew K] [--trace]

Codes the first ``--limit`` articles once. With ``--code-only`` it goes on coding them ``--passes``
times over (fresh ids) with no store, and prints the resident size after each pass. Otherwise it
writes what the first coding gave ``--passes`` times over (fresh ids, the same events under new
document ids) through ``pipeline.store_documents`` into a fresh store file, without spaCy, and prints
the resident size, DuckDB's buffers, glibc's share and Python's allocated blocks every ``--every``
passes. With ``--reopen K`` the store is closed and a new connection opened every K passes; with
``--renew K`` the store is renewable (``store.RenewableStore``, also renewed every
``store_renew_every`` documents as a long writer's is) and renewed every K passes; ``--trace``
traces Python's allocations and lists what grew. A store pass of 200 articles takes seconds, so
the store's share of a long run's growth shows in minutes.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bench import documents, glibc_mb, load, rss_mb  # noqa: E402

from tealeaves import nlp, pipeline, store  # noqa: E402
from tealeaves.models import CleanDocument, Coded, Document, Event  # noqa: E402
from tealeaves.settings import load_settings  # noqa: E402


@dataclass(frozen=True)
class Result:
    """What coding one article gave, enough to store it again under another id."""

    document: Document
    clean_text: str
    sentences: int
    events: tuple[Event, ...]
    status: str
    note: str | None


def code_only(corpus: str, limit: int, passes: int) -> None:
    settings = load_settings(workers=1)
    for i, _ in enumerate(pipeline.code_documents(documents(corpus, limit, passes), settings), 1):
        if i % limit == 0:
            held, free = glibc_mb()
            print(f"pass {i // limit}: rss {rss_mb():.0f} MB, glibc {held:.0f} MB ({free:.0f} free) (load {load()})", flush=True)


def code_once(corpus: str, limit: int) -> dict[str, Result]:
    settings = load_settings(workers=1)
    return {c.clean.document.id: Result(c.clean.document, c.clean.text, len(c.sentences), c.events, c.status, c.note)
            for c in pipeline.code_documents(documents(corpus, limit), settings)}


def replay(results: dict[str, Result]):  # type: ignore[no-untyped-def]
    """A stand-in for ``pipeline.code_documents`` that gives the stored results again, under each document's id."""

    def code(docs: Iterator[Document], settings: object = None, repeated: object = None) -> Iterator[Coded]:
        for d in docs:
            r = results[d.id.partition("#r")[0]]
            events = tuple(replace(e, doc_id=d.id) for e in r.events)
            yield Coded(CleanDocument(d, r.clean_text, ()), (None,) * r.sentences, events, r.status, r.note)  # type: ignore[arg-type]

    return code


def store_only(results: dict[str, Result], passes: int, every: int, reopen: int, trace: bool = False, renew: int = 0) -> None:
    """Write the results ``passes`` times over: in one ``store_documents`` call, or in one call per
    ``reopen`` (``renew``) passes with the store closed and opened again (renewed) in between."""
    pipeline.code_documents = replay(results)  # type: ignore[assignment]
    settings = load_settings(workers=1)
    docs = [r.document for r in results.values()]
    n = len(docs)
    snaps: list[tracemalloc.Snapshot] = []
    if trace:
        tracemalloc.start(8)
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        path = str(Path(tmp) / "probe.duckdb")
        con = store.connect(path, renewable=bool(renew))
        written = [0]
        shown: set[int] = set()

        def sample(rep: pipeline.IngestReport) -> None:
            done = written[0] + rep.read
            if rep.read and rep.read % n == 0 and (done // n) % every == 0 and done not in shown:
                shown.add(done)
                row = con.execute("SELECT sum(memory_usage_bytes) FROM duckdb_memory()").fetchone()
                duck = (row[0] if row else 0) or 0
                held, free = glibc_mb()
                print(f"pass {done // n}: rss {rss_mb():.0f} MB, DuckDB buffers {duck / 2**20:.0f} MB, glibc {held:.0f} MB ({free:.0f} free), "
                      f"Python blocks {sys.getallocatedblocks()}, {time.perf_counter() - t0:.0f}s (load {load()})"
                      + (f", traced {tracemalloc.get_traced_memory()[0] / 2**20:.1f} MB" if trace else ""), flush=True)
                if trace:
                    snaps.append(tracemalloc.take_snapshot())

        step = reopen or renew or passes
        for first in range(0, passes, step):
            chunk = (d if p == 0 else replace(d, id=f"{d.id}#r{p}") for p in range(first, min(first + step, passes)) for d in docs)
            pipeline.store_documents(chunk, con, settings, on_progress=sample)
            written[0] += n * (min(first + step, passes) - first)
            if renew:
                store.renew(con)
            if reopen:
                con.close()
                con = store.connect(path)
        con.close()
    print(f"store closed: rss {rss_mb():.0f} MB", flush=True)
    if len(snaps) > 1:
        print("Python allocations that grew from the first sample to the last:")
        for stat in snaps[-1].compare_to(snaps[0], "traceback")[:12]:
            print(f"  {stat.size_diff / 2**10:+.0f} KiB in {stat.count_diff:+d} blocks at")
            for line in stat.traceback.format()[-8:]:
                print("    " + line)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--limit", type=int, default=200)
    ap.add_argument("--passes", type=int, default=20)
    ap.add_argument("--every", type=int, default=4, help="Passes between two samples (store only).")
    ap.add_argument("--reopen", type=int, default=0, help="Close and reopen the store every K passes (store only).")
    ap.add_argument("--renew", type=int, default=0, help="Renew the store (store.renew) every K passes (store only).")
    ap.add_argument("--trace", action="store_true", help="Trace Python's allocations while storing (slow) and show what grew.")
    ap.add_argument("--code-only", action="store_true", help="Code the articles over and over with no store.")
    args = ap.parse_args()
    settings = load_settings()
    nlp.load_model(settings.model)
    nlp.load_prefilter(settings.model)
    list(pipeline.code_documents(itertools.islice(documents(args.corpus, 3), 3), settings))
    print(f"warm: rss {rss_mb():.0f} MB", flush=True)
    if args.code_only:
        code_only(args.corpus, args.limit, args.passes)
    else:
        store_only(code_once(args.corpus, args.limit), args.passes, args.every, args.reopen, args.trace, args.renew)
    return 0


if __name__ == "__main__":
    sys.exit(main())
