"""Measurements from CSV and XLSX: Swedish numbers and periods, an error per row, all or none."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sprida.core.exports import CsvWriter
from sprida.effects import services
from sprida.effects.imports import ParseError, parse_decimal, parse_file, parse_period
from sprida.effects.models import Measurement
from sprida.effects.tests.conftest import add_records


@given(st.decimals(min_value=-(10**13), max_value=10**13, places=4, allow_nan=False))
def test_decimal_round_trips_in_swedish(value: Decimal) -> None:
    text = f"{value:,.4f}".replace(",", " ").replace(".", ",")
    assert parse_decimal(text) == value


@given(st.text(alphabet="abcxyz!?%", min_size=1, max_size=8))
def test_words_are_not_numbers(text: str) -> None:
    with pytest.raises(ParseError, match="är inte ett tal"):
        parse_decimal(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("12,5", "12.5"),
        ("12.5", "12.5"),
        ("1 234,5", "1234.5"),
        ("\u22123,2", "-3.2"),
        (",5", "0.5"),
    ],
)
def test_decimal_forms(text: str, value: str) -> None:
    assert parse_decimal(text) == Decimal(value)


@pytest.mark.parametrize("text", ["1,2,3", "1.234,5", "", "12,34567", "1e5"])
def test_decimal_refusals(text: str) -> None:
    with pytest.raises(ParseError):
        parse_decimal(text)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2026-03-31", dt.date(2026, 3, 31)),
        ("2026-02", dt.date(2026, 2, 28)),
        ("2026-K1", dt.date(2026, 3, 31)),
        ("2026 Q4", dt.date(2026, 12, 31)),
        ("2026", dt.date(2026, 12, 31)),
    ],
)
def test_periods(text: str, day: dt.date) -> None:
    assert parse_period(text) == day


def test_bad_period_says_how_to_write_it() -> None:
    with pytest.raises(ParseError, match="2026-K1"):
        parse_period("mars")


def test_csv_errors_are_reported_per_row() -> None:
    content = (
        "period;värde;kommentar\n2026-01;5,2;\n2026-02;4,9;\n2026-03;abc;\nmars;4;\n2026-01;3;\n"
    ).encode()
    parsed = parse_file("varden.csv", content)
    assert parsed.errors == [
        "Rad 4: värdet ”abc” är inte ett tal",
        "Rad 5: perioden ”mars” är inte ett datum "
        "(skriv t.ex. 2026-03-31, 2026-03, 2026-K1 eller 2026)",
        "Rad 6: perioden 2026-01-31 finns redan på rad 2",
    ]


def test_windows_1252_csv_with_comma_separator() -> None:
    content = "Period,Värde,Kommentar\n2026-01-31,5,Första mätningen\n".encode("cp1252")
    parsed = parse_file("varden.csv", content)
    assert not parsed.errors
    assert parsed.rows[0].comment == "Första mätningen"


def test_missing_header_and_wrong_type() -> None:
    assert parse_file("a.csv", b"a;b\n1;2\n").errors[0].startswith("Rad 1:")
    assert parse_file("a.pdf", b"%PDF").errors == ["Filen ska vara en .csv- eller .xlsx-fil."]
    assert "Excel-fil" in parse_file("a.xlsx", b"not a zip").errors[0]


def _xlsx(rows: list[list[object]]) -> bytes:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_import_is_all_or_nothing(people, grant) -> None:
    indicator = add_records(grant.fall)
    before = list(Measurement.objects.values_list("period", "value"))
    bad = _xlsx([["period", "värde"], [dt.date(2026, 12, 31), 3.9], ["2027-K1", "abc"]])
    result = services.measurements_import(
        by=people["editor"], indicator=indicator, name="v.xlsx", content=bad
    )
    assert result.errors == ["Rad 3: värdet ”abc” är inte ett tal"]
    assert list(Measurement.objects.values_list("period", "value")) == before

    good = _xlsx(
        [
            ["Period", "Värde", "Kommentar"],
            [dt.datetime(2026, 12, 31), 3.9, "Q4"],
            ["2026-09-30", "4,05", None],
            [None, None, None],
        ]
    )
    result = services.measurements_import(
        by=people["editor"], indicator=indicator, name="v.xlsx", content=good
    )
    assert result.ok and (result.created, result.updated) == (1, 1)
    assert indicator.measurements.get(period=dt.date(2026, 12, 31)).value == Decimal("3.9")
    assert indicator.measurements.get(period=dt.date(2026, 9, 30)).value == Decimal("4.05")


def test_import_view_shows_row_errors(client, people, grant) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    indicator = add_records(grant.fall)
    client.force_login(people["editor"])
    upload = SimpleUploadedFile("v.csv", "period;värde\n2026-12;1\n2027-01;abc\n".encode())
    response = client.post(
        reverse("effects:measurement_import", args=[indicator.pk]), {"file": upload}
    )
    assert response.status_code == 400
    assert "Rad 3: värdet ”abc” är inte ett tal" in response.content.decode()
    assert not indicator.measurements.filter(period=dt.date(2026, 12, 31)).exists()
    upload = SimpleUploadedFile("v.csv", "\ufeffperiod;värde\n2026-12;1\n".encode())
    response = client.post(
        reverse("effects:measurement_import", args=[indicator.pk]), {"file": upload}
    )
    assert response.status_code == 302
    assert indicator.measurements.filter(period=dt.date(2026, 12, 31)).exists()


@pytest.mark.parametrize("comment", ["=HYPERLINK(1)", "-2+3 fler", "@SUM(1)", "vanlig text"])
def test_the_csv_template_round_trips_a_comment_that_looks_like_a_formula(comment: str) -> None:
    writer = CsvWriter()
    writer.writerows([["period", "värde", "kommentar"], [dt.date(2026, 3, 31), "-3,5", comment]])
    parsed = parse_file("mall.csv", writer.text().encode("utf-8"))
    assert not parsed.errors
    assert (parsed.rows[0].value, parsed.rows[0].comment) == (Decimal("-3.5"), comment)
