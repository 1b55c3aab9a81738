from __future__ import annotations

from datetime import date

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from sprida.core.access import actor_for
from sprida.core.collation import Swedish
from sprida.core.dashboard import panels_for
from sprida.core.models import Organisation


def home(request: HttpRequest) -> HttpResponse:
    actor = actor_for(request.user)
    memberships = []
    if actor.authenticated:
        mine = request.user.memberships  # type: ignore[union-attr]
        memberships = list(
            mine.select_related("organisation").order_by(Swedish("organisation__name"))
        )
    context = {
        "actor": actor,
        "memberships": memberships,
        "panels": panels_for(request) if actor.authenticated else [],
    }
    return render(request, "core/home.html", context)


# When the statement's findings were last checked against the service, and the text last changed.
ACCESSIBILITY_ASSESSED_ON = date(2026, 12, 2)
ACCESSIBILITY_UPDATED_ON = date(2026, 12, 2)


def accessibility(request: HttpRequest) -> HttpResponse:
    """The accessibility statement (tillgänglighetsredogörelse) that lagen (2018:1937) om
    tillgänglighet till digital offentlig service requires, after DIGG's model."""
    context = {
        "contact_email": settings.SPRIDA_ACCESSIBILITY_EMAIL,
        "assessed_on": ACCESSIBILITY_ASSESSED_ON,
        "updated_on": ACCESSIBILITY_UPDATED_ON,
    }
    return render(request, "core/accessibility.html", context)


def organisations(request: HttpRequest) -> HttpResponse:
    orgs = Organisation.objects.order_by("kind", Swedish("name"))
    return render(request, "core/organisations.html", {"organisations": orgs})


def healthz(request: HttpRequest) -> HttpResponse:
    Organisation.objects.exists()  # touches the database, so a broken connection shows
    return HttpResponse("ok", content_type="text/plain")
