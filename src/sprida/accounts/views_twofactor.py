"""Tvåstegsverifiering under Mitt konto: set up an authenticator app, see the recovery codes
once, renew them, turn it off. Every view acts on the signed-in user's own devices only."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from sprida.accounts import services
from sprida.accounts.forms import AppCodeForm, CodeForm
from sprida.accounts.qr import qr_svg, secret_for_typing
from sprida.accounts.selectors import two_factor_status


def _next_url(request: HttpRequest) -> str:
    """Where to continue after setup: a local address the gate sent us from, else home."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("core:home")


def _status_page(request: HttpRequest, *, status: int = 200, **forms: Any) -> HttpResponse:
    context = {
        "status": two_factor_status(user=request.user),
        "disable_form": forms.get("disable_form") or CodeForm(prefix="disable"),
        "renew_form": forms.get("renew_form") or CodeForm(prefix="renew"),
    }
    return render(request, "accounts/two_factor.html", context, status=status)


def _codes_page(request: HttpRequest, codes: list[str], *, next_url: str) -> HttpResponse:
    return render(request, "accounts/recovery_codes.html", {"codes": codes, "next": next_url})


@login_required
@never_cache
def two_factor(request: HttpRequest) -> HttpResponse:
    return _status_page(request)


@login_required
@never_cache
@sensitive_post_parameters("code")
def two_factor_setup(request: HttpRequest) -> HttpResponse:
    status = two_factor_status(user=request.user)
    if status.enabled or status.uses_provider:
        return redirect("accounts:two_factor")
    device = services.totp_device_start(user=request.user)
    form = AppCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = services.totp_device_confirm(user=request.user, code=form.cleaned_data["code"])
        if codes is not None:
            request.session.cycle_key()
            otp_login(request, TOTPDevice.objects.get(pk=device.pk))
            return _codes_page(request, codes, next_url=_next_url(request))
        form.add_error(
            "code",
            _(
                "Koden stämmer inte. Kontrollera att du skannade koden på den här sidan och att "
                "klockan i telefonen går rätt, och skriv sedan den kod appen visar just nu."
            ),
        )
    context = {
        "status": status,
        "form": form,
        "qr": qr_svg(device.config_url, label=_("QR-kod att skanna med din autentiseringsapp")),
        "secret": secret_for_typing(device.bin_key),
        "next": _next_url(request),
    }
    status_code = 400 if form.errors else 200
    return render(request, "accounts/two_factor_setup.html", context, status=status_code)


def _checked(request: HttpRequest, form: CodeForm) -> bool:
    """Does the form carry a code (app or recovery) of the signed-in user? Errors go on it."""
    if not form.is_valid():
        return False
    check = services.second_factor_check(user=request.user, code=form.cleaned_data["code"])
    if check.device is not None:
        return True
    form.add_error("code", _("Koden stämmer inte. Försök igen med den kod appen visar nu."))
    return False


@login_required
@require_POST
@never_cache
@sensitive_post_parameters("disable-code")
def two_factor_disable(request: HttpRequest) -> HttpResponse:
    form = CodeForm(request.POST, prefix="disable")
    if not _checked(request, form):
        return _status_page(request, status=400, disable_form=form)
    services.two_factor_disable(user=request.user)
    if two_factor_status(user=request.user).required:
        messages.warning(
            request,
            _(
                "Tvåstegsverifieringen är avstängd. Din roll kräver den, så ställ in den igen, "
                "till exempel med en ny telefon, innan du fortsätter."
            ),
        )
        return redirect("accounts:two_factor_setup")
    messages.success(
        request,
        _("Tvåstegsverifieringen är avstängd. Inloggningen frågar nu bara efter lösenordet."),
    )
    return redirect("accounts:two_factor")


@login_required
@require_POST
@never_cache
@sensitive_post_parameters("renew-code")
def recovery_codes_renew(request: HttpRequest) -> HttpResponse:
    form = CodeForm(request.POST, prefix="renew")
    if not _checked(request, form):
        return _status_page(request, status=400, renew_form=form)
    codes = services.recovery_codes_renew(user=request.user)
    return _codes_page(request, codes, next_url=reverse("accounts:two_factor"))
