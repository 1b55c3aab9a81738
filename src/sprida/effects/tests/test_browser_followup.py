"""In a real browser, as Region Örebro län's coordinator and the delegation's officer: record and
correct the follow-up, show a condition's evidence, confirm and submit the late progress report,
and afterwards no page or reminder calls it overdue."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.utils import timezone

from sprida.core.access import SYSTEM
from sprida.core.tests.browser import serious_violations, sign_in
from sprida.effects.models import Cost, Report
from sprida.grants.models import Condition, DeadlineKind
from sprida.grants.reminders import reminders_due
from sprida.grants.services import condition_save

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
PASSWORD = "correct-horse-battery"
LATE = re.compile(r"\d+ dagar? försenad\b|>Försenad<")
IN_USE = "Egenmonitorering ska vara implementerat i en eller flera verksamheter."


def _page(browser: Any) -> Any:
    """A page that waits long enough for a live server on a busy machine."""
    page = browser.new_page()
    page.set_default_timeout(120_000)
    return page


def _setup(grant) -> Condition:
    today = timezone.localdate()
    grant.decision.deadlines.filter(kind=DeadlineKind.PROGRESS_REPORT).update(
        due_on=today - dt.timedelta(days=2)
    )
    line = grant.decision.lines.get(measure=grant.fall)
    return condition_save(
        by=SYSTEM, decision=grant.decision, line=line, text=IN_USE, due_on=dt.date(2027, 12, 31)
    )


def _record_and_correct(page: Any, base: str, measure_pk: int) -> None:
    page.goto(f"{base}/effekter/atgard/{measure_pk}/")
    page.get_by_text("Registrera kostnad").click()
    form = page.locator("form[action$='/kostnad/']")
    form.get_by_label("år").fill("2026")
    form.get_by_label("kostnadsslag").select_option("external")
    form.get_by_label("beskrivning").fill("Sensorer")
    form.get_by_label("belopp (kr)").fill("1 200 000")
    form.get_by_role("button", name="Spara kostnad").click()
    page.wait_for_selector("text=Kostnaden är sparad.")
    # Correct it: the amount was wrong.
    page.get_by_role("link", name=re.compile("^Ändra Sensorer")).click()
    page.get_by_label("belopp (kr)").fill("1 150 000")
    page.get_by_role("button", name="Spara").click()
    page.wait_for_selector("text=Ändringen är sparad.")
    # Record a status, then a wrong effect that is removed with a reason.
    page.get_by_text("Registrera ny status").click()
    page.locator("form[action$='/status/']").get_by_label("status").select_option("in_progress")
    page.get_by_role("button", name="Spara status").click()
    page.wait_for_selector("text=Statusen är sparad.")
    page.get_by_text("Registrera kvalitativ effekt").click()
    effect_form = page.locator("form[action$='/effekt/']")
    effect_form.get_by_label("perspektiv").select_option("patients")
    effect_form.get_by_label("iakttagelse").fill("Fel åtgärd")
    effect_form.get_by_label("källa").fill("Intervju")
    page.get_by_role("button", name="Spara effekt").click()
    effects = page.locator("table", has_text="Kvalitativa effekter, senaste först")
    effects.get_by_role("link", name=re.compile("^Ta bort")).click()
    page.get_by_label("Varför tas posten bort?").fill("Hör till en annan åtgärd.")
    page.get_by_role("button", name="Ta bort posten").click()
    page.wait_for_selector("text=Hör till en annan åtgärd.")


def _condition_evidence(page: Any, condition: Condition) -> None:
    page.get_by_role("link", name=IN_USE).click()
    page.get_by_label("Uppfyllt").check()
    page.get_by_label("Underlag").fill("I bruk på geriatriska kliniken sedan mars.")
    page.get_by_role("button", name="Spara", exact=True).click()
    page.wait_for_selector("text=Uppfyllelsen av villkoret är sparad.")
    page.get_by_label(re.compile("^bilaga")).set_input_files(
        files=[{"name": "protokoll.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4 x"}]
    )
    page.get_by_role("button", name="Ladda upp bilaga").click()
    page.wait_for_selector("text=protokoll.pdf")
    assert serious_violations(page) == []


def _write_and_submit(page: Any, base: str, grant) -> None:
    page.goto(f"{base}/effekter/")
    page.get_by_role("button", name="Skapa utkast till delredovisning").click()
    for label in page.get_by_label("Hur långt genomförandet har kommit").all():
        label.fill("Införandet pågår enligt plan.")
    page.get_by_role("button", name="Spara texterna").click()
    page.wait_for_selector("text=Texterna är sparade.")
    assert serious_violations(page) == []
    page.get_by_role("link", name="Granska och lämna in delredovisning").click()
    main = page.inner_text("main")
    assert "I bruk på geriatriska kliniken sedan mars." in main  # the evidence is sent
    assert "protokoll.pdf" in main
    assert serious_violations(page) == []
    page.get_by_role("button", name="Bekräfta och lämna in delredovisning").click()
    page.wait_for_selector("text=är inlämnad och låst")


def test_coordinator_records_corrects_and_submits_then_nothing_is_overdue(
    browser, live_server, people, grant
) -> None:
    condition = _setup(grant)
    base = live_server.url
    page: Any = _page(browser)
    sign_in(page, base, "alice", PASSWORD)
    _record_and_correct(page, base, grant.fall.pk)
    assert Cost.objects.get(description="Sensorer").amount_sek == 1_150_000
    _condition_evidence(page, condition)
    _write_and_submit(page, base, grant)
    report = Report.objects.get()
    assert report.is_submitted and report.submitted_by == people["editor"]
    for path in (
        "/",
        "/effekter/",
        f"/bidrag/beslut/{grant.decision.pk}/",
        "/bidrag/tidsfrister/?klara=1",
    ):
        page.goto(f"{base}{path}")
        assert not LATE.search(page.content()), path
    page.goto(f"{base}/bidrag/beslut/{grant.decision.pk}/")
    assert "inlämnad 2 dagar efter sista dag" in page.inner_text("main")
    page.close()
    kinds = {r.deadline.kind for r in reminders_due(today=timezone.localdate())}
    assert DeadlineKind.PROGRESS_REPORT not in kinds

    officer: Any = _page(browser)
    sign_in(officer, base, "dana", PASSWORD)
    assert "försenad" not in officer.inner_text("main")
    officer.goto(f"{base}/effekter/villkor/{condition.pk}/")
    officer.get_by_role("button", name="Kvittera villkoret som uppfyllt").click()
    officer.wait_for_selector("text=Villkoret är kvitterat som uppfyllt.")
    officer.close()
    condition.refresh_from_db()
    assert condition.fulfilled


def test_controller_reads_the_ledger_and_a_change_goes_both_ways(
    browser, live_server, people, grant, mailoutbox
) -> None:
    from sprida.effects.models import ChangeNotification
    from sprida.grants.models import Payout, PayoutStatus

    Payout.objects.filter(decision=grant.decision, year=2025).update(
        status=PayoutStatus.PAID, paid_on=dt.date(2025, 11, 20)
    )
    Cost.objects.create(
        measure=grant.fall, year=2025, kind="external", description="Sensorer", amount_sek=700_000
    )
    base = live_server.url
    # The region's controller (a viewer) reads the accounting and downloads the ledger.
    page: Any = _page(browser)
    sign_in(page, base, "bob", PASSWORD)
    page.goto(f"{base}/effekter/ekonomi/beslut/{grant.decision.pk}/")
    main = page.inner_text("main")
    assert "Förutbetald intäkt" in main and "Risk för återbetalning" in main
    assert serious_violations(page) == []
    with page.expect_download() as download:
        page.get_by_role("link", name="Ladda ner huvudboken som XLSX").click()
    assert download.value.suggested_filename.endswith(".xlsx")
    page.close()

    # The coordinator files a change notification; the delegation answers it.
    page = _page(browser)
    sign_in(page, base, "alice", PASSWORD)
    page.goto(f"{base}/effekter/")
    page.get_by_role("link", name=re.compile("^Anmäl ändring")).first.click()
    page.get_by_label("Vad som ändras").fill("Två avdelningar i stället för tre.")
    page.get_by_label("Varför").fill("Ombyggnad.")
    page.get_by_label("Påverkan på kostnaden").fill("Ingen.")
    page.get_by_label("Påverkan på tidplanen").fill("Tre månader senare.")
    page.get_by_label("Påverkan på de förväntade effekterna").fill("Ingen.")
    page.get_by_role("button", name="Spara").click()
    page.wait_for_selector("text=Ändringsanmälan är skickad")
    assert serious_violations(page) == []
    page.close()
    notification = ChangeNotification.objects.get()
    assert [m.to for m in mailoutbox] == [["dana@example.se"]]

    officer: Any = _page(browser)
    sign_in(officer, base, "dana", PASSWORD)
    officer.goto(f"{base}/effekter/andringar/")
    officer.get_by_role("link", name="Två avdelningar i stället för tre.").click()
    officer.get_by_label("Kräver nytt beslut").check()
    officer.get_by_label("Meddelande till regionen").fill("Ansök om ändrat beslut.")
    officer.get_by_role("button", name="Skicka svaret till regionen").click()
    officer.wait_for_selector("text=Svaret är skickat till regionen.")
    assert serious_violations(officer) == []
    officer.close()
    assert notification.answer.outcome == "new_decision"
    assert mailoutbox[-1].to == ["alice@example.se"]
