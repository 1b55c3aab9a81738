"""Start-page panels. Each app registers the panels it can show; the start page asks them all."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.http import HttpRequest


@dataclass
class Panel:
    template: str
    context: dict[str, Any] = field(default_factory=dict)
    order: int = 100


PanelSource = Callable[[HttpRequest], list[Panel]]
_sources: list[PanelSource] = []


def register(source: PanelSource) -> PanelSource:
    if source not in _sources:
        _sources.append(source)
    return source


def panels_for(request: HttpRequest) -> list[Panel]:
    panels = [panel for source in _sources for panel in source(request)]
    return sorted(panels, key=lambda panel: panel.order)
