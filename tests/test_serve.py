"""A real server on 127.0.0.1: the CLI command, the server file, and `tealeaves ingest` handing
documents to the server when the store is locked."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest

from tealeaves import store

STARTUP = 180  # seconds: how long a wait may last before it counts as a hang (a busy machine is slow, not broken)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def running_server(app: Any) -> Iterator[str]:
    """Runs ``app`` with uvicorn in a thread on a free loopback port; yields its base URL."""
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + STARTUP  # a bound on a hang, not on speed
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


def file_store(path: Path) -> None:
    from helpers import build_store

    con = store.connect(path)
    build_store(con)
    con.close()


def test_serve_command_runs_writes_its_server_file_and_removes_it(tmp_path: Path) -> None:
    db = tmp_path / "t.duckdb"
    file_store(db)
    port = free_port()
    env = {**os.environ, "TEALEAVES_TOKEN": "tok-123"}
    proc = subprocess.Popen([str(Path(sys.executable).with_name("tealeaves")), "serve", "--db", str(db), "--port", str(port)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + STARTUP
        while True:
            try:
                stats = httpx.get(f"{url}/api/stats", timeout=STARTUP).json()
                break
            except httpx.HTTPError:
                if time.monotonic() < deadline and proc.poll() is None:
                    time.sleep(0.1)
                    continue
            raise AssertionError("server did not come up: " + (proc.stdout.read() if proc.poll() is not None and proc.stdout else ""))
        assert stats["events"] == 10 and stats["writable"] is True
        info = json.loads((tmp_path / "t.duckdb.server").read_text())
        assert info["url"] == url and info["token"] == "tok-123"
        assert (tmp_path / "t.duckdb.server").stat().st_mode & 0o077 == 0  # only the owner can read the token
        # while the server runs, the store is locked for other processes
        locked = subprocess.run([sys.executable, "-c", f"from tealeaves import store; store.connect({str(db)!r})"],
                                capture_output=True, text=True)
        assert "in use by another tealeaves process" in locked.stderr
    finally:
        proc.terminate()
        proc.wait(STARTUP)
    assert not (tmp_path / "t.duckdb.server").exists()


@pytest.fixture()
def fake_coding(monkeypatch: Any) -> list[Any]:
    """Stores posted documents without running spaCy: a document row, no events."""
    from tealeaves import pipeline
    from tealeaves.models import CleanDocument

    seen: list[Any] = []

    def store_documents(docs: Any, con: Any, settings: Any = None, report: Any = None, **_: Any) -> Any:
        rep = report or pipeline.IngestReport()
        rows = []
        for d in docs:
            seen.append(d)
            rows.append(store.document_row(CleanDocument(d, d.text, ()), 0, 0))
        store.write(con, rows, [])
        rep.ingested += len(rows)
        return rep

    monkeypatch.setattr(pipeline, "store_documents", store_documents)
    return seen


def test_ingest_hands_documents_to_the_server_when_the_store_is_locked(tmp_path: Path, fake_coding: list[Any]) -> None:
    from tealeaves.serve import create_app

    db = tmp_path / "s.duckdb"
    file_store(db)
    src = tmp_path / "new.jsonl"
    src.write_text(json.dumps({"id": "n1", "text": "Norway hosted talks between Colombia and the rebels.", "date": "2016-10-20"}) + "\n"
                   + "{broken json\n"
                   + json.dumps({"id": "n2", "text": "Brazil recalled its ambassador from Paraguay.", "outlet": "Rio Desk"}) + "\n")
    con = store.connect(db)  # this process holds the store, as `tealeaves serve` would
    tealeaves = str(Path(sys.executable).with_name("tealeaves"))
    try:
        with running_server(create_app(con, token="t0k")) as url:
            env = {k: v for k, v in os.environ.items() if k not in ("TEALEAVES_SERVER", "TEALEAVES_TOKEN")}
            no_server = subprocess.run([tealeaves, "ingest", str(src), "--db", str(db)], capture_output=True, text=True, env=env)
            assert no_server.returncode == 1 and "in use by another tealeaves process" in no_server.stderr
            wrong = subprocess.run([tealeaves, "ingest", str(src), "--db", str(db), "--server", url, "--token", "nope"],
                                   capture_output=True, text=True, env=env)
            assert wrong.returncode == 1 and "refused" in wrong.stderr
            (tmp_path / "s.duckdb.server").write_text(json.dumps({"url": url, "token": "t0k"}))
            ok = subprocess.run([tealeaves, "ingest", str(src), "--db", str(db)], capture_output=True, text=True, env=env)
            assert ok.returncode == 0, ok.stderr
            assert "ingested 2 documents" in ok.stdout and "through the server" in ok.stdout
            assert "failed 1" in ok.stdout
            got = httpx.get(f"{url}/api/documents/n2", timeout=STARTUP).json()
            assert got["outlet"] == "Rio Desk"
    finally:
        con.close()
    assert sorted(d.id for d in fake_coding) == ["n1", "n2"]


def test_client_reports_an_unreachable_server() -> None:
    from tealeaves.client import post_documents
    from tealeaves.errors import StoreError

    with pytest.raises(StoreError, match="cannot reach"):
        post_documents(f"http://127.0.0.1:{free_port()}", "x", [{"text": "Peru thanked Chile."}], timeout=2)


RSS = b"""<?xml version="1.0"?>
<rss version="2.0"><channel><title>Local Desk</title><link>http://127.0.0.1/</link><description>test feed</description>
<item><guid>item-1</guid><title>Chile and Peru sign a fishing accord</title>
<description>Chile and Peru signed a fishing accord in Lima on Monday, ending a dispute over the coastal waters.</description>
<pubDate>Mon, 07 Nov 2016 09:00:00 GMT</pubDate></item>
<item><guid>item-2</guid><title>Kenya sends troops to the border</title>
<description>Kenya sent troops to its border with Somalia after an attack on a police post.</description>
<pubDate>Tue, 08 Nov 2016 09:00:00 GMT</pubDate></item>
</channel></rss>"""


@contextmanager
def feed_server() -> Iterator[str]:
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(RSS)))
            self.end_headers()
            self.wfile.write(RSS)

        def log_message(self, *args: Any) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/feed.xml"
    finally:
        httpd.shutdown()


def test_feed_watcher_runs_inside_the_server_as_its_writer(con: Any, fake_coding: list[Any]) -> None:
    from tealeaves.serve import create_app
    from tealeaves.serve.writer import start_feed_watcher

    app = create_app(con)
    writer = app.state.writer
    with feed_server() as url:
        stop = threading.Event()
        thread = start_feed_watcher(writer, [url], 3600, stop)
        assert thread is not None
        deadline = time.monotonic() + STARTUP
        while len(fake_coding) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        stop.set()
        thread.join(10)
        assert not thread.is_alive()
        assert {d.title for d in fake_coding} == {"Chile and Peru sign a fishing accord", "Kenya sends troops to the border"}
        assert writer.generation >= 1
        assert con.execute("SELECT count(*) FROM feed_items WHERE feed_url = ?", [url]).fetchone()[0] == 2
        # a second poll of the unchanged feed hands nothing new to the coder
        writer.poll_feeds([url])
        assert len(fake_coding) == 2
    assert start_feed_watcher(writer, [], 1, threading.Event()) is None


def test_serve_refuses_a_missing_store_without_a_token(runner: Any, tmp_path: Path, monkeypatch: Any) -> None:
    from tealeaves.cli import main

    monkeypatch.delenv("TEALEAVES_TOKEN", raising=False)
    result = runner.invoke(main, ["serve", "--db", str(tmp_path / "none.duckdb"), "--port", str(free_port())])
    assert result.exit_code == 1
    assert "no store at" in result.output and "make demo" in result.output
    assert not (tmp_path / "none.duckdb").exists()
