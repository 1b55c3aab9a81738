"""The start-page panel: new dossier versions for the user's regions, and reviews waiting."""

from __future__ import annotations

from django.http import HttpRequest

from sprida.core.dashboard import Panel
from sprida.enablement import selectors


def enablement_panels(request: HttpRequest) -> list[Panel]:
    notices = selectors.adoption_notices(user=request.user)
    reviews = selectors.reviews_waiting(user=request.user)
    if not notices and not reviews:
        return []
    return [
        Panel(
            template="enablement/_panel.html",
            context={"notices": notices, "reviews": reviews},
            order=50,
        )
    ]
