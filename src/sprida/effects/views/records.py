"""Pages for one measure's follow-up: status, indicators, measurements, effects and costs."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from sprida.core.access import can_change, get_for_user
from sprida.core.conflicts import record_conflict
from sprida.core.exports import CSV_CONTENT_TYPE, CsvWriter
from sprida.core.versioning import StaleEditError
from sprida.effects import selectors, services
from sprida.effects.charts import bar_chart, line_chart
from sprida.effects.forms import (
    CostDocumentForm,
    CostForm,
    EffectForm,
    IndicatorForm,
    MeasurementForm,
    MeasurementImportForm,
    StatusForm,
)
from sprida.effects.grant_use import remaining_sek, remaining_text
from sprida.effects.models import CostDocument, Indicator, TrackedMeasure
from sprida.effects.views.common import add_service_errors, form_page
from sprida.effects.views.part_records import measure_url as _measure_url
from sprida.effects.views.part_records import part_context
from sprida.grants.models import Condition


def indicator_chart(indicator: Indicator) -> str:
    measurements = list(indicator.measurements.all())
    return line_chart(
        chart_id=f"indicator-{indicator.pk}",
        title=_("%(name)s över tid") % {"name": indicator.name},
        unit=indicator.unit,
        points=[(m.period, m.value) for m in measurements],
        baseline=(indicator.baseline_on, indicator.baseline_value),
        target=(indicator.target_on, indicator.target_value)
        if indicator.target_value is not None and indicator.target_on
        else None,
    )


@login_required
@require_GET
def measure_detail(request: HttpRequest, pk: int) -> HttpResponse:
    measure = selectors.tracked_measure(user=request.user, pk=pk)
    writable = can_change(request.user, measure)
    statuses = list(measure.implementation_statuses.all())
    costs = list(measure.costs.all())
    spent = sum(cost.amount_sek for cost in costs)
    granted = measure.outcome.granted_sek
    by_year: dict[int, int] = {}
    for cost in costs:
        by_year[cost.year] = by_year.get(cost.year, 0) + cost.amount_sek
    indicators = [
        {"indicator": indicator, "chart": indicator_chart(indicator)}
        for indicator in measure.indicators.all()
    ]
    context = {
        "measure": measure,
        "decision": measure.outcome.decision,
        "writable": writable,
        "statuses": statuses,
        "current_status": next(
            (s for s in statuses if s.part_id == measure.application.applicant_id), None
        ),
        "indicators": indicators,
        "effects": list(measure.qualitative_effects.all()),
        "costs": costs,
        "spent": spent,
        "granted": granted,
        "remaining": remaining_sek(granted_sek=granted, used_sek=spent),
        "remaining_text": remaining_text(granted_sek=granted, used_sek=spent),
        "years": sorted(by_year.items()),
        "cost_chart": bar_chart(
            chart_id=f"cost-{measure.pk}",
            title=_("Upparbetade kostnader mot beviljat bidrag"),
            rows=[(_("Hela perioden"), granted, spent)],
        ),
        "conditions": list(
            Condition.objects.filter(line=measure.outcome)
            .select_related("fulfilment")
            .order_by("due_on", "pk")
        ),
        "removed": selectors.removed_records(measure=measure),
        "status_form": StatusForm(),
        "effect_form": EffectForm(),
        "cost_form": CostForm(),
        **part_context(request, measure),
    }
    return render(request, "effects/measure.html", context)


def _writable_measure(request: HttpRequest, pk: int) -> TrackedMeasure:
    return selectors.tracked_measure(user=request.user, pk=pk, action="change")


@login_required
def cost_document_add(request: HttpRequest, pk: int) -> HttpResponse:
    cost = selectors.cost_for_user(user=request.user, pk=pk, action="change")
    form = CostDocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.cost_document_attach(
                by=request.user, cost=cost, upload=form.cleaned_data["file"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Underlaget är uppladdat."))
            return redirect(_measure_url(cost.measure_id, "costs"))
    return form_page(
        request,
        form=form,
        title=_("Underlag för kostnad: %(name)s") % {"name": cost.description},
        back_url=_measure_url(cost.measure_id),
        back_label=cost.measure.title,
        multipart=True,
    )


@login_required
@require_GET
def cost_document_download(request: HttpRequest, pk: int) -> FileResponse:
    document = get_for_user(CostDocument.objects.all(), request.user, "view", pk=pk)
    return FileResponse(
        document.file.open("rb"),
        as_attachment=True,
        filename=document.name,
        content_type=document.content_type,
    )


@login_required
def indicator_add(request: HttpRequest, pk: int) -> HttpResponse:
    measure = _writable_measure(request, pk)
    form = IndicatorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            indicator = services.indicator_create(
                by=request.user, measure=measure, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Indikatorn är sparad. Lägg in mätvärden när de finns."))
            return redirect("effects:indicator", pk=indicator.pk)
    return form_page(
        request,
        form=form,
        title=_("Ny indikator: %(name)s") % {"name": measure.title},
        back_url=_measure_url(measure.pk),
        back_label=measure.title,
        intro=_(
            "Beskriv hur effekten mäts: vad som räknas, baslinjen innan åtgärden och målet. "
            "Samma indikatornamn eller KPI i Kolada gör att effekten kan jämföras mellan regioner."
        ),
    )


@login_required
def indicator_edit(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = selectors.indicator_for_user(user=request.user, pk=pk, action="change")
    form = IndicatorForm(request.POST or None, instance=indicator)
    conflict = None
    if request.method == "POST" and form.is_valid():
        values = {name: form.cleaned_data[name] for name in IndicatorForm.Meta.fields}
        try:
            services.indicator_update(
                by=request.user,
                indicator=indicator,
                expected_version=form.loaded_version,
                **values,
            )
        except StaleEditError as error:
            conflict = record_conflict(error, form)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Indikatorn är sparad."))
            return redirect("effects:indicator", pk=indicator.pk)
    return form_page(
        request,
        form=form,
        title=_("Ändra indikator: %(name)s") % {"name": indicator.name},
        back_url=reverse("effects:indicator", args=[indicator.pk]),
        back_label=indicator.name,
        conflict=conflict,
    )


@login_required
@require_GET
def indicator_detail(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = selectors.indicator_for_user(user=request.user, pk=pk)
    measurements = list(indicator.measurements.all())
    context = {
        "indicator": indicator,
        "measure": indicator.measure,
        "measurements": [
            {"m": m, "change": indicator.change_from_baseline(m.value)} for m in measurements
        ],
        "chart": indicator_chart(indicator),
        "writable": can_change(request.user, indicator),
        "measurement_form": MeasurementForm(),
        "import_form": MeasurementImportForm(),
    }
    return render(request, "effects/indicator.html", context)


@login_required
@require_POST
def measurement_add(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = selectors.indicator_for_user(user=request.user, pk=pk, action="change")
    form = MeasurementForm(request.POST)
    if form.is_valid():
        services.measurement_record(by=request.user, indicator=indicator, **form.cleaned_data)
        messages.success(request, _("Mätvärdet är sparat."))
        return redirect("effects:indicator", pk=indicator.pk)
    return form_page(
        request,
        form=form,
        title=_("Nytt mätvärde: %(name)s") % {"name": indicator.name},
        back_url=reverse("effects:indicator", args=[indicator.pk]),
        back_label=indicator.name,
    )


@login_required
@require_POST
def measurement_import(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = selectors.indicator_for_user(user=request.user, pk=pk, action="change")
    form = MeasurementImportForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        if (upload.size or 0) > settings.SPRIDA_MAX_UPLOAD_BYTES:
            form.add_error("file", services.too_large_message(upload.size or 0))
        else:
            result = services.measurements_import(
                by=request.user, indicator=indicator, name=upload.name or "", content=upload.read()
            )
            if result.ok:
                messages.success(
                    request,
                    _("Importen är klar: %(created)d nya och %(updated)d ändrade mätvärden.")
                    % {"created": result.created, "updated": result.updated},
                )
                return redirect("effects:indicator", pk=indicator.pk)
            for error in result.errors or []:
                form.add_error("file", error)
    return form_page(
        request,
        form=form,
        title=_("Importera mätvärden: %(name)s") % {"name": indicator.name},
        back_url=reverse("effects:indicator", args=[indicator.pk]),
        back_label=indicator.name,
        multipart=True,
        intro=_("Inget har importerats. Rätta raderna nedan i filen och ladda upp den igen."),
    )


@login_required
@require_GET
def measurement_template(request: HttpRequest, pk: int) -> HttpResponse:
    """A CSV to fill in: the indicator's measurements so far, or an example row."""
    indicator = selectors.indicator_for_user(user=request.user, pk=pk)
    writer = CsvWriter()
    writer.writerow(["period", "värde", "kommentar"])
    for m in indicator.measurements.all():
        writer.writerow([m.period, str(m.value.normalize()).replace(".", ","), m.comment])
    response = HttpResponse(writer.text(), content_type=CSV_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="matvarden-{indicator.pk}.csv"'
    return response
