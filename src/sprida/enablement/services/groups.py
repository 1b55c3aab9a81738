"""Working groups, meetings, the time regions give them, and the effects seen locally."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from sprida.accounts.models import Membership
from sprida.core.access import author, may_create
from sprida.core.models import Organisation
from sprida.enablement.models import (
    Dossier,
    EffectKind,
    GroupMember,
    LocalEffect,
    Meeting,
    MemberRole,
    TimeContribution,
    WorkingGroup,
)
from sprida.enablement.services.dossiers import coordinator_organisation

MAX_HOURS_IN_MONTH = Decimal("744")  # 31 days × 24 hours


def _require_coordinator(by: Any) -> Organisation:
    coordinator = coordinator_organisation()
    if not may_create(by, WorkingGroup, coordinator.pk):
        raise PermissionDenied(_("Bara den nationella samordnaren leder arbetsgrupperna."))
    return coordinator


@transaction.atomic
def group_create(
    *,
    by: Any,
    name: str,
    slug: str,
    purpose: str = "",
    dossiers: list[Dossier] | None = None,
    is_demo: bool = False,
) -> WorkingGroup:
    owner = _require_coordinator(by)
    group = WorkingGroup(name=name, slug=slug, purpose=purpose, owner=owner, is_demo=is_demo)
    group._history_user = author(by)  # type: ignore[attr-defined]
    group.full_clean()
    group.save()
    if dossiers:
        group.dossiers.set(dossiers)
    return group


@transaction.atomic
def group_member_add(
    *,
    by: Any,
    group: WorkingGroup,
    person: Any,
    organisation: Organisation,
    role: str = MemberRole.MEMBER,
    joined_on: dt.date | None = None,
) -> GroupMember:
    _require_coordinator(by)
    if not Membership.objects.filter(user=person, organisation=organisation).exists():
        raise ValidationError(
            _("%(person)s arbetar inte i %(organisation)s enligt Sprida.")
            % {"person": person, "organisation": organisation}
        )
    if GroupMember.objects.filter(group=group, person=person).exists():
        raise ValidationError(
            _("%(person)s är redan med i %(group)s.") % {"person": person, "group": group}
        )
    member = GroupMember(
        group=group, person=person, organisation=organisation, role=role, joined_on=joined_on
    )
    member._history_user = author(by)  # type: ignore[attr-defined]
    member.full_clean()
    member.save()
    return member


@transaction.atomic
def meeting_add(
    *, by: Any, group: WorkingGroup, held_on: dt.date, title: str, notes: str = ""
) -> Meeting:
    _require_coordinator(by)
    meeting = Meeting(group=group, held_on=held_on, title=title, notes=notes)
    meeting._history_user = author(by)  # type: ignore[attr-defined]
    meeting.save()
    return meeting


def _hours(value: Any) -> Decimal:
    try:
        hours = Decimal(str(value).replace(",", ".").replace("\u00a0", "").strip())
    except (InvalidOperation, ValueError):
        raise ValidationError(
            _("Antalet timmar ”%(value)s” är inte ett tal, t.ex. 7,5.") % {"value": value}
        ) from None
    if hours != hours.quantize(Decimal("0.01")):
        raise ValidationError(
            _("Ange timmar med högst två decimaler, inte %(value)s.") % {"value": value}
        )
    if not Decimal("0") < hours <= MAX_HOURS_IN_MONTH:
        raise ValidationError(
            _("Antalet timmar ska vara större än 0 och högst %(max)s i en månad, inte %(value)s.")
            % {"max": MAX_HOURS_IN_MONTH, "value": value}
        )
    return hours


@transaction.atomic
def time_record(
    *,
    by: Any,
    person: Any,
    organisation: Organisation,
    group: WorkingGroup,
    month: dt.date,
    hours: Any,
    note: str = "",
    is_demo: bool = False,
) -> TimeContribution:
    """Set the hours a person gave a group in a month, on behalf of their organisation.

    Only the organisation's own editors record its time; recording again replaces the month.
    """
    if not may_create(by, TimeContribution, organisation.pk):
        raise PermissionDenied(
            _("Du får bara registrera tid för din egen organisation, inte %(organisation)s.")
            % {"organisation": organisation}
        )
    if not GroupMember.objects.filter(
        group=group, person=person, organisation=organisation
    ).exists():
        raise ValidationError(
            _(
                "%(person)s är inte med i %(group)s för %(organisation)s. Be samordnaren "
                "lägga till personen i gruppen först."
            )
            % {"person": person, "group": group, "organisation": organisation}
        )
    value = _hours(hours)
    first_day = month.replace(day=1)
    contribution, _created = TimeContribution.objects.update_or_create(
        person=person,
        group=group,
        month=first_day,
        defaults={"organisation": organisation, "hours": value, "note": note, "is_demo": is_demo},
    )
    return contribution


@transaction.atomic
def local_effect_record(
    *,
    by: Any,
    organisation: Organisation,
    recorded_on: dt.date,
    kind: str,
    title: str,
    description: str = "",
    group: WorkingGroup | None = None,
    dossier: Dossier | None = None,
    hours_saved: Decimal | None = None,
    is_demo: bool = False,
) -> LocalEffect:
    if not may_create(by, LocalEffect, organisation.pk):
        raise PermissionDenied(
            _("Du får bara registrera effekter för din egen region, inte %(organisation)s.")
            % {"organisation": organisation}
        )
    if kind not in EffectKind.values:
        raise ValidationError(_("Okänt slag av effekt: %(kind)s.") % {"kind": kind})
    if hours_saved is not None and hours_saved < 0:
        raise ValidationError(_("Sparade timmar kan inte vara negativa."))
    effect = LocalEffect(
        organisation=organisation,
        recorded_on=recorded_on,
        kind=kind,
        title=title,
        description=description,
        group=group,
        dossier=dossier,
        hours_saved=hours_saved,
        is_demo=is_demo,
    )
    effect._history_user = author(by)  # type: ignore[attr-defined]
    effect.full_clean()
    effect.save()
    return effect
