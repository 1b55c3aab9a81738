"""The API under /api/v1/ and the token pages under /api/tokens/."""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.urls import URLPattern, URLResolver, include, path, re_path
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers

from sprida.api import views
from sprida.api.api import api
from sprida.api.endpoints.public import PUBLIC_MAX_AGE
from sprida.api.problems import problem_response

app_name = "api"

View = Callable[..., HttpResponse]


def _api_view(view: View, *, public: bool) -> View:
    """Every API answer in English and as problem+json, and open data cacheable."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        with translation.override("en"):
            response = view(request, *args, **kwargs)
        if response.status_code == 405 and not response.get("Content-Type", "").startswith(
            "application/problem+json"
        ):
            allowed = response.get("Allow", "")
            response = problem_response(
                405,
                f"{request.method} is not allowed here; use {allowed}.",
                headers={"Allow": allowed},
            )
        if public and request.method in {"GET", "HEAD"} and response.status_code == 200:
            patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
            etag = '"' + hashlib.sha256(response.content).hexdigest()[:32] + '"'
            response["ETag"] = etag
            if etag in request.headers.get("If-None-Match", ""):
                not_modified = HttpResponseNotModified()
                not_modified["ETag"] = etag
                patch_cache_control(not_modified, public=True, max_age=PUBLIC_MAX_AGE)
                return not_modified
        elif not public:
            patch_vary_headers(response, ["Authorization", "Cookie"])
            patch_cache_control(response, private=True, no_store=True)
        return response

    return wrapped


def _wrapped(patterns: list[URLPattern | URLResolver]) -> list[URLPattern | URLResolver]:
    for pattern in patterns:
        if isinstance(pattern, URLPattern):
            route = str(pattern.pattern)
            pattern.callback = _api_view(pattern.callback, public=route.startswith("public/"))
    return patterns


def not_found(request: HttpRequest, rest: str = "") -> HttpResponse:
    return problem_response(404, f"There is no API endpoint at {request.path}.")


_v1_patterns, _v1_app, _v1_namespace = api.urls

urlpatterns = [
    path("v1/", include((_wrapped(_v1_patterns), _v1_app), namespace=_v1_namespace)),
    path("tokens/", views.tokens, name="tokens"),
    path("tokens/<int:pk>/aterkalla/", views.token_revoke, name="token_revoke"),
    re_path(r"^v1/(?P<rest>.*)$", not_found),
]
