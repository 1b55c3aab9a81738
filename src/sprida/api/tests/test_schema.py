"""Property-based checks of the whole API against its own OpenAPI schema (schemathesis).

Every operation gets a bounded number of generated requests, valid and invalid, sent with a
real token (and without one for the open data): no 5xx, and no answer that breaks the schema
(status codes, media types, bodies, headers).
"""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from sprida.api.api import api as ninja_api

schema = schemathesis.openapi.from_dict(ninja_api.get_openapi_schema())
schema.app = get_wsgi_application()

EXAMPLES = 12
# Business rules refuse some schema-valid input on purpose (an unknown organisation slug,
# amounts that do not add up), with 422 and the reason; every other check applies.
EXCLUDED = [positive_data_acceptance]
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)


@pytest.fixture(autouse=True)
def _keep_test_connection() -> Any:
    """Like Django's test client: the WSGI app must not close the test's database connection
    (which holds the test transaction) at the end of each request."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def editor_token(token_for: Any, grants: dict[str, Any]) -> str:
    return str(token_for("editor"))


private = schema.exclude(path_regex="^/api/v1/public/")
public = schema.include(path_regex="^/api/v1/public/")


@private.parametrize()
@FUZZ
def test_private_endpoints_keep_to_the_schema(case: Any, editor_token: str) -> None:
    case.call_and_validate(
        headers={"Authorization": f"Bearer {editor_token}"}, excluded_checks=EXCLUDED
    )


@public.parametrize()
@FUZZ
def test_open_data_keeps_to_the_schema(case: Any, grants: dict[str, Any]) -> None:
    case.call_and_validate(excluded_checks=EXCLUDED)
