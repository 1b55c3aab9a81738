"""The Content-Security-Policy: on every response, and nothing inline that it would refuse."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.test import Client

POLICY = {
    "default-src": {"'self'"},
    "script-src": {"'self'"},
    "style-src": {"'self'"},
    "img-src": {"'self'", "data:"},
    "object-src": {"'none'"},
    "base-uri": {"'self'"},
    "frame-ancestors": {"'none'"},
    "form-action": {"'self'"},
}
SRC = Path(__file__).resolve().parents[2] / "sprida"


def _policy(header: str) -> dict[str, set[str]]:
    directives = [part.split() for part in header.split(";") if part.strip()]
    return {name: set(values) for name, *values in directives}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/", 200),
        ("/spridning/", 200),
        ("/konto/logga-in/", 200),
        ("/konto/", 302),
        ("/finns-inte/", 404),
        ("/api/v1/public/decisions", 200),
        ("/api/v1/applications", 401),
        ("/api/v1/openapi.json", 200),
        ("/api/v1/docs", 200),
        ("/healthz", 200),
        ("/static/sprida/sprida.css", 200),
        ("/static/sprida/favicon.svg", 200),
    ],
)
def test_every_response_carries_the_policy(orgs, path: str, status: int) -> None:
    response = Client().get(path)
    assert response.status_code == status
    assert _policy(response["Content-Security-Policy"]) == POLICY


@pytest.mark.django_db
def test_a_refused_post_and_a_signed_in_page_carry_it_too(people) -> None:
    client = Client(enforce_csrf_checks=True)
    refused = client.post("/konto/logga-in/", {"username": "x", "password": "y"})
    assert refused.status_code == 403
    assert _policy(refused["Content-Security-Policy"]) == POLICY
    client.force_login(people["officer"])
    for path in ("/bidrag/portfolj/", "/bidrag/portfolj/?export=csv&table=regions"):
        response = client.get(path)
        assert response.status_code == 200
        assert _policy(response["Content-Security-Policy"]) == POLICY


# What the policy refuses: a <script> with a body, a <style> element, a style attribute, an
# event-handler attribute or a javascript: link. Vendored files are checked in the browser test.
_INLINE = {
    "inline script": re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/(?:ld\+)?json)[^>]*>"),
    "style element": re.compile(r"<style[\s>]"),
    "style attribute": re.compile(r"<[a-zA-Z][^<>]*\sstyle\s*=", re.DOTALL),
    "event handler": re.compile(r"<[a-zA-Z][^<>]*\son[a-z]+\s*=\s*[\"'{]", re.DOTALL),
    "javascript: URL": re.compile(r"javascript:", re.IGNORECASE),
}


def test_nothing_inline_in_templates_or_in_the_html_and_svg_built_in_python() -> None:
    found = []
    for path in sorted(SRC.rglob("*")):
        relative = path.relative_to(SRC).as_posix()
        if (
            path.suffix not in {".html", ".py", ".svg", ".js"}
            or "/tests/" in f"/{relative}"
            or "/migrations/" in relative
            or "vendor/" in relative
            or "swagger-ui/" in relative
        ):
            continue
        text = path.read_text(encoding="utf-8")
        found += [
            f"{relative}: {name}" for name, pattern in _INLINE.items() if pattern.search(text)
        ]
    assert found == []
