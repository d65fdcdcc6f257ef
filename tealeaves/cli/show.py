"""Terminal output shared by commands: rich tables and JSON."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

import click

from tealeaves.errors import DataError

MIN_CONFIDENCE = click.option("--min-confidence", "min_confidence", type=click.FloatRange(0.0, 1.0), default=None,
                              help="Leave out events scored below this confidence (0-1; default: the min_confidence setting).")


def _default(o: Any) -> Any:
    if isinstance(o, (dt.date, dt.datetime)):
        return o.isoformat()
    return str(o)


def print_json(data: Any) -> None:
    click.echo(json.dumps(data, indent=2, default=_default, ensure_ascii=False))


def _actor(code: Any, text: Any) -> str:
    if code:
        return str(code)
    return f"({text})" if text else "-"


def console() -> Any:
    """A rich console that is wide enough for event tables even when output is piped."""
    from rich.console import Console

    c = Console()
    if not c.is_terminal:
        c = Console(width=160)
    return c


def _cameo_name(code: str | None) -> str:
    from tealeaves import ontology

    if not code:
        return "-"
    try:
        return f"{code} {ontology.lookup(code).name}"
    except DataError:  # an unknown code in an old store still displays
        return code


def events_table(rows: Sequence[dict[str, Any]], title: str | None = None) -> None:
    from rich.table import Table

    table = Table(title=title or f"{len(rows)} events", show_lines=False)
    table.add_column("date", no_wrap=True)
    table.add_column("source", no_wrap=True)
    table.add_column("event", max_width=34)
    table.add_column("target", no_wrap=True)
    table.add_column("modality", no_wrap=True)
    table.add_column("cited", no_wrap=True)
    table.add_column("conf", no_wrap=True)
    table.add_column("sentence", ratio=1)
    for r in rows:
        text = r.get("text") or ""
        table.add_row(
            str(r.get("date") or "-"),
            _actor(r.get("source_code"), r.get("source_text")),
            _cameo_name(r.get("cameo")),
            _actor(r.get("target_code"), r.get("target_text")),
            str(r.get("modality")),
            str(r.get("cited_outlet") or "-"),
            f"{r['confidence']:.2f}" if r.get("confidence") is not None else "-",
            (text[:150] + "…") if len(text) > 150 else text,
        )
    console().print(table)


def dyad_summary(con: Any, limit: int = 20) -> None:
    """Per-dyad counts by quad class and the mean Goldstein score."""
    from rich.table import Table

    rows = con.execute(
        """
        SELECT least(left(source_code, 3), left(target_code, 3)) AS a,
               greatest(left(source_code, 3), left(target_code, 3)) AS b,
               count(*) AS n,
               count(*) FILTER (WHERE quad = 1) AS q1, count(*) FILTER (WHERE quad = 2) AS q2,
               count(*) FILTER (WHERE quad = 3) AS q3, count(*) FILTER (WHERE quad = 4) AS q4,
               round(avg(goldstein), 2) AS mean_goldstein
        FROM events
        WHERE target_code IS NOT NULL AND modality IN ('asserted', 'reported')
          AND left(source_code, 3) <> left(target_code, 3)
        GROUP BY 1, 2 ORDER BY n DESC LIMIT ?
        """,
        [limit],
    ).fetchall()
    table = Table(title="dyads (asserted and reported events)")
    for col in ("dyad", "events", "verbal coop", "material coop", "verbal conflict", "material conflict", "mean Goldstein"):
        table.add_column(col)
    for a, b, n, q1, q2, q3, q4, g in rows:
        table.add_row(f"{a}-{b}", str(n), str(q1), str(q2), str(q3), str(q4), str(g))
    console().print(table)
