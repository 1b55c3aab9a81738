"""Pages for a region's adoption of a dossier, and the dossiers × regions overview."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sprida.core.access import can_change
from sprida.enablement import selectors, services
from sprida.enablement.forms import ApprovalForm, DeviationForm
from sprida.enablement.views.common import report_error
from sprida.enablement.views.dossiers import adoption_for


@login_required
def adoption_detail(request: HttpRequest, pk: int) -> HttpResponse:
    adoption = adoption_for(request, pk)
    context = {
        "adoption": adoption,
        "dossier": adoption.dossier,
        "deviations": list(adoption.deviations.all()),
        "approvals": list(adoption.approvals.all()),
        "can_edit": can_change(request.user, adoption),
        "deviation_form": DeviationForm(prefix="deviation"),
        "approval_form": ApprovalForm(prefix="approval"),
    }
    return render(request, "enablement/adoption.html", context)


@login_required
@require_POST
def adoption_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    adoption = adoption_for(request, pk, "change")
    try:
        if action == "deviation":
            form = DeviationForm(request.POST, prefix="deviation")
            if not form.is_valid():
                raise ValidationError(_("Välj avsnitt och beskriv avvikelsen."))
            services.adoption_deviation_add(by=request.user, adoption=adoption, **form.cleaned_data)
            messages.success(request, _("Avvikelsen är sparad."))
        elif action == "approval":
            approval_form = ApprovalForm(request.POST, prefix="approval")
            if not approval_form.is_valid():
                raise ValidationError(
                    _("Ange slag av godkännande, datum (ÅÅÅÅ-MM-DD) och vem som godkände.")
                )
            services.adoption_approval_add(
                by=request.user, adoption=adoption, **approval_form.cleaned_data
            )
            messages.success(request, _("Godkännandet är sparat."))
        elif action == "upgrade":
            services.adoption_upgrade(
                by=request.user, adoption=adoption, adopted_on=timezone.localdate()
            )
            messages.success(
                request,
                _("Regionen har antagit version %(n)d. Se över de lokala avvikelserna.")
                % {"n": adoption.version.number},
            )
        else:
            raise Http404
    except ValidationError as exc:
        report_error(request, exc)
    return redirect("enablement:adoption", pk=pk)


@login_required
def matrix(request: HttpRequest) -> HttpResponse:
    dossiers, rows = selectors.adoption_matrix(user=request.user)
    context = {"dossiers": dossiers, "rows": rows, "figure": selectors.once_figure()}
    return render(request, "enablement/matrix.html", context)
