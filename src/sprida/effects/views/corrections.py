"""Edit and remove a measure's follow-up records; removal asks for a reason."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sprida.core.access import get_for_user
from sprida.core.conflicts import record_conflict
from sprida.core.versioning import StaleEditError
from sprida.effects import corrections, services
from sprida.effects.forms import (
    CostForm,
    EffectForm,
    IndicatorForm,
    RemoveForm,
    StatusForm,
    cost_initial,
)
from sprida.effects.models import Cost, ImplementationStatus, Indicator, QualitativeEffect
from sprida.effects.views.common import add_service_errors, form_page


@dataclass(frozen=True)
class Kind:
    model: type[models.Model]
    label: Any
    anchor: str


KINDS = {
    "status": Kind(ImplementationStatus, gettext_lazy("status"), "status"),
    "effekt": Kind(QualitativeEffect, gettext_lazy("kvalitativ effekt"), "effects"),
    "kostnad": Kind(Cost, gettext_lazy("kostnad"), "costs"),
    "indikator": Kind(Indicator, gettext_lazy("indikator"), "indicators"),
}


def _record(request: HttpRequest, kind: str, pk: int) -> tuple[Kind, Any]:
    if kind not in KINDS:
        raise Http404
    spec = KINDS[kind]
    queryset = spec.model._default_manager.select_related(
        "measure__application", "measure__outcome"
    )
    return spec, get_for_user(queryset, request.user, "change", pk=pk)


def _back(spec: Kind, record: Any) -> str:
    return reverse("effects:measure", args=[record.measure_id]) + f"#{spec.anchor}"


def _form(kind: str, record: Any, data: Any) -> forms.BaseForm:
    if kind == "status":
        return StatusForm(data, instance=record)
    if kind == "effekt":
        return EffectForm(data, instance=record)
    if kind == "indikator":
        return IndicatorForm(data, instance=record)
    return CostForm(data, initial=cost_initial(record), version=record.row_version)


def _update(kind: str, by: Any, record: Any, form: Any) -> None:
    data, expected = form.cleaned_data, form.loaded_version
    if kind == "status":
        corrections.status_update(by=by, status=record, expected_version=expected, **data)
    elif kind == "effekt":
        corrections.effect_update(by=by, effect=record, expected_version=expected, **data)
    elif kind == "indikator":
        fields = {name: data[name] for name in IndicatorForm.Meta.fields}
        services.indicator_update(by=by, indicator=record, expected_version=expected, **fields)
    else:
        corrections.cost_update(by=by, cost=record, expected_version=expected, **data)


@login_required
def record_edit(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    spec, record = _record(request, kind, pk)
    form = _form(kind, record, request.POST or None)
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            _update(kind, request.user, record, form)
        except StaleEditError as error:
            conflict = record_conflict(error, form)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Ändringen är sparad. Historiken visar vad som ändrades."))
            return redirect(_back(spec, record))
    return form_page(
        request,
        form=form,
        title=_("Ändra %(what)s: %(name)s") % {"what": spec.label, "name": record.measure.title},
        back_url=_back(spec, record),
        back_label=record.measure.title,
        conflict=conflict,
    )


@login_required
def record_remove(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    spec, record = _record(request, kind, pk)
    form = RemoveForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        back = _back(spec, record)
        try:
            corrections.record_remove(
                by=request.user, record=record, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("Posten är borttagen. Den finns kvar i historiken med skälet.")
            )
            return redirect(back)
    status = 400 if form.errors else 200
    context = {"form": form, "record": record, "label": spec.label, "back_url": _back(spec, record)}
    return render(request, "effects/record_remove.html", context, status=status)
