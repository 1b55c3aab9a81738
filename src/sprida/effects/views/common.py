"""Helpers the effects views share."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from sprida.core.conflicts import Conflict


def validation_messages(error: ValidationError) -> list[str]:
    return [str(message) for message in error.messages]


def add_service_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """Put a service's refusal on the form, on the field it names where it names one."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)


def form_page(
    request: HttpRequest,
    *,
    form: forms.BaseForm,
    title: str,
    back_url: str,
    back_label: str,
    multipart: bool = False,
    status: int = 200,
    intro: str = "",
    conflict: Conflict | None = None,
) -> HttpResponse:
    """A form on its own page: what a small form on a record page falls back to on errors;
    `conflict`: the save was refused as stale (409) and what differs is shown."""
    if form.errors and request.method == "POST":
        messages.error(request, _("Uppgifterna sparades inte. Rätta det som står vid fälten."))
        status = 400 if status == 200 else status
    context: dict[str, Any] = {
        "form": form,
        "title": title,
        "back_url": back_url,
        "back_label": back_label,
        "multipart": multipart,
        "intro": intro,
        "conflict": conflict,
    }
    if conflict is not None:
        status = 409
    return render(request, "effects/form.html", context, status=status)
