"""Form fields for Swedish input: amounts in kronor written the way people write them."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from sprida.core.formats import format_thousands

_SPACES = re.compile(r"[\s\u00a0\u2009\u202f]")
_UNIT = re.compile(r"(kronor|kr|sek|:-)$", re.IGNORECASE)


def parse_sek(value: str) -> int:
    """'34 870 000 kr' → 34870000. Whole kronor only; raises ValueError otherwise."""
    text = _UNIT.sub("", _SPACES.sub("", value or "")).rstrip(".")
    if not re.fullmatch(r"-?\d+", text):
        raise ValueError(value)
    return int(text)


class SekField(forms.CharField):
    """An amount in whole kronor; accepts '34 870 000', '34870000 kr' or '34 870 000:-'."""

    default_error_messages = {
        "invalid": _(
            "Skriv beloppet i hela kronor med siffror, t.ex. 34 870 000. Du skrev ”%(value)s”."
        ),
        "negative": _("Beloppet kan inte vara negativt."),
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "numeric"}))
        super().__init__(*args, **kwargs)

    def prepare_value(self, value: Any) -> Any:
        return format_thousands(value) if isinstance(value, int) else value

    def to_python(self, value: Any) -> int | None:  # type: ignore[override]
        text = super().to_python(value)
        if text in self.empty_values:
            return None
        try:
            amount = parse_sek(str(text))
        except ValueError as exc:
            raise ValidationError(
                self.error_messages["invalid"], code="invalid", params={"value": text}
            ) from exc
        if amount < 0:
            raise ValidationError(self.error_messages["negative"], code="negative")
        return amount
