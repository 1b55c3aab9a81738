"""Checks on one page's HTML that no automated audit of a single page state catches reliably.

- every id is unique on the page;
- every reference to an id (aria-describedby, aria-labelledby, label for=, href="#…") names an id
  that is on the page;
- aria-label sits only on elements that can carry a name (interactive elements, landmarks,
  images, or anything with an explicit role), never on a plain span, div, p or table cell.

Each check returns a list of findings (empty when the page passes).
"""

from __future__ import annotations

from collections import Counter
from html.parser import HTMLParser

ID_LISTS = (
    "aria-describedby",
    "aria-labelledby",
    "aria-controls",
    "aria-owns",
    "aria-errormessage",
)
# Elements whose implicit role forbids a name or that assistive technology does not read a name of.
UNNAMEABLE = {
    "span", "div", "p", "td", "em", "strong", "small", "b", "i", "code", "pre", "dd", "dt",
    "li", "abbr", "time", "mark", "sup", "sub", "label", "legend", "caption",
}  # fmt: skip


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: Counter[str] = Counter()
        self.references: list[tuple[str, str, str]] = []  # (tag, attribute, id)
        self.unnamed_labels: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if values.get("id"):
            self.ids[values["id"]] += 1
        for name in ID_LISTS:
            for ref in values.get(name, "").split():
                self.references.append((tag, name, ref))
        if tag == "label" and values.get("for"):
            self.references.append((tag, "for", values["for"]))
        if tag in ("input", "select", "textarea") and values.get("list"):
            self.references.append((tag, "list", values["list"]))
        href = values.get("href", "")
        if tag == "a" and href.startswith("#") and len(href) > 1:
            self.references.append((tag, "href", href[1:]))
        if tag in UNNAMEABLE and "aria-label" in values and not values.get("role"):
            self.unnamed_labels.append(f'<{tag} aria-label="{values["aria-label"]}">')

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)


def _collect(html: str) -> _Collector:
    collector = _Collector()
    collector.feed(html)
    collector.close()
    return collector


def duplicate_ids(html: str) -> list[str]:
    return sorted(f"id={name} ×{count}" for name, count in _collect(html).ids.items() if count > 1)


def missing_references(html: str) -> list[str]:
    page = _collect(html)
    return sorted(
        {f"{tag} {attr}={ref}" for tag, attr, ref in page.references if ref not in page.ids}
    )


def labels_on_unnameable_elements(html: str) -> list[str]:
    return sorted(set(_collect(html).unnamed_labels))
