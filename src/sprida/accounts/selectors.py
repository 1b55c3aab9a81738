"""Reads about one's own account: whether two-factor sign-in is on, and whether it is required.

Every function answers for the user it is given and only about that user's own devices; no
view takes a device from the URL, so no one reaches another person's devices.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from sprida.core.access import holds_wide_power

# The backend a single sign-on session was made by: the region's provider vouches for it.
PROVIDER_BACKEND = "sprida.accounts.oidc.RegionOIDCBackend"


@dataclass(frozen=True)
class TwoFactorStatus:
    enabled: bool
    recovery_codes_left: int
    required: bool
    uses_provider: bool  # signs in through the region's identity provider, not a password


def has_second_factor(*, user: Any) -> bool:
    """Does the user's local sign-in ask for a code (a confirmed authenticator app)?"""
    if not getattr(user, "is_authenticated", False):
        return False
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def second_factor_required(*, user: Any) -> bool:
    """Must this user have two-factor sign-in before reaching any page?"""
    return bool(settings.SPRIDA_REQUIRE_2FA_FOR_STAFF) and holds_wide_power(user)


def recovery_codes_left(*, user: Any) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def two_factor_status(*, user: Any) -> TwoFactorStatus:
    enabled = has_second_factor(user=user)
    return TwoFactorStatus(
        enabled=enabled,
        recovery_codes_left=recovery_codes_left(user=user) if enabled else 0,
        required=second_factor_required(user=user),
        uses_provider=not user.has_usable_password(),
    )
