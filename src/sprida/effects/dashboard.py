"""The start-page panel: the region's next report deadline, or the delegation's report counts."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from sprida.core import dashboard
from sprida.core.access import Role, actor_for
from sprida.effects import selectors
from sprida.effects.models import ReportKind


def _due_items(rows: list[selectors.ReportRow]) -> list[dict[str, Any]]:
    items = []
    for row in rows:
        if not row.can_write:
            continue
        for kind, due, latest, met in (
            (ReportKind.PROGRESS, row.progress_due, row.latest_progress, row.progress_met),
            (ReportKind.FINAL, row.final_due, row.latest_final, row.final_met),
        ):
            if due is None or met:
                continue
            items.append(
                {
                    "label": ReportKind(kind).label,
                    "kind": kind,
                    "due_on": due.due_on,
                    "decision_pk": row.decision.pk,
                    "region": row.decision.application.applicant.name,
                    "report": latest,
                }
            )
            break  # the final report waits until the progress report is in
    return sorted(items, key=lambda item: item["due_on"])


@dashboard.register
def effects_panels(request: HttpRequest) -> list[dashboard.Panel]:
    actor = actor_for(request.user)
    if not actor.authenticated:
        return []
    rows = selectors.report_rows(user=request.user)
    if not rows:
        return []
    context: dict[str, Any] = {}
    if actor.orgs(Role.EDITOR) or actor.site_admin:
        context["due"] = _due_items(rows)
        context["many_regions"] = len({item["region"] for item in context["due"]}) > 1
    if actor.is_national:
        context["counts"] = selectors.report_status_counts(user=request.user, rows=rows)
    if not context.get("due") and not context.get("counts"):
        return []
    return [dashboard.Panel("effects/_panel.html", context, order=30)]
