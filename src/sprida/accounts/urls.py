from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy
from django.views.generic import RedirectView

from sprida.accounts import views, views_twofactor

app_name = "accounts"
urlpatterns = [
    path("logga-in/", views.SpridaLoginView.as_view(), name="login"),
    path("logga-in/kod/", views.login_code, name="login_code"),
    path("logga-ut/", auth_views.LogoutView.as_view(), name="logout"),
    path("", views.profile, name="profile"),
    path("tvastegsverifiering/", views_twofactor.two_factor, name="two_factor"),
    path("tvastegsverifiering/ny/", views_twofactor.two_factor_setup, name="two_factor_setup"),
    path(
        "tvastegsverifiering/reservkoder/",
        views_twofactor.recovery_codes_renew,
        name="recovery_codes_renew",
    ),
    path(
        "tvastegsverifiering/stang-av/",
        views_twofactor.two_factor_disable,
        name="two_factor_disable",
    ),
    path("api-nycklar/", RedirectView.as_view(pattern_name="api:tokens"), name="api_tokens"),
    path(
        "losenord/",
        auth_views.PasswordChangeView.as_view(
            success_url=reverse_lazy("accounts:password_change_done")
        ),
        name="password_change",
    ),
    path(
        "losenord/klart/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"
    ),
    path(
        "aterstall/",
        auth_views.PasswordResetView.as_view(
            success_url=reverse_lazy("accounts:password_reset_done"),
            email_template_name="registration/password_reset_email.txt",
            subject_template_name="registration/password_reset_subject.txt",
        ),
        name="password_reset",
    ),
    path(
        "aterstall/skickat/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"
    ),
    path(
        "aterstall/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            success_url=reverse_lazy("accounts:password_reset_complete")
        ),
        name="password_reset_confirm",
    ),
    path(
        "aterstall/klart/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]
