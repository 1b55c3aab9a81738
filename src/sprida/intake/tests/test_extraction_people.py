"""People: titles before names in running text, members lists, signature blocks in columns."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from sprida.intake.extraction import extract_text

SOURCE = {"path": "x.txt", "sha256": "0" * 64}


def people(text: str) -> dict[str, str | None]:
    found = extract_text(text, source=SOURCE).to_schema_dict()["people"]
    return {p["name"]: p["title"] for p in found}


def test_a_title_before_a_name_in_running_text() -> None:
    found = people(
        "Pressmeddelande\n\nBidrag till vården\n\n"
        "– Det är ett viktigt besked, säger sjukvårdsminister Elin Sjöberg. Enligt hälso- och "
        "sjukvårdsdirektör Maria Stenlund börjar arbetet i januari. I handläggningen har även "
        "juristen Erik Holmberg deltagit."
    )
    assert found == {
        "Elin Sjöberg": "Sjukvårdsminister",
        "Maria Stenlund": "Hälso- och sjukvårdsdirektör",
        "Erik Holmberg": "Jurist",
    }


def test_two_names_after_a_title_in_the_plural() -> None:
    found = people("Nyhetsbrev\n\nFrågor besvaras av handläggarna Sofia Lindqvist och Jonas Berg.")
    assert found == {"Sofia Lindqvist": None, "Jonas Berg": None}


def test_members_with_their_party_and_role() -> None:
    found = people(
        "Protokoll\nRegionstyrelsen\n\nLedamöter: Elin Åkesson (C), ordförande, Johan Ask (M)\n"
        "Tjänstepersoner: Martin Ek, regiondirektör; Hanna Wik, nämndsekreterare\n"
    )
    assert found == {
        "Elin Åkesson": "Ordförande",
        "Johan Ask": None,
        "Martin Ek": "Regiondirektör",
        "Hanna Wik": "Nämndsekreterare",
    }


def test_a_role_that_ends_a_line_is_not_the_next_lines_title() -> None:
    found = people(
        "Protokoll\n\nBeslutande\nHelena Sjödin (S), ordförande\nTomas Lind (KD)\n"
        "Maria Wiklund, regiondirektör\nLisa Thörn, sekreterare\n"
    )
    assert found["Tomas Lind"] is None
    assert found["Lisa Thörn"] == "Sekreterare"


def test_signatures_in_columns_with_dotted_lines() -> None:
    found = people(
        "Protokollsutdrag\n\nVid protokollet\n\n"
        "..............................      ..............................\n"
        "Karin Holm                          Maria Carlsson\n"
        "Sekreterare                         Ordförande\n"
    )
    assert found == {"Karin Holm": "Sekreterare", "Maria Carlsson": "Ordförande"}


def test_signatures_in_columns_that_a_pdf_ran_together() -> None:
    # pdfium gives one space between the columns; the roles say how many names there are.
    found = people(
        "Protokollsutdrag\n\nVid protokollet\n\nKarin Holm Maria Carlsson\nSekreterare Ordförande\n"
    )
    assert found == {"Karin Holm": "Sekreterare", "Maria Carlsson": "Ordförande"}
    # A three-word name known from the members list splits the row right.
    found = people(
        "Protokoll\n\nNärvarande ledamöter\nCarl Johan Ström (M)\nAhmed Karimi (S)\n\n"
        "Ordförande Justerare\nCarl Johan Ström Ahmed Karimi\n"
    )
    assert found == {"Carl Johan Ström": "Ordförande", "Ahmed Karimi": "Justerare"}


def test_roles_above_names_in_a_table() -> None:
    found = people(
        "Protokoll\n\nOrdförande | Justerare | Sekreterare\n"
        "Bengt Olofsson | Emma Klintberg | Jenny Lindqvist\n"
    )
    assert found == {
        "Bengt Olofsson": "Ordförande",
        "Emma Klintberg": "Justerare",
        "Jenny Lindqvist": "Sekreterare",
    }


def test_names_in_capitals_under_the_governments_signature() -> None:
    found = people(
        "Förordning om statsbidrag\n\nRegeringen föreskriver följande.\n\n"
        "1 § Denna förordning innehåller bestämmelser om statsbidrag till regioner för\n"
        "gemensam digital infrastruktur i hälso- och sjukvården.\n\n"
        "På regeringens vägnar\n\nELIN SJÖBERG\n\nAnders Lund\n(Socialdepartementet)\n"
    )
    assert found == {"Elin Sjöberg": None, "Anders Lund": None}


def test_two_columns_of_names_and_titles_under_a_memo() -> None:
    found = people(
        "Tjänsteskrivelse\n\nText.\n\nKarin Lundh                                Lena Björk\n"
        "Hälso- och sjukvårdsdirektör               Verksamhetsutvecklare\n"
    )
    assert found == {
        "Karin Lundh": "Hälso- och sjukvårdsdirektör",
        "Lena Björk": "Verksamhetsutvecklare",
    }


def test_a_title_in_an_organisation_after_a_name() -> None:
    found = people(
        "Program\n\n10.00 Välkommen, Clas Rehnberg, ordförande i Effektivitetsdelegationen\n"
    )
    assert found == {"Clas Rehnberg": "Ordförande i Effektivitetsdelegationen"}


_FIRST = ["Elin", "Jakob", "Acko", "Maria", "Nils", "Åsa", "Ulrika", "Henrik", "Zeynep"]
_LAST = ["Forssmed", "Stenlund", "Wiklund", "Ekström", "Öberg", "Lindblad", "Yilmaz"]


@settings(max_examples=40, deadline=None)
@given(
    first=st.sampled_from(_FIRST),
    last=st.sampled_from(_LAST),
    phrase=st.sampled_from(
        [
            ("säger statsrådet {name}.", "Statsråd"),
            ("säger socialminister {name}.", "Socialminister"),
            ("enligt regiondirektör {name}.", "Regiondirektör"),
            ("enligt hälso- och sjukvårdsdirektören {name}.", "Hälso- och sjukvårdsdirektör"),
            ("skriver regionstyrelsens ordförande {name}.", "Regionstyrelsens ordförande"),
            ("berättar projektledaren {name}.", "Projektledare"),
        ]
    ),
)
def test_a_title_before_a_name_in_running_text_whatever_the_name(
    first: str, last: str, phrase: tuple[str, str]
) -> None:
    name = f"{first} {last}"
    sentence, title = phrase
    found = people(
        "Pressmeddelande\n\nMer vård för pengarna\n\n"
        f"– Det här ger kortare väntetider, {sentence.format(name=name)} Arbetet börjar i januari."
    )
    assert found == {name: title}
