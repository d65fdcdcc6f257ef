"""WARC and WARC.gz written with warcio: HTML responses only, streamed."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from tealeaves.ingest import Problem, read
from tealeaves.ingest import raw as raw_limits
from tealeaves.models import Document


def _page(n: int) -> bytes:
    return (f"<html lang='en'><head><title>Council story {n}</title></head><body><nav>Home | News</nav><article>"
            f"<h1>Council story {n}</h1><p>The city council voted on Wednesday to rebuild the library on the east bank, "
            f"ending a dispute that had lasted {n + 2} years, the council leader said.</p>"
            "<p>Opposition members said the cost estimate was too low and asked for an audit.</p></article></body></html>").encode()


def write_warc(path: Path, n_pages: int, gz: bool, big_page: bool = False) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        w = WARCWriter(fh, gzip=gz)
        w.write_record(w.create_warc_record("urn:warcinfo", "warcinfo", payload=io.BytesIO(b"software: test\r\n")))
        for i in range(n_pages):
            uri = f"https://city.example.org/news/{i}"
            w.write_record(w.create_warc_record(uri, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
            h = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(uri, "response", payload=io.BytesIO(_page(i)), http_headers=h))
        img = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record("https://city.example.org/logo.png", "response", payload=io.BytesIO(b"\x89PNG" + b"\0" * 500), http_headers=img))
        gone = StatusAndHeaders("404 Not Found", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record("https://city.example.org/missing", "response", payload=io.BytesIO(b"<html>gone</html>"), http_headers=gone))
        if big_page:
            h = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record("https://city.example.org/huge", "response", payload=io.BytesIO(b"<p>" + b"x" * 5000 + b"</p>"), http_headers=h))


@pytest.mark.parametrize("gz", [False, True])
def test_html_responses_only(tmp_path: Path, gz: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    write_warc(path, 3, gz)
    items = list(read([path]))
    docs = [d for d in items if isinstance(d, Document)]
    assert [d.url for d in docs] == [f"https://city.example.org/news/{i}" for i in range(3)]
    assert all("rebuild the library" in d.text for d in docs)
    assert not [p for p in items if isinstance(p, Problem)]  # image and 404 are passed over quietly


def test_oversized_record_is_skipped_and_the_rest_goes_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tealeaves.ingest import warc

    monkeypatch.setattr(warc, "MAX_RECORD_BYTES", 4000)
    path = tmp_path / "big.warc.gz"
    write_warc(path, 2, True, big_page=True)
    items = list(read([path]))
    probs = [p for p in items if isinstance(p, Problem)]
    assert len([d for d in items if isinstance(d, Document)]) == 2
    assert len(probs) == 1 and "larger than" in probs[0].reason and "/huge" in probs[0].origin


def test_warc_streams_in_bounded_memory(tmp_path: Path) -> None:
    import tracemalloc

    path = tmp_path / "many.warc.gz"
    write_warc(path, 300, True)
    tracemalloc.start()
    n = 0
    for item in read([path]):
        n += isinstance(item, Document)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert n == 300
    assert peak < 40 * raw_limits.MiB, f"peak {peak / raw_limits.MiB:.1f} MB"
