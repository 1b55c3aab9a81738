"""The optimiser on small problems whose best answer is known, and its invariants on many."""

from __future__ import annotations

import itertools
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from sprida.assessment.optimiser import (
    Candidate,
    Limit,
    Problem,
    changes,
    margin,
    objective,
    percent,
    solve,
    spent,
    with_fixed,
)

Y1, Y2 = 2026, 2027


K = 1000  # amounts in thousands of kronor, as applications give them


def _c(key: int, score: float, y1: int, y2: int = 0, **kw: Any) -> Candidate:
    applied = {Y1: y1 * K, Y2: y2 * K} if y2 else {Y1: y1 * K}
    region = kw.pop("region", key)
    category = kw.pop("category", None)
    return Candidate(key=key, region=region, category=category, score=score, applied=applied, **kw)


def _pct(solution_share: dict[int, float]) -> dict[int, int]:
    return {key: percent(value) for key, value in solution_share.items()}


def test_everything_fits_so_everything_is_granted_in_full() -> None:
    problem = Problem({Y1: 1_000 * K}, (_c(1, 50, 300), _c(2, 80, 400)))
    solution = solve(problem)
    assert solution.ok
    assert solution.share == {1: 1.0, 2: 1.0}
    assert spent(problem, solution.share) == {Y1: 700 * K}


def test_the_best_scored_krona_comes_first_and_the_margin_gets_what_is_left() -> None:
    problem = Problem({Y1: 1_000 * K}, (_c(1, 90, 600), _c(2, 50, 600), _c(3, 70, 200)))
    solution = solve(problem)
    # 600 (score 90) and 200 (70) in full; the 200 left go to the weakest: a third of 600.
    assert _pct(solution.share) == {1: 100, 2: 33, 3: 100}
    assert spent(problem, solution.share) == {Y1: 1_000 * K}
    assert margin(problem, solution.share, k=2) == [2, 3]


def test_a_partial_grant_is_whole_thousands_and_stays_within_the_budget() -> None:
    problem = Problem({Y1: 1_000_500}, (_c(1, 90, 700), _c(2, 50, 999)))
    solution = solve(problem)
    granted = problem.candidates[1].granted(solution.share[2])
    assert granted == {Y1: 300 * K}
    assert sum(spent(problem, solution.share).values()) <= 1_000_500


def test_no_grant_below_the_smallest_sensible_share() -> None:
    problem = Problem({Y1: 1_000 * K}, (_c(1, 90, 600), _c(2, 50, 600, min_percent=50)))
    assert _pct(solve(problem).share)[2] == 67  # 400 of 600 is allowed above a 50 % floor
    # All of measure 1 and 70 % of measure 2 do not fit; less than 70 % of 2 makes no sense.
    strict = Problem(
        {Y1: 1_000 * K}, (_c(1, 90, 600, min_percent=100), _c(2, 50, 600, min_percent=70))
    )
    assert solve(strict).share == {1: 1.0, 2: 0.0}


def test_the_recommended_share_caps_the_grant() -> None:
    problem = Problem({Y1: 10_000 * K}, (_c(1, 90, 600, max_percent=50),))
    solution = solve(problem)
    assert solution.share == {1: 0.5}
    assert spent(problem, solution.share) == {Y1: 300 * K}


def test_every_year_has_its_own_budget() -> None:
    # Measure 1 is best but needs most of its money in the second year, where little is left.
    problem = Problem({Y1: 1_000 * K, Y2: 300 * K}, (_c(1, 90, 100, 900), _c(2, 60, 800, 200)))
    solution = solve(problem)
    used = spent(problem, solution.share)
    assert used[Y2] <= 300 * K and used[Y1] <= 1_000 * K
    # Measure 1 alone could take 300/900 of its second year; sharing it brings in measure 2 too.
    assert objective(problem, solution.share) >= objective(problem, {1: 1 / 3, 2: 0.0})
    assert solution.share[2] > 0


