"""The main menu: the four jobs, plus documents. An entry shows once its app serves the URL."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class NavEntry:
    url_name: str
    label: str | Promise
    public: bool = False


MAIN_MENU = (
    NavEntry("grants:overview", _("Bidrag")),
    NavEntry("effects:overview", _("Effekter")),
    NavEntry("spreading:catalogue", _("Spridning"), public=True),
    NavEntry("enablement:dossiers", _("Gemensamma underlag"), public=True),
    NavEntry("intake:documents", _("Dokument")),
    NavEntry("search:search", _("Sök"), public=True),
)


def menu_for(request: HttpRequest) -> list[dict[str, object]]:
    signed_in = request.user.is_authenticated
    items: list[dict[str, object]] = []
    for entry in MAIN_MENU:
        if not (signed_in or entry.public):
            continue
        try:
            url = reverse(entry.url_name)
        except NoReverseMatch:
            continue
        items.append({"url": url, "label": entry.label, "active": request.path.startswith(url)})
    return items
