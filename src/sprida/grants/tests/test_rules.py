import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from sprida.grants import rules
from sprida.grants.forms import parse_sek

amounts = st.integers(min_value=0, max_value=10**12)


def test_parts_message_names_the_numbers() -> None:
    [finding] = rules.check_parts_add_up(
        applied_sek=7_000_000, granted_sek=5_870_000, rejected_sek=1_000_000
    )
    assert finding.message == (
        "Beviljat 5\u00a0870\u00a0000\u00a0kr + avslaget 1\u00a0000\u00a0000\u00a0kr = "
        "6\u00a0870\u00a0000\u00a0kr, men ansökt belopp är 7\u00a0000\u00a0000\u00a0kr."
    )


@given(granted=amounts, rejected=amounts)
def test_parts_that_add_up_pass(granted: int, rejected: int) -> None:
    assert (
        rules.check_parts_add_up(
            applied_sek=granted + rejected, granted_sek=granted, rejected_sek=rejected
        )
        == []
    )


@given(granted=amounts, rejected=amounts, off=st.integers(min_value=1, max_value=10**6))
def test_parts_that_do_not_add_up_fail(granted: int, rejected: int, off: int) -> None:
    assert rules.check_parts_add_up(
        applied_sek=granted + rejected + off, granted_sek=granted, rejected_sek=rejected
    )


def test_unknown_parts_are_not_judged() -> None:
    assert rules.check_parts_add_up(applied_sek=None, granted_sek=1, rejected_sek=2) == []


@given(parts=st.lists(amounts, min_size=1, max_size=6))
def test_payouts_adding_up_pass(parts: list[int]) -> None:
    payouts = list(enumerate(parts, start=2025))
    assert rules.check_payouts_match_grant(granted_sek=sum(parts), payouts=payouts) == []


def test_payouts_message_lists_each_payout() -> None:
    [finding] = rules.check_payouts_match_grant(
        granted_sek=34_870_000,
        payouts=[(2025, 11_625_000), (2026, 11_625_000), (2027, 11_625_000)],
    )
    assert "34\u00a0875\u00a0000\u00a0kr" in finding.message
    assert "34\u00a0870\u00a0000\u00a0kr" in finding.message
    assert "5\u00a0000\u00a0kr" in finding.message


def test_lines_must_add_up_to_the_decision() -> None:
    [finding] = rules.check_lines_match_decision(
        decision_granted_sek=34_870_000, line_granted=[5_870_000, 9_700_000, 19_000_000]
    )
    assert "34\u00a0570\u00a0000\u00a0kr" in finding.message
    assert "34\u00a0870\u00a0000\u00a0kr" in finding.message


def test_share_is_checked() -> None:
    assert rules.check_share(applied_sek=38_600_000, granted_sek=19_300_000, share_percent=50) == []
    [finding] = rules.check_share(applied_sek=38_600_000, granted_sek=19_300_000, share_percent=40)
    assert "50 %" in finding.message.replace("\u00a0", " ")


@given(applied=st.integers(min_value=100, max_value=10**10), share=st.integers(0, 100))
def test_share_of_round_trips(applied: int, share: int) -> None:
    granted = applied * share // 100
    computed = rules.share_of(applied, granted)
    assert computed is not None and abs(computed - share) <= 1


def test_outcome_words_fit_amounts() -> None:
    assert rules.check_outcome(outcome="rejected", granted_sek=1, rejected_sek=None)
    assert rules.check_outcome(outcome="granted", granted_sek=5, rejected_sek=5)
    assert rules.check_outcome(outcome="partially_granted", granted_sek=0, rejected_sek=5)
    assert rules.outcome_from_lines(["granted", "rejected"]) == "partially_granted"
    assert rules.outcome_from_lines(["rejected", "rejected"]) == "rejected"


def test_double_funding_is_a_warning() -> None:
    [finding] = rules.check_double_funding(other_state_funding=True, label="X")
    assert finding.level == "warning" and "5 §" in finding.message
    assert rules.errors([finding]) == []


def test_default_deadlines_match_the_2025_decisions() -> None:
    d = rules.default_deadlines(decided_on=dt.date(2025, 11, 11), last_payout_year=2027)
    assert (d.implementation_by, d.progress_report_by, d.final_report_by) == (
        dt.date(2027, 12, 31),
        dt.date(2026, 11, 30),
        dt.date(2028, 2, 28),
    )


def test_reminder_stages() -> None:
    due = dt.date(2026, 11, 30)
    assert rules.reminder_stage(due_on=due, today=dt.date(2026, 10, 1)) is None
    assert rules.reminder_stage(due_on=due, today=dt.date(2026, 10, 31)) == "30d"
    assert rules.reminder_stage(due_on=due, today=dt.date(2026, 11, 23)) == "7d"
    assert rules.reminder_stage(due_on=due, today=dt.date(2026, 11, 30)) == "7d"
    assert rules.reminder_stage(due_on=due, today=dt.date(2026, 12, 1)) == "overdue"


@given(st.integers(min_value=0, max_value=10**13))
def test_parse_sek_reads_swedish_formats(value: int) -> None:
    spaced = f"{value:,}".replace(",", " ")
    assert parse_sek(spaced) == value
    assert parse_sek(f"{spaced} kr") == value
    assert parse_sek(f"{value:,}".replace(",", "\u00a0") + "\u00a0kr") == value
    assert parse_sek(str(value)) == value


def test_parse_sek_refuses_decimals_and_words() -> None:
    for text in ("1,5", "fem miljoner", "12 000,50"):
        try:
            parse_sek(text)
        except ValueError:
            continue
        raise AssertionError(text)
