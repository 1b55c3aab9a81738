"""Search builders for the grant records: applications, measures and decisions.

The grants app owns these models; their search documents are described here so that the
index has them from the start. Other apps register their own kinds in their ready().
"""

from __future__ import annotations

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from sprida.grants.models import Application, Decision, Measure
from sprida.search.registry import Builder, Doc, register


def first_url(names: list[str], **kwargs: object) -> str:
    """The first of these URL names that exists; the grants pages are named by their app."""
    for name in names:
        try:
            return reverse(name, kwargs=kwargs)
        except NoReverseMatch:
            continue
    return ""


def _measure(measure: Measure) -> Doc:
    application = measure.application
    return Doc(
        title=measure.title,
        body="\n".join(p for p in [measure.description, measure.aim, measure.scope_notes] if p),
        url=first_url(["spreading:measure"], pk=measure.pk),
        category=measure.category.slug if measure.category else "",
        date=application.submitted_on,
        extra=[application.title, application.applicant.name],
    )


def _application(application: Application) -> Doc:
    return Doc(
        title=application.label,
        body="\n".join(
            p for p in [application.economic_analysis, application.development_needs] if p
        ),
        url=first_url(["grants:application", "grants:application_detail"], pk=application.pk),
        date=application.submitted_on,
        extra=[application.applicant.name, *(m.title for m in application.measures.all())],
    )


def _decision(decision: Decision) -> Doc:
    application = decision.application
    return Doc(
        title=decision.label,
        body=decision.reasoning,
        url=first_url(["grants:decision", "grants:decision_detail"], pk=decision.pk)
        or first_url(["grants:application", "grants:application_detail"], pk=application.pk),
        date=decision.decided_on,
        extra=[
            application.applicant.name,
            decision.case_number,
            *(f"{line.measure.title} {line.reason}" for line in decision.lines.all()),
        ],
    )


register(
    "measure",
    Builder(
        model=Measure,
        label=_("Åtgärder"),
        document=_measure,
        queryset=lambda: Measure.objects.select_related("application__applicant", "category"),
    ),
)
register(
    "application",
    Builder(
        model=Application,
        label=_("Ansökningar"),
        document=_application,
        queryset=lambda: Application.objects.select_related("applicant").prefetch_related(
            "measures"
        ),
    ),
)
register(
    "decision",
    Builder(
        model=Decision,
        label=_("Beslut"),
        document=_decision,
        queryset=lambda: Decision.objects.select_related("application__applicant").prefetch_related(
            "lines__measure"
        ),
    ),
)
