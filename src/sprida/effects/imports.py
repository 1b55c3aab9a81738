"""Reading measurements from CSV and XLSX files, with a Swedish message for every bad row."""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sprida.core.exports import unescape_cell
from sprida.effects.models.indicators import VALUE_DIGITS, VALUE_PLACES
from sprida.intake.readers.errors import ReadError
from sprida.intake.readers.ooxml import check_package

MAX_ROWS = 10_000
PERIOD_HINT = gettext_lazy("skriv t.ex. 2026-03-31, 2026-03, 2026-K1 eller 2026")
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009]")
_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d+)?|[.,]\d+)$")
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_QUARTER = re.compile(r"^(\d{4})\s*-?\s*[KQ]([1-4])$", re.IGNORECASE)
_YEAR = re.compile(r"^(\d{4})$")
_HEADERS = {
    "period": "period",
    "datum": "period",
    "värde": "value",
    "varde": "value",
    "value": "value",
    "kommentar": "comment",
    "comment": "comment",
}


class ParseError(ValueError):
    pass


_XLSX_UNREADABLE = gettext_lazy(
    "Filen kunde inte läsas som en Excel-fil (.xlsx). Spara den som .xlsx eller .csv."
)


def parse_decimal(text: str) -> Decimal:
    """'1 234,5' → Decimal('1234.5'). Accepts comma or point, spaces between thousands."""
    cleaned = _SPACES.sub("", text).replace("\u2212", "-")
    if not _NUMBER.match(cleaned):
        raise ParseError(_("värdet ”%(value)s” är inte ett tal") % {"value": text})
    try:
        value = Decimal(cleaned.replace(",", "."))
    except InvalidOperation as exc:  # the pattern should rule this out; be safe anyway
        raise ParseError(_("värdet ”%(value)s” är inte ett tal") % {"value": text}) from exc
    return check_decimal(value, text)


def check_decimal(value: Decimal, shown: str) -> Decimal:
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and -exponent > VALUE_PLACES:
        raise ParseError(
            _("värdet ”%(value)s” har fler än %(places)d decimaler")
            % {"value": shown, "places": VALUE_PLACES}
        )
    if abs(value) >= Decimal(10) ** (VALUE_DIGITS - VALUE_PLACES):
        raise ParseError(_("värdet ”%(value)s” är för stort") % {"value": shown})
    return value


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def parse_period(text: str) -> dt.date:
    """A date, or a month, quarter or year taken as its last day."""
    cleaned = text.strip()
    try:
        if match := _MONTH.match(cleaned):
            return _month_end(int(match[1]), int(match[2]))
        if match := _QUARTER.match(cleaned):
            return _month_end(int(match[1]), int(match[2]) * 3)
        if match := _YEAR.match(cleaned):
            return dt.date(int(match[1]), 12, 31)
        return dt.date.fromisoformat(cleaned[:10])
    except ValueError as exc:
        raise ParseError(
            _("perioden ”%(period)s” är inte ett datum (%(hint)s)")
            % {"period": text, "hint": PERIOD_HINT}
        ) from exc


@dataclass
class ParsedRow:
    line: int
    period: dt.date
    value: Decimal
    comment: str


@dataclass
class ParsedFile:
    rows: list[ParsedRow] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def _cell_text(cell: Any) -> str:
    return "" if cell is None else str(cell).strip()


def _period_cell(cell: Any) -> dt.date:
    if isinstance(cell, dt.datetime):
        return cell.date()
    if isinstance(cell, dt.date):
        return cell
    if isinstance(cell, int) and not isinstance(cell, bool):
        return parse_period(str(cell))
    return parse_period(_cell_text(cell))


def _value_cell(cell: Any) -> Decimal:
    if isinstance(cell, bool):
        raise ParseError(_("värdet ”%(value)s” är inte ett tal") % {"value": cell})
    if isinstance(cell, int):
        return check_decimal(Decimal(cell), str(cell))
    if isinstance(cell, float):
        # repr gives the shortest text that round-trips, e.g. 12.3 rather than 12.2999…
        return check_decimal(Decimal(repr(cell)), repr(cell).replace(".", ","))
    return parse_decimal(_cell_text(cell))


