from hypothesis import given
from hypothesis import strategies as st

from sprida.core.orgnumber import format_org_number, luhn_valid


def check_digit(nine: str) -> str:
    for d in "0123456789":
        if luhn_valid(nine + d):
            return d
    raise AssertionError("no check digit")


def test_known_numbers() -> None:
    assert luhn_valid("232100-0164")  # Region Örebro län, from the decision letter
    assert luhn_valid("232100–0164")  # en dash, as in the letter
    assert luhn_valid("2321000164")
    assert not luhn_valid("232100-0165")
    assert not luhn_valid("23210-0164")


@given(st.text(alphabet="0123456789", min_size=9, max_size=9))
def test_exactly_one_check_digit_fits(nine: str) -> None:
    digit = check_digit(nine)
    assert sum(luhn_valid(nine + d) for d in "0123456789") == 1
    assert format_org_number(nine + digit) == f"{nine[:6]}-{nine[6:]}{digit}"
