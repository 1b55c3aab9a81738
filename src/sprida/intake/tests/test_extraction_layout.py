"""Page layout: running headers and footers, columns, letterheads, titles and front-page dates."""

from __future__ import annotations

from typing import Any

import pytest

from sprida.intake.extract_file import extract_bytes
from sprida.intake.extraction import extract_text
from sprida.intake.extraction.text import normalise
from sprida.intake.readers import read_bytes

from .corpus_render import Layout, make_pdf

SOURCE = {"path": "x.txt", "sha256": "0" * 64}


def extract(text: str) -> dict[str, Any]:
    return extract_text(text, source=SOURCE).to_schema_dict()


HEADER = "Region Gävleborg TJÄNSTESKRIVELSE RS 2025/0412"


def _pages(*bodies: str) -> str:
    pages = [
        f"{HEADER}\n{body}\nRegion Gävleborg, 801 88 Gävle Sida {n} av {len(bodies)}"
        for n, body in enumerate(bodies, start=1)
    ]
    return "\f".join(pages)


def test_running_header_and_footer_are_not_content() -> None:
    text = normalise(
        _pages(
            "Ansökan om statsbidrag för digital vård\nRegionen ansöker om bidrag.",
            "Ekonomiska konsekvenser\nKostnaderna ryms i budgeten.",
            "Uppföljning\nArbetet följs upp.",
        )
    ).text
    assert text.count(HEADER) == 1  # the letterhead on page one stays
    assert "Sida" not in text and "801 88" not in text
    assert "Ekonomiska konsekvenser" in text


def test_the_title_is_not_the_running_header() -> None:
    got = extract(
        _pages(
            "TJÄNSTESKRIVELSE\nDatum: 2025-05-19\n\nAnsökan om statsbidrag för digital vård\n\n"
            "Region Gävleborg ansöker om bidrag.",
            "Uppföljning\nArbetet följs upp.",
        )
    )
    assert got["title"] == "Ansökan om statsbidrag för digital vård"
    assert got["dates"]["document"] == "2025-05-19"


def test_page_numbers_in_copied_text_and_the_letterhead_repeated_beside_them() -> None:
    text = normalise(
        "Region Skåne Protokoll 2025-06-12\n§ 95 Ansökan\nText på sidan ett.\nSida 1 av 2\n"
        "Region Skåne Protokoll 2025-06-12\nText på sidan två.\nSida 2 av 2\n"
    ).text
    assert text.count("Region Skåne Protokoll") == 1
    assert "Sida" not in text


def test_prose_that_ends_two_pages_the_same_way_stays() -> None:
    text = normalise("Rubrik\nDe mäter effekterna av\nåtgärderna.\fNy sida\nOch av\nåtgärderna.")
    assert text.text.count("åtgärderna.") == 2


def test_wide_gaps_are_columns_and_an_att_tab_is_not() -> None:
    text = normalise(
        "KAMMARKOLLEGIET                 BESLUT\n"
        "Clas Rehnberg\tAmira Haddad\n"
        "att\tingå i den gemensamma ansökan\n"
        "Sekreterare   ...........................\n"
    ).text
    assert text.splitlines() == [
        "KAMMARKOLLEGIET | BESLUT",
        "Clas Rehnberg | Amira Haddad",
        "att ingå i den gemensamma ansökan",
        "Sekreterare",
    ]


def test_a_word_hyphenated_at_a_pdf_line_end() -> None:
    assert normalise("inom hälso\ufffeoch sjukvården").text == "inom hälso- och sjukvården"
    assert normalise("för effektivi\ufffeseringar").text == "för effektiviseringar"


PROTOCOL = """PROTOKOLL                                                    1 (3)

Regionstyrelsen
Sammanträdesdatum
2025-06-10

Plats och tid         Regionens hus, Jönköping, kl. 09.00–12.15

Beslutande            Helena Sjödin (S), ordförande
                      Tomas Lind (KD)

Utses att justera     Tomas Lind

Justeringens          Regionens hus 2025-06-13
plats och tid

Justerat
2025-06-13

§ 134  Ansökan om statsbidrag för effektivare vård
Dnr RJL 2025/1207

Regionstyrelsen beslutar
att ansöka om statsbidrag.
"""


def test_protocol_meeting_date_stands_under_its_label_and_is_not_the_adjustment_date() -> None:
    got = extract(PROTOCOL)
    assert got["document_type"] == "protocol_excerpt"
    assert got["dates"]["meeting"] == "2025-06-10"
    assert got["meeting"]["place"] == "Regionens hus, Jönköping"


def test_adjustment_date_first_does_not_become_the_meeting_date() -> None:
    text = PROTOCOL.replace(
        "Sammanträdesdatum\n2025-06-10\n", "Justeringsdatum\n2025-06-13\n\nDatum\n2025-06-10\n"
    )
    assert extract(text)["dates"]["meeting"] == "2025-06-10"


def test_protocol_title_is_the_item_heading_after_the_members_present() -> None:
    assert extract(PROTOCOL)["title"] == "Ansökan om statsbidrag för effektivare vård"
    bare = PROTOCOL.replace("§ 134  Ansökan", "§ 134\nAnsökan")
    assert extract(bare)["title"] == "Ansökan om statsbidrag för effektivare vård"


