"""The shared spreadsheet helper: no text runs as a formula; numbers stay numbers."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from sprida.core.exports import CsvWriter, safe_cell, unescape_cell, workbook_bytes
from sprida.core.tests.spreadsheets import DANGEROUS, csv_problems, xlsx_problems

SRC = Path(__file__).resolve().parents[2]
# Text openpyxl can hold: XML forbids most control characters, so a database never holds them
# in a field that reaches a workbook either.
CELL_TEXT = st.text(
    alphabet=st.characters(
        exclude_categories=["Cs"],
        exclude_characters=[chr(c) for c in range(32) if chr(c) not in "\t\r\n"],
    ),
    max_size=60,
)
STARTS = st.sampled_from(DANGEROUS)


@pytest.mark.parametrize("start", DANGEROUS)
def test_text_starting_like_a_formula_gets_an_apostrophe(start: str) -> None:
    assert safe_cell(f"{start}HYPERLINK(1)") == f"'{start}HYPERLINK(1)"


@pytest.mark.parametrize(
    "value", [-500, 0, 12.5, Decimal("-3.25"), dt.date(2026, 3, 31), None, True, "-500", "-3,5"]
)
def test_numbers_dates_and_plain_numbers_stay_as_they_are(value: object) -> None:
    assert safe_cell(value) == value


@pytest.mark.parametrize("value", ["Region Örebro län", "HSN/1005/2025", " =1", "a=1", "'=1"])
def test_ordinary_text_is_untouched(value: str) -> None:
    assert safe_cell(value) == value


@given(start=STARTS, rest=CELL_TEXT)
def test_no_csv_field_starts_like_a_formula(start: str, rest: str) -> None:
    writer = CsvWriter()
    writer.writerow([start + rest, rest, -500, 7])
    assert csv_problems(writer.text()) == []
    read = next(csv.reader(io.StringIO(writer.text().lstrip("\ufeff")), delimiter=";"))
    assert [unescape_cell(read[0]), unescape_cell(read[1])] == [start + rest, rest]
    assert read[2:] == ["-500", "7"]


@given(text=CELL_TEXT)
def test_the_apostrophe_is_taken_off_again_when_read_back(text: str) -> None:
    assert unescape_cell(str(safe_cell(text))) == text


@given(start=STARTS, rest=CELL_TEXT, number=st.integers(-(10**12), 10**12))
def test_no_xlsx_cell_is_a_formula(start: str, rest: str, number: int) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append([start + rest, "=SUM(1;2)", number])
    sheet["D1"] = "=1+1"
    content = workbook_bytes(workbook)
    assert xlsx_problems(content) == []
    cells = next(load_workbook(io.BytesIO(content)).active.iter_rows(values_only=True))
    # The text as typed, kept as text (Excel's quote prefix), and the number as a number.
    assert cells == (start + rest, "=SUM(1;2)", number, "=1+1")


def test_the_checks_find_what_the_helper_prevents() -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["=1+1", "@SUM(A1)"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    assert len(xlsx_problems(buffer.getvalue())) == 2
    assert len(csv_problems("=1+1;-2+3;-500\r\n")) == 2


# Every spreadsheet is written through sprida.core.exports; these spell writing one by hand.
_BY_HAND = re.compile(
    r"csv\.(writer|DictWriter)\(|\b(workbook|wb|book)\.save\(|text/csv|spreadsheetml\.sheet"
)
# Reading uploads is not writing a spreadsheet; documents are not spreadsheets.
_ALLOWED = {
    "core/exports.py": "the helper itself",
    "effects/imports.py": "reads uploaded measurements",
    "effects/services.py": "the types an uploaded cost document may have",
}


def test_spreadsheets_are_written_only_through_the_helper() -> None:
    offenders = []
    for path in sorted(SRC.glob("sprida/**/*.py")):
        relative = path.relative_to(SRC / "sprida").as_posix()
        if "/tests/" in f"/{relative}" or "/migrations/" in relative or relative in _ALLOWED:
            continue
        text = path.read_text(encoding="utf-8")
        for line_no, line in enumerate(text.splitlines(), 1):
            if _BY_HAND.search(line):
                offenders.append(f"{relative}:{line_no}: {line.strip()}")
        if "Workbook()" in text and "workbook_bytes(" not in text:
            offenders.append(
                f"{relative}: builds a workbook but does not save it through the helper"
            )
    assert not offenders, "\n".join(offenders)
