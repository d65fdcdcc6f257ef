"""Helpers shared by the test modules (fixtures live in conftest.py).

- ``triples``: the (source, target, CAMEO) of coded events, for compact assertions;
- hand-made documents and events for the readout tests (clusters, series, exports, plots);
- the small API store: ARTICLES, SAYDO_ARTICLES and ``build_store``, written from Event records
  without spaCy, used by the API, server, schema and browser tests.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from tealeaves import ontology, store
from tealeaves.models import CleanDocument, Document, Event, Location, Mention, Paragraph


def triples(events: list[Any]) -> set[tuple[str | None, str | None, str]]:
    """(source code, target code, CAMEO code) of each event."""
    return {(e.source.code if e.source else None, e.target.code if e.target else None, e.cameo) for e in events}


# ---- readout: hand-made documents and events ------------------------------------------------
def actor(code: str | None) -> Mention | None:
    if code is None:
        return None
    return Mention(text=code.lower(), code=code, country=code[:3], sector=code[3:] or None)


def event(doc_id: str, sentence: int, src: str | None, cameo: str, tgt: str | None, date: str | None,
          modality: str = "asserted", cited: str | None = None, place: str | None = None, text: str = "",
          confidence: float | None = None) -> Event:
    c = ontology.lookup(cameo)
    return Event(
        doc_id=doc_id, sentence=sentence, text=text or f"{src} {c.name.lower()} {tgt} ({doc_id})",
        source=actor(src), target=actor(tgt), cameo=cameo, root=c.root, quad=c.quad, goldstein=c.goldstein,
        plover=c.plover, modality=modality, evidence_start=sentence * 100, evidence_end=sentence * 100 + 40,
        rule="test", date=date, date_precision="day" if date else None,
        location=Location(place) if place else None, cited_outlet=cited, coder="test.v0",
        confidence=confidence, confidence_model="test" if confidence is not None else None,
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


# ---- the API store ------------------------------------------------------------------------------
# (doc id, date, outlet, headline, [(sentence, source, target, cameo, root, quad, goldstein, modality, verb, cited)])
ARTICLES: list[tuple[str, str, str, str, list[tuple[str, str, str, str, str, int, float, str, str, str | None]]]] = [
    ("a1", "2016-10-03", "Wire Desk", "Paris and Moscow trade words over Aleppo", [
        ("The French foreign minister condemned Russia over the bombing of Aleppo.", "FRAGOV", "RUS", "111", "11", 3, -2.0, "asserted", "condemned", None),
        ("Russia accused France of hypocrisy on Syria.", "RUS", "FRA", "112", "11", 3, -2.0, "asserted", "accused", None),
    ]),
    ("a2", "2016-10-04", "Evening Ledger", "France proposes ceasefire text", [
        ("France proposed a ceasefire resolution to Russia at the United Nations.", "FRA", "RUS", "036", "03", 1, 4.0, "asserted", "proposed", None),
        ("Russia vetoed the French resolution on Aleppo.", "RUS", "FRA", "16", "16", 3, -4.0, "reported", "vetoed", "Wire Desk"),
    ]),
    ("a3", "2016-10-11", "Continental Wire", "French minister visits Moscow", [
        ("The French foreign minister met Russia's foreign minister in Moscow.", "FRAGOV", "RUSGOV", "040", "04", 1, 1.0, "asserted", "met", None),
        ("France may impose sanctions on Russia next month.", "FRA", "RUS", "163", "16", 4, -8.0, "hypothetical", "impose", None),
    ]),
    ("a4", "2016-10-18", "Wire Desk", "Russia expels French diplomats", [
        ("Russia expelled two French diplomats from Moscow on Tuesday.", "RUSGOV", "FRA", "1663", "16", 4, -5.0, "asserted", "expelled", None),
        ("The United States praised France for its stance toward Russia.", "USA", "FRA", "051", "05", 1, 3.4, "asserted", "praised", None),
    ]),
    ("a5", "2016-10-18", "Evening Ledger", "Moscow sends French envoys home", [
        ("Russia expelled two French diplomats from Moscow on Tuesday.", "RUSGOV", "FRA", "1663", "16", 4, -5.0, "asserted", "expelled", None),
        ("Washington sent humanitarian aid to Syria.", "USA", "SYR", "073", "07", 2, 7.4, "asserted", "sent", None),
    ]),
]


# Britain and Iran keep meeting while the hostile words pile up: in the week of 14 November the
# rhetoric line rises from 1 to 3 happenings (a threat reported by two outlets, an accusation, a
# demand) while talks go on, so say-versus-do must flag that week; the week after, talks stop.
SAYDO_ARTICLES: list[tuple[str, str, str, str, list[tuple[str, str, str, str, str, int, float, str, str, str | None]]]] = [
    ("s1", "2016-11-08", "Wire Desk", "British and Iranian ministers meet in Vienna", [
        ("The British foreign secretary met the Iranian foreign minister in Vienna.", "GBRGOV", "IRNGOV", "044", "04", 1, 2.5, "asserted", "met", None),
        ("Iran criticised Britain over the detention of a tanker crew.", "IRN", "GBR", "111", "11", 3, -2.0, "asserted", "criticised", None),
    ]),
    ("s2", "2016-11-15", "Harbour Times", "Talks go on in Tehran as the tanker row deepens", [
        ("British envoys held talks with Iranian officials in Tehran on Tuesday.", "GBR", "IRN", "046", "04", 1, 7.0, "asserted", "held talks", None),
        ("Iran threatened Britain with retaliation over the seized tanker.", "IRN", "GBR", "130", "13", 3, -4.4, "asserted", "threatened", None),
        ("Britain accused Iran of harassing merchant ships in the Gulf.", "GBR", "IRN", "112", "11", 3, -2.0, "asserted", "accused", None),
    ]),
    ("s3", "2016-11-15", "Evening Ledger", "Tehran warns London over the tanker", [
        ("Iran threatened Britain with retaliation over the seized tanker.", "IRNGOV", "GBR", "130", "13", 3, -4.4, "asserted", "threatened", None),
        ("Iran demanded that Britain release the tanker at once.", "IRN", "GBR", "100", "10", 3, -5.0, "asserted", "demanded", None),
    ]),
    ("s4", "2016-11-23", "Wire Desk", "Iran halts tanker negotiations with Britain", [
        ("Iran broke off negotiations with Britain over the tanker on Wednesday.", "IRN", "GBR", "164", "16", 4, -6.5, "asserted", "broke off", None),
    ]),
]


def build_store(con: Any, articles: list[Any] = ARTICLES) -> dict[str, list[Event]]:
    """Writes ``articles`` (by default ARTICLES above) as documents and events; returns the events by document id."""
    out: dict[str, list[Event]] = {}
    for doc_id, date, outlet, headline, sentences in articles:
        text = headline + "\n\n" + " ".join(s[0] for s in sentences)
        doc = Document(id=doc_id, text=text, title=headline, date=date, outlet=outlet, url=f"https://example.org/{doc_id}")
        paras = (Paragraph(0, "headline", 0, len(headline), headline),)
        cdoc = CleanDocument(doc, text, paras)
        events = []
        for i, (sent, src, tgt, cameo, root, quad, gold, mod, verb, cited) in enumerate(sentences):
            start = text.index(sent)
            v = start + sent.index(verb)
            events.append(Event(
                doc_id=doc_id, sentence=i + 1, text=sent,
                source=Mention(sent.split()[0], src, src[:3], src[3:] or None), target=Mention("x", tgt, tgt[:3], tgt[3:] or None),
                cameo=cameo, root=root, quad=quad, goldstein=gold, plover=None, modality=mod,
                evidence_start=v, evidence_end=v + len(verb), rule=f"test pattern {cameo}" + (" | modality: may" if mod == "hypothetical" else ""),
                date=date, date_precision="day", cited_outlet=cited, coder="test.v1"))
        store.write(con, [store.document_row(cdoc, len(sentences), len(events))], events)
        out[doc_id] = events
    return out


def counted(text: str, date: str, by: str = "country") -> list[tuple[str, str | None, str | None]]:
    """(code, source, target) of the counted (asserted or reported) events the pipeline codes from
    ``text``; actors by their country, or by their whole code with ``by="code"``."""
    from tealeaves.pipeline import code_text

    def actor(m: Any) -> str | None:
        return None if m is None else (m.code if by == "code" else m.country)

    return [(e.cameo, actor(e.source), actor(e.target)) for e in code_text(text, date=date) if e.modality in ("asserted", "reported")]


def resolved_mentions(resolver: Any, text: str, date: str = "2004-09-01") -> list[Mention]:
    """Every actor mention ``resolver`` finds in ``text``, sentence by sentence (no prefilter)."""
    from tealeaves.clean import clean
    from tealeaves.ingest import document_from_text
    from tealeaves.nlp import parse

    cdoc = clean(document_from_text(text, "t", date=date))
    cdoc, sentences = next(parse([cdoc], prefilter=False))
    found = resolver.resolve_document(cdoc, sentences)
    return [m for s in sentences for m in found[s.index]]
