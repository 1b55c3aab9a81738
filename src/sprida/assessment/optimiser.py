"""Prioritisation under the budget as a mixed-integer programme (scipy.optimize.milp, HiGHS).

Each candidate measure gets a share x of the amount applied for: either nothing, or between its
smallest sensible share and the share the officers recommend (a binary z per measure says which).
A measure granted in full gets exactly what it applied for; a partial grant is, for each year,
that share of the year's amount rounded down to whole thousands of kronor (as the letters write
amounts), so every year's budget holds for the amounts actually written. The objective weighs
each granted krona by the score of the measure it funds: the budget goes first to what the
assessment rates best, and only the measures at the margin get part of what they asked for.

Officers add limits (a floor or cap per region, a cap per category) and fix lines (an override,
or an earlier decision kept as it is). Pure Python and numpy: no Django, no database.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, linprog, milp
from scipy.sparse import coo_matrix, csr_matrix, hstack, vstack

LimitKind = Literal["region_floor", "region_cap", "category_cap"]
Status = Literal["optimal", "infeasible", "time_limit", "error"]
SCALE = 1e-6  # the objective in million kronor keeps HiGHS's numbers small
EPSILON = 1e-7  # solver noise around 0 and 1
FULL = 1 - EPSILON
ROUNDING = 1000  # partial grants are whole thousands of kronor
GAP = 1e-4  # HiGHS stops within 0.01 % of the best possible weighted score
NEIGHBOURHOOD = 40  # measures opened for the first solution, besides one per constraint


@dataclass(frozen=True)
class Candidate:
    key: int  # the measure's id
    region: int  # the applying organisation
    category: int | None
    score: float  # the weighted assessment score, 0–100
    applied: dict[int, int]  # year -> kronor applied for
    max_percent: int = 100  # the officers' recommended share
    min_percent: int = 1  # the smallest share that still makes sense
    fixed_share: float | None = None  # an override or an earlier decision kept, 0–1

    @property
    def applied_total(self) -> int:
        return sum(self.applied.values())

    def granted(self, share: float) -> dict[int, int]:
        return {year: granted_sek(amount, share) for year, amount in self.applied.items()}


def granted_sek(applied_sek: int, share: float) -> int:
    """The amount a share of `applied_sek` grants: all of it, or whole thousands rounded down."""
    if share >= FULL:
        return applied_sek
    if share <= EPSILON:
        return 0
    return int(applied_sek * share) // 1000 * 1000


@dataclass(frozen=True)
class Limit:
    kind: LimitKind
    target: int  # the region's or the category's id
    amount_sek: int
    label: str = ""


@dataclass(frozen=True)
class Problem:
    budgets: dict[int, int]  # year -> kronor available
    candidates: tuple[Candidate, ...]
    limits: tuple[Limit, ...] = ()
    time_limit: float = 60.0

    def scaled(self, factor: float) -> Problem:
        """The same problem with every year's budget multiplied by `factor`."""
        budgets = {year: int(amount * factor) for year, amount in self.budgets.items()}
        return replace(self, budgets=budgets)


@dataclass
class Solution:
    status: Status
    share: dict[int, float] = field(default_factory=dict)
    seconds: float = 0.0
    message: str = ""
    gap: float = 0.0  # how far below the LP bound the answer is, as a share of the bound

    @property
    def ok(self) -> bool:
        return self.status == "optimal"


def _problems(problem: Problem) -> list[str]:
    """Limits that no choice can meet, named before the solver is asked."""
    found = []
    for limit in problem.limits:
        if limit.kind != "region_floor":
            continue
        reachable = sum(
            sum(
                c.granted(
                    c.fixed_share if c.fixed_share is not None else c.max_percent / 100
                ).values()
            )
            for c in problem.candidates
            if c.region == limit.target
        )
        if reachable < limit.amount_sek:
            found.append(limit.label or f"region {limit.target}")
    return found


def _in_limit(candidate: Candidate, limit: Limit) -> bool:
    if limit.kind == "category_cap":
        return candidate.category == limit.target
    return candidate.region == limit.target


