"""The seed records match the source documents, amount for amount and date for date."""

import datetime as dt

from sprida.grants.demo import generated_load, seed_records_load
from sprida.grants.models import (
    Application,
    Condition,
    Deadline,
    Decision,
    Measure,
    MeasureDecision,
    Payout,
    ProgrammeBudget,
)


def test_orebro_decision_matches_the_letter(seeded) -> None:
    decision = Decision.objects.select_related("application").get(
        application__applicant__slug="orebro"
    )
    application = decision.application
    assert application.submitted_on == dt.date(2025, 6, 12)
    assert application.applied_sek == 147_971_000
    assert application.status == "decided"
    assert decision.decided_on == dt.date(2025, 11, 11)
    assert decision.outcome == "partially_granted"
    assert (decision.applied_sek, decision.granted_sek, decision.rejected_sek) == (
        147_971_000,
        34_870_000,
        113_101_000,
    )
    assert decision.chair == "Clas Rehnberg"
    assert decision.rapporteur == "Maria Jäger"
    assert decision.case_officer == "Ida Nyström"
    assert decision.appealable is False

    lines = {
        line.measure.category.slug if line.measure.category else "": line
        for line in MeasureDecision.objects.filter(decision=decision).select_related(
            "measure__category"
        )
    }
    assert len(lines) == 8
    assert lines["ai-fallprevention"].granted_sek == 5_870_000
    assert lines["egenmonitorering"].granted_sek == 9_700_000
    speech = lines["ai-taligenkanning"]
    assert (speech.measure.applied_sek, speech.granted_sek, speech.rejected_sek) == (
        38_600_000,
        19_300_000,
        19_300_000,
    )
    assert speech.share_percent == 50
    assert speech.outcome == "partially_granted"
    rejected = [s for s, line in lines.items() if line.outcome == "rejected"]
    assert sorted(rejected) == sorted(
        ["rpa", "ai-maskning", "lakemedelsrobot", "ai-assistenter", "mobilt-vardstod"]
    )
    assert all(lines[s].granted_sek == 0 and lines[s].reason for s in rejected)
    assert sum(line.granted_sek for line in lines.values()) == decision.granted_sek

    conditions = Condition.objects.filter(line=lines["egenmonitorering"])
    assert conditions.count() == 2
    assert conditions.filter(due_on=dt.date(2027, 12, 31)).count() == 1

    payouts = [
        (p.year, p.amount_sek, p.status, p.paid_on)
        for p in Payout.objects.filter(decision=decision).order_by("year")
    ]
    assert payouts == [
        (2025, 11_625_000, "paid", dt.date(2025, 11, 11)),
        (2026, 11_625_000, "planned", None),
        (2027, 11_620_000, "planned", None),
    ]
    deadlines = dict(
        Deadline.objects.filter(decision=decision)
        .exclude(kind="condition")
        .values_list("kind", "due_on")
    )
    assert deadlines == {
        "implementation": dt.date(2027, 12, 31),
        "progress_report": dt.date(2026, 11, 30),
        "final_report": dt.date(2028, 2, 28),
    }
    assert Deadline.objects.filter(decision=decision, kind="condition").count() == 1


def test_jamtland_application_and_joint_application(seeded) -> None:
    jamtland = Application.objects.get(applicant__slug="jamtland-harjedalen")
    assert jamtland.status == "submitted"
    assert jamtland.submitted_on == dt.date(2025, 6, 5)
    assert jamtland.region_decision_body == "Hälso- och sjukvårdsnämnden"
    assert list(jamtland.case_numbers.values_list("number", flat=True)) == ["HSN/1005/2025"]
    assert jamtland.measures.count() == 4
    assert all("utanför hälsovalssystemet" in m.scope_notes for m in jamtland.measures.all())

    joint = Application.objects.get(joint=True)
    assert joint.applicant.slug == "skr"
    assert joint.participants.count() == 21
    assert joint.measures.count() == 2


def test_programme_keeps_both_budget_figures(seeded) -> None:
    figures = {
        (b.amount_sek_per_year, b.first_year, b.last_year) for b in ProgrammeBudget.objects.all()
    }
    assert figures == {(250_000_000, 2025, 2030), (750_000_000, 2025, 2027)}
    assert all(b.source and b.source_date for b in ProgrammeBudget.objects.all())


def test_seed_and_generated_are_idempotent_and_deterministic(seeded) -> None:
    made = generated_load()
    assert len(made) == 19  # 21 regions less Örebro and Jämtland Härjedalen
    assert all(a.is_demo for a in made)
    first = sorted(Measure.objects.values_list("title", "applied_sek"))
    assert seed_records_load() == [] and generated_load() == []
    assert sorted(Measure.objects.values_list("title", "applied_sek")) == first
    for decision in Decision.objects.prefetch_related("lines", "payouts"):
        assert sum(p.amount_sek for p in decision.payouts.all()) == decision.granted_sek
        assert sum(line.granted_sek for line in decision.lines.all()) == decision.granted_sek
        if decision.applied_sek is not None and decision.rejected_sek is not None:
            assert decision.granted_sek + decision.rejected_sek == decision.applied_sek


def test_generated_data_skips_regions_with_records(orgs) -> None:
    made = generated_load()
    assert made == []  # no programme yet: nothing to apply to
    seed_records_load()
    slugs = {a.applicant.slug for a in generated_load()}
    assert "orebro" not in slugs and "jamtland-harjedalen" not in slugs
