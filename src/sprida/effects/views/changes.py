"""Change notifications: the region files one, the delegation answers, both read the history."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from sprida.core.access import actor_for, may_act_for
from sprida.effects import notifications, selectors
from sprida.effects.forms import ChangeAnswerForm, ChangeNotificationForm
from sprida.effects.views.common import add_service_errors, form_page


@login_required
@require_GET
def change_list(request: HttpRequest) -> HttpResponse:
    items = list(selectors.change_notifications(user=request.user))
    context = {
        "items": items,
        "open": [n for n in items if not hasattr(n, "answer")],
        "may_answer": actor_for(request.user).is_funder or actor_for(request.user).site_admin,
    }
    return render(request, "effects/changes.html", context)


@login_required
def change_new(request: HttpRequest, decision_pk: int) -> HttpResponse:
    decision = selectors.decision_for_change(user=request.user, pk=decision_pk)
    if not may_act_for(request.user, decision.application.applicant_id):
        raise PermissionDenied
    form = ChangeNotificationForm(request.POST or None, decision=decision, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            notification = notifications.change_notification_file(
                by=request.user, decision=decision, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Ändringsanmälan är skickad till Effektivitetsdelegationen, som får ett e-post."),
            )
            return redirect("effects:change", pk=notification.pk)
    return form_page(
        request,
        form=form,
        title=_("Anmäl ändring i genomförandet"),
        back_url=reverse("effects:changes"),
        back_label=_("Ändringsanmälningar"),
        intro=_(
            "Beslutet säger att förändringar i genomförandet ska anmälas till "
            "Effektivitetsdelegationen. Beskriv vad som ändras, varför och hur det påverkar "
            "kostnad, tidplan och förväntade effekter. En skickad anmälan kan inte ändras; "
            "skicka en ny om något mer ändras."
        ),
    )


@login_required
@require_GET
def change_detail(request: HttpRequest, pk: int) -> HttpResponse:
    notification = selectors.change_notification_for_user(user=request.user, pk=pk)
    actor = actor_for(request.user)
    answer = getattr(notification, "answer", None)
    context = {
        "notification": notification,
        "answer": answer,
        "may_answer": actor.is_funder or actor.site_admin,
        "answer_form": ChangeAnswerForm(
            initial={"outcome": answer.outcome, "message": answer.message} if answer else None
        ),
    }
    return render(request, "effects/change.html", context)


@login_required
@require_POST
def change_answer(request: HttpRequest, pk: int) -> HttpResponse:
    notification = selectors.change_notification_for_user(user=request.user, pk=pk)
    actor = actor_for(request.user)
    if not (actor.is_funder or actor.site_admin):
        raise PermissionDenied
    form = ChangeAnswerForm(request.POST)
    if form.is_valid():
        try:
            notifications.change_notification_answer(
                by=request.user, notification=notification, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Svaret är skickat till regionen."))
            return redirect("effects:change", pk=notification.pk)
    return form_page(
        request,
        form=form,
        title=_("Besvara ändringsanmälan"),
        back_url=reverse("effects:change", args=[notification.pk]),
        back_label=_("Ändringsanmälan"),
    )
