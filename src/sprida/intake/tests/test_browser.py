"""In a real browser: a batch with a bad file in it, and another region sending the same bytes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from sprida.core.tests.browser import serious_violations, sign_in
from sprida.intake.models import Document

from . import bad_inputs

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

MEMO = "Tjänsteskrivelse\n\nRegion Örebro län ansöker om 2 000 000 kronor för Digital vård.\n"


def _upload(page: Any, base_url: str, files: list[Path]) -> str:
    page.goto(f"{base_url}/dokument/")
    page.get_by_label("Dokument", exact=True).set_input_files([str(f) for f in files])
    page.get_by_role("button", name="Ladda upp och tolka").click()
    page.wait_for_selector("[role=status] h3")
    return page.inner_text("[role=status]")


def test_a_batch_and_a_copy_from_another_region(
    browser: Any, live_server: Any, make_user: Any, tmp_path: Path
) -> None:
    make_user("orebro", "editor", username="orebro")
    make_user("jamtland-harjedalen", "editor", username="jamtland")
    good, broken, other = tmp_path / "ansokan.txt", tmp_path / "trasig.docx", tmp_path / "b.md"
    good.write_text(MEMO)
    broken.write_bytes(bad_inputs.docx_broken_xml())
    other.write_text(MEMO.replace("2 000 000", "5 000 000"))

    page = browser.new_page()
    sign_in(page, live_server.url, "orebro", "correct-horse-battery")
    results = _upload(page, live_server.url, [good, broken, other])
    lines = [
        line for line in results.splitlines() if line.startswith(("ansokan", "trasig", "b.md"))
    ]
    assert len(lines) == 3, results
    assert "mottagen" in lines[0] and "Inte mottagen" in lines[1] and "mottagen" in lines[2]
    assert "felaktig XML" in lines[1]
    assert serious_violations(page) == []
    page.get_by_role("link", name="Visa förslaget").first.click()
    page.wait_for_selector("h1")
    assert "ansokan.txt" in page.inner_text("main")
    page.close()

    page = browser.new_page()
    sign_in(page, live_server.url, "jamtland", "correct-horse-battery")
    results = _upload(page, live_server.url, [good])
    assert "mottagen" in results and "finns redan" not in results
    rows = page.locator("main table tbody tr")
    assert rows.count() == 1, page.inner_text("main")  # their own copy, nothing else
    page.close()
    owners = sorted(Document.objects.values_list("owner__slug", flat=True))
    assert owners == ["jamtland-harjedalen", "orebro", "orebro"]
