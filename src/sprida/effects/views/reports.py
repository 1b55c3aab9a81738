"""Progress and final reports: start a draft, write the narrative, submit, correct, download."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from sprida.core.access import can_change, may_create
from sprida.core.conflicts import Conflict, Part, conflict_for, saved_values
from sprida.core.exports import XLSX_CONTENT_TYPE
from sprida.core.versioning import StaleEditError
from sprida.effects import selectors, services
from sprida.effects.charts import bar_chart
from sprida.effects.content import DEADLINE_FOR, ReportContent, report_content
from sprida.effects.exports import docx_bytes, export_filename, xlsx_bytes
from sprida.effects.forms import ReportForm, ReportStartForm, SectionForm
from sprida.effects.models import Report, ReportKind, ReportLockedError
from sprida.effects.pdf_export import pdf_bytes
from sprida.effects.plain_text import plain_sections
from sprida.effects.views.common import validation_messages
from sprida.grants.models import Deadline


@login_required
@require_POST
def report_start(request: HttpRequest, decision_pk: int) -> HttpResponse:
    decision = selectors.decision_for_report(user=request.user, pk=decision_pk)
    if not may_create(request.user, Report, decision.application.applicant_id):
        raise PermissionDenied
    form = ReportStartForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Välj delredovisning eller slutredovisning."))
        return redirect("effects:overview")
    report = services.report_create(
        by=request.user, decision=decision, kind=form.cleaned_data["kind"]
    )
    messages.success(
        request,
        _(
            "%(kind)s version %(version)d är ett utkast. Siffrorna hämtas från åtgärdernas "
            "uppgifter; skriv texterna nedan."
        )
        % {"kind": report.get_kind_display(), "version": report.version},
    )
    return redirect("effects:report", pk=report.pk)


def _section_forms(
    report: Report, content: ReportContent, data: Any = None
) -> list[dict[str, Any]]:
    sections = {s.measure_id: s for s in report.sections.all()}
    rows = []
    for block in content.measures:
        section = sections.get(block.measure_id)
        initial = (
            {name: getattr(section, name) for name in services.SECTION_FIELDS} if section else {}
        )
        form = SectionForm(data, kind=report.kind, prefix=f"m{block.measure_id}", initial=initial)
        rows.append({"block": block, "form": form})
    return rows


def _report_conflict(
    error: StaleEditError, form: ReportForm, sections: list[dict[str, Any]]
) -> Conflict:
    """The report's texts as saved now beside what the person wrote, per measure too."""
    if error.current is None:
        return conflict_for(error, form, [])
    saved = {s.measure_id: s for s in error.current.sections.all()}
    parts: list[Part] = [(form, saved_values(error.current, services.NARRATIVE_FIELDS), "")]
    for row in sections:
        section = saved.get(row["block"].measure_id)
        values = saved_values(section, services.SECTION_FIELDS) if section else {}
        parts.append((row["form"], values, row["block"].title))
    return conflict_for(error, form, parts)


def report_deadline(report: Report) -> Deadline | None:
    kind = DEADLINE_FOR[ReportKind(report.kind)]
    return next((d for d in report.decision.deadlines.all() if d.kind == kind), None)


def _content_context(content: ReportContent) -> dict[str, Any]:
    return {
        "content": content,
        "cost_chart": bar_chart(
            chart_id="report-costs",
            title=_("Upparbetade kostnader mot beviljat bidrag per åtgärd"),
            rows=[(b.title[:70], b.granted_sek, b.spent_sek) for b in content.measures],
        ),
    }


