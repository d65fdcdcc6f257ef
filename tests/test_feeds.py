"""RSS and Atom: saved feed files, and `tealeaves watch` against feeds served on 127.0.0.1."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from tealeaves.ingest import Problem, read
from tealeaves.ingest.feeds import parse_feed
from tealeaves.ingest.watch import FeedWatcher, watch_once
from tealeaves.models import Document

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Valley Herald</title><link>{base}/</link>
<item><title>Bridge reopens after repairs</title><link>{base}/bridge</link><guid>vh-1</guid>
<pubDate>Mon, 06 Mar 2023 09:00:00 GMT</pubDate>
<description>&lt;p&gt;The old river bridge reopened to traffic on Monday after eight months of repairs, the highways agency said.&lt;/p&gt;</description></item>
<item><title>Mayor names new police chief</title><link>{base}/chief</link><guid>vh-2</guid>
<pubDate>Tue, 07 Mar 2023 10:30:00 GMT</pubDate>
<description>The mayor appointed a veteran detective as police chief on Tuesday, replacing the chief who retired in January.</description></item>
{extra}
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Hill Post</title><id>urn:hillpost</id><updated>2023-04-01T00:00:00Z</updated>
<entry><title>Dam project approved</title><id>urn:hillpost:1</id><link href="https://hillpost.example.org/dam"/>
<updated>2023-04-01T08:00:00Z</updated>
<content type="html">&lt;p&gt;The regional council approved the dam project on Saturday after a vote that split the ruling coalition.&lt;/p&gt;&lt;p&gt;Work is due to begin in the autumn.&lt;/p&gt;</content></entry>
</feed>"""

ARTICLE = """<html lang="en"><head><title>{title}</title><meta property="og:site_name" content="Valley Herald"></head><body>
<nav>Home | Local | Weather</nav><article><h1>{title}</h1>
<p>{lead} Officials gave details at a press conference in the town hall and answered questions from residents for an hour.</p>
<p>Local businesses said they expected the decision to bring more visitors to the valley in the coming months.</p></article>
<footer>Sign up for our newsletter</footer></body></html>"""


def test_rss_file(tmp_path: Path) -> None:
    (tmp_path / "herald.rss").write_text(RSS.format(base="https://herald.example.org", extra=""), encoding="utf-8")
    docs = [d for d in read([tmp_path / "herald.rss"]) if isinstance(d, Document)]
    assert [d.title for d in docs] == ["Bridge reopens after repairs", "Mayor names new police chief"]
    assert docs[0].date == "2023-03-06" and docs[0].outlet == "Valley Herald"
    assert docs[0].url == "https://herald.example.org/bridge"
    assert "eight months of repairs" in docs[0].text and "<p>" not in docs[0].text


def test_atom_file(tmp_path: Path) -> None:
    (tmp_path / "hill.atom").write_text(ATOM, encoding="utf-8")
    [doc] = list(read([tmp_path / "hill.atom"]))
    assert isinstance(doc, Document)
    assert doc.title == "Dam project approved" and doc.date == "2023-04-01" and doc.outlet == "Hill Post"
    assert "split the ruling coalition" in doc.text and "begin in the autumn" in doc.text


def test_rss_09x_and_rdf_feeds_parse() -> None:
    rss091 = b"""<?xml version="1.0"?><rss version="0.91"><channel><title>Old Wire</title>
    <item><title>Strike called off</title><link>http://old.example.com/1</link><description>Rail workers called off a planned strike.</description></item></channel></rss>"""
    items, warning = parse_feed(rss091, "old.rss")
    assert warning is None and items[0].title == "Strike called off"