def parse_rows(rows: list[list[Any]]) -> ParsedFile:
    """Rows as read from the file, header first. Line numbers are the file's own (header = 1)."""
    result = ParsedFile()
    if not rows:
        result.errors.append(_("Filen är tom. Den ska ha rubrikerna period, värde och kommentar."))
        return result
    header = [_HEADERS.get(_cell_text(cell).lower()) for cell in rows[0]]
    if "period" not in header or "value" not in header:
        result.errors.append(
            _(
                "Rad 1: rubrikraden ska innehålla kolumnerna ”period” och ”värde” "
                "(och gärna ”kommentar”)."
            )
        )
        return result
    index = {name: header.index(name) for name in ("period", "value", "comment") if name in header}
    seen: dict[dt.date, int] = {}
    for line, row in enumerate(rows[1:], start=2):
        cells = list(row) + [None] * (len(header) - len(row))
        if all(_cell_text(cell) == "" for cell in cells):
            continue
        if len(result.rows) + len(result.errors) >= MAX_ROWS:
            result.errors.append(
                _("Filen har fler än %(max)d rader. Dela upp den.") % {"max": MAX_ROWS}
            )
            break
        messages: list[str] = []
        period = value = None
        try:
            period = _period_cell(cells[index["period"]])
        except ParseError as exc:
            messages.append(str(exc))
        try:
            value = _value_cell(cells[index["value"]])
        except ParseError as exc:
            messages.append(str(exc))
        if period is not None and period in seen:
            messages.append(
                _("perioden %(period)s finns redan på rad %(line)d")
                % {"period": f"{period:%Y-%m-%d}", "line": seen[period]}
            )
        if messages:
            result.errors.extend(
                _("Rad %(line)d: %(message)s") % {"line": line, "message": message}
                for message in messages
            )
            continue
        assert period is not None and value is not None
        seen[period] = line
        # A comment from our own template may carry the apostrophe that kept it from running.
        comment = unescape_cell(_cell_text(cells[index["comment"]])) if "comment" in index else ""
        result.rows.append(ParsedRow(line, period, value, comment))
    if not result.rows and not result.errors:
        result.errors.append(_("Filen innehåller inga mätvärden under rubrikraden."))
    return result


def _decode(content: bytes) -> str:
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Swedish Excel saves "CSV (semikolonavgränsad)" in Windows-1252.
        return content.decode("cp1252", errors="replace")


def read_csv(content: bytes) -> list[list[Any]]:
    text = _decode(content)
    first = text.split("\n", 1)[0]
    delimiter = ";" if ";" in first else "\t" if "\t" in first else ","
    return [list(row) for row in csv.reader(io.StringIO(text), delimiter=delimiter)]


# What the zip checks found, said about an Excel file (the checks speak of Word files).
_PACKAGE_REFUSED = {
    "too_many_parts": gettext_lazy(
        "Excel-filen består av för många delar för att vara en vanlig arbetsbok. "
        "Spara om den i Excel, eller som .csv, och försök igen."
    ),
    "unpacked_too_large": gettext_lazy(
        "Excel-filen blir för stor när den packas upp. Dela upp den eller spara den som .csv."
    ),
    "compression_ratio": gettext_lazy(
        "Excel-filen packas upp många gånger större än den är, vilket Excel inte gör; "
        "filen tas inte emot. Spara om den i Excel och försök igen."
    ),
    "xml_declarations": gettext_lazy(
        "Excel-filen innehåller en DTD eller entitetsdeklarationer, som Excel aldrig skriver; "
        "filen tas inte emot. Spara om den i Excel och försök igen."
    ),
    "encrypted": gettext_lazy(
        "Excel-filen är krypterad. Ta bort lösenordet och ladda upp den igen."
    ),
}


def read_xlsx(content: bytes) -> list[list[Any]]:
    from openpyxl import load_workbook

    try:
        # An XLSX is a zip of XML parts like a Word file: the same checks before openpyxl.
        check_package(content)
    except ReadError as exc:
        message = _PACKAGE_REFUSED.get(exc.code, _XLSX_UNREADABLE)
        raise ParseError(str(message)) from exc
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a broken file
        raise ParseError(str(_XLSX_UNREADABLE)) from exc
    try:
        sheet = workbook.worksheets[0]
        return [list(row) for row in sheet.iter_rows(values_only=True, max_row=MAX_ROWS + 2)]
    finally:
        workbook.close()


def parse_file(name: str, content: bytes) -> ParsedFile:
    lower = name.lower()
    try:
        if lower.endswith(".xlsx"):
            rows = read_xlsx(content)
        elif lower.endswith((".csv", ".txt")):
            rows = read_csv(content)
        else:
            return ParsedFile(errors=[_("Filen ska vara en .csv- eller .xlsx-fil.")])
    except ParseError as exc:
        return ParsedFile(errors=[str(exc)])
    return parse_rows(rows)
