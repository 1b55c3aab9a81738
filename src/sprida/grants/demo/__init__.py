"""Grant demo data: the seed records (order 10), then generated regions (order 15)."""

from __future__ import annotations

from sprida.core import demo
from sprida.core.demo import Output
from sprida.grants.demo.generated import generated_load
from sprida.grants.demo.seeds import programme_load, seed_records_load

__all__ = ["generated_load", "programme_load", "seed_records_load"]


@demo.register(10, "grants-seed-records")
def load_seed_records(out: Output) -> None:
    created = seed_records_load()
    out.write(f"  bidrag: {len(created)} ansökningar ur källdokumenten\n")


@demo.register(15, "grants-generated")
def load_generated(out: Output) -> None:
    created = generated_load()
    out.write(f"  bidrag: {len(created)} genererade ansökningar (demodata)\n")
