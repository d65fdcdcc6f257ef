"""Core commands: ingest, code, events, stats, demo."""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

import click

from tealeaves import pipeline, store
from tealeaves.cli.show import events_table, print_json
from tealeaves.ingest import Problem
from tealeaves.settings import load_settings

DB_OPTION = click.option("--db", default=None, help="DuckDB store (default: ./tealeaves.duckdb or $TEALEAVES_DB).")


def _problem(p: Problem) -> None:
    click.echo(f"skipped {p}", err=True)


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True)
@DB_OPTION
def ingest_cmd(paths: tuple[str, ...], db: str | None) -> None:
    """Read files, directories or '-' (stdin), code them and store documents and events."""
    settings = load_settings(db=db)
    report = pipeline.ingest_paths(paths, settings=settings, on_problem=_problem)
    click.echo(f"ingested {report.ingested} documents, {report.events} events; skipped {report.skipped}, failed {report.failed} -> {settings.db}")
    if report.ingested == 0:
        sys.exit(1)


@click.command("code")
@click.argument("file", default="-")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="jsonl", show_default=True, help="Output format.")
@click.option("--date", default=None, help="Article date (YYYY-MM-DD) for plain text without one.")
def code_cmd(file: str, fmt: str, date: str | None) -> None:
    """Code a file (plain text or JSON Lines) or stdin and print its events; nothing is stored."""
    from tealeaves import ingest

    settings = load_settings()
    items = list(ingest.read([file]))
    docs = []
    for it in items:
        if isinstance(it, Problem):
            _problem(it)
        else:
            docs.append(it if it.date or not date else type(it)(**{**it.__dict__, "date": date}))
    if not docs:
        raise click.ClickException("nothing to code")
    rows = []
    for coded in pipeline.code_documents(docs, settings):
        for e in coded.events:
            if fmt == "jsonl":
                click.echo(json.dumps(e.to_record(), ensure_ascii=False))
            else:
                rows.append(store.event_row(e))
    if fmt == "table":
        events_table([dict(zip(store.EVENT_COLUMNS, r)) for r in rows])


@click.command("events")
@DB_OPTION
@click.option("--actor", default=None, help="Actor code or prefix, e.g. RUS or RUSMIL.")
@click.option("--dyad", default=None, help="Two actor codes, e.g. USA,RUS (either direction).")
@click.option("--limit", default=50, show_default=True, help="Most rows to show.")
@click.option("--all-modalities", is_flag=True, help="Also show negated, hypothetical and future events.")
def events_cmd(db: str | None, actor: str | None, dyad: str | None, limit: int, all_modalities: bool) -> None:
    """Show stored events as a readable table."""
    settings = load_settings(db=db)
    pair = None
    if dyad:
        parts = [p.strip() for p in dyad.split(",") if p.strip()]
        if len(parts) != 2:
            raise click.BadParameter("give two codes separated by a comma, e.g. USA,RUS", param_hint="--dyad")
        pair = (parts[0], parts[1])
    con = store.connect(settings.db, read_only=True)
    rows = store.query_events(con, actor=actor, dyad=pair, limit=limit, modalities=None if all_modalities else settings.default_modalities)
    events_table(rows)


@click.command("stats")
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def stats_cmd(db: str | None, fmt: str) -> None:
    """Counts of documents and events in the store."""
    settings = load_settings(db=db)
    con = store.connect(settings.db, read_only=True)
    data = store.stats(con)
    if fmt == "json":
        print_json(data)
    else:
        for k, v in data.items():
            click.echo(f"{k:>20}: {v}")


@click.command("demo")
@click.option("--db", default=None, help="Store to write (default: a fresh temporary store).")
def demo_cmd(db: str | None) -> None:
    """Code the bundled demo corpus into a fresh store and show the events and a per-dyad summary."""
    from tealeaves.cli.show import dyad_summary

    path = db or str(Path(tempfile.mkdtemp(prefix="tealeaves-demo-")) / "demo.duckdb")
    if db and Path(db).exists():
        Path(db).unlink()
    settings = load_settings(db=path)
    con = store.connect(path)
    rep = pipeline.store_documents(pipeline.load_demo_documents(), con, settings)
    rows = store.query_events(con, limit=1000, modalities=None)
    events_table(rows, title=f"demo: {rep.ingested} articles, {rep.events} events -> {path}")
    dyad_summary(con)
    con.close()
