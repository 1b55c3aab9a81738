"""Recording a part of a measure: statuses, qualitative effects and costs, each for the part of
the organisation the user acts for (in a joint application, every participant has its own)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from sprida.core.models import Organisation
from sprida.effects import selectors, services
from sprida.effects.forms import CostForm, EffectForm, StatusForm
from sprida.effects.models import TrackedMeasure
from sprida.effects.part_form import PartForm
from sprida.effects.parts import part_blocks, part_organisations
from sprida.effects.views.common import add_service_errors, form_page


def measure_url(measure_id: int, anchor: str = "") -> str:
    url = reverse("effects:measure", args=[measure_id])
    return f"{url}#{anchor}" if anchor else url


def part_context(request: HttpRequest, measure: TrackedMeasure) -> dict[str, Any]:
    """What the page needs to record parts: who may record which part, and correct which row."""
    forms_by_kind = part_forms(request, measure)
    application = measure.application
    parts = part_blocks(application, [measure], part_organisations(application, [measure]))
    return {
        "joint": application.joint,
        "parts": [part for part in parts if part.recorded],
        "parts_unrecorded": [part.organisation for part in parts if not part.recorded],
        "may_record": forms_by_kind["cost_part_form"].fields["part"].queryset.exists(),  # type: ignore[attr-defined]
        "editable": selectors.editable_records(user=request.user, measure=measure),
        **forms_by_kind,
    }


def _parts(request: HttpRequest, measure: TrackedMeasure) -> QuerySet[Organisation]:
    """The parts the user records on this measure; refused when there is none."""
    parts = selectors.recordable_parts(user=request.user, measure=measure)
    if not parts.exists():
        raise PermissionDenied
    return parts


def part_forms(request: HttpRequest, measure: TrackedMeasure) -> dict[str, PartForm]:
    parts = selectors.recordable_parts(user=request.user, measure=measure)
    return {
        f"{prefix}_part_form": PartForm(user=request.user, parts=parts, prefix=prefix)
        for prefix in ("status", "effect", "cost")
    }


def _record_add(
    request: HttpRequest, pk: int, *, prefix: str, form_class: type[forms.BaseForm]
) -> HttpResponse:
    """Record a status, effect or cost for a part of the measure the user may record."""
    measure = selectors.tracked_measure(user=request.user, pk=pk)
    service, anchor, saved, title = ADDS[prefix]
    part_form = PartForm(
        request.POST, user=request.user, parts=_parts(request, measure), prefix=prefix
    )
    form = form_class(request.POST)
    if form.is_valid() and part_form.is_valid():
        try:
            service(
                by=request.user,
                measure=measure,
                part=part_form.cleaned_data["part"],
                **form.cleaned_data,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, saved)
            return redirect(measure_url(measure.pk, anchor))
    for message in part_form.errors.get("part", []):
        form.add_error(None, message)
    return form_page(
        request,
        form=form,
        title=title % {"name": measure.title},
        back_url=measure_url(measure.pk),
        back_label=measure.title,
    )


ADDS: dict[str, tuple[Callable[..., Any], str, Any, Any]] = {
    "status": (
        services.implementation_status_record,
        "status",
        gettext_lazy("Statusen är sparad."),
        gettext_lazy("Ny status: %(name)s"),
    ),
    "effect": (
        services.qualitative_effect_record,
        "effects",
        gettext_lazy("Den kvalitativa effekten är sparad."),
        gettext_lazy("Ny kvalitativ effekt: %(name)s"),
    ),
    "cost": (
        services.cost_record,
        "costs",
        gettext_lazy("Kostnaden är sparad."),
        gettext_lazy("Ny kostnad: %(name)s"),
    ),
}


@login_required
@require_POST
def status_add(request: HttpRequest, pk: int) -> HttpResponse:
    return _record_add(request, pk, prefix="status", form_class=StatusForm)


@login_required
@require_POST
def effect_add(request: HttpRequest, pk: int) -> HttpResponse:
    return _record_add(request, pk, prefix="effect", form_class=EffectForm)


@login_required
@require_POST
def cost_add(request: HttpRequest, pk: int) -> HttpResponse:
    return _record_add(request, pk, prefix="cost", form_class=CostForm)
