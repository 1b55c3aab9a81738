"""Small words on the document pages: page counts in the right number, no upload advice for
people who cannot upload."""

from __future__ import annotations

import pytest

from sprida.intake.models import Document
from sprida.intake.services import document_receive

pytestmark = pytest.mark.django_db

TEXT = b"Beslut om bidrag\n\nRegion \xc3\x96rebro l\xc3\xa4n beviljas 100 000 kronor.\n"


@pytest.mark.parametrize(("pages", "words"), [(1, "1 sida"), (3, "3 sidor")])
def test_the_page_count_agrees_in_number(client, people, pages: int, words: str) -> None:
    document = document_receive(by=people["editor"], name="beslut.txt", data=TEXT).document
    Document.objects.filter(pk=document.pk).update(page_count=pages)
    client.force_login(people["editor"])
    page = client.get(f"/dokument/{document.pk}/").content.decode()
    assert f", {words})" in page


def test_a_viewer_is_not_told_to_upload(client, people) -> None:
    client.force_login(people["viewer"])
    page = client.get("/dokument/").content.decode()
    assert "ovan" not in page
    assert "Redaktörer i din organisation laddar upp" in page
