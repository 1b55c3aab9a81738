"""The grant rules as pure functions: each returns findings with Swedish messages that name
the numbers. Forms and services refuse on errors; document intake keeps them as warnings.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from django.utils.translation import gettext as _

from sprida.core.formats import format_sek

GRANTED, PARTIALLY_GRANTED, REJECTED = "granted", "partially_granted", "rejected"

Level = Literal["error", "warning"]


@dataclass(frozen=True)
class Finding:
    code: str
    message: str
    level: Level = "error"

    def __str__(self) -> str:
        return self.message


def errors(findings: Iterable[Finding]) -> list[Finding]:
    return [f for f in findings if f.level == "error"]


def _named(label: str) -> str:
    return f"{label}: " if label else ""


def check_parts_add_up(
    *, applied_sek: int | None, granted_sek: int | None, rejected_sek: int | None, label: str = ""
) -> list[Finding]:
    """Granted + rejected = applied, where all three are known."""
    if applied_sek is None or granted_sek is None or rejected_sek is None:
        return []
    total = granted_sek + rejected_sek
    if total == applied_sek:
        return []
    message = _(
        "%(label)sBeviljat %(granted)s + avslaget %(rejected)s = %(total)s, "
        "men ansökt belopp är %(applied)s."
    ) % {
        "label": _named(label),
        "granted": format_sek(granted_sek),
        "rejected": format_sek(rejected_sek),
        "total": format_sek(total),
        "applied": format_sek(applied_sek),
    }
    return [Finding("parts_add_up", message)]


def check_not_negative(*, amounts: dict[str, int | None], label: str = "") -> list[Finding]:
    return [
        Finding(
            "negative",
            _("%(label)s%(what)s kan inte vara negativt (%(amount)s).")
            % {"label": _named(label), "what": what, "amount": format_sek(amount)},
        )
        for what, amount in amounts.items()
        if amount is not None and amount < 0
    ]


def check_outcome(
    *,
    outcome: str,
    granted_sek: int | None,
    rejected_sek: int | None,
    applied_sek: int | None = None,
    label: str = "",
) -> list[Finding]:
    """The outcome must fit the amounts: 'avslås' grants nothing, 'beviljas' rejects nothing."""
    findings = []
    if outcome == REJECTED and granted_sek:
        findings.append(
            Finding(
                "outcome",
                _("%(label)sUtfallet är avslag men beviljat belopp är %(granted)s.")
                % {"label": _named(label), "granted": format_sek(granted_sek)},
            )
        )
    if outcome == GRANTED and rejected_sek:
        findings.append(
            Finding(
                "outcome",
                _(
                    "%(label)sUtfallet är beviljat i sin helhet men avslaget belopp är "
                    "%(rejected)s. Välj ”Beviljas delvis”."
                )
                % {"label": _named(label), "rejected": format_sek(rejected_sek)},
            )
        )
    if outcome == PARTIALLY_GRANTED and granted_sek == 0:
        findings.append(
            Finding(
                "outcome",
                _("%(label)sUtfallet är delvis beviljat men beviljat belopp är 0 kr.")
                % {"label": _named(label)},
            )
        )
    if (
        outcome == PARTIALLY_GRANTED
        and applied_sek is not None
        and granted_sek is not None
        and granted_sek >= applied_sek
    ):
        findings.append(
            Finding(
                "outcome",
                _(
                    "%(label)sUtfallet är delvis beviljat men beviljat belopp %(granted)s "
                    "är inte mindre än ansökt belopp %(applied)s."
                )
                % {
                    "label": _named(label),
                    "granted": format_sek(granted_sek),
                    "applied": format_sek(applied_sek),
                },
            )
        )
    return findings


def share_of(applied_sek: int | None, granted_sek: int | None) -> int | None:
    """The granted share of the applied amount in whole percent, rounded half up."""
    if not applied_sek or granted_sek is None:
        return None
    return (granted_sek * 200 + applied_sek) // (applied_sek * 2)


def check_share(
    *,
    applied_sek: int | None,
    granted_sek: int | None,
    share_percent: int | None,
    label: str = "",
) -> list[Finding]:
    if share_percent is None:
        return []
    if not 0 <= share_percent <= 100:
        return [
            Finding(
                "share",
                _("%(label)sAndelen %(share)s %% måste vara mellan 0 och 100.")
                % {"label": _named(label), "share": share_percent},
            )
        ]
    actual = share_of(applied_sek, granted_sek)
    if actual is None or actual == share_percent:
        return []
    return [
        Finding(
            "share",
            _(
                "%(label)sAndelen %(share)s %% stämmer inte: %(granted)s av %(applied)s "
                "är %(actual)s %%."
            )
            % {
                "label": _named(label),
                "share": share_percent,
                "granted": format_sek(granted_sek),
                "applied": format_sek(applied_sek),
                "actual": actual,
            },
        )
    ]


def check_lines_match_decision(
    *, decision_granted_sek: int | None, line_granted: Sequence[int]
) -> list[Finding]:
    """The measure grants add up to the decision's grant."""
    if decision_granted_sek is None or not line_granted:
        return []
    total = sum(line_granted)
    if total == decision_granted_sek:
        return []
    return [
        Finding(
            "lines_total",
            _(
                "Beviljat per åtgärd blir sammanlagt %(total)s, men beslutet beviljar "
                "%(granted)s (skillnad %(diff)s)."
            )
            % {
                "total": format_sek(total),
                "granted": format_sek(decision_granted_sek),
                "diff": format_sek(total - decision_granted_sek),
            },
        )
    ]


