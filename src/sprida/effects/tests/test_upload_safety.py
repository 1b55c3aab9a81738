"""Files uploaded to effects follow intake's safety rules: names bounded in bytes and cleaned,
and an XLSX checked as a zip (size, ratio, parts, DTDs) before openpyxl opens it."""

from __future__ import annotations

import io
import zipfile

import openpyxl
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sprida.core.access import SYSTEM
from sprida.effects import conditions, services
from sprida.effects.imports import parse_file
from sprida.effects.models import Measurement
from sprida.effects.tests.conftest import add_records
from sprida.grants.services import condition_save
from sprida.intake.filenames import MAX_STORAGE_BYTES

LONG_NAME = "é" * 200 + ".pdf"  # 400 bytes before the suffix: past any file system's limit


def _stored_name(path: str | None) -> str:
    return str(path).rsplit("/", 1)[-1]


def test_cost_document_with_a_long_name_is_stored_within_bounds(people, grant) -> None:
    add_records(grant.fall)
    cost = grant.fall.costs.all()[0]
    upload = SimpleUploadedFile(LONG_NAME, b"%PDF-1.7 faktura", content_type="application/pdf")
    document = services.cost_document_attach(by=people["editor"], cost=cost, upload=upload)
    stored = _stored_name(document.file.name)
    assert len(stored.encode()) <= MAX_STORAGE_BYTES + 8  # the storage may add "_AbC1234"
    assert stored.endswith(".pdf")
    assert len(document.name) <= 200 and document.name.endswith(".pdf")
    assert document.file.read() == b"%PDF-1.7 faktura"


def test_cost_document_name_loses_folders_and_direction_marks(people, grant) -> None:
    add_records(grant.fall)
    cost = grant.fall.costs.all()[0]
    upload = SimpleUploadedFile("../../etc/fakt\u202eura.pdf", b"%PDF-1.7", "application/pdf")
    document = services.cost_document_attach(by=people["editor"], cost=cost, upload=upload)
    assert document.name == "faktura.pdf"
    assert str(document.file.name).startswith(f"effects/costs/{grant.fall.pk}/faktura")
    assert ".." not in str(document.file.name)


def test_condition_evidence_with_a_long_name_is_stored_within_bounds(people, grant) -> None:
    line = grant.decision.lines.get(measure=grant.fall)
    condition = condition_save(by=SYSTEM, decision=grant.decision, line=line, text="Mät fall.")
    upload = SimpleUploadedFile(LONG_NAME, b"%PDF-1.4 protokoll", "application/pdf")
    evidence = conditions.condition_evidence_attach(
        by=people["editor"], condition=condition, upload=upload
    )
    assert len(_stored_name(evidence.file.name).encode()) <= MAX_STORAGE_BYTES + 8
    assert len(evidence.name) <= 200


def test_long_name_through_the_cost_page_is_not_a_server_error(client, people, grant) -> None:
    add_records(grant.fall)
    cost = grant.fall.costs.all()[0]
    client.force_login(people["editor"])
    response = client.post(
        reverse("effects:cost_document_add", args=[cost.pk]),
        {"file": SimpleUploadedFile(LONG_NAME, b"%PDF-1.7 x", "application/pdf")},
    )
    assert response.status_code == 302
    assert cost.documents.count() == 1


def _xlsx_with_sheet(sheet_xml: bytes) -> bytes:
    """A real workbook whose first sheet's XML is replaced by ``sheet_xml``."""
    book = openpyxl.Workbook()
    book.active.append(["period", "värde"])
    source = io.BytesIO()
    book.save(source)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(source.getvalue())) as original,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as changed,
    ):
        for info in original.infolist():
            data = original.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = sheet_xml
            changed.writestr(info.filename, data)
    return out.getvalue()


_SHEET = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'


def test_xlsx_that_unpacks_far_larger_than_it_is_is_refused() -> None:
    rows = b"".join(b'<row r="%d"/>' % (i % 9) for i in range(300_000))
    bomb = _xlsx_with_sheet(_SHEET + b"<sheetData>" + rows + b"</sheetData></worksheet>")
    assert len(bomb) < 100_000  # a few kB that unpack to megabytes
    parsed = parse_file("varden.xlsx", bomb)
    assert parsed.errors and "packas upp" in parsed.errors[0]
    assert not parsed.rows


def test_xlsx_with_an_entity_declaration_is_refused() -> None:
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>' + _SHEET + b"<sheetData/></worksheet>"
    )
    parsed = parse_file("varden.xlsx", _xlsx_with_sheet(laughs))
    assert parsed.errors and "entitetsdeklarationer" in parsed.errors[0]


def test_xlsx_with_too_many_parts_is_refused() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for i in range(1100):
            archive.writestr(f"xl/media/{i}.bin", b"")
    parsed = parse_file("varden.xlsx", out.getvalue())
    assert parsed.errors and "för många delar" in parsed.errors[0]


def test_refused_xlsx_through_the_import_saves_nothing(people, grant) -> None:
    indicator = add_records(grant.fall)
    before = Measurement.objects.count()
    rows = b"".join(b'<row r="%d"/>' % (i % 9) for i in range(300_000))
    bomb = _xlsx_with_sheet(_SHEET + b"<sheetData>" + rows + b"</sheetData></worksheet>")
    result = services.measurements_import(
        by=people["editor"], indicator=indicator, name="v.xlsx", content=bomb
    )
    assert not result.ok and "packas upp" in (result.errors or [""])[0]
    assert Measurement.objects.count() == before
