"""Writes of the api app: creating, using and revoking personal API tokens."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sprida.api.models import PREFIX_LENGTH, TOKEN_SCHEME, ApiToken
from sprida.core.access import author

# Writing last_used_at on every request would turn reads into writes; once a minute is enough.
LAST_USED_RESOLUTION_SECONDS = 60
MAX_ACTIVE_TOKENS = 20


class TokenError(Exception):
    """A token could not be created or revoked; the message says why, for the person."""


def token_hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def _new_raw() -> tuple[str, str]:
    prefix = secrets.token_hex(PREFIX_LENGTH // 2)
    return prefix, f"{TOKEN_SCHEME}_{prefix}_{secrets.token_urlsafe(32)}"


def token_create(*, by: Any, name: str) -> tuple[ApiToken, str]:
    """A new token for `by`; the raw value is returned once and never stored."""
    name = name.strip()
    if not name:
        raise TokenError(_("Ge nyckeln ett namn, t.ex. vad den ska användas till."))
    active = ApiToken.objects.filter(user=by, revoked_at__isnull=True).count()
    if active >= MAX_ACTIVE_TOKENS:
        raise TokenError(
            _("Du har redan %(count)s aktiva nycklar. Återkalla någon innan du skapar en ny.")
            % {"count": active}
        )
    for _attempt in range(5):
        prefix, raw = _new_raw()
        try:
            with transaction.atomic():
                token = ApiToken(user=by, name=name[:100], prefix=prefix, key_hash=token_hash(raw))
                token._history_user = author(by)  # type: ignore[attr-defined]
                token.save()
            return token, raw
        except IntegrityError:
            continue  # a prefix collision is rare; draw again
    raise TokenError(_("Nyckeln kunde inte skapas. Försök igen."))


def token_revoke(*, by: Any, token: ApiToken) -> ApiToken:
    """Revoke at once: the next request with it is refused."""
    if token.user_id != by.pk and not by.is_superuser:
        raise TokenError(_("Du kan bara återkalla dina egna nycklar."))
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token._history_user = author(by)  # type: ignore[attr-defined]
        token.save(update_fields=["revoked_at"])
    return token


def token_authenticate(*, raw: str) -> Any | None:
    """The active user behind a raw token, or None. Marks the token as used."""
    start = f"{TOKEN_SCHEME}_"
    if not raw.startswith(start) or len(raw) > 200:
        return None
    prefix = raw[len(start) : len(start) + PREFIX_LENGTH]
    token = (
        ApiToken.objects.select_related("user")
        .filter(prefix=prefix, revoked_at__isnull=True)
        .first()
    )
    if token is None or not hmac.compare_digest(token.key_hash, token_hash(raw)):
        return None
    if not token.user.is_active:
        return None
    now = timezone.now()
    last = token.last_used_at
    if last is None or (now - last).total_seconds() >= LAST_USED_RESOLUTION_SECONDS:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user
