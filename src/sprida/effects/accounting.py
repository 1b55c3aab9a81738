"""Grant accounting for the region's controller: paid out, costs, income, deferred income, risk.

The decision says the grant is recognised as income as the measures are carried out, and that a
region may have to pay back what it does not use (18–20 §§ of the regulation). Per measure and
year, all in whole kronor:

- paid out: the decision's payouts in the year they were paid, shared among its granted measures
  in proportion to their grants (largest remainder, so the shares add up to the payout exactly);
- costs incurred: the recorded costs of the year;
- income recognised: costs up to the granted amount, cumulatively (a cost beyond the grant is
  the region's own and recognises nothing);
- deferred income at year end: paid out minus recognised, both cumulative; below zero it is
  income accrued but not yet paid out (a receivable);
- at risk of repayment: granted minus used, while it is above zero, with a warning from six
  months before the implementation deadline.

Pure functions of plain figures, so the rules are tested apart from the database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from sprida.effects.grant_use import unused_sek

WARNING_MONTHS = 6


@dataclass(frozen=True)
class MeasureFigures:
    """What the records say of one granted measure."""

    measure_id: int | None
    title: str
    granted_sek: int
    costs_by_year: dict[int, int]


@dataclass(frozen=True)
class PaidOut:
    year: int
    amount_sek: int


@dataclass
class LedgerRow:
    """One measure in one year."""

    measure_id: int | None
    title: str
    year: int
    granted_sek: int
    paid_sek: int
    costs_sek: int
    recognised_sek: int
    paid_to_date_sek: int
    costs_to_date_sek: int
    recognised_to_date_sek: int

    @property
    def deferred_sek(self) -> int:
        """Deferred income at the year end (negative: accrued income not yet paid out)."""
        return self.paid_to_date_sek - self.recognised_to_date_sek


@dataclass
class MeasureLedger:
    measure_id: int | None
    title: str
    granted_sek: int
    rows: list[LedgerRow] = field(default_factory=list)

    @property
    def paid_sek(self) -> int:
        return sum(r.paid_sek for r in self.rows)

    @property
    def costs_sek(self) -> int:
        return sum(r.costs_sek for r in self.rows)

    @property
    def recognised_sek(self) -> int:
        return sum(r.recognised_sek for r in self.rows)

    @property
    def deferred_sek(self) -> int:
        return self.paid_sek - self.recognised_sek

    @property
    def at_risk_sek(self) -> int:
        """Granted but not used: what may have to be paid back if it stays unused."""
        return unused_sek(granted_sek=self.granted_sek, used_sek=self.costs_sek)


@dataclass
class YearTotal:
    year: int
    paid_sek: int = 0
    costs_sek: int = 0
    recognised_sek: int = 0
    deferred_sek: int = 0  # at the year end


@dataclass
class Ledger:
    measures: list[MeasureLedger]
    years: list[int]
    implementation_due: dt.date | None = None
    today: dt.date | None = None

    @property
    def rows(self) -> list[LedgerRow]:
        return [row for measure in self.measures for row in measure.rows]

    @property
    def granted_sek(self) -> int:
        return sum(m.granted_sek for m in self.measures)

    @property
    def paid_sek(self) -> int:
        return sum(m.paid_sek for m in self.measures)

    @property
    def costs_sek(self) -> int:
        return sum(m.costs_sek for m in self.measures)

    @property
    def recognised_sek(self) -> int:
        return sum(m.recognised_sek for m in self.measures)

    @property
    def deferred_sek(self) -> int:
        return self.paid_sek - self.recognised_sek

    @property
    def at_risk_sek(self) -> int:
        return sum(m.at_risk_sek for m in self.measures)

    @property
    def year_totals(self) -> list[YearTotal]:
        totals = {year: YearTotal(year) for year in self.years}
        for row in self.rows:
            total = totals[row.year]
            total.paid_sek += row.paid_sek
            total.costs_sek += row.costs_sek
            total.recognised_sek += row.recognised_sek
            total.deferred_sek += row.deferred_sek
        return [totals[year] for year in self.years]

    @property
    def warning_from(self) -> dt.date | None:
        if self.implementation_due is None:
            return None
        return months_before(self.implementation_due, WARNING_MONTHS)

    @property
    def warn(self) -> bool:
        """From six months before the implementation deadline, while grant is unused."""
        start = self.warning_from
        return bool(
            start is not None
            and self.today is not None
            and self.today >= start
            and self.at_risk_sek > 0
        )

    @property
    def past_deadline(self) -> bool:
        return bool(
            self.implementation_due is not None
            and self.today is not None
            and self.today > self.implementation_due
        )


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day `months` months earlier, or the month's last day if it has fewer days."""
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise AssertionError("unreachable")  # pragma: no cover


def shares(amount: int, weights: Sequence[int]) -> list[int]:
    """Split a whole-krona amount by weights; the parts add up to the amount exactly.

    Largest remainder: each part is rounded down, and the kronor left over go one each to the
    parts with the largest remainders (the earlier part on a tie).
    """
    total = sum(weights)
    if total <= 0:
        raise ValueError("weights must add up to more than zero")
    floors = [amount * w // total for w in weights]
    remainders = [amount * w % total for w in weights]
    left = amount - sum(floors)
    order = sorted(range(len(weights)), key=lambda i: (-remainders[i], i))
    for i in order[:left]:
        floors[i] += 1
    return floors


def ledger_build(
    *,
    measures: Sequence[MeasureFigures],
    paid: Iterable[PaidOut],
    first_year: int,
    last_year: int,
    implementation_due: dt.date | None = None,
    today: dt.date | None = None,
) -> Ledger:
    """The ledger of one decision: a row per measure and year from first_year to last_year."""
    paid = list(paid)
    years_seen = [p.year for p in paid] + [y for m in measures for y in m.costs_by_year]
    years = list(range(min([first_year, *years_seen]), max([last_year, *years_seen]) + 1))
    items = list(measures)
    weights = [m.granted_sek for m in items]
    if not items or sum(weights) <= 0:
        # Nothing granted to share payouts by: keep them on one row for the decision.
        items.append(MeasureFigures(None, "", 0, {}))
        weights = [*(0 for _ in weights), 1]
    paid_by_year: list[dict[int, int]] = [{} for _ in items]
    for payout in paid:
        for index, part in enumerate(shares(payout.amount_sek, weights)):
            paid_by_year[index][payout.year] = paid_by_year[index].get(payout.year, 0) + part
    result = []
    for index, figures in enumerate(items):
        measure = MeasureLedger(figures.measure_id, figures.title, figures.granted_sek)
        paid_to_date = costs_to_date = recognised_to_date = 0
        for year in years:
            paid_year = paid_by_year[index].get(year, 0)
            costs_year = figures.costs_by_year.get(year, 0)
            paid_to_date += paid_year
            costs_to_date += costs_year
            recognised_now = min(costs_to_date, figures.granted_sek)
            measure.rows.append(
                LedgerRow(
                    measure_id=figures.measure_id,
                    title=figures.title,
                    year=year,
                    granted_sek=figures.granted_sek,
                    paid_sek=paid_year,
                    costs_sek=costs_year,
                    recognised_sek=recognised_now - recognised_to_date,
                    paid_to_date_sek=paid_to_date,
                    costs_to_date_sek=costs_to_date,
                    recognised_to_date_sek=recognised_now,
                )
            )
            recognised_to_date = recognised_now
        result.append(measure)
    return Ledger(result, years, implementation_due, today)
