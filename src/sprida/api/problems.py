"""One error format for the whole API: problem details (RFC 9457) with a stable `code`.

Every failure — unknown URL, wrong method, missing or bad token, forbidden, not found,
invalid input, refused by a business rule, or a crash — answers with
`application/problem+json`: `type`, `title`, `status`, `detail` (English) and `code`.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from django.conf import settings
from django.core.exceptions import (
    PermissionDenied,
    RequestDataTooBig,
    SuspiciousOperation,
    TooManyFilesSent,
)
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import translation
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from pydantic import Field

from sprida.core.versioning import VERSION_FIELD, StaleEditError

logger = logging.getLogger(__name__)

PROBLEM_CONTENT_TYPE = "application/problem+json"
TYPE_BASE = "https://sprida.se/problems/"  # identifies the problem kind; not fetched

TITLES = {
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
    409: "Conflict",
    412: "Precondition Failed",
    413: "Content Too Large",
    415: "Unsupported Media Type",
    422: "Unprocessable Content",
    429: "Too Many Requests",
    500: "Internal Server Error",
}

DEFAULT_CODES = {
    400: "bad_request",
    401: "not_authenticated",
    403: "permission_denied",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    412: "precondition_failed",
    413: "too_large",
    415: "unsupported_media_type",
    422: "validation_error",
    429: "throttled",
    500: "server_error",
}


class FieldError(Schema):
    field: str = Field(description="Where the error is, e.g. `query.limit` or `body.title`.")
    message: str


class Problem(Schema):
    """Problem details (RFC 9457)."""

    type: str = Field(description="A URI naming the kind of problem.")
    title: str = Field(description="Short summary of the kind of problem.")
    status: int
    detail: str = Field(description="What went wrong this time, in English.")
    code: str = Field(description="Stable machine-readable code, e.g. `not_found`.")
    errors: list[FieldError] = Field(default_factory=list)


class ApiProblem(Exception):
    """Raise from an endpoint to answer with a problem of the given status and code."""

    def __init__(
        self, status: int, code: str, detail: str, errors: list[dict[str, str]] | None = None
    ) -> None:
        super().__init__(detail)
        self.status, self.code, self.detail = status, code, detail
        self.errors = errors or []
        self.headers: dict[str, str] = {}


def problem_data(
    status: int, detail: str, *, code: str | None = None, errors: list[dict[str, str]] | None = None
) -> dict[str, Any]:
    """A problem's members, for a response of its own or inside a batch's results."""
    code = code or DEFAULT_CODES.get(status, "error")
    return {
        "type": TYPE_BASE + code.replace("_", "-"),
        "title": TITLES.get(status, "Error"),
        "status": status,
        "detail": detail,
        "code": code,
        "errors": errors or [],
    }


def problem_response(
    status: int,
    detail: str,
    *,
    code: str | None = None,
    errors: list[dict[str, str]] | None = None,
    headers: dict[str, str] | None = None,
) -> HttpResponse:
    body = problem_data(status, detail, code=code, errors=errors)
    response = HttpResponse(
        json.dumps(body, ensure_ascii=False),
        status=status,
        content_type=PROBLEM_CONTENT_TYPE,
    )
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def _in_english(message: Any) -> str:
    with translation.override("en"):
        return str(message)


def _location(loc: Any) -> str:
    parts = [str(part) for part in loc] if isinstance(loc, list | tuple) else [str(loc)]
    if parts[:2] == ["body", "body"]:
        parts = parts[1:]  # ninja adds the parameter's name; every body parameter is `body`
    return ".".join(parts)


def django_validation_errors(exc: DjangoValidationError) -> list[dict[str, str]]:
    errors: list[dict[str, str]] = []
    if hasattr(exc, "error_dict"):
        for field, field_errors in exc.error_dict.items():
            for error in field_errors:
                for message in error.messages:
                    errors.append({"field": f"body.{field}", "message": _in_english(message)})
    else:
        for message in exc.messages:
            errors.append({"field": "", "message": _in_english(message)})
    return errors


def on_validation_error(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
    errors = [
        {
            "field": _location(err.get("loc", "")),
            "message": str(err.get("msg", "")).removeprefix("Value error, "),
        }
        for err in exc.errors
    ]
    # A body that is not JSON at all is a bad request, not a validation failure.
    if any(err.get("type") == "json_invalid" for err in exc.errors):
        return problem_response(400, "The request body is not valid JSON.", errors=errors)
    summary = "; ".join(f"{e['field']}: {e['message']}" for e in errors[:5])
    return problem_response(422, f"The request is invalid. {summary}".strip(), errors=errors)


def on_django_validation_error(request: HttpRequest, exc: DjangoValidationError) -> HttpResponse:
    errors = django_validation_errors(exc)
    detail = "; ".join(e["message"] for e in errors[:5]) or "The request breaks a rule."
    return problem_response(422, detail, code="rule_violated", errors=errors)


def on_not_found(request: HttpRequest, exc: Exception) -> HttpResponse:
    return problem_response(404, "No such resource, or you may not see it.")


def on_permission_denied(request: HttpRequest, exc: Exception) -> HttpResponse:
    return problem_response(403, "You may see this resource but not change it.")


def on_authentication_error(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    code = getattr(exc, "code", "not_authenticated")
    detail = exc.message if exc.message != "Unauthorized" else "Sign in or send a valid API token."
    return problem_response(
        401, detail, code=code, headers={"WWW-Authenticate": 'Bearer realm="sprida"'}
    )


def on_http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    status = exc.status_code
    code = DEFAULT_CODES.get(status, "error")
    if status == 403 and "CSRF" in exc.message:
        code = "csrf_failed"
    return problem_response(status, exc.message, code=code)


def on_suspicious(request: HttpRequest, exc: SuspiciousOperation) -> HttpResponse:
    """A request Django refuses to parse: too many files or fields, an oversized form body."""
    if isinstance(exc, RequestDataTooBig):
        return problem_response(413, "The request's form fields are too large.")
    if isinstance(exc, TooManyFilesSent):
        limit = settings.DATA_UPLOAD_MAX_NUMBER_FILES
        return problem_response(
            400, f"Too many files in one request; send at most {limit}.", code="too_many_files"
        )
    logger.warning("Refused a suspicious API request: %s", exc)
    return problem_response(400, "The request could not be read.")


def on_api_problem(request: HttpRequest, exc: ApiProblem) -> HttpResponse:
    return problem_response(
        exc.status, exc.detail, code=exc.code, errors=exc.errors, headers=exc.headers
    )


def on_stale_edit(request: HttpRequest, exc: StaleEditError) -> HttpResponse:
    """Saved by someone else between the If-Match check and the write: 412 all the same."""
    from sprida.api.endpoints.common import precondition_failed

    current = getattr(exc.current, VERSION_FIELD, None)
    return on_api_problem(request, precondition_failed(type(exc.current or exc.model), current))


def on_unexpected(request: HttpRequest, exc: Exception) -> HttpResponse:
    logger.exception("API request %s %s failed", request.method, request.path, exc_info=exc)
    return problem_response(500, "Something went wrong on the server. It has been logged.")


def install(api: NinjaAPI) -> None:
    """Register the handlers; ninja picks the most specific class for each exception."""
    handlers: dict[type[Exception], Any] = {
        Exception: on_unexpected,
        HttpError: on_http_error,
        AuthenticationError: on_authentication_error,
        NinjaValidationError: on_validation_error,
        DjangoValidationError: on_django_validation_error,
        Http404: on_not_found,
        PermissionDenied: on_permission_denied,
        SuspiciousOperation: on_suspicious,
        ApiProblem: on_api_problem,
        StaleEditError: on_stale_edit,
    }
    for exc_class, handler in handlers.items():
        api.add_exception_handler(exc_class, handler)


# Documented on every operation, so clients (and the schema checks) know every answer.
ERROR_RESPONSES: dict[int, type[Problem]] = {
    400: Problem,
    401: Problem,
    403: Problem,
    404: Problem,
    422: Problem,
}
# Writes that honour If-Match (and reads that send the ETag it is compared with).
CONDITIONAL_RESPONSES: dict[int, type[Problem]] = {**ERROR_RESPONSES, 412: Problem}
PUBLIC_ERROR_RESPONSES: dict[int, type[Problem]] = {400: Problem, 404: Problem, 422: Problem}
