"""How many events the fast path loses against parsing everything with every spaCy pipe.

    python scripts/prefilter_loss.py --corpus ../shared/data/corpus/bbc-news-2004-2005.jsonl [--every 7]

The reference path parses every sentence and runs NER on all of them; the fast path is the normal
pipeline (pre-filter, NER deferred to documents with events). Both code every 7th corpus article
plus the bundled demo corpus; the script prints the events each finds and the share lost.
"""

from __future__ import annotations

import argparse
import itertools
import json
import time

from tealeaves import nlp, pipeline
from tealeaves.clean import clean
from tealeaves.ingest import document_from_record
from tealeaves.settings import load_settings


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--every", type=int, default=7, help="Take every Nth article of the corpus.")
    args = ap.parse_args()
    with open(args.corpus, encoding="utf-8") as fh:
        docs = [document_from_record(json.loads(line), args.corpus) for line in itertools.islice(fh, 0, None, args.every)]
    docs += pipeline.load_demo_documents()
    settings = load_settings()
    resolver, coder = pipeline._resolver(settings), pipeline._coder(settings)

    t0 = time.perf_counter()
    full: set[str] = set()
    for cdoc, sents in nlp.parse((clean(d) for d in docs), settings.model, prefilter=False):
        nlp.add_entities(sents, settings.model)
        full.update(e.id for e in coder.code_document(cdoc, sents, resolver.resolve_document(cdoc, sents)))
    t_full = time.perf_counter() - t0

    t0 = time.perf_counter()
    fast = {e.id for coded in pipeline.code_documents(docs, settings) for e in coded.events}
    t_fast = time.perf_counter() - t0
    lost = full - fast
    print(f"articles={len(docs)} events_full={len(full)} events_fast={len(fast)} lost={len(lost)} "
          f"lost_share={len(lost) / max(1, len(full)):.2%} extra={len(fast - full)} "
          f"seconds_full={t_full:.1f} seconds_fast={t_fast:.1f}")


if __name__ == "__main__":
    main()
