"""Walk the site as one user, following its own links: every kind of page once or twice.

Used by the tests that look at every page of the demo (code words, ids). Downloads, the admin,
the API and sign-out are not followed; forms are not submitted.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser

from django.test import Client

SKIP = re.compile(
    r"^/(admin|api|static|media|i18n|konto/logga-ut)|\.(xlsx|csv|docx|pdf|zip|json|yaml|svg)$"
    r"|/(ladda-ner|original|export)"
)


@dataclass
class Page:
    url: str
    html: str
    text: str  # what a person reads: text and the attributes read out, not code or scripts
    links: list[str] = field(default_factory=list)


class _Reader(HTMLParser):
    SPOKEN = ("title", "aria-label", "alt", "placeholder")
    VERBATIM = {"script", "style", "code", "pre", "kbd", "samp"}

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.links: list[str] = []
        self.verbatim = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag in self.VERBATIM:
            self.verbatim += 1
        if tag == "a" and values.get("href"):
            self.links.append(values["href"] or "")
        self.parts += [values[name] or "" for name in self.SPOKEN if values.get(name)]

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VERBATIM and self.verbatim:
            self.verbatim -= 1

    def handle_data(self, data: str) -> None:
        if not self.verbatim:
            self.parts.append(data)


def read(url: str, html: str) -> Page:
    reader = _Reader()
    reader.feed(html)
    return Page(url, html, " ".join(reader.parts), reader.links)


def crawl(client: Client, start: str = "/", per_kind: int = 2, limit: int = 250) -> Iterator[Page]:
    """The HTML pages reachable from `start`, at most `per_kind` of each URL shape."""
    queue, seen, kinds = [start], {start}, Counter[str]()
    while queue and len(seen) <= limit:
        url = queue.pop(0)
        response = client.get(url)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        page = read(url, response.content.decode())
        yield page
        for href in page.links:
            target = href.split("#")[0]
            kind = re.sub(r"\d+", "N", target.split("?")[0])
            if not target.startswith("/") or SKIP.search(target) or target in seen:
                continue
            if kinds[kind] < per_kind:
                kinds[kind] += 1
                seen.add(target)
                queue.append(target)
