"""Small helpers the endpoint modules share."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest


def user_of(request: HttpRequest) -> Any:
    """The user the request acts as: the token's owner or the session's user."""
    return getattr(request, "auth", None) or request.user
