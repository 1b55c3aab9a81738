"""Render a corpus document's source text to PDF or DOCX the way offices lay them out: running
header and footer on every page, headings, bullets, tables and page breaks."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.enum.text import WD_BREAK
from fpdf import FPDF

_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_BULLET = re.compile(r"^\s*(?:[-•*])\s+(.*)$")
_PAGE_BREAK = re.compile(r"^(?:\f|<<<PAGE>>>)$")


@dataclass(frozen=True)
class Layout:
    """How the source is laid out: running header and footer ('{page}', '{pages}' filled in)."""

    header: str | None = None
    footer: str | None = None


@dataclass(frozen=True)
class Block:
    kind: str  # heading, bullet, para, table, blank, page
    text: str = ""
    level: int = 0
    rows: tuple[tuple[str, ...], ...] = ()


def blocks(text: str) -> list[Block]:
    """The source text as layout blocks; consecutive ' | ' lines make one table."""
    out: list[Block] = []
    rows: list[tuple[str, ...]] = []
    for raw in text.replace("\f", "\n\f\n").splitlines():
        line = raw.strip()
        if " | " in line:
            rows.append(tuple(cell.strip() for cell in line.split(" | ")))
            continue
        if rows:
            out.append(Block("table", rows=tuple(rows)))
            rows = []
        if _PAGE_BREAK.match(line):
            out.append(Block("page"))
        elif not line:
            out.append(Block("blank"))
        elif heading := _HEADING.match(line):
            out.append(Block("heading", heading.group(2), len(heading.group(1))))
        elif bullet := _BULLET.match(line):
            out.append(Block("bullet", bullet.group(1)))
        else:
            out.append(Block("para", line))
    if rows:
        out.append(Block("table", rows=tuple(rows)))
    return out


class _Pdf(FPDF):
    def __init__(self, layout: Layout, family: str) -> None:
        super().__init__(format="A4")
        self.layout = layout
        self.family = family

    def header(self) -> None:
        if self.layout.header:
            self.set_font(self.family, "", 9)
            self.cell(0, 5, self._fill(self.layout.header), new_x="LMARGIN", new_y="NEXT")
            self.ln(4)

    def footer(self) -> None:
        if self.layout.footer:
            self.set_y(-15)
            self.set_font(self.family, "", 9)
            self.cell(0, 5, self._fill(self.layout.footer), align="C")

    def _fill(self, text: str) -> str:
        return text.replace("{page}", str(self.page_no())).replace("{pages}", "{nb}")


def make_pdf(text: str, layout: Layout) -> bytes:
    # A core font in Windows-1252 covers Swedish letters, dashes and bullets without the cost
    # of embedding a font file; the text layer reads back the same.
    pdf = _Pdf(layout, "Helvetica")
    pdf.core_fonts_encoding = "windows-1252"
    pdf.set_auto_page_break(auto=True, margin=22)
    pdf.add_page()
    for block in blocks(text):
        if block.kind == "page":
            pdf.add_page()
        elif block.kind == "blank":
            pdf.ln(4)
        elif block.kind == "table":
            pdf.set_font("Helvetica", "", 10)
            with pdf.table(
                borders_layout="NONE", first_row_as_headings=False, text_align="LEFT"
            ) as table:
                width = max(len(row) for row in block.rows)
                for cells in block.rows:
                    row = table.row()
                    for cell in (*cells, *[""] * (width - len(cells))):
                        row.cell(cell)
        else:
            bold = block.kind == "heading"
            pdf.set_font("Helvetica", "B" if bold else "", 13 if bold else 11)
            line = f"• {block.text}" if block.kind == "bullet" else block.text
            pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def make_docx(text: str, layout: Layout, path: Path) -> None:
    document = docx.Document()
    section = document.sections[0]
    if layout.header:
        section.header.paragraphs[0].text = layout.header
    if layout.footer:
        section.footer.paragraphs[0].text = layout.footer.replace("{page}", "1").replace(
            "{pages}", "1"
        )
    for block in blocks(text):
        if block.kind == "page":
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        elif block.kind == "heading":
            document.add_heading(block.text, level=min(block.level, 9))
        elif block.kind == "bullet":
            document.add_paragraph(block.text, style="List Bullet")
        elif block.kind == "para":
            document.add_paragraph(block.text)
        elif block.kind == "table":
            width = max(len(row) for row in block.rows)
            table = document.add_table(rows=0, cols=width)
            for cells in block.rows:
                row = table.add_row().cells
                for cell, value in zip(row, cells, strict=False):
                    cell.text = value
    document.save(str(path))
