from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".pdf,.docx,.txt,.md"}))
        kwargs.setdefault("allow_empty_file", True)  # the reader says "empty" in its own words
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        single = super().clean
        if isinstance(data, list | tuple) and data:
            return [single(item, initial) for item in data]
        return [single(data or None, initial)]  # no file at all: the field's "required" error


class UploadForm(forms.Form):
    documents = MultipleFileField(
        label=_("Dokument"),
        help_text=_(
            "PDF med textlager, Word (.docx), text eller Markdown. "
            "Du kan välja eller dra hit flera filer."
        ),
        error_messages={"required": _("Välj minst en fil att ladda upp.")},
    )
