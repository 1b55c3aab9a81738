from __future__ import annotations

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


def organisations(request: HttpRequest) -> HttpResponse:
    orgs = Organisation.objects.order_by("kind", Swedish("name"))
    return render(request, "core/organisations.html", {"organisations": orgs})


def healthz(request: HttpRequest) -> HttpResponse:
    Organisation.objects.exists()  # touches the database, so a broken connection shows
    return HttpResponse("ok", content_type="text/plain")
