"""How much of a grant is used and what is left: one definition for pages, reports and ledgers.

Remaining is granted minus used. It is an overspend only when more was used than granted;
using less than granted leaves the difference to use (or, at the end, to pay back).
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from sprida.core.formats import format_sek


def remaining_sek(*, granted_sek: int, used_sek: int) -> int:
    """Granted minus used; below zero only when the grant is overspent."""
    return granted_sek - used_sek


def overspend_sek(*, granted_sek: int, used_sek: int) -> int:
    """How much more than granted was used; zero unless used exceeds granted."""
    return max(0, used_sek - granted_sek)


def unused_sek(*, granted_sek: int, used_sek: int) -> int:
    """What is still left to use: the remaining grant, never below zero."""
    return max(0, granted_sek - used_sek)


def remaining_text(*, granted_sek: int, used_sek: int) -> str:
    """'Kvar 5 200 000 kr', 'Överskridet med 120 000 kr' or 'Hela bidraget är använt'."""
    remaining = remaining_sek(granted_sek=granted_sek, used_sek=used_sek)
    if remaining > 0:
        return _("Kvar %(amount)s") % {"amount": format_sek(remaining)}
    if remaining < 0:
        return _("Överskridet med %(amount)s") % {"amount": format_sek(-remaining)}
    return _("Hela bidraget är använt")
