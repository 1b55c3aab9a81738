"""In a real browser, as the delegation officer: a decision whose share of the applied amount no
rule can read is uploaded, and the proposal says so above the form instead of losing the grant."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from sprida.core.tests.browser import serious_violations, sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

UNREADABLE = (
    "Bidraget för AI-stöd för röntgengranskning motsvarar knappt sextio procent av det sökta "
    "beloppet."
)
DECISION = (
    "Kammarkollegiet\nEffektivitetsdelegationen\nBESLUT\n2025-11-20\nDnr 3.2-2025-04501\n\n"
    "Beslut om bidrag för åtgärder för en effektiv hälso- och sjukvård\n\n"
    "Effektivitetsdelegationen beslutar att delvis bevilja Region Dalarnas ansökan om bidrag.\n\n"
    "Bidrag beviljas för följande åtgärder:\n"
    "• Digital triage i primärvården. Bidrag beviljas med 6 000 000 kronor.\n"
    "• AI-stöd för röntgengranskning. Bidrag beviljas med 4 000 000 kronor.\n\n"
    f"{UNREADABLE}\n\nBeslutet får inte överklagas.\n"
)


def test_an_unreadable_share_is_a_warning_on_the_proposal(
    browser: Any, live_server: Any, people: Any, tmp_path: Path
) -> None:
    letter = tmp_path / "beslut-dalarna.txt"
    letter.write_text(DECISION, encoding="utf-8")
    page = browser.new_page()
    sign_in(page, live_server.url, "dana", "correct-horse-battery")
    page.goto(f"{live_server.url}/dokument/")
    page.get_by_label("Dokument", exact=True).set_input_files([str(letter)])
    page.get_by_role("button", name="Ladda upp och tolka").click()
    page.wait_for_selector("[role=status] h3")
    page.get_by_role("link", name="Visa förslaget").first.click()
    page.wait_for_selector(".message.warning")
    warning = page.locator(".message.warning").inner_text()
    assert UNREADABLE in warning and "andel av det sökta beloppet" in warning
    # The warning stands above the form the officer confirms with.
    button = page.get_by_role("button", name="Bekräfta och spara som poster")
    assert page.locator(".message.warning").bounding_box()["y"] < button.bounding_box()["y"]
    assert serious_violations(page) == []
    page.close()
