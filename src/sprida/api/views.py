"""The token page: create a personal API token (shown once), see when each was used, revoke."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sprida.api import selectors, services
from sprida.api.forms import TokenCreateForm


@login_required
def tokens(request: HttpRequest) -> HttpResponse:
    form = TokenCreateForm(request.POST or None)
    new_token = ""
    if request.method == "POST" and form.is_valid():
        try:
            _token, new_token = services.token_create(
                by=request.user, name=form.cleaned_data["name"]
            )
        except services.TokenError as error:
            form.add_error("name", str(error))
        else:
            form = TokenCreateForm()
    context = {
        "form": form,
        "new_token": new_token,
        "tokens": selectors.tokens_for_user(user=request.user),
        "api_base": request.build_absolute_uri("/api/v1/"),
    }
    return render(request, "api/tokens.html", context, status=201 if new_token else 200)


@login_required
@require_POST
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    token = selectors.tokens_for_user(user=request.user).filter(pk=pk).first()
    if token is None:
        raise Http404
    services.token_revoke(by=request.user, token=token)
    messages.success(
        request,
        _("Nyckeln ”%(name)s” är återkallad och fungerar inte längre.") % {"name": token.name},
    )
    return redirect("api:tokens")
