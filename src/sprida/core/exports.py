"""Spreadsheets out (CSV and XLSX) through one door, so no text in them is ever run as a formula.

Spreadsheet programs run a cell that starts with `=`, `+`, `-` or `@` (and, after a tab or a
carriage return, what follows) as a formula, which can fetch addresses or start programs. Any text
a person typed (a measure's title, a comment) may start so. Following OWASP's guidance on CSV
injection, such text gets a leading apostrophe in CSV; in XLSX it is written as a string with
Excel's "quote prefix" (what Excel itself stores when someone types an apostrophe first), never as
a formula. Numbers stay numbers: -500 kr is a number, not text.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.utils.functional import Promise
from openpyxl import Workbook
from openpyxl.cell.cell import Cell

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
# Swedish Excel opens `;`-separated UTF-8 with a byte-order mark without asking.
CSV_DELIMITER = ";"
# OWASP's list, plus the full-width forms that some spreadsheet programs also take as formulas.
FORMULA_STARTS = frozenset("=+-@\t\r\uff1d\uff0b\uff0d\uff20")
# Text that is a plain (negative) number is read as that number, never as a formula.
_PLAIN_NUMBER = re.compile(r"-?\d+(?:[.,]\d+)?")


def is_formula_like(text: str) -> bool:
    """True when a spreadsheet could take the text for a formula."""
    return text[:1] in FORMULA_STARTS and not _PLAIN_NUMBER.fullmatch(text)


def safe_cell(value: Any) -> Any:
    """The value as a spreadsheet may hold it: text that could run as a formula gets a leading
    apostrophe; numbers, dates, booleans and None are returned unchanged."""
    if isinstance(value, Promise):
        value = str(value)
    if isinstance(value, str) and is_formula_like(value):
        return "'" + value
    return value


def unescape_cell(text: str) -> str:
    """Undo `safe_cell` on text read back from one of our files (a filled-in template)."""
    if text[:1] == "'" and is_formula_like(text[1:]):
        return text[1:]
    return text


def csv_field(value: Any) -> str | int | float | Decimal:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float | Decimal):
        return value
    return str(safe_cell(str(value)))


class CsvWriter:
    """csv.writer for spreadsheets: `;`-separated, a byte-order mark, every field made safe."""

    def __init__(self, delimiter: str = CSV_DELIMITER) -> None:
        self._buffer = io.StringIO()
        self._writer = csv.writer(self._buffer, delimiter=delimiter, lineterminator="\r\n")

    def writerow(self, values: Iterable[Any]) -> None:
        self._writer.writerow([csv_field(value) for value in values])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)

    def text(self) -> str:
        return "\ufeff" + self._buffer.getvalue()


def _neutralise(cell: Cell) -> None:
    value = cell.value
    if isinstance(value, str) and (cell.data_type == "f" or is_formula_like(value)):
        # The text as typed, kept as text: a string cell with Excel's quote prefix.
        cell.data_type = "s"
        cell.quotePrefix = True


def workbook_bytes(workbook: Workbook) -> bytes:
    """The workbook as XLSX bytes, every text cell that could run as a formula written as text.

    Every XLSX the platform hands out is saved here, however its cells were filled in."""
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell, Cell):
                    _neutralise(cell)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
