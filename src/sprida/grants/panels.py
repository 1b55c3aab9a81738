"""Start-page panels: what a region member, the delegation and the coordinator see first."""

from __future__ import annotations

from django.db.models import Count
from django.http import HttpRequest

from sprida.core.access import Role, actor_for, may_create
from sprida.core.collation import Swedish
from sprida.core.dashboard import Panel
from sprida.core.models import Organisation, OrganisationKind
from sprida.grants import selectors
from sprida.grants.models import Application


def grant_panels(request: HttpRequest) -> list[Panel]:
    user = request.user
    actor = actor_for(user)
    if not actor.authenticated:
        return []
    panels: list[Panel] = []
    regions = Organisation.objects.filter(
        pk__in=actor.orgs(), kind=OrganisationKind.REGION
    ).order_by(Swedish("name"))
    for region in regions:
        applications = list(
            selectors.applications_for_user(
                user=user, filters=selectors.ApplicationFilters(region=region.slug)
            )[:5]
        )
        panels.append(
            Panel(
                "grants/panels/region.html",
                {
                    "region": region,
                    "applications": applications,
                    "deadlines": list(selectors.deadlines_for_user(user=user, region=region)[:5]),
                    "may_create": may_create(user, Application, region.pk),
                },
                order=20,
            )
        )
    if actor.is_funder or actor.site_admin:
        portfolio = selectors.portfolio_summary(user=user)
        panels.append(
            Panel(
                "grants/panels/portfolio.html",
                {
                    "portfolio": portfolio,
                    "over": [y for y in portfolio.years if y.over],
                    "overdue": selectors.deadlines_for_user(user=user)
                    .filter(due_on__lt=selectors.today())
                    .count(),
                },
                order=20,
            )
        )
    if actor.is_coordinator:
        joint = list(
            selectors.applications_for_user(user=user)
            .filter(joint=True, applicant__in=actor.orgs())
            .annotate(participant_count=Count("participants", distinct=True))
        )
        panels.append(
            Panel(
                "grants/panels/coordinator.html",
                {
                    "applications": joint,
                    "coordinator": Organisation.objects.filter(pk__in=actor.orgs()).first(),
                    "may_create": bool(actor.orgs(Role.EDITOR)),
                },
                order=20,
            )
        )
    return panels
