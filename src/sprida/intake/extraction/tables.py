"""Measures from tables (Word tables arrive as 'cell | cell | cell' lines): a header row whose
first column names the measures, then one row per measure, amounts in a money column."""

from __future__ import annotations

import re

from .amounts import find_amounts, parse_amount
from .document import Document, Line
from .result import Found, Measure
from .titles import clean_title

_MEASURE_HEADER = re.compile(r"^(?:åtgärd|insats|satsning|aktivitet|delprojekt|område)", re.I)
MONEY_HEADER = re.compile(r"belopp|kostnad|sökt|kr\b|kronor|budget|mnkr|mkr|tkr", re.I)
_TOTAL_ROW = re.compile(r"^(?:summa|totalt|total|sammanlagt)\b", re.I)
# The unit a money column is in: "(kr)", "(tkr)", "(mnkr)", "miljoner kronor".
_UNITS = (
    (re.compile(r"\bmnkr\b|\bmkr\b|miljoner", re.I), 1_000_000),
    (re.compile(r"\btkr\b|tusen", re.I), 1_000),
)
_PLAIN_NUMBER = re.compile(r"^\d{1,3}(?:[ \u00a0]\d{3})*(?:,\d+)?$|^\d+(?:,\d+)?$")


def _cells(line: Line) -> list[str]:
    return [cell.strip() for cell in line.text.split(" | ")]


def unit_factor(header: str) -> int:
    for pattern, factor in _UNITS:
        if pattern.search(header):
            return factor
    return 1


def cell_amount(cell: str, factor: int) -> int | None:
    if _PLAIN_NUMBER.match(cell):
        whole, _, decimals = cell.replace("\u00a0", "").replace(" ", "").partition(",")
        value = int(whole) * factor
        if decimals:
            value += int(decimals) * factor // 10 ** len(decimals)
        return value
    found = parse_amount(cell)
    if found is None and (bare := find_amounts(cell, bare=True)):
        found = bare[0].value  # a money column's "21 miljoner" needs no "kronor"
    return found


# What a money column holds, from its header.
_GRANTED_COLUMN = re.compile(r"bevilj", re.I)
_APPLIED_COLUMN = re.compile(r"sökt|ansök", re.I)
_COST_COLUMN = re.compile(r"kostnad|utfall|upparbetat|förbrukat", re.I)
# A table row as a PDF gives it, its columns run together: the text, then the amount.
_TRAILING_AMOUNT = re.compile(r"^(?P<text>.*?)\s+(?P<amount>\d{1,3}(?:[ \u00a0]\d{3})*(?:,\d+)?)$")
_ROW_LIMIT = 3  # lines a wrapped cell may take before the row's amount


def _columns(header: list[str], outcome: str) -> dict[str, int]:
    """The column of each kind of amount ('granted', 'applied'); costs are not grant amounts."""
    found: dict[str, int] = {}
    default = "granted" if outcome == "granted" else "applied"
    for index, cell in enumerate(header):
        money = MONEY_HEADER.search(cell) or _GRANTED_COLUMN.search(cell)
        if not index or not money or _COST_COLUMN.search(cell):
            continue
        if _GRANTED_COLUMN.search(cell):
            found.setdefault("granted", index)
        elif _APPLIED_COLUMN.search(cell):
            found.setdefault("applied", index)
        else:
            found.setdefault(default, index)
    return found


def _set(measure: Measure, kind: str, value: int, span: tuple[int, int]) -> None:
    if kind == "granted":
        measure.granted_sek = Found(value, span)
    else:
        measure.applied_sek = Found(value, span)


def table_measures(doc: Document, outcome: str = "applied") -> list[Measure]:
    """Measures from the first table whose first column names them: a Word or text table in
    cells, else rows a PDF ran together ("Digital triage i primärvården 12,8")."""
    return _cell_table(doc, outcome) or _run_together_table(doc, outcome)


def _cell_table(doc: Document, outcome: str) -> list[Measure]:
    lines = doc.lines
    for index, line in enumerate(lines):
        if " | " not in line.text:
            continue
        header = _cells(line)
        if not _MEASURE_HEADER.match(header[0]):
            continue
        columns = _columns(header, outcome)
        measures: list[Measure] = []
        for row in lines[index + 1 :]:
            if " | " not in row.text:
                if measures and _wrapped_cell(doc, row):
                    last = measures[-1]
                    last.title = Found(f"{last.title.value} {row.text.strip()}", last.title.span)
                    continue
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
            for kind, column in columns.items():
                if column < len(cells):
                    value = cell_amount(cells[column], unit_factor(header[column]))
                    if value is not None:
                        _set(measure, kind, value, doc.span(row.start, row.end))
            measures.append(measure)
        if measures:
            return measures
    return []


def _wrapped_cell(doc: Document, line: Line) -> bool:
    """The rest of a first cell that wrapped: a few lowercase words between two table rows."""
    following = doc.next_line(line)
    return (
        line.text[:1].islower()
        and len(line.text.split()) <= 6
        and following is not None
        and " | " in following.text
    )


def _run_together_table(doc: Document, outcome: str) -> list[Measure]:
    lines = doc.lines
    for index, line in enumerate(lines):
        if not (_MEASURE_HEADER.match(line.text) and MONEY_HEADER.search(line.text)):
            continue
        if len(line.text.split()) > 8:
            continue
        kind = "granted" if _GRANTED_COLUMN.search(line.text) else "applied"
        if outcome == "granted" and not _APPLIED_COLUMN.search(line.text):
            kind = "granted"
        factor = unit_factor(line.text)
        measures: list[Measure] = []
        pending: list[Line] = []
        for row in lines[index + 1 :]:
            match = _TRAILING_AMOUNT.match(row.text)
            if match is None:
                pending.append(row)
                if len(pending) > _ROW_LIMIT:
                    break
                continue
            first = pending[0] if pending else row
            text = " ".join([*(p.text for p in pending), match.group("text")]).strip()
            pending = []
            if _TOTAL_ROW.match(text):
                break
            value = cell_amount(match.group("amount"), factor)
            title = clean_title(text)
            if not title or value is None:
                continue
            measure = Measure(
                Found(title, doc.span(first.start, row.start + len(match.group("text")))),
                outcome,
                span=doc.span(first.start, row.end),
            )
            at = row.start + match.start("amount")
            _set(measure, kind, value, doc.span(at, row.end))
            measures.append(measure)
        if measures:
            return measures
    return []
