"""Hand-made documents and events for the readout tests (clusters, series, exports, plots)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from tealeaves import ontology, store
from tealeaves.models import Location, Mention


def actor(code: str | None) -> Mention | None:
    if code is None:
        return None
    return Mention(text=code.lower(), code=code, country=code[:3], sector=code[3:] or None)


def event(doc_id: str, sentence: int, src: str | None, cameo: str, tgt: str | None, date: str | None,
          modality: str = "asserted", cited: str | None = None, place: str | None = None, text: str = "") -> Any:
    from tealeaves.models import Event

    c = ontology.lookup(cameo)
    return Event(
        doc_id=doc_id, sentence=sentence, text=text or f"{src} {c.name.lower()} {tgt} ({doc_id})",
        source=actor(src), target=actor(tgt), cameo=cameo, root=c.root, quad=c.quad, goldstein=c.goldstein,
        plover=c.plover, modality=modality, evidence_start=sentence * 100, evidence_end=sentence * 100 + 40,
        rule="test", date=date, date_precision="day" if date else None,
        location=Location(place) if place else None, cited_outlet=cited, coder="test.v0",
    )


def doc_row(doc_id: str, text: str, date: str | None, outlet: str | None, url: str | None = None) -> tuple[Any, ...]:
    return (doc_id, text.splitlines()[0], dt.date.fromisoformat(date) if date else None, outlet, url, "test", "en", None,
            text, text, text.count("."), 0, "coded", None, "test.v0", "test.v0", dt.datetime.now())


def put(con: Any, docs: list[tuple[Any, ...]], events: list[Any], readout: bool = True) -> None:
    """Write documents and events as the pipeline does, then update the readout."""
    from tealeaves.cluster import update_readout

    store.write(con, docs, events)
    if readout:
        update_readout(con, [d[0] for d in docs])


def story(topic: str, n: int = 40) -> str:
    """A distinct article about ``topic``: a headline and ``n`` words drawn from a seeded vocabulary."""
    import random

    rng = random.Random(topic)
    vocab = ("ministers talks border troops envoy summit sanctions aid ceasefire capital officials reported "
             "monday tuesday statement embassy agreement warned pledged rejected visited convoy artillery "
             "parliament election protest rebels talks negotiators delegation council resolution vote").split()
    body = " ".join(rng.choice(vocab) for _ in range(n))
    return f"{topic.title()} report\n\n{body}."
