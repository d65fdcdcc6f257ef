"""Cheap in-process fixtures: an in-memory store, the CLI runner, the loaded model (once per session)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import settings as hypothesis_settings

# property-based tests draw the same examples on every run, so a run never differs from the last
# by chance; `pytest --hypothesis-profile=explore` draws fresh ones when hunting for bugs
hypothesis_settings.register_profile("repeatable", derandomize=True, database=None)
hypothesis_settings.register_profile("explore", derandomize=False)
hypothesis_settings.load_profile("repeatable")


@pytest.fixture(scope="session")
def nlp() -> Any:
    from tealeaves.nlp import load_model

    return load_model()


@pytest.fixture()
def con() -> Iterator[Any]:
    from tealeaves import store

    c = store.connect(":memory:")
    yield c
    c.close()


@pytest.fixture()
def runner() -> Any:
    from click.testing import CliRunner

    return CliRunner()


@pytest.fixture(scope="session")
def code() -> Any:
    """``code(text, date=...)`` -> list of Events, through the whole pipeline."""
    from tealeaves import code_text

    def _code(text: str, date: str | None = "2016-10-04", outlet: str | None = None) -> list[Any]:
        return code_text(text, date=date, outlet=outlet)

    return _code


class _NoActors:
    def resolve_document(self, cdoc: Any, sentences: Any) -> dict[int, tuple[Any, ...]]:
        return {}


@pytest.fixture()
def no_actors(monkeypatch: pytest.MonkeyPatch) -> None:
    """For tests about fetching and storing, not coding: no actor tables, so no events."""
    from tealeaves import pipeline

    monkeypatch.setattr(pipeline, "_resolver", lambda settings: _NoActors())


@pytest.fixture(scope="module")
def resolver(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """An actor resolver with an empty user actor file of its own."""
    from tealeaves.actors.resolve import ActorResolver
    from tealeaves.settings import Settings

    return ActorResolver(Settings(user_actors=str(tmp_path_factory.mktemp("home") / "actors.csv")))
