"""Word (DOCX): paragraphs and tables in document order; headings kept as Markdown lines."""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

from lxml import etree

from .errors import ReadError
from .ooxml import broken_xml, check_package

_HEADING_STYLE = re.compile(r"^(?:heading|rubrik)\s*(\d)?", re.I)
_LIST_STYLE = re.compile(r"list|lista|bullet|punkt", re.I)


def read_docx(data: bytes) -> list[str]:
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    check_package(data)  # before python-docx unpacks or parses anything
    try:
        document = docx.Document(io.BytesIO(data))
    except etree.XMLSyntaxError as error:
        raise broken_xml() from error
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise ReadError(
            "corrupt",
            "Word-filen är skadad och kan inte läsas.",
            "The Word file is damaged and cannot be read.",
        ) from error
    lines: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(_paragraph_line(Paragraph(child, document)))
        elif tag == "tbl":
            table = Table(child, document)
            for row in table.rows:
                cells = [cell.text.strip() for cell in row.cells]
                # Merged cells repeat; keep each distinct text once, in order.
                unique = [c for i, c in enumerate(cells) if c and c not in cells[:i]]
                if unique:
                    lines.append(" | ".join(unique))
            lines.append("")
    return ["\n".join(lines)]


def _paragraph_line(paragraph: Any) -> str:
    text = paragraph.text
    if not text.strip():
        return ""
    style = paragraph.style.name if paragraph.style is not None else ""
    heading = _HEADING_STYLE.match(style or "")
    if heading or style == "Title":
        level = int(heading.group(1)) if heading and heading.group(1) else 1
        return "\n" + "#" * min(level, 6) + " " + text.strip() + "\n"
    if _LIST_STYLE.search(style or "") and not re.match(r"^\s*(?:[•\-–*]|\d+[.)])\s", text):
        return "- " + text
    return text
