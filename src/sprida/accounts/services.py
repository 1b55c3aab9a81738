"""Writes for one's own two-factor sign-in: set up an authenticator app, check a code, renew the
recovery codes, turn it off. Each acts only on the devices of the user it is given.

An authenticator app is a django-otp TOTPDevice (unconfirmed until a first code matches);
the recovery codes are the tokens of one StaticDevice, each deleted as it is used.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

logger = logging.getLogger(__name__)

RECOVERY_CODE_COUNT = 10
APP_DEVICE_NAME = _("Autentiseringsapp")
RECOVERY_DEVICE_NAME = _("Reservkoder")


@dataclass(frozen=True)
class CodeCheck:
    """The outcome of checking a code: the device that took it, or how long to wait."""

    device: Device | None = None
    wait_until: datetime | None = None

    @property
    def is_recovery_code(self) -> bool:
        return isinstance(self.device, StaticDevice)


def normalise_code(raw: str) -> str:
    """Codes as people type them: spaces and dashes dropped, letters in lower case."""
    return "".join(ch for ch in raw if ch not in " -\t").lower()


def _is_app_code(code: str) -> bool:
    return code.isdigit() and len(code) in (6, 8)


def _throttled_until(device: Device) -> datetime | None:
    """When a device refuses every code after earlier wrong ones (None: it checks now)."""
    allowed, info = device.verify_is_allowed()
    if allowed:
        return None
    return (info or {}).get("locked_until") or timezone.now()


def second_factor_check(*, user: Any, code: str) -> CodeCheck:
    """Check a code from the user's app, or one of their recovery codes (used up if it matches).

    Six digits go to the app, anything else to the recovery codes, so a mistyped code of one
    kind never slows down the other. Devices are locked for the check, so one code cannot be
    used twice at once."""
    code = normalise_code(code)
    model: type[Device] = TOTPDevice if _is_app_code(code) else StaticDevice
    with transaction.atomic():
        devices = model.objects.filter(user=user, confirmed=True).select_for_update()
        wait: datetime | None = None
        for device in devices.order_by("pk"):
            throttled = _throttled_until(device)
            if throttled is not None:
                wait = wait or throttled
            elif device.verify_token(code):
                return CodeCheck(device=device)
    return CodeCheck(wait_until=wait)


def totp_device_start(*, user: Any) -> TOTPDevice:
    """The user's authenticator app being set up: the same secret until it is confirmed."""
    with transaction.atomic():
        device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
        if device is None:
            device = TOTPDevice.objects.create(
                user=user, name=str(APP_DEVICE_NAME), confirmed=False
            )
    return device


def totp_device_confirm(*, user: Any, code: str) -> list[str] | None:
    """Turn two-factor sign-in on once a code from the app being set up matches.

    Returns the new recovery codes (to be shown once), or None when the code does not match."""
    code = normalise_code(code)
    with transaction.atomic():
        device = (
            TOTPDevice.objects.select_for_update()
            .filter(user=user, confirmed=False)
            .order_by("pk")
            .first()
        )
        if device is None or not _is_app_code(code) or not device.verify_token(code):
            return None
        TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        codes = _recovery_codes_replace(user)
    logger.info("Two-factor sign-in turned on for user %s", user.pk)
    return codes


def recovery_codes_renew(*, user: Any) -> list[str]:
    """New recovery codes; the old ones stop working."""
    with transaction.atomic():
        codes = _recovery_codes_replace(user)
    logger.info("Recovery codes renewed for user %s", user.pk)
    return codes


def two_factor_disable(*, user: Any) -> None:
    """Remove the user's app and recovery codes: sign-in asks for the password only."""
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        StaticDevice.objects.filter(user=user).delete()
    logger.info("Two-factor sign-in turned off for user %s", user.pk)


def _recovery_codes_replace(user: Any) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=str(RECOVERY_DEVICE_NAME), confirmed=True)
    codes: set[str] = set()
    while len(codes) < RECOVERY_CODE_COUNT:
        codes.add(StaticToken.random_token())
    StaticToken.objects.bulk_create(StaticToken(device=device, token=c) for c in sorted(codes))
    return sorted(codes)
