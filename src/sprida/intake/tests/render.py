"""Render seed texts to PDF (fpdf2) and DOCX (python-docx) so every reader sees the same content."""

from __future__ import annotations

import re
from pathlib import Path

import docx
from fpdf import FPDF

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_BULLET = re.compile(r"^\s*(?:[-•*])\s+(.*)$")
_EMPHASIS = re.compile(r"\*([^*\n]+)\*")


def _font(pdf: FPDF) -> tuple[str, bool]:
    """DejaVu when installed (Swedish letters, bullets and dashes); else a latin-1 core font."""
    if (FONT_DIR / "DejaVuSans.ttf").exists():
        pdf.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
        pdf.add_font("DejaVu", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
        return "DejaVu", True
    return "Helvetica", False


def _latin1(text: str) -> str:
    text = text.replace("\u2013", "-").replace("\u2014", "-").replace("\u2022", "-")
    return text.encode("latin-1", "replace").decode("latin-1")


def make_pdf(text: str, *, encrypt_with: str | None = None) -> bytes:
    """Lines as paragraphs; markdown headings in bold without their marks; long lines wrap."""
    pdf = FPDF(format="A4")
    if encrypt_with:
        pdf.set_encryption(owner_password="owner", user_password=encrypt_with)
    family, unicode_ok = _font(pdf)
    pdf.set_auto_page_break(auto=True, margin=20)
    pdf.add_page()
    for raw in text.splitlines():
        line = _EMPHASIS.sub(r"\1", raw.strip())
        line = line if unicode_ok else _latin1(line)
        heading = _HEADING.match(line)
        if not line:
            pdf.ln(4)
            continue
        if heading:
            pdf.set_font(family, "B", 13)
            line = heading.group(2)
        else:
            pdf.set_font(family, "", 11)
        pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def make_blank_pdf() -> bytes:
    """A page with a drawing and no text layer, like a scan."""
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 60, style="F")
    return bytes(pdf.output())


def make_docx(text: str, path: Path) -> None:
    document = docx.Document()
    for raw in text.splitlines():
        line = _EMPHASIS.sub(r"\1", raw.strip())
        if not line:
            continue
        heading = _HEADING.match(line)
        bullet = _BULLET.match(line)
        if heading:
            document.add_heading(heading.group(2), level=min(len(heading.group(1)), 9))
        elif bullet:
            document.add_paragraph(bullet.group(1), style="List Bullet")
        else:
            document.add_paragraph(line)
    document.save(str(path))
