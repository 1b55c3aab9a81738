"""Pages for the dossiers: list, version pages, editing, questionnaire, review, diff, exports."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sprida.core.access import Role, actor_for, can_change, get_for_user, may_create, restrict
from sprida.core.collation import Swedish
from sprida.core.conflicts import record_conflict
from sprida.core.models import NationalRole, Organisation
from sprida.core.selectors import organisation_by_national_role, organisations_acted_for
from sprida.core.versioning import StaleEditError
from sprida.enablement import aiact, selectors, services
from sprida.enablement.charts import risk_matrix_svg
from sprida.enablement.content import RISK_LEVELS, version_diff
from sprida.enablement.exports import dossier_docx, transparency_record
from sprida.enablement.forms import (
    ITEM_FORMS,
    AdoptForm,
    AIActForm,
    CheckForm,
    DossierForm,
    ReviewForm,
    SubmitForm,
    VersionForm,
)
from sprida.enablement.models import (
    AIActAssessment,
    Dossier,
    DossierAdoption,
    DossierVersion,
    Requirement,
    Review,
    SectionKind,
    VersionStatus,
)
from sprida.enablement.services.dossiers import review_standing
from sprida.enablement.views.common import report_error


def _dossier(request: HttpRequest, slug: str) -> Dossier:
    queryset = Dossier.objects.select_related("category", "owner", "current_version")
    return get_for_user(queryset, request.user, slug=slug)


def _version(request: HttpRequest, dossier: Dossier, number: int) -> DossierVersion:
    version = selectors.version_detail(user=request.user, dossier=dossier, number=number)
    if version is None:
        raise Http404
    return version


def _assessment(version: DossierVersion) -> AIActAssessment | None:
    return AIActAssessment.objects.filter(version=version).first()


def can_change_dossiers(user: Any) -> bool:
    coordinator = organisation_by_national_role(NationalRole.COORDINATOR)
    return may_create(user, Dossier, coordinator.pk if coordinator else None)


def dossiers(request: HttpRequest) -> HttpResponse:
    """The list: the public sees the published dossiers and their transparency records."""
    rows = list(selectors.dossiers_for(user=request.user))
    actor = actor_for(request.user)
    context = {
        "dossiers": rows,
        "figure": selectors.once_figure(),
        "is_coordinator": can_change_dossiers(request.user),
        "notices": selectors.adoption_notices(user=request.user) if actor.authenticated else [],
        "signed_in": actor.authenticated,
    }
    return render(request, "enablement/dossiers.html", context)


@login_required
def dossier_create(request: HttpRequest) -> HttpResponse:
    if not can_change_dossiers(request.user):
        raise PermissionDenied
    form = DossierForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            dossier = services.dossier_create(by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            report_error(request, exc)
        else:
            messages.success(request, _("Underlaget är skapat. Fyll i version 1."))
            return redirect("enablement:version_edit", slug=dossier.slug, number=1)
    return render(
        request,
        "enablement/form.html",
        {
            "form": form,
            "title": _("Nytt gemensamt underlag"),
            "back": reverse("enablement:dossiers"),
        },
    )


@login_required
def dossier_detail(request: HttpRequest, slug: str, number: int | None = None) -> HttpResponse:
    dossier = _dossier(request, slug)
    if number is None:
        number = selectors.default_version_number(user=request.user, dossier=dossier)
        if number is None:
            raise Http404
    version = _version(request, dossier, number)
    user = request.user
    actor = actor_for(user)
    versions = selectors.versions_for(user=user, dossier=dossier)
    risks = list(version.risks.all())
    benefits = list(version.benefits.all())
    checks_by_section: dict[str, list[Any]] = {kind: [] for kind in SectionKind.values}
    for check in version.checks.all():
        checks_by_section[check.requirement.section].append(check)
    my_adoptions = list(
        selectors.adoptions_for(user=user).filter(dossier=dossier, region_id__in=actor.orgs())
    )
    adopted_regions = {a.region_id for a in my_adoptions}
    adopt_regions = organisations_acted_for(
        user=user, model=DossierAdoption, regions_only=True
    ).exclude(pk__in=adopted_regions)
    reviewer_orgs = Organisation.objects.none()
    if version.status == VersionStatus.REVIEW:
        reviewer_orgs = Organisation.objects.filter(
            Q(pk__in=dossier.reviewers.values("pk")) | Q(pk=dossier.owner_id),
            pk__in=actor.orgs(Role.EDITOR),
        ).order_by(Swedish("name"))
    previous = next((v for v in versions if v.number < version.number), None)
    context = {
        "dossier": dossier,
        "version": version,
        "versions": versions,
        "previous": previous,
        "aiact": _assessment(version),
        "risks": risks,
        "risk_levels": RISK_LEVELS,
        "risk_svg": risk_matrix_svg(risks) if risks else "",
        "benefits": benefits,
        "benefit_total": sum(b.yearly_value_sek or 0 for b in benefits),
        "checks_by_section": checks_by_section,
        "sections": SectionKind.choices,
        "can_edit": version.status == VersionStatus.DRAFT and can_change(user, version),
        "is_coordinator": can_change(user, dossier),
        "reviews": list(version.reviews.all()),
        "standing": review_standing(version) if version.status == VersionStatus.REVIEW else {},
        "review_form": ReviewForm(organisations=reviewer_orgs, user=user)
        if reviewer_orgs
        else None,
        "submit_form": SubmitForm(initial={"reviewers": dossier.reviewers.all()}, user=user),
        "notices": [a for a in my_adoptions if a.is_outdated],
        "my_adoptions": my_adoptions,
        "adopt_form": AdoptForm(regions=adopt_regions, user=user) if adopt_regions else None,
        "adoptions": selectors.adoptions_for(user=user).filter(dossier=dossier),
        "solutions": restrict(dossier.solutions.all(), user).order_by(Swedish("title")),
    }
    return render(request, "enablement/dossier.html", context)


@login_required
def version_edit(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    dossier = _dossier(request, slug)
    version = _version(request, dossier, number)
    if version.status != VersionStatus.DRAFT:
        messages.error(request, _("Bara ett utkast kan ändras. Starta en ny version."))
        return redirect("enablement:version", slug=slug, number=number)
    if not can_change(request.user, version):
        raise PermissionDenied
    form = VersionForm(request.POST or None, instance=version)
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            services.version_update(
                by=request.user,
                version=version,
                expected_version=form.loaded_version,
                **form.cleaned_data,
            )
        except StaleEditError as error:
            conflict = record_conflict(error, form)
        except ValidationError as exc:
            report_error(request, exc)
        else:
            messages.success(request, _("Versionen är sparad."))
            return redirect("enablement:version_edit", slug=slug, number=number)
    context = {
        "dossier": dossier,
        "version": version,
        "form": form,
        "item_forms": {kind: cls(prefix=kind) for kind, cls in ITEM_FORMS.items()},
        "risk_levels": RISK_LEVELS,
        "conflict": conflict,
    }
    return render(request, "enablement/version_edit.html", context, status=409 if conflict else 200)


@login_required
@require_POST
def item_add(request: HttpRequest, slug: str, number: int, kind: str) -> HttpResponse:
    dossier = _dossier(request, slug)
    version = _version(request, dossier, number)
    if kind not in ITEM_FORMS:
        raise Http404
    form = ITEM_FORMS[kind](request.POST, prefix=kind)
    adders: dict[str, Any] = {
        "benefit": services.benefit_add,
        "risk": services.risk_add,
        "training": services.training_add,
    }
    add = adders[kind]
    if form.is_valid():
        try:
            add(by=request.user, version=version, **form.cleaned_data)
        except ValidationError as exc:
            report_error(request, exc)
        else:
            messages.success(request, _("Raden är tillagd."))
    else:
        for field, errors in form.errors.items():
            label = form.fields[field].label if field in form.fields else ""
            text = " ".join(str(error) for error in errors)
            messages.error(request, f"{label}: {text}" if label else text)
    return redirect(reverse("enablement:version_edit", args=[slug, number]) + f"#{kind}")


@login_required
@require_POST
def item_delete(request: HttpRequest, slug: str, number: int, kind: str, pk: int) -> HttpResponse:
    dossier = _dossier(request, slug)
    version = _version(request, dossier, number)
    if kind not in ITEM_FORMS:
        raise Http404
    try:
        services.item_delete(by=request.user, version=version, kind=kind, pk=pk)
    except ValidationError as exc:
        report_error(request, exc)
    else:
        messages.success(request, _("Raden är borttagen."))
    return redirect(reverse("enablement:version_edit", args=[slug, number]) + f"#{kind}")


@login_required
def aiact_edit(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    dossier = _dossier(request, slug)
    version = _version(request, dossier, number)
    if version.status != VersionStatus.DRAFT:
        messages.error(request, _("Bara ett utkast kan ändras. Starta en ny version."))
        return redirect("enablement:version", slug=slug, number=number)
    if not can_change(request.user, version):
        raise PermissionDenied
    existing = _assessment(version)
    initial = AIActForm.initial_from(
        aiact.Answers.from_dict(existing.answers) if existing else aiact.Answers()
    )
    form = AIActForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            assessment = services.aiact_assessment_save(
                by=request.user, version=version, answers=form.to_answers()
            )
        except ValidationError as exc:
            for message in exc.messages:
                form.add_error(None, message)
        else:
            messages.success(
                request,
                _("Klassningen är sparad: %(result)s.")
                % {"result": assessment.get_result_display()},
            )
            return redirect("enablement:version", slug=slug, number=number)
    return render(
        request,
        "enablement/form.html",
        {
            "form": form,
            "title": _("Klassning enligt AI-förordningen"),
            "lead": _(
                "Svaren och motiveringen sparas med versionen. Resultatet räknas fram ur svaren."
            ),
            "back": reverse("enablement:version", args=[slug, number]),
            "dossier": dossier,
        },
    )


@login_required
def checks_edit(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    dossier = _dossier(request, slug)
    version = _version(request, dossier, number)
    if not can_change(request.user, version):
        raise PermissionDenied
    existing = {check.requirement.urn: check for check in version.checks.all()}
    requirements = list(Requirement.objects.filter(is_current=True).order_by("area", "urn"))
    rows = []
    for req in requirements:
        check = existing.get(req.urn)
        initial = {"status": check.status, "note": check.note} if check else {}
        rows.append(
            (req, check, CheckForm(request.POST or None, prefix=f"r{req.pk}", initial=initial))
        )
    if request.method == "POST":
        try:
            for req, _check, form in rows:
                if form.is_valid() and form.cleaned_data["status"]:
                    services.requirement_check_set(
                        by=request.user, version=version, requirement=req, **form.cleaned_data
                    )
        except ValidationError as exc:
            report_error(request, exc)
        else:
            messages.success(request, _("Kravuppfyllelsen är sparad."))
            return redirect("enablement:version", slug=slug, number=number)
    return render(
        request, "enablement/checks.html", {"dossier": dossier, "version": version, "rows": rows}
    )


@login_required
@require_POST
def version_action(request: HttpRequest, slug: str, number: int, action: str) -> HttpResponse:
    dossier = _dossier(request, slug)
    version = _version(request, dossier, number)
    target = number
    try:
        if action == "submit":
            form = SubmitForm(request.POST, user=request.user)
            if not form.is_valid():
                raise ValidationError(_("Välj minst en region som ska granska versionen."))
            services.version_submit(
                by=request.user, version=version, reviewers=list(form.cleaned_data["reviewers"])
            )
            messages.success(request, _("Versionen är skickad på granskning."))
        elif action == "reopen":
            services.version_reopen(by=request.user, version=version)
            messages.success(request, _("Versionen är tillbaka som utkast."))
        elif action == "publish":
            services.version_publish(by=request.user, version=version)
            messages.success(request, _("Versionen är publicerad."))
        elif action == "new":
            target = services.version_new(
                by=request.user, dossier=dossier, change_summary=request.POST.get("summary", "")
            ).number
            messages.success(request, _("Version %(n)d är skapad som utkast.") % {"n": target})
            return redirect("enablement:version_edit", slug=slug, number=target)
        elif action == "review":
            orgs = organisations_acted_for(user=request.user, model=Review)
            review_form = ReviewForm(request.POST, organisations=orgs, user=request.user)
            if not review_form.is_valid():
                raise ValidationError(_("Välj organisation och ställningstagande."))
            services.review_record(by=request.user, version=version, **review_form.cleaned_data)
            messages.success(request, _("Granskningen är sparad."))
        else:
            raise Http404
    except ValidationError as exc:
        report_error(request, exc)
    return redirect("enablement:version", slug=slug, number=target)


@login_required
def diff(request: HttpRequest, slug: str) -> HttpResponse:
    dossier = _dossier(request, slug)
    versions = selectors.versions_for(user=request.user, dossier=dossier)
    if len(versions) < 2:
        messages.info(request, _("Det finns bara en version att visa."))
        return redirect("enablement:dossier", slug=slug)
    numbers = {v.number: v for v in versions}
    try:
        new_number = int(request.GET.get("to", versions[0].number))
        old_number = int(request.GET.get("from", versions[1].number))
    except ValueError:
        raise Http404 from None
    if old_number not in numbers or new_number not in numbers:
        raise Http404
    old = _version(request, dossier, old_number)
    new = _version(request, dossier, new_number)
    context = {
        "dossier": dossier,
        "old": old,
        "new": new,
        "versions": versions,
        "sections": version_diff(old, new),
    }
    return render(request, "enablement/diff.html", context)


@login_required
def version_docx(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    dossier = _dossier(request, slug)
    version = _version(request, dossier, number)
    response = HttpResponse(
        dossier_docx(version),
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    response["Content-Disposition"] = f'attachment; filename="{slug}-v{number}.docx"'
    return response


def _published(request: HttpRequest, slug: str) -> DossierVersion:
    """The current published version: public, also without signing in."""
    dossier = _dossier(request, slug)
    if dossier.current_version_id is None:
        raise Http404
    return _version(request, dossier, dossier.current_version.number)  # type: ignore[union-attr]


def transparency(request: HttpRequest, slug: str) -> HttpResponse:
    version = _published(request, slug)
    url = request.build_absolute_uri(reverse("enablement:transparency", args=[slug]))
    record = transparency_record(version, url=url)
    context = {
        "dossier": version.dossier,
        "version": version,
        "record": record,
        "aiact": _assessment(version),
        "risk_levels": RISK_LEVELS,
    }
    return render(request, "enablement/transparency.html", context)


def transparency_json(request: HttpRequest, slug: str) -> JsonResponse:
    version = _published(request, slug)
    url = request.build_absolute_uri(reverse("enablement:transparency", args=[slug]))
    return JsonResponse(
        transparency_record(version, url=url), json_dumps_params={"ensure_ascii": False}
    )


def requirements(request: HttpRequest) -> HttpResponse:
    rows = restrict(Requirement.objects.all(), request.user).order_by("area", "urn", "version")
    return render(request, "enablement/requirements.html", {"requirements": rows})


@login_required
@require_POST
def adopt(request: HttpRequest, slug: str) -> HttpResponse:
    dossier = _dossier(request, slug)
    regions = organisations_acted_for(user=request.user, model=DossierAdoption, regions_only=True)
    if not regions.exists():
        raise PermissionDenied(_("Bara regionens redaktörer antar underlaget för regionen."))
    form = AdoptForm(request.POST, regions=regions, user=request.user)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, str(error))
        return redirect("enablement:dossier", slug=slug)
    try:
        adoption = services.adoption_create(by=request.user, dossier=dossier, **form.cleaned_data)
    except ValidationError as exc:
        report_error(request, exc)
        return redirect("enablement:dossier", slug=slug)
    messages.success(request, _("%(region)s har antagit underlaget.") % {"region": adoption.region})
    return redirect("enablement:adoption", pk=adoption.pk)


def adoption_for(request: HttpRequest, pk: int, action: str = "view") -> DossierAdoption:
    queryset = DossierAdoption.objects.select_related(
        "dossier", "dossier__current_version", "region", "version"
    )
    return get_for_user(queryset, request.user, action, pk=pk)  # type: ignore[arg-type]