@login_required
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = selectors.report_for_user(user=request.user, pk=pk)
    writable = can_change(request.user, report)
    content = report_content(report.decision, report.kind, report)
    data = request.POST if request.method == "POST" else None
    if data is not None and not writable:
        raise PermissionDenied
    form = ReportForm(data, instance=report)
    sections = _section_forms(report, content, data)
    conflict = None
    if data is not None:
        if form.is_valid() and all(row["form"].is_valid() for row in sections):
            try:
                services.report_update(
                    by=request.user,
                    report=report,
                    narrative={name: form.cleaned_data[name] for name in services.NARRATIVE_FIELDS},
                    sections={
                        row["block"].measure_id: row["form"].cleaned_data for row in sections
                    },
                    expected_version=form.loaded_version,
                )
            except StaleEditError as error:
                conflict = _report_conflict(error, form, sections)
            except ReportLockedError as error:
                messages.error(request, str(error))
                return redirect("effects:report", pk=report.pk)
            else:
                messages.success(request, _("Texterna är sparade."))
                return redirect("effects:report", pk=report.pk)
        else:
            messages.error(request, _("Texterna sparades inte. Rätta det som står vid fälten."))
    context = {
        "report": report,
        "deadline": report_deadline(report),
        "plain_sections": plain_sections(content),
        "writable": writable,
        "form": form,
        "sections": sections,
        "versions": selectors.report_versions(user=request.user, report=report),
        "may_correct": report.is_submitted
        and may_create(request.user, Report, report.decision.application.applicant_id),
        "conflict": conflict,
        **_content_context(content),
    }
    status = 409 if conflict else 400 if form.errors else 200
    return render(request, "effects/report.html", context, status=status)


@login_required
def report_submit(request: HttpRequest, pk: int) -> HttpResponse:
    """Show what will be sent and ask for confirmation; only a confirmed POST submits."""
    report = selectors.report_for_user(user=request.user, pk=pk, action="change")
    if request.method != "POST" or request.POST.get("confirm") != "yes":
        content = report_content(report.decision, report.kind, report)
        context = {
            "report": report,
            "problems": services.report_problems(content),
            "submitter": services.person_name(request.user),
            "now": timezone.localtime(),
            **_content_context(content),
        }
        return render(request, "effects/report_confirm.html", context)
    try:
        services.report_submit(by=request.user, report=report)
    except ValidationError as error:
        for message in validation_messages(error):
            messages.error(request, message)
    except ReportLockedError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _(
                "%(kind)s version %(version)d är inlämnad och låst. "
                "Effektivitetsdelegationen kan nu läsa den."
            )
            % {"kind": report.get_kind_display(), "version": report.version},
        )
    return redirect("effects:report", pk=report.pk)


@login_required
@require_POST
def report_correct(request: HttpRequest, pk: int) -> HttpResponse:
    report = selectors.report_for_user(user=request.user, pk=pk)
    if not may_create(request.user, Report, report.decision.application.applicant_id):
        raise PermissionDenied
    try:
        correction = services.report_correct(by=request.user, report=report)
    except ValidationError as error:
        for message in validation_messages(error):
            messages.error(request, message)
        return redirect("effects:report", pk=report.pk)
    messages.success(
        request,
        _("Version %(version)d är ett nytt utkast som rättar den inlämnade.")
        % {"version": correction.version},
    )
    return redirect("effects:report", pk=correction.pk)


EXPORTS = {
    "docx": (
        docx_bytes,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    "xlsx": (xlsx_bytes, XLSX_CONTENT_TYPE),
    "pdf": (pdf_bytes, "application/pdf"),
}


@login_required
@require_GET
def report_download(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    if fmt not in EXPORTS:
        raise Http404
    report = selectors.report_for_user(user=request.user, pk=pk)
    with translation.override("sv"):  # the labels in the document are Swedish like the rest
        content = report_content(report.decision, report.kind, report)
    render_bytes, content_type = EXPORTS[fmt]
    response = HttpResponse(render_bytes(content), content_type=content_type)
    filename = export_filename(content, fmt)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_GET
def report_print(request: HttpRequest, pk: int) -> HttpResponse:
    report = selectors.report_for_user(user=request.user, pk=pk)
    content = report_content(report.decision, report.kind, report)
    return render(
        request, "effects/report_print.html", {"report": report, **_content_context(content)}
    )
