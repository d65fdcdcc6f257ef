"""Reprints: a syndicated copy printed days after its original says "today" of the original's day,
so its events take the original's date and join the original's clustered event."""

from __future__ import annotations

from typing import Any

from tealeaves import pipeline, store
from tealeaves.dedup import ReprintDates
from tealeaves.models import Document

WIRE = ("Putin and Erdogan meet in Sochi\n\n"
        "Russian President Vladimir Putin met Turkish President Recep Tayyip Erdogan in Sochi today, "
        "the Kremlin said. The two leaders discussed the war in Syria, trade and a gas pipeline across "
        "the Black Sea, and agreed to meet again before the end of the year. Officials from both "
        "countries said the talks had been long and frank and that more work was needed on the details.")
COPIES = [("wire-original", "2018-09-17", "Wire Desk", ""),
          ("copy-next-day", "2018-09-18", "Regional Times", "\n\nFollow us for more world news."),
          ("copy-two-days", "2018-09-19", "Valley Herald", "\n\nRead more on our website.")]


def _docs() -> list[Document]:
    return [Document(id=i, text=WIRE + tail, title="Putin and Erdogan meet in Sochi", date=d, outlet=o) for i, d, o, tail in COPIES]


def test_three_copies_on_three_dates_make_one_event(con: Any) -> None:
    pipeline.store_documents(_docs(), con)
    events = con.execute("SELECT doc_id, date, source_code, target_code, cameo FROM events ORDER BY doc_id").fetchall()
    by_doc: dict[str, set[Any]] = {}
    for doc_id, date, *_ in events:
        by_doc.setdefault(doc_id, set()).add(date.isoformat())
    assert set(by_doc) == {i for i, *_ in COPIES}, events  # every copy was coded
    assert all(dates == {"2018-09-17"} for dates in by_doc.values()), by_doc  # "today" is the original's day
    # the documents keep their own dates
    assert dict(con.execute("SELECT id, date::VARCHAR FROM documents").fetchall()) == {i: d for i, d, *_ in COPIES}
    # every clustered event holds the original's mention: no copy opened an event of its own
    clusters = con.execute("""SELECT c.id, c.source_code, c.target_code, c.cameo, c.articles, list(DISTINCT cm.doc_id)
                              FROM clusters c JOIN cluster_members cm ON cm.cluster_id = c.id GROUP BY ALL""").fetchall()
    assert clusters and all("wire-original" in docs for *_, docs in clusters), clusters
    meeting = [c for c in clusters if (c[1], c[2], c[3]) == ("RUSGOV", "TURGOV", "044")]
    assert [c[4] for c in meeting] == [3], clusters  # the meeting, reported three times, is one event
    assert con.execute("SELECT count(*) FROM duplicates WHERE original_id = 'wire-original'").fetchone()[0] == 2


def test_copies_arriving_in_later_runs_find_their_stored_original(con: Any) -> None:
    from tealeaves.cluster import update_readout

    orig = _docs()[0]
    from tealeaves.models import CleanDocument

    store.write(con, [store.document_row(CleanDocument(orig, orig.text, ()), 0, 0)], [])
    update_readout(con, [orig.id])
    fresh = ReprintDates(con)  # a new run: nothing recent, the original only in the store
    for doc_id, date, _, tail in COPIES[1:]:
        assert fresh.reference(doc_id, WIRE + tail, date) == "2018-09-17"
    assert fresh.reference("unrelated", "Kenya and Uganda signed a trade accord in Kampala on Monday " * 3, "2018-09-20") == "2018-09-20"
    assert fresh.reference("undated", WIRE, None) is None
    assert fresh.reference("earlier", WIRE, "2018-09-10") == "2018-09-10"  # an earlier copy is nobody's reprint
