"""Core commands: ingest, code, events, stats, demo."""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

import click

from tealeaves import pipeline, store
from tealeaves.cli.show import MIN_CONFIDENCE, events_table, print_json
from tealeaves.errors import StoreError
from tealeaves.ingest import Problem
from tealeaves.settings import load_settings

DB_OPTION = click.option("--db", default=None, help="DuckDB store (default: ./tealeaves.duckdb or $TEALEAVES_DB).")


def _problem(p: Problem) -> None:
    click.echo(f"skipped {p}", err=True)


@click.command("ingest")
@click.argument("paths", nargs=-1)
@DB_OPTION
@click.option("--recode", is_flag=True, help="Code stored documents again (after a dictionary change); with PATHS, also re-code those already stored.")
@click.option("--server", default=None, envvar="TEALEAVES_SERVER", help="When the store is locked by `tealeaves serve`, send documents to this server URL "
                   "($TEALEAVES_SERVER; default: the one named in <db>.server).")
@click.option("--token", default=None, envvar="TEALEAVES_TOKEN", help="The server's write token ($TEALEAVES_TOKEN).")
@click.option("--workers", type=click.IntRange(min=1), default=None, help="Code in N processes (each loads the model once); this process writes the store.")
@click.option("--from-parquet", "from_parquet", default=None, help="Load a `tealeaves run --out DIR` dataset into the store instead of coding PATHS.")
@click.option("--min-confidence", "min_confidence", type=click.FloatRange(0.0, 1.0), default=None,
              help="Every event is stored; the summary says how many are scored at least this sure (reads filter later).")
def ingest_cmd(paths: tuple[str, ...], db: str | None, recode: bool, server: str | None = None, token: str | None = None,
               workers: int | None = None, from_parquet: str | None = None, min_confidence: float | None = None) -> None:
    """Read files, directories or '-' (stdin), code them and store documents and events.

    Reads plain text, JSON Lines, HTML pages, RSS/Atom feed files and WARC archives, gzipped or
    not. Each bad file or record gets one line; documents already stored are skipped. Exits
    non-zero only when nothing from the input is in the store."""
    from tealeaves.cli.progress import ingest_progress

    if from_parquet:
        from tealeaves.scale import load_parquet

        settings = load_settings(db=db)
        con = store.connect(settings.db)
        try:
            n_docs, n_events = load_parquet(con, from_parquet)
        finally:
            con.close()
        click.echo(f"loaded {n_docs} documents, {n_events} events from {from_parquet} -> {settings.db}")
        return
    if not paths and not recode:
        raise click.UsageError("give one or more PATHS (or '-' for stdin), or --recode to re-code the store")
    settings = load_settings(db=db, workers=workers, min_confidence=min_confidence)
    with ingest_progress() as bar:
        def show(p: Problem) -> None:
            bar.echo(f"{'warning' if p.kind == 'warning' else 'failed'}: {p}")

        if paths:
            try:
                report = pipeline.ingest_paths(paths, settings=settings, on_problem=show, on_progress=bar.update, recode=recode)
            except StoreError as exc:
                from tealeaves import client

                target = client.server_for(settings.db, server) if client.is_locked(exc) and not recode else None
                if target is None:
                    raise
                res = client.ingest_via_server(paths, target[0], token or target[1], on_problem=show)
                click.echo(f"ingested {res['ingested']} documents, {res['events']} events through the server at {target[0]}; "
                           f"skipped {res['skipped']}, failed {res['failed']}")
                if res["ingested"] == 0 and res["skipped"] == 0:
                    sys.exit(1)
                return
        else:
            con = store.connect(settings.db, renewable=True)
            try:
                report = pipeline.recode_store(con, settings, on_progress=bar.update)
            finally:
                con.close()
    click.echo(f"{report.summary} -> {settings.db}")
    if report.ingested == 0 and report.skipped == 0:
        sys.exit(1)


@click.command("code")
@click.argument("file", default="-")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="jsonl", show_default=True, help="Output format.")
@click.option("--date", default=None, help="Article date (YYYY-MM-DD) for plain text without one.")
@MIN_CONFIDENCE
def code_cmd(file: str, fmt: str, date: str | None, min_confidence: float | None = None) -> None:
    """Code a file (plain text or JSON Lines) or stdin and print its events; nothing is stored."""
    from tealeaves import ingest

    settings = load_settings(min_confidence=min_confidence)
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
            if (e.confidence if e.confidence is not None else 1.0) < settings.min_confidence:
                continue
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
@MIN_CONFIDENCE
def events_cmd(db: str | None, actor: str | None, dyad: str | None, limit: int, all_modalities: bool,
               min_confidence: float | None = None) -> None:
    """Show stored events as a readable table."""
    settings = load_settings(db=db, min_confidence=min_confidence)
    pair = None
    if dyad:
        parts = [p.strip() for p in dyad.split(",") if p.strip()]
        if len(parts) != 2:
            raise click.BadParameter("give two codes separated by a comma, e.g. USA,RUS", param_hint="--dyad")
        pair = (parts[0], parts[1])
    con = store.connect(settings.db, read_only=True)
    rows = store.query_events(con, actor=actor, dyad=pair, limit=limit, modalities=None if all_modalities else settings.default_modalities,
                              min_confidence=settings.min_confidence)
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
    click.echo(f"\nNext: `tealeaves dyad FRA RUS --db {path}` (say versus do), "
               f"`tealeaves serve --db {path}` (dashboard on http://127.0.0.1:8000/), "
               f"`tealeaves explain \"SENTENCE\"` (why an event was coded).")
