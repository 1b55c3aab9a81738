"""Writes for the effects records: statuses, indicators, measurements, effects, costs, documents."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from sprida.core.access import author, may_act_for, may_create
from sprida.core.models import Organisation
from sprida.core.versioning import claim_version
from sprida.effects.content import DEADLINE_FOR, ReportContent, content_to_json, report_content
from sprida.effects.imports import parse_file
from sprida.effects.models import (
    Cost,
    CostDocument,
    CostKind,
    ImplementationStatus,
    Indicator,
    Measurement,
    QualitativeEffect,
    Report,
    ReportKind,
    ReportLockedError,
    ReportSection,
    ReportStatus,
)
from sprida.grants import services as grant_services
from sprida.grants.models import Decision, Measure, Outcome
from sprida.intake.filenames import clean_file_name

GRANTED = (Outcome.GRANTED, Outcome.PARTIALLY_GRANTED)


def _require_editor(by: Any, measure: Measure, part_id: int | None = None) -> None:
    """Only editors of the part's organisation (or a site admin) record it; without a part, the
    measure's region. A part is the applicant's or a joint application's participant's."""
    application = measure.application
    part_id = part_id or application.applicant_id
    if part_id != application.applicant_id and not (
        application.joint and application.participants.filter(pk=part_id).exists()
    ):
        raise PermissionDenied(
            _("Organisationen deltar inte i ansökan och har ingen del av åtgärden.")
        )
    if not may_act_for(by, part_id):
        raise PermissionDenied(_("Du får inte ändra den här åtgärdens uppgifter."))
    outcome = getattr(measure, "outcome", None)
    if outcome is None or outcome.outcome not in GRANTED:
        raise ValidationError(
            _("Åtgärden har inte beviljats bidrag, så den följs inte upp här."), code="not_granted"
        )


def implementation_status_record(
    *,
    by: Any,
    measure: Measure,
    stage: str,
    status_on: dt.date,
    comment: str = "",
    units: str = "",
    part: Organisation | None = None,
    is_demo: bool = False,
) -> ImplementationStatus:
    _require_editor(by, measure, part.pk if part else None)
    status = ImplementationStatus(
        measure=measure,
        part=part or measure.application.applicant,
        stage=stage,
        status_on=status_on,
        comment=comment.strip(),
        units="\n".join(line.strip() for line in units.splitlines() if line.strip()),
        entered_by=by if getattr(by, "pk", None) else None,
        is_demo=is_demo,
    )
    status.full_clean()
    status._history_user = author(by)  # type: ignore[attr-defined]
    status.save()
    return status


INDICATOR_FIELDS = (
    "name",
    "definition",
    "unit",
    "direction",
    "baseline_value",
    "baseline_on",
    "target_value",
    "target_on",
    "data_source",
    "frequency",
    "responsible",
    "benefit_type",
    "kolada_kpi",
)


def _check_indicator(indicator: Indicator) -> None:
    if indicator.target_value is not None and indicator.target_on is None:
        raise ValidationError({"target_on": _("Ange när målvärdet ska vara nått.")})
    if indicator.target_on and indicator.target_on < indicator.baseline_on:
        raise ValidationError(
            {
                "target_on": _(
                    "Målvärdets datum %(target)s ligger före baslinjens datum %(baseline)s."
                )
                % {
                    "target": f"{indicator.target_on:%Y-%m-%d}",
                    "baseline": f"{indicator.baseline_on:%Y-%m-%d}",
                }
            }
        )


@transaction.atomic
def indicator_create(
    *, by: Any, measure: Measure, is_demo: bool = False, **values: Any
) -> Indicator:
    _require_editor(by, measure)
    unknown = set(values) - set(INDICATOR_FIELDS)
    if unknown:
        raise TypeError(f"unknown indicator fields: {sorted(unknown)}")
    position = measure.indicators.count()
    indicator = Indicator(measure=measure, position=position, is_demo=is_demo, **values)
    _check_indicator(indicator)
    indicator.full_clean()
    indicator._history_user = author(by)  # type: ignore[attr-defined]
    indicator.save()
    return indicator


@transaction.atomic
def indicator_update(
    *, by: Any, indicator: Indicator, expected_version: int | None = None, **values: Any
) -> Indicator:
    """Change an indicator; refused with StaleEditError if it was saved after
    `expected_version`."""
    _require_editor(by, indicator.measure)
    claim_version(indicator, expected_version)
    for name, value in values.items():
        if name not in INDICATOR_FIELDS:
            raise TypeError(f"unknown indicator field: {name}")
        setattr(indicator, name, value)
    _check_indicator(indicator)
    indicator.full_clean()
    indicator._history_user = author(by)  # type: ignore[attr-defined]
    indicator.save()
    return indicator


def _measurement_put(
    *, by: Any, indicator: Indicator, period: dt.date, value: Decimal, comment: str, is_demo: bool
) -> tuple[Measurement, bool]:
    measurement = Measurement.objects.filter(indicator=indicator, period=period).first()
    created = measurement is None
    if measurement is None:
        measurement = Measurement(indicator=indicator, period=period)
    measurement.value = value
    measurement.comment = comment.strip()
    measurement.entered_by = by if getattr(by, "pk", None) else None
    measurement.is_demo = is_demo
    measurement._history_user = author(by)  # type: ignore[attr-defined]
    measurement.save()
    return measurement, created


@transaction.atomic
def measurement_record(
    *,
    by: Any,
    indicator: Indicator,
    period: dt.date,
    value: Decimal,
    comment: str = "",
    is_demo: bool = False,
) -> Measurement:
    """Record the value for one period; a second value for the same period replaces the first."""
    _require_editor(by, indicator.measure)
    measurement, _ = _measurement_put(
        by=by, indicator=indicator, period=period, value=value, comment=comment, is_demo=is_demo
    )
    return measurement


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    errors: list[str] | None = None

    @property
    def ok(self) -> bool:
        return not self.errors


def measurements_import(
    *, by: Any, indicator: Indicator, name: str, content: bytes
) -> ImportResult:
    """All rows or none: a file with any bad row imports nothing and says which rows are wrong."""
    _require_editor(by, indicator.measure)
    if len(content) > settings.SPRIDA_MAX_UPLOAD_BYTES:
        return ImportResult(errors=[too_large_message(len(content))])
    parsed = parse_file(name, content)
    if parsed.errors:
        return ImportResult(errors=parsed.errors)
    result = ImportResult()
    with transaction.atomic():
        for row in parsed.rows:
            _, created = _measurement_put(
                by=by,
                indicator=indicator,
                period=row.period,
                value=row.value,
                comment=row.comment,
                is_demo=False,
            )
            if created:
                result.created += 1
            else:
                result.updated += 1
    return result


def qualitative_effect_record(
    *,
    by: Any,
    measure: Measure,
    observed_on: dt.date,
    category: str,
    statement: str,
    source: str,
    part: Organisation | None = None,
    is_demo: bool = False,
) -> QualitativeEffect:
    _require_editor(by, measure, part.pk if part else None)
    effect = QualitativeEffect(
        measure=measure,
        part=part or measure.application.applicant,
        observed_on=observed_on,
        category=category,
        statement=statement.strip(),
        source=source.strip(),
        entered_by=by if getattr(by, "pk", None) else None,
        is_demo=is_demo,
    )
    effect.full_clean()
    effect._history_user = author(by)  # type: ignore[attr-defined]
    effect.save()
    return effect


def cost_record(
    *,
    by: Any,
    measure: Measure,
    year: int,
    kind: str,
    description: str,
    amount_sek: int | None = None,
    hours: Decimal | None = None,
    hourly_rate_sek: int | None = None,
    part: Organisation | None = None,
    is_demo: bool = False,
) -> Cost:
    _require_editor(by, measure, part.pk if part else None)
    if kind == CostKind.INTERNAL:
        if hours is None or not hourly_rate_sek:
            raise ValidationError(
                _("Egen personal redovisas som timmar × timkostnad: ange båda."), code="staff_cost"
            )
        if hours <= 0:
            raise ValidationError({"hours": _("Antalet timmar ska vara större än noll.")})
        amount_sek = 0  # derived in Cost.save()
    else:
        if amount_sek is None or amount_sek <= 0:
            raise ValidationError({"amount_sek": _("Ange beloppet i hela kronor, större än noll.")})
        hours = hourly_rate_sek = None
    cost = Cost(
        measure=measure,
        part=part or measure.application.applicant,
        year=year,
        kind=kind,
        description=description.strip(),
        amount_sek=amount_sek,
        hours=hours,
        hourly_rate_sek=hourly_rate_sek,
        entered_by=by if getattr(by, "pk", None) else None,
        is_demo=is_demo,
    )
    cost.full_clean(exclude=["amount_sek"])
    cost._history_user = author(by)  # type: ignore[attr-defined]
    cost.save()
    return cost


# Documents that verify a cost: invoices, time reports, contracts.
DOCUMENT_TYPES = {
    ".pdf": ("application/pdf", (b"%PDF",)),
    ".png": ("image/png", (b"\x89PNG",)),
    ".jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".xlsx": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        (b"PK\x03\x04",),
    ),
    ".docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        (b"PK\x03\x04",),
    ),
    ".csv": ("text/csv", ()),
}


def too_large_message(size: int) -> str:
    limit_mb = settings.SPRIDA_MAX_UPLOAD_BYTES / 1024 / 1024
    size_mb = formats.number_format(round(size / 1024 / 1024, 1), 1)
    return _("Filen är %(size)s MB; största tillåtna storlek är %(limit)s MB.") % {
        "size": size_mb,
        "limit": f"{limit_mb:g}",
    }


def document_name(raw: str | None) -> str:
    """The name to show for an uploaded file: cleaned as intake cleans names, within the
    200 characters of the name field and keeping its suffix."""
    name = clean_file_name(raw or "underlag")
    if len(name) <= 200:
        return name
    stem, dot, suffix = name.rpartition(".")
    if dot and len(suffix) <= 10:
        return stem[: 199 - len(suffix)] + "." + suffix
    return name[:200]


def document_check(name: str, head: bytes, size: int) -> str:
    """The content type for an acceptable file, or ValidationError saying what is wrong."""
    if size > settings.SPRIDA_MAX_UPLOAD_BYTES:
        raise ValidationError(too_large_message(size))
    if size == 0:
        raise ValidationError(_("Filen ”%(name)s” är tom.") % {"name": name})
    suffix = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if suffix not in DOCUMENT_TYPES:
        raise ValidationError(
            _(
                "Filen ”%(name)s” har en filtyp som inte tas emot. "
                "Ladda upp PDF, PNG, JPEG, XLSX, DOCX eller CSV."
            )
            % {"name": name}
        )
    content_type, magics = DOCUMENT_TYPES[suffix]
    if magics and not any(head.startswith(magic) for magic in magics):
        raise ValidationError(
            _("Filen ”%(name)s” är inte en riktig %(type)s-fil. Kontrollera filen.")
            % {"name": name, "type": suffix[1:].upper()}
        )
    if not magics and b"\x00" in head:
        raise ValidationError(_("Filen ”%(name)s” är inte en textfil.") % {"name": name})
    return content_type


@transaction.atomic
def cost_document_attach(*, by: Any, cost: Cost, upload: UploadedFile) -> CostDocument:
    _require_editor(by, cost.measure, cost.part_id)
    name = document_name(upload.name)
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    content_type = document_check(name, head, upload.size or 0)
    document = CostDocument(
        cost=cost,
        name=name,
        content_type=content_type,
        size_bytes=upload.size or 0,
        uploaded_by=by if getattr(by, "pk", None) else None,
    )
    document.file.save(name, upload, save=False)
    document._history_user = author(by)  # type: ignore[attr-defined]
    document.save()
    return document


# Reports ---------------------------------------------------------------------------------------

NARRATIVE_FIELDS = ("summary", "deviations", "collaboration")
SECTION_FIELDS = ("progress_text", "measurement_plan_text", "results_text", "costs_text")


def _require_report_editor(by: Any, decision: Decision) -> None:
    if not may_create(by, Report, decision.application.applicant_id):
        raise PermissionDenied(_("Bara regionens redaktörer skriver regionens redovisningar."))


def _sections_create(report: Report, previous: Report | None = None) -> None:
    old = {s.measure_id: s for s in previous.sections.all()} if previous else {}
    lines = report.decision.lines.filter(outcome__in=GRANTED).select_related("measure")
    ReportSection.objects.bulk_create(
        [
            ReportSection(
                report=report,
                measure=line.measure,
                **{
                    name: getattr(old[line.measure_id], name) if line.measure_id in old else ""
                    for name in SECTION_FIELDS
                },
            )
            for line in lines
        ]
    )


@transaction.atomic
def report_create(*, by: Any, decision: Decision, kind: str, is_demo: bool = False) -> Report:
    """Start a draft, or return the draft that already exists for this decision and kind."""
    _require_report_editor(by, decision)
    existing = Report.objects.filter(
        decision=decision, kind=kind, status=ReportStatus.DRAFT
    ).first()
    if existing is not None:
        return existing
    last = Report.objects.filter(decision=decision, kind=kind).order_by("-version").first()
    if last is not None:
        # A submitted report exists: a new draft is a correction of it.
        return report_correct(by=by, report=last)
    report = Report(
        decision=decision,
        kind=kind,
        version=1,
        created_by=by if getattr(by, "pk", None) else None,
        is_demo=is_demo,
    )
    report._history_user = author(by)  # type: ignore[attr-defined]
    report.save()
    _sections_create(report)
    return report


@transaction.atomic
def report_update(
    *,
    by: Any,
    report: Report,
    narrative: dict[str, str],
    sections: dict[int, dict[str, str]],
    expected_version: int | None = None,
) -> Report:
    """Save what a person wrote: the report's own texts and the text per measure. One row
    version covers both; refused with StaleEditError if saved after `expected_version`."""
    _require_report_editor(by, report.decision)
    report = Report.objects.select_for_update().get(pk=report.pk)
    if report.is_submitted:
        raise ReportLockedError(
            _("Redovisningen är inlämnad och kan inte ändras. Skapa en ny version för att rätta.")
        )
    claim_version(report, expected_version)
    for name, value in narrative.items():
        if name not in NARRATIVE_FIELDS:
            raise TypeError(f"unknown report field: {name}")
        setattr(report, name, value.strip())
    report._history_user = author(by)  # type: ignore[attr-defined]
    report.save()
    existing = {s.measure_id: s for s in report.sections.all()}
    for measure_id, values in sections.items():
        section = existing.get(measure_id)
        if section is None:
            raise ValidationError(_("Åtgärden hör inte till den här redovisningen."))
        changed = False
        for name, value in values.items():
            if name not in SECTION_FIELDS:
                raise TypeError(f"unknown section field: {name}")
            if getattr(section, name) != value.strip():
                setattr(section, name, value.strip())
                changed = True
        if changed:
            section._history_user = author(by)  # type: ignore[attr-defined]
            section.save()
    return report


def person_name(user: Any) -> str:
    """Who did it, as a report names them: full name, else the user name."""
    if not getattr(user, "pk", None):
        return ""
    return (user.get_full_name() or user.get_username()).strip()


def report_problems(content: ReportContent) -> list[str]:
    """What keeps the report from being submitted; empty when it may be."""
    missing = [
        block.title
        for block in content.measures
        if not (block.results_text if content.is_final else block.progress_text)
    ]
    if not missing:
        return []
    field_name = (
        _("resultat och effekter") if content.is_final else _("hur långt genomförandet har kommit")
    )
    return [
        _(
            "Skriv ”%(field)s” för varje åtgärd innan redovisningen lämnas in. "
            "Saknas för: %(missing)s."
        )
        % {"field": field_name, "missing": "; ".join(missing)}
    ]


@transaction.atomic
def report_submit(*, by: Any, report: Report) -> Report:
    """Lock the version and keep its figures as they are at this moment."""
    _require_report_editor(by, report.decision)
    report = Report.objects.select_for_update().get(pk=report.pk)
    if report.is_submitted:
        raise ReportLockedError(_("Redovisningen är redan inlämnad."))
    with translation.override("sv"):  # the snapshot keeps the Swedish labels
        content = report_content(report.decision, report.kind, report)
    problems = report_problems(content)
    if problems:
        raise ValidationError(problems)
    now = timezone.now()
    content.status = ReportStatus.SUBMITTED
    with translation.override("sv"):
        content.status_label = str(ReportStatus.SUBMITTED.label)
    content.submitted_on = timezone.localdate(now)
    content.submitted_at = f"{timezone.localtime(now):%Y-%m-%d %H:%M}"
    content.submitted_by = person_name(by)
    report.snapshot = content_to_json(content)
    report.status = ReportStatus.SUBMITTED
    report.submitted_at = now
    report.submitted_by = by if getattr(by, "pk", None) else None
    report._history_user = author(by)  # type: ignore[attr-defined]
    report.save()
    first = (
        Report.objects.filter(
            decision=report.decision, kind=report.kind, status=ReportStatus.SUBMITTED
        )
        .order_by("submitted_at")
        .values_list("submitted_at", flat=True)
        .first()
    )
    grant_services.report_deadline_meet(
        by=by,
        decision=report.decision,
        kind=DEADLINE_FOR[ReportKind(report.kind)],
        submitted_on=timezone.localdate(first or now),
    )
    return report


@transaction.atomic
def report_correct(*, by: Any, report: Report) -> Report:
    """A correction of a submitted report: a new draft version carrying over the texts."""
    _require_report_editor(by, report.decision)
    if not report.is_submitted:
        raise ValidationError(_("Bara en inlämnad redovisning kan rättas med en ny version."))
    draft = Report.objects.filter(
        decision=report.decision, kind=report.kind, status=ReportStatus.DRAFT
    ).first()
    if draft is not None:
        return draft
    latest = (
        Report.objects.filter(decision=report.decision, kind=report.kind)
        .order_by("-version")
        .first()
    )
    assert latest is not None
    correction = Report(
        decision=report.decision,
        kind=report.kind,
        version=latest.version + 1,
        corrects=latest,
        created_by=by if getattr(by, "pk", None) else None,
        is_demo=report.is_demo,
        **{name: getattr(latest, name) for name in NARRATIVE_FIELDS},
    )
    correction._history_user = author(by)  # type: ignore[attr-defined]
    correction.save()
    _sections_create(correction, previous=latest)
    return correction
