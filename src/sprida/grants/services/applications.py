"""Writes for categories, the programme budget, applications and measures."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from sprida.core.access import NationalRole, author, can_change, may_act_for, may_create
from sprida.core.models import Organisation
from sprida.core.versioning import claim_version
from sprida.grants import rules
from sprida.grants.models import (
    Application,
    ApplicationStatus,
    CaseNumber,
    Measure,
    MeasureCategory,
    MeasureDecision,
    MeasureYearAmount,
    Programme,
    ProgrammeBudget,
)
from sprida.grants.services.base import _refuse, _refuse_unless, _save

# Categories --------------------------------------------------------------------------------


def categories_load() -> int:
    """Create the seeded measure categories that are missing (the migration made them first;
    a flushed test database or a hand-pruned list gets them back). Local edits are kept."""
    import csv
    from importlib import resources

    text = resources.files("sprida.grants").joinpath("data", "categories.csv").read_text("utf-8")
    created = 0
    for order, row in enumerate(csv.DictReader(text.splitlines()), start=1):
        _category, was_created = MeasureCategory.objects.get_or_create(
            slug=row["slug"],
            defaults={
                "name": row["name"],
                "name_en": row["name_en"],
                "keywords": "\n".join(row["keywords"].split(";")),
                "order": order * 10,
            },
        )
        created += was_created
    return created


# Programme ---------------------------------------------------------------------------------


@transaction.atomic
def programme_budget_add(
    *,
    by: Any,
    programme: Programme,
    first_year: int,
    last_year: int,
    amount_sek_per_year: int,
    source: str,
    source_date: dt.date | None = None,
    note: str = "",
) -> ProgrammeBudget:
    """Record one stated budget figure; an amendment is a new figure with its own source."""
    _refuse_unless(may_create(by, ProgrammeBudget, None))
    if last_year < first_year:
        raise ValidationError(
            _("Slutåret %(last)s ligger före startåret %(first)s.")
            % {"last": last_year, "first": first_year}
        )
    budget = ProgrammeBudget(
        programme=programme,
        first_year=first_year,
        last_year=last_year,
        amount_sek_per_year=amount_sek_per_year,
        source=source,
        source_date=source_date,
        note=note,
    )
    _save(budget, by)
    return budget


# Applications ------------------------------------------------------------------------------

APPLICATION_FIELDS = (
    "title",
    "applied_sek",
    "economic_analysis",
    "development_needs",
    "region_decision_body",
    "region_decision_date",
    "region_decision_paragraph",
    "submitted_on",
)


def may_apply_for(user: Any, organisation: Organisation) -> bool:
    """Regions apply for themselves; the coordinator (SKR) files the joint applications. The
    funder decides on applications and never makes one, whoever its editors are."""
    if organisation.national_role == NationalRole.FUNDER:
        return False
    return may_create(user, Application, organisation.pk)


@transaction.atomic
def application_create(
    *,
    by: Any,
    programme: Programme,
    applicant: Organisation,
    title: str,
    joint: bool = False,
    participants: Sequence[Organisation] = (),
    status: str = ApplicationStatus.DRAFT,
    is_demo: bool = False,
    **fields: Any,
) -> Application:
    _refuse_unless(may_apply_for(by, applicant))
    unknown = set(fields) - set(APPLICATION_FIELDS)
    if unknown:
        raise TypeError(f"unknown application fields: {sorted(unknown)}")
    if status == ApplicationStatus.DECIDED:
        raise ValidationError(_("En ansökan blir beslutad när beslutet registreras."))
    if joint and not participants:
        raise ValidationError(_("En regiongemensam ansökan behöver minst en deltagande region."))
    application = Application(
        programme=programme,
        applicant=applicant,
        title=title,
        joint=joint,
        status=status,
        is_demo=is_demo,
        **fields,
    )
    _save(application, by)
    if participants:
        application.participants.set(participants)
    return application


@transaction.atomic
def application_update(
    *,
    by: Any,
    application: Application,
    participants: Sequence[Organisation] | None = None,
    expected_version: int | None = None,
    **fields: Any,
) -> Application:
    """Change an application; refused with StaleEditError if it was saved after
    `expected_version` (the version the person loaded; None: no check)."""
    _refuse_unless(can_change(by, application))
    unknown = set(fields) - set(APPLICATION_FIELDS)
    if unknown:
        raise TypeError(f"unknown application fields: {sorted(unknown)}")
    claim_version(application, expected_version)
    for name, value in fields.items():
        setattr(application, name, value)
    _save(application, by)
    if participants is not None:
        if application.joint and not participants:
            raise ValidationError(
                _("En regiongemensam ansökan behöver minst en deltagande region.")
            )
        application.participants.set(participants)
    return application


@transaction.atomic
def application_submit(
    *, by: Any, application: Application, submitted_on: dt.date | None
) -> Application:
    _refuse_unless(can_change(by, application))
    application = Application.objects.select_for_update().get(pk=application.pk)
    if application.status != ApplicationStatus.DRAFT:
        raise ValidationError(
            _("Bara ett utkast kan lämnas in; ansökan är redan %(status)s.")
            % {"status": application.get_status_display().lower()}
        )
    if submitted_on is None:
        raise ValidationError(_("Ange datumet då ansökan lämnades in."))
    if not application.measures.exists():
        raise ValidationError(_("Lägg till minst en åtgärd innan ansökan lämnas in."))
    application.status = ApplicationStatus.SUBMITTED
    application.submitted_on = submitted_on
    _save(application, by)
    return application


@transaction.atomic
def application_withdraw(*, by: Any, application: Application) -> Application:
    _refuse_unless(can_change(by, application))
    application = Application.objects.select_for_update().get(pk=application.pk)
    if application.status == ApplicationStatus.DECIDED:
        raise ValidationError(_("En beslutad ansökan kan inte återkallas."))
    application.status = ApplicationStatus.WITHDRAWN
    _save(application, by)
    return application


@transaction.atomic
def case_number_set(
    *, by: Any, application: Application, organisation: Organisation, number: str
) -> CaseNumber:
    _refuse_unless(can_change(by, application) or may_act_for(by, organisation.pk))
    case, _created = CaseNumber.objects.get_or_create(
        application=application, organisation=organisation, number=number.strip()
    )
    return case


# Measures ----------------------------------------------------------------------------------

MEASURE_FIELDS = (
    "title",
    "description",
    "category",
    "aim",
    "applied_sek",
    "scope_notes",
    "other_state_funding",
    "other_state_funding_note",
    "position",
)


def _measure_findings(measure: Measure, year_amounts: dict[int, int] | None) -> list[rules.Finding]:
    findings = rules.check_not_negative(
        amounts={_("Sökt belopp"): measure.applied_sek}, label=measure.title
    )
    if year_amounts:
        findings += rules.check_not_negative(
            amounts={str(y): a for y, a in year_amounts.items()}, label=measure.title
        )
        findings += rules.check_year_amounts(
            applied_sek=measure.applied_sek,
            year_amounts=sorted(year_amounts.items()),
            label=measure.title,
        )
    return findings


def _year_amounts_set(measure: Measure, year_amounts: dict[int, int], by: Any) -> None:
    for year_amount in measure.year_amounts.exclude(year__in=list(year_amounts)):
        year_amount._history_user = author(by)  # type: ignore[attr-defined]
        year_amount.delete()
    for year, amount in sorted(year_amounts.items()):
        row, _created = MeasureYearAmount.objects.get_or_create(
            measure=measure, year=year, defaults={"applied_sek": amount}
        )
        if row.applied_sek != amount:
            row.applied_sek = amount
            _save(row, by)


@transaction.atomic
def measure_create(
    *,
    by: Any,
    application: Application,
    title: str,
    year_amounts: dict[int, int] | None = None,
    **fields: Any,
) -> Measure:
    _refuse_unless(can_change(by, application))
    unknown = set(fields) - set(MEASURE_FIELDS)
    if unknown:
        raise TypeError(f"unknown measure fields: {sorted(unknown)}")
    if application.status in {ApplicationStatus.DECIDED, ApplicationStatus.WITHDRAWN}:
        raise ValidationError(
            _("Ansökan är %(status)s; åtgärder kan inte läggas till.")
            % {"status": application.get_status_display().lower()}
        )
    if "position" not in fields:
        fields["position"] = application.measures.count() + 1
    measure = Measure(application=application, title=title, **fields)
    _refuse(_measure_findings(measure, year_amounts))
    _save(measure, by)
    if year_amounts:
        _year_amounts_set(measure, year_amounts, by)
    return measure


@transaction.atomic
def measure_update(
    *,
    by: Any,
    measure: Measure,
    year_amounts: dict[int, int] | None = None,
    expected_version: int | None = None,
    **fields: Any,
) -> Measure:
    """Change a measure; refused with StaleEditError if it was saved after `expected_version`."""
    _refuse_unless(can_change(by, measure))
    unknown = set(fields) - set(MEASURE_FIELDS)
    if unknown:
        raise TypeError(f"unknown measure fields: {sorted(unknown)}")
    claim_version(measure, expected_version)
    for name, value in fields.items():
        setattr(measure, name, value)
    _refuse(_measure_findings(measure, year_amounts))
    line = MeasureDecision.objects.filter(measure=measure).first()
    if line is not None:
        _refuse(
            rules.check_parts_add_up(
                applied_sek=measure.applied_sek,
                granted_sek=line.granted_sek,
                rejected_sek=line.rejected_sek,
                label=measure.title,
            )
        )
    _save(measure, by)
    if year_amounts is not None:
        _year_amounts_set(measure, year_amounts, by)
    return measure


@transaction.atomic
def measure_delete(*, by: Any, measure: Measure, expected_version: int | None = None) -> None:
    _refuse_unless(can_change(by, measure))
    claim_version(measure, expected_version)
    if MeasureDecision.objects.filter(measure=measure).exists():
        raise ValidationError(
            _("Åtgärden ”%(title)s” har ett beslut och kan inte tas bort.") % {"title": measure}
        )
    measure._history_user = author(by)  # type: ignore[attr-defined]
    pk = measure.pk
    measure.delete()
    from sprida.search.services import search_unindex

    transaction.on_commit(lambda: search_unindex(kind="measure", object_ids=[pk]))