def check_lines_rejected_match_decision(
    *, decision_rejected_sek: int | None, line_rejected: Sequence[int | None]
) -> list[Finding]:
    """Where every line's rejected amount is known, they add up to the decision's."""
    if decision_rejected_sek is None or not line_rejected or None in line_rejected:
        return []
    total = sum(r for r in line_rejected if r is not None)
    if total == decision_rejected_sek:
        return []
    return [
        Finding(
            "lines_rejected_total",
            _(
                "Avslaget per åtgärd blir sammanlagt %(total)s, men beslutet avslår "
                "%(rejected)s (skillnad %(diff)s)."
            )
            % {
                "total": format_sek(total),
                "rejected": format_sek(decision_rejected_sek),
                "diff": format_sek(total - decision_rejected_sek),
            },
        )
    ]


def check_payouts_match_grant(
    *, granted_sek: int | None, payouts: Sequence[tuple[int, int]]
) -> list[Finding]:
    """The payouts (year, amount) add up to the grant."""
    if granted_sek is None or not payouts:
        return []
    findings = []
    years = [year for year, _amount in payouts]
    duplicates = sorted({year for year in years if years.count(year) > 1})
    if duplicates:
        findings.append(
            Finding(
                "payout_year",
                _("Samma år finns flera gånger i utbetalningsplanen: %(years)s.")
                % {"years": ", ".join(str(y) for y in duplicates)},
            )
        )
    total = sum(amount for _year, amount in payouts)
    if total != granted_sek:
        parts = " + ".join(format_sek(amount) for _year, amount in sorted(payouts))
        findings.append(
            Finding(
                "payouts_total",
                _(
                    "Utbetalningarna %(parts)s = %(total)s, men beviljat belopp är "
                    "%(granted)s (skillnad %(diff)s)."
                )
                % {
                    "parts": parts,
                    "total": format_sek(total),
                    "granted": format_sek(granted_sek),
                    "diff": format_sek(total - granted_sek),
                },
            )
        )
    return findings


def check_measures_match_application(
    *, application_applied_sek: int | None, measure_applied: Sequence[int | None]
) -> list[Finding]:
    """A warning when the measures' amounts, all known, differ from the application's total."""
    if application_applied_sek is None or not measure_applied or None in measure_applied:
        return []
    total = sum(a for a in measure_applied if a is not None)
    if total == application_applied_sek:
        return []
    return [
        Finding(
            "measures_total",
            _("Åtgärdernas sökta belopp blir sammanlagt %(total)s, men ansökan anger %(applied)s.")
            % {"total": format_sek(total), "applied": format_sek(application_applied_sek)},
            "warning",
        )
    ]


def check_year_amounts(
    *, applied_sek: int | None, year_amounts: Sequence[tuple[int, int]], label: str = ""
) -> list[Finding]:
    """The amounts per year add up to the measure's applied amount, where both are given."""
    if applied_sek is None or not year_amounts:
        return []
    total = sum(amount for _year, amount in year_amounts)
    if total == applied_sek:
        return []
    return [
        Finding(
            "year_amounts",
            _("%(label)sBeloppen per år blir %(total)s, men sökt belopp är %(applied)s.")
            % {
                "label": _named(label),
                "total": format_sek(total),
                "applied": format_sek(applied_sek),
            },
        )
    ]


def check_double_funding(*, other_state_funding: bool, label: str = "") -> list[Finding]:
    """§ 5: no grant for what already has state funding. A warning, for the delegation to judge."""
    if not other_state_funding:
        return []
    return [
        Finding(
            "double_funding",
            _(
                "%(label)sÅtgärden har annan statlig finansiering. Enligt 5 § förordningen "
                "(2024:1102) får bidrag inte lämnas för det som redan finansieras av staten."
            )
            % {"label": _named(label)},
            "warning",
        )
    ]


