"""The extraction result: every value keeps the span of the original text it came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Generic, TypeVar

T = TypeVar("T")
Span = tuple[int, int]

SCHEMA_ID = "sprida.extraction/v1"
DATE_KINDS = ("document", "meeting", "decision", "application_submitted")


@dataclass(frozen=True)
class Found(Generic[T]):
    """A value and the [start, end) span of the original text it was read from."""

    value: T
    span: Span | None = None


@dataclass
class RegionMention:
    name: str
    org_number: str
    role: str
    span: Span | None = None


@dataclass
class Organisation:
    name: str
    org_number: str | None = None
    span: Span | None = None


@dataclass
class Person:
    name: str
    title: str | None = None
    span: Span | None = None


@dataclass
class Meeting:
    body: Found[str] | None = None
    paragraphs: list[Found[str]] = field(default_factory=list)
    place: Found[str] | None = None


@dataclass
class Programme:
    budget_sek_per_year: Found[int] | None = None
    period: Found[tuple[int, int]] | None = None
    regulation: Found[str] | None = None


@dataclass
class Application:
    joint: Found[bool] | None = None
    participating_regions: Found[int] | None = None
    applied_sek: Found[int] | None = None


@dataclass
class Decision:
    outcome: Found[str] | None = None
    applied_sek: Found[int] | None = None
    granted_sek: Found[int] | None = None
    rejected_sek: Found[int] | None = None
    appealable: Found[bool] | None = None


@dataclass
class Measure:
    title: Found[str]
    outcome: str
    applied_sek: Found[int] | None = None
    granted_sek: Found[int] | None = None
    rejected_sek: Found[int] | None = None
    conditions: list[Found[str]] = field(default_factory=list)
    # The date each condition is to be met by, in the order of `conditions` (None: no date).
    condition_dues: list[Found[date] | None] = field(default_factory=list)
    reason: Found[str] | None = None
    span: Span | None = None


@dataclass
class Payout:
    year: int
    amount_sek: int
    span: Span | None = None


@dataclass
class Deadline:
    kind: str
    due: date
    span: Span | None = None


def _v(found: Found[Any] | None) -> Any:
    return None if found is None else found.value


@dataclass
class ExtractionResult:
    source: dict[str, Any]
    document_type: str = "other"
    title: Found[str] | None = None
    issuer: Organisation | None = None
    regions: list[RegionMention] = field(default_factory=list)
    case_numbers: list[Found[str]] = field(default_factory=list)
    dates: dict[str, Found[date]] = field(default_factory=dict)
    meeting: Meeting | None = None
    programme: Programme | None = None
    application: Application | None = None
    decision: Decision | None = None
    measures: list[Measure] = field(default_factory=list)
    payouts: list[Payout] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)
    resolutions: list[Found[str]] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_schema_dict(self) -> dict[str, Any]:
        """The JSON shape of schema sprida.extraction/v1 (spans omitted)."""
        out: dict[str, Any] = {
            "schema": SCHEMA_ID,
            "source": dict(self.source),
            "document_type": self.document_type,
            "title": _v(self.title),
            "issuer": None
            if self.issuer is None
            else {"name": self.issuer.name, "org_number": self.issuer.org_number},
            "regions": [
                {"name": r.name, "org_number": r.org_number, "role": r.role} for r in self.regions
            ],
            "case_numbers": [c.value for c in self.case_numbers],
            "dates": {kind: _date(self.dates.get(kind)) for kind in DATE_KINDS},
            "meeting": self._meeting(),
            "programme": self._programme(),
            "application": self._application(),
            "decision": self._decision(),
            "measures": [_measure(m) for m in self.measures],
            "payouts": [{"year": p.year, "amount_sek": p.amount_sek} for p in self.payouts],
            "deadlines": [{"kind": d.kind, "due": d.due.isoformat()} for d in self.deadlines],
            "resolutions": [r.value for r in self.resolutions],
            "people": [{"name": p.name, "title": p.title} for p in self.people],
            "warnings": list(self.warnings),
        }
        return out

    def _meeting(self) -> dict[str, Any] | None:
        m = self.meeting
        if m is None or m.body is None:
            return None
        return {
            "body": m.body.value,
            "paragraphs": [p.value for p in m.paragraphs],
            "place": _v(m.place),
        }

    def _programme(self) -> dict[str, Any] | None:
        p = self.programme
        if p is None or (
            p.budget_sek_per_year is None and p.period is None and p.regulation is None
        ):
            return None
        return {
            "budget_sek_per_year": _v(p.budget_sek_per_year),
            "period": list(p.period.value) if p.period else None,
            "regulation": _v(p.regulation),
        }

    def _application(self) -> dict[str, Any] | None:
        a = self.application
        if a is None:
            return None
        out: dict[str, Any] = {"joint": bool(_v(a.joint))}
        out["participating_regions"] = _v(a.participating_regions)
        out["applied_sek"] = _v(a.applied_sek)
        return out

    def _decision(self) -> dict[str, Any] | None:
        d = self.decision
        if d is None or d.outcome is None:
            return None
        return {
            "outcome": d.outcome.value,
            "applied_sek": _v(d.applied_sek),
            "granted_sek": _v(d.granted_sek),
            "rejected_sek": _v(d.rejected_sek),
            "appealable": _v(d.appealable),
        }


def _date(found: Found[date] | None) -> str | None:
    return None if found is None else found.value.isoformat()


def _measure(m: Measure) -> dict[str, Any]:
    out: dict[str, Any] = {"title": m.title.value, "outcome": m.outcome}
    for key in ("applied_sek", "granted_sek", "rejected_sek"):
        value = _v(getattr(m, key))
        if value is not None:
            out[key] = value
    if m.conditions:
        out["conditions"] = [c.value for c in m.conditions]
        dues = [_date(d) for d in m.condition_dues]
        if any(dues):
            out["condition_due_dates"] = dues + [None] * (len(m.conditions) - len(dues))
    if m.reason is not None:
        out["reason"] = m.reason.value
    return out
