from __future__ import annotations

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_lockout_response
from django.conf import settings
from django.contrib import auth, messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.signals import user_login_failed
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import formats
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import login as otp_login

from sprida.accounts import services, signin
from sprida.accounts.forms import CodeForm, LoginForm
from sprida.accounts.selectors import has_second_factor, recovery_codes_left, two_factor_status


class SpridaLoginView(auth_views.LoginView):
    """The password; for an account with an authenticator app, then the code (login_code)."""

    form_class = LoginForm
    redirect_authenticated_user = True

    def form_valid(self, form: LoginForm) -> HttpResponse:  # type: ignore[override]
        user = form.get_user()
        if has_second_factor(user=user):
            signin.pending_begin(self.request, user=user, next_url=self.get_success_url())
            return redirect("accounts:login_code")
        return super().form_valid(form)

    def get_context_data(self, **kwargs: object) -> dict[str, object]:
        context = super().get_context_data(**kwargs)
        context["oidc_enabled"] = settings.OIDC_ENABLED
        return context


@never_cache
@sensitive_post_parameters("code")
def login_code(request: HttpRequest) -> HttpResponse:
    """The second step: a code from the app or a recovery code. A wrong code counts as a failed
    sign-in for the lockout, exactly like a wrong password."""
    pending = signin.pending_get(request)
    if pending is None:
        messages.info(request, _("Logga in med ditt lösenord först."))
        return redirect("accounts:login")
    credentials = {"username": pending.user.get_username()}  # as the password form sent it
    if not AxesProxyHandler.is_allowed(request, credentials):
        signin.pending_end(request)
        return get_lockout_response(request, None, credentials)
    form = CodeForm(request.POST or None)
    form.fields["code"].widget.attrs["autofocus"] = True
    if request.method == "POST" and form.is_valid():
        check = services.second_factor_check(user=pending.user, code=form.cleaned_data["code"])
        if check.device is not None:
            signin.pending_end(request)
            auth.login(request, pending.user, backend=pending.backend)
            otp_login(request, check.device)
            if check.is_recovery_code:
                _warn_recovery_code_used(request)
            return redirect(pending.next_url)
        user_login_failed.send(sender=__name__, credentials=credentials, request=request)
        if getattr(request, "axes_locked_out", False):
            signin.pending_end(request)  # AxesMiddleware answers with the lockout page
        form.add_error("code", _code_refused_message(check))
    status = 400 if form.errors else 200
    return render(request, "accounts/login_code.html", {"form": form}, status=status)


def _code_refused_message(check: services.CodeCheck) -> str:
    if check.wait_until is not None:
        when = formats.time_format(localtime(check.wait_until), "H:i:s")
        return _("För många felaktiga koder i rad. Vänta till %(time)s och försök sedan igen.") % {
            "time": when
        }
    return _(
        "Koden stämmer inte. Skriv den kod som appen visar just nu (koden byts var 30:e "
        "sekund), eller en reservkod du inte har använt."
    )


def _warn_recovery_code_used(request: HttpRequest) -> None:
    left = recovery_codes_left(user=request.user)
    if left:
        text = _("Du loggade in med en reservkod. Den fungerar inte igen; du har %(n)d kvar.")
    else:
        text = _(
            "Du loggade in med din sista reservkod. Skapa nya under Tvåstegsverifiering på "
            "sidan Mitt konto."
        )
    messages.warning(request, text % {"n": left})


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    memberships = request.user.memberships.select_related("organisation").order_by(  # type: ignore[union-attr]
        "organisation__name"
    )
    # Other apps' pages about one's own account (API keys for now).
    account_links = [{"url": reverse("api:tokens"), "label": _("API-nycklar")}]
    return render(
        request,
        "accounts/profile.html",
        {
            "memberships": memberships,
            "account_links": account_links,
            "two_factor": two_factor_status(user=request.user),
        },
    )
