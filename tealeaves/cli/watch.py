"""`tealeaves watch`: poll RSS/Atom feeds and store their new entries."""

from __future__ import annotations

import re

import click

from tealeaves import store
from tealeaves.settings import load_settings

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$", re.IGNORECASE)


def parse_duration(text: str) -> float:
    """'15m' -> 900.0; units s, m, h, d; a bare number is seconds."""
    m = _DURATION.match(text)
    if not m:
        raise click.BadParameter(f"{text!r} is not a duration like 30s, 15m or 2h", param_hint="--every")
    return float(m.group(1)) * {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}[m.group(2).lower()]


@click.command("watch")
@click.argument("feed_urls", nargs=-1, required=True)
@click.option("--every", default="15m", show_default=True, help="Time between polls, e.g. 30s, 15m, 2h.")
@click.option("--once", is_flag=True, help="Poll each feed once and exit.")
@click.option("--db", default=None, help="DuckDB store (default: ./tealeaves.duckdb or $TEALEAVES_DB).")
def watch_cmd(feed_urls: tuple[str, ...], every: str, once: bool, db: str | None) -> None:
    """Poll RSS/Atom feeds (with ETag/Last-Modified), fetch each new entry's page once and store it.
    A feed that is down is reported and tried again at the next poll."""
    from tealeaves.ingest.watch import FeedWatcher

    interval = parse_duration(every)
    settings = load_settings(db=db)
    con = store.connect(settings.db, renewable=True)
    watcher = FeedWatcher(con, feed_urls, settings, every=interval,
                          on_report=lambda rep: click.echo(rep.summary, err=True),
                          on_problem=lambda p: click.echo(f"{'warning' if p.kind == 'warning' else 'failed'}: {p}", err=True))
    try:
        watcher.run(rounds=1 if once else None)
    except KeyboardInterrupt:
        click.echo("stopped", err=True)
    finally:
        con.close()
