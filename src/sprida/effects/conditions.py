"""Writes for conditions: the region records how far it has come and its evidence; the
delegation acknowledges that a condition is met."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sprida.core.access import actor_for, author, may_act_for
from sprida.effects.models import ConditionEvidence, ConditionFulfilment, FulfilmentStage
from sprida.effects.services import document_check, document_name
from sprida.grants import services as grant_services
from sprida.grants.models import Condition


def _require_region_editor(by: Any, condition: Condition) -> None:
    if not may_act_for(by, condition.decision.application.applicant_id):
        raise PermissionDenied(_("Bara regionens redaktörer redovisar hur villkoren uppfylls."))


def _fulfilment(condition: Condition) -> ConditionFulfilment:
    fulfilment, _created = ConditionFulfilment.objects.select_for_update().get_or_create(
        condition=condition
    )
    return fulfilment


@transaction.atomic
def condition_fulfilment_record(
    *, by: Any, condition: Condition, stage: str, evidence: str
) -> ConditionFulfilment:
    _require_region_editor(by, condition)
    if stage not in FulfilmentStage.values:
        raise ValidationError({"stage": _("Välj hur långt regionen har kommit med villkoret.")})
    if stage == FulfilmentStage.FULFILLED and not evidence.strip():
        raise ValidationError(
            {"evidence": _("Beskriv hur villkoret är uppfyllt innan det markeras som uppfyllt.")}
        )
    fulfilment = _fulfilment(condition)
    fulfilment.stage = stage
    fulfilment.evidence = evidence.strip()
    fulfilment.updated_by = by if getattr(by, "pk", None) else None
    fulfilment.full_clean()
    fulfilment._history_user = author(by)  # type: ignore[attr-defined]
    fulfilment.save()
    return fulfilment


@transaction.atomic
def condition_evidence_attach(
    *, by: Any, condition: Condition, upload: UploadedFile
) -> ConditionEvidence:
    """Attach a file that shows the condition is met; the same checks as cost documents."""
    _require_region_editor(by, condition)
    name = document_name(upload.name)
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    content_type = document_check(name, head, upload.size or 0)
    evidence = ConditionEvidence(
        fulfilment=_fulfilment(condition),
        name=name,
        content_type=content_type,
        size_bytes=upload.size or 0,
        uploaded_by=by if getattr(by, "pk", None) else None,
    )
    evidence.file.save(name, upload, save=False)
    evidence._history_user = author(by)  # type: ignore[attr-defined]
    evidence.save()
    return evidence


@transaction.atomic
def condition_acknowledge(*, by: Any, condition: Condition, note: str = "") -> Condition:
    """The delegation acknowledges that the region has met the condition."""
    actor = actor_for(by)
    if not (actor.is_funder or actor.site_admin):
        raise PermissionDenied(_("Bara Effektivitetsdelegationen kvitterar villkor."))
    fulfilment = ConditionFulfilment.objects.filter(condition=condition).first()
    if fulfilment is None or fulfilment.stage != FulfilmentStage.FULFILLED:
        raise ValidationError(
            _("Regionen har inte redovisat villkoret som uppfyllt, så det kan inte kvitteras.")
        )
    return grant_services.condition_save(
        by=by,
        decision=condition.decision,
        condition=condition,
        line=condition.line,
        text=condition.text,
        due_on=condition.due_on,
        fulfilled=True,
        fulfilled_on=timezone.localdate(),
        note=note.strip(),
    )
