"""Helpers for tests of edit forms: post back what a loaded form shows, with some changes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django import forms


def form_data(form: Any) -> dict[str, Any]:
    """What a browser would post for `form` as it was rendered (its initial or bound values);
    a formset or a list of forms gives all of theirs."""
    data: dict[str, Any] = {}
    if isinstance(form, forms.BaseFormSet):
        data.update(form_data(form.management_form))
        form = list(form)
    if isinstance(form, list):
        for each in form:
            data.update(form_data(each["form"] if isinstance(each, dict) else each))
        return data
    for bound in form:
        value = bound.value()
        if isinstance(bound.field, forms.BooleanField):
            if value:
                data[bound.html_name] = "on"
            continue
        if value is None:
            value = ""
        elif isinstance(value, list | tuple):
            value = [str(v) for v in value]
        elif isinstance(value, dt.date):
            value = value.isoformat()
        else:
            value = str(value)
        data[bound.html_name] = value
    return data


def page_data(response: Any, names: Iterable[str] = ("form",), **changes: Any) -> dict[str, Any]:
    """The data of the forms named `names` in a page's context, with `changes` applied."""
    data: dict[str, Any] = {}
    for name in names:
        data.update(form_data(response.context[name]))
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    return data


def conflict_of(response: Any) -> Any:
    """The conflict a refused save shows (asserting the refusal's answer)."""
    assert response.status_code == 409, response.status_code
    html = response.content.decode()
    assert "sparade medan du skrev" in html or "sparades i ett annat fönster" in html
    assert "Dina ändringar är inte sparade" in html
    return response.context["conflict"]


def _errors(response: Any) -> Any:
    context = getattr(response, "context", None) or {}
    form = context.get("form") if hasattr(context, "get") else None
    return getattr(form, "errors", None)


def two_saves(
    first: Any,
    second: Any,
    url: str,
    *,
    mine: dict[str, Any],
    theirs: dict[str, Any],
    names: Iterable[str] = ("form",),
) -> Any:
    """Two people load the same edit page; the first saves `mine`, then the second saves
    `theirs` from the version they loaded. Returns the second answer."""
    names = tuple(names)
    page_1, page_2 = first.get(url), second.get(url)
    assert page_1.status_code == page_2.status_code == 200
    saved = first.post(url, page_data(page_1, names, **mine))
    assert saved.status_code == 302, _errors(saved)
    return second.post(url, page_data(page_2, names, **theirs))


def save_again(
    client: Any, url: str, refused: Any, names: Iterable[str] = ("form",), **changes: Any
) -> Any:
    """After a refusal: post the page as shown (the person's input, the new version) again."""
    answer = client.post(url, page_data(refused, tuple(names), **changes))
    assert answer.status_code == 302, _errors(answer)
    return answer
