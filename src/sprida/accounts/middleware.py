"""The second factor's gate, after django-otp's OTPMiddleware has marked verified sessions.

- A session whose user has an authenticator app but never gave its code (one from before the
  app was set up, or made by another sign-in form) is signed out and sent to sign in again.
- Where two-factor sign-in is required (SPRIDA_REQUIRE_2FA_FOR_STAFF), a site administrator
  or delegation officer without an app reaches only its setup, sign-out and static files.
- Single sign-on sessions rely on the region's provider and pass. API calls with a token pass
  (the token decides); an API call that would ride on a gated session is treated as anonymous.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import BACKEND_SESSION_KEY, logout
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _

from sprida.accounts.selectors import PROVIDER_BACKEND, has_second_factor, second_factor_required

API_PREFIX = "/api/v1/"


def signed_in_with_provider(request: HttpRequest) -> bool:
    return request.session.get(BACKEND_SESSION_KEY) == PROVIDER_BACKEND


def _redirect(request: HttpRequest, url: str) -> HttpResponse:
    if request.headers.get("HX-Request"):
        response = HttpResponse(status=204)
        response["HX-Redirect"] = url
        return response
    return HttpResponseRedirect(url)


class SecondFactorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self._gate(request) or self.get_response(request)

    def _gate(self, request: HttpRequest) -> HttpResponse | None:
        path = request.path
        if path.startswith(settings.STATIC_URL) or path == reverse("accounts:logout"):
            return None
        api = path.startswith(API_PREFIX)
        if api and request.headers.get("Authorization", "").lower().startswith("bearer "):
            return None
        user = request.user
        if not user.is_authenticated or signed_in_with_provider(request):
            return None
        if getattr(user, "is_verified", lambda: False)():  # set by OTPMiddleware
            return None
        if has_second_factor(user=user):
            if api:
                request.user = AnonymousUser()
                return None
            return self._sign_in_again(request)
        if second_factor_required(user=user) and path not in self._setup_paths():
            if api:
                request.user = AnonymousUser()
                return None
            setup = reverse("accounts:two_factor_setup")
            return _redirect(request, f"{setup}?{urlencode({'next': request.get_full_path()})}")
        return None

    @staticmethod
    def _setup_paths() -> set[str]:
        return {
            reverse("accounts:two_factor"),
            reverse("accounts:two_factor_setup"),
            reverse("set_language"),
            reverse("core:healthz"),
        }

    @staticmethod
    def _sign_in_again(request: HttpRequest) -> HttpResponse:
        next_url = request.get_full_path() if request.method == "GET" else ""
        logout(request)
        messages.info(request, _("Logga in igen, nu med koden från din autentiseringsapp."))
        login = reverse("accounts:login")
        return _redirect(request, f"{login}?{urlencode({'next': next_url})}" if next_url else login)
