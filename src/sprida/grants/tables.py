"""Tables that a page shows, sorts and exports from the same rows: HTML, XLSX and CSV.

A view builds `Table`s from selector results, binds them to the request (sorting from the
query string) and either renders them or, when `?export=xlsx|csv&table=<name>` is asked
for, returns the file. So every table on every page exports the figures it shows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from django.http import HttpRequest, HttpResponse
from django.utils.functional import Promise
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import slugify
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from sprida.core.collation import swedish_key
from sprida.core.exports import (
    CSV_CONTENT_TYPE,
    XLSX_CONTENT_TYPE,
    CsvWriter,
    workbook_bytes,
)
from sprida.core.formats import KnownSum, format_sek, format_thousands

Kind = Literal["text", "sek", "int", "date", "percent", "bool"]
EXPORT_FORMATS = ("xlsx", "csv")


@dataclass(frozen=True)
class Column:
    key: str
    label: str | Promise
    kind: Kind = "text"
    sortable: bool = True

    @property
    def numeric(self) -> bool:
        return self.kind in {"sek", "int", "percent"}


@dataclass
class Cell:
    display: str
    url: str = ""
    css: str = ""


@dataclass
class HeaderCell:
    label: str | Promise
    url: str
    aria_sort: str
    numeric: bool
    sortable: bool


def display(value: Any, kind: Kind) -> str:
    if value is None or value == "":
        return "–"
    if kind == "sek":
        return format_sek(value)
    if kind == "int":
        return format_thousands(value)
    if kind == "percent":
        return f"{value}\u00a0%"
    if kind == "date":
        return value.isoformat() if isinstance(value, dt.date) else str(value)
    if kind == "bool":
        return _("Ja") if value else _("Nej")
    return str(value)


def _sort_key(value: Any) -> tuple[int, Any]:
    # Empty values last in either direction is not possible with one key; keep them first in
    # ascending order, as spreadsheets do.
    if value is None or value == "":
        return (0, 0)
    if isinstance(value, str):
        return (1, swedish_key(value))
    if isinstance(value, KnownSum):
        return (1, value.known_sek)
    return (1, value)


@dataclass
class Table:
    name: str
    caption: str | Promise
    columns: Sequence[Column]
    rows: list[dict[str, Any]]
    footer: dict[str, Any] | None = None
    empty: str | Promise = ""
    sort: str = ""
    descending: bool = False
    base_query: str = ""
    links: dict[str, str] = field(default_factory=dict)  # column key → row key of its URL

    @property
    def sort_param(self) -> str:
        return f"o-{self.name}"

    def bind(self, request: HttpRequest) -> Table:
        """Sort by the query string (`o-<name>=key` or `-key`) and remember it for links."""
        wanted = request.GET.get(self.sort_param, "")
        key = wanted.lstrip("-")
        if key and any(c.key == key and c.sortable for c in self.columns):
            self.sort, self.descending = key, wanted.startswith("-")
            self.rows.sort(key=lambda row: _sort_key(row.get(key)), reverse=self.descending)
        query = request.GET.copy()
        for name in ("export", "table", self.sort_param):
            query.pop(name, None)
        self.base_query = query.urlencode()
        return self

    def _query(self, **extra: str) -> str:
        parts = [self.base_query] if self.base_query else []
        parts += [f"{k}={v}" for k, v in extra.items()]
        return "?" + "&".join(parts)

    def headers(self) -> list[HeaderCell]:
        cells = []
        for column in self.columns:
            active = column.key == self.sort
            descending = active and not self.descending
            value = f"-{column.key}" if descending else column.key
            cells.append(
                HeaderCell(
                    label=column.label,
                    url=self._query(**{self.sort_param: value}),
                    aria_sort=(
                        ("descending" if self.descending else "ascending") if active else ""
                    ),
                    numeric=column.numeric,
                    sortable=column.sortable,
                )
            )
        return cells

    def body(self) -> list[list[Cell]]:
        return [
            [
                Cell(
                    display=display(row.get(c.key), c.kind),
                    url=row.get(self.links[c.key], "") if c.key in self.links else "",
                    css=" ".join(
                        filter(
                            None, [_css(row.get(c.key), c.numeric), row.get(f"_css_{c.key}", "")]
                        )
                    ),
                )
                for c in self.columns
            ]
            for row in self.rows
        ]

    def body_html(self) -> SafeString:
        """The rows as HTML, built here rather than in the template: a region's table can hold
        thousands of cells, and this is many times faster than the template loop."""
        parts = []
        missing = format_html(
            '<span aria-hidden="true">–</span><span class="visually-hidden">{}</span>',
            _("uppgift saknas"),
        )
        for row in self.body():
            cells = []
            for index, cell in enumerate(row):
                if cell.url:
                    content = f'<a href="{escape(cell.url)}">{escape(cell.display)}</a>'
                elif cell.display == "–":
                    content = missing
                else:
                    content = escape(cell.display)
                tag = "th" if index == 0 else "td"
                scope = ' scope="row"' if index == 0 else ""
                css = f' class="{escape(cell.css)}"' if cell.css else ""
                cells.append(f"<{tag}{scope}{css}>{content}</{tag}>")
            parts.append("<tr>" + "".join(cells) + "</tr>")
        return mark_safe("\n".join(parts))

    def foot(self) -> list[Cell] | None:
        if self.footer is None:
            return None
        return [
            Cell(
                display=display(self.footer.get(c.key), c.kind) if c.key in self.footer else "",
                css=_css(self.footer.get(c.key), c.numeric),
            )
            for c in self.columns
        ]

    def export_url(self, fmt: str) -> str:
        return self._query(export=fmt, table=self.name)

    def export_links(self) -> list[tuple[str, str]]:
        return [(fmt.upper(), self.export_url(fmt)) for fmt in EXPORT_FORMATS]

    def filename(self, fmt: str) -> str:
        return f"{slugify(str(self.caption))[:80] or self.name}.{fmt}"


def _css(value: Any, numeric: bool) -> str:
    """'num' for a numeric column; a sum with unknown parts may wrap, as it says so in words."""
    return " ".join(
        filter(
            None, ["num" if numeric else "", "incomplete" if isinstance(value, KnownSum) else ""]
        )
    )


def _raw(value: Any, kind: Kind) -> Any:
    if value is None:
        return None
    if isinstance(value, KnownSum):
        return str(value)
    if kind == "bool":
        return _("Ja") if value else _("Nej")
    if kind in {"text"}:
        return str(value)
    return value


def export_xlsx(table: Table) -> bytes:

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = (slugify(str(table.caption))[:31] or table.name)[:31]
    sheet.append([str(c.label) for c in table.columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in table.rows:
        sheet.append([_raw(row.get(c.key), c.kind) for c in table.columns])
    if table.footer:
        sheet.append([_raw(table.footer.get(c.key), c.kind) for c in table.columns])
        for cell in sheet[sheet.max_row]:
            cell.font = Font(bold=True)
    for index, column in enumerate(table.columns, start=1):
        letter = sheet.cell(row=1, column=index).column_letter
        if column.kind in {"sek", "int"}:
            for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                cell.number_format = "#,##0"
        elif column.kind == "date":
            for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                cell.number_format = "yyyy-mm-dd"
        sheet.column_dimensions[letter].width = 14 if column.numeric else 40
    sheet.freeze_panes = "A2"
    return workbook_bytes(workbook)


def export_csv(table: Table) -> str:
    writer = CsvWriter()
    writer.writerow([str(c.label) for c in table.columns])
    rows = [*table.rows, table.footer] if table.footer else table.rows
    writer.writerows([_raw(row.get(c.key), c.kind) for c in table.columns] for row in rows)
    return writer.text()


def export_response(table: Table, fmt: str) -> HttpResponse:
    if fmt == "xlsx":
        response = HttpResponse(export_xlsx(table), content_type=XLSX_CONTENT_TYPE)
    else:
        response = HttpResponse(export_csv(table), content_type=CSV_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{table.filename(fmt)}"'
    return response


def respond_with_export(request: HttpRequest, tables: Sequence[Table]) -> HttpResponse | None:
    """The export the query string asks for, or None to render the page."""
    fmt = request.GET.get("export", "")
    if fmt not in EXPORT_FORMATS:
        return None
    wanted = request.GET.get("table", "")
    for table in tables:
        if table.name == wanted:
            return export_response(table, fmt)
    return None
