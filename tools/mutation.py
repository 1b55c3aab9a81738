"""Mutation testing of the modules that decide money and access, with a floor per module.

Runs mutmut (configured under [tool.mutmut] in pyproject.toml) on the chosen modules, then
prints per module the mutants killed against the non-equivalent ones and fails when a module is
below the floor. Equivalent mutants are listed, each with the reason, in
mutation-equivalents.toml beside pyproject.toml; an entry is matched by the change it makes, not
by mutmut's number, and an entry that matches no mutant or whose mutant is now killed is
reported and fails the run, so the list cannot go stale unnoticed.

    .venv/bin/python tools/mutation.py               # every configured module
    .venv/bin/python tools/mutation.py rules amounts # some of them (by the module's last name)
    .venv/bin/python tools/mutation.py --report-only # report on the last run without running
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EQUIVALENTS = ROOT / "mutation-equivalents.toml"
FLOOR = 90.0
# mutmut's exit codes per mutant: a failing test run (or one that crashed or ran out of time)
# kills it; a passing one, or no test reaching the function, leaves it alive.
KILLED = {1: "killed", 3: "killed", 36: "timeout", 24: "timeout", -24: "timeout", 152: "timeout"}
KILLED |= {255: "timeout", -9: "timeout", -11: "crashed"}
ALIVE = {0: "survived", 5: "no tests", 33: "no tests", 34: "skipped", 35: "suspicious"}


@dataclass
class Mutant:
    name: str
    status: str
    function: str = ""
    removed: str = ""
    added: str = ""

    @property
    def killed(self) -> bool:
        return self.status in KILLED.values()


@dataclass
class Equivalent:
    module: str
    function: str
    removed: str
    added: str
    why: str
    matched: list[Mutant] = field(default_factory=list)


@dataclass
class ModuleResult:
    module: str
    mutants: list[Mutant]
    equivalents: list[Equivalent]

    @property
    def equivalent_names(self) -> set[str]:
        return {m.name for e in self.equivalents for m in e.matched}

    @property
    def counted(self) -> list[Mutant]:
        return [m for m in self.mutants if m.name not in self.equivalent_names]

    @property
    def killed(self) -> int:
        return sum(m.killed for m in self.counted)

    @property
    def score(self) -> float:
        return 100.0 * self.killed / len(self.counted) if self.counted else 100.0

    @property
    def survivors(self) -> list[Mutant]:
        return [m for m in self.counted if not m.killed]


def configured_modules() -> dict[str, str]:
    """Short name -> source path, from [tool.mutmut] only_mutate."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["mutmut"]
    return {Path(path).stem: path for path in config["only_mutate"]}


def dotted(path: str) -> str:
    return path.removeprefix("src/").removesuffix(".py").replace("/", ".")


