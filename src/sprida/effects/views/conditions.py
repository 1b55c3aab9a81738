"""A decision's condition as the region follows it up: fulfilment, evidence, acknowledgement."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from sprida.core.access import actor_for, may_act_for
from sprida.effects import conditions, selectors
from sprida.effects.forms import AcknowledgeForm, EvidenceFileForm, FulfilmentForm
from sprida.effects.views.common import add_service_errors, form_page
from sprida.grants.models import Condition


def _context(request: HttpRequest, condition: Condition) -> dict[str, object]:
    fulfilment = getattr(condition, "fulfilment", None)
    actor = actor_for(request.user)
    return {
        "condition": condition,
        "fulfilment": fulfilment,
        "files": list(fulfilment.files.all()) if fulfilment else [],
        "writable": may_act_for(request.user, condition.decision.application.applicant_id),
        "may_acknowledge": actor.is_funder or actor.site_admin,
        "fulfilment_form": FulfilmentForm(
            initial={"stage": fulfilment.stage, "evidence": fulfilment.evidence}
            if fulfilment
            else {"stage": "not_started"}
        ),
        "file_form": EvidenceFileForm(),
        "acknowledge_form": AcknowledgeForm(),
    }


@login_required
@require_GET
def condition_detail(request: HttpRequest, pk: int) -> HttpResponse:
    condition = selectors.condition_for_user(user=request.user, pk=pk)
    return render(request, "effects/condition.html", _context(request, condition))


def _writable(request: HttpRequest, pk: int) -> Condition:
    condition = selectors.condition_for_user(user=request.user, pk=pk)
    if not may_act_for(request.user, condition.decision.application.applicant_id):
        raise PermissionDenied
    return condition


def _back(condition: Condition) -> tuple[str, str]:
    return reverse("effects:condition", args=[condition.pk]), _("Villkoret")


@login_required
@require_POST
def fulfilment_save(request: HttpRequest, pk: int) -> HttpResponse:
    condition = _writable(request, pk)
    form = FulfilmentForm(request.POST)
    if form.is_valid():
        try:
            conditions.condition_fulfilment_record(
                by=request.user, condition=condition, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Uppfyllelsen av villkoret är sparad."))
            return redirect("effects:condition", pk=condition.pk)
    back_url, back_label = _back(condition)
    return form_page(
        request,
        form=form,
        title=_("Uppfyllelse av villkor"),
        back_url=back_url,
        back_label=back_label,
    )


@login_required
@require_POST
def evidence_add(request: HttpRequest, pk: int) -> HttpResponse:
    condition = _writable(request, pk)
    form = EvidenceFileForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            conditions.condition_evidence_attach(
                by=request.user, condition=condition, upload=form.cleaned_data["file"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Bilagan är uppladdad."))
            return redirect("effects:condition", pk=condition.pk)
    back_url, back_label = _back(condition)
    return form_page(
        request,
        form=form,
        title=_("Bilaga till villkor"),
        back_url=back_url,
        back_label=back_label,
        multipart=True,
    )


@login_required
@require_GET
def evidence_download(request: HttpRequest, pk: int) -> FileResponse:
    evidence = selectors.evidence_for_user(user=request.user, pk=pk)
    return FileResponse(
        evidence.file.open("rb"),
        as_attachment=True,
        filename=evidence.name,
        content_type=evidence.content_type,
    )


@login_required
@require_POST
def condition_acknowledge(request: HttpRequest, pk: int) -> HttpResponse:
    condition = selectors.condition_for_user(user=request.user, pk=pk)
    actor = actor_for(request.user)
    if not (actor.is_funder or actor.site_admin):
        raise PermissionDenied
    form = AcknowledgeForm(request.POST)
    if form.is_valid():
        try:
            conditions.condition_acknowledge(
                by=request.user, condition=condition, note=form.cleaned_data["note"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Villkoret är kvitterat som uppfyllt."))
            return redirect("effects:condition", pk=condition.pk)
    back_url, back_label = _back(condition)
    return form_page(
        request, form=form, title=_("Kvittera villkor"), back_url=back_url, back_label=back_label
    )
