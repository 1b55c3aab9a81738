"""Score the extraction corpus with the shared scorer, per split (dev, holdout).

Layout of ``corpus/<split>/``: ``NAME.txt`` (the source text) and ``NAME.json`` (the expected
output) per document, and ``manifest.csv`` with ``name,render,notes`` and optionally
``header,footer``. ``render`` is ``text``, ``pdf`` or ``docx``: the text is rendered to that format
at test time, with a running header and footer on every page when the row names them. Run
``python -m sprida.intake.tests.corpus_harness dev [--verbose]`` for figures.
"""

from __future__ import annotations

import csv
import importlib.machinery
import importlib.util
import json
import sys
import tempfile
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

from sprida.intake.extract_file import extract_path

from . import render
from .corpus_render import Layout, make_docx, make_pdf

CORPUS = Path(__file__).resolve().parent / "corpus"
SCORER_PATH = Path(__file__).resolve().parent / "fixtures" / "score_extraction.py.txt"
MAX_BYTES = 20_000_000


@cache
def scorer() -> ModuleType:
    # A verbatim copy of the shared scorer, kept as .txt so linters leave it as it is.
    loader = importlib.machinery.SourceFileLoader("score_extraction", str(SCORER_PATH))
    spec = importlib.util.spec_from_loader("score_extraction", loader)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass
class DocumentScore:
    stem: str
    hit: int
    total: int
    misses: list[str] = field(default_factory=list)


def manifest(split: str) -> dict[str, dict[str, str]]:
    with (CORPUS / split / "manifest.csv").open(encoding="utf-8", newline="") as handle:
        return {row["name"]: row for row in csv.DictReader(handle)}


def stems(split: str) -> list[str]:
    return sorted(manifest(split))


def source_path(split: str, stem: str, work_dir: Path) -> Path:
    """The file to extract: the text itself, or its rendering as the manifest says."""
    row = manifest(split)[stem]
    source = CORPUS / split / f"{stem}.txt"
    kind = row.get("render") or "text"
    if kind == "text":
        return source
    text = source.read_text(encoding="utf-8")
    layout = Layout(header=row.get("header") or None, footer=row.get("footer") or None)
    target = work_dir / f"{stem}.{kind}"
    plain = layout.header is None and layout.footer is None
    if kind == "pdf":
        target.write_bytes(render.make_pdf(text) if plain else make_pdf(text, layout))
    elif kind == "docx":
        if plain:
            render.make_docx(text, target)
        else:
            make_docx(text, layout, target)
    else:
        raise ValueError(f"{split}/{stem}: cannot render as {kind!r}")
    return target


def extract_document(split: str, stem: str, work_dir: Path) -> dict[str, Any]:
    return extract_path(source_path(split, stem, work_dir), max_bytes=MAX_BYTES)


def expected(split: str, stem: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((CORPUS / split / f"{stem}.json").read_text(encoding="utf-8"))
    return data


def score_document(split: str, stem: str, got: dict[str, Any]) -> DocumentScore:
    score = scorer().Score()
    scorer().score_document(expected(split, stem), got, score)
    return DocumentScore(stem, score.hit, score.total, list(score.misses))


def score_split(split: str, work_dir: Path) -> list[DocumentScore]:
    return [score_document(split, s, extract_document(split, s, work_dir)) for s in stems(split)]


def percent(scores: list[DocumentScore]) -> float:
    total = sum(s.total for s in scores)
    return 100.0 * sum(s.hit for s in scores) / total if total else 0.0


def main(argv: list[str]) -> int:
    split = argv[1] if len(argv) > 1 else "dev"
    verbose = "--verbose" in argv
    with tempfile.TemporaryDirectory() as work:
        scores = score_split(split, Path(work))
    for s in scores:
        print(f"{s.stem}: {s.hit}/{s.total}")
        if verbose:
            for miss in s.misses:
                print(f"   - {miss}")
    hit, total = sum(s.hit for s in scores), sum(s.total for s in scores)
    print(f"{split}: {hit}/{total} fields ({percent(scores):.1f}%)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
