"""Who is calling: a personal API token (Bearer) or the browser session (with CSRF)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from ninja.errors import AuthenticationError
from ninja.security import HttpBearer
from ninja.security.session import SessionAuth

from sprida.api.services import token_authenticate


class InvalidToken(AuthenticationError):
    code = "invalid_token"

    def __init__(self) -> None:
        super().__init__(401, "The API token is unknown or has been revoked.")


class TokenAuth(HttpBearer):
    """`Authorization: Bearer sprida_…`. A token that was sent but is not valid is refused at
    once, rather than falling back to the session, so a revoked token never half-works."""

    def authenticate(self, request: HttpRequest, token: str) -> Any | None:
        user = token_authenticate(raw=token.strip())
        if user is None:
            raise InvalidToken()
        request.user = user
        return user


class BrowserSession(SessionAuth):
    """Django's session with CSRF on writes; skipped when there is no session cookie, so a
    token-less script gets 401 rather than a CSRF failure."""

    def __call__(self, request: HttpRequest) -> Any | None:
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return None
        return super().__call__(request)

    def authenticate(self, request: HttpRequest, key: str | None) -> Any | None:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.is_active:
            return user
        return None


token_auth = TokenAuth()
session_auth = BrowserSession(csrf=True)
AUTH = [token_auth, session_auth]
