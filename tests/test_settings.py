"""Settings: defaults, environment overrides, clear errors."""

from __future__ import annotations

import pytest

from tealeaves.errors import InputError
from tealeaves.settings import SETTINGS, Settings, load_settings


def test_every_setting_has_help_and_matches_the_defaults() -> None:
    defaults = Settings()
    for s in SETTINGS:
        assert s.help
        assert getattr(defaults, s.name) == s.default


def test_environment_overrides_and_explicit_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TEALEAVES_PREFILTER", "false")
    monkeypatch.setenv("TEALEAVES_BATCH_SIZE", "16")
    s = load_settings(db="x.duckdb")
    assert s.prefilter is False and s.batch_size == 16 and s.db == "x.duckdb"
    assert load_settings(batch_size=8).batch_size == 8


def test_bad_environment_value_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TEALEAVES_WORKERS", "two")
    with pytest.raises(InputError, match="TEALEAVES_WORKERS"):
        load_settings()
