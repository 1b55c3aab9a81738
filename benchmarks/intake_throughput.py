"""Intake throughput: extract a batch of PDFs made from the seed documents.

Prints documents per second, pages per second and peak memory for the full extraction
(read + classify + extract + check + schema validation), against plain text extraction of the
same PDFs with pypdfium2 in the same run; the ratio is the figure to watch.

    .venv/bin/python benchmarks/intake_throughput.py [--documents 200]
"""

from __future__ import annotations

import argparse
import logging
import os
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sprida.settings")

import django

django.setup()
logging.getLogger("fontTools").setLevel(logging.WARNING)  # the PDF renderer's font subsetting

import pypdfium2 as pdfium  # noqa: E402

from sprida.intake.extract_file import extract_bytes  # noqa: E402
from sprida.intake.tests.render import make_pdf  # noqa: E402

FIXTURES = Path(__file__).resolve().parents[1] / "src/sprida/intake/tests/fixtures"


def batch(count: int) -> list[bytes]:
    seeds = [make_pdf(p.read_text(encoding="utf-8")) for p in sorted(FIXTURES.glob("[0-9]*.txt"))]
    return [seeds[i % len(seeds)] for i in range(count)]


def raw_text(data: bytes) -> int:
    pdf = pdfium.PdfDocument(data)
    try:
        pages = len(pdf)
        for index in range(pages):
            page = pdf[index]
            textpage = page.get_textpage()
            textpage.get_text_range()
            textpage.close()
            page.close()
        return pages
    finally:
        pdf.close()


def timed(label: str, func, pdfs: list[bytes]) -> tuple[float, int, float]:
    tracemalloc.start()
    pages = 0
    started = time.perf_counter()
    for data in pdfs:
        pages += func(data)
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        f"{label:<22} {len(pdfs) / elapsed:8.1f} docs/s {pages / elapsed:8.1f} pages/s "
        f"peak {peak / 1e6:6.1f} MB (Python heap)"
    )
    return elapsed, pages, peak


def full(data: bytes) -> int:
    result = extract_bytes(data, name="batch.pdf", max_bytes=50_000_000)
    return int(result["source"]["pages"] or 1)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=200)
    args = parser.parse_args(argv)
    pdfs = batch(args.documents)
    print(
        f"{len(pdfs)} PDFs from {len(list(FIXTURES.glob('[0-9]*.txt')))} seed documents, "
        f"{statistics.mean(len(p) for p in pdfs) / 1000:.0f} kB each on average"
    )
    raw_time, _, _ = timed("raw text (pypdfium2)", raw_text, pdfs)
    full_time, _, _ = timed("full extraction", full, pdfs)
    print(f"ratio full/raw: {full_time / raw_time:.2f}x the time of plain text extraction")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
