"""Every class of bad input ends in one clear line per bad file or record, and the good still lands."""

from __future__ import annotations

import gzip
import tracemalloc
from pathlib import Path
from typing import Any

import pytest

from tealeaves.ingest import Problem, read
from tealeaves.ingest.raw import MiB
from tealeaves.models import Document

NASTY = Path(__file__).parent / "nasty"


def _read(*paths: Path) -> tuple[list[Document], list[Problem]]:
    items = list(read(paths))
    return [i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, Problem)]


@pytest.mark.parametrize(("name", "reason"), [
    ("binary.txt", "looks like PNG image, not text"),
    ("nul_bytes.jsonl", "looks like binary data"),
    ("empty.txt", "is empty"),
    ("blank.jsonl", "is empty"),
    ("no_text.html", "no article text"),
    ("not_a_feed.xml", "not an RSS or Atom feed"),
    ("garbage.warc.gz", "malformed WARC record"),
    ("damaged.txt.gz", "damaged gzip file"),
])
def test_bad_file_gets_one_clear_line(name: str, reason: str) -> None:
    docs, probs = _read(NASTY / name)
    assert docs == []
    assert len(probs) == 1, probs
    assert probs[0].origin == str(NASTY / name) and reason in probs[0].reason


def test_truncated_jsonl_keeps_the_complete_records() -> None:
    docs, probs = _read(NASTY / "truncated.jsonl")
    assert [d.id for d in docs] == ["t-1"]
    assert len(probs) == 1 and probs[0].origin.endswith(":2") and "cut short" in probs[0].reason


def test_records_that_are_not_documents() -> None:
    docs, probs = _read(NASTY / "not_objects.jsonl")
    assert [d.id for d in docs] == ["ok-1"]
    reasons = [p.reason for p in probs]
    assert reasons[:4] == [f"expected a JSON object, got {t}" for t in ("list", "int", "NoneType", "str")]
    assert reasons.count("record has no 'text'") == 2
    assert "JSON nested too deeply" in reasons


def test_encodings() -> None:
    docs, probs = _read(NASTY / "latin1.txt", NASTY / "mixed_encoding.txt", NASTY / "utf16.txt", NASTY / "bad_record_utf8.jsonl")
    assert probs == []
    text = {d.origin.rsplit("/", 1)[-1]: d.text for d in docs}
    assert "arrived in Zürich" in text["latin1.txt"]
    assert "met again in Kraków" in text["mixed_encoding.txt"] and "café owners’ union" in text["mixed_encoding.txt"]
    assert "electoral commission" in text["utf16.txt"]
    assert "naïve delegation in São Paulo" in text["bad_record_utf8.jsonl:2"]
    assert [d.id for d in docs if "jsonl" in (d.origin or "")] == ["good-1", "latin-2", "good-3"]


def test_malformed_html_and_xml_still_yield_text() -> None:
    docs, probs = _read(NASTY / "malformed.html", NASTY / "malformed_feed.xml")
    assert "Dock workers in the northern port" in docs[0].text
    assert docs[1].title == "Ferry service restored"
    kinds = sorted(p.kind for p in probs)
    assert kinds == ["failed", "warning"]  # the damaged feed warns; its link-only entry fails


def test_truncated_warc_keeps_whole_records() -> None:
    docs, probs = _read(NASTY / "truncated.warc")
    assert [d.title for d in docs] == ["Story 0"]
    assert len(probs) == 1 and "cut short" in probs[0].reason


def test_whole_nasty_corpus_never_raises() -> None:
    items = list(read([NASTY]))
    assert any(isinstance(i, Document) for i in items) and any(isinstance(i, Problem) for i in items)


def _peak(fn: Any) -> tuple[Any, int]:
    tracemalloc.start()
    try:
        out = fn()
        return out, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_single_100_mb_line_is_skipped_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "huge_line.jsonl"
    with path.open("wb") as fh:
        fh.write(b'{"id": "before", "text": "The minister resigned on Friday after the vote."}\n')
        fh.write(b'{"id": "huge", "text": "')
        chunk = b"a" * MiB
        for _ in range(100):
            fh.write(chunk)
        fh.write(b'"}\n{"id": "after", "text": "Troops withdrew from the border town on Saturday."}\n')
    (docs, probs), peak = _peak(lambda: _read(path))
    assert [d.id for d in docs] == ["before", "after"]
    assert len(probs) == 1 and probs[0].origin.endswith(":2") and "longer than 32 MB" in probs[0].reason
    assert peak < 80 * MiB, f"peak {peak / MiB:.0f} MB"


def test_a_100_mb_plain_text_file_is_refused_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        for _ in range(100):
            fh.write(b"word " * (MiB // 5))
    (docs, probs), peak = _peak(lambda: _read(path))
    assert docs == [] and "larger than 32 MB" in probs[0].reason
    assert peak < 80 * MiB


def test_gzip_bomb_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.jsonl.gz"
    with gzip.open(path, "wb", compresslevel=9) as gz:
        gz.write(b'{"id": "first", "text": "The port reopened on Monday after the storm passed."}\n')
        gz.write(b'{"id": "bomb", "text": "')
        spaces = b" " * (4 * MiB)
        for _ in range(128):  # 512 MB of spaces in about half a megabyte
            gz.write(spaces)
    assert path.stat().st_size < 2 * MiB
    (docs, probs), peak = _peak(lambda: _read(path))
    assert [d.id for d in docs] == ["first"]
    assert len(probs) == 1 and "gzip bomb" in probs[0].reason
    assert peak < 80 * MiB


def test_gzipped_jsonl_reads_normally(tmp_path: Path) -> None:
    path = tmp_path / "wire.jsonl.gz"
    path.write_bytes(gzip.compress(b'{"id": "g1", "text": "The senate confirmed the new ambassador on Thursday."}\n'))
    docs, probs = _read(path)
    assert [d.id for d in docs] == ["g1"] and probs == []


def test_missing_path_and_unreadable_file(tmp_path: Path) -> None:
    docs, probs = _read(tmp_path / "nope.txt")
    assert probs[0].reason == "no such file or directory"
