"""Each grant rule on its own: the limits on both sides, and the exact finding (code, level and
message with its numbers) for one broken invariant per test, so no other rule's message with
the same figures can stand in for it."""

from __future__ import annotations

import pytest

from sprida.grants import rules
from sprida.grants.rules import Finding


def kr(text: str) -> str:
    """An amount as the messages write it: spaces in the figure and before "kr" are non-breaking."""
    return text.replace(" ", "\u00a0")


def only(findings: list[Finding]) -> Finding:
    assert len(findings) == 1, findings
    return findings[0]


# errors() and the label prefix


def test_errors_keeps_errors_and_drops_warnings() -> None:
    error, warning = Finding("a", "fel"), Finding("b", "varning", "warning")
    assert rules.errors([error, warning]) == [error]


def test_a_finding_reads_as_its_message() -> None:
    assert str(Finding("parts_add_up", "Meddelandet.")) == "Meddelandet."


# Granted + rejected = applied


def test_parts_that_do_not_add_up_name_every_figure() -> None:
    finding = only(
        rules.check_parts_add_up(applied_sek=100, granted_sek=60, rejected_sek=30, label="Åtgärd 1")
    )
    assert (finding.code, finding.level) == ("parts_add_up", "error")
    assert finding.message == (
        f"Åtgärd 1: Beviljat {kr('60 kr')} + avslaget {kr('30 kr')} = {kr('90 kr')}, "
        f"men ansökt belopp är {kr('100 kr')}."
    )


def test_parts_message_without_a_label_starts_with_the_figures() -> None:
    finding = only(rules.check_parts_add_up(applied_sek=100, granted_sek=101, rejected_sek=0))
    assert finding.message.startswith(f"Beviljat {kr('101 kr')} + avslaget {kr('0 kr')} = ")


@pytest.mark.parametrize("off", [-1, 1])
def test_parts_one_krona_off_either_way_are_refused(off: int) -> None:
    assert rules.check_parts_add_up(applied_sek=100 + off, granted_sek=60, rejected_sek=40)


@pytest.mark.parametrize(
    ("applied", "granted", "rejected"), [(None, 1, 2), (3, None, 2), (3, 1, None)]
)
def test_parts_with_one_unknown_are_not_judged(applied, granted, rejected) -> None:
    assert (
        rules.check_parts_add_up(applied_sek=applied, granted_sek=granted, rejected_sek=rejected)
        == []
    )


def test_negative_parts_that_add_up_pass_this_rule() -> None:
    # The sign is check_not_negative's business; this rule only adds.
    assert rules.check_parts_add_up(applied_sek=100, granted_sek=150, rejected_sek=-50) == []


# No negative amounts


def test_a_negative_amount_is_named_with_its_figure() -> None:
    finding = only(rules.check_not_negative(amounts={"Beviljat": -1_500}, label="Åtgärd 2"))
    assert (finding.code, finding.level) == ("negative", "error")
    assert finding.message == f"Åtgärd 2: Beviljat kan inte vara negativt ({kr('-1 500 kr')})."


def test_each_negative_amount_is_its_own_finding() -> None:
    findings = rules.check_not_negative(amounts={"Ansökt": -1, "Beviljat": 5, "Avslaget": -2})
    assert [f.message for f in findings] == [
        f"Ansökt kan inte vara negativt ({kr('-1 kr')}).",
        f"Avslaget kan inte vara negativt ({kr('-2 kr')}).",
    ]


@pytest.mark.parametrize("amount", [0, 1, None])
def test_zero_positive_and_unknown_amounts_are_not_negative(amount) -> None:
    assert rules.check_not_negative(amounts={"Beviljat": amount}) == []


# The outcome word fits the amounts


def test_rejected_outcome_with_a_grant() -> None:
    finding = only(
        rules.check_outcome(outcome="rejected", granted_sek=1, rejected_sek=None, label="Å")
    )
    assert (finding.code, finding.level) == ("outcome", "error")
    assert finding.message == f"Å: Utfallet är avslag men beviljat belopp är {kr('1 kr')}."


def test_rejected_outcome_without_a_label() -> None:
    finding = only(rules.check_outcome(outcome="rejected", granted_sek=7, rejected_sek=0))
    assert finding.message == f"Utfallet är avslag men beviljat belopp är {kr('7 kr')}."


@pytest.mark.parametrize("granted", [0, None])
def test_rejected_outcome_granting_nothing_passes(granted) -> None:
    assert rules.check_outcome(outcome="rejected", granted_sek=granted, rejected_sek=100) == []


