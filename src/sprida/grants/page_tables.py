"""The tables the grant pages show (and export), built from selector results."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from sprida.core.formats import known_sum, sum_sek
from sprida.grants import rules
from sprida.grants.deadlines import state_of
from sprida.grants.models import Application, Condition, Deadline, Measure, Payout
from sprida.grants.selectors import BudgetYear, CategoryRow, RegionRow
from sprida.grants.tables import Column, Table


def _decided(measure: Measure) -> bool:
    return getattr(measure, "outcome", None) is not None


def _demo(is_demo: bool) -> str:
    return _("demodata") if is_demo else ""


def applications_table(applications: Iterable[Application], *, name: str = "ansokningar") -> Table:
    rows = []
    for a in applications:
        decision = getattr(a, "decision", None)
        rows.append(
            {
                "title": a.title,
                "url": reverse("grants:application", args=[a.pk]),
                "applicant": a.applicant.name,
                "joint": a.joint,
                "status": a.get_status_display(),
                "submitted_on": a.submitted_on,
                "measures": getattr(a, "measure_count", None),
                "applied": getattr(a, "applied_total", a.applied_sek),
                "granted": decision.granted_sek if decision else None,
                "rejected": decision.rejected_sek if decision else None,
                "demo": _demo(a.is_demo),
                "_css_demo": "demo-flag",
            }
        )
    return Table(
        name=name,
        caption=_l("Ansökningar"),
        columns=[
            Column("title", _l("Ansökan")),
            Column("applicant", _l("Sökande")),
            Column("joint", _l("Regiongemensam"), "bool"),
            Column("status", _l("Status")),
            Column("submitted_on", _l("Inlämnad"), "date"),
            Column("measures", _l("Åtgärder"), "int"),
            Column("applied", _l("Sökt"), "sek"),
            Column("granted", _l("Beviljat"), "sek"),
            Column("rejected", _l("Avslaget"), "sek"),
            Column("demo", _l("Demodata")),
        ],
        rows=rows,
        links={"title": "url"},
        empty=_l("Inga ansökningar matchar urvalet."),
    )


def measures_table(
    measures: Sequence[Measure], *, name: str = "atgarder", with_application: bool = True
) -> Table:
    rows = []
    urls: dict[int, str] = {}
    for m in measures:
        line = getattr(m, "outcome", None)
        if m.application_id not in urls:
            urls[m.application_id] = reverse("grants:application", args=[m.application_id])
        rows.append(
            {
                "application": m.application.title,
                "application_url": urls[m.application_id],
                "title": m.title,
                "category": m.category.name if m.category else "",
                "applied": m.applied_sek,
                "granted": line.granted_sek if line else None,
                "rejected": line.rejected_sek if line else None,
                "share": (line.share_percent or rules.share_of(m.applied_sek, line.granted_sek))
                if line
                else None,
                "outcome": line.get_outcome_display() if line else _("Ej beslutad"),
                "_css_outcome": {
                    "granted": "badge ok",
                    "partially_granted": "badge warn",
                    "rejected": "badge bad",
                }.get(line.outcome if line else "", ""),
                "scope": m.scope_notes,
                "other_state_funding": m.other_state_funding,
                "_css_other_state_funding": "soon" if m.other_state_funding else "",
                "demo": _demo(m.application.is_demo),
                "_css_demo": "demo-flag",
            }
        )
    columns = [
        *([Column("application", _l("Ansökan"))] if with_application else []),
        Column("title", _l("Åtgärd")),
        Column("category", _l("Kategori")),
        Column("applied", _l("Sökt"), "sek"),
        Column("granted", _l("Beviljat"), "sek"),
        Column("rejected", _l("Avslaget"), "sek"),
        Column("share", _l("Andel beviljad"), "percent"),
        Column("outcome", _l("Utfall")),
        Column("other_state_funding", _l("Annan statlig finansiering"), "bool"),
        Column("demo", _l("Demodata")),
    ]
    return Table(
        name=name,
        caption=_l("Åtgärder: sökt och beviljat"),
        columns=columns,
        rows=rows,
        footer={
            columns[0].key: _("Totalt"),
            # Unknown is not zero: a sum with unknown parts says how many it lacks.
            "applied": sum_sek(m.applied_sek for m in measures),
            "granted": sum(r["granted"] or 0 for r in rows),
            "rejected": sum_sek(m.outcome.rejected_sek for m in measures if _decided(m)),
        }
        if rows
        else None,
        links={"application": "application_url"},
        empty=_l("Inga åtgärder ännu."),
    )


def conditions_table(conditions: Iterable[Condition], *, name: str = "villkor") -> Table:
    rows = [
        {
            "text": c.text,
            "measure": c.line.measure.title if c.line else _("Hela beslutet"),
            "due_on": c.due_on,
            "fulfilled": c.fulfilled,
            "_css_fulfilled": "badge ok" if c.fulfilled else "badge warn",
            "fulfilled_on": c.fulfilled_on,
            "decision_url": reverse("grants:decision", args=[c.decision_id]),
        }
        for c in conditions
    ]
    return Table(
        name=name,
        caption=_l("Villkor"),
        columns=[
            Column("text", _l("Villkor")),
            Column("measure", _l("Gäller")),
            Column("due_on", _l("Senast"), "date"),
            Column("fulfilled", _l("Uppfyllt"), "bool"),
            Column("fulfilled_on", _l("Uppfyllt den"), "date"),
        ],
        rows=rows,
        links={"text": "decision_url"},
        empty=_l("Inga villkor."),
    )


def payouts_table(payouts: Sequence[Payout], *, name: str = "utbetalningar") -> Table:
    rows = [
        {
            "year": p.year,
            "application": p.decision.label,
            "decision_url": reverse("grants:decision", args=[p.decision_id]),
            "amount": p.amount_sek,
            "status": p.get_status_display(),
            "_css_status": "badge ok" if p.status == "paid" else "badge info",
            "paid_on": p.paid_on,
        }
        for p in payouts
    ]
    return Table(
        name=name,
        caption=_l("Utbetalningar per år"),
        columns=[
            Column("year", _l("År")),
            Column("application", _l("Beslut")),
            Column("amount", _l("Belopp"), "sek"),
            Column("status", _l("Status")),
            Column("paid_on", _l("Utbetald den"), "date"),
        ],
        rows=rows,
        footer={"year": _("Totalt"), "amount": sum(p.amount_sek for p in payouts)}
        if rows
        else None,
        links={"application": "decision_url"},
        empty=_l("Inga utbetalningar planerade."),
    )


def deadlines_table(deadlines: Iterable[Deadline], *, name: str = "tidsfrister") -> Table:
    today = timezone.localdate()
    rows = []
    for d in deadlines:
        days = (d.due_on - today).days
        state = state_of(d, today)
        application = d.decision.application
        rows.append(
            {
                "due_on": d.due_on,
                "kind": str(d) if d.title else d.get_kind_display(),
                "region": application.applicant.name,
                "application": d.decision.short_label,
                "decision_url": reverse("grants:decision", args=[d.decision_id]),
                "days_left": days,
                "_css_days_left": "" if state.done else state.css,
                "state": state.label[:1].upper() + state.label[1:]
                if state.done
                else _("Försenad")
                if state.overdue
                else _("Kommande"),
                "demo": _demo(application.is_demo),
                "_css_demo": "demo-flag",
            }
        )
    return Table(
        name=name,
        caption=_l("Tidsfrister"),
        columns=[
            Column("due_on", _l("Senast"), "date"),
            Column("kind", _l("Vad")),
            Column("region", _l("Region")),
            Column("application", _l("Beslut")),
            Column("days_left", _l("Dagar kvar"), "int"),
            Column("state", _l("Läge")),
            Column("demo", _l("Demodata")),
        ],
        rows=rows,
        links={"application": "decision_url"},
        empty=_l("Inga tidsfrister."),
    )


def portfolio_regions_table(regions: Sequence[RegionRow], *, name: str = "regioner") -> Table:
    rows = [
        {
            "region": r.organisation.name,
            "region_url": reverse("grants:region", args=[r.organisation.slug]),
            "applications": r.applications,
            "decided": r.decided,
            "applied": r.applied_sek,
            "granted": r.granted_sek,
            "rejected": r.rejected_sek,
            "share": r.share_percent,
            "demo": _demo(r.is_demo),
            "_css_demo": "demo-flag",
        }
        for r in regions
    ]
    return Table(
        name=name,
        caption=_l("Per region: sökt, beviljat och avslaget"),
        columns=[
            Column("region", _l("Sökande")),
            Column("applications", _l("Ansökningar"), "int"),
            Column("decided", _l("Beslutade"), "int"),
            Column("applied", _l("Sökt"), "sek"),
            Column("granted", _l("Beviljat"), "sek"),
            Column("rejected", _l("Avslaget"), "sek"),
            Column("share", _l("Andel beviljad"), "percent"),
            Column("demo", _l("Demodata")),
        ],
        rows=rows,
        footer={
            "region": _("Totalt"),
            "applications": sum(r.applications for r in regions),
            "decided": sum(r.decided for r in regions),
            "applied": sum(r.applied_sek for r in regions),
            "granted": sum(r.granted_sek for r in regions),
            "rejected": sum(r.rejected_sek for r in regions),
        },
        links={"region": "region_url"},
    )


def portfolio_categories_table(
    categories: Sequence[CategoryRow], *, name: str = "kategorier"
) -> Table:
    rows = [
        {
            "category": c.name,
            "measures": c.measures,
            "applied": c.applied_total,
            "granted": c.granted_sek,
            "rejected": c.rejected_sek,
        }
        for c in categories
    ]
    return Table(
        name=name,
        caption=_l("Beviljat per kategori"),
        columns=[
            Column("category", _l("Kategori")),
            Column("measures", _l("Åtgärder"), "int"),
            Column("applied", _l("Sökt"), "sek"),
            Column("granted", _l("Beviljat"), "sek"),
            Column("rejected", _l("Avslaget (där känt)"), "sek"),
        ],
        rows=rows,
        footer={
            "category": _("Totalt"),
            "measures": sum(c.measures for c in categories),
            "applied": known_sum(
                sum(c.applied_sek for c in categories),
                sum(c.applied_missing for c in categories),
                sum(c.measures for c in categories),
            ),
            "granted": sum(c.granted_sek for c in categories),
            "rejected": sum(c.rejected_sek for c in categories),
        }
        if rows
        else None,
        empty=_l("Inga åtgärder i urvalet."),
    )


def _budget_groups(years: Sequence[BudgetYear]) -> list[tuple[str, list[int]]]:
    """The budget figures as columns: sources that state the same amount for every year share
    one column (so only disagreeing figures stand side by side), each with the indexes of its
    sources in `BudgetYear.budgets`."""
    budgets = years[0].budgets if years else []
    groups: dict[tuple[int | None, ...], list[int]] = {}
    for index in range(len(budgets)):
        amounts = tuple(year.budgets[index][1] for year in years)
        groups.setdefault(amounts, []).append(index)
    columns = []
    for indexes in groups.values():
        stated = [budgets[i][0] for i in indexes]
        sources = "; ".join(
            f"{b.source} ({b.source_date.isoformat() if b.source_date else '–'})" for b in stated
        )
        columns.append((_("Budget enligt %(sources)s") % {"sources": sources}, indexes))
    return columns


def budget_table(years: Sequence[BudgetYear], *, name: str = "budget") -> Table:
    columns = [
        Column("year", _l("År")),
        Column("paid", _l("Utbetalt"), "sek"),
        Column("planned", _l("Planerat"), "sek"),
        Column("committed", _l("Åtaget totalt"), "sek"),
    ]
    rows: list[dict[str, object]] = [
        {
            "year": year.year,
            "paid": year.paid_sek,
            "planned": year.planned_sek,
            "committed": year.committed_sek,
        }
        for year in years
    ]
    for group, (label, indexes) in enumerate(_budget_groups(years)):
        columns.append(Column(f"budget{group}", label, "sek"))
        exceeded = False
        for row, year in zip(rows, years, strict=True):
            amount = year.budgets[indexes[0]][1]
            over = year.committed_sek - amount if amount is not None else None
            row[f"budget{group}"] = amount
            row[f"over{group}"] = over if over and over > 0 else None
            row[f"_css_over{group}"] = "overdue" if over and over > 0 else ""
            exceeded = exceeded or bool(over and over > 0)
        if exceeded:  # a column of nothing but "–" only takes room from the amounts
            columns.append(Column(f"over{group}", _("Överskridet mot denna"), "sek"))
    return Table(
        name=name,
        caption=_l("Budgetutnyttjande per år mot programmets budget"),
        columns=columns,
        rows=rows,
        footer={
            "year": _("Totalt"),
            "paid": sum(y.paid_sek for y in years),
            "planned": sum(y.planned_sek for y in years),
            "committed": sum(y.committed_sek for y in years),
        }
        if rows
        else None,
        empty=_l("Ingen budget och inga utbetalningar ännu."),
    )
