"""The intake pipeline: steps with one small contract, progress recorded on the document.

keep the original → read the text page by page → classify → extract the fields →
check them → propose. The first two run when the file is received (a file that cannot be
read is refused before anything is stored); the rest run as a background task.
"""

from __future__ import annotations

import logging
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import Any, ClassVar

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sprida.intake.models import Document, DocumentStatus, Proposal

logger = logging.getLogger(__name__)


@dataclass
class Context:
    document: Document
    result: Any = None
    warnings: list[str] = field(default_factory=list)


class Step(ABC):
    """One step of the pipeline: a name for the progress list and the work it does."""

    name: ClassVar[str]
    label: ClassVar[Any]

    @abstractmethod
    def run(self, ctx: Context) -> None: ...


class KeepOriginal(Step):
    name, label = "store", _("Originalet sparat")

    def run(self, ctx: Context) -> None:
        """Done when the file was received; recorded here so progress shows it."""


class ReadText(Step):
    name, label = "read", _("Texten läst sida för sida")

    def run(self, ctx: Context) -> None:
        """Done when the file was received (an unreadable file is never stored)."""


class Classify(Step):
    name, label = "classify", _("Dokumenttypen bestämd")

    def run(self, ctx: Context) -> None:
        from sprida.intake.extraction.classify import classify
        from sprida.intake.extraction.document import Document as TextDocument

        ctx.document.document_type = classify(TextDocument.from_text(ctx.document.text))


class Extract(Step):
    name, label = "extract", _("Uppgifterna utlästa")

    def run(self, ctx: Context) -> None:
        from sprida.intake.extraction import extract_text

        doc = ctx.document
        source = {
            "path": doc.original_name,
            "sha256": doc.sha256,
            "media_type": doc.media_type,
            "pages": doc.page_count,
            "chars": len(doc.text),
        }
        ctx.result = extract_text(doc.text, source=source)
        ctx.document.document_type = ctx.result.document_type
        if ctx.result.title is not None:
            ctx.document.title = str(ctx.result.title.value)[:300]


class Check(Step):
    name, label = "check", _("Summor och datum kontrollerade")

    def run(self, ctx: Context) -> None:
        from sprida.intake.checks import proposal_warnings

        ctx.warnings = proposal_warnings(ctx.result.to_schema_dict())


class Propose(Step):
    name, label = "propose", _("Förslag klart att granska")

    def run(self, ctx: Context) -> None:
        from sprida.core.models import NationalRole, Organisation, Region
        from sprida.intake.spans import flatten_spans

        data = ctx.result.to_schema_dict()
        data["warnings"] = ctx.warnings
        Proposal.objects.update_or_create(
            document=ctx.document,
            defaults={"data": data, "spans": flatten_spans(ctx.result), "warnings": ctx.warnings},
        )
        if ctx.document.region_id is None and data["regions"]:
            first = data["regions"][0]["org_number"]
            ctx.document.region = Region.objects.filter(org_number=first).first()
        if ctx.document.owner_id is None:
            # Imported without a person: the delegation holds its decisions, a region its memos.
            funder = Organisation.objects.filter(national_role=NationalRole.FUNDER).first()
            decision = ctx.document.document_type == "decision"
            owner = funder if decision else ctx.document.region
            # An organisation holds the same bytes once; if it received its own copy
            # meanwhile, this one stays with the operator who imported it.
            held = Document.objects.filter(owner=owner, sha256=ctx.document.sha256)
            if owner is not None and not held.exclude(pk=ctx.document.pk).exists():
                ctx.document.owner = owner
        ctx.document.status = DocumentStatus.PROPOSED
        transaction.on_commit(lambda: _index(ctx.document.pk))


def _index(document_id: int) -> None:
    from sprida.search.services import search_index

    search_index(kind="document", object_ids=[document_id])


STEPS: tuple[type[Step], ...] = (KeepOriginal, ReadText, Classify, Extract, Check, Propose)
STEP_NAMES = tuple(step.name for step in STEPS)
STEP_LABELS = {step.name: step.label for step in STEPS}


def _mark(document: Document, name: str, status: str, message: str = "") -> None:
    steps = [s for s in document.steps if s.get("name") != name]
    steps.append(
        {"name": name, "status": status, "at": timezone.now().isoformat(), "message": message}
    )
    order = {n: i for i, n in enumerate(STEP_NAMES)}
    document.steps = sorted(steps, key=lambda s: order.get(s["name"], 99))


def run_pipeline(document_id: int) -> Document:
    """Run the remaining steps; each step's end is saved so the page can show progress."""
    document = Document.objects.get(pk=document_id)
    ctx = Context(document=document)
    document.status = DocumentStatus.PROCESSING
    document.save(update_fields=["status"])
    for step_class in STEPS:
        step = step_class()
        if any(s["name"] == step.name and s["status"] == "done" for s in document.steps):
            continue
        try:
            with transaction.atomic():
                step.run(ctx)
                _mark(document, step.name, "done")
                document.save()
        except Exception as exc:  # a parser bug must not leave the document stuck "processing"
            _mark(document, step.name, "failed", str(exc)[:500])
            document.status = DocumentStatus.FAILED
            document.error_code = "pipeline"
            document.error_message = str(
                _(
                    "Dokumentet kunde inte tolkas i steget ”%(step)s”. Försök igen eller "
                    "registrera uppgifterna för hand."
                )
                % {"step": step.label}
            )
            document.save()
            logger.exception("Intake step %s failed for document %s", step.name, document.pk)
            break
    return document
