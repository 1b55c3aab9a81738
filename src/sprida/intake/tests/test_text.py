"""Normalisation keeps a map back to the original text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from sprida.intake.extraction.text import normalise


def test_spaces_and_dashes() -> None:
    text = normalise("34\u00a0870\u2009000\u202fkr 2025\u20132030 \u2014 x")
    assert text.text == "34 870 000 kr 2025-2030 - x"


def test_lines_broken_mid_sentence_rejoin() -> None:
    text = normalise("Beslut om bidrag för en effektiv hälso- och \n\nsjukvård\n\nBeslut\n")
    assert text.text.splitlines()[0] == "Beslut om bidrag för en effektiv hälso- och sjukvård"
    assert normalise("AI-\nbaserad maskning").text == "AI-baserad maskning"
    assert normalise("effektivi-\nseringar görs").text == "effektiviseringar görs"
    assert normalise("under perioden 2025\u2013\n2030.").text == "under perioden 2025-2030."


def test_headings_and_lists_stay_apart() -> None:
    text = normalise("Förslag till beslut\nRegionstyrelsen beslutar\n\natt ingå i ansökan.")
    assert text.text.splitlines() == [
        "Förslag till beslut",
        "Regionstyrelsen beslutar",
        "",
        "att ingå i ansökan.",
    ]
    assert normalise("Insatser:\n- första\n- andra").text == "Insatser:\n- första\n- andra"


def test_spans_map_to_original() -> None:
    original = "Bidrag beviljas med 5\u00a0870\u00a0000 \n\nkronor. Slut"
    text = normalise(original)
    start = text.text.index("5 870 000 kronor")
    span = text.span(start, start + len("5 870 000 kronor"))
    assert original[span[0] : span[1]] == "5\u00a0870\u00a0000 \n\nkronor"


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
def test_offsets_always_valid(original: str) -> None:
    text = normalise(original)
    assert len(text.offsets) == len(text.text)
    assert all(0 <= offset <= len(original) for offset in text.offsets)
    assert list(text.offsets) == sorted(text.offsets)
