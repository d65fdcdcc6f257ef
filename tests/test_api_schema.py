"""Schemathesis against the OpenAPI schema: generated requests to every endpoint (writes included,
with and without the token) never get a server error, and answers match their documented schema."""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

pytestmark = pytest.mark.slow


@pytest.fixture()
def api_schema(monkeypatch: Any) -> Any:
    from helpers import build_store

    from tealeaves import pipeline, store
    from tealeaves.serve import create_app

    def store_documents(docs: Any, con: Any, settings: Any = None, report: Any = None, **_: Any) -> Any:
        return pipeline.IngestReport(ingested=len(list(docs)))  # no spaCy: the API layer is under test

    monkeypatch.setattr(pipeline, "store_documents", store_documents)
    con = store.connect(":memory:")
    build_store(con)
    return schemathesis.openapi.from_asgi("/openapi.json", create_app(con, token="schema-token"))


schema = schemathesis.pytest.from_fixture("api_schema")


CHECKS = [not_a_server_error, response_schema_conformance]
# schemathesis gives each in-process request 10 s, which a loaded machine can overrun on a
# perfectly good answer; the work per request is bounded by the API itself (test_api_limits.py),
# so the wall clock has no say here: the limit only stops a hang
NO_CLOCK = 600


@schema.parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_server_errors_without_token(case: Any) -> None:
    case.call_and_validate(checks=CHECKS, timeout=NO_CLOCK)


@schema.parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_server_errors_with_token(case: Any) -> None:
    case.call_and_validate(headers={"Authorization": "Bearer schema-token"}, checks=CHECKS, timeout=NO_CLOCK)
