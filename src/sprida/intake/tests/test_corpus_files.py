"""The extraction corpus is well formed: each document has its text, expected output, manifest row.

This scores nothing (the scoring test with its floors is test_extraction_corpus.py); it keeps the
corpus honest, so that an expected file always describes the text beside it and every row renders.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest

CORPUS = Path(__file__).parent / "corpus"
SCHEMA_PATH = Path(__file__).resolve().parents[1] / "schemas" / "extraction-v1.schema.json"
RENDERS = {"text", "pdf", "docx"}
NAME = re.compile(r"^[a-z0-9_]+$")
SPLITS = sorted(p.name for p in CORPUS.iterdir() if p.is_dir()) if CORPUS.is_dir() else []
HOLDOUT_MINIMUM = 20


def _manifest(split: str) -> list[dict[str, str]]:
    with (CORPUS / split / "manifest.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _expected(split: str) -> dict[str, dict[str, Any]]:
    files = sorted((CORPUS / split).glob("*.json"))
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in files}


@pytest.mark.parametrize("split", SPLITS)
def test_manifest_rows_match_the_files(split: str) -> None:
    rows = _manifest(split)
    names = [row["name"] for row in rows]
    assert len(names) == len(set(names)), f"{split}: a name is listed twice"
    assert [n for n in names if not NAME.match(n)] == []
    assert {row["name"]: row["render"] for row in rows if row["render"] not in RENDERS} == {}
    folder = CORPUS / split
    for suffix in ("txt", "json"):
        files = {p.stem for p in folder.glob(f"*.{suffix}")}
        assert set(names) == files, f"{split}: manifest and .{suffix} files differ"


@pytest.mark.parametrize("split", SPLITS)
def test_expected_outputs_follow_the_schema_and_their_text(split: str) -> None:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    problems = []
    for name, expected in _expected(split).items():
        problems += [f"{name}: {error.message}" for error in validator.iter_errors(expected)]
        text_path = CORPUS / split / f"{name}.txt"
        if not text_path.is_file():
            problems.append(f"{name}: no {name}.txt")
            continue
        text = text_path.read_bytes()
        source = expected.get("source", {})
        if source.get("path") != f"{name}.txt":
            problems.append(f"{name}: source.path is {source.get('path')!r}")
        if source.get("sha256") != hashlib.sha256(text).hexdigest():
            problems.append(f"{name}: source.sha256 does not match {name}.txt")
    assert problems == []


@pytest.mark.skipif("holdout" not in SPLITS, reason="no holdout split")
def test_holdout_covers_every_document_kind_and_rendering() -> None:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    expected = _expected("holdout")
    assert len(expected) >= HOLDOUT_MINIMUM
    kinds = set(schema["properties"]["document_type"]["enum"])
    assert {doc["document_type"] for doc in expected.values()} == kinds
    assert {row["render"] for row in _manifest("holdout")} == RENDERS
