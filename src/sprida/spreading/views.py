from __future__ import annotations

from django.http import HttpRequest, HttpResponse


def catalogue(request: HttpRequest) -> HttpResponse:
    return HttpResponse("")


def solution_detail(request: HttpRequest, slug: str) -> HttpResponse:
    return HttpResponse("")


def measure_similar(request: HttpRequest, pk: int) -> HttpResponse:
    return HttpResponse("")