def test_issued_date_of_a_regulation_is_its_document_date() -> None:
    got = extract(
        "Svensk författningssamling\nSFS 2025:1187\nPublicerad 2025-12-02\n\n"
        "Förordning om statsbidrag till regioner för digital infrastruktur\n\n"
        "Utfärdad: 2025-11-27\n\nRegeringen föreskriver följande.\n"
    )
    assert got["dates"]["document"] == "2025-11-27"
    assert got["title"] == "Förordning om statsbidrag till regioner för digital infrastruktur"


def test_addresses_and_units_are_not_titles() -> None:
    got = extract(
        "Effektivitetsdelegationen\nc/o Kammarkollegiet\nBox 2218, 103 15 Stockholm\n\n"
        "Till: Region Kalmar län\nHälso- och sjukvårdsförvaltningen\n\n"
        "Bidrag för åtgärder för en effektiv hälso- och sjukvård\n\nText.\n"
    )
    assert got["title"] == "Bidrag för åtgärder för en effektiv hälso- och sjukvård"


COPIED = """KAMMARKOLLEGIET                                                    BESLUT 1 (2)
Effektivitetsdelegationen                                          2025-11-12
                                                                   Dnr 3.2-2025-04091

Beslut om bidrag för åtgärder för en effektiv hälso- och sjukvård

Effektivitetsdelegationen beviljar Region Västmanland bidrag med 9 450 000 kronor av
ansökta 17 550 000 kronor.
Postadress: Box 2218, 103 15 Stockholm   Telefon: 08-700 08 00
KAMMARKOLLEGIET                                                    BESLUT 2 (2)
Effektivitetsdelegationen                                          2025-11-12
                                                                   Dnr 3.2-2025-04091
Beslutet får inte överklagas.
Postadress: Box 2218, 103 15 Stockholm   Telefon: 08-700 08 00
"""


def test_page_numbers_in_a_copied_letterhead_split_the_pages() -> None:
    text = normalise(COPIED).text
    assert text.count("KAMMARKOLLEGIET") == 1 and text.count("Dnr 3.2-2025-04091") == 1
    assert "Postadress" not in text and "(2)" not in text
    assert "Beslutet får inte överklagas." in text


def test_list_markers_of_a_word_symbol_font() -> None:
    text = normalise("Åtgärder:\n\uf0b7\tDigital triage\n\uf0b7\tMobil närakut\n").text
    assert text.splitlines() == ["Åtgärder:", "\uf0b7 Digital triage", "\uf0b7 Mobil närakut"]
    got = extract(
        "Tjänsteskrivelse\n\nAnsökan om bidrag\n\nÅtgärder som ansökan omfattar:\n"
        "\uf0b7\tDigital triage – 2 000 000 kr\n\uf0b7\tMobil närakut – 1 000 000 kr\n"
    )
    assert [(m["title"], m["applied_sek"]) for m in got["measures"]] == [
        ("Digital triage", 2_000_000),
        ("Mobil närakut", 1_000_000),
    ]


@pytest.mark.parametrize(
    ("header", "footer"),
    [
        (
            "Kammarkollegiet – Effektivitetsdelegationen    Dnr 3.2-2025-03981",
            "Sida {page} av {pages}",
        ),
        (
            "Region Västerbotten    BESLUT    2025-11-13",
            "Region Västerbotten, 901 89 Umeå    {page} ({pages})",
        ),
    ],
)
def test_running_header_and_footer_of_a_rendered_pdf_are_neither_title_nor_content(
    header: str, footer: str
) -> None:
    paragraphs = "\n\n".join(
        f"Stycke {n}. Regionen beskriver hur arbetet med digital triage går vidare under året "
        "och hur effekterna ska mätas i varje vårdcentral."
        for n in range(1, 40)
    )
    text = (
        "Beslut om bidrag för digital triage\n\n"
        "Effektivitetsdelegationen beslutar att bevilja Region Västerbottens ansökan om bidrag. "
        f"Bidrag beviljas med 4 000 000 kronor.\n\n{paragraphs}\n"
    )
    pdf = make_pdf(text, Layout(header=header, footer=footer))
    got = extract_bytes(pdf, name="beslut.pdf", max_bytes=20_000_000)
    assert got["source"]["pages"] >= 2
    assert got["title"] == "Beslut om bidrag för digital triage"
    normalised = normalise(read_bytes(pdf, filename="b.pdf", max_bytes=20_000_000).text).text
    assert "Sida" not in normalised and "901 89" not in normalised
    assert normalised.count(header.split("    ")[1]) <= 1  # the letterhead on page one stays


def test_a_protocol_templates_signature_footer_is_no_content() -> None:
    text = normalise(
        "Protokoll\nRegionstyrelsen\n\n§ 12 Ansökan om statsbidrag\n\nText om ärendet.\n\n"
        "Justerandes signatur      Utdragsbestyrkande\n"
    ).text
    assert "Justerandes" not in text and "Utdragsbestyrkande" not in text


def test_a_page_number_ending_a_long_address_footer_is_cut() -> None:
    text = normalise(
        "Region Gävleborg\nTJÄNSTESKRIVELSE\n\nAnsökan om statsbidrag\n\nRegionen ansöker om "
        "bidrag.\n\nRegion Gävleborg, Regionkontoret, Box 1234, 801 88 Gävle, tel 026-15 50 00, "
        "www.regiongavleborg.se Sida 1 av 1\n"
    ).text
    assert "Sida" not in text and "www.regiongavleborg.se" in text
