"""Grant demo data. The seed records come in through document intake (its loader, order 10,
imports the three source documents); this adds generated regions (order 15).

`seed_records_load` keeps the same records typed in by hand, for tests that compare the
intake's result with the letter."""

from __future__ import annotations

from sprida.core import demo
from sprida.core.demo import Output
from sprida.grants.demo.generated import generated_load
from sprida.grants.demo.seeds import programme_load, seed_records_load
from sprida.grants.services import categories_load

__all__ = ["generated_load", "programme_load", "seed_records_load"]


@demo.register(5, "åtgärdskategorier")
def load_categories(out: Output) -> None:
    created = categories_load()
    out.write(f"  kategorier: {created} nya\n")


@demo.register(15, "genererade ansökningar")
def load_generated(out: Output) -> None:
    created = generated_load()
    out.write(f"  bidrag: {len(created)} genererade ansökningar (demodata)\n")
