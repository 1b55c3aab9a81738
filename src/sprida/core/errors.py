"""Error pages: styled, in the user's language, each with a way back. Under /api/ the answer
stays problem+json, in English, whatever went wrong."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.template import loader
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sprida.api.problems import problem_response

API_PREFIX = "/api/v1/"

# Status → (page heading, what to do). Words a person can act on, never the exception.
_TEXTS = {
    400: (
        gettext_lazy("Begäran kunde inte tolkas"),
        gettext_lazy("Något i det som skickades var inte som väntat. Gå tillbaka och försök igen."),
    ),
    403: (
        gettext_lazy("Du har inte behörighet till sidan"),
        gettext_lazy(
            "Sidan eller åtgärden är inte öppen för ditt konto. Logga in med ett annat konto "
            "eller kontakta din organisations samordnare om du behöver behörighet."
        ),
    ),
    404: (
        gettext_lazy("Sidan finns inte"),
        gettext_lazy(
            "Adressen kan vara felskriven, eller så har sidan tagits bort eller flyttats."
        ),
    ),
    500: (
        gettext_lazy("Något gick fel hos oss"),
        gettext_lazy(
            "Ett oväntat fel inträffade och det du gjorde sparades inte. Felet är loggat. "
            "Försök igen om en stund."
        ),
    ),
}

_API_DETAIL = {
    400: "The request could not be read.",
    403: "You may not do this.",
    404: "There is nothing at this address.",
    500: "An unexpected error occurred; nothing was saved. Try again later.",
}


def _page(request: HttpRequest, status: int, heading: str, advice: str) -> HttpResponse:
    if request.path.startswith(API_PREFIX):
        return problem_response(status, _API_DETAIL[status])
    template = loader.get_template("errors/error.html")
    context = {"status": status, "heading": heading, "advice": advice}
    if status == 500:
        # No request context: a failing context processor must not hide the error page.
        return HttpResponse(template.render(context), status=status)
    return HttpResponse(template.render(context, request), status=status)


def _texts(status: int) -> tuple[str, str]:
    heading, advice = _TEXTS[status]
    return str(heading), str(advice)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _page(request, 400, *_texts(400))


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _page(request, 403, *_texts(403))


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _page(request, 404, *_texts(404))


def server_error(request: HttpRequest) -> HttpResponse:
    return _page(request, 500, *_texts(500))


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    if request.path.startswith(API_PREFIX):
        with translation.override("en"):
            return problem_response(403, "The CSRF check failed; reload the page and try again.")
    return _page(
        request,
        403,
        _("Formuläret kunde inte skickas"),
        _(
            "Sidan hade legat öppen länge eller kakor är avstängda i webbläsaren, så "
            "säkerhetskontrollen stoppade formuläret. Ladda om sidan och skicka igen; "
            "det du skrev kan behöva fyllas i på nytt."
        ),
    )
