"""The coordinator's report of a joint application shows each participant's part."""

from __future__ import annotations

import datetime as dt
import io

import docx
import openpyxl
import pypdfium2
import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sprida.core.access import SYSTEM
from sprida.effects import services
from sprida.effects.content import content_from_json, content_to_json, report_content
from sprida.effects.exports import docx_bytes, xlsx_bytes
from sprida.effects.models import CostKind
from sprida.effects.pdf_export import pdf_bytes
from sprida.effects.plain_text import plain_sections
from sprida.effects.tests.conftest import Joint

pytestmark = pytest.mark.django_db


def _record(joint: Joint) -> None:
    services.cost_record(
        by=SYSTEM,
        measure=joint.measure,
        part=joint.jamtland,
        year=2026,
        kind=CostKind.EXTERNAL,
        description="Arbetsgrupp data",
        amount_sek=240_000,
    )
    services.cost_record(
        by=SYSTEM,
        measure=joint.measure,
        part=joint.skr,
        year=2026,
        kind=CostKind.EXTERNAL,
        description="Projektledning",
        amount_sek=1_000_000,
    )
    services.implementation_status_record(
        by=SYSTEM,
        measure=joint.measure,
        part=joint.jamtland,
        stage="in_progress",
        status_on=dt.date(2026, 9, 1),
        units="Hälsoval Jämtland",
    )
    services.qualitative_effect_record(
        by=SYSTEM,
        measure=joint.measure,
        part=joint.jamtland,
        observed_on=dt.date(2026, 9, 1),
        category="staff",
        statement="Juridiskt underlag återanvänt i stället för eget.",
        source="Arbetsgruppens protokoll",
    )


def _content(joint: Joint):
    decision = joint.measure.outcome.decision
    return report_content(decision, "progress")


def test_each_part_with_its_costs_status_and_effects(joint) -> None:
    _record(joint)
    content = _content(joint)
    parts = {p.organisation: p for p in content.parts}
    assert next(iter(parts)) == joint.skr.name  # the coordinator first
    assert content.parts[0].coordinator
    jamtland = parts["Region Jämtland Härjedalen"]
    assert jamtland.spent_sek == 240_000
    assert jamtland.measures[0].stage_label == "Pågår"
    assert jamtland.measures[0].units == ["Hälsoval Jämtland"]
    assert len(jamtland.measures[0].effects) == 1
    assert parts["Region Örebro län"].recorded is False
    assert content.parts_unrecorded == ["Region Örebro län"]
    assert sum(p.spent_sek for p in content.parts) == content.spent_sek == 1_240_000
    # The measure's own status is the coordinator's; Jämtland's is in its part.
    assert content.measures[0].status is None
    assert {c.part for c in content.measures[0].costs} == {
        "Region Jämtland Härjedalen",
        joint.skr.name,
    }


def test_region_application_has_no_parts(grant) -> None:
    assert report_content(grant.decision, "progress").parts == []


def test_parts_survive_the_submitted_snapshot_and_old_snapshots_load(joint) -> None:
    _record(joint)
    data = content_to_json(_content(joint))
    again = content_from_json(data)
    assert again.parts == _content(joint).parts
    del data["parts"]
    assert content_from_json(data).parts == []


def test_docx_pdf_xlsx_and_plain_text_show_jamtlands_part(joint) -> None:
    _record(joint)
    content = _content(joint)
    document = docx.Document(io.BytesIO(docx_bytes(content)))
    headings = [
        p.text for p in document.paragraphs if p.style and p.style.name.startswith("Heading")
    ]
    assert "Deltagarnas delar" in headings
    assert "Region Jämtland Härjedalen" in headings
    cells = {c.text for t in document.tables for row in t.rows for c in row.cells}
    assert "240\xa0000\xa0kr" in cells and "1\xa0240\xa0000\xa0kr" in cells
    pdf = pypdfium2.PdfDocument(pdf_bytes(content))
    text = "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    assert "Deltagarnas delar" in text and "Region Jämtland Härjedalen" in text
    book = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(content)))
    rows = list(book["Delar"].iter_rows(min_row=2, values_only=True))
    jamtland = [r for r in rows if r[0] == "Region Jämtland Härjedalen"]
    assert jamtland[0][3] == "Pågår" and jamtland[0][8] == 240_000
    assert sum(r[8] for r in rows) == 1_240_000
    assert book["Kostnader"]["I1"].value == "Del"
    plain = {s.key: s.text for s in plain_sections(content)}
    assert "Region Jämtland Härjedalen: upparbetat 240 000 kr" in plain["parts"]


def test_coordinator_sees_jamtlands_part_on_the_report_page(client, joint, make_user) -> None:
    _record(joint)
    coordinator = make_user("skr", "editor")
    report = services.report_create(
        by=coordinator, decision=joint.measure.outcome.decision, kind="progress"
    )
    client.force_login(coordinator)
    html = client.get(reverse("effects:report", args=[report.pk])).content.decode()
    assert "Deltagarnas delar" in html
    assert "Status och kostnader för Region Jämtland Härjedalen" in html
    assert "Juridiskt underlag återanvänt" in html
    print_html = client.get(reverse("effects:report_print", args=[report.pk])).content.decode()
    assert "Status och kostnader för Region Jämtland Härjedalen" in print_html


def test_a_non_participant_does_not_see_the_report(client, joint, make_user) -> None:
    coordinator = make_user("skr", "editor")
    report = services.report_create(
        by=coordinator, decision=joint.measure.outcome.decision, kind="progress"
    )
    client.force_login(make_user("vastmanland", "editor"))
    assert client.get(reverse("effects:report", args=[report.pk])).status_code == 404


# The costs are removed at the start of each example, so the fixture's measure can be shared.
@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(amounts=st.lists(st.tuples(st.sampled_from([0, 1, 2]), st.integers(1, 10**9)), max_size=8))
def test_the_parts_add_up_to_the_report(joint, amounts) -> None:
    parties = [joint.skr, joint.jamtland, joint.orebro]
    joint.measure.costs.all().delete()
    for index, amount in amounts:
        services.cost_record(
            by=SYSTEM,
            measure=joint.measure,
            part=parties[index],
            year=2026,
            kind=CostKind.EQUIPMENT,
            description="x",
            amount_sek=amount,
        )
    content = _content(joint)
    assert sum(p.spent_sek for p in content.parts) == content.spent_sek
    assert content.spent_sek == sum(amount for _, amount in amounts)
    for part, party in zip(content.parts, parties, strict=True):
        assert part.organisation == party.name
        assert part.spent_sek == sum(a for i, a in amounts if parties[i] == party)


def test_a_former_participants_records_stay_in_the_report(joint) -> None:
    _record(joint)
    joint.measure.application.participants.remove(joint.jamtland)
    content = _content(joint)
    names = [p.organisation for p in content.parts]
    assert names[-1] == "Region Jämtland Härjedalen"  # after the current participants
    assert sum(p.spent_sek for p in content.parts) == content.spent_sek
    assert {c.part for c in content.measures[0].costs} >= {"Region Jämtland Härjedalen"}