@dataclass
class _Rows:
    """Sparse rows over the share variables, each with its lower and upper bound."""

    rows: list[int] = field(default_factory=list)
    cols: list[int] = field(default_factory=list)
    vals: list[float] = field(default_factory=list)
    lo: list[float] = field(default_factory=list)
    hi: list[float] = field(default_factory=list)

    def add(self, entries: Iterable[tuple[int, float]], lo: float, hi: float) -> None:
        r = len(self.lo)
        for col, value in entries:
            self.rows.append(r)
            self.cols.append(col)
            self.vals.append(value)
        self.lo.append(lo)
        self.hi.append(hi)

    def matrix(self, width: int) -> Any:
        return coo_matrix((self.vals, (self.rows, self.cols)), shape=(len(self.lo), width)).tocsr()


def _budget_rows(problem: Problem) -> _Rows:
    rows = _Rows()
    candidates = problem.candidates
    for year in sorted(problem.budgets):
        entries = [(i, float(c.applied.get(year, 0))) for i, c in enumerate(candidates)]
        rows.add([e for e in entries if e[1]], -np.inf, float(problem.budgets[year]))
    for limit in problem.limits:
        members = [(i, c) for i, c in enumerate(candidates) if _in_limit(c, limit)]
        entries = [(i, float(c.applied_total)) for i, c in members]
        if limit.kind == "region_floor":
            # A partial year's amount is rounded down to thousands: ask for that much more.
            slack = ROUNDING * sum(len(c.applied) for _i, c in members if c.fixed_share is None)
            rows.add(entries, float(limit.amount_sek + slack), np.inf)
        else:
            rows.add(entries, -np.inf, float(limit.amount_sek))
    return rows


def _bounds(c: Candidate) -> tuple[float, float, float]:
    """(smallest share when granted, largest share, fixed share or -1)."""
    if c.fixed_share is not None:
        return c.fixed_share, c.fixed_share, c.fixed_share
    top = max(c.max_percent, 0) / 100
    return min(max(c.min_percent, 1) / 100, top), top, -1.0


@dataclass
class _Relaxation:
    x: Any  # the LP optimum
    value: float  # its objective (a bound no integer solution beats)
    on_cost: Any  # per measure: what lowering it from its top share costs, per unit of share
    off_cost: Any  # per measure: what raising it from nothing costs, per unit of share


def _relax(problem: Problem, cost: Any, rows: _Rows) -> _Relaxation | None:
    """The LP relaxation (each share anywhere from 0 to its top); None when even it fails."""
    n = len(problem.candidates)
    bounds = []
    for c in problem.candidates:
        _low, top, fixed = _bounds(c)
        bounds.append((fixed, fixed) if fixed >= 0 else (0.0, top))
    matrix = rows.matrix(n)
    hi, lo = np.array(rows.hi), np.array(rows.lo)
    upper_rows, lower_rows = np.isfinite(hi), np.isfinite(lo)
    a_ub = vstack([matrix[upper_rows], -matrix[lower_rows]]).tocsr()
    b_ub = np.concatenate([hi[upper_rows], -lo[lower_rows]])
    lp = linprog(cost, A_ub=a_ub, b_ub=b_ub, bounds=bounds, method="highs")
    if lp.status != 0:
        return None
    return _Relaxation(lp.x, float(lp.fun), -lp.upper.marginals, lp.lower.marginals)


def _held(problem: Problem, lp: _Relaxation, i: int) -> str:
    """Where the relaxation puts measure i: "fixed", "on" (its top share) or "off"."""
    _low, top, fixed = _bounds(problem.candidates[i])
    if fixed >= 0:
        return "fixed"
    return "on" if lp.x[i] >= top - EPSILON else "off"


def _move_cost(problem: Problem, lp: _Relaxation, i: int) -> float:
    """A lower bound on what moving measure i away from the relaxation's choice costs."""
    low, top, _fixed = _bounds(problem.candidates[i])
    if EPSILON < lp.x[i] < top - EPSILON:
        return 0.0  # split by the relaxation: open by nature
    if lp.x[i] >= top - EPSILON:
        return float(lp.on_cost[i] * top)  # leaving it out
    return float(lp.off_cost[i] * low)  # granting at least its smallest share


