"""The grant rules that span a decision: payout plans, measures against the application, the
decision's outcome against its lines, every rule of a decision at once (one broken invariant per
test), the default deadlines and the reminder stages on both sides of each limit."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from sprida.grants import rules
from sprida.grants.rules import Finding, LineFigures


def kr(text: str) -> str:
    return text.replace(" ", "\u00a0")


def only(findings: list[Finding]) -> Finding:
    assert len(findings) == 1, findings
    return findings[0]


def codes_and_messages(findings: list[Finding]) -> list[tuple[str, str]]:
    return [(f.code, f.message) for f in findings]


# The payout plan


def test_a_payout_plan_listing_the_same_year_twice() -> None:
    finding = only(
        rules.check_payouts_match_grant(
            granted_sek=300, payouts=[(2026, 100), (2025, 100), (2026, 100)]
        )
    )
    assert (finding.code, finding.level) == ("payout_year", "error")
    assert finding.message == "Samma år finns flera gånger i utbetalningsplanen: 2026."


def test_every_repeated_year_is_named_once_in_order() -> None:
    payouts = [(2027, 1), (2025, 1), (2027, 1), (2025, 1), (2027, 1), (2026, 1)]
    finding = only(rules.check_payouts_match_grant(granted_sek=6, payouts=payouts))
    assert finding.message == "Samma år finns flera gånger i utbetalningsplanen: 2025, 2027."


def test_a_plan_with_distinct_years_that_adds_up_passes() -> None:
    payouts = [(2025, 100), (2026, 100), (2027, 100)]
    assert rules.check_payouts_match_grant(granted_sek=300, payouts=payouts) == []


def test_payouts_that_miss_the_grant_list_each_payout_by_year() -> None:
    payouts = [(2027, 300), (2025, 100), (2026, 200)]
    finding = only(rules.check_payouts_match_grant(granted_sek=1_000, payouts=payouts))
    assert (finding.code, finding.level) == ("payouts_total", "error")
    assert finding.message == (
        f"Utbetalningarna {kr('100 kr')} + {kr('200 kr')} + {kr('300 kr')} = {kr('600 kr')}, "
        f"men beviljat belopp är {kr('1 000 kr')} (skillnad {kr('-400 kr')})."
    )


def test_payouts_above_the_grant_show_a_positive_difference() -> None:
    finding = only(rules.check_payouts_match_grant(granted_sek=100, payouts=[(2025, 101)]))
    assert finding.message.endswith(f"(skillnad {kr('1 kr')}).")


def test_a_repeated_year_that_also_misses_the_grant_gives_both_findings() -> None:
    findings = rules.check_payouts_match_grant(granted_sek=100, payouts=[(2025, 10), (2025, 10)])
    assert [f.code for f in findings] == ["payout_year", "payouts_total"]


@pytest.mark.parametrize(("granted", "payouts"), [(None, [(2025, 5)]), (5, [])])
def test_a_plan_without_a_grant_or_payouts_is_not_judged(granted, payouts) -> None:
    assert rules.check_payouts_match_grant(granted_sek=granted, payouts=payouts) == []


# Measures against the application


def test_measures_that_disagree_with_the_application_total_warn() -> None:
    finding = only(
        rules.check_measures_match_application(
            application_applied_sek=1_000, measure_applied=[400, 500]
        )
    )
    assert (finding.code, finding.level) == ("measures_total", "warning")
    assert finding.message == (
        f"Åtgärdernas sökta belopp blir sammanlagt {kr('900 kr')}, "
        f"men ansökan anger {kr('1 000 kr')}."
    )
    assert rules.errors([finding]) == []


def test_measures_that_agree_with_the_application_total_pass() -> None:
    assert (
        rules.check_measures_match_application(
            application_applied_sek=900, measure_applied=[400, 500]
        )
        == []
    )


@pytest.mark.parametrize(("applied", "measures"), [(None, [1]), (5, []), (5, [4, None])])
def test_measures_not_all_known_are_not_compared(applied, measures) -> None:
    assert (
        rules.check_measures_match_application(
            application_applied_sek=applied, measure_applied=measures
        )
        == []
    )


# Amounts per year against the measure's applied amount


def test_year_amounts_that_miss_the_applied_amount() -> None:
    finding = only(
        rules.check_year_amounts(
            applied_sek=1_000, year_amounts=[(2025, 300), (2026, 600)], label="Å"
        )
    )
    assert (finding.code, finding.level) == ("year_amounts", "error")
    assert finding.message == (
        f"Å: Beloppen per år blir {kr('900 kr')}, men sökt belopp är {kr('1 000 kr')}."
    )


def test_year_amounts_message_without_a_label() -> None:
    finding = only(rules.check_year_amounts(applied_sek=10, year_amounts=[(2025, 11)]))
    assert (
        finding.message == f"Beloppen per år blir {kr('11 kr')}, men sökt belopp är {kr('10 kr')}."
    )


def test_year_amounts_that_add_up_pass() -> None:
    assert rules.check_year_amounts(applied_sek=900, year_amounts=[(2025, 300), (2026, 600)]) == []


@pytest.mark.parametrize(("applied", "years"), [(None, [(2025, 1)]), (5, [])])
def test_year_amounts_without_both_sides_are_not_judged(applied, years) -> None:
    assert rules.check_year_amounts(applied_sek=applied, year_amounts=years) == []


# Double funding (§ 5)


def test_other_state_funding_is_a_warning_citing_the_regulation() -> None:
    finding = only(rules.check_double_funding(other_state_funding=True, label="Å"))
    assert (finding.code, finding.level) == ("double_funding", "warning")
    assert finding.message == (
        "Å: Åtgärden har annan statlig finansiering. Enligt 5 § förordningen "
        "(2024:1102) får bidrag inte lämnas för det som redan finansieras av staten."
    )


def test_double_funding_message_without_a_label() -> None:
    finding = only(rules.check_double_funding(other_state_funding=True))
    assert finding.message.startswith("Åtgärden har annan statlig finansiering.")


def test_no_other_state_funding_no_finding() -> None:
    assert rules.check_double_funding(other_state_funding=False) == []


# The decision's outcome against its lines


@pytest.mark.parametrize(
    ("lines", "outcome"),
    [
        ([], None),
        (["granted"], "granted"),
        (["granted", "granted"], "granted"),
        (["rejected", "rejected"], "rejected"),
        (["granted", "rejected"], "partially_granted"),
        (["partially_granted"], "partially_granted"),
        (["granted", "partially_granted"], "partially_granted"),
        (["rejected", "partially_granted"], "partially_granted"),
    ],
)
def test_outcome_from_lines(lines: list[str], outcome: str | None) -> None:
    assert rules.outcome_from_lines(lines) == outcome


def test_a_decision_granted_whose_lines_reject_one_measure() -> None:
    finding = only(
        rules.check_decision_outcome_matches_lines(
            outcome="granted", line_outcomes=["granted", "rejected"]
        )
    )
    assert (finding.code, finding.level) == ("decision_outcome", "error")
    assert finding.message == (
        "Beslutets utfall är ”beviljas” men åtgärdernas utfall ger ”beviljas delvis”."
    )


def test_a_decision_rejected_whose_lines_grant_everything() -> None:
    finding = only(
        rules.check_decision_outcome_matches_lines(outcome="rejected", line_outcomes=["granted"])
    )
    assert finding.message == "Beslutets utfall är ”avslås” men åtgärdernas utfall ger ”beviljas”."


def test_a_decision_partly_granted_whose_lines_are_all_rejected() -> None:
    finding = only(
        rules.check_decision_outcome_matches_lines(
            outcome="partially_granted", line_outcomes=["rejected", "rejected"]
        )
    )
    assert finding.message == (
        "Beslutets utfall är ”beviljas delvis” men åtgärdernas utfall ger ”avslås”."
    )


def test_an_unknown_outcome_word_is_shown_as_it_is() -> None:
    finding = only(
        rules.check_decision_outcome_matches_lines(outcome="okänt", line_outcomes=["granted"])
    )
    assert finding.message == "Beslutets utfall är ”okänt” men åtgärdernas utfall ger ”beviljas”."


@pytest.mark.parametrize(
    ("outcome", "lines"),
    [("granted", ["granted"]), ("partially_granted", ["granted", "rejected"]), ("granted", [])],
)
def test_an_outcome_that_fits_its_lines_passes(outcome: str, lines: list[str]) -> None:
    assert rules.check_decision_outcome_matches_lines(outcome=outcome, line_outcomes=lines) == []


# One measure line, every rule


def line(**changes: Any) -> LineFigures:
    figures: dict[str, Any] = {
        "label": "Åtgärd A",
        "outcome": "partially_granted",
        "applied_sek": 1_000,
        "granted_sek": 600,
        "rejected_sek": 400,
        "share_percent": 60,
    }
    return LineFigures(**(figures | changes))


def test_a_line_that_keeps_every_rule_has_no_finding() -> None:
    assert rules.check_line(line()) == []


def test_a_line_with_a_negative_rejection_is_named_by_its_label() -> None:
    findings = rules.check_line(line(applied_sek=None, rejected_sek=-100, share_percent=None))
    assert codes_and_messages(findings) == [
        ("negative", f"Åtgärd A: Avslaget kan inte vara negativt ({kr('-100 kr')}).")
    ]


def test_a_line_with_a_negative_grant_is_named_by_its_label() -> None:
    findings = rules.check_line(
        line(
            outcome="granted", applied_sek=-10, granted_sek=-10, rejected_sek=0, share_percent=None
        )
    )
    assert codes_and_messages(findings) == [
        ("negative", f"Åtgärd A: Beviljat kan inte vara negativt ({kr('-10 kr')}).")
    ]


def test_a_line_whose_parts_miss_the_applied_amount() -> None:
    findings = rules.check_line(line(applied_sek=1_100, share_percent=None))
    assert codes_and_messages(findings) == [
        (
            "parts_add_up",
            f"Åtgärd A: Beviljat {kr('600 kr')} + avslaget {kr('400 kr')} = {kr('1 000 kr')}, "
            f"men ansökt belopp är {kr('1 100 kr')}.",
        )
    ]


def test_a_line_whose_outcome_does_not_fit() -> None:
    findings = rules.check_line(line(outcome="granted"))
    assert [f.code for f in findings] == ["outcome"]
    assert findings[0].message.startswith("Åtgärd A: Utfallet är beviljat i sin helhet")


def test_a_partial_line_compares_its_grant_with_its_applied_amount() -> None:
    findings = rules.check_line(line(applied_sek=600, rejected_sek=0, share_percent=None))
    assert [f.code for f in findings] == ["outcome"]
    assert "är inte mindre än ansökt belopp" in findings[0].message


def test_a_line_whose_share_does_not_match() -> None:
    findings = rules.check_line(line(share_percent=61))
    assert codes_and_messages(findings) == [
        (
            "share",
            f"Åtgärd A: Andelen 61 % stämmer inte: {kr('600 kr')} av {kr('1 000 kr')} är 60 %.",
        )
    ]


# A whole decision: every rule at once, one broken invariant per test


def decision(**changes: Any) -> list[Finding]:
    """A partly granted decision of three measures whose figures keep every rule."""
    lines = [
        line(),
        line(
            label="Åtgärd B",
            outcome="granted",
            granted_sek=1_000,
            rejected_sek=0,
            share_percent=100,
        ),
        line(
            label="Åtgärd C", outcome="rejected", granted_sek=0, rejected_sek=1_000, share_percent=0
        ),
    ]
    figures: dict[str, Any] = {
        "outcome": "partially_granted",
        "applied_sek": 3_000,
        "granted_sek": 1_600,
        "rejected_sek": 1_400,
        "lines": lines,
        "payouts": [(2025, 800), (2026, 800)],
    }
    return rules.decision_findings(**(figures | changes))


def test_a_decision_that_keeps_every_rule_has_no_finding() -> None:
    assert decision() == []


def test_a_decision_with_negative_amounts_names_each() -> None:
    findings = decision(
        outcome="granted", applied_sek=-100, granted_sek=-100, rejected_sek=0, lines=[], payouts=[]
    )
    assert codes_and_messages(findings) == [
        ("negative", f"Ansökt belopp kan inte vara negativt ({kr('-100 kr')})."),
        ("negative", f"Beviljat belopp kan inte vara negativt ({kr('-100 kr')})."),
    ]


def test_a_decision_with_a_negative_rejection() -> None:
    findings = decision(applied_sek=None, granted_sek=200, rejected_sek=-100, lines=[], payouts=[])
    assert codes_and_messages(findings) == [
        ("negative", f"Avslaget belopp kan inte vara negativt ({kr('-100 kr')}).")
    ]


def test_a_decision_whose_parts_miss_the_applied_amount() -> None:
    findings = decision(applied_sek=3_100)
    assert codes_and_messages(findings) == [
        (
            "parts_add_up",
            f"Beviljat {kr('1 600 kr')} + avslaget {kr('1 400 kr')} = {kr('3 000 kr')}, "
            f"men ansökt belopp är {kr('3 100 kr')}.",
        )
    ]


def test_a_decision_whose_outcome_does_not_fit_its_amounts() -> None:
    findings = decision(
        outcome="granted", applied_sek=100, granted_sek=90, rejected_sek=10, lines=[], payouts=[]
    )
    assert [f.code for f in findings] == ["outcome"]
    assert findings[0].message.startswith("Utfallet är beviljat i sin helhet")


def test_a_partly_granted_decision_granting_all_it_was_asked() -> None:
    findings = decision(applied_sek=100, granted_sek=100, rejected_sek=0, lines=[], payouts=[])
    assert [f.code for f in findings] == ["outcome"]
    assert "är inte mindre än ansökt belopp" in findings[0].message


def test_a_decision_with_a_line_whose_share_does_not_match() -> None:
    lines = [line(share_percent=59)]
    findings = rules.decision_findings(
        outcome="partially_granted",
        applied_sek=1_000,
        granted_sek=600,
        rejected_sek=400,
        lines=lines,
        payouts=[(2025, 600)],
    )
    assert codes_and_messages(findings) == [
        (
            "share",
            f"Åtgärd A: Andelen 59 % stämmer inte: {kr('600 kr')} av {kr('1 000 kr')} är 60 %.",
        )
    ]


def test_a_decision_whose_measure_grants_miss_its_grant() -> None:
    # Line C's rejection is unknown, so the rejections are not summed; the payouts and the
    # decision's own parts agree with its grant: only the measure grants disagree.
    lines = [
        line(),
        line(
            label="Åtgärd B",
            outcome="granted",
            granted_sek=1_000,
            rejected_sek=0,
            share_percent=100,
        ),
        line(
            label="Åtgärd C", outcome="rejected", granted_sek=0, rejected_sek=None, share_percent=0
        ),
    ]
    findings = decision(
        granted_sek=1_700, rejected_sek=1_300, lines=lines, payouts=[(2025, 850), (2026, 850)]
    )
    assert codes_and_messages(findings) == [
        (
            "lines_total",
            f"Beviljat per åtgärd blir sammanlagt {kr('1 600 kr')}, men beslutet beviljar "
            f"{kr('1 700 kr')} (skillnad {kr('-100 kr')}).",
        )
    ]


def test_a_decision_whose_measure_rejections_miss_its_rejection() -> None:
    # Line A's applied amount is unknown, so its own parts and share are not judged.
    lines = [
        line(applied_sek=None, rejected_sek=300),
        line(
            label="Åtgärd B",
            outcome="granted",
            granted_sek=1_000,
            rejected_sek=0,
            share_percent=100,
        ),
        line(
            label="Åtgärd C", outcome="rejected", granted_sek=0, rejected_sek=1_000, share_percent=0
        ),
    ]
    findings = decision(lines=lines)
    assert codes_and_messages(findings) == [
        (
            "lines_rejected_total",
            f"Avslaget per åtgärd blir sammanlagt {kr('1 300 kr')}, men beslutet avslår "
            f"{kr('1 400 kr')} (skillnad {kr('-100 kr')}).",
        )
    ]


def test_a_decision_whose_outcome_contradicts_its_lines() -> None:
    # Line B's rejection is unknown, so the rejections are not summed.
    lines = [
        line(outcome="granted", granted_sek=1_000, rejected_sek=0, share_percent=100),
        line(
            label="Åtgärd B",
            outcome="granted",
            granted_sek=1_000,
            rejected_sek=None,
            share_percent=100,
        ),
    ]
    findings = decision(
        applied_sek=3_000,
        granted_sek=2_000,
        rejected_sek=1_000,
        lines=lines,
        payouts=[(2025, 2_000)],
    )
    assert codes_and_messages(findings) == [
        (
            "decision_outcome",
            "Beslutets utfall är ”beviljas delvis” men åtgärdernas utfall ger ”beviljas”.",
        )
    ]


def test_a_decision_with_a_negative_payout() -> None:
    findings = decision(payouts=[(2025, 1_700), (2026, -100)])
    assert codes_and_messages(findings) == [
        ("negative", f"Utbetalning: 2026 kan inte vara negativt ({kr('-100 kr')}).")
    ]


def test_a_decision_whose_payout_plan_lists_a_year_twice() -> None:
    findings = decision(payouts=[(2025, 800), (2025, 800)])
    assert codes_and_messages(findings) == [
        ("payout_year", "Samma år finns flera gånger i utbetalningsplanen: 2025.")
    ]


def test_a_decision_whose_payouts_miss_its_grant() -> None:
    findings = decision(payouts=[(2025, 800), (2026, 700)])
    assert [f.code for f in findings] == ["payouts_total"]
    assert findings[0].message.endswith(f"(skillnad {kr('-100 kr')}).")


# Default deadlines


def test_default_deadlines_follow_the_last_payout_year() -> None:
    d = rules.default_deadlines(decided_on=dt.date(2025, 11, 11), last_payout_year=2026)
    assert (d.implementation_by, d.progress_report_by, d.final_report_by) == (
        dt.date(2026, 12, 31),
        dt.date(2026, 11, 30),
        dt.date(2027, 2, 28),
    )


def test_default_deadlines_without_payouts_run_two_years_past_the_decision() -> None:
    d = rules.default_deadlines(decided_on=dt.date(2025, 6, 5), last_payout_year=None)
    assert (d.implementation_by, d.progress_report_by, d.final_report_by) == (
        dt.date(2027, 12, 31),
        dt.date(2026, 11, 30),
        dt.date(2028, 2, 28),
    )


# Reminder stages: overdue, 7 days ahead, 30 days ahead, on both sides of each limit


@pytest.mark.parametrize(
    ("days_left", "stage"),
    [
        (-30, "overdue"),
        (-1, "overdue"),
        (0, "7d"),
        (6, "7d"),
        (7, "7d"),
        (8, "30d"),
        (29, "30d"),
        (30, "30d"),
        (31, None),
        (365, None),
    ],
)
def test_reminder_stage_by_days_left(days_left: int, stage: str | None) -> None:
    due = dt.date(2026, 11, 30)
    today = due - dt.timedelta(days=days_left)
    assert rules.reminder_stage(due_on=due, today=today) == stage
