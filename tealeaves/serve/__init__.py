"""Serve: the web API and dashboard over a store, in one process that is the store's only writer.

    create_app(con, settings, token)  -> FastAPI app (tealeaves/serve/app.py)
    serve(db, host, port, token, ...) -> runs uvicorn until stopped

While it runs, ``serve`` keeps a small JSON file ``<db>.server`` (url, pid and token, readable by
the owner only) so that ``tealeaves ingest`` can hand documents to the server when the store is
locked by it.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tealeaves.errors import InputError
from tealeaves.settings import Settings, load_settings

__all__ = ["create_app", "read_server_file", "serve", "server_file"]


def create_app(con: Any, settings: Settings | None = None, token: str | None = None, cache_bytes: int | None = None) -> Any:
    from tealeaves.serve.app import CACHE_BYTES
    from tealeaves.serve.app import create_app as _create

    return _create(con, settings, token, CACHE_BYTES if cache_bytes is None else cache_bytes)


def server_file(db: str | Path) -> Path:
    return Path(f"{db}.server")


def read_server_file(db: str | Path) -> dict[str, Any] | None:
    """The running server's url (and token) for a store, or None when no server file is there."""
    path = server_file(db)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and isinstance(data.get("url"), str) else None


def _write_server_file(db: str, url: str, token: str | None) -> Path:
    path = server_file(db)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump({"url": url, "pid": os.getpid(), "token": token}, fh)
    return path


def serve(db: str | None = None, host: str = "127.0.0.1", port: int = 8000, token: str | None = None,
          feeds: list[str] | None = None, every_s: float = 900.0, settings: Settings | None = None,
          log_level: str = "info", cache_bytes: int | None = None, on_ready: Callable[[str], None] | None = None) -> None:
    """Open the store for writing and serve the API and dashboard until interrupted; ``on_ready``
    gets the URL once the store is open and the app built."""
    import uvicorn

    from tealeaves import store
    from tealeaves.serve.writer import start_feed_watcher

    settings = (settings or load_settings()).with_(db=db)
    if not 0 < port < 65536:
        raise InputError(f"port {port} is out of range")
    if not token and not Path(settings.db).exists():
        raise InputError(f"no store at {settings.db}: run `make demo` or `tealeaves ingest` first, pass --db, "
                         "or give --token to start an empty store that accepts documents")
    con = store.connect(settings.db)
    app = create_app(con, settings, token, cache_bytes)
    stop = threading.Event()
    start_feed_watcher(app.state.writer, list(feeds or []), every_s, stop)
    shown = "localhost" if host in ("0.0.0.0", "::") else host
    path = _write_server_file(settings.db, f"http://{shown}:{port}", token)

    def shut() -> None:
        # runs on SIGINT/SIGTERM too: uvicorn re-raises the signal after shutdown, skipping `finally`
        stop.set()
        path.unlink(missing_ok=True)
        con.close()

    app.router.on_shutdown.append(shut)
    if on_ready:
        on_ready(f"http://{shown}:{port}/")
    try:
        uvicorn.run(app, host=host, port=port, log_level=log_level)
    finally:
        shut()
