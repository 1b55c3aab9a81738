"""Grant accounting pages for the region's controller: per decision, and per region."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from sprida.core.exports import XLSX_CONTENT_TYPE
from sprida.core.models import Organisation
from sprida.effects import selectors
from sprida.effects.ledger_export import ledger_filename, ledger_xlsx


@login_required
@require_GET
def decision_accounting(request: HttpRequest, pk: int) -> HttpResponse:
    decision = selectors.decision_for_accounting(user=request.user, pk=pk)
    ledger = selectors.decision_ledger(user=request.user, decision=decision)
    if request.GET.get("format") == "xlsx":
        return _xlsx(
            [(decision, ledger)], ledger_filename(decision.application.applicant.slug, decision)
        )
    context = {
        "decision": decision,
        "ledger": ledger,
        "planned": [p for p in decision.payouts.all() if p.status != "paid"],
        "today": timezone.localdate(),
    }
    return render(request, "effects/accounting_decision.html", context)


@login_required
@require_GET
def region_accounting(request: HttpRequest, slug: str) -> HttpResponse:
    region = get_object_or_404(Organisation, slug=slug)
    decisions = selectors.decisions_for_accounting(user=request.user, region=region)
    if not decisions:
        raise Http404
    ledgers = [(d, selectors.decision_ledger(user=request.user, decision=d)) for d in decisions]
    if request.GET.get("format") == "xlsx":
        return _xlsx(ledgers, ledger_filename(region.slug, None))
    context = {
        "region": region,
        "ledgers": ledgers,
        "totals": {
            name: sum(getattr(ledger, name) for _, ledger in ledgers)
            for name in (
                "granted_sek",
                "paid_sek",
                "costs_sek",
                "recognised_sek",
                "deferred_sek",
                "at_risk_sek",
            )
        },
        "today": timezone.localdate(),
    }
    return render(request, "effects/accounting_region.html", context)


def _xlsx(ledgers: list, filename: str) -> HttpResponse:
    response = HttpResponse(ledger_xlsx(ledgers), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
