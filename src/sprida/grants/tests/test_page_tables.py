"""The grant pages' tables: the columns they show for the figures they are given."""

from __future__ import annotations

import datetime as dt

from sprida.grants.models import ProgrammeBudget
from sprida.grants.page_tables import budget_table
from sprida.grants.selectors import BudgetYear


def _budget(source: str) -> ProgrammeBudget:
    return ProgrammeBudget(source=source, source_date=dt.date(2025, 6, 3))


def test_budget_sources_that_agree_share_a_column_and_an_unexceeded_budget_has_no_excess() -> None:
    memo_a, memo_b, decision = _budget("Memo A"), _budget("Memo B"), _budget("Beslut")
    years = [
        BudgetYear(2025, 300, 0, [(memo_a, 250), (memo_b, 250), (decision, 750)]),
        BudgetYear(2026, 0, 100, [(memo_a, 250), (memo_b, 250), (decision, None)]),
    ]
    table = budget_table(years)
    labels = [str(c.label) for c in table.columns]
    assert labels[4:] == [
        "Budget enligt Memo A (2025-06-03); Memo B (2025-06-03)",
        "Överskridet mot denna",
        "Budget enligt Beslut (2025-06-03)",
    ]
    assert [row["budget0"] for row in table.rows] == [250, 250]
    assert [row["over0"] for row in table.rows] == [50, None]
    assert [row["budget1"] for row in table.rows] == [750, None]


def test_budget_sources_that_disagree_in_one_year_stand_side_by_side() -> None:
    memo_a, memo_b = _budget("Memo A"), _budget("Memo B")
    years = [
        BudgetYear(2025, 300, 0, [(memo_a, 250), (memo_b, 250)]),
        BudgetYear(2026, 0, 0, [(memo_a, 250), (memo_b, None)]),
    ]
    labels = [str(c.label) for c in budget_table(years).columns]
    assert labels[4:] == [
        "Budget enligt Memo A (2025-06-03)",
        "Överskridet mot denna",
        "Budget enligt Memo B (2025-06-03)",
        "Överskridet mot denna",
    ]