def run_mutmut(paths: list[str], max_children: int | None) -> None:
    """A fresh run, so no result or test mapping from an earlier run can linger."""
    shutil.rmtree(ROOT / "mutants", ignore_errors=True)
    (ROOT / "mutants").mkdir()
    log = ROOT / "mutants" / "run.log"
    command = [str(Path(sys.executable).parent / "mutmut"), "run"]
    if max_children:
        command += ["--max-children", str(max_children)]
    command += [f"{dotted(path)}.*" for path in paths]
    print(f"mutmut run for {', '.join(dotted(p) for p in paths)} (output in {log})", flush=True)
    started = time.monotonic()
    with log.open("w") as out:
        finished = subprocess.run(command, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
    print(f"mutmut finished in {time.monotonic() - started:.0f} s", flush=True)
    if finished.returncode != 0:
        print(log.read_text()[-4000:])
        raise SystemExit(f"mutmut failed with exit code {finished.returncode}")


def read_mutants(path: str, listed_functions: set[str]) -> list[Mutant]:
    """The mutants of one module, with the change each makes where a report needs it: for the
    survivors, and for the functions that have equivalents listed."""
    from mutmut.mutation.diff_apply import get_diff_for_mutant
    from mutmut.utils.format_utils import orig_function_and_class_names_from_key

    meta = ROOT / "mutants" / f"{path}.meta"
    if not meta.exists():
        raise SystemExit(f"No mutation results for {path}: run without --report-only first.")
    exit_codes: dict[str, int | None] = json.loads(meta.read_text())["exit_code_by_key"]
    mutants = []
    cwd = Path.cwd()
    os.chdir(ROOT)  # mutmut reads its files relative to the project
    try:
        for name, code in exit_codes.items():
            if code is None:
                raise SystemExit(f"{name} was not tested: the run did not finish.")
            status = KILLED.get(code) or ALIVE.get(code, f"exit code {code}")
            mutant = Mutant(name, status)
            function, class_name = orig_function_and_class_names_from_key(name)
            mutant.function = f"{class_name}.{function}" if class_name else function
            if mutant.killed and mutant.function not in listed_functions:
                mutants.append(mutant)
                continue
            diff = get_diff_for_mutant(name, path=path).splitlines()[2:]
            mutant.removed = "\n".join(x[1:].strip() for x in diff if x.startswith("-"))
            mutant.added = "\n".join(x[1:].strip() for x in diff if x.startswith("+"))
            mutants.append(mutant)
    finally:
        os.chdir(cwd)
    return mutants


def read_equivalents() -> list[Equivalent]:
    if not EQUIVALENTS.exists():
        return []
    entries = tomllib.loads(EQUIVALENTS.read_text()).get("equivalent", [])
    return [
        Equivalent(
            module=e["module"],
            function=e["function"],
            removed=e["removed"].strip(),
            added=e["added"].strip(),
            why=e["why"],
        )
        for e in entries
    ]


def match_equivalents(module: str, mutants: list[Mutant], listed: list[Equivalent]) -> None:
    for entry in listed:
        if entry.module != module:
            continue
        entry.matched = [
            m
            for m in mutants
            if (m.function, m.removed, m.added) == (entry.function, entry.removed, entry.added)
        ]


def describe(mutant: Mutant) -> str:
    change = f"{mutant.removed!r} -> {mutant.added!r}"
    return f"  {mutant.status:<9} {mutant.name.rsplit('.', 1)[1]}  {change}"


def report(results: list[ModuleResult], stale: list[str], floor: float) -> bool:
    ok = True
    print()
    print(f"{'module':<34} {'killed':>7} {'counted':>8} {'equiv.':>7} {'score':>7}")
    for r in results:
        below = r.score < floor
        ok &= not below
        print(
            f"{r.module:<34} {r.killed:>7} {len(r.counted):>8} {len(r.equivalent_names):>7} "
            f"{r.score:>6.1f}%{'  BELOW THE FLOOR' if below else ''}"
        )
    for r in results:
        if r.survivors:
            print(f"\nSurviving mutants in {r.module} ({Counter(m.status for m in r.survivors)}):")
            for m in r.survivors:
                print(describe(m))
    if stale:
        ok = False
        print(f"\nStale entries in {EQUIVALENTS.name} (remove or update them):")
        for line in stale:
            print(f"  {line}")
    print(f"\nFloor {floor:.0f} % of non-equivalent mutants killed per module: ", end="")
    print("met." if ok else "NOT MET.")
    return ok


def stale_entries(results: list[ModuleResult], listed: list[Equivalent]) -> list[str]:
    checked = {r.module for r in results}
    stale = []
    for e in listed:
        if e.module not in checked:
            continue
        where = f"{e.module} {e.function}: {e.removed!r} -> {e.added!r}"
        if not e.matched:
            stale.append(f"no such mutant any more: {where}")
        elif any(m.killed for m in e.matched):
            stale.append(f"listed as equivalent but now killed: {where}")
    return stale


def main() -> int:
    modules = configured_modules()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", metavar="MODULE", help=", ".join(modules))
    parser.add_argument("--report-only", action="store_true", help="report on the last run")
    parser.add_argument("--floor", type=float, default=FLOOR)
    parser.add_argument("--max-children", type=int, help="mutants tested side by side")
    args = parser.parse_args()
    if unknown := set(args.modules) - set(modules):
        known = ", ".join(modules)
        parser.error(f"unknown module {', '.join(sorted(unknown))}; choose from {known}")
    chosen = [modules[name] for name in (args.modules or modules)]
    if not args.report_only:
        run_mutmut(chosen, args.max_children)
    listed = read_equivalents()
    results = []
    for path in chosen:
        mutants = read_mutants(path, {e.function for e in listed if e.module == dotted(path)})
        match_equivalents(dotted(path), mutants, listed)
        equivalents = [e for e in listed if e.module == dotted(path)]
        results.append(ModuleResult(dotted(path), mutants, equivalents))
    return 0 if report(results, stale_entries(results, listed), args.floor) else 1


if __name__ == "__main__":
    sys.exit(main())
