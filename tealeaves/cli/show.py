"""Terminal output shared by commands: rich tables and JSON."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

import click


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


def events_table(rows: Sequence[dict[str, Any]], title: str | None = None) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title or f"{len(rows)} events", show_lines=False)
    for col in ("date", "source", "cameo", "target", "modality", "outlet", "evidence"):
        table.add_column(col, overflow="fold")
    for r in rows:
        s, e = r.get("evidence_start"), r.get("evidence_end")
        text = r.get("text") or ""
        table.add_row(
            str(r.get("date") or "-"),
            _actor(r.get("source_code"), r.get("source_text")),
            f"{r.get('cameo')}",
            _actor(r.get("target_code"), r.get("target_text")),
            str(r.get("modality")),
            str(r.get("cited_outlet") or "-"),
            (text[:110] + "…") if len(text) > 110 else text,
        )
        del s, e
    Console().print(table)


def dyad_summary(con: Any, limit: int = 20) -> None:
    """Per-dyad counts by quad class and the mean Goldstein score."""
    from rich.console import Console
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
    Console().print(table)