def test_granted_outcome_with_a_rejected_amount() -> None:
    finding = only(
        rules.check_outcome(outcome="granted", granted_sek=90, rejected_sek=10, label="Å")
    )
    assert finding.code == "outcome"
    assert finding.message == (
        f"Å: Utfallet är beviljat i sin helhet men avslaget belopp är {kr('10 kr')}. "
        "Välj ”Beviljas delvis”."
    )


def test_granted_outcome_without_a_label() -> None:
    finding = only(rules.check_outcome(outcome="granted", granted_sek=90, rejected_sek=10))
    assert finding.message.startswith("Utfallet är beviljat i sin helhet")


@pytest.mark.parametrize("rejected", [0, None])
def test_granted_outcome_rejecting_nothing_passes(rejected) -> None:
    assert rules.check_outcome(outcome="granted", granted_sek=100, rejected_sek=rejected) == []


def test_partial_outcome_granting_nothing() -> None:
    finding = only(
        rules.check_outcome(outcome="partially_granted", granted_sek=0, rejected_sek=5, label="Å")
    )
    assert finding.code == "outcome"
    assert finding.message == "Å: Utfallet är delvis beviljat men beviljat belopp är 0 kr."


def test_partial_outcome_granting_nothing_without_a_label() -> None:
    finding = only(rules.check_outcome(outcome="partially_granted", granted_sek=0, rejected_sek=5))
    assert finding.message == "Utfallet är delvis beviljat men beviljat belopp är 0 kr."


def test_partial_outcome_granting_all_that_was_applied() -> None:
    finding = only(
        rules.check_outcome(
            outcome="partially_granted",
            granted_sek=100,
            rejected_sek=0,
            applied_sek=100,
            label="Å",
        )
    )
    assert (finding.code, finding.level) == ("outcome", "error")
    assert finding.message == (
        f"Å: Utfallet är delvis beviljat men beviljat belopp {kr('100 kr')} "
        f"är inte mindre än ansökt belopp {kr('100 kr')}."
    )


def test_partial_outcome_granting_more_than_applied_without_a_label() -> None:
    finding = only(
        rules.check_outcome(
            outcome="partially_granted", granted_sek=101, rejected_sek=None, applied_sek=100
        )
    )
    assert finding.message == (
        f"Utfallet är delvis beviljat men beviljat belopp {kr('101 kr')} "
        f"är inte mindre än ansökt belopp {kr('100 kr')}."
    )


def test_partial_outcome_one_krona_below_applied_passes() -> None:
    assert (
        rules.check_outcome(
            outcome="partially_granted", granted_sek=99, rejected_sek=1, applied_sek=100
        )
        == []
    )


@pytest.mark.parametrize(("applied", "granted"), [(None, 100), (100, None)])
def test_partial_outcome_with_an_unknown_amount_is_not_compared(applied, granted) -> None:
    assert (
        rules.check_outcome(
            outcome="partially_granted", granted_sek=granted, rejected_sek=None, applied_sek=applied
        )
        == []
    )


@pytest.mark.parametrize("outcome", ["granted", "rejected"])
def test_the_partial_rules_apply_to_the_partial_outcome_only(outcome: str) -> None:
    # Zero granted with a full grant, or all applied granted with a rejection, is not "partial".
    assert rules.check_outcome(outcome=outcome, granted_sek=0, rejected_sek=0, applied_sek=0) == []


def test_full_grant_of_all_applied_passes() -> None:
    assert (
        rules.check_outcome(outcome="granted", granted_sek=100, rejected_sek=0, applied_sek=100)
        == []
    )


# The granted share in percent


@pytest.mark.parametrize(
    ("applied", "granted", "share"),
    [
        (100, 0, 0),
        (1_000_000, 1_000_000, 100),
        (1, 1, 100),
        (3, 1, 33),
        (3, 2, 67),  # 66.67 rounds up
        (200, 1, 1),  # 0.5 rounds half up
        (200, 3, 2),  # 1.5 rounds half up
        (38_600_000, 19_300_000, 50),
    ],
)
def test_share_of_rounds_half_up_to_whole_percent(applied: int, granted: int, share: int) -> None:
    assert rules.share_of(applied, granted) == share


@pytest.mark.parametrize(("applied", "granted"), [(0, 5), (None, 5), (100, None), (0, None)])
def test_share_of_unknown_or_zero_applied_is_unknown(applied, granted) -> None:
    assert rules.share_of(applied, granted) is None


@pytest.mark.parametrize(("applied", "granted", "share"), [(100, 0, 0), (100, 100, 100)])
def test_shares_of_0_and_100_percent_that_match_pass(applied, granted, share) -> None:
    assert rules.check_share(applied_sek=applied, granted_sek=granted, share_percent=share) == []


