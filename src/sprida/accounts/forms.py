from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _


class LoginForm(AuthenticationForm):
    username = forms.CharField(
        label=_("Användarnamn"),
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username"}),
    )
    password = forms.CharField(
        label=_("Lösenord"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    error_messages = {
        "invalid_login": _(
            "Fel användarnamn eller lösenord. Kontrollera stavningen; efter flera misslyckade "
            "försök spärras inloggningen en stund."
        ),
        "inactive": _("Kontot är avstängt. Kontakta en administratör i din organisation."),
    }


class CodeForm(forms.Form):
    """A second-factor code: six digits from the app, or a recovery code."""

    code = forms.CharField(
        label=_("Kod"),
        max_length=32,
        help_text=_("Sex siffror från din autentiseringsapp, eller en av dina reservkoder."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "spellcheck": "false", "autocapitalize": "none"}
        ),
        error_messages={"required": _("Skriv koden från din app eller en reservkod.")},
    )


class AppCodeForm(forms.Form):
    """Six digits from the authenticator app (to confirm a new app)."""

    code = forms.RegexField(
        label=_("Kod från appen"),
        regex=r"^\s*\d{3}\s?\d{3}\s*$",
        max_length=16,
        help_text=_("De sex siffror som appen visar just nu."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false"}
        ),
        error_messages={
            "required": _("Skriv de sex siffrorna som appen visar."),
            "invalid": _("Koden ska vara sex siffror, till exempel 123456."),
        },
    )
