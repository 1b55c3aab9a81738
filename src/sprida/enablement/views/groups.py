"""Pages for the working groups, the time regions give, the compensation and local effects."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet, Sum
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from sprida.accounts.models import User
from sprida.core.access import Role, actor_for, can_change, get_for_user, restrict
from sprida.core.collation import Swedish
from sprida.core.exports import XLSX_CONTENT_TYPE
from sprida.core.selectors import organisations_acted_for
from sprida.enablement import selectors, services
from sprida.enablement.exports import compensation_xlsx
from sprida.enablement.forms import (
    EffectForm,
    GroupForm,
    MeetingForm,
    MemberForm,
    PeriodForm,
    TimeForm,
)
from sprida.enablement.models import Dossier, GroupMember, LocalEffect, WorkingGroup
from sprida.enablement.views.common import report_error
from sprida.enablement.views.dossiers import can_change_dossiers


@login_required
def groups(request: HttpRequest) -> HttpResponse:
    form = GroupForm(request.POST or None, user=request.user)
    if request.method == "POST":
        if not can_change_dossiers(request.user):
            raise PermissionDenied
        if form.is_valid():
            try:
                group = services.group_create(
                    by=request.user,
                    name=form.cleaned_data["name"],
                    slug=form.cleaned_data["slug"],
                    purpose=form.cleaned_data["purpose"],
                    dossiers=list(form.cleaned_data["dossiers"]),
                )
            except ValidationError as exc:
                report_error(request, exc)
            else:
                messages.success(request, _("Arbetsgruppen är skapad."))
                return redirect("enablement:group", slug=group.slug)
    context = {
        "groups": selectors.groups_for(user=request.user),
        "form": form if can_change_dossiers(request.user) else None,
    }
    return render(request, "enablement/groups.html", context)


@login_required
def group_detail(request: HttpRequest, slug: str) -> HttpResponse:
    group = get_for_user(WorkingGroup.objects.select_related("owner"), request.user, slug=slug)
    is_coordinator = can_change(request.user, group)
    if request.method == "POST":
        if not is_coordinator:
            raise PermissionDenied
        action = request.POST.get("action")
        try:
            if action == "member":
                member_form = MemberForm(request.POST, prefix="member", user=request.user)
                if not member_form.is_valid():
                    raise ValidationError(_("Ange användarnamn, organisation och roll."))
                person = User.objects.filter(username=member_form.cleaned_data["username"]).first()
                if person is None:
                    raise ValidationError(
                        _("Det finns ingen användare med användarnamnet %(u)s.")
                        % {"u": member_form.cleaned_data["username"]}
                    )
                services.group_member_add(
                    by=request.user,
                    group=group,
                    person=person,
                    organisation=member_form.cleaned_data["organisation"],
                    role=member_form.cleaned_data["role"],
                    joined_on=timezone.localdate(),
                )
                messages.success(request, _("Medlemmen är tillagd."))
            elif action == "meeting":
                meeting_form = MeetingForm(request.POST, prefix="meeting")
                if not meeting_form.is_valid():
                    raise ValidationError(_("Ange datum (ÅÅÅÅ-MM-DD) och rubrik för mötet."))
                services.meeting_add(by=request.user, group=group, **meeting_form.cleaned_data)
                messages.success(request, _("Mötet är sparat."))
            else:
                raise Http404
        except ValidationError as exc:
            report_error(request, exc)
        return redirect("enablement:group", slug=slug)
    members = group.members.select_related("person", "organisation").order_by(
        Swedish("organisation__name"), "person__last_name"
    )
    hours = (
        selectors.time_for(user=request.user)
        .filter(group=group)
        .values("organisation__name")
        .annotate(total=Sum("hours"))
        .order_by(Swedish("organisation__name"))
    )
    context = {
        "group": group,
        "members": members,
        "meetings": group.meetings.all()[:20],
        "hours": hours,
        "dossiers": restrict(group.dossiers.all(), request.user),
        "is_coordinator": is_coordinator,
        "member_form": MemberForm(prefix="member", user=request.user),
        "meeting_form": MeetingForm(prefix="meeting"),
    }
    return render(request, "enablement/group.html", context)


def _recordable_members(user: Any) -> QuerySet[GroupMember]:
    """Seats the user may record time for: people of the organisations they edit for."""
    orgs = actor_for(user).orgs(Role.EDITOR)
    return (
        GroupMember.objects.filter(organisation_id__in=orgs)
        .select_related("person", "organisation", "group")
        .order_by(Swedish("organisation__name"), "person__last_name", Swedish("group__name"))
    )


@login_required
def time(request: HttpRequest) -> HttpResponse:
    members = _recordable_members(request.user)
    form = TimeForm(request.POST or None, members=members, user=request.user)
    if request.method == "POST":
        if not members.exists():
            raise PermissionDenied
        if form.is_valid():
            seat = form.cleaned_data["membership"]
            try:
                contribution = services.time_record(
                    by=request.user,
                    person=seat.person,
                    organisation=seat.organisation,
                    group=seat.group,
                    month=form.cleaned_data["month"],
                    hours=form.cleaned_data["hours"],
                    note=form.cleaned_data["note"],
                )
            except ValidationError as exc:
                report_error(request, exc)
            else:
                messages.success(
                    request,
                    _("%(hours)s timmar för %(person)s i %(month)s är sparade.")
                    % {
                        "hours": str(contribution.hours).replace(".", ","),
                        "person": contribution.person,
                        "month": contribution.month.strftime("%Y-%m"),
                    },
                )
                return redirect("enablement:time")
    rows = selectors.time_for(user=request.user).order_by(
        "-month", Swedish("organisation__name"), "person__last_name"
    )[:200]
    context = {"form": form if members.exists() else None, "rows": rows}
    return render(request, "enablement/time.html", context)


def _default_period() -> tuple[dt.date, dt.date]:
    today = timezone.localdate()
    return dt.date(today.year, 1, 1), dt.date(today.year, 12, 1)


@login_required
def compensation(request: HttpRequest) -> HttpResponse:
    start, end = _default_period()
    visible_groups = selectors.groups_for(user=request.user)
    form = PeriodForm(request.GET or None, groups=visible_groups, user=request.user)
    group = None
    if request.GET and form.is_valid():
        start, end = form.cleaned_data["start"], form.cleaned_data["end"]
        group = form.cleaned_data["group"]
    elif not request.GET:
        form = PeriodForm(
            initial={"start": start, "end": end}, groups=visible_groups, user=request.user
        )
    report = selectors.compensation_report(user=request.user, start=start, end=end, group=group)
    if request.GET.get("format") == "xlsx" and form.is_valid():
        response = HttpResponse(
            compensation_xlsx(report),
            content_type=XLSX_CONTENT_TYPE,
        )
        name = f"ersattning-arbetsgrupper-{start:%Y-%m}-{end:%Y-%m}.xlsx"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
    context = {
        "form": form,
        "report": report,
        "rounding_rule": selectors.ROUNDING_RULE,
        "query": request.GET.urlencode() if request.GET else f"start={start:%Y-%m}&end={end:%Y-%m}",
    }
    return render(request, "enablement/compensation.html", context)


@login_required
def effects(request: HttpRequest) -> HttpResponse:
    own = organisations_acted_for(user=request.user, model=LocalEffect, regions_only=True)
    form = EffectForm(
        request.POST or None,
        organisations=own,
        groups=selectors.groups_for(user=request.user),
        dossiers=restrict(Dossier.objects.all(), request.user),
        initial={"recorded_on": timezone.localdate()},
        user=request.user,
    )
    if request.method == "POST":
        if not own.exists():
            raise PermissionDenied
        if form.is_valid():
            try:
                services.local_effect_record(by=request.user, **form.cleaned_data)
            except ValidationError as exc:
                report_error(request, exc)
            else:
                messages.success(request, _("Effekten är sparad."))
                return redirect("enablement:effects")
    rows = restrict(LocalEffect.objects.all(), request.user).select_related(
        "organisation", "group", "dossier"
    )
    return render(
        request, "enablement/effects.html", {"form": form if own.exists() else None, "rows": rows}
    )
