"""Shared by the export tests: what makes a CSV or XLSX file unsafe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io
import re
from typing import Any

from openpyxl import load_workbook

CSV_TYPES = ("text/csv",)
XLSX_TYPES = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",)
DANGEROUS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
_NUMBER = re.compile(r"-?\d+(?:[.,]\d+)?")


def is_spreadsheet(content_type: str) -> bool:
    return content_type.split(";")[0].strip() in CSV_TYPES + XLSX_TYPES


def csv_problems(text: str) -> list[str]:
    """Fields a spreadsheet would run: those starting with a formula character, unless a number."""
    problems = []
    for line, row in enumerate(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"), 1):
        for field in row:
            if field.startswith(DANGEROUS) and not _NUMBER.fullmatch(field):
                problems.append(f"line {line}: {field[:60]!r}")
    return problems


def xlsx_problems(content: bytes) -> list[str]:
    """Cells that are formulas, or text a spreadsheet could take for one without a quote prefix."""
    workbook = load_workbook(io.BytesIO(content))
    problems = []
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                value: Any = cell.value
                if cell.data_type == "f":
                    problems.append(f"{sheet.title}!{cell.coordinate}: formula {value!r}")
                elif (
                    isinstance(value, str)
                    and value.startswith(DANGEROUS)
                    and not _NUMBER.fullmatch(value)
                    and not cell.quotePrefix
                ):
                    problems.append(f"{sheet.title}!{cell.coordinate}: {value[:60]!r}")
    return problems


def spreadsheet_problems(content_type: str, content: bytes) -> list[str]:
    if content_type.split(";")[0].strip() in CSV_TYPES:
        return csv_problems(content.decode("utf-8"))
    return xlsx_problems(content)
