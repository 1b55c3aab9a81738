"""The submitted report as DOCX and PDF: who submitted it and when, header, footer, page numbers,
and a file name after region, kind and date."""

from __future__ import annotations

import io
import re

import docx
import pypdfium2
from django.urls import reverse
from django.utils import timezone

from sprida.effects import services
from sprida.effects.models import Report


def _submitted(grant, people) -> Report:
    editor = people["editor"]
    editor.first_name, editor.last_name = "Alice", "Andersson"
    editor.save()
    report = services.report_create(by=editor, decision=grant.decision, kind="progress")
    services.report_update(
        by=editor,
        report=report,
        narrative={"summary": "Allt går enligt plan – nästan."},
        sections={m.pk: {"progress_text": "Pågår."} for m in (grant.fall, grant.speech)},
    )
    return services.report_submit(by=editor, report=report)


def test_docx_says_who_submitted_and_numbers_its_pages(client, people, grant) -> None:
    report = _submitted(grant, people)
    client.force_login(people["officer"])
    response = client.get(reverse("effects:report_download", args=[report.pk, "docx"]))
    today = timezone.localdate().isoformat()
    region = grant.decision.application.applicant.name.lower()
    slug = re.sub(r"[^a-z0-9]+", "-", region.replace("ö", "o").replace("ä", "a")).strip("-")
    assert f'filename="delredovisning-{slug}-{today}-v1.docx"' in response["Content-Disposition"]
    document = docx.Document(io.BytesIO(response.content))
    section = document.sections[0]
    footer_xml = section.footer._element.xml
    assert "Inlämnad" in section.footer.paragraphs[0].text
    assert "Alice Andersson" in section.footer.paragraphs[0].text
    assert "PAGE" in footer_xml and "NUMPAGES" in footer_xml
    assert grant.decision.application.applicant.name in section.header.paragraphs[0].text


def test_pdf_says_who_submitted_and_numbers_its_pages(client, people, grant) -> None:
    report = _submitted(grant, people)
    client.force_login(people["editor"])
    response = client.get(reverse("effects:report_download", args=[report.pk, "pdf"]))
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].endswith('-v1.pdf"')
    pdf = pypdfium2.PdfDocument(response.content)
    pages = len(pdf)
    first = pdf[0].get_textpage().get_text_range()
    last = pdf[pages - 1].get_textpage().get_text_range()
    assert "Inlämnad" in first and "Alice Andersson" in first
    assert f"Sida 1 av {pages}" in first and f"Sida {pages} av {pages}" in last
    assert "Allt går enligt plan – nästan." in first  # Swedish and typographic characters


def test_draft_files_are_marked_as_drafts(client, people, grant) -> None:
    report = services.report_create(by=people["editor"], decision=grant.decision, kind="final")
    client.force_login(people["editor"])
    response = client.get(reverse("effects:report_download", args=[report.pk, "pdf"]))
    assert re.search(
        r'slutredovisning-.+-\d{4}-\d\d-\d\d-v1-utkast\.pdf"$', response["Content-Disposition"]
    )


def test_report_page_offers_plain_text_per_section_for_the_e_service(client, people, grant) -> None:
    report = _submitted(grant, people)
    client.force_login(people["editor"])
    page = client.get(reverse("effects:report", args=[report.pk])).content.decode()
    assert "Kammarkollegiets e-tjänst" in page
    assert page.count('data-copy-target="plain-') == 2 + 5  # two measures and five sections
    from sprida.effects.content import report_content
    from sprida.effects.plain_text import plain_sections

    sections = plain_sections(report_content(grant.decision, "progress", report))
    for section in sections:
        assert "\u00a0" not in section.text and "\t" not in section.text
        assert "<" not in section.text
    assert sections[0].text == "Allt går enligt plan – nästan."
    assert "<script" not in page.split("</head>")[1]  # no inline script in the body
