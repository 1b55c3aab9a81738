"""Extractors registered by document type, so a new type plugs in without touching callers."""

from __future__ import annotations

from collections.abc import Callable

from .decision import extract_decision
from .document import Document
from .memo import extract_memo
from .protocol import extract_protocol
from .report import extract_report
from .result import ExtractionResult

Extractor = Callable[[Document, ExtractionResult], None]

_REGISTRY: dict[str, Extractor] = {
    "decision": extract_decision,
    "application_memo": extract_memo,
    "protocol_excerpt": extract_protocol,
    "report": extract_report,
}


def register(document_type: str) -> Callable[[Extractor], Extractor]:
    """Decorator: use ``function`` for documents classified as ``document_type``."""

    def decorate(function: Extractor) -> Extractor:
        _REGISTRY[document_type] = function
        return function

    return decorate


def extractor_for(document_type: str) -> Extractor | None:
    return _REGISTRY.get(document_type)


def registered_types() -> tuple[str, ...]:
    return tuple(_REGISTRY)
