"""Property tests: any input to any reader, and any Unicode text to the coder, ends without an exception."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tealeaves.errors import InputError
from tealeaves.ingest import Problem, read, read_jsonl
from tealeaves.ingest.feeds import parse_feed
from tealeaves.ingest.html import document_from_html
from tealeaves.ingest.raw import decode
from tealeaves.models import Document

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _ok(items: list[Any]) -> None:
    assert all(isinstance(i, (Document, Problem)) for i in items)


@FAST
@given(st.binary(max_size=2000))
def test_jsonl_reader_takes_any_bytes(data: bytes) -> None:
    _ok(list(read_jsonl(io.BytesIO(data), "fuzz")))


@FAST
@given(st.lists(st.one_of(st.text(max_size=200), st.dictionaries(st.sampled_from(["text", "id", "date", "url", "title", "language"]),
                                                                  st.one_of(st.text(max_size=80), st.integers(), st.none()))), max_size=5))
def test_jsonl_reader_takes_any_records(records: list[Any]) -> None:
    import json

    data = "\n".join(json.dumps(r) if not isinstance(r, str) else r for r in records)
    _ok(list(read_jsonl(io.StringIO(data), "fuzz")))


@FAST
@given(st.binary(max_size=2000))
def test_decode_returns_text_or_decode_error(data: bytes) -> None:
    try:
        assert isinstance(decode(data, "fuzz"), str)
    except InputError:
        pass


@FAST
@given(st.text(max_size=1500))
def test_html_reader_takes_any_text(text: str) -> None:
    for page in (text, f"<html><body><article><p>{text}</p></article></body></html>"):
        try:
            assert isinstance(document_from_html(page, "fuzz"), Document)
        except InputError:
            pass


@FAST
@given(st.one_of(st.binary(max_size=1500), st.text(max_size=800).map(lambda t: f"<rss version='2.0'><channel><item><title>{t}</title><description>{t}</description></item></channel></rss>".encode("utf-8", "surrogatepass"))))
def test_feed_reader_takes_any_bytes(data: bytes) -> None:
    try:
        parse_feed(data, "fuzz")
    except InputError:
        pass


@FAST
@given(st.binary(max_size=1500), st.sampled_from(["x.warc", "x.warc.gz", "x.html", "x.rss", "x.txt", "x.jsonl.gz", "x"]))
def test_any_file_through_read(data: bytes, name: str) -> None:
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / name
        path.write_bytes(data)
        _ok(list(read([path])))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.text(max_size=400))
def test_coder_takes_any_unicode_text(code: Any, text: str) -> None:
    try:
        events = code(text)
    except InputError:
        assert not text.strip()
        return
    assert all(e.cameo for e in events)
