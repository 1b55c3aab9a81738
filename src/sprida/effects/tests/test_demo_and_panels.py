"""The demo loader, the start-page panel and the `report` command."""

from __future__ import annotations

import datetime as dt
import io

import docx
import openpyxl
import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from sprida.effects import demo
from sprida.effects.models import Cost, Indicator, Measurement, Report
from sprida.effects.tests.conftest import add_records


def _snapshot() -> list:
    return sorted(
        (m.indicator.measure_id, m.indicator.name, m.period, m.value)
        for m in Measurement.objects.select_related("indicator")
    ) + sorted(Cost.objects.values_list("measure_id", "year", "amount_sek"))


def test_demo_is_idempotent_deterministic_and_marked(grant) -> None:
    out = io.StringIO()
    assert demo.effects_load(out) == 2
    first = _snapshot()
    assert demo.effects_load(out) == 0
    assert _snapshot() == first
    assert not Indicator.objects.filter(is_demo=False).exists()
    report = Report.objects.get()
    assert report.is_demo and report.kind == "progress" and report.status == "draft"
    # Published ranges: ceiling sensors cut falls by 30–65 %.
    falls = Indicator.objects.get(measure=grant.fall, name__startswith="Fallolyckor")
    change = falls.change_from_baseline(falls.measurements.order_by("period")[2].value)
    assert change is not None and -65 <= change <= -25
    speech = Indicator.objects.get(measure=grant.speech, name__startswith="Dokumentationstid")
    change = speech.change_from_baseline(speech.measurements.order_by("-period")[0].value)
    assert change is not None and -13 <= change <= 2

    Measurement.objects.all().delete()
    Indicator.objects.all().delete()
    Cost.objects.all().delete()
    demo.effects_load(out)
    assert _snapshot() == first


def test_demo_skips_without_granted_measures(db) -> None:
    out = io.StringIO()
    demo.load(out)
    assert "hoppar över" in out.getvalue()


def test_region_panel_counts_days_and_links(client, people, grant, monkeypatch) -> None:
    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda *a: dt.date(2026, 11, 28))
    client.force_login(people["editor"])
    html = client.get("/").content.decode()
    assert "Delredovisning senast 2026-11-30: 2 dagar kvar" in html
    assert reverse("effects:report_start", args=[grant.decision.pk]) in html
    client.force_login(people["officer"])
    html = client.get("/").content.decode()
    assert "Delredovisningar inlämnade: 0 av 1 beslut." in html
    client.force_login(people["stranger"])
    assert "Delredovisning senast" not in client.get("/").content.decode()


def test_report_command_writes_docx_and_xlsx(people, grant, tmp_path) -> None:
    add_records(grant.fall)
    out = io.StringIO()
    target = tmp_path / "r.docx"
    call_command("report", "progress", region="orebro", fmt="docx", output=str(target), stdout=out)
    text = "\n".join(p.text for p in docx.Document(target).paragraphs)
    assert "Delredovisning – Region Örebro län" in text and grant.speech.title in text
    target = tmp_path / "r.xlsx"
    call_command("report", "final", region="orebro", fmt="xlsx", output=str(target), stdout=out)
    book = openpyxl.load_workbook(target)
    assert book["Sammanfattning"]["A1"].value == "Slutredovisning – Region Örebro län"
    with pytest.raises(CommandError, match="inget beslut"):
        call_command("report", "progress", region="gotland", output=str(target))
    with pytest.raises(CommandError, match="Ingen organisation"):
        call_command("report", "progress", region="atlantis", output=str(target))


def test_demo_shows_orebro_meeting_its_conditions(grant) -> None:
    from sprida.core.access import SYSTEM
    from sprida.effects.models import ConditionFulfilment
    from sprida.grants.services import condition_save

    line = grant.decision.lines.get(measure=grant.fall)
    condition_save(
        by=SYSTEM, decision=grant.decision, line=line, text="Villkor", due_on=dt.date(2027, 12, 31)
    )
    demo.effects_load(io.StringIO())
    demo.effects_load(io.StringIO())  # a second run adds nothing
    fulfilment = ConditionFulfilment.objects.get()
    assert fulfilment.stage == "in_progress" and fulfilment.evidence.startswith("Demodata")
