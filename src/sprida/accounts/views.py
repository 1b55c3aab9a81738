from __future__ import annotations

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from sprida.accounts.forms import LoginForm


class SpridaLoginView(auth_views.LoginView):
    form_class = LoginForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs: object) -> dict[str, object]:
        context = super().get_context_data(**kwargs)
        context["oidc_enabled"] = settings.OIDC_ENABLED
        return context


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
        {"memberships": memberships, "account_links": account_links},
    )
