"""In a real browser: every main page's tables get the width they need.

At 1366 and 1920 px no table is wider than the box it scrolls in (an amount cut off in a
half-width scroll box is a figure nobody reads); at 390 px (a phone) and at 320 px (WCAG 1.4.10
reflow, 1280 px at 400 % zoom) the page itself never scrolls sideways, and a table too wide for
the screen scrolls in its own focusable box.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.core.management import call_command
from django.urls import reverse

from sprida.core.tests.browser import sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "demo-losenord-123"

# Each table in <main> with the box it scrolls in: the nearest ancestor that clips or scrolls
# sideways, else the page itself.
MEASURE = """
() => Array.from(document.querySelectorAll("main table")).map((table, index) => {
  let box = table.parentElement;
  while (box && box !== document.body && getComputedStyle(box).overflowX === "visible") {
    box = box.parentElement;
  }
  if (!box || box === document.body) box = document.documentElement;
  const caption = table.querySelector("caption");
  const name = (caption && caption.innerText.trim()) || table.id || `table ${index + 1}`;
  return {
    name: name.slice(0, 80),
    width: table.scrollWidth,
    box: box.clientWidth,
    page_box: box === document.documentElement,
    focusable: box.tabIndex >= 0,
  };
})
"""
PAGE_OVERFLOW = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"


def _pages() -> dict[str | None, list[str]]:
    """The main pages, per demo user, with records of the demo that user may see."""
    from sprida.effects.models import Report
    from sprida.enablement.models import Dossier
    from sprida.grants.models import Decision
    from sprida.spreading.models import Solution

    decision = Decision.objects.get(application__applicant__slug="orebro")
    measure = decision.lines.order_by("pk")[0].measure
    report = Report.objects.filter(decision=decision).order_by("pk")[0]
    solution = Solution.objects.filter(published=True).order_by("pk")[0]
    dossier = Dossier.objects.order_by("pk")[0]
    public = [
        "/",
        reverse("grants:decision", args=[decision.pk]),
        "/spridning/",
        reverse("spreading:solution", args=[solution.slug]),
        "/sok/?q=beslut",
    ]
    signed_in = [
        *public,
        "/bidrag/",
        "/bidrag/portfolj/",
        "/bidrag/region/orebro/",
        "/effekter/",
        "/effekter/nationellt/",
        reverse("enablement:dossier", args=[dossier.slug]),
        "/underlag/oversikt/",
        "/sok/?q=taligenk%C3%A4nningen",
    ]
    orebros = [  # the applicant's own records, which the delegation and SKR also follow
        reverse("grants:application", args=[decision.application_id]),
        reverse("effects:measure", args=[measure.pk]),
    ]
    return {
        None: public,
        "orebro": [*signed_in, *orebros, reverse("effects:report", args=[report.pk])],
        "jamtland": [*signed_in, "/bidrag/region/jamtland-harjedalen/"],
        "vastmanland": [*signed_in, "/bidrag/region/vastmanland/"],
        "skr": [*signed_in, *orebros],
        "delegationen": [*signed_in, *orebros],
    }


def _problems_at(page: Any, width: int) -> list[str]:
    page.set_viewport_size({"width": width, "height": 900})
    problems = []
    for table in page.evaluate(MEASURE):
        if width >= 1366 and table["width"] > table["box"]:
            problems.append(
                f"{width} px: table «{table['name']}» is {table['width']} px wide "
                f"in a box of {table['box']} px"
            )
        if width < 1366 and table["width"] > table["box"] and not table["focusable"]:
            problems.append(
                f"{width} px: table «{table['name']}» overflows a box a keyboard cannot reach"
            )
    overflow = page.evaluate(PAGE_OVERFLOW)
    if overflow > 0:
        problems.append(f"{width} px: the page scrolls sideways by {overflow} px")
    return problems


def test_main_tables_fit_at_desktop_widths_and_pages_stay_usable_on_a_phone(
    browser: Any, live_server: Any, monkeypatch: Any, settings: Any, tmp_path: Any
) -> None:
    settings.VAR_DIR = tmp_path
    settings.STATIC_ROOT = tmp_path / "static"
    monkeypatch.setenv("SPRIDA_DEMO_PASSWORD", PASSWORD)
    call_command("demo", no_serve=True, stdout=open("/dev/null", "w"))  # noqa: SIM115
    problems: dict[str, list[str]] = {}
    measured = 0
    for username, paths in _pages().items():
        context = browser.new_context(viewport={"width": 1366, "height": 900})
        page = context.new_page()
        if username:
            sign_in(page, live_server.url, username, PASSWORD)
        for path in paths:
            response = page.goto(f"{live_server.url}{path}")
            assert response is not None and response.status == 200, (username, path)
            measured += len(page.evaluate(MEASURE))
            found = [p for width in (1366, 1920, 390, 320) for p in _problems_at(page, width)]
            if found:
                problems[f"{username or 'visitor'}: {path}"] = found
        context.close()
    assert measured > 50  # the pages really hold the tables this is about
    assert problems == {}
