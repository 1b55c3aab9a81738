"""In a real browser: the main pages run under the Content-Security-Policy without one violation."""

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
# Record what the browser refuses, whether or not it also reaches the console.
RECORD_VIOLATIONS = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} ` +
                    `(${e.sourceFile || ""}:${e.lineNumber || ""}) ${e.sample || ""}`);
});
"""


def _pages() -> dict[str | None, list[str]]:
    from sprida.effects.models import Indicator, Report
    from sprida.enablement.models import Dossier
    from sprida.grants.models import Decision
    from sprida.intake.models import Document
    from sprida.spreading.models import Solution

    decision = Decision.objects.get(application__applicant__slug="orebro")
    measure = decision.lines.order_by("pk")[0].measure
    report = Report.objects.filter(decision=decision).first()
    indicator = Indicator.objects.filter(measure__application__applicant__slug="orebro").first()
    document = Document.objects.filter(document_type="decision").order_by("pk")[0]
    solution = Solution.objects.filter(published=True).order_by("pk")[0]
    dossier = Dossier.objects.order_by("pk")[0]
    public = [
        "/",
        reverse("grants:decision", args=[decision.pk]),
        reverse("spreading:solution", args=[solution.slug]),
        "/spridning/",
        "/konto/logga-in/",
        "/finns-inte/",
        "/api/v1/docs",
    ]
    return {
        None: public,
        "orebro": [
            "/",
            reverse("effects:measure", args=[measure.pk]),
            *([reverse("effects:indicator", args=[indicator.pk])] if indicator else []),
            *([reverse("effects:report", args=[report.pk])] if report else []),
            *([reverse("effects:report_print", args=[report.pk])] if report else []),
            reverse("effects:region_accounting", args=["orebro"]),
            reverse("intake:document", args=[document.pk]),
            "/dokument/",
            "/sok/?q=taligenk%C3%A4nningen",
        ],
        "delegationen": [
            "/",
            "/bidrag/portfolj/",
            reverse("grants:decision", args=[decision.pk]),
            reverse("grants:application", args=[decision.application_id]),
            "/effekter/nationellt/",
            reverse("enablement:dossier", args=[dossier.slug]),
            "/underlag/ersattning/",
            "/api/v1/docs",
        ],
        "admin": [
            "/admin/",
            "/admin/grants/decision/",
            f"/admin/grants/decision/{decision.pk}/change/",
            "/admin/accounts/user/add/",
            # The authenticator set-up draws its QR code as inline SVG.
            reverse("accounts:two_factor_setup"),
        ],
    }


def _violations(page: Any, url: str, console: list[str]) -> list[str]:
    console.clear()
    response = page.goto(url)
    assert response is not None and response.status in (200, 404), url
    assert response.headers.get("content-security-policy"), url
    page.wait_for_load_state("networkidle")
    return [*console, *page.evaluate("window.__csp")]


def test_main_pages_run_under_the_policy_without_violations(
    browser: Any, live_server: Any, monkeypatch: Any, settings: Any, tmp_path: Any
) -> None:
    settings.VAR_DIR = tmp_path
    settings.STATIC_ROOT = tmp_path / "static"
    monkeypatch.setenv("SPRIDA_DEMO_PASSWORD", PASSWORD)
    call_command("demo", no_serve=True, stdout=open("/dev/null", "w"))  # noqa: SIM115
    problems: dict[str, list[str]] = {}
    for username, paths in _pages().items():
        context = browser.new_context()
        context.add_init_script(RECORD_VIOLATIONS)
        page = context.new_page()
        console: list[str] = []
        page.on(
            "console",
            lambda m, seen=console: (
                seen.append(m.text) if "Content Security Policy" in m.text else None
            ),
        )
        if username:
            sign_in(page, live_server.url, username, PASSWORD)
        for path in paths:
            if found := _violations(page, f"{live_server.url}{path}", console):
                problems[f"{username}: {path}"] = found
        if username == "orebro":
            # An htmx swap: the search form answers with a fragment.
            page.goto(f"{live_server.url}/sok/")
            page.locator("#id_q").fill("journal")
            page.keyboard.press("Enter")
            page.wait_for_load_state("networkidle")
            if found := [*console, *page.evaluate("window.__csp")]:
                problems[f"{username}: search with htmx"] = found
        context.close()
    assert problems == {}
