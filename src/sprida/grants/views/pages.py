"""Read-only grant pages: overview, region, application, decision, portfolio, deadlines."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from sprida.core.access import actor_for, can_change, may_create
from sprida.core.collation import Swedish
from sprida.core.formats import KnownSum, sum_sek
from sprida.core.models import Organisation
from sprida.grants import charts, page_tables, rules, selectors
from sprida.grants.models import ApplicationStatus, DeadlineKind, Decision, Outcome, ProgrammeBudget
from sprida.grants.services import may_apply_for
from sprida.grants.tables import respond_with_export


def _filters(request: HttpRequest) -> selectors.ApplicationFilters:
    year = request.GET.get("year", "")
    return selectors.ApplicationFilters(
        region=request.GET.get("region", ""),
        status=request.GET.get("status", "")
        if request.GET.get("status", "") in ApplicationStatus.values
        else "",
        year=int(year) if year.isdigit() else None,
        category=request.GET.get("category", ""),
        demo=request.GET.get("demo", "") if request.GET.get("demo") in {"real", "demo"} else "",
    )


def _filter_context(filters: selectors.ApplicationFilters) -> dict[str, object]:
    return {
        "filters": filters,
        "filter_regions": selectors.regions_for_filters(),
        "filter_categories": selectors.categories_list(),
        "filter_statuses": ApplicationStatus.choices,
        "filter_years": range(2025, 2031),
    }


@login_required
def overview(request: HttpRequest) -> HttpResponse:
    """Applications the user may see, with filters; the way into regions and the portfolio."""
    actor = actor_for(request.user)
    filters = _filters(request)
    applications = selectors.applications_for_user(user=request.user, filters=filters)
    table = page_tables.applications_table(applications).bind(request)
    if export := respond_with_export(request, [table]):
        return export
    own = Organisation.objects.filter(pk__in=actor.orgs()).order_by(Swedish("name"))
    context = {
        "table": table,
        "own_organisations": own,
        "creatable": [org for org in own if may_apply_for(request.user, org)],
        "programme": selectors.programme_default(),
        "national": actor.is_national or actor.site_admin,
        **_filter_context(filters),
    }
    return render(request, "grants/overview.html", context)


def _known_part(total: int | KnownSum | None) -> int | None:
    if isinstance(total, KnownSum):
        return total.known_sek or None
    return total


@login_required
def region(request: HttpRequest, slug: str) -> HttpResponse:
    """The region's view: applied against granted per measure, conditions, payouts, deadlines."""
    organisation = get_object_or_404(Organisation, slug=slug)  # organisations are public
    year = request.GET.get("year", "")
    overview = selectors.region_overview(
        user=request.user, region=organisation, year=int(year) if year.isdigit() else None
    )
    measures = page_tables.measures_table(
        overview.measures, with_application=len(overview.applications) > 1
    ).bind(request)
    conditions = page_tables.conditions_table(overview.conditions).bind(request)
    payouts = page_tables.payouts_table(overview.payouts).bind(request)
    deadlines = page_tables.deadlines_table(overview.deadlines).bind(request)
    applications = page_tables.applications_table(overview.applications).bind(request)
    tables = [applications, measures, conditions, payouts, deadlines]
    if export := respond_with_export(request, tables):
        return export
    applied: dict[str, list[int | None]] = {}
    granted: dict[str, int] = {}
    for m in overview.measures:
        line = getattr(m, "outcome", None)
        name = m.category.name if m.category else _("Utan kategori")
        applied.setdefault(name, []).append(m.applied_sek)
        granted[name] = granted.get(name, 0) + (line.granted_sek if line else 0)
    # Unknown is not zero: a category's applied sum says when parts are missing, and the chart
    # draws the known part (no bar where nothing is known).
    applied_sums = {name: sum_sek(values) for name, values in applied.items()}
    chart = charts.bar_chart(
        label=_("Sökt och beviljat per kategori för %(region)s") % {"region": organisation.name},
        categories=list(applied_sums),
        series=[
            charts.Series(_("Sökt"), [_known_part(v) for v in applied_sums.values()]),
            charts.Series(_("Beviljat"), list(granted.values())),
        ],
    )
    context = {
        "region": organisation,
        "overview": overview,
        "applications": applications,
        "measures": measures,
        "conditions": conditions,
        "payouts": payouts,
        "deadlines": deadlines,
        "chart": chart,
        "chart_rows": [(name, applied_sums[name], granted[name]) for name in applied_sums],
        "applied_unknown": sum(1 for m in overview.measures if m.applied_sek is None),
        "year": year,
        "double_funding": [m for m in overview.measures if m.other_state_funding],
    }
    return render(request, "grants/region.html", context)


