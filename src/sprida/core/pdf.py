"""PDF documents from Sprida's records: a running header, a footer with page numbers, headings,
paragraphs, bullets and tables, in a vendored Unicode font.

Pure Python (fpdf2), so it installs from the lock file on any machine. Reports use it now;
the delegation's decision letters can use the same.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from fpdf import FPDF
from fpdf.enums import XPos, YPos

FONTS = Path(__file__).parent / "fonts"
FAMILY = "DejaVu"


class PdfDocument(FPDF):
    """An A4 document; `header_text` tops every page, `footer_text` and 'Sida n av N' end it."""

    def __init__(self, *, title: str, header_text: str, footer_text: str, page_label: str) -> None:
        super().__init__(format="A4")
        self.header_text = header_text
        self.footer_text = footer_text
        self.page_label = page_label  # e.g. "Sida {page} av {pages}"
        self.add_font(FAMILY, "", str(FONTS / "DejaVuSans.ttf"))
        self.add_font(FAMILY, "B", str(FONTS / "DejaVuSans-Bold.ttf"))
        self.set_title(title)
        self.set_lang("sv-SE")
        self.set_creator("Sprida")
        self.set_auto_page_break(auto=True, margin=20)
        self.set_margins(20, 20, 20)
        self.add_page()

    def header(self) -> None:
        self.set_font(FAMILY, "", 8)
        self.set_text_color(90, 90, 90)
        self.cell(0, 5, self.header_text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
        self.ln(4)
        self.set_text_color(0, 0, 0)

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font(FAMILY, "", 8)
        self.set_text_color(90, 90, 90)
        width = self.w - self.l_margin - self.r_margin
        self.cell(width * 0.75, 5, self.footer_text)
        label = self.page_label.format(page=self.page_no(), pages="{nb}")
        self.cell(width * 0.25, 5, label, align="R")
        self.set_text_color(0, 0, 0)

    def heading(self, text: str, level: int = 1) -> None:
        size = {0: 18, 1: 14, 2: 12}.get(level, 11)
        self.ln(2 if level > 1 else 4)
        self.set_font(FAMILY, "B", size)
        self.multi_cell(0, size * 0.5, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(1)

    def paragraph(self, text: str) -> None:
        self.set_font(FAMILY, "", 10)
        for part in (text or "").split("\n\n"):
            self.multi_cell(0, 5, part.strip(), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            self.ln(1.5)

    def bullet(self, text: str) -> None:
        self.set_font(FAMILY, "", 10)
        self.set_x(self.l_margin + 4)
        self.multi_cell(0, 5, "• " + text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(1)

    def data_table(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[str]],
        *,
        numeric: set[int] | None = None,
        widths: Sequence[int] | None = None,
    ) -> None:
        numeric = numeric or set()
        self.set_font(FAMILY, "", 9)
        align: Any = tuple("RIGHT" if i in numeric else "LEFT" for i in range(len(header)))
        with self.table(
            col_widths=tuple(widths) if widths else None,
            text_align=align,
            line_height=5,
            first_row_as_headings=True,
        ) as table:
            for values in [header, *rows]:
                row = table.row()
                for value in values:
                    row.cell(str(value))
        self.ln(2)

    def to_bytes(self) -> bytes:
        return bytes(self.output())