class _Site:
    """A tiny news site: a feed with ETag/Last-Modified and article pages; it can go down."""

    def __init__(self) -> None:
        self.extra = ""
        self.down = False
        self.hits: list[tuple[str, str | None]] = []
        self.etag = '"v1"'
        self.modified = formatdate(1678000000, usegmt=True)
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                site.hits.append((self.path, self.headers.get("If-None-Match")))
                if site.down:
                    self.send_error(503, "down for maintenance")
                    return
                if self.path == "/feed.xml":
                    if self.headers.get("If-None-Match") == site.etag:
                        self.send_response(304)
                        self.end_headers()
                        return
                    body = RSS.format(base=site.base, extra=site.extra).encode()
                    self.send_response(200)
                    self.send_header("Content-Type", "application/rss+xml")
                    self.send_header("ETag", site.etag)
                    self.send_header("Last-Modified", site.modified)
                else:
                    titles = {"/bridge": ("Bridge reopens after repairs", "The old river bridge reopened on Monday."),
                              "/chief": ("Mayor names new police chief", "A veteran detective became police chief on Tuesday."),
                              "/market": ("Farmers market moves indoors", "The weekly farmers market moved into the old depot on Saturday.")}
                    if self.path not in titles:
                        self.send_error(404)
                        return
                    title, lead = titles[self.path]
                    body = ARTICLE.format(title=title, lead=lead).encode()
                    self.send_response(200)
                    self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture()
def site() -> Iterator[_Site]:
    s = _Site()
    yield s
    s.close()




def test_watch_fetches_new_items_once_and_uses_etag(site: _Site, con: Any, no_actors: None) -> None:
    feed = site.base + "/feed.xml"
    first = watch_once(con, [feed])
    assert first.feeds[0].status == "updated" and first.feeds[0].new_items == 2
    assert first.ingest.ingested == 2
    rows = con.execute("SELECT title, outlet, url FROM documents ORDER BY title").fetchall()
    assert rows[0][0] == "Bridge reopens after repairs" and rows[0][1] == "Valley Herald"
    assert rows[0][2] == site.base + "/bridge"
    text = con.execute("SELECT text FROM documents WHERE title LIKE 'Bridge%'").fetchone()[0]
    assert "press conference in the town hall" in text  # the linked page, not just the feed summary
    assert "Sign up for our newsletter" not in text

    site.hits.clear()
    second = watch_once(con, [feed])
    assert second.feeds[0].status == "not_modified"
    assert site.hits == [("/feed.xml", '"v1"')]  # conditional request, no page refetched

    site.etag = '"v2"'
    site.extra = f"<item><title>Farmers market moves indoors</title><link>{site.base}/market</link><guid>vh-3</guid><description>Market news.</description></item>"
    site.hits.clear()
    third = watch_once(con, [feed])
    assert third.feeds[0].new_items == 1
    assert [p for p, _ in site.hits] == ["/feed.xml", "/market"]  # only the new entry's page
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 3


def test_watch_survives_a_feed_that_is_down(site: _Site, con: Any, no_actors: None) -> None:
    feed = site.base + "/feed.xml"
    dead = "http://127.0.0.1:9/feed.xml"  # discard port: nothing listens
    site.down = True
    problems: list[Problem] = []
    rep = watch_once(con, [dead, feed], on_problem=problems.append)
    assert [f.status for f in rep.feeds] == ["down", "down"]
    assert "503" in (rep.feeds[1].error or "")
    assert len(problems) == 2
    assert con.execute("SELECT failures FROM feed_state WHERE url = ?", [feed]).fetchone()[0] == 1

    site.down = False
    rep = watch_once(con, [dead, feed])
    assert [f.status for f in rep.feeds] == ["down", "updated"]
    assert con.execute("SELECT failures, last_error FROM feed_state WHERE url = ?", [feed]).fetchone() == (0, None)
    assert con.execute("SELECT failures FROM feed_state WHERE url = ?", [dead]).fetchone()[0] == 2
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 2


def test_feed_watcher_runs_rounds(site: _Site, con: Any, no_actors: None) -> None:
    reports: list[Any] = []
    FeedWatcher(con, [site.base + "/feed.xml"], every=0.01, on_report=reports.append).run(rounds=2)
    assert [r.feeds[0].status for r in reports] == ["updated", "not_modified"]


def test_watch_cli_once(site: _Site, tmp_path: Path, runner: Any, no_actors: None) -> None:
    from tealeaves.cli import main

    db = str(tmp_path / "w.duckdb")
    res = runner.invoke(main, ["watch", site.base + "/feed.xml", "--once", "--db", db])
    assert res.exit_code == 0, res.output
    assert "1 feeds polled, 0 down, 2 new entries" in res.output
    bad = runner.invoke(main, ["watch", site.base + "/feed.xml", "--every", "soon", "--db", db])
    assert bad.exit_code != 0 and "not a duration" in bad.output