@login_required
def deadlines(request: HttpRequest, slug: str | None = None) -> HttpResponse:
    """Deadlines for one region, or all the user may see (the national list)."""
    organisation = get_object_or_404(Organisation, slug=slug) if slug else None
    include_done = request.GET.get("klara") == "1"
    qs = selectors.deadlines_for_user(
        user=request.user, region=organisation, include_done=include_done
    )
    kind = request.GET.get("kind", "")
    if kind in DeadlineKind.values:
        qs = qs.filter(kind=kind)
    table = page_tables.deadlines_table(qs).bind(request)
    if export := respond_with_export(request, [table]):
        return export
    today = selectors.today()
    return render(
        request,
        "grants/deadlines.html",
        {
            "region": organisation,
            "table": table,
            "overdue": sum(1 for d in qs if d.done_on is None and d.due_on < today),
            "soon": sum(1 for d in qs if d.done_on is None and 0 <= (d.due_on - today).days <= 30),
            "kinds": DeadlineKind.choices,
            "kind": kind,
            "include_done": include_done,
            "today": today,
        },
    )


@login_required
def application(request: HttpRequest, pk: int) -> HttpResponse:
    app = selectors.application_detail_for_user(user=request.user, pk=pk)
    if app is None:
        raise Http404
    measures = list(selectors.measures_for_application(user=request.user, application=app))
    table = page_tables.measures_table(measures, with_application=False).bind(request)
    if export := respond_with_export(request, [table]):
        return export
    warnings = [
        *rules.check_measures_match_application(
            application_applied_sek=app.applied_sek,
            measure_applied=[m.applied_sek for m in measures],
        ),
    ]
    for m in measures:
        warnings += rules.check_double_funding(
            other_state_funding=m.other_state_funding, label=m.title
        )
    decision = getattr(app, "decision", None)
    context = {
        "application": app,
        "measures": measures,
        "table": table,
        "warnings": warnings,
        "decision": decision,
        "may_change": can_change(request.user, app),
        "may_decide": decision is None
        and app.status == ApplicationStatus.SUBMITTED
        and may_create(request.user, Decision, app.applicant_id),
    }
    return render(request, "grants/application.html", context)


def decision(request: HttpRequest, pk: int) -> HttpResponse:
    """Decisions are public documents once published, so this page needs no login."""
    found = selectors.decision_detail_for_user(user=request.user, pk=pk)
    if found is None:
        raise Http404
    lines = list(found.lines.all())
    measures = [line.measure for line in lines]
    for line in lines:
        line.measure.outcome = line  # already joined; spares a query per row
        line.measure.application = found.application
    measures_table = page_tables.measures_table(measures, with_application=False).bind(request)
    payouts = list(found.payouts.all())
    for p in payouts:
        p.decision = found
    payouts_table = page_tables.payouts_table(payouts).bind(request)
    conditions_table = page_tables.conditions_table(found.conditions.all()).bind(request)
    tables = [measures_table, payouts_table, conditions_table]
    if export := respond_with_export(request, tables):
        return export
    findings = rules.decision_findings(
        outcome=found.outcome,
        applied_sek=found.applied_sek,
        granted_sek=found.granted_sek,
        rejected_sek=found.rejected_sek,
        lines=[
            rules.LineFigures(
                label=line.measure.title,
                outcome=line.outcome,
                applied_sek=line.measure.applied_sek,
                granted_sek=line.granted_sek,
                rejected_sek=line.rejected_sek,
                share_percent=line.share_percent,
            )
            for line in lines
        ],
        payouts=[(p.year, p.amount_sek) for p in payouts],
    )
    deadline_list = sorted(found.deadlines.all(), key=lambda d: d.due_on)
    context = {
        "decision": found,
        "application": found.application,
        "lines": lines,
        "measures_table": measures_table,
        "payouts_table": payouts_table,
        "conditions_table": conditions_table,
        "deadlines": deadline_list,
        "findings": findings,
        "may_change": request.user.is_authenticated and can_change(request.user, found),
        "outcomes": Outcome,
    }
    return render(request, "grants/decision.html", context)


