"""QR codes drawn on the server as inline SVG (segno): no script, no style, nothing fetched."""

from __future__ import annotations

from base64 import b32encode

import segno
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe


def qr_svg(data: str, *, label: str) -> SafeString:
    """An SVG image of `data`, named `label` for screen readers."""
    code = segno.make(data, error="m", micro=False)
    svg = code.svg_inline(scale=4, border=4, dark="#000", light="#fff", svgclass="qr")
    named = svg.replace("<svg ", f'<svg role="img" aria-label="{escape(label)}" ', 1)
    return mark_safe(named)  # segno's own markup; the label is escaped


def secret_for_typing(key: bytes) -> str:
    """The secret as people type it into an app: base32 in groups of four."""
    text = b32encode(key).decode("ascii").rstrip("=")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))
