"""The three seed documents, read as text, PDF and DOCX, must score 100% against expected."""

from __future__ import annotations

import importlib.machinery
import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from sprida.intake.extract_file import extract_path

from .render import make_docx, make_pdf

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEEDS = sorted(p.stem for p in FIXTURES.glob("*.json"))
MAX_BYTES = 20_000_000


def _scorer() -> ModuleType:
    # A verbatim copy of the shared scorer, kept as .txt so linters leave it as it is.
    path = FIXTURES / "score_extraction.py.txt"
    loader = importlib.machinery.SourceFileLoader("score_extraction", str(path))
    spec = importlib.util.spec_from_loader("score_extraction", loader)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SCORER = _scorer()


def _score(stem: str, got: dict) -> tuple[int, int, list[str]]:
    expected = json.loads((FIXTURES / f"{stem}.json").read_text(encoding="utf-8"))
    score = SCORER.Score()
    SCORER.score_document(expected, got, score)
    return score.hit, score.total, score.misses


def _as(stem: str, kind: str, tmp_path: Path) -> Path:
    text = (FIXTURES / f"{stem}.txt").read_text(encoding="utf-8")
    if kind == "txt":
        return FIXTURES / f"{stem}.txt"
    path = tmp_path / f"{stem}.{kind}"
    if kind == "pdf":
        path.write_bytes(make_pdf(text))
    else:
        make_docx(text, path)
    return path


@pytest.mark.parametrize("kind", ["txt", "pdf", "docx"])
@pytest.mark.parametrize("stem", SEEDS)
def test_seed_scores_full(stem: str, kind: str, tmp_path: Path) -> None:
    got = extract_path(_as(stem, kind, tmp_path), max_bytes=MAX_BYTES)
    hit, total, misses = _score(stem, got)
    assert hit == total, misses
    assert got["source"]["sha256"] and got["source"]["chars"] > 0


def test_source_records_path_and_media_type(tmp_path: Path) -> None:
    path = _as(SEEDS[0], "pdf", tmp_path)
    got = extract_path(path, max_bytes=MAX_BYTES)
    assert got["source"]["path"] == str(path)
    assert got["source"]["media_type"] == "application/pdf"
    assert got["source"]["pages"] >= 1


def test_decision_seed_is_consistent() -> None:
    got = extract_path(FIXTURES / "002_955509009a8a4522.txt", max_bytes=MAX_BYTES)
    assert got["warnings"] == []
    granted = sum(m.get("granted_sek", 0) for m in got["measures"])
    assert granted == got["decision"]["granted_sek"]
    assert sum(p["amount_sek"] for p in got["payouts"]) == granted


def test_spans_point_into_the_original_text() -> None:
    from sprida.intake.extraction import extract_text

    original = (FIXTURES / "002_955509009a8a4522.txt").read_text(encoding="utf-8")
    result = extract_text(original, source={"path": "x", "sha256": "0" * 64})
    assert result.decision is not None and result.decision.granted_sek is not None
    span = result.decision.granted_sek.span
    assert span is not None
    assert original[span[0] : span[1]].replace("\u00a0", " ") == "34 870 000 kronor"
    region = result.regions[0]
    assert region.span is not None
    assert original[region.span[0] : region.span[1]] == "Region Örebro läns"
    rejected = [m for m in result.measures if m.outcome == "rejected"]
    assert rejected[0].title.span is not None
    start, end = rejected[0].title.span
    assert original[start:end] == "robotstyrd processautomation"
