"""Flatten an extraction result into (path, value, span) rows for highlighting in the review."""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

from sprida.intake.extraction.result import Found


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    return value


def flatten_spans(result: Any) -> list[dict[str, Any]]:
    """Every value that knows where it came from, as {path, value, start, end}, in text order."""
    rows: list[dict[str, Any]] = []

    def walk(obj: Any, path: str) -> None:
        if isinstance(obj, Found):
            if obj.span is not None:
                rows.append(
                    {
                        "path": path,
                        "value": _plain(obj.value),
                        "start": obj.span[0],
                        "end": obj.span[1],
                    }
                )
            return
        if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
            span = getattr(obj, "span", None)
            if span is not None:
                label = getattr(obj, "name", None) or getattr(obj, "kind", None)
                if label is None:
                    label = " ".join(
                        str(_plain(getattr(obj, f.name)))
                        for f in dataclasses.fields(obj)
                        if f.name != "span" and isinstance(getattr(obj, f.name), int | str | date)
                    )
                rows.append(
                    {"path": path, "value": _plain(label), "start": span[0], "end": span[1]}
                )
            for f in dataclasses.fields(obj):
                if f.name in {"span", "source"}:
                    continue
                walk(getattr(obj, f.name), f"{path}.{f.name}" if path else f.name)
        elif isinstance(obj, list):
            for i, item in enumerate(obj):
                walk(item, f"{path}[{i}]")
        elif isinstance(obj, dict):
            for key, item in obj.items():
                walk(item, f"{path}.{key}")

    walk(result, "")
    return sorted(rows, key=lambda row: (row["start"], row["end"]))
