"""Coding commands: explain one sentence, evaluate the coder on the gold files."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from tealeaves.settings import load_settings

DEFAULT_GOLD = "../shared/data/gold"


@click.command("explain")
@click.argument("sentence")
@click.option("--date", default=None, help="Article date (YYYY-MM-DD) to resolve 'yesterday', 'on Tuesday' ...")
def explain_cmd(sentence: str, date: str | None) -> None:
    """Show how a sentence is coded: parse, actors, the pattern that fired, modality, and near misses."""
    from tealeaves.explain import explain, render

    click.echo(render(explain(sentence, date=date, settings=load_settings())))


def _show_confidence(details: dict[str, Any] | None, plot_path: str | None) -> None:
    """The reliability table of the check half and, when asked, the threshold curve as an image."""
    from tealeaves import calibration

    half = next((h for h in ("check", "tune") if details and h in details), None)
    if details is None or half is None:
        if plot_path:
            click.echo("no event gold scored: nothing to plot (pass an event gold file, or --wire)", err=True)
        return
    click.echo(f"\nreliability of the confidence, {half} half of the event gold:")
    click.echo(calibration.render_reliability(details[half]["reliability"]))
    if plot_path:
        out = calibration.plot_curve(details[half]["curve"], plot_path, f"confidence threshold, {half} half of the event gold",
                                     details.get("threshold"))
        click.echo(f"wrote {out}")


@click.command("evaluate")
@click.option("--gold", default=DEFAULT_GOLD, show_default=True,
              help="Folder with the shared gold files, or one event gold file in the docs/annotation.md format.")
@click.option("--wire", default=None, help="Also score this event gold file (e.g. evaluation/wire-2004/gold.jsonl).")
@click.option("--corpus", default=None, help="JSON Lines corpus holding the text of gold items that carry only ids.")
@click.option("--report", "report_path", default=None, help="Write the full JSON report here.")
@click.option("--floors", default=None, help="JSON file of figure -> {min|max}; exit 1 if any is crossed.")
@click.option("--plot", "plot_path", default=None, help="Draw precision and recall against the confidence threshold (check half) to this image.")
def evaluate_cmd(gold: str, wire: str | None, corpus: str | None, report_path: str | None, floors: str | None,
                 plot_path: str | None = None) -> None:
    """Score the event coder on the gold files (ConfliBERT, PETR-2, IndiaPoliceEvents, BBC off-topic, wire news)."""
    from tealeaves import evaluate as ev

    if Path(gold).is_file():
        report = ev.evaluate_file(gold, corpus, load_settings())
    elif not Path(gold).is_dir():
        click.echo(f"no gold data at {gold}: the evaluation needs the shared folder (../shared/data/gold); nothing scored", err=True)
        sys.exit(0 if gold == DEFAULT_GOLD else 1)
    else:
        report = ev.evaluate(gold, load_settings(), progress=lambda s: click.echo(s, err=True), wire=wire, corpus=corpus)
    for name, value in report.figures.items():
        click.echo(f"{name:50s} {value}")
    for note in report.notes:
        click.echo(f"note: {note}")
    _show_confidence(report.details.get("confidence"), plot_path)
    if report_path:
        Path(report_path).write_text(json.dumps(report.to_json(), indent=2, ensure_ascii=False), encoding="utf-8")
        click.echo(f"report written to {report_path}")
    if floors:
        failures = ev.check_floors(report, ev.load_floors(floors))
        for f in failures:
            click.echo(f"FAIL {f}", err=True)
        if failures:
            sys.exit(1)
        click.echo(f"all figures within {floors}")
