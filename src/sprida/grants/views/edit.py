"""Forms to create and change applications, measures, decisions, conditions and budgets.

Each view finds its object through core.access (404 if not visible, 403 if not changeable),
lets the form check the rules, and hands the write to a service in one transaction.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sprida.core.access import NationalRole, get_for_user, may_create
from sprida.core.collation import Swedish
from sprida.core.conflicts import Conflict, Part, conflict_for, record_conflict
from sprida.core.selectors import organisations_acted_for
from sprida.core.versioning import StaleEditError
from sprida.grants import forms, rules, selectors, services
from sprida.grants.models import (
    Application,
    Condition,
    Decision,
    Measure,
    Outcome,
    Programme,
    ProgrammeBudget,
)
from sprida.grants.services import DecisionData, LineData, PayoutData


def _errors_to(form: Any, error: ValidationError) -> None:
    for message in error.messages:
        form.add_error(None, message)


def _form_page(request: HttpRequest, title: str, form: Any, **context: Any) -> HttpResponse:
    status = 409 if context.get("conflict") else 200
    return render(
        request, "grants/form.html", {"title": title, "form": form, **context}, status=status
    )


@login_required
def application_create(request: HttpRequest) -> HttpResponse:
    mine = (
        organisations_acted_for(user=request.user, model=Application)
        .exclude(national_role=NationalRole.FUNDER)  # the funder decides, never applies
        .order_by("kind", Swedish("name"))
    )
    if not mine.exists():
        raise PermissionDenied(_("Du är inte redaktör i någon organisation som kan söka."))
    programme = selectors.programme_default()
    if programme is None:
        messages.error(request, _("Det finns inget bidragsprogram ännu. Be en administratör."))
        return redirect("grants:overview")
    initial = {
        "applicant": mine.filter(slug=request.GET.get("applicant", "")).first(),
        "joint": request.GET.get("joint") == "1",
    }
    form = forms.ApplicationCreateForm(
        request.POST or None, applicants=mine, initial=initial, user=request.user
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        fields = {name: data[name] for name in forms.ApplicationForm.Meta.fields if name != "title"}
        fields.pop("submitted_on", None)
        try:
            application = services.application_create(
                by=request.user,
                programme=programme,
                applicant=data["applicant"],
                title=data["title"],
                joint=data["joint"],
                participants=list(data["participants"]),
                submitted_on=data["submitted_on"],
                **fields,
            )
        except ValidationError as error:
            _errors_to(form, error)
        else:
            messages.success(request, _("Ansökan är sparad som utkast. Lägg till åtgärderna."))
            return redirect("grants:application", application.pk)
    return _form_page(request, _("Ny ansökan"), form)


@login_required
def application_edit(request: HttpRequest, pk: int) -> HttpResponse:
    application = get_for_user(Application.objects.all(), request.user, "change", pk=pk)
    form = forms.ApplicationForm(request.POST or None, instance=application)
    conflict = None
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in forms.ApplicationForm.Meta.fields}
        try:
            services.application_update(
                by=request.user,
                application=Application.objects.get(pk=pk),
                expected_version=form.loaded_version,
                **fields,
            )
        except StaleEditError as error:
            conflict = record_conflict(error, form)
        except ValidationError as error:
            _errors_to(form, error)
        else:
            messages.success(request, _("Ansökan är sparad."))
            return redirect("grants:application", pk)
    return _form_page(request, _("Ändra ansökan"), form, back=application, conflict=conflict)


@login_required
def application_submit(request: HttpRequest, pk: int) -> HttpResponse:
    application = get_for_user(Application.objects.all(), request.user, "change", pk=pk)
    form = forms.SubmitForm(request.POST or None, initial={"submitted_on": selectors.today()})
    if request.method == "POST" and form.is_valid():
        try:
            services.application_submit(
                by=request.user,
                application=application,
                submitted_on=form.cleaned_data["submitted_on"],
            )
        except ValidationError as error:
            _errors_to(form, error)
        else:
            messages.success(request, _("Ansökan är inlämnad."))
            return redirect("grants:application", pk)
    return _form_page(request, _("Lämna in ansökan"), form, back=application)


@login_required
@require_POST
def application_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    application = get_for_user(Application.objects.all(), request.user, "change", pk=pk)
    try:
        services.application_withdraw(by=request.user, application=application)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Ansökan är återkallad."))
    return redirect("grants:application", pk)


def _measure_save(
    request: HttpRequest, form: forms.MeasureForm, save: Any, back: Any
) -> HttpResponse | None:
    if request.method != "POST" or not form.is_valid():
        return None
    fields = {name: form.cleaned_data[name] for name in forms.MeasureForm.Meta.fields}
    try:
        measure = save(year_amounts=form.year_amounts(), **fields)
    except StaleEditError as error:
        return _measure_page(request, form, back, error)
    except ValidationError as error:
        _errors_to(form, error)
        return None
    for warning in rules.check_double_funding(
        other_state_funding=measure.other_state_funding, label=measure.title
    ):
        messages.warning(request, warning.message)
    messages.success(request, _("Åtgärden är sparad."))
    return redirect("grants:application", measure.application_id)


def _measure_page(
    request: HttpRequest,
    form: forms.MeasureForm,
    application: Application,
    error: StaleEditError | None = None,
) -> HttpResponse:
    measure = form.instance if form.instance.pk else None
    context = {
        "title": _("Ändra åtgärd") if measure else _("Ny åtgärd"),
        "form": form,
        "application": application,
        "measure": measure,
    }
    if error is None:
        return render(request, "grants/measure_form.html", context)
    years = (
        {f"year_{y}": None for y in forms.YEARS}
        | {f"year_{row.year}": row.applied_sek for row in error.current.year_amounts.all()}
        if error.current is not None
        else {}
    )
    context["conflict"] = record_conflict(error, form, years)
    return render(request, "grants/measure_form.html", context, status=409)


@login_required
def measure_create(request: HttpRequest, pk: int) -> HttpResponse:
    application = get_for_user(Application.objects.all(), request.user, "change", pk=pk)
    form = forms.MeasureForm(request.POST or None, user=request.user)

    def save(**fields: Any) -> Measure:
        return services.measure_create(by=request.user, application=application, **fields)

    return _measure_save(request, form, save, application) or _measure_page(
        request, form, application
    )


@login_required
def measure_edit(request: HttpRequest, pk: int) -> HttpResponse:
    measure = get_for_user(
        Measure.objects.select_related("application"), request.user, "change", pk=pk
    )
    form = forms.MeasureForm(request.POST or None, instance=measure, user=request.user)

    def save(**fields: Any) -> Measure:
        return services.measure_update(
            by=request.user,
            measure=Measure.objects.get(pk=pk),
            expected_version=form.loaded_version,
            **fields,
        )

    return _measure_save(request, form, save, measure.application) or _measure_page(
        request, form, measure.application
    )


@login_required
@require_POST
def measure_delete(request: HttpRequest, pk: int) -> HttpResponse:
    measure = get_for_user(Measure.objects.all(), request.user, "change", pk=pk)
    application_id = measure.application_id
    try:
        services.measure_delete(by=request.user, measure=measure)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Åtgärden är borttagen."))
    return redirect("grants:application", application_id)


def _decision_forms(
    request: HttpRequest, application: Application, decision: Decision | None
) -> tuple[forms.DecisionForm, list[forms.LineForm], Any]:
    measures = list(application.measures.select_related("category").order_by("position", "pk"))
    post = request.POST if request.method == "POST" else None
    if decision is not None:
        current = services.decision_data_from(decision)
        initial = {k: v for k, v in current.__dict__.items() if k not in {"lines", "payouts"}}
        lines = {line.measure.pk: line for line in current.lines}
        payouts = [p.__dict__ for p in current.payouts]
    else:
        initial, lines, payouts = {"published": True, "meeting": "", "decided_on": None}, {}, []
    line_forms = [
        forms.LineForm(
            post,
            prefix=f"line-{m.pk}",
            measure=m,
            initial=lines[m.pk].__dict__ if m.pk in lines else {},
        )
        for m in measures
    ]
    payout_forms = forms.PayoutFormSet(
        post,
        prefix="payout",
        initial=payouts or [{"year": year} for year in (2025, 2026, 2027)],
    )
    version = decision.row_version if decision is not None else None
    return forms.DecisionForm(post, initial=initial, version=version), line_forms, payout_forms


def _decision_conflict(
    error: StaleEditError, form: forms.DecisionForm, line_forms: list[forms.LineForm], payouts: Any
) -> Conflict:
    """The decision as saved now beside what the officer typed: its fields, lines, payouts."""
    if error.current is None:
        return conflict_for(error, form, [])
    saved = services.decision_data_from(error.current)
    lines = {line.measure.pk: line.__dict__ for line in saved.lines}
    parts: list[Part] = [(form, saved.__dict__, "")]
    parts += [(f, lines.get(f.measure.pk, {"outcome": ""}), f.measure.title) for f in line_forms]
    parts += [
        (
            f,
            saved.payouts[i].__dict__ if i < len(saved.payouts) else {},
            _("Utbetalning %(n)d") % {"n": i + 1},
        )
        for i, f in enumerate(payouts)
    ]
    return conflict_for(error, form, parts)


def _decision_page(
    request: HttpRequest, application: Application, decision: Decision | None
) -> HttpResponse:
    form, line_forms, payout_forms = _decision_forms(request, application, decision)
    conflict = None
    if request.method == "POST":
        valid = form.is_valid() & all([f.is_valid() for f in line_forms]) & payout_forms.is_valid()
        if valid:
            data = DecisionData(
                **{k: v for k, v in form.cleaned_data.items() if k != "outcome"},
                outcome=form.cleaned_data["outcome"] or None,
                lines=[
                    LineData(
                        measure=f.measure,
                        outcome=f.cleaned_data["outcome"],
                        granted_sek=f.cleaned_data["granted_sek"] or 0,
                        rejected_sek=f.cleaned_data["rejected_sek"],
                        share_percent=f.cleaned_data["share_percent"],
                        reason=f.cleaned_data["reason"],
                    )
                    for f in line_forms
                    if f.cleaned_data.get("outcome")
                ],
                payouts=[
                    PayoutData(
                        year=p.cleaned_data["year"],
                        amount_sek=p.cleaned_data["amount_sek"],
                        status=p.cleaned_data["status"],
                        paid_on=p.cleaned_data["paid_on"],
                    )
                    for p in payout_forms
                    if not p.is_blank
                ],
            )
            try:
                if decision is None:
                    saved = services.decision_record(
                        by=request.user, application=application, data=data
                    )
                else:
                    saved = services.decision_update(
                        by=request.user,
                        decision=decision,
                        data=data,
                        expected_version=form.loaded_version,
                    )
            except StaleEditError as error:
                conflict = _decision_conflict(error, form, line_forms, payout_forms)
            except ValidationError as error:
                _errors_to(form, error)
            else:
                messages.success(request, _("Beslutet är sparat."))
                return redirect("grants:decision", saved.pk)
    defaults = None
    if decision is None:
        defaults = rules.default_deadlines(decided_on=selectors.today(), last_payout_year=None)
    return render(
        request,
        "grants/decision_form.html",
        {
            "title": _("Ändra beslut") if decision else _("Registrera beslut"),
            "form": form,
            "line_forms": line_forms,
            "payout_forms": payout_forms,
            "application": application,
            "decision": decision,
            "defaults": defaults,
            "outcomes": Outcome,
            "conflict": conflict,
        },
        status=409 if conflict else 200,
    )


@login_required
def decision_create(request: HttpRequest, pk: int) -> HttpResponse:
    application = get_for_user(
        Application.objects.select_related("applicant"), request.user, "view", pk=pk
    )
    if not may_create(request.user, Decision, application.applicant_id):
        raise PermissionDenied(_("Bara Effektivitetsdelegationen registrerar beslut."))
    return _decision_page(request, application, None)


@login_required
def decision_edit(request: HttpRequest, pk: int) -> HttpResponse:
    decision = get_for_user(
        Decision.objects.select_related("application__applicant"), request.user, "change", pk=pk
    )
    return _decision_page(request, decision.application, decision)


def _condition_page(
    request: HttpRequest, decision: Decision, condition: Condition | None
) -> HttpResponse:
    form = forms.ConditionForm(
        request.POST or None, instance=condition, decision=decision, user=request.user
    )
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            services.condition_save(
                by=request.user,
                decision=decision,
                condition=condition,
                expected_version=form.loaded_version,
                **form.cleaned_data,
            )
        except StaleEditError as error:
            conflict = record_conflict(error, form)
        except ValidationError as error:
            _errors_to(form, error)
        else:
            messages.success(request, _("Villkoret är sparat."))
            return redirect("grants:decision", decision.pk)
    title = _("Ändra villkor") if condition else _("Nytt villkor")
    return _form_page(
        request, title, form, back_decision=decision, history_obj=condition, conflict=conflict
    )


@login_required
def condition_create(request: HttpRequest, pk: int) -> HttpResponse:
    decision = get_for_user(Decision.objects.all(), request.user, "change", pk=pk)
    return _condition_page(request, decision, None)


@login_required
def condition_edit(request: HttpRequest, pk: int) -> HttpResponse:
    condition = get_for_user(
        Condition.objects.select_related("decision"), request.user, "change", pk=pk
    )
    return _condition_page(request, condition.decision, condition)


@login_required
def budget_create(request: HttpRequest, slug: str) -> HttpResponse:
    programme = get_object_or_404(Programme, slug=slug)  # public reference data
    if not may_create(request.user, ProgrammeBudget, None):
        raise PermissionDenied(_("Bara Effektivitetsdelegationen ändrar programmets budget."))
    form = forms.BudgetForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.programme_budget_add(by=request.user, programme=programme, **form.cleaned_data)
        except ValidationError as error:
            _errors_to(form, error)
        else:
            messages.success(request, _("Budgetuppgiften är sparad."))
            return redirect("grants:programme", slug)
    return _form_page(request, _("Ny budgetuppgift"), form, back_programme=programme)
