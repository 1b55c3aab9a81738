"""Browsable API docs with Swagger UI served from our own static files (no CDN)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from ninja import NinjaAPI
from ninja.openapi.docs import DocsBase

SWAGGER_SETTINGS = {
    "layout": "BaseLayout",
    "deepLinking": True,
    "persistAuthorization": False,
    "tryItOutEnabled": False,
}


class VendoredSwagger(DocsBase):
    def render_page(self, request: HttpRequest, api: NinjaAPI, **kwargs: Any) -> HttpResponse:
        settings = {**SWAGGER_SETTINGS, "url": reverse("api:v1:openapi-json", kwargs=kwargs)}
        context = {"api": api, "swagger_settings": settings}
        return render(request, "api/swagger.html", context)
