from django import forms
from django.utils.translation import gettext_lazy as _


class TokenCreateForm(forms.Form):
    name = forms.CharField(
        label=_("Namn på nyckeln"),
        max_length=100,
        help_text=_("Vad nyckeln ska användas till, t.ex. ”Uppföljning i Power BI”."),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
