import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from sprida.core.formats import format_sek, format_thousands
from sprida.core.formfields import SekField, parse_sek


@given(st.integers(min_value=0, max_value=10**12), st.sampled_from(["", " kr", " kronor", ":-"]))
def test_swedish_amounts_round_trip(amount: int, unit: str) -> None:
    for sep in (" ", "\u00a0", "\u2009"):
        written = format_thousands(amount).replace("\u00a0", sep) + unit
        assert parse_sek(written) == amount
    assert parse_sek(format_sek(amount)) == amount


@pytest.mark.parametrize("bad", ["12,5", "tio", "1.000.000,50", "5e6"])
def test_sek_field_explains_bad_input(bad: str) -> None:
    with pytest.raises(ValidationError) as error:
        SekField().clean(bad)
    assert "hela kronor" in str(error.value)


def test_sek_field_refuses_negative() -> None:
    with pytest.raises(ValidationError):
        SekField().clean("-5")


def test_sek_field_empty_is_none() -> None:
    assert SekField(required=False).clean("") is None
