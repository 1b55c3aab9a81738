from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from sprida.search.forms import SearchForm
from sprida.search.selectors import search_for_user


def search(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET or None, user=request.user)
    hits = []
    searched = False
    if form.is_valid() and form.cleaned_data["q"].strip():
        data = form.cleaned_data
        searched = True
        hits = search_for_user(
            user=request.user,
            q=data["q"],
            kinds=data["kind"] or None,
            region=data["region"].pk if data["region"] else None,
            category=data["category"].slug if data["category"] else "",
            limit=50,
        )
    template = "search/_results.html" if request.headers.get("HX-Request") else "search/search.html"
    return render(request, template, {"form": form, "hits": hits, "searched": searched})
