"""The step between the password and the code: who has given a right password, for a while.

Nobody is signed in until the code matches; the session only remembers which account the
password opened, by which backend, where to go next, and the account's password hash (so a
password changed meanwhile ends the attempt).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.http import HttpRequest

PENDING_KEY = "sprida_second_factor_pending"
PENDING_SECONDS = 10 * 60


@dataclass(frozen=True)
class PendingSignIn:
    user: Any
    backend: str
    next_url: str


def pending_begin(request: HttpRequest, *, user: Any, next_url: str) -> None:
    request.session.cycle_key()
    request.session[PENDING_KEY] = {
        "user": user.pk,
        "backend": user.backend,
        "hash": user.get_session_auth_hash(),
        "next": next_url,
        "since": int(time.time()),
    }


def pending_get(request: HttpRequest) -> PendingSignIn | None:
    """The account waiting for its code, or None (nothing pending, expired, or changed)."""
    data = request.session.get(PENDING_KEY)
    if not isinstance(data, dict):
        return None
    if time.time() - data.get("since", 0) > PENDING_SECONDS:
        pending_end(request)
        return None
    user_pk = data.get("user")
    if user_pk is None:
        return None
    user = get_user_model()._default_manager.filter(pk=user_pk, is_active=True).first()
    if user is None or user.get_session_auth_hash() != data.get("hash"):
        pending_end(request)
        return None
    return PendingSignIn(user=user, backend=data["backend"], next_url=data["next"])


def pending_end(request: HttpRequest) -> None:
    request.session.pop(PENDING_KEY, None)
