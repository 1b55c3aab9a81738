"""Small helpers the endpoint modules share."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse

from sprida.api.problems import ApiProblem
from sprida.core.versioning import VERSION_FIELD, etag, versions_in


def user_of(request: HttpRequest) -> Any:
    """The user the request acts as: the token's owner or the session's user."""
    return getattr(request, "auth", None) or request.user


def with_etag(response: HttpResponse, obj: Any) -> Any:
    """Send the record's entity tag (its row version) with the answer; return the record."""
    response["ETag"] = etag(obj)
    return obj


def if_match(request: HttpRequest, obj: Any) -> int | None:
    """The row version a write must start from, from the request's If-Match header.

    Without the header: None, no precondition (as before entity tags existed). With it, the
    record's current tag must be among those sent (`*` matches any), else 412. The service then
    claims the next version from exactly that one, so a save in between is refused as well.
    """
    header = request.headers.get("If-Match")
    if header is None:
        return None
    current = getattr(obj, VERSION_FIELD)
    versions = versions_in(header)
    if versions is None or current in versions:
        return int(current)
    raise precondition_failed(type(obj), current)


def precondition_failed(model: Any, current: int | None) -> ApiProblem:
    name = model.__name__.lower()
    if current is None:
        detail = f"The {name} was removed after you read it."
        return ApiProblem(412, "precondition_failed", detail)
    detail = (
        f"The {name} was changed after you read it: it is now at version {current}. "
        "GET it again, apply your change to what is saved now and send it with the new ETag "
        "in If-Match."
    )
    problem = ApiProblem(412, "precondition_failed", detail)
    problem.headers = {"ETag": f'"v{current}"'}
    return problem
