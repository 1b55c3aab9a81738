"""Checks on a proposal: the extractor's warnings plus date checks on the proposed figures."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils.translation import gettext as _


def _date(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


def proposal_warnings(data: dict[str, Any]) -> list[str]:
    warnings: list[str] = list(data.get("warnings") or [])
    decided = _date((data.get("dates") or {}).get("decision"))
    submitted = _date((data.get("dates") or {}).get("application_submitted"))
    if decided and submitted and submitted > decided:
        warnings.append(
            _("Ansökan anges som inlämnad %(submitted)s, efter beslutet %(decided)s.")
            % {"submitted": submitted, "decided": decided}
        )
    for deadline in data.get("deadlines") or []:
        due = _date(deadline.get("due"))
        if decided and due and due < decided:
            warnings.append(
                _("Tidsfristen %(due)s ligger före beslutsdatumet %(decided)s.")
                % {"due": due, "decided": decided}
            )
    return list(dict.fromkeys(warnings))  # without repeats, in order
