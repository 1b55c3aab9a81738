"""Remaining grant: granted minus used, an overspend only when used exceeds granted."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from sprida.effects.grant_use import overspend_sek, remaining_sek, remaining_text, unused_sek

MONEY = st.integers(min_value=0, max_value=10**10)


@given(granted=MONEY, used=MONEY)
def test_remaining_is_granted_minus_used(granted: int, used: int) -> None:
    assert remaining_sek(granted_sek=granted, used_sek=used) == granted - used


@given(granted=MONEY, used=MONEY)
def test_overspend_only_when_used_exceeds_granted(granted: int, used: int) -> None:
    over = overspend_sek(granted_sek=granted, used_sek=used)
    assert (over > 0) == (used > granted)
    assert over >= 0
    # What is left and what is overspent never both show, and together they explain the gap.
    left = unused_sek(granted_sek=granted, used_sek=used)
    assert left * over == 0
    assert left - over == granted - used


@given(granted=MONEY, used=MONEY)
def test_words_follow_the_sign(granted: int, used: int) -> None:
    text = remaining_text(granted_sek=granted, used_sek=used)
    assert text.startswith("Överskridet") == (used > granted)
    assert text.startswith("Kvar") == (used < granted)


def test_the_issue_example_is_left_not_overspent() -> None:
    # Egenmonitorering: 9.7 Mkr granted, 4.5 Mkr used.
    assert remaining_sek(granted_sek=9_700_000, used_sek=4_534_300) == 5_165_700
    assert (
        remaining_text(granted_sek=9_700_000, used_sek=4_534_300)
        == "Kvar 5\u00a0165\u00a0700\u00a0kr"
    )
