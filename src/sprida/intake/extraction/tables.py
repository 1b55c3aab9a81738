"""Measures from tables (Word tables arrive as 'cell | cell | cell' lines): a header row whose
first column names the measures, then one row per measure, amounts in a money column."""

from __future__ import annotations

import re

from .amounts import parse_amount
from .document import Document, Line
from .result import Found, Measure
from .titles import clean_title

_MEASURE_HEADER = re.compile(r"^(?:åtgärd|insats|satsning|aktivitet|delprojekt|område)", re.I)
_MONEY_HEADER = re.compile(r"belopp|kostnad|sökt|kr\b|kronor|budget|mnkr|mkr|tkr", re.I)
_TOTAL_ROW = re.compile(r"^(?:summa|totalt|total|sammanlagt)\b", re.I)
# The unit a money column is in: "(kr)", "(tkr)", "(mnkr)", "miljoner kronor".
_UNITS = (
    (re.compile(r"\bmnkr\b|\bmkr\b|miljoner", re.I), 1_000_000),
    (re.compile(r"\btkr\b|tusen", re.I), 1_000),
)
_PLAIN_NUMBER = re.compile(r"^\d{1,3}(?:[ \u00a0]\d{3})*(?:,\d+)?$|^\d+(?:,\d+)?$")


def _cells(line: Line) -> list[str]:
    return [cell.strip() for cell in line.text.split(" | ")]


def _factor(header: str) -> int:
    for pattern, factor in _UNITS:
        if pattern.search(header):
            return factor
    return 1


def _amount(cell: str, factor: int) -> int | None:
    if _PLAIN_NUMBER.match(cell):
        whole, _, decimals = cell.replace("\u00a0", "").replace(" ", "").partition(",")
        value = int(whole) * factor
        if decimals:
            value += int(decimals) * factor // 10 ** len(decimals)
        return value
    return parse_amount(cell)


def table_measures(doc: Document, outcome: str = "applied") -> list[Measure]:
    lines = doc.lines
    for index, line in enumerate(lines):
        if " | " not in line.text:
            continue
        header = _cells(line)
        if not _MEASURE_HEADER.match(header[0]):
            continue
        money = [i for i, cell in enumerate(header) if i and _MONEY_HEADER.search(cell)]
        measures: list[Measure] = []
        for row in lines[index + 1 :]:
            if " | " not in row.text:
                break
            cells = _cells(row)
            title = clean_title(cells[0])
            if not title or _TOTAL_ROW.match(cells[0]):
                continue
            measure = Measure(
                Found(title, doc.span(row.start, row.start + len(cells[0]))),
                outcome,
                span=doc.span(row.start, row.end),
            )
            for column in money[:1]:
                if column < len(cells):
                    value = _amount(cells[column], _factor(header[column]))
                    if value is not None:
                        measure.applied_sek = Found(value, doc.span(row.start, row.end))
            measures.append(measure)
        if measures:
            return measures
    return []
