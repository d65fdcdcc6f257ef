"""Readout commands: dyad, export, plot (dyad, network), cluster."""

from __future__ import annotations

from typing import Any

import click

from tealeaves.cli.show import MIN_CONFIDENCE
from tealeaves.settings import load_settings

DB_OPTION = click.option("--db", default=None, help="DuckDB store (default: ./tealeaves.duckdb or $TEALEAVES_DB).")
PERIOD = click.option("--period", type=click.Choice(["day", "week", "month"]), default="week", show_default=True, help="Length of one period.")
FROM = click.option("--from", "start", default=None, help="First day (YYYY-MM-DD).")
TO = click.option("--to", "end", default=None, help="Last day (YYYY-MM-DD).")


def _connect(db: str | None) -> Any:
    from tealeaves import store

    settings = load_settings(db=db)
    from pathlib import Path

    if not Path(settings.db).exists():
        raise click.ClickException(f"no store at {settings.db}; run `tealeaves ingest` or `tealeaves demo --db {settings.db}` first")
    return store.connect(settings.db)


def _print_saydo(sd: Any) -> None:
    from rich.table import Table

    from tealeaves.cli.show import console as wide_console

    console = wide_console()
    table = Table(title=f"{sd.a} and {sd.b} by {sd.period}: what they say and what they do (clustered events)")
    for col in ("period", "verbal coop", "verbal conflict", "material coop", "material conflict", "contact", "rhetoric", "flag"):
        table.add_column(col)
    flagged = {f.start: f.kind for f in sd.flags}
    for p in sd.points:
        table.add_row(p.start.isoformat(), str(p.verbal_cooperation), str(p.verbal_conflict), str(p.material_cooperation),
                      str(p.material_conflict), str(p.contact), str(p.rhetoric), flagged.get(p.start, ""))
    console.print(table)
    for title, events in (("say (verbal track)", sd.verbal), ("do (material track)", sd.material)):
        console.print(f"[bold]strongest events, {title}[/bold]")
        if not events:
            console.print("  none")
        for e in events:
            console.print(f"  {e.date or '-'} {e.source}→{e.target} {e.cameo} (Goldstein {e.goldstein:+.1f}, {e.mentions} mentions, "
                          f"{e.independent_outlets} independent) {e.text[:100]}")
            console.print(f"      outlets: {', '.join(e.outlets) or '-'}")
    console.print("[bold]flags[/bold]")
    if not sd.flags:
        console.print("  none")
    for f in sd.flags:
        console.print(f"  {f.start}: {f.kind}: {f.reason}")


@click.command("dyad")
@click.argument("a")
@click.argument("b")
@FROM
@TO
@PERIOD
@click.option("--all-modalities", is_flag=True, help="Also count negated, hypothetical and future events.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@MIN_CONFIDENCE
@DB_OPTION
def dyad_cmd(a: str, b: str, start: str | None, end: str | None, period: str, all_modalities: bool, fmt: str, db: str | None,
             min_confidence: float | None = None) -> None:
    """What two actors say versus what they do: verbal and material tracks, contact and rhetoric, flags."""
    from tealeaves.readout import say_vs_do

    sd = say_vs_do(_connect(db), a, b, period, start, end, include_all_modalities=all_modalities, min_conf=min_confidence)
    if fmt == "json":
        from tealeaves.cli.show import print_json

        print_json(sd.to_record())
    else:
        _print_saydo(sd)


@click.command("export")
@click.option("--format", "fmt", type=click.Choice(["csv", "parquet", "jsonl", "gdelt", "plover"]), required=True, help="Output format.")
@click.option("-o", "--output", required=True, help="File to write.")
@click.option("--unit", type=click.Choice(["events", "clusters"]), default=None,
              help="Rows are coded events (default for csv, parquet, jsonl) or clustered events (gdelt and plover always).")
@MIN_CONFIDENCE
@DB_OPTION
def export_cmd(fmt: str, output: str, unit: str | None, db: str | None, min_confidence: float | None = None) -> None:
    """Export the store as csv, parquet, jsonl, GDELT 2.0 Events (tab-separated) or PLOVER JSON lines."""
    from tealeaves.export import export

    n = export(_connect(db), fmt, output, unit, min_confidence)
    click.echo(f"wrote {n} rows ({fmt}) -> {output}")


@click.group("plot")
def plot_group() -> None:
    """Charts: a dyad's say-versus-do chart, or the actor network of a period."""


@plot_group.command("dyad")
@click.argument("a")
@click.argument("b")
@click.option("-o", "--output", required=True, help="Image file (.png, .svg or .pdf).")
@FROM
@TO
@PERIOD
@MIN_CONFIDENCE
@DB_OPTION
def plot_dyad_cmd(a: str, b: str, output: str, start: str | None, end: str | None, period: str, db: str | None,
                  min_confidence: float | None = None) -> None:
    """Verbal and material tracks of a dyad, cooperation above and conflict below the axis."""
    from tealeaves.plot import dyad_chart

    click.echo(f"wrote {dyad_chart(_connect(db), a, b, output, period, start, end, min_confidence=min_confidence)}")


@plot_group.command("network")
@click.option("--period", required=True, help="YYYY, YYYY-MM or YYYY-MM-DD.")
@click.option("-o", "--output", required=True, help="Image file (.png, .svg or .pdf).")
@click.option("--all-modalities", is_flag=True, help="Also count negated, hypothetical and future events.")
@MIN_CONFIDENCE
@DB_OPTION
def plot_network_cmd(period: str, output: str, all_modalities: bool, db: str | None, min_confidence: float | None = None) -> None:
    """Actors as nodes, edges coloured by the mean Goldstein score of their events in the period."""
    from tealeaves.plot import network_chart

    click.echo(f"wrote {network_chart(_connect(db), period, output, all_modalities, min_confidence)}")


@click.command("cluster")
@click.option("--rebuild", is_flag=True, help="Forget all duplicate links and clusters and build them again.")
@click.option("--top", default=10, show_default=True, help="Show this many best-corroborated events.")
@DB_OPTION
def cluster_cmd(rebuild: bool, top: int, db: str | None) -> None:
    """Link near-duplicate articles and cluster events into happenings; print what was found."""
    from tealeaves import cluster

    con = _connect(db)
    if rebuild:
        cluster.rebuild(con)
    else:
        cluster.ensure_readout(con)
    for k, v in cluster.summary(con).items():
        click.echo(f"{k:>24}: {v}")
    rows = con.execute(
        """SELECT c.date, c.source_code, c.cameo, c.target_code, c.mentions, c.articles, c.outlets, c.independent_outlets, e.text
           FROM clusters c LEFT JOIN events e ON e.id = c.representative
           ORDER BY c.independent_outlets DESC, c.articles DESC, c.mentions DESC, c.date LIMIT ?""", [top]).fetchall()
    for r in rows:
        click.echo(f"{r[0] or '-'} {r[1]} {r[2]} {r[3]}: {r[4]} mentions, {r[5]} articles, {r[6]} outlets, {r[7]} independent | {(r[8] or '')[:90]}")
