"""`tealeaves serve`: the web API and dashboard."""

from __future__ import annotations

import click

from tealeaves.settings import load_settings


@click.command("serve")
@click.option("--db", default=None, help="DuckDB store (default: ./tealeaves.duckdb or $TEALEAVES_DB).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on.")
@click.option("--token", default=None, envvar="TEALEAVES_TOKEN", help="Token that POST /api/documents needs ($TEALEAVES_TOKEN); without one the server is read-only.")
@click.option("--watch", "feeds", multiple=True, metavar="FEED_URL", help="Poll this RSS/Atom feed inside the server (repeatable).")
@click.option("--every", default="15m", show_default=True, help="Time between feed polls, e.g. 30s, 15m, 2h.")
@click.option("--cache-mb", default=64, show_default=True, type=click.IntRange(0, 4096), help="Memory for cached answers (0: no cache); emptied on every write.")
@click.option("--log-level", default="info", show_default=True, type=click.Choice(["critical", "error", "warning", "info", "debug"]), help="Server log level.")
def serve_cmd(db: str | None, host: str, port: int, token: str | None, feeds: tuple[str, ...], every: str, cache_mb: int, log_level: str) -> None:
    """Serve the JSON API (/api, documented at /docs) and the dashboard (/) over a store.
    The server is the store's only writer while it runs; `tealeaves ingest` hands it documents."""
    from tealeaves.cli.watch import parse_duration
    from tealeaves.serve import serve

    settings = load_settings(db=db)
    mode = "accepts documents with its token" if token else "read-only: no --token or TEALEAVES_TOKEN"

    def ready(url: str) -> None:
        click.echo(f"tealeaves: serving {settings.db} at {url} ({mode}); Ctrl-C stops", err=True)

    serve(settings.db, host=host, port=port, token=token or None, feeds=list(feeds), every_s=parse_duration(every), settings=settings,
          log_level=log_level, cache_bytes=cache_mb * 1024 * 1024, on_ready=ready)
