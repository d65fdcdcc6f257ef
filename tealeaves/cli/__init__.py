"""The ``tealeaves`` command line: a thin layer over the library.

Each command group lives in its own module and is loaded only when used, so ``tealeaves --help``
stays fast. Library errors (``TealeavesError``) become one clean line on stderr and exit code 1.
"""

from __future__ import annotations

import importlib
import logging
import sys
from typing import Any

import click

from tealeaves.errors import TealeavesError

# command name -> "module:attribute"; a module that is not there yet is simply not offered
COMMANDS: dict[str, str] = {
    "ingest": "tealeaves.cli.core:ingest_cmd",
    "code": "tealeaves.cli.core:code_cmd",
    "events": "tealeaves.cli.core:events_cmd",
    "stats": "tealeaves.cli.core:stats_cmd",
    "demo": "tealeaves.cli.core:demo_cmd",
    "actors": "tealeaves.cli.actors:actors_group",
    "explain": "tealeaves.cli.coding:explain_cmd",
    "evaluate": "tealeaves.cli.coding:evaluate_cmd",
    "dyad": "tealeaves.cli.readout:dyad_cmd",
    "export": "tealeaves.cli.readout:export_cmd",
    "plot": "tealeaves.cli.readout:plot_group",
    "cluster": "tealeaves.cli.readout:cluster_cmd",
    "serve": "tealeaves.cli.serve:serve_cmd",
    "watch": "tealeaves.cli.watch:watch_cmd",
    "run": "tealeaves.cli.scale:run_cmd",
    "settings": "tealeaves.cli.settings:settings_cmd",
    "corrections": "tealeaves.cli.review:corrections_group",
    "confidence": "tealeaves.cli.review:confidence_group",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return [name for name in COMMANDS if self._load(name) is not None]

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        return self._load(name)

    @staticmethod
    def _load(name: str) -> click.Command | None:
        target = COMMANDS.get(name)
        if target is None:
            return None
        module, attr = target.split(":")
        try:
            mod = importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name and exc.name.startswith("tealeaves"):
                return None
            raise
        cmd = getattr(mod, attr, None)
        return cmd if isinstance(cmd, click.Command) else None

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except TealeavesError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(1)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("tealeaves")
    except PackageNotFoundError:
        return "unknown"


@click.group(cls=LazyGroup)
@click.version_option(version=_version(), prog_name="tealeaves")
@click.option("-v", "--verbose", count=True, help="More log output (-v info, -vv debug).")
def main(verbose: int) -> None:
    """tealeaves reads news and turns it into political event data: who did what to whom, when,
    where, how sure the text is, and according to whom."""
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
