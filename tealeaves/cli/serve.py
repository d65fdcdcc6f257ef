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
def serve_cmd(db: str | None, host: str, port: int, token: str | None, feeds: tuple[str, ...], every: str) -> None:
    """Serve the JSON API (/api, documented at /docs) and the dashboard (/) over a store.
    The server is the store's only writer while it runs; `tealeaves ingest` hands it documents."""
    from tealeaves.cli.watch import parse_duration
    from tealeaves.serve import serve

    settings = load_settings(db=db)
    click.echo(f"tealeaves: serving {settings.db} at http://{host}:{port}/ ({'writable with token' if token else 'read-only'})", err=True)
    serve(settings.db, host=host, port=port, token=token or None, feeds=list(feeds), every_s=parse_duration(every), settings=settings)
