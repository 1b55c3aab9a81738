"""Catalogue, solution pages, adoption, similar measures, partners, groups and seminars."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sprida.core.access import can_change, get_for_user, may_create
from sprida.core.collation import Swedish
from sprida.core.conflicts import record_conflict
from sprida.core.models import Organisation
from sprida.core.selectors import organisations_acted_for
from sprida.core.versioning import StaleEditError
from sprida.grants.models import Measure, MeasureCategory
from sprida.spreading import exports, selectors, services
from sprida.spreading.forms import (
    AdoptionForm,
    CatalogueFilterForm,
    CollaborationForm,
    LinkMeasureForm,
    MaturityForm,
    SolutionForm,
)
from sprida.spreading.maturity import evidence_for
from sprida.spreading.models import MATURITY_ORDER, CollaborationGroup, Maturity, Solution


def _acting_orgs(request: HttpRequest, *, regions_only: bool = False) -> list[Organisation]:
    """The organisations the user may act for: their own as editor, all for the coordinator."""
    return list(
        organisations_acted_for(user=request.user, model=Solution, regions_only=regions_only)
    )


def _errors(error: ValidationError) -> str:
    return " ".join(error.messages)


def catalogue(request: HttpRequest) -> HttpResponse:
    form = CatalogueFilterForm(request.GET or None, user=request.user)
    filters: dict[str, Any] = {}
    if form.is_valid():
        data = form.cleaned_data
        filters = {
            "maturity": data["maturity"],
            "solution_type": data["solution_type"],
            "category": data["category"].slug if data["category"] else "",
        }
    solutions = list(selectors.solutions_for_user(user=request.user, **filters))
    counts = selectors.maturity_counts(solutions)
    ladder = [{"level": level, "label": level.label, "count": counts[level]} for level in Maturity]
    context = {
        "form": form,
        "solutions": solutions,
        "ladder": ladder,
        "can_create": bool(_acting_orgs(request)),
    }
    return render(request, "spreading/catalogue.html", context)


def solution_detail(request: HttpRequest, slug: str) -> HttpResponse:
    solution = get_for_user(
        Solution.objects.select_related("owner", "category").prefetch_related(
            "contacts", "resources"
        ),
        request.user,
        slug=slug,
    )
    rows = selectors.adoption_matrix(user=request.user, solution=solution)
    evidence = evidence_for(solution, user=request.user)
    steps = []
    for level in MATURITY_ORDER:
        steps.append(
            {
                "level": level,
                "label": level.label,
                "reached": solution.maturity_rank >= MATURITY_ORDER.index(level),
                "current": solution.maturity == level,
                "requirements": evidence.for_level(level),
            }
        )
    adopt_regions = (
        _acting_orgs(request, regions_only=True) if request.user.is_authenticated else []
    )
    changeable = can_change(request.user, solution)
    context = {
        "solution": solution,
        "steps": steps,
        "evidence": evidence,
        "rows": rows,
        "map": selectors.adoption_map(rows),
        "measures": selectors.solution_measures(user=request.user, solution=solution),
        "log": selectors.maturity_log(user=request.user, solution=solution),
        "can_change": changeable,
        # Forms that share the page take their own id prefixes, so no two fields share an id.
        "maturity_form": MaturityForm(
            initial={"to": evidence.highest_supported}, auto_id="id_maturity_%s"
        ),
        "adoption_form": AdoptionForm(
            regions=adopt_regions, user=request.user, auto_id="id_adoption_%s"
        )
        if adopt_regions
        else None,
        "link_form": LinkMeasureForm(auto_id="id_link_%s")
        if request.user.is_authenticated
        else None,
    }
    return render(request, "spreading/solution.html", context)


def solution_export(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    solution = get_for_user(
        Solution.objects.select_related("owner", "category").prefetch_related(
            "contacts", "resources"
        ),
        request.user,
        slug=slug,
    )
    document = exports.solution_document(
        solution=solution,
        url=request.build_absolute_uri(solution.get_absolute_url()),
        adoption=selectors.adoption_matrix(user=request.user, solution=solution),
        measures=selectors.solution_measures(user=request.user, solution=solution),
    )
    if fmt == "yaml":
        response = HttpResponse(
            exports.as_yaml(document), content_type="application/yaml; charset=utf-8"
        )
    else:
        response = HttpResponse(
            exports.as_json(document), content_type="application/json; charset=utf-8"
        )
    response["Content-Disposition"] = f'attachment; filename="{solution.slug}.{fmt}"'
    return response


@login_required
def solution_edit(request: HttpRequest, slug: str | None = None) -> HttpResponse:
    solution = None
    if slug is not None:
        solution = get_for_user(Solution.objects.all(), request.user, "change", slug=slug)
    owners = _acting_orgs(request)
    if not owners and solution is None:
        raise PermissionDenied
    form = SolutionForm(request.POST or None, instance=solution, owners=owners, user=request.user)
    conflict = None
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k not in {"owner", "published"}}
        try:
            if solution is None:
                solution = services.solution_create(
                    by=request.user,
                    owner=form.cleaned_data["owner"],
                    published=form.cleaned_data["published"],
                    **data,
                )
                messages.success(request, _("Lösningen är sparad."))
            else:
                solution = services.solution_update(
                    by=request.user,
                    solution=solution,
                    published=form.cleaned_data["published"],
                    expected_version=form.loaded_version,
                    **data,
                )
                messages.success(request, _("Ändringarna är sparade."))
            return redirect(solution)
        except StaleEditError as error:
            conflict = record_conflict(error, form)
        except ValidationError as error:
            form.add_error(None, error)
    context = {"form": form, "solution": solution, "conflict": conflict}
    return render(request, "spreading/solution_form.html", context, status=409 if conflict else 200)


@login_required
@require_POST
def solution_maturity(request: HttpRequest, slug: str) -> HttpResponse:
    solution = get_for_user(Solution.objects.all(), request.user, "change", slug=slug)
    form = MaturityForm(request.POST)
    if form.is_valid():
        try:
            services.solution_set_maturity(
                by=request.user,
                solution=solution,
                to=form.cleaned_data["to"],
                note=form.cleaned_data["note"],
            )
            messages.success(
                request,
                _("Mognadsgraden är nu %(level)s.") % {"level": solution.get_maturity_display()},
            )
        except ValidationError as error:
            messages.error(request, _errors(error))
    else:
        messages.error(request, _("Välj en mognadsgrad."))
    return redirect(solution)


@login_required
@require_POST
def adoption_record(request: HttpRequest, slug: str) -> HttpResponse:
    solution = get_for_user(Solution.objects.all(), request.user, slug=slug)
    regions = _acting_orgs(request, regions_only=True)
    form = AdoptionForm(request.POST, regions=regions, user=request.user)
    if not regions:
        raise PermissionDenied
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.adoption_record(by=request.user, solution=solution, **data)
            messages.success(
                request,
                _("Införandet i %(region)s är sparat.") % {"region": data["region"].name},
            )
        except ValidationError as error:
            messages.error(request, _errors(error))
    else:
        problems = "; ".join(
            f"{form.fields[name].label}: {' '.join(str(e) for e in errs)}"
            if name in form.fields
            else " ".join(str(e) for e in errs)
            for name, errs in form.errors.items()
        )
        messages.error(
            request, _("Införandet sparades inte. %(problems)s") % {"problems": problems}
        )
    return redirect(solution)


@login_required
@require_POST
def solution_link_measure(request: HttpRequest, slug: str) -> HttpResponse:
    solution = get_for_user(Solution.objects.all(), request.user, slug=slug)
    form = LinkMeasureForm(request.POST)
    if form.is_valid():
        measure = get_for_user(
            Measure.objects.select_related("application"),
            request.user,
            pk=form.cleaned_data["measure"],
        )
        services.solution_link_measure(
            by=request.user, solution=solution, measure=measure, role=form.cleaned_data["role"]
        )
        messages.success(request, _("Åtgärden är kopplad till lösningen."))
    else:
        messages.error(request, _("Ange åtgärdens nummer och roll."))
    return redirect(solution)


def measure_similar(request: HttpRequest, pk: int) -> HttpResponse:
    measure = get_for_user(
        Measure.objects.select_related("application__applicant", "category", "outcome"),
        request.user,
        pk=pk,
    )
    similar = selectors.similar_measures(user=request.user, measure=measure, k=5)
    solutions = selectors.solutions_for_user(user=request.user).filter(
        measure_links__measure=measure
    )
    context = {"measure": measure, "similar": similar, "solutions": list(solutions)}
    return render(request, "spreading/measure.html", context)


def partners(request: HttpRequest, category: str | None = None) -> HttpResponse:
    categories = list(MeasureCategory.objects.order_by("order", Swedish("name")))
    chosen = None
    rows: list[selectors.PartnerRow] = []
    if category:
        chosen = next((c for c in categories if c.slug == category), None)
        if chosen is None:
            raise Http404
        rows = selectors.partners_for_category(user=request.user, category=chosen)
    owners = _acting_orgs(request) if request.user.is_authenticated else []
    context = {
        "categories": categories,
        "category": chosen,
        "rows": rows,
        "group_form": CollaborationForm(owners=owners, user=request.user)
        if owners and chosen
        else None,
    }
    return render(request, "spreading/partners.html", context)


def groups(request: HttpRequest) -> HttpResponse:
    items = selectors.groups_for_user(user=request.user)
    return render(request, "spreading/groups.html", {"groups": items})


@login_required
@require_POST
def group_create(request: HttpRequest, category: str) -> HttpResponse:
    chosen = MeasureCategory.objects.filter(slug=category).first()
    if chosen is None:
        raise Http404
    owners = _acting_orgs(request)
    if not owners:
        raise PermissionDenied
    form = CollaborationForm(request.POST, owners=owners, user=request.user)
    if not form.is_valid():
        messages.error(request, _("Gruppen skapades inte: ange namn och sammankallande."))
        return redirect("spreading:partners_category", category=category)
    data = form.cleaned_data
    measures = list(
        selectors.visible_measures(user=request.user).filter(
            category=chosen, application__applicant__in=[data["owner"], *data["members"]]
        )
    )
    if not may_create(request.user, CollaborationGroup, data["owner"].pk):
        raise PermissionDenied
    services.collaboration_create(
        by=request.user,
        owner=data["owner"],
        title=data["title"],
        description=data["description"],
        category=chosen,
        measures=measures,
        members=list(data["members"]),
        published=data["published"],
        joined_on=timezone.localdate(),
    )
    messages.success(request, _("Samverkansgruppen är skapad."))
    return redirect("spreading:groups")


def seminars(request: HttpRequest) -> HttpResponse:
    items = list(selectors.seminars_for_user(user=request.user))
    visible = set(
        selectors.visible_measures(user=request.user)
        .filter(presentations__seminar__in=items)
        .values_list("pk", flat=True)
    )
    today = timezone.localdate()
    context = {
        "upcoming": [s for s in items if s.held_on >= today][::-1],
        "past": [s for s in items if s.held_on < today],
        "visible_measures": visible,
    }
    return render(request, "spreading/seminars.html", context)
