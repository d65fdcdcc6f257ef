"""Actor commands: add an entry to the user's actor file, and show how a string resolves."""

from __future__ import annotations

import click

from tealeaves.settings import load_settings


@click.group("actors")
def actors_group() -> None:
    """Read and extend the actor knowledge base (countries, organizations, people with dated roles)."""


@actors_group.command("add")
@click.argument("name")
@click.option("--country", required=True, help="ISO3 code (RUS) or organization code (IGOUNO).")
@click.option("--sector", default=None, help="Sector code: GOV, MIL, REB, OPP, COP, JUD, ... (none for the state itself).")
@click.option("--from", "start", default=None, help="First day of the role (YYYY-MM-DD).")
@click.option("--to", "end", default=None, help="Day the role ended (YYYY-MM-DD); leave out if ongoing.")
@click.option("--alias", "aliases", multiple=True, help="Another way the name is written (repeatable).")
def add_cmd(name: str, country: str, sector: str | None, start: str | None, end: str | None, aliases: tuple[str, ...]) -> None:
    """Add NAME to your actor file; it overrides the package data for that name."""
    from tealeaves.actors.resolve import reset_cache
    from tealeaves.actors.kb import write_user_entry

    settings = load_settings()
    row = write_user_entry(settings.user_actors_path, name, country, sector, start, end, aliases)
    reset_cache()
    span = f" from {row['start'] or '…'} to {row['end'] or 'now'}" if row["start"] or row["end"] else ""
    click.echo(f"{row['name']} -> {row['country']}{row['sector']}{span}  (written to {settings.user_actors_path})")


@actors_group.command("lookup")
@click.argument("text")
@click.option("--date", default=None, help="Article date (YYYY-MM-DD): roles are resolved as of this day.")
def lookup_cmd(text: str, date: str | None) -> None:
    """Show how TEXT resolves to actor codes, and why."""
    from tealeaves.pipeline import lookup_actor

    result = lookup_actor(text, date, load_settings())
    for m in result.mentions:
        click.echo(f"{m.text!r:40} {m.code or '(unresolved)':12} {m.rule}" + (f"  [{m.name}]" if m.name else ""))
    if not result.mentions:
        click.echo("(no actor)")
    for line in result.explanation:
        click.echo(f"  - {line}")