def test_a_region_floor_brings_in_a_weaker_measure() -> None:
    base = (_c(1, 90, 800, region=10), _c(2, 40, 500, region=20))
    assert _pct(solve(Problem({Y1: 1_000 * K}, base)).share) == {1: 100, 2: 40}
    floored = Problem({Y1: 1_000 * K}, base, (Limit("region_floor", 20, 400 * K),))
    solution = solve(floored)
    assert sum(base[1].granted(solution.share[2]).values()) >= 400 * K
    assert sum(spent(floored, solution.share).values()) <= 1_000 * K
    assert _pct(solution.share)[1] < 100


def test_a_region_cap_and_a_category_cap_hold() -> None:
    base = (_c(1, 90, 500, region=10, category=7), _c(2, 80, 500, region=10, category=8))
    capped = Problem({Y1: 10_000 * K}, base, (Limit("region_cap", 10, 600 * K),))
    assert sum(spent(capped, solve(capped).share).values()) <= 600 * K
    by_category = Problem({Y1: 10_000 * K}, base, (Limit("category_cap", 7, 100 * K),))
    assert _pct(solve(by_category).share) == {1: 20, 2: 100}


def test_a_fixed_line_stays_and_the_others_make_room() -> None:
    problem = Problem({Y1: 1_000 * K}, (_c(1, 90, 600), _c(2, 50, 600)))
    first = solve(problem)
    assert _pct(first.share) == {1: 100, 2: 67}
    second = solve(with_fixed(problem, {2: 1.0}))
    assert _pct(second.share) == {1: 67, 2: 100}
    assert [
        (c.key, percent(c.before), percent(c.after)) for c in changes(first.share, second.share)
    ] == [
        (1, 100, 67),
        (2, 67, 100),
    ]


def test_an_unreachable_floor_is_named_before_solving() -> None:
    problem = Problem(
        {Y1: 1_000 * K},
        (_c(1, 90, 100, region=10),),
        (Limit("region_floor", 10, 500 * K, "Region X"),),
    )
    solution = solve(problem)
    assert solution.status == "infeasible"
    assert "Region X" in solution.message


def test_fixed_lines_over_the_budget_make_the_problem_infeasible() -> None:
    problem = Problem({Y1: 100 * K}, (_c(1, 90, 600, fixed_share=1.0),))
    assert solve(problem).status == "infeasible"


def test_the_budget_moving_changes_the_margin_only() -> None:
    problem = Problem({Y1: 1_000 * K}, (_c(1, 90, 500), _c(2, 70, 400), _c(3, 50, 400)))
    low, high = solve(problem.scaled(0.9)), solve(problem.scaled(1.1))
    assert _pct(low.share) == {1: 100, 2: 100, 3: 0}
    assert _pct(high.share) == {1: 100, 2: 100, 3: 50}


@st.composite
def _problems(draw: st.DrawFn) -> Problem:
    n = draw(st.integers(1, 7))
    candidates = tuple(
        Candidate(
            key=i,
            region=draw(st.integers(1, 3)),
            category=None,
            score=draw(st.integers(1, 100)),
            applied={Y1: draw(st.integers(0, 5_000)), Y2: draw(st.integers(1, 5_000))},
            min_percent=100,
            max_percent=100,
        )
        for i in range(n)
    )
    budgets = {Y1: draw(st.integers(0, 12_000)), Y2: draw(st.integers(0, 12_000))}
    return Problem(budgets, candidates)


@settings(max_examples=60, deadline=None)
@given(_problems())
def test_all_or_nothing_matches_brute_force_and_keeps_every_budget(problem: Problem) -> None:
    solution = solve(problem)
    assert solution.ok
    used = spent(problem, solution.share)
    assert all(used[year] <= problem.budgets[year] for year in problem.budgets)
    best = 0.0
    keys = [c.key for c in problem.candidates]
    for chosen in itertools.product((0.0, 1.0), repeat=len(keys)):
        share = dict(zip(keys, chosen, strict=True))
        usage = spent(problem, share)
        if all(usage[y] <= problem.budgets[y] for y in problem.budgets):
            best = max(best, objective(problem, share))
    assert objective(problem, solution.share) >= best * (1 - 1e-6) - 1e-6
