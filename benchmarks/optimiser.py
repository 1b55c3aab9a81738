"""Time the prioritisation optimiser at national scale and at ten times that.

    .venv/bin/python benchmarks/optimiser.py [--repeat 3] [--seed 1]

Builds 21 regions x 40 measures x 3 years (840 candidate measures, amounts and scores of the
size the demo has, a quarter recommended only in part, a smallest sensible share per measure),
a budget per year of about half of what was applied for, a floor for one region, a cap for
another and a cap for one category; then 10x the measures (8 400) with 10x the budget. Prints
the median and worst solve time of --repeat runs, the model's size and how much of each
year's budget the proposal uses. Fails when the first takes a second or more, or the second
ten seconds or more.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from sprida.assessment.optimiser import Candidate, Limit, Problem, solve, spent

YEARS = (2026, 2027, 2028)
REGIONS = 21
CATEGORIES = 12


def problem_of(scale: int, seed: int) -> Problem:
    rng = random.Random(f"{seed}-{scale}")
    candidates = []
    key = 0
    for region in range(1, REGIONS + 1):
        for _ in range(40 * scale):
            key += 1
            total = rng.randrange(2_000, 40_000) * 1000
            weights = [rng.randint(2, 5) for _ in YEARS]
            applied = {
                y: total * w // sum(weights) // 1000 * 1000
                for y, w in zip(YEARS, weights, strict=True)
            }
            candidates.append(
                Candidate(
                    key=key,
                    region=region,
                    category=rng.randint(1, CATEGORIES),
                    score=round(rng.uniform(20, 95), 1),
                    applied=applied,
                    max_percent=rng.choice((100, 100, 100, 75, 50)),
                    min_percent=rng.choice((25, 50, 50, 100)),
                )
            )
    budgets = {y: sum(c.applied[y] for c in candidates) // 2 for y in YEARS}
    total_budget = sum(budgets.values())
    limits = (
        Limit("region_floor", 1, total_budget // 40, "floor for region 1"),
        Limit("region_cap", 2, total_budget // 30, "cap for region 2"),
        Limit("category_cap", 3, total_budget // 20, "cap for category 3"),
    )
    return Problem(budgets=budgets, candidates=tuple(candidates), limits=limits)


def run(scale: int, repeat: int, seed: int, limit_seconds: float) -> bool:
    problem = problem_of(scale, seed)
    times, cpu = [], []
    solution = None
    for _ in range(repeat):
        before = time.process_time()
        solution = solve(problem)
        cpu.append(time.process_time() - before)
        if not solution.ok:
            print(f"  {scale}x: {solution.status}: {solution.message}")
            return False
        times.append(solution.seconds)
    assert solution is not None
    used = spent(problem, solution.share)
    granted = sum(1 for s in solution.share.values() if s > 0)
    partial = sum(1 for s in solution.share.values() if 0 < s < 1)
    n = len(problem.candidates)
    print(
        f"  {scale:>2}x: {REGIONS} regions x {40 * scale} measures x {len(YEARS)} years = "
        f"{n} measures, {2 * n} variables ({n} binary), "
        f"{2 * n + len(YEARS) + len(problem.limits)} constraints"
    )
    print(
        f"       solve median {statistics.median(times):.3f} s, worst {max(times):.3f} s "
        f"(limit {limit_seconds:.0f} s; CPU median {statistics.median(cpu):.3f} s); "
        f"{granted} granted, {partial} in part; within {solution.gap:.4%} of the LP bound"
    )
    for year in YEARS:
        share = used[year] / problem.budgets[year] if problem.budgets[year] else 0
        print(
            f"       {year}: {used[year] / 1e6:,.1f} of {problem.budgets[year] / 1e6:,.1f} MSEK "
            f"({share:.2%} of the budget)"
        )
    return max(times) < limit_seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    print("Prioritisation optimiser (scipy.optimize.milp, HiGHS)")
    ok = run(1, args.repeat, args.seed, 1.0)
    ok = run(10, args.repeat, args.seed, 10.0) and ok
    print("OK" if ok else "TOO SLOW")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