def _states(problem: Problem, lp: _Relaxation, gap: float) -> list[str]:
    """Reduced-cost fixing: a measure is held where the relaxation puts it when moving it costs
    more than `gap`, the distance between the bound and a solution already found."""
    return [
        "fixed"
        if _bounds(c)[2] >= 0
        else "open"
        if _move_cost(problem, lp, i) <= gap
        else _held(problem, lp, i)
        for i, c in enumerate(problem.candidates)
    ]


def _nearest(problem: Problem, lp: _Relaxation, k: int) -> list[str]:
    """A neighbourhood for a first good solution: the k measures cheapest to move, open."""
    free = [i for i, c in enumerate(problem.candidates) if _bounds(c)[2] < 0]
    opened = set(sorted(free, key=lambda i: _move_cost(problem, lp, i))[:k])
    return [
        "open" if i in opened else _held(problem, lp, i) for i in range(len(problem.candidates))
    ]


def _held_value(problem: Problem, lp: _Relaxation, state: str, i: int) -> float:
    _low, top, fixed = _bounds(problem.candidates[i])
    return {"fixed": fixed, "on": top, "off": 0.0}.get(state, 0.0)


def _milp(
    problem: Problem, cost: Any, rows: _Rows, lp: _Relaxation, states: list[str], tolerance: float
) -> tuple[Any, Any]:
    """The programme over the open measures, the others held at the given states, solved to
    within `tolerance` (in objective units) of its best.

    Returns (shares for all measures or None, HiGHS's result)."""
    candidates = problem.candidates
    n = len(candidates)
    held = np.array([_held_value(problem, lp, state, i) for i, state in enumerate(states)])
    open_ = [i for i, state in enumerate(states) if state == "open"]
    matrix = rows.matrix(n)
    used = matrix @ held
    lo, hi = np.array(rows.lo) - used, np.array(rows.hi) - used
    if not open_:
        ok = bool(
            np.all(used <= np.array(rows.hi) + 1e-6) and np.all(used >= np.array(rows.lo) - 1e-6)
        )
        return (held if ok else None), None
    k = len(open_)
    sub = matrix[:, open_]
    # HiGHS's gap is relative to this programme's own objective, a part of the whole.
    relative = tolerance / (1e-9 + abs(float(cost[open_] @ lp.x[open_])))
    # Variables: the k open shares, then one binary per open measure (granted at all).
    link = _Rows()
    lower, upper = np.zeros(2 * k), np.ones(2 * k)
    for j, i in enumerate(open_):
        low, top, _fixed = _bounds(candidates[i])
        upper[j] = top
        link.add([(j, 1.0), (k + j, -low)], 0, np.inf)  # x >= min * z
        link.add([(j, 1.0), (k + j, -top)], -np.inf, 0)  # x <= max * z
    full = vstack([hstack([sub, csr_matrix((sub.shape[0], k))]), link.matrix(2 * k)]).tocsr()
    result = milp(
        np.concatenate([cost[open_], np.zeros(k)]),
        integrality=np.concatenate([np.zeros(k), np.ones(k)]),
        bounds=Bounds(lower, upper),
        constraints=LinearConstraint(
            full, np.concatenate([lo, link.lo]), np.concatenate([hi, link.hi])
        ),
        options={"time_limit": problem.time_limit, "mip_rel_gap": min(0.5, relative)},
    )
    if result.x is None:
        return None, result
    x = held.copy()
    x[open_] = result.x[:k]
    return x, result


