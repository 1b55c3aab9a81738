"""The REST API, version 1: one NinjaAPI with token and session auth and problem+json errors."""

from __future__ import annotations

from typing import Any

from ninja import NinjaAPI

from sprida.api import problems
from sprida.api.auth import AUTH
from sprida.api.docs import VendoredSwagger
from sprida.api.endpoints import decisions, documents, effects, grants, organisations, public

DESCRIPTION = """\
Sprida's data for the state efficiency grants (SFS 2024:1102): organisations, programmes,
applications, measures, decisions per measure, payouts and deadlines, with the effects
and reports built on them.

**Sign in** with a personal API token (`Authorization: Bearer sprida_…`, created on the
token page) or with the browser session. A token sees and changes exactly what its user may.
`/public/…` needs no sign-in: it is the open data.

**Lists** take `limit` (at most 500) and `offset`, filters named per list, and `ordering`.
Money is whole Swedish kronor in fields ending `_sek`; dates are ISO 8601.

**Errors** are `application/problem+json` (RFC 9457) with `type`, `title`, `status`,
`detail` (English), a stable `code` and, for invalid input, `errors` per field.
"""


class SpridaAPI(NinjaAPI):
    def get_openapi_schema(self, **kwargs: Any) -> Any:
        schema = super().get_openapi_schema(**kwargs)
        # Errors are problem+json; say so, so clients and schema checks know the media type.
        for operations in schema.get("paths", {}).values():
            for operation in operations.values():
                for status, response in operation.get("responses", {}).items():
                    content = response.get("content", {})
                    if int(status) >= 400 and "application/json" in content:
                        response["content"] = {
                            problems.PROBLEM_CONTENT_TYPE: content["application/json"]
                        }
        return schema


def build_api() -> SpridaAPI:
    api = SpridaAPI(
        title="Sprida API",
        version="1",
        description=DESCRIPTION,
        auth=AUTH,
        urls_namespace="api:v1",
        docs=VendoredSwagger(),
        docs_url="/docs",
        openapi_url="/openapi.json",
    )
    problems.install(api)
    api.add_router("/", organisations.router)
    api.add_router("/", grants.router)
    api.add_router("/", decisions.router)
    api.add_router("/", effects.router)
    api.add_router("/", documents.router)
    api.add_router("/public/", public.router)
    return api


api = build_api()
