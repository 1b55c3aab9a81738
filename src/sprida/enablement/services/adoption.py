"""A region adopts a published dossier version, with its own deviations and approvals."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from sprida.core.access import author, can_change, may_create
from sprida.core.models import Organisation
from sprida.enablement.models import (
    AdoptionApproval,
    AdoptionDeviation,
    ApprovalKind,
    Dossier,
    DossierAdoption,
    SectionKind,
)


def _require_region_editor(by: Any, region: Organisation) -> None:
    # No national override: only the region itself adopts and records its deviations.
    if not may_create(by, DossierAdoption, region.pk):
        raise PermissionDenied(
            _("Du får inte ändra uppgifter för %(region)s.") % {"region": region}
        )


def _require_change(by: Any, adoption: DossierAdoption) -> None:
    if not can_change(by, adoption):
        raise PermissionDenied(
            _("Du får inte ändra antagandet för %(region)s.") % {"region": adoption.region}
        )


@transaction.atomic
def adoption_create(
    *,
    by: Any,
    dossier: Dossier,
    region: Organisation,
    adopted_on: dt.date,
    local_contact: str = "",
    local_notes: str = "",
    is_demo: bool = False,
) -> DossierAdoption:
    """The region adopts the latest published version of the dossier."""
    _require_region_editor(by, region)
    if not region.is_region:
        raise ValidationError(
            _("%(region)s är inte en region; bara regioner antar underlag.") % {"region": region}
        )
    if dossier.current_version_id is None:
        raise ValidationError(
            _("%(dossier)s har ingen publicerad version att anta ännu.") % {"dossier": dossier}
        )
    if DossierAdoption.objects.filter(dossier=dossier, region=region).exists():
        raise ValidationError(
            _("%(region)s har redan antagit %(dossier)s. Uppdatera antagandet i stället.")
            % {"region": region, "dossier": dossier}
        )
    adoption = DossierAdoption(
        dossier=dossier,
        region=region,
        version_id=dossier.current_version_id,
        adopted_on=adopted_on,
        adopted_by=by,
        local_contact=local_contact,
        local_notes=local_notes,
        is_demo=is_demo,
    )
    adoption._history_user = author(by)  # type: ignore[attr-defined]
    adoption.save()
    return adoption


@transaction.atomic
def adoption_upgrade(*, by: Any, adoption: DossierAdoption, adopted_on: dt.date) -> DossierAdoption:
    """Move the region to the latest published version; its deviations stay for it to review."""
    _require_change(by, adoption)
    # Read the dossier afresh: a version may have been published since it was loaded.
    current = Dossier.objects.values_list("current_version_id", flat=True).get(
        pk=adoption.dossier_id
    )
    if current is None or current == adoption.version_id:
        raise ValidationError(_("Regionen har redan antagit den senaste versionen."))
    adoption.version_id = current
    adoption.adopted_on = adopted_on
    adoption.adopted_by = by
    adoption._history_user = author(by)  # type: ignore[attr-defined]
    adoption.save()
    return adoption


@transaction.atomic
def adoption_deviation_add(
    *, by: Any, adoption: DossierAdoption, section: str, description: str, reason: str = ""
) -> AdoptionDeviation:
    _require_change(by, adoption)
    if section not in SectionKind.values:
        raise ValidationError(_("Okänt avsnitt: %(section)s.") % {"section": section})
    if not description.strip():
        raise ValidationError(
            _("Beskriv vad regionen gör annorlunda än det nationella underlaget.")
        )
    deviation = AdoptionDeviation(
        adoption=adoption, section=section, description=description, reason=reason
    )
    deviation._history_user = author(by)  # type: ignore[attr-defined]
    deviation.save()
    return deviation


@transaction.atomic
def adoption_approval_add(
    *,
    by: Any,
    adoption: DossierAdoption,
    kind: str,
    approved_on: dt.date,
    approved_by: str,
    reference: str = "",
    note: str = "",
) -> AdoptionApproval:
    _require_change(by, adoption)
    if kind not in ApprovalKind.values:
        raise ValidationError(_("Okänt slag av godkännande: %(kind)s.") % {"kind": kind})
    if not approved_by.strip():
        raise ValidationError(_("Ange vem som godkände, med namn och roll."))
    approval = AdoptionApproval(
        adoption=adoption,
        kind=kind,
        approved_on=approved_on,
        approved_by=approved_by,
        reference=reference,
        note=note,
    )
    approval._history_user = author(by)  # type: ignore[attr-defined]
    approval.save()
    return approval