@login_required
def portfolio(request: HttpRequest) -> HttpResponse:
    """The national portfolio: per region, per category, and budget use per year."""
    filters = _filters(request)
    summary = selectors.portfolio_summary(user=request.user, filters=filters)
    regions = page_tables.portfolio_regions_table(summary.regions).bind(request)
    categories = page_tables.portfolio_categories_table(summary.categories).bind(request)
    budget = page_tables.budget_table(summary.years).bind(request)
    if export := respond_with_export(request, [regions, categories, budget]):
        return export
    shown = [r for r in summary.regions if r.applications]
    region_chart = charts.bar_chart(
        label=_("Sökt, beviljat och avslaget per sökande"),
        categories=[r.organisation.name for r in shown],
        series=[
            charts.Series(_("Sökt"), [r.applied_sek for r in shown]),
            charts.Series(_("Beviljat"), [r.granted_sek for r in shown]),
            charts.Series(_("Avslaget"), [r.rejected_sek for r in shown]),
        ],
    )
    category_chart = charts.bar_chart(
        label=_("Beviljat per kategori"),
        categories=[c.name for c in summary.categories],
        series=[
            charts.Series(_("Sökt"), [_known_part(c.applied_total) for c in summary.categories]),
            charts.Series(_("Beviljat"), [c.granted_sek for c in summary.categories]),
        ],
    )
    budget_chart = charts.budget_chart(
        label=_("Utbetalt och planerat per år mot programmets budget"),
        years=[y.year for y in summary.years],
        paid=[y.paid_sek for y in summary.years],
        planned=[y.planned_sek for y in summary.years],
        budgets=[
            (b.source, [y.budgets[i][1] for y in summary.years])
            for i, b in enumerate(summary.budgets)
        ],
        paid_name=_("Utbetalt"),
        planned_name=_("Planerat"),
    )
    context = {
        "summary": summary,
        "regions": regions,
        "categories": categories,
        "budget": budget,
        "region_chart": region_chart,
        "category_chart": category_chart,
        "applied_unknown": sum(c.applied_missing for c in summary.categories),
        "budget_chart": budget_chart,
        "over": [y for y in summary.years if y.over],
        **_filter_context(filters),
    }
    return render(request, "grants/portfolio.html", context)


@login_required
def programme(request: HttpRequest, slug: str) -> HttpResponse:
    """The programme and every stated budget figure, side by side with its source."""
    found = get_object_or_404(selectors.programmes_list(), slug=slug)  # public reference data
    budgets = selectors.budgets_for_programme(programme=found)
    years = sorted({y for b in budgets for y in range(b.first_year, b.last_year + 1)})
    grid = [
        (year, [b.amount_sek_per_year if b.covers(year) else None for b in budgets])
        for year in years
    ]
    disagree = [year for year, amounts in grid if len({a for a in amounts if a is not None}) > 1]
    return render(
        request,
        "grants/programme.html",
        {
            "programme": found,
            "budgets": budgets,
            "grid": grid,
            "disagree": disagree,
            "may_change": may_create(request.user, ProgrammeBudget, None),
        },
    )
