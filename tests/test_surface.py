"""The public surface stays honest: every command has help and is in the README; __all__ is exact."""

from __future__ import annotations

from pathlib import Path

import tealeaves
from tealeaves.cli import COMMANDS, LazyGroup, main

ROOT = Path(__file__).resolve().parent.parent


def test_every_command_has_help_and_is_documented(runner) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    names = LazyGroup.list_commands(main, None)  # type: ignore[arg-type]
    assert {"ingest", "code", "events", "stats", "demo"} <= set(names)
    for name in names:
        result = runner.invoke(main, [name, "--help"])
        assert result.exit_code == 0, name
        assert f"tealeaves {name}" in readme, f"`tealeaves {name}` missing from README"


def test_registered_commands_exist() -> None:
    missing = [n for n in COMMANDS if LazyGroup._load(n) is None]
    assert missing == [], f"registered but not implemented: {missing}"


def test_all_lists_public_names() -> None:
    public = {n for n in dir(tealeaves) if not n.startswith("_") and n not in ("annotations", "TYPE_CHECKING", "Any")}
    public -= {"errors", "models", "settings", "pipeline", "ids", "ingest", "clean", "nlp", "store", "events", "actors", "ontology", "cli"}
    assert set(tealeaves.__all__) == {n for n in public if not n.islower() or n == "code_text"} | {"code_text"}
    for name in tealeaves.__all__:
        assert hasattr(tealeaves, name)


def test_import_is_cheap() -> None:
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-c", "import sys, tealeaves; print('spacy' in sys.modules, 'duckdb' in sys.modules)"],
                         capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "False"]
