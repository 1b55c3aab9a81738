"""The solution catalogue in search."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from sprida.search.registry import Builder, Doc, register
from sprida.spreading.models import Solution


def _solution(solution: Solution) -> Doc:
    return Doc(
        title=solution.title,
        body="\n".join(
            p
            for p in [
                solution.summary,
                solution.description,
                solution.needs_systems,
                solution.needs_staff,
                solution.needs_data,
            ]
            if p
        ),
        url=solution.get_absolute_url(),
        category=solution.category.slug if solution.category else "",
        date=solution.updated_at.date() if solution.updated_at else None,
        extra=[solution.owner.name, solution.get_maturity_display()],
    )


register(
    "solution",
    Builder(
        model=Solution,
        label=_("Lösningar"),
        document=_solution,
        queryset=lambda: Solution.objects.select_related("owner", "category"),
    ),
)
