"""Background work for intake, through django-tasks (immediate in demo and tests)."""

from __future__ import annotations

from django_tasks import task


@task()
def process_document(document_id: int) -> str:
    from sprida.intake.pipeline import run_pipeline

    return run_pipeline(document_id).status
