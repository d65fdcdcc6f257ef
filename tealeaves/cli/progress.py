"""A rich progress display for long ingests, shown only when stderr is a terminal."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import click


@dataclass
class Progress:
    """``update(report)`` moves the display on; ``echo(line)`` prints a line to stderr above it."""

    update: Callable[[Any], None] | None
    echo: Callable[[str], None]


@contextmanager
def ingest_progress(label: str = "ingesting", enabled: bool | None = None) -> Iterator[Progress]:
    if enabled is None:
        enabled = sys.stderr.isatty()
    if not enabled:
        yield Progress(None, lambda line: click.echo(line, err=True))
        return
    from rich.console import Console
    from rich.progress import Progress as Bar
    from rich.progress import SpinnerColumn, TextColumn, TimeElapsedColumn

    console = Console(stderr=True)
    with Bar(SpinnerColumn(), TextColumn("[bold]{task.description}"), TextColumn("{task.fields[counts]}"),
             TimeElapsedColumn(), console=console, transient=True) as bar:
        task = bar.add_task(label, counts="")

        def update(report: Any) -> None:
            bar.update(task, counts=f"read {report.read}, stored {report.ingested}, skipped {report.skipped}, failed {report.failed}")

        yield Progress(update, lambda line: console.print(line, markup=False, highlight=False))
