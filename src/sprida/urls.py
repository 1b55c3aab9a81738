from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView

admin.site.site_header = _("Sprida – administration")
admin.site.site_title = _("Sprida")
admin.site.index_title = _("Administration")

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    # One sign-in for everyone: the admin's own form would skip the code step and the lockout's
    # count (a success there resets it), so it sends people to Sprida's.
    path(
        "admin/login/",
        RedirectView.as_view(pattern_name="accounts:login", query_string=True),
        name="admin_login",
    ),
    path("admin/", admin.site.urls),
    path("konto/", include("sprida.accounts.urls")),
    path("bidrag/", include("sprida.grants.urls")),
    path("dokument/", include("sprida.intake.urls")),
    path("effekter/", include("sprida.effects.urls")),
    path("spridning/", include("sprida.spreading.urls")),
    path("underlag/", include("sprida.enablement.urls")),
    path("sok/", include("sprida.search.urls")),
    path("api/", include("sprida.api.urls")),
    path("", include("sprida.core.urls")),
]

if settings.OIDC_ENABLED:
    urlpatterns.insert(0, path("oidc/", include("mozilla_django_oidc.urls")))

handler400 = "sprida.core.errors.bad_request"
handler403 = "sprida.core.errors.permission_denied"
handler404 = "sprida.core.errors.page_not_found"
handler500 = "sprida.core.errors.server_error"
