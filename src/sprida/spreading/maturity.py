"""The evidence each maturity step needs, checked against the records, and what is missing.

idea      nothing
pilot     at least one region pilots or uses the solution, or a granted measure implements it
validated at least one indicator of a linked measure with a baseline and a later measurement
spread    the solution is in use in at least three regions
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from django.apps import apps
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from sprida.core.access import restrict
from sprida.core.collation import Swedish
from sprida.grants.models import ApplicationStatus
from sprida.spreading.models import (
    MATURITY_ORDER,
    AdoptionStatus,
    Maturity,
    Solution,
    SolutionMeasure,
    maturity_rank,
)

SPREAD_MIN_REGIONS = 3


@dataclass
class Requirement:
    level: str
    text: str
    met: bool
    detail: str
    missing: str = ""
    refs: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Evidence:
    """Every requirement for every level, and how far the evidence reaches."""

    requirements: list[Requirement]

    def for_level(self, level: str) -> list[Requirement]:
        return [r for r in self.requirements if r.level == level]

    def supports(self, level: str) -> bool:
        """True if every step up to and including `level` has its evidence."""
        rank = maturity_rank(level)
        return all(r.met for r in self.requirements if maturity_rank(r.level) <= rank)

    @property
    def highest_supported(self) -> str:
        best = Maturity.IDEA.value
        for level in MATURITY_ORDER:
            if self.supports(level):
                best = level.value
            else:
                break
        return best

    def missing_for(self, level: str) -> list[Requirement]:
        rank = maturity_rank(level)
        return [r for r in self.requirements if maturity_rank(r.level) <= rank and not r.met]


def _real_links(solution: Solution) -> list[SolutionMeasure]:
    return list(
        solution.measure_links.exclude(
            measure__application__status=ApplicationStatus.DRAFT
        ).select_related("measure__application__applicant")
    )


_EVERYONE = object()  # evidence for the system itself: every record counts and is named


def _indicator_evidence(measure_ids: list[int], user: Any) -> tuple[bool | None, list[str]]:
    """Indicators of these measures with a baseline and a measurement after it.

    Whether the evidence exists is decided over all records; only the indicators the user
    may see are named. Returns (None, []) when the effects app is not installed, so the step
    shows as "cannot be checked" rather than as failed.
    """
    if not apps.is_installed("sprida.effects"):
        return None, []
    try:
        from django.db.models import Exists, F, OuterRef

        from sprida.effects.models import Indicator, Measurement
    except ImportError:
        return None, []
    follow_up = Measurement.objects.filter(
        indicator=OuterRef("pk"), period__gt=F("indicator__baseline_on")
    )
    rows = (
        Indicator.objects.filter(measure_id__in=measure_ids, baseline_value__isnull=False)
        .filter(Exists(follow_up))
        .select_related("measure")
        .order_by("measure_id", "pk")
    )
    met = rows.exists()
    if user is not _EVERYONE:
        rows = restrict(rows, user, "view")
    return met, [f"{i.name} ({i.measure.title})" for i in rows]


def evidence_for(solution: Solution, *, user: Any = _EVERYONE) -> Evidence:
    """The evidence for every step. With `user`, only records that user may see are named."""
    links = _real_links(solution)
    if user is not _EVERYONE:
        from sprida.grants.models import Measure

        visible = set(
            restrict(
                Measure.objects.filter(pk__in=[link.measure_id for link in links]), user
            ).values_list("pk", flat=True)
        )
    else:
        visible = {link.measure_id for link in links}
    adoptions = list(solution.adoptions.select_related("region").order_by(Swedish("region__name")))
    piloting = [a for a in adoptions if a.status in (AdoptionStatus.PILOT, AdoptionStatus.IN_USE)]
    in_use = [a for a in adoptions if a.status == AdoptionStatus.IN_USE]
    implementing = [link for link in links if link.role == "implements"]

    pilot_met = bool(piloting or implementing)
    pilot_refs = [a.region.name for a in piloting] + [
        f"{link.measure.title} ({link.measure.application.applicant.name})"
        for link in implementing
        if link.measure_id in visible
    ]
    pilot_count = len(piloting) + len(implementing)
    requirements = [
        Requirement(
            level=Maturity.PILOT,
            text=_("Minst en region prövar eller använder lösningen, eller en åtgärd inför den."),
            met=pilot_met,
            detail=(
                ngettext(
                    "%(n)d region eller åtgärd prövar lösningen.",
                    "%(n)d regioner eller åtgärder prövar lösningen.",
                    pilot_count,
                )
                % {"n": pilot_count}
            ),
            missing=""
            if pilot_met
            else _("Registrera en region med status Pilot eller I bruk, eller koppla en åtgärd."),
            refs=pilot_refs,
        )
    ]

    measured, indicator_refs = _indicator_evidence([link.measure_id for link in links], user)
    if measured is None:
        validated = Requirement(
            level=Maturity.VALIDATED,
            text=_("Minst en indikator med baslinje och uppföljande mätning från en åtgärd."),
            met=False,
            detail=_("Effektuppföljningen är inte tillgänglig, så underlaget kan inte prövas."),
            missing=_("Effektuppföljningen behövs för att pröva underlaget."),
        )
    else:
        if measured:
            missing = ""
        elif not links:
            missing = _("Koppla en beviljad åtgärd som inför eller utvärderar lösningen.")
        else:
            missing = _(
                "Ingen av de %(n)d kopplade åtgärderna har en indikator med baslinje "
                "och ett mätvärde efter baslinjen."
            ) % {"n": len(links)}
        validated = Requirement(
            level=Maturity.VALIDATED,
            text=_("Minst en indikator med baslinje och uppföljande mätning från en åtgärd."),
            met=measured,
            detail=_("Underlaget finns.") if measured else _("Underlaget saknas."),
            missing=missing,
            refs=indicator_refs,
        )
    requirements.append(validated)

    in_use_names = [a.region.name for a in in_use]
    lacking = max(SPREAD_MIN_REGIONS - len(in_use), 0)
    requirements.append(
        Requirement(
            level=Maturity.SPREAD,
            text=_("Lösningen används (I bruk) i minst %(min)d regioner.")
            % {"min": SPREAD_MIN_REGIONS},
            met=lacking == 0,
            detail=ngettext("I bruk i %(n)d region.", "I bruk i %(n)d regioner.", len(in_use))
            % {"n": len(in_use)},
            missing=""
            if lacking == 0
            else ngettext(
                "%(k)d region till behöver ha lösningen i bruk.",
                "%(k)d regioner till behöver ha lösningen i bruk.",
                lacking,
            )
            % {"k": lacking},
            refs=in_use_names,
        )
    )
    return Evidence(requirements)
