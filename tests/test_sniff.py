"""Formats are told by their first bytes, whatever the file is called (a ``mktemp`` name has no
suffix): a file and standard input with the same bytes give the same documents."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
from test_feeds import ATOM, RSS
from test_html import PAGE
from test_warc import write_warc

from tealeaves.ingest import Problem, read, read_stdin
from tealeaves.models import Document

RECORDS = [
    {"id": "a1", "text": "Chile hosted Peru for talks on the border.", "date": "2020-03-02", "outlet": "Wire"},
    {"id": "a2", "text": "Kenya met Uganda in Nairobi.", "date": "2020-03-03"},
]
JSONL = "".join(json.dumps(r) + "\n" for r in RECORDS)

FORMATS = {
    "jsonl": JSONL,
    "jsonl-bom-blank-lines": "\ufeff\n\n" + JSONL,
    "json-array": json.dumps(RECORDS, indent=2),
    "html": PAGE,
    "rss": RSS.format(base="https://herald.example.org", extra=""),
    "atom": ATOM,
}


def docs(items: list[Document | Problem]) -> list[Document]:
    assert not [p for p in items if isinstance(p, Problem)], items
    return [d for d in items if isinstance(d, Document)]


def summary(items: list[Document | Problem]) -> list[tuple[str | None, str | None, str]]:
    return [(d.title, d.date, d.text[:60]) for d in docs(items)]


@pytest.mark.parametrize("name", sorted(FORMATS))
@pytest.mark.parametrize("gz", [False, True], ids=["plain", "gzip"])
def test_format_is_sniffed_without_a_suffix(tmp_path: Path, name: str, gz: bool) -> None:
    data = FORMATS[name].encode("utf-8")
    path = tmp_path / "tmp.Xa8bQ2"  # as mktemp names it
    path.write_bytes(gzip.compress(data) if gz else data)
    got = docs(list(read([path])))
    if name.startswith("json"):
        assert [d.id for d in got] == ["a1", "a2"]
        assert got[0].text == RECORDS[0]["text"] and got[0].outlet == "Wire"
    elif name == "html":
        [doc] = got
        assert doc.outlet == "Lakeside Courier" and "<" not in doc.text
    elif name == "rss":
        assert [d.title for d in got] == ["Bridge reopens after repairs", "Mayor names new police chief"]
    else:
        [doc] = got
        assert doc.title == "Dam project approved"
    assert not any(d.text.lstrip().startswith(("{", "[", "<")) for d in got)  # never markup coded as prose
    if not gz:  # standard input with the same bytes reads the same
        assert summary(list(read_stdin(io.BytesIO(data)))) == summary(list(read([path])))


@pytest.mark.parametrize("gz", [False, True], ids=["plain", "gzip"])
def test_warc_is_sniffed_without_a_suffix(tmp_path: Path, gz: bool) -> None:
    path = tmp_path / "tmp.k3J9zz"
    write_warc(path, 2, gz)
    got = docs(list(read([path])))
    assert [d.url for d in got] == [f"https://city.example.org/news/{i}" for i in range(2)]


def test_a_suffix_that_lies_does_not_win_over_the_bytes(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text(JSONL, encoding="utf-8")
    (tmp_path / "page.jsonl").write_text(PAGE, encoding="utf-8")
    got = docs(list(read([tmp_path / "notes.txt", tmp_path / "page.jsonl"])))
    assert [d.id for d in got[:2]] == ["a1", "a2"] and got[2].outlet == "Lakeside Courier"


def test_plain_text_stays_plain_text(tmp_path: Path) -> None:
    text = "Talks resume\n\nChile hosted Peru for talks on the border [on Monday].\n"
    path = tmp_path / "tmp.plain1"
    path.write_text(text, encoding="utf-8")
    [doc] = docs(list(read([path])))
    assert doc.title == "Talks resume" and doc.text == text
    assert summary(list(read_stdin(io.BytesIO(text.encode())))) == summary([doc])


def test_record_dates_are_read_cheaply_and_garbage_is_dropped():
    from tealeaves.ingest.html import iso_date

    assert iso_date("2016-10-03T08:00:00Z") == "2016-10-03"
    assert iso_date("Mon, 03 Oct 2016 08:00:00 +0000") == "2016-10-03"
    assert iso_date("3 October 2016") == "2016-10-03"
    for junk in ("0" * 63, "x" * 30, "not a date at all, really not", "1234567890123"):
        assert iso_date(junk) is None