@pytest.mark.parametrize("share", [-1, 101, 150])
def test_a_share_outside_0_to_100_is_refused(share: int) -> None:
    finding = only(
        rules.check_share(applied_sek=100, granted_sek=100, share_percent=share, label="Å")
    )
    assert (finding.code, finding.level) == ("share", "error")
    assert finding.message == f"Å: Andelen {share} % måste vara mellan 0 och 100."


def test_a_share_of_150_percent_without_a_label() -> None:
    finding = only(rules.check_share(applied_sek=None, granted_sek=None, share_percent=150))
    assert finding.message == "Andelen 150 % måste vara mellan 0 och 100."


def test_a_share_that_does_not_match_the_amounts() -> None:
    finding = only(rules.check_share(applied_sek=400, granted_sek=100, share_percent=30, label="Å"))
    assert (finding.code, finding.level) == ("share", "error")
    assert finding.message == (
        f"Å: Andelen 30 % stämmer inte: {kr('100 kr')} av {kr('400 kr')} är 25 %."
    )


def test_a_share_of_0_percent_with_a_grant_does_not_match() -> None:
    finding = only(rules.check_share(applied_sek=400, granted_sek=100, share_percent=0))
    assert finding.message == f"Andelen 0 % stämmer inte: {kr('100 kr')} av {kr('400 kr')} är 25 %."


def test_a_share_of_100_percent_with_a_partial_grant_does_not_match() -> None:
    finding = only(rules.check_share(applied_sek=400, granted_sek=396, share_percent=100))
    assert finding.message == (
        f"Andelen 100 % stämmer inte: {kr('396 kr')} av {kr('400 kr')} är 99 %."
    )


@pytest.mark.parametrize(("applied", "granted"), [(None, 100), (0, 100), (100, None)])
def test_a_share_with_unknown_amounts_is_only_checked_for_range(applied, granted) -> None:
    assert rules.check_share(applied_sek=applied, granted_sek=granted, share_percent=40) == []


def test_no_share_given_is_not_judged() -> None:
    assert rules.check_share(applied_sek=100, granted_sek=1, share_percent=None) == []


# Measure grants add up to the decision's grant


def test_measure_grants_that_miss_the_decision_grant() -> None:
    finding = only(
        rules.check_lines_match_decision(decision_granted_sek=1_000, line_granted=[300, 600])
    )
    assert (finding.code, finding.level) == ("lines_total", "error")
    assert finding.message == (
        f"Beviljat per åtgärd blir sammanlagt {kr('900 kr')}, men beslutet beviljar "
        f"{kr('1 000 kr')} (skillnad {kr('-100 kr')})."
    )


def test_measure_grants_above_the_decision_grant_show_a_positive_difference() -> None:
    finding = only(
        rules.check_lines_match_decision(decision_granted_sek=1_000, line_granted=[1_001])
    )
    assert finding.message.endswith(f"(skillnad {kr('1 kr')}).")


def test_measure_grants_that_add_up_pass() -> None:
    assert rules.check_lines_match_decision(decision_granted_sek=900, line_granted=[300, 600]) == []


@pytest.mark.parametrize(("granted", "lines"), [(None, [1, 2]), (5, [])])
def test_measure_grants_without_a_decision_grant_or_lines_are_not_judged(granted, lines) -> None:
    assert rules.check_lines_match_decision(decision_granted_sek=granted, line_granted=lines) == []


# Measure rejections add up to the decision's rejection


def test_measure_rejections_that_miss_the_decision_rejection() -> None:
    finding = only(
        rules.check_lines_rejected_match_decision(
            decision_rejected_sek=500, line_rejected=[100, 200]
        )
    )
    assert (finding.code, finding.level) == ("lines_rejected_total", "error")
    assert finding.message == (
        f"Avslaget per åtgärd blir sammanlagt {kr('300 kr')}, men beslutet avslår "
        f"{kr('500 kr')} (skillnad {kr('-200 kr')})."
    )


def test_measure_rejections_that_add_up_pass() -> None:
    assert (
        rules.check_lines_rejected_match_decision(
            decision_rejected_sek=300, line_rejected=[100, 200]
        )
        == []
    )


@pytest.mark.parametrize(("rejected", "lines"), [(None, [1]), (5, []), (5, [1, None])])
def test_measure_rejections_not_all_known_are_not_judged(rejected, lines) -> None:
    assert (
        rules.check_lines_rejected_match_decision(
            decision_rejected_sek=rejected, line_rejected=lines
        )
        == []
    )
