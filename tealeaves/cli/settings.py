"""The settings command: every setting with its value now, its default and what it does."""

from __future__ import annotations

import click


@click.command("settings")
def settings_cmd() -> None:
    """Show every setting: its value now (defaults, then TEALEAVES_<NAME> environment variables), its default and its help."""
    from tealeaves.settings import current

    for s, value in current():
        shown = ",".join(value) if isinstance(value, tuple) else value
        changed = "" if value == s.default else f"  (default {s.default!r}, from {s.env})"
        click.echo(f"{s.name} = {shown!r}{changed}")
        click.echo(f"    {s.help}")
