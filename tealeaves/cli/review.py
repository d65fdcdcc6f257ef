"""Corrections and confidence commands: export an analyst's corrections as gold, refit the confidence model."""

from __future__ import annotations

import click

from tealeaves.settings import load_settings

DB_OPTION = click.option("--db", default=None, help="DuckDB store (default: ./tealeaves.duckdb or $TEALEAVES_DB).")


@click.group("corrections")
def corrections_group() -> None:
    """An analyst's corrections of coded events (made in the dashboard's review queue)."""


@corrections_group.command("export")
@click.option("-o", "--output", required=True, help="Gold file to write (JSON Lines, docs/annotation.md format).")
@DB_OPTION
def corrections_export_cmd(output: str, db: str | None) -> None:
    """Write the corrected documents as event gold, title and text inline, for `tealeaves evaluate --gold`."""
    from tealeaves import corrections, store

    con = store.connect(load_settings(db=db).db, read_only=True)
    try:
        n = corrections.export_gold(con, output)
    finally:
        con.close()
    click.echo(f"wrote {n} items -> {output}")


@click.group("confidence")
def confidence_group() -> None:
    """The model that scores each event's confidence."""


@confidence_group.command("fit")
@click.option("--gold", "gold", multiple=True, required=True, help="Event gold file(s) in the docs/annotation.md format (repeatable).")
@click.option("--corpus", default=None, help="JSON Lines corpus holding the text of gold items that carry only ids.")
@click.option("-o", "--output", required=True, help="Model file to write (.json); set confidence_model to it to use it.")
@click.option("--all-items", is_flag=True, help="Fit on every item (default: the tuning half; the check half is reported).")
def confidence_fit_cmd(gold: tuple[str, ...], corpus: str | None, output: str, all_items: bool) -> None:
    """Refit the confidence model on gold files (e.g. your exported corrections); the shipped model stays the default."""
    from tealeaves.calibration import refit

    if not output.endswith(".json"):
        raise click.BadParameter("the model file must end in .json", param_hint="-o")
    model, report = refit(list(gold), output, corpus, all_items, load_settings(), say=lambda s: click.echo(s, err=True))
    click.echo(report)
    click.echo(f"wrote {model.name} -> {output}")