def solve(problem: Problem) -> Solution:
    """The share per measure that maximises the score-weighted grant within every limit.

    The LP relaxation bounds the best possible value. A small programme over the measures
    cheapest to move away from the relaxation (the margin) finds a solution; if it is within
    GAP of the bound, that is the answer. Otherwise every measure whose move would cost more
    than the distance between the two is held (reduced-cost fixing) and HiGHS solves the rest;
    failing that, the whole programme. The answer's distance from the bound is reported."""
    started = time.perf_counter()
    unreachable = _problems(problem)
    if unreachable:
        return Solution("infeasible", message="unreachable floor: " + ", ".join(unreachable))
    candidates = problem.candidates
    n = len(candidates)
    if n == 0:
        return Solution("optimal", seconds=time.perf_counter() - started)
    cost = np.array([-c.score * c.applied_total * SCALE for c in candidates])
    rows = _budget_rows(problem)
    lp = _relax(problem, cost, rows)
    if lp is None:
        return Solution("infeasible", seconds=time.perf_counter() - started, message="lp")
    tolerance = GAP * (1 + abs(lp.value))
    nearest = _nearest(problem, lp, NEIGHBOURHOOD + len(rows.lo))
    x, result = _milp(problem, cost, rows, lp, nearest, tolerance)
    if x is not None and float(cost @ x) - lp.value > tolerance:
        states = _states(problem, lp, float(cost @ x) - lp.value)
        x, result = _milp(problem, cost, rows, lp, states, tolerance)
    if x is None or float(cost @ x) - lp.value > tolerance:
        everything = ["fixed" if _bounds(c)[2] >= 0 else "open" for c in candidates]
        x, result = _milp(problem, cost, rows, lp, everything, tolerance)
    seconds = time.perf_counter() - started
    if x is None:
        status: Status = (
            "infeasible"
            if result is None or result.status == 2
            else "time_limit"
            if result.status == 1
            else "error"
        )
        return Solution(status, seconds=seconds, message=str(getattr(result, "message", "")))
    share = {c.key: _clean(float(x[i])) for i, c in enumerate(candidates)}
    gap = (float(cost @ x) - lp.value) / abs(lp.value) if lp.value else 0.0
    return Solution("optimal", share=share, seconds=seconds, gap=gap)


def _clean(x: float) -> float:
    if x <= EPSILON:
        return 0.0
    if x >= FULL:
        return 1.0
    return x


# Reading a solution ----------------------------------------------------------------------------


def spent(problem: Problem, share: dict[int, float]) -> dict[int, int]:
    """Kronor granted per year under the given shares."""
    totals = dict.fromkeys(problem.budgets, 0)
    for c in problem.candidates:
        for year, amount in c.granted(share.get(c.key, 0.0)).items():
            totals[year] = totals.get(year, 0) + amount
    return totals


def objective(problem: Problem, share: dict[int, float]) -> float:
    """The score-weighted kronor granted (as written, after rounding)."""
    return sum(c.score * sum(c.granted(share.get(c.key, 0.0)).values()) for c in problem.candidates)


def percent(share: float) -> int:
    """A share as the whole percent a letter writes ("50 procent av ansökt belopp")."""
    return round(share * 100)


@dataclass(frozen=True)
class Change:
    key: int
    before: float
    after: float


def changes(before: dict[int, float], after: dict[int, float]) -> list[Change]:
    """The lines whose share differs by at least a tenth of a percent."""
    keys = sorted(set(before) | set(after))
    return [
        Change(key, before.get(key, 0.0), after.get(key, 0.0))
        for key in keys
        if abs(before.get(key, 0.0) - after.get(key, 0.0)) >= 0.001
    ]


def margin(problem: Problem, share: dict[int, float], k: int = 3) -> list[int]:
    """The measures at the margin: those cut below their recommended share, the best left
    out and the weakest let in; the first to change when the budget moves."""
    free = [c for c in problem.candidates if c.fixed_share is None]
    cut = [c.key for c in free if 0 < share.get(c.key, 0) < c.max_percent / 100 - EPSILON]
    left_out = sorted(
        (c for c in free if share.get(c.key, 0) == 0), key=lambda c: (-c.score, c.key)
    )
    let_in = sorted((c for c in free if share.get(c.key, 0) > 0), key=lambda c: (c.score, c.key))
    keys: list[int] = []
    for key in [*cut, *(c.key for c in left_out[:k]), *(c.key for c in let_in[:k])]:
        if key not in keys:
            keys.append(key)
    return keys


def with_fixed(problem: Problem, fixed: dict[int, float]) -> Problem:
    """The problem with some lines fixed at a share (overrides, earlier decisions kept)."""
    candidates = tuple(
        replace(c, fixed_share=fixed[c.key]) if c.key in fixed else c for c in problem.candidates
    )
    return replace(problem, candidates=candidates)


def candidates_by_key(candidates: Sequence[Candidate]) -> dict[int, Candidate]:
    return {c.key: c for c in candidates}