def outcome_from_lines(outcomes: Sequence[str]) -> str | None:
    """The decision's outcome as its lines make it: all granted, all rejected, or partly."""
    if not outcomes:
        return None
    if all(o == GRANTED for o in outcomes):
        return GRANTED
    if all(o == REJECTED for o in outcomes):
        return REJECTED
    return PARTIALLY_GRANTED


def check_decision_outcome_matches_lines(
    *, outcome: str, line_outcomes: Sequence[str]
) -> list[Finding]:
    expected = outcome_from_lines(line_outcomes)
    if expected is None or expected == outcome:
        return []
    labels = {
        GRANTED: _("beviljas"),
        PARTIALLY_GRANTED: _("beviljas delvis"),
        REJECTED: _("avslås"),
    }
    return [
        Finding(
            "decision_outcome",
            _("Beslutets utfall är ”%(outcome)s” men åtgärdernas utfall ger ”%(expected)s”.")
            % {"outcome": labels.get(outcome, outcome), "expected": labels[expected]},
        )
    ]


@dataclass(frozen=True)
class LineFigures:
    label: str
    outcome: str
    applied_sek: int | None
    granted_sek: int
    rejected_sek: int | None
    share_percent: int | None = None


def check_line(line: LineFigures) -> list[Finding]:
    return [
        *check_not_negative(
            amounts={_("Beviljat"): line.granted_sek, _("Avslaget"): line.rejected_sek},
            label=line.label,
        ),
        *check_parts_add_up(
            applied_sek=line.applied_sek,
            granted_sek=line.granted_sek,
            rejected_sek=line.rejected_sek,
            label=line.label,
        ),
        *check_outcome(
            outcome=line.outcome,
            granted_sek=line.granted_sek,
            rejected_sek=line.rejected_sek,
            applied_sek=line.applied_sek,
            label=line.label,
        ),
        *check_share(
            applied_sek=line.applied_sek,
            granted_sek=line.granted_sek,
            share_percent=line.share_percent,
            label=line.label,
        ),
    ]


def decision_findings(
    *,
    outcome: str,
    applied_sek: int | None,
    granted_sek: int,
    rejected_sek: int | None,
    lines: Sequence[LineFigures] = (),
    payouts: Sequence[tuple[int, int]] = (),
) -> list[Finding]:
    """Every rule a decision must keep, at once, so a form can show them all together."""
    findings = [
        *check_not_negative(
            amounts={
                _("Ansökt belopp"): applied_sek,
                _("Beviljat belopp"): granted_sek,
                _("Avslaget belopp"): rejected_sek,
            }
        ),
        *check_parts_add_up(
            applied_sek=applied_sek, granted_sek=granted_sek, rejected_sek=rejected_sek
        ),
        *check_outcome(
            outcome=outcome,
            granted_sek=granted_sek,
            rejected_sek=rejected_sek,
            applied_sek=applied_sek,
        ),
    ]
    for line in lines:
        findings += check_line(line)
    findings += check_lines_match_decision(
        decision_granted_sek=granted_sek, line_granted=[line.granted_sek for line in lines]
    )
    findings += check_lines_rejected_match_decision(
        decision_rejected_sek=rejected_sek, line_rejected=[line.rejected_sek for line in lines]
    )
    findings += check_decision_outcome_matches_lines(
        outcome=outcome, line_outcomes=[line.outcome for line in lines]
    )
    findings += check_not_negative(
        amounts={str(year): amount for year, amount in payouts}, label=_("Utbetalning")
    )
    findings += check_payouts_match_grant(granted_sek=granted_sek, payouts=payouts)
    return findings


@dataclass(frozen=True)
class DefaultDeadlines:
    implementation_by: dt.date
    progress_report_by: dt.date
    final_report_by: dt.date


def default_deadlines(*, decided_on: dt.date, last_payout_year: int | None) -> DefaultDeadlines:
    """The deadlines the delegation's 2025 decisions set: measures done by the end of the last
    payout year, a progress report on 30 November the year after the decision, and the final
    report on 28 February after the implementation year."""
    last_year = last_payout_year or decided_on.year + 2
    return DefaultDeadlines(
        implementation_by=dt.date(last_year, 12, 31),
        progress_report_by=dt.date(decided_on.year + 1, 11, 30),
        final_report_by=dt.date(last_year + 1, 2, 28),
    )


def reminder_stage(*, due_on: dt.date, today: dt.date) -> str | None:
    """Which reminder is due: 30 days ahead, 7 days ahead, or overdue (None = none yet)."""
    days = (due_on - today).days
    if days < 0:
        return "overdue"
    if days <= 7:
        return "7d"
    if days <= 30:
        return "30d"
    return None
