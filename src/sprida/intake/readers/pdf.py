"""PDF text, page by page, with pypdfium2. No OCR: a scan without a text layer is refused."""

from __future__ import annotations

import pypdfium2 as pdfium

from .errors import ReadError

_NO_TEXT_SV = (
    "PDF-filen innehåller ingen text, bara bilder (troligen en inskannad handling). "
    "Textigenkänning (OCR) stöds inte. Ladda upp en PDF med textlager eller originalet i Word."
)
_NO_TEXT_EN = (
    "The PDF holds no text, only images (probably a scan). OCR is not supported. "
    "Upload a PDF with a text layer or the Word original."
)


def read_pdf(data: bytes) -> list[str]:
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        message = str(error).lower()
        if "password" in message or "security" in message:
            raise ReadError(
                "encrypted",
                "PDF-filen är lösenordsskyddad. Ta bort lösenordet och ladda upp filen igen.",
                "The PDF is password-protected. Remove the password and upload it again.",
            ) from error
        if b"%%EOF" not in data[-1024:]:
            raise ReadError(
                "corrupt",
                "PDF-filen är ofullständig: slutet saknas, kanske för att en nedladdning "
                "avbröts. Hämta eller spara filen på nytt och ladda upp den igen.",
                "The PDF is incomplete: its end is missing, perhaps from an interrupted "
                "download. Fetch or save it again and upload it again.",
            ) from error
        raise ReadError(
            "corrupt",
            "PDF-filen är skadad och kan inte läsas.",
            "The PDF is damaged and cannot be read.",
        ) from error
    try:
        pages: list[str] = []
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            try:
                text = textpage.get_text_range()
            finally:
                textpage.close()
                page.close()
            pages.append(text.replace("\r\n", "\n").replace("\r", "\n"))
    except pdfium.PdfiumError as error:
        raise ReadError(
            "corrupt",
            "PDF-filen är skadad och kan inte läsas.",
            "The PDF is damaged and cannot be read.",
        ) from error
    finally:
        document.close()
    if not any(page.strip() for page in pages):
        raise ReadError("no_text", _NO_TEXT_SV, _NO_TEXT_EN)
    return pages
