"""The last demo step: build the search index over everything the other steps made."""

from __future__ import annotations

from sprida.core import demo
from sprida.core.demo import Output
from sprida.search.services import search_reindex


@demo.register(95, "sökindex")
def load(out: Output) -> None:
    counts = search_reindex()
    total = sum(counts.values())
    detail = ", ".join(f"{kind} {n}" for kind, n in sorted(counts.items()))
    out.write(f"  sökindex: {total} poster ({detail})\n")
